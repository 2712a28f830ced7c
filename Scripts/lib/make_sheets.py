"""The samples of the transparency portal's formats as legacy Excel workbooks (`.xls`, BIFF8),
made by Scripts/make-samples through make_samples.py with Python's xlwt (issue 17):

- the portal's format as it was published before about 2018: a workbook of several years whose
  rows are not sorted by year, every cell stored as text, an unlabelled id column, a header row in
  Title Case with a leading space and a trailing colon (`' Definición Del Indicador:'`), and a
  catalogue sheet `hidden1` (a list of allowed values, not data);
- the platform's export layout of today ("Reporte de Formatos") saved as `.xls`: the id row, the
  title rows, a row of type codes and a row of field ids, `Tabla Campos`, then the real header row,
  dates stored as dates, and the catalogue `Hidden_1`. It is fracción V ("Indicadores de interés
  público"), a format that by design names no program;
- a legacy format whose main rows hold a placeholder (`Tabla_221898`) where the values sit in
  another sheet of the workbook, joined by the row's id;
- a state format with a block of label / value pairs above its table that applies to every row;
- the platform's export with its header rows and no data row (an empty template).

Each imitates the layout of the real documents of its format (../shared/real) with invented
bodies, figures and people. The expected records are typed apart, in expected_tables.py, from
reading the files; nothing here writes them.

xlwt writes no timestamp: the same bytes on every run.
"""

import datetime
import os

import xlwt

# ---------------------------------------------------------------------------
# The legacy portal format (before about 2018): fracción VI, 2015 to 2017 in one workbook.

LEGACY_HEADER = [
    "", "Sujeto Obligado", " Ejercicio (en Curso Y Seis Ejercicios Anteriores)", " Periodo", " Nombre Del Programa",
    " Objetivo Institucional", " Nombre Del Indicador", " Dimensión a Medir", " Definición Del Indicador:",
    " Método de Cálculo", " Unidad de Medida", " Frecuencia de Medición", " Línea Base", " Metas Programadas",
    " Metas Ajustadas", " Avance de Metas", " Sentido Del Indicador", " Fuente de Información", " Fecha de Validación",
    " Área Responsable de La Información", " Año", " Fecha de Actualización", " Nota",
]

LEGACY_BODY = "Colegio de Estudios Científicos y Tecnológicos del Estado de Zacatecas"
LEGACY_AREA = "Departamento de Planeación y Evaluación Institucional"

