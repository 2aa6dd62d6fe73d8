# The Annex 2 forms as an applicant fills them: first as rows of runs (paragraphs and table rows,
# each run with its formatting), then as plain text, HTML (for LibreOffice and for mail clients) or
# DOCX written by python-docx.
import html as htmllib
import annex2
from labels import LABELS, SELECTED
import labels_dev

# A row: ('p', runs) or ('tr', [runs, runs]) or ('blank',). A run: (text, frozenset of 'b', 'u', 'hl'),
# or ('\u0000sdt', checked) for a Word content-control check box (python-docx only).
SDT = '\u0000sdt'


def R(text, *fmt):
    return (text, frozenset(fmt))


def label(rng, field, lang, pools):
    if 'C' in pools:
        return label_dev(rng, field, lang, pools)
    # Mixed languages: a Kazakh form with a Russian label here and there ("ИИН", "Г.р."), and back.
    if rng.random() < 0.1:
        lang = 'ru' if lang == 'kk' else 'kk'
    options = [t for t, pool in LABELS[field][lang] if pool in pools]
    # The official wording is what most people keep.
    return options[0] if rng.random() < 0.45 else rng.choice(options)


def label_dev(rng, field, lang, pools):
    """Dev's labels: pools A and C, then what typing does to them (case, a letter off, instruction words)."""
    if rng.random() < 0.12:
        lang = 'ru' if lang == 'kk' else 'kk'
    a = [t for t, pool in LABELS[field][lang] if pool in pools]
    c = labels_dev.LABELS_C[field][lang]
    r = rng.random()
    lab = a[0] if r < 0.25 else rng.choice(a) if r < 0.45 else rng.choice(c)
    r = rng.random()
    if r < 0.08:
        lab = lab.upper()
    elif r < 0.16:
        lab = lab.lower()
    elif r < 0.24:
        lab = typo(rng, lab)
    elif r < 0.30:
        lab += rng.choice([' *', '*', ' (обязательно)' if lang == 'ru' else ' (міндетті)'])
    elif r < 0.34:
        lab = 'Укажите ' + lab[0].lower() + lab[1:] if lang == 'ru' else lab + ' (көрсетіңіз)'
    return lab


def typo(rng, text):
    """One letter off in the longest word (dropped, doubled or swapped with its neighbour)."""
    words = text.split(' ')
    i = max(range(len(words)), key=lambda k: len(words[k]))
    w = words[i]
    if len(w) < 6:
        return text
    j = rng.randrange(2, len(w) - 2)
    w = rng.choice([w[:j] + w[j + 1:], w[:j] + w[j] + w[j:], w[:j] + w[j + 1] + w[j] + w[j + 2:]])
    words[i] = w
    return ' '.join(words)


