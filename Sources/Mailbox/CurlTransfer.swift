import CCurl
import CCurlShim

/// libcurl must be initialised once per process before any handle is made; a global `let` runs
/// its initialiser exactly once, thread-safely.
private let curlGlobalInitialisation: CURLcode = curl_global_init(Int(CURL_GLOBAL_ALL))

/// One libcurl easy handle: typed option setters over the C shim, and a `perform` that collects
/// what the server sends. Reusing one transfer for several requests to the same server keeps the
/// connection (and its login) open.
///
/// Not thread-safe, like the handle it wraps: one transfer per thread.
final class CurlTransfer {
    private let handle: UnsafeMutableRawPointer
    private let errorBuffer = UnsafeMutablePointer<CChar>.allocate(capacity: Int(CURL_ERROR_SIZE) + 1)
    private var recipientList: UnsafeMutablePointer<curl_slist>?
    private var received: [UInt8] = []
    private var upload: [UInt8] = []
    private var uploadOffset = 0
    /// The server's reply lines of the current request, the last few only.
    private var serverLines: [String] = []

    init() throws(CurlError) {
        guard curlGlobalInitialisation == CURLE_OK else { throw CurlError(curlGlobalInitialisation) }
        guard let handle = curl_easy_init() else { throw CurlError(CURLE_FAILED_INIT) }
        self.handle = handle
        errorBuffer.initialize(repeating: 0, count: Int(CURL_ERROR_SIZE) + 1)
        let me = Unmanaged.passUnretained(self).toOpaque()
        // The handle lives exactly as long as self, so an unretained pointer is enough.
        try check(tz_curl_setopt_pointer(handle, CURLOPT_ERRORBUFFER, errorBuffer))
        try check(tz_curl_setopt_write_callback(handle, CurlTransfer.receive))
        try check(tz_curl_setopt_pointer(handle, CURLOPT_WRITEDATA, me))
        try check(tz_curl_setopt_read_callback(handle, CurlTransfer.send))
        try check(tz_curl_setopt_pointer(handle, CURLOPT_READDATA, me))
        // The debug stream is the only place libcurl shows the server's reply text.
        try check(tz_curl_setopt_debug_callback(handle, CurlTransfer.observe))
        try check(tz_curl_setopt_pointer(handle, CURLOPT_DEBUGDATA, me))
        try set(CURLOPT_VERBOSE, 1)
        // Signals would be unsafe in a multi-threaded daemon (timeouts use them otherwise).
        try set(CURLOPT_NOSIGNAL, 1)
    }

    deinit {
        curl_easy_cleanup(handle)
        curl_slist_free_all(recipientList)
        errorBuffer.deallocate()
    }

    func set(_ option: CURLoption, _ value: Int) throws(CurlError) {
        try check(tz_curl_setopt_long(handle, option, value))
    }

    /// libcurl copies string options, so the Swift string need not outlive the call; nil unsets.
    func set(_ option: CURLoption, _ value: String?) throws(CurlError) {
        if let value {
            try check(tz_curl_setopt_string(handle, option, value))
        } else {
            try check(tz_curl_setopt_string(handle, option, nil))
        }
    }

    /// `CURLOPT_MAIL_RCPT`; libcurl keeps the list's pointer, so it is kept here until replaced.
    func setRecipients(_ recipients: [String]) throws(CurlError) {
        var list: UnsafeMutablePointer<curl_slist>?
        for recipient in recipients {
            guard let longer = curl_slist_append(list, recipient) else {
                curl_slist_free_all(list)
                throw CurlError(CURLE_OUT_OF_MEMORY)
            }
            list = longer
        }
        try check(tz_curl_setopt_slist(handle, CURLOPT_MAIL_RCPT, list))
        curl_slist_free_all(recipientList)
        recipientList = list
    }

    /// Timeouts for mail: give up on connecting after `seconds`, and on a transfer that moves no
    /// byte for `seconds` (a whole-transfer limit would cut off a large message on a slow link).
    func setTimeout(seconds: Int) throws(CurlError) {
        try set(CURLOPT_CONNECTTIMEOUT, max(1, seconds))
        try set(CURLOPT_LOW_SPEED_LIMIT, 1)
        try set(CURLOPT_LOW_SPEED_TIME, max(1, seconds))
    }

