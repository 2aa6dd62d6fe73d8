import Cases
import Register
import Store

/// The metrics file node_exporter's textfile collector reads
/// (`--collector.textfile.directory`): replaced whole with each write, so a scrape never sees
/// half a file. The daemon calls `write` about once a minute when `metrics_file` is set.
public enum MetricsFile {
    /// Reads the figures from `database` at `now` and replaces the file at `path` (mode 0644:
    /// the counts hold no personal data, and node_exporter runs as its own user).
    public static func write(database: Database, path: String, now: LocalDateTime, counters: Metrics.Counters) throws {
        let metrics = try Metrics(database: database, now: now, counters: counters)
        try AtomicFile.write(Array(metrics.text.utf8), to: path, mode: 0o644)
    }
}
