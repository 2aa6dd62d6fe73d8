#!/usr/bin/env bash
# Writes the typed questionnaires the legacy-format and OCR tests read, with real tools:
# a flat ODT (written here, by hand, as an applicant's word processor would save it) is
# converted by LibreOffice to Word 97 .doc, RTF and PDF. Run from anywhere; needs
# libreoffice-writer-nogui and fonts-dejavu-core. The outputs are committed, so the tests
# need no LibreOffice at run time; the OCR tests render the PDFs to images themselves.
set -euo pipefail
cd "$(dirname "$0")"
profile=$(mktemp -d /tmp/lo-forms-XXXXXX)
trap 'rm -rf "$profile"' EXIT

head='<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"
 xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
 xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"
 office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
<office:font-face-decls><style:font-face style:name="DejaVu Sans" svg:font-family="&apos;DejaVu Sans&apos;"/></office:font-face-decls>
<office:styles><style:default-style style:family="paragraph">
<style:paragraph-properties fo:margin-bottom="0.12cm"/>
<style:text-properties style:font-name="DejaVu Sans" fo:font-size="11pt"/></style:default-style></office:styles>
<office:automatic-styles>
<style:style style:name="Title" style:family="paragraph"><style:paragraph-properties fo:text-align="center" fo:margin-top="0.3cm" fo:margin-bottom="0.3cm"/><style:text-properties fo:font-size="13pt" fo:font-weight="bold"/></style:style>
<style:style style:name="Grid" style:family="table"><style:table-properties style:width="17cm" table:align="left"/></style:style>
<style:style style:name="Grid.A" style:family="table-column"><style:table-column-properties style:column-width="6cm"/></style:style>
<style:style style:name="Grid.B" style:family="table-column"><style:table-column-properties style:column-width="11cm"/></style:style>
<style:style style:name="Cell" style:family="table-cell"><style:table-cell-properties fo:padding="0.1cm" fo:border="0.5pt solid #000000"/></style:style>
<style:style style:name="U" style:family="text"><style:text-properties style:text-underline-style="solid" style:text-underline-width="auto" style:text-underline-color="font-color"/></style:style>
<style:style style:name="B" style:family="text"><style:text-properties fo:font-weight="bold"/></style:style>
<style:style style:name="S" style:family="text"><style:text-properties style:text-line-through-style="solid"/></style:style>
</office:automatic-styles>
<office:body><office:text>'
tail='</office:text></office:body></office:document>'

p() { printf '<text:p>%s</text:p>\n' "$1"; }
title() { printf '<text:p text:style-name="Title">%s</text:p>\n' "$1"; }
row() { printf '<table:table-row><table:table-cell table:style-name="Cell"><text:p>%s</text:p></table:table-cell><table:table-cell table:style-name="Cell"><text:p>%s</text:p></table:table-cell></table:table-row>\n' "$1" "$2"; }

# Kazakh: the questionnaire as a two-column table, as the Annex 2 form prints it.
{
    echo "$head"
    p 'Волонтерлік қызметті есепке алу тізіліміне қосуымды сұраймын (волонтер).'
    p 'Тізілімге қосу үшін қажетті дербес мәліметтерімді жинауға және өңдеуге келісім беремін.'
    title 'Волонтер сауалнамасы'
    echo '<table:table table:name="Form" table:style-name="Grid"><table:table-column table:style-name="Grid.A"/><table:table-column table:style-name="Grid.B"/>'
    row 'Т.А.Ә.' 'Құдайбергенов Нұрлан Әлібекұлы'
    row 'Туған жылы' '1983'
    row 'Тұрғылықты жері' 'Қарағанды облысы, Теміртау қаласы, Һарун көшесі 12'
    row 'ЖСН' '830717350867'
    row 'Волонтерлік қызметтегі тәжірибесі' 'Үш жыл «Қамқор» қорында, ғаламдық ұйымдарға көмек, жаңа жобалар'
    row 'Байланыс' '+7 701 555 48 12, nurlan.kudaibergenov@mail.kz'
    row 'Қызмет түрлері' '3, 6'
    row 'Рөлім' '1) орындаушы'
    row 'Қолайлы уақыт' '3) жазғы уақытта'
    echo '</table:table>'
    p 'Толтырылған күні: 2026 жылғы 12 қаңтар'
    echo "$tail"
} > kazakh-questionnaire.fodt

