#!/usr/bin/env python3
"""Writes samples/district-badge.png: a 96x96 RGBA badge (a navy disc with a gold ring and a white check mark),
drawn pixel by pixel and encoded with zlib + struct only (PNG specification §5, §11.2). Deterministic output."""
import math
import struct
import sys
import zlib
from pathlib import Path

SIZE = 96
NAVY = (22, 46, 94, 255)
GOLD = (230, 176, 40, 255)
WHITE = (255, 255, 255, 255)
CLEAR = (0, 0, 0, 0)


def distance_to_segment(px, py, ax, ay, bx, by):
    dx, dy = bx - ax, by - ay
    t = max(0.0, min(1.0, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)))
    return math.hypot(px - (ax + t * dx), py - (ay + t * dy))


def pixel(x, y):
    cx = cy = (SIZE - 1) / 2
    r = math.hypot(x - cx, y - cy)
    if r > 46:
        return CLEAR
    if r > 40:
        return GOLD
    # The check mark: two thick strokes.
    if min(distance_to_segment(x, y, 28, 50, 42, 64), distance_to_segment(x, y, 42, 64, 70, 34)) < 5:
        return WHITE
    return NAVY


def chunk(kind, data):
    body = kind + data
    return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body) & 0xFFFFFFFF)


def png():
    rows = b"".join(b"\x00" + b"".join(bytes(pixel(x, y)) for x in range(SIZE)) for y in range(SIZE))
    header = struct.pack(">IIBBBBB", SIZE, SIZE, 8, 6, 0, 0, 0)  # 8-bit RGBA, no interlace
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows, 9)) + chunk(b"IEND", b"")


if __name__ == "__main__":
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).with_name("district-badge.png")
    out.write_bytes(png())
    print(f"wrote {out} ({out.stat().st_size} bytes)")
