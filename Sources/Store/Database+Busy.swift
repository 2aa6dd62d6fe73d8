import CSQLite

extension Database.Failure {
    /// Another connection held the lock longer than the busy timeout: worth trying again.
    public var isBusy: Bool { code & 0xFF == SQLITE_BUSY || code & 0xFF == SQLITE_LOCKED }
}
