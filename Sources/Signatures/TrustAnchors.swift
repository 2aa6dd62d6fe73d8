import CCrypto
import Foundation

/// The CA certificates the ministry trusts for signatures (`trust_anchors`, a PEM file), kept as
/// their PEM bytes so the value is Sendable; each verification builds its own X509_STORE (~µs).
public struct TrustAnchors: Sendable, Equatable {
    public let path: String
    public let pem: [UInt8]
    /// How many certificates the file holds.
    public let count: Int

    public struct LoadError: Error, CustomStringConvertible {
        public let description: String
    }

    /// Reads and checks the file: at least one PEM certificate OpenSSL can load.
    public static func load(path: String) throws(LoadError) -> TrustAnchors {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw LoadError(description: "trust_anchors: cannot read \(path)")
        }
        let pem = [UInt8](data)
        let count = certificates(pem) { _ in }
        guard count > 0 else { throw LoadError(description: "trust_anchors: no PEM certificate in \(path)") }
        return TrustAnchors(path: path, pem: pem, count: count)
    }

    /// A store holding every certificate; the caller frees it with `X509_STORE_free`.
    func makeStore() -> OpaquePointer? {
        guard let store = X509_STORE_new() else { return nil }
        _ = Self.certificates(pem) { X509_STORE_add_cert(store, $0) }
        X509_STORE_set_purpose(store, X509_PURPOSE_ANY)
        return store
    }

    /// Calls `body` with each certificate of a PEM text; returns how many there were.
    @discardableResult
    static func certificates(_ pem: [UInt8], _ body: (OpaquePointer) -> Void) -> Int {
        pem.withUnsafeBytes { raw -> Int in
            guard let bio = BIO_new_mem_buf(raw.baseAddress, Int32(raw.count)) else { return 0 }
            defer { BIO_free(bio) }
            var count = 0
            while let cert = PEM_read_bio_X509(bio, nil, nil, nil) {
                body(cert)
                X509_free(cert)
                count += 1
            }
            ERR_clear_error()  // the end of the file is reported as an error
            return count
        }
    }
}
