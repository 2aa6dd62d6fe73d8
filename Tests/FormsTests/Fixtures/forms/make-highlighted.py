#!/usr/bin/env python3
"""Writes highlighted-choices.docx with python-docx, as Word users mark choices by colour: the
activity types with the highlighter (w:highlight), a role with character shading (w:shd, Word's
"Shading" button), an availability by shading its table cell. make-highlighted.sh converts it
with LibreOffice to ODT and HTML, so each reader meets the same marks as another program writes
them. The outputs are committed; the tests need neither Python nor LibreOffice."""
import sys
from docx import Document
from docx.enum.text import WD_COLOR_INDEX
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls

ACTIVITIES = [
    "участие в оказании социальных услуг, помощи социально незащищенным слоям населения",
    "социальное обслуживание пожилых людей, лиц с инвалидностью",
    "участие в оказании помощи лицам, пострадавшим в результате стихийных бедствий",
    "содействие центральным и местным исполнительным органам в предупреждении и ликвидации последствий чрезвычайных ситуаций",
    "участие в поиске пропавших без вести людей",
    "участие в охране и защите окружающей среды, благоустройстве территорий",
    "участие в сохранении исторического и культурного наследия",
    "участие в развитии образования, науки, культуры, популяризации знаний, развитии инноваций",
    "участие в развитии и популяризации физической культуры, спорта и активного отдыха",
    "проведение работы по пропаганде здорового образа жизни",
    "участие в организации и проведении культурных, массовых и иных зрелищных и общественных мероприятий",
    "участие в укреплении мира, дружбы и согласия между народами",
    "иные виды волонтерской деятельности, не противоречащие законодательству Республики Казахстан (укажите конкретный вид/виды)",
]
ROLES = ["профессионал в своей области", "руководитель/лидер", "менеджер", "тренер/преподаватель", "логист", "секретарь"]
TIMES = ["во время отпуска/каникул", "в праздничные дни", "в летнее время", "в другое время"]

d = Document()
d.add_paragraph("Прошу включить в реестр учета волонтерской деятельности (волонтер).")
d.add_paragraph("Даю согласие на сбор и обработку моих персональных данных, составляющих охраняемую законом тайну, "
                "необходимых для включения в реестр учета волонтерской деятельности.")
d.add_paragraph().add_run("Анкета волонтера").bold = True
for label, value in [("Ф.И.О. (при его наличии)", "Ким Виктор Алексеевич"), ("Год рождения", "1967"),
                     ("Место жительства", "г. Алматы, ул. Абая 10"), ("ИИН", "670509312900"),
                     ("Опыт волонтерской деятельности", "два года в фонде «Қамқор»"),
                     ("Телефон", "+7 701 555 48 12"), ("Электронная почта", "viktor.kim@mail.kz")]:
    d.add_paragraph(label)
    d.add_paragraph(value)
d.add_paragraph("Выберите основные виды деятельности, в которых вы участвуете в настоящее время")
for i, text in enumerate(ACTIVITIES, 1):
    r = d.add_paragraph().add_run("%d) %s" % (i, text))
    if i in (2, 10):
        r.font.highlight_color = WD_COLOR_INDEX.YELLOW
d.add_paragraph("Кратко опишите свою роль в качестве волонтера?")
for i, text in enumerate(ROLES, 1):
    r = d.add_paragraph().add_run("%d) %s" % (i, text))
    if i == 3:
        r._r.get_or_add_rPr().append(parse_xml('<w:shd %s w:val="clear" w:color="auto" w:fill="D9D9D9"/>' % nsdecls("w")))
d.add_paragraph("В какое время вам удобна волонтерская деятельность?")
table = d.add_table(rows=0, cols=1)
for i, text in enumerate(TIMES, 1):
    cell = table.add_row().cells[0]
    cell.text = "%d) %s" % (i, text)
    if i == 1:
        cell._tc.get_or_add_tcPr().append(parse_xml('<w:shd %s w:val="clear" w:color="auto" w:fill="FFFF00"/>' % nsdecls("w")))
d.add_paragraph("Дата заполнения: 12 января 2026 года")
d.save(sys.argv[1] if len(sys.argv) > 1 else "highlighted-choices.docx")
