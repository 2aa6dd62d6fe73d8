/// Terminal colours for staff output, or none: on a pipe, in a file or with NO_COLOR the text
/// is the same without escape sequences (see `Console.usesColor`).
struct Ink {
    let enabled: Bool

    func bold(_ s: String) -> String { paint(s, "1") }
    /// Something to look at: a flag, a missing field.
    func warn(_ s: String) -> String { paint(s, "33") }
    /// Something late or failed.
    func alert(_ s: String) -> String { paint(s, "31") }
    func dim(_ s: String) -> String { paint(s, "2") }

    private func paint(_ s: String, _ code: String) -> String {
        enabled && !s.isEmpty ? "\u{1B}[\(code)m\(s)\u{1B}[0m" : s
    }
}
