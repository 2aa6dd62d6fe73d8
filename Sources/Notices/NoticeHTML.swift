/// The HTML alternative of a notice: a plain document with no scripts, styles from outside or
/// links, since every value in it may have come from an applicant.
enum NoticeHTML {
    static func escape(_ text: String) -> String {
        // On UTF-8 bytes: the five are ASCII, so no byte of another character is one of them,
        // and appending scalar by scalar was a fifth of rendering a notice.
        let special: (UInt8) -> Bool = { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 }
        guard text.utf8.contains(where: special) else { return text }
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count + 32)
        for byte in text.utf8 {
            switch byte {
            case 0x26: out.append(contentsOf: "&amp;".utf8)
            case 0x3C: out.append(contentsOf: "&lt;".utf8)
            case 0x3E: out.append(contentsOf: "&gt;".utf8)
            case 0x22: out.append(contentsOf: "&quot;".utf8)
            case 0x27: out.append(contentsOf: "&#39;".utf8)
            default: out.append(byte)
            }
        }
        return String(decoding: out, as: UTF8.self)
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
