/// A letter forwarded inside another letter's text, as mail clients write it: a separator line
/// ("---------- Forwarded message ---------", "-----Original Message-----", "-------- Пересылаемое
/// сообщение --------"…) or none (Outlook's bare "From: … Sent: …" block), then the inner letter's
/// header lines in the client's language, then its text. A regional office that forwards an
/// applicant's letter this way still means the applicant: the inner From says who that is.
///
/// Pure and linear in the text. Only what stands on its own lines counts, so a sentence that
/// mentions "forwarded message" is not one.
public struct InlineForward: Sendable, Equatable {
    /// Which client's layout was recognised.
    public enum Style: String, Sendable, Equatable, CaseIterable {
        /// Gmail: `---------- Forwarded message ---------` (`Пересылаемое сообщение` in Russian).
        case gmail
        /// Outlook: `-----Original Message-----` or a bare `From:`/`Sent:` block (`От:`/`Отправлено:`,
        /// `Кімнен:`/`Жіберілді:`), in English, Russian or Kazakh (`Бастапқы хабарлама`).
        case outlook
        /// Mail.ru and Yandex: `-------- Пересылаемое сообщение --------`, with `От кого:` lines or
        /// Yandex's `07.12.2026, 10:15, "Name" <address>:` line.
        case mailRu
        /// Apple Mail: `Begin forwarded message:` (`Начало переадресованного сообщения:`).
        case appleMail
        /// Thunderbird: `-------- Forwarded Message --------` with tab-aligned fields.
        case thunderbird
    }

    public let style: Style
    /// The inner letter's sender, when its From line held an address.
    public let from: MailAddress?
    /// The Date line as written: clients write it in the reader's language ("7 декабря 2026 г. 10:15").
    public let date: String?
    /// The Date line read as RFC 5322, when it is one.
    public let parsedDate: MessageDate?
    public let subject: String?
    /// From the separator (or the first header line) to the end of the inner text.
    public let range: Range<String.Index>
    /// The inner letter's own text, after its header lines.
    public let textRange: Range<String.Index>

    /// Every forward in `text`, in order. A forward's text ends where the next one starts (a
    /// forward of a forward, or several letters forwarded one after another), at Yandex's
    /// `Конец пересылаемого сообщения`, or at the end.
    public static func find(in text: String) -> [InlineForward] {
        let lines = Line.split(text)
        var starts: [(line: Int, header: Int, style: Style)] = []
        var i = 0
        while i < lines.count {
            let line = lines[i]
            if let style = separatorStyle(line.folded).map({ refine($0, raw: line.text) }) {
                // The header block follows, perhaps after blank lines.
                var h = i + 1
                while h < lines.count, lines[h].folded.isEmpty, h - i <= 3 { h += 1 }
                if h < lines.count, headerLabel(lines[h].text) != nil || yandexLine(lines[h].text) != nil {
                    starts.append((i, h, style))
                    i = h + 1
                    continue
                }
            } else if isBareOutlookBlock(lines, at: i) {
                // A row of underscores often stands above it; it is part of the forward, not the text before.
                let top = i > 0 && lines[i - 1].folded.isEmpty && lines[i - 1].text.contains("_") ? i - 1 : i
                starts.append((top, i, .outlook))
                i += 1
                continue
            }
            i += 1
        }
        var found: [InlineForward] = []
        for (n, start) in starts.enumerated() {
            let limit = n + 1 < starts.count ? starts[n + 1].line : lines.count
            var fields: [String: String] = [:]
            var from: MailAddress?
            var date: String?
            var h = start.header
            var lastKey: String?
            while h < limit {
                let line = lines[h]
                if line.folded.isEmpty && line.text.allSatisfy(\.isWhitespace) { break }
                if let (key, value) = headerLabel(line.text) {
                    fields[key] = fields[key] ?? value
                    lastKey = key
                } else if let (who, when) = yandexLine(line.text), from == nil {
                    from = who
                    date = when
                    lastKey = nil
                } else if let key = lastKey, line.text.first?.isWhitespace == true
                            || ((key == "to" || key == "cc") && line.text.contains("@")) {
                    // A wrapped To or Subject line.
                    fields[key] = (fields[key] ?? "") + " " + line.text.trimmed
                } else {
                    break
                }
                h += 1
            }
            // Gmail's text/plain bolds the name: "From: *Нурлан Асанов* <…>".
            if from == nil, let value = fields["from"] { from = address(value.filter { $0 != "*" }) }
            if date == nil { date = fields["date"] ?? fields["sent"] }
            func startOf(_ k: Int) -> String.Index { k < lines.count ? lines[k].range.lowerBound : text.endIndex }
            let textStart = startOf(h)
            var textEnd = startOf(limit), rangeEnd = startOf(limit)
            if h < limit, let marker = (h..<limit).first(where: { isEndMarker(lines[$0].folded) }) {
                textEnd = lines[marker].range.lowerBound
                rangeEnd = lines[marker].range.upperBound
            }
            found.append(InlineForward(
                style: start.style, from: from, date: date,
                parsedDate: date.flatMap { MessageDate.parse($0).date }, subject: fields["subject"],
                range: lines[start.line].range.lowerBound..<max(rangeEnd, textStart),
                textRange: textStart..<max(textStart, textEnd)))
        }
        return found
    }

