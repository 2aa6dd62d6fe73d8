import Dates
import Annex2
import Cases
import Forms

/// The words staff read in `cases` and `stats`, in Kazakh, Russian or English. The stable
/// identifiers (`under-review`, `notice-bounced`) stay in `--json`; people get these.
struct StaffWording {
    let language: OperatorLanguage

    func pick(_ kk: String, _ ru: String, _ en: String) -> String { language.pick(kk, ru, en) }

    func state(_ state: CaseState?) -> String {
        switch state {
        case .underReview: return pick("қаралуда", "на рассмотрении", "under review")
        case .refinementRequested: return pick("пысықтауда", "на доработке", "refinement")
        case .accepted: return pick("қабылданды", "принято", "accepted")
        case .refused: return pick("бас тартылды", "отказано", "refused")
        case .changeApplied: return pick("өзгертілді", "изменено", "change applied")
        case .terminated: return pick("тоқтатылды", "прекращено", "terminated")
        case .closed: return pick("жабылды", "закрыто", "closed")
        case nil: return "?"
        }
    }

    /// The applicant's kind in a word or two, for a table column.
    /// The case machine's refusal of a staff decision, in the operator's language. The machine
    /// speaks English to its log; staff read this. Reasons it does not know stay as they are.
    func refusal(_ reason: String) -> String {
        guard language != .en else { return reason }
        for state in CaseState.allCases where reason.hasSuffix(state.phrase) {
            let what = self.state(state)
            if reason.hasPrefix("cannot accept ") {
                return pick("«\(what)» күйіндегі істі қабылдау мүмкін емес", "нельзя принять дело в состоянии «\(what)»", reason)
            }
            if reason.hasPrefix("cannot request refinement of ") {
                return pick("«\(what)» күйіндегі істі пысықтауға жіберу мүмкін емес",
                            "нельзя отправить на доработку дело в состоянии «\(what)»", reason)
            }
            if reason.hasPrefix("cannot refuse ") {
                return pick("«\(what)» күйіндегі іс бойынша бас тарту мүмкін емес", "нельзя отказать по делу в состоянии «\(what)»", reason)
            }
        }
        switch reason {
        case "a refinement request must name the missing fields":
            return pick("нені толықтыру керегін атаңыз: --missing ӨРІС", "укажите, что дополнить: --missing ПОЛЕ", reason)
        case "a refusal needs a reason":
            return pick("бас тартудың себебін жазыңыз: --reason МӘТІН", "укажите причину отказа: --reason ТЕКСТ", reason)
        case "an empty note records nothing":
            return pick("бос жазба ештеңе сақтамайды", "пустая заметка ничего не записывает", reason)
        case "the case has no flags":
            return pick("істе белгі жоқ", "у дела нет отметок", reason)
        case "no notice of the case is in doubt":
            return pick("істің жіберілгені белгісіз хабарламасы жоқ", "у дела нет уведомлений под сомнением", reason)
        default:
            if reason.hasPrefix("no case ") {
                return pick("мұндай іс жоқ: ", "нет такого дела: ", "") + reason.dropFirst("no case ".count)
            }
            if reason.hasPrefix("no notice of "), reason.hasSuffix(" is in doubt") {
                return pick("істің жіберілгені белгісіз хабарламасы жоқ", "у дела нет уведомлений под сомнением", reason)
            }
            if reason.hasPrefix("cannot apply a ") {
                return pick("тізілімде жазбасы жоқ өтініш берушіге хабарламаны қолдану мүмкін емес; алдымен жазбаны байланыстырып, белгіні алыңыз",
                            "нельзя применить уведомление без записи в реестре; сначала свяжите запись и снимите отметку", reason)
            }
            return reason
        }
    }

    func kind(_ raw: String?) -> String {
        switch raw.flatMap(ApplicantKind.init(rawValue:)) {
        case .volunteer: return pick("волонтер", "волонтер", "volunteer")
        case .group: return pick("топ", "группа", "group")
        case .organization: return pick("ұйым", "организация", "organisation")
        case .coordinator: return pick("үйлестіруші", "координатор", "coordinator")
        case .organizer: return pick("ұйымдастырушы", "организатор", "organiser")
        case nil: return "-"
        }
    }

    /// The kind in a sentence, where "-" would puzzle.
    func kindOrUnknown(_ raw: String?) -> String {
        raw == nil ? pick("түрі анықталмады", "вид не определён", "kind undetermined") : kind(raw)
    }

