import Annex2
import Foundation
import Testing
@testable import Forms
@testable import MIME

/// Scans made with real tools: the LibreOffice PDFs of Fixtures/forms rendered by pdftoppm,
/// turned and spoiled by ImageMagick, wrapped as an image-only PDF by Pillow and as HEIC by
/// heif-enc; each read through tizilim-ocr as an attachment of a letter.
enum Scans {
    static func run(_ tool: String, _ arguments: [String], in folder: String) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: folder)
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw CocoaError(.executableLoad, userInfo: [NSDebugDescriptionErrorKey: "\(tool) \(arguments) exited \(process.terminationStatus)"])
        }
    }

    static func folder() -> String {
        let path = NSTemporaryDirectory() + "/tizilim-scans-" + UUID().uuidString
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    /// The form printed at `dpi`, turned by `degrees`, with Gaussian noise if `noisy`, as `format`
    /// (png, jpg: quality 60 like a phone's share sheet; heic; pdf: an image-only PDF).
    static func render(_ form: String, dpi: Int, degrees: Double = 0, noisy: Bool = false, format: String = "png", draw: [String] = []) throws -> [UInt8] {
        let dir = folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let pdf = FormLetters.forms.appendingPathComponent(form + ".pdf").path
        try run("/usr/bin/pdftoppm", ["-r", String(dpi), "-gray", "-png", "-singlefile", pdf, "page"], in: dir)
        var spoil = ["page.png", "-background", "white"]
        // Pen strokes on the page (ImageMagick -draw primitives), before it is turned.
        if !draw.isEmpty { spoil += ["-stroke", "black", "-strokewidth", "4", "-fill", "none"] + draw.flatMap { ["-draw", $0] } }
        if degrees != 0 { spoil += ["-rotate", String(degrees)] }
        // A fixed seed: the same speckle every run, so a render that reads today reads tomorrow.
        if noisy { spoil += ["-seed", "20261207", "-attenuate", "0.5", "+noise", "Gaussian"] }
        switch format {
        case "jpg": spoil += ["-quality", "60", "out.jpg"]
        default: spoil += ["out.png"]
        }
        try run("/usr/bin/convert", spoil, in: dir)
        let out: String
        switch format {
        case "heic":
            try run("/usr/bin/heif-enc", ["-q", "60", "-o", "out.heic", "out.png"], in: dir)
            out = "out.heic"
        case "pdf":
            try run("/usr/bin/python3", ["-c", "from PIL import Image; Image.open('out.png').convert('L').save('out.pdf', resolution=\(dpi))"], in: dir)
            out = "out.pdf"
        case "jpg": out = "out.jpg"
        default: out = "out.png"
        }
        return Array(try Data(contentsOf: URL(fileURLWithPath: dir + "/" + out)))
    }

    /// A PNG made by Python's zlib: `width` x `height` white 1-bit pixels, or only a header that claims them.
    static func png(width: Int, height: Int, headerOnly: Bool = false) throws -> [UInt8] {
        let dir = folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try run("/usr/bin/python3", ["-c", """
            import struct, zlib
            def chunk(kind, data): return struct.pack('>I', len(data)) + kind + data + struct.pack('>I', zlib.crc32(kind + data))
            w, h = \(width), \(height)
            out = b'\\x89PNG\\r\\n\\x1a\\n' + chunk(b'IHDR', struct.pack('>IIBBBBB', w, h, 1, 0, 0, 0, 0))
            if not \(headerOnly ? "True" : "False"):
                row = b'\\x00' + b'\\xff' * ((w + 7) // 8)
                z = zlib.compressobj(9)
                data = b''.join(z.compress(row) for _ in range(h)) + z.flush()
                out += chunk(b'IDAT', data) + chunk(b'IEND', b'')
            open('bomb.png', 'wb').write(out)
            """], in: dir)
        return Array(try Data(contentsOf: URL(fileURLWithPath: dir + "/bomb.png")))
    }
}

