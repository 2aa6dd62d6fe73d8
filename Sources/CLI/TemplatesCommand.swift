import Glibc
import Notices

/// `tizilim templates export DIR`: the built-in notice templates as files to edit, for
/// `templates_dir`. Never overwrites: an operator's edited legal text is not ours to replace.
struct TemplatesCommand: Command {
    let name = "templates"
    let summary = "write the built-in notice templates into a folder, for editing"
    let synopsis = "templates export DIR"
    let details = """
    Writes every notice template (KIND.kk.txt, KIND.ru.txt) and a README on placeholders into
    DIR, created if missing. If any of the files already exists, nothing is written. Point
    templates_dir at DIR to use the edited files; a template missing from DIR falls back to
    the built-in one.
    """
    let options: [Arguments.Option] = []

    func run(_ arguments: Arguments, console: Console) -> Int32 {
        guard arguments.operands.count == 2, arguments.operands[0] == "export" else {
            console.error("tizilim templates: expected 'export DIR'. See 'tizilim help templates'.")
            return ExitCode.usage
        }
        let directory = arguments.operands[1]
        if mkdir(directory, 0o755) != 0 && errno != EEXIST {
            console.error("tizilim templates: cannot create \(directory): \(String(cString: strerror(errno)))")
            return ExitCode.cannotCreate
        }
        let files = NoticeTemplates.builtInFiles
        let paths: [String] = files.map { "\(directory)/\($0.name)" }
        let existing = paths.filter { access($0, F_OK) == 0 }
        guard existing.isEmpty else {
            console.error("tizilim templates: not overwriting \(existing.joined(separator: ", ")); "
                          + "export into an empty folder and compare")
            return ExitCode.cannotCreate
        }
        for file in files {
            let path = "\(directory)/\(file.name)"
            let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
            guard descriptor >= 0 else {
                console.error("tizilim templates: cannot create \(path): \(String(cString: strerror(errno)))")
                return ExitCode.cannotCreate
            }
            let bytes = Array(file.content.utf8)
            let written = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
            close(descriptor)
            guard written == bytes.count else {
                console.error("tizilim templates: cannot write \(path): \(String(cString: strerror(errno)))")
                return ExitCode.ioError
            }
        }
        console.line("\(files.count) files written into \(directory)")
        return ExitCode.ok
    }
}
