import Service
import Cases
import Glibc
import Intake
import Store

/// `tizilim cases accept|refine|refuse|note|unflag ID`: a staff member's decision, recorded
/// with their login and carried out like the daemon's own (notices queued, register changed).
struct StaffDecisionCommand {
    static let actions = ["accept", "refine", "refuse", "note", "unflag"]

    let console: Console
    var wording = StaffWording(language: .en)

    func run(_ action: String, _ operands: [String], arguments: Arguments, settings: Settings) -> Int32 {
        guard let id = operands.first else {
            console.error("tizilim cases \(action): which case? e.g. tizilim cases \(action) VR-2026-000123")
            return ExitCode.usage
        }
        let decision: StaffDecision
        let editor = arguments.has("editor")
        // The text as typed, or as written in $EDITOR when --editor asks for it.
        func text(_ typed: String?, _ instructions: String) -> Result<String?, TextEditor.Problem> {
            guard editor else { return .success(typed) }
            return TextEditor.compose(initial: typed ?? "", instructions: instructions).map(Optional.some)
        }
        let about = "\(id.uppercased()): lines starting with # are dropped; an empty text changes nothing."
        switch action {
        case "accept":
            decision = .accept
        case "refine":
            let fields = (arguments.values["missing"] ?? []).flatMap { $0.split(separator: ",").map(String.init) }
            guard !fields.isEmpty else {
                console.error("tizilim cases refine: name what to fix: --missing iin --missing phone (field names or short texts)")
                return ExitCode.usage
            }
            switch text(arguments.value("note"), "The note the applicant reads with the refinement request for \(about)") {
            case .success(let note): decision = .refine(missing: fields, note: note)
            case .failure(let problem): return aborted(action, problem)
            }
        case "refuse":
            switch text(arguments.value("reason"), "The reason for refusing, which the applicant reads, for \(about)") {
            case .success(let reason?): decision = .refuse(reason: reason)
            case .success(nil):
                console.error("tizilim cases refuse: a refusal needs --reason TEXT (or --editor); the applicant reads it")
                return ExitCode.usage
            case .failure(let problem): return aborted(action, problem)
            }
        case "note":
            let typed = operands.dropFirst().joined(separator: " ")
            switch text(typed.isEmpty ? nil : typed, "A note in the history of \(about)") {
            case .success(let note): decision = .note(note ?? "")
            case .failure(let problem): return aborted(action, problem)
            }
        default:
            decision = .unflag
        }
        let actor = Self.login()
        return Self.conclude(action, id.uppercased(), console: console, wording: wording) {
            let intake = Intake(database: try CasesCommand.openStore(settings),
                                settings: try settings.intakeSettings())
            let now = LocalDateTime(utcSeconds: Int64(time(nil)))
            return try intake.decide(decision, caseID: id.uppercased(), actor: actor, at: now).map { transition in
                let notices = transition.effects.compactMap { effect -> String? in
                    if case let .notice(kind, _, _, _) = effect { return kind.rawValue }
                    return nil
                }
                return confirmation(id.uppercased(), transition, notices: notices, actor: actor)
            }
        }
    }

    /// How every staff action on a case ends: the confirmation line, or what the case's state
    /// refused (exit 65, or 66 for no such case), a store busy past staff's patience (75), or
    /// a failure (70). Nothing is changed unless the action succeeded.
    static func conclude(_ action: String, _ id: String, console: Console, wording: StaffWording,
                         _ act: () throws -> Result<String, Refusal>) -> Int32 {
        do {
            switch try act() {
            case .failure(let refusal):
                console.error("tizilim cases \(action) \(id): \(wording.refusal(refusal.reason))"
                              + wording.pick("; ештеңе өзгерген жоқ", "; ничего не изменено", "; nothing changed"))
                return refusal.reason.hasPrefix("no case") ? ExitCode.noInput : ExitCode.dataError
            case .success(let confirmation):
                console.line(confirmation)
                return ExitCode.ok
            }
        } catch let failure as Database.Failure where failure.isBusy {
            console.error("tizilim cases \(action): \(CasesCommand.busy); nothing changed")
            return ExitCode.temporaryFailure
        } catch {
            console.error("tizilim cases \(action): \(error)")
            return ExitCode.software
        }
    }

    /// What was done, by whom, and what the applicant will receive; the English form is the
    /// one scripts and the tests read ("accepted by X; now accepted; notice queued: acceptance").
    func confirmation(_ id: String, _ transition: Transition, notices: [String], actor: String) -> String {
        let w = wording
        if w.language == .en {
            var line = "\(id): \(transition.events.map(\.type).joined(separator: ", ")) by \(actor); now \(transition.state.rawValue)"
            if !notices.isEmpty { line += "; notice queued: " + notices.joined(separator: ", ") }
            return line
        }
        let done = transition.events.map { w.event($0.type) }.joined(separator: ", ")
        var line = id + ": " + done + w.pick(" (қызметкер \(actor)); күйі: ", " (сотрудник \(actor)); состояние: ", "")
            + w.state(transition.state)
        if !notices.isEmpty {
            line += w.pick("; хабарлама кезекте: ", "; уведомление в очереди: ", "") + notices.map(w.notice).joined(separator: ", ")
        }
        return line
    }

    func aborted(_ action: String, _ problem: TextEditor.Problem) -> Int32 {
        console.error("tizilim cases \(action): \(problem)")
        return ExitCode.dataError
    }

    /// Who is at the keyboard: the person behind sudo first, since the store is often opened as
    /// its owning user.
    static func login() -> String {
        if let sudo = getenv("SUDO_USER").map({ String(cString: $0) }), !sudo.isEmpty, sudo != "root" { return sudo }
        if let entry = getpwuid(getuid()), let name = entry.pointee.pw_name { return String(cString: name) }
        return getenv("USER").map { String(cString: $0) } ?? "uid-\(getuid())"
    }
}
