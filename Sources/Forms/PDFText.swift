import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The text layer of a PDF, through poppler's pdftotext: a PDF parser is a large attack surface
/// better left to a separate, killable process. A PDF with no text is a scan for staff.
///
/// Each PDF is read in a process of its own: a child of tizilim-pdftext (`PDFForkServer`),
/// which reads as `pdftotext -layout` does for a sixth of the CPU, or pdftotext itself where
/// that server is not installed.
public enum PDFText {
    public static let toolPath = "/usr/bin/pdftotext"
    static let timeout: TimeInterval = 20
    static let maxOutput = 5 << 20

    public static func read(_ bytes: [UInt8]) -> Result<FormDocument, UnreadableReason> {
        if let reply = PDFForkServer.shared.read(bytes, timeout: timeout, maxOutput: maxOutput) {
            switch reply.outcome {
            case .exited(let status): return verdict(status: status, text: reply.text, bytes)
            case .signaled(let signal):
                return .failure(UnreadableReason(.corrupt, "the PDF reader crashed on this PDF (signal \(signal))"))
            case .deadline: return .failure(UnreadableReason(.limitReached, "reading the PDF took longer than \(Int(timeout)) s"))
            case .overflow: return .failure(UnreadableReason(.limitReached, "PDF text exceeds \(maxOutput) bytes"))
            }
        }
        return read(bytes, tool: toolPath)
    }

    static func read(_ bytes: [UInt8], tool: String, timeout: TimeInterval = timeout,
                     maxOutput: Int = maxOutput) -> Result<FormDocument, UnreadableReason> {
        guard FileManager.default.isExecutableFile(atPath: tool) else {
            return .failure(UnreadableReason(.toolMissing, "install poppler-utils to read PDFs with a text layer"))
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = ["-layout", "-enc", "UTF-8", "-", "-"]
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            return .failure(UnreadableReason(.toolMissing, "pdftotext could not start (\(error)); install poppler-utils"))
        }

        // Feed stdin from its own thread so a large PDF cannot deadlock against a full stdout pipe.
        let writeFD = input.fileHandleForWriting.fileDescriptor
        let feeder = Thread {
            // pdftotext may exit before reading everything; with SIGPIPE blocked on this thread
            // the write fails with EPIPE instead of killing the whole program.
            var set = sigset_t()
            sigemptyset(&set)
            sigaddset(&set, SIGPIPE)
            pthread_sigmask(SIG_BLOCK, &set, nil)
            bytes.withUnsafeBytes { raw in
                var offset = 0
                while offset < raw.count {
                    let n = write(writeFD, raw.baseAddress! + offset, raw.count - offset)
                    if n < 0 { if errno == EINTR { continue } else { break } }
                    offset += n
                }
            }
            try? input.fileHandleForWriting.close()
        }
        feeder.start()

        // A plain thread waiting on a condition: the deadline holds without relying on a run
        // loop or a Dispatch queue being serviced by whoever called us.
        let watch = Watch()
        let limit = Date(timeIntervalSinceNow: timeout)
        let watchdog = Thread {
            if watch.waitUntilFinished(before: limit) == false, process.isRunning { stop(process) }
        }
        watchdog.start()

        var collected = Data()
        let reader = output.fileHandleForReading
        var overflow = false
        while true {
            let chunk = reader.availableData
            if chunk.isEmpty { break }
            collected.append(chunk)
            if collected.count > maxOutput {
                overflow = true
                if process.isRunning { stop(process) }
                break
            }
        }
        process.waitUntilExit()
        let timedOut = watch.finish()
        try? reader.close()

        if timedOut {
            return .failure(UnreadableReason(.limitReached, "pdftotext ran longer than \(Int(timeout)) s"))
        }
        if overflow {
            return .failure(UnreadableReason(.limitReached, "PDF text exceeds \(maxOutput) bytes"))
        }
        return verdict(status: process.terminationStatus, text: collected, bytes)
    }

