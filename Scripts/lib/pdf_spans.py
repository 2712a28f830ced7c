"""Locates a quote in a sample, as a span of the record conventions, with poppler's own tools.

For a PDF, the span is where the quote stands in one page's text as the engine that read it
gives that text. avance's default engine is poppler's library: `line` is the 1-based line of
the page's text from `poppler_page_get_text` (what a viewer built on poppler copies when the
whole page is selected), read here through Python's GObject bindings (Debian `python3-gi`,
`gir1.2-poppler-0.18`; run this script with /usr/bin/python3). With `--engine pdftotext` (avance's
`--pdf-engine pdftotext`), `line` is the 1-based line of `pdftotext -f P -l P FILE -` (default
mode, not `-layout`). Either way `column` is the 1-based character in that line, `text` the quoted words as they stand there (a line
break kept as "\\n"), and `box` the union of the boxes of the words the quote touches, read from
`pdftotext -f P -l P -bbox-layout FILE -` (PDF points, origin at the page's top-left):
x = xMin, y = yMin, width = xMax - xMin, height = yMax - yMin, rounded to 2 decimals. The two
outputs are checked to hold the same words in the same order, so the i-th word of one is the
i-th of the other.

For a text file, the span is the quote's line and column in the file (page null, no box).

For a workbook (XLSX, ODS, or a legacy XLS read with xlrd), `--cells` prints every cell's text as a spreadsheet shows it in the General
format (strings, numbers, error literals, a date format's serial as an ISO date), read from the
workbook's XML with Python's standard library, not by avance: what a span's `sheet` and `cell`
must hold.

Only positions come from here; every value of an expected record is typed by whoever reads
the report. Used by hand while writing Samples/expected/*.json.

Usage:
  pdf_spans.py FILE.pdf PAGE QUOTE [--nth K] [--after TEXT]   one span, as JSON
  pdf_spans.py FILE.pdf PAGE --lines                          the page's numbered lines
  pdf_spans.py FILE.pdf PAGE --text                           the page's text, as it is
  pdf_spans.py FILE.md QUOTE [--nth K] [--after TEXT]         a span in a text file
  pdf_spans.py FILE.xlsx --cells                              every cell's text, as JSON
                                                              {"Sheet!A1": "text", ...}
  pdf_spans.py --relocate FILE.pdf EXPECTED.json              rewrites the line and column of
      every span of an expected file to the engine's convention, keeping each quote and box: the
      quote's first word is looked for in the page's text where its characters' boxes lie in
      the span's box (used once, when the default engine became poppler's library)
Add --engine pdftotext to any PDF form for pdftotext's text (default: --engine library).
A quote's spaces match any run of spaces and line breaks; --nth K takes the K-th occurrence
(0-based), counted after the first occurrence of --after TEXT when given.
"""

import json
import re
import subprocess
import sys
import unicodedata
import xml.etree.ElementTree as ET


def pdftotext(args):
    out = subprocess.run(["pdftotext", "-enc", "UTF-8"] + args, check=True, capture_output=True)
    return out.stdout.decode("utf-8")


ENGINE = "library"


def library_page(path, page):
    """Poppler's library's page: (text, one rectangle per character, top-left origin)."""
    import os
    try:
        import gi
        gi.require_version("Poppler", "0.18")
        from gi.repository import Poppler
    except (ImportError, ValueError):
        raise SystemExit("poppler's library is read through python3-gi and gir1.2-poppler-0.18: "
                         "sudo apt-get install -y python3-gi gir1.2-poppler-0.18, then run with /usr/bin/python3")
    document = Poppler.Document.new_from_file("file://" + os.path.abspath(path), None)
    p = document.get_page(page - 1)
    ok, rectangles = p.get_text_layout()
    return p.get_text(), [(r.x1, r.y1, r.x2, r.y2) for r in (rectangles if ok else [])]


def page_text(path, page):
    if ENGINE == "library":
        return library_page(path, page)[0]
    text = pdftotext(["-f", str(page), "-l", str(page), path, "-"])
    # One page's output ends with a form feed.
    return text[:-1] if text.endswith("\f") else text


def page_words(path, page):
    """The words of `-bbox-layout` in document order: (text, xMin, yMin, xMax, yMax)."""
    xhtml = pdftotext(["-f", str(page), "-l", str(page), "-bbox-layout", path, "-"])
    root = ET.fromstring(xhtml)
    words = []
    for el in root.iter():
        if el.tag.endswith("}word") or el.tag == "word":
            words.append((el.text or "", float(el.get("xMin")), float(el.get("yMin")),
                          float(el.get("xMax")), float(el.get("yMax"))))
    return words