@Suite(.serialized) struct OCRTextTests {
    init() throws {
        try #require(OCRText.path != nil, "tizilim-ocr is built beside the tests (swift build)")
    }

    func read(_ bytes: [UInt8], name: String, type: String) -> ApplicationReader.Result {
        ApplicationReader.read(FormLetters.letter(attaching: bytes, name: name, type: type), currentYear: 2026)
    }

    /// Every required field pre-filled, the IIN exact, and still for staff: OCR never decides alone.
    func expectPrefilledForStaff(_ result: ApplicationReader.Result, _ expected: [FormField: String], _ label: String) {
        let application = result.application
        #expect(application.outcome == .unreadable, "\(label): a reading of a scan goes to staff")
        #expect(application.missing.isEmpty, "\(label): missing \(application.missing)")
        #expect(application.invalid.isEmpty, "\(label): invalid \(application.invalid.map(\.reason))")
        #expect(application.kind == .volunteer, "\(label)")
        #expect(FormLetters.text(application, .iin) == expected[.iin], "\(label)")
        #expect(result.confidence[.iin]?.level == .checked, "\(label)")
        #expect(result.sources.contains { $0.recognition != nil }, "\(label)")
    }

    @Test func aTypedKazakhFormScannedAt300DpiReachesStaffWithEveryFieldPrefilled() throws {
        let result = read(try Scans.render("kazakh-questionnaire", dpi: 300), name: "scan.png", type: "image/png")
        expectPrefilledForStaff(result, FormLetters.kazakhFields, "kk 300 dpi")
        #expect(FormLetters.text(result.application, .fullName) == "Құдайбергенов Нұрлан Әлібекұлы")
        #expect(FormLetters.text(result.application, .email) == "nurlan.kudaibergenov@mail.kz")
        let recognition = try #require(result.sources.first { $0.recognition != nil }?.recognition)
        #expect(recognition.pages.count == 1)
        #expect(recognition.meanConfidence > 80)
        // The table's wrapped experience cell is one value, not two lines.
        #expect(FormLetters.text(result.application, .experience)?.hasSuffix("жаңа жобалар") == true)
    }

    @Test(arguments: [("russian-questionnaire", 150, -3.0, "jpg"), ("kazakh-questionnaire", 200, 3.0, "png")])
    func aTurnedNoisyLowResolutionPhotoIsStillReadForStaff(form: String, dpi: Int, degrees: Double, format: String) throws {
        let result = read(try Scans.render(form, dpi: dpi, degrees: degrees, noisy: true, format: format), name: "photo.\(format)", type: "image/\(format)")
        expectPrefilledForStaff(result, form.hasPrefix("kazakh") ? FormLetters.kazakhFields : FormLetters.russianFields, "\(form) \(dpi) \(degrees)°")
    }

    @Test func aPDFWithoutATextLayerIsRasterisedAndRead() throws {
        let result = read(try Scans.render("russian-questionnaire", dpi: 200, format: "pdf"), name: "scan.pdf", type: "application/pdf")
        expectPrefilledForStaff(result, FormLetters.russianFields, "image-only PDF")
        #expect(FormLetters.text(result.application, .fullName) == "Ким Виктор Алексеевич")
    }

    @Test func anIPhoneHEICIsRead() throws {
        let result = read(try Scans.render("kazakh-questionnaire", dpi: 200, format: "heic"), name: "IMG_0042.HEIC", type: "image/heic")
        expectPrefilledForStaff(result, FormLetters.kazakhFields, "HEIC")
    }

    @Test func aPageOnItsSideIsTurnedUpright() throws {
        let result = read(try Scans.render("kazakh-questionnaire", dpi: 200, degrees: 90), name: "side.png", type: "image/png")
        expectPrefilledForStaff(result, FormLetters.kazakhFields, "turned 90°")
        #expect(result.sources.first?.recognition?.pages.first?.rotationDegrees != 0)
    }

    // Check boxes: Tesseract reads ☒ and ☐ as "О", "(1" or not at all; tizilim-ocr decides them from their ink.

