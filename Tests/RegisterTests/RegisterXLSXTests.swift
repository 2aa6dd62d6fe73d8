import Foundation
import Register
import Testing

/// Opens the workbook with Python's zipfile, checks every part is well-formed XML and the
/// package's required parts are there, and returns the sheet's rows as written (inline strings
/// and numbers), with whether the first row's style is bold.
private func readWorkbook(_ bytes: [UInt8]) throws -> (rows: [[String]], boldHeader: Bool, sheetName: String) {
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    try scratch.write("register.xlsx", bytes)
    let json = try ExternalProgram.python("""
        import json, sys, zipfile
        import xml.dom.minidom as minidom
        z = zipfile.ZipFile(sys.argv[1])
        assert z.testzip() is None
        names = set(z.namelist())
        for required in ['[Content_Types].xml', '_rels/.rels', 'xl/workbook.xml', 'xl/_rels/workbook.xml.rels',
                         'xl/worksheets/sheet1.xml', 'xl/styles.xml']:
            assert required in names, required
        docs = {name: minidom.parseString(z.read(name)) for name in names}
        sheet = docs['xl/worksheets/sheet1.xml']
        def column(ref):
            n = 0
            for ch in ref:
                if not ch.isalpha(): break
                n = n * 26 + ord(ch) - 64
            return n - 1
        rows, styles = [], []
        for row in sheet.getElementsByTagName('row'):
            cells = [''] * 11
            for c in row.getElementsByTagName('c'):
                if c.getAttribute('t') == 'inlineStr':
                    text = ''.join(t.firstChild.data if t.firstChild else '' for t in c.getElementsByTagName('t'))
                else:
                    text = c.getElementsByTagName('v')[0].firstChild.data
                cells[column(c.getAttribute('r'))] = text
                styles.append((row.getAttribute('r'), c.getAttribute('s')))
            rows.append(cells)
        xfs = docs['xl/styles.xml'].getElementsByTagName('cellXfs')[0].getElementsByTagName('xf')
        fonts = docs['xl/styles.xml'].getElementsByTagName('fonts')[0].getElementsByTagName('font')
        header_styles = {int(s) for r, s in styles if r == '1'}
        bold = all(fonts[int(xfs[s].getAttribute('fontId'))].getElementsByTagName('b') for s in header_styles)
        sheet_name = docs['xl/workbook.xml'].getElementsByTagName('sheet')[0].getAttribute('name')
        print(json.dumps({'rows': rows, 'bold': bool(header_styles) and bool(bold), 'sheet': sheet_name}))
        """, [scratch.file("register.xlsx")])
    let object = try #require(JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
    return (try #require(object["rows"] as? [[String]]), object["bold"] as? Bool ?? false, object["sheet"] as? String ?? "")
}

@Test(arguments: RegisterLanguage.allCases)
func xlsxOpensAsAWorkbookWithABoldHeaderRowAndEveryCell(language: RegisterLanguage) throws {
    let workbook = try readWorkbook(RegisterXLSX.bytes(Sample.rows, language: language))
    #expect(workbook.rows == [language.headings] + Sample.rows.map { $0.cells(language) })
    #expect(workbook.boldHeader)
    #expect(workbook.sheetName == language.sheetName)
}

@Test func xlsxKeepsMarkupAndControlCharactersFromBreakingTheSheet() throws {
    let row = RegisterRow(number: 1, columns: RegisterColumns(volunteer: "A <b>&amp;</b> \"x\"\u{0B}\u{01}y"),
                          createdAt: "2026-01-01", updatedAt: "2026-01-01")
    let workbook = try readWorkbook(RegisterXLSX.bytes([row], language: .ru))
    #expect(workbook.rows[1][1] == "A <b>&amp;</b> \"x\"y")
}

@Test func anEmptyRegisterIsStillAValidWorkbook() throws {
    let workbook = try readWorkbook(RegisterXLSX.bytes([], language: .kk))
    #expect(workbook.rows == [RegisterLanguage.kk.headings])
}

@Test(.enabled(if: ExternalProgram.spreadsheetOffice != nil,
               "LibreOffice cannot convert spreadsheets here (deploy/packages.sh test installs libreoffice-calc-nogui)"))
func libreOfficeConvertsTheWorkbookToTheSameCSV() throws {
    let office = try #require(ExternalProgram.spreadsheetOffice)
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    try scratch.write("register-ru.xlsx", RegisterXLSX.bytes(Sample.rows, language: .ru))
    // Filter options: comma, double quote, UTF-8 (76), first line 1.
    _ = try ExternalProgram.run(office, ["--headless", "-env:UserInstallation=file://\(scratch.path)/profile",
                                         "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1",
                                         "--outdir", scratch.path, scratch.file("register-ru.xlsx")])
    let json = try ExternalProgram.python("""
        import csv, json, sys
        with open(sys.argv[1], newline='', encoding='utf-8-sig') as f:
            print(json.dumps(list(csv.reader(f))))
        """, [scratch.file("register-ru.csv")])
    let records = try #require(JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String]])
    #expect(records == [RegisterLanguage.ru.headings] + Sample.rows.map { $0.cells(.ru) })
}

@Test func aCellLongerThanExcelAllowsIsCutWithAnEllipsis() throws {
    let long = String(repeating: "Қ", count: 40_000)
    let row = RegisterRow(number: 1, columns: RegisterColumns(volunteer: long), createdAt: "2026-01-01", updatedAt: "2026-01-01")
    let cell = try readWorkbook(RegisterXLSX.bytes([row], language: .kk)).rows[1][1]
    #expect(cell.utf16.count == 32_767)
    #expect(cell.hasSuffix("Қ…"))
}
