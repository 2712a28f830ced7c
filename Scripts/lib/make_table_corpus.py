"""Writes the table corpus of Scripts/bench --tables (issue 16): N files in the table formats avance
reads as records, a third each XLSX workbooks (xlsx/), Windows-1252 `;` CSVs (csv/) and table PDFs
(pdf/), drawn by make_tables.py's builders (the CONAC, SIPOT, MIR and POA imitations of the
samples) with invented rows instead of the samples' own:

- workbooks: CONAC "Indicadores para Resultados" (merged group headings, each indicator's cells
  merged down two rows, a hidden sheet) or SIPOT's platform export (a multi-line formula cell,
  dates as dates), 3 to 40 indicators;
- CSVs: SIPOT as Mexican Excel saves it (Windows-1252, `;`, quoted multi-line cells), 3 to 40;
- PDFs, landscape: a CONAC table (three header rows with spans, multi-line cells, a total row),
  a MIR with its fichas técnicas (multi-line cells and headers, two tables), or a POA by zone
  (many rows, the table continued over two pages with its header repeated).

truth.jsonl (beside the folders, one JSON object per file) says what the generator drew: the
file's path (relative), its kind, the records it holds (one per indicator or unit row) and, for
a PDF, its tables as drawn: every row's cells, a spanned cell's text at its first column and ""
under the rest of its span, the header once though a continued table repeats it. Nothing in it
comes from avance.

Every file comes from a generator seeded by (seed, i), so the same N and seed give the same bytes.

Usage: make_table_corpus.py N DIR [--seed S]
"""

import json
import multiprocessing
import os
import random
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import make_corpus as lexicon  # noqa: E402  (the invented institutions, programs, topics)
import make_tables as tables  # noqa: E402

LEVELS = ["Fin", "Propósito", "Componente", "Actividad"]
KINDS = ["Estratégico", "Gestión"]
DIMENSIONS = ["Eficacia", "Eficiencia", "Calidad", "Economía"]
FREQUENCIES = ["Trimestral", "Semestral", "Anual", "Mensual"]
# (unit of measure, what is counted, a short noun for the formula's variable)
SUBJECTS = [
    ("Persona", "personas capacitadas en {t}", "PC"), ("Taller", "talleres de {t} impartidos", "TI"),
    ("Plática", "pláticas sobre {t} impartidas en escuelas", "PI"), ("Convenio", "convenios de {t} firmados", "CF"),
    ("Sesión", "sesiones del comité de {t} celebradas", "SC"), ("Auditoría", "auditorías de {t} concluidas", "AC"),
    ("Documento", "documentos de {t} publicados", "DP"), ("Visita", "visitas de supervisión de {t} realizadas", "VS"),
    ("Campaña", "campañas de difusión de {t} realizadas", "CD"), ("Beca", "becas de {t} otorgadas", "BO"),
]
SOURCES = ["Listas de asistencia y memoria fotográfica", "Registros administrativos de la unidad responsable",
           "Padrón de personas beneficiarias", "Minutas de las sesiones", "Informes trimestrales de avance",
           "Sistema de seguimiento de indicadores"]
EXTRA = ["en el periodo", "en las regiones del estado", "en coordinación con los municipios", "de manera presencial",
         "con perspectiva de género", "en las localidades de alta marginación"]


def institution(rng):
    name, _ = rng.choice(lexicon.INSTITUTIONS)
    return name.format(s=rng.choice(lexicon.STATES))


def indicator(rng):
    """One invented indicator: its name, unit, counted thing, formula and the variable's code."""
    unit, counted, code = rng.choice(SUBJECTS)
    counted = counted.format(t=rng.choice(lexicon.TOPICS))
    if rng.random() < 0.4:
        name = "Porcentaje de " + counted
        formula = "(%s / Total de %s programados) x 100" % (counted[0].upper() + counted[1:], counted.split()[0])
        unit = "Porcentaje"
    else:
        name = "Número de " + counted + (" " + rng.choice(EXTRA) if rng.random() < 0.5 else "")
        formula = "Sumatoria de " + counted + " en el periodo"
    return name, unit, counted, formula, code


def money(x):
    return "{:,.2f}".format(x)


def num(x):
    return "{:,}".format(x)


