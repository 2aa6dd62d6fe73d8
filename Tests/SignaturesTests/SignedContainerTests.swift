import Foundation
import Signatures
import Testing
import TestRig

private let document = Array("Анкета волонтера\nИИН: 670509312900\n".utf8)

@Test func derSignedWithTheRightCAIsVerifiedAndNamesTheSigner() throws {
    let kit = try SigningKit()
    defer { kit.remove() }
    let trust = try TrustAnchors.load(path: kit.caPath)
    let opened = try SignedContainer.open(try kit.cms(document), trust: trust).get()
    #expect(opened.content == document)
    #expect(opened.layers == 1)
    let signature = try #require(opened.signatures.first)
    #expect(signature.verdict == .verified)
    #expect(signature.algorithm == "SHA256/rsaEncryption")
    let signer = try #require(signature.signer)
    #expect(signer.commonName == "КИМ ВИКТОР")
    #expect(signer.surname == "КИМ")
    #expect(signer.givenName == "ВИКТОР")
    #expect(signer.iin == "670509312900")
    #expect(signer.bin == nil)
    #expect(signer.issuer == "Test NCA, tizilim tests")
    #expect(signer.notBefore?.hasSuffix("Z") == true)
    #expect(signer.notAfter! > signer.notBefore!)
}

@Test func pemAndBareBase64AreOpenedLikeDER() throws {
    let kit = try SigningKit()
    defer { kit.remove() }
    let pem = try kit.cms(document, pem: true)
    #expect(String(decoding: pem.prefix(20), as: UTF8.self).hasPrefix("-----BEGIN CMS-----"))
    #expect(try SignedContainer.open(pem, trust: nil).get().content == document)
    let der = try kit.cms(document)
    let bare = Array(Data(der).base64EncodedString(options: .lineLength76Characters).utf8)
    #expect(SignedBytes.looksSigned(bare))
    #expect(SignedBytes.looksSigned(pem))
    #expect(SignedBytes.looksSigned(der))
    #expect(try SignedContainer.open(bare, trust: nil).get().content == document)
}

@Test func aWrongCAGivesACertificateVerifyErrorNotAVerifiedSignature() throws {
    let kit = try SigningKit()
    defer { kit.remove() }
    let wrong = try TrustAnchors.load(path: try kit.unrelatedCA())
    let verdict = try SignedContainer.open(try kit.cms(document), trust: wrong).get().signatures.first?.verdict
    let reason = try #require(verdict?.reason)
    #expect(reason.hasPrefix("certificate verify error"), "\(reason)")
}

@Test func withoutTrustAnchorsNothingIsClaimed() throws {
    let kit = try SigningKit()
    defer { kit.remove() }
    let opened = try SignedContainer.open(try kit.cms(document), trust: nil).get()
    #expect(opened.signatures.first?.verdict == .notVerified("no trust anchors configured"))
    #expect(opened.signatures.first?.signer?.iin == "670509312900")
}

@Test func contentChangedAfterSigningDoesNotMatch() throws {
    let kit = try SigningKit()
    defer { kit.remove() }
    var der = try kit.cms(document)
    // The IIN's last digit inside the signed content, changed.
    let needle = Array("312900".utf8)
    let at = try #require((0...(der.count - needle.count)).first { Array(der[$0..<($0 + needle.count)]) == needle })
    der[at + 5] = UInt8(ascii: "1")
    let verdict = try SignedContainer.open(der, trust: try TrustAnchors.load(path: kit.caPath)).get().signatures.first?.verdict
    #expect(verdict?.reason?.hasPrefix("signature does not match") == true, "\(String(describing: verdict))")
}

@Test func kazakhGOSTIsReadButNotVerified() throws {
    let kit = try SigningKit()
    defer { kit.remove() }
    var der = try kit.cms(document)
    // The SignerInfo's signature algorithm (the last rsaEncryption OID, after the certificate)
    // becomes GOST 34.310 (1.2.398.3.10.1.1.1.2), the same length in DER.
    let rsa: [UInt8] = [0x2A, 0x86, 0x48, 0x86, 0xF7, 0x0D, 0x01, 0x01, 0x01]
    let gost: [UInt8] = [0x2A, 0x83, 0x0E, 0x03, 0x0A, 0x01, 0x01, 0x01, 0x02]
    let at = try #require((0...(der.count - rsa.count)).last { Array(der[$0..<($0 + rsa.count)]) == rsa })
    der.replaceSubrange(at..<(at + rsa.count), with: gost)
    let opened = try SignedContainer.open(der, trust: try TrustAnchors.load(path: kit.caPath)).get()
    #expect(opened.content == document)
    let signature = try #require(opened.signatures.first)
    #expect(signature.algorithm == "SHA256/1.2.398.3.10.1.1.1.2")
    #expect(signature.verdict.reason?.hasPrefix("algorithm not supported (Kazakh GOST") == true, "\(signature.verdict)")
    #expect(signature.signer?.iin == "670509312900")
}

