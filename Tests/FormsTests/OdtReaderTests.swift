import Register
import Testing
@testable import Forms

private let styles = """
    <style:style style:name="T1" style:family="text"><style:text-properties style:text-underline-style="solid" \
    style:text-underline-width="auto"/></style:style>
    <style:style style:name="T2" style:family="text"><style:text-properties fo:font-weight="bold"/></style:style>
    <style:style style:name="T3" style:family="text"><style:text-properties style:text-line-through-style="solid"/></style:style>
    <style:style style:name="T4" style:family="text" style:parent-style-name="T1"><style:text-properties \
    fo:font-weight="bold"/></style:style>
    <style:style style:name="T5" style:family="text"><style:text-properties style:text-underline-style="none"/></style:style>
    <style:style style:name="Loop1" style:family="text" style:parent-style-name="Loop2"/>
    <style:style style:name="Loop2" style:family="text" style:parent-style-name="Loop1"/>
    """

private func read(_ body: String) throws -> FormDocument {
    try OdtReader.read(ReaderFixtures.odt(body: body, automaticStyles: styles)).get()
}

@Test func odtUnderlinedKindResolvesThroughAutomaticStyles() throws {
    let doc = try read("""
        <text:p>Заявитель: волонтер / <text:span text:style-name="T1">группа</text:span><text:span text:style-name="T1"> волонтеров</text:span> / \
        <text:span text:style-name="T2">координатор</text:span> <text:span text:style-name="T3">организатор</text:span> \
        <text:span text:style-name="T4">жирный</text:span><text:span text:style-name="T1"><text:span text:style-name="T5">нет</text:span></text:span>\
        <text:span text:style-name="Loop1">цикл</text:span></text:p>
        """)
    let p = try #require(doc.paragraphs.first)
    #expect(p.text == "Заявитель: волонтер / группа волонтеров / координатор организатор жирныйнетцикл")
    #expect(p.underlinedText == ["группа волонтеров", "жирный"])
    #expect(p.runs.first { $0.text == "координатор" }?.bold == true)
    #expect(p.runs.first { $0.text == "организатор" }?.struckThrough == true)
    #expect(p.runs.first { $0.text == "жирный" }?.bold == true)
}

@Test func odtSpacesTabsAndLineBreaks() throws {
    let doc = try read("""
        <text:h text:outline-level="1">Анкета   волонтера</text:h>
        <text:p>ИИН<text:tab/>900101300123<text:s text:c="3"/>конец<text:line-break/>Место<text:s/>жительства</text:p>
        <text:p/>
        """)
    #expect(doc.paragraphs.map(\.text) == ["Анкета волонтера", "ИИН\t900101300123   конец\nМесто жительства", ""])
}

@Test func odtQuestionnaireTableWithSpansCoveredCellsAndNesting() throws {
    let doc = try read("""
        <table:table table:name="T"><table:table-column table:number-columns-repeated="3"/>
        <table:table-header-rows><table:table-row><table:table-cell table:number-columns-spanned="3"><text:p>Анкета волонтера</text:p>\
        </table:table-cell><table:covered-table-cell/><table:covered-table-cell/></table:table-row></table:table-header-rows>
        <table:table-row><table:table-cell><text:p>ФИО</text:p></table:table-cell>\
        <table:table-cell><text:p>Иванова Айгерим Сериковна</text:p></table:table-cell>\
        <table:table-cell table:number-rows-spanned="2"><text:p>Проверено</text:p></table:table-cell></table:table-row>
        <table:table-row><table:table-cell><text:p>ИИН</text:p></table:table-cell>\
        <table:table-cell><text:p>900101400125</text:p></table:table-cell><table:covered-table-cell/></table:table-row>
        <table:table-row><table:table-cell><text:p>Контакты</text:p></table:table-cell>\
        <table:table-cell table:number-columns-spanned="2"><table:table><table:table-row>\
        <table:table-cell><text:p>Телефон</text:p></table:table-cell><table:table-cell><text:p>+7 777 123 45 67</text:p></table:table-cell>\
        </table:table-row></table:table></table:table-cell><table:covered-table-cell/></table:table-row>
        </table:table>
        """)
    let t = try #require(ReaderFixtures.table(doc))
    #expect(t.rows.map { $0.cells.count } == [1, 3, 3, 2])
    #expect(t.rows[0].cells[0].columnSpan == 3)
    #expect(t.rows[1].cells.map(\.text) == ["ФИО", "Иванова Айгерим Сериковна", "Проверено"])
    #expect(t.rows[2].cells.map(\.continuesAbove) == [false, false, true])
    #expect(t.rows[3].cells[1].columnSpan == 2)
    guard case .table(let inner)? = t.rows[3].cells[1].blocks.first else { Issue.record("no nested table"); return }
    #expect(inner.rows[0].cells.map(\.text) == ["Телефон", "+7 777 123 45 67"])
}