class Style:
    """What this applicant does with the form."""

    def __init__(self, rng, target, pools, held_out, dev=False):
        self.rng = rng
        self.target = target  # 'text', 'html', 'docx'
        self.pools = pools
        self.dev = dev
        if dev:
            self._dev_style()
            return
        layouts = ['colon', 'nextline', 'numbered', 'dash', 'tabs'] if target == 'text' else \
            ['table', 'table', 'table', 'colon', 'nextline']
        if held_out:
            layouts.append('underscore')
        self.layout = rng.choice(layouts)
        marks = {'text': ['box', 'check', 'brackets', 'plus', 'numbers', 'only'],
                 'html': ['cell', 'cell', 'box', 'brackets', 'bold', 'underline', 'numbers'],
                 'docx': ['cell', 'sdt', 'sdt', 'box', 'bold', 'underline', 'numbers']}[target]
        if held_out:
            marks = marks + ['answer'] + (['highlight'] if target != 'text' else [])
        self.mark = rng.choice(marks)
        self.cell_mark = rng.choice(['X', 'X', '+', '✓', 'V', '☒'])
        self.kind_mark = rng.choice({'text': ['only', 'only', 'brackets', 'underscores'],
                                     'html': ['u', 'u', 'bu', 'b'], 'docx': ['u', 'u', 'bu', 'b']}[target])
        self.contacts = rng.choice(['official', 'separate', 'separate', 'oneline'])
        self.blank_dropped = rng.random() < 0.5  # a dropped field keeps its empty label line
        self.official_app = rng.random() < 0.8   # the application form as printed, or retyped loosely

    def _dev_style(self):
        # Dev's own layouts and marks (the split the readers are tuned on): mostly new, a few known ones.
        rng, target = self.rng, self.target
        layouts = {'text': ['spaces', 'below', 'below-blank', 'numbered-dev', 'endash', 'caption', 'colon', 'tabs'],
                   'html': ['table3', 'table3', 'boldnext', 'below', 'spaces', 'caption', 'table', 'endash'],
                   'docx': ['table3', 'table3', 'boldnext', 'below-blank', 'spaces', 'caption', 'table', 'colon']}[target]
        self.layout = rng.choice(layouts)
        marks = {'text': ['tick', 'plusfront', 'vee', 'cyrx', 'texts', 'nums-nospace', 'nums-no', 'yes', 'box'],
                 'html': ['cell', 'cell', 'tick', 'cyrx', 'texts', 'nums-nospace', 'yes', 'bold', 'shade', 'plusfront', 'vee'],
                 'docx': ['cell', 'sdt', 'sdt', 'bold', 'shade', 'highlight', 'tick', 'nums-no', 'texts', 'yes']}[target]
        self.mark = rng.choice(marks)
        self.cell_mark = rng.choice(['✔', '+', 'v', 'х', '(х)', '✓'])  # х: the Cyrillic letter
        self.kind_mark = rng.choice({'text': ['only', 'caps', 'brackets-x'], 'html': ['u', 'b', 'bu', 'sh'],
                                     'docx': ['u', 'b', 'sh', 'hl']}[target])
        self.contacts = rng.choice(['official', 'separate', 'separate', 'oneline'])
        self.blank_dropped = rng.random() < 0.5
        self.official_app = rng.random() < 0.6
        self.dash = rng.choice([' – ', ' - ', '—', ' — '])
        self.gap = rng.choice(['\t\t', '\t\t\t', ' ' * rng.randrange(4, 18)])
        self.number_fmt = rng.choice(['%d. ', '%d) ', '№%d ', '%d.'])
        self.yes_no = rng.random() < 0.5
        self.row_no = 0


def kind_runs(a, st):
    lang = a['lang']
    chosen = a['kind']
    if st.kind_mark == 'only':
        word = [t for t, k in annex2.APPLICATION[lang]['kinds'] if k == chosen][0]
        return [R('(' + word + ')')]
    if st.kind_mark in ('caps', 'brackets-x', 'sh', 'hl'):
        # dev: the chosen word in capitals, "(х) word" with a Cyrillic х, shaded or highlighted
        runs = [R('(')]
        for text, k in annex2.APPLICATION[lang]['kinds']:
            if k != chosen:
                runs.append(R(text))
            elif st.kind_mark == 'caps':
                runs.append(R(text.upper()))
            elif st.kind_mark == 'brackets-x':
                runs.append(R('(х) ' + text))
            else:
                runs.append(R(text, st.kind_mark))
        return runs + [R(')')]
    runs = [R('(')]
    for text, k in annex2.APPLICATION[lang]['kinds']:
        if k == chosen:
            if st.kind_mark == 'brackets':
                runs.append(R('[x] ' + text))
            elif st.kind_mark == 'underscores':
                runs.append(R('_' + text + '_'))
            else:
                runs.append(R(text, *({'u': ['u'], 'b': ['b'], 'bu': ['b', 'u']}[st.kind_mark])))
        else:
            runs.append(R(text))
    runs.append(R(')'))
    return runs


def application_rows(a, st, date):
    lang, A = a['lang'], annex2.APPLICATION[a['lang']]
    name = a['shown'].get('organizationName') if a['kind'] == 'organization' else a['shown'].get('fullName')
    signer = a['head']['fullName'] if a['kind'] == 'organization' and 'headName' in a['shown'] else (a['shown'].get('fullName') or '')
    rows = []
    if st.official_app:
        rows += [('p', [R('________________________')]), ('p', [R(A['authority'])]), ('blank',)]
    rows.append(('p', [R(A['title'], 'b')]))
    rows.append(('p', [R(name or '______________________________________')]))
    rows.append(('p', [R(A['caption'])]))
    rows.append(('p', [R(A['request'] + ' ')] + kind_runs(a, st) + [R('.')]))
    if st.official_app:
        rows.append(('p', [R(A['underline'])]))
    if a['consent']:
        rows.append(('p', [R(A['consent'])]))
    rows.append(('p', [R(A['warning'])]))
    ph, em = a['shown'].get('phone'), a['shown'].get('email')
    rows.append(('p', [R(A['phone'] + ' ' + (ph or '__________________________'))]))
    rows.append(('p', [R(A['email'] + ' ' + (em or '__________________________'))]))
    y, m, d = date
    rows.append(('p', [R(A['date'].format(y=y, d='%02d' % d, m=A['months'][m - 1]))]))
    rows.append(('p', [R(signer or '____________________')]))
    rows.append(('p', [R(A['sign'])]))
    if st.official_app:
        rows.append(('p', [R(A['seal'])]))
    rows.append(('blank',))
    return rows


