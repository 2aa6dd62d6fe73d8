@testable import Mailbox
import TestRig
import Testing

/// Reading what libcurl hands back for custom IMAP commands, and mail server URLs.
@Suite struct IMAPReplyTests {
    @Test func searchRepliesGiveTheirUIDs() {
        #expect(IMAPReply.searchedUIDs(Array("* SEARCH 4 7 12\r\n".utf8)) == [4, 7, 12])
        #expect(IMAPReply.searchedUIDs(Array("* SEARCH\r\n".utf8)) == [])
        #expect(IMAPReply.searchedUIDs(Array("* SEARCH 3 (MODSEQ 917)\r\n".utf8)) == [3])
        #expect(IMAPReply.searchedUIDs(Array("* OK nothing\r\n".utf8)) == nil)
    }

    @Test func statusRepliesGiveUIDValidityWhateverTheOrderOrQuoting() {
        #expect(IMAPReply.uidValidity(Array("* STATUS INBOX (UIDNEXT 2 UIDVALIDITY 1795293472)\r\n".utf8)) == 1_795_293_472)
        #expect(IMAPReply.uidValidity(Array("* STATUS \"Входящие (new)\" (UIDVALIDITY 5 UIDNEXT 9)\r\n".utf8)) == 5)
        #expect(IMAPReply.uidValidity(Array("* STATUS INBOX (UIDNEXT 2)\r\n".utf8)) == nil)
    }

    @Test func folderNamesAreQuotedWithBackslashEscapes() {
        #expect(IMAPReply.quoted("Done") == "\"Done\"")
        #expect(IMAPReply.quoted("a\"b\\c") == "\"a\\\"b\\\\c\"")
    }

    @Test func theRefusalIsTheReplyThatFailedNotTheGoodbye() {
        let smtp = ["250 OK", "550-5.1.1 first line", "550 5.1.1 <x@y>: Recipient address rejected", "221 Bye"]
        #expect(CurlTransfer.refusal(in: smtp, responseCode: 550) == "550 5.1.1 <x@y>: Recipient address rejected")
        let imap = ["A002 NO [AUTHENTICATIONFAILED] Authentication failed.", "* BYE Logging out", "A003 OK Logout completed."]
        #expect(CurlTransfer.refusal(in: imap, responseCode: 0) == "A002 NO [AUTHENTICATIONFAILED] Authentication failed.")
        #expect(CurlTransfer.refusal(in: [], responseCode: 0) == "")
    }

    @Test func mailURLsAreTakenApart() throws {
        let url = try MailURL("imaps://mail.example.kz:993/Applications%20Kz", schemes: ["imap", "imaps"])
        #expect(url.scheme == "imaps")
        #expect(url.authority == "mail.example.kz:993")
        #expect(url.host == "mail.example.kz")
        #expect(url.path == "Applications Kz")
        #expect(!url.isLoopback)
        let loopback = try MailURL("SMTP://[::1]:2525", schemes: ["smtp"])
        #expect(loopback.host == "::1" && loopback.isLoopback && loopback.path.isEmpty)
        #expect(MailURL.percentEncoded("Done/2027 Ä") == "Done%2F2027%20%C3%84")
    }
}
