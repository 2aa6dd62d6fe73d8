import Glibc

/// What `doctor` finds on disk: modes, owners, the Maildir's shape, free space. The store and
/// the Maildirs hold applicants' IINs and letters, so anything others can read is a failure.
struct FileInspection {
    /// The uid the daemon runs as (the `tizilim` user), when it exists: files it must write
    /// but does not own are the usual result of running `tizilim serve` once as root.
    let serviceUID: uid_t?

    static func serviceUser(_ name: String = "tizilim") -> uid_t? {
        getpwnam(name).map { $0.pointee.pw_uid }
    }

    static func status(_ path: String) -> stat? {
        var info = stat()
        return stat(path, &info) == 0 ? info : nil
    }

    static func octal(_ mode: mode_t) -> String {
        let digits = String(mode & 0o7777, radix: 8)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }

    func store(_ path: String) -> [Finding] {
        guard let info = Self.status(path) else {
            return [.warn("store", "\(path) does not exist yet", hint: "'tizilim serve' creates it at its first start")]
        }
        var findings: [Finding] = []
        for file in [path, path + "-wal", path + "-shm"] {
            guard let each = Self.status(file) else { continue }
            if each.st_mode & 0o007 != 0 {
                findings.append(.fail("store", "\(file) is open to everyone (mode \(Self.octal(each.st_mode)))",
                                      hint: "chmod 0640 \(file)"))
            }
            if let owner = ownerProblem(file, each) { findings.append(owner) }
        }
        if findings.isEmpty {
            findings.append(.ok("store", "\(path) (mode \(Self.octal(info.st_mode)), \(info.st_size / 1024) KiB)"))
        }
        return findings
    }

    /// A secret's file: readable by its owner and at most its group, never by others.
    func secretFile(_ key: String, _ path: String) -> Finding {
        guard let info = Self.status(path) else {
            return .fail(key, "\(path) does not exist", hint: "write the password into it: install -m 0640 -o root -g tizilim …")
        }
        guard access(path, R_OK) == 0 else {
            return .fail(key, "\(path) cannot be read by this user", hint: "chgrp tizilim \(path); chmod 0640 \(path)")
        }
        if info.st_mode & 0o137 != 0 {
            return .fail(key, "\(path) has mode \(Self.octal(info.st_mode)): others may read it or the group write it",
                         hint: "chmod 0640 \(path) (or 0600)")
        }
        return .ok(key, "\(path) (mode \(Self.octal(info.st_mode)))")
    }

    /// A Maildir: `cur/`, `new/` and `tmp/`, closed to others. `createdByDaemon` turns a missing
    /// one into a warning: the daemon makes it at its start.
    func maildir(_ subject: String, _ path: String, createdByDaemon: Bool = true) -> [Finding] {
        let folders = ["cur", "new", "tmp"]
        let present = folders.filter { Self.status("\(path)/\($0)").map(Self.isDirectory) ?? false }
        if present.isEmpty {
            let detail = "\(path) is not there"
            return [createdByDaemon
                ? .warn(subject, detail, hint: "'tizilim serve' creates it at its start; the MTA or IMAP fetch delivers into it")
                : .fail(subject, detail, hint: "mkdir -p \(path)/{cur,new,tmp}; chown -R tizilim:tizilim \(path)")]
        }
        var findings: [Finding] = []
        let missing = folders.filter { !present.contains($0) }
        if !missing.isEmpty {
            findings.append(.fail(subject, "\(path) is not a Maildir: no \(missing.map { $0 + "/" }.joined(separator: ", "))",
                                  hint: "mkdir \(missing.map { "\(path)/\($0)" }.joined(separator: " "))"))
        }
        // One finding per problem, naming every folder it touches: four lines for one chmod is noise.
        let checked = [path] + present.map { "\(path)/\($0)" }
        let statuses = checked.compactMap { folder in Self.status(folder).map { (folder, $0) } }
        let open = statuses.filter { $0.1.st_mode & 0o007 != 0 }
        if !open.isEmpty {
            findings.append(.fail(subject, "open to everyone: " + open.map { "\($0.0) (\(Self.octal($0.1.st_mode)))" }.joined(separator: ", "),
                                  hint: "chmod -R o-rwx \(path)"))
        }
        if let owner = statuses.lazy.compactMap({ self.ownerProblem($0.0, $0.1) }).first { findings.append(owner) }
        let readOnly = checked.filter { access($0, W_OK) != 0 }
        if !readOnly.isEmpty {
            findings.append(.fail(subject, "not writable by this user: " + readOnly.joined(separator: ", "),
                                  hint: "chown -R tizilim:tizilim \(path)"))
        }
        if findings.isEmpty {
            let waiting = Self.count(in: "\(path)/new")
            findings.append(.ok(subject, "\(path) (\(waiting) waiting in new/)"))
        }
        return findings
    }

    /// A folder the daemon writes into (published register, metrics).
    func writableFolder(_ subject: String, _ path: String, hint: String) -> Finding {
        guard let info = Self.status(path), Self.isDirectory(info) else {
            return .warn(subject, "\(path) does not exist", hint: hint)
        }
        if let owner = ownerProblem(path, info) { return owner }
        guard access(path, W_OK) == 0 else {
            return .fail(subject, "\(path) is not writable by this user", hint: "chown tizilim:tizilim \(path)")
        }
        return .ok(subject, path)
    }

    /// Free space where the store lives: the store and the Maildir grow with every letter, and
    /// SQLite fails commits on a full disk.
    func diskSpace(_ path: String) -> Finding {
        var info = statvfs()
        guard statvfs(path, &info) == 0 else {
            return .warn("disk", "cannot measure free space at \(path): \(String(cString: strerror(errno)))")
        }
        let free = Int64(info.f_bavail) * Int64(info.f_frsize)
        let total = Int64(info.f_blocks) * Int64(info.f_frsize)
        let percent = total > 0 ? Int(free * 100 / total) : 0
        let detail = "\(Self.size(free)) free of \(Self.size(total)) (\(percent)%) at \(path)"
        if free < 100 * 1_048_576 {
            return .fail("disk", detail, hint: "free space now: the store refuses commits on a full disk")
        }
        if free < 1_073_741_824 || percent < 5 {
            return .warn("disk", detail, hint: "free space or grow the volume; old backups are the usual culprit")
        }
        return .ok("disk", detail)
    }

    private func ownerProblem(_ path: String, _ info: stat) -> Finding? {
        guard let uid = serviceUID, info.st_uid != uid else { return nil }
        let owner = getpwuid(info.st_uid).map { String(cString: $0.pointee.pw_name) } ?? String(info.st_uid)
        return .warn("owner", "\(path) belongs to \(owner), not to tizilim, which the service runs as",
                     hint: "chown tizilim:tizilim \(path)")
    }

    static func isDirectory(_ info: stat) -> Bool { info.st_mode & S_IFMT == S_IFDIR }

    static func size(_ bytes: Int64) -> String {
        if bytes >= 1_073_741_824 { return "\(bytes / 1_073_741_824) GiB" }
        return "\(bytes / 1_048_576) MiB"
    }

    static func count(in folder: String) -> Int {
        guard let directory = opendir(folder) else { return 0 }
        defer { closedir(directory) }
        var count = 0
        while let entry = readdir(directory) {
            if entry.pointee.d_name.0 != CChar(bitPattern: UInt8(ascii: ".")) { count += 1 }
        }
        return count
    }
}
