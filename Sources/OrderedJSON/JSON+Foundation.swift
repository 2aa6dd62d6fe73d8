import Foundation

extension JSON {
    /// Parses JSON text with Foundation; nil for text that is not JSON.
    public static func foundationObject(_ text: String) -> Any? {
        try? JSONSerialization.jsonObject(with: Data(text.utf8))
    }

    /// A value as JSONSerialization returns it, with object keys sorted: stored readings are
    /// rewritten with the same keys in the same order whatever Foundation's dictionary did.
    /// Numbers other than whole ones do not occur in what tizilim stores.
    public init(foundation any: Any) {
        switch any {
        case let s as String: self = .string(s)
        case let a as [Any]: self = .array(a.map(JSON.init(foundation:)))
        case let d as [String: Any]: self = .object(d.keys.sorted().map { ($0, JSON(foundation: d[$0]!)) })
        case let n as Int: self = .number(n)
        case let b as Bool: self = .bool(b)
        default: self = .null
        }
    }
}
