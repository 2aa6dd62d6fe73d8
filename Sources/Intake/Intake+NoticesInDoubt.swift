import Cases
import Store

/// Staff's answer to a case's notices in doubt, after reading the mail server's log: they never
/// left (queue them again) or they left (mark them sent). Either way the answer is recorded in
/// the case's history with the staff member's login, and the flag comes down.
extension Intake {
    public struct Settled: Sendable, Equatable {
        public let transition: Transition
        public let messageIDs: [String]
    }

    public func settleNoticesInDoubt(_ settlement: NoticeSettlement, caseID humanID: String, actor: String,
                                     at: LocalDateTime) throws -> Result<Settled, Refusal> {
        guard !actor.isEmpty else { return .failure(Refusal("settling a notice needs the staff member's login")) }
        return try database.transaction {
            let book = CaseBook(database)
            guard let record = try book.find(humanID: humanID) else { return .failure(Refusal("no case \(humanID)")) }
            let outbox = Outbox(database)
            let doubtful = try outbox.items(caseID: record.id).filter { $0.state == .inDoubt }
            guard !doubtful.isEmpty else { return .failure(Refusal("no notice of \(humanID) is in doubt")) }
            let ids = doubtful.map(\.messageID)
            switch CaseMachine.apply(.noticesSettled(settlement, messageIDs: ids, actor: actor, at: at), to: record.snapshot,
                                     policy: settings.policy, calendar: settings.calendar) {
            case .failure(let refusal):
                return .failure(refusal)
            case .success(let transition):
                try book.record(transition, caseID: record.id, at: at)
                for item in doubtful {
                    switch settlement {
                    case .resent: try outbox.requeue(id: item.id, at: at)
                    case .confirmedSent: try outbox.confirmSent(id: item.id, at: at, note: "confirmed sent by \(actor)")
                    }
                }
                return .success(Settled(transition: transition, messageIDs: ids))
            }
        }
    }
}
