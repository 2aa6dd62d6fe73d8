import Dates
/// A point in time from a Date header, with the sender's UTC offset kept: "sent at 10:05 Almaty
/// time" matters to staff as much as the instant does.
public struct MessageDate: Hashable, Sendable, Comparable {
    public var secondsSince1970: Int64
    /// The offset the sender wrote; 0 when the zone was `-0000`, military, unknown or missing.
    public var utcOffsetMinutes: Int

    public init(secondsSince1970: Int64, utcOffsetMinutes: Int) {
        self.secondsSince1970 = secondsSince1970
        self.utcOffsetMinutes = utcOffsetMinutes
    }

    /// The local wall-clock time in the original offset; nil when a field is out of range.
    init?(year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int, utcOffsetMinutes: Int) {
        guard CivilDate.isValid(year: year, month: month, day: day),
              (0...23).contains(hour), (0...59).contains(minute), (0...59).contains(second)
        else { return nil }
        let days = Int64(CivilDate(year: year, month: month, day: day).daysSinceEpoch)
        let local = days * 86_400 + Int64(hour * 3600 + minute * 60 + second)
        self.init(secondsSince1970: local - Int64(utcOffsetMinutes) * 60, utcOffsetMinutes: utcOffsetMinutes)
    }

    /// Equal instants order by offset too, so that `<` agrees with `==`.
    public static func < (a: MessageDate, b: MessageDate) -> Bool {
        (a.secondsSince1970, a.utcOffsetMinutes) < (b.secondsSince1970, b.utcOffsetMinutes)
    }

    /// `2024-03-21T10:05:00+05:00` in the sender's offset, always as ±HH:MM (`+00:00` for UTC),
    /// so every consumer of `--json` reads one shape.
    public var iso8601: String {
        let t = local
        let a = abs(utcOffsetMinutes)
        let zone = (utcOffsetMinutes < 0 ? "-" : "+") + pad(a / 60) + ":" + pad(a % 60)
        return pad(t.year, 4) + "-" + pad(t.month) + "-" + pad(t.day) + "T"
            + pad(t.hour) + ":" + pad(t.minute) + ":" + pad(t.second) + zone
    }

    /// `Thu, 21 Mar 2024 10:05:00 +0500`, as RFC 5322 §3.3 writes it.
    public func rfc5322() -> String {
        let t = local
        let a = abs(utcOffsetMinutes)
        let zone = (utcOffsetMinutes < 0 ? "-" : "+") + pad(a / 60) + pad(a % 60)
        return CivilCalendar.weekdayNames[t.weekday] + ", " + String(t.day) + " " + CivilCalendar.monthNames[t.month - 1]
            + " " + pad(t.year, 4) + " " + pad(t.hour) + ":" + pad(t.minute) + ":" + pad(t.second) + " " + zone
    }

    private var local: (year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int, weekday: Int) {
        let seconds = secondsSince1970 &+ Int64(utcOffsetMinutes) * 60
        let days = CivilCalendar.floorDiv(seconds, 86_400)
        let inDay = Int(seconds - days * 86_400)
        let date = CivilDate(daysSinceEpoch: Int(days))
        let (y, m, d) = (date.year, date.month, date.day)
        // 1970-01-01 was a Thursday (index 4 with Sunday = 0).
        let weekday = Int(((days % 7) + 11) % 7)
        return (y, m, d, inDay / 3600, inDay / 60 % 60, inDay % 60, weekday)
    }

    private func pad(_ value: Int, _ width: Int = 2) -> String {
        let digits = String(abs(value))
        let padded = String(repeating: "0", count: max(0, width - digits.count)) + digits
        return value < 0 ? "-" + padded : padded
    }
}

// MARK: - Calendar arithmetic

/// Names for RFC 5322 dates; the arithmetic is `CivilDate`'s.
enum CivilCalendar {
    static let monthNames = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
    static let weekdayNames = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]

    static func floorDiv(_ a: Int64, _ b: Int64) -> Int64 {
        let q = a / b
        return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q
    }
}

// MARK: - Parsing

extension MessageDate {
    /// Reads a Date header as clients write it: RFC 5322 and its obsolete forms, ISO 8601,
    /// `21.03.2024 10:05`, asctime, Russian and Kazakh month names, named zones.
    ///
    /// A date without a zone is read as UTC with a defect; no usable date gives nil with `.invalidDate`.
    public static func parse(_ value: String) -> (date: MessageDate?, defects: [Defect]) {
        var reader = DateReader(value)
        return reader.read()
    }
}

