import Register
import Testing
@testable import Forms

private func read(_ body: String) throws -> FormDocument {
    try DocxReader.read(ReaderFixtures.docx(body: body)).get()
}

@Test func docxRunsSplitMidWordJoinIntoOneParagraph() throws {
    let doc = try read("""
        <w:p><w:pPr><w:jc w:val="center"/></w:pPr><w:r><w:t>Волон</w:t></w:r><w:proofErr w:type="spellStart"/>\
        <w:r><w:rPr><w:lang w:val="kk-KZ"/></w:rPr><w:t>тер сауал</w:t></w:r><w:r><w:t xml:space="preserve">намасы </w:t></w:r></w:p>
        """)
    #expect(doc.plainText == "Волонтер сауалнамасы ")
    #expect(doc.paragraphs.first?.runs.count == 1)
}

@Test func docxUnderlinedKindIsAnUnderlinedRun() throws {
    let doc = try read("""
        <w:p><w:r><w:t xml:space="preserve">волонтер / </w:t></w:r>\
        <w:r><w:rPr><w:u w:val="single"/></w:rPr><w:t>волонтер</w:t></w:r>\
        <w:r><w:rPr><w:u w:val="single"/></w:rPr><w:t>лер тобы</w:t></w:r>\
        <w:r><w:rPr><w:u w:val="none"/><w:b/></w:rPr><w:t xml:space="preserve"> / үйлестіруші</w:t></w:r>\
        <w:r><w:rPr><w:b w:val="0"/><w:strike/></w:rPr><w:t>ұйымдастырушы</w:t></w:r></w:p>
        """)
    let p = try #require(doc.paragraphs.first)
    #expect(p.underlinedText == ["волонтерлер тобы"])
    #expect(p.runs.map(\.bold) == [false, false, true, false])
    #expect(p.runs.last?.struckThrough == true)
    #expect(p.text == "волонтер / волонтерлер тобы / үйлестіруші" + "ұйымдастырушы")
}

@Test func docxTabsAndBreaksBecomeText() throws {
    let doc = try read("<w:p><w:r><w:t>ЖСН</w:t><w:tab/><w:t>900101300123</w:t><w:br/><w:t>екінші жол</w:t></w:r></w:p>")
    #expect(doc.plainText == "ЖСН\t900101300123\nекінші жол")
}

@Test func docxQuestionnaireTableWithLabelsAndValues() throws {
    func c(_ t: String, _ p: String = "") -> String { ReaderFixtures.wordCell(t, properties: p) }
    let doc = try read("""
        <w:p><w:r><w:t>Волонтер сауалнамасы</w:t></w:r></w:p>
        <w:tbl><w:tblPr/><w:tblGrid><w:gridCol/><w:gridCol/><w:gridCol/></w:tblGrid>
        <w:tr>\(c("Волонтер сауалнамасы / Анкета волонтера", "<w:gridSpan w:val=\"3\"/>"))</w:tr>
        <w:tr>\(c("Т.А.Ә. / ФИО"))\(c("Сәрсенбаев Асқар Нұрланұлы", "<w:gridSpan w:val=\"2\"/>"))</w:tr>
        <w:tr>\(c("ЖСН / ИИН"))\(c("900101300123"))\(c("Тексерілді", "<w:vMerge w:val=\"restart\"/>"))</w:tr>
        <w:tr>\(c("Туған жылы"))\(c("1990"))\(c("", "<w:vMerge/>"))</w:tr>
        </w:tbl>
        """)
    let table = try #require(ReaderFixtures.table(doc))
    #expect(table.rows.count == 4)
    #expect(table.rows[0].cells.map(\.columnSpan) == [3])
    #expect(table.rows[1].cells.map(\.text) == ["Т.А.Ә. / ФИО", "Сәрсенбаев Асқар Нұрланұлы"])
    #expect(table.rows[1].cells[1].columnSpan == 2)
    #expect(table.rows[2].cells.map(\.continuesAbove) == [false, false, false])
    #expect(table.rows[3].cells.map(\.continuesAbove) == [false, false, true])
    #expect(doc.plainText.contains("ЖСН / ИИН\t900101300123\tТексерілді"))
}

