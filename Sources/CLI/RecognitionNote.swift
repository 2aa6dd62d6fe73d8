/// What staff are told about a reading recognised in a scan (the stored reading's `ocr` and
/// `confidence` keys): which file it came from and how sure each field is.
enum RecognitionNote {
    /// " (OCR 96, checked)" beside a field's value; empty for a field not read from a scan.
    static func field(_ name: String, in object: [String: Any], _ pick: (String, String, String) -> String) -> String {
        guard let entry = (object["confidence"] as? [String: Any])?[name] as? [String: Any] else { return "" }
        let level = entry["level"] as? String ?? "low"
        let said = level == "checked" ? pick("бақылау саны дұрыс", "контрольная цифра верна", "check digit holds")
            : level == "high" ? pick("сенімді", "уверенно", "confident") : pick("тексеріңіз", "проверьте", "check it")
        return " (OCR" + ((entry["ocr"] as? Int).map { " \($0)" } ?? "") + ", " + said + ")"
    }

    /// One line per recognised file: staff open it and compare before accepting the reading.
    static func sources(in object: [String: Any], _ pick: (String, String, String) -> String) -> [String] {
        (object["ocr"] as? [[String: Any]] ?? []).map { item in
            let file = (item["filename"] as? String) ?? (item["part"] as? String ?? "")
            return pick("Сканнан танылды", "Распознано со скана", "Recognised from the scan") + " \(file): "
                + pick("орташа сенімділік", "средняя уверенность", "mean confidence") + " \(item["meanConfidence"] as? Int ?? 0), "
                + pick("бет", "стр.", "pages") + " \(item["pages"] as? Int ?? 0); "
                + pick("әр өрісті файлмен салыстырыңыз", "сверьте каждое поле с файлом", "check each field against the file")
        }
    }
}
