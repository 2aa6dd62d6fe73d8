import Annex2
import Cases
import Forms
import MIME

/// Mail larger than `max_message_bytes`, and mail that reached one of the parser's limits.
///
/// A message over the cap is never read into memory: its SHA-256 is computed from the file in
/// chunks, only its header block (at most `Limits.maxHeaderBlockBytes`) is read for From,
/// Subject, Message-ID and the automatic-mail headers, and the file moves to `cur/` untouched.
/// A person's such letter, like one whose structure was read only in part (nesting, parts,
/// header size), is flagged `too-large` for staff: nothing is decided or answered
/// automatically, since what it says was not read in full. Automatic mail (bounces,
/// auto-replies) over the cap is handled like any other automatic mail.
extension Intake {
    /// Bytes read from the start of an oversized file to find its header block.
    static let oversizedHeaderBytes = Limits.default.maxHeaderBlockBytes

    /// The message at `path`, of `size` bytes, prepared from its header alone; nil if the file
    /// can no longer be read (another process took it since the listing).
    public static func prepareOversized(path: String, size: Int, legacyCharset: String) -> ParsedLetter? {
        // One pass: the digest of the whole file, and its first bytes for the header.
        guard let (sha, first) = Digest.sha256Hex(contentsOf: path, keepingFirst: oversizedHeaderBytes) else {
            return nil
        }
        let head = headerBlock(first)
        let message = Message(header: head, messageSize: size, legacyCharset: legacyCharset)
        return ParsedLetter(bytes: head, sha256: sha, message: message, reading: nil)
    }

    /// The bytes up to and including the empty line that ends the header block, or all of
    /// them when there is none in them.
    static func headerBlock(_ buffer: [UInt8]) -> [UInt8] {
        // The first empty line: LF LF or LF CR LF (a message may also start with one).
        var i = 0
        while i < buffer.count {
            if buffer[i] == 0x0A {
                if i + 1 < buffer.count, buffer[i + 1] == 0x0A { return Array(buffer[...(i + 1)]) }
                if i + 2 < buffer.count, buffer[i + 1] == 0x0D, buffer[i + 2] == 0x0A { return Array(buffer[...(i + 2)]) }
            }
            i += 1
        }
        return buffer
    }
}

extension LetterRouting {
    /// Whether this person's letter must wait for staff because it was not read in full.
    var exceedsLimits: Bool { message.isHeaderOnly || !message.limitsReached.isEmpty }

    /// A letter too large (or too deep, too many parts, too long a header) to be read in
    /// full: it continues the case it belongs to, else opens one; either way the case waits
    /// for staff, flagged `too-large`, under the review term, and no notice goes out: a
    /// receipt or a refinement would answer what was not read.
    func tooLarge(_ reference: CaseReference) throws -> Intake.LetterOutcome {
        // What could be read is kept for staff; an oversized message's body was not read at all.
        let reading = message.isHeaderOnly ? nil : (letter.reading ?? ApplicationReader.read(message, currentYear: arrivedAt.date.year,
                                                                                                        settings: settings.reading))
        let record = reading.map(ApplicationRecord.init)
        var assessment = reading.map { Assessment($0) } ?? Assessment(outcome: .incomplete)
        // A letter read in part is never "not an application": the rest may be one. Nothing
        // is named missing either, when nothing of a form was found in the part that was read.
        if assessment.outcome == .notAnApplication { assessment = Assessment(outcome: .incomplete, flags: assessment.flags) }
        assessment.flags.append(.tooLarge)
        if let flag = authenticityFlag { assessment.flags.append(flag) }
        if let running = try caseToContinue(reference, marks: record.map { ApplicantMarks($0.identity) } ?? .unknown) {
            let outcome = CaseMachine.apply(.resubmitted(assessment: assessment, at: arrivedAt), to: running.snapshot,
                                            policy: settings.policy, calendar: settings.calendar)
            if case .success = outcome {
                return try apply(outcome.map(Self.withoutNotices), to: running, disposition: .resubmitted,
                                 record: record, note: FlagReason.tooLarge.rawValue)
            }
            // A decided case takes no new material: the letter opens a case of its own.
        }
        let intent = reading.map { CaseIntent($0.application) } ?? .application
        return try open(intent: intent, assessment: assessment, record: record, note: FlagReason.tooLarge.rawValue, quiet: true)
    }

    /// The transition with its notices left out: the timers and flags stay.
    static func withoutNotices(_ transition: Transition) -> Transition {
        var quiet = transition
        quiet.effects.removeAll { if case .notice = $0 { return true } else { return false } }
        return quiet
    }
}
