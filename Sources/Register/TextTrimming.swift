/// Applicant text arrives with stray spaces and punctuation around it; the register keeps the words.
extension StringProtocol {
    var trimmingSpaces: String { trimmingCharacters(where: { $0.isWhitespace }) }

    func trimmingCharacters(where drop: (Character) -> Bool) -> String {
        guard let start = firstIndex(where: { !drop($0) }), let end = lastIndex(where: { !drop($0) }) else { return "" }
        return String(self[start...end])
    }
}
