/// The region of activity column 6 shows for an applicant, read from the residence they gave.
///
/// A private person's residence is a home address, which the public register must never carry
/// (Annex 1 asks for the region only; the street, house and flat are personal data). So only the
/// settlement and region are kept: "г. Костанай, ул. Абая 5, кв. 3" gives "г. Костанай". When in
/// doubt a word is dropped: a region shown too coarsely harms no one, a street shown does.
public enum ActivityRegion {
    public static func of(residence: String) -> String {
        var kept: [String] = []
        for raw in residence.split(whereSeparator: { $0 == "," || $0 == ";" || $0 == "\n" }) {
            let part = raw.trimmingSpaces
            if part.isEmpty || countries.holds(part.lowercased()) { continue }
            // A postal code says nothing about the region and may come first.
            if part.allSatisfy({ $0.isNumber || $0 == " " }) { continue }
            let words = part.split(separator: " ").map(String.init)
            if kept.isEmpty {
                // The first part is usually the settlement, possibly run on into the street.
                let settlement = leadingSettlement(words)
                if !settlement.isEmpty { kept.append(settlement) }
                if settlement.count != part.count { break }
            } else {
                // Later parts are kept only when they name a district, region or settlement.
                guard words.contains(where: isRegionMarker), !words.contains(where: isAddressWord) else { break }
                kept.append(part)
            }
        }
        return kept.joined(separator: ", ")
    }

    /// The words before the address begins. A street's name comes before a Kazakh marker
    /// ("Абай даңғылы") and before a bare house number ("Абая 5"), so that word goes too.
    static func leadingSettlement(_ words: [String]) -> String {
        var kept: [String] = []
        let postalCode = words.first.map { $0.count == 6 && $0.allSatisfy(\.isNumber) } ?? false
        for word in words.dropFirst(postalCode ? 1 : 0) {
            if isStreetPrefix(word) { break }
            if isStreetSuffix(word) || word.contains(where: \.isNumber) {
                if !kept.isEmpty { kept.removeLast() }
                break
            }
            kept.append(word)
        }
        return kept.joined(separator: " ").trimmingCharacters(where: { $0 == "-" || $0 == "–" || $0 == "/" || $0.isWhitespace })
    }

    static func bare(_ word: String) -> String {
        word.lowercased().trimmingCharacters(where: { $0 == "." || $0 == ":" || $0 == "(" || $0 == ")" })
    }

    static func isStreetPrefix(_ word: String) -> Bool {
        let w = word.lowercased()
        // Abbreviations glued to the name count too: "ул.Абая", "пр-т", "мкр.Самал", "д.5".
        return streetPrefixes.holds(bare(word)) || gluedPrefixes.contains { w.hasPrefix($0) }
    }

    static func isStreetSuffix(_ word: String) -> Bool { streetSuffixes.holds(bare(word)) }

    static func isAddressWord(_ word: String) -> Bool {
        isStreetPrefix(word) || isStreetSuffix(word) || word.contains(where: \.isNumber)
    }

    static func isRegionMarker(_ word: String) -> Bool {
        let w = bare(word)
        return regionMarkers.holds(w) || w.hasPrefix("обл") || w.hasPrefix("район") || w.hasPrefix("аудан")
            || w.hasPrefix("облыс") || w.hasPrefix("кент") || w.hasSuffix("қаласы") || w.hasSuffix("ауылы")
    }

    static let streetPrefixes: Set<String> = [
        "ул", "улица", "пр", "проспект", "пр-т", "пр-кт", "пер", "переулок", "бульвар", "б-р", "шоссе", "тракт",
        "мкр", "микрорайон", "мкрн", "жм", "ж/м", "жилмассив", "жк", "д", "дом", "кв", "квартира", "корп", "корпус",
        "пл", "площадь", "үй", "пәтер", "пәт", "а/я",
    ]
    static let gluedPrefixes = ["ул.", "пр.", "пр-", "пер.", "мкр.", "мкр-", "д.", "кв.", "корп.", "б-р", "көш.", "даң."]
    /// Kazakh writes the street's kind after its name.
    static let streetSuffixes: Set<String> = [
        "көше", "көшесі", "даңғыл", "даңғылы", "тұйық", "тұйығы", "шағын", "ықшам", "тас", "жолы", "алаңы",
    ]
    static let regionMarkers: Set<String> = [
        "г", "город", "қ", "қала", "қаласы", "с", "село", "ауыл", "ауылы", "п", "пос", "поселок", "посёлок", "кент",
        "р-н", "округ", "а/о", "с/о",
    ]
    static let countries: Set<String> = [
        "казахстан", "республика казахстан", "рк", "қазақстан", "қазақстан республикасы", "қр", "kazakhstan",
    ]
}

extension Set where Element == String {
    /// `contains`, answered by hashing the UTF-8 bytes when the word is plain Latin or Cyrillic
    /// (no combining marks, so already in the one spelling the words here have): hashing a
    /// Cyrillic String normalizes it first, and every word of an address is asked.
    func holds(_ word: String) -> Bool {
        let plain = word.unicodeScalars.allSatisfy { s in
            s.value < 0x300 || (0x400...0x482).contains(s.value) || (0x48A...0x52F).contains(s.value)
        }
        guard plain else { return contains(word) }
        return contains { $0.utf8.count == word.utf8.count && $0.utf8.elementsEqual(word.utf8) }
    }
}
