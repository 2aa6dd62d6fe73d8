import Annex2
/// Why a value an applicant typed cannot be accepted. Each case tells staff what was found (in English)
/// and tells the applicant, in a complete Kazakh and a complete Russian sentence, which field is wrong
/// and what to write instead: the refinement notice quotes these sentences as they are.
public enum FieldProblem: Sendable, Equatable {
    case iinLength
    case iinBirthDate
    case iinCheckDigit
    case iinFutureBirth
    case iinBirthYearMismatch(iinYear: Int, formYear: Int)
    case binLength
    case binMonth(Int)
    case binEntityType
    case binUnit
    case binCheckDigit
    case yearNotFound(String)
    case birthYearFuture(Int)
    case birthYearTooEarly(Int)
    case tooYoung(Int)
    case countNotNumber(String)
    case countImplausible(Int)
    case dateNotUnderstood(String)
    case registrationFuture(String)
    case registrationTooEarly(Int)
    case phone(String)
    case email(String)
    case website(String)
    case instagram(String)
    case optionsUnknown([Int], upTo: Int)
    case optionsNotNamed(String, upTo: Int)
    case consentRefused
    case otherActivityUnspecified

    /// For staff: what was found, with the value as typed.
    public var english: String {
        switch self {
        case .iinLength: return "an IIN has 12 digits"
        case .iinBirthDate: return "the IIN does not encode a real birth date"
        case .iinCheckDigit: return "the IIN check digit is wrong"
        case .iinFutureBirth: return "the IIN encodes a birth date in the future"
        case .iinBirthYearMismatch(let iinYear, let formYear): return "the IIN encodes birth year \(iinYear), the form says \(formYear)"
        case .binLength: return "a BIN has 12 digits"
        case .binMonth(let m): return "the BIN's registration month \(m) does not exist"
        case .binEntityType: return "the BIN's entity type digit must be 4, 5 or 6"
        case .binUnit: return "the BIN's unit digit must be 0–3"
        case .binCheckDigit: return "the BIN check digit is wrong"
        case .yearNotFound(let text): return "no four-digit year in \"\(text)\""
        case .birthYearFuture(let y): return "birth year \(y) is in the future"
        case .birthYearTooEarly(let y): return "birth year \(y) is implausibly early"
        case .tooYoung(let y): return "born in \(y): younger than \(Plausible.minimumAge)"
        case .countNotNumber(let text): return "no number in \"\(text)\""
        case .countImplausible(let n): return "\(n) is not a plausible number of volunteers"
        case .dateNotUnderstood(let text): return "\"\(text)\" is not a date"
        case .registrationFuture(let date): return "registration date \(date) is in the future"
        case .registrationTooEarly(let y): return "registration year \(y) is before 1991"
        case .phone(let text): return "\"\(text)\" is not a phone number"
        case .email(let text): return "\"\(text)\" is not an e-mail address"
        case .website(let text): return "\"\(text)\" is not a web address"
        case .instagram(let text): return "\"\(text)\" is not an Instagram account"
        case .optionsUnknown(let numbers, let max):
            return "options \(numbers.map(String.init).joined(separator: ", ")) do not exist (1–\(max))"
        case .optionsNotNamed(let text, let max): return "\"\(text)\" does not name options 1–\(max)"
        case .consentRefused: return "consent to personal data processing was refused"
        case .otherActivityUnspecified: return "option 13 chosen without saying which activity"
        }
    }

