import OrderedJSON
import Annex2
import Forms
import Intake

/// An application as `parse` shows it: JSON with stable keys, or a summary for staff.
struct ApplicationView {
    let reading: ApplicationReader.Result

    init(_ reading: ApplicationReader.Result) { self.reading = reading }

    var application: Application { reading.application }

    var orderedFields: [(FormField, Application.FieldValue)] {
        FormField.allCases.compactMap { field in application.fields[field].map { (field, $0) } }
    }

    var json: JSON { ApplicationRecord.json(reading) }

    func text(language: OperatorLanguage, warn: (String) -> String) -> String {
        let l = language
        func label(_ field: FormField) -> String {
            switch l {
            case .kk: return field.kazakh
            case .ru: return field.russian
            case .en: return field.rawValue
            }
        }
        let kind: String
        if let k = application.kind {
            kind = l.pick(k.kazakh, k.russian, k.rawValue)
        } else {
            kind = l.pick("түрі анықталмады", "вид не определён", "kind undetermined")
        }
        let outcomeText: String
        switch application.outcome {
        case .complete: outcomeText = l.pick("толық", "полная", "complete")
        case .incomplete: outcomeText = l.pick("толық емес", "неполная", "incomplete")
        case .unreadable: outcomeText = l.pick("оқылмайды", "не читается", "unreadable")
        case .notAnApplication: outcomeText = l.pick("өтініш емес", "не заявка", "not an application")
        }
        var out = "  " + l.pick("Өтініш:    ", "Заявка:    ", "Application:") + " \(kind), \(outcomeText)"
        if application.outcome != .notAnApplication { out += " [\(application.language)]" }
        out += "\n"
        if let reason = reading.notAnApplicationReason { out += "    \(reason)\n" }
        switch application.purpose {
        case .inclusion: break
        case .change:
            out += "    " + l.pick("Деректерді өзгерту туралы хабарлама (7-т.)", "Уведомление об изменении данных (п.7)",
                                   "change of data notice (p.7)") + "\n"
        case .termination:
            out += "    " + l.pick("Қызметті тоқтату туралы хабарлама (13-т.)", "Уведомление о прекращении деятельности (п.13)",
                                   "termination notice (p.13)") + (application.terminationDate.map { ": \($0)" } ?? "") + "\n"
        }
        for (field, value) in orderedFields {
            let shown: String
            switch value {
            case .text(let s): shown = s
            case .number(let n): shown = String(n)
            case .list(let items): shown = items.joined(separator: "; ")
            case .numbers(let items): shown = items.map { "\($0)" }.joined(separator: ", ")
            case .flag(let b): shown = b ? l.pick("иә", "да", "yes") : l.pick("жоқ", "нет", "no")
            case .objects(let objects): shown = objects.map { $0["name"] ?? "…" }.joined(separator: "; ")
            }
            let confidence = reading.confidence[field].map { c in
                " (OCR" + (c.ocr.map { " \(Int($0.rounded()))" } ?? "") + ", " + c.level.rawValue + ")"
            } ?? ""
            out += "    " + (label(field) + ":").padding(to: 22) + shown + confidence + "\n"
        }
        if !application.missing.isEmpty {
            out += "    " + warn(l.pick("Жоқ: ", "Не хватает: ", "Missing: ") + application.missing.map(label).joined(separator: ", ")) + "\n"
        }
        for part in application.missingParts {
            let block = l.pick(part.field.kazakh, part.field.russian, part.field.rawValue) + " № \(part.index)"
            out += "    " + warn(l.pick("Жоқ: ", "Не хватает: ", "Missing: ") + block + " — "
                             + l.pick(part.kazakh, part.russian, part.key)) + "\n"
        }
        for item in application.invalid {
            let reason = l.pick(item.kk, item.ru, item.reason)
            out += "    " + warn(l.pick("Қате: ", "Ошибка: ", "Invalid: ") + "\(label(item.field)): \(reason)") + "\n"
        }
        for conflict in application.conflicts { out += "    " + warn(conflict) + "\n" }
        if reading.sources.contains(where: { $0.recognition != nil }) {
            let object = JSON.foundationObject(ApplicationRecord.json(reading).serialized()) as? [String: Any] ?? [:]
            for line in RecognitionNote.sources(in: object, l.pick) { out += "    " + warn(line) + "\n" }
        }
        for source in reading.sources {
            if let reason = source.unreadable {
                out += "    " + warn(l.pick("Оқылмады", "Не прочитано", "Unreadable") + " \(source.partPath) \(source.filename ?? ""): \(reason)") + "\n"
            }
        }
        return out
    }
}
