"""Models to files: the CSV and Parquet writers (the package's descriptions: :mod:`.describe`).

All of it is generated from :mod:`mfa_transcripts.schema` (through
:mod:`mfa_transcripts.fields`), deterministic (no timestamps, fixed order, ``\\n``
line ends) and streamed: rows are written as pages arrive, in row groups.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import contextmanager, suppress
from functools import cache
from operator import attrgetter
from pathlib import Path
from typing import IO, Any

import pyarrow as pa
import pyarrow.parquet as pq

from .. import arrowcsv, package, safefs
from ..arrowcsv import CSV_SLICE, csv_lines, data_buffer, string_data
from ..fields import arrow_schema, csv_cell, field_specs
from ..schema import Record

__all__ = [
    "CSV_COLUMN",
    "TableWriter",
    "csv_bytes",
    "csv_line",
    "file_digest",
    "json_text",
    "lines_in_python",
    "record_batch",
    "spill_schema",
    "string_data",
]

ROW_GROUP = 10_000
ZSTD_LEVEL = 3
"""The Parquet files' zstd level (see :meth:`TableWriter._open`)."""
COALESCE = 256
"""A table writer merges the batches it buffers (a page's rows each) this many at a time:
every batch costs its columns' bookkeeping, and the transcripts' row group, a row a page,
would otherwise hold 10,000 of them (over 200 MB at 10,000 pages)."""


def json_text(data: Any) -> str:
    """Stable JSON: sorted nothing (order is meaningful), two-space indent, final newline."""
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def file_digest(path: Path) -> tuple[int, str]:
    """(bytes, sha256 hex) of a regular file, read in chunks; never follows a link."""
    return safefs.digest(path)


_NEEDS_QUOTES = re.compile(r'[,"\r\n]')


def csv_line(cells: list[str]) -> str:
    """One CSV record (RFC 4180) ending in ``\\n``: a cell is quoted when it holds a comma,
    a quote or any line break.

    The :mod:`csv` module's writer, with ``\\n`` as line terminator, leaves a lone
    carriage return unquoted, which every reader then takes for the end of the row.
    """
    return ",".join(_quoted(c) for c in cells) + "\n"


def _quoted(cell: str) -> str:
    return '"' + cell.replace('"', '""') + '"' if _NEEDS_QUOTES.search(cell) else cell


CSV_COLUMN = "__csv_line"
"""The column of a spilled batch that holds each row's CSV line, for the tables whose
cells are encoded in Python (:func:`lines_in_python`); the others are encoded in bulk."""


@cache
def lines_in_python(model: type[Record]) -> bool:
    """Whether a table's CSV lines are made a row at a time from the model's JSON-mode dump
    (list and zoned datetime columns: the transcripts, one row a page) rather than in
    bulk by :func:`csv_bytes`."""
    return any(s.kind in _PYTHON_KINDS for s in field_specs(model))


_PYTHON_KINDS = ("array", "datetime")


@cache
def spill_schema(model: type[Record]) -> pa.Schema:
    """The table's Arrow schema, plus each row's CSV line when that is made in Python."""
    schema = arrow_schema(model)
    if lines_in_python(model):
        schema = schema.append(pa.field(CSV_COLUMN, pa.string(), nullable=False))
    return schema


def record_batch(model: type[Record], records: list[Record]) -> pa.RecordBatch:
    """Model instances as a record batch of :func:`spill_schema`, a column at a time.

    The instances were validated when they were made, so their attribute values are what
    ``model_dump()`` gives (str, int, bool, date, datetime, lists of str, None) and go
    to Arrow as they are; only a :func:`lines_in_python` table dumps each row (JSON mode)
    for its CSV line.
    """
    names, types, values, schema = _columns(model)
    rows = list(map(values, records))  # one tuple of values a record
    columns = zip(*rows, strict=True) if rows else ([] for _ in names)
    arrays = [pa.array(column, type=kind) for column, kind in zip(columns, types, strict=True)]
    if lines_in_python(model):
        lines = []
        for record in records:
            row = record.model_dump(mode="json")
            lines.append(csv_line([csv_cell(row[n]) for n in names]))
        arrays.append(pa.array(lines, type=pa.string()))
    return pa.RecordBatch.from_arrays(arrays, schema=schema)


@cache
def _columns(
    model: type[Record],
) -> tuple[
    tuple[str, ...], tuple[pa.DataType, ...], Callable[[Record], tuple[Any, ...]], pa.Schema
]:
    """A table's column names and Arrow types, a getter of a record's values in that
    order, and its spill schema (worked out once a model, not once a page)."""
    schema = spill_schema(model)
    names = tuple(s.name for s in field_specs(model))
    types = tuple(schema.field(name).type for name in names)
    getter = attrgetter(*names)  # several names: a tuple of values
    return names, types, getter, schema


