import Glibc

/// Builds the part tree in one pass over the message's bytes (RFC 2045, RFC 2046).
///
/// Boundaries are kept on a stack, as GMime does: a line that closes any enclosing multipart
/// ends every part inside it, so an unterminated inner multipart cannot swallow its parent,
/// and each byte is looked at a bounded number of times however deep the nesting.
struct EntityParser {
    /// A boundary delimiter line found in the body, or the end of the range (`level == -1`).
    struct Delimiter {
        var level: Int
        var isClose: Bool
        /// Where the delimiter line begins (its leading `--`).
        var lineStart: Int
        /// The first byte after the delimiter line.
        var next: Int
    }

    /// How the entity about to be parsed is numbered (IMAP section numbers).
    enum Numbering {
        /// The top entity of a message; `prefix` is `""` or the encapsulating part's path and a dot.
        case root(prefix: String)
        case child(String)
    }

    let storage: [UInt8]
    let p: UnsafePointer<UInt8>
    let limits: Limits
    let legacyCharset: String
    private var boundaries: [[UInt8]] = []
    private(set) var entityCount: Int

    init(storage: [UInt8], pointer: UnsafePointer<UInt8>, limits: Limits, legacyCharset: String, entityCount: Int = 0) {
        self.storage = storage
        self.p = pointer
        self.limits = limits
        self.legacyCharset = legacyCharset
        self.entityCount = entityCount
    }

    // MARK: - Entities

