import Foundation

/// Runs a rig script or a client tool to completion and keeps what it printed.
public enum RigCommand {
    public struct Result {
        let status: Int32
        /// stdout and stderr together, in order.
        let output: String
    }

    /// The scripts beside this file, in `rig/`.
    public static let rigDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("rig").path

    public static func run(_ executable: String, _ arguments: [String]) throws -> Result {
        // A file, not a pipe: a daemon the command starts may keep the descriptor open for ever,
        // and a pipe would then never reach end-of-file.
        let outputDirectory = try TemporaryDirectory("command")
        defer { outputDirectory.remove() }
        let outputPath = "\(outputDirectory.path)/output"
        let status = try ChildProcess.spawn(executable, arguments, stdoutPath: outputPath).wait()
        let text = (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? ""
        return Result(status: status, output: text)
    }
}
