"""The samples of the mandated table formats (issue 11), made by Scripts/make-samples through
make_samples.py: CONAC "Indicadores para Resultados" as an Excel-exported PDF and as a workbook,
SIPOT "Indicadores de resultados" (fracción VI) as the transparency platform's workbook export and
as a CSV saved by a Mexican Excel (Windows-1252, `;`), a MIR with its fichas técnicas as a PDF, and
a work program's (POA) progress by unit and zone over two PDF pages.

Each imitates the real documents of ../shared/real (layout, header wording, value shapes) with
invented bodies, people and figures, and plants inconsistencies an auditor would raise (see
Samples/README.md). The expected records are typed apart, in expected_tables.py, from reading the
files; nothing here writes them.

Every file is the same bytes on every run: ReportLab in invariant mode; workbooks rewritten with
fixed ZIP timestamps and fixed document properties.
"""

import csv
import datetime
import html
import io
import os
import re
import zipfile

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.pagesizes import landscape, letter, legal
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.pdfgen import canvas as pdfcanvas
from reportlab.platypus import KeepTogether, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

import make_samples as base

FIXED = datetime.datetime(2024, 1, 1, 0, 0, 0)


def esc(text):
    return html.escape(text, quote=False).replace("\n", "<br/>")


# ---------------------------------------------------------------------------
# Workbooks: openpyxl, then the archive rewritten so that its bytes never change.

def save_workbook(wb, path, creator):
    wb.properties.creator = creator
    wb.properties.lastModifiedBy = creator
    wb.properties.created = FIXED
    wb.properties.modified = FIXED
    buffer = io.BytesIO()
    wb.save(buffer)
    source = zipfile.ZipFile(io.BytesIO(buffer.getvalue()))
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for info in source.infolist():
            data = source.read(info.filename)
            if info.filename == "docProps/core.xml":
                # openpyxl stamps the time of saving: pin it.
                data = re.sub(rb"(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)",
                              rb"\g<1>2024-01-01T00:00:00Z\g<2>", data)
            fixed = zipfile.ZipInfo(info.filename, date_time=(2024, 1, 1, 0, 0, 0))
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o600 << 16
            out.writestr(fixed, data)


# ---------------------------------------------------------------------------
# CONAC "Indicadores para Resultados" (format 7.3 / D.4.2), Excel exported to PDF.

CONAC_PDF_TITLE = ["INDICADORES PARA RESULTADOS", "del 1 de Enero al 30 de Septiembre de 2023"]
CONAC_PDF_BODY = "INSTITUTO PARA LA EDUCACIÓN DE LAS PERSONAS JÓVENES Y ADULTAS DE AGUASCALIENTES"
CONAC_LEAVES = ["Eje", "Estrategia\nTransversal", "F", "FN", "SF", "PP", "UR", "Denominación\ndel Indicador", "Nivel",
                "Tipo", "Dimensión\na Medir", "Frecuencia de\nMedición", "Unidad de\nMedida", "Fórmula", "Programada",
                "Modificada", "Alcanzada", "Alc. /\nProg.", "Alc. /\nModif.", "Aprobado", "Modificado", "Devengado",
                "Dev. /\nAprob.", "Dev. /\nModif."]
CONAC_PDF_ROWS = [
    ["III. Aguascalientes educado", "II. Educación para la vida", "2", "5", "6", "E031", "1102",
     "Porcentaje de personas de 15 años y más en rezago educativo atendidas",
     "Propósito", "Estratégico", "Eficacia", "Anual", "Porcentaje",
     "(Personas de 15 años y más en rezago educativo atendidas / Total de personas de 15 años y más en rezago "
     "educativo en el Estado)*100",
     "12.5", "12.5", "11.8", "94.4", "94.4", "48,250,000.00", "49,100,000.00", "33,870,500.00", "0.70", "0.69"],
    ["III. Aguascalientes educado", "II. Educación para la vida", "2", "5", "6", "E031", "1102",
     "Número de educandos que concluyen nivel inicial, primaria o secundaria",
     "Componente", "Gestión", "Eficacia", "Trimestral", "Educando",
     "Sumatoria de educandos que concluyen nivel en el periodo",
     "4,800", "5,200", "3,950", "82.3", "76.0", "21,600,000.00", "22,050,000.00", "15,435,000.00", "0.71", "0.70"],
    ["III. Aguascalientes educado", "II. Educación para la vida", "2", "5", "6", "E031", "1102",
     "Número de asesores educativos formados",
     "Actividad", "Gestión", "Eficiencia", "Trimestral", "Asesor",
     "Sumatoria de asesores que concluyen el curso de formación inicial",
     "320", "", "352", "110.0", "", "3,400,000.00", "3,400,000.00", "2,516,000.00", "0.74", "0.74"],
    ["III. Aguascalientes educado", "II. Educación para la vida", "2", "5", "6", "E031", "1102",
     "Número de certificados de secundaria entregados",
     "Actividad", "Gestión", "Eficacia", "Trimestral", "Certificado",
     "Sumatoria de certificados de secundaria entregados a educandos",
     "2,600", "2,600", "1,430", "85.0", "55.0", "5,750,000.00", "5,750,000.00", "3,162,500.00", "0.55", "0.55"],
]
# The budget totals are the sums of the rows; the two ratios of the total row are the sums of the
# rows' ratios (0.70 + 0.71 + 0.74 + 0.55), not the ratios of the totals (0.70 and 0.68).
CONAC_PDF_TOTAL = ["Total del Programa"] + [""] * 18 + ["79,000,000.00", "80,300,000.00", "54,984,000.00", "2.70", "2.68"]
CONAC_PDF_NOTE = ("Bajo protesta de decir verdad declaramos que los Estados Financieros y sus Notas son razonablemente "
                  "correctos y responsabilidad del emisor")


