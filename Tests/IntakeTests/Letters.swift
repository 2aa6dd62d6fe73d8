import Dates
import Cases
import Glibc
import Intake
import Store
import TestRig

/// Mail and stores for the intake tests: real RFC 5322 text, a real SQLite file.
enum Letters {
    static let completeBody = "Здравствуйте!\n\n" + SampleApplication.volunteer

    static var bodyWithoutIIN: String { "Здравствуйте!\n\n" + SampleApplication.volunteerWithoutIIN }

    static func letter(from: String = "vkim.kostanay@mail.ru", subject: String = "Анкета волонтера",
                       messageID: String, inReplyTo: String? = nil, extraHeaders: [String] = [],
                       body: String) -> [UInt8] {
        TestMessage.letter(from: from, subject: subject, messageID: messageID, inReplyTo: inReplyTo,
                           extraHeaders: extraHeaders, body: body)
    }

    static func at(_ iso: String, _ h: Int, _ m: Int, _ s: Int = 0) -> LocalDateTime {
        LocalDateTime(date: CivilDate(iso: iso)!, hour: h, minute: m, second: s)
    }

    /// A fresh folder under /tmp, removed by the caller.
    static func folder() -> String {
        var template = Array("/tmp/tizilim-intake-XXXXXX".utf8CString)
        return template.withUnsafeMutableBufferPointer { String(cString: mkdtemp($0.baseAddress!)) }
    }

    static func remove(_ folder: String) {
        _ = system("rm -rf '\(folder)'")
    }

    static func intake(_ folder: String, policy: DecisionPolicy = .auto) throws -> Intake {
        Intake(database: try Database(path: folder + "/tizilim.sqlite"), settings: IntakeSettings(policy: policy))
    }
}

extension String {
    func replacingNewlines() -> String {
        split(separator: "\n", omittingEmptySubsequences: false).joined(separator: "\r\n")
    }
}
