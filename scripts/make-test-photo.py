#!/usr/bin/env python3
"""Makes Tests/Fixtures/images/gps-photo.jpg: a small JPEG carrying what a phone puts in a photo
(EXIF with the camera, its serial number, orientation 6 and a GPS position; an XMP packet with the
position again; a JPEG comment), to prove that portal publishes none of it.

Run once (needs the `vips` command from libvips-tools or libvips' own); the result is committed.
    python3 scripts/make-test-photo.py Tests/Fixtures/images/gps-photo.jpg
"""
import os
import struct
import subprocess
import sys
import tempfile

WIDTH, HEIGHT = 640, 480  # stored sideways: orientation 6 shows it 480 wide, 640 high


def ifd(entries, base):
    """A big-endian TIFF IFD at offset `base`: entries are (tag, type, count, bytes)."""
    head = struct.pack(">H", len(entries))
    data_offset = base + 2 + 12 * len(entries) + 4
    body, extra = b"", b""
    for tag, kind, count, value in sorted(entries):
        if len(value) <= 4:
            body += struct.pack(">HHI", tag, kind, count) + value.ljust(4, b"\0")
        else:
            body += struct.pack(">HHII", tag, kind, count, data_offset + len(extra))
            extra += value + (b"\0" if len(value) % 2 else b"")
    return head + body + struct.pack(">I", 0) + extra


def ascii_(text):
    raw = text.encode() + b"\0"
    return (2, len(raw), raw)


def rationals(*pairs):
    return (5, len(pairs), b"".join(struct.pack(">II", a, b) for a, b in pairs))


def exif():
    # Offsets are from the TIFF header. IFD0 at 8; the Exif and GPS IFDs after it.
    def build(exif_at, gps_at):
        ifd0 = ifd([
            (0x010F, *ascii_("PortalPhone")),
            (0x0110, *ascii_("Model X-GPS")),
            (0x0112, 3, 1, struct.pack(">H", 6)),
            (0x8769, 4, 1, struct.pack(">I", exif_at)),
            (0x8825, 4, 1, struct.pack(">I", gps_at)),
        ], 8)
        return ifd0
    ifd0 = build(0, 0)
    exif_at = 8 + len(ifd0)
    exif_ifd = ifd([(0xA431, *ascii_("SERIAL-PORTAL-0042"))], exif_at)
    gps_at = exif_at + len(exif_ifd)
    gps_ifd = ifd([
        (1, *ascii_("N")),
        (2, *rationals((45, 1), (2, 1), (3456, 100))),
        (3, *ascii_("E")),
        (4, *rationals((41, 1), (58, 1), (4321, 100))),
    ], gps_at)
    tiff = b"MM\0\x2a" + struct.pack(">I", 8) + build(exif_at, gps_at) + exif_ifd + gps_ifd
    return b"Exif\0\0" + tiff


XMP = (b"http://ns.adobe.com/xap/1.0/\0"
       b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
       b'<rdf:Description xmlns:exif="http://ns.adobe.com/exif/1.0/" exif:GPSLatitude="45,2.5776N" '
       b'exif:GPSLongitude="41,58.7202E"/></rdf:RDF></x:xmpmeta>')


def segment(marker, payload):
    return bytes([0xFF, marker]) + struct.pack(">H", len(payload) + 2) + payload


def main(out):
    with tempfile.TemporaryDirectory() as tmp:
        ppm = os.path.join(tmp, "g.ppm")
        with open(ppm, "wb") as f:
            f.write(b"P6 %d %d 255\n" % (WIDTH, HEIGHT))
            f.write(bytes(v for y in range(HEIGHT) for x in range(WIDTH)
                          for v in (x * 255 // WIDTH, y * 255 // HEIGHT, 128)))
        jpg = os.path.join(tmp, "g.jpg")
        subprocess.run(["vips", "copy", ppm, jpg + "[Q=60,strip]"], check=True)
        data = open(jpg, "rb").read()
    assert data[:2] == b"\xff\xd8"
    extra = segment(0xE1, exif()) + segment(0xE1, XMP) + segment(0xFE, b"GPS 45.0429N 41.9787E, taken by PortalPhone")
    with open(out, "wb") as f:
        f.write(data[:2] + extra + data[2:])


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "Tests/Fixtures/images/gps-photo.jpg")
