#!/usr/bin/python3
"""Writes 32 sample messages into the Maildir `maildir-samples/` at the repository root, and the expected
extraction results into `samples-expected.json` next to this script.

    /usr/bin/python3 Tests/MIMETests/Fixtures/make-samples.py [MAILDIR]

Deterministic (no clock, no randomness): the same bytes every run. Uses the helpers, invented people and
IIN/BIN code of make-fixtures.py and the document builders of samplegen.py next to it; reads nothing else.
All content is embedded here (paraphrasing the Rules' Annex 2 forms and the programmes and actions
registered under them); all people and organisations are invented; IINs/BINs have valid check digits
except one coordinator's, which is deliberately wrong.

Attachments are real documents: DOCX (WordprocessingML tables, underlined kind, X/☒ marks, automatic
numbering, legacy FORMCHECKBOX fields), ODT (table:table, automatic underline style), a Word 97 .doc
(OLE2 with a piece table), image-only JPEG and PDF scans, a windows-1251 .txt.

Files are stored with LF line ends, as Postfix's local delivery and Dovecot write a Maildir;
`S=` is the file size in bytes. Seen messages go to cur/ with `:2,S`. tmp/ is left empty; the script
removes only the files it wrote before (`*.tizilim-sample*`).

samples-expected.json: one object per file (see `exp()` below for the conventions).
"""

import importlib.util
import json
import sys
import urllib.parse
from pathlib import Path

HERE = Path(__file__).resolve().parent
_spec = importlib.util.spec_from_file_location("fixtures", HERE / "make-fixtures.py")
F = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(F)
sys.path.insert(0, str(HERE))
import samplegen as G  # noqa: E402

P, ORG, MAILBOX = F.P, F.ORG, F.MAILBOX
ew_b, ew_q, b64_lines, qp_lines, text_lines, raw = F.ew_b, F.ew_q, F.b64_lines, F.qp_lines, F.text_lines, F.raw
fold_words, html_of = F.fold_words, F.html_of

EOL = b"\n"
HOST = "tizilim-sample"
DOCX_CT = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
ODT_CT = "application/vnd.oasis.opendocument.text"

# ------------------------------------------------------------------------------------------------
# More invented people and organisations (make-fixtures.py has the first ten)
# ------------------------------------------------------------------------------------------------

NP = {
    "asem": dict(kk="Қалиева Әсем Нұрланқызы", short="Әсем Қалиева", birth="1999-07-21", female=True, serial=3318,
                 city="Қарағанды облысы, Теміртау қаласы", phone="+7 776 555 41 07",
                 email="asem.kaliyeva99@gmail.com"),
    "olga": dict(ru="Сергеева Ольга Викторовна", short="Ольга Сергеева", birth="1990-02-14", female=True,
                 serial=4021, city="г. Усть-Каменогорск", phone="+7 705 555 17 29",
                 email="o.sergeeva@oskemen-eriktileri.example.kz"),
    "bauyrzhan": dict(kk="Төлеуов Бауыржан Серікұлы", short="Бауыржан Төлеуов", birth="1984-10-02", female=False,
                      serial=5237, city="Қызылорда қаласы", phone="+7 707 555 90 12",
                      email="bauyrzhan.toleuov84@gmail.com"),
    "irina": dict(ru="Нестеренко Ирина Павловна", short="Ирина Нестеренко", birth="1982-12-03", female=True,
                  serial=6140, city="г. Петропавловск", phone="+7 777 555 31 90", email="cpgi.petropavl@mail.ru"),
    "anna": dict(ru="Ткаченко Анна Сергеевна", short="Анна Ткаченко", birth="2000-03-30", female=True, serial=1733,
                 city="г. Актобе", phone="+7 778 555 64 20", email="anna.tkachenko2000@yandex.kz"),
    "ruslan": dict(ru="Исмаилов Руслан Фаридович", short="Руслан Исмаилов", birth="1993-08-17", female=False,
                   serial=2864, city="г. Атырау", phone="+7 701 555 83 36", email="r.ismailov93@gmail.com"),
    "zhanar": dict(ru="Омарова Жанар Ерлановна", short="Жанар Омарова", birth="1997-05-05", female=True,
                   serial=3905, city="г. Кокшетау", phone="+7 776 555 02 81", email="zhanar.omarova97@outlook.com"),
    "daniyar": dict(ru="Мухамеджанов Данияр Ерикович", short="Данияр Мухамеджанов", birth="1998-04-25",
                    female=False, serial=4476, city="г. Тараз", phone="+7 702 555 58 14",
                    email="daniyar.mukhamedzhanov@mail.ru"),
    "aizhan": dict(ru="Мухамеджанова Айжан Ериковна", short="Айжан Мухамеджанова", birth="2001-09-09",
                   female=True, serial=4590, city="г. Тараз", phone="+7 747 555 58 15",
                   email="aizhan.mukhamedzhanova01@mail.ru"),
    "kairat": dict(kk="Нұрмағанбетов Қайрат Әбілқасымұлы", short="Қайрат Нұрмағанбетов", birth="1962-01-18",
                   female=False, serial=1107, city="Ұлытау облысы, Жезқазған қаласы", phone="+7 702 555 48 15",
                   email="kairat.nurmaganbetov62@mail.ru"),
    "elena": dict(ru="Литвиненко Елена Игоревна", short="Елена Литвиненко", birth="1987-06-28", female=True,
                  serial=5812, city="г. Павлодар", phone="+7 700 555 26 73", email="e.litvinenko87@yandex.kz"),
    "erasyl": dict(kk="Мұратов Ерасыл Қанатұлы", short="Ерасыл Мұратов", birth="2002-11-14", female=False,
                   serial=6671, city="Маңғыстау облысы, Ақтау қаласы", phone="+7 747 555 70 38",
                   email="erasyl.muratov02@gmail.com"),
    "maxim": dict(ru="Гончаренко Максим Андреевич", short="Максим Гончаренко", birth="2006-05-11", female=False,
                  serial=7024, city="г. Алматы, Бостандыкский район", phone="+7 705 555 12 90",
                  email="max.goncharenko06@gmail.com"),
}
for v in NP.values():
    v["iin"] = F.make_iin(v["birth"], v["female"], v["serial"])
    assert F.is_valid_iin(v["iin"])
for v in list(P.values()):
    assert F.is_valid_iin(v["iin"])

SHAPAGAT = dict(kk="«Шапағат» жастар волонтерлік қоғамдық бірлестігі", reg="2018-05-11",
                bin=F.make_bin("1805", 21093), head="Жақсылықова Гүлмира Ерболқызы", volunteers=37,
                phone="+7 701 555 27 44", email="shapagat.turkistan@gmail.com", insta="@shapagat_turkistan")
CPGI = dict(ru="КГУ «Центр поддержки гражданских инициатив» акимата города Петропавловска", reg="2016-02-09",
            bin=F.make_bin("1602", 11873), site="cpgi-petropavl.example.kz")
SEMEY = dict(ru="Общественное объединение «Добрые руки Семей»", reg="2022-08-03",
             head="Ибраева Сауле Кайратовна", volunteers=28, phone="+7 705 555 14 63",
             email="dobrye.ruki.semey@mail.ru")
for o in (SHAPAGAT, CPGI):
    assert F.is_valid_iin(o["bin"])

# The 13 activity types, roles and convenient times (Annex 2; Kazakh shortened from the Rules, Russian
# after Article 5 of the Law "On volunteer activity").
KK_TYPES = [
    "әлеуметтік қызмет көрсетуге, әлеуметтік қорғалмаған тұрғындарға, өмірлік қиын жағдайға қалған балаларға "
    "көмек көрсетуге қатысу",
    "қарттарға, мүгедектігі бар адамдарға әлеуметтік қызмет көрсету, ортаның қолжетімділігін ұйымдастыру, жетім "
    "балаларды әлеуметтік бейімдеу жөніндегі жұмысқа жәрдемдесу",
    "дүлей зілзалалар, апаттар салдарынан зардап шеккен адамдарға, құқық бұзушылықтар құрбандарына, босқындарға "
    "көмек көрсетуге қатысу",
    "орталық және жергілікті атқарушы органдарына төтенше жағдайлардың алдын алу және салдарларын жоюға жәрдем "
    "көрсету",
    "хабарсыз кеткен адамдарды, Ұлы Отан соғысы мен оқшау соғыстарға қатысушылардың сүйектерін іздеуге қатысу",
    "қоршаған ортаны қорғауға және сақтауға, аумақтарды абаттандыруға қатысу",
    "тарихи және мәдени мұраны сақтау, тарихи-мәдени мекендеу ортасын қалпына келтіруге қатысу",
    "білім беруді, ғылымды, мәдениетті дамытуға, білімді танымал етуге, инновацияларды дамытуға қатысу",
    "дене шынықтыруды, спорт пен белсенді демалысты дамыту мен танымал етуге, спорттық іс-шараларды өткізуге "
    "қатысу",
    "саламатты өмір салтын насихаттау, әлеуметтік мәні бар аурулардың профилактикасы",
    "мәдени, бұқаралық іс-шараларды, волонтерлік лагерьлерді ұйымдастыруға, археологиялық қазбаларға, жазғы "
    "сауықтыру лагерьлерінің жұмысына, конгресс-көрме қызметіне қатысу",
    "халықтар арасындағы татулықты, достық пен келісімді нығайтуға, ұлтаралық, діни шиеленістерді болғызбауға "
    "қатысу",
    "волонтерлік қызметтің заңнамаға қайшы келмейтін өзге де түрлері (нақты түрін көрсетіңіз)",
]
RU_TYPES = [
    "участие в оказании социальных услуг, помощи социально незащищенным слоям населения, детям, оказавшимся в "
    "трудной жизненной ситуации",
    "содействие в социальном обслуживании пожилых и лиц с инвалидностью, обеспечении доступности среды, социальной "
    "адаптации детей-сирот и детей, оставшихся без попечения родителей",
    "участие в оказании помощи пострадавшим от стихийных бедствий, катастроф, несчастных случаев, жертвам "
    "правонарушений, беженцам и вынужденным переселенцам",
    "содействие центральным и местным исполнительным органам в предупреждении и ликвидации чрезвычайных ситуаций",
    "участие в поиске пропавших без вести лиц, останков участников Великой Отечественной войны и локальных войн",
    "участие в охране и защите окружающей среды, благоустройстве территорий",
    "участие в сохранении историко-культурного наследия, восстановлении историко-культурной среды обитания",
    "участие в развитии образования, науки, культуры, популяризации знаний, развитии инноваций",
    "участие в развитии и популяризации физической культуры, спорта и активного отдыха, проведении спортивных "
    "мероприятий",
    "пропаганда здорового образа жизни, профилактика социально значимых заболеваний",
    "участие в организации культурно-массовых мероприятий, волонтерских лагерей, археологических раскопок, летних "
    "оздоровительных лагерей для детей с ограниченными возможностями, конгрессно-выставочной деятельности",
    "участие в укреплении мира, дружбы и согласия между народами, предотвращении межнациональных и "
    "межконфессиональных конфликтов",
    "иные виды волонтерской деятельности, не противоречащие законодательству Республики Казахстан (укажите)",
]
KK_ROLES = ["өз саласында кәсіпқой маман", "басшы/көшбасшы", "менеджер", "жаттықтырушы/оқытушы", "логистик", "хатшы"]
RU_ROLES = ["профессионал в своей сфере", "руководитель/лидер", "менеджер", "тренер/преподаватель", "логист",
            "секретарь"]
KK_TIMES = ["еңбек демалысы/каникул уақытында", "мереке күндері", "жазғы уақытта", "басқа уақытта"]
RU_TIMES = ["во время отпуска/каникул", "в праздничные дни", "в летнее время", "в другое время"]
KK_KINDS = ["волонтер", "волонтерлер тобы", "волонтерлер ұйымдары", "волонтерлер қызметін үйлестіруші",
            "ұйымдастырушы"]
RU_KINDS = ["волонтер", "группа волонтеров", "волонтерские организации", "координатор волонтеров",
            "организатор волонтерской деятельности"]
KIND_INDEX = dict(volunteer=0, group=1, organization=2, coordinator=3, organizer=4)


def phone(s):
    d = "".join(c for c in s if c.isdigit())
    return "+7" + d[-10:]


def kind_runs(lang, kind, with_u=True):
    """The application's kind line: all five kinds listed, the chosen one underlined."""
    kinds = KK_KINDS if lang == "kk" else RU_KINDS
    runs = ["("]
    for i, k in enumerate(kinds):
        runs.append((k, {"u": 1}) if (with_u and i == KIND_INDEX[kind]) else k)
        runs.append(", " if i < len(kinds) - 2 else (" және " if lang == "kk" and i == len(kinds) - 2 else
                                                      (" и " if i == len(kinds) - 2 else ")")))
    return runs


def application_blocks(lang, kind, name, ph, mail, date_text, consent=True):
    """Annex 2 'application for inclusion' as document blocks."""
    if lang == "kk":
        blocks = [("p", "Қазақстан Республикасы Мәдениет және ақпарат министрлігі"),
                  ("h", "Волонтерлік қызметті есепке алу тізіліміне қосу туралы арыз"),
                  ("p", [(name, {"b": 1}), " волонтерлік қызметті есепке алу тізіліміне қосуды сұраймын "]
                   + kind_runs(lang, kind) + ["."])]
        if consent:
            blocks.append(("p", "Волонтерлік қызметті есепке алу тізіліміне қосу үшін қажетті заңмен қорғалатын "
                                "құпияны құрайтын менің дербес мәліметтерімді жинауға және өңдеуге келісім беремін."))
        blocks += [("p", "Анық емес мәліметтер мен қолдан жасалған құжаттарды ұсынғаны үшін жауаптылық туралы "
                         "ескертілді."),
                   ("p", ["Байланыс телефоны: ", ph]), ("p", ["Электрондық пошта: ", mail]),
                   ("p", ["Толтырылған күні: ", date_text]), ("p", ["Қолы ________ ", name])]
    else:
        blocks = [("p", "Министерство культуры и информации Республики Казахстан"),
                  ("h", "Заявление о включении в реестр учета волонтерской деятельности"),
                  ("p", [(name, {"b": 1}), " просит включить в реестр учета волонтерской деятельности "]
                   + kind_runs(lang, kind) + ["."])]
        if consent:
            blocks.append(("p", "Даю согласие на сбор и обработку моих персональных данных, составляющих охраняемую "
                                "законом тайну, необходимых для включения в реестр учета волонтерской деятельности."))
        blocks += [("p", "Об ответственности за представление недостоверных сведений и поддельных документов "
                         "предупрежден(а)."),
                   ("p", ["Контактный телефон: ", ph]), ("p", ["Электронная почта: ", mail]),
                   ("p", ["Дата заполнения: ", date_text]), ("p", ["Подпись ________ ", name])]
    return blocks


def delivered(ret, qid, date, helo, ip):
    """What the LDA and the MX put on top of every delivered message."""
    return [f"Return-Path: {ret}", f"Delivered-To: {MAILBOX}"] + F.mx_received(helo, ip, qid, date)


