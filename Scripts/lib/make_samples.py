"""Makes avance's PDF and HTML samples (run through Scripts/make-samples), and the Markdown
twins of the PDF layout samples (ipcen-*, ivecol-*).

Every report here is written the way institutions publish them: Word-like PDFs with a
two-column table of labels and values, running headers and footers, headings set larger
than the text or in bold at its size, signatures side by side; Excel-like tables printed in
landscape; HTML pages with <b>Label:</b> pairs and tables.
"""

import html
import io
import os
import re
import sys

from PIL import Image, ImageDraw
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import letter
from reportlab.lib.pdfencrypt import StandardEncryption
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas as pdfcanvas
from reportlab.platypus import (
    KeepTogether, PageBreak, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle,
)

FONT_DIR = "/usr/share/fonts/truetype/dejavu"
pdfmetrics.registerFont(TTFont("DejaVu", os.path.join(FONT_DIR, "DejaVuSans.ttf")))
pdfmetrics.registerFont(TTFont("DejaVu-Bold", os.path.join(FONT_DIR, "DejaVuSans-Bold.ttf")))
pdfmetrics.registerFontFamily("DejaVu", normal="DejaVu", bold="DejaVu-Bold", italic="DejaVu", boldItalic="DejaVu-Bold")

BODY = ParagraphStyle("body", fontName="DejaVu", fontSize=9.5, leading=12.5, spaceAfter=7)
LABEL = ParagraphStyle("label", parent=BODY, fontName="DejaVu-Bold", spaceAfter=0)
VALUE = ParagraphStyle("value", parent=BODY, spaceAfter=0)
CELL = ParagraphStyle("cell", parent=BODY, fontSize=8, leading=10, spaceAfter=0)
HEAD_CELL = ParagraphStyle("headcell", parent=CELL, fontName="DejaVu-Bold")
HEADINGS = {
    1: ParagraphStyle("h1", parent=BODY, fontName="DejaVu-Bold", fontSize=15, leading=19, spaceBefore=8, spaceAfter=9),
    2: ParagraphStyle("h2", parent=BODY, fontName="DejaVu-Bold", fontSize=13.5, leading=17, spaceBefore=8, spaceAfter=8),
    3: ParagraphStyle("h3", parent=BODY, fontName="DejaVu-Bold", fontSize=12.5, leading=16, spaceBefore=6, spaceAfter=7),
    4: ParagraphStyle("h4", parent=BODY, fontName="DejaVu-Bold", fontSize=11.5, leading=15, spaceBefore=6, spaceAfter=7),
}
SIGNATURE = ParagraphStyle("signature", parent=BODY, alignment=TA_CENTER, spaceAfter=0)
RUNNING = ParagraphStyle("running", parent=BODY, fontSize=7.5)


# ---------------------------------------------------------------------------
# The original report, read into blocks once, written out as HTML and as PDF.

def inline(md):
    """Markdown-ish inline text of the original to the tags HTML and ReportLab share."""
    md = md.rstrip()
    out = html.escape(md, quote=False)
    out = out.replace("&lt;b&gt;", "<b>").replace("&lt;/b&gt;", "</b>")
    out = re.sub(r"&lt;(https?://[^\s&]+)&gt;", lambda m: '<a href="%s">%s</a>' % (m.group(1), m.group(1)), out)
    out = re.sub(r"\*\*(.+?)\*\*", r"<b>\1</b>", out)
    return out.strip()


def read_original(path):
    """Blocks of the original: ('field', label, value), ('heading', level, text),
    ('para', [lines]), ('picture',)."""
    blocks, para = [], []

    def flush():
        if para:
            blocks.append(("para", list(para)))
            para.clear()

    lines = open(path, encoding="utf-8").read().split("\n")
    blank_run = 0
    for raw in lines:
        line = raw.rstrip("\n")
        if not line.strip():
            flush()
            blank_run += 1
            # Two or more blank lines before a caption stand where the picture was.
            continue
        if blank_run >= 2 and blocks and line.lstrip().startswith(("**Imagen", "Imagen")):
            blocks.append(("picture",))
        blank_run = 0
        m = re.match(r"<b>([^<]+):</b>\t(.*)$", line)
        if m:
            flush()
            blocks.append(("field", m.group(1), inline(m.group(2))))
            continue
        m = re.match(r"(#{1,6})\s+(.*)$", line)
        if m:
            flush()
            text = re.sub(r"\*\*", "", m.group(2)).strip()
            blocks.append(("heading", len(m.group(1)), html.escape(text, quote=False)))
            continue
        para.append(inline(line))
    flush()
    return blocks


def original_html(blocks, title):
    out = [
        "<!DOCTYPE html>",
        '<html lang="es">',
        "<head>",
        '<meta charset="utf-8">',
        "<title>%s</title>" % title,
        "<style>body { font-family: sans-serif; } td { vertical-align: top; }</style>",
        "</head>",
        "<body>",
    ]
    for b in blocks:
        if b[0] == "field":
            out.append("<p><b>%s:</b> %s</p>" % (b[1], b[2]))
        elif b[0] == "heading":
            out.append("<h%d>%s</h%d>" % (b[1], b[2], b[1]))
        elif b[0] == "para":
            out.append("<p>" + "<br>\n".join(b[1]) + "</p>")
        elif b[0] == "picture":
            out.append('<p><img src="imagen.jpg" alt="Fotografía"></p>')
    out += ["</body>", "</html>", ""]
    return "\n".join(out)


