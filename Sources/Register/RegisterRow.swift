/// One entry of the register: its number (column 1), its columns, and when it was made and last changed.
public struct RegisterRow: Sendable, Equatable {
    /// Column 1; numbers are given once and never reused, so a terminated entry keeps its own.
    public var number: Int
    public var columns: RegisterColumns
    /// ISO 8601 dates or date-times, as the store keeps them.
    public var createdAt: String
    public var updatedAt: String

    public init(number: Int, columns: RegisterColumns, createdAt: String, updatedAt: String) {
        self.number = number
        self.columns = columns
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }

    /// Derived from column 11, so the flag and the mark can never disagree.
    public var terminated: Bool { columns.termination != nil }

    /// Columns 1 to 11 in `language`.
    public func cells(_ language: RegisterLanguage) -> [String] {
        [String(number)] + columns.cells(language)
    }
}
