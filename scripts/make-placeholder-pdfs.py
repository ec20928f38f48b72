#!/usr/bin/env python3
"""Write placeholder one-page PDF files for the documents listed in Content/data/documents.yml.

Usage: python3 scripts/make-placeholder-pdfs.py [CONTENT_DIR]

CONTENT_DIR defaults to Content/ next to this script's folder. Each file is a minimal valid
PDF 1.4 with one A4 page and one line of Helvetica text (Latin transliteration, because the
standard Helvetica font has no Cyrillic glyphs). Python 3 standard library only; the output
is byte-for-byte deterministic, so re-running it does not change committed files.
"""

import os
import sys

# file name under Content/documents/ -> text line on the page
PLACEHOLDERS = {
    "prikaz-45-od.pdf":
        "Prikaz N 45-OD o vnedrenii tselevoy modeli nastavnichestva - placeholder",
    "polozhenie-o-nastavnichestve.pdf":
        "Polozhenie o nastavnichestve - placeholder",
    "programma-nastavnichestva.pdf":
        "Programma nastavnichestva na 2025/2026 uchebnyy god - placeholder",
    "dorozhnaya-karta.pdf":
        "Dorozhnaya karta realizatsii tselevoy modeli nastavnichestva - placeholder",
    "soglasie-na-obrabotku-pd.pdf":
        "Soglasie na obrabotku personalnykh dannykh (forma) - placeholder",
}

SUBTITLE = "MBOU gimnaziya N 9, Stavropol"


def pdf_string(text):
    """A PDF literal string: ASCII only, with \\, ( and ) escaped."""
    text.encode("ascii")  # raises on anything the standard font cannot show
    return "(" + text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)") + ")"


def make_pdf(line):
    content = (
        "BT\n/F1 14 Tf\n56 780 Td\n%s Tj\n0 -22 Td\n/F1 11 Tf\n%s Tj\nET\n"
        % (pdf_string(line), pdf_string(SUBTITLE))
    ).encode("ascii")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
        b"/Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
    ]
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n" % (len(objects) + 1)
    out += b"0000000000 65535 f \n"  # each entry is exactly 20 bytes
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1, xref)
    return bytes(out)


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    content_dir = sys.argv[1] if len(sys.argv) > 1 else os.path.join(here, "..", "Content")
    target = os.path.join(content_dir, "documents")
    os.makedirs(target, exist_ok=True)
    for name, line in PLACEHOLDERS.items():
        path = os.path.join(target, name)
        with open(path, "wb") as f:
            f.write(make_pdf(line))
        print(os.path.normpath(path))


if __name__ == "__main__":
    main()
