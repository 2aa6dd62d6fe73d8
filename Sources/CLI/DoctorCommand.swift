import Dates
import Service
import Cases
import Forms
import Glibc
import Mailbox
import Store

/// `tizilim doctor`: everything an operator checks after installing or changing the
/// configuration, each as OK, WARN or FAIL with a hint. Exit status 1 on any FAIL, so a
/// deployment script or a monitoring check can run it.
struct DoctorCommand: Command {
    let name = "doctor"
    let summary = "check the installation: configuration, permissions, Maildir, mail servers, calendar, disk"
    let synopsis = "doctor [--offline] [--config FILE] [--KEY VALUE...]"
    let details = """
    Reads the configuration as 'tizilim serve' would and checks: the configuration, templates
    and calendar file; the store and the password files are not open to others; the Maildirs
    have cur/, new/ and tmp/; logging in to the IMAP server and finding the folder (if imap_url
    is set); connecting and logging in to the SMTP server, saying NOOP and sending nothing (if
    smtp_url is set); the calendar knows this year and the next; free disk space. Nothing is
    fetched, sent or changed. Run it as the user the service runs as (sudo -u tizilim), or as
    root to see owners too.
    --offline       skip the IMAP and SMTP logins
    Exit status: 0 when nothing failed (warnings allowed), 1 when something did.
    """
    var options: [Arguments.Option] {
        [.flag("offline", "skip the IMAP and SMTP logins")] + Configuration.options
    }

    func run(_ arguments: Arguments, console: Console) -> Int32 {
        guard arguments.operands.isEmpty else {
            console.error("tizilim doctor: takes no operands. See 'tizilim help doctor'.")
            return ExitCode.usage
        }
        let today = LocalDateTime(utcSeconds: Int64(time(nil))).date
        let findings = examine(arguments, today: today, network: !arguments.has("offline"))
        for finding in findings { console.line(finding.text) }
        let count = { (verdict: Finding.Verdict) in findings.filter { $0.verdict == verdict }.count }
        console.line("\n\(count(.ok)) OK, \(count(.warn)) WARN, \(count(.fail)) FAIL")
        return findings.contains { $0.verdict == .fail } ? ExitCode.failure : ExitCode.ok
    }

    func examine(_ arguments: Arguments, today: CivilDate, network: Bool) -> [Finding] {
        let settings: Settings
        do {
            settings = try Settings(arguments)
        } catch {
            return [.fail("configuration", error.description, hint: "tizilim config check")]
        }
        var findings: [Finding] = []
        var calendar: BusinessCalendar?
        do {
            let intake = try settings.intakeSettings()
            calendar = intake.calendar
            let overrides = intake.calendar.overrides.entries.count
            let templates = settings.templatesDirectory.map { "; templates \($0)" } ?? ""
            let calendarFile = settings.calendarFile.map { "; calendar file \($0) (\(overrides) lines)" } ?? ""
            let anchors = intake.reading.trustAnchors.map { "; trust anchors \($0.path) (\($0.count) certificates)" } ?? ""
            findings.append(.ok("configuration", (settings.configuration.file ?? "built-in defaults") + templates + calendarFile
                                + anchors))
        } catch {
            findings.append(.fail("configuration", error.description, hint: "tizilim config check"))
        }

        let files = FileInspection(serviceUID: FileInspection.serviceUser())
        let storePath = settings.store
        findings += files.store(storePath)
        findings += storeContents(storePath)
        findings += files.maildir("maildir", settings.maildir)
        if settings.smtp == nil {
            findings += files.maildir("sent", settings.sent)
        }
        for (key, path) in settings.secretFiles { findings.append(files.secretFile(key, path)) }
        findings.append(files.writableFolder("publish_dir", settings.publishDirectory,
                                             hint: "'tizilim serve' creates it when it first publishes"))
        if let metrics = settings.metricsFile {
            let folder = metrics.lastIndex(of: "/").map { String(metrics[..<$0]) } ?? "."
            var finding = files.writableFolder("metrics_file", folder.isEmpty ? "/" : folder,
                                               hint: "mkdir -p \(folder); chown tizilim:tizilim \(folder)")
            if finding.verdict == .ok && !metrics.hasSuffix(".prom") {
                finding = .warn("metrics_file", "\(metrics): node_exporter's textfile collector reads only *.prom files",
                                hint: "metrics_file = \(folder)/tizilim.prom")
            }
            findings.append(finding)
        }
        if let calendar {
            findings.append(CalendarCoverage.finding(year: today.year, overrides: calendar.overrides))
            findings.append(CalendarCoverage.finding(year: today.year + 1, overrides: calendar.overrides))
        }
        findings.append(pdfReader())
        findings += scanReaders()
        let storeFolder = storePath.lastIndex(of: "/").map { String(storePath[..<$0]) } ?? "."
        findings.append(files.diskSpace(storeFolder.isEmpty ? "/" : storeFolder))
        if network {
            if let imap = settings.imap { findings.append(self.imap(imap, settings)) }
            if let smtp = settings.smtp { findings.append(self.smtp(smtp, settings)) }
        }
        return findings
    }

