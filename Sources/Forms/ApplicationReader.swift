import Annex2
import MIME
import Signatures

/// From a parsed message to an `Application`: which parts are sources, how each is read,
/// what could not be read and why. Pure but for the readers' bounded children (pdftotext, antiword,
/// unrtf, pdftoppm, tizilim-ocr).
public enum ApplicationReader {
    /// One part of the message the reader looked at.
    public struct Source: Sendable {
        /// The MIME part path, e.g. `2` or `2.1`; `body` parts are the message's own text. A document
        /// that came out of a container is numbered under it: `2/1` is the first file of the
        /// winmail.dat or the signed content in part 2 (`2/1.1`, `2/1.2` when that is a MIME entity).
        public let partPath: String
        public let filename: String?
        public let kind: SourceKind
        /// Set when the part could not be read; the message is then unreadable in that part.
        public let unreadable: UnreadableReason?
        /// `.signed` or `.tnef` when the document was taken out of such a container; nil for a part of the message.
        public var container: SourceKind? = nil
        /// Set when the part's text was recognised in an image: staff decide on what it gave.
        public var recognition: Recognition? = nil
    }

    /// A signature found on the way in, and the part that carried it.
    public struct SourceSignature: Sendable, Equatable {
        public let source: String
        public let signature: Signature
    }

    public struct Result: Sendable {
        public let application: Application
        public let sources: [Source]
        /// Why the message as a whole is not an application, when it is not.
        public let notAnApplicationReason: String?
        /// For each field read from a recognised image, how far it can be trusted.
        public var confidence: [FormField: FieldConfidence] = [:]
        /// Every signature on a signed document or S/MIME message, outermost first.
        public var signatures: [SourceSignature] = []
        /// A signer whose IIN (BIN) is not the form's: someone signed another person's form, or
        /// the form was mistyped. Staff decide.
        public var signerMismatches: [String] = []

        init(application: Application, sources: [Source], notAnApplicationReason: String?,
             confidence: [FormField: FieldConfidence] = [:]) {
            self.application = application
            self.sources = sources
            self.notAnApplicationReason = notAnApplicationReason
            self.confidence = confidence
        }
        /// Where in the letter this applicant's forms stood (`readApplicants`); nil from `read`.
        public internal(set) var origin: Origin? = nil
        /// How many sources hold a questionnaire: two are most likely two applicants (`readLetter`).
        var questionnaireSources = 0
    }

    /// Containers inside containers (a signed winmail.dat inside a signed message…), at most this deep.
    static let maxContainerDepth = 4

    /// `automatic`: the message's verdict when the caller has it already.
    public static func read(_ message: Message, currentYear: Int, automatic known: AutoSubmission? = nil,
                            settings: ReadingSettings = ReadingSettings()) -> Result {
        let (trust, policy, ocrAutoRefine) = (settings.trustAnchors, settings.completeness, settings.ocrAutoRefine)
        let automatic = known ?? message.autoSubmission
        if automatic.isAutomatic {
            return Result(application: Application.build(from: [], now: currentYear).with(outcome: .notAnApplication),
                          sources: [], notAnApplicationReason: "automatic: " + automatic.reasons.joined(separator: "; "))
        }
        var reading = Reading(trust: trust, legacyCharset: message.header.legacyCharset, trees: [message.root])
        for part in candidateParts(message) { reading.take(part, container: nil, depth: 0) }
        let sources = reading.sources, forms = reading.forms
        var application = Application.build(from: forms, now: currentYear, subject: message.subject ?? "", policy: policy)
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
        var result: Result
        if application.outcome == .notAnApplication {
            let reason = application.purpose == .termination ? "termination notice (Rules p.13)"
                : forms.isEmpty ? "empty message" : "no Annex 2 form or field found"
            result = Result(application: application, sources: sources, notAnApplicationReason: reason)
        } else {
            result = Result(application: application, sources: sources, notAnApplicationReason: nil, confidence: confidence)
        }
        result.questionnaireSources = Set(forms.filter { !$0.form.titleKinds.isEmpty }.map(\.sourceID)).count
        result.signatures = reading.signatures
        result.signerMismatches = signerMismatches(reading.signatures, application)
        return result
    }

    /// An incomplete reading of a recognised form, every scan read at a mean confidence of 80 or
    /// more and nothing else unreadable, with no IIN or BIN at all: the blank is on the page.
    static func plainlyWithoutIdentity(_ application: Application, _ sources: [Source]) -> Bool {
        application.outcome == .incomplete && !application.forms.isEmpty
            && (application.missing.contains(.iin) || application.missing.contains(.bin))
            && sources.allSatisfy { $0.unreadable == nil && ($0.recognition?.meanConfidence ?? 100) >= 80 }
    }

