import OrderedJSON
import Annex2
import Cases
import Forms
import Intake
import Store

/// `cases show`: one case at a glance, as text for a person or JSON for a script.
struct CaseSheet {
    let dossier: CaseDossier
    let now: LocalDateTime
    let calendar: BusinessCalendar

    var record: CaseRecord { dossier.record }

    /// The running term and which it is: the applicant's refinement, else the officer's review.
    var deadline: (kind: String, at: LocalDateTime)? {
        let s = record.snapshot
        if let d = s.refinementDeadline { return ("refinement", d) }
        if let d = s.reviewDeadline { return ("review", d) }
        return nil
    }

    // MARK: text

    func text(_ w: StaffWording, ink: Ink) -> String {
        let s = record.snapshot
        func row(_ kk: String, _ ru: String, _ en: String, _ value: String) -> String {
            CaseSheet.aligned("  " + (w.pick(kk, ru, en) + ":").padding(to: 15), value)
        }
        var out = ink.bold(record.humanID) + "  " + w.state(s.state) + "  (" + w.kindOrUnknown(record.kind) + ")\n"
        if let intent = w.intent(s.intent) { out += "  " + intent + "\n" }
        out += row("Өтініш беруші", "Заявитель", "Applicant", applicantLine(w))
        out += row("Мекенжай", "Адрес", "Address", (record.replyTo ?? "-")
                   + (record.language.map { " [\($0)]" } ?? ""))
        if let office = dossier.office {
            out += row("Жіберген", "Переслал", "Forwarded by", office + w.pick(" (көшірме)", " (копия)", " (in copy)"))
        }
        out += row("Ашылды", "Открыто", "Opened", StaffWording.moment(record.openedAt))
        if let (kind, at) = deadline {
            let label = kind == "review" ? w.pick("қарау", "рассмотрение", "review") : w.pick("пысықтау", "доработка", "refinement")
            let phrase = DeadlinePhrase.text(at, now: now, calendar: calendar, language: w.language)
            let shown = row("Мерзім", "Срок", "Deadline", label + " " + StaffWording.moment(at) + " — " + phrase)
            out += now > at ? ink.alert(shown) : shown
        }
        if !s.flags.isEmpty {
            out += ink.warn(row("Белгілер", "Отметки", "Flags", "! " + s.flags.map(w.flag).joined(separator: ", ")))
        }
        for link in dossier.links {
            let line = CaseSheet.linkPhrase(link, w) + (link.reason.map { " — \($0)" } ?? "")
                + " (\(link.actor), \(StaffWording.moment(link.at)))"
            out += link.kind == .possibleDuplicate ? ink.warn(row("Байланыс", "Связь", "Linked", line)) : row("Байланыс", "Связь", "Linked", line)
        }
        if !s.missing.isEmpty {
            out += row("Түзетуге", "К доработке", "To fix", s.missing.map { w.shortField($0, width: 40) }.joined(separator: "; "))
        }
        if let number = dossier.registerEntry {
            out += row("Тізілім", "Реестр", "Register", w.pick("№ \(number) жазба", "запись № \(number)", "entry № \(number)"))
        }
        if let current = dossier.application {
            out += "\n" + ink.bold(w.pick("Өтініш", "Заявка", "Application")) + " ("
                + w.pick("\(number(of: current.message))-хат", "письмо \(number(of: current.message))",
                         "message \(number(of: current.message))") + "):\n"
            out += applicationText(current.record, w, ink: ink)
        }
        out += "\n" + ink.bold(w.pick("Хаттар", "Письма", "Messages")) + ":\n"
        for m in dossier.messages { out += messageText(m, w, ink: ink) }
        out += "\n" + ink.bold(w.pick("Тарихы", "История", "History")) + ":\n"
        for e in dossier.events {
            let event = e.event
            out += Self.aligned("  " + StaffWording.moment(event.at) + "  " + event.actor.padding(to: 10),
                                w.event(event.type) + (event.reason.map { ": " + w.reason(event.type, $0) } ?? ""))
        }
        if !dossier.notices.isEmpty {
            out += "\n" + ink.bold(w.pick("Хабарламалар", "Уведомления", "Notices")) + ":\n"
            for n in dossier.notices {
                var state = w.delivery(n.state.rawValue)
                // Sent within the minute it was queued is the usual case; a later time is news.
                if let sent = n.sentAt, StaffWording.moment(sent) != StaffWording.moment(n.createdAt) {
                    state += " " + StaffWording.moment(sent)
                }
                if n.state == .failed { state = ink.alert(state) }
                var why = n.lastError.map { " (\($0))" } ?? ""
                if n.state == .inDoubt {
                    // What to look for in the mail server's log, and the two answers.
                    state = ink.alert(state) + " <\(n.messageID)>: " + w.pick(
                        "пошта журналын тексеріп, 'cases resend' не 'cases confirm-sent' орындаңыз",
                        "проверьте журнал почты, затем 'cases resend' или 'cases confirm-sent'",
                        "check the mail server's log, then 'cases resend' or 'cases confirm-sent'")
                    why = ""
                }
                out += Self.aligned("  " + StaffWording.moment(n.createdAt) + "  ",
                                    w.notice(n.notice) + " → " + n.recipient + ": " + state + why)
            }
        }
        return out
    }

