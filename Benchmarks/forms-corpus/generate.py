#!/usr/bin/python3
"""Writes the held-out forms corpus: letters (.eml) made the way applicants and offices make them, and one
ground-truth line per letter (truth.jsonl). Run through generate.sh, which installs what this needs.

    generate.py OUTDIR [--split train|dev|validation|all] [--work DIR]

Deterministic: the seeds below fix every choice and so the ground truth; LibreOffice and openssl stamp
times into the files they write, so only the attachments' bytes differ between runs.
"""
import base64, datetime, hashlib, json, os, random, re, shutil, struct, subprocess, sys, tempfile, zipfile
from email import charset as cs, encoders
from email.header import Header
from email.mime.base import MIMEBase
from email.mime.message import MIMEMessage
from email.mime.multipart import MIMEMultipart
from email.mime.nonmultipart import MIMENonMultipart
from email.mime.text import MIMEText
from email.utils import formataddr, format_datetime

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import annex2, applicant, labels_dev, people, render

SPLITS = {
    # Disjoint seeds; validation also draws from the held-out pools (label wordings "B", the
    # underscore layout, "Жауабы: 5" answers, highlighted choices, the Kazakh "Бастапқы хабарлама" forward).
    'train': dict(seed=1800001, pools={'A'}, held_out=False),
    'validation': dict(seed=1800002, pools={'A', 'B'}, held_out=True),
    # The split to tune on: pool A and its own pool "C", its own layouts, marks, value formats and letter
    # words (labels_dev.py, render.Style._dev_style, dev_vary), none taken from validation's held-out ones.
    'dev': dict(seed=1800003, pools={'A', 'C'}, held_out=False, dev=True),
}

# (format, letters) per split: 150 letters.
PLAN = [('text', 24), ('html', 20), ('docx', 20), ('docx-lo', 10), ('odt', 10), ('pdf', 10), ('doc', 5), ('rtf', 5),
        ('cms', 5), ('tnef', 5), ('scan', 6), ('multi', 6), ('notapp', 11), ('corrupt', 3), ('logo-docx', 5), ('fwd-text', 5)]

# S/MIME opaque-signed letters (issue 19), appended after the plan.
EXTRA_SMIME = 4

KINDS = ['volunteer'] * 8 + ['organization'] * 4 + ['group'] * 3 + ['coordinator'] * 3 + ['organizer'] * 3
TO = 'volunteer@mki.gov.kz'
OFFICES = [('Управление внутренней политики Туркестанской области', 'uvp.turkestan@mail.kz'),
           ('Ақмола облысы ішкі саясат басқармасы', 'isb.akmola@gov.kz'),
           ('Отдел по делам молодежи акимата г. Темиртау', 'molodezh.temirtau@mail.ru'),
           ('Қызылорда облысы жастар саясаты басқармасы', 'zhastar.kyzylorda@gmail.com')]


# ---------------------------------------------------------------- the letters' words

GREETINGS = {'kk': ['Сәлеметсіз бе!', 'Құрметті әріптестер!', 'Қайырлы күн!', 'Сәлеметсіз бе, құрметті министрлік қызметкерлері!'],
             'ru': ['Здравствуйте!', 'Добрый день!', 'Уважаемые коллеги!', 'Добрый день, уважаемые сотрудники министерства!']}
INTROS_BODY = {'kk': ['Волонтерлік қызметті есепке алу тізіліміне қосу туралы арызымды жолдаймын.', 'Тізілімге қосуды сұраймын, сауалнама төменде.'],
               'ru': ['Направляю заявление о включении в реестр учета волонтерской деятельности.', 'Прошу включить меня в реестр, анкета ниже.']}
INTROS_ATT = {'kk': ['Арыз бен сауалнаманы қосымшада жіберемін.', 'Тізілімге қосу туралы арыз тіркелді.', 'Құжаттар қоса беріледі.'],
              'ru': ['Заявление и анкету прилагаю.', 'Во вложении заявка на включение в реестр.', 'Направляю анкету, см. вложение.']}
SIGNOFFS = {'kk': ['Құрметпен,', 'Рақмет!', 'Ізгі ниетпен,'], 'ru': ['С уважением,', 'Спасибо!', 'С уважением и благодарностью,']}
FOOTNOTES = {'kk': ['* Сауалнама қазақ тілінде толтырылды.', 'Ескерту: қол қойылған нұсқасы кейін жіберіледі.'],
             'ru': ['* Анкета заполнена на русском языке.', 'Примечание: подписанный оригинал вышлю позже.']}
CONSENT_TYPED = {'kk': 'Дербес деректерімді жинауға және өңдеуге келісемін.', 'ru': 'Согласен(на) на сбор и обработку персональных данных.'}
SUBJECTS = {'kk': ['Тізілімге қосу туралы арыз', 'Волонтер сауалнамасы', 'Арыз', 'Тізілімге өтініш'],
            'ru': ['Заявка на включение в реестр', 'Анкета волонтера', 'Заявление', 'Реестр волонтеров - заявка']}
NOTAPP = [
    ('ru', 'Как зарегистрироваться?', 'Здравствуйте! Подскажите, пожалуйста, как зарегистрироваться в реестре волонтеров? '
     'Какие документы нужны и куда их отправлять? Я хочу помогать в приюте для животных.\n\nС уважением, Анна'),
    ('kk', 'Сұрақ', 'Сәлеметсіз бе! Волонтер ретінде тіркелу үшін не істеу керек? Қандай құжаттар қажет?\n\nРақмет, Ерлан'),
    ('ru', 'Спасибо', 'Добрый день! Спасибо, что включили нашу организацию в реестр. Сертификат получили.\n\nС уважением, Мадина Алимжанова'),
    ('kk', 'Рақмет', 'Құрметті министрлік! Біздің ұйымды тізілімге енгізгендеріңіз үшін алғыс айтамыз.\n\nҚұрметпен, «Мейірім» қоры'),
    ('ru', 'Выгодное предложение для вашего бизнеса', 'Уважаемый руководитель! Предлагаем продвижение сайта в ТОП-10 Яндекс и Google. '
     'Скидка 30% до конца месяца. Звоните: +7 (727) 300-00-00, пишите: sales@seo-top.kz\n\nОтписаться: ответьте STOP'),
    ('ru', 'Вопрос по реестру', 'Здравствуйте. Я уже в реестре с прошлого года. Нужно ли подавать анкету заново, если поменялся номер '
     'телефона? ИИН не изменился.\n\nСпасибо.'),
    ('kk', 'Акция туралы', 'Сәлеметсіз бе! «Мектепке жол» акциясына қалай қатысуға болады? Біздің мектепте 20 оқушы бар.\n\nҚұрметпен, мұғалім'),
    ('ru', 'Re: Заявка', 'Спасибо, получили ваш ответ. Документы донесем на следующей неделе.'),
]


