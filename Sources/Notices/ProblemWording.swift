import Annex2
import Foundation
import MIME

/// How one problem reads in a refinement notice: the field by its Annex 2 label, then why.
enum ProblemWording {
    static func line(_ problem: NoticeProblem, _ language: NoticeLanguage) -> String {
        let label = self.label(problem.field, language)
        let own = language == .kk ? problem.kazakh : problem.russian
        let fallback = language == .kk ? problem.russian : problem.kazakh
        guard let reason = (own ?? fallback).map(NoticeText.inline), !reason.isEmpty else {
            // Staff's free text is already a sentence ("Attach the signed application"); only a
            // named field needs "not filled in" after it.
            guard label.isFormLabel else { return label.text }
            return label.text + ": " + (language == .kk ? "толтырылмаған" : "не заполнено")
        }
        // Forms writes whole sentences that name the field already ("«ЖСН» жолы дұрыс
        // толтырылмаған"); repeating the label before them reads like a stutter.
        if mentions(reason, label.own) { return (label.context.map { $0 + ": " } ?? "") + reason }
        return label.text + ": " + reason
    }

    /// Whether `reason` quotes `label`. On plain text a byte search finds what String search finds.
    private static func mentions(_ reason: String, _ label: String) -> Bool {
        guard PlainScalars.covers(reason), PlainScalars.covers(label) else { return reason.contains(label) }
        let haystack = Array(reason.utf8), needle = Array(label.utf8)
        guard let first = needle.first else { return reason.contains(label) }
        guard needle.count <= haystack.count else { return false }
        for start in 0...(haystack.count - needle.count) where haystack[start] == first
            && haystack[start..<start + needle.count].elementsEqual(needle) {
            return true
        }
        return false
    }

    struct Label {
        /// The programme or action the field belongs to, e.g. "Волонтерская акция № 2".
        var context: String?
        /// The field's own label, as a reason may quote it.
        var own: String
        /// Whether this is an Annex 2 label rather than staff's free text.
        var isFormLabel: Bool

        var text: String { context.map { $0 + " — " + own } ?? own }
    }

    static func label(_ field: String, _ language: NoticeLanguage) -> Label {
        let name = trimmed(field)
        var asTyped: Label { Label(context: nil, own: NoticeText.inline(field), isFormLabel: false) }
        // Field names and paths are ASCII. Nothing else equals one: String equality normalizes,
        // but the only ASCII another scalar normalizes to is K, ";" and "`", in no field name.
        guard name.utf8.allSatisfy({ $0 < 0x80 }) else { return asTyped }
        if let f = FormField(rawValue: name) {
            return Label(context: nil, own: language == .kk ? f.kazakh : f.russian, isFormLabel: true)
        }
        guard let path = SubFieldPath(name) else { return asTyped }
        let block = path.block == .programs ? FormField.programs : FormField.actions
        let form = (language == .kk ? block.kazakh : block.russian) + " № \(path.index + 1)"
        guard let sub = path.field else { return Label(context: nil, own: form, isFormLabel: true) }
        guard let labels = SubFieldPath.labels(path.block)[sub] else { return asTyped }
        return Label(context: form, own: language == .kk ? labels.kk : labels.ru, isFormLabel: true)
    }

    /// Trimmed of whitespace as Foundation trims it; most fields have none at either end to trim.
    private static func trimmed(_ field: String) -> String {
        guard let first = field.unicodeScalars.first, let last = field.unicodeScalars.last,
              CharacterSet.whitespaces.contains(first) || CharacterSet.whitespaces.contains(last) else { return field }
        return field.trimmingCharacters(in: .whitespaces)
    }
}

/// `programs[0].goal`: a field of one programme or action form, counted from 0 as arrays are.
struct SubFieldPath: Equatable {
    enum Block: String { case programs, actions }
    var block: Block
    var index: Int
    var field: String?

    init?(_ text: String) {
        guard let open = text.firstIndex(of: "["), let close = text.firstIndex(of: "]"), open < close,
              let block = Block(rawValue: String(text[..<open])),
              let index = Int(text[text.index(after: open)..<close]), index >= 0, index < 1000 else { return nil }
        let rest = text[text.index(after: close)...]
        if rest.isEmpty {
            field = nil
        } else if rest.hasPrefix("."), rest.count > 1 {
            field = String(rest.dropFirst())
        } else {
            return nil
        }
        self.block = block
        self.index = index
    }

    /// Annex 2 labels of the programme and action forms, from the one table Forms checks them by.
    static func labels(_ block: Block) -> [String: (kk: String, ru: String)] {
        block == .programs ? programLabels : actionLabels
    }

    private static let programLabels = table(.programs)
    private static let actionLabels = table(.actions)

    private static func table(_ block: Block) -> [String: (kk: String, ru: String)] {
        var labels: [String: (kk: String, ru: String)] = [:]
        for line in FormParts.lines(of: block == .programs ? .programs : .actions) {
            labels[line.key] = (line.kazakh, line.russian)
        }
        return labels
    }
}