private struct DateReader {
    enum Token: Equatable {
        case number(value: Int, digits: Int)
        case word(String)
        case punct(Unicode.Scalar)
    }

    let original: String
    var tokens: [Token] = []
    /// Whitespace came before the token at the same index.
    var spaced: [Bool] = []
    var comments: [String] = []
    var used: [Bool] = []
    var defects: [Defect] = []

    var year: Int? = nil
    var month: Int? = nil
    var day: Int? = nil
    var hour = 0, minute = 0, second = 0
    var timeEnd: Int? = nil
    var zone: Int? = nil
    /// A Kazakh zone name whose offset depends on the date: the country moved to UTC+5 on 1 March 2024.
    var zoneIsAlmaty = false
    var unknownZone: String? = nil

    init(_ value: String) {
        original = value
        tokenize(Array(value.unicodeScalars.prefix(1000)))
        used = Array(repeating: false, count: tokens.count)
    }

    private mutating func tokenize(_ scalars: [Unicode.Scalar]) {
        var i = 0
        var space = false
        while i < scalars.count {
            let s = scalars[i]
            if s == "(" {
                var depth = 1
                var j = i + 1
                var text = String.UnicodeScalarView()
                while j < scalars.count {
                    if scalars[j] == "(" { depth += 1 }
                    if scalars[j] == ")" { depth -= 1; if depth == 0 { break } }
                    text.append(scalars[j])
                    j += 1
                }
                comments.append(String(text))
                i = j + 1
                space = true
            } else if s.properties.isWhitespace {
                space = true
                i += 1
            } else if ("0"..."9").contains(s) {
                var j = i
                var value = 0
                while j < scalars.count, ("0"..."9").contains(scalars[j]) {
                    if j - i < 12 { value = value * 10 + Int(scalars[j].value - 48) }
                    j += 1
                }
                append(.number(value: value, digits: j - i), space: &space)
                i = j
            } else if s.properties.isAlphabetic {
                var j = i
                var word = String.UnicodeScalarView()
                while j < scalars.count, scalars[j].properties.isAlphabetic, !("0"..."9").contains(scalars[j]) {
                    word.append(scalars[j])
                    j += 1
                }
                append(.word(String(word).lowercased()), space: &space)
                i = j
            } else {
                append(.punct(s), space: &space)
                i += 1
            }
        }
    }

    private mutating func append(_ token: Token, space: inout Bool) {
        tokens.append(token)
        spaced.append(space)
        space = false
    }

    mutating func read() -> (date: MessageDate?, defects: [Defect]) {
        findTime()
        findNumericDate()
        readRest()
        if zone == nil { zoneFromComments() }
        return finish()
    }

    private func number(_ i: Int, maxDigits: Int = 2) -> Int? {
        guard i < tokens.count, !used[i], case .number(let v, let d) = tokens[i], d <= maxDigits else { return nil }
        return v
    }

    private func isPunct(_ i: Int, _ p: Unicode.Scalar) -> Bool {
        i >= 0 && i < tokens.count && tokens[i] == .punct(p)
    }

    private func isSign(_ i: Int) -> Bool { isPunct(i, "+") || isPunct(i, "-") || isPunct(i, "\u{2212}") }

    private mutating func mark(_ range: Range<Int>) {
        for i in range where i < used.count { used[i] = true }
    }

    /// `h:mm[:ss[.fff]] [am|pm]`, the first one found.
    private mutating func findTime() {
        for i in tokens.indices {
            guard let h = number(i), isPunct(i + 1, ":"), let m = number(i + 2),
                  !isSign(i - 1), !isPunct(i - 1, ":")
            else { continue }
            hour = h
            minute = m
            var end = i + 3
            if isPunct(end, ":"), let s = number(end + 1) {
                second = s
                end += 2
                if isPunct(end, ".") || isPunct(end, ","), !spaced[end], number(end + 1, maxDigits: 12) != nil,
                   !spaced[end + 1] {
                    end += 2
                }
            }
            if end < tokens.count, case .word(let w) = tokens[end], w == "am" || w == "pm" {
                if h == 12 { hour = 0 }
                if w == "pm" { hour += 12 }
                end += 1
            }
            mark(i..<end)
            timeEnd = end
            return
        }
    }