class Letter:
    def __init__(self, n, fmt, lang, case):
        self.n, self.fmt, self.lang, self.case = n, fmt, lang, case
        self.apps = []        # applicant dicts, in the order the letter carries them
        self.truth = []       # one decision per applicant
        self.attachments = []  # dicts: name, ctype, data | pending (LibreOffice) + post
        self.meta = {}


# ---------------------------------------------------------------- helpers

def qp(charset_name):
    c = cs.Charset(charset_name)
    c.body_encoding = cs.QP
    return c


def b64(charset_name):
    c = cs.Charset(charset_name)
    c.body_encoding = cs.BASE64
    return c


def text_part(text, rng, lang, force_utf8=False):
    # Kazakh letters (ә ғ қ ң ө ұ ү һ і) are not in windows-1251: only Russian text goes out in it.
    if lang == 'ru' and not force_utf8 and rng.random() < 0.35:
        try:
            text.encode('cp1251')
            return MIMEText(text, 'plain', rng.choice([qp('windows-1251'), b64('windows-1251')]))
        except UnicodeEncodeError:
            pass
    return MIMEText(text, 'plain', rng.choice([qp('utf-8'), b64('utf-8'), b64('utf-8')]))


def attachment(name, ctype, data, style):
    maintype, subtype = ctype.split('/')
    part = MIMEBase(maintype, subtype)
    part.set_payload(data)
    encoders.encode_base64(part)
    ascii_name = all(ord(c) < 128 for c in name)
    if ascii_name:
        part.add_header('Content-Disposition', 'attachment', filename=name)
        part.set_param('name', name)
    elif style == 'gmail':
        enc = Header(name, 'utf-8').encode()
        del part['Content-Type']
        part['Content-Type'] = '%s; name="%s"' % (ctype, enc)
        part['Content-Disposition'] = 'attachment; filename="%s"' % enc
    else:
        part.add_header('Content-Disposition', 'attachment', filename=('utf-8', '', name))
        part.set_param('name', Header(name, 'utf-8').encode())
    return part


def logo_png():
    # A 60x20 blue signature logo, as Outlook inlines it.
    from PIL import Image, ImageDraw
    import io
    im = Image.new('RGB', (120, 40), (255, 255, 255))
    d = ImageDraw.Draw(im)
    d.rectangle([2, 2, 117, 37], outline=(0, 70, 140), width=3)
    d.text((12, 12), 'AKIMAT', fill=(0, 70, 140))
    buf = io.BytesIO()
    im.save(buf, 'PNG')
    return buf.getvalue()


def headers(msg, rng, sender_name, sender_addr, subject, date, client, n, split):
    msg['From'] = formataddr((str(Header(sender_name, 'utf-8')), sender_addr)) if sender_name else sender_addr
    msg['To'] = TO
    msg['Subject'] = Header(subject, 'utf-8').encode() if any(ord(c) > 127 for c in subject) else subject
    msg['Date'] = format_datetime(date)
    h = hashlib.sha1(('%s-%d-%s' % (split, n, sender_addr)).encode()).hexdigest()
    domain = {'gmail': 'mail.gmail.com', 'outlook': 'PR3P191MB1234.EURP191.PROD.OUTLOOK.COM', 'mailru': 'f512.i.mail.ru',
              'text': 'mail.yandex.kz'}.get(client, 'mail.kz')
    msg['Message-ID'] = '<%s@%s>' % (h[:24], domain)
    msg['MIME-Version'] = '1.0'
    if client == 'outlook':
        msg['X-Mailer'] = 'Microsoft Outlook 16.0'
        msg['Thread-Index'] = base64.b64encode(bytes.fromhex(h[:32])).decode()
    elif client == 'mailru':
        msg['X-Mailer'] = 'Mail.Ru Mailer 1.0'
    elif client == 'text':
        msg['User-Agent'] = rng.choice(['Mozilla Thunderbird 115.3', 'Yandex.Mail', 'K-9 Mail for Android'])
    return msg


def sender_of(a):
    p = a['person'] if a['kind'] != 'organization' else a.get('head', a['person'])
    return '%s %s' % (p['first'], p['surname'])


# ---------------------------------------------------------------- one applicant's form

def dev_vary(a, rng):
    """Dev: values written the ways train's applicants do not write them; the truth keeps their meaning."""
    lang, shown, truth = a['lang'], a['shown'], a['truth']
    if 'birthYear' in shown and rng.random() < 0.6:
        p = a['person']
        y, m, d = p['year'], p['month'], p['day']
        shown['birthYear'] = rng.choice([
            '%d %s %d г.' % (d, applicant.MONTHS_RU[m - 1], y) if lang == 'ru' else '%d жылғы %d %s' % (y, d, applicant.MONTHS_KK[m - 1]),
            '%d ж.' % y if lang == 'kk' else '%d год' % y,
            '%02d/%02d/%d' % (d, m, y), '%d-%02d-%02d' % (y, m, d), '%02d.%02d.%dг.' % (d, m, y)])
    if 'registrationDate' in shown and rng.random() < 0.5:
        y, m, d = (int(x) for x in truth['registrationDate'].split('-'))
        shown['registrationDate'] = rng.choice([
            '%02d/%02d/%d' % (d, m, y), '%d-%02d-%02d' % (y, m, d), '%02d.%02d.%d ж.' % (d, m, y) if lang == 'kk' else '%02d.%02d.%d г.' % (d, m, y),
            '%d %s %d года' % (d, applicant.MONTHS_RU[m - 1], y) if lang == 'ru' else '%d ж. %d %s' % (y, d, applicant.MONTHS_KK[m - 1])])
    if 'phone' in shown and rng.random() < 0.7:
        n = truth['phone'][2:]
        op, rest = n[:3], n[3:]
        shown['phone'] = rng.choice(['+7 (%s) %s-%s-%s' % (op, rest[:3], rest[3:5], rest[5:]), '8 %s %s %s' % (op, rest[:3], rest[3:]),
                                     '8%s%s' % (op, rest), '+7%s%s' % (op, rest), '8-%s-%s-%s-%s' % (op, rest[:3], rest[3:5], rest[5:]),
                                     '8 (%s) %s %s %s' % (op, rest[:3], rest[3:5], rest[5:])])
    if 'email' in shown and rng.random() < 0.15:
        shown['email'] = truth['email'] = truth['email'].upper()
    if 'instagram' not in shown and rng.random() < 0.15:
        p = a['head'] if a['kind'] == 'organization' else a['person']
        handle = '@' + people.translit(p['first']) + rng.choice(['.', '_']) + people.translit(p['surname'])[:4]
        shown['instagram'] = truth['instagram'] = handle
    if 'instagram' in shown and rng.random() < 0.5:
        shown['instagram'] = rng.choice(['https://instagram.com/', 'instagram.com/', 'https://www.instagram.com/']) + \
            truth['instagram'][1:] + rng.choice(['', '/'])


