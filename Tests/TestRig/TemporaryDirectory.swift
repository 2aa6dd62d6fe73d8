import Foundation

/// A fresh directory under /tmp, unique to one test, removed by `remove()`.
public struct TemporaryDirectory: Sendable {
    public let path: String

    /// `traversable` makes it (not its content) mode 755, for servers that drop to another user.
    public init(_ label: String, traversable: Bool = false) throws {
        var template = Array("/tmp/tizilim-\(label).XXXXXX".utf8CString)
        guard let made = mkdtemp(&template) else {
            throw RigError("mkdtemp for \(label) failed: \(String(cString: strerror(errno)))")
        }
        path = String(cString: made)
        if traversable { chmod(path, 0o755) }
    }

    public func remove() {
        try? FileManager.default.removeItem(atPath: path)
    }
}

/// A test rig failure, said plainly.
public struct RigError: Error, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}