    /// How this installation reads PDFs, tried on a one-line PDF (`tizilim doctor`).
    public enum Reader: Equatable, Sendable {
        case forkServer(path: String)
        /// tizilim-pdftext is installed but did not read the test PDF; pdftotext is used.
        case forkServerFailed(path: String)
        case pdftotext
        case none
    }

    public static func probe() -> Reader {
        let sample = Array("""
        %PDF-1.4
        1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj
        2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj
        3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 50]/Contents 4 0 R/Resources<</Font<</F1 5 0 R>>>>>>endobj
        4 0 obj<</Length 35>>stream
        BT /F1 12 Tf 10 20 Td (tizilim) Tj ET
        endstream endobj
        5 0 obj<</Type/Font/Subtype/Type1/BaseFont/Helvetica>>endobj
        trailer<</Root 1 0 R>>
        %%EOF

        """.utf8)
        let tool = FileManager.default.isExecutableFile(atPath: toolPath)
        guard let path = PDFForkServer.shared.path else { return tool ? .pdftotext : .none }
        let reply = PDFForkServer.shared.read(sample, timeout: 10, maxOutput: 1 << 16)
        if reply?.outcome == .exited(0), String(decoding: reply?.text ?? [], as: UTF8.self).contains("tizilim") {
            return .forkServer(path: path)
        }
        return .forkServerFailed(path: path)
    }

    /// What pdftotext's exit status and output say about the PDF (tizilim-pdftext answers alike).
    static func verdict(status: Int32, text collected: some Collection<UInt8>, _ bytes: [UInt8]) -> Result<FormDocument, UnreadableReason> {
        switch status {
        case 0: break
        case 3: return .failure(UnreadableReason(.encrypted, "PDF permissions forbid extracting text"))
        case _ where hasEncryptDictionary(bytes):
            return .failure(UnreadableReason(.encrypted, "password-protected PDF"))
        default:
            return .failure(UnreadableReason(.corrupt, "pdftotext could not read the PDF (exit \(status))"))
        }
        let text = String(decoding: collected, as: UTF8.self)
        if text.unicodeScalars.allSatisfy({ $0.properties.isWhitespace || $0 == "\u{0C}" }) {
            return .failure(UnreadableReason(.scan, "PDF has no text layer"))
        }
        // Form feeds separate pages; as lines they would only add noise.
        return .success(PlainText.document(text.replacingOccurrences(of: "\u{0C}", with: "\n")))
    }

    /// A user password makes pdftotext fail like damage does; the trailer's /Encrypt tells them apart.
    static func hasEncryptDictionary(_ bytes: [UInt8]) -> Bool {
        let needle = Array("/Encrypt".utf8)
        guard bytes.count >= needle.count else { return false }
        var i = 0
        while i <= bytes.count - needle.count {
            if bytes[i] == 0x2F, Array(bytes[i..<(i + needle.count)]) == needle { return true }
            i += 1
        }
        return false
    }

    /// SIGKILL, not Process.terminate()'s SIGTERM: a child can inherit SIGTERM ignored (it
    /// does under some test runners and service managers), and a stuck parser needs no cleanup.
    private static func stop(_ process: Process) {
        kill(process.processIdentifier, SIGKILL)
    }

    /// The meeting point of the reader and the watchdog: whichever comes first, the end of
    /// the output or the deadline, decides.
    private final class Watch: @unchecked Sendable {
        private let condition = NSCondition()
        private var finished = false
        private var expired = false

        /// True if the reader finished first; false if the deadline passed (and is recorded).
        func waitUntilFinished(before limit: Date) -> Bool {
            condition.lock()
            defer { condition.unlock() }
            while !finished {
                if !condition.wait(until: limit) && !finished {
                    expired = true
                    return false
                }
            }
            return true
        }

        /// Ends the watch; answers whether the deadline had already passed.
        func finish() -> Bool {
            condition.lock()
            defer { condition.unlock() }
            finished = true
            condition.broadcast()
            return expired
        }
    }
}
