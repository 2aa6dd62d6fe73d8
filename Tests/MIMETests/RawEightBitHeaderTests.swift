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
