import OrderedJSON
import Cases
import Forms
import Foundation
import MIME
import Register
import Store

/// What staff do to a case besides deciding it: correcting a field read from a scan, and
/// re-reading its messages after a parser upgrade. Neither runs the case machine's decisions:
/// they change what the case knows, and the next decision (staff's or a timer's) uses it.
extension Intake {
    /// The case's application as decisions see it: the latest reading of the applicant's
    /// messages with staff's corrections over it.
    public struct CurrentApplication: Sendable {
        public let record: ApplicationRecord
        /// The message it was read from.
        public let message: StoredMessage
        public let corrections: [FieldCorrection]
    }

    public func currentApplication(caseID: Int64) throws -> CurrentApplication? {
        guard let message = try MessageLog(database).messages(caseID: caseID).last(where: { $0.application != nil }),
              let read = message.application.flatMap(ApplicationRecord.init(json:)) else { return nil }
        let corrections = try CorrectionLog(database).corrections(caseID: caseID)
        return CurrentApplication(record: read.correcting(corrections, readAt: message.receivedAt), message: message,
                                  corrections: corrections)
    }

    public struct Edited: Sendable, Equatable {
        public let changes: [ReadingChange]
        /// Things staff should know before deciding (a duplicate IIN, an unknown kind).
        public let warnings: [String]
        /// The register entry's number, when an accepted case's entry was corrected too.
        public let registerEntry: Int?
    }

    /// Records staff's corrections of a case's application, each as a `field-edited` event with
    /// the actor; updates the applicant and, for a case already in the register, its entry.
    public func edit(_ corrections: [StaffCorrection], caseID humanID: String, actor: String,
                     at: LocalDateTime) throws -> Result<Edited, Refusal> {
        guard !actor.isEmpty else { return .failure(Refusal("a correction needs the staff member's login")) }
        return try database.transaction {
            let book = CaseBook(database)
            guard let record = try book.find(humanID: humanID) else { return .failure(Refusal("no case \(humanID)")) }
            guard let before = try currentApplication(caseID: record.id) else {
                return .failure(Refusal("\(humanID) has no application read from a message, so nothing to correct"))
            }
            let log = CorrectionLog(database)
            var current = before.record
            var changes: [ReadingChange] = []
            for correction in corrections {
                let object = JSON.foundationObject(current.json) as? [String: Any] ?? [:]
                let old = correction.field == "kind" ? object["kind"] : (object["fields"] as? [String: Any])?[correction.field]
                let previous = old.flatMap { $0 is NSNull ? nil : JSON(foundation: $0).serialized() }
                let value = correction.value.serialized()
                if previous == value { continue }
                try log.record(caseID: record.id, field: correction.field, value: value, previous: previous,
                               actor: actor, at: at)
                let shownBefore = old.flatMap(ReadingDiff.text)
                let shownAfter = (JSON.foundationObject("[\(value)]") as? [Any])?.first.flatMap(ReadingDiff.text) ?? value
                try book.annotate(caseID: record.id, CaseEvent(
                    type: "field-edited", actor: actor, at: at,
                    reason: "\(correction.field) = \(shownAfter), staff-entered (was \(shownBefore ?? "not read"))"),
                    data: JSON.object([("field", .string(correction.field)), ("value", correction.value),
                                       ("previous", old.map(JSON.init(foundation:)) ?? .null)]).serialized())
                changes.append(ReadingChange(key: correction.field, before: shownBefore, after: shownAfter))
                current = try currentApplication(caseID: record.id)?.record ?? current
            }
            guard !changes.isEmpty else { return .success(Edited(changes: [], warnings: [], registerEntry: nil)) }
            if corrections.contains(where: { $0.field == "kind" }) {
                try book.setKind(current.kind, language: nil, caseID: record.id)
            }
            let register = RegisterBook(database)
            let who = current.identity
            if let applicantID = record.applicantID {
                try register.correct(applicantID: applicantID, who)
            } else if who.iin != nil || who.bin != nil || who.fullName != nil || who.organizationName != nil {
                try book.setApplicant(try register.applicant(who), caseID: record.id)
            }
            var warnings: [String] = []
            var entryNumber: Int?
            let own = try register.entry(caseID: record.id)
            if let own, own.terminatedAt == nil, let columns = current.registerColumns.flatMap(RegisterColumns.init(json:)),
               let registered = RegisterColumns(json: own.columns) {
                try register.update(entryID: own.id, columns: registered.updated(with: columns).json, caseID: record.id, at: at)
                entryNumber = own.number
            }
            if record.snapshot.intent == .application, record.snapshot.state?.isFinal == false {
                if let other = try register.activeEntry(iin: who.iin, bin: who.bin, email: nil), other.id != own?.id {
                    warnings.append("\(who.iin != nil ? "IIN " + who.iin! : "BIN " + (who.bin ?? "")) is already in the register "
                                    + "as entry № \(other.number); accepting would register it twice")
                }
                if current.kind == nil {
                    warnings.append("the applicant's kind is not known: set kind=volunteer|group|organization|coordinator|organizer, "
                                    + "or accepting makes no register entry")
                }
            }
            return .success(Edited(changes: changes, warnings: warnings, registerEntry: entryNumber))
        }
    }

