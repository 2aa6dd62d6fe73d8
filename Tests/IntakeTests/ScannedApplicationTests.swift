import Cases
import Foundation
import Intake
import Store
import Testing

/// A photographed form through the whole intake: the case waits for staff under the review term
/// with the reading kept, whatever the automatic policy; nothing is accepted on OCR alone.
@Suite struct ScannedApplicationTests {
    static let form = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../FormsTests/Fixtures/forms/russian-questionnaire.pdf").standardized.path

    /// The form printed at 200 dpi by pdftoppm, as a phone's scanning app sends it.
    static func scan() throws -> [UInt8] {
        let folder = Letters.folder()
        defer { Letters.remove(folder) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/pdftoppm")
        process.arguments = ["-r", "200", "-gray", "-png", "-singlefile", form, folder + "/page"]
        try process.run()
        process.waitUntilExit()
        return Array(try Data(contentsOf: URL(fileURLWithPath: folder + "/page.png")))
    }

    static func letter(_ png: [UInt8]) -> [UInt8] {
        let encoded = Data(png).base64EncodedString(options: [.lineLength76Characters, .endLineWithCarriageReturn, .endLineWithLineFeed])
        let text = ["From: Viktor Kim <vkim.kostanay@mail.ru>", "To: volunteer@mki.gov.kz", "Subject: Анкета волонтера",
                    "Date: Mon, 02 Feb 2026 10:00:00 +0500", "Message-ID: <scan1@mail.ru>", "MIME-Version: 1.0",
                    "Content-Type: multipart/mixed; boundary=\"b\"", "", "--b", "Content-Type: text/plain; charset=utf-8", "",
                    "Здравствуйте! Анкета во вложении.", "--b", "Content-Type: image/png",
                    "Content-Disposition: attachment; filename=\"anketa.png\"", "Content-Transfer-Encoding: base64", "",
                    encoded, "--b--", ""].joined(separator: "\r\n")
        return Array(text.utf8)
    }

    @Test func aScannedCompleteFormWaitsForStaffWithItsFieldsPrefilled() throws {
        let folder = Letters.folder()
        defer { Letters.remove(folder) }
        let intake = try Letters.intake(folder, policy: .auto)
        let taken = try intake.take(Self.letter(try Self.scan()), path: "new/scan1", arrivedAt: Letters.at("2026-02-02", 10, 0))
        #expect(taken.state == .underReview)
        #expect(taken.notices == ["receipt"])
        let caseID = try #require(taken.caseID)
        let record = try #require(try CaseBook(intake.database).find(humanID: caseID))
        #expect(record.snapshot.flags.contains(.unreadable))
        let stored = try #require(try MessageLog(intake.database).messages(caseID: record.id).first)
        let reading = try #require(stored.application.flatMap(ApplicationRecord.init(json:)))
        #expect(reading.identity.iin == "670509312900")
        #expect(reading.identity.fullName == "Ким Виктор Алексеевич")
        #expect(reading.problems.isEmpty, "\(reading.problems.map(\.field))")
        let json = try #require(stored.application)
        #expect(json.contains("\"ocr\":[{\"part\":\"2\",\"filename\":\"anketa.png\""))
        #expect(json.contains("\"iin\":{\"ocr\":"))
    }
}
