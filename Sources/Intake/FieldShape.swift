import Annex2
import Forms
import Foundation

/// How the parser stores each field's value in an application's JSON: what a staff
/// correction must look like, and how a stored value is read back into the form model.
public enum FieldShape: Sendable, Equatable {
    case text
    case number
    /// Option numbers from a closed list (activity types 1–13, roles 1–6, availability 1–4).
    case options(ClosedRange<Int>)
    case list
    case flag
    /// Programmes and actions: forms of their own, not one value.
    case objects

    public static func of(_ field: FormField) -> FieldShape {
        switch field {
        case .birthYear, .coordinatedCount, .volunteerCount: return .number
        case .activityTypes: return .options(1...13)
        case .roles: return .options(1...6)
        case .availability: return .options(1...4)
        case .members: return .list
        case .consent: return .flag
        case .programs, .actions: return .objects
        default: return .text
        }
    }

    /// A stored JSON value (as JSONSerialization gives it) as the form model's value.
    func value(_ any: Any) -> Application.FieldValue? {
        switch self {
        case .text:
            if let s = any as? String { return .text(s) }
            if let n = any as? Int { return .text(String(n)) }
            return nil
        case .number:
            if let n = any as? Int { return .number(n) }
            return (any as? String).map(Application.FieldValue.text)
        case .options:
            return (any as? [Any]).map { .numbers($0.compactMap { $0 as? Int }) }
        case .list:
            return (any as? [Any]).map { .list($0.compactMap { $0 as? String }) }
        case .flag:
            return (any as? Bool).map(Application.FieldValue.flag)
        case .objects:
            return (any as? [[String: Any]]).map { .objects($0.map { $0.compactMapValues { $0 as? String } }) }
        }
    }
}
