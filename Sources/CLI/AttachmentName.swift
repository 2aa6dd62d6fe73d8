/// A file name an applicant chose, made safe to create inside a folder staff chose: only its
/// last component is kept, so `../../etc/passwd` or `C:\Windows\x.dll` can never leave the
/// folder; control characters and the bidirectional overrides that disguise `exe.pdf` as
/// `fdp.exe` are dropped; leading dots (hidden files, `..`) and trailing dots and spaces go.
enum AttachmentName {
    /// Linux allows 255 bytes in a name; a little room is left for a suffix.
    static let maximumBytes = 200

    static func safe(_ suggested: String?, fallback: String) -> String {
        let last = (suggested ?? "").split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? ""
        var scalars = String.UnicodeScalarView()
        for scalar in last.unicodeScalars where !isUnsafe(scalar) { scalars.append(scalar) }
        var name = String(scalars)
        while let first = name.first, first == "." || first == " " || first == "-" { name.removeFirst() }
        while let end = name.last, end == "." || end == " " { name.removeLast() }
        guard !name.isEmpty else { return fallback }
        return shortened(name)
    }

    static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        return v < 0x20 || v == 0x7F || (0x80...0x9F).contains(v) || (0x202A...0x202E).contains(v)
            || (0x2066...0x2069).contains(v) || v == 0x200E || v == 0x200F || v == 0xFEFF || scalar == ":"
    }

    /// Cuts the stem, not the extension, at a character boundary.
    static func shortened(_ name: String) -> String {
        guard name.utf8.count > maximumBytes else { return name }
        var stem = name, ext = ""
        if let dot = name.lastIndex(of: "."), name.distance(from: dot, to: name.endIndex) <= 10 {
            stem = String(name[..<dot])
            ext = String(name[dot...])
        }
        while stem.utf8.count + ext.utf8.count > maximumBytes, !stem.isEmpty { stem.removeLast() }
        return stem + ext
    }
}
