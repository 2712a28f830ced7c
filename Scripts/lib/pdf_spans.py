"""Locates a quote in a sample, as a span of the record conventions, with poppler's own tools.

For a PDF, the span is where the quote stands in one page's text in poppler's reading order:
`line` is the 1-based line of `pdftotext -f P -l P FILE -` (default mode, not `-layout`),
`column` the 1-based character in that line, `text` the quoted words as they stand there (a line
break kept as "\\n"), and `box` the union of the boxes of the words the quote touches, read from
`pdftotext -f P -l P -bbox-layout FILE -` (PDF points, origin at the page's top-left):
x = xMin, y = yMin, width = xMax - xMin, height = yMax - yMin, rounded to 2 decimals. The two
outputs are checked to hold the same words in the same order, so the i-th word of one is the
i-th of the other.

For a text file, the span is the quote's line and column in the file (page null, no box).

Only positions come from here; every value of an expected record is typed by whoever reads
the report. Used by hand while writing Samples/expected/*.json.

Usage:
  pdf_spans.py FILE.pdf PAGE QUOTE [--nth K] [--after TEXT]   one span, as JSON
  pdf_spans.py FILE.pdf PAGE --lines                          the page's numbered lines
  pdf_spans.py FILE.md QUOTE [--nth K] [--after TEXT]         a span in a text file
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


def page_text(path, page):
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


def pdf_span(path, page, quote, nth=0, after=None):
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


def main(argv):
    args, nth, after, lines = [], 0, None, False
    i = 0
    while i < len(argv):
        if argv[i] == "--nth":
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
    is_pdf = open(path, "rb").read(5) == b"%PDF-"
    if is_pdf and lines:
        for n, line in enumerate(page_text(path, int(args[1])).split("\n"), 1):
            print("%4d  %s" % (n, line))
        return
    span = pdf_span(path, int(args[1]), args[2], nth, after) if is_pdf else text_span(path, args[1], nth, after)
    print(json.dumps(span, ensure_ascii=False))


if __name__ == "__main__":
    main(sys.argv[1:])
