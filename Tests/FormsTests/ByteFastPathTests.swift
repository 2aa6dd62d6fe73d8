import Testing
@testable import Forms

/// The byte readings of single-scalar text against the Character code they stand for, on
/// generated contacts lines, member lists and values: every answer must be the same.
struct ByteFastPathTests {
    static let fragments: [String] = [
        "+7 (701) 555-12-34", "8 701 555 1234", "87015551234", "7015551234", "+49 30 1234567", "+7\u{A0}701\u{A0}5551234",
        "aliya@mail.kz", "Aliya.Vol@Mail.KZ", "a..b@x.kz", ".a@b.kz", "x@-a.kz", "x@a.k", "мки@мки.қаз", "user@host",
        "https://www.example.kz/page", "HTTP://Site.KZ", "www.site.kz", "site.kz:8080/x?y#z", "instagram.com/aliya_vol",
        "https://www.instagram.com/aliya_vol/?hl=ru", "@aliya_vol", "@", "WhatsApp", "whats app", "Ватсап", "ВОТСАП", "уатсап",
        "вацап", "ватсапп", "wa.me/77015551234", "WA.ME", "Телефон:", "тел.", "Тел", "моб:", "e-mail:", "Email", "E-MAIL",
        "Электрондық пошта:", "почта", "ПОЧТА", "почтӓ", "сайт", "Web-сайт", "веб", "Инстаграм", "Insta", "instagram:", "Instagram ",
        "(WhatsApp)", "(бар болған кезде)", "(Т.А.Ә. көрсетіңіз)", "(при наличии)", "(12)", "(", ")", "()", ",", ";", "|",
        "\n", "\r\n", "\r", ":", "-", "–", "—", "=", ".", "..", "/", "_", "__", "___", " ", "  ", "\t", "\u{A0}", "\u{85}",
        "\u{2028}", "\u{301}", "е\u{308}", "й", "ё", "İ", "Ⱥ", "\u{212A}", "Ω", "😀", "👍🏽", "\u{200D}", "ӓ", "\u{0600}",
        "№", "№5", "6)", "12.", "1.05.2020", "13 ", "1, 6 және 8", "1 6 8", "и", "and", "мен", "пен", "бар болған кезде",
        "Иванов Иван Иванович", "Сәрсенбаева Әлия", "•", "*", "·", "1", "23", "456", "x", "Ә", "қ", "A", "z", "é", "١٢", "²",
        "½", "Ⅻ", "a", "b", "Ж", "0", "9", "Волонтерлік", "деятельности", "жастар саясаты", "K", "ſ", "ǅ", "Ǆ", "ﬁ",
    ]

