"""Parse pages in worker processes and spill their rows to the staging folder.

:func:`parse_page` is the whole per-page work, a pure function of one file (and its
address): read, parse, turn the records into Arrow record batches (a column at a time,
:func:`.export.record_batch`) and say what the collate step needs to know of the page.
It runs in a process pool (:func:`parse_pages`), or in this process with ``jobs=1``;
either way the rows end in one Arrow IPC file a table (:class:`Spill`), and nothing
downstream reads a page again. A Dask or Ray map over ``parse_page`` would do the same
work on a cluster.
"""

from __future__ import annotations

import hashlib
import multiprocessing
import os
from collections.abc import Callable, Iterator
from contextlib import suppress
from dataclasses import dataclass, field
from operator import attrgetter
from pathlib import Path
from typing import Any

import pyarrow as pa

from ..errors import Problem, TranscriptError
from ..schema import MODELS, TABLES, Record
from .describe import source_entry
from .export import CSV_COLUMN, record_batch, spill_schema
from .parse import parse_source
from .read import read_source

__all__ = ["CSV_COLUMN", "PageResult", "Spill", "parse_page", "parse_pages", "spill_schema"]

_TURN_TABLES = ("speeches", "questions", "answers")
# Pages a worker takes at a time (their rows converted to Arrow together), and pages
# below which an automatic pool is not worth starting (each worker imports the parser first).
_CHUNK = 8
_SMALL = 200
# What two saves of one page may differ in and still be one page (see _fingerprint).
_OFFSETS = frozenset({"char_start", "char_end"})


@dataclass
class PageResult:
    """What parsing one page gave: its rows (until spilled) and what collate needs."""

    index: int
    name: str
    problem: Problem | None = None
    transcript_id: str = ""
    sha256: str = ""
    fingerprint: str = ""
    complete: bool = True
    warnings: list[Problem] = field(default_factory=list)
    accounting: dict[str, int] = field(default_factory=dict)
    source: dict[str, Any] = field(default_factory=dict)
    batches: dict[str, pa.RecordBatch] = field(default_factory=dict)
    spilled: dict[str, tuple[str, int, int]] = field(default_factory=dict)
    """Where a worker spilled the batches: table -> (file, offset, bytes)."""


Task = tuple[int, Path, str | None, dict[str, tuple[str, str]] | None]
"""One page to parse: its index in file order, its path, its address, its corrections."""


def parse_page(
    index: int,
    path: Path,
    source_url: str | None,
    facts: dict[str, tuple[str, str]] | None = None,
) -> PageResult:
    """Read and parse one page; a bad page is a result with its problem, not an exception.

    ``facts``: what ``seeds/corrections.csv`` states for it, ``field -> (value, reason)``.
    """
    return parse_chunk([(index, path, source_url, facts)])[0]


def parse_chunk(tasks: list[Task]) -> list[PageResult]:
    """:func:`parse_page` over several pages, their rows made into Arrow a table at a time.

    Each Arrow conversion costs a call a column whatever its length: a page's rows are
    a few dozen, so the pages' records are converted together, one record batch a table,
    and each page's batches are slices of those (the same values as :func:`parse_page`
    gives, so the same files).
    """
    parsed = [_parsed(*task) for task in tasks]
    good = [(result, tables) for result, tables in parsed if tables is not None]
    for table, model in TABLES.items():
        batch = record_batch(model, [record for _, tables in good for record in tables[table]])
        start = 0
        for result, tables in good:
            count = len(tables[table])
            result.batches[table] = batch.slice(start, count)
            start += count
    return [result for result, _ in parsed]