def conac_pdf(path, rows=None, total=None, body=None, title=None):
    """Writes the PDF and returns its table as drawn: every row's cells, a spanned cell's text at
    its first column and "" under the rest of its span (Scripts/lib/make_table_corpus.py calls it
    with invented rows; the sample uses the module's)."""
    rows = CONAC_PDF_ROWS if rows is None else rows
    total = CONAC_PDF_TOTAL if total is None else total
    body = CONAC_PDF_BODY if body is None else body
    title_lines = CONAC_PDF_TITLE if title is None else title
    tiny = ParagraphStyle("conaccell", fontName="DejaVu", fontSize=5.2, leading=6.2, alignment=TA_CENTER)
    head = ParagraphStyle("conachead", parent=tiny, fontName="DejaVu-Bold")
    number = ParagraphStyle("conacnumber", parent=tiny, alignment=TA_RIGHT)
    groups = ["PROGRAMA DE GOBIERNO", "", "CATEGORÍA PROGRAMÁTICA", "", "", "", "", "INDICADORES", "", "", "", "", "",
              "", "METAS", "", "", "", "", "PRESUPUESTO (PESOS)", "", "", "", ""]
    # As the real exports print it: the group headings, then the percentages' group headings, then
    # every column's own heading on the third row.
    middle = [""] * 17 + ["Porcentaje de\nCumplimiento", ""] + [""] * 3 + ["Porcentaje de\nPresupuesto", ""]
    data = [[Paragraph(esc(c), head) for c in groups],
            [Paragraph(esc(c), head) for c in middle],
            [Paragraph(esc(c), head) for c in CONAC_LEAVES]]
    for row in rows:
        data.append([Paragraph(esc(c), number if 14 <= i else tiny) for i, c in enumerate(row)])
    data.append([Paragraph(esc(c), head if i == 0 else ParagraphStyle("t", parent=number, fontName="DejaVu-Bold"))
                 for i, c in enumerate(total)])
    widths = [1.45, 1.3, 0.45, 0.45, 0.45, 0.65, 0.65, 1.75, 1.25, 1.25, 1.05, 1.35, 1.05, 2.2, 1.25, 1.25, 1.2, 0.8,
              0.8, 1.6, 1.6, 1.6, 0.75, 0.75]
    # Printed on legal paper ("tamaño oficio"), as wide Excel sheets are.
    table = Table(data, colWidths=[w * 1.28 * cm for w in widths], repeatRows=3)
    style = [
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("GRID", (0, 0), (-1, -1), 0.25, colors.black),
        ("BACKGROUND", (0, 0), (-1, 2), colors.HexColor("#D9D9D9")),
        ("TOPPADDING", (0, 0), (-1, -1), 1.5), ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
        ("LEFTPADDING", (0, 0), (-1, -1), 3), ("RIGHTPADDING", (0, 0), (-1, -1), 3),
        # Group headings over their columns; every other heading spans the three header rows.
        ("SPAN", (0, 0), (1, 0)), ("SPAN", (2, 0), (6, 0)), ("SPAN", (7, 0), (13, 0)), ("SPAN", (14, 0), (18, 0)),
        ("SPAN", (19, 0), (23, 0)), ("SPAN", (17, 1), (18, 1)), ("SPAN", (22, 1), (23, 1)),
        ("SPAN", (0, -1), (13, -1)),
    ]
    table.setStyle(TableStyle(style))
    title = ParagraphStyle("conactitle", fontName="DejaVu-Bold", fontSize=7, leading=8.5, alignment=TA_CENTER)
    story = [Paragraph(esc(line), title) for line in title_lines]
    story.append(Spacer(1, 6))
    story.append(Paragraph("<b>Ente Público:</b> " + esc(body),
                           ParagraphStyle("conacbody", fontName="DejaVu", fontSize=6.5, leading=8)))
    story.append(Spacer(1, 4))
    story.append(table)
    story.append(Paragraph(esc(CONAC_PDF_NOTE), ParagraphStyle("conacnote", fontName="DejaVu", fontSize=5, leading=6)))
    doc = SimpleDocTemplate(path, pagesize=landscape(legal), leftMargin=1.0 * cm, rightMargin=1.0 * cm,
                            topMargin=1.2 * cm, bottomMargin=1.2 * cm, invariant=1,
                            title="Indicadores para Resultados", author="avance samples")
    doc.build(story)
    return [[groups, middle, CONAC_LEAVES] + [list(r) for r in rows] + [list(total)]]


# ---------------------------------------------------------------------------
# CONAC "Indicadores para Resultados" as the workbook itself: sheet "IR" laid out as the real one
# (title merged across the table, group headings merged, each indicator's cells merged down over
# two rows), a hidden sheet left over from the template, an error cell where a budget formula lost
# its reference.

CONAC_XLSX_BODY = "SISTEMA PARA EL DESARROLLO INTEGRAL DE LA FAMILIA DEL ESTADO DE NAYARIT"
CONAC_XLSX_ROWS = [
    ["IV.- Nayarit con bienestar", "III. Igualdad de género", 2, 6, 8, "E112", 1210,
     "Porcentaje de familias en situación de vulnerabilidad que mejoran su seguridad alimentaria",
     "Fin", "Estratégico", "Eficacia", "Anual", "Porcentaje",
     "(Familias vulnerables con seguridad alimentaria / Total de familias vulnerables atendidas)*100",
     35, "N/A", 36.2, 103.4, "N/A", 12800000, 12950000, 6105000, 0.48, 0.47],
    ["IV.- Nayarit con bienestar", "III. Igualdad de género", 2, 6, 8, "E112", 1210,
     "Número de personas beneficiadas con desayunos escolares",
     "Componente", "Gestión", "Eficacia", "Trimestral", "Persona",
     "Sumatoria de personas beneficiadas con desayunos escolares en el periodo",
     15000, 14000, 13300, 88.7, 95, 9400000, 9400000, 4512000, 0.48, 0.48],
    ["IV.- Nayarit con bienestar", "III. Igualdad de género", 2, 6, 8, "E112", 1210,
     "Número de despensas entregadas a familias en situación de vulnerabilidad",
     "Actividad", "Gestión", "Eficacia", "Trimestral", "Despensa",
     "Sumatoria de despensas entregadas en el periodo",
     1200, 1200, 1140, 95, 95, "#REF!", 3100000, 1519000, "#REF!", 0.49],
    ["IV.- Nayarit con bienestar", "III. Igualdad de género", 2, 6, 8, "E112", 1210,
     "Número de pláticas de orientación alimentaria impartidas",
     "Actividad", "Gestión", "Eficiencia", "Trimestral", "Plática",
     "Sumatoria de pláticas de orientación alimentaria impartidas",
     40, 40, 30, 75, 57.5, 650000, 650000, 292500, 0.45, 0.45],
]


