import Foundation
import Glibc
import Testing
@testable import CLI
@testable import Service

/// deploy/install.sh and uninstall.sh, run into a staging root with the binary SwiftPM built,
/// so the test neither rebuilds the package nor touches this machine's /etc.
@Suite(.serialized) struct InstallScript {
    func install(into root: String, _ arguments: [String] = ["--no-build"]) -> (status: Int32, out: String, err: String) {
        runProgram("/bin/bash", [sourceRoot + "/deploy/install.sh"] + arguments,
                   environment: ["DESTDIR": root, "TIZILIM_BINARY": builtExecutable])
    }

    func uninstall(from root: String, _ arguments: [String] = []) -> (status: Int32, out: String, err: String) {
        runProgram("/bin/bash", [sourceRoot + "/deploy/uninstall.sh"] + arguments, environment: ["DESTDIR": root])
    }

    @Test func installsEveryFileWithModesThatKeepPersonalDataClosed() {
        let scratch = Scratch()
        defer { scratch.remove() }
        let root = scratch.path
        let result = install(into: root)
        #expect(result.status == 0, "\(result.err)")
        let expected: [(String, mode_t)] = [
            ("/usr/local/bin/tizilim", 0o755),
            ("/usr/local/libexec/tizilim/tizilim-pdftext", 0o755),
            ("/usr/local/libexec/tizilim/tizilim-ocr", 0o755),
            ("/etc/tizilim", 0o750),
            ("/etc/tizilim/tizilim.conf", 0o640),
            ("/etc/tizilim/calendar.txt", 0o640),
            ("/etc/tizilim/templates", 0o750),
            ("/etc/tizilim/templates/refinement.kk.txt", 0o640),
            ("/etc/tizilim/templates/README.txt", 0o640),
            ("/etc/systemd/system/tizilim.service", 0o644),
            ("/var/lib/tizilim", 0o711),
            ("/var/lib/tizilim/maildir", 0o750),
            ("/var/lib/tizilim/maildir/new", 0o750),
            ("/var/lib/tizilim/maildir/cur", 0o750),
            ("/var/lib/tizilim/maildir/tmp", 0o750),
            ("/var/lib/tizilim/sent/new", 0o750),
            ("/var/lib/tizilim/publish", 0o755),
            ("/var/lib/tizilim/metrics", 0o755),
            ("/usr/local/share/doc/tizilim/tizilim.conf", 0o644),
            ("/usr/local/share/doc/tizilim/examples/postfix-main.cf", 0o644),
            ("/usr/local/share/doc/tizilim/examples/imap.conf", 0o644),
        ]
        for (path, mode) in expected {
            #expect(permissions(root + path) == mode, "\(path): \(permissions(root + path).map { String($0, radix: 8) } ?? "missing")")
        }
        // The man page and completion come from another part of the project; when they are
        // in the tree they are installed.
        if access(sourceRoot + "/deploy/tizilim.1", F_OK) == 0 {
            #expect(permissions(root + "/usr/local/share/man/man1/tizilim.1") == 0o644)
        }
        if access(sourceRoot + "/deploy/tizilim.bash-completion", F_OK) == 0 {
            #expect(permissions(root + "/usr/local/share/bash-completion/completions/tizilim") == 0o644)
        }
        let unit = (try? String(contentsOfFile: root + "/etc/systemd/system/tizilim.service", encoding: .utf8)) ?? ""
        #expect(unit.contains("ExecStart=/usr/local/bin/tizilim serve --config /etc/tizilim/tizilim.conf"))
    }

