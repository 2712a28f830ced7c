"""The peers of Scripts/bench, and the date counts it compares.

  pdf LIB JOBS DIR          text of every page of every PDF in DIR with LIB (pypdfium2, pypdf,
                            pdfminer, pdfplumber), JOBS worker processes, one interpreter each
  dates JOBS DIR            dateparser's search_dates (Spanish) over every text report in DIR;
                            prints {file name: [ISO dates found]}
  avance-dates DB MANIFEST  the dates avance stored for the text reports; same shape
  truth MANIFEST DIR        the true dates of the text reports in DIR; same shape
  openpyxl JOBS DIR         every cell of every sheet of every workbook in DIR, read by openpyxl in
                            read-only mode (iter_rows(values_only=True)); no parsing
  csv JOBS DIR              every cell of every CSV in DIR, read by the csv module (UTF-8, else
                            Windows-1252; `;` or `,`, whichever the first line has more of)
  pdftables LIB JOBS DIR    the tables of every PDF in DIR with LIB (pdfplumber's extract_tables,
                            camelot's stream mode); prints {file name: [rows of cells]}
                            (Scripts/bench --tables scores them with bench_tables.py)
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


def workbook_cells(path):
    from openpyxl import load_workbook
    wb = load_workbook(path, read_only=True)
    cells = 0
    for ws in wb.worksheets:
        for row in ws.iter_rows(values_only=True):
            cells += sum(1 for value in row if value is not None)
    wb.close()
    return cells


def csv_cells(path):
    import csv
    text = read_report(path)
    first = text.split("\n", 1)[0]
    delimiter = ";" if first.count(";") > first.count(",") else ","
    return sum(sum(1 for value in row if value) for row in csv.reader(text.splitlines(True), delimiter=delimiter))


def pdf_tables(args):
    lib, path = args
    try:
        return os.path.basename(path), tables_of(lib, path)
    except Exception as error:  # a file the library cannot read counts as no table found
        print("%s: %s: %s" % (lib, path, error), file=sys.stderr)
        return os.path.basename(path), []


def tables_of(lib, path):
    rows = []
    if lib == "pdfplumber":
        import pdfplumber
        with pdfplumber.open(path) as pdf:
            for page in pdf.pages:
                for table in page.extract_tables():
                    rows.extend([cell if cell is not None else "" for cell in row] for row in table)
    elif lib == "camelot":
        import camelot
        for table in camelot.read_pdf(path, pages="all", flavor="stream"):
            rows.extend([str(cell) for cell in row] for row in table.df.values.tolist())
    else:
        raise SystemExit("unknown library " + lib)
    return rows


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
    elif mode in ("openpyxl", "csv"):
        jobs, folder = int(args[0]), args[1]
        with multiprocessing.Pool(jobs) as pool:
            cells = sum(pool.map(workbook_cells if mode == "openpyxl" else csv_cells, files(folder), chunksize=4))
        print("%s: %d cells" % (mode, cells), file=sys.stderr)
    elif mode == "pdftables":
        lib, jobs, folder = args[0], int(args[1]), args[2]
        with multiprocessing.Pool(jobs) as pool:
            print(json.dumps(dict(pool.map(pdf_tables, [(lib, p) for p in files(folder)], chunksize=2)),
                             ensure_ascii=False))
    else:
        raise SystemExit(__doc__)


if __name__ == "__main__":
    main()
