import Annex2
/// Finishing a reading: several applicants in one source, list values, the kind and the language.
extension Extraction {
    // MARK: result

    /// A second questionnaire after the first one named its applicant: keep the first applicant's
    /// values apart and start the next one from what the source said before any questionnaire
    /// (`sharing`), or from nothing when the next applicant brings an application of their own.
    mutating func startNextApplicant(sharing: Bool = true) {
        closeList()
        var done = self
        earlierApplicants.append(done.finish(text: ""))
        let shared = sharing ? preamble ?? ExtractedForm() : ExtractedForm()
        result = ExtractedForm()
        applicantName = nil
        result.consent = shared.consent
        result.markedKinds = shared.markedKinds
        result.forms = shared.forms
        unrecognisedChoice = [:]
        pending = nil
        lastAssigned = nil
        section = .main
    }

    /// The first applicant, with any further ones of the same source as its companions.
    mutating func finishAll(text: String) -> ExtractedForm {
        let last = finish(text: text)
        guard !earlierApplicants.isEmpty else { return last }
        var all = earlierApplicants + [last]
        for i in all.indices where all[i].language == nil { all[i].language = last.language }
        var first = all.removeFirst()
        // A repeated title with nobody after it ("… сауалнамасы толтырылды") is no applicant.
        first.companions = all.filter { c in Extraction.identifying.contains { c.values[$0] != nil } }
        return first
    }

    mutating func finish(text: String) -> ExtractedForm {
        if result.values[.activityTypes] == nil, !result.activityTypes.isEmpty {
            result.values[.activityTypes] = result.activityTypes.map(String.init).joined(separator: ", ")
        }
        for (field, numbers) in [(FormField.activityTypes, result.activityTypes), (.roles, result.roles), (.availability, result.availability)] {
            if !numbers.isEmpty { result.values[field] = numbers.map(String.init).joined(separator: ", ") }
            else if let words = unrecognisedChoice[field] { result.values[field] = words.joined(separator: ", ") }
        }
        if !result.members.isEmpty { result.values[.members] = result.members.joined(separator: "\n") }
        if let c = result.consent { result.values[.consent] = c ? "true" : "false" }
        result.programs = result.programs.filter { !$0.isEmpty }
        result.actions = result.actions.filter { !$0.isEmpty }

        let titles = Set(result.titleKinds), marks = Set(result.markedKinds)
        if titles.count == 1 { result.kind = titles.first }
        else if titles.count > 1 { result.kindAmbiguous = true }
        else if marks.count == 1 { result.kind = marks.first }
        else if marks.count > 1 { result.kindAmbiguous = true }

        if let name = applicantName {
            let entity = result.kind == .organization || result.values[.organizationName] != nil || result.values[.bin] != nil
            let field: FormField = entity ? .organizationName : .fullName
            if result.values[field] == nil { result.values[field] = name }
        }

        let kk = languageVotes["kk"] ?? 0, ru = languageVotes["ru"] ?? 0
        if kk != ru { result.language = kk > ru ? "kk" : "ru" }
        else { result.language = Extraction.languageByLetters(text) }
        return result
    }

    /// Kazakh-specific letters decide when the labels do not; a few in a Russian text are names.
    static let kazakhLetters = Set("әғқңөұүһіӘҒҚҢӨҰҮҺІ")

    static func languageByLetters(_ text: String) -> String? {
        var cyrillic = 0, specific = 0
        for ch in text {
            if kazakhLetters.contains(ch) { specific += 1; cyrillic += 1 }
            else if ch.unicodeScalars.allSatisfy({ (0x0400...0x04FF).contains($0.value) }) && ch.isLetter { cyrillic += 1 }
        }
        guard cyrillic > 0 else { return nil }
        return specific >= 3 && specific * 50 >= cyrillic ? "kk" : "ru"
    }
}
