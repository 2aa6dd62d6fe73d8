# Synthetic applicants: names, places, IINs/BINs with correct check digits (rule: /work/shared/domain.md,
# copied into Sources/Forms/Validation.swift), contacts, free-text answers.

SURNAMES_KK = [('Сәрсенбаев', 'Сәрсенбаева'), ('Жұмабаев', 'Жұмабаева'), ('Құдайбергенов', 'Құдайбергенова'),
               ('Әбілқасымов', 'Әбілқасымова'), ('Төлегенов', 'Төлегенова'), ('Нұрланов', 'Нұрланова'),
               ('Серікбаев', 'Серікбаева'), ('Оспанов', 'Оспанова'), ('Қайыржанов', 'Қайыржанова'),
               ('Бекмұхамбетов', 'Бекмұхамбетова'), ('Ғалымжанов', 'Ғалымжанова'), ('Үсенов', 'Үсенова')]
FIRST_KK_M = ['Ерлан', 'Нұрлан', 'Дәурен', 'Асқар', 'Бауыржан', 'Ғалым', 'Мұхтар', 'Ерболат', 'Әлихан', 'Қуаныш']
FIRST_KK_F = ['Айгерім', 'Гүлнұр', 'Әсел', 'Жанар', 'Мөлдір', 'Назерке', 'Ақерке', 'Динара', 'Сәуле', 'Томирис']
SURNAMES_RU = [('Иванов', 'Иванова'), ('Ким', 'Ким'), ('Петренко', 'Петренко'), ('Жумабаев', 'Жумабаева'),
               ('Смирнов', 'Смирнова'), ('Ахметов', 'Ахметова'), ('Кузнецов', 'Кузнецова'), ('Алимжанов', 'Алимжанова'),
               ('Морозов', 'Морозова'), ('Цой', 'Цой'), ('Байжанов', 'Байжанова'), ('Волков', 'Волкова')]
FIRST_RU_M = ['Ерлан', 'Сергей', 'Дмитрий', 'Алексей', 'Тимур', 'Руслан', 'Андрей', 'Максим', 'Данияр', 'Игорь']
FIRST_RU_F = ['Мадина', 'Ольга', 'Анна', 'Екатерина', 'Алия', 'Наталья', 'Дана', 'Ирина', 'Светлана', 'Камила']
FATHERS = ['Серік', 'Қайрат', 'Болат', 'Ержан', 'Мұрат', 'Нұрлан', 'Асқар']
FATHERS_RU = ['Сергей', 'Аскар', 'Виктор', 'Болат', 'Андрей', 'Ержан', 'Михаил']

def patronymic_kk(father, female): return father + ('қызы' if female else 'ұлы')

def patronymic_ru(father, female):
    if father == 'Михаил':
        return 'Михайловна' if female else 'Михайлович'
    stem = father[:-1] + 'е' if father.endswith('й') else father
    return stem + ('вна' if female else 'вич') if father.endswith('й') else father + ('овна' if female else 'ович')

PLACES_KK = ['Ақмола облысы, Көкшетау қаласы', 'Алматы қаласы, Әуезов ауданы', 'Астана қаласы', 'Түркістан облысы, Кентау қаласы',
             'Қарағанды қаласы', 'Шымкент қаласы', 'Павлодар облысы, Екібастұз қаласы', 'Маңғыстау облысы, Ақтау қаласы']
PLACES_RU = ['г. Павлодар', 'г. Алматы, Бостандыкский район', 'г. Астана, ул. Кенесары 40', 'Карагандинская область, г. Темиртау',
             'г. Усть-Каменогорск', 'г. Костанай', 'Алматинская область, г. Конаев', 'г. Актобе']
EXPERIENCE_KK = ['2021 жылдан бері «Қайырымды істер марафоны» жобасына қатысамын.', '3 жыл, қарттар үйіне апта сайын барамын.',
                 'Жоқ', 'Мектепке жол акциясына екі жыл қатыстым.', 'Экологиялық сенбіліктерге 2019 жылдан қатысамын.']
EXPERIENCE_RU = ['с 2019 года помогаю в акции «Дорога в школу».', '2 года, волонтер фонда «Жан шуағы».', 'нет',
                 'Участвовала в марафоне добрых дел в 2024 году.', 'Пять лет, помощь приютам для животных.']
COORD_EXP_KK = ['2 жыл, облыстық волонтерлер штабында', '2022 жылдан бері 40 волонтерді үйлестіремін']
COORD_EXP_RU = ['3 года, координатор городского штаба волонтеров', 'с 2023 года, координатор проекта «Таза Қазақстан»']
ORGS_KK = ['«Мейірім» қоғамдық қоры', '«Жастар әлемі» қоғамдық бірлестігі', '«Қамқор жүрек» волонтерлік ұйымы',
           '«Жасыл ел» экологиялық қоғамдық бірлестігі']