    func applicantLine(_ w: StaffWording) -> String {
        let a = dossier.applicant ?? dossier.application?.record.identity
        let parts = [a?.fullName, a?.organizationName, a?.iin.map { w.pick("ЖСН ", "ИИН ", "IIN ") + $0 },
                     a?.bin.map { w.pick("БСН ", "БИН ", "BIN ") + $0 }, a?.email, a?.phone]
            .compactMap { $0 }
        return parts.isEmpty ? "-" : parts.joined(separator: " · ")
    }

    func number(of message: StoredMessage) -> Int {
        (dossier.messages.firstIndex { $0.stored.id == message.id } ?? 0) + 1
    }

    /// `lead` then `value`, the value's words wrapped under themselves so no line passes 79
    /// columns (the lead's width is what the value lines up with).
    static func aligned(_ lead: String, _ value: String) -> String {
        let indent = lead.count
        let lines = StaffWording.wrap(value, width: max(20, CaseTable.lineWidth - indent))
        return lead + lines.joined(separator: "\n" + String(repeating: " ", count: indent)) + "\n"
    }

    func applicationText(_ application: ApplicationRecord, _ w: StaffWording, ink: Ink) -> String {
        let object = JSON.foundationObject(application.json) as? [String: Any] ?? [:]
        var out = ""
        let outcome: String
        switch application.outcome {
        case "complete": outcome = w.pick("толық", "полная", "complete")
        case "incomplete": outcome = w.pick("толық емес", "неполная", "incomplete")
        case "unreadable": outcome = w.pick("оқылмайды", "не читается", "unreadable")
        default: outcome = w.pick("өтініш емес", "не заявка", "not an application")
        }
        out += "  " + w.kindOrUnknown(application.kind) + ", " + outcome + (application.language.map { " [\($0)]" } ?? "") + "\n"
        let fields = object["fields"] as? [String: Any] ?? [:]
        let entered = object["staffEntered"] as? [String: Any] ?? [:]
        let invalid = object["invalid"] as? [[String: Any]] ?? []
        for field in FormField.allCases {
            guard let value = fields[field.rawValue].flatMap(ReadingDiff.text) else { continue }
            var shown = value + RecognitionNote.field(field.rawValue, in: object, w.pick)
            if let who = (entered[field.rawValue] as? [String: Any])?["actor"] as? String {
                shown += " " + w.pick("(қызметкер енгізді: \(who))", "(внесено сотрудником: \(who))", "(staff-entered by \(who))")
            }
            var line = Self.aligned("    " + (w.shortField(field.rawValue) + ":").padding(to: 25), shown)
            if invalid.contains(where: { $0["field"] as? String == field.rawValue }) { line = ink.warn(line) }
            out += line
        }
        if let who = (entered["kind"] as? [String: Any])?["actor"] as? String {
            out += "    " + ink.dim(w.pick("түрін қызметкер енгізді: \(who)", "вид указан сотрудником: \(who)", "kind staff-entered by \(who)")) + "\n"
        }
        let missing = object["missing"] as? [String] ?? []
        if !missing.isEmpty {
            out += ink.warn(Self.aligned("    ", w.pick("Жоқ: ", "Не хватает: ", "Missing: ")
                                                + missing.map { w.shortField($0, width: 40) }.joined(separator: "; ")))
        }
        for item in invalid {
            let reason = w.pick(item["kk"] as? String ?? "", item["ru"] as? String ?? "", item["reason"] as? String ?? "")
            out += ink.warn(Self.aligned("    ", w.pick("Қате: ", "Ошибка: ", "Invalid: ")
                                         + w.shortField(item["field"] as? String ?? "", width: 40) + ": " + reason))
        }
        for line in RecognitionNote.sources(in: object, w.pick) { out += ink.warn(Self.aligned("    ", line)) }
        for item in object["unreadable"] as? [[String: Any]] ?? [] {
            out += ink.warn(Self.aligned("    ", w.pick("Оқылмады", "Не прочитано", "Unreadable") + " " + (item["part"] as? String ?? "")
                                         + " " + (item["filename"] as? String ?? "") + ": " + (item["reason"] as? String ?? "")))
        }
        for conflict in object["conflicts"] as? [String] ?? [] { out += ink.warn(Self.aligned("    ", conflict)) }
        for item in object["signatures"] as? [[String: Any]] ?? [] {
            let line = SignatureLine(json: item)
            let text = Self.aligned("    ", line.text(w.language))
            out += line.verified ? text : ink.dim(text)
        }
        for mismatch in object["signerMismatches"] as? [String] ?? [] { out += ink.warn(Self.aligned("    ", mismatch)) }
        for doubt in object["doubts"] as? [String] ?? [] { out += ink.warn(Self.aligned("    ", "in doubt: " + doubt)) }
        return out
    }