def attachment(b, ctype, fname, data, ew=False, extra=()):
    """An attachment part: RFC 2231 filename* (or RFC 2047 in quotes when ew=True, as Outlook/Gmail do)."""
    if ew:
        enc = " ".join(ew_b(fname))
        lines = [f"--{b}", f'Content-Type: {ctype}; name="{enc}"', "Content-Disposition: attachment;",
                 f'\tfilename="{enc}"']
    else:
        q = urllib.parse.quote(fname.encode("utf-8"), safe="")
        lines = [f"--{b}", f"Content-Type: {ctype};", f"\tname*=UTF-8''{q}", "Content-Disposition: attachment;",
                 f"\tfilename*=UTF-8''{q}"]
    return lines + list(extra) + ["Content-Transfer-Encoding: base64", ""] + b64_lines(data) + [""]


SAMPLES = []  # (epoch, folder, bytes, label, expected)
FIELDS = ["fullName", "birthYear", "residence", "iin", "experience", "coordinatorExperience", "coordinatedCount",
          "members", "organizationName", "registrationDate", "bin", "headName", "volunteerCount", "phone", "email",
          "website", "instagram", "whatsapp", "activityTypes", "otherActivity", "roles", "availability", "consent",
          "programs", "actions"]


def exp(kind, lang, outcome, fields=None, missing=(), invalid=(), notes="", purpose="inclusion", termination_date=None):
    """Expected extraction. Values as the applicant wrote them, normalised: iin/bin 12 digits, phone +7XXXXXXXXXX,
    email lower case, activityTypes/roles/availability sorted lists of ints, members a list of full names,
    consent bool, birthYear/volunteerCount/coordinatedCount int, registrationDate yyyy-mm-dd, programs/actions
    lists of names without the enclosing «» quotes. A field the message does not give is absent from `fields`
    (an absent consent too: it is missing, not refused); `missing` lists the absent fields the kind's form
    requires. `purpose` is inclusion, change (Rules p.7) or termination (p.13, with `terminationDate`)."""
    fields = dict(fields or {})
    for k in fields:
        assert k in FIELDS, k
    if "phone" in fields:
        fields["phone"] = phone(fields["phone"])
    if "whatsapp" in fields:
        fields["whatsapp"] = phone(fields["whatsapp"])
    if "email" in fields:
        fields["email"] = fields["email"].lower()
    for k in ("activityTypes", "roles", "availability"):
        if k in fields:
            fields[k] = sorted(fields[k])
    for k in ("birthYear", "volunteerCount", "coordinatedCount"):
        if k in fields:
            fields[k] = int(fields[k])
    ordered = {k: fields[k] for k in FIELDS if k in fields}
    out = {"kind": kind, "language": lang, "outcome": outcome, "purpose": purpose}
    if termination_date:
        out["terminationDate"] = termination_date
    out.update({"fields": ordered, "missing": list(missing), "invalid": list(invalid), "notes": notes})
    return out


def add(folder, arrival, lines, label, expected):
    SAMPLES.append((F.epoch(arrival), folder, F.build(lines, eol=EOL), label, expected))


def person_fields(p, lang, **kw):
    f = dict(fullName=p[lang] if lang in p else p["kk" if "kk" in p else "ru"], birthYear=p["birth"][:4],
             residence=p.get("city") or p.get("city_kk" if lang == "kk" else "city_ru"), iin=p["iin"],
             phone=p["phone"], email=p["email"])
    f.update(kw)
    return f


# ================================================================================================
# The first twelve samples (improved: real DOCX/PDF/JPEG, explicit WhatsApp numbers, notices with
# case numbers)
# ================================================================================================

KK_EXPERIENCE_1 = "2021 жылдан бері «Қайырымды істер марафоны» жобасына қатысамын, қарттар үйіне апта сайын барамын."


# 1 ---------------------------------------------------------------------------------------------
def kk_volunteer():
    p = P["aigerim"]
    date = "Mon, 24 Nov 2025 09:12:40 +0500"
    arrival = "Mon, 24 Nov 2025 09:12:46 +0500"
    b = "000000000000f1a2b30643fb7c21"
    body = F.kk_volunteer_application(p, types="1, 2, 10", role="1) өз саласында кәсіпқой маман")
    body = body.replace(", WhatsApp\n", f", WhatsApp: {p['phone']}\n")
    lines = delivered(f"<{p['email']}>", "4dC5sA1Tq3z1aK", arrival + " (+05)", "mail-lf1-f45.google.com", "209.85.167.45")
    lines += F.dkim("gmail.com", "20230601", "sample-1", date, "to:subject:message-id:date:from:mime-version")
    lines += ["MIME-Version: 1.0", "From: " + " ".join(ew_b(p["short"])) + f" <{p['email']}>", f"Date: {date}",
              "Message-ID: <CAJx9Kp4G2nA8rS3wU9xO5cZ1dE7fI6hM4tV0pQaYl2bRx3Fk8h@mail.gmail.com>"]
    lines += fold_words("Subject", ew_b("Тізілімге қосу туралы арыз және волонтер сауалнамасы"))
    lines += [f"To: {MAILBOX}", f'Content-Type: multipart/alternative; boundary="{b}"', "",
              f"--{b}", 'Content-Type: text/plain; charset="UTF-8"', "Content-Transfer-Encoding: base64", ""]
    lines += b64_lines(body.replace("\n", "\r\n").encode("utf-8"))
    lines += ["", f"--{b}", 'Content-Type: text/html; charset="UTF-8"', "Content-Transfer-Encoding: base64", ""]
    lines += b64_lines(('<div dir="ltr">' + html_of(body) + "</div>\r\n").encode("utf-8"))
    lines += ["", f"--{b}--"]
    add("new", arrival, lines, "volunteer, Kazakh, form typed in the body, Gmail",
        exp("volunteer", "kk", "complete",
            person_fields(p, "kk", residence=p["city_kk"], experience=KK_EXPERIENCE_1, whatsapp=p["phone"],
                          activityTypes=[1, 2, 10], roles=[1], availability=[2, 3], consent=True),
            notes="Kind given in parentheses after the request '(волонтер)'. Body in text/plain and HTML."))


# 2 ---------------------------------------------------------------------------------------------
def ru_volunteer_1251():
    p = P["erlan"]
    date = "Mon, 24 Nov 2025 20:31:05 +0300"
    arrival = "Mon, 24 Nov 2025 22:31:09 +0500"
    b = "----ALT--7aA9f1E3c5D7b9F1a3C5e7D9b1F3a5C71764005465"
    body = F.ru_volunteer_application(p, types="1, 3, 9").replace("собирала", "собирал")
    lines = delivered(f"<{p['email']}>", "4dC8uB2Vr4z2bL", arrival + " (+05)", "f401.i.mail.ru", "95.163.41.140")
    lines += F.dkim("mail.ru", "mail4", "sample-2", date, "Content-Type:Message-ID:Reply-To:Date:MIME-Version:Subject:To:From")
    lines += ["From: " + " ".join(ew_b("Ерлан Жумабаев")) + f" <{p['email']}>", f"To: {MAILBOX}",
              "Subject: " + " ".join(ew_b("Анкета волонтера", "windows-1251")), "MIME-Version: 1.0",
              "X-Mailer: Mail.Ru Mailer 1.0", f"Date: {date}",
              "Reply-To: " + " ".join(ew_b("Ерлан Жумабаев")) + f" <{p['email']}>", "X-Priority: 3 (Normal)",
              "Message-ID: <1764005465.901234567@f401.i.mail.ru>", "Content-Type: multipart/alternative;",
              f'\tboundary="{b}"', "X-Mras: Ok", "X-Spam: undefined", "", "",
              f"--{b}", "Content-Type: text/plain; charset=windows-1251", "Content-Transfer-Encoding: base64", ""]
    lines += b64_lines(body.replace("\n", "\r\n").encode("cp1251"))
    lines += ["", f"--{b}", "Content-Type: text/html; charset=windows-1251", "Content-Transfer-Encoding: base64", ""]
    lines += b64_lines(("<HTML><BODY>" + html_of(body) + "</BODY></HTML>").encode("cp1251"))
    lines += ["", f"--{b}--", ""]
    add("new", arrival, lines, "volunteer, Russian, windows-1251, Mail.ru",
        exp("volunteer", "ru", "complete",
            person_fields(p, "ru", residence="г. Павлодар",
                          experience="с 2019 года помогаю в акции «Дорога в школу», собирал канцтовары для детей из "
                                     "многодетных семей.",
                          activityTypes=[1, 3, 9], roles=[5], availability=[1], consent=True),
            notes="Registered later as VR-2026-000004; sends a change notice in sample 22."))


# 3 ---------------------------------------------------------------------------------------------
MEYIRIM = dict(kk="«Мейірім жүрегі» волонтерлік ұйымы» қоғамдық қоры",
               ru="Общественный фонд «Волонтерская организация «Мейирим журеги»", reg="2020-09-17",
               bin=F.make_bin("2009", 40218), head="madina", email="office@meyirim-zhuregi.kz",
               site="meyirim-zhuregi.kz", volunteers=52)


def org_docx_ru(org, head_name, ph, types, marks, date_text, seed, insta=None, split_bin=True):
    """Application + volunteer organisation questionnaire (Russian), as filled in Word."""
    reg = F.dt.date.fromisoformat(org["reg"]).strftime("%d.%m.%Y")
    b = org["bin"]
    rows = [("span", "Анкета волонтерской организации"),
            ("Наименование организации", [org["ru"][:22], org["ru"][22:]]),
            ("Дата регистрации (перерегистрации)", reg),
            ("БИН", [b[:6], b[6:]] if split_bin else b),
            ("Телефон, электронная почта, веб-сайт, Instagram, WhatsApp (при наличии)",
             [ph, ", ", org["email"]] + ([", ", org["site"]] if org.get("site") else []) +
             ([", Instagram: ", insta] if insta else [])),
            ("span", "Информация о руководителе организации"),
            ("ФИО руководителя организации (при наличии)", [head_name.split()[0] + " ", " ".join(head_name.split()[1:])]),
            ("Количество волонтеров в организации", str(org["volunteers"]))]
    blocks = application_blocks("ru", "organization", org["ru"], ph, org["email"], date_text)
    blocks += [("p", ""), ("table", rows),
               ("p", [("Выберите основные виды деятельности организации:", {"b": 1})]),
               ("choices", RU_TYPES, types, marks)]
    return G.docx(blocks, lang="ru-RU", seed=seed, title="Анкета волонтерской организации", author=head_name)


def org_cover():
    org = MEYIRIM
    head = P[org["head"]]
    email = "m.alimzhanova@meyirim-zhuregi.kz"
    date = "Tue, 25 Nov 2025 05:47:19 +0000"
    arrival = "Tue, 25 Nov 2025 10:47:25 +0500"
    mid = "PAWPR02MB9421C5D7E9F1A3B5C7D9E1F3A5B7@PAWPR02MB9421.eurprd02.prod.outlook.com"
    b_mix = "_004_PAWPR02MB9421C5D7E9F1A3B5C7D9E1F3A5B7PAWPR02MB9421eurp_"
    b_alt = "_000_PAWPR02MB9421C5D7E9F1A3B5C7D9E1F3A5B7PAWPR02MB9421eurp_"
    subject = "Заявление на включение в реестр – ОФ «Мейирим журеги»"
    org_phone = "+7 711 255 40 40"
    body = F.ru_org_cover(org).replace(head["phone"], org_phone)
    docname = "Заявление и анкета Мейирим журеги.docx"
    pdfname = "Заявление с печатью.pdf"
    docx = org_docx_ru(org, head["ru"], org_phone, [1, 2, 6], "X", "24.11.2025", seed=31)
    pdf = G.scan_pdf([G.page_jpeg(seed=3)], title="Scan_20251125", producer="Canon MF Scan Utility")
    lines = delivered(f"<{email}>", "4dD1vC3Ws5z3cM", arrival + " (+05)",
                      "mail-am6eur05on2090.outbound.protection.outlook.com", "40.107.22.90")
    lines += ["From: " + " ".join(ew_b("Алимжанова Мадина", "utf-8")) + f" <{email}>",
              f'To: "{MAILBOX}" <{MAILBOX}>']
    lines += fold_words("Subject", ew_b(subject, "utf-8")) + fold_words("Thread-Topic", ew_b(subject, "utf-8"))
    lines += ["Thread-Index: AdxdzK1r7Tq2pWx3S0uV8nB4mC6fDg==", f"Date: {date}", f"Message-ID: <{mid}>",
              "Accept-Language: ru-RU, kk-KZ", "Content-Language: ru-RU", "X-MS-Has-Attach: yes",
              "X-MS-TNEF-Correlator:", "Content-Type: multipart/mixed;", f'\tboundary="{b_mix}"', "MIME-Version: 1.0",
              "X-OriginatorOrg: meyirim-zhuregi.kz", "",
              f"--{b_mix}", "Content-Type: multipart/alternative;", f'\tboundary="{b_alt}"', "",
              f"--{b_alt}", 'Content-Type: text/plain; charset="utf-8"', "Content-Transfer-Encoding: quoted-printable", ""]
    lines += qp_lines(body.encode("utf-8"))
    lines += ["", f"--{b_alt}", 'Content-Type: text/html; charset="utf-8"', "Content-Transfer-Encoding: quoted-printable", ""]
    lines += qp_lines(("<html><body>" + html_of(body) + "</body></html>").encode("utf-8"))
    lines += ["", f"--{b_alt}--", ""]
    for name, ctype, data in [(docname, DOCX_CT, docx), (pdfname, "application/pdf", pdf)]:
        ew = "=?utf-8?B?" + F.base64.b64encode(name.encode()).decode() + "?="
        lines += [f"--{b_mix}", f"Content-Type: {ctype};", f'\tname="{ew}"', f"Content-Description: {ew}",
                  "Content-Disposition: attachment;", f'\tfilename="{ew}"; size={len(data)};',
                  '\tcreation-date="Tue, 25 Nov 2025 05:40:02 GMT";',
                  '\tmodification-date="Tue, 25 Nov 2025 05:47:18 GMT"', "Content-Transfer-Encoding: base64", ""]
        lines += b64_lines(data) + [""]
    lines += [f"--{b_mix}--", ""]
    add("new", arrival, lines, "volunteer organisation, Russian, covering letter + DOCX form + image-only PDF, Outlook",
        exp("organization", "ru", "complete",
            dict(organizationName=org["ru"], registrationDate=org["reg"], bin=org["bin"], headName=head["ru"],
                 volunteerCount=org["volunteers"], phone=org_phone, email=org["email"], website=org["site"],
                 activityTypes=[1, 2, 6], consent=True),
            notes="The covering letter repeats the questionnaire; the DOCX holds the application (kind "
                  "'волонтерские организации' underlined, consent) and the questionnaire as a label|value table "
                  "(organisation name, BIN and head's name split across runs); activity types typed as '1) …' "
                  "lines with 'X ' before the chosen ones. The PDF is an image-only scan of the signed application. "
                  "The sender's address (m.alimzhanova@…) differs from the organisation's e-mail in the form."))


