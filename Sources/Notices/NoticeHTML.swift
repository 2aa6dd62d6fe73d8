/// The HTML alternative of a notice: a plain document with no scripts, styles from outside or
/// links, since every value in it may have come from an applicant.
enum NoticeHTML {
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for c in text.unicodeScalars {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(c)
            }
        }
        return out
    }

    static func document(title: String, bodies: [NoticeBody]) -> String {
        let first = bodies.first?.language.rawValue ?? "kk"
        return """
        <!DOCTYPE html>
        <html lang="\(first)">
        <head>
        <meta charset="utf-8">
        <title>\(escape(title))</title>
        </head>
        <body style="font-family: Arial, Helvetica, sans-serif; font-size: 14px; line-height: 1.5; color: #1a1a1a;">

        """ + bodies.map(\.html).joined(separator: "<hr>\n") + "</body>\n</html>\n"
    }
}
