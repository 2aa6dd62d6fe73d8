import Annex2
import Cases
import Forms
import Foundation
import Testing
@testable import Notices

private let templates = NoticeTemplates.builtIn

@Suite struct Rendering {
    static let everyNotice: [(NoticeKind, String)] = NoticeKind.allCases.flatMap { kind in ["kk", "ru"].map { (kind, $0) } }

    @Test(arguments: everyNotice)
    func everyKindAndLanguageRendersWithNoPlaceholderLeft(kind: NoticeKind, language: String) {
        let rendered = templates.render(SampleNotices.notice(kind, language: language))
        for part in [rendered.subject, rendered.text, rendered.html] {
            #expect(!part.contains("{{"))
            #expect(!part.contains("}}"))
        }
        #expect(rendered.text.contains(SampleNotices.caseID))
        #expect(SampleNotices.blocks(rendered.text).count == 2)
        #expect(rendered.html.components(separatedBy: "<hr>").count == 2)
    }

    @Test(arguments: everyNotice)
    func theApplicantsLanguageComesFirst(kind: NoticeKind, language: String) {
        let rendered = templates.render(SampleNotices.notice(kind, language: language))
        let blocks = SampleNotices.blocks(rendered.text)
        let kazakh = "Құрметпен,", russian = "С уважением,"
        #expect(blocks[0].contains(language == "kk" ? kazakh : russian))
        #expect(blocks[1].contains(language == "kk" ? russian : kazakh))
        #expect(!blocks[0].contains(language == "kk" ? russian : kazakh))
        let lang = rendered.html.components(separatedBy: "<div lang=\"").dropFirst().map { String($0.prefix(2)) }
        #expect(lang == (language == "kk" ? ["kk", "ru"] : ["ru", "kk"]))
    }

