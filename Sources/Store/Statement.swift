import CSQLite

/// A value bound to or read from SQL.
public enum Value: Sendable, Equatable {
    case null
    case int(Int64)
    case text(String)
    case blob([UInt8])
    case real(Double)
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
    let database: Database
    let handle: OpaquePointer

    init(_ database: Database, _ sql: String) throws {
        var statement: OpaquePointer?
        let rc = sqlite3_prepare_v2(database.handle, sql, -1, &statement, nil)
        guard rc == SQLITE_OK, let statement else { throw database.failure(rc) }
        self.database = database
        self.handle = statement
    }

    deinit { sqlite3_finalize(handle) }

    func bind(_ values: [Value]) throws {
        for (i, value) in values.enumerated() {
            let index = Int32(i + 1)
            let rc: Int32
            switch value {
            case .null: rc = sqlite3_bind_null(handle, index)
            case .int(let v): rc = sqlite3_bind_int64(handle, index, v)
            case .real(let v): rc = sqlite3_bind_double(handle, index, v)
            case .text(let v): rc = sqlite3_bind_text(handle, index, v, -1, transient)
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
            var values: [Value] = []
            for column in 0..<sqlite3_column_count(handle) {
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