def tokens(text):
    """The words of the text output with their character offsets."""
    return [(m.group(0), m.start(), m.end()) for m in re.finditer(r"[^\s]+", text)]


def find(text, quote, nth=0, after=None):
    start = 0
    if after is not None:
        i = text.find(after)
        if i < 0:
            raise SystemExit("--after text not found: %r" % after)
        start = i + len(after)
    # A quote is whole words or a word's edge: it never starts or ends inside a number or a
    # word ("30" is not found in "330" nor "1,300"), though it may leave punctuation out.
    pattern = r"(?<![\w.,])" + r"[ \n]+".join(re.escape(w) for w in quote.split()) + r"(?!\w|[.,]\d)"
    matches = list(re.finditer(pattern, text[start:]))
    if len(matches) <= nth:
        raise SystemExit("quote %r found %d times (after %r), wanted occurrence %d" % (quote, len(matches), after, nth))
    m = matches[nth]
    return start + m.start(), start + m.end()


def line_column(text, offset):
    line = text.count("\n", 0, offset) + 1
    column = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return line, column


def library_span(path, page, quote, nth=0, after=None):
    text, rectangles = library_page(path, page)
    if any(unicodedata.combining(c) for c in text):
        raise SystemExit("page %d has combining characters: columns would depend on how they are counted" % page)
    lo, hi = find(text, quote, nth, after)
    touched = [rectangles[i] for i in range(lo, min(hi, len(rectangles))) if not text[i].isspace()]
    line, column = line_column(text, lo)
    return {
        "page": page, "line": line, "column": column, "text": text[lo:hi],
        "box": {"x": round(min(r[0] for r in touched), 2), "y": round(min(r[1] for r in touched), 2),
                "width": round(max(r[2] for r in touched) - min(r[0] for r in touched), 2),
                "height": round(max(r[3] for r in touched) - min(r[1] for r in touched), 2)},
    }


def relocate(path, expected):
    """The expected file's spans, each at the line and column of its quote's first word in the
    engine's page text: the occurrence whose characters' boxes lie in the span's box."""
    records = json.load(open(expected, encoding="utf-8"))
    pages = {}
    moved = 0

    def visit(value):
        nonlocal moved
        if isinstance(value, dict):
            if all(k in value for k in ("line", "column", "text", "page", "box")) and value["page"]:
                page = value["page"]
                if page not in pages:
                    pages[page] = library_page(path, page) if ENGINE == "library" else (page_text(path, page), None)
                text, rectangles = pages[page]
                first = value["text"].split()[0]
                box = value["box"]
                x0, y0 = box["x"] - 0.5, box["y"] - 0.5
                x1, y1 = box["x"] + box["width"] + 0.5, box["y"] + box["height"] + 0.5
                at = [m.start() for m in re.finditer("(?=%s)" % re.escape(first), text)
                      if rectangles is None or all(x0 <= rectangles[i][0] and rectangles[i][2] <= x1 and y0 <= rectangles[i][1]
                                                   and rectangles[i][3] <= y1 for i in range(m.start(), m.start() + len(first)))]
                if len(at) > 1:
                    # Inside one box, the whole word rather than a piece of a longer one ("20" in "2024").
                    at = [k for k in at if (k == 0 or not text[k - 1].isalnum())
                          and (k + len(first) >= len(text) or not text[k + len(first)].isalnum())]
                if len(at) != 1:
                    raise SystemExit("p%d %r: %d places in the box, wanted one" % (page, first, len(at)))
                line, column = line_column(text, at[0])
                moved += (line, column) != (value["line"], value["column"])
                value["line"], value["column"] = line, column
                return
            for v in value.values():
                visit(v)
        elif isinstance(value, list):
            for v in value:
                visit(v)

    visit(records)
    with open(expected, "w", encoding="utf-8") as out:
        json.dump(records, out, ensure_ascii=False, indent=2)
        out.write("\n")
    print("%s: %d spans moved" % (expected, moved), file=sys.stderr)


