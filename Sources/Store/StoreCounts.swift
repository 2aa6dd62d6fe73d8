/// How much a store holds: what an operator compares after a backup or a restore, and what
/// `doctor` reports.
public struct StoreCounts: Sendable, Equatable, CustomStringConvertible {
    public let cases: Int64
    public let messages: Int64
    public let notices: Int64
    public let registerEntries: Int64

    public init(_ database: Database) throws {
        func count(_ table: String) throws -> Int64 {
            try database.query("SELECT count(*) FROM \(table)").first?.int(0) ?? 0
        }
        cases = try count("cases")
        messages = try count("messages")
        notices = try count("outbox")
        registerEntries = try count("register_entries")
    }

    /// `12 cases, 40 messages, 31 notices, 5 register entries`
    public var description: String {
        "\(cases) cases, \(messages) messages, \(notices) notices, \(registerEntries) register entries"
    }
}

extension Database {
    /// A consistent copy of the store at `path`, as one self-contained file (no WAL beside it),
    /// with what it holds.
    public func backup(toFile path: String) throws -> StoreCounts {
        try backup(to: path)
        let written = try Database(path: path, migrations: [])
        let counts = try StoreCounts(written)
        // Opening it switched the copy to WAL; a backup stays one self-contained file.
        try written.execute("PRAGMA journal_mode=DELETE")
        return counts
    }
}
