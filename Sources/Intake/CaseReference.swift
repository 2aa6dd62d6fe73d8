import MIME

/// How a message says which case it belongs to, strongest evidence first: the Message-ID of
/// one of our notices in In-Reply-To/References (or, in a bounce, the returned message's),
/// then a `[VR-YYYY-NNNNNN]` tag in the subject. Pure: the store decides whether they exist.
public struct CaseReference: Sendable, Equatable {
    /// Message-IDs of ours the message points at, `notice-N.VR-…@domain`, without brackets.
    public var noticeIDs: [String]
    /// Case ids named in notice Message-IDs and in the subject, first seen first.
    public var caseIDs: [String]

    public init(noticeIDs: [String] = [], caseIDs: [String] = []) {
        self.noticeIDs = noticeIDs
        self.caseIDs = caseIDs
    }

    public static func find(in message: Message) -> CaseReference {
        var reference = CaseReference()
        var threaded: [String] = []
        if let id = message.inReplyTo.first { threaded.append(id) }
        threaded += message.references.reversed()
        if let original = message.deliveryStatus?.originalMessageID { threaded.insert(original, at: 0) }
        for id in threaded {
            guard let caseID = caseID(inNoticeID: id) else { continue }
            let bare = id.filter { $0 != "<" && $0 != ">" }
            if !reference.noticeIDs.contains(bare) { reference.noticeIDs.append(bare) }
            if !reference.caseIDs.contains(caseID) { reference.caseIDs.append(caseID) }
        }
        for caseID in tags(in: message.subject ?? "") where !reference.caseIDs.contains(caseID) {
            reference.caseIDs.append(caseID)
        }
        return reference
    }

    /// `notice-3.VR-2026-000123@mki.gov.kz` → `VR-2026-000123`.
    public static func caseID(inNoticeID id: String) -> String? {
        var text = Substring(id)
        if text.hasPrefix("<") { text = text.dropFirst() }
        guard text.hasPrefix("notice-"), let dot = text.firstIndex(of: ".") else { return nil }
        return caseIDPrefix(text[text.index(after: dot)...])
    }

    /// Every `VR-YYYY-NNNNNN` in brackets in a subject, in order.
    public static func tags(in subject: String) -> [String] {
        var found: [String] = []
        var rest = Substring(subject)
        while let open = rest.firstIndex(of: "[") {
            rest = rest[rest.index(after: open)...]
            if let id = caseIDPrefix(rest), rest.dropFirst(id.count).first == "]" { found.append(id) }
        }
        return found
    }

    /// The case id at the start of `text`, uppercased, if it has exactly the human id's shape.
    static func caseIDPrefix(_ text: Substring) -> String? {
        let candidate = Array(text.prefix(14).uppercased().utf8)
        guard candidate.count == 14, candidate[0] == UInt8(ascii: "V"), candidate[1] == UInt8(ascii: "R"),
              candidate[2] == UInt8(ascii: "-"), candidate[7] == UInt8(ascii: "-") else { return nil }
        let digits = candidate[3..<7] + candidate[8..<14]
        guard digits.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) else { return nil }
        let next = text.dropFirst(14).first
        if let next, next.isNumber { return nil }
        return String(decoding: candidate, as: UTF8.self)
    }
}
