/// The HTML alternative of a notice: a plain document with no scripts, styles from outside or
/// links, since every value in it may have come from an applicant.
enum NoticeHTML {
    /// On UTF-8 bytes: the five are ASCII, so no byte of another character is one of them, and
    /// runs between them are copied whole. With `breakingLines`, each line feed becomes `<br>`
    /// and a line feed; a line feed is always a character of its own.
    static func appendEscaped(_ text: String, breakingLines: Bool = false, to out: inout [UInt8]) {
        var text = text
        text.withUTF8 { bytes in
            out.reserveCapacity(out.count + bytes.count + 32)
            var run = 0
            for (i, byte) in bytes.enumerated() {
                let entity: StaticString
                switch byte {
                case 0x26: entity = "&amp;"
                case 0x3C: entity = "&lt;"
                case 0x3E: entity = "&gt;"
                case 0x22: entity = "&quot;"
                case 0x27: entity = "&#39;"
                case 0x0A where breakingLines: entity = "<br>\n"
                default: continue
                }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run..<i]))
                out.append(contentsOf: UnsafeBufferPointer(start: entity.utf8Start, count: entity.utf8CodeUnitCount))
                run = i + 1
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run...]))
        }
    }

    static func document(title: String, bodies: [NoticeBody]) -> String {
        let first = bodies.first?.language.rawValue ?? "kk"
        var out: [UInt8] = []
        out.reserveCapacity(8192)
        out.append(contentsOf: "<!DOCTYPE html>\n<html lang=\"\(first)\">\n<head>\n<meta charset=\"utf-8\">\n<title>".utf8)
        appendEscaped(title, to: &out)
        out.append(contentsOf: """
            </title>
            </head>
            <body style="font-family: Arial, Helvetica, sans-serif; font-size: 14px; line-height: 1.5; color: #1a1a1a;">

            """.utf8)
        for (index, body) in bodies.enumerated() {
            if index > 0 { out.append(contentsOf: "<hr>\n".utf8) }
            body.appendHTML(to: &out)
        }
        out.append(contentsOf: "</body>\n</html>\n".utf8)
        return String(decoding: out, as: UTF8.self)
    }
}
