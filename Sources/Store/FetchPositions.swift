/// Where the IMAP fetcher stopped in each folder: UIDVALIDITY and the last UID delivered into
/// the Maildir. Saved after every message, so a crash re-fetches at most one, which the
/// SHA-256 then recognises.
public struct FetchPositions {
    public let database: Database

    public init(_ database: Database) {
        self.database = database
    }

    public func position(folder: String) throws -> (uidValidity: UInt32, lastUID: UInt32)? {
        guard let row = try database.query("SELECT uidvalidity, last_uid FROM imap_folders WHERE folder = ?",
                                           [.text(folder)]).first,
              let validity = row.int(0), let last = row.int(1) else { return nil }
        return (UInt32(truncatingIfNeeded: validity), UInt32(truncatingIfNeeded: last))
    }

    public func save(folder: String, uidValidity: UInt32, lastUID: UInt32) throws {
        try database.query("""
            INSERT INTO imap_folders (folder, uidvalidity, last_uid) VALUES (?, ?, ?)
            ON CONFLICT(folder) DO UPDATE SET uidvalidity = excluded.uidvalidity, last_uid = excluded.last_uid
            """, [.text(folder), .int(Int64(uidValidity)), .int(Int64(lastUID))])
    }
}
