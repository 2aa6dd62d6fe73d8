import Foundation
/// What a reader makes of one source an applicant sent (a DOCX, an ODT, an HTML or text body):
/// its paragraphs and tables in reading order, with the formatting that carries meaning in the
/// Annex 2 forms (underlining marks the chosen applicant kind; check marks choose options).
public struct FormDocument: Sendable, Equatable {
    public enum Block: Sendable, Equatable {
        case paragraph(Paragraph)
        case table(Table)
    }

    public var blocks: [Block]
    /// Set when the text was recognised in an image (`OCRText`): how sure the recognition was.
    public var recognition: Recognition?

    /// Whether underline and bold survive in this document (DOCX, ODT, HTML); plain text and a
    /// PDF's extracted text lose them, so an unmarked list there may hide a choice.
    public var showsFormatting = true

    /// The text in Unicode NFC, once, here: every rule after this compares words by their
    /// scalars, and mail from a Mac may spell "й" as "и" plus a combining breve.
    public init(blocks: [Block] = [], recognition: Recognition? = nil) {
        self.blocks = blocks.map { $0.composed() }
        self.recognition = recognition
    }

    /// Every paragraph, tables' cells included, in reading order.
    public var paragraphs: [Paragraph] {
        var out: [Paragraph] = []
        func walk(_ blocks: [Block]) {
            for block in blocks {
                switch block {
                case .paragraph(let p): out.append(p)
                case .table(let t): for row in t.rows { for cell in row.cells { walk(cell.blocks) } }
                }
            }
        }
        walk(blocks)
        return out
    }

    /// The document as plain text: paragraphs on lines, table cells separated by tabs.
    public var plainText: String { Self.plainText(blocks) }

    static func plainText(_ blocks: [Block]) -> String {
        var lines: [String] = []
        func walk(_ blocks: [Block]) {
            for block in blocks {
                switch block {
                case .paragraph(let p): lines.append(p.text)
                case .table(let t):
                    for row in t.rows {
                        lines.append(row.cells.map { $0.text }.joined(separator: "\t"))
                    }
                }
            }
        }
        walk(blocks)
        return lines.joined(separator: "\n")
    }
}

extension FormDocument.Block {
    func composed() -> Self {
        switch self {
        case .paragraph(let p):
            return .paragraph(Paragraph(runs: p.runs.map { run in
                var r = run
                r.text = r.text.composedForReading()
                return r
            }))
        case .table(var t):
            for i in t.rows.indices {
                for j in t.rows[i].cells.indices { t.rows[i].cells[j].blocks = t.rows[i].cells[j].blocks.map { $0.composed() } }
            }
            return .table(t)
        }
    }
}

extension String {
    /// NFC. Text made only of scalars that never compose with a neighbour (ASCII, Latin-1,
    /// Cyrillic with Kazakh, punctuation and symbols: none has a canonical decomposition
    /// or combines) is NFC already and is returned as it is.
    func composedForReading() -> String {
        guard unicodeScalars.contains(where: { v in
            switch v.value {
            case 0..<0x300, 0x400...0x482, 0x48A...0x52F, 0x2010...0x205E, 0x20A0...0x20CF, 0x2116,
                 0x2190...0x2328, 0x232B...0x27BF: return false
            default: return true
            }
        }) else { return self }
        return precomposedStringWithCanonicalMapping
    }
}

/// A paragraph as runs of text with the formatting forms rely on.
public struct Paragraph: Sendable, Equatable {
    public struct Run: Sendable, Equatable {
        public var text: String
        public var underlined: Bool
        public var bold: Bool
        public var struckThrough: Bool
        /// Set on a coloured background (a highlighter), which marks a choice as underlining does.
        public var highlighted: Bool

        public init(_ text: String, underlined: Bool = false, bold: Bool = false, struckThrough: Bool = false,
                    highlighted: Bool = false) {
            self.text = text
            self.underlined = underlined
            self.bold = bold
            self.struckThrough = struckThrough
            self.highlighted = highlighted
        }
    }

    public var runs: [Run]

    public init(runs: [Run]) { self.runs = runs }
    public init(_ text: String) { self.runs = [Run(text)] }

    public var text: String { runs.map(\.text).joined() }
    /// The underlined words: "underline the right kind" on the application form.
    public var underlinedText: [String] { runs.filter(\.underlined).map(\.text) }
}

/// A table: rows of cells; a cell holds paragraphs and possibly nested tables.
public struct Table: Sendable, Equatable {
    public struct Cell: Sendable, Equatable {
        public var blocks: [FormDocument.Block]
        /// Columns this cell spans (DOCX gridSpan, ODT number-columns-spanned).
        public var columnSpan: Int
        /// True for the continuation of a vertically merged cell (DOCX vMerge without restart):
        /// its text belongs to the cell above.
        public var continuesAbove: Bool

        public init(blocks: [FormDocument.Block], columnSpan: Int = 1, continuesAbove: Bool = false) {
            self.blocks = blocks
            self.columnSpan = columnSpan
            self.continuesAbove = continuesAbove
        }

        public init(_ text: String) { self.init(blocks: [.paragraph(Paragraph(text))]) }

        public var text: String { FormDocument.plainText(blocks) }
    }

    public struct Row: Sendable, Equatable {
        public var cells: [Cell]
        public init(cells: [Cell]) { self.cells = cells }
    }

    public var rows: [Row]
    public init(rows: [Row]) { self.rows = rows }
}

/// Why a source could not be read: said per attachment, never guessed past.
public struct UnreadableReason: Sendable, Equatable, CustomStringConvertible, Error {
    public enum Kind: String, Sendable {
        case scan               // image, or PDF without a text layer
        case legacyFormat       // .doc, .xls, .rtf we do not read
        case encrypted
        case corrupt
        case limitReached       // zip bomb, XML depth, entity expansion, size
        case toolMissing        // pdftotext not installed
        case unsupported
    }

    public let kind: Kind
    public let detail: String

    public init(_ kind: Kind, _ detail: String) {
        self.kind = kind
        self.detail = detail
    }

    public var description: String { "\(kind.rawValue): \(detail)" }
}
