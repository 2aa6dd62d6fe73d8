#!/usr/bin/python3
"""Writes the MIME test fixtures (*.eml) and expected.json next to this script.

Deterministic: no clock, no randomness, no network, nothing read from outside this file.
Run `/usr/bin/python3 make-fixtures.py` after editing; commit the script with its outputs.

Every person, organisation, IIN/BIN, phone number and address here is invented. IINs and BINs
carry correct check digits (computed below) unless a fixture says otherwise. IP addresses of
clients are from the documentation ranges (RFC 5737).

Shapes of the headers and MIME trees imitate what the named clients and servers really send
(Gmail, Exchange/Outlook, Mail.ru, Yandex, Apple Mail, Thunderbird, The Bat!, Postfix, Exim,
Mailman); the faults imitate breakage seen in real mailboxes.
"""

import base64
import datetime as dt
import hashlib
import json
import os
import quopri
import sys
import urllib.parse
from pathlib import Path

HERE = Path(__file__).resolve().parent
CRLF = b"\r\n"
MAILBOX = "volunteer@mki.gov.kz"

# --------------------------------------------------------------------------------------------
# IIN / BIN (domain.md): check digit = sum(d[i] * i) mod 11, second pass with weights 3..11,1,2.
# --------------------------------------------------------------------------------------------

W1 = list(range(1, 12))
W2 = [3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2]


def check_digit(first11):
    digits = [int(c) for c in first11]
    s = sum(d * w for d, w in zip(digits, W1)) % 11
    if s == 10:
        s = sum(d * w for d, w in zip(digits, W2)) % 11
        if s == 10:
            return None
    return s


def is_valid_iin(number):
    return len(number) == 12 and number.isdigit() and check_digit(number[:11]) == int(number[11])


def make_iin(birth, female, serial):
    """birth: 'YYYY-MM-DD'; the first serial from `serial` up that gives a valid check digit."""
    year, month, day = birth.split("-")
    century = {"18": 1, "19": 3, "20": 5}[year[:2]] + (1 if female else 0)
    while True:
        first = f"{year[2:]}{month}{day}{century}{serial:04d}"
        c = check_digit(first)
        if c is not None:
            return first + str(c)
        serial += 1


def make_bin(yymm, serial, kind=4, unit=0):
    while True:
        first = f"{yymm}{kind}{unit}{serial:05d}"
        c = check_digit(first)
        if c is not None:
            return first + str(c)
        serial += 1


def wrong_check_digit(number):
    """The same number with a check digit that does not verify."""
    good = int(number[11])
    return number[:11] + str((good + 3) % 10)


assert is_valid_iin("830717350867") and is_valid_iin("940140000385")

# --------------------------------------------------------------------------------------------
# Encoders
# --------------------------------------------------------------------------------------------


def b64_lines(data, width=76):
    s = base64.b64encode(data).decode("ascii")
    return [s[i:i + width] for i in range(0, len(s), width)] or [""]


def qp_lines(text_bytes):
    """Quoted-printable lines (soft breaks `=` at 76), for text given with LF line ends."""
    enc = quopri.encodestring(text_bytes.replace(b"\r\n", b"\n"))
    lines = enc.split(b"\n")
    if lines and lines[-1] == b"":
        lines.pop()
    return lines


def ew_b(text, charset="UTF-8", limit=75, prefix_len=0):
    """RFC 2047 B encoded words, split at character boundaries, each at most `limit` chars."""
    words, chunk = [], ""
    codec = charset.lower()
    head = f"=?{charset}?B?"

    def wlen(s):
        return len(head) + len(base64.b64encode(s.encode(codec))) + 2

    for ch in text:
        if chunk and wlen(chunk + ch) > limit:
            words.append(chunk)
            chunk = ""
        chunk += ch
    if chunk:
        words.append(chunk)
    return [f"{head}{base64.b64encode(w.encode(codec)).decode()}?=" for w in words]


def ew_q(text, charset, limit=75):
    codec = charset.lower()
    head = f"=?{charset}?Q?"
    out, cur = [], ""
    for ch in text:
        piece = ""
        for b in ch.encode(codec):
            if b == 0x20:
                piece += "_"
            elif 0x21 <= b <= 0x7E and chr(b) not in "=?_()\"<>,.:;@[]\\":
                piece += chr(b)
            else:
                piece += f"={b:02X}"
        if cur and len(head) + len(cur) + len(piece) + 2 > limit:
            out.append(head + cur + "?=")
            cur = ""
        cur += piece
    if cur:
        out.append(head + cur + "?=")
    return out


def fold_words(name, words, sep=" "):
    """`Name: w1` then continuation lines ` w2` ... (one encoded word per line, as Gmail does)."""
    lines = [f"{name}: {words[0]}"]
    lines += [sep + w for w in words[1:]]
    return lines


def rfc2231_continuations(param, value, charset="UTF-8", seg=60):
    """`param*0*=UTF-8''...;` segments, as Yandex and Thunderbird write long non-ASCII names."""
    enc = urllib.parse.quote(value.encode(charset.lower()), safe="")
    segs, cur = [], ""
    i = 0
    while i < len(enc):
        step = 3 if enc[i] == "%" else 1
        if len(cur) + step > seg:
            segs.append(cur)
            cur = ""
        cur += enc[i:i + step]
        i += step
    if cur:
        segs.append(cur)
    out = []
    for n, s in enumerate(segs):
        lead = f"{charset}''" if n == 0 else ""
        out.append(f"{param}*{n}*={lead}{s}")
    return out


def fake_sig(seed, n=344):
    """Stand-in for a DKIM b= value: base64 of a hash chain, deterministic."""
    out = b""
    h = seed.encode()
    while len(out) < n:
        h = hashlib.sha256(h).digest()
        out += h
    return base64.b64encode(out).decode()[:n]


def fake_hex(seed, n):
    out = ""
    h = seed.encode()
    while len(out) < n:
        h = hashlib.sha256(h).digest()
        out += h.hex()
    return out[:n]


def folded_b(prefix, value, width=70, indent="\t"):
    """A long token value folded over several lines (DKIM b=, ARC)."""
    first = width - len(prefix)
    lines = [prefix + value[:first]]
    rest = value[first:]
    while rest:
        lines.append(indent + rest[:width])
        rest = rest[width:]
    return lines


def epoch(rfc_date):
    from email.utils import parsedate_to_datetime
    return int(parsedate_to_datetime(rfc_date).timestamp())


def dkim(domain, selector, seed, rfc_date, headers):
    t = epoch(rfc_date)
    lines = [f"DKIM-Signature: v=1; a=rsa-sha256; c=relaxed/relaxed;",
             f"        d={domain}; s={selector}; t={t};",
             f"        h={headers};",
             f"        bh={fake_sig(seed + 'bh', 43)}=;"]
    lines += folded_b("        b=", fake_sig(seed, 342), width=70, indent="        ")
    return lines


def build(lines, eol=CRLF):
    """Join header/body lines. str lines must be ASCII unless raw=True is implied by bytes."""
    out = []
    for line in lines:
        if isinstance(line, bytes):
            out.append(line)
        else:
            out.append(line.encode("ascii"))
    return eol.join(out) + eol


def raw(s, codec="utf-8"):
    return s.encode(codec)


def text_lines(text, codec):
    """8bit body lines in a charset."""
    return [line.encode(codec) for line in text.split("\n")]


# Small binary stand-ins with the right magic numbers.
def tiny_pdf(title):
    body = (f"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n"
            f"2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\n"
            f"3 0 obj\n<< /Title ({title}) /Producer (tizilim fixture) >>\nendobj\n"
            f"trailer\n<< /Root 1 0 R /Info 3 0 R >>\n%%EOF\n")
    return body.encode("latin-1")


def tiny_zip(member):
    """A tiny valid ZIP (stored, one member) standing in for DOCX/ODT: the MIME parser never opens it."""
    import zipfile
    import io
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression=zipfile.ZIP_STORED) as z:
        info = zipfile.ZipInfo(member, date_time=(2025, 11, 20, 9, 0, 0))
        z.writestr(info, b"<w:document/>")
    return buf.getvalue()


