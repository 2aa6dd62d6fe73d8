import Dates
// The operator's file of corrections to the built-in calendar: a decree published after
// this release, a Kurban Ait date that differs from the estimate, a regional emergency.
//
//     2027-01-04 off   # order of the labour ministry No. …
//     2027-01-09 work  # working Saturday
//
// One date per line, `off` or `work`, an optional `#` comment that becomes the reason.

public struct CalendarOverrides: Sendable, Equatable {
    public enum Kind: String, Sendable {
        case off, work
    }

    public struct Entry: Sendable, Equatable {
        public let date: CivilDate
        public let kind: Kind
        public let comment: String?
        /// 1-based line in the source file, so `calendar show` can point back to it.
        public let line: Int

        public init(date: CivilDate, kind: Kind, comment: String? = nil, line: Int = 0) {
            self.date = date
            self.kind = kind
            self.comment = comment
            self.line = line
        }
    }

    public struct LineError: Error, Sendable, Equatable, CustomStringConvertible {
        public let line: Int
        public let message: String
        public var description: String { "line \(line): \(message)" }
    }

    /// All the problems of a file at once, so the operator fixes them in one pass.
    public struct FileError: Error, Sendable, Equatable, CustomStringConvertible {
        public let errors: [LineError]
        public var description: String { errors.map(\.description).joined(separator: "\n") }
    }

    public static let none = CalendarOverrides(entries: [])

    public let entries: [CivilDate: Entry]

    /// Later entries for the same date replace earlier ones.
    public init(entries: [Entry]) {
        var byDate: [CivilDate: Entry] = [:]
        for e in entries { byDate[e.date] = e }
        self.entries = byDate
    }

    public init(parsing text: String) throws(FileError) {
        let (overrides, errors) = CalendarOverrides.parse(text)
        guard errors.isEmpty else { throw FileError(errors: errors) }
        self = overrides
    }

    /// Keeps the valid lines even when others are wrong: the daemon can run on what it
    /// understood while it reports the rest.
    public static func parse(_ text: String) -> (overrides: CalendarOverrides, errors: [LineError]) {
        var entries: [Entry] = []
        var errors: [LineError] = []
        var seen: [CivilDate: Entry] = [:]
        for (index, raw) in splitLines(text).enumerated() {
            let lineNumber = index + 1
            var body = Substring(raw)
            var comment: String?
            if let hash = body.firstIndex(of: "#") {
                let c = trim(body[body.index(after: hash)...])
                comment = c.isEmpty ? nil : String(c)
                body = body[..<hash]
            }
            let fields = body.split(whereSeparator: { $0 == " " || $0 == "\t" })
            if fields.isEmpty { continue }
            guard fields.count == 2 else {
                errors.append(LineError(line: lineNumber,
                                        message: "expected `YYYY-MM-DD off|work  # comment`, got \"\(trim(Substring(raw)))\""))
                continue
            }
            guard let date = CivilDate(iso: fields[0]) else {
                errors.append(LineError(line: lineNumber, message: "not a valid date \"\(fields[0])\" (expected YYYY-MM-DD)"))
                continue
            }
            guard let kind = Kind(rawValue: fields[1].lowercased()) else {
                errors.append(LineError(line: lineNumber, message: "unknown kind \"\(fields[1])\" (expected off or work)"))
                continue
            }
            if let previous = seen[date], previous.kind != kind {
                errors.append(LineError(line: lineNumber,
                                        message: "\(date) is \(previous.kind.rawValue) on line \(previous.line) and \(kind.rawValue) here"))
                continue
            }
            let entry = Entry(date: date, kind: kind, comment: comment, line: lineNumber)
            seen[date] = entry
            entries.append(entry)
        }
        return (CalendarOverrides(entries: entries), errors)
    }

    public subscript(date: CivilDate) -> Entry? { entries[date] }

    static func splitLines(_ text: String) -> [Substring] {
        // "\r\n" is a single Character in Swift, and isNewline covers it, "\n" and "\r".
        text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
    }

    static func trim(_ s: Substring) -> Substring {
        var s = s
        while let f = s.first, f == " " || f == "\t" { s.removeFirst() }
        while let l = s.last, l == " " || l == "\t" { s.removeLast() }
        return s
    }
}

