import Foundation

/// What kind of file a part is, judged by its bytes first: senders mislabel attachments
/// ("application/octet-stream", a .doc that is really a DOCX), but magic numbers do not lie.
public enum SourceKind: String, Sendable, Equatable, CaseIterable {
    case docx, odt, html, text, pdf, image, legacyWord, rtf, archive, other

    public static func detect(filename: String?, mimeType: String, bytes: [UInt8]) -> SourceKind {
        let ext = filename.flatMap { name -> String? in
            guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return nil }
            return name[name.index(after: dot)...].lowercased()
                .trimmingCharacters(in: CharacterSet(charactersIn: " \t\""))
        }
        if let kind = byMagic(bytes, ext: ext) { return kind }
        let named = ext.flatMap { byExtension[$0] } ?? byMIME(mimeType.lowercased())
        // Word's "Save as Web Page" and many mailers send HTML named .doc or labelled msword.
        if named == .legacyWord || named == .rtf, looksLikeHTML(bytes) { return .html }
        return named
    }

    /// An HTML document's start within its first kilobyte, ignoring case and a byte-order mark.
    static func looksLikeHTML(_ bytes: [UInt8]) -> Bool {
        let head = String(decoding: bytes.prefix(1024), as: UTF8.self).lowercased()
        return head.contains("<html") || head.contains("<!doctype html")
    }

    private static func byMagic(_ b: [UInt8], ext: String?) -> SourceKind? {
        if b.starts(with: [0x50, 0x4B, 0x03, 0x04]) || b.starts(with: [0x50, 0x4B, 0x05, 0x06]) {
            // ODF stores "mimetype" first and uncompressed, so its value sits at a fixed offset.
            let odf = Array("mimetypeapplication/vnd.oasis.opendocument.text".utf8)
            if b.count >= 30 + odf.count, Array(b[30..<(30 + odf.count)]) == odf { return .odt }
            if contains(b, Array("word/document.xml".utf8)) { return .docx }
            // A damaged or oddly built package with the right name: let its reader say what is wrong.
            if ext == "docx" || ext == "docm" || ext == "dotx" { return .docx }
            if ext == "odt" || ext == "ott" { return .odt }
            return .archive
        }
        if b.starts(with: [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
            switch ext {
            case "docx": return .docx  // a password-protected DOCX is an OLE2 container
            case "xls", "ppt", "msg", "pps", "xlt", "pot": return .other
            default: return .legacyWord
            }
        }
        if b.starts(with: Array("{\\rtf".utf8)) { return .rtf }
        if contains(b.prefix(1024), Array("%PDF-".utf8)) { return .pdf }
        if b.starts(with: [0xFF, 0xD8, 0xFF]) || b.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
            || b.starts(with: Array("GIF87a".utf8)) || b.starts(with: Array("GIF89a".utf8))
            || b.starts(with: [0x49, 0x49, 0x2A, 0x00]) || b.starts(with: [0x4D, 0x4D, 0x00, 0x2A])
            || (b.count >= 12 && b.starts(with: Array("RIFF".utf8)) && Array(b[8..<12]) == Array("WEBP".utf8))
            || (b.count >= 12 && Array(b[4..<8]) == Array("ftyp".utf8)
                && ["heic", "heix", "mif1", "avif"].contains(String(decoding: b[8..<12], as: UTF8.self))) {
            return .image
        }
        if b.starts(with: [0x78, 0x9F, 0x3E, 0x22]) { return .other }  // TNEF (winmail.dat)
        if b.starts(with: [0x52, 0x61, 0x72, 0x21]) || b.starts(with: [0x37, 0x7A, 0xBC, 0xAF])
            || b.starts(with: [0x1F, 0x8B]) {
            return .archive
        }
        return nil
    }

    private static let byExtension: [String: SourceKind] = [
        "docx": .docx, "docm": .docx, "dotx": .docx, "odt": .odt, "ott": .odt, "html": .html, "htm": .html,
        "txt": .text, "text": .text, "pdf": .pdf, "jpg": .image, "jpeg": .image, "png": .image, "gif": .image,
        "tif": .image, "tiff": .image, "heic": .image, "webp": .image, "bmp": .image, "doc": .legacyWord,
        "dot": .legacyWord, "rtf": .rtf, "zip": .archive, "rar": .archive, "7z": .archive, "gz": .archive,
        "tar": .archive, "dat": .other,
    ]

    private static func byMIME(_ type: String) -> SourceKind {
        switch type {
        case "application/vnd.openxmlformats-officedocument.wordprocessingml.document": return .docx
        case "application/vnd.oasis.opendocument.text": return .odt
        case "text/html", "application/xhtml+xml": return .html
        case "text/plain": return .text
        case "application/pdf", "application/x-pdf": return .pdf
        case "application/msword": return .legacyWord
        case "application/rtf", "text/rtf", "text/richtext": return .rtf
        case "application/zip", "application/x-zip-compressed", "application/x-rar-compressed",
             "application/vnd.rar", "application/x-7z-compressed", "application/gzip": return .archive
        case "application/ms-tnef", "application/vnd.ms-tnef": return .other
        default: return type.hasPrefix("image/") ? .image : .other
        }
    }

    private static func contains<C: Collection>(_ haystack: C, _ needle: [UInt8]) -> Bool
    where C.Element == UInt8, C.Index == Int {
        guard let first = needle.first, haystack.count >= needle.count else { return false }
        var i = haystack.startIndex
        let last = haystack.endIndex - needle.count
        while i <= last {
            if haystack[i] == first {
                var j = 1
                while j < needle.count, haystack[i + j] == needle[j] { j += 1 }
                if j == needle.count { return true }
            }
            i += 1
        }
        return false
    }
}
