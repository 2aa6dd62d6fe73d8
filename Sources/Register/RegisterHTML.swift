import Annex2

/// The register's public page in one language: a single file with its style and script inline,
/// so the ministry's website can serve it as it is and it still works saved to a disk.
/// The data are in the table itself; the script only hides and reorders rows, so the page
/// reads fully without it.
public enum RegisterHTML {
    public static func bytes(_ rows: [RegisterRow], language: RegisterLanguage, updated: String) -> [UInt8] {
        Array(page(rows, language: language, updated: updated).utf8)
    }

    public static func page(_ rows: [RegisterRow], language: RegisterLanguage, updated: String) -> String {
        let e = MarkupText.escaped
        let other = language.other
        let headings = language.headings
        let total = String(rows.count)
        let shown = language.shownTemplate.replacing("{shown}", with: total).replacing("{total}", with: total)
        let updatedAt = !RegisterDate.isISO(updated)
            ? e(updated) : #"<time datetime="\#(e(updated.trimmingSpaces))">\#(e(RegisterDate.display(updated)))</time>"#
        let downloads = [RegisterFormat.csv, .xlsx, .json].map {
            #"<a href="\#(e($0.fileName(language)))" download>\#($0.rawValue.uppercased())</a>"#
        }.joined(separator: " · ")

        var html = """
            <!DOCTYPE html>
            <html lang="\(language.rawValue)">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(e(language.title)) — \(e(language.ministry))</title>
            <link rel="alternate" hreflang="\(other.rawValue)" href="\(e(RegisterFormat.html.fileName(other)))">
            <style>\(RegisterPageStyle.css)</style>
            </head>
            <body>
            <header>
            <p class="ministry">\(e(language.ministry))</p>
            <h1>\(e(language.title))</h1>
            <p class="basis">\(e(language.basis))</p>
            <p class="bar"><span>\(e(language.lastUpdated)): \(updatedAt)</span>\
            <span>\(e(language.download)): \(downloads)</span>\
            <a class="language" href="\(e(RegisterFormat.html.fileName(other)))" hreflang="\(other.rawValue)" lang="\(other.rawValue)">\(e(other.pageLinkText))</a></p>
            </header>
            <main>
            <div class="search">
            <label for="search">\(e(language.searchLabel))</label>
            <input id="search" type="search" placeholder="\(e(language.searchPlaceholder))" autocomplete="off">
            <select id="kind" aria-label="\(e(language.kindFilterLabel))" title="\(e(language.kindFilterLabel))">\(kindOptions(language))</select>
            <select id="region" aria-label="\(e(language.regionFilterLabel))" title="\(e(language.regionFilterLabel))">\(regionOptions(rows, language))</select>
            <select id="sort" aria-label="\(e(language.sortHint))">\(sortOptions(headings))</select>
            </div>
            <p id="shown" aria-live="polite" data-template="\(e(language.shownTemplate))">\(e(shown))</p>
            <p class="hint">\(e(language.sortHint))</p>
            <div class="scroll">
            <table id="register">
            <thead><tr>
            """
        let empty = emptyColumns(rows, language)
        for (index, heading) in headings.enumerated() {
            let classes = (nameColumns.contains(index) ? ["name"] : []) + (empty.contains(index) ? ["empty"] : [])
            let attribute = classes.isEmpty ? "" : #" class="\#(classes.joined(separator: " "))""#
            html += #"<th scope="col"\#(attribute) aria-sort="none"><button type="button" data-column="\#(index)">\#(e(heading))</button></th>"#
        }
        html += "</tr></thead>\n<tbody>\n"
        for row in rows {
            // What the filters beside the search match: the kind, and the region column 6 shows.
            let filters = #" data-kind="\#(row.columns.kind.rawValue)" data-region="\#(e(row.columns.contacts.region))""#
            html += row.terminated ? #"<tr class="terminated"\#(filters)>"# : "<tr\(filters)>"
            for (index, cell) in row.cells(language).enumerated() {
                // No whitespace around the text: cells keep line breaks (white-space: pre-line).
                let content = index == contactsColumn ? contacts(row.columns, language) : e(cell)
                html += #"<td data-label="\#(e(headings[index]))">\#(content)</td>"#
            }
            html += "</tr>\n"
        }
        html += """
            </tbody>
            </table>
            </div>
            <p id="nothing" hidden>\(e(language.nothingFound))</p>
            """
        if rows.isEmpty { html += "\n<p>\(e(language.emptyRegister))</p>" }
        html += """

            </main>
            <script>\(RegisterPageStyle.script)</script>
            </body>
            </html>

            """
        return html
    }

