/// The lines of the Annex 2 programme (project) and action forms, as the refinement notice names them,
/// and which of them an organiser must fill in. `FormCatalogue.programFields`/`actionFields` say how
/// the lines are recognised; this table says what they are called and whether they may stay empty.
///
/// Decision, for the lawyer's review: no line of either form carries "(бар болған кезде)", and p.8
/// checks completeness, so every line of a programme or action that is sent is required. The table
/// keeps a `required` flag per line so that a line can be relaxed here alone.
public enum FormParts {
    public struct Line: Sendable, Equatable {
        /// The sub-field's JSON name in `Application.fields[.programs]`/`[.actions]`.
        public let key: String
        /// The label as the Kazakh text of Annex 2 writes it.
        public let kazakh: String
        /// The label in the expected Russian wording.
        public let russian: String
        public let required: Bool

        init(_ key: String, _ kazakh: String, _ russian: String, required: Bool = true) {
            self.key = key
            self.kazakh = kazakh
            self.russian = russian
            self.required = required
        }
    }

    /// "Волонтерлік бағдарлама (жоба)", in the form's order.
    public static let program: [Line] = [
        Line("name", "Бағдарламаның (жобаның) атауы", "Название программы (проекта)"),
        Line("organizer", "Бағдарламаны (жобаны) ұйымдастырушы", "Организатор программы (проекта)"),
        Line("goal", "Бағдарлама (жоба) мақсаты", "Цель программы (проекта)"),
        Line("tasks", "Негізгі міндеттер", "Основные задачи"),
        Line("methods", "Бағдарламаны (жобаны) іске асыру әдістері", "Методы реализации программы (проекта)"),
        Line("expectedResults", "Күтілетін нәтижелер", "Ожидаемые результаты"),
        Line("targetGroup", "Бағдарламаның (жобаның) атаулы тобы", "Целевая группа программы (проекта)"),
        Line("participants", "Бағдарламаға (жобаға) қатысушылар саны", "Количество участников программы (проекта)"),
        Line("period", "Бағдарламаны (жобаны) іске асыру мерзімдері", "Сроки реализации программы (проекта)"),
        Line("place", "Бағдарламаны (жобаны) өткізу орны мен уақыты", "Место и время проведения программы (проекта)"),
        Line("requirements", "Бағдарламаны (жобаны) ұйымдастырушылар тарапынан бағдарламаны (жобаны) өткізуге қойылатын талаптар",
             "Требования организаторов к проведению программы (проекта)"),
        Line("offeredWork", "Волонтерге, волонтерлік топқа, үйлестірушіге ұсынылатын жұмыс",
             "Работа, предлагаемая волонтеру, волонтерской группе, координатору"),
    ]

    /// "Волонтерлік акция", in the form's order.
    public static let action: [Line] = [
        Line("name", "Акцияның атауы", "Название акции"),
        Line("organizer", "Акцияны ұйымдастырушы", "Организатор акции"),
        Line("goal", "Акция мақсаты", "Цель акции"),
        Line("tasks", "Негізгі міндеттер", "Основные задачи"),
        Line("expectedResults", "Күтілетін нәтижелер", "Ожидаемые результаты"),
        Line("targetGroup", "Волонтерлік акция бағытталған нысаналы топ", "Целевая группа, на которую направлена волонтерская акция"),
        Line("participants", "Қатысушы волонтерлер саны", "Количество участвующих волонтеров"),
        Line("dateTime", "Акцияны өткізу күні мен уақыты", "Дата и время проведения акции"),
        Line("place", "Акцияны өткізу орны", "Место проведения акции"),
        Line("requirements", "Акцияны ұйымдастырушы тарапынан акцияны өткізуге қойылатын талаптар",
             "Требования организатора к проведению акции"),
        Line("duration", "Ұзақтылығы / кезеңділігі", "Продолжительность / периодичность"),
        Line("offeredWork", "Волонтерге, волонтерлік топқа, үйлестірушіге ұсынылатын жұмыс",
             "Работа, предлагаемая волонтеру, волонтерской группе, координатору"),
    ]

    /// The lines of the form behind `.programs` or `.actions`; none for any other field.
    public static func lines(of field: FormField) -> [Line] {
        switch field {
        case .programs: return program
        case .actions: return action
        default: return []
        }
    }

    /// The required lines each programme or action in `blocks` leaves empty, in form order.
    public static func missing(in blocks: [[String: String]], of field: FormField) -> [MissingPart] {
        var out: [MissingPart] = []
        for (i, block) in blocks.enumerated() {
            for line in lines(of: field) where line.required {
                let value = block[line.key] ?? ""
                if !value.contains(where: { $0.isLetter || $0.isNumber }) {
                    out.append(MissingPart(field: field, index: i + 1, key: line.key, kazakh: line.kazakh, russian: line.russian))
                }
            }
        }
        return out
    }
}

/// One empty line of one programme or action: what the refinement notice asks the organiser to add.
public struct MissingPart: Sendable, Equatable {
    /// `.programs` or `.actions`.
    public let field: FormField
    /// Which programme or action, from 1, in the order the message gives them.
    public let index: Int
    /// The sub-field's JSON name.
    public let key: String
    public let kazakh: String
    public let russian: String

    public init(field: FormField, index: Int, key: String, kazakh: String, russian: String) {
        self.field = field
        self.index = index
        self.key = key
        self.kazakh = kazakh
        self.russian = russian
    }
}
