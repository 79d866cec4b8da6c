#!/usr/bin/python3
"""Writes the example's small evidence PDFs (records/evidence/*.pdf).

Usage: evidence_pdf.py ROOT   (rewrites them; the same bytes every time)

A one-page PDF 1.4 with Helvetica text lines, no dates and no IDs that
change, so the committed files are reproducible; `pdftotext` reads them.
tests/evidence_files_test.py checks the committed files equal what this
writes.
"""
import pathlib
import sys

# path under the root -> the page's lines (ASCII: the font's own encoding)
DOCUMENTS = {
    "records/evidence/mr-2026-01-minutes.pdf": [
        "Harbourside IT Services Ltd",
        "Minutes of the management review MR-2026-01, 22 April 2026",
        "",
        "Chair: Chief Executive Officer. Minutes: SMS Manager.",
        "Inputs (clause 9.3): actions of the October 2025 review; internal",
        "audits AUD-2025-01, AUD-2025-02, AUD-2026-01; service performance;",
        "customer satisfaction and complaints; suppliers; risks; resources.",
        "Decisions: 1. AUD-2026-01 accepted, actions for both minor findings",
        "approved. 2. Objective O8 withdrawn. 3. GBP 38,000 approved for the",
        "privileged access gateway (ACT-2026-03). 4. Key-person risk RSK-004",
        "to be added. 5. SMS suitable, adequate and effective.",
        "",
        "Approved as a true record: Chief Executive Officer, 29 April 2026",
    ],
    "records/evidence/ia-rpt-2026-01.pdf": [
        "Harbourside IT Services Ltd",
        "Internal audit report IA-RPT-2026-01 (audit AUD-2026-01)",
        "Issued 20 March 2026 by Alison Reed, Internal Audit Lead",
        "",
        "Scope: clauses 4 to 7, 9 and 10; change, incident, supplier,",
        "service level and configuration management.",
        "Performed 11 March 2026 at Harbourside House.",
        "Result: 0 major nonconformities, 2 minor, 1 observation, 1 OFI.",
        "Findings are recorded in the findings register.",
    ],
    "records/evidence/trn-003-certificate.pdf": [
        "Assurance Academy UK",
        "Certificate AA-IA-25-1187",
        "",
        "Alison Reed",
        "has passed the course and examination",
        "ISO/IEC 20000-1:2018 Internal Auditor (3 days)",
        "on 20 November 2025. Valid until 20 November 2028.",
    ],
}


def pdf(lines):
    """The bytes of a one-page A4 PDF showing `lines`."""
    def escape(text):
        return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
    text = ["BT", "/F1 11 Tf", "14 TL", "72 770 Td"]
    for line in lines:
        text.append("(%s) '" % escape(line))
    text.append("ET")
    stream = "\n".join(text).encode("ascii")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
        b"/Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1, xref)
    return bytes(out)


def main():
    root = pathlib.Path(sys.argv[1])
    for path, lines in DOCUMENTS.items():
        (root / path).parent.mkdir(parents=True, exist_ok=True)
        (root / path).write_bytes(pdf(lines))


if __name__ == "__main__":
    main()
