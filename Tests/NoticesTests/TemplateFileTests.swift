import Cases
import Foundation
import Testing
@testable import Notices

/// A fresh directory per test, removed afterwards.
private func withDirectory<T>(_ files: [String: [UInt8]], _ body: (String) throws -> T) rethrows -> T {
    let dir = NSTemporaryDirectory() + "notices-\(UUID().uuidString)"
    try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: dir) }
    for (name, content) in files {
        #expect(FileManager.default.createFile(atPath: dir + "/" + name, contents: Data(content)))
    }
    return try body(dir)
}

private func withDirectory<T>(_ files: [String: String], _ body: (String) throws -> T) rethrows -> T {
    try withDirectory(files.mapValues { Array($0.utf8) }, body)
}

private func loadError(at directory: String) -> NoticeTemplateError? {
    do {
        _ = try NoticeTemplates(directory: directory)
        return nil
    } catch {
        return error
    }
}

private func loadError(_ files: [String: String]) -> NoticeTemplateError? {
    withDirectory(files) { loadError(at: $0) }
}

private extension Array where Element == String {
    var lines: String { joined(separator: "\n") + "\n" }
}

private let goodAcceptance = ["Subject: Қабылданды", "", "Сәлеметсіз бе! {{case_id}} тізілімге енгізілді."].lines

