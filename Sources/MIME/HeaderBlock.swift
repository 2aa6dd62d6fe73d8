import Glibc

/// The header block of an entity (RFC 5322 §2.2): fields until the first empty line.
///
/// Real mail breaks the rules in known ways, each read as a careful client reads it: an mbox
/// `From ` line on top, a junk line among the fields, a body that starts without the empty line,
/// a part with no header at all, a header that runs into a boundary.
extension EntityParser {
    struct HeaderBlock {
        var fields: [HeaderField]
        /// Where the body starts (after the empty line, or where the header block stopped).
        var bodyStart: Int
        /// Set when a boundary delimiter line ended the header block: the entity has no body.
        var delimiter: Delimiter?
        var defects: [Defect]
    }

    func parseHeaderBlock(from start: Int, limit: Int, isTop: Bool) -> HeaderBlock {
        var fields: [HeaderField] = []
        var defects: [Defect] = []
        var pos = start
        // The field being read: where its name starts, its colon, and where its last line ends.
        var current: (start: Int, colon: Int, end: Int)? = nil
        var tooMany = false
        var tooLarge = false

        func finishCurrent() {
            guard let field = current else { return }
            current = nil
            if tooMany || tooLarge { return }
            if fields.count >= limits.maxHeaderFields {
                tooMany = true
                defects.append(Defect(.tooManyHeaderFields, "fields after \(limits.maxHeaderFields) skipped"))
                return
            }
            if field.start - start > limits.maxHeaderBlockBytes {
                tooLarge = true
                defects.append(Defect(.headerBlockTooLarge, "fields after \(limits.maxHeaderBlockBytes) bytes skipped"))
                return
            }
            var nameEnd = field.colon
            while nameEnd > field.start, p[nameEnd - 1] == 0x20 || p[nameEnd - 1] == 0x09 { nameEnd -= 1 }
            let name = String(decoding: UnsafeBufferPointer(start: p + field.start, count: nameEnd - field.start), as: UTF8.self)
            var end = field.end
            if end - field.start > limits.maxHeaderFieldBytes {
                end = field.start + limits.maxHeaderFieldBytes
                defects.append(Defect(.headerFieldTooLong, "\(name) cut at \(limits.maxHeaderFieldBytes) bytes"))
            }
            fields.append(HeaderField(name: name, raw: storage[field.start..<end], valueStart: min(field.colon + 1, end)))
        }

        if isTop, limit - pos >= 5, memcmp(p + pos, "From ", 5) == 0 {
            defects.append(Defect(.mboxFromLine))
            pos = (findByte(0x0A, from: pos, to: limit) ?? (limit - 1)) + 1
        }

        while pos < limit {
            let newline = findByte(0x0A, from: pos, to: limit)
            let next = newline.map { $0 + 1 } ?? limit
            var contentEnd = newline ?? limit
            if contentEnd > pos, p[contentEnd - 1] == 0x0D { contentEnd -= 1 }

            if contentEnd == pos {
                finishCurrent()
                return HeaderBlock(fields: fields, bodyStart: next, delimiter: nil, defects: defects)
            }
            let first = p[pos]
            if first == 0x2D, contentEnd - pos >= 2, p[pos + 1] == 0x2D, let delimiter = matchDelimiter(at: pos, limit: limit) {
                finishCurrent()
                return HeaderBlock(fields: fields, bodyStart: pos, delimiter: delimiter, defects: defects)
            }
            if first == 0x20 || first == 0x09 {
                if current != nil {
                    current!.end = contentEnd
                } else if fields.isEmpty {
                    // Leading whitespace with nothing to continue: RFC 5322 has no reading for it; skip the line.
                    defects.append(Defect(.headerWithoutColon, "continuation line without a field"))
                } else {
                    // A continuation after a skipped junk line still belongs to the field before it.
                    defects.append(Defect(.headerWithoutColon, "stray continuation line"))
                }
                pos = next
                continue
            }
            if let colon = fieldColon(from: pos, to: contentEnd) {
                finishCurrent()
                current = (pos, colon, contentEnd)
                pos = next
                continue
            }
            // Not a field. Before any field, the entity has no header: the body starts here.
            if fields.isEmpty && current == nil {
                defects.append(Defect(.missingHeaderBodySeparator, "no header fields"))
                return HeaderBlock(fields: fields, bodyStart: pos, delimiter: nil, defects: defects)
            }
            // Among fields, a junk line is skipped when more fields follow; otherwise the body began without the empty line.
            if next < limit, lineIsField(at: next, limit: limit) {
                finishCurrent()
                let shown = String(decoding: UnsafeBufferPointer(start: p + pos, count: min(contentEnd - pos, 60)), as: UTF8.self)
                defects.append(Defect(.headerWithoutColon, shown))
                pos = next
                continue
            }
            finishCurrent()
            defects.append(Defect(.missingHeaderBodySeparator))
            return HeaderBlock(fields: fields, bodyStart: pos, delimiter: nil, defects: defects)
        }
        finishCurrent()
        return HeaderBlock(fields: fields, bodyStart: limit, delimiter: nil, defects: defects)
    }

    /// The colon of a `Name: value` line, when the name is a valid field name (RFC 5322 ftext,
    /// with whitespace allowed before the colon as in obsolete syntax).
    private func fieldColon(from start: Int, to end: Int) -> Int? {
        guard let colon = findByte(0x3A, from: start, to: end), colon > start else { return nil }
        var nameEnd = colon
        while nameEnd > start, p[nameEnd - 1] == 0x20 || p[nameEnd - 1] == 0x09 { nameEnd -= 1 }
        guard nameEnd > start else { return nil }
        for i in start..<nameEnd where p[i] < 33 || p[i] > 126 { return nil }
        return colon
    }

    private func lineIsField(at start: Int, limit: Int) -> Bool {
        var end = findByte(0x0A, from: start, to: limit) ?? limit
        if end > start, p[end - 1] == 0x0D { end -= 1 }
        return fieldColon(from: start, to: end) != nil
    }
}
