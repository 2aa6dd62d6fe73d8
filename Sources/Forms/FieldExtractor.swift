import Annex2
/// What one source says, before merging and validation.
public struct ExtractedForm: Sendable, Equatable {
    /// Annex 2 forms whose titles were recognised, in order of appearance.
    public var forms: [FormKind] = []
    /// "kk" or "ru", nil when nothing tells.
    public var language: String? = nil
    /// The kind this source states; nil when it states none or several (`kindAmbiguous`).
    public var kind: ApplicantKind? = nil
    public var kindAmbiguous = false
    /// Kinds named by questionnaire titles, and kinds marked on the application (underlined, ticked, typed).
    public var titleKinds: [ApplicantKind] = []
    public var markedKinds: [ApplicantKind] = []
    /// Raw text per field, as written (lists as "1, 6, 8"; members one per line).
    public var values: [FormField: String] = [:]
    public var activityTypes: [Int] = []
    public var roles: [Int] = []
    public var availability: [Int] = []
    public var members: [String] = []
    /// Programme and action forms keyed by `FormCatalogue.programFields` / `actionFields` names.
    public var programs: [[String: String]] = []
    public var actions: [[String: String]] = []
    /// true: the consent sentence or a "yes"; false: an explicit refusal; nil: not found.
    public var consent: Bool? = nil
    /// Identifying data found in sentences, not on form lines (`ProseFields`): used only where no form gave the field.
    public var proseValues: [FormField: String] = [:]
    /// What the source says it is for (a change or a termination); nil when it says neither.
    public var purpose: ApplicationPurpose.Statement? = nil
    /// Further applicants in the same source: a second questionnaire after the first one was filled in
    /// ("1. Анкета волонтера … 2. Анкета волонтера …"). Each has its own values; they share what came
    /// before the first questionnaire (the application's consent and kind).
    public var companions: [ExtractedForm] = []
    /// What the reader is not sure of (`ReadingDoubt`).
    public var doubts: [ReadingDoubt] = []

    public init() {}

    /// Nothing of Annex 2 was recognised.
    public var isEmpty: Bool {
        forms.isEmpty && values.isEmpty && markedKinds.isEmpty && programs.isEmpty && actions.isEmpty && consent == nil
    }
}

public enum FieldExtractor {
    public static func extract(_ document: FormDocument) -> ExtractedForm {
        var state = Extraction()
        state.formattingLost = !document.showsFormatting
        state.markUnderlinedKinds(document.paragraphs)
        for line in lines(document.blocks) { state.process(line) }
        state.closeList()
        var form = state.finishAll(text: document.plainText)
        // Only the sender's own sentences say what the message is for: an answer on a form line
        // ("Опыт: помогал семьям, чьи данные изменились…") does not.
        // Its lines were tokenized as they were read; a line holding a line break would split
        // (or, ending in CR, join the next) when rejoined, so then the text is read afresh.
        if state.prose.contains(where: { $0.text.utf8.contains { $0 == 0x0A || $0 == 0x0D } }) {
            form.purpose = ApplicationPurpose.statement(in: state.prose.map(\.text).joined(separator: "\n"))
        } else {
            form.purpose = ApplicationPurpose.statement(inLines: state.prose)
        }
        for i in form.companions.indices { form.companions[i].purpose = form.purpose }
        return form
    }

    // MARK: lines

    struct Line {
        var cells: [String]
        var paragraph: Paragraph?
        /// The row continues the one above (merged or empty first cell).
        var continuation = false
        /// The first cell of a table row whose other cells are empty: a label left unanswered.
        var unanswered = false
        var text: String { cells.filter { !Extraction.isBlank($0) }.joined(separator: " ") }
    }

    /// Reading order as lines: a paragraph is a line; a table row with one filled cell is that cell's
    /// paragraphs, so a label row followed by a value row reads like two paragraphs.
    static func lines(_ blocks: [FormDocument.Block]) -> [Line] {
        var out: [Line] = []
        for block in blocks {
            switch block {
            case .paragraph(let p):
                out.append(Line(cells: [p.text], paragraph: p))
            case .table(let table):
                for row in table.rows {
                    let texts = row.cells.map { $0.continuesAbove ? "" : $0.text }
                    let filled = row.cells.indices.filter { !Extraction.isBlank(texts[$0]) }
                    let first = row.cells.first
                    let continues = row.cells.count >= 2 && (first?.continuesAbove == true || (first.map { Extraction.isBlank($0.text) } ?? false))
                    if continues && !filled.isEmpty {
                        // One paragraph keeps its runs: an option emboldened in its cell is chosen.
                        var paragraph: Paragraph? = nil
                        if filled.count == 1, row.cells[filled[0]].blocks.count == 1,
                           case .paragraph(let p) = row.cells[filled[0]].blocks[0] { paragraph = p }
                        out.append(Line(cells: filled.map { texts[$0] }, paragraph: paragraph, continuation: true))
                    } else if filled.count == 1 {
                        var inner = lines(row.cells[filled[0]].blocks)
                        if filled[0] == 0, row.cells.count >= 2, inner.count == 1 { inner[0].unanswered = true }
                        out.append(contentsOf: inner)
                    } else if filled.count > 1 {
                        out.append(Line(cells: filled.map { texts[$0] }, paragraph: nil))
                    }
                }
            }
        }
        return out
    }
}

/// Label keys: a field, the combined contacts line, the kind line, or a programme/action field.
enum LabelKey: Sendable, Equatable {
    case field(FormField)
    case contacts
    case kindLabel
    case program(String)
    case action(String)
}

enum Section: Equatable { case main, program, action }

struct Extraction {
    var result = ExtractedForm()
    var section = Section.main
    var pending: LabelKey? = nil
    var lastAssigned: LabelKey? = nil
    var list: FormField? = nil
    /// `underlined`: underlined or bold; `highlighted`: coloured (`Extraction.closeList` weighs them apart).
    var listItems: [(number: Int, marked: Bool, negated: Bool, underlined: Bool, highlighted: Bool)] = []
    /// Some option of the open list stands in an empty box (☐, [ ]): its options were offered, not kept.
    var listBoxed = false
    var listExplicit: [Int] = []
    var unrecognisedChoice: [FormField: [String]] = [:]
    var languageVotes = ["kk": 0, "ru": 0]
    /// What the source said before its first questionnaire, shared by every applicant in it.
    var preamble: ExtractedForm? = nil
    var questionnaireOpen = false
    /// The open questionnaire already names its applicant: another questionnaire title starts a new one.
    var identified = false
    var earlierApplicants: [ExtractedForm] = []
    /// Lines that are sentences rather than form lines, for `ApplicationPurpose`.
    var prose: [(text: String, words: LabelMatcher.Words)] = []
    /// The last line read as nothing in particular: the value a caption below it names.
    var looseLine: String? = nil
    /// The name on the application's blank, a person's or a legal entity's (the kind says which).
    var applicantName: String? = nil
    /// A caption begun on one line and not yet closed, and the line above it.
    var openCaption: (text: String, above: String?)? = nil
    /// The source lost underline and bold (plain text, a PDF's text): an unmarked list may hide a choice.
    var formattingLost = false
    /// The field a heading announced ("Сведения о руководителе"), for the label right after it.
    var heading: LabelKey? = nil
    static let identifying: Set<FormField> = [.fullName, .iin, .organizationName, .bin]
}