    /// Parses the entity starting at `start`; returns it, where its content ends, and what ended it.
    mutating func parseEntity(start: Int, limit: Int, depth: Int, numbering: Numbering,
                              inDigest: Bool = false) -> (part: Part, end: Int, delimiter: Delimiter)
    {
        entityCount += 1
        let block = parseHeaderBlock(from: start, limit: limit, isTop: depth == 0)
        let header = Header(fields: block.fields, legacyCharset: legacyCharset)
        var defects = block.defects

        let contentTypeFields = header.all("Content-Type")
        if contentTypeFields.count > 1 { defects.append(Defect(.duplicateHeader, "Content-Type")) }
        var contentType = inDigest ? ContentType.messageRFC822 : ContentType.textPlain
        if let field = contentTypeFields.first {
            let (value, valueDefects) = field.unfoldedValue(legacyCharset: legacyCharset)
            let carried = field.hasLegacyEightBit
            let (parsed, parseDefects) = ContentType.parse(carried ? RawHeaderText.carry(field.unfoldedBytes()) : value,
                                                           legacyCharset: legacyCharset, carried: carried)
            defects += valueDefects + parseDefects
            if let parsed { contentType = parsed }
        }
        var disposition: ContentDisposition? = nil
        if let field = header.first("Content-Disposition") {
            let carried = field.hasLegacyEightBit
            let value = carried ? RawHeaderText.carry(field.unfoldedBytes()) : field.unfoldedValue(legacyCharset: legacyCharset).value
            let (parsed, parseDefects) = ContentDisposition.parse(value, legacyCharset: legacyCharset, carried: carried)
            disposition = parsed
            defects += parseDefects
        }
        let transferEncoding = TransferEncoding(header["Content-Transfer-Encoding"])
        if case .unknown(let name) = transferEncoding { defects.append(Defect(.unknownTransferEncoding, name)) }

        func pathFor(_ type: ContentType) -> String {
            switch numbering {
            case .root(let prefix): return prefix + (type.isMultipart ? "0" : "1")
            case .child(let p): return p
            }
        }
        let path = pathFor(contentType)
        let childPrefix: String
        switch numbering {
        case .root(let prefix) where contentType.isMultipart: childPrefix = prefix
        default: childPrefix = path + "."
        }

        func finish(bodyStart: Int, end: Int, content: Part.Content, type: ContentType, delimiter: Delimiter) -> (Part, Int, Delimiter) {
            let part = Part(path: pathFor(type), header: header, raw: storage[start..<max(start, end)],
                            body: storage[min(bodyStart, end)..<end], contentType: type, disposition: disposition,
                            transferEncoding: transferEncoding, content: content, defects: defects)
            return (part, end, delimiter)
        }

        let bodyStart = block.bodyStart
        if let delimiter = block.delimiter {
            // The header block ran into a boundary: an entity with no body.
            if contentType.isMultipart {
                defects.append(Defect(.boundaryNotFound, "empty multipart"))
                contentType = .textPlain
            }
            var end = block.bodyStart
            trimLineBreak(&end, floor: start)
            return finish(bodyStart: end, end: end, content: .leaf, type: contentType, delimiter: delimiter)
        }

        let isContainer = contentType.isMultipart || contentType.isEncapsulatedMessage
        if isContainer, depth >= limits.maxDepth {
            defects.append(Defect(.nestingTooDeep, "\(contentType.mimeType) at depth \(depth) kept unparsed"))
            let (end, delimiter) = scanToDelimiter(from: bodyStart, limit: limit)
            return finish(bodyStart: bodyStart, end: end, content: .leaf, type: contentType, delimiter: delimiter)
        }

        if contentType.isMultipart {
            if !transferEncoding.isIdentity {
                defects.append(Defect(.encodedContainer, "\(contentType.mimeType) with \(transferEncoding) read as is"))
            }
            let declared = contentType.boundary.map { Array($0.utf8) } ?? []
            var extent: (end: Int, delimiter: Delimiter)? = nil
            if declared.isEmpty || declared.count > 200 {
                defects.append(Defect(.multipartWithoutBoundary, contentType.mimeType))
            } else {
                switch parseMultipartBody(bodyStart: bodyStart, limit: limit, boundary: declared, depth: depth,
                                          childPrefix: childPrefix, isDigest: contentType.subtype == "digest") {
                case .split(let result):
                    defects += result.defects
                    return finish(bodyStart: bodyStart, end: result.end,
                                  content: .multipart(parts: result.parts, preamble: result.preamble, epilogue: result.epilogue),
                                  type: contentType, delimiter: result.delimiter)
                case .notFound(let end, let delimiter):
                    defects.append(Defect(.boundaryNotFound, String(decoding: declared, as: UTF8.self)))
                    extent = (end, delimiter)
                }
            }
            // No usable boundary: find the body's extent (already known when the declared one was looked for),
            // then try the boundary the body itself uses.
            let (end, delimiter) = extent ?? scanToDelimiter(from: bodyStart, limit: limit)
            if let guess = guessBoundary(from: bodyStart, to: end),
               case .split(let result) = parseMultipartBody(bodyStart: bodyStart, limit: end, boundary: guess, depth: depth,
                                                            childPrefix: childPrefix, isDigest: contentType.subtype == "digest") {
                defects.append(Defect(.boundaryGuessed, String(decoding: guess, as: UTF8.self)))
                defects += result.defects
                return finish(bodyStart: bodyStart, end: end,
                              content: .multipart(parts: result.parts, preamble: result.preamble, epilogue: result.epilogue),
                              type: contentType, delimiter: delimiter)
            }
            // Nothing to split on: the body is read as one text, so nothing in it is lost.
            return finish(bodyStart: bodyStart, end: end, content: .leaf,
                          type: ContentType(type: "text", subtype: "plain", parameters: contentType.parameters),
                          delimiter: delimiter)
        }

        if contentType.isEncapsulatedMessage {
            if transferEncoding.isIdentity {
                let (inner, end, delimiter) = parseEntity(start: bodyStart, limit: limit, depth: depth + 1,
                                                          numbering: .root(prefix: path + "."))
                let message = Message(raw: storage[bodyStart..<max(bodyStart, end)], root: inner)
                return finish(bodyStart: bodyStart, end: end, content: .message(message), type: contentType,
                              delimiter: delimiter)
            }
            // Encoded message/rfc822 (forbidden by RFC 2046, sent by some gateways): decode, then parse the result.
            let (end, delimiter) = scanToDelimiter(from: bodyStart, limit: limit)
            defects.append(Defect(.encodedContainer, "message/rfc822 with \(transferEncoding)"))
            let (decoded, decodeDefects) = transferEncoding.decode(storage[bodyStart..<end])
            defects += decodeDefects
            let inner = Message.parse(decoded, limits: limits, legacyCharset: legacyCharset, depth: depth + 1,
                                      pathPrefix: path + ".", entityCount: &entityCount)
            return finish(bodyStart: bodyStart, end: end, content: .message(inner), type: contentType, delimiter: delimiter)
        }

        let (end, delimiter) = scanToDelimiter(from: bodyStart, limit: limit)
        return finish(bodyStart: bodyStart, end: end, content: .leaf, type: contentType, delimiter: delimiter)
    }

    struct MultipartBody {
        var parts: [Part]
        var preamble: ArraySlice<UInt8>
        var epilogue: ArraySlice<UInt8>
        var end: Int
        var delimiter: Delimiter
        var defects: [Defect]
    }

    enum MultipartSplit {
        case split(MultipartBody)
        /// The boundary never opens a part: where the body ends, and what ends it, as the
        /// enclosing multiparts see it (a delimiter of this boundary would have been found first).
        case notFound(end: Int, delimiter: Delimiter)
    }

