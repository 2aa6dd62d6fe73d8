import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The text layer of a PDF, through poppler's pdftotext: a PDF parser is a large attack surface
/// better left to a separate, killable process. A PDF with no text is a scan for staff.
///
/// Each PDF is read in a process of its own: a child of tizilim-pdftext (`PDFForkServer`),
/// which describes each page's words with their boxes and fonts and the lines drawn on it
/// (`PDFLayout` makes table cells, paragraphs, underlining and bold of that), or pdftotext
/// `-layout` where that server is not installed (columns and formatting then stay unknown).
public enum PDFText {
    public static let toolPath = "/usr/bin/pdftotext"
    static let timeout: TimeInterval = 20
    static let maxOutput = 5 << 20

    public static func read(_ bytes: [UInt8]) -> Result<FormDocument, UnreadableReason> {
        if let reply = PDFForkServer.shared.read(bytes, timeout: timeout, maxOutput: maxOutput, geometry: true) {
            switch reply.outcome {
            case .exited(let status): return verdict(status: status, text: reply.text, bytes, geometry: true)
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
        let child = BoundedChild(tool: tool, arguments: ["-layout", "-enc", "UTF-8", "-", "-"],
                                 timeout: timeout, maxOutput: maxOutput)
        switch child.run(input: bytes) {
        case .cannotStart(let error):
            return .failure(UnreadableReason(.toolMissing, "pdftotext could not start (\(error)); install poppler-utils"))
        case .deadline:
            return .failure(UnreadableReason(.limitReached, "pdftotext ran longer than \(Int(timeout)) s"))
        case .overflow:
            return .failure(UnreadableReason(.limitReached, "PDF text exceeds \(maxOutput) bytes"))
        case .signaled(let signal):
            return verdict(status: signal, text: [], bytes)
        case .exited(let status, let output):
            return verdict(status: status, text: output, bytes)
        }
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
    static func verdict(status: Int32, text collected: some Collection<UInt8>, _ bytes: [UInt8],
                        geometry: Bool = false) -> Result<FormDocument, UnreadableReason> {
        switch status {
        case 0: break
        case 3: return .failure(UnreadableReason(.encrypted, "PDF permissions forbid extracting text"))
        case _ where hasEncryptDictionary(bytes):
            return .failure(UnreadableReason(.encrypted, "password-protected PDF"))
        default:
            return .failure(UnreadableReason(.corrupt, "pdftotext could not read the PDF (exit \(status))"))
        }
        let text = String(decoding: collected, as: UTF8.self)
        if geometry, let pages = PDFLayout.pages(text) {
            let words = pages.lazy.flatMap(\.words)
            if words.allSatisfy({ $0.text.unicodeScalars.allSatisfy(\.properties.isWhitespace) }) {
                return .failure(UnreadableReason(.scan, "PDF has no text layer"))
            }
            return .success(PDFLayout.document(pages))
        }
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
}
