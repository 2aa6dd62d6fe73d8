import Foundation

/// What recognising a scan or photo gave, beside its text: per page how sure Tesseract was,
/// per word its confidence (0-100), and what it cost. A reading made this way is never
/// decided on by the machine alone (`ApplicationReader`).
public struct Recognition: Sendable, Equatable {
    public struct Page: Sendable, Equatable {
        public var meanConfidence: Double
        public var width: Int
        public var height: Int
        /// The factor a small image was scaled up by before reading.
        public var scale: Double
        /// The skew corrected, and the quarter turns OSD found the page lying on.
        public var skewDegrees: Double
        public var rotationDegrees: Int
        /// The reading child's peak resident memory and CPU time, from its own rusage.
        public var peakMemoryKB: Int
        public var cpuMilliseconds: Int
        public var seconds: Double
    }

    public struct Word: Sendable, Equatable {
        public var text: String
        public var confidence: Double
    }

    public var pages: [Page]
    public var words: [Word]

    /// Over the words of every page, as Tesseract's mean text confidence is over one page.
    public var meanConfidence: Double {
        guard !pages.isEmpty else { return 0 }
        return pages.map(\.meanConfidence).reduce(0, +) / Double(pages.count)
    }

    /// The lowest confidence of the words a value was read from; nil when none of its words is found.
    public func confidence(of value: String) -> Double? {
        let tokens = value.split(whereSeparator: \.isWhitespace).map(Self.core).filter { !$0.isEmpty }
        var lowest: Double? = nil
        for token in tokens {
            let matches = words.filter { let w = Self.core($0.text); return w == token || (w.count > 3 && w.contains(token)) }
            guard let best = matches.map(\.confidence).max() else { continue }
            lowest = min(lowest ?? best, best)
        }
        if lowest == nil {
            // A normalised value ("+77015554812" from "+7 701 555 48 12"): the words whose digits it holds.
            let digits = value.filter { $0.isASCII && $0.isNumber }
            guard digits.count >= 4 else { return nil }
            for word in words {
                let own = word.text.filter { $0.isASCII && $0.isNumber }
                if own.count >= 2, own.count * 2 >= word.text.count, digits.contains(own) {
                    lowest = min(lowest ?? word.confidence, word.confidence)
                }
            }
        }
        return lowest
    }

    static func core(_ word: Substring) -> String { core(String(word)) }
    static func core(_ word: String) -> String {
        word.trimmingCharacters(in: CharacterSet.punctuationCharacters.union(.symbols).subtracting(CharacterSet(charactersIn: "+@")))
    }
}

/// Scans and photos of a form read by Tesseract (eng+kaz+rus) in tizilim-ocr, one bounded child
/// per page (Sources/tizilim-ocr/main.cpp); PDFs without a text layer are first rasterised by
/// pdftoppm at 300 dpi, bounded as well. The words come back with their boxes and become lines,
/// and table rows where a line's words stand in columns, so the form readers read them as they
/// read any other document.
public enum OCRText {
    public static let executableName = "tizilim-ocr"
    public static let pdftoppmPath = "/usr/bin/pdftoppm"
    /// Per page, on the wall clock; the child also stops itself after 60 s of CPU.
    static let timeout: TimeInterval = 90
    static let maxOutput = 4 << 20
    /// A form has one to three pages; more is a document staff read themselves.
    static let maxPages = 6
    static let rasterLimits = BoundedChild.Limits(addressSpace: 1 << 30, cpuSeconds: 60, fileSize: 64 << 20)

    public static var path: String? { located }
    private static let located = PDFForkServer.locate(executableName)

    public static func read(image bytes: [UInt8], tool: String? = path) -> Result<FormDocument, UnreadableReason> {
        guard let tool else { return .failure(UnreadableReason(.toolMissing, "tizilim-ocr is not installed beside tizilim; the scan goes to staff")) }
        return page(bytes, tool: tool).map { layout([$0]) }
    }

