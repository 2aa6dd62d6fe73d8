import Foundation

/// Runs the system's Python, Node or LibreOffice on what an export produced: readers the
/// exports were not written with, so a test checks the format, not our own idea of it.
enum ExternalProgram {
    struct Failed: Error, CustomStringConvertible {
        let description: String
    }

    static func path(_ name: String) -> String? {
        let directories = (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").map(String.init)
        return (["/usr/bin", "/usr/local/bin"] + directories).map { "\($0)/\(name)" }
            .first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// LibreOffice when it can open and write a spreadsheet, else nil. `soffice` alone is no
    /// promise of that: Debian splits Calc (libreoffice-calc-nogui) from Writer, and with
    /// Writer alone a conversion exits 0 and writes nothing. So the probe converts a tiny
    /// CSV to XLSX and back, once per test run.
    static let spreadsheetOffice: String? = {
        guard let office = path("soffice") ?? path("libreoffice"),
              let scratch = try? ScratchDirectory() else { return nil }
        defer { scratch.remove() }
        let profile = "-env:UserInstallation=file://\(scratch.path)/profile"
        // Each step in a folder of its own: a conversion that fails may still exit 0.
        guard (try? FileManager.default.createDirectory(atPath: scratch.file("in"), withIntermediateDirectories: true)) != nil,
              (try? scratch.write("in/probe.csv", Array("a,1\n".utf8))) != nil,
              (try? run(office, ["--headless", profile, "--convert-to", "xlsx", "--outdir", scratch.file("xlsx"),
                                 scratch.file("in/probe.csv")])) != nil,
              (try? run(office, ["--headless", profile, "--convert-to", "csv", "--outdir", scratch.file("csv"),
                                 scratch.file("xlsx/probe.xlsx")])) != nil,
              let back = try? String(contentsOfFile: scratch.file("csv/probe.csv"), encoding: .utf8),
              back.hasPrefix("a,1") else { return nil }
        return office
    }()

    /// Standard output; throws with standard error when the program fails.
    static func run(_ executable: String, _ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        // Read before waiting: a full pipe would block the child for ever.
        let out = output.fileHandleForReading.readDataToEndOfFile()
        let err = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw Failed(description: "\(executable) exited \(process.terminationStatus): " + String(decoding: err, as: UTF8.self))
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The system Python (Debian's, not a user's virtual environment), given a script and arguments.
    static func python(_ script: String, _ arguments: [String] = []) throws -> String {
        try run("/usr/bin/python3", ["-c", script] + arguments)
    }
}

/// A fresh directory under the system's temporary directory, for one test.
struct ScratchDirectory {
    let path: String

    init() throws {
        var template = Array((NSTemporaryDirectory() + "/register-test-XXXXXX").utf8CString)
        guard let made = mkdtemp(&template) else { throw ExternalProgram.Failed(description: "mkdtemp failed") }
        path = String(cString: made)
    }

    func file(_ name: String) -> String { path + "/" + name }

    func write(_ name: String, _ bytes: [UInt8]) throws {
        try Data(bytes).write(to: URL(fileURLWithPath: file(name)))
    }

    /// Every name in the directory, dotfiles included.
    func names() throws -> [String] { try FileManager.default.contentsOfDirectory(atPath: path).sorted() }

    func remove() { try? FileManager.default.removeItem(atPath: path) }
}
