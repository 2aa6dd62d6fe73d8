/// The two languages the register is kept in (Rules p.3), with every heading and fixed phrase of
/// its public pages. The Kazakh headings are Annex 1's own; the Russian ones are its official wording.
public enum RegisterLanguage: String, Sendable, CaseIterable {
    case kk, ru

    /// The other language, which each published page links to.
    public var other: RegisterLanguage { self == .kk ? .ru : .kk }

    /// Annex 1's column headings, columns 1 to 11 in order.
    public var headings: [String] {
        switch self {
        case .kk:
            return ["№",
                    "Волонтер Т.А.Ә. (бар болған кезде)",
                    "Волонтерлер топ басшысының Т.А.Ә. (бар болған кезде)",
                    "Волонтерлік ұйым (ұйымның атауы) басшысының Т.А.Ә. (бар болған кезде)",
                    "Волонтерлік қызметті үйлестіруші және ұйымдастырушы Т.А.Ә. (бар болған кезде)",
                    "Байланыс деректері, e-mail, web-сайт (бар болған кезде), қолданылу өңірі",
                    "Волонтерлер бағдарламасы (жоба)",
                    "Волонтерлер акциясы",
                    "Волонтерлік бағдарламаларды (жобаларды)/волонтерлік акцияларды өткізу орны мен уақыты",
                    "Волонтерлік бағдарламаларды (жобаларды)/волонтерлік акцияларды өткізуге қойылатын талаптар",
                    "Волонтерлік қызметті тоқтату туралы мәліметтер"]
        case .ru:
            return ["№",
                    "Ф.И.О. (при его наличии) волонтера",
                    "Ф.И.О. (при его наличии) руководителя группы волонтеров",
                    "Ф.И.О. (при его наличии) руководителя волонтерской организации (наименование организации)",
                    "Ф.И.О. (при его наличии) координатора и организатора волонтерской деятельности",
                    "Контактные данные, e-mail, веб-сайт (при наличии), регион деятельности",
                    "Волонтерская программа (проект)",
                    "Волонтерская акция",
                    "Место и время проведения волонтерских программ (проектов)/волонтерских акций",
                    "Требования к проведению волонтерских программ (проектов)/волонтерских акций",
                    "Сведения о прекращении волонтерской деятельности"]
        }
    }

    public var ministry: String {
        self == .kk ? "Қазақстан Республикасы Мәдениет және ақпарат министрлігі"
                    : "Министерство культуры и информации Республики Казахстан"
    }

    public var title: String {
        self == .kk ? "Волонтерлік қызметті есепке алу тізілімі" : "Реестр учета волонтерской деятельности"
    }

    /// The legal form the table follows, under the title.
    public var basis: String {
        self == .kk
            ? "Қазақстан Республикасы Мәдениет және ақпарат министрінің 2025 жылғы 31 наурыздағы № 127-НҚ бұйрығымен бекітілген Волонтерлік қызметті есепке алу тізілімін жүргізу жөніндегі қағидаларға 1-қосымшаның нысаны бойынша"
            : "По форме согласно приложению 1 к Правилам ведения реестра учета волонтерской деятельности, утвержденным приказом Министра культуры и информации Республики Казахстан от 31 марта 2025 года № 127-НҚ"
    }

    /// Column 11 of a terminated entry. Impersonal on purpose: the same phrase must fit a person,
    /// a group and an organisation, where "прекратил(а)" would not.
    public func terminationPhrase(date: String) -> String {
        self == .kk ? "Волонтерлік қызмет тоқтатылды: \(date)" : "Волонтерская деятельность прекращена: \(date)"
    }

    public var lastUpdated: String { self == .kk ? "Соңғы жаңартылған күні" : "Дата последнего обновления" }
    public var searchLabel: String { self == .kk ? "Тізілімнен іздеу" : "Поиск по реестру" }
    public var searchPlaceholder: String {
        self == .kk ? "Т.А.Ә., ұйым, өңір, бағдарлама…" : "ФИО, организация, регион, программа…"
    }
    /// `{shown}` and `{total}` are filled in by the page's script as the search narrows the rows.
    public var shownTemplate: String {
        self == .kk ? "Көрсетілген жазбалар: {shown} / {total}" : "Показано записей: {shown} из {total}"
    }
    public var nothingFound: String { self == .kk ? "Ештеңе табылмады" : "Ничего не найдено" }
    public var emptyRegister: String { self == .kk ? "Тізілімде әзірге жазба жоқ" : "В реестре пока нет записей" }
    public var sortHint: String {
        self == .kk ? "Сұрыптау үшін баған атауын басыңыз" : "Нажмите на заголовок столбца, чтобы отсортировать"
    }
    /// The filters beside the search: by the applicant's kind and by the region of activity.
    public var kindFilterLabel: String { self == .kk ? "Өтініш берушінің түрі" : "Вид заявителя" }
    public var allKinds: String { self == .kk ? "Барлық түрлері" : "Все виды" }
    public var regionFilterLabel: String { self == .kk ? "Қызмет өңірі" : "Регион деятельности" }
    public var allRegions: String { self == .kk ? "Барлық өңірлер" : "Все регионы" }
    public var download: String { self == .kk ? "Жүктеп алу" : "Скачать" }
    /// The words linking to this language's page, in this language: whoever needs that page reads them.
    public var pageLinkText: String { self == .kk ? "Қазақ тілінде" : "На русском языке" }
    /// Worksheet names may not exceed 31 characters.
    public var sheetName: String { self == .kk ? "Тізілім" : "Реестр" }

    // Labels inside the cells of columns 6 to 8; the values they introduce are the applicant's.
    public var regionLabel: String { self == .kk ? "Өңірі" : "Регион" }
    public var phoneLabel: String { "тел." }
    public var organizerLabel: String { self == .kk ? "Ұйымдастырушы" : "Организатор" }
    public var goalLabel: String { self == .kk ? "Мақсаты" : "Цель" }
}
