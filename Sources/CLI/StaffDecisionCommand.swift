import Cases
import Glibc
import Intake
import Store

/// `tizilim cases accept|refine|refuse|note|unflag ID`: a staff member's decision, recorded
/// with their login and carried out like the daemon's own (notices queued, register changed).
struct StaffDecisionCommand {
    static let actions = ["accept", "refine", "refuse", "note", "unflag"]

    let console: Console

    func run(_ action: String, _ operands: [String], arguments: Arguments, configuration: Configuration) -> Int32 {
        guard let id = operands.first else {
            console.error("tizilim cases \(action): which case? e.g. tizilim cases \(action) VR-2026-000123")
            return ExitCode.usage
        }
        let decision: StaffDecision
        switch action {
        case "accept":
            decision = .accept
        case "refine":
            let fields = (arguments.values["missing"] ?? []).flatMap { $0.split(separator: ",").map(String.init) }
            guard !fields.isEmpty else {
                console.error("tizilim cases refine: name what to fix: --missing iin --missing phone (field names or short texts)")
                return ExitCode.usage
            }
            decision = .refine(missing: fields, note: arguments.value("note"))
        case "refuse":
            guard let reason = arguments.value("reason") else {
                console.error("tizilim cases refuse: a refusal needs --reason TEXT; the applicant reads it")
                return ExitCode.usage
            }
            decision = .refuse(reason: reason)
        case "note":
            let text = operands.dropFirst().joined(separator: " ")
            decision = .note(text)
        default:
            decision = .unflag
        }
        let actor = Self.login()
        do {
            let site = try Site(configuration)
            let now = LocalDateTime(utcSeconds: Int64(time(nil)))
            switch try site.intake.decide(decision, caseID: id.uppercased(), actor: actor, at: now) {
            case .failure(let refusal):
                console.error("tizilim cases \(action) \(id.uppercased()): \(refusal.reason); nothing changed")
                return refusal.reason.hasPrefix("no case") ? ExitCode.noInput : ExitCode.dataError
            case .success(let transition):
                var line = "\(id.uppercased()): \(transition.events.map(\.type).joined(separator: ", ")) by \(actor); now \(transition.state.rawValue)"
                let notices = transition.effects.compactMap { effect -> String? in
                    if case let .notice(kind, _, _, _) = effect { return kind.rawValue }
                    return nil
                }
                if !notices.isEmpty { line += "; notice queued: " + notices.joined(separator: ", ") }
                console.line(line)
                return ExitCode.ok
            }
        } catch {
            console.error("tizilim cases \(action): \(error)")
            return ExitCode.software
        }
    }

    /// Who is at the keyboard: the person behind sudo first, since the store is often opened as
    /// its owning user.
    static func login() -> String {
        if let sudo = getenv("SUDO_USER").map({ String(cString: $0) }), !sudo.isEmpty, sudo != "root" { return sudo }
        if let entry = getpwuid(getuid()), let name = entry.pointee.pw_name { return String(cString: name) }
        return getenv("USER").map { String(cString: $0) } ?? "uid-\(getuid())"
    }
}
