import Foundation
import Testing
@testable import MIME

/// Real-world message shapes (Tests/MIMETests/Fixtures, made by make-fixtures.py) and what a
/// careful parser must find in each, from Fixtures/expected.json.
struct Fixture: CustomTestStringConvertible, Sendable {
    struct ExpectedPart: Sendable {
        let path: String
        let contentType: String
        let charset: String?
        let filename: String?
    }

    let file: String
    let fromName: String?
    let fromAddress: String?
    let subject: String?
    let date: String?
    let messageID: String?
    let autoSubmitted: Bool
    let parts: [ExpectedPart]
    let textContains: [String]
    let defects: [String]

    var testDescription: String { file }

    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    static let all: [Fixture] = {
        guard let data = try? Data(contentsOf: folder.appendingPathComponent("expected.json")),
              let list = try? JSONSerialization.jsonObject(with: data) as? [[String: Any]] else { return [] }
        return list.map { entry in
            let from = entry["from"] as? [String: Any]
            return Fixture(
                file: entry["file"] as! String,
                fromName: from?["name"] as? String,
                fromAddress: from?["address"] as? String,
                subject: entry["subject"] as? String,
                date: entry["date"] as? String,
                messageID: entry["messageId"] as? String,
                autoSubmitted: entry["autoSubmitted"] as? Bool ?? false,
                parts: (entry["parts"] as? [[String: Any]] ?? []).map {
                    ExpectedPart(path: $0["path"] as! String, contentType: $0["contentType"] as! String,
                                 charset: $0["charset"] as? String, filename: $0["filename"] as? String)
                },
                textContains: entry["textContains"] as? [String] ?? [],
                defects: entry["defects"] as? [String] ?? [])
        }
    }()

    func message() throws -> Message {
        let data = try Data(contentsOf: Fixture.folder.appendingPathComponent(file))
        return Message(bytes: [UInt8](data))
    }
}

@Suite struct RealWorldFixtures {
    @Test func everyFixtureHasExpectations() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Fixture.folder.path).filter { $0.hasSuffix(".eml") }
        #expect(files.count >= 25)
        #expect(Set(files) == Set(Fixture.all.map(\.file)))
    }

    @Test(arguments: Fixture.all)
    func envelope(_ fixture: Fixture) throws {
        let m = try fixture.message()
        #expect(m.from.first?.address == fixture.fromAddress)
        if fixture.fromName != nil { #expect(m.from.first?.name == fixture.fromName) }
        #expect(m.subject == fixture.subject)
        #expect(m.date?.iso8601 == fixture.date)
        #expect(m.messageID == fixture.messageID)
        #expect(m.autoSubmission.isAutomatic == fixture.autoSubmitted, "\(m.autoSubmission.reasons)")
    }

    @Test(arguments: Fixture.all)
    func partTree(_ fixture: Fixture) throws {
        let m = try fixture.message()
        #expect(m.parts.map(\.path) == fixture.parts.map(\.path))
        for (part, expected) in zip(m.parts, fixture.parts) {
            #expect(part.contentType.mimeType == expected.contentType, "part \(expected.path)")
            #expect(part.charset == expected.charset, "part \(expected.path)")
            #expect(part.filename == expected.filename, "part \(expected.path)")
        }
    }

    @Test(arguments: Fixture.all)
    func textAndDefects(_ fixture: Fixture) throws {
        let m = try fixture.message()
        let texts = m.parts.compactMap { $0.text()?.text }.joined(separator: "\n")
        for phrase in fixture.textContains {
            #expect(texts.contains(phrase), "missing text: \(phrase)")
        }
        let found = Set(m.allDefects.map { $0.defect.kind.rawValue })
        for defect in fixture.defects {
            #expect(found.contains(defect), "defect \(defect) not reported; found \(found.sorted())")
        }
    }
}
