import FuzzDriver
import MIME

// libFuzzer entry point: every public reading of a message must survive any input.
// Build and run: see README.md, "Fuzzing". Without -DFUZZING this target is a replayer that
// runs the same function over files (a crash corpus, or the fixtures).

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzMessage(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    exercise(bytes)
    return 0
}

func exercise(_ bytes: [UInt8]) {
    let limits = Limits(maxDepth: 16, maxParts: 2_000, maxHeaderFields: 500)
    let message = Message(bytes: bytes, limits: limits)
    _ = message.subject
    _ = message.from
    _ = message.to
    _ = message.date
    _ = message.messageID
    _ = message.references
    _ = message.autoSubmission
    _ = message.deliveryStatus
    _ = message.allDefects
    for part in message.parts {
        _ = part.filename
        _ = part.decodedBody()
        _ = part.text()
        if part.contentType.isText { _ = UUEncode.blocks(in: part.decodedBody().bytes) }
    }
}

#if FUZZING
// SwiftPM links an executable's entry point as `<module>_main`: libFuzzer's driver takes over there.
@_cdecl("mime_fuzz_main")
func fuzzerMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    FuzzDriver.run(argc, argv, fuzzMessage)
}
#else
@main
struct Replay {
    static func main() { FuzzDriver.replay(CommandLine.arguments.dropFirst(), exercise) }
}
#endif
