"""Writes Samples/expected/<file>.json for the PDF and HTML samples that make-samples makes.

The values of every record were decided by reading the reports (see the records below and,
for the original report, its text form's hand-written record). What this script adds is
mechanical: each quoted span's page, line and column, found in the blocks `avance extract`
reads from the file (whose positions the extract tests check against pdftotext's own
text and the HTML source), the span's text as it stands there (line breaks of the PDF
kept as "\\n", as the record conventions want), and the file's SHA-256 and page count.

Usage: expected_records.py AVANCE_BINARY [TEXT_FORM_RECORD]

Kept as the record of how those values were decided; Scripts/make-samples no longer runs it,
because the records it wrote have been kept by hand since (spans relocated by
pdf_spans.py --relocate, keys of later schema versions added): running it would overwrite them
with older ones.
"""

import copy
import hashlib
import json
import os
import subprocess
import sys

SAMPLES = "Samples"


class S:
    """A quoted span to locate: the k-th occurrence (0-based) of `quote`, counted after
    the first occurrence of `after` when given."""

    def __init__(self, quote, k=0, after=None):
        self.quote, self.k, self.after = quote, k, after


# ---------------------------------------------------------------------------
# Reading avance's blocks into one stream of characters with positions.

def extract(binary, path):
    out = subprocess.run([binary, "extract", "--format", "json", path], check=True, capture_output=True, text=True)
    return json.loads(out.stdout)


def spanned_chars(st):
    """The characters of a SpannedText with their (page, line, column)."""
    text, anchors = st["text"], st["anchors"]
    result, offset, ai = [], 0, 0
    since = 0
    for ch in text:
        while ai + 1 < len(anchors) and anchors[ai + 1]["offset"] <= offset:
            ai += 1
            since = 0
        a = anchors[ai]
        if a["offset"] == offset:
            since = 0
        result.append((ch, (a.get("page"), a["line"], a["column"] + since)))
        since += 1
        offset += len(ch.encode("utf-8"))
    return result


def stream(document):
    chars = []
    for block in document["blocks"]:
        parts = []
        if block.get("label"):
            parts.append(block["label"])
        parts += block["cells"] if block["kind"] == "tableRow" else [block["text"]]
        for part in parts:
            chars += spanned_chars(part)
            chars.append((" ", None))
        chars.append(("\n", None))
        chars.append(("\n", None))
    return chars


def folded(chars):
    """White space runs folded to one space; the map gives each folded character's index."""
    text, index = [], []
    for i, (ch, _) in enumerate(chars):
        if ch.isspace():
            if text and text[-1] == " ":
                continue
            text.append(" ")
        else:
            text.append(ch)
        index.append(i)
    return "".join(text), index


def occurrences(chars, quote):
    text, index = folded(chars)
    q = " ".join(quote.split())
    found, start = [], 0
    while True:
        i = text.find(q, start)
        if i < 0:
            return found
        j = i + len(q)
        if (i == 0 or not text[i - 1].isalnum()) and (j == len(text) or not text[j].isalnum()):
            found.append((index[i], index[j - 1] + 1))
        start = i + 1


def span_at(chars, start, end):
    out = []
    for ch, _ in chars[start:end]:
        if ch.isspace():
            if out and out[-1] in " \n":
                if ch == "\n":
                    out[-1] = "\n"
                continue
            out.append("\n" if ch == "\n" else " ")
        else:
            out.append(ch)
    page, line, column = chars[start][1]
    return {"page": page, "line": line, "column": column, "text": "".join(out).strip()}


def locate(chars, s):
    found = occurrences(chars, s.quote)
    if s.after is not None:
        after = occurrences(chars, s.after)
        if not after:
            sys.exit("not found: %r (to quote %r after it)" % (s.after, s.quote))
        found = [f for f in found if f[0] >= after[0][1]]
    if len(found) <= s.k:
        sys.exit("not found: %r (occurrence %d)" % (s.quote, s.k))
    return span_at(chars, *found[s.k])


def resolve(value, chars):
    if isinstance(value, S):
        return locate(chars, value)
    if isinstance(value, dict):
        return {k: resolve(v, chars) for k, v in value.items()}
    if isinstance(value, list):
        return [resolve(v, chars) for v in value]
    return value


def source(name, document, row=None):
    data = open(os.path.join(SAMPLES, name), "rb").read()
    return {
        "path": SAMPLES + "/" + name,
        "sha256": hashlib.sha256(data).hexdigest(),
        "format": document["format"],
        "declaredFormat": document.get("declaredFormat"),
        "pages": document.get("pages"),
        "row": row,
    }


