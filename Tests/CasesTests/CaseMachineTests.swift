import Dates
import Testing
@testable import Cases

private func at(_ iso: String, _ h: Int, _ m: Int, _ s: Int = 0) -> LocalDateTime {
    LocalDateTime(date: CivilDate(iso: iso)!, hour: h, minute: m, second: s)
}

private let calendar = BusinessCalendar()
private let gaps = Assessment(outcome: .incomplete, missing: ["iin"], invalid: ["phone"])
private let staff = "a.nurlanova"

private func step(_ input: CaseInput, _ snapshot: CaseSnapshot = .unopened,
                  _ policy: DecisionPolicy = .auto) throws -> Transition {
    try CaseMachine.apply(input, to: snapshot, policy: policy, calendar: calendar).get()
}

private func refusal(_ input: CaseInput, _ snapshot: CaseSnapshot,
                     _ policy: DecisionPolicy = .auto) -> String? {
    if case .failure(let r) = CaseMachine.apply(input, to: snapshot, policy: policy, calendar: calendar) {
        return r.reason
    }
    return nil
}

private func open(_ intent: CaseIntent = .application, _ assessment: Assessment = .complete,
                  _ time: LocalDateTime = at("2026-02-02", 10, 0), entry: Bool = false,
                  _ policy: DecisionPolicy = .auto) throws -> Transition {
    try step(.opened(intent: intent, assessment: assessment, at: time, hasRegisterEntry: entry), .unopened, policy)
}

private func types(_ t: Transition) -> [String] { t.events.map(\.type) }

private func receipt(_ deadline: LocalDateTime) -> CaseEffect {
    .notice(.receipt, missing: [], deadline: deadline, reason: nil)
}

// MARK: automatic mode

@Test func completeApplicationIsAcceptedAtOnceWithOnlyTheAcceptanceNotice() throws {
    let t = try open()
    #expect(t.state == .accepted)
    #expect(types(t) == ["opened", "accepted"])
    #expect(t.events.allSatisfy { $0.actor == CaseEvent.daemon })
    #expect(t.events[0].reason == "application")
    #expect(t.effects == [.registerCreate, .notice(.acceptance, missing: [], deadline: nil, reason: nil)])
    #expect(t.reviewDeadline == nil && t.refinementDeadline == nil && t.flags.isEmpty)
}

@Test func incompleteApplicationIsSentBackForThreeBusinessDaysThenAcceptedWhenRefined() throws {
    // Mon 2 Feb 2026: Tue 3, Wed 4, Thu 5.
    let sent = try open(.application, gaps)
    let deadline = at("2026-02-05", 18, 0)
    #expect(sent.state == .refinementRequested)
    #expect(types(sent) == ["opened", "refinement-requested"])
    #expect(sent.events[1].reason == "iin, phone")
    #expect(sent.missing == ["iin", "phone"])
    #expect(sent.refinementDeadline == deadline)
    #expect(sent.effects == [.notice(.refinement, missing: ["iin", "phone"], deadline: deadline, reason: nil),
                             .schedule(.refinementDeadline, at: deadline)])

    let refined = try step(.resubmitted(assessment: .complete, at: at("2026-02-04", 11, 0)), sent.snapshot)
    #expect(refined.state == .accepted)
    #expect(types(refined) == ["resubmitted", "accepted"])
    #expect(refined.effects == [.cancel(.refinementDeadline), .registerCreate,
                                .notice(.acceptance, missing: [], deadline: nil, reason: nil)])
    #expect(refined.refinementDeadline == nil && refined.missing.isEmpty)
}

@Test func refinementThatLapsesIsRefusedUnderPoint11() throws {
    let sent = try open(.application, gaps)
    let t = try step(.timerFired(.refinementDeadline, at: at("2026-02-05", 18, 0)), sent.snapshot)
    #expect(t.state == .refused)
    #expect(types(t) == ["timer-fired", "refused"])
    #expect(t.events[1].reason == "not refined within 3 business days")
    #expect(t.effects == [.cancel(.refinementDeadline),
                          .notice(.refusal, missing: ["iin", "phone"], deadline: nil,
                                  reason: "not refined within 3 business days")])
}

