/// The three sub-folders of a Maildir.
public enum MaildirFolder: String, Sendable, CaseIterable {
    /// Being written; never read from.
    case tmp
    /// Delivered, not yet taken.
    case new
    /// Taken; the file name carries the Maildir flags after `:2,`.
    case cur
}
