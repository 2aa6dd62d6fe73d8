import OrderedJSON
import Mailbox
import Cases
import Forms
import Glibc
import Intake
import MIME

/// `tizilim parse`: what the parser makes of messages, for staff, for bug reports, for scripts.
struct ParseCommand: Command {
    let name = "parse"
    let summary = "parse messages and show their envelope, part tree and defects"
    let synopsis = "parse FILE|FOLDER... [--json]"
    let details = """
    Each FILE is one RFC 5322 message; a FOLDER is read as a Maildir (new/ then cur/) or as a
    folder of message files. Files that cannot be read are reported on stderr and the others
    are still parsed; the exit status is 66 when any file could not be read.
    With --json, one JSON object per message per line, with the keys messageId, from, to,
    subject, date, autoSubmitted, parts, defects, application (the first applicant) and
    applications (every applicant of the letter, each with its origin).
    """
    let options: [Arguments.Option] = [
        .flag("json", "one JSON object per message, one per line"),
        .value("legacy-charset", "NAME", "charset for unlabelled 8-bit text that is not UTF-8 (default windows-1251)"),
        .value("lang", "kk|ru|en", "language of the summary (default: from the locale, else English)"),
    ]

    func run(_ arguments: Arguments, console: Console) -> Int32 {
        guard !arguments.operands.isEmpty else {
            console.error("tizilim parse: name at least one message file or folder. See 'tizilim help parse'.")
            return ExitCode.usage
        }
        let legacy = arguments.value("legacy-charset") ?? Charset.defaultLegacy
        let language: OperatorLanguage
        switch OperatorLanguage.resolve(arguments.value("lang")) {
        case .success(let resolved): language = resolved
        case .failure(let error):
            console.error("tizilim parse: \(error)")
            return ExitCode.usage
        }
        let year = LocalDateTime(utcSeconds: Int64(time(nil))).date.year
        let paths = MessageFile.expand(arguments.operands)
        var failed = 0
        var parsed: [ParseReport] = []
        for path in paths {
            let bytes: [UInt8]
            do {
                bytes = try MessageFile.read(path)
            } catch {
                console.error("tizilim parse: \(error)")
                failed += 1
                continue
            }
            let report = ParseReport(file: path, message: Message(bytes: bytes, legacyCharset: legacy), year: year)
            if arguments.has("json") {
                console.line(report.json.serialized())
            } else {
                console.write(report.text(color: console.usesColor, language: language))
            }
            parsed.append(report)
        }
        if !arguments.has("json") {
            let automatic = parsed.filter(\.autoSubmission.isAutomatic).count
            let withDefects = parsed.filter { !$0.defects.isEmpty }.count
            var summary = "\(parsed.count) message(s) parsed: \(automatic) automatic, \(withDefects) with defects"
            if failed > 0 { summary += "; \(failed) file(s) could not be read" }
            console.line(summary)
        }
        if paths.isEmpty {
            console.error("tizilim parse: no messages found in \(arguments.operands.joined(separator: ", "))")
            return ExitCode.noInput
        }
        return failed > 0 ? ExitCode.noInput : ExitCode.ok
    }
}

/// What `parse` says about one message, computed once and rendered as text or JSON.
struct ParseReport {
    struct PartLine {
        let path: String
        let contentType: String
        let charset: String?
        let filename: String?
        let size: Int
        let disposition: String?
        let depth: Int
    }

    let file: String
    let messageID: String?
    let from: MailAddress?
    let to: [MailAddress]
    let subject: String?
    let date: MessageDate?
    let autoSubmission: AutoSubmission
    let parts: [PartLine]
    let defects: [String]
    let uuencoded: [(path: String, filename: String, size: Int)]
    /// The letter's reading (the first applicant's); `readings` has every applicant's, in the order found.
    let reading: ApplicationReader.Result
    let readings: [ApplicationReader.Result]

    init(file: String, message: Message, year: Int) {
        self.file = file
        messageID = message.messageID
        from = message.from.first
        to = message.to
        subject = message.subject
        date = message.date
        autoSubmission = message.autoSubmission
        var lines: [PartLine] = []
        var uu: [(String, String, Int)] = []
        for part in message.parts {
            let size: Int
            if part.isContainer {
                size = part.body.count
            } else {
                let decoded = part.decodedBody().bytes
                size = decoded.count
                if part.contentType.isText, part.transferEncoding != .uuencode {
                    for block in UUEncode.blocks(in: decoded).blocks { uu.append((part.path, block.filename, block.bytes.count)) }
                }
            }
            lines.append(PartLine(path: part.path, contentType: part.contentType.mimeType, charset: part.charset,
                                  filename: part.filename, size: size, disposition: part.disposition?.type,
                                  depth: part.path.split(separator: ".").count - 1))
        }
        parts = lines
        uuencoded = uu
        defects = message.allDefects.map { "\($0.path): \($0.defect)" }
        // `application` stays what it always was (the first applicant's fields, the others
        // counted as companions) for scripts that read it; `applications` splits them.
        (reading, readings) = ApplicationReader.readLetter(message, currentYear: year)
    }

