"""Document builders for make-samples.py: real DOCX, ODT, a legacy Word 97 .doc (OLE2), an image-only
JPEG and an image-only PDF. Standard library only, deterministic (fixed ZIP timestamps, no clock).

A document is a list of blocks:
    ("h", text)                      heading (bold, centred)
    ("p", runs)                      paragraph; runs: str or list of str / (str, {"u": 1, "b": 1, "i": 1})
    ("table", rows)                  two-column table; row: (label, value) where value is str or runs,
                                     or ("span", text) for a full-width section row
    ("choices", items, chosen, how)  a list of options 1..n; how:
        "X"         literal "1) …" text with "X" before chosen items (typed by hand)
        "box"       literal numbering, "☒"/"☐" before each item
        "num"       real auto-numbering (DOCX numbering.xml / ODT text:list), "X" after chosen items
        "formfield" DOCX legacy FORMCHECKBOX form fields (checked/unchecked), then "n) text"
"""

import io
import struct
import zipfile
import zlib
from xml.sax.saxutils import escape

ZIP_DATE = (2026, 1, 10, 9, 0, 0)


def _zip(members):
    """members: list of (name, bytes, stored?) in order. Deterministic."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        for name, data, stored in members:
            info = zipfile.ZipInfo(name, date_time=ZIP_DATE)
            info.compress_type = zipfile.ZIP_STORED if stored else zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            info.create_system = 0
            z.writestr(info, data)
    return buf.getvalue()


def _runs(value):
    if isinstance(value, str):
        return [(value, {})]
    return [(r, {}) if isinstance(r, str) else r for r in value]


# ------------------------------------------------------------------------------------------ DOCX

W_NS = ('xmlns:wpc="http://schemas.microsoft.com/office/word/2010/wordprocessingCanvas" '
        'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
        'xmlns:o="urn:schemas-microsoft-com:office:office" '
        'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
        'xmlns:m="http://schemas.openxmlformats.org/officeDocument/2006/math" '
        'xmlns:v="urn:schemas-microsoft-com:vml" '
        'xmlns:w10="urn:schemas-microsoft-com:office:word" '
        'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
        'xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" '
        'xmlns:wne="http://schemas.microsoft.com/office/word/2006/wordml" mc:Ignorable="w14"')


class _Rsid:
    """Word stamps every editing session: runs typed at different times carry different rsids."""

    def __init__(self, seed):
        self.n = seed

    def __call__(self):
        self.n = (self.n * 1103515245 + 12345) % (1 << 31)
        return f"{self.n & 0xFFFFFFFF:08X}"[-8:]


def _w_run(text, props, rsid):
    rpr = '<w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:cs="Times New Roman"/>'
    if props.get("b"):
        rpr += "<w:b/>"
    if props.get("i"):
        rpr += "<w:i/>"
    rpr += '<w:sz w:val="24"/>'
    if props.get("u"):  # CT_RPr order: ... sz, szCs, highlight, u, ... lang
        rpr += '<w:u w:val="single"/>'
    rpr += '<w:lang w:val="' + props.get("lang", "kk-KZ") + '"/>'
    space = ' xml:space="preserve"' if text != text.strip() or "  " in text else ""
    out = f'<w:r w:rsidR="{rsid()}"><w:rPr>{rpr}</w:rPr><w:t{space}>{escape(text)}</w:t></w:r>'
    if props.get("spell"):  # Word marks words its speller does not know
        out = '<w:proofErr w:type="spellStart"/>' + out + '<w:proofErr w:type="spellEnd"/>'
    return out


def _w_par(runs, rsid, jc=None, num=None, extra=""):
    ppr = ""
    if num is not None:
        ppr += f'<w:pStyle w:val="ListParagraph"/><w:numPr><w:ilvl w:val="0"/><w:numId w:val="{num}"/></w:numPr>'
    ppr += '<w:spacing w:after="0" w:line="240" w:lineRule="auto"/>'
    if jc:
        ppr += f'<w:jc w:val="{jc}"/>'
    body = extra + "".join(_w_run(t, p, rsid) for t, p in runs)
    return f'<w:p w:rsidR="{rsid()}" w:rsidRDefault="{rsid()}"><w:pPr>{ppr}</w:pPr>{body}</w:p>'


def _w_checkbox(n, checked, rsid):
    state = "<w:checked/>" if checked else ""
    return (f'<w:r><w:fldChar w:fldCharType="begin"><w:ffData><w:name w:val="Check{n}"/><w:enabled/>'
            f'<w:calcOnExit w:val="0"/><w:checkBox><w:sizeAuto/><w:default w:val="0"/>{state}</w:checkBox>'
            f'</w:ffData></w:fldChar></w:r><w:bookmarkStart w:id="{n}" w:name="Check{n}"/>'
            f'<w:r><w:instrText xml:space="preserve"> FORMCHECKBOX </w:instrText></w:r>'
            f'<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>'
            f'<w:bookmarkEnd w:id="{n}"/><w:r><w:t xml:space="preserve"> </w:t></w:r>')


def _w_cell(inner, width, span=None):
    tcpr = f'<w:tcW w:w="{width}" w:type="dxa"/>'
    if span:
        tcpr += f'<w:gridSpan w:val="{span}"/><w:shd w:val="clear" w:color="auto" w:fill="D9D9D9"/>'
    return f"<w:tc><w:tcPr>{tcpr}</w:tcPr>{inner}</w:tc>"


def docx(blocks, lang="kk-KZ", seed=1, title="", author=""):
    rsid = _Rsid(seed)
    body = []
    uses_num = False
    for block in blocks:
        kind = block[0]
        if kind == "h":
            body.append(_w_par([(block[1], {"b": 1, "lang": lang})], rsid, jc="center"))
        elif kind == "p":
            body.append(_w_par([(t, dict(p, lang=lang)) for t, p in _runs(block[1])], rsid, jc="both"))
        elif kind == "table":
            rows = []
            for row in block[1]:
                if row[0] == "span":
                    cell = _w_cell(_w_par([(row[1], {"b": 1, "lang": lang})], rsid), 9355, span=2)
                    rows.append(f'<w:tr w:rsidR="{rsid()}">{cell}</w:tr>')
                    continue
                label, value = row
                lc = _w_cell(_w_par([(label, {"lang": lang})], rsid), 4395)
                vc = _w_cell(_w_par([(t, dict(p, lang=lang)) for t, p in _runs(value)], rsid), 4960)
                rows.append(f'<w:tr w:rsidR="{rsid()}">{lc}{vc}</w:tr>')
            borders = "".join(f'<w:{s} w:val="single" w:sz="4" w:space="0" w:color="auto"/>'
                              for s in ("top", "left", "bottom", "right", "insideH", "insideV"))
            body.append('<w:tbl><w:tblPr><w:tblW w:w="9355" w:type="dxa"/><w:tblBorders>' + borders +
                        '</w:tblBorders><w:tblLook w:val="04A0"/></w:tblPr><w:tblGrid><w:gridCol w:w="4395"/>'
                        '<w:gridCol w:w="4960"/></w:tblGrid>' + "".join(rows) + "</w:tbl>")
            body.append(_w_par([], rsid))
        elif kind == "choices":
            items, chosen, how = block[1], set(block[2]), block[3]
            for n, text in enumerate(items, 1):
                on = n in chosen
                if how == "X":
                    runs = ([("X ", {"b": 1})] if on else []) + [(f"{n}) {text}", {})]
                    body.append(_w_par([(t, dict(p, lang=lang)) for t, p in runs], rsid))
                elif how == "box":
                    runs = [("☒ " if on else "☐ ", {}), (f"{n}) ", {}), (text, {})]
                    body.append(_w_par([(t, dict(p, lang=lang)) for t, p in runs], rsid))
                elif how == "num":
                    uses_num = True
                    runs = [(text, {})] + ([(" ", {}), ("X", {"b": 1})] if on else [])
                    body.append(_w_par([(t, dict(p, lang=lang)) for t, p in runs], rsid, num=1))
                elif how == "formfield":
                    body.append(_w_par([(f"{n}) {text}", {"lang": lang})], rsid,
                                       extra=_w_checkbox(n + block[4] if len(block) > 4 else n, on, rsid)))
                else:
                    raise ValueError(how)
    sect = ('<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1134" w:right="850" w:bottom="1134" '
            'w:left="1701" w:header="708" w:footer="708" w:gutter="0"/><w:cols w:space="708"/></w:sectPr>')
    document = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n'
                f'<w:document {W_NS}><w:body>' + "".join(body) + sect + "</w:body></w:document>")
    ct = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n'
          '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
          '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
          '<Default Extension="xml" ContentType="application/xml"/>'
          '<Override PartName="/word/document.xml" '
          'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
          + ('<Override PartName="/word/numbering.xml" '
             'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/>'
             if uses_num else '') +
          '<Override PartName="/docProps/core.xml" '
          'ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>'
          '<Override PartName="/docProps/app.xml" '
          'ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/></Types>')
    rels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
            'extended-properties" Target="docProps/app.xml"/>'
            '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/'
            'core-properties" Target="docProps/core.xml"/>'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
            'officeDocument" Target="word/document.xml"/></Relationships>')
    doc_rels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n'
                '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                + ('<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
                   'relationships/numbering" Target="numbering.xml"/>' if uses_num else '') +
                '</Relationships>')
    numbering = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n'
                 '<w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
                 '<w:abstractNum w:abstractNumId="0"><w:multiLevelType w:val="hybridMultilevel"/>'
                 '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1)"/>'
                 '<w:lvlJc w:val="left"/><w:pPr><w:ind w:left="720" w:hanging="360"/></w:pPr></w:lvl>'
                 '</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>')
    core = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n'
            '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
            'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
            'xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
            f'<dc:title>{escape(title)}</dc:title><dc:creator>{escape(author)}</dc:creator>'
            f'<cp:lastModifiedBy>{escape(author)}</cp:lastModifiedBy><cp:revision>3</cp:revision>'
            '<dcterms:created xsi:type="dcterms:W3CDTF">2026-01-10T04:00:00Z</dcterms:created>'
            '<dcterms:modified xsi:type="dcterms:W3CDTF">2026-01-10T04:00:00Z</dcterms:modified>'
            '</cp:coreProperties>')
    app = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n'
           '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" '
           'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
           '<Template>Normal.dotm</Template><TotalTime>14</TotalTime><Pages>2</Pages>'
           '<Application>Microsoft Office Word</Application><AppVersion>16.0000</AppVersion></Properties>')
    members = [("[Content_Types].xml", ct.encode(), False), ("_rels/.rels", rels.encode(), False),
               ("word/document.xml", document.encode(), False),
               ("word/_rels/document.xml.rels", doc_rels.encode(), False)]
    if uses_num:
        members.append(("word/numbering.xml", numbering.encode(), False))
    members += [("docProps/core.xml", core.encode(), False), ("docProps/app.xml", app.encode(), False)]
    return _zip(members)


# ------------------------------------------------------------------------------------------- ODT

ODF_NS = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
          'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
          'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
          'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
          'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" '
          'xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" '
          'xmlns:dc="http://purl.org/dc/elements/1.1/" office:version="1.3"')


def _o_span(text, props):
    t = escape(text)
    # ODF collapses runs of spaces: a leading/trailing space survives inside text:s only when repeated;
    # single spaces between words are plain text.
    if props.get("u") and props.get("b"):
        return f'<text:span text:style-name="T3">{t}</text:span>'
    if props.get("u"):
        return f'<text:span text:style-name="T1">{t}</text:span>'
    if props.get("b"):
        return f'<text:span text:style-name="T2">{t}</text:span>'
    return t


def odt(blocks, lang="kk", country="KZ", title="", author=""):
    body = []
    tno = 0
    for block in blocks:
        kind = block[0]
        if kind == "h":
            body.append(f'<text:p text:style-name="P1"><text:span text:style-name="T2">{escape(block[1])}'
                        '</text:span></text:p>')
        elif kind == "p":
            body.append('<text:p text:style-name="P2">' + "".join(_o_span(t, p) for t, p in _runs(block[1])) +
                        "</text:p>")
        elif kind == "table":
            tno += 1
            rows = []
            for row in block[1]:
                if row[0] == "span":
                    rows.append('<table:table-row><table:table-cell table:style-name="Table1.A1" '
                                'table:number-columns-spanned="2" office:value-type="string">'
                                f'<text:p text:style-name="P3">{escape(row[1])}</text:p></table:table-cell>'
                                '<table:covered-table-cell/></table:table-row>')
                    continue
                label, value = row
                v = "".join(_o_span(t, p) for t, p in _runs(value))
                rows.append('<table:table-row><table:table-cell table:style-name="Table1.A1" '
                            f'office:value-type="string"><text:p text:style-name="P4">{escape(label)}</text:p>'
                            '</table:table-cell><table:table-cell table:style-name="Table1.A1" '
                            f'office:value-type="string"><text:p text:style-name="P4">{v}</text:p>'
                            '</table:table-cell></table:table-row>')
            body.append(f'<table:table table:name="Table{tno}" table:style-name="Table1">'
                        '<table:table-column table:style-name="Table1.A" table:number-columns-repeated="2"/>'
                        + "".join(rows) + "</table:table>")
        elif kind == "choices":
            items, chosen, how = block[1], set(block[2]), block[3]
            if how == "num":
                lis = "".join('<text:list-item><text:p text:style-name="P5">' + escape(t) +
                              (' <text:span text:style-name="T2">X</text:span>' if n in chosen else "") +
                              "</text:p></text:list-item>" for n, t in enumerate(items, 1))
                body.append(f'<text:list text:style-name="L1">{lis}</text:list>')
            else:
                for n, t in enumerate(items, 1):
                    mark = {"X": ("X " if n in chosen else ""), "box": ("☒ " if n in chosen else "☐ ")}[how]
                    body.append(f'<text:p text:style-name="P5">{escape(mark)}{n}) {escape(t)}</text:p>')
    auto = ('<office:automatic-styles>'
            '<style:style style:name="Table1" style:family="table"><style:table-properties style:width="16.5cm" '
            'table:align="margins"/></style:style>'
            '<style:style style:name="Table1.A" style:family="table-column"><style:table-column-properties '
            'style:column-width="8.25cm"/></style:style>'
            '<style:style style:name="Table1.A1" style:family="table-cell"><style:table-cell-properties '
            'fo:padding="0.097cm" fo:border="0.5pt solid #000000"/></style:style>'
            '<style:style style:name="P1" style:family="paragraph" style:parent-style-name="Standard">'
            '<style:paragraph-properties fo:text-align="center"/></style:style>'
            '<style:style style:name="P2" style:family="paragraph" style:parent-style-name="Standard">'
            '<style:paragraph-properties fo:text-align="justify"/></style:style>'
            '<style:style style:name="P3" style:family="paragraph" style:parent-style-name="Table_20_Contents">'
            '<style:text-properties fo:font-weight="bold"/></style:style>'
            '<style:style style:name="P4" style:family="paragraph" style:parent-style-name="Table_20_Contents"/>'
            '<style:style style:name="P5" style:family="paragraph" style:parent-style-name="Standard"/>'
            '<style:style style:name="T1" style:family="text"><style:text-properties '
            'style:text-underline-style="solid" style:text-underline-width="auto" '
            'style:text-underline-color="font-color"/></style:style>'
            '<style:style style:name="T2" style:family="text"><style:text-properties fo:font-weight="bold"/>'
            '</style:style>'
            '<style:style style:name="T3" style:family="text"><style:text-properties fo:font-weight="bold" '
            'style:text-underline-style="solid" style:text-underline-width="auto" '
            'style:text-underline-color="font-color"/></style:style>'
            '<text:list-style style:name="L1"><text:list-level-style-number text:level="1" '
            'style:num-suffix=")" style:num-format="1"><style:list-level-properties '
            'text:list-level-position-and-space-mode="label-alignment"><style:list-level-label-alignment '
            'text:label-followed-by="listtab" fo:text-indent="-0.635cm" fo:margin-left="1.27cm"/>'
            '</style:list-level-properties></text:list-level-style-number></text:list-style>'
            '</office:automatic-styles>')
    content = ('<?xml version="1.0" encoding="UTF-8"?>\n'
               f'<office:document-content {ODF_NS}><office:font-face-decls/>{auto}<office:body><office:text>'
               + "".join(body) + "</office:text></office:body></office:document-content>")
    styles = ('<?xml version="1.0" encoding="UTF-8"?>\n'
              f'<office:document-styles {ODF_NS}><office:styles>'
              '<style:default-style style:family="paragraph"><style:text-properties '
              f'style:font-name="Liberation Serif" fo:font-size="12pt" fo:language="{lang}" fo:country="{country}"/>'
              '</style:default-style><style:style style:name="Standard" style:family="paragraph" '
              'style:class="text"/><style:style style:name="Table_20_Contents" style:display-name="Table Contents" '
              'style:family="paragraph" style:parent-style-name="Standard" style:class="extra"/>'
              '</office:styles></office:document-styles>')
    meta = ('<?xml version="1.0" encoding="UTF-8"?>\n'
            f'<office:document-meta {ODF_NS}><office:meta>'
            '<meta:generator>LibreOffice/7.6.4.1$Windows_X86_64 LibreOffice_project/e19e193f88cd6c0525a17fb7a176ed8e6a3e2aa1'
            f'</meta:generator><dc:title>{escape(title)}</dc:title><meta:initial-creator>{escape(author)}'
            f'</meta:initial-creator><dc:creator>{escape(author)}</dc:creator>'
            '<meta:creation-date>2026-01-10T09:00:00</meta:creation-date><dc:date>2026-01-10T09:00:00</dc:date>'
            f'<dc:language>{lang}-{country}</dc:language></office:meta></office:document-meta>')
    manifest = ('<?xml version="1.0" encoding="UTF-8"?>\n'
                '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" '
                'manifest:version="1.3">'
                '<manifest:file-entry manifest:full-path="/" manifest:version="1.3" '
                'manifest:media-type="application/vnd.oasis.opendocument.text"/>'
                '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
                '<manifest:file-entry manifest:full-path="styles.xml" manifest:media-type="text/xml"/>'
                '<manifest:file-entry manifest:full-path="meta.xml" manifest:media-type="text/xml"/>'
                '</manifest:manifest>')
    return _zip([("mimetype", b"application/vnd.oasis.opendocument.text", True),
                 ("content.xml", content.encode(), False), ("styles.xml", styles.encode(), False),
                 ("meta.xml", meta.encode(), False), ("META-INF/manifest.xml", manifest.encode(), False)])


# ------------------------------------------------------------------------------ legacy .doc (OLE2)

def _cfb(streams):
    """A Compound File Binary (v3, 512-byte sectors) holding the given streams (each padded to >= 4096
    bytes so that no mini stream is needed). streams: list of (name, bytes)."""
    SECT, END, FREE, FATSECT, NOSTREAM = 512, 0xFFFFFFFE, 0xFFFFFFFF, 0xFFFFFFFD, 0xFFFFFFFF
    fat = [FATSECT]
    data = b""
    starts = []
    for _, s in streams:
        assert len(s) >= 4096 and len(s) % SECT == 0
        n = len(s) // SECT
        start = len(fat)
        starts.append(start)
        fat += [start + i + 1 for i in range(n - 1)] + [END]
        data += s
    dir_sector = len(fat)
    fat.append(END)
    fat += [FREE] * (128 - len(fat))

    def entry(name, typ, color, left, right, child, start, size):
        n = name.encode("utf-16-le") + b"\0\0"
        return (n.ljust(64, b"\0") + struct.pack("<HBBIII", len(n), typ, color, left, right, child) + b"\0" * 16 +
                struct.pack("<I", 0) + b"\0" * 16 + struct.pack("<IQ", start, size))

    # Root's child is the tree root (black); the shorter name sorts first, so it is the left child (red).
    names = [n for n, _ in streams]
    assert names == ["WordDocument", "1Table"]
    d = entry("Root Entry", 5, 1, NOSTREAM, NOSTREAM, 1, END, 0)
    d += entry("WordDocument", 2, 1, 2, NOSTREAM, NOSTREAM, starts[0], len(streams[0][1]))
    d += entry("1Table", 2, 0, NOSTREAM, NOSTREAM, NOSTREAM, starts[1], len(streams[1][1]))
    d += b"\0" * 64 + struct.pack("<HBBIII", 0, 0, 0, NOSTREAM, NOSTREAM, NOSTREAM) + b"\0" * 48
    header = (b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1" + b"\0" * 16 + struct.pack("<HHHHH", 0x3E, 3, 0xFFFE, 9, 6) +
              b"\0" * 6 + struct.pack("<IIIIIIIII", 0, 1, dir_sector, 0, 4096, END, 0, END, 0) +
              struct.pack("<I", 0) + struct.pack("<I", FREE) * 108)
    assert len(header) == 512 and len(d) == 512
    return header + struct.pack("<128I", *fat) + data + d


def legacy_doc(paragraphs, lid=0x0419):
    """A Word 97-2003 .doc: FIB (nFib 0xC1, 1Table), the text as one uncompressed (UTF-16LE) piece
    described by the piece table (CLX) in 1Table. Paragraphs end with CR. No formatting (no CHPX/PAPX
    bin tables, no stylesheet): text extractors that follow [MS-DOC] read it; Word itself may repair it."""
    text = "\r".join(paragraphs) + "\r"
    ccp = len(text)
    fc_text = 0x400
    raw = text.encode("utf-16-le")
    size = max(4096, fc_text + len(raw))
    size = (size + 511) // 512 * 512
    fib_base = struct.pack("<HHHHHHHIBBHHII", 0xA5EC, 0x00C1, 0, lid, 0, 0x1200, 0x00BF, 0, 0, 0, 0, 0, 0, 0)
    assert len(fib_base) == 32
    rg_w = struct.pack("<H", 14) + b"\0" * 26 + struct.pack("<H", lid)
    lw = [0] * 22
    lw[0] = size  # cbMac
    lw[3] = ccp  # ccpText
    rg_lw = struct.pack("<H", 22) + struct.pack("<22I", *lw)
    clx = struct.pack("<B", 2) + struct.pack("<I", 8 + 8) + struct.pack("<II", 0, ccp) + \
        struct.pack("<HIH", 0, fc_text, 0)  # Pcd: fc with fCompressed = 0 (UTF-16)
    fclcb = [0] * (93 * 2)
    fclcb[33 * 2] = 0  # fcClx (offset in 1Table)
    fclcb[33 * 2 + 1] = len(clx)  # lcbClx
    rg_fclcb = struct.pack("<H", 93) + struct.pack(f"<{93 * 2}I", *fclcb)
    fib = fib_base + rg_w + rg_lw + rg_fclcb + struct.pack("<H", 0)
    assert len(fib) < fc_text
    word = (fib.ljust(fc_text, b"\0") + raw).ljust(size, b"\0")
    table = clx.ljust(4096, b"\0")
    return _cfb([("WordDocument", word), ("1Table", table)])


def doc_text(blob):
    """Reads back what legacy_doc wrote (used only to validate): follows CFB + FIB + CLX."""
    assert blob[:8] == b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1"
    fat = struct.unpack("<128I", blob[512:1024])
    dir_start = struct.unpack("<I", blob[48:52])[0]
    d = blob[512 + dir_start * 512: 512 + dir_start * 512 + 512]
    streams = {}
    for i in range(4):
        e = d[i * 128:(i + 1) * 128]
        nlen = struct.unpack("<H", e[64:66])[0]
        name = e[:max(nlen - 2, 0)].decode("utf-16-le")
        start, size = struct.unpack("<IQ", e[116:128])
        if e[66] == 2:
            out, s = b"", start
            while s < 0xFFFFFFF0:
                out += blob[512 + s * 512: 512 + (s + 1) * 512]
                s = fat[s]
            streams[name] = out[:size]
    w = streams["WordDocument"]
    assert struct.unpack("<H", w[:2])[0] == 0xA5EC
    ccp = struct.unpack("<I", w[34 + 28 + 2 + 12: 34 + 28 + 2 + 16])[0]
    fc_clx, lcb = struct.unpack("<II", w[154 + 33 * 8: 154 + 33 * 8 + 8])
    t = streams["1Table"][fc_clx:fc_clx + lcb]
    assert t[0] == 2
    cp0, cp1 = struct.unpack("<II", t[5:13])
    fc = struct.unpack("<I", t[15:19])[0] & 0x3FFFFFFF
    return w[fc:fc + 2 * (cp1 - cp0)].decode("utf-16-le")[:ccp]


# ------------------------------------------------------------------------------ image-only scans

def _bits_to_bytes(bits):
    bits += "1" * (-len(bits) % 8)
    out = bytearray()
    for i in range(0, len(bits), 8):
        b = int(bits[i:i + 8], 2)
        out.append(b)
        if b == 0xFF:
            out.append(0)  # byte stuffing
    return bytes(out)


DC_CODES = ["00", "010", "011", "100", "101", "110", "1110", "11110", "111110", "1111110", "11111110",
            "111111110"]  # ITU T.81 Table K.3 (luminance DC)


def page_jpeg(width=248, height=352, seed=7):
    """A baseline greyscale JPEG that looks like a scanned page: white paper with grey 'text lines'.
    Each 8x8 block is flat, so only DC coefficients are coded (AC table holds only EOB)."""
    bw, bh = width // 8, height // 8
    bits = []
    prev = 0
    state = seed
    for by in range(bh):
        for bx in range(bw):
            state = (state * 1103515245 + 12345) % (1 << 31)
            line = 3 <= by < bh - 4 and by % 3 != 0 and 3 <= bx < bw - 3
            # a line of "words": dark blocks with gaps
            v = 232 if not line or (state >> 16) % 6 == 0 else 96 + (state >> 8) % 40
            if by >= bh - 6 and bx > bw // 2 and by % 3 != 0:  # signature scribble
                v = 60
            dc = (v - 128)  # with Q[0] = 8, DC coefficient 8*(v-128) quantises to v-128
            diff = dc - prev
            prev = dc
            cat = abs(diff).bit_length()
            extra = ""
            if cat:
                val = diff if diff > 0 else diff + (1 << cat) - 1
                extra = format(val, f"0{cat}b")
            bits.append(DC_CODES[cat] + extra + "0")  # "0" = EOB in the one-symbol AC table
    scan = _bits_to_bytes("".join(bits))
    seg = lambda marker, payload: marker + struct.pack(">H", len(payload) + 2) + payload
    app0 = seg(b"\xFF\xE0", b"JFIF\0\x01\x01\x01\x00\x96\x00\x96\x00\x00")  # 150 dpi
    com = seg(b"\xFF\xFE", b"CamScanner-like page scan")
    dqt = seg(b"\xFF\xDB", b"\x00" + bytes([8] * 64))
    sof = seg(b"\xFF\xC0", b"\x08" + struct.pack(">HH", height, width) + b"\x01\x01\x11\x00")
    dht_dc = seg(b"\xFF\xC4", b"\x00" + bytes([0, 1, 5, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0]) + bytes(range(12)))
    dht_ac = seg(b"\xFF\xC4", b"\x10" + bytes([1] + [0] * 15) + b"\x00")
    sos = seg(b"\xFF\xDA", b"\x01\x01\x00\x00\x3F\x00")
    return b"\xFF\xD8" + app0 + com + dqt + sof + dht_dc + dht_ac + sos + scan + b"\xFF\xD9"


def scan_pdf(pages, title="Scan", producer="HP Scan"):
    """An image-only PDF: each page is a JPEG (DCTDecode) drawn over an A4 page, no text at all."""
    objs = []

    def add(body):
        objs.append(body)
        return len(objs)

    catalog = add(None)
    pages_id = add(None)
    kids = []
    for jpg in pages:
        w, h = struct.unpack(">HH", jpg[jpg.index(b"\xFF\xC0") + 5: jpg.index(b"\xFF\xC0") + 9])[::-1]
        img = add(f"<< /Type /XObject /Subtype /Image /Width {w} /Height {h} /ColorSpace /DeviceGray "
                  f"/BitsPerComponent 8 /Filter /DCTDecode /Length {len(jpg)} >>\nstream\n".encode() + jpg +
                  b"\nendstream")
        content = b"q 595 0 0 842 0 0 cm /Im0 Do Q"
        cid = add(f"<< /Length {len(content)} >>\nstream\n".encode() + content + b"\nendstream")
        kids.append(add(f"<< /Type /Page /Parent {pages_id} 0 R /MediaBox [0 0 595 842] /Resources << /XObject "
                        f"<< /Im0 {img} 0 R >> >> /Contents {cid} 0 R >>".encode()))
    objs[catalog - 1] = f"<< /Type /Catalog /Pages {pages_id} 0 R >>".encode()
    objs[pages_id - 1] = (f"<< /Type /Pages /Kids [{' '.join(f'{k} 0 R' for k in kids)}] "
                          f"/Count {len(kids)} >>").encode()
    info = add(f"<< /Title ({title}) /Producer ({producer}) /CreationDate (D:20260115103000+05'00') >>".encode())
    out = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n"
    offsets = []
    for n, body in enumerate(objs, 1):
        offsets.append(len(out))
        out += f"{n} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objs) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{o:010d} 00000 n \n".encode() for o in offsets)
    out += (f"trailer\n<< /Size {len(objs) + 1} /Root {catalog} 0 R /Info {info} 0 R >>\n"
            f"startxref\n{xref}\n%%EOF\n").encode()
    return out
