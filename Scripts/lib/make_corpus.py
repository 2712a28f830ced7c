"""Writes a deterministic benchmark corpus (run through Scripts/make-corpus).

N reports in the shapes of docs/domain.md, one third each PDF, HTML and text, numbered so that
report i is PDF when i % 3 == 0, HTML when i % 3 == 1 and text when i % 3 == 2:

- narrative reports (labelled header, targets in prose, dated actions with links and
  picture captions, signatures) and tabular ones (a table of indicators, one per row);
- varied institutions, programs, quarters (every wording docs/domain.md lists), years 2020-2025,
  date forms, number forms, units;
- planted inconsistencies in about a third of them: a dated action outside the quarter,
  a period target above the annual one, a percentage that does not follow, a count that
  differs from the actions documented, another quarter named in the text, a confidentiality
  notice;
- text files in UTF-8 or Windows-1252, LF or CRLF, tabs or colons between label and value,
  Markdown headings or none; HTML with `<b>Label:</b>` pairs or a field table, some legacy
  pages in Windows-1252 with or without a `<meta charset>`;
- PDFs of 1 to 4 pages made with ReportLab (DejaVu Sans, as Scripts/lib/make_samples.py),
  some with a table of targets or of indicators, some with running headers and
  "Página N de M" footers.

Speed: everything comes from one random generator seeded per report (seed, i), so a
report is the same whatever N is and the PDFs can be made by worker processes. Every PDF
is drawn by ReportLab from its own text (no template copies, so every PDF's text differs),
on every core: 1,000 reports take about 20 s on two cores, 10,000 about 3 minutes.

manifest.jsonl (beside the reports, one JSON object per line) lists every text report with
the true dates its text states (ISO, in order of appearance; relative years resolved to
the report's year; numeric dates day/month/year), for the comparison with dateparser.
"""

import html
import json
import multiprocessing
import os
import random
import sys

# ---------------------------------------------------------------------------
# Lexicon

STATES = ["Quintana Roo", "Yucatán", "Jalisco", "Oaxaca", "Sonora", "Hidalgo", "Puebla", "Zacatecas",
          "Durango", "Campeche", "Tlaxcala", "Nuevo León", "Guanajuato", "Veracruz", "Chiapas", "Sinaloa"]
INSTITUTIONS = [
    ("Secretaría Ejecutiva del Sistema Anticorrupción del Estado de {s}", "SESA"),
    ("Instituto de la Mujer del Estado de {s}", "IME"),
    ("Comisión Estatal de Derechos Humanos de {s}", "CEDH"),
    ("Instituto de Transparencia y Acceso a la Información del Estado de {s}", "ITAI"),
    ("Secretaría de Salud del Estado de {s}", "SSA"),
    ("Comisión de Agua Potable y Alcantarillado del Estado de {s}", "CAPA"),
    ("Sistema para el Desarrollo Integral de la Familia del Estado de {s}", "DIF"),
    ("Instituto Electoral del Estado de {s}", "IEE"),
    ("Tribunal de Justicia Administrativa del Estado de {s}", "TJA"),
    ("Fiscalía Especializada en Combate a la Corrupción del Estado de {s}", "FECC"),
    ("Auditoría Superior del Estado de {s}", "ASE"),
    ("Universidad Tecnológica del Estado de {s}", "UTE"),
    ("Secretaría de Finanzas y Planeación del Estado de {s}", "SEFIPLAN"),
    ("Instituto de Capacitación para el Trabajo del Estado de {s}", "ICAT"),
]
COUNTERPARTS = [
    "Poder Judicial del Estado de {s}", "Tribunal Superior de Justicia del Estado de {s}",
    "Secretaría de Educación del Estado de {s}", "Ayuntamiento de {m}", "Universidad Autónoma de {s}",
    "Órgano Interno de Control de la Secretaría de Salud", "Comité de Participación Ciudadana",
    "Consejo Estatal de Población", "Instituto Nacional Electoral", "World Justice Project",
    "Secretaría de Seguridad Ciudadana", "Comisión Nacional de Derechos Humanos",
    "Auditoría Superior de la Federación", "Fiscalía General del Estado de {s}",
]
MUNICIPALITIES = ["Benito Juárez", "Othón P. Blanco", "Mérida", "Valladolid", "Zapopan", "Tlaquepaque",
                  "Juchitán", "Hermosillo", "Pachuca", "Tehuacán", "Fresnillo", "Lerdo", "Calkiní", "Apizaco"]