    /// `2024-03-21`, `2024/03/21`, `21.03.2024`, `21/03/2024`, `03/21/2024` (when the day gives it away).
    private mutating func findNumericDate() {
        guard tokens.count >= 5 else { return }
        for i in 0...(tokens.count - 5) {
            guard let a = number(i, maxDigits: 4), let b = number(i + 2), let c = number(i + 4, maxDigits: 4),
                  case .punct(let sep) = tokens[i + 1], tokens[i + 3] == .punct(sep),
                  sep == "-" || sep == "/" || sep == "."
            else { continue }
            guard case .number(_, let aDigits) = tokens[i], case .number(_, let cDigits) = tokens[i + 4] else { continue }
            if aDigits == 4 {
                (year, month, day) = (a, b, c)
            } else if aDigits <= 2, cDigits >= 2 {
                year = Self.fullYear(c, digits: cDigits)
                (day, month) = sep == "/" && b > 12 && a <= 12 ? (b, a) : (a, b)
            } else {
                continue
            }
            mark(i..<(i + 5))
            return
        }
    }

    private mutating func readRest() {
        var i = 0
        while i < tokens.count {
            defer { i += 1 }
            if used[i] { continue }
            let afterTime = timeEnd.map { i >= $0 } ?? false
            switch tokens[i] {
            case .punct:
                if afterTime, zone == nil, isSign(i), let next = numericZone(at: i) {
                    zone = next.minutes
                    i = next.end - 1
                }
            case .word(let w):
                if afterTime, zone == nil, let z = namedZone(w) {
                    zone = z
                    if w == "almt" || w == "alma" { zoneIsAlmaty = true }
                    // "GMT+5", "UTC+05:00": the offset follows the name.
                    if ["gmt", "utc", "ut"].contains(w), isSign(i + 1), let next = numericZone(at: i + 1) {
                        zone = next.minutes
                        i = next.end - 1
                    }
                } else if month == nil, let m = Self.month(w) {
                    month = m
                } else if Self.isIgnorable(w) {
                    continue
                } else if afterTime, zone == nil, unknownZone == nil {
                    unknownZone = w
                }
            case .number(let v, let digits):
                if afterTime, zone == nil, digits == 4, year != nil {
                    defects.append(Defect(.invalidDate, "zone without a sign: \(v)"))
                    zone = Self.offset(hhmm: v, defects: &defects)
                } else if digits >= 3, digits <= 4, year == nil {
                    year = Self.fullYear(v, digits: digits)
                } else if digits <= 2, day == nil {
                    day = v
                } else if digits <= 2, year == nil {
                    year = Self.fullYear(v, digits: digits)
                }
            }
        }
    }

    /// `+0500`, `+05:00`, `+5`, `-0000` at `i` (the sign): the offset and the index after it.
    private mutating func numericZone(at i: Int) -> (minutes: Int, end: Int)? {
        guard i + 1 < tokens.count, case .number(let v, let digits) = tokens[i + 1], digits <= 4 else { return nil }
        let negative = !isPunct(i, "+")
        var minutes: Int
        var end = i + 2
        switch digits {
        case 3, 4:
            minutes = Self.offset(hhmm: v, defects: &defects)
        default:
            var mm = 0
            if isPunct(i + 2, ":"), let m = number(i + 3) {
                mm = m
                end = i + 4
            }
            minutes = Self.offset(hhmm: v * 100 + mm, defects: &defects)
        }
        if negative { minutes = -minutes }
        return (minutes, end)
    }

    private static func offset(hhmm: Int, defects: inout [Defect]) -> Int {
        let (hh, mm) = (hhmm / 100, hhmm % 100)
        guard hh <= 23, mm <= 59 else {
            defects.append(Defect(.invalidDate, "zone offset out of range: \(hhmm); read as UTC"))
            return 0
        }
        return hh * 60 + mm
    }

    /// Clients that write no numeric zone sometimes name it in a comment: `10:05:00 (ALMT)`.
    private mutating func zoneFromComments() {
        for comment in comments {
            var inner = DateReader(comment)
            inner.timeEnd = 0
            inner.readRest()
            if let z = inner.zone {
                zone = z
                zoneIsAlmaty = inner.zoneIsAlmaty
                unknownZone = nil
                return
            }
        }
    }

