import Annex2
import Testing
@testable import Forms

/// Labels as people retype them, in every way they end a label: the reader must find the field
/// whatever the wording, qualifiers or separator (issue 18, "labels by meaning").
@Suite struct LabelWordings {
    static let number = iin("9504124")

    /// (field, label, value, what the reader must give back)
    static let wordings: [(FormField, String, String, String)] = [
        (.fullName, "ФИО заявителя", "Петрова Алия Сериковна", "Петрова Алия Сериковна"),
        (.fullName, "Ф. И. О. полностью", "Петрова Алия Сериковна", "Петрова Алия Сериковна"),
        (.fullName, "Ваше ФИО", "Петрова Алия Сериковна", "Петрова Алия Сериковна"),
        (.fullName, "Өтініш берушінің Т.А.Ә.", "Серікова Әлия Маратқызы", "Серікова Әлия Маратқызы"),
        (.fullName, "Тегі, есімі, әкесінің есімі", "Серікова Әлия Маратқызы", "Серікова Әлия Маратқызы"),
        (.birthYear, "Д.р.", "12.04.1995", "12.04.1995"),
        (.birthYear, "Туылған жылы", "1995", "1995"),
        (.residence, "Место проживания", "г. Шымкент", "г. Шымкент"),
        (.residence, "Тұратын жері", "Шымкент қ.", "Шымкент қ."),
        (.residence, "Мекен-ажй", "Шымкент қ.", "Шымкент қ."),
        (.iin, "ИИН заявителя", number, number),
        (.experience, "Опыт участия в волонтерских проектах", "2 года", "2 года"),
        (.experience, "Волонтерский опыт руководителя группы", "2 года", "2 года"),
        (.experience, "Топ басшысының тәжірибесі", "2 жыл", "2 жыл"),
        (.coordinatorExperience, "Үйлестіруші ретінде тәжірибесі", "2 жыл", "2 жыл"),
        (.phone, "Моб. тел.", "+7 701 234 56 78", "+7 701 234 56 78"),
        (.phone, "Телефон нөмірі", "+7 701 234 56 78", "+7 701 234 56 78"),
        (.email, "Адрес эл. почты", "aliya@mail.ru", "aliya@mail.ru"),
        (.email, "Электрондық мекенжай", "aliya@mail.ru", "aliya@mail.ru"),
        (.headName, "ФИО директора", "Ахметов Ерлан", "Ахметов Ерлан"),
        (.volunteerCount, "Кол-во волонтеров", "120", "120"),
        (.registrationDate, "Дата гос. регистрации", "15.03.2019", "15.03.2019"),
        (.registrationDate, "дата рег.", "15.03.2019", "15.03.2019"),
        (.organizationName, "Наим. организации", "ОО «Жарқын»", "ОО «Жарқын»"),
        (.residence, "Место жит-ва", "г. Шымкент", "г. Шымкент"),
        (.coordinatedCount, "Сколько волонтеров координирую", "12", "12"),
    ]

    static let separators = [": ", " — ", " - ", "—", "\t", "     "]

    @Test(arguments: separators)
    func everyWordingIsReadWhateverEndsTheLabel(_ separator: String) {
        for (field, label, value, expected) in Self.wordings where !value.isEmpty {
            let form = FieldExtractor.extract(PlainText.document("Анкета\n\(label)\(separator)\(value)\n"))
            #expect(form.values[field] == expected, "\(label)|\(separator)|\(value) -> \(form.values)")
        }
    }

    @Test func aFillerWordBeforeTheLabelKeepsItTheLabel() {
        let bin = "220740613555"
        let form = FieldExtractor.extract(PlainText.document("Анкета\nУкажите бИН юр. лица: \(bin)\n"))
        #expect(form.values[.bin] == bin)
    }

    @Test func anEverydayNounInASentenceIsNoLabel() {
        let form = FieldExtractor.extract(PlainText.document("Директор фонда Турсынова Гульнара Маратовна подписала письмо.\n"))
        #expect(form.values[.headName] == nil)
        let labelled = FieldExtractor.extract(PlainText.document("Директор: Турсынова Гульнара Маратовна\n"))
        #expect(labelled.values[.headName] == "Турсынова Гульнара Маратовна")
    }

    @Test func aNumberedQuestionClosesTheOptionListBeforeIt() {
        let form = FieldExtractor.extract(PlainText.document("""
            Анкета волонтера
            10. Опишите свою роль в качестве волонтера:
            2
            11. В какое время вам удобна волонтерская деятельность?
            3
            """))
        #expect(form.roles == [2])
        #expect(form.availability == [3])
    }

    @Test func theMembersListEndsAtALineThatIsNoName() {
        let form = FieldExtractor.extract(PlainText.document("""
            Анкета группы волонтеров
            Состав группы:
            1. Иванов Иван Иванович
            2. Петрова Анна
            Какой вид связи для вас удобен
            Информация об осуществлении волонтерской деятельности
            """))
        #expect(form.members == ["Иванов Иван Иванович", "Петрова Анна"])
    }

    @Test func aHeadingAboutTheHeadNamesTheHeadsName() {
        let form = FieldExtractor.extract(PlainText.document("""
            Анкета волонтерской организации
            Информация о руководителе организации
            Директордың аты-жөні: Иванов Максим Викторович
            """))
        #expect(form.values[.headName] == "Иванов Максим Викторович")
        #expect(form.values[.fullName] == nil)
    }

    @Test func aNumberColumnIsNotAnOptionAndTheAnswerBesideTheQuestionIsTheChoice() {
        let form = FieldExtractor.extract(doc(
            para("Волонтер сауалнамасы"),
            table(row("№", "Сұрақ", "Жауап"),
                  row("6", "Негізгі қызмет түрі", ""),
                  row("", "Тармақтар", "4,6,11"),
                  row("7", "Волонтер ретіндегі рөліңіз", ""),
                  row("", "Таңдауым", "4"))))
        #expect(form.activityTypes == [4, 6, 11])
        #expect(form.roles == [4])
    }
}
