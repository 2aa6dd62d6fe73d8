import OrderedJSON
import Foundation
import Register
import Testing

/// What Python's HTML parser finds in a page: tags that do not nest, the table's headings and
/// cells as text, `<html lang>`, elements by id and every link.
private struct ParsedPage: Decodable {
    let errors: [String]
    let headers: [String]
    let rows: [[String]]
    let lang: String?
    let ids: [String: [String: String?]]
    let links: [String]
}

private func parse(_ html: [UInt8]) throws -> ParsedPage {
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    try scratch.write("page.html", html)
    let json = try ExternalProgram.python("""
        import json, sys
        from html.parser import HTMLParser
        VOID = {'meta', 'link', 'input', 'br', 'img', 'hr', 'col', 'source', 'area', 'base', 'wbr'}
        class Page(HTMLParser):
            def __init__(self):
                super().__init__(convert_charrefs=True)
                self.stack, self.errors, self.headers, self.rows, self.ids, self.links = [], [], [], [], {}, []
                self.lang, self.cell, self.heading, self.body = None, None, None, False
            def handle_starttag(self, tag, attrs):
                a = dict(attrs)
                if tag == 'html': self.lang = a.get('lang')
                if 'id' in a: self.ids[a['id']] = dict(a, tag=tag)
                if tag == 'a': self.links.append(a.get('href'))
                if tag in VOID: return
                self.stack.append(tag)
                if tag == 'tbody': self.body = True
                if tag == 'tr' and self.body: self.rows.append([])
                if tag == 'td' and self.body: self.cell = ''
                if tag == 'th': self.heading = ''
            def handle_endtag(self, tag):
                if tag in VOID: return
                if not self.stack or self.stack[-1] != tag:
                    self.errors.append('</%s> inside %s' % (tag, self.stack[-3:])); return
                self.stack.pop()
                if tag == 'td' and self.body: self.rows[-1].append(self.cell); self.cell = None
                if tag == 'th': self.headers.append(self.heading); self.heading = None
                if tag == 'tbody': self.body = False
            def handle_data(self, data):
                if self.cell is not None: self.cell += data
                if self.heading is not None: self.heading += data
        page = Page()
        page.feed(open(sys.argv[1], encoding='utf-8').read())
        page.close()
        if page.stack: page.errors.append('unclosed %s' % page.stack)
        print(json.dumps({'errors': page.errors, 'headers': page.headers, 'rows': page.rows, 'lang': page.lang,
                          'ids': page.ids, 'links': page.links}))
        """, [scratch.file("page.html")])
    return try JSONDecoder().decode(ParsedPage.self, from: Data(json.utf8))
}

@Test(arguments: RegisterLanguage.allCases)
func thePageHoldsTheWholeRegisterASearchBoxAndALinkToTheOtherLanguage(language: RegisterLanguage) throws {
    let html = RegisterHTML.bytes(Sample.rows, language: language, updated: Sample.updated)
    let page = try parse(html)
    #expect(page.errors == [])
    #expect(page.lang == language.rawValue)
    #expect(page.headers == language.headings)
    #expect(page.rows == Sample.rows.map { $0.cells(language) })
    #expect(page.ids["search"]?["tag"] == "input")
    #expect(page.ids["search"]?["type"] == "search")
    #expect(page.ids["register"]?["tag"] == "table")
    #expect(page.links.contains("register-\(language.other.rawValue).html"))
    #expect(page.links.contains("register-\(language.rawValue).xlsx"))

    let text = String(decoding: html, as: UTF8.self)
    #expect(text.contains(language.ministry))
    #expect(text.contains(language.title))
    #expect(text.contains(#"<time datetime="2026-02-06T10:15:00+05:00">06.02.2026 10:15</time>"#))
    #expect(text.contains("@media (max-width:700px)"))
    // Self-contained: nothing is fetched from anywhere.
    #expect(!text.contains("src="))
    #expect(!text.contains("<script src") && !text.contains("@import") && !text.contains("url("))
    #expect(!text.contains("<link rel=\"stylesheet\""))
}

@Test func applicantTextCannotBreakOutOfItsCell() throws {
    let hostile = #"<script>alert("x")</script> & 'q' </td></tr>"#
    let row = RegisterRow(number: 1, columns: RegisterColumns(volunteer: hostile, contacts: RegisterContacts(website: "\"><b>")),
                          createdAt: "2026-01-01", updatedAt: "2026-01-01")
    let html = RegisterHTML.bytes([row], language: .ru, updated: "2026-01-01")
    let page = try parse(html)
    #expect(page.errors == [])
    #expect(page.rows == [row.cells(.ru)])
    #expect(!String(decoding: html, as: UTF8.self).contains("<script>alert"))
}

@Test func contactsAreLinksOnlyWhenTheyAreWebAddressesEMailsOrPhoneNumbers() throws {
    let html = String(decoding: RegisterHTML.bytes(Sample.rows, language: .kk, updated: Sample.updated), as: UTF8.self)
    // <wbr>: a narrow column may wrap an address only at its separators.
    #expect(html.contains(#"<a href="mailto:info@qamqor.kz" rel="nofollow noopener">info@<wbr>qamqor<wbr>.kz</a>"#))
    #expect(html.contains(#"<a href="https://qamqor.kz/volunteers" rel="nofollow noopener">https://<wbr>qamqor<wbr>.kz/<wbr>volunteers</a>"#))
    #expect(html.contains(#"<a href="tel:+77172551234" rel="nofollow noopener">тел. +77172551234</a>"#))
    let row = RegisterRow(number: 1, columns: RegisterColumns(contacts: RegisterContacts(website: "javascript:alert(1)")),
                          createdAt: "2026-01-01", updatedAt: "2026-01-01")
    let hostile = String(decoding: RegisterHTML.bytes([row], language: .kk, updated: "2026-01-01"), as: UTF8.self)
    #expect(hostile.contains(#"<td data-label="\#(RegisterLanguage.kk.headings[5])">javascript:alert(1)</td>"#))
}