def conac_xlsx(path, rows=None, body=None, totals=None):
    rows = CONAC_XLSX_ROWS if rows is None else rows
    body = CONAC_XLSX_BODY if body is None else body
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
    wb = Workbook()
    ws = wb.active
    ws.title = "IR"
    thin = Side(style="thin")
    box = Border(left=thin, right=thin, top=thin, bottom=thin)
    centre = Alignment(horizontal="center", vertical="center", wrap_text=True)
    bold = Font(name="Arial", bold=True, size=8)
    plain = Font(name="Arial", size=8)
    grey = PatternFill("solid", fgColor="D9D9D9")
    ws["B1"] = "INDICADORES PARA RESULTADOS"
    ws.merge_cells("B1:Y2")
    ws["B3"] = "Del 1 de Enero al 30 de Junio de 2022"
    ws.merge_cells("B3:Y3")
    ws["D5"] = "Ente Público:"
    ws["E5"] = body
    for ref in ("B1", "B3"):
        ws[ref].font = Font(name="Arial", bold=True, size=10)
        ws[ref].alignment = centre
    ws["D5"].font = bold
    groups = {"B7": ("PROGRAMA DE GOBIERNO", "B7:C7"), "D7": ("CATEGORÍA PROGRAMÁTICA", "D7:H7"),
              "I7": ("INDICADORES", "I7:O7"), "P7": ("METAS", "P7:T7"), "U7": ("PRESUPUESTO (PESOS)", "U7:Y7")}
    for ref, (text, span) in groups.items():
        ws[ref] = text
        ws.merge_cells(span)
    leaves = ["Eje", "Estrategia Transversal", "F", "FN", "SF", "PP", "UR", "Denominación del Indicador", "Nivel",
              "Tipo", "Dimensión a Medir", "Frecuencia de Medición", "Unidad de Medida", "Fórmula", "Programada",
              "Modificada", "Alcanzada"]
    for k, text in enumerate(leaves):
        col = 2 + k
        ws.cell(8, col, text)
        ws.merge_cells(start_row=8, start_column=col, end_row=9, end_column=col)
    ws["S8"] = "Porcentaje de Cumplimiento"
    ws.merge_cells("S8:T8")
    ws["S9"], ws["T9"] = "Alc. / Prog.", "Alc. / Modif."
    for k, text in enumerate(["Aprobado", "Modificado", "Devengado"]):
        ws.cell(8, 21 + k, text)
        ws.merge_cells(start_row=8, start_column=21 + k, end_row=9, end_column=21 + k)
    ws["X8"] = "Porcentaje de Presupuesto"
    ws.merge_cells("X8:Y8")
    ws["X9"], ws["Y9"] = "Dev. / Aprob.", "Dev. / Modif."
    for row in ws.iter_rows(min_row=7, max_row=9, min_col=2, max_col=25):
        for cell in row:
            cell.font, cell.alignment, cell.fill, cell.border = bold, centre, grey, box
    r = 10
    for values in rows:
        for k, value in enumerate(values):
            cell = ws.cell(r, 2 + k, value)
            cell.font, cell.alignment, cell.border = plain, centre, box
            if isinstance(value, (int, float)) and k >= 19:
                cell.number_format = "#,##0.00"
            # Each indicator's cells run down two rows, as the real workbook's do.
            ws.merge_cells(start_row=r, start_column=2 + k, end_row=r + 1, end_column=2 + k)
        r += 2
    ws.cell(r, 3, "Total del Gasto").font = bold
    ws.merge_cells(start_row=r, start_column=3, end_row=r, end_column=4)
    # The totals of the budget: Aprobado lost its reference as the rows' did; the ratios are the
    # sums of the rows' ratios.
    if totals is None:
        totals = {21: "#REF!", 22: 26100000, 23: 12428500, 24: "#REF!", 25: 1.89}
    for col, value in totals.items():
        cell = ws.cell(r, col, value)
        cell.font, cell.border = bold, box
        if not isinstance(value, str):
            cell.number_format = "#,##0.00"
    ws.cell(r + 2, 2, CONAC_PDF_NOTE).font = Font(name="Arial", size=7)
    for col, width in zip("BCDEFGHIJKLMNOPQRSTUVWXY", [14, 14, 4, 4, 4, 7, 7, 24, 11, 11, 11, 11, 11, 30, 10, 10, 10,
                                                      9, 9, 14, 14, 14, 8, 8]):
        ws.column_dimensions[col].width = width
    # A sheet of the template's catalogues, hidden, as workbooks passed between offices carry them.
    hidden = wb.create_sheet("Catálogos")
    hidden.sheet_state = "hidden"
    for k, (level, kind) in enumerate([("Fin", "Estratégico"), ("Propósito", "Gestión"), ("Componente", ""),
                                       ("Actividad", "")], start=1):
        hidden.cell(k, 1, level)
        if kind:
            hidden.cell(k, 2, kind)
    save_workbook(wb, path, "Departamento de Programación y Presupuesto")


# ---------------------------------------------------------------------------
# SIPOT "Indicadores de resultados" (fracción VI) as the national platform exports it.

SIPOT_HEADER = [
    "Ejercicio", "Fecha de inicio del periodo que se informa", "Fecha de término del periodo que se informa",
    "Nombre del programa o concepto al que corresponde el indicador",
    "Objetivo institucional (Redactados con perspectiva de género)", "Nombre(s) del(os) indicador(es)",
    "Dimensión(es) a medir", "Definición del indicador", "Método de cálculo con variables de la fórmula",
    "Unidad de medida", "Frecuencia de medición", "Línea base", "Metas programadas",
    "Metas ajustadas que existan, en su caso", "Avance de metas", "Sentido del indicador (catálogo)",
    "Fuente de información",
    "Área(s) responsable(s) que genera(n), posee(n), publica(n) y actualizan la información",
    "Fecha de validación", "Fecha de actualización", "Nota",
]
SIPOT_TYPES = ["1", "4", "4", "2", "1", "1", "1", "2", "2", "1", "1", "1", "2", "2", "2", "9", "2", "2", "4", "4", "2"]
SIPOT_DESCRIPTION = ("La información de los indicadores de desempeño de sus objetivos institucionales la cual deberá "
                     "publicarse de tal forma que sea posible la consulta por sujeto obligado, año y área o unidad "
                     "responsable del programa correspondiente.")

