import Foundation

/// A minimal MS-OXTNEF writer, as Outlook lays out winmail.dat (no tool packaged for Debian
/// writes TNEF): the signature and key, attTnefVersion, then per attachment its rendering data,
/// 8-bit title, data, and MAPI properties with the Unicode long file name (0x3707).
public struct TNEFWriter {
    public private(set) var bytes: [UInt8] = [0x78, 0x9F, 0x3E, 0x22, 0x01, 0x00]

    public init() {
        attribute(level: 1, id: 0x0008_9006, le32(0x0001_0000))
    }

    /// `title` is the 8-bit name Outlook writes beside the long one (windows-1251 by default).
    public mutating func attach(_ data: [UInt8], longName: String, title: [UInt8]? = nil, mimeType: String? = nil) {
        var rendering = le16(1)
        rendering += le32(0xFFFF_FFFF)
        rendering += le16(0) + le16(0)
        rendering += le32(0)
        attribute(level: 2, id: 0x0006_9002, rendering)
        let eightBit = title ?? Array(longName.unicodeScalars.map { $0.isASCII ? UInt8($0.value) : UInt8(ascii: "_") })
        attribute(level: 2, id: 0x0001_8010, eightBit + [0])
        attribute(level: 2, id: 0x0006_800F, data)
        var properties = [(UInt16(0x3707), longName)]
        if let mimeType { properties.append((0x370E, mimeType)) }
        var mapi = le32(UInt32(properties.count))
        for (id, text) in properties {
            var utf16: [UInt8] = []
            for unit in text.utf16 { utf16 += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
            utf16 += [0, 0]
            mapi += le16(0x001F)
            mapi += le16(id)
            mapi += le32(1)
            mapi += le32(UInt32(utf16.count))
            mapi += utf16
            mapi += [UInt8](repeating: 0, count: (4 - utf16.count % 4) % 4)
        }
        attribute(level: 2, id: 0x0006_9005, mapi)
    }

    public mutating func attribute(level: UInt8, id: UInt32, _ data: [UInt8]) {
        bytes.append(level)
        bytes += le32(id)
        bytes += le32(UInt32(data.count))
        bytes += data
        bytes += le16(UInt16(truncatingIfNeeded: data.reduce(0) { $0 &+ UInt32($1) }))
    }

    private func le16(_ v: UInt16) -> [UInt8] { [UInt8(v & 0xFF), UInt8(v >> 8)] }
    private func le32(_ v: UInt32) -> [UInt8] { (0..<4).map { UInt8((v >> (8 * $0)) & 0xFF) } }
}

/// Mail with attachments as a client writes it: multipart/mixed, base64, RFC 2231 names.
public enum AttachedLetter {
    public static func make(subject: String = "Анкета", body: String = "Здравствуйте! Анкета во вложении.",
                            messageID: String = "attached@example.kz", from: String = "vkim.kostanay@mail.ru",
                            attachments: [(type: String, name: String, bytes: [UInt8])]) -> [UInt8] {
        var lines = ["From: Viktor Kim <\(from)>", "To: volunteer@mki.gov.kz", "Subject: \(subject)",
                     "Date: Mon, 02 Feb 2026 10:00:00 +0500", "Message-ID: <\(messageID)>", "MIME-Version: 1.0",
                     "Content-Type: multipart/mixed; boundary=\"=-b-=\"", "", "--=-b-=",
                     "Content-Type: text/plain; charset=utf-8", "Content-Transfer-Encoding: 8bit", "", body]
        for file in attachments {
            let encoded = file.name.utf8.map { b -> String in
                let plain = (b >= 0x61 && b <= 0x7A) || (b >= 0x41 && b <= 0x5A) || (b >= 0x30 && b <= 0x39) || b == 0x2E || b == 0x2D || b == 0x5F
                return plain ? String(UnicodeScalar(b)) : String(format: "%%%02X", b)
            }.joined()
            lines += ["--=-b-=", "Content-Type: \(file.type)", "Content-Disposition: attachment; filename*=utf-8''\(encoded)",
                      "Content-Transfer-Encoding: base64", "", Data(file.bytes).base64EncodedString(options: .lineLength76Characters)
                        .replacingOccurrences(of: "\r\n", with: "\n").split(separator: "\n").joined(separator: "\r\n")]
        }
        lines += ["--=-b-=--", ""]
        return Array(lines.joined(separator: "\r\n").utf8)
    }
}
