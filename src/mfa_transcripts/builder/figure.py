"""The card's figure: transcripts per year, stacked by genre, as a small PNG.

Written by hand with :mod:`zlib` rather than matplotlib: the bytes depend on nothing but
the rows (no font rasteriser, no library version in the file), so the same seeds give
the same file on every machine and ``build --check`` can compare it. Digits (years and
counts) are drawn from a 3x5 bitmap font; the colours' legend is in the card's text.
"""

from __future__ import annotations

import struct
import zlib
from collections import Counter
from collections.abc import Iterable

from ..schema import GENRES

__all__ = ["PALETTE", "genre_of", "transcripts_per_year_png"]

# One colour per genre term (colour-blind-safe Okabe–Ito first), then grey for none.
_COLOURS = [
    (0, 114, 178),
    (230, 159, 0),
    (0, 158, 115),
    (204, 121, 167),
    (86, 180, 233),
    (213, 94, 0),
    (240, 228, 66),
    (0, 0, 0),
    (128, 64, 0),
    (100, 100, 200),
    (160, 200, 80),
    (200, 60, 60),
]
PALETTE: dict[str, tuple[int, int, int]] = dict(zip(GENRES, _COLOURS, strict=False))
PALETTE["none"] = (170, 170, 170)

_FONT = {  # 3x5 digits, rows top to bottom, 3 bits each
    "0": (7, 5, 5, 5, 7),
    "1": (2, 6, 2, 2, 7),
    "2": (7, 1, 7, 4, 7),
    "3": (7, 1, 7, 1, 7),
    "4": (5, 5, 7, 1, 1),
    "5": (7, 4, 7, 1, 7),
    "6": (7, 4, 7, 5, 7),
    "7": (7, 1, 1, 1, 1),
    "8": (7, 5, 7, 5, 7),
    "9": (7, 5, 7, 1, 7),
}
BAR, GAP, SCALE, MARGIN, PLOT = 26, 10, 2, 12, 150


def genre_of(genres: list[str]) -> str:
    """The genre a transcript is counted under: its title's first genre term."""
    return genres[0] if genres else "none"


def transcripts_per_year_png(rows: Iterable[tuple[int | None, list[str]]]) -> bytes:
    """PNG bytes of a stacked bar chart from (event year, genre terms) per transcript."""
    counts: Counter[tuple[int, str]] = Counter(
        (year, genre_of(genres)) for year, genres in rows if year is not None
    )
    years = sorted({y for y, _ in counts})
    span = list(range(years[0], years[-1] + 1)) if years else []
    totals = {y: sum(n for (yy, _), n in counts.items() if yy == y) for y in span}
    tallest = max(totals.values(), default=1) or 1
    width = max(MARGIN * 2 + len(span) * (BAR + GAP), 64)
    text = 5 * SCALE
    height = MARGIN + text + 4 + PLOT + 4 + text + MARGIN
    pixels = bytearray(b"\xff" * (width * height * 3))

    def fill(x0: int, y0: int, x1: int, y1: int, colour: tuple[int, int, int]) -> None:
        for y in range(max(y0, 0), min(y1, height)):
            row = y * width * 3
            for x in range(max(x0, 0), min(x1, width)):
                pixels[row + x * 3 : row + x * 3 + 3] = bytes(colour)

    def digits(label: str, centre: int, top: int) -> None:
        left = centre - (len(label) * 4 * SCALE - SCALE) // 2
        for k, char in enumerate(label):
            for r, bits in enumerate(_FONT[char]):
                for c in range(3):
                    if bits >> (2 - c) & 1:
                        x = left + (k * 4 + c) * SCALE
                        y = top + r * SCALE
                        fill(x, y, x + SCALE, y + SCALE, (40, 40, 40))

    base = MARGIN + text + 4 + PLOT
    fill(MARGIN // 2, base, width - MARGIN // 2, base + 1, (40, 40, 40))  # the axis
    for i, year in enumerate(span):
        x = MARGIN + i * (BAR + GAP) + GAP // 2
        top = base
        for genre in [*GENRES, "none"]:
            n = counts.get((year, genre), 0)
            if n:
                h = round(n * PLOT / tallest)
                fill(x, top - h, x + BAR, top, PALETTE[genre])
                top -= h
        if totals[year]:
            digits(str(totals[year]), x + BAR // 2, top - 4 - text)
        digits(f"{year % 100:02d}", x + BAR // 2, base + 4)
    return _png(width, height, bytes(pixels))


def _png(width: int, height: int, rgb: bytes) -> bytes:
    raw = b"".join(
        b"\x00" + rgb[y * width * 3 : (y + 1) * width * 3] for y in range(height)
    )  # filter type 0 on every row

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)  # 8-bit RGB
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(raw, 9))
        + chunk(b"IEND", b"")
    )
