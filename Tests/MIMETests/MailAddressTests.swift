import Testing
@testable import MIME

@Test func plainAddressIsLocalAtDomainAsWritten() {
    let mailbox = MailAddress(name: "Айгүл", localPart: "Aigul.Bekova+vr", domain: "Mail.RU")
    #expect(mailbox.address == "Aigul.Bekova+vr@Mail.RU")
    #expect(mailbox.asciiAddress == "Aigul.Bekova+vr@Mail.RU")
}

@Test func punycodedDomainIsShownInUnicodeButKeptASCIIForSMTP() {
    let mailbox = MailAddress(localPart: "volunteer", domain: "xn--h1adf.XN--80ao21a")
    #expect(mailbox.address == "volunteer@мки.қаз")
    #expect(mailbox.asciiAddress == "volunteer@xn--h1adf.XN--80ao21a")
}

@Test func unicodeDomainIsPunycodedForSMTP() {
    let mailbox = MailAddress(localPart: "volunteer", domain: "Мки.Қаз")
    #expect(mailbox.address == "volunteer@Мки.Қаз")
    #expect(mailbox.asciiAddress == "volunteer@xn--h1adf.xn--80ao21a")
}

@Test func localPartThatIsNotADotAtomIsQuoted() {
    #expect(MailAddress(localPart: "ivan petrov", domain: "x.kz").address == #""ivan petrov"@x.kz"#)
    #expect(MailAddress(localPart: #"a"b\c"#, domain: "x.kz").address == #""a\"b\\c"@x.kz"#)
    #expect(MailAddress(localPart: ".lead", domain: "x.kz").address == #"".lead"@x.kz"#)
    #expect(MailAddress(localPart: "a..b", domain: "x.kz").address == #""a..b"@x.kz"#)
    #expect(MailAddress(localPart: "o'brien+tag", domain: "x.kz").address == "o'brien+tag@x.kz")
    #expect(MailAddress(localPart: "әлия", domain: "x.kz").address == "әлия@x.kz")
}

@Test func domainLiteralIsNeverConverted() {
    let mailbox = MailAddress(localPart: "root", domain: "[IPv6:::1]")
    #expect(mailbox.address == "root@[IPv6:::1]")
    #expect(mailbox.asciiAddress == "root@[IPv6:::1]")
}

@Test func mailboxesCompareByAllFields() {
    let a = MailAddress(name: "A", localPart: "x", domain: "y.kz")
    #expect(a == MailAddress(name: "A", localPart: "x", domain: "y.kz"))
    #expect(a != MailAddress(name: nil, localPart: "x", domain: "y.kz"))
    #expect(Set([a, a]).count == 1)
}