def _parsed(
    index: int,
    path: Path,
    source_url: str | None,
    facts: dict[str, tuple[str, str]] | None = None,
) -> tuple[PageResult, dict[str, list[Record]] | None]:
    """A page's result (its batches not made yet) and its records a table; no records
    for a bad page."""
    try:
        parsed = parse_source(read_source(path), source_url, facts)
    except TranscriptError as exc:
        return PageResult(index, path.name, exc.problem), None
    tables: dict[str, list[Record]] = {
        "transcripts": [parsed.transcript],
        "speeches": list(parsed.speeches),
        "questions": list(parsed.questions),
        "answers": list(parsed.answers),
    }
    acc = parsed.accounting
    accounting = {
        "record": acc.record_chars,
        "chrome": sum(acc.chrome_chars.values()),
        "whitespace": acc.whitespace_chars,
        "unaccounted": acc.unaccounted_chars,
        **{f"chrome:{k}": v for k, v in acc.chrome_chars.items()},
    }
    t = parsed.transcript
    result = PageResult(
        index,
        path.name,
        transcript_id=t.transcript_id,
        sha256=t.source_sha256,
        fingerprint=_fingerprint(tables),
        complete=t.complete,
        warnings=list(parsed.warnings),
        accounting=accounting,
        source=source_entry(t, {name: reason for name, (_value, reason) in (facts or {}).items()}),
    )
    return result, tables


def _fingerprint(tables: dict[str, list[Record]]) -> str:
    """What two saves of one page share: their turns, offsets aside.

    The page's chrome (header, language line, tags) may differ between the Ministry's
    page and an embassy's repost of it; the same title, date and turns make them one page.
    The turns' field values (str, int, bool, None), in the model's field order and
    offsets left out, are hashed as their ``repr``: a table's fields are the same for
    every page, so their names add nothing.
    """
    turns = [
        (table, [_compared(r) for r in rows])
        for table, rows in tables.items()
        if table in _TURN_TABLES
    ]
    return hashlib.sha256(repr(turns).encode()).hexdigest()


def _compared(record: Record) -> tuple[Any, ...]:
    getter = _COMPARED.get(type(record))
    if getter is None:
        names = [n for n in type(record).model_fields if n not in _OFFSETS]
        getter = _COMPARED[type(record)] = attrgetter(*names)
    values: tuple[Any, ...] = getter(record)
    return values


_COMPARED: dict[type[Record], Callable[[Record], tuple[Any, ...]]] = {}


def _task(args: tuple[list[Task], Path | None]) -> list[PageResult]:
    """Parse a few pages; with a spill folder, write their rows there (in this process)
    and return only where they are, so that no row crosses between processes."""
    tasks, folder = args
    results = parse_chunk(tasks)
    if folder is not None:
        appender = _appender(folder)
        for result in results:
            appender.spill(result)
    return results


