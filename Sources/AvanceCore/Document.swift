/// The formats avance reads, decided by content, never by file name.
public enum SourceFormat: String, Codable, Hashable, Sendable, CaseIterable {
    case text, html, pdf
    /// An Office Open XML workbook (`.xlsx`): every sheet's rows, each cell cited by sheet and reference.
    case xlsx
    /// Delimited text (CSV, TSV): rows of fields, each cited by line and column.
    case csv
    /// A legacy Excel workbook (`.xls`, BIFF): read like an XLSX, each cell cited by sheet and reference.
    case xls
    /// An OpenDocument spreadsheet (`.ods`): read like an XLSX, each cell cited by sheet and reference.
    case ods
}

/// One unit of an extracted document, in reading order.
public struct Block: Codable, Hashable, Sendable {
    public enum Kind: String, Codable, Hashable, Sendable {
        /// A section title (`## ...`, `<h2>`, a bold line on its own).
        case heading
        /// A labelled value (`Programa presupuestario: O002 - ...`).
        case field
        /// Running text; lines of one paragraph are joined by `\n`.
        case paragraph
        /// An item of a list.
        case listItem
        /// One row of a table, as cells.
        case tableRow
    }

    public var kind: Kind
    /// The text (for a field, its value; for a table row, the cells joined by ` | `).
    public var text: SpannedText
    /// The label of a field, without its colon.
    public var label: SpannedText?
    /// The cells of a table row.
    public var cells: [SpannedText]
    /// The heading level (1 for `#`), 0 for other kinds.
    public var level: Int
    /// Link targets found in the block, in order.
    public var links: [String]
    /// The whole block was set in bold in the source (a common way to mark
    /// headings and signature blocks).
    public var isStrong: Bool
    /// The worksheet a spreadsheet's block comes from (its sheet heading and its rows);
    /// `nil` for other formats, and then not written.
    public var sheet: Sheet?
    /// Indices in `cells` of the cells that hold a spreadsheet error (`#REF!`, `#DIV/0!`, `#N/A`)
    /// instead of a value, the error's literal being the cell's text; `nil` when there is none
    /// or the format does not say (CSV, PDF: there the literal is all there is).
    public var errorCells: [Int]?
    /// The letter or number a list item opens with (`A)`, `2.`), which the text no longer holds;
    /// `nil` for a bullet, for other kinds, and where the format does not say, and then not written.
    public var marker: String?

    public init(
        kind: Kind, text: SpannedText, label: SpannedText? = nil, cells: [SpannedText] = [],
        level: Int = 0, links: [String] = [], isStrong: Bool = false, sheet: Sheet? = nil, errorCells: [Int]? = nil,
        marker: String? = nil
    ) {
        self.kind = kind
        self.text = text
        self.label = label
        self.cells = cells
        self.level = level
        self.links = links
        self.isStrong = isStrong
        self.sheet = sheet
        self.errorCells = errorCells
        self.marker = marker
    }

    /// A worksheet of a workbook, as its blocks carry it.
    public struct Sheet: Codable, Hashable, Sendable {
        /// Whether a person opening the workbook sees the sheet's tab.
        public enum Visibility: String, Codable, Hashable, Sendable {
            case visible
            /// Hidden; a person can unhide it from the sheet tabs' menu.
            case hidden
            /// Hidden so that only a macro or the file's XML shows it (`veryHidden`).
            case veryHidden
        }

        /// The sheet's name, as on its tab.
        public var name: String
        /// 1-based position among the workbook's sheets.
        public var index: Int
        public var visibility: Visibility

        public init(name: String, index: Int, visibility: Visibility = .visible) {
            self.name = name
            self.index = index
            self.visibility = visibility
        }

        public var isHidden: Bool { visibility != .visible }
    }

    /// Where the block starts in the source.
    public var span: SourceSpan { (label ?? text).span }
}

/// A file turned into ordered blocks with provenance; what the parser reads.
public struct ExtractedDocument: Codable, Hashable, Sendable {
    public var path: String
    public var sha256: String
    /// The format found in the content.
    public var format: SourceFormat
    /// The format the file name claims, when it differs from the content.
    public var declaredFormat: SourceFormat?
    /// The character encoding the text was decoded from (`UTF-8`, `windows-1252`, ...).
    public var encoding: String
    /// Number of pages for PDF; `nil` otherwise.
    public var pages: Int?
    /// The pages of a PDF whose words were read by OCR (scanned pages, no text layer); `nil`
    /// when none was, and then not written.
    public var ocrPages: [Int]?
    public var blocks: [Block]

    public init(
        path: String, sha256: String, format: SourceFormat, declaredFormat: SourceFormat? = nil,
        encoding: String = "UTF-8", pages: Int? = nil, blocks: [Block]
    ) {
        self.path = path
        self.sha256 = sha256
        self.format = format
        self.declaredFormat = declaredFormat
        self.encoding = encoding
        self.pages = pages
        self.blocks = blocks
    }
}
