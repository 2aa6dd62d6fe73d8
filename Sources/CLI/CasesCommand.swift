import Cases
import Intake
import Store

/// `tizilim cases`: what the store knows about cases, for staff and for scripts.
struct CasesCommand: Command {
    let name = "cases"
    let summary = "list cases and show one with its history, messages and notices"
    let synopsis = "cases list|show ID|accept ID|refine ID --missing F|refuse ID --reason T|note ID TEXT|unflag ID"
    let details = """
    list             cases oldest first; --state under-review|refinement-requested|accepted|refused|
                     change-applied|terminated|closed; --flagged only those waiting for staff;
                     --due-before DATE those whose running deadline ends by DATE (2026-03-20 or a
                     date-time)
    show ID          one case (VR-2026-000123): state, flags, deadlines, every event with who did
                     it, the messages taken, the notices and their delivery
    --json           one JSON object per case per line (list), or one object (show)
    accept ID        accept: the register entry is made and the acceptance notice queued
    refine ID --missing FIELD [--missing FIELD…] [--note TEXT]
                     send the application back, naming what to fix (field names such as iin,
                     phone, or short texts); the applicant gets 3 business days
    refuse ID --reason TEXT   refuse, with the reason the applicant reads
    note ID TEXT     a note in the case's history
    unflag ID        the flags are answered
    Each decision is recorded with the login of who made it (SUDO_USER first).
    """
    var options: [Arguments.Option] {
        [.value("state", "STATE", "only cases in this state"),
         .flag("flagged", "only flagged cases"),
         .value("due-before", "DATE", "only cases with a deadline by DATE"),
         .flag("json", "JSON output"),
         .value("missing", "FIELD", "refine: a field to fix (repeatable, or comma-separated)"),
         .value("note", "TEXT", "refine: a note for the applicant"),
         .value("reason", "TEXT", "refuse: the reason")] + Configuration.options
    }

    func run(_ arguments: Arguments, console: Console) -> Int32 {
        var operands = arguments.operands
        guard !operands.isEmpty else {
            console.error("tizilim cases: say list or show ID. See 'tizilim help cases'.")
            return ExitCode.usage
        }
        let action = operands.removeFirst()
        if StaffDecisionCommand.actions.contains(action) {
            do {
                let configuration = try Configuration(arguments)
                _ = try Site.store(configuration)
                return StaffDecisionCommand(console: console).run(action, operands, arguments: arguments,
                                                                  configuration: configuration)
            } catch {
                console.error("tizilim cases: \(error)")
                return ExitCode.config
            }
        }
        let database: Database
        do {
            database = try Site.store(try Configuration(arguments))
        } catch {
            console.error("tizilim cases: \(error)")
            return ExitCode.config
        }
        do {
            switch (action, operands.count) {
            case ("list", 0): return try list(arguments, database: database, console: console)
            case ("show", 1): return try show(operands[0], json: arguments.has("json"), database: database, console: console)
            default:
                console.error("tizilim cases: expected '\(synopsis)'. See 'tizilim help cases'.")
                return ExitCode.usage
            }
        } catch {
            console.error("tizilim cases: \(error)")
            return ExitCode.software
        }
    }

    func list(_ arguments: Arguments, database: Database, console: Console) throws -> Int32 {
        var filter = CaseBook.Filter(flaggedOnly: arguments.has("flagged"))
        if let text = arguments.value("state") {
            guard let state = CaseState(rawValue: text) else {
                console.error("tizilim cases: no state '\(text)'; states: "
                              + CaseState.allCases.map(\.rawValue).joined(separator: ", "))
                return ExitCode.usage
            }
            filter.state = state
        }
        if let text = arguments.value("due-before") {
            guard var moment = CalendarCommand.parseMoment(text, workingHours: .default) else {
                console.error("tizilim cases: --due-before '\(text)' is not a date like 2026-03-20")
                return ExitCode.usage
            }
            // A bare date means the whole day.
            if !text.contains("T") && !text.contains(" ") { moment = LocalDateTime(date: moment.date, hour: 23, minute: 59, second: 59) }
            filter.dueBefore = moment
        }
        let cases = try CaseBook(database).list(filter)
        if arguments.has("json") {
            for record in cases { console.line(Self.json(record).serialized()) }
            return ExitCode.ok
        }
        if cases.isEmpty {
            console.line("no cases")
            return ExitCode.ok
        }
        console.line("ID".padding(to: 16) + "STATE".padding(to: 22) + "KIND".padding(to: 14) + "DUE".padding(to: 18) + "FLAGS / ADDRESS")
        for record in cases {
            let s = record.snapshot
            let due = (s.refinementDeadline ?? s.reviewDeadline).map(Self.short) ?? "-"
            let flags = s.flags.map(\.rawValue).joined(separator: ",")
            console.line(record.humanID.padding(to: 16) + (s.state?.rawValue ?? "?").padding(to: 22)
                         + (record.kind ?? "-").padding(to: 14) + due.padding(to: 18)
                         + (flags.isEmpty ? "" : flags + " ") + (record.replyTo ?? ""))
        }
        return ExitCode.ok
    }

