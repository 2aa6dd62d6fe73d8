import Testing

@Test func placeholderMailbox() { #expect(Bool(true)) }
