import Cases
import Store

extension Intake {
    /// A running refinement term whose deadline moved because the calendar changed.
    public struct Extension: Sendable, Equatable {
        public let caseID: String
        public let from: LocalDateTime?
        public let to: LocalDateTime?
    }

    /// Counts every running refinement term again on the calendar now configured, before any
    /// timer fires: the operator may have added a day off (a transfer decree) since the term
    /// was computed. A term that the new calendar makes longer is extended; one it would make
    /// shorter keeps the date announced to the applicant (`CaseMachine.recountRefinement`).
    /// Run at start and after each reload, the only times the calendar can change.
    public func recountRefinementTerms(at now: LocalDateTime) throws -> [Extension] {
        let book = CaseBook(database)
        return try database.transaction {
            var extended: [Extension] = []
            for record in try book.list(CaseBook.Filter(state: .refinementRequested)) {
                guard let requested = try book.events(caseID: record.id)
                    .last(where: { $0.event.type == "refinement-requested" })?.event.at,
                      let transition = CaseMachine.recountRefinement(record.snapshot, requestedAt: requested, at: now,
                                                                     policy: settings.policy, calendar: settings.calendar)
                else { continue }
                try book.record(transition, caseID: record.id, at: now)
                // The applicant is told the new date (a term-extended notice on the refinement's thread).
                let effects = EffectPerformer(intake: self, record: record, application: try latestApplication(caseID: record.id),
                                              trigger: nil, at: now)
                _ = try effects.perform(transition)
                extended.append(Extension(caseID: record.humanID, from: record.snapshot.refinementDeadline,
                                          to: transition.refinementDeadline))
            }
            return extended
        }
    }
}
