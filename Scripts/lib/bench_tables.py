"""Prints the table rows of Scripts/bench (issue 16) from hyperfine's JSON exports, the table
corpus's truth.jsonl and the cells each tool read from the sample of table PDFs.

Usage: bench_tables.py RESULTS TABLE_CORPUS PDF_SAMPLE_DIR JOBS RUNS

Cell accuracy, the same for every tool: a cell's text is normalised (Unicode NFC, every run of
white space, line breaks included, made one space, trimmed). For each PDF, the rows of every table
the generator drew (truth.jsonl; a spanned cell's text at its first column, "" under the rest of
its span, a continued table's header once) are matched, in order, each to the tool's row (of any of
its tables on that file) not yet matched that has the most cells equal to the true row's at the same
column (row alignment by content; a true row whose best has no equal cell matches none). The
accuracy is the share of the true non-empty cells equal to the tool's cell at the same column of
the matched row; a row is exact when all of its non-empty cells are. Rows or cells a tool adds
(a repeated header, a title read as a row) are not counted against it.
"""

import json
import os
import re
import sys
import unicodedata

results, corpus, sample, jobs, runs = sys.argv[1:6]


def timing(name):
    path = os.path.join(results, name + ".json")
    if not os.path.exists(path):
        return None
    r = json.load(open(path))["results"][0]
    return {"median": r["median"], "min": r["min"], "max": r["max"]}


def norm(text):
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", text or "")).strip()


def load_concatenated(path):
    """avance extract's JSON: one document or an array of them, per process (several processes'
    outputs one after another)."""
    text = open(path, encoding="utf-8").read() if os.path.exists(path) else ""
    decoder, at, out = json.JSONDecoder(), 0, []
    while True:
        while at < len(text) and text[at].isspace():
            at += 1
        if at >= len(text):
            return out
        value, at = decoder.raw_decode(text, at)
        out.extend(value if isinstance(value, list) else [value])


def avance_rows(path):
    rows = {}
    for doc in load_concatenated(path):
        cells = [[c["text"] for c in b["cells"]] for b in doc["blocks"] if b["kind"] == "tableRow"]
        rows[os.path.basename(doc["path"])] = cells
    return rows


def score(truth, found, positional=True):
    """(equal cells, true non-empty cells, exact rows, true rows) over the files of truth; with
    positional False, a true cell counts when the matched row has its text at any column (rows
    then aligned by that count): how much text was read right, whatever the column boundaries."""
    hit = cells = exact = count = 0
    for name, true_tables in truth.items():
        candidates = [[norm(c) for c in row] for row in found.get(name, [])]
        used = set()
        for table in true_tables:
            for row in table:
                want = [(j, norm(c)) for j, c in enumerate(row) if norm(c)]
                best, best_k = 0, None
                for k, got in enumerate(candidates):
                    if k in used:
                        continue
                    if positional:
                        equal = sum(1 for j, c in want if j < len(got) and got[j] == c)
                    else:
                        pool = list(got)
                        equal = 0
                        for _, c in want:
                            if c in pool:
                                pool.remove(c)
                                equal += 1
                    if equal > best:
                        best, best_k = equal, k
                if best_k is not None:
                    used.add(best_k)
                hit += best
                cells += len(want)
                exact += best == len(want)
                count += 1
    return hit, cells, exact, count


def cell(x):
    return "%.3f s (%.3f–%.3f)" % (x["median"], x["min"], x["max"]) if x else "—"


truth_entries = [json.loads(line) for line in open(os.path.join(corpus, "truth.jsonl"), encoding="utf-8")]
in_sample = set(os.listdir(sample)) if os.path.isdir(sample) else set()
records = {"xlsx": 0, "csv": 0}
files = {"xlsx": 0, "csv": 0}
pdf_truth, pdf_records = {}, 0
for e in truth_entries:
    kind = e["path"].split("/")[0]
    if kind in records:
        records[kind] += e["records"]
        files[kind] += 1
    elif os.path.basename(e["path"]) in in_sample:
        pdf_truth[os.path.basename(e["path"])] = e["tables"]
        pdf_records += e["records"]

stored = {}
if os.path.exists(os.path.join(results, "tables-records.json")):
    stored = json.load(open(os.path.join(results, "tables-records.json")))

t = {name: timing(name) for name in ["tables-ingest-xlsx", "peer-openpyxl", "tables-ingest-csv", "peer-csv",
                                     "tables-ingest-pdf", "tables-extract-pdf", "peer-pdfplumber-tables",
                                     "peer-camelot"]}
out = []
w = out.append
w("Tables (issue 16), on the table corpus (%s: %d workbooks, %d CSVs; the first %d table PDFs); "
  "%s timed runs each after a warm-up; avance with `--jobs %s`, the Python peers in %s interpreters "
  "(`multiprocessing`)." % (os.path.basename(os.path.normpath(corpus)), files["xlsx"], files["csv"],
                                        len(pdf_truth), runs, jobs, jobs))
