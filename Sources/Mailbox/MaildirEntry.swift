import Glibc

/// One message file in a Maildir.
public struct MaildirEntry: Sendable, Hashable, CustomStringConvertible {
    /// The file name as it is on disk, with the `:2,FLAGS` info part if any.
    public let name: String
    public let folder: MaildirFolder
    /// The full path of the file.
    public let path: String
    /// When the file was written, as the file system recorded it (seconds since 1970, UTC):
    /// the message's arrival time, since moves between folders keep it.
    public let deliveredUTCSeconds: Int64

    public init(name: String, folder: MaildirFolder, path: String, deliveredUTCSeconds: Int64) {
        self.name = name
        self.folder = folder
        self.path = path
        self.deliveredUTCSeconds = deliveredUTCSeconds
    }

    /// The unique part of the name, without the info part: stable while the message moves from
    /// `new/` to `cur/` and gains flags.
    public var baseName: String { MaildirEntry.baseName(of: name) }

    /// The Maildir flags (`S`, `R`…) from a `:2,FLAGS` info part; empty when there is none.
    public var flags: String {
        guard let colon = name.firstIndex(of: ":") else { return "" }
        let info = name[name.index(after: colon)...]
        guard info.hasPrefix("2,") else { return "" }
        return String(info.dropFirst(2))
    }

    public var description: String { "\(folder.rawValue)/\(name)" }

    /// The file's size in bytes as it is now (one `stat`), or nil if it is no longer there
    /// (another reader took it). A message file is never rewritten, so this is its size.
    public var size: Int? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return Int(info.st_size)
    }

    static func baseName(of name: String) -> String {
        guard let colon = name.firstIndex(of: ":") else { return name }
        return String(name[..<colon])
    }
}
