import Register
import Testing
@testable import Forms

@Test func sourceKindTrustsMagicBytesOverNamesAndTypes() {
    let docx = ReaderFixtures.docx(body: "<w:p/>")
    let odt = ReaderFixtures.odt(body: "<text:p/>")
    #expect(SourceKind.detect(filename: "anketa.doc", mimeType: "application/octet-stream", bytes: docx) == .docx)
    #expect(SourceKind.detect(filename: nil, mimeType: "application/octet-stream", bytes: odt) == .odt)
    var other = ZipWriter()
    other.add("photos/1.jpg", [0xFF, 0xD8, 0xFF])
    #expect(SourceKind.detect(filename: "scans.zip", mimeType: "application/zip", bytes: other.bytes) == .archive)
    #expect(SourceKind.detect(filename: "broken.docx", mimeType: "application/zip", bytes: other.bytes) == .docx)
    #expect(SourceKind.detect(filename: "a.txt", mimeType: "text/plain", bytes: Array("%PDF-1.7\n".utf8)) == .pdf)
    #expect(SourceKind.detect(filename: "scan.pdf", mimeType: "application/pdf", bytes: [0xFF, 0xD8, 0xFF, 0xE0]) == .image)
    #expect(SourceKind.detect(filename: nil, mimeType: "", bytes: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) == .image)
    #expect(SourceKind.detect(filename: nil, mimeType: "", bytes: Array("GIF89a".utf8)) == .image)
    #expect(SourceKind.detect(filename: nil, mimeType: "", bytes: [0x49, 0x49, 0x2A, 0x00]) == .image)
    let ole: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0]
    #expect(SourceKind.detect(filename: "anketa.docx", mimeType: "", bytes: ole) == .docx)
    #expect(SourceKind.detect(filename: "anketa.doc", mimeType: "", bytes: ole) == .legacyWord)
    #expect(SourceKind.detect(filename: "book.xls", mimeType: "", bytes: ole) == .other)
    #expect(SourceKind.detect(filename: "a.doc", mimeType: "application/msword", bytes: Array("{\\rtf1\\ansi".utf8)) == .rtf)
    #expect(SourceKind.detect(filename: "winmail.dat", mimeType: "application/ms-tnef", bytes: [0x78, 0x9F, 0x3E, 0x22]) == .other)
}

@Test func sourceKindFallsBackToExtensionThenMIMEType() {
    let text = Array("Т.А.Ә.: Иванов".utf8)
    #expect(SourceKind.detect(filename: "Өтініш.HTM", mimeType: "application/octet-stream", bytes: text) == .html)
    #expect(SourceKind.detect(filename: "note.txt", mimeType: "application/octet-stream", bytes: text) == .text)
    #expect(SourceKind.detect(filename: nil, mimeType: "text/plain", bytes: text) == .text)
    #expect(SourceKind.detect(filename: nil, mimeType: "TEXT/HTML", bytes: text) == .html)
    #expect(SourceKind.detect(filename: nil, mimeType: "image/heic", bytes: text) == .image)
    #expect(SourceKind.detect(filename: "winmail.dat", mimeType: "application/ms-tnef", bytes: []) == .other)
    #expect(SourceKind.detect(filename: nil, mimeType: "application/ms-tnef", bytes: text) == .other)
    #expect(SourceKind.detect(filename: "noextension", mimeType: "application/vnd.oasis.opendocument.text", bytes: text) == .odt)
    #expect(SourceKind.detect(filename: ".hidden", mimeType: "application/octet-stream", bytes: text) == .other)
}
