/// Applicant text arrives with stray spaces around it; the register keeps the words. Public: the
/// intake trims what it files into the register by the same rule.
extension StringProtocol {
    public var trimmingSpaces: String { trimmingCharacters(where: { $0.isWhitespace }) }

    public func trimmingCharacters(where drop: (Character) -> Bool) -> String {
        guard let start = firstIndex(where: { !drop($0) }), let end = lastIndex(where: { !drop($0) }) else { return "" }
        return String(self[start...end])
    }
}
