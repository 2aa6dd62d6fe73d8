import Annex2
import Service
import Cases
import Forms
import Glibc
import Intake
import Store

/// `tizilim cases`: the officer's desk. What needs a person, one case in full, its files, and
/// the decisions and corrections staff make, each recorded with their login.
struct CasesCommand: Command {
    let name = "cases"
    let summary = "what needs a person: list, show, open, decide and correct cases"
    let synopsis = "cases [list] [--all] [--state S] [--kind K] [--flagged]\n"
        + "                     [--due-before DATE] [--search TEXT] [--json]\n"
        + "       tizilim cases show ID [--json]\n"
        + "       tizilim cases open ID [PART] [--message N] [--output PATH|-]\n"
        + "       tizilim cases accept|unflag|reparse ID\n"
        + "       tizilim cases refine ID --missing F [--note T] | refuse ID --reason T\n"
        + "       tizilim cases note ID TEXT | edit ID FIELD=VALUE...\n"
        + "       tizilim cases resend|confirm-sent ID\n"
        + "       tizilim cases merge A B | split A MESSAGE"
    let details = """
    list (the default)
        Cases that need a person first: flagged cases, then cases under review,
        then cases waiting for the applicant's refinement, each by its running
        deadline, soonest first. Decided and closed cases without a flag are left
        out unless --all, --state or --search asks for them. A line per case:
        number, state, kind, applicant (the name from the form, else the
        address), deadline dd.mm.yyyy; under it the deadline in business days
        ("in 2 business days", "overdue by 1 business day") and the flags.
        --state    under-review, refinement-requested, accepted, refused,
                   change-applied, terminated or closed
        --kind     volunteer, group, organization, coordinator or organizer
        --search   case number, name, organisation, IIN, BIN, e-mail or phone
        --json     one object per case per line, the same cases in the same
                   order: id, state, intent, kind, language, flags,
                   reviewDeadline, refinementDeadline, missing, replyTo,
                   openedAt, updatedAt, applicant, deadline, deadlineKind,
                   businessDaysLeft (negative when overdue), overdue
    show ID
        The applicant; the fields read, missing and invalid ones marked and
        staff-entered ones named; the messages with their files (part numbers,
        sizes); the history (when, who, what, why); the notices and their
        delivery; the running deadline. 'tizilim cases VR-2026-000123' is the same.
    open ID [PART]
        Writes a file of the case (PART: a part number from 'show', such as 2 or
        2.1, or the file's name) or, without PART, the whole message, from the
        newest message that has it unless --message N. --output PATH names the
        file; an existing folder receives it under its sanitised name; - is
        standard output. By default it goes into the current folder. Nothing is
        ever overwritten.
    accept ID           accept: the register entry is made, the notice queued
    refine ID --missing FIELD [--missing FIELD...] [--note TEXT]
                        send it back naming what to fix (iin, phone, or short
                        texts); the applicant gets 3 business days
    refuse ID --reason TEXT    refuse, with the reason the applicant reads
    note ID TEXT        a note in the case's history
    unflag ID           the flags are answered
    --editor            write the note or the reason in $VISUAL or $EDITOR
    reparse ID
        Reads the case's messages again with the current parser (after an
        upgrade) and shows what changed. Recorded as a note; it decides nothing
        and sends nothing.
    edit ID FIELD=VALUE...
        Corrects fields read from a scan or read wrong (iin=..., fullName=...,
        phone=..., kind=volunteer), checked like the applicant's values and
        recorded as staff-entered with your login. Later decisions, notices and
        the register use them.
    resend ID
    confirm-sent ID
        For a case flagged notice-in-doubt: the daemon was stopped while the
        SMTP server was taking a notice, and does not send it again by itself.
        Look its Message-ID ('show' lists it) up in the mail server's log: not
        there, 'resend' queues the case's notices in doubt again; there,
        'confirm-sent' marks them sent. Either lowers the flag.
    merge A B
        Case B is the same applicant's as A (a possible duplicate): B's letters
        and history go into A, B is closed as merged. Refused when they name
        different IINs or BINs, or B made a register entry.
    split A MESSAGE
        A letter of A (its number in 'show', or its Message-ID) is someone
        else's: it goes into a new case of its own, under review, no notice
        sent. A merge is undone by a split and a split by a merge.
    Decisions and corrections are recorded with your login (SUDO_USER first).
    Staff run these commands as the service user: sudo -u tizilim tizilim cases.
    A decision the case's state does not allow says why and changes nothing.
    --lang kk|ru|en sets the language (else the locale); --now the clock the
    business days are counted from.
    """
    var options: [Arguments.Option] {
        [.value("state", "STATE", "only cases in this state"),
         .value("kind", "KIND", "only applicants of this kind"),
         .flag("flagged", "only flagged cases"),
         .value("due-before", "DATE", "only cases with a running deadline by DATE"),
         .value("search", "TEXT", "cases whose number or applicant contains TEXT"),
         .flag("all", "decided and closed cases too"),
         .flag("json", "JSON output"),
         .value("lang", "kk|ru|en", "language (default: from the locale)"),
         .value("now", "ISO-DATETIME", "the clock deadlines are counted from"),
         .value("message", "N", "open: the case's N-th message"),
         .value("output", "PATH", "open: file or folder to write, - for stdout"),
         .value("missing", "FIELD", "refine: a field to fix (repeatable)"),
         .value("note", "TEXT", "refine: a note for the applicant"),
         .value("reason", "TEXT", "refuse: the reason"),
         .flag("editor", "write the text in $EDITOR")] + Configuration.options
    }

