import Foundation
import Glibc
import Store
@testable import CLI

/// A scratch folder for one operations test, with everything under it removed by `remove()`.
struct Scratch {
    let path: String

    init() {
        var template = Array("/tmp/tizilim-ops-XXXXXX".utf8CString)
        path = template.withUnsafeMutableBufferPointer { String(cString: mkdtemp($0.baseAddress!)) }
    }

    func remove() { try? FileManager.default.removeItem(atPath: path) }

    /// Writes `text` to `name` (folders made as needed) with `mode`; returns the full path.
    @discardableResult
    func write(_ name: String, _ text: String, mode: mode_t = 0o640) -> String {
        let file = path + "/" + name
        try? FileManager.default.createDirectory(atPath: (file as NSString).deletingLastPathComponent,
                                                 withIntermediateDirectories: true)
        _ = FileManager.default.createFile(atPath: file, contents: Data(text.utf8))
        chmod(file, mode)
        return file
    }

    /// A Maildir with `cur/`, `new/`, `tmp/` at `name`, closed to others.
    @discardableResult
    func maildir(_ name: String, mode: mode_t = 0o750) -> String {
        let folder = path + "/" + name
        for sub in ["", "/cur", "/new", "/tmp"] {
            try? FileManager.default.createDirectory(atPath: folder + sub, withIntermediateDirectories: true)
            chmod(folder + sub, mode)
        }
        return folder
    }
}

/// The permission bits of a file, or nil when it is missing.
func permissions(_ path: String) -> mode_t? {
    var info = stat()
    return stat(path, &info) == 0 ? info.st_mode & 0o7777 : nil
}

func rowCount(_ database: Database, _ table: String) throws -> Int64 {
    try database.query("SELECT count(*) FROM \(table)").first?.int(0) ?? -1
}

/// The source tree, found from this file's path: Tests/CLITests/ is two levels down.
let sourceRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().path

/// The `tizilim` executable SwiftPM built next to the test bundle.
let builtExecutable = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    .appendingPathComponent("tizilim").path

/// Runs a program, waits, and returns its status and output.
func runProgram(_ executable: String, _ arguments: [String], environment: [String: String] = [:])
    -> (status: Int32, out: String, err: String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
    let out = Pipe(), err = Pipe()
    process.standardOutput = out
    process.standardError = err
    do { try process.run() } catch { return (-1, "", "\(error)") }
    // Read before waiting: a full pipe would block the child forever.
    let outData = out.fileHandleForReading.readDataToEndOfFile()
    let errData = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: outData, as: UTF8.self), String(decoding: errData, as: UTF8.self))
}

/// `tizilim ARGUMENTS` in-process, for arguments built as an array.
func run(_ arguments: [String]) -> (status: Int32, out: String, err: String) {
    let console = Console.capturing()
    let status = Tizilim.run(arguments, console: console)
    return (status, console.out, console.err)
}
