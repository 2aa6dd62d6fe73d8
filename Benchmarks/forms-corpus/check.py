#!/usr/bin/python3
"""Checks that truth.jsonl agrees with the letters' text: every IIN, BIN, phone, e-mail and full name the
truth records is in the letter, and a letter whose truth says the IIN or every contact is missing
carries none. Reads bodies, HTML, DOCX, ODT and PDF (pdftotext); .doc, .rtf, CMS, winmail.dat and
scans are made from the same HTML as the PDF and ODT forms and are not opened here.

    check.py SPLIT_DIR...      exit 1 on any disagreement
"""
import email, html, io, json, re, subprocess, sys, zipfile
from email import policy

SKIPPED = {'doc', 'rtf', 'cms', 'smime', 'tnef', 'scan', 'corrupt', 'notapp'}
# Forward headers name the applicant's address; they are not the form.
HEADER_LINE = re.compile(r'^\s*(From|Кімнен|От кого|От|To|Кому|Кімге):.*$', re.M)


def text_of(msg):
    out = []
    for part in msg.walk():
        ctype = part.get_content_type()
        if part.is_multipart() or ctype == 'message/rfc822':
            continue
        data = part.get_payload(decode=True) or b''
        if ctype == 'text/plain':
            out.append(part.get_content())
        elif ctype == 'text/html':
            lines = re.sub(r'(?i)<br\s*/?>|</div>|</p>', '\n', part.get_content())
            out.append(html.unescape(re.sub(r'<[^>]+>', ' ', lines)))
        elif ctype.endswith('wordprocessingml.document'):
            xml = zipfile.ZipFile(io.BytesIO(data)).read('word/document.xml').decode()
            out.append(re.sub(r'<[^>]+>', '', xml.replace('</w:p>', '\n')))  # runs split mid-word join again
        elif ctype.endswith('opendocument.text'):
            xml = zipfile.ZipFile(io.BytesIO(data)).read('content.xml').decode()
            out.append(re.sub(r'<[^>]+>', '', xml.replace('</text:p>', '\n')))
        elif ctype == 'application/pdf':
            out.append(subprocess.run(['pdftotext', '-', '-'], input=data, capture_output=True).stdout.decode())
    return HEADER_LINE.sub('', '\n'.join(out))


def main():
    problems = 0
    for split in sys.argv[1:]:
        for line in open(split + '/truth.jsonl', encoding='utf-8'):
            t = json.loads(line)
            if t['format'] in SKIPPED:
                continue
            msg = email.message_from_binary_file(open(split + '/' + t['file'], 'rb'), policy=policy.default)
            text = text_of(msg)
            flat = ' '.join(text.split())
            digits = re.sub(r'[\s\-()+]', '', text)

            def say(what):
                nonlocal problems
                problems += 1
                print('%s/%s: %s' % (split, t['file'], what))

            for a in t['applications']:
                f = a['fields']
                for key in ('iin', 'bin'):
                    if key in f and f[key] not in digits:
                        say('%s %s not in the letter' % (key, f[key]))
                if 'email' in f and f['email'] not in text:
                    say('e-mail %s not in the letter' % f['email'])
                if 'phone' in f and f['phone'].startswith('+7') and f['phone'][2:] not in digits:
                    say('phone %s not in the letter' % f['phone'])
                if 'fullName' in f and f['fullName'] not in flat:
                    say('name %s not in the letter' % f['fullName'])
                if len(t['applications']) > 1:
                    continue
                if {'phone', 'email'} <= set(a['missing']):
                    found = re.search(r'[\w.]+@[\w.]+\.\w+', text.replace('volunteer@mki.gov.kz', ''))
                    if found:
                        say('contacts missing, but %s is in the letter' % found.group())
                if 'iin' in a['missing']:
                    # per line: a table's "№" column next to a phone must not make twelve digits
                    lines = re.sub(r'[ \t\-()+]', '', text)
                    found = set(re.findall(r'(?<!\d)\d{12}(?!\d)', lines)) - {f.get('bin')}
                    if found:
                        say('IIN missing, but %s is in the letter' % ', '.join(sorted(found)))
    print('check: %d disagreements' % problems)
    sys.exit(1 if problems else 0)


if __name__ == '__main__':
    main()
