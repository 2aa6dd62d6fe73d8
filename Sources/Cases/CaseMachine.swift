// The case lifecycle of the Rules, p.8–13, as a pure function: no clock, no mail, no
// database. The caller stores the transition's case and events and performs its effects;
// a refusal changes nothing, so the caller only reports it (or marks a stale timer done).
//
// Notices. When the daemon decides at once (automatic mode, a readable questionnaire and
// no flag), the applicant gets only the decisive notice: an acceptance or a refinement
// request already tells them the message arrived, and a receipt minutes before it would
// be noise. Whenever the case waits for staff instead, the applicant gets a receipt that
// names the review deadline, and the review timers are armed.
//
// One refinement round. p.10–11 let the officer send data back once and refuse if the
// applicant does not refine in time; they say nothing of a second round. A refined
// questionnaire that is still incomplete is therefore flagged `still-incomplete` for
// staff, who may refine again, accept or refuse, instead of the daemon looping.

public struct DecisionPolicy: Sendable, Equatable {
    /// `decisions = auto`: the daemon accepts complete questionnaires and sends incomplete
    /// ones back itself. `decisions = review`: every decision is a staff member's.
    public var automatic: Bool
    /// How long before the review deadline staff are warned, in working hours.
    public var warningBusinessHours: Int
    /// p.10: the officer reviews incoming data within 5 business days.
    public var reviewDays: Int
    /// p.10: the applicant refines and resends within 3 business days.
    public var refinementDays: Int

    public init(automatic: Bool, warningBusinessHours: Int = 8, reviewDays: Int = 5, refinementDays: Int = 3) {
        self.automatic = automatic
        self.warningBusinessHours = warningBusinessHours
        self.reviewDays = reviewDays
        self.refinementDays = refinementDays
    }

    public static let auto = DecisionPolicy(automatic: true)
    public static let review = DecisionPolicy(automatic: false)
}

public enum CaseMachine {
    public static func apply(_ input: CaseInput, to snapshot: CaseSnapshot, policy: DecisionPolicy,
                             calendar: BusinessCalendar) -> Result<Transition, Refusal> {
        var draft = CaseDraft(snapshot, policy: policy, calendar: calendar)
        do {
            switch input {
            case let .opened(intent, assessment, at, hasRegisterEntry):
                try draft.open(intent, assessment, at: at, hasRegisterEntry: hasRegisterEntry)
            case let .resubmitted(assessment, at):
                try draft.resubmit(assessment, at: at)
            case let .timerFired(timer, at):
                try draft.fire(timer, at: at)
            case let .decision(decision, actor, at):
                try draft.decide(decision, actor: actor, at: at)
            case let .noticeBounced(at):
                try draft.bounce(at: at)
            case let .automaticMessage(reason, at):
                try draft.automaticMessage(reason, at: at)
            case let .noticeInDoubt(_, at):
                try draft.doubt(at: at)
            case let .noticesSettled(settlement, messageIDs, actor, at):
                try draft.settle(settlement, messageIDs: messageIDs, actor: actor, at: at)
            }
        } catch {
            return .failure(error)
        }
        return .success(draft.transition)
    }
}

/// The case being changed by one input. Its fields start as the snapshot's; the events and
/// effects accumulate in the order the caller should record and perform them.
struct CaseDraft {
    let policy: DecisionPolicy
    let calendar: BusinessCalendar
    var state: CaseState?
    var intent: CaseIntent
    var flags: [FlagReason]
    var reviewDeadline: LocalDateTime?
    var refinementDeadline: LocalDateTime?
    var missing: [String]
    var events: [CaseEvent] = []
    var effects: [CaseEffect] = []

    init(_ s: CaseSnapshot, policy: DecisionPolicy, calendar: BusinessCalendar) {
        self.policy = policy
        self.calendar = calendar
        state = s.state
        intent = s.intent
        flags = s.flags
        reviewDeadline = s.reviewDeadline
        refinementDeadline = s.refinementDeadline
        missing = s.missing
    }

    var transition: Transition {
        precondition(!events.isEmpty && state != nil, "a transition without events or state")
        return Transition(state: state!, intent: intent, flags: flags, reviewDeadline: reviewDeadline,
                          refinementDeadline: refinementDeadline, missing: missing,
                          events: events, effects: effects)
    }

    // MARK: inputs

