import Annex2
/// One applicant's application, merged from every source of one message, validated.
public struct Application: Sendable {
    public enum FieldValue: Sendable, Equatable {
        case text(String)
        case number(Int)
        case list([String])
        case numbers([Int])
        case flag(Bool)
        case objects([[String: String]])
    }

    public struct InvalidField: Sendable, Equatable {
        public let field: FormField
        public let problem: FieldProblem
        /// For staff.
        public let reason: String
        /// For the applicant's refinement notice: a sentence naming the field and what to write.
        public let kk: String
        public let ru: String

        public init(field: FormField, problem: FieldProblem) {
            self.field = field
            self.problem = problem
            self.reason = problem.english
            self.kk = problem.kazakh(field)
            self.ru = problem.russian(field)
        }
    }

    public enum Outcome: String, Sendable { case complete, incomplete, unreadable, notAnApplication }

    public var kind: ApplicantKind?
    /// True when no source stated the kind, or they stated several.
    public var kindUndetermined: Bool
    public var language: String
    public var fields: [FormField: FieldValue]
    /// In `FormField` order. Phone and e-mail both listed mean "one of them" (see `RequiredFields`).
    public var missing: [FormField]
    public var invalid: [InvalidField]
    /// Different applicants or contradictory statements across the sources.
    public var conflicts: [String]
    public var sources: [FormField: String]
    public var forms: [FormKind]
    public var outcome: Outcome
    /// An application for inclusion, a change of a registrant's data (p.7) or a termination (p.13).
    public var purpose: ApplicationPurpose
    /// The day a termination notice says the activity stops (ISO yyyy-mm-dd), when it says.
    public var terminationDate: String?
    /// Required lines left empty in the programmes and actions sent (`FormParts`), in order.
    public var missingParts: [MissingPart]
    /// Further applicants in the same message (two questionnaires filled in for two people), each
    /// read and decided on its own; `fields` and the rest of this value are the first applicant's.
    public var companions: [Application]

    public func with(outcome: Outcome) -> Application {
        var copy = self
        copy.outcome = outcome
        return copy
    }