# 4 ---------------------------------------------------------------------------------------------
def group():
    p = P["dana"]
    date = "Wed, 26 Nov 2025 13:20:00 +0500"
    arrival = "Wed, 26 Nov 2025 13:20:06 +0500"
    b = "----==--bound.51720.sas1-3f9e2d7c6b5a.qloud-c.yandex.net"
    members = ["dana", "arman", "madina"]
    body = F.kk_group_application(p, members).replace("@kentau_eriktileri", "@auezov_eriktileri")
    html = "<div>" + html_of(body) + "</div><div> </div><div>-- </div><div>Жіберілді: Яндекс Пошта</div>"
    lines = delivered(f"<{p['email']}>", "4dD6wD4Xt6z4dN", arrival + " (+05)", "forward502a.mail.yandex.net", "178.154.239.82")
    lines += ["X-Yandex-Spam: 1", "From: " + " ".join(ew_b(p["short"], "utf-8")) + f" <{p['email']}>", f"To: {MAILBOX}",
              "Subject: " + " ".join(ew_b("Волонтерлер тобын тізілімге қосу туралы өтініш", "utf-8")),
              "MIME-Version: 1.0", "X-Mailer: Yamail [ http://yandex.ru ] 5.0", f"Date: {date}",
              "Message-Id: <517201764145200@mail.yandex.kz>", f'Content-Type: multipart/mixed; boundary="{b}"', "", "",
              f"--{b}", "Content-Transfer-Encoding: 8bit", "Content-Type: text/html; charset=utf-8", ""]
    lines += text_lines(html, "utf-8")
    lines += [f"--{b}--", ""]
    add("cur", arrival, lines, "volunteer group, Kazakh, HTML-only body, Yandex; no consent (seen)",
        exp("group", "kk", "incomplete",
            person_fields(p, "kk", residence=p["city_kk"],
                          experience="2022 жылдан бері «Мектепке жол» акциясында балаларға оқу құралдарын жинаймыз.",
                          members=[P[m]["kk"] for m in members], instagram="@auezov_eriktileri",
                          activityTypes=[1, 6, 9]),
            missing=["consent"],
            notes="The group leader's data go to fullName/birthYear/residence/iin/experience; the leader is also "
                  "member 1. The letter has no consent to the processing of personal data."))


# 5 ---------------------------------------------------------------------------------------------
def coordinator():
    p = P["timur"]
    bad_iin = F.wrong_check_digit(p["iin"])
    assert not F.is_valid_iin(bad_iin)
    date = "Thu, 27 Nov 2025 11:02:33 +0500"
    arrival = "Thu, 27 Nov 2025 11:02:38 +0500"
    exp1 = "с 2012 года, поисково-спасательный отряд, помощь при паводках 2024 года"
    exp2 = "5 лет, штаб волонтеров при паводках в Карагандинской области"
    body = f"""Добрый день!

Прошу включить меня в реестр учета волонтерской деятельности (координатор).
Даю согласие на сбор и обработку персональных данных. Об ответственности за недостоверные сведения предупрежден.

Анкета координатора волонтеров
ФИО: {p['ru']}
Год рождения: {F.birth_year(p)}
Место жительства: {p['city_ru']}
ИИН: {bad_iin}
Опыт волонтерской деятельности: {exp1}
Опыт работы координатором волонтеров: {exp2}
Количество координируемых волонтеров: 60
Контакты: {p['phone']}, {p['email']}, WhatsApp: {p['phone']}
Виды деятельности: 3) помощь пострадавшим от стихийных бедствий; 4) содействие в предупреждении и ликвидации ЧС

Дата заполнения: 27.11.2025
{p['ru']}
"""
    lines = delivered(f"<{p['email']}>", "4dF2xE5Yu7z5eP", arrival + " (+05)", "smtp33.i.mail.ru", "95.163.41.71")
    lines += [f"Date: {date}", "From: " + " ".join(ew_b("Тимур Ахметов")) + f" <{p['email']}>", f"To: {MAILBOX}",
              "Subject: " + " ".join(ew_b("Анкета координатора волонтеров")),
              "Message-ID: <e3b0c442-98fc-4c14-9afb-f4c8996fb924@bk.ru>", "MIME-Version: 1.0",
              "User-Agent: Mozilla Thunderbird", "Content-Language: ru",
              "Content-Type: text/plain; charset=UTF-8; format=flowed", "Content-Transfer-Encoding: 8bit", ""]
    lines += text_lines(body, "utf-8")
    add("new", arrival, lines, f"coordinator, Russian, Thunderbird; IIN {bad_iin} has a WRONG check digit",
        exp("coordinator", "ru", "incomplete",
            person_fields(p, "ru", residence="г. Караганда", iin=bad_iin, experience=exp1, coordinatorExperience=exp2,
                          coordinatedCount=60, whatsapp=p["phone"], activityTypes=[3, 4], consent=True),
            invalid=["iin"],
            notes=f"IIN {bad_iin} fails the check digit (valid would be {p['iin']}): refinement needed."))


# 6 ---------------------------------------------------------------------------------------------
def organiser_action():
    p = P["saltanat"]
    date = "Fri, 28 Nov 2025 16:45:00 +0500"
    arrival = "Fri, 28 Nov 2025 16:45:07 +0500"
    b = "Apple-Mail=_2C7D1E9A-4B3F-4E8D-A1C6-7F5B9D3E2A18"
    body = f"""Сәлеметсіз бе!

Волонтерлік қызметті ұйымдастырушы ретінде тізілімге қосуды сұраймын және волонтерлік акцияны тіркеуге жіберемін.
Дербес мәліметтерімді жинауға және өңдеуге келісім беремін. Анық емес мәліметтер ұсынғаны үшін жауаптылық туралы ескертілдім.

Волонтерлер ұйымдастырушысының сауалнамасы
Т.А.Ә.: {p['kk']}
Туған жылы: {F.birth_year(p)}
Тұрғылықты жері: {p['city_kk']}
ЖСН: {p['iin']}
Байланыс: {p['phone']}, {p['email']}, Instagram @qamqor_astana
Қызмет түрлері: 1, 2, 11

Волонтерлік акция
Акцияның атауы: «Балалардың игілігі үшін»
Акцияны ұйымдастырушы: {p['kk']}
Акция мақсаты: Халықаралық балаларды қорғау күніне орай жетім балалар мен ата-анасының қамқорлығынсыз қалған балаларды қолдау.
Негізгі міндеттер: балалар үйлерінде шығармашылық шеберханалар өткізу, спорттық ойындар ұйымдастыру, оқу құралдарын жинау.
Күтілетін нәтижелер: Астана қаласының 4 балалар үйінен 200-ден астам бала іс-шараларға қатысады.
Нысаналы топ: жетім балалар және ата-анасының қамқорлығынсыз қалған балалар.
Қатысушы волонтерлер саны: 40
Акцияны өткізу күні мен уақыты: 2026 жылғы 25 мамыр – 1 маусым, 10:00–17:00
Акцияны өткізу орны: Астана қаласы, балалар үйлері мен «Жастар» сарайы
Ұйымдастырушының талаптары: 18 жастан асқан, балалармен жұмыс тәжірибесі бар волонтерлер
Ұзақтылығы/кезеңділігі: жыл сайын, бір апта
Волонтерге ұсынылатын жұмыс: шеберханалар жүргізу, ойындарды ұйымдастыру, сыйлықтарды сұрыптау

Құрметпен,
{p['short']}
"""
    lines = delivered(f"<{p['email']}>", "4dF8yF6Zv8z6fQ", arrival + " (+05)", "mail.qamqor-ortalygy.kz", "203.0.113.44")
    lines += ["From: " + " ".join(ew_q(p["short"], "utf-8")) + f" <{p['email']}>", "Content-Type: multipart/alternative;",
              f'\tboundary="{b}"', "Mime-Version: 1.0 (Mac OS X Mail 16.0 \\(3826.200.121\\))"]
    lines += fold_words("Subject", ew_q("Ұйымдастырушы сауалнамасы және «Балалардың игілігі үшін» акциясы", "utf-8"))
    lines += ["Message-Id: <9C1E7A3B-5D2F-4B6E-8A0C-1F3D5B7E9A2C@qamqor-ortalygy.kz>", f"Date: {date}",
              f"To: {MAILBOX}", "X-Mailer: Apple Mail (2.3826.200.121)", "", "",
              f"--{b}", "Content-Transfer-Encoding: quoted-printable", "Content-Type: text/plain;", "\tcharset=utf-8", ""]
    lines += qp_lines(body.encode("utf-8"))
    lines += ["", f"--{b}", "Content-Transfer-Encoding: quoted-printable", "Content-Type: text/html;", "\tcharset=utf-8", ""]
    lines += qp_lines(('<html><head><meta http-equiv="content-type" content="text/html; charset=utf-8"></head>'
                       '<body style="overflow-wrap: break-word;">' + html_of(body) + "</body></html>").encode("utf-8"))
    lines += ["", f"--{b}--", ""]
    add("new", arrival, lines, "organiser (person) with a volunteer action in the body, Kazakh, Apple Mail",
        exp("organizer", "kk", "complete",
            person_fields(P["saltanat"], "kk", residence=p["city_kk"], instagram="@qamqor_astana",
                          activityTypes=[1, 2, 11], consent=True, actions=["Балалардың игілігі үшін"]),
            notes="An individual organiser: no organisation name/BIN. The action form follows the questionnaire "
                  "(content after the 'Балалардың игілігі үшін' concept)."))


# 7 ---------------------------------------------------------------------------------------------
def scan_jpeg():
    email = "nurlan.kassymov85@gmail.com"
    date = "Sat, 29 Nov 2025 12:03:51 +0500"
    arrival = "Sat, 29 Nov 2025 12:03:58 +0500"
    b = "0000000000003c9d2e0643fd1a88"
    lines = delivered(f"<{email}>", "4dG3zG7Aw9z7gR", arrival + " (+05)", "mail-pj1-f43.google.com", "209.85.216.43")
    lines += F.dkim("gmail.com", "20230601", "sample-7", date, "to:subject:message-id:date:from:mime-version")
    lines += ["MIME-Version: 1.0", "From: " + " ".join(ew_b("Нұрлан")) + f" <{email}>", f"Date: {date}",
              "Message-ID: <CAPq3Rz8Wn5vK2mX7tB1hF9jL4dY6sG0cE3uN8aQ5kP1yT7oVw2@mail.gmail.com>",
              "Subject: " + " ".join(ew_b("Өтініш")), f"To: {MAILBOX}",
              f'Content-Type: multipart/mixed; boundary="{b}"', "",
              f"--{b}", 'Content-Type: text/plain; charset="UTF-8"', "Content-Transfer-Encoding: base64", ""]
    lines += b64_lines("Өтініш пен сауалнама сканері тіркелді\r\n\r\nSamsung Galaxy смартфонынан жіберілді\r\n".encode())
    lines += ["", f"--{b}", 'Content-Type: image/jpeg; name="IMG_20251129_115802.jpg"',
              'Content-Disposition: attachment; filename="IMG_20251129_115802.jpg"', "Content-Transfer-Encoding: base64",
              "Content-ID: <f_mik3p9w10>", "X-Attachment-Id: f_mik3p9w10", ""]
    lines += b64_lines(G.page_jpeg(seed=11))
    lines += ["", f"--{b}--"]
    add("new", arrival, lines, "scan: JPEG photo of a signed form, short body, Gmail on Android",
        exp(None, "kk", "unreadable",
            notes="The form is only in a JPEG (a page of grey 'text lines', no machine-readable text); the body "
                  "says 'the application and questionnaire scan is attached' without naming the kind. A case for "
                  "staff, with the file kept."))


# 8 ---------------------------------------------------------------------------------------------
def auto_reply():
    p = P["gulnara"]
    date = "Thu, 08 Jan 2026 09:00:03 +0500"
    arrival = "Thu, 08 Jan 2026 09:00:05 +0500"
    lines = delivered(f"<{p['email']}>", "4dH5aH8Bx1z8hS", arrival + " (+05)", "smtp51.i.mail.ru", "95.163.41.89")
    lines += ["From: " + " ".join(ew_b("Гульнара Турсынова")) + f" <{p['email']}>", f"To: {MAILBOX}"]
    lines += fold_words("Subject", ew_b("Автоответ: [VR-2026-000003] Анкетаны нақтылау қажет / Требуется доработка анкеты"))
    lines += [f"Date: {date}", "Message-ID: <autoreply.1767844803.88123@inbox.ru>",
              "In-Reply-To: <notice-1.VR-2026-000003@mki.gov.kz>",
              "References: <notice-1.VR-2026-000003@mki.gov.kz>",
              "Auto-Submitted: auto-replied", "X-Autoreply: yes", "MIME-Version: 1.0",
              "Content-Type: text/plain; charset=utf-8", "Content-Transfer-Encoding: 8bit", ""]
    lines += text_lines("Здравствуйте! Я в отпуске до 19 января 2026 года. Ваше письмо прочитаю после возвращения.\n"
                        "Сәлеметсіз бе! 19 қаңтарға дейін демалыстамын.\n", "utf-8")
    add("cur", arrival, lines, "auto-reply (vacation) to our notice for VR-2026-000003 (seen)",
        exp(None, None, "not-an-application",
            notes="Auto-Submitted: auto-replied, In-Reply-To our notice <notice-1.VR-2026-000003@mki.gov.kz>. "
                  "Not a reply from the applicant: the refinement term keeps running."))


