"""The bulk checks' rules on one slice of a table, a column at a time (Arrow compute):
the constraints the models state, the text rule as one RE2 expression, paragraph and word
counts, IDs from the parent ID and position (transcripts: from event date and title),
offsets. :mod:`mfa_transcripts.checks` runs them on every row group."""

from __future__ import annotations

from typing import Any

from . import schema
from .arrowcsv import literal, strings
from .fields import field_specs
from .schema import FORMAT_CHARACTERS, Record

__all__ = [
    "BREAKS_TEXT_RULE",
    "OTHER_WHITESPACE",
    "all_true",
    "constraints_hold",
    "rules_hold",
    "spaces",
    "transcript_ids_hold",
    "under_text_rule",
]

_TURN_PREFIX = {"speeches": "-s", "questions": "-q"}


def _re2_class(members: str) -> str:
    """A Python character-class body (characters and ``a-b`` ranges) as RE2 escapes."""
    return "".join("-" if c == "-" else f"\\x{{{ord(c):x}}}" for c in members)


# What str.isspace (and so the regex \s of the text rule) takes, but the space and the
# line feed: a test holds this list to a scan of every code point.
OTHER_WHITESPACE = (
    "\t\x0b\x0c\r\x1c\x1d\x1e\x1f\x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005"
    "\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000"
)
_ENDS = " " + _re2_class(FORMAT_CHARACTERS)
BREAKS_TEXT_RULE = (
    # whitespace the rule makes a space, and the invisible separators it takes for one
    f"[{_re2_class(OTHER_WHITESPACE + schema._INVISIBLE)}]"
    + "|  "  # a run of spaces
    + f"|^[{_ENDS}]|[{_ENDS}]$|[{_ENDS}]\\n|\\n[{_ENDS}]"  # a paragraph's ends unstripped
    + "|^\\n|\\n$|\\n\\n\\n|(?:^|[^\\n])\\n(?:[^\\n]|$)"  # breaks but one blank line
)
"""An RE2 pattern that finds, in a text, what :func:`mfa_transcripts.schema.normalise_text`
would change: a text is under the rule exactly when it does not match.

Under the rule a text is paragraphs joined by ``"\\n\\n"``, each without line breaks,
without whitespace but single spaces, without invisible separators, and with no space or
format character at either end. (A test holds the two to each other on generated text.)
"""


def under_text_rule(texts: Any) -> Any:
    """Per text of a string array, whether it is under the text rule (null for null)."""
    import pyarrow.compute as pc

    return pc.invert(pc.match_substring_regex(texts, BREAKS_TEXT_RULE))


def spaces(texts: Any) -> Any:
    """Per text of a string array without nulls, how many spaces (U+0020) it holds.

    With numpy, from the array's bytes at once: where the spaces are, as a bitmap
    (one comparison, packed eight bytes to a byte), the spaces before each byte of the
    bitmap (a running sum of its bytes' bit counts), and so the spaces before each
    text's start (that sum, plus the bits of its first byte below the start); each
    text's count is the difference of its ends'. On the answers of a 10,000-page package
    (146 MB of text, median of 7): 144 ms, against 215 ms for the positions of every
    space and a binary search of them (which writes eight bytes a space) and 458 ms for
    pyarrow's ``count_substring``; without numpy, ``count_substring``.
    """
    import pyarrow as pa
    import pyarrow.compute as pc

    try:
        import numpy as np
    except ImportError:  # pragma: no cover - numpy comes with most pyarrow installs
        return pc.count_substring(texts, " ")
    chunks = texts.chunks if isinstance(texts, pa.ChunkedArray) else [texts]
    counted = []
    for chunk in chunks:
        offsets = np.frombuffer(chunk.buffers()[1], np.int32)[
            chunk.offset : chunk.offset + len(chunk) + 1
        ]
        first, last = int(offsets[0]), int(offsets[-1])
        if last > first:
            data = np.frombuffer(chunk.buffers()[2], np.uint8)[first:last]
            counts = _between(np, data, offsets - first)
        else:
            counts = np.zeros(len(chunk), np.int64)
        # from buffers, not pa.array(numpy): that imports pandas (see arrowcsv)
        counted.append(pa.Array.from_buffers(pa.int64(), len(chunk), [None, pa.py_buffer(counts)]))
    return pa.chunked_array(counted, type=pa.int64())