class NumberedCanvas(pdfcanvas.Canvas):
    """Draws 'Página N de M' and a running header once the page count is known."""

    header_lines = []

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._saved = []

    def showPage(self):
        self._saved.append(dict(self.__dict__))
        self._startPage()

    def save(self):
        total = len(self._saved)
        for state in self._saved:
            self.__dict__.update(state)
            self._running(total)
            super().showPage()
        super().save()

    def _running(self, total):
        width, height = letter
        self.setFont("DejaVu", 7.5)
        y = height - 1.2 * cm
        for line in self.header_lines:
            self.drawString(2 * cm, y, line)
            y -= 10
        self.setStrokeColor(colors.grey)
        self.line(2 * cm, y + 4, width - 2 * cm, y + 4)
        self.drawRightString(width - 2 * cm, 1.2 * cm, "Página %d de %d" % (self._pageNumber, total))


def canvas_with(header_lines):
    return type("Canvas", (NumberedCanvas,), {"header_lines": header_lines})


def picture():
    """A grey box where a photograph stands: an image, not text."""
    t = Table([[""]], colWidths=[9 * cm], rowHeights=[4.5 * cm])
    t.setStyle(TableStyle([("BACKGROUND", (0, 0), (-1, -1), colors.lightgrey)]))
    return t


def field_table(rows):
    """Word's usual header: a two-column table, labels in bold on the left."""
    data = [[Paragraph(label + ":", LABEL), Paragraph(value, VALUE)] for label, value in rows]
    t = Table(data, colWidths=[4.6 * cm, 12.4 * cm])
    t.setStyle(TableStyle([
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
        ("GRID", (0, 0), (-1, -1), 0.25, colors.grey),
    ]))
    return t


def data_table(header, rows, widths):
    data = [[Paragraph(h, HEAD_CELL) for h in header]] + [[Paragraph(c, CELL) for c in r] for r in rows]
    t = Table(data, colWidths=widths, repeatRows=1)
    t.setStyle(TableStyle([
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("GRID", (0, 0), (-1, -1), 0.25, colors.grey),
        ("BACKGROUND", (0, 0), (-1, 0), colors.whitesmoke),
        ("TOPPADDING", (0, 0), (-1, -1), 4),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 9),
    ]))
    return t


def signatures(people):
    """Signature blocks side by side, as Word tables put them."""
    cells = [[Paragraph("<br/>".join(lines), SIGNATURE) for lines in people]]
    t = Table(cells, colWidths=[8.5 * cm] * len(people))
    t.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("TOPPADDING", (0, 0), (-1, -1), 30)]))
    return t


def build_pdf(path, story, header_lines, encrypt=None, title="Informe"):
    doc = SimpleDocTemplate(
        path, pagesize=letter, leftMargin=2 * cm, rightMargin=2 * cm, topMargin=2.6 * cm,
        bottomMargin=2.2 * cm, invariant=1, title=title, author="avance samples", encrypt=encrypt,
    )
    doc.build(story, canvasmaker=canvas_with(header_lines))


def original_pdf(blocks, path):
    story = []
    fields = [(b[1], b[2]) for b in blocks if b[0] == "field"]
    story.append(field_table(fields))
    story.append(Spacer(1, 10))
    for b in blocks:
        if b[0] == "heading":
            story.append(Paragraph(b[2], HEADINGS[min(b[1], 4)]))
        elif b[0] == "para":
            lines = b[1]
            signature = lines[0].startswith("<b>Mtra.") or lines[0].startswith("<b>Lic.")
            story.append(Paragraph("<br/>".join(lines), BODY))
            if signature:
                story.append(Spacer(1, 8))
        elif b[0] == "picture":
            story.append(picture())
            story.append(Spacer(1, 6))
    build_pdf(path, story, ["Secretaría Ejecutiva del Sistema Anticorrupción del Estado de Quintana Roo",
                            "Informe de avance de indicadores"], title="Avance de indicadores")


# ---------------------------------------------------------------------------
# A multi-page Word-like report: running header and footer, a table of targets, a
# page break inside a section, a word hyphenated at a line's end, ligatures,
# non-breaking spaces, signatures side by side.

MULTI_FIELDS = [
    ("Dependencia", "Instituto Quintanarroense de la Mujer (IQM)"),
    ("Programa presupuestario", "E001 - Igualdad Sustantiva entre Mujeres y Hombres"),
    ("Componente", "C02 - Capacitaciones en perspectiva de género impartidas a personas servidoras públicas."),
    ("Actividad", "C02.A01 - Impartición de talleres de sensibilización en igualdad de género."),
    ("Indicador", "I01 - Número de talleres de sensibilización impartidos."),
    ("Descripción del indicador", "Mide los talleres de sensibilización en igualdad de género impartidos a personas servidoras públicas estatales y municipales."),
    ("Trimestre", "Segundo Trimestre 2024"),
    ("Unidad responsable", "Dirección de Capacitación (DC)."),
]


