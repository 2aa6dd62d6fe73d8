import CCrypto
import Glibc

/// What a signed document holds: the signed bytes, and every signature on the way in.
public struct SignedContent: Sendable {
    /// The signed bytes; nil for a detached signature, whose document travels beside it.
    public let content: [UInt8]?
    /// The outermost layer's signatures first.
    public let signatures: [Signature]
    /// How many CMS layers were unwrapped to reach the content.
    public let layers: Int
}

/// Why a signed document could not be opened: a reason for staff, not a crash.
public struct SignatureProblem: Error, Sendable, Equatable, CustomStringConvertible {
    public let description: String
    /// A limit (size, nesting) was reached, rather than the bytes being damaged.
    public let isLimit: Bool
    public init(_ description: String, isLimit: Bool = false) {
        self.description = description
        self.isLimit = isLimit
    }
}

/// Opens CMS/PKCS#7 SignedData with libcrypto: the content is taken with `CMS_get0_content`
/// whether or not the signature can be checked (OpenSSL cannot check Kazakh GOST at all), the
/// signers' certificates are read, and RSA/ECDSA signatures are verified against the trust anchors.
public enum SignedContainer {
    public struct Limits: Sendable {
        /// Larger input is not parsed (DER of that size is no signed form).
        public var maxBytes: Int
        /// CMS inside CMS, unwrapped at most this many times (then the document is unreadable).
        public var maxLayers: Int
        public init(maxBytes: Int = 32 << 20, maxLayers: Int = 3) {
            self.maxBytes = maxBytes
            self.maxLayers = maxLayers
        }
        public static let `default` = Limits()
    }

    /// `detachedContent`: the bytes a detached signature signs (for multipart/signed, the first part
    /// as it stands in the message with CRLF line ends, RFC 8551 §3.5), checked with the signature.
    public static func open(_ bytes: [UInt8], trust: TrustAnchors?, detachedContent: [UInt8]? = nil,
                            limits: Limits = .default) -> Result<SignedContent, SignatureProblem> {
        var current = bytes
        var signatures: [Signature] = []
        var layers = 0
        while true {
            guard current.count <= limits.maxBytes else {
                return .failure(SignatureProblem("signed document of \(current.count) bytes, over the \(limits.maxBytes)-byte limit", isLimit: true))
            }
            guard let der = SignedBytes.der(current) else {
                return .failure(SignatureProblem("not a CMS/PKCS#7 signed document (neither DER, PEM nor base64)"))
            }
            let layer: (content: [UInt8]?, signatures: [Signature])
            switch openLayer(der, trust: trust, detachedContent: layers == 0 ? detachedContent : nil) {
            case .success(let opened): layer = opened
            case .failure(let problem): return .failure(problem)
            }
            layers += 1
            signatures += layer.signatures
            guard let content = layer.content, SignedBytes.looksSigned(content) else {
                return .success(SignedContent(content: layer.content, signatures: signatures, layers: layers))
            }
            guard layers < limits.maxLayers else {
                return .failure(SignatureProblem("signed document nested more than \(limits.maxLayers) levels deep", isLimit: true))
            }
            current = content
        }
    }