@Test func refinementTimerFiringEarlyIsRefused() throws {
    let sent = try open(.application, gaps)
    let reason = refusal(.timerFired(.refinementDeadline, at: at("2026-02-05", 17, 0)), sent.snapshot)
    #expect(reason?.contains("has not passed") == true)
}

@Test func resubmissionInTheLastMinuteOfTheLastDayIsAccepted() throws {
    let sent = try open(.application, gaps)
    let t = try step(.resubmitted(assessment: .complete, at: at("2026-02-05", 17, 59)), sent.snapshot)
    #expect(t.state == .accepted)
    // The deadline instant itself still counts: "at ≤ deadline".
    let onTheDot = try step(.resubmitted(assessment: .complete, at: at("2026-02-05", 18, 0)), sent.snapshot)
    #expect(onTheDot.state == .accepted)
}

@Test func resubmissionOneMinuteLateIsRefusedAndFlaggedForStaff() throws {
    let sent = try open(.application, gaps)
    let t = try step(.resubmitted(assessment: .complete, at: at("2026-02-05", 18, 1)), sent.snapshot)
    #expect(t.state == .refused)
    #expect(types(t) == ["resubmitted", "refused", "flagged"])
    #expect(t.flags == [.lateResubmission])
    #expect(t.effects == [.cancel(.refinementDeadline),
                          .notice(.refusal, missing: ["iin", "phone"], deadline: nil,
                                  reason: "not refined within 3 business days"),
                          .flag(.lateResubmission)])
    // Once refused, the lapse timer has nothing left to do.
    #expect(refusal(.timerFired(.refinementDeadline, at: at("2026-02-05", 18, 2)), t.snapshot)?
        .contains("no longer applies") == true)
}

@Test func stillIncompleteRefinementGoesToStaffInsteadOfASecondRound() throws {
    let sent = try open(.application, gaps)
    let t = try step(.resubmitted(assessment: Assessment(outcome: .incomplete, missing: ["iin"]),
                                  at: at("2026-02-04", 12, 0)), sent.snapshot)
    // Fresh review term from the resubmission: Thu 5, Fri 6, Mon 9, Tue 10, Wed 11.
    let review = at("2026-02-11", 18, 0)
    #expect(t.state == .underReview)
    #expect(t.flags == [.stillIncomplete])
    #expect(t.missing == ["iin"])
    #expect(types(t) == ["resubmitted", "flagged"])
    #expect(t.effects == [.cancel(.refinementDeadline), .flag(.stillIncomplete), receipt(review),
                          .schedule(.reviewWarning, at: at("2026-02-11", 10, 0)),
                          .schedule(.reviewDeadline, at: review)])
    #expect(t.refinementDeadline == nil && t.reviewDeadline == review)
}

@Test func moreMaterialBeforeADecisionReRunsTheAutomaticDecision() throws {
    // "Incomplete" without a named field cannot become a refinement notice: it waits for staff.
    let waiting = try open(.application, Assessment(outcome: .incomplete))
    #expect(waiting.state == .underReview)
    let review = at("2026-02-09", 18, 0)
    #expect(waiting.effects.first == receipt(review))

    let t = try step(.resubmitted(assessment: .complete, at: at("2026-02-03", 9, 0)), waiting.snapshot)
    #expect(t.state == .accepted)
    #expect(types(t) == ["resubmitted", "accepted"])
    #expect(t.effects == [.cancel(.reviewWarning), .cancel(.reviewDeadline), .registerCreate,
                          .notice(.acceptance, missing: [], deadline: nil, reason: nil)])

    let reviewed = try step(.resubmitted(assessment: .complete, at: at("2026-02-03", 9, 0)),
                            waiting.snapshot, .review)
    #expect(reviewed.state == .underReview)
    #expect(types(reviewed) == ["resubmitted"])
    #expect(reviewed.effects.isEmpty)
    #expect(reviewed.reviewDeadline == review)
}

@Test func completeVerdictThatNamesInvalidFieldsIsTreatedAsIncomplete() throws {
    let t = try open(.application, Assessment(outcome: .complete, invalid: ["iin"]))
    #expect(t.state == .refinementRequested)
    #expect(t.missing == ["iin"])
}

