/// Staff's moves between cases (`cases merge`, `cases split`), as transitions: the history
/// records who moved what, and a merged case stops where it stands.
extension CaseMachine {
    /// A line in the case's history that changes nothing else: a merge or split seen from the
    /// case that stays.
    public static func recordLink(_ type: String, reason: String, actor: String, on snapshot: CaseSnapshot,
                                  policy: DecisionPolicy, calendar: BusinessCalendar,
                                  at: LocalDateTime) -> Result<Transition, Refusal> {
        guard snapshot.state != nil else { return .failure(Refusal("the case is not open")) }
        guard !actor.isEmpty else { return .failure(Refusal("moving letters between cases needs the staff member's login")) }
        var draft = CaseDraft(snapshot, policy: policy, calendar: calendar)
        draft.record(type, at, actor: actor, reason: reason)
        return .success(draft.transition)
    }

    /// `cases merge A B`, seen from B: its letters went into A, its terms stop, it is closed.
    /// A case with a register entry made or changed by it is not merged away.
    public static func closeAsMerged(_ snapshot: CaseSnapshot, into target: String, actor: String, policy: DecisionPolicy,
                                     calendar: BusinessCalendar, at: LocalDateTime) -> Result<Transition, Refusal> {
        guard let state = snapshot.state else { return .failure(Refusal("the case is not open")) }
        guard !actor.isEmpty else { return .failure(Refusal("moving letters between cases needs the staff member's login")) }
        if [.accepted, .changeApplied, .terminated].contains(state) {
            return .failure(Refusal("cannot merge away \(state.phrase): its register entry was made or changed by it"))
        }
        var draft = CaseDraft(snapshot, policy: policy, calendar: calendar)
        draft.stopTimers()
        draft.state = .closed
        if !draft.flags.isEmpty {
            draft.flags = []
            draft.effects.append(.unflag(nil))
        }
        draft.record("merged-into", at, actor: actor, reason: "letters and history moved into \(target)")
        return .success(draft.transition)
    }
}
