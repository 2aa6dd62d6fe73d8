@testable import MIME

/// Test messages are written with "\n" for readability and sent with CRLF, as on the wire.
func crlf(_ text: String) -> [UInt8] {
    Array(text.replacingLineFeeds().utf8)
}

func parse(_ text: String, lineEnding: String = "\r\n", limits: Limits = .default) -> Message {
    let bytes = lineEnding == "\n" ? Array(text.utf8) : crlf(text)
    return Message(bytes: bytes, limits: limits)
}

extension String {
    func replacingLineFeeds() -> String {
        var out = ""
        out.reserveCapacity(utf8.count + 64)
        for c in unicodeScalars {
            if c == "\n" { out += "\r\n" } else { out.unicodeScalars.append(c) }
        }
        return out
    }
}

extension Message {
    var shape: [String] { parts.map { "\($0.path) \($0.contentType.mimeType)" } }
    func part(_ path: String) -> Part? { parts.first { $0.path == path } }
    func hasDefect(_ kind: Defect.Kind) -> Bool { allDefects.contains { $0.defect.kind == kind } }
}

extension Part {
    var decodedString: String { String(decoding: decodedBody().bytes, as: UTF8.self) }
}
