import Cases
import Foundation
import Forms
import MIME
import Notices
import Signatures

/// Everything the intake needs to know about the site, as values: the CLI builds it from the
/// configuration file and flags.
public struct IntakeSettings: Sendable {
    public var policy: DecisionPolicy
    public var calendar: BusinessCalendar
    /// The mailbox notices come from, and whose domain names their Message-IDs.
    public var from: MailAddress
    public var replyTo: [MailAddress]
    public var maxNoticesPerSenderPerDay: Int
    public var templates: NoticeTemplates
    /// The charset assumed for 8-bit header bytes that are not UTF-8.
    public var legacyCharset: String
    /// Our MTA's `authserv-id` in `Authentication-Results` (`authserv_id`); nil: not checked.
    public var authservID: String?
    /// Where staff are mailed when a review deadline nears (`staff_address`); nil: the flag alone.
    public var staffAddress: MailAddress?
    /// Messages larger than this (`max_message_bytes`) are never read into memory: only their
    /// header is read, their SHA-256 is computed from the file, and they wait for staff
    /// flagged `too-large`.
    public var maxMessageBytes: Int
    /// What the readers are told: the completeness policy, the trust anchors, OCR's autonomy.
    public var reading = ReadingSettings()
    /// Who gets a forwarded application's notices (`forwarded_notices`).
    public var forwardedNotices: ForwardedNotices

    /// 64 MiB: above what mail servers accept (typically 25-50 MB), so only a message that
    /// came around them, or a misconfigured one, is over it.
    public static let defaultMaxMessageBytes = 64 << 20

    public init(policy: DecisionPolicy = .auto, calendar: BusinessCalendar = BusinessCalendar(),
                from: MailAddress = MailAddress(localPart: "volunteer", domain: "mki.gov.kz"), replyTo: [MailAddress] = [],
                maxNoticesPerSenderPerDay: Int = 10, templates: NoticeTemplates = .builtIn,
                legacyCharset: String = Charset.defaultLegacy, staffAddress: MailAddress? = nil,
                authservID: String? = nil, forwardedNotices: ForwardedNotices = .applicantAndOffice,
                maxMessageBytes: Int = IntakeSettings.defaultMaxMessageBytes) {
        self.forwardedNotices = forwardedNotices
        self.policy = policy
        self.calendar = calendar
        self.from = from
        self.replyTo = replyTo
        self.maxNoticesPerSenderPerDay = maxNoticesPerSenderPerDay
        self.templates = templates
        self.legacyCharset = legacyCharset
        self.staffAddress = staffAddress
        self.authservID = authservID
        self.maxMessageBytes = maxMessageBytes
    }

    /// A stored message's raw bytes, to re-read its header when threading a later notice.
    func readMessage(_ path: String) throws -> [UInt8] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw CocoaError(.fileReadNoSuchFile)
        }
        return [UInt8](data)
    }
}

/// A forwarded application's notices: the Rules (p.12) notify the *applicant* by e-mail; the
/// office that forwarded it usually wants to know too.
public enum ForwardedNotices: String, Sendable, CaseIterable {
    /// To the applicant, a copy (Cc) to the office. The default.
    case applicantAndOffice = "applicant+office"
    case applicant
    /// To the office alone, as before tizilim knew whose letter it was.
    case office
}
