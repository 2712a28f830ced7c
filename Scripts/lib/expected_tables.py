"""Writes Samples/expected/<file>.json for the table-format samples that make_tables.py makes
(CONAC PDF and XLSX, SIPOT XLSX and CSV, a POA progress table, a MIR with its fichas técnicas).

Every value below was typed by reading the samples as printed (the page images, the workbook in a
spreadsheet, the CSV in a text editor), following the record conventions of Samples/README.md;
nothing comes from avance. What this script adds is mechanical:
- in a PDF, each quote's span, found with Scripts/lib/pdf_spans.py (poppler's tools, not avance):
  first in pdftotext's text with the words' boxes, the occurrence in the row of the table where the
  quote stands (the row given by another quote of it), then its line and column moved to the page
  text of poppler's library (pdf_spans.py --relocate), as for every PDF sample;
- in a workbook, the span of the cell typed beside each quote (`sheet`, `cell`, its row as `line`
  and its column number as `column`), checked against the cell's value read from the workbook's XML;
- in the CSV, the line and the character column where the field's text starts in the decoded file;
- each file's SHA-256 and page count.

Run with /usr/bin/python3 (pdf_spans.py reads poppler's library through python3-gi):
    /usr/bin/python3 Scripts/lib/expected_tables.py
"""

import hashlib
import json
import os
import re
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import pdf_spans  # noqa: E402

SAMPLES = "Samples"


# ---------------------------------------------------------------------------
# Quotes and where to find them.

class P:
    """A quote on a PDF page; `row` is another quote of the same table row (its tallest cell, the
    indicator's name), whose box says which occurrence of the quote is meant."""

    def __init__(self, page, quote, row=None, nth=0):
        self.page, self.quote, self.row, self.nth = page, quote, row, nth


class X:
    """A workbook cell's text (or a part of it) at a typed reference."""

    def __init__(self, cell, text, sheet):
        self.cell, self.text, self.sheet = cell, text, sheet


class C:
    """A field of the CSV on a typed line; `whole` when the quote is the field's whole text
    (a figure, found between its delimiters)."""

    def __init__(self, quote, line, nth=0, whole=False):
        self.quote, self.line, self.nth, self.whole = quote, line, nth, whole


def pdf_occurrences(path, page, quote):
    pdf_spans.ENGINE = "pdftotext"
    found, k = [], 0
    while True:
        try:
            found.append(pdf_spans.pdf_span(path, page, quote, k))
        except SystemExit:
            return found
        k += 1


def locate_pdf(path, p):
    found = pdf_occurrences(path, p.page, p.quote)
    if p.row is not None:
        anchors = pdf_occurrences(path, p.page, p.row)
        if len(anchors) != 1:
            sys.exit("%s p%d: row quote %r found %d times" % (path, p.page, p.row, len(anchors)))
        top = anchors[0]["box"]["y"]
        bottom = top + anchors[0]["box"]["height"]
        found = [f for f in found if top - 1 <= f["box"]["y"] + f["box"]["height"] / 2 <= bottom + 1]
        # Within the row, left to right.
        found.sort(key=lambda f: f["box"]["x"])
    if len(found) <= p.nth:
        sys.exit("%s p%d: %r not found (occurrence %d, row %r)" % (path, p.page, p.quote, p.nth, p.row))
    return found[p.nth]


def column_number(ref):
    letters = re.match(r"[A-Z]+", ref).group(0)
    n = 0
    for ch in letters:
        n = n * 26 + ord(ch) - 64
    return n


def locate_cell(cells, x):
    value = cells.get((x.sheet, x.cell))
    if value is None or x.text not in " ".join(value.split()):
        sys.exit("%s!%s holds %r, not %r" % (x.sheet, x.cell, value, x.text))
    return {"page": None, "line": int(re.search(r"\d+", x.cell).group(0)), "column": column_number(x.cell),
            "text": x.text, "sheet": x.sheet, "cell": x.cell}


def locate_csv(lines, c):
    line = ";" + lines[c.line - 1] + ";"
    quote = ";%s;" % c.quote if c.whole else c.quote
    at, start = -1, 0
    for _ in range(c.nth + 1):
        at = line.find(quote, start)
        if at < 0:
            sys.exit("line %d: %r not found: %r" % (c.line, quote, line))
        start = at + 1
    # The padding ";" shifts every index by one; a whole field's quote starts with its delimiter.
    column = at + (1 if c.whole else 0)
    return {"page": None, "line": c.line, "column": column, "text": c.quote}


def resolve(value, where):
    if isinstance(value, (P, X, C)):
        return where(value)
    if isinstance(value, dict):
        return {k: resolve(v, where) for k, v in value.items()}
    if isinstance(value, list):
        return [resolve(v, where) for v in value]
    return value


# ---------------------------------------------------------------------------
# The record's shape.

def record(**fields):
    base = {
        "schemaVersion": 2, "source": None, "program": None, "component": None, "activity": None,
        "indicator": None, "period": None, "responsibleUnit": None, "reportingInstitution": None,
        "targets": None, "actions": [], "dates": [], "periodMentions": [], "institutions": [],
        "signatories": [], "notices": [], "spreadsheetErrors": [], "tableSums": None, "linkedValues": None,
        "periodValues": None, "notApplicable": None,
        "findings": [],
    }
    base.update(fields)
    return base


def period(year, first_month, last_month, evidence):
    last_day = {3: 31, 6: 30, 9: 30, 12: 31}[last_month]
    return {"year": year, "quarter": last_month // 3, "start": "%d-%02d-01" % (year, first_month),
            "end": "%d-%02d-%02d" % (year, last_month, last_day), "evidence": evidence}


def indicator(name, evidence, code=None, description=None, level=None, frequency=None, formula=None):
    return {"code": code, "name": name, "description": description, "level": level, "frequency": frequency,
            "formula": formula, "evidence": evidence}


def org(name, evidence, acronym=None):
    return {"name": name, "acronym": acronym, "evidence": evidence}


def targets(unit=None, annual=None, modified=None, period_=None, cumulative=False, achieved=None, percent=None,
            percent_modified=None, baseline=None, evidence=()):
    """`evidence`: the spans of the stated values, in the record's order: annual, period, achieved,
    percent, modified, percentModified, baseline."""
    return {"unit": unit, "annual": annual, "modified": modified, "period": period_, "periodIsCumulative": cumulative,
            "achieved": achieved, "compliancePercent": percent, "compliancePercentModified": percent_modified,
            "baseline": baseline, "evidence": list(evidence)}


def finding(rule, evidence, severity="error"):
    # The message is the code's wording (the golden test leaves it out of the comparison).
    return {"rule": rule, "severity": severity, "message": "", "evidence": evidence}


