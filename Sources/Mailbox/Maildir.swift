import Glibc

/// A Maildir (https://cr.yp.to/proto/maildir.html): messages are delivered through `tmp/` into
/// `new/`, and taken by moving them to `cur/` with flags. A message's bytes are never rewritten:
/// they stay as evidence.
///
/// A value, safe to use from several threads and processes at once: every step is a single
/// system call (`open` with `O_EXCL`, `rename`) whose outcome the file system decides.
public struct Maildir: Sendable, Hashable {
    public let path: String

    public init(path: String) {
        self.path = path.count > 1 && path.hasSuffix("/") ? String(path.dropLast()) : path
    }

    /// Maildir readers must leave a `tmp/` file alone for 36 hours: a slow delivery may still be
    /// writing it. After that it is a crashed delivery's leftover.
    public static let staleTemporaryFileSeconds: Int64 = 36 * 3600

    public func directory(_ folder: MaildirFolder) -> String { "\(path)/\(folder.rawValue)" }

    /// Makes the Maildir (and any missing parent) with `tmp/`, `new/` and `cur/`, readable by the
    /// owner only: the messages hold applicants' personal data.
    public func create() throws(MaildirError) {
        var prefix = path.hasPrefix("/") ? "" : "."
        for component in path.split(separator: "/") {
            prefix += "/" + component
            try POSIX.makeDirectory(prefix, mode: 0o700)
        }
        for folder in MaildirFolder.allCases {
            try POSIX.makeDirectory(directory(folder), mode: 0o700)
        }
    }

    /// Delivers a message the standard way: written under a unique name in `tmp/`, synced,
    /// renamed into `new/`, and `new/` synced, so that when this returns the message survives a crash
    /// and readers never see a half-written file.
    @discardableResult
    public func deliver(_ bytes: [UInt8]) throws(MaildirError) -> MaildirEntry {
        var name = MaildirUniqueName.make(size: bytes.count)
        var temporary = "\(directory(.tmp))/\(name)"
        // A clash means another writer picked the same name: the counter makes the next one differ.
        while try !POSIX.writeNewFileDurably(temporary, bytes, mode: 0o600) {
            name = MaildirUniqueName.make(size: bytes.count)
            temporary = "\(directory(.tmp))/\(name)"
        }
        return try publish(name)
    }

    /// Delivers under a name made from `stem` (`SECONDS.UNIQUE`, no dots or slashes in UNIQUE),
    /// so that `holds(stem:)` can tell afterwards whether the delivery happened: the rename from
    /// `tmp/` is atomic, so the message is either there whole or not at all. Delivering the same
    /// stem again replaces the earlier file instead of adding a copy.
    @discardableResult
    public func deliver(_ bytes: [UInt8], stem: String) throws(MaildirError) -> MaildirEntry {
        let name = MaildirUniqueName.make(stem: stem, size: bytes.count)
        let temporary = "\(directory(.tmp))/\(name)"
        // A file of this name in tmp/ can only be our own attempt that died mid-write.
        if try !POSIX.writeNewFileDurably(temporary, bytes, mode: 0o600) {
            unlink(temporary)
            guard try POSIX.writeNewFileDurably(temporary, bytes, mode: 0o600) else {
                throw POSIX.error("open", temporary, EEXIST)
            }
        }
        return try publish(name)
    }

    /// Moves a message written whole into `tmp/NAME` to `new/NAME` (atomic) and syncs `new/`,
    /// so a reader sees all of it or nothing; on failure nothing is left in `tmp/`.
    private func publish(_ name: String) throws(MaildirError) -> MaildirEntry {
        let temporary = "\(directory(.tmp))/\(name)"
        let delivered = "\(directory(.new))/\(name)"
        do throws(MaildirError) {
            guard try POSIX.rename(temporary, to: delivered) else {
                throw POSIX.error("rename", temporary, ENOENT)
            }
            try POSIX.syncDirectory(directory(.new))
        } catch {
            unlink(temporary)
            throw error
        }
        guard let entry = try entry(name: name, in: .new) else {
            throw MaildirError.messageMissing(name: name, maildir: path)
        }
        return entry
    }

    /// Whether a message delivered with `deliver(_:stem:)` is in `new/` or `cur/`, whatever
    /// host wrote it and whatever flags a reader has added since.
    public func holds(stem: String) throws(MaildirError) -> Bool {
        let prefix = stem + "."
        for folder in [MaildirFolder.new, .cur] {
            if try POSIX.visibleNames(in: directory(folder)).contains(where: { $0.hasPrefix(prefix) }) { return true }
        }
        return false
    }

    /// Messages waiting in `new/`, oldest first.
    public func pending() throws(MaildirError) -> [MaildirEntry] {
        try entries(in: .new)
    }

    /// The messages in one folder, oldest first (by delivery time, then name). Dotfiles and
    /// anything that is not a regular file are skipped, as are files that vanish while listing
    /// (another reader took them).
    public func entries(in folder: MaildirFolder) throws(MaildirError) -> [MaildirEntry] {
        var found: [(order: Int64, entry: MaildirEntry)] = []
        for name in try POSIX.visibleNames(in: directory(folder)) {
            let filePath = "\(directory(folder))/\(name)"
            guard let info = try POSIX.status(filePath), POSIX.isRegularFile(info) else { continue }
            found.append((POSIX.modificationNanoseconds(info), entry(name: name, folder: folder, info: info)))
        }
        // The file system's clock ticks in milliseconds: messages delivered in one tick are
        // ordered by their names' own time and counter, numerically ("M999" before "M1000").
        found.sort {
            if $0.order != $1.order { return $0.order < $1.order }
            let a = Self.deliveryKey($0.entry.name), b = Self.deliveryKey($1.entry.name)
            return a != b ? a.lexicographicallyPrecedes(b) : $0.entry.name < $1.entry.name
        }
        return found.map(\.entry)
    }

