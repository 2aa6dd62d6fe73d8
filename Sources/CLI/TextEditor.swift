import Mailbox
import Glibc

/// Long texts (a refusal's reason, a note) written in the staff member's own editor, as git
/// does for commit messages: `$VISUAL`, else `$EDITOR`, else `vi`; lines starting with `#` are
/// instructions and are dropped; an empty text aborts.
enum TextEditor {
    struct Problem: Error, CustomStringConvertible {
        let description: String
    }

    static func compose(initial: String, instructions: String) -> Result<String, Problem> {
        var template = Array("/tmp/tizilim-text-XXXXXX".utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else { return .failure(Problem(description: "cannot create a temporary file: \(String(cString: strerror(errno)))")) }
        let path = template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
        defer { unlink(path) }
        let text = initial + "\n" + instructions.split(separator: "\n").map { "# " + $0 }.joined(separator: "\n") + "\n"
        let bytes = Array(text.utf8)
        _ = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        close(fd)
        var editor = "vi"
        for name in ["EDITOR", "VISUAL"] {
            if let value = getenv(name).map({ String(cString: $0) }), !value.isEmpty { editor = value }
        }
        // Through the shell, so EDITOR may carry arguments ("code --wait"); the path is ours, without quotes.
        let status = system("\(editor) '\(path)'")
        guard status == 0 else {
            return .failure(Problem(description: "the editor (\(editor)) exited with status \(status >> 8); nothing changed"))
        }
        guard let written = try? MessageFile.read(path) else {
            return .failure(Problem(description: "cannot read back \(path); nothing changed"))
        }
        let kept = String(decoding: written, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
            .filter { !$0.hasPrefix("#") }.joined(separator: "\n")
        let trimmed = String(kept.drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
        guard !trimmed.isEmpty else { return .failure(Problem(description: "the text is empty; nothing changed")) }
        return .success(trimmed)
    }
}
