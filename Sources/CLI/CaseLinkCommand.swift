import Cases
import Intake

/// `cases merge A B` and `cases split A MESSAGE`: staff move letters between cases, recorded in
/// both histories with their login; each undoes the other.
struct CaseLinkCommand {
    let console: Console
    let wording: StaffWording

    func run(_ action: String, _ operands: [String], intake: Intake, now: LocalDateTime) -> Int32 {
        let actor = StaffDecisionCommand.login()
        let id = operands[0].uppercased()
        let w = wording
        return StaffDecisionCommand.conclude(action, id, console: console, wording: wording) {
            if action == "merge" {
                let other = operands[1].uppercased()
                return try intake.merge(into: id, from: other, actor: actor, at: now).map { moved in
                    w.pick("\(other) \(id) ісіне біріктірілді (\(moved.messages) хат), қызметкер \(actor); \(other) жабылды",
                           "\(other) объединено с \(id) (писем: \(moved.messages)), сотрудник \(actor); \(other) закрыто",
                           "\(other) merged into \(id) (\(moved.messages) letter(s)) by \(actor); \(other) closed as merged")
                }
            }
            return try intake.split(id, message: operands[1], actor: actor, at: now).map { moved in
                w.pick("\(id): хат \(moved.otherCaseID) жаңа ісіне бөлінді, қызметкер \(actor)",
                       "\(id): письмо выделено в новое дело \(moved.otherCaseID), сотрудник \(actor)",
                       "\(id): the letter split out into \(moved.otherCaseID) by \(actor), under review")
            }
        }
    }
}
