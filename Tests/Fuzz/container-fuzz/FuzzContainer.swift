import Forms
import FuzzDriver
import Signatures

// libFuzzer entry point: winmail.dat (TNEFArchive) and CMS/PKCS#7 signed data (SignedBytes,
// SignedContainer over libcrypto) must give their files or an unreadable reason for any bytes,
// never crash, hang or exhaust memory. Build and run: see README.md, "Fuzzing". Without
// -DFUZZING this target is a replayer that runs the same function over files.

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzContainer(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    exercise(Array(UnsafeBufferPointer(start: data, count: size)))
    return 0
}

/// Keep in step with `exerciseContainers` in Tests/FormsTests/FuzzRegressionTests.swift, which
/// replays the committed corpus through the same readings.
func exercise(_ bytes: [UInt8]) {
    _ = SourceKind.detect(filename: "winmail.dat", mimeType: "application/octet-stream", bytes: bytes)
    switch TNEFArchive.read(bytes) {
    case .success(let attachments):
        for file in attachments { _ = SourceKind.detect(filename: file.name, mimeType: file.mimeType ?? "", bytes: file.bytes) }
    case .failure(let reason):
        _ = reason.description
    }
    _ = SignedBytes.looksSigned(bytes)
    switch SignedContainer.open(bytes, trust: nil) {
    case .success(let opened):
        for signature in opened.signatures { _ = (signature.algorithm, signature.signer?.iin, signature.verdict.reason) }
    case .failure(let problem):
        _ = problem.description
    }
}

#if FUZZING
// SwiftPM links an executable's entry point as `<module>_main`: libFuzzer's driver takes over there.
@_cdecl("container_fuzz_main")
func fuzzerMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    FuzzDriver.run(argc, argv, fuzzContainer)
}
#else
@main
struct Replay {
    static func main() { FuzzDriver.replay(CommandLine.arguments.dropFirst(), exercise) }
}
#endif