PROGRAMS = [("O002", "Fortalecimiento de las Capacidades Institucionales en Materia Anticorrupción"),
            ("E001", "Igualdad Sustantiva entre Mujeres y Hombres"), ("E042", "Educación superior de calidad"),
            ("S072", "Atención a población en situación de vulnerabilidad"), ("K025", "Infraestructura para la Transparencia"),
            ("E064", "Protección y defensa de los derechos humanos"), ("P018", "Planeación y evaluación del desempeño"),
            ("E015", "Agua potable, drenaje y saneamiento"), ("M001", "Actividades de apoyo administrativo"),
            ("E033", "Organización de procesos electorales")]
WORK = [  # (unit, noun for one action, verb phrase)
    ("capacitaciones", "la capacitación", "se impartió la capacitación"),
    ("talleres", "el taller", "se impartió el taller"),
    ("mesas de trabajo", "la mesa de trabajo", "se llevó a cabo la mesa de trabajo"),
    ("convenios", "el convenio de colaboración", "se firmó el convenio de colaboración"),
    ("acciones", "la acción de acompañamiento técnico", "se realizó la acción de acompañamiento técnico"),
    ("jornadas", "la jornada de difusión", "se realizó la jornada de difusión"),
    ("supervisiones", "la supervisión", "se efectuó la supervisión"),
    ("sesiones", "la sesión ordinaria", "se celebró la sesión ordinaria"),
    ("auditorías", "la auditoría", "se concluyó la auditoría"),
]
TOPICS = ["ética pública", "igualdad de género", "transparencia proactiva", "control interno", "datos abiertos",
          "atención ciudadana", "protección civil", "derechos humanos", "archivos", "contrataciones públicas",
          "prevención de la violencia", "presupuesto basado en resultados", "gobierno abierto", "calidad del agua"]
UNITS = ["Departamento de Vinculación y Acuerdos", "Dirección de Capacitación", "Unidad de Transparencia",
         "Dirección de Planeación y Evaluación", "Coordinación de Difusión", "Dirección de Asuntos Jurídicos",
         "Departamento de Seguimiento", "Dirección de Operación"]
PEOPLE = [("Lic.", "Laura Méndez Castillo"), ("Mtra.", "Ana Lucía Cervera Poot"), ("Mtro.", "Jorge Pérez Ramírez"),
          ("Dra.", "Rosa Elena Herrera Cámara"), ("Dr.", "Manuel Jesús Canto Pech"), ("Ing.", "Luis Alberto Chan Dzul"),
          ("C.P.", "María Fernanda Ruiz Soto"), ("Arq.", "Carlos Iván Moreno Gil")]
ROLES = ["Director de Planeación", "Jefa del Departamento de Seguimiento", "Titular de la Unidad Responsable",
         "Coordinadora de Evaluación", "Secretario Técnico", "Directora General"]

MONTHS = ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre",
          "noviembre", "diciembre"]
ORD_WORD = ["primer", "segundo", "tercer", "cuarto"]
ORD_SHORT = ["1er.", "2do.", "3er.", "4to."]
ROMAN = ["I", "II", "III", "IV"]
NUMBER_WORDS = ["cero", "uno", "dos", "tres", "cuatro", "cinco", "seis", "siete", "ocho", "nueve", "diez",
                "once", "doce", "trece", "catorce", "quince", "dieciséis", "diecisiete", "dieciocho", "diecinueve", "veinte"]
DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]

FILLER = [
    "Las acciones se realizaron conforme al programa de trabajo aprobado por el órgano de gobierno y con apego a los lineamientos vigentes.",
    "La información que sustenta este avance se encuentra en los archivos de la unidad responsable y puede consultarse a petición de parte.",
    "Durante el periodo se dio seguimiento a los acuerdos alcanzados en sesiones anteriores y se actualizaron los registros correspondientes.",
    "Las personas participantes manifestaron su interés en dar continuidad a los trabajos en el siguiente periodo.",
    "Se elaboraron las minutas y listas de asistencia, que forman parte del expediente de evidencias del indicador.",
    "El seguimiento de los compromisos se realizará en coordinación con las áreas administrativas involucradas.",
]


def quarter_text(rng, q, y):
    """The quarter as reports write it, in one of docs/domain.md's forms."""
    m1, m3 = MONTHS[3 * q - 3], MONTHS[3 * q - 1]
    forms = [
        "%s Trimestre %d" % (ORD_SHORT[q - 1], y),
        "%s Trimestre de %d" % (ORD_WORD[q - 1].capitalize(), y),
        "%dT-%d" % (q, y),
        "T%d %d" % (q, y),
        "%s-%s %d" % (m1.capitalize(), m3.capitalize(), y),
        "%s a %s de %d" % (m1, m3, y),
        "Trimestre %s %d" % (ROMAN[q - 1], y),
    ]
    return rng.choice(forms)


def date_text(rng, y, m, d):
    """A date in one of docs/domain.md's forms; the truth is always (y, m, d) read day/month."""
    month = MONTHS[m - 1]
    forms = [
        "%02d de %s de %d" % (d, month, y),
        "%d de %s del %d" % (d, month, y),
        "%d de %s del presente año" % (d, month),
        "%d de %s del año en curso" % (d, month),
        "%s %d, %d" % (month, d, y),
        "%02d/%02d/%d" % (d, m, y),
        "%d-%d-%d" % (d, m, y),
        "%d-%02d-%02d" % (y, m, d),
        "%d de %s de %d" % (d, month, y),
    ]
    if d == 1:
        forms += ["1o. de %s de %d" % (month, y), "1° de %s de %d" % (month, y)]
    return rng.choice(forms)


def number_text(rng, n):
    if n <= 20 and rng.random() < 0.3:
        return "%s (%d)" % (NUMBER_WORDS[n], n) if rng.random() < 0.5 else NUMBER_WORDS[n]
    return "{:,}".format(n)


# ---------------------------------------------------------------------------
# One report as data, then written in each format.

class Report:
    pass