    var json: JSON {
        .object([
            ("file", .string(file)),
            ("messageId", .optional(messageID)),
            ("from", from.map(ParseReport.addressJSON) ?? .null),
            ("to", .array(to.map(ParseReport.addressJSON))),
            ("subject", .optional(subject)),
            ("date", .optional(date?.iso8601)),
            ("autoSubmitted", .bool(autoSubmission.isAutomatic)),
            ("autoSubmittedReasons", .array(autoSubmission.reasons.map(JSON.string))),
            ("parts", .array(parts.map { part in
                .object([
                    ("path", .string(part.path)),
                    ("contentType", .string(part.contentType)),
                    ("charset", .optional(part.charset)),
                    ("filename", .optional(part.filename)),
                    ("size", .number(part.size)),
                    ("disposition", .optional(part.disposition)),
                ])
            })),
            ("uuencoded", .array(uuencoded.map { .object([("path", .string($0.path)), ("filename", .string($0.filename)), ("size", .number($0.size))]) })),
            ("defects", .array(defects.map(JSON.string))),
            ("application", ApplicationView(reading).json),
            ("applications", .array(readings.map { reading in
                guard case .object(let pairs) = ApplicationView(reading).json else { return ApplicationView(reading).json }
                return .object(pairs + [("origin", reading.origin.map(ParseReport.originJSON) ?? .null)])
            })),
        ])
    }

    /// Where an applicant's reading came from: `place` is `body`, `attachment` or `forwarded`.
    static func originJSON(_ origin: ApplicationReader.Origin) -> JSON {
        .object([
            ("place", .string(origin.place.rawValue)),
            ("parts", .array(origin.partPaths.map(JSON.string))),
            ("filenames", .array(origin.filenames.map(JSON.string))),
            ("forwardedFrom", origin.forwardedFrom.map(ParseReport.addressJSON) ?? .null),
            ("forwardedDate", .optional(origin.forwardedDate)),
            ("forwardedSubject", .optional(origin.forwardedSubject)),
            ("forwardStyle", .optional(origin.forwardStyle)),
            ("formIndex", origin.formIndex.map(JSON.number) ?? .null),
        ])
    }

    static func addressJSON(_ address: MailAddress) -> JSON {
        .object([("name", .optional(address.name)), ("address", .string(address.address))])
    }

    func text(color: Bool, language: OperatorLanguage) -> String {
        func bold(_ s: String) -> String { color ? "\u{1B}[1m\(s)\u{1B}[0m" : s }
        func warn(_ s: String) -> String { color ? "\u{1B}[33m\(s)\u{1B}[0m" : s }
        func show(_ a: MailAddress) -> String {
            guard let name = a.name, !name.isEmpty else { return a.address }
            return "\(name) <\(a.address)>"
        }
        var out = bold(file) + "\n"
        out += "  From:       " + (from.map(show) ?? "(none)") + "\n"
        out += "  To:         " + (to.isEmpty ? "(none)" : to.map(show).joined(separator: ", ")) + "\n"
        out += "  Subject:    " + (subject ?? "(none)") + "\n"
        out += "  Date:       " + (date?.iso8601 ?? "(missing or unreadable)") + "\n"
        out += "  Message-ID: " + (messageID.map { "<\($0)>" } ?? "(none)") + "\n"
        out += "  Automatic:  " + (autoSubmission.isAutomatic ? warn("yes") + " (" + autoSubmission.reasons.joined(separator: "; ") + ")" : "no") + "\n"
        out += "  Parts:\n"
        for part in parts {
            var line = "    " + String(repeating: "  ", count: part.depth) + part.path.padding(to: 6) + part.contentType
            if let charset = part.charset { line += "; charset=\(charset)" }
            if let filename = part.filename { line += "  \"\(filename)\"" }
            if let disposition = part.disposition { line += "  \(disposition)" }
            line += "  " + ParseReport.humanSize(part.size)
            out += line + "\n"
        }
        for block in uuencoded {
            out += "    uuencoded in \(block.path): \"\(block.filename)\"  \(ParseReport.humanSize(block.size))\n"
        }
        if defects.isEmpty {
            out += "  Defects:    none\n"
        } else {
            out += "  Defects:\n"
            for defect in defects { out += "    " + warn(defect) + "\n" }
        }
        out += ApplicationView(reading).text(language: language, warn: warn)
        return out + "\n"
    }

    static func humanSize(_ bytes: Int) -> String {
        if bytes < 1024 { return "\(bytes) B" }
        if bytes < 1024 * 1024 { return "\((bytes * 10 / 1024 + 5) / 10) KB" }
        let tenths = bytes * 10 / (1024 * 1024)
        return "\(tenths / 10).\(tenths % 10) MB"
    }
}