def total_row(label, columns, subtotal=False):
    """A total or subtotal row: its label's span and, per column it prints a figure in, what it
    states and the rows' figures it sums."""
    return {"label": label, "isSubtotal": subtotal, "columns": columns}


def summed(header, stated, evidence, parts, first, last, decimals=0, ratio=None):
    """A column of a total row: `ratio` = (numerator, denominator), positions in the row's columns
    of the totals a ratio column divides."""
    return {"header": header, "stated": stated, "evidence": evidence, "parts": parts, "partsDecimals": decimals,
            "partsEvidence": [first, last], "isRatio": ratio is not None,
            "numerator": ratio[0] if ratio else None, "denominator": ratio[1] if ratio else None}


def signatory(name, honorific, role, page):
    return {"name": name, "honorific": honorific, "role": role, "evidence": P(page, honorific + " " + name)}


# ---------------------------------------------------------------------------
# CONAC "Indicadores para Resultados", PDF: 4 indicators of program E031, January to September 2023.

def conac_pdf():
    body = "INSTITUTO PARA LA EDUCACIÓN DE LAS PERSONAS JÓVENES Y ADULTAS DE AGUASCALIENTES"
    # name, level, frequency, unit, formula, programada, modificada, alcanzada, alc/prog, alc/modif
    rows = [
        ("Porcentaje de personas de 15 años y más en rezago educativo atendidas", "Propósito", "Anual", "Porcentaje",
         "(Personas de 15 años y más en rezago educativo atendidas / Total de personas de 15 años y más en rezago "
         "educativo en el Estado)*100", ("12.5", 12.5), ("12.5", 12.5), ("11.8", 11.8), ("94.4", 94.4), ("94.4", 94.4)),
        ("Número de educandos que concluyen nivel inicial, primaria o secundaria", "Componente", "Trimestral",
         "Educando", "Sumatoria de educandos que concluyen nivel en el periodo",
         ("4,800", 4800), ("5,200", 5200), ("3,950", 3950), ("82.3", 82.3), ("76.0", 76)),
        ("Número de asesores educativos formados", "Actividad", "Trimestral", "Asesor",
         "Sumatoria de asesores que concluyen el curso de formación inicial",
         ("320", 320), None, ("352", 352), ("110.0", 110), None),
        ("Número de certificados de secundaria entregados", "Actividad", "Trimestral", "Certificado",
         "Sumatoria de certificados de secundaria entregados a educandos",
         ("2,600", 2600), ("2,600", 2600), ("1,430", 1430), ("85.0", 85), ("55.0", 55)),
    ]
    records = []
    for name, level, frequency, unit, formula, prog, modif, alc, pct_prog, pct_modif in rows:
        def at(quote, nth=0):
            return P(1, quote, row=name, nth=nth)
        annual_e = at(prog[0])
        achieved_e = at(alc[0])
        percent_e = at(pct_prog[0])
        evidence = [annual_e, achieved_e, percent_e]
        modified_e = None
        if modif:
            # The same figure twice in the row (Programada, Modificada): the second is the modified.
            modified_e = at(modif[0], 1 if modif[0] == prog[0] else 0)
            evidence.append(modified_e)
        percent_modified_e = None
        if pct_modif:
            percent_modified_e = at(pct_modif[0], 1 if pct_modif[0] == pct_prog[0] else 0)
            evidence.append(percent_modified_e)
        findings = []
        if abs(alc[1] / prog[1] * 100 - pct_prog[1]) > 0.5:
            findings.append(finding("percent-mismatch", [percent_e, achieved_e, annual_e]))
        if modif and abs(alc[1] / modif[1] * 100 - pct_modif[1]) > 0.5:
            findings.append(finding("percent-mismatch", [percent_modified_e, achieved_e, modified_e]))
        records.append(record(
            program={"code": "E031", "name": None, "evidence": at("E031")},
            indicator=indicator(name, P(1, name), level=level, frequency=frequency, formula=formula),
            period=period(2023, 1, 9, P(1, "1 de Enero al 30 de Septiembre de 2023")),
            responsibleUnit=org("1102", at("1102")),
            reportingInstitution=org(body, P(1, body)),
            targets=targets(unit, annual=prog[1], modified=modif[1] if modif else None, cumulative=True,
                            achieved=alc[1], percent=pct_prog[1], percent_modified=pct_modif[1] if pct_modif else None,
                            evidence=evidence),
            institutions=[{"name": body, "acronym": None, "evidence": P(1, body)}],
            findings=findings,
        ))
    # The total row sums the budget; its two ratios are the sums of the rows' ratios.
    first, last = rows[0][0], rows[-1][0]

    def total(quote):
        return P(1, quote, row="Total del Programa")
    label = P(1, "Total del Programa")
    records[0]["tableSums"] = [total_row(label, [
        summed("Aprobado", 79000000, total("79,000,000.00"), [48250000, 21600000, 3400000, 5750000],
               P(1, "48,250,000.00", row=first), P(1, "5,750,000.00", row=last), 2),
        summed("Modificado", 80300000, total("80,300,000.00"), [49100000, 22050000, 3400000, 5750000],
               P(1, "49,100,000.00", row=first), P(1, "5,750,000.00", row=last, nth=1), 2),
        summed("Devengado", 54984000, total("54,984,000.00"), [33870500, 15435000, 2516000, 3162500],
               P(1, "33,870,500.00", row=first), P(1, "3,162,500.00", row=last), 2),
        summed("Dev. / Aprob.", 2.7, total("2.70"), [0.7, 0.71, 0.74, 0.55],
               P(1, "0.70", row=first), P(1, "0.55", row=last), 2, ratio=(2, 0)),
        summed("Dev. / Modif.", 2.68, total("2.68"), [0.69, 0.7, 0.74, 0.55],
               P(1, "0.69", row=first), P(1, "0.55", row=last, nth=1), 2, ratio=(2, 1)),
    ])]
    records[0]["findings"] += [
        finding("total-mismatch", [total("2.70"), label, total("54,984,000.00"), total("79,000,000.00")]),
        finding("total-mismatch", [total("2.68"), label, total("54,984,000.00"), total("80,300,000.00")]),
    ]
    return records


# ---------------------------------------------------------------------------
# CONAC "Indicadores para Resultados", XLSX: 4 indicators of program E112, January to June 2022.

