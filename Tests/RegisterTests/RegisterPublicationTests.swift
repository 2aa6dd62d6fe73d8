import OrderedJSON
import Foundation
import Glibc
import Register
import Testing

private let published = ["register-kk.csv", "register-kk.html", "register-kk.xlsx", "register-ru.csv", "register-ru.html",
                         "register-ru.xlsx", "register.json"]

@Test func publicationWritesEveryFormatInBothLanguagesAndLeavesNoTemporaryFile() throws {
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    let names = try RegisterPublication.write(Sample.rows, to: scratch.path, updated: Sample.updated)
    #expect(names.sorted() == published)
    #expect(try scratch.names() == published)
    for file in RegisterPublication.files(Sample.rows, updated: Sample.updated) {
        let written = try Data(contentsOf: URL(fileURLWithPath: scratch.file(file.name)))
        #expect(Array(written) == file.bytes, "\(file.name)")
        var info = stat()
        #expect(stat(scratch.file(file.name), &info) == 0)
        #expect(info.st_mode & 0o777 == 0o644, "\(file.name) must be readable by the web server")
    }
    keepAsArtifact(scratch)
}

@Test func republishingReplacesEveryFileWhole() throws {
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    try RegisterPublication.write(Sample.rows, to: scratch.path, updated: Sample.updated)
    try RegisterPublication.write(Array(Sample.rows.prefix(2)), to: scratch.path, updated: "2026-03-01")
    #expect(try scratch.names() == published)
    let json = try Data(contentsOf: URL(fileURLWithPath: scratch.file("register.json")))
    let back = try #require(RegisterJSON.read(Array(json)))
    #expect(back.rows == Array(Sample.rows.prefix(2)))
    #expect(back.updated == "2026-03-01")
}

@Test func aFailedWriteThrowsAndLeavesNothingBehind() throws {
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    #expect(throws: AtomicFile.Failure.self) {
        try RegisterPublication.write(Sample.rows, to: scratch.file("missing"), updated: Sample.updated)
    }
    try FileManager.default.createDirectory(atPath: scratch.file("register-kk.html"), withIntermediateDirectories: false)
    #expect(throws: AtomicFile.Failure.self) {
        try AtomicFile.write(Array("x".utf8), to: scratch.file("register-kk.html"))
    }
    #expect(try scratch.names() == ["register-kk.html"])
}

/// With REGISTER_ARTIFACTS set, the sample publication is copied there to be looked at.
private func keepAsArtifact(_ scratch: ScratchDirectory) {
    guard let directory = ProcessInfo.processInfo.environment["REGISTER_ARTIFACTS"] else { return }
    try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    for name in published {
        try? FileManager.default.removeItem(atPath: directory + "/" + name)
        try? FileManager.default.copyItem(atPath: scratch.file(name), toPath: directory + "/" + name)
    }
}
