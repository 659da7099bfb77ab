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
6. Control characters other than tab, line feed, carriage return and form feed → ``binary-file``;
   C1 control characters (U+0080–U+009F, what Windows-1252 bytes become when read as
   Latin-1) → ``encoding-error``.
7. Mojibake: a sequence that is the UTF-8 encoding of a letter or punctuation mark read as
   Windows-1252 or Windows-1251 (``Lavrovâ€™s``, ``РўРµСЂ``, ``Â`` before a no-break
   space) means the page was decoded wrongly before it was saved → ``encoding-error``.
   Such text is refused, never repaired: the repair cannot be checked against the source.

Line ends are not touched: CRLF and lone CR stay in the text, so that offsets into the
decoded text stay true to the file; the layout stage treats all three as line breaks.
"""

from __future__ import annotations

import codecs
import hashlib
import os
import re
import stat
from dataclasses import dataclass
from pathlib import Path

from ..errors import Problem, TranscriptError
from ..safefs import Refused, entry_kind, open_regular

__all__ = ["MAX_BYTES", "SourceText", "decode", "is_folder", "list_seeds", "read_source"]

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
_C1_CONTROL = re.compile(r"[\x80-\x9f]")
_LINE_BREAK = re.compile(r"\r\n|\r|\n")
_CODE_PAGES = {"cp1252": "Windows-1252", "cp1251": "Windows-1251"}
# Runs of UTF-8 lead bytes, each followed by continuation bytes, as a code page shows them.
_MOJIBAKE = {
    cp: re.compile(
        "(?:["
        + re.escape(bytes(range(0xC2, 0xF5)).decode(cp, "ignore"))
        + "]["
        + re.escape(bytes(range(0x80, 0xC0)).decode(cp, "ignore"))
        + "]{1,3})+"
    )
    for cp in _CODE_PAGES
}
# Byte-level screens (see `_non_ascii_runs` and `_holds_control_byte`): the control
# characters above as UTF-8 bytes, and a table that turns every ASCII byte into a space.
_CONTROL_BYTES = bytes([*range(0x00, 0x09), 0x0B, *range(0x0E, 0x20), 0x7F])
_ASCII_TO_SPACE = bytes.maketrans(bytes(range(0x80)), b" " * 0x80)
# What real mojibake decodes to: letters and punctuation of the family's pages.
_PLAUSIBLE = re.compile(r"[\u00a0-\u024f\u0400-\u045f\u2010-\u203a\u20ac\u2116\u2122]")
_WORD = re.compile(r"[^\W\d_]+")
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_LATIN = re.compile(r"[A-Za-z\u00c0-\u024f]")
_LOOK_ALIKES = frozenset("АВЕКМНОРСТХаеорсухіјѕ")  # Cyrillic letters that look Latin
_HIGH_LATIN_RUN = re.compile(r"[\u00c0-\u00ff]{3,}")


@dataclass(frozen=True)
class SourceText:
    """A decoded page: its text (line ends as in the file), how it was read, and its hash."""

    name: str
    text: str
    encoding: str
    sha256: str


def read_source(path: Path, name: str | None = None) -> SourceText:
    """Read and decode one file; raise :class:`TranscriptError` when it is not usable text.

    Only a regular file is read: its type is checked with ``lstat`` before it is opened
    (see :mod:`mfa_transcripts.safefs`), so a symbolic link, a FIFO, a device or a folder
    is refused without being opened or quoted. At most :data:`MAX_BYTES` + 1 bytes are
    read, so a huge file is refused without filling memory.
    """
    label = name or path.name
    try:
        with open_regular(path) as handle:
            size = os.fstat(handle.fileno()).st_size
            if size > MAX_BYTES:
                raise _too_large(label, f"{size:,} bytes")
            data = handle.read(MAX_BYTES + 1)
    except Refused as exc:
        raise _refuse(
            "unreadable-file", label, f"expected a regular file, found {exc.found}"
        ) from None
    except OSError as exc:
        reason = exc.strerror or str(exc)
        raise _refuse(
            "unreadable-file", label, f"expected a readable file, found an error: {reason}"
        ) from exc
    if len(data) > MAX_BYTES:
        raise _too_large(label, "more bytes than that")
    return decode(data, label)


def is_folder(path: Path) -> bool:
    """Whether ``path`` is a folder (a link to one counts: the user named it); never raises."""
    try:
        return stat.S_ISDIR(os.stat(path).st_mode)
    except (OSError, ValueError):
        return False


def list_seeds(seeds: Path, skip: frozenset[str]) -> tuple[list[Path], list[Problem]]:
    """The regular files of a seeds folder, sorted, and a warning for every other entry.

    Hidden entries and the names in ``skip`` are left out silently. A FIFO, a device, a
    socket, a folder (even one named ``x.txt``) or a symbolic link (dangling, looping or
    not) is never opened: each gets an ``unreadable-file`` warning naming it. A folder
    that cannot be listed is an ``unreadable-file`` error.
    """
    try:
        entries = sorted(os.scandir(seeds), key=lambda e: e.name)
    except OSError as exc:
        reason = exc.strerror or type(exc).__name__
        return [], [
            Problem(
                "unreadable-file",
                seeds.name or str(seeds),
                f"expected a readable folder of pages, found an error: {reason}",
            )
        ]
    pages: list[Path] = []
    problems: list[Problem] = []
    for entry in entries:
        if entry.name.startswith(".") or entry.name in skip:
            continue
        mode, found = entry_kind(Path(entry.path))
        if mode is not None and stat.S_ISREG(mode):
            pages.append(Path(entry.path))
            continue
        problems.append(
            Problem(
                "unreadable-file",
                entry.name,
                f"expected a page saved as a regular file, found {found}; left out",
                severity="warning",
            )
        )
    return pages, problems


def decode(data: bytes, name: str) -> SourceText:
    """Decode bytes under the module's rules."""
    if len(data) > MAX_BYTES:
        raise _too_large(name, f"{len(data):,} bytes")
    digest = hashlib.sha256(data).hexdigest()
    text, encoding, utf8 = _decode_text(data, name)
    # Each check below first looks where it is fast to look, and scans the whole text only
    # when that finds something: the verdicts are those of the whole-text scans.
    bad = _CONTROL.search(text) if _holds_control_byte(utf8) else None
    if bad:
        raise _refuse(
            "binary-file",
            name,
            f"expected text, found control character U+{ord(bad.group()):04X}",
            _line_at(text, bad.start()),
        )
    rare = _non_ascii_runs(utf8)
    bad = _C1_CONTROL.search(text) if _C1_CONTROL.search(rare) else None
    if bad:
        raise _refuse(
            "encoding-error",
            name,
            f"expected text, found C1 control character U+{ord(bad.group()):04X} (a "
            "Windows-1252 byte read as Latin-1 before the page was saved); save the page "
            "again from its source as UTF-8",
            _line_at(text, bad.start()),
        )
    if not text.strip():
        raise _refuse("empty-file", name, "expected a transcript page, found only whitespace")
    if _find_mojibake(rare):  # the same runs as in the text: each is non-ASCII
        _refuse_mojibake(text, name)
    return SourceText(name=name, text=text, encoding=encoding, sha256=digest)