    mutating func open(_ intent: CaseIntent, _ assessment: Assessment, at: LocalDateTime,
                       hasRegisterEntry: Bool) throws(Refusal) {
        guard state == nil else { throw Refusal("the case is already open") }
        self.intent = intent
        record("opened", at, reason: intent.rawValue)
        if assessment.outcome == .notAnApplication {
            // Nothing to decide under the Rules, but a person wrote it (automatic mail never
            // opens a case): a question or an empty letter deserves a reply from staff.
            state = .closed
            record("closed", at, reason: "not an application")
            raise(.notAnApplication, at: at)
            return
        }
        state = .underReview
        missing = assessment.gaps
        take(assessment, at: at)
        switch intent {
        case .application:
            // A second entry for someone already registered would be a duplicate in a public register.
            if hasRegisterEntry { raise(.duplicateApplicant, at: at) }
        case .change:
            if !hasRegisterEntry { raise(.noRegisterEntry, at: at) }
        case .termination:
            if !hasRegisterEntry { raise(.noRegisterEntry, at: at) }
            // Removing someone from the public register on the strength of a free-form
            // e-mail is a person's call.
            raise(.terminationNeedsConfirmation, at: at)
        }
        if !decideAutomatically(assessment, at: at) {
            startReview(at: at)
        }
    }

    mutating func resubmit(_ assessment: Assessment, at: LocalDateTime) throws(Refusal) {
        guard let current = state else { throw Refusal("the case is not open") }
        if assessment.outcome == .notAnApplication {
            // The applicant wrote without a form ("when will you answer?", "thank you"): it
            // refines nothing and the terms run on, but a person should read it.
            record("correspondence", at)
            raise(.notAnApplication, at: at)
            return
        }
        switch current {
        case .refinementRequested:
            if let deadline = refinementDeadline, at > deadline {
                // The lapse timer may not have been processed yet: p.11 applies all the same,
                // and the late material is kept in front of staff.
                record("resubmitted", at, reason: "after the refinement deadline \(deadline)")
                refuse(lapseReason, at: at, actor: CaseEvent.daemon)
                raise(.lateResubmission, at: at)
                return
            }
            record("resubmitted", at)
            stopTimers()
            state = .underReview
            missing = assessment.gaps
            take(assessment, at: at)
            if assessment.canBeRefined { raise(.stillIncomplete, at: at) }
            if !decideAutomatically(assessment, at: at) {
                // The refined data are new incoming data, reviewed within a fresh term (p.10).
                startReview(at: at)
            }
        case .underReview:
            // More material before a decision: the original review term still runs.
            record("resubmitted", at)
            missing = assessment.gaps
            take(assessment, at: at)
            _ = decideAutomatically(assessment, at: at)
        case .accepted, .refused, .changeApplied, .terminated, .closed:
            throw Refusal("cannot resubmit to \(current.phrase); a new message opens a new case")
        }
    }

    mutating func fire(_ timer: TimerKind, at: LocalDateTime) throws(Refusal) {
        guard let current = state else { throw Refusal("the case is not open") }
        let stale = Refusal("the \(timer.rawValue) timer no longer applies to \(current.phrase)")
        switch (timer, current) {
        case (.refinementDeadline, .refinementRequested):
            guard let deadline = refinementDeadline else { throw stale }
            guard at >= deadline else { throw Refusal("the refinement deadline \(deadline) has not passed") }
            record("timer-fired", at, reason: timer.rawValue)
            refuse(lapseReason, at: at, actor: CaseEvent.daemon)
        case (.reviewWarning, .underReview):
            guard reviewDeadline != nil else { throw stale }
            record("timer-fired", at, reason: timer.rawValue)
            raise(.reviewDeadlineNear, at: at)
        case (.reviewDeadline, .underReview):
            guard let deadline = reviewDeadline else { throw stale }
            guard at >= deadline else { throw Refusal("the review deadline \(deadline) has not passed") }
            record("timer-fired", at, reason: timer.rawValue)
            lower(.reviewDeadlineNear, at: at, actor: CaseEvent.daemon)
            raise(.reviewDeadlinePassed, at: at)
        default:
            throw stale
        }
    }

