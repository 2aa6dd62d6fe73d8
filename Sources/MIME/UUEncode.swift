/// uuencoded files inside text bodies (`begin 644 name` … `end`), as old clients still send them.
public enum UUEncode {
    public struct Block: Sendable, Hashable {
        public let filename: String
        public let mode: String
        public let bytes: [UInt8]
        /// Where the block sits in the text it was found in, `begin` to `end` inclusive.
        public let range: Range<Int>
    }

    public static func blocks<C: Collection>(in text: C) -> (blocks: [Block], defects: [Defect])
        where C.Element == UInt8, C.Index == Int
    {
        var blocks: [Block] = []
        var defects: [Defect] = []
        var lines: [(start: Int, end: Int)] = []
        var start = text.startIndex
        var i = text.startIndex
        while i < text.endIndex {
            if text[i] == 0x0A {
                var end = i
                if end > start, text[end - 1] == 0x0D { end -= 1 }
                lines.append((start, end))
                start = i + 1
            }
            i += 1
        }
        if start < text.endIndex { lines.append((start, text.endIndex)) }

        var l = 0
        while l < lines.count {
            let line = Array(text[lines[l].start..<lines[l].end])
            guard line.starts(with: Array("begin ".utf8)) else { l += 1; continue }
            let words = String(decoding: line, as: UTF8.self).split(separator: " ", maxSplits: 2)
            guard words.count == 3, words[1].allSatisfy({ $0 >= "0" && $0 <= "7" }), words[1].count >= 3 else { l += 1; continue }
            var bytes: [UInt8] = []
            var m = l + 1
            var ended = false
            var bad = false
            while m < lines.count {
                let body = Array(text[lines[m].start..<lines[m].end])
                if body == Array("end".utf8) { ended = true; break }
                if body.isEmpty { m += 1; continue }
                let count = Int((body[0] &- 0x20) & 0x3F)
                var decoded: [UInt8] = []
                var k = 1
                while k + 3 < body.count + 3, decoded.count < count {
                    func sixBits(_ index: Int) -> UInt32 {
                        index < body.count ? UInt32((body[index] &- 0x20) & 0x3F) : 0
                    }
                    let v = sixBits(k) << 18 | sixBits(k + 1) << 12 | sixBits(k + 2) << 6 | sixBits(k + 3)
                    decoded.append(UInt8(truncatingIfNeeded: v >> 16))
                    decoded.append(UInt8(truncatingIfNeeded: v >> 8))
                    decoded.append(UInt8(truncatingIfNeeded: v))
                    k += 4
                    if k >= body.count { break }
                }
                if decoded.count < count { bad = true }
                bytes.append(contentsOf: decoded.prefix(count))
                m += 1
            }
            if !ended { defects.append(Defect(.invalidUUEncode, "\(words[2]): no end line")) }
            if bad { defects.append(Defect(.invalidUUEncode, "\(words[2]): short line")) }
            let endLine = min(m, lines.count - 1)
            blocks.append(Block(filename: String(words[2]), mode: String(words[1]), bytes: bytes,
                                range: lines[l].start..<lines[endLine].end))
            l = m + 1
        }
        return (blocks, defects)
    }
}
