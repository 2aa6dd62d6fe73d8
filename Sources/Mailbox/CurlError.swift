import CCurl

/// A libcurl transfer that failed: curl's code and text, and what the server last said.
public struct CurlError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The `CURLcode` (e.g. 7 could not connect, 28 timeout, 67 login denied).
    public let code: Int
    /// `curl_easy_strerror(code)`.
    public let message: String
    /// libcurl's own explanation of this failure (its error buffer), often more precise.
    public let detail: String
    /// The server's last reply code (`CURLINFO_RESPONSE_CODE`), 0 when it never answered.
    public let responseCode: Int
    /// The server's last reply line, e.g. `550 5.1.1 <x@y>: Recipient address rejected`.
    public let serverReply: String

    public init(code: Int, message: String, detail: String = "", responseCode: Int = 0, serverReply: String = "") {
        self.code = code
        self.message = message
        self.detail = detail
        self.responseCode = responseCode
        self.serverReply = serverReply
    }

    init(_ code: CURLcode, detail: String = "", responseCode: Int = 0, serverReply: String = "") {
        self.init(code: Int(code.rawValue), message: String(cString: curl_easy_strerror(code)),
                  detail: detail, responseCode: responseCode, serverReply: serverReply)
    }

    public var isLoginDenied: Bool { code == Int(CURLE_LOGIN_DENIED.rawValue) }

    public var description: String {
        var text = "curl error \(code): \(message)"
        if !detail.isEmpty && detail != message { text += " (\(detail))" }
        if !serverReply.isEmpty { text += "; server said: \(serverReply)" }
        return text
    }
}
