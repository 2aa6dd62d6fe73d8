import OrderedJSON
import Dates
import Service
import Cases
import Glibc
import Intake
import Store

/// `tizilim stats`: counts by state and kind, time to decision, and the legal terms met.
struct StatsCommand: Command {
    let name = "stats"
    let summary = "cases by state and kind, time to decision, terms met and missed"
    let synopsis = "stats [--since DATE] [--json] [--lang kk|ru|en]"
    let details = """
    Cases opened on or after --since (default: all), by state and by kind.
    Time to decision runs from a case's opening to its acceptance, refusal,
    change or termination (lower median, in business days and hours). The
    review term of p.10 runs from receipt, or from a refined resubmission, to
    the first answer (acceptance, refusal, request for refinement); it is met
    when the answer came by the close of the 5th business day.
    --json  one object: since, now, cases, byState, byKind, decisions,
            staffDecisions, medianMinutesToDecision, medianBusinessDaysToDecision,
            medianBusinessDaysToStaffDecision, review {met, missed, running,
            overdue}, refinement {answeredInTime, lapsed}
    """
    var options: [Arguments.Option] {
        [.value("since", "DATE", "only cases opened on or after DATE (2026-01-01)"),
         .flag("json", "one JSON object"),
         .value("lang", "kk|ru|en", "language (default: from the locale)"),
         .value("now", "ISO-DATETIME", "the clock for running terms")] + Configuration.options
    }

    func run(_ arguments: Arguments, console: Console) -> Int32 {
        guard arguments.operands.isEmpty else {
            console.error("tizilim stats: takes no operands. See 'tizilim help stats'.")
            return ExitCode.usage
        }
        let language: OperatorLanguage
        switch OperatorLanguage.resolve(arguments.value("lang")) {
        case .success(let l): language = l
        case .failure(let error):
            console.error("tizilim stats: \(error)")
            return ExitCode.usage
        }
        var since: CivilDate?
        if let text = arguments.value("since") {
            guard let date = CivilDate(iso: text) else {
                console.error("tizilim stats: --since '\(text)' is not a date like 2026-01-01")
                return ExitCode.usage
            }
            since = date
        }
        guard let now = CasesCommand.clock(arguments, console: console, command: "stats") else { return ExitCode.usage }
        let statistics: CaseStatistics
        let calendar: BusinessCalendar
        let reviewDays: Int
        do {
            let settings = try Settings(arguments)
            let database = try Installation.store(settings)
            let intake = try settings.intakeSettings()
            calendar = intake.calendar
            reviewDays = intake.policy.reviewDays
            let book = CaseBook(database)
            let cases = try book.list().map {
                CaseStatistics.Case(id: $0.id, openedAt: $0.openedAt, state: $0.snapshot.state, kind: $0.kind)
            }
            statistics = CaseStatistics(cases, events: try book.allEvents(), since: since, now: now,
                                        calendar: calendar, reviewDays: reviewDays)
        } catch let problem as Configuration.Problem {
            console.error("tizilim stats: \(problem)")
            return ExitCode.config
        } catch {
            console.error("tizilim stats: \(error)")
            return ExitCode.software
        }
        if arguments.has("json") {
            console.line(Self.json(statistics, since: since, now: now).serialized())
        } else {
            console.write(Self.text(statistics, since: since, reviewDays: reviewDays, wording: StaffWording(language: language)))
        }
        return ExitCode.ok
    }

    static func json(_ s: CaseStatistics, since: CivilDate?, now: LocalDateTime) -> JSON {
        .object([
            ("since", .optional(since?.description)),
            ("now", .string(now.description)),
            ("cases", .number(s.cases)),
            ("byState", .object(CaseState.allCases.map { ($0.rawValue, .number(s.byState[$0] ?? 0)) })),
            ("byKind", .object(s.byKind.keys.sorted().map { ($0.isEmpty ? "unknown" : $0, .number(s.byKind[$0]!)) })),
            ("decisions", .number(s.decisions)),
            ("staffDecisions", .number(s.staffDecisions)),
            ("medianMinutesToDecision", s.medianMinutesToDecision.map(JSON.number) ?? .null),
            ("medianBusinessDaysToDecision", s.medianBusinessDaysToDecision.map(JSON.number) ?? .null),
            ("medianBusinessDaysToStaffDecision", s.medianBusinessDaysToStaffDecision.map(JSON.number) ?? .null),
            ("review", .object([("met", .number(s.reviewMet)), ("missed", .number(s.reviewMissed)),
                                ("running", .number(s.reviewRunning)), ("overdue", .number(s.reviewOverdue))])),
            ("refinement", .object([("answeredInTime", .number(s.refinementAnswered)), ("lapsed", .number(s.refinementLapsed))])),
        ])
    }