@Suite struct TemplateFiles {
    @Test func everyBuiltInFileExistsForEachKindAndLanguageAndParses() throws {
        let names = Set(NoticeTemplates.builtInFiles.map(\.name))
        for kind in NoticeKind.allCases {
            for language in ["kk", "ru"] { #expect(names.contains("\(kind.rawValue).\(language).txt")) }
        }
        #expect(names.contains("README.txt"))
        for (name, content) in NoticeTemplates.builtInFiles where name != "README.txt" {
            let key = try #require(NoticeTemplates.key(fileName: name))
            do {
                _ = try NoticeTemplate(parsing: content, file: name, kind: key.kind)
            } catch {
                Issue.record("\(error)")
            }
        }
    }

    @Test func theExportedFilesLoadBackToTheSameNotices() throws {
        let files = Dictionary(uniqueKeysWithValues: NoticeTemplates.builtInFiles.map { ($0.name, $0.content) })
        try withDirectory(files) { dir in
            let loaded = try NoticeTemplates(directory: dir)
            for kind in NoticeKind.allCases {
                let notice = SampleNotices.notice(kind, language: "ru")
                #expect(loaded.render(notice) == NoticeTemplates.builtIn.render(notice))
            }
        }
    }

    @Test func anOverrideReplacesItsTemplateAndKeepsTheOthers() throws {
        try withDirectory(["acceptance.ru.txt": ["Subject: Вы в реестре", "", "Заявление {{case_id}} принято.", "{{reason}}"].lines]) { dir in
            let templates = try NoticeTemplates(directory: dir)
            let builtIn = NoticeTemplates.builtIn
            let acceptance = templates.render(SampleNotices.notice(.acceptance, language: "ru"))
            #expect(acceptance.subject == "[VR-2026-000123] Вы в реестре / Мәліметтер тізілімге енгізілді")
            #expect(SampleNotices.blocks(acceptance.text)[0] == "Заявление VR-2026-000123 принято.\n\n")
            let kazakh = SampleNotices.blocks(builtIn.render(SampleNotices.notice(.acceptance)).text)[0]
            #expect(SampleNotices.blocks(acceptance.text)[1].trimmingCharacters(in: .newlines) == kazakh.trimmingCharacters(in: .newlines))
            for kind in NoticeKind.allCases where kind != .acceptance {
                let notice = SampleNotices.notice(kind, language: "ru")
                #expect(templates.render(notice) == builtIn.render(notice))
            }
        }
    }

    @Test func windowsLineEndingsAndAByteOrderMarkAreAccepted() throws {
        let content = "\u{FEFF}Subject: Қабылданды\r\n\r\nМәтін {{case_id}}\r\n\r\nСоңы\r\n"
        try withDirectory(["acceptance.kk.txt": content]) { dir in
            let text = try NoticeTemplates(directory: dir).render(SampleNotices.notice(.acceptance)).text
            #expect(text.hasPrefix("Мәтін VR-2026-000123\n\nСоңы\n\n===="))
        }
    }

    @Test func filesThatAreNotTemplatesAreIgnored() throws {
        try withDirectory(["README.txt": "{{nonsense", "notes.md": "{{x}}"]) { dir in
            let notice = SampleNotices.notice(.receipt)
            let templates = try NoticeTemplates(directory: dir)
            #expect(templates.render(notice) == NoticeTemplates.builtIn.render(notice))
        }
    }

    @Test func anUnknownPlaceholderIsAnErrorNamingFileAndLine() {
        let error = loadError(["receipt.kk.txt": ["Subject: Алынды", "", "{{greeting}}", "", "{{case_id}} мерзімі {{dedline}}", "{{deadline}}"].lines])
        #expect(error?.file == "receipt.kk.txt")
        #expect(error?.line == 5)
        #expect(error?.message.hasPrefix("unknown placeholder {{dedline}}") == true)
        #expect(error?.description.hasPrefix("receipt.kk.txt:5: unknown placeholder {{dedline}}") == true)
    }

    @Test(arguments: [
        (["Тақырыпсыз", "", "{{case_id}}"], 1),
        (["Subject:   ", "", "{{case_id}}"], 1),
        (["Subject: [{{case_id}}] Қабылданды", "", "{{case_id}}"], 1),
        (["Subject: Қабылданды", "{{case_id}}"], 2),
        (["Subject: Қабылданды", ""], 3),
        (["Subject: Қабылданды", "", "{{case_id}}", "{{greeting"], 4),
        (["Subject: Қабылданды", "", "{{case_id}}", "", "{case_id}} енгізілді"], 5),
        (["Subject: Қабылданды", "", "{{case_id}} {{deadline}}"], 3),
        (["Subject: Қабылданды", "", "{{case_id}}", "Тізім: {{problems}}"], 4),
    ] as [([String], Int)])
    func aMalformedTemplateIsAnErrorAtItsLine(lines: [String], line: Int) {
        let error = loadError(["acceptance.kk.txt": lines.lines])
        #expect(error?.file == "acceptance.kk.txt")
        #expect(error?.line == line)
    }

    @Test func aTemplateWithoutWhatItsNoticeMustSayIsAnError() {
        let error = loadError(["refinement.ru.txt": ["Subject: Доработка", "", "Заявление {{case_id}}: доработайте до {{deadline}}."].lines])
        #expect(error?.file == "refinement.ru.txt")
        #expect(error?.line == nil)
        #expect(error?.message.contains("{{problems}}") == true)
    }

    @Test func aMisnamedTemplateIsAnError() {
        let error = loadError(["reciept.kk.txt": goodAcceptance])
        #expect(error?.file == "reciept.kk.txt")
        #expect(error?.message.contains("receipt") == true)
    }

    @Test func aFileThatIsNotUTF8IsAnError() {
        // "Subject: Принято" in windows-1251, as Notepad on a Russian Windows may save it.
        let bytes = Array("Subject: ".utf8) + [0xCF, 0xF0, 0xE8, 0xED, 0xFF, 0xF2, 0xEE] + Array("\n\n{{case_id}}\n".utf8)
        let error = withDirectory(["acceptance.ru.txt": bytes]) { loadError(at: $0) }
        #expect(error?.file == "acceptance.ru.txt")
        #expect(error?.message.contains("UTF-8") == true)
    }

    @Test func aMissingDirectoryIsAnError() {
        #expect(throws: NoticeTemplateError.self) { try NoticeTemplates(directory: "/nonexistent/tizilim-templates") }
    }
}