    @Test func aSecondRunUpgradesTheProgramAndKeepsConfigurationAndData() throws {
        let scratch = Scratch()
        defer { scratch.remove() }
        let root = scratch.path
        #expect(install(into: root).status == 0)
        let conf = root + "/etc/tizilim/tizilim.conf"
        try "decisions = review\n".write(toFile: conf, atomically: false, encoding: .utf8)
        let template = root + "/etc/tizilim/templates/acceptance.ru.txt"
        try "edited\n".write(toFile: template, atomically: false, encoding: .utf8)
        let message = scratch.write("var/lib/tizilim/maildir/cur/1.x:2,S", "Subject: kept\r\n\r\n", mode: 0o640)
        chmod(root + "/usr/local/bin/tizilim", 0o700)

        let again = install(into: root)
        #expect(again.status == 0, "\(again.err)")
        #expect(again.out.contains("kept /etc/tizilim/tizilim.conf"))
        #expect(try String(contentsOfFile: conf, encoding: .utf8) == "decisions = review\n")
        #expect(try String(contentsOfFile: template, encoding: .utf8) == "edited\n")
        #expect(access(message, F_OK) == 0)
        #expect(permissions(root + "/usr/local/bin/tizilim") == 0o755, "the binary is replaced")
    }

    @Test func uninstallKeepsConfigurationAndDataUnlessPurged() {
        let scratch = Scratch()
        defer { scratch.remove() }
        let root = scratch.path
        #expect(install(into: root).status == 0)
        #expect(uninstall(from: root).status == 0)
        #expect(access(root + "/usr/local/bin/tizilim", F_OK) != 0)
        #expect(access(root + "/etc/systemd/system/tizilim.service", F_OK) != 0)
        #expect(access(root + "/usr/local/share/doc/tizilim", F_OK) != 0)
        #expect(access(root + "/etc/tizilim/tizilim.conf", F_OK) == 0)
        #expect(access(root + "/var/lib/tizilim/maildir/new", F_OK) == 0)

        #expect(uninstall(from: root, ["--purge"]).status == 0)
        #expect(access(root + "/etc/tizilim", F_OK) != 0)
        #expect(access(root + "/var/lib/tizilim", F_OK) != 0)
    }

    @Test func theShippedConfigurationNamesEveryKeyAndPassesConfigCheck() throws {
        let text = try String(contentsOfFile: sourceRoot + "/deploy/tizilim.conf", encoding: .utf8)
        let lines = text.split(separator: "\n").map { $0.hasPrefix("#") ? $0.dropFirst() : $0 }
        for key in Configuration.keys {
            #expect(lines.contains { $0.hasPrefix(key.name + " = ") }, "deploy/tizilim.conf lacks \(key.name)")
        }
        // The calendar file it names is the shipped one, installed beside it.
        let result = run("config", "check", "--config", sourceRoot + "/deploy/tizilim.conf",
                         "--calendar-file", sourceRoot + "/deploy/calendar.txt")
        #expect(result.status == 0, "\(result.err)")
        #expect(result.out.contains("store = /var/lib/tizilim/tizilim.sqlite"))
    }

    @Test(.enabled(if: access("/usr/bin/systemd-analyze", X_OK) == 0, "systemd-analyze is not installed"))
    func theUnitPassesSystemdAnalyzeVerify() throws {
        let scratch = Scratch()
        defer { scratch.remove() }
        // verify checks that ExecStart exists: point it at the binary just built. The man page
        // named in Documentation= need not be installed here, hence --man=no.
        let unit = try String(contentsOfFile: sourceRoot + "/deploy/tizilim.service", encoding: .utf8)
            .replacingOccurrences(of: "/usr/local/bin/tizilim", with: builtExecutable)
        let path = scratch.write("tizilim.service", unit, mode: 0o644)
        let result = runProgram("/usr/bin/systemd-analyze", ["verify", "--man=no", path])
        #expect(result.status == 0)
        // verify exits 0 even for a setting it ignores; those are reported on stderr.
        #expect(result.err.isEmpty, "\(result.err)")
        #expect(unit.contains("Type=notify"))
        #expect(unit.contains("WatchdogSec=120"))
        #expect(unit.contains("ExecReload=/bin/kill -HUP $MAINPID"))
    }
}