    mutating func decide(_ decision: StaffDecision, actor: String, at: LocalDateTime) throws(Refusal) {
        guard let current = state else { throw Refusal("the case is not open") }
        guard !actor.isEmpty else { throw Refusal("a staff decision needs the staff member's login") }
        switch decision {
        case .accept:
            guard current == .underReview || current == .refinementRequested else {
                throw Refusal("cannot accept \(current.phrase)")
            }
            if intent != .application && flags.contains(.noRegisterEntry) {
                throw Refusal("cannot apply a \(intent.rawValue) notice without a register entry; "
                              + "link the entry and remove the \(FlagReason.noRegisterEntry.rawValue) flag first")
            }
            conclude(at: at, actor: actor)
        case let .refine(fields, note):
            guard current == .underReview else { throw Refusal("cannot request refinement of \(current.phrase)") }
            let named = fields.map(trimmed).filter { !$0.isEmpty }
            guard !named.isEmpty else { throw Refusal("a refinement request must name the missing fields") }
            let text = note.map(trimmed)
            requestRefinement(named, note: text?.isEmpty == false ? text : nil, at: at, actor: actor)
        case let .refuse(reason):
            guard current == .underReview || current == .refinementRequested else {
                throw Refusal("cannot refuse \(current.phrase)")
            }
            let why = trimmed(reason)
            guard !why.isEmpty else { throw Refusal("a refusal needs a reason") }
            refuse(why, at: at, actor: actor)
        case let .note(text):
            let body = trimmed(text)
            guard !body.isEmpty else { throw Refusal("an empty note records nothing") }
            record("note", at, actor: actor, reason: body)
        case .unflag:
            guard !flags.isEmpty else { throw Refusal("the case has no flags") }
            flags = []
            effects.append(.unflag(nil))
            record("unflagged", at, actor: actor)
        }
    }

    mutating func bounce(at: LocalDateTime) throws(Refusal) {
        guard state != nil else { throw Refusal("the case is not open") }
        if flags.contains(.noticeBounced) {
            // Each bounce is still worth a line: staff see how often the address failed.
            record("flagged", at, reason: FlagReason.noticeBounced.rawValue)
        } else {
            raise(.noticeBounced, at: at)
        }
    }

    mutating func doubt(at: LocalDateTime) throws(Refusal) {
        guard state != nil else { throw Refusal("the case is not open") }
        if flags.contains(.noticeInDoubt) {
            // A second notice in doubt is a second thing to look up in the mail log.
            record("flagged", at, reason: FlagReason.noticeInDoubt.rawValue)
        } else {
            raise(.noticeInDoubt, at: at)
        }
    }

    mutating func settle(_ settlement: NoticeSettlement, messageIDs: [String], actor: String,
                         at: LocalDateTime) throws(Refusal) {
        guard state != nil else { throw Refusal("the case is not open") }
        guard !messageIDs.isEmpty else { throw Refusal("no notice of the case is in doubt") }
        record(settlement.rawValue, at, actor: actor, reason: messageIDs.joined(separator: ", "))
        lower(.noticeInDoubt, at: at, actor: actor)
    }

    mutating func automaticMessage(_ reason: String, at: LocalDateTime) throws(Refusal) {
        guard state != nil else { throw Refusal("the case is not open") }
        // Kept in the history so staff see why the term still runs after "a reply" arrived.
        record("automatic-message", at, reason: reason)
    }

    // MARK: steps

    var lapseReason: String { "not refined within \(policy.refinementDays) business days" }

    /// The daemon's own decision on a case under review; false when it is left to staff.
    mutating func decideAutomatically(_ assessment: Assessment, at: LocalDateTime) -> Bool {
        guard policy.automatic, intent != .termination,
              !flags.contains(where: \.holdsAutomaticDecision) else { return false }
        if assessment.isComplete {
            conclude(at: at, actor: CaseEvent.daemon)
            return true
        }
        if assessment.canBeRefined {
            requestRefinement(assessment.gaps, note: nil, at: at, actor: CaseEvent.daemon)
            return true
        }
        return false
    }

    /// Acceptance, in the form the case's intent calls for.
    mutating func conclude(at: LocalDateTime, actor: String) {
        stopTimers()
        missing = []
        switch intent {
        case .application:
            state = .accepted
            record("accepted", at, actor: actor)
            effects += [.registerCreate, .notice(.acceptance, missing: [], deadline: nil, reason: nil)]
        case .change:
            state = .changeApplied
            record("change-applied", at, actor: actor)
            effects += [.registerUpdate, .notice(.changeApplied, missing: [], deadline: nil, reason: nil)]
        case .termination:
            state = .terminated
            record("terminated", at, actor: actor)
            effects += [.registerTerminate, .notice(.terminationRecorded, missing: [], deadline: nil, reason: nil)]
        }
        settleFlags(at: at, actor: actor)
    }

    mutating func refuse(_ reason: String, at: LocalDateTime, actor: String) {
        stopTimers()
        state = .refused
        record("refused", at, actor: actor, reason: reason)
        effects.append(.notice(.refusal, missing: missing, deadline: nil, reason: reason))
        settleFlags(at: at, actor: actor)
    }