SIPOT_XLSX_ROWS = [
    ["2024", (2024, 4, 1), (2024, 6, 30), "Agua potable para todos",
     "Incrementar la cobertura del servicio de agua potable en las localidades rurales del estado",
     "Porcentaje de cobertura de agua potable en localidades rurales", "Eficacia",
     "Mide la proporción de habitantes de localidades rurales que cuentan con servicio de agua potable",
     "PCAP= (HRSAP/THR) x 100\nHRSAP= Habitantes rurales con servicio de agua potable\nTHR= Total de habitantes rurales",
     "Porcentaje", "Trimestral", "91.2", "93", "Sin ajuste", "92.4", "Ascendente",
     "Padrón de usuarios y actas de entrega de obra", "Dirección de Planeación Hidráulica",
     (2024, 7, 15), (2024, 7, 15), "La meta no tuvo ajustes en el periodo"],
    ["2024", (2024, 4, 1), (2024, 6, 30), "Saneamiento de aguas residuales",
     "Reducir la descarga de aguas residuales sin tratamiento a los cuerpos de agua",
     "Porcentaje de aguas residuales tratadas", "Eficacia",
     "Mide la proporción del caudal de aguas residuales colectadas que recibe tratamiento",
     "PART= (CART/CARC) x 100\nCART= Caudal de aguas residuales tratadas\nCARC= Caudal de aguas residuales colectadas",
     "Porcentaje", "Trimestral", "62", "68", "70", "66.5", "Ascendente",
     "Bitácoras de operación de las plantas de tratamiento", "Dirección de Saneamiento",
     (2024, 7, 15), (2024, 7, 15),
     "La meta se ajustó por la entrada en operación de la planta de tratamiento de Tequisquiapan"],
    ["2024", (2024, 4, 1), (2024, 6, 30), "Cultura del agua",
     "Fomentar el uso responsable del agua entre la población escolar",
     "Número de pláticas de cultura del agua impartidas en escuelas", "Eficacia",
     "Cuenta las pláticas sobre el cuidado del agua impartidas en escuelas de educación básica",
     "NPI= Sumatoria de pláticas impartidas en el periodo", "Plática", "Trimestral", "N/A", "240", "Sin ajuste", "260",
     "Ascendente", "Listas de asistencia y memoria fotográfica", "Coordinación de Cultura del Agua",
     (2024, 7, 15), (2024, 7, 15), ""],
    ["2024", (2024, 4, 1), (2024, 6, 30), "Medición del consumo",
     "Mejorar la facturación del servicio mediante la medición del consumo",
     "Porcentaje de tomas domiciliarias con medidor instalado", "Eficiencia",
     "Mide la proporción de tomas domiciliarias que cuentan con medidor funcionando",
     "PTM= (TCM/TTD) x 100\nTCM= Tomas con medidor\nTTD= Total de tomas domiciliarias",
     "Porcentaje", "Trimestral", "45.3", "50", "Sin ajuste", "#DIV/0!", "Ascendente",
     "Sistema comercial de facturación", "Dirección Comercial", (2024, 7, 15), (2024, 7, 15), ""],
    ["2024", (2024, 4, 1), (2024, 6, 30), "Agua potable para todos",
     "Reducir las pérdidas físicas de agua en las redes de distribución",
     "Tiempo promedio de atención de reportes de fugas", "Eficiencia",
     "Mide las horas que transcurren en promedio entre el reporte de una fuga y su reparación",
     "TPA= Suma de horas de atención / Número de reportes atendidos", "Horas", "Trimestral", "48", "36", "Sin ajuste",
     "40", "Descendente", "Sistema de atención de reportes ciudadanos", "Dirección de Operación",
     (2024, 7, 15), (2024, 7, 15), ""],
]


def sipot_xlsx(path, rows=None):
    rows = SIPOT_XLSX_ROWS if rows is None else rows
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    wb = Workbook()
    ws = wb.active
    ws.title = "Reporte de Formatos"
    ws["A1"] = "59187"
    ws["A2"], ws["D2"], ws["G2"] = "TÍTULO", "NOMBRE CORTO", "DESCRIPCIÓN"
    ws["A3"], ws["D3"], ws["G3"] = "Indicadores de resultados", "LTAIPEQArt66FraccVI", SIPOT_DESCRIPTION
    for span in ("A2:C2", "D2:F2", "G2:U2", "A3:C3", "D3:F3", "G3:U3"):
        ws.merge_cells(span)
    for k, t in enumerate(SIPOT_TYPES, start=1):
        ws.cell(4, k, t)
        ws.cell(5, k, str(402310 + k * 3))
    ws["A6"] = "Tabla Campos"
    ws.merge_cells("A6:U6")
    dark = PatternFill("solid", fgColor="333333")
    ws["A6"].font = Font(color="FFFFFF", bold=True)
    ws["A6"].fill = dark
    for k, text in enumerate(SIPOT_HEADER, start=1):
        cell = ws.cell(7, k, text)
        cell.fill = PatternFill("solid", fgColor="E1E1E1")
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    for r, values in enumerate(rows, start=8):
        for k, value in enumerate(values, start=1):
            if isinstance(value, tuple):
                cell = ws.cell(r, k, datetime.datetime(*value))
                cell.number_format = "dd/mm/yyyy"
            elif value != "":
                cell = ws.cell(r, k, value)
                cell.alignment = Alignment(wrap_text=True, vertical="top")
    hidden = wb.create_sheet("Hidden_1")
    hidden["A1"], hidden["A2"] = "Ascendente", "Descendente"
    hidden.sheet_state = "hidden"
    save_workbook(wb, path, "Apache POI")


