#!/usr/bin/env python3
"""Renders svpol's HTML report in headless Chromium and checks that the trend chart is drawn:
the screenshot must hold pixels of each series' colour (Commitment, Problem, Stakeholder).

Usage: chart_drawn.py SVPOL CORPUS WORKDIR
"""
import os
import shutil
import struct
import subprocess
import sys
import zlib

COLOURS = {"Commitment": (0x1B, 0x6C, 0xA8), "Problem": (0xC0, 0x39, 0x2B),
           "Stakeholder": (0x27, 0xAE, 0x60)}


def read_png(path):
    """Decodes an 8-bit RGB or RGBA, non-interlaced PNG into (width, height, rows of bytes)."""
    with open(path, "rb") as f:
        data = f.read()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    pos, idat, width = 8, b"", None
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            width, height, depth, colour, _, _, interlace = struct.unpack(">IIBBBBB", body)
            assert depth == 8 and colour in (2, 6) and interlace == 0, "unsupported PNG"
            bpp = 3 if colour == 2 else 4
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    raw = zlib.decompress(idat)
    stride = width * bpp
    rows, prev = [], bytearray(stride)
    for y in range(height):
        ftype, line = raw[y * (stride + 1)], bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for i in range(stride):
            a = line[i - bpp] if i >= bpp else 0
            b = prev[i]
            c = prev[i - bpp] if i >= bpp else 0
            if ftype == 1:
                line[i] = (line[i] + a) & 0xFF
            elif ftype == 2:
                line[i] = (line[i] + b) & 0xFF
            elif ftype == 3:
                line[i] = (line[i] + (a + b) // 2) & 0xFF
            elif ftype == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 0xFF
        rows.append(line)
        prev = line
    return width, height, bpp, rows


def main():
    svpol, corpus, work = sys.argv[1:4]
    os.makedirs(work, exist_ok=True)
    report = os.path.join(work, "report.html")
    shot = os.path.join(work, "report.png")
    if corpus.endswith(".html"):  # a report made elsewhere (to check this test itself)
        shutil.copy(corpus, report)
    else:
        subprocess.run([svpol, "compare", "--by", "year", "--format", "html", corpus, "-o", report],
                       check=True)
    browser = shutil.which("chromium") or shutil.which("chromium-browser")
    if not browser:
        print("chromium is not installed (scripts/install-deps installs it)")
        return 1
    profile = os.path.join(work, "chromium-profile")
    shutil.rmtree(profile, ignore_errors=True)
    subprocess.run([browser, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                    "--no-first-run", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync", "--user-data-dir=" + profile,
                    "--window-size=1000,700", "--screenshot=" + shot, "file://" + report],
                   check=True, timeout=120, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    width, height, bpp, rows = read_png(shot)
    # Only the plot: the legend below it is drawn in the same colours.
    counts = {name: 0 for name in COLOURS}
    for row in rows[:430]:
        for x in range(width):
            px = tuple(row[x * bpp:x * bpp + 3])
            for name, colour in COLOURS.items():
                if all(abs(p - q) <= 10 for p, q in zip(px, colour)):
                    counts[name] += 1
    print("chart pixels:", counts)
    return 0 if all(n >= 50 for n in counts.values()) else 1


if __name__ == "__main__":
    sys.exit(main())