def workers(jobs: int | None, pages: int) -> int:
    """How many processes parse ``pages`` pages: ``jobs``, or the cores when not given."""
    if jobs is not None:
        return max(1, jobs)
    if pages < _SMALL:
        return 1
    return max(1, min(os.cpu_count() or 1, pages // _CHUNK))


def parse_pages(
    pages: list[Path],
    addresses: dict[str, str],
    corrections: dict[str, dict[str, tuple[str, str]]],
    jobs: int,
    folder: Path | None = None,
) -> Iterator[PageResult]:
    """Parse every page, in ``jobs`` processes; results come as they are done.

    With ``folder`` (a :class:`Spill`'s), each process writes the rows it parsed there
    and a result carries where they are (:attr:`PageResult.spilled`), not the rows.
    """
    tasks: list[Task] = [
        (i, p, addresses.get(p.name), corrections.get(p.name)) for i, p in enumerate(pages)
    ]
    chunks = ((tasks[i : i + _CHUNK], folder) for i in range(0, len(tasks), _CHUNK))
    if jobs <= 1:
        for results in map(_task, chunks):
            yield from results
        return
    # spawn, not fork: the parent may hold Arrow's threads, which a fork would copy half-held.
    context = multiprocessing.get_context("spawn")
    with context.Pool(jobs) as pool:
        for results in pool.imap_unordered(_task, chunks):
            yield from results


class _Appender:
    """One process's spill file: record batches as IPC messages, one after another.

    Each process appends to a file of its own (``<pid>.arrows``), so that pages are
    spilled where they are parsed and only their places (offset, size) travel back to
    the process that writes the package. A message is read back on its own with the
    table's schema (:func:`pyarrow.ipc.read_record_batch`); the file needs no footer, so
    a worker ends without closing anything.
    """

    def __init__(self, folder: Path) -> None:
        self.name = f"{os.getpid()}.arrows"
        flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0)
        self._fd = os.open(folder / self.name, flags, 0o600)
        self._offset = 0
        self._path = folder / self.name

    def spill(self, result: PageResult) -> None:
        """Write a page's batches and drop them from the result, keeping their places."""
        for table, batch in result.batches.items():
            if batch.num_rows:
                result.spilled[table] = (self.name, self._offset, self._write(batch.serialize()))
        result.batches = {}

    def _write(self, data: pa.Buffer) -> int:
        view = memoryview(data)
        try:
            while view:  # a regular file takes it all, but for a full disk (an OSError)
                written = os.write(self._fd, view)
                self._offset += written
                view = view[written:]
        except OSError as exc:
            if exc.filename is None:
                exc.filename = str(self._path)
            raise
        size: int = data.size
        return size

    def close(self) -> None:
        os.close(self._fd)


_APPENDERS: dict[Path, _Appender] = {}  # this process's spill file, by spill folder


def _appender(folder: Path) -> _Appender:
    appender = _APPENDERS.get(folder)
    if appender is None:
        appender = _APPENDERS[folder] = _Appender(folder)
    return appender


class Spill:
    """Every page's rows, as Arrow IPC messages in one file a process, read back by
    page in any order.

    Pages parsed in worker processes are spilled there (:func:`parse_pages` with this
    spill's :attr:`folder`); :meth:`add` records where, or spills a page parsed here.
    """

    def __init__(self, folder: Path) -> None:
        folder.mkdir(parents=True)
        self.folder = folder
        self._schemas = {m.table: spill_schema(m) for m in MODELS}
        self._where: dict[tuple[str, int], tuple[str, int, int]] = {}  # -> file, offset, size
        self._files: dict[str, pa.OSFile] = {}

    def add(self, result: PageResult) -> None:
        """Spill a page's batches, if it still has them, and record where they are."""
        if result.batches:
            _appender(self.folder).spill(result)
        for table, place in result.spilled.items():
            self._where[(table, result.index)] = place
        result.spilled = {}

    def close(self) -> None:
        """Finish writing; from now on pages are read back."""
        appender = _APPENDERS.pop(self.folder, None)
        if appender is not None:
            appender.close()
        # Read with plain file reads, not a memory map: a map's pages would count in the
        # build's memory until the end, the whole spill; read batches are freed once written.
        self._files = {
            name: pa.OSFile(str(self.folder / name))
            for name in sorted({place[0] for place in self._where.values()})
        }

    def release(self) -> None:
        """Close the spill files (the package is written)."""
        for file in self._files.values():
            file.close()
        self._files = {}

    def abort(self) -> None:
        appender = _APPENDERS.pop(self.folder, None)
        if appender is not None:
            with suppress(Exception):  # best effort: the staging folder is removed
                appender.close()

    def table_bytes(self) -> dict[str, int]:
        """How many bytes each table's spilled rows take (what writing it costs, roughly)."""
        sizes = dict.fromkeys(TABLES, 0)
        for (table, _index), (_name, _offset, size) in self._where.items():
            sizes[table] += size
        return sizes

    def batch(self, table: str, index: int) -> pa.RecordBatch | None:
        """Page ``index``'s rows of ``table`` (None when it has none)."""
        place = self._where.get((table, index))
        if place is None:
            return None
        name, offset, size = place
        data = self._files[name].read_at(size, offset)  # pread: threads may share a file
        return pa.ipc.read_record_batch(data, self._schemas[table])

    def rows(self, table: str, index: int) -> list[dict[str, Any]]:
        batch = self.batch(table, index)
        if batch is None:
            return []
        if CSV_COLUMN in batch.schema.names:
            batch = batch.drop_columns([CSV_COLUMN])
        rows: list[dict[str, Any]] = batch.to_pylist()
        return rows


Reader = Callable[[str, int], list[dict[str, Any]]]