    /// Column 6, whose e-mail, website and phone a reader can follow; the text is the other formats'.
    static let contactsColumn = 5

    static func contacts(_ columns: RegisterColumns, _ language: RegisterLanguage) -> String {
        columns.contactLines(language).map { line in
            guard let link = line.link else { return MarkupText.escaped(line.text) }
            let text = link.hasPrefix("tel:") ? MarkupText.escaped(line.text) : breakable(line.text)
            return #"<a href="\#(MarkupText.escaped(link))" rel="nofollow noopener">\#(text)</a>"#
        }.joined(separator: "\n")
    }

    /// An e-mail or web address, escaped, that a narrow column may wrap only at its separators:
    /// after "@" and "/", and before a dot of the host (as typographers break them), never inside
    /// a word, nor in the part before the "@", where "t.zhumabayev" would lose its initial.
    static func breakable(_ address: String) -> String {
        var html = ""
        var previous: Character?
        var host = false
        for character in address {
            if character == ".", host, previous != "." { html += "<wbr>" }
            if let p = previous, p == "@" || (p == "/" && character != "/") { html += "<wbr>" }
            if character == "@" || (character == "/" && previous == "/") { host = true }
            html += MarkupText.escaped(String(character))
            previous = character
        }
        return html
    }

    /// Columns 2 to 5: names, which must not be squeezed into a letter or two per line.
    static let nameColumns: Set<Int> = [1, 2, 3, 4]

    /// Columns no entry fills (in a register of volunteers alone, the organisation columns): their
    /// headings wrap to a narrow width, so the columns with text get the room.
    static func emptyColumns(_ rows: [RegisterRow], _ language: RegisterLanguage) -> Set<Int> {
        guard !rows.isEmpty else { return [] }
        let count = language.headings.count
        return Set((0..<count).filter { column in rows.allSatisfy { $0.cells(language)[column].isEmpty } })
    }

    static func kindOptions(_ language: RegisterLanguage) -> String {
        #"<option value="">\#(MarkupText.escaped(language.allKinds))</option>"# + ApplicantKind.allCases.map { kind in
            #"<option value="\#(kind.rawValue)">\#(MarkupText.escaped(kind.name(language: language.rawValue)))</option>"#
        }.joined()
    }

    /// The regions the entries name, in the language's alphabetical order.
    static func regionOptions(_ rows: [RegisterRow], _ language: RegisterLanguage) -> String {
        let named: [String] = rows.map { $0.columns.contacts.region }.filter { !$0.isEmpty }
        let regions: [String] = Set(named).sorted { (a: String, b: String) -> Bool in
            let x = a.lowercased(), y = b.lowercased()
            return x == y ? a < b : x < y
        }
        return #"<option value="">\#(MarkupText.escaped(language.allRegions))</option>"# + regions.map { region in
            let text = MarkupText.escaped(region)
            return #"<option value="\#(text)">\#(text)</option>"#
        }.joined()
    }

    /// The same sorting as the headings offer, for phones, where the headings are hidden behind the cards.
    static func sortOptions(_ headings: [String]) -> String {
        headings.enumerated().map { index, heading in
            let text = MarkupText.escaped(heading)
            return #"<option value="\#(index)">\#(text) ▲</option><option value="-\#(index)">\#(text) ▼</option>"#
        }.joined()
    }
}
