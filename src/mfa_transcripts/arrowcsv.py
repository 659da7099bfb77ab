"""CSV lines from Arrow columns, as whole columns: what the writer writes and the checks read.

:func:`csv_bytes` gives, for a table or record batch of a model's columns, the bytes
:func:`mfa_transcripts.builder.export.csv_line` gives row by row over each value's
:func:`mfa_transcripts.fields.csv_cell` (the model's JSON-mode dump): ``true``/``false``,
ISO dates, datetimes as pydantic writes them, lists as compact JSON, null as an empty
cell, a cell quoted (its quotes doubled) when it holds a comma, a quote or a line break.
Each line is made by one join of its cells and separators, a slice of rows at a time.

Arrow literals here are made from buffers (:func:`literal`, :func:`strings`), never with
``pyarrow.scalar``/``pyarrow.array`` on Python values: those ask pyarrow's pandas shim
whether the value is a pandas object, which imports pandas (0.2 s, 40 MB) when it is
installed.
"""

from __future__ import annotations

import struct
from functools import cache
from typing import Any

import pyarrow as pa
import pyarrow.compute as pc

__all__ = [
    "NEEDS_QUOTES",
    "csv_bytes",
    "csv_lines",
    "data_buffer",
    "literal",
    "string_data",
    "strings",
]

NEEDS_QUOTES = '[,"\r\n]'
"""A cell holding one of these is quoted (RE2 and Python ``re`` alike)."""
_JSON_ESCAPED = '[\\x00-\\x1f"\\\\]'  # what json.dumps(ensure_ascii=False) escapes
CSV_SLICE = 2_000
"""Rows encoded as CSV at a time."""


def strings(values: tuple[str, ...]) -> pa.Array:
    """A string array of ``values``, made from buffers."""
    data = [v.encode("utf-8") for v in values]
    offsets = [0]
    for item in data:
        offsets.append(offsets[-1] + len(item))
    packed = struct.pack(f"<{len(offsets)}i", *offsets)
    buffers = [None, pa.py_buffer(packed), pa.py_buffer(b"".join(data))]
    return pa.Array.from_buffers(pa.string(), len(values), buffers)


@cache
def literal(value: str | int | bool) -> pa.Scalar:
    """An Arrow scalar of a string, an int64 or a boolean, made from buffers."""
    if isinstance(value, bool):
        array = pa.Array.from_buffers(pa.bool_(), 1, [None, pa.py_buffer(bytes([value]))])
    elif isinstance(value, int):
        array = pa.Array.from_buffers(pa.int64(), 1, [None, pa.py_buffer(struct.pack("<q", value))])
    else:
        array = strings((value,))
    return array[0]


def string_data(strings: Any) -> bytes:
    """The bytes of a string array's values, one after the other (a scalar's bytes)."""
    if isinstance(strings, pa.Scalar):
        return b"" if not strings.is_valid else strings.as_buffer().to_pybytes()
    if isinstance(strings, pa.ChunkedArray):
        return b"".join(string_data(chunk) for chunk in strings.chunks)
    if not len(strings):
        return b""
    offsets = memoryview(strings.buffers()[1]).cast("i")  # int32, as string arrays have
    first = strings.offset
    start, end = int(offsets[first]), int(offsets[first + len(strings)])
    return memoryview(strings.buffers()[2])[start:end].tobytes()


def _any(mask: Any) -> bool:
    return pc.any(mask).as_py() is True


def _datetimes(column: Any) -> Any:
    """Zoned timestamps as pydantic's JSON mode writes them: ``2016-11-17T12:34:00+03:00``,
    with six digits of fraction only when there is one."""
    zone = column.type.tz
    text = pc.strftime(column, format="%Y-%m-%dT%H:%M:%S")  # always ``.ffffff`` for µs
    whole = pc.equal(pc.utf8_slice_codeunits(text, -6), literal("000000"))
    text = pc.if_else(whole, pc.utf8_slice_codeunits(text, 0, -7), text)
    return pc.binary_join_element_wise(text, literal(zone), literal(""))