    /// The numbers in a name `seconds.M<usec>P<pid>Q<counter>.host`: seconds, microseconds,
    /// counter. Other writers' names give what numbers they have, compared the same way.
    static func deliveryKey(_ name: String) -> [Int] {
        let base = name.split(separator: ".", maxSplits: 2)
        var key = [Int(base.first ?? "") ?? 0]
        guard base.count > 1 else { return key }
        var number: Int? = nil
        var tag: Character = " "
        var parts: [Character: Int] = [:]
        for c in base[1] {
            if let digit = c.wholeNumberValue, c.isASCII {
                number = (number ?? 0) &* 10 &+ digit
            } else {
                if let n = number { parts[tag] = n }
                number = nil
                tag = c
            }
        }
        if let n = number { parts[tag] = n }
        key += [parts["M"] ?? 0, parts["Q"] ?? 0]
        return key
    }

    /// The message's bytes, exactly as delivered. If it was taken since it was listed, it is read
    /// from where it went.
    public func read(_ entry: MaildirEntry) throws(MaildirError) -> [UInt8] {
        if let bytes = try POSIX.readFile(entry.path) { return bytes }
        if let moved = try find(name: entry.baseName), let bytes = try POSIX.readFile(moved.path) {
            return bytes
        }
        throw MaildirError.messageMissing(name: entry.name, maildir: path)
    }

    /// Marks a message as outcome: moves `new/NAME` to `cur/NAME:2,S` (its flags plus Seen).
    /// Idempotent: a message already in `cur/` is returned as it is there, so a restart after a
    /// crash between commit and claim, or two claims racing, are harmless.
    ///
    /// `cur/` is not synced: losing the move in a crash only makes the message pending again,
    /// and taking it again is recognised downstream by its SHA-256.
    @discardableResult
    public func markTaken(_ entry: MaildirEntry) throws(MaildirError) -> MaildirEntry {
        let base = entry.baseName
        if entry.folder == .new || entry.folder == .tmp {
            var flags = Set(entry.flags)
            flags.insert("S")
            let takenName = "\(base):2,\(String(flags.sorted()))"
            let source = "\(directory(.new))/\(entry.name)"
            if try POSIX.rename(source, to: "\(directory(.cur))/\(takenName)"),
               let taken = try self.entry(name: takenName, in: .cur) {
                return taken
            }
        }
        if let current = try find(name: base) {
            if current.folder == .cur { return current }
            // Listed under another name in new/ (an MTA added an info part): take that one.
            return try markTaken(current)
        }
        throw MaildirError.messageMissing(name: base, maildir: path)
    }

    /// The message with this base name (flags ignored) in `new/` or `cur/`, or nil.
    public func find(name: String) throws(MaildirError) -> MaildirEntry? {
        let base = MaildirEntry.baseName(of: name)
        // The names this type produces first, so the usual case costs a stat, not a listing.
        for (folder, candidate) in [(MaildirFolder.new, base), (.cur, "\(base):2,S"), (.cur, base)] {
            if let found = try entry(name: candidate, in: folder) { return found }
        }
        for folder in [MaildirFolder.new, .cur] {
            for candidate in try POSIX.visibleNames(in: directory(folder))
            where MaildirEntry.baseName(of: candidate) == base {
                if let found = try entry(name: candidate, in: folder) { return found }
            }
        }
        return nil
    }

    /// Removes files left in `tmp/` by deliveries that crashed, once they are older than
    /// `olderThanSeconds` (36 hours by default, as the Maildir spec asks). Returns their names.
    @discardableResult
    public func sweepStaleTemporaryFiles(olderThanSeconds: Int64 = Maildir.staleTemporaryFileSeconds,
                                         nowUTCSeconds: Int64? = nil) throws(MaildirError) -> [String] {
        let now = nowUTCSeconds ?? Int64(time(nil))
        var removed: [String] = []
        for stale in try entries(in: .tmp) where now - stale.deliveredUTCSeconds > olderThanSeconds {
            if unlink(stale.path) == 0 {
                removed.append(stale.name)
            } else if errno != ENOENT {
                throw POSIX.error("unlink", stale.path)
            }
        }
        return removed
    }

    private func entry(name: String, in folder: MaildirFolder) throws(MaildirError) -> MaildirEntry? {
        let filePath = "\(directory(folder))/\(name)"
        guard let info = try POSIX.status(filePath), POSIX.isRegularFile(info) else { return nil }
        return entry(name: name, folder: folder, info: info)
    }

    private func entry(name: String, folder: MaildirFolder, info: stat) -> MaildirEntry {
        MaildirEntry(name: name, folder: folder, path: "\(directory(folder))/\(name)",
                     deliveredUTCSeconds: Int64(info.st_mtim.tv_sec))
    }
}
