import Foundation
import Testing
@testable import CLI

/// The man page and the bash completion installed by deploy/ know every command.
@Suite struct StaffDocumentation {
    func file(_ name: String) -> String {
        (try? String(contentsOfFile: SampleSite.root + "/deploy/" + name, encoding: .utf8)) ?? ""
    }

    @Test func theManPageHasASectionForEveryCommand() {
        let page = file("tizilim.1")
        #expect(page.hasPrefix(".\\\""), "a roff man page")
        for command in Tizilim.commands {
            #expect(page.contains("\n.SS \(command.name)\n"), "tizilim.1 lacks a section for \(command.name)")
            #expect(page.contains(".B tizilim \(command.name)"), "tizilim.1's synopsis lacks \(command.name)")
        }
    }

    @Test func theCompletionOffersEveryCommand() {
        let script = file("tizilim.bash-completion")
        let line = script.split(separator: "\n").first { $0.hasPrefix("_tizilim_commands=") } ?? ""
        let offered = Set(line.drop(while: { $0 != "\"" }).dropFirst().prefix(while: { $0 != "\"" }).split(separator: " ").map(String.init))
        for command in Tizilim.commands {
            #expect(offered.contains(command.name), "the completion does not offer \(command.name)")
        }
        #expect(script.contains("complete -F _tizilim tizilim"))
    }

    @Test func theCompletionScriptIsValidBash() throws {
        let status = system("bash -n '\(SampleSite.root)/deploy/tizilim.bash-completion'")
        #expect(status == 0)
    }
}