def csv_bytes(table: pa.Table | pa.RecordBatch, model: type[Record]) -> bytes:
    """The CSV lines of ``table``'s rows (no header), encoded as whole columns: the same
    bytes as :func:`csv_line` over each row's :func:`fields.csv_cell` cells
    (:func:`mfa_transcripts.arrowcsv.csv_bytes`).

    For a table whose cells are made in Python (:func:`lines_in_python`), the lines its
    :data:`CSV_COLUMN` holds.
    """
    if lines_in_python(model):
        return string_data(table.column(CSV_COLUMN))
    lines = arrowcsv.csv_bytes(table, [s.name for s in field_specs(model)])
    if lines is None:  # pragma: no cover - only list columns need Python, and they have one
        raise TypeError(f"{model.table}: a cell needs Python to encode")
    return lines


def csv_buffers(table: pa.Table, model: type[Record]) -> Iterator[pa.Buffer]:
    """The bytes of :func:`csv_bytes`, as Arrow buffers (a slice of rows each, no copy
    into Python): the writer hands them to the file as they are made."""
    if lines_in_python(model):
        yield data_buffer(table.column(CSV_COLUMN))
        return
    names = list(_columns(model)[0])
    for start in range(0, table.num_rows, CSV_SLICE):
        lines = csv_lines(table.slice(start, CSV_SLICE), names)
        if lines is None:  # pragma: no cover - only list columns need Python, and they have one
            raise TypeError(f"{model.table}: a cell needs Python to encode")
        yield data_buffer(lines)


