import Testing
@testable import MIME

private let kazakh = "Волонтерлік қызмет тізілімі — өтініш"

@Test func plainTextWithoutEncodedWordsIsReturnedUnchanged() {
    let (text, defects) = EncodedWord.decode("Re: application 2+2=? done")
    #expect(text == "Re: application 2+2=? done")
    #expect(defects.isEmpty)
}

@Test func base64WordInUTF8IsDecoded() {
    let (text, defects) = EncodedWord.decode(
        "=?UTF-8?B?0JLQvtC70L7QvdGC0LXRgNC70ZbQuiDSm9GL0LfQvNC10YIg0YLRltC30ZbQu9GW0LzRliDigJQg06nRgtGW0L3RltGI?=")
    #expect(text == kazakh)
    #expect(defects.isEmpty)
}

@Test func encodingLetterAndCharsetAreCaseInsensitive() {
    #expect(EncodedWord.decode("=?utf-8?b?0prQsNC30LDSm9GB0YLQsNC9?=").text == "Қазақстан")
    #expect(EncodedWord.decode("=?Utf-8?q?=D0=97=D0=B0=D1=8F=D0=B2=D0=BA=D0=B0?=").text == "Заявка")
}

@Test func qUnderscoreIsSpaceAndLowercaseHexIsAccepted() {
    let (text, defects) = EncodedWord.decode("=?utf-8?Q?=d0=97=d0=b0=d1=8f=d0=b2=d0=ba=d0=b0_=E2=84=96_5?=")
    #expect(text == "Заявка № 5")
    #expect(defects.isEmpty)
}

@Test func legacyCyrillicCharsetsAreDecoded() {
    #expect(EncodedWord.decode("=?windows-1251?B?z/Do4uXy?=").text == "Привет")
    #expect(EncodedWord.decode("=?koi8-r?B?8NLJ18XU?=").text == "Привет")
    #expect(EncodedWord.decode("=?cp1251?Q?=CF=F0=E8=E2=E5=F2?=").text == "Привет")
}

@Test func languageSuffixInCharsetIsIgnored() {
    let (text, defects) = EncodedWord.decode("=?utf-8*kk?B?0prQsNC30LDSm9GB0YLQsNC9?=")
    #expect(text == "Қазақстан")
    #expect(defects.isEmpty)
}

@Test func whitespaceBetweenAdjacentEncodedWordsIsDropped() {
    let (text, _) = EncodedWord.decode("=?utf-8?q?Hello_?=\r\n =?utf-8?q?world?=  =?utf-8?q?!?=")
    #expect(text == "Hello world!")
}

@Test func whitespaceBetweenEncodedWordAndTextIsKept() {
    #expect(EncodedWord.decode("Re: =?utf-8?q?=D0=97=D0=B0=D1=8F=D0=B2=D0=BA=D0=B0?= 5").text == "Re: Заявка 5")
}

@Test func utf8SequenceSplitAcrossWordsIsJoinedBeforeDecoding() {
    // Mail.ru and Outlook cut the base64 between the two bytes of "о" (D0 BE).
    let (text, defects) = EncodedWord.decode(
        "=?UTF-8?B?0JLQvtC70A==?= =?UTF-8?B?vtC90YLQtdGA0LvRltC6INKb0YvQt9C80LXRgiDRgtGW0LfRltC70ZbQvNGWIOKAlCDTqdGC0ZbQvdGW0Yg=?=")
    #expect(text == kazakh)
    #expect(defects.isEmpty)
}

@Test func qWordsSplittingACharacterAreJoinedToo() {
    let (text, defects) = EncodedWord.decode("=?utf-8?q?=D0?= =?UTF8?Q?=97=D0=B0?=")
    #expect(text == "За")
    #expect(defects.isEmpty)
}

@Test func adjacentWordsInDifferentCharsetsAreDecodedSeparately() {
    let (text, defects) = EncodedWord.decode("=?windows-1251?B?z/Do4uXy?= =?utf-8?q?_=D0=BC=D0=B8=D1=80?=")
    #expect(text == "Привет мир")
    #expect(defects.isEmpty)
}

@Test func encodedWordGluedToTextIsDecoded() {
    #expect(EncodedWord.decode("foo=?utf-8?q?bar?=").text == "foobar")
    #expect(EncodedWord.decode("(=?utf-8?q?=D0=97?=)baz").text == "(З)baz")
}

@Test func base64WithoutPaddingIsDecodedQuietly() {
    let (text, defects) = EncodedWord.decode("=?utf-8?B?0JjQstCw0L3QvtCyLCDQmNCy0LDQvQ?=")
    #expect(text == "Иванов, Иван")
    #expect(defects.isEmpty)
}

@Test func base64WithJunkIsDecodedWithADefect() {
    let (text, defects) = EncodedWord.decode("=?utf-8?B?0JjQstCw0L3Qv!tCy?=")
    #expect(text == "Иванов")
    #expect(defects.map(\.kind) == [.invalidBase64Character])
}