# 9 ---------------------------------------------------------------------------------------------
def bounce():
    bad = "dana.ospanova03@yandex.kzz"
    qid = "4dH9bJ9Cy2z9iT"
    date = "Mon, 12 Jan 2026 15:30:11 +0500 (+05)"
    arrival = "Mon, 12 Jan 2026 15:30:11 +0500"
    bnd = f"{qid}.1768213811/mx1.mki.gov.kz"
    subj = "[VR-2026-000001] Өтініш тізілімге енгізілді / Заявление включено в реестр"
    lines = ["Return-Path: <>", f"Delivered-To: {MAILBOX}", "Received: by mx1.mki.gov.kz (Postfix)",
             f"\tid {qid}; {date}", f"Date: {date}", "From: MAILER-DAEMON@mki.gov.kz (Mail Delivery System)",
             "Subject: Undelivered Mail Returned to Sender", f"To: {MAILBOX}", "Auto-Submitted: auto-replied",
             "MIME-Version: 1.0", "Content-Type: multipart/report; report-type=delivery-status;", f'\tboundary="{bnd}"',
             "Content-Transfer-Encoding: 8bit", f"Message-Id: <20260112103011.{qid}@mx1.mki.gov.kz>", "",
             "This is a MIME-encapsulated message.", "", f"--{bnd}", "Content-Description: Notification",
             "Content-Type: text/plain; charset=us-ascii", "", "This is the mail system at host mx1.mki.gov.kz.", "",
             "I'm sorry to have to inform you that your message could not",
             "be delivered to one or more recipients. It's attached below.", "", "                   The mail system", "",
             f"<{bad}>: Host or domain name not found. Name service error for",
             "    name=yandex.kzz type=A: Host not found", "",
             f"--{bnd}", "Content-Description: Delivery report", "Content-Type: message/delivery-status", "",
             "Reporting-MTA: dns; mx1.mki.gov.kz", "X-Postfix-Queue-ID: 4dH9bH7Bx1z8hS",
             f"X-Postfix-Sender: rfc822; {MAILBOX}", "Arrival-Date: Mon, 12 Jan 2026 15:30:04 +0500 (+05)", "",
             f"Final-Recipient: rfc822; {bad}", f"Original-Recipient: rfc822;{bad}", "Action: failed", "Status: 5.4.4",
             "Diagnostic-Code: X-Postfix; Host or domain name not found. Name service error",
             "    for name=yandex.kzz type=A: Host not found", "",
             f"--{bnd}", "Content-Description: Undelivered Message", "Content-Type: message/rfc822",
             "Content-Transfer-Encoding: 8bit", "",
             "Received: from tizilim.mki.gov.kz (tizilim.mki.gov.kz [10.20.0.30])",
             "\tby mx1.mki.gov.kz (Postfix) with ESMTP id 4dH9bH7Bx1z8hS",
             f"\tfor <{bad}>; Mon, 12 Jan 2026 15:30:04 +0500 (+05)",
             "From: " + " ".join(ew_b("Волонтерлік қызмет тізілімі")) + f" <{MAILBOX}>", f"To: {bad}"]
    lines += fold_words("Subject", ew_b(subj))
    lines += ["Date: Mon, 12 Jan 2026 15:30:04 +0500", "Message-ID: <notice-1.VR-2026-000001@mki.gov.kz>",
              "Auto-Submitted: auto-generated", "MIME-Version: 1.0", "Content-Type: text/plain; charset=utf-8",
              "Content-Transfer-Encoding: 8bit", ""]
    lines += text_lines("Құрметті өтініш беруші!\n\nСіздің өтінішіңіз қаралып, мәліметтеріңіз волонтерлік қызметті "
                        "есепке алу тізіліміне\nенгізілді (Қағидалардың 12-тармағы). Тізілімдегі нөміріңіз: "
                        "VR-2026-000001.\n\nУважаемый заявитель! Ваши сведения включены в реестр учета волонтерской "
                        "деятельности.\n", "utf-8")
    lines += ["", f"--{bnd}--", ""]
    add("new", arrival, lines, "bounce (Postfix DSN) of our inclusion notice for VR-2026-000001",
        exp(None, None, "not-an-application",
            notes="Delivery failure of tizilim's own notice: the returned message has Message-ID "
                  "<notice-1.VR-2026-000001@mki.gov.kz> and subject '[VR-2026-000001] …'; the applicant's "
                  "address dana.ospanova03@yandex.kzz is mistyped. Belongs to case VR-2026-000001."))


# 10 --------------------------------------------------------------------------------------------
def forward_regional():
    org = ORG["zhasyl"]
    head = P[org["head"]]
    reg_date = "Fri, 28 Nov 2025 10:14:22 +0500"
    b_in = "000000000000a9b8c70643fc3d12"
    subject_in = f"Заявление на включение в реестр – {org['ru']}"
    fname = "Заявление и анкета.docx"
    cover = F.ru_org_cover(org).replace("Виды деятельности: 1, 2, 6", "Виды деятельности: 6, 11").replace(
        "(во вложении, формат DOCX),\nа также скан подписанного заявления с печатью (PDF).",
        "(во вложении, формат DOCX).")
    docx = org_docx_ru(org, head["ru"], head["phone"], [6, 11], "box", "27.11.2025", seed=77,
                       insta="@zhasyl_qala_krg")
    inner = ["MIME-Version: 1.0", "From: " + " ".join(ew_b(head["short"])) + f" <{org['email']}>",
             f"Date: {reg_date}", "Message-ID: <CAG8m2Xq5nR9vT3wZ1bD7hF4jL6pY0sK2cE9uN5aQ3kP8yT1oVx@mail.gmail.com>"]
    inner += fold_words("Subject", ew_b(subject_in))
    inner += ["To: " + " ".join(ew_b("Ішкі саясат басқармасы")) + " <volunteer@dvp-karaganda.example.kz>",
              f'Content-Type: multipart/mixed; boundary="{b_in}"', "",
              f"--{b_in}", 'Content-Type: text/plain; charset="UTF-8"', "Content-Transfer-Encoding: base64", ""]
    inner += b64_lines(cover.replace("\n", "\r\n").encode("utf-8"))
    inner += [""] + attachment(b_in, DOCX_CT, fname, docx, ew=True,
                               extra=["X-Attachment-Id: f_mi7q1w2e0", "Content-ID: <f_mi7q1w2e0>"])
    inner += [f"--{b_in}--"]
    officer = dict(short="Ержан Қалиев", email="e.kaliyev@dvp-karaganda.example.kz")
    date = "Tue, 02 Dec 2025 10:05:00 +0500"
    arrival = "Tue, 02 Dec 2025 10:05:06 +0500"
    b = "------------Rz4K8mQ1sW5xB9dF3hJ7nT2v"
    att = subject_in + ".eml"
    lines = delivered(f"<{officer['email']}>", "4dJ1cK0Dz3z0jV", arrival + " (+05)", "mail.dvp-karaganda.example.kz",
                      "203.0.113.105")
    lines += [f"Message-ID: <5c4b3a29-1807-4f6e-9d8c-7b6a5f4e3d2c@dvp-karaganda.example.kz>", f"Date: {date}",
              "MIME-Version: 1.0", "User-Agent: Mozilla Thunderbird", "Content-Language: kk-KZ", f"To: {MAILBOX}",
              "From: " + " ".join(ew_b(officer["short"], "UTF-8")) + f" <{officer['email']}>"]
    lines += fold_words("Subject", ew_b("Fwd: " + subject_in, "UTF-8"))
    lines += [f'Content-Type: multipart/mixed; boundary="{b}"', "", "This is a multi-part message in MIME format.",
              f"--{b}", "Content-Type: text/plain; charset=UTF-8; format=flowed", "Content-Transfer-Encoding: 8bit", ""]
    lines += text_lines("Құрметті әріптестер!\n\nҚарағанды облысының ішкі саясат басқармасына келген «Жасыл қала» "
                        "\nқорының өтінішін қарау үшін жолдаймыз.\n\nҚұрметпен,\nЕржан Қалиев\n", "utf-8")
    lines += [f"--{b}", "Content-Type: message/rfc822; charset=UTF-8;", ' name="' + " ".join(ew_b(att, "UTF-8")) + '"',
              "Content-Disposition: attachment;"]
    conts = F.rfc2231_continuations("filename", att)
    lines += [" " + c + (";" if i < len(conts) - 1 else "") for i, c in enumerate(conts)]
    lines += [""] + inner + ["", f"--{b}--", ""]
    add("new", arrival, lines, "forward from a regional office: message/rfc822 with a DOCX inside (organisation, Russian)",
        exp("organization", "ru", "complete",
            dict(organizationName=org["ru"], registrationDate=org["reg"], bin=org["bin"], headName=head["ru"],
                 volunteerCount=org["volunteers"], phone=head["phone"], email=org["email"], website=org["site"],
                 instagram="@zhasyl_qala_krg", activityTypes=[6, 11], consent=True),
            notes="The regional officer's Kazakh covering note is not the application: the applicant is the fund in "
                  "the attached message (From fond@zhasyl-qala.kz). Its DOCX marks types with ☒/☐; Instagram only in "
                  "the DOCX; consent only in the DOCX application."))


# 11 --------------------------------------------------------------------------------------------
def koi8r():
    p = P["viktor"]
    date = "Wed, 03 Dec 2025 08:41:17 +0500"
    arrival = "Wed, 03 Dec 2025 08:41:22 +0500"
    experience = "с 2009 года в поисковом отряде, участвовал в поиске пропавших в Костанайской области."
    body = F.ru_volunteer_application(p, types="5, 7").replace("«", '"').replace("»", '"')
    body = body.replace("с 2019 года помогаю в акции \"Дорога в школу\", собирала канцтовары для детей из многодетных семей.",
                        experience)
    lines = delivered("<vkim.kostanay@mail.ru>", "4dK5dL1Ea4z1kW", arrival + " (+05)", "smtp41.i.mail.ru", "95.163.41.79")
    lines += [f"Date: {date}", "From: " + " ".join(ew_b("Виктор Ким", "koi8-r")) + f" <{p['email']}>", f"To: {MAILBOX}",
              "Subject: " + " ".join(ew_b("Анкета волонтера (поисковый отряд)", "koi8-r")),
              "Message-ID: <20251203034117.GA1207@kim-desktop>", "MIME-Version: 1.0",
              "Content-Type: text/plain; charset=koi8-r", "Content-Disposition: inline",
              "Content-Transfer-Encoding: 8bit", "User-Agent: Mutt/1.5.21 (2010-09-15)", ""]
    lines += text_lines(body, "koi8_r")
    add("new", arrival, lines, "volunteer, Russian, KOI8-R, mutt",
        exp("volunteer", "ru", "complete",
            person_fields(p, "ru", residence="г. Костанай", experience=experience, activityTypes=[5, 7], roles=[5],
                          availability=[1], consent=True)))


# 12 --------------------------------------------------------------------------------------------
def question():
    p = P["arman"]
    date = "Thu, 04 Dec 2025 19:22:48 +0500"
    arrival = "Thu, 04 Dec 2025 19:22:53 +0500"
    b = "000000000000e4f5a60643ff8b37"
    body = """Сәлеметсіз бе!

Біз Кентау қаласындағы №3 мектептің жоғары сынып оқушыларымыз, мектепте «Мектепке жол» акциясына
көмектесетін үйірме бар. Сұрағым:

1. Оқушылар (16-17 жаста) волонтерлер тобы ретінде тізілімге енгізіле ала ма?
2. Топ басшысы міндетті түрде 18 жастан асқан болуы керек пе?
3. Арызды қазақ тілінде жіберсек бола ма, әлде орыс тілінде ғана ма?

Алдын ала рахмет!
Арман
"""
    lines = delivered(f"<{p['email']}>", "4dL9eM2Fb5z2mX", arrival + " (+05)", "mail-yw1-f169.google.com", "209.85.128.169")
    lines += F.dkim("gmail.com", "20230601", "sample-12", date, "to:subject:message-id:date:from:mime-version")
    lines += ["MIME-Version: 1.0", "From: " + " ".join(ew_b(p["short"])) + f" <{p['email']}>", f"Date: {date}",
              "Message-ID: <CAH1k9Vx3mQ7rT2wY8zB5dF0jL4nP6sG9cE1uN7aR3kQ5yT2oVx@mail.gmail.com>",
              "Subject: " + " ".join(ew_b("Сұрақ: оқушылар тобы тізілімге енгізіле ме?")), f"To: {MAILBOX}",
              f'Content-Type: multipart/alternative; boundary="{b}"', "",
              f"--{b}", 'Content-Type: text/plain; charset="UTF-8"', "Content-Transfer-Encoding: quoted-printable", ""]
    lines += qp_lines(body.encode("utf-8"))
    lines += ["", f"--{b}", 'Content-Type: text/html; charset="UTF-8"', "Content-Transfer-Encoding: quoted-printable", ""]
    lines += qp_lines(('<div dir="ltr">' + html_of(body) + "</div>").encode("utf-8"))
    lines += ["", f"--{b}--"]
    add("cur", arrival, lines, "question, not an application, Kazakh (seen)",
        exp(None, "kk", "not-an-application",
            notes="Questions about registering a school pupils' group; mentions 'волонтерлер тобы' but applies for "
                  "nothing and carries no form."))


# ================================================================================================
# New samples (January–February 2026)
# ================================================================================================


def head(name, email, date, arrival, subject, mid, qid, helo, ip, client="gmail", charset="UTF-8", extra=()):
    lines = delivered(f"<{email}>", qid, arrival + " (+05)", helo, ip)
    if client == "gmail":
        lines += F.dkim("gmail.com", "20230601", mid, date, "to:subject:message-id:date:from:mime-version")
    lines += ["MIME-Version: 1.0", "From: " + " ".join(ew_b(name, charset)) + f" <{email}>", f"Date: {date}",
              f"Message-ID: <{mid}>"]
    if subject is not None:
        lines += fold_words("Subject", ew_b(subject, charset))
    lines += [f"To: {MAILBOX}"] + list(extra)
    return lines


def body_form(pairs):
    return "\n".join(f"{k}: {v}" for k, v in pairs)


# 13 --------------------------------------------------------------------------------------------
def ru_group_html_table():
    p = NP["olga"]
    members = [p["ru"], "Иванов Денис Петрович", "Ахметова Жанна Болатовна", "Ли Александр Сергеевич"]
    experience = "с 2015 года организую субботники на набережной Иртыша и сбор вещей для Дома ребенка"
    date = "Tue, 06 Jan 2026 14:12:09 +0500"
    arrival = "Tue, 06 Jan 2026 14:12:15 +0500"
    import html as H
    kinds = "".join((f"<u>{k}</u>" if i == 1 else k) + (", " if i < 4 else "") for i, k in enumerate(RU_KINDS))
    rows = [("ФИО руководителя волонтерской группы", p["ru"]), ("Год рождения", p["birth"][:4]),
            ("Место жительства", p["city"]), ("ИИН", p["iin"]),
            ("Опыт волонтерской деятельности руководителя группы", experience),
            ("Список волонтерской группы (ФИО)", "<br>".join(f"{i}. {H.escape(m)}" for i, m in enumerate(members, 1))),
            ("Телефон, электронная почта, веб-сайт, Instagram, WhatsApp",
             f"{p['phone']}<br>{p['email']}<br>Instagram: @oskemen_volunteers"),
            ("Основные виды деятельности группы (номера из перечня)", "1, 6, 10")]
    trs = "\n".join(f'<tr><td style="border:1px solid #000;padding:4px;width:45%">{H.escape(a)}</td>'
                    f'<td style="border:1px solid #000;padding:4px">{b if "<br>" in b else H.escape(b)}</td></tr>'
                    for a, b in rows)
    html = f"""<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8"></head><body>
<div style="font-family:arial,helvetica,sans-serif;font-size:12pt">
<p>Добрый день!</p>
<p>Я, {H.escape(p['ru'])}, прошу включить в реестр учета волонтерской деятельности (нужное подчеркнуть): {kinds}.</p>
<p>Даю согласие на сбор и обработку персональных данных. Об ответственности за представление недостоверных сведений предупреждена.</p>
<p><b>Анкета волонтерской группы</b></p>
<table style="border-collapse:collapse" cellspacing="0" cellpadding="0">
{trs}
</table>
<p>Дата заполнения: 06.01.2026</p>
<p>С уважением,<br>{H.escape(p['short'])}<br>руководитель группы «Өскемен еріктілері»</p>
</div></body></html>
"""
    lines = head(p["short"], p["email"], date, arrival, "Заявление и анкета волонтерской группы",
                 "1767690729.4f2e8c1a@zimbra.oskemen-eriktileri.example.kz", "4eA1kP3Lm5z1aA",
                 "zimbra.oskemen-eriktileri.example.kz", "203.0.113.57",
                 client="zimbra",
                 extra=["X-Mailer: Zimbra 9.0.0_GA_4585 (ZimbraWebClient - GC120 (Win)/9.0.0_GA_4585)",
                        "Thread-Index: 8F2kq1mQ4vT7", "Content-Type: text/html; charset=utf-8",
                        "Content-Transfer-Encoding: quoted-printable"])
    lines += [""] + qp_lines(html.encode("utf-8"))
    add("new", arrival, lines, "volunteer group, Russian, HTML-only body with a table, Zimbra",
        exp("group", "ru", "complete",
            dict(fullName=p["ru"], birthYear=p["birth"][:4], residence=p["city"], iin=p["iin"], experience=experience,
                 members=members, phone=p["phone"], email=p["email"], instagram="@oskemen_volunteers",
                 activityTypes=[1, 6, 10], consent=True),
            notes="The form is an HTML <table> (label cell | value cell); members and contacts split by <br>; the kind "
                  "is marked with <u>группа волонтеров</u>. No text/plain alternative."))