def make_applicant(rng, lang, case, kind=None, dev=False):
    kind = kind or rng.choice(KINDS)
    a = applicant.make(rng, kind, lang, legal=(kind == 'organizer' and rng.random() < 0.5))
    if dev:
        dev_vary(a, rng)
    if case == 'incomplete':
        options = applicant.droppable(a)
        for f in rng.sample(options, rng.choice([1, 1, 1, 2])):
            applicant.drop(a, f)
    elif case == 'invalid':
        options = applicant.spoilable(a)
        applicant.spoil(a, rng.choice(options), rng)
    elif case == 'mixed':
        return make_applicant(rng, lang, rng.choice(['complete', 'complete', 'incomplete', 'invalid']), kind, dev)
    return a


def form_rows(a, rng, target, split_cfg, date):
    st = render.Style(rng, target, split_cfg['pools'], split_cfg['held_out'], split_cfg.get('dev', False))
    rows = []
    if a['consent']:
        rows += render.application_rows(a, st, date)
    rows += render.questionnaire_rows(a, st)
    return rows, st


# ---------------------------------------------------------------- building the corpus

def build(split, outdir, work):
    cfg = SPLITS[split]
    rng = random.Random(cfg['seed'])
    os.makedirs(outdir, exist_ok=True)
    letters = []
    plan = [fmt for fmt, count in PLAN for _ in range(count)]
    rng.shuffle(plan)
    start = datetime.datetime(2026, 9, 1, 9, 0, tzinfo=datetime.timezone(datetime.timedelta(hours=5)))
    for n, fmt in enumerate(plan, 1):
        lang = rng.choice(['kk', 'ru'])
        date = start + datetime.timedelta(minutes=rng.randrange(0, 60 * 24 * 90))
        if rng.random() < 0.3:
            date = date.astimezone(datetime.timezone(datetime.timedelta(hours=rng.choice([3, 6]))))
        fill_date = (2026, date.month, date.day)
        if fmt == 'notapp':
            letters.append(notapp_letter(n, rng, date, split))
            continue
        case = rng.choices(['complete', 'incomplete', 'invalid'], [55, 28, 17])[0]
        if fmt == 'multi':
            letters.append(multi_letter(n, rng, lang, date, fill_date, cfg, split, work))
            continue
        if fmt == 'corrupt':
            letters.append(corrupt_letter(n, rng, lang, date, split))
            continue
        letters.append(form_letter(n, fmt, rng, lang, case, date, fill_date, cfg, split, work))
    # Letters added after the plan draw on generators of their own, so the planned 150 stay what they were.
    extra = random.Random(cfg['seed'] + 19)
    for k in range(EXTRA_SMIME):
        n = len(plan) + 1 + k
        date = start + datetime.timedelta(minutes=extra.randrange(0, 60 * 24 * 90))
        case = extra.choices(['complete', 'incomplete', 'invalid'], [55, 28, 17])[0]
        letters.append(form_letter(n, 'smime', extra, extra.choice(['kk', 'ru']), case, date, (2026, date.month, date.day),
                                   cfg, split, work))
    convert_pending(letters, work)
    truth_lines = []
    for L in letters:
        finish(L, rng, work)
        name = '%03d-%s-%s-%s.eml' % (L.n, L.fmt, L.lang, L.case)
        with open(os.path.join(outdir, name), 'wb') as fh:
            fh.write(L.bytes)
        truth_lines.append(dict(file=name, split=split, format=L.fmt, lang=L.lang, case=L.case, **L.meta,
                                applications=L.truth))
    with open(os.path.join(outdir, 'truth.jsonl'), 'w') as fh:
        for t in truth_lines:
            fh.write(json.dumps(t, ensure_ascii=False) + '\n')
    print('%s: %d letters' % (split, len(letters)))


def truth_of(a, outcome=None, address=None):
    d = applicant.decision(a)
    if outcome:
        d['outcome'] = outcome
    d['applicantAddress'] = address or a['address']
    return d


def form_letter(n, fmt, rng, lang, case, date, fill_date, cfg, split, work):
    L = Letter(n, fmt, lang, case)
    a = make_applicant(rng, lang, case, dev=cfg.get('dev', False))
    L.apps.append(a)
    client = {'text': 'text', 'fwd-text': 'text'}.get(fmt) or rng.choice(['gmail', 'outlook', 'mailru'])
    if fmt in ('logo-docx', 'smime'):
        client = 'outlook'
    L.meta['client'] = client
    target = {'text': 'text', 'fwd-text': 'text', 'html': 'html', 'docx': 'docx', 'logo-docx': 'docx', 'smime': 'docx'}.get(fmt, 'html')
    rows, st = form_rows(a, rng, target, cfg, fill_date)
    L.meta.update(layout=st.layout, marks=st.mark, contacts=st.contacts, kindMark=st.kind_mark)
    if not a['consent'] and rng.random() < 0.0:
        pass
    L.rows = rows
    L.a = a
    L.client = client
    L.date = date
    L.split = split
    stem = rng.choice(['Өтініш', 'Арыз', 'Сауалнама', 'anketa', 'Анкета', 'Заявление', 'zayavka'])
    stem += '_' + people.translit(a['person']['surname']) if rng.random() < 0.5 else ''
    if fmt in ('docx', 'logo-docx', 'smime'):
        path = os.path.join(work, '%s-%03d.docx' % (split, n))
        render.to_docx(rows, path, rng, date)
        L.attachments.append(dict(name=stem + '.docx', ctype='application/vnd.openxmlformats-officedocument.wordprocessingml.document',
                                  data=fixed_zip(open(path, 'rb').read(), date)))
    elif fmt in ('docx-lo', 'odt', 'pdf', 'doc', 'rtf', 'cms', 'tnef', 'scan'):
        src = os.path.join(work, '%s-%03d.html' % (split, n))
        with open(src, 'w') as fh:
            fh.write(render.html_document(render.to_html(rows, 'lo')))
        target_ext = {'docx-lo': 'docx', 'odt': 'odt', 'pdf': 'pdf', 'doc': 'doc', 'rtf': 'rtf', 'cms': 'docx',
                      'tnef': rng.choice(['docx', 'doc']), 'scan': 'pdf'}[fmt]
        L.attachments.append(dict(name=stem + '.' + target_ext, pending=src, ext=target_ext,
                                  post={'cms': 'cms', 'tnef': 'tnef', 'scan': 'scan'}.get(fmt)))
    L.wrapper = 'none'
    if fmt == 'fwd-text' or (fmt in ('html', 'docx', 'pdf', 'odt', 'docx-lo') and rng.random() < 0.2):
        L.wrapper = rng.choice(['fwd-inline', 'fwd-inline', 'fwd-rfc822']) if fmt != 'fwd-text' else 'fwd-inline'
    L.meta['wrapper'] = L.wrapper
    outcome = 'unreadable' if fmt == 'scan' else None
    L.truth.append(truth_of(a, outcome))
    if fmt == 'scan':
        L.meta['review'] = 'a scan: staff read it (issue 19); fields are what the scan shows'
    return L


