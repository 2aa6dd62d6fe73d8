
/// The register as an Office Open XML workbook: one sheet, Annex 1's headings in a bold, frozen
/// first row, then one row per entry. Inline strings, so there is no shared-string table to keep
/// consistent; the least a workbook can be and still open in Excel and LibreOffice.
public enum RegisterXLSX {
    public static func bytes(_ rows: [RegisterRow], language: RegisterLanguage) -> [UInt8] {
        var zip = ZipWriter()
        zip.add("[Content_Types].xml", contentTypes)
        zip.add("_rels/.rels", packageRelationships)
        zip.add("xl/workbook.xml", workbook(sheetName: language.sheetName))
        zip.add("xl/_rels/workbook.xml.rels", workbookRelationships)
        zip.add("xl/styles.xml", styles)
        zip.add("xl/worksheets/sheet1.xml", sheet(rows, language: language))
        return zip.bytes
    }

    static let header = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
    static let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    static let relationshipTypes = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

    static let contentTypes = header + """
        <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
        <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
        <Default Extension="xml" ContentType="application/xml"/>\
        <Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>\
        <Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>\
        <Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>\
        </Types>
        """

    static let packageRelationships = header + """
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
        <Relationship Id="rId1" Type="\(relationshipTypes)/officeDocument" Target="xl/workbook.xml"/>\
        </Relationships>
        """

    static func workbook(sheetName: String) -> String {
        header + """
            <workbook xmlns="\(main)" xmlns:r="\(relationshipTypes)">\
            <sheets><sheet name="\(MarkupText.escaped(sheetName))" sheetId="1" r:id="rId1"/></sheets>\
            </workbook>
            """
    }

    static let workbookRelationships = header + """
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
        <Relationship Id="rId1" Type="\(relationshipTypes)/worksheet" Target="worksheets/sheet1.xml"/>\
        <Relationship Id="rId2" Type="\(relationshipTypes)/styles" Target="styles.xml"/>\
        </Relationships>
        """

    /// Style 1 is the bold heading, style 2 a data cell; both wrap, since cells hold several lines.
    static let styles = header + """
        <styleSheet xmlns="\(main)">\
        <fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts>\
        <fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>\
        <borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>\
        <cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>\
        <cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>\
        <xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1" applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf>\
        <xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf>\
        </cellXfs>\
        <cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>\
        </styleSheet>
        """

    static func sheet(_ rows: [RegisterRow], language: RegisterLanguage) -> String {
        let columns = Array("ABCDEFGHIJK")
        var xml = header + #"<worksheet xmlns="\#(main)">"#
        xml += #"<dimension ref="A1:K\#(rows.count + 1)"/>"#
        xml += #"<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>"#
        xml += #"<cols><col min="1" max="1" width="6" customWidth="1"/><col min="2" max="11" width="36" customWidth="1"/></cols>"#
        xml += "<sheetData>"
        func row(_ number: Int, _ cells: [String], style: Int, numbered: Bool) {
            xml += #"<row r="\#(number)">"#
            for (index, text) in cells.enumerated() where !text.isEmpty {
                let reference = "\(columns[index])\(number)"
                if numbered && index == 0, let value = Int(text) {
                    xml += #"<c r="\#(reference)" s="\#(style)"><v>\#(value)</v></c>"#
                } else {
                    xml += #"<c r="\#(reference)" s="\#(style)" t="inlineStr"><is><t xml:space="preserve">"#
                        + MarkupText.escaped(cellText(text)) + "</t></is></c>"
                }
            }
            xml += "</row>"
        }
        row(1, language.headings, style: 1, numbered: false)
        for (index, entry) in rows.enumerated() { row(index + 2, entry.cells(language), style: 2, numbered: true) }
        return xml + "</sheetData></worksheet>"
    }

    /// One kind of line break, and no more than the 32,767 characters a cell may hold: Excel
    /// refuses the whole workbook over one longer cell.
    static func cellText(_ text: String) -> String {
        var out = String(text.map { $0 == "\r\n" || $0 == "\r" ? "\n" : $0 })
        let limit = 32_767
        if out.utf16.count > limit {
            var cut = "", units = 0
            for character in out {
                units += character.utf16.count
                if units > limit - 1 { break }
                cut.append(character)
            }
            out = cut + "…"
        }
        return out
    }
}