def _line_at(text: str, offset: int) -> int:
    """1-based line of ``offset``; LF, CRLF and lone CR all end a line."""
    return len(_LINE_BREAK.findall(text, 0, offset)) + 1


def _too_large(name: str, found: str) -> TranscriptError:
    return _refuse(
        "file-too-large",
        name,
        f"expected a page of at most {MAX_BYTES:,} bytes, found {found}; a page this "
        "large is not a single transcript",
    )


def _holds_control_byte(utf8: bytes) -> bool:
    """Whether the UTF-8 bytes hold one of the control characters :data:`_CONTROL` finds.

    Byte-level: those characters are all ASCII, and in UTF-8 an ASCII character is one
    byte below 0x80 while every byte of any other character is 0x80 or above, so the
    text holds one exactly when the bytes do. Deleting them shortens the bytes only then
    (one pass in C, several times faster than the regex over the text).
    """
    return len(utf8.translate(None, _CONTROL_BYTES)) != len(utf8)


def _non_ascii_runs(utf8: bytes) -> str:
    """The text's runs of non-ASCII characters, in order, one space between two runs.

    Byte-level: as in :func:`_holds_control_byte`, the bytes below 0x80 are exactly the
    ASCII characters, so turning them into spaces and splitting on spaces leaves the
    runs of non-ASCII characters whole, each a valid UTF-8 sequence. A pattern that only
    matches non-ASCII characters (C1 controls, mojibake runs) finds here the same
    matches, in the same order, as in the text, and no match across two runs (a space is
    none of its characters); an English page leaves a few hundred characters to scan.
    """
    return b" ".join(utf8.translate(_ASCII_TO_SPACE).split()).decode("utf-8", "surrogatepass")


def _find_mojibake(text: str) -> tuple[str, re.Match[str], str] | None:
    """The first run of UTF-8 read as a code page: (code page, run, what it encodes).

    A run counts when its bytes decode as UTF-8 to letters or punctuation of the family
    and it is not a pair that real text may hold: in Windows-1251 a lone two-byte pair
    needs a neighbour (``Её`` and ``Рё`` are Russian; ``РўРµ`` is not), in
    Windows-1252 a pair of an accented capital and a symbol is mojibake on its own
    (``Ã©``).
    """
    for cp, pattern in _MOJIBAKE.items():
        for match in pattern.finditer(text):
            decoded = match.group().encode(cp).decode("utf-8", "replace")
            found = [c for c in decoded if c != "\ufffd" and _PLAUSIBLE.fullmatch(c)]
            wide = any(ord(c) >= 0x800 for c in found)  # three bytes: ’ “ ” – — …
            if found and (cp == "cp1252" or len(found) >= 2 or wide):
                return cp, match, "".join(found)
    return None


