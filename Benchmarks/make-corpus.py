#!/usr/bin/python3
"""Deterministic synthetic corpus of volunteer-registry mail for the MIME benchmarks.

Writes RFC 5322 / MIME messages that look like what volunteer@mki.gov.kz receives:
applications in Kazakh and Russian sent from Gmail, Outlook/Exchange, Mail.ru, Yandex
and Thunderbird, with DOCX/PDF/JPEG attachments, forwards (message/rfc822, sometimes two
deep), replies, auto-replies and bounces (multipart/report).

Standard library only; needs nothing outside this file at run time.  The same --seed and
--size-mb always give byte-identical files.

    /usr/bin/python3 Benchmarks/make-corpus.py --out Benchmarks/corpus --size-mb 300
    /usr/bin/python3 Benchmarks/make-corpus.py --size-mb 0 --big-mb 100 --big-out Benchmarks/corpus-big

Sizes are MiB (2**20 bytes).  The Kazakh sentences are taken from public Kazakh source
documents about volunteer programmes (the registry rules, «Қайырымды істер марафоны»,
«Балалардың игілігі үшін», «Мектепке жол»); the Russian ones from the same family of
documents plus application-style sentences written for this corpus.
"""

import argparse
import base64
import binascii
import datetime
import html
import os
import random
import sys
import textwrap
import urllib.parse

MIB = 1 << 20
OUR_ADDR = "volunteer@mki.gov.kz"
OUR_MX = "mx.mki.gov.kz"

# --------------------------------------------------------------------------- text pools

KK_SENTENCES = """\
Волонтерлік қызметті есепке алу тізілімін жүргізу жөніндегі қағидалары осы бұйрыққа қосымшаға сәйкес бекітілсін.
Уәкілетті орган тізілімді осы Қағидаларға 1-қосымшаға сәйкес нысан бойынша қазақ және орыс тілдерінде жүргізеді.
Арыз иесінің қызметі туралы мәліметтерді алған кезде уәкілетті органның қызметкері өтініштер мен сауалнамаларды толтырудың толықтығы тұрғысынан қарайды.
Волонтерлік қызмет туралы мәліметтер жалпыға қолжетімді болып табылады.
Уәкілетті органның қызметкері арыз иесі туралы мәліметтер тізілімге келіп түскен кезде оларды 5 (бес) жұмыс күні ішінде қарайды.
Мәліметтерді тізілімге қосу немесе бас тарту арыз иесіне электрондық поштаға хабарлама арқылы ресімделеді.
Волонтерлік қызметті есепке алу тізіліміне қосу үшін қажетті заңмен қорғалатын құпияны құрайтын менің дербес мәліметтерімді жинауға және өңдеуге келісім беремін.
Анық емес мәліметтер мен қолдан жасалған құжаттарды ұсынғаны үшін жауаптылық туралы ескертілді.
Алматыда оперативті штаб қызметкерлері мен еріктілердің бастамасын белгілі блогерлер, қоғам қайраткерлері қолдады.
Олар жолда өтіп бара жатқан көліктерге «Маска тағыңыз» деген жапсырманы таратып жатыр.
Бұл акцияны тек Алматыда ғана емес, бүкіл республика бойынша челлендж етіп таратсақ деген мақсатымыз бар.
Орталық Фронт-офис волонтерлікке байланысты кез келген басқа мәселелер туралы сізді қызықтыратын барлық сұрақтар бойынша консультация бере алады.
Ұйымдастыру комитеті кестеге сәйкес жауапты орындаушылармен зум қоңырауларын өткізіп, барлық ашық сұрақтарға жауап береді.
«ҮЕҰ күні» шеңберінде үкіметтік емес сектор саласындағы өзекті тақырыптар бойынша мастер-кластар, тренингтер, семинарлар өткізіледі.
Іс-шараларды БАҚ-та жариялау үшін баспасөз релиздерін келесі мекенжайға жіберу қажет.
Халық арасында сауалнама жүргізу, акция логотипі басылған арнайы қағаздар, плакаттарды тарату жоспарланған.
«Мектепке жол» атты акциясына қатысу жөнінде ұйымдарға, бизнес-құрылымдарға, үкіметтік емес ұйымдарға ұсыныстар жолдадық.
Акцияны өткізу барысында балалардың әлеуметтік жағдайларын ескере отырып, әр бала мен отбасыға жеке-жеке көмек көрсетіледі.
Балалық шақты қорғау және баланың әл-ауқатын қамтамасыз ету Қазақстанның мемлекеттік саясатының маңызды және басым бағыттарының бірі болып табылады.
Халықаралық балаларды қорғау күні ересектердің назарын балалар құқықтарының барлық аспектілерінің сақталуына аударуға бағытталған.
Науқанды өткізу орны мен уақыты: республика облыстары, 17 мамырдан 17 маусымға дейін.
«Тәлімгерлік», «Досының қолы», «Балаларға жылулық сыйла», «Жүректен жүрекке» атты түрлі қайырымдылық шаралар мен жобаларды өткіземіз.
Жетім балалар мен ата-анасының қамқорлығынсыз қалған балаларға арналған ұйымдарға барып, мерекелік іс-шаралар ұйымдастырамыз.
Мақсатымыз – баланың отбасында өмір сүру құқығын жүзеге асыру, отбасы институтын нығайту, отбасы құндылықтарын сақтау және дамыту.
Балалардың ұлттық мәдени орталықтарға баруын ұйымдастыру, балаларды салт-дәстүрмен таныстыруға бағытталған іс-шараларды өткіземіз.
Мәдениет және демалыс саябақтарында балалар суретінің көрмелерін, граффити байқауларын, асфальтта сурет салу конкурстарын ұйымдастырамыз.
Халықтың әлеуметтік осал топтарының балаларының мұражайларға, кинотеатрларға тегін баруын ұйымдастырдық.
Біздің еріктілер әлеуметтік қызмет көрсетуге, өмірлік қиын жағдайға қалған балаларға көмек көрсетуге қатысады.
Топ мүшелері хабарсыз кеткен адамдарды іздеуге және төтенше жағдайлардың салдарларын жоюға жәрдем көрсетуге дайын.
Қоршаған ортаны қорғауға және сақтауға, аумақтарды абаттандыруға, өзен жағалауларын тазалауға қатысамыз.
Тарихи және мәдени мұраны сақтау, тарихи-мәдени мекендеу ортасын қалпына келтіру жұмыстарына студенттерді тартамыз.
Саламатты өмір салтын насихаттау бойынша жұмыс жүргізіп, мектептерде профилактикалық дәрістер өткіземіз.
Халықтар арасындағы татулықты, достық пен келісімді нығайтуға бағытталған іс-шараларға белсене қатысамыз.
Өтінішті қарап, тізілімге енгізу туралы шешімді электрондық поштаға жіберуіңізді сұраймын.
Толтырылған сауалнаманы және волонтерлер тобының тізімін осы хатқа қоса жолдаймын.
Өткен жолы жіберілген өтінішке жауап келмеді, сондықтан құжаттарды қайта жіберіп отырмын.
Топ басшысының волонтерлік қызметтегі тәжірибесі бес жылдан асады, ол 2024 жылғы су тасқыны кезінде көмек көрсетті.
Бағдарламаны ұйымдастырушылар тарапынан волонтерлерге қойылатын талаптар қосымша файлда көрсетілген.
Волонтерлік бағдарламаларды (жобаларды) өткізу орны мен уақыты туралы мәліметтерді нақтылауды сұраймыз.
Челлендж аясында балалар әлеуметтік желілерде өз аймағының көрікті жерлері туралы бейнероликтер орналастырады.
Перинаталдық орталықтардағы аналар мен балаларды 1 маусымда құттықтауға волонтерлер тартылады.
Техникалық және кәсіптік білім беретін оқу орындарының студенттері арасында кәсіби шеберлік байқауын өткіземіз.
"""