def tiny_png():
    # 1x1 transparent PNG
    return base64.b64decode(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==")


def tiny_jpeg():
    # A minimal JPEG: SOI, APP0 JFIF, a comment, EOI. Enough for content sniffers.
    return (b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x48\x00\x48\x00\x00"
            b"\xff\xfe\x00\x16scan placeholder 300dpi\xff\xd9")


def tnef_blob():
    # TNEF signature 0x223E9F78, key, then a few attribute bytes.
    return b"\x78\x9f\x3e\x22\x01\x00\x01\x06\x90\x08\x00\x04\x00\x00\x00\x00\x00\x01\x00\x01\x00" + \
        "IPM.Microsoft Mail.Note".encode("ascii") + b"\x00\x31\x08"


# --------------------------------------------------------------------------------------------
# People and organisations (all invented)
# --------------------------------------------------------------------------------------------

P = {
    "aigerim": dict(kk="Сәрсенбаева Айгерім Қайратқызы", ru="Сарсенбаева Айгерим Кайратовна",
                    short="Айгерім Сәрсенбаева", latin="Aigerim Sarsenbayeva", birth="1996-04-12",
                    female=True, serial=3121, city_kk="Ақмола облысы, Көкшетау қаласы",
                    phone="+7 701 555 12 34", email="aigerim.sarsenbayeva.96@gmail.com"),
    "erlan": dict(kk="Жұмабаев Ерлан Серікұлы", ru="Жумабаев Ерлан Серикович", short="Ерлан Жұмабаев",
                  latin="Erlan Zhumabayev", birth="1988-09-03", female=False, serial=2207,
                  city_ru="г. Павлодар", phone="+7 777 555 40 21", email="erlan.zhumabaev88@mail.ru"),
    "dana": dict(kk="Оспанова Дана Бауыржанқызы", ru="Оспанова Дана Бауржановна", short="Дана Оспанова",
                 latin="Dana Ospanova", birth="2003-01-27", female=True, serial=1045,
                 city_kk="Алматы қаласы, Әуезов ауданы", city_ru="г. Алматы, Ауэзовский район",
                 phone="+7 747 555 03 18", email="dana.ospanova03@yandex.kz"),
    "timur": dict(kk="Ахметов Тимур Маратұлы", ru="Ахметов Тимур Маратович", short="Тимур Ахметов",
                  latin="Timur Akhmetov", birth="1979-11-30", female=False, serial=4410,
                  city_ru="г. Караганда", phone="+7 702 555 77 90", email="t.akhmetov79@bk.ru"),
    "saltanat": dict(kk="Бекова Салтанат Ержанқызы", ru="Бекова Салтанат Ержановна", short="Салтанат Бекова",
                     latin="Saltanat Bekova", birth="1991-06-15", female=True, serial=5582,
                     city_kk="Астана қаласы", city_ru="г. Астана", phone="+7 705 555 61 12",
                     email="s.bekova@qamqor-ortalygy.kz"),
    "nurlan": dict(kk="Қасымов Нұрлан Әділұлы", ru="Касымов Нурлан Адилович", short="Нұрлан Қасымов",
                   latin="Nurlan Kassymov", birth="1985-02-19", female=False, serial=6013,
                   city_kk="Шымкент қаласы", phone="+7 775 555 20 05", email="nurlan.kassymov@icloud.com"),
    "gulnara": dict(kk="Тұрсынова Гүлнара Маратқызы", ru="Турсынова Гульнара Маратовна",
                    short="Гүлнара Тұрсынова", latin="Gulnara Tursynova", birth="1970-08-08", female=True,
                    serial=7301, city_ru="г. Усть-Каменогорск", phone="+7 705 555 88 47",
                    email="gulnara.tursynova@inbox.ru"),
    "arman": dict(kk="Серікбаев Арман Талғатұлы", ru="Серикбаев Арман Талгатович", short="Арман Серікбаев",
                  latin="Arman Serikbayev", birth="2001-12-05", female=False, serial=2950,
                  city_kk="Түркістан облысы, Кентау қаласы", phone="+7 708 555 19 64",
                  email="arman.serikbayev01@gmail.com"),
    "madina": dict(kk="Әлімжанова Мадина Асқарқызы", ru="Алимжанова Мадина Аскаровна", short="Мадина Әлімжанова",
                   latin="Madina Alimzhanova", birth="1994-03-22", female=True, serial=8117,
                   city_kk="Батыс Қазақстан облысы, Орал қаласы", phone="+7 771 555 34 56",
                   email="madina.alimzhanova@mail.ru"),
    "viktor": dict(kk="Ким Виктор Алексеевич", ru="Ким Виктор Алексеевич", short="Виктор Ким", latin="Viktor Kim",
                   birth="1967-05-09", female=False, serial=1290, city_ru="г. Костанай",
                   phone="+7 714 555 22 31", email="vkim.kostanay@mail.ru"),
}
for k, v in P.items():
    v["iin"] = make_iin(v["birth"], v["female"], v["serial"])

ORG = {
    "qamqor": dict(kk="«Қамқор» волонтерлік орталығы» қоғамдық бірлестігі",
                   ru="Общественное объединение «Волонтерский центр «Камкор»",
                   reg="2019-03-14", bin=make_bin("1903", 10472), head="saltanat",
                   email="info@qamqor-ortalygy.kz", site="qamqor-ortalygy.kz", volunteers=86),
    "zhasyl": dict(kk="«Жасыл қала» экологиялық қоры",
                   ru="Экологический фонд «Жасыл кала»", reg="2021-06-02", bin=make_bin("2106", 30815),
                   head="timur", email="fond@zhasyl-qala.kz", site="zhasyl-qala.kz", volunteers=140),
    "izgilik": dict(kk="«Ізгілік жолы» қайырымдылық қоры", ru="Благотворительный фонд «Изгилик жолы»",
                    reg="2017-10-24", bin=make_bin("1710", 55120), head="gulnara",
                    email="izgilik.zholy@mail.ru", site=None, volunteers=35),
}

# --------------------------------------------------------------------------------------------
# Texts (paraphrasing the Annex 2 forms; activities paraphrase the seed programmes)
# --------------------------------------------------------------------------------------------


def birth_year(p):
    return p["birth"][:4]


def kk_volunteer_application(p, types="1, 2, 8", role="4) жаттықтырушы/оқытушы",
                             time="2) мереке күндері, 3) жазғы уақытта", iin=None):
    return f"""Сәлеметсіз бе!

Волонтерлік қызметті есепке алу тізіліміне қосуымды сұраймын (волонтер).
Тізілімге қосу үшін қажетті дербес мәліметтерімді жинауға және өңдеуге келісім беремін.
Анық емес мәліметтер ұсынғаны үшін жауаптылық туралы ескертілдім.

Волонтер сауалнамасы
Т.А.Ә.: {p['kk']}
Туған жылы: {birth_year(p)}
Тұрғылықты жері: {p.get('city_kk', 'Астана қаласы')}
ЖСН: {iin or p['iin']}
Волонтерлік қызметтегі тәжірибесі: 2021 жылдан бері «Қайырымды істер марафоны» жобасына қатысамын, қарттар үйіне апта сайын барамын.
Байланыс: {p['phone']}, {p['email']}, WhatsApp
Қызмет түрлері: {types}
Рөлім: {role}
Қолайлы уақыт: {time}

Толтырылған күні: 2025 жылғы 20 қараша
Құрметпен,
{p['short']}
"""


def ru_volunteer_application(p, types="1, 3, 10", iin=None):
    return f"""Здравствуйте!

Прошу включить меня в реестр учета волонтерской деятельности (волонтер).
Даю согласие на сбор и обработку моих персональных данных.
Об ответственности за представление недостоверных сведений предупрежден(а).

Анкета волонтера
ФИО: {p['ru']}
Год рождения: {birth_year(p)}
Место жительства: {p.get('city_ru', 'г. Астана')}
ИИН: {iin or p['iin']}
Опыт волонтерской деятельности: с 2019 года помогаю в акции «Дорога в школу», собирала канцтовары для детей из многодетных семей.
Контакты: {p['phone']}, {p['email']}
Виды деятельности: {types}
Роль: 5) логист
Удобное время: 1) отпуск/каникулы

Дата заполнения: 20 ноября 2025 г.
С уважением,
{p['ru']}
"""


def ru_org_cover(org):
    head = P[org["head"]]
    return f"""Уважаемые коллеги!

{org['ru']} просит включить организацию в реестр учета волонтерской деятельности.
Направляем заявление и анкету волонтерской организации (во вложении, формат DOCX),
а также скан подписанного заявления с печатью (PDF).

Анкета волонтерской организации (кратко):
Наименование: {org['ru']}
Дата регистрации (перерегистрации): {dt.date.fromisoformat(org['reg']).strftime('%d.%m.%Y')}
БИН: {org['bin']}
Руководитель: {head['ru']}
Количество волонтеров: {org['volunteers']}
Контакты: {head['phone']}, {org['email']}{', ' + org['site'] if org['site'] else ''}
Виды деятельности: 1, 2, 6

С уважением,
руководитель {head['ru']}
"""


def kk_group_application(leader, members):
    lst = "\n".join(f"{i}. {P[m]['kk']}" for i, m in enumerate(members, 1))
    return f"""Құрметті министрлік!

Волонтерлер тобын тізілімге қосуды сұраймыз (волонтерлер тобы).

Волонтерлік топтың сауалнамасы
Топ басшысының Т.А.Ә.: {leader['kk']}
Туған жылы: {birth_year(leader)}
Тұрғылықты жері: {leader.get('city_kk', 'Астана қаласы')}
ЖСН: {leader['iin']}
Топ басшысының тәжірибесі: 2022 жылдан бері «Мектепке жол» акциясында балаларға оқу құралдарын жинаймыз.
Волонтерлік топ тізімі:
{lst}
Байланыс: {leader['phone']}, {leader['email']}, Instagram @kentau_eriktileri
Қызмет түрлері: 1, 6, 9

Топ басшысы {leader['short']}
"""


# --------------------------------------------------------------------------------------------
# Fixtures
# --------------------------------------------------------------------------------------------

FIXTURES = []  # (name, bytes, expected dict)


def part(path, ctype, charset=None, filename=None):
    return {"path": path, "contentType": ctype, "charset": charset, "filename": filename}


def fixture(name, data, *, from_, subject, date, message_id, auto=False, parts, text, defects=(), note=None):
    exp = {"file": name, "from": {"name": from_[0], "address": from_[1]}, "subject": subject, "date": date,
           "messageId": message_id, "autoSubmitted": auto, "parts": parts, "textContains": list(text),
           "defects": list(defects)}
    if note:
        exp["note"] = note
    FIXTURES.append((name, data, exp))


def mx_received(helo, ip, qid, date, tls=True):
    """The ministry's MX stamp (Postfix), then the local delivery stamp."""
    lines = [
        f"Received: from mx1.mki.gov.kz (mx1.mki.gov.kz [10.20.0.11])",
        f"\tby mail.mki.gov.kz (Postfix) with ESMTPS id {qid[::-1]}",
        f"\tfor <{MAILBOX}>; {date}",
        f"Received: from {helo} ({helo} [{ip}])",
    ]
    if tls:
        lines += ["\t(using TLSv1.3 with cipher TLS_AES_256_GCM_SHA384 (256/256 bits)",
                  "\t key-exchange X25519 server-signature RSA-PSS (2048 bits))"]
    lines += [f"\tby mx1.mki.gov.kz (Postfix) with {'ESMTPS' if tls else 'ESMTP'} id {qid}",
              f"\tfor <{MAILBOX}>; {date}"]
    return lines


def html_of(text):
    import html
    paras = text.strip("\n").split("\n")
    return "\n".join(f"<div>{html.escape(line) if line else '<br>'}</div>" for line in paras)


# ---------------------------------------------------------------- clients

def gmail_kazakh_alternative():
    p = P["aigerim"]
    date = "Fri, 21 Nov 2025 10:05:00 +0500"
    subject = "Волонтерлік қызметті есепке алу тізіліміне қосу туралы арыз – Сәрсенбаева Айгерім Қайратқызы"
    mid = "CAJx9Kp3F1mZ7qR2vT8wN4bY0cD6eH5gL3sU9oPzXk1aQw2Ej7g@mail.gmail.com"
    body = kk_volunteer_application(p)
    boundary = "0000000000004e6ec70643f2a1b5"
    lines = mx_received("mail-lj1-f174.google.com", "209.85.208.174", "4dB7mQ0Xk9z1xY",
                        "Fri, 21 Nov 2025 10:05:12 +0500 (+05)")
    lines += [
        "Received: by mail-lj1-f174.google.com with SMTP id 38308e7fff4ca-37a3b5c7d9eso1234567fa.1",
        f"        for <{MAILBOX}>; Thu, 20 Nov 2025 21:05:11 -0800 (PST)",
        "ARC-Seal: i=1; a=rsa-sha256; t=1763701511; cv=none;",
        "        d=google.com; s=arc-20240605;",
    ]
    lines += folded_b("        b=", fake_sig("arc-seal", 342), width=70, indent="        ")
    lines += dkim("gmail.com", "20230601", "gmail-dkim", date,
                  "to:subject:message-id:date:from:mime-version:from:to:cc:subject\r\n"
                  "         :date:message-id:reply-to")
    lines += [
        "X-Google-DKIM-Signature: v=1; a=rsa-sha256; c=relaxed/relaxed;",
        "        d=1e100.net; s=20230601; t=1763701511; x=1764306311;",
        "        h=to:subject:message-id:date:from:mime-version:x-gm-message-state",
        "         :from:to:cc:subject:date:message-id:reply-to;",
        f"        bh={fake_sig('gmail-dkim' + 'bh', 43)}=;",
    ]
    lines += folded_b("        b=", fake_sig("x-google-dkim", 342), width=70, indent="        ")
    lines += [
        "X-Gm-Message-State: AOJu0YwQ3p7m2Vn8Rk5XsL1bT9cF4hJ6dG0eA2yZ8uKqPw3mNtE1xR5v",
        "\tB7sC9dF2gH4jK6lM8nP0qR2sT4uV6wX8yZ0aB2cD4eF6gH8",
        "X-Gm-Gg: ASbGncuN3kP8vR2qT6wY9zB1dF4hJ7lM0oQ3sU5xA8cE1gI4kM6pR9tV2",
        "X-Google-Smtp-Source: AGHT+IGq7Rk2mN9pV4xB1dF6hJ3lM8oQ0sU5wY2aC7eG4iK9nP1rT6vX3zB8dF5hJ0lM2",
        "X-Received: by 2002:a05:651c:1503:b0:37a:2f11:9c3e with SMTP id",
        " 38308e7fff4ca-37b8c5a1d2emr4567890fa.12.1763701510921; Thu, 20 Nov 2025",
        " 21:05:10 -0800 (PST)",
        "MIME-Version: 1.0",
        "From: " + " ".join(ew_b(p["short"])) + f" <{p['email']}>",
        f"Date: {date}",
        f"Message-ID: <{mid}>",
    ]
    lines += fold_words("Subject", ew_b(subject))
    lines += [
        f"To: {MAILBOX}",
        f'Content-Type: multipart/alternative; boundary="{boundary}"',
        "",
        f"--{boundary}",
        'Content-Type: text/plain; charset="UTF-8"',
        "Content-Transfer-Encoding: base64",
        "",
    ]
    lines += b64_lines(body.replace("\n", "\r\n").encode("utf-8"))
    lines += ["", f"--{boundary}", 'Content-Type: text/html; charset="UTF-8"',
              "Content-Transfer-Encoding: base64", ""]
    lines += b64_lines(f'<div dir="ltr">{html_of(body)}</div>\r\n'.encode("utf-8"))
    lines += ["", f"--{boundary}--"]
    fixture("gmail-kazakh-alternative.eml", build(lines),
            from_=(p["short"], p["email"]), subject=subject, date="2025-11-21T10:05:00+05:00", message_id=mid,
            parts=[part("0", "multipart/alternative"), part("1", "text/plain", "utf-8"),
                   part("2", "text/html", "utf-8")],
            text=["Волонтер сауалнамасы", f"ЖСН: {p['iin']}", "Т.А.Ә.: Сәрсенбаева Айгерім Қайратқызы"])


def outlook_exchange_related():
    org = ORG["qamqor"]
    head = P[org["head"]]
    date = "Thu, 20 Nov 2025 06:42:17 +0000"
    subject = "Заявление на включение в реестр волонтерской деятельности - ОО \"Камкор\""
    mid = "DB9PR08MB68117C3E2A4B5D6F8A9C0E1BD4F2A@DB9PR08MB6811.eurprd08.prod.outlook.com"
    docname = "Анкета волонтерской организации Камкор.docx"
    b_mixed = "_004_DB9PR08MB68117C3E2A4B5D6F8A9C0E1BD4F2ADB9PR08MB6811eurp_"
    b_rel = "_003_DB9PR08MB68117C3E2A4B5D6F8A9C0E1BD4F2ADB9PR08MB6811eurp_"
    b_alt = "_000_DB9PR08MB68117C3E2A4B5D6F8A9C0E1BD4F2ADB9PR08MB6811eurp_"
    body = ru_org_cover(org) + "\n--\nОО «Волонтерский центр «Камкор»\nг. Астана, ул. Примерная, 12, офис 4\n"
    html = ("<html xmlns:v=\"urn:schemas-microsoft-com:vml\" xmlns:o=\"urn:schemas-microsoft-com:office:office\">\n"
            "<head>\n<meta http-equiv=\"Content-Type\" content=\"text/html; charset=utf-8\">\n"
            "<meta name=\"Generator\" content=\"Microsoft Word 15 (filtered medium)\">\n"
            "<style><!-- p.MsoNormal {margin:0cm; font-size:11.0pt; font-family:\"Calibri\",sans-serif;} --></style>\n"
            "</head>\n<body lang=\"RU\" link=\"#0563C1\" vlink=\"#954F72\" style=\"word-wrap:break-word\">\n"
            "<div class=\"WordSection1\">\n"
            + "".join(f"<p class=\"MsoNormal\">{l if l else '&nbsp;'}<o:p></o:p></p>\n" for l in body.split("\n"))
            + "<p class=\"MsoNormal\"><img width=\"120\" height=\"40\" id=\"Picture_x0020_1\" "
              "src=\"cid:image001.png@01DC59E1.4A7B2C30\" alt=\"logo\"><o:p></o:p></p>\n</div>\n</body>\n</html>\n")
    lines = mx_received("mail-db8eur05on2070.outbound.protection.outlook.com", "40.107.20.70",
                        "4dB6Zt1Qm2z9pK", "Thu, 20 Nov 2025 11:42:21 +0500 (+05)")
    lines += [
        "ARC-Seal: i=1; a=rsa-sha256; s=arcselector10001; d=microsoft.com; cv=none;",
    ]
    lines += folded_b(" b=", fake_sig("ms-arc", 342), width=70, indent=" ")
    lines += dkim("qamqorortalygy.onmicrosoft.com", "selector2-qamqorortalygy-onmicrosoft-com", "ms-dkim",
                  date, "From:Date:Subject:Message-ID:Content-Type:MIME-Version:X-MS-Exchange-SenderADCheck")
    lines += [
        "From: " + " ".join(ew_b("Бекова Салтанат", "utf-8")) + f" <{head['email']}>",
        f"To: \"{MAILBOX}\" <{MAILBOX}>",
    ] + fold_words("Subject", ew_b(subject, "utf-8")) + fold_words("Thread-Topic", ew_b(subject, "utf-8")) + [
        "Thread-Index: AdxZ4UqHcT3mPzXvQ0Wl8kNn2r5sAw==",
        f"Date: {date}",
        f"Message-ID: <{mid}>",
        "Accept-Language: ru-RU, en-US",
        "Content-Language: ru-RU",
        "X-MS-Has-Attach: yes",
        "X-MS-TNEF-Correlator:",
        "authentication-results: dkim=none (message not signed)",
        " header.d=none;dmarc=none action=none header.from=qamqor-ortalygy.kz;",
        "x-ms-publictraffictype: Email",
        "x-ms-traffictypediagnostic: DB9PR08MB6811:EE_|AS8PR08MB9045:EE_",
        "x-ms-office365-filtering-correlation-id: 6b1f2c3d-4e5a-4b6c-8d7e-9f0a1b2c3d4e",
        "x-ms-exchange-senderadcheck: 1",
        "x-ms-exchange-antispam-relay: 0",
        "x-microsoft-antispam: BCL:0;ARA:13230040|1800799024|366016|376014|38070700018;",
        "x-forefront-antispam-report:",
        " CIP:255.255.255.255;CTRY:;LANG:ru;SCL:1;SRV:;IPV:NLI;SFV:NSPM;H:DB9PR08MB6811.eurprd08.prod.outlook.com;PTR:;CAT:NONE;",
        "Content-Type: multipart/mixed;",
        f"\tboundary=\"{b_mixed}\"",
        "MIME-Version: 1.0",
        "X-OriginatorOrg: qamqor-ortalygy.kz",
        "X-MS-Exchange-CrossTenant-AuthAs: Internal",
        "X-MS-Exchange-CrossTenant-AuthSource: DB9PR08MB6811.eurprd08.prod.outlook.com",
        "X-MS-Exchange-CrossTenant-Network-Message-Id: 6b1f2c3d-4e5a-4b6c-8d7e-9f0a1b2c3d4e",
        "X-MS-Exchange-CrossTenant-originalarrivaltime: 20 Nov 2025 06:42:17.5512 (UTC)",
        "X-MS-Exchange-CrossTenant-fromentityheader: Hosted",
        "X-MS-Exchange-CrossTenant-id: 0f3e2d1c-5b4a-4c9d-8e7f-6a5b4c3d2e1f",
        "X-MS-Exchange-Transport-CrossTenantHeadersStamped: AS8PR08MB9045",
        "",
        f"--{b_mixed}",
        "Content-Type: multipart/related;",
        f"\tboundary=\"{b_rel}\";",
        "\ttype=\"multipart/alternative\"",
        "",
        f"--{b_rel}",
        "Content-Type: multipart/alternative;",
        f"\tboundary=\"{b_alt}\"",
        "",
        f"--{b_alt}",
        "Content-Type: text/plain; charset=\"utf-8\"",
        "Content-Transfer-Encoding: quoted-printable",
        "",
    ]
    lines += qp_lines(body.encode("utf-8"))
    lines += ["", f"--{b_alt}", "Content-Type: text/html; charset=\"utf-8\"",
              "Content-Transfer-Encoding: quoted-printable", ""]
    lines += qp_lines(html.encode("utf-8"))
    lines += ["", f"--{b_alt}--", "", f"--{b_rel}",
              "Content-Type: image/png; name=\"image001.png\"",
              "Content-Description: image001.png",
              "Content-Disposition: inline; filename=\"image001.png\"; size=70;",
              "\tcreation-date=\"Thu, 20 Nov 2025 06:42:16 GMT\";",
              "\tmodification-date=\"Thu, 20 Nov 2025 06:42:16 GMT\"",
              "Content-ID: <image001.png@01DC59E1.4A7B2C30>",
              "Content-Transfer-Encoding: base64", ""]
    lines += b64_lines(tiny_png())
    lines += ["", f"--{b_rel}--", "", f"--{b_mixed}"]
    ewname = "=?utf-8?B?" + base64.b64encode(docname.encode()).decode() + "?="
    docx = tiny_zip("word/document.xml")
    lines += ["Content-Type: application/vnd.openxmlformats-officedocument.wordprocessingml.document;",
              f"\tname=\"{ewname}\"",
              f"Content-Description: {ewname}",
              f"Content-Disposition: attachment;",
              f"\tfilename=\"{ewname}\"; size={len(docx)};",
              "\tcreation-date=\"Thu, 20 Nov 2025 06:41:02 GMT\";",
              "\tmodification-date=\"Thu, 20 Nov 2025 06:42:16 GMT\"",
              "Content-Transfer-Encoding: base64", ""]
    lines += b64_lines(docx)
    lines += ["", f"--{b_mixed}--", ""]
    fixture("outlook-exchange-related.eml", build(lines),
            from_=("Бекова Салтанат", head["email"]), subject=subject, date="2025-11-20T06:42:17+00:00",
            message_id=mid,
            parts=[part("0", "multipart/mixed"), part("1", "multipart/related"), part("1.1", "multipart/alternative"),
                   part("1.1.1", "text/plain", "utf-8"), part("1.1.2", "text/html", "utf-8"),
                   part("1.2", "image/png", None, "image001.png"),
                   part("2", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", None,
                        docname)],
            text=["Анкета волонтерской организации (кратко):", f"БИН: {org['bin']}",
                  "просит включить организацию в реестр учета волонтерской деятельности"],
            note="The DOCX filename is an RFC 2047 encoded word inside a quoted parameter: RFC 2047 forbids it, "
                 "but Outlook and Exchange write it and every client decodes it. The PNG is inline (related), "
                 "still listed as a part.")


def outlook_winmail_dat():
    p = P["viktor"]
    date = "Mon, 24 Nov 2025 09:15:42 +0500"
    subject = "Анкета координатора волонтеров"
    mid = "000001dc5d1f$8a2b3c40$9e81b4c0$@mail.ru"
    b = "----=_NextPart_000_0011_01DC5D49.A6D76C40"
    body = f"""Добрый день!

Направляю заявление и анкету координатора волонтеров (файл во вложении).

Анкета координатора волонтеров
ФИО: {p['ru']}
Год рождения: {birth_year(p)}
Место жительства: {p['city_ru']}
ИИН: {p['iin']}
Опыт волонтерской деятельности: с 2015 года, поисковый отряд
Опыт работы координатором волонтеров: 6 лет
Количество координируемых волонтеров: 24
Виды деятельности: 4, 5

С уважением, {p['ru']}
"""
    lines = mx_received("smtp43.i.mail.ru", "95.163.41.80", "4dC1xQ2Lp8z3wR", "Mon, 24 Nov 2025 09:15:49 +0500 (+05)")
    lines += [
        f"From: " + " ".join(ew_q("Виктор Ким", "windows-1251")) + f" <{p['email']}>",
        f"To: <{MAILBOX}>",
        "Subject: " + " ".join(ew_b(subject, "windows-1251")),
        f"Date: {date}",
        f"Message-ID: <{mid}>",
        "MIME-Version: 1.0",
        "Content-Type: multipart/mixed;",
        f"\tboundary=\"{b}\"",
        "X-Mailer: Microsoft Outlook 16.0",
        "Thread-Index: AdxdH4or3YS5fsrTQ3yFq0mP2vXbcQ==",
        "Content-Language: ru",
        "X-MS-TNEF-Correlator: 00000000A1B2C3D4E5F60718293A4B5C6D7E8F90A4002200",
        "",
        "This is a multipart message in MIME format.",
        "",
        f"--{b}",
        "Content-Type: text/plain;",
        "\tcharset=\"windows-1251\"",
        "Content-Transfer-Encoding: quoted-printable",
        "",
    ]
    lines += qp_lines(body.encode("cp1251"))
    blob = tnef_blob()
    lines += ["", f"--{b}", "Content-Type: application/ms-tnef;", "\tname=\"winmail.dat\"",
              "Content-Transfer-Encoding: base64", "Content-Disposition: attachment;", "\tfilename=\"winmail.dat\"", ""]
    lines += b64_lines(blob)
    lines += ["", f"--{b}--", ""]
    fixture("outlook-winmail-dat.eml", build(lines),
            from_=("Виктор Ким", p["email"]), subject=subject, date="2025-11-24T09:15:42+05:00",
            message_id=mid,
            parts=[part("0", "multipart/mixed"), part("1", "text/plain", "windows-1251"),
                   part("2", "application/ms-tnef", None, "winmail.dat")],
            text=["Анкета координатора волонтеров", f"ИИН: {p['iin']}"],
            note="Outlook desktop in rich-text mode over a Mail.ru account: the real attachment is inside "
                 "winmail.dat (TNEF), which the MIME parser must list but not open. Message-ID in Outlook's "
                 "`hex$hex$hex$@domain` form.")


def mailru_windows_1251():
    p = P["erlan"]
    date = "Sat, 22 Nov 2025 19:48:03 +0300"
    subject = "Заявка в реестр волонтеров"
    mid = "1763830083.372915204@f512.i.mail.ru"
    b = "----ALT--ffBFf9E3F3d8d9a8aEd5c2aB5b0d38E51763830083"
    body = ru_volunteer_application(p)
    lines = mx_received("f512.i.mail.ru", "95.163.41.112", "4dCq7N0vS3z8xM",
                        "Sat, 22 Nov 2025 21:48:07 +0500 (+05)")
    lines += dkim("mail.ru", "mail4", "mailru-dkim", date,
                  "Content-Type:Message-ID:Reply-To:Date:MIME-Version:Subject:To:From:From:Subject:\r\n"
                  "        Content-Type:Content-Transfer-Encoding:To:Cc")
    lines += [
        "Received: by f512.i.mail.ru with local (envelope-from <erlan.zhumabaev88@mail.ru>)",
        "\tid 1vMx3A-00000003aBc-2Kd8",
        f"\tfor {MAILBOX}; Sat, 22 Nov 2025 19:48:03 +0300",
        "Received: by e.mail.ru with HTTP;",
        f"\tSat, 22 Nov 2025 19:48:03 +0300",
        "From: " + " ".join(ew_b("Ерлан Жумабаев")) + f" <{p['email']}>",
        f"To: {MAILBOX}",
        "Subject: " + " ".join(ew_b(subject, "windows-1251")),
        "MIME-Version: 1.0",
        "X-Mailer: Mail.Ru Mailer 1.0",
        "X-SenderField-Remind: 0",
        f"Date: {date}",
        f"Reply-To: " + " ".join(ew_b("Ерлан Жумабаев")) + f" <{p['email']}>",
        f"X-Priority: 3 (Normal)",
        f"Message-ID: <{mid}>",
        "Content-Type: multipart/alternative;",
        f"\tboundary=\"{b}\"",
        "X-7564579A: 646B95376F6C166E",
        "X-77F55803: 119C1F4DF6A9251C0D4DC86F6E5F7AD0F4E3A7E4D3BFE6F6C1B3A9F1E1C8A7D2",
        "X-Mras: Ok",
        "X-Spam: undefined",
        "X-Mailru-Src: fe",
        "Authentication-Results: f512.i.mail.ru; auth=pass smtp.auth=erlan.zhumabaev88@mail.ru "
        "smtp.mailfrom=erlan.zhumabaev88@mail.ru",
        "",
        "",
        f"--{b}",
        "Content-Type: text/plain; charset=windows-1251",
        "Content-Transfer-Encoding: base64",
        "",
    ]
    lines += b64_lines(body.replace("\n", "\r\n").encode("cp1251"))
    html = ("<HTML><BODY>" + html_of(body) + "<div>&nbsp;</div><div>--<br>Ерлан Жумабаев</div></BODY></HTML>")
    lines += ["", f"--{b}", "Content-Type: text/html; charset=windows-1251", "Content-Transfer-Encoding: base64", ""]
    lines += b64_lines(html.encode("cp1251"))
    lines += ["", f"--{b}--", ""]
    fixture("mailru-windows-1251.eml", build(lines),
            from_=("Ерлан Жумабаев", p["email"]), subject=subject, date="2025-11-22T19:48:03+03:00", message_id=mid,
            parts=[part("0", "multipart/alternative"), part("1", "text/plain", "windows-1251"),
                   part("2", "text/html", "windows-1251")],
            text=["Анкета волонтера", f"ФИО: {p['ru']}", f"ИИН: {p['iin']}"])


def yandex_rfc2231():
    p = P["dana"]
    date = "Sun, 23 Nov 2025 14:02:55 +0500"
    subject = "Өтініш: волонтерлер тобын тізілімге қосу"
    mid = "482171763888575@mail.yandex.kz"
    b = "----==--bound.48217.sas2-7c0e0f2d4a1b.qloud-c.yandex.net"
    fname = "Волонтерлік топтың сауалнамасы (Алматы, Әуезов ауданы) толтырылған.docx"
    members = ["dana", "arman", "madina"]
    body = kk_group_application(p, members)
    html = "<div>" + html_of(body) + "</div><div> </div><div>-- </div><div>Жіберілді: Яндекс Пошта</div>"
    docx = tiny_zip("word/document.xml")
    lines = mx_received("forward500a.mail.yandex.net", "178.154.239.80", "4dD2pX5Hk1z7yN",
                        "Sun, 23 Nov 2025 14:03:01 +0500 (+05)")
    lines += [
        "Received: from mail-nwsmtp-smtp-production-main-81.sas.yp-c.yandex.net (mail-nwsmtp-smtp-production-main-81.sas.yp-c.yandex.net [IPv6:2a02:6b8:c14:3b02:0:640:2a1e:0])",
        "\tby forward500a.mail.yandex.net (Yandex) with ESMTPS id 6A1B2C3D4E",
        f"\tfor <{MAILBOX}>; Sun, 23 Nov 2025 12:02:58 +0300 (MSK)",
        "X-Yandex-Fwd: 1",
    ]
    lines += dkim("yandex.kz", "mail", "yandex-dkim", date, "From:To:Subject:Date:Message-Id")
    lines += [
        "X-Yandex-Spam: 1",
        "X-Yandex-Front: mail-nwsmtp-smtp-production-main-81.sas.yp-c.yandex.net",
        "X-Yandex-TimeMark: 1763888578.412",
        "From: " + " ".join(ew_b(p["short"], "utf-8")) + f" <{p['email']}>",
        f"To: {MAILBOX}",
        "Subject: " + " ".join(ew_b(subject, "utf-8")),
        "MIME-Version: 1.0",
        "X-Mailer: Yamail [ http://yandex.ru ] 5.0",
        f"Date: {date}",
        f"Message-Id: <{mid}>",
        f"Content-Type: multipart/mixed; boundary=\"{b}\"",
        "",
        "",
        f"--{b}",
        "Content-Transfer-Encoding: 8bit",
        "Content-Type: text/html; charset=utf-8",
        "",
        *text_lines(html, "utf-8"),
        f"--{b}",
        "Content-Disposition: attachment;",
    ]
    conts = rfc2231_continuations("filename", fname)
    lines += ["\t" + c + (";" if i < len(conts) - 1 else "") for i, c in enumerate(conts)]
    lines += ["Content-Transfer-Encoding: base64",
              "Content-Type: application/vnd.openxmlformats-officedocument.wordprocessingml.document;"]
    nconts = rfc2231_continuations("name", fname)
    lines += ["\t" + c + (";" if i < len(nconts) - 1 else "") for i, c in enumerate(nconts)]
    lines += [""]
    lines += b64_lines(docx)
    lines += [f"--{b}--", ""]
    fixture("yandex-rfc2231-continuations.eml", build(lines),
            from_=(p["short"], p["email"]), subject=subject, date="2025-11-23T14:02:55+05:00", message_id=mid,
            parts=[part("0", "multipart/mixed"), part("1", "text/html", "utf-8"),
                   part("2", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", None, fname)],
            text=["Волонтерлік топтың сауалнамасы", f"ЖСН: {p['iin']}"],
            note=f"filename is split over {len(conts)} RFC 2231 segments (filename*0*=UTF-8''..., filename*1*=...), "
                 "percent-encoded UTF-8; a segment boundary never splits a %XX triplet but does split the "
                 "bytes of one Cyrillic letter across segments, so segments must be joined before decoding. "
                 "The body is HTML only, 8bit, as Yandex web mail sends it.")


def kk_organiser_action(p):
    return f"""Сәлеметсіз бе!

Волонтерлік қызметті ұйымдастырушы ретінде тізілімге қосуды сұраймын (ұйымдастырушы) және
волонтерлік акция туралы мәліметтерді жіберемін.

Волонтерлер ұйымдастырушысының сауалнамасы
Т.А.Ә.: {p['kk']}
Туған жылы: {birth_year(p)}
Тұрғылықты жері: {p['city_kk']}
ЖСН: {p['iin']}
Байланыс: {p['phone']}, {p['email']}
Қызмет түрлері: 1, 8

Волонтерлік акция
Акцияның атауы: «Мектепке жол – 2026»
Акцияны ұйымдастырушы: {p['kk']}
Акция мақсаты: аз қамтылған және көп балалы отбасылардың балаларын оқу жылына дайындау.
Негізгі міндеттер: оқу құралдары мен мектеп формасын жинау, оларды мектептер арқылы тарату.
Күтілетін нәтижелер: 150 балаға мектеп сөмкесі мен кеңсе тауарлары беріледі.
Нысаналы топ: көп балалы және аз қамтылған отбасылардың мектеп жасындағы балалары.
Қатысушы волонтерлер саны: 25
Акцияны өткізу күні мен уақыты: 2026 жылғы 3–28 тамыз, 10:00–18:00
Акцияны өткізу орны: Шымкент қаласы, Абай ауданы, №12 мектеп
Ұйымдастырушының талаптары: 18 жастан асқан, жауапты, топта жұмыс істей алатын
Ұзақтылығы/кезеңділігі: жыл сайын, 4 апта
Волонтерге ұсынылатын жұмыс: жинау пункттерінде кезекшілік, сұрыптау, жеткізу
"""


def apple_mail_flowed():
    p = P["nurlan"]
    date = "Tue, 25 Nov 2025 08:30:14 +0500"
    subject = "Ұйымдастырушы сауалнамасы және «Мектепке жол» акциясы"
    mid = "5F3A1C2B-8D4E-4F6A-9B1C-2D3E4F5A6B7C@icloud.com"
    b = "Apple-Mail=_6B0F0B9C-2F4E-4C1A-9E57-3C1B5D3A9F11"
    text = kk_organiser_action(p)
    # format=flowed (RFC 3676): long lines broken after a space; the space stays at the end of the line.
    flowed = []
    for line in text.split("\n"):
        while len(line) > 66:
            cut = line.rfind(" ", 0, 66)
            if cut <= 0:
                break
            flowed.append(line[:cut + 1])
            line = line[cut + 1:]
        flowed.append(line)
    flowed_text = "\n".join(flowed)
    pdfname = "Өтініш қол қойылған.pdf"
    pdf = tiny_pdf("Otinish")
    lines = mx_received("qs51p00im-qukt01071902.me.com", "17.57.155.16", "4dE3rY6Jm2z8aP",
                        "Tue, 25 Nov 2025 08:30:20 +0500 (+05)")
    lines += dkim("icloud.com", "1a1hai", "icloud-dkim", date,
                  "From:Content-Type:Mime-Version:Subject:Message-Id:Date:To")
    lines += [
        "From: " + " ".join(ew_q(p["short"], "utf-8")) + f" <{p['email']}>",
        "Content-Type: multipart/mixed;",
        f"\tboundary=\"{b}\"",
        "Mime-Version: 1.0 (Mac OS X Mail 16.0 \\(3826.200.121\\))",
        "Subject: " + " ".join(ew_q(subject, "utf-8")[:1]),
    ]
    lines += [" " + w for w in ew_q(subject, "utf-8")[1:]]
    lines += [
        f"Message-Id: <{mid}>",
        f"Date: {date}",
        f"To: {MAILBOX}",
        "X-Mailer: Apple Mail (2.3826.200.121)",
        "",
        "",
        f"--{b}",
        "Content-Transfer-Encoding: quoted-printable",
        "Content-Type: text/plain;",
        "\tcharset=utf-8;",
        "\tformat=flowed",
        "",
    ]
    lines += qp_lines(flowed_text.encode("utf-8"))
    lines += ["", f"--{b}", "Content-Disposition: attachment;",
              "\tfilename*=utf-8''" + urllib.parse.quote(pdfname.encode("utf-8"), safe=""),
              "Content-Type: application/pdf;", "\tx-unix-mode=0644;",
              "\tname=\"" + ew_q(pdfname, "utf-8")[0] + "\"",
              "Content-Transfer-Encoding: base64", ""]
    lines += b64_lines(pdf)
    lines += ["", f"--{b}", "Content-Transfer-Encoding: 7bit", "Content-Type: text/plain;", "\tcharset=us-ascii", "",
              "", "", "Nurlan Kassymov", "Sent from my MacBook", "", f"--{b}--", ""]
    fixture("apple-mail-flowed.eml", build(lines),
            from_=(p["short"], p["email"]), subject=subject, date="2025-11-25T08:30:14+05:00", message_id=mid,
            parts=[part("0", "multipart/mixed"), part("1", "text/plain", "utf-8"),
                   part("2", "application/pdf", None, pdfname), part("3", "text/plain", "us-ascii")],
            text=["Волонтерлер ұйымдастырушысының сауалнамасы", "Акцияның атауы: «Мектепке жол – 2026»",
                  f"ЖСН: {p['iin']}", "Sent from my MacBook"],
            note="Apple Mail: the text is split around the attachment (a second text/plain after the PDF). "
                 "The first text is format=flowed inside quoted-printable: flowed soft breaks are lines "
                 "ending in a space (encoded =20 where QP requires it); textContains phrases never span a "
                 "flowed break. MIME-Version carries a comment with quoted-pairs `\\(`. The PDF name "
                 "is given twice: RFC 2231 filename* and RFC 2047 in Content-Type name. The From name is two Q "
                 "encoded words; Python 3.11's headerregistry keeps the space between them ('Қасы мов'), "
                 "contrary to RFC 2047 6.2.")


def thunderbird_odt():
    org = ORG["izgilik"]
    head = P[org["head"]]
    date = "Tue, 25 Nov 2025 16:20:31 +0500"
    subject = "Заявление и анкета волонтерской организации (БФ «Изгилик жолы»)"
    mid = "b3f1c2d4-5e6f-4a7b-8c9d-0e1f2a3b4c5d@inbox.ru"
    b = "------------0sVbP2nX8hAqL3fJkT1eWm9Y"
    fname = "Анкета_организации.odt"
    body = ru_org_cover(org).replace("формат DOCX", "формат ODT").replace(
        "а также скан подписанного заявления с печатью (PDF).", "подписанный скан пришлем отдельным письмом.")
    odt = tiny_zip("mimetype")
    lines = mx_received("smtp49.i.mail.ru", "95.163.41.87", "4dE9tB2Nq5z1cS", "Tue, 25 Nov 2025 16:20:36 +0500 (+05)")
    lines += [
        "Content-Type: multipart/mixed; boundary=\"" + b + "\"",
        f"Message-ID: <{mid}>",
        f"Date: {date}",
        "MIME-Version: 1.0",
        "User-Agent: Mozilla Thunderbird",
        "Content-Language: ru",
        f"To: {MAILBOX}",
        "From: " + " ".join(ew_b("Гульнара Турсынова", "UTF-8")) + f" <{head['email']}>",
    ]
    lines += fold_words("Subject", ew_b(subject, "UTF-8"))
    lines += [
        "",
        "This is a multi-part message in MIME format.",
        f"--{b}",
        "Content-Type: text/plain; charset=UTF-8; format=flowed",
        "Content-Transfer-Encoding: 8bit",
        "",
    ]
    lines += [raw(l) for l in body.split("\n")]
    lines += [f"--{b}",
              "Content-Type: application/vnd.oasis.opendocument.text;",
              " name=\"" + " ".join(ew_b(fname, "UTF-8")) + "\"",
              "Content-Disposition: attachment;",
              " filename*=UTF-8''" + urllib.parse.quote(fname.encode("utf-8"), safe=""),
              "Content-Transfer-Encoding: base64", ""]
    lines += b64_lines(odt)
    lines += ["", f"--{b}--", ""]
    fixture("thunderbird-odt-attachment.eml", build(lines),
            from_=("Гульнара Турсынова", head["email"]), subject=subject, date="2025-11-25T16:20:31+05:00",
            message_id=mid,
            parts=[part("0", "multipart/mixed"), part("1", "text/plain", "utf-8"),
                   part("2", "application/vnd.oasis.opendocument.text", None, fname)],
            text=["Анкета волонтерской организации (кратко):", f"БИН: {org['bin']}"],
            note="Thunderbird 115+: filename as RFC 2231 filename*=UTF-8''..., name as RFC 2047 inside quotes; "
                 "the preamble 'This is a multi-part message in MIME format.' is not a part.")


# ---------------------------------------------------------------- charsets

def ru_programme(org):
    head = P[org["head"]]
    return f"""Добрый день!

Просим включить в реестр волонтерскую программу (проект) нашего фонда.

Волонтерская программа (проект)
Наименование программы (проекта): «Зеленый двор – чистый город»
Организатор программы (проекта): {org['ru']}, БИН {org['bin']}
Цель программы (проекта): озеленение и благоустройство дворов Караганды силами жителей и волонтеров.
Основные задачи: высадка 500 саженцев, уборка 30 дворов, экоуроки в школах.
Методы реализации: субботники, мастер-классы, работа с ОСИ и акиматом района.
Ожидаемые результаты: 30 благоустроенных дворов, 500 деревьев, 1200 участников.
Целевая группа: жители многоквартирных домов, школьники.
Количество участников: 1200
Сроки реализации: апрель – октябрь 2026 года
Место и время проведения: г. Караганда, районы им. Казыбек би и Алихана Бокейханова, по субботам
Требования организаторов: возраст от 14 лет (с согласия родителей), удобная одежда
Работа, предлагаемая волонтерам: посадка деревьев, уборка, проведение экоуроков

Руководитель {head['ru']}
тел. {head['phone']}
"""


def charset_windows_1251_qp_subject():
    org = ORG["zhasyl"]
    head = P[org["head"]]
    date = "Wed, 26 Nov 2025 11:03:27 +0600"
    subject = "Волонтерская программа «Зеленый двор – чистый город» (фонд «Жасыл кала»)"
    mid = "1482917263.20251126110327@bk.ru"
    body = ru_programme(org)
    lines = mx_received("smtp53.i.mail.ru", "95.163.41.91", "4dF1uC3Pr6z2dT", "Wed, 26 Nov 2025 10:03:33 +0500 (+05)")
    lines += [
        f"Date: {date}",
        "From: " + " ".join(ew_b("Тимур Ахметов", "windows-1251")) + f" <{head['email']}>",
        "Reply-To: " + " ".join(ew_b("Тимур Ахметов", "windows-1251")) + f" <{head['email']}>",
        "X-Priority: 3 (Normal)",
        f"Message-ID: <{mid}>",
        f"To: {MAILBOX}",
    ]
    words = ew_q(subject, "windows-1251")
    lines += fold_words("Subject", words)
    lines += [
        "MIME-Version: 1.0",
        "Content-Type: text/plain; charset=windows-1251",
        "Content-Transfer-Encoding: 8bit",
        "X-Mailer: The Bat! (v10.5.3) Professional",
        "",
    ]
    lines += text_lines(body, "cp1251")
    fixture("charset-windows-1251-qp-subject.eml", build(lines),
            from_=("Тимур Ахметов", head["email"]), subject=subject, date="2025-11-26T11:03:27+06:00", message_id=mid,
            parts=[part("1", "text/plain", "windows-1251")],
            text=["Волонтерская программа (проект)", "Наименование программы (проекта): «Зеленый двор – чистый город»",
                  f"БИН {org['bin']}"],
            note=f"The Bat!: single-part 8bit windows-1251 body; Subject in {len(words)} Q encoded words "
                 "(windows-1251, underscores for spaces, the guillemets and en dash as =AB =BB =96). "
                 "The sender's clock still says +0600 (Kazakhstan's old eastern offset): keep the offset as given.")


def charset_koi8r_body():
    date = "Thu, 27 Nov 2025 07:55:10 +0500"
    subject = "Вопрос: как обновить анкету после смены телефона?"
    mid = "20251127025510.GA3141@pavlenko-home.lan"
    body = """Здравствуйте.

В прошлом году я был включен в реестр как волонтер (Петропавловск).
У меня сменились номер телефона и адрес электронной почты.
Нужно ли заново присылать всю анкету или достаточно письма с новыми данными?
И в какой срок это нужно сделать?

Новый телефон: +7 715 555 42 10

--
Павленко Сергей Николаевич
"""
    lines = mx_received("pavlenko-home.lan", "198.51.100.23", "4dF7wD4Qs7z3eU", "Thu, 27 Nov 2025 07:55:14 +0500 (+05)",
                        tls=False)
    lines += [
        f"Date: {date}",
        "From: " + " ".join(ew_b("Сергей Павленко", "koi8-r")) + " <s.pavlenko@rambler.ru>",
        f"To: {MAILBOX}",
        "Subject: " + " ".join(ew_b(subject, "koi8-r")),
        f"Message-ID: <{mid}>",
        "MIME-Version: 1.0",
        "Content-Type: text/plain; charset=koi8-r",
        "Content-Disposition: inline",
        "Content-Transfer-Encoding: 8bit",
        "User-Agent: Mutt/2.2.9 (2022-11-12)",
        "",
    ]
    lines += text_lines(body, "koi8_r")
    fixture("charset-koi8r-body.eml", build(lines),
            from_=("Сергей Павленко", "s.pavlenko@rambler.ru"), subject=subject, date="2025-11-27T07:55:10+05:00",
            message_id=mid, parts=[part("1", "text/plain", "koi8-r")],
            text=["Нужно ли заново присылать всю анкету", "Павленко Сергей Николаевич"],
            note="A question, not an application (p.7 of the Rules: updated questionnaire within 10 business days).")


def charset_cp866_attachment():
    p = P["arman"]
    date = "Thu, 27 Nov 2025 18:12:40 +0500"
    subject = "Список волонтерской группы (файл из старой программы)"
    mid = "CAK2r8Yq1nS7dM4vX9pB3hF6jL0wZ5tG2cE8uN1aR7kQ4yT6oVw@mail.gmail.com"
    b = "0000000000007a1c3d0643f4b2c9"
    body = """Сәлеметсіз бе!

Топ мүшелерінің тізімін тіркеп жібердім. Файлды ауыл мектебіндегі ескі компьютерден алдық,
ашылмай қалса, хабарласыңыз.

Арман
"""
    listing = """СПИСОК ВОЛОНТЕРСКОЙ ГРУППЫ "КЕНТАУ ЕРIКТIЛЕРI"
============================================
 N  ФИО                         Год рожд.
 1  Серикбаев Арман Талгатович  2001
 2  Оспанова Дана Бауржановна   2003
 3  Алимжанова Мадина Аскаровна 1994
--------------------------------------------
Руководитель группы: Серикбаев А.Т.
"""
    att = listing.replace("\n", "\r\n").encode("cp866")
    lines = mx_received("mail-wm1-f53.google.com", "209.85.128.53", "4dG2xE5Rt8z4fV", "Thu, 27 Nov 2025 18:12:47 +0500 (+05)")
    lines += dkim("gmail.com", "20230601", "gmail-dkim-2", date, "to:subject:message-id:date:from:mime-version")
    lines += [
        "MIME-Version: 1.0",
        "From: " + " ".join(ew_b(p["short"])) + f" <{p['email']}>",
        f"Date: {date}",
        f"Message-ID: <{mid}>",
    ]
    lines += fold_words("Subject", ew_b(subject))
    lines += [
        f"To: {MAILBOX}",
        f"Content-Type: multipart/mixed; boundary=\"{b}\"",
        "",
        f"--{b}",
        'Content-Type: text/plain; charset="UTF-8"',
        "Content-Transfer-Encoding: base64",
        "",
    ]
    lines += b64_lines(body.replace("\n", "\r\n").encode("utf-8"))
    lines += ["", f"--{b}", 'Content-Type: text/plain; charset="cp866"; name="SPISOK.TXT"',
              'Content-Disposition: attachment; filename="SPISOK.TXT"',
              "Content-Transfer-Encoding: base64",
              "Content-ID: <f_mi2k8q3x0>",
              "X-Attachment-Id: f_mi2k8q3x0", ""]
    lines += b64_lines(att)
    lines += ["", f"--{b}--"]
    fixture("charset-cp866-attachment.eml", build(lines),
            from_=(p["short"], p["email"]), subject=subject, date="2025-11-27T18:12:40+05:00", message_id=mid,
            parts=[part("0", "multipart/mixed"), part("1", "text/plain", "utf-8"),
                   part("2", "text/plain", "cp866", "SPISOK.TXT")],
            text=["Топ мүшелерінің тізімін тіркеп жібердім", "СПИСОК ВОЛОНТЕРСКОЙ ГРУППЫ",
                  "Серикбаев Арман Талгатович"],
            note="The attachment is text/plain in CP866 (DOS). CP866 has no Kazakh letters: the group name "
                 "uses Latin/Cyrillic I for Kazakh і, as old DOS-era files do.")


def charset_iso_8859_5():
    p = P["gulnara"]
    date = "Fri, 28 Nov 2025 12:00:05 +0500"
    subject = "Уведомление о прекращении волонтерской деятельности"
    mid = "Pine.LNX.4.64.2511281200050.4711@oskemen-net.kz"
    body = f"""Уважаемые сотрудники министерства!

Уведомляю о прекращении моей волонтерской деятельности как волонтера
с 1 декабря 2025 года в связи с переездом.
Прошу внести отметку в реестр (графа 11).

ФИО: {p['ru']}
ИИН: {p['iin']}

{p['ru']}
"""
    lines = mx_received("mail.oskemen-net.kz", "203.0.113.57", "4dG8yF6Su9z5gW", "Fri, 28 Nov 2025 12:00:09 +0500 (+05)")
    lines += [
        f"Date: {date}",
        "From: " + " ".join(ew_q("Гульнара Турсынова", "ISO-8859-5")) + " <gulnara.t@oskemen-net.kz>",
        f"To: {MAILBOX}",
        "Subject: " + " ".join(ew_q(subject, "ISO-8859-5")[:1]),
    ]
    lines += [" " + w for w in ew_q(subject, "ISO-8859-5")[1:]]
    lines += [
        f"Message-ID: <{mid}>",
        "MIME-Version: 1.0",
        "Content-Type: TEXT/PLAIN; charset=ISO-8859-5",
        "Content-Transfer-Encoding: QUOTED-PRINTABLE",
        "",
    ]
    lines += qp_lines(body.encode("iso8859_5"))
    fixture("charset-iso-8859-5.eml", build(lines),
            from_=("Гульнара Турсынова", "gulnara.t@oskemen-net.kz"), subject=subject,
            date="2025-11-28T12:00:05+05:00", message_id=mid,
            parts=[part("1", "text/plain", "iso-8859-5")],
            text=["Уведомляю о прекращении моей волонтерской деятельности", f"ИИН: {p['iin']}"],
            note="Pine-style upper-case type, subtype and encoding names (case-insensitive per RFC 2045); "
                 "ISO-8859-5 quoted-printable body and Q-encoded headers.")


def charset_mislabelled():
    p = P["madina"]
    date = "Fri, 28 Nov 2025 15:41:12 +0500"
    subject = "Заявка с сайта: волонтер"
    mid = "a7c2e91f03b84d5e9f1a2b3c4d5e6f70@zhastar-ortalygy.kz"
    body = kk_volunteer_application(p, types="8, 11", role="6) хатшы", time="1) еңбек демалысы/ каникул уақытында")
    body = "Сайттағы нысан арқылы жіберілген өтініш\n----------------------------------------\n" + body
    lines = mx_received("hosting-web12.example-host.kz", "203.0.113.140", "4dH3zG7Tv1z6hX",
                        "Fri, 28 Nov 2025 15:41:15 +0500 (+05)")
    lines += [
        f"To: {MAILBOX}",
        "Subject: " + " ".join(ew_b(subject, "windows-1251")),
        f"X-PHP-Originating-Script: 1001:mail.php",
        f"From: " + " ".join(ew_b("Молодежный центр", "windows-1251")) + " <site@zhastar-ortalygy.kz>",
        f"Reply-To: {p['email']}",
        "MIME-Version: 1.0",
        "Content-Type: text/plain; charset=windows-1251",
        "Content-Transfer-Encoding: 8bit",
        f"Message-Id: <{mid}>",
        f"Date: {date}",
        "",
    ]
    lines += text_lines(body, "utf-8")
    fixture("charset-mislabelled-utf8-as-1251.eml", build(lines),
            from_=("Молодежный центр", "site@zhastar-ortalygy.kz"), subject=subject,
            date="2025-11-28T15:41:12+05:00", message_id=mid,
            parts=[part("1", "text/plain", "windows-1251")],
            text=["Волонтер сауалнамасы", f"ЖСН: {p['iin']}", "Т.А.Ә.: Әлімжанова Мадина Асқарқызы"],
            defects=["charsetMismatch"],
            note="A website form (PHP mail()) labels its UTF-8 bytes windows-1251; the headers are really "
                 "windows-1251. A careful parser sees valid multi-byte UTF-8 Cyrillic and reads it as UTF-8 "
                 "with a charsetMismatch defect. Python decodes as labelled and yields mojibake "
                 "('РЎР°Р№С‚...'). The applicant is in Reply-To.")


def header_raw_utf8():
    p = P["arman"]
    date = "Sat, 29 Nov 2025 09:27:44 +0500"
    subject = "Өтініш – волонтер Серікбаев Арман"
    mid = "20251129042744.9f8e7d6c5b4a@kentau-school3.kz"
    body = kk_volunteer_application(p, types="6, 9", role="2) басшы/көшбасшы")
    lines = mx_received("mail.kentau-school3.kz", "203.0.113.77", "4dH9aH8Uw2z7iY", "Sat, 29 Nov 2025 09:27:50 +0500 (+05)")
    lines += [
        f"Date: {date}",
        raw(f"From: {p['short']} <{p['email']}>"),
        f"To: {MAILBOX}",
        raw(f"Subject: {subject}"),
        f"Message-ID: <{mid}>",
        "MIME-Version: 1.0",
        "Content-Type: text/plain; charset=UTF-8",
        "Content-Transfer-Encoding: 8bit",
        "X-Mailer: school-notify 0.3 (Python smtplib)",
        "",
    ]
    lines += text_lines(body, "utf-8")
    fixture("header-raw-utf8.eml", build(lines),
            from_=(p["short"], p["email"]), subject=subject, date="2025-11-29T09:27:44+05:00", message_id=mid,
            parts=[part("1", "text/plain", "utf-8")],
            text=["Волонтер сауалнамасы", f"ЖСН: {p['iin']}"],
            note="Subject and From carry raw 8-bit UTF-8 (no encoded words, no SMTPUTF8 in Received). "
                 "Valid UTF-8 is read as UTF-8. No defect is required: RFC 6532 allows UTF-8 header values, "
                 "so a parser may accept them silently (a rawEightBitHeader defect is also acceptable). "
                 "Python returns the From name as surrogate escapes (undecoded bytes).")


def header_raw_1251():
    org = ORG["zhasyl"]
    head = P[org["head"]]
    date = "Sat, 29 Nov 2025 10:12:00 +0500"
    subject = "Заявление на включение в реестр (фонд Жасыл кала)"
    mid = "1c.20251129101200.5521@zhasyl-qala.kz"
    lines = mx_received("mail.zhasyl-qala.kz", "203.0.113.9", "4dH9aK1Vx2z7iZ", "Sat, 29 Nov 2025 10:12:04 +0500 (+05)")
    lines += [f"Date: {date}",
              raw(f"From: Фонд Жасыл кала <{head['email']}>", "cp1251"),
              f"To: {MAILBOX}",
              raw(f"Subject: {subject}", "cp1251"),
              f"Message-ID: <{mid}>",
              "MIME-Version: 1.0",
              "Content-Type: text/plain; charset=windows-1251",
              "Content-Transfer-Encoding: 8bit",
              "X-Mailer: 1C:Enterprise 8.3",
              ""]
    lines += text_lines(ru_org_cover(org), "cp1251")
    fixture("header-raw-1251.eml", build(lines),
            from_=("Фонд Жасыл кала", head["email"]), subject=subject, date="2025-11-29T10:12:00+05:00",
            message_id=mid, parts=[part("1", "text/plain", "windows-1251")],
            text=["Анкета волонтерской организации (кратко):", f"БИН: {org['bin']}"],
            defects=["rawEightBitHeader"],
            note="Subject and From in raw windows-1251 bytes (not valid UTF-8), as 1C:Enterprise sends them. "
                 "A careful parser reads them with its legacy charset (windows-1251 for this mailbox) and "
                 "reports rawEightBitHeader. Python yields surrogate escapes.")


def charset_unknown_label():
    p = P["dana"]
    date = "Sat, 29 Nov 2025 22:10:00 +0500"
    subject = "Anketa volontera / Волонтер сауалнамасы"
    mid = "7f3e1d2c.4b5a6978.0123@dana-laptop"
    body = kk_volunteer_application(p, types="8, 10")
    lines = mx_received("mx-out.yandex.kz", "203.0.113.31", "4dJ4bJ9Vx3z8jZ", "Sat, 29 Nov 2025 22:10:04 +0500 (+05)")
    lines += [
        f"Date: {date}",
        f"From: {p['latin']} <{p['email']}>",
        f"To: {MAILBOX}",
        "Subject: Anketa volontera / " + ew_b("Волонтер сауалнамасы")[0],
        f"Message-ID: <{mid}>",
        "MIME-Version: 1.0",
        'Content-Type: text/plain; charset="x-unknown-foo"',
        "Content-Transfer-Encoding: 8bit",
        "",
    ]
    lines += text_lines(body, "utf-8")
    fixture("charset-unknown-label.eml", build(lines),
            from_=(p["latin"], p["email"]), subject=subject, date="2025-11-29T22:10:00+05:00", message_id=mid,
            parts=[part("1", "text/plain", "x-unknown-foo")],
            text=[p["iin"], p["email"]],
            defects=["unknownCharset"],
            note="Unknown label over UTF-8 bytes. Only ASCII phrases are required, since what a parser falls "
                 "back to is its choice; a parser that sniffs valid UTF-8 will also show the Kazakh text intact. "
                 "Subject mixes a plain ASCII word run with an encoded word.")


# ---------------------------------------------------------------- structure faults

def simple_head(p, date, subject, mid, qid, helo="smtp.mail.ru", ip="95.163.41.66", extra=(), name=None):
    """A plain, realistic envelope; the Content-Type lines follow from the caller."""
    lines = mx_received(helo, ip, qid, date)
    lines += [f"Date: {date}",
              "From: " + " ".join(ew_b(name or p["short"])) + f" <{p['email']}>",
              f"To: {MAILBOX}"]
    lines += fold_words("Subject", ew_b(subject))
    lines += [f"Message-ID: <{mid}>", "MIME-Version: 1.0"]
    lines += list(extra)
    return lines


def fault_multipart_no_boundary():
    org = ORG["zhasyl"]
    head = P[org["head"]]
    date = "Mon, 01 Dec 2025 11:20:00 +0500"
    subject = "Заявление фонда «Жасыл кала» (из 1С)"
    mid = "1764570000.381@zhasyl-qala.kz"
    b = "----=_NextPart_1C_8_3_25_1764570000"
    pdf = tiny_pdf("Zayavlenie")
    lines = simple_head(head, date, subject, mid, "4dK2dM1Xz5z1lB", helo="mail.zhasyl-qala.kz", ip="203.0.113.9",
                        extra=["X-Mailer: 1C:Enterprise 8.3", "Content-Type: multipart/mixed"],
                        name="Фонд Жасыл кала")
    lines += ["", f"--{b}", "Content-Type: text/plain; charset=utf-8", "Content-Transfer-Encoding: 8bit", ""]
    lines += text_lines(ru_org_cover(org), "utf-8")
    lines += [f"--{b}", 'Content-Type: application/pdf; name="Zayavlenie_Zhasyl_kala.pdf"',
              'Content-Disposition: attachment; filename="Zayavlenie_Zhasyl_kala.pdf"',
              "Content-Transfer-Encoding: base64", ""]
    lines += b64_lines(pdf)
    lines += [f"--{b}--", ""]
    fixture("fault-multipart-no-boundary.eml", build(lines),
            from_=("Фонд Жасыл кала", head["email"]), subject=subject, date="2025-12-01T11:20:00+05:00",
            message_id=mid,
            parts=[part("0", "multipart/mixed"), part("1", "text/plain", "utf-8"),
                   part("2", "application/pdf", None, "Zayavlenie_Zhasyl_kala.pdf")],
            text=["Анкета волонтерской организации (кратко):", f"БИН: {org['bin']}"],
            defects=["multipartWithoutBoundary", "boundaryGuessed"],
            note="Content-Type: multipart/mixed without boundary=. The body plainly uses one delimiter; a "
                 "careful parser recovers it from the first `--` line (boundaryGuessed) rather than losing the "
                 "attachment. Python reports NoBoundaryInMultipartDefect and keeps the body as one string "
                 "(no parts).")


def fault_wrong_boundary():
    p = P["timur"]
    date = "Mon, 01 Dec 2025 12:05:44 +0500"
    subject = "Анкета волонтера (пересылка через портал)"
    mid = "portal.5521.1764572744@volunteer-portal.example-akimat.kz"
    declared = "----=_Part_5521_1764572744.0001"
    used = "----=_Part_5521_1764572744.0002"
    lines = simple_head(p, date, subject, mid, "4dK3eN2Ya6z2mC", helo="relay.example-akimat.kz", ip="203.0.113.12",
                        extra=["Content-Type: multipart/mixed;", f"\tboundary=\"{declared}\"",
                               "X-Mailer: JavaMail (portal relay 2.4)"])
    lines += ["", f"--{used}", "Content-Type: text/plain; charset=UTF-8", "Content-Transfer-Encoding: base64", ""]
    lines += b64_lines(ru_volunteer_application(p, types="5, 4").replace("\n", "\r\n").encode("utf-8"))
    lines += [f"--{used}", 'Content-Type: image/jpeg; name="anketa_scan.jpg"',
              'Content-Disposition: attachment; filename="anketa_scan.jpg"', "Content-Transfer-Encoding: base64", ""]
    lines += b64_lines(tiny_jpeg())
    lines += [f"--{used}--", ""]
    fixture("fault-wrong-boundary.eml", build(lines),
            from_=(p["short"], p["email"]), subject=subject, date="2025-12-01T12:05:44+05:00", message_id=mid,
            parts=[part("0", "multipart/mixed"), part("1", "text/plain", "utf-8"),
                   part("2", "image/jpeg", None, "anketa_scan.jpg")],
            text=["Анкета волонтера", f"ИИН: {p['iin']}"],
            defects=["boundaryNotFound", "boundaryGuessed"],
            note="The relay rewrote the body's boundary (...0002) but not the header's (...0001). A careful "
                 "parser reports that the declared boundary never occurs and recovers the one the body uses. "
                 "Python reports StartBoundaryNotFoundDefect and returns no parts.")


def fault_unterminated():
    p = P["madina"]
    date = "Mon, 01 Dec 2025 16:33:09 +0500"
    subject = "Волонтер сауалнамасы (қайта жіберілді)"
    mid = "CAM7q1Xv9pR3nK6dT2wB8hF5jL4zY0sG1cE7uN3aQ9kP2yT5oVx@mail.gmail.com"
    b = "000000000000c5d2e80643f6a4d1"
    docx = tiny_zip("word/document.xml")
    fname = "Volonter_sauanamasy_Alimzhanova.docx"
    lines = simple_head(p, date, subject, mid, "4dK4fP3Zb7z3nD", helo="mail-ej1-f41.google.com", ip="209.85.218.41",
                        extra=[f'Content-Type: multipart/mixed; boundary="{b}"'])
    lines += ["", f"--{b}", 'Content-Type: text/plain; charset="UTF-8"', "Content-Transfer-Encoding: base64", ""]
    lines += b64_lines("Сәлеметсіз бе!\r\nСауалнаманы қайта жіберемін, алдыңғы хатта файл ашылмаған екен.\r\n"
                       "Мадина\r\n".encode("utf-8"))
    lines += ["", f"--{b}",
              f'Content-Type: application/vnd.openxmlformats-officedocument.wordprocessingml.document; name="{fname}"',
              f'Content-Disposition: attachment; filename="{fname}"', "Content-Transfer-Encoding: base64",
              "X-Attachment-Id: f_mi5n2c7r0", "Content-ID: <f_mi5n2c7r0>", ""]
    lines += b64_lines(docx)
    # No closing --b-- : the message simply ends.
    fixture("fault-unterminated-multipart.eml", build(lines),
            from_=(p["short"], p["email"]), subject=subject, date="2025-12-01T16:33:09+05:00", message_id=mid,
            parts=[part("0", "multipart/mixed"), part("1", "text/plain", "utf-8"),
                   part("2", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", None, fname)],
            text=["Сауалнаманы қайта жіберемін"],
            defects=["unterminatedMultipart"],
            note="The closing delimiter is missing; the last part runs to the end of the message and must be kept.")


def fault_nested_unterminated():
    p = P["saltanat"]
    date = "Tue, 02 Dec 2025 09:02:18 +0500"
    subject = "Үйлестіруші сауалнамасы"
    mid = "20251202090218.77a1@qamqor-ortalygy.kz"
    outer = "=_outer_6f1c2a"
    inner = "=_alt_9b3d4e"
    text = f"""Сәлеметсіз бе!

Волонтерлер үйлестірушісінің сауалнамасы
Т.А.Ә.: {p['kk']}
Туған жылы: {birth_year(p)}
Тұрғылықты жері: {p['city_kk']}
ЖСН: {p['iin']}
Волонтерлік қызметтегі жұмыс тәжірибесі: 8 жыл
Волонтерлер үйлестірушісі ретіндегі жұмыс тәжірибесі: 4 жыл
Үйлестіретін волонтерлер саны: 40
Байланыс: {p['phone']}, {p['email']}
Қызмет түрлері: 2, 3
"""
    lines = simple_head(p, date, subject, mid, "4dL1gQ4Ac8z4oE", helo="mail.qamqor-ortalygy.kz", ip="203.0.113.44",
                        extra=[f'Content-Type: multipart/mixed; boundary="{outer}"', "X-Mailer: Roundcube Webmail/1.6.9"])
    lines += ["", f"--{outer}", f'Content-Type: multipart/alternative; boundary="{inner}"', "",
              f"--{inner}", "Content-Type: text/plain; charset=UTF-8", "Content-Transfer-Encoding: 8bit", ""]
    lines += text_lines(text, "utf-8")
    lines += [f"--{inner}", "Content-Type: text/html; charset=UTF-8", "Content-Transfer-Encoding: 8bit", ""]
    lines += text_lines("<html><body>" + html_of(text) + "</body></html>", "utf-8")
    # The inner multipart is never closed: no --=_alt_9b3d4e-- before the outer delimiter.
    lines += [f"--{outer}", 'Content-Type: application/pdf; name="Otinish.pdf"',
              'Content-Disposition: attachment; filename="Otinish.pdf"', "Content-Transfer-Encoding: base64", ""]
    lines += b64_lines(tiny_pdf("Otinish"))
    lines += [f"--{outer}--", ""]
    fixture("fault-nested-unterminated-inner.eml", build(lines),
            from_=(p["short"], p["email"]), subject=subject, date="2025-12-02T09:02:18+05:00", message_id=mid,
            parts=[part("0", "multipart/mixed"), part("1", "multipart/alternative"), part("1.1", "text/plain", "utf-8"),
                   part("1.2", "text/html", "utf-8"), part("2", "application/pdf", None, "Otinish.pdf")],
            text=["Волонтерлер үйлестірушісінің сауалнамасы", f"ЖСН: {p['iin']}"],
            defects=["unterminatedMultipart"],
            note="The inner multipart/alternative is never closed; the outer delimiter must end it, and the "
                 "PDF after it belongs to the outer multipart (not swallowed into the HTML part).")


def fault_boundary_trailing_ws():
    p = P["erlan"]
    date = "Tue, 02 Dec 2025 10:40:00 +0500"
    subject = "Анкета волонтера Жумабаев Е.С."
    mid = "5a9c1e7f.2b4d.4c6e.8f0a.1b3d5e7f9a2c@mail.ru"
    b = "=_ws_boundary_4e2f"
    lines = simple_head(p, date, subject, mid, "4dL2hR5Bd9z5pF",
                        extra=[f'Content-Type: multipart/mixed; boundary="{b}"'])
    lines += ["", f"--{b}   ", "Content-Type: text/plain; charset=utf-8", "Content-Transfer-Encoding: 8bit", ""]
    lines += text_lines(ru_volunteer_application(p), "utf-8")
    lines += [f"--{b}\t", 'Content-Type: application/pdf; name="anketa.pdf"',
              'Content-Disposition: attachment; filename="anketa.pdf"', "Content-Transfer-Encoding: base64", ""]
    lines += b64_lines(tiny_pdf("Anketa"))
    lines += [f"--{b}-- \t ", ""]
    fixture("fault-boundary-trailing-whitespace.eml", build(lines),
            from_=(p["short"], p["email"]), subject=subject, date="2025-12-02T10:40:00+05:00", message_id=mid,
            parts=[part("0", "multipart/mixed"), part("1", "text/plain", "utf-8"),
                   part("2", "application/pdf", None, "anketa.pdf")],
            text=["Анкета волонтера", f"ИИН: {p['iin']}"],
            note="Delimiter lines carry trailing spaces and tabs (RFC 2046 transport padding): legal, no defect.")


def fault_boundary_prefix():
    p = P["dana"]
    date = "Tue, 02 Dec 2025 13:15:27 +0500"
    subject = "Волонтер сауалнамасы – Оспанова Д."
    mid = "20251202131527.5f2e@dana-laptop"
    text = kk_volunteer_application(p, types="8, 9") + "--bota.k\n(бұл жол бөлгіш емес)\n"
    lines = simple_head(p, date, subject, mid, "4dL3iS6Ce1z6qG", helo="mx-out.yandex.kz", ip="203.0.113.31",
                        extra=['Content-Type: multipart/mixed; boundary="b"'])
    lines += ["", "--b", 'Content-Type: multipart/alternative; boundary="b-inner"', "",
              "--b-inner", "Content-Type: text/plain; charset=utf-8", "Content-Transfer-Encoding: 8bit", ""]
    lines += text_lines(text, "utf-8")
    lines += ["--b-inner", "Content-Type: text/html; charset=utf-8", "Content-Transfer-Encoding: 8bit", "",
              *text_lines("<p>" + html_of(text) + "</p>", "utf-8"), "--b-inner--", "",
              "--b", 'Content-Type: application/pdf; name="b.pdf"', 'Content-Disposition: attachment; filename="b.pdf"',
              "Content-Transfer-Encoding: base64", ""]
    lines += b64_lines(tiny_pdf("b"))
    lines += ["--b--", ""]
    fixture("fault-boundary-prefix.eml", build(lines),
            from_=(p["short"], p["email"]), subject=subject, date="2025-12-02T13:15:27+05:00", message_id=mid,
            parts=[part("0", "multipart/mixed"), part("1", "multipart/alternative"), part("1.1", "text/plain", "utf-8"),
                   part("1.2", "text/html", "utf-8"), part("2", "application/pdf", None, "b.pdf")],
            text=["Волонтер сауалнамасы", "--bota.k"],
            note="Outer boundary `b` is a prefix of the inner `b-inner`, and the text has a line `--bota.k`: "
                 "a delimiter is the whole line (`--b`, optional `--`, optional whitespace), never a prefix match.")


def fault_preamble_epilogue():
    p = P["gulnara"]
    date = "Tue, 02 Dec 2025 15:50:00 +0500"
    subject = "Анкета волонтера"
    mid = "mail.1764672600.44817@oskemen-net.kz"
    b = "=-=-=__mime_4481__=-=-="
    lines = simple_head(p, date, subject, mid, "4dL4jT7Df2z7rH", helo="mail.oskemen-net.kz", ip="203.0.113.57",
                        extra=[f'Content-Type: multipart/mixed; boundary="{b}"'])
    lines += ["", "This is a multi-part message in MIME format.",
              raw("Если вы видите этот текст, ваша почтовая программа не поддерживает MIME."), "",
              f"--{b}", "Content-Type: text/plain; charset=utf-8", "Content-Transfer-Encoding: 8bit", ""]
    lines += text_lines(ru_volunteer_application(p, types="2, 7"), "utf-8")
    lines += [f"--{b}", 'Content-Type: application/pdf; name="anketa_tursynova.pdf"',
              'Content-Disposition: attachment; filename="anketa_tursynova.pdf"', "Content-Transfer-Encoding: base64", ""]
    lines += b64_lines(tiny_pdf("Anketa"))
    lines += [f"--{b}--", "", raw("-- эпилог: отправлено почтовым сервером oskemen-net.kz --"),
              "Any text after the close delimiter is the epilogue and is ignored.", ""]
    fixture("fault-preamble-epilogue.eml", build(lines),
            from_=(p["short"], p["email"]), subject=subject, date="2025-12-02T15:50:00+05:00", message_id=mid,
            parts=[part("0", "multipart/mixed"), part("1", "text/plain", "utf-8"),
                   part("2", "application/pdf", None, "anketa_tursynova.pdf")],
            text=["Анкета волонтера", f"ИИН: {p['iin']}"],
            note="Preamble and epilogue (with 8-bit text) are not parts and must not appear in any part's text. "
                 "The epilogue's first line starts with `-- ` but is not a delimiter.")


def fault_empty_parts():
    p = P["arman"]
    date = "Wed, 03 Dec 2025 08:08:08 +0500"
    subject = "Топ сауалнамасы (бос бөліктер)"
    mid = "20251203030808.1f2e3d4c@kentau-school3.kz"
    b = "==b_empty_parts_7c"
    lines = simple_head(p, date, subject, mid, "4dM1kU8Eg3z8sJ", helo="mail.kentau-school3.kz", ip="203.0.113.77",
                        extra=[f'Content-Type: multipart/mixed; boundary="{b}"'])
    lines += ["",
              # 1: headers, empty body
              f"--{b}", "Content-Type: text/plain; charset=utf-8", "Content-Transfer-Encoding: 8bit", "",
              # 2: nothing at all: no headers, no body
              f"--{b}", "",
              # 3: no headers, an empty line, then a body (legal: defaults to text/plain; charset=us-ascii)
              f"--{b}", "", "Kentau erikteri: group list follows in the next message.",
              # 4: headers that run straight into the next delimiter (no empty line, no body)
              f"--{b}", 'Content-Type: application/pdf; name="bos.pdf"', 'Content-Disposition: attachment; filename="bos.pdf"',
              # 5: a body with no header and no empty line before it
              f"--{b}", raw("Топ басшысы: Серікбаев Арман Талғатұлы"), raw(f"ЖСН: {p['iin']}"),
              f"--{b}--", ""]
    fixture("fault-empty-parts.eml", build(lines),
            from_=(p["short"], p["email"]), subject=subject, date="2025-12-03T08:08:08+05:00", message_id=mid,
            parts=[part("0", "multipart/mixed"), part("1", "text/plain", "utf-8"), part("2", "text/plain"),
                   part("3", "text/plain"), part("4", "application/pdf", None, "bos.pdf"), part("5", "text/plain")],
            text=["Kentau erikteri: group list follows", "Топ басшысы: Серікбаев Арман Талғатұлы"],
            defects=["missingHeaderBodySeparator"],
            note="Five parts: 1 headers and an empty body; 2 no headers and no body; 3 no headers, empty line, "
                 "body (legal, default text/plain); 4 headers that run into the next delimiter (no body; "
                 "no defect required); 5 body lines with no header block and no empty line "
                 "(missingHeaderBodySeparator, on part 5). Part 5 is unlabelled 8-bit UTF-8: read as UTF-8 "
                 "because it is valid UTF-8 (Python decodes it as ASCII with U+FFFD).")


def fault_header_no_separator():
    p = P["aigerim"]
    date = "Wed, 03 Dec 2025 10:10:10 +0500"
    subject = "Волонтер сауалнамасы"
    mid = "20251203101010.4a5b@notify.example-college.kz"
    body = kk_volunteer_application(p)
    lines = mx_received("notify.example-college.kz", "203.0.113.150", "4dM2lV9Fh4z9tK", "Wed, 03 Dec 2025 10:10:14 +0500 (+05)")
    lines += [f"Date: {date}", f"From: College notify <notify@example-college.kz>", f"To: {MAILBOX}",
              "Subject: " + " ".join(ew_b(subject)), f"Message-ID: <{mid}>", "MIME-Version: 1.0",
              "Content-Type: text/plain; charset=utf-8", "Content-Transfer-Encoding: 8bit"]
    # No empty line: the body starts right after the last header field.
    lines += text_lines(body, "utf-8")
    fixture("fault-header-no-separator.eml", build(lines),
            from_=("College notify", "notify@example-college.kz"), subject=subject, date="2025-12-03T10:10:10+05:00",
            message_id=mid, parts=[part("1", "text/plain", "utf-8")],
            text=["Сәлеметсіз бе!", "Волонтер сауалнамасы", f"ЖСН: {p['iin']}"],
            defects=["missingHeaderBodySeparator"],
            note="The first body line ('Сәлеметсіз бе!') follows the header block with no empty line; it is "
                 "not a field (non-ASCII, no colon) and the line after it is not a field either, so the body "
                 "starts there and that line belongs to the body.")


def fault_mbox_from_line():
    org = ORG["izgilik"]
    head = P[org["head"]]
    date = "Wed, 03 Dec 2025 11:45:00 +0500"
    subject = "Анкета волонтерской организации"
    mid = "c1d2e3f4-a5b6-4c7d-8e9f-0a1b2c3d4e5f@inbox.ru"
    lines = ["From - Wed Dec  3 11:45:12 2025", "X-Account-Key: account3", "X-UIDL: 1764744312.41977",
             "X-Mozilla-Status: 0001", "X-Mozilla-Status2: 00000000", "X-Mozilla-Keys:"]
    lines += simple_head(head, date, subject, mid, "4dM3mW0Gi5z0uL", helo="smtp49.i.mail.ru", ip="95.163.41.87",
                         extra=["User-Agent: Mozilla Thunderbird", "Content-Language: ru",
                                "Content-Type: text/plain; charset=UTF-8; format=flowed",
                                "Content-Transfer-Encoding: 8bit"], name="Гульнара Турсынова")
    lines += [""] + text_lines(ru_org_cover(org).replace(
        "Направляем заявление и анкету волонтерской организации (во вложении, формат DOCX),\n"
        "а также скан подписанного заявления с печатью (PDF).\n", ""), "utf-8")
    fixture("fault-mbox-from-line.eml", build(lines),
            from_=("Гульнара Турсынова", head["email"]), subject=subject, date="2025-12-03T11:45:00+05:00",
            message_id=mid, parts=[part("1", "text/plain", "utf-8")],
            text=["Анкета волонтерской организации (кратко):", f"БИН: {org['bin']}"],
            defects=["mboxFromLine"],
            note="Saved from Thunderbird ('Save as .eml' of an mbox message): first line 'From - <date>', then "
                 "X-Mozilla-Status headers. Python takes the line as the unixfrom silently (no defect).")


def fault_lf_only():
    p = P["nurlan"]
    date = "Wed, 03 Dec 2025 14:14:14 +0500"
    subject = "Ұйымдастырушы сауалнамасы (LF)"
    mid = "20251203091414.GB2718@nurlan-pc"
    b = "lf-only-boundary-31ab"
    text = kk_organiser_action(p)
    lines = simple_head(p, date, subject, mid, "4dM4nX1Hj6z1vM", helo="nurlan-pc.local", ip="198.51.100.88",
                        extra=[f'Content-Type: multipart/alternative; boundary="{b}"', "User-Agent: NeoMutt/20231103"])
    lines += ["", f"--{b}", "Content-Type: text/plain; charset=utf-8", "Content-Transfer-Encoding: quoted-printable", ""]
    lines += qp_lines(text.encode("utf-8"))
    lines += ["", f"--{b}", "Content-Type: text/html; charset=utf-8", "Content-Transfer-Encoding: quoted-printable", ""]
    lines += qp_lines(("<html><body>" + html_of(text) + "</body></html>").encode("utf-8"))
    lines += ["", f"--{b}--", ""]
    fixture("fault-lf-line-endings.eml", build(lines, eol=b"\n"),
            from_=(p["short"], p["email"]), subject=subject, date="2025-12-03T14:14:14+05:00", message_id=mid,
            parts=[part("0", "multipart/alternative"), part("1", "text/plain", "utf-8"), part("2", "text/html", "utf-8")],
            text=["Акцияның атауы: «Мектепке жол – 2026»", f"ЖСН: {p['iin']}"],
            note="Every line ends in LF only (as stored in a Maildir by Postfix or Dovecot); quoted-printable soft "
                 "breaks are `=\\n`. Not a defect.")


def fault_header_without_colon():
    p = P["timur"]
    date = "Wed, 03 Dec 2025 16:30:00 +0500"
    subject = "Анкета координатора"
    mid = "portal.6110.1764761400@volunteer-portal.example-akimat.kz"
    lines = mx_received("relay.example-akimat.kz", "203.0.113.12", "4dM5oY2Ik7z2wN", "Wed, 03 Dec 2025 16:30:04 +0500 (+05)")
    lines += ["From: " + " ".join(ew_b(p["short"])) + f" <{p['email']}>",
              f"To: {MAILBOX}",
              "Subject: " + " ".join(ew_b(subject)),
              "X-Portal-Comment: sent from the regional volunteer portal,",
              "portal build 2025.11.4 (lost its fold)",
              f"Date: {date}",
              f"Message-ID: <{mid}>",
              "MIME-Version: 1.0",
              "Content-Type: text/plain; charset=utf-8",
              "Content-Transfer-Encoding: base64",
              ""]
    lines += b64_lines(ru_volunteer_application(p, types="4, 5").replace("Анкета волонтера", "Анкета координатора волонтеров")
                       .replace("\n", "\r\n").encode("utf-8"))
    fixture("fault-header-without-colon.eml", build(lines),
            from_=(p["short"], p["email"]), subject=subject, date="2025-12-03T16:30:00+05:00", message_id=mid,
            parts=[part("1", "text/plain", "utf-8")],
            text=["Анкета координатора волонтеров", f"ИИН: {p['iin']}"],
            defects=["headerWithoutColon"],
            note="A folded line lost its leading whitespace: 'portal build ...' has no colon. Fields follow it, "
                 "so a careful parser skips the line (headerWithoutColon) and still reads Date, Message-ID and "
                 "Content-Type. Python ends the header block there (MissingHeaderBodySeparatorDefect) and loses "
                 "Date, Message-ID and the base64 Content-Transfer-Encoding.")


def fault_duplicate_subject():
    p = P["madina"]
    date = "Thu, 04 Dec 2025 09:30:00 +0500"
    first = "Өтініш: волонтер Әлімжанова Мадина"
    second = "Заявка с сайта"
    mid = "f0e1d2c3b4a59687@zhastar-ortalygy.kz"
    lines = mx_received("hosting-web12.example-host.kz", "203.0.113.140", "4dN1pZ3Jl8z3xO", "Thu, 04 Dec 2025 09:30:03 +0500 (+05)")
    lines += [f"To: {MAILBOX}", "Subject: " + " ".join(ew_b(first)),
              "X-PHP-Originating-Script: 1001:form.php",
              "From: " + " ".join(ew_b("Жастар орталығы")) + " <site@zhastar-ortalygy.kz>",
              f"Reply-To: {p['email']}",
              "Subject: " + " ".join(ew_b(second)),
              "MIME-Version: 1.0", "Content-Type: text/plain; charset=utf-8", "Content-Transfer-Encoding: 8bit",
              f"Message-Id: <{mid}>", f"Date: {date}", ""]
    lines += text_lines(kk_volunteer_application(p, types="8, 11"), "utf-8")
    fixture("fault-duplicate-subject.eml", build(lines),
            from_=("Жастар орталығы", "site@zhastar-ortalygy.kz"), subject=first, date="2025-12-04T09:30:00+05:00",
            message_id=mid, parts=[part("1", "text/plain", "utf-8")],
            text=["Волонтер сауалнамасы", f"ЖСН: {p['iin']}"],
            defects=["duplicateHeader"],
            note="PHP mail() writes its Subject argument first, and the form script adds another Subject in the "
                 "extra headers. The first occurrence is the subject (as Python, Thunderbird and Dovecot read it).")


def fault_long_folded_header():
    p = P["saltanat"]
    date = "Thu, 04 Dec 2025 11:11:11 +0500"
    subject = ("Қайырымды істер марафоны: аудандық волонтерлік ұйымдардың тізімін нақтылау, "
               "өңірлік үйлестірушілерге арналған ақпарат және тізілімге қосу туралы өтініштер")
    mid = "20251204111111.0a1b2c3d@qamqor-ortalygy.kz"
    refs = [f"<2025110{d % 9 + 1}{d:04d}.{fake_hex('ref' + str(d), 8)}@qamqor-ortalygy.kz>" for d in range(45)]
    cc = [f"\"Аудан {i:02d}\" <volunteers.raion{i:02d}@example-akimat.kz>" for i in range(1, 41)]
    lines = mx_received("mail.qamqor-ortalygy.kz", "203.0.113.44", "4dN2qA4Km9z4yP", "Thu, 04 Dec 2025 11:11:15 +0500 (+05)")
    lines += [f"Date: {date}", "From: " + " ".join(ew_b(p["short"])) + f" <{p['email']}>", f"To: {MAILBOX}"]
    cc_enc = []
    for i in range(1, 41):
        cc_enc.append(" ".join(ew_b(f"Аудан {i:02d} волонтерлері")) + f" <volunteers.raion{i:02d}@example-akimat.kz>")
    lines += ["Cc: " + cc_enc[0] + ","] + [" " + c + ("," if i < len(cc_enc) - 1 else "") for i, c in enumerate(cc_enc[1:], 1)]
    lines += fold_words("Subject", ew_b(subject))
    lines += ["References: " + refs[0]] + [" " + r for r in refs[1:]]
    lines += [f"In-Reply-To: {refs[-1]}", f"Message-ID: <{mid}>", "MIME-Version: 1.0",
              "X-Forefront-Antispam-Report: " + ";".join(f"CIP:203.0.113.{i};CTRY:KZ;LANG:kk;SCL:1;SRV:;IPV:NLI;SFV:NSPM"
                                                        for i in range(14)),
              "Content-Type: text/plain; charset=utf-8", "Content-Transfer-Encoding: 8bit", ""]
    lines += text_lines("Құрметті әріптестер!\n\nАудандық волонтерлік ұйымдардың тізімін нақтылауды сұраймыз.\n"
                        "Тізілімге қосу туралы өтініштерді volunteer@mki.gov.kz мекенжайына жіберіңіздер.\n\n"
                        f"Үйлестіруші {p['short']}\n", "utf-8")
    data = build(lines)
    longest = max(len(l) for l in data.split(b"\r\n"))
    fixture("fault-long-folded-header.eml", data,
            from_=(p["short"], p["email"]), subject=subject, date="2025-12-04T11:11:11+05:00", message_id=mid,
            parts=[part("1", "text/plain", "utf-8")],
            text=["Аудандық волонтерлік ұйымдардың тізімін нақтылауды сұраймыз"],
            note=f"Cc folded over 40 lines with 40 encoded-word names, a Subject of {len(ew_b(subject))} encoded "
                 f"words, References with 45 ids, and an unfolded X-Forefront-Antispam-Report line of {longest} "
                 "bytes (over RFC 5322's 998, as Exchange writes them). Nothing here is over the parser's limits: "
                 "no defect is required.")


# ---------------------------------------------------------------- transfer encodings

def enc_base64_junk():
    p = P["viktor"]
    date = "Thu, 04 Dec 2025 13:00:00 +0500"
    subject = "Анкета волонтера Ким В.А."
    mid = "20251204080000.3c4d5e6f@kostanay-relay.example.kz"
    b = "=_b64junk_2c9a"
    text = ru_volunteer_application(p, types="5, 7")
    data = text.replace("\n", "\r\n").encode("utf-8")
    while len(data) % 3 != 1:      # so that correct padding would be `==`
        data += b" "
    enc = base64.b64encode(data).decode().rstrip("=")
    rows = [enc[i:i + 76] for i in range(0, len(enc), 76)]
    # Junk a broken antivirus gateway left behind: characters outside the base64 alphabet.
    rows[2] = rows[2][:30] + "!" + rows[2][30:]
    rows[5] = rows[5][:10] + "*#" + rows[5][10:]
    rows[7] = rows[7] + " ."
    lines = simple_head(p, date, subject, mid, "4dN3rB5Ln0z5zQ", helo="kostanay-relay.example.kz", ip="203.0.113.61",
                        extra=[f'Content-Type: multipart/mixed; boundary="{b}"', "X-Scanned-By: AV-Gate 3.1"])
    lines += ["", f"--{b}", "Content-Type: text/plain; charset=utf-8", "Content-Transfer-Encoding: base64", ""]
    lines += rows
    lines += [f"--{b}", 'Content-Type: application/pdf; name="anketa_kim.pdf"',
              'Content-Disposition: attachment; filename="anketa_kim.pdf"', "Content-Transfer-Encoding: base64", ""]
    lines += b64_lines(tiny_pdf("Anketa Kim"))
    lines += [f"--{b}--", ""]
    fixture("enc-base64-junk-padding.eml", build(lines),
            from_=(p["short"], p["email"]), subject=subject, date="2025-12-04T13:00:00+05:00", message_id=mid,
            parts=[part("0", "multipart/mixed"), part("1", "text/plain", "utf-8"),
                   part("2", "application/pdf", None, "anketa_kim.pdf")],
            text=["Анкета волонтера", f"ФИО: {p['ru']}", f"ИИН: {p['iin']}", "Виды деятельности: 5, 7"],
            defects=["invalidBase64Character", "invalidBase64Padding"],
            note="Part 1's base64 has '!', '*#' and ' .' inside lines (skipped with a defect; the space alone "
                 "would be harmless) and ends without its `==` padding. Skipping the junk and accepting the "
                 "short final quantum gives the full text.")


def enc_qp_broken():
    p = P["dana"]
    date = "Thu, 04 Dec 2025 15:20:00 +0500"
    subject = "Сауалнама сайттан"
    mid = "crm.20251204.152000.881@zhastar-ortalygy.kz"
    text = (kk_volunteer_application(p, types="8, 9")
            + "Сауалнама сілтемесі: https://forms.zhastar-ortalygy.kz/view?lang=kk&ref=ZZ-2025\n")
    out = []
    for line in text.split("\n"):
        enc = ""
        for byte in line.encode("utf-8"):
            if byte >= 0x80:
                enc += f"={byte:02x}"       # lowercase hex, legal to decode (RFC 2045 6.7 note)
            else:
                enc += chr(byte)           # and '=' itself left unescaped: the CRM's bug
        out.append(enc)
    # Long lines are never wrapped except one, which gets a proper soft break.
    i = next(k for k, l in enumerate(out) if len(l) > 200)
    pos = 90
    while out[i][pos - 1] == "=" or out[i][pos - 2] == "=":
        pos += 1
    out[i] = out[i][:pos] + "=\n" + out[i][pos:]
    qp = "\n".join(out).split("\n")
    lines = simple_head(p, date, subject, mid, "4dN4sC6Mo1z6aR", helo="hosting-web12.example-host.kz",
                        ip="203.0.113.140",
                        extra=["Content-Type: text/plain; charset=utf-8", "Content-Transfer-Encoding: quoted-printable",
                               "X-Mailer: ZhastarCRM/2.1"])
    lines += [""] + qp
    longest = max(len(l) for l in qp)
    fixture("enc-qp-broken.eml", build(lines),
            from_=(p["short"], p["email"]), subject=subject, date="2025-12-04T15:20:00+05:00", message_id=mid,
            parts=[part("1", "text/plain", "utf-8")],
            text=["Волонтер сауалнамасы", f"ЖСН: {p['iin']}", "view?lang=kk&ref=ZZ-2025"],
            defects=["invalidQuotedPrintable"],
            note=f"Lowercase hex escapes (=d0=92), lines up to {longest} characters, and unescaped '=' in a URL: "
                 "'=kk' and '=ZZ' are not escapes and are kept literally (RFC 2045 6.7 note 2), with an "
                 "invalidQuotedPrintable defect. Lowercase hex and long lines need no defect.")


def enc_8bit_binary():
    p = P["nurlan"]
    date = "Thu, 04 Dec 2025 17:45:00 +0500"
    subject = "Өтініш (скан PDF)"
    mid = "binarymime.1764852300.22@nurlan-pc"
    b = "=_bin_8c1f"
    # Binary body: every byte value, bare CR and LF, NUL; never a CRLF followed by '--'.
    blob = bytes(range(256)) + b"\r\x00\n\xff\r\r\n\n" + tiny_pdf("scan")[:64]
    assert b"\r\n--" not in blob and b"\n--" not in blob
    text = ("Сәлеметсіз бе!\nҚол қойылған өтінішті PDF түрінде жіберемін.\n"
            f"Ұйымдастырушы: {p['kk']}, ЖСН {p['iin']}\n")
    lines = simple_head(p, date, subject, mid, "4dN5tD7Np2z7bS", helo="nurlan-pc.local", ip="198.51.100.88",
                        extra=[f'Content-Type: multipart/mixed; boundary="{b}"', "User-Agent: NeoMutt/20231103"])
    lines += ["", f"--{b}", "Content-Type: text/plain; charset=utf-8", "Content-Transfer-Encoding: 8bit", ""]
    lines += text_lines(text, "utf-8")
    lines += [f"--{b}", 'Content-Type: application/pdf; name="otinish_scan.pdf"',
              'Content-Disposition: attachment; filename="otinish_scan.pdf"', "Content-Transfer-Encoding: binary", "",
              blob, f"--{b}--", ""]
    fixture("enc-8bit-binary.eml", build(lines),
            from_=(p["short"], p["email"]), subject=subject, date="2025-12-04T17:45:00+05:00", message_id=mid,
            parts=[part("0", "multipart/mixed"), part("1", "text/plain", "utf-8"),
                   part("2", "application/pdf", None, "otinish_scan.pdf")],
            text=["Қол қойылған өтінішті PDF түрінде жіберемін"],
            note=f"Part 2 is Content-Transfer-Encoding: binary: {len(blob)} bytes with NUL, bare CR, bare LF "
                 "and every byte value; its decoded body must be exactly those bytes (the CRLF before the "
                 "closing delimiter belongs to the delimiter).")


def enc_uuencode():
    p = P["viktor"]
    date = "Fri, 05 Dec 2025 10:00:00 +0500"
    subject = "Список группы поиска"
    mid = "11223344.20251205100000@mail.ru"
    listing = ("Poiskovyi otryad \"Iz\" (Kostanai)\r\n1. Kim Viktor Alekseevich\r\n2. Serikbayev Arman Talgatovich\r\n"
               "3. Ospanova Dana Baurzhanovna\r\n").encode("ascii")
    import binascii
    uu = ["begin 644 spisok_gruppy.txt"]
    for i in range(0, len(listing), 45):
        uu.append(binascii.b2a_uu(listing[i:i + 45]).decode("ascii").rstrip("\n"))
    uu += ["`", "end"]
    body = ["Здравствуйте!", "", "Список нашей поисковой группы во вложении (старый почтовый клиент, uuencode).",
            "Руководитель группы: Ким Виктор Алексеевич", ""] + uu + ["", "--", "Ким В.А."]
    lines = simple_head(p, date, subject, mid, "4dP1uE8Oq3z8cT",
                        extra=["Content-Type: text/plain; charset=windows-1251", "Content-Transfer-Encoding: 8bit",
                               "X-Mailer: Microsoft Outlook Express 6.00.2900.5931"])
    lines += [""] + [l.encode("cp1251") for l in body]
    fixture("enc-uuencode-in-body.eml", build(lines),
            from_=(p["short"], p["email"]), subject=subject, date="2025-12-05T10:00:00+05:00", message_id=mid,
            parts=[part("1", "text/plain", "windows-1251")],
            text=["Список нашей поисковой группы во вложении", "Руководитель группы: Ким Виктор Алексеевич"],
            note="A uuencoded file (begin 644 spisok_gruppy.txt ... end) inside the text/plain body, as Outlook "
                 "Express sends it. It is not a MIME part: `parts` lists the IMAP structure only. A parser that "
                 "extracts it should find spisok_gruppy.txt whose text begins 'Poiskovyi otryad'.")


# ---------------------------------------------------------------- nested messages

def inner_org_message(org, date, mid, b):
    """The original application of a volunteer organisation: multipart/mixed, text + DOCX (Gmail)."""
    head = P[org["head"]]
    subject = f"Заявление на включение в реестр – {org['ru']}"
    docx = tiny_zip("word/document.xml")
    fname = "Заявление и анкета.docx"
    lines = ["MIME-Version: 1.0",
             "From: " + " ".join(ew_b(head["short"])) + f" <{head['email']}>",
             f"Date: {date}", f"Message-ID: <{mid}>"]
    lines += fold_words("Subject", ew_b(subject))
    lines += ["To: " + " ".join(ew_b("Ішкі саясат басқармасы")) + " <volunteer@dvp-pavlodar.example.kz>",
              f'Content-Type: multipart/mixed; boundary="{b}"', "",
              f"--{b}", 'Content-Type: text/plain; charset="UTF-8"', "Content-Transfer-Encoding: base64", ""]
    lines += b64_lines(ru_org_cover(org).replace("\n", "\r\n").encode("utf-8"))
    lines += ["", f"--{b}",
              "Content-Type: application/vnd.openxmlformats-officedocument.wordprocessingml.document; ",
              "\tname=\"" + " ".join(ew_b(fname)) + "\"",
              "Content-Disposition: attachment; ",
              "\tfilename=\"" + " ".join(ew_b(fname)) + "\"",
              "Content-Transfer-Encoding: base64", "X-Attachment-Id: f_mi7q1w2e0", "Content-ID: <f_mi7q1w2e0>", ""]
    lines += b64_lines(docx)
    lines += ["", f"--{b}--"]
    return lines, subject, fname


def nested_forward_regional():
    org = ORG["qamqor"]
    date = "Fri, 05 Dec 2025 11:30:00 +0500"
    subject_inner_date = "Thu, 4 Dec 2025 17:02:41 +0500"
    inner_mid = "CAF5n8Wq2mP7vX1dR4kB9hT3jL6zY0sG5cE2uN8aQ1kP7yT4oVz@mail.gmail.com"
    inner, inner_subject, fname = inner_org_message(org, subject_inner_date, inner_mid, "000000000000d8e3f10643f9c2b7")
    officer = dict(short="Әсел Нұрланқызы", email="a.nurlankyzy@dvp-pavlodar.example.kz")
    mid = "7e2d1c0b-9a8f-4e7d-6c5b-4a3b2c1d0e9f@dvp-pavlodar.example.kz"
    b = "------------Yq8X2mN5pR7tV1wZ3bD6fH9k"
    subject = "Fwd: " + inner_subject
    att_name = inner_subject + ".eml"
    lines = simple_head(officer, date, subject, mid, "4dP2vF9Pr4z9dU", helo="mail.dvp-pavlodar.example.kz",
                        ip="203.0.113.101", name=officer["short"],
                        extra=[f'Content-Type: multipart/mixed; boundary="{b}"', "User-Agent: Mozilla Thunderbird",
                               "Content-Language: kk-KZ"])
    lines += ["", "This is a multi-part message in MIME format.", f"--{b}",
              "Content-Type: text/plain; charset=UTF-8; format=flowed", "Content-Transfer-Encoding: 8bit", ""]
    lines += text_lines("Құрметті әріптестер!\n\nПавлодар облысының ішкі саясат басқармасына келген өтінішті "
                        "\nқарау үшін жолдаймыз (тіркеме).\n\nҚұрметпен,\nӘсел Нұрланқызы\nбас маман\n", "utf-8")
    lines += [f"--{b}", "Content-Type: message/rfc822; charset=UTF-8;",
              " name=\"" + " ".join(ew_b(att_name)) + "\"",
              "Content-Disposition: attachment;"]
    conts = rfc2231_continuations("filename", att_name)
    lines += [" " + c + (";" if i < len(conts) - 1 else "") for i, c in enumerate(conts)]
    lines += [""]
    lines += inner
    lines += ["", f"--{b}--", ""]
    fixture("nested-forward-regional-office.eml", build(lines),
            from_=(officer["short"], officer["email"]), subject=subject, date="2025-12-05T11:30:00+05:00",
            message_id=mid,
            parts=[part("0", "multipart/mixed"), part("1", "text/plain", "utf-8"),
                   part("2", "message/rfc822", "utf-8", att_name), part("2.0", "multipart/mixed"),
                   part("2.1", "text/plain", "utf-8"),
                   part("2.2", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", None, fname)],
            text=["Павлодар облысының ішкі саясат басқармасына келген өтінішті", f"БИН: {org['bin']}"],
            note="Thunderbird 'Forward as attachment' from a regional office: message/rfc822 with an RFC 2231 "
                 "filename (….eml). The inner message is a Gmail multipart/mixed with a DOCX whose name is an "
                 "encoded word in quotes. The inner message's own From/Date are not the envelope: expected "
                 "from/subject/date are the outer message's. Thunderbird labels the message/rfc822 part "
                 "charset=UTF-8 (meaningless there); listed as labelled.")


def nested_forward_of_forward():
    p = P["erlan"]
    # Level 2 (innermost): the applicant's original, single part windows-1251 (Mail.ru).
    d2 = "Tue, 2 Dec 2025 20:14:09 +0300"
    mid2 = "1764695649.518273645@f377.i.mail.ru"
    s2 = "Анкета волонтера Жумабаев"
    inner2 = ["From: " + " ".join(ew_b("Ерлан Жумабаев")) + f" <{p['email']}>",
              "To: " + " ".join(ew_b("Акимат района")) + " <info@raion-akimat.example.kz>",
              "Subject: " + " ".join(ew_b(s2, "windows-1251")), "MIME-Version: 1.0", "X-Mailer: Mail.Ru Mailer 1.0",
              f"Date: {d2}", f"Message-ID: <{mid2}>", "Content-Type: text/plain; charset=windows-1251",
              "Content-Transfer-Encoding: 8bit", ""] + text_lines(ru_volunteer_application(p), "cp1251")
    # Level 1: the district akimat forwards it to the regional office (Outlook, as attachment).
    d1 = "Wed, 3 Dec 2025 09:40:00 +0500"
    mid1 = "AS8PR05MB7752E1F0C3B4A5D6E7F8091A2B3C@AS8PR05MB7752.eurprd05.prod.outlook.com"
    b1 = "_002_AS8PR05MB7752E1F0C3B4A5D6E7F8091A2B3CAS8PR05MB7752eurp_"
    s1 = "FW: " + s2
    level1 = ["From: " + " ".join(ew_b("Акимат района", "utf-8")) + " <info@raion-akimat.example.kz>",
              "To: " + " ".join(ew_b("Облыстық басқарма", "utf-8")) + " <volunteer@dvp-pavlodar.example.kz>",
              "Subject: " + " ".join(ew_b(s1, "utf-8")), f"Date: {d1}", f"Message-ID: <{mid1}>",
              "Content-Language: ru-RU", "X-MS-Has-Attach: yes", "Thread-Index: AdxkA3F1m0T8q6XrS2eJ9fNc4b7HzQ==",
              f'Content-Type: multipart/mixed; boundary="{b1}"', "MIME-Version: 1.0", "",
              f"--{b1}", 'Content-Type: text/plain; charset="utf-8"', "Content-Transfer-Encoding: quoted-printable", ""]
    level1 += qp_lines("Пересылаем анкету, поступившую в акимат района.\nАкимат района\n".encode("utf-8"))
    level1 += ["", f"--{b1}", "Content-Type: message/rfc822", "Content-Disposition: attachment;",
               '\tcreation-date="Wed, 03 Dec 2025 04:39:51 GMT";', '\tmodification-date="Wed, 03 Dec 2025 04:39:51 GMT"',
               ""] + inner2 + [f"--{b1}--", ""]
    # Level 0: the regional office forwards the forward to the ministry.
    date = "Fri, 05 Dec 2025 14:00:00 +0500"
    mid = "0b1c2d3e-4f5a-6b7c-8d9e-0f1a2b3c4d5e@dvp-pavlodar.example.kz"
    b = "------------Hk3M9pQ2sV6xA0cE4gJ7nR1u"
    officer = dict(short="Әсел Нұрланқызы", email="a.nurlankyzy@dvp-pavlodar.example.kz")
    subject = "Fwd: " + s1
    lines = simple_head(officer, date, subject, mid, "4dP3wG0Qs5z0eV", helo="mail.dvp-pavlodar.example.kz",
                        ip="203.0.113.101", name=officer["short"],
                        extra=[f'Content-Type: multipart/mixed; boundary="{b}"', "User-Agent: Mozilla Thunderbird"])
    lines += ["", "This is a multi-part message in MIME format.", f"--{b}",
              "Content-Type: text/plain; charset=UTF-8; format=flowed", "Content-Transfer-Encoding: 8bit", ""]
    lines += text_lines("Аудан әкімдігінен келген хат, қарауларыңызға жолдаймыз.\nӘсел Нұрланқызы\n", "utf-8")
    lines += [f"--{b}", 'Content-Type: message/rfc822; name="FW.eml"',
              'Content-Disposition: attachment; filename="FW.eml"', ""] + level1 + ["", f"--{b}--", ""]
    fixture("nested-forward-of-forward.eml", build(lines),
            from_=(officer["short"], officer["email"]), subject=subject, date="2025-12-05T14:00:00+05:00",
            message_id=mid,
            parts=[part("0", "multipart/mixed"), part("1", "text/plain", "utf-8"),
                   part("2", "message/rfc822", None, "FW.eml"), part("2.0", "multipart/mixed"),
                   part("2.1", "text/plain", "utf-8"), part("2.2", "message/rfc822"),
                   part("2.2.1", "text/plain", "windows-1251")],
            text=["Аудан әкімдігінен келген хат", "Пересылаем анкету, поступившую в акимат района",
                  f"ИИН: {p['iin']}"],
            note="Two levels: Thunderbird forward of an Outlook 'attached item' forward of a Mail.ru original. "
                 "The innermost message is single-part, so its body is 2.2.1. Its Date uses a one-digit day "
                 "('Tue, 2 Dec 2025').")


def nested_outlook_attached_item():
    p = P["viktor"]
    officer = dict(short="Ахметова Жанар", email="zh.akhmetova@kostanay-dvp.example.kz")
    d_in = "Mon, 1 Dec 2025 08:12:00 +0500"
    mid_in = "DU0PR02MB9811A0B1C2D3E4F5A6B7C8D9E0F1@DU0PR02MB9811.eurprd02.prod.outlook.com"
    b_in = "_000_DU0PR02MB9811A0B1C2D3E4F5A6B7C8D9E0F1DU0PR02MB9811eurp_"
    s_in = "Анкета координатора волонтеров (Костанай)"
    txt_in = f"""Добрый день!

Прошу включить меня в реестр как координатора волонтеров.
ФИО: {p['ru']}
ИИН: {p['iin']}
Количество координируемых волонтеров: 24
"""
    inner = ["From: " + " ".join(ew_b("Ким Виктор Алексеевич", "utf-8")) + f" <{p['email']}>",
             "To: " + " ".join(ew_b(officer["short"], "utf-8")) + f" <{officer['email']}>",
             "Subject: " + " ".join(ew_b(s_in, "utf-8")), "Thread-Topic: " + " ".join(ew_b(s_in, "utf-8")),
             "Thread-Index: AdxigK9u3Yq1vT0pR6WzD2c8mFh4Lw==", f"Date: {d_in}", f"Message-ID: <{mid_in}>",
             "Accept-Language: ru-RU, en-US", "Content-Language: ru-RU", "X-MS-Has-Attach:",
             "X-MS-TNEF-Correlator:", "Content-Type: multipart/alternative;",
             f'\tboundary="{b_in}"', "MIME-Version: 1.0", "",
             f"--{b_in}", 'Content-Type: text/plain; charset="utf-8"', "Content-Transfer-Encoding: base64", ""]
    inner += b64_lines(txt_in.replace("\n", "\r\n").encode("utf-8"))
    inner += ["", f"--{b_in}", 'Content-Type: text/html; charset="utf-8"', "Content-Transfer-Encoding: base64", ""]
    inner += b64_lines(("<html><body>" + html_of(txt_in) + "</body></html>").encode("utf-8"))
    inner += ["", f"--{b_in}--", ""]
    date = "Tue, 2 Dec 2025 10:05:33 +0500"
    mid = "DU0PR02MB9811F1E0D9C8B7A6F5E4D3C2B1A0@DU0PR02MB9811.eurprd02.prod.outlook.com"
    b_mix = "_004_DU0PR02MB9811F1E0D9C8B7A6F5E4D3C2B1A0DU0PR02MB9811eurp_"
    b_alt = "_000_DU0PR02MB9811F1E0D9C8B7A6F5E4D3C2B1A0DU0PR02MB9811eurp_"
    subject = "Анкета координатора из Костаная (вложенное письмо)"
    txt = "Добрый день!\n\nНаправляем письмо заявителя вложением.\n\nС уважением,\nЖанар Ахметова\n"
    lines = mx_received("mail-vi1eur02on2071.outbound.protection.outlook.com", "40.107.241.71", "4dP4xH1Rt6z1fW",
                        "Tue, 02 Dec 2025 10:05:40 +0500 (+05)")
    lines += ["From: " + " ".join(ew_b(officer["short"], "utf-8")) + f" <{officer['email']}>",
              f'To: "{MAILBOX}" <{MAILBOX}>', "Subject: " + " ".join(ew_b(subject, "utf-8")),
              "Thread-Topic: " + " ".join(ew_b(subject, "utf-8")), "Thread-Index: AdxjL0c4pB7wq2RfTUaKq1mE8v5X3g==",
              f"Date: {date}", f"Message-ID: <{mid}>", "Accept-Language: ru-RU, en-US", "Content-Language: ru-RU",
              "X-MS-Has-Attach: yes", "X-MS-TNEF-Correlator:",
              "x-ms-exchange-organization-authas: Internal",
              "x-ms-exchange-organization-authsource: DU0PR02MB9811.eurprd02.prod.outlook.com",
              "Content-Type: multipart/mixed;", f'\tboundary="{b_mix}"', "MIME-Version: 1.0", "",
              f"--{b_mix}", "Content-Type: multipart/alternative;", f'\tboundary="{b_alt}"', "",
              f"--{b_alt}", 'Content-Type: text/plain; charset="utf-8"', "Content-Transfer-Encoding: base64", ""]
    lines += b64_lines(txt.replace("\n", "\r\n").encode("utf-8"))
    lines += ["", f"--{b_alt}", 'Content-Type: text/html; charset="utf-8"', "Content-Transfer-Encoding: base64", ""]
    lines += b64_lines(("<html><body>" + html_of(txt) + "</body></html>").encode("utf-8"))
    lines += ["", f"--{b_alt}--", "", f"--{b_mix}", "Content-Type: message/rfc822", "Content-Disposition: attachment;",
              '\tcreation-date="Tue, 02 Dec 2025 05:05:21 GMT";', '\tmodification-date="Tue, 02 Dec 2025 05:05:21 GMT"',
              ""] + inner + [f"--{b_mix}--", ""]
    fixture("nested-outlook-attached-item.eml", build(lines),
            from_=(officer["short"], officer["email"]), subject=subject, date="2025-12-02T10:05:33+05:00",
            message_id=mid,
            parts=[part("0", "multipart/mixed"), part("1", "multipart/alternative"), part("1.1", "text/plain", "utf-8"),
                   part("1.2", "text/html", "utf-8"), part("2", "message/rfc822"), part("2.0", "multipart/alternative"),
                   part("2.1", "text/plain", "utf-8"), part("2.2", "text/html", "utf-8")],
            text=["Направляем письмо заявителя вложением", "Прошу включить меня в реестр как координатора",
                  f"ИИН: {p['iin']}"],
            note="Outlook/Exchange 'attach item': message/rfc822 with Content-Disposition: attachment and only "
                 "creation/modification dates, no filename (Exchange Online's usual form).")


# ---------------------------------------------------------------- automatic mail

def notification_kk(p):
    return (f"Құрметті {p['short']}!\n\nСіздің волонтерлік қызметті есепке алу тізіліміне қосу туралы өтінішіңіз "
            "қаралып,\nмәліметтеріңіз тізілімге енгізілді.\n\nҚазақстан Республикасы Мәдениет және ақпарат министрлігі\n")


def auto_bounce_dsn():
    p = P["aigerim"]
    bad = "aigerim.sarsenbayeva.96@gmail.con"
    date = "Mon,  8 Dec 2025 10:00:05 +0500 (+05)"
    qid = "4dQ1yJ2Su7z2gX"
    b = f"{qid}.1765170005/mx1.mki.gov.kz"
    mid = f"20251208050005.{qid}@mx1.mki.gov.kz"
    orig_mid = "tizilim.20251208045958.a1b2c3@mki.gov.kz"
    orig_subject = "Тізілімге қосу туралы хабарлама / Уведомление о включении в реестр"
    lines = ["Return-Path: <>", f"Delivered-To: {MAILBOX}",
             "Received: by mx1.mki.gov.kz (Postfix)", f"\tid {qid}; Mon,  8 Dec 2025 10:00:05 +0500 (+05)",
             f"Date: {date}", "From: MAILER-DAEMON@mki.gov.kz (Mail Delivery System)",
             "Subject: Undelivered Mail Returned to Sender", f"To: {MAILBOX}", "Auto-Submitted: auto-replied",
             "MIME-Version: 1.0", "Content-Type: multipart/report; report-type=delivery-status;",
             f'\tboundary="{b}"', "Content-Transfer-Encoding: 8bit", f"Message-Id: <{mid}>", "",
             "This is a MIME-encapsulated message.", "",
             f"--{b}", "Content-Description: Notification", "Content-Type: text/plain; charset=us-ascii", "",
             "This is the mail system at host mx1.mki.gov.kz.", "",
             "I'm sorry to have to inform you that your message could not",
             "be delivered to one or more recipients. It's attached below.", "",
             "For further assistance, please send mail to postmaster.", "",
             "If you do so, please include this problem report. You can",
             "delete your own text from the attached returned message.", "",
             "                   The mail system", "",
             f"<{bad}>: Host or domain name not found. Name service error for",
             "    name=gmail.con type=A: Host not found", "",
             f"--{b}", "Content-Description: Delivery report", "Content-Type: message/delivery-status", "",
             "Reporting-MTA: dns; mx1.mki.gov.kz", f"X-Postfix-Queue-ID: 4dQ1yH0Rs6z1fW",
             f"X-Postfix-Sender: rfc822; {MAILBOX}", "Arrival-Date: Mon,  8 Dec 2025 09:59:58 +0500 (+05)", "",
             f"Final-Recipient: rfc822; {bad}", f"Original-Recipient: rfc822;{bad}", "Action: failed",
             "Status: 5.4.4", "Diagnostic-Code: X-Postfix; Host or domain name not found. Name service error",
             "    for name=gmail.con type=A: Host not found", "",
             f"--{b}", "Content-Description: Undelivered Message", "Content-Type: message/rfc822",
             "Content-Transfer-Encoding: 8bit", "",
             "Received: from tizilim.mki.gov.kz (tizilim.mki.gov.kz [10.20.0.30])",
             "\tby mx1.mki.gov.kz (Postfix) with ESMTP id 4dQ1yH0Rs6z1fW",
             f"\tfor <{bad}>; Mon,  8 Dec 2025 09:59:58 +0500 (+05)",
             "From: " + " ".join(ew_b("Волонтерлік қызмет тізілімі")) + f" <{MAILBOX}>",
             f"To: {bad}", ] + fold_words("Subject", ew_b(orig_subject)) + [
             "Date: Mon, 08 Dec 2025 09:59:58 +0500", f"Message-ID: <{orig_mid}>",
             "Auto-Submitted: auto-generated", "MIME-Version: 1.0", "Content-Type: text/plain; charset=utf-8",
             "Content-Transfer-Encoding: 8bit", ""] + text_lines(notification_kk(p), "utf-8") + [
             "", f"--{b}--", ""]
    fixture("auto-bounce-dsn.eml", build(lines),
            from_=("Mail Delivery System", "MAILER-DAEMON@mki.gov.kz"), subject="Undelivered Mail Returned to Sender",
            date="2025-12-08T10:00:05+05:00", message_id=mid, auto=True,
            parts=[part("0", "multipart/report"), part("1", "text/plain", "us-ascii"),
                   part("2", "message/delivery-status"), part("3", "message/rfc822"), part("3.1", "text/plain", "utf-8")],
            text=["Host or domain name not found", "мәліметтеріңіз тізілімге енгізілді"],
            note="Postfix bounce of tizilim's own notification to a mistyped address (gmail.con). From uses the "
                 "old `addr (Comment)` form: the comment is taken as the display name, as Thunderbird and mutt "
                 "show it (Python's headerregistry gives an empty display name). Date has a double space and a "
                 "trailing comment '(+05)'. message/delivery-status is a leaf in IMAP numbering (Python models "
                 "it as a list of header blocks).")


def auto_bounce_headers():
    p = P["erlan"]
    date = "Mon, 08 Dec 2025 13:21:40 +0300"
    mid = "E1vS8pK-00000007Qxe-3f2A@mx198.i.mail.ru"
    b = "1765189300-eximdsn-1804289383"
    orig_mid = "tizilim.20251208152133.d4e5f6@mki.gov.kz"
    lines = ["Return-Path: <>", f"Delivered-To: {MAILBOX}"]
    lines += mx_received("mx198.i.mail.ru", "95.163.41.198", "4dQ2zK3Tv8z3hY", "Mon, 08 Dec 2025 15:21:42 +0500 (+05)")
    lines += ["Received: from mail by mx198.i.mail.ru with local (Exim 4.96)", "\tid 1vS8pK-00000007Qxe-3f2A",
              f"\tfor {MAILBOX}; Mon, 08 Dec 2025 13:21:40 +0300",
              "X-Failed-Recipients: erlan.zhumabaev88@mail.ru", "Auto-Submitted: auto-replied",
              "From: Mail Delivery System <mailer-daemon@corp.mail.ru>", f"To: {MAILBOX}",
              "Content-Type: multipart/report; report-type=delivery-status; boundary=" + b, "MIME-Version: 1.0",
              "Subject: Mail delivery failed: returning message to sender", f"Message-Id: <{mid}>", f"Date: {date}", "",
              f"--{b}", "Content-type: text/plain; charset=us-ascii", "",
              "This message was created automatically by mail delivery software.", "",
              "A message that you sent could not be delivered to one or more of its",
              "recipients. This is a permanent error. The following address(es) failed:", "",
              "  erlan.zhumabaev88@mail.ru", "    Mailbox is full / Blocks limit exceeded / Inode limit exceeded", "",
              f"--{b}", "Content-type: message/delivery-status", "", "Reporting-MTA: dns; mx198.i.mail.ru", "",
              "Action: failed", "Final-Recipient: rfc822;erlan.zhumabaev88@mail.ru", "Status: 5.2.2",
              "Diagnostic-Code: smtp; 552 5.2.2 Mailbox is full", "",
              f"--{b}", "Content-type: text/rfc822-headers", "",
              "Received: from tizilim.mki.gov.kz ([10.20.0.30])", "\tby mx1.mki.gov.kz with ESMTP id 4dQ2zJ1Su7z2gX",
              "\tfor <erlan.zhumabaev88@mail.ru>; Mon, 08 Dec 2025 15:21:33 +0500 (+05)",
              "From: " + " ".join(ew_b("Волонтерлік қызмет тізілімі")) + f" <{MAILBOX}>",
              "To: erlan.zhumabaev88@mail.ru", "Subject: " + " ".join(ew_b("Анкетаны нақтылау қажет / Требуется доработка анкеты")),
              "Date: Mon, 08 Dec 2025 15:21:33 +0500", f"Message-ID: <{orig_mid}>", "Auto-Submitted: auto-generated",
              "MIME-Version: 1.0", "Content-Type: text/plain; charset=utf-8", "", f"--{b}--", ""]
    fixture("auto-bounce-rfc822-headers.eml", build(lines),
            from_=("Mail Delivery System", "mailer-daemon@corp.mail.ru"),
            subject="Mail delivery failed: returning message to sender", date="2025-12-08T13:21:40+03:00",
            message_id=mid, auto=True,
            parts=[part("0", "multipart/report"), part("1", "text/plain", "us-ascii"),
                   part("2", "message/delivery-status"), part("3", "text/rfc822-headers")],
            text=["Mailbox is full", "Message-ID: <" + orig_mid + ">"],
            note="Exim bounce (Mail.ru) returning headers only, as text/rfc822-headers (a leaf, not a nested "
                 "message). Header names 'Content-type' in lower case; an unquoted boundary with '-'. "
                 "The original Message-ID must be findable in part 3's text to match the bounce to the case.")


def auto_out_of_office():
    p = P["dana"]
    date = "Tue, 09 Dec 2025 09:00:12 +0500"
    mid = "20251209040012.2f1e0d9c@mail.yandex.kz"
    subject = "Автоответ: Анкетаны нақтылау қажет / Требуется доработка анкеты"
    lines = ["Return-Path: <dana.ospanova03@yandex.kz>"]
    lines += mx_received("forward501a.mail.yandex.net", "178.154.239.81", "4dR1aL4Uw9z4iZ",
                         "Tue, 09 Dec 2025 09:00:15 +0500 (+05)")
    lines += ["From: " + " ".join(ew_b(p["short"])) + f" <{p['email']}>", f"To: {MAILBOX}"]
    lines += fold_words("Subject", ew_b(subject))
    lines += [f"Date: {date}", f"Message-ID: <{mid}>", "In-Reply-To: <tizilim.20251208152133.d4e5f6@mki.gov.kz>",
              "References: <tizilim.20251208152133.d4e5f6@mki.gov.kz>", "Auto-Submitted: auto-replied",
              "X-Autoreply: yes", "Precedence: auto_reply", "MIME-Version: 1.0",
              "Content-Type: text/plain; charset=utf-8", "Content-Transfer-Encoding: base64", ""]
    lines += b64_lines("Сәлеметсіз бе! Мен 15 желтоқсанға дейін демалыстамын, хатыңызға кейін жауап беремін.\r\n"
                       "Здравствуйте! Я в отпуске до 15 декабря, отвечу позже.\r\n".encode("utf-8"))
    fixture("auto-out-of-office.eml", build(lines),
            from_=(p["short"], p["email"]), subject=subject, date="2025-12-09T09:00:12+05:00", message_id=mid,
            auto=True, parts=[part("1", "text/plain", "utf-8")],
            text=["Я в отпуске до 15 декабря"],
            note="A Sieve vacation auto-reply to tizilim's request for refinement: Auto-Submitted: auto-replied, "
                 "X-Autoreply: yes, Precedence: auto_reply. From is the applicant's own address, so only these "
                 "headers tell it from a real answer.")


def auto_exchange_oof():
    org = ORG["qamqor"]
    head = P[org["head"]]
    date = "Tue, 9 Dec 2025 04:31:07 +0000"
    mid = "DB9PR08MB68119E8D7C6B5A4F3E2D1C0B9A8F@DB9PR08MB6811.eurprd08.prod.outlook.com"
    b = "_000_DB9PR08MB68119E8D7C6B5A4F3E2D1C0B9A8FDB9PR08MB6811eurp_"
    subject = "Автоматический ответ: Тізілімге қосу туралы хабарлама / Уведомление о включении в реестр"
    txt = ("Здравствуйте!\n\nЯ нахожусь в командировке до 12.12.2025 и не имею доступа к почте.\n"
           "По срочным вопросам обращайтесь по телефону +7 705 555 61 00.\n\nС уважением,\nСалтанат Бекова\n")
    lines = mx_received("mail-db8eur05on2070.outbound.protection.outlook.com", "40.107.20.70", "4dR2bM5Vx0z5jA",
                        "Tue, 09 Dec 2025 09:31:11 +0500 (+05)")
    lines += ["From: " + " ".join(ew_b("Бекова Салтанат", "utf-8")) + f" <{head['email']}>",
              f'To: "{MAILBOX}" <{MAILBOX}>']
    lines += fold_words("Subject", ew_b(subject, "utf-8"))
    lines += fold_words("Thread-Topic", ew_b(subject.split(": ", 1)[1], "utf-8"))
    lines += ["Thread-Index: AQHcaLq4zW1kN3pT7u2S9vB0cD4eF5gH6iJ7kL8mN9o=", f"Date: {date}", f"Message-ID: <{mid}>",
              "References: <tizilim.20251209093055.f7a8b9@mki.gov.kz>",
              "In-Reply-To: <tizilim.20251209093055.f7a8b9@mki.gov.kz>",
              "Auto-Submitted: auto-generated", "X-MS-Has-Attach:", "X-Auto-Response-Suppress: All",
              "X-MS-Exchange-Inbox-Rules-Loop: s.bekova@qamqor-ortalygy.kz", "X-MS-TNEF-Correlator:",
              "x-ms-exchange-parent-message-id: <tizilim.20251209093055.f7a8b9@mki.gov.kz>",
              "x-ms-exchange-generated-message-source: Mailbox Rules Agent",
              "x-ms-publictraffictype: Email", "x-ms-traffictypediagnostic: DB9PR08MB6811:EE_|PAXPR08MB6700:EE_",
              "Content-Type: multipart/alternative;", f'\tboundary="{b}"', "MIME-Version: 1.0",
              "X-OriginatorOrg: qamqor-ortalygy.kz", "",
              f"--{b}", 'Content-Type: text/plain; charset="utf-8"', "Content-Transfer-Encoding: base64", ""]
    lines += b64_lines(txt.replace("\n", "\r\n").encode("utf-8"))
    lines += ["", f"--{b}", 'Content-Type: text/html; charset="utf-8"', "Content-Transfer-Encoding: base64", ""]
    lines += b64_lines(("<html><head>\r\n<meta http-equiv=\"Content-Type\" content=\"text/html; charset=utf-8\">\r\n"
                        "</head><body>" + html_of(txt) + "</body></html>").encode("utf-8"))
    lines += ["", f"--{b}--", ""]
    fixture("auto-exchange-oof.eml", build(lines),
            from_=("Бекова Салтанат", head["email"]), subject=subject, date="2025-12-09T04:31:07+00:00",
            message_id=mid, auto=True,
            parts=[part("0", "multipart/alternative"), part("1", "text/plain", "utf-8"), part("2", "text/html", "utf-8")],
            text=["Я нахожусь в командировке до 12.12.2025"],
            note="Exchange Online out-of-office: Auto-Submitted: auto-generated and X-Auto-Response-Suppress: All, "
                 "no Precedence header (Exchange does not send one). The 'Автоматический ответ:' prefix is "
                 "localized and must not be relied on. The x-ms-exchange-generated-message-source value is "
                 "illustrative.")


def auto_mailing_list():
    date = "Wed, 10 Dec 2025 12:00:00 +0500"
    mid = "20251210070000.55aa66bb@qazvolunteers-net.example.org"
    subject = "[Volontery-kz] Дайджест: «Қайырымды істер марафоны» – желтоқсан"
    lines = ["Return-Path: <volontery-kz-bounces+volunteer=mki.gov.kz@lists.qazvolunteers-net.example.org>"]
    lines += mx_received("lists.qazvolunteers-net.example.org", "203.0.113.200", "4dR3cN6Wy1z6kB",
                         "Wed, 10 Dec 2025 12:00:04 +0500 (+05)")
    lines += ["From: " + " ".join(ew_b("Еріктілер желісі")) + " <news@qazvolunteers-net.example.org>",
              f"To: volontery-kz@lists.qazvolunteers-net.example.org"]
    lines += fold_words("Subject", ew_b(subject))
    lines += [f"Date: {date}", f"Message-ID: <{mid}>", "MIME-Version: 1.0",
              "Content-Type: text/plain; charset=\"utf-8\"", "Content-Transfer-Encoding: base64",
              "X-BeenThere: volontery-kz@lists.qazvolunteers-net.example.org", "X-Mailman-Version: 2.1.39",
              "Precedence: list",
              "List-Id: " + " ".join(ew_b("Волонтеры Казахстана")) + " <volontery-kz.lists.qazvolunteers-net.example.org>",
              "List-Unsubscribe: <https://lists.qazvolunteers-net.example.org/mailman/options/volontery-kz>,",
              " <mailto:volontery-kz-request@lists.qazvolunteers-net.example.org?subject=unsubscribe>",
              "List-Archive: <https://lists.qazvolunteers-net.example.org/pipermail/volontery-kz/>",
              "List-Post: <mailto:volontery-kz@lists.qazvolunteers-net.example.org>",
              "List-Help: <mailto:volontery-kz-request@lists.qazvolunteers-net.example.org?subject=help>",
              "List-Subscribe: <https://lists.qazvolunteers-net.example.org/mailman/listinfo/volontery-kz>,",
              " <mailto:volontery-kz-request@lists.qazvolunteers-net.example.org?subject=subscribe>",
              "Errors-To: volontery-kz-bounces+volunteer=mki.gov.kz@lists.qazvolunteers-net.example.org",
              "Sender: \"Volontery-kz\" <volontery-kz-bounces+volunteer=mki.gov.kz@lists.qazvolunteers-net.example.org>",
              ""]
    body = ("Қайырымды істер марафоны: желтоқсан айының іс-шаралары\n\n"
            "1. «Балалардың игілігі үшін» акциясы: балалар үйлеріне жаңа жылдық сыйлықтар жинау.\n"
            "2. Қарттар үйлеріне барып, концерт қою.\n"
            "3. Волонтерлерді оқыту семинары, Астана, 20 желтоқсан.\n\n"
            "_______________________________________________\n"
            "Volontery-kz mailing list\nvolontery-kz@lists.qazvolunteers-net.example.org\n"
            "https://lists.qazvolunteers-net.example.org/mailman/listinfo/volontery-kz\n")
    lines += b64_lines(body.replace("\n", "\r\n").encode("utf-8"))
    fixture("auto-mailing-list.eml", build(lines),
            from_=("Еріктілер желісі", "news@qazvolunteers-net.example.org"), subject=subject,
            date="2025-12-10T12:00:00+05:00", message_id=mid, auto=True, parts=[part("1", "text/plain", "utf-8")],
            text=["Қайырымды істер марафоны: желтоқсан айының іс-шаралары", "Volontery-kz mailing list"],
            note="Mailman 2.1 list traffic the mailbox is subscribed to: List-Id with an encoded-word phrase, "
                 "Precedence: list, Sender/Errors-To -bounces. Not an application, must not be answered.")


def auto_read_receipt():
    p = P["madina"]
    date = "Wed, 10 Dec 2025 18:40:00 +0500"
    mid = "4b3a2c1d-0e9f-4a8b-7c6d-5e4f3a2b1c0d@mail.ru"
    b = "------------mdn9Qx2Lw5Rt8Yp1Cs4Vb7Nk"
    orig_subject = "Тізілімге қосу туралы хабарлама / Уведомление о включении в реестр"
    orig_mid = "tizilim.20251210183000.0a9b8c@mki.gov.kz"
    lines = mx_received("smtp47.i.mail.ru", "95.163.41.85", "4dR4dP7Xz2z7mC", "Wed, 10 Dec 2025 18:40:04 +0500 (+05)")
    lines += [f"Message-ID: <{mid}>", f"Date: {date}", "MIME-Version: 1.0", "User-Agent: Mozilla Thunderbird",
              "From: " + " ".join(ew_b(p["short"], "UTF-8")) + f" <{p['email']}>", f"To: {MAILBOX}"]
    lines += fold_words("Subject", ew_b("Return Receipt (displayed) - " + orig_subject, "UTF-8"))
    lines += ["Content-Type: multipart/report; report-type=disposition-notification;", f' boundary="{b}"', "",
              "This is a multi-part message in MIME format.", f"--{b}",
              "Content-Type: text/plain; charset=UTF-8", "Content-Transfer-Encoding: 8bit", "",
              raw(f"This is a Return Receipt for the mail that you sent to {p['email']}."), "",
              "Note: This Return Receipt only acknowledges that the message was displayed on the recipient's",
              "computer. There is no guarantee that the recipient has read or understood the message contents.", "",
              f"--{b}", "Content-Type: message/disposition-notification; name=\"MDNPart2.txt\"",
              "Content-Disposition: inline", "Content-Transfer-Encoding: 7bit", "",
              "Reporting-UA: mail.ru; Mozilla Thunderbird", f"Final-Recipient: rfc822;{p['email']}",
              f"Original-Message-ID: <{orig_mid}>",
              "Disposition: manual-action/MDN-sent-manually; displayed", "", "",
              f"--{b}", "Content-Type: text/rfc822-headers; name=\"MDNPart3.txt\"", "Content-Transfer-Encoding: 7bit",
              "Content-Disposition: inline", "",
              f"Return-Path: <{MAILBOX}>", f"Message-ID: <{orig_mid}>", "Date: Wed, 10 Dec 2025 18:30:00 +0500",
              "From: " + " ".join(ew_b("Волонтерлік қызмет тізілімі")) + f" <{MAILBOX}>", f"To: {p['email']}",
              "Subject: " + " ".join(ew_b(orig_subject)), f"Disposition-Notification-To: {MAILBOX}", "",
              f"--{b}--", ""]
    fixture("auto-read-receipt.eml", build(lines),
            from_=(p["short"], p["email"]), subject="Return Receipt (displayed) - " + orig_subject,
            date="2025-12-10T18:40:00+05:00", message_id=mid, auto=True,
            parts=[part("0", "multipart/report"), part("1", "text/plain", "utf-8"),
                   part("2", "message/disposition-notification", None, "MDNPart2.txt"),
                   part("3", "text/rfc822-headers", None, "MDNPart3.txt")],
            text=["This is a Return Receipt for the mail that you sent", f"Message-ID: <{orig_mid}>"],
            note="Thunderbird MDN (RFC 8098). It carries no Auto-Submitted header; it is automatic because it is "
                 "multipart/report (report-type=disposition-notification). Filenames come from the Content-Type "
                 "name parameter (no filename in Content-Disposition).")


# ---------------------------------------------------------------- addresses

def addr_group_quoted_comma():
    p = P["erlan"]
    date = "Thu, 11 Dec 2025 10:20:00 +0500"
    mid = "1765430400.771203551@f381.i.mail.ru"
    subject = "Повторно: анкета волонтера Жумабаев Е.С."
    lines = mx_received("f381.i.mail.ru", "95.163.41.120", "4dS1eQ8Ya3z8nD", "Thu, 11 Dec 2025 10:20:04 +0500 (+05)")
    lines += [f"From: \"Zhumabayev, Erlan\" <{p['email']}>",
              "To: undisclosed-recipients:;",
              "Cc: " + " ".join(ew_b("Павлодар волонтерлері")) + ": " + " ".join(ew_b("Ким, Виктор")) + " <vkim.kostanay@mail.ru>,",
              "  \"=?UTF-8?B?" + base64.b64encode("Оспанова, Дана".encode()).decode() + "?=\" <dana.ospanova03@yandex.kz>;",
              f"Bcc: {MAILBOX}", "Subject: " + " ".join(ew_b(subject)), "MIME-Version: 1.0",
              "X-Mailer: Mail.Ru Mailer 1.0", f"Date: {date}", f"Message-ID: <{mid}>",
              "Content-Type: text/plain; charset=utf-8", "Content-Transfer-Encoding: base64", ""]
    lines += b64_lines(("Добрый день! Повторно направляю анкету, ответа на первое письмо не получил.\r\n\r\n"
                        + ru_volunteer_application(p).replace("\n", "\r\n")).encode("utf-8"))
    fixture("addr-group-quoted-comma.eml", build(lines),
            from_=("Zhumabayev, Erlan", p["email"]), subject=subject, date="2025-12-11T10:20:00+05:00",
            message_id=mid, parts=[part("1", "text/plain", "utf-8")],
            text=["Повторно направляю анкету", f"ИИН: {p['iin']}"],
            note="From is a quoted 'Last, First' name with a comma. To is the empty group "
                 "'undisclosed-recipients:;' (the mailbox is in Bcc). Cc is a group whose display name is an "
                 "encoded word, holding an encoded-word name that decodes to a comma-containing name and a "
                 "quoted encoded word (illegal in RFC 2047, common from Outlook); a careful reader gets 2 Cc mailboxes: "
                 "vkim.kostanay@mail.ru ('Ким, Виктор') and dana.ospanova03@yandex.kz ('Оспанова, Дана').")


def addr_encoded_idn():
    domain = "астана-ерікті.қаз".encode("idna").decode("ascii")
    date = "Thu, 11 Dec 2025 15:05:00 +0500"
    mid = f"20251211100500.6e5d4c3b@{domain}"
    subject = "Ұйымдастырушының өтініші (заңды тұлға)"
    name = "«Астана еріктілері» орталығы"
    bin_ = make_bin("2203", 71234)
    lines = mx_received(f"mail.{domain}", "203.0.113.222", "4dS2fR9Zb4z9oE", "Thu, 11 Dec 2025 15:05:03 +0500 (+05)")
    lines += ["From: " + " ".join(ew_b(name)) + f" <info@{domain}> (Astana branch)",
              f"Sender: coordinator@{domain} (Koordinator)",
              f"Reply-To: (office) \"Orталық\" <office@{domain}>".replace("Orталық", "Ortalyq"),
              f"To: Ministry volunteer register <{MAILBOX}>",
              "Subject: " + " ".join(ew_b(subject)), f"Date: {date}", f"Message-ID: <{mid}>",
              "MIME-Version: 1.0", "Content-Type: text/plain; charset=utf-8", "Content-Transfer-Encoding: 8bit", ""]
    lines += text_lines(f"""Сәлеметсіз бе!

Волонтерлік қызметті ұйымдастырушы ретінде тізілімге қосуды сұраймыз (ұйымдастырушы).

Ұйымның атауы: {name}
Тіркеу күні: 2022 жылғы 15 наурыз
БСН: {bin_}
Байланыс: info@{domain} (ерікті.қаз домені), +7 717 255 50 10
Қызмет түрлері: 8, 11, 12
""", "utf-8")
    fixture("addr-encoded-idn.eml", build(lines),
            from_=(name, "info@астана-ерікті.қаз"), subject=subject, date="2025-12-11T15:05:00+05:00", message_id=mid,
            parts=[part("1", "text/plain", "utf-8")],
            text=["Волонтерлік қызметті ұйымдастырушы ретінде", f"БСН: {bin_}"],
            note=f"From: encoded-word display name, an IDN domain in punycode ({domain} = астана-ерікті.қаз) and a "
                 "trailing comment '(Astana branch)' that is not the name. The address is expected in the form "
                 f"shown to people, the xn-- labels in Unicode; on the wire (and for replies) it is info@{domain}. "
                 "Sender uses the old "
                 "'addr (Comment)' form, Reply-To has a leading comment. The display name is two encoded words; "
                 "Python 3.11 keeps the space between them ('орт алығы'), contrary to RFC 2047 6.2.")


# ---------------------------------------------------------------- dates

def date_missing():
    p = P["arman"]
    mid = "form.9931.1765525200@kentau-school3.kz"
    subject = "Волонтер сауалнамасы (мектеп сайтынан)"
    lines = mx_received("mail.kentau-school3.kz", "203.0.113.77", "4dS3gS0Ac5z0pF", "Fri, 12 Dec 2025 12:40:05 +0500 (+05)")
    lines += ["From: " + " ".join(ew_b(p["short"])) + f" <{p['email']}>", f"To: {MAILBOX}",
              "Subject: " + " ".join(ew_b(subject)), f"Message-ID: <{mid}>", "MIME-Version: 1.0",
              "Content-Type: text/plain; charset=utf-8", "Content-Transfer-Encoding: 8bit", ""]
    lines += text_lines(kk_volunteer_application(p, types="6, 9", role="2) басшы/көшбасшы"), "utf-8")
    fixture("date-missing.eml", build(lines),
            from_=(p["short"], p["email"]), subject=subject, date=None, message_id=mid,
            parts=[part("1", "text/plain", "utf-8")], text=["Волонтер сауалнамасы", f"ЖСН: {p['iin']}"],
            defects=["missingDate"],
            note="No Date header (a school website's form script). The Received stamps carry a time, but the "
                 "message date is null; the receipt time for business-day counting comes from the delivery, "
                 "not from here.")


def date_broken():
    p = P["gulnara"]
    mid = "form.9932.1765526400@oskemen-net.kz"
    subject = "Анкета волонтера (с сайта)"
    lines = mx_received("mail.oskemen-net.kz", "203.0.113.57", "4dS4hT1Bd6z1qG", "Fri, 12 Dec 2025 13:00:06 +0500 (+05)")
    lines += ["Date: {CURRENT_DATE}", "From: " + " ".join(ew_b(p["short"])) + f" <{p['email']}>", f"To: {MAILBOX}",
              "Subject: " + " ".join(ew_b(subject)), f"Message-ID: <{mid}>", "MIME-Version: 1.0",
              "Content-Type: text/plain; charset=utf-8", "Content-Transfer-Encoding: 8bit", ""]
    lines += text_lines(ru_volunteer_application(p, types="2, 7"), "utf-8")
    fixture("date-broken.eml", build(lines),
            from_=(p["short"], p["email"]), subject=subject, date=None, message_id=mid,
            parts=[part("1", "text/plain", "utf-8")], text=["Анкета волонтера", f"ИИН: {p['iin']}"],
            defects=["invalidDate"],
            note="The form template's placeholder was never filled: 'Date: {CURRENT_DATE}'.")


def date_two_digit_year():
    p = P["viktor"]
    date = "Fri, 12 Dec 25 16:45:10 +0500"
    mid = "3F2A1B0C.5D4E@kostanay.example-isp.kz"
    subject = "Анкета волонтера Ким В.А."
    lines = mx_received("smtp.kostanay.example-isp.kz", "203.0.113.66", "4dS5iU2Ce7z2rH", "Fri, 12 Dec 2025 16:45:14 +0500 (+05)")
    lines += [f"Date: {date}", "From: " + " ".join(ew_b("Ким Виктор", "koi8-r")) + f" <{p['email']}>",
              f"To: {MAILBOX}", "Subject: " + " ".join(ew_b(subject, "koi8-r")), f"Message-ID: <{mid}>",
              "MIME-Version: 1.0", "Content-Type: text/plain; charset=koi8-r", "Content-Transfer-Encoding: 8bit",
              "X-Mailer: QUALCOMM Windows Eudora Version 7.1.0.9", ""]
    # KOI8-R has no guillemets: the old client wrote straight quotes.
    lines += text_lines(ru_volunteer_application(p, types="5").replace("«", '"').replace("»", '"'), "koi8_r")
    fixture("date-two-digit-year.eml", build(lines),
            from_=("Ким Виктор", p["email"]), subject=subject, date="2025-12-12T16:45:10+05:00", message_id=mid,
            parts=[part("1", "text/plain", "koi8-r")], text=["Анкета волонтера", f"ИИН: {p['iin']}"],
            note="Two-digit year '25' (RFC 5322 obs-year: 00-49 are 2000-2049).")


def date_named_zone():
    p = P["aigerim"]
    date = "12 Dec 2025 12:05:33 GMT"
    mid = "5d2a9f31c0e84b7a@forms.example-ngo.kz"
    subject = "Волонтер сауалнамасы (веб-форма)"
    lines = mx_received("forms.example-ngo.kz", "203.0.113.180", "4dS6jV3Df8z3sJ", "Fri, 12 Dec 2025 17:05:37 +0500 (+05)")
    lines += [f"Date: {date}", f"From: Web form <forms@example-ngo.kz>", f"Reply-To: {p['email']}",
              f"To: {MAILBOX}", "Subject: " + " ".join(ew_b(subject)), f"Message-ID: <{mid}>", "MIME-Version: 1.0",
              "Content-Type: text/plain; charset=utf-8", "Content-Transfer-Encoding: quoted-printable",
              "X-Mailer: PHPMailer 5.2.28 (https://github.com/PHPMailer/PHPMailer)", ""]
    lines += qp_lines(kk_volunteer_application(p).encode("utf-8"))
    fixture("date-named-zone.eml", build(lines),
            from_=("Web form", "forms@example-ngo.kz"), subject=subject, date="2025-12-12T12:05:33+00:00",
            message_id=mid, parts=[part("1", "text/plain", "utf-8")],
            text=["Волонтер сауалнамасы", f"ЖСН: {P['aigerim']['iin']}"],
            note="Date without the day of week and with the named zone 'GMT' (obs-zone, = +00:00).")


# --------------------------------------------------------------------------------------------

BUILDERS = [
    gmail_kazakh_alternative, outlook_exchange_related, outlook_winmail_dat, mailru_windows_1251, yandex_rfc2231,
    apple_mail_flowed, thunderbird_odt,
    charset_windows_1251_qp_subject, charset_koi8r_body, charset_cp866_attachment, charset_iso_8859_5,
    charset_mislabelled, header_raw_utf8, header_raw_1251, charset_unknown_label,
    fault_multipart_no_boundary, fault_wrong_boundary, fault_unterminated, fault_nested_unterminated,
    fault_boundary_trailing_ws, fault_boundary_prefix, fault_preamble_epilogue, fault_empty_parts,
    fault_header_no_separator, fault_mbox_from_line, fault_lf_only, fault_header_without_colon,
    fault_duplicate_subject, fault_long_folded_header,
    enc_base64_junk, enc_qp_broken, enc_8bit_binary, enc_uuencode,
    nested_forward_regional, nested_forward_of_forward, nested_outlook_attached_item,
    auto_bounce_dsn, auto_bounce_headers, auto_out_of_office, auto_exchange_oof, auto_mailing_list, auto_read_receipt,
    addr_group_quoted_comma, addr_encoded_idn,
    date_missing, date_broken, date_two_digit_year, date_named_zone,
]


def generate():
    FIXTURES.clear()
    for builder in BUILDERS:
        builder()
    names = [n for n, _, _ in FIXTURES]
    assert len(names) == len(set(names)), "duplicate fixture name"
    return FIXTURES


def main():
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else HERE
    generate()
    for old in out.glob("*.eml"):
        old.unlink()
    for name, data, _ in FIXTURES:
        (out / name).write_bytes(data)
    expected = [exp for _, _, exp in FIXTURES]
    (out / "expected.json").write_text(json.dumps(expected, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(f"{len(FIXTURES)} fixtures written to {out}")


if __name__ == "__main__":
    main()
