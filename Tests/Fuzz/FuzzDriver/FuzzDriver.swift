import Glibc

/// What every fuzz target shares: handing control to libFuzzer (built with -DFUZZING), or,
/// in a normal build, replaying files (a crash found, a corpus) through the same function.
public enum FuzzDriver {
    #if FUZZING
    /// From the target's `<module>_main`, which SwiftPM links as the executable's entry point.
    public static func run(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?,
                           _ callback: @convention(c) (UnsafePointer<UInt8>, Int) -> Int32) -> Int32 {
        var count = argc
        var vector = argv
        return LLVMFuzzerRunDriver(&count, &vector, callback)
    }
    #endif

    public static func replay(_ paths: some Sequence<String>, _ exercise: ([UInt8]) -> Void) {
        for path in paths {
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

#if FUZZING
@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(_ argc: UnsafeMutablePointer<Int32>,
                         _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
                         _ callback: @convention(c) (UnsafePointer<UInt8>, Int) -> Int32) -> Int32
#endif