// MARK: - iCalendar import

extension CalendarOverrides {
    /// An event longer than this is almost certainly a mistake in the feed (a whole year
    /// marked off), and would silently stop every deadline.
    static let maximumEventDays = 31

    /// Turns the all-day events of an iCalendar feed (RFC 5545) into override lines
    /// `YYYY-MM-DD off  # SUMMARY`, one per day, sorted, for the operator to review and append.
    /// Timed events, recurrence rules and cancelled events are reported, not guessed at.
    public static func fromICalendar(_ text: String) -> (lines: [String], errors: [LineError]) {
        fromICalendar(utf8: Array(text.utf8))
    }

    /// Byte input lets unfolding happen before UTF-8 decoding: RFC 5545 folds at 75 octets
    /// and may split a multi-byte character (Cyrillic, Kazakh) across two physical lines.
    public static func fromICalendar(utf8 bytes: [UInt8]) -> (lines: [String], errors: [LineError]) {
        var errors: [LineError] = []
        var byDate: [CivilDate: [String]] = [:]
        var event: EventDraft?
        var nestedDepth = 0

        for line in unfold(bytes) {
            guard let property = ContentLine(line.text) else {
                if !line.text.isEmpty {
                    errors.append(LineError(line: line.number, message: "not an iCalendar content line"))
                }
                continue
            }
            switch property.name {
            case "BEGIN":
                if event != nil {
                    nestedDepth += 1
                } else if property.value.uppercased() == "VEVENT" {
                    event = EventDraft(line: line.number)
                }
            case "END":
                if nestedDepth > 0 {
                    nestedDepth -= 1
                } else if property.value.uppercased() == "VEVENT", let draft = event {
                    event = nil
                    switch draft.days() {
                    case .success(let days):
                        for d in days { byDate[d, default: []].append(draft.summary ?? "") }
                    case .failure(let error):
                        errors.append(error)
                    }
                }
            default:
                guard nestedDepth == 0, event != nil else { continue }
                event!.take(property, line: line.number)
            }
        }
        if let draft = event {
            errors.append(LineError(line: draft.line, message: "VEVENT is not closed by END:VEVENT"))
        }

        let lines = byDate.keys.sorted().map { date -> String in
            var seen = Set<String>()
            let summaries = byDate[date]!.filter { !$0.isEmpty && seen.insert($0).inserted }
            return summaries.isEmpty ? "\(date) off" : "\(date) off  # " + summaries.joined(separator: "; ")
        }
        return (lines, errors)
    }

    struct UnfoldedLine {
        let text: String
        /// Physical line where the logical line starts.
        let number: Int
    }

    static func unfold(_ bytes: [UInt8]) -> [UnfoldedLine] {
        var result: [UnfoldedLine] = []
        var current: [UInt8] = []
        var start = 1
        var physical = 1
        var i = 0
        func flush() {
            result.append(UnfoldedLine(text: String(decoding: current, as: UTF8.self), number: start))
            current.removeAll(keepingCapacity: true)
        }
        while i < bytes.count {
            let b = bytes[i]
            guard b == 0x0D || b == 0x0A else {
                current.append(b)
                i += 1
                continue
            }
            // CRLF per the RFC; bare LF and bare CR too, since feeds pass through many hands.
            i += (b == 0x0D && i + 1 < bytes.count && bytes[i + 1] == 0x0A) ? 2 : 1
            physical += 1
            if i < bytes.count, bytes[i] == 0x20 || bytes[i] == 0x09 {
                i += 1
                continue
            }
            flush()
            start = physical
        }
        if !current.isEmpty { flush() }
        return result
    }

    struct ContentLine {
        let name: String
        let parameters: [String: String]
        let value: String

