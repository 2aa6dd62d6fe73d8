import OrderedJSON
/// The formats the register is published in, and the file each is published under.
public enum RegisterFormat: String, Sendable, CaseIterable {
    case html, csv, json, xlsx

    /// `register-kk.html`, `register-ru.csv`…; JSON is one file for both languages (`RegisterJSON`).
    public func fileName(_ language: RegisterLanguage) -> String {
        self == .json ? "register.json" : "register-\(language.rawValue).\(rawValue)"
    }

    /// Whether each language has a file of its own.
    public var perLanguage: Bool { self != .json }

    /// The media type a web server should announce.
    public var mediaType: String {
        switch self {
        case .html: return "text/html; charset=utf-8"
        case .csv: return "text/csv; charset=utf-8"
        case .json: return "application/json"
        case .xlsx: return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        }
    }

    /// The file's bytes. `updated` is the date of the last change to the register (ISO 8601);
    /// the formats that carry it show it, the others ignore it, as JSON ignores the language.
    public func bytes(_ rows: [RegisterRow], language: RegisterLanguage, updated: String) -> [UInt8] {
        switch self {
        case .html: return RegisterHTML.bytes(rows, language: language, updated: updated)
        case .csv: return RegisterCSV.bytes(rows, language: language)
        case .json: return RegisterJSON.bytes(rows, updated: updated)
        case .xlsx: return RegisterXLSX.bytes(rows, language: language)
        }
    }
}
