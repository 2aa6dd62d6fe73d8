import OrderedJSON
import Annex2
import Forms
import Foundation
import Register
import Store

/// What the daemon read from one message, kept with the message in the store: the full
/// reading as JSON for staff, and the few facts later steps need without the mail at hand.
public struct ApplicationRecord: Sendable, Equatable {
    /// One thing the applicant must fix, with the reason when the value is wrong.
    public struct Problem: Sendable, Equatable {
        public var field: String
        public var kazakh: String?
        public var russian: String?
    }

    public var kind: String?
    public var language: String?
    public var outcome: String
    public var identity: ApplicantIdentity
    public var problems: [Problem]
    /// The Annex 1 columns this application would give its register entry, as stored JSON.
    public var registerColumns: String?
    /// For a termination notice (p.13): when the activity stops, `YYYY-MM-DD`, if it says.
    public var terminationDate: String?
    /// The serialized reading, as `tizilim parse --json` shows it under `application`.
    public var json: String

    /// The name a notice greets: the person's, or the organisation's.
    public var displayName: String? { identity.fullName ?? identity.organizationName }

    public init(_ reading: ApplicationReader.Result) {
        let application = reading.application
        kind = application.kind?.rawValue
        language = application.outcome == .notAnApplication && application.fields.isEmpty ? nil : application.language
        outcome = Self.outcomeName(application.outcome)
        func text(_ field: FormField) -> String? {
            if case .text(let s)? = application.fields[field], !s.isEmpty { return s }
            return nil
        }
        identity = ApplicantIdentity(kind: kind, fullName: text(.fullName), organizationName: text(.organizationName),
                                     iin: text(.iin), bin: text(.bin), email: text(.email)?.lowercased(),
                                     phone: text(.phone))
        var problems = application.missing.map { Problem(field: $0.rawValue, kazakh: nil, russian: nil) }
        for item in application.invalid where !problems.contains(where: { $0.field == item.field.rawValue }) {
            problems.append(Problem(field: item.field.rawValue, kazakh: item.kk, russian: item.ru))
        }
        for part in application.missingParts {
            problems.append(Problem(field: part.path, kazakh: nil, russian: nil))
        }
        self.problems = problems
        registerColumns = application.kind == nil ? nil : RegisterColumns(application: application).json
        terminationDate = application.terminationDate
        json = Self.json(reading, registerColumns: registerColumns).serialized()
    }

    /// Reads back the facts from a stored record; nil for text that is not one.
    public init?(json text: String) {
        guard let object = (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String: Any] else { return nil }
        let fields = object["fields"] as? [String: Any] ?? [:]
        func string(_ key: String) -> String? { fields[key] as? String }
        kind = object["kind"] as? String
        language = object["language"] as? String
        outcome = object["outcome"] as? String ?? "incomplete"
        identity = ApplicantIdentity(kind: kind, fullName: string("fullName"), organizationName: string("organizationName"),
                                     iin: string("iin"), bin: string("bin"), email: string("email")?.lowercased(),
                                     phone: string("phone"))
        var problems = (object["missing"] as? [String] ?? []).map { Problem(field: $0, kazakh: nil, russian: nil) }
        for item in object["invalid"] as? [[String: Any]] ?? [] {
            guard let field = item["field"] as? String, !problems.contains(where: { $0.field == field }) else { continue }
            problems.append(Problem(field: field, kazakh: item["kk"] as? String, russian: item["ru"] as? String))
        }
        self.problems = problems
        registerColumns = (object["registerColumns"] as? String)
        terminationDate = object["terminationDate"] as? String
        json = text
    }

    /// `not-an-application` rather than Swift's case name: the documented JSON value.
    public static func outcomeName(_ outcome: Application.Outcome) -> String {
        outcome == .notAnApplication ? "not-an-application" : outcome.rawValue
    }

    public static func json(_ value: Application.FieldValue) -> JSON {
        switch value {
        case .text(let s): return .string(s)
        case .number(let n): return .number(n)
        case .list(let items): return .array(items.map(JSON.string))
        case .numbers(let items): return .array(items.map(JSON.number))
        case .flag(let b): return .bool(b)
        case .objects(let objects):
            return .array(objects.map { object in .object(object.keys.sorted().map { ($0, .string(object[$0]!)) }) })
        }
    }

    /// The reading with stable keys, as `parse --json` documents them.
    public static func json(_ reading: ApplicationReader.Result, registerColumns: String? = nil) -> JSON {
        let application = reading.application
        let fields = FormField.allCases.compactMap { field in application.fields[field].map { (field.rawValue, json($0)) } }
        return .object([
            ("kind", .optional(application.kind?.rawValue)),
            ("language", .string(application.language)),
            ("purpose", .string(application.purpose.rawValue)),
            ("terminationDate", .optional(application.terminationDate)),
            ("outcome", .string(outcomeName(application.outcome))),
            ("fields", .object(fields)),
            ("missing", .array(application.missing.map { .string($0.rawValue) })),
            ("invalid", .array(application.invalid.map {
                .object([("field", .string($0.field.rawValue)), ("reason", .string($0.reason)),
                         ("kk", .string($0.kk)), ("ru", .string($0.ru))])
            })),
            ("sources", .object(FormField.allCases.compactMap { f in application.sources[f].map { (f.rawValue, .string($0)) } })),
            ("missingParts", .array(application.missingParts.map {
                .object([("field", .string($0.field.rawValue)), ("index", .number($0.index)), ("key", .string($0.key))])
            })),
            ("conflicts", .array(application.conflicts.map(JSON.string))),
            ("companions", .number(application.companions.count)),
            ("unreadable", .array(reading.sources.compactMap { source in
                source.unreadable.map { reason in
                    .object([("part", .string(source.partPath)), ("filename", .optional(source.filename)),
                             ("reason", .string(reason.description))])
                }
            })),
            ("notAnApplicationReason", .optional(reading.notAnApplicationReason)),
        ] + recognitionJSON(reading) + (registerColumns.map { [("registerColumns", JSON.string($0))] } ?? []))
    }

    /// For a reading of a scan only: per recognised source its pages and mean confidence, per field
    /// how far it can be trusted (staff check every field of such a reading before deciding).
    static func recognitionJSON(_ reading: ApplicationReader.Result) -> [(String, JSON)] {
        let recognised = reading.sources.filter { $0.recognition != nil }
        guard !recognised.isEmpty else { return [] }
        func rounded(_ x: Double) -> JSON { .number(Int(x.rounded())) }
        return [
            ("ocr", .array(recognised.map { source in
                .object([("part", .string(source.partPath)), ("filename", .optional(source.filename)),
                         ("meanConfidence", rounded(source.recognition!.meanConfidence)),
                         ("pages", .number(source.recognition!.pages.count))])
            })),
            ("confidence", .object(FormField.allCases.compactMap { field in
                reading.confidence[field].map { c in
                    (field.rawValue, .object([("ocr", c.ocr.map(rounded) ?? .null), ("level", .string(c.level.rawValue))]))
                }
            })),
        ]
    }
}
