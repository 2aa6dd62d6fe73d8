/// Applicant text made safe inside HTML and XML, in content and in quoted attributes alike.
enum MarkupText {
    static func escaped(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default:
                // XML 1.0 forbids most control characters outright, and a reader that meets one
                // rejects the whole file (Excel calls the workbook damaged); HTML merely shows junk.
                if allowed(scalar) { out.unicodeScalars.append(scalar) }
            }
        }
        return out
    }

    static func allowed(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A, 0x0D: return true
        case 0x00..<0x20, 0x7F, 0xFFFE, 0xFFFF: return false
        default: return true
        }
    }
}