RU_SENTENCES = """\
Прошу включить меня в реестр учета волонтерской деятельности в качестве волонтера.
Настоящим даю согласие на сбор и обработку моих персональных данных, составляющих охраняемую законом тайну.
Об ответственности за представление недостоверных сведений и поддельных документов предупреждена.
Наша волонтерская группа с 2021 года помогает одиноким пожилым людям: доставляем продукты и лекарства, помогаем с оплатой коммунальных услуг.
В рамках акции «Дорога в школу» мы собрали канцелярские принадлежности для 140 детей из многодетных и малообеспеченных семей.
Каждую субботу волонтеры нашего центра проводят уборку берега реки и высаживают деревья в городском парке.
Просим рассмотреть заявку в установленный пятидневный срок и сообщить о результате на электронную почту.
Во вложении направляю заполненную анкету по форме приложения к Правилам ведения реестра.
Координатор группы имеет опыт волонтерской деятельности более пяти лет, участвовал в поисковых работах и ликвидации последствий паводков 2024 года.
Волонтеры оказывают помощь организациям социального обслуживания, домам престарелых и центрам поддержки детей, оказавшихся в трудной жизненной ситуации.
Просим уточнить, необходимо ли прикладывать копию устава организации или достаточно справки о государственной регистрации.
Мероприятие пройдет с 17 мая по 17 июня во всех регионах республики, количество участников не ограничено.
Данная заявка направляется повторно, так как в прошлый раз не были приложены сведения о руководителе группы.
Наши волонтеры прошли обучение по оказанию первой помощи и готовы участвовать в мероприятиях по предупреждению чрезвычайных ситуаций.
Прошу внести изменения в сведения реестра: изменился номер телефона и адрес электронной почты координатора.
Оказание волонтерской помощи в подготовке к ЕНТ, обучению английскому языку, компьютерной и правовой грамотности старшеклассников в сельской местности.
Участие в проекте более 1000 волонтеров из числа преподавателей и студентов, охват обучением не менее 1000 учащихся в каждом регионе.
Открытие центров поддержки волонтеров в сфере охраны здоровья в городах Алматы, Кызылорда и Петропавловск.
Внедрение практики наставничества, подготовка не менее 50 персональных наставников из числа авторитетных граждан.
Вовлечение граждан в защиту окружающей среды, очистку рек и лесов, посадку деревьев, обучение сортировке мусора.
Привлечение волонтеров к проектам по сохранению объектов историко-культурного наследия в городах Тараз, Караганда, Туркестан.
Волонтеры окажут помощь организациям социального обслуживания системы социальной защиты населения.
Расширение участия граждан и волонтерских организаций в поисковых мероприятиях и работах по поиску пропавших людей.
Территориальный охват проекта: базовые центры реализации, при этом проекты будут реализованы во всех регионах республики.
Просим разъяснить порядок включения в реестр волонтерской группы, не зарегистрированной в качестве юридического лица.
Сведения о программе, месте и времени проведения акции, а также требования к волонтерам приведены во вложенном файле.
В нашей группе 23 человека, в основном студенты колледжа, руководитель группы — преподаватель социальной педагогики.
В период акции волонтеры ежедневно дежурят в пунктах сбора помощи с 10:00 до 18:00.
Отчет о проведенных мероприятиях с фотографиями будет направлен дополнительно после завершения акции.
Прошу подтвердить получение письма, так как заявка отправлена в последний день приема документов.
Мы сотрудничаем с местным акиматом и управлением образования, есть благодарственные письма за прошлый год.
Благодарим за оперативный ответ, недостающие документы направляем в приложении.
"""

KK_ACTIVITIES = [
    "әлеуметтік қызмет көрсетуге, өмірлік қиын жағдайға қалған балаларға көмек көрсетуге қатысу",
    "төтенше жағдайлардың алдын алу және салдарларын жоюға жәрдем көрсету",
    "хабарсыз кеткен адамдарды іздеуге қатысу",
    "қоршаған ортаны қорғауға және сақтауға, аумақтарды абаттандыруға қатысу",
    "тарихи және мәдени мұраны сақтауға қатысу",
    "білім беруді, ғылымды, мәдениетті дамытуға қатысу",
    "дене шынықтыруды, спорт пен белсенді демалысты дамытуға қатысу",
    "саламатты өмір салтын насихаттау бойынша жұмыс жүргізу",
]
RU_ACTIVITIES = [
    "участие в оказании социальных услуг, помощи детям в трудной жизненной ситуации",
    "содействие в предупреждении и ликвидации последствий чрезвычайных ситуаций",
    "участие в поиске пропавших людей",
    "участие в охране окружающей среды и благоустройстве территорий",
    "участие в сохранении историко-культурного наследия",
    "участие в развитии образования, науки, культуры",
    "участие в развитии физической культуры, спорта и активного отдыха",
    "пропаганда здорового образа жизни",
]

# (Kazakh spelling, Russian spelling, Latin local-part stem)
PEOPLE = [
    ("Айгерім Асқарова", "Айгерим Аскарова", "aigerim.askarova"),
    ("Нұрлан Сейітқали", "Нурлан Сейиткали", "nurlan.seitkali"),
    ("Дәулет Жұмабаев", "Даулет Жумабаев", "daulet.zhumabayev"),
    ("Әсел Ташенова", "Асель Ташенова", "asel.tashenova"),
    ("Ерлан Құдайбергенов", "Ерлан Кудайбергенов", "erlan.kudaibergenov"),
    ("Гүлнар Оспанова", "Гульнар Оспанова", "gulnar.ospanova"),
    ("Мадина Нұрланқызы", "Мадина Нурланкызы", "madina.nurlankyzy"),
    ("Бауыржан Әбдіков", "Бауыржан Абдиков", "baurzhan.abdikov"),
    ("Жансая Серікова", "Жансая Серикова", "zhansaya.serikova"),
    ("Арман Төлеуов", "Арман Толеуов", "arman.toleuov"),
    ("Ақбота Мұхтарқызы", "Акбота Мухтаркызы", "akbota.mukhtar"),
    ("Самал Өтепова", "Самал Утепова", "samal.utepova"),
    ("Ольга Ким", "Ольга Ким", "olga.kim"),
    ("Сергей Петренко", "Сергей Петренко", "s.petrenko"),
    ("Татьяна Иванова", "Татьяна Иванова", "tatyana.ivanova"),
    ("Дмитрий Ли", "Дмитрий Ли", "dmitriy.li"),
    ("Анна Шевченко", "Анна Шевченко", "anna.shevchenko"),
    ("Руслан Ахметов", "Руслан Ахметов", "ruslan.akhmetov"),
    ("Наталья Кузнецова", "Наталья Кузнецова", "n.kuznetsova"),
    ("Алексей Воронин", "Алексей Воронин", "alexey.voronin"),
]
ORGS = [
    ("«Жүрек жылуы» қоғамдық бірлестігі", "ОО «Тепло сердца»", "zhurek-zhyluy.kz"),
    ("«Мейірім» волонтерлік орталығы", "Волонтерский центр «Мейирим»", "meirim-center.kz"),
    ("«Jas Qazaq» жастар бірлестігі", "Молодежное объединение «Jas Qazaq»", "jasqazaq.kz"),
    ("Жастар ресурстық орталығы", "Молодежный ресурсный центр", "jastar-rc.kz"),
    ("«Қайырымды істер» қоры", "Фонд «Добрые дела»", "dobrye-dela.kz"),
    ("Облыстық іздеу-құтқару жасағы", "Областной поисково-спасательный отряд", "poisk-sko.kz"),
]
CITIES = [
    ("Астана", "Астана"), ("Алматы", "Алматы"), ("Шымкент", "Шымкент"), ("Қарағанды", "Караганда"),
    ("Ақтөбе", "Актобе"), ("Тараз", "Тараз"), ("Павлодар", "Павлодар"), ("Өскемен", "Усть-Каменогорск"),
    ("Семей", "Семей"), ("Атырау", "Атырау"), ("Қостанай", "Костанай"), ("Қызылорда", "Кызылорда"),
    ("Орал", "Уральск"), ("Петропавл", "Петропавловск"), ("Ақтау", "Актау"), ("Түркістан", "Туркестан"),
    ("Көкшетау", "Кокшетау"), ("Талдықорған", "Талдыкорган"), ("Қонаев", "Конаев"), ("Жезқазған", "Жезказган"),
]
KK_SUBJECTS = [
    "Волонтерлік қызметті есепке алу тізіліміне қосу туралы өтініш",
    "Тізілімге енгізу туралы өтініш – {name}",
    "Өтініш және сауалнама ({city})",
    "«Мектепке жол» акциясы туралы мәліметтер",
    "Волонтерлер тобын тіркеу",
    "Құжаттарды қайта жіберу",
    "Сауалнама 1-қосымша",
    "Тізілімдегі мәліметтерді өзгерту",
]
RU_SUBJECTS = [
    "Заявка на включение в реестр учета волонтерской деятельности",
    "Заявка в реестр волонтеров – {name}",
    "Анкета волонтера ({city})",
    "Сведения о волонтерской акции «Дорога в школу»",
    "Регистрация волонтерской группы",
    "Повторная отправка документов",
    "Вопрос по включению в реестр",
    "Изменение сведений в реестре",
]
KK_FILES = ["Өтініш_{sur}.docx", "Сауалнама_1-қосымша.docx", "Волонтерлер_тізімі.pdf",
            "Жарғы.pdf", "Мемлекеттік тіркеу туралы анықтама.pdf", "Іс-шаралар жоспары {city}.docx",
            "Жеке куәлік.jpg", "Акция фотосы {n}.jpg"]
