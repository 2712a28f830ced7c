"""Cells of the real PDFs' tables, as a person reads them in the rendered pages, against what
`avance extract` makes of them. Each check names a table by one of its header cells, a row by
a cell it holds, and a column by its header cell: the cell there must read as written here
(line breaks as spaces). Every expected cell below was read off the page images
(`pdftoppm -png -r 60..200`), not copied from avance's output."""
import json
import subprocess
import sys

BASICA = "Porcentaje de personas de 15 años y más que no han concluido la educación básica."
PRIMARIA = "Porcentaje de personas de 15 años y más que no han concluido la primaria"
LEER = "Porcentaje de personas de 15 años y más que no saben leer nI escribir."

# For each file: (the header cell naming the column, a whole cell of the row, the cell expected there)
CHECKS = {
    "conac-inaeba-indicadores-resultados-ene-sep-2019.pdf": [
        ("Nivel", BASICA, "Propósito"),
        ("Tipo", BASICA, "Estratégico"),
        ("Programad a", BASICA, "16.3"),
        ("Modificada", BASICA, ""),
        ("Alcanzada", BASICA, "34.7"),
        ("Alc. / Prog.", BASICA, "161"),
        ("Aprobado", BASICA, "197,411,300.46"),
        ("Alcanzada", PRIMARIA, "4.8"),
        ("Devengado", LEER, "24,489,803.40"),
        ("Aprobado", "Total del", "334,595,424.51"),
        ("Dev. / Modif.", "Total del", "1.77"),
    ],
    "poa-icatech-avance-metas-ene-jun-2018.pdf": [
        ("Posición", "UNIDAD DE CAPACITACIÓN TUXTLA", "1"),
        ("REALIZADO ENE-JUN", "UNIDAD DE CAPACITACIÓN TUXTLA", "216"),
        ("REALIZADO ENE- JUN", "UNIDAD DE CAPACITACIÓN TUXTLA", "3227"),
        ("TOTAL DE HORAS IMPARTIDAS", "UNIDAD DE CAPACITACIÓN TUXTLA", "6,071"),
        ("Posición", "ZONA I TUXTLA GUTIÉRREZ", ""),
        ("REALIZADO ENE-JUN", "ZONA I TUXTLA GUTIÉRREZ", "280"),
        ("TOTAL DE HORAS IMPARTIDAS", "ZONA I TUXTLA GUTIÉRREZ", "7,613"),
        ("Posición", "ACCIÓN MÓVIL HUIXTLA (UNIÓN JUAREZ)", "12"),
        ("DIFERENCIA", "ACCIÓN MÓVIL HUIXTLA (UNIÓN JUAREZ)", "-94"),
        # Page 2, under the header printed again.
        ("Posición", "UNIDAD DE CAPACITACIÓN JIQUIPILAS", "27"),
        ("REALIZADO ENE-JUN", "ZONA VII JIQUIPILAS", "133"),
        ("REALIZADO ENE-JUN", "TOTALES", "1,437"),
        ("TOTAL DE HORAS IMPARTIDAS", "TOTALES", "38,920"),
    ],
    "sipot-itsch-indicadores-resultados-2t-2025.pdf": [
        # As printed: the values stand one column left of the headers they belong to.
        ("Ejercicio", "Profesores de tiempo completo adscritos al Sistema Nacional de Investigadores", "2025"),
        ("Nombre(s) del(os) indicador(es)", "Profesores de tiempo completo adscritos al Sistema Nacional de Investigadores", "Eficiencia"),
        ("Definición del indicador", "Profesores de tiempo completo adscritos al Sistema Nacional de Investigadores", "Total de Profesores adscritos al SIN"),
        ("Método de cálculo con variables de la fórmula", "Proyectos de investigación, desarrollo tecnológico e innovación.", "Proyectos"),
        ("Objetivo institucional", "Total de proyectos de investigación, desarrollo tecnológico e innovación realizados por el ITSCH",
         "Proyectos de investigación, desarrollo tecnológico e innovación."),
        ("Fecha de inicio del periodo que se informa", "Porcentaje de egresados incorporados al mercado laboral", "01/04/2025"),
        # Page 2 holds the table's other columns.
        ("Unidad de medida", "61.0%", "Anual"),
        ("Metas ajustadas que existan, en su caso", "61.0%", "39%"),
        ("Fuente de información", "26.7%", "Subdirección de Investigación"),
    ],
    "01-cpc-coahuila-mir-ficha-tecnica-2022-2023.pdf": [
        ("Resumen narrativo", "Componente 1",
         "Generar una nueva cultura ciudadana en materia anticorrupción en la que niños, niñas, adolescentes, jóvenes y adultos "
         "coahuilenses e integrantes del CPC, constituyan una nueva sociedad guiada por la democracia, la ética, la legalidad y "
         "el respeto a los derechos humanos."),
        ("Clave Indicador", "Componente 1", "03"),
        ("Indicador", "Componente 1", "Porcentaje de ciudadanos meta que recibieron capacitación."),
        ("Indicador", "Actividad 4", "Porcentaje de visitas meta de las instituciones a los ciudadanos."),
        ("Clave Objetivo", "Propósito", "01"),
        ("Clave Indicador", "Componente 6", "18"),
    ],
    "05-cpc-coahuila-programa-trabajo-2021-2022.pdf": [
        ("Proyecto", "Reuniones con organizaciones ciudadanas y/o académicas para explicar la PEA", "Eje 1 / Proyecto B"),
        ("Cantidad o porcentaje", "Reuniones con organizaciones ciudadanas y/o académicas para explicar la PEA", "10 (Por lo menos dos por Región)"),
        # A row cut by the page break, made whole.
        ("Producto o evidencia", "Generación de contenidos referentes a la PEA para las redes sociales",
         "Testigo digital del contenido Capturas de pantalla Informe de “reacciones y comentarios”"),
        ("Cantidad o porcentaje", "Generación de contenidos referentes a la PEA para las redes sociales", "24 (Por lo menos dos al mes)"),
        ("Cantidad o porcentaje", "Impartición de asignatura “Cultura anticorrupción”", "90 (2 horas cada una)"),
    ],
}

