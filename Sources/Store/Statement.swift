import CSQLite
import Glibc

/// A value bound to or read from SQL.
public enum Value: Sendable, Equatable {
    case null
    case int(Int64)
    case text(String)
    case blob([UInt8])
    case real(Double)
}

extension Value {
    /// The value as reading it back returns it: text is bound as a C string, so SQLite keeps
    /// it up to its first NUL.
    var asStored: Value {
        guard case .text(let text) = self else { return self }
        // strlen on the string's own bytes: a form's JSON is long, and a NUL almost never there.
        let length = text.withCString { strlen($0) }
        return length == text.utf8.count ? self : .text(String(decoding: text.utf8.prefix(length), as: UTF8.self))
    }
}

/// One result row, read by column index.
public struct Row: Sendable, Equatable {
    public let values: [Value]

    public func int(_ i: Int) -> Int64? {
        if case .int(let v) = values[i] { return v }
        return nil
    }

    public func text(_ i: Int) -> String? {
        if case .text(let v) = values[i] { return v }
        return nil
    }

    public func blob(_ i: Int) -> [UInt8]? {
        if case .blob(let v) = values[i] { return v }
        return nil
    }
}

/// SQLITE_TRANSIENT: SQLite copies bound text and blobs, so Swift's buffers may go away.
private let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

final class Statement {
    /// Unowned: the database keeps its statements (`PreparedStatements`), and finalizes them
    /// before it closes.
    unowned let database: Database
    let handle: OpaquePointer
    /// Stepping for a query now; the same SQL asked for meanwhile gets a statement of its own.
    var isRunning = false
    /// In `PreparedStatements`, to be used again.
    var isKept = false

    init(_ database: Database, _ sql: String) throws {
        var statement: OpaquePointer?
        let rc = sqlite3_prepare_v2(database.handle, sql, -1, &statement, nil)
        guard rc == SQLITE_OK, let statement else { throw database.failure(rc) }
        self.database = database
        self.handle = statement
    }

    deinit { sqlite3_finalize(handle) }

    /// Ready to run again: not stepping (so holding no read transaction), parameters NULL.
    func reset() {
        sqlite3_reset(handle)
        sqlite3_clear_bindings(handle)
    }

    func bind(_ values: [Value]) throws {
        for (i, value) in values.enumerated() {
            let index = Int32(i + 1)
            let rc: Int32
            switch value {
            case .null: rc = sqlite3_bind_null(handle, index)
            case .int(let v): rc = sqlite3_bind_int64(handle, index, v)
            case .real(let v): rc = sqlite3_bind_double(handle, index, v)
            // withCString lends a native string's own bytes; passing the String itself as the
            // pointer argument would copy it into a new array first.
            case .text(let v): rc = v.withCString { sqlite3_bind_text(handle, index, $0, -1, transient) }
            case .blob(let v):
                rc = v.withUnsafeBytes { sqlite3_bind_blob(handle, index, $0.baseAddress, Int32($0.count), transient) }
            }
            if rc != SQLITE_OK { throw database.failure(rc) }
        }
    }

    func rows() throws -> [Row] {
        var rows: [Row] = []
        while true {
            let rc = sqlite3_step(handle)
            if rc == SQLITE_DONE { return rows }
            guard rc == SQLITE_ROW else { throw database.failure(rc) }
            let columns = sqlite3_column_count(handle)
            var values: [Value] = []
            values.reserveCapacity(Int(columns))
            for column in 0..<columns {
                switch sqlite3_column_type(handle, column) {
                case SQLITE_INTEGER: values.append(.int(sqlite3_column_int64(handle, column)))
                case SQLITE_FLOAT: values.append(.real(sqlite3_column_double(handle, column)))
                case SQLITE_TEXT: values.append(.text(String(cString: sqlite3_column_text(handle, column))))
                case SQLITE_BLOB:
                    let count = Int(sqlite3_column_bytes(handle, column))
                    if let pointer = sqlite3_column_blob(handle, column) {
                        values.append(.blob(Array(UnsafeRawBufferPointer(start: pointer, count: count))))
                    } else {
                        values.append(.blob([]))
                    }
                default: values.append(.null)
                }
            }
            rows.append(Row(values: values))
        }
    }
}
