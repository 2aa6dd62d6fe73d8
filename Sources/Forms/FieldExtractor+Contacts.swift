import Annex2
/// The questionnaires' one contacts line into phone, e-mail, website, Instagram and WhatsApp.
extension Extraction {
    static func splitContacts(_ value: String) -> [FormField: String] {
        var out: [FormField: String] = [:]
        let pieces = Extraction.splitOutsideParentheses(value, at: ",;\n|").map { $0.catalogueTrimmed() }
        for whole in pieces where !whole.isEmpty {
            var piece = whole
            // "+7 705 555 12 90 (WhatsApp)": the same number is also the WhatsApp contact.
            var alsoWhatsApp = false
            if piece.hasSuffix(")"), let open = piece.lastIndex(of: "("), piece[..<open].contains(where: \.isNumber) {
                let note = piece[open...].lowercased()
                alsoWhatsApp = Extraction.whatsAppNames.contains { note.contains($0) }
                if alsoWhatsApp || !note.contains(where: \.isNumber) { piece = String(piece[..<open]).catalogueTrimmed() }
            }
            let lower = piece.lowercased()
            var hint: FormField? = nil
            if Extraction.whatsAppNames.contains(where: { lower.contains($0) }) || lower.contains("wa.me") { hint = .whatsapp }
            else if lower.contains("instagram.com") || lower.hasPrefix("instagram") || lower.hasPrefix("инстаграм") || lower.hasPrefix("insta") { hint = .instagram }
            else if lower.hasPrefix("сайт") || lower.hasPrefix("web") || lower.hasPrefix("веб") { hint = .website }
            else if lower.hasPrefix("тел") || lower.hasPrefix("моб") { hint = .phone }
            else if lower.hasPrefix("e-mail") || lower.hasPrefix("email") || lower.contains("пошта") || lower.contains("почта") { hint = .email }
            var content = piece
            if let colon = piece.firstIndex(of: ":"), !lower.hasPrefix("http"), !piece[..<colon].contains(where: \.isNumber) {
                content = String(piece[piece.index(after: colon)...]).catalogueTrimmed()
            } else if hint != nil, hint != .instagram || !lower.contains("instagram.com"), let space = piece.firstIndex(of: " ") {
                if hint != .whatsapp || !lower.contains("wa.me") { content = String(piece[space...]).catalogueTrimmed() }
            }
            if content.isEmpty { continue }
            // "телефон, e-mail, Instagram @name": a channel named without its value is no value.
            if content == piece, hint != nil, !content.contains(where: { $0.isNumber || $0 == "@" || $0 == "." || $0 == "_" || $0 == " " }) { continue }
            let field: FormField?
            if content.contains("@") && !content.hasPrefix("@") && !content.contains("/") { field = .email }
            else if content.hasPrefix("@") || content.lowercased().contains("instagram.com") { field = hint == .whatsapp ? .whatsapp : .instagram }
            else if Phone.normalise(content) != nil || content.filter(\.isNumber).count >= 10 && !content.contains("/") { field = hint == .whatsapp ? .whatsapp : .phone }
            else if content.lowercased().contains("wa.me") { field = .whatsapp }
            else if Website.normalise(content) != nil { field = hint == .instagram ? .instagram : .website }
            else { field = hint }
            if let f = field, out[f] == nil { out[f] = content }
            if alsoWhatsApp, field == .phone, out[.whatsapp] == nil { out[.whatsapp] = content }
        }
        return out
    }

    static let whatsAppNames = ["whatsapp", "whats app", "ватсап", "вотсап", "уатсап", "вацап", "ватсапп"]
}