@Test func notAnApplicationIsClosedWithoutANoticeAndFlaggedForStaffToAnswer() throws {
    let t = try open(.application, Assessment(outcome: .notAnApplication))
    #expect(t.state == .closed)
    #expect(types(t) == ["opened", "closed", "flagged"])
    #expect(t.flags == [.notAnApplication])
    #expect(t.effects == [.flag(.notAnApplication)])
    #expect(refusal(.resubmitted(assessment: .complete, at: at("2026-02-03", 9, 0)), t.snapshot) != nil)
}

@Test func aLetterWithoutAFormInARunningCaseIsFlaggedAndTheTermRunsOn() throws {
    let refining = try open(.application, gaps)
    let t = try step(.resubmitted(assessment: Assessment(outcome: .notAnApplication), at: at("2026-02-03", 9, 0)),
                     refining.snapshot)
    #expect(t.state == .refinementRequested)
    #expect(t.refinementDeadline == refining.refinementDeadline)
    #expect(types(t) == ["correspondence", "flagged"])
    #expect(t.flags == [.notAnApplication])
    #expect(t.effects == [.flag(.notAnApplication)])
}

@Test func aThankYouAfterAcceptanceIsKeptInTheDecidedCase() throws {
    let accepted = try open()
    let t = try step(.resubmitted(assessment: Assessment(outcome: .notAnApplication), at: at("2026-02-04", 9, 0)),
                     accepted.snapshot)
    #expect(t.state == .accepted)
    #expect(types(t) == ["correspondence", "flagged"])
    #expect(refusal(.resubmitted(assessment: .complete, at: at("2026-02-04", 9, 0)), accepted.snapshot) != nil)
}

@Test func unreadableScanIsFlaggedAndWaitsForStaffEvenInAutomaticMode() throws {
    let t = try open(.application, Assessment(outcome: .unreadable))
    #expect(t.state == .underReview)
    #expect(t.flags == [.unreadable])
    #expect(types(t) == ["opened", "flagged"])
    #expect(t.effects.contains(receipt(at("2026-02-09", 18, 0))))
}

@Test func flagsFromTheFormReaderHoldBackTheAutomaticDecision() throws {
    let t = try open(.application, Assessment(outcome: .complete, flags: [.ambiguousKind, .twoApplicants]))
    #expect(t.state == .underReview)
    #expect(t.flags == [.ambiguousKind, .twoApplicants])
    #expect(t.effects.contains(.flag(.ambiguousKind)) && t.effects.contains(.flag(.twoApplicants)))

    // Staff decide, and the decision answers the questions the flags asked.
    let accepted = try step(.decision(.accept, actor: staff, at: at("2026-02-03", 10, 0)), t.snapshot)
    #expect(accepted.state == .accepted)
    #expect(accepted.flags.isEmpty)
    #expect(types(accepted) == ["accepted", "unflagged", "unflagged"])
    #expect(accepted.events.allSatisfy { $0.actor == staff })
}

@Test func applicationFromSomeoneAlreadyInTheRegisterIsFlaggedAsADuplicate() throws {
    let t = try open(.application, .complete, entry: true)
    #expect(t.state == .underReview)
    #expect(t.flags == [.duplicateApplicant])
}

// MARK: deadlines on the calendar

@Test func reviewDeadlineCrossesNauryz2026() throws {
    let t = try open(.application, .complete, at("2026-03-19", 10, 0), .review)
    let deadline = at("2026-03-31", 18, 0)
    #expect(t.state == .underReview)
    #expect(t.reviewDeadline == deadline)
    #expect(t.effects == [receipt(deadline),
                          .schedule(.reviewWarning, at: at("2026-03-31", 10, 0)),
                          .schedule(.reviewDeadline, at: deadline)])
}