def _refuse_mojibake(text: str, name: str) -> None:
    """Refuse text that holds UTF-8 read as a code page (see :func:`_find_mojibake`)."""
    first = _find_mojibake(text)
    if first:
        cp, match, found = first
        raise _refuse(
            "encoding-error",
            name,
            f"expected text decoded once, found mojibake {match.group()[:12]!r} (the UTF-8 "
            f"bytes of {found[:4]!r} read as {_CODE_PAGES[cp]}); save the "
            "page again from its source as UTF-8",
            _line_at(text, match.start()),
        )


def _decode_text(data: bytes, name: str) -> tuple[str, str, bytes]:
    """The text, its encoding, and the text's UTF-8 bytes (for UTF-8 input, the input's
    own bytes after any byte-order mark: no second encoding)."""
    if not data:
        raise _refuse("empty-file", name, "expected a transcript page, found an empty file")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            body = data[len(bom) :]
            try:
                text = body.decode(encoding)
                return text, encoding, body if encoding == "utf-8" else _utf8(text)
            except UnicodeDecodeError as exc:
                before = body[: exc.start].decode(encoding, "replace")
                raise _refuse(
                    "encoding-error",
                    name,
                    f"expected {encoding} text after the byte-order mark, found bytes "
                    f"{body[exc.start : exc.start + 4].hex(' ')} at byte "
                    f"{len(bom) + exc.start} that are not {encoding}",
                    _line_at(before, len(before)),
                ) from exc
    for signature, what in _SIGNATURES:
        if what and data.startswith(signature):
            raise _refuse("binary-file", name, f"expected a text page, found {what}", 1)
    nul = data.find(b"\x00")
    if nul >= 0:
        raise _refuse(
            "binary-file",
            name,
            "expected text, found NUL bytes (binary data, or UTF-16 without a byte-order mark)",
            data.count(b"\n", 0, nul) + 1,
        )
    try:
        return data.decode("utf-8"), "utf-8", data
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
        return readings[encoding], encoding, _utf8(readings[encoding])
    if distinct:  # both plausible, and different: point at the first place they differ
        cyrillic, latin = readings["cp1251"], readings["cp1252"]
        at = next(i for i, (a, b) in enumerate(zip(cyrillic, latin, strict=True)) if a != b)
        raise _refuse(
            "encoding-error",
            name,
            f"expected UTF-8 or text that reads one way only, found bytes that read as "
            f"{_word_at(cyrillic, at)!r} in Windows-1251 and as {_word_at(latin, at)!r} in "
            "Windows-1252; re-save the page as UTF-8",
            _line_at(cyrillic, at),
        )
    raise _refuse(
        "encoding-error",
        name,
        f"expected UTF-8 or a plausible 8-bit code page, found byte "
        f"0x{data[utf8_error.start]:02X}, which is not UTF-8, and no reading as Windows-1251 "
        "or Windows-1252 that is not mojibake; re-save the page as UTF-8",
        _line_at(data[: utf8_error.start].decode("latin-1"), utf8_error.start),
    )


def _utf8(text: str) -> bytes:
    # "surrogatepass": a strict decoder never yields a lone surrogate, but should one
    # come, it is encoded (as bytes 0x80 and above) rather than raising here.
    return text.encode("utf-8", "surrogatepass")


def _word_at(text: str, offset: int) -> str:
    """The word around ``offset`` (at most 40 characters)."""
    start, end = offset, offset
    while start > 0 and offset - start < 20 and not text[start - 1].isspace():
        start -= 1
    while end < len(text) and end - offset < 20 and not text[end].isspace():
        end += 1
    return text[start:end]


def _reads_as_cyrillic(text: str) -> bool:
    """Cyrillic words, and no word mixing scripts but for Latin look-alikes (``Jоhn``).

    English pages carry Cyrillic letters that look Latin (``о`` in ``Jоhn``); read as
    Windows-1252 those become accented letters (``Jîhn``). A reading whose only mixed
    words are such look-alikes stays plausible, so that the two code pages disagree and
    the page is refused rather than read with mojibake.
    """
    words = _WORD.findall(text)
    if not any(_CYRILLIC.search(w) for w in words):
        return False
    return not any(
        _LATIN.search(w) and not _LOOK_ALIKES.issuperset(_CYRILLIC.findall(w))
        for w in words
        if _CYRILLIC.search(w)
    )


def _reads_as_latin(text: str) -> bool:
    return _HIGH_LATIN_RUN.search(text) is None and not _CYRILLIC.search(text)


def _refuse(kind: str, name: str, message: str, line: int | None = None) -> TranscriptError:
    return TranscriptError(Problem(kind, name, message, line))