@Test func aBINInTheSubjectIsTheOrganisations() throws {
    let kit = try SigningKit(subject: "/C=KZ/CN=ҚАЙЫРЫМДЫЛЫҚ ҚОРЫ/O=Қайырымдылық қоры/OU=BIN180540012345/serialNumber=IIN670509312900")
    defer { kit.remove() }
    let signer = try #require(try SignedContainer.open(try kit.cms(document), trust: nil).get().signatures.first?.signer)
    #expect(signer.bin == "180540012345")
    #expect(signer.iin == "670509312900")
    #expect(signer.organization == "Қайырымдылық қоры")
}

@Test func ecdsaSignaturesAreVerified() throws {
    let kit = try SigningKit(elliptic: true)
    defer { kit.remove() }
    let signature = try SignedContainer.open(try kit.cms(document), trust: try TrustAnchors.load(path: kit.caPath)).get().signatures.first
    #expect(signature?.verdict == .verified)
    #expect(signature?.algorithm == "SHA256/ecdsa-with-SHA256")
}

@Test func signedInsideSignedIsUnwrappedUpToTheLimitThenUnreadable() throws {
    let kit = try SigningKit()
    defer { kit.remove() }
    var layered = document
    for _ in 0..<3 { layered = try kit.cms(layered) }
    let three = try SignedContainer.open(layered, trust: nil).get()
    #expect(three.layers == 3)
    #expect(three.content == document)
    #expect(three.signatures.count == 3)
    let four = try kit.cms(layered)
    guard case .failure(let problem) = SignedContainer.open(four, trust: nil) else {
        Issue.record("four layers were opened")
        return
    }
    #expect(problem.description == "signed document nested more than 3 levels deep")
}

@Test func truncatedAndGarbageInputIsAProblemNotACrash() throws {
    let kit = try SigningKit()
    defer { kit.remove() }
    let der = try kit.cms(document)
    for cut in [1, 2, 20, der.count / 2, der.count - 1] {
        guard case .failure(let problem) = SignedContainer.open(Array(der.prefix(cut)), trust: nil) else {
            Issue.record("a CMS cut at \(cut) bytes was opened")
            continue
        }
        #expect(!problem.description.isEmpty)
    }
    var random = SplitMix64(seed: 19)
    for _ in 0..<200 {
        var bytes = (0..<Int(random.next() % 400)).map { _ in UInt8(truncatingIfNeeded: random.next()) }
        if !bytes.isEmpty { bytes[0] = 0x30 }
        if case .success(let opened) = SignedContainer.open(bytes, trust: nil) { #expect(opened.signatures.count > 0) }
    }
    #expect(throws: (any Error).self) { try SignedContainer.open(Array("hello".utf8), trust: nil).get() }
}

@Test func detachedSignatureHasNoContentAndIsNotVerified() throws {
    let kit = try SigningKit()
    defer { kit.remove() }
    let opened = try SignedContainer.open(try kit.cms(document, detached: true), trust: try TrustAnchors.load(path: kit.caPath)).get()
    #expect(opened.content == nil)
    #expect(opened.signatures.first?.verdict.isVerified == false)
    #expect(opened.signatures.first?.signer?.iin == "670509312900")
}

@Test func trustAnchorsThatHoldNoCertificateAreRefusedWhenLoaded() throws {
    let folder = try TemporaryDirectory("anchors")
    defer { folder.remove() }
    FileManager.default.createFile(atPath: folder.path + "/empty.pem", contents: Data("not a certificate\n".utf8))
    #expect(throws: TrustAnchors.LoadError.self) { try TrustAnchors.load(path: folder.path + "/empty.pem") }
    #expect(throws: TrustAnchors.LoadError.self) { try TrustAnchors.load(path: folder.path + "/missing.pem") }
}

@Test func detachedSignatureIsVerifiedOverTheBytesItSigns() throws {
    let kit = try SigningKit()
    defer { kit.remove() }
    let signature = try kit.cms(document, detached: true)
    let trust = try TrustAnchors.load(path: kit.caPath)
    let good = try SignedContainer.open(signature, trust: trust, detachedContent: document).get()
    #expect(good.content == nil)
    #expect(good.signatures.first?.verdict == .verified)
    var changed = document
    changed[0] ^= 0x20
    let bad = try SignedContainer.open(signature, trust: trust, detachedContent: changed).get()
    #expect(bad.signatures.first?.verdict.reason?.hasPrefix("signature does not match") == true)
    let other = try SignedContainer.open(signature, trust: try TrustAnchors.load(path: try kit.unrelatedCA()), detachedContent: document).get()
    #expect(other.signatures.first?.verdict.reason?.hasPrefix("certificate verify error") == true)
}
