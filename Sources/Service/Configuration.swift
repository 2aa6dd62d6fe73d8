import Cases
import Forms
import Glibc
import Intake
import MIME
import Mailbox
import Notices
import Signatures

/// The installation's configuration as written: built-in defaults, then the configuration file
/// (`key = value` lines, `#` comments, as postfix's main.cf), then command-line flags, each
/// overriding the last. Validated whole when built; `Settings` is its typed reading.
public struct Configuration: Sendable {
    public struct Key: Sendable {
        public let name: String
        public let defaultValue: String?
        public let help: String
        public var isSecretPath: Bool { name.hasSuffix("_password_file") }
        /// `--calendar-file` for `calendar_file`.
        public var flag: String { String(name.map { $0 == "_" ? "-" : $0 }) }
    }

    /// Every key, in the order `config check` prints them.
    public static let keys: [Key] = [
        Key(name: "maildir", defaultValue: "var/maildir", help: "the Maildir the daemon takes messages from"),
        Key(name: "store", defaultValue: "var/tizilim.sqlite", help: "the SQLite store"),
        Key(name: "sent", defaultValue: "var/sent", help: "Maildir for notices when no smtp_url is set"),
        Key(name: "calendar_file", defaultValue: nil, help: "calendar override file"),
        Key(name: "required_fields_file", defaultValue: nil,
            help: "completeness policy: what each kind must give (the built-in one is deploy/required-fields.txt)"),
        Key(name: "working_hours", defaultValue: "09:00-18:00", help: "working hours, Asia/Almaty"),
        Key(name: "decisions", defaultValue: "auto", help: "auto, or review: every decision by staff"),
        Key(name: "warning_hours", defaultValue: "8", help: "business hours before a review deadline to warn staff"),
        Key(name: "from", defaultValue: "volunteer@mki.gov.kz", help: "From of notices"),
        Key(name: "reply_to", defaultValue: nil, help: "Reply-To of notices"),
        Key(name: "staff_address", defaultValue: nil, help: "mailed when a review deadline nears"),
        Key(name: "authserv_id", defaultValue: nil, help: "our MTA's Authentication-Results id, to trust its DMARC verdict"),
        Key(name: "max_notices_per_sender_per_day", defaultValue: "10",
            help: "notices about one applicant (or to one address, for letters without an application) in 24 hours"),
        Key(name: "forwarded_notices", defaultValue: "applicant+office",
            help: "a forwarded application's notices: applicant+office (To the applicant, Cc the office), applicant, or office"),
        Key(name: "max_message_bytes", defaultValue: "64M",
            help: "larger messages are not read, only flagged too-large for staff (bytes, or with K, M, G)"),
        Key(name: "templates_dir", defaultValue: nil, help: "operator's notice templates (built-in ones otherwise)"),
        Key(name: "legacy_charset", defaultValue: "windows-1251", help: "charset of unlabelled 8-bit headers"),
        Key(name: "ocr_auto_refine", defaultValue: "no",
            help: "yes: a clear scan of a known form with a blank IIN/BIN goes back without staff"),
        Key(name: "trust_anchors", defaultValue: nil, help: "PEM file of the CA certificates signed documents are verified against"),
        Key(name: "imap_url", defaultValue: nil, help: "imaps://host/INBOX to fetch from"),
        Key(name: "imap_user", defaultValue: nil, help: "IMAP login"),
        Key(name: "imap_password_file", defaultValue: nil, help: "file holding the IMAP password"),
        Key(name: "imap_poll_seconds", defaultValue: "60", help: "how often to poll IMAP"),
        Key(name: "imap_done_folder", defaultValue: nil, help: "IMAP folder to move fetched messages to"),
        Key(name: "smtp_url", defaultValue: nil, help: "smtp://host:587 or smtps://host to send notices"),
        Key(name: "smtp_user", defaultValue: nil, help: "SMTP login"),
        Key(name: "smtp_password_file", defaultValue: nil, help: "file holding the SMTP password"),
        Key(name: "publish_dir", defaultValue: "var/publish", help: "where the register files are published"),
        Key(name: "metrics_file", defaultValue: nil, help: "Prometheus text file for node_exporter"),
    ]

    public static let defaultPath = "/etc/tizilim/tizilim.conf"

    public struct Problem: Error, CustomStringConvertible {
        public let description: String
        public init(description: String) { self.description = description }
    }