@Test func unknownCharsetFallsBackWithDefect() {
    let (text, defects) = EncodedWord.decode("=?x-no-such-charset?B?z/Do4uXy?=", fallbackCharset: "windows-1251")
    #expect(text == "Привет")
    #expect(defects.first?.kind == .unknownCharset)
}

@Test func unterminatedWordStaysLiteralWithDefect() {
    let (text, defects) = EncodedWord.decode("Subject =?utf-8?q?broken")
    #expect(text == "Subject =?utf-8?q?broken")
    #expect(defects.map(\.kind) == [.invalidEncodedWord])
}

@Test func unknownEncodingLetterStaysLiteralWithDefect() {
    let (text, defects) = EncodedWord.decode("=?utf-8?x?abc?= and =?utf-8?q?ok?=")
    #expect(text == "=?utf-8?x?abc?= and ok")
    #expect(defects.map(\.kind) == [.invalidEncodedWord])
}

@Test func malformedWordBetweenWordsKeepsSurroundingSpace() {
    let (text, _) = EncodedWord.decode("=?utf-8?q?a?= =?utf-8?z?b?= =?utf-8?q?c?=")
    #expect(text == "a =?utf-8?z?b?= c")
}

@Test func limitStopsDecodingAndLeavesTheRestLiteral() {
    let (text, defects) = EncodedWord.decode("=?utf-8?q?a?= =?utf-8?q?b?= =?utf-8?q?c?=", limit: 2)
    #expect(text == "ab =?utf-8?q?c?=")
    #expect(defects.map(\.kind) == [.invalidEncodedWord])
}

@Test func emptyInputAndLoneMarkersNeverCrash() {
    for input in ["", "=?", "=?=", "=??=", "=???=", "=?utf-8?", "=?utf-8?b?", "=?utf-8?b??=", "?==?", "=?=?utf-8?q?x?="] {
        _ = EncodedWord.decode(input)
    }
    #expect(EncodedWord.decode("=?=?utf-8?q?x?=").text == "=?x")
    #expect(EncodedWord.decode("=?utf-8?b??=").text == "")
}

// MARK: - Encoding

@Test func asciiTextIsNotEncoded() {
    #expect(EncodedWord.encode("Volunteer registry: application") == "Volunteer registry: application")
}

@Test func asciiTextThatLooksLikeAnEncodedWordIsEncoded() {
    let encoded = EncodedWord.encode("see =?utf-8?q?x?=")
    #expect(encoded.hasPrefix("=?UTF-8?"))
    #expect(EncodedWord.decode(encoded).text == "see =?utf-8?q?x?=")
}

@Test func kazakhTextRoundTrips() {
    let encoded = EncodedWord.encode(kazakh)
    #expect(encoded != kazakh)
    let (decoded, defects) = EncodedWord.decode(encoded)
    #expect(decoded == kazakh)
    #expect(defects.isEmpty)
}

@Test func russianTextRoundTrips() {
    let russian = "Заявка на участие в программе волонтёров Министерства культуры и информации, г. Астана"
    #expect(EncodedWord.decode(EncodedWord.encode(russian)).text == russian)
}

@Test func encodedWordsAreAtMost75CharactersAndSeparatedBySingleSpaces() {
    let long = String(repeating: "Мәдениет және ақпарат министрлігі 🇰🇿 ", count: 12)
    let encoded = EncodedWord.encode(long)
    let words = encoded.split(separator: " ", omittingEmptySubsequences: false)
    #expect(words.count > 5)
    for word in words {
        #expect(word.count <= 75)
        #expect(word.hasPrefix("=?UTF-8?") && word.hasSuffix("?="))
    }
    #expect(EncodedWord.decode(encoded).text == long)
}

@Test func eachEncodedWordHoldsWholeCharacters() {
    let text = String(repeating: "қ", count: 200) + "👨‍👩‍👧‍👦" + String(repeating: "ө", count: 50)
    for word in EncodedWord.encode(text).split(separator: " ") {
        // Decoded on its own, a word must be valid UTF-8: no character cut between words.
        let (_, defects) = EncodedWord.decode(String(word))
        #expect(defects.isEmpty)
    }
    #expect(EncodedWord.decode(EncodedWord.encode(text)).text == text)
}

@Test func mostlyAsciiTextPrefersQAndCyrillicPrefersB() {
    #expect(EncodedWord.encode("Volunteer application from Aigul Әbenova").hasPrefix("=?UTF-8?Q?"))
    #expect(EncodedWord.encode("Өтініш қабылданды").hasPrefix("=?UTF-8?B?"))
}

@Test func qEncodingEscapesPhraseSpecials() {
    let encoded = EncodedWord.encode("Иван, \"Ivanov\" <x>")
    #expect(!encoded.contains(",") && !encoded.contains("\"") && !encoded.contains("<"))
    #expect(EncodedWord.decode(encoded).text == "Иван, \"Ivanov\" <x>")
}

@Test func lineBreaksInAsciiTextAreEncodedNotPassedThrough() {
    let encoded = EncodedWord.encode("a\r\nBcc: evil@example.com")
    #expect(!encoded.contains("\r") && !encoded.contains("\n"))
    #expect(EncodedWord.decode(encoded).text == "a\r\nBcc: evil@example.com")
}
