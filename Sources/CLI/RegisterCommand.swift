import Service
import Cases
import Glibc
import Intake
import Register

/// `tizilim register`: the Annex 1 register, for staff in the terminal and as files.
struct RegisterCommand: Command {
    let name = "register"
    let summary = "show the register, or export it as HTML, CSV, JSON or XLSX"
    let synopsis = "register show [--search TEXT] [--lang kk|ru] | register export --format F --lang L --output PATH | register publish"
    let details = """
    show              every entry, numbered as in the register (column 1), with its columns
    export            one file: --format html|csv|json|xlsx, --lang kk|ru (not for json),
                      --output PATH (written atomically: a web server never sees half a file);
                      --output - writes to standard output
    publish           all formats in both languages into publish_dir (the daemon does this
                      after every change)
    Public files carry only the Annex 1 columns: never an IIN, a person's BIN, a birth year,
    a home address or a private person's phone.
    """
    var options: [Arguments.Option] {
        [.value("search", "TEXT", "show: only entries containing TEXT"),
         .value("format", "FORMAT", "export: html, csv, json or xlsx"),
         .value("lang", "kk|ru", "language of the headings (default kk)"),
         .value("output", "PATH", "export: the file to write, or - for standard output")] + Configuration.options
    }

    func run(_ arguments: Arguments, console: Console) -> Int32 {
        let action = arguments.operands.first ?? ""
        guard ["show", "export", "publish"].contains(action), arguments.operands.count == 1 else {
            console.error("tizilim register: expected show, export or publish. See 'tizilim help register'.")
            return ExitCode.usage
        }
        let language: RegisterLanguage
        switch arguments.value("lang") ?? "kk" {
        case "kk": language = .kk
        case "ru": language = .ru
        case let other:
            console.error("tizilim register: --lang \(other): the register is kept in kk and ru")
            return ExitCode.usage
        }
        do {
            let settings = try Settings(arguments)
            let publisher = RegisterPublisher(database: try Installation.store(settings))
            let now = LocalDateTime(utcSeconds: Int64(time(nil)))
            let updated = (try publisher.lastChange() ?? now).description
            switch action {
            case "show":
                return try show(publisher.rows(), language: language, search: arguments.value("search"), console: console)
            case "export":
                guard let format = arguments.value("format").flatMap(RegisterFormat.init(rawValue:)),
                      let output = arguments.value("output") else {
                    console.error("tizilim register export: needs --format html|csv|json|xlsx and --output PATH")
                    return ExitCode.usage
                }
                let bytes = format.bytes(try publisher.rows(), language: language, updated: updated)
                if output == "-" {
                    console.write(String(decoding: bytes, as: UTF8.self))
                } else {
                    try AtomicFile.write(bytes, to: output)
                    console.line("wrote \(output) (\(bytes.count) bytes)")
                }
            default:
                let directory = settings.publishDirectory
                try Installation.makeParent(of: directory + "/x")
                try publisher.publish(to: directory, since: nil, now: now)
                console.line("published the register into \(directory)")
            }
            return ExitCode.ok
        } catch let problem as Configuration.Problem {
            console.error("tizilim register: \(problem)")
            return ExitCode.config
        } catch {
            console.error("tizilim register: \(error)")
            return ExitCode.cannotCreate
        }
    }

    func show(_ rows: [RegisterRow], language: RegisterLanguage, search: String?, console: Console) -> Int32 {
        let needle = search?.lowercased()
        var shown = 0
        for row in rows {
            let cells = row.cells(language)
            if let needle, !cells.contains(where: { $0.lowercased().contains(needle) }) { continue }
            shown += 1
            console.line("№ \(row.number)" + (row.terminated ? "  (" + row.columns.termination(in: language) + ")" : ""))
            for (heading, cell) in zip(language.headings.dropFirst(), cells.dropFirst()) where !cell.isEmpty {
                console.line("  \(heading): " + cell.split(separator: "\n").joined(separator: "; "))
            }
        }
        if shown == 0 { console.line(language == .kk ? "Жазба жоқ" : "Записей нет") }
        return ExitCode.ok
    }
}
