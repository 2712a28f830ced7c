import AvanceCore

/// Comma-, semicolon-, tab- or pipe-separated text (CSV, TSV), read as RFC 4180 says: a field
/// in double quotes may hold the delimiter, line breaks and doubled quotes (`""` for `"`).
/// Quotes that do not open a field are kept as text, and an unclosed quote runs to the end.
///
/// Whether text is delimited at all is decided from its content (`delimiter(in:)`), and
/// conservatively: a narrative report with commas in its sentences stays text.
enum DelimitedText {
    /// The delimiters tried, in the order a tie is settled.
    static let delimiters: [Character] = [",", ";", "\t", "|"]

    /// One record's fields, each with the place of every character: line and column (in
    /// characters) of the decoded file.
    typealias Record = [SpannedText]

    // MARK: Sniffing

    /// What the first records say about a candidate delimiter.
    struct Evidence: Equatable {
        var delimiter: Character
        /// The field count most records share (ties: the larger).
        var columns: Int
        /// Records with that count, from the first of them on.
        var consistent: Int
        /// Records from the first with that count on (title lines before it are not counted).
        var considered: Int
        /// Delimiters outside quotes, and of those how many a space follows (as in prose: `, `).
        var delimitersSeen: Int
        var followedBySpace: Int
        /// Records whose first field ends with a colon (`Programa presupuestario:`), as in a
        /// text report's label / value lines.
        var labelled: Int
        /// Records that start with the delimiter and end with it (`| a | b |`, Markdown tables).
        var framed: Int
    }

    /// How many leading records sniffing reads.
    static let sniffedRecords = 60

    /// The delimiter of `text` (the head of a file, `truncated` when the file goes on), or `nil`
    /// when it does not read as delimited text. `named` says the file's name ends in `.csv` or
    /// `.tsv`, which tips a doubtful case (two records, looser consistency, prose-like spaces).
    ///
    /// A delimiter qualifies when, over the first records (title lines before the first record
    /// of the common width set aside), at least 3 records (2 when named) share one field count of
    /// 2 or more, and they are at least 90 % of the records from the first of them on for two
    /// columns, 70 % for three or more (60 % when named). Unless named, it is refused when most
    /// delimiters are followed by a space (commas and semicolons in sentences), for two columns
    /// when most records' first field ends with `:` (a report's `Label:<tab>value` lines), and
    /// for the pipe when most records are framed by it (Markdown tables, which text reads). Of
    /// those that qualify, the one with the most consistent records wins, then the most columns.
    static func delimiter(in text: String, truncated: Bool, named: Bool) -> Character? {
        var best: Evidence?
        for d in delimiters {
            guard let e = evidence(text, delimiter: d, truncated: truncated), qualifies(e, named: named) else { continue }
            if let b = best, (b.consistent, b.columns) >= (e.consistent, e.columns) { continue }
            best = e
        }
        return best?.delimiter
    }

    static func qualifies(_ e: Evidence, named: Bool) -> Bool {
        guard e.columns >= 2, e.consistent >= (named ? 2 : 3) else { return false }
        let share = Double(e.consistent) / Double(max(e.considered, 1))
        guard share >= (named ? 0.6 : e.columns == 2 ? 0.9 : 0.7) else { return false }
        if named { return true }
        if e.followedBySpace * 2 > e.delimitersSeen { return false }
        if e.columns == 2 && e.labelled * 2 > e.consistent { return false }
        if e.delimiter == "|" && e.framed * 2 > e.consistent { return false }
        return true
    }