    /// A PDF without a text layer: its first pages as images, each read like a scan.
    public static func read(scannedPDF bytes: [UInt8], tool: String? = path) -> Result<FormDocument, UnreadableReason> {
        guard let tool else { return .failure(UnreadableReason(.scan, "PDF has no text layer (tizilim-ocr is not installed)")) }
        guard FileManager.default.isExecutableFile(atPath: pdftoppmPath) else {
            return .failure(UnreadableReason(.toolMissing, "PDF has no text layer; install poppler-utils (pdftoppm) to read it"))
        }
        guard let folder = PrivateFolder() else { return .failure(UnreadableReason(.toolMissing, "no private temporary folder for the scan")) }
        defer { folder.remove() }
        let raster = BoundedChild(tool: pdftoppmPath, arguments: ["-r", "300", "-gray", "-png", "-l", String(maxPages), "-", "page"],
                                  limits: rasterLimits, timeout: 60, maxOutput: 1 << 16, workingDirectory: folder.path)
        switch raster.run(input: bytes) {
        case .exited(0, _): break
        case .exited(let status, _):
            return .failure(UnreadableReason(.corrupt, "PDF has no text layer and pdftoppm could not render it (exit \(status))"))
        case .signaled(let signal):
            return .failure(UnreadableReason(.limitReached, "rendering the scanned PDF stopped at its limits (signal \(signal))"))
        case .deadline, .overflow:
            return .failure(UnreadableReason(.limitReached, "rendering the scanned PDF took longer than 60 s"))
        case .cannotStart(let error):
            return .failure(UnreadableReason(.toolMissing, "pdftoppm could not start (\(error))"))
        }
        let files = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { $0.hasSuffix(".png") }.sorted()
        guard !files.isEmpty else { return .failure(UnreadableReason(.scan, "PDF has no text layer and no page to render")) }
        var pages: [PageReading] = []
        for file in files {
            guard let data = FileManager.default.contents(atPath: folder.path + "/" + file) else { continue }
            switch page([UInt8](data), tool: tool) {
            case .success(let reading): pages.append(reading)
            case .failure(let reason): return .failure(reason)
            }
        }
        return .success(layout(pages))
    }

    /// One page as tizilim-ocr read it.
    struct PageReading {
        var words: [WordBox]
        var page: Recognition.Page
        var boxes: [CheckBox] = []

        /// Each check box decided as a mark word ("☒" or "☐") on the line of the word to its right,
        /// so the mark readers see the option as typed; a box whose ink is neither is left out.
        var marks: [WordBox] {
            boxes.compactMap { box in
                guard let mark = box.mark else { return nil }
                let middle = box.top + box.height / 2
                guard let next = words.filter({ !$0.isRule && $0.left >= box.left + box.width / 2
                                                && $0.top <= middle && $0.top + $0.height >= middle })
                    .min(by: { $0.left < $1.left }),
                    next.left - (box.left + box.width) < 4 * box.width else { return nil }
                return WordBox(block: next.block, paragraph: next.paragraph, line: next.line, left: box.left, top: box.top,
                               width: box.width, height: box.height, confidence: 0, text: String(mark))
            }
        }
    }

    /// A square frame tizilim-ocr found on the page and painted out before Tesseract read it,
    /// with the dark share of its inner area.
    struct CheckBox: Equatable {
        var left: Int, top: Int, width: Int, height: Int
        var ink: Double

        /// Measured on LibreOffice's ☒ and ☐ printed at 150-300 dpi, plain, turned and with noise
        /// (JPEG too): a crossed box 0.35-0.43, pen ticks drawn in 0.30-0.56, an empty one 0.000. A stray speck or a faint tick between the
        /// two is no mark either way: the option is left to staff.
        static let ticked = 0.12, empty = 0.04
        var mark: Character? { ink >= Self.ticked ? "☒" : ink <= Self.empty ? "☐" : nil }
    }

    struct WordBox {
        var block: Int, paragraph: Int, line: Int
        var left: Int, top: Int, width: Int, height: Int
        var confidence: Double
        var text: String
        var right: Int { left + width }
        var isRule: Bool { text.allSatisfy(\.isWhitespace) }
    }

    static func page(_ bytes: [UInt8], tool: String) -> Result<PageReading, UnreadableReason> {
        var environment = ProcessInfo.processInfo.environment
        // libgomp reads it when tesseract loads: one thread is 6x faster on a shared machine.
        environment["OMP_THREAD_LIMIT"] = "1"
        let child = BoundedChild(tool: tool, arguments: [], timeout: timeout, maxOutput: maxOutput, environment: environment)
        let started = Date()
        switch child.run(input: bytes) {
        case .cannotStart(let error):
            return .failure(UnreadableReason(.toolMissing, "tizilim-ocr could not start (\(error))"))
        case .deadline:
            return .failure(UnreadableReason(.limitReached, "reading the scan took longer than \(Int(timeout)) s"))
        case .overflow:
            return .failure(UnreadableReason(.limitReached, "the scan's text exceeds \(maxOutput) bytes"))
        case .signaled(let signal):
            // SIGXCPU (24): its CPU limit; SIGABRT/SIGSEGV: memory refused or a decoder fault.
            let why = signal == 24 ? "it needed more than 60 s of CPU" : "signal \(signal)"
            return .failure(UnreadableReason(.limitReached, "the OCR reader stopped on this image (\(why))"))
        case .exited(let status, let output):
            return parse(String(decoding: output, as: UTF8.self), status: status, seconds: Date().timeIntervalSince(started))
        }
    }