    private mutating func finish() -> (date: MessageDate?, defects: [Defect]) {
        let shown = String(original.prefix(200))
        guard let year, let month, let day else {
            return (nil, [Defect(.invalidDate, shown)])
        }
        guard (1000...9999).contains(year), CivilDate.isValid(year: year, month: month, day: day)
        else { return (nil, [Defect(.invalidDate, "no such day: \(shown)")]) }
        guard (0...23).contains(hour), (0...59).contains(minute), (0...60).contains(second) else {
            return (nil, [Defect(.invalidDate, "no such time: \(shown)")])
        }
        if timeEnd == nil { defects.append(Defect(.invalidDate, "no time of day; read as midnight: \(shown)")) }
        var offset = zone ?? 0
        if zone == nil {
            let why = unknownZone.map { "unknown time zone \"\($0)\"" } ?? "no time zone"
            defects.append(Defect(.invalidDate, "\(why); read as UTC: \(shown)"))
        }
        if zoneIsAlmaty, (year, month) < (2024, 3) { offset = 6 * 60 }
        // A leap second is real but has no place in Unix time.
        let date = MessageDate(year: year, month: month, day: day, hour: hour, minute: minute,
                               second: min(second, 59), utcOffsetMinutes: offset)
        return (date, date == nil ? [Defect(.invalidDate, shown)] : defects)
    }

    // MARK: Names

    private static func fullYear(_ value: Int, digits: Int) -> Int {
        switch digits {
        case ...2: return value < 50 ? 2000 + value : 1900 + value
        // Clients that printed `tm_year` (years since 1900) as is.
        case 3: return 1900 + value
        default: return value
        }
    }

    private static let englishMonths = ["january", "february", "march", "april", "may", "june", "july",
                                        "august", "september", "october", "november", "december"]
    /// Russian (nominative and genitive share the stem) and Kazakh month stems.
    private static let monthStems: [(String, Int)] = [
        ("янв", 1), ("фев", 2), ("мар", 3), ("апр", 4), ("май", 5), ("мая", 5), ("июн", 6), ("июл", 7),
        ("авг", 8), ("сен", 9), ("окт", 10), ("ноя", 11), ("дек", 12),
        ("қаң", 1), ("ақп", 2), ("нау", 3), ("сәу", 4), ("мам", 5), ("мау", 6), ("шіл", 7), ("там", 8),
        ("қыр", 9), ("қаз", 10), ("қар", 11), ("жел", 12),
    ]

    static func month(_ word: String) -> Int? {
        guard word.count >= 3 else { return nil }
        if let i = englishMonths.firstIndex(where: { $0.hasPrefix(word) }) { return i + 1 }
        return monthStems.first { word.hasPrefix($0.0) }?.1
    }

    private static let ignorable: Set<String> = [
        "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun",
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
        "пн", "вт", "ср", "чт", "пт", "сб", "вс", "пнд", "втр", "срд", "чтв", "птн", "суб", "вск",
        "понедельник", "вторник", "среда", "четверг", "пятница", "суббота", "воскресенье",
        "at", "t", "г", "года", "в",
    ]

    static func isIgnorable(_ word: String) -> Bool { ignorable.contains(word) }

    private static let zones: [String: Int] = [
        "ut": 0, "utc": 0, "gmt": 0, "z": 0, "uct": 0, "wet": 0,
        "est": -300, "edt": -240, "cst": -360, "cdt": -300, "mst": -420, "mdt": -360, "pst": -480, "pdt": -420,
        "msk": 180, "мск": 180, "msd": 240,
        // Kazakhstan: one zone, UTC+5, since 1 March 2024 (ALMT was UTC+6 before; see zoneIsAlmaty).
        "almt": 300, "alma": 300, "aqtt": 300, "aqtst": 300, "orat": 300, "qyzt": 300,
        "yekt": 300, "omst": 360, "novt": 420, "krat": 420, "irkt": 480, "yakt": 540, "vlat": 600, "samt": 240,
        "uzt": 300, "kgt": 360, "tjt": 300,
        "cet": 60, "cest": 120, "eet": 120, "eest": 180, "west": 60, "bst": 60, "trt": 180,
        "jst": 540, "kst": 540, "hkt": 480, "sgt": 480, "awst": 480, "aest": 600, "aedt": 660,
    ]

    private func namedZone(_ word: String) -> Int? {
        if let z = Self.zones[word] { return z }
        // RFC 5322 §4.3: military letters were defined backwards in RFC 822, so they mean "unknown", i.e. -0000.
        if word.unicodeScalars.count == 1, let s = word.unicodeScalars.first, ("a"..."z").contains(s), s != "j" {
            return 0
        }
        return nil
    }
}
