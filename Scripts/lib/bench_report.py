"""Prints Scripts/bench's table (Markdown) from hyperfine's JSON exports and the memory files.

Usage: bench_report.py RESULTS CORPUS N JOBS RUNS SAMPLE [--store]
(--store: only the rows of the stores that Scripts/bench --store measured.)
"""

import collections
import datetime
import json
import os
import platform
import subprocess
import sys

results, corpus, n, jobs, runs, sample = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), sys.argv[5], sys.argv[6]
store_only = sys.argv[7:] == ["--store"]


def timing(name):
    path = os.path.join(results, name + ".json")
    if not os.path.exists(path):
        return None
    r = json.load(open(path))["results"][0]
    return {"median": r["median"], "min": r["min"], "max": r["max"]}


def size_of(folder, names=None):
    total, count = 0, 0
    for root, _, files in os.walk(folder):
        for f in files:
            if names is None or f in names:
                total += os.path.getsize(os.path.realpath(os.path.join(root, f)))
                count += 1
    return total, count


def machine():
    cpu = "?"
    for line in open("/proc/cpuinfo"):
        if line.startswith("model name"):
            cpu = line.split(":", 1)[1].strip()
            break
    mem = 0
    for line in open("/proc/meminfo"):
        if line.startswith("MemTotal"):
            mem = int(line.split()[1]) // 1024 // 1024
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True).stdout.strip()
    return "%s, %d cores, %d GiB, %s; avance %s" % (cpu, os.cpu_count(), mem, platform.platform(terse=True), commit)


pdf_bytes, pdf_count = size_of(os.path.join(corpus, "pdf"))
txt_bytes, txt_count = size_of(os.path.join(corpus, "txt"))
html_bytes, html_count = size_of(os.path.join(corpus, "html"))
text_bytes, text_count = txt_bytes + html_bytes, txt_count + html_count
all_count = pdf_count + text_count + 1  # and the manifest

t = {name: timing(name) for name in [
    "pdftotext", "pdftotext-avance", "pdftotext-start", "ingest-pdf", "ingest-pdf-pdftotext", "cat", "ingest-text", "find", "rerun",
    "sample-pdftotext", "sample-ingest-pdf", "peer-pypdfium2", "peer-pypdf", "peer-pdfminer", "peer-pdfplumber",
    "sample-ingest-text", "peer-dateparser", "ingest-pg-1", "ingest-pg-2"]}


def cell(x):
    return "%.3f s (%.3f–%.3f)" % (x["median"], x["min"], x["max"]) if x else "—"


def ratio(a, b):
    return t[a]["median"] / t[b]["median"] if t.get(a) and t.get(b) else float("nan")


def verdict(ok):
    return "**met**" if ok else "**missed**"


out = []
w = out.append
w("## Scripts/bench %d%s (%s)" % (n, " --store" if store_only else "", datetime.date.today().isoformat()))
w("")
w("Machine: %s. Corpus: %d reports (%d PDF, %.1f MB; %d text and HTML, %.2f MB), seed in the corpus name; "
  "%s timed runs each after a warm-up, median and (min–max); `--jobs %d` and `xargs -P %d`."
  % (machine(), n, pdf_count, pdf_bytes / 1e6, text_count, text_bytes / 1e6, runs, jobs, jobs))
w("")
w("| # | measurement | time | per document | ratio |")
w("|---|---|---|---|---|")


def row(num, label, name, count, ratio_text=""):
    x = t.get(name)
    if store_only and not x:
        return
    per = "%.2f ms" % (1000 * x["median"] / count) if x and count else "—"
    w("| %s | %s | %s | %s | %s |" % (num, label, cell(x), per, ratio_text))


pdf_ratio = ratio("ingest-pdf", "pdftotext")
row("1", "pdftotext -layout alone, one process per PDF", "pdftotext", pdf_count)
row("1b", "pdftotext -bbox-layout (what `--pdf-engine pdftotext` runs), per PDF", "pdftotext-avance", pdf_count,
    "%.2f × (1)" % ratio("pdftotext-avance", "pdftotext"))
row("2", "avance ingest, PDFs, new database (poppler's library in `--jobs` workers, the default)", "ingest-pdf", pdf_count,
    "%.2f × (1) %s (target ≤ 1.0, moonshot 0.5)" % (pdf_ratio, verdict(pdf_ratio <= 1.0)))
row("2b", "avance ingest, PDFs, `--pdf-engine pdftotext`", "ingest-pdf-pdftotext", pdf_count,
    "%.2f × (1), %.2f × (1b)" % (ratio("ingest-pdf-pdftotext", "pdftotext"), ratio("ingest-pdf-pdftotext", "pdftotext-avance")))
text_s = t["ingest-text"]["median"] if t.get("ingest-text") else float("nan")
mbs = text_bytes / 1e6 / text_s
row("3", "avance ingest, text and HTML, new SQLite database", "ingest-text", text_count,
    "%.1f MB/s (%.1f per core), %.0f docs/s; %.0f × cat" % (mbs, mbs / jobs, text_count / text_s, ratio("ingest-text", "cat")))
