import Cases
import Store

/// The figures Prometheus scrapes, as of one moment, and their rendering in the node_exporter
/// textfile format (https://prometheus.io/docs/instrumenting/exposition_formats/).
///
/// Every state is written even at zero: a series that vanishes when its count drops to nothing
/// breaks alerts such as `tizilim_notices{state="failed"} > 0` and leaves gaps in graphs.
public struct Metrics: Equatable {
    /// What the daemon counts itself since it started: the store cannot know about a login
    /// that failed or a server that was down.
    public struct Counters: Sendable, Equatable {
        public var imapErrors: Int = 0
        public var smtpErrors: Int = 0
        public init(imapErrors: Int = 0, smtpErrors: Int = 0) {
            self.imapErrors = imapErrors
            self.smtpErrors = smtpErrors
        }
    }

    /// What the store holds at the moment of writing.
    var figures: StoreFigures
    var counters: Counters

    /// The file's text: HELP and TYPE before each family, labels in a stable order.
    var text: String {
        var out = ""
        func family(_ name: String, _ type: String, _ help: String, _ samples: [(labels: String, value: String)]) {
            out += "# HELP \(name) \(help)\n# TYPE \(name) \(type)\n"
            for sample in samples { out += "\(name)\(sample.labels) \(sample.value)\n" }
        }
        func labelled(_ key: String, _ counts: [String: Int], known: [String]) -> [(labels: String, value: String)] {
            let names = known + counts.keys.filter { !known.contains($0) }.sorted()
            return names.map { ("{\(key)=\"\(Self.escaped($0))\"}", String(counts[$0] ?? 0)) }
        }
        family("tizilim_messages_total", "counter", "Messages taken from the Maildir into the store.",
               [("", String(figures.messages))])
        family("tizilim_cases", "gauge", "Cases by state.",
               labelled("state", figures.casesByState, known: CaseState.allCases.map(\.rawValue)))
        family("tizilim_notices", "gauge", "Notices in the outbox by state.",
               labelled("state", figures.noticesByState, known: OutboxItem.State.allCases.map(\.rawValue)))
        family("tizilim_oldest_queued_notice_seconds", "gauge",
               "Age of the oldest notice not yet sent; 0 when none is queued.", [("", String(figures.oldestQueuedNoticeSeconds))])
        family("tizilim_review_deadlines_due_today", "gauge",
               "Cases under review whose review deadline falls today (Asia/Almaty).", [("", String(figures.reviewDeadlinesDueToday))])
        family("tizilim_deadlines_overdue", "gauge", "Open cases whose deadline has passed.",
               [("{kind=\"review\"}", String(figures.overdueReviews)), ("{kind=\"refinement\"}", String(figures.overdueRefinements))])
        family("tizilim_imap_errors_total", "counter", "IMAP fetches that failed since the daemon started.",
               [("", String(counters.imapErrors))])
        family("tizilim_smtp_errors_total", "counter", "Notice deliveries that failed since the daemon started.",
               [("", String(counters.smtpErrors))])
        return out
    }

    /// Label values escape backslash, double quote and newline, as the format requires.
    static func escaped(_ value: String) -> String {
        var text = ""
        for character in value {
            switch character {
            case "\\": text += "\\\\"
            case "\"": text += "\\\""
            case "\n": text += "\\n"
            default: text.append(character)
            }
        }
        return text
    }
}

extension Metrics {
    /// Reads the figures from the store at `now`.
    init(database: Database, now: LocalDateTime, counters: Counters) throws {
        self.init(figures: try StoreFigures(database, now: now), counters: counters)
    }
}