    // MARK: lines

    struct Line {
        let text: Substring
        /// Including the line break.
        let range: Range<String.Index>
        /// Letters and digits only, lowercased, single spaces: how separators are compared.
        let folded: String

        static func split(_ text: String) -> [Line] {
            var lines: [Line] = []
            var start = text.startIndex
            var i = text.startIndex
            while i < text.endIndex {
                let c = text[i]
                let next = text.index(after: i)
                if c == "\n" || c == "\r\n" || c == "\r" {
                    let body = text[start..<i]
                    lines.append(Line(text: body, range: start..<next, folded: fold(body)))
                    start = next
                }
                i = next
            }
            if start < text.endIndex {
                let body = text[start...]
                lines.append(Line(text: body, range: start..<text.endIndex, folded: fold(body)))
            }
            return lines
        }

        static func fold(_ text: Substring) -> String {
            var out = ""
            var space = false
            for c in text {
                if c.isLetter || c.isNumber {
                    if space && !out.isEmpty { out.append(" ") }
                    out += c.lowercased()
                    space = false
                } else {
                    space = true
                }
            }
            return out
        }
    }

    /// Separator lines, by their words alone (the dashes vary by client and version). A separator
    /// must be mostly punctuation around those words: "see the forwarded message below" is prose.
    static func separatorStyle(_ folded: String) -> Style? {
        switch folded {
        case "forwarded message", "пересланное сообщение", "переадресованное сообщение": return .gmail
        case "original message", "исходное сообщение", "бастапқы хабарлама", "оригинальное сообщение",
             "түпнұсқа хабарлама":
            return .outlook
        case "пересылаемое сообщение", "қайта жіберілген хабарлама", "қайта жіберілген хат", "жіберілген хабарлама":
            return .mailRu
        case "begin forwarded message", "начало переадресованного сообщения", "начало пересылаемого сообщения",
             "қайта жіберілген хабарламаның басы":
            return .appleMail
        default: return nil
        }
    }

    /// Thunderbird writes "Forwarded Message" with capitals and eight dashes; Gmail lowercase
    /// with ten. Both fold to the same words, so the raw line tells them apart.
    static func refine(_ style: Style, raw: Substring) -> Style {
        if style == .gmail, raw.contains("Forwarded Message") { return .thunderbird }
        if style == .mailRu, raw.hasPrefix("----------") { return .gmail }
        return style
    }