# ---------------------------------------------------------------------------
# The original report in other forms: the text form's values, spans relocated.

def is_span(d):
    return isinstance(d, dict) and set(d) == {"page", "line", "column", "text"}


def relocate(record, text_chars, target_chars):
    def walk(value):
        if is_span(value):
            found = occurrences(text_chars, value["text"])
            if not found:
                sys.exit("quote of the text form not found in it: %r" % value["text"])
            # The occurrence the text form's span points at: the one starting at its
            # line and column, or else the nearest.
            def distance(f):
                _, line, column = text_chars[f[0]][1]
                return (abs(line - value["line"]), abs(column - value["column"]))
            k = min(range(len(found)), key=lambda n: distance(found[n]))
            return locate(target_chars, S(value["text"], k))
        if isinstance(value, dict):
            return {key: walk(v) for key, v in value.items()}
        if isinstance(value, list):
            return [walk(v) for v in value]
        return value
    return walk(record)


# ---------------------------------------------------------------------------
# Records written by reading each report.

def record(**fields):
    base = {
        "schemaVersion": 1, "source": None, "program": None, "component": None, "activity": None,
        "indicator": None, "period": None, "responsibleUnit": None, "reportingInstitution": None,
        "targets": None, "actions": [], "dates": [], "periodMentions": [], "institutions": [],
        "signatories": [], "findings": [],
    }
    base.update(fields)
    return base


def coded(code, name, quote):
    return {"code": code, "name": name, "evidence": S(quote)}


def period(year, quarter, quote):
    first = (quarter - 1) * 3 + 1
    last_day = {3: 31, 6: 30, 9: 30, 12: 31}[first + 2]
    return {"year": year, "quarter": quarter, "start": "%d-%02d-01" % (year, first),
            "end": "%d-%02d-%02d" % (year, first + 2, last_day), "evidence": S(quote)}


def org(name, acronym, evidence):
    return {"name": name, "acronym": acronym, "evidence": evidence}


def targets(unit, annual, period_, achieved, percent, evidence, cumulative=False):
    return {"unit": unit, "annual": annual, "period": period_, "periodIsCumulative": cumulative,
            "achieved": achieved, "compliancePercent": percent, "evidence": evidence}


def action(title, date, institutions, quote=None, links=()):
    return {"title": title, "date": date, "institutions": institutions, "links": list(links), "evidence": S(quote or title)}


def date(text, value, action_index):
    return {"text": text, "value": value, "ambiguous": False, "alternatives": [], "action": action_index, "evidence": S(text)}


def mention(text, year, quarter, k=0):
    return {"text": text, "year": year, "quarter": quarter, "evidence": S(text, k)}


def institution(name, acronym, k=0):
    return {"name": name, "acronym": acronym, "evidence": S(name, k)}


def signatory(name, honorific, role):
    return {"name": name, "honorific": honorific, "role": role, "evidence": S(honorific + " " + name)}


def multipage():
    iqm = "Instituto Quintanarroense de la Mujer"
    return [record(
        program=coded("E001", "Igualdad Sustantiva entre Mujeres y Hombres", "E001 - Igualdad Sustantiva entre Mujeres y Hombres"),
        component=coded("C02", "Capacitaciones en perspectiva de género impartidas a personas servidoras públicas",
                        "C02 - Capacitaciones en perspectiva de género impartidas a personas servidoras públicas."),
        activity=coded("C02.A01", "Impartición de talleres de sensibilización en igualdad de género",
                       "C02.A01 - Impartición de talleres de sensibilización en igualdad de género."),
        indicator={"code": "I01", "name": "Número de talleres de sensibilización impartidos",
                   "description": "Mide los talleres de sensibilización en igualdad de género impartidos a personas servidoras públicas estatales y municipales",
                   "evidence": S("I01 - Número de talleres de sensibilización impartidos.")},
        period=period(2024, 2, "Segundo Trimestre 2024"),
        responsibleUnit=org("Dirección de Capacitación", "DC", S("Dirección de Capacitación (DC).")),
        reportingInstitution=org(iqm, "IQM", S(iqm)),
        targets=targets("talleres", 12, 3, 3, 100, [
            S("12", after="Unidad de medida"), S("3", after="Unidad de medida"),
            S("3", 1, after="Unidad de medida"), S("100%", after="Unidad de medida")]),
        actions=[
            action("Taller de sensibilización con la Secretaría de Finanzas y Planeación", "2024-04-15",
                   ["Secretaría de Finanzas y Planeación"]),
            action("Taller de sensibilización en el Ayuntamiento de Benito Juárez", "2024-05-20",
                   ["Ayuntamiento de Benito Juárez"]),
            action("Taller para el Tribunal Superior de Justicia del Estado de Quintana Roo", "2024-06-12",
                   ["Tribunal Superior de Justicia del Estado de Quintana Roo"]),
        ],
        dates=[date("15 de abril de 2024", "2024-04-15", 0), date("20 de mayo de 2024", "2024-05-20", 1),
               date("12 de junio de 2024", "2024-06-12", 2)],
        periodMentions=[mention("segundo trimestre de 2024", 2024, 2)],
        institutions=[institution(iqm, "IQM"), institution("Secretaría de Finanzas y Planeación", "SEFIPLAN"),
                      institution("Ayuntamiento de Benito Juárez", None),
                      institution("Tribunal Superior de Justicia del Estado de Quintana Roo", None)],
        signatories=[signatory("Laura Méndez Castillo", "Mtra.", "Directora de Capacitación"),
                     signatory("Jorge Pérez Ramírez", "Lic.", "Jefe del Departamento de Seguimiento")],
    )]