@Test func deadlinesCrossNewYearAndOrthodoxChristmas() throws {
    // Wed 31 Dec 2025: 1–2 Jan off, weekend, Mon 5, Tue 6, 7 Jan off, Thu 8, Fri 9, Mon 12.
    let reviewed = try open(.application, .complete, at("2025-12-31", 17, 0), .review)
    #expect(reviewed.reviewDeadline == at("2026-01-12", 18, 0))
    #expect(reviewed.effects.contains(.schedule(.reviewWarning, at: at("2026-01-12", 10, 0))))
    let sent = try open(.application, gaps, at("2025-12-31", 17, 0))
    #expect(sent.refinementDeadline == at("2026-01-08", 18, 0))
}

@Test func reviewWarningFallsBeforeTheWeekendWhenTheDeadlineIsOnMonday() throws {
    // Mon 2 Feb 2026 → deadline Mon 9 Feb 18:00; 12 working hours back is Fri 6 Feb 15:00.
    var policy = DecisionPolicy.review
    policy.warningBusinessHours = 12
    let t = try open(.application, .complete, at("2026-02-02", 10, 0), policy)
    #expect(t.effects.contains(.schedule(.reviewWarning, at: at("2026-02-06", 15, 0))))
    #expect(t.effects.contains(.schedule(.reviewDeadline, at: at("2026-02-09", 18, 0))))
}

@Test func reviewTimersFlagTheCaseNearThenPast() throws {
    let opened = try open(.application, .complete, at("2026-02-02", 10, 0), .review)
    let near = try step(.timerFired(.reviewWarning, at: at("2026-02-09", 10, 0)), opened.snapshot, .review)
    #expect(near.flags == [.reviewDeadlineNear])
    #expect(types(near) == ["timer-fired", "flagged"])
    #expect(near.events[0].reason == "review-warning")

    let early = refusal(.timerFired(.reviewDeadline, at: at("2026-02-09", 17, 0)), near.snapshot, .review)
    #expect(early?.contains("has not passed") == true)

    let passed = try step(.timerFired(.reviewDeadline, at: at("2026-02-09", 18, 0)), near.snapshot, .review)
    #expect(passed.flags == [.reviewDeadlinePassed])
    #expect(passed.effects == [.unflag(.reviewDeadlineNear), .flag(.reviewDeadlinePassed)])
    #expect(passed.state == .underReview)

    // A late decision still goes out, and the deadline flag goes with it.
    let accepted = try step(.decision(.accept, actor: staff, at: at("2026-02-10", 9, 30)), passed.snapshot, .review)
    #expect(accepted.flags.isEmpty)
    #expect(refusal(.timerFired(.reviewWarning, at: at("2026-02-10", 10, 0)), accepted.snapshot)
        == "the review-warning timer no longer applies to an accepted case")
}

@Test func deadlineFlagsDoNotHoldBackAnAutomaticDecision() throws {
    let waiting = try open(.application, Assessment(outcome: .incomplete))
    let near = try step(.timerFired(.reviewWarning, at: at("2026-02-09", 10, 0)), waiting.snapshot)
    let t = try step(.resubmitted(assessment: .complete, at: at("2026-02-09", 11, 0)), near.snapshot)
    #expect(t.state == .accepted)
    #expect(t.flags.isEmpty)
}

// MARK: review mode

@Test func reviewModeKeepsACompleteApplicationForStaffWhoAccept() throws {
    let opened = try open(.application, .complete, at("2026-02-02", 10, 0), .review)
    #expect(opened.state == .underReview)
    #expect(types(opened) == ["opened"])
    #expect(opened.effects.first == receipt(at("2026-02-09", 18, 0)))

    let t = try step(.decision(.accept, actor: staff, at: at("2026-02-03", 11, 0)), opened.snapshot, .review)
    #expect(t.state == .accepted)
    #expect(t.events == [CaseEvent(type: "accepted", actor: staff, at: at("2026-02-03", 11, 0))])
    #expect(t.effects == [.cancel(.reviewWarning), .cancel(.reviewDeadline), .registerCreate,
                          .notice(.acceptance, missing: [], deadline: nil, reason: nil)])
    #expect(t.reviewDeadline == nil)
}

