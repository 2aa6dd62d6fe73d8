import Foundation
import Signatures
import Testing
import TestRig
@testable import Forms
@testable import MIME

/// Signed documents and winmail.dat: what is inside is read as the attachment it is, and who
/// signed is recorded with what was verified.
private func applicationDocx(_ text: String = SampleApplication.volunteer) -> [UInt8] {
    let paragraphs = text.split(separator: "\n", omittingEmptySubsequences: false)
        .map { "<w:p><w:r><w:t xml:space=\"preserve\">\($0)</w:t></w:r></w:p>" }.joined()
    return ReaderFixtures.docx(body: paragraphs)
}

private let docxType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"

private func read(_ bytes: [UInt8], trust: TrustAnchors? = nil) -> ApplicationReader.Result {
    ApplicationReader.read(Message(bytes: bytes), currentYear: 2026, settings: ReadingSettings(trustAnchors: trust))
}

@Test func aDocxInsideWinmailDatIsReadUnderItsUnicodeName() {
    var tnef = TNEFWriter()
    tnef.attach(applicationDocx(), longName: "Өтініш_Ким.docx")
    let result = read(AttachedLetter.make(attachments: [("application/ms-tnef", "winmail.dat", tnef.bytes)]))
    #expect(result.application.outcome == .complete, "\(result.sources) \(result.application.missing)")
    #expect(result.application.fields[.iin] == .text("670509312900"))
    let inner = result.sources.first { $0.container == .tnef }
    #expect(inner?.filename == "Өтініш_Ким.docx")
    #expect(inner?.kind == .docx)
    #expect(inner?.partPath == "2/1")
    #expect(result.sources.contains { $0.kind == .tnef && $0.unreadable == nil })
}

@Test func winmailDatIsRecognisedByItsBytesWhateverItIsCalled() {
    var tnef = TNEFWriter()
    tnef.attach(applicationDocx(), longName: "anketa.docx")
    let result = read(AttachedLetter.make(attachments: [("application/octet-stream", "noname", tnef.bytes)]))
    #expect(result.application.outcome == .complete)
}

@Test func theEightBitTitleNamesAnAttachmentWithoutALongName() {
    var tnef = TNEFWriter()
    tnef.attribute(level: 2, id: 0x0006_9002, [1, 0, 0xFF, 0xFF, 0xFF, 0xFF, 0, 0, 0, 0, 0, 0, 0, 0])
    tnef.attribute(level: 2, id: 0x0001_8010, [0xC0, 0xED, 0xEA, 0xE5, 0xF2, 0xE0, 0x2E, 0x74, 0x78, 0x74, 0])  // "Анкета.txt", cp1251
    tnef.attribute(level: 2, id: 0x0006_800F, Array("ИИН: 670509312900".utf8))
    let attachments = try? TNEFArchive.read(tnef.bytes).get()
    #expect(attachments?.first?.name == "Анкета.txt")
    #expect(attachments?.first?.bytes == Array("ИИН: 670509312900".utf8))
}

@Test func damagedWinmailDatIsUnreadableWithAReason() {
    var tnef = TNEFWriter()
    tnef.attach(applicationDocx(), longName: "anketa.docx")
    let whole = tnef.bytes
    var badChecksum = whole
    badChecksum[badChecksum.count - 1] ^= 0xFF
    for (bytes, expected) in [(Array(whole.prefix(whole.count / 2)), "past the end"), (badChecksum, "checksum error"),
                              (Array(whole.prefix(5)), "cut short")] {
        let result = read(AttachedLetter.make(attachments: [("application/ms-tnef", "winmail.dat", bytes)]))
        let reason = result.sources.compactMap(\.unreadable).first
        #expect(reason?.detail.contains(expected) == true, "\(String(describing: reason))")
        #expect(result.application.outcome == .unreadable)
    }
}

@Test func aSignedDocxIsReadAndItsSignerVerified() throws {
    let kit = try SigningKit()
    defer { kit.remove() }
    let signed = try kit.cms(applicationDocx())
    let result = read(AttachedLetter.make(attachments: [("application/octet-stream", "анкета.docx.cms", signed)]),
                      trust: try TrustAnchors.load(path: kit.caPath))
    #expect(result.application.outcome == .complete)
    let inner = try #require(result.sources.first { $0.container == .signed })
    #expect(inner.filename == "анкета.docx")
    #expect(inner.kind == .docx)
    let signature = try #require(result.signatures.first)
    #expect(signature.source == "2")
    #expect(signature.signature.verdict == .verified)
    #expect(signature.signature.signer?.iin == "670509312900")
    #expect(result.signerMismatches.isEmpty)
}

