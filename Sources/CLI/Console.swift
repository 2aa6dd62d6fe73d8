import Glibc

/// Where a command writes: stdout and stderr for the real program, buffers in tests.
public final class Console {
    public private(set) var out = ""
    public private(set) var err = ""
    private let capture: Bool

    /// Writes straight to the process's stdout and stderr.
    public static func standard() -> Console { Console(capture: false) }
    /// Keeps everything written, for tests.
    public static func capturing() -> Console { Console(capture: true) }

    private init(capture: Bool) { self.capture = capture }

    public func write(_ text: String) {
        if capture { out += text } else { Console.writeAll(STDOUT_FILENO, text) }
    }

    public func line(_ text: String = "") { write(text + "\n") }

    /// Bytes as they are (an attachment written to standard output); tests see them as UTF-8.
    public func write(bytes: [UInt8]) {
        if capture { out += String(decoding: bytes, as: UTF8.self) } else { Console.writeAll(STDOUT_FILENO, bytes) }
    }

    public func error(_ text: String) {
        if capture { err += text + "\n" } else { Console.writeAll(STDERR_FILENO, text + "\n") }
    }

    private static func writeAll(_ fd: Int32, _ text: String) {
        var text = text
        text.withUTF8 { writeAll(fd, $0) }
    }

    private static func writeAll(_ fd: Int32, _ bytes: [UInt8]) {
        bytes.withUnsafeBufferPointer { writeAll(fd, $0) }
    }

    private static func writeAll(_ fd: Int32, _ buffer: UnsafeBufferPointer<UInt8>) {
        guard let base = buffer.baseAddress else { return }
        var offset = 0
        while offset < buffer.count {
            let n = Glibc.write(fd, base + offset, buffer.count - offset)
            if n < 0 { if errno == EINTR { continue }; return }
            offset += n
        }
    }

    /// A person's terminal on standard output: no binary there unless they insist.
    public var isTerminal: Bool { !capture && isatty(STDOUT_FILENO) == 1 }

    /// Colour only for a person at a terminal, and never with NO_COLOR (https://no-color.org).
    public var usesColor: Bool {
        isTerminal && getenv("NO_COLOR") == nil
    }
}
