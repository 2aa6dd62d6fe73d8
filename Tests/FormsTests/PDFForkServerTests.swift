import Foundation
import Testing
@testable import Forms

/// pdftotext itself, as PDFText ran it before the fork server: its exit status and output.
private func pdftotext(_ bytes: [UInt8]) throws -> (status: Int32, text: [UInt8]) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: PDFText.toolPath)
    process.arguments = ["-layout", "-enc", "UTF-8", "-", "-"]
    let input = FileManager.default.temporaryDirectory.appendingPathComponent("pdftotext-\(UUID().uuidString).pdf")
    try Data(bytes).write(to: input)
    defer { try? FileManager.default.removeItem(at: input) }
    process.standardInput = try FileHandle(forReadingFrom: input)
    let output = Pipe()
    process.standardOutput = output
    process.standardError = FileHandle.nullDevice
    try process.run()
    let text = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, Array(text))
}

private let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

/// PDFs of every outcome pdftotext has: text on one and on several pages, a drawing without
/// text, a Kazakh questionnaire printed by Chromium (embedded subset fonts with ToUnicode maps,
/// a table, two columns), damage, truncation, nothing at all, and no pages.
private func specimens() throws -> [(name: String, bytes: [UInt8])] {
    [
        ("one page", pdf(pages: ["BT /F1 18 Tf 72 700 Td (Volunteer questionnaire) Tj 0 -30 Td (IIN 900101300123) Tj ET"])),
        ("two columns, two pages", pdf(pages: [
            "BT /F1 12 Tf 72 700 Td (Full name) Tj 200 0 Td (Aigul Seitkali) Tj ET BT /F1 12 Tf 72 680 Td (Phone) Tj 200 0 Td (+7 701 123 45 67) Tj ET",
            "BT /F1 12 Tf 72 700 Td (Consent: yes) Tj ET",
        ])),
        ("a drawing", pdf(pages: ["0 0 m 100 100 l S"])),
        ("Chromium's Kazakh questionnaire", Array(try Data(contentsOf: fixtures.appendingPathComponent("kazakh-questionnaire.pdf")))),
        ("damaged", Array("%PDF-1.4\nthis is not really a pdf".utf8)),
        ("truncated", Array(pdf(pages: ["BT /F1 12 Tf 72 700 Td (cut) Tj ET"]).prefix(200))),
        ("empty", []),
        ("no pages", Array("%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj 2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n".utf8)),
    ]
}

@Test func forkServerIsBuiltBesideTheProgramAndFound() {
    // The package builds tizilim-pdftext with everything else; without it every PDF would
    // quietly cost a pdftotext start again.
    #expect(PDFForkServer.shared.path?.hasSuffix("/tizilim-pdftext") == true)
}

@Test func forkServerAnswersAsPdftotextDoesForEveryKindOfPDF() throws {
    for specimen in try specimens() {
        let expected = try pdftotext(specimen.bytes)
        let reply = try #require(PDFForkServer.shared.read(specimen.bytes, timeout: 20, maxOutput: 1 << 20), "\(specimen.name)")
        #expect(reply.outcome == .exited(expected.status), "\(specimen.name)")
        #expect(reply.text == (expected.status == 0 ? expected.text : []), "\(specimen.name)")
    }
}

@Test func pdfTextReadsKazakhFromTheForkServer() throws {
    let bytes = Array(try Data(contentsOf: fixtures.appendingPathComponent("kazakh-questionnaire.pdf")))
    let document = try PDFText.read(bytes).get()
    let text = document.plainText
    #expect(text.contains("ВОЛОНТЕР САУАЛНАМАСЫ"))
    #expect(text.contains("Сейітқали Айгүл Нұрланқызы"))
    #expect(text.contains("900101400123"))
    // Chromium draws each cell's own box a point apart from its neighbour's: still two cells a row.
    let form = FieldExtractor.extract(document)
    #expect(form.values[.fullName] == "Сейітқали Айгүл Нұрланқызы")
    #expect(form.values[.iin] == "900101400123")
}