def _between(np: Any, data: Any, ends: Any) -> Any:
    """How many spaces ``data`` holds between each two of ``ends`` (byte offsets into it,
    ascending, from 0 to its length), as int64."""
    if not hasattr(np, "bitwise_count"):  # pragma: no cover - numpy before 2.0
        found = np.flatnonzero(data == 32)
        return np.diff(np.searchsorted(found, ends)).astype(np.int64, copy=False)
    bits = np.packbits(data == 32, bitorder="little")  # bit k of byte j: data[8j + k]
    before = np.zeros(len(bits) + 1, np.int32)  # spaces before each byte of ``bits``
    np.cumsum(np.bitwise_count(bits), out=before[1:])  # int32: fewer than 2**31 bytes
    whole, part = ends >> 3, (ends & 7).astype(np.uint8)
    padded = np.append(bits, np.uint8(0))  # a text may end at the bitmap's end
    low = (np.left_shift(np.uint8(1), part) - np.uint8(1)).astype(np.uint8)
    at = before[whole] + np.bitwise_count(padded[whole] & low)
    return np.diff(at).astype(np.int64)


def all_true(mask: Any) -> bool:
    """Every value true, and none null."""
    import pyarrow.compute as pc

    return mask.null_count == 0 and pc.all(mask).as_py() is True


def constraints_hold(table: Any, model: type[Record]) -> bool:
    """What the model states of each value (as its Table Schema does), a column at a time;
    list items too: no null item, and each from the closed list when there is one."""
    import pyarrow.compute as pc

    for spec in field_specs(model):
        column = table.column(spec.name)
        if not spec.nullable and column.null_count:
            return False
        values = pc.drop_null(column) if column.null_count else column
        if not len(values):
            continue
        if spec.pattern and not all_true(pc.match_substring_regex(values, spec.pattern)):
            return False
        if spec.min_length is not None and spec.kind == "string":
            # a non-empty UTF-8 string has a code point: bytes say it without decoding
            lengths = pc.binary_length(values) if spec.min_length <= 1 else pc.utf8_length(values)
            if not all_true(pc.greater_equal(lengths, literal(spec.min_length))):
                return False
        if spec.minimum is not None and not all_true(
            pc.greater_equal(values, literal(spec.minimum))
        ):
            return False
        if spec.enum and not all_true(pc.is_in(values, value_set=strings(spec.enum))):
            return False
        if spec.kind == "array":
            items = pc.list_flatten(values)
            if items.null_count:
                return False
            if (
                spec.item_enum
                and len(items)
                and not all_true(pc.is_in(items, value_set=strings(spec.item_enum)))
            ):
                return False
    return True


def transcript_ids_hold(table: Any) -> bool:
    """Each transcript's ID from its event date and title (only the date part shows for
    an untitled page, keyed by its first turn's text)."""
    import pyarrow as pa
    import pyarrow.compute as pc

    from .package import UNDATED, transcript_id

    days = pc.cast(table.column("event_date"), pa.string()).to_pylist()
    for tid, day, title in zip(
        table.column("transcript_id").to_pylist(),
        days,
        table.column("title").to_pylist(),
        strict=True,
    ):
        if title is None:
            if not tid.startswith(f"{day or UNDATED}-"):
                return False
        elif tid != transcript_id(day, title):
            return False
    return True


def rules_hold(table: Any, name: str) -> bool:
    """IDs from parent and position, the text rule, the counts, the offsets."""
    import pyarrow as pa
    import pyarrow.compute as pc

    position = pc.cast(table.column("position"), pa.string())
    if name == "answers":
        parent = table.column("question_id")
        owner = pc.struct_field(pc.extract_regex(parent, r"^(?P<t>.*)-q[0-9]+$"), [0])
        if not all_true(pc.equal(owner, table.column("transcript_id"))):
            return False
        number = pc.utf8_lpad(position, 2, "0")
        expected = pc.binary_join_element_wise(parent, literal("-a"), number, literal(""))
        key = "answer_id"
    else:
        parent = table.column("transcript_id")
        number = pc.utf8_lpad(position, 3, "0")
        prefix = literal(_TURN_PREFIX[name])
        expected = pc.binary_join_element_wise(parent, prefix, number, literal(""))
        key = "speech_id" if name == "speeches" else "question_id"
    if not all_true(pc.equal(table.column(key), expected)):
        return False
    text = table.column("text")
    if not all_true(under_text_rule(text)):
        return False
    # Under the rule every line feed is half of a paragraph break ("\n\n") and every
    # other whitespace a single space: paragraphs = feeds / 2 + 1, words = spaces +
    # feeds / 2 + 1 (both doubled below, to stay in integers).
    feeds = pc.count_substring_regex(text, "\n")
    one, two = literal(1), literal(2)
    paragraphs = pc.multiply(pc.subtract(table.column("paragraph_count"), one), two)
    words = pc.multiply(pc.subtract(table.column("word_count"), one), two)
    return (
        all_true(pc.equal(paragraphs, pc.cast(feeds, pa.int64())))
        and all_true(pc.equal(words, pc.add(pc.multiply(spaces(text), two), feeds)))
        and all_true(pc.greater(table.column("char_end"), table.column("char_start")))
    )