def multi_letter(n, rng, lang, date, fill_date, cfg, split, work):
    L = Letter(n, 'multi', lang, 'multi')
    office = rng.choice(OFFICES)
    L.office = office
    count = rng.choice([2, 3, 3])
    L.meta.update(client=rng.choice(['outlook', 'gmail']), wrapper='office-multi')
    L.client = L.meta['client']
    L.date, L.split, L.wrapper = date, split, 'office-multi'
    # Forms one after another in the office's own text, or one attachment per applicant.
    L.in_body = rng.random() < 0.3
    L.meta['multiIn'] = 'body' if L.in_body else 'attachments'
    L.body_forms = []
    for i in range(count):
        case = rng.choices(['complete', 'incomplete', 'invalid'], [60, 25, 15])[0]
        a = make_applicant(rng, lang, case, dev=cfg.get('dev', False))
        L.apps.append(a)
        if L.in_body:
            rows, st = form_rows(a, rng, 'text', cfg, fill_date)
            L.body_forms.append(render.to_text(rows))
            L.truth.append(truth_of(a, address=a['truth'].get('email') if 'email' not in a['spoiled'] else None))
            continue
        kind = rng.choice(['docx', 'pdf', 'docx-lo', 'odt'])
        stem = '%d_%s' % (i + 1, people.translit(a['person']['surname']).capitalize())
        if kind == 'docx':
            rows, st = form_rows(a, rng, 'docx', cfg, fill_date)
            path = os.path.join(work, '%s-%03d-%d.docx' % (split, n, i))
            render.to_docx(rows, path, rng, date)
            L.attachments.append(dict(name=stem + '.docx', ctype='application/vnd.openxmlformats-officedocument.wordprocessingml.document',
                                      data=fixed_zip(open(path, 'rb').read(), date)))
        else:
            rows, st = form_rows(a, rng, 'html', cfg, fill_date)
            src = os.path.join(work, '%s-%03d-%d.html' % (split, n, i))
            with open(src, 'w') as fh:
                fh.write(render.html_document(render.to_html(rows, 'lo')))
            ext = {'pdf': 'pdf', 'docx-lo': 'docx', 'odt': 'odt'}[kind]
            L.attachments.append(dict(name=stem + '.' + ext, pending=src, ext=ext))
        # An office letter carries no applicant's own address: only the e-mail written on the form.
        L.truth.append(truth_of(a, address=a['truth'].get('email') if 'email' not in a['spoiled'] else None))
    return L


def corrupt_letter(n, rng, lang, date, split):
    L = Letter(n, 'corrupt', lang, 'unreadable')
    p = people.person(rng, lang)
    L.date, L.split, L.client, L.wrapper = date, split, 'gmail', 'none'
    L.meta.update(client='gmail', wrapper='none')
    L.sender = ('%s %s' % (p['first'], p['surname']), people.email(rng, p))
    L.body = '%s\n\n%s\n\n%s\n%s\n' % (rng.choice(GREETINGS[lang]), rng.choice(INTROS_ATT[lang]), rng.choice(SIGNOFFS[lang]), p['first'])
    # A DOCX cut off in transfer: the ZIP's central directory is gone.
    data = b'PK\x03\x04' + bytes(rng.randrange(256) for _ in range(3000))
    L.attachments.append(dict(name=rng.choice(['Анкета.docx', 'Өтініш.docx', 'zayavka.docx']),
                              ctype='application/vnd.openxmlformats-officedocument.wordprocessingml.document', data=data))
    L.truth.append(dict(outcome='unreadable', kind=None, missing=[], invalid=[], fields={}, applicantAddress=L.sender[1]))
    return L


def notapp_letter(n, rng, date, split):
    lang, subject, body = rng.choice(labels_dev.NOTAPP_C if SPLITS[split].get('dev') else NOTAPP)
    L = Letter(n, 'notapp', lang, 'notapp')
    p = people.person(rng, lang)
    L.date, L.split, L.wrapper = date, split, 'none'
    L.client = rng.choice(['text', 'gmail', 'outlook'])
    L.meta.update(client=L.client, wrapper='none')
    L.sender = ('%s %s' % (p['first'], p['surname']), people.email(rng, p))
    L.subject = subject
    L.body = body + '\n'
    L.truth.append(dict(outcome='not-an-application', kind=None, missing=[], invalid=[], fields={}, applicantAddress=L.sender[1]))
    return L


# ---------------------------------------------------------------- LibreOffice and the second-priority formats

def convert_pending(letters, work):
    """One soffice call per target format, each with its own profile, so parallel runs never share one."""
    jobs = {}
    for L in letters:
        for att in L.attachments:
            if 'pending' in att:
                jobs.setdefault(att['ext'], []).append(att)
    filters = {'docx': 'docx:MS Word 2007 XML', 'odt': 'odt', 'pdf': 'pdf:writer_pdf_Export', 'doc': 'doc:MS Word 97',
               'rtf': 'rtf:Rich Text Format'}
    for i, (ext, atts) in enumerate(sorted(jobs.items())):
        out = os.path.join(work, 'lo-' + ext)
        os.makedirs(out, exist_ok=True)
        profile = 'file:///tmp/lo-PROFILE-%d-%d' % (os.getpid(), i)
        cmd = ['soffice', '--headless', '--norestore', '-env:UserInstallation=' + profile, '--infilter=HTML (StarWriter)',
               '--convert-to', filters[ext], '--outdir', out] + [a['pending'] for a in atts]
        subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=1800)
        shutil.rmtree(profile[len('file://'):], ignore_errors=True)
        for a in atts:
            path = os.path.join(out, os.path.splitext(os.path.basename(a['pending']))[0] + '.' + ext)
            a['data'] = open(path, 'rb').read()
            a['ctype'] = {'docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
                          'odt': 'application/vnd.oasis.opendocument.text', 'pdf': 'application/pdf',
                          'doc': 'application/msword', 'rtf': 'application/rtf'}[ext]
            del a['pending']