def conac_xlsx():
    body = "SISTEMA PARA EL DESARROLLO INTEGRAL DE LA FAMILIA DEL ESTADO DE NAYARIT"

    def x(ref, text):
        return X(ref, text, "IR")

    # sheet row, name, level, frequency, unit, formula, then (column, text, value) of Programada,
    # Modificada, Alcanzada, Alc./Prog., Alc./Modif.; None where a placeholder (N/A) stands.
    rows = [
        (10, "Porcentaje de familias en situación de vulnerabilidad que mejoran su seguridad alimentaria", "Fin",
         "Anual", "Porcentaje",
         "(Familias vulnerables con seguridad alimentaria / Total de familias vulnerables atendidas)*100",
         ("35", 35), None, ("36.2", 36.2), ("103.4", 103.4), None, []),
        (12, "Número de personas beneficiadas con desayunos escolares", "Componente", "Trimestral", "Persona",
         "Sumatoria de personas beneficiadas con desayunos escolares en el periodo",
         ("15000", 15000), ("14000", 14000), ("13300", 13300), ("88.7", 88.7), ("95", 95), []),
        (14, "Número de despensas entregadas a familias en situación de vulnerabilidad", "Actividad", "Trimestral",
         "Despensa", "Sumatoria de despensas entregadas en el periodo",
         ("1200", 1200), ("1200", 1200), ("1140", 1140), ("95", 95), ("95", 95), ["U", "X"]),
        (16, "Número de pláticas de orientación alimentaria impartidas", "Actividad", "Trimestral", "Plática",
         "Sumatoria de pláticas de orientación alimentaria impartidas",
         ("40", 40), ("40", 40), ("30", 30), ("75", 75), ("57.5", 57.5), []),
    ]
    records = []
    for r, name, level, frequency, unit, formula, prog, modif, alc, pct_prog, pct_modif, errors in rows:
        annual_e, achieved_e, percent_e = x("P%d" % r, prog[0]), x("R%d" % r, alc[0]), x("S%d" % r, pct_prog[0])
        evidence = [annual_e, achieved_e, percent_e]
        modified_e = percent_modified_e = None
        if modif:
            modified_e = x("Q%d" % r, modif[0])
            evidence.append(modified_e)
        if pct_modif:
            percent_modified_e = x("T%d" % r, pct_modif[0])
            evidence.append(percent_modified_e)
        error_spans = [x("%s%d" % (col, r), "#REF!") for col in errors]
        findings = []
        if error_spans:
            findings.append(finding("spreadsheet-error", error_spans))
        if abs(alc[1] / prog[1] * 100 - pct_prog[1]) > 0.5:
            findings.append(finding("percent-mismatch", [percent_e, achieved_e, annual_e]))
        if modif and pct_modif and abs(alc[1] / modif[1] * 100 - pct_modif[1]) > 0.5:
            findings.append(finding("percent-mismatch", [percent_modified_e, achieved_e, modified_e]))
        records.append(record(
            program={"code": "E112", "name": None, "evidence": x("G%d" % r, "E112")},
            indicator=indicator(name, x("I%d" % r, name), level=level, frequency=frequency, formula=formula),
            period=period(2022, 1, 6, x("B3", "1 de Enero al 30 de Junio de 2022")),
            responsibleUnit=org("1210", x("H%d" % r, "1210")),
            reportingInstitution=org(body, x("E5", body)),
            targets=targets(unit, annual=prog[1], modified=modif[1] if modif else None, cumulative=True,
                            achieved=alc[1], percent=pct_prog[1], percent_modified=pct_modif[1] if pct_modif else None,
                            evidence=evidence),
            institutions=[{"name": body, "acronym": None, "evidence": x("E5", body)}],
            spreadsheetErrors=error_spans,
            findings=findings,
        ))
    # The total row: Aprobado and its ratio print #REF! (no sum to check, but each error is a
    # finding; the total row's go with the table's first record); Modificado and Devengado are
    # the rows' sums; Dev. / Modif. is the sum of the rows' ratios.
    label = x("C18", "Total del Gasto")
    total_errors = [x("U18", "#REF!"), x("X18", "#REF!")]
    records[0]["spreadsheetErrors"] = total_errors
    records[0]["tableSums"] = [total_row(label, [
        summed("Modificado", 26100000, x("V18", "26100000"), [12950000, 9400000, 3100000, 650000],
               x("V10", "12950000"), x("V16", "650000")),
        summed("Devengado", 12428500, x("W18", "12428500"), [6105000, 4512000, 1519000, 292500],
               x("W10", "6105000"), x("W16", "292500")),
        summed("Dev. / Modif.", 1.89, x("Y18", "1.89"), [0.47, 0.48, 0.49, 0.45], x("Y10", "0.47"), x("Y16", "0.45"),
               2, ratio=(1, 0)),
    ])]
    records[0]["findings"].append(
        finding("total-mismatch", [x("Y18", "1.89"), label, x("W18", "12428500"), x("V18", "26100000")]))
    records[0]["findings"].append(finding("spreadsheet-error", total_errors))
    return records


# ---------------------------------------------------------------------------
# SIPOT "Indicadores de resultados", XLSX: 5 indicators, April to June 2024 (each row's dates).

def sipot_xlsx():
    def x(ref, text):
        return X(ref, text, "Reporte de Formatos")

    # sheet row, program, indicator, definition, formula, unit, línea base, metas programadas,
    # metas ajustadas, avance, área responsable, error cell
    rows = [
        (8, "Agua potable para todos", "Porcentaje de cobertura de agua potable en localidades rurales",
         "Mide la proporción de habitantes de localidades rurales que cuentan con servicio de agua potable",
         "PCAP= (HRSAP/THR) x 100 HRSAP= Habitantes rurales con servicio de agua potable THR= Total de habitantes "
         "rurales", "Porcentaje", ("91.2", 91.2), ("93", 93), None, ("92.4", 92.4), "Dirección de Planeación Hidráulica",
         None),
        (9, "Saneamiento de aguas residuales", "Porcentaje de aguas residuales tratadas",
         "Mide la proporción del caudal de aguas residuales colectadas que recibe tratamiento",
         "PART= (CART/CARC) x 100 CART= Caudal de aguas residuales tratadas CARC= Caudal de aguas residuales "
         "colectadas", "Porcentaje", ("62", 62), ("68", 68), ("70", 70), ("66.5", 66.5), "Dirección de Saneamiento",
         None),
        (10, "Cultura del agua", "Número de pláticas de cultura del agua impartidas en escuelas",
         "Cuenta las pláticas sobre el cuidado del agua impartidas en escuelas de educación básica",
         "NPI= Sumatoria de pláticas impartidas en el periodo", "Plática", None, ("240", 240), None, ("260", 260),
         "Coordinación de Cultura del Agua", None),
        (11, "Medición del consumo", "Porcentaje de tomas domiciliarias con medidor instalado",
         "Mide la proporción de tomas domiciliarias que cuentan con medidor funcionando",
         "PTM= (TCM/TTD) x 100 TCM= Tomas con medidor TTD= Total de tomas domiciliarias", "Porcentaje",
         ("45.3", 45.3), ("50", 50), None, None, "Dirección Comercial", "#DIV/0!"),
        (12, "Agua potable para todos", "Tiempo promedio de atención de reportes de fugas",
         "Mide las horas que transcurren en promedio entre el reporte de una fuga y su reparación",
         "TPA= Suma de horas de atención / Número de reportes atendidos", "Horas", ("48", 48), ("36", 36), None,
         ("40", 40), "Dirección de Operación", None),
    ]
    records = []
    for r, program, name, definition, formula, unit, base, annual, modified, achieved, area, error in rows:
        evidence = [x("M%d" % r, annual[0])]
        if achieved:
            evidence.append(x("O%d" % r, achieved[0]))
        if modified:
            evidence.append(x("N%d" % r, modified[0]))
        if base:
            evidence.append(x("L%d" % r, base[0]))
        errors = [x("O%d" % r, error)] if error else []
        records.append(record(
            program={"code": None, "name": program, "evidence": x("D%d" % r, program)},
            indicator=indicator(name, x("F%d" % r, name), description=definition, frequency="Trimestral",
                                formula=formula),
            period=period(2024, 4, 6, x("B%d" % r, "2024-04-01")),
            responsibleUnit=org(area, x("R%d" % r, area)),
            targets=targets(unit, annual=annual[1], modified=modified[1] if modified else None,
                            achieved=achieved[1] if achieved else None, baseline=base[1] if base else None,
                            evidence=evidence),
            spreadsheetErrors=errors,
            findings=[finding("spreadsheet-error", errors)] if errors else [],
        ))
    return records