# 14 --------------------------------------------------------------------------------------------
def kk_org_odt():
    o = SHAPAGAT
    date = "Wed, 07 Jan 2026 11:40:51 +0500"
    arrival = "Wed, 07 Jan 2026 11:40:58 +0500"
    b = "------------d1Xq7Rk2Nf8Vb3Lm9Tz5Pw0C"
    rows = [("span", "Волонтерлік ұйымның сауалнамасы"), ("Ұйымның атауы", o["kk"]),
            ("Тіркеу (қайта тіркеу) күні", "11.05.2018"), ("БСН", o["bin"]),
            ("Телефон, электрондық пошта, Web-сайт, Instagram, WhatsApp (бар болған кезде)",
             [o["phone"], ", ", o["email"], ", Instagram: ", o["insta"]]),
            ("span", "Ұйым басшысы туралы ақпарат"), ("Ұйым басшысының Т.А.Ә. (бар болған кезде)", o["head"]),
            ("Ұйымдағы волонтерлер саны", str(o["volunteers"]))]
    blocks = application_blocks("kk", "organization", o["kk"], o["phone"], o["email"], "2026 жылғы 6 қаңтар")
    blocks += [("p", ""), ("table", rows), ("p", [("Ұйымның негізгі қызмет түрлерін таңдаңыз:", {"b": 1})]),
               ("choices", KK_TYPES, [1, 2, 8, 12], "num")]
    odt = G.odt(blocks, lang="kk", country="KZ", title="Шапағат сауалнама", author=o["head"])
    fname = "Шапағат_арыз_сауалнама.odt"
    lines = head("Гүлмира Жақсылықова", o["email"], date, arrival, "Волонтерлік ұйымды тізілімге қосу туралы арыз",
                 "a7c2e9f1-3b4d-4e5f-8a6b-7c8d9e0f1a2b@gmail.com", "4eA4mQ5Nn7z3bB", "mail-wm1-f50.google.com",
                 "209.85.128.50", extra=["User-Agent: Mozilla Thunderbird", "Content-Language: kk-KZ",
                                         f'Content-Type: multipart/mixed; boundary="{b}"'])
    lines += ["", "This is a multi-part message in MIME format.", f"--{b}",
              "Content-Type: text/plain; charset=UTF-8; format=flowed", "Content-Transfer-Encoding: 8bit", ""]
    lines += text_lines("Сәлеметсіз бе!\n\n«Шапағат» бірлестігінің тізілімге қосу туралы арызы мен сауалнамасын "
                        "\nжолдаймыз (LibreOffice, ODT форматы).\n\nҚұрметпен,\nГүлмира Жақсылықова\n", "utf-8")
    lines += attachment(b, ODT_CT, fname, odt) + [f"--{b}--", ""]
    add("new", arrival, lines, "volunteer organisation, Kazakh, ODT attachment, Thunderbird",
        exp("organization", "kk", "complete",
            dict(organizationName=o["kk"], registrationDate=o["reg"], bin=o["bin"], headName=o["head"],
                 volunteerCount=o["volunteers"], phone=o["phone"], email=o["email"], instagram=o["insta"],
                 activityTypes=[1, 2, 8, 12], consent=True),
            notes="ODT: kind 'волонтерлер ұйымдары' underlined by automatic style T1; questionnaire in table:table; "
                  "activity types as an automatically numbered text:list (numbers not in the text) with ' X' after "
                  "the chosen items."))


# 15 --------------------------------------------------------------------------------------------
def kk_coordinator_docx_checkbox():
    p = NP["bauyrzhan"]
    date = "Thu, 08 Jan 2026 17:25:33 +0500"
    arrival = "Thu, 08 Jan 2026 17:25:41 +0500"
    e1 = "2014 жылдан бері «Қайырымды істер марафоны» жобасының өңірлік еріктісімін"
    e2 = "2019 жылдан бері Қызылорда облысы бойынша марафон волонтерлерін үйлестіремін"
    rows = [("span", "Волонтерлер үйлестірушісінің сауалнамасы"),
            ("Т.А.Ә. (бар болған кезде)", [("Төлеуов", {"spell": 1}), " Бауыржан ", ("Серікұлы", {"spell": 1})]),
            ("Туған жылы", p["birth"][:4]), ("Тұрғылықты жері", p["city"]),
            ("ЖСН", [p["iin"][:6], p["iin"][6:9], p["iin"][9:]]),
            ("Волонтерлік қызметтегі жұмыс тәжірибесі", e1),
            ("Волонтерлер үйлестірушісі ретіндегі жұмыс тәжірибесі", e2),
            ("Телефон, электрондық пошта, Web-сайт, Instagram, WhatsApp (бар болған кезде)",
             [p["phone"], "; ", p["email"], "; WhatsApp: ", p["phone"]]),
            ("Сіз қанша волонтерді үйлестіресіз?", "45")]
    blocks = application_blocks("kk", "coordinator", p["kk"], p["phone"], p["email"], "2026 жылғы 8 қаңтар")
    blocks += [("p", ""), ("table", rows),
               ("p", [("Қазіргі уақытта сіз қатысып жүрген негізгі қызмет түрлерін таңдаңыз:", {"b": 1})]),
               ("choices", KK_TYPES, [1, 2, 11], "formfield")]
    docx = G.docx(blocks, lang="kk-KZ", seed=15, title="Үйлестіруші сауалнамасы", author="Bauyrzhan")
    b = "_004_DB9PR02MB7305A1B2C3D4E5F6A7B8C9D0E1F2DB9PR02MB7305eurp_"
    lines = head(p["short"], p["email"], date, arrival, "Үйлестіруші сауалнамасы – Төлеуов Б.С.",
                 "CAKp7Wn2Rz9mX4vT1bD8hF3jL5pY6sG0cE2uN9aQ4kP7yT1oVb@mail.gmail.com", "4eA7nR6Po8z4cC",
                 "mail-ed1-f52.google.com", "209.85.208.52",
                 extra=[f'Content-Type: multipart/mixed; boundary="{b}"'])
    lines += ["", f"--{b}", 'Content-Type: text/plain; charset="UTF-8"', "Content-Transfer-Encoding: base64", ""]
    lines += b64_lines("Сәлеметсіз бе! Арыз бен сауалнама тіркемеде.\r\nБауыржан\r\n".encode())
    lines += [""] + attachment(b, DOCX_CT, "Сауалнама_үйлестіруші.docx", docx, ew=True) + [f"--{b}--", ""]
    add("new", arrival, lines, "coordinator, Kazakh, DOCX with legacy FORMCHECKBOX fields, Gmail",
        exp("coordinator", "kk", "complete",
            dict(fullName=p["kk"], birthYear=p["birth"][:4], residence=p["city"], iin=p["iin"], experience=e1,
                 coordinatorExperience=e2, coordinatedCount=45, phone=p["phone"], email=p["email"],
                 whatsapp=p["phone"], activityTypes=[1, 2, 11], consent=True),
            notes="Activity types are legacy Word check box form fields (w:ffData/w:checkBox; <w:checked/> on 1, 2, 11; "
                  "default unchecked). Name split over three runs with proofErr marks; IIN split over three runs. "
                  "Kind 'волонтерлер қызметін үйлестіруші' underlined."))


# 16 --------------------------------------------------------------------------------------------
RU_PROGRAMME = [
    ("Наименование программы (проекта)", "«Марафон добрых дел – 2026»"),
    ("Организатор программы (проекта)", CPGI["ru"]),
    ("Цель программы (проекта)", "вовлечение жителей Северо-Казахстанской области в добровольческую деятельность "
                                 "и поддержку социально уязвимых граждан"),
    ("Основные задачи", "еженедельные добрые дела в каждом районе города; помощь одиноким пожилым людям; сбор "
                        "вещей и продуктов для многодетных семей"),
    ("Методы реализации программы (проекта)", "акции, субботники, мастер-классы, публикации с хэштегом "
                                              "#МАРАФОНДОБРЫХДЕЛ"),
    ("Ожидаемые результаты", "не менее 2000 участников, 150 мероприятий, помощь 600 семьям"),
    ("Целевая группа программы (проекта)", "пожилые люди, лица с инвалидностью, многодетные семьи"),
    ("Количество участников программы (проекта)", "2000"),
    ("Сроки реализации программы (проекта)", "март – декабрь 2026 года"),
    ("Место и время проведения программы (проекта)", "г. Петропавловск и районы Северо-Казахстанской области, по "
                                                     "субботам"),
    ("Требования организаторов к проведению программы (проекта)", "возраст от 16 лет, соблюдение техники "
                                                                  "безопасности"),
    ("Работа, предлагаемая волонтеру, волонтерской группе, координатору", "адресная помощь, сортировка вещей, "
                                                                           "фотофиксация и отчеты"),
]
RU_ACTION = [
    ("Наименование акции", "«Дорога в школу – 2026»"),
    ("Организатор акции", CPGI["ru"]),
    ("Цель акции", "подготовка детей из малообеспеченных и многодетных семей к новому учебному году"),
    ("Основные задачи", "сбор канцелярских товаров, школьной формы и рюкзаков; адресная передача через школы"),
    ("Ожидаемые результаты", "300 детей получат школьные наборы"),
    ("Целевая группа, на которую направлена акция", "дети школьного возраста из малообеспеченных и многодетных "
                                                    "семей"),
    ("Количество участвующих волонтеров", "35"),
    ("Дата и время проведения акции", "1–28 августа 2026 года, 10:00–18:00"),
    ("Место проведения акции", "г. Петропавловск, пункты сбора в ТРЦ и школах города"),
    ("Требования организатора к проведению акции", "возраст от 18 лет, ответственность, работа в команде"),
    ("Продолжительность/периодичность", "ежегодно, 4 недели"),
    ("Работа, предлагаемая волонтеру, волонтерской группе, координатору", "дежурство на пунктах сбора, сортировка, "
                                                                           "доставка"),
]


def ru_organizer_programme_action():
    p = NP["irina"]
    o = CPGI
    date = "Fri, 09 Jan 2026 10:03:27 +0500"
    arrival = "Fri, 09 Jan 2026 10:03:35 +0500"
    rows = [("span", "Анкета организатора волонтерской деятельности"), ("ФИО (при наличии)", p["ru"]),
            ("Год рождения", p["birth"][:4]), ("Место жительства", p["city"]), ("ИИН", p["iin"]),
            ("span", "Информация об организаторе (для юридического лица)"),
            ("Наименование организации", ["КГУ «Центр поддержки гражданских инициатив» ", "акимата города Петропавловска"]),
            ("Дата регистрации (перерегистрации)", "09.02.2016"), ("БИН", o["bin"]),
            ("Телефон, электронная почта, веб-сайт, Instagram, WhatsApp (при наличии)",
             [p["phone"], ", ", p["email"], ", ", o["site"]])]
    blocks = application_blocks("ru", "organizer", o["ru"], p["phone"], p["email"], "09.01.2026")
    blocks += [("p", ""), ("table", rows), ("p", [("Выберите основные виды деятельности:", {"b": 1})]),
               ("choices", RU_TYPES, [1, 2, 8, 9], "box"), ("p", ""),
               ("table", [("span", "Волонтерская программа (проект)")] + RU_PROGRAMME), ("p", ""),
               ("table", [("span", "Волонтерская акция")] + RU_ACTION)]
    docx = G.docx(blocks, lang="ru-RU", seed=16, title="Анкета организатора", author="Nesterenko")
    b = "----ALT--3c5E7a9B1d3F5b7D9f1A3c5E7a9B1d3F1767935005"
    lines = head(p["short"], p["email"], date, arrival,
                 "Анкета организатора, программа «Марафон добрых дел» и акция «Дорога в школу»",
                 "1767935005.338210457@f512.i.mail.ru", "4eB2oS7Qp9z5dD", "f512.i.mail.ru", "95.163.41.152",
                 client="mailru", extra=["X-Mailer: Mail.Ru Mailer 1.0", f'Content-Type: multipart/mixed; boundary="{b}"'])
    lines += ["", "", f"--{b}", "Content-Type: text/plain; charset=utf-8", "Content-Transfer-Encoding: base64", ""]
    lines += b64_lines(("Добрый день!\r\n\r\nНаправляем заявление, анкету организатора волонтерской деятельности, "
                        "а также формы волонтерской программы (проекта) и волонтерской акции (во вложении).\r\n\r\n"
                        f"{p['ru']},\r\nруководитель отдела КГУ «ЦПГИ»\r\n").encode())
    lines += [""] + attachment(b, DOCX_CT, "Анкета организатора ЦПГИ.docx", docx, ew=True) + [f"--{b}--", ""]
    add("new", arrival, lines, "organiser (legal entity), Russian, DOCX with questionnaire + programme + action, Mail.ru",
        exp("organizer", "ru", "complete",
            dict(fullName=p["ru"], birthYear=p["birth"][:4], residence=p["city"], iin=p["iin"],
                 organizationName=o["ru"], registrationDate=o["reg"], bin=o["bin"], phone=p["phone"],
                 email=p["email"], website=o["site"], activityTypes=[1, 2, 8, 9], consent=True,
                 programs=["Марафон добрых дел – 2026"], actions=["Дорога в школу – 2026"]),
            notes="Organiser questionnaire with both the person's and the legal entity's data; types marked ☒/☐ with "
                  "typed numbers; the programme and the action are two more label|value tables in the same DOCX "
                  "(content after the 'Marathon of good deeds' and 'Road to school' seeds)."))


