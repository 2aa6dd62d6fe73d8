/// RFC 8601 `Authentication-Results`: what the receiving MTA found out about the sender (SPF,
/// DKIM, DMARC). Any sender can write such a header into a letter, so a reader trusts only the
/// fields stamped by its own server, named by `authserv-id`, and only the topmost of them:
/// a well-behaved MTA removes forged copies of its own id, and puts its own on top.
public struct AuthenticationResults: Sendable, Equatable {
    public struct Result: Sendable, Equatable {
        /// `spf`, `dkim`, `dmarc`, … lowercased.
        public let method: String
        /// `pass`, `fail`, `none`, `softfail`, … lowercased.
        public let result: String
        /// `header.from=example.kz`, `smtp.mailfrom=…`: property names lowercased, values as given.
        public let properties: [String: String]
    }

    public let authservID: String
    public let results: [Result]

    /// The verdict of one method, e.g. `result(of: "dmarc")`.
    public func result(of method: String) -> String? {
        results.first { $0.method == method }?.result
    }

    /// Parses one field's value; nil for text that is not one.
    public static func parse(_ value: String) -> AuthenticationResults? {
        let statements = splitOutsideComments(value)
        guard let first = statements.first else { return nil }
        // "mx.mki.gov.kz 1" (an optional version after the id).
        guard let id = first.split(whereSeparator: { $0 == " " || $0 == "\t" }).first.map(String.init), !id.isEmpty else {
            return nil
        }
        var results: [Result] = []
        for statement in statements.dropFirst() {
            let words = statement.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\r" || $0 == "\n" })
            guard let head = words.first, let eq = head.firstIndex(of: "=") else { continue }
            let method = head[..<eq].split(separator: "/").first.map { $0.lowercased() } ?? ""
            let result = head[head.index(after: eq)...].lowercased()
            var properties: [String: String] = [:]
            for word in words.dropFirst() {
                guard let e = word.firstIndex(of: "=") else { continue }
                properties[word[..<e].lowercased()] = String(word[word.index(after: e)...])
            }
            if !method.isEmpty { results.append(Result(method: method, result: result, properties: properties)) }
        }
        return AuthenticationResults(authservID: id.lowercased(), results: results)
    }

    /// `;`-separated statements with `( comments )` and quoted strings removed.
    static func splitOutsideComments(_ value: String) -> [String] {
        var statements: [String] = []
        var current = ""
        var depth = 0
        var quoted = false
        var escaped = false
        for c in value {
            if escaped { escaped = false; if depth == 0 { current.append(c) }; continue }
            if c == "\\" { escaped = true; continue }
            if quoted { if c == "\"" { quoted = false }; if depth == 0 { current.append(c) }; continue }
            switch c {
            case "(": depth += 1
            case ")": depth = max(0, depth - 1)
            case "\"" where depth == 0: quoted = true; current.append(c)
            case ";" where depth == 0:
                statements.append(current.trimmingCharacters(in: " \t\r\n"))
                current = ""
            default:
                if depth == 0 { current.append(c) }
            }
        }
        let last = current.trimmingCharacters(in: " \t\r\n")
        if !last.isEmpty { statements.append(last) }
        return statements
    }
}

extension Message {
    /// The topmost `Authentication-Results` stamped by `authservID` (our own MTA), if any.
    public func authenticationResults(trusting authservID: String) -> AuthenticationResults? {
        let wanted = authservID.lowercased()
        for field in header.all("Authentication-Results") {
            if let parsed = AuthenticationResults.parse(field.unfoldedValue(legacyCharset: header.legacyCharset).value),
               parsed.authservID == wanted {
                return parsed
            }
        }
        return nil
    }
}