# ---------------------------------------------------------------------------
# SIPOT "Indicadores de resultados", CSV (Windows-1252, `;`): 4 indicators, July to September 2023.

def sipot_csv():
    # first line of the record, line of its last fields (after a quoted cell of three lines),
    # program, indicator, definition, formula, unit, línea base, metas programadas, metas
    # ajustadas, avance, área responsable, error
    rows = [
        (8, 10, "Atención integral a la juventud", "Porcentaje de personas jóvenes atendidas en los centros de atención",
         "Mide la proporción de personas jóvenes atendidas respecto de las programadas",
         "PJA= (JA/JP) * 100 JA= Jóvenes atendidos JP= Jóvenes programados", "Porcentaje", None, ("100", 100), None,
         ("87.5", 87.5), "Departamento de Atención a la Juventud", None),
        (11, 11, "Becas de transporte", "Número de becas de transporte otorgadas",
         "Cuenta las becas de transporte entregadas a estudiantes de nivel medio superior y superior",
         "NBO= Sumatoria de becas otorgadas", "Beca", ("1,100", 1100), ("1,250", 1250), ("1,180", 1180),
         ("1,212", 1212), "Departamento de Becas", None),
        (12, 12, "Atención integral a la juventud",
         "Tasa de variación de personas jóvenes que concluyen cursos de capacitación",
         "Mide el cambio en el número de personas jóvenes que concluyen cursos respecto del año anterior",
         "TV= ((JCt/JCt-1)-1) * 100", "Tasa", ("0", 0), ("5", 5), None, None, "Departamento de Capacitación",
         "#¡DIV/0!"),
        (13, 13, "Emprendimiento juvenil", "Número de talleres de emprendimiento impartidos",
         "Cuenta los talleres de emprendimiento impartidos en colonias y comunidades",
         "NTI= Sumatoria de talleres impartidos", "Taller", None, ("24", 24), None, ("27", 27),
         "Departamento de Emprendimiento", None),
    ]
    records = []
    for first, last, program, name, definition, formula, unit, base, annual, modified, achieved, area, error in rows:
        # The figures stand on the record's last line, each a whole field.
        def field(value, line):
            return C(value, line, whole=True)
        evidence = []
        for value in (annual, achieved, modified, base):
            if value:
                evidence.append(field(value[0], last))
        errors = [field(error, last)] if error else []
        records.append(record(
            program={"code": None, "name": program, "evidence": C(program, first)},
            indicator=indicator(name, C(name, first), description=definition, frequency="Trimestral", formula=formula),
            period=period(2023, 7, 9, C("01/07/2023", first)),
            responsibleUnit=org(area, C(area, last)),
            targets=targets(unit, annual=annual[1], modified=modified[1] if modified else None,
                            achieved=achieved[1] if achieved else None, baseline=base[1] if base else None,
                            evidence=evidence),
            spreadsheetErrors=errors,
            findings=[finding("spreadsheet-error", errors)] if errors else [],
        ))
    return records


# ---------------------------------------------------------------------------
# The portal's formats as legacy Excel workbooks (.xls, make_sheets.py): the values below were
# typed from reading each workbook in a spreadsheet; each quote is checked against the cell read
# with Debian's python3-xlrd (not with FreeXL, which avance uses).

def legacy_xls():
    """Fracción VI as published before about 2018: 2015 to 2017 in one sheet, rows not sorted
    by year, every cell text. Each row's period is its own `Periodo` (a year alone, `ene-dic`:
    the whole year, its 4th quarter, cumulative) in its own `Ejercicio`."""
    def x(ref, text):
        return X(ref, text, "Informacion")

    body = "Colegio de Estudios Científicos y Tecnológicos del Estado de Zacatecas"
    area = "Departamento de Planeación y Evaluación Institucional"
    terminal = ("Educación Media Superior Tecnológica", "Porcentaje de eficiencia terminal",
                "Mide la proporción de alumnos de una generación que concluyen sus estudios en el tiempo normativo",
                "(Alumnos egresados de la generación / Alumnos inscritos en el primer semestre de la generación) x 100",
                "Porcentaje de alumno egresado", "Anual")
    agreements = ("Vinculación con el sector productivo", "Número de convenios de vinculación firmados",
                  "Cuenta los convenios de colaboración firmados con empresas e instituciones",
                  "Sumatoria de convenios firmados en el año", "Convenio", "Anual")
    grants = ("Becas para alumnos", "Porcentaje de alumnos becados",
              "Mide la proporción de la matrícula que recibe una beca institucional",
              "(Alumnos becados / Matrícula total) x 100", "Alumno becado", "Semestral")
    # sheet row, indicator, year, Periodo as written, línea base, metas programadas, metas
    # ajustadas, avance (quote, value; None where the cell states nothing)
    rows = [
        (2, terminal, 2016, "2016", ("61.4", 61.4), ("63", 63), None, ("62.2", 62.2)),
        (3, terminal, 2015, "ene-dic", ("59.8", 59.8), ("62", 62), None, ("61.4", 61.4)),
        # `14 convenios firmados`: the baseline with its unit; `nd`: not stated.
        (4, agreements, 2017, "2017", ("14", 14), ("18", 18), None, None),
        # `90/120`: a target written as a calculation, quoted whole.
        (5, grants, 2015, "2015", ("0.18", 0.18), ("90/120", 0.75), None, ("0.8", 0.8)),
        # Metas ajustadas `0`: not adjusted.
        (6, agreements, 2016, "ene-dic", ("12", 12), ("15", 15), None, ("16", 16)),
        (7, terminal, 2017, "2017", ("62.2", 62.2), ("64", 64), None, None),
    ]
    records = []
    for r, (program, name, definition, formula, unit, frequency), year, part, base, annual, modified, achieved in rows:
        evidence = [x("N%d" % r, annual[0])]
        if achieved:
            evidence.append(x("P%d" % r, achieved[0]))
        if modified:
            evidence.append(x("O%d" % r, modified[0]))
        if base:
            evidence.append(x("M%d" % r, base[0]))
        records.append(record(
            program={"code": None, "name": program, "evidence": x("E%d" % r, program)},
            indicator=indicator(name, x("G%d" % r, name), description=definition, frequency=frequency, formula=formula),
            period=period(year, 1, 12, x("D%d" % r, part)),
            responsibleUnit=org(area, x("T%d" % r, area)),
            reportingInstitution=org(body, x("B%d" % r, body)),
            targets=targets(unit, annual=annual[1], modified=modified[1] if modified else None,
                            achieved=achieved[1] if achieved else None, baseline=base[1] if base else None,
                            cumulative=True, evidence=evidence),
        ))
    return records