def multipage_pdf(path):
    story = [field_table(MULTI_FIELDS), Spacer(1, 12)]
    story.append(Paragraph("Metas del indicador", HEADINGS[3]))
    story.append(data_table(
        ["Unidad de medida", "Meta anual", "Meta al periodo", "Avance al periodo", "% de cumplimiento"],
        [["talleres", "12", "3", "3", "100%"]],
        [3.8 * cm, 2.9 * cm, 3.2 * cm, 3.4 * cm, 3.7 * cm],
    ))
    story.append(Spacer(1, 8))
    story.append(Paragraph(
        "Durante el segundo trimestre de 2024 el Instituto impartió los talleres programados, con el "
        "objetivo de identiﬁcar prácticas discriminatorias en el servicio público y de fortalecer la coordi-<br/>"
        "nación con las dependencias y los municipios del Estado.", BODY))
    story.append(Paragraph("Resultados alcanzados", HEADINGS[2]))
    story.append(Paragraph("Taller de sensibilización con la Secretaría de Finanzas y Planeación", HEADINGS[4]))
    story.append(Paragraph(
        "El 15 de abril de 2024 se impartió el taller «Igualdad sustantiva en el servicio público» a 35\u00a0personas "
        "servidoras públicas de la Secretaría de Finanzas y Planeación (SEFIPLAN), con una duración de cuatro horas.", BODY))
    story.append(picture())
    story.append(Paragraph("Imagen 1. Taller con personal de la SEFIPLAN.", BODY))
    story.append(Paragraph("Taller de sensibilización en el Ayuntamiento de Benito Juárez", HEADINGS[4]))
    story.append(Paragraph(
        "El 20 de mayo de 2024 se llevó a cabo el taller en las instalaciones del Ayuntamiento de Benito Juárez, "
        "con la asistencia de 42 personas de las áreas de atención ciudadana.", BODY))
    story.append(PageBreak())
    story.append(Paragraph(
        "Las personas participantes elaboraron un plan de acción para la reﬂexión sobre el lenguaje incluyente "
        "en los trámites municipales, que se revisará en el siguiente trimestre.", BODY))
    story.append(picture())
    story.append(Paragraph("Imagen 2. Taller en el Ayuntamiento de Benito Juárez.", BODY))
    story.append(Paragraph("Taller para el Tribunal Superior de Justicia del Estado de Quintana Roo", HEADINGS[4]))
    story.append(Paragraph(
        "El 12 de junio de 2024 se impartió el tercer taller del trimestre al personal jurisdiccional del Tribunal "
        "Superior de Justicia del Estado de Quintana Roo, con lo que se alcanzó la meta del periodo.", BODY))
    story.append(Spacer(1, 20))
    story.append(KeepTogether(signatures([
        ["Mtra. Laura Méndez Castillo", "Directora de Capacitación"],
        ["Lic. Jorge Pérez Ramírez", "Jefe del Departamento de Seguimiento"],
    ])))
    build_pdf(path, story, ["Instituto Quintanarroense de la Mujer", "Avance de indicadores para resultados"],
              title="Avance de indicadores IQM")


# ---------------------------------------------------------------------------
# A tabular report: one indicator per row.

TABLE_FIELDS = [
    ("Dependencia", "Secretaría Ejecutiva del Sistema Anticorrupción del Estado de Quintana Roo (SESAEQROO)"),
    ("Programa presupuestario", "O002 - Fortalecimiento de las Capacidades Institucionales en Materia Anticorrupción"),
    ("Periodo", "Julio-Septiembre 2024"),
    ("Unidad responsable", "Dirección de Vinculación Interinstitucional (DVI)"),
]
TABLE_HEADER = ["Nivel", "Indicador", "Unidad de medida", "Meta anual", "Meta al periodo", "Avance", "%"]
TABLE_ROWS = [
    ["Componente", "I01 - Porcentaje de convenios de colaboración firmados", "porcentaje", "100", "50", "50", "100%"],
    ["Actividad", "I02 - Número de mesas de trabajo realizadas", "mesas", "8", "4", "3", "75%"],
    ["Actividad", "I03 - Número de capacitaciones impartidas", "capacitaciones", "12", "6", "5", "90%"],
]


def tabular_html():
    rows = "\n".join(
        "<tr>" + "".join("<td>%s</td>" % html.escape(c) for c in r) + "</tr>" for r in TABLE_ROWS
    )
    fields = "\n".join("<p><b>%s:</b> %s</p>" % (l, html.escape(v)) for l, v in TABLE_FIELDS)
    return """<!DOCTYPE html>
<html lang="es">
<head>
<meta charset="utf-8">
<title>Avance de Indicadores para Resultados</title>
<style>table { border-collapse: collapse; } td, th { border: 1px solid #999; padding: 4px; }</style>
<script>document.title = "Meta anual: 999";</script>
</head>
<body>
<h1>Avance de Indicadores para Resultados</h1>
%s
<table>
<thead>
<tr>%s</tr>
</thead>
<tbody>
%s
</tbody>
</table>
<!-- Meta al periodo: 999 (un comentario que no es texto del informe) -->
</body>
</html>
""" % (fields, "".join("<th>%s</th>" % h for h in TABLE_HEADER), rows)


def tabular_pdf(path):
    story = [Paragraph("Avance de Indicadores para Resultados", HEADINGS[1])]
    for label, value in TABLE_FIELDS:
        story.append(Paragraph("<b>%s:</b> %s" % (label, html.escape(value)), BODY))
    story.append(Spacer(1, 8))
    story.append(data_table(TABLE_HEADER, TABLE_ROWS,
                            [2.4 * cm, 5.0 * cm, 2.8 * cm, 1.6 * cm, 1.9 * cm, 1.7 * cm, 1.6 * cm]))
    build_pdf(path, story, ["Secretaría Ejecutiva del Sistema Anticorrupción del Estado de Quintana Roo"],
              title="Avance de indicadores")


# ---------------------------------------------------------------------------
# A legacy page in Windows-1252 with no charset declared.

