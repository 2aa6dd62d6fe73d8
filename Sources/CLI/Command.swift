/// A `tizilim` subcommand.
public protocol Command: Sendable {
    var name: String { get }
    /// One line, shown in `tizilim --help`.
    var summary: String { get }
    /// The synopsis after `tizilim`, e.g. `parse FILE... [--json]`.
    var synopsis: String { get }
    /// A paragraph or two for `tizilim help NAME`.
    var details: String { get }
    var options: [Arguments.Option] { get }
    func run(_ arguments: Arguments, console: Console) -> Int32
}

extension Command {
    var allOptions: [Arguments.Option] { options + [.flag("help", "show this help")] }

    func helpText() -> String {
        var text = "usage: tizilim \(synopsis)\n\n\(summary)\n"
        if !details.isEmpty { text += "\n\(details)\n" }
        text += "\noptions:\n"
        for option in allOptions {
            let left = "  --\(option.name)" + (option.valueName.map { " \($0)" } ?? "")
            text += left.padding(to: 26) + option.help + "\n"
        }
        return text
    }
}

extension String {
    func padding(to width: Int) -> String {
        count >= width ? self + "  " : self + String(repeating: " ", count: width - count)
    }
}