# The same format saved as CSV by Excel in Mexico: Windows-1252, `;` between fields, every record
# padded to the sheet's width, dates as the cells showed them, a formula's error as Spanish Excel
# prints it, a multi-line cell quoted.
SIPOT_CSV_ROWS = [
    ["2023", "01/07/2023", "30/09/2023", "Atención integral a la juventud",
     "Ampliar las oportunidades de desarrollo de las personas jóvenes del municipio",
     "Porcentaje de personas jóvenes atendidas en los centros de atención", "Eficacia",
     "Mide la proporción de personas jóvenes atendidas respecto de las programadas",
     "PJA= (JA/JP) * 100\nJA= Jóvenes atendidos\nJP= Jóvenes programados", "Porcentaje", "Trimestral", "ND",
     "100", "Sin ajuste", "87.5", "Ascendente", "Registros de atención de los centros",
     "Departamento de Atención a la Juventud", "13/10/2023", "13/10/2023", ""],
    ["2023", "01/07/2023", "30/09/2023", "Becas de transporte",
     "Reducir el abandono escolar de las personas jóvenes por falta de recursos",
     "Número de becas de transporte otorgadas", "Eficacia",
     "Cuenta las becas de transporte entregadas a estudiantes de nivel medio superior y superior",
     "NBO= Sumatoria de becas otorgadas", "Beca", "Trimestral", "1,100", "1,250", "1,180", "1,212", "Ascendente",
     "Padrón de personas beneficiarias", "Departamento de Becas", "13/10/2023", "13/10/2023",
     "La meta se ajustó por la reducción del presupuesto del programa"],
    ["2023", "01/07/2023", "30/09/2023", "Atención integral a la juventud",
     "Ampliar las oportunidades de desarrollo de las personas jóvenes del municipio",
     "Tasa de variación de personas jóvenes que concluyen cursos de capacitación", "Eficacia",
     "Mide el cambio en el número de personas jóvenes que concluyen cursos respecto del año anterior",
     "TV= ((JCt/JCt-1)-1) * 100", "Tasa", "Trimestral", "0", "5", "Sin ajuste", "#¡DIV/0!", "Ascendente",
     "Constancias de conclusión de cursos", "Departamento de Capacitación", "13/10/2023", "13/10/2023", ""],
    ["2023", "01/07/2023", "30/09/2023", "Emprendimiento juvenil",
     "Impulsar proyectos productivos encabezados por personas jóvenes",
     "Número de talleres de emprendimiento impartidos", "Eficacia",
     "Cuenta los talleres de emprendimiento impartidos en colonias y comunidades",
     "NTI= Sumatoria de talleres impartidos", "Taller", "Trimestral", "N/A", "24", "Sin ajuste", "27", "Ascendente",
     "Listas de asistencia", "Departamento de Emprendimiento", "13/10/2023", "13/10/2023", ""],
]


def sipot_csv_text(rows=None):
    rows = SIPOT_CSV_ROWS if rows is None else rows
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    width = len(SIPOT_HEADER)

    def pad(cells):
        return cells + [""] * (width - len(cells))

    writer.writerow(pad(["58310"]))
    writer.writerow(pad(["TÍTULO", "", "", "NOMBRE CORTO", "", "", "DESCRIPCIÓN"]))
    writer.writerow(pad(["Indicadores de resultados", "", "", "LTAIPTAIPArt63FraccVI", "", "", SIPOT_DESCRIPTION]))
    writer.writerow(SIPOT_TYPES)
    writer.writerow([str(398841 + k * 2) for k in range(width)])
    writer.writerow(pad(["Tabla Campos"]))
    writer.writerow(SIPOT_HEADER)
    for row in rows:
        writer.writerow(row)
    return out.getvalue()


# ---------------------------------------------------------------------------
# A work program's (POA) progress by training unit, grouped by zone, over two landscape pages.

POA_TITLE = ["INSTITUTO DE CAPACITACIÓN PARA EL TRABAJO DEL ESTADO DE OAXACA",
             "PROGRAMA OPERATIVO ANUAL 2024", "SEGUIMIENTO DE METAS POR ZONA (CURSOS)"]
POA_PERIOD = "PERIODO: Enero-Junio 2024"
# Number, unit, annual, programmed Q1, Q2, Jan-Jun, achieved Q1, Q2, Jan-Jun, percent.
POA_ZONES = [
    ("ZONA I VALLES CENTRALES", [
        ("1", "UNIDAD DE CAPACITACIÓN OAXACA", 220, 50, 60, 110, 52, 61, 113, "103%"),
        ("2", "ACCIÓN MÓVIL ZAACHILA", 48, 10, 14, 24, 9, 12, 21, "88%"),
        ("3", "ACCIÓN MÓVIL TLACOLULA", 40, 8, 12, 20, 6, 9, 15, "75%"),
        ("4", "ACCIÓN MÓVIL OCOTLÁN", 36, 8, 10, 18, 7, 7, 14, "78%"),
    ]),
    ("ZONA II ISTMO", [
        ("5", "UNIDAD DE CAPACITACIÓN JUCHITÁN", 150, 35, 40, 75, 30, 36, 66, "88%"),
        ("6", "ACCIÓN MÓVIL SALINA CRUZ", 60, 16, 48, 64, 15, 40, 55, "86%"),
        ("7", "ACCIÓN MÓVIL MATÍAS ROMERO", 44, 10, 12, 22, 6, 7, 13, "95%"),
    ]),
    ("ZONA III COSTA", [
        ("8", "UNIDAD DE CAPACITACIÓN PUERTO ESCONDIDO", 120, 28, 32, 60, 30, 34, 64, "107%"),
        ("9", "ACCIÓN MÓVIL PINOTEPA NACIONAL", 52, 12, 14, 26, 10, 11, 21, "81%"),
        ("10", "ACCIÓN MÓVIL POCHUTLA", 40, 9, 11, 20, 8, 9, 17, "85%"),
    ]),
    ("ZONA IV MIXTECA", [
        ("11", "UNIDAD DE CAPACITACIÓN HUAJUAPAN", 130, 30, 35, 65, 25, 30, 55, "85%"),
        ("12", "ACCIÓN MÓVIL TLAXIACO", 46, 10, 13, 23, 9, 10, 19, "83%"),
        ("13", "ACCIÓN MÓVIL NOCHIXTLÁN", 38, 8, 11, 19, 8, 11, 19, "100%"),
    ]),
    ("ZONA V CUENCA", [
        ("14", "UNIDAD DE CAPACITACIÓN TUXTEPEC", 140, 32, 38, 70, 33, 40, 73, "104%"),
        ("15", "ACCIÓN MÓVIL LOMA BONITA", 50, 12, 13, 25, 11, 12, 23, "92%"),
        ("16", "ACCIÓN MÓVIL VALLE NACIONAL", 42, 9, 12, 21, 5, 6, 11, "52%"),
    ]),
    ("ZONA VI SIERRA SUR", [
        ("17", "UNIDAD DE CAPACITACIÓN MIAHUATLÁN", 110, 25, 30, 55, 24, 29, 53, "96%"),
        ("18", "ACCIÓN MÓVIL SOLA DE VEGA", 36, 8, 10, 18, 8, 9, 17, "94%"),
        ("19", "ACCIÓN MÓVIL SAN CARLOS YAUTEPEC", 32, 7, 9, 16, 7, 10, 17, "106%"),
    ]),
    ("ZONA VII SIERRA NORTE", [
        ("20", "UNIDAD DE CAPACITACIÓN IXTLÁN", 90, 20, 25, 45, 18, 22, 40, "89%"),
        ("21", "ACCIÓN MÓVIL GUELATAO", 30, 6, 9, 15, 6, 8, 14, "93%"),
        ("22", "ACCIÓN MÓVIL TLAHUITOLTEPEC", 28, 6, 8, 14, 4, 6, 10, "71%"),
    ]),
]
POA_NOTES = [
    "Nota: las cifras programadas y realizadas son acumuladas desde el inicio del ejercicio; el porcentaje de "
    "cumplimiento es lo realizado entre lo programado al periodo.",
]
POA_SIGNERS = [
    ["Elaboró", "Lic. Itzel Ramírez Cruz", "Jefa del Departamento de Planeación"],
    ["Revisó", "Mtro. Joaquín Santiago Luna", "Director de Planeación y Evaluación"],
]