    /// "  by state: under review 5 · accepted 15 · …", wrapped at 80 columns.
    static func labelled(_ label: String, _ items: [String]) -> String {
        guard let first = items.first else { return "" }
        return CaseTable.wrap([label + " " + first] + items.dropFirst(), indent: "  ", width: CaseTable.lineWidth)
    }

    static func text(_ s: CaseStatistics, since: CivilDate?, reviewDays: Int, wording w: StaffWording) -> String {
        var out = ""
        let from = since.map { StaffWording.day($0) }
        out += (from.map { w.pick("\($0) бастап ашылған істер", "Дела, открытые с \($0)", "Cases opened since \($0)") }
                ?? w.pick("Барлық істер", "Все дела", "All cases")) + ": \(s.cases)\n"
        let states = CaseState.allCases.compactMap { state in s.byState[state].map { w.state(state) + " \($0)" } }
        out += labelled(w.pick("күйі бойынша:", "по состоянию:", "by state:"), states)
        let kinds = s.byKind.keys.sorted().map { (($0.isEmpty ? w.pick("түрі белгісіз", "вид не указан", "unknown") : w.kind($0))
                                                  + " \(s.byKind[$0]!)") }
        out += labelled(w.pick("түрі бойынша:", "по виду:", "by kind:"), kinds)
        let automatic = s.decisions - s.staffDecisions
        out += w.pick("Шешімдер: \(s.decisions) (автоматты \(automatic), қызметкерлер \(s.staffDecisions))",
                      "Решения: \(s.decisions) (автоматически \(automatic), сотрудниками \(s.staffDecisions))",
                      "Decisions: \(s.decisions) (\(automatic) automatic, \(s.staffDecisions) by staff)") + "\n"
        if let minutes = s.medianMinutesToDecision, let days = s.medianBusinessDaysToDecision {
            let elapsed = "\(minutes / 60) " + w.pick("сағ", "ч", "h") + " \(minutes % 60) " + w.pick("мин", "мин", "min")
            out += "  " + w.pick("шешімге дейінгі медиана: \(days) жұмыс күні (\(elapsed))",
                                 "медиана до решения: \(days) \(DeadlinePhrase.russianDays(days)) (\(elapsed))",
                                 "median time to decision: \(days) business day\(days == 1 ? "" : "s") (\(elapsed))")
            if let staff = s.medianBusinessDaysToStaffDecision {
                out += w.pick("; қызметкерлер: \(staff) жұмыс күні", "; сотрудниками: \(staff) \(DeadlinePhrase.russianDays(staff))",
                              "; by staff: \(staff) business day\(staff == 1 ? "" : "s")")
            }
            out += "\n"
        }
        out += w.pick("Қарау мерзімі (\(reviewDays) жұмыс күні, 10-т.):", "Срок рассмотрения (\(reviewDays) рабочих дней, п. 10):",
                      "Review term (\(reviewDays) business days, p. 10):") + "\n"
        out += CaseTable.wrap([w.pick("сақталды", "соблюдён", "met") + " \(s.reviewMet)",
                               w.pick("бұзылды", "нарушен", "missed") + " \(s.reviewMissed)",
                               w.pick("жүріп жатыр", "идёт", "running") + " \(s.reviewRunning)",
                               w.pick("өтіп кетті", "просрочен", "overdue") + " \(s.reviewOverdue)"],
                              indent: "  ", width: CaseTable.lineWidth)
        out += w.pick("Пысықтау мерзімі (өтініш берушінің):", "Срок доработки (заявителя):", "Refinement term (the applicant's):") + "\n"
        out += CaseTable.wrap([w.pick("уақытында", "вовремя", "answered in time") + " \(s.refinementAnswered)",
                               w.pick("өтіп кетті", "истёк", "lapsed") + " \(s.refinementLapsed)"],
                              indent: "  ", width: CaseTable.lineWidth)
        return out
    }
}