# id, year, periodo, program, objective, indicator, dimension, definition, method, unit, frequency,
# línea base, metas programadas, metas ajustadas, avance, sentido, fuente, nota
LEGACY_ROWS = [
    ("2204117", "2016", "2016", "Educación Media Superior Tecnológica",
     "Incrementar la permanencia de los alumnos hasta la conclusión de sus estudios",
     "Porcentaje de eficiencia terminal", "Eficacia",
     "Mide la proporción de alumnos de una generación que concluyen sus estudios en el tiempo normativo",
     "(Alumnos egresados de la generación / Alumnos inscritos en el primer semestre de la generación) x 100",
     "Porcentaje de alumno egresado", "Anual", "61.4", "63", "Sin ajuste de meta", "62.2", "Ascendente",
     "Estadística institucional de control escolar", "Son anuales"),
    ("2204121", "2015", "ene-dic", "Educación Media Superior Tecnológica",
     "Incrementar la permanencia de los alumnos hasta la conclusión de sus estudios",
     "Porcentaje de eficiencia terminal", "Eficacia",
     "Mide la proporción de alumnos de una generación que concluyen sus estudios en el tiempo normativo",
     "(Alumnos egresados de la generación / Alumnos inscritos en el primer semestre de la generación) x 100",
     "Porcentaje de alumno egresado", "Anual", "59.8", "62", "Sin ajuste de meta", "61.4", "Ascendente",
     "Estadística institucional de control escolar", "Son anuales"),
    ("2204135", "2017", "2017", "Vinculación con el sector productivo",
     "Fortalecer la vinculación de los planteles con las empresas de su región",
     "Número de convenios de vinculación firmados", "Eficacia",
     "Cuenta los convenios de colaboración firmados con empresas e instituciones",
     "Sumatoria de convenios firmados en el año", "Convenio", "Anual", "14 convenios firmados", "18",
     "Sin ajuste de meta", "nd", "Ascendente", "Expedientes de convenios del Departamento de Vinculación",
     "Son anuales"),
    ("2204140", "2015", "2015", "Becas para alumnos",
     "Disminuir el abandono escolar por causas económicas",
     "Porcentaje de alumnos becados", "Eficacia",
     "Mide la proporción de la matrícula que recibe una beca institucional",
     "(Alumnos becados / Matrícula total) x 100", "Alumno becado", "Semestral", "0.18", "90/120",
     "Sin ajuste de meta", "0.8", "Ascendente", "Padrón de becarios", "Son semestrales"),
    ("2204152", "2016", "ene-dic", "Vinculación con el sector productivo",
     "Fortalecer la vinculación de los planteles con las empresas de su región",
     "Número de convenios de vinculación firmados", "Eficacia",
     "Cuenta los convenios de colaboración firmados con empresas e instituciones",
     "Sumatoria de convenios firmados en el año", "Convenio", "Anual", "12 convenios firmados", "15",
     "0", "16", "Ascendente", "Expedientes de convenios del Departamento de Vinculación", "Son anuales"),
    ("2204168", "2017", "2017", "Educación Media Superior Tecnológica",
     "Incrementar la permanencia de los alumnos hasta la conclusión de sus estudios",
     "Porcentaje de eficiencia terminal", "Eficacia",
     "Mide la proporción de alumnos de una generación que concluyen sus estudios en el tiempo normativo",
     "(Alumnos egresados de la generación / Alumnos inscritos en el primer semestre de la generación) x 100",
     "Porcentaje de alumno egresado", "Anual", "62.2", "64", "Sin ajuste de meta", "nd", "Ascendente",
     "Estadística institucional de control escolar", "Son anuales"),
]


def legacy_xls(path):
    wb = xlwt.Workbook(encoding="utf-8")
    ws = wb.add_sheet("Informacion")
    for k, text in enumerate(LEGACY_HEADER):
        if text:
            ws.write(0, k, text)
    for r, row in enumerate(LEGACY_ROWS, start=1):
        (ident, year, part, program, objective, name, dimension, definition, method, unit, frequency,
         base, annual, modified, achieved, sense, source, note) = row
        # Every cell stored as text, as the portal's legacy files store them.
        cells = [ident, LEGACY_BODY, year, part, program, objective, name, dimension, definition, method, unit,
                 frequency, base, annual, modified, achieved, sense, source, "01/03/2018", LEGACY_AREA, year,
                 "31/03/2018", note]
        for k, text in enumerate(cells):
            ws.write(r, k, text)
    catalogue = wb.add_sheet("hidden1")
    catalogue.write(0, 0, "Descendente")
    catalogue.write(1, 0, "Ascendente")
    wb.save(path)


# ---------------------------------------------------------------------------
# The platform's export layout ("Reporte de Formatos") as .xls: fracción V, which names no program.

PNT_V_HEADER = [
    "Ejercicio", "Fecha de inicio del periodo que se informa", "Fecha de término del periodo que se informa",
    "Objetivo institucional", "Nombre del indicador", "Dimensión(es) a medir", "Definición del indicador",
    "Método de cálculo", "Unidad de medida", "Frecuencia de medición", "Línea base", "Metas programadas",
    "Metas ajustadas, en su caso", "Avance de las metas", "Sentido del indicador (catálogo)", "Fuente de información",
    "Área(s) responsable(s) que genera(n), posee(n), publica(n) y actualizan la información", "Fecha de validación",
    "Fecha de actualización", "Nota",
]
PNT_V_TYPES = ["1", "4", "4", "2", "1", "1", "2", "2", "1", "1", "1", "2", "2", "2", "9", "2", "2", "4", "4", "2"]
PNT_V_DESCRIPTION = ("Los sujetos obligados publicarán los indicadores relacionados con temas de interés público o "
                     "trascendencia social que conforme a sus funciones deban establecer.")