@Test func aPEMSignatureNamedSigIsReadAndNotVerifiedWithoutAnchors() throws {
    let kit = try SigningKit()
    defer { kit.remove() }
    let signed = try kit.cms(applicationDocx(), pem: true)
    let result = read(AttachedLetter.make(attachments: [("application/octet-stream", "anketa.sig", signed)]))
    #expect(result.application.outcome == .complete)
    #expect(result.signatures.first?.signature.verdict == .notVerified("no trust anchors configured"))
}

@Test func aSignerWhoseIINIsNotTheFormsIsReportedAsAMismatch() throws {
    let kit = try SigningKit(subject: "/C=KZ/CN=ҚҰДАЙБЕРГЕНОВ НҰРЛАН/serialNumber=IIN830717350867")
    defer { kit.remove() }
    let signed = try kit.cms(applicationDocx())
    let result = read(AttachedLetter.make(attachments: [("application/pkcs7-mime", "anketa.docx.p7m", signed)]),
                      trust: try TrustAnchors.load(path: kit.caPath))
    #expect(result.application.fields[.iin] == .text("670509312900"))
    #expect(result.signerMismatches == ["signer's IIN 830717350867 (2) differs from the form's IIN 670509312900"])
}

@Test func anOpaqueSignedSMIMEMessageIsReadAsTheMessageItSigns() throws {
    let kit = try SigningKit()
    defer { kit.remove() }
    let docx = Data(applicationDocx()).base64EncodedString(options: .lineLength76Characters)
    let entity = """
        Content-Type: multipart/mixed; boundary="inner"\r
        \r
        --inner\r
        Content-Type: text/plain; charset=utf-8\r
        \r
        Анкета во вложении.\r
        --inner\r
        Content-Type: \(docxType)\r
        Content-Disposition: attachment; filename="anketa.docx"\r
        Content-Transfer-Encoding: base64\r
        \r
        \(docx.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\n", with: "\r\n"))\r
        --inner--\r

        """
    let mail = try kit.smime(Array(entity.utf8), headers: ["From: vkim.kostanay@mail.ru", "To: volunteer@mki.gov.kz",
                                                           "Subject: Анкета", "Message-ID: <smime@example.kz>"])
    let message = Message(bytes: mail)
    #expect(message.root.contentType.subtype == "x-pkcs7-mime")
    let result = ApplicationReader.read(message, currentYear: 2026, settings: ReadingSettings(trustAnchors: try TrustAnchors.load(path: kit.caPath)))
    #expect(result.application.outcome == .complete, "\(result.sources)")
    #expect(result.signatures.first?.signature.verdict == .verified)
    let inner = try #require(result.sources.first { $0.kind == .docx })
    #expect(inner.container == .signed)
    #expect(inner.partPath == "1/1.2")
}

@Test func signaturesNestedBeyondTheLimitLeaveTheMessageUnreadable() throws {
    let kit = try SigningKit()
    defer { kit.remove() }
    var layered = applicationDocx()
    for _ in 0..<4 { layered = try kit.cms(layered) }
    let result = read(AttachedLetter.make(attachments: [("application/octet-stream", "anketa.docx.cms", layered)]))
    #expect(result.application.outcome == .unreadable)
    let reason = try #require(result.sources.compactMap(\.unreadable).first)
    #expect(reason.kind == .limitReached)
    #expect(reason.detail == "signed document nested more than 3 levels deep")
}

@Test func truncatedOrGarbageSignedDataIsUnreadableWithAReason() throws {
    let kit = try SigningKit()
    defer { kit.remove() }
    let signed = try kit.cms(applicationDocx())
    for bytes in [Array(signed.prefix(signed.count / 3)), Array("-----BEGIN CMS-----\n!!!!\n-----END CMS-----\n".utf8)] {
        let result = read(AttachedLetter.make(attachments: [("application/pkcs7-mime", "anketa.docx.p7m", bytes)]))
        let reason = result.sources.compactMap(\.unreadable).first
        #expect(reason != nil)
        #expect(result.application.outcome == .unreadable)
    }
}

@Test func aDetachedSignatureRecordsTheSignerAndTheSignedPartIsReadAsToday() throws {
    let kit = try SigningKit()
    defer { kit.remove() }
    let docx = applicationDocx()
    let signature = try kit.cms(docx, detached: true)
    let result = read(AttachedLetter.make(attachments: [(docxType, "anketa.docx", docx),
                                                        ("application/pkcs7-signature", "anketa.docx.p7s", signature)]))
    #expect(result.application.outcome == .complete)
    #expect(result.signatures.first?.signature.signer?.iin == "670509312900")
    #expect(result.signatures.first?.signature.verdict.isVerified == false)
}

