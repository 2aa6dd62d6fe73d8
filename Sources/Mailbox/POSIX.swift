import Glibc

/// The few system calls the Maildir needs, each turning errno into a `MaildirError`.
/// Kept apart so that the Maildir logic reads as Maildir logic.
enum POSIX {
    static func error(_ operation: String, _ path: String, _ code: Int32 = errno) -> MaildirError {
        .system(operation: operation, path: path, errno: code)
    }

    /// Names in a directory, without `.`/`..` and without dotfiles (which Maildir readers must skip).
    static func visibleNames(in directory: String) throws(MaildirError) -> [String] {
        guard let stream = opendir(directory) else { throw error("opendir", directory) }
        defer { closedir(stream) }
        var names: [String] = []
        while let record = readdir(stream) {
            let name = withUnsafePointer(to: &record.pointee.d_name) {
                $0.withMemoryRebound(to: CChar.self, capacity: Int(NAME_MAX) + 1) { String(cString: $0) }
            }
            if !name.hasPrefix(".") { names.append(name) }
        }
        return names
    }

    /// `stat`, or nil when the path does not exist.
    static func status(_ path: String) throws(MaildirError) -> stat? {
        var result = stat()
        if stat(path, &result) == 0 { return result }
        if errno == ENOENT { return nil }
        throw error("stat", path)
    }

    static func isDirectory(_ info: stat) -> Bool { (info.st_mode & S_IFMT) == S_IFDIR }
    static func isRegularFile(_ info: stat) -> Bool { (info.st_mode & S_IFMT) == S_IFREG }

    /// Nanoseconds since 1970 of the last modification, for ordering.
    static func modificationNanoseconds(_ info: stat) -> Int64 {
        Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec)
    }

    static func makeDirectory(_ path: String, mode: mode_t) throws(MaildirError) {
        if mkdir(path, mode) == 0 || errno == EEXIST { return }
        throw error("mkdir", path)
    }

    /// Writes all of `bytes` to a new file (failing if the name exists) and makes it durable
    /// before returning: a message is only handed on once it would survive a power cut.
    /// Returns false when the name is already taken.
    static func writeNewFileDurably(_ path: String, _ bytes: [UInt8], mode: mode_t) throws(MaildirError) -> Bool {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode)
        if descriptor < 0 {
            if errno == EEXIST { return false }
            throw error("open", path)
        }
        var failure: MaildirError?
        bytes.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    failure = error("write", path)
                    return
                }
                offset += written
            }
        }
        if failure == nil, fsync(descriptor) != 0 { failure = error("fsync", path) }
        if close(descriptor) != 0, failure == nil { failure = error("close", path) }
        if let failure {
            unlink(path)
            throw failure
        }
        return true
    }

    /// Makes a rename or a new name in `directory` durable.
    static func syncDirectory(_ directory: String) throws(MaildirError) {
        let descriptor = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { throw error("open", directory) }
        defer { close(descriptor) }
        if fsync(descriptor) != 0 { throw error("fsync", directory) }
    }

    /// The whole file, or nil when it does not exist.
    static func readFile(_ path: String) throws(MaildirError) -> [UInt8]? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        if descriptor < 0 {
            if errno == ENOENT { return nil }
            throw error("open", path)
        }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { throw error("fstat", path) }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(Int(info.st_size))
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress!, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw error("read", path)
            }
            if count == 0 { return bytes }
            bytes.append(contentsOf: chunk[0..<count])
        }
    }

    /// `rename`; false when the source does not exist.
    static func rename(_ source: String, to destination: String) throws(MaildirError) -> Bool {
        if Glibc.rename(source, destination) == 0 { return true }
        if errno == ENOENT { return false }
        throw error("rename", source)
    }
}

extension MaildirError {
    /// The file system has no room (or the user is over quota): the write failed cleanly, and
    /// the same write succeeds once space returns, so the caller waits rather than gives up.
    public var isStorageFull: Bool {
        if case let .system(_, _, code) = self { return code == ENOSPC || code == EDQUOT }
        return false
    }
}
