/// Group members: one name per line, or several on one line separated by commas.
extension Extraction {
    mutating func addMembers(_ text: String) {
        var pieces = text.split { $0 == "\n" || $0 == ";" }.map(String.init)
        if pieces.count == 1, pieces[0].filter({ $0 == "," }).count >= 1, !pieces[0].contains(".") || pieces[0].filter({ $0 == "," }).count >= 2 {
            pieces = pieces[0].split(separator: ",").map(String.init)
        }
        for piece in pieces {
            var name = piece.catalogueTrimmed(also: "-–—•*·")
            if let (_, rest) = Extraction.leadingNumber(name) { name = rest }
            name = name.filter { $0 != "_" }.catalogueTrimmed(also: "-–—•*·")
            guard name.contains(where: \.isLetter), name.split(separator: " ").count <= 6 else { continue }
            result.members.append(name)
        }
    }
}