    func run(_ arguments: Arguments, console: Console) -> Int32 {
        var operands = arguments.operands
        var action = "list"
        if let first = operands.first {
            if first.uppercased().hasPrefix("VR-") { action = "show" } else { action = operands.removeFirst() }
        }
        let language: OperatorLanguage
        switch OperatorLanguage.resolve(arguments.value("lang")) {
        case .success(let l): language = l
        case .failure(let error):
            console.error("tizilim cases: \(error)")
            return ExitCode.usage
        }
        let wording = StaffWording(language: language)
        let settings: Settings
        do {
            settings = try Settings(arguments)
        } catch {
            console.error("tizilim cases: \(error)")
            return ExitCode.config
        }
        if StaffDecisionCommand.actions.contains(action) {
            do {
                _ = try Installation.existingStore(settings)
            } catch {
                console.error("tizilim cases: \(error)")
                return ExitCode.config
            }
            return StaffDecisionCommand(console: console, wording: wording)
                .run(action, operands, arguments: arguments, settings: settings)
        }
        let database: Database
        let intake: Intake
        do {
            database = try Self.openStore(settings)
            intake = Intake(database: database, settings: try settings.intakeSettings())
        } catch {
            console.error("tizilim cases: \(error)")
            return ExitCode.config
        }
        let correction = CaseCorrectionCommand(console: console, wording: wording)
        do {
            switch (action, operands.count) {
            case ("list", 0): return try list(arguments, intake: intake, wording: wording, console: console)
            case ("show", 1): return try show(operands[0], arguments, intake: intake, wording: wording, console: console)
            case ("open", _):
                return CaseExport(console: console).run(operands, arguments: arguments, database: database,
                                                        legacyCharset: intake.settings.legacyCharset)
            case ("merge", 2), ("split", 2):
                guard let now = Self.clock(arguments, console: console, command: "cases \(action)") else { return ExitCode.usage }
                return CaseLinkCommand(console: console, wording: wording).run(action, operands, intake: intake, now: now)
            case ("reparse", _): return correction.reparse(operands, intake: intake)
            case ("edit", _): return correction.edit(operands, intake: intake)
            case ("resend", _), ("confirm-sent", _):
                guard let now = Self.clock(arguments, console: console, command: "cases \(action)") else { return ExitCode.usage }
                return NoticeSettlementCommand(console: console, wording: wording).run(action, operands, intake: intake, now: now)
            default:
                console.error("tizilim cases: no action '\(([action] + operands).joined(separator: " "))'; "
                              + "expected list, show ID, open ID, accept, refine, refuse, note, unflag, reparse, edit, "
                              + "merge A B, split A MESSAGE, "
                              + "resend or confirm-sent. "
                              + "See 'tizilim help cases'.")
                return ExitCode.usage
            }
        } catch {
            console.error("tizilim cases: \(error)")
            return ExitCode.software
        }
    }

    /// How long a staff command waits for the daemon's transaction. The daemon's own 10 seconds
    /// suit a machine; a person would rather wait a minute than be told "database is locked" and
    /// have to type the decision again.
    static let patienceMilliseconds: Int32 = 60_000

    static let busy = "the store stayed locked for a minute (a long 'tizilim serve' pass?); try again"

    /// The store, which must exist (staff commands never create one), opened with staff's patience.
    static func openStore(_ settings: Settings) throws -> Database {
        try Installation.store(settings, busyTimeoutMilliseconds: patienceMilliseconds)
    }

