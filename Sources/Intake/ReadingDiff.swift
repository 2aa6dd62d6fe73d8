import OrderedJSON
import Annex2
import Forms

/// One difference between two readings of the same message, for staff to see what a parser
/// upgrade or a correction changed.
public struct ReadingChange: Sendable, Equatable {
    /// `kind`, `outcome`, `missing`, `invalid`, or a field's JSON name.
    public let key: String
    public let before: String?
    public let after: String?
}

public enum ReadingDiff {
    /// What differs between two stored readings (JSON as `messages.application` holds it), in a
    /// fixed order: kind, outcome, the fields in form order, then what is missing and invalid.
    public static func changes(from old: String?, to new: String) -> [ReadingChange] {
        let a = old.flatMap { JSON.foundationObject($0) as? [String: Any] } ?? [:]
        let b = JSON.foundationObject(new) as? [String: Any] ?? [:]
        var changes: [ReadingChange] = []
        func compare(_ key: String, _ x: Any?, _ y: Any?) {
            let before = x.flatMap(text), after = y.flatMap(text)
            if before != after { changes.append(ReadingChange(key: key, before: before, after: after)) }
        }
        compare("kind", a["kind"], b["kind"])
        compare("outcome", a["outcome"], b["outcome"])
        let fa = a["fields"] as? [String: Any] ?? [:], fb = b["fields"] as? [String: Any] ?? [:]
        for field in FormField.allCases { compare(field.rawValue, fa[field.rawValue], fb[field.rawValue]) }
        compare("missing", a["missing"], b["missing"])
        func invalidFields(_ o: [String: Any]) -> [String]? {
            (o["invalid"] as? [[String: Any]])?.compactMap { $0["field"] as? String }
        }
        compare("invalid", invalidFields(a), invalidFields(b))
        return changes
    }

    /// A stored value as one line of text; nil for nothing at all (absent, null, an empty list).
    public static func text(_ any: Any) -> String? {
        switch any {
        case let s as String: return s.isEmpty ? nil : s
        case let n as Int: return String(n)
        case let b as Bool: return b ? "yes" : "no"
        case let items as [Any]:
            let parts = items.compactMap { item -> String? in
                if let object = item as? [String: Any] { return (object["name"] as? String) ?? "…" }
                return text(item)
            }
            return parts.isEmpty ? nil : parts.joined(separator: ", ")
        default: return nil
        }
    }
}