    /// One SignedData: its content and its signatures.
    static func openLayer(_ der: [UInt8], trust: TrustAnchors?, detachedContent: [UInt8]? = nil) -> Result<([UInt8]?, [Signature]), SignatureProblem> {
        ERR_clear_error()
        // The error queue is per thread and shared with libcurl's TLS: leave nothing on it.
        defer { ERR_clear_error() }
        let parsed: OpaquePointer? = der.withUnsafeBytes { raw in
            guard let bio = BIO_new_mem_buf(raw.baseAddress, Int32(raw.count)) else { return nil }
            defer { BIO_free(bio) }
            return d2i_CMS_bio(bio, nil)
        }
        guard let cms = parsed else {
            return .failure(SignatureProblem("damaged CMS/PKCS#7 signed document (\(lastError() ?? "unparsable DER"))"))
        }
        defer { CMS_ContentInfo_free(cms) }
        let type = OBJ_obj2nid(CMS_get0_type(cms))
        guard type == NID_pkcs7_signed else {
            let name = type == NID_pkcs7_enveloped ? "encrypted (enveloped-data)" : objectName(CMS_get0_type(cms))
            return .failure(SignatureProblem("CMS is \(name), not signed data"))
        }
        var content: [UInt8]? = nil
        if let slot = CMS_get0_content(cms), let octets = slot.pointee, let data = ASN1_STRING_get0_data(octets) {
            content = Array(UnsafeBufferPointer(start: data, count: Int(ASN1_STRING_length(octets))))
        }

        let certificates = CMS_get1_certs(cms)
        defer { if let certificates { tz_sk_X509_pop_free(certificates) } }
        var found: [(signer: Signer?, digest: String, signature: String, key: Bool)] = []
        if let infos = CMS_get0_SignerInfos(cms) {
            for i in 0..<tz_sk_CMS_SignerInfo_num(infos) {
                guard let info = tz_sk_CMS_SignerInfo_value(infos, i) else { continue }
                var certificate: OpaquePointer? = nil
                if let certificates {
                    for c in 0..<tz_sk_X509_num(certificates) {
                        if let candidate = tz_sk_X509_value(certificates, c), CMS_SignerInfo_cert_cmp(info, candidate) == 0 {
                            certificate = candidate
                            break
                        }
                    }
                }
                found.append((certificate.map(signer(of:)), algorithmName(tz_CMS_SignerInfo_algorithm(info, 0)),
                              algorithmName(tz_CMS_SignerInfo_algorithm(info, 1)),
                              certificate.map { X509_get0_pubkey($0) != nil } ?? true))
            }
        }
        guard !found.isEmpty else { return .failure(SignatureProblem("signed document without a signer")) }

        let unsupported = found.map { unsupportedAlgorithm(digest: $0.digest, signature: $0.signature, keyKnown: $0.key) }
        var shared: SignatureVerdict? = nil
        if unsupported.contains(where: { $0 != nil }) {
            shared = nil
        } else if content == nil, detachedContent == nil {
            shared = .notVerified("detached signature: the document it signs is read beside it, unchecked")
        } else if let trust {
            shared = verify(cms, trust: trust, detachedContent: content == nil ? detachedContent : nil)
        } else {
            shared = .notVerified("no trust anchors configured")
        }
        let signatures = zip(found, unsupported).map { item, why -> Signature in
            let verdict: SignatureVerdict = shared
                ?? .notVerified(why ?? "another signature on the document uses an algorithm that is not supported")
            return Signature(signer: item.signer, algorithm: item.digest + "/" + item.signature, verdict: verdict)
        }
        return .success((content, signatures))
    }

    /// The reason OpenSSL cannot check a signature, or nil when it can.
    static func unsupportedAlgorithm(digest: String, signature: String, keyKnown: Bool) -> String? {
        for oid in [digest, signature] {
            // Kazakhstan's NCA (GOST 34.311-95 digest, GOST 34.310-2004 / 34.10-2015 keys).
            if oid.hasPrefix("1.2.398.3.10.") { return "algorithm not supported (Kazakh GOST, \(oid))" }
            if oid.hasPrefix("1.2.643.") { return "algorithm not supported (Russian GOST, \(oid))" }
        }
        if OBJ_txt2nid(digest) == NID_undef || EVP_get_digestbyname(digest) == nil {
            return "algorithm not supported (digest \(digest))"
        }
        if !keyKnown { return "algorithm not supported (signature \(signature))" }
        return nil
    }