# objective, indicator, dimension, definition, method, unit, frequency, línea base, metas
# programadas, metas ajustadas, avance, sentido, fuente, área, nota
PNT_V_ROWS = [
    ("Reducir la mortalidad materna en los hospitales de la Secretaría",
     "Razón de mortalidad materna hospitalaria", "Eficacia",
     "Mide las defunciones maternas ocurridas en los hospitales por cada 100 mil nacidos vivos",
     "RMM= (DM/NV) x 100000\nDM= Defunciones maternas\nNV= Nacidos vivos", "Razón", "Semestral", "38.2", "35",
     "Sin ajuste", "36.9", "Descendente", "Sistema de Información en Salud", "Dirección de Salud Pública",
     "La meta no tuvo ajustes en el periodo"),
    ("Ampliar la cobertura de vacunación en la población infantil",
     "Porcentaje de cobertura de vacunación con esquema completo en menores de un año", "Eficacia",
     "Mide la proporción de niñas y niños menores de un año con esquema completo de vacunación",
     "PCV= (NEC/TNM) x 100\nNEC= Niños con esquema completo\nTNM= Total de niños menores de un año",
     "Porcentaje", "Semestral", "87.5", "95", "92", "90.1", "Ascendente", "Registro Nominal de Vacunación",
     "Dirección de Salud Pública", "La meta se ajustó por el desabasto de vacuna hexavalente"),
    ("Acercar los servicios de salud a las localidades sin unidad médica",
     "Número de consultas otorgadas por unidades médicas móviles", "Eficiencia",
     "Cuenta las consultas médicas otorgadas por las caravanas de la salud en localidades sin unidad médica",
     "NC= Sumatoria de consultas otorgadas en el periodo", "Consulta", "Semestral", "N/A", "12400", "Sin ajuste",
     "13150", "Ascendente", "Informes de las unidades médicas móviles", "Dirección de Atención Médica", ""),
]


def pnt_header_rows(ws, header, types, first_id, title, short, description):
    """The platform's rows above the table: the format's id, the title block, the rows of type
    codes and field ids, `Tabla Campos`, then the header."""
    last = len(header) - 1
    ws.write(0, 0, first_id)
    ws.write_merge(1, 1, 0, 2, "TÍTULO")
    ws.write_merge(1, 1, 3, 5, "NOMBRE CORTO")
    ws.write_merge(1, 1, 6, last, "DESCRIPCIÓN")
    ws.write_merge(2, 2, 0, 2, title)
    ws.write_merge(2, 2, 3, 5, short)
    ws.write_merge(2, 2, 6, last, description)
    for k, t in enumerate(types):
        ws.write(3, k, t)
        ws.write(4, k, str(int(first_id) * 7 + k * 3))
    ws.write_merge(5, 5, 0, last, "Tabla Campos")
    for k, text in enumerate(header):
        ws.write(6, k, text)


