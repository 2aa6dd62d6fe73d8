import OrderedJSON
import Cases
import Intake
import Store

/// The officer's list: one line per case that fits an 80-column terminal, and under it, when
/// there is something to say, the running term in words and the flags.
struct CaseTable {
    let now: LocalDateTime
    let calendar: BusinessCalendar
    let wording: StaffWording
    let ink: Ink
    /// Each case's possible duplicates by human id (`CaseLinks.duplicates`).
    var duplicates: [String: [String]] = [:]

    /// Column widths; together 79, so a line never wraps on an 80-column terminal.
    static let widths = (id: 16, state: 16, kind: 14, applicant: 23, due: 10)
    static let lineWidth = 79

    func render(_ entries: [CaseWithApplicant]) -> String {
        let w = wording, c = Self.widths
        var out = ink.bold(cell(w.pick("НӨМІР", "НОМЕР", "ID"), c.id) + cell(w.pick("КҮЙІ", "СОСТОЯНИЕ", "STATE"), c.state)
                           + cell(w.pick("ТҮРІ", "ВИД", "KIND"), c.kind)
                           + cell(w.pick("ӨТІНІШ БЕРУШІ", "ЗАЯВИТЕЛЬ", "APPLICANT"), c.applicant)
                           + w.pick("МЕРЗІМ", "СРОК", "DUE")) + "\n"
        for entry in entries {
            let record = entry.record, s = record.snapshot
            let due = CaseQuery.deadline(s)
            var dueText = due.map { StaffWording.day($0.date) } ?? ""
            if let due, now > due { dueText = ink.alert(dueText) }
            out += cell(record.humanID, c.id) + cell(w.state(s.state), c.state) + cell(w.kind(record.kind), c.kind)
                + (dueText.isEmpty ? cell(Self.applicantName(entry), c.applicant).trimmingTrailingSpaces
                                   : cell(Self.applicantName(entry), c.applicant) + dueText) + "\n"
            var notes: [String] = []
            if let intent = w.intent(s.intent) { notes.append(intent) }
            if let due {
                let label = s.refinementDeadline != nil
                    ? w.pick("пысықтау мерзімі", "срок доработки", "refinement")
                    : w.pick("қарау мерзімі", "срок рассмотрения", "review")
                let phrase = label + ": " + DeadlinePhrase.text(due, now: now, calendar: calendar, language: w.language)
                notes.append(now > due ? ink.alert(phrase) : phrase)
            }
            if !s.flags.isEmpty { notes.append(ink.warn("! " + s.flags.map(w.flag).joined(separator: ", "))) }
            if let others = duplicates[record.humanID], !others.isEmpty {
                notes.append(ink.warn(w.pick("қайталануы мүмкін: ", "возможный дубликат: ", "possible duplicate of ")
                                      + others.joined(separator: ", ")))
            }
            out += Self.wrap(notes, indent: "  ", width: Self.lineWidth)
        }
        return out
    }

    /// The name of whom the case is about: the organisation for an organisation, else the
    /// person; the address notices go to when no form named anyone.
    static func applicantName(_ entry: CaseWithApplicant) -> String {
        let a = entry.applicant
        let organisationFirst = entry.record.kind == "organization"
        let name = organisationFirst ? a?.organizationName ?? a?.fullName : a?.fullName ?? a?.organizationName
        return name ?? entry.record.replyTo ?? "-"
    }

    /// Pads to `width`, cutting with "…" so at least two spaces separate it from the next column.
    func cell(_ text: String, _ width: Int) -> String {
        let limit = width - 2
        let fitted = text.count > limit ? String(text.prefix(limit - 1)) + "…" : text
        return fitted + String(repeating: " ", count: width - fitted.count)
    }

    /// Joins the notes with " · ", starting a new line rather than running past `width`.
    /// Lengths ignore colour escapes, which take no room on the screen.
    static func wrap(_ notes: [String], indent: String, width: Int) -> String {
        guard !notes.isEmpty else { return "" }
        var out = "", line = indent, visible = indent.count
        for note in notes {
            let length = visibleLength(note)
            if visible > indent.count && visible + 3 + length > width {
                out += line + "\n"
                line = indent
                visible = indent.count
            }
            if visible > indent.count { line += " · "; visible += 3 }
            line += note
            visible += length
        }
        return out + line + "\n"
    }

    static func visibleLength(_ s: String) -> Int {
        var count = 0, inEscape = false
        for c in s.unicodeScalars {
            if inEscape { if c == "m" { inEscape = false }; continue }
            if c == "\u{1B}" { inEscape = true; continue }
            count += 1
        }
        return count
    }

    /// One case for scripts: the keys `cases list --json` always had, then the applicant and
    /// the running term counted in business days (negative when overdue).
    static func json(_ entry: CaseWithApplicant, now: LocalDateTime, calendar: BusinessCalendar) -> JSON {
        let record = entry.record, s = record.snapshot
        let due = CaseQuery.deadline(s)
        var pairs: [(String, JSON)] = [
            ("id", .string(record.humanID)),
            ("state", .optional(s.state?.rawValue)),
            ("intent", .string(s.intent.rawValue)),
            ("kind", .optional(record.kind)),
            ("language", .optional(record.language)),
            ("flags", .array(s.flags.map { .string($0.rawValue) })),
            ("reviewDeadline", .optional(s.reviewDeadline?.description)),
            ("refinementDeadline", .optional(s.refinementDeadline?.description)),
            ("missing", .array(s.missing.map(JSON.string))),
            ("replyTo", .optional(record.replyTo)),
            ("openedAt", .string(record.openedAt.description)),
            ("updatedAt", .string(record.updatedAt.description)),
        ]
        pairs.append(("applicant", entry.applicant.map { a in
            .object([("name", .string(applicantName(entry))), ("fullName", .optional(a.fullName)),
                     ("organizationName", .optional(a.organizationName)), ("iin", .optional(a.iin)),
                     ("bin", .optional(a.bin)), ("email", .optional(a.email)), ("phone", .optional(a.phone))])
        } ?? .null))
        pairs.append(("deadline", .optional(due?.description)))
        pairs.append(("deadlineKind", .optional(due == nil ? nil : s.refinementDeadline != nil ? "refinement" : "review")))
        pairs.append(("businessDaysLeft", due.map { d in
            .number(now > d ? -calendar.businessDays(from: d.date, to: now.date) : calendar.businessDays(from: now.date, to: d.date))
        } ?? .null))
        pairs.append(("overdue", due.map { .bool(now > $0) } ?? .null))
        return .object(pairs)
    }
}
