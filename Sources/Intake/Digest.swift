import CCrypto
import Glibc

/// SHA-256 of a message's raw bytes: the identity that makes taking a message idempotent.
public enum Digest {
    public static func sha256Hex(_ bytes: [UInt8]) -> String {
        var out = [UInt8](repeating: 0, count: Int(SHA256_DIGEST_LENGTH))
        bytes.withUnsafeBufferPointer { buffer in
            _ = SHA256(buffer.baseAddress, buffer.count, &out)
        }
        return hex(out)
    }

    /// SHA-256 of a file's bytes, read in chunks of `chunkBytes`: the same digest as
    /// `sha256Hex(bytes)` of its contents, in constant memory whatever the file's size.
    /// Nil when the file cannot be opened or read.
    public static func sha256Hex(contentsOf path: String, chunkBytes: Int = 1 << 20) -> String? {
        sha256Hex(contentsOf: path, keepingFirst: 0, chunkBytes: chunkBytes)?.digest
    }

    /// The same, also handing back the file's first `keepingFirst` bytes (fewer if it is
    /// shorter): one pass over a file whose start must be read anyway.
    public static func sha256Hex(contentsOf path: String, keepingFirst: Int,
                                 chunkBytes: Int = 1 << 20) -> (digest: String, first: [UInt8])? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        let digest = Streaming()
        var first: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: chunkBytes)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, chunkBytes) }
            if count < 0 {
                if errno == EINTR { continue }
                return nil
            }
            if count == 0 { break }
            if first.count < keepingFirst { first += buffer[..<min(count, keepingFirst - first.count)] }
            buffer.withUnsafeBytes { digest.update(UnsafeRawBufferPointer(rebasing: $0[..<count])) }
        }
        return (digest.finish(), first)
    }

    /// SHA-256 fed piece by piece (OpenSSL's EVP interface).
    public final class Streaming {
        private let context: OpaquePointer

        public init() {
            context = EVP_MD_CTX_new()!
            EVP_DigestInit_ex(context, EVP_sha256(), nil)
        }

        deinit { EVP_MD_CTX_free(context) }

        public func update(_ bytes: UnsafeRawBufferPointer) {
            _ = EVP_DigestUpdate(context, bytes.baseAddress, bytes.count)
        }

        public func update(_ bytes: [UInt8]) {
            bytes.withUnsafeBytes { update($0) }
        }

        /// The digest as lowercase hex; call it once, after the last update.
        public func finish() -> String {
            var out = [UInt8](repeating: 0, count: Int(EVP_MAX_MD_SIZE))
            var length: UInt32 = 0
            EVP_DigestFinal_ex(context, &out, &length)
            return Digest.hex(Array(out.prefix(Int(length))))
        }
    }

    static func hex(_ digest: [UInt8]) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var hex = [UInt8]()
        hex.reserveCapacity(digest.count * 2)
        for b in digest {
            hex.append(digits[Int(b >> 4)])
            hex.append(digits[Int(b & 0x0F)])
        }
        return String(decoding: hex, as: UTF8.self)
    }
}

extension Digest {
    /// OpenSSL's version line, for `tizilim version` and bug reports.
    public static var libraryVersion: String? { OpenSSL_version(0).map { String(cString: $0) } }
}