CP1252_HTML = """<html>
<head>
<title>Informe trimestral</title>
</head>
<body>
<h1>Instituto Quintanarroense de la Mujer</h1>
<h2>Informe de avance del indicador</h2>
<table>
<tr><td><b>Programa presupuestario:</b></td><td>E001 – Igualdad Sustantiva entre Mujeres y Hombres</td></tr>
<tr><td><b>Componente:</b></td><td>C01 - Atención a mujeres en situación de violencia brindada.</td></tr>
<tr><td><b>Actividad:</b></td><td>C01.A02 - Difusión de los servicios de atención en los municipios.</td></tr>
<tr><td><b>Indicador:</b></td><td>01 - Número de jornadas de difusión realizadas.</td></tr>
<tr><td><b>Trimestre:</b></td><td>1er. Trimestre 2024</td></tr>
<tr><td><b>Unidad responsable:</b></td><td>Departamento de Difusión.</td></tr>
</table>
<p>La meta anual programada por el Instituto Quintanarroense de la Mujer es de 8 jornadas, de las cuales la meta del primer trimestre es de 2 jornadas; se realizaron 2, con lo que se alcanzó el 100% de lo programado.</p>
<h3>Jornada de difusión en Felipe Carrillo Puerto</h3>
<p>El 14 de febrero de 2024 se realizó la jornada “Mujeres informadas, mujeres seguras” en coordinación con el Ayuntamiento de Felipe Carrillo Puerto.</p>
<h3>Jornada de difusión en José María Morelos</h3>
<p>El 21 de marzo de 2024 se llevó a cabo la segunda jornada en la cabecera municipal, con el apoyo de la Fiscalía General del Estado de Quintana Roo.</p>
<p><b>Lic. Ana Lucía Cervera Poot</b><br>
Jefa del Departamento de Difusión</p>
</body>
</html>
"""


# ---------------------------------------------------------------------------
# An HTML page saved under a .pdf name.

HTML_AS_PDF = """<!DOCTYPE html>
<html lang="es">
<head><meta charset="utf-8"><title>Informe</title></head>
<body>
<p><b>Dependencia:</b> Instituto de Acceso a la Información y Protección de Datos Personales de Quintana Roo (IDAIPQROO)</p>
<p><b>Programa presupuestario:</b> K025 - Infraestructura para la Transparencia</p>
<p><b>Indicador:</b> 02 - Número de sitios de consulta habilitados.</p>
<p><b>Trimestre:</b> 4to. Trimestre 2023</p>
<p><b>Unidad responsable:</b> Unidad de Transparencia (UT).</p>
<p>La meta anual es de 4 sitios; la meta del cuarto trimestre es de 1 sitio y se habilitó 1.</p>
<h3>Sitio de consulta en Chetumal</h3>
<p>El 5 de diciembre de 2023 se habilitó el sitio de consulta en la biblioteca de la Universidad de Quintana Roo.</p>
</body>
</html>
"""


# ---------------------------------------------------------------------------
# Quarterly reports of one indicator for the audit's series (Samples/series/): the other
# quarters are the text, HTML and Markdown files written by hand beside them.

ICATEY = "Instituto de Capacitación para el Trabajo del Estado de Yucatán"
ICATEY_FIELDS = [
    ("Institución", ICATEY + " (ICATEY)"),
    ("Programa presupuestario", "E023 - Capacitación para el trabajo"),
    ("Componente", "C01 - Cursos de capacitación para el trabajo impartidos"),
    ("Actividad", "C01.A02 - Impartición de cursos en comunidades rurales"),
    ("Indicador", "01 - Número de cursos impartidos en comunidades rurales"),
    ("Trimestre", "3er. Trimestre 2024"),
    ("Unidad responsable", "Dirección de Vinculación (DV)"),
]
COBAY = "Colegio de Bachilleres del Estado de Yucatán"
COBAY_FIELDS = [
    ("Dependencia", COBAY + " (COBAY)"),
    ("Programa presupuestario", "E031 - Educación media superior"),
    ("Componente", "C03 - Orientación educativa otorgada"),
    ("Actividad", "C03.A01 - Realización de jornadas de orientación vocacional"),
    ("Indicador", "I02 - Número de jornadas de orientación vocacional realizadas"),
    ("Periodo", "Octubre-Diciembre 2023"),
    ("Unidad responsable", "Departamento de Orientación Educativa"),
]


def series_pdf(path, letterhead, fields, targets, paragraph, signer):
    """A one-page ficha: the header and the targets as Word's two-column tables."""
    story = [Paragraph(html.escape(letterhead[0]), HEADINGS[2]), Paragraph(html.escape(letterhead[1]), BODY),
             field_table([(l, html.escape(v)) for l, v in fields]), Spacer(1, 10),
             field_table([(l, html.escape(v)) for l, v in targets]), Spacer(1, 10),
             Paragraph(html.escape(paragraph), BODY), Spacer(1, 16),
             Paragraph("<br/>".join(html.escape(line) for line in signer), BODY)]
    build_pdf(path, story, [letterhead[0]], title=letterhead[1])


def icatey_corrected_pdf(path):
    """The third quarter's report again, 'corrected', with another achieved figure."""
    series_pdf(path, [ICATEY, "Ficha de seguimiento del indicador (versión corregida)"], ICATEY_FIELDS, [
        ("Unidad de medida", "Cursos"), ("Meta anual", "20"), ("Meta acumulada al trimestre", "14"),
        ("Avance acumulado", "13"), ("Porcentaje de cumplimiento", "92.9%"),
    ], "Se agregó el curso de carpintería concluido en Tekax, que no se había contabilizado en la versión anterior de esta ficha.",
        ["Lic. Mariana Pech Dzul", "Directora de Vinculación"])


