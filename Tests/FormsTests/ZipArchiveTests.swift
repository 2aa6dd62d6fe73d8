import Register
import Testing
@testable import Forms

@Test func zipRoundTripsStoredAndDeflatedEntriesWithUTF8Names() throws {
    var writer = ZipWriter()
    let kazakh = Array("Волонтер сауалнамасы: Т.А.Ә., ЖСН".utf8)
    writer.add("stored.txt", kazakh, method: .stored)
    writer.add("қазақша/deflated.xml", Array(repeating: kazakh, count: 50).flatMap { $0 }, method: .deflated)
    writer.add("empty", [], method: .deflated)
    let zip = try ZipArchive(bytes: writer.bytes)
    #expect(zip.entryNames == ["stored.txt", "қазақша/deflated.xml", "empty"])
    #expect(try zip.read("stored.txt") == kazakh)
    #expect(try zip.read("қазақша/deflated.xml") == Array(repeating: kazakh, count: 50).flatMap { $0 })
    #expect(try zip.read("empty") == [])
}

@Test func zipMissingEntryIsCorrupt() throws {
    var writer = ZipWriter()
    writer.add("a.txt", "a")
    let zip = try ZipArchive(bytes: writer.bytes)
    #expect(throws: UnreadableReason.self) { try zip.read("b.txt") }
    do { _ = try zip.read("b.txt") } catch { #expect(error.kind == .corrupt) }
}

@Test func zipBombOfHundredMegabytesOfZerosHitsTheLimit() {
    var writer = ZipWriter()
    writer.add("word/document.xml", [UInt8](repeating: 0, count: 100 << 20), method: .deflated)
    let bytes = writer.bytes
    #expect(bytes.count < 1 << 20)  // the bomb really is small on the wire
    do {
        let zip = try ZipArchive(bytes: bytes)
        _ = try zip.read("word/document.xml")
        Issue.record("the bomb was inflated")
    } catch {
        #expect(error.kind == .limitReached)
    }
    #expect(DocxReader.read(bytes) == .failure(UnreadableReason(.limitReached,
        "ZIP archive declares more than \(50 << 20) bytes uncompressed")))
}

