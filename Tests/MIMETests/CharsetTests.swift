import Testing
@testable import MIME
@Test func placeholder() { #expect(Charset.canonicalName("win-1251") == "CP1251") }
