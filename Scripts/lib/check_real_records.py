#!/usr/bin/env python3
"""Compares avance's records of the real documents with records written by reading them.

Usage: check_real_records.py AVANCE_BINARY REAL_FOLDER EXPECTED_FOLDER

For every EXPECTED_FOLDER/<document>.json whose document is in REAL_FOLDER, runs
`AVANCE_BINARY parse --format json <document>` and compares what it prints with the expected
file (Tests/RealDocuments/README.md says how those were written and what they hold):

- records: expected / found / matched. A found record is matched to an expected one by the
  indicator's name (folded: lower case, accents removed, spaces collapsed), else by a label
  read the other way round (the expected responsible unit as the found indicator name, or the
  reverse), else by order;
- fields: program, component and activity code/name, responsible unit, indicator code/name/level/frequency/formula/unit,
  period start/end and every target value, each right, wrong or missing. A field is counted
  when the expected or the found value is not null: a value where the reader found none is
  wrong. Numbers are equal within 0.05, strings when folded (or folded without any space, for
  words a line break cut), or when they equal one of the record's `accept` alternatives.
  Fields avance's records do not have (yet) are missing, never a crash;
- findings: each expected finding is found when avance gives a finding of that rule on the
  matched record (for a finding with record null: on any record); avance's error and warning
  findings that no expected finding accounts for are listed as unexpected (false alarms).

Standard library only. Exit status 0 whatever the comparison says; 2 when a folder is missing.
"""

import json
import os
import re
import subprocess
import sys
import unicodedata

TIMEOUT = float(os.environ.get("CHECK_REAL_SECONDS", "300"))
NUMBER_TOLERANCE = 0.05
MAX_DETAIL_LINES = int(os.environ.get("CHECK_DETAIL_LINES", "40"))

STRING_FIELDS = [
    "program.code", "program.name", "component.code", "component.name", "activity.code", "activity.name",
    "responsibleUnit", "reportingInstitution",
    "indicator.code", "indicator.name", "indicator.level", "indicator.frequency",
    "indicator.formula", "indicator.unit", "period.start", "period.end",
]
NUMBER_FIELDS = [
    "targets.annual", "targets.modified", "targets.period", "targets.achieved",
    "targets.baseline", "targets.compliancePercent", "targets.compliancePercentModified",
]
BOOL_FIELDS = ["targets.periodIsCumulative"]  # compared only where a period target is expected
FIELDS = STRING_FIELDS + NUMBER_FIELDS + BOOL_FIELDS

ABSENT = object()  # the found record has no such key at all (a field avance does not have yet)
NO_RECORD = object()  # no found record was matched to the expected one


# ---------------------------------------------------------------------------------------
# Folding and comparing values

def fold(text):
    if text is None:
        return ""
    text = str(text)
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = text.lower()
    for a, b in (("“", '"'), ("”", '"'), ("‘", "'"), ("’", "'"), ("–", "-"), ("—", "-")):
        text = text.replace(a, b)
    text = " ".join(text.split())
    return text.strip(" .,;:")


def initials(name):
    """The capitals of a name's words, connectors left out: Instituto Tecnológico Superior de Ciudad Hidalgo → ITSCH."""
    return "".join(w[0] for w in name.split() if w[:1].isupper())


def same_string(expected, found, field):
    a, b = fold(expected), fold(found)
    if field == "reportingInstitution" and isinstance(expected, str) and isinstance(found, str) and found.isupper() \
            and " " not in found and len(found) >= 3:
        # A body found by its acronym: the initials of the name the document spells out.
        letters = fold(initials(expected)).replace(" ", "")
        if letters.startswith(fold(found)) or fold(found) == a:
            return True
    if field == "reportingInstitution" and len(b.split()) >= 3 and a.startswith(b + " "):
        return True  # the body's name without what the document adds after it ("(CPC) del Sistema ...")
    if field == "indicator.code":
        a, b = re.sub(r"[,\s]", "", a), re.sub(r"[,\s]", "", b)
    return a == b or a.replace(" ", "") == b.replace(" ", "")