    /// One message read again with the current parser.
    public struct Rereading: Sendable, Equatable {
        /// 1 for the case's first message, as `cases show` numbers them.
        public let number: Int
        public let path: String
        public let changes: [ReadingChange]
        /// Why it could not be read again (the file is gone); nil when it was.
        public let problem: String?
    }

    /// Reads the case's applications again from their files and stores the new readings; the
    /// history gets a note with what changed. Nothing is decided and no notice is queued: the
    /// case's state, terms and flags stay, and staff decide on the new reading.
    public func reparse(caseID humanID: String, actor: String, at: LocalDateTime) throws -> Result<[Rereading], Refusal> {
        guard let record = try CaseBook(database).find(humanID: humanID) else { return .failure(Refusal("no case \(humanID)")) }
        let stored = try MessageLog(database).messages(caseID: record.id)
        var fresh: [(row: StoredMessage, number: Int, json: String?, problem: String?)] = []
        for (i, message) in stored.enumerated() where message.application != nil {
            guard let bytes = try? settings.readMessage(message.maildirPath) else {
                fresh.append((message, i + 1, nil, "cannot read \(message.maildirPath)"))
                continue
            }
            let parsed = Message(bytes: bytes, legacyCharset: settings.legacyCharset)
            var reading = ApplicationReader.read(parsed, currentYear: message.receivedAt.date.year, settings: settings.reading)
            if let index = try MessageLog(database).applicantIndex(messageID: message.id, caseID: record.id) {
                // A letter of several applicants: this case is one of them, read apart.
                let applicants = ApplicationReader.readApplicants(parsed, currentYear: message.receivedAt.date.year,
                                                                      settings: settings.reading)
                if applicants.indices.contains(index - 1) { reading = applicants[index - 1] }
            }
            fresh.append((message, i + 1, ApplicationRecord(reading).json, nil))
        }
        guard !fresh.isEmpty else {
            return .failure(Refusal("\(humanID) has no application read from a message: nothing to read again"))
        }
        return try database.transaction {
            let book = CaseBook(database)
            guard let current = try book.find(id: record.id) else { return .failure(Refusal("no case \(humanID)")) }
            var results: [Rereading] = []
            for item in fresh {
                guard let json = item.json else {
                    results.append(Rereading(number: item.number, path: item.row.maildirPath, changes: [], problem: item.problem))
                    continue
                }
                let changes = ReadingDiff.changes(from: item.row.application, to: json)
                if !changes.isEmpty {
                    if try MessageLog(database).applicantIndex(messageID: item.row.id, caseID: record.id) != nil {
                        try MessageLog(database).replaceReading(messageRowID: item.row.id, caseID: record.id, application: json)
                    } else {
                        try MessageLog(database).replaceReading(messageRowID: item.row.id, application: json)
                    }
                }
                results.append(Rereading(number: item.number, path: item.row.maildirPath, changes: changes, problem: nil))
            }
            if let latest = try currentApplication(caseID: record.id)?.record {
                try book.setKind(latest.kind, language: latest.language, caseID: record.id)
                let who = latest.identity
                if let applicantID = current.applicantID {
                    try RegisterBook(database).correct(applicantID: applicantID, who)
                } else if who.iin != nil || who.bin != nil || who.fullName != nil || who.organizationName != nil {
                    try book.setApplicant(try RegisterBook(database).applicant(who), caseID: record.id)
                }
            }
            let summary = results.map { r in
                "message \(r.number): " + (r.problem ?? (r.changes.isEmpty ? "no change" : r.changes.map(\.key).joined(separator: ", ")))
            }.joined(separator: "; ")
            let note = CaseMachine.apply(.decision(.note("read again with the current parser: " + summary), actor: actor, at: at),
                                         to: current.snapshot, policy: settings.policy, calendar: settings.calendar)
            switch note {
            case .failure(let refusal): return .failure(refusal)
            case .success(let transition): try book.record(transition, caseID: record.id, at: at)
            }
            return .success(results)
        }
    }
}
