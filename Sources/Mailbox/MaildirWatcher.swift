import Glibc

/// Wakes the daemon when a message lands in a Maildir's `new/`.
///
/// With inotify the kernel reports each arrival (a rename into the folder, or a file created
/// and closed there by an MTA that writes in place). Where inotify is unavailable (some
/// container and network file systems, or the per-user watch limit reached) it falls back to
/// comparing the folder's listing every `pollIntervalSeconds`.
///
/// Create the watcher before sweeping what is already pending: an arrival between the sweep and
/// the first `wait` is then still reported. A wake-up may be spurious; the caller lists `new/`.
/// Not shareable between threads: one waiter per watcher.
public final class MaildirWatcher {
    public enum Mode: Sendable, Equatable {
        case inotify
        case polling
    }

    public let directory: String
    /// The mode in effect: `.polling` when inotify was asked for but could not be set up.
    public private(set) var mode: Mode
    public let pollIntervalSeconds: Double
    private var inotifyDescriptor: Int32 = -1
    private var lastListing: Set<String> = []

    public init(directory: String, mode: Mode = .inotify, pollIntervalSeconds: Double = 0.2) throws(MaildirError) {
        guard let info = try POSIX.status(directory), POSIX.isDirectory(info) else {
            throw POSIX.error("watch", directory, ENOENT)
        }
        self.directory = directory
        self.mode = mode
        self.pollIntervalSeconds = max(0.01, pollIntervalSeconds)
        if mode == .inotify, let descriptor = Self.inotifyWatch(directory) {
            inotifyDescriptor = descriptor
        } else {
            self.mode = .polling
            lastListing = Set(try POSIX.visibleNames(in: directory))
        }
    }

    public convenience init(maildir: Maildir, mode: Mode = .inotify, pollIntervalSeconds: Double = 0.2) throws(MaildirError) {
        try self.init(directory: maildir.directory(.new), mode: mode, pollIntervalSeconds: pollIntervalSeconds)
    }

    deinit { close() }

    /// Blocks until something arrives in the folder (true) or `timeout` seconds pass (false).
    public func wait(timeout seconds: Double) -> Bool {
        let deadline = Self.monotonicSeconds() + max(0, seconds)
        switch mode {
        case .inotify: return waitForEvents(until: deadline)
        case .polling: return pollListing(until: deadline)
        }
    }

    /// Stops watching; later waits only time out. Called by deinit too.
    public func close() {
        if inotifyDescriptor >= 0 {
            Glibc.close(inotifyDescriptor)
            inotifyDescriptor = -1
        }
    }

    private static func inotifyWatch(_ directory: String) -> Int32? {
        let descriptor = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
        guard descriptor >= 0 else { return nil }
        let events = UInt32(IN_MOVED_TO | IN_CLOSE_WRITE | IN_CREATE)
        guard inotify_add_watch(descriptor, directory, events) >= 0 else {
            Glibc.close(descriptor)
            return nil
        }
        return descriptor
    }

    private func waitForEvents(until deadline: Double) -> Bool {
        guard inotifyDescriptor >= 0 else {
            sleepSeconds(deadline - Self.monotonicSeconds())
            return false
        }
        while true {
            let remaining = deadline - Self.monotonicSeconds()
            var request = pollfd(fd: inotifyDescriptor, events: Int16(POLLIN), revents: 0)
            let ready = poll(&request, 1, Int32(max(0, (remaining * 1000).rounded(.up))))
            if ready > 0 && drainEvents() { return true }
            if remaining <= 0 || (ready < 0 && errno != EINTR) { return false }
        }
    }

    /// Reads every queued event; which file they name does not matter, since the caller lists `new/`.
    private func drainEvents() -> Bool {
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        var any = false
        while true {
            let count = buffer.withUnsafeMutableBytes { read(inotifyDescriptor, $0.baseAddress!, $0.count) }
            if count > 0 {
                any = true
                continue
            }
            if count < 0 && errno == EINTR { continue }
            return any
        }
    }

    private func pollListing(until deadline: Double) -> Bool {
        while true {
            let listing = Set((try? POSIX.visibleNames(in: directory)) ?? [])
            let arrived = !listing.isSubset(of: lastListing)
            lastListing = listing
            if arrived { return true }
            let remaining = deadline - Self.monotonicSeconds()
            if remaining <= 0 { return false }
            sleepSeconds(min(pollIntervalSeconds, remaining))
        }
    }

    private func sleepSeconds(_ seconds: Double) {
        guard seconds > 0 else { return }
        var interval = timespec(tv_sec: Int(seconds), tv_nsec: Int((seconds - seconds.rounded(.down)) * 1e9))
        var left = timespec()
        while nanosleep(&interval, &left) != 0 && errno == EINTR { interval = left }
    }

    private static func monotonicSeconds() -> Double {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        return Double(now.tv_sec) + Double(now.tv_nsec) / 1e9
    }
}