    func messageText(_ m: MessageSummary, _ w: StaffWording, ink: Ink) -> String {
        var out = "  [\(m.number)] " + StaffWording.moment(m.stored.receivedAt) + "  " + w.disposition(m.stored.disposition) + "\n"
        func row(_ label: String, _ value: String) { out += Self.aligned("      " + (label.isEmpty ? "" : label + ":").padding(to: 10), value) }
        row(w.pick("Кімнен", "От", "From"), m.from.map(MessageSummary.show) ?? m.stored.sender ?? "-")
        row(w.pick("Тақырыбы", "Тема", "Subject"), m.subject ?? "-")
        if let date = m.date { row(w.pick("Күні", "Дата", "Date"), StaffWording.moment(date)) }
        if let problem = m.problem { out += "      " + ink.alert(problem) + "\n" }
        for (i, file) in m.attachments.enumerated() {
            let label = i == 0 ? w.pick("Файлдар", "Файлы", "Files") : ""
            row(label, file.part.padding(to: 5) + (file.filename ?? "-") + "  " + file.contentType + "  "
                + ParseReport.humanSize(file.size))
        }
        return out
    }

    /// "possible duplicate of VR-…", "merged into VR-…", "split from VR-…", in the staff's language.
    static func linkPhrase(_ link: CaseLink, _ w: StaffWording) -> String {
        let other = link.otherHumanID
        switch (link.kind, link.outgoing) {
        case (.possibleDuplicate, _):
            return w.pick("\(other) ісінің қайталануы мүмкін", "возможный дубликат \(other)", "possible duplicate of \(other)")
        case (.merged, true): return w.pick("\(other) осы іске біріктірілді", "\(other) объединено с этим делом", "\(other) merged into this case")
        case (.merged, false): return w.pick("\(other) ісіне біріктірілді", "объединено с \(other)", "merged into \(other)")
        case (.split, true): return w.pick("хат \(other) ісіне бөлінді", "письмо выделено в \(other)", "a letter split out into \(other)")
        case (.split, false): return w.pick("\(other) ісінен бөлінді", "выделено из \(other)", "split from \(other)")
        }
    }