    /// For the applicant, in Kazakh: the field's label as the form has it, and what to write.
    public func kazakh(_ field: FormField) -> String {
        let label = "«\(field.kazakh)»"
        switch self {
        case .iinLength: return "\(label) жолына 12 цифрдан тұратын ЖСН-ді жазыңыз."
        case .iinBirthDate:
            return "\(label) жолындағы ЖСН-нің алғашқы алты цифры нақты туған күнді білдірмейді; ЖСН-ді жеке куәлігіңізбен салыстырып, дұрысын жазыңыз."
        case .iinCheckDigit:
            return "\(label) жолындағы ЖСН-нің соңғы (бақылау) цифры дұрыс емес; ЖСН-ді жеке куәлігіңізбен салыстырып, дұрысын жазыңыз."
        case .iinFutureBirth:
            return "\(label) жолындағы ЖСН әлі келмеген туған күнді білдіреді; ЖСН-ді жеке куәлігіңізбен салыстырып, дұрысын жазыңыз."
        case .iinBirthYearMismatch(let iinYear, let formYear):
            return "\(label) бойынша туған жылыңыз — \(iinYear), ал «\(FormField.birthYear.kazakh)» жолында \(formYear) көрсетілген; қатесін түзетіңіз."
        case .binLength: return "\(label) жолына 12 цифрдан тұратын БСН-ді жазыңыз."
        case .binMonth(let m):
            return "\(label) жолындағы БСН-нің үшінші және төртінші цифрлары тіркелген айды білдіреді, ал \(m) деген ай жоқ; БСН-ді тіркеу құжаттарымен салыстырып, дұрысын жазыңыз."
        case .binEntityType:
            return "\(label) жолындағы БСН-нің бесінші цифры заңды тұлғаның түрін білдіреді және 4, 5 немесе 6 болуы керек; БСН-ді тіркеу құжаттарымен салыстырып, дұрысын жазыңыз."
        case .binUnit:
            return "\(label) жолындағы БСН-нің алтыншы цифры 0, 1, 2 немесе 3 болуы керек; БСН-ді тіркеу құжаттарымен салыстырып, дұрысын жазыңыз."
        case .binCheckDigit:
            return "\(label) жолындағы БСН-нің соңғы (бақылау) цифры дұрыс емес; БСН-ді тіркеу құжаттарымен салыстырып, дұрысын жазыңыз."
        case .yearNotFound: return "\(label) жолына туған жылыңызды төрт цифрмен жазыңыз (мысалы, 1995)."
        case .birthYearFuture(let y): return "\(label) жолында әлі келмеген \(y) жыл көрсетілген; туған жылыңызды түзетіңіз."
        case .birthYearTooEarly(let y): return "\(label) жолындағы \(y) жыл шындыққа сай емес; туған жылыңызды тексеріп, түзетіңіз."
        case .tooYoung(let y):
            return "\(label) жолы бойынша (\(y)) сізге \(Plausible.minimumAge) жас толмаған, ал волонтерлік қызметке \(Plausible.minimumAge) жастан бастап қатысуға болады; туған жылыңызды тексеріңіз."
        case .countNotNumber: return "\(label) жолына волонтерлер санын цифрмен жазыңыз."
        case .countImplausible(let n): return "\(label) жолындағы \(n) саны шындыққа сай емес; волонтерлердің нақты санын жазыңыз."
        case .dateNotUnderstood: return "\(label) жолындағы күн танылмады; оны КК.АА.ЖЖЖЖ түрінде жазыңыз (мысалы, 17.09.2020)."
        case .registrationFuture: return "\(label) жолында әлі келмеген күн көрсетілген; ұйымның тіркелген күнін түзетіңіз."
        case .registrationTooEarly(let y):
            return "\(label) жолындағы \(y) жыл 1991 жылдан ерте; ұйымның Қазақстан Республикасында тіркелген (қайта тіркелген) күнін жазыңыз."
        case .phone:
            return "\(label) жолындағы нөмір телефон нөмірі ретінде танылмады; Қазақстан нөмірін +7 701 123 45 67 түрінде, шетелдік нөмірді «+» белгісі мен ел кодынан бастап жазыңыз."
        case .email:
            return "\(label) жолындағы мекенжай электрондық пошта мекенжайына ұқсамайды; «@» белгісі мен домені бар толық мекенжайды жазыңыз."
        case .website: return "\(label) жолындағы мекенжай сайт мекенжайы ретінде танылмады; сайттың толық мекенжайын бос орынсыз жазыңыз."
        case .instagram: return "\(label) жолындағы аккаунт атауы танылмады; оны «@» белгісінен бастап, бос орынсыз жазыңыз."
        case .optionsUnknown(let numbers, let max):
            return "\(label) жолында тізімде жоқ нұсқалар көрсетілген (\(numbers.map(String.init).joined(separator: ", "))); тек 1–\(max) аралығындағы нөмірлерді жазыңыз."
        case .optionsNotNamed(_, let max):
            return "\(label) жолындағы жауап тізімдегі нұсқалардың ешқайсысына сәйкес келмейді; таңдағаныңызды 1–\(max) аралығындағы нөмірлермен жазыңыз."
        case .consentRefused:
            return "\(label) берілмеген, ал онсыз тізілімге енгізу мүмкін емес; келіссеңіз, арызды келісіміңізбен қайта жіберіңіз."
        case .otherActivityUnspecified:
            return "Қызмет түрлерінен 13-тармақ (өзге де түрлері) таңдалған, бірақ қандай қызмет екені жазылмаған; \(label) жолын толтырыңыз."
        }
    }

