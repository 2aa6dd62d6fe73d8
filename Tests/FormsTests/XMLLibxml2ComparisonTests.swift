import Foundation
import Testing
@testable import Forms
@testable import MIME

/// TEMPORARY: libxml2 (XMLTree.parse) against XMLScanner (XMLTree.scanned) on every document
/// the scanner was checked on. Writes a report per corpus to $XML_COMPARISON_DIR.
enum XMLComparison {
    enum Verdict: String { case sameTree, sameRefusal, cdataLineEnds, differentRefusal, differs }

    static func describe(_ element: XMLTree.Element, normalizingTextLineEnds: Bool) -> String {
        var out = element.name
        if !element.attributes.isEmpty {
            out += "{" + element.attributes.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value.debugDescription)" }
                .joined(separator: ",") + "}"
        }
        out += "[" + element.children.map { child -> String in
            switch child {
            case .element(let e): describe(e, normalizingTextLineEnds: normalizingTextLineEnds)
            case .text(let s):
                s.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n").debugDescription
            }
        }.joined(separator: ",") + "]"
        return out
    }

    static func compare(_ bytes: [UInt8], limits: XMLTree.Limits = XMLTree.Limits()) -> (Verdict, String) {
        let new: Result<String, UnreadableReason>
        let old: Result<String, UnreadableReason>
        do { new = .success(XMLParserReference.describe(try XMLTree.parse(bytes, limits: limits).root)) } catch { new = .failure(error) }
        do { old = .success(XMLParserReference.describe(try XMLTree.scanned(bytes, limits: limits).root)) } catch { old = .failure(error) }
        switch (old, new) {
        case (.success(let a), .success(let b)):
            if a == b { return (.sameTree, "") }
            // libxml2's pull parser normalizes line ends in CDATA; its push parser (under XMLParser) did not.
            let lineEnds = { (tree: XMLTree) in describe(tree.root, normalizingTextLineEnds: true) }
            if let x = try? XMLTree.parse(bytes, limits: limits), let y = try? XMLTree.scanned(bytes, limits: limits),
               lineEnds(x) == lineEnds(y) {
                return (.cdataLineEnds, "")
            }
            return (.differs, "trees differ:\n  scanner \(a.prefix(400))\n  libxml2 \(b.prefix(400))")
        case (.failure(let a), .failure(let b)):
            if a.kind == b.kind, a.kind != .limitReached || a == b { return (.sameRefusal, "") }
            return (.differentRefusal, "scanner \(a)\n  libxml2 \(b)")
        case (.failure(let a), .success(let b)):
            return (.differs, "scanner refused (\(a)), libxml2 read \(b.prefix(300))")
        case (.success(let a), .failure(let b)):
            return (.differs, "scanner read \(a.prefix(300)), libxml2 refused (\(b))")
        }
    }

    /// One line per fixture part, appended (tests run in parallel; O_APPEND writes of a line do not interleave).
    static func logFixture(_ name: String, _ bytes: [UInt8]) {
        let (verdict, detail) = compare(bytes)
        let folder = ProcessInfo.processInfo.environment["XML_COMPARISON_DIR"] ?? "/tmp"
        var line = "\(verdict.rawValue)\t\(name)"
        if verdict == .differs || verdict == .differentRefusal {
            line += "\t\(detail) doc \(String(decoding: bytes.prefix(600), as: UTF8.self).debugDescription)"
        }
        let fd = open(folder + "/compare-fixtures.log", O_WRONLY | O_APPEND | O_CREAT, 0o644)
        guard fd >= 0 else { return }
        defer { close(fd) }
        let data = Array((line.replacingOccurrences(of: "\n", with: " ") + "\n").utf8)
        _ = data.withUnsafeBytes { Foundation.write(fd, $0.baseAddress, $0.count) }
    }

    final class Report: @unchecked Sendable {
        let name: String
        var counts: [Verdict: Int] = [:]
        var lines: [String] = []
        init(_ name: String) { self.name = name }

        func add(_ label: String, _ bytes: [UInt8], limits: XMLTree.Limits = XMLTree.Limits()) {
            let (verdict, detail) = compare(bytes, limits: limits)
            counts[verdict, default: 0] += 1
            if verdict != .sameTree, verdict != .sameRefusal {
                lines.append("[\(verdict)] \(label): \(detail)\n  doc \(String(decoding: bytes.prefix(600), as: UTF8.self).debugDescription)")
            }
        }

        func write() {
            let folder = ProcessInfo.processInfo.environment["XML_COMPARISON_DIR"] ?? "/tmp"
            let total = counts.values.reduce(0, +)
            var text = "\(name): \(total) documents; "
            text += [Verdict.sameTree, .sameRefusal, .cdataLineEnds, .differentRefusal, .differs].map { "\($0.rawValue) \(counts[$0, default: 0])" }
                .joined(separator: ", ") + "\n"
            text += lines.joined(separator: "\n") + "\n"
            try? text.write(toFile: folder + "/compare-\(name).txt", atomically: true, encoding: .utf8)
        }
    }
}

@Suite struct XMLLibxml2ComparisonTests {
    @Test func samples() throws {
        let report = XMLComparison.Report("samples")
        for (name, bytes) in try XMLScannerTests.attachedXMLParts(in: ["maildir-samples/cur", "maildir-samples/new",
                                                                       "Tests/MIMETests/Fixtures"]) {
            report.add(name, bytes)
        }
        report.write()
        #expect(report.counts[.differs, default: 0] == 0)
    }

    @Test func fuzzCorpora() throws {
        let report = XMLComparison.Report("fuzz")
        let folder = XMLScannerTests.root.appendingPathComponent("Tests/Fuzz/corpus/forms-fuzz")
        for file in try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() {
            let bytes = Array(try Data(contentsOf: folder.appendingPathComponent(file)))
            let parts = bytes.starts(with: [0x50, 0x4B]) ? XMLScannerTests.xmlParts(ofArchive: bytes, name: file) : [(file, bytes)]
            for (name, xml) in parts { report.add("forms-fuzz/\(name)", xml) }
        }
        for (name, xml) in try XMLScannerTests.attachedXMLParts(in: ["Tests/Fuzz/corpus/mime-fuzz"]) { report.add(name, xml) }
        report.write()
    }

    @Test func generated() {
        let report = XMLComparison.Report("generated")
        var wellFormed = XMLDocumentGenerator(seed: 2026)
        for i in 0..<3_000 { report.add("wellFormed \(i)", wellFormed.wellFormed()) }
        var malformed = XMLDocumentGenerator(seed: 4)
        for i in 0..<3_000 {
            let (bytes, fault) = malformed.malformed()
            report.add("malformed \(i) (\(fault))", bytes)
        }
        var mutated = XMLDocumentGenerator(seed: 6)
        for i in 0..<4_000 { report.add("mutated \(i)", mutated.mutated()) }
        var limited = XMLDocumentGenerator(seed: 11)
        for i in 0..<2_000 {
            let limits = [XMLTree.Limits(maxDepth: 2), XMLTree.Limits(maxElements: 3), XMLTree.Limits(maxCharacters: 10)][i % 3]
            report.add("limits \(i) \(limits)", limited.wellFormed(), limits: limits)
        }
        report.write()
    }
}