def cobay_fourth_quarter_pdf(path):
    series_pdf(path, [COBAY, "Seguimiento de indicadores de la MIR 2023"], COBAY_FIELDS, [
        ("Meta anual", "12"), ("Meta del trimestre", "4"), ("Meta alcanzada", "4"), ("Porcentaje de cumplimiento", "100%"),
    ], "Las jornadas se realizaron en los planteles de Valladolid, Tekax, Peto y Oxkutzcab, con la asistencia de 505 estudiantes.",
        ["Mtra. Rosa Elena Canché Ku", "Jefa del Departamento de Orientación Educativa"])


# ---------------------------------------------------------------------------
# Broken PDFs.

def scanned_pdf(path):
    """A page that is only a picture of text, as a scanner makes it: no text layer."""
    img = Image.new("L", (850, 1100), 255)
    draw = ImageDraw.Draw(img)
    y = 90
    for n in range(30):
        width = 650 if n % 6 != 5 else 380
        draw.rectangle([100, y, 100 + width, y + 12], fill=60)
        y += 30
    buffer = io.BytesIO()
    img.save(buffer, format="PNG", optimize=False)
    buffer.seek(0)
    from reportlab.lib.utils import ImageReader
    c = pdfcanvas.Canvas(path, pagesize=letter, invariant=1)
    c.drawImage(ImageReader(buffer), 0, 0, width=letter[0], height=letter[1])
    c.showPage()
    c.save()


def encrypted_pdf(path):
    story = [field_table(MULTI_FIELDS[:4]), Paragraph("Documento protegido con contraseña.", BODY)]
    build_pdf(path, story, ["Instituto Quintanarroense de la Mujer"],
              encrypt=StandardEncryption("usuario-2024", ownerPassword="propietario-2024", canPrint=1, canCopy=0),
              title="Cifrado")


# ---------------------------------------------------------------------------
# PDF layout samples (issue 10): each drawn as a PDF and written as a Markdown twin with
# the same content, so that the PDF's record must equal the twin's field by field.

def markdown_link(text):
    """'Nota: https://...' as the Markdown twin writes it: the address in angle brackets."""
    return re.sub(r"(https?://\S+)", r"<\1>", text)


# A Word-like narrative report: section headings in bold at the body's size (not larger),
# a two-column label/value header whose labels wrap onto two lines, the title repeated as a
# running header on both pages, a page-number footer, signatures side by side.

IPCEN_TITLE = ["INFORME TRIMESTRAL DE AVANCE DE INDICADORES", "TERCER TRIMESTRE 2025"]
IPCEN_FIELDS = [
    ("Dependencia", "Instituto de Protección Civil del Estado de Nayarit (IPCEN)"),
    ("Programa presupuestario", "E037 - Gestión integral del riesgo de desastres"),
    ("Componente", "C03 - Cultura de la protección civil fomentada en la población"),
    ("Actividad", "C03.A02 - Coordinación de simulacros de evacuación en inmuebles públicos, escuelas y "
                  "centros de trabajo del estado"),
    ("Indicador", "I05 - Número de simulacros de evacuación coordinados"),
    ("Descripción del indicador", "Simulacros de evacuación por sismo, incendio o huracán coordinados con "
                                  "dependencias, escuelas y municipios, con informe de resultados firmado."),
    ("Trimestre", "Julio-Septiembre 2025"),
    ("Unidad responsable", "Dirección de Capacitación y Cultura de la Protección Civil"),
]
IPCEN_TARGETS = (
    "La meta anual programada para esta actividad es de 12 simulacros. La meta programada para el tercer "
    "trimestre fue de 4 simulacros y se realizaron 4 simulacros, lo que representa un cumplimiento del 100% "
    "de lo programado para el periodo."
)
# (heading, paragraphs); a paragraph starting "Nota:" carries the link.
IPCEN_SECTIONS = [
    ("Simulacro de evacuación en la Universidad Autónoma de Nayarit", [
        "El 8 de julio de 2025 el IPCEN coordinó un simulacro de evacuación por sismo en las instalaciones de la "
        "Universidad Autónoma de Nayarit (UAN), con la participación de 1,240 estudiantes y 85 trabajadores; el "
        "desalojo total de los edificios se logró en 4 minutos con 10 segundos.",
        "Las brigadas internas de la UAN recibieron previamente una plática sobre rutas de evacuación, puntos de "
        "reunión y uso de extintores, y al término se levantó el acta de evaluación del ejercicio.",
        "Nota: https://ipcen.nayarit.gob.mx/noticias/simulacro-uan-2025",
    ]),
    ("Simulacro de sismo en el Hospital Civil de Tepic", [
        "El 14 de agosto de 2025, en coordinación con la Secretaría de Salud del Estado de Nayarit, se realizó un "
        "simulacro de sismo con hipótesis de magnitud 7.2 en el Hospital Civil de Tepic, que incluyó la "
        "evacuación horizontal de 36 pacientes hacia las zonas de menor riesgo del inmueble.",
        "El personal del hospital activó por primera vez su plan de respuesta hospitalaria ante desastres, con la "
        "supervisión de observadores del IPCEN.",
        "Nota: https://ipcen.nayarit.gob.mx/noticias/simulacro-hospital-civil",
    ]),
    ("Simulacro Nacional 2025 en Bahía de Banderas", [
        "El 19 de septiembre de 2025, en el marco del Simulacro Nacional, el IPCEN y el Ayuntamiento de Bahía de "
        "Banderas coordinaron la evacuación de 14 escuelas y de la presidencia municipal, con 6,380 personas "
        "participantes y un tiempo promedio de respuesta de 3 minutos.",
        "La evaluación del ejercicio identificó dos rutas de evacuación obstruidas en la presidencia municipal, que "
        "el Ayuntamiento se comprometió a liberar antes del cierre del año, así como la necesidad de reforzar la "
        "señalización de los puntos de reunión en las escuelas de la zona costera.",
        "Nota: https://ipcen.nayarit.gob.mx/noticias/simulacro-nacional-2025",
    ]),
    ("Simulacro de incendio en el Palacio de Justicia de Tepic", [
        "El 26 de septiembre de 2025 se realizó un simulacro de incendio en el Palacio de Justicia de Tepic, sede "
        "del Tribunal Superior de Justicia del Estado de Nayarit, con la evacuación de 412 personas servidoras "
        "públicas. El recorrido previo de verificación de rutas de evacuación se llevó a cabo el 30 de junio de "
        "2025.",
        "Nota: https://ipcen.nayarit.gob.mx/noticias/simulacro-palacio-justicia",
    ]),
    ("Conclusiones", [
        "Las observaciones de cada ejercicio se integrarán a los programas internos de protección civil de los "
        "inmuebles participantes, y su seguimiento se reportará en el próximo informe.",
    ]),
]
IPCEN_SIGNERS = [
    ["Ing. Rodrigo Villaseñor Partida", "Director de Capacitación y Cultura de la Protección Civil"],
    ["Lic. Adriana Ceja Montoya", "Directora General del IPCEN"],
]