def pdf_span(path, page, quote, nth=0, after=None):
    if ENGINE == "library":
        return library_span(path, page, quote, nth, after)
    text = page_text(path, page)
    if any(unicodedata.combining(c) for c in text):
        raise SystemExit("page %d has combining characters: columns would depend on how they are counted" % page)
    toks = tokens(text)
    words = page_words(path, page)
    if [t[0] for t in toks] != [w[0] for w in words]:
        a, b = [t[0] for t in toks], [w[0] for w in words]
        first = next((i for i in range(min(len(a), len(b))) if a[i] != b[i]), min(len(a), len(b)))
        raise SystemExit("pdftotext and -bbox-layout disagree at word %d: %r / %r" % (first, a[first:first + 3], b[first:first + 3]))
    lo, hi = find(text, quote, nth, after)
    quoted = text[lo:hi]
    if "\n\n" in quoted:
        print("warning: the quote crosses a block (an empty line)", file=sys.stderr)
    touched = [w for t, w in zip(toks, words) if t[1] < hi and t[2] > lo]
    x0 = min(w[1] for w in touched)
    y0 = min(w[2] for w in touched)
    x1 = max(w[3] for w in touched)
    y1 = max(w[4] for w in touched)
    line, column = line_column(text, lo)
    return {
        "page": page, "line": line, "column": column, "text": quoted,
        "box": {"x": round(x0, 2), "y": round(y0, 2), "width": round(x1 - x0, 2), "height": round(y1 - y0, 2)},
    }


def text_span(path, quote, nth=0, after=None):
    text = open(path, encoding="utf-8").read()
    lo, hi = find(text, quote, nth, after)
    line, column = line_column(text, lo)
    return {"page": None, "line": line, "column": column, "text": text[lo:hi]}


def ods_cells(path):
    """{(sheet, ref): text} of an OpenDocument spreadsheet's content.xml: a number as its stored
    value (12, not 12.00), a date's day, a string's paragraphs joined by line breaks; repeated
    rows and cells expanded (the empty rows to the sheet's end are not)."""
    import zipfile
    import xml.etree.ElementTree as ET
    t = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
    o = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"
    x = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
    root = ET.fromstring(zipfile.ZipFile(path).read("content.xml"))
    cells = {}
    for table in root.iter(t + "table"):
        name = table.get(t + "name")
        row = 0
        for tr in table.iter(t + "table-row"):
            repeat = int(tr.get(t + "number-rows-repeated", "1"))
            values = {}
            col = 1
            for tc in tr:
                n = int(tc.get(t + "number-columns-repeated", "1"))
                kind = tc.get(o + "value-type")
                if kind in ("float", "percentage", "currency"):
                    v = float(tc.get(o + "value"))
                    text = str(int(v)) if v == int(v) else repr(v)
                elif kind == "date":
                    text = tc.get(o + "date-value")[:10]
                else:
                    text = "\n".join("".join(p.itertext()) for p in tc.findall(x + "p"))
                if text:
                    for k in range(n):
                        values[col + k] = text
                col += n
            if values:
                for k in range(repeat):
                    for c, text in values.items():
                        cells[(name, "%s%d" % (column_letters(c), row + 1 + k))] = text
            row += repeat
    return cells


def column_letters(n):
    letters = ""
    while n:
        n, r = divmod(n - 1, 26)
        letters = chr(65 + r) + letters
    return letters


def xls_cells(path):
    """{(sheet, ref): text} of a legacy Excel workbook (.xls) read with xlrd (Debian python3-xlrd),
    not by avance: text as stored, whole numbers without a decimal point, dates as ISO days."""
    import xlrd
    book = xlrd.open_workbook(path, formatting_info=True)
    cells = {}
    for sheet in book.sheets():
        for r in range(sheet.nrows):
            for c in range(sheet.ncols):
                cell = sheet.cell(r, c)
                if cell.ctype == xlrd.XL_CELL_EMPTY or cell.ctype == xlrd.XL_CELL_BLANK:
                    continue
                if cell.ctype == xlrd.XL_CELL_DATE:
                    y, m, d = xlrd.xldate_as_tuple(cell.value, book.datemode)[:3]
                    text = "%04d-%02d-%02d" % (y, m, d)
                elif cell.ctype == xlrd.XL_CELL_NUMBER:
                    text = str(int(cell.value)) if cell.value == int(cell.value) else repr(cell.value)
                else:
                    text = str(cell.value)
                ref = ""
                n = c + 1
                while n:
                    n, k = divmod(n - 1, 26)
                    ref = chr(65 + k) + ref
                cells[(sheet.name, "%s%d" % (ref, r + 1))] = text
    return cells