@Test func reviewModeStaffRefineThenRefuseAfterTheResubmission() throws {
    let opened = try open(.application, gaps, at("2026-02-02", 10, 0), .review)
    #expect(opened.state == .underReview)

    let refine = StaffDecision.refine(missing: ["iin", " "], note: "Please attach the questionnaire")
    let sent = try step(.decision(refine, actor: staff, at: at("2026-02-03", 15, 0)), opened.snapshot, .review)
    let deadline = at("2026-02-06", 18, 0)
    #expect(sent.state == .refinementRequested)
    #expect(sent.missing == ["iin"])
    #expect(sent.events.map(\.actor) == [staff])
    #expect(sent.events[0].reason == "iin; Please attach the questionnaire")
    #expect(sent.effects == [.cancel(.reviewWarning), .cancel(.reviewDeadline),
                             .notice(.refinement, missing: ["iin"], deadline: deadline,
                                     reason: "Please attach the questionnaire"),
                             .schedule(.refinementDeadline, at: deadline)])

    let back = try step(.resubmitted(assessment: .complete, at: at("2026-02-05", 9, 0)), sent.snapshot, .review)
    #expect(back.state == .underReview)
    #expect(back.effects.contains(.cancel(.refinementDeadline)))
    #expect(back.effects.contains(receipt(at("2026-02-12", 18, 0))))

    let refused = try step(.decision(.refuse(reason: "organisation is not non-profit"), actor: staff,
                                     at: at("2026-02-06", 9, 0)), back.snapshot, .review)
    #expect(refused.state == .refused)
    #expect(refused.effects.contains(.notice(.refusal, missing: [], deadline: nil,
                                             reason: "organisation is not non-profit")))
}

@Test func staffMayAcceptOrRefuseWhileTheApplicantIsRefining() throws {
    let sent = try open(.application, gaps)
    let accepted = try step(.decision(.accept, actor: staff, at: at("2026-02-03", 9, 0)), sent.snapshot)
    #expect(accepted.state == .accepted)
    #expect(accepted.effects.first == .cancel(.refinementDeadline))
    let refused = try step(.decision(.refuse(reason: "withdrawn by phone"), actor: staff,
                                     at: at("2026-02-03", 9, 0)), sent.snapshot)
    #expect(refused.state == .refused)
}

// MARK: refusals change nothing

@Test func impossibleTransitionsAreRefusedWithAReason() throws {
    let refused = try step(.timerFired(.refinementDeadline, at: at("2026-02-05", 18, 0)),
                           try open(.application, gaps).snapshot)
    let later = at("2026-02-06", 9, 0)
    #expect(refusal(.decision(.accept, actor: staff, at: later), refused.snapshot) == "cannot accept a refused case")
    #expect(refusal(.decision(.refuse(reason: "x"), actor: staff, at: later), refused.snapshot)
        == "cannot refuse a refused case")
    #expect(refusal(.resubmitted(assessment: .complete, at: later), refused.snapshot)?
        .hasPrefix("cannot resubmit to a refused case") == true)

    let review = try open(.application, .complete, at("2026-02-02", 10, 0), .review).snapshot
    #expect(refusal(.decision(.refine(missing: [], note: "x"), actor: staff, at: later), review)
        == "a refinement request must name the missing fields")
    #expect(refusal(.decision(.refine(missing: ["  "], note: nil), actor: staff, at: later), review)
        == "a refinement request must name the missing fields")
    #expect(refusal(.decision(.refuse(reason: " \n"), actor: staff, at: later), review) == "a refusal needs a reason")
    #expect(refusal(.decision(.accept, actor: "", at: later), review) == "a staff decision needs the staff member's login")
    #expect(refusal(.decision(.unflag, actor: staff, at: later), review) == "the case has no flags")
    #expect(refusal(.decision(.note("   "), actor: staff, at: later), review) == "an empty note records nothing")
    #expect(refusal(.opened(intent: .application, assessment: .complete, at: later, hasRegisterEntry: false), review)
        == "the case is already open")
    #expect(refusal(.timerFired(.refinementDeadline, at: later), review)
        == "the refinement-deadline timer no longer applies to a case under review")

    let sent = try open(.application, gaps).snapshot
    #expect(refusal(.decision(.refine(missing: ["iin"], note: nil), actor: staff, at: later), sent)
        == "cannot request refinement of a case awaiting refinement")
    #expect(refusal(.timerFired(.reviewWarning, at: later), sent) != nil)

    for input: CaseInput in [.resubmitted(assessment: .complete, at: later), .noticeBounced(at: later),
                             .timerFired(.reviewWarning, at: later), .decision(.note("x"), actor: staff, at: later)] {
        #expect(refusal(input, .unopened) == "the case is not open")
    }
}

