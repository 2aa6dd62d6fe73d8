/// A message tizilim sends: built so that nothing an applicant wrote can break its structure.
///
/// Names and subjects come from applicants. Every header value passes through `HeaderText.clean`,
/// which removes CR, LF and other controls, so no input can inject a header or a recipient;
/// non-ASCII text travels as RFC 2047 encoded words, bodies as UTF-8 in quoted-printable or base64.
public struct OutgoingMessage: Sendable {
    public struct Attachment: Sendable {
        public var filename: String
        public var contentType: String
        public var bytes: [UInt8]

        public init(filename: String, contentType: String, bytes: [UInt8]) {
            self.filename = filename
            self.contentType = contentType
            self.bytes = bytes
        }
    }

    public var from: MailAddress
    public var to: [MailAddress]
    public var cc: [MailAddress] = []
    public var replyTo: [MailAddress] = []
    public var subject: String
    /// Without angle brackets.
    public var messageID: String
    public var date: MessageDate
    public var inReplyTo: String? = nil
    public var references: [String] = []
    /// Further fields, e.g. `Auto-Submitted: auto-replied`. Names that are not valid field names are dropped.
    public var extraHeaders: [(name: String, value: String)] = []
    public var text: String
    public var html: String? = nil
    public var attachments: [Attachment] = []

    public init(from: MailAddress, to: [MailAddress], subject: String, messageID: String, date: MessageDate, text: String) {
        self.from = from
        self.to = to
        self.subject = subject
        self.messageID = messageID
        self.date = date
        self.text = text
    }

    /// The message as it goes on the wire: CRLF line breaks, 7-bit clean, lines under 998 characters.
    public func serialized() -> [UInt8] {
        var out: [UInt8] = []
        func header(_ name: String, _ value: String) { out += HeaderText.field(name, value) }

        header("Date", date.rfc5322())
        header("From", HeaderText.addressList([from]))
        header("To", HeaderText.addressList(to))
        if !cc.isEmpty { header("Cc", HeaderText.addressList(cc)) }
        if !replyTo.isEmpty { header("Reply-To", HeaderText.addressList(replyTo)) }
        header("Subject", EncodedWord.encode(HeaderText.clean(subject)))
        header("Message-ID", HeaderText.messageID(messageID))
        if let inReplyTo { header("In-Reply-To", HeaderText.messageID(inReplyTo)) }
        if !references.isEmpty { header("References", references.map(HeaderText.messageID).joined(separator: " ")) }
        for (name, value) in extraHeaders where HeaderText.isFieldName(name) {
            header(name, EncodedWord.encode(HeaderText.clean(value)))
        }
        header("MIME-Version", "1.0")

        let boundaryBase = "=_tz_" + HeaderText.token(from: messageID)
        let textPart = OutgoingMessage.textEntity(text, subtype: "plain")
        var body: [UInt8]
        if let html {
            body = OutgoingMessage.multipart("alternative", boundary: boundaryBase + "_alt",
                                             parts: [textPart, OutgoingMessage.textEntity(html, subtype: "html")])
        } else {
            body = textPart
        }
        if !attachments.isEmpty {
            body = OutgoingMessage.multipart("mixed", boundary: boundaryBase + "_mix",
                                             parts: [body] + attachments.map(OutgoingMessage.attachmentEntity))
        }
        return out + body
    }

    /// A text entity in UTF-8: quoted-printable when mostly ASCII, else base64 (Cyrillic in QP triples in size).
    static func textEntity(_ text: String, subtype: String) -> [UInt8] {
        var text = text
        return text.withUTF8 { bytes in
            var nonASCII = 0
            for byte in bytes { nonASCII &+= Int(byte >> 7) }
            let useBase64 = nonASCII * 10 > bytes.count * 3
            var out = HeaderText.field("Content-Type", "text/\(subtype); charset=utf-8")
            out += HeaderText.field("Content-Transfer-Encoding", useBase64 ? "base64" : "quoted-printable")
            out += [0x0D, 0x0A]
            if useBase64 {
                out += Base64.encode(buffer: bytes, lineLength: 76)
            } else {
                out += QuotedPrintable.encode(bytes)
                out += [0x0D, 0x0A]
            }
            return out
        }
    }