def workbook_cells(path):
    """{(sheet, ref): text} of a workbook, as the General format shows each value."""
    import datetime
    import zipfile
    with open(path, "rb") as f:
        if f.read(8) == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1":
            return xls_cells(path)
    z = zipfile.ZipFile(path)
    if "mimetype" in z.namelist() and z.read("mimetype").startswith(b"application/vnd.oasis.opendocument.spreadsheet"):
        return ods_cells(path)
    m = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
    rel = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
    shared = []
    if "xl/sharedStrings.xml" in z.namelist():
        for si in ET.fromstring(z.read("xl/sharedStrings.xml")).findall(m + "si"):
            shared.append("".join(t.text or "" for t in si.iter(m + "t")))
    # Styles whose number format shows a date: built-in 14-17 and 22, or a custom one with a day or year.
    dated = set()
    if "xl/styles.xml" in z.namelist():
        styles = ET.fromstring(z.read("xl/styles.xml"))
        custom = {int(f.get("numFmtId")): f.get("formatCode") for f in styles.iter(m + "numFmt")}
        xfs = styles.find(m + "cellXfs")
        for k, xf in enumerate(xfs if xfs is not None else []):
            fmt = int(xf.get("numFmtId", "0"))
            code = re.sub(r'"[^"]*"|\[[^]]*\]', "", custom.get(fmt, "")).lower()
            if fmt in (14, 15, 16, 17, 22) or (fmt in custom and ("d" in code or "y" in code)):
                dated.add(k)
    targets = {r.get("Id"): r.get("Target") for r in ET.fromstring(z.read("xl/_rels/workbook.xml.rels"))}
    cells = {}
    for sheet in ET.fromstring(z.read("xl/workbook.xml")).find(m + "sheets"):
        part = "xl/" + targets[sheet.get(rel + "id")].lstrip("/").replace("xl/", "", 1)
        for c in ET.fromstring(z.read(part)).iter(m + "c"):
            v, kind = c.find(m + "v"), c.get("t")
            if kind == "s":
                text = shared[int(v.text)]
            elif kind == "inlineStr":
                text = "".join(t.text or "" for t in c.iter(m + "t"))
            elif v is None:
                continue
            elif kind in ("e", "str", "b"):
                text = v.text
            else:
                number = float(v.text)
                if int(c.get("s", "0")) in dated:
                    text = (datetime.date(1899, 12, 30) + datetime.timedelta(days=int(number))).isoformat()
                else:
                    text = str(int(number)) if number == int(number) else repr(number)
            cells[(sheet.get("name"), c.get("r"))] = text
    return cells


def main(argv):
    global ENGINE
    args, nth, after, lines, raw, move = [], 0, None, False, False, False
    i = 0
    while i < len(argv):
        if argv[i] == "--engine":
            ENGINE = argv[i + 1]; i += 2
            if ENGINE not in ("library", "pdftotext"):
                raise SystemExit("--engine is library or pdftotext")
        elif argv[i] == "--text":
            raw = True; i += 1
        elif argv[i] == "--relocate":
            move = True; i += 1
        elif argv[i] == "--nth":
            nth = int(argv[i + 1]); i += 2
        elif argv[i] == "--after":
            after = argv[i + 1]; i += 2
        elif argv[i] == "--lines":
            lines = True; i += 1
        else:
            args.append(argv[i]); i += 1
    if not args:
        raise SystemExit(__doc__)
    path = args[0]
    if "--cells" in argv:
        cells = workbook_cells(path)
        print(json.dumps({"%s!%s" % k: v for k, v in cells.items()}, ensure_ascii=False))
        return
    if move:
        relocate(path, args[1])
        return
    is_pdf = open(path, "rb").read(5) == b"%PDF-"
    if is_pdf and raw:
        sys.stdout.write(page_text(path, int(args[1])))
        return
    if is_pdf and lines:
        for n, line in enumerate(page_text(path, int(args[1])).split("\n"), 1):
            print("%4d  %s" % (n, line))
        return
    span = pdf_span(path, int(args[1]), args[2], nth, after) if is_pdf else text_span(path, args[1], nth, after)
    print(json.dumps(span, ensure_ascii=False))


if __name__ == "__main__":
    main(sys.argv[1:])