def tabular():
    sesa = "Secretaría Ejecutiva del Sistema Anticorrupción del Estado de Quintana Roo"
    rows = [
        ("I01", "Porcentaje de convenios de colaboración firmados", "porcentaje", ("100", "50", "50", "100%"), 100, 50, 50, 100),
        ("I02", "Número de mesas de trabajo realizadas", "mesas", ("8", "4", "3", "75%"), 8, 4, 3, 75),
        ("I03", "Número de capacitaciones impartidas", "capacitaciones", ("12", "6", "5", "90%"), 12, 6, 5, 90),
    ]
    records = []
    for n, (code, name, unit, quotes, annual, target, achieved, percent) in enumerate(rows, start=1):
        cell = "%s - %s" % (code, name)
        evidence = [S(quotes[0], after=cell), S(quotes[1], after=cell),
                    S(quotes[2], 1 if quotes[2] == quotes[1] else 0, after=cell), S(quotes[3], after=cell)]
        findings = []
        if abs(achieved / target * 100 - percent) > 0.5:
            findings.append({"rule": "percent-mismatch", "severity": "error",
                             "message": "The stated %d%% differs from %d / %d = %.1f%%" % (percent, achieved, target, achieved / target * 100),
                             "evidence": [evidence[3], evidence[2], evidence[1]]})
        records.append((n, record(
            program=coded("O002", "Fortalecimiento de las Capacidades Institucionales en Materia Anticorrupción",
                          "O002 - Fortalecimiento de las Capacidades Institucionales en Materia Anticorrupción"),
            indicator={"code": code, "name": name, "description": None, "evidence": S(cell)},
            period=period(2024, 3, "Julio-Septiembre 2024"),
            responsibleUnit=org("Dirección de Vinculación Interinstitucional", "DVI", S("Dirección de Vinculación Interinstitucional (DVI)")),
            reportingInstitution=org(sesa, "SESAEQROO", S(sesa)),
            targets=targets(unit, annual, target, achieved, percent, evidence),
            institutions=[institution(sesa, "SESAEQROO")],
            findings=findings,
        )))
    return records


def cp1252():
    iqm = "Instituto Quintanarroense de la Mujer"
    return [record(
        program=coded("E001", "Igualdad Sustantiva entre Mujeres y Hombres", "E001 – Igualdad Sustantiva entre Mujeres y Hombres"),
        component=coded("C01", "Atención a mujeres en situación de violencia brindada", "C01 - Atención a mujeres en situación de violencia brindada."),
        activity=coded("C01.A02", "Difusión de los servicios de atención en los municipios", "C01.A02 - Difusión de los servicios de atención en los municipios."),
        indicator={"code": "01", "name": "Número de jornadas de difusión realizadas", "description": None,
                   "evidence": S("01 - Número de jornadas de difusión realizadas.")},
        period=period(2024, 1, "1er. Trimestre 2024"),
        responsibleUnit=org("Departamento de Difusión", None, S("Departamento de Difusión.")),
        reportingInstitution=org(iqm, None, S(iqm)),
        targets=targets("jornadas", 8, 2, 2, 100, [
            S("8", after="meta anual"), S("2", after="primer trimestre"), S("2", after="se realizaron"), S("100%")]),
        actions=[
            action("Jornada de difusión en Felipe Carrillo Puerto", "2024-02-14", ["Ayuntamiento de Felipe Carrillo Puerto"]),
            action("Jornada de difusión en José María Morelos", "2024-03-21", ["Fiscalía General del Estado de Quintana Roo"]),
        ],
        dates=[date("14 de febrero de 2024", "2024-02-14", 0), date("21 de marzo de 2024", "2024-03-21", 1)],
        periodMentions=[mention("primer trimestre", None, 1)],
        institutions=[institution(iqm, None), institution("Ayuntamiento de Felipe Carrillo Puerto", None),
                      institution("Fiscalía General del Estado de Quintana Roo", None)],
        signatories=[signatory("Ana Lucía Cervera Poot", "Lic.", "Jefa del Departamento de Difusión")],
    )]