    /// Merges the sources in the order given (the first value of a field wins), validates, and decides.
    /// `year` is the current year in Asia/Almaty; `subject` is the message's subject, which may say
    /// what the message is for ("Изменение сведений в реестре", "Уведомление о прекращении…").
    public static func build(from forms: [(sourceID: String, form: ExtractedForm)], now year: Int, subject: String = "") -> Application {
        var raw: [FormField: String] = [:]
        var sources: [FormField: String] = [:]
        var conflicts: [String] = []
        var recognised: [FormKind] = []
        var titleKinds: [ApplicantKind] = [], markedKinds: [ApplicantKind] = []
        var ambiguous = false
        var activity: [Int] = [], roles: [Int] = [], availability: [Int] = []
        var members: [String] = []
        var programs: [[String: String]] = [], actions: [[String: String]] = []
        var consent: Bool? = nil
        var votes = ["kk": 0, "ru": 0]
        var statements: [ApplicationPurpose.Statement?] = [ApplicationPurpose.statement(in: subject)]

        for (id, form) in forms {
            for f in form.forms where !recognised.contains(f) { recognised.append(f) }
            titleKinds += form.titleKinds
            markedKinds += form.markedKinds
            ambiguous = ambiguous || form.kindAmbiguous
            if let l = form.language { votes[l, default: 0] += 1 }
            for field in FormField.allCases {
                guard let value = form.values[field] else { continue }
                if let old = raw[field] {
                    if [.iin, .bin, .fullName].contains(field), identity(old, field) != identity(value, field) {
                        conflicts.append("\(field.rawValue): \"\(old)\" (\(sources[field] ?? "")) differs from \"\(value)\" (\(id))")
                    }
                    continue
                }
                raw[field] = value
                sources[field] = id
            }
            if activity.isEmpty && !form.activityTypes.isEmpty { activity = form.activityTypes }
            if roles.isEmpty && !form.roles.isEmpty { roles = form.roles }
            if availability.isEmpty && !form.availability.isEmpty { availability = form.availability }
            if members.isEmpty && !form.members.isEmpty { members = form.members }
            if !form.programs.isEmpty { programs += form.programs; sources[.programs] = sources[.programs] ?? id }
            if !form.actions.isEmpty { actions += form.actions; sources[.actions] = sources[.actions] ?? id }
            if let c = form.consent {
                if consent != false { consent = c }
                if sources[.consent] == nil { sources[.consent] = id }
            }
            statements.append(form.purpose)
        }
        // Sentences fill only what no form line gave, and do not by themselves make an application.
        let formValues = !raw.isEmpty
        for (id, form) in forms {
            for field in FormField.allCases where raw[field] == nil {
                if let value = form.proseValues[field] { raw[field] = value; sources[field] = id }
            }
        }
        let statement = ApplicationPurpose.strongest(statements)

        // The questionnaire's title names the kind most reliably; a mark on the application otherwise.
        var kind: ApplicantKind? = nil
        let titles = Set(titleKinds), marks = Set(markedKinds)
        if titles.count == 1 {
            kind = titles.first
            if let m = marks.first, marks.count == 1, m != kind {
                conflicts.append("kind: the application marks \(m.rawValue), the questionnaire is for \(kind!.rawValue)")
            }
        } else if titles.count > 1 {
            conflicts.append("kind: questionnaires for " + titleKinds.map(\.rawValue).joined(separator: ", "))
        } else if marks.count == 1 && !ambiguous {
            kind = marks.first
        } else if marks.count > 1 {
            conflicts.append("kind: several kinds marked (" + Set(markedKinds).map(\.rawValue).sorted().joined(separator: ", ") + ")")
        }

        var fields: [FormField: FieldValue] = [:]
        var invalid: [InvalidField] = []
        func bad(_ f: FormField, _ problem: FieldProblem) { invalid.append(InvalidField(field: f, problem: problem)) }

        let birthYear = raw[.birthYear].flatMap(Plausible.year)
        for field in FormField.allCases {
            guard let value = raw[field] else { continue }
            switch field {
            case .birthYear:
                if let y = birthYear {
                    fields[field] = .number(y)
                    if let p = Plausible.birthYearIssue(y, currentYear: year) { bad(field, p) }
                } else { bad(field, .yearNotFound(value)) }
            case .iin:
                let digits = asciiDigitCharacters(value)
                fields[field] = .text(digits.utf8.count == 12 ? digits : value)
                if let p = IIN.issue(digits, birthYear: birthYear, currentYear: year) { bad(field, p) }
            case .bin:
                let digits = asciiDigitCharacters(value)
                fields[field] = .text(digits.utf8.count == 12 ? digits : value)
                if let p = BIN.issue(digits) { bad(field, p) }
            case .coordinatedCount, .volunteerCount:
                if let n = Plausible.count(value) {
                    fields[field] = .number(n)
                    if let p = Plausible.countIssue(n) { bad(field, p) }
                } else { fields[field] = .text(value); bad(field, .countNotNumber(value)) }
            case .registrationDate:
                if let iso = DateText.iso(value) {
                    fields[field] = .text(iso)
                    if let p = Plausible.registrationIssue(iso, currentYear: year) { bad(field, p) }
                } else { fields[field] = .text(value); bad(field, .dateNotUnderstood(value)) }
            case .phone, .whatsapp:
                let pieces = commaPieces(value)
                let numbers = pieces.compactMap(Phone.normalise)
                if numbers.count == pieces.count, !numbers.isEmpty { fields[field] = .text(numbers.joined(separator: ", ")) }
                else if field == .whatsapp && !value.contains(where: \.isNumber) { fields[field] = .text(value) }
                else { fields[field] = .text(value); bad(field, .phone(value)) }
            case .email:
                if let e = Email.normalise(value) { fields[field] = .text(e) } else { fields[field] = .text(value); bad(field, .email(value)) }
            case .website:
                if let w = Website.normalise(value) { fields[field] = .text(w) } else { fields[field] = .text(value); bad(field, .website(value)) }
            case .instagram:
                if let i = Instagram.normalise(value) { fields[field] = .text(i) } else { fields[field] = .text(value); bad(field, .instagram(value)) }
            case .activityTypes, .roles, .availability, .members, .consent, .programs, .actions:
                break
            default:
                fields[field] = .text(value)
            }
        }
        for (field, numbers, range) in [(FormField.activityTypes, activity, 1...13), (.roles, roles, 1...6), (.availability, availability, 1...4)] {
            if !numbers.isEmpty {
                fields[field] = .numbers(numbers)
                let out = numbers.filter { !range.contains($0) }
                if !out.isEmpty { bad(field, .optionsUnknown(out, upTo: range.upperBound)) }
            } else if let text = raw[field] {
                bad(field, .optionsNotNamed(text, upTo: range.upperBound))
            }
        }
        if !members.isEmpty { fields[.members] = .list(members) }
        if let c = consent { fields[.consent] = .flag(c) }
        if !programs.isEmpty { fields[.programs] = .objects(programs) }
        if !actions.isEmpty { fields[.actions] = .objects(actions) }
        if consent == false { bad(.consent, .consentRefused) }
        if activity.contains(13), raw[.otherActivity] == nil { bad(.otherActivity, .otherActivityUnspecified) }
        let missingParts = FormParts.missing(in: programs, of: .programs) + FormParts.missing(in: actions, of: .actions)

        let legalEntity = [.organizationName, .registrationDate, .bin].contains { raw[$0] != nil }
        // A change or termination notice need not restate the kind; the register entry has it. A legal
        // entity that writes one is most likely a volunteer organisation (what `kindUndetermined` still says
        // was not stated), so the case engine has a kind to look the entry up under.
        if kind == nil, statement.purpose != .inclusion, marks.isEmpty, fields[.bin] != nil || raw[.organizationName] != nil {
            kind = .organization
        }
        let requirements = kind.map { RequiredFields.requirements(for: $0, legalEntity: legalEntity) } ?? RequiredFields.common
        var missingSet = Set<FormField>()
        for r in requirements {
            switch r {
            case .field(let f): if fields[f] == nil && raw[f] == nil { missingSet.insert(f) }
            case .anyOf(let fs): if !fs.contains(where: { fields[$0] != nil }) { missingSet.formUnion(fs) }
            }
        }
        // A refused consent is invalid, not missing.
        let missing = FormField.allCases.filter(missingSet.contains)

        let kk = votes["kk"] ?? 0, ru = votes["ru"] ?? 0
        // Unknown language: Kazakh, the state language; notices are bilingual anyway.
        let language = ru > kk ? "ru" : "kk"
        let nothing = recognised.isEmpty && !formValues && markedKinds.isEmpty && consent == nil && programs.isEmpty && actions.isEmpty
        let undetermined = kind == nil || (titles.count != 1 && marks.count != 1)
        // A termination asks for no inclusion: nothing in it is complete or incomplete.
        let outcome: Outcome = nothing || statement.purpose == .termination ? .notAnApplication
            : (!undetermined && missing.isEmpty && invalid.isEmpty && conflicts.isEmpty && missingParts.isEmpty ? .complete : .incomplete)
        let companions = forms.flatMap { source in
            source.form.companions.map { Application.build(from: [(source.sourceID, $0)], now: year, subject: subject) }
        }
        return Application(kind: kind, kindUndetermined: undetermined, language: language, fields: fields, missing: missing,
                           invalid: invalid, conflicts: conflicts, sources: sources, forms: recognised, outcome: outcome,
                           purpose: statement.purpose, terminationDate: statement.terminationDate, missingParts: missingParts,
                           companions: companions)
    }

    /// The same IIN/BIN or the same person, however typed: digits only, or name words without case and order.
    static func identity(_ value: String, _ field: FormField) -> String {
        if field == .fullName { return LabelMatcher.tokens(value).map(\.text).sorted().joined(separator: " ") }
        return asciiDigitCharacters(value)
    }
}