    /// Splits a multipart body on `boundary`.
    private mutating func parseMultipartBody(bodyStart: Int, limit: Int, boundary: [UInt8], depth: Int,
                                             childPrefix: String, isDigest: Bool) -> MultipartSplit
    {
        boundaries.append(boundary)
        let level = boundaries.count - 1
        var (preambleEnd, delimiter) = scanToDelimiter(from: bodyStart, limit: limit)
        guard delimiter.level == level else {
            boundaries.removeLast()
            return .notFound(end: preambleEnd, delimiter: delimiter)
        }
        var defects: [Defect] = []
        var parts: [Part] = []
        var end = delimiter.next
        if delimiter.isClose { defects.append(Defect(.boundaryNotFound, "closing delimiter before any part")) }
        while delimiter.level == level && !delimiter.isClose {
            if entityCount >= limits.maxParts {
                defects.append(Defect(.tooManyParts, "parts after \(limits.maxParts) kept unparsed"))
                repeat {
                    (end, delimiter) = scanToDelimiter(from: delimiter.next, limit: limit)
                } while delimiter.level == level && !delimiter.isClose
                break
            }
            let (child, childEnd, next) = parseEntity(start: delimiter.next, limit: limit, depth: depth + 1,
                                                      numbering: .child(childPrefix + String(parts.count + 1)),
                                                      inDigest: isDigest)
            parts.append(child)
            end = childEnd
            delimiter = next
        }
        boundaries.removeLast()
        let preamble = storage[bodyStart..<preambleEnd]
        if delimiter.level == level && delimiter.isClose {
            let epilogueStart = delimiter.next
            let (epilogueEnd, outer) = scanToDelimiter(from: epilogueStart, limit: limit)
            return .split(MultipartBody(parts: parts, preamble: preamble, epilogue: storage[epilogueStart..<max(epilogueStart, epilogueEnd)],
                                        end: epilogueEnd, delimiter: outer, defects: defects))
        }
        defects.append(Defect(.unterminatedMultipart, String(decoding: boundary, as: UTF8.self)))
        return .split(MultipartBody(parts: parts, preamble: preamble, epilogue: storage[end..<end], end: end,
                                    delimiter: delimiter, defects: defects))
    }

    /// The boundary a body actually uses: the first line that starts with `--`.
    private func guessBoundary(from start: Int, to end: Int) -> [UInt8]? {
        var line = start
        while line < end {
            let lineEnd = findByte(0x0A, from: line, to: end) ?? end
            if lineEnd - line > 2, p[line] == 0x2D, p[line + 1] == 0x2D {
                var stop = lineEnd
                while stop > line + 2, p[stop - 1] == 0x0D || p[stop - 1] == 0x20 || p[stop - 1] == 0x09 { stop -= 1 }
                let candidate = Array(storage[(line + 2)..<stop])
                if !candidate.isEmpty, candidate.count <= 200 { return candidate }
            }
            line = lineEnd + 1
        }
        return nil
    }

    // MARK: - Lines and delimiters

    @inline(__always)
    func findByte(_ byte: UInt8, from: Int, to: Int) -> Int? {
        guard from < to, let found = memchr(p + from, Int32(byte), to - from) else { return nil }
        return UnsafeRawPointer(found).assumingMemoryBound(to: UInt8.self) - p
    }

    /// Moves `end` back over one line break (CRLF or LF), not below `floor`.
    @inline(__always)
    func trimLineBreak(_ end: inout Int, floor: Int) {
        if end > floor, p[end - 1] == 0x0A {
            end -= 1
            if end > floor, p[end - 1] == 0x0D { end -= 1 }
        }
    }

    /// Finds the next delimiter line of any open multipart. The line break before a delimiter
    /// belongs to the delimiter (RFC 2046 §5.1.1), so the content ends before it.
    func scanToDelimiter(from start: Int, limit: Int) -> (contentEnd: Int, delimiter: Delimiter) {
        let atEnd = Delimiter(level: -1, isClose: false, lineStart: limit, next: limit)
        guard !boundaries.isEmpty else { return (limit, atEnd) }
        var line = start
        while line < limit {
            if line + 1 < limit, p[line] == 0x2D, p[line + 1] == 0x2D, let delimiter = matchDelimiter(at: line, limit: limit) {
                var contentEnd = line
                trimLineBreak(&contentEnd, floor: start)
                return (contentEnd, delimiter)
            }
            guard let newline = findByte(0x0A, from: line, to: limit) else { break }
            line = newline + 1
        }
        return (limit, atEnd)
    }

    /// Whether the line at `line` is `--boundary` or `--boundary--` of an open multipart, innermost first,
    /// with only whitespace after it.
    func matchDelimiter(at line: Int, limit: Int) -> Delimiter? {
        var level = boundaries.count - 1
        while level >= 0 {
            defer { level -= 1 }
            let boundary = boundaries[level]
            let start = line + 2
            guard start + boundary.count <= limit else { continue }
            let same = boundary.withUnsafeBufferPointer { memcmp(p + start, $0.baseAddress!, boundary.count) == 0 }
            guard same else { continue }
            var k = start + boundary.count
            var isClose = false
            if k + 1 < limit, p[k] == 0x2D, p[k + 1] == 0x2D { isClose = true; k += 2 }
            while k < limit, p[k] == 0x20 || p[k] == 0x09 { k += 1 }
            if k < limit, p[k] == 0x0D { k += 1 }
            if k >= limit { return Delimiter(level: level, isClose: isClose, lineStart: line, next: limit) }
            if p[k] == 0x0A { return Delimiter(level: level, isClose: isClose, lineStart: line, next: k + 1) }
        }
        return nil
    }
}
