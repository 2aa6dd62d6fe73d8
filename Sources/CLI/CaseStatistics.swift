import Dates
import Cases

/// How the office is doing, from the cases and their histories: what `tizilim stats` reports.
///
/// The review term (Rules p.10) runs from an application's receipt, or from a refined
/// resubmission, until the officer's first answer: acceptance, refusal or a request for
/// refinement. It is met when that answer came by the close of the fifth business day, the
/// same deadline the case machine sets. The applicant's refinement term is met by a
/// resubmission before it lapses.
struct CaseStatistics: Equatable {
    var cases = 0
    var byState: [CaseState: Int] = [:]
    /// By applicant kind; "" for cases whose kind is not known.
    var byKind: [String: Int] = [:]
    var decisions = 0
    var staffDecisions = 0
    /// Lower medians, in minutes and in business days, from opening to the decision.
    var medianMinutesToDecision: Int?
    var medianBusinessDaysToDecision: Int?
    var medianBusinessDaysToStaffDecision: Int?
    var reviewMet = 0
    var reviewMissed = 0
    var reviewRunning = 0
    var reviewOverdue = 0
    var refinementAnswered = 0
    var refinementLapsed = 0

    static let decisive: Set<String> = ["accepted", "refused", "change-applied", "terminated"]
    static let answers: Set<String> = decisive.union(["refinement-requested"])

    init() {}

    /// What the statistics need of a case besides its history.
    struct Case {
        let id: Int64
        let openedAt: LocalDateTime
        let state: CaseState?
        let kind: String?
    }

    init(_ records: [Case], events: [Int64: [CaseEvent]], since: CivilDate?, now: LocalDateTime,
         calendar: BusinessCalendar, reviewDays: Int) {
        var minutes: [Int] = [], days: [Int] = [], staffDays: [Int] = []
        for record in records where since.map({ record.openedAt.date >= $0 }) ?? true {
            cases += 1
            if let state = record.state { byState[state, default: 0] += 1 }
            byKind[record.kind ?? "", default: 0] += 1
            let history = events[record.id] ?? []
            if let decision = history.first(where: { Self.decisive.contains($0.type) }) {
                decisions += 1
                minutes.append(Int((decision.at.utcSeconds - record.openedAt.utcSeconds) / 60))
                let businessDays = calendar.businessDays(from: record.openedAt.date, to: decision.at.date)
                days.append(businessDays)
                if decision.actor != CaseEvent.daemon {
                    staffDecisions += 1
                    staffDays.append(businessDays)
                }
            }
            var termStart: LocalDateTime?
            var refinementDue: LocalDateTime?
            for event in history {
                switch event.type {
                case "opened":
                    termStart = event.at
                case "closed":
                    termStart = nil
                case "resubmitted":
                    if refinementDue != nil {
                        if event.reason?.hasPrefix("after the refinement deadline") == true { refinementLapsed += 1 } else { refinementAnswered += 1 }
                        refinementDue = nil
                    }
                    if termStart == nil { termStart = event.at }
                case "timer-fired" where event.reason == TimerKind.refinementDeadline.rawValue:
                    if refinementDue != nil { refinementLapsed += 1 }
                    refinementDue = nil
                case let type where Self.answers.contains(type):
                    if let start = termStart {
                        if event.at <= calendar.deadline(receivedAt: start, businessDays: reviewDays) { reviewMet += 1 } else { reviewMissed += 1 }
                        termStart = nil
                    }
                    if type == "refinement-requested" { refinementDue = event.at }
                default:
                    continue
                }
            }
            if let start = termStart, record.state?.isFinal == false {
                if now > calendar.deadline(receivedAt: start, businessDays: reviewDays) { reviewOverdue += 1 } else { reviewRunning += 1 }
            }
        }
        medianMinutesToDecision = Self.lowerMedian(minutes)
        medianBusinessDaysToDecision = Self.lowerMedian(days)
        medianBusinessDaysToStaffDecision = Self.lowerMedian(staffDays)
    }

    /// The lower of the two middle values for an even count: always a value that occurred.
    static func lowerMedian(_ values: [Int]) -> Int? {
        guard !values.isEmpty else { return nil }
        return values.sorted()[(values.count - 1) / 2]
    }
}
