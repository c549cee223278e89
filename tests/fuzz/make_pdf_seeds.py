#!/usr/bin/env python3
# Writes small PDFs with correct cross-reference tables for the fuzz seeds.
import sys, zlib
def pdf(objs, path):
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offs = []
    for i, o in enumerate(objs, 1):
        offs.append(len(out))
        out += b"%d 0 obj\n" % i + o + b"\nendobj\n"
    x = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    for o in offs: out += b"%010d 00000 n \n" % o
    out += b"trailer\n<< /Size %d /Root 1 0 R /Info 2 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, x)
    open(path, "wb").write(out)
def stream(data, extra=b"", compress=False):
    if compress:
        data = zlib.compress(data); extra += b" /Filter /FlateDecode"
    return b"<< /Length %d%s >>\nstream\n" % (len(data), extra) + data + b"\nendstream"
font = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"
info = b"<< /Title (Indictment of Levashov) /Author (Clerk) /CreationDate (D:20170410093000+02'00') >>"
def page(content_ref, parent=3, extra=b""):
    return b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 5 0 R >>%s >> /Contents %d 0 R >>" % (parent, extra, content_ref)
text1 = b"BT /F1 11 Tf 72 720 Td (UNITED STATES DISTRICT COURT) Tj 0 -14 Td (Peter Levashov was arrested on April 7, 2017.) Tj 0 -14 Td [(Kern) -120 (ing) 300 (gap)] TJ ET\nBT /F1 9 Tf 300 40 Td (Page 1) Tj ET"
text2 = b"BT /F1 11 Tf 72 720 Td (Second page, left column text that is hyphen-) Tj 0 -14 Td (ated across lines.) Tj ET BT /F1 11 Tf 320 720 Td (Right column.) Tj ET"
# One page, plain content.
pdf([b"<< /Type /Catalog /Pages 3 0 R >>", info, b"<< /Type /Pages /Kids [4 0 R] /Count 1 >>", page(6), font, stream(text1)], sys.argv[1] + "/one-page.pdf")
# Two pages, compressed streams.
pdf([b"<< /Type /Catalog /Pages 3 0 R >>", info, b"<< /Type /Pages /Kids [4 0 R 7 0 R] /Count 2 >>", page(6), font, stream(text1, compress=True), page(8), stream(text2, compress=True)], sys.argv[1] + "/two-pages-flate.pdf")
# A form XObject and an image: what scans and generator quirks look like.
img = stream(bytes(range(64)), b" /Type /XObject /Subtype /Image /Width 8 /Height 8 /ColorSpace /DeviceGray /BitsPerComponent 8")
form = stream(b"BT /F1 10 Tf 72 600 Td (Inside a form) Tj ET", b" /Type /XObject /Subtype /Form /BBox [0 0 612 792] /Resources << /Font << /F1 5 0 R >> >>")
content = stream(b"q 612 0 0 792 0 0 cm /Im1 Do Q /Fm1 Do BT /F1 8 Tf 72 40 Td (Case 1:17-cr-00001 Document 1 Filed 04/10/17) Tj ET")
pdf([b"<< /Type /Catalog /Pages 3 0 R >>", info, b"<< /Type /Pages /Kids [4 0 R] /Count 1 >>", page(6, extra=b" /XObject << /Im1 7 0 R /Fm1 8 0 R >>"), font, content, img, form], sys.argv[1] + "/image-form.pdf")