def _json_lists(column: Any) -> Any | None:
    """Lists of strings as ``json.dumps(items, ensure_ascii=False, separators=(",", ":"))``
    gives them; None if an item holds a character JSON escapes (left to Python)."""
    items = pc.list_flatten(column)
    if items.null_count or (len(items) and _any(pc.match_substring_regex(items, _JSON_ESCAPED))):
        return None
    joined = pc.binary_join_element_wise(
        literal('["'), pc.binary_join(column, literal('","')), literal('"]'), literal("")
    )
    return pc.if_else(pc.equal(pc.list_value_length(column), literal(0)), literal("[]"), joined)


def _cells(column: Any) -> Any | None:
    """A column as CSV cells before quoting (nulls empty); None if it needs Python."""
    kind = column.type
    if pa.types.is_boolean(kind):
        cells = pc.if_else(column, literal("true"), literal("false"))
    elif pa.types.is_string(kind):
        cells = column
    elif pa.types.is_integer(kind) or pa.types.is_date(kind):
        cells = pc.cast(column, pa.string())
    elif pa.types.is_timestamp(kind) and kind.tz is not None and kind.unit == "us":
        cells = _datetimes(column)
    elif pa.types.is_list(kind) and pa.types.is_string(kind.value_type):
        cells = _json_lists(column)
        if cells is None:
            return None
    else:
        raise TypeError(f"no bulk CSV encoding for {kind}")
    return pc.fill_null(cells, literal("")) if cells.null_count else cells


def _pieces(column: Any) -> list[Any] | None:
    """A column's part of each line: its cells, quoted where they must be."""
    cells = _cells(column)
    if cells is None:
        return None
    if not (pa.types.is_string(column.type) or pa.types.is_list(column.type)):
        return [cells]  # digits, dates, true/false: never quoted
    needs = pc.match_substring_regex(cells, NEEDS_QUOTES)
    if not _any(needs):
        return [cells]
    if _any(pc.match_substring_regex(cells, '"')):
        cells = pc.replace_substring(cells, '"', '""')
    quote = pc.if_else(needs, literal('"'), literal(""))
    return [quote, cells, quote]


def csv_lines(table: pa.Table | pa.RecordBatch, names: list[str]) -> Any | None:
    """The CSV lines of ``table``'s columns ``names``, in that order, as a string array
    (one line a row, each ending in ``\n``); None if a value can only be encoded in
    Python (a list item JSON escapes). All rows at once: see :func:`csv_bytes`."""
    pieces: list[Any] = []
    for name in names:
        column = _pieces(table.column(name))
        if column is None:
            return None
        if pieces:
            pieces.append(literal(","))
        pieces += column
    pieces.append(literal("\n"))
    return pc.binary_join_element_wise(*pieces, literal(""))


def csv_bytes(table: pa.Table | pa.RecordBatch, names: list[str]) -> bytes | None:
    """The bytes of :func:`csv_lines`, made :data:`CSV_SLICE` rows at a time (the cells,
    lines and bytes of a whole row group at once would hold several copies of its texts)."""
    parts = []
    for start in range(0, table.num_rows, CSV_SLICE):
        lines = csv_lines(table.slice(start, CSV_SLICE), names)
        if lines is None:
            return None
        parts.append(string_data(lines))
    return b"".join(parts)


def data_buffer(strings: Any) -> pa.Buffer:
    """The bytes of a string array's values as an Arrow buffer (no copy); a chunked
    array's must be one chunk."""
    if isinstance(strings, pa.ChunkedArray):
        strings = strings.chunk(0) if strings.num_chunks == 1 else strings.combine_chunks()
    if not len(strings):
        return pa.py_buffer(b"")
    offsets = memoryview(strings.buffers()[1]).cast("i")
    start = int(offsets[strings.offset])
    end = int(offsets[strings.offset + len(strings)])
    return strings.buffers()[2].slice(start, end - start)