def pnt_v_xls(path):
    wb = xlwt.Workbook(encoding="utf-8")
    ws = wb.add_sheet("Reporte de Formatos")
    pnt_header_rows(ws, PNT_V_HEADER, PNT_V_TYPES, "48971", "Indicadores de interés público", "a69_f5",
                    PNT_V_DESCRIPTION)
    date = xlwt.easyxf(num_format_str="dd/mm/yyyy")
    for r, row in enumerate(PNT_V_ROWS, start=7):
        (objective, name, dimension, definition, method, unit, frequency, base, annual, modified, achieved, sense,
         source, area, note) = row
        ws.write(r, 0, 2019)
        ws.write(r, 1, datetime.date(2019, 1, 1), date)
        ws.write(r, 2, datetime.date(2019, 6, 30), date)
        texts = [objective, name, dimension, definition, method, unit, frequency, base, annual, modified, achieved,
                 sense, source, area]
        for k, text in enumerate(texts, start=3):
            ws.write(r, k, text)
        ws.write(r, 17, datetime.date(2019, 7, 12), date)
        ws.write(r, 18, datetime.date(2019, 7, 12), date)
        if note:
            ws.write(r, 19, note)
    catalogue = wb.add_sheet("Hidden_1")
    catalogue.write(0, 0, "Ascendente")
    catalogue.write(1, 0, "Descendente")
    catalogue.visibility = 1
    wb.save(path)


# ---------------------------------------------------------------------------
# The platform's export of fracción VI with its header rows and no data row.

# The same header, type codes and description as the XLSX export's (make_tables).
from make_tables import SIPOT_DESCRIPTION as PNT_VI_DESCRIPTION  # noqa: E402
from make_tables import SIPOT_HEADER as PNT_VI_HEADER  # noqa: E402
from make_tables import SIPOT_TYPES as PNT_VI_TYPES  # noqa: E402


def empty_template_xls(path):
    wb = xlwt.Workbook(encoding="utf-8")
    ws = wb.add_sheet("Reporte de Formatos")
    pnt_header_rows(ws, PNT_VI_HEADER, PNT_VI_TYPES, "59187", "Indicadores de resultados", "a69_f6",
                    PNT_VI_DESCRIPTION)
    catalogue = wb.add_sheet("Hidden_1")
    catalogue.write(0, 0, "Ascendente")
    catalogue.write(1, 0, "Descendente")
    catalogue.visibility = 1
    wb.save(path)


# ---------------------------------------------------------------------------
# A legacy format whose main rows hold a placeholder, `Tabla_221898`, where the indicators sit in
# the sheet of that name, joined by the row's id (the unlabelled first column).

LINKED_HEADER = ["", " Ejercicio", " Periodo", " Nombre Del Programa", " Área Responsable",
                 " Indicadores Del Programa", " Fecha de Actualización", " Nota"]
LINKED_SUB_HEADER = ["Id", "Nombre Del Indicador", "Definición Del Indicador", "Método de Cálculo", "Unidad de Medida",
                     "Frecuencia de Medición", "Metas Programadas", "Avance de Metas"]
# id, program, área, nota
LINKED_ROWS = [
    ("3310254", "Apoyo alimentario a personas adultas mayores", "Dirección de Asistencia Alimentaria",
     "Los indicadores se publican en la Tabla_221898"),
    ("3310267", "Desayunos escolares calientes", "Dirección de Asistencia Alimentaria", ""),
]
# id, indicator, definition, method, unit, frequency, metas programadas, avance
LINKED_SUB_ROWS = [
    ("3310254", "Número de despensas entregadas a personas adultas mayores",
     "Cuenta las despensas entregadas a personas adultas mayores en condición de vulnerabilidad",
     "Sumatoria de despensas entregadas en el periodo", "Despensa", "Trimestral", "18000", "9240"),
    ("3310267", "Número de desayunos calientes servidos en escuelas",
     "Cuenta las raciones de desayuno caliente servidas en escuelas públicas de educación básica",
     "Sumatoria de raciones servidas en el periodo", "Ración", "Trimestral", "1250000", "611300"),
    ("3310254", "Porcentaje de personas adultas mayores beneficiarias con seguimiento nutricional",
     "Mide la proporción de personas beneficiarias a las que se dio seguimiento nutricional",
     "(Beneficiarios con seguimiento / Total de beneficiarios) x 100", "Porcentaje", "Semestral", "80", "76.5"),
]