class TableWriter:
    """Writes one table as CSV and Parquet at once, a row group at a time.

    The CSV is one file. The Parquet is one file up to :data:`package.ROWS_PER_SHARD`
    rows; past that, shards of that many rows each (the last one shorter), named
    ``<table>-00000-of-00004.parquet`` once the count is known, at :meth:`close`.
    Rows are buffered until a row group's worth is there; then the row group is encoded
    as CSV (whole columns, :func:`csv_bytes`) and as Parquet. Every file is hashed as it
    is written: :attr:`digests` gives each one's size and sha256 after :meth:`close`.
    """

    def __init__(self, model: type[Record], directory: Path) -> None:
        self.model = model
        self.names = [s.name for s in field_specs(model)]
        self.schema = arrow_schema(model)
        self.rows = 0
        self.shards = 1  # Parquet files written, known for sure after close()
        self.digests: dict[str, tuple[int, str]] = {}  # path under the package root -> size, sha
        self._directory = directory
        self._buffer_schema = spill_schema(model)
        self._per_shard = package.ROWS_PER_SHARD
        self._shard_rows = 0  # rows written to the open shard
        self._done: list[tuple[Path, tuple[int, str]]] = []  # closed shards (provisional names)
        self._buffer: list[pa.RecordBatch] = []
        self._loose = 0  # batches at the buffer's end added one by one since it was merged
        self._pending = 0
        self._csv_path = directory / f"{model.table}.csv"
        self._parquet_path = directory / f"{model.table}.parquet"
        self._csv_sha = hashlib.sha256()
        self._csv_size = 0
        self._csv_file: IO[bytes] = self._csv_path.open("wb")
        self._sink: pa.NativeFile | None = None
        self._encoder = ThreadPoolExecutor(max_workers=1, thread_name_prefix=model.table)
        self._encoding: Future[None] | None = None
        self._write_csv(csv_line(self.names).encode("utf-8"))
        self._parquet = self._open(self._parquet_path)

    def _open(self, path: Path) -> pq.ParquetWriter:
        with _naming(path):  # a native file: Arrow writes it without the GIL
            self._sink = pa.OSFile(str(path), mode="wb")
        return pq.ParquetWriter(
            self._sink,
            self.schema,
            compression="zstd",
            # zstd's default level: level 9 made the answers of a 10,000-page archive
            # 5 % smaller (45.4 rather than 47.8 MB) for 4.6 times the CPU (6.2 s, not
            # 1.3 s), and encoding them is the longest chain of the write
            compression_level=ZSTD_LEVEL,
            use_dictionary=True,
            write_statistics=True,
            version="2.6",
            data_page_version="1.0",
            store_schema=True,
        )

    def write(self, records: Iterable[Record]) -> None:
        """Write model instances (one page's rows, say)."""
        self._add(record_batch(self.model, list(records)))

    def write_spilled(self, batch: pa.RecordBatch) -> None:
        """Write a record batch of :func:`spill_schema` (a page's spilled rows)."""
        self._add(batch)

    def _add(self, batch: pa.RecordBatch) -> None:
        self._buffer.append(batch)
        self._loose += 1
        if self._loose >= COALESCE:  # the last pages' small batches become one
            tail = self._buffer[-self._loose :]
            merged = pa.Table.from_batches(tail, schema=self._buffer_schema).combine_chunks()
            self._buffer[-self._loose :] = merged.to_batches()
            self._loose = 0
        self.rows += batch.num_rows
        self._pending += batch.num_rows
        while self._shard_rows + self._pending > self._per_shard:
            self._next_shard()
        if self._pending >= ROW_GROUP:
            self._flush()

    def _next_shard(self) -> None:
        """Fill the open shard to ``ROWS_PER_SHARD`` rows from the buffer, close it, open
        the next one; what is left stays buffered."""
        table = pa.Table.from_batches(self._buffer, schema=self._buffer_schema).combine_chunks()
        room = self._per_shard - self._shard_rows
        self._buffer = table.slice(0, room).to_batches()
        self._pending = room
        self._flush()
        self._close_parquet()
        self._done.append((self._parquet_path, self._digest()))
        self._parquet_path = self._directory / f"{self.model.table}-{len(self._done):05d}.partial"
        self._parquet = self._open(self._parquet_path)
        self._shard_rows = 0
        rest = table.slice(room)
        self._buffer = rest.to_batches() if rest.num_rows else []
        self._loose = 0
        self._pending = rest.num_rows

    def _write_csv(self, data: bytes | pa.Buffer) -> None:
        view = memoryview(data)
        with _naming(self._csv_path):
            self._csv_file.write(view)
        self._csv_sha.update(view)
        self._csv_size += view.nbytes

    def _flush(self) -> None:
        """Write what is buffered as row groups of ``ROW_GROUP`` rows (the last one shorter).

        The buffer is flushed once it holds ``ROW_GROUP`` rows or more, always at a page's
        end (or a shard's), so the row groups are the same whichever way the rows arrived.
        The CSV lines are written here; the Parquet row group is encoded on the writer's
        own thread (compressing is most of a table's time), while the next rows are
        read: one row group at most waits for it.
        """
        if self._buffer:
            table = pa.Table.from_batches(self._buffer, schema=self._buffer_schema)
            self._buffer = []  # the batches are copied into one: let them go
            self._loose = 0
            self._pending = 0
            table = table.combine_chunks()
            for lines in csv_buffers(table, self.model):
                self._write_csv(lines)
            if CSV_COLUMN in table.column_names:
                table = table.drop_columns([CSV_COLUMN])
            self._wait()
            self._encoding = self._encoder.submit(
                self._write_parquet, self._parquet, self._parquet_path, table
            )
            self._shard_rows += table.num_rows

    @staticmethod
    def _write_parquet(writer: pq.ParquetWriter, path: Path, table: pa.Table) -> None:
        with _naming(path):
            writer.write_table(table, row_group_size=ROW_GROUP)

    def _wait(self) -> None:
        """Until the row group being encoded is written (its error raised here)."""
        encoding, self._encoding = self._encoding, None
        if encoding is not None:
            encoding.result()

    def _close_parquet(self) -> None:
        self._wait()
        with _naming(self._parquet_path):
            self._parquet.close()
            assert self._sink is not None
            self._sink.close()

    def _digest(self) -> tuple[int, str]:
        """The closed Parquet file's size and sha256, read back once (about a quarter of
        the CSV's bytes, from the page cache)."""
        return file_digest(self._parquet_path)

    def close(self) -> None:
        self._flush()
        self._wait()
        with _naming(self._parquet_path):
            if self.rows == 0:  # an empty table still gets its schema
                self._parquet.write_table(self.schema.empty_table())
        self._close_parquet()
        self._encoder.shutdown()
        with _naming(self._csv_path):
            self._csv_file.close()
        self.digests[package.csv_path(self.model.table)] = (
            self._csv_size,
            self._csv_sha.hexdigest(),
        )
        files = [*self._done, (self._parquet_path, self._digest())]
        self.shards = len(files)
        for index, (path, digest) in enumerate(files):
            rel = package.parquet_path(self.model.table, index, self.shards)
            if self._done:  # sharded: every shard gets its final name, now the count is known
                final = self._directory.parent / rel
                with _naming(final):
                    path.rename(final)
            self.digests[rel] = digest

    def abort(self) -> None:
        """Close both files after a failure, whatever else fails (they are discarded)."""
        with suppress(Exception):  # its error is the one being handled, or comes after it
            self._wait()
        self._encoder.shutdown()
        closes = [self._parquet.close, self._csv_file.close]
        if self._sink is not None:
            closes.append(self._sink.close)
        for close in closes:
            with suppress(Exception):  # best effort: the staging folder is removed
                close()
        self._parquet.is_open = False  # else ParquetWriter.__del__ retries the close, and fails


@contextmanager
def _naming(path: Path) -> Iterator[None]:
    """Name ``path`` in an I/O error that names no file (a full disk, say)."""
    try:
        yield
    except OSError as exc:
        if exc.filename is None:
            exc.filename = str(path)
        raise
