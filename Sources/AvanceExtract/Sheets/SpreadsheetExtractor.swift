import AvanceCore

/// XLSX workbooks and CSV files into blocks, with the caps of `Extractor.Options`.
enum SpreadsheetExtractor {
    /// Every sheet of a workbook, in order: its name as a heading, then its rows.
    static func xlsx(_ bytes: [UInt8], path: String, options: Extractor.Options) throws(ExtractError) -> [Block] {
        let reader = XLSXReader(maxBytes: options.maxWorkbookBytes, maxCells: options.maxCells)
        let sheets: [XLSXReader.Worksheet]
        do {
            sheets = try reader.read(bytes)
        } catch {
            throw failure(error, path: path)
        }
        return try blocks(of: sheets, path: path, options: options)
    }

    /// Every sheet of an OpenDocument spreadsheet (`.ods`), as an XLSX's.
    static func ods(_ bytes: [UInt8], path: String, options: Extractor.Options) throws(ExtractError) -> [Block] {
        let sheets: [XLSXReader.Worksheet]
        do {
            sheets = try ODSReader(maxBytes: options.maxWorkbookBytes, maxCells: options.maxCells).read(bytes)
        } catch {
            throw failure(error, path: path)
        }
        return try blocks(of: sheets, path: path, options: options)
    }

    /// A workbook's failure (XLSX or ODS: a ZIP archive of XML parts) as the file's error.
    private static func failure(_ error: XLSXReader.Failure, path: String) -> ExtractError {
        switch error {
        case .damaged(let detail): .workbookDamaged(path: path, detail: detail)
        case .tooLarge(let limit): .workbookTooLarge(path: path, limit: limit, what: "its parts decompress to more than \(limit) bytes")
        case .tooManyParts(let limit): .workbookTooLarge(path: path, limit: limit, what: "its ZIP archive has more than \(limit) entries")
        case .tooManyCells(let limit): .tooManyCells(path: path, limit: limit)
        }
    }

    /// Every sheet of a legacy workbook (`.xls`), as an XLSX's.
    static func xls(_ bytes: [UInt8], path: String, options: Extractor.Options) throws(ExtractError) -> [Block] {
        let sheets: [XLSXReader.Worksheet]
        do {
            sheets = try XLSReader(maxCells: options.maxCells).read(bytes)
        } catch {
            switch error {
            case .damaged(let detail): throw .workbookDamaged(path: path, detail: detail)
            case .encrypted: throw .encryptedOfficeFile(path: path)
            case .tooManyCells(let limit): throw .tooManyCells(path: path, limit: limit)
            case .tooManySheets(let limit): throw .workbookTooLarge(path: path, limit: limit, what: "it declares more than \(limit) sheets")
            }
        }
        return try blocks(of: sheets, path: path, options: options)
    }

    private static func blocks(of sheets: [XLSXReader.Worksheet], path: String, options: Extractor.Options) throws(ExtractError) -> [Block] {
        var blocks: [Block] = []
        var cells = 0
        for sheet in sheets {
            do {
                blocks += try SheetBlocks.blocks(sheet, cells: &cells, maxCells: options.maxCells)
            } catch {
                throw .tooManyCells(path: path, limit: options.maxCells)
            }
        }
        guard blocks.contains(where: { $0.kind == .tableRow }) else { throw .noText(path: path) }
        return blocks
    }

    /// The rows of a delimited text, its delimiter sniffed from its first records.
    static func csv(_ text: String, path: String, options: Extractor.Options) throws(ExtractError) -> [Block] {
        let head = String(text.prefix(FormatSniffer.prefixLength))
        let named = FormatSniffer.declaredFormat(forPath: path) == .csv
        let delimiter = DelimitedText.delimiter(in: head, truncated: head.utf8.count < text.utf8.count, named: named)
            ?? DelimitedText.delimiter(in: head, truncated: head.utf8.count < text.utf8.count, named: true)
            ?? ","
        do {
            return DelimitedText.blocks(try DelimitedText.records(text, delimiter: delimiter, maxCells: options.maxCells))
        } catch {
            throw .tooManyCells(path: path, limit: options.maxCells)
        }
    }
}