    /// Whether PDF applications can be read, and at what cost.
    func pdfReader() -> Finding {
        switch PDFText.probe() {
        case .forkServer(let path):
            return .ok("pdf", "\(path) reads PDFs, a fresh process for each")
        case .forkServerFailed(let path):
            return .warn("pdf", "\(path) did not read a test PDF; each PDF starts pdftotext instead, at six times the CPU",
                         hint: "ldd \(path); bash deploy/packages.sh build")
        case .pdftotext:
            return .warn("pdf", "no tizilim-pdftext beside the program; each PDF starts pdftotext, at six times the CPU",
                         hint: "bash deploy/install.sh (installs it in libexec/tizilim)")
        case .none:
            return .warn("pdf", "neither tizilim-pdftext nor pdftotext: PDF applications go to staff unread",
                         hint: "apt-get install poppler-utils")
        }
    }

    /// Whether scans (OCR) and legacy .doc/.rtf can be read: tizilim-ocr tried on a tiny
    /// built-in image, with Tesseract's languages; antiword and unrtf present.
    func scanReaders() -> [Finding] {
        var findings: [Finding] = []
        switch OCRText.probe() {
        case .works(let path, let languages, let seconds):
            let missing = ["eng", "kaz", "rus"].filter { !languages.contains($0) }
            let detail = "\(path) read a test image in \(String(format: "%.1f", seconds)) s; languages: \(languages.joined(separator: " "))"
            findings.append(missing.isEmpty ? .ok("ocr", detail)
                : .warn("ocr", detail + "; missing \(missing.joined(separator: " ")): those forms read poorly",
                        hint: "apt-get install " + missing.map { "tesseract-ocr-\($0)" }.joined(separator: " ")))
        case .fails(let path, let reason):
            findings.append(.warn("ocr", "\(path) did not read a test image (\(reason)); scans go to staff unread",
                                  hint: "ldd \(path); bash deploy/packages.sh build"))
        case .notInstalled:
            findings.append(.warn("ocr", "no tizilim-ocr beside the program: scans and photos go to staff unread",
                                  hint: "bash deploy/install.sh (installs it in libexec/tizilim)"))
        }
        for (tool, path, what) in [("antiword", WordText.toolPath, ".doc"), ("unrtf", RTFText.toolPath, ".rtf")] {
            findings.append(access(path, X_OK) == 0 ? .ok(tool, "\(path) reads \(what) documents")
                : .warn(tool, "no \(path): \(what) documents go to staff unread", hint: "apt-get install \(tool)"))
        }
        return findings
    }

