/// A volunteer programme (project) or action as the register shows it: the lines of its Annex 2
/// form that columns 7 to 10 need, as the applicant wrote them. Tasks, methods, target group and
/// the like stay in the case file; the register names the activity, not its whole plan.
public struct RegisterActivity: Sendable, Equatable {
    public var name: String
    public var organizer: String
    public var goal: String
    /// "Place and time" on the programme form, "place" on the action form.
    public var place: String
    /// The programme's implementation period or the action's date and time.
    public var time: String
    /// An action's duration or periodicity.
    public var duration: String
    public var requirements: String

    public init(name: String = "", organizer: String = "", goal: String = "", place: String = "", time: String = "",
                duration: String = "", requirements: String = "") {
        self.name = name
        self.organizer = organizer
        self.goal = goal
        self.place = place
        self.time = time
        self.duration = duration
        self.requirements = requirements
    }

    /// From one programme or action form (`FormCatalogue.programFields` / `actionFields` keys).
    public init(form: [String: String]) {
        func line(_ key: String) -> String { form[key]?.trimmingSpaces ?? "" }
        self.init(name: line("name"), organizer: line("organizer"), goal: line("goal"), place: line("place"),
                  time: [line("period"), line("dateTime")].filter { !$0.isEmpty }.joined(separator: "; "),
                  duration: line("duration"), requirements: line("requirements"))
    }

    public var isEmpty: Bool { self == RegisterActivity() }
}