@Test func docxNestedTableStaysInsideItsCell() throws {
    func c(_ t: String, _ p: String = "") -> String { ReaderFixtures.wordCell(t, properties: p) }
    let doc = try read("""
        <w:tbl><w:tr>\(c("Байланыс"))<w:tc><w:p/><w:tbl><w:tr>\(c("Телефон"))\(c("+7 701 000 00 00"))</w:tr>\
        <w:tr>\(c("E-mail"))\(c("asker@example.kz"))</w:tr></w:tbl><w:p/></w:tc></w:tr></w:tbl>
        """)
    let outer = try #require(ReaderFixtures.table(doc))
    #expect(outer.rows.count == 1 && outer.rows[0].cells.count == 2)
    let inner = outer.rows[0].cells[1].blocks.compactMap { b -> Table? in if case .table(let t) = b { t } else { nil } }
    #expect(inner.count == 1)
    #expect(inner.first?.rows.map { $0.cells.map(\.text) } == [["Телефон", "+7 701 000 00 00"], ["E-mail", "asker@example.kz"]])
    #expect(doc.paragraphs.map(\.text).contains("asker@example.kz"))
}

@Test func docxCheckboxesBecomeBallotBoxes() throws {
    let doc = try read("""
        <w:p><w:sdt><w:sdtPr><w14:checkbox><w14:checked w14:val="1"/></w14:checkbox></w:sdtPr>\
        <w:sdtContent><w:r><w:t>☒</w:t></w:r></w:sdtContent></w:sdt><w:r><w:t xml:space="preserve"> 1. Әлеуметтік көмек</w:t></w:r></w:p>
        <w:p><w:sdt><w:sdtPr><w14:checkbox><w14:checked w14:val="0"/></w14:checkbox></w:sdtPr>\
        <w:sdtContent><w:r><w:t>☐</w:t></w:r></w:sdtContent></w:sdt><w:r><w:t xml:space="preserve"> 2. Қарттарға қызмет</w:t></w:r></w:p>
        <w:p><w:r><w:fldChar w:fldCharType="begin"><w:ffData><w:checkBox><w:sizeAuto/><w:default w:val="0"/>\
        <w:checked/></w:checkBox></w:ffData></w:fldChar></w:r><w:r><w:instrText> FORMCHECKBOX </w:instrText></w:r>\
        <w:r><w:fldChar w:fldCharType="end"/></w:r><w:r><w:t xml:space="preserve"> 6. Қоршаған ортаны қорғау</w:t></w:r></w:p>
        <w:p><w:r><w:fldChar w:fldCharType="begin"><w:ffData><w:checkBox><w:default w:val="0"/></w:checkBox>\
        </w:ffData></w:fldChar></w:r><w:r><w:t xml:space="preserve"> 9. Спорт</w:t></w:r></w:p>
        <w:p><w:r><w:sym w:font="Wingdings" w:char="F0FE"/><w:t xml:space="preserve"> 8. </w:t>\
        <w:sym w:font="Wingdings" w:char="F0A8"/><w:sym w:font="Wingdings" w:char="F0FC"/></w:r></w:p>
        <w:p><w:r><w:rPr><w:rFonts w:ascii="Wingdings" w:hAnsi="Wingdings"/></w:rPr><w:t>þ</w:t></w:r></w:p>
        """)
    #expect(doc.paragraphs.map(\.text) == [
        "☒ 1. Әлеуметтік көмек", "☐ 2. Қарттарға қызмет", "☒ 6. Қоршаған ортаны қорғау", "☐ 9. Спорт", "☒ 8. ☐✓", "☒",
    ])
}

@Test func docxReadsContentControlsAndInsertionsButNotDeletions() throws {
    let doc = try read("""
        <w:sdt><w:sdtPr><w:alias w:val="ФИО"/></w:sdtPr><w:sdtContent><w:p><w:r><w:t>Абаев Ерлан</w:t></w:r></w:p></w:sdtContent></w:sdt>
        <w:p><w:r><w:t xml:space="preserve">Год рождения: </w:t></w:r><w:del w:id="1" w:author="a"><w:r><w:delText>1989</w:delText></w:r></w:del>\
        <w:ins w:id="2" w:author="a"><w:r><w:t>1990</w:t></w:r></w:ins><w:hyperlink r:id="x" xmlns:r="urn:r"><w:r><w:t> ok</w:t></w:r></w:hyperlink></w:p>
        """)
    #expect(doc.paragraphs.map(\.text) == ["Абаев Ерлан", "Год рождения: 1990 ok"])
}

@Test func docxWithoutDocumentXMLIsCorrupt() {
    var zip = ZipWriter()
    zip.add("[Content_Types].xml", "<Types/>")
    #expect(DocxReader.read(zip.bytes) == .failure(UnreadableReason(.corrupt, "word/document.xml is missing")))
}

@Test func docxMainPartFoundThroughRelationships() throws {
    var zip = ZipWriter()
    zip.add("_rels/.rels", """
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
        <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" \
        Target="/word/document2.xml"/></Relationships>
        """)
    zip.add("word/document2.xml", "<w:document \(ReaderFixtures.wordNamespaces)><w:body><w:p><w:r><w:t>Анкета</w:t></w:r></w:p></w:body></w:document>")
    #expect(try DocxReader.read(zip.bytes).get().plainText == "Анкета")
}

