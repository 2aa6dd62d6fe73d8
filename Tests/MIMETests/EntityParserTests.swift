import Testing
@testable import MIME

@Suite struct MultipartStructure {
    @Test func nestedMultipartsAreNumberedLikeIMAP() {
        let m = parse("""
        From: a@example.kz
        Content-Type: multipart/mixed; boundary="outer"

        preamble text
        --outer
        Content-Type: multipart/alternative; boundary=inner

        --inner
        Content-Type: text/plain

        plain
        --inner
        Content-Type: text/html

        <p>html</p>
        --inner--
        --outer
        Content-Type: application/pdf; name="a.pdf"
        Content-Transfer-Encoding: base64

        JVBERi0xLjQ=
        --outer--
        epilogue text
        """)
        #expect(m.shape == ["0 multipart/mixed", "1 multipart/alternative", "1.1 text/plain", "1.2 text/html", "2 application/pdf"])
        #expect(m.part("1.1")?.decodedString == "plain")
        #expect(m.part("1.2")?.decodedString == "<p>html</p>")
        #expect(m.part("2")?.decodedString == "%PDF-1.4")
        #expect(m.part("2")?.filename == "a.pdf")
        guard case .multipart(_, let preamble, let epilogue) = m.root.content else { Issue.record("not multipart"); return }
        #expect(String(decoding: preamble, as: UTF8.self) == "preamble text")
        #expect(String(decoding: epilogue, as: UTF8.self) == "epilogue text")
        #expect(m.allDefects.filter { $0.defect.kind != .missingDate }.isEmpty)
    }

    @Test func singlePartMessageBodyIsPartOne() {
        let m = parse("Subject: hi\n\nhello\n")
        #expect(m.shape == ["1 text/plain"])
        #expect(m.root.decodedString == "hello\r\n")
    }

    @Test func lineBreakBeforeDelimiterBelongsToTheDelimiter() {
        let m = parse("Content-Type: multipart/mixed; boundary=b\n\n--b\n\nline one\n\n--b--\n")
        #expect(m.part("1")?.decodedString == "line one\r\n")
    }

    @Test func unterminatedMultipartKeepsTheLastPartToTheEnd() {
        let m = parse("Content-Type: multipart/mixed; boundary=b\n\n--b\n\nfirst\n--b\nContent-Type: text/plain\n\nsecond, cut off")
        #expect(m.shape == ["0 multipart/mixed", "1 text/plain", "2 text/plain"])
        #expect(m.part("2")?.decodedString == "second, cut off")
        #expect(m.hasDefect(.unterminatedMultipart))
    }

    @Test func unterminatedInnerMultipartDoesNotSwallowItsParent() {
        let m = parse("""
        Content-Type: multipart/mixed; boundary=outer

        --outer
        Content-Type: multipart/alternative; boundary=inner

        --inner
        Content-Type: text/plain

        inner text
        --outer
        Content-Type: application/octet-stream

        file
        --outer--
        """)
        #expect(m.shape == ["0 multipart/mixed", "1 multipart/alternative", "1.1 text/plain", "2 application/octet-stream"])
        #expect(m.part("1.1")?.decodedString == "inner text")
        #expect(m.part("2")?.decodedString == "file")
        #expect(m.part("1")!.defects.contains { $0.kind == .unterminatedMultipart })
    }

    @Test func boundaryThatPrefixesAnotherIsNotConfusedWithIt() {
        let m = parse("""
        Content-Type: multipart/mixed; boundary=b

        --b
        Content-Type: multipart/alternative; boundary=b-inner

        --b-inner

        one
        --b-inner--
        --b

        two
        --b--
        """)
        #expect(m.shape == ["0 multipart/mixed", "1 multipart/alternative", "1.1 text/plain", "2 text/plain"])
        #expect(m.part("1.1")?.decodedString == "one")
        #expect(m.part("2")?.decodedString == "two")
    }

    @Test func delimiterWithTrailingWhitespaceStillDelimits() {
        let m = parse("Content-Type: multipart/mixed; boundary=b\n\n--b  \n\none\n--b--\t\n")
        #expect(m.part("1")?.decodedString == "one")
        #expect(!m.hasDefect(.unterminatedMultipart))
    }

    @Test func boundaryFollowedByTextIsNotADelimiter() {
        let m = parse("Content-Type: multipart/mixed; boundary=b\n\n--b\n\none\n--b is not a delimiter\n--b--\n")
        #expect(m.part("1")?.decodedString == "one\r\n--b is not a delimiter")
    }

    @Test func missingBoundaryIsGuessedFromTheBody() {
        let m = parse("Content-Type: multipart/mixed\n\n--guess\nContent-Type: text/plain\n\none\n--guess\n\ntwo\n--guess--\n")
        #expect(m.shape == ["0 multipart/mixed", "1 text/plain", "2 text/plain"])
        #expect(m.hasDefect(.multipartWithoutBoundary))
        #expect(m.hasDefect(.boundaryGuessed))
    }

    @Test func wrongBoundaryIsGuessedFromTheBody() {
        let m = parse("Content-Type: multipart/mixed; boundary=declared\n\n--actual\n\none\n--actual--\n")
        #expect(m.shape == ["0 multipart/mixed", "1 text/plain"])
        #expect(m.part("1")?.decodedString == "one")
        #expect(m.hasDefect(.boundaryNotFound))
        #expect(m.hasDefect(.boundaryGuessed))
    }

    @Test func multipartWithNothingToSplitOnIsReadAsText() {
        let m = parse("Content-Type: multipart/mixed\n\njust some text\n")
        #expect(m.shape == ["1 text/plain"])
        #expect(m.root.decodedString == "just some text\r\n")
        #expect(m.hasDefect(.multipartWithoutBoundary))
    }

