import Foundation
import OrderedJSON

/// The register for other systems: `{"updated": …, "entries": [...]}`, English keys, sorted.
/// One file serves both languages: the applicant's texts are the same in both, and column 11's
/// fixed phrase is given in each (`termination.kk`, `termination.ru`) beside its date.
public enum RegisterJSON {
    public static func bytes(_ rows: [RegisterRow], updated: String) -> [UInt8] {
        let entries: [[String: Any]] = rows.map { row in
            var entry = row.columns.dictionary
            entry["number"] = row.number
            entry["created"] = row.createdAt
            entry["updated"] = row.updatedAt
            entry["terminated"] = row.terminated
            if let termination = row.columns.termination {
                entry["termination"] = ["date": termination.date, "note": termination.note,
                                        "kk": termination.text(.kk), "ru": termination.text(.ru)]
            }
            return entry
        }
        return JSON(foundation: ["updated": updated, "entries": entries] as [String: Any]).bytes(pretty: true) + [0x0A]
    }

    /// The rows and update date back from `bytes`; nil when they are not such a document.
    public static func read(_ bytes: [UInt8]) -> (rows: [RegisterRow], updated: String)? {
        guard let object = try? JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any],
              let updated = object["updated"] as? String,
              let entries = object["entries"] as? [[String: Any]] else { return nil }
        var rows: [RegisterRow] = []
        for entry in entries {
            guard let number = entry["number"] as? Int, let columns = RegisterColumns(dictionary: entry) else { return nil }
            rows.append(RegisterRow(number: number, columns: columns, createdAt: entry.text("created"),
                                    updatedAt: entry.text("updated")))
        }
        return (rows, updated)
    }
}
