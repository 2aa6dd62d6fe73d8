#!/usr/bin/env python3
"""OCR of the typed Kazakh and Russian questionnaires (Tests/FormsTests/Fixtures/forms), rendered
by pdftoppm at 150/200/300 dpi, turned by ImageMagick and spoiled with noise and JPEG; each
render read as a letter's attachment by `tizilim parse --json` (the full reading) and by
tizilim-ocr alone (time and peak memory from its own rusage). Prints a Markdown table.

    swift build -c release --product tizilim --product tizilim-ocr
    python3 Benchmarks/ocr/ocr-accuracy.py .build/release
"""
import base64, json, os, subprocess, sys, tempfile, time

root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
forms = os.path.join(root, "Tests/FormsTests/Fixtures/forms")
bin_dir = sys.argv[1] if len(sys.argv) > 1 else os.path.join(root, ".build/release")
expected = {
    "kazakh-questionnaire": {"fullName": "Құдайбергенов Нұрлан Әлібекұлы", "iin": "830717350867",
                             "residence": "Қарағанды облысы, Теміртау қаласы, Һарун көшесі 12"},
    "russian-questionnaire": {"fullName": "Ким Виктор Алексеевич", "iin": "670509312900",
                              "residence": "г. Костанай, ул. Байтурсынова 54"},
}
renders = [(dpi, deg, noisy) for dpi in (150, 200, 300) for (deg, noisy) in ((0, False), (-3, True), (3, True))]

def distance(a, b):
    row = list(range(len(b) + 1))
    for i, x in enumerate(a, 1):
        prev, row[0] = row[0], i
        for j, y in enumerate(b, 1):
            prev, row[j] = row[j], min(row[j] + 1, row[j - 1] + 1, prev + (x != y))
    return row[-1]

def accuracy(got, want):
    return max(0.0, 1 - distance(got or "", want) / len(want))

def letter(image, name, ctype):
    data = base64.encodebytes(image).decode().replace("\n", "\r\n")
    return ("From: <a@example.kz>\r\nTo: <volunteer@mki.gov.kz>\r\nSubject: =?utf-8?B?0JDQvdC60LXRgtCw?=\r\n"
            "MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"b\"\r\n\r\n--b\r\n"
            "Content-Type: text/plain; charset=utf-8\r\n\r\nscan\r\n--b\r\nContent-Type: %s\r\n"
            "Content-Disposition: attachment; filename=\"%s\"\r\nContent-Transfer-Encoding: base64\r\n\r\n%s--b--\r\n"
            % (ctype, name, data)).encode()

rows = []
with tempfile.TemporaryDirectory() as tmp:
    for dpi, deg, noisy in renders:
        for form, want in expected.items():
            page = os.path.join(tmp, "page")
            subprocess.run(["pdftoppm", "-r", str(dpi), "-gray", "-png", "-singlefile", os.path.join(forms, form + ".pdf"), page], check=True)
            out = os.path.join(tmp, "scan.jpg" if noisy else "scan.png")
            spoil = ["convert", page + ".png", "-background", "white"]
            if deg: spoil += ["-rotate", str(deg)]
            if noisy: spoil += ["-attenuate", "0.5", "+noise", "Gaussian", "-quality", "60"]
            subprocess.run(spoil + [out], check=True)
            image = open(out, "rb").read()
            eml = os.path.join(tmp, "letter.eml")
            open(eml, "wb").write(letter(image, os.path.basename(out), "image/jpeg" if noisy else "image/png"))
            reading = json.loads(subprocess.run([os.path.join(bin_dir, "tizilim"), "parse", "--json", eml],
                                                capture_output=True, check=True).stdout.splitlines()[0])["application"]
            start = time.monotonic()
            ocr = subprocess.run([os.path.join(bin_dir, "tizilim-ocr")], input=image, capture_output=True,
                                 env=dict(os.environ, OMP_THREAD_LIMIT="1")).stdout.decode()
            seconds = time.monotonic() - start
            stats = [l.split("\t") for l in ocr.splitlines() if l.startswith("page\t")][0]
            fields = reading["fields"]
            rows.append((dpi, deg, noisy, form, fields.get("iin") == want["iin"], accuracy(fields.get("fullName"), want["fullName"]),
                         accuracy(fields.get("residence"), want["residence"]), reading["outcome"], reading["missing"], seconds,
                         int(stats[8]) / 1000, int(stats[7]) // 1024))

print("| render | form | IIN exact | name chars | residence chars | missing | s/page | CPU s | peak MB |")
print("|---|---|---|---|---|---|---|---|---|")
for dpi, deg, noisy, form, iin, name, residence, outcome, missing, seconds, cpu, rss in rows:
    render = "%d dpi%s%s" % (dpi, ", %+d°" % deg if deg else "", ", noise, JPEG q60" if noisy else ", clean PNG")
    print("| %s | %s | %s | %.1f %% | %.1f %% | %s | %.2f | %.2f | %d |" % (render, form.split("-")[0], "yes" if iin else "NO",
          100 * name, 100 * residence, ", ".join(missing) or "none", seconds, cpu, rss))
n = len(rows)
print("\nIIN exact %d/%d; names %.1f %% of characters right; mean %.2f s/page (max %.2f), peak %d MB"
      % (sum(r[4] for r in rows), n, 100 * sum(r[5] for r in rows) / n, sum(r[9] for r in rows) / n,
         max(r[9] for r in rows), max(r[11] for r in rows)))
