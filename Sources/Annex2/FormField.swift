/// A field of the Annex 2 application and questionnaires; the raw value is the JSON name.
public enum FormField: String, Sendable, CaseIterable {
    case fullName, birthYear, residence, iin, experience, coordinatorExperience, coordinatedCount
    case members, organizationName, registrationDate, bin, headName, volunteerCount
    case phone, email, website, instagram, whatsapp
    case activityTypes, otherActivity, roles, availability, consent, programs, actions

    /// The label in Kazakh, as a refinement notice names the field to the applicant.
    public var kazakh: String {
        switch self {
        case .fullName: return "Тегі, аты, әкесінің аты (Т.А.Ә.)"
        case .birthYear: return "Туған жылы"
        case .residence: return "Тұрғылықты жері"
        case .iin: return "ЖСН (жеке сәйкестендіру нөмірі)"
        case .experience: return "Волонтерлік қызметтегі тәжірибесі"
        case .coordinatorExperience: return "Волонтерлер үйлестірушісі ретіндегі жұмыс тәжірибесі"
        case .coordinatedCount: return "Үйлестіретін волонтерлер саны"
        case .members: return "Волонтерлік топтың тізімі (мүшелерінің Т.А.Ә.)"
        case .organizationName: return "Ұйымның атауы"
        case .registrationDate: return "Тіркеу (қайта тіркеу) күні"
        case .bin: return "БСН (бизнес-сәйкестендіру нөмірі)"
        case .headName: return "Ұйым басшысының Т.А.Ә."
        case .volunteerCount: return "Ұйымдағы волонтерлер саны"
        case .phone: return "Байланыс телефоны"
        case .email: return "Электрондық пошта"
        case .website: return "Web-сайт"
        case .instagram: return "Instagram"
        case .whatsapp: return "WhatsApp"
        case .activityTypes: return "Волонтерлік қызметтің негізгі түрлері (1–13)"
        case .otherActivity: return "Волонтерлік қызметтің өзге түрі (нақты көрсетіңіз)"
        case .roles: return "Волонтер ретіндегі рөлі"
        case .availability: return "Волонтерлік қызмет үшін қолайлы уақыт"
        case .consent: return "Дербес деректерді жинауға және өңдеуге келісім"
        case .programs: return "Волонтерлік бағдарлама (жоба)"
        case .actions: return "Волонтерлік акция"
        }
    }

    /// The label in Russian, for the same notice.
    public var russian: String {
        switch self {
        case .fullName: return "Фамилия, имя, отчество (ФИО)"
        case .birthYear: return "Год рождения"
        case .residence: return "Место жительства"
        case .iin: return "ИИН (индивидуальный идентификационный номер)"
        case .experience: return "Опыт волонтерской деятельности"
        case .coordinatorExperience: return "Опыт работы в качестве координатора волонтеров"
        case .coordinatedCount: return "Количество координируемых волонтеров"
        case .members: return "Список группы волонтеров (ФИО участников)"
        case .organizationName: return "Наименование организации"
        case .registrationDate: return "Дата регистрации (перерегистрации)"
        case .bin: return "БИН (бизнес-идентификационный номер)"
        case .headName: return "ФИО руководителя организации"
        case .volunteerCount: return "Количество волонтеров в организации"
        case .phone: return "Контактный телефон"
        case .email: return "Электронная почта"
        case .website: return "Веб-сайт"
        case .instagram: return "Instagram"
        case .whatsapp: return "WhatsApp"
        case .activityTypes: return "Основные виды волонтерской деятельности (1–13)"
        case .otherActivity: return "Иной вид волонтерской деятельности (укажите)"
        case .roles: return "Роль в качестве волонтера"
        case .availability: return "Удобное время для волонтерской деятельности"
        case .consent: return "Согласие на сбор и обработку персональных данных"
        case .programs: return "Волонтерская программа (проект)"
        case .actions: return "Волонтерская акция"
        }
    }

    public func label(language: String) -> String { language == "ru" ? russian : kazakh }
}
