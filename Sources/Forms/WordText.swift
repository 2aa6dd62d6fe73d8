import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A Word 97-2003 document (OLE2 `.doc`) through antiword, which gets every Kazakh letter
/// right: its DocBook output (`WordText+DocBook`) for paragraphs, tables and the marks on
/// them; its plain text, where tables are `|cell|cell|` rows, when the DocBook is unusable.
/// antiword seeks in its input, so the bytes go to a private file first.
public enum WordText {
    public static let toolPath = "/usr/bin/antiword"
    static let timeout: TimeInterval = 10
    static let maxOutput = 5 << 20
    /// DocBook's markup and indentation on top of the same text.
    static let maxDocBookOutput = 16 << 20
    static let limits = BoundedChild.Limits(addressSpace: 256 << 20, cpuSeconds: 10, fileSize: 0)
    static let oleSignature: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]

    public static func read(_ bytes: [UInt8], tool: String = toolPath) -> Result<FormDocument, UnreadableReason> {
        guard bytes.starts(with: oleSignature) else {
            return .failure(UnreadableReason(.corrupt, "not a Word 97-2003 document (no OLE2 signature)"))
        }
        guard FileManager.default.isExecutableFile(atPath: tool) else {
            return .failure(UnreadableReason(.toolMissing, "install antiword to read .doc documents"))
        }
        guard let folder = PrivateFolder() else {
            return .failure(UnreadableReason(.toolMissing, "no private temporary folder for the .doc reader"))
        }
        defer { folder.remove() }
        guard let file = folder.write(bytes, as: "document.doc") else {
            return .failure(UnreadableReason(.limitReached, "could not write the .doc to a temporary file"))
        }
        // DocBook keeps bold, underline and strike-through, the marks that choose options.
        switch output(of: ["-x", "db", file], tool: tool, maxOutput: maxDocBookOutput) {
        case .failure(let reason): return .failure(reason)
        case .success(let xml):
            if let document = docBook(xml), !Self.isBlank(document.plainText) { return .success(document) }
        }
        // Output that is not the DocBook antiword writes: its plain text still has every word.
        // -w 0: a paragraph on one line, so a field's value is never split at a wrap.
        return output(of: ["-w", "0", "-m", "UTF-8.txt", file], tool: tool, maxOutput: maxOutput).flatMap { output in
            let text = String(decoding: output, as: UTF8.self)
            if Self.isBlank(text) {
                return .failure(UnreadableReason(.legacyFormat, ".doc without text"))
            }
            return .success(PlainText.document(text))
        }
    }

    static func isBlank(_ text: String) -> Bool { text.unicodeScalars.allSatisfy(\.properties.isWhitespace) }

    private static func output(of arguments: [String], tool: String, maxOutput: Int) -> Result<[UInt8], UnreadableReason> {
        let child = BoundedChild(tool: tool, arguments: arguments, limits: limits, timeout: timeout, maxOutput: maxOutput)
        // antiword 0.37 reads past a heap block on some files (valgrind: "invalid read of size
        // 2"); whether that faults depends on where ASLR put the heap, 40 % of runs on the sample
        // Maildir's .doc. A run costs 2 ms, so a fault is retried before it counts.
        var outcome = child.run()
        for _ in 0..<7 {
            guard case .signaled(let signal) = outcome, signal == SIGSEGV || signal == SIGBUS else { break }
            outcome = child.run()
        }
        switch outcome {
        case .cannotStart(let error):
            return .failure(UnreadableReason(.toolMissing, "antiword could not start (\(error))"))
        case .deadline:
            return .failure(UnreadableReason(.limitReached, "reading the .doc took longer than \(Int(timeout)) s"))
        case .overflow:
            return .failure(UnreadableReason(.limitReached, ".doc text exceeds \(maxOutput) bytes"))
        case .signaled(let signal):
            return .failure(UnreadableReason(.corrupt, "the .doc reader crashed on this document (signal \(signal))"))
        case .exited(let status, let output):
            // antiword answers 1 for OLE2 files that are not Word text (a spreadsheet, an
            // encrypted or damaged document); what it printed is not the document.
            guard status == 0 else {
                return .failure(UnreadableReason(.legacyFormat, "antiword could not read this .doc (exit \(status))"))
            }
            return .success(output)
        }
    }
}
