/// Column 11: the register's mark that an applicant stopped volunteer activity (Rules p.13).
public struct RegisterTermination: Sendable, Equatable {
    /// ISO yyyy-mm-dd when known; kept as given otherwise.
    public var date: String
    /// Staff's note, e.g. the notice it follows; may be empty.
    public var note: String

    public init(date: String, note: String = "") {
        self.date = date
        self.note = note
    }

    /// The fixed phrase in `language` with the date as people read it, then the note.
    public func text(_ language: RegisterLanguage) -> String {
        let phrase = language.terminationPhrase(date: RegisterDate.display(date))
        return note.isEmpty ? phrase : phrase + ". " + note
    }
}
