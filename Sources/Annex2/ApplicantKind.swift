/// Who applies for inclusion in the register (Rules p.4): each kind has its own Annex 2 questionnaire.
public enum ApplicantKind: String, Sendable, CaseIterable {
    case volunteer, group, organization, coordinator, organizer

    /// The name as the Kazakh text of the Rules writes it.
    public var kazakh: String {
        switch self {
        case .volunteer: return "волонтер"
        case .group: return "волонтерлер тобы"
        case .organization: return "волонтерлік ұйым"
        case .coordinator: return "волонтерлерді үйлестіруші"
        case .organizer: return "волонтерлік қызметті ұйымдастырушы"
        }
    }

    /// The name in the expected Russian wording of the Rules.
    public var russian: String {
        switch self {
        case .volunteer: return "волонтер"
        case .group: return "группа волонтеров"
        case .organization: return "волонтерская организация"
        case .coordinator: return "координатор волонтеров"
        case .organizer: return "организатор волонтерской деятельности"
        }
    }

    public func name(language: String) -> String { language == "ru" ? russian : kazakh }
}
