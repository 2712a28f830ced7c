import AvanceCore
import Foundation
import ZIPFoundation

/// The audit as an Excel workbook (SpreadsheetML, `.xlsx`), written part by part: a sheet of
/// findings ("Hallazgos", one row per finding) and a sheet of indicators ("Indicadores", one
/// row per indicator and quarter, with its semáforo). Each sheet's header row is frozen and
/// carries an autofilter; figures are numbers, texts inline strings in the report's language.
///
/// A text is never a formula: cells hold no `<f>`, and a text that a spreadsheet would take
/// for one when edited or saved as CSV (`=`, `+`, `-`, `@`, tab, carriage return first) gets
/// the quote-prefix style, which keeps it text without changing what it says.
public enum WorkbookReport {
    /// A cell: a text, a number, or nothing.
    enum Cell {
        case text(String)
        case number(Double)
        case empty

        init(_ s: String?) { self = s.map { .text($0) } ?? .empty }
        init(_ v: Double?) { self = v.flatMap { $0.isFinite ? .number($0) : nil } ?? .empty }
        init(_ v: Int?) { self = v.map { .number(Double($0)) } ?? .empty }
    }

    struct Sheet {
        var name: String
        var header: [String]
        var widths: [Int]
        var rows: [[Cell]]
    }

    public static func render(_ report: AuditReport) throws -> Data {
        let sheets = [findings(report), indicators(report)]
        let archive = try Archive(data: Data(), accessMode: .create)
        var parts: [(String, String)] = [
            ("[Content_Types].xml", contentTypes(sheets.count)),
            ("_rels/.rels", rootRelationships),
            ("xl/workbook.xml", workbook(sheets)),
            ("xl/_rels/workbook.xml.rels", workbookRelationships(sheets.count)),
            ("xl/styles.xml", styles),
        ]
        for (k, sheet) in sheets.enumerated() { parts.append(("xl/worksheets/sheet\(k + 1).xml", worksheet(sheet))) }
        for (path, xml) in parts {
            let data = Data(xml.utf8)
            try archive.addEntry(
                with: path, type: .file, uncompressedSize: Int64(data.count), modificationDate: Date(timeIntervalSince1970: 315_532_800),
                compressionMethod: .deflate
            ) { position, size in
                data.subdata(in: Int(position)..<min(Int(position) + size, data.count))
            }
        }
        guard let bytes = archive.data else { throw CocoaError(.fileWriteUnknown) }
        return bytes
    }

    // MARK: the two sheets

    static func findings(_ report: AuditReport) -> Sheet {
        let w = Words(report.language)
        let header = [
            w("Severidad", "Severity"), w("Regla", "Rule"), w("Título de la regla", "Rule title"), w("Alcance", "Scope"),
            w("Mensaje", "Message"), w("Institución", "Institution"), w("Programa", "Program"), w("Componente", "Component"),
            w("Actividad", "Activity"), w("Clave del indicador", "Indicator code"), w("Indicador", "Indicator"),
            w("Semáforo", "Traffic light"), w("Ejercicio", "Year"), w("Trimestre", "Quarter"), w("Archivo", "File"),
            w("Página", "Page"), w("Línea", "Line"), w("Columna", "Column"), w("Cita", "Quote"), w("Evidencia", "Evidence"),
            w("Huella", "Fingerprint"), w("Nuevo", "New"),
        ]
        let rows = report.allFindings.map { s, f -> [Cell] in
            let first = f.evidence.first
            return [
                .text(w.severity(f.severity)), .text(f.rule), Cell(report.title(of: f.rule)), .text(w.scope(f.scope)), .text(f.message),
                Cell(s.institution), Cell(s.program?.label), Cell(s.component?.label), Cell(s.activity?.label), Cell(s.indicator?.code),
                Cell(s.indicator?.name ?? s.title), Cell(s.light.map(w.light)), Cell(f.year), Cell(f.quarter), Cell(first?.path),
                Cell(first?.page), Cell(first.map(\.line)), Cell(first.map(\.column)), Cell(first?.text),
                Cell(f.evidence.isEmpty ? nil : f.evidence.map { "\($0.place) \"\($0.text)\"" }.joined(separator: "; ")),
                Cell(f.fingerprint.isEmpty ? nil : f.fingerprint), Cell(f.isNew.map { $0 ? w("sí", "yes") : "no" }),
            ]
        }
        return Sheet(
            name: w("Hallazgos", "Findings"), header: header,
            widths: [12, 22, 32, 14, 60, 30, 24, 20, 24, 10, 40, 10, 10, 10, 40, 8, 8, 8, 30, 60, 18, 8], rows: rows
        )
    }

    static func indicators(_ report: AuditReport) -> Sheet {
        let w = Words(report.language)
        let header = [
            w("Institución", "Institution"), w("Programa", "Program"), w("Componente", "Component"), w("Actividad", "Activity"),
            w("Unidad responsable", "Responsible unit"), w("Clave del indicador", "Indicator code"), w("Indicador", "Indicator"),
            w("Ejercicio", "Year"), w("Trimestre", "Quarter"), w("Archivo", "File"), w("Renglón", "Row"), w("Unidad de medida", "Unit"),
            w("Meta anual", "Annual target"), w("Meta del periodo", "Period target"), w("Acumulada", "Cumulative"),
            w("Meta alcanzada", "Achieved"), w("Porcentaje declarado", "Stated percentage"), w("Cumplimiento (%)", "Compliance (%)"),
            w("Semáforo", "Traffic light"), w("Hallazgos", "Findings"),
        ]
        let rows = report.indicators.flatMap { s in
            s.reports.map { r -> [Cell] in
                [
                    Cell(s.institution), Cell(s.program?.label), Cell(s.component?.label), Cell(s.activity?.label), Cell(s.responsibleUnit),
                    Cell(s.indicator?.code), Cell(s.indicator?.name ?? s.title), Cell(r.year), Cell(r.quarter), .text(r.path), Cell(r.row),
                    Cell(r.unit), Cell(r.annual), Cell(r.period), .text(r.cumulative ? w("sí", "yes") : w("no", "no")), Cell(r.achieved),
                    Cell(r.percent), Cell(r.compliance.map { ($0 * 10).rounded() / 10 }), Cell(r.light.map(w.light)), .number(Double(r.findings)),
                ]
            }
        }
        return Sheet(
            name: w("Indicadores", "Indicators"), header: header,
            widths: [30, 24, 20, 24, 24, 10, 40, 10, 10, 40, 8, 14, 12, 12, 10, 12, 12, 12, 10, 10], rows: rows
        )
    }

