import Service
import Glibc
import Store

/// `tizilim restore PATH`: a backup made by `tizilim backup` put back in place, with the
/// daemon stopped. Restoring over a live store would pull it from under the daemon, so a store
/// that any process has open is refused even with --force.
struct RestoreCommand: Command {
    let name = "restore"
    let summary = "put a backup made by 'tizilim backup' back in place (with the daemon stopped)"
    let synopsis = "restore PATH [--force] [--config FILE] [--KEY VALUE...]"
    let details = """
    Copies PATH/tizilim.sqlite into the configured store and the backup's messages into the
    configured Maildir (and sent Maildir), skipping messages already there, then checks the
    store's integrity. Stop the daemon first (systemctl stop tizilim): a store that another
    process has open is never replaced. An existing store is replaced only with --force.
    Run as root, restored files are given to the owner of the folder they go into (tizilim).
    Messages that arrived after the backup are still in the Maildir: at its next start the
    daemon takes every message the restored store has not seen.
    --force         replace an existing store
    """
    var options: [Arguments.Option] {
        [.flag("force", "replace an existing store")] + Configuration.options
    }

    func run(_ arguments: Arguments, console: Console) -> Int32 {
        guard arguments.operands.count == 1, let source = arguments.operands.first else {
            console.error("tizilim restore: expected one PATH. See 'tizilim help restore'.")
            return ExitCode.usage
        }
        let settings: Settings
        do {
            settings = try Settings(arguments)
        } catch {
            console.error("tizilim restore: \(error)")
            return ExitCode.config
        }
        let backup = source + "/" + BackupCommand.storeFile
        guard access(backup, R_OK) == 0 else {
            console.error("tizilim restore: \(backup) not found or not readable: is \(source) a folder made by 'tizilim backup'?")
            return ExitCode.noInput
        }
        let storePath = settings.store
        do {
            if try Database.isOpenElsewhere(path: storePath) {
                console.error("tizilim restore: \(storePath) is in use (is the daemon running?). Stop it first: systemctl stop tizilim")
                return ExitCode.unavailable
            }
        } catch {
            console.error("tizilim restore: \(error)")
            return ExitCode.ioError
        }
        if let info = FileInspection.status(storePath), info.st_size > 0, !arguments.has("force") {
            console.error("tizilim restore: \(storePath) exists; add --force to replace it with the backup")
            return ExitCode.cannotCreate
        }
        do {
            try Installation.makeParent(of: storePath)
            let owner = Self.owner(of: storePath)
            let counts: String
            do {
                let database = try Database(path: storePath, migrations: [])
                try database.restore(from: backup)
                let problems = try database.integrityProblems()
                guard problems.isEmpty else {
                    console.error("tizilim restore: the restored store fails its integrity check: "
                                  + problems.prefix(5).joined(separator: "; "))
                    return ExitCode.dataError
                }
                counts = try StoreCounts(database).description
            }
            if let owner {
                for file in [storePath, storePath + "-wal", storePath + "-shm"] { _ = chown(file, owner.uid, owner.gid) }
            }
            let maildir = settings.maildir
            let messages = try MaildirSnapshot(source: source + "/maildir", destination: maildir,
                                               owner: Self.owner(of: maildir)).copy()
            var line = "restored \(storePath) (\(counts)); \(messages) messages into \(maildir)"
            if settings.smtp == nil {
                let sent = settings.sent
                let notices = try MaildirSnapshot(source: source + "/sent", destination: sent, owner: Self.owner(of: sent)).copy()
                line += "; \(notices) notices into \(sent)"
            }
            console.line(line)
            return ExitCode.ok
        } catch {
            console.error("tizilim restore: \(error)")
            return ExitCode.ioError
        }
    }

    /// Run as root, files belong to whoever owns the folder they are restored into, so the
    /// service (not root) can write them afterwards. Otherwise they are the caller's anyway.
    static func owner(of path: String) -> (uid: uid_t, gid: gid_t)? {
        guard geteuid() == 0 else { return nil }
        let trimmed = path.hasSuffix("/") ? String(path.dropLast()) : path
        let parent = trimmed.lastIndex(of: "/").map { String(trimmed[..<$0]) } ?? "."
        guard let info = FileInspection.status(parent.isEmpty ? "/" : parent) else { return nil }
        return (info.st_uid, info.st_gid)
    }
}