    static func parse(_ output: String, status: Int32, seconds: Double) -> Result<PageReading, UnreadableReason> {
        var words: [WordBox] = []
        var boxes: [CheckBox] = []
        var page: Recognition.Page? = nil
        for line in output.split(separator: "\n") {
            let f = line.split(separator: "\t", omittingEmptySubsequences: false)
            switch f.first {
            case "word" where f.count >= 10:
                let n = f[1...8].map { Double($0) ?? 0 }
                words.append(WordBox(block: Int(n[0]), paragraph: Int(n[1]), line: Int(n[2]), left: Int(n[3]), top: Int(n[4]),
                                     width: Int(n[5]), height: Int(n[6]), confidence: n[7], text: f[9...].joined(separator: " ")))
            case "box" where f.count >= 6:
                let n = f[1...5].map { Double($0) ?? 0 }
                boxes.append(CheckBox(left: Int(n[0]), top: Int(n[1]), width: Int(n[2]), height: Int(n[3]), ink: n[4]))
            case "page" where f.count >= 10:
                let n = f[1...9].map { Double($0) ?? 0 }
                page = Recognition.Page(meanConfidence: n[5], width: Int(n[0]), height: Int(n[1]), scale: n[2], skewDegrees: n[3],
                                        rotationDegrees: Int(n[4]), peakMemoryKB: Int(n[6]), cpuMilliseconds: Int(n[7]), seconds: seconds)
            case "error" where f.count >= 3:
                let kind = UnreadableReason.Kind(rawValue: String(f[1])) ?? .corrupt
                return .failure(UnreadableReason(kind, "image: " + f[2...].joined(separator: " ")))
            default: continue
            }
        }
        guard status == 0, let page else {
            return .failure(UnreadableReason(.corrupt, "the OCR reader could not read this image (exit \(status))"))
        }
        if words.allSatisfy(\.isRule) { return .failure(UnreadableReason(.scan, "no text recognised in the image")) }
        return .success(PageReading(words: words, page: page, boxes: boxes))
    }

    /// Lines in reading order; a line whose words stand apart in columns is a table row, and the
    /// lines of one row of a ruled table (between the same two rules) are one row, each cell's
    /// text joined, since a long value wraps inside its cell.
    static func layout(_ pages: [PageReading]) -> FormDocument {
        var blocks: [FormDocument.Block] = []
        var rows: [Table.Row] = []
        func flush() {
            if rows.count >= 2 {
                blocks.append(.table(Table(rows: rows)))
            } else {
                for row in rows { blocks.append(.paragraph(Paragraph(row.cells.map(\.text).joined(separator: " ")))) }
            }
            rows = []
        }
        for page in pages {
            let words = page.words + page.marks
            let lines = Dictionary(grouping: words, by: \.line).values
                .map { $0.sorted { $0.left < $1.left } }
                .sorted { ($0.map(\.top).min() ?? 0) < ($1.map(\.top).min() ?? 0) }
            let rules = lines.filter { $0.allSatisfy(\.isRule) }.map { $0.map(\.top).min() ?? 0 }
            var previous: (cells: [(left: Int, text: String)], top: Int, paragraph: Int, right: Int)? = nil
            // A line ending this far right filled the text width: it was wrapped, not ended.
            let textRight = lines.filter { !$0.allSatisfy(\.isRule) }.compactMap { $0.map(\.right).max() }.max() ?? 0
            let textLeft = words.filter { !$0.isRule }.map(\.left).min() ?? 0
            let wrapWidth = textRight - (textRight - textLeft) / 6
            for line in lines where !line.allSatisfy(\.isRule) {
                let text = line.filter { !$0.isRule }
                let top = text.map(\.top).min() ?? 0
                let cells = cellsOf(text)
                // Inside a ruled table, a line with no rule above it since the last line continues that row.
                if let last = previous, last.cells.count >= 2, !rows.isEmpty,
                   rules.contains(where: { $0 < last.top }), rules.contains(where: { $0 > top }),
                   !rules.contains(where: { $0 > last.top && $0 < top }) {
                    var merged = last.cells
                    for cell in cells {
                        let column = merged.indices.min { abs(merged[$0].left - cell.left) < abs(merged[$1].left - cell.left) }!
                        merged[column].text += " " + cell.text
                    }
                    rows[rows.count - 1] = Table.Row(cells: merged.map { Table.Cell($0.text) })
                    previous = (merged, top, last.paragraph, last.right)
                    continue
                }
                if cells.count >= 2 {
                    rows.append(Table.Row(cells: cells.map { Table.Cell($0.text) }))
                } else if let last = previous, last.cells.count == 1, rows.isEmpty, case .paragraph(let p)? = blocks.last,
                          last.paragraph == text[0].paragraph, last.right >= wrapWidth,
                          !(p.text.last.map { ".!?;:".contains($0) } ?? true),
                          !(cells.first?.text.prefix(40).contains(":") ?? false) {
                    // A sentence wrapped at the right margin goes on in its next line ("...келісім / беремін.").
                    blocks[blocks.count - 1] = .paragraph(Paragraph(p.text + " " + (cells.first?.text ?? "")))
                } else {
                    flush()
                    blocks.append(.paragraph(Paragraph(cells.first?.text ?? "")))
                }
                previous = (cells, top, text[0].paragraph, text.map(\.right).max() ?? 0)
            }
            flush()
        }
        let recognition = Recognition(pages: pages.map(\.page),
                                      words: pages.flatMap { $0.words.filter { !$0.isRule }.map { Recognition.Word(text: $0.text, confidence: $0.confidence) } })
        return FormDocument(blocks: blocks, recognition: recognition)
    }