def as_number(value):
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        return float(value)
    if isinstance(value, str):
        t = value.strip().replace(",", "").rstrip("%").strip()
        try:
            return float(t)
        except ValueError:
            return None
    return None


def same_value(field, expected, found, accepted):
    candidates = [expected] + list(accepted)
    if field in NUMBER_FIELDS:
        f = as_number(found)
        return f is not None and any(
            as_number(c) is not None and abs(as_number(c) - f) <= NUMBER_TOLERANCE for c in candidates)
    if field in BOOL_FIELDS:
        return found is expected or found == expected
    return any(same_string(c, found, field) for c in candidates)


def show(value):
    if value is ABSENT:
        return "(no such field)"
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= 90 else text[:87] + "..."


# ---------------------------------------------------------------------------------------
# Reading the expected and the found records

def expected_value(doc, rec, field):
    head, _, tail = field.partition(".")
    if head == "period":
        period = rec.get("period") if "period" in rec else doc.get("period")
        return (period or {}).get(tail)
    if head == "responsibleUnit":
        unit = rec.get("responsibleUnit")
        return unit.get("name") if isinstance(unit, dict) else unit
    if head == "reportingInstitution":
        body = rec.get("reportingInstitution") if "reportingInstitution" in rec else doc.get("reportingInstitution")
        return body.get("name") if isinstance(body, dict) else body
    part = rec.get(head) or {}
    return part.get(tail)


def dig(obj, *keys):
    """obj[k1][k2]...; ABSENT when a key is missing, None when a level is null."""
    for key in keys:
        if obj is None:
            return None
        if not isinstance(obj, dict) or key not in obj:
            return ABSENT
        obj = obj[key]
    return obj


def first_present(obj, *paths):
    value = ABSENT
    for path in paths:
        value = dig(obj, *path)
        if value is not ABSENT and value is not None:
            return value
    for path in paths:  # all null or absent: null if any of them exists
        if dig(obj, *path) is not ABSENT:
            return None
    return ABSENT


def found_value(rec, field):
    head, _, tail = field.partition(".")
    if field in ("responsibleUnit", "reportingInstitution"):
        unit = rec.get(field, ABSENT)
        if isinstance(unit, dict):
            return unit.get("name") if unit.get("name") is not None else unit.get("acronym")
        return unit
    if field == "indicator.unit":
        return first_present(rec, ("indicator", "unit"), ("targets", "unit"))
    if field == "indicator.formula":
        return first_present(rec, ("indicator", "formula"), ("indicator", "method"), ("indicator", "calculationMethod"))
    if field == "targets.modified":
        return first_present(rec, ("targets", "modified"), ("targets", "adjusted"))
    return dig(rec, head, tail)


def run_avance(binary, path):
    """(status, records or None, document-level findings, message)."""
    try:
        out = subprocess.run([binary, "parse", "--format", "json", path], capture_output=True,
                             text=True, timeout=TIMEOUT)
    except subprocess.TimeoutExpired:
        return "timeout", None, [], f"still running after {TIMEOUT:.0f}s"
    except OSError as error:
        return "error", None, [], f"cannot run {binary}: {error}"
    err = (out.stderr.strip().splitlines() or [""])[0]
    if out.returncode == 2 and not out.stdout.strip():
        return "refused", None, [], err  # `avance parse` prints nothing, or an empty array, for a file it refuses
    if out.returncode not in (0, 2):
        return "crash", None, [], f"exit {out.returncode}: {err}"
    try:
        data = json.loads(out.stdout)
    except ValueError as error:
        return "bad-json", None, [], f"output is not JSON ({error})"
    doc_findings = []
    if isinstance(data, dict):
        doc_findings = data.get("findings") or []
        data = data.get("records") or []
    if not isinstance(data, list):
        return "bad-json", None, [], "output is neither an array of records nor an object with records"
    records = [r for r in data if isinstance(r, dict)]
    if out.returncode == 2 and not records:
        return "refused", None, [], err
    return ("ok" if out.returncode == 0 else "partly"), records, doc_findings, err


# ---------------------------------------------------------------------------------------
# Matching found records to expected ones