@Test func zipEntryBeyondRatioIsRefusedEvenUnderTheSizeLimits() throws {
    var writer = ZipWriter()
    writer.add("zeros", [UInt8](repeating: 0, count: 5 << 20))  // ~1000:1
    let zip = try ZipArchive(bytes: writer.bytes)
    do { _ = try zip.read("zeros"); Issue.record("read past the ratio") } catch { #expect(error.kind == .limitReached) }
}

@Test func zipEntryOverThePerEntryLimitIsRefused() throws {
    var writer = ZipWriter()
    writer.add("big", [UInt8](repeating: 7, count: 2_000), method: .stored)
    let zip = try ZipArchive(bytes: writer.bytes, limits: ZipLimits(maxEntryInflated: 1_000))
    do { _ = try zip.read("big"); Issue.record("read past the limit") } catch { #expect(error.kind == .limitReached) }
}

@Test func zipWithTooManyEntriesIsRefused() {
    var writer = ZipWriter()
    for i in 0..<5 { writer.add("f\(i)", "x") }
    do { _ = try ZipArchive(bytes: writer.bytes, limits: ZipLimits(maxEntries: 4)); Issue.record("accepted") } catch {
        #expect(error.kind == .limitReached)
    }
}

@Test func zipEntryThatInflatesBeyondItsDeclaredSizeIsCorrupt() throws {
    var writer = ZipWriter()
    writer.add("liar", [UInt8](repeating: 65, count: 1_000))
    var bytes = writer.bytes
    // Claim 10 bytes in the central directory: the stream must not be trusted past that.
    let cd = try #require(ReaderFixtures.offsets(of: 0x0201_4b50, in: bytes).first)
    bytes[cd + 24] = 10; bytes[cd + 25] = 0; bytes[cd + 26] = 0; bytes[cd + 27] = 0
    let zip = try ZipArchive(bytes: bytes)
    do { _ = try zip.read("liar"); Issue.record("trusted the stream") } catch { #expect(error.kind == .corrupt) }
}

@Test func truncatedZipIsCorrupt() {
    let bytes = ReaderFixtures.docx(body: "<w:p><w:r><w:t>ЖСН</w:t></w:r></w:p>")
    for cut in [bytes.count - 1, bytes.count / 2, 10, 0] {
        do { _ = try ZipArchive(bytes: Array(bytes.prefix(cut))); Issue.record("accepted a cut at \(cut)") } catch {
            #expect(error.kind == .corrupt)
        }
    }
}

@Test func zipWithDamagedDataFailsItsCRC() throws {
    var writer = ZipWriter()
    writer.add("a.txt", Array("Т.А.Ә. Иванов Иван".utf8), method: .stored)
    var bytes = writer.bytes
    bytes[30 + 5 + 3] ^= 0xFF  // a byte inside the stored data
    let zip = try ZipArchive(bytes: bytes)
    do { _ = try zip.read("a.txt"); Issue.record("accepted") } catch {
        #expect(error.kind == .corrupt)
        #expect(error.detail.contains("CRC"))
    }
}

@Test func zipEntryWithEncryptionFlagIsEncrypted() throws {
    var bytes = ReaderFixtures.docx(body: "<w:p/>")
    for cd in ReaderFixtures.offsets(of: 0x0201_4b50, in: bytes) { bytes[cd + 8] |= 1 }
    let zip = try ZipArchive(bytes: bytes)
    do { _ = try zip.read("word/document.xml"); Issue.record("read") } catch { #expect(error.kind == .encrypted) }
    guard case .failure(let reason) = DocxReader.read(bytes) else { Issue.record("read"); return }
    #expect(reason.kind == .encrypted)
}

@Test func zip64MarkersAreRefusedCleanly() throws {
    var writer = ZipWriter()
    writer.add("a", "a")
    var bytes = writer.bytes
    let eocd = bytes.count - 22
    bytes[eocd + 16] = 0xFF; bytes[eocd + 17] = 0xFF; bytes[eocd + 18] = 0xFF; bytes[eocd + 19] = 0xFF
    do { _ = try ZipArchive(bytes: bytes); Issue.record("accepted") } catch { #expect(error.kind == .unsupported) }
}

@Test func zipWithDuplicateNamesIsCorrupt() {
    var writer = ZipWriter()
    writer.add("word/document.xml", "one")
    writer.add("word/document.xml", "two")
    do { _ = try ZipArchive(bytes: writer.bytes); Issue.record("accepted") } catch { #expect(error.kind == .corrupt) }
}

@Test func zipWithUnknownCompressionMethodIsUnsupported() throws {
    var writer = ZipWriter()
    writer.add("a", "abc", method: .stored)
    var bytes = writer.bytes
    let cd = try #require(ReaderFixtures.offsets(of: 0x0201_4b50, in: bytes).first)
    bytes[cd + 10] = 14  // LZMA
    let zip = try ZipArchive(bytes: bytes)
    do { _ = try zip.read("a"); Issue.record("read") } catch { #expect(error.kind == .unsupported) }
}

@Test func zipWriterIsDeterministic() {
    var a = ZipWriter(), b = ZipWriter()
    a.add("x.xml", "<x/>"); b.add("x.xml", "<x/>")
    #expect(a.bytes == b.bytes)
}

@Test func randomGarbageNeverCrashesTheZipReader() {
    var rng = SystemRandomNumberGenerator()
    let valid = ReaderFixtures.docx(body: "<w:p><w:r><w:t>Анкета волонтера</w:t></w:r></w:p>")
    for _ in 0..<300 {
        var bytes = valid
        for _ in 0..<4 { bytes[Int.random(in: 0..<bytes.count, using: &rng)] = UInt8.random(in: 0...255, using: &rng) }
        _ = DocxReader.read(bytes)  // any outcome but a crash
    }
}
