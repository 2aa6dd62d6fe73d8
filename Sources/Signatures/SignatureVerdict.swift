/// What was checked about one signature. Never more than was checked: a signature whose
/// algorithm OpenSSL does not know, or that was not checked against trust anchors, is
/// `notVerified` with the reason, not "valid".
public enum SignatureVerdict: Sendable, Equatable {
    /// The signature matches the content, and the signer's certificate chains to a trust anchor.
    case verified
    case notVerified(String)

    public var isVerified: Bool { self == .verified }

    public var reason: String? {
        if case .notVerified(let why) = self { return why }
        return nil
    }
}

/// One signature on a signed document: who, with what, and what was checked.
public struct Signature: Sendable, Equatable {
    /// Nil when the signer's certificate is not in the document (only its issuer and serial are).
    public var signer: Signer?
    /// Digest and signature algorithm, e.g. `sha256/rsaEncryption`, or the OIDs OpenSSL has no name for.
    public var algorithm: String
    public var verdict: SignatureVerdict

    public init(signer: Signer?, algorithm: String, verdict: SignatureVerdict) {
        self.signer = signer
        self.algorithm = algorithm
        self.verdict = verdict
    }
}
