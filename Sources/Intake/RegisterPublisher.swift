import Cases
import Register
import Store

/// The register as the public sees it: rows from the store, published as files for the
/// ministry's website whenever an entry changed since the last publication.
public struct RegisterPublisher {
    public let database: Database

    public init(database: Database) {
        self.database = database
    }

    /// Every entry as an Annex 1 row, by number. An entry whose stored columns cannot be read
    /// is left out rather than published half-empty; `cases show` still has its case.
    public func rows() throws -> [RegisterRow] {
        try RegisterBook(database).entries().compactMap { entry in
            RegisterColumns(json: entry.columns).map {
                RegisterRow(number: entry.number, columns: $0, createdAt: entry.createdAt.date.description,
                            updatedAt: entry.updatedAt.description)
            }
        }
    }

    /// The time of the latest change to any entry, nil for an empty register.
    public func lastChange() throws -> LocalDateTime? {
        try database.query("SELECT max(updated_at) FROM register_entries").first?.int(0).map(LocalDateTime.init(utcSeconds:))
    }

    /// Writes every format in both languages into `directory` when the register changed since
    /// `since` (always when `since` is nil); returns the change it published up to, or nil
    /// when it wrote nothing.
    @discardableResult
    public func publish(to directory: String, since: LocalDateTime?, now: LocalDateTime) throws -> LocalDateTime? {
        let changed = try lastChange()
        if let since, changed.map({ $0 <= since }) ?? true { return nil }
        try RegisterPublication.write(try rows(), to: directory, updated: (changed ?? now).description)
        return changed ?? now
    }
}
