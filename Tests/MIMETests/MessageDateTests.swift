import Testing
@testable import MIME

/// Date headers seen in the wild, with the ISO 8601 reading each must give.
private let realWorldDates: [(String, String)] = [
    ("Thu, 21 Mar 2024 10:05:00 +0500", "2024-03-21T10:05:00+05:00"),
    ("21 Mar 2024 10:05:00 +0500", "2024-03-21T10:05:00+05:00"),
    ("Mon, 21 Mar 2024 10:05:00 +0500", "2024-03-21T10:05:00+05:00"),
    ("Thu, 21 Mar 2024 10:05 +0500", "2024-03-21T10:05:00+05:00"),
    ("Thu, 1 Feb 2024 9:05:07 +0600", "2024-02-01T09:05:07+06:00"),
    ("Thu, 21 Mar 24 10:05:00 +0500", "2024-03-21T10:05:00+05:00"),
    ("Sun, 21 Mar 99 10:05:00 -0000", "1999-03-21T10:05:00+00:00"),
    ("Thu, 21 Mar 124 10:05:00 +0500", "2024-03-21T10:05:00+05:00"),
    ("Thu, 21 Mar 2024 10:05:00 GMT", "2024-03-21T10:05:00+00:00"),
    ("Thu, 21 Mar 2024 10:05:00 UT", "2024-03-21T10:05:00+00:00"),
    ("Thu, 21 Mar 2024 10:05:00 EST", "2024-03-21T10:05:00-05:00"),
    ("Thu, 21 Mar 2024 10:05:00 PDT", "2024-03-21T10:05:00-07:00"),
    ("Thu, 21 Mar 2024 10:05:00 Q", "2024-03-21T10:05:00+00:00"),
    ("Thu, 21 Mar 2024 10:05:00 MSK", "2024-03-21T10:05:00+03:00"),
    ("Thu, 21 Mar 2024 10:05:00 ALMT", "2024-03-21T10:05:00+05:00"),
    ("Thu, 21 Mar 2024 10:05:00 +05:00", "2024-03-21T10:05:00+05:00"),
    ("Thu, 21 Mar 2024 10:05:00 GMT+5", "2024-03-21T10:05:00+05:00"),
    ("Thu, 21 Mar 2024 10:05:00 UTC+0500", "2024-03-21T10:05:00+05:00"),
    ("Thu, 21 Mar 2024 10:05:00 GMT+05:30", "2024-03-21T10:05:00+05:30"),
    ("Thu, 21 Mar 2024 10:05:00 +0500 (+05)", "2024-03-21T10:05:00+05:00"),
    ("Thu, 21 Mar 2024 10:05:00 +0500 (ALMT)", "2024-03-21T10:05:00+05:00"),
    ("Thu, 21 Mar 2024 10:05:00 (ALMT)", "2024-03-21T10:05:00+05:00"),
    ("Thu, 21 MAR 2024 10:05:00 +0500", "2024-03-21T10:05:00+05:00"),
    ("Thursday, 21 March 2024 10:05:00 +0500", "2024-03-21T10:05:00+05:00"),
    ("Thu, 21 Sept 2023 10:05:00 -0300", "2023-09-21T10:05:00-03:00"),
    ("Чт, 21 мар 2024 10:05:00 +0500", "2024-03-21T10:05:00+05:00"),
    ("21 мая 2024 10:05:00 +0300", "2024-05-21T10:05:00+03:00"),
    ("1 янв. 2024 г. 0:00:00 +0600", "2024-01-01T00:00:00+06:00"),
    ("5 дек 2023 23:59:59 MSK", "2023-12-05T23:59:59+03:00"),
    ("21 наурыз 2024 10:05 +0500", "2024-03-21T10:05:00+05:00"),
    ("2024-03-21T10:05:00+05:00", "2024-03-21T10:05:00+05:00"),
    ("2024-03-21T05:05:00+00:00", "2024-03-21T05:05:00+00:00"),
    ("2024-03-21T10:05:00.123456+05:00", "2024-03-21T10:05:00+05:00"),
    ("Thu Mar 21 10:05:00 2024", "2024-03-21T10:05:00+00:00"),
    ("Thu Mar 21 10:05:00 ALMT 2024", "2024-03-21T10:05:00+05:00"),
    ("Thu, 21 Mar 2024 10:05:60 +0500", "2024-03-21T10:05:59+05:00"),
    ("Thu., 21. Mar. 2024, 10:05:00 +0500", "2024-03-21T10:05:00+05:00"),
    ("Thu, 21-Mar-2024 10:05:00 +0500", "2024-03-21T10:05:00+05:00"),
    ("  Thu,\r\n 21 Mar 2024\r\n 10:05:00 +0500  ", "2024-03-21T10:05:00+05:00"),
    ("Thu, 29 Feb 2024 23:59:59 -1200", "2024-02-29T23:59:59-12:00"),
    ("Fri, 31 Dec 1999 23:59:59 +1400", "1999-12-31T23:59:59+14:00"),
    ("Thu, 01 Jan 1970 00:00:00 +0000", "1970-01-01T00:00:00+00:00"),
    ("Thu, 21 Mar 2024 10:05:00 +0500 +0500", "2024-03-21T10:05:00+05:00"),
    ("Thu, 21 Mar 2024 10:05:00 pm +0500", "2024-03-21T22:05:00+05:00"),
]

@Test(arguments: realWorldDates)
func realWorldDateParsesToExpectedISO(_ value: String, _ expected: String) {
    let (date, _) = MessageDate.parse(value)
    #expect(date?.iso8601 == expected, "\(value)")
}

