import Foundation
import Register
import Testing

private let awkward = RegisterRow(
    number: 7,
    columns: RegisterColumns(kind: .organization, organizationHead: "Ли Марина", organization: "ОФ \"Шаңырақ, Астана\"",
                             programs: [RegisterActivity(name: "=HYPERLINK(\"http://evil\")", goal: "Первая строка\nвторая")]),
    createdAt: "2026-01-10", updatedAt: "2026-01-10")

@Test func csvIsUTF8WithABOMAndCRLFRecordsHeadedInItsLanguage() {
    for language in RegisterLanguage.allCases {
        let bytes = RegisterCSV.bytes(Sample.rows, language: language)
        #expect(Array(bytes.prefix(3)) == [0xEF, 0xBB, 0xBF])
        let text = String(decoding: bytes.dropFirst(3), as: UTF8.self)
        let header = text.components(separatedBy: "\r\n").first ?? ""
        #expect(header == language.headings.map { $0.contains(",") ? "\"\($0)\"" : $0 }.joined(separator: ","))
        #expect(text.hasSuffix("\r\n"))
    }
    #expect(RegisterLanguage.kk.headings[1] == "Волонтер Т.А.Ә. (бар болған кезде)")
}

@Test func csvQuotesCommasQuotesAndLineBreaksAndDisarmsFormulas() {
    let text = String(decoding: RegisterCSV.bytes([awkward], language: .ru).dropFirst(3), as: UTF8.self)
    let record = text.components(separatedBy: "\r\n")[1...].joined(separator: "\r\n")
    #expect(record.hasPrefix(#"7,,,"Ли Марина (ОФ ""Шаңырақ, Астана"")",,,"'=HYPERLINK(""http://evil""). Цель: Первая строка"#
                             + "\nвторая\",,,,\r\n"))
}

@Test func pythonsCSVReaderReadsBackEveryCell() throws {
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    let rows = Sample.rows + [awkward]
    try scratch.write("register.csv", RegisterCSV.bytes(rows, language: .kk))
    let json = try ExternalProgram.python("""
        import csv, json, sys
        with open(sys.argv[1], newline='', encoding='utf-8-sig') as f:
            print(json.dumps(list(csv.reader(f))))
        """, [scratch.file("register.csv")])
    let records = try #require(JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String]])
    var expected = [RegisterLanguage.kk.headings] + rows.map { $0.cells(.kk) }
    expected[expected.count - 1][6] = "'" + expected[expected.count - 1][6]
    #expect(records == expected)
}
