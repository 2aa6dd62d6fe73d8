import Intake
import Mailbox

/// The configuration read once into typed values: every default is `Configuration.keys`'
/// own, so no reader of a path repeats it (and none can drift from it).
public struct Settings: Sendable {
    /// Where the values came from, for `config check` and error messages.
    public let configuration: Configuration

    public let store: String
    public let maildir: String
    /// The Maildir notices are written into when no SMTP server is configured.
    public let sent: String
    public let publishDirectory: String
    public let metricsFile: String?
    /// The operator's notice templates; the built-in ones when nil.
    public let templatesDirectory: String?
    /// The operator's calendar overrides, when any.
    public let calendarFile: String?
    public let smtp: SMTP?
    public let imap: IMAP?

    public struct SMTP: Sendable {
        public let url: String
        public let user: String?
        public let passwordFile: String?
    }

    public struct IMAP: Sendable {
        public let url: String
        public let user: String
        public let passwordFile: String?
        public let doneFolder: String?
        public let pollSeconds: Double
    }

    public init(_ configuration: Configuration) {
        self.configuration = configuration
        func value(_ key: String) -> String {
            // Every path key has a default and `Configuration` validated the rest: a missing
            // value here is a key table that lost its default, a programming error.
            guard let value = configuration[key] else { preconditionFailure("configuration key \(key) has no default") }
            return value
        }
        store = value("store")
        maildir = value("maildir")
        sent = value("sent")
        publishDirectory = value("publish_dir")
        metricsFile = configuration["metrics_file"]
        templatesDirectory = configuration["templates_dir"]
        calendarFile = configuration["calendar_file"]
        smtp = configuration["smtp_url"].map {
            SMTP(url: $0, user: configuration["smtp_user"], passwordFile: configuration["smtp_password_file"])
        }
        // `Configuration` refuses an imap_url without its user.
        imap = configuration["imap_url"].flatMap { url in
            configuration["imap_user"].map {
                IMAP(url: url, user: $0, passwordFile: configuration["imap_password_file"],
                     doneFolder: configuration["imap_done_folder"], pollSeconds: Double(value("imap_poll_seconds")) ?? 60)
            }
        }
    }

    /// The intake's settings: reads the templates and the calendar the configuration names.
    public func intakeSettings() throws(Configuration.Problem) -> IntakeSettings {
        try configuration.intakeSettings()
    }

    /// A secret from its file (`imap_password_file`, `smtp_password_file`): the first line.
    public func secret(_ key: String) throws(Configuration.Problem) -> String? {
        try configuration.secret(key)
    }

    /// The files holding the IMAP and SMTP passwords, by their keys.
    public var secretFiles: [(key: String, path: String)] {
        ["imap_password_file", "smtp_password_file"].compactMap { key in configuration[key].map { (key, $0) } }
    }

    /// Where notices go: the SMTP server's URL, else the sent Maildir.
    public var noticeDestination: String { smtp?.url ?? sent }

    /// The folders whose file systems the daemon writes: the store's, the Maildir, the
    /// notices' Maildir (without SMTP) and the publish folder.
    public var writtenFolders: [String] {
        var folders = [store.lastIndex(of: "/").map { String(store[..<$0]) } ?? ".", maildir]
        if smtp == nil { folders.append(sent) }
        folders.append(publishDirectory)
        return folders.map { $0.isEmpty ? "/" : $0 }
    }
}