@Test func forkServerStopsAChildPastTheDeadline() throws {
    let bytes = pdf(pages: ["BT /F1 12 Tf 72 700 Td (slow) Tj ET"])
    let reply = try #require(PDFForkServer.shared.read(bytes, timeout: 0, maxOutput: 1 << 20))
    #expect(reply.outcome == .deadline)
    #expect(reply.text.isEmpty)
    // The server itself goes on serving.
    #expect(PDFForkServer.shared.read(bytes, timeout: 20, maxOutput: 1 << 20)?.outcome == .exited(0))
}

@Test func forkServerStopsAChildWhoseTextPassesTheBound() throws {
    let bytes = pdf(pages: ["BT /F1 18 Tf 72 700 Td (Volunteer questionnaire) Tj ET"])
    let reply = try #require(PDFForkServer.shared.read(bytes, timeout: 20, maxOutput: 5))
    #expect(reply.outcome == .overflow)
    guard case .failure(let reason) = PDFText.verdict(status: 0, text: reply.text, bytes), reason.kind == .scan else {
        Issue.record("an overflow's empty text must not pass for a reading"); return
    }
}

@Test func aKilledServerIsReplacedAndTheReadingStillHappens() throws {
    let server = PDFForkServer(path: PDFForkServer.shared.path)
    defer { server.stopIdle() }
    let bytes = pdf(pages: ["BT /F1 12 Tf 72 700 Td (again) Tj ET"])
    #expect(server.read(bytes, timeout: 20, maxOutput: 1 << 20)?.outcome == .exited(0))
    let first = try #require(server.idleProcessIDs.first)
    kill(first, SIGKILL)
    let reply = try #require(server.read(bytes, timeout: 20, maxOutput: 1 << 20))
    #expect(reply.outcome == .exited(0))
    #expect(String(decoding: reply.text, as: UTF8.self).contains("again"))
    #expect(server.idleProcessIDs.count == 1)
    #expect(server.idleProcessIDs.first != first)
}

@Test func withoutAServerThereIsNoReplySoPdftotextRuns() {
    #expect(PDFForkServer(path: nil).read([], timeout: 1, maxOutput: 1) == nil)
    #expect(PDFForkServer(path: "/nonexistent/tizilim-pdftext").read([], timeout: 1, maxOutput: 1) == nil)
}

@Test func concurrentReadersEachGetTheirOwnDocumentsText() throws {
    let server = PDFForkServer(path: PDFForkServer.shared.path)
    defer { server.stopIdle() }
    let replies = Replies()
    DispatchQueue.concurrentPerform(iterations: 24) { i in
        let bytes = pdf(pages: ["BT /F1 12 Tf 72 700 Td (applicant \(i)) Tj ET"])
        replies.set(i, server.read(bytes, timeout: 20, maxOutput: 1 << 20))
    }
    for i in 0..<24 {
        let text = String(decoding: replies.get(i)?.text ?? [], as: UTF8.self)
        #expect(text.trimmingCharacters(in: .whitespacesAndNewlines) == "applicant \(i)")
    }
    #expect(server.idleProcessIDs.count <= server.keep)
}

private final class Replies: @unchecked Sendable {
    private var replies: [Int: PDFForkServer.Reply] = [:]
    private let lock = NSLock()
    func set(_ i: Int, _ reply: PDFForkServer.Reply?) { lock.lock(); replies[i] = reply; lock.unlock() }
    func get(_ i: Int) -> PDFForkServer.Reply? { lock.lock(); defer { lock.unlock() }; return replies[i] }
}

@Test func forkServerDescribesTheGeometryOfEveryKindOfPDFWithPdftotextsWordsAndExitCodes() throws {
    for specimen in try specimens() {
        let expected = try pdftotext(specimen.bytes)
        let reply = try #require(PDFForkServer.shared.read(specimen.bytes, timeout: 20, maxOutput: 1 << 22, geometry: true),
                                 "\(specimen.name)")
        #expect(reply.outcome == .exited(expected.status), "\(specimen.name)")
        guard expected.status == 0 else { #expect(reply.text.isEmpty, "\(specimen.name)"); continue }
        let pages = try #require(PDFLayout.pages(String(decoding: reply.text, as: UTF8.self)), "\(specimen.name)")
        let words = pages.flatMap(\.words).map(\.text).sorted()
        let text = String(decoding: expected.text, as: UTF8.self)
        #expect(words == text.split(whereSeparator: \.isWhitespace).map(String.init).sorted(), "\(specimen.name)")
    }
}
