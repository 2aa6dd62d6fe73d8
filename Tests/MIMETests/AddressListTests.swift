import Testing
@testable import MIME

private func addresses(_ value: String) -> [String] {
    AddressList.parse(value).mailboxes.map(\.address)
}

private func names(_ value: String) -> [String?] {
    AddressList.parse(value).mailboxes.map(\.name)
}

@Test func nameAndAngleAddress() {
    let (mailboxes, groups, defects) = AddressList.parse("Aigul Bekova <aigul.bekova+volunteer@mail.ru>")
    #expect(mailboxes == [MailAddress(name: "Aigul Bekova", localPart: "aigul.bekova+volunteer", domain: "mail.ru")])
    #expect(groups.isEmpty)
    #expect(defects.isEmpty)
}

@Test func bareAddressesSeparatedByCommas() {
    let (mailboxes, _, defects) = AddressList.parse("a@b.kz, ivan.petrov@yandex.ru ,x_y-z@gov.kz")
    #expect(mailboxes.map(\.address) == ["a@b.kz", "ivan.petrov@yandex.ru", "x_y-z@gov.kz"])
    #expect(mailboxes.allSatisfy { $0.name == nil })
    #expect(defects.isEmpty)
}

@Test func quotedNameWithCommaAndEscapedQuotes() {
    #expect(names(#""Иванов, Иван" <i@mail.ru>, "ТОО \"Болашақ\"" <info@bolashak.kz>"#)
        == ["Иванов, Иван", "ТОО \"Болашақ\""])
    #expect(addresses(#""Иванов, Иван" <i@mail.ru>, "ТОО \"Болашақ\"" <info@bolashak.kz>"#)
        == ["i@mail.ru", "info@bolashak.kz"])
}

@Test func commentIsUsedAsNameWhenThereIsNoOther() {
    let (mailboxes, _, defects) = AddressList.parse("ivan@mail.ru (Иван Петров), Anna <anna@mail.ru> (work)")
    #expect(mailboxes.map(\.name) == ["Иван Петров", "Anna"])
    #expect(defects.isEmpty)
}

@Test func nestedCommentsAreSkippedAsOneComment() {
    let (mailboxes, _, _) = AddressList.parse("ivan (Ivan (the (third)) Petrov) @ mail.ru")
    #expect(mailboxes.map(\.address) == ["ivan@mail.ru"])
    #expect(mailboxes.first?.name == "Ivan (the (third)) Petrov")
}

@Test func emptyGroupIsAGroupWithoutMembers() {
    let (mailboxes, groups, defects) = AddressList.parse("Undisclosed recipients:;")
    #expect(mailboxes.isEmpty)
    #expect(groups == [AddressGroup(name: "Undisclosed recipients", members: [])])
    #expect(defects.isEmpty)
}

@Test func groupMembersAreAlsoListedAsMailboxesInOrder() {
    let (mailboxes, groups, defects) = AddressList.parse("first@x.kz, team: a@b.kz, C <c@d.kz>;, last@x.kz")
    #expect(mailboxes.map(\.address) == ["first@x.kz", "a@b.kz", "c@d.kz", "last@x.kz"])
    #expect(groups.count == 1)
    #expect(groups.first?.name == "team")
    #expect(groups.first?.members.map(\.address) == ["a@b.kz", "c@d.kz"])
    #expect(defects.isEmpty)
}

@Test func unterminatedGroupIsClosedWithDefect() {
    let (mailboxes, groups, defects) = AddressList.parse("undisclosed-recipients:")
    #expect(mailboxes.isEmpty)
    #expect(groups.map(\.name) == ["undisclosed-recipients"])
    #expect(defects.map(\.kind) == [.invalidAddress])
}

@Test func obsoleteRouteIsDropped() {
    let (mailboxes, _, defects) = AddressList.parse("Ivan <@relay1.kz,@relay2.kz:ivan@mail.ru>, b@c.kz")
    #expect(mailboxes.map(\.address) == ["ivan@mail.ru", "b@c.kz"])
    #expect(mailboxes.first?.name == "Ivan")
    #expect(defects.isEmpty)
}

