import Cases
import Glibc
import Intake
import Mailbox
import Store

/// The configured site opened for work: the store, the Maildir, the intake and the courier.
/// What `serve` and `cases` share.
struct Installation {
    let configuration: Configuration
    let database: Database
    let intake: Intake
    let maildir: Maildir
    /// IMAP into the Maildir, when `imap_url` is set.
    let fetch: MailFetch?
    let pollSeconds: Double

    init(_ configuration: Configuration) throws {
        self.configuration = configuration
        let storePath = configuration["store"] ?? "var/tizilim.sqlite"
        try Self.makeParent(of: storePath)
        database = try Database(path: storePath)
        intake = Intake(database: database, settings: try configuration.intakeSettings())
        maildir = Maildir(path: configuration["maildir"] ?? "var/maildir")
        pollSeconds = Double(configuration["imap_poll_seconds"] ?? "") ?? 60
        if let url = configuration["imap_url"], let user = configuration["imap_user"] {
            let password = try configuration.secret("imap_password_file") ?? ""
            let account = IMAPAccount(url: url, user: user, credential: .password(password),
                                      doneFolder: configuration["imap_done_folder"])
            fetch = MailFetch(fetcher: try IMAPFetcher(account: account), maildir: maildir,
                              positions: FetchPositions(database))
        } else {
            fetch = nil
        }
    }

    /// The store's path, which must exist: only `serve` creates a store.
    static func storePath(_ configuration: Configuration) throws -> String {
        let path = configuration["store"] ?? "var/tizilim.sqlite"
        guard access(path, R_OK) == 0 else {
            throw Configuration.Problem(description: "no store at \(path): run 'tizilim serve' first, or set store / --store")
        }
        return path
    }

    /// Opens the store only, for commands that must not create a store or a Maildir.
    static func store(_ configuration: Configuration, busyTimeoutMilliseconds: Int32 = 10_000) throws -> Database {
        try Database(path: try storePath(configuration), busyTimeoutMilliseconds: busyTimeoutMilliseconds)
    }

    func courier() throws -> NoticeCourier {
        let from = intake.settings.from.address
        if let url = configuration["smtp_url"] {
            let password = try configuration.secret("smtp_password_file")
            let server = SMTPServer(url: url, user: configuration["smtp_user"], credential: password.map(MailCredential.password))
            return NoticeCourier(intake: intake, transport: .smtp(try SMTPSender(server: server)), envelopeFrom: from)
        }
        let sent = Maildir(path: configuration["sent"] ?? "var/sent")
        try sent.create()
        return NoticeCourier(intake: intake, transport: .maildir(sent), envelopeFrom: from)
    }

    /// `mkdir -p` of a file's folder, mode 0750: the store holds IINs.
    static func makeParent(of path: String) throws {
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