    mutating func requestRefinement(_ fields: [String], note: String?, at: LocalDateTime, actor: String) {
        stopTimers()
        // Counted from now, when our notice goes out, not from the applicant's message.
        let deadline = calendar.deadline(receivedAt: at, businessDays: policy.refinementDays)
        state = .refinementRequested
        refinementDeadline = deadline
        missing = fields
        record("refinement-requested", at, actor: actor,
               reason: fields.joined(separator: ", ") + (note.map { "; " + $0 } ?? ""))
        effects += [.notice(.refinement, missing: fields, deadline: deadline, reason: note),
                    .schedule(.refinementDeadline, at: deadline)]
        // The officer has answered within the meaning of p.10; the review term stops.
        lower(.reviewDeadlineNear, at: at, actor: actor)
        lower(.reviewDeadlinePassed, at: at, actor: actor)
    }

    /// The case waits for staff: tell the applicant when to expect an answer.
    mutating func startReview(at: LocalDateTime) {
        let deadline = calendar.deadline(receivedAt: at, businessDays: policy.reviewDays)
        reviewDeadline = deadline
        // A warning time already past still gets scheduled: it fires at once, which is right.
        let warning = calendar.subtractingBusinessHours(policy.warningBusinessHours, from: deadline)
        effects += [.notice(.receipt, missing: [], deadline: deadline, reason: nil),
                    .schedule(.reviewWarning, at: warning),
                    .schedule(.reviewDeadline, at: deadline)]
    }

    /// Cancels what is armed: the deadlines are set exactly while their timers are.
    mutating func stopTimers() {
        if reviewDeadline != nil {
            effects += [.cancel(.reviewWarning), .cancel(.reviewDeadline)]
            reviewDeadline = nil
        }
        if refinementDeadline != nil {
            effects.append(.cancel(.refinementDeadline))
            refinementDeadline = nil
        }
    }

    mutating func take(_ assessment: Assessment, at: LocalDateTime) {
        if assessment.outcome == .unreadable { raise(.unreadable, at: at) }
        for f in assessment.flags { raise(f, at: at) }
    }

    mutating func settleFlags(at: LocalDateTime, actor: String) {
        for f in flags where f.isSettledByDecision { lower(f, at: at, actor: actor) }
    }

    mutating func raise(_ f: FlagReason, at: LocalDateTime) {
        guard !flags.contains(f) else { return }
        flags.append(f)
        effects.append(.flag(f))
        record("flagged", at, reason: f.rawValue)
    }

    mutating func lower(_ f: FlagReason, at: LocalDateTime, actor: String) {
        guard let i = flags.firstIndex(of: f) else { return }
        flags.remove(at: i)
        effects.append(.unflag(f))
        record("unflagged", at, actor: actor, reason: f.rawValue)
    }

    mutating func record(_ type: String, _ at: LocalDateTime, actor: String = CaseEvent.daemon, reason: String? = nil) {
        events.append(CaseEvent(type: type, actor: actor, at: at, reason: reason))
    }

    func trimmed(_ s: String) -> String {
        String(s.drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
    }
}

extension CaseMachine {
    /// The applicant's refinement term counted again on the calendar now in force, after the
    /// operator corrected it (a transfer decree, a day off added or removed) while the term ran.
    ///
    /// The term is the law's (p.10: 3 business days from our request), so a day off added to
    /// the calendar lengthens it, and refusing on the date first computed would refuse an
    /// applicant who is still within their term. A day made working would shorten it, but the
    /// date already announced to the applicant in the refinement notice is never moved earlier
    /// against them. So the deadline becomes the later of the two, never earlier: the result
    /// is a transition that re-arms the timer, or nil when the announced date stands.
    /// The review term is the ministry's own promise and is left as announced.
    public static func recountRefinement(_ snapshot: CaseSnapshot, requestedAt: LocalDateTime, at: LocalDateTime,
                                         policy: DecisionPolicy, calendar: BusinessCalendar) -> Transition? {
        guard snapshot.state == .refinementRequested, let announced = snapshot.refinementDeadline else { return nil }
        let counted = calendar.deadline(receivedAt: requestedAt, businessDays: policy.refinementDays)
        guard counted > announced else { return nil }
        var draft = CaseDraft(snapshot, policy: policy, calendar: calendar)
        draft.refinementDeadline = counted
        // Cancelled before the new one is armed: the store applies effects in order.
        // The applicant was given a date; a later one is theirs by law, and they must know it.
        draft.effects = [.cancel(.refinementDeadline), .schedule(.refinementDeadline, at: counted),
                         .notice(.termExtended, missing: [], deadline: counted, reason: nil)]
        draft.record("deadline-extended", at,
                     reason: "refinement deadline \(announced) → \(counted): the business calendar changed")
        return draft.transition
    }
}