def pnt_v_xls():
    """Fracción V ("Indicadores de interés público") as the platform exported it to .xls: the
    format names no program; January to June 2019 is the 2nd quarter, cumulative."""
    def x(ref, text):
        return X(ref, text, "Reporte de Formatos")

    # sheet row, indicator, definition, formula (one line), unit, línea base, metas programadas,
    # metas ajustadas, avance, área responsable
    rows = [
        (8, "Razón de mortalidad materna hospitalaria",
         "Mide las defunciones maternas ocurridas en los hospitales por cada 100 mil nacidos vivos",
         "RMM= (DM/NV) x 100000 DM= Defunciones maternas NV= Nacidos vivos", "Razón", ("38.2", 38.2), ("35", 35),
         None, ("36.9", 36.9), "Dirección de Salud Pública"),
        (9, "Porcentaje de cobertura de vacunación con esquema completo en menores de un año",
         "Mide la proporción de niñas y niños menores de un año con esquema completo de vacunación",
         "PCV= (NEC/TNM) x 100 NEC= Niños con esquema completo TNM= Total de niños menores de un año", "Porcentaje",
         ("87.5", 87.5), ("95", 95), ("92", 92), ("90.1", 90.1), "Dirección de Salud Pública"),
        (10, "Número de consultas otorgadas por unidades médicas móviles",
         "Cuenta las consultas médicas otorgadas por las caravanas de la salud en localidades sin unidad médica",
         "NC= Sumatoria de consultas otorgadas en el periodo", "Consulta", None, ("12400", 12400), None,
         ("13150", 13150), "Dirección de Atención Médica"),
    ]
    records = []
    for r, name, definition, formula, unit, base, annual, modified, achieved, area in rows:
        evidence = [x("L%d" % r, annual[0]), x("N%d" % r, achieved[0])]
        if modified:
            evidence.append(x("M%d" % r, modified[0]))
        if base:
            evidence.append(x("K%d" % r, base[0]))
        records.append(record(
            indicator=indicator(name, x("E%d" % r, name), description=definition, frequency="Semestral",
                                formula=formula),
            period=period(2019, 1, 6, x("B%d" % r, "2019-01-01")),
            responsibleUnit=org(area, x("Q%d" % r, area)),
            targets=targets(unit, annual=annual[1], modified=modified[1] if modified else None, achieved=achieved[1],
                            baseline=base[1] if base else None, cumulative=True, evidence=evidence),
        ))
    return records


def linked_xls():
    """A legacy format whose rows hold `Tabla_221898` where the indicators sit in that sheet,
    joined by the row's id (its unlabelled first column). Each record is a main row joined to one
    row of the linked sheet, in the main rows' order, then the linked sheet's: program, period
    (Ejercicio 2017, Periodo `Enero-Junio`: the 2nd quarter, cumulative) and area from the main
    row; indicator and targets from the linked row, each cited in its own sheet."""
    def m(ref, text):
        return X(ref, text, "Informacion")

    def t(ref, text):
        return X(ref, text, "Tabla_221898")

    # main row, program, linked row, indicator, definition, formula, unit, frequency, metas
    # programadas, avance
    rows = [
        (2, "Apoyo alimentario a personas adultas mayores", 2,
         "Número de despensas entregadas a personas adultas mayores",
         "Cuenta las despensas entregadas a personas adultas mayores en condición de vulnerabilidad",
         "Sumatoria de despensas entregadas en el periodo", "Despensa", "Trimestral", ("18000", 18000),
         ("9240", 9240)),
        (2, "Apoyo alimentario a personas adultas mayores", 4,
         "Porcentaje de personas adultas mayores beneficiarias con seguimiento nutricional",
         "Mide la proporción de personas beneficiarias a las que se dio seguimiento nutricional",
         "(Beneficiarios con seguimiento / Total de beneficiarios) x 100", "Porcentaje", "Semestral", ("80", 80),
         ("76.5", 76.5)),
        (3, "Desayunos escolares calientes", 3, "Número de desayunos calientes servidos en escuelas",
         "Cuenta las raciones de desayuno caliente servidas en escuelas públicas de educación básica",
         "Sumatoria de raciones servidas en el periodo", "Ración", "Trimestral", ("1250000", 1250000),
         ("611300", 611300)),
    ]
    area = "Dirección de Asistencia Alimentaria"
    records = []
    for r, program, k, name, definition, formula, unit, frequency, annual, achieved in rows:
        records.append(record(
            program={"code": None, "name": program, "evidence": m("D%d" % r, program)},
            indicator=indicator(name, t("B%d" % k, name), description=definition, frequency=frequency,
                                formula=formula),
            period=period(2017, 1, 6, m("C%d" % r, "Enero-Junio")),
            responsibleUnit=org(area, m("E%d" % r, area)),
            targets=targets(unit, annual=annual[1], achieved=achieved[1], cumulative=True,
                            evidence=[t("G%d" % k, annual[0]), t("H%d" % k, achieved[0])]),
        ))
    return records