    static func generate(_ count: Int, seed: UInt64, maxParts: Int = 8) -> [String] {
        var state = seed
        func next() -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int(truncatingIfNeeded: state >> 33)
        }
        var out: [String] = []
        for _ in 0..<count {
            let parts = 1 + next() % maxParts
            var s = ""
            for _ in 0..<parts { s += fragments[next() % fragments.count] }
            out.append(s)
        }
        return out + fragments
    }

    static let texts = generate(6000, seed: 1)
    static let shortTexts = generate(4000, seed: 2, maxParts: 3)

    @Test func scalarPropertiesAreTheCharacters() {
        let ranges: [ClosedRange<UInt32>] = [0...0x52F, 0x2000...0x2130, 0x2190...0x27BF, 0x2C60...0x2C70]
        for range in ranges {
            for v in range {
                guard let s = Unicode.Scalar(v) else { continue }
                let c = Character(s)
                #expect(s.isCharacterLetter == c.isLetter, "\(v)")
                #expect(s.isCharacterNumber == c.isNumber, "\(v)")
                #expect(s.isCharacterWhitespace == c.isWhitespace, "\(v)")
                if let l = s.sameLengthLowercase {
                    #expect(String(Character(l)) == String(Character(s)).lowercased(), "\(v)")
                    #expect(l.utf8.count == s.utf8.count, "\(v)")
                }
            }
        }
    }

    @Test func lowercaseBytes() {
        for t in Self.texts where t.isSingleScalarText {
            var b = t
            let low = b.withUTF8 { sameLengthLowercase($0) }
            if let low { #expect(String(decoding: low, as: UTF8.self) == t.lowercased()) }
        }
    }

    @Test func splitContacts() {
        for t in Self.texts {
            #expect(Extraction.splitContacts(t) == Extraction.splitContactsByCharacters(t), "\(t.debugDescription)")
        }
    }

    @Test func splitOutsideParentheses() {
        for t in Self.texts {
            for separators in [",;\n|", "\n;,"] {
                #expect(Extraction.splitOutsideParentheses(t, at: separators)
                        == Extraction.splitOutsideParenthesesByCharacters(t, at: separators), "\(t.debugDescription)")
            }
        }
    }

    @Test func clean() {
        for t in Self.texts + Self.shortTexts {
            #expect(Extraction.clean(t[...]) == Extraction.cleanByCharacters(t[...]), "\(t.debugDescription)")
            let tail = t.dropFirst(t.count / 3)
            #expect(Extraction.clean(tail) == Extraction.cleanByCharacters(tail), "\(t.debugDescription)")
        }
    }

    @Test func leadingNumber() {
        for t in Self.texts + Self.shortTexts {
            let fast = Extraction.leadingNumber(t), slow = Extraction.leadingNumberByCharacters(t)
            #expect(fast?.0 == slow?.0 && fast?.1 == slow?.1, "\(t.debugDescription)")
        }
        for t in ["12345678901234567890123", "№12) x", "№ 1", "1.2", "1.", "01 - x", "99:y", "7\u{301}) x", "№\u{301}1"] {
            let fast = Extraction.leadingNumber(t), slow = Extraction.leadingNumberByCharacters(t)
            #expect(fast?.0 == slow?.0 && fast?.1 == slow?.1, "\(t.debugDescription)")
        }
    }

    /// `numberList` as it was, before single-scalar text was screened by bytes.
    static func numberListReference(_ text: String) -> [Int]? {
        let words = LabelMatcher.tokens(text).map(\.text)
        var out: [Int] = []
        for w in words {
            if let n = Int(w), w.count <= 2 { out.append(n) } else if ["және", "и", "and", "мен", "пен"].contains(w) { continue } else { return nil }
        }
        return out.isEmpty ? nil : out
    }

    @Test func numberList() {
        for t in Self.texts + Self.shortTexts {
            #expect(Extraction.numberList(t) == Self.numberListReference(t), "\(t.debugDescription)")
        }
    }

    @Test func addMembers() {
        for t in Self.texts + Self.shortTexts {
            var fast = Extraction(), slow = Extraction()
            fast.addMembers(t)
            slow.addMembersByCharacters(t)
            #expect(fast.result.members == slow.result.members, "\(t.debugDescription)")
        }
    }

    @Test func validators() {
        for t in Self.texts + Self.shortTexts {
            #expect(Phone.normalise(t) == Phone.normaliseByCharacters(t), "\(t.debugDescription)")
            #expect(Email.isValid(t) == Email.isValidByCharacters(t), "\(t.debugDescription)")
            #expect(Hostname.isValid(t) == Hostname.isValidByCharacters(t), "\(t.debugDescription)")
            #expect(Website.normalise(t) == Website.normaliseByCharacters(t), "\(t.debugDescription)")
            #expect(Instagram.normalise(t) == Instagram.normaliseByCharacters(t), "\(t.debugDescription)")
            #expect(KazakhIDCheck.digits(t) == KazakhIDCheck.digitsByCharacters(t), "\(t.debugDescription)")
            #expect(asciiDigitCharacters(t) == t.filter { $0.isASCII && $0.isNumber }, "\(t.debugDescription)")
            #expect(commaPieces(t) == t.split { $0 == "," || $0 == ";" }.map(String.init), "\(t.debugDescription)")
        }
        for t in ["870155512340", "8701555123\u{301}4", "٨٧٠١٥٥٥١٢٣٤٠", "87015551234", "1234567890123"] {
            #expect(KazakhIDCheck.digits(t) == KazakhIDCheck.digitsByCharacters(t), "\(t.debugDescription)")
        }
    }
}