    /// Outlook's reply header without a separator: a From line and, within the next lines, a
    /// Sent line. Date alone is not enough: an applicant's form may have "Дата:" under "От:".
    static func isBareOutlookBlock(_ lines: [Line], at i: Int) -> Bool {
        guard headerLabel(lines[i].text)?.key == "from" else { return false }
        for k in (i + 1)..<min(lines.count, i + 5) {
            let label = headerLabel(lines[k].text)
            if label == nil { return false }
            if label?.key == "sent" { return true }
        }
        return false
    }

    /// The header labels clients write, in English, Russian and Kazakh, by their meaning.
    static let labels: [String: String] = [
        "from": "from", "от": "from", "от кого": "from", "отправитель": "from", "кімнен": "from", "жіберуші": "from",
        "date": "date", "дата": "date", "күні": "date", "уақыты": "date",
        "sent": "sent", "отправлено": "sent", "отправлено в": "sent", "жіберілді": "sent", "жіберілген": "sent",
        "subject": "subject", "тема": "subject", "тақырып": "subject", "тақырыбы": "subject",
        "to": "to", "кому": "to", "кімге": "to", "алушы": "to",
        "cc": "cc", "копия": "cc", "көшірме": "cc",
        "reply to": "replyTo", "ответ": "replyTo",
    ]

    /// `From: value` (or Thunderbird's `From: \tvalue`) → ("from", value).
    static func headerLabel(_ line: Substring) -> (key: String, value: String)? {
        guard let colon = line.firstIndex(of: ":") else { return nil }
        let label = line[..<colon]
        guard label.count <= 20, !label.isEmpty, label.first?.isWhitespace == false else { return nil }
        let folded = Line.fold(label)
        guard let key = labels[folded] else { return nil }
        let value = String(line[line.index(after: colon)...]).trimmed
        return (key, value)
    }

    /// Yandex: `07.12.2026, 10:15, "Нурлан Асанов" <nurlan.asanov@mail.kz>:`.
    static func yandexLine(_ line: Substring) -> (MailAddress?, String)? {
        let text = line.trimmed
        guard text.hasSuffix(":"), text.contains("@"), let first = text.first, first.isNumber else { return nil }
        let parts = text.dropLast().split(separator: ",", maxSplits: 2, omittingEmptySubsequences: false)
        guard parts.count == 3 else { return nil }
        return (address(String(parts[2])), parts[0].trimmed + ", " + parts[1].trimmed)
    }

    static func isEndMarker(_ folded: String) -> Bool {
        folded == "конец пересылаемого сообщения" || folded == "end of forwarded message"
    }

    /// "Name <address>", "Name [mailto:address]" (old Outlook), "address", "Name address".
    static func address(_ value: String) -> MailAddress? {
        var text = value
        if let open = text.range(ofASCII: "[mailto:"), let close = text[open.upperBound...].firstIndex(of: "]") {
            text = String(text[..<open.lowerBound]) + "<" + String(text[open.upperBound..<close]) + ">"
        }
        if let parsed = AddressList.parse(text).mailboxes.first { return parsed }
        // "Нурлан Асанов nurlan@mail.kz": the last word with an @.
        if let word = text.split(whereSeparator: \.isWhitespace).last(where: { $0.contains("@") }) {
            return AddressList.parse(String(word)).mailboxes.first
        }
        return nil
    }
}

extension StringProtocol {
    var trimmed: String {
        var s = Substring(self)
        while let c = s.first, c.isWhitespace { s.removeFirst() }
        while let c = s.last, c.isWhitespace { s.removeLast() }
        return String(s)
    }

    /// Foundation's `range(of:)` without Foundation, for ASCII needles.
    func range(ofASCII needle: String) -> Range<Index>? {
        let n = Array(needle.utf8)
        guard let first = n.first else { return nil }
        var i = startIndex
        while i < endIndex {
            if self[i].utf8.first == first {
                var j = i
                var k = 0
                while j < endIndex, k < n.count, self[j].utf8.count == 1, self[j].utf8.first == n[k] {
                    j = index(after: j)
                    k += 1
                }
                if k == n.count { return i..<j }
            }
            i = index(after: i)
        }
        return nil
    }
}
