import Annex2
/// Why the reader is not sure of what it read for one field. A doubt never becomes a refinement
/// request: the case goes to staff with the reading filled in and the doubt named, because the
/// applicant may well have given the field (Rules p.10 gives one refinement round; a wrong one
/// costs them three business days).
public struct ReadingDoubt: Sendable, Equatable, CustomStringConvertible {
    public enum Reason: Sendable, Equatable {
        /// The whole list of options is there and none is marked in a way the text shows: the
        /// choice may be underlining or colour lost on the way (a PDF, a pasted form).
        case choiceNotVisible
        /// The letter gives two different values for the field.
        case twoValues(String, String)
    }

    public let field: FormField
    public let reason: Reason

    public init(_ field: FormField, _ reason: Reason) {
        self.field = field
        self.reason = reason
    }

    public var description: String {
        switch reason {
        case .choiceNotVisible: return "\(field.rawValue): every option is listed and none is visibly marked"
        case .twoValues(let a, let b): return "\(field.rawValue): \"\(a)\" and \"\(b)\" in one letter"
        }
    }
}