def html_named_pdf():
    idaip = "Instituto de Acceso a la Información y Protección de Datos Personales de Quintana Roo"
    return [record(
        program=coded("K025", "Infraestructura para la Transparencia", "K025 - Infraestructura para la Transparencia"),
        indicator={"code": "02", "name": "Número de sitios de consulta habilitados", "description": None,
                   "evidence": S("02 - Número de sitios de consulta habilitados.")},
        period=period(2023, 4, "4to. Trimestre 2023"),
        responsibleUnit=org("Unidad de Transparencia", "UT", S("Unidad de Transparencia (UT).")),
        reportingInstitution=org(idaip, "IDAIPQROO", S(idaip)),
        targets=targets("sitios", 4, 1, 1, None, [
            S("4", after="meta anual"), S("1", after="cuarto trimestre"), S("1", after="se habilitó")]),
        actions=[action("Sitio de consulta en Chetumal", "2023-12-05", ["Universidad de Quintana Roo"])],
        dates=[date("5 de diciembre de 2023", "2023-12-05", 0)],
        periodMentions=[mention("cuarto trimestre", None, 4)],
        institutions=[institution(idaip, "IDAIPQROO"), institution("Universidad de Quintana Roo", None)],
    )]


# ---------------------------------------------------------------------------
# The audit's series (Samples/series/): quarterly fichas of one indicator, no actions.

def icatey(period_quote, quarter, annual, cumulative_target, achieved, percent_quote, percent,
           indicator_quote="01 - Número de cursos impartidos en comunidades rurales",
           indicator_name="Número de cursos impartidos en comunidades rurales"):
    name = "Instituto de Capacitación para el Trabajo del Estado de Yucatán"
    return record(
        program=coded("E023", "Capacitación para el trabajo", "E023 - Capacitación para el trabajo"),
        component=coded("C01", "Cursos de capacitación para el trabajo impartidos",
                        "C01 - Cursos de capacitación para el trabajo impartidos"),
        activity=coded("C01.A02", "Impartición de cursos en comunidades rurales",
                       "C01.A02 - Impartición de cursos en comunidades rurales"),
        indicator={"code": "01", "name": indicator_name, "description": None, "evidence": S(indicator_quote)},
        period=period(2024, quarter, period_quote),
        responsibleUnit=org("Dirección de Vinculación", "DV", S("Dirección de Vinculación (DV)")),
        # The letterhead names it before the Institución field does.
        reportingInstitution=org(name, "ICATEY", S(name)),
        targets=targets("Cursos", annual, cumulative_target, achieved, percent, [
            S(str(annual), after="Meta anual"), S(str(cumulative_target), after="Meta acumulada al trimestre"),
            S(str(achieved), after="Avance acumulado"), S(percent_quote)], cumulative=True),
        institutions=[institution(name, "ICATEY")],
        signatories=[signatory("Mariana Pech Dzul", "Lic.", "Directora de Vinculación")],
    )


def icatey_markdown_table():
    """The fourth quarter's targets stand in a one-row table: quote each cell of the row."""
    r = icatey("4to. Trimestre 2024", 4, 24, 22, 11, "50%", 50)
    r["targets"]["evidence"] = [S(v, after="Porcentaje de cumplimiento") for v in ("24", "22", "11", "50%")]
    return r


def cobay(period_quote, quarter, target, quote_after="Meta del trimestre"):
    # "Colegio" heads no institution in the lexicon: the reporting body comes from the
    # Dependencia field alone, and the institutions list stays empty.
    return record(
        program=coded("E031", "Educación media superior", "E031 - Educación media superior"),
        component=coded("C03", "Orientación educativa otorgada", "C03 - Orientación educativa otorgada"),
        activity=coded("C03.A01", "Realización de jornadas de orientación vocacional",
                       "C03.A01 - Realización de jornadas de orientación vocacional"),
        indicator={"code": "I02", "name": "Número de jornadas de orientación vocacional realizadas", "description": None,
                   "evidence": S("I02 - Número de jornadas de orientación vocacional realizadas")},
        period=period(2023, quarter, period_quote),
        responsibleUnit=org("Departamento de Orientación Educativa", None, S("Departamento de Orientación Educativa")),
        reportingInstitution=org("Colegio de Bachilleres del Estado de Yucatán", "COBAY",
                                 S("Colegio de Bachilleres del Estado de Yucatán (COBAY)")),
        targets=targets(None, 12, target, target, 100, [
            S("12", after="Meta anual"), S(str(target), after=quote_after), S(str(target), after="Meta alcanzada"), S("100%")]),
        signatories=[signatory("Rosa Elena Canché Ku", "Mtra.", "Jefa del Departamento de Orientación Educativa")],
    )


