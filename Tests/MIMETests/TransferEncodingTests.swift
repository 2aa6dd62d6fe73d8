import Testing
@testable import MIME

@Suite struct Base64Decoding {
    func decode(_ s: String) -> (String, [Defect.Kind]) {
        let (bytes, defects) = Base64.decode(Array(s.utf8))
        return (String(decoding: bytes, as: UTF8.self), defects.map(\.kind))
    }

    @Test func decodesAcrossLineBreaks() {
        #expect(decode("0JfQsNGP\r\n0LLQutCw\r\n") == ("Заявка", []))
    }

    @Test func skipsJunkAndSaysSo() {
        let (text, defects) = decode("0JfQ!!sNGP*0LLQutCw")
        #expect(text == "Заявка")
        #expect(defects == [.invalidBase64Character])
    }

    @Test func missingPaddingStillDecodes() {
        let (text, defects) = decode("aGVsbG8")
        #expect(text == "hello")
        #expect(defects == [.invalidBase64Padding])
    }

    @Test func aLoneTrailingCharacterIsDroppedWithADefect() {
        let (text, defects) = decode("aGVsbG8hA")
        #expect(text == "hello!")
        #expect(defects == [.invalidBase64Padding])
    }

    @Test func concatenatedBlocksAreReadThrough() {
        #expect(decode("aGk=aGk=") == ("hihi", []))
    }

    @Test(arguments: [0, 1, 2, 3, 57, 58, 1000, 4099])
    func roundTripsEveryLength(length: Int) {
        let bytes = (0..<length).map { UInt8(truncatingIfNeeded: $0 &* 7 &+ 3) }
        let encoded = Base64.encode(bytes)
        #expect(encoded.split(separator: 0x0A).allSatisfy { $0.count <= 77 })
        #expect(Base64.decode(encoded).bytes == bytes)
        #expect(Base64.decode(encoded).defects.isEmpty)
    }
}

@Suite struct QuotedPrintableDecoding {
    func decode(_ s: String) -> (String, [Defect.Kind]) {
        let (bytes, defects) = QuotedPrintable.decode(Array(s.utf8))
        return (String(decoding: bytes, as: UTF8.self), defects.map(\.kind))
    }

    @Test func softBreaksJoinLines() {
        #expect(decode("long=\r\nline=\nend") == ("longlineend", []))
    }

    @Test func lowercaseHexIsAccepted() {
        #expect(decode("=d0=97=D0=B0") == ("За", []))
    }

    @Test func brokenEscapesStayAsWritten() {
        let (text, defects) = decode("price =ZZ 5 = 5")
        #expect(text == "price =ZZ 5 = 5")
        #expect(defects == [.invalidQuotedPrintable])
    }

    @Test func trailingWhitespaceBeforeABreakIsTransportPadding() {
        #expect(decode("a  \r\nb").0 == "a\r\nb")
    }

    @Test func softBreakWithTrailingSpaces() {
        #expect(decode("a=  \r\nb").0 == "ab")
    }

    @Test func equalsAtTheVeryEndIsASoftBreak() {
        #expect(decode("end=") == ("end", []))
    }

    @Test func encodingRoundTripsKazakhText() {
        let text = "Волонтерлік қызмет тізілімі — өтініш.\nЕкінші жол бос орынмен \nFrom here. =equals="
        let encoded = QuotedPrintable.encode(Array(text.utf8))
        #expect(encoded.split(separator: 0x0A).allSatisfy { $0.count <= 77 })
        #expect(encoded.allSatisfy { $0 < 0x80 })
        let decoded = String(decoding: QuotedPrintable.decode(encoded).bytes, as: UTF8.self)
        #expect(decoded == text.replacingLineFeeds())
    }
}

@Suite struct UUEncodedBlocks {
    @Test func findsABlockInsideText() {
        // "Hello, register!" uuencoded.
        let text = "Please see the file.\r\nbegin 644 note.txt\r\n02&5L;&\\L(')E9VES=&5R(0``\r\n`\r\nend\r\nThanks."
        let (blocks, defects) = UUEncode.blocks(in: Array(text.utf8))
        #expect(defects.isEmpty)
        #expect(blocks.count == 1)
        #expect(blocks.first?.filename == "note.txt")
        #expect(blocks.first.map { String(decoding: $0.bytes, as: UTF8.self) } == "Hello, register!")
    }

    @Test func missingEndIsADefect() {
        let (blocks, defects) = UUEncode.blocks(in: Array("begin 644 a.bin\n#86)C\n".utf8))
        #expect(blocks.first.map { String(decoding: $0.bytes, as: UTF8.self) } == "abc")
        #expect(defects.map(\.kind) == [.invalidUUEncode])
    }

    @Test func beginWithoutModeIsNotABlock() {
        #expect(UUEncode.blocks(in: Array("begin the application here\nend".utf8)).blocks.isEmpty)
    }
}

@Suite struct TransferEncodingNames {
    @Test(arguments: [(String?("base64"), TransferEncoding.base64), (" Base64 ", .base64), ("Quoted-Printable", .quotedPrintable),
                      ("8bit", .eightBit), ("x-uuencode", .uuencode), (nil, .sevenBit), ("x-weird", .unknown("x-weird"))])
    func readsLeniently(name: String?, expected: TransferEncoding) {
        #expect(TransferEncoding(name) == expected)
    }

    @Test func unknownEncodingLeavesTheBodyWithADefect() {
        let (bytes, defects) = TransferEncoding.unknown("x-weird").decode(Array("abc".utf8)[...])
        #expect(bytes == Array("abc".utf8))
        #expect(defects.map(\.kind) == [.unknownTransferEncoding])
    }
}