    static func attachmentEntity(_ attachment: Attachment) -> [UInt8] {
        let name = HeaderText.clean(attachment.filename)
        let type = HeaderText.isMediaType(attachment.contentType) ? attachment.contentType : "application/octet-stream"
        var out = HeaderText.field("Content-Type", "\(type); name=\(HeaderText.quoted(EncodedWord.encode(name)))")
        out += HeaderText.field("Content-Disposition", "attachment; " + HeaderText.rfc2231("filename", name))
        out += HeaderText.field("Content-Transfer-Encoding", "base64")
        out += [0x0D, 0x0A]
        out += Base64.encode(attachment.bytes)
        return out
    }

    static func multipart(_ subtype: String, boundary: String, parts: [[UInt8]]) -> [UInt8] {
        var out = HeaderText.field("Content-Type", "multipart/\(subtype); boundary=\"\(boundary)\"")
        out += [0x0D, 0x0A]
        let delimiter = Array("--\(boundary)\r\n".utf8)
        for part in parts {
            out += delimiter
            out += part
            if out.last != 0x0A { out += [0x0D, 0x0A] }
        }
        out += Array("--\(boundary)--\r\n".utf8)
        return out
    }
}

/// Header values for outgoing mail: cleaned of controls, encoded, folded.
public enum HeaderText {
    /// The text with CR, LF, NUL and every other control character replaced by a space:
    /// what makes header injection through an applicant's name or subject impossible.
    public static func clean(_ text: String) -> String {
        if isClean(text) { return text }
        var out = String.UnicodeScalarView()
        var lastWasSpace = false
        for scalar in text.unicodeScalars {
            let isControl = scalar.value < 0x20 || scalar.value == 0x7F || (scalar.value >= 0x80 && scalar.value < 0xA0)
                || scalar.value == 0x2028 || scalar.value == 0x2029
            if isControl || scalar == " " {
                if !lastWasSpace { out.append(" ") }
                lastWasSpace = true
            } else {
                out.append(scalar)
                lastWasSpace = false
            }
        }
        return String(out).trimmingCharacters(in: " ")
    }

    /// Whether `clean` would return the text unchanged: no control, no line or paragraph
    /// separator, no space at either end or next to another. Names and ids nearly always are.
    private static func isClean(_ text: String) -> Bool {
        var previous: UInt8 = 0x20
        var leadC2 = false, leadE2 = false, e280 = false
        for byte in text.utf8 {
            if byte < 0x20 || byte == 0x7F || (byte == 0x20 && previous == 0x20) { return false }
            // U+0080–U+009F are C2 80–C2 9F; U+2028 and U+2029 are E2 80 A8 and E2 80 A9.
            if leadC2, byte < 0xA0 { return false }
            if e280, byte == 0xA8 || byte == 0xA9 { return false }
            e280 = leadE2 && byte == 0x80
            leadC2 = byte == 0xC2
            leadE2 = byte == 0xE2
            previous = byte
        }
        return previous != 0x20
    }

