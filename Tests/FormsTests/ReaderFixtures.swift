import Register
import Testing
@testable import Forms

/// Office packages built at test time with ZipWriter, so fixtures stay readable in the diff.
/// Every XML part they hold is also read by XMLParserReference, so each reader test checks
/// that XMLScanner gives its fixture the tree FoundationXML gave it.
enum ReaderFixtures {
    static let wordNamespaces = """
        xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" \
        xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml"
        """

    static func docx(body: String, method: ZipWriter.Method = .deflated) -> [UInt8] {
        var zip = ZipWriter()
        zip.add("[Content_Types].xml", "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>", method: method)
        zip.add("word/document.xml", """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <w:document \(wordNamespaces)><w:body>\(body)<w:sectPr/></w:body></w:document>
            """, method: method)
        return checkedAgainstReference(zip.bytes)
    }

    static func odt(body: String, automaticStyles: String = "", manifestExtra: String = "") -> [UInt8] {
        var zip = ZipWriter()
        zip.add("mimetype", "application/vnd.oasis.opendocument.text", method: .stored)
        zip.add("META-INF/manifest.xml", """
            <?xml version="1.0" encoding="UTF-8"?>
            <manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3">
            <manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.text"/>
            <manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml">\(manifestExtra)</manifest:file-entry>
            </manifest:manifest>
            """)
        zip.add("content.xml", """
            <?xml version="1.0" encoding="UTF-8"?>
            <office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" \
            xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" \
            xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" \
            xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" \
            xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" office:version="1.3">
            <office:automatic-styles>\(automaticStyles)</office:automatic-styles>
            <office:body><office:text>\(body)</office:text></office:body></office:document-content>
            """)
        return checkedAgainstReference(zip.bytes)
    }

    static func checkedAgainstReference(_ archive: [UInt8]) -> [UInt8] {
        for (name, xml) in XMLScannerTests.xmlParts(ofArchive: archive, name: "fixture") where XMLParserReference.canRead(xml) {
            if let why = XMLParserReference.disagreement(xml) { Issue.record("\(name): \(why)") }
        }
        return archive
    }

    /// Word's table cell: one paragraph of one run.
    static func wordCell(_ text: String, properties: String = "") -> String {
        "<w:tc><w:tcPr><w:tcW w:w=\"2000\" w:type=\"dxa\"/>\(properties)</w:tcPr><w:p><w:r><w:t>\(text)</w:t></w:r></w:p></w:tc>"
    }

    static func table(_ doc: FormDocument, _ index: Int = 0) -> Table? {
        let tables = doc.blocks.compactMap { block -> Table? in
            if case .table(let t) = block { t } else { nil }
        }
        return index < tables.count ? tables[index] : nil
    }

    /// Offsets of a 4-byte little-endian signature, for tests that damage archives on purpose.
    static func offsets(of signature: UInt32, in bytes: [UInt8]) -> [Int] {
        var out: [Int] = []
        var i = 0
        while i + 4 <= bytes.count {
            if bytes.zipU32(i) == signature { out.append(i) }
            i += 1
        }
        return out
    }
}