def pct(done, target):
    return "%d%%" % int(done * 100 / target + 0.5)


def poa_rows(zones=None):
    """The table's rows: units, each zone's subtotal after its units, and the totals. The zone rows
    are the sums of their units and their percentages the ratio of those sums; the TOTALES row's
    figures are the sums of the zones, its percentage the sum of the zones' percentages."""
    rows, zone_percents, grand = [], [], [0] * 7
    for zone, units in (POA_ZONES if zones is None else zones):
        sums = [0] * 7
        for unit in units:
            rows.append(("unit", [unit[0], unit[1]] + ["%d" % v for v in unit[2:9]] + [unit[9]]))
            for k in range(7):
                sums[k] += unit[2 + k]
        zone_percent = pct(sums[6], sums[3])
        zone_percents.append(int(zone_percent[:-1]))
        rows.append(("zone", ["", zone] + ["%d" % v for v in sums] + [zone_percent]))
        grand = [g + s for g, s in zip(grand, sums)]
    rows.append(("total", ["", "TOTALES"] + ["{:,}".format(v) for v in grand] + ["%d%%" % sum(zone_percents)]))
    return rows


def poa_pdf(path, zones=None):
    """Writes the PDF and returns its table as drawn (the header once, though it repeats on the
    second page)."""
    cell = ParagraphStyle("poacell", fontName="DejaVu", fontSize=7.5, leading=9)
    number = ParagraphStyle("poanumber", parent=cell, alignment=TA_CENTER)
    head = ParagraphStyle("poahead", parent=cell, fontName="DejaVu-Bold", fontSize=6, leading=7.5, alignment=TA_CENTER)
    boldcell = ParagraphStyle("poabold", parent=cell, fontName="DejaVu-Bold")
    boldnumber = ParagraphStyle("poaboldnumber", parent=number, fontName="DejaVu-Bold")
    # One header row, as the Excel sheet prints it on legal paper: each quarter's column and the
    # half-year's, programmed and achieved.
    top = ["No.", "UNIDAD DE CAPACITACIÓN", "META ANUAL (CURSOS)", "PROGRAMADO I TRIM.", "PROGRAMADO II TRIM.",
           "PROGRAMADO ENE-JUN", "REALIZADO I TRIM.", "REALIZADO II TRIM.", "REALIZADO ENE-JUN",
           "% DE CUMPLIMIENTO"]
    data = [[Paragraph(esc(t), head) for t in top]]
    style = [
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("GRID", (0, 0), (-1, -1), 0.4, colors.black),
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#00A651")),
        ("TOPPADDING", (0, 0), (-1, -1), 4.4), ("BOTTOMPADDING", (0, 0), (-1, -1), 4.4),
    ]
    drawn = [top]
    for kind, values in poa_rows(zones):
        drawn.append(values)
        r = len(data)
        if kind == "unit":
            data.append([Paragraph(esc(v), cell if i == 1 else number) for i, v in enumerate(values)])
        else:
            data.append([Paragraph(esc(v), boldcell if i == 1 else boldnumber) for i, v in enumerate(values)])
            style.append(("BACKGROUND", (0, r), (-1, r), colors.HexColor("#FFF200") if kind == "zone" else colors.HexColor("#BFBFBF")))
    widths = [1.0, 7.0, 3.3, 3.2, 3.2, 3.4, 3.2, 3.2, 3.4, 3.0]
    table = Table(data, colWidths=[w * cm for w in widths], repeatRows=1)
    table.setStyle(TableStyle(style))
    title = ParagraphStyle("poatitle", fontName="DejaVu-Bold", fontSize=9, leading=11.5, alignment=TA_CENTER)
    # The body's name, the program and the subject, each a size smaller than the line above.
    story = [Paragraph(esc(POA_TITLE[0]), ParagraphStyle("poabody", parent=title, fontSize=10.5, leading=13.5))]
    story.append(Paragraph(esc(POA_TITLE[1]), ParagraphStyle("poaprogram", parent=title, fontSize=9.5, leading=12)))
    story.append(Paragraph(esc(POA_TITLE[2]), title))
    story.append(Paragraph(esc(POA_PERIOD), ParagraphStyle("poaperiod", parent=title, alignment=TA_RIGHT, fontSize=8.5)))
    story.append(Spacer(1, 6))
    story.append(table)
    story.append(Spacer(1, 8))
    note = ParagraphStyle("poanote", fontName="DejaVu", fontSize=7.5, leading=9.5)
    for text in POA_NOTES:
        story.append(Paragraph(esc(text), note))
    cells = [[Paragraph("<br/>".join(esc(l) for l in lines), base.WORD_SIGNATURE) for lines in POA_SIGNERS]]
    signatures = Table(cells, colWidths=[9 * cm] * 2)
    signatures.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("TOPPADDING", (0, 0), (-1, -1), 16)]))
    story.append(KeepTogether(signatures))
    doc = SimpleDocTemplate(path, pagesize=landscape(legal), leftMargin=0.9 * cm, rightMargin=0.9 * cm,
                            topMargin=1.3 * cm, bottomMargin=1.6 * cm, invariant=1,
                            title="Seguimiento de metas por zona", author="avance samples")
    doc.build(story, canvasmaker=base.FooterCanvas)
    return [drawn]


# ---------------------------------------------------------------------------
# A results matrix (MIR) and, on the next page, the fichas técnicas of its indicators with the
# targets and the progress of the quarter, as a state sports institute prints them from Excel.

