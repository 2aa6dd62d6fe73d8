import Glibc

/// A process the rig starts, through posix_spawn and waitpid directly. Foundation's Process
/// reaps children from a SIGCHLD handler of its own, which missed exits when tests in parallel
/// started processes at once and left `waitUntilExit` hanging.
public struct ChildProcess: Sendable {
    public let pid: pid_t

    /// Starts `executable` with stdin from /dev/null, stdout to `stdoutPath` or to the write end
    /// `stdoutDescriptor` of a pipe, and stderr to `stderrPath` (else where stdout goes).
    public static func spawn(_ executable: String, _ arguments: [String], stdoutPath: String? = nil,
                      stdoutDescriptor: Int32? = nil, stderrPath: String? = nil) throws -> ChildProcess {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        if let stdoutDescriptor {
            posix_spawn_file_actions_adddup2(&actions, stdoutDescriptor, 1)
        } else {
            posix_spawn_file_actions_addopen(&actions, 1, stdoutPath ?? "/dev/null", O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        }
        if let stderrPath {
            posix_spawn_file_actions_addopen(&actions, 2, stderrPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        } else {
            posix_spawn_file_actions_adddup2(&actions, 1, 2)
        }
        // The child inherits the spawning thread's blocked signals and ignored ones; the test
        // runner's threads may block SIGTERM, which would make the servers deaf to `stop`.
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var noSignals = sigset_t()
        sigemptyset(&noSignals)
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for signal in [SIGTERM, SIGINT, SIGHUP, SIGPIPE, SIGCHLD] { sigaddset(&defaults, signal) }
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid = pid_t()
        let status = posix_spawn(&pid, executable, &actions, &attributes, argv, environ)
        guard status == 0 else { throw RigError("cannot start \(executable): \(String(cString: strerror(status)))") }
        return ChildProcess(pid: pid)
    }

    /// Waits for the exit and returns the exit status (128 + signal when killed).
    @discardableResult
    public func wait() -> Int32 {
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 {
            if errno != EINTR { return -1 }
        }
        let signal = status & 0x7F
        return signal == 0 ? (status >> 8) & 0xFF : 128 + signal
    }

    /// SIGTERM, then SIGKILL if it has not exited within `graceSeconds`; reaps it either way.
    public func stop(graceSeconds: Double = 5) {
        kill(pid, SIGTERM)
        var status: Int32 = 0
        var waited = 0.0
        while waited < graceSeconds {
            let result = waitpid(pid, &status, WNOHANG)
            if result == pid || (result < 0 && errno != EINTR) { return }
            usleep(20_000)
            waited += 0.02
        }
        kill(pid, SIGKILL)
        wait()
    }
}