    /// `Name: value` folded at spaces to lines of at most 78 characters where possible, with CRLF.
    static func field(_ name: String, _ value: String) -> [UInt8] {
        guard PlainScalars.covers(value) else { return field(name, characters: value) }
        // Every space here is a character of its own, so the words are the runs between space bytes.
        var out: [UInt8] = []
        out.reserveCapacity(name.utf8.count + value.utf8.count + 16)
        out.append(contentsOf: name.utf8)
        out.append(0x3A)
        var column = out.count
        var value = value
        value.withUTF8 { bytes in
            var start = 0
            while start < bytes.count {
                guard bytes[start] != 0x20 else { start += 1; continue }
                var end = start + 1
                while end < bytes.count, bytes[end] != 0x20 { end += 1 }
                let length = end - start
                if column + 1 + length > 78, column > 0 {
                    out += [0x0D, 0x0A]
                    column = 0
                }
                out.append(0x20)
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<end]))
                column += 1 + length
                start = end
            }
        }
        out += [0x0D, 0x0A]
        return out
    }

    private static func field(_ name: String, characters value: String) -> [UInt8] {
        var out = Array(name.utf8) + [0x3A]
        var column = out.count
        for word in value.split(separator: " ", omittingEmptySubsequences: true) {
            let w = Array(word.utf8)
            // Fold before a word that would pass 78 columns, even the first: "Subject:" CRLF SP word is valid FWS.
            if column + 1 + w.count > 78, column > 0 {
                out += [0x0D, 0x0A]
                column = 0
            }
            out.append(0x20)
            out += w
            column += 1 + w.count
        }
        return out + [0x0D, 0x0A]
    }

    static func addressList(_ addresses: [MailAddress]) -> String {
        addresses.map { address in
            let spec = without(" <>,", clean(address.asciiAddress))
            guard let rawName = address.name else { return "<\(spec)>" }
            let name = clean(rawName)
            if name.isEmpty { return "<\(spec)>" }
            if name.utf8.contains(where: { $0 >= 0x80 }) { return "\(EncodedWord.encode(name)) <\(spec)>" }
            return "\(quoted(name)) <\(spec)>"
        }.joined(separator: ", ")
    }

    static func messageID(_ id: String) -> String {
        "<" + without(" <>", clean(id)) + ">"
    }

    /// `text` without the characters in `unwanted` (all ASCII), by bytes where that means the same.
    private static func without(_ unwanted: String, _ text: String) -> String {
        let unwantedBytes = Array(unwanted.utf8)
        let isUnwanted = { (byte: UInt8) in unwantedBytes.contains(byte) }
        guard text.utf8.contains(where: isUnwanted) else { return text }
        guard PlainScalars.covers(text) else { return text.filter { !unwanted.contains($0) } }
        return String(decoding: text.utf8.filter { !isUnwanted($0) }, as: UTF8.self)
    }

    /// A quoted-string when the value needs one (RFC 5322 specials or spaces), else the value.
    static func quoted(_ value: String) -> String {
        let needsQuotes = value.isEmpty || value.utf8.contains { "()<>[]:;@\\,.\" ".utf8.contains($0) }
        guard needsQuotes else { return value }
        if PlainScalars.covers(value) {
            var out: [UInt8] = [0x22]
            for byte in value.utf8 {
                if byte == 0x22 || byte == 0x5C { out.append(0x5C) }
                out.append(byte)
            }
            out.append(0x22)
            return String(decoding: out, as: UTF8.self)
        }
        var out = "\""
        for c in value {
            if c == "\"" || c == "\\" { out.append("\\") }
            out.append(c)
        }
        return out + "\""
    }

    /// RFC 2231 `name*=UTF-8''%XX…` for a non-ASCII value, split into sections that fit a line.
    static func rfc2231(_ name: String, _ value: String) -> String {
        guard value.utf8.contains(where: { $0 >= 0x80 || $0 == 0x22 || $0 == 0x5C }) else { return "\(name)=\(quoted(value))" }
        let hex = Array("0123456789ABCDEF".utf8)
        var pieces: [String] = []
        var current = ""
        for scalar in value.unicodeScalars {
            var encoded = ""
            for byte in String(scalar).utf8 {
                let plain = (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
                    || byte == 0x2E || byte == 0x2D || byte == 0x5F
                encoded += plain ? String(UnicodeScalar(byte)) : "%" + String(UnicodeScalar(hex[Int(byte >> 4)])) + String(UnicodeScalar(hex[Int(byte & 15)]))
            }
            if current.count + encoded.count > 60 { pieces.append(current); current = "" }
            current += encoded
        }
        pieces.append(current)
        if pieces.count == 1 { return "\(name)*=UTF-8''\(pieces[0])" }
        return pieces.enumerated().map { i, piece in
            i == 0 ? "\(name)*0*=UTF-8''\(piece)" : "\(name)*\(i)*=\(piece)"
        }.joined(separator: "; ")
    }

    static func isFieldName(_ name: String) -> Bool {
        !name.isEmpty && name.utf8.allSatisfy { $0 >= 33 && $0 <= 126 && $0 != 0x3A }
    }

    static func isMediaType(_ value: String) -> Bool {
        guard !value.contains(";"), clean(value) == value, let type = ContentType.parse(value).contentType else { return false }
        return type.mimeType == value.lowercased()
    }

    /// Characters of `text` safe in a MIME boundary, so boundaries differ between messages.
    static func token(from text: String) -> String {
        String(text.unicodeScalars.filter { ($0 >= "a" && $0 <= "z") || ($0 >= "A" && $0 <= "Z") || ($0 >= "0" && $0 <= "9") }.prefix(40).map(Character.init))
    }
}