    /// What the case asks for, when it is not an application for inclusion.
    func intent(_ intent: CaseIntent) -> String? {
        switch intent {
        case .application: return nil
        case .change: return pick("мәліметтерді өзгерту (7-т.)", "изменение сведений (п. 7)", "change of data (p. 7)")
        case .termination: return pick("қызметті тоқтату туралы хабарлама (13-т.)", "уведомление о прекращении (п. 13)",
                                       "termination notice (p. 13)")
        }
    }

    func flag(_ flag: FlagReason) -> String {
        switch flag {
        case .unreadable: return pick("скан, оқылмайды", "скан, не читается", "scan, not readable")
        case .ambiguousKind: return pick("өтініш беруші түрі анық емес", "вид заявителя неясен", "kind unclear")
        case .twoApplicants: return pick("бір хатта екі өтініш беруші", "два заявителя в одном письме", "two applicants")
        case .duplicateApplicant: return pick("ЖСН/БСН тізілімде бар", "ИИН/БИН уже в реестре", "IIN/BIN already registered")
        case .noticeBounced: return pick("хабарлама жеткізілмеді", "уведомление не доставлено", "notice bounced")
        case .terminationNeedsConfirmation: return pick("тоқтатуды растау керек", "прекращение нужно подтвердить",
                                                        "termination to confirm")
        case .reviewDeadlineNear: return pick("қарау мерзімі таяп қалды", "срок рассмотрения истекает", "review deadline near")
        case .reviewDeadlinePassed: return pick("қарау мерзімі өтті", "срок рассмотрения истёк", "review deadline passed")
        case .lateResubmission: return pick("мерзімнен кейін пысықталды", "доработка после срока", "resubmitted late")
        case .noRegisterEntry: return pick("тізілімде жазбасы жоқ", "нет записи в реестре", "not in the register")
        case .stillIncomplete: return pick("әлі толық емес", "всё ещё неполная", "still incomplete")
        case .notAnApplication: return pick("өтініш емес", "не заявка", "not an application")
        case .senderNotAuthenticated: return pick("жіберуші расталмаған", "отправитель не подтверждён", "sender not authenticated")
        case .tooLarge: return pick("хат тым үлкен, толық оқылмады", "письмо слишком большое, прочитано не полностью",
                                    "too large, not read in full")
        case .noticeInDoubt: return pick("хабарлама жіберілгені белгісіз, пошта журналын тексеріңіз",
                                         "неизвестно, ушло ли уведомление: проверьте журнал почты",
                                         "notice in doubt: check the mail log")
        }
    }

    func event(_ type: String) -> String {
        switch type {
        case "opened": return pick("ашылды", "открыто", "opened")
        case "accepted": return pick("қабылданды", "принято", "accepted")
        case "refinement-requested": return pick("пысықтауға жіберілді", "отправлено на доработку", "refinement requested")
        case "resubmitted": return pick("қайта жіберілді", "получена доработка", "resubmitted")
        case "refused": return pick("бас тартылды", "отказано", "refused")
        case "flagged": return pick("белгі қойылды", "отмечено", "flagged")
        case "unflagged": return pick("белгі алынды", "отметка снята", "unflagged")
        case "note": return pick("жазба", "заметка", "note")
        case "timer-fired": return pick("мерзім жетті", "наступил срок", "deadline reached")
        case "change-applied": return pick("өзгерістер енгізілді", "изменения внесены", "change applied")
        case "terminated": return pick("тоқтатылды", "прекращено", "terminated")
        case "closed": return pick("жабылды", "закрыто", "closed")
        case "automatic-message": return pick("автоматты хат", "автоматическое письмо", "automatic message")
        case "correspondence": return pick("хат келді", "письмо без анкеты", "correspondence")
        case "field-edited": return pick("өріс түзетілді", "поле исправлено", "field corrected")
        case "notice-resent": return pick("хабарлама қайта жіберуге қойылды", "уведомление поставлено на повторную отправку",
                                          "notice queued again")
        case "notice-confirmed-sent": return pick("хабарлама жіберілгені расталды", "отправка уведомления подтверждена",
                                                  "notice confirmed sent")
        default: return type
        }
    }

    func notice(_ kind: String) -> String {
        switch kind {
        case "receipt": return pick("алынғаны туралы", "о получении", "receipt")
        case "refinement": return pick("пысықтау туралы", "о доработке", "refinement")
        case "acceptance": return pick("тізілімге енгізу туралы", "о включении в реестр", "acceptance")
        case "refusal": return pick("бас тарту туралы", "об отказе", "refusal")
        case "change-applied": return pick("өзгерістер туралы", "об изменении сведений", "change applied")
        case "termination-recorded": return pick("тоқтату туралы", "о прекращении", "termination recorded")
        default: return kind
        }
    }

