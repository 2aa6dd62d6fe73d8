import Register
import Testing

@Test func eachFormatIsPublishedUnderItsLanguagesFileName() {
    #expect(RegisterFormat.allCases.map { $0.fileName(.kk) } == ["register-kk.html", "register-kk.csv", "register.json", "register-kk.xlsx"])
    #expect(RegisterFormat.allCases.map { $0.fileName(.ru) } == ["register-ru.html", "register-ru.csv", "register.json", "register-ru.xlsx"])
    #expect(RegisterPublication.files([], updated: "2026-01-01").map(\.name)
            == ["register-kk.html", "register-ru.html", "register-kk.csv", "register-ru.csv", "register.json",
                "register-kk.xlsx", "register-ru.xlsx"])
}

@Test(arguments: [
    ("2026-02-01", "01.02.2026"),
    ("2026-02-06T10:15:00+05:00", "06.02.2026 10:15"),
    ("2026-02-06 09:05", "06.02.2026 09:05"),
    ("01.02.2026", "01.02.2026"),
    ("февраль", "февраль"),
])
func datesAreShownDayMonthYear(iso: String, shown: String) {
    #expect(RegisterDate.display(iso) == shown)
}