def linked_xls(path):
    wb = xlwt.Workbook(encoding="utf-8")
    ws = wb.add_sheet("Informacion")
    for k, text in enumerate(LINKED_HEADER):
        if text:
            ws.write(0, k, text)
    for r, (ident, program, area, note) in enumerate(LINKED_ROWS, start=1):
        cells = [ident, "2017", "Enero-Junio", program, area, "Tabla_221898", "14/07/2017", note]
        for k, text in enumerate(cells):
            if text:
                ws.write(r, k, text)
    sub = wb.add_sheet("Tabla_221898")
    for k, text in enumerate(LINKED_SUB_HEADER):
        sub.write(0, k, text)
    for r, row in enumerate(LINKED_SUB_ROWS, start=1):
        for k, text in enumerate(row):
            sub.write(r, k, text)
    catalogue = wb.add_sheet("hidden1")
    catalogue.write(0, 0, "Federal")
    catalogue.write(1, 0, "Estatal")
    wb.save(path)


# ---------------------------------------------------------------------------
# A state format ("DES01 Indicadores"): a block of label / value pairs above the table, which
# applies to every row.

DES_HEADER = ["Nivel", "Clave", "Nombre del indicador", "Método de cálculo", "Unidad de medida", "Frecuencia",
              "Meta anual", "Meta al periodo", "Avance al periodo", "% de cumplimiento"]
DES_ROWS = [
    ("Propósito", "P01", "Porcentaje de egresados colocados en un empleo",
     "(Egresados colocados / Total de egresados) x 100", "Porcentaje", "Anual", "65", "65", "58.5", "90.0"),
    ("Componente", "C01", "Número de cursos de capacitación impartidos", "Sumatoria de cursos impartidos",
     "Curso", "Trimestral", "420", "310", "296", "95.5"),
    ("Actividad", "C01.A01", "Número de instructores certificados", "Sumatoria de instructores certificados",
     "Instructor", "Trimestral", "40", "30", "24", "96.0"),
]


def des01_xls(path):
    wb = xlwt.Workbook(encoding="utf-8")
    ws = wb.add_sheet("DES01 Indicadores")
    bold = xlwt.easyxf("font: bold on")
    ws.write_merge(0, 0, 0, 9, "DES01 INDICADORES DE DESEMPEÑO", bold)
    labels = [
        ("Ente Público:", "Instituto de Capacitación para el Trabajo del Estado de Sonora"),
        ("Programa Presupuestario:", "E103 Capacitación para y en el trabajo"),
        ("Unidad Responsable:", "Dirección Técnica Académica"),
        ("Periodo:", "Enero-Septiembre 2021"),
    ]
    for r, (label, value) in enumerate(labels, start=2):
        ws.write(r, 0, label, bold)
        ws.write_merge(r, r, 1, 4, value)
    for k, text in enumerate(DES_HEADER):
        ws.write(7, k, text, bold)
    for r, row in enumerate(DES_ROWS, start=8):
        for k, value in enumerate(row):
            # Figures stored as numbers, as a state system's export stores them.
            ws.write(r, k, float(value) if k >= 6 else value)
    wb.save(path)

# ---------------------------------------------------------------------------

def write_all(out):
    legacy_xls(os.path.join(out, "sipot-legacy-cecytez-indicadores-resultados-2015-2017.xls"))
    pnt_v_xls(os.path.join(out, "sipot-pnt-export-ssh-indicadores-interes-publico-1s-2019.xls"))
    empty_template_xls(os.path.join(out, "sipot-pnt-export-plantilla-vacia-indicadores-resultados.xls"))
    linked_xls(os.path.join(out, "sipot-legacy-dif-sonora-programas-alimentarios-1s-2017.xls"))
    des01_xls(os.path.join(out, "des01-icatson-2021-T3-indicadores.xls"))
