import Foundation
import Testing
@testable import CLI

/// `parse --json` lists every applicant of a letter under `applications`, and keeps
/// `application` as it always was for the scripts that read it.
@Suite struct ParseApplicants {
    static func form(_ name: String, _ iin: String, _ year: Int, _ email: String) -> String {
        "Анкета волонтера\r\nФИО: \(name)\r\nГод рождения: \(year)\r\nМесто жительства: г. Тараз\r\nИИН: \(iin)\r\n"
            + "Опыт волонтерской деятельности: с 2015 года.\r\nКонтакты: +7 701 555 22 31, \(email)\r\n"
            + "Виды деятельности: 5\r\nРоль: 5) логист\r\nУдобное время: 1) отпуск/каникулы\r\n"
            + "Даю согласие на сбор и обработку моих персональных данных.\r\n"
    }

    static let office = "From: Akimat Taraz <akimat-taraz@mail.kz>\r\nTo: volunteer@mki.gov.kz\r\nSubject: Заявки\r\n"
        + "Message-ID: <office-2@mail.kz>\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n"
        + "Направляем две заявки.\r\n\r\n"
        + "-----Original Message-----\r\nFrom: Nurlan Asanov <nurlan.asanov@mail.kz>\r\nSent: Monday, December 7, 2026 10:15 AM\r\n"
        + "To: akimat-taraz@mail.kz\r\nSubject: Анкета\r\n\r\n" + form("Асанов Нурлан Серикович", "901105300458", 1990, "nurlan.asanov@mail.kz")
        + "\r\n-----Original Message-----\r\nFrom: Aliya Zhumabekova <aliya.zh@gmail.com>\r\nSent: Monday, December 7, 2026 10:20 AM\r\n"
        + "To: akimat-taraz@mail.kz\r\nSubject: Анкета\r\n\r\n" + form("Жумабекова Алия Маратовна", "850312400128", 1985, "aliya.zh@gmail.com")

    @Test func everyApplicantOfALetterIsListedWithWhereItCameFrom() throws {
        let folder = temporaryFolder(["office.eml": Self.office])
        defer { removeFolder(folder) }
        let (status, out, _) = run("parse", "--json", folder + "/office.eml")
        #expect(status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(out.utf8)) as? [String: Any])
        let applications = try #require(object["applications"] as? [[String: Any]])
        #expect(applications.count == 2)
        let names = applications.compactMap { ($0["fields"] as? [String: Any])?["fullName"] as? String }
        #expect(names == ["Асанов Нурлан Серикович", "Жумабекова Алия Маратовна"])
        let origins = applications.compactMap { $0["origin"] as? [String: Any] }
        #expect(origins.map { $0["place"] as? String } == ["forwarded", "forwarded"])
        #expect(origins.map { ($0["forwardedFrom"] as? [String: Any])?["address"] as? String }
                == ["nurlan.asanov@mail.kz", "aliya.zh@gmail.com"])
        #expect(origins.map { $0["forwardStyle"] as? String } == ["outlook", "outlook"])
        // `application` is still the letter read as one: the first applicant's fields.
        let application = try #require(object["application"] as? [String: Any])
        #expect((application["fields"] as? [String: Any])?["fullName"] as? String == "Асанов Нурлан Серикович")
    }
}