def field_rows(st, lab, value, n=None):
    """One label and its value in the chosen layout; value None = left blank."""
    L = st.layout
    v = value if value is not None else ''
    if L == 'table':
        return [('tr', [[R(lab)], [R(v)]])]
    if L == 'colon':
        return [('p', [R(lab + ': ' + v)])]
    if L == 'nextline':
        return [('p', [R(lab)]), ('p', [R(v if v else '_______________')])]
    if L == 'numbered':
        return [('p', [R('%d. %s: %s' % (n or 1, lab, v))])]
    if L == 'dash':
        return [('p', [R(lab + ' — ' + v)])]
    if L == 'tabs':
        return [('p', [R(lab + '\t' + v)])]
    if st.dev and L in DEV_LAYOUTS:
        return dev_field_rows(st, lab, v, n)
    if L == 'underscore':
        return [('p', [R(lab + ' __' + (v.replace(' ', '_') if False else v) + '______')])] if v else \
            [('p', [R(lab + ' ________________________')])]
    raise ValueError(L)


DEV_LAYOUTS = {'spaces', 'below', 'below-blank', 'numbered-dev', 'endash', 'caption', 'table3', 'boldnext'}


def dev_field_rows(st, lab, v, n):
    L = st.layout
    if L == 'table3':
        st.row_no += 1
        return [('tr', [[R(str(st.row_no))], [R(lab)], [R(v)]])]
    if L == 'spaces':
        gap = st.gap
        if st.target == 'html' and gap.startswith(' '):
            # typed spaces survive in a mail client's HTML as "&nbsp; &nbsp;", not as spaces that collapse
            gap = '\u00a0 ' * (len(gap) // 2)
        return [('p', [R(lab + gap + v)])]
    if L == 'below':
        return [('p', [R(lab + st.rng.choice(['', ':']))]), ('p', [R(v)])]
    if L == 'below-blank':
        return [('p', [R(lab + ':')]), ('blank',), ('p', [R(v)])]
    if L == 'numbered-dev':
        return [('p', [R(st.number_fmt % (n or 1) + lab + st.dash + v)])]
    if L == 'endash':
        return [('p', [R(lab + st.dash + v)])]
    if L == 'boldnext':
        return [('p', [R(lab, 'b')]), ('p', [R(v)]) if v else ('blank',)]
    if L == 'caption':
        # as official forms print it: the answer over a line, the field's name in brackets beneath
        if st.target == 'text':
            return ([('p', [R(v)])] if v else []) + [('p', [R('_' * 30)]), ('p', [R('(' + lab + ')')])]
        return [('p', [R(v, 'u')] if v else [R('_' * 30)]), ('p', [R('(' + lab + ')')])]
    raise ValueError(L)


def choice_rows(st, question, options, chosen, lang, other=None):
    if st.dev:
        return dev_choice_rows(st, question, options, chosen, lang, other)
    rng = st.rng
    printed = options
    if other:
        options = options[:12] + [options[12] + ': ' + other]
    rows = [('tr', [[R(question)], [R('')]])] if st.layout == 'table' else [('p', [R(question)])]
    mark = st.mark
    if mark == 'numbers' or mark == 'answer':
        if mark == 'numbers':
            lab = [t for t, pool in SELECTED[lang] if pool == 'A']
            lab = rng.choice(lab)
        else:
            lab = 'Жауабы' if lang == 'kk' else 'Ответ'
            # the options stay listed as printed, unmarked, with the answer after them
            for i, text in enumerate(printed, 1):
                rows.append(('p', [R('%d) %s' % (i, text))]))
        # Option 13's own words go with the numbers, as a person answering "5, 13 — ..." writes them:
        # the truth keeps otherActivity, so the letter must carry it.
        tail = ' — ' + other if other and 13 in chosen else ''
        rows.append(('p', [R('%s: %s%s' % (lab, ', '.join(str(c) for c in chosen), tail))]))
        return rows
    for i, text in enumerate(options, 1):
        on = i in chosen
        opt = '%d) %s' % (i, text)
        if mark == 'only':
            if on:
                rows.append(('p', [R(opt)]))
        elif mark == 'cell':
            rows.append(('tr', [[R(opt)], [R(st.cell_mark if on else '')]]))
        elif mark == 'sdt':
            rows.append(('tr', [[R(opt)], [(SDT, on)]]) if st.layout == 'table' else ('p', [(SDT, on), R(' ' + opt)]))
        elif mark == 'box':
            rows.append(('p', [R(('☒ ' if on else '☐ ') + opt)]))
        elif mark == 'check':
            rows.append(('p', [R(('☑ ' if on else '☐ ') + opt)]))
        elif mark == 'brackets':
            rows.append(('p', [R(('[x] ' if on else '[ ] ') + opt)]))
        elif mark == 'plus':
            rows.append(('p', [R(opt + (' +' if on else ''))]))
        elif mark in ('bold', 'underline', 'highlight'):
            fmt = {'bold': 'b', 'underline': 'u', 'highlight': 'hl'}[mark]
            rows.append(('p', [R(opt, fmt) if on else R(opt)]))
        else:
            raise ValueError(mark)
    return rows


def option_words(text, rng):
    """An option's text as a person copies it out: whole, or its first clause."""
    first = text.split(',')[0]
    # "егер ... өзгеше белгiленбесе" (option 11's opening proviso) names no activity: copy that one whole
    return text if rng.random() < 0.5 or first == text or first.startswith('егер') else first


def dev_choice_rows(st, question, options, chosen, lang, other=None):
    rng, mark = st.rng, st.mark
    if len(options) == 13 and rng.random() < 0.5:
        question = rng.choice(labels_dev.ACTIVITY_Q_C[lang])
    elif len(options) == 6 and rng.random() < 0.5:
        question = rng.choice(labels_dev.ROLES_Q_C[lang])
    elif len(options) == 4 and rng.random() < 0.5:
        question = rng.choice(labels_dev.AVAILABILITY_Q_C[lang])
    table = st.layout in ('table', 'table3')

    def row(*cells):
        # under a numbered question the options' rows leave the "№" cell empty
        return ('tr', ([[R('')]] if st.layout == 'table3' else []) + list(cells))

    rows = []
    if table:
        if st.layout == 'table3':
            st.row_no += 1
            rows.append(('tr', [[R(str(st.row_no))], [R(question)], [R('')]]))
        else:
            rows.append(('tr', [[R(question)], [R('')]]))
    else:
        rows.append(('p', [R(question, 'b')] if st.target != 'text' and rng.random() < 0.4 else [R(question)]))
    other_tail = (' — ' + other) if other and 13 in chosen else ''
    if mark in ('nums-nospace', 'nums-no', 'texts'):
        if not chosen:
            answer = ''
        elif mark == 'nums-nospace':
            answer = ','.join(str(c) for c in chosen) + other_tail
        elif mark == 'nums-no':
            nums = [str(c) for c in chosen]
            joiner = ' и ' if lang == 'ru' else ' және '
            answer = '№ ' + (', '.join(nums[:-1]) + joiner + nums[-1] if len(nums) > 1 else nums[0]) + other_tail
        else:
            said = []
            for c in chosen:
                if c == 13 and other:
                    said.append(('иное: ' if lang == 'ru' else 'өзге: ') + other)
                else:
                    said.append(option_words(options[c - 1], rng))
            answer = '; '.join(said)
        lab = rng.choice(labels_dev.SELECTED_C[lang])
        if mark == 'texts' and chosen and rng.random() < 0.5:
            # the chosen options copied out, one a line, no numbers
            for text in answer.split('; '):
                rows.append(row([R('- ' + text)], [R('')]) if table else ('p', [R('- ' + text)]))
            return rows
        rows.append(row([R(lab)], [R(answer)]) if table else ('p', [R(lab + ': ' + answer)]))
        return rows
    for i, text in enumerate(options, 1):
        on = i in chosen
        if i == 13 and other and on:
            text = text + ': ' + other
        opt = '%d) %s' % (i, text)
        if mark == 'cell' and table:
            rows.append(row([R(opt)], [R(st.cell_mark if on else '')]))
        elif mark == 'cell':
            rows.append(('p', [R(opt + ('  ' + st.cell_mark if on else ''))]))
        elif mark == 'sdt':
            rows.append(row([R(opt)], [(SDT, on)]) if table else ('p', [(SDT, on), R(' ' + opt)]))
        elif mark == 'tick':
            rows.append(('p', [R(('✔ ' if on else '    ') + opt)]))
        elif mark == 'plusfront':
            rows.append(('p', [R(('+ ' if on else '- ') + opt)]))
        elif mark == 'vee':
            rows.append(('p', [R(opt + (' v' if on else ''))]))
        elif mark == 'cyrx':
            rows.append(('p', [R(('(х) ' if on else '( ) ') + opt)]))
        elif mark == 'box':
            rows.append(('p', [R(('■ ' if on else '□ ') + opt)]))
        elif mark == 'yes':
            yes, no = labels_dev.YES[lang]
            word = yes if on else (no if st.yes_no else '')
            if table:
                rows.append(row([R(opt)], [R(word)]))
            else:
                rows.append(('p', [R(opt + (' — ' + word if word else ''))]))
        elif mark in ('bold', 'shade', 'highlight'):
            fmt = {'bold': 'b', 'shade': 'sh', 'highlight': 'hl'}[mark]
            runs = [R(opt, fmt) if on else R(opt)]
            rows.append(row(runs, [R('')]) if table else ('p', runs))
        else:
            raise ValueError(mark)
    return rows


def questionnaire_rows(a, st):
    rng, lang, kind, shown = st.rng, a['lang'], a['kind'], a['shown']
    rows = [('p', [R(annex2.TITLES[kind][lang], 'b')])]
    if st.layout == 'table3':
        rows.append(('tr', [[R(h, 'b')] for h in labels_dev.TABLE_HEAD[lang]]))
    counter = [0]

    def f(field, label_key=None):
        value = shown.get(field)
        if value is None and (field not in a['dropped'] or not st.blank_dropped):
            return
        lab = label(rng, label_key or field, lang, st.pools)
        if field == 'birthYear' and lab == 'Дата рождения' and value is not None:
            value = a['birthDate']
        counter[0] += 1
        rows.extend(field_rows(st, lab, value, counter[0]))

    def contacts():
        ph, em, ig = shown.get('phone'), shown.get('email'), shown.get('instagram')
        if ph is None and em is None and not st.blank_dropped:
            return
        if st.contacts == 'official':
            if st.layout == 'table':
                rows.append(('tr', [[R(annex2.CONTACTS_Q[lang])], [R('')]]))
            elif st.layout == 'table3':
                rows.append(('tr', [[R('')], [R(annex2.CONTACTS_Q[lang])], [R('')]]))
            rows.extend(field_rows(st, annex2.CONTACTS_OFFICIAL[lang], ', '.join(x for x in (ph, em, ig) if x) or None))
        elif st.contacts == 'oneline' and ph and em:
            pl, el = label(rng, 'phone', lang, st.pools), label(rng, 'email', lang, st.pools)
            rows.append(('p', [R('%s: %s, %s: %s' % (pl, ph, el[0].lower() + el[1:] if el[0] != 'E' else el, em))]))
        else:
            for field in ('phone', 'email', 'instagram'):
                if field in shown or (field != 'instagram' and field in ('phone', 'email') and 'contacts' in a['dropped']
                                      and st.blank_dropped):
                    f(field)

    def activities(question):
        rows.append(('p', [R(annex2.INFO_HEADING[lang])]))
        if not a['activity'] and not st.blank_dropped:
            return
        inline = 13 in a['activity'] and 'otherActivity' in shown and rng.random() < 0.5
        rows.extend(choice_rows(st, question[lang], annex2.activities(lang), a['activity'], lang,
                                shown['otherActivity'] if inline else None))
        if 13 in a['activity'] and 'otherActivity' in shown and not inline:
            rows.extend(field_rows(st, label(rng, 'otherActivity', lang, st.pools), shown['otherActivity']))

    if kind in ('volunteer', 'coordinator', 'organizer'):
        f('fullName'); f('birthYear'); f('residence'); f('iin')
        if kind in ('volunteer', 'coordinator'):
            f('experience')
        if kind == 'coordinator':
            f('coordinatorExperience')
        if kind == 'organizer' and a['legal']:
            rows.append(('p', [R(annex2.ORGANIZER_LEGAL[lang])]))
            f('organizationName'); f('registrationDate'); f('bin')
        contacts()
        activities(annex2.ACTIVITY_Q)
        if kind == 'coordinator':
            f('coordinatedCount')
        if kind == 'volunteer':
            if a['roles'] or st.blank_dropped:
                rows.extend(choice_rows(st, annex2.ROLES_Q[lang], annex2.roles(lang), a['roles'], lang))
            if a['availability'] or st.blank_dropped:
                rows.extend(choice_rows(st, annex2.AVAILABILITY_Q[lang], annex2.availability(lang), a['availability'], lang))
    elif kind == 'group':
        f('fullName', 'groupLeader'); f('birthYear'); f('residence'); f('iin'); f('experience', 'groupExperience')
        if a['members'] or st.blank_dropped:
            lab = label(rng, 'members', lang, st.pools)
            if st.layout in ('table', 'table3'):
                cells = [[R(lab)], [R('%d. %s' % (i, m)) for i, m in enumerate(a['members'], 1)] or [R('')]]
                if st.layout == 'table3':
                    st.row_no += 1
                    cells = [[R(str(st.row_no))]] + cells
                rows.append(('tr', cells))
            else:
                rows.append(('p', [R(lab + ':')]))
                for i, m in enumerate(a['members'] or ['', ''], 1):
                    rows.append(('p', [R('%d. %s' % (i, m))]))
        contacts()
        activities(annex2.ACTIVITY_Q_GROUP)
    elif kind == 'organization':
        f('organizationName'); f('registrationDate'); f('bin')
        contacts()
        rows.append(('p', [R(annex2.HEAD_INFO[lang])]))
        f('headName'); f('volunteerCount')
        activities(annex2.ACTIVITY_Q_ORG)
    return rows


# ---- plain text

def to_text(rows):
    out = []
    for row in rows:
        if row[0] == 'blank':
            out.append('')
        elif row[0] == 'p':
            out.append(''.join(t if t != SDT else ('☒' if f else '☐') for t, f in row[1]))
        else:
            cells = [' '.join(t if t != SDT else ('☒' if f else '☐') for t, f in cell) for cell in row[1]]
            out.append('\t'.join(cells).rstrip())
    return '\n'.join(out) + '\n'


# ---- HTML

def runs_html(runs):
    out = ''
    for text, fmt in runs:
        if text == SDT:
            out += '☒' if fmt else '☐'
            continue
        s = htmllib.escape(text).replace('\t', '&nbsp;&nbsp;&nbsp;&nbsp;')
        if 'hl' in fmt:
            s = '<span style="background:yellow">%s</span>' % s
        if 'sh' in fmt:
            s = '<span style="background:#D9D9D9">%s</span>' % s
        if 'u' in fmt:
            s = '<u>%s</u>' % s
        if 'b' in fmt:
            s = '<b>%s</b>' % s
        out += s
    return out


def to_html(rows, client='lo'):
    """client: 'lo' (a document for LibreOffice), 'gmail', 'outlook', 'mailru'."""
    p_open, p_close = {'lo': ('<p>', '</p>'), 'gmail': ('<div>', '</div>'),
                       'outlook': ('<p class=MsoNormal>', '<o:p></o:p></p>'), 'mailru': ('<div>', '</div>')}[client]
    table_attr = {'lo': ' border="1" cellpadding="4" cellspacing="0" width="100%"',
                  'gmail': ' style="border-collapse:collapse;border:none" border="1" cellspacing="0" cellpadding="0"',
                  'outlook': ' class=MsoTableGrid border=1 cellspacing=0 cellpadding=0 style=\'border-collapse:collapse;border:none\'',
                  'mailru': ' border="1" style="border-collapse:collapse"'}[client]
    out, in_table = [], False
    for row in rows:
        if row[0] == 'tr':
            if not in_table:
                out.append('<table%s><tbody>' % table_attr)
                in_table = True
            cells = []
            for cell in row[1]:
                inner = ''.join('%s%s%s' % (p_open, runs_html([r]) if r[0] != SDT else ('☒' if r[1] else '☐'), p_close)
                                for r in cell) if len(cell) > 1 else p_open + runs_html(cell) + p_close
                cells.append('<td valign="top" style="border:solid windowtext 1.0pt;padding:0cm 5.4pt">%s</td>' % inner)
            out.append('<tr>%s</tr>' % ''.join(cells))
            continue
        if in_table:
            out.append('</tbody></table>')
            in_table = False
        if row[0] == 'blank':
            out.append(p_open + ('&nbsp;' if client == 'outlook' else '<br>') + p_close)
        else:
            out.append(p_open + runs_html(row[1]) + p_close)
    if in_table:
        out.append('</tbody></table>')
    return '\n'.join(out)


def html_document(body):
    return ('<!DOCTYPE html>\n<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8">'
            '<style>body{font-family:"DejaVu Serif";font-size:12pt}</style></head><body>\n%s\n</body></html>\n' % body)


# ---- DOCX with python-docx, as Word writes it

W14 = 'http://schemas.microsoft.com/office/word/2010/wordml'
W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main'


def sdt_checkbox(checked):
    from docx.oxml import parse_xml
    return parse_xml(
        '<w:sdt xmlns:w="%s" xmlns:w14="%s"><w:sdtPr><w:id w:val="%d"/><w14:checkbox><w14:checked w14:val="%d"/>'
        '<w14:checkedState w14:val="2612" w14:font="MS Gothic"/><w14:uncheckedState w14:val="2610" w14:font="MS Gothic"/>'
        '</w14:checkbox></w:sdtPr><w:sdtContent><w:r><w:rPr><w:rFonts w:ascii="MS Gothic" w:eastAsia="MS Gothic" '
        'w:hAnsi="MS Gothic" w:hint="eastAsia"/></w:rPr><w:t>%s</w:t></w:r></w:sdtContent></w:sdt>'
        % (W, W14, abs(hash(checked)) % 100000 + 1, 1 if checked else 0, '☒' if checked else '☐'))


def add_runs(paragraph, runs, rng):
    from docx.enum.text import WD_COLOR_INDEX
    for text, fmt in runs:
        if text == SDT:
            paragraph._p.append(sdt_checkbox(fmt))
            continue
        # Word splits runs where editing sessions (rsids), spell-check and language changed, mid-word too.
        pieces = [text]
        if len(text) > 6 and rng.random() < 0.6:
            cut = rng.randrange(2, len(text) - 2)
            pieces = [text[:cut], text[cut:]]
            if len(pieces[1]) > 6 and rng.random() < 0.4:
                cut2 = rng.randrange(1, len(pieces[1]) - 1)
                pieces = [pieces[0], pieces[1][:cut2], pieces[1][cut2:]]
        for piece in pieces:
            r = paragraph.add_run(piece)
            r.bold = 'b' in fmt or None
            r.underline = 'u' in fmt or None
            if 'hl' in fmt:
                r.font.highlight_color = WD_COLOR_INDEX.YELLOW
            if 'sh' in fmt:
                # run shading, as Word's "Shading" button writes it (grey, not a highlight colour)
                from docx.oxml import parse_xml
                r._r.get_or_add_rPr().append(parse_xml('<w:shd xmlns:w="%s" w:val="clear" w:color="auto" w:fill="D9D9D9"/>' % W))


def to_docx(rows, path, rng, when=None):
    import docx
    from docx.shared import Pt
    d = docx.Document()
    d.styles['Normal'].font.name = 'Times New Roman'
    d.styles['Normal'].font.size = Pt(12)
    table = None
    for row in rows:
        if row[0] == 'tr':
            if table is None:
                table = d.add_table(rows=0, cols=len(row[1]))
                table.style = 'Table Grid'
            cells = table.add_row().cells
            for cell, runs in zip(cells, row[1]):
                if len(runs) > 1 and all(t != SDT for t, _ in runs):
                    first = True
                    for r in runs:
                        add_runs(cell.paragraphs[0] if first else cell.add_paragraph(), [r], rng)
                        first = False
                else:
                    add_runs(cell.paragraphs[0], runs, rng)
            continue
        table = None
        if row[0] == 'blank':
            d.add_paragraph()
        else:
            add_runs(d.add_paragraph(), row[1], rng)
    d.core_properties.author = 'User'
    if when is not None:
        naive = when.replace(tzinfo=None)
        d.core_properties.created = naive
        d.core_properties.modified = naive
        d.core_properties.last_modified_by = 'User'
    d.save(path)