# Blocks other than table cells: (file, kind, text), each expected exactly once.
BLOCKS = {
    # The title repeated on all 16 pages is kept once, as the document's title.
    "seguimiento-seplan-yucatan-indicadores-3t-2018.pdf": [
        ("heading", "SEGUIMIENTO A INDICADORES DE DESEMPEÑO 2018"),
        ("heading", "III TRIMESTRE"),
    ],
}


def one_line(text):
    return " ".join(text.split())


def tables(blocks):
    """Runs of table rows, each a list of cell lists (across page breaks)."""
    runs, current = [], []
    for b in blocks:
        if b["kind"] == "tableRow":
            current.append([one_line(c["text"]) for c in b["cells"]])
        elif current:
            runs.append(current)
            current = []
    if current:
        runs.append(current)
    return runs


def cell(runs, header, key):
    for rows in runs:
        columns = [i for row in rows for i, c in enumerate(row) if c == header]
        keyed = [row for row in rows if key in row]
        if columns and keyed:
            row = keyed[0]
            return row[columns[0]] if columns[0] < len(row) else None
    return None


def main(avance, folder):
    failed = 0
    checked = 0
    for name in sorted(set(CHECKS) | set(BLOCKS)):
        path = f"{folder}/{name}"
        out = subprocess.run([avance, "extract", "--format", "json", path], capture_output=True, text=True, timeout=300)
        if out.returncode != 0:
            print(f"FAIL {name}: avance extract exited {out.returncode}: {out.stderr.strip()}")
            failed += 1
            continue
        blocks = json.loads(out.stdout)["blocks"]
        runs = tables(blocks)
        bad = 0
        for header, key, expected in CHECKS.get(name, []):
            checked += 1
            got = cell(runs, header, key)
            if got != expected:
                bad += 1
                print(f"FAIL {name}: [{header}] of the row with [{key[:50]}]: expected {expected!r}, got {got!r}")
        for kind, text in BLOCKS.get(name, []):
            checked += 1
            found = sum(1 for b in blocks if b["kind"] == kind and one_line(b["text"]["text"]) == text)
            if found != 1:
                bad += 1
                print(f"FAIL {name}: expected one {kind} {text!r}, found {found}")
        total = len(CHECKS.get(name, [])) + len(BLOCKS.get(name, []))
        print(f"{'ok  ' if bad == 0 else 'FAIL'} {name}: {total - bad} of {total} checks")
        failed += bad
    print(f"{checked - failed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
