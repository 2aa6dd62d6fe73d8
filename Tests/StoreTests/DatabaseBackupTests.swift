import Glibc
import Store
import Testing

private func scratchFolder() -> String {
    var template = Array("/tmp/tizilim-store-XXXXXX".utf8CString)
    return template.withUnsafeMutableBufferPointer { String(cString: mkdtemp($0.baseAddress!)) }
}

@Suite struct DatabaseBackup {
    @Test func aBackupIsOneSelfContainedFileClosedToOthers() throws {
        let folder = scratchFolder()
        defer { _ = system("rm -rf '\(folder)'") }
        let database = try Database(path: folder + "/store.sqlite")
        try database.query("INSERT INTO messages (sha256, maildir_path, size, received_at) VALUES ('a', 'new/a', 1, 0)")
        try database.backup(to: folder + "/copy.sqlite")

        var info = stat()
        #expect(stat(folder + "/copy.sqlite", &info) == 0)
        #expect(info.st_mode & 0o777 == 0o640)
        #expect(access(folder + "/copy.sqlite-wal", F_OK) != 0)
        let copy = try Database(path: folder + "/copy.sqlite", migrations: [])
        #expect(try copy.query("SELECT sha256 FROM messages").map { $0.text(0) } == ["a"])
        #expect(try copy.integrityProblems().isEmpty)
    }

    @Test func aBackupNeverOverwritesAFile() throws {
        let folder = scratchFolder()
        defer { _ = system("rm -rf '\(folder)'") }
        let database = try Database(path: folder + "/store.sqlite")
        try database.backup(to: folder + "/copy.sqlite")
        #expect(throws: Database.Failure.self) { try database.backup(to: folder + "/copy.sqlite") }
    }

    @Test func anOpenStoreIsSeenAsInUseAndAClosedOneIsNot() throws {
        let folder = scratchFolder()
        defer { _ = system("rm -rf '\(folder)'") }
        let path = folder + "/store.sqlite"
        #expect(try Database.isOpenElsewhere(path: path) == false, "no file, nobody using it")
        do {
            let database = try Database(path: path)
            _ = try database.query("SELECT count(*) FROM cases")
            #expect(try Database.isOpenElsewhere(path: path))
        }
        #expect(try Database.isOpenElsewhere(path: path) == false)
    }

    @Test func restoreReplacesTheWholeContent() throws {
        let folder = scratchFolder()
        defer { _ = system("rm -rf '\(folder)'") }
        let original = try Database(path: folder + "/a.sqlite")
        try original.query("INSERT INTO messages (sha256, maildir_path, size, received_at) VALUES ('kept', 'new/a', 1, 0)")
        try original.backup(to: folder + "/backup.sqlite")
        let other = try Database(path: folder + "/b.sqlite")
        try other.query("INSERT INTO messages (sha256, maildir_path, size, received_at) VALUES ('gone', 'new/b', 1, 0)")
        try other.restore(from: folder + "/backup.sqlite")
        #expect(try other.query("SELECT sha256 FROM messages").map { $0.text(0) } == ["kept"])
    }
}
