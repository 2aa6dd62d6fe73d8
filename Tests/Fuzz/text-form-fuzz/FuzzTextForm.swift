import FuzzDriver
import Forms
import MIME

// libFuzzer entry point: a form typed or pasted into a mail body, plain or HTML, must read into
// an application (fields, problems, missing parts, purpose) for any text, never crash or hang.
// Build and run: see README.md, "Fuzzing". Without -DFUZZING this target is a replayer that
// runs the same function over files.

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTextForm(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    exercise(bytes)
    return 0
}

/// Keep in step with `exerciseTextForm` in Tests/FormsTests/FuzzRegressionTests.swift,
/// which replays the committed corpus through the same readings.
func exercise(_ bytes: [UInt8]) {
    // The intake's own path: the bytes as the 8-bit body of a letter, charset guessing included.
    let header = "From: <a@example.kz>\r\nSubject: Заявление\r\nMIME-Version: 1.0\r\n"
        + "Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n"
    let result = ApplicationReader.read(Message(bytes: Array(header.utf8) + bytes), currentYear: 2026)
    readings(of: result.application)
    _ = result.notAnApplicationReason

    // The same text as an HTML body, which the reader takes when a letter has no plain twin.
    let text = String(decoding: bytes, as: UTF8.self)
    let html = HTMLText.document(text)
    _ = html.plainText
    readings(of: Application.build(from: [("1", FieldExtractor.extract(html))], now: 2026, subject: text))
}

/// Everything a notice or the register asks of an application.
func readings(of application: Application) {
    _ = application.fields
    _ = application.missing.map { ($0.kazakh, $0.russian) }
    for invalid in application.invalid { _ = invalid.kk; _ = invalid.ru; _ = invalid.reason }
    _ = application.missingParts.map { ($0.kazakh, $0.russian) }
    _ = application.purpose
    _ = application.doubts.map(\.description)
    _ = application.terminationDate
    _ = application.outcome
    for companion in application.companions { readings(of: companion) }
}

#if FUZZING
// SwiftPM links an executable's entry point as `<module>_main`: libFuzzer's driver takes over there.
@_cdecl("text_form_fuzz_main")
func fuzzerMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    FuzzDriver.run(argc, argv, fuzzTextForm)
}
#else
@main
struct Replay {
    static func main() { FuzzDriver.replay(CommandLine.arguments.dropFirst(), exercise) }
}
#endif
