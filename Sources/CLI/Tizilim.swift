/// The `tizilim` program: finds the subcommand and runs it.
public enum Tizilim {
    public static let version = "0.1.0"

    public static let commands: [any Command] = [
        ServeCommand(),
        CasesCommand(),
        StatsCommand(),
        RegisterCommand(),
        ParseCommand(),
        CalendarCommand(),
        ConfigCommand(),
        VersionCommand(),
        DoctorCommand(),
        BackupCommand(),
        RestoreCommand(),
        TemplatesCommand(),
    ]

    /// Runs `tizilim ARGUMENTS...` and returns the exit status.
    public static func run(_ arguments: [String], console: Console = .standard()) -> Int32 {
        guard let first = arguments.first else {
            console.error(overview())
            return ExitCode.usage
        }
        switch first {
        case "--help", "-h":
            console.write(overview())
            return ExitCode.ok
        case "--version":
            console.line("tizilim \(version)")
            return ExitCode.ok
        case "help":
            guard let name = arguments.dropFirst().first else {
                console.write(overview())
                return ExitCode.ok
            }
            guard let command = command(named: name) else {
                console.error("tizilim: no such command '\(name)'. See 'tizilim --help'.")
                return ExitCode.usage
            }
            console.write(command.helpText())
            return ExitCode.ok
        default:
            break
        }
        guard let command = command(named: first) else {
            let hint = first.hasPrefix("-") ? "unknown option '\(first)'" : "no such command '\(first)'"
            console.error("tizilim: \(hint). See 'tizilim --help'.")
            return ExitCode.usage
        }
        let parsed: Arguments
        do {
            parsed = try Arguments(Array(arguments.dropFirst()), options: command.allOptions)
        } catch {
            console.error("tizilim \(command.name): \(error). See 'tizilim help \(command.name)'.")
            return ExitCode.usage
        }
        if parsed.has("help") {
            console.write(command.helpText())
            return ExitCode.ok
        }
        return command.run(parsed, console: console)
    }

    static func command(named name: String) -> (any Command)? {
        commands.first { $0.name == name }
    }

    static func overview() -> String {
        var text = """
        tizilim \(version): the volunteer@mki.gov.kz mailbox of the Register of volunteer activity.

        usage: tizilim COMMAND [OPTIONS]

        commands:

        """
        for command in commands {
            text += "  " + command.name.padding(to: 12) + command.summary + "\n"
        }
        text += "  " + "help".padding(to: 12) + "show a command's usage: tizilim help COMMAND\n"
        text += "\nRun 'tizilim help COMMAND' for a command's options.\n"
        return text
    }
}

struct VersionCommand: Command {
    let name = "version"
    let summary = "print the version of tizilim and of the libraries it uses"
    let synopsis = "version"
    let details = ""
    let options: [Arguments.Option] = []

    func run(_ arguments: Arguments, console: Console) -> Int32 {
        guard arguments.operands.isEmpty else {
            console.error("tizilim version: takes no arguments")
            return ExitCode.usage
        }
        console.line("tizilim \(Tizilim.version)")
        for line in LibraryVersions.lines() { console.line(line) }
        return ExitCode.ok
    }
}