SERIES = [
    ("series/planted/icatey-2024-T1-C01.A02.txt", lambda: icatey("1er. Trimestre 2024", 1, 20, 4, 4, "100%", 100)),
    ("series/planted/icatey-2024-T3-C01.A02.html", lambda: icatey(
        "3er. Trimestre 2024", 3, 20, 14, 12, "85.7%", 85.7,
        indicator_quote="01 - Número de cursos impartidos en comunidades rurales <script>alert(1)</script>",
        indicator_name="Número de cursos impartidos en comunidades rurales <script>alert(1)</script>")),
    ("series/planted/icatey-2024-T3-C01.A02-corregido.pdf", lambda: icatey("3er. Trimestre 2024", 3, 20, 14, 13, "92.9%", 92.9)),
    ("series/planted/icatey-2024-T4-C01.A02.md", icatey_markdown_table),
    ("series/clean/cobay-2023-T1-C03.A01.md", lambda: cobay("Enero-Marzo 2023", 1, 3)),
    ("series/clean/cobay-2023-T2-C03.A01.html", lambda: cobay("Abril-Junio 2023", 2, 3)),
    ("series/clean/cobay-2023-T3-C03.A01.txt", lambda: cobay("Julio-Septiembre 2023", 3, 2)),
    ("series/clean/cobay-2023-T4-C03.A01.pdf", lambda: cobay("Octubre-Diciembre 2023", 4, 4)),
]


def write(name, records):
    path = os.path.join(SAMPLES, "expected", name + ".json")
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        f.write(json.dumps(records, ensure_ascii=False, indent=2) + "\n")
    print("wrote", path)


def main():
    binary = sys.argv[1]
    os.makedirs(os.path.join(SAMPLES, "expected"), exist_ok=True)

    def build(name, spec):
        document = extract(binary, os.path.join(SAMPLES, name))
        chars = stream(document)
        out = []
        for row, r in spec:
            r = resolve(r, chars)
            r["source"] = source(name, document, row)
            out.append(r)
        write(name, out)

    build("iqm-2024-T2-C02.A01-multipagina.pdf", [(None, r) for r in multipage()])
    build("avance-indicadores-2024-T3-tabla.html", tabular())
    build("avance-indicadores-2024-T3-tabla.pdf", tabular())
    build("iqm-2024-T1-C01.A02-cp1252.html", [(None, r) for r in cp1252()])
    build("informe-html-con-nombre.pdf", [(None, r) for r in html_named_pdf()])
    for name, make in SERIES:
        build(name, [(None, make())])

    for name, words in [
        ("cifrado-con-contrasena.pdf", "encrypted"),
        ("truncado.pdf", "truncated"),
        ("escaneado-sin-texto.pdf", "no text layer"),
    ]:
        path = os.path.join(SAMPLES, "expected", name + ".json")
        with open(path, "w", encoding="utf-8") as f:
            f.write(json.dumps({"error": words}) + "\n")
        print("wrote", path)

    original = "sesaeqroo-2024-T3-F.P.C01.A01"
    text_record = sys.argv[2] if len(sys.argv) > 2 else os.path.join(SAMPLES, "expected", original + ".txt.json")
    if not os.path.exists(text_record):
        print("no text-form record at %s: the PDF and HTML forms' records are left as they are" % text_record)
        return
    text_records = json.load(open(text_record, encoding="utf-8"))
    text_chars = stream(extract(binary, os.path.join(SAMPLES, original + ".txt")))
    for ext in ("pdf", "html"):
        name = original + "." + ext
        document = extract(binary, os.path.join(SAMPLES, name))
        chars = stream(document)
        out = []
        for r in text_records:
            moved = relocate(copy.deepcopy(r), text_chars, chars)
            moved["source"] = source(name, document, r["source"].get("row"))
            out.append(moved)
        write(name, out)


if __name__ == "__main__":
    main()