    /// The evidence for one delimiter over the first records of `text`. Read as UTF-8 bytes:
    /// the delimiters, quotes, line ends and colons it looks for are all ASCII, and walking a
    /// text's characters, four times per file, was a sixth of a text report's ingest.
    static func evidence(_ text: String, delimiter: Character, truncated: Bool) -> Evidence? {
        guard let d = delimiter.asciiValue else { return nil }
        let quote = UInt8(ascii: "\""), cr = UInt8(ascii: "\r"), lf = UInt8(ascii: "\n"), space = UInt8(ascii: " ")
        func isSpace(_ b: UInt8) -> Bool { b == space || (0x09...0x0D).contains(b) }
        var counts: [Int] = [], firstFields: [Bool] = [], framed: [Bool] = []
        var seen = 0, spaced = 0
        var fields = 1, fieldStart = true, inQuotes = false, quotedField = false, afterDelimiter = false
        // The first field's last non-blank byte within its first 200, and how many it has.
        var firstFieldLast: UInt8 = 0, firstFieldLength = 0
        var startsWithDelimiter = false, last = lf, empty = true
        var complete = true
        func endRecord() {
            if !empty {
                counts.append(fields)
                firstFields.append(firstFieldLast == UInt8(ascii: ":"))
                framed.append(startsWithDelimiter && last == d)
            }
            fields = 1; fieldStart = true; quotedField = false; firstFieldLast = 0; firstFieldLength = 0
            startsWithDelimiter = false; empty = true
        }
        var bytes = text.utf8.makeIterator()
        var pending: UInt8?
        while counts.count < sniffedRecords, let c = pending ?? bytes.next() {
            pending = nil
            if inQuotes {
                if c == quote {
                    let next = bytes.next()
                    if next == quote { continue }
                    inQuotes = false
                    pending = next
                }
                continue
            }
            if afterDelimiter { afterDelimiter = false; if c == space { spaced += 1 } }
            if c == d {
                seen += 1
                if empty && fields == 1 && firstFieldLength == 0 && !quotedField { startsWithDelimiter = true }
                fields += 1; fieldStart = true; quotedField = false; afterDelimiter = true; empty = false; last = c
                continue
            }
            if c == lf || c == cr {
                // CR LF is one line end.
                if c == cr { let next = bytes.next(); if next != lf { pending = next } }
                endRecord()
                last = lf
                continue
            }
            if c == quote && fieldStart { inQuotes = true; quotedField = true; fieldStart = false; empty = false; last = c; continue }
            fieldStart = false
            if !isSpace(c) { empty = false }
            if fields == 1 && firstFieldLength < 200 {
                if !isSpace(c) { firstFieldLast = c }
                firstFieldLength += 1
            }
            if !isSpace(c) { last = c }
        }
        if counts.count < sniffedRecords {
            // The text ended: its last record is whole unless the head was cut inside it.
            if inQuotes || truncated { complete = false }
            if complete { endRecord() }
        }
        guard !counts.isEmpty else { return nil }
        var frequency: [Int: Int] = [:]
        for n in counts { frequency[n, default: 0] += 1 }
        guard let columns = frequency.max(by: { ($0.value, $0.key) < ($1.value, $1.key) })?.key,
              let start = counts.firstIndex(of: columns)
        else { return nil }
        let considered = counts.count - start
        let consistent = counts[start...].filter { $0 == columns }.count
        let labelled = zip(counts, firstFields).filter { $0.0 == columns && $0.1 }.count
        let framedCount = zip(counts, framed).filter { $0.0 == columns && $0.1 }.count
        return Evidence(
            delimiter: delimiter, columns: columns, consistent: consistent, considered: considered,
            delimitersSeen: seen, followedBySpace: spaced, labelled: labelled, framed: framedCount
        )
    }

    // MARK: Reading

    /// Every record of `text`, each field with the place of its characters; a record of one
    /// empty field (a blank line) is left out. More than `maxCells` fields throws.
    static func records(_ text: String, delimiter: Character, maxCells: Int) throws(TooManyCells) -> [Record] {
        var records: [Record] = []
        var record: Record = []
        var field = SpannedTextBuilder()
        var fieldPlace = (line: 1, column: 1)
        var line = 1, column = 1
        var inQuotes = false, fieldStart = true
        var cells = 0

        func finishField() {
            var spanned = field.spanned
            if field.anchors.isEmpty {
                spanned = SpannedText(text: field.text, anchors: [SourceAnchor(offset: 0, line: fieldPlace.line, column: fieldPlace.column)])
            }
            record.append(spanned)
            field = SpannedTextBuilder()
            fieldStart = true
        }
        func finishRecord() throws(TooManyCells) {
            finishField()
            if !(record.count == 1 && record[0].text.isEmpty) {
                cells += record.count
                if cells > maxCells { throw TooManyCells() }
                records.append(record)
            }
            record = []
        }

        var it = text.makeIterator()
        var pending: Character?
        while let c = pending ?? it.next() {
            pending = nil
            let (l, col) = (line, column)
            if c.isNewline { line += 1; column = 1 } else { column += 1 }
            if fieldStart {
                fieldPlace = (l, col)
                fieldStart = false
                if c == "\"" {
                    inQuotes = true
                    fieldPlace = (line, column)
                    continue
                }
            }
            if inQuotes {
                if c == "\"" {
                    let next = it.next()
                    if next == "\"" {
                        // A doubled quote is one quote, cited at the first of the two.
                        field.append("\"", line: l, column: col)
                        column += 1
                        continue
                    }
                    inQuotes = false
                    pending = next
                    continue
                }
                field.append(c.isNewline ? "\n" : c, line: l, column: col)
                continue
            }
            if c == delimiter {
                finishField()
                // The next field starts after the delimiter.
                fieldStart = true
                continue
            }
            if c.isNewline {
                try finishRecord()
                continue
            }
            field.append(c, line: l, column: col)
        }
        if !field.isEmpty || !record.isEmpty { try finishRecord() }
        return records
    }

    struct TooManyCells: Error {}

    /// One table row per record that has a non-blank field; its cells are the record's fields.
    static func blocks(_ records: [Record]) -> [Block] {
        records.compactMap { fields in
            guard fields.contains(where: { $0.text.contains { !$0.isWhitespace } }) else { return nil }
            return Block(kind: .tableRow, text: .joined(fields, separator: " | "), cells: fields)
        }
    }
}

private extension String {
    var trimmingSpaces: Substring {
        let start = firstIndex { !$0.isWhitespace } ?? endIndex
        let end = lastIndex { !$0.isWhitespace }.map { index(after: $0) } ?? start
        return self[start..<max(start, end)]
    }
}
