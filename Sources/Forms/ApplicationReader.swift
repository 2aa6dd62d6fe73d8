import Annex2
import MIME

/// From a parsed message to an `Application`: which parts are sources, how each is read,
/// what could not be read and why. Pure but for the readers' bounded children (pdftotext, antiword,
/// unrtf, pdftoppm, tizilim-ocr).
public enum ApplicationReader {
    /// One part of the message the reader looked at.
    public struct Source: Sendable {
        /// The MIME part path, e.g. `2` or `2.1`; `body` parts are the message's own text.
        public let partPath: String
        public let filename: String?
        public let kind: SourceKind
        /// Set when the part could not be read; the message is then unreadable in that part.
        public let unreadable: UnreadableReason?
        /// Set when the part's text was recognised in an image: staff decide on what it gave.
        public var recognition: Recognition? = nil
    }

    public struct Result: Sendable {
        public let application: Application
        public let sources: [Source]
        /// Why the message as a whole is not an application, when it is not.
        public let notAnApplicationReason: String?
        /// For each field read from a recognised image, how far it can be trusted.
        public var confidence: [FormField: FieldConfidence] = [:]
        /// Where in the letter this applicant's forms stood (`readApplicants`); nil from `read`.
        public internal(set) var origin: Origin? = nil
    }

    /// `automatic`: the message's verdict when the caller has it already. `ocrAutoRefine`
    /// (`ocr_auto_refine`, off by default): a scan read clearly, of a recognised form, whose
    /// IIN or BIN is plainly absent may be sent back for refinement without staff.
    public static func read(_ message: Message, currentYear: Int, automatic known: AutoSubmission? = nil,
                            ocrAutoRefine: Bool = false) -> Result {
        let automatic = known ?? message.autoSubmission
        if automatic.isAutomatic {
            return Result(application: Application.build(from: [], now: currentYear).with(outcome: .notAnApplication),
                          sources: [], notAnApplicationReason: "automatic: " + automatic.reasons.joined(separator: "; "))
        }
        var sources: [Source] = []
        var forms: [(sourceID: String, form: ExtractedForm)] = []
        for part in candidateParts(message) {
            let (bytes, _) = part.decodedBody()
            let kind = SourceKind.detect(filename: part.filename, mimeType: part.contentType.mimeType, bytes: bytes)
            let read = document(of: part, bytes: bytes, kind: kind)
            switch read {
            case .success(let document):
                sources.append(Source(partPath: part.path, filename: part.filename, kind: kind, unreadable: nil,
                                      recognition: document.recognition))
                forms.append((part.path, FieldExtractor.extract(document)))
            case .failure(let reason):
                sources.append(Source(partPath: part.path, filename: part.filename, kind: kind, unreadable: reason))
            case nil:
                continue
            }
        }
        var application = Application.build(from: forms, now: currentYear, subject: message.subject ?? "")
        let unreadable = sources.filter { $0.unreadable != nil }
        // What the readable parts lack is most likely in the scan or .doc beside them: staff read it
        // rather than the applicant being asked for it. A termination notice stays what it is.
        if application.purpose != .termination, !unreadable.isEmpty,
           application.outcome == .notAnApplication || application.outcome == .incomplete {
            application = application.with(outcome: .unreadable)
        }
        let confidence = FieldConfidence.of(application, sources: sources)
        // A reading of a scan never decides alone: staff check it under the review term, fields pre-filled.
        if application.purpose != .termination, sources.contains(where: { $0.recognition != nil }),
           !confidence.isEmpty || application.outcome == .notAnApplication || application.outcome == .incomplete,
           !(ocrAutoRefine && plainlyWithoutIdentity(application, sources)) {
            application = application.with(outcome: .unreadable)
        }
        if application.outcome == .notAnApplication {
            let reason = application.purpose == .termination ? "termination notice (Rules p.13)"
                : forms.isEmpty ? "empty message" : "no Annex 2 form or field found"
            return Result(application: application, sources: sources, notAnApplicationReason: reason)
        }
        return Result(application: application, sources: sources, notAnApplicationReason: nil, confidence: confidence)
    }

    /// An incomplete reading of a recognised form, every scan read at a mean confidence of 80 or
    /// more and nothing else unreadable, with no IIN or BIN at all: the blank is on the page.
    static func plainlyWithoutIdentity(_ application: Application, _ sources: [Source]) -> Bool {
        application.outcome == .incomplete && !application.forms.isEmpty
            && (application.missing.contains(.iin) || application.missing.contains(.bin))
            && sources.allSatisfy { $0.unreadable == nil && ($0.recognition?.meanConfidence ?? 100) >= 80 }
    }

    /// The leaves worth reading: the message's text (HTML preferred over its plain twin only
    /// when there is no plain text), attachments, and those of forwarded messages.
    static func candidateParts(_ message: Message) -> [Part] {
        var out: [Part] = []
        func walk(_ part: Part) {
            switch part.content {
            case .multipart(let parts, _, _):
                if part.contentType.subtype == "alternative" {
                    // Plain and HTML say the same; read the plain one, or the richest if there is none.
                    if let plain = parts.last(where: { $0.contentType.mimeType == "text/plain" }) {
                        walk(plain)
                    } else if let last = parts.last {
                        walk(last)
                    }
                } else {
                    for child in parts { walk(child) }
                }
            case .message(let nested):
                walk(nested.root)
            case .leaf:
                let type = part.contentType
                if type.type == "message" || type.mimeType == "text/rfc822-headers" { return }
                if type.subtype == "ms-tnef" { return }
                // Signatures and calendar invitations carry no form.
                if ["pgp-signature", "pkcs7-signature", "x-pkcs7-signature", "calendar"].contains(type.subtype) { return }
                out.append(part)
            }
        }
        walk(message.root)
        return out
    }

    /// nil: a part that is neither a form nor a document (e.g. an inline logo in an HTML body).
    static func document(of part: Part, bytes: [UInt8], kind: SourceKind) -> Swift.Result<FormDocument, UnreadableReason>? {
        switch kind {
        case .docx: return DocxReader.read(bytes)
        case .odt: return OdtReader.read(bytes)
        case .pdf:
            let text = PDFText.read(bytes)
            if case .failure(let reason) = text, reason.kind == .scan { return OCRText.read(scannedPDF: bytes) }
            return text
        case .html: return .success(HTMLText.document(part.text(decodedBody: bytes).text))
        case .text: return .success(PlainText.document(part.text(decodedBody: bytes).text))
        case .image:
            // An inline picture in a signature is not a scan of a form; an attached one is.
            if part.isAttachment || part.filename != nil { return OCRText.read(image: bytes) }
            return nil
        case .legacyWord: return WordText.read(bytes)
        case .rtf: return RTFText.read(bytes)
        case .archive: return .failure(UnreadableReason(.unsupported, "archive \(part.filename ?? "")"))
        case .other:
            if part.isAttachment { return .failure(UnreadableReason(.unsupported, "\(part.contentType.mimeType) \(part.filename ?? "")")) }
            return nil
        }
    }
}