    // MARK: JSON

    /// `cases list --json`'s keys for the case, then what only `show` has.
    var json: JSON {
        guard case .object(var pairs) = CaseTable.json(CaseWithApplicant(record: record, applicant: dossier.applicant),
                                                        now: now, calendar: calendar) else { return .null }
        pairs.append(("registerEntry", dossier.registerEntry.map(JSON.number) ?? .null))
        pairs.append(("office", .optional(dossier.office)))
        pairs.append(("links", .array(dossier.links.map { l in
            .object([("case", .string(l.otherHumanID)), ("kind", .string(l.kind.rawValue)), ("outgoing", .bool(l.outgoing)),
                     ("reason", .optional(l.reason)), ("actor", .string(l.actor)), ("at", .string(l.at.description))])
        })))
        pairs.append(("application", dossier.application.map(applicationJSON) ?? .null))
        pairs.append(("events", .array(dossier.events.map { e in
            .object([("at", .string(e.event.at.description)), ("actor", .string(e.event.actor)),
                     ("type", .string(e.event.type)), ("reason", .optional(e.event.reason))])
        })))
        pairs.append(("messages", .array(dossier.messages.map(messageJSON))))
        pairs.append(("notices", .array(dossier.notices.map { n in
            .object([("notice", .string(n.notice)), ("to", .string(n.recipient)), ("messageId", .string(n.messageID)),
                     ("state", .string(n.state.rawValue)), ("attempts", .number(n.attempts)),
                     ("createdAt", .string(n.createdAt.description)), ("sentAt", .optional(n.sentAt?.description)),
                     ("lastError", .optional(n.lastError))])
        })))
        pairs.append(("timers", .array(dossier.timers.map { t in
            .object([("kind", .string(t.kind.rawValue)), ("dueAt", .string(t.dueAt.description))])
        })))
        return .object(pairs)
    }

    func applicationJSON(_ current: Intake.CurrentApplication) -> JSON {
        let reading = JSON.foundationObject(current.record.json).map(JSON.init(foundation:)) ?? .null
        let corrections: [JSON] = current.corrections.map { c in
            let value = (JSON.foundationObject("[\(c.value)]") as? [Any])?.first.map(JSON.init(foundation:)) ?? .null
            return .object([("field", .string(c.field)), ("value", value), ("actor", .string(c.actor)),
                            ("at", .string(c.at.description))])
        }
        return .object([("message", .number(number(of: current.message))), ("reading", reading),
                        ("corrections", .array(corrections))])
    }

    func messageJSON(_ m: MessageSummary) -> JSON {
        let attachments: [JSON] = m.attachments.map { a in
            .object([("part", .string(a.part)), ("filename", .optional(a.filename)),
                     ("contentType", .string(a.contentType)), ("size", .number(a.size))])
        }
        var pairs: [(String, JSON)] = [
            ("receivedAt", .string(m.stored.receivedAt.description)), ("messageId", .optional(m.stored.messageID)),
            ("from", .optional(m.stored.sender)), ("subject", .optional(m.stored.subject)),
            ("path", .string(m.stored.maildirPath)), ("sha256", .string(m.stored.sha256)),
            ("disposition", .optional(m.stored.disposition)),
        ]
        pairs += [("number", .number(m.number)), ("fromName", .optional(m.from?.name)), ("date", .optional(m.date?.description)),
                  ("attachments", .array(attachments)), ("problem", .optional(m.problem))]
        return .object(pairs)
    }
}
