import Cases
import Glibc
import Intake
import Store

/// `cases resend ID` and `cases confirm-sent ID`: staff's answer to a case's notices in doubt
/// (the daemon died while the SMTP server was taking them), after looking each Message-ID up in
/// the mail server's log. Recorded with the staff member's login; the flag comes down.
struct NoticeSettlementCommand {
    static let actions = ["resend": NoticeSettlement.resent, "confirm-sent": .confirmedSent]

    let console: Console
    let wording: StaffWording

    func run(_ action: String, _ operands: [String], intake: Intake, now: LocalDateTime) -> Int32 {
        guard let settlement = Self.actions[action], operands.count == 1 else {
            console.error("tizilim cases \(action): expected 'cases \(action) ID', e.g. tizilim cases \(action) VR-2026-000123")
            return ExitCode.usage
        }
        let id = operands[0].uppercased()
        let actor = StaffDecisionCommand.login()
        return StaffDecisionCommand.conclude(action, id, console: console, wording: wording) {
            try intake.settleNoticesInDoubt(settlement, caseID: id, actor: actor, at: now).map {
                confirmation(id, $0, settlement: settlement, actor: actor)
            }
        }
    }

    /// The English form is the one scripts and the tests read.
    func confirmation(_ id: String, _ settled: Intake.Settled, settlement: NoticeSettlement, actor: String) -> String {
        let w = wording
        let notices = settled.messageIDs.map { "<\($0)>" }.joined(separator: ", ")
        let what: String
        switch settlement {
        case .resent: what = w.pick("қайта жіберуге қойылды: ", "снова в очереди: ", "queued again: ")
        case .confirmedSent: what = w.pick("жіберілді деп белгіленді: ", "отмечены отправленными: ", "marked sent: ")
        }
        if w.language == .en {
            return "\(id): \(settled.transition.events.map(\.type).joined(separator: ", ")) by \(actor); " + what + notices
        }
        let done = settled.transition.events.map { w.event($0.type) }.joined(separator: ", ")
        return id + ": " + done + w.pick(" (қызметкер \(actor)); ", " (сотрудник \(actor)); ", "") + what + notices
    }
}