    /// Opens an existing store without migrating it and asks SQLite whether it is sound.
    func storeContents(_ path: String) -> [Finding] {
        guard access(path, F_OK) == 0 else { return [] }
        do {
            let database = try Database(path: path, migrations: [])
            let problems = try database.integrityProblems()
            guard problems.isEmpty else {
                return [.fail("store", "integrity check: " + problems.prefix(3).joined(separator: "; "),
                              hint: "stop the service and restore the last backup: tizilim restore PATH --force")]
            }
            let current = Schema.migrations.map(\.version).max() ?? 0
            let version = database.userVersion
            if version > current {
                return [.fail("store", "schema version \(version) is newer than this tizilim knows (\(current))",
                              hint: "install the tizilim release that wrote it")]
            }
            let cases = try StoreCounts(database).cases
            if version < current {
                return [.warn("store", "schema version \(version); the daemon migrates it to \(current) at its next start",
                              hint: "take a backup first: tizilim backup /var/backups/tizilim/$(date +%F)")]
            }
            var findings: [Finding] = [.ok("store", "integrity ok, schema version \(version), \(cases) cases")]
            // A case is one applicant's: letters naming two IINs or BINs in one case are a mistake
            // of the past (or of a merge) for staff to split.
            let mixed = try CaseBook(database).casesHoldingSeveralIdentities()
            if !mixed.isEmpty {
                findings.append(.fail("identity", "\(mixed.count) case(s) hold several applicants: "
                                      + mixed.prefix(5).map { "\($0.humanID) (\($0.numbers.joined(separator: ", ")))" }
                                          .joined(separator: "; "),
                                      hint: "split the other applicant's letter out: tizilim cases split ID MESSAGE"))
            } else {
                findings.append(.ok("identity", "every case names one applicant"))
            }
            return findings
        } catch {
            return [.fail("store", "\(path): \(error)", hint: "is it an SQLite file? restore the last backup")]
        }
    }

    func imap(_ imap: Settings.IMAP, _ settings: Settings) -> Finding {
        let (url, user) = (imap.url, imap.user)
        let password: String
        do {
            password = try settings.secret("imap_password_file") ?? ""
        } catch {
            return .fail("imap", error.description, hint: "imap_password_file must name a file holding the password")
        }
        let account = IMAPAccount(url: url, user: user, credential: .password(password),
                                  doneFolder: imap.doneFolder, timeoutSeconds: 15)
        let folder: MailServerCheck.IMAPFolder
        do {
            folder = try MailServerCheck.imap(account)
        } catch {
            if case .loginDenied = error {
                return .fail("imap", error.description, hint: "check imap_user and the password in imap_password_file")
            }
            return .fail("imap", error.description, hint: Self.hint(forConnection: error.description, key: "imap_url"))
        }
        if folder.doneFolderExists == false {
            return .warn("imap", "logged in to \(url) as \(user); folder \(folder.name) found, but "
                         + "imap_done_folder \(imap.doneFolder ?? "") does not exist yet",
                         hint: "tizilim creates it at the first fetch; create it yourself if the account may not")
        }
        return .ok("imap", "logged in to \(url) as \(user); folder \(folder.name) (UIDVALIDITY \(folder.uidValidity))")
    }

    func smtp(_ smtp: Settings.SMTP, _ settings: Settings) -> Finding {
        let (url, user) = (smtp.url, smtp.user)
        let password: String?
        do {
            password = try settings.secret("smtp_password_file")
        } catch {
            return .fail("smtp", error.description, hint: "smtp_password_file must name a file holding the password")
        }
        let server = SMTPServer(url: url, user: user, credential: password.map(MailCredential.password), timeoutSeconds: 15)
        do {
            let reply = try MailServerCheck.smtp(server)
            return .ok("smtp", "connected to \(url)" + (user.map { " as \($0)" } ?? "") + "; NOOP answered \(reply)")
        } catch {
            if error.isLoginDenied {
                return .fail("smtp", error.description, hint: "check smtp_user and the password in smtp_password_file")
            }
            return .fail("smtp", error.description, hint: Self.hint(forConnection: error.description, key: "smtp_url"))
        }
    }

    /// The likely fix for a connection that failed, from curl's wording.
    static func hint(forConnection text: String, key: String) -> String {
        let lower = text.lowercased()
        if lower.contains("resolve") { return "the host name in \(key) does not resolve from this machine" }
        if lower.contains("connect") || lower.contains("timeout") || lower.contains("timed out") {
            return "is the server up and its port open from this machine (firewall)? check the host and port in \(key)"
        }
        if lower.contains("ssl") || lower.contains("tls") || lower.contains("certificate") {
            return "a TLS problem: the server's certificate must be trusted by this machine (ca-certificates)"
        }
        return "check \(key) and the server's log"
    }
}
