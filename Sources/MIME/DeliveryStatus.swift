/// A delivery status notification (RFC 3464): which recipients failed, and why.
/// A bounce of one of our notices must find its case; this is what it is matched on.
public struct DeliveryStatus: Sendable, Hashable {
    public struct Recipient: Sendable, Hashable {
        public let finalRecipient: String?
        public let originalRecipient: String?
        /// `failed`, `delayed`, `delivered`, `relayed`, `expanded`.
        public let action: String?
        /// The RFC 3463 status code, e.g. `5.1.1`.
        public let status: String?
        public let diagnosticCode: String?
        public let remoteMTA: String?

        public var isFailure: Bool { action?.lowercased() == "failed" || status?.hasPrefix("5") == true }
    }

    public let reportingMTA: String?
    public let recipients: [Recipient]
    /// The Message-ID of the message that bounced, from the returned message or headers.
    public let originalMessageID: String?

    /// The delivery report in a multipart/report message, if it has one.
    public init?(_ message: Message) {
        guard let statusPart = message.parts.first(where: {
            $0.contentType.mimeType == "message/delivery-status" || $0.contentType.mimeType == "message/global-delivery-status"
        }) else { return nil }
        let (bytes, _) = statusPart.decodedBody()
        let groups = DeliveryStatus.fieldGroups(bytes, legacyCharset: message.header.legacyCharset)
        reportingMTA = groups.first.flatMap { DeliveryStatus.value("Reporting-MTA", in: $0) }
        recipients = groups.dropFirst().map { group in
            Recipient(finalRecipient: DeliveryStatus.value("Final-Recipient", in: group),
                      originalRecipient: DeliveryStatus.value("Original-Recipient", in: group),
                      action: DeliveryStatus.value("Action", in: group),
                      status: DeliveryStatus.value("Status", in: group),
                      diagnosticCode: DeliveryStatus.value("Diagnostic-Code", in: group),
                      remoteMTA: DeliveryStatus.value("Remote-MTA", in: group))
        }
        var original: String? = nil
        for part in message.parts {
            if let nested = part.message, let id = nested.messageID { original = id; break }
            if part.contentType.mimeType == "text/rfc822-headers" {
                let headers = Message(bytes: part.decodedBody().bytes)
                if let id = headers.messageID { original = id; break }
            }
        }
        originalMessageID = original
    }

    /// Splits the body into header-like groups separated by empty lines, in one pass.
    private static func fieldGroups(_ bytes: [UInt8], legacyCharset: String) -> [Header] {
        var groups: [Header] = []
        var blockStart = 0
        var lineStart = 0
        func flush(upTo end: Int) {
            if end > blockStart {
                let header = Message(bytes: Array(bytes[blockStart..<end]), legacyCharset: legacyCharset).header
                if !header.isEmpty { groups.append(header) }
            }
        }
        while lineStart < bytes.count {
            var lineEnd = lineStart
            while lineEnd < bytes.count, bytes[lineEnd] != 0x0A { lineEnd += 1 }
            let next = min(lineEnd + 1, bytes.count)
            let isBlank = lineEnd == lineStart || (lineEnd == lineStart + 1 && bytes[lineStart] == 0x0D)
            if isBlank {
                flush(upTo: lineStart)
                blockStart = next
            }
            lineStart = next
        }
        flush(upTo: bytes.count)
        return groups
    }

    private static func value(_ name: String, in header: Header) -> String? {
        guard let value = header[name] else { return nil }
        // "rfc822; someone@example.kz" — the address type is noise for matching.
        if let semicolon = value.firstIndex(of: ";") {
            return value[value.index(after: semicolon)...].trimmingCharacters(in: " \t")
        }
        return value
    }
}

extension Message {
    public var deliveryStatus: DeliveryStatus? { DeliveryStatus(self) }
}
