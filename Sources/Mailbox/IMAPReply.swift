/// Reading the untagged lines libcurl passes on for custom IMAP commands.
enum IMAPReply {
    /// UIDs from `* SEARCH 1 2 3` lines.
    static func searchedUIDs(_ reply: [UInt8]) -> [UInt32]? {
        var found = false
        var uids: [UInt32] = []
        for line in lines(reply) {
            let words = line.split(separator: " ")
            guard words.count >= 2, words[0] == "*", words[1].uppercased() == "SEARCH" else { continue }
            found = true
            for word in words.dropFirst(2) {
                // A server may append `(MODSEQ n)`; only plain numbers are UIDs.
                if let uid = UInt32(word) { uids.append(uid) }
            }
        }
        return found ? uids : nil
    }

    /// The `UIDVALIDITY` value from `* STATUS "INBOX" (UIDVALIDITY 1700000000 UIDNEXT 5)`.
    static func uidValidity(_ reply: [UInt8]) -> UInt32? {
        for line in lines(reply) where line.uppercased().hasPrefix("* STATUS ") {
            // The attribute list is the last parenthesised group; the folder name may be quoted.
            guard let open = line.lastIndex(of: "(") else { continue }
            let items = line[line.index(after: open)...].split { $0 == " " || $0 == ")" }
            var index = items.startIndex
            while index < items.endIndex - 1 {
                if items[index].uppercased() == "UIDVALIDITY", let value = UInt32(items[index + 1]) { return value }
                index += 1
            }
        }
        return nil
    }

    /// A folder name as an IMAP quoted string.
    static func quoted(_ name: String) -> String {
        var text = "\""
        for character in name {
            if character == "\\" || character == "\"" { text.append("\\") }
            text.append(character)
        }
        return text + "\""
    }

    private static func lines(_ reply: [UInt8]) -> [String] {
        String(decoding: reply, as: UTF8.self).split(whereSeparator: \.isNewline).map(String.init)
    }
}
