import Foundation
import Register
import Testing

/// The text a reader of each published file can see: the file itself, or for XLSX every entry unzipped.
func visibleText(_ format: RegisterFormat, _ language: RegisterLanguage) throws -> String {
    let bytes = format.bytes(Sample.rows, language: language, updated: Sample.updated)
    guard format == .xlsx else { return String(decoding: bytes, as: UTF8.self) }
    let scratch = try ScratchDirectory()
    defer { scratch.remove() }
    try scratch.write("register.xlsx", bytes)
    return try ExternalProgram.python("""
        import sys, zipfile
        with zipfile.ZipFile(sys.argv[1]) as z:
            for name in z.namelist():
                sys.stdout.write(z.read(name).decode('utf-8'))
        """, [scratch.file("register.xlsx")])
}

@Test(arguments: RegisterFormat.allCases, RegisterLanguage.allCases)
func noPublishedFormatCarriesAnIINBirthYearPrivatePhoneOrHomeAddress(format: RegisterFormat, language: RegisterLanguage) throws {
    let text = try visibleText(format, language)
    // The search would find them if they were there: what must be public is.
    for published in ["Ахметова Айгерим Сериковна", "г. Костанай", "+77172551234", "+77142501020", "Дорога в школу"] {
        #expect(text.contains(published), "\(published) missing from \(format) \(language)")
    }
    for secret in Sample.secrets {
        #expect(!text.contains(secret), "\(secret) published in \(format) \(language)")
    }
}

@Test func theStoredColumnsCarryNoPrivateDataEither() {
    for row in Sample.rows {
        for secret in Sample.secrets { #expect(!row.columns.json.contains(secret), "\(secret) stored in entry \(row.number)") }
    }
}

@Test func theSampleApplicationsDoCarryThePrivateDataTheRegisterLeavesOut() {
    #expect(Sample.volunteer.fields[.iin] == .text(Sample.volunteerIIN))
    #expect(Sample.volunteer.fields[.birthYear] == .number(1987))
    #expect(Sample.volunteer.fields[.phone] == .text("+77015550199"))
    #expect(Sample.volunteer.fields[.residence] == .text("г. Костанай, ул. Жамбыла Жабаева 117, кв. 48"))
    #expect(Sample.group.fields[.members] == .list(["Сәрсенбаева Дана", "Оспанов Ерлан"]))
    #expect(Sample.organization.fields[.bin] == .text(Sample.organizationBIN))
    #expect(Sample.organizerEntity.fields[.bin] == .text(Sample.organizerBIN))
}
