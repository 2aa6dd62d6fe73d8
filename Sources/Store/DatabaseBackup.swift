import CSQLite
import Glibc

/// Copies of the store taken while the daemon runs, through SQLite's online backup API.
///
/// Copying the file with `cp` is wrong for a WAL database: committed transactions may still be
/// in `-wal`, and a copy made mid-checkpoint is torn. The backup API copies the pages as of one
/// read transaction instead, which in WAL mode never blocks the daemon's writers.
extension Database {
    /// Writes a consistent copy of this database, as of one moment, into a new file at `path`
    /// (mode 0640, like the store: it holds IINs). The copy is in rollback-journal mode, so it
    /// is one self-contained file. Fails if `path` exists.
    public func backup(to path: String) throws {
        let fd = open(path, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0o640)
        guard fd >= 0 else {
            throw Failure(code: SQLITE_CANTOPEN, message: "\(path): \(String(cString: strerror(errno)))")
        }
        close(fd)
        do {
            let copy = try Self.openRaw(path, flags: SQLITE_OPEN_READWRITE)
            defer { sqlite3_close_v2(copy) }
            try Self.copyPages(from: handle, to: copy, describing: path)
            // The page header says WAL, as the source's does; a backup should not need its -wal.
            try Self.exec(copy, "PRAGMA journal_mode=DELETE")
        } catch {
            unlink(path)
            throw error
        }
    }

    /// Replaces this database's whole content with the backup at `path`, in one step that
    /// readers see as a single commit. The caller makes sure no daemon is writing meanwhile.
    public func restore(from path: String) throws {
        guard access(path, R_OK) == 0 else {
            throw Failure(code: SQLITE_CANTOPEN, message: "\(path): \(String(cString: strerror(errno)))")
        }
        let source = try Self.openRaw(path, flags: SQLITE_OPEN_READONLY)
        defer { sqlite3_close_v2(source) }
        try Self.copyPages(from: source, to: handle, describing: self.path)
    }

    /// `PRAGMA integrity_check`: empty when the database is sound, else SQLite's findings.
    public func integrityProblems() throws -> [String] {
        let lines = try query("PRAGMA integrity_check").compactMap { $0.text(0) }
        return lines == ["ok"] ? [] : lines
    }

    /// True when another connection, in this process or any other, has the database at `path`
    /// open: the check `restore` makes so it never pulls a store from under a running daemon.
    /// In WAL mode every open connection holds a shared lock on the file for its whole life, so
    /// an exclusive lock is granted only when nobody else is there.
    public static func isOpenElsewhere(path: String) throws -> Bool {
        guard access(path, F_OK) == 0 else { return false }
        let probe = try openRaw(path, flags: SQLITE_OPEN_READWRITE)
        defer { sqlite3_close_v2(probe) }
        sqlite3_busy_timeout(probe, 0)
        try exec(probe, "PRAGMA locking_mode=EXCLUSIVE")
        let rc = sqlite3_exec(probe, "BEGIN EXCLUSIVE; COMMIT", nil, nil, nil)
        if rc == SQLITE_BUSY || rc == SQLITE_LOCKED { return true }
        guard rc == SQLITE_OK else {
            throw Failure(code: rc, message: "\(path): \(String(cString: sqlite3_errmsg(probe)))")
        }
        return false
    }

    private static func openRaw(_ path: String, flags: Int32) throws -> OpaquePointer {
        var db: OpaquePointer?
        let rc = sqlite3_open_v2(path, &db, flags | SQLITE_OPEN_FULLMUTEX, nil)
        guard rc == SQLITE_OK, let db else {
            let message = db.map { String(cString: sqlite3_errmsg($0)) } ?? "cannot open"
            if let db { sqlite3_close_v2(db) }
            throw Failure(code: rc, message: "\(path): \(message)")
        }
        return db
    }

    private static func exec(_ db: OpaquePointer, _ sql: String) throws {
        let rc = sqlite3_exec(db, sql, nil, nil, nil)
        guard rc == SQLITE_OK else { throw Failure(code: rc, message: String(cString: sqlite3_errmsg(db))) }
    }

    /// All pages in one step (-1): the source is read inside a single read transaction, so the
    /// copy is one consistent moment. Stepping in slices would let the daemon's commits restart
    /// the copy again and again on a busy store.
    private static func copyPages(from source: OpaquePointer, to destination: OpaquePointer, describing path: String) throws {
        sqlite3_busy_timeout(destination, 10_000)
        guard let backup = sqlite3_backup_init(destination, "main", source, "main") else {
            throw Failure(code: sqlite3_errcode(destination), message: "\(path): \(String(cString: sqlite3_errmsg(destination)))")
        }
        var rc = SQLITE_OK
        var waits = 0
        repeat {
            rc = sqlite3_backup_step(backup, -1)
            // A writer holding the lock on the destination (or a checkpoint on the source): wait
            // and retry, for a minute at most, then report it rather than hang a cron job.
            if rc == SQLITE_BUSY || rc == SQLITE_LOCKED {
                waits += 1
                if waits > 1_200 { break }
                sqlite3_sleep(50)
            }
        } while rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED
        let finished = sqlite3_backup_finish(backup)
        guard rc == SQLITE_DONE, finished == SQLITE_OK else {
            let code = rc == SQLITE_DONE ? finished : rc
            throw Failure(code: code, message: "\(path): backup failed: \(String(cString: sqlite3_errstr(code)))")
        }
    }
}
