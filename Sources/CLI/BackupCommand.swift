import Glibc
import Store

/// `tizilim backup PATH`: the store as of one moment, taken while the daemon keeps working,
/// and the raw messages it was made from. The letters are the evidence; the store is what was
/// decided about them. Either without the other is half a record.
struct BackupCommand: Command {
    let name = "backup"
    let summary = "copy the store (consistently, while the daemon runs) and the messages into a folder"
    let synopsis = "backup PATH [--config FILE] [--KEY VALUE...]"
    let details = """
    Writes into PATH (created if missing; refused if it already holds a backup):
      tizilim.sqlite   the store, through SQLite's online backup API: one consistent moment,
                       without stopping or slowing the daemon
      maildir/         the messages of the Maildir (new/ and cur/), names and times kept
      sent/            the notices written as files, when no smtp_url is set
    The store is copied first, so every message it knows is in the copy; a message that
    arrives meanwhile is in maildir/ too, and is taken when the backup is restored.
    The configuration (/etc/tizilim) is not copied: keep it with your usual backups.
    """
    var options: [Arguments.Option] { Configuration.options }

    func run(_ arguments: Arguments, console: Console) -> Int32 {
        guard arguments.operands.count == 1, let target = arguments.operands.first else {
            console.error("tizilim backup: expected one PATH. See 'tizilim help backup'.")
            return ExitCode.usage
        }
        let configuration: Configuration
        do {
            configuration = try Configuration(arguments)
        } catch {
            console.error("tizilim backup: \(error)")
            return ExitCode.config
        }
        let storePath = configuration["store"] ?? "var/tizilim.sqlite"
        guard access(storePath, R_OK) == 0 else {
            console.error("tizilim backup: no store at \(storePath) to back up")
            return ExitCode.noInput
        }
        if mkdir(target, 0o750) != 0 && errno != EEXIST {
            console.error("tizilim backup: cannot create \(target): \(String(cString: strerror(errno)))")
            return ExitCode.cannotCreate
        }
        let copy = target + "/" + Self.storeFile
        guard access(copy, F_OK) != 0 else {
            console.error("tizilim backup: \(copy) exists: choose a new folder for each backup, e.g. PATH/$(date +%F-%H%M)")
            return ExitCode.cannotCreate
        }
        do {
            // Without migrations: a backup must not change the store it copies.
            let database = try Database(path: storePath, migrations: [])
            try database.backup(to: copy)
            let counts: String
            do {
                let written = try Database(path: copy, migrations: [])
                counts = try Self.counts(written)
                // Opening it switched the copy to WAL; a backup stays one self-contained file.
                try written.execute("PRAGMA journal_mode=DELETE")
            }
            let messages = try MaildirSnapshot(source: configuration["maildir"] ?? "var/maildir",
                                               destination: target + "/maildir").copy()
            var line = "backup \(target): store (\(counts)), \(messages) messages"
            if configuration["smtp_url"] == nil {
                let sent = try MaildirSnapshot(source: configuration["sent"] ?? "var/sent", destination: target + "/sent").copy()
                line += ", \(sent) notices from \(configuration["sent"] ?? "var/sent")"
            }
            console.line(line)
            return ExitCode.ok
        } catch {
            console.error("tizilim backup: \(error)")
            return ExitCode.ioError
        }
    }

    static let storeFile = "tizilim.sqlite"

    /// `12 cases, 40 messages, 31 notices`: what an operator compares after a restore.
    static func counts(_ database: Database) throws -> String {
        func count(_ table: String) throws -> Int64 {
            try database.query("SELECT count(*) FROM \(table)").first?.int(0) ?? 0
        }
        return "\(try count("cases")) cases, \(try count("messages")) messages, \(try count("outbox")) notices, "
            + "\(try count("register_entries")) register entries"
    }
}
