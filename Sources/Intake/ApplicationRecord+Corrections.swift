import OrderedJSON
import Annex2
import Cases
import Forms
import Foundation
import Register
import Store

extension ApplicationRecord {
    /// This reading with staff's corrections laid over it. The newest statement of a field wins:
    /// a correction made after the message was read replaces what it said, and one made before
    /// it still fills a field the message left empty; a field the applicant sent again later
    /// is theirs. The result is a reading like any other, so notices, decisions and the
    /// register use it unchanged; `staffEntered` says which fields a person typed in.
    public func correcting(_ corrections: [FieldCorrection], readAt: LocalDateTime) -> ApplicationRecord {
        guard !corrections.isEmpty, var object = JSON.foundationObject(json) as? [String: Any] else { return self }
        let read = object["fields"] as? [String: Any] ?? [:]
        var fields: [FormField: Application.FieldValue] = [:]
        for field in FormField.allCases {
            if let any = read[field.rawValue], let value = FieldShape.of(field).value(any) { fields[field] = value }
        }
        var kind = (object["kind"] as? String).flatMap(ApplicantKind.init(rawValue:))
        var missing = object["missing"] as? [String] ?? []
        var invalid = object["invalid"] as? [[String: Any]] ?? []
        var entered: [(String, JSON)] = []
        let readKind = object["kind"] as? String
        for correction in corrections
        where correction.at > readAt || (correction.field == "kind" ? readKind == nil : read[correction.field] == nil) {
            guard let any = (JSON.foundationObject("[\(correction.value)]") as? [Any])?.first else { continue }
            if correction.field == "kind" {
                kind = (any as? String).flatMap(ApplicantKind.init(rawValue:)) ?? kind
            } else if let field = FormField(rawValue: correction.field), let value = FieldShape.of(field).value(any) {
                fields[field] = value
                // Phone and e-mail missing together mean "one of them": either answers both.
                let answered = field == .phone || field == .email ? ["phone", "email"] : [field.rawValue]
                missing.removeAll { answered.contains($0) }
                invalid.removeAll { ($0["field"] as? String) == field.rawValue }
            } else {
                continue
            }
            entered.removeAll { $0.0 == correction.field }
            entered.append((correction.field, .object([("actor", .string(correction.actor)),
                                                       ("at", .string(correction.at.description))])))
        }
        guard !entered.isEmpty else { return self }
        var application = Application.build(from: [], now: readAt.date.year)
        application.kind = kind
        application.fields = fields
        object["kind"] = kind?.rawValue ?? NSNull()
        object["missing"] = missing
        object["invalid"] = invalid
        if kind != nil, missing.isEmpty, invalid.isEmpty, ["incomplete", "unreadable"].contains(object["outcome"] as? String) {
            object["outcome"] = "complete"
        }
        let columns = kind == nil ? nil : RegisterColumns(application: application).json
        var pairs: [(String, JSON)] = []
        for key in ApplicationRecord.keyOrder {
            switch key {
            case "fields":
                pairs.append((key, .object(FormField.allCases.compactMap { f in fields[f].map { (f.rawValue, ApplicationRecord.json($0)) } })))
            case "registerColumns":
                if let columns { pairs.append((key, .string(columns))) }
            case "staffEntered":
                pairs.append((key, .object(entered)))
            default:
                pairs.append((key, object[key].map(JSON.init(foundation:)) ?? .null))
            }
        }
        return ApplicationRecord(json: JSON.object(pairs).serialized()) ?? self
    }

    /// The keys of a stored reading in the order `parse --json` documents them.
    static let keyOrder = ["kind", "language", "purpose", "terminationDate", "outcome", "fields", "missing", "invalid",
                           "sources", "missingParts", "conflicts", "companions", "unreadable", "notAnApplicationReason",
                           "registerColumns", "staffEntered"]
}
