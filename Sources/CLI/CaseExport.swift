import Mailbox
import Glibc
import MIME
import Store

/// `cases open ID [PART]`: a file the applicant sent (a scan, a photo, a DOCX) or the whole
/// message, written where staff can open it with the program they like.
struct CaseExport {
    let console: Console

    struct Problem: Error, CustomStringConvertible {
        let description: String
        let status: Int32
    }

    /// What to write and the name it suggests.
    struct Export {
        let bytes: [UInt8]
        let name: String
        let isText: Bool
        let what: String
    }

    func run(_ operands: [String], arguments: Arguments, database: Database, legacyCharset: String) -> Int32 {
        guard let id = operands.first, operands.count <= 2 else {
            console.error("tizilim cases open: expected 'cases open ID [PART] [--message N] [--output PATH|-]'")
            return ExitCode.usage
        }
        do {
            guard let record = try CaseBook(database).find(humanID: id.uppercased()) else {
                throw Problem(description: "no case \(id)", status: ExitCode.noInput)
            }
            let messages = try MessageLog(database).messages(caseID: record.id)
            let export = try choose(record.humanID, messages, part: operands.count == 2 ? operands[1] : nil,
                                    messageNumber: arguments.value("message"), legacyCharset: legacyCharset)
            return try write(export, output: arguments.value("output"))
        } catch let problem as Problem {
            console.error("tizilim cases open: \(problem.description)")
            return problem.status
        } catch {
            console.error("tizilim cases open: \(error)")
            return ExitCode.software
        }
    }

    /// The part named by path (`2`, `2.1`) or file name, in the message `--message` names, else
    /// in the newest message that has it; without a part, the message itself.
    func choose(_ id: String, _ messages: [StoredMessage], part: String?, messageNumber: String?,
                legacyCharset: String) throws -> Export {
        guard !messages.isEmpty else { throw Problem(description: "\(id) has no messages", status: ExitCode.noInput) }
        var candidates = Array(messages.enumerated()).reversed().map { ($0.offset + 1, $0.element) }
        if let text = messageNumber {
            guard let n = Int(text), (1...messages.count).contains(n) else {
                throw Problem(description: "--message takes 1 to \(messages.count) for \(id) (see 'tizilim cases show \(id)')",
                              status: ExitCode.usage)
            }
            candidates = [(n, messages[n - 1])]
        }
        var unreadable: [String] = []
        for (number, stored) in candidates {
            guard let bytes = try? MessageFile.read(stored.maildirPath) else {
                unreadable.append(stored.maildirPath)
                continue
            }
            guard let part else {
                return Export(bytes: bytes, name: "\(id)-\(number).eml", isText: true, what: "message \(number)")
            }
            let message = Message(bytes: bytes, legacyCharset: legacyCharset)
            let matches = message.parts.filter { $0.path == part }
                + message.parts.filter { $0.path != part && $0.filename.map { $0.lowercased() == part.lowercased() } == true }
            if matches.count > 1, matches.first?.path != part {
                throw Problem(description: "message \(number) has \(matches.count) files named \(part); name one by its part: "
                              + matches.map(\.path).joined(separator: ", "), status: ExitCode.usage)
            }
            guard let found = matches.first else { continue }
            if found.isContainer && found.contentType.type == "multipart" {
                throw Problem(description: "part \(found.path) of message \(number) is a \(found.contentType.mimeType) container; "
                              + "name one of its parts: " + found.children.map(\.path).joined(separator: ", "),
                              status: ExitCode.usage)
            }
            let body = found.contentType.type == "message" ? Array(found.body) : found.decodedBody().bytes
            let fallback = "\(id)-\(number)-part-\(found.path)" + (found.contentType.type == "message" ? ".eml" : ".bin")
            return Export(bytes: body, name: AttachmentName.safe(found.filename, fallback: fallback),
                          isText: found.contentType.isText || found.contentType.type == "message",
                          what: "part \(found.path) of message \(number)")
        }
        if !unreadable.isEmpty && unreadable.count == candidates.count {
            throw Problem(description: "cannot read \(unreadable.joined(separator: ", ")): the Maildir file is gone",
                          status: ExitCode.noInput)
        }
        throw Problem(description: "no part or file '\(part ?? "")' in \(messageNumber.map { "message " + $0 } ?? id)"
                      + " (see the files in 'tizilim cases show \(id)')", status: ExitCode.noInput)
    }

    /// `-` is standard output; an existing folder gets the sanitised name inside it; any other
    /// path is the file to create. Nothing is ever overwritten: the file is created exclusively,
    /// readable by its owner only, since it holds someone's personal data.
    func write(_ export: Export, output: String?) throws -> Int32 {
        if output == "-" {
            if console.isTerminal && !export.isText {
                throw Problem(description: "\(export.what) is binary; write it to a file with --output PATH, or pipe it",
                              status: ExitCode.usage)
            }
            console.write(bytes: export.bytes)
            return ExitCode.ok
        }
        var path = output ?? export.name
        if let output, MessageFile.isDirectory(output) {
            path = (output.hasSuffix("/") ? output : output + "/") + export.name
        }
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard fd >= 0 else {
            let reason = errno == EEXIST ? "it exists; choose another --output" : String(cString: strerror(errno))
            throw Problem(description: "cannot create \(path): \(reason)", status: ExitCode.cannotCreate)
        }
        var offset = 0
        while offset < export.bytes.count {
            let n = export.bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress! + offset, $0.count - offset) }
            if n < 0 {
                if errno == EINTR { continue }
                let reason = String(cString: strerror(errno))
                close(fd)
                unlink(path)
                throw Problem(description: "cannot write \(path): \(reason)", status: ExitCode.ioError)
            }
            offset += n
        }
        close(fd)
        console.line("\(path)  (\(export.what), \(ParseReport.humanSize(export.bytes.count)))")
        return ExitCode.ok
    }
}