# 17 --------------------------------------------------------------------------------------------
def ru_volunteer_txt():
    p = NP["anna"]
    date = "Sat, 10 Jan 2026 21:14:02 +0500"
    arrival = "Sat, 10 Jan 2026 21:14:09 +0500"
    experience = "волонтер фестиваля «Ночь музеев» в 2024 и 2025 годах, репетитор для детей из детского дома"
    txt = f"""ЗАЯВЛЕНИЕ
о включении в реестр учета волонтерской деятельности

Я, {p['ru']}, прошу включить меня в реестр учета волонтерской деятельности (волонтер).
Даю согласие на сбор и обработку моих персональных данных.
Об ответственности за представление недостоверных сведений предупреждена.
Контактный телефон: {p['phone']}
Электронная почта: {p['email']}
Дата заполнения: 10.01.2026

АНКЕТА ВОЛОНТЕРА
ФИО: {p['ru']}
Год рождения: {p['birth'][:4]}
Место жительства: {p['city']}
ИИН: {p['iin']}
Опыт волонтерской деятельности: {experience}
Удобный вид связи: телефон, e-mail, Instagram @anna_tk_aktobe
Виды деятельности (номера из перечня): 8, 11
Моя роль как волонтера: 2) руководитель/лидер
Удобное время: 2) в праздничные дни, 4) в другое время - по выходным
"""
    data = txt.replace("\n", "\r\n").encode("cp1251")
    b = "----------B1F3D5C7A9E1B3F5D7"
    lines = delivered(f"<{p['email']}>", "4eB5pT8Rq1z6eE", arrival + " (+05)", "forward103b.mail.yandex.net",
                      "178.154.239.146")
    lines += [f"Date: {date}", "From: " + " ".join(ew_b(p["short"], "windows-1251")) + f" <{p['email']}>",
              "X-Mailer: The Bat! (v11.2.3) Professional", "Reply-To: " + " ".join(ew_b(p["short"], "windows-1251")) +
              f" <{p['email']}>", "X-Priority: 3 (Normal)", f"Message-ID: <1871042391.20260110211402@yandex.kz>",
              f"To: {MAILBOX}", "Subject: " + " ".join(ew_b("Анкета волонтера", "windows-1251")),
              "MIME-Version: 1.0", f'Content-Type: multipart/mixed; boundary="{b}"', "", "",
              f"--{b}", "Content-Type: text/plain; charset=windows-1251", "Content-Transfer-Encoding: 8bit", ""]
    lines += text_lines("Здравствуйте.\n\nЗаявление и анкета во вложении (текстовый файл).\n\n-- \nС уважением,\n"
                        " Анна                          mailto:" + p["email"] + "\n", "cp1251")
    lines += [f"--{b}", 'Content-Type: text/plain; charset=windows-1251; name="anketa_volontera.txt"',
              "Content-Transfer-Encoding: base64", 'Content-Disposition: attachment; filename="anketa_volontera.txt"',
              ""] + b64_lines(data) + ["", f"--{b}--", ""]
    add("new", arrival, lines, "volunteer, Russian, windows-1251 .txt attachment, The Bat!",
        exp("volunteer", "ru", "complete",
            dict(fullName=p["ru"], birthYear=p["birth"][:4], residence=p["city"], iin=p["iin"], experience=experience,
                 phone=p["phone"], email=p["email"], instagram="@anna_tk_aktobe", activityTypes=[8, 11], roles=[2],
                 availability=[2, 4], consent=True),
            notes="The form is only in the .txt attachment (windows-1251, CRLF); availability 4 'в другое время' "
                  "is qualified 'по выходным'."))


# 18 --------------------------------------------------------------------------------------------
ASEM_EXP = "2023 жылдан бері Теміртаудағы жануарлар баспанасында және қарттар үйінде көмектесемін"


def asem_form(iin):
    p = NP["asem"]
    return f"""Волонтер сауалнамасы
Т.А.Ә.: {p['kk']}
Туған жылы: {p['birth'][:4]}
Тұрғылықты жері: {p['city']}
ЖСН: {iin}
Волонтерлік қызметтегі тәжірибесі: {ASEM_EXP}
Байланыс: тел. {p['phone']}, e-mail {p['email']}
Қызмет түрлері: 2, 6, 13 (үй жануарларына арналған баспаналарға көмек)
Рөлім: 5) логистик, 6) хатшы
Қолайлы уақыт: 2) мереке күндері"""


def asem_fields(**kw):
    p = NP["asem"]
    f = dict(fullName=p["kk"], birthYear=p["birth"][:4], residence=p["city"], experience=ASEM_EXP, phone=p["phone"],
             email=p["email"], activityTypes=[2, 6, 13], otherActivity="үй жануарларына арналған баспаналарға көмек",
             roles=[5, 6], availability=[2], consent=True)
    f.update(kw)
    return f


def kk_volunteer_missing_iin():
    p = NP["asem"]
    date = "Mon, 12 Jan 2026 08:47:19 +0500"
    arrival = "Mon, 12 Jan 2026 08:47:26 +0500"
    body = ("Сәлеметсіз бе!\n\nМені волонтерлік қызметті есепке алу тізіліміне волонтер ретінде қосуыңызды сұраймын.\n"
            "Дербес мәліметтерімді жинауға және өңдеуге келісім беремін. Жалған мәліметтер үшін жауаптылық туралы "
            "ескертілдім.\n\n" + asem_form("") + "\n\nҚұрметпен,\nӘсем\n")
    b = "000000000000b7c8d90647a1e2f3"
    lines = head(p["short"], p["email"], date, arrival, "Волонтер сауалнамасы",
                 "CAMv3Tq8Xw1nR5zK9bD2hF7jL0pY4sG6cE8uN1aQ3kP5yT9oVc@mail.gmail.com", "4eC1qU9Sr2z7fF",
                 "mail-lj1-f177.google.com", "209.85.208.177",
                 extra=[f'Content-Type: multipart/alternative; boundary="{b}"'])
    lines += ["", f"--{b}", 'Content-Type: text/plain; charset="UTF-8"', "Content-Transfer-Encoding: base64", ""]
    lines += b64_lines(body.replace("\n", "\r\n").encode())
    lines += ["", f"--{b}", 'Content-Type: text/html; charset="UTF-8"', "Content-Transfer-Encoding: base64", ""]
    lines += b64_lines(('<div dir="ltr">' + html_of(body) + "</div>\r\n").encode()) + ["", f"--{b}--"]
    add("new", arrival, lines, "volunteer, Kazakh, body; IIN left empty (becomes VR-2026-000002)",
        exp("volunteer", "kk", "incomplete", asem_fields(), missing=["iin"],
            notes="'ЖСН:' present with no value. Type 13 with its text in parentheses. Registered as case "
                  "VR-2026-000002; refinement notice <notice-2.VR-2026-000002@mki.gov.kz>; resubmitted in sample 19."))


# 19 --------------------------------------------------------------------------------------------
def kk_resubmission():
    p = NP["asem"]
    date = "Wed, 14 Jan 2026 19:05:44 +0500"
    arrival = "Wed, 14 Jan 2026 19:05:51 +0500"
    quoted = ("Құрметті өтініш беруші!\n\nСауалнамада ЖСН көрсетілмеген. Қағидалардың 10-тармағына сәйкес "
              "мәліметтерді 3 жұмыс күні\nішінде нақтылап, осы хатқа жауап ретінде қайта жіберуіңізді сұраймыз.\n\n"
              "Уважаемый заявитель! В анкете не указан ИИН. Просим доработать и направить сведения\nв течение 3 "
              "рабочих дней ответом на это письмо.\n\nҚазақстан Республикасы Мәдениет және ақпарат министрлігі")
    body = ("Сәлеметсіз бе!\n\nЖСН-ді толтырдым, сауалнаманы толық қайта жіберемін.\n"
            "Дербес мәліметтерімді жинауға және өңдеуге келісім беремін.\n\n" + asem_form(p["iin"]) +
            "\n\nҚұрметпен,\nӘсем\n\n"
            "сс, 13 қаң. 2026 ж. 10:15 Волонтерлік қызмет тізілімі <volunteer@mki.gov.kz> жазды:\n" +
            "\n".join("> " + l if l else ">" for l in quoted.split("\n")) + "\n")
    b = "000000000000c4d5e60647c3a9b1"
    subj = "Re: [VR-2026-000002] Сауалнаманы нақтылау қажет / Требуется доработка анкеты"
    lines = head(p["short"], p["email"], date, arrival, subj,
                 "CAMv3Tq8Xw1nR5zK9bD2hF7jL0pY4sG6cE8uN1aQ3kP5yT9oVd@mail.gmail.com", "4eC6rV1Ts3z8gG",
                 "mail-lj1-f178.google.com", "209.85.208.178",
                 extra=["In-Reply-To: <notice-2.VR-2026-000002@mki.gov.kz>",
                        "References: <CAMv3Tq8Xw1nR5zK9bD2hF7jL0pY4sG6cE8uN1aQ3kP5yT9oVc@mail.gmail.com>",
                        " <notice-2.VR-2026-000002@mki.gov.kz>",
                        f'Content-Type: multipart/alternative; boundary="{b}"'])
    lines += ["", f"--{b}", 'Content-Type: text/plain; charset="UTF-8"', "Content-Transfer-Encoding: quoted-printable", ""]
    lines += qp_lines(body.encode())
    lines += ["", f"--{b}", 'Content-Type: text/html; charset="UTF-8"', "Content-Transfer-Encoding: quoted-printable", ""]
    lines += qp_lines(('<div dir="ltr">' + html_of(body.split("\n\nсс, 13")[0]) +
                       '</div><br><div class="gmail_quote"><blockquote class="gmail_quote">' +
                       html_of(quoted) + "</blockquote></div>").encode()) + ["", f"--{b}--"]
    add("new", arrival, lines, "resubmission: Re: [VR-2026-000002], replies to our refinement notice, IIN now given",
        exp("volunteer", "kk", "complete", asem_fields(iin=p["iin"]),
            notes="In-Reply-To <notice-2.VR-2026-000002@mki.gov.kz>, subject 'Re: [VR-2026-000002] …': belongs to "
                  "case VR-2026-000002 (sample 18). The full questionnaire is repeated with the IIN filled in; the "
                  "quoted notice below ('> …') is ours and must not be read as applicant data."))


# 20 --------------------------------------------------------------------------------------------
def ru_volunteer_odt_no_types():
    p = NP["ruslan"]
    date = "Tue, 13 Jan 2026 12:31:08 +0500"
    arrival = "Tue, 13 Jan 2026 12:31:14 +0500"
    experience = "донор крови с 2015 года, помогал на Атырауском марафоне 2023 и 2024 годов"
    rows = [("span", "Анкета волонтера"), ("ФИО (при наличии)", p["ru"]), ("Год рождения", p["birth"][:4]),
            ("Место жительства", p["city"]), ("ИИН", p["iin"]),
            ("Опыт волонтерской деятельности", experience),
            ("Какой вид связи для вас удобен", [p["phone"], ", ", p["email"], ", WhatsApp: ", p["phone"]])]
    blocks = application_blocks("ru", "volunteer", p["ru"], p["phone"], p["email"], "12.01.2026")
    blocks += [("p", ""), ("table", rows),
               ("p", [("Выберите основные виды деятельности, в которых вы участвуете в настоящее время:", {"b": 1})]),
               ("choices", RU_TYPES, [], "box"),
               ("p", [("Кратко опишите свою роль как волонтера:", {"b": 1})]), ("choices", RU_ROLES, [1], "box"),
               ("p", [("В какое время вам удобна волонтерская деятельность?", {"b": 1})]),
               ("choices", RU_TIMES, [3], "box")]
    odt = G.odt(blocks, lang="ru", country="RU", title="Анкета волонтера", author=p["short"])
    b = "----==--bound.88213.myt5-1a2b3c4d5e6f.qloud-c.yandex.net"
    lines = head(p["short"], p["email"], date, arrival, "Анкета волонтера Исмаилов Р.Ф.",
                 "CAN4kW8Ym2pS6zL0bD3hF9jL1pY5sG7cE0uN2aQ4kP6yT8oVe@mail.gmail.com", "4eC3sW2Ut4z9hH",
                 "mail-pf1-f173.google.com", "209.85.210.173",
                 extra=[f'Content-Type: multipart/mixed; boundary="{b}"'])
    lines += ["", f"--{b}", "Content-Type: text/plain; charset=utf-8", "Content-Transfer-Encoding: 8bit", ""]
    lines += text_lines("Добрый день! Анкету заполнил в LibreOffice, отправляю.\nРуслан\n", "utf-8")
    lines += attachment(b, ODT_CT, "anketa_ismailov.odt", odt) + [f"--{b}--", ""]
    add("new", arrival, lines, "volunteer, Russian, ODT; no activity type chosen",
        exp("volunteer", "ru", "incomplete",
            dict(fullName=p["ru"], birthYear=p["birth"][:4], residence=p["city"], iin=p["iin"], experience=experience,
                 phone=p["phone"], email=p["email"], whatsapp=p["phone"], roles=[1], availability=[3], consent=True),
            missing=["activityTypes"],
            notes="All 13 activity types are printed with ☐ and none is ☒; roles and availability are ☒-marked. "
                  "Kind 'волонтер' underlined (style T1)."))


# 21 --------------------------------------------------------------------------------------------
def ru_pdf_scan():
    p = NP["zhanar"]
    date = "Thu, 15 Jan 2026 05:32:10 +0000"
    arrival = "Thu, 15 Jan 2026 10:32:16 +0500"
    b = "_002_AS8PR07MB7845F1E2D3C4B5A6978812AS8PR07MB7845eurp_"
    pdf = G.scan_pdf([G.page_jpeg(seed=21), G.page_jpeg(seed=22)], title="Скан", producer="HP Smart")
    lines = delivered(f"<{p['email']}>", "4eD2tX3Vu5z0iI", arrival + " (+05)",
                      "mail-db8eur05olkn2012.outbound.protection.outlook.com", "40.92.89.12")
    lines += ["From: " + " ".join(ew_b(p["short"], "utf-8")) + f" <{p['email']}>", f"To: {MAILBOX}",
              "Subject: " + " ".join(ew_b("Заявление волонтера (скан)", "utf-8")), f"Date: {date}",
              "Message-ID: <AS8PR07MB7845F1E2D3C4B5A69788@AS8PR07MB7845.eurprd07.prod.outlook.com>",
              "Accept-Language: ru-RU", "Content-Language: ru-RU", "X-MS-Has-Attach: yes",
              f'Content-Type: multipart/mixed; boundary="{b}"', "MIME-Version: 1.0", "",
              f"--{b}", 'Content-Type: text/plain; charset="utf-8"', "Content-Transfer-Encoding: base64", ""]
    lines += b64_lines("Добрый день!\r\nНаправляю заявление и анкету волонтера (скан, 2 страницы).\r\n"
                       "Омарова Ж.\r\n".encode())
    lines += [""] + attachment(b, "application/pdf", "Скан_анкета.pdf", pdf, ew=True) + [f"--{b}--", ""]
    add("new", arrival, lines, "scan: two-page image-only PDF, volunteer, Russian, Outlook.com",
        exp("volunteer", "ru", "unreadable",
            notes="The body names the kind ('анкету волонтера') but all data are in a 2-page PDF of DCT images "
                  "with no text layer. A case for staff."))


