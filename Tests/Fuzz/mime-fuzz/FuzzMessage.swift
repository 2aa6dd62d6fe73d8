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
// SwiftPM links an executable's entry point as `<module>_main`; hand control to libFuzzer's driver from there.
@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(_ argc: UnsafeMutablePointer<Int32>,
                         _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
                         _ callback: @convention(c) (UnsafePointer<UInt8>, Int) -> Int32) -> Int32

@_cdecl("mime_fuzz_main")
func fuzzerMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    var count = argc
    var vector = argv
    return LLVMFuzzerRunDriver(&count, &vector, fuzzMessage)
}
#else
import Glibc

@main
struct Replay {
    static func main() {
        for path in CommandLine.arguments.dropFirst() {
            guard let file = fopen(path, "rb") else { print("cannot read \(path)"); continue }
            var bytes: [UInt8] = []
            var buffer = [UInt8](repeating: 0, count: 65536)
            while true {
                let n = fread(&buffer, 1, buffer.count, file)
                if n == 0 { break }
                bytes += buffer[0..<n]
            }
            fclose(file)
            exercise(bytes)
            print("ok \(path)")
        }
    }
}
#endif
