/// Whether a background colour named by a reader marks text, one rule for every format: Word's
/// `w:highlight`/`w:shd w:fill` ("yellow", "D9D9D9", "auto"), ODF's `fo:background-color`
/// ("#d9d9d9", "transparent") and CSS `background(-color)` ("#ff0 !important", "rgb(…)", "none").
extension Paragraph.Run {
    /// Values that paint nothing (or paint the page's own white), and CSS `background` words that are no colour.
    static let blankBackgrounds: Set<String> = [
        "", "auto", "none", "nil", "transparent", "white", "ffffff", "fff", "inherit", "initial", "unset", "revert",
        "window", "canvas", "rgb(255,255,255)", "rgba(255,255,255,1)", "currentcolor",
    ]
    static let backgroundKeywords: Set<String> = [
        "repeat", "no-repeat", "repeat-x", "repeat-y", "fixed", "scroll", "local", "center", "top", "bottom", "left",
        "right", "cover", "contain", "border-box", "padding-box", "content-box", "!important", "important",
    ]

    static func isBackgroundColour(_ value: String) -> Bool {
        // One value per token: "#D9D9D9 none repeat" (CSS shorthand) has a colour among other words.
        var tokens: [String] = []
        var current = ""
        var depth = 0
        for ch in value.lowercased() {
            if ch == "(" { depth += 1 } else if ch == ")" { depth = max(depth - 1, 0) }
            if (ch == " " || ch == "\t" || ch == "\n") && depth == 0 {
                if !current.isEmpty { tokens.append(current); current = "" }
            } else if !ch.isWhitespace {
                current.append(ch)
            }
        }
        if !current.isEmpty { tokens.append(current) }
        return tokens.contains { token in
            var t = token.hasSuffix("!important") ? String(token.dropLast(10)) : token
            if t.hasPrefix("#") { t.removeFirst() }
            if blankBackgrounds.contains(t) || backgroundKeywords.contains(t) || t.hasPrefix("url(") { return false }
            // rgba(…, 0) / hsla(…, 0): fully transparent.
            if t.hasPrefix("rgba(") || t.hasPrefix("hsla("), let alpha = t.dropLast().split(separator: ",").last,
               Double(alpha) == 0 { return false }
            // A position ("0% 0%", "50") is no colour; a hex value without "#" (Word's "D9D9D9", "000000") is.
            guard t.contains(where: \.isLetter) || token.hasPrefix("#") || (t.count == 6 && t.allSatisfy(\.isHexDigit)) else { return false }
            return t.allSatisfy { $0.isLetter || $0.isNumber || "(),.%-".contains($0) }
        }
    }
}