    /// How long a command may wait for the server's answer. The low-speed limit above covers
    /// only the transfer of a body: IMAP's and SMTP's commands and replies (libcurl's "pingpong"
    /// layer) have a timeout of their own, 120 s unless set, so a server that keeps the
    /// connection and stops answering would otherwise hold each command that long.
    func setResponseTimeout(seconds: Int) throws(CurlError) {
        try set(CURLOPT_SERVER_RESPONSE_TIMEOUT, max(1, seconds))
    }

    /// Runs the request with the options set; returns what the server sent to the write callback.
    /// With `uploading`, those bytes are offered to the read callback (set `CURLOPT_UPLOAD` too).
    func perform(uploading bytes: [UInt8] = []) throws(CurlError) -> [UInt8] {
        received = []
        upload = bytes
        uploadOffset = 0
        serverLines = []
        errorBuffer[0] = 0
        defer { upload = [] }
        let code = curl_easy_perform(handle)
        guard code == CURLE_OK else {
            throw CurlError(code, detail: String(cString: errorBuffer), responseCode: responseCode,
                            serverReply: CurlTransfer.refusal(in: serverLines, responseCode: responseCode))
        }
        return received
    }

    /// The server's last reply code, 0 when there was none.
    var responseCode: Int {
        var code = 0
        _ = tz_curl_getinfo_long(handle, CURLINFO_RESPONSE_CODE, &code)
        return code
    }

    /// The reply that explains a failure. Not simply the last line: after a refusal libcurl says
    /// QUIT or LOGOUT, whose friendly answer would hide the reason. So the last SMTP line with
    /// the failing code, or the last IMAP `NO`/`BAD`, else the last line.
    static func refusal(in lines: [String], responseCode: Int) -> String {
        if responseCode > 0, let line = lines.last(where: { $0.hasPrefix("\(responseCode)") }) { return line }
        let imapRefusal = lines.last { line in
            let words = line.split(separator: " ", maxSplits: 2)
            return words.count >= 2 && (words[1] == "NO" || words[1] == "BAD")
        }
        return imapRefusal ?? lines.last ?? ""
    }

    private func check(_ code: CURLcode) throws(CurlError) {
        guard code == CURLE_OK else { throw CurlError(code, detail: String(cString: errorBuffer)) }
    }

    private static let receive: @convention(c) (UnsafeMutablePointer<CChar>?, Int, Int, UnsafeMutableRawPointer?) -> Int = {
        data, size, count, user in
        guard let data, let user else { return 0 }
        let transfer = Unmanaged<CurlTransfer>.fromOpaque(user).takeUnretainedValue()
        let length = size * count
        data.withMemoryRebound(to: UInt8.self, capacity: length) {
            transfer.received.append(contentsOf: UnsafeBufferPointer(start: $0, count: length))
        }
        return length
    }

    private static let send: @convention(c) (UnsafeMutablePointer<CChar>?, Int, Int, UnsafeMutableRawPointer?) -> Int = {
        buffer, size, count, user in
        guard let buffer, let user else { return 0 }
        let transfer = Unmanaged<CurlTransfer>.fromOpaque(user).takeUnretainedValue()
        let length = min(size * count, transfer.upload.count - transfer.uploadOffset)
        guard length > 0 else { return 0 }
        transfer.upload.withUnsafeBytes { source in
            UnsafeMutableRawPointer(buffer).copyMemory(from: source.baseAddress! + transfer.uploadOffset, byteCount: length)
        }
        transfer.uploadOffset += length
        return length
    }

    private static let observe: @convention(c) (UnsafeMutableRawPointer?, curl_infotype, UnsafeMutablePointer<CChar>?, Int, UnsafeMutableRawPointer?) -> Int32 = {
        _, kind, data, size, user in
        guard kind == CURLINFO_HEADER_IN, let data, let user, size > 0 else { return 0 }
        let transfer = Unmanaged<CurlTransfer>.fromOpaque(user).takeUnretainedValue()
        let bytes = UnsafeRawBufferPointer(start: data, count: min(size, 1024))
        let line = String(decoding: bytes, as: UTF8.self).trimmingLineEnd()
        if !line.isEmpty {
            if transfer.serverLines.count == 16 { transfer.serverLines.removeFirst() }
            transfer.serverLines.append(line)
        }
        return 0
    }
}

extension String {
    func trimmingLineEnd() -> String {
        var text = Substring(self)
        while let last = text.last, last == "\r\n" || last == "\n" || last == "\r" { text = text.dropLast() }
        return String(text)
    }
}

/// The libcurl this module links, for `tizilim version` and bug reports.
public enum LibCurl {
    public static var version: String? { curl_version().map { String(cString: $0) } }
}
