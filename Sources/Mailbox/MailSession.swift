import CCurl

// How a connection to each server is set up, in one place: the fetcher, the sender and
// `doctor`'s checks must log in exactly alike, or a check would pass where sending fails.

extension IMAPAccount {
    func openTransfer() throws(IMAPError) -> CurlTransfer {
        do {
            let transfer = try CurlTransfer()
            try transfer.set(CURLOPT_PROTOCOLS_STR, "imap,imaps")
            try transfer.set(CURLOPT_USERNAME, user)
            switch credential {
            case let .password(password): try transfer.set(CURLOPT_PASSWORD, password)
            case let .xoauth2Bearer(token): try transfer.set(CURLOPT_XOAUTH2_BEARER, token)
            }
            // imaps:// is TLS from the first byte; for imap:// this makes STARTTLS mandatory.
            let tls = requireTLS ? CURLUSESSL_ALL : CURLUSESSL_NONE
            try transfer.set(CURLOPT_USE_SSL, Int(tls.rawValue))
            try transfer.setTimeout(seconds: timeoutSeconds)
            // A command left unanswered (a hung server) fails like a stalled transfer, well within
            // the daemon's watchdog, instead of after libcurl's 120 s.
            try transfer.setResponseTimeout(seconds: timeoutSeconds)
            return transfer
        } catch {
            throw IMAPError.transfer(step: "setup", url: url, error)
        }
    }
}

extension SMTPServer {
    /// `implicitTLS`: smtps://, where STARTTLS does not apply.
    func openTransfer(implicitTLS: Bool) throws(CurlError) -> CurlTransfer {
        let transfer = try CurlTransfer()
        try transfer.set(CURLOPT_URL, url)
        try transfer.set(CURLOPT_PROTOCOLS_STR, "smtp,smtps")
        if let user { try transfer.set(CURLOPT_USERNAME, user) }
        switch credential {
        case let .password(password)?: try transfer.set(CURLOPT_PASSWORD, password)
        case let .xoauth2Bearer(token)?: try transfer.set(CURLOPT_XOAUTH2_BEARER, token)
        case nil: break
        }
        if !implicitTLS {
            let tls = requireTLS ? CURLUSESSL_ALL : CURLUSESSL_NONE
            try transfer.set(CURLOPT_USE_SSL, Int(tls.rawValue))
        }
        try transfer.setTimeout(seconds: timeoutSeconds)
        return transfer
    }
}
