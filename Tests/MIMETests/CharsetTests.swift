import Testing
@testable import MIME

@Suite struct CharsetDecoding {
    // "Заявка" in the legacy Cyrillic charsets.
    static let samples: [(String, [UInt8])] = [
        ("windows-1251", [0xC7, 0xE0, 0xFF, 0xE2, 0xEA, 0xE0]),
        ("KOI8-R", [0xFA, 0xC1, 0xD1, 0xD7, 0xCB, 0xC1]),
        ("cp866", [0x87, 0xA0, 0xEF, 0xA2, 0xAA, 0xA0]),
        ("ISO-8859-5", [0xB7, 0xD0, 0xEF, 0xD2, 0xDA, 0xD0]),
    ]

    @Test(arguments: samples)
    func decodesLegacyCyrillic(charset: String, bytes: [UInt8]) {
        let (text, defects) = Charset.decode(bytes, charset: charset)
        #expect(text == "Заявка")
        #expect(defects.isEmpty)
    }

    @Test func pt154HasKazakhLetters() {
        // PT154 0xAA = Ә? Verify through the round trip of a Kazakh word instead of trusting a table.
        let (text, defects) = Charset.decode([0xD8, 0xE5, 0xEA], charset: "PT154")
        #expect(text == "Шек")
        #expect(defects.isEmpty)
    }

    @Test func aliasesAreUnderstood() {
        #expect(Charset.canonicalName("win-1251") == "CP1251")
        #expect(Charset.canonicalName("\"x-cp1251\"") == "CP1251")
        #expect(Charset.canonicalName("utf-8*kk") == "UTF-8")
        #expect(Charset.canonicalName("koi8r") == "KOI8-R")
    }

    @Test func unknownCharsetFallsBackWithADefect() {
        let (text, defects) = Charset.decode([0xC7, 0xE0, 0xFF, 0xE2, 0xEA, 0xE0], charset: "x-unknown-foo")
        #expect(text == "Заявка")
        #expect(defects.first?.kind == .unknownCharset)
    }

    @Test func utf8LabelledAsWindows1251IsReadAsUTF8() {
        let (text, defects) = Charset.decode(Array("Өтініш".utf8), charset: "windows-1251")
        #expect(text == "Өтініш")
        #expect(defects.map(\.kind) == [.charsetMismatch])
    }

    @Test func windows1251LabelledAsUTF8IsReadAsLegacy() {
        let (text, defects) = Charset.decode([0xC7, 0xE0, 0xFF, 0xE2, 0xEA, 0xE0], charset: "utf-8")
        #expect(text == "Заявка")
        #expect(defects.map(\.kind) == [.charsetMismatch])
    }

    @Test func unlabelledEightBitTriesUTF8First() {
        #expect(Charset.decode(Array("Сәлем".utf8), charset: nil) == ("Сәлем", []))
    }

    @Test func invalidUTF8BecomesReplacementCharacters() {
        let (text, defects) = Charset.decode(Array("Сәлем".utf8) + [0xFF] + Array("b".utf8), charset: "utf-8")
        #expect(text == "Сәлем\u{FFFD}b")
        #expect(defects.map(\.kind) == [.invalidCharacters])
    }

    @Test func utf16WithBOM() {
        let (text, _) = Charset.decode([0xFF, 0xFE, 0x17, 0x04, 0x30, 0x04], charset: "UTF-16")
        #expect(text == "За")
    }

    @Test func truncatedMultibyteSequenceIsReplaced() {
        let (text, defects) = Charset.decode([0x82, 0xA0, 0x82], charset: "SHIFT_JIS")
        #expect(text.hasPrefix("あ"))
        #expect(defects.map(\.kind) == [.invalidCharacters])
    }
}
