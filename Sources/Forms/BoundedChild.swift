import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A Debian tool run on a stranger's bytes in a process of its own, so whatever the bytes do
/// to it (loop, allocate without end, crash) ends with that process: input on stdin, output
/// read up to a bound, a deadline kept by a watchdog thread, and rlimits set by `prlimit`
/// before the tool starts (Process cannot set them itself). pdftotext, antiword, unrtf,
/// pdftoppm and tizilim-ocr are all run this way.
struct BoundedChild {
    /// What the kernel enforces on the child. nil fields are inherited.
    struct Limits: Sendable {
        var addressSpace: Int?
        var cpuSeconds: Int?
        /// The largest file the child may write; 0 for a tool that only writes to stdout.
        var fileSize: Int?

        static let none = Limits()
    }

    enum Outcome: Equatable {
        case exited(Int32, output: [UInt8])
        case signaled(Int32)
        case deadline
        case overflow
        case cannotStart(String)
    }

    static let prlimitPath = "/usr/bin/prlimit"

    /// False under a seccomp filter that refuses setrlimit (systemd's `~@resources`): prlimit
    /// would then fail before the tool starts, so the tool runs with the deadline and output
    /// bound alone rather than not at all.
    static let canLimit: Bool = {
        var current = rlimit()
        guard getrlimit(__rlimit_resource_t(RLIMIT_CORE.rawValue), &current) == 0 else { return false }
        return setrlimit(__rlimit_resource_t(RLIMIT_CORE.rawValue), &current) == 0
    }()

    var tool: String
    var arguments: [String]
    var limits: Limits = .none
    var timeout: TimeInterval
    var maxOutput: Int
    /// Replaces the inherited environment when set (OMP_THREAD_LIMIT for tesseract).
    var environment: [String: String]? = nil
    var workingDirectory: String? = nil

    func run(input bytes: [UInt8] = []) -> Outcome {
        let process = Process()
        var launch = [tool] + arguments
        var limitArguments: [String] = []
        if let n = limits.addressSpace { limitArguments.append("--as=\(n)") }
        if let n = limits.cpuSeconds { limitArguments.append("--cpu=\(n):\(n + 1)") }
        if let n = limits.fileSize { limitArguments.append("--fsize=\(n)") }
        if !limitArguments.isEmpty, Self.canLimit {
            // util-linux is essential on Debian; prlimit then execs the tool with the limits set.
            launch = [Self.prlimitPath] + limitArguments + ["--core=0", "--"] + launch
        }
        process.executableURL = URL(fileURLWithPath: launch[0])
        process.arguments = Array(launch.dropFirst())
        if let environment { process.environment = environment }
        if let workingDirectory { process.currentDirectoryURL = URL(fileURLWithPath: workingDirectory) }
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            return .cannotStart("\(error)")
        }

        // Feed stdin from its own thread so a large input cannot deadlock against a full stdout pipe.
        let writeFD = input.fileHandleForWriting.fileDescriptor
        let feeder = Thread {
            // The tool may exit before reading everything; with SIGPIPE blocked on this thread
            // the write fails with EPIPE instead of killing the whole program.
            var set = sigset_t()
            sigemptyset(&set)
            sigaddset(&set, SIGPIPE)
            pthread_sigmask(SIG_BLOCK, &set, nil)
            bytes.withUnsafeBytes { raw in
                var offset = 0
                while offset < raw.count {
                    let n = write(writeFD, raw.baseAddress! + offset, raw.count - offset)
                    if n < 0 { if errno == EINTR { continue } else { break } }
                    offset += n
                }
            }
            try? input.fileHandleForWriting.close()
        }
        feeder.start()

        // A plain thread waiting on a condition: the deadline holds without relying on a run
        // loop or a Dispatch queue being serviced by whoever called us.
        let watch = Watch()
        let limit = Date(timeIntervalSinceNow: timeout)
        let watchdog = Thread {
            if watch.waitUntilFinished(before: limit) == false, process.isRunning { Self.stop(process) }
        }
        watchdog.start()

        var collected = Data()
        let reader = output.fileHandleForReading
        var overflow = false
        while true {
            let chunk = reader.availableData
            if chunk.isEmpty { break }
            collected.append(chunk)
            if collected.count > maxOutput {
                overflow = true
                if process.isRunning { Self.stop(process) }
                break
            }
        }
        // Not waitUntilExit(): Foundation's polls its run loop every 50 ms, which was most of the
        // time a .doc took to read. Once stdout has ended the child is nearly always gone, so a
        // short backoff finds it in well under a millisecond; the watchdog still bounds the wait.
        var pause: useconds_t = 50
        while process.isRunning {
            usleep(pause)
            pause = min(pause * 2, 10_000)
        }
        let timedOut = watch.finish()
        try? reader.close()

        if timedOut { return .deadline }
        if overflow { return .overflow }
        if process.terminationReason == .uncaughtSignal { return .signaled(process.terminationStatus) }
        return .exited(process.terminationStatus, output: [UInt8](collected))
    }

    /// SIGKILL, not Process.terminate()'s SIGTERM: a child can inherit SIGTERM ignored (it
    /// does under some test runners and service managers), and a stuck parser needs no cleanup.
    private static func stop(_ process: Process) {
        kill(process.processIdentifier, SIGKILL)
    }

    /// The meeting point of the reader and the watchdog: whichever comes first, the end of
    /// the output or the deadline, decides.
    private final class Watch: @unchecked Sendable {
        private let condition = NSCondition()
        private var finished = false
        private var expired = false

        /// True if the reader finished first; false if the deadline passed (and is recorded).
        func waitUntilFinished(before limit: Date) -> Bool {
            condition.lock()
            defer { condition.unlock() }
            while !finished {
                if !condition.wait(until: limit) && !finished {
                    expired = true
                    return false
                }
            }
            return true
        }

        /// Ends the watch; answers whether the deadline had already passed.
        func finish() -> Bool {
            condition.lock()
            defer { condition.unlock() }
            finished = true
            condition.broadcast()
            return expired
        }
    }
}

/// A folder only this process can read, for tools that need a file name (antiword seeks in
/// its input; pdftoppm writes one file per page); removed with everything in it.
struct PrivateFolder {
    let path: String

    init?() {
        var template = Array((NSTemporaryDirectory() + "/tizilim-XXXXXX").utf8CString)
        guard let made = template.withUnsafeMutableBufferPointer({ mkdtemp($0.baseAddress!) }) else { return nil }
        path = String(cString: made)
    }

    /// Writes `bytes` to a new file of the folder, readable by the owner only.
    func write(_ bytes: [UInt8], as name: String) -> String? {
        let file = path + "/" + name
        let fd = open(file, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0o600)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        let ok = bytes.withUnsafeBytes { raw -> Bool in
            var offset = 0
            while offset < raw.count {
                let n = Glibc.write(fd, raw.baseAddress! + offset, raw.count - offset)
                if n < 0 { if errno == EINTR { continue } else { return false } }
                offset += n
            }
            return true
        }
        return ok ? file : nil
    }

    func remove() { try? FileManager.default.removeItem(atPath: path) }
}
