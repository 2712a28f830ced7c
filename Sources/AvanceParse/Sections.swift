import AvanceCore

/// The narrative's sections: which blocks open an action, which belong to it, and which
/// are news notes or picture captions inside it.
struct Sections {
    struct Draft {
        var title: SpannedText
        /// The block that opens the action (its heading, or its row in a table of actions).
        var block: Int
    }

    private(set) var actions: [Draft] = []
    private var actionOfBlock: [Int: Int] = [:]
    private var newsBlocks: Set<Int> = []
    private(set) var firstActionBlock: Int?

    init() {}

    /// `firstFieldBlock`: headings before the header's first field are the document's title.
    init(blocks: [Block], firstFieldBlock: Int?) {
        let start = (firstFieldBlock ?? -1) + 1
        // Formats that lose bold (PDF text) need headings recognised by their shape.
        let styled = blocks[min(start, blocks.count)...].contains { Self.explicitTitle($0) != nil }
        var current: Int?
        var inNews = false
        var closed = false
        var actionTable: ActionTableColumns?
        for (i, block) in blocks.enumerated() {
            if block.kind == .tableRow {
                if let columns = ActionTableColumns(header: block.cells) {
                    actionTable = columns
                    current = nil
                    continue
                }
                if let columns = actionTable, i >= start, !closed, let title = columns.title(block.cells) {
                    actions.append(Draft(title: title, block: i))
                    actionOfBlock[i] = actions.count - 1
                    current = nil
                    continue
                }
            } else {
                actionTable = nil
            }
            var title = i < start ? nil : (Self.explicitTitle(block) ?? (styled ? nil : Self.shapedTitle(block, next: blocks[safe: i + 1])))
            if let t = title, Self.isHashtagLine(t.text) { title = nil }
            if let title {
                switch SectionTitles.role(of: title.text) {
                case .closing?:
                    current = nil
                    closed = true
                    continue
                case .structural?:
                    current = nil
                    inNews = false
                    continue
                case .newsNote?:
                    if current != nil { inNews = true }
                    if let c = current { actionOfBlock[i] = c }
                    newsBlocks.insert(i)
                    continue
                case .picture?:
                    break
                case nil:
                    if !closed {
                        actions.append(Draft(title: title, block: i))
                        current = actions.count - 1
                        actionOfBlock[i] = current
                        inNews = false
                        if firstActionBlock == nil { firstActionBlock = i }
                        continue
                    }
                }
            }
            if let c = current {
                actionOfBlock[i] = c
                if inNews { newsBlocks.insert(i) }
            }
        }
        if firstActionBlock == nil { firstActionBlock = actions.first?.block }
    }

    func action(ofBlock b: Int) -> Int? { actionOfBlock[b] }

    func blocks(ofAction a: Int) -> [Int] {
        actionOfBlock.filter { $0.value == a }.map(\.key).sorted()
    }

    func isNewsNote(block: Int) -> Bool { newsBlocks.contains(block) }

    /// A heading, or a paragraph that is one bold line.
    static func explicitTitle(_ block: Block) -> SpannedText? {
        switch block.kind {
        case .heading:
            return block.text.text.isEmpty ? nil : block.text
        case .paragraph where block.isStrong && !block.text.text.contains("\n"):
            let words = block.text.text.split(separator: " ").count
            guard words <= 30, !isCaption(block), SignatureReader.signatureStart(ofLine: block.text.text) == nil else { return nil }
            return block.text
        default:
            return nil
        }
    }

    /// Words that start sentences, never titles.
    static let sentenceStarts: Set<String> = [
        "el", "la", "los", "las", "un", "una", "en", "con", "de", "del", "por", "para", "se", "durante",
        "gracias", "asimismo", "asi", "lo", "al", "a", "este", "esta", "estos", "estas", "dicho", "dicha",
        "como", "que", "y", "cabe", "mediante", "derivado", "finalmente", "ademas", "tambien",
        "posteriormente", "nota", "notal", "fuente", "link", "liga", "enlace", "atentamente", "sin",
        "no", "es", "son", "fue", "se", "su", "sus", "le", "les", "ya", "tal", "todo", "toda",
    ]

    /// In text without bold: a short single line that reads as a title, followed by text.
    static func shapedTitle(_ block: Block, next: Block?) -> SpannedText? {
        guard block.kind == .paragraph, !block.text.text.contains("\n"), let next,
              next.kind == .paragraph || next.kind == .listItem else { return nil }
        let text = block.text.text
        let words = text.split(separator: " ")
        guard (2...25).contains(words.count), let first = text.first, first.isUppercase,
              !text.hasSuffix(":"), !text.hasSuffix(","), !isCaption(block),
              !containsHTTP(text), SignatureReader.signatureStart(ofLine: text) == nil,
              let firstWord = words.first, !sentenceStarts.contains(Folding.fold(firstWord))
        else { return nil }
        // A line that is only a name of an institution or a date is a letterhead, not a title.
        if words.count <= 3 && text.contains(where: \.isNumber) { return nil }
        return block.text
    }

    /// Whether a text holds `http`: what Foundation's `contains("http")` (NSString's search)
    /// answered, by byte where ASCII stands on either side (a combining mark after the `p`
    /// makes the last `Character` another than `p`; such cases are left to Foundation).
    static func containsHTTP(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        var from = 0
        var undecided = false
        while let i = Search.firstIndex(of: Self.http, in: bytes, from: from) {
            if (i + 4 == bytes.count || bytes[i + 4] < 0x80) && (i == 0 || bytes[i - 1] < 0x80) { return true }
            undecided = true
            from = i + 1
        }
        return undecided && text.contains("http")
    }

    private static let http = Array("http".utf8)

    /// A line of hashtags (`SESAEQROO #PoderJudicial #QROO`), as a social-media post ends:
    /// no action's title.
    static func isHashtagLine(_ text: String) -> Bool {
        // No tag without a "#" (most titles): no need to cut the line into words.
        guard text.utf8.contains(0x23) else { return false }
        let words = text.split(whereSeparator: \.isWhitespace)
        let tags = words.filter { $0.hasPrefix("#") && $0.count > 1 }.count
        return tags >= 1 && tags * 2 >= words.count
    }

    /// "Imagen 1.", "Foto 2", "Fotografía:": a picture caption.
    static func isCaption(_ block: Block) -> Bool {
        // The first two words decide: a long block costs no more than a short one.
        let words = block.text.text.split(maxSplits: 2, whereSeparator: { $0 == " " || $0 == "\n" })
        guard let first = words.first else { return false }
        return SectionTitles.pictures.contains(Folding.fold(first.filter(\.isLetter)))
            && (words.count > 1 ? words[1].first?.isNumber ?? false || first.hasSuffix(":") || first.hasSuffix(".") : true)
    }
}

/// The columns of a table that lists actions (`Fecha | Acción | Institución`).
struct ActionTableColumns {
    var titleColumn: Int

    init?(header: [SpannedText]) {
        let kinds = header.map { Labels.kind(of: $0.text) }
        guard let t = kinds.firstIndex(of: .actionTitle), kinds.contains(.date) else { return nil }
        titleColumn = t
    }

    func title(_ cells: [SpannedText]) -> SpannedText? {
        guard let cell = cells[safe: titleColumn], !cell.text.isEmpty else { return nil }
        return cell
    }
}
