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
        /// For staff.
        public let reason: String
        /// For the applicant's refinement notice.
        public let kk: String
        public let ru: String
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

    public func with(outcome: Outcome) -> Application {
        var copy = self
        copy.outcome = outcome
        return copy
    }

    /// Merges the sources in the order given (the first value of a field wins), validates, and decides.
    /// `year` is the current year in Asia/Almaty.
    public static func build(from forms: [(sourceID: String, form: ExtractedForm)], now year: Int) -> Application {
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
        }

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
        // The English reason is for staff; the applicant's texts name the field in their language
        // without mixing English in (per-reason translations belong with the notice templates).
        func bad(_ f: FormField, _ reason: String) {
            invalid.append(InvalidField(field: f, reason: reason,
                                        kk: "«\(f.kazakh)» жолы дұрыс толтырылмаған",
                                        ru: "Поле «\(f.russian)» заполнено неверно"))
        }

        let birthYear = raw[.birthYear].flatMap(Plausible.year)
        for (field, value) in raw {
            switch field {
            case .birthYear:
                if let y = birthYear {
                    fields[field] = .number(y)
                    if let p = Plausible.birthYearProblem(y, currentYear: year) { bad(field, p) }
                } else { bad(field, "no four-digit year in \"\(value)\"") }
            case .iin:
                let digits = value.filter { $0.isASCII && $0.isNumber }
                fields[field] = .text(digits.count == 12 ? digits : value)
                if let p = IIN.problem(digits, birthYear: birthYear, currentYear: year) { bad(field, p) }
            case .bin:
                let digits = value.filter { $0.isASCII && $0.isNumber }
                fields[field] = .text(digits.count == 12 ? digits : value)
                if let p = BIN.problem(digits) { bad(field, p) }
            case .coordinatedCount, .volunteerCount:
                if let n = Plausible.count(value) {
                    fields[field] = .number(n)
                    if let p = Plausible.countProblem(n) { bad(field, p) }
                } else { fields[field] = .text(value); bad(field, "no number in \"\(value)\"") }
            case .registrationDate:
                if let iso = DateText.iso(value) {
                    fields[field] = .text(iso)
                    if let p = Plausible.registrationYearProblem(Int(iso.prefix(4))!, currentYear: year) { bad(field, p) }
                } else { fields[field] = .text(value); bad(field, "\"\(value)\" is not a date") }
            case .phone, .whatsapp:
                let pieces = value.split { $0 == "," || $0 == ";" }.map(String.init)
                let numbers = pieces.compactMap(Phone.normalise)
                if numbers.count == pieces.count, !numbers.isEmpty { fields[field] = .text(numbers.joined(separator: ", ")) }
                else if field == .whatsapp && !value.contains(where: \.isNumber) { fields[field] = .text(value) }
                else { fields[field] = .text(value); bad(field, "\"\(value)\" is not a phone number") }
            case .email:
                if let e = Email.normalise(value) { fields[field] = .text(e) } else { fields[field] = .text(value); bad(field, "\"\(value)\" is not an e-mail address") }
            case .website:
                if let w = Website.normalise(value) { fields[field] = .text(w) } else { fields[field] = .text(value); bad(field, "\"\(value)\" is not a web address") }
            case .instagram:
                if let i = Instagram.normalise(value) { fields[field] = .text(i) } else { fields[field] = .text(value); bad(field, "\"\(value)\" is not an Instagram account") }
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
                if !out.isEmpty { bad(field, "options \(out.map(String.init).joined(separator: ", ")) do not exist (1–\(range.upperBound))") }
            } else if let text = raw[field] {
                bad(field, "\"\(text)\" does not name options 1–\(range.upperBound)")
            }
        }
        if !members.isEmpty { fields[.members] = .list(members) }
        if let c = consent { fields[.consent] = .flag(c) }
        if !programs.isEmpty { fields[.programs] = .objects(programs) }
        if !actions.isEmpty { fields[.actions] = .objects(actions) }
        if consent == false { bad(.consent, "consent to personal data processing was refused") }
        if activity.contains(13), raw[.otherActivity] == nil {
            bad(.otherActivity, "option 13 chosen without saying which activity")
        }
        for (label, blocks, names, field) in [("programme", programs, RequiredFields.programFields, FormField.programs),
                                              ("action", actions, RequiredFields.actionFields, .actions)] {
            for (i, block) in blocks.enumerated() {
                let lacking = names.filter { (block[$0] ?? "").isEmpty }
                if !lacking.isEmpty { bad(field, "\(label) \(i + 1) lacks \(lacking.joined(separator: ", "))") }
            }
        }

        let legalEntity = [.organizationName, .registrationDate, .bin].contains { raw[$0] != nil }
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
        let nothing = recognised.isEmpty && raw.isEmpty && markedKinds.isEmpty && consent == nil && programs.isEmpty && actions.isEmpty
        let undetermined = kind == nil
        let outcome: Outcome = nothing ? .notAnApplication
            : (!undetermined && missing.isEmpty && invalid.isEmpty && conflicts.isEmpty ? .complete : .incomplete)
        return Application(kind: kind, kindUndetermined: undetermined, language: language, fields: fields, missing: missing,
                           invalid: invalid, conflicts: conflicts, sources: sources, forms: recognised, outcome: outcome)
    }

    /// The same IIN/BIN or the same person, however typed: digits only, or name words without case and order.
    static func identity(_ value: String, _ field: FormField) -> String {
        if field == .fullName { return LabelMatcher.tokens(value).map(\.text).sorted().joined(separator: " ") }
        return value.filter { $0.isASCII && $0.isNumber }
    }
}