# Russian: "label: value" lines, as most applicants type it.
{
    echo "$head"
    p 'Прошу включить меня в реестр учета волонтерской деятельности (волонтер).'
    p 'Даю согласие на сбор и обработку моих персональных данных.'
    title 'Анкета волонтера'
    p 'ФИО: Ким Виктор Алексеевич'
    p 'Год рождения: 1967'
    p 'Место жительства: г. Костанай, ул. Байтурсынова 54'
    p 'ИИН: 670509312900'
    p 'Опыт волонтерской деятельности: с 2009 года в поисковом отряде.'
    p 'Контакты: +7 714 555 22 31, vkim.kostanay@mail.ru'
    p 'Виды деятельности: 5, 7'
    p 'Роль: 5) логист'
    p 'Удобное время: 1) отпуск/каникулы'
    echo "$tail"
} > russian-questionnaire.fodt

# Russian with check boxes, as a word processor prints ☒/☐ (Tesseract reads neither): types 1, 6
# and 8 and role 2 (leader) ticked; the blank copy has every box empty.
checkboxes() {
    echo "$head"
    p 'Прошу включить меня в реестр учета волонтерской деятельности (волонтер).'
    p 'Даю согласие на сбор и обработку моих персональных данных.'
    title 'Анкета волонтера'
    p 'ФИО: Ким Виктор Алексеевич'
    p 'ИИН: 670509312900'
    p 'Контакты: +7 714 555 22 31, vkim.kostanay@mail.ru'
    p 'Выберите основные виды деятельности, в которых Вы хотите участвовать:'
    p "$1 1) социальная помощь"
    p "☐ 2) помощь пожилым людям"
    p "☐ 3) помощь детям"
    p "$1 6) охрана окружающей среды"
    p "☐ 7) поисково-спасательные работы"
    p "$1 8) культура и искусство"
    p 'Опишите свою роль в качестве волонтера:'
    p "☐ 1) профессионал в своей сфере"
    p "$1 2) руководитель/лидер"
    p "☐ 3) менеджер"
    echo "$tail"
}
# Kazakh, choices made as the form says, by underlining (and, as Word users do, in bold): the
# kind "волонтер", activity types 2 and 7 (11 struck through, not chosen), role 4 in bold,
# availability 3. The table's labels begin with Kazakh words, which unrtf misplaces.
span() { printf '<text:span text:style-name="%s">%s</text:span>' "$1" "$2"; }
{
    echo "$head"
    p "волонтерлік қызметті есепке алу тізіліміне қосуды сұраймын ($(span U волонтер), волонтерлер тобы, волонтерлер ұйымдары, волонтерлер қызметін үйлестіруші және ұйымдастырушы)."
    p '(қажеттінің астын сызу).'
    p 'Волонтерлік қызметті есепке алу тізіліміне қосу үшін қажетті дербес мәліметтерімді жинауға және өңдеуге келісім беремін.'
    title 'Волонтер сауалнамасы'
    echo '<table:table table:name="Form" table:style-name="Grid"><table:table-column table:style-name="Grid.A"/><table:table-column table:style-name="Grid.B"/>'
    row 'Т.А.Ә.' 'Құдайбергенов Нұрлан Әлібекұлы'
    row 'Туған жылы' '1983'
    row 'Тұрғылықты жері' 'Қарағанды облысы, Теміртау қаласы, Һарун көшесі 12'
    row 'ЖСН' '830717350867'
    row 'Волонтерлік қызметтегі тәжірибесі' 'Үш жыл «Қамқор» қорында, ғаламдық ұйымдарға көмек, жаңа жобалар'
    row 'Байланыс' '+7 701 555 48 12, nurlan.kudaibergenov@mail.kz'
    echo '</table:table>'
    p 'Қазіргі уақытта сіз қатысып жүрген негізгі қызмет түрлерін таңдаңыз'
    p '1) әлеуметтік қызмет көрсетуге, әлеуметтік қорғалмаған тұрғындарға көмек көрсетуге қатысу'
    p "$(span U '2) қарттарға, мүгедектігі бар адамдарға әлеуметтік қызмет көрсету')"
    p '3) дүлей зілзалалар салдарынан зардап шеккен адамдарға көмек көрсетуге қатысу'
    p '4) төтенше жағдайлардың алдын алу және салдарларын жоюға жәрдем көрсету'
    p '5) хабарсыз кеткен адамдарды іздеуге қатысу'
    p '6) қоршаған ортаны қорғауға және сақтауға, аумақтарды абаттандыруға қатысу'
    p "$(span U '7) тарихи және мәдени мұраны сақтау')"
    p '8) білім беруді, ғылымды, мәдениетті дамытуға қатысу'
    p '9) дене шынықтыруды, спорт пен белсенді демалысты дамытуға қатысу'
    p '10) саламатты өмір салтын насихаттау бойынша жұмыс жүргізу'
    p "$(span S '11) мәдени, бұқаралық және қоғамдық іс-шараларды ұйымдастыруға қатысу')"
    p '12) халықтар арасындағы татулықты, достық пен келісімді нығайтуға қатысу'
    p '13) волонтерлік қызметтің өзге де түрлері (нақты түрін көрсетіңіз)'
    p 'Волонтер ретіндегі өз рөліңізді қысқаша сипаттап беріңіз?'
    p '1) өз саласында кәсіпқой маман'
    p '2) басшы/көшбасшы'
    p '3) менеджер'
    p "$(span B '4) жаттықтырушы/оқытушы')"
    p '5) логистик'
    p '6) хатшы'
    p 'Сіз үшін волонтерлік қызмет қай уақытта қолайлы?'
    p '1) еңбек демалысы/ каникул уақытында'
    p '2) мереке күндері'
    p "$(span U '3) жазғы уақытта')"
    p '4) басқа уақытта'
    p 'Толтырылған күні: 2026 жылғы 12 қаңтар'
    echo "$tail"
} > kazakh-underlined.fodt