RU_FILES = ["Заявка_{sur}.docx", "Анкета волонтера (приложение 2).docx", "Список волонтеров группы.pdf",
            "Устав ОО.pdf", "Справка о государственной регистрации.pdf",
            "План мероприятий акции «Дорога в школу» {city}.docx", "Удостоверение личности.jpg",
            "Фото акции {n}.jpg"]

MIME_DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def lines(block):
    return [s for s in block.splitlines() if s.strip()]


KK = lines(KK_SENTENCES)
RU = lines(RU_SENTENCES)

# KOI8-R has no guillemets, dashes or the numero sign; Outlook/Yandex users who end up
# with KOI8-R have plain ASCII quotes instead.
KOI8_FIX = str.maketrans({"«": '"', "»": '"', "—": "-", "–": "-", "№": "N", "…": "..."})

TRANSLIT = dict(zip("абвгдеёжзийклмнопрстуфхцчшщъыьэюяәғқңөұүһі",
                    ["a", "b", "v", "g", "d", "e", "e", "zh", "z", "i", "y", "k", "l", "m", "n", "o", "p",
                     "r", "s", "t", "u", "f", "kh", "ts", "ch", "sh", "sch", "", "y", "", "e", "yu", "ya",
                     "a", "g", "k", "n", "o", "u", "u", "h", "i"]))


def translit(s):
    return "".join(TRANSLIT.get(c, c) for c in s.lower() if c.isalnum() or c in "-.")


# --------------------------------------------------------------------------- MIME helpers

def b64_lines(data, width=76):
    enc = base64.b64encode(data)
    return b"\n".join(enc[i:i + width] for i in range(0, len(enc), width)) + b"\n"


def qp(data):
    # binascii wants LF-only text; the whole message gets CRLF later if needed.
    return binascii.b2a_qp(data, quotetabs=False, istext=True, header=False)


def encoded_words(text, charset, mode, maxlen=75):
    """RFC 2047 encoded words, never splitting a character, each at most maxlen chars."""
    out, cur = [], ""
    prefix = "=?%s?%s?" % (charset, mode)
    budget = maxlen - len(prefix) - 2

    def enc(s):
        raw = s.encode(charset, errors="replace")
        if mode == "B":
            return base64.b64encode(raw).decode("ascii")
        q = []
        for b in raw:
            c = chr(b)
            if c == " ":
                q.append("_")
            elif c.isalnum() and b < 128:
                q.append(c)
            else:
                q.append("=%02X" % b)
        return "".join(q)

    for ch in text:
        if len(enc(cur + ch)) > budget and cur:
            out.append(prefix + enc(cur) + "?=")
            cur = ""
        cur += ch
    if cur:
        out.append(prefix + enc(cur) + "?=")
    return out


def is_ascii(s):
    return all(ord(c) < 128 for c in s)


def hdr_text(name, text, charset="UTF-8", mode="B"):
    """An unstructured header, RFC 2047-encoded and folded when not ASCII."""
    if is_ascii(text):
        return "%s: %s\n" % (name, text)
    return "%s: %s\n" % (name, "\n ".join(encoded_words(text, charset, mode)))


def addr(display, address, charset="UTF-8", mode="B"):
    if not display:
        return address
    if is_ascii(display):
        return '"%s" <%s>' % (display, address)
    return "%s <%s>" % (" ".join(encoded_words(display, charset, mode)), address)


def rfc2231(name, value, charset="utf-8", cont=False):
    """RFC 2231 parameter, optionally split into continuations as Thunderbird does."""
    q = lambda s: urllib.parse.quote(s.encode(charset), safe="")
    if not cont or len(q(value)) < 60:
        return "%s*=%s''%s" % (name, charset, q(value))
    chunks, cur = [], ""
    for ch in value:
        if cur and len(q(cur + ch)) > 60:
            chunks.append(cur)
            cur = ""
        cur += ch
    chunks.append(cur)
    return ";\n ".join("%s*%d*=%s%s" % (name, i, ("%s''" % charset) if i == 0 else "", q(c))
                        for i, c in enumerate(chunks))