@Test func odtListsAndSectionsAreRead() throws {
    let doc = try read("""
        <text:section text:name="S"><text:list><text:list-item><text:p>1. Әлеуметтік көмек</text:p></text:list-item>\
        <text:list-item><text:list><text:list-item><text:p>2. Экология</text:p></text:list-item></text:list></text:list-item></text:list></text:section>
        <text:p>Ескерту<text:note><text:note-citation>1</text:note-citation><text:note-body><text:p>сілтеме</text:p></text:note-body></text:note></text:p>
        """)
    #expect(doc.paragraphs.map(\.text) == ["1. Әлеуметтік көмек", "2. Экология", "Ескерту"])
}

@Test func encryptedOdtIsEncrypted() {
    let bytes = ReaderFixtures.odt(body: "<text:p>x</text:p>", manifestExtra: """
        <manifest:encryption-data manifest:checksum-type="SHA1/1K" manifest:checksum="AAAA">\
        <manifest:algorithm manifest:algorithm-name="Blowfish CFB"/></manifest:encryption-data>
        """)
    guard case .failure(let reason) = OdtReader.read(bytes) else { Issue.record("read"); return }
    #expect(reason.kind == .encrypted)
}

@Test func odtWithoutContentOrOfAnotherTypeIsRefused() {
    var zip = ZipWriter()
    zip.add("mimetype", "application/vnd.oasis.opendocument.text", method: .stored)
    #expect(OdtReader.read(zip.bytes) == .failure(UnreadableReason(.corrupt, "content.xml is missing")))
    var sheet = ZipWriter()
    sheet.add("mimetype", "application/vnd.oasis.opendocument.spreadsheet", method: .stored)
    guard case .failure(let reason) = OdtReader.read(sheet.bytes) else { Issue.record("read"); return }
    #expect(reason.kind == .unsupported)
}

@Test func odtBillionLaughsInContentIsRefused() {
    var zip = ZipWriter()
    zip.add("mimetype", "application/vnd.oasis.opendocument.text", method: .stored)
    zip.add("content.xml", "<?xml version=\"1.0\"?><!DOCTYPE a [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;\">]><a>&b;</a>")
    guard case .failure(let reason) = OdtReader.read(zip.bytes) else { Issue.record("read"); return }
    // ODF forbids a DTD: any DOCTYPE makes the part corrupt, before an entity is read.
    #expect(reason.kind == .corrupt)
}

@Test func odtBackgroundsOfTextParagraphAndCellAreHighlighted() throws {
    let colours = """
        <style:style style:name="H1" style:family="text"><style:text-properties fo:background-color="#ffff00"/></style:style>
        <style:style style:name="H0" style:family="text"><style:text-properties fo:background-color="transparent"/></style:style>
        <style:style style:name="PH" style:family="paragraph"><style:paragraph-properties fo:background-color="#d9d9d9"/></style:style>
        <style:style style:name="CH" style:family="table-cell"><style:table-cell-properties fo:background-color="#d9d9d9"/></style:style>
        """
    let doc = try OdtReader.read(ReaderFixtures.odt(body: """
        <text:p><text:span text:style-name="H1">маркер</text:span> <text:span text:style-name="H0">прозрачно</text:span></text:p>
        <text:p text:style-name="PH">абзац</text:p>
        <table:table><table:table-row><table:table-cell table:style-name="CH"><text:p>ячейка</text:p></table:table-cell>\
        <table:table-cell><text:p>другая</text:p></table:table-cell></table:table-row></table:table>
        """, automaticStyles: colours)).get()
    let ps = doc.paragraphs
    #expect(ps[0].runs.map(\.highlighted) == [true, false])
    #expect(ps[0].runs.first?.text == "маркер")
    #expect(ps[1].runs.allSatisfy { $0.highlighted })
    let row = try #require(ReaderFixtures.table(doc)?.rows.first)
    let shaded = row.cells.map { cell -> Bool in
        guard case .paragraph(let p)? = cell.blocks.first else { return false }
        return p.runs.allSatisfy(\.highlighted)
    }
    #expect(shaded == [true, false])
}

@Test func odtFormCheckBoxesStandAsBallotBoxes() throws {
    // As LibreOffice writes a form check box: the control in office:forms, its place in the text by draw:control.
    let form = "urn:oasis:names:tc:opendocument:xmlns:form:1.0", draw = "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"
    let doc = try OdtReader.read(ReaderFixtures.odt(body: """
        <office:forms xmlns:form="\(form)" form:automatic-focus="false" form:apply-design-mode="false">\
        <form:form form:name="Form"><form:properties/>\
        <form:checkbox form:name="c1" xml:id="control1" form:id="control1" form:label="" form:current-state="checked"/>\
        <form:checkbox form:name="c2" xml:id="control2" form:id="control2" form:label=""/>\
        <form:checkbox form:name="c3" xml:id="control3" form:id="control3" form:label="3) менеджер" form:state="checked"/>\
        </form:form></office:forms>
        <text:p><draw:control xmlns:draw="\(draw)" draw:control="control1"/>1) профессионал в своей области</text:p>
        <text:p><draw:control xmlns:draw="\(draw)" draw:control="control2"/>2) руководитель/лидер</text:p>
        <text:p><draw:control xmlns:draw="\(draw)" draw:control="control3"/></text:p>
        """)).get()
    #expect(doc.paragraphs.map(\.text) == ["☒ 1) профессионал в своей области", "☐ 2) руководитель/лидер", "☒ 3) менеджер"])
}
