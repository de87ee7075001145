#!/usr/bin/env python3
"""Renders the PatchDesk icon from its two SVG drawings.

Writes patchdesk-SIZE.png for 16 to 512 px (sizes up to 32 from patchdesk-small.svg,
the rest from patchdesk.svg), patchdesk.ico for Windows and patchdesk.icns for macOS.
Needs rsvg-convert (Debian package librsvg2-bin). Run it from any folder:
    python3 assets/icons/render.py
"""
import os
import struct
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
SMALL_UNTIL = 32
PNG_SIZES = [16, 24, 32, 48, 64, 128, 256, 512]
ICO_SIZES = [16, 24, 32, 48, 64, 128, 256]
# Apple's icon element types, each holding one PNG of the given pixel size.
ICNS_TYPES = [
    (b"icp4", 16), (b"icp5", 32), (b"icp6", 64), (b"ic07", 128), (b"ic08", 256), (b"ic09", 512),
    (b"ic11", 32), (b"ic12", 64), (b"ic13", 256), (b"ic14", 512), (b"ic10", 1024),
]


def render(size, target):
    drawing = "patchdesk-small.svg" if size <= SMALL_UNTIL else "patchdesk.svg"
    subprocess.run(["rsvg-convert", "-w", str(size), "-h", str(size), "-o", target,
                    os.path.join(HERE, drawing)], check=True)
    with open(target, "rb") as f:
        return f.read()


def ico(images):
    """Returns an ICO file whose entries are PNG images, a form Windows reads since Vista."""
    header = struct.pack("<HHH", 0, 1, len(images))
    offset = len(header) + 16 * len(images)
    directory, data = b"", b""
    for size, png in images:
        edge = 0 if size >= 256 else size
        directory += struct.pack("<BBBBHHII", edge, edge, 0, 0, 1, 32, len(png), offset + len(data))
        data += png
    return header + directory + data


def icns(elements):
    body = b"".join(kind + struct.pack(">I", 8 + len(png)) + png for kind, png in elements)
    return b"icns" + struct.pack(">I", 8 + len(body)) + body


def main():
    pngs = {}
    with tempfile.TemporaryDirectory() as scratch:
        for size in sorted(set(PNG_SIZES + ICO_SIZES + [size for _, size in ICNS_TYPES])):
            target = os.path.join(HERE, "patchdesk-%d.png" % size) if size in PNG_SIZES \
                else os.path.join(scratch, "%d.png" % size)
            pngs[size] = render(size, target)
    with open(os.path.join(HERE, "patchdesk.ico"), "wb") as f:
        f.write(ico([(size, pngs[size]) for size in ICO_SIZES]))
    with open(os.path.join(HERE, "patchdesk.icns"), "wb") as f:
        f.write(icns([(kind, pngs[size]) for kind, size in ICNS_TYPES]))
    print("Wrote %d PNG files, patchdesk.ico and patchdesk.icns in %s" % (len(PNG_SIZES), HERE))


if __name__ == "__main__":
    sys.exit(main())
