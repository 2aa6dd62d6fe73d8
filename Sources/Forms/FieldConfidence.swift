import Annex2
/// How far a field read from a scan can be trusted, for staff checking the pre-filled reading.
/// Tesseract's word confidence says little about a name (a wrong letter can score high); an
/// IIN or BIN whose check digit holds is strong evidence, since a misread digit breaks it
/// ten times in eleven.
public struct FieldConfidence: Sendable, Equatable {
    public enum Level: String, Sendable {
        /// An IIN/BIN whose check digit holds.
        case checked
        /// Every word of it read at 85 or more out of 100.
        case high
        /// Some word below that, or a value no single word carries (a ticked option, consent).
        case low
    }

    /// The lowest Tesseract confidence (0-100) of the words the value came from.
    public let ocr: Double?
    public let level: Level

    public static let highWords = 85.0

    static func of(_ application: Application, sources: [ApplicationReader.Source]) -> [FormField: FieldConfidence] {
        let recognised = Dictionary(sources.compactMap { s in s.recognition.map { (s.partPath, $0) } }, uniquingKeysWith: { a, _ in a })
        guard !recognised.isEmpty else { return [:] }
        var out: [FormField: FieldConfidence] = [:]
        for (field, value) in application.fields {
            guard let source = application.sources[field], let recognition = recognised[source] else { continue }
            let words: String?
            switch value {
            case .text(let s): words = s
            case .number(let n): words = String(n)
            case .list(let items): words = items.joined(separator: " ")
            case .numbers, .flag, .objects: words = nil
            }
            let ocr = words.flatMap(recognition.confidence(of:))
            let valid = !application.invalid.contains { $0.field == field }
            let level: Level = (field == .iin || field == .bin) && valid ? .checked
                : (ocr ?? 0) >= highWords && valid ? .high : .low
            out[field] = FieldConfidence(ocr: ocr, level: level)
        }
        return out
    }
}