    // MARK: SpreadsheetML

    static func worksheet(_ sheet: Sheet) -> String {
        let lastColumn = column(sheet.header.count)
        var xml = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">
            <dimension ref="A1:\(lastColumn)\(sheet.rows.count + 1)"/>
            <sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView></sheetViews>
            <sheetFormatPr defaultRowHeight="15"/><cols>
            """
        for (k, width) in sheet.widths.enumerated() { xml += "<col min=\"\(k + 1)\" max=\"\(k + 1)\" width=\"\(width)\" customWidth=\"1\"/>" }
        xml += "</cols><sheetData>"
        xml += row(1, sheet.header.map { .text($0) }, header: true)
        for (k, cells) in sheet.rows.enumerated() { xml += row(k + 2, cells, header: false) }
        xml += "</sheetData><autoFilter ref=\"A1:\(lastColumn)\(sheet.rows.count + 1)\"/></worksheet>"
        return xml
    }

    static func row(_ number: Int, _ cells: [Cell], header: Bool) -> String {
        var xml = "<row r=\"\(number)\">"
        for (k, cell) in cells.enumerated() {
            let ref = "\(column(k + 1))\(number)"
            switch cell {
            case .empty: continue
            case .number(let v):
                xml += "<c r=\"\(ref)\"><v>\(NumberText.show(v, decimals: nil))</v></c>"
            case .text(let s):
                let style = header ? 1 : CSV.isFormula(s) ? 2 : 0
                xml += "<c r=\"\(ref)\" t=\"inlineStr\"\(style > 0 ? " s=\"\(style)\"" : "")><is><t xml:space=\"preserve\">\(escaped(s))</t></is></c>"
            }
        }
        return xml + "</row>"
    }

    /// `A`, `Z`, `AA`: a column's letters.
    static func column(_ n: Int) -> String { SheetColumn.name(n) }

    /// Text for XML: `&`, `<`, `>` and `"` escaped; characters XML 1.0 cannot hold (most
    /// control characters) and `_` before what a reader would take for an escape (`_x0041_`)
    /// written as SpreadsheetML's own escapes, so every text reads back as it was.
    static func escaped(_ s: String) -> String {
        var out = ""
        let scalars = Array(s.unicodeScalars)
        for (k, u) in scalars.enumerated() {
            switch u {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "_" where isEscapeAhead(scalars, k + 1): out += "_x005F_"
            case "\t", "\n", "\r": out.unicodeScalars.append(u)
            default:
                if u.value < 0x20 || (0xFFFE...0xFFFF).contains(u.value) {
                    out += String(format: "_x%04X_", u.value)
                } else {
                    out.unicodeScalars.append(u)
                }
            }
        }
        return out
    }

    /// Whether `x` and four hex digits and `_` follow.
    private static func isEscapeAhead(_ s: [Unicode.Scalar], _ k: Int) -> Bool {
        guard k + 5 < s.count, s[k] == "x" || s[k] == "X", s[k + 5] == "_" else { return false }
        return s[(k + 1)...(k + 4)].allSatisfy { $0.properties.isASCIIHexDigit }
    }

    static func contentTypes(_ sheets: Int) -> String {
        """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>
        """ + (1...sheets).map { "<Override PartName=\"/xl/worksheets/sheet\($0).xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>" }.joined()
            + "</Types>"
    }

    static let rootRelationships = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>
        """

    static func workbook(_ sheets: [Sheet]) -> String {
        var xml = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>
            """
        for (k, sheet) in sheets.enumerated() { xml += "<sheet name=\"\(escaped(sheet.name))\" sheetId=\"\(k + 1)\" r:id=\"rId\(k + 1)\"/>" }
        xml += "</sheets><definedNames>"
        for (k, sheet) in sheets.enumerated() {
            xml += "<definedName name=\"_xlnm._FilterDatabase\" localSheetId=\"\(k)\" hidden=\"1\">'\(escaped(sheet.name))'!$A$1:$\(column(sheet.header.count))$\(sheet.rows.count + 1)</definedName>"
        }
        return xml + "</definedNames></workbook>"
    }

    static func workbookRelationships(_ sheets: Int) -> String {
        var xml = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
            """
        for k in 1...sheets {
            xml += "<Relationship Id=\"rId\(k)\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet\(k).xml\"/>"
        }
        xml += "<Relationship Id=\"rId\(sheets + 1)\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/>"
        return xml + "</Relationships>"
    }

    /// Styles: 0 plain, 1 the header (bold, shaded), 2 a text that must stay text (quote prefix).
    static let styles = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts><fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill><fill><patternFill patternType="solid"><fgColor rgb="FFDDE3EA"/><bgColor indexed="64"/></patternFill></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="1" fillId="2" borderId="0" xfId="0" applyFont="1" applyFill="1"/><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" quotePrefix="1"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>
        """
}