row("3f", "cat of the same text and HTML files", "cat", text_count)
for name, label in [("ingest-pg-1", "one worker"), ("ingest-pg-2", "two workers at once, same folders")]:
    x = t.get(name)
    row("8" if name.endswith("1") else "8b", "avance ingest, text and HTML, into PostgreSQL, %s" % label, name, text_count,
        "%.0f docs/s; %.2f × SQLite with one (3)" % (text_count / x["median"], ratio(name, "ingest-text")) if x else "")
rerun_ratio = ratio("rerun", "find")
row("4", "avance ingest rerun, whole corpus unchanged", "rerun", all_count, "%.2f × find" % rerun_ratio)
row("4f", "find -type f with sizes and times", "find", all_count)
row("7", "pdftotext -v, one process per PDF (process start)", "pdftotext-start", pdf_count,
    "%.0f %% of (1)" % (100 * ratio("pdftotext-start", "pdftotext")))
w("")
if store_only:
    print("\n".join(out))
    sys.exit(0)

w("Peak resident memory (GNU time, maximum resident set size of the avance process):")
w("")
w("| reports in the corpus | PDF ingest (2) | text and HTML ingest (3) |")
w("|---|---|---|")
mem = collections.defaultdict(dict)
for f in os.listdir(results):
    if f.startswith("memory-"):
        _, label, size = f[:-4].split("-")
        value = open(os.path.join(results, f)).read().strip().splitlines()
        mem[int(size)][label] = int(value[-1]) / 1024 if value and value[-1].isdigit() else None
for size in sorted(mem):
    w("| %d | %s | %s |" % (size, *["%.1f MB" % mem[size][k] if mem[size].get(k) else "—" for k in ("pdf", "text")]))
w("")

if t.get("sample-pdftotext"):
    sp, sc = size_of(os.path.join(results, "..", "sample-%d" % n, "pdf"))
    st, stc = size_of(os.path.join(results, "..", "sample-%d" % n, "txt"))
    w("Peers (6), on the first %s PDFs and the first %s text reports of the corpus, same parallelism:" % (sample, sample))
    w("")
    w("| tool | time | per document | ratio to avance |")
    w("|---|---|---|---|")

    def peer(label, name, count, base):
        x = t.get(name)
        per = "%.2f ms" % (1000 * x["median"] / count) if x else "—"
        w("| %s | %s | %s | %s |" % (label, cell(x), per, "%.2f ×" % ratio(name, base) if x else "—"))

    peer("pdftotext -layout alone", "sample-pdftotext", sc, "sample-ingest-pdf")
    peer("avance ingest (PDF)", "sample-ingest-pdf", sc, "sample-ingest-pdf")
    for lib, label in [("pypdfium2", "pypdfium2 (PDFium)"), ("pypdf", "pypdf"), ("pdfminer", "pdfminer.six"),
                       ("pdfplumber", "pdfplumber")]:
        peer(label, "peer-" + lib, sc, "sample-ingest-pdf")
    peer("avance ingest (text, all stages, into SQLite)", "sample-ingest-text", stc, "sample-ingest-text")
    peer("dateparser search_dates (es), dates only", "peer-dateparser", stc, "sample-ingest-text")
    w("")

    def load(name):
        path = os.path.join(results, name)
        return json.load(open(path)) if os.path.exists(path) else {}

    truth, dp, av = load("truth.json"), load("dateparser-found.json"), load("avance-found.json")

    def score(found):
        hit = extra = 0
        for name, dates in truth.items():
            want = collections.Counter(dates)
            got = collections.Counter(found.get(name, []))
            hit += sum((want & got).values())
            extra += sum((got - want).values())
        return hit, extra

    total = sum(len(d) for d in truth.values())
    for label, found in [("avance", av), ("dateparser", dp)]:
        hit, extra = score(found)
        w("- %s finds %d of the %d true dates in %d text reports (%.0f %%), and %d dates that are not there or read wrong."
          % (label, hit, total, len(truth), 100 * hit / max(total, 1), extra))
    w("")
    dp_ratio = ratio("peer-dateparser", "sample-ingest-text")
else:
    dp_ratio = float("nan")

w("Targets:")
w("")
# The targets of issues 10 (PDF) and 16 (the others), as the rows above state them.
w("- PDF ingest ≤ 1.0 × pdftotext alone: %.2f × — %s" % (pdf_ratio, verdict(pdf_ratio <= 1.0)))
w("- text and HTML ≥ 20 MB/s per core: %.1f MB/s per core — %s" % (mbs / jobs, verdict(mbs / jobs >= 20)))
w("- text ≥ 50 × dateparser: %.0f × — %s" % (dp_ratio, verdict(dp_ratio >= 50)))
w("- unchanged rerun ≤ 2 × find: %.2f × — %s%s" % (rerun_ratio, verdict(rerun_ratio <= 2),
                                                      "" if n >= 10000 else " (the target is for 10,000 files)"))
peak = max((v for s in mem.values() for v in s.values() if v), default=float("nan"))
w("- peak memory < 100 MB, flat from 1,000 to 10,000 reports: %.1f MB at most — %s%s" % (
    peak, verdict(peak < 100), "" if len(mem) > 1 else " (flat: see the 10,000-report run)"))
print("\n".join(out))