    @Test(arguments: [(300, 0.0, false), (200, 2.0, true)])
    func tickedCheckBoxesChooseTheFormsActivityTypesAndRole(dpi: Int, degrees: Double, noisy: Bool) throws {
        let result = read(try Scans.render("russian-checkboxes", dpi: dpi, degrees: degrees, noisy: noisy), name: "scan.png", type: "image/png")
        let label = "\(dpi) dpi \(degrees)°"
        #expect(result.application.fields[.activityTypes] == .numbers([1, 6, 8]), "\(label)")
        #expect(result.application.fields[.roles] == .numbers([2]), "\(label)")
        #expect(FormLetters.text(result.application, .iin) == "670509312900", "\(label)")
        // The machine measured the ink, no person saw the tick: staff confirm the options.
        #expect(result.confidence[.activityTypes]?.level == .low, "\(label)")
        #expect(result.application.outcome == .unreadable, "\(label)")
    }

    @Test func penTicksInEmptyBoxesChooseTheirOptionsEvenWhereTheTickRunsOverTheFrame() throws {
        // The blank form at 300 dpi has its boxes at x 241-274, y 784 (type 1), 987 (type 6), 1122 (type 8), 1324 (role 2).
        let ticks = ["polyline 248,800 256,811 270,789", "polyline 248,1003 256,1014 285,975",
                     "line 245,1125 270,1150", "line 270,1125 245,1150", "polyline 247,1340 256,1352 290,1310"]
        let result = read(try Scans.render("russian-checkboxes-blank", dpi: 300, draw: ticks), name: "scan.png", type: "image/png")
        #expect(result.application.fields[.activityTypes] == .numbers([1, 6, 8]))
        #expect(result.application.fields[.roles] == .numbers([2]))
    }

    @Test(arguments: [300, 200])
    func aFormWithEveryBoxEmptyChoosesNothing(dpi: Int) throws {
        let result = read(try Scans.render("russian-checkboxes-blank", dpi: dpi), name: "scan.png", type: "image/png")
        #expect(result.application.fields[.activityTypes] == nil, "\(dpi) dpi")
        #expect(result.application.fields[.roles] == nil, "\(dpi) dpi")
        #expect(result.application.missing.contains(.activityTypes), "\(dpi) dpi")
    }

    @Test func checkBoxLinesBecomeMarksBeforeTheOptionToTheirRight() throws {
        let output = """
            word\t1\t1\t1\t297\t782\t38\t41\t96.4\t1)
            word\t1\t1\t1\t356\t791\t278\t32\t93.3\tсоциальная
            word\t1\t1\t2\t295\t850\t40\t41\t92.7\t2)
            word\t1\t1\t2\t358\t859\t183\t32\t92.2\tпожилым
            word\t1\t1\t3\t295\t917\t40\t41\t93.3\t3)
            word\t1\t1\t3\t358\t926\t183\t32\t92.9\tдетям
            box\t241\t784\t33\t33\t0.354
            box\t241\t852\t33\t33\t0.000
            box\t241\t919\t33\t33\t0.080
            box\t1800\t100\t33\t33\t0.400
            page\t2480\t3508\t1.000\t0.00\t0\t95.0\t100000\t900\t0
            """
        let reading = try OCRText.parse(output, status: 0, seconds: 1).get()
        #expect(reading.boxes.count == 4)
        let text = OCRText.layout([reading]).plainText
        #expect(text.contains("☒ 1) социальная"))
        #expect(text.contains("☐ 2) пожилым"))
        // Ink between an empty box's and a ticked one's is no mark either way; a box with no words beside it is dropped.
        #expect(text.contains("3) детям") && !text.contains("☒ 3)") && !text.contains("☐ 3)"))
        #expect(text.filter { $0 == "☒" }.count == 1)
    }

    // Hostile images: each is an unreadable source with a reason, in bounded time.

