import Testing
@testable import MIME

@Test func authenticationResultsGiveEachMethodsVerdictWithCommentsIgnored() throws {
    let parsed = try #require(AuthenticationResults.parse("""
        mx.mki.gov.kz; spf=pass (sender IP is 95.163.41.79) smtp.mailfrom=mail.ru;
         dkim=pass (2048-bit key) header.d=mail.ru header.s=mail4; dmarc=fail (p=REJECT) header.from=mail.ru
        """))
    #expect(parsed.authservID == "mx.mki.gov.kz")
    #expect(parsed.result(of: "spf") == "pass")
    #expect(parsed.result(of: "dkim") == "pass")
    #expect(parsed.result(of: "dmarc") == "fail")
    #expect(parsed.results.last?.properties["header.from"] == "mail.ru")
    #expect(AuthenticationResults.parse("mx.mki.gov.kz 1; none")?.results.isEmpty == true)
    #expect(AuthenticationResults.parse("") == nil)
}

@Test func onlyOurOwnServersStampIsTrustedAndTheTopmostWins() {
    let text = """
        Authentication-Results: mx.mki.gov.kz; dmarc=fail header.from=gov.kz\r
        Authentication-Results: mx.mki.gov.kz; dmarc=pass header.from=gov.kz\r
        Authentication-Results: forged.example; dmarc=pass\r
        From: a@gov.kz\r
        \r
        x\r

        """
    let message = Message(bytes: Array(text.utf8))
    #expect(message.authenticationResults(trusting: "MX.mki.gov.kz")?.result(of: "dmarc") == "fail")
    #expect(message.authenticationResults(trusting: "other.kz") == nil)
}