// MARK: change and termination notices

@Test func changeNoticeWithARegisterEntryIsAppliedAutomatically() throws {
    let t = try open(.change, .complete, entry: true)
    #expect(t.state == .changeApplied)
    #expect(t.intent == .change)
    #expect(types(t) == ["opened", "change-applied"])
    #expect(t.events[0].reason == "change")
    #expect(t.effects == [.registerUpdate, .notice(.changeApplied, missing: [], deadline: nil, reason: nil)])

    let incomplete = try open(.change, gaps, entry: true)
    #expect(incomplete.state == .refinementRequested)
    let refined = try step(.resubmitted(assessment: .complete, at: at("2026-02-03", 9, 0)), incomplete.snapshot)
    #expect(refined.state == .changeApplied)
    #expect(refined.effects.contains(.registerUpdate))
}

@Test func changeNoticeWithoutARegisterEntryWaitsForStaff() throws {
    let t = try open(.change, .complete, entry: false)
    #expect(t.state == .underReview)
    #expect(t.flags == [.noRegisterEntry])
    #expect(t.effects.contains(receipt(at("2026-02-09", 18, 0))))

    let later = at("2026-02-03", 9, 0)
    #expect(refusal(.decision(.accept, actor: staff, at: later), t.snapshot)?
        .hasPrefix("cannot apply a change notice without a register entry") == true)
    let linked = try step(.decision(.unflag, actor: staff, at: later), t.snapshot)
    #expect(linked.flags.isEmpty)
    #expect(linked.effects == [.unflag(nil)])
    #expect(linked.events == [CaseEvent(type: "unflagged", actor: staff, at: later)])
    let applied = try step(.decision(.accept, actor: staff, at: later), linked.snapshot)
    #expect(applied.state == .changeApplied)
    #expect(applied.effects.contains(.registerUpdate))
}

@Test func terminationNoticeNeedsAStaffConfirmation() throws {
    let t = try open(.termination, .complete, entry: true)
    #expect(t.state == .underReview)
    #expect(t.flags == [.terminationNeedsConfirmation])
    #expect(t.effects == [.flag(.terminationNeedsConfirmation), receipt(at("2026-02-09", 18, 0)),
                          .schedule(.reviewWarning, at: at("2026-02-09", 10, 0)),
                          .schedule(.reviewDeadline, at: at("2026-02-09", 18, 0))])

    // Even a resubmission in automatic mode does not terminate by itself.
    let more = try step(.resubmitted(assessment: .complete, at: at("2026-02-03", 9, 0)), t.snapshot)
    #expect(more.state == .underReview)

    let done = try step(.decision(.accept, actor: staff, at: at("2026-02-03", 10, 0)), more.snapshot)
    #expect(done.state == .terminated)
    #expect(types(done) == ["terminated", "unflagged"])
    #expect(done.effects == [.cancel(.reviewWarning), .cancel(.reviewDeadline), .registerTerminate,
                             .notice(.terminationRecorded, missing: [], deadline: nil, reason: nil),
                             .unflag(.terminationNeedsConfirmation)])
}

@Test func terminationWithoutARegisterEntryCannotBeConfirmed() throws {
    let t = try open(.termination, .complete, entry: false)
    #expect(Set(t.flags) == [.noRegisterEntry, .terminationNeedsConfirmation])
    #expect(refusal(.decision(.accept, actor: staff, at: at("2026-02-03", 10, 0)), t.snapshot)?
        .hasPrefix("cannot apply a termination notice") == true)
}

// MARK: bounces and notes

