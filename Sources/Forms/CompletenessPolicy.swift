import Annex2
/// What each kind of applicant must give for an application to be complete, as data the ministry
/// can change without a new build (`required_fields_file`). The shipped text is `RequiredFields.text`
/// (also `deploy/required-fields.txt`).
///
/// The text: one requirement a line, `KIND FIELD` or `KIND any-of FIELD FIELD…`; `#` starts a
/// comment, kept as the reasons. Kinds are `ApplicantKind` names, and `organizer+legal-entity` for
/// an organiser that gave an organisation name, registration date or BIN. Fields are the JSON names
/// of `FormField`. Every kind needs at least one line; `organizer+legal-entity` is optional (the
/// natural-person organiser's lines apply then).
public struct CompletenessPolicy: Sendable, Equatable {
    public enum Requirement: Sendable, Equatable, Hashable {
        case field(FormField)
        /// At least one of these.
        case anyOf([FormField])
    }

    /// Whom a list of requirements is for.
    public struct Applicant: Sendable, Hashable {
        public let kind: ApplicantKind
        public let legalEntity: Bool
        public init(_ kind: ApplicantKind, legalEntity: Bool = false) {
            self.kind = kind
            self.legalEntity = legalEntity
        }
    }

    public struct Problem: Error, Sendable, Equatable, CustomStringConvertible {
        public let line: Int
        public let message: String
        public var description: String { "line \(line): \(message)" }
    }

    public let table: [Applicant: [Requirement]]
    /// The comment lines, without "#", in order: why the table is what it is.
    public let reasons: [String]

    /// The shipped policy (`RequiredFields.text`).
    public static let shipped: CompletenessPolicy = {
        do { return try CompletenessPolicy(parsing: RequiredFields.text) } catch { fatalError("the shipped completeness policy: \(error)") }
    }()

    public init(parsing text: String) throws(Problem) {
        var table: [Applicant: [Requirement]] = [:]
        var reasons: [String] = []
        let kinds = Dictionary(uniqueKeysWithValues: ApplicantKind.allCases.map { ($0.rawValue, Applicant($0)) }
            + [("organizer+legal-entity", Applicant(.organizer, legalEntity: true))])
        for (number, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            var line = Substring(raw)
            if let hash = line.firstIndex(of: "#") {
                reasons.append(String(line[line.index(after: hash)...]).catalogueTrimmed())
                line = line[..<hash]
            }
            let words = line.split { $0 == " " || $0 == "\t" || $0 == "\r" }.map(String.init)
            guard let first = words.first else { continue }
            let where_ = number + 1
            guard let applicant = kinds[first] else {
                throw Problem(line: where_, message: "'\(first)' is not a kind (\(kinds.keys.sorted().joined(separator: ", ")))")
            }
            var names = Array(words.dropFirst())
            let anyOf = names.first == "any-of"
            if anyOf { names.removeFirst() }
            guard !names.isEmpty else { throw Problem(line: where_, message: "'\(first)' names no field") }
            var fields: [FormField] = []
            for name in names {
                guard let field = FormField(rawValue: name) else {
                    throw Problem(line: where_, message: "'\(name)' is not a field (\(FormField.allCases.map(\.rawValue).joined(separator: ", ")))")
                }
                guard !fields.contains(field) else { throw Problem(line: where_, message: "'\(name)' twice on one line") }
                fields.append(field)
            }
            guard anyOf || fields.count == 1 else {
                throw Problem(line: where_, message: "one field a line, or 'any-of' before several")
            }
            let requirement: Requirement = anyOf ? .anyOf(fields) : .field(fields[0])
            if table[applicant]?.contains(requirement) == true {
                throw Problem(line: where_, message: "'\(first)' already requires this")
            }
            table[applicant, default: []].append(requirement)
        }
        for kind in ApplicantKind.allCases where table[Applicant(kind)] == nil {
            throw Problem(line: text.split(separator: "\n", omittingEmptySubsequences: false).count, message: "no line for '\(kind.rawValue)'")
        }
        self.table = table
        self.reasons = reasons
    }

    public func requirements(for kind: ApplicantKind, legalEntity: Bool) -> [Requirement] {
        if legalEntity, let entity = table[Applicant(kind, legalEntity: true)] { return entity }
        return table[Applicant(kind)] ?? []
    }

    /// What every kind requires: asked for even when the kind itself is not yet known.
    public var common: [Requirement] {
        let all = ApplicantKind.allCases.map { requirements(for: $0, legalEntity: false) }
        return all[0].filter { r in all.allSatisfy { $0.contains(r) } }
    }
}