    /// A line's words split where the gap between two is wider than twice the line's letter
    /// height: a space between words is under one.
    static func cellsOf(_ words: [WordBox]) -> [(left: Int, text: String)] {
        guard let first = words.first else { return [] }
        let heights = words.map(\.height).sorted()
        let gap = 2 * max(heights[heights.count / 2], 8)
        var cells: [(left: Int, text: String)] = [(first.left, first.text)]
        for (before, word) in zip(words, words.dropFirst()) {
            if word.left - before.right > gap {
                cells.append((word.left, word.text))
            } else {
                cells[cells.count - 1].text += " " + word.text
            }
        }
        return cells
    }

    /// How this installation reads scans (`tizilim doctor`): whether a tiny built-in image is
    /// read, and which languages Tesseract has.
    public enum Probe: Equatable, Sendable {
        case works(path: String, languages: [String], seconds: Double)
        case fails(path: String, reason: String)
        case notInstalled
    }

    public static func probe() -> Probe {
        guard let tool = path else { return .notInstalled }
        let started = Date()
        switch read(image: probeImage, tool: tool) {
        case .failure(let reason): return .fails(path: tool, reason: reason.description)
        case .success(let document):
            let seconds = Date().timeIntervalSince(started)
            guard document.plainText.contains("0123") else {
                return .fails(path: tool, reason: "read \"\(document.plainText)\" instead of \"tizilim OCR 0123\"")
            }
            let list = BoundedChild(tool: tool, arguments: ["--list-languages"], timeout: 20, maxOutput: 1 << 16,
                                    environment: ["OMP_THREAD_LIMIT": "1"]).run()
            var languages: [String] = []
            if case .exited(0, let output) = list {
                languages = String(decoding: output, as: UTF8.self).split(separator: "\n")
                    .compactMap { $0.hasPrefix("language\t") ? String($0.dropFirst(9)) : nil }
            }
            return .works(path: tool, languages: languages, seconds: seconds)
        }
    }

    /// "tizilim OCR 0123" in DejaVu Sans, 520x70 pixels, 1 bit (ImageMagick).
    static let probeImage: [UInt8] = Array(Data(base64Encoded: """
        iVBORw0KGgoAAAANSUhEUgAAAggAAABGAQAAAACBSlH7AAAB10lEQVRYw+3UQW6cMBQGYFMU0Z17Ax8jm0hco4cZxURdOKv6CO1R\
        WrGYQ3QDYpGtrWwcxeLvezaDpiucRl3VSGgADR/Pv+0n8N5DVKEKVahCFf4TwQPxvld/Laz6D6EBBj1IICg8YFJrcyz010IUehVq\
        aIGpiy2GLgh9LLwk4Vu6d0IF0T3Sh6c2tBAk9McC/67b/6ZVBm3sBIzLyww1vkb1NmFG5/BkHGA8Fr7HoRCEd+KOcvgqf9KXYegl\
        G+h8m3Ai4bGj0M5U/SY4FnyBsN76188sDB8+ahiMYxZkyMJakINHYOHLdOphsYzp+5swIxbMhYfj9WAcxWmwnClFmguVhAUl68HD\
        s2BZsJhJGJokzJzs0c7JwpIET0O2qQZek7kGg+9FNZyzgL2GjgVNNcjCJM2VwDXYcUuSXy8S5D4Kk+aCV1UaBU+ELBBWdSWM22zS\
        OSNQCLZE6PdR5DVpQlpVC0gqqiHqvYbLvtB5VdN1UQ1B7zXM/OaTjTrvTRpRUZIOWw099wdH/YESpNEsFMtzQX+48fOvU65BwX2i\
        HiUtW20USjQFPQrCT+J0ySH3SUNX1CdZcMf7Aj9IuLvkwA8GbdlSUUjRFPTq9x5VqEIVqlCFfy38BssYy+w7Tif3AAAAAElFTkSu\
        QmCC
        """)!)
}
