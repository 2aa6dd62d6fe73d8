import Testing
@testable import Forms

@Test func plainTextPutsCellsOnOneLineSeparatedByTabs() {
    let doc = FormDocument(blocks: [
        .paragraph(Paragraph("Волонтер сауалнамасы")),
        .table(Table(rows: [Table.Row(cells: [Table.Cell("ЖСН"), Table.Cell("900101300123")])])),
    ])
    #expect(doc.plainText == "Волонтер сауалнамасы\nЖСН\t900101300123")
    #expect(doc.paragraphs.map(\.text) == ["Волонтер сауалнамасы", "ЖСН", "900101300123"])
}

@Test func underlinedRunsAreTheChosenWords() {
    let p = Paragraph(runs: [.init("волонтер / "), .init("волонтерлер тобы", underlined: true), .init(" / үйлестіруші")])
    #expect(p.text == "волонтер / волонтерлер тобы / үйлестіруші")
    #expect(p.underlinedText == ["волонтерлер тобы"])
}

/// Text is NFC from the moment a document exists: a Mac writes "й" as "и" + U+0306, and every
/// rule after this compares words by their scalars.
@Test func aDocumentHoldsItsTextComposed() {
    let decomposed = "Т.А.Ә.: Вадим Андре\u{0438}\u{0306}"
    let doc = FormDocument(blocks: [
        .paragraph(Paragraph(decomposed)),
        .table(Table(rows: [Table.Row(cells: [Table.Cell("Аты-жөні"), Table.Cell("Андре\u{0438}\u{0306}")])])),
    ])
    #expect(!doc.plainText.unicodeScalars.contains("\u{0306}"))
    #expect(doc.plainText.unicodeScalars.contains("й"))
    let form = FieldExtractor.extract(PlainText.document("Аты-жөні: Андре\u{0438}\u{0306} Вадим"))
    #expect(form.values[.fullName]?.unicodeScalars.elementsEqual("Андрей Вадим".unicodeScalars) == true)
}
