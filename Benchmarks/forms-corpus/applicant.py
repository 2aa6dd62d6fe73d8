# One applicant: what they fill in, what they leave out or get wrong, and the decision they should get.
import people

# Sources/Forms/RequiredFields.swift, as data: "contacts" is one of phone or e-mail.
REQUIRED = {
    'volunteer': ['fullName', 'birthYear', 'residence', 'iin', 'experience', 'contacts', 'activityTypes', 'roles',
                  'availability', 'consent'],
    'group': ['fullName', 'birthYear', 'residence', 'iin', 'experience', 'members', 'contacts', 'activityTypes', 'consent'],
    'organization': ['organizationName', 'registrationDate', 'bin', 'headName', 'volunteerCount', 'contacts',
                     'activityTypes', 'consent'],
    'coordinator': ['fullName', 'birthYear', 'residence', 'iin', 'experience', 'coordinatorExperience', 'coordinatedCount',
                    'contacts', 'activityTypes', 'consent'],
    'organizer': ['fullName', 'birthYear', 'residence', 'iin', 'contacts', 'activityTypes', 'consent'],
    'organizer-legal': ['fullName', 'organizationName', 'registrationDate', 'bin', 'contacts', 'activityTypes', 'consent'],
}
# Sources/Forms/FormField.swift order.
FIELD_ORDER = ['fullName', 'birthYear', 'residence', 'iin', 'experience', 'coordinatorExperience', 'coordinatedCount',
               'members', 'organizationName', 'registrationDate', 'bin', 'headName', 'volunteerCount', 'phone', 'email',
               'website', 'instagram', 'whatsapp', 'activityTypes', 'otherActivity', 'roles', 'availability', 'consent',
               'programs', 'actions']
MONTHS_RU = ['января', 'февраля', 'марта', 'апреля', 'мая', 'июня', 'июля', 'августа', 'сентября', 'октября', 'ноября', 'декабря']
MONTHS_KK = ['қаңтар', 'ақпан', 'наурыз', 'сәуір', 'мамыр', 'маусым', 'шілде', 'тамыз', 'қыркүйек', 'қазан', 'қараша', 'желтоқсан']


def make(rng, kind, lang, legal=False):
    """The applicant's true data: `shown` is how they type each value, `truth` what it means."""
    p = people.person(rng, lang)
    a = dict(kind=kind, lang=lang, legal=legal, person=p, shown={}, truth={})

    def put(field, shown, truth):
        a['shown'][field] = shown
        a['truth'][field] = truth

    if kind != 'organization':
        put('fullName', p['fullName'], p['fullName'])
        y = p['year']
        put('birthYear', rng.choice(['%d' % y, '%d' % y, '%d ж.' % y if lang == 'kk' else '%d г.' % y]), y)
        a['birthDate'] = '%02d.%02d.%d' % (p['day'], p['month'], y)
        put('residence', rng.choice(people.PLACES_KK if lang == 'kk' else people.PLACES_RU), None)
        put('iin', p['iin'] if rng.random() < 0.85 else '%s %s %s' % (p['iin'][:6], p['iin'][6:8], p['iin'][8:]), p['iin'])
    if kind in ('volunteer', 'group', 'coordinator'):
        put('experience', rng.choice(people.EXPERIENCE_KK if lang == 'kk' else people.EXPERIENCE_RU), None)
    if kind == 'coordinator':
        put('coordinatorExperience', rng.choice(people.COORD_EXP_KK if lang == 'kk' else people.COORD_EXP_RU), None)
        n = rng.randrange(5, 120)
        put('coordinatedCount', rng.choice(['%d' % n, '%d адам' % n if lang == 'kk' else '%d человек' % n]), n)
    if kind == 'group':
        a['members'] = [people.person(rng, lang)['fullName'] for _ in range(rng.randrange(2, 6))]
    if kind == 'organization' or legal:
        org = rng.choice(people.ORGS_KK if lang == 'kk' else people.ORGS_RU)
        put('organizationName', org, org)
        ry, rm, rd = rng.randrange(1998, 2025), rng.randrange(1, 13), rng.randrange(1, 29)
        months = MONTHS_KK if lang == 'kk' else MONTHS_RU
        shown = rng.choice(['%02d.%02d.%d' % (rd, rm, ry), '%02d.%02d.%d' % (rd, rm, ry),
                            ('%d жылғы %d %s' % (ry, rd, months[rm - 1])) if lang == 'kk' else '%d %s %d г.' % (rd, months[rm - 1], ry)])
        put('registrationDate', shown, '%d-%02d-%02d' % (ry, rm, rd))
        b = people.bin_(rng, ry, rm)
        put('bin', b, b)
    if kind == 'organization':
        head = people.person(rng, lang)
        a['head'] = head
        put('headName', head['fullName'], head['fullName'])
        n = rng.randrange(8, 400)
        put('volunteerCount', rng.choice(['%d' % n, '%d' % n, '%d адам' % n if lang == 'kk' else '%d человек' % n]), n)
        contact_person = head
    else:
        contact_person = p
    ph_truth, ph_shown = people.phone(rng)
    put('phone', ph_shown, ph_truth)
    e = people.email(rng, contact_person)
    put('email', e, e)
    a['address'] = e
    if rng.random() < 0.25:
        handle = people.translit(contact_person['first']) + '_' + rng.choice(['volunteer', 'kz', 'help'])
        put('instagram', '@' + handle, '@' + handle)
    n_act = rng.choice([1, 2, 3, 3, 4])
    a['activity'] = sorted(rng.sample(range(1, 13), n_act))
    if rng.random() < 0.12:
        a['activity'].append(13)
        other = rng.choice(people.OTHER_KK if lang == 'kk' else people.OTHER_RU)
        put('otherActivity', other, None)
    a['truth']['activityTypes'] = a['activity']
    if kind == 'volunteer':
        a['roles'] = sorted(rng.sample(range(1, 7), rng.choice([1, 1, 2])))
        a['availability'] = sorted(rng.sample(range(1, 5), rng.choice([1, 2])))
        a['truth']['roles'] = a['roles']
        a['truth']['availability'] = a['availability']
    if kind == 'group':
        a['truth']['members'] = a['members']
    a['consent'] = True
    a['dropped'] = set()
    a['spoiled'] = set()
    return a