WORD_BODY = ParagraphStyle("wordbody", parent=BODY, fontSize=10, leading=13.5, spaceAfter=8)
WORD_HEADING = ParagraphStyle("wordheading", parent=WORD_BODY, fontName="DejaVu-Bold", spaceBefore=6, spaceAfter=6)
WORD_LABEL = ParagraphStyle("wordlabel", parent=WORD_BODY, fontName="DejaVu-Bold", spaceAfter=0)
WORD_VALUE = ParagraphStyle("wordvalue", parent=WORD_BODY, spaceAfter=0)
WORD_SIGNATURE = ParagraphStyle("wordsignature", parent=WORD_BODY, alignment=TA_CENTER, spaceAfter=0)


class TitledCanvas(NumberedCanvas):
    """A title centred at the top of every page, and 'Página N de M' centred at the bottom."""

    title_lines = []

    def _running(self, total):
        width, height = self._pagesize
        y = height - 1.3 * cm
        self.setFont("DejaVu", 8)
        for line in self.title_lines:
            self.drawCentredString(width / 2, y, line)
            y -= 10
        self.setStrokeColor(colors.grey)
        self.line(2 * cm, y + 5, width - 2 * cm, y + 5)
        self.setFont("DejaVu", 8)
        self.drawCentredString(width / 2, 1.2 * cm, "Página %d de %d" % (self._pageNumber, total))


def ipcen_pdf(path):
    data = [[Paragraph(html.escape(label) + ":", WORD_LABEL), Paragraph(html.escape(value), WORD_VALUE)]
            for label, value in IPCEN_FIELDS]
    header = Table(data, colWidths=[3.8 * cm, 13.2 * cm])
    header.setStyle(TableStyle([
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
        ("GRID", (0, 0), (-1, -1), 0.25, colors.grey),
        ("BACKGROUND", (0, 0), (0, -1), colors.whitesmoke),
    ]))
    story = [header, Spacer(1, 12), Paragraph(html.escape(IPCEN_TARGETS), WORD_BODY)]
    for heading, paragraphs in IPCEN_SECTIONS:
        story.append(Paragraph(html.escape(heading), WORD_HEADING))
        for text in paragraphs:
            text = html.escape(text)
            text = re.sub(r"(https?://\S+)", lambda m: '<a href="%s">%s</a>' % (m.group(1), m.group(1)), text)
            story.append(Paragraph(text, WORD_BODY))
    story.append(Spacer(1, 6))
    story.append(Paragraph("Atentamente", WORD_BODY))
    cells = [[Paragraph("<br/>".join(html.escape(l) for l in lines), WORD_SIGNATURE) for lines in IPCEN_SIGNERS]]
    signatures = Table(cells, colWidths=[8.5 * cm] * 2)
    signatures.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("TOPPADDING", (0, 0), (-1, -1), 34)]))
    story.append(KeepTogether(signatures))
    doc = SimpleDocTemplate(
        path, pagesize=letter, leftMargin=2 * cm, rightMargin=2 * cm, topMargin=2.5 * cm,
        bottomMargin=2.2 * cm, invariant=1, title="Informe trimestral de avance de indicadores",
        author="avance samples",
    )
    doc.build(story, canvasmaker=type("Canvas", (TitledCanvas,), {"title_lines": IPCEN_TITLE}))


def ipcen_markdown():
    """The running title and the page numbers are the PDF's page furniture: the twin has neither
    (as the original's text has neither of its PDF's running header and footer)."""
    out = ["%s: %s" % (label, value) for label, value in IPCEN_FIELDS] + [""]
    out += [IPCEN_TARGETS, ""]
    for heading, paragraphs in IPCEN_SECTIONS:
        out += ["**%s**" % heading, ""]
        for text in paragraphs:
            out += [markdown_link(text), ""]
    out += ["Atentamente", ""]
    for lines in IPCEN_SIGNERS:
        out += lines + [""]
    return "\n".join(out[:-1]) + "\n"


# An Excel-like table of indicators printed in landscape: the title (stating the period) and
# the header fields above it, a header row of up to three lines repeated on the second page,
# indicator names and formulas of three to six lines centred against one-line figures, a
# totals row, notes and signatures side by side.

