import Foundation

/// Arranges and inspects the test IMAP server with the `curl` tool, independently of the
/// libcurl code under test.
public struct IMAPTestClient {
    public let port: Int
    public let user: String
    public let password: String

    /// APPENDs a message to a folder (curl needs the size up front, hence a file).
    public func append(_ bytes: [UInt8], to folder: String) throws {
        let file = try TemporaryDirectory("append")
        defer { file.remove() }
        let path = "\(file.path)/message.eml"
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        _ = try curl(["imap://127.0.0.1:\(port)/\(folder)", "-T", path])
    }

    /// APPENDs messages to a folder in this order, over one connection (one `curl`, many uploads).
    public func append(_ messages: [[UInt8]], to folder: String) throws {
        let directory = try TemporaryDirectory("append")
        defer { directory.remove() }
        var arguments: [String] = []
        for (index, bytes) in messages.enumerated() {
            let path = "\(directory.path)/message\(index).eml"
            try Data(bytes).write(to: URL(fileURLWithPath: path))
            arguments += ["-T", path, "imap://127.0.0.1:\(port)/\(folder)"]
        }
        guard !arguments.isEmpty else { return }
        _ = try curl(arguments)
    }

    /// Removes a message for good, as another mail client would: `\Deleted`, then `UID EXPUNGE`.
    public func expunge(uid: UInt32, in folder: String) throws {
        try command("UID STORE \(uid) +FLAGS.SILENT (\\Deleted)", folder: folder)
        try command("UID EXPUNGE \(uid)", folder: folder)
    }

    /// Sends one command (on the folder's URL, so curl selects it first) and returns the untagged lines.
    @discardableResult
    public func command(_ text: String, folder: String? = nil) throws -> String {
        try curl(["imap://127.0.0.1:\(port)/\(folder ?? "")", "-X", text])
    }

    public func create(_ folder: String) throws { try command("CREATE \"\(folder)\"") }
    public func delete(_ folder: String) throws { try command("DELETE \"\(folder)\"") }

    public func uids(in folder: String) throws -> [UInt32] {
        let reply = try command("UID SEARCH ALL", folder: folder)
        return reply.split(whereSeparator: \.isWhitespace).compactMap { UInt32($0) }
    }

    public func uidValidity(of folder: String) throws -> UInt32? {
        let reply = try command("STATUS \"\(folder)\" (UIDVALIDITY)")
        let words = reply.split { $0 == " " || $0 == "(" || $0 == ")" || $0.isNewline }
        guard let index = words.firstIndex(of: "UIDVALIDITY"), index + 1 < words.endIndex else { return nil }
        return UInt32(words[index + 1])
    }

    public func flags(uid: UInt32, in folder: String) throws -> String {
        try command("UID FETCH \(uid) FLAGS", folder: folder)
    }

    private func curl(_ arguments: [String]) throws -> String {
        let result = try RigCommand.run("/usr/bin/curl", ["--silent", "--show-error", "--user", "\(user):\(password)"] + arguments)
        guard result.status == 0 else {
            throw RigError("curl \(arguments.joined(separator: " ")) failed (\(result.status)): \(result.output)")
        }
        return result.output
    }
}