def make_report(seed, i):
    rng = random.Random("%s/%d" % (seed, i))
    r = Report()
    r.rng = rng
    r.index = i
    state = rng.choice(STATES)
    template, short = rng.choice(INSTITUTIONS)
    r.institution = template.format(s=state)
    r.acronym = short + "".join(w[0] for w in state.upper().split())[:3]
    r.year = rng.randint(2020, 2025)
    r.quarter = rng.randint(1, 4)
    r.program = rng.choice(PROGRAMS)
    c = rng.randint(1, 6)
    prefix = rng.choice(["", "", "F.P.", "C."]) if rng.random() < 0.3 else ""
    r.component_code = ("C.%02d" % c) if prefix == "C." else "%sC%02d" % (prefix, c)
    r.activity_code = "%sC%02d.A%02d" % (prefix if prefix != "C." else "", c, rng.randint(1, 5))
    r.unit_name, r.action_noun, r.verb = rng.choice(WORK)
    r.topic = rng.choice(TOPICS)
    r.indicator_code = rng.choice(["01", "I01", "02", "I03"])
    r.indicator = "Número de %s en materia de %s realizadas" % (r.unit_name, r.topic)
    r.responsible = rng.choice(UNITS)
    r.people = rng.sample(PEOPLE, 2)
    r.roles = rng.sample(ROLES, 2)
    r.tabular = rng.random() < 0.2
    r.pages_wanted = rng.choice([1, 1, 2, 2, 2, 3, 4])

    # Targets and actions.
    n_actions = rng.randint(1, 3) + 2 * (r.pages_wanted - 1)
    r.period_target = n_actions
    r.annual = n_actions * 4 + rng.randint(0, 4)
    r.achieved = n_actions
    r.percent = 100.0
    r.flaws = []
    if rng.random() < 0.35:
        r.flaws = rng.sample(["date", "period", "percent", "count", "quarter", "confidential"], rng.randint(1, 2))
    if "period" in r.flaws:
        r.annual = max(1, r.period_target - rng.randint(1, 3))
    if "count" in r.flaws:
        r.achieved = n_actions + rng.randint(1, 2)
        r.percent = round(100.0 * r.achieved / r.period_target, 1)
    elif rng.random() < 0.2 and n_actions > 1:
        r.period_target = n_actions + 1
        r.percent = round(100.0 * r.achieved / r.period_target, 1)
    if "percent" in r.flaws:
        r.percent = r.percent - rng.choice([10, 20, 25])

    r.dates = []  # true ISO dates in order of appearance
    r.actions = []
    first_month = 3 * r.quarter - 2
    for k in range(n_actions):
        m = first_month + rng.randint(0, 2)
        y = r.year
        if "date" in r.flaws and k == n_actions - 1:
            m = (m + 3 - 1) % 12 + 1
        d = rng.randint(1, DAYS_IN_MONTH[m - 1])
        counterpart = rng.choice(COUNTERPARTS).format(s=state, m=rng.choice(MUNICIPALITIES))
        r.actions.append({
            "title": "%s en materia de %s con %s" % (r.action_noun.split(" ", 1)[1].capitalize(), r.topic, counterpart),
            "date": (y, m, d),
            "counterpart": counterpart,
            "link": "https://www.%s.gob.mx/noticias/%d-%d" % (r.acronym.lower(), r.year, 1000 + i * 10 + k),
            "filler": rng.sample(FILLER, rng.randint(1, 2)),
            "caption": rng.random() < 0.5,
        })
    r.flaw_quarter = (r.quarter % 4) + 1
    return r


def iso(d):
    return "%04d-%02d-%02d" % d


def narrative_parts(r, rng):
    """The prose of a narrative report, as (kind, text) pieces shared by all formats, and
    the true dates in the order the text states them."""
    dates = []
    parts = []
    parts.append(("para",
        "La meta anual programada para esta Actividad es de %s %s, de las cuales la meta correspondiente al %s "
        "trimestre del año %d es de %s; se realizaron %s, con lo que se alcanzó un avance del %s%% de lo programado."
        % (number_text(rng, r.annual), r.unit_name, ORD_WORD[r.quarter - 1], r.year, number_text(rng, r.period_target),
           number_text(rng, r.achieved), ("%g" % r.percent))))
    if "confidential" in r.flaws:
        parts.append(("para", "Documento de uso interno. No divulgar sin autorización de la unidad responsable."))
    mention_q = r.flaw_quarter if "quarter" in r.flaws else r.quarter
    parts.append(("heading", "Resultados alcanzados"))
    parts.append(("para",
        "Durante el %s trimestre de %d, la %s (%s) trabajó de manera coordinada con otros entes públicos en materia de %s."
        % (ORD_WORD[mention_q - 1], r.year, r.institution, r.acronym, r.topic)))
    for a in r.actions:
        y, m, d = a["date"]
        text = date_text(rng, y, m, d)
        if ("presente año" in text or "año en curso" in text) and y != r.year:
            text = "%d de %s de %d" % (d, MONTHS[m - 1], y)
        dates.append(iso(a["date"]))
        parts.append(("heading", a["title"]))
        parts.append(("para", "El %s %s con %s, con la participación de personal de la %s." %
                      (text, r.verb, a["counterpart"], r.acronym)))
        for f in a["filler"]:
            parts.append(("para", f))
        parts.append(("link", a["link"]))
        if a["caption"]:
            parts.append(("caption", "Imagen %d. %s." % (r.actions.index(a) + 1, a["title"])))
    parts.append(("signatures", [[p[0] + " " + p[1], role] for p, role in zip(r.people, r.roles)]))
    return parts, dates