    private(set) var values: [String: String] = [:]
    /// Where each value came from: "default", "FILE:LINE" or "--flag".
    private(set) var origins: [String: String] = [:]
    public let file: String?

    public subscript(_ key: String) -> String? { values[key] }

    /// `file`: the configuration file named by `--config`, else the default path when it exists.
    /// `flags`: values given on the command line, by key name (`store`, not `--store`).
    public init(file named: String?, flags: [String: String]) throws(Problem) {
        for key in Self.keys {
            if let value = key.defaultValue {
                values[key.name] = value
                origins[key.name] = "default"
            }
        }
        var path = named
        if path == nil, access(Self.defaultPath, F_OK) == 0 { path = Self.defaultPath }
        file = path
        if let path {
            guard let bytes = try? MessageFile.read(path) else {
                throw Problem(description: "cannot read configuration file \(path)")
            }
            try read(String(decoding: bytes, as: UTF8.self), file: path)
        }
        for key in Self.keys {
            if let value = flags[key.name] {
                values[key.name] = value
                origins[key.name] = "--" + key.flag
            }
        }
        try validate()
    }

    mutating func read(_ text: String, file: String) throws(Problem) {
        for (number, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
            let trimmed = trim(line)
            if trimmed.isEmpty { continue }
            guard let eq = trimmed.firstIndex(of: "=") else {
                throw Problem(description: "\(file):\(number + 1): expected 'key = value', found '\(trimmed)'")
            }
            let name = trim(trimmed[..<eq])
            let value = trim(trimmed[trimmed.index(after: eq)...])
            guard Self.keys.contains(where: { $0.name == name }) else {
                throw Problem(description: "\(file):\(number + 1): unknown key '\(name)'")
            }
            values[name] = value.isEmpty ? nil : value
            origins[name] = "\(file):\(number + 1)"
        }
    }

    func validate() throws(Problem) {
        func fail(_ key: String, _ why: String) -> Problem {
            Problem(description: "\(key) = \(values[key] ?? "") (\(origins[key] ?? "default")): \(why)")
        }
        if let hours = values["working_hours"], WorkingHours(parsing: hours) == nil {
            throw fail("working_hours", "expected HH:MM-HH:MM with the opening before the close")
        }
        if let value = values["ocr_auto_refine"], value != "yes" && value != "no" {
            throw fail("ocr_auto_refine", "expected yes or no")
        }
        if let decisions = values["decisions"], decisions != "auto" && decisions != "review" {
            throw fail("decisions", "expected auto or review")
        }
        if let forwarded = values["forwarded_notices"], ForwardedNotices(rawValue: forwarded) == nil {
            throw fail("forwarded_notices", "expected applicant+office, applicant or office")
        }
        for key in ["warning_hours", "max_notices_per_sender_per_day", "imap_poll_seconds"] {
            if let value = values[key], Int(value).map({ $0 >= 0 }) != true {
                throw fail(key, "expected a whole number")
            }
        }
        if let value = values["max_message_bytes"], Self.byteCount(value).map({ $0 > 0 }) != true {
            throw fail("max_message_bytes", "expected a size in bytes, or with K, M or G (64M)")
        }
        for key in ["from", "reply_to", "staff_address"] {
            if let value = values[key], AddressList.parse(value).mailboxes.count != 1 {
                throw fail(key, "expected one e-mail address")
            }
        }
        if let url = values["smtp_url"], !(url.hasPrefix("smtp://") || url.hasPrefix("smtps://")) {
            throw fail("smtp_url", "expected smtp://HOST[:PORT] or smtps://HOST[:PORT]")
        }
        if let url = values["imap_url"], !(url.hasPrefix("imap://") || url.hasPrefix("imaps://")) {
            throw fail("imap_url", "expected imap://HOST[:PORT]/FOLDER or imaps://…")
        }
        if values["trust_anchors"] != nil { _ = try trustAnchors() }
        if values["imap_url"] != nil && values["imap_user"] == nil {
            throw fail("imap_user", "imap_url is set, so the IMAP login is needed")
        }
    }

    /// A secret from its file: the first line, without the newline.
    public func secret(_ key: String) throws(Problem) -> String? {
        guard let path = values[key] else { return nil }
        guard let bytes = try? MessageFile.read(path) else {
            throw Problem(description: "\(key) = \(path): cannot read the file")
        }
        return String(decoding: bytes, as: UTF8.self).split(separator: "\n").first.map(String.init) ?? ""
    }