# 22 --------------------------------------------------------------------------------------------
def ru_change_notice():
    p = P["erlan"]
    date = "Fri, 16 Jan 2026 18:20:40 +0500"
    arrival = "Fri, 16 Jan 2026 18:20:45 +0500"
    new_city, new_phone = "г. Астана, район Есиль", "+7 777 555 40 99"
    experience = "с 2019 года помогаю в акции «Дорога в школу», собирал канцтовары для детей из многодетных семей."
    body = f"""Здравствуйте!

Я включен в реестр учета волонтерской деятельности (номер VR-2026-000004).
В связи с переездом сообщаю об изменении сведений: изменились место жительства и номер телефона.
Направляю обновленную анкету (п. 7 Правил). Согласие на обработку персональных данных подтверждаю.

Анкета волонтера (обновленная)
ФИО: {p['ru']}
Год рождения: {p['birth'][:4]}
Место жительства: {new_city}
ИИН: {p['iin']}
Опыт волонтерской деятельности: {experience}
Контакты: {new_phone}, {p['email']}
Виды деятельности: 1, 3, 9, 10
Роль: 5) логист
Удобное время: 1) отпуск/каникулы

Дата заполнения: 16.01.2026
{p['ru']}
"""
    b = "----ALT--9dF1b3A5c7E9d1F3b5A7c9E1d3F5b7A91768569640"
    lines = head("Ерлан Жумабаев", p["email"], date, arrival, "Изменение сведений в реестре – Жумабаев Е.С.",
                 "1768569640.112358132@f401.i.mail.ru", "4eD5uY4Wv6z1jJ", "f401.i.mail.ru", "95.163.41.140",
                 client="mailru", extra=["X-Mailer: Mail.Ru Mailer 1.0",
                                         f'Content-Type: multipart/alternative; boundary="{b}"'])
    lines += ["", f"--{b}", "Content-Type: text/plain; charset=utf-8", "Content-Transfer-Encoding: base64", ""]
    lines += b64_lines(body.replace("\n", "\r\n").encode())
    lines += ["", f"--{b}", "Content-Type: text/html; charset=utf-8", "Content-Transfer-Encoding: base64", ""]
    lines += b64_lines(("<HTML><BODY>" + html_of(body) + "</BODY></HTML>").encode()) + ["", f"--{b}--", ""]
    add("new", arrival, lines, "change notice (p.7): updated volunteer questionnaire from a registrant, Russian",
        exp("volunteer", "ru", "complete",
            dict(fullName=p["ru"], birthYear=p["birth"][:4], residence=new_city, iin=p["iin"], experience=experience,
                 phone=new_phone, email=p["email"], activityTypes=[1, 3, 9, 10], roles=[5], availability=[1],
                 consent=True),
            notes="Not a new application: an update under p.7 of the Rules from the registrant of sample 2 "
                  "(VR-2026-000004, same IIN and e-mail); residence, phone changed and type 10 added.",
            purpose="change"))


# 23 --------------------------------------------------------------------------------------------
def ru_termination():
    org = ORG["izgilik"]
    h = P[org["head"]]
    date = "Mon, 19 Jan 2026 11:11:11 +0500"
    arrival = "Mon, 19 Jan 2026 11:11:17 +0500"
    body = f"""Уважаемые сотрудники Министерства!

{org['ru']} (БИН {org['bin']}) уведомляет о прекращении волонтерской деятельности с 1 февраля 2026 года
в связи с решением попечительского совета о ликвидации фонда (протокол № 3 от 15.01.2026).
Просим внести соответствующую отметку в реестр учета волонтерской деятельности.

Директор фонда {h['ru']}
тел. {h['phone']}, e-mail: {org['email']}
"""
    lines = head("Фонд Изгилик жолы", org["email"], date, arrival, "Уведомление о прекращении волонтерской деятельности",
                 "1768803071.557821@smtp51.i.mail.ru", "4eE1vZ5Xw7z2kK", "smtp51.i.mail.ru", "95.163.41.89",
                 client="mailru", extra=["Content-Type: text/plain; charset=utf-8", "Content-Transfer-Encoding: 8bit"])
    lines += [""] + text_lines(body, "utf-8")
    add("cur", arrival, lines, "termination notice (p.13), free-form, volunteer organisation, Russian (seen)",
        exp("organization", "ru", "not-an-application",
            dict(organizationName=org["ru"], bin=org["bin"], headName=h["ru"], phone=h["phone"], email=org["email"]),
            notes="Free-form notice under p.13 of the Rules: the registrant stops volunteer activity from "
                  "2026-02-01 (column 11 of the register). Not an application for inclusion; identifies the "
                  "registrant by name and BIN.",
            purpose="termination", termination_date="2026-02-01"))


# 24 --------------------------------------------------------------------------------------------
def ru_two_applicants():
    a, c = NP["daniyar"], NP["aizhan"]
    date = "Tue, 20 Jan 2026 20:45:03 +0500"
    arrival = "Tue, 20 Jan 2026 20:45:09 +0500"
    ea = "с 2020 года волонтер Таразского городского центра поддержки семьи"
    ec = "участница акции «Дорога в школу» 2024 и 2025 годов"

    def form(p, e, types, role, time):
        return body_form([("ФИО", p["ru"]), ("Год рождения", p["birth"][:4]), ("Место жительства", p["city"]),
                          ("ИИН", p["iin"]), ("Опыт волонтерской деятельности", e),
                          ("Контакты", f"{p['phone']}, {p['email']}"), ("Виды деятельности", types),
                          ("Роль", role), ("Удобное время", time)])
    body = ("Здравствуйте!\n\nПросим включить нас (брат и сестра) в реестр учета волонтерской деятельности как "
            "волонтеров.\nКаждый из нас дает согласие на сбор и обработку своих персональных данных; об "
            "ответственности за недостоверные сведения предупреждены.\n\n1. Анкета волонтера\n" +
            form(a, ea, "1, 2, 9", "2) руководитель/лидер", "2) в праздничные дни") + "\n\n2. Анкета волонтера\n" +
            form(c, ec, "1, 8", "6) секретарь", "1) во время каникул, 3) в летнее время") +
            f"\n\nС уважением,\n{a['short']}, {c['short']}\n")
    lines = head(a["short"], a["email"], date, arrival, "Анкеты волонтеров (2 человека)",
                 "1768923903.998877665@f733.i.mail.ru", "4eE4wA6Yx8z3lL", "f733.i.mail.ru", "95.163.41.173",
                 client="mailru", extra=["X-Mailer: Mail.Ru Mailer 1.0", "Content-Type: text/plain; charset=utf-8",
                                         "Content-Transfer-Encoding: 8bit"])
    lines += [""] + text_lines(body, "utf-8")
    add("new", arrival, lines, "two different applicants (two volunteer questionnaires) in one message, Russian",
        exp("volunteer", "ru", "complete",
            dict(fullName=a["ru"], birthYear=a["birth"][:4], residence=a["city"], iin=a["iin"], experience=ea,
                 phone=a["phone"], email=a["email"], activityTypes=[1, 2, 9], roles=[2], availability=[2],
                 consent=True),
            notes=f"TWO applicants: `fields` holds the first (the sender). The second is {c['ru']}, born "
                  f"{c['birth'][:4]}, {c['city']}, IIN {c['iin']}, experience '{ec}', phone {phone(c['phone'])}, "
                  f"e-mail {c['email']}, types [1, 8], roles [6], availability [1, 3], consent true: also complete. "
                  "Should become two cases (or one case flagged for staff)."))


# 25 --------------------------------------------------------------------------------------------
def empty_message():
    email = "samal.k.2004@gmail.com"
    date = "Wed, 21 Jan 2026 07:58:12 +0500"
    arrival = "Wed, 21 Jan 2026 07:58:19 +0500"
    lines = delivered(f"<{email}>", "4eE7xB7Zy9z4mM", arrival + " (+05)", "mail-pl1-f180.google.com", "209.85.214.180")
    lines += F.dkim("gmail.com", "20230601", "sample-25", date, "to:subject:message-id:date:from:mime-version")
    lines += ["Content-Type: text/plain; charset=us-ascii", "Content-Transfer-Encoding: 7bit",
              "From: " + " ".join(ew_b("Самал")) + f" <{email}>", "Mime-Version: 1.0 (1.0)", f"Date: {date}",
              "Subject: ", "Message-Id: <4D2F6A8C-1B3E-4F5A-9C7D-2E4F6A8B0C1D@gmail.com>", f"To: {MAILBOX}",
              "X-Mailer: iPhone Mail (22C152)", "", ""]
    add("new", arrival, lines, "empty message: empty subject, empty body, no attachment (iPhone)",
        exp(None, None, "not-an-application",
            notes="Nothing to read: empty Subject header and an empty text/plain body (the attachment the sender "
                  "probably meant to add is missing)."))


# 26 --------------------------------------------------------------------------------------------
def kk_volunteer_legacy_doc():
    p = NP["kairat"]
    date = "Thu, 22 Jan 2026 15:07:44 +0500"
    arrival = "Thu, 22 Jan 2026 15:07:52 +0500"
    paras = ["Қазақстан Республикасы Мәдениет және ақпарат министрлігі",
             "Волонтерлік қызметті есепке алу тізіліміне қосу туралы арыз",
             f"{p['kk']} волонтерлік қызметті есепке алу тізіліміне қосуды сұраймын (волонтер).",
             "Волонтерлік қызметті есепке алу тізіліміне қосу үшін қажетті дербес мәліметтерімді жинауға және "
             "өңдеуге келісім беремін.",
             "Анық емес мәліметтер мен қолдан жасалған құжаттарды ұсынғаны үшін жауаптылық туралы ескертілді.",
             f"Байланыс телефоны: {p['phone']}", f"Электрондық пошта: {p['email']}",
             "Толтырылған күні: 2026 жылғы 21 қаңтар", "", "Волонтер сауалнамасы",
             f"Т.А.Ә.: {p['kk']}", f"Туған жылы: {p['birth'][:4]}", f"Тұрғылықты жері: {p['city']}",
             f"ЖСН: {p['iin']}", "Волонтерлік қызметтегі тәжірибесі: жоқ",
             f"Байланыстың қай түрі сізге ыңғайлы: телефон {p['phone']}, электрондық пошта {p['email']}",
             "Қызмет түрлері: 5, 7", "Рөліңіз: 1) өз саласында кәсіпқой маман (тарихшы, өлкетанушы)",
             "Қолайлы уақыт: 4) басқа уақытта"]
    doc = G.legacy_doc(paras, lid=0x043F)
    b = "----=_NextPart_000_0007_01DC8B2A.4F6E3D10"
    lines = delivered(f"<{p['email']}>", "4eF2yC8Az1z5nN", arrival + " (+05)", "smtp45.i.mail.ru", "95.163.41.83")
    lines += ["From: " + " ".join(ew_b(p["short"], "utf-8")) + f" <{p['email']}>", f"To: <{MAILBOX}>",
              "Subject: " + " ".join(ew_b("арыз", "utf-8")), f"Date: {date}",
              "Message-ID: <000601dc8b2a$4f6e3d10$ee4ab730$@mail.ru>", "MIME-Version: 1.0",
              "Content-Type: multipart/mixed;", f'\tboundary="{b}"', "X-Mailer: Microsoft Office Outlook 12.0",
              "Thread-Index: AdyLKk9uPRDOAPbUR+i8nT6vXd1Ssw==", "Content-Language: ru", "",
              "This is a multi-part message in MIME format.", "", f"--{b}",
              'Content-Type: text/plain;\tcharset="utf-8"', "Content-Transfer-Encoding: base64", ""]
    lines += b64_lines("Сәлеметсіз бе!\r\nАрыз бен сауалнама тіркемеде (Word).\r\nҚ. Нұрмағанбетов\r\n".encode())
    lines += ["", f"--{b}", "Content-Type: application/msword;", f'\tname="{" ".join(ew_b("арыз_сауалнама.doc"))}"',
              "Content-Transfer-Encoding: base64", "Content-Disposition: attachment;",
              f'\tfilename="{" ".join(ew_b("арыз_сауалнама.doc"))}"', ""] + b64_lines(doc) + ["", f"--{b}--", ""]
    add("new", arrival, lines, "volunteer, Kazakh, legacy Word 97-2003 .doc attachment, Outlook 2007",
        # What the .doc holds (kk volunteer, complete): {fullName, birthYear, residence, iin, experience 'жоқ',
        # phone, email, activityTypes [5, 7], roles [1], availability [4], consent}. Legacy .doc is not read.
        exp(None, None, "unreadable",
            notes="application/msword (OLE2 compound file, FIB nFib 0xC1, text as one UTF-16LE piece in the piece "
                  "table; paragraphs end with CR). Experience 'жоқ' is a valid answer. If .doc is not supported, the "
                  "message is a case for staff (the body only says the forms are attached). Legacy .doc is not read "
                  "(issue 3: legacy .doc makes the message unreadable, nothing guessed); staff read it."))


# 27 --------------------------------------------------------------------------------------------
def spam():
    date = "Fri, 23 Jan 2026 03:14:15 +0300"
    arrival = "Fri, 23 Jan 2026 05:14:22 +0500"
    email = "news@promo-mailer.example.net"
    b = "b1_7f3e9a2c4d6b8e0f1a3c5e7d9b1f3a5c"
    text = ("Уважаемые руководители!\n\nТолько до конца января: курсы повышения квалификации для госслужащих "
            "со скидкой 70%.\nСертификат государственного образца. Записывайтесь по ссылке ниже.\n\n"
            "Отписаться от рассылки: https://promo-mailer.example.net/u/8841\n")
    lines = delivered(f"<bounce-8841@promo-mailer.example.net>", "4eF5zD9Ba2z6oO", arrival + " (+05)",
                      "mta7.promo-mailer.example.net", "198.51.100.77")
    lines += ["X-Spam-Flag: YES", "X-Spam-Status: Yes, score=7.9 required=5.0", f"Date: {date}",
              "From: " + " ".join(ew_b("Учебный центр «Профи»")) + f" <{email}>", f"To: {MAILBOX}",
              "Subject: " + " ".join(ew_b("Скидка 70% на курсы до 31 января!")),
              "Message-ID: <8841.1769127255@promo-mailer.example.net>", "MIME-Version: 1.0",
              "List-Unsubscribe: <https://promo-mailer.example.net/u/8841>", "Precedence: bulk",
              f'Content-Type: multipart/alternative; boundary="{b}"', "", f"--{b}",
              "Content-Type: text/plain; charset=utf-8", "Content-Transfer-Encoding: base64", ""]
    lines += b64_lines(text.encode())
    lines += ["", f"--{b}", "Content-Type: text/html; charset=utf-8", "Content-Transfer-Encoding: base64", ""]
    lines += b64_lines(("<html><body>" + html_of(text) + "</body></html>").encode()) + ["", f"--{b}--", ""]
    add("cur", arrival, lines, "spam (bulk advertising), Russian (seen)",
        exp(None, "ru", "not-an-application", notes="Bulk mail (Precedence: bulk, List-Unsubscribe, X-Spam-Flag)."))


