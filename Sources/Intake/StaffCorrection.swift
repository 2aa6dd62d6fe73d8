import OrderedJSON
import Annex2
import Forms

/// One `FIELD=VALUE` a staff member typed to correct what the parser read: checked like the
/// parser checks an applicant's value, so a typo in an IIN is caught before it reaches the
/// register, and normalised the same way (phones as +7XXXXXXXXXX, e-mail in lower case).
public struct StaffCorrection: Sendable, Equatable {
    /// The field's JSON name, or `kind`.
    public let field: String
    public let value: JSON

    /// Why a typed correction is refused; `field` is what was typed before the `=`.
    public struct Problem: Error, Sendable, Equatable, CustomStringConvertible {
        public let field: String
        public let reason: String
        public var description: String { "\(field): \(reason)" }
    }

    /// The fields a correction may name: every scalar of the forms, and the applicant's kind.
    public static var fieldNames: [String] {
        ["kind"] + FormField.allCases.filter { FieldShape.of($0) != .objects }.map(\.rawValue)
    }

    /// Parses `iin=830717350867`; `year` is the current year, for plausibility of birth years.
    public static func parse(_ assignment: String, year: Int) -> Result<StaffCorrection, Problem> {
        guard let eq = assignment.firstIndex(of: "=") else {
            return .failure(Problem(field: assignment, reason: "expected FIELD=VALUE, e.g. iin=830717350867"))
        }
        let name = String(assignment[..<eq]).trimmed
        let text = String(assignment[assignment.index(after: eq)...]).trimmed
        func fail(_ reason: String) -> Result<StaffCorrection, Problem> { .failure(Problem(field: name, reason: reason)) }
        guard !text.isEmpty else { return fail("a value is needed after '='") }
        if name == "kind" {
            let lowered = text.lowercased()
            guard let kind = ApplicantKind.allCases.first(where: {
                $0.rawValue == lowered || $0.kazakh == lowered || $0.russian == lowered
            }) ?? (lowered == "organisation" ? .organization : lowered == "organiser" ? .organizer : nil) else {
                return fail("kinds are " + ApplicantKind.allCases.map(\.rawValue).joined(separator: ", "))
            }
            return .success(StaffCorrection(field: name, value: .string(kind.rawValue)))
        }
        guard let field = FormField(rawValue: name) ?? FormField.allCases.first(where: { $0.rawValue.lowercased() == name.lowercased() }) else {
            return fail("no such field; fields are " + fieldNames.joined(separator: ", "))
        }
        let value: JSON
        switch field {
        case .iin, .bin:
            let digits = text.filter { $0.isASCII && $0.isNumber }
            if let issue = field == .iin ? IIN.issue(digits, birthYear: nil, currentYear: year) : BIN.issue(digits) {
                return fail(issue.english)
            }
            value = .string(digits)
        case .birthYear:
            guard let y = Plausible.year(text) else { return fail("expected a four-digit year") }
            if let issue = Plausible.birthYearIssue(y, currentYear: year) { return fail(issue.english) }
            value = .number(y)
        case .coordinatedCount, .volunteerCount:
            guard let n = Plausible.count(text) else { return fail("expected a number") }
            if let issue = Plausible.countIssue(n) { return fail(issue.english) }
            value = .number(n)
        case .registrationDate:
            guard let iso = DateText.iso(text) else { return fail("expected a date such as 2019-03-14 or 14.03.2019") }
            value = .string(iso)
        case .phone, .whatsapp:
            let pieces = text.split { $0 == "," || $0 == ";" }.map(String.init)
            let numbers = pieces.compactMap(Phone.normalise)
            guard numbers.count == pieces.count, !numbers.isEmpty else { return fail(FieldProblem.phone(text).english) }
            value = .string(numbers.joined(separator: ", "))
        case .email:
            guard let e = Email.normalise(text) else { return fail(FieldProblem.email(text).english) }
            value = .string(e)
        case .website:
            guard let w = Website.normalise(text) else { return fail(FieldProblem.website(text).english) }
            value = .string(w)
        case .instagram:
            guard let i = Instagram.normalise(text) else { return fail(FieldProblem.instagram(text).english) }
            value = .string(i)
        case .consent:
            switch text.lowercased() {
            case "yes", "true", "1", "иә", "да": value = .bool(true)
            case "no", "false", "0", "жоқ", "нет": value = .bool(false)
            default: return fail("expected yes or no")
            }
        case .members:
            let names = text.split(separator: ";").map { String($0).trimmed }.filter { !$0.isEmpty }
            value = .array(names.map(JSON.string))
        case .programs, .actions:
            return fail("programmes and actions are whole forms; ask the applicant to send them again")
        default:
            if case .options(let range) = FieldShape.of(field) {
                let pieces = text.split { $0 == "," || $0 == " " || $0 == ";" }
                let numbers = pieces.compactMap { Int($0) }
                guard numbers.count == pieces.count, !numbers.isEmpty else { return fail("expected option numbers such as 1,6") }
                if let out = numbers.first(where: { !range.contains($0) }) {
                    return fail("option \(out) is not among \(range.lowerBound)–\(range.upperBound)")
                }
                value = .array(numbers.map(JSON.number))
            } else {
                value = .string(text)
            }
        }
        return .success(StaffCorrection(field: field.rawValue, value: value))
    }
}

extension String {
    var trimmed: String {
        String(drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
    }
}