@Test func dateTableIsLargeEnough() {
    #expect(realWorldDates.count >= 30)
}

@Test func wellFormedDateHasNoDefects() {
    let (date, defects) = MessageDate.parse("Thu, 21 Mar 2024 10:05:00 +0500")
    #expect(date?.secondsSince1970 == 1_710_997_500)
    #expect(date?.utcOffsetMinutes == 300)
    #expect(defects.isEmpty)
}

@Test func dateWithoutZoneIsUTCWithDefect() {
    for value in ["2024-03-21 10:05:00", "21.03.2024 10:05", "Thu, 21 Mar 2024 10:05:00"] {
        let (date, defects) = MessageDate.parse(value)
        #expect(date?.utcOffsetMinutes == 0, "\(value)")
        #expect(defects.map(\.kind) == [.invalidDate], "\(value)")
    }
    #expect(MessageDate.parse("21.03.2024 10:05").date?.iso8601 == "2024-03-21T10:05:00+00:00")
    #expect(MessageDate.parse("2024-03-21 10:05:00").date?.iso8601 == "2024-03-21T10:05:00+00:00")
}

@Test func unknownZoneNameIsUTCWithDefect() {
    let (date, defects) = MessageDate.parse("Thu, 21 Mar 2024 10:05:00 XYZT")
    #expect(date?.iso8601 == "2024-03-21T10:05:00+00:00")
    #expect(defects.count == 1)
    #expect(defects.first?.detail.contains("xyzt") == true)
}

@Test func almatyTimeBeforeMarch2024WasUTCPlus6() {
    #expect(MessageDate.parse("Wed, 21 Feb 2024 10:05:00 ALMT").date?.iso8601 == "2024-02-21T10:05:00+06:00")
    #expect(MessageDate.parse("Fri, 1 Mar 2024 10:05:00 ALMT").date?.iso8601 == "2024-03-01T10:05:00+05:00")
}

@Test func garbageAndMissingPartsGiveNilWithInvalidDate() {
    for value in ["", "   ", "garbage", "Thu, 21 2024 10:05:00 +0500", "Mar 2024", "10:05:00 +0500", "(comment only)"] {
        let (date, defects) = MessageDate.parse(value)
        #expect(date == nil, "\(value)")
        #expect(defects.map(\.kind) == [.invalidDate], "\(value)")
    }
}

@Test func outOfRangeFieldsAreRejected() {
    for value in ["Thu, 31 Apr 2024 10:05:00 +0500", "Thu, 29 Feb 2023 10:05:00 +0500", "Thu, 0 Mar 2024 10:05:00 +0500",
                  "Thu, 21 Mar 2024 24:00:00 +0500", "Thu, 21 Mar 2024 10:60:00 +0500", "Thu, 21 Mar 2024 10:05:61 +0500",
                  "2024-13-01T10:05:00+00:00"] {
        #expect(MessageDate.parse(value).date == nil, "\(value)")
    }
}

@Test func badZoneOffsetIsUTCWithDefect() {
    let (date, defects) = MessageDate.parse("Thu, 21 Mar 2024 10:05:00 +0575")
    #expect(date?.utcOffsetMinutes == 0)
    #expect(defects.map(\.kind) == [.invalidDate])
}

@Test func dateWithoutTimeIsMidnightWithDefect() {
    let (date, defects) = MessageDate.parse("21 Mar 2024")
    #expect(date?.iso8601 == "2024-03-21T00:00:00+00:00")
    #expect(defects.count == 2)
}

@Test func rfc5322FormattingUsesOriginalOffsetAndComputedWeekday() {
    #expect(MessageDate.parse("Mon, 21 Mar 2024 10:05:00 +0500").date?.rfc5322() == "Thu, 21 Mar 2024 10:05:00 +0500")
    #expect(MessageDate(secondsSince1970: 0, utcOffsetMinutes: 0).rfc5322() == "Thu, 1 Jan 1970 00:00:00 +0000")
    #expect(MessageDate(secondsSince1970: -1, utcOffsetMinutes: -90).rfc5322() == "Wed, 31 Dec 1969 22:29:59 -0130")
    #expect(MessageDate(secondsSince1970: 951_782_400, utcOffsetMinutes: 0).iso8601 == "2000-02-29T00:00:00+00:00")
}

@Test func formattedDateParsesBackToTheSameValue() {
    var seconds: Int64 = -2_208_988_800 // 1900-01-01
    while seconds < 4_102_444_800 { // 2100-01-01
        for offset in [0, 300, -480, 345] {
            let date = MessageDate(secondsSince1970: seconds, utcOffsetMinutes: offset)
            #expect(MessageDate.parse(date.rfc5322()).date == date)
            #expect(MessageDate.parse(date.iso8601).date == date)
        }
        seconds += 86_400 * 97 + 3_607
    }
}

@Test func datesCompareByInstant() {
    let almaty = MessageDate.parse("Thu, 21 Mar 2024 10:05:00 +0500").date!
    let moscow = MessageDate.parse("Thu, 21 Mar 2024 08:05:00 +0300").date!
    let later = MessageDate.parse("Thu, 21 Mar 2024 10:06:00 +0500").date!
    #expect(almaty.secondsSince1970 == moscow.secondsSince1970)
    #expect(almaty != moscow)
    #expect(almaty < later && moscow < later)
    #expect([later, almaty].sorted() == [almaty, later])
}