    @Test func theSubjectCarriesTheTagAndBothLanguagesApplicantsFirst() {
        #expect(templates.render(SampleNotices.notice(.receipt)).subject == "[VR-2026-000123] Өтініш алынды / Заявление получено")
        #expect(templates.render(SampleNotices.notice(.receipt, language: "ru")).subject == "[VR-2026-000123] Заявление получено / Өтініш алынды")
        #expect(templates.render(SampleNotices.notice(.refinement, language: "ru")).subject
            == "[VR-2026-000123] Заявление направлено на доработку / Өтініш пысықтауға жіберілді")
    }

    @Test func anUnknownLanguageCountsAsKazakh() {
        let rendered = templates.render(SampleNotices.notice(.acceptance, language: "en"))
        #expect(rendered.subject.hasPrefix("[VR-2026-000123] Мәліметтер тізілімге енгізілді /"))
    }

    @Test func theReceiptGivesTheReviewTermInAstanaTime() {
        let blocks = SampleNotices.blocks(templates.render(SampleNotices.notice(.receipt)).text)
        #expect(blocks[0].contains("Алынған уақыты: 20.11.2026 14:32 (Астана уақыты)"))
        #expect(blocks[0].contains("5 (бес) жұмыс күні"))
        #expect(blocks[0].contains("Қараудың соңғы мерзімі: 27.11.2026 18:00 (Астана уақыты)."))
        #expect(blocks[1].contains("Дата и время получения: 20.11.2026 14:32 (время Астаны)"))
        #expect(blocks[1].contains("Срок рассмотрения: до 27.11.2026 18:00 (время Астаны)."))
    }

    @Test func theRefinementNamesEachProblemByItsLabelInEachLanguage() {
        let blocks = SampleNotices.blocks(templates.render(SampleNotices.notice(.refinement)).text)
        let (kk, ru) = (blocks[0], blocks[1])
        #expect(kk.contains("  • \(FormField.iin.kazakh): бақылау саны сәйкес келмейді"))
        #expect(kk.contains("  • \(FormField.phone.kazakh): толтырылмаған"))
        #expect(kk.contains("  • Волонтерлік бағдарлама (жоба) № 1 — Бағдарлама (жоба) мақсаты: толтырылмаған"))
        #expect(ru.contains("  • \(FormField.iin.russian): не совпадает контрольная цифра"))
        #expect(ru.contains("  • \(FormField.phone.russian): не заполнено"))
        #expect(ru.contains("  • Волонтерская программа (проект) № 1 — Цель программы (проекта): не заполнено"))
        #expect(!kk.contains(FormField.iin.russian) && !ru.contains(FormField.iin.kazakh))
        #expect(kk.contains("Қайта жіберудің соңғы мерзімі: 02.12.2026 18:00 (Астана уақыты)."))
        #expect(ru.contains("Срок повторного представления: до 02.12.2026 18:00 (время Астаны)."))
        #expect(kk.contains("[VR-2026-000123] белгісін өзгертпеңіз"))
        #expect(ru.contains("не изменяя отметку [VR-2026-000123] в теме письма"))
    }

    @Test func theProblemsBecomeAnHTMLList() {
        let html = templates.render(SampleNotices.notice(.refinement)).html
        #expect(html.contains("<ul>\n<li>\(FormField.iin.kazakh): бақылау саны сәйкес келмейді</li>\n"))
        #expect(html.contains("<li>\(FormField.phone.russian): не заполнено</li>"))
        #expect(html.components(separatedBy: "<ul>").count == 3)
    }

    @Test func aReasonThatAlreadyNamesTheFieldIsNotPrefixedWithIt() {
        // Forms words invalid fields as whole sentences quoting the label.
        var notice = SampleNotices.notice(.refinement)
        notice.problems = [NoticeProblem(field: "phone", kazakh: "«\(FormField.phone.kazakh)» жолы дұрыс толтырылмаған",
                                         russian: "Поле «\(FormField.phone.russian)» заполнено неверно")]
        let blocks = SampleNotices.blocks(templates.render(notice).text)
        #expect(blocks[0].contains("  • «Байланыс телефоны» жолы дұрыс толтырылмаған\n"))
        #expect(blocks[1].contains("  • Поле «Контактный телефон» заполнено неверно\n"))
    }

    @Test func staffFreeTextIsShownAsTypedAndAOneLanguageReasonServesBoth() {
        var notice = SampleNotices.notice(.refinement, language: "ru")
        notice.problems = [NoticeProblem(field: "Подпись на заявлении / Өтініштегі қолы"),
                           NoticeProblem(field: "bin", kazakh: nil, russian: "12 цифр"),
                           NoticeProblem(field: "actions[1].dateTime"),
                           NoticeProblem(field: "programs[0].nonsense")]
        let blocks = SampleNotices.blocks(templates.render(notice).text)
        #expect(blocks[0].contains("  • Подпись на заявлении / Өтініштегі қолы\n"))
        #expect(blocks[0].contains("  • \(FormField.bin.russian): 12 цифр"))
        #expect(blocks[1].contains("  • \(FormField.bin.kazakh): 12 цифр"))
        #expect(blocks[0].contains("  • Волонтерская акция № 2 — Дата и время проведения акции: не заполнено"))
        #expect(blocks[1].contains("  • Волонтерлік акция № 2 — Акцияны өткізу күні мен уақыты: толтырылмаған"))
        #expect(blocks[0].contains("  • programs[0].nonsense\n"))
    }

    @Test func theSameProblemIsListedOnce() {
        var notice = SampleNotices.notice(.refinement)
        notice.problems = [NoticeProblem(field: "phone"), NoticeProblem(field: " phone")]
        let kk = SampleNotices.blocks(templates.render(notice).text)[0]
        #expect(kk.components(separatedBy: FormField.phone.kazakh).count == 2)
    }

    @Test func theGreetingUsesTheNameOrStaysNeutral() {
        let named = SampleNotices.blocks(templates.render(SampleNotices.notice(.acceptance)).text)
        #expect(named[0].hasPrefix("Құрметті Айгүл Сейтқали!\n"))
        #expect(named[1].contains("Уважаемый(ая) Айгүл Сейтқали!\n"))
        for blank in [nil, "", "  \r\n "] as [String?] {
            let anonymous = SampleNotices.blocks(templates.render(SampleNotices.notice(.acceptance, name: blank)).text)
            #expect(anonymous[0].hasPrefix("Құрметті арыз иесі!\n"))
            #expect(anonymous[1].contains("Уважаемый заявитель!\n"))
        }
        var organisation = SampleNotices.notice(.acceptance, language: "ru", name: "Жасыл ел")
        organisation.applicantKind = .organization
        let org = SampleNotices.blocks(templates.render(organisation).text)
        #expect(org[0].hasPrefix("Уважаемые представители организации «Жасыл ел»!\n"))
        #expect(org[1].contains("«Жасыл ел» ұйымының құрметті өкілдері!\n"))
    }

    @Test func theAcceptanceNamesTheKindOfApplicant() {
        var notice = SampleNotices.notice(.acceptance, language: "ru")
        notice.applicantKind = .coordinator
        let blocks = SampleNotices.blocks(templates.render(notice).text)
        #expect(blocks[0].contains("Категория заявителя: координатор волонтеров"))
        #expect(blocks[1].contains("Арыз иесінің санаты: волонтерлерді үйлестіруші"))
    }

    @Test func aMissingValueTakesItsLineAndAnEmptiedParagraphAway() {
        var notice = SampleNotices.notice(.receipt)
        notice.receivedAt = nil
        let kk = SampleNotices.blocks(templates.render(notice).text)[0]
        #expect(kk.contains("Өтініштің нөмірі: VR-2026-000123\n\n"), "the case number stays without the time beside it")
        #expect(!kk.contains("Алынған уақыты"))

        var refusal = SampleNotices.notice(.refusal)
        refusal.problems = []
        let text = templates.render(refusal).text
        #expect(!text.contains("Ұсынылмаған мәліметтер:"), "no heading over an empty list")
        #expect(!text.contains("Не представлены сведения:"))
        #expect(!text.contains("\n\n\n"))
        #expect(!text.contains("Примечание сотрудника"), "no staff note, no line for it")
    }

    @Test func aRefusalGivesItsReasonOrCitesPoint11() {
        let given = SampleNotices.blocks(templates.render(SampleNotices.notice(.refusal)).text)
        #expect(given[0].contains("Бас тарту себебі: Өтініш иесі діни бірлестік болып табылады"))
        #expect(given[1].contains("Причина отказа: Өтініш иесі діни бірлестік болып табылады"))
        for machineReason in [nil, "not refined within 3 business days"] as [String?] {
            var lapsed = SampleNotices.notice(.refusal, language: "ru")
            lapsed.reason = machineReason
            let blocks = SampleNotices.blocks(templates.render(lapsed).text)
            #expect(blocks[0].contains("Причина отказа: доработанные сведения не представлены в течение 3 (трех) рабочих дней"))
            #expect(blocks[1].contains("Бас тарту себебі: пысықталған мәліметтер Қағидалардың 10-тармағында"))
            #expect(!blocks.joined().contains("business days"))
        }
    }

    @Test func aStaffNoteKeepsItsLines() {
        var notice = SampleNotices.notice(.changeApplied)
        notice.reason = "Телефон өзгертілді.\r\nЭлектрондық пошта өзгертілді."
        let rendered = templates.render(notice)
        #expect(rendered.text.contains("Қызметкердің ескертпесі: Телефон өзгертілді.\nЭлектрондық пошта өзгертілді.\n"))
        #expect(rendered.html.contains("Қызметкердің ескертпесі: Телефон өзгертілді.<br>\nЭлектрондық пошта өзгертілді.</p>"))
    }

    @Test func aHostileNameIsEscapedInHTMLAndKeptToOneLineInText() {
        let hostile = "Айгүл\r\nBcc: victim@example.com <script>alert('x')</script> & \u{202E}gpj.exe"
        let rendered = templates.render(SampleNotices.notice(.acceptance, name: hostile))
        #expect(!rendered.html.contains("<script>"))
        #expect(rendered.html.contains("Құрметті Айгүл Bcc: victim@example.com &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; gpj.exe!"))
        #expect(rendered.text.contains("Құрметті Айгүл Bcc: victim@example.com <script>alert('x')</script> & gpj.exe!\n"))
        #expect(!rendered.text.contains("\r"))
        #expect(!rendered.text.unicodeScalars.contains("\u{202E}"))
    }

    @Test func anAbsurdlyLongNameGetsTheNeutralGreeting() {
        let rendered = templates.render(SampleNotices.notice(.receipt, name: String(repeating: "А", count: 5000)))
        #expect(rendered.text.hasPrefix("Құрметті арыз иесі!\n"))
    }
}