    /// `CMS_verify` against the anchors; on failure, once more without the chain check, to tell a
    /// certificate OpenSSL does not trust from a signature that does not match the content.
    /// A detached signature is checked over `detachedContent`, byte for byte (`CMS_BINARY`: no
    /// line-end translation by OpenSSL; the caller hands the canonical bytes).
    static func verify(_ cms: OpaquePointer, trust: TrustAnchors, detachedContent: [UInt8]? = nil) -> SignatureVerdict {
        guard let store = trust.makeStore() else { return .notVerified("trust anchors could not be loaded") }
        defer { X509_STORE_free(store) }
        func check(_ flags: Int32) -> Bool {
            guard let detachedContent else { return CMS_verify(cms, nil, store, nil, nil, UInt32(flags)) == 1 }
            // Each attempt reads the content from the start: a fresh read-only BIO over the same bytes.
            return detachedContent.withUnsafeBytes { raw -> Bool in
                guard let bio = BIO_new_mem_buf(raw.baseAddress, Int32(raw.count)) else { return false }
                defer { BIO_free(bio) }
                return CMS_verify(cms, nil, store, bio, nil, UInt32(flags | CMS_DETACHED)) == 1
            }
        }
        ERR_clear_error()
        if check(CMS_BINARY) { return .verified }
        let chain = lastError()
        ERR_clear_error()
        if check(CMS_BINARY | CMS_NO_SIGNER_CERT_VERIFY) {
            return .notVerified("certificate verify error: " + (chain ?? "unknown"))
        }
        let signature = lastError()
        ERR_clear_error()
        if let signature, signature.contains("signer certificate not found") {
            return .notVerified("signer certificate not found in the document")
        }
        return .notVerified("signature does not match" + (signature.map { " (\($0))" } ?? ""))
    }

    // MARK: - Certificates

    static func signer(of certificate: OpaquePointer) -> Signer {
        let subject = X509_get_subject_name(certificate)
        let issuer = X509_get_issuer_name(certificate)
        func field(_ name: OpaquePointer?, _ nid: Int32) -> String? {
            guard let name else { return nil }
            let index = X509_NAME_get_index_by_NID(name, nid, -1)
            guard index >= 0, let entry = X509_NAME_get_entry(name, index), let data = X509_NAME_ENTRY_get_data(entry) else { return nil }
            var out: UnsafeMutablePointer<UInt8>? = nil
            let length = ASN1_STRING_to_UTF8(&out, data)
            guard length >= 0, let out else { return nil }
            defer { tz_OPENSSL_free(out) }
            return String(decoding: UnsafeBufferPointer(start: out, count: Int(length)), as: UTF8.self)
        }
        let issuerText = [field(issuer, NID_commonName), field(issuer, NID_organizationName)]
            .compactMap { $0 }.joined(separator: ", ")
        return Signer(commonName: field(subject, NID_commonName), surname: field(subject, NID_surname),
                      givenName: field(subject, NID_givenName), serialNumber: field(subject, NID_serialNumber),
                      organization: field(subject, NID_organizationName),
                      organizationalUnit: field(subject, NID_organizationalUnitName),
                      issuer: issuerText.isEmpty ? nil : issuerText,
                      notBefore: iso(X509_get0_notBefore(certificate)), notAfter: iso(X509_get0_notAfter(certificate)))
    }

    static func iso(_ time: UnsafePointer<ASN1_TIME>?) -> String? {
        guard let time else { return nil }
        var parts = tm()
        guard ASN1_TIME_to_tm(time, &parts) == 1 else { return nil }
        func two(_ n: Int32) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(parts.tm_year + 1900)-\(two(parts.tm_mon + 1))-\(two(parts.tm_mday))T"
            + "\(two(parts.tm_hour)):\(two(parts.tm_min)):\(two(parts.tm_sec))Z"
    }

    /// OpenSSL's short name (`sha256`, `rsaEncryption`), else the dotted OID.
    static func algorithmName(_ oid: OpaquePointer?) -> String {
        guard let oid else { return "unknown" }
        let nid = OBJ_obj2nid(oid)
        if nid != NID_undef, let short = OBJ_nid2sn(nid) { return String(cString: short) }
        return objectName(oid)
    }

    static func objectName(_ oid: OpaquePointer?) -> String {
        var buffer = [CChar](repeating: 0, count: 128)
        let length = OBJ_obj2txt(&buffer, Int32(buffer.count), oid, 1)
        guard length > 0 else { return "unknown" }
        return String(decoding: buffer.prefix(min(Int(length), 127)).map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// The first error on the queue as OpenSSL words it, with its detail (`Verify error: …`).
    static func lastError() -> String? {
        var data: UnsafePointer<CChar>? = nil
        let code = tz_ERR_get_error_data(&data)
        guard code != 0 else { return nil }
        var text = ERR_reason_error_string(code).map { String(cString: $0) } ?? "error \(code)"
        if let data, data.pointee != 0 { text += ": " + String(cString: data) }
        return text
    }
}