@Test func legacyDocIsLegacyFormatAndEncryptedOLE2IsEncrypted() {
    let ole: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + [UInt8](repeating: 0, count: 504)
    guard case .failure(let doc) = DocxReader.read(ole) else { Issue.record("read"); return }
    #expect(doc.kind == .legacyFormat)
    let encrypted = ole + "EncryptedPackage".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
    guard case .failure(let enc) = DocxReader.read(encrypted) else { Issue.record("read"); return }
    #expect(enc.kind == .encrypted)
}

@Test func docxWithHostileXMLIsRefused() {
    let deep = String(repeating: "<w:p>", count: 10_000)
    var zip = ZipWriter()
    zip.add("word/document.xml", "<w:document \(ReaderFixtures.wordNamespaces)><w:body>\(deep)</w:body></w:document>")
    guard case .failure(let reason) = DocxReader.read(zip.bytes) else { Issue.record("read"); return }
    #expect(reason.kind == .limitReached)
    guard case .failure(let junk) = DocxReader.read(Array("hello".utf8)) else { Issue.record("read"); return }
    #expect(junk.kind == .corrupt)
}

@Test func docxStoredEntriesReadToo() throws {
    let doc = try DocxReader.read(ReaderFixtures.docx(body: "<w:p><w:r><w:t>Орындалды</w:t></w:r></w:p>", method: .stored)).get()
    #expect(doc.plainText == "Орындалды")
}

@Test func docxRowsAndCellsInsideContentControlsAreKept() throws {
    func c(_ t: String) -> String { ReaderFixtures.wordCell(t) }
    let doc = try read("""
        <w:tbl><w:sdt><w:sdtPr/><w:sdtContent><w:tr>\(c("БСН / БИН"))<w:sdt><w:sdtContent>\(c("940140000385"))\
        </w:sdtContent></w:sdt></w:tr></w:sdtContent></w:sdt>\
        <w:tr><w:trPr><w:del w:id="3" w:author="a"/></w:trPr>\(c("жойылған"))</w:tr></w:tbl>
        """)
    let t = try #require(ReaderFixtures.table(doc))
    #expect(t.rows.map { $0.cells.map(\.text) } == [["БСН / БИН", "940140000385"]])
}

@Test func docxHighlighterAndShadingAreHighlightedRuns() throws {
    func c(_ t: String, _ p: String = "") -> String { ReaderFixtures.wordCell(t, properties: p) }
    let doc = try read("""
        <w:p><w:r><w:rPr><w:highlight w:val="yellow"/></w:rPr><w:t>маркер</w:t></w:r>\
        <w:r><w:rPr><w:highlight w:val="none"/></w:rPr><w:t xml:space="preserve"> без цвета</w:t></w:r></w:p>
        <w:p><w:r><w:rPr><w:shd w:val="clear" w:color="auto" w:fill="D9D9D9"/></w:rPr><w:t>заливка</w:t></w:r>\
        <w:r><w:rPr><w:shd w:val="clear" w:color="auto" w:fill="auto"/></w:rPr><w:t xml:space="preserve"> пусто</w:t></w:r>\
        <w:r><w:rPr><w:shd w:val="clear" w:color="auto" w:fill="FFFFFF"/></w:rPr><w:t xml:space="preserve"> белое</w:t></w:r></w:p>
        <w:p><w:pPr><w:shd w:val="clear" w:color="auto" w:fill="FFF2CC"/></w:pPr><w:r><w:t>абзац</w:t></w:r></w:p>
        <w:tbl><w:tblPr/><w:tblGrid><w:gridCol/></w:tblGrid>
        <w:tr>\(c("ячейка", "<w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"D9D9D9\"/>"))</w:tr>
        <w:tr>\(c("другая"))</w:tr></w:tbl>
        """)
    let ps = doc.paragraphs
    #expect(ps[0].runs.map(\.highlighted) == [true, false])
    #expect(ps[1].runs.map(\.highlighted) == [true, false])
    #expect(ps[1].runs.map(\.text) == ["заливка", " пусто белое"])
    #expect(ps[2].runs.allSatisfy { $0.highlighted })
    let table = try #require(ReaderFixtures.table(doc))
    let cells = table.rows.map { row -> Bool in
        guard case .paragraph(let p)? = row.cells.first?.blocks.first else { return false }
        return p.runs.allSatisfy(\.highlighted)
    }
    #expect(cells == [true, false])
}
