"""OCR rows of Scripts/bench: pages per second per core and words read right, at each resolution
measured, on the scanned samples (Samples/escaneados, made by Scripts/lib/make_scans.py from
text PDFs: the text PDF's words are the truth).

Usage: bench_ocr.py AVANCE_BINARY RESULTS_DIR [DPI...]

Each scan is read by `avance extract --format json` one file at a time, pinned to one core, so
Tesseract (run with OMP_THREAD_LIMIT=1) has one core: pages per second per core is OCR'd pages over seconds. Words
right: of the words `pdftotext` finds on the text PDF's page, how many the OCR'd page has
(counted as a multiset, so a table read in another order still counts its words). Fields right:
of the values in the text PDF's expected records (Samples/expected, checked by hand; the source,
the places of quotes and the findings' wording aside), how many `avance parse` of the scan gives
the same: what headings, label tables and tables made of the OCR'd words are worth."""

import collections
import json
import os
import shutil
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(__file__))
import make_scans  # noqa: E402  (the list of scans and the text PDFs they come from)


def words(text):
    """Words with the punctuation around them (and the ` | ` between table cells) left out."""
    return [w.strip(".,;:()|") for w in text.split() if w.strip(".,;:()|")]


def truth(pdf, page):
    out = subprocess.run(["pdftotext", "-f", str(page), "-l", str(page), "-enc", "UTF-8", pdf, "-"],
                         check=True, capture_output=True, text=True, timeout=60).stdout
    return words(out)


def ocr_words(document, page):
    """The words of the blocks that start on `page` (a table row's text holds its cells')."""
    found = []
    for block in document["blocks"]:
        anchors = block["text"]["anchors"]
        if anchors and anchors[0].get("page") == page:
            found += words(block["text"]["text"])
    return found


PLACES = {"line", "column", "box", "confidence", "ocr", "message", "source"}


def leaves(value, path=""):
    if isinstance(value, dict):
        for k, v in value.items():
            if k not in PLACES:
                yield from leaves(v, path + "." + k)
    elif isinstance(value, list):
        for i, v in enumerate(value):
            yield from leaves(v, "%s[%d]" % (path, i))
    else:
        yield path, value


def fields_right(expected, got):
    want = dict(leaves(expected))
    have = dict(leaves([dict(r, findings=[f for f in r.get("findings", []) if f.get("rule") != "low-confidence"])
                        for r in got]))
    return sum(1 for k, v in want.items() if k in have and have[k] == v), len(want)


# avance reads a scan's pages side by side on the cores it has: pinned to one core (taskset,
# util-linux), as many pages in parallel take the same core, and pages per second is per core.
ONE_CORE = ["taskset", "-c", "0"] if shutil.which("taskset") else []


def main():
    binary, results = sys.argv[1], sys.argv[2]
    resolutions = [int(d) for d in sys.argv[3:]] or [200, 300]
    print("| OCR (Tesseract, spa) | pages | seconds | pages/s per core | words read right | record fields right |")
    print("|---|---|---|---|---|---|")
    for dpi in resolutions:
        pages = 0
        seconds = 0.0
        right = total = 0
        fields = all_fields = 0
        for name, source, *_ in make_scans.SCANS:
            scan = os.path.join("Samples", "escaneados", name)
            env = dict(os.environ, AVANCE_OCR_DPI=str(dpi))
            start = time.monotonic()
            records = subprocess.run(ONE_CORE + [binary, "parse", "--format", "json", "--pdf-timeout", "600", "--time-limit", "900", scan],
                                     capture_output=True, text=True, env=env, timeout=900).stdout
            seconds += time.monotonic() - start
            with open(os.path.join("Samples", "expected", source + ".json"), encoding="utf-8") as f:
                a, b = fields_right(json.load(f), json.loads(records or "[]"))
            fields += a
            all_fields += b
            out = subprocess.run(ONE_CORE + [binary, "extract", "--format", "json", "--pdf-timeout", "600", scan],
                                 check=True, capture_output=True, text=True, env=env, timeout=900).stdout
            document = json.loads(out)
            for page in document.get("ocrPages") or []:
                pages += 1
                expected = collections.Counter(truth(os.path.join("Samples", source), page))
                got = collections.Counter(ocr_words(document, page))
                right += sum((expected & got).values())
                total += sum(expected.values())
        with open(os.path.join(results, "ocr-%d.json" % dpi), "w") as f:
            json.dump({"dpi": dpi, "pages": pages, "seconds": seconds, "right": right, "words": total,
                       "fields": fields, "allFields": all_fields}, f)
        print("| %d dpi | %d | %.1f | %.2f | %.1f %% (%d of %d) | %.1f %% (%d of %d) |" % (
            dpi, pages, seconds, pages / seconds if seconds else 0, 100.0 * right / total if total else 0, right, total,
            100.0 * fields / all_fields if all_fields else 0, fields, all_fields))


if __name__ == "__main__":
    main()