def name_of(rec, found):
    if found:
        return fold(dig(rec, "indicator", "name") if dig(rec, "indicator", "name") is not ABSENT else None)
    return fold((rec.get("indicator") or {}).get("name"))


def unit_of(rec, found):
    value = found_value(rec, "responsibleUnit") if found else expected_value(None, rec, "responsibleUnit")
    return fold(None if value is ABSENT else value)


def page_of(rec):
    """The page a found record's evidence stands on, if it says."""
    for path in (("indicator", "evidence", "page"), ("program", "evidence", "page"),
                 ("responsibleUnit", "evidence", "page")):
        value = dig(rec, *path)
        if isinstance(value, int):
            return value
    evidence = dig(rec, "targets", "evidence")
    if isinstance(evidence, list) and evidence and isinstance(evidence[0], dict):
        value = evidence[0].get("page")
        if isinstance(value, int):
            return value
    return None


def match_records(doc, expected, found):
    """{expected index: (found index, how)}."""
    partial = bool(doc.get("partial"))
    used, pairs = set(), {}
    e_names = [name_of(r, False) for r in expected]
    f_names = [name_of(r, True) for r in found]
    e_units = [unit_of(r, False) for r in expected]
    f_units = [unit_of(r, True) for r in found]

    def squash(s):
        return s.replace(" ", "")

    def tie_break(i, j):
        score = 0
        if e_units[i] and e_units[i] == f_units[j]:
            score -= 4
        if fold(expected_value(doc, expected[i], "program.code")) == fold(found_value(found[j], "program.code")):
            score -= 2
        if fold(expected_value(doc, expected[i], "period.start")) == fold(found_value(found[j], "period.start")):
            score -= 1
        for field in ("targets.annual", "targets.achieved", "targets.baseline"):
            e, f = as_number(expected_value(doc, expected[i], field)), as_number(found_value(found[j], field))
            if e is not None and f is not None and abs(e - f) <= NUMBER_TOLERANCE:
                score -= 1
        return (score, abs(j - i), j)

    # 1. by indicator name
    for i, name in enumerate(e_names):
        if not name:
            continue
        candidates = [j for j in range(len(found)) if j not in used and f_names[j]
                      and (f_names[j] == name or squash(f_names[j]) == squash(name))]
        if candidates:
            j = min(candidates, key=lambda j: tie_break(i, j))
            used.add(j)
            pairs[i] = (j, "name")
    # 2. by a label read the other way round (unit as indicator, or indicator as unit)
    for i in range(len(expected)):
        if i in pairs:
            continue
        labels = {x for x in (e_names[i], e_units[i]) if x}
        candidates = [j for j in range(len(found)) if j not in used
                      and ({x for x in (f_names[j], f_units[j]) if x} & labels)]
        if candidates:
            j = min(candidates, key=lambda j: tie_break(i, j))
            used.add(j)
            pairs[i] = (j, "label")
    # 3. by order
    rest = [j for j in range(len(found)) if j not in used]
    if partial:
        last_page = max([(r.get("where") or {}).get("page") or 0 for r in expected] or [0])
        rest = [j for j in rest if j < len(expected)
                and (page_of(found[j]) is None or not last_page or page_of(found[j]) <= last_page)]
    for i in range(len(expected)):
        if i not in pairs and rest:
            pairs[i] = (rest.pop(0), "order")
    return pairs


# ---------------------------------------------------------------------------------------
# Comparing one document

