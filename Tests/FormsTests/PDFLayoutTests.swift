import Foundation
import Testing
import TestRig
@testable import Forms

// A PDF's geometry (tizilim-pdftext's words, lines and fills) made into paragraphs and tables:
// label and value told apart by where they stand, choices by the lines drawn under them.

private let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("Fixtures").appendingPathComponent("pdf-layout")

private func read(_ name: String) throws -> FormDocument {
    try PDFText.read(Array(Data(contentsOf: fixtures.appendingPathComponent(name)))).get()
}

/// Rows of the document's tables, as their cells' texts.
private func rows(_ document: FormDocument) -> [[String]] {
    document.blocks.flatMap { block -> [[String]] in
        guard case .table(let t) = block else { return [] }
        return t.rows.map { $0.cells.map(\.text) }
    }
}

private let members = ["Ким Андрей Викторович", "Жумабаев Игорь Викторович", "Смирнова Наталья Андреевна"]

@Test func aTableWithBordersKeepsEachLabelAndItsValueInTheirOwnCells() throws {
    let document = try read("ruled.pdf")
    let table = rows(document)
    // The label wraps to two lines and so does the value: each stays whole in its own cell.
    #expect(table.contains(["Ф.И.О. руководителя группы волонтеров (при его наличии)", "Морозов Тимур Болатович"]))
    #expect(table.contains(["Опыт волонтерской деятельности руководителя группы волонтеров",
                            "2 года, волонтер фонда «Жан шуағы», помощь пожилым людям и детям в больницах города"]))
    let form = FieldExtractor.extract(document)
    #expect(form.values[.fullName] == "Морозов Тимур Болатович")
    #expect(form.values[.iin] == "900910350017")
    #expect(form.members == members)
}

@Test func optionsUnderlinedEmboldenedOrHighlightedInAPDFAreTheChosenOnesAndSoIsTheUnderlinedKind() throws {
    let document = try read("ruled.pdf")
    #expect(document.showsFormatting)
    let form = FieldExtractor.extract(document)
    #expect(form.activityTypes == [2, 7, 11])
    #expect(form.roles == [2, 5])
    #expect(form.availability == [3])
    #expect(form.markedKinds == [.group])
    #expect(form.values[.instagram] == "@timur_kz")
}

@Test func aTableWithoutBordersIsToldApartByTheGapBetweenItsColumns() throws {
    let document = try read("borderless.pdf")
    let form = FieldExtractor.extract(document)
    #expect(form.values[.fullName] == "Морозов Тимур Болатович")
    #expect(form.values[.experience] == "2 года, волонтер фонда «Жан шуағы», помощь пожилым людям и детям в больницах города")
    #expect(form.members == members)
    #expect(form.activityTypes == [2, 7, 11])
}

// MARK: geometry alone

private func word(_ text: String, _ x0: Double, _ y0: Double, bold: Bool = false) -> PDFLayout.Word {
    PDFLayout.Word(x0: x0, y0: y0, x1: x0 + Double(text.count) * 6, y1: y0 + 14, bold: bold, coloured: false, size: 12, text: text)
}

private func box(_ x0: Double, _ y0: Double, _ x1: Double, _ y1: Double) -> PDFLayout.Box {
    PDFLayout.Box(x0: x0, y0: y0, x1: x1, y1: y1)
}

@Test func aLineUnderAWordUnderlinesItButATableBorderUnderACellDoesNot() {
    var page = PDFLayout.Page()
    // A two-cell table from y 100 to 120 whose text sits right on its bottom border...
    page.words = [word("ИИН", 60, 104), word("900910350017", 210, 104),
                  // ...and below it a sentence with one word underlined.
                  word("(волонтер,", 60, 140), word("группа", 130, 140)]
    page.rules = [box(56, 100, 400, 100), box(56, 119, 400, 119), box(56, 100, 56, 119), box(200, 100, 200, 119),
                  box(400, 100, 400, 119), box(62, 151, 115, 151)]
    let blocks = PDFLayout.blocks(of: page)
    guard blocks.count == 2, case .table(let table) = blocks[0], case .paragraph(let p) = blocks[1] else {
        Issue.record("expected a table and a paragraph, got \(blocks)"); return
    }
    #expect(table.rows.map { $0.cells.map(\.text) } == [["ИИН", "900910350017"]])
    #expect(table.rows[0].cells.allSatisfy { cell in cell.blocks.allSatisfy { b in
        if case .paragraph(let p) = b { return p.underlinedText.isEmpty } else { return false } } })
    #expect(p.underlinedText == ["(волонтер,"])
}

@Test func aWrappedLineJoinsItsParagraphButAShortLineEndsIt() {
    var page = PDFLayout.Page()
    // Right edge 300: the first line runs to it (a wrap); the second stops short (a break).
    page.words = [word("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", 60, 100), word("bbbb", 60, 115), word("cccc", 60, 130)]
    let blocks = PDFLayout.blocks(of: page)
    #expect(blocks.map { b -> String in if case .paragraph(let p) = b { return p.text } else { return "table" } }
            == ["aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa bbbb", "cccc"])
}