w("")
w("| # | measurement | time | records/s | ratio |")
w("|---|---|---|---|---|")


def rate(name, count):
    x = t.get(name)
    return "%.0f" % (count / x["median"]) if x and count else "—"


def ratio(a, b):
    return t[a]["median"] / t[b]["median"] if t.get(a) and t.get(b) else float("nan")


for kind, peer, label in [("xlsx", "peer-openpyxl", "openpyxl read-only, every cell of every sheet"),
                          ("csv", "peer-csv", "Python's csv module, every cell")]:
    ingest = "tables-ingest-" + kind
    speed = ratio(peer, ingest)  # >1: avance is faster
    got = stored.get(kind)
    check = "" if got is None else "; %d of the generator's %d records stored" % (got, records[kind])
    w("| T%s | avance ingest, %s tables, new SQLite database (parse, validate, store) | %s | %s | "
      "%.2f × the peer's speed %s (target ≥ 1)%s |"
      % ("1" if kind == "xlsx" else "2", kind.upper(), cell(t.get(ingest)), rate(ingest, records[kind]), speed,
         "**met**" if speed >= 1 else "**missed**", check))
    w("| T%sf | %s, same files, no parsing | %s | %s |  |"
      % ("1" if kind == "xlsx" else "2", label, cell(t.get(peer)), rate(peer, records[kind])))

scores = {}
for name, path in [("avance", "cells-avance.json"), ("pdfplumber", "cells-pdfplumber.json"),
                   ("camelot", "cells-camelot.json")]:
    full = os.path.join(results, path)
    if not os.path.exists(full) or os.path.getsize(full) == 0:
        continue
    found = avance_rows(full) if name == "avance" else json.load(open(full, encoding="utf-8"))
    scores[name] = score(pdf_truth, found)
    scores[name + " anywhere"] = score(pdf_truth, found, positional=False)


def accuracy(name):
    if name not in scores:
        return "—"
    hit, cells, exact, count = scores[name]
    anywhere = scores[name + " anywhere"][0]
    return "cell accuracy %.1f %% (%d/%d), %.1f %% of rows exact; %.1f %% of the cells' text read at any column" % (
        100 * hit / max(cells, 1), hit, cells, 100 * exact / max(count, 1), 100 * anywhere / max(cells, 1))


pages = "%d PDFs" % len(pdf_truth)
w("| T3 | avance ingest, table PDFs, new SQLite database (end to end) | %s | %s | %.2f × pdfplumber's time, %.2f × camelot's |"
  % (cell(t.get("tables-ingest-pdf")), rate("tables-ingest-pdf", pdf_records),
     ratio("tables-ingest-pdf", "peer-pdfplumber-tables"), ratio("tables-ingest-pdf", "peer-camelot")))
w("| T3e | avance extract --format json, table PDFs (cells only, as the peers; %s processes) | %s | | "
  "%.2f × pdfplumber's time, %.2f × camelot's; %s |"
  % (jobs, cell(t.get("tables-extract-pdf")), ratio("tables-extract-pdf", "peer-pdfplumber-tables"),
     ratio("tables-extract-pdf", "peer-camelot"), accuracy("avance")))
w("| T3p | pdfplumber extract_tables, same PDFs | %s | | %s |" % (cell(t.get("peer-pdfplumber-tables")),
                                                                 accuracy("pdfplumber")))
if t.get("peer-camelot") or os.path.exists(os.path.join(results, "camelot-failed.txt")):
    if t.get("peer-camelot"):
        w("| T3c | camelot read_pdf(flavor=\"stream\"), same PDFs | %s | | %s |" % (cell(t.get("peer-camelot")),
                                                                                accuracy("camelot")))
    else:
        reason = open(os.path.join(results, "camelot-failed.txt")).read().strip().splitlines()
        w("| T3c | camelot stream | — | | did not install or run here: %s |" % (reason[-1] if reason else "?"))
w("")
faster = [ratio("tables-extract-pdf", p) < 1 for p in ("peer-pdfplumber-tables", "peer-camelot") if t.get(p)]
accurate = [scores.get("avance", (0, 1))[0] >= scores[p][0] for p in ("pdfplumber", "camelot") if p in scores]
w("- PDF tables: avance's extract faster than every peer: %s; at least as accurate as every peer: %s (%s; "
  "records stored from them: %s, the generator's count of indicator or unit rows: %d)."
  % ("**met**" if faster and all(faster) else "**missed**", "**met**" if accurate and all(accurate) else "**missed**",
     pages, stored.get("pdf", "—"), pdf_records))
print("\n".join(out))