    public func calendar() throws(Problem) -> BusinessCalendar {
        let hours = WorkingHours(parsing: values["working_hours"] ?? "") ?? .default
        var overrides = CalendarOverrides.none
        if let path = values["calendar_file"] {
            guard let bytes = try? MessageFile.read(path) else {
                throw Problem(description: "calendar_file = \(path): cannot read the file")
            }
            do {
                overrides = try CalendarOverrides(parsing: String(decoding: bytes, as: UTF8.self))
            } catch {
                throw Problem(description: "calendar_file = \(path):\n\(error)")
            }
        }
        return BusinessCalendar(overrides: overrides, workingHours: hours)
    }

    /// `trust_anchors`, loaded: at least one certificate OpenSSL reads, or a problem.
    public func trustAnchors() throws(Problem) -> TrustAnchors? {
        guard let path = values["trust_anchors"] else { return nil }
        do {
            return try TrustAnchors.load(path: path)
        } catch {
            throw Problem(description: "trust_anchors = \(path) (\(origins["trust_anchors"] ?? "default")): \(error.description)")
        }
    }

    public func completenessPolicy() throws(Problem) -> CompletenessPolicy {
        guard let path = values["required_fields_file"] else { return .shipped }
        guard let bytes = try? MessageFile.read(path) else {
            throw Problem(description: "required_fields_file = \(path): cannot read the file")
        }
        do {
            return try CompletenessPolicy(parsing: String(decoding: bytes, as: UTF8.self))
        } catch {
            throw Problem(description: "required_fields_file = \(path): \(error)")
        }
    }

    public func intakeSettings() throws(Problem) -> IntakeSettings {
        var policy = values["decisions"] == "review" ? DecisionPolicy.review : DecisionPolicy.auto
        policy.warningBusinessHours = Int(values["warning_hours"] ?? "") ?? 8
        var templates = NoticeTemplates.builtIn
        if let directory = values["templates_dir"] {
            do {
                templates = try NoticeTemplates(directory: directory)
            } catch {
                throw Problem(description: "templates_dir = \(directory): \(error)")
            }
        }
        let from = AddressList.parse(values["from"] ?? "").mailboxes.first
            ?? MailAddress(localPart: "volunteer", domain: "mki.gov.kz")
        let replyTo = values["reply_to"].map { AddressList.parse($0).mailboxes } ?? []
        var settings = IntakeSettings(policy: policy, calendar: try calendar(), from: from, replyTo: replyTo,
                              maxNoticesPerSenderPerDay: Int(values["max_notices_per_sender_per_day"] ?? "") ?? 10,
                              templates: templates, legacyCharset: values["legacy_charset"] ?? Charset.defaultLegacy,
                              staffAddress: values["staff_address"].flatMap { AddressList.parse($0).mailboxes.first },
                              authservID: values["authserv_id"],
                              forwardedNotices: values["forwarded_notices"].flatMap(ForwardedNotices.init(rawValue:))
                                  ?? .applicantAndOffice,
                              maxMessageBytes: values["max_message_bytes"].flatMap(Self.byteCount)
                                  ?? IntakeSettings.defaultMaxMessageBytes)
        settings.reading = ReadingSettings(completeness: try completenessPolicy(), trustAnchors: try trustAnchors(),
                                           ocrAutoRefine: values["ocr_auto_refine"] == "yes")
        return settings
    }

    /// `65536`, `64K`, `64M`, `1G` (powers of 1024), as bytes; nil if it is not a size.
    public static func byteCount(_ text: String) -> Int? {
        var digits = Substring(text)
        var unit = 1
        if let last = digits.last, let shift = ["K": 10, "M": 20, "G": 30][last.uppercased()] {
            unit = 1 << shift
            digits = digits.dropLast()
        }
        guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }), let n = Int(digits),
              n <= Int.max / unit else {
            return nil
        }
        return n * unit
    }

    /// The effective configuration, one `key = value` per line, secrets' files named but never read out.
    public func describe() -> String {
        var out = "# effective configuration" + (file.map { " (file: \($0))" } ?? " (no file: built-in defaults)") + "\n"
        for key in Self.keys {
            let value = values[key.name]
            let shown = value ?? ""
            let origin = origins[key.name].map { "  # \($0)" } ?? ""
            out += "\(key.name) = \(shown)\(value == nil ? "" : origin)\n"
        }
        return out
    }
}

private func trim(_ s: Substring) -> String {
    let blank: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\r" }
    return String(s.drop(while: blank).reversed().drop(while: blank).reversed())
}
