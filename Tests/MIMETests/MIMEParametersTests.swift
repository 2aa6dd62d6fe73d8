import Testing
@testable import MIME

@Suite struct ContentTypes {
    @Test func parsesTypeSubtypeAndParameters() {
        let (ct, defects) = ContentType.parse("Text/Plain; charset=\"UTF-8\"; format=flowed")
        #expect(ct?.mimeType == "text/plain")
        #expect(ct?.charset == "UTF-8")
        #expect(ct?.parameters["FORMAT"] == "flowed")
        #expect(defects.isEmpty)
    }

    @Test func garbageGivesNilAndADefect() {
        let (ct, defects) = ContentType.parse("garbage")
        #expect(ct == nil)
        #expect(defects.map(\.kind) == [.invalidContentType])
    }

    @Test func quotedValuesKeepSemicolonsAndEscapes() {
        let (ct, _) = ContentType.parse(#"application/pdf; name="a;b \"c\".pdf""#)
        #expect(ct?.parameters["name"] == #"a;b "c".pdf"#)
    }

    @Test func unquotedFileNameWithSpacesIsReadToTheSemicolon() {
        let (ct, _) = ContentType.parse("application/pdf; name=My Form.pdf; x=y")
        #expect(ct?.parameters["name"] == "My Form.pdf")
    }
}

@Suite struct RFC2231Parameters {
    func parameters(_ s: String) -> MIMEParameters { MIMEParameters.parse(Substring(s)).parameters }

    @Test func charsetAndLanguage() {
        let p = parameters("filename*=UTF-8'kk'%D3%A9%D1%82%D1%96%D0%BD%D1%96%D1%88.docx")
        #expect(p["filename"] == "өтініш.docx")
        #expect(p.parameters.first?.language == "kk")
    }

    @Test func continuationsAreJoinedInOrder() {
        let p = parameters("filename*1*=%D0%B0.pdf; filename*0*=utf-8''%D0%90%D0%BD%D0%BA%D0%B5%D1%82")
        #expect(p["filename"] == "Анкета.pdf")
    }

    @Test func plainContinuationsMixWithEncodedOnes() {
        let p = parameters("name*0=\"Long \"; name*1=\"file name\"; name*2*=%21")
        #expect(p["name"] == "Long file name!")
    }

    @Test func windows1251Charset() {
        #expect(parameters("filename*=windows-1251''%C7%E0%FF%E2%EA%E0.txt")["filename"] == "Заявка.txt")
    }

    @Test func rfc2231WinsOverThePlainFallback() {
        let p = parameters("filename=\"fallback.docx\"; filename*=UTF-8''%D3%A9.docx")
        #expect(p["filename"] == "ө.docx")
    }

    @Test func missingSectionIsADefect() {
        let (p, defects) = MIMEParameters.parse("name*0=a; name*2=c")
        #expect(p["name"] == "ac")
        #expect(defects.map(\.kind) == [.invalidParameter])
    }

    @Test func tooManySectionsAreBounded() {
        let text = (0..<5000).map { "n*\($0)=x" }.joined(separator: "; ")
        let (p, defects) = MIMEParameters.parse(Substring(text), maxSegments: 100)
        #expect(p["n"]?.count == 100)
        #expect(defects.contains { $0.kind == .invalidParameter })
    }

    @Test func encodedWordsInsideQuotesAreDecoded() {
        #expect(parameters("filename=\"=?UTF-8?B?0JDQvdC60LXRgtCwLmRvY3g=?=\"")["filename"] == "Анкета.docx")
    }
}