def throwaway_ca(work):
    """A CA and a leaf whose subject carries serialNumber=IIN..., as Kazakh NCA certificates do."""
    d = os.path.join(work, 'ca')
    if os.path.exists(os.path.join(d, 'leaf.pem')):
        return d
    os.makedirs(d, exist_ok=True)
    run = lambda *args: subprocess.run(args, check=True, cwd=d, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    run('openssl', 'req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'ca.key', '-out', 'ca.pem', '-days', '3650',
        '-subj', '/C=KZ/CN=TEST ROOT CA (THROWAWAY)')
    return d


def cms_sign(data, a, work, n):
    d = throwaway_ca(work)
    # The certificate is the signer's real one: a form with a mistyped IIN then disagrees with it.
    p = a['head'] if a['kind'] == 'organization' else a['person']
    iin = p['iin']
    key, csr, crt = 'leaf-%d.key' % n, 'leaf-%d.csr' % n, 'leaf-%d.pem' % n
    run = lambda *args: subprocess.run(args, check=True, cwd=d, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    run('openssl', 'req', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', csr, '-utf8',
        '-subj', '/C=KZ/CN=%s %s/SN=%s/serialNumber=IIN%s' % (p['surname'].upper(), p['first'].upper(), p['surname'].upper(), iin))
    run('openssl', 'x509', '-req', '-in', csr, '-CA', 'ca.pem', '-CAkey', 'ca.key', '-CAcreateserial', '-out', crt, '-days', '365')
    src = os.path.join(d, 'doc-%d' % n)
    open(src, 'wb').write(data)
    out = subprocess.run(['openssl', 'cms', '-sign', '-nodetach', '-binary', '-outform', 'DER', '-in', src, '-signer', crt,
                          '-inkey', key, '-certfile', 'ca.pem'], check=True, cwd=d, stdout=subprocess.PIPE).stdout
    return out


def smime_sign(msg, L, work):
    """The message as Outlook sends it signed and opaque: its MIME body inside application/pkcs7-mime
    (smime-type=signed-data, smime.p7m), made by `openssl smime -sign -nodetach`."""
    top = [(k, msg[k]) for k in ('From', 'To', 'Subject', 'Date', 'Message-ID', 'X-Mailer') if msg[k] is not None]
    for k, _ in top + [('MIME-Version', None), ('Thread-Index', None)]:
        del msg[k]
    entity = serialise(msg, L).replace(b'\r\n', b'\n').replace(b'\n', b'\r\n')
    d = throwaway_ca(work)
    p = L.apps[0]['head'] if L.apps[0]['kind'] == 'organization' else L.apps[0]['person']
    key, crt = 'smime-%d.key' % L.n, 'smime-%d.pem' % L.n
    run = lambda *args: subprocess.run(args, check=True, cwd=d, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    run('openssl', 'req', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', crt + '.csr', '-utf8',
        '-subj', '/C=KZ/CN=%s %s/serialNumber=IIN%s/emailAddress=%s' % (p['surname'].upper(), p['first'].upper(), p['iin'],
                                                                     L.apps[0]['address']))
    run('openssl', 'x509', '-req', '-in', crt + '.csr', '-CA', 'ca.pem', '-CAkey', 'ca.key', '-CAcreateserial', '-out', crt,
        '-days', '365')
    signed = subprocess.run(['openssl', 'smime', '-sign', '-nodetach', '-binary', '-signer', crt, '-inkey', key,
                             '-certfile', 'ca.pem', '-outform', 'SMIME'], input=entity, check=True, cwd=d,
                            stdout=subprocess.PIPE).stdout
    head = ''.join('%s: %s\n' % (k, v) for k, v in top)
    return head.encode() + signed.replace(b'\r\n', b'\n')


def tnef(name, data):
    """A minimal MS-OXTNEF stream (winmail.dat) carrying one attachment with its Unicode long name."""
    def attr(level, ident, payload):
        return struct.pack('<BII', level, ident, len(payload)) + payload + struct.pack('<H', sum(payload) % 65536)
    out = struct.pack('<IH', 0x223E9F78, 0x0001)
    out += attr(1, 0x00089006, struct.pack('<I', 0x00010000))
    out += attr(2, 0x00069002, struct.pack('<HIHHI', 1, 0xFFFFFFFF, 0, 0, 0))
    out += attr(2, 0x00018010, name.encode('cp1251', 'replace') + b'\x00')
    out += attr(2, 0x0006800F, data)
    long_name = name.encode('utf-16-le') + b'\x00\x00'
    pad = (4 - len(long_name) % 4) % 4
    mapi = struct.pack('<I', 1) + struct.pack('<HH', 0x001F, 0x3707) + struct.pack('<II', 1, len(long_name)) + long_name + b'\x00' * pad
    out += attr(2, 0x00069005, mapi)
    return out


def scan(pdf, rng, work, n):
    """Pages rendered at 150-300 dpi, turned a little, with noise: what a scanner or a phone gives."""
    from PIL import Image, ImageFilter
    import io
    dpi = rng.choice([150, 200, 300])
    d = os.path.join(work, 'scan-%d' % n)
    os.makedirs(d, exist_ok=True)
    open(os.path.join(d, 'f.pdf'), 'wb').write(pdf)
    subprocess.run(['pdftoppm', '-r', str(dpi), '-gray', '-png', 'f.pdf', 'p'], check=True, cwd=d)
    pages = sorted(p for p in os.listdir(d) if p.startswith('p') and p.endswith('.png'))
    images = []
    for p in pages:
        im = Image.open(os.path.join(d, p)).convert('L')
        im = im.rotate(rng.uniform(-2.0, 2.0), resample=Image.BICUBIC, expand=True, fillcolor=255)
        px = im.load()
        w, h = im.size
        r2 = random.Random(rng.random())
        for _ in range(w * h // 2000):
            x, y = r2.randrange(w), r2.randrange(h)
            px[x, y] = r2.choice([0, 60, 200])
        images.append(im.filter(ImageFilter.GaussianBlur(0.4)))
    # What scanners and phones send: a greyscale JPEG, a 1-bit PNG (a "document" scan profile), or the pages
    # as an image-only PDF. Kept small: the corpus is committed.
    kind = rng.choice(['jpeg', 'png', 'pdf'])
    if kind != 'png' and dpi > 200:
        # a phone photo or a colour-profile scan at 300 dpi is megabytes: keep those at 150-200 dpi
        images = [im.resize((im.size[0] * 200 // dpi, im.size[1] * 200 // dpi)) for im in images]
        dpi = 200
    outs = []
    if kind == 'pdf':
        buf = io.BytesIO()
        small = [im.resize((im.size[0] * 150 // dpi, im.size[1] * 150 // dpi)) for im in images]
        small[0].save(buf, 'PDF', resolution=150, save_all=True, append_images=small[1:], quality=60)
        outs.append(('scan_%d.pdf' % n, 'application/pdf', buf.getvalue()))
    else:
        for i, im in enumerate(images, 1):
            buf = io.BytesIO()
            if kind == 'jpeg':
                im.save(buf, 'JPEG', quality=rng.choice([45, 55, 65]), dpi=(dpi, dpi))
                outs.append(('IMG_2026%04d_%d.jpg' % (n, i), 'image/jpeg', buf.getvalue()))
            else:
                im.point(lambda v: 255 if v > 150 else 0).convert('1').save(buf, 'PNG', dpi=(dpi, dpi), optimize=True)
                outs.append(('scan%03d_%d.png' % (n, i), 'image/png', buf.getvalue()))
    return outs, dpi, kind


# ---------------------------------------------------------------- the message

def body_text(L, rng, with_form):
    if SPLITS[L.split].get('dev'):
        return body_text_dev(L, rng, with_form)
    lang = L.lang
    a = L.apps[0] if L.apps else None
    parts = [rng.choice(GREETINGS[lang]), '']
    if with_form:
        parts += [rng.choice(INTROS_BODY[lang]), '']
        parts.append(render.to_text(L.rows))
        if a and a['consent'] and rng.random() < 0.3:
            parts.append(CONSENT_TYPED[lang])
        if rng.random() < 0.3:
            parts += [rng.choice(FOOTNOTES[lang]), '']
    else:
        parts += [rng.choice(INTROS_ATT[lang]), '']
    signer = ''
    if a and a['kind'] != 'organization' and 'fullName' in a['shown']:
        signer = a['person']['first']
    elif a and a['kind'] == 'organization' and 'headName' in a['shown']:
        signer = a['head']['first']
    parts += [rng.choice(SIGNOFFS[lang]), signer]
    return '\n'.join(parts).rstrip() + '\n'


def body_text_dev(L, rng, with_form):
    """Dev's words around the form: its own greetings and sign-offs, a phone's signature, a disclaimer,
    the ministry's earlier letter quoted under the reply."""
    lang, C = L.lang, labels_dev
    a = L.apps[0] if L.apps else None
    pick = lambda own, known: rng.choice(own[lang] if rng.random() < 0.7 else known[lang])
    parts = [pick(C.GREETINGS_C, GREETINGS), '']
    if with_form:
        parts += [pick(C.INTROS_BODY_C, INTROS_BODY), '']
        if rng.random() < 0.15:
            parts += [rng.choice(C.FOOTNOTES_C[lang]), '']
        parts.append(render.to_text(L.rows))
        if a and a['consent'] and rng.random() < 0.3:
            parts.append(CONSENT_TYPED[lang])
        if rng.random() < 0.2:
            parts += [rng.choice(C.FOOTNOTES_C[lang]), '']
    else:
        parts += [pick(C.INTROS_ATT_C, INTROS_ATT), '']
    signer = ''
    if a and a['kind'] != 'organization' and 'fullName' in a['shown']:
        signer = a['person']['first']
    elif a and a['kind'] == 'organization' and 'headName' in a['shown']:
        signer = a['head']['first']
    parts += [pick(C.SIGNOFFS_C, SIGNOFFS), signer]
    if rng.random() < 0.2:
        parts += ['', rng.choice(C.MOBILE)]
    if rng.random() < 0.12:
        parts += ['', '--', rng.choice(C.DISCLAIMERS[lang])]
    if rng.random() < 0.15:
        earlier = L.date - datetime.timedelta(days=rng.randrange(1, 20))
        parts += ['', C.QUOTE_HEAD[lang].format(d=earlier.strftime('%d.%m.%Y %H:%M'))]
        parts += ['> ' + line for line in rng.choice(C.QUOTED_C[lang]).split('\n')]
    return '\n'.join(parts).rstrip() + '\n'


def html_body(L, rng, with_form, client):
    text = body_text(L, rng, False)
    lines = text.split('\n')
    pre = lines[:2]
    post = lines[2:] if not with_form else lines[-3:]
    P = lambda s: render.to_html([('p', [render.R(s)])] if s else [('blank',)], client)
    h = '\n'.join(P(s) for s in pre)
    if with_form:
        h += '\n' + P(rng.choice(INTROS_BODY[L.lang])) + '\n' + render.to_html(L.rows, client) + '\n'
        h += '\n'.join(P(s) for s in post)
        plain = '\n'.join(pre) + '\n' + render.to_text(L.rows) + '\n'.join(post)
    else:
        h += '\n'.join(P(s) for s in post)
        plain = text
    if client == 'outlook':
        doc = ('<html xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" '
               'xmlns:w="urn:schemas-microsoft-com:office:word" xmlns="http://www.w3.org/TR/REC-html40"><head>'
               '<meta http-equiv=Content-Type content="text/html; charset=utf-8"><meta name=Generator content="Microsoft Word 15 (filtered medium)">'
               '<style><!--p.MsoNormal{margin:0cm;font-size:11.0pt;font-family:"Calibri",sans-serif;}--></style></head>'
               '<body lang=RU link="#0563C1" vlink="#954F72"><div class=WordSection1>\n%s\n' % h)
        if getattr(L, 'logo', False):
            doc += '<p class=MsoNormal><img width=120 height=40 id="Picture_x0020_1" src="cid:image001.png@01DB2A3C.5E1F2B40"><o:p></o:p></p>\n'
        doc += '</div></body></html>'
    elif client == 'gmail':
        doc = '<div dir="ltr">%s</div>\n' % h
    else:
        doc = '<HTML><BODY>%s<div>&nbsp;</div><div data-signature-widget="container"><div data-signature-widget="content">' \
              '<div>--<br>Отправлено из Почты Mail.ru</div></div></div></BODY></HTML>' % h
    return plain, doc


def compose(L, rng):
    """The applicant's own message (before any forward)."""
    client = L.client
    fmt = L.fmt
    a = L.apps[0] if L.apps else None
    with_form = fmt in ('text', 'html', 'fwd-text')
    dev = SPLITS[L.split].get('dev')
    subject = getattr(L, 'subject', None) or rng.choice(
        labels_dev.SUBJECTS_C[L.lang] if dev and rng.random() < 0.6 else SUBJECTS[L.lang])
    if hasattr(L, 'sender'):
        sender = L.sender
    else:
        sender = (sender_of(a), a['address'])
    L.logo = client == 'outlook' and (fmt == 'logo-docx' or rng.random() < 0.25)
    if client == 'text' or (fmt in ('notapp', 'corrupt') and client != 'outlook' and client != 'gmail'):
        body = L.body if hasattr(L, 'body') else body_text(L, rng, with_form)
        if dev and with_form and rng.random() < 0.5:
            # a form pasted into the body goes out quoted-printable, its long lines cut by soft breaks
            main = MIMEText(body, 'plain', qp('utf-8'))
        else:
            main = text_part(body, rng, L.lang)
        L.plain = body
    else:
        if hasattr(L, 'body'):
            plain, doc = L.body, '<div dir="ltr">%s</div>' % ''.join('<div>%s</div>' % (render.htmllib.escape(s) or '<br>')
                                                                     for s in L.body.split('\n'))
        else:
            plain, doc = html_body(L, rng, with_form, client)
        L.plain = plain
        L.html_doc = doc
        alt = MIMEMultipart('alternative')
        alt.attach(text_part(plain, rng, L.lang, force_utf8=True))
        alt.attach(MIMEText(doc, 'html', rng.choice([qp('utf-8'), b64('utf-8')])))
        main = alt
        if L.logo and client == 'outlook':
            rel = MIMEMultipart('related')
            rel.attach(alt)
            img = MIMEBase('image', 'png')
            img.set_payload(logo_png())
            encoders.encode_base64(img)
            img.add_header('Content-ID', '<image001.png@01DB2A3C.5E1F2B40>')
            img.add_header('Content-Disposition', 'inline', filename='image001.png')
            img.set_param('name', 'image001.png')
            rel.attach(img)
            main = rel
    atts = [attachment(x['name'], x['ctype'], x['data'], client) for x in L.attachments]
    if atts:
        msg = MIMEMultipart('mixed')
        msg.attach(main)
        for p in atts:
            msg.attach(p)
    else:
        msg = main
    return headers(msg, rng, sender[0], sender[1], subject, L.date, client, L.n, L.split), sender, subject, atts, main


FWD_HEADS = {
    'gmail': lambda s, d, subj: '---------- Forwarded message ---------\nFrom: %s <%s>\nDate: %s\nSubject: %s\nTo: <%s>\n' % (
        s[0], s[1], d.strftime('%a, %b %d, %Y at %H:%M'), subj, TO),
    'outlook': lambda s, d, subj: '-----Original Message-----\nFrom: %s <%s>\nSent: %s\nTo: %s\nSubject: %s\n' % (
        s[0], s[1], d.strftime('%A, %B %d, %Y %I:%M %p'), TO, subj),
    'mailru': lambda s, d, subj: '-------- Пересылаемое сообщение --------\nОт кого: %s <%s>\nКому: %s\nДата: %s\nТема: %s\n' % (
        s[0], s[1], TO, d.strftime('%d.%m.%Y, %H:%M'), subj),
    # dev only: Apple Mail in Russian
    'apple': lambda s, d, subj: 'Начало переадресованного сообщения:\n\nОт: %s <%s>\nТема: %s\nДата: %s\nКому: %s\n' % (
        s[0], s[1], subj, d.strftime('%d.%m.%Y, в %H:%M'), TO),
    'kk': lambda s, d, subj: '-------- Бастапқы хабарлама --------\nКімнен: %s <%s>\nКімге: %s\nКүні: %s\nТақырыбы: %s\n' % (
        s[0], s[1], TO, d.strftime('%d.%m.%Y %H:%M'), subj),
}


def forward_html(style, note, sender, L, subject):
    esc = render.htmllib.escape
    inner = getattr(L, 'html_doc', None)
    if inner:
        m = re.search(r'<body[^>]*>(.*)</body>', inner, re.S | re.I)
        inner = m.group(1) if m else inner
    else:
        inner = ''.join('<div>%s</div>' % (esc(line) or '<br>') for line in L.plain.split('\n'))
    note_html = ''.join('<div>%s</div>' % (esc(line) or '<br>') for line in note.split('\n'))
    name, addr = esc(sender[0]), esc(sender[1])
    if style == 'gmail':
        return ('<div dir="ltr">%s<br><div class="gmail_quote"><div dir="ltr" class="gmail_attr">---------- Forwarded message '
                '---------<br>From: <strong class="gmail_sendername" dir="auto">%s</strong> <span dir="auto">&lt;%s&gt;</span><br>'
                'Date: %s<br>Subject: %s<br>To: &lt;%s&gt;<br></div><br><br>%s</div></div>\n'
                % (note_html, name, addr, L.date.strftime('%a, %b %d, %Y at %H:%M'), esc(subject), TO, inner))
    if style == 'outlook':
        return ('<html><body lang=RU><div class=WordSection1>%s<div style="border:none;border-top:solid #E1E1E1 1.0pt;'
                'padding:3.0pt 0cm 0cm 0cm"><p class=MsoNormal><b>From:</b> %s &lt;%s&gt; <br><b>Sent:</b> %s<br>'
                '<b>To:</b> %s<br><b>Subject:</b> %s<o:p></o:p></p></div>%s</div></body></html>\n'
                % (note_html, name, addr, L.date.strftime('%A, %B %d, %Y %I:%M %p'), TO, esc(subject), inner))
    if style == 'apple':
        return ('<html><body dir="auto">%s<div dir="ltr"><br><blockquote type="cite">Начало переадресованного сообщения:<br><br>'
                '<div><b>От:</b> %s &lt;%s&gt;<br><b>Тема:</b> %s<br><b>Дата:</b> %s<br><b>Кому:</b> %s<br></div><br>%s'
                '</blockquote></div></body></html>\n' % (note_html, name, addr, esc(subject), L.date.strftime('%d.%m.%Y, в %H:%M'),
                                                         TO, inner))
    words = ('Кімнен', 'Кімге', 'Күні', 'Тақырыбы', 'Бастапқы хабарлама') if style == 'kk' else \
        ('От кого', 'Кому', 'Дата', 'Тема', 'Пересылаемое сообщение')
    return ('<HTML><BODY>%s<div>&nbsp;</div><div>-------- %s --------<br>%s: %s &lt;%s&gt;<br>%s: %s<br>%s: %s<br>'
            '%s: %s<br></div><blockquote style="border-left:1px solid #0857A6;margin:10px;padding:0 0 0 10px;">%s</blockquote>'
            '</BODY></HTML>\n' % (note_html, words[4], words[0], name, addr, words[1], TO, words[2],
                                 L.date.strftime('%d.%m.%Y %H:%M'), words[3], esc(subject), inner))


def serialise(msg, L):
    """The message's bytes, with boundaries in each client's style fixed by the letter, so that regenerating
    the corpus leaves the text letters byte-identical (Python would draw them at random)."""
    for i, part in enumerate(p for p in msg.walk() if p.is_multipart()):
        h = hashlib.sha1(('%s-%d-%d' % (L.split, L.n, i)).encode()).hexdigest()
        part.set_boundary({'gmail': '000000000000' + h[:16], 'outlook': '_%03d_%s_' % (i, h[:30].upper()),
                           'mailru': '--ALT--' + h[:20]}.get(L.client, '----=_Part_%d_%s' % (i, h[:18])))
    return msg.as_bytes()


def fixed_zip(data, when):
    """A ZIP (DOCX) with every entry dated `when`: python-docx stamps the time of writing."""
    import io
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, 'w', zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=when.timetuple()[:6])
            entry.compress_type = zipfile.ZIP_DEFLATED
            dst.writestr(entry, src.read(info.filename))
    return out.getvalue()


def finish(L, rng, work):
    # second-priority carriers, now that LibreOffice has written the documents
    for att in list(L.attachments):
        post = att.pop('post', None)
        if post == 'cms':
            att['data'] = cms_sign(att['data'], L.apps[0], work, L.n)
            att['name'] += rng.choice(['.cms', '.cms', '.p7m'])
            att['ctype'] = 'application/octet-stream' if att['name'].endswith('.cms') else 'application/pkcs7-mime'
        elif post == 'tnef':
            att['data'] = tnef(att['name'], att['data'])
            att['name'] = 'winmail.dat'
            att['ctype'] = 'application/ms-tnef'
            L.client = 'outlook'
        elif post == 'scan':
            outs, dpi, kind = scan(att['data'], rng, work, L.n)
            L.attachments.remove(att)
            L.attachments += [dict(name=nm, ctype=ct, data=dt) for nm, ct, dt in outs]
            L.meta.update(dpi=dpi, scanAs=kind)
    if L.fmt == 'multi':
        office_letter(L, rng)
        return
    inner, sender, subject, atts, main = compose(L, rng)
    if L.fmt == 'smime':
        L.bytes = smime_sign(inner, L, work)
        return
    if L.wrapper == 'none':
        L.bytes = serialise(inner, L)
        return
    office = rng.choice(OFFICES)
    office_lang = 'kk' if any(c in office[0] for c in 'әғқңөұүһі') else 'ru'
    note = {'kk': 'Өтініш иесінің арызын қарауға жолдаймыз.', 'ru': 'Направляем для рассмотрения заявление заявителя.'}[office_lang]
    note = rng.choice(GREETINGS[office_lang]) + '\n\n' + note + '\n\n' + rng.choice(SIGNOFFS[office_lang]) + '\n' + office[0] + '\n'
    if L.wrapper == 'fwd-rfc822':
        outer = MIMEMultipart('mixed')
        outer.attach(text_part(note, rng, office_lang))
        outer.attach(MIMEMessage(inner))
        client = rng.choice(['outlook', 'text'])
    else:
        styles = ['gmail', 'outlook', 'mailru'] + (['kk', 'kk'] if SPLITS[L.split]['held_out'] else []) + \
            (['apple', 'apple'] if SPLITS[L.split].get('dev') else [])
        style = rng.choice(styles)
        L.meta['forward'] = style
        quoted = FWD_HEADS[style](sender, L.date, subject) + '\n' + L.plain
        text = note + '\n' + quoted
        body = text_part(text, rng, L.lang, force_utf8=True)
        if style != 'kk' or L.client != 'text':
            # Mail clients forward as HTML too, quoting the original's HTML under their header block. Its own
            # generator, seeded by the letter, so the choices of the other letters stay what they were.
            alt = MIMEMultipart('alternative')
            alt.attach(body)
            alt.attach(MIMEText(forward_html(style, note, sender, L, subject), 'html',
                                random.Random('%s-%d-fwd' % (L.split, L.n)).choice([qp('utf-8'), b64('utf-8')])))
            body = alt
        if atts:
            outer = MIMEMultipart('mixed')
            outer.attach(body)
            for p in atts:
                outer.attach(p)
        else:
            outer = body
        client = 'gmail' if style == 'gmail' else 'outlook' if style == 'outlook' else 'apple' if style == 'apple' else 'mailru'
    fwd_subject = {'gmail': 'Fwd: ', 'outlook': 'FW: ', 'mailru': 'Fwd: ', 'kk': 'Қайта жіберу: ', 'text': 'Fwd: ', 'apple': 'Fwd: '}.get(
        L.meta.get('forward', 'outlook'), 'Fwd: ') + subject
    later = L.date + datetime.timedelta(hours=rng.randrange(2, 72))
    L.bytes = serialise(headers(outer, rng, office[0], office[1], fwd_subject, later, client, L.n + 1000, L.split), L)


def office_letter(L, rng):
    office = L.office
    lang = L.lang
    intro = {'kk': 'Тізілімге қосу үшін %d өтініш иесінің арыздарын жолдаймыз (қосымшада).' % len(L.apps),
             'ru': 'Направляем заявления %d заявителей для включения в реестр (во вложении).' % len(L.apps)}[lang]
    if L.in_body:
        intro = {'kk': 'Тізілімге қосу үшін %d өтініш иесінің арыздары төменде.' % len(L.apps),
                 'ru': 'Ниже заявления %d заявителей для включения в реестр.' % len(L.apps)}[lang]
    lines = [rng.choice(GREETINGS[lang]), '', intro, '']
    for i, a in enumerate(L.apps, 1):
        if L.in_body:
            lines += ['%d.' % i, L.body_forms[i - 1], '-' * 40, '']
        else:
            lines.append('%d. %s' % (i, L.attachments[i - 1]['name']))
    lines += ['', rng.choice(SIGNOFFS[lang]), office[0]]
    msg = MIMEMultipart('mixed')
    msg.attach(text_part('\n'.join(lines) + '\n', rng, lang))
    for x in L.attachments:
        msg.attach(attachment(x['name'], x['ctype'], x['data'], L.client))
    subject = {'kk': 'Волонтерлердің арыздары', 'ru': 'Заявления волонтеров'}[lang]
    L.bytes = serialise(headers(msg, rng, office[0], office[1], subject, L.date, L.client, L.n, L.split), L)


def main():
    args = sys.argv[1:]
    if not args:
        sys.exit(__doc__)
    outdir = args[0]
    split = args[args.index('--split') + 1] if '--split' in args else 'all'
    work = args[args.index('--work') + 1] if '--work' in args else tempfile.mkdtemp(prefix='forms-corpus-')
    for s in (['train', 'dev', 'validation'] if split == 'all' else [split]):
        w = os.path.join(work, s)
        shutil.rmtree(w, ignore_errors=True)
        os.makedirs(w)
        shutil.rmtree(os.path.join(outdir, s), ignore_errors=True)
        build(s, os.path.join(outdir, s), w)


if __name__ == '__main__':
    main()
