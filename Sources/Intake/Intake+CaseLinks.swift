import Cases
import Forms
import Store

/// `cases merge` and `cases split`: staff's answer to a possible duplicate, or to a letter
/// that went into the wrong case. Each is recorded in both cases' histories with the actor, and
/// each undoes the other: a merged letter can be split out again, a split one merged back.
extension Intake {
    public struct Moved: Sendable, Equatable {
        /// The case that kept (merge) or lost (split) the letters.
        public let caseID: String
        /// The case merged away, or the new case a letter was split into.
        public let otherCaseID: String
        public let messages: Int
    }

    /// Moves every letter of case `source` into `target` and closes `source` as merged.
    public func merge(into targetID: String, from sourceID: String, actor: String,
                      at: LocalDateTime) throws -> Result<Moved, Refusal> {
        guard !actor.isEmpty else { return .failure(Refusal("a merge needs the staff member's login")) }
        return try database.transaction {
            let book = CaseBook(database), log = MessageLog(database)
            guard let target = try book.find(humanID: targetID) else { return .failure(Refusal("no case \(targetID)")) }
            guard let source = try book.find(humanID: sourceID) else { return .failure(Refusal("no case \(sourceID)")) }
            guard target.id != source.id else { return .failure(Refusal("a case cannot be merged into itself")) }
            let held = try book.identityNumbers(caseID: target.id), moving = try book.identityNumbers(caseID: source.id)
            if Set(held.iins + moving.iins).count > 1 || Set(held.bins + moving.bins).count > 1 {
                return .failure(Refusal("\(sourceID) and \(targetID) name different IINs/BINs "
                                        + (held.iins + moving.iins + held.bins + moving.bins).joined(separator: ", ")
                                        + "; a case holds one applicant"))
            }
            let closing: Transition
            switch CaseMachine.closeAsMerged(source.snapshot, into: targetID, actor: actor, policy: settings.policy,
                                             calendar: settings.calendar, at: at) {
            case .failure(let refusal): return .failure(refusal)
            case .success(let transition): closing = transition
            }
            let letters = try log.messages(caseID: source.id).map(\.id)
            let noting = CaseMachine.recordLink("merged", reason: "\(sourceID): \(letters.count) letter(s) and its history",
                                                actor: actor, on: target.snapshot, policy: settings.policy,
                                                calendar: settings.calendar, at: at)
            guard case .success(let note) = noting else { return noting.map { _ in Moved(caseID: "", otherCaseID: "", messages: 0) } }
            try log.move(messageIDs: letters, from: source.id, to: target.id)
            try book.record(closing, caseID: source.id, at: at)
            try book.record(note, caseID: target.id, at: at)
            try CaseLinks(database).link(target.id, to: source.id, kind: .merged, reason: "\(letters.count) letter(s)",
                                         actor: actor, at: at)
            return .success(Moved(caseID: targetID, otherCaseID: sourceID, messages: letters.count))
        }
    }

    /// Moves one letter of the case (by its number in `cases show`, from 1, or its Message-ID)
    /// into a new case of its own, under review for staff; no notice is sent.
    public func split(_ caseID: String, message: String, actor: String, at: LocalDateTime) throws -> Result<Moved, Refusal> {
        guard !actor.isEmpty else { return .failure(Refusal("a split needs the staff member's login")) }
        return try database.transaction {
            let book = CaseBook(database), log = MessageLog(database)
            guard let source = try book.find(humanID: caseID) else { return .failure(Refusal("no case \(caseID)")) }
            let letters = try log.messages(caseID: source.id)
            let chosen = Int(message).flatMap { n in letters.indices.contains(n - 1) ? letters[n - 1] : nil }
                ?? letters.first { $0.messageID == message.filter { $0 != "<" && $0 != ">" } }
            guard let letter = chosen else {
                return .failure(Refusal("\(caseID) has no message \(message); 'cases show \(caseID)' numbers them"))
            }
            guard letters.count > 1 else { return .failure(Refusal("\(caseID) has only this letter; nothing to split from")) }
            let record = letter.application.flatMap(ApplicationRecord.init(json:))
            // Waits for staff: a split is a person's judgement, and so is what follows it.
            let opening = CaseMachine.apply(.opened(intent: .application, assessment: Assessment(outcome: .unreadable), at: at,
                                                    hasRegisterEntry: false),
                                            to: .unopened, policy: .review, calendar: settings.calendar)
            guard case .success(var transition) = opening else { return .failure(Refusal("the new case could not be opened")) }
            transition.effects.removeAll { if case .notice = $0 { return true } else { return false } }
            let who = record?.identity ?? ApplicantIdentity()
            let applicantID = who.iin != nil || who.bin != nil || who.fullName != nil || who.organizationName != nil
                ? try RegisterBook(database).applicant(who) : nil
            let created = try book.open(transition, at: at, kind: record?.kind, language: record?.language,
                                        replyTo: letter.sender ?? source.replyTo, applicantID: applicantID)
            try log.move(messageIDs: [letter.id], from: source.id, to: created.id)
            let number = letters.firstIndex { $0.id == letter.id }.map { $0 + 1 } ?? 0
            let why = "letter \(number) (\(letter.messageID.map { "<\($0)>" } ?? letter.maildirPath))"
            if case .success(let note) = CaseMachine.recordLink("split", reason: "\(why) into \(created.humanID)", actor: actor,
                                                               on: source.snapshot, policy: settings.policy,
                                                               calendar: settings.calendar, at: at) {
                try book.record(note, caseID: source.id, at: at)
            }
            if let current = try book.find(id: created.id),
               case .success(let note) = CaseMachine.recordLink("split-from", reason: "\(why) of \(caseID)", actor: actor,
                                                               on: current.snapshot, policy: settings.policy,
                                                               calendar: settings.calendar, at: at) {
                try book.record(note, caseID: created.id, at: at)
            }
            try CaseLinks(database).link(source.id, to: created.id, kind: .split, reason: why, actor: actor, at: at)
            return .success(Moved(caseID: caseID, otherCaseID: created.humanID, messages: 1))
        }
    }
}
