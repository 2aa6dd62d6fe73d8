extension MessageLog {
    /// Replaces what was read from a message by a new reading of the same bytes (after a parser
    /// upgrade). The bytes, their digest and the disposition stay: only the interpretation changes,
    /// and the case's history says when and by whom.
    public func replaceReading(messageRowID: Int64, application: String) throws {
        try database.query("UPDATE messages SET application = ? WHERE id = ?", [.text(application), .int(messageRowID)])
    }
}
