import Cases
import Intake
import Store

/// Everything known about one case, gathered from the store and the Maildir for `cases show`:
/// the effects happen here, the rendering (`CaseSheet`) is a pure function of this value.
struct CaseDossier {
    let record: CaseRecord
    let applicant: ApplicantIdentity?
    /// The latest reading with staff's corrections, and the message it came from.
    let application: Intake.CurrentApplication?
    let events: [StoredEvent]
    let messages: [MessageSummary]
    let notices: [OutboxItem]
    let timers: [DueTimer]
    /// The number of the register entry the case made or changed, if any.
    let registerEntry: Int?
    /// Possible duplicates, merges and splits, both ways.
    var links: [CaseLink] = []
    /// The office that forwarded the application, which gets copies.
    var office: String? = nil

    static func load(_ record: CaseRecord, intake: Intake) throws -> CaseDossier {
        let database = intake.database
        let stored = try MessageLog(database).messages(caseID: record.id)
        var dossier = CaseDossier(
            record: record,
            applicant: try record.applicantID.flatMap { try RegisterBook(database).identity(applicantID: $0) },
            application: try intake.currentApplication(caseID: record.id),
            events: try CaseBook(database).events(caseID: record.id),
            messages: stored.enumerated().map { MessageSummary.read($1, number: $0 + 1, legacyCharset: intake.settings.legacyCharset) },
            notices: try Outbox(database).items(caseID: record.id),
            timers: try CaseBook(database).armedTimers(caseID: record.id),
            registerEntry: try RegisterBook(database).entry(caseID: record.id)?.number)
        dossier.links = try CaseLinks(database).links(caseID: record.id)
        dossier.office = try CaseBook(database).officeAddress(caseID: record.id)
        return dossier
    }
}
