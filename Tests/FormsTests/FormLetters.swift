import Annex2
import Foundation
@testable import Forms
@testable import MIME

/// Letters carrying one attached document, as a mail client sends them: a short text body
/// and the file in base64. The documents come from Fixtures/forms (see make-forms.sh).
enum FormLetters {
    static let forms = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/forms")

    static func fixture(_ name: String) throws -> [UInt8] {
        Array(try Data(contentsOf: forms.appendingPathComponent(name)))
    }

    static func letter(attaching bytes: [UInt8], name: String, type: String = "application/octet-stream",
                       body: String = "Сәлеметсіз бе! Өтінішім қоса беріліп отыр.") -> Message {
        let encoded = Data(bytes).base64EncodedString(options: [.lineLength76Characters, .endLineWithCarriageReturn, .endLineWithLineFeed])
        let lines = ["From: <applicant@example.kz>", "To: <volunteer@mki.gov.kz>", "Subject: Өтініш", "MIME-Version: 1.0",
                     "Content-Type: multipart/mixed; boundary=\"b\"", "", "--b", "Content-Type: text/plain; charset=utf-8", "",
                     body, "--b", "Content-Type: \(type)", "Content-Disposition: attachment; filename=\"\(name)\"",
                     "Content-Transfer-Encoding: base64", "", encoded, "--b--", ""]
        return Message(bytes: Array(lines.joined(separator: "\r\n").utf8))
    }

    /// What every reading of the Kazakh questionnaire must give, whatever the format.
    static let kazakhFields: [FormField: String] = [
        .fullName: "Құдайбергенов Нұрлан Әлібекұлы", .iin: "830717350867",
    ]
    static let russianFields: [FormField: String] = [
        .fullName: "Ким Виктор Алексеевич", .iin: "670509312900",
    ]

    static func text(_ application: Application, _ field: FormField) -> String? {
        if case .text(let s)? = application.fields[field] { return s }
        return nil
    }
}