@Test func boldWordsStayBoldAndTheSpaceBetweenThemToo() {
    let p = PDFLayout.paragraph([word("3)", 60, 100, bold: true), word("менеджер", 80, 100, bold: true), word("x", 200, 100)])
    #expect(p.runs.map(\.text) == ["3) менеджер", " x"])
    #expect(p.runs.map(\.bold) == [true, false])
}

@Test func recordsThatAreNotGeometryAreNotTakenForIt() {
    #expect(PDFLayout.pages("Анкета волонтера\nИИН 900910350017\n") == nil)
    #expect(PDFLayout.pages("P\t1\t595\t842\nW\t1\t2\t3\t4\tb\t12\tслово\n")?.first?.words.first?.bold == true)
}

@Test func aLineTallBandBehindWordsHighlightsThemButAShadedBoxDoesNot() {
    var page = PDFLayout.Page()
    page.words = [word("6)", 60, 100), word("спорт", 80, 100), word("7)", 60, 200), word("туризм", 80, 200)]
    page.fills = [box(58, 99, 120, 115), box(50, 180, 300, 260)]
    let runs = PDFLayout.blocks(of: page).compactMap { b -> [Paragraph.Run]? in if case .paragraph(let p) = b { return p.runs } else { return nil } }
    #expect(runs.map { $0.map(\.highlighted) } == [[true], [false]])
    #expect(PDFLayout.document([page]).showsFormatting)
}

@Test func colouredWordsSayTheFormattingIsNotAllVisible() {
    var page = PDFLayout.Page()
    page.words = [word("6)", 60, 100), word("спорт", 80, 100)]
    #expect(PDFLayout.document([page]).showsFormatting)
    page.words[1].coloured = true
    #expect(!PDFLayout.document([page]).showsFormatting)
}

@Test func everyWordOfAPageIsReadOnceWhateverTheGeometry() {
    // Words, lines and fills strewn at random (overlapping, zero-sized, off the page): the reading
    // never crashes and loses or repeats no word.
    var random = SplitMix64(seed: 20261208)
    for round in 0..<200 {
        var page = PDFLayout.Page()
        let count = Int.random(in: 0...60, using: &random)
        for i in 0..<count {
            let x = Double.random(in: -20...600, using: &random), y = Double.random(in: -20...800, using: &random)
            page.words.append(PDFLayout.Word(x0: x, y0: y, x1: x + Double.random(in: 0...80, using: &random),
                                             y1: y + Double.random(in: 0...20, using: &random), bold: Bool.random(using: &random),
                                             coloured: false, size: Double.random(in: 0...20, using: &random), text: "w\(i)"))
        }
        for _ in 0..<Int.random(in: 0...40, using: &random) {
            let x = Double.random(in: 0...600, using: &random), y = Double.random(in: 0...800, using: &random)
            let horizontal = Bool.random(using: &random), length = Double.random(in: 0...300, using: &random)
            page.rules.append(horizontal ? PDFLayout.Box(x0: x, y0: y, x1: x + length, y1: y)
                                         : PDFLayout.Box(x0: x, y0: y, x1: x, y1: y + length))
        }
        let text = PDFLayout.document([page]).plainText
        let read = text.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" }).map(String.init).sorted()
        #expect(read == page.words.map(\.text).sorted(), "round \(round)")
    }
}

@Test func aNumberBrokenOverTheLinesOfANarrowColumnIsOneNumberButWordsStayApart() {
    // A "№" column 12 points wide holding "10" as "1" over "0", beside a wider column.
    var page = PDFLayout.Page()
    page.words = [word("1", 60, 104), word("0", 60, 118), word("логист", 90, 104)]
    page.rules = [box(56, 100, 300, 100), box(56, 136, 300, 136), box(56, 100, 56, 136), box(74, 100, 74, 136),
                  box(300, 100, 300, 136)]
    guard case .table(let table)? = PDFLayout.blocks(of: page).first else { Issue.record("no table"); return }
    #expect(table.rows.map { $0.cells.map(\.text) } == [["10", "логист"]])
}

@Test func shortLinesAloneOnAPageAreNotTakenForWrappedOnes() {
    // Page 2 holds only a list of short options; page 1 shows where lines end.
    var first = PDFLayout.Page(), second = PDFLayout.Page()
    first.words = [word("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", 60, 100)]
    second.words = [word("4)", 60, 100), word("тренер/преподаватель", 80, 100), word("5)", 60, 115), word("логист", 80, 115)]
    let texts = PDFLayout.document([first, second]).paragraphs.map(\.text)
    #expect(texts.suffix(2) == ["4) тренер/преподаватель", "5) логист"])
}
