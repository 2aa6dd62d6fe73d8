import Foundation
import Testing
@testable import Forms

/// A one-page PDF with a correct cross-reference table; `content` is the page's drawing.
private func pdf(content: String) -> [UInt8] { pdf(pages: [content]) }

/// A PDF with one page per drawing, Helvetica as F1 on each.
func pdf(pages: [String]) -> [UInt8] {
    let kids = pages.indices.map { "\(4 + 2 * $0) 0 R" }.joined(separator: " ")
    var objects = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [\(kids)] /Count \(pages.count) >>",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    ]
    for (i, content) in pages.enumerated() {
        objects.append("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents \(5 + 2 * i) 0 R /Resources << /Font << /F1 3 0 R >> >> >>")
        objects.append("<< /Length \(content.utf8.count) >>\nstream\n\(content)\nendstream")
    }
    var out = "%PDF-1.4\n"
    var offsets: [Int] = []
    for (i, body) in objects.enumerated() {
        offsets.append(out.utf8.count)
        out += "\(i + 1) 0 obj\n\(body)\nendobj\n"
    }
    let xref = out.utf8.count
    out += "xref\n0 \(objects.count + 1)\n0000000000 65535 f \n"
    for o in offsets { out += String(format: "%010d 00000 n \n", o) }
    out += "trailer\n<< /Size \(objects.count + 1) /Root 1 0 R >>\nstartxref\n\(xref)\n%%EOF\n"
    return Array(out.utf8)
}

private let installed = FileManager.default.fileExists(atPath: PDFText.toolPath)

@Test func pdfWithoutPdftotextSaysWhatToInstall() {
    let result = PDFText.read(pdf(content: ""), tool: "/nonexistent/pdftotext")
    #expect(result == .failure(UnreadableReason(.toolMissing, "install poppler-utils to read PDFs with a text layer")))
}

@Test func pdfWithATextLayerIsReadOrToolMissingIsReported() throws {
    let result = PDFText.read(pdf(content: "BT /F1 18 Tf 72 700 Td (Volunteer questionnaire) Tj 0 -30 Td (IIN 900101300123) Tj ET"))
    if installed {
        let text = try result.get().plainText
        #expect(text.contains("Volunteer questionnaire"))
        #expect(text.contains("IIN 900101300123"))
    } else {
        #expect(result == .failure(UnreadableReason(.toolMissing, "install poppler-utils to read PDFs with a text layer")))
    }
}

@Test func pdfWithoutTextIsAScan() {
    let result = PDFText.read(pdf(content: "0 0 m 100 100 l S"))
    guard case .failure(let reason) = result else { Issue.record("read text from a drawing"); return }
    #expect(reason.kind == (installed ? .scan : .toolMissing))
}

@Test func pdfThatIsGarbageIsNotText() {
    let result = PDFText.read(Array("%PDF-1.4\nthis is not really a pdf".utf8))
    guard case .failure(let reason) = result else { Issue.record("read garbage"); return }
    #expect([.corrupt, .scan, .toolMissing].contains(reason.kind))
}

@Test func pdfOutputBeyondTheBoundIsALimit() {
    guard installed else { return }
    let result = PDFText.read(pdf(content: "BT /F1 18 Tf 72 700 Td (Volunteer questionnaire) Tj ET"),
                              tool: PDFText.toolPath, maxOutput: 5)
    guard case .failure(let reason) = result else { Issue.record("no limit"); return }
    #expect(reason.kind == .limitReached)
}

/// A stand-in for pdftotext, to exercise the process plumbing whatever is installed.
private func fakeTool(_ script: String) throws -> String {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("fake-pdftotext-\(UUID().uuidString)").path
    try ("#!/bin/sh\n" + script + "\n").write(toFile: path, atomically: true, encoding: .utf8)
    try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: path)
    return path
}

@Test func pdftotextThatHangsIsStoppedAtTheTimeout() throws {
    let tool = try fakeTool("exec sleep 30")
    defer { try? FileManager.default.removeItem(atPath: tool) }
    let start = Date()
    let result = PDFText.read(Array("%PDF-1.4".utf8), tool: tool, timeout: 1)
    #expect(Date().timeIntervalSince(start) < 10)
    guard case .failure(let reason) = result else { Issue.record("no timeout"); return }
    #expect(reason.kind == .limitReached)
}

@Test func largeInputAndOutputFlowThroughThePipesWithoutDeadlock() throws {
    let tool = try fakeTool("exec cat")
    defer { try? FileManager.default.removeItem(atPath: tool) }
    let line = Array("Анкета волонтера ЖСН 900101300123\n".utf8)
    let input = Array(repeating: line, count: 40_000).flatMap { $0 }  // ~1.7 MB, far beyond a pipe buffer
    let doc = try PDFText.read(input, tool: tool).get()
    #expect(doc.paragraphs.count == 40_000)
    #expect(doc.paragraphs.first?.text == "Анкета волонтера ЖСН 900101300123")
}

@Test func pdftotextThatExitsEarlyDoesNotKillTheReader() throws {
    let tool = try fakeTool("exit 1")
    defer { try? FileManager.default.removeItem(atPath: tool) }
    let result = PDFText.read([UInt8](repeating: 0x25, count: 4 << 20), tool: tool)
    guard case .failure(let reason) = result else { Issue.record("read"); return }
    #expect(reason.kind == .corrupt)
}

@Test func pdfWithAnEncryptDictionaryThatFailsIsEncrypted() throws {
    let tool = try fakeTool("cat > /dev/null; exit 1")
    defer { try? FileManager.default.removeItem(atPath: tool) }
    let bytes = Array("%PDF-1.6\ntrailer << /Root 1 0 R /Encrypt 9 0 R >>\n%%EOF".utf8)
    guard case .failure(let reason) = PDFText.read(bytes, tool: tool) else { Issue.record("read"); return }
    #expect(reason.kind == .encrypted)
}
