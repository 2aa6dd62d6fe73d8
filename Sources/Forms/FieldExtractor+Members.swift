/// Group members: one name per line, or several on one line separated by commas.
extension Extraction {
    /// Adds the names a line of the members list holds; false, and the list closed, when the line
    /// is not names ("Какой вид связи для вас удобен", a section heading, an e-mail): the form has
    /// moved on and the line is read for what it is.
    @discardableResult
    mutating func addMembers(_ text: String) -> Bool {
        var pieces = text.split { $0 == "\n" || $0 == ";" }.map(String.init)
        if pieces.count == 1, pieces[0].filter({ $0 == "," }).count >= 1, !pieces[0].contains(".") || pieces[0].filter({ $0 == "," }).count >= 2 {
            pieces = pieces[0].split(separator: ",").map(String.init)
        }
        var names: [String] = []
        for piece in pieces {
            var name = piece.catalogueTrimmed(also: "-–—•*·")
            if let (_, rest) = Extraction.leadingNumber(name) { name = rest }
            name = name.filter { $0 != "_" }.catalogueTrimmed(also: "-–—•*·")
            guard name.contains(where: \.isLetter), name.split(separator: " ").count <= 6 else { continue }
            names.append(name)
        }
        if !result.members.isEmpty, let first = names.first, !Extraction.looksLikeName(first) {
            list = nil
            return false
        }
        result.members += names
        return true
    }

    /// A person's name as people write one: up to five words of letters, each capitalised
    /// ("Сәрсенбаева Мөлдір", "Ким А.", "Ахметов-Ли Ерлан"), nothing else on the line.
    static func looksLikeName(_ text: String) -> Bool {
        let words = text.split(separator: " ")
        guard (1...5).contains(words.count) else { return false }
        return words.allSatisfy { word in
            guard let first = word.first, first.isLetter, first.isUppercase else { return false }
            return word.allSatisfy { $0.isLetter || "-.'’".contains($0) }
        }
    }
}
