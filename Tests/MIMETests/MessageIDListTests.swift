import Testing
@testable import MIME

@Test func messageIDsAreReturnedWithoutBrackets() {
    let (ids, defects) = MessageIDList.parse("<CAF+abc.123@mail.gmail.com>")
    #expect(ids == ["CAF+abc.123@mail.gmail.com"])
    #expect(defects.isEmpty)
}

@Test func referencesKeepTheirOrderAcrossFolding() {
    let (ids, defects) = MessageIDList.parse("<a@x.kz>\r\n <b@y.ru>\t<c@z.com>")
    #expect(ids == ["a@x.kz", "b@y.ru", "c@z.com"])
    #expect(defects.isEmpty)
}

@Test func commentsAndCommasBetweenIDsAreSkippedQuietly() {
    let (ids, defects) = MessageIDList.parse("<a@x.kz> (reply to (nested) thread), <b@y.ru>")
    #expect(ids == ["a@x.kz", "b@y.ru"])
    #expect(defects.isEmpty)
}

@Test func bareIDWithoutBracketsIsAccepted() {
    let (ids, defects) = MessageIDList.parse("1234.5678@outlook.com <b@y.ru>")
    #expect(ids == ["1234.5678@outlook.com", "b@y.ru"])
    #expect(defects.isEmpty)
}

@Test func junkBetweenIDsIsSkippedWithDefect() {
    let (ids, defects) = MessageIDList.parse("<a@x.kz> Re: <b@y.ru> garbage")
    #expect(ids == ["a@x.kz", "b@y.ru"])
    #expect(defects.map(\.kind) == [.invalidMessageID, .invalidMessageID])
}

@Test func quotedLocalPartIsKeptVerbatim() {
    let (ids, _) = MessageIDList.parse(#"<"odd id>"@host.kz> <"x y"@h>"#)
    #expect(ids == [#""odd id>"@host.kz"#, #""x y"@h"#])
}

@Test func whitespaceFoldedIntoAnIDIsRemoved() {
    #expect(MessageIDList.parse("<very-long-id.\r\n 1234@mail.ru>").ids == ["very-long-id.1234@mail.ru"])
}

@Test func emptyAndUnterminatedIDsAreReported() {
    let (ids, defects) = MessageIDList.parse("<> <last@x.kz")
    #expect(ids == ["last@x.kz"])
    #expect(defects.map(\.kind) == [.invalidMessageID, .invalidMessageID])
}

@Test func messageIDWithoutAtInBracketsIsAccepted() {
    #expect(MessageIDList.parse("<20240321100500.GA1234>").ids == ["20240321100500.GA1234"])
}

@Test func hostileMessageIDInputNeverCrashes() {
    for input in ["", "<", ">", "<<>>", "\"", "<\"", "(", "((", "@", "\\", "<a\\", String(repeating: "<", count: 5000)] {
        _ = MessageIDList.parse(input)
    }
    #expect(MessageIDList.parse("").ids.isEmpty)
}

@Test func unbalancedQuoteDoesNotSwallowLaterIDs() {
    let (ids, defects) = MessageIDList.parse(#"<"abc@x> <def@y>"#)
    #expect(ids == [#""abc@x"#, "def@y"])
    #expect(defects.map(\.kind) == [.invalidMessageID])
}
