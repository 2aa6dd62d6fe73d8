#!/usr/bin/python3
"""Writes 12 sample messages into the Maildir `maildir-samples/` at the repository root.

    /usr/bin/python3 Tests/MIMETests/Fixtures/make-samples.py [MAILDIR]

Deterministic (no clock, no randomness). Uses the helpers, invented people and IIN/BIN code of
make-fixtures.py next to it; reads nothing else. All content is embedded here (paraphrasing the
Rules' Annex 2 forms and the programmes registered under them); all people and organisations are
invented; IINs/BINs have valid check digits except the coordinator's, which is deliberately wrong.

Files are stored with LF line ends, as Postfix's local delivery and Dovecot write a Maildir;
`S=` is the file size in bytes. Nine messages go to new/, three (already seen) to cur/ with `:2,S`.
tmp/ is left empty; the script removes only the files it wrote before (`*.tizilim-sample*`).
"""

import importlib.util
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
_spec = importlib.util.spec_from_file_location("fixtures", HERE / "make-fixtures.py")
F = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(F)

P, ORG, MAILBOX = F.P, F.ORG, F.MAILBOX
ew_b, ew_q, b64_lines, qp_lines, text_lines, raw = F.ew_b, F.ew_q, F.b64_lines, F.qp_lines, F.text_lines, F.raw
fold_words, html_of = F.fold_words, F.html_of

EOL = b"\n"
HOST = "tizilim-sample"


def delivered(ret, qid, date, helo, ip):
    """What the LDA and the MX put on top of every delivered message."""
    return [f"Return-Path: {ret}", f"Delivered-To: {MAILBOX}"] + F.mx_received(helo, ip, qid, date)


SAMPLES = []  # (epoch, folder, bytes, label)


def add(folder, arrival, lines, label):
    SAMPLES.append((F.epoch(arrival), folder, F.build(lines, eol=EOL), label))


# 1 ---------------------------------------------------------------------------------------------
def kk_volunteer():
    p = P["aigerim"]
    date = "Mon, 24 Nov 2025 09:12:40 +0500"
    arrival = "Mon, 24 Nov 2025 09:12:46 +0500"
    b = "000000000000f1a2b30643fb7c21"
    body = F.kk_volunteer_application(p, types="1, 2, 10", role="1) өз саласында кәсіпқой маман")
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
    add("new", arrival, lines, "volunteer, Kazakh, Gmail")


# 2 ---------------------------------------------------------------------------------------------
def ru_volunteer_1251():
    p = P["erlan"]
    date = "Mon, 24 Nov 2025 20:31:05 +0300"
    arrival = "Mon, 24 Nov 2025 22:31:09 +0500"
    b = "----ALT--7aA9f1E3c5D7b9F1a3C5e7D9b1F3a5C71764005465"
    body = F.ru_volunteer_application(p, types="1, 3, 9")
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
    add("new", arrival, lines, "volunteer, Russian, windows-1251, Mail.ru")


