import Dates
import Mailbox
import Cases
import Glibc

/// `tizilim calendar`: the business-day calendar the deadlines are counted in, for staff to check.
struct CalendarCommand: Command {
    let name = "calendar"
    let summary = "show the Kazakh business-day calendar and count deadlines"
    let synopsis = "calendar show YYYY-MM | add DATE N | between A B | import FILE.ics"
    let details = """
    show YYYY-MM     the month, non-working days marked with * and explained
    add DATE N       the N-th business day after DATE and the deadline (close of that day);
                     DATE is 2026-03-19 or 2026-03-19T18:30 (Asia/Almaty unless an offset is
                     given); a time after working hours or a non-working day counts from the
                     next working day (Administrative Procedural Code, Art. 64 p.3)
    between A B      business days after A up to and including B
    import FILE.ics  all-day events of an iCalendar holiday feed as override lines, appended
                     to --calendar-file (or printed when no file is given)
    The built-in calendar knows the public holidays, weekend carry-over, religious days off and
    the labour ministry's transfers for 2024-2028; an override file (lines "2027-01-04 off  #
    order of ..." or "2027-01-09 work") corrects it.
    """
    let options: [Arguments.Option] = [
        .value("calendar-file", "PATH", "operator's override file (calendar_file)"),
        .value("working-hours", "HH:MM-HH:MM", "working hours (default 09:00-18:00)"),
    ]

    func run(_ arguments: Arguments, console: Console) -> Int32 {
        var operands = arguments.operands
        guard !operands.isEmpty else {
            console.error("tizilim calendar: say what to do: show, add, between or import. See 'tizilim help calendar'.")
            return ExitCode.usage
        }
        let action = operands.removeFirst()
        if action == "import" { return importFeed(operands, arguments: arguments, console: console) }
        let calendar: BusinessCalendar
        switch loadCalendar(arguments) {
        case .success(let loaded): calendar = loaded
        case .failure(let problem):
            console.error("tizilim calendar: \(problem)")
            return ExitCode.config
        }
        switch (action, operands.count) {
        case ("show", 1): return show(operands[0], calendar: calendar, console: console)
        case ("add", 2): return add(operands[0], operands[1], calendar: calendar, console: console)
        case ("between", 2): return between(operands[0], operands[1], calendar: calendar, console: console)
        default:
            console.error("tizilim calendar: expected '\(synopsis)'. See 'tizilim help calendar'.")
            return ExitCode.usage
        }
    }

    struct ConfigurationProblem: Error, CustomStringConvertible {
        let description: String
    }

    private func loadCalendar(_ arguments: Arguments) -> Result<BusinessCalendar, ConfigurationProblem> {
        var hours = WorkingHours.default
        if let text = arguments.value("working-hours") {
            guard let parsed = WorkingHours(parsing: text) else {
                return .failure(ConfigurationProblem(description: "working hours '\(text)' are not HH:MM-HH:MM"))
            }
            hours = parsed
        }
        var overrides = CalendarOverrides.none
        if let path = arguments.value("calendar-file") {
            guard let bytes = try? MessageFile.read(path) else {
                return .failure(ConfigurationProblem(description: "cannot read calendar file \(path)"))
            }
            do {
                overrides = try CalendarOverrides(parsing: String(decoding: bytes, as: UTF8.self))
            } catch {
                return .failure(ConfigurationProblem(description: "\(path):\n\(error)"))
            }
        }
        return .success(BusinessCalendar(overrides: overrides, workingHours: hours))
    }

