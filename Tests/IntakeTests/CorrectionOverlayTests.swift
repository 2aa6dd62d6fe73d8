import Dates
import Cases
import Register
import Store
import Testing
@testable import Intake

/// Staff corrections laid over a stored reading: the newest statement of each field wins.
@Suite struct CorrectionOverlay {
    let readAt = LocalDateTime(date: CivilDate(year: 2026, month: 2, day: 2), hour: 10, minute: 0)
    let reading = ApplicationRecord(json: """
        {"kind":null,"language":"kk","purpose":"inclusion","terminationDate":null,"outcome":"unreadable",\
        "fields":{"fullName":"Қасымов Н.","email":"nurlan@example.kz"},"missing":["iin","phone","email","consent"],\
        "invalid":[],"sources":{},"missingParts":[],"conflicts":[],"companions":0,"unreadable":[],"notAnApplicationReason":null}
        """)!

    func correction(_ field: String, _ value: String, hoursAfterReading: Int64) -> FieldCorrection {
        FieldCorrection(id: 1, caseID: 1, field: field, value: value, previous: nil, actor: "aigul",
                        at: LocalDateTime(utcSeconds: readAt.utcSeconds + hoursAfterReading * 3600))
    }

    @Test func aCorrectionAfterTheReadingReplacesItAndAnswersWhatWasMissing() {
        let corrected = reading.correcting([correction("kind", "\"volunteer\"", hoursAfterReading: 1),
                                            correction("fullName", "\"Қасымов Нұрлан Ерланұлы\"", hoursAfterReading: 1),
                                            correction("iin", "\"850312300012\"", hoursAfterReading: 1),
                                            correction("phone", "\"+77015550101\"", hoursAfterReading: 1),
                                            correction("consent", "true", hoursAfterReading: 1)], readAt: readAt)
        #expect(corrected.identity.fullName == "Қасымов Нұрлан Ерланұлы")
        #expect(corrected.identity.iin == "850312300012")
        #expect(corrected.kind == "volunteer")
        #expect(corrected.problems.isEmpty, "a phone answers 'phone or e-mail'; consent given")
        #expect(corrected.outcome == "complete")
        let columns = RegisterColumns(json: corrected.registerColumns ?? "")
        #expect(columns?.volunteer == "Қасымов Нұрлан Ерланұлы", "the register entry is made from the corrected name")
        #expect(corrected.json.contains("\"staffEntered\":{\"kind\":{\"actor\":\"aigul\""))
    }

    @Test func aFieldTheApplicantSentAfterTheCorrectionIsTheirs() {
        // Corrected an hour before this message was read: the message's own name stands,
        // while the IIN it lacked is still the one staff entered.
        let corrected = reading.correcting([correction("fullName", "\"Staff Name\"", hoursAfterReading: -1),
                                            correction("iin", "\"850312300012\"", hoursAfterReading: -1)], readAt: readAt)
        #expect(corrected.identity.fullName == "Қасымов Н.")
        #expect(corrected.identity.iin == "850312300012")
    }

    @Test func withoutCorrectionsTheReadingIsUnchanged() {
        #expect(reading.correcting([], readAt: readAt) == reading)
    }

    @Test func correctionsAreCheckedLikeTheApplicantsValues() throws {
        #expect(throws: StaffCorrection.Problem.self) { try StaffCorrection.parse("iin=850312300013", year: 2026).get() }
        #expect(try StaffCorrection.parse("phone=8 701 555 01 01", year: 2026).get().value == .string("+77015550101"))
        #expect(try StaffCorrection.parse("activityTypes=1, 6", year: 2026).get().value == .array([.number(1), .number(6)]))
        #expect(try StaffCorrection.parse("kind=волонтерлер тобы", year: 2026).get().value == .string("group"))
        #expect(throws: StaffCorrection.Problem.self) { try StaffCorrection.parse("activityTypes=14", year: 2026).get() }
        #expect(throws: StaffCorrection.Problem.self) { try StaffCorrection.parse("consent=maybe", year: 2026).get() }
    }
}
