/// How far the IMAP folder has been fetched: UIDs only grow within one UIDVALIDITY, so
/// "everything above `lastUID`" is what is new, until the server changes UIDVALIDITY.
public struct IMAPCursor: Sendable, Hashable, Codable, CustomStringConvertible {
    public var uidValidity: UInt32
    public var lastUID: UInt32

    public init(uidValidity: UInt32, lastUID: UInt32) {
        self.uidValidity = uidValidity
        self.lastUID = lastUID
    }

    public var description: String { "UIDVALIDITY \(uidValidity) UID \(lastUID)" }
}