def compare_document(binary, real_folder, doc):
    path = os.path.join(real_folder, doc["file"])
    status, found, doc_findings, message = run_avance(binary, path)
    expected = doc.get("records") or []
    result = {
        "file": doc["file"], "status": status, "message": message,
        "isReport": doc.get("isReport", True), "partial": bool(doc.get("partial")),
        "expected": len(expected), "found": len(found or []), "matched": 0, "how": {},
        "fields": {f: {"right": 0, "wrong": 0, "missing": 0} for f in FIELDS},
        "wrong": [], "missing": [],
        "findingsExpected": len(doc.get("findings") or []), "findingsFound": 0,
        "missed": [], "unexpected": [],
    }
    found = found or []
    pairs = match_records(doc, expected, found) if found else {}
    result["matched"] = len(pairs)
    for _, how in pairs.values():
        result["how"][how] = result["how"].get(how, 0) + 1
    inverse = {j: i for i, (j, _) in pairs.items()}

    counts_fields = doc.get("isReport", True) or found
    if counts_fields:
        for i, rec in enumerate(expected):
            frec = found[pairs[i][0]] if i in pairs else None
            accept = rec.get("accept") or {}
            for field in FIELDS:
                exp = expected_value(doc, rec, field)
                if field in BOOL_FIELDS and expected_value(doc, rec, "targets.period") is None:
                    continue
                got = found_value(frec, field) if frec is not None else NO_RECORD
                present = got is not ABSENT and got is not NO_RECORD and got is not None
                if exp is None and not present:
                    continue
                bucket = result["fields"][field]
                if exp is not None and not present:
                    bucket["missing"] += 1
                    result["missing"].append((i, field, exp, got))
                elif same_value(field, exp, got, accept.get(field, [])) if exp is not None else False:
                    bucket["right"] += 1
                else:
                    bucket["wrong"] += 1
                    result["wrong"].append((i, field, exp, got))

    # Findings
    expected_findings = doc.get("findings") or []
    accounted = {(f["rule"], f["record"]) for f in expected_findings}
    null_rules = {f["rule"] for f in expected_findings if f["record"] is None}

    def rules_of(j):
        return {f.get("rule") for f in (found[j].get("findings") or []) if isinstance(f, dict)}

    all_rules = set().union(*(rules_of(j) for j in range(len(found)))) if found else set()
    all_rules |= {f.get("rule") for f in doc_findings if isinstance(f, dict)}
    for f in expected_findings:
        i = f["record"]
        if i is None:
            ok = f["rule"] in all_rules
        else:
            ok = i in pairs and f["rule"] in rules_of(pairs[i][0])
        if ok:
            result["findingsFound"] += 1
        else:
            result["missed"].append(f)

    def consider(finding, i, where):
        if not isinstance(finding, dict):
            return
        if finding.get("severity") not in ("error", "warning"):
            return
        rule = finding.get("rule")
        if (rule, i) in accounted or rule in null_rules:
            return
        result["unexpected"].append((where, rule, finding.get("severity"), finding.get("message", "")))

    for j, frec in enumerate(found):
        i = inverse.get(j)
        if i is None and result["partial"]:
            continue  # a record of the pages the expected file does not cover
        where = f"record {i}" if i is not None else f"extra record (avance's #{j})"
        for finding in frec.get("findings") or []:
            consider(finding, i, where)
    for finding in doc_findings:
        consider(finding, None, "document")
    return result


# ---------------------------------------------------------------------------------------
# Printing

def classification(r):
    if r["status"] in ("crash", "timeout", "error", "bad-json"):
        return r["status"].upper()
    read = r["status"] in ("ok", "partly") and r["found"] > 0
    if r["isReport"]:
        return "read" if read else "REFUSED"
    # A document that reports no progress (a work program, a MIR) may be refused, or read for
    # its table's rows: the expected records are written for a reader that reads them.
    return "read (not a report)" if read else "refused (right)"


def field_totals(r):
    right = sum(b["right"] for b in r["fields"].values())
    wrong = sum(b["wrong"] for b in r["fields"].values())
    missing = sum(b["missing"] for b in r["fields"].values())
    return right, wrong, missing