    /// `--now`, else the real clock; nil (after saying why) for a value that is not a time.
    static func clock(_ arguments: Arguments, console: Console, command: String) -> LocalDateTime? {
        guard let text = arguments.value("now") else { return LocalDateTime(utcSeconds: Int64(time(nil))) }
        guard let moment = CalendarCommand.parseMoment(text, workingHours: .default) else {
            console.error("tizilim \(command): --now '\(text)' is not a date-time like 2026-03-20T10:00")
            return nil
        }
        return moment
    }

    func query(_ arguments: Arguments, console: Console) -> CaseQuery? {
        var query = CaseQuery(flaggedOnly: arguments.has("flagged"), search: arguments.value("search"), all: arguments.has("all"))
        if let text = arguments.value("state") {
            guard let state = CaseState(rawValue: text) else {
                console.error("tizilim cases: no state '\(text)'; states: " + CaseState.allCases.map(\.rawValue).joined(separator: ", "))
                return nil
            }
            query.state = state
        }
        if let text = arguments.value("kind") {
            let aliases = ["organisation": "organization", "organiser": "organizer"]
            guard let kind = ApplicantKind(rawValue: aliases[text] ?? text) else {
                console.error("tizilim cases: no kind '\(text)'; kinds: " + ApplicantKind.allCases.map(\.rawValue).joined(separator: ", "))
                return nil
            }
            query.kind = kind.rawValue
        }
        if let text = arguments.value("due-before") {
            guard var moment = CalendarCommand.parseMoment(text, workingHours: .default) else {
                console.error("tizilim cases: --due-before '\(text)' is not a date like 2026-03-20")
                return nil
            }
            // A bare date means the whole day.
            if !text.contains("T") && !text.contains(" ") { moment = LocalDateTime(date: moment.date, hour: 23, minute: 59, second: 59) }
            query.dueBefore = moment
        }
        return query
    }

    func list(_ arguments: Arguments, intake: Intake, wording: StaffWording, console: Console) throws -> Int32 {
        guard let query = query(arguments, console: console),
              let now = Self.clock(arguments, console: console, command: "cases") else { return ExitCode.usage }
        let all = try CasesWithApplicants(intake.database).entries()
        let cases = query.ordered(all)
        let calendar = intake.settings.calendar
        if arguments.has("json") {
            for entry in cases { console.line(CaseTable.json(entry, now: now, calendar: calendar).serialized()) }
            return ExitCode.ok
        }
        let w = wording
        if cases.isEmpty {
            console.line(w.pick("Іс жоқ.", "Дел нет.", "No cases."))
        } else {
            var table = CaseTable(now: now, calendar: calendar, wording: w, ink: Ink(enabled: console.usesColor))
            table.duplicates = try CaseLinks(intake.database).duplicates()
            console.write(table.render(cases))
        }
        var footer = w.pick("Көрсетілді: \(cases.count) / \(all.count) іс", "Показано дел: \(cases.count) из \(all.count)",
                            "\(cases.count) of \(all.count) cases")
        if !query.all && query.state == nil && query.search == nil {
            footer += w.pick("; шешілген және жабылған істер: --all", "; решённые и закрытые: --all", "; decided and closed ones: --all")
        }
        console.line(footer)
        return ExitCode.ok
    }

    func show(_ id: String, _ arguments: Arguments, intake: Intake, wording: StaffWording, console: Console) throws -> Int32 {
        guard let now = Self.clock(arguments, console: console, command: "cases") else { return ExitCode.usage }
        guard let record = try CaseBook(intake.database).find(humanID: id.uppercased()) else {
            console.error("tizilim cases: no case \(id)")
            return ExitCode.noInput
        }
        let sheet = CaseSheet(dossier: try CaseDossier.load(record, intake: intake), now: now, calendar: intake.settings.calendar)
        if arguments.has("json") {
            console.line(sheet.json.serialized())
        } else {
            console.write(sheet.text(wording, ink: Ink(enabled: console.usesColor)))
        }
        return ExitCode.ok
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
            let settings = try Settings(arguments)
            _ = try settings.intakeSettings()
            for key in ["imap_password_file", "smtp_password_file"] { _ = try settings.secret(key) }
            console.write(settings.configuration.describe())
            return ExitCode.ok
        } catch {
            console.error("tizilim config: \(error)")
            return ExitCode.config
        }
    }
}