checkboxes '☒' > russian-checkboxes.fodt
checkboxes '☐' > russian-checkboxes-blank.fodt

for form in kazakh-questionnaire russian-questionnaire; do
    for target in 'doc:MS Word 97' 'rtf:Rich Text Format' 'pdf:writer_pdf_Export'; do
        soffice --headless "-env:UserInstallation=file://$profile" --convert-to "$target" --outdir . "$form.fodt" >/dev/null 2>&1
    done
done
# Through HTML, as mailed documents often were: LibreOffice then writes each run of the RTF in a
# group of its own, after which unrtf misplaces a cell's whole first word, not only its first letter.
soffice --headless "-env:UserInstallation=file://$profile" --convert-to html --outdir "$profile/html" kazakh-underlined.fodt >/dev/null 2>&1
for target in 'doc:MS Word 97' 'rtf:Rich Text Format'; do
    soffice --headless "-env:UserInstallation=file://$profile" '--infilter=HTML (StarWriter)' --convert-to "$target" \
        --outdir . "$profile/html/kazakh-underlined.html" >/dev/null 2>&1
done
for form in russian-checkboxes russian-checkboxes-blank; do
    soffice --headless "-env:UserInstallation=file://$profile" --convert-to pdf:writer_pdf_Export --outdir . "$form.fodt" >/dev/null 2>&1
done
ls -l ./*.doc ./*.rtf ./*.pdf
