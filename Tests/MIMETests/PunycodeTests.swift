import Testing
@testable import MIME

@Test func punycodeEncodesRFC3492Samples() {
    #expect(Punycode.encode("bücher") == "bcher-kva")
    // RFC 3492 §7.1 (B), Russian; the sample shows mixed case, which encoding does not produce.
    #expect(Punycode.encode("почемужеонинеговорятпорусски") == "b1abfaaepdrnnbgefbadotcwatmq2g4l")
    #expect(Punycode.encode("қаз") == "80ao21a")
    #expect(Punycode.encode("abc") == "abc-")
}

@Test func punycodeDecodesRFC3492SamplesInAnyCase() {
    #expect(Punycode.decode("b1abfaaepdrnnbgefbaDotcwatmq2g4l") == "почемужеонинеговорятпорусски")
    #expect(Punycode.decode("bcher-kva") == "bücher")
    #expect(Punycode.decode("e1adpz5by9a") == "қызмет")
}

@Test func punycodeRejectsGarbage() {
    #expect(Punycode.decode("99999999999999") == nil)
    #expect(Punycode.decode("a-!") == nil)
    #expect(Punycode.decode("ü") == nil)
    #expect(Punycode.encode(String(repeating: "ә", count: 5000)) == nil)
}

@Test func domainToASCIIWorksLabelByLabelAndLowercases() {
    #expect(Punycode.toASCII(domain: "мки.қаз") == "xn--h1adf.xn--80ao21a")
    #expect(Punycode.toASCII(domain: "МКИ.ҚАЗ") == "xn--h1adf.xn--80ao21a")
    #expect(Punycode.toASCII(domain: "Mail.RU") == "mail.ru")
    #expect(Punycode.toASCII(domain: "мки。қаз") == "xn--h1adf.xn--80ao21a")
}

@Test func domainToUnicodeDecodesOnlyValidACELabels() {
    #expect(Punycode.toUnicode(domain: "xn--h1adf.XN--80ao21a") == "мки.қаз")
    #expect(Punycode.toUnicode(domain: "mki.gov.kz") == "mki.gov.kz")
    // Decodes to plain ASCII: not a real IDN label, so shown as written.
    #expect(Punycode.toUnicode(domain: "xn--abc-.kz") == "xn--abc-.kz")
    #expect(Punycode.toUnicode(domain: "xn--!!.kz") == "xn--!!.kz")
}

@Test func punycodeRoundTripsKazakhLabels() {
    for label in ["мәдениет", "ақпарат", "министрлігі", "қазақстан", "өтініш", "ұлттық", "үкімет", "һ", "ғылым"] {
        let encoded = Punycode.encode(label)
        #expect(encoded != nil)
        #expect(encoded.flatMap(Punycode.decode) == label)
    }
}
