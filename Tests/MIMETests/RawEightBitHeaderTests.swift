import Testing
@testable import MIME

/// Raw 8-bit bytes in headers, as old clients and some webmail write them.
private let zayavkaKOI8R: [UInt8] = [0xFA, 0xC1, 0xD1, 0xD7, 0xCB, 0xC1]   // "Заявка"
private let zayavkaCP1251: [UInt8] = [0xC7, 0xE0, 0xFF, 0xE2, 0xEA, 0xE0]

private func message(subjectBytes: [UInt8], bodyCharset: String?) -> Message {
    var bytes = Array("From: a@example.kz\r\nSubject: ".utf8) + subjectBytes
    bytes += Array("\r\nMIME-Version: 1.0\r\nContent-Type: text/plain".utf8)
    if let bodyCharset { bytes += Array("; charset=\(bodyCharset)".utf8) }
    bytes += Array("\r\n\r\nТекст\r\n".utf8)
    return Message(bytes: bytes)
}

@Test func aRawByteInsideAnEncodedWordIsDecodedWithTheWordsCharset() {
    // Outlook's "=?windows-1251?Q?…?=" with the Cyrillic left unescaped.
    let subject = Array("Re: =?windows-1251?Q?".utf8) + zayavkaCP1251 + Array("_=B9_5?=".utf8)
    let parsed = message(subjectBytes: subject, bodyCharset: "utf-8")
    #expect(parsed.subject == "Re: Заявка № 5")
    let koi = Array("=?koi8-r?Q?".utf8) + zayavkaKOI8R + Array("?=".utf8)
    #expect(message(subjectBytes: koi, bodyCharset: nil).subject == "Заявка")
}

@Test func theDecoderOverRawBytesReadsTextBetweenWordsAsUTF8OrTheFallback() {
    let bytes = zayavkaCP1251 + Array(" =?utf-8?B?4oSWIDU=?=".utf8)
    let (text, _) = EncodedWord.decode(bytes: bytes, fallbackCharset: "windows-1251")
    #expect(text == "Заявка № 5")
    #expect(EncodedWord.decode(bytes: Array("Өтініш =?utf-8?Q?=E2=84=96?=".utf8)).text == "Өтініш №")
}

@Test func unlabelledEightBitHeadersTakeTheCharsetOfTheFirstTextPart() {
    // KOI8-R raw in the Subject, the body labelled koi8-r: windows-1251 would read "ъЮЯВЙЮ".
    let parsed = message(subjectBytes: zayavkaKOI8R, bodyCharset: "koi8-r")
    #expect(parsed.subject == "Заявка")
    #expect(parsed.header.legacyCharset == "koi8-r")
}

@Test func withoutALegacyLabelOnTheBodyTheLegacyCharsetStillDecides() {
    #expect(message(subjectBytes: zayavkaCP1251, bodyCharset: "utf-8").subject == "Заявка")
    #expect(message(subjectBytes: zayavkaCP1251, bodyCharset: nil).subject == "Заявка")
    // Headers that are ASCII or UTF-8 keep the configured charset: nothing is parsed twice.
    let plain = message(subjectBytes: Array("Заявка".utf8), bodyCharset: "koi8-r")
    #expect(plain.subject == "Заявка")
    #expect(plain.header.legacyCharset == Charset.defaultLegacy)
}

@Test func aUnicodeFormOnTheFirstTextPartIsNoHintForRawHeaderBytes() {
    // UTF-7 cannot have written raw 8-bit bytes: the legacy charset reads them.
    let parsed = message(subjectBytes: zayavkaCP1251, bodyCharset: "utf-7")
    #expect(parsed.subject == "Заявка")
    #expect(parsed.header.legacyCharset == Charset.defaultLegacy)
}

private func letter(from: [UInt8], bodyCharset: String = "utf-8") -> Message {
    var bytes = Array("From: ".utf8) + from + Array("\r\nTo: volunteer@mki.gov.kz\r\nSubject: x\r\n".utf8)
    bytes += Array("MIME-Version: 1.0\r\nContent-Type: text/plain; charset=\(bodyCharset)\r\n\r\nТекст\r\n".utf8)
    return Message(bytes: bytes)
}

@Test func aFromDisplayNameWithRawBytesIsReadByTheHeaderRule() {
    // Inside an encoded word: the word's charset, whatever the body says.
    let inWord = letter(from: Array("=?windows-1251?Q?".utf8) + zayavkaCP1251 + Array("?= <a@example.kz>".utf8))
    #expect(inWord.from.first?.name == "Заявка")
    #expect(inWord.from.first?.address == "a@example.kz")
    let quotedKOI = letter(from: Array("\"=?koi8-r?Q?".utf8) + zayavkaKOI8R + Array("?=\" <a@example.kz>".utf8))
    #expect(quotedKOI.from.first?.name == "Заявка")
    // Outside words: the first text part's charset, before the configured legacy one.
    let bare = letter(from: zayavkaKOI8R + Array(" <a@example.kz>".utf8), bodyCharset: "koi8-r")
    #expect(bare.from.first?.name == "Заявка")
    #expect(bare.from.first?.address == "a@example.kz")
    let comment = letter(from: Array("a@example.kz (".utf8) + zayavkaCP1251 + Array(")".utf8))
    #expect(comment.from.first?.name == "Заявка")
}

private func attachment(disposition: [UInt8], type: [UInt8] = Array("application/octet-stream".utf8),
                        bodyCharset: String = "utf-8") -> Part? {
    var bytes = Array("From: a@example.kz\r\nSubject: x\r\nMIME-Version: 1.0\r\n".utf8)
    bytes += Array("Content-Type: multipart/mixed; boundary=\"b\"\r\n\r\n--b\r\n".utf8)
    bytes += Array("Content-Type: text/plain; charset=\(bodyCharset)\r\n\r\nТекст\r\n--b\r\nContent-Type: ".utf8) + type
    bytes += Array("\r\nContent-Disposition: ".utf8) + disposition + Array("\r\n\r\nfile\r\n--b--\r\n".utf8)
    return Message(bytes: bytes).root.children.last
}

@Test func anAttachmentNameWithRawBytesIsReadByTheHeaderRule() {
    let docx = Array(".docx".utf8)
    let inWord = attachment(disposition: Array("attachment; filename=\"=?windows-1251?Q?".utf8) + zayavkaCP1251 + docx + Array("?=\"".utf8))
    #expect(inWord?.filename == "Заявка.docx")
    // RFC 2231: a raw byte is a byte of the declared charset, as a %XX would be.
    let rfc2231 = attachment(disposition: Array("attachment; filename*=koi8-r''".utf8) + zayavkaKOI8R + docx)
    #expect(rfc2231?.filename == "Заявка.docx")
    let bare = attachment(disposition: Array("attachment; filename=\"".utf8) + zayavkaKOI8R + docx + Array("\"".utf8),
                          bodyCharset: "koi8-r")
    #expect(bare?.filename == "Заявка.docx")
    let named = attachment(disposition: Array("attachment".utf8),
                           type: Array("application/msword; name=\"=?koi8-r?Q?".utf8) + zayavkaKOI8R + Array(".doc?=\"".utf8))
    #expect(named?.filename == "Заявка.doc")
    #expect(named?.contentType.mimeType == "application/msword")
}