@Test func aSignedFileLabelledSMIMEIsStillReadAsTheFileItIs() throws {
    let kit = try SigningKit()
    defer { kit.remove() }
    let signed = try kit.cms(applicationDocx())
    let result = read(AttachedLetter.make(attachments: [("application/pkcs7-mime; smime-type=signed-data", "anketa.docx.p7m", signed)]))
    #expect(result.application.outcome == .complete)
    #expect(result.sources.first { $0.container == .signed }?.kind == .docx)
}

/// A clear-signed letter as Thunderbird or Outlook sends it: the application text in the first part.
private func clearSigned(_ kit: SigningKit, tool: String) throws -> [UInt8] {
    let body = Data(SampleApplication.volunteer.utf8).base64EncodedString(options: .lineLength76Characters)
        .replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\n", with: "\r\n")
    let entity = "Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: base64\r\n\r\n" + body + "\r\n"
    return try kit.smime(Array(entity.utf8), headers: ["From: vkim.kostanay@mail.ru", "To: volunteer@mki.gov.kz",
                                                      "Subject: Анкета", "Message-ID: <clear@example.kz>"],
                         detached: true, tool: tool)
}

@Test(arguments: ["smime", "cms"])
func aClearSignedLetterIsVerifiedOverItsFirstPartAsItStands(tool: String) throws {
    let kit = try SigningKit()
    defer { kit.remove() }
    let mail = try clearSigned(kit, tool: tool)
    let message = Message(bytes: mail)
    #expect(message.root.contentType.mimeType == "multipart/signed")
    let result = read(mail, trust: try TrustAnchors.load(path: kit.caPath))
    #expect(result.application.outcome == .complete, "\(result.sources)")
    #expect(result.signatures.first?.signature.verdict == .verified)
    #expect(result.signatures.first?.signature.signer?.iin == "670509312900")
    // A mailbox that stored the letter with LF line ends still holds what was signed.
    let lf = Array(String(decoding: mail, as: UTF8.self).replacingOccurrences(of: "\r\n", with: "\n").utf8)
    #expect(read(lf, trust: try TrustAnchors.load(path: kit.caPath)).signatures.first?.signature.verdict == .verified)
}

@Test func aClearSignedLetterUnderAnotherCAIsACertificateError() throws {
    let kit = try SigningKit()
    defer { kit.remove() }
    let result = read(try clearSigned(kit, tool: "cms"), trust: try TrustAnchors.load(path: try kit.unrelatedCA()))
    let reason = try #require(result.signatures.first?.signature.verdict.reason)
    #expect(reason.hasPrefix("certificate verify error"), "\(reason)")
}

@Test func aClearSignedLetterWhoseFirstPartWasChangedDoesNotMatch() throws {
    let kit = try SigningKit()
    defer { kit.remove() }
    var mail = try clearSigned(kit, tool: "smime")
    // One byte of the signed part's header: the charset label, which changes no decoded text.
    let needle = Array("charset=utf-8".utf8)
    let offset = try #require((0...(mail.count - needle.count)).first { mail[$0..<($0 + needle.count)].elementsEqual(needle) })
    mail[offset + 8] = UInt8(ascii: "U")
    let result = read(mail, trust: try TrustAnchors.load(path: kit.caPath))
    let reason = try #require(result.signatures.first?.signature.verdict.reason)
    #expect(reason.hasPrefix("signature does not match"), "\(reason)")
}

@Test func aDetachedP7sBesideItsDocumentIsVerifiedOverTheDocument() throws {
    let kit = try SigningKit()
    defer { kit.remove() }
    let docx = applicationDocx()
    let signature = try kit.cms(docx, detached: true)
    let trust = try TrustAnchors.load(path: kit.caPath)
    let good = read(AttachedLetter.make(attachments: [(docxType, "anketa.docx", docx),
                                                      ("application/pkcs7-signature", "anketa.docx.p7s", signature)]), trust: trust)
    #expect(good.application.outcome == .complete)
    #expect(good.signatures.first?.signature.verdict == .verified)

    var changed = docx
    changed[changed.count / 2] ^= 0x01
    let bad = read(AttachedLetter.make(attachments: [(docxType, "anketa.docx", changed),
                                                     ("application/pkcs7-signature", "anketa.docx.p7s", signature)]), trust: trust)
    #expect(bad.signatures.first?.signature.verdict.reason?.hasPrefix("signature does not match") == true)

    let other = read(AttachedLetter.make(attachments: [(docxType, "anketa.docx", docx),
                                                       ("application/pkcs7-signature", "anketa.docx.p7s", signature)]),
                     trust: try TrustAnchors.load(path: try kit.unrelatedCA()))
    #expect(other.signatures.first?.signature.verdict.reason?.hasPrefix("certificate verify error") == true)
}