def print_report(results):
    name_width = max(len(r["file"]) for r in results)
    header = (f"{'document':<{name_width}}  {'avance':<19} {'records exp/found/match':>23}  "
              f"{'fields right/wrong/missing':>26}  {'findings found/missed/unexpected':>32}")
    print(header)
    print("-" * len(header))
    for r in results:
        right, wrong, missing = field_totals(r)
        records = f"{r['expected']}/{r['found']}/{r['matched']}"
        fields = f"{right}/{wrong}/{missing}"
        findings = f"{r['findingsFound']}/{len(r['missed'])}/{len(r['unexpected'])}"
        mark = " (partial)" if r["partial"] else ""
        print(f"{r['file']:<{name_width}}  {classification(r):<19} {records:>23}  {fields:>26}  {findings:>32}{mark}")
    print()

    for r in results:
        print(f"== {r['file']}")
        print(f"   avance: {r['status']}" + (f" ({r['message']})" if r["message"] else ""))
        if r["matched"]:
            how = ", ".join(f"{n} by {h}" for h, n in sorted(r["how"].items()))
            print(f"   matched: {how}")
        lines = []
        for i, field, exp, got in r["wrong"]:
            lines.append(f"   wrong   record {i} {field}: expected {show(exp)}, found {show(got)}")
        missing_by_field = {}
        for i, field, exp, got in r["missing"]:
            missing_by_field.setdefault(field, []).append((i, got))
        for field, items in missing_by_field.items():
            reasons = []
            for label, test in (("no record matched", lambda g: g is NO_RECORD),
                                ("no such field in avance's records", lambda g: g is ABSENT),
                                ("null", lambda g: g is None)):
                n = sum(1 for _, got in items if test(got))
                if n:
                    reasons.append(f"{n} {label}")
            lines.append(f"   missing {field}: {len(items)} record(s) ({', '.join(reasons)})")
        for f in r["missed"]:
            lines.append(f"   missed finding [{f['rule']}] record {f['record']}: {f['why']}")
        grouped = {}
        for where, rule, severity, message in r["unexpected"]:
            grouped.setdefault((severity, rule), []).append((where, message))
        for (severity, rule), items in grouped.items():
            places = ", ".join(dict.fromkeys(w for w, _ in items))
            if len(places) > 120:
                places = places[:117] + "..."
            lines.append(f"   UNEXPECTED {severity} [{rule}] x{len(items)} on {places}: {items[0][1]}")
        for line in lines[:MAX_DETAIL_LINES]:
            print(line)
        if len(lines) > MAX_DETAIL_LINES:
            print(f"   ... {len(lines) - MAX_DETAIL_LINES} more lines")
        print()

    print("Per field, all documents (right/wrong/missing):")
    for field in FIELDS:
        right = sum(r["fields"][field]["right"] for r in results)
        wrong = sum(r["fields"][field]["wrong"] for r in results)
        missing = sum(r["fields"][field]["missing"] for r in results)
        if right + wrong + missing:
            print(f"   {field:<36} {right:>4} / {wrong:>4} / {missing:>4}")
    print()

    right = sum(field_totals(r)[0] for r in results)
    total = sum(sum(field_totals(r)) for r in results)
    expected_records = sum(r["expected"] for r in results)
    matched = sum(r["matched"] for r in results)
    f_expected = sum(r["findingsExpected"] for r in results)
    f_found = sum(r["findingsFound"] for r in results)
    unexpected = sum(len(r["unexpected"]) for r in results)
    classified = sum(1 for r in results if classification(r) in ("read", "read (not a report)", "refused (right)"))
    print(f"documents read or refused as expected: {classified} of {len(results)}")
    print(f"records matched: {matched} of {expected_records} expected")
    percent = (100.0 * right / total) if total else 0.0
    print(f"fields right: {right} of {total} ({percent:.1f} %)")
    print(f"findings: {f_found} of {f_expected} expected found, {unexpected} unexpected errors/warnings (false alarms)")


def main(argv):
    if len(argv) != 4:
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 2
    binary, real_folder, expected_folder = argv[1:]
    for folder in (real_folder, expected_folder):
        if not os.path.isdir(folder):
            print(f"no such folder: {folder}", file=sys.stderr)
            return 2
    results = []
    for name in sorted(os.listdir(expected_folder)):
        if not name.endswith(".json"):
            continue
        with open(os.path.join(expected_folder, name), encoding="utf-8") as fh:
            doc = json.load(fh)
        if not os.path.isfile(os.path.join(real_folder, doc["file"])):
            print(f"skipped {doc['file']}: not in {real_folder}")
            continue
        results.append(compare_document(binary, real_folder, doc))
    if not results:
        print("no expected record file has its document in the real folder")
        return 0
    print_report(results)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
