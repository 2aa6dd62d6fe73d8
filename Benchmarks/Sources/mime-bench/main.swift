import Glibc
import MIME

// The benchmark workload, the same as Benchmarks/python-email-bench.py and gmime-bench.c:
// read each file, parse the whole tree, undo every leaf's transfer encoding, decode text to Unicode.
// Prints `RESULT files=N bytes=N seconds=F parts=N decoded=N` for Benchmarks/run.sh.

func readFile(_ path: String) -> [UInt8]? {
    let fd = open(path, O_RDONLY)
    guard fd >= 0 else { return nil }
    defer { close(fd) }
    var info = stat()
    guard fstat(fd, &info) == 0 else { return nil }
    let size = Int(info.st_size)
    return [UInt8](unsafeUninitializedCapacity: size) { buffer, count in
        var done = 0
        while done < size {
            let n = read(fd, buffer.baseAddress! + done, size - done)
            if n <= 0 { break }
            done += n
        }
        count = done
    }
}

func listFiles(_ path: String) -> [String] {
    var info = stat()
    guard stat(path, &info) == 0 else { return [] }
    guard (info.st_mode & S_IFMT) == S_IFDIR else { return [path] }
    guard let dir = opendir(path) else { return [] }
    defer { closedir(dir) }
    var out: [String] = []
    while let entry = readdir(dir) {
        let name = withUnsafeBytes(of: entry.pointee.d_name) { String(cString: $0.bindMemory(to: CChar.self).baseAddress!) }
        if name.hasPrefix(".") { continue }
        out += listFiles(path + "/" + name)
    }
    return out.sorted()
}

func now() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_MONOTONIC, &ts)
    return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
}

let arguments = Array(CommandLine.arguments.dropFirst())
if arguments.isEmpty {
    print("usage: mime-bench DIR_OR_FILE...")
    exit(64)
}
let files = arguments.flatMap(listFiles)
var totalBytes = 0
var parts = 0
var decoded = 0
var textParts = 0
var characters = 0
let start = now()
for file in files {
    guard let bytes = readFile(file) else { continue }
    totalBytes += bytes.count
    let message = Message(bytes: bytes)
    for part in message.parts where !part.isContainer {
        // Leaves only, as gmime-bench and python-email-bench count them.
        parts += 1
        let body = part.decodedBody().bytes
        decoded += body.count
        if part.contentType.isText {
            textParts += 1
            characters += Charset.decode(body, charset: part.contentType.charset).text.unicodeScalars.count
        }
    }
}
let seconds = now() - start
let mb = Double(totalBytes) / 1_048_576
print("mime-bench: \(files.count) files, \(format2(mb)) MiB in \(format2(seconds)) s: \(format2(mb / seconds)) MiB/s, \(format2(Double(files.count) / seconds)) msg/s")
print("INFO impl=mime.swift text_parts=\(textParts) text_chars=\(characters)")
print("RESULT files=\(files.count) bytes=\(totalBytes) seconds=\(format6(seconds)) parts=\(parts) decoded=\(decoded)")

func format2(_ x: Double) -> String { String(Int((x * 100).rounded())).insertingDot(2) }
func format6(_ x: Double) -> String { String(Int((x * 1_000_000).rounded())).insertingDot(6) }
extension String {
    func insertingDot(_ decimals: Int) -> String {
        var digits = self
        while digits.count <= decimals { digits = "0" + digits }
        let cut = digits.index(digits.endIndex, offsetBy: -decimals)
        return digits[..<cut] + "." + digits[cut...]
    }
}
