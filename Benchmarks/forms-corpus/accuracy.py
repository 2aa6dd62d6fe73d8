#!/usr/bin/python3
"""Compares `tizilim parse --json` with the corpus's truth.jsonl and prints decision accuracy.

    accuracy.py [--verbose] SPLIT_DIR PARSE_JSONL [SPLIT_DIR PARSE_JSONL ...]

decision-correct: for an application the truth calls complete or incomplete, the outcome, the kind and
the exact sets of missing and invalid fields are all right (the notice the applicant gets is right); for
one it calls unreadable or not an application, the outcome is right. A letter is decision-correct when
every applicant in it is (office letters carry several). Reading: `applications` when parse gives it
(issue 17), else `[application]`.

staff: a reading parse sends to staff with a doubt (`doubts` in the JSON, the case flagged reading-doubt:
outcome complete or incomplete with doubts) sends the applicant no notice. It is counted in its own column,
not as a false refinement, and is not decision-correct unless the truth expects staff (`"staff": true`).
"""
import json, os, re, sys, unicodedata
from collections import OrderedDict, defaultdict

COMPARED = ['fullName', 'organizationName', 'headName', 'birthYear', 'iin', 'bin', 'registrationDate', 'email', 'phone',
            'volunteerCount', 'coordinatedCount', 'members', 'activityTypes', 'roles', 'availability', 'instagram']


def norm_text(v):
    s = unicodedata.normalize('NFC', str(v)).casefold()
    s = re.sub(r'[«»"“”„\']', '', s)
    return ' '.join(s.split())


def norm(field, v):
    if v is None:
        return None
    if field in ('iin', 'bin'):
        digits = re.sub(r'\D', '', str(v))
        return digits if len(digits) == 12 else norm_text(v)
    if field == 'phone':
        digits = re.sub(r'\D', '', str(v))
        if len(digits) == 11 and digits[0] == '8':
            digits = '7' + digits[1:]
        return digits
    if field in ('activityTypes', 'roles', 'availability'):
        return sorted(int(x) for x in v) if isinstance(v, list) else v
    if field == 'members':
        return sorted(norm_text(x) for x in v) if isinstance(v, list) else norm_text(v)
    if field in ('birthYear', 'volunteerCount', 'coordinatedCount'):
        try:
            return int(v)
        except (TypeError, ValueError):
            return norm_text(v)
    return norm_text(v)


def readings(record):
    if record is None:
        return []
    if isinstance(record.get('applications'), list) and record['applications']:
        return record['applications']
    return [record['application']] if record.get('application') else []


def invalid_fields(app):
    return sorted({i['field'] if isinstance(i, dict) else i for i in app.get('invalid', [])})


def to_staff(r):
    """The reading goes to staff with a doubt (Sources/Intake/LetterRouting.swift, flag reading-doubt)."""
    return bool(r and r.get('doubts') and r.get('outcome') in ('complete', 'incomplete'))


def compare_app(t, r):
    """-> (decision_ok, differences, field results {field: ok})"""
    diffs = []
    if r is None:
        return False, ['no reading for this applicant'], {f: False for f in COMPARED if f in t['fields']}
    if t.get('staff') or to_staff(r):
        # Staff decide: right when the truth expects staff and parse sends it there, wrong otherwise.
        if not t.get('staff'):
            diffs.append('sent to staff, truth %s: %s' % (t['outcome'], '; '.join(r.get('doubts', []))))
        elif not to_staff(r):
            diffs.append('outcome %s, truth: staff' % r.get('outcome'))
        fields = {f: norm(f, (r.get('fields') or {}).get(f)) == norm(f, t['fields'][f]) for f in COMPARED if f in t['fields']}
        return not diffs, diffs, fields
    if r.get('outcome') != t['outcome']:
        diffs.append('outcome %s, truth %s' % (r.get('outcome'), t['outcome']))
    if t['outcome'] in ('complete', 'incomplete'):
        if r.get('kind') != t['kind']:
            diffs.append('kind %s, truth %s' % (r.get('kind'), t['kind']))
        rm, tm = sorted(set(r.get('missing', []))), sorted(set(t['missing']))
        if rm != tm:
            diffs.append('missing %s, truth %s' % (rm, tm))
        ri, ti = invalid_fields(r), sorted(set(t['invalid']))
        if ri != ti:
            diffs.append('invalid %s, truth %s' % (ri, ti))
    fields = {}
    read = r.get('fields', {}) or {}
    for f in COMPARED:
        if f not in t['fields']:
            continue
        ok = norm(f, read.get(f)) == norm(f, t['fields'][f])
        fields[f] = ok
        if not ok and t['outcome'] in ('complete', 'incomplete'):
            diffs.append('%s %r, truth %r' % (f, read.get(f), t['fields'][f]))
    return not [d for d in diffs if not re.match(r'^(%s) ' % '|'.join(COMPARED), d)], diffs, fields