def des01_xls():
    """A state format: `Ente Público:`, `Programa Presupuestario:`, `Unidad Responsable:` and
    `Periodo:` as label / value pairs above the table (each value merged over B:E), which apply to
    every row; figures stored as numbers. Row 3's `% de cumplimiento` is wrong: 24 / 30 = 80.0 %,
    printed 96.0."""
    def x(ref, text):
        return X(ref, text, "DES01 Indicadores")

    body = "Instituto de Capacitación para el Trabajo del Estado de Sonora"
    # sheet row, Nivel, Clave, indicator, formula, unit, frequency, then (text, value) of Meta
    # anual, Meta al periodo, Avance al periodo, % de cumplimiento
    rows = [
        (9, "Propósito", "P01", "Porcentaje de egresados colocados en un empleo",
         "(Egresados colocados / Total de egresados) x 100", "Porcentaje", "Anual",
         ("65", 65), ("65", 65), ("58.5", 58.5), ("90", 90)),
        (10, "Componente", "C01", "Número de cursos de capacitación impartidos", "Sumatoria de cursos impartidos",
         "Curso", "Trimestral", ("420", 420), ("310", 310), ("296", 296), ("95.5", 95.5)),
        (11, "Actividad", "C01.A01", "Número de instructores certificados", "Sumatoria de instructores certificados",
         "Instructor", "Trimestral", ("40", 40), ("30", 30), ("24", 24), ("96", 96)),
    ]
    records = []
    component = None  # an activity belongs to the component above it (C01.A01 under C01)
    for r, level, clave, name, formula, unit, frequency, annual, period_, achieved, percent in rows:
        annual_e, period_e, achieved_e, percent_e = (x("G%d" % r, annual[0]), x("H%d" % r, period_[0]),
                                                     x("I%d" % r, achieved[0]), x("J%d" % r, percent[0]))
        findings = []
        if abs(achieved[1] / period_[1] * 100 - percent[1]) > 0.5:
            findings.append(finding("percent-mismatch", [percent_e, achieved_e, period_e]))
        code = {"code": clave, "name": None, "evidence": x("B%d" % r, clave)}
        if level == "Componente":
            component = code
        records.append(record(
            program={"code": "E103", "name": "Capacitación para y en el trabajo",
                     "evidence": x("B4", "E103 Capacitación para y en el trabajo")},
            component=component if level in ("Componente", "Actividad") else None,
            activity=code if level == "Actividad" else None,
            indicator=indicator(name, x("C%d" % r, name), code=clave if level == "Propósito" else None, level=level,
                                frequency=frequency, formula=formula),
            period=period(2021, 1, 9, x("B6", "Enero-Septiembre 2021")),
            responsibleUnit=org("Dirección Técnica Académica", x("B5", "Dirección Técnica Académica")),
            reportingInstitution=org(body, x("B3", body)),
            institutions=[{"name": body, "acronym": None, "evidence": x("B3", body)}],
            targets=targets(unit, annual=annual[1], period_=period_[1], cumulative=True, achieved=achieved[1],
                            percent=percent[1], evidence=[annual_e, period_e, achieved_e, percent_e]),
            findings=findings,
        ))
    return records


# ---------------------------------------------------------------------------
# POA progress by unit and zone, PDF: 22 units over two pages, January to June 2024.

POA_UNITS = [
    # page, No., unit, annual, programmed Jan-Jun, achieved Jan-Jun, percent (as printed)
    (1, "1", "UNIDAD DE CAPACITACIÓN OAXACA", 220, 110, 113, "103%"),
    (1, "2", "ACCIÓN MÓVIL ZAACHILA", 48, 24, 21, "88%"),
    (1, "3", "ACCIÓN MÓVIL TLACOLULA", 40, 20, 15, "75%"),
    (1, "4", "ACCIÓN MÓVIL OCOTLÁN", 36, 18, 14, "78%"),
    (1, "5", "UNIDAD DE CAPACITACIÓN JUCHITÁN", 150, 75, 66, "88%"),
    (1, "6", "ACCIÓN MÓVIL SALINA CRUZ", 60, 64, 55, "86%"),
    (1, "7", "ACCIÓN MÓVIL MATÍAS ROMERO", 44, 22, 13, "95%"),
    (1, "8", "UNIDAD DE CAPACITACIÓN PUERTO ESCONDIDO", 120, 60, 64, "107%"),
    (1, "9", "ACCIÓN MÓVIL PINOTEPA NACIONAL", 52, 26, 21, "81%"),
    (1, "10", "ACCIÓN MÓVIL POCHUTLA", 40, 20, 17, "85%"),
    (1, "11", "UNIDAD DE CAPACITACIÓN HUAJUAPAN", 130, 65, 55, "85%"),
    (1, "12", "ACCIÓN MÓVIL TLAXIACO", 46, 23, 19, "83%"),
    (1, "13", "ACCIÓN MÓVIL NOCHIXTLÁN", 38, 19, 19, "100%"),
    (1, "14", "UNIDAD DE CAPACITACIÓN TUXTEPEC", 140, 70, 73, "104%"),
    (1, "15", "ACCIÓN MÓVIL LOMA BONITA", 50, 25, 23, "92%"),
    (1, "16", "ACCIÓN MÓVIL VALLE NACIONAL", 42, 21, 11, "52%"),
    (1, "17", "UNIDAD DE CAPACITACIÓN MIAHUATLÁN", 110, 55, 53, "96%"),
    (1, "18", "ACCIÓN MÓVIL SOLA DE VEGA", 36, 18, 17, "94%"),
    (1, "19", "ACCIÓN MÓVIL SAN CARLOS YAUTEPEC", 32, 16, 17, "106%"),
    (2, "20", "UNIDAD DE CAPACITACIÓN IXTLÁN", 90, 45, 40, "89%"),
    (2, "21", "ACCIÓN MÓVIL GUELATAO", 30, 15, 14, "93%"),
    (2, "22", "ACCIÓN MÓVIL TLAHUITOLTEPEC", 28, 14, 10, "71%"),
]


