import AvanceCore
import Foundation
import Testing

@testable import AvanceExtract

/// `../shared/real`, beside the checkout, where the session that made it keeps real documents.
enum RealFiles {
    static let folder = Fixtures.root.deletingLastPathComponent().appendingPathComponent("shared/real")
    static let available = FileManager.default.fileExists(atPath: folder.path)
}

/// The real workbooks of `../shared/real` (published by public bodies; not in this repository),
/// checked against what a person sees when opening them in a spreadsheet program. Skipped,
/// saying so, where the folder is absent (a user's clone).
@Suite(.enabled(if: RealFiles.available, "../shared/real is absent: the real workbooks are not checked"))
struct RealSpreadsheetTests {
    static let folder = RealFiles.folder

    static func extract(_ name: String) throws -> ExtractedDocument {
        try Extractor().extract(path: folder.appendingPathComponent(name).path)
    }

    /// The text of the cell a reference names, from the row blocks of a sheet.
    static func cell(_ reference: String, sheet: String, in document: ExtractedDocument) -> SpannedText? {
        for block in document.blocks where block.kind == .tableRow && block.sheet?.name == sheet {
            if let cell = block.cells.first(where: { $0.span.cell == reference && $0.span.sheet == sheet }) { return cell }
        }
        return nil
    }

    @Test func theTransparencyPortalsExport() throws {
        let document = try Self.extract("sipot-pnt-export-semarnath-hidalgo-indicadores-resultados-3t-2024.xlsx")
        #expect(document.format == .xlsx)
        let headings = document.blocks.filter { $0.kind == .heading }
        #expect(headings.map(\.text.text) == ["Reporte de Formatos", "Hidden_1"])
        // The catalogue sheet is named like a hidden one, but this file does not hide it.
        #expect(headings.map { $0.sheet?.visibility } == [.visible, .visible])
        #expect(document.blocks.filter { $0.sheet?.name == "Hidden_1" && $0.kind == .tableRow }.map(\.text.text)
            == ["Ascendente", "Descendente"])
        let sheet = "Reporte de Formatos"
        #expect(Self.cell("A3", sheet: sheet, in: document)?.text == "Indicadores de resultados")
        // The row of field ids, then the real header, row 7.
        #expect(Self.cell("A5", sheet: sheet, in: document)?.text == "349925")
        let header = try #require(document.blocks.first { $0.cells.first?.span.cell == "A7" })
        #expect(header.cells.first?.text == "Ejercicio")
        #expect(header.cells.contains { $0.text == "Nombre(s) del(os) indicador(es)" && $0.span.cell == "F7" })
        #expect(header.cells.contains { $0.text == "Metas programadas" })
        // The period's dates are serial numbers under a date format.
        #expect(Self.cell("A8", sheet: sheet, in: document)?.text == "2024")
        #expect(Self.cell("B8", sheet: sheet, in: document)?.text == "2024-07-01")
        #expect(Self.cell("C8", sheet: sheet, in: document)?.text == "2024-09-30")
        #expect(Self.cell("F8", sheet: sheet, in: document)?.text
            == "Porcentaje de residuos sólidos urbanos y de manejo especial manejados integralmente")
        #expect(Self.cell("F8", sheet: sheet, in: document)?.span.location == "'Reporte de Formatos'!F8")
        // Ten indicators, rows 8 to 17.
        #expect(document.blocks.filter { $0.sheet?.name == sheet && ($0.cells.first?.span.line ?? 0) >= 8 }.count == 10)
    }

    @Test func theAccountingLawsIndicatorsFormat() throws {
        let document = try Self.extract("conac-inaeba-indicadores-resultados-ene-sep-2017.xlsx")
        let headings = document.blocks.filter { $0.kind == .heading }
        #expect(headings.map(\.text.text) == ["PT_ESF_ECSF", "IR"])
        #expect(headings.map { $0.sheet?.visibility } == [.hidden, .visible])
        #expect(Self.cell("B1", sheet: "IR", in: document)?.text == "INDICADORES PARA RESULTADOS")
        #expect(Self.cell("B3", sheet: "IR", in: document)?.text == "Del 1 de Enero al 30 de Septiembre de 2017")
        #expect(Self.cell("I8", sheet: "IR", in: document)?.text == "Denominación del Indicador ")
        #expect(Self.cell("G10", sheet: "IR", in: document)?.text == "E024")
        #expect(Self.cell("P10", sheet: "IR", in: document)?.text == "41.1")
        #expect(Self.cell("S10", sheet: "IR", in: document)?.text == "140")
        // A formula whose references are gone prints its error.
        let row10 = try #require(document.blocks.first { $0.sheet?.name == "IR" && $0.cells.contains { $0.span.cell == "P10" } })
        let u10 = try #require(row10.cells.firstIndex { $0.span.cell == "U10" })
        #expect(row10.cells[u10].text == "#REF!")
        #expect(row10.errorCells?.contains(u10) == true)
        // Each indicator's cells are merged down six rows (10-15): one row, not six.
        let lines = document.blocks.filter { $0.sheet?.name == "IR" && $0.kind == .tableRow }.map { $0.cells.map(\.span.line).max() ?? 0 }
        #expect(lines == [1, 3, 5, 7, 8, 9, 10, 16, 17, 19])
        // The hidden sheet's group labels, merged down, stand on each row of their group.
        #expect(Self.cell("C8", sheet: "PT_ESF_ECSF", in: document)?.text == "Derechos a Recibir Efectivo o Equivalentes")
        let row8 = try #require(document.blocks.first { $0.cells.contains { $0.span.cell == "C8" && $0.span.sheet == "PT_ESF_ECSF" } })
        #expect(row8.cells[0].text == "Activo" && row8.cells[0].span.cell == "A7")
    }

    @Test func theLegacyWorkbookIsReadWithFreeXL() throws {
        // What a person sees opening it: the header in row 1, the first indicator in row 2
        // (every cell stored as text), and the catalogue sheet `hidden1`.
        let document = try Self.extract("sipot-legacy-conalep-durango-indicadores-resultados-2015-2017.xls")
        #expect(document.format == .xls)
        #expect(Self.cell("G1", sheet: "Informacion", in: document)?.text.trimmingCharacters(in: .whitespaces) == "Nombre Del Indicador")
        #expect(Self.cell("G2", sheet: "Informacion", in: document)?.text == "Cobertura de personas en condición de vulnerabilidad atendidas")
        #expect(Self.cell("N2", sheet: "Informacion", in: document)?.text == "15000")
        #expect(Self.cell("S2", sheet: "Informacion", in: document)?.text == "01/03/2017")
        #expect(document.blocks.contains { $0.kind == .heading && $0.text.text == "hidden1" })
    }
}