def match(truth_apps, read_apps):
    """Pairs each truth applicant with a reading: by IIN/BIN, else by position."""
    out, used = [], set()
    for i, t in enumerate(truth_apps):
        found = None
        for key in ('iin', 'bin'):
            v = norm(key, t['fields'].get(key))
            if v is None:
                continue
            for j, r in enumerate(read_apps):
                if j not in used and norm(key, (r.get('fields') or {}).get(key)) == v:
                    found = j
                    break
            if found is not None:
                break
        if found is None and i < len(read_apps) and i not in used:
            found = i
        if found is not None:
            used.add(found)
        out.append(read_apps[found] if found is not None else None)
    return out


# Forms typed into a body or a document the readers open today (not .doc/.rtf/CMS/S-MIME/TNEF/scans, issue 19).
TYPED = {'text', 'fwd-text', 'html', 'docx', 'logo-docx', 'docx-lo', 'odt', 'pdf', 'multi'}


def groups(t):
    out = ['format:' + t['format'], 'wrapper:' + t.get('wrapper', 'none'), 'all']
    if t['format'] in TYPED:
        out.append('typed')
    return out


class Tally:
    def __init__(self):
        self.letters = self.correct = self.fa = self.fr = self.staff = 0
        self.fields_ok = self.fields_n = 0
        self.ids_ok = self.ids_n = 0
        self.scan = False

    def pct(self, a, b):
        return '%5.1f%%' % (100.0 * a / b) if b else '    -'


def main():
    args = sys.argv[1:]
    verbose = '--verbose' in args
    args = [a for a in args if a != '--verbose']
    pairs = list(zip(args[0::2], args[1::2]))
    split_rows = OrderedDict()
    wrong = []
    for split_dir, parse_path in pairs:
        split = os.path.basename(os.path.normpath(split_dir))
        truth = [json.loads(l) for l in open(os.path.join(split_dir, 'truth.jsonl'), encoding='utf-8')]
        parsed = {}
        for line in open(parse_path, encoding='utf-8'):
            line = line.strip()
            if line:
                rec = json.loads(line)
                parsed[os.path.basename(rec.get('file', ''))] = rec
        by = defaultdict(Tally)
        for t in truth:
            rec = parsed.get(t['file'])
            read = readings(rec)
            paired = match(t['applications'], read)
            letter_ok = rec is not None
            diffs = [] if rec is not None else ['parse gave no reading of this file']
            for ta, ra in zip(t['applications'], paired):
                ok, d, fields = compare_app(ta, ra)
                letter_ok = letter_ok and ok
                if len(t['applications']) > 1:
                    d = ['applicant %s: %s' % (ta['fields'].get('iin') or ta['fields'].get('bin') or '?', x) for x in d]
                diffs += d
                for key in groups(t):
                    tally = by[key]
                    tally.scan = tally.scan or t['format'] == 'scan'
                    ro = ra.get('outcome') if ra else None
                    if ta['outcome'] != 'complete' and ro == 'complete':
                        tally.fa += 1
                    if to_staff(ra):
                        tally.staff += 1
                    elif ta['outcome'] == 'complete' and ro == 'incomplete':
                        tally.fr += 1
                    for f, fok in fields.items():
                        if ta['outcome'] in ('complete', 'incomplete'):
                            tally.fields_n += 1
                            tally.fields_ok += fok
                        if f in ('iin', 'bin'):
                            tally.ids_n += 1
                            tally.ids_ok += fok
            for key in groups(t):
                by[key].letters += 1
                by[key].correct += letter_ok
            if not letter_ok:
                wrong.append((split, t['file'], diffs))
        split_rows[split] = by

    header = '%-22s %7s %9s %8s %6s %6s %6s %9s' % ('', 'letters', 'decision', 'fields', 'FA', 'FR', 'staff', 'IIN/BIN')
    for split, by in split_rows.items():
        print('== %s ==' % split)
        print(header)
        keys = sorted(k for k in by if k.startswith('format:')) + sorted(k for k in by if k.startswith('wrapper:')) + ['typed', 'all']
        for k in keys:
            t = by[k]
            ids = t.pct(t.ids_ok, t.ids_n) if (t.scan or k == 'all') else '    -'
            name = {'all': 'ALL', 'typed': 'typed forms'}.get(k, k.replace('format:', '').replace('wrapper:', 'via '))
            print('%-22s %7d %9s %8s %6d %6d %6d %9s' % (name,
                                                       t.letters, t.pct(t.correct, t.letters), t.pct(t.fields_ok, t.fields_n),
                                                       t.fa, t.fr, t.staff, ids))
        print()
    print('decision = outcome, kind, exact missing and invalid sets right (per letter); fields = key field values right;')
    print('FA = false acceptances (truth not complete, read complete: must be 0); FR = false refinements (truth complete,')
    print('read incomplete, no doubt); staff = applicants sent to staff with a reading doubt (no notice; not')
    print('decision-correct unless the truth expects staff; FA still counts a complete reading sent there);')
    print('IIN/BIN = exact-match rate of the identifiers (shown for scans and overall).')
    print('typed forms = text, HTML, DOCX, ODT and PDF forms (direct, forwarded and office letters); ALL adds')
    print('.doc, .rtf, CMS, S/MIME, winmail.dat, scans, corrupt attachments and letters that are not applications.')
    if verbose:
        print()
        for split, name, diffs in wrong:
            print('%s/%s' % (split, name))
            for d in diffs:
                print('    ' + d)


if __name__ == '__main__':
    main()