ORGS_RU = ['Общественный фонд «Добрые руки»', 'ОО «Волонтеры Павлодара»', 'Общественное объединение «Мейирим журеги»',
           'Корпоративный фонд «Шапагат»']
OTHER_KK = ['жануарларды қорғау', 'донорлық акциялар']
OTHER_RU = ['защита бездомных животных', 'донорство крови']

def translit(s):
    table = {'а': 'a', 'ә': 'a', 'б': 'b', 'в': 'v', 'г': 'g', 'ғ': 'g', 'д': 'd', 'е': 'e', 'ё': 'e', 'ж': 'zh', 'з': 'z',
             'и': 'i', 'й': 'y', 'к': 'k', 'қ': 'k', 'л': 'l', 'м': 'm', 'н': 'n', 'ң': 'n', 'о': 'o', 'ө': 'o', 'п': 'p',
             'р': 'r', 'с': 's', 'т': 't', 'у': 'u', 'ұ': 'u', 'ү': 'u', 'ф': 'f', 'х': 'h', 'һ': 'h', 'ц': 'ts', 'ч': 'ch',
             'ш': 'sh', 'щ': 'sch', 'ъ': '', 'ы': 'y', 'і': 'i', 'ь': '', 'э': 'e', 'ю': 'yu', 'я': 'ya'}
    return ''.join(table.get(c, c) for c in s.lower())

def check_digit(d11):
    s = sum(int(d) * w for d, w in zip(d11, range(1, 12))) % 11
    if s == 10:
        s = sum(int(d) * w for d, w in zip(d11, [3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2])) % 11
        if s == 10:
            return None
    return s

def iin(rng, year, month, day, female):
    century = {18: 1, 19: 3, 20: 5}[year // 100] + (1 if female else 0)
    while True:
        d11 = '%02d%02d%02d%d%04d' % (year % 100, month, day, century, rng.randrange(1, 10000))
        c = check_digit(d11)
        if c is not None:
            return d11 + str(c)

def bin_(rng, year, month):
    while True:
        d11 = '%02d%02d%d%d%05d' % (year % 100, month, 4, 0, rng.randrange(1, 100000))
        c = check_digit(d11)
        if c is not None:
            return d11 + str(c)

def spoil_check(number):
    """The same number with a wrong check digit."""
    return number[:11] + str((int(number[11]) + 1 + (int(number[10]) % 3)) % 10) if check_digit(number[:11]) is not None else number

def person(rng, lang):
    female = rng.random() < 0.5
    if lang == 'kk':
        sur = rng.choice(SURNAMES_KK)[1 if female else 0]
        first = rng.choice(FIRST_KK_F if female else FIRST_KK_M)
        pat = patronymic_kk(rng.choice(FATHERS), female)
    else:
        sur = rng.choice(SURNAMES_RU)[1 if female else 0]
        first = rng.choice(FIRST_RU_F if female else FIRST_RU_M)
        pat = patronymic_ru(rng.choice(FATHERS_RU), female)
    full = '%s %s %s' % (sur, first, pat) if rng.random() < 0.85 else '%s %s' % (sur, first)
    year = rng.randrange(1962, 2009)
    month, day = rng.randrange(1, 13), rng.randrange(1, 29)
    return dict(fullName=full, surname=sur, first=first, female=female, year=year, month=month, day=day,
                iin=iin(rng, year, month, day, female))

def phone(rng):
    op = rng.choice(['701', '702', '705', '707', '747', '771', '775', '777', '778'])
    rest = '%07d' % rng.randrange(0, 10 ** 7)
    digits = '7' + op + rest
    shown = rng.choice([
        '+7 %s %s %s %s' % (op, rest[:3], rest[3:5], rest[5:]),
        '8(%s)%s' % (op, rest),
        '8%s%s' % (op, rest),
        '+7-%s-%s-%s-%s' % (op, rest[:3], rest[3:5], rest[5:]),
        '+7 (%s) %s-%s-%s' % (op, rest[:3], rest[3:5], rest[5:]),
    ])
    return '+' + digits, shown

def email(rng, p):
    base = translit(p['first']) + rng.choice(['.', '_', '']) + translit(p['surname'])
    if rng.random() < 0.5:
        base += str(p['year'] % 100)
    return base + '@' + rng.choice(['gmail.com', 'mail.ru', 'mail.kz', 'yandex.kz', 'inbox.ru', 'bk.ru'])
