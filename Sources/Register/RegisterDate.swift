import Dates

/// Dates as the register's readers expect them: ISO 8601 from the store ("2026-02-01",
/// "2026-02-01T10:15:00+05:00") shown as "01.02.2026" or "01.02.2026 10:15", in Astana time as given.
public enum RegisterDate {
    public static func display(_ iso: String) -> String {
        let scalars = Array(iso.trimmingSpaces.unicodeScalars)
        func digits(_ range: Range<Int>) -> String? {
            guard range.upperBound <= scalars.count,
                  scalars[range].allSatisfy({ $0.properties.numericType != nil && $0.isASCII }) else { return nil }
            return String(String.UnicodeScalarView(scalars[range]))
        }
        guard scalars.count >= 10, let date = CivilDate(iso: String(String.UnicodeScalarView(scalars[0..<10]))) else { return iso }
        var text = date.dotted
        if scalars.count >= 16, scalars[10] == "T" || scalars[10] == " ", scalars[13] == ":",
           let hour = digits(11..<13), let minute = digits(14..<16) {
            text += " \(hour):\(minute)"
        }
        return text
    }

    /// Whether `text` is an ISO date or date-time, which a page may mark up as `<time datetime>`.
    static func isISO(_ text: String) -> Bool {
        display(text) != text
    }
}
