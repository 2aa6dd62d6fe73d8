import Foundation

/// A throwaway CA and a signer's certificate made with the openssl tool, and documents signed with
/// them the way NCALayer's users and mail clients sign: `openssl cms -sign -nodetach`, `openssl smime`.
public struct SigningKit: Sendable {
    public let directory: TemporaryDirectory
    /// The CA's certificate, PEM: the trust anchor that verifies the kit's signatures.
    public var caPath: String { directory.path + "/ca.pem" }
    public var leafPath: String { directory.path + "/leaf.pem" }

    /// `subject` is the signer's, as openssl writes it: `/CN=…/serialNumber=IIN…`; `elliptic`
    /// gives the signer a P-256 key (ECDSA) instead of RSA.
    public init(subject: String = "/C=KZ/CN=КИМ ВИКТОР/SN=КИМ/GN=ВИКТОР/serialNumber=IIN670509312900",
                caName: String = "Test NCA", elliptic: Bool = false) throws {
        directory = try TemporaryDirectory("signing")
        try makeCA(name: caName, prefix: "ca")
        let key = elliptic ? ["ec", "-pkeyopt", "ec_paramgen_curve:prime256v1"] : ["rsa:2048"]
        try openssl(["req", "-newkey"] + key + ["-nodes", "-keyout", "leaf.key", "-out", "leaf.csr", "-utf8", "-subj", subject])
        try openssl(["x509", "-req", "-in", "leaf.csr", "-CA", "ca.pem", "-CAkey", "ca.key", "-CAcreateserial",
                     "-out", "leaf.pem", "-days", "30"])
    }

    /// Another CA, which signed nothing here: a trust anchor that must not verify the kit's signatures.
    public func unrelatedCA() throws -> String {
        try makeCA(name: "Other CA", prefix: "other")
        return directory.path + "/other.pem"
    }

    /// `openssl cms -sign -nodetach` of `content`, DER or PEM.
    public func cms(_ content: [UInt8], pem: Bool = false, detached: Bool = false) throws -> [UInt8] {
        let input = try write(content, "content-\(UUID().uuidString)")
        let output = input + ".cms"
        var arguments = ["cms", "-sign", "-binary", "-in", input, "-signer", "leaf.pem", "-inkey", "leaf.key",
                         "-outform", pem ? "PEM" : "DER", "-out", output]
        if !detached { arguments.insert("-nodetach", at: 2) }
        try openssl(arguments)
        return try read(output)
    }

    /// `openssl smime -sign -nodetach` of a MIME entity: a whole opaque-signed message
    /// (`application/x-pkcs7-mime; smime-type=signed-data`, `smime.p7m`), headers added by the caller.
    /// `detached`: the openssl default instead, a clear-signed `multipart/signed` whose first part is
    /// the entity; `tool` "cms" signs with `openssl cms` (`application/pkcs7-signature`) rather than
    /// `openssl smime` (`application/x-pkcs7-signature`).
    public func smime(_ entity: [UInt8], headers: [String], detached: Bool = false, tool: String = "smime") throws -> [UInt8] {
        let input = try write(entity, "entity-\(UUID().uuidString)")
        let output = input + ".eml"
        var arguments = [tool, "-sign", "-binary", "-in", input, "-signer", "leaf.pem", "-inkey", "leaf.key",
                         "-out", output]
        if !detached { arguments.insert("-nodetach", at: 2) }
        for header in headers {
            let pieces = header.split(separator: ":", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            switch pieces[0].lowercased() {
            case "from": arguments += ["-from", pieces[1]]
            case "to": arguments += ["-to", pieces[1]]
            case "subject": arguments += ["-subject", pieces[1]]
            default: break
            }
        }
        try openssl(arguments)
        let signed = try read(output)
        let extra = headers.filter { !["from", "to", "subject"].contains($0.split(separator: ":")[0].lowercased()) }
        return Array(extra.map { $0 + "\r\n" }.joined().utf8) + crlf(signed)
    }

    public func remove() { directory.remove() }

    private func makeCA(name: String, prefix: String) throws {
        try openssl(["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "\(prefix).key", "-out", "\(prefix).pem",
                     "-days", "30", "-utf8", "-subj", "/C=KZ/O=tizilim tests/CN=\(name)"])
    }

    private func openssl(_ arguments: [String]) throws {
        // The kit's file names, placed in its folder.
        let absolute = arguments.map { argument -> String in
            ["ca.pem", "ca.key", "leaf.key", "leaf.csr", "leaf.pem", "other.key", "other.pem"].contains(argument)
                ? directory.path + "/" + argument : argument
        }
        let result = try RigCommand.run("/usr/bin/openssl", absolute)
        guard result.status == 0 else { throw RigError("openssl \(arguments.first ?? "") failed: \(result.output)") }
    }

    private func write(_ bytes: [UInt8], _ name: String) throws -> String {
        let path = directory.path + "/" + name
        guard FileManager.default.createFile(atPath: path, contents: Data(bytes)) else { throw RigError("cannot write \(path)") }
        return path
    }

    private func read(_ path: String) throws -> [UInt8] {
        guard let data = FileManager.default.contents(atPath: path) else { throw RigError("openssl wrote no \(path)") }
        return [UInt8](data)
    }

    /// openssl writes LF; mail on the wire has CRLF.
    private func crlf(_ bytes: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        var previous: UInt8 = 0
        for b in bytes {
            if b == 0x0A && previous != 0x0D { out.append(0x0D) }
            out.append(b)
            previous = b
        }
        return out
    }
}