IVECOL_TITLE = "Avance de Indicadores para Resultados al tercer trimestre de 2025"
IVECOL_FIELDS = [
    ("Ente público", "Instituto de Vivienda del Estado de Colima (IVECOL)"),
    ("Programa presupuestario", "E112 - Vivienda adecuada y mejoramiento de la vivienda"),
    ("Unidad responsable", "Dirección de Programas de Vivienda Social"),
]
# The header as printed (a "<br/>" is a line break typed in the cell) and as the twin writes it.
IVECOL_HEADER = ["Clave", "Nivel", "Indicador", "Método de cálculo", "Unidad de medida",
                 "Meta<br/>anual<br/>programada", "Meta acumulada al periodo", "Avance acumulado",
                 "% de cumplimiento"]
IVECOL_ROWS = [
    ["I01", "Componente",
     "Número de viviendas mejoradas con techo firme, piso firme o muro en localidades de alta y muy alta marginación",
     "NVM = Sumatoria de viviendas con acción de mejoramiento concluida y acta de entrega-recepción firmada por la "
     "persona beneficiaria",
     "Vivienda", "1,200", "900", "874", "97.1 %"],
    ["I02", "Actividad",
     "Número de créditos para autoconstrucción de vivienda otorgados a familias de bajos ingresos",
     "NCO = Sumatoria de créditos formalizados mediante contrato firmado y primera ministración depositada en la "
     "cuenta de la persona acreditada",
     "Crédito", "450", "330", "312", "94.5 %"],
    ["I03", "Componente",
     "Número de escrituras públicas entregadas a familias de asentamientos humanos regularizados",
     "NEE = Sumatoria de escrituras inscritas en el Registro Público de la Propiedad y entregadas a la persona "
     "titular del lote",
     "Escritura", "2,400", "1,800", "1,530", "63.8 %"],
    ["I04", "Actividad",
     "Número de lotes con servicios básicos asignados a familias sin patrimonio",
     "NLA = Sumatoria de lotes asignados mediante resolución de asignación y contrato de compraventa firmado por "
     "la persona beneficiaria",
     "Lote", "300", "180", "180", "100.0 %"],
    ["I05", "Actividad",
     "Número de subsidios para ampliación de vivienda otorgados a mujeres jefas de familia",
     "NSA = Sumatoria de subsidios con expediente validado y recurso dispersado a la cuenta de la persona "
     "beneficiaria",
     "Subsidio", "250", "190", "201", "105.8 %"],
    ["I06", "Actividad",
     "Número de talleres de capacitación en autoconstrucción impartidos en los municipios",
     "NTI = Sumatoria de talleres impartidos con lista de asistencia y memoria fotográfica",
     "Taller", "40", "30", "28", "93.3 %"],
    ["I07", "Actividad",
     "Número de verificaciones técnicas de obra realizadas a viviendas en proceso de mejoramiento",
     "NVT = Sumatoria de visitas de verificación con cédula técnica firmada por la persona supervisora de obra "
     "y por la persona beneficiaria",
     "Verificación", "3,600", "2,700", "2,655", "98.3 %"],
]
IVECOL_TOTAL = ["Total", "", "", "", "", "8,240", "6,130", "5,780", "94.3 %"]
IVECOL_NOTES = [
    "1. Las metas y los avances son acumulados al cierre del tercer trimestre.",
    "2. El porcentaje de cumplimiento se calcula como el avance acumulado entre la meta acumulada al periodo, "
    "multiplicado por cien.",
    "3. Cifras con fecha de corte al 30 de septiembre de 2025.",
]
IVECOL_SIGNERS = [
    ["Elaboró", "Arq. Claudia Zamora Figueroa", "Directora de Programas de Vivienda Social"],
    ["Autorizó", "Ing. Héctor Manuel Virgen Alcaraz", "Director General del IVECOL"],
]

SHEET_CELL = ParagraphStyle("sheetcell", parent=BODY, fontSize=8.5, leading=10.5, spaceAfter=0)
SHEET_NUMBER = ParagraphStyle("sheetnumber", parent=SHEET_CELL, alignment=2)
SHEET_HEAD = ParagraphStyle("sheethead", parent=SHEET_CELL, fontName="DejaVu-Bold", alignment=TA_CENTER)
SHEET_TOTAL = ParagraphStyle("sheettotal", parent=SHEET_NUMBER, fontName="DejaVu-Bold")


class FooterCanvas(TitledCanvas):
    """Only the page-number footer, as Excel prints it."""

    def save(self):
        total = len(self._saved)
        for state in self._saved:
            self.__dict__.update(state)
            width, _ = self._pagesize
            self.setFont("DejaVu", 8)
            self.drawCentredString(width / 2, 1.0 * cm, "Página %d de %d" % (self._pageNumber, total))
            pdfcanvas.Canvas.showPage(self)
        pdfcanvas.Canvas.save(self)


def ivecol_head():
    """The title and the header fields above the table."""
    story = [Paragraph(html.escape(IVECOL_TITLE), ParagraphStyle("sheettitle", parent=BODY, fontName="DejaVu-Bold",
                                                                fontSize=12, leading=15, spaceAfter=6))]
    for label, value in IVECOL_FIELDS:
        story.append(Paragraph("<b>%s:</b> %s" % (html.escape(label), html.escape(value)),
                               ParagraphStyle("sheetfield", parent=BODY, fontSize=9, leading=12, spaceAfter=1)))
    story.append(Spacer(1, 8))
    return story


