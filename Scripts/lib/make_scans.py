"""Scanned samples (issue 18): existing text PDF samples rendered to pictures and put back into
a PDF with no text layer, as a scanner or a photocopier makes them: grey, a little rotated, with
specks of noise. Their expected files (Samples/expected/escaneados/*.json) name the text PDF
whose hand-checked records they must give, and the values that a misreading may change.

The page pictures come from poppler's `pdftoppm` (argument array); Pillow turns and speckles
them with a fixed seed, and ReportLab writes the PDF in its invariant mode, so remaking gives
the same bytes.
"""

import io
import os
import random
import subprocess
import tempfile

# Pillow and ReportLab (the samples' virtual environment) are imported where pictures are made,
# so that Scripts/lib/bench_ocr.py can read the list of scans with the system's Python.

# (scan's name under Samples/escaneados/, the text PDF it is made from, pages to scan (None:
# all; the others are copied with their text layer), degrees turned (a quarter turn or more:
# the landscape page fed sideways, a portrait page in the PDF), scan resolution, seed)
SCANS = [
    ("ipcen-2025-T3-C03.A02-escaneado.pdf", "ipcen-2025-T3-C03.A02.pdf", None, 0.6, 200, 1),
    ("conac-inepja-2023-T3-indicadores-resultados-escaneado.pdf", "conac-inepja-2023-T3-indicadores-resultados.pdf",
     None, -0.4, 200, 2),
    ("ivecol-2025-T3-indicadores-pagina-2-escaneada.pdf", "ivecol-2025-T3-indicadores.pdf", {2}, 0.3, 200, 3),
    ("conac-inepja-2023-T3-indicadores-resultados-de-lado.pdf", "conac-inepja-2023-T3-indicadores-resultados.pdf",
     None, 90.3, 200, 4),
]


def page_sizes(pdf):
    """Each page's size in points, as pdfinfo reports it (as displayed)."""
    out = subprocess.run(["pdfinfo", "-f", "1", "-l", "999", pdf], check=True, capture_output=True, text=True).stdout
    sizes = []
    for line in out.splitlines():
        if line.startswith("Page") and "size:" in line:
            parts = line.split("size:")[1].split()
            sizes.append((float(parts[0]), float(parts[2])))
    return sizes


def scanned_page(pdf, page, dpi, degrees, rng):
    """The page as a scanner gives it: grey, turned a little, with specks."""
    from PIL import Image
    with tempfile.TemporaryDirectory() as folder:
        base = os.path.join(folder, "page")
        subprocess.run(["pdftoppm", "-f", str(page), "-l", str(page), "-r", str(dpi), "-gray", "-png", "-singlefile",
                        pdf, base], check=True, timeout=120)
        img = Image.open(base + ".png").convert("L")
        img.load()
    if degrees >= 45:
        # Fed sideways: a quarter turn (counter-clockwise), the page's picture now portrait.
        img = img.transpose(Image.ROTATE_90)
        degrees -= 90
    img = img.rotate(degrees, resample=Image.BICUBIC, expand=False, fillcolor=255)
    pixels = img.load()
    w, h = img.size
    # About one speck in 2,500 pixels: dust and toner, darker and lighter dots.
    for _ in range(w * h // 2500):
        x, y = rng.randrange(w), rng.randrange(h)
        pixels[x, y] = rng.choice([40, 90, 140])
    return img


def scan(source, target, pages, degrees, dpi, seed):
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas as pdfcanvas
    rng = random.Random(seed)
    sizes = page_sizes(source)
    with tempfile.TemporaryDirectory() as folder:
        parts = []
        for number, (width, height) in enumerate(sizes, start=1):
            part = os.path.join(folder, "part-%d.pdf" % number)
            if pages is not None and number not in pages:
                # A page with its text layer, as the original has it.
                subprocess.run(["pdfseparate", "-f", str(number), "-l", str(number), source, part], check=True, timeout=60)
            else:
                img = scanned_page(source, number, dpi, degrees, rng)
                if degrees >= 45:
                    width, height = height, width
                buffer = io.BytesIO()
                img.save(buffer, format="PNG", optimize=False)
                buffer.seek(0)
                c = pdfcanvas.Canvas(part, pagesize=(width, height), invariant=1)
                c.drawImage(ImageReader(buffer), 0, 0, width=width, height=height)
                c.showPage()
                c.save()
            parts.append(part)
        if len(parts) == 1:
            with open(parts[0], "rb") as f, open(target, "wb") as out:
                out.write(f.read())
        else:
            subprocess.run(["pdfunite"] + parts + [target], check=True, timeout=60)
            fixed_id(target)


def fixed_id(path):
    """pdfunite gives the file a random /ID in its trailer (after the cross-reference table, so
    no offset depends on it): it is replaced by one made from the file's content, so that
    remaking gives the same bytes."""
    import hashlib
    data = open(path, "rb").read()
    start = data.rindex(b"/ID [")
    end = data.index(b"/Root", start)
    digest = hashlib.md5(data[:start]).hexdigest().encode()
    with open(path, "wb") as f:
        f.write(data[:start] + b"/ID [<" + digest + b"> <" + digest + b">] " + data[end:])


# (sample's name under Samples/escaneados/, what it is): a text report whose indicator table was
# pasted into it as a picture. Its table is the ivecol sample's, drawn alone, rendered at the
# resolution below, turned and speckled like a scan, and pasted where the table stood, split
# where the text PDF's table breaks across its two pages; the title, the header fields, the
# notes and the signatures stay text.
PASTED = ("ivecol-2025-T3-indicadores-tabla-pegada.pdf", 200, 0.2, 5)


def table_picture(table, dpi, degrees, rng, folder, name):
    """The table as a picture: drawn alone on a page its size, then 'scanned'; its size in points."""
    from reportlab.pdfgen import canvas as pdfcanvas
    width, height = table.wrap(10000, 10000)
    width, height = width + 4, height + 4
    part = os.path.join(folder, name + ".pdf")
    c = pdfcanvas.Canvas(part, pagesize=(width, height), invariant=1)
    table.drawOn(c, 2, 2)
    c.showPage()
    c.save()
    img = scanned_page(part, 1, dpi, degrees, rng)
    png = os.path.join(folder, name + ".png")
    img.save(png, format="PNG", optimize=False)
    return png, width, height


def pasted_table(out):
    import make_samples as m
    from reportlab.platypus import Image, PageBreak
    name, dpi, degrees, seed = PASTED
    rng = random.Random(seed)
    with tempfile.TemporaryDirectory() as folder:
        # As the text PDF breaks it: I01-I05 on the first page, the header again, I06, I07 and
        # the totals on the second.
        first = table_picture(m.ivecol_table(m.IVECOL_ROWS[:5], total=False), dpi, degrees, rng, folder, "first")
        second = table_picture(m.ivecol_table(m.IVECOL_ROWS[5:]), dpi, degrees, rng, folder, "second")
        story = m.ivecol_head()
        story += [Image(first[0], width=first[1], height=first[2]), PageBreak(),
                  Image(second[0], width=second[1], height=second[2])]
        story += m.ivecol_tail()
        m.ivecol_document(os.path.join(out, "escaneados", name), story)


def write_all(out):
    folder = os.path.join(out, "escaneados")
    os.makedirs(folder, exist_ok=True)
    for name, source, pages, degrees, dpi, seed in SCANS:
        scan(os.path.join(out, source), os.path.join(folder, name), pages, degrees, dpi, seed)
    pasted_table(out)