    /// The signers whose IIN or BIN is not the one the form gives.
    static func signerMismatches(_ signatures: [SourceSignature], _ application: Application) -> [String] {
        func field(_ f: FormField) -> String? {
            if case .text(let value)? = application.fields[f], value.utf8.count == 12 { return value }
            return nil
        }
        var out: [String] = []
        for item in signatures {
            guard let signer = item.signature.signer else { continue }
            if let signed = signer.iin, let form = field(.iin), signed != form {
                out.append("signer's IIN \(signed) (\(item.source)) differs from the form's IIN \(form)")
            }
            if let signed = signer.bin, let form = field(.bin), signed != form {
                out.append("signer's BIN \(signed) (\(item.source)) differs from the form's BIN \(form)")
            }
        }
        return out
    }

    /// The sources, forms and signatures of one message, taken part by part; containers
    /// (signed documents, winmail.dat) are opened and their documents taken like parts.
    struct Reading {
        let trust: TrustAnchors?
        let legacyCharset: String
        var sources: [Source] = []
        var forms: [(sourceID: String, form: ExtractedForm)] = []
        var signatures: [SourceSignature] = []
        /// The message and the entities opened out of containers: where a detached signature's document is looked for.
        var trees: [Part] = []

        mutating func take(_ part: Part, container: SourceKind?, depth: Int) {
            let (bytes, _) = part.decodedBody()
            let kind = SourceKind.detect(filename: part.filename, mimeType: part.contentType.mimeType, bytes: bytes)
            func note(_ unreadable: UnreadableReason?, recognition: Recognition? = nil) {
                sources.append(Source(partPath: part.path, filename: part.filename, kind: kind, unreadable: unreadable,
                                      container: container, recognition: recognition))
            }
            switch kind {
            case .signed, .tnef:
                guard depth < ApplicationReader.maxContainerDepth else {
                    return note(UnreadableReason(.limitReached, "containers nested more than \(ApplicationReader.maxContainerDepth) deep"))
                }
                let opened = kind == .signed ? openSigned(part, bytes) : openTNEF(part, bytes)
                switch opened {
                case .failure(let reason):
                    note(reason)
                case .success(let inner):
                    note(nil)
                    for entity in inner {
                        trees.append(entity.root)
                        for innerPart in candidateParts(entity) { take(innerPart, container: kind, depth: depth + 1) }
                    }
                }
            default:
                switch document(of: part, bytes: bytes, kind: kind) {
                case .success(let document):
                    note(nil, recognition: document.recognition)
                    forms.append((part.path, FieldExtractor.extract(document)))
                case .failure(let reason):
                    note(reason)
                case nil:
                    return
                }
            }
        }

        /// The signed content as a MIME entity (S/MIME) or as the file it is, with the signers recorded.
        /// A detached signature opens to nothing: the part it signs is read beside it.
        mutating func openSigned(_ part: Part, _ bytes: [UInt8]) -> Swift.Result<[Message], UnreadableReason> {
            switch SignedContainer.open(bytes, trust: trust, detachedContent: detachedDocument(of: part)) {
            case .failure(let problem):
                return .failure(UnreadableReason(problem.isLimit ? .limitReached : .corrupt, problem.description))
            case .success(let opened):
                signatures += opened.signatures.map { SourceSignature(source: part.path, signature: $0) }
                guard let content = opened.content else { return .success([]) }
                let path = part.path + "/1"
                if isSMIME(part), ApplicationReader.startsWithHeaderField(content) {
                    return .success([Message(entity: content, path: path, legacyCharset: legacyCharset)])
                }
                return .success([file(content, name: ApplicationReader.unsignedName(part.filename), mimeType: nil, path: path)])
            }
        }

        /// What a detached signature signs: in multipart/signed, the first part as it stands in the
        /// message (header included, CRLF line ends: RFC 1847 §2.1, RFC 8551 §3.5); beside it, the
        /// file it is named after (`anketa.docx` for `anketa.docx.p7s`), decoded. nil: nothing to check,
        /// or an attached signature (its content is inside it).
        func detachedDocument(of signature: Part) -> [UInt8]? {
            guard let parent = trees.lazy.flatMap(\.allParts).first(where: { $0.children.contains { $0 === signature } }),
                  case .multipart(let siblings, _, _) = parent.content else { return nil }
            if parent.contentType.subtype == "signed" {
                guard let first = siblings.first, first !== signature else { return nil }
                return first.canonicalRaw
            }
            guard let name = signature.filename?.lowercased(),
                  let unsigned = ApplicationReader.unsignedName(name), unsigned != name,
                  let document = siblings.first(where: { $0 !== signature && $0.filename?.lowercased() == unsigned })
            else { return nil }
            return document.decodedBody().bytes
        }

        mutating func openTNEF(_ part: Part, _ bytes: [UInt8]) -> Swift.Result<[Message], UnreadableReason> {
            TNEFArchive.read(bytes).map { attachments in
                attachments.enumerated().map { index, attachment in
                    file(attachment.bytes, name: attachment.name, mimeType: attachment.mimeType, path: part.path + "/\(index + 1)")
                }
            }
        }

