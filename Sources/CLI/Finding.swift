/// One line of `tizilim doctor`: what was looked at, what was found, and what to do about it.
struct Finding: Equatable {
    enum Verdict: String, Comparable {
        case ok = "OK"
        case warn = "WARN"
        case fail = "FAIL"

        private var rank: Int { self == .ok ? 0 : self == .warn ? 1 : 2 }
        static func < (a: Verdict, b: Verdict) -> Bool { a.rank < b.rank }
    }

    let verdict: Verdict
    /// The short name of the thing checked: `store`, `maildir`, `imap`…
    let subject: String
    let detail: String
    /// The command or setting that fixes it; nil when there is nothing to do.
    let hint: String?

    static func ok(_ subject: String, _ detail: String) -> Finding {
        Finding(verdict: .ok, subject: subject, detail: detail, hint: nil)
    }
    static func warn(_ subject: String, _ detail: String, hint: String? = nil) -> Finding {
        Finding(verdict: .warn, subject: subject, detail: detail, hint: hint)
    }
    static func fail(_ subject: String, _ detail: String, hint: String? = nil) -> Finding {
        Finding(verdict: .fail, subject: subject, detail: detail, hint: hint)
    }

    /// `FAIL  store           /var/lib/… is readable by everyone (mode 0644)` and the hint below it.
    var text: String {
        var line = verdict.rawValue.padding(to: 6) + subject.padding(to: 16) + detail
        if let hint { line += "\n" + String(repeating: " ", count: 22) + "hint: " + hint }
        return line
    }
}
