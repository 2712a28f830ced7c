import Foundation
import ZIPFoundation

/// Writes small but complete XLSX workbooks with ZIPFoundation, each XML part written out by
/// hand as Excel writes it: content types, the package's and the workbook's relationships,
/// the workbook (sheets in the order given, with their state), shared strings, styles and one
/// part per sheet. Sheet parts are stored in reverse order, so the workbook's order, not the
/// parts', must decide.
enum MiniXLSX {
    struct Sheet {
        var name: String
        /// `hidden`, `veryHidden`, or nil for a visible sheet.
        var state: String? = nil
        /// What goes inside `<worksheet>`: `<sheetData>` and `<mergeCells>`.
        var body: String
    }

    static let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    static let rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

    /// `styles` is what goes inside `<styleSheet>` (numFmts, cellXfs); `extraParts` are added
    /// as they are (path → content), `compression` applies to every part.
    static func make(
        sheets: [Sheet], sharedStrings: [String] = [], styles: String? = nil, date1904: Bool = false,
        extraParts: [(String, [UInt8])] = [], compression: CompressionMethod = .deflate
    ) throws -> [UInt8] {
        var parts: [(String, [UInt8])] = []
        func add(_ path: String, _ xml: String) { parts.append((path, Array(xml.utf8))) }
        let head = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#
        add("[Content_Types].xml", head + #"<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>"#)
        add("_rels/.rels", head + #"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#)
        var rels = "", entries = ""
        for (i, sheet) in sheets.enumerated() {
            // Relationship ids in reverse, so that neither ids nor part names follow the sheet order.
            let id = "rId\(sheets.count - i + 10)"
            rels += #"<Relationship Id="\#(id)" Type="\#(rel)/worksheet" Target="worksheets/sheet\#(sheets.count - i).xml"/>"#
            let state = sheet.state.map { #" state="\#($0)""# } ?? ""
            entries += #"<sheet name="\#(escape(sheet.name))" sheetId="\#(i + 1)"\#(state) r:id="\#(id)"/>"#
        }
        rels += #"<Relationship Id="rId1" Type="\#(rel)/sharedStrings" Target="sharedStrings.xml"/>"#
        rels += #"<Relationship Id="rId2" Type="\#(rel)/styles" Target="/xl/styles.xml"/>"#
        add("xl/_rels/workbook.xml.rels", head + #"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\#(rels)</Relationships>"#)
        let pr = date1904 ? #"<workbookPr date1904="1"/>"# : "<workbookPr/>"
        add("xl/workbook.xml", head + #"<workbook xmlns="\#(main)" xmlns:r="\#(rel)">\#(pr)<sheets>\#(entries)</sheets></workbook>"#)
        let items = sharedStrings.map { $0.hasPrefix("<") ? "<si>\($0)</si>" : "<si><t xml:space=\"preserve\">\(escape($0))</t></si>" }
        add("xl/sharedStrings.xml", head + #"<sst xmlns="\#(main)" count="\#(items.count)" uniqueCount="\#(items.count)">\#(items.joined())</sst>"#)
        add("xl/styles.xml", head + #"<styleSheet xmlns="\#(main)">\#(styles ?? #"<cellXfs count="1"><xf numFmtId="0"/></cellXfs>"#)</styleSheet>"#)
        for (i, sheet) in sheets.enumerated().reversed() {
            add("xl/worksheets/sheet\(sheets.count - i).xml", head + #"<worksheet xmlns="\#(main)" xmlns:r="\#(rel)">\#(sheet.body)</worksheet>"#)
        }
        return try zip(parts + extraParts, compression: compression)
    }

    /// A ZIP archive of the given files, made in memory by ZIPFoundation.
    static func zip(_ files: [(String, [UInt8])], compression: CompressionMethod = .deflate) throws -> [UInt8] {
        let archive = try Archive(accessMode: .create)
        for (path, bytes) in files {
            let data = Data(bytes)
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count), compressionMethod: compression) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        return [UInt8](archive.data ?? Data())
    }

    /// `<row r="N">` of inline cells: each (reference, attributes, inner XML).
    static func row(_ number: Int, _ cells: [(String, String, String)]) -> String {
        "<row r=\"\(number)\">" + cells.map { "<c r=\"\($0.0)\"\($0.1.isEmpty ? "" : " " + $0.1)>\($0.2)</c>" }.joined() + "</row>"
    }

    /// An inline string cell's content.
    static func inline(_ text: String) -> String { "<is><t>\(escape(text))</t></is>" }

    static func escape(_ s: String) -> String {
        s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}