    func expectUnreadable(_ bytes: [UInt8], name: String, _ kinds: Set<UnreadableReason.Kind>) {
        let start = Date()
        let result = read(bytes, name: name, type: "image/png")
        #expect(Date().timeIntervalSince(start) < 30)
        let reason = result.sources.compactMap(\.unreadable).first
        #expect(reason.map { kinds.contains($0.kind) } == true, "\(name): \(String(describing: reason))")
        #expect(result.application.outcome == .unreadable)
    }

    @Test func aDecompressionBombIsRefusedBeforeDecoding() throws {
        // 30,000 x 30,000 white pixels: 110 KB of PNG, 900 megapixels decoded.
        expectUnreadable(try Scans.png(width: 30_000, height: 30_000), name: "bomb.png", [.limitReached])
    }

    @Test func aHeaderClaiming50000By50000PixelsIsRefused() throws {
        expectUnreadable(try Scans.png(width: 50_000, height: 50_000, headerOnly: true), name: "huge.png", [.limitReached])
    }

    @Test func aTruncatedJPEGIsUnreadable() throws {
        let jpeg = try Scans.render("russian-questionnaire", dpi: 150, format: "jpg")
        expectUnreadable(Array(jpeg.prefix(jpeg.count / 3)), name: "cut.jpg", [.corrupt])
    }

    @Test func randomBytesNamedJPGAreUnreadable() {
        var random = SystemRandomNumberGenerator()
        let junk = [0xFF, 0xD8, 0xFF] + (0..<50_000).map { _ in UInt8.random(in: 0...255, using: &random) }
        expectUnreadable(junk, name: "scan.jpg", [.corrupt])
        expectUnreadable((0..<50_000).map { _ in UInt8.random(in: 0...255, using: &random) }, name: "photo.jpg", [.corrupt])
    }

    @Test func withoutTheReaderAScanIsLeftToStaffSayingWhy() {
        guard case .failure(let reason) = OCRText.read(image: [0x89, 0x50], tool: nil) else { Issue.record("read"); return }
        #expect(reason.kind == .toolMissing)
        guard case .failure(let pdf) = OCRText.read(scannedPDF: Array("%PDF-1.4".utf8), tool: nil) else { Issue.record("read"); return }
        #expect(pdf.kind == .scan)
    }

    @Test func theProbeReadsItsBuiltInImageAndListsTheLanguages() {
        guard case .works(_, let languages, _) = OCRText.probe() else { Issue.record("\(OCRText.probe())"); return }
        #expect(Set(["eng", "kaz", "rus"]).isSubset(of: Set(languages)))
    }
}

/// Lines and rows from word boxes, without Tesseract.
@Suite struct OCRLayoutTests {
    func word(_ text: String, line: Int, paragraph: Int = 1, left: Int, top: Int, width: Int = 100, confidence: Double = 95) -> OCRText.WordBox {
        OCRText.WordBox(block: 1, paragraph: paragraph, line: line, left: left, top: top, width: width, height: 40, confidence: confidence, text: text)
    }

    func rule(line: Int, top: Int) -> OCRText.WordBox {
        OCRText.WordBox(block: 1, paragraph: 1, line: line, left: 200, top: top, width: 2000, height: 2, confidence: 95, text: " ")
    }

    func page(_ words: [OCRText.WordBox]) -> OCRText.PageReading {
        OCRText.PageReading(words: words, page: Recognition.Page(meanConfidence: 95, width: 2480, height: 3508, scale: 1, skewDegrees: 0,
                                                                  rotationDegrees: 0, peakMemoryKB: 0, cpuMilliseconds: 0, seconds: 0))
    }