def poa():
    body = "INSTITUTO DE CAPACITACIÓN PARA EL TRABAJO DEL ESTADO DE OAXACA"
    records = []
    for page, number, unit, annual, programmed, achieved, percent in POA_UNITS:
        def at(quote, nth=0):
            return P(page, quote, row=unit, nth=nth)
        # The figures of a row, left to right: annual, I and II quarter, Jan-Jun programmed, then
        # achieved the same way; the same figure twice in a row is told apart by its place.
        row_figures = [str(v) for v in next(u for z in ZONES for u in z if u[0] == number)[2:9]]

        def figure(column):
            # The row's number stands first: a figure equal to it comes after it.
            value = row_figures[column]
            return at(value, ([number] + row_figures[:column]).count(value))
        annual_e, period_e, achieved_e = figure(0), figure(3), figure(6)
        percent_e = at(percent)
        findings = []
        if programmed > annual:
            findings.append(finding("period-exceeds-annual", [period_e, annual_e]))
        if abs(achieved / programmed * 100 - int(percent[:-1])) > 0.5:
            findings.append(finding("percent-mismatch", [percent_e, achieved_e, period_e]))
        # Each row is the courses (the measure the annual target's header names) of one unit.
        records.append(record(
            # The title names the work program (no code).
            program={"code": None, "name": "PROGRAMA OPERATIVO ANUAL 2024",
                     "evidence": P(1, "PROGRAMA OPERATIVO ANUAL 2024")},
            indicator=indicator("Cursos", P(1, "CURSOS", row="META ANUAL (CURSOS)")),
            period=period(2024, 1, 6, P(1, "Enero-Junio 2024")),
            responsibleUnit=org(unit, P(page, unit)),
            reportingInstitution=org(body, P(1, body)),
            targets=targets("cursos", annual=annual, period_=programmed, cumulative=True, achieved=achieved,
                            percent=int(percent[:-1]), evidence=[annual_e, period_e, achieved_e, percent_e]),
            institutions=[{"name": body, "acronym": None, "evidence": P(1, body)}],
            signatories=[signatory("Itzel Ramírez Cruz", "Lic.", "Jefa del Departamento de Planeación", 2),
                         signatory("Joaquín Santiago Luna", "Mtro.", "Director de Planeación y Evaluación", 2)],
            findings=findings,
        ))
    records[0]["tableSums"] = poa_sums()
    label = P(2, "TOTALES")
    records[0]["findings"].append(finding("total-mismatch", [
        P(2, "637%"), label, P(2, "750", row="TOTALES"), P(2, "825", row="TOTALES")]))
    return records


# The zones' subtotal rows and the TOTALES row as printed: annual; programmed I, II, Jan-Jun;
# achieved I, II, Jan-Jun; percent. Each zone's figures are its units' sums and its percentage
# their ratio; TOTALES sums the units, and its percentage is the sum of the zones' (637 %).
POA_SUMS = [
    (1, "ZONA I VALLES CENTRALES", ["344", "76", "96", "172", "74", "89", "163", "95%"], ["1", "2", "3", "4"]),
    (1, "ZONA II ISTMO", ["254", "61", "100", "161", "51", "83", "134", "83%"], ["5", "6", "7"]),
    (1, "ZONA III COSTA", ["212", "49", "57", "106", "48", "54", "102", "96%"], ["8", "9", "10"]),
    (1, "ZONA IV MIXTECA", ["214", "48", "59", "107", "42", "51", "93", "87%"], ["11", "12", "13"]),
    (1, "ZONA V CUENCA", ["232", "53", "63", "116", "49", "58", "107", "92%"], ["14", "15", "16"]),
    (1, "ZONA VI SIERRA SUR", ["178", "40", "49", "89", "39", "48", "87", "98%"], ["17", "18", "19"]),
    (2, "ZONA VII SIERRA NORTE", ["148", "32", "42", "74", "28", "36", "64", "86%"], ["20", "21", "22"]),
    (2, "TOTALES", ["1,582", "359", "466", "825", "331", "419", "750", "637%"], [str(n) for n in range(1, 23)]),
]
POA_HEADERS = ["META ANUAL (CURSOS)", "PROGRAMADO I TRIM.", "PROGRAMADO II TRIM.", "PROGRAMADO ENE-JUN",
               "REALIZADO I TRIM.", "REALIZADO II TRIM.", "REALIZADO ENE-JUN", "% DE CUMPLIMIENTO"]


def poa_unit_figure(number, column):
    """The span of a unit's figure in a column (0-6: annual ... achieved Jan-Jun; 7: percent)."""
    page, _, unit, _, _, _, percent = next(u for u in POA_UNITS if u[1] == number)
    if column == 7:
        return P(page, percent, row=unit), int(percent[:-1])
    figures = [str(v) for v in next(u for z in ZONES for u in z if u[0] == number)[2:9]]
    value = figures[column]
    return P(page, value, row=unit, nth=([number] + figures[:column]).count(value)), int(value)


def poa_sums():
    sums = []
    for page, label, printed, units in POA_SUMS:
        columns = []
        for k, text in enumerate(printed):
            parts = [poa_unit_figure(n, k) for n in units]
            stated = int(text.replace(",", "").rstrip("%"))
            columns.append(summed(POA_HEADERS[k], stated, P(page, text, row=label), [v for _, v in parts],
                                  parts[0][0], parts[-1][0], ratio=(6, 3) if k == 7 else None))
        sums.append(total_row(P(page, label), columns, subtotal=label != "TOTALES"))
    return sums


# The units' printed figures (annual; programmed I, II, Jan-Jun; achieved I, II, Jan-Jun), as read
# from the pages, to tell apart a figure printed twice in one row.
ZONES = [
    [("1", "", 220, 50, 60, 110, 52, 61, 113), ("2", "", 48, 10, 14, 24, 9, 12, 21), ("3", "", 40, 8, 12, 20, 6, 9, 15),
     ("4", "", 36, 8, 10, 18, 7, 7, 14)],
    [("5", "", 150, 35, 40, 75, 30, 36, 66), ("6", "", 60, 16, 48, 64, 15, 40, 55), ("7", "", 44, 10, 12, 22, 6, 7, 13)],
    [("8", "", 120, 28, 32, 60, 30, 34, 64), ("9", "", 52, 12, 14, 26, 10, 11, 21), ("10", "", 40, 9, 11, 20, 8, 9, 17)],
    [("11", "", 130, 30, 35, 65, 25, 30, 55), ("12", "", 46, 10, 13, 23, 9, 10, 19), ("13", "", 38, 8, 11, 19, 8, 11, 19)],
    [("14", "", 140, 32, 38, 70, 33, 40, 73), ("15", "", 50, 12, 13, 25, 11, 12, 23), ("16", "", 42, 9, 12, 21, 5, 6, 11)],
    [("17", "", 110, 25, 30, 55, 24, 29, 53), ("18", "", 36, 8, 10, 18, 8, 9, 17), ("19", "", 32, 7, 9, 16, 7, 10, 17)],
    [("20", "", 90, 20, 25, 45, 18, 22, 40), ("21", "", 30, 6, 9, 15, 6, 8, 14), ("22", "", 28, 6, 8, 14, 4, 6, 10)],
]


# ---------------------------------------------------------------------------
# MIR and fichas técnicas, PDF: 6 indicators, the matrix on page 1, their targets on page 2.

