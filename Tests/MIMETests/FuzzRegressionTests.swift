import Foundation
import Testing
@testable import MIME

// The committed mime-fuzz corpus (Tests/Fuzz/corpus/mime-fuzz) replayed through the readings the
// fuzzer makes, so every message that once reached new parser code keeps being parsed in CI.

@Suite struct FuzzRegressionTests {
    func mimeCorpus() throws -> [(name: String, bytes: [UInt8])] {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fuzz/corpus/mime-fuzz")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        return try names.map { ($0, Array(try Data(contentsOf: folder.appendingPathComponent($0)))) }
    }

    /// mime-fuzz's `exercise`, answering what it read so a second reading can be compared.
    func exerciseMessage(_ bytes: [UInt8]) -> (message: Message, reading: [String]) {
        let limits = Limits(maxDepth: 16, maxParts: 2_000, maxHeaderFields: 500)
        let message = Message(bytes: bytes, limits: limits)
        var reading = [message.subject ?? "", message.from.description, message.to.description,
                       message.date.map { "\($0)" } ?? "", message.messageID ?? "", message.references.description,
                       "\(message.autoSubmission.isAutomatic)", "\(message.deliveryStatus != nil)"]
        reading += message.allDefects.map { "\($0.path) \($0.defect)" }
        for part in message.parts {
            reading.append("\(part.path) \(part.filename ?? "") \(part.decodedBody().bytes.count) \(part.text()?.text.count ?? -1)")
            if part.contentType.isText { reading.append("\(UUEncode.blocks(in: part.decodedBody().bytes).blocks.count)") }
        }
        return (message, reading)
    }

    @Test func everyMimeFuzzCorpusMessageKeepsItsBytesAndReadsTheSameTwice() throws {
        let inputs = try mimeCorpus()
        #expect(inputs.count >= 10)
        for (name, bytes) in inputs {
            let (message, reading) = exerciseMessage(bytes)
            // Never drops bytes: the message is the buffer received, whatever its shape.
            #expect(message.raw.elementsEqual(bytes), "\(name)")
            #expect(Set(message.parts.map(\.path)).count == message.parts.count, "\(name): part paths repeat")
            #expect(exerciseMessage(bytes).reading == reading, "\(name)")
        }
    }
}