MIR_TITLE = ["INSTITUTO SUDCALIFORNIANO DEL DEPORTE", "MATRIZ DE INDICADORES PARA RESULTADOS 2024"]
MIR_FIELDS = [
    ("Programa presupuestario", "E017 - Fomento a la cultura física y el deporte"),
    ("Unidad responsable", "Dirección de Cultura Física"),
    ("Periodo", "Abril-Junio 2024"),
]
MIR_HEADER = ["Nivel", "Resumen narrativo", "Indicador", "Método de cálculo", "Frecuencia", "Medios de verificación",
              "Supuestos"]
MIR_ROWS = [
    ["Fin", "Contribuir a mejorar la salud de la población sudcaliforniana mediante la práctica regular de "
     "actividad física",
     "Porcentaje de población de 18 años y más físicamente activa",
     "(Población de 18 años y más físicamente activa / Población total de 18 años y más) x 100", "Anual",
     "Módulo de Práctica Deportiva y Ejercicio Físico, publicado cada año", "La población mantiene hábitos saludables"],
    ["Propósito", "La población de Baja California Sur practica actividad física de manera regular",
     "Porcentaje de personas que participan en los programas deportivos",
     "(Personas participantes / Personas programadas) x 100", "Semestral",
     "Registros de participantes de los programas", "Las condiciones climáticas permiten las actividades al aire libre"],
    ["Componente", "Eventos deportivos masivos realizados", "Número de eventos deportivos masivos realizados",
     "Sumatoria de eventos deportivos masivos realizados en el periodo", "Trimestral",
     "Memorias fotográficas y listas de registro de los eventos", "Los municipios facilitan los espacios públicos"],
    ["Actividad", "Difusión de los eventos en medios de comunicación",
     "Número de campañas de difusión realizadas", "Sumatoria de campañas de difusión realizadas en el periodo",
     "Trimestral", "Testigos de las campañas en medios", "Los medios de comunicación difunden los eventos"],
    ["Componente", "Becas a deportistas de alto rendimiento otorgadas",
     "Número de becas otorgadas a deportistas de alto rendimiento",
     "Sumatoria de becas otorgadas en el periodo", "Trimestral", "Padrón de deportistas becados",
     "Los deportistas mantienen su rendimiento"],
    ["Actividad", "Evaluación técnica de deportistas", "Porcentaje de deportistas evaluados",
     "(Deportistas evaluados / Deportistas inscritos) x 100", "Trimestral", "Cédulas de evaluación técnica",
     "Los deportistas acuden a la evaluación"],
]
FICHA_HEADER = ["Nivel", "Indicador", "Unidad de medida", "Línea base", "Meta anual", "Meta al periodo",
                "Avance al periodo", "% de cumplimiento", "Semáforo"]
FICHA_ROWS = [
    ["Fin", "Porcentaje de población de 18 años y más físicamente activa", "Porcentaje", "38.5", "42", "N/A", "N/A",
     "N/A", "N/A"],
    ["Propósito", "Porcentaje de personas que participan en los programas deportivos", "Porcentaje", "85", "90", "90",
     "92.3", "102.6 %", "Verde"],
    ["Componente", "Número de eventos deportivos masivos realizados", "Evento", "24", "30", "12", "11", "91.7 %",
     "Verde"],
    ["Actividad", "Número de campañas de difusión realizadas", "Campaña", "6", "8", "4", "4", "100.0 %", "Verde"],
    ["Componente", "Número de becas otorgadas a deportistas de alto rendimiento", "Beca", "120", "150", "160", "148",
     "92.5 %", "Verde"],
    ["Actividad", "Porcentaje de deportistas evaluados", "Porcentaje", "90", "95", "95", "76", "95.0 %", "Verde"],
]
FICHA_NOTES = [
    "Semáforo: verde, 90 % o más de la meta del periodo; amarillo, de 70 % a 89.9 %; rojo, menos de 70 %.",
    "El indicador de Fin se mide una vez al año: no tiene meta ni avance en el trimestre.",
]
MIR_SIGNERS = [
    ["Elaboró", "Lic. Karla Verdugo Amador", "Jefa del Departamento de Planeación"],
    ["Autorizó", "Prof. Ramón Geraldo Cota", "Director de Cultura Física"],
]


def mir_pdf(path, mir_rows=None, ficha_rows=None):
    """Writes the PDF and returns its two tables as drawn."""
    mir_rows = MIR_ROWS if mir_rows is None else mir_rows
    ficha_rows = FICHA_ROWS if ficha_rows is None else ficha_rows
    from reportlab.platypus import PageBreak
    cell = ParagraphStyle("mircell", fontName="DejaVu", fontSize=7.5, leading=9)
    number = ParagraphStyle("mirnumber", parent=cell, alignment=TA_CENTER)
    head = ParagraphStyle("mirhead", parent=cell, fontName="DejaVu-Bold", alignment=TA_CENTER)
    title = ParagraphStyle("mirtitle", fontName="DejaVu-Bold", fontSize=11, leading=14, alignment=TA_CENTER)
    subtitle = ParagraphStyle("mirsubtitle", parent=title, fontSize=9.5, leading=12)
    field = ParagraphStyle("mirfield", fontName="DejaVu", fontSize=8.5, leading=11)

    def grid(header, rows, widths, centred=()):
        data = [[Paragraph(esc(h), head) for h in header]]
        for row in rows:
            data.append([Paragraph(esc(c), number if i in centred else cell) for i, c in enumerate(row)])
        table = Table(data, colWidths=[w * cm for w in widths], repeatRows=1)
        table.setStyle(TableStyle([
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("GRID", (0, 0), (-1, -1), 0.4, colors.black),
            ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#C6D9F1")),
            ("TOPPADDING", (0, 0), (-1, -1), 3), ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
        ]))
        return table

    story = [Paragraph(esc(MIR_TITLE[0]), title), Paragraph(esc(MIR_TITLE[1]), subtitle), Spacer(1, 6)]
    for label, value in MIR_FIELDS:
        story.append(Paragraph("<b>%s:</b> %s" % (esc(label), esc(value)), field))
    story.append(Spacer(1, 6))
    story.append(grid(MIR_HEADER, mir_rows, [2.4, 5.0, 4.2, 4.6, 2.1, 3.8, 3.4], centred=(4,)))
    story.append(PageBreak())
    story.append(Paragraph("FICHAS TÉCNICAS DE LOS INDICADORES", subtitle))
    story.append(Spacer(1, 6))
    story.append(grid(FICHA_HEADER, ficha_rows, [2.4, 7.0, 2.3, 1.7, 1.7, 1.9, 1.9, 2.5, 1.9],
                      centred=(3, 4, 5, 6, 7, 8)))
    story.append(Spacer(1, 8))
    note = ParagraphStyle("mirnote", fontName="DejaVu", fontSize=7.5, leading=9.5)
    for text in FICHA_NOTES:
        story.append(Paragraph(esc(text), note))
    cells = [[Paragraph("<br/>".join(esc(l) for l in lines), base.WORD_SIGNATURE) for lines in MIR_SIGNERS]]
    signatures = Table(cells, colWidths=[9 * cm] * 2)
    signatures.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("TOPPADDING", (0, 0), (-1, -1), 22)]))
    story.append(KeepTogether(signatures))
    doc = SimpleDocTemplate(path, pagesize=landscape(letter), leftMargin=1.3 * cm, rightMargin=1.3 * cm,
                            topMargin=1.3 * cm, bottomMargin=1.6 * cm, invariant=1,
                            title="Matriz de Indicadores para Resultados", author="avance samples")
    doc.build(story, canvasmaker=base.FooterCanvas)
    return [[MIR_HEADER] + [list(r) for r in mir_rows], [FICHA_HEADER] + [list(r) for r in ficha_rows]]