    func show(_ id: String, json: Bool, database: Database, console: Console) throws -> Int32 {
        let book = CaseBook(database)
        guard let record = try book.find(humanID: id.uppercased()) else {
            console.error("tizilim cases: no case \(id)")
            return ExitCode.noInput
        }
        let events = try book.events(caseID: record.id)
        let messages = try MessageLog(database).messages(caseID: record.id)
        let notices = try Outbox(database).items(caseID: record.id)
        let timers = try book.armedTimers(caseID: record.id)
        if json {
            guard case .object(var pairs) = Self.json(record) else { return ExitCode.software }
            pairs.append(("events", .array(events.map { e in
                .object([("at", .string(e.event.at.description)), ("actor", .string(e.event.actor)),
                         ("type", .string(e.event.type)), ("reason", .optional(e.event.reason))])
            })))
            pairs.append(("messages", .array(messages.map { m in
                .object([("receivedAt", .string(m.receivedAt.description)), ("messageId", .optional(m.messageID)),
                         ("from", .optional(m.sender)), ("subject", .optional(m.subject)), ("path", .string(m.maildirPath)),
                         ("sha256", .string(m.sha256)), ("disposition", .optional(m.disposition))])
            })))
            pairs.append(("notices", .array(notices.map { n in
                .object([("notice", .string(n.notice)), ("to", .string(n.recipient)), ("messageId", .string(n.messageID)),
                         ("state", .string(n.state.rawValue)), ("attempts", .number(n.attempts)),
                         ("createdAt", .string(n.createdAt.description)), ("sentAt", .optional(n.sentAt?.description)),
                         ("lastError", .optional(n.lastError))])
            })))
            pairs.append(("timers", .array(timers.map { t in
                .object([("kind", .string(t.kind.rawValue)), ("dueAt", .string(t.dueAt.description))])
            })))
            console.line(JSON.object(pairs).serialized())
            return ExitCode.ok
        }
        let s = record.snapshot
        var out = "\(record.humanID)  \(s.state?.rawValue ?? "?")  (\(s.intent.rawValue)\(record.kind.map { ", " + $0 } ?? ""))\n"
        out += "  applicant:  \(record.replyTo ?? "-")\(record.language.map { " [\($0)]" } ?? "")\n"
        out += "  opened:     \(Self.short(record.openedAt))\n"
        if let d = s.reviewDeadline { out += "  review by:  \(Self.short(d))\n" }
        if let d = s.refinementDeadline { out += "  refine by:  \(Self.short(d))\n" }
        if !s.flags.isEmpty { out += "  flags:      \(s.flags.map(\.rawValue).joined(separator: ", "))\n" }
        if !s.missing.isEmpty { out += "  to fix:     \(s.missing.joined(separator: ", "))\n" }
        out += "history:\n"
        for e in events {
            out += "  \(Self.short(e.event.at))  \(e.event.actor.padding(to: 10))\(e.event.type)"
                + (e.event.reason.map { ": " + $0 } ?? "") + "\n"
        }
        out += "messages:\n"
        for m in messages {
            out += "  \(Self.short(m.receivedAt))  \((m.disposition ?? "").padding(to: 12))\(m.sender ?? "-")  \"\(m.subject ?? "")\"\n"
            out += "      \(m.maildirPath)\n"
        }
        if !notices.isEmpty {
            out += "notices:\n"
            for n in notices {
                out += "  \(Self.short(n.createdAt))  \(n.notice.padding(to: 22))\(n.state.rawValue) → \(n.recipient)"
                    + (n.lastError.map { " (\($0))" } ?? "") + "\n"
            }
        }
        console.write(out)
        return ExitCode.ok
    }

    static func short(_ t: LocalDateTime) -> String {
        "\(t.date) \(CivilDate.pad(t.hour, 2)):\(CivilDate.pad(t.minute, 2))"
    }

    static func json(_ record: CaseRecord) -> JSON {
        let s = record.snapshot
        return .object([
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
        ])
    }
}

struct ConfigCommand: Command {
    let name = "config"
    let summary = "check the configuration and print it as the daemon would use it"
    let synopsis = "config check [--config FILE] [--KEY VALUE...]"
    let details = "Reads the file and flags, validates every key, and prints the effective values with where each came from; password files are named, never read out."
    var options: [Arguments.Option] { Configuration.options }

    func run(_ arguments: Arguments, console: Console) -> Int32 {
        guard arguments.operands == ["check"] else {
            console.error("tizilim config: expected 'config check'. See 'tizilim help config'.")
            return ExitCode.usage
        }
        do {
            let configuration = try Configuration(arguments)
            _ = try configuration.intakeSettings()
            for key in ["imap_password_file", "smtp_password_file"] { _ = try configuration.secret(key) }
            console.write(configuration.describe())
            return ExitCode.ok
        } catch {
            console.error("tizilim config: \(error)")
            return ExitCode.config
        }
    }
}