@Test func missingClosingBracketIsToleratedWithDefect() {
    let (mailboxes, _, defects) = AddressList.parse("Ivan <ivan@mail.ru, Anna <anna@mail.ru>")
    #expect(mailboxes.map(\.address) == ["ivan@mail.ru", "anna@mail.ru"])
    #expect(mailboxes.map(\.name) == ["Ivan", "Anna"])
    #expect(defects.map(\.kind) == [.invalidAddress])
}

@Test func encodedWordsInNamesAreDecoded() {
    let value = "=?UTF-8?B?0JjQstCw0L3QvtCyLCDQmNCy0LDQvQ==?= <i@mail.ru>, =?windows-1251?B?z/Do4uXy?= =?utf-8?q?_=D0=BC=D0=B8=D1=80?= <p@x.kz>"
    #expect(names(value) == ["Иванов, Иван", "Привет мир"])
}

@Test func encodedWordInsideQuotesIsDecodedLikeOutlookExpects() {
    let (mailboxes, _, _) = AddressList.parse(#""=?utf-8?B?0prQsNC30LDSm9GB0YLQsNC9?=" <kz@gov.kz>"#)
    #expect(mailboxes.first?.name == "Қазақстан")
}

@Test func qEncodedWordWithCommaIsOneName() {
    #expect(names("=?utf-8?Q?Ivanov,_Ivan?= <i@x.kz>") == ["Ivanov, Ivan"])
}

@Test func rawUTF8NamesAreKept() {
    #expect(names("Әлия Сәрсенбаева <aliya@mail.kz>") == ["Әлия Сәрсенбаева"])
}

@Test func unquotedSurnameCommaNameIsMergedWithDefect() {
    let (mailboxes, _, defects) = AddressList.parse("Иванов, Иван <ivan@mail.ru>, b@c.kz")
    #expect(mailboxes.map(\.name) == ["Иванов, Иван", nil])
    #expect(mailboxes.map(\.address) == ["ivan@mail.ru", "b@c.kz"])
    #expect(defects.map(\.kind) == [.invalidAddress])
}

@Test func emptyEntriesAreSkippedQuietly() {
    let (mailboxes, _, defects) = AddressList.parse("a@b.kz,,c@d.kz, ,")
    #expect(mailboxes.map(\.address) == ["a@b.kz", "c@d.kz"])
    #expect(defects.isEmpty)
}

@Test func trailingJunkAfterAngleAddressIsADefect() {
    let (mailboxes, _, defects) = AddressList.parse("Ivan <ivan@mail.ru> junk here")
    #expect(mailboxes.map(\.address) == ["ivan@mail.ru"])
    #expect(defects.map(\.kind) == [.invalidAddress])
}

@Test func domainLiteralIsKeptWithBrackets() {
    let (mailboxes, _, defects) = AddressList.parse("root@[192.168.0.1]")
    #expect(mailboxes.first?.domain == "[192.168.0.1]")
    #expect(mailboxes.first?.asciiAddress == "root@[192.168.0.1]")
    #expect(defects.isEmpty)
}

@Test func punycodedDomainIsShownInUnicodeAndSentInASCII() {
    let mailbox = AddressList.parse("Volunteer <volunteer@xn--h1adf.xn--80ao21a>").mailboxes.first
    #expect(mailbox?.address == "volunteer@мки.қаз")
    #expect(mailbox?.asciiAddress == "volunteer@xn--h1adf.xn--80ao21a")
}

@Test func unicodeDomainIsEncodedForSMTP() {
    let mailbox = AddressList.parse("Өтініш <otinish@мки.қаз>").mailboxes.first
    #expect(mailbox?.address == "otinish@мки.қаз")
    #expect(mailbox?.asciiAddress == "otinish@xn--h1adf.xn--80ao21a")
    #expect(mailbox?.name == "Өтініш")
}

@Test func quotedLocalPartIsUnquotedAndRequotedInAddress() {
    let mailbox = AddressList.parse(#""ivan \"the\" petrov"@mail.ru"#).mailboxes.first
    #expect(mailbox?.localPart == #"ivan "the" petrov"#)
    #expect(mailbox?.address == #""ivan \"the\" petrov"@mail.ru"#)
}

@Test func nameWithoutAngleBracketsBeforeBareAddressIsKeptWithDefect() {
    let (mailboxes, _, defects) = AddressList.parse("Ivan Petrov ivan@mail.ru")
    #expect(mailboxes == [MailAddress(name: "Ivan Petrov", localPart: "ivan", domain: "mail.ru")])
    #expect(defects.map(\.kind) == [.invalidAddress])
}

@Test func semicolonSeparatorOutsideGroupIsTolerated() {
    let (mailboxes, groups, defects) = AddressList.parse("a@b.kz; c@d.kz")
    #expect(mailboxes.map(\.address) == ["a@b.kz", "c@d.kz"])
    #expect(groups.isEmpty)
    #expect(defects.map(\.kind) == [.invalidAddress])
}

@Test func entriesWithoutAnAddressAreDroppedWithDefects() {
    let (mailboxes, _, defects) = AddressList.parse("Ivan Petrov, <>, @mail.ru, ivan@, good@x.kz")
    #expect(mailboxes.map(\.address) == ["good@x.kz"])
    #expect(defects.count == 4)
    #expect(defects.allSatisfy { $0.kind == .invalidAddress })
}

@Test func unterminatedDomainLiteralIsInvalid() {
    let (mailboxes, _, defects) = AddressList.parse("x@[10.0.0.1, y@[]")
    #expect(mailboxes.isEmpty)
    #expect(defects.allSatisfy { $0.kind == .invalidAddress } && defects.count >= 2)
}

@Test func onlyTheNameRightBeforeAnAddressIsMergedIntoIt() {
    let (mailboxes, _, defects) = AddressList.parse("Stray, Иванов, Иван <ivan@mail.ru>")
    #expect(mailboxes.map(\.name) == ["Иванов, Иван"])
    #expect(defects.count == 2)
}

@Test func mailtoInsideBracketsIsStripped() {
    #expect(addresses("<mailto:ivan@mail.ru>") == ["ivan@mail.ru"])
}

@Test func atSignInDisplayNameIsKept() {
    let (mailboxes, _, _) = AddressList.parse("ivan@mail.ru <ivan@mail.ru>")
    #expect(mailboxes.first?.name == "ivan@mail.ru")
    #expect(mailboxes.first?.address == "ivan@mail.ru")
}

@Test func obsoleteDottedPhraseKeepsDots() {
    #expect(names("John Q. Public <jqp@x.kz>") == ["John Q. Public"])
}

@Test func hostileInputNeverCrashes() {
    let inputs = ["", ",", "<", ">", "<<<>>>", "\"", "(", "((((", "[", ":", ";", "@", "@@@", "a@b@c",
                  "\\", "\"\\", "=?", "=?utf-8?q?", "a:b:c;;", "<@", "<@a,", "x@[", "\u{0}@\u{1}",
                  String(repeating: "(", count: 10_000), String(repeating: "a@b,", count: 2_000)]
    for input in inputs {
        _ = AddressList.parse(input)
    }
    #expect(AddressList.parse(String(repeating: "a@b.kz,", count: 2_000)).mailboxes.count == 2_000)
}

@Test func hostileHeadersAreReadToTheEndWithDefects() {
    // Patterns that make a naive scanner quadratic, at 256 KiB, the longest field the parser keeps.
    // (Their cost is measured in Benchmarks/, not timed here.)
    let words = AddressList.parse(String(repeating: "=?a?q?", count: 45_000))
    #expect(words.mailboxes.isEmpty)
    #expect(!words.defects.isEmpty)
    let names = AddressList.parse(String(repeating: "Ivan, ", count: 45_000))
    #expect(names.mailboxes.isEmpty)
    #expect(!names.defects.isEmpty)
    let routes = AddressList.parse(String(repeating: "@:", count: 130_000))
    #expect(routes.mailboxes.isEmpty)
    #expect(!routes.defects.isEmpty)
    let unclosed = EncodedWord.decode(String(repeating: "=?a?q?", count: 45_000))
    #expect(unclosed.text.hasPrefix("=?a?q?"))
    let quotes = MessageIDList.parse(String(repeating: "<\"", count: 130_000))
    #expect(!quotes.defects.isEmpty)
}