# 3 ---------------------------------------------------------------------------------------------
def org_cover():
    org = dict(kk="«Мейірім жүрегі» волонтерлік ұйымы» қоғамдық қоры",
               ru="Общественный фонд «Волонтерская организация «Мейирим журеги»", reg="2020-09-17",
               bin=F.make_bin("2009", 40218), head="madina", email="office@meyirim-zhuregi.kz",
               site="meyirim-zhuregi.kz", volunteers=52)
    head = P[org["head"]]
    email = "m.alimzhanova@meyirim-zhuregi.kz"
    date = "Tue, 25 Nov 2025 05:47:19 +0000"
    arrival = "Tue, 25 Nov 2025 10:47:25 +0500"
    mid = "PAWPR02MB9421C5D7E9F1A3B5C7D9E1F3A5B7@PAWPR02MB9421.eurprd02.prod.outlook.com"
    b_mix = "_004_PAWPR02MB9421C5D7E9F1A3B5C7D9E1F3A5B7PAWPR02MB9421eurp_"
    b_alt = "_000_PAWPR02MB9421C5D7E9F1A3B5C7D9E1F3A5B7PAWPR02MB9421eurp_"
    subject = "Заявление на включение в реестр – ОФ «Мейирим журеги»"
    body = F.ru_org_cover(org).replace(head["phone"], "+7 711 255 40 40")
    docname = "Заявление и анкета Мейирим журеги.docx"
    pdfname = "Заявление с печатью.pdf"
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
    for name, ctype, data in [(docname, "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                               F.tiny_zip("word/document.xml")),
                              (pdfname, "application/pdf", F.tiny_pdf("Zayavlenie"))]:
        ew = "=?utf-8?B?" + F.base64.b64encode(name.encode()).decode() + "?="
        lines += [f"--{b_mix}", f"Content-Type: {ctype};", f'\tname="{ew}"', f"Content-Description: {ew}",
                  "Content-Disposition: attachment;", f'\tfilename="{ew}"; size={len(data)};',
                  '\tcreation-date="Tue, 25 Nov 2025 05:40:02 GMT";',
                  '\tmodification-date="Tue, 25 Nov 2025 05:47:18 GMT"', "Content-Transfer-Encoding: base64", ""]
        lines += b64_lines(data) + [""]
    lines += [f"--{b_mix}--", ""]
    add("new", arrival, lines, "volunteer organisation, covering letter + DOCX + PDF, Outlook")


# 4 ---------------------------------------------------------------------------------------------
def group():
    p = P["dana"]
    date = "Wed, 26 Nov 2025 13:20:00 +0500"
    arrival = "Wed, 26 Nov 2025 13:20:06 +0500"
    b = "----==--bound.51720.sas1-3f9e2d7c6b5a.qloud-c.yandex.net"
    body = F.kk_group_application(p, ["dana", "arman", "madina"]).replace("@kentau_eriktileri", "@auezov_eriktileri")
    html = "<div>" + html_of(body) + "</div><div> </div><div>-- </div><div>Жіберілді: Яндекс Пошта</div>"
    lines = delivered(f"<{p['email']}>", "4dD6wD4Xt6z4dN", arrival + " (+05)", "forward502a.mail.yandex.net", "178.154.239.82")
    lines += ["X-Yandex-Spam: 1", "From: " + " ".join(ew_b(p["short"], "utf-8")) + f" <{p['email']}>", f"To: {MAILBOX}",
              "Subject: " + " ".join(ew_b("Волонтерлер тобын тізілімге қосу туралы өтініш", "utf-8")),
              "MIME-Version: 1.0", "X-Mailer: Yamail [ http://yandex.ru ] 5.0", f"Date: {date}",
              "Message-Id: <517201764145200@mail.yandex.kz>", f'Content-Type: multipart/mixed; boundary="{b}"', "", "",
              f"--{b}", "Content-Transfer-Encoding: 8bit", "Content-Type: text/html; charset=utf-8", ""]
    lines += text_lines(html, "utf-8")
    lines += [f"--{b}--", ""]
    add("cur", arrival, lines, "volunteer group, Kazakh, Yandex (seen)")


# 5 ---------------------------------------------------------------------------------------------
def coordinator():
    p = P["timur"]
    bad_iin = F.wrong_check_digit(p["iin"])
    assert not F.is_valid_iin(bad_iin)
    date = "Thu, 27 Nov 2025 11:02:33 +0500"
    arrival = "Thu, 27 Nov 2025 11:02:38 +0500"
    body = f"""Добрый день!

Прошу включить меня в реестр учета волонтерской деятельности (координатор).
Даю согласие на сбор и обработку персональных данных. Об ответственности за недостоверные сведения предупрежден.

Анкета координатора волонтеров
ФИО: {p['ru']}
Год рождения: {F.birth_year(p)}
Место жительства: {p['city_ru']}
ИИН: {bad_iin}
Опыт волонтерской деятельности: с 2012 года, поисково-спасательный отряд, помощь при паводках 2024 года
Опыт работы координатором волонтеров: 5 лет, штаб волонтеров при паводках в Карагандинской области
Количество координируемых волонтеров: 60
Контакты: {p['phone']}, {p['email']}, WhatsApp
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
    add("new", arrival, lines, f"coordinator, Russian, Thunderbird; IIN {bad_iin} has a WRONG check digit")


# 6 ---------------------------------------------------------------------------------------------
def organiser_action():
    p = P["saltanat"]
    date = "Fri, 28 Nov 2025 16:45:00 +0500"
    arrival = "Fri, 28 Nov 2025 16:45:07 +0500"
    b = "Apple-Mail=_2C7D1E9A-4B3F-4E8D-A1C6-7F5B9D3E2A18"
    body = f"""Сәлеметсіз бе!

Волонтерлік қызметті ұйымдастырушы ретінде тізілімге қосуды сұраймын және волонтерлік акцияны тіркеуге жіберемін.

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
    add("new", arrival, lines, "organiser with a volunteer action in the body, Kazakh, Apple Mail")


# 7 ---------------------------------------------------------------------------------------------
def scan_jpeg():
    p = P["nurlan"]
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
    lines += b64_lines(F.tiny_jpeg())
    lines += ["", f"--{b}--"]
    add("new", arrival, lines, "scan: JPEG photo of a signed form, short body, Gmail on Android")


# 8 ---------------------------------------------------------------------------------------------
def auto_reply():
    p = P["gulnara"]
    date = "Mon, 01 Dec 2025 09:00:03 +0500"
    arrival = "Mon, 01 Dec 2025 09:00:05 +0500"
    lines = delivered(f"<{p['email']}>", "4dH5aH8Bx1z8hS", arrival + " (+05)", "smtp51.i.mail.ru", "95.163.41.89")
    lines += ["From: " + " ".join(ew_b("Гульнара Турсынова")) + f" <{p['email']}>", f"To: {MAILBOX}",
              "Subject: " + " ".join(ew_b("Автоответ: Анкетаны нақтылау қажет / Требуется доработка анкеты")),
              f"Date: {date}", "Message-ID: <autoreply.1764561603.88123@inbox.ru>",
              "In-Reply-To: <tizilim.20251201085951.1c2d3e@mki.gov.kz>",
              "References: <tizilim.20251201085951.1c2d3e@mki.gov.kz>",
              "Auto-Submitted: auto-replied", "X-Autoreply: yes", "MIME-Version: 1.0",
              "Content-Type: text/plain; charset=utf-8", "Content-Transfer-Encoding: 8bit", ""]
    lines += text_lines("Здравствуйте! Я в отпуске до 8 декабря 2025 года. Ваше письмо прочитаю после возвращения.\n"
                        "Сәлеметсіз бе! 8 желтоқсанға дейін демалыстамын.\n", "utf-8")
    add("cur", arrival, lines, "auto-reply (vacation), seen")


# 9 ---------------------------------------------------------------------------------------------
def bounce():
    bad = "dana.ospanova03@yandex.kzz"
    qid = "4dH9bJ9Cy2z9iT"
    date = "Mon,  1 Dec 2025 15:30:11 +0500 (+05)"
    arrival = "Mon, 01 Dec 2025 15:30:11 +0500"
    bnd = f"{qid}.1764585011/mx1.mki.gov.kz"
    lines = ["Return-Path: <>", f"Delivered-To: {MAILBOX}", "Received: by mx1.mki.gov.kz (Postfix)",
             f"\tid {qid}; {date}", f"Date: {date}", "From: MAILER-DAEMON@mki.gov.kz (Mail Delivery System)",
             "Subject: Undelivered Mail Returned to Sender", f"To: {MAILBOX}", "Auto-Submitted: auto-replied",
             "MIME-Version: 1.0", "Content-Type: multipart/report; report-type=delivery-status;", f'\tboundary="{bnd}"',
             "Content-Transfer-Encoding: 8bit", f"Message-Id: <20251201103011.{qid}@mx1.mki.gov.kz>", "",
             "This is a MIME-encapsulated message.", "", f"--{bnd}", "Content-Description: Notification",
             "Content-Type: text/plain; charset=us-ascii", "", "This is the mail system at host mx1.mki.gov.kz.", "",
             "I'm sorry to have to inform you that your message could not",
             "be delivered to one or more recipients. It's attached below.", "", "                   The mail system", "",
             f"<{bad}>: Host or domain name not found. Name service error for",
             "    name=yandex.kzz type=A: Host not found", "",
             f"--{bnd}", "Content-Description: Delivery report", "Content-Type: message/delivery-status", "",
             "Reporting-MTA: dns; mx1.mki.gov.kz", "X-Postfix-Queue-ID: 4dH9bH7Bx1z8hS",
             f"X-Postfix-Sender: rfc822; {MAILBOX}", "Arrival-Date: Mon,  1 Dec 2025 15:30:04 +0500 (+05)", "",
             f"Final-Recipient: rfc822; {bad}", f"Original-Recipient: rfc822;{bad}", "Action: failed", "Status: 5.4.4",
             "Diagnostic-Code: X-Postfix; Host or domain name not found. Name service error",
             "    for name=yandex.kzz type=A: Host not found", "",
             f"--{bnd}", "Content-Description: Undelivered Message", "Content-Type: message/rfc822",
             "Content-Transfer-Encoding: 8bit", "",
             "Received: from tizilim.mki.gov.kz (tizilim.mki.gov.kz [10.20.0.30])",
             "\tby mx1.mki.gov.kz (Postfix) with ESMTP id 4dH9bH7Bx1z8hS",
             f"\tfor <{bad}>; Mon,  1 Dec 2025 15:30:04 +0500 (+05)",
             "From: " + " ".join(ew_b("Волонтерлік қызмет тізілімі")) + f" <{MAILBOX}>", f"To: {bad}"]
    lines += fold_words("Subject", ew_b("Анкетаны нақтылау қажет / Требуется доработка анкеты"))
    lines += ["Date: Mon, 01 Dec 2025 15:30:04 +0500", "Message-ID: <tizilim.20251201153004.9f8e7d@mki.gov.kz>",
              "Auto-Submitted: auto-generated", "MIME-Version: 1.0", "Content-Type: text/plain; charset=utf-8",
              "Content-Transfer-Encoding: 8bit", ""]
    lines += text_lines("Құрметті өтініш беруші!\n\nСауалнамада ЖСН мен туған жылы толтырылмаған. Қағидалардың 10-тармағына "
                        "сәйкес\nмәліметтерді 3 жұмыс күні ішінде нақтылап, қайта жіберуіңізді сұраймыз.\n", "utf-8")
    lines += ["", f"--{bnd}--", ""]
    add("new", arrival, lines, "bounce (Postfix DSN) of tizilim's request for refinement")


# 10 --------------------------------------------------------------------------------------------
def forward_regional():
    org = ORG["zhasyl"]
    head = P[org["head"]]
    inner_lines, inner_subject, _ = F.inner_org_message(org, "Fri, 28 Nov 2025 10:14:22 +0500",
                                                       "CAG8m2Xq5nR9vT3wZ1bD7hF4jL6pY0sK2cE9uN5aQ3kP8yT1oVx@mail.gmail.com",
                                                       "000000000000a9b8c70643fc3d12")
    inner_lines = [l.replace("dvp-pavlodar", "dvp-karaganda") if isinstance(l, str) else l for l in inner_lines]
    officer = dict(short="Ержан Қалиев", email="e.kaliyev@dvp-karaganda.example.kz")
    date = "Tue, 02 Dec 2025 10:05:00 +0500"
    arrival = "Tue, 02 Dec 2025 10:05:06 +0500"
    b = "------------Rz4K8mQ1sW5xB9dF3hJ7nT2v"
    att = inner_subject + ".eml"
    lines = delivered(f"<{officer['email']}>", "4dJ1cK0Dz3z0jV", arrival + " (+05)", "mail.dvp-karaganda.example.kz",
                      "203.0.113.105")
    lines += [f"Message-ID: <5c4b3a29-1807-4f6e-9d8c-7b6a5f4e3d2c@dvp-karaganda.example.kz>", f"Date: {date}",
              "MIME-Version: 1.0", "User-Agent: Mozilla Thunderbird", "Content-Language: kk-KZ", f"To: {MAILBOX}",
              "From: " + " ".join(ew_b(officer["short"], "UTF-8")) + f" <{officer['email']}>"]
    lines += fold_words("Subject", ew_b("Fwd: " + inner_subject, "UTF-8"))
    lines += [f'Content-Type: multipart/mixed; boundary="{b}"', "", "This is a multi-part message in MIME format.",
              f"--{b}", "Content-Type: text/plain; charset=UTF-8; format=flowed", "Content-Transfer-Encoding: 8bit", ""]
    lines += text_lines("Құрметті әріптестер!\n\nҚарағанды облысының ішкі саясат басқармасына келген «Жасыл қала» "
                        "\nқорының өтінішін қарау үшін жолдаймыз.\n\nҚұрметпен,\nЕржан Қалиев\n", "utf-8")
    lines += [f"--{b}", "Content-Type: message/rfc822; charset=UTF-8;", ' name="' + " ".join(ew_b(att, "UTF-8")) + '"',
              "Content-Disposition: attachment;"]
    conts = F.rfc2231_continuations("filename", att)
    lines += [" " + c + (";" if i < len(conts) - 1 else "") for i, c in enumerate(conts)]
    lines += [""] + inner_lines + ["", f"--{b}--", ""]
    add("new", arrival, lines, "forward from a regional office (message/rfc822 with DOCX inside), Thunderbird")


# 11 --------------------------------------------------------------------------------------------
def koi8r():
    p = P["viktor"]
    date = "Wed, 03 Dec 2025 08:41:17 +0500"
    arrival = "Wed, 03 Dec 2025 08:41:22 +0500"
    body = F.ru_volunteer_application(p, types="5, 7").replace("«", '"').replace("»", '"')
    body = body.replace("с 2019 года помогаю в акции \"Дорога в школу\", собирала канцтовары для детей из многодетных семей.",
                        "с 2009 года в поисковом отряде, участвовал в поиске пропавших в Костанайской области.")
    lines = delivered("<vkim.kostanay@mail.ru>", "4dK5dL1Ea4z1kW", arrival + " (+05)", "smtp41.i.mail.ru", "95.163.41.79")
    lines += [f"Date: {date}", "From: " + " ".join(ew_b("Виктор Ким", "koi8-r")) + f" <{p['email']}>", f"To: {MAILBOX}",
              "Subject: " + " ".join(ew_b("Анкета волонтера (поисковый отряд)", "koi8-r")),
              "Message-ID: <20251203034117.GA1207@kim-desktop>", "MIME-Version: 1.0",
              "Content-Type: text/plain; charset=koi8-r", "Content-Disposition: inline",
              "Content-Transfer-Encoding: 8bit", "User-Agent: Mutt/1.5.21 (2010-09-15)", ""]
    lines += text_lines(body, "koi8_r")
    add("new", arrival, lines, "volunteer, Russian, KOI8-R, mutt")


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
    add("cur", arrival, lines, "question, not an application (seen)")


BUILDERS = [kk_volunteer, ru_volunteer_1251, org_cover, group, coordinator, organiser_action, scan_jpeg, auto_reply,
            bounce, forward_regional, koi8r, question]


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
    for n, (t, folder, data, label) in enumerate(SAMPLES, 1):
        usec = (t * 7919 + n * 104729) % 1_000_000
        pid = 1200 + n * 37
        name = f"{t}.M{usec}P{pid}.{HOST},S={len(data)}"
        if folder == "cur":
            name += ":2,S"
        (root / folder / name).write_bytes(data)
        print(f"{folder}/{name}  {label}")


if __name__ == "__main__":
    main()
