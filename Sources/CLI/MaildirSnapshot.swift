import Glibc

/// Copies the messages of one Maildir into another, for `backup` and `restore`: the bytes,
/// the names (which carry the flags) and the modification times, which are when each message
/// counts as received. A message whose base name is already in the destination is skipped, so
/// a restore never doubles a message and a copy can be repeated.
///
/// `new/` is copied before `cur/`: a message the daemon moves from `new/` to `cur/` during the
/// copy is then found in one folder or the other, never missed. If it lands in both, the
/// daemon recognises the second by its SHA-256.
struct MaildirSnapshot {
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    let source: String
    let destination: String
    /// Who the copies belong to: a root restore hands the files to the service's user.
    var owner: (uid: uid_t, gid: gid_t)? = nil

    /// Copies what is there; returns how many messages were copied. A missing source copies nothing.
    @discardableResult
    func copy() throws -> Int {
        guard FileInspection.status(source).map(FileInspection.isDirectory) == true else { return 0 }
        for folder in ["", "/cur", "/new", "/tmp"] {
            let path = destination + folder
            if mkdir(path, 0o750) != 0 && errno != EEXIST { throw failure("mkdir", path) }
            chownIfAsked(path)
        }
        var present = Set<String>()
        for folder in ["new", "cur"] {
            for name in Self.names(in: "\(destination)/\(folder)") { present.insert(Self.baseName(name)) }
        }
        var copied = 0
        for folder in ["new", "cur"] {
            for name in Self.names(in: "\(source)/\(folder)") where !present.contains(Self.baseName(name)) {
                // Taken by the daemon since the listing: it is in cur/ now, and copied from there.
                guard try copyFile("\(source)/\(folder)/\(name)", into: folder, name: name) else { continue }
                present.insert(Self.baseName(name))
                copied += 1
            }
        }
        // The renames survive a power cut only once their folders are synced.
        for folder in ["new", "cur"] {
            let descriptor = open("\(destination)/\(folder)", O_RDONLY | O_DIRECTORY | O_CLOEXEC)
            if descriptor >= 0 {
                fsync(descriptor)
                close(descriptor)
            }
        }
        return copied
    }

    /// Through `tmp/` and a rename, as Maildir delivery goes, so a reader never sees half a
    /// message. False when the source vanished before it could be opened.
    private func copyFile(_ path: String, into folder: String, name: String) throws -> Bool {
        let input = open(path, O_RDONLY | O_CLOEXEC)
        guard input >= 0 else {
            if errno == ENOENT { return false }
            throw failure("open", path)
        }
        defer { close(input) }
        var info = stat()
        guard fstat(input, &info) == 0 else { throw failure("stat", path) }
        let temporary = "\(destination)/tmp/\(name)"
        let output = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o640)
        guard output >= 0 else { throw failure("open", temporary) }
        var ok = true
        let buffer = UnsafeMutableRawPointer.allocate(byteCount: 65_536, alignment: 16)
        defer { buffer.deallocate() }
        copying: while true {
            let count = read(input, buffer, 65_536)
            if count == 0 { break }
            if count < 0 {
                if errno == EINTR { continue }
                ok = false
                break
            }
            var offset = 0
            while offset < count {
                let written = write(output, buffer + offset, count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    ok = false
                    break copying
                }
                offset += written
            }
        }
        var times = [info.st_atim, info.st_mtim]
        if ok { ok = futimens(output, &times) == 0 }
        if let owner, ok { ok = fchown(output, owner.uid, owner.gid) == 0 }
        if ok { ok = fsync(output) == 0 }
        close(output)
        guard ok else {
            let error = failure("copy", path)
            unlink(temporary)
            throw error
        }
        let final = "\(destination)/\(folder)/\(name)"
        guard rename(temporary, final) == 0 else { throw failure("rename", final) }
        return true
    }

    private func chownIfAsked(_ path: String) {
        if let owner { _ = chown(path, owner.uid, owner.gid) }
    }

    private func failure(_ operation: String, _ path: String) -> Failure {
        Failure(description: "\(operation) \(path): \(String(cString: strerror(errno)))")
    }

    /// The name without its `:2,FLAGS` info: the same message keeps its base name in new/ and cur/.
    static func baseName(_ name: String) -> String {
        name.firstIndex(of: ":").map { String(name[..<$0]) } ?? name
    }

    static func names(in folder: String) -> [String] {
        guard let directory = opendir(folder) else { return [] }
        defer { closedir(directory) }
        var names: [String] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(cString: $0.bindMemory(to: CChar.self).baseAddress!) }
            guard !name.hasPrefix(".") else { continue }
            if entry.pointee.d_type == UInt8(DT_REG) || entry.pointee.d_type == UInt8(DT_UNKNOWN) { names.append(name) }
        }
        return names.sorted()
    }
}
