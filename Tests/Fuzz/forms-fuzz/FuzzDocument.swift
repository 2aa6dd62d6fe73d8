import Register
import FuzzDriver
import Forms

// libFuzzer entry point: the DOCX and ODT readers must answer a document or an unreadable
// reason for any attachment, never crash, hang or exhaust memory. Build and run: see README.md,
// "Fuzzing". Without -DFUZZING this target is a replayer that runs the same function over files.

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzDocument(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    exercise(bytes)
    return 0
}

/// Keep in step with `exerciseDocumentReaders` in Tests/FormsTests/FuzzRegressionTests.swift,
/// which replays the committed corpus through the same readings.
func exercise(_ bytes: [UInt8]) {
    _ = SourceKind.detect(filename: "anketa.docx", mimeType: "application/octet-stream", bytes: bytes)
    if bytes.starts(with: [0x50, 0x4B]) {
        // An archive as it arrives: central directory, local headers, inflate, CRC, then the XML.
        readings(of: DocxReader.read(bytes))
        readings(of: OdtReader.read(bytes))
    } else {
        // Mutated deflate streams almost never pass the CRC, so the XML walkers would go unfuzzed:
        // anything else is taken as the main part of a well-formed package instead.
        var docx = ZipWriter()
        docx.add("word/document.xml", bytes, method: .stored)
        readings(of: DocxReader.read(docx.bytes))
        var odt = ZipWriter()
        odt.add("mimetype", "application/vnd.oasis.opendocument.text", method: .stored)
        odt.add("content.xml", bytes, method: .stored)
        odt.add("styles.xml", bytes, method: .stored)
        readings(of: OdtReader.read(odt.bytes))
    }
}

/// What the intake takes from a read document. Field extraction is left to text-form-fuzz: it
/// costs ten times the reading, and here it would only slow the search through the readers.
func readings(of result: Result<FormDocument, UnreadableReason>) {
    switch result {
    case .success(let document):
        _ = document.plainText
        for paragraph in document.paragraphs { _ = paragraph.underlinedText }
    case .failure(let reason):
        _ = reason.description
    }
}

#if FUZZING
// SwiftPM links an executable's entry point as `<module>_main`: libFuzzer's driver takes over there.
@_cdecl("forms_fuzz_main")
func fuzzerMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    FuzzDriver.run(argc, argv, fuzzDocument)
}
#else
@main
struct Replay {
    static func main() { FuzzDriver.replay(CommandLine.arguments.dropFirst(), exercise) }
}
#endif
