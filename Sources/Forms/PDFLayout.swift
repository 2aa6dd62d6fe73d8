/// A PDF's pages as tizilim-pdftext describes them (words with their boxes and fonts, the straight
/// lines and filled areas drawn) made into a `FormDocument`: table cells from the drawn grid, so a
/// label and its value are told apart by where they stand, not by how many spaces lie between
/// them; label and value columns of a table drawn without borders from wide gaps; wrapped lines
/// joined into paragraphs; underlining from the lines drawn under words, highlighting from the
/// coloured bands behind them, bold from the font.
enum PDFLayout {
    struct Word {
        var x0, y0, x1, y1: Double
        var bold: Bool
        var coloured: Bool
        var size: Double
        var text: String
        var underlined = false
        var highlighted = false
        var height: Double { y1 - y0 }
        var midX: Double { (x0 + x1) / 2 }
        var midY: Double { (y0 + y1) / 2 }
    }

    struct Box {
        var x0, y0, x1, y1: Double
        var horizontal: Bool { x1 - x0 >= y1 - y0 }
    }

    struct Page {
        var words: [Word] = []
        var rules: [Box] = []
        var fills: [Box] = []
    }

    /// Pages from the records; nil when the text is not such a description (pdftotext's text).
    static func pages(_ text: String) -> [Page]? {
        var pages: [Page] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: true) {
            let f = line.split(separator: "\t", maxSplits: 7, omittingEmptySubsequences: false)
            guard let tag = f.first else { continue }
            func n(_ i: Int) -> Double? { i < f.count ? Double(f[i]) : nil }
            switch tag {
            case "P":
                pages.append(Page())
            case "W":
                guard f.count == 8, !pages.isEmpty, let x0 = n(1), let y0 = n(2), let x1 = n(3), let y1 = n(4), let size = n(6) else { continue }
                pages[pages.count - 1].words.append(Word(x0: x0, y0: y0, x1: x1, y1: y1, bold: f[5].contains("b"),
                                                         coloured: f[5].contains("c"), size: size, text: String(f[7])))
            case "L", "F":
                guard !pages.isEmpty, let x0 = n(1), let y0 = n(2), let x1 = n(3), let y1 = n(4) else { continue }
                let box = Box(x0: x0, y0: y0, x1: x1, y1: y1)
                if tag == "L" { pages[pages.count - 1].rules.append(box) } else { pages[pages.count - 1].fills.append(box) }
            default:
                return nil
            }
        }
        return pages.isEmpty ? nil : pages
    }

    static func document(_ pages: [Page]) -> FormDocument {
        var blocks: [FormDocument.Block] = []
        // The text's right margin, the same on every page: a page of short lines alone does not show it.
        let margin = pages.lazy.flatMap(\.words).map(\.x1).max()
        for page in pages { blocks += self.blocks(of: page, margin: margin) }
        var document = FormDocument(blocks: blocks)
        // Coloured letters may be how a choice was marked, and a FormDocument cannot say so.
        document.showsFormatting = !pages.contains { $0.words.contains(where: \.coloured) }
        return document
    }

    // MARK: one page

    /// One row of a drawn table: between two horizontal borders, split by the vertical ones.
    struct Band {
        var top, bottom: Double
        var columns: [Double]
    }

    /// `margin`: where lines of text end at the longest, if known beyond this page.
    static func blocks(of page: Page, margin: Double? = nil) -> [FormDocument.Block] {
        let bands = tableBands(page.rules)
        var words = page.words
        // A coloured band about one line tall behind a word is a highlighter's; a taller one shades a cell or a box.
        for i in words.indices {
            let w = words[i]
            words[i].highlighted = page.fills.contains { f in
                f.x0 <= w.midX && w.midX <= f.x1 && f.y0 <= w.midY && w.midY <= f.y1 && f.y1 - f.y0 <= w.height * 2
            }
        }
        let borders = bands.flatMap { [$0.top, $0.bottom] }
        markUnderlines(&words, rules: page.rules.filter { r in
            r.horizontal && !borders.contains { abs($0 - (r.y0 + r.y1) / 2) <= 4 }
        })
        // Words in a table cell, by band and column; the rest run as text.
        var cellWords: [[[Word]]] = bands.map { Array(repeating: [], count: max($0.columns.count - 1, 1)) }
        var free: [Word] = []
        for word in words {
            if let b = bands.firstIndex(where: { $0.top < word.midY && word.midY < $0.bottom
                && $0.columns.first! < word.midX && word.midX < $0.columns.last! }) {
                let column = bands[b].columns.lastIndex { $0 < word.midX } ?? 0
                cellWords[b][min(column, cellWords[b].count - 1)].append(word)
            } else {
                free.append(word)
            }
        }
        // Tables (runs of bands one below the other) and free lines, in order from the top.
        enum Item { case table(top: Double, bands: [Int]), line(top: Double, Line) }
        var items: [Item] = []
        var current: [Int] = []
        for b in bands.indices {
            if let last = current.last, abs(bands[last].bottom - bands[b].top) > 2 {
                items.append(.table(top: bands[current[0]].top, bands: current))
                current = []
            }
            current.append(b)
        }
        if !current.isEmpty { items.append(.table(top: bands[current[0]].top, bands: current)) }
        let freeLines = lines(free)
        let right = max(freeLines.map(\.x1).max() ?? 0, margin ?? 0)
        items += freeLines.map { .line(top: $0.y0, $0) }
        items.sort { a, b in
            func top(_ i: Item) -> Double { switch i { case .table(let t, _): return t; case .line(let t, _): return t } }
            return top(a) < top(b)
        }
        var blocks: [FormDocument.Block] = []
        var run: [Line] = []
        func flush() {
            blocks += textBlocks(run, right: right)
            run = []
        }
        for item in items {
            switch item {
            case .line(_, let line): run.append(line)
            case .table(_, let rows):
                flush()
                let table = Table(rows: rows.map { b in
                    Table.Row(cells: cellWords[b].enumerated().map { column, words in
                        let edge = bands[b].columns[min(column + 1, bands[b].columns.count - 1)]
                        // Text stops short of the border by the cell's padding (3 to 6 points as word processors set it).
                        return Table.Cell(blocks: paragraphs(lines(words), right: edge - 6).map { .paragraph($0) })
                    })
                })
                blocks.append(.table(table))
            }
        }
        flush()
        return blocks
    }

    /// Rows of drawn tables: each pair of neighbouring horizontal borders that vertical borders
    /// cross from one to the other, at two places or more.
    static func tableBands(_ rules: [Box]) -> [Band] {
        let horizontal = rules.filter { $0.horizontal && $0.x1 - $0.x0 >= 20 }
        let vertical = rules.filter { !$0.horizontal && $0.y1 - $0.y0 >= 4 }
        guard !horizontal.isEmpty, vertical.count >= 2 else { return [] }
        // Borders closer than this are one: a browser draws each cell's own box, with the table's
        // spacing (a point or two) between neighbours, and no text fits in such a sliver.
        let sliver = 4.0
        var ys: [Double] = []
        for y in horizontal.map({ ($0.y0 + $0.y1) / 2 }).sorted() where ys.last.map({ y - $0 > sliver }) ?? true { ys.append(y) }
        var bands: [Band] = []
        for (top, bottom) in zip(ys, ys.dropFirst()) where bottom - top >= 6 {
            var xs: [Double] = []
            let crossing = vertical.filter { $0.y0 <= top + sliver && $0.y1 >= bottom - sliver }.map { ($0.x0 + $0.x1) / 2 }.sorted()
            for x in crossing where xs.last.map({ x - $0 > sliver }) ?? true { xs.append(x) }
            guard xs.count >= 2, let left = xs.first, let right = xs.last,
                  covered(horizontal, at: top, from: left, to: right), covered(horizontal, at: bottom, from: left, to: right)
            else { continue }
            bands.append(Band(top: top, bottom: bottom, columns: xs))
        }
        return bands
    }

    /// Whether horizontal rules at `y` draw most of the way from `left` to `right`.
    static func covered(_ rules: [Box], at y: Double, from left: Double, to right: Double) -> Bool {
        let spans = rules.filter { abs(($0.y0 + $0.y1) / 2 - y) <= 4 }.map { (max($0.x0, left), min($0.x1, right)) }
            .filter { $0.0 < $0.1 }.sorted { $0.0 < $1.0 }
        var total = 0.0, reach = left
        for (a, b) in spans where b > reach {
            total += b - max(a, reach)
            reach = b
        }
        return total >= (right - left) * 0.8
    }

    /// A word is underlined when a drawn line runs under most of it, between its middle and just
    /// below its box (table borders were taken out before).
    static func markUnderlines(_ words: inout [Word], rules: [Box]) {
        guard !rules.isEmpty else { return }
        for i in words.indices {
            let w = words[i]
            let width = w.x1 - w.x0
            guard width > 0 else { continue }
            words[i].underlined = rules.contains { r in
                let y = (r.y0 + r.y1) / 2
                guard y >= w.y0 + w.height * 0.55, y <= w.y1 + 2 else { return false }
                return min(r.x1, w.x1) - max(r.x0, w.x0) >= width * 0.5
            }
        }
    }

    // MARK: lines and paragraphs

    struct Line {
        var words: [Word]
        var x0: Double { words.first?.x0 ?? 0 }
        var x1: Double { words.last?.x1 ?? 0 }
        var y0: Double { words.map(\.y0).min() ?? 0 }
        var height: Double { (words.map(\.y1).max() ?? 0) - y0 }
        var size: Double { words.map(\.size).max() ?? 0 }
    }

    /// Words on one baseline, left to right; lines from the top.
    static func lines(_ words: [Word]) -> [Line] {
        var lines: [Line] = []
        for word in words.sorted(by: { $0.midY < $1.midY || ($0.midY == $1.midY && $0.x0 < $1.x0) }) {
            if let i = lines.indices.last, let ref = lines[i].words.first,
               min(ref.y1, word.y1) - max(ref.y0, word.y0) >= min(ref.height, word.height) * 0.5 {
                lines[i].words.append(word)
            } else {
                lines.append(Line(words: [word]))
            }
        }
        for i in lines.indices { lines[i].words.sort { $0.x0 < $1.x0 } }
        return lines
    }

    /// A gap this wide inside a line parts two columns (a label and its value in a table drawn
    /// without borders), not two words.
    static func isColumnGap(_ gap: Double, size: Double) -> Bool { gap >= max(size * 1.6, 14) }

    /// The line cut at column gaps.
    static func segments(_ line: Line) -> [Line] {
        var out: [Line] = []
        for word in line.words {
            if let last = out.last?.words.last, !isColumnGap(word.x0 - last.x1, size: max(word.size, last.size)) {
                out[out.count - 1].words.append(word)
            } else {
                out.append(Line(words: [word]))
            }
        }
        return out
    }

    /// Free text: lines cut at column gaps become rows of a table (a following line that starts
    /// under a later column continues that column's cell); other lines become paragraphs.
    static func textBlocks(_ lines: [Line], right: Double) -> [FormDocument.Block] {
        var blocks: [FormDocument.Block] = []
        var plain: [Line] = []
        var rows: [[[Line]]] = []        // rows of cells of lines
        var starts: [Double] = []        // where the open table's columns start
        func flushPlain() {
            blocks += paragraphs(plain, right: right).map { .paragraph($0) }
            plain = []
        }
        func flushTable() {
            guard !rows.isEmpty else { return }
            let width = rows.map(\.count).max() ?? 1
            blocks.append(.table(Table(rows: rows.map { cells in
                Table.Row(cells: (0..<width).map { i in
                    let edge = i + 1 < starts.count ? starts[i + 1] - 4 : right
                    return Table.Cell(blocks: i < cells.count ? paragraphs(cells[i], right: edge).map { .paragraph($0) } : [])
                })
            })))
            rows = []
            starts = []
        }
        for line in lines {
            let parts = segments(line)
            if parts.count >= 2 {
                flushPlain()
                let xs = parts.map(\.x0)
                if !rows.isEmpty, xs.count != starts.count || zip(xs.dropFirst(), starts.dropFirst()).contains(where: { abs($0 - $1) > 6 }) {
                    flushTable()
                }
                if rows.isEmpty { starts = xs }
                // Close below, with a cell of the row above wrapped into it: the same row goes on.
                let last = rows.count - 1
                if last >= 0, rows[last].count == parts.count, parts.indices.contains(where: { i in
                    guard let above = rows[last][i].last else { return false }
                    let edge = i + 1 < starts.count ? starts[i + 1] - 4 : right
                    return line.y0 - above.y0 <= above.height * 1.3 && wraps(above, into: parts[i], right: edge)
                }) {
                    for i in parts.indices { rows[last][i].append(parts[i]) }
                    continue
                }
                rows.append(parts.map { [$0] })
                continue
            }
            // A line under a later column of the open table: the rest of that cell, or a row with the first cell empty.
            if !rows.isEmpty, let column = starts.indices.dropFirst().first(where: { abs(starts[$0] - line.x0) <= 6 }) {
                let last = rows.count - 1
                if rows[last].count > column, let above = rows[last][column].last, line.y0 - above.y0 <= above.height * 1.6 {
                    rows[last][column].append(line)
                } else {
                    rows.append((0...column).map { $0 == column ? [line] : [] })
                }
                continue
            }
            // Under the first column, close below the row: a wrapped label.
            if !rows.isEmpty, abs(starts[0] - line.x0) <= 6, let above = rows[rows.count - 1].first?.last,
               line.y0 - above.y0 <= above.height * 1.3 {
                rows[rows.count - 1][0].append(line)
                continue
            }
            flushTable()
            plain.append(line)
        }
        flushTable()
        flushPlain()
        return blocks
    }

    /// Lines as paragraphs: a line joins the one above when it follows at the usual line pitch and
    /// the one above ran to the right edge (its first word would not have fitted there: a wrap).
    static func paragraphs(_ lines: [Line], right: Double) -> [Paragraph] {
        var out: [[Line]] = []
        for line in lines {
            if let above = out.last?.last {
                let pitch = line.y0 - above.y0
                if pitch > 0, pitch <= max(above.height, line.height) * 1.25, wraps(above, into: line, right: right) {
                    out[out.count - 1].append(line)
                    continue
                }
            }
            out.append([line])
        }
        return out.map { lines in
            var words: [Word] = []
            for (i, line) in lines.enumerated() {
                // A number broken over lines of a narrow column ("1" / "0" in a "№" column) is one
                // number: the line above holds only its first digits, up to the column's edge.
                if i > 0, lines[i - 1].words.count == 1, var last = words.last, let next = line.words.first,
                   last.text.last?.isNumber == true, next.text.first?.isNumber == true,
                   last.x1 >= right - 2 - max(last.size, 4) * 0.6 {
                    last.text += next.text
                    last.x1 = next.x1
                    words[words.count - 1] = last
                    words += line.words.dropFirst()
                } else {
                    words += line.words
                }
            }
            return paragraph(words)
        }
    }

    /// Whether `line`'s first word would not have fitted at the end of `above`, within `right`.
    static func wraps(_ above: Line, into line: Line, right: Double) -> Bool {
        guard let first = line.words.first else { return false }
        let space = max(above.size, line.size) * 0.35
        return above.x1 + space + (first.x1 - first.x0) > right - 2
    }

    /// Words as runs; the space between two underlined (bold, highlighted) words is so too.
    static func paragraph(_ words: [Word]) -> Paragraph {
        var runs: [Paragraph.Run] = []
        for (i, w) in words.enumerated() {
            if i > 0 {
                let p = words[i - 1]
                runs.append(Paragraph.Run(" ", underlined: p.underlined && w.underlined, bold: p.bold && w.bold,
                                          highlighted: p.highlighted && w.highlighted))
            }
            runs.append(Paragraph.Run(w.text, underlined: w.underlined, bold: w.bold, highlighted: w.highlighted))
        }
        // Adjacent runs of one formatting as one run, as a word processor stores them.
        var merged: [Paragraph.Run] = []
        for r in runs {
            if let last = merged.last, last.underlined == r.underlined, last.bold == r.bold, last.highlighted == r.highlighted {
                merged[merged.count - 1].text += r.text
            } else {
                merged.append(r)
            }
        }
        return Paragraph(runs: merged)
    }
}