        init?(_ line: String) {
            // name *(";" param) ":" value, where a quoted parameter value may hold ':' or ';'.
            var name = ""
            var parameters: [String: String] = [:]
            var field = ""
            var inQuotes = false
            var sawParameter = false
            var index = line.startIndex
            func endField() {
                if !sawParameter {
                    name = field
                } else if let eq = field.firstIndex(of: "=") {
                    let value = field[field.index(after: eq)...].filter { $0 != "\"" }
                    parameters[field[..<eq].uppercased()] = String(value)
                }
                field = ""
            }
            while index < line.endIndex {
                let c = line[index]
                if c == "\"" { inQuotes.toggle() }
                if !inQuotes && (c == ";" || c == ":") {
                    endField()
                    if c == ":" {
                        guard !name.isEmpty else { return nil }
                        self.name = name.uppercased()
                        self.parameters = parameters
                        self.value = String(line[line.index(after: index)...])
                        return
                    }
                    sawParameter = true
                } else {
                    field.append(c)
                }
                index = line.index(after: index)
            }
            return nil
        }
    }

    struct EventDraft {
        let line: Int
        var start: (value: String, isDate: Bool, line: Int)?
        var end: (value: String, isDate: Bool, line: Int)?
        var durationDays: Int?
        var summary: String?
        var recurs = false
        var cancelled = false

        init(line: Int) { self.line = line }

        mutating func take(_ p: ContentLine, line: Int) {
            let isDate = p.parameters["VALUE"]?.uppercased() == "DATE"
                || (p.value.utf8.count == 8 && !p.value.contains("T"))
            switch p.name {
            case "DTSTART": start = (p.value, isDate, line)
            case "DTEND": end = (p.value, isDate, line)
            case "DURATION": durationDays = CalendarOverrides.dayDuration(p.value) ?? -1
            case "SUMMARY": summary = CalendarOverrides.unescapeText(p.value)
            case "RRULE", "RDATE": recurs = true
            case "STATUS": cancelled = p.value.uppercased() == "CANCELLED"
            default: break
            }
        }

        func days() -> Result<[CivilDate], LineError> {
            let label = summary.map { " \"\($0)\"" } ?? ""
            guard !cancelled else {
                return .failure(LineError(line: line, message: "cancelled event\(label) skipped"))
            }
            guard let start else {
                return .failure(LineError(line: line, message: "VEVENT\(label) has no DTSTART"))
            }
            guard start.isDate else {
                return .failure(LineError(line: start.line, message: "event\(label) is not all-day (DTSTART \(start.value)); skipped"))
            }
            guard let first = CivilDate(basic: start.value) else {
                return .failure(LineError(line: start.line, message: "invalid DTSTART date \"\(start.value)\""))
            }
            guard !recurs else {
                return .failure(LineError(line: line, message: "event\(label) repeats (RRULE/RDATE), which is not imported; add each date by hand"))
            }
            var count = 1
            if let end {
                guard end.isDate, let last = CivilDate(basic: end.value) else {
                    return .failure(LineError(line: end.line, message: "invalid DTEND \"\(end.value)\" for an all-day event"))
                }
                // DTEND is exclusive for DATE values: 20270104..20270106 is two days.
                count = last.daysSinceEpoch - first.daysSinceEpoch
            } else if let durationDays {
                count = durationDays
            }
            guard count >= 1 else {
                return .failure(LineError(line: line, message: "event\(label) ends before it starts"))
            }
            guard count <= CalendarOverrides.maximumEventDays else {
                return .failure(LineError(line: line, message: "event\(label) lasts \(count) days; longer than \(CalendarOverrides.maximumEventDays) is refused"))
            }
            return .success((0..<count).map { first.adding(days: $0) })
        }
    }

    /// Whole-day durations only (`P3D`, `P1W`); anything finer cannot describe days off.
    static func dayDuration(_ value: String) -> Int? {
        var s = Substring(value.uppercased())
        if s.hasPrefix("+") { s.removeFirst() }
        guard s.hasPrefix("P"), s.count >= 3, let unit = s.last, let n = Int(s.dropFirst().dropLast()) else { return nil }
        switch unit {
        case "D": return n
        case "W": return n * 7
        default: return nil
        }
    }

    /// RFC 5545 TEXT escapes; newlines become spaces since an override comment is one line.
    static func unescapeText(_ value: String) -> String {
        var out = ""
        var escaped = false
        for c in value {
            if escaped {
                switch c {
                case "n", "N": out.append(" ")
                default: out.append(c)
                }
                escaped = false
            } else if c == "\\" {
                escaped = true
            } else {
                out.append(c)
            }
        }
        return String(trim(Substring(out)))
    }
}
