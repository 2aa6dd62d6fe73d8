import CSQLite

/// The connection's compiled statements, kept by their SQL text. Compiling is most of the cost
/// of a small query (parsing, planning, naming the columns), and the daemon runs the same few
/// dozen queries for every letter.
///
/// A statement is marked running while it runs and is put back reset, with its bindings
/// cleared, so a query that runs while another runs the same SQL compiles its own, and nothing
/// kept holds a read transaction, a lock or a copy of a bound blob between queries.
final class PreparedStatements {
    private var compiled: [String: Statement] = [:]

    /// Enough for every fixed query in the program; SQL built with a varying shape (filters,
    /// `IN` lists) beyond this is compiled and thrown away as before, so the cache cannot grow
    /// without bound.
    static let capacity = 128

    func take(_ sql: String, in database: Database) throws -> Statement {
        if let statement = compiled[sql], !statement.isRunning {
            statement.isRunning = true
            return statement
        }
        let statement = try Statement(database, sql)
        statement.isRunning = true
        return statement
    }

    func putBack(_ statement: Statement, for sql: String) {
        statement.reset()
        statement.isRunning = false
        if !statement.isKept && compiled.count < Self.capacity && compiled[sql] == nil {
            statement.isKept = true
            compiled[sql] = statement
        }
    }

    /// Finalizes them all: a connection closes at once only when no statement is left, and
    /// until it closes it holds its lock on the file (`Database.isOpenElsewhere`).
    func finalizeAll() {
        compiled.removeAll()
    }
}