        /// S/MIME (RFC 8551) signs a MIME entity; NCALayer and the like sign a file.
        func isSMIME(_ part: Part) -> Bool {
            let type = part.contentType
            if part.filename?.lowercased() == "smime.p7m" { return true }
            guard type.subtype == "pkcs7-mime" || type.subtype == "x-pkcs7-mime" else { return false }
            return type.parameters["smime-type"] != nil || !part.isAttachment
        }

        /// A file out of a container as an attachment part of its own, so it is read by exactly the
        /// code that reads attachments (and its name and type are judged the same way).
        func file(_ bytes: [UInt8], name: String?, mimeType: String?, path: String) -> Message {
            var header = "Content-Type: \(mimeType.flatMap(ApplicationReader.plainToken) ?? "application/octet-stream")\r\n"
            header += "Content-Transfer-Encoding: binary\r\n"
            header += "Content-Disposition: attachment"
            if let name, !name.isEmpty { header += "; filename*=utf-8''" + ApplicationReader.percentEncoded(name) }
            return Message(entity: Array((header + "\r\n\r\n").utf8) + bytes, path: path, legacyCharset: legacyCharset)
        }
    }

    /// Whether bytes begin as a MIME entity does (`Content-Type: …`): an S/MIME label on a signed
    /// DOCX must not make the DOCX be parsed as mail.
    static func startsWithHeaderField(_ bytes: [UInt8]) -> Bool {
        var i = 0
        while i < bytes.count, i < 80 {
            let b = bytes[i]
            if b == UInt8(ascii: ":") { return i > 0 }
            guard b > 0x20, b < 0x7F else { return false }
            i += 1
        }
        return false
    }

    /// `анкета.docx.cms` -> `анкета.docx`: the name the signed file had before it was signed.
    static func unsignedName(_ name: String?) -> String? {
        guard let name else { return nil }
        for suffix in [".cms", ".p7m", ".p7s", ".sig", ".p7b"] where name.lowercased().hasSuffix(suffix) && name.count > suffix.count {
            return String(name.dropLast(suffix.count))
        }
        return name
    }

    /// A MIME type as Outlook recorded it, when it is one token/token and nothing else.
    static func plainToken(_ type: String) -> String? {
        let allowed = type.utf8.allSatisfy { b in
            (b >= 0x61 && b <= 0x7A) || (b >= 0x41 && b <= 0x5A) || (b >= 0x30 && b <= 0x39) || "/.+-_".utf8.contains(b)
        }
        return allowed && type.utf8.filter { $0 == 0x2F }.count == 1 ? type : nil
    }

    /// RFC 2231 value characters: attribute-chars as they are, everything else %XX of its UTF-8.
    static func percentEncoded(_ text: String) -> String {
        var out = ""
        for b in text.utf8 {
            let plain = (b >= 0x61 && b <= 0x7A) || (b >= 0x41 && b <= 0x5A) || (b >= 0x30 && b <= 0x39) || "!#$&+-.^_`|~".utf8.contains(b)
            if plain { out.append(Character(Unicode.Scalar(b))) } else {
                let hex = Array("0123456789ABCDEF")
                out += "%\(hex[Int(b >> 4)])\(hex[Int(b & 0x0F)])"
            }
        }
        return out
    }

    /// The leaves worth reading: the message's text (HTML preferred over its plain twin only
    /// when there is no plain text), attachments, and those of forwarded messages.
    static func candidateParts(_ message: Message) -> [Part] {
        var out: [Part] = []
        func walk(_ part: Part) {
            switch part.content {
            case .multipart(let parts, _, _):
                if part.contentType.subtype == "alternative" {
                    // Plain and HTML say the same words, but only HTML keeps the underline, bold and
                    // tables that mark the applicant's choices: read the HTML, else the plain one.
                    if let html = parts.last(where: { $0.contentType.mimeType == "text/html" }) {
                        walk(html)
                    } else if let plain = parts.last(where: { $0.contentType.mimeType == "text/plain" }) {
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
                // PGP signatures and calendar invitations carry no form. A CMS signature beside the
                // part it signs (multipart/signed) is opened for its signer; winmail.dat for its files.
                if ["pgp-signature", "calendar"].contains(type.subtype) { return }
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
            // An inline picture in a signature (Outlook's image001.png, shown by its Content-ID) is
            // not a scan of a form; an attached one is.
            if part.disposition?.isAttachment != true, part.header["Content-ID"] != nil { return nil }
            if part.isAttachment || part.filename != nil { return OCRText.read(image: bytes) }
            return nil
        case .legacyWord: return WordText.read(bytes)
        case .rtf: return RTFText.read(bytes)
        case .archive: return .failure(UnreadableReason(.unsupported, "archive \(part.filename ?? "")"))
        case .signed, .tnef:
            // Containers are opened by `Reading`, which reads what is inside them.
            return .failure(UnreadableReason(.unsupported, "\(kind.rawValue) container \(part.filename ?? "")"))
        case .other:
            if part.isAttachment { return .failure(UnreadableReason(.unsupported, "\(part.contentType.mimeType) \(part.filename ?? "")")) }
            return nil
        }
    }
}
