import CSQLite
import Glibc

/// SQLite through its C API, with the settings a legal record needs: WAL so the CLI reads
/// while the daemon writes, synchronous=FULL so a committed case survives a power cut,
/// foreign keys on, a busy timeout so two processes wait instead of failing, and a file that
/// only its owner (and group) can read, because it holds IINs.
public final class Database {
    public struct Failure: Error, CustomStringConvertible {
        public let code: Int32
        public let message: String
        /// The errno of the system call that failed underneath, when SQLite kept one (0 otherwise).
        public var systemErrno: Int32 = 0
        public var description: String { "SQLite error \(code): \(message)" }

        /// The file system (or the user's quota) has no room for the write: SQLITE_FULL, or an
        /// I/O error whose system call failed with ENOSPC or EDQUOT. Nothing was committed, and
        /// the same work succeeds once space returns, so the caller waits instead of giving up.
        public var isStorageFull: Bool {
            code & 0xFF == SQLITE_FULL || systemErrno == ENOSPC || systemErrno == EDQUOT
        }
    }

    let handle: OpaquePointer
    public let path: String

    /// Opens (creating if needed) the store at `path` and brings its schema up to date.
    public init(path: String, busyTimeoutMilliseconds: Int32 = 10_000, migrations: [Migration] = Schema.migrations) throws {
        self.path = path
        // Create the file with mode 0640 before SQLite does, so it is never world-readable, even for a moment.
        let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o640)
        if fd >= 0 { close(fd) }
        chmod(path, 0o640)
        var db: OpaquePointer?
        let flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_FULLMUTEX
        let rc = sqlite3_open_v2(path, &db, flags, nil)
        guard rc == SQLITE_OK, let db else {
            let message = db.map { String(cString: sqlite3_errmsg($0)) } ?? "cannot open"
            let systemErrno = db.map { sqlite3_system_errno($0) } ?? 0
            if let db { sqlite3_close_v2(db) }
            throw Failure(code: rc, message: "\(path): \(message)", systemErrno: systemErrno)
        }
        handle = db
        sqlite3_busy_timeout(db, busyTimeoutMilliseconds)
        try execute("PRAGMA journal_mode=WAL")
        try execute("PRAGMA synchronous=FULL")
        try execute("PRAGMA foreign_keys=ON")
        try migrate(migrations)
    }

    deinit {
        statements.finalizeAll()
        sqlite3_close_v2(handle)
    }

    // MARK: - Statements

    /// Runs SQL that returns no rows (several statements allowed).
    public func execute(_ sql: String) throws {
        var error: UnsafeMutablePointer<CChar>?
        let rc = sqlite3_exec(handle, sql, nil, nil, &error)
        if rc != SQLITE_OK {
            let message = error.map { String(cString: $0) } ?? String(cString: sqlite3_errmsg(handle))
            sqlite3_free(error)
            throw Failure(code: rc, message: message, systemErrno: sqlite3_system_errno(handle))
        }
    }

    /// Runs one statement with bound values; returns the rows it produced.
    @discardableResult
    public func query(_ sql: String, _ values: [Value] = []) throws -> [Row] {
        let statement = try statements.take(sql, in: self)
        defer { statements.putBack(statement, for: sql) }
        try statement.bind(values)
        return try statement.rows()
    }

    private let statements = PreparedStatements()

    /// Runs `body` in one transaction (BEGIN IMMEDIATE, so writers queue up front instead of
    /// failing at commit); rolls back if it throws. Inside another transaction it is a
    /// savepoint: the inner work is undone alone if it throws, and made durable by the outer
    /// commit, which is how a batch of messages shares one fsync.
    public func transaction<T>(_ body: () throws -> T) throws -> T {
        let depth = transactionDepth
        // Through the compiled statements: a batch opens and releases a savepoint per message.
        try query(depth == 0 ? "BEGIN IMMEDIATE" : "SAVEPOINT tz\(depth)")
        transactionDepth += 1
        defer { transactionDepth -= 1 }
        do {
            let result = try body()
            try query(depth == 0 ? "COMMIT" : "RELEASE tz\(depth)")
            return result
        } catch {
            try? execute(depth == 0 ? "ROLLBACK" : "ROLLBACK TO tz\(depth); RELEASE tz\(depth)")
            throw error
        }
    }

    private var transactionDepth = 0

    public var lastInsertRowID: Int64 { sqlite3_last_insert_rowid(handle) }
    public var changes: Int { Int(sqlite3_changes(handle)) }

    // MARK: - Migrations

    public struct Migration: Sendable {
        public let version: Int32
        public let sql: String
        public init(version: Int32, sql: String) {
            self.version = version
            self.sql = sql
        }
    }

    public var userVersion: Int32 {
        (try? query("PRAGMA user_version").first?.int(0)).flatMap { $0.map(Int32.init) } ?? 0
    }

    /// Applies every migration newer than `user_version`, each in its own transaction with the version bump.
    func migrate(_ migrations: [Migration]) throws {
        for migration in migrations.sorted(by: { $0.version < $1.version }) where migration.version > userVersion {
            try transaction {
                try execute(migration.sql)
                try execute("PRAGMA user_version = \(migration.version)")
            }
        }
    }

    func failure(_ rc: Int32) -> Failure {
        Failure(code: rc, message: String(cString: sqlite3_errmsg(handle)), systemErrno: sqlite3_system_errno(handle))
    }
}

extension Database {
    /// "SQLite 3.40.1", for `tizilim version` and bug reports.
    public static var libraryVersion: String { "SQLite " + String(cString: sqlite3_libversion()) }
}