@Test func anEmptyRegisterSaysSo() throws {
    let html = RegisterHTML.bytes([], language: .kk, updated: "2026-01-01")
    let page = try parse(html)
    #expect(page.errors == [])
    #expect(page.rows == [])
    #expect(String(decoding: html, as: UTF8.self).contains(RegisterLanguage.kk.emptyRegister))
}

/// The page's own script, run by Node against a stand-in for the few DOM calls it makes.
private let harness = """
    const fs = require('fs');
    const src = fs.readFileSync(process.argv[2], 'utf8');
    const data = JSON.parse(fs.readFileSync(process.argv[3], 'utf8'));
    function events(o) { o.l = {}; o.addEventListener = (t, f) => { o.l[t] = f; }; o.fire = t => o.l[t](); return o; }
    const rows = data.rows.map(cells => ({hidden: false, cells: cells.map(t => ({textContent: t})),
                                          get textContent() { return this.cells.map(c => c.textContent).join(''); }}));
    const body = {rows: rows.slice(), appendChild(r) { this.rows.splice(this.rows.indexOf(r), 1); this.rows.push(r); }};
    const buttons = data.headings.map((h, i) => events({
        parentNode: {a: {'aria-sort': 'none'}, setAttribute(k, v) { this.a[k] = v; }, getAttribute(k) { return this.a[k]; }},
        getAttribute: () => String(i)}));
    const shown = {textContent: '', getAttribute: () => data.template};
    const nothing = {hidden: true};
    const input = events({value: ''}), select = events({value: ''});
    const elements = {register: {tBodies: [body], tHead: {querySelectorAll: () => buttons}},
                      search: input, shown: shown, nothing: nothing, sort: select};
    new Function('document', src)({getElementById: id => elements[id], documentElement: {lang: data.lang}});
    const order = () => body.rows.filter(r => !r.hidden).map(r => r.cells[0].textContent);
    const out = {initial: shown.textContent};
    function search(text) { input.value = text; input.fire('input'); return order(); }
    out.kamkor = search('ҚАМҚОР'); out.kamkorShown = shown.textContent;
    out.kostanay = search('костанай');
    out.twoWords = search('марафон возраст');
    out.none = search('нет-такого'); out.nothingShown = !nothing.hidden;
    out.all = search('');
    buttons[0].fire('click'); out.ascending = order(); out.ascendingMark = buttons[0].parentNode.a['aria-sort'];
    buttons[0].fire('click'); out.descending = order();
    buttons[4].fire('click'); out.byOrganiser = order(); out.firstMarkCleared = buttons[0].parentNode.a['aria-sort'];
    select.value = '-10'; select.fire('change'); out.byTermination = order();
    console.log(JSON.stringify(out));
    """

private struct ScriptRun: Decodable {
    let initial, kamkorShown, ascendingMark, firstMarkCleared: String
    let kamkor, kostanay, twoWords, none, all, ascending, descending, byOrganiser, byTermination: [String]
    let nothingShown: Bool
}

@Test(.enabled(if: ExternalProgram.path("node") != nil, "Node is not installed"))
func thePagesScriptFiltersBySearchWordsAndSortsByTheClickedColumn() throws {
    let node = try #require(ExternalProgram.path("node"))
    let html = String(decoding: RegisterHTML.bytes(Sample.rows, language: .ru, updated: Sample.updated), as: UTF8.self)
    let script = try #require(html.components(separatedBy: "<script>").last?.components(separatedBy: "</script>").first)
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    try scratch.write("page.js", Array(script.utf8))
    let data: [String: Any] = ["rows": Sample.rows.map { $0.cells(.ru) }, "headings": RegisterLanguage.ru.headings,
                               "template": RegisterLanguage.ru.shownTemplate, "lang": "ru"]
    try scratch.write("data.json", Array(try JSONSerialization.data(withJSONObject: data)))
    try scratch.write("harness.js", Array(harness.utf8))
    let output = try ExternalProgram.run(node, [scratch.file("harness.js"), scratch.file("page.js"), scratch.file("data.json")])
    let run = try JSONDecoder().decode(ScriptRun.self, from: Data(output.utf8))

    #expect(run.initial == "Показано записей: 6 из 6")
    #expect(run.kamkor == ["3"])
    #expect(run.kamkorShown == "Показано записей: 1 из 6")
    #expect(run.kostanay == ["1", "5"])
    #expect(run.twoWords == ["5"])
    #expect(run.none == [] && run.nothingShown)
    #expect(run.all == ["1", "2", "3", "4", "5", "6"])
    #expect(run.ascending == ["1", "2", "3", "4", "5", "6"] && run.ascendingMark == "ascending")
    #expect(run.descending == ["6", "5", "4", "3", "2", "1"])
    // By column 5, names in alphabetical order, entries without one last; the other heading unmarked.
    #expect(run.byOrganiser == ["4", "5", "6", "3", "2", "1"])
    #expect(run.firstMarkCleared == "none")
    #expect(run.byTermination.first == "4")
}
