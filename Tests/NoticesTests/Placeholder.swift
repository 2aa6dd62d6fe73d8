import Testing

@Test func placeholderNotices() { #expect(Bool(true)) }