# 28 --------------------------------------------------------------------------------------------
def ru_coordinator_yandex():
    p = NP["elena"]
    date = "Mon, 26 Jan 2026 09:41:36 +0500"
    arrival = "Mon, 26 Jan 2026 09:41:42 +0500"
    e1 = "с 2016 года, помощь в домах престарелых и реабилитационных центрах"
    e2 = "3 года координирую волонтеров центра «Шаңырақ» в Павлодаре"
    body = f"""Добрый день!

Прошу включить меня в реестр учета волонтерской деятельности как координатора волонтеров.
Даю согласие на сбор и обработку моих персональных данных. Об ответственности за представление недостоверных сведений предупреждена.

АНКЕТА КООРДИНАТОРА ВОЛОНТЕРОВ
1. ФИО: {p['ru']}
2. Год рождения: {p['birth'][:4]}
3. Место жительства: {p['city']}
4. ИИН: {p['iin']}
5. Опыт работы в волонтерской деятельности: {e1}
6. Опыт работы координатором волонтеров: {e2}
7. Телефон: {p['phone']}
   E-mail: {p['email']}
   Instagram: @pvl_volunteers_hub
8. Основные виды деятельности: 2, 10
9. Сколько волонтеров вы координируете: 25

--
Елена Литвиненко
"""
    b = "----==--bound.40517.sas2-9c8b7a6f5e4d.qloud-c.yandex.net"
    lines = head(p["short"], p["email"], date, arrival, "Анкета координатора волонтеров",
                 "405171769402496@mail.yandex.kz", "4eG1aE1Cb3z7pP", "forward400a.mail.yandex.net", "178.154.239.80",
                 client="yandex", extra=["X-Mailer: Yamail [ http://yandex.ru ] 5.0",
                                         f'Content-Type: multipart/alternative; boundary="{b}"'])
    lines += ["", "", f"--{b}", "Content-Transfer-Encoding: 8bit", "Content-Type: text/plain; charset=utf-8", ""]
    lines += text_lines(body, "utf-8")
    lines += [f"--{b}", "Content-Transfer-Encoding: 8bit", "Content-Type: text/html; charset=utf-8", ""]
    lines += text_lines("<div>" + html_of(body) + "</div>", "utf-8") + [f"--{b}--", ""]
    add("new", arrival, lines, "coordinator, Russian, numbered form in the body, Yandex",
        exp("coordinator", "ru", "complete",
            dict(fullName=p["ru"], birthYear=p["birth"][:4], residence=p["city"], iin=p["iin"], experience=e1,
                 coordinatorExperience=e2, coordinatedCount=25, phone=p["phone"], email=p["email"],
                 instagram="@pvl_volunteers_hub", activityTypes=[2, 10], consent=True),
            notes="Questionnaire lines numbered '1. ФИО: …'; contacts over three lines under item 7."))


# 29 --------------------------------------------------------------------------------------------
def kk_group_docx():
    p = NP["erasyl"]
    date = "Wed, 28 Jan 2026 16:02:57 +0500"
    arrival = "Wed, 28 Jan 2026 16:03:04 +0500"
    members = [p["kk"], "Ахметова Аружан Серікқызы", "Бекболат Нұрсұлтан Ерланұлы", "Жұмаділова Томирис Асқарқызы"]
    experience = "2021 жылдан бері Каспий жағалауын тазалау акцияларын ұйымдастырамын"
    rows = [("span", "Волонтерлік топтың сауалнамасы"),
            ("Волонтерлік тобы басшысының Т.А.Ә. (бар болған кезде)", p["kk"]), ("Туған жылы", p["birth"][:4]),
            ("Тұрғылықты жері", p["city"]), ("ЖСН", p["iin"]),
            ("Волонтерлік топ басшысының волонтерлік қызметтегі тәжірибесі", experience),
            ("Волонтерлік топ тізімі (Т.А.Ә. көрсетіңіз)", "; ".join(f"{i}. {m}" for i, m in enumerate(members, 1))),
            ("Телефон, электрондық пошта, Web-сайт, Instagram, WhatsApp (бар болған кезде)",
             [p["phone"], ", ", p["email"], ", Instagram ", "@aktau_eco_team"])]
    blocks = application_blocks("kk", "group", p["kk"], p["phone"], p["email"], "2026 жылғы 27 қаңтар")
    blocks += [("p", ""), ("table", rows),
               ("p", [("Қазіргі уақытта волонтерлер тобы қатысатын негізгі қызмет түрлерін таңдаңыз:", {"b": 1})]),
               ("choices", KK_TYPES, [6, 9, 12], "num")]
    docx = G.docx(blocks, lang="kk-KZ", seed=29, title="Топ сауалнамасы", author="Erasyl")
    b = "0000000000007a8b9c0648e1f2a3"
    lines = head(p["short"], p["email"], date, arrival, "Волонтерлер тобы – Ақтау, эко-команда",
                 "CAPx5Yn9Tz3mW7vR2bD6hF1jL8pY3sG5cE7uN0aQ2kP4yT6oVf@mail.gmail.com", "4eG4bF2Dc4z8qQ",
                 "mail-oi1-f169.google.com", "209.85.167.169",
                 extra=[f'Content-Type: multipart/mixed; boundary="{b}"'])
    lines += ["", f"--{b}", 'Content-Type: text/plain; charset="UTF-8"', "Content-Transfer-Encoding: base64", ""]
    lines += b64_lines("Сәлеметсіз бе! Топтың арызы мен сауалнамасы тіркемеде.\r\n".encode())
    lines += [""] + attachment(b, DOCX_CT, "Топ_сауалнамасы.docx", docx, ew=True) + [f"--{b}--", ""]
    add("new", arrival, lines, "volunteer group, Kazakh, DOCX with automatic numbering, Gmail",
        exp("group", "kk", "complete",
            dict(fullName=p["kk"], birthYear=p["birth"][:4], residence=p["city"], iin=p["iin"], experience=experience,
                 members=members, phone=p["phone"], email=p["email"], instagram="@aktau_eco_team",
                 activityTypes=[6, 9, 12], consent=True),
            notes="Activity types are a Word numbered list (numbering.xml, '%1)'): the numbers are not in the text, "
                  "items are counted; chosen ones end with ' X'. Members in one cell separated by '; '."))


# 30 --------------------------------------------------------------------------------------------
def ru_org_missing_bin():
    o = SEMEY
    date = "Thu, 29 Jan 2026 12:20:18 +0300"
    arrival = "Thu, 29 Jan 2026 14:20:24 +0500"
    body = f"""Добрый день!

{o['ru']} просит включить организацию в реестр учета волонтерской деятельности (волонтерская организация).
Согласие на сбор и обработку персональных данных даем. Об ответственности за недостоверные сведения предупреждены.

Анкета волонтерской организации
Наименование организации: {o['ru']}
Дата регистрации: 03.08.2022
Телефон: {o['phone']}
Эл. почта: {o['email']}
ФИО руководителя: {o['head']}
Количество волонтеров: {o['volunteers']}
Основные виды деятельности: 1, 2, 3

Председатель {o['head']}
"""
    b = "----ALT--5e7A9c1E3b5D7f9A1c3E5b7D9f1A3c5E1769678418"
    lines = head("Добрые руки Семей", o["email"], date, arrival, "Заявка в реестр волонтеров",
                 "1769678418.246813579@f388.i.mail.ru", "4eG7cG3Ed5z9rR", "f388.i.mail.ru", "95.163.41.128",
                 client="mailru", charset="windows-1251",
                 extra=["X-Mailer: Mail.Ru Mailer 1.0", f'Content-Type: multipart/alternative; boundary="{b}"'])
    lines += ["", "", f"--{b}", "Content-Type: text/plain; charset=windows-1251",
              "Content-Transfer-Encoding: quoted-printable", ""]
    lines += qp_lines(body.encode("cp1251"))
    lines += ["", f"--{b}", "Content-Type: text/html; charset=windows-1251", "Content-Transfer-Encoding: quoted-printable", ""]
    lines += qp_lines(("<HTML><BODY>" + html_of(body) + "</BODY></HTML>").encode("cp1251")) + ["", f"--{b}--", ""]
    add("new", arrival, lines, "volunteer organisation, Russian, windows-1251 quoted-printable; BIN not given",
        exp("organization", "ru", "incomplete",
            dict(organizationName=o["ru"], registrationDate=o["reg"], headName=o["head"], volunteerCount=o["volunteers"],
                 phone=o["phone"], email=o["email"], activityTypes=[1, 2, 3], consent=True),
            missing=["bin"], notes="No BIN line at all."))


# 31 --------------------------------------------------------------------------------------------
def read_receipt():
    p = P["gulnara"]
    date = "Mon, 19 Jan 2026 10:02:31 +0500"
    arrival = "Mon, 19 Jan 2026 10:02:36 +0500"
    b = "----=_Part_4471_1768798951"
    lines = delivered(f"<{p['email']}>", "4eH1dH4Fe6z0sS", arrival + " (+05)", "smtp51.i.mail.ru", "95.163.41.89")
    lines += ["From: " + " ".join(ew_b("Гульнара Турсынова")) + f" <{p['email']}>", f"To: {MAILBOX}"]
    lines += fold_words("Subject", ew_b("Прочитано: [VR-2026-000003] Анкетаны нақтылау қажет / Требуется доработка анкеты"))
    lines += [f"Date: {date}", "Message-ID: <mdn.1768798951.4471@inbox.ru>",
              "In-Reply-To: <notice-1.VR-2026-000003@mki.gov.kz>", "References: <notice-1.VR-2026-000003@mki.gov.kz>",
              "Auto-Submitted: auto-replied", "MIME-Version: 1.0",
              f'Content-Type: multipart/report; report-type=disposition-notification; boundary="{b}"', "",
              f"--{b}", "Content-Type: text/plain; charset=utf-8", "Content-Transfer-Encoding: 8bit", ""]
    lines += text_lines("Ваше сообщение «[VR-2026-000003] Анкетаны нақтылау қажет / Требуется доработка анкеты» "
                        "было прочитано 19.01.2026 10:02.\n", "utf-8")
    lines += [f"--{b}", "Content-Type: message/disposition-notification", "",
              "Reporting-UA: e.mail.ru; Mail.Ru", f"Final-Recipient: rfc822; {p['email']}",
              "Original-Message-ID: <notice-1.VR-2026-000003@mki.gov.kz>",
              "Disposition: manual-action/MDN-sent-manually; displayed", "", f"--{b}--", ""]
    add("new", arrival, lines, "read receipt (MDN) for our notice for VR-2026-000003",
        exp(None, None, "not-an-application",
            notes="multipart/report; report-type=disposition-notification; Original-Message-ID "
                  "<notice-1.VR-2026-000003@mki.gov.kz>. Not a refinement."))


# 32 --------------------------------------------------------------------------------------------
def ru_volunteer_no_experience_other():
    p = NP["maxim"]
    date = "Sat, 31 Jan 2026 13:37:00 +0500"
    arrival = "Sat, 31 Jan 2026 13:37:06 +0500"
    other = "помощь приютам для бездомных животных"
    body = f"""Здравствуйте!

Хочу стать волонтером, прошу включить меня в реестр учета волонтерской деятельности.
Согласен на сбор и обработку моих персональных данных. Об ответственности за недостоверные сведения предупрежден.

ФИО: {p['ru']}
Год рождения: {p['birth'][:4]}
Место жительства: {p['city']}
ИИН: {p['iin']}
Опыт волонтерской деятельности: нет
Связь: {p['phone']} (WhatsApp), {p['email']}
Виды деятельности: 9, 13 – {other}
Роль: 5) логист
Удобное время: 1) каникулы, 3) летом

Максим
"""
    b = "000000000000e8f9a00649b2c3d4"
    lines = head(p["short"], p["email"], date, arrival, "Волонтер",
                 "CAQy6Zo0Ua4nX8wS3bD7hF2jL9pY4sG6cE8uN1aQ3kP5yT7oVg@mail.gmail.com", "4eH4eJ5Gf7z1tT",
                 "mail-yb1-f182.google.com", "209.85.219.182",
                 extra=[f'Content-Type: multipart/alternative; boundary="{b}"'])
    lines += ["", f"--{b}", 'Content-Type: text/plain; charset="UTF-8"', "Content-Transfer-Encoding: quoted-printable", ""]
    lines += qp_lines(body.encode())
    lines += ["", f"--{b}", 'Content-Type: text/html; charset="UTF-8"', "Content-Transfer-Encoding: quoted-printable", ""]
    lines += qp_lines(('<div dir="ltr">' + html_of(body) + "</div>").encode()) + ["", f"--{b}--"]
    add("new", arrival, lines, "volunteer, Russian, body without a form title; experience 'нет', type 13 with text",
        exp("volunteer", "ru", "complete",
            dict(fullName=p["ru"], birthYear=p["birth"][:4], residence=p["city"], iin=p["iin"], experience="нет",
                 phone=p["phone"], email=p["email"], whatsapp=p["phone"], activityTypes=[9, 13], otherActivity=other,
                 roles=[5], availability=[1, 3], consent=True),
            notes="'нет' is a valid answer for experience. WhatsApp marked in parentheses after the phone."))


BUILDERS = [kk_volunteer, ru_volunteer_1251, org_cover, group, coordinator, organiser_action, scan_jpeg, auto_reply,
            bounce, forward_regional, koi8r, question,
            ru_group_html_table, kk_org_odt, kk_coordinator_docx_checkbox, ru_organizer_programme_action,
            ru_volunteer_txt, kk_volunteer_missing_iin, kk_resubmission, ru_volunteer_odt_no_types, ru_pdf_scan,
            ru_change_notice, ru_termination, ru_two_applicants, empty_message, kk_volunteer_legacy_doc, spam,
            ru_coordinator_yandex, kk_group_docx, ru_org_missing_bin, read_receipt, ru_volunteer_no_experience_other]


def main():
    root = Path(sys.argv[1]) if len(sys.argv) > 1 else HERE.parents[2] / "maildir-samples"
    for sub in ("cur", "new", "tmp"):
        (root / sub).mkdir(parents=True, exist_ok=True)
    for sub in ("cur", "new"):
        for old in (root / sub).glob(f"*.{HOST}*"):
            old.unlink()
    SAMPLES.clear()
    for builder in BUILDERS:
        builder()
    expected = []
    for n, (t, folder, data, label, e) in enumerate(SAMPLES, 1):
        usec = (t * 7919 + n * 104729) % 1_000_000
        pid = 1200 + n * 37
        name = f"{t}.M{usec}P{pid}.{HOST},S={len(data)}"
        if folder == "cur":
            name += ":2,S"
        (root / folder / name).write_bytes(data)
        expected.append(dict({"file": f"{folder}/{name}"}, **e))
        print(f"{n:2d} {folder}/{name}  {label}")
    out = HERE / "samples-expected.json"
    out.write_text(json.dumps(expected, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
