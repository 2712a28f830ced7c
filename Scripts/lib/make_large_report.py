#!/usr/bin/env python3
"""Writes one large report for Scripts/bench --large: the original sample report's header and
target paragraph, then a narrative of dated sentences up to SIZE megabytes.

    make_large_report.py KIND MEGABYTES OUT
      KIND  line  the narrative on one single line (the worst case of issue 13: a 10 MB line)
            lines the narrative one sentence per line, in paragraphs of ten
            html  the narrative as an HTML page of paragraphs
            csv   the narrative as rows of a CSV table (date, action, institution)
Prints the number of dated sentences written.
"""
import html
import pathlib
import sys

kind, megabytes, out = sys.argv[1], float(sys.argv[2]), pathlib.Path(sys.argv[3])
here = pathlib.Path(__file__).resolve().parent.parent.parent
sample = (here / "Samples" / "sesaeqroo-2024-T3-F.P.C01.A01.txt").read_text(encoding="utf-8")
header = sample.split("### **Resultados alcanzados**")[0]
target = int(megabytes * 1024 * 1024)


def sentence(i):
    return (f"El {i % 28 + 1} de agosto de 2024 se realizó la sesión de trabajo número {i + 1} con las "
            f"áreas de la Secretaría, según consta en la minuta correspondiente.")


sentences = []
size = len(header.encode())
while size < target:
    s = sentence(len(sentences))
    sentences.append(s)
    size += len(s.encode()) + 1

if kind == "line":
    text = header + "\n" + " ".join(sentences) + "\n"
elif kind == "lines":
    paragraphs = ["\n".join(sentences[k:k + 10]) for k in range(0, len(sentences), 10)]
    text = header + "\n" + "\n\n".join(paragraphs) + "\n"
elif kind == "html":
    head = "".join(f"<p>{html.escape(line)}</p>\n" for line in header.splitlines() if line.strip())
    text = ("<!DOCTYPE html><html><head><meta charset=\"utf-8\"></head><body>\n" + head
            + "".join(f"<p>{html.escape(s)}</p>\n" for s in sentences) + "</body></html>\n")
elif kind == "csv":
    text = "Fecha,Acción,Institución\n" + "".join(
        f"{i % 28 + 1:02d}/08/2024,\"{s}\",Secretaría Ejecutiva\n" for i, s in enumerate(sentences))
else:
    sys.exit(f"unknown kind {kind}")
out.write_text(text, encoding="utf-8")
print(len(sentences))
