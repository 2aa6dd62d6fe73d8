import Glibc

/// Reading messages from disk: single files, plain folders, and Maildirs (`cur/` and `new/`).
public enum MessageFile {
    public struct ReadError: Error, CustomStringConvertible {
        public let path: String
        public let reason: String
        public var description: String { "\(path): \(reason)" }
    }

    /// The whole file in one buffer: the parser slices it, never copies it.
    public static func read(_ path: String) throws -> [UInt8] {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw ReadError(path: path, reason: String(cString: strerror(errno))) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw ReadError(path: path, reason: String(cString: strerror(errno))) }
        if (info.st_mode & S_IFMT) == S_IFDIR { throw ReadError(path: path, reason: "is a folder") }
        var bytes = [UInt8]()
        bytes.reserveCapacity(Int(info.st_size) + 1)
        var chunk = [UInt8](repeating: 0, count: 1 << 20)
        while true {
            let n = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                throw ReadError(path: path, reason: String(cString: strerror(errno)))
            }
            if n == 0 { break }
            bytes.append(contentsOf: chunk[0..<n])
        }
        return bytes
    }

    /// Expands folders to the messages in them: a Maildir's `new/` then `cur/`, or a folder's files, sorted.
    public static func expand(_ paths: [String]) -> [String] {
        var out: [String] = []
        for path in paths {
            guard isDirectory(path) else { out.append(path); continue }
            let base = path.hasSuffix("/") ? String(path.dropLast()) : path
            if isDirectory(base + "/cur") || isDirectory(base + "/new") {
                for sub in ["new", "cur"] where isDirectory(base + "/" + sub) {
                    out += files(in: base + "/" + sub)
                }
            } else {
                out += files(in: base)
            }
        }
        return out
    }

    public static func isDirectory(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
    }

    private static func files(in folder: String) -> [String] {
        guard let dir = opendir(folder) else { return [] }
        defer { closedir(dir) }
        var names: [String] = []
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(cString: raw.bindMemory(to: CChar.self).baseAddress!)
            }
            if name.hasPrefix(".") { continue }
            let full = folder + "/" + name
            if !isDirectory(full) { names.append(full) }
        }
        return names.sorted()
    }
}
