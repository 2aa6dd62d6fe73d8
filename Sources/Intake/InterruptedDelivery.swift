import Cases
import Mailbox
import Store

/// What a courier makes, before it sends anything, of the notices a courier before it took and
/// never finished (killed between handing a notice over and recording the outcome). A notice
/// of the register must not reach the applicant twice, so nothing is sent again on a guess:
/// the sent Maildir can answer the question, an SMTP server cannot (RFC 1047), and there a
/// person reads the mail server's log.
extension NoticeCourier {
    public struct Resolution: Sendable, Equatable {
        public enum Fate: String, Sendable {
            /// Its file is in the sent Maildir.
            case sent
            /// Provably never left: due again.
            case requeued
            /// The SMTP server may have it; staff decide.
            case inDoubt = "in-doubt"
        }

        public let item: OutboxItem
        /// The case's number, e.g. VR-2026-000123, when the notice belongs to one.
        public let caseID: String?
        public let fate: Fate
    }

    /// `delivered`: whether the transport shows the notice arrived; nil when it cannot tell.
    public static func fate(delivered: Bool?) -> Resolution.Fate {
        switch delivered {
        case true?: return .sent
        case false?: return .requeued
        case nil: return .inDoubt
        }
    }

    /// Resolves every notice left `sending`. Run once when a courier starts (and after a pass
    /// failed), never while another courier of this site may be sending: its notice in flight
    /// would look interrupted.
    public func resolveInterrupted(now: LocalDateTime) throws -> [Resolution] {
        let outbox = Outbox(intake.database)
        var resolved: [Resolution] = []
        for item in try outbox.interrupted() {
            let delivered: Bool?
            switch transport {
            case .maildir(let folder): delivered = try folder.holds(stem: Self.fileStem(item))
            case .smtp: delivered = nil
            }
            let fate = Self.fate(delivered: delivered)
            switch fate {
            case .sent:
                try outbox.confirmSent(id: item.id, at: now, note: nil)
            case .requeued:
                try outbox.requeue(id: item.id, at: now)
            case .inDoubt:
                try intake.database.transaction {
                    try outbox.markInDoubt(id: item.id, note: "interrupted after it was handed to the SMTP server; "
                                           + "the mail server's log tells whether it left")
                    if let caseID = item.caseID { try tell(caseID: caseID, .noticeInDoubt(messageID: item.messageID, at: now), at: now) }
                }
            }
            resolved.append(Resolution(item: item, caseID: try intake.humanID(item.caseID), fate: fate))
        }
        return resolved
    }
}