def header_fields(r, rng):
    q = quarter_text(rng, r.quarter, r.year)
    return [
        ("Institución", "%s (%s)" % (r.institution, r.acronym)),
        ("Programa presupuestario", "%s - %s" % r.program),
        ("Componente", "%s - Servicios de %s otorgados." % (r.component_code, r.topic)),
        ("Actividad", "%s - %s en materia de %s." % (r.activity_code, r.action_noun.split(" ", 1)[1].capitalize(), r.topic)),
        ("Indicador", "%s - %s." % (r.indicator_code, r.indicator)),
        ("Trimestre", q),
        ("Unidad responsable", r.responsible + "."),
    ]


def indicator_rows(r, rng):
    rows = []
    for k in range(rng.randint(3, 6 + 4 * (r.pages_wanted - 1))):
        unit, _, _ = rng.choice(WORK)
        annual = rng.randint(4, 400)
        period = max(1, annual * r.quarter // 4)
        achieved = max(0, period - rng.randint(0, period // 4 + 1))
        pct = 100.0 * achieved / period
        if "percent" in r.flaws and k == 0:
            pct -= 15
        rows.append(["Componente" if k % 3 == 0 else "Actividad",
                     "I%02d - Número de %s en materia de %s" % (k + 1, unit, rng.choice(TOPICS)),
                     unit, "{:,}".format(annual), "{:,}".format(period), "{:,}".format(achieved), "%.1f %%" % pct])
    return rows


TABLE_HEADER = ["Nivel", "Indicador", "Unidad de medida", "Meta anual", "Meta al periodo", "Avance al periodo", "% de cumplimiento"]


# ---------------------------------------------------------------------------
# Text

def write_text(r, path):
    rng = r.rng
    style = rng.choice(["tabs", "colon", "markdown", "bold-tags"])
    cut = "%02d/%02d/%d" % (DAYS_IN_MONTH[3 * r.quarter - 1], 3 * r.quarter, r.year)
    lines = []
    dates = []
    fields = header_fields(r, rng)
    if rng.random() < 0.5:
        fields.append(("Fecha de corte", cut))
        dates.append("%d-%02d-%02d" % (r.year, 3 * r.quarter, DAYS_IN_MONTH[3 * r.quarter - 1]))
    lines.append("Informe de avance de indicadores")
    lines.append("")
    for label, value in fields:
        if style == "tabs":
            lines.append("%s:\t%s" % (label, value))
        elif style == "bold-tags":
            lines.append("<b>%s:</b>\t%s" % (label, value))
        elif style == "markdown":
            lines.append("- **%s:** %s" % (label, value))
        else:
            lines.append("%s: %s" % (label, value))
    lines.append("")
    if r.tabular:
        lines.append("\t".join(TABLE_HEADER))
        for row in indicator_rows(r, rng):
            lines.append("\t".join(row))
        lines.append("")
    parts, more = narrative_parts(r, rng)
    dates += more
    heading = "### " if style in ("markdown", "bold-tags") else ""
    for kind, text in parts:
        if kind == "heading":
            lines += [heading + text, ""]
        elif kind == "para" or kind == "caption":
            lines += [text, ""]
        elif kind == "link":
            lines += ["Nota: <%s>" % text if heading else text, ""]
        elif kind == "signatures":
            for name, role in text:
                lines += [name, role, ""]
    eol = "\r\n" if rng.random() < 0.25 else "\n"
    encoding = "cp1252" if rng.random() < 0.2 else "utf-8"
    with open(path, "w", encoding=encoding, newline="") as f:
        f.write(eol.join(lines) + eol)
    return dates


# ---------------------------------------------------------------------------
# HTML

def write_html(r, path):
    rng = r.rng
    e = lambda s: html.escape(s, quote=False)
    legacy = rng.random() < 0.2
    out = ["<!DOCTYPE html>" if not legacy else "<html>", '<html lang="es">' if not legacy else "", "<head>"]
    if not legacy:
        out.append('<meta charset="utf-8">')
    elif rng.random() < 0.5:
        out.append('<meta http-equiv="Content-Type" content="text/html; charset=windows-1252">')
    out += ["<title>Avance de indicadores %s</title>" % e(r.acronym), "</head>", "<body>",
            "<h1>%s</h1>" % e(r.institution), "<h2>Informe de avance del indicador</h2>"]
    fields = header_fields(r, rng)
    if rng.random() < 0.5:
        out += ["<p><b>%s:</b> %s</p>" % (e(l), e(v)) for l, v in fields]
    else:
        out.append("<table>")
        out += ["<tr><td><b>%s:</b></td><td>%s</td></tr>" % (e(l), e(v)) for l, v in fields]
        out.append("</table>")
    if r.tabular:
        out.append("<table>")
        out.append("<tr>" + "".join("<th>%s</th>" % e(h) for h in TABLE_HEADER) + "</tr>")
        for row in indicator_rows(r, rng):
            out.append("<tr>" + "".join("<td>%s</td>" % e(c) for c in row) + "</tr>")
        out.append("</table>")
    parts, _ = narrative_parts(r, rng)
    for kind, text in parts:
        if kind == "heading":
            out.append("<h3>%s</h3>" % e(text))
        elif kind == "para":
            out.append("<p>%s</p>" % e(text))
        elif kind == "caption":
            out.append('<p><img src="foto.jpg" alt="Fotografía"><br><i>%s</i></p>' % e(text))
        elif kind == "link":
            out.append('<p>Nota: <a href="%s">%s</a></p>' % (text, text))
        elif kind == "signatures":
            for name, role in text:
                out.append("<p><b>%s</b><br>\n%s</p>" % (e(name), e(role)))
    out += ["</body>", "</html>", ""]
    with open(path, "w", encoding="cp1252" if legacy else "utf-8", newline="\n") as f:
        f.write("\n".join(line for line in out if line is not None))


# ---------------------------------------------------------------------------
# PDF (ReportLab, imported in the workers only when PDFs are made)

_PDF = None


def pdf_kit():
    global _PDF
    if _PDF is not None:
        return _PDF
    sys.path.insert(0, os.path.dirname(__file__))
    import make_samples as ms  # fonts, styles, tables, running header canvas
    from reportlab.platypus import Paragraph, Spacer, KeepTogether, SimpleDocTemplate
    from reportlab.lib.pagesizes import letter
    from reportlab.lib.units import cm
    _PDF = (ms, Paragraph, Spacer, KeepTogether, SimpleDocTemplate, letter, cm)
    return _PDF


def write_pdf(r, path):
    ms, Paragraph, Spacer, KeepTogether, SimpleDocTemplate, letter, cm = pdf_kit()
    rng = r.rng
    e = lambda s: html.escape(s, quote=False)
    story = []
    fields = header_fields(r, rng)
    if rng.random() < 0.6:
        story.append(ms.field_table([(e(l), e(v)) for l, v in fields]))
    else:
        story += [Paragraph("<b>%s:</b> %s" % (e(l), e(v)), ms.BODY) for l, v in fields]
    story.append(Spacer(1, 10))
    if r.tabular:
        story.append(ms.data_table(TABLE_HEADER, [[e(c) for c in row] for row in indicator_rows(r, rng)],
                                   [2.4 * cm, 5.0 * cm, 2.6 * cm, 1.6 * cm, 1.9 * cm, 1.8 * cm, 1.7 * cm]))
        story.append(Spacer(1, 8))
    elif rng.random() < 0.3:
        story.append(ms.data_table(
            ["Unidad de medida", "Meta anual", "Meta al periodo", "Avance al periodo", "% de cumplimiento"],
            [[e(r.unit_name), str(r.annual), str(r.period_target), str(r.achieved), "%g%%" % r.percent]],
            [3.8 * cm, 2.9 * cm, 3.2 * cm, 3.4 * cm, 3.7 * cm]))
        story.append(Spacer(1, 8))
    parts, _ = narrative_parts(r, rng)
    for kind, text in parts:
        if kind == "heading":
            story.append(Paragraph(e(text), ms.HEADINGS[4 if text != "Resultados alcanzados" else 2]))
        elif kind == "para":
            story.append(Paragraph(e(text), ms.BODY))
        elif kind == "caption":
            if rng.random() < 0.4:
                story.append(ms.picture())
            story.append(Paragraph(e(text), ms.BODY))
        elif kind == "link":
            story.append(Paragraph('Nota: <a href="%s">%s</a>' % (text, text), ms.BODY))
        elif kind == "signatures":
            story.append(Spacer(1, 16))
            story.append(KeepTogether(ms.signatures([[e(x) for x in person] for person in text])))
    header = [r.institution, "Avance de indicadores para resultados"] if rng.random() < 0.7 else []
    doc = SimpleDocTemplate(path, pagesize=letter, leftMargin=2 * cm, rightMargin=2 * cm, topMargin=2.6 * cm,
                            bottomMargin=2.2 * cm, invariant=1, title="Avance de indicadores",
                            author=r.acronym)
    if header:
        doc.build(story, canvasmaker=ms.canvas_with(header))
    else:
        doc.build(story)


# ---------------------------------------------------------------------------

def name_of(r):
    kind = ("pdf", "html", "txt")[r.index % 3]
    return "%s/%s-%d-T%d-%s-%05d.%s" % (kind, r.acronym.lower(), r.year, r.quarter, r.activity_code, r.index, kind)


def make_one(args):
    seed, i, out = args
    r = make_report(seed, i)
    path = os.path.join(out, name_of(r))
    kind = i % 3
    if kind == 0:
        write_pdf(r, path)
        return None
    if kind == 1:
        write_html(r, path)
        return None
    dates = write_text(r, path)
    return {"path": os.path.relpath(path, out), "year": r.year, "quarter": r.quarter, "dates": dates}


def main():
    args = sys.argv[1:]
    seed = "1"
    if "--seed" in args:
        k = args.index("--seed")
        seed = args[k + 1]
        del args[k:k + 2]
    if len(args) != 2 or not args[0].isdigit():
        sys.exit("usage: make-corpus N DIR [--seed S]")
    n, out = int(args[0]), args[1]
    for kind in ("pdf", "html", "txt"):
        os.makedirs(os.path.join(out, kind), exist_ok=True)
    jobs = [(seed, i, out) for i in range(n)]
    # PDFs first in the job list are the slow ones; interleaving keeps every worker busy.
    with multiprocessing.Pool(os.cpu_count() or 1) as pool:
        results = pool.map(make_one, jobs, chunksize=16)
    with open(os.path.join(out, "manifest.jsonl"), "w", encoding="utf-8") as f:
        for m in results:
            if m:
                f.write(json.dumps(m, ensure_ascii=False) + "\n")
    print("corpus of %d reports (seed %s) written to %s" % (n, seed, out))


if __name__ == "__main__":
    main()
