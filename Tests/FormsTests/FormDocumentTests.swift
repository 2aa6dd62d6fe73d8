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