    /// For the applicant, in Russian.
    public func russian(_ field: FormField) -> String {
        let label = "«\(field.russian)»"
        switch self {
        case .iinLength: return "В поле \(label) укажите ИИН из 12 цифр."
        case .iinBirthDate:
            return "Первые шесть цифр ИИН в поле \(label) не образуют существующую дату рождения; сверьте ИИН с удостоверением личности и укажите верный."
        case .iinCheckDigit:
            return "В поле \(label) неверна последняя (контрольная) цифра ИИН; сверьте ИИН с удостоверением личности и укажите верный."
        case .iinFutureBirth:
            return "ИИН в поле \(label) соответствует дате рождения в будущем; сверьте ИИН с удостоверением личности и укажите верный."
        case .iinBirthYearMismatch(let iinYear, let formYear):
            return "По ИИН из поля \(label) год рождения — \(iinYear), а в поле «\(FormField.birthYear.russian)» указан \(formYear); исправьте ошибочное значение."
        case .binLength: return "В поле \(label) укажите БИН из 12 цифр."
        case .binMonth(let m):
            return "Третья и четвертая цифры БИН в поле \(label) обозначают месяц регистрации, а месяца \(m) не существует; сверьте БИН с регистрационными документами и укажите верный."
        case .binEntityType:
            return "Пятая цифра БИН в поле \(label) обозначает тип юридического лица и должна быть 4, 5 или 6; сверьте БИН с регистрационными документами и укажите верный."
        case .binUnit:
            return "Шестая цифра БИН в поле \(label) должна быть 0, 1, 2 или 3; сверьте БИН с регистрационными документами и укажите верный."
        case .binCheckDigit:
            return "В поле \(label) неверна последняя (контрольная) цифра БИН; сверьте БИН с регистрационными документами и укажите верный."
        case .yearNotFound: return "В поле \(label) укажите год рождения четырьмя цифрами (например, 1995)."
        case .birthYearFuture(let y): return "В поле \(label) указан год \(y), который еще не наступил; исправьте год рождения."
        case .birthYearTooEarly(let y): return "Год \(y) в поле \(label) неправдоподобен; проверьте и исправьте год рождения."
        case .tooYoung(let y):
            return "Согласно полю \(label) (\(y)) вам нет \(Plausible.minimumAge) лет, а участвовать в волонтерской деятельности можно с \(Plausible.minimumAge) лет; проверьте год рождения."
        case .countNotNumber: return "В поле \(label) укажите количество волонтеров числом."
        case .countImplausible(let n): return "Число \(n) в поле \(label) неправдоподобно; укажите фактическое количество волонтеров."
        case .dateNotUnderstood: return "Дата в поле \(label) не распознана; укажите ее в виде ДД.ММ.ГГГГ (например, 17.09.2020)."
        case .registrationFuture: return "В поле \(label) указана дата, которая еще не наступила; исправьте дату регистрации организации."
        case .registrationTooEarly(let y):
            return "Год \(y) в поле \(label) раньше 1991 года; укажите дату регистрации (перерегистрации) организации в Республике Казахстан."
        case .phone:
            return "Номер в поле \(label) не распознан как телефонный; укажите казахстанский номер в виде +7 701 123 45 67, а иностранный — со знаком «+» и кодом страны."
        case .email:
            return "Адрес в поле \(label) не похож на адрес электронной почты; укажите полный адрес со знаком «@» и доменом."
        case .website: return "Адрес в поле \(label) не распознан как адрес сайта; укажите полный адрес сайта без пробелов."
        case .instagram: return "Имя аккаунта в поле \(label) не распознано; укажите его со знаком «@» в начале, без пробелов."
        case .optionsUnknown(let numbers, let max):
            return "В поле \(label) указаны варианты, которых нет в перечне (\(numbers.map(String.init).joined(separator: ", "))); укажите только номера от 1 до \(max)."
        case .optionsNotNamed(_, let max):
            return "Ответ в поле \(label) не соответствует ни одному варианту перечня; укажите выбранное номерами от 1 до \(max)."
        case .consentRefused:
            return "\(label) не дано, а без него включение в реестр невозможно; если вы согласны, направьте заявление с согласием повторно."
        case .otherActivityUnspecified:
            return "Выбран пункт 13 (иные виды волонтерской деятельности), но не указано, какой именно; заполните поле \(label)."
        }
    }
}