@Test func bouncedNoticeFlagsTheCaseInAnyState() throws {
    let accepted = try open()
    let t = try step(.noticeBounced(at: at("2026-02-02", 10, 5)), accepted.snapshot)
    #expect(t.state == .accepted)
    #expect(t.flags == [.noticeBounced])
    #expect(t.effects == [.flag(.noticeBounced)])
    #expect(t.events == [CaseEvent(type: "flagged", actor: CaseEvent.daemon, at: at("2026-02-02", 10, 5),
                                   reason: "notice-bounced")])

    // A second bounce is recorded but does not flag twice.
    let again = try step(.noticeBounced(at: at("2026-02-02", 11, 0)), t.snapshot)
    #expect(again.flags == [.noticeBounced])
    #expect(again.effects.isEmpty)
    #expect(again.events.count == 1)

    let sent = try open(.application, gaps)
    let bounced = try step(.noticeBounced(at: at("2026-02-02", 10, 5)), sent.snapshot)
    #expect(bounced.state == .refinementRequested)
    #expect(bounced.refinementDeadline == sent.refinementDeadline)
}

@Test func bouncedAddressSurvivesTheDecisionThatEndsTheCase() throws {
    let opened = try open(.application, .complete, at("2026-02-02", 10, 0), .review)
    let bounced = try step(.noticeBounced(at: at("2026-02-02", 10, 5)), opened.snapshot, .review)
    let accepted = try step(.decision(.accept, actor: staff, at: at("2026-02-03", 9, 0)), bounced.snapshot, .review)
    #expect(accepted.flags == [.noticeBounced])
}

@Test func notesAreAllowedInEveryStateAndChangeNothingElse() throws {
    let accepted = try open()
    let t = try step(.decision(.note("  called the applicant  "), actor: staff, at: at("2026-02-04", 12, 0)),
                     accepted.snapshot)
    #expect(t.snapshot == accepted.snapshot)
    #expect(t.effects.isEmpty)
    #expect(t.events == [CaseEvent(type: "note", actor: staff, at: at("2026-02-04", 12, 0),
                                   reason: "called the applicant")])
}

// MARK: invariants

@Test func everyTransitionOfALongCaseRecordsEventsAndKeepsDeadlinesWithTheirTimers() throws {
    let inputs: [CaseInput] = [
        .opened(intent: .application, assessment: Assessment(outcome: .unreadable), at: at("2026-03-19", 10, 0),
                hasRegisterEntry: false),
        .noticeBounced(at: at("2026-03-19", 10, 1)),
        .decision(.note("scan of a signed form"), actor: staff, at: at("2026-03-20", 9, 0)),
        .timerFired(.reviewWarning, at: at("2026-03-31", 10, 0)),
        .decision(.unflag, actor: staff, at: at("2026-03-31", 11, 0)),
        .decision(.refine(missing: ["iin"], note: nil), actor: staff, at: at("2026-03-31", 12, 0)),
        .resubmitted(assessment: .complete, at: at("2026-04-03", 17, 59)),
    ]
    var snapshot = CaseSnapshot.unopened
    for input in inputs {
        let t = try step(input, snapshot)
        #expect(!t.events.isEmpty, "\(input)")
        #expect((t.reviewDeadline != nil) == (t.state == .underReview), "\(input)")
        #expect((t.refinementDeadline != nil) == (t.state == .refinementRequested), "\(input)")
        snapshot = t.snapshot
    }
    // Refinement from Tue 31 Mar: Wed 1, Thu 2, Fri 3 April; 17:59 on the last day is in time.
    #expect(snapshot.state == .accepted)
}

@Test func automaticMessageIsRecordedWithoutTouchingTheRefinementTerm() throws {
    let refining = try open(.application, gaps)
    let t = try step(.automaticMessage(reason: "auto-replied", at: at("2026-02-03", 9, 0)), refining.snapshot)
    #expect(t.state == .refinementRequested)
    #expect(t.refinementDeadline == refining.refinementDeadline)
    #expect(types(t) == ["automatic-message"])
    #expect(t.effects.isEmpty)
    #expect(refusal(.automaticMessage(reason: "x", at: at("2026-02-03", 9, 0)), .unopened) != nil)
}
