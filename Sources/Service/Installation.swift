import Cases
import Glibc
import Intake
import Mailbox
import Store

/// The configured installation opened for work: the store, the Maildir, the intake and the
/// courier. What the daemon and the staff commands share.
public struct Installation {
    public let settings: Settings
    public let database: Database
    public let intake: Intake
    public let maildir: Maildir
    /// IMAP into the Maildir, when `imap_url` is set.
    public let fetch: MailFetch?

    public var configuration: Configuration { settings.configuration }

    /// Opens the store (creating it and its folder when missing) and reads the templates and
    /// the calendar the configuration names.
    public init(_ settings: Settings) throws {
        self.settings = settings
        try Self.makeParent(of: settings.store)
        database = try Database(path: settings.store)
        intake = Intake(database: database, settings: try settings.configuration.intakeSettings())
        maildir = Maildir(path: settings.maildir)
        if let imap = settings.imap {
            let password = try settings.configuration.secret("imap_password_file") ?? ""
            let account = IMAPAccount(url: imap.url, user: imap.user, credential: .password(password),
                                      doneFolder: imap.doneFolder)
            fetch = MailFetch(fetcher: try IMAPFetcher(account: account), maildir: maildir,
                              positions: FetchPositions(database))
        } else {
            fetch = nil
        }
    }

    /// The store's path, which must exist: only `serve` creates a store.
    public static func existingStore(_ settings: Settings) throws -> String {
        guard access(settings.store, R_OK) == 0 else {
            throw Configuration.Problem(description: "no store at \(settings.store): run 'tizilim serve' first, or set store / --store")
        }
        return settings.store
    }

    /// Opens the store only, for commands that must not create a store or a Maildir.
    public static func store(_ settings: Settings, busyTimeoutMilliseconds: Int32 = 10_000) throws -> Database {
        try Database(path: try existingStore(settings), busyTimeoutMilliseconds: busyTimeoutMilliseconds)
    }

    public func courier() throws -> NoticeCourier {
        let from = intake.settings.from.address
        if let smtp = settings.smtp {
            let password = try settings.configuration.secret("smtp_password_file")
            let server = SMTPServer(url: smtp.url, user: smtp.user, credential: password.map(MailCredential.password))
            return NoticeCourier(intake: intake, transport: .smtp(try SMTPSender(server: server)), envelopeFrom: from)
        }
        let sent = Maildir(path: settings.sent)
        try sent.create()
        return NoticeCourier(intake: intake, transport: .maildir(sent), envelopeFrom: from)
    }

    /// `mkdir -p` of a file's folder, mode 0750: the store holds IINs.
    public static func makeParent(of path: String) throws {
        guard let slash = path.lastIndex(of: "/") else { return }
        let folder = String(path[..<slash])
        var built = folder.hasPrefix("/") ? "" : "."
        for piece in folder.split(separator: "/") {
            built += "/" + piece
            if mkdir(built, 0o750) != 0 && errno != EEXIST {
                throw Configuration.Problem(description: "cannot create \(built): \(String(cString: strerror(errno)))")
            }
        }
    }
}