    @Test func wordsInColumnsAreTableRowsAndAWrappedCellStaysInItsRow() throws {
        let document = OCRText.layout([page([
            rule(line: 1, top: 100), rule(line: 2, top: 200), rule(line: 3, top: 360),
            word("ЖСН", line: 4, left: 250, top: 130), word("830717350867", line: 4, left: 960, top: 130, width: 340),
            word("Тәжірибесі", line: 5, left: 250, top: 230), word("Үш", line: 5, left: 960, top: 230), word("жыл", line: 5, left: 1080, top: 230),
            word("көмек", line: 6, left: 962, top: 290),
        ])])
        let table = try #require(ReaderFixtures.table(document))
        #expect(table.rows.map { $0.cells.map(\.text) } == [["ЖСН", "830717350867"], ["Тәжірибесі", "Үш жыл көмек"]])
    }

    @Test func aSentenceWrappedAtTheMarginIsOneParagraphButLabelLinesAreNot() {
        let document = OCRText.layout([page([
            word("Даю", line: 1, left: 200, top: 100), word("согласие", line: 1, left: 320, top: 100, width: 1900),
            word("данных.", line: 2, left: 200, top: 150),
            word("ФИО:", line: 3, left: 200, top: 220), word("Ким", line: 3, left: 320, top: 220, width: 1900),
            word("Контакты:", line: 4, left: 200, top: 270),
        ])])
        #expect(document.paragraphs.map(\.text) == ["Даю согласие данных.", "ФИО: Ким", "Контакты:"])
    }

    @Test func aFieldsConfidenceIsItsWeakestWord() {
        let recognition = Recognition(pages: [], words: [.init(text: "+7", confidence: 91), .init(text: "701", confidence: 60),
                                                         .init(text: "Ким", confidence: 96), .init(text: "Виктор,", confidence: 88)])
        #expect(recognition.confidence(of: "Ким Виктор") == 88)
        #expect(recognition.confidence(of: "+7701") == 60)
        #expect(recognition.confidence(of: "Петров") == nil)
    }
}

/// `ocr_auto_refine`: only a clear scan of a known form with a blank IIN goes back by itself.
@Suite struct OCRAutoRefineTests {
    @Test func aClearScanWithoutAnIINIsRefinedOnlyWhenTheSettingSaysSo() throws {
        try #require(OCRText.path != nil)
        // The Russian form with its IIN painted over, as if left blank.
        let png = try Scans.render("russian-questionnaire", dpi: 200)
        let letter = { (bytes: [UInt8]) in FormLetters.letter(attaching: bytes, name: "scan.png", type: "image/png") }
        let blank = try Self.withoutIIN(png)
        let staff = ApplicationReader.read(letter(blank), currentYear: 2026)
        #expect(staff.application.missing == [.iin])
        #expect(staff.application.outcome == .unreadable)
        let refined = ApplicationReader.read(letter(blank), currentYear: 2026, settings: ReadingSettings(ocrAutoRefine: true))
        #expect(refined.application.outcome == .incomplete)
        // A complete scan is never decided on, whatever the setting.
        #expect(ApplicationReader.read(letter(png), currentYear: 2026, settings: ReadingSettings(ocrAutoRefine: true)).application.outcome == .unreadable)
    }

    /// The page with the IIN's word box painted white, found by tizilim-ocr itself.
    static func withoutIIN(_ png: [UInt8]) throws -> [UInt8] {
        let tool = try #require(OCRText.path)
        guard case .success(let page) = OCRText.page(png, tool: tool) else { throw CocoaError(.fileReadCorruptFile) }
        let box = try #require(page.words.first { $0.text.contains("670509312900") })
        let scale = page.page.scale
        let dir = Scans.folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try Data(png).write(to: URL(fileURLWithPath: dir + "/in.png"))
        let x0 = Int(Double(box.left) / scale) - 4, y0 = Int(Double(box.top) / scale) - 4
        let x1 = Int(Double(box.right) / scale) + 4, y1 = Int(Double(box.top + box.height) / scale) + 4
        try Scans.run("/usr/bin/convert", ["in.png", "-fill", "white", "-draw", "rectangle \(x0),\(y0) \(x1),\(y1)", "out.png"], in: dir)
        return Array(try Data(contentsOf: URL(fileURLWithPath: dir + "/out.png")))
    }
}