class Corpus:
    def __init__(self, seed):
        self.r = random.Random(seed)
        self.t0 = datetime.datetime(2025, 3, 3, 8, 0, tzinfo=datetime.timezone(datetime.timedelta(hours=5)))
        self.clock = 0

    # ---- small random things
    def hexs(self, n):
        return "".join(self.r.choice("0123456789abcdef") for _ in range(n))

    def alnum(self, n, alphabet="ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"):
        return "".join(self.r.choice(alphabet) for _ in range(n))

    def b64blob(self, nbytes):
        return base64.b64encode(self.r.randbytes(nbytes)).decode()

    def now(self):
        self.clock += self.r.randint(60, 5400)
        return self.t0 + datetime.timedelta(seconds=self.clock)

    @staticmethod
    def date(dt, hours=5):
        tz = datetime.timezone(datetime.timedelta(hours=hours))
        return dt.astimezone(tz).strftime("%a, %d %b %Y %H:%M:%S %z")

    def ip(self, first=None):
        return "%d.%d.%d.%d" % (first or self.r.choice([95, 2, 37, 178, 89]), self.r.randint(0, 255),
                                self.r.randint(0, 255), self.r.randint(1, 254))

    def fold_sig(self, body, width=70, indent="\t  "):
        return ("\n" + indent).join(body[i:i + width] for i in range(0, len(body), width))

    def dkim(self, domain, selector, headers, indent="        "):
        bh = base64.b64encode(self.r.randbytes(32)).decode()
        b = self.fold_sig(self.b64blob(256), 70, indent + " ")
        return ("DKIM-Signature: v=1; a=rsa-sha256; c=relaxed/relaxed;\n%sd=%s; s=%s; t=%d;\n"
                "%sh=%s;\n%sbh=%s;\n%sb=%s\n") % (indent, domain, selector, 1740000000 + self.clock,
                                                  indent, headers, indent, bh, indent, b)

    # ---- who and where
    def person(self, lang):
        kk, ru, lat = self.r.choice(PEOPLE)
        name = kk if lang in ("kk", "bi") else ru
        return name, lat

    def city(self, lang):
        kk, ru = self.r.choice(CITIES)
        return kk if lang in ("kk", "bi") else ru

    # ---- bodies
    def sentences(self, lang, k):
        pool = KK if lang == "kk" else RU
        return [self.r.choice(pool) for _ in range(k)]

    def application_text(self, lang, name, city, kind="application"):
        """Returns a list of paragraphs (plain strings)."""
        r = self.r
        paras = []
        langs = ["kk", "ru"] if lang == "bi" else [lang]
        for lg in langs:
            if lg == "kk":
                paras.append(r.choice(["Құрметті Министрлік!", "Сәлеметсіз бе!", "Қайырлы күн!",
                                       "Азаматтық қоғам істері комитетіне"]))
            else:
                paras.append(r.choice(["Добрый день!", "Здравствуйте!", "Уважаемые коллеги!",
                                       "В Комитет по делам гражданского общества"]))
            if kind == "application":
                n_par = r.choice([1, 2, 2, 3, 3, 4, 6])
                for _ in range(n_par):
                    paras.append(" ".join(self.sentences(lg, r.randint(1, 4))))
                if r.random() < 0.6:
                    paras.append(self.form(lg, name, city))
            else:
                paras.append(" ".join(self.sentences(lg, r.randint(1, 3))))
            paras.append(("Құрметпен,\n" if lg == "kk" else "С уважением,\n") + name +
                         ("\n" + r.choice(ORGS)[0 if lg == "kk" else 1] if r.random() < 0.4 else "") +
                         "\n+7 7%02d %03d %02d %02d" % (r.randint(0, 78), r.randint(0, 999),
                                                        r.randint(0, 99), r.randint(0, 99)))
        return paras

    def form(self, lang, name, city):
        r = self.r
        iin = "%02d%02d%02d%d%05d" % (r.randint(60, 99), r.randint(1, 12), r.randint(1, 28),
                                      r.randint(3, 6), r.randint(0, 99999))
        acts = r.sample(KK_ACTIVITIES if lang == "kk" else RU_ACTIVITIES, r.randint(1, 3))
        if lang == "kk":
            rows = [("Т.А.Ә.", name), ("ЖСН", iin), ("Туған жылы", str(1960 + r.randint(0, 45))),
                    ("Тұрғылықты жері", city), ("Электрондық пошта", "бар"),
                    ("Қызмет түрі", "; ".join(acts))]
        else:
            rows = [("Ф.И.О.", name), ("ИИН", iin), ("Год рождения", str(1960 + r.randint(0, 45))),
                    ("Место жительства", city), ("Электронная почта", "есть"),
                    ("Вид деятельности", "; ".join(acts))]
        return "\n".join("%s: %s" % row for row in rows)

    @staticmethod
    def to_plain(paras, wrap=True, quote=False):
        out = []
        for p in paras:
            for ln in p.split("\n"):
                if wrap and len(ln) > 76:
                    out.extend(textwrap.wrap(ln, 74))
                else:
                    out.append(ln)
            out.append("")
        if quote:
            out = [("> " + ln) if ln else ">" for ln in out]
        return "\n".join(out) + "\n"

    def to_html(self, paras, style, quoted=None):
        esc = lambda s: html.escape(s).replace("\n", "<br>\n")
        if style == "outlook":
            head = ('<html xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" '
                    'xmlns:w="urn:schemas-microsoft-com:office:word" xmlns:m="http://schemas.microsoft.com/office/2004/12/omml" '
                    'xmlns="http://www.w3.org/TR/REC-html40">\n<head>\n<meta http-equiv="Content-Type" content="text/html; charset={cs}">\n'
                    '<meta name="Generator" content="Microsoft Word 15 (filtered medium)">\n<style><!--\n'
                    '/* Font Definitions */\n@font-face\n\t{font-family:"Cambria Math";\n\tpanose-1:2 4 5 3 5 4 6 3 2 4;}\n'
                    '@font-face\n\t{font-family:Calibri;\n\tpanose-1:2 15 5 2 2 2 4 3 2 4;}\n'
                    '/* Style Definitions */\np.MsoNormal, li.MsoNormal, div.MsoNormal\n\t{margin:0cm;\n\tfont-size:11.0pt;\n'
                    '\tfont-family:"Calibri",sans-serif;\n\tmso-fareast-language:EN-US;}\na:link, span.MsoHyperlink\n'
                    '\t{mso-style-priority:99;\n\tcolor:#0563C1;\n\ttext-decoration:underline;}\nspan.EmailStyle17\n'
                    '\t{mso-style-type:personal-compose;\n\tfont-family:"Calibri",sans-serif;\n\tcolor:windowtext;}\n'
                    '.MsoChpDefault\n\t{mso-style-type:export-only;\n\tfont-family:"Calibri",sans-serif;\n'
                    '\tmso-fareast-language:EN-US;}\n@page WordSection1\n\t{size:612.0pt 792.0pt;\n'
                    '\tmargin:2.0cm 42.5pt 2.0cm 3.0cm;}\ndiv.WordSection1\n\t{page:WordSection1;}\n--></style>\n'
                    '</head>\n<body lang="RU" link="#0563C1" vlink="#954F72" style="word-wrap:break-word">\n'
                    '<div class="WordSection1">\n')
            body = "".join('<p class="MsoNormal"><span lang="%s">%s<o:p></o:p></span></p>\n'
                           '<p class="MsoNormal"><o:p>&nbsp;</o:p></p>\n' % (self.r.choice(["KK", "RU"]), esc(p))
                           for p in paras)
            tail = "</div>\n</body>\n</html>\n"
        elif style == "mailru":
            head = "<HTML><BODY>"
            body = "".join("<div>%s</div><div>&nbsp;</div>" % esc(p) for p in paras)
            body += ('<div>&nbsp;</div><div data-signature-widget="container"><div data-signature-widget="content">'
                     '<div>--<br>Отправлено из Почты <a href="https://trk.mail.ru/c/zzm979">Mail</a></div></div></div>')
            tail = "</BODY></HTML>\n"
        elif style == "yandex":
            head = "<div>"
            body = "".join("<div>%s</div><div> </div>" % esc(p) for p in paras)
            body += "<div>-- </div><div>Отправлено из мобильной Яндекс Почты</div>"
            tail = "</div>\n"
        else:   # gmail
            head = '<div dir="ltr">'
            body = "".join("<div>%s</div><div><br></div>" % esc(p) for p in paras)
            tail = "</div>\n"
        if quoted is not None:
            body += ('<br><div class="gmail_quote"><blockquote class="gmail_quote" style="margin:0px 0px 0px 0.8ex;'
                     'border-left:1px solid rgb(204,204,204);padding-left:1ex">%s</blockquote></div>'
                     % "".join("<div>%s</div>" % esc(p) for p in quoted))
        return head + body + tail

    # ---- parts
    def text_part(self, ctype, text, charset, cte, extra=""):
        raw = text.encode(charset, errors="replace")
        if cte == "base64":
            body = b64_lines(raw)
        elif cte == "quoted-printable":
            body = qp(raw)
            if not body.endswith(b"\n"):
                body += b"\n"
        else:
            body = raw if raw.endswith(b"\n") else raw + b"\n"
        h = 'Content-Type: %s; charset="%s"%s\nContent-Transfer-Encoding: %s\n\n' % (ctype, charset, extra, cte)
        return h.encode() + body

    def multipart(self, subtype, parts, boundary, preamble=False, extra=""):
        sep = "\n\t" if self.r.random() < 0.5 else " "
        out = [("Content-Type: multipart/%s;%sboundary=\"%s\"%s\n\n" % (subtype, sep, boundary, extra)).encode()]
        if preamble:
            out.append(b"This is a multi-part message in MIME format.\n")
        delim = b"--" + boundary.encode()
        for i, p in enumerate(parts):
            out.append((b"\n" if i else b"") + delim + b"\n")
            out.append(p)
        out.append(b"\n" + delim + b"--\n")
        return b"".join(out)

    def attachment_size(self, cap=3 * MIB):
        # 20 KB .. 3 MB, heavily weighted toward the small end (median ~40 KB, mean ~250 KB).
        u = self.r.random()
        return min(cap, int(20_000 * 150 ** (u ** 3)))

    def binary(self, kind, size):
        r = self.r
        if kind == "docx":
            head = (b"PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00" + r.randbytes(16) +
                    b"\x13\x00\x00\x00[Content_Types].xml")
            tail = b"PK\x05\x06\x00\x00\x00\x00\x0b\x00\x0b\x00" + r.randbytes(8) + b"\x00\x00"
        elif kind == "pdf":
            head = (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<</Type/Catalog/Pages 2 0 R/Lang(ru-RU)>>\nendobj\n"
                    b"4 0 obj\n<</Filter/FlateDecode/Length " + str(size).encode() + b">>\nstream\n")
            tail = b"\nendstream\nendobj\nstartxref\n" + str(size - 40).encode() + b"\n%%EOF\n"
        else:
            head = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00"
            tail = b"\xff\xd9"
        return head + r.randbytes(max(0, size - len(head) - len(tail))) + tail

    def attachment(self, style, lang, name, city, cap=3 * MIB):
        r = self.r
        tmpl = r.choice(KK_FILES if lang == "kk" else RU_FILES)
        sur = name.split()[-1]
        fname = tmpl.format(sur=sur, city=city, n=r.randint(1, 40))
        ext = fname.rsplit(".", 1)[1]
        kind = {"docx": "docx", "pdf": "pdf", "jpg": "jpg"}[ext]
        ctype = {"docx": MIME_DOCX, "pdf": "application/pdf", "jpg": "image/jpeg"}[ext]
        size = self.attachment_size(cap)
        if kind == "jpg":
            size = min(size, 1_500_000)
        data = self.binary(kind, size)
        if style in ("gmail", "mailru", "yandex"):
            ew = " ".join(encoded_words(fname, "UTF-8" if style != "yandex" else "utf-8", "B"))
            h = 'Content-Type: %s; name="%s"\nContent-Disposition: attachment; filename="%s"\n' % (ctype, ew, ew)
            if style == "gmail":
                h += "Content-Transfer-Encoding: base64\nContent-ID: <f_m%s0>\nX-Attachment-Id: f_m%s0\n" % (
                    self.hexs(8), self.hexs(8))
            else:
                h += "Content-Transfer-Encoding: base64\n"
        elif style == "outlook":
            ew = "\n\t".join(encoded_words(fname, "utf-8", "B"))
            h = ('Content-Type: %s;\n\tname="%s"\nContent-Description: %s\nContent-Disposition: attachment;\n'
                 '\tfilename="%s"; size=%d;\n\tcreation-date="%s";\n\tmodification-date="%s"\n'
                 'Content-Transfer-Encoding: base64\n') % (ctype, ew, ew, ew, len(data),
                                                           self.date(self.now(), 0).replace("+0000", "GMT"),
                                                           self.date(self.now(), 0).replace("+0000", "GMT"))
        else:   # thunderbird: RFC 2231 with continuations
            h = ('Content-Type: %s;\n %s\nContent-Disposition: attachment;\n %s\nContent-Transfer-Encoding: base64\n'
                 % (ctype, rfc2231("name", fname, "UTF-8", cont=True), rfc2231("filename", fname, "UTF-8", cont=True)))
        return h.encode() + b"\n" + b64_lines(data)

    # ---- client profiles
    def profile(self):
        return self.r.choices(["gmail", "outlook", "mailru", "yandex", "thunderbird"], [34, 20, 22, 16, 8])[0]

    def charset_for(self, style, lang):
        r = self.r
        if lang != "ru":
            return "UTF-8" if style in ("gmail", "mailru", "thunderbird") else "utf-8"
        if style == "outlook":
            return r.choices(["windows-1251", "koi8-r", "utf-8"], [6, 2, 2])[0]
        if style == "mailru":
            return r.choices(["UTF-8", "koi8-r", "windows-1251"], [6, 2, 1])[0]
        if style == "yandex":
            return r.choices(["utf-8", "koi8-r", "windows-1251"], [5, 2, 2])[0]
        if style == "thunderbird":
            return r.choices(["UTF-8", "windows-1251"], [4, 1])[0]
        return "UTF-8"

    def cte_for(self, style, html_part=False):
        r = self.r
        return {
            "gmail": r.choices(["base64", "quoted-printable"], [6, 4])[0],
            "outlook": "quoted-printable" if not html_part or r.random() < 0.7 else "base64",
            "mailru": "base64",
            "yandex": r.choices(["8bit", "base64", "quoted-printable"], [4, 4, 2])[0],
            "thunderbird": r.choices(["8bit", "quoted-printable"], [7, 3])[0],
        }[style]

    def boundary(self, style):
        r = self.r
        if style == "gmail":
            return "0000000000000" + self.hexs(15)
        if style == "outlook":
            return "_%03d_DB9PR01MB%04d%sDB9PR01MB%04deurp_" % (r.randint(0, 6), r.randint(1000, 9999),
                                                               self.alnum(24, "0123456789ABCDEF"), r.randint(1000, 9999))
        if style == "mailru":
            return "--ALT--%s%d" % (self.alnum(8), 1740000000 + self.clock + r.randint(0, 9))
        if style == "yandex":
            return "----==--bound.%d.sas%d-%s.qloud-c.yandex.net" % (r.randint(10000, 99999), r.randint(1, 9), self.hexs(12))
        return "------------" + self.alnum(24)

    def envelope(self, style, dt, from_hdr, subject_hdr, sender_addr, to=OUR_ADDR, mid=None,
                 extra_headers="", ctype_block=b"", reply_to_id=None, nested=False):
        """Headers for a message from the given client, then its body (ctype_block)."""
        r = self.r
        dom = sender_addr.split("@")[1]
        hdrs = []
        if not nested:
            qid = self.alnum(12, "0123456789BCDFGHJKLMNPQRSTVWXYZbcdfghjklmnpqrstvwxyz")
            hdrs.append("Return-Path: <%s>\n" % sender_addr)
            hdrs.append("Delivered-To: %s\n" % to)
            hdrs.append("Received: from localhost (localhost [127.0.0.1])\n\tby %s (Postfix) with ESMTP id %s\n"
                        "\tfor <%s>; %s\n" % (OUR_MX, qid, to, self.date(dt)))
        if style == "gmail":
            host = "mail-%s%d-f%d.google.com" % (r.choice(["lj1", "lf1", "ed1", "wm1", "ej1"]), r.randint(1, 9), r.randint(40, 199))
            gip = "209.85.%d.%d" % (r.randint(128, 255), r.randint(1, 254))
            mid = mid or "<CA%s%s@mail.gmail.com>" % (self.alnum(2), self.alnum(44, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+_-"))
            if not nested:
                hdrs.append("Authentication-Results: %s;\n\tdkim=pass (2048-bit key; unprotected) header.d=gmail.com "
                            "header.i=@gmail.com header.b=%s;\n\tdkim-atps=neutral\n" % (OUR_MX, self.alnum(8)))
                hdrs.append("Received: from %s (%s [%s])\n\t(using TLSv1.3 with cipher TLS_AES_128_GCM_SHA256 (128/128 bits)\n"
                            "\t key-exchange X25519 server-signature RSA-PSS (2048 bits) server-digest SHA256)\n"
                            "\t(No client certificate requested)\n\tby %s (Postfix) with ESMTPS id %s\n\tfor <%s>; %s\n"
                            % (host, host, gip, OUR_MX, self.alnum(13), to, self.date(dt)))
                hdrs.append("Received: by %s with SMTP id %s-%sso%d.%d\n        for <%s>; %s (PDT)\n"
                            % (host, self.hexs(12), self.hexs(11), r.randint(10 ** 6, 10 ** 8), r.randint(0, 3), to,
                               self.date(dt, -7)))
                hdrs.append(self.dkim("gmail.com", "20230601", "to:subject:message-id:date:from:mime-version:from:to:cc\n"
                                      "         :subject:date:message-id:reply-to"))
                hdrs.append(self.dkim("1e100.net", "20230601", "x-gm-message-state:to:subject:message-id:date:from\n"
                                      "         :mime-version:x-gm-message-state:from:to:cc:subject:date:message-id\n"
                                      "         :reply-to").replace("DKIM-Signature", "X-Google-DKIM-Signature"))
                hdrs.append("X-Gm-Message-State: AOJu0Y%s\n\t%s\n" % (self.alnum(54), self.alnum(40)))
                hdrs.append("X-Google-Smtp-Source: AGHT+IE%s\n" % self.alnum(80))
                hdrs.append("X-Received: by 2002:a05:%s:%s:b0:%s:%s with SMTP id %s-%s.%d.%d;\n        %s (PDT)\n"
                            % (self.hexs(4), self.hexs(3), self.hexs(3), self.hexs(5), self.hexs(12), self.hexs(11),
                               r.randint(1, 99), r.randint(1, 99), self.date(dt, -7)))
            hdrs.append("MIME-Version: 1.0\n")
            hdrs.append("From: %s\n" % from_hdr)
            hdrs.append("Date: %s\n" % self.date(dt))
            if reply_to_id:
                hdrs.append("References: %s\nIn-Reply-To: %s\n" % (reply_to_id, reply_to_id))
            hdrs.append("Message-ID: %s\n" % mid)
            hdrs.append(subject_hdr)
            hdrs.append("To: %s\n" % to)
        elif style == "outlook":
            mid = mid or "<DB9PR01MB%04d%s@DB9PR01MB%04d.eurprd01.prod.exchangelabs.com>" % (
                r.randint(1000, 9999), self.alnum(26, "0123456789ABCDEF"), r.randint(1000, 9999))
            if not nested:
                hdrs.append("Received: from EUR05-AM6-obe.outbound.protection.outlook.com\n\t(mail-am6eur05on20%d.outbound.protection.outlook.com [40.107.22.%d])\n"
                            "\tby %s (Postfix) with ESMTPS id %s\n\tfor <%s>; %s\n"
                            % (r.randint(10, 99), r.randint(1, 254), OUR_MX, self.alnum(13), to, self.date(dt)))
                hdrs.append("ARC-Seal: i=1; a=rsa-sha256; s=arcselector10001; d=microsoft.com; cv=none;\n b=%s\n"
                            % self.fold_sig(self.b64blob(256), 76, " "))
                hdrs.append(self.dkim(dom.replace(".", "") + ".onmicrosoft.com", "selector2-" + dom.replace(".", "-"),
                                      "From:Date:Subject:Message-ID:Content-Type:MIME-Version:X-MS-Exchange-SenderADCheck", " "))
                hdrs.append("Received: from DB9PR01MB%04d.eurprd01.prod.exchangelabs.com\n (2603:10a6:10:2cf::%x) by "
                            "AS8PR01MB%04d.eurprd01.prod.exchangelabs.com\n with Microsoft SMTP Server (version=TLS1_2,\n"
                            " cipher=TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384) id 15.20.8534.%d; %s\n"
                            % (r.randint(1000, 9999), r.randint(1, 255), r.randint(1000, 9999), r.randint(10, 40),
                               self.date(dt, 0)))
            hdrs.append("From: %s\nTo: \"%s\" <%s>\n" % (from_hdr, to, to))
            hdrs.append(subject_hdr)
            hdrs.append(subject_hdr.replace("Subject:", "Thread-Topic:", 1))
            hdrs.append("Thread-Index: AQHb%s==\n" % self.alnum(18))
            hdrs.append("Date: %s\nMessage-ID: %s\n" % (self.date(dt, 0), mid))
            if reply_to_id:
                hdrs.append("References: %s\nIn-Reply-To: %s\n" % (reply_to_id, reply_to_id))
            hdrs.append("Accept-Language: ru-RU, en-US\nContent-Language: ru-RU\nX-MS-Has-Attach: \nX-MS-TNEF-Correlator: \n"
                        "x-ms-publictraffictype: Email\nx-ms-traffictypediagnostic: DB9PR01MB%04d:EE_|AS8PR01MB%04d:EE_\n"
                        "x-ms-exchange-antispam-relay: 0\nx-microsoft-antispam: BCL:0;ARA:13230040|366016|1800799024|376014;\n"
                        "x-microsoft-antispam-message-info:\n %s\n"
                        % (r.randint(1000, 9999), r.randint(1000, 9999), self.fold_sig(self.b64blob(600), 76, " ")))
            hdrs.append("MIME-Version: 1.0\n")
        elif style == "mailru":
            fhost = "f%d.i.mail.ru" % r.randint(100, 999)
            mid = mid or "<%d.%d@%s>" % (1740000000 + self.clock, r.randint(10 ** 8, 10 ** 9), fhost)
            if not nested:
                hdrs.append("Received: from %s (%s [185.30.177.%d])\n\tby %s (Postfix) with ESMTPS id %s\n\tfor <%s>; %s\n"
                            % (fhost, fhost, r.randint(1, 254), OUR_MX, self.alnum(13), to, self.date(dt)))
                hdrs.append(self.dkim("mail.ru", "mail4", "Content-Type:Message-ID:Reply-To:Date:MIME-Version:Subject:To:From:\n"
                                      "\tFrom:Subject:Content-Type:Content-Transfer-Encoding:To:Cc", "\t"))
                hdrs.append("Received: by %s with local (envelope-from <%s>)\n\tid 1t%s-%s-%s\n\tfor %s; %s\n"
                            % (fhost, sender_addr, self.alnum(4), self.alnum(14), self.alnum(4), to, self.date(dt, 3)))
                hdrs.append("Received: by e.mail.ru with HTTP;\n\t%s\n" % self.date(dt, 3))
            hdrs.append("From: %s\nTo: %s\n" % (from_hdr, to))
            hdrs.append(subject_hdr)
            hdrs.append("MIME-Version: 1.0\nX-Mailer: Mail.Ru Mailer 1.0\nX-SenderIP: %s\nDate: %s\n"
                        % (self.ip(), self.date(dt, 3)))
            hdrs.append("Reply-To: %s\nX-Priority: 3 (Normal)\nMessage-ID: %s\n" % (from_hdr, mid))
            if reply_to_id:
                hdrs.append("In-Reply-To: %s\nReferences: %s\n" % (reply_to_id, reply_to_id))
            if not nested:
                hdrs.append("X-7564579A: 646B95376F6C166E\nX-77F55803: 4F1203BC0FB41BD9%s\nX-Mailru-Sender: %s\nX-Mras: Ok\n"
                            % (self.hexs(40).upper(), self.hexs(60).upper()))
        elif style == "yandex":
            fwd = "forward%d%s.mail.yandex.net" % (r.randint(100, 599), r.choice("abcd"))
            smtp = "mail-nwsmtp-smtp-production-main-%d.%s.yp-c.yandex.net" % (r.randint(1, 99), r.choice(["sas", "vla", "klg", "myt"]))
            mid = mid or "<%d%d@mail.yandex.%s>" % (r.randint(10 ** 5, 10 ** 6), 1740000000 + self.clock, r.choice(["ru", "kz"]))
            if not nested:
                hdrs.append("Received: from %s (%s [178.154.239.%d])\n\tby %s (Postfix) with ESMTPS id %s\n\tfor <%s>; %s\n"
                            % (fwd, fwd, r.randint(1, 254), OUR_MX, self.alnum(13), to, self.date(dt)))
                hdrs.append("Received: from %s (%s [IPv6:2a02:6b8:c08:%s::1:%x])\n\tby %s (Yandex) with ESMTPS id %s\n"
                            "\tfor <%s>; %s\n" % (smtp, smtp, self.hexs(4), r.randint(1, 255), fwd, self.alnum(12), to,
                                                  self.date(dt, 3)))
                hdrs.append("Received: by %s (smtp/Yandex) with ESMTPSA id %s-%s;\n\t%s\nX-Yandex-Fwd: 1\n"
                            % (smtp, self.alnum(12), self.alnum(8), self.date(dt, 3)))
                hdrs.append(self.dkim(dom, "mail", "From:To:Subject:Message-Id:Date", "\t"))
            hdrs.append("From: %s\nTo: %s\n" % (from_hdr, to))
            hdrs.append(subject_hdr)
            if reply_to_id:
                hdrs.append("In-Reply-To: %s\nReferences: %s\n" % (reply_to_id, reply_to_id))
            hdrs.append("MIME-Version: 1.0\nX-Mailer: Yandex Mail\nMessage-Id: %s\nDate: %s\n" % (mid, self.date(dt, 5)))
        else:   # thunderbird via the sender's own Postfix
            mid = mid or "<%s-%s-%s-%s-%s@%s>" % (self.hexs(8), self.hexs(4), self.hexs(4), self.hexs(4), self.hexs(12), dom)
            if not nested:
                hdrs.append("Received: from mail.%s (mail.%s [%s])\n\tby %s (Postfix) with ESMTPS id %s\n\tfor <%s>; %s\n"
                            % (dom, dom, self.ip(), OUR_MX, self.alnum(13), to, self.date(dt)))
                hdrs.append("Received: from [192.168.%d.%d] (unknown [%s])\n\t(Authenticated sender: %s)\n"
                            "\tby mail.%s (Postfix) with ESMTPSA id %s\n\tfor <%s>; %s\n"
                            % (r.randint(0, 9), r.randint(2, 250), self.ip(), sender_addr, dom, self.alnum(11), to,
                               self.date(dt)))
                hdrs.append(self.dkim(dom, "default", "Date:From:To:Subject:From", "\t"))
            hdrs.append("Message-ID: %s\nDate: %s\nMIME-Version: 1.0\n" % (mid, self.date(dt)))
            hdrs.append("User-Agent: Mozilla Thunderbird\nContent-Language: %s\n" % r.choice(["ru", "kk", "en-US"]))
            if reply_to_id:
                hdrs.append("References: %s\nIn-Reply-To: %s\n" % (reply_to_id, reply_to_id))
            hdrs.append("To: %s\nFrom: %s\n" % (to, from_hdr))
            hdrs.append(subject_hdr)
        hdrs.append(extra_headers)
        return "".join(hdrs).encode() + ctype_block, mid

    def sender(self, style, lang):
        r = self.r
        name, lat = self.person(lang)
        tail = r.choice(["", str(r.randint(1, 99)), str(r.randint(1970, 2006))])
        if style == "gmail":
            address = "%s%s@gmail.com" % (lat, tail)
        elif style == "outlook":
            address = r.choice(["%s@%s" % (lat, r.choice(ORGS)[2]), "%s%s@outlook.com" % (lat, tail),
                                "%s@sko.edu.kz" % lat, "%s%s@hotmail.com" % (lat.replace(".", "_"), tail)])
        elif style == "mailru":
            address = "%s%s@%s" % (lat.replace(".", "_"), tail, r.choice(["mail.ru", "mail.ru", "inbox.ru", "list.ru", "bk.ru", "mail.kz"]))
        elif style == "yandex":
            address = "%s%s@%s" % (lat.replace(".", "-"), tail, r.choice(["yandex.ru", "yandex.kz", "ya.ru"]))
        else:
            address = "%s@%s" % (lat.split(".")[0], r.choice(ORGS)[2])
        return name, address

    def hdr_charset(self, style, body_charset):
        # Outlook and Yandex encode headers in the body charset; the webmails use UTF-8.
        if style in ("outlook", "yandex") and body_charset.lower() in ("koi8-r", "windows-1251"):
            return body_charset
        return "UTF-8" if style != "yandex" else "utf-8"

    # ---- message kinds
    def body_block(self, style, lang, paras, charset, alt, quoted=None):
        """text/plain or multipart/alternative carrying paras."""
        plain = self.to_plain(paras, wrap=style not in ("mailru",))
        if quoted is not None:
            plain += "\n" + self.to_plain(quoted, quote=True)
        fmt = "; format=flowed" if style == "thunderbird" and self.r.random() < 0.5 else ""
        if charset.lower() == "koi8-r":
            plain = plain.translate(KOI8_FIX)
        tp = self.text_part("text/plain", plain, charset, self.cte_for(style), fmt)
        if not alt:
            return tp
        h = self.to_html(paras, style, quoted).replace("{cs}", charset)
        if charset.lower() == "koi8-r":
            h = h.translate(KOI8_FIX)
        hp = self.text_part("text/html", h, charset, self.cte_for(style, True))
        return self.multipart("alternative", [tp, hp], self.boundary(style))

    def application(self, style=None, lang=None, att_cap=3 * MIB, force_attach=None, nested=False,
                    kind=None, quoted=None, reply_to_id=None):
        r = self.r
        style = style or self.profile()
        lang = lang or r.choices(["kk", "ru", "bi"], [40, 45, 15])[0]
        name, address = self.sender(style, lang)
        city = self.city(lang)
        charset = self.charset_for(style, lang)
        hcs = self.hdr_charset(style, charset)
        subj_lang = "kk" if lang == "kk" else ("ru" if lang == "ru" or r.random() < 0.5 else "kk")
        subj = r.choice(KK_SUBJECTS if subj_lang == "kk" else RU_SUBJECTS).format(name=name, city=city)
        if hcs.lower() == "koi8-r":
            subj = subj.translate(KOI8_FIX)
        if quoted is not None:
            subj = ("Re: " if style != "outlook" else "RE: ") + subj
        qmode = "Q" if style == "outlook" and r.random() < 0.4 else "B"
        subject_hdr = hdr_text("Subject", subj, hcs, qmode)
        from_hdr = addr(name if hcs.lower() != "koi8-r" else name.translate(KOI8_FIX), address, hcs, "B")
        paras = self.application_text(lang, name, city, "application" if quoted is None else "reply")
        alt = style in ("gmail", "outlook", "mailru") and r.random() < 0.85 or (style == "yandex" and r.random() < 0.4)
        block = self.body_block(style, lang, paras, charset, alt, quoted)
        kind = kind or r.choices(["plain", "attach", "related"], [38, 58, 4])[0]
        if force_attach is not None:
            kind = "attach" if force_attach else "plain"
        if kind == "related" and style == "gmail":
            img = (b'Content-Type: image/png; name="image.png"\nContent-Disposition: inline; filename="image.png"\n'
                   b"Content-Transfer-Encoding: base64\nContent-ID: <ii_m" + self.hexs(8).encode() + b">\n\n" +
                   b64_lines(b"\x89PNG\r\n\x1a\n" + r.randbytes(r.randint(8_000, 120_000))))
            block = self.multipart("related", [block, img], self.boundary(style))
        elif kind in ("attach", "related"):
            n = r.choices([1, 2, 3, 4], [60, 25, 10, 5])[0]
            atts = [self.attachment(style, lang if lang != "bi" else r.choice(["kk", "ru"]), name, city, att_cap)
                    for _ in range(n)]
            block = self.multipart("mixed", [block] + atts, self.boundary(style), preamble=style in ("outlook", "thunderbird"))
        msg, mid = self.envelope(style, self.now(), from_hdr, subject_hdr, address, ctype_block=block,
                                 reply_to_id=reply_to_id, nested=nested)
        return msg, subj, name, address, mid

    def our_notice(self, to_addr, lang):
        """A notice sent by volunteer@mki.gov.kz (appears inside bounces and as quoted text)."""
        paras = (["Құрметті өтініш беруші!", "Сіздің өтінішіңіз алынды және 5 (бес) жұмыс күні ішінде қаралады.",
                  "Бұл хат автоматты түрде жіберілді."] if lang == "kk" else
                 ["Уважаемый заявитель!", "Ваша заявка получена и будет рассмотрена в течение 5 (пяти) рабочих дней.",
                  "Это письмо отправлено автоматически."])
        return paras

    def reply(self):
        r = self.r
        lang = r.choice(["kk", "ru"])
        theirs = "<%s.%s@mki.gov.kz>" % (self.hexs(16), self.hexs(8))
        return self.application(lang=lang, quoted=self.our_notice(None, lang), reply_to_id=theirs, kind="plain")[0]

    def forward(self, depth):
        r = self.r
        style = r.choice(["outlook", "thunderbird", "mailru", "yandex"])
        lang = r.choice(["kk", "ru"])
        if depth > 1:
            inner = self.forward(depth - 1)
            isubj = "Fwd: ..."
        else:
            inner, isubj, _, _, _ = self.application(att_cap=600_000, nested=False)
        name, address = self.sender(style, lang)
        org = r.choice(ORGS)[0 if lang == "kk" else 1]
        paras = ([r.choice(["Құрметті әріптестер!", "Сәлеметсіз бе!"]),
                  "Волонтерлік қызметті есепке алу тізіліміне қосу туралы өтінішті қарауға жолдаймын.",
                  "Құрметпен,\n%s\n%s" % (name, org)] if lang == "kk" else
                 [r.choice(["Коллеги, добрый день!", "Здравствуйте!"]),
                  "Направляю для рассмотрения заявку на включение в реестр, поступившую к нам по ошибке.",
                  "С уважением,\n%s\n%s" % (name, org)])
        charset = "utf-8" if lang == "kk" or style != "outlook" else "windows-1251"
        body = self.body_block(style, lang, paras, charset, alt=r.random() < 0.5)
        fname = ("Өтініш.eml" if lang == "kk" else "Заявка.eml")
        rfc = (b"Content-Type: message/rfc822" +
               ((';\n name="%s"' % encoded_words(fname, "utf-8", "B")[0]).encode() if r.random() < 0.6 else b"") +
               b"\nContent-Disposition: " + (b"attachment" if r.random() < 0.7 else b"inline") + b"\n\n" + inner)
        block = self.multipart("mixed", [body, rfc], self.boundary(style), preamble=style == "outlook")
        subj = ("Fwd: " if style != "outlook" else "FW: ") + (isubj if depth == 1 else "Өтініш")
        msg, _ = self.envelope(style, self.now(), addr(name, address), hdr_text("Subject", subj), address,
                               ctype_block=block)
        return msg

    def autoreply(self):
        r = self.r
        style = r.choice(["outlook", "outlook", "mailru", "yandex"])
        lang = r.choice(["kk", "ru", "ru"])
        name, address = self.sender(style, lang)
        until = (self.t0 + datetime.timedelta(days=r.randint(20, 200))).strftime("%d.%m.%Y")
        if lang == "kk":
            paras = ["Сәлеметсіз бе!", "Мен %s дейін демалыстамын. Шұғыл мәселелер бойынша жастар ресурстық "
                                       "орталығына хабарласыңыз." % until, "Құрметпен,\n" + name]
            subj = "Автоматты жауап: Сіздің өтінішіңіз алынды"
        else:
            paras = ["Здравствуйте!", "Я в отпуске до %s. По срочным вопросам обращайтесь в молодежный ресурсный центр."
                     % until, "С уважением,\n" + name]
            subj = r.choice(["Автоматический ответ: Ваша заявка получена", "Автоответ: Ваша заявка получена"])
        charset = "utf-8" if lang == "kk" else self.charset_for(style, lang)
        if charset.lower() == "koi8-r":
            subj = subj.translate(KOI8_FIX)
        block = self.body_block(style, lang, paras, charset, alt=style == "outlook")
        extra = "Auto-Submitted: auto-replied\nX-Auto-Response-Suppress: All\nPrecedence: bulk\n"
        if style == "outlook":
            extra += "X-MS-Exchange-Inbox-Rules-Loop: %s\n" % address
        msg, _ = self.envelope(style, self.now(), addr(name, address, self.hdr_charset(style, charset)),
                               hdr_text("Subject", subj, self.hdr_charset(style, charset)), address,
                               extra_headers=extra, ctype_block=block,
                               reply_to_id="<%s@mki.gov.kz>" % self.hexs(20))
        return msg

    def bounce(self):
        r = self.r
        lang = r.choice(["kk", "ru"])
        dt = self.now()
        rcpt = "%s%d@%s" % (r.choice(PEOPLE)[2], r.randint(1, 99), r.choice(["mail.ru", "gmail.com", "inbox.ru", "yandex.kz"]))
        # The notice that bounced.
        notice_body = self.text_part("text/plain", self.to_plain(self.our_notice(rcpt, lang)), "utf-8", "base64")
        notice_mid = "<%s.%s@mki.gov.kz>" % (self.hexs(16), self.hexs(8))
        subj = "Өтінішіңіз алынды" if lang == "kk" else "Ваша заявка получена"
        notice = ("Received: by mail.mki.gov.kz (Postfix, from userid 998)\n\tid %s; %s\nFrom: %s\nTo: %s\n%s"
                  "Date: %s\nMessage-ID: %s\nMIME-Version: 1.0\nAuto-Submitted: auto-generated\n"
                  % (self.alnum(12), self.date(dt), addr("ҚР МАМ Азаматтық қоғам істері комитеті", OUR_ADDR), rcpt,
                     hdr_text("Subject", subj), self.date(dt), notice_mid)).encode() + notice_body
        status, diag = r.choice([("5.1.1", "550 5.1.1 <%s>: Recipient address rejected: User unknown"),
                                 ("5.2.2", "552 5.2.2 <%s>: mailbox is full"),
                                 ("5.7.1", "550 5.7.1 <%s>: Message rejected as spam"),
                                 ("4.4.1", "421 4.4.1 <%s>: Connection timed out")])
        diag = diag % rcpt
        remote = {"mail.ru": "mxs.mail.ru", "gmail.com": "gmail-smtp-in.l.google.com", "inbox.ru": "mxs.mail.ru",
                  "yandex.kz": "mx.yandex.ru"}[rcpt.split("@")[1]]
        text = ("This is the mail system at host %s.\n\nI'm sorry to have to inform you that your message could not\n"
                "be delivered to one or more recipients. It's attached below.\n\nFor further assistance, please send mail to postmaster.\n\n"
                "If you do so, please include this problem report. You can\ndelete your own text from the attached returned message.\n\n"
                "                   The mail system\n\n<%s>: host %s[94.100.180.%d] said:\n    %s (in reply to RCPT TO command)\n"
                % (OUR_MX, rcpt, remote, r.randint(1, 254), diag))
        p1 = ("Content-Description: Notification\nContent-Type: text/plain; charset=us-ascii\n\n" + text).encode()
        p2 = ("Content-Description: Delivery report\nContent-Type: message/delivery-status\n\n"
              "Reporting-MTA: dns; %s\nX-Postfix-Queue-ID: %s\nX-Postfix-Sender: rfc822; %s\nArrival-Date: %s\n\n"
              "Final-Recipient: rfc822; %s\nOriginal-Recipient: rfc822;%s\nAction: %s\nStatus: %s\n"
              "Remote-MTA: dns; %s\nDiagnostic-Code: smtp; %s\n"
              % (OUR_MX, self.alnum(12), OUR_ADDR, self.date(dt), rcpt, rcpt,
                 "delayed" if status.startswith("4") else "failed", status, remote, diag)).encode()
        if r.random() < 0.7:
            p3 = b"Content-Description: Undelivered Message\nContent-Type: message/rfc822\n\n" + notice
        else:
            p3 = (b"Content-Description: Undelivered Message Headers\nContent-Type: text/rfc822-headers\n\n" +
                  notice.split(b"\n\n", 1)[0] + b"\n")
        b = "%s.%d/%s" % (self.alnum(12), 1740000000 + self.clock, OUR_MX)
        block = self.multipart("report", [p1, p2, p3], b, preamble=False, extra="; report-type=delivery-status")
        qid = self.alnum(12)
        hdrs = ("Return-Path: <>\nDelivered-To: %s\nReceived: by %s (Postfix)\n\tid %s; %s\n"
                "Date: %s\nFrom: MAILER-DAEMON@%s (Mail Delivery System)\nSubject: %s\nTo: %s\n"
                "Auto-Submitted: auto-replied\nMIME-Version: 1.0\nMessage-Id: <%s@%s>\n"
                % (OUR_ADDR, OUR_MX, qid, self.date(dt), self.date(dt), OUR_MX,
                   "Delayed Mail (still being retried)" if status.startswith("4") else "Undelivered Mail Returned to Sender",
                   OUR_ADDR, self.alnum(16), OUR_MX))
        return hdrs.encode() + block

    def message(self):
        kind = self.r.choices(["application", "reply", "forward", "forward2", "autoreply", "bounce"],
                              [75, 6, 8, 3, 5, 3])[0]
        if kind == "application":
            return kind, self.application()[0]
        if kind == "reply":
            return kind, self.reply()
        if kind == "forward":
            return kind, self.forward(1)
        if kind == "forward2":
            return kind, self.forward(2)
        if kind == "autoreply":
            return kind, self.autoreply()
        return kind, self.bounce()

    def big(self, size):
        """One message of about `size` bytes: an application with one big scanned-PDF attachment."""
        r = self.r
        name, address = self.sender("gmail", "kk")
        city = self.city("kk")
        paras = self.application_text("kk", name, city)
        block = self.body_block("gmail", "kk", paras, "UTF-8", alt=True)
        raw = max(1, (size - 16384) * 57 // 78)
        data = self.binary("pdf", raw)
        fname = "Волонтерлер_тізімі_скан_%s.pdf" % city
        ew = " ".join(encoded_words(fname, "UTF-8", "B"))
        att = (('Content-Type: application/pdf; name="%s"\nContent-Disposition: attachment; filename="%s"\n'
                'Content-Transfer-Encoding: base64\nContent-ID: <f_m%s0>\nX-Attachment-Id: f_m%s0\n\n')
               % (ew, ew, self.hexs(8), self.hexs(8))).encode() + b64_lines(data)
        block = self.multipart("mixed", [block, att], self.boundary("gmail"))
        msg, _ = self.envelope("gmail", self.now(), addr(name, address),
                               hdr_text("Subject", "Волонтерлер тізімі (скан), %s" % city), address, ctype_block=block)
        return msg


def write(path, data, crlf):
    if crlf:
        data = data.replace(b"\n", b"\r\n")
    with open(path, "wb") as f:
        f.write(data)
    return len(data)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", default="Benchmarks/corpus", help="corpus folder (default %(default)s)")
    ap.add_argument("--size-mb", type=float, default=300, help="corpus size in MiB (default %(default)s; 0: none)")
    ap.add_argument("--seed", type=int, default=20250331, help="random seed (default %(default)s)")
    ap.add_argument("--big-mb", type=float, default=0, help="also write one message of this many MiB")
    ap.add_argument("--big-out", default=None, help="folder for the big message (default: OUT-big)")
    ap.add_argument("--lf-share", type=float, default=0.12, help="share of messages with bare LF line ends")
    a = ap.parse_args()

    if a.size_mb > 0:
        os.makedirs(a.out, exist_ok=True)
        c = Corpus(a.seed)
        target = int(a.size_mb * MIB)
        total = n = 0
        kinds = {}
        lf = 0
        while total < target:
            kind, data = c.message()
            crlf = c.r.random() >= a.lf_share
            lf += not crlf
            n += 1
            kinds[kind] = kinds.get(kind, 0) + 1
            total += write(os.path.join(a.out, "%06d.eml" % n), data, crlf)
        print("corpus: %d messages, %.1f MiB in %s (%s; %d with LF line ends)" % (
            n, total / MIB, a.out, ", ".join("%s %d" % kv for kv in sorted(kinds.items())), lf))
    if a.big_mb > 0:
        out = a.big_out or (a.out.rstrip("/") + "-big")
        os.makedirs(out, exist_ok=True)
        c = Corpus(a.seed + 1)
        name = "big-%gmb.eml" % a.big_mb
        size = write(os.path.join(out, name), c.big(int(a.big_mb * MIB)), True)
        print("big message: %s/%s, %.1f MiB" % (out, name, size / MIB))


if __name__ == "__main__":
    main()