def ivecol_table(rows=IVECOL_ROWS, total=True):
    """The indicators' table: its header, `rows`, and the totals row when `total`."""
    numeric = range(5, 9)
    data = [[Paragraph(h, SHEET_HEAD) for h in IVECOL_HEADER]]
    for row in rows:
        data.append([Paragraph(html.escape(c), SHEET_NUMBER if i in numeric else SHEET_CELL) for i, c in enumerate(row)])
    if total:
        data.append([Paragraph(html.escape(c), SHEET_TOTAL if i in numeric else SHEET_HEAD)
                     for i, c in enumerate(IVECOL_TOTAL)])
    widths = [1.5, 2.5, 3.9, 4.5, 2.4, 2.6, 2.8, 2.4, 2.9]
    table = Table(data, colWidths=[w * cm for w in widths], repeatRows=1)
    style = [
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("GRID", (0, 0), (-1, -1), 0.25, colors.grey),
        ("BACKGROUND", (0, 0), (-1, 0), colors.lightgrey),
        ("TOPPADDING", (0, 0), (-1, -1), 4),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
    ]
    if total:
        style += [("BACKGROUND", (0, -1), (-1, -1), colors.whitesmoke), ("SPAN", (0, -1), (4, -1))]
    table.setStyle(TableStyle(style))
    return table


def ivecol_tail():
    """The notes and the signatures under the table."""
    story = [Spacer(1, 10)]
    note = ParagraphStyle("sheetnote", parent=BODY, fontSize=8.5, leading=11, spaceAfter=2)
    story.append(Paragraph("Notas:", note))
    for text in IVECOL_NOTES:
        story.append(Paragraph(html.escape(text), note))
    cells = [[Paragraph("<br/>".join(html.escape(l) for l in lines), WORD_SIGNATURE) for lines in IVECOL_SIGNERS]]
    signatures = Table(cells, colWidths=[9 * cm] * 2)
    signatures.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("TOPPADDING", (0, 0), (-1, -1), 18)]))
    story.append(KeepTogether(signatures))
    return story


def ivecol_document(path, story, title="Avance de indicadores IVECOL"):
    from reportlab.lib.pagesizes import landscape
    doc = SimpleDocTemplate(
        path, pagesize=landscape(letter), leftMargin=1.2 * cm, rightMargin=1.2 * cm, topMargin=1.5 * cm,
        bottomMargin=1.8 * cm, invariant=1, title=title, author="avance samples",
    )
    doc.build(story, canvasmaker=FooterCanvas)


def ivecol_pdf(path):
    ivecol_document(path, ivecol_head() + [ivecol_table()] + ivecol_tail())


def ivecol_markdown():
    header = [h.replace("<br/>", " ") for h in IVECOL_HEADER]
    out = [IVECOL_TITLE, ""]
    out += ["%s: %s" % (label, value) for label, value in IVECOL_FIELDS] + [""]
    out.append("| " + " | ".join(header) + " |")
    out.append("|" + "---|" * len(header))
    for row in IVECOL_ROWS + [IVECOL_TOTAL]:
        out.append("| " + " | ".join(row) + " |")
    out += ["", "Notas:", ""] + IVECOL_NOTES + [""]
    for lines in IVECOL_SIGNERS:
        out += [lines[0], ""] + lines[1:] + [""]
    return "\n".join(out[:-1]) + "\n"


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else "Samples"
    os.makedirs(out, exist_ok=True)
    name = "sesaeqroo-2024-T3-F.P.C01.A01"
    blocks = read_original(os.path.join("Samples", name + ".txt"))

    def write(file, text, encoding="utf-8"):
        with open(os.path.join(out, file), "w", encoding=encoding, newline="\n") as f:
            f.write(text)

    write(name + ".html", original_html(blocks, "Avance de indicadores 3er. Trimestre 2024"))
    original_pdf(blocks, os.path.join(out, name + ".pdf"))
    multipage_pdf(os.path.join(out, "iqm-2024-T2-C02.A01-multipagina.pdf"))
    write("avance-indicadores-2024-T3-tabla.html", tabular_html())
    tabular_pdf(os.path.join(out, "avance-indicadores-2024-T3-tabla.pdf"))
    write("iqm-2024-T1-C01.A02-cp1252.html", CP1252_HTML, encoding="cp1252")
    write("informe-html-con-nombre.pdf", HTML_AS_PDF)
    os.makedirs(os.path.join(out, "series", "planted"), exist_ok=True)
    os.makedirs(os.path.join(out, "series", "clean"), exist_ok=True)
    icatey_corrected_pdf(os.path.join(out, "series", "planted", "icatey-2024-T3-C01.A02-corregido.pdf"))
    cobay_fourth_quarter_pdf(os.path.join(out, "series", "clean", "cobay-2023-T4-C03.A01.pdf"))
    scanned_pdf(os.path.join(out, "escaneado-sin-texto.pdf"))
    encrypted_pdf(os.path.join(out, "cifrado-con-contrasena.pdf"))
    # A download cut short: the first 60% of a real report.
    full = open(os.path.join(out, "iqm-2024-T2-C02.A01-multipagina.pdf"), "rb").read()
    with open(os.path.join(out, "truncado.pdf"), "wb") as f:
        f.write(full[: len(full) * 6 // 10])
    ipcen_pdf(os.path.join(out, "ipcen-2025-T3-C03.A02.pdf"))
    write("ipcen-2025-T3-C03.A02.md", ipcen_markdown())
    ivecol_pdf(os.path.join(out, "ivecol-2025-T3-indicadores.pdf"))
    write("ivecol-2025-T3-indicadores.md", ivecol_markdown())
    import make_tables
    make_tables.write_all(out)
    # Scans of some of the PDFs above (issue 18): rendered to pictures and back, no text layer.
    import make_scans
    make_scans.write_all(out)
    import make_sheets
    make_sheets.write_all(out)
    print("samples written to", out)


if __name__ == "__main__":
    main()
