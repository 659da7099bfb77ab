"""Bytes to text: establish the encoding, refuse what is not text. Knows nothing of transcripts.

Rules, in order:

1. Larger than :data:`MAX_BYTES` → ``file-too-large``; no bytes, or only whitespace →
   ``empty-file``.
2. A byte-order mark decides: UTF-8, UTF-16 (LE/BE) or UTF-32 (LE/BE); the mark itself is
   not part of the decoded text.
3. Known binary signatures (images, archives, PDF) or NUL bytes → ``binary-file``.
4. Valid UTF-8 → UTF-8.
5. Otherwise the bytes are an 8-bit code page: Windows-1251 (Cyrillic) and Windows-1252
   (Latin-1's superset) are both tried and kept only if the result reads as text of that
   script (no word mixes Cyrillic and Latin letters, no run of accented capitals that
   is really Cyrillic). One plausible reading, or two identical ones, is taken; none or two
   different ones → ``encoding-error``. Mojibake never reaches a record.
6. Control characters other than tab, line feed, carriage return and form feed → ``binary-file``.

Line ends are not touched: CRLF and lone CR stay in the text, so that offsets into the
decoded text stay true to the file; the layout stage treats all three as line breaks.
"""

from __future__ import annotations

import codecs
import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

from ..errors import Problem, TranscriptError

__all__ = ["MAX_BYTES", "SourceText", "decode", "read_source"]

MAX_BYTES = 8 * 1024 * 1024
"""The largest page accepted (8 MiB); the longest real transcripts are under 0.5 MiB."""

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_SIGNATURES = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"PK\x03\x04", "a ZIP archive"),
    (b"PK\x05\x06", "a ZIP archive"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"%PDF", "a PDF document"),
    (b"PAR1", "a Parquet file"),
    (b"\x7fELF", "an executable"),
    (b"BM", None),  # too short to trust alone; NUL bytes will tell
)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_WORD = re.compile(r"[^\W\d_]+")
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_LATIN = re.compile(r"[A-Za-z\u00c0-\u024f]")
_HIGH_LATIN_RUN = re.compile(r"[\u00c0-\u00ff]{3,}")


@dataclass(frozen=True)
class SourceText:
    """A decoded page: its text (line ends as in the file), how it was read, and its hash."""

    name: str
    text: str
    encoding: str
    sha256: str


def read_source(path: Path, name: str | None = None) -> SourceText:
    """Read and decode one file; raise :class:`TranscriptError` when it is not usable text."""
    label = name or path.name
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise _refuse(
                "file-too-large",
                label,
                f"expected a page of at most {MAX_BYTES:,} bytes, found {size:,} bytes",
            )
        data = path.read_bytes()
    except OSError as exc:
        raise _refuse("unreadable-file", label, f"cannot read the file: {exc.strerror}") from exc
    return decode(data, label)


def decode(data: bytes, name: str) -> SourceText:
    """Decode bytes under the module's rules."""
    if len(data) > MAX_BYTES:
        raise _refuse(
            "file-too-large",
            name,
            f"expected a page of at most {MAX_BYTES:,} bytes, found {len(data):,} bytes",
        )
    digest = hashlib.sha256(data).hexdigest()
    text, encoding = _decode_text(data, name)
    bad = _CONTROL.search(text)
    if bad:
        line = text.count("\n", 0, bad.start()) + 1
        raise _refuse(
            "binary-file",
            name,
            f"expected text, found control character U+{ord(bad.group()):04X}",
            line,
        )
    if not text.strip():
        raise _refuse("empty-file", name, "expected a transcript page, found no text")
    return SourceText(name=name, text=text, encoding=encoding, sha256=digest)


def _decode_text(data: bytes, name: str) -> tuple[str, str]:
    if not data:
        raise _refuse("empty-file", name, "expected a transcript page, found an empty file")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom) :].decode(encoding), encoding
            except UnicodeDecodeError as exc:
                raise _refuse(
                    "encoding-error",
                    name,
                    f"the byte-order mark says {encoding}, but byte {exc.start} is not {encoding}",
                ) from exc
    for signature, what in _SIGNATURES:
        if what and data.startswith(signature):
            raise _refuse("binary-file", name, f"expected a text page, found {what}")
    if b"\x00" in data:
        raise _refuse(
            "binary-file",
            name,
            "expected text, found NUL bytes (binary data, or UTF-16 without a byte-order mark)",
        )
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as exc:
        utf8_error = exc
    readings = {}
    for encoding, plausible in (("cp1251", _reads_as_cyrillic), ("cp1252", _reads_as_latin)):
        try:
            candidate = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if plausible(candidate):
            readings[encoding] = candidate
    distinct = set(readings.values())
    if len(distinct) == 1:
        encoding = "cp1252" if "cp1252" in readings else "cp1251"
        return readings[encoding], encoding
    line = data.count(b"\n", 0, utf8_error.start) + 1
    found = "both Windows-1251 and Windows-1252 readings" if distinct else "no readable text"
    raise _refuse(
        "encoding-error",
        name,
        f"expected UTF-8 (or a single plausible 8-bit code page), found byte "
        f"0x{data[utf8_error.start]:02X} that is not UTF-8 and {found}; "
        "re-save the page as UTF-8",
        line,
    )


def _reads_as_cyrillic(text: str) -> bool:
    words = _WORD.findall(text)
    if not any(_CYRILLIC.search(w) for w in words):
        return False
    return not any(_CYRILLIC.search(w) and _LATIN.search(w) for w in words)


def _reads_as_latin(text: str) -> bool:
    return _HIGH_LATIN_RUN.search(text) is None and not _CYRILLIC.search(text)


def _refuse(kind: str, name: str, message: str, line: int | None = None) -> TranscriptError:
    return TranscriptError(Problem(kind, name, message, line))