def mir():
    body = "INSTITUTO SUDCALIFORNIANO DEL DEPORTE"
    # name, level, frequency, formula; then the ficha's unit, línea base, meta anual, meta al
    # periodo, avance al periodo, % de cumplimiento (None where N/A stands)
    rows = [
        ("Porcentaje de población de 18 años y más físicamente activa", "Fin", "Anual",
         "(Población de 18 años y más físicamente activa / Población total de 18 años y más) x 100",
         "Porcentaje", ("38.5", 38.5), ("42", 42), None, None, None),
        ("Porcentaje de personas que participan en los programas deportivos", "Propósito", "Semestral",
         "(Personas participantes / Personas programadas) x 100",
         "Porcentaje", ("85", 85), ("90", 90), ("90", 90), ("92.3", 92.3), ("102.6 %", 102.6)),
        ("Número de eventos deportivos masivos realizados", "Componente", "Trimestral",
         "Sumatoria de eventos deportivos masivos realizados en el periodo",
         "Evento", ("24", 24), ("30", 30), ("12", 12), ("11", 11), ("91.7 %", 91.7)),
        ("Número de campañas de difusión realizadas", "Actividad", "Trimestral",
         "Sumatoria de campañas de difusión realizadas en el periodo",
         "Campaña", ("6", 6), ("8", 8), ("4", 4), ("4", 4), ("100.0 %", 100)),
        ("Número de becas otorgadas a deportistas de alto rendimiento", "Componente", "Trimestral",
         "Sumatoria de becas otorgadas en el periodo",
         "Beca", ("120", 120), ("150", 150), ("160", 160), ("148", 148), ("92.5 %", 92.5)),
        ("Porcentaje de deportistas evaluados", "Actividad", "Trimestral",
         "(Deportistas evaluados / Deportistas inscritos) x 100",
         "Porcentaje", ("90", 90), ("95", 95), ("95", 95), ("76", 76), ("95.0 %", 95)),
    ]
    records = []
    for name, level, frequency, formula, unit, base, annual, target, achieved, percent in rows:
        def at(quote, nth=0):
            return P(2, quote, row=name, nth=nth)
        printed = (base, annual, target, achieved, percent)

        def figure(k):
            # Left to right: línea base, meta anual, meta al periodo, avance, %; a figure printed
            # twice in the row is told apart by its place.
            earlier = [w[0] for w in printed[:k] if w]
            return at(printed[k][0], earlier.count(printed[k][0]))
        evidence = [figure(k) for k in (1, 2, 3, 4, 0) if printed[k]]
        findings = []
        if target and annual and target[1] > annual[1]:
            findings.append(finding("period-exceeds-annual", [figure(2), figure(1)]))
        if percent and abs(achieved[1] / target[1] * 100 - percent[1]) > 0.5:
            findings.append(finding("percent-mismatch", [figure(4), figure(3), figure(2)]))
        records.append(record(
            program={"code": "E017", "name": "Fomento a la cultura física y el deporte",
                     "evidence": P(1, "E017 - Fomento a la cultura física y el deporte")},
            indicator=indicator(name, P(1, name), level=level, frequency=frequency, formula=formula),
            period=period(2024, 4, 6, P(1, "Abril-Junio 2024")),
            responsibleUnit=org("Dirección de Cultura Física", P(1, "Dirección de Cultura Física")),
            reportingInstitution=org(body, P(1, body)),
            targets=targets(unit, annual=annual[1], period_=target[1] if target else None,
                            achieved=achieved[1] if achieved else None, percent=percent[1] if percent else None,
                            baseline=base[1], evidence=evidence),
            institutions=[{"name": body, "acronym": None, "evidence": P(1, body)}],
            signatories=[signatory("Karla Verdugo Amador", "Lic.", "Jefa del Departamento de Planeación", 2),
                         signatory("Ramón Geraldo Cota", "Prof.", "Director de Cultura Física", 2)],
            findings=findings,
        ))
    return records


# ---------------------------------------------------------------------------

FILES = [
    ("conac-inepja-2023-T3-indicadores-resultados.pdf", conac_pdf),
    ("conac-dif-nayarit-2022-T2-indicadores-resultados.xlsx", conac_xlsx),
    ("sipot-cea-queretaro-2024-T2-indicadores-resultados.xlsx", sipot_xlsx),
    # The same format as an OpenDocument spreadsheet: the same cells, so the same records.
    ("sipot-cea-queretaro-2024-T2-indicadores-resultados.ods", sipot_xlsx),
    ("sipot-imj-2023-T3-indicadores-resultados.csv", sipot_csv),
    ("poa-icapet-2024-T2-seguimiento-metas.pdf", poa),
    ("mir-insude-2024-T2-fichas-tecnicas.pdf", mir),
    ("sipot-legacy-cecytez-indicadores-resultados-2015-2017.xls", legacy_xls),
    ("sipot-pnt-export-ssh-indicadores-interes-publico-1s-2019.xls", pnt_v_xls),
    ("sipot-legacy-dif-sonora-programas-alimentarios-1s-2017.xls", linked_xls),
    ("des01-icatson-2021-T3-indicadores.xls", des01_xls),
]


def main():
    only = sys.argv[1:]
    for name, make in FILES:
        if only and name not in only:
            continue
        path = os.path.join(SAMPLES, name)
        data = open(path, "rb").read()
        kind = ("pdf" if data.startswith(b"%PDF") else "xlsx" if data.startswith(b"PK")
                else "xls" if data.startswith(b"\xd0\xcf\x11\xe0") else "csv")
        if kind == "xlsx" and name.endswith(".ods"):
            kind = "ods"
        pages = None
        if kind == "pdf":
            where = lambda p: locate_pdf(path, p)  # noqa: E731
            pages = int(re.search(r"Pages:\s+(\d+)", os.popen("pdfinfo '%s'" % path).read()).group(1))
        elif kind == "xlsx":
            cells = pdf_spans.workbook_cells(path)
            where = lambda x: locate_cell(cells, x)  # noqa: E731
        elif kind == "ods":
            cells = pdf_spans.workbook_cells(path)
            where = lambda x: locate_cell(cells, x)  # noqa: E731
        elif kind == "xls":
            cells = pdf_spans.workbook_cells(path)
            where = lambda x: locate_cell(cells, x)  # noqa: E731
        else:
            lines = data.decode("cp1252").replace("\r\n", "\n").split("\n")
            where = lambda c: locate_csv(lines, c)  # noqa: E731
        records = []
        for n, r in enumerate(make(), start=1):
            r = resolve(r, where)
            r["source"] = {"path": SAMPLES + "/" + name, "sha256": hashlib.sha256(data).hexdigest(), "format": kind,
                           "declaredFormat": None, "pages": pages, "row": n}
            records.append(r)
        out = os.path.join(SAMPLES, "expected", name + ".json")
        with open(out, "w", encoding="utf-8") as f:
            f.write(json.dumps(records, ensure_ascii=False, indent=2) + "\n")
        if kind == "pdf":
            # Lines and columns of poppler's library's page text, as for every PDF sample.
            pdf_spans.ENGINE = "library"
            pdf_spans.relocate(path, out)
        print("wrote", out)


if __name__ == "__main__":
    main()