def conac_rows(rng, count):
    axis = "%s. %s" % (rng.choice(["I", "II", "III", "IV", "V"]), rng.choice(["Bienestar para todos", "Educación de calidad",
                                                                              "Gobierno honesto", "Desarrollo sostenible"]))
    strategy = "%s. %s" % (rng.choice(["I", "II", "III"]), rng.choice(["Igualdad de género", "Educación para la vida",
                                                                     "Combate a la corrupción", "Derechos humanos"]))
    code, _ = rng.choice(lexicon.PROGRAMS)
    ur = str(rng.randint(1000, 1999))
    f, fn, sf = str(rng.randint(1, 3)), str(rng.randint(1, 9)), str(rng.randint(1, 9))
    rows = []
    for k in range(count):
        name, unit, _, formula, _ = indicator(rng)
        level = LEVELS[min(k, 3)] if k < 4 else rng.choice(LEVELS[2:])
        programmed = rng.randint(10, 5000)
        modified = programmed if rng.random() < 0.7 else rng.randint(10, 5000)
        achieved = rng.randint(0, programmed + programmed // 5)
        approved = rng.randint(100, 50000) * 1000
        amended = approved + rng.randint(0, 50) * 10000
        spent = int(approved * rng.uniform(0.3, 0.95))
        rows.append([axis, strategy, f, fn, sf, code, ur, name, level, rng.choice(KINDS), rng.choice(DIMENSIONS),
                     rng.choice(FREQUENCIES), unit, formula, programmed, modified, achieved,
                     round(100 * achieved / programmed, 1), round(100 * achieved / modified, 1),
                     approved, amended, spent, round(spent / approved, 2), round(spent / amended, 2)])
    return rows


def conac_pdf_rows(rows):
    """The CONAC rows as the PDF prints them: every cell as text, figures with thousands' commas."""
    out = []
    for r in rows:
        cells = [str(c) for c in r[:14]] + [num(r[14]), num(r[15]), num(r[16]), "%.1f" % r[17], "%.1f" % r[18],
                                            money(r[19]), money(r[20]), money(r[21]), "%.2f" % r[22], "%.2f" % r[23]]
        out.append(cells)
    total = ["Total del Programa"] + [""] * 18 + [money(sum(r[k] for r in rows)) for k in (19, 20, 21)] + \
        ["%.2f" % sum(r[22] for r in rows), "%.2f" % sum(r[23] for r in rows)]
    return out, total


def sipot_rows(rng, count, year, quarter, as_text):
    start = (year, 3 * quarter - 2, 1)
    end = (year, 3 * quarter, [31, 30, 30, 31][quarter - 1])
    done = (year + (quarter == 4), 3 * quarter % 12 + 1, 15)
    area = rng.choice(lexicon.UNITS)

    def date(d):
        return "%02d/%02d/%d" % (d[2], d[1], d[0]) if as_text else d

    rows = []
    for _ in range(count):
        name, unit, counted, formula, code = indicator(rng)
        _, program = rng.choice(lexicon.PROGRAMS)
        if unit == "Porcentaje":
            method = "P%s= (%s/T%s) x 100\n%s= %s\nT%s= Total de %s programados" % (
                code, code, code, code, counted[0].upper() + counted[1:], code, counted.split()[0])
        else:
            method = "N%s= %s" % (code, formula)
        base_value = rng.choice(["N/A", "ND", str(rng.randint(0, 900))])
        target = rng.randint(5, 2000)
        adjusted = rng.choice(["Sin ajuste", "Sin ajuste", str(target + rng.randint(-target // 3, target // 3))])
        progress = rng.choice([str(rng.randint(0, target * 12 // 10))] * 9 + ["#DIV/0!"])
        rows.append([str(year), date(start), date(end), program,
                     "Contribuir a " + rng.choice(["mejorar", "ampliar", "fortalecer"]) + " la atención en materia de "
                     + rng.choice(lexicon.TOPICS),
                     name, rng.choice(DIMENSIONS), "Mide " + counted + " " + rng.choice(EXTRA), method, unit,
                     rng.choice(FREQUENCIES[:2]), base_value, str(target), adjusted, progress,
                     rng.choice(["Ascendente", "Descendente"]), rng.choice(SOURCES), area, date(done), date(done),
                     rng.choice(["", "", "La meta se ajustó por la reducción del presupuesto del programa"])])
    return rows


def mir_tables(rng, count):
    mir, ficha = [], []
    for k in range(count):
        name, unit, counted, formula, _ = indicator(rng)
        level = LEVELS[k] if k < 4 else rng.choice(LEVELS[2:])
        frequency = "Anual" if level == "Fin" else rng.choice(FREQUENCIES[:2])
        mir.append([level, counted[0].upper() + counted[1:] + " " + rng.choice(EXTRA), name, formula, frequency,
                    rng.choice(SOURCES), "Las condiciones permiten realizar las actividades programadas"])
        line, annual = rng.randint(5, 300), rng.randint(10, 400)
        if level == "Fin":
            ficha.append([level, name, unit, str(line), str(annual), "N/A", "N/A", "N/A", "N/A"])
        else:
            period = rng.randint(1, annual)
            done = rng.randint(0, period + period // 4)
            share = 100 * done / period
            ficha.append([level, name, unit, str(line), str(annual), str(period), str(done), "%.1f %%" % share,
                          "Verde" if share >= 90 else "Amarillo" if share >= 70 else "Rojo"])
    return mir, ficha


def poa_zones(rng):
    zones, n = [], 0
    for z in range(rng.randint(2, 8)):
        units = []
        for _ in range(rng.randint(2, 5)):
            n += 1
            annual = rng.randint(20, 240)
            q1, q2 = rng.randint(2, annual // 4 + 2), rng.randint(2, annual // 4 + 2)
            d1, d2 = rng.randint(0, q1 + 3), rng.randint(0, q2 + 3)
            place = rng.choice(lexicon.MUNICIPALITIES).upper()
            units.append((str(n), rng.choice(["UNIDAD DE CAPACITACIÓN ", "ACCIÓN MÓVIL "]) + place,
                          annual, q1, q2, q1 + q2, d1, d2, d1 + d2, tables.pct(d1 + d2, q1 + q2)))
        zones.append(("ZONA %s %s" % (["I", "II", "III", "IV", "V", "VI", "VII", "VIII"][z],
                                      rng.choice(lexicon.STATES).upper()), units))
    return zones


def make(args):
    i, seed, out = args
    rng = random.Random("%d-%d" % (seed, i))
    kind = ["xlsx", "csv", "pdf"][i % 3]
    year, quarter = rng.randint(2020, 2025), rng.randint(1, 4)
    name = "%s/%05d" % (kind, i)
    entry = {"path": None, "kind": None}
    if kind == "xlsx":
        count = rng.randint(3, 40)
        if rng.random() < 0.5:
            rows = conac_rows(rng, count)
            totals = {21: sum(r[19] for r in rows), 22: sum(r[20] for r in rows), 23: sum(r[21] for r in rows),
                      24: round(sum(r[22] for r in rows), 2), 25: round(sum(r[23] for r in rows), 2)}
            entry.update(kind="conac-xlsx", path=name + "-conac.xlsx")
            tables.conac_xlsx(os.path.join(out, entry["path"]), rows=rows, body=institution(rng).upper(), totals=totals)
        else:
            entry.update(kind="sipot-xlsx", path=name + "-sipot.xlsx")
            tables.sipot_xlsx(os.path.join(out, entry["path"]), rows=sipot_rows(rng, count, year, quarter, False))
        entry["records"] = count
    elif kind == "csv":
        count = rng.randint(3, 40)
        entry.update(kind="sipot-csv", path=name + "-sipot.csv", records=count)
        text = tables.sipot_csv_text(sipot_rows(rng, count, year, quarter, True))
        with open(os.path.join(out, entry["path"]), "wb") as f:
            f.write(text.encode("cp1252"))
    else:
        shape = rng.choice(["conac", "mir", "poa"])
        path = os.path.join(out, name + "-" + shape + ".pdf")
        if shape == "conac":
            count = rng.randint(2, 12)
            rows, total = conac_pdf_rows(conac_rows(rng, count))
            drawn = tables.conac_pdf(path, rows=rows, total=total, body=institution(rng).upper(),
                                     title=["INDICADORES PARA RESULTADOS",
                                            "del 1 de Enero al %d de %s de %d" % (
                                                [31, 30, 30, 31][quarter - 1],
                                                ["Marzo", "Junio", "Septiembre", "Diciembre"][quarter - 1], year)])
        elif shape == "mir":
            count = rng.randint(3, 12)
            drawn = tables.mir_pdf(path, *mir_tables(rng, count))
        else:
            zones = poa_zones(rng)
            count = sum(len(units) for _, units in zones)
            drawn = tables.poa_pdf(path, zones=zones)
        entry.update(kind=shape + "-pdf", path=name + "-" + shape + ".pdf", records=count,
                     tables=[[[str(c) for c in row] for row in t] for t in drawn])
    return entry


def main():
    args = sys.argv[1:]
    seed = 1
    if "--seed" in args:
        k = args.index("--seed")
        seed = int(args[k + 1])
        del args[k:k + 2]
    if len(args) != 2:
        raise SystemExit(__doc__)
    n, out = int(args[0]), args[1]
    for kind in ("xlsx", "csv", "pdf"):
        os.makedirs(os.path.join(out, kind), exist_ok=True)
    with multiprocessing.Pool() as pool:
        entries = pool.map(make, [(i, seed, out) for i in range(n)], chunksize=8)
    with open(os.path.join(out, "truth.jsonl"), "w", encoding="utf-8") as f:
        for entry in entries:
            f.write(json.dumps(entry, ensure_ascii=False) + "\n")
    print("%d table files in %s" % (n, out), file=sys.stderr)


if __name__ == "__main__":
    main()
