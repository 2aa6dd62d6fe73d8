import Testing
@testable import Forms

@Test func htmlParagraphBreaksFromBrPDivAndLi() {
    let doc = HTMLText.document("""
        <html><head><title>Өтініш</title><style>p { color: red }</style><script>var x = "<p>жоқ</p>";</script></head>
        <body><div>Сәлеметсіз бе!</div><div><br></div><p>Өтініш   береміз.<br>Екінші жол</p>
        <ul><li>бірінші</li><li>екінші</ul><!-- жасырын <p>пікір</p> --></body></html>
        """)
    #expect(doc.paragraphs.map(\.text) == ["Сәлеметсіз бе!", "", "Өтініш береміз.", "Екінші жол", "бірінші", "екінші"])
}

@Test func htmlEntitiesAreDecoded() {
    let doc = HTMLText.document("&laquo;Жол&nbsp;мектепке&raquo; &mdash; акция &#8470;&#x31; &amp; &lt;тег&gt; &unknown; &nbsp &#0;")
    #expect(doc.plainText == "«Жол мектепке» — акция №1 & <тег> &unknown;   \u{FFFD}")
}

@Test func htmlTableKeepsLabelAndValueCells() throws {
    let doc = HTMLText.document("""
        <p>Анкета волонтера</p>
        <TABLE border=1><TR><TD colspan="2"><B>Анкета</B></TD></TR>
        <tr><td>ФИО</td><td>Петров Пётр Петрович</td></tr>
        <tr><th>ИИН<td>900101300123
        <tr><td>Контакты<td><table><tr><td>e-mail</td><td>p@example.kz</td></tr></table></td></tr>
        </TABLE><p>После таблицы</p>
        """)
    let t = try #require(ReaderFixtures.table(doc))
    #expect(t.rows.map { $0.cells.map(\.text) } == [
        ["Анкета"], ["ФИО", "Петров Пётр Петрович"], ["ИИН", "900101300123"], ["Контакты", "e-mail\tp@example.kz"],
    ])
    #expect(t.rows[0].cells[0].columnSpan == 2)
    #expect(doc.paragraphs.first?.text == "Анкета волонтера")
    #expect(doc.paragraphs.last?.text == "После таблицы")
}

@Test func htmlUnderlineBoldAndStrikeBecomeRunFormatting() throws {
    let doc = HTMLText.document("""
        <p>волонтер / <u>волонтерлер тобы</u> / <ins>үйлестіруші</ins> / <span style="text-decoration: underline">ұйымдастырушы</span> \
        <strong>қалың</strong> <s>сызылған</s> <b><u>екеуі</u></b></p>
        """)
    let p = try #require(doc.paragraphs.first)
    #expect(p.underlinedText == ["волонтерлер тобы", "үйлестіруші", "ұйымдастырушы", "екеуі"])
    #expect(p.runs.first { $0.text == "қалың" }?.bold == true)
    #expect(p.runs.first { $0.text == "сызылған" }?.struckThrough == true)
    #expect(p.runs.first { $0.text == "екеуі" }?.bold == true)
}

@Test func htmlBrokenMarkupIsTolerated() {
    let doc = HTMLText.document("<P>бір<U>асты сызылған<P>екі</u> үш <b>ашық қалды<div>a < b и c > d</div><td>ұяшық</td></tr><img src='x>y'>соңы<")
    #expect(doc.paragraphs.map(\.text) == ["бірасты сызылған", "екі үш ашық қалды", "a < b и c > d", "ұяшық", "соңы<"])
    #expect(doc.paragraphs[1].underlinedText == ["екі"])
}

@Test func htmlUnclosedUnderlineInsideACellDoesNotLeak() {
    let doc = HTMLText.document("<table><tr><td><u>белгі</td></tr></table><p>қалыпты</p>")
    #expect(doc.paragraphs.last?.underlinedText == [])
    #expect(doc.paragraphs.first?.underlinedText == ["белгі"])
}

@Test func htmlHostileInputStaysLinear() {
    let clock = ContinuousClock()
    let nested = String(repeating: "<b><u><table><tr><td><div>", count: 20_000) + "мәтін"
    let unterminated = "<!--" + String(repeating: "a<", count: 200_000)
    let entities = String(repeating: "&&&#;&#x;&nbsp", count: 50_000)
    let elapsed = clock.measure {
        #expect(HTMLText.document(nested).plainText.contains("мәтін"))
        #expect(HTMLText.document(unterminated).blocks.isEmpty)
        #expect(!HTMLText.document(entities).plainText.isEmpty)
    }
    #expect(elapsed < .seconds(10))
}

@Test func htmlPreKeepsLinesAndSpaces() {
    let doc = HTMLText.document("<pre>ИИН:  900101300123\nФИО:  Иванов</pre>")
    #expect(doc.paragraphs.map(\.text) == ["ИИН:  900101300123", "ФИО:  Иванов"])
}

@Test func htmlMarkAndBackgroundsAreHighlighted() throws {
    let doc = HTMLText.document("""
        <p><mark>маркер</mark> <span style="background-color: rgb(255, 255, 0)">жёлтый</span> \
        <span style='background:yellow;mso-highlight:yellow'>Outlook</span> \
        <span style="background: transparent">прозрачно</span> <span style="background:#FFFFFF">белое</span></p>
        <p style="background: #d9d9d9">абзац</p><p>после
        <table><tr><td bgcolor="#ffff00">ячейка</td><td>другая</td></tr>
        <tr style="background-color:#eee"><td>строка</td><td style="background:none">снято</td></tr></table>
        """)
    let ps = doc.paragraphs
    #expect(ps[0].runs.filter(\.highlighted).map(\.text) == ["маркер", "жёлтый", "Outlook"])
    #expect(ps[1].runs.allSatisfy { $0.highlighted } && ps[1].text == "абзац")
    #expect(!ps[2].runs.contains { $0.highlighted })
    let table = try #require(ReaderFixtures.table(doc))
    let shaded = table.rows.map { row in
        row.cells.map { cell -> Bool in
            guard case .paragraph(let p)? = cell.blocks.first else { return false }
            return p.runs.allSatisfy(\.highlighted)
        }
    }
    #expect(shaded == [[true, false], [true, false]])
}

@Test func backgroundColourRuleKnowsBlankValues() {
    for shown in ["yellow", "D9D9D9", "#ffff00", "rgb(255, 255, 0)", "#D9D9D9 none repeat scroll 0% 0%", "lightgray !important"] {
        #expect(Paragraph.Run.isBackgroundColour(shown), "\(shown)")
    }
    for blank in ["", "auto", "none", "transparent", "FFFFFF", "#fff", "white", "inherit", "rgba(0, 0, 0, 0)", "url(a.png) no-repeat",
                  "transparent none repeat scroll 0% 0%"] {
        #expect(!Paragraph.Run.isBackgroundColour(blank), "\(blank)")
    }
}

@Test func htmlCheckBoxInputsBecomeBallotBoxes() {
    let doc = HTMLText.document("""
        <p><input type="checkbox" checked> 1) профессионал</p><p><input type=checkbox>2) руководитель</p>
        <table><tr><td>3) менеджер</td><td><INPUT TYPE="radio" CHECKED></td></tr></table><p><input type="text" value="X"></p>
        """)
    #expect(doc.plainText.contains("☒ 1) профессионал"))
    #expect(doc.plainText.contains("☐ 2) руководитель"))
    #expect(ReaderFixtures.table(doc)?.rows.first?.cells.map(\.text) == ["3) менеджер", "☒"])
    #expect(!doc.plainText.contains("X"))
}