def requirement_key(a):
    return 'organizer-legal' if a['kind'] == 'organizer' and a['legal'] else a['kind']


def droppable(a):
    return [f for f in REQUIRED[requirement_key(a)] if f not in ('fullName', 'organizationName')] + \
        (['fullName'] if a['kind'] != 'organization' else [])


def drop(a, field):
    """The applicant really leaves this out, everywhere in the letter."""
    a['dropped'].add(field)
    if field == 'contacts':
        for f in ('phone', 'email', 'instagram', 'website', 'whatsapp'):
            a['shown'].pop(f, None)
            a['truth'].pop(f, None)
    elif field in ('activityTypes', 'roles', 'availability', 'members'):
        key = {'activityTypes': 'activity'}.get(field, field)
        a[key] = []
        a['truth'].pop(field, None)
        if field == 'activityTypes':
            a['shown'].pop('otherActivity', None)
    elif field == 'consent':
        a['consent'] = False
    else:
        a['shown'].pop(field, None)
        a['truth'].pop(field, None)


def spoil(a, field, rng):
    """The applicant gives a value that cannot be accepted."""
    a['spoiled'].add(field)
    if field in ('iin', 'bin'):
        bad = people.spoil_check(a['truth'][field])
        a['shown'][field] = bad
        a['truth'][field] = bad
    elif field == 'email':
        e = a['truth']['email']
        bad = rng.choice([e.replace('@', ' '), e.split('.')[0] if '.' in e.split('@')[1] else e + '@', e.replace('@', '@@')])
        if bad == e.split('.')[0]:
            bad = e.rsplit('.', 1)[0]  # "name@mail" without the top-level domain
        a['shown']['email'] = bad
        a['truth']['email'] = bad
    elif field == 'registrationDate':
        y = a['truth']['registrationDate'][:4]
        bad = rng.choice(['31.02.%s' % y, '32.13.%s' % y])
        a['shown']['registrationDate'] = bad
        a['truth']['registrationDate'] = bad
    elif field == 'phone':
        bad = rng.choice(['8 701 12', '12-34-5'])
        a['shown']['phone'] = bad
        a['truth']['phone'] = bad


def spoilable(a):
    out = []
    if 'iin' in a['shown']:
        out.append('iin')
    if 'bin' in a['shown']:
        out += ['bin', 'registrationDate']
    if 'email' in a['shown']:
        out.append('email')
    if 'phone' in a['shown']:
        out.append('phone')
    return out


def decision(a):
    """The decision the applicant should get, in `tizilim parse --json` terms."""
    missing = set()
    for r in REQUIRED[requirement_key(a)]:
        if r == 'contacts':
            if 'phone' not in a['shown'] and 'email' not in a['shown']:
                missing |= {'phone', 'email'}
        elif r == 'consent':
            if not a['consent']:
                missing.add('consent')
        elif r in ('activityTypes', 'roles', 'availability'):
            if not a[{'activityTypes': 'activity'}.get(r, r)]:
                missing.add(r)
        elif r == 'members':
            if not a.get('members'):
                missing.add(r)
        elif r not in a['shown']:
            missing.add(r)
    invalid = set(a['spoiled'])
    fields = {}
    for f in FIELD_ORDER:
        v = a['truth'].get(f)
        if v is not None and f not in missing:
            fields[f] = v
    return dict(outcome='complete' if not missing and not invalid else 'incomplete', kind=a['kind'],
                missing=[f for f in FIELD_ORDER if f in missing], invalid=[f for f in FIELD_ORDER if f in invalid],
                fields=fields)