    func delivery(_ state: String) -> String {
        switch state {
        case "queued": return pick("кезекте", "в очереди", "queued")
        case "sent": return pick("жіберілді", "отправлено", "sent")
        case "failed": return pick("жеткізілмеді", "не доставлено", "failed")
        case "suppressed": return pick("жіберілмеді", "не отправлялось", "not sent")
        case "sending": return pick("жіберілуде", "отправляется", "sending")
        case "in-doubt": return pick("жіберілгені белгісіз", "неизвестно, отправлено ли", "in doubt")
        default: return state
        }
    }

    /// A field's label short enough for a column: the form's wording without its explanation in
    /// brackets, cut to `width` characters if still longer.
    func shortField(_ name: String, width: Int = 23) -> String {
        var label = field(name)
        if let bracket = label.firstIndex(of: "("), label.startIndex != bracket {
            label = String(label[..<bracket]).trimmingTrailingSpaces
        }
        return label.count > width ? String(label.prefix(width - 1)) + "…" : label
    }

    /// A history line's reason as people read it: field names as labels, identifiers as words.
    func reason(_ type: String, _ reason: String) -> String {
        switch type {
        case "flagged", "unflagged":
            return FlagReason(rawValue: reason).map(flag) ?? reason
        case "opened":
            switch CaseIntent(rawValue: reason) {
            case .application: return pick("өтініш", "заявка", "application")
            case .some(let other): return intent(other) ?? reason
            case nil: return reason
            }
        case "timer-fired":
            switch TimerKind(rawValue: reason) {
            case .reviewWarning: return pick("қарау мерзімі таяп қалды", "срок рассмотрения истекает", "review deadline near")
            case .reviewDeadline: return pick("қарау мерзімі өтті", "срок рассмотрения истёк", "review deadline passed")
            case .refinementDeadline: return pick("пысықтау мерзімі өтті", "срок доработки истёк", "refinement term lapsed")
            case nil: return reason
            }
        case "refinement-requested":
            // "iin, phone; note for the applicant"
            let parts = reason.split(separator: ";", maxSplits: 1)
            let fields = parts[0].split(separator: ",").map { name -> String in
                let trimmed = String(name).trimmingLeadingSpaces
                return FormField(rawValue: trimmed) != nil ? shortField(trimmed, width: 40) : trimmed
            }.joined(separator: ", ")
            return fields + (parts.count > 1 ? ";" + parts[1] : "")
        default:
            return reason
        }
    }

    /// What the daemon made of a message.
    func disposition(_ raw: String?) -> String {
        switch raw {
        case "opened": return pick("іс ашты", "открыло дело", "opened the case")
        case "resubmitted": return pick("қайта жіберілген", "повторная подача", "resubmitted")
        case "automatic": return pick("автоматты жауап", "автоответ", "automatic reply")
        case "bounce": return pick("жеткізілмегені туралы", "о недоставке", "delivery failure")
        case "duplicate": return pick("қайталанған хат", "повтор", "duplicate")
        case "ignored": return pick("еленбеді", "без последствий", "ignored")
        default: return raw ?? ""
        }
    }

    func field(_ name: String) -> String {
        if name == "kind" { return pick("өтініш беруші түрі", "вид заявителя", "kind") }
        guard let field = FormField(rawValue: name) else { return name }
        return pick(field.kazakh, field.russian, name)
    }

    /// `05.02.2026`: how dates are written in Kazakhstan, in every language here.
    static func day(_ date: CivilDate) -> String { date.dotted }

    static func moment(_ t: LocalDateTime) -> String {
        day(t.date) + " " + clock(t)
    }

    static func clock(_ t: LocalDateTime) -> String {
        CivilDate.pad(t.hour, 2) + ":" + CivilDate.pad(t.minute, 2)
    }

    /// Words of `text` in lines of at most `width` characters; a longer word gets a line of its own.
    static func wrap(_ text: String, width: Int) -> [String] {
        // Short enough: kept exactly, aligned spaces and all.
        if text.count <= width { return [text] }
        var lines: [String] = [], line = ""
        for word in text.split(separator: " ", omittingEmptySubsequences: true) {
            if !line.isEmpty && line.count + 1 + word.count > width {
                lines.append(line)
                line = ""
            }
            line += (line.isEmpty ? "" : " ") + word
        }
        if !line.isEmpty || lines.isEmpty { lines.append(line) }
        return lines
    }
}

extension String {
    var trimmingTrailingSpaces: String { String(reversed().drop(while: \.isWhitespace).reversed()) }
    var trimmingLeadingSpaces: String { String(drop(while: \.isWhitespace)) }
}