    private func show(_ month: String, calendar: BusinessCalendar, console: Console) -> Int32 {
        let pieces = month.split(separator: "-")
        guard pieces.count == 2, let year = Int(pieces[0]), let m = Int(pieces[1]), (1...12).contains(m), (1900...2200).contains(year) else {
            console.error("tizilim calendar show: '\(month)' is not YYYY-MM")
            return ExitCode.usage
        }
        let names = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
                     "October", "November", "December"]
        console.line("\(names[m - 1]) \(year)   (working hours \(calendar.workingHours), Asia/Almaty)")
        console.line("  Mo  Tu  We  Th  Fr  Sa  Su")
        let first = CivilDate(year: year, month: m, day: 1)
        var line = String(repeating: "    ", count: first.weekday - 1)
        var notes: [String] = []
        for day in 1...CivilDate.daysInMonth(year: year, month: m) {
            let date = CivilDate(year: year, month: m, day: day)
            let status = calendar.status(date)
            let mark = status.isWorkingDay ? (date.isWeekend ? "+" : " ") : "*"
            let cell = String(day) + mark
            line += String(repeating: " ", count: 4 - cell.count) + cell
            // Ordinary weekends need no footnote; holidays, carry-overs and transfers do.
            if let reason = status.reason, !(date.isWeekend && !status.isWorkingDay && reason.hasPrefix("weekend")) {
                notes.append(String(format2: day) + "." + String(format2: m) + " " + date.weekdayName.prefix(3) + "  " + reason)
            }
            if date.weekday == 7 { console.line(line); line = "" }
        }
        if !line.isEmpty { console.line(line) }
        console.line("")
        if notes.isEmpty {
            console.line("No public holidays or transfers this month.")
        } else {
            console.line("* not a working day   + a working weekend day")
            for note in notes { console.line("  " + note) }
        }
        return ExitCode.ok
    }

    private func add(_ start: String, _ count: String, calendar: BusinessCalendar, console: Console) -> Int32 {
        guard let moment = CalendarCommand.parseMoment(start, workingHours: calendar.workingHours) else {
            console.error("tizilim calendar add: '\(start)' is not a date (2026-03-19) or date-time (2026-03-19T18:30)")
            return ExitCode.usage
        }
        guard let n = Int(count), n >= 0, n <= 10_000 else {
            console.error("tizilim calendar add: '\(count)' is not a number of business days")
            return ExitCode.usage
        }
        let receipt = calendar.receiptDay(local: moment)
        let deadline = calendar.deadline(receivedAt: moment, businessDays: n)
        if receipt != moment.date {
            console.line("received:".padding(to: 11) + "\(CalendarCommand.show(moment.date)) counts as received on \(CalendarCommand.show(receipt))")
        }
        console.line("day \(n):".padding(to: 11) + CalendarCommand.show(deadline.date)
                     + ", deadline \(String(format2: deadline.hour)):\(String(format2: deadline.minute)) (\(deadline))")
        return ExitCode.ok
    }

    private func between(_ a: String, _ b: String, calendar: BusinessCalendar, console: Console) -> Int32 {
        guard let from = CivilDate(iso: a), let to = CivilDate(iso: b) else {
            console.error("tizilim calendar between: dates are YYYY-MM-DD")
            return ExitCode.usage
        }
        console.line(String(calendar.businessDays(from: from, to: to)))
        return ExitCode.ok
    }

    private func importFeed(_ operands: [String], arguments: Arguments, console: Console) -> Int32 {
        guard operands.count == 1 else {
            console.error("tizilim calendar import: name one .ics file")
            return ExitCode.usage
        }
        let bytes: [UInt8]
        do { bytes = try MessageFile.read(operands[0]) } catch {
            console.error("tizilim calendar import: \(error)")
            return ExitCode.noInput
        }
        let (lines, errors) = CalendarOverrides.fromICalendar(utf8: bytes)
        for error in errors { console.error("tizilim calendar import: \(operands[0]): \(error)") }
        let text = lines.map { $0 + "\n" }.joined()
        guard let target = arguments.value("calendar-file") else {
            console.write(text)
            return errors.isEmpty ? ExitCode.ok : ExitCode.dataError
        }
        guard let file = fopen(target, "a") else {
            console.error("tizilim calendar import: cannot write \(target): \(String(cString: strerror(errno)))")
            return ExitCode.cannotCreate
        }
        let header = "# imported from \(operands[0])\n"
        fputs(header + text, file)
        fclose(file)
        console.line("\(lines.count) day(s) added to \(target)")
        return errors.isEmpty ? ExitCode.ok : ExitCode.dataError
    }

    /// `2026-03-19` (start of the working day), `2026-03-19T18:30[:00]`, optionally with an offset.
    static func parseMoment(_ text: String, workingHours: WorkingHours) -> LocalDateTime? {
        let parts = text.split(separator: "T", maxSplits: 1)
        guard let date = CivilDate(iso: parts[0]) else { return nil }
        guard parts.count == 2 else {
            return LocalDateTime(date: date, hour: workingHours.startMinutes / 60, minute: workingHours.startMinutes % 60)
        }
        var time = Substring(parts[1])
        var offsetSeconds: Int64? = nil
        if time.hasSuffix("Z") { offsetSeconds = 0; time = time.dropLast() }
        if let sign = time.lastIndex(where: { $0 == "+" || $0 == "-" }) {
            let zone = time[time.index(after: sign)...].split(separator: ":")
            guard zone.count == 2, let h = Int64(zone[0]), let m = Int64(zone[1]) else { return nil }
            offsetSeconds = (h * 3600 + m * 60) * (time[sign] == "-" ? -1 : 1)
            time = time[..<sign]
        }
        let fields = time.split(separator: ":").map { Int($0) }
        guard fields.count >= 2, fields.count <= 3, fields.allSatisfy({ $0 != nil }),
              let hour = fields[0], let minute = fields[1], (0..<24).contains(hour), (0..<60).contains(minute) else { return nil }
        let second = fields.count == 3 ? fields[2]! : 0
        guard (0..<60).contains(second) else { return nil }
        let local = LocalDateTime(date: date, hour: hour, minute: minute, second: second)
        guard let offsetSeconds else { return local }
        // Given in another offset: convert through UTC to Almaty time.
        let utc = local.utcSeconds + LocalDateTime.utcOffsetSeconds - offsetSeconds
        return LocalDateTime(utcSeconds: utc)
    }

    static func show(_ date: CivilDate) -> String {
        "\(date.dotted) \(date.weekdayName.prefix(3))"
    }
}

extension String {
    init(format2 value: Int) {
        self = value < 10 ? "0\(value)" : String(value)
    }
}
