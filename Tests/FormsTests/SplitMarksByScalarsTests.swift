import Testing
import TestRig
@testable import Forms

/// Check marks are read from single-scalar lines by scalars; the rules written on Characters
/// must give the same answer for every line, and the quick test for lines that cannot carry a
/// mark must agree on bytes and on scalars.
@Test func marksReadByScalarsAgreeWithTheRulesReadByCharacters() {
    let pieces = ["☐", "□", "○", "☒", "☑", "✓", "✔", "■", "●", "✗", "✘", "+", "⊠", "▣", "√", "[ ]", "( )", "[]", "()",
                  "[x]", "(X)", "[х]", "(v)", "[✓]", "[", "]", "(", ")", "x", "X", "х", "Х", "v", "V", "да", "Да", "иә",
                  "иа", "yes", "нет", "жоқ", "no", "No", "6)", "13.", "№2", "-", "—", "–", ":", ",", ".", " ", "  ", "\t",
                  "\u{A0}", "участие", "в", "помощи", "көмек", "көрсету", "руководитель/лидер", "(укажите)", "X.", "да,",
                  "(при наличии)", "Ахметов", "e-mail", "\u{2028}", "й", "и\u{306}", "😀"]
    var random = SplitMix64(seed: 2026)
    var scalarLines = 0, marked = 0, markless = 0
    for _ in 0..<20_000 {
        let count = Int(random.next() % 7) + 1
        var line = ""
        for _ in 0..<count {
            line += pieces[Int(random.next() % UInt64(pieces.count))]
            if random.next() % 3 != 0 { line += " " }
        }
        let trimmed = line.catalogueTrimmed()
        guard !trimmed.isEmpty else { continue }
        let cannot = Extraction.cannotCarryMarks(trimmed)
        #expect(cannot == Extraction.cannotCarryMarksByScalars(trimmed), "\(line.debugDescription)")
        if cannot { markless += 1 }
        let expected = Extraction.splitMarksByCharacters(trimmed)
        let actual = Extraction.splitMarks(line)
        #expect(actual.marked == expected.marked && actual.negated == expected.negated && actual.core == expected.core,
                "\(line.debugDescription)")
        if trimmed.isSingleScalarText {
            scalarLines += 1
            let byScalars = Extraction.splitMarksByScalars(trimmed)
            #expect(byScalars.marked == expected.marked && byScalars.negated == expected.negated && byScalars.core == expected.core,
                    "\(line.debugDescription)")
            if expected.marked || expected.negated { marked += 1 }
        }
    }
    #expect(scalarLines > 10_000 && marked > 3_000 && markless > 2_000)
}
