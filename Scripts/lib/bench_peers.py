"""The peers of Scripts/bench, and the date counts it compares.

  pdf LIB JOBS DIR          text of every page of every PDF in DIR with LIB (pypdfium2, pypdf,
                            pdfminer, pdfplumber), JOBS worker processes, one interpreter each
  dates JOBS DIR            dateparser's search_dates (Spanish) over every text report in DIR;
                            prints {file name: [ISO dates found]}
  avance-dates DB MANIFEST  the dates avance stored for the text reports; same shape
  truth MANIFEST DIR        the true dates of the text reports in DIR; same shape
"""

import json
import multiprocessing
import os
import sqlite3
import sys


def files(folder):
    return sorted(os.path.join(folder, name) for name in os.listdir(folder))


def pdf_text(args):
    lib, path = args
    if lib == "pypdfium2":
        import pypdfium2 as pdfium
        doc = pdfium.PdfDocument(path)
        text = "".join(page.get_textpage().get_text_range() for page in doc)
        doc.close()
    elif lib == "pypdf":
        from pypdf import PdfReader
        text = "".join(page.extract_text() or "" for page in PdfReader(path).pages)
    elif lib == "pdfminer":
        from pdfminer.high_level import extract_text
        text = extract_text(path)
    elif lib == "pdfplumber":
        import pdfplumber
        with pdfplumber.open(path) as pdf:
            text = "".join(page.extract_text() or "" for page in pdf.pages)
    else:
        raise SystemExit("unknown library " + lib)
    return len(text)


def read_report(path):
    raw = open(path, "rb").read()
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return raw.decode("cp1252", errors="replace")


def found_dates(path):
    from dateparser.search import search_dates
    found = search_dates(read_report(path), languages=["es"], settings={"DATE_ORDER": "DMY"}) or []
    return os.path.basename(path), [d.date().isoformat() for _, d in found]


def main():
    mode, args = sys.argv[1], sys.argv[2:]
    if mode == "pdf":
        lib, jobs, folder = args[0], int(args[1]), args[2]
        with multiprocessing.Pool(jobs) as pool:
            chars = sum(pool.map(pdf_text, [(lib, p) for p in files(folder)], chunksize=4))
        print("%s: %d characters" % (lib, chars), file=sys.stderr)
    elif mode == "dates":
        jobs, folder = int(args[0]), args[1]
        with multiprocessing.Pool(jobs) as pool:
            print(json.dumps(dict(pool.map(found_dates, files(folder), chunksize=4))))
    elif mode == "avance-dates":
        db = sqlite3.connect(args[0])
        out = {}
        rows = db.execute(
            "SELECT locations.path, records.json FROM records JOIN locations ON locations.document_id = records.document_id "
            "WHERE locations.is_current = 1 AND records.ordinal = 1")
        for path, record in rows:
            out[os.path.basename(path)] = [d["value"] for d in json.loads(record)["dates"]]
        print(json.dumps(out))
    elif mode == "truth":
        manifest, folder = args
        wanted = set(os.listdir(folder))
        out = {}
        for line in open(manifest, encoding="utf-8"):
            entry = json.loads(line)
            name = os.path.basename(entry["path"])
            if name in wanted:
                out[name] = entry["dates"]
        print(json.dumps(out))
    else:
        raise SystemExit(__doc__)


if __name__ == "__main__":
    main()
