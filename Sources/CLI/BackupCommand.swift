import Service
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
        let settings: Settings
        do {
            settings = try Settings(arguments)
        } catch {
            console.error("tizilim backup: \(error)")
            return ExitCode.config
        }
        let storePath = settings.store
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
            let counts = try database.backup(toFile: copy)
            let messages = try MaildirSnapshot(source: settings.maildir,
                                               destination: target + "/maildir").copy()
            var line = "backup \(target): store (\(counts)), \(messages) messages"
            if settings.smtp == nil {
                let sent = try MaildirSnapshot(source: settings.sent, destination: target + "/sent").copy()
                line += ", \(sent) notices from \(settings.sent)"
            }
            console.line(line)
            return ExitCode.ok
        } catch {
            console.error("tizilim backup: \(error)")
            return ExitCode.ioError
        }
    }

    static let storeFile = "tizilim.sqlite"

}