# ---------------------------------------------------------------------------
# An OpenDocument spreadsheet (.ods) of a workbook: the same sheets, cells and merged ranges,
# written as LibreOffice writes content.xml (repeated empty cells and rows, covered cells under
# a span), with a stored `mimetype` first and fixed timestamps so that the bytes do not change.

ODS_MIME = "application/vnd.oasis.opendocument.spreadsheet"


def ods_from_workbook(xlsx_path, ods_path):
    import zipfile
    from openpyxl import load_workbook
    wb = load_workbook(xlsx_path)
    tables = []
    for ws in wb.worksheets:
        spans = {}
        covered = set()
        for rng in ws.merged_cells.ranges:
            spans[(rng.min_row, rng.min_col)] = (rng.max_row - rng.min_row + 1, rng.max_col - rng.min_col + 1)
            for r in range(rng.min_row, rng.max_row + 1):
                for c in range(rng.min_col, rng.max_col + 1):
                    if (r, c) != (rng.min_row, rng.min_col):
                        covered.add((r, c))
        rows = []
        for r in range(1, ws.max_row + 1):
            cells = []
            for c in range(1, ws.max_column + 1):
                value = ws.cell(r, c).value
                if (r, c) in covered:
                    cells.append("<table:covered-table-cell/>")
                    continue
                span = spans.get((r, c))
                attrs = ""
                if span:
                    attrs += ' table:number-rows-spanned="%d" table:number-columns-spanned="%d"' % span
                if value is None:
                    cells.append("<table:table-cell%s/>" % attrs)
                elif isinstance(value, bool):
                    cells.append('<table:table-cell%s office:value-type="boolean" office:boolean-value="%s"><text:p>%s</text:p></table:table-cell>'
                                 % (attrs, "true" if value else "false", "VERDADERO" if value else "FALSO"))
                elif isinstance(value, (int, float)):
                    cells.append('<table:table-cell%s office:value-type="float" office:value="%s"><text:p>%s</text:p></table:table-cell>'
                                 % (attrs, repr(value), value))
                elif hasattr(value, "isoformat"):
                    cells.append('<table:table-cell%s office:value-type="date" office:date-value="%s"><text:p>%s</text:p></table:table-cell>'
                                 % (attrs, value.isoformat(), value.strftime("%d/%m/%Y")))
                else:
                    paragraphs = "".join("<text:p>%s</text:p>" % esc(line) for line in str(value).split("\n"))
                    cells.append('<table:table-cell%s office:value-type="string">%s</table:table-cell>' % (attrs, paragraphs))
            rows.append("<table:table-row>%s</table:table-row>" % "".join(cells))
        # The rest of the sheet, empty, as LibreOffice writes it.
        rows.append('<table:table-row table:number-rows-repeated="%d"><table:table-cell table:number-columns-repeated="1024"/></table:table-row>'
                    % (1048576 - ws.max_row))
        tables.append('<table:table table:name="%s">%s</table:table>' % (esc(ws.title), "".join(rows)))
    content = ('<?xml version="1.0" encoding="UTF-8"?>'
               '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
               'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
               'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
               'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.3">'
               '<office:body><office:spreadsheet>%s</office:spreadsheet></office:body></office:document-content>'
               % "".join(tables))
    manifest = ('<?xml version="1.0" encoding="UTF-8"?>'
                '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3">'
                '<manifest:file-entry manifest:full-path="/" manifest:media-type="%s"/>'
                '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
                '</manifest:manifest>' % ODS_MIME)
    stamp = (2024, 7, 1, 0, 0, 0)
    with zipfile.ZipFile(ods_path, "w") as z:
        for name, data, method in (("mimetype", ODS_MIME, zipfile.ZIP_STORED),
                                   ("content.xml", content, zipfile.ZIP_DEFLATED),
                                   ("META-INF/manifest.xml", manifest, zipfile.ZIP_DEFLATED)):
            info = zipfile.ZipInfo(name, date_time=stamp)
            info.compress_type = method
            z.writestr(info, data.encode("utf-8"))


# ---------------------------------------------------------------------------

def write_all(out):
    conac_pdf(os.path.join(out, "conac-inepja-2023-T3-indicadores-resultados.pdf"))
    conac_xlsx(os.path.join(out, "conac-dif-nayarit-2022-T2-indicadores-resultados.xlsx"))
    sipot_xlsx(os.path.join(out, "sipot-cea-queretaro-2024-T2-indicadores-resultados.xlsx"))
    # The same format as an OpenDocument spreadsheet, as some bodies publish it.
    ods_from_workbook(os.path.join(out, "sipot-cea-queretaro-2024-T2-indicadores-resultados.xlsx"),
                      os.path.join(out, "sipot-cea-queretaro-2024-T2-indicadores-resultados.ods"))
    with open(os.path.join(out, "sipot-imj-2023-T3-indicadores-resultados.csv"), "wb") as f:
        f.write(sipot_csv_text().encode("cp1252"))
    poa_pdf(os.path.join(out, "poa-icapet-2024-T2-seguimiento-metas.pdf"))
    mir_pdf(os.path.join(out, "mir-insude-2024-T2-fichas-tecnicas.pdf"))