    @Test func emptyPartsAndPartsWithoutHeaders() {
        let m = parse("Content-Type: multipart/mixed; boundary=b\n\n--b\n--b\nno header here\n--b--\n")
        #expect(m.shape == ["0 multipart/mixed", "1 text/plain", "2 text/plain"])
        #expect(m.part("1")?.body.isEmpty == true)
        #expect(m.part("2")?.decodedString == "no header here")
    }

    @Test func digestChildrenDefaultToMessages() {
        let m = parse("Content-Type: multipart/digest; boundary=d\n\n--d\n\nSubject: inner\n\nbody\n--d--\n")
        #expect(m.shape == ["0 multipart/digest", "1 message/rfc822", "1.1 text/plain"])
        #expect(m.part("1")?.message?.subject == nil || m.part("1")?.message?.header["Subject"] == "inner")
    }

    @Test func lfOnlyMessagesParseTheSame() {
        let m = parse("Content-Type: multipart/mixed; boundary=b\n\n--b\n\none\n--b\n\ntwo\n--b--\n", lineEnding: "\n")
        #expect(m.part("1")?.decodedString == "one")
        #expect(m.part("2")?.decodedString == "two")
    }

    @Test func rawBytesAreKeptExactly() {
        let text = "Content-Type: multipart/mixed; boundary=b\n\n--b\nX: 1\n\none\n--b--\n"
        let m = parse(text)
        #expect(Array(m.raw) == crlf(text))
        #expect(String(decoding: m.part("1")!.raw, as: UTF8.self) == "X: 1\r\n\r\none")
    }
}

@Suite struct EncapsulatedMessages {
    @Test func forwardedMessageIsParsedAsANestedMessage() {
        let m = parse("""
        Subject: Fwd: application
        Content-Type: multipart/mixed; boundary=b

        --b
        Content-Type: text/plain

        See below.
        --b
        Content-Type: message/rfc822

        Subject: original
        Content-Type: multipart/mixed; boundary=c

        --c

        original text
        --c
        Content-Type: application/vnd.openxmlformats-officedocument.wordprocessingml.document; name=form.docx

        PK
        --c--
        --b--
        """)
        #expect(m.shape == ["0 multipart/mixed", "1 text/plain", "2 message/rfc822", "2.0 multipart/mixed", "2.1 text/plain",
                            "2.2 application/vnd.openxmlformats-officedocument.wordprocessingml.document"])
        #expect(m.part("2")?.message?.header["Subject"] == "original")
        #expect(m.part("2.1")?.decodedString == "original text")
        #expect(m.attachments.map(\.path) == ["2.2"])
    }

    @Test func forwardOfAForwardNestsTwice() {
        let m = parse("""
        Content-Type: message/rfc822

        Subject: level 1
        Content-Type: message/rfc822

        Subject: level 2

        deep text
        """)
        #expect(m.shape == ["1 message/rfc822", "1.1 message/rfc822", "1.1.1 text/plain"])
        #expect(m.part("1.1.1")?.decodedString == "deep text")
    }

    @Test func base64EncodedForwardIsDecodedAndParsed() {
        let inner = Array("Subject: inside\r\n\r\nhidden text".utf8)
        let encoded = String(decoding: Base64.encode(inner), as: UTF8.self)
        let m = parse("Content-Type: multipart/mixed; boundary=b\n\n--b\nContent-Type: message/rfc822\nContent-Transfer-Encoding: base64\n\n\(encoded)--b--\n")
        #expect(m.shape == ["0 multipart/mixed", "1 message/rfc822", "1.1 text/plain"])
        #expect(m.part("1.1")?.decodedString == "hidden text")
        #expect(m.hasDefect(.encodedContainer))
    }
}

@Suite struct HostileStructure {
    @Test func deepNestingStopsAtTheLimitAndKeepsTheRest() {
        var text = ""
        for i in 0..<200 { text += "Content-Type: multipart/mixed; boundary=b\(i)\n\n--b\(i)\n" }
        text += "\ninnermost\n"
        let m = parse(text, limits: Limits(maxDepth: 10))
        #expect(m.hasDefect(.nestingTooDeep))
        #expect(m.parts.count == 11)
        #expect(m.parts.last!.decodedString.contains("innermost"))
    }

    @Test func tenThousandDeepNestingDoesNotOverflowTheStack() {
        var text = ""
        for i in 0..<10_000 { text += "Content-Type: multipart/mixed; boundary=\(i)\n\n--\(i)\n" }
        let m = parse(text)
        #expect(m.hasDefect(.nestingTooDeep))
        #expect(m.parts.count == Limits.default.maxDepth + 1)
    }

    @Test func tooManyPartsAreCountedAndTheRestKeptRaw() {
        var text = "Content-Type: multipart/mixed; boundary=b\n\n"
        for i in 0..<500 { text += "--b\n\npart \(i)\n" }
        text += "--b--\nafter\n"
        let m = parse(text, limits: Limits(maxParts: 100))
        #expect(m.hasDefect(.tooManyParts))
        #expect(m.parts.count == 100)
        guard case .multipart(_, _, let epilogue) = m.root.content else { Issue.record("not multipart"); return }
        #expect(String(decoding: epilogue, as: UTF8.self) == "after\r\n")
    }

    @Test func messageOverTheSizeLimitIsParsedUpToIt() {
        let m = parse("Subject: big\n\n" + String(repeating: "x", count: 1000), limits: Limits(maxMessageBytes: 100))
        #expect(m.hasDefect(.messageTooLarge))
        #expect(m.raw.count == 1016)
    }

    @Test func emptyInputIsAnEmptyMessage() {
        let m = Message(bytes: [])
        #expect(m.shape == ["1 text/plain"])
        #expect(m.raw.isEmpty)
    }
}
