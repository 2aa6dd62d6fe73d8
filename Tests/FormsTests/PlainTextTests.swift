import Testing
@testable import Forms

@Test func plainTextOneParagraphPerLineKeepingBlankLines() {
    let doc = PlainText.document("Сәлеметсіз бе!\r\n\r\nӨтініш береміз.\rТ.А.Ә.: Иванов\tИван\n")
    #expect(doc.paragraphs.map(\.text) == ["Сәлеметсіз бе!", "", "Өтініш береміз.", "Т.А.Ә.: Иванов\tИван"])
    #expect(doc.blocks.count == 4)
}

@Test func plainTextPipeTableBecomesATable() throws {
    let doc = PlainText.document("""
        Анкета волонтера
        | ФИО | Сидоров Сидор |
        |-----|---------------|
        | ИИН | 900101300123 |
        Спасибо
        """)
    let t = try #require(ReaderFixtures.table(doc))
    #expect(t.rows.map { $0.cells.map(\.text) } == [["ФИО", "Сидоров Сидор"], ["ИИН", "900101300123"]])
    #expect(doc.paragraphs.first?.text == "Анкета волонтера")
    #expect(doc.paragraphs.last?.text == "Спасибо")
}

@Test func plainTextTabSeparatedLabelsAndValuesBecomeATable() throws {
    let doc = PlainText.document("Т.А.Ә.\tАхметов Бауыржан\nЖСН\t900101300123\nТуған жылы\t1990\n\nжалғыз\tжол")
    let t = try #require(ReaderFixtures.table(doc))
    #expect(t.rows.count == 3)
    #expect(t.rows[1].cells.map(\.text) == ["ЖСН", "900101300123"])
    #expect(ReaderFixtures.table(doc, 1) == nil)  // a single tabbed line is just a line
    #expect(doc.paragraphs.last?.text == "жалғыз\tжол")
}

@Test func plainTextEmptyIsEmpty() {
    #expect(PlainText.document("").blocks.isEmpty)
}
