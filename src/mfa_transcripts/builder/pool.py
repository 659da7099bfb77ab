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
from collections.abc import Callable, Iterable, Iterator
from contextlib import suppress
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pyarrow as pa

from ..errors import Problem, TranscriptError
from ..schema import MODELS, TABLES, Record
from . import export
from .export import CSV_COLUMN, record_batch, spill_schema
from .parse import parse_source
from .read import read_source

__all__ = ["CSV_COLUMN", "PageResult", "Spill", "parse_page", "parse_pages", "spill_schema"]

_TURN_TABLES = ("speeches", "questions", "answers")
# Pages a worker takes at a time, and pages below which an automatic pool is not worth
# starting (each worker imports the parser first).
_CHUNK = 4
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


def parse_page(
    index: int,
    path: Path,
    source_url: str | None,
    facts: dict[str, tuple[str, str]] | None = None,
) -> PageResult:
    """Read and parse one page; a bad page is a result with its problem, not an exception.

    ``facts``: what ``seeds/corrections.csv`` states for it, ``field -> (value, reason)``.
    """
    try:
        parsed = parse_source(read_source(path), source_url, facts)
    except TranscriptError as exc:
        return PageResult(index, path.name, exc.problem)
    tables: dict[str, list[Record]] = {
        "transcripts": [parsed.transcript],
        "speeches": list(parsed.speeches),
        "questions": list(parsed.questions),
        "answers": list(parsed.answers),
    }
    batches = {table: record_batch(TABLES[table], records) for table, records in tables.items()}
    acc = parsed.accounting
    accounting = {
        "record": acc.record_chars,
        "chrome": sum(acc.chrome_chars.values()),
        "whitespace": acc.whitespace_chars,
        "unaccounted": acc.unaccounted_chars,
        **{f"chrome:{k}": v for k, v in acc.chrome_chars.items()},
    }
    t = parsed.transcript
    return PageResult(
        index,
        path.name,
        transcript_id=t.transcript_id,
        sha256=t.source_sha256,
        fingerprint=_fingerprint(tables),
        complete=t.complete,
        warnings=list(parsed.warnings),
        accounting=accounting,
        source=export.source_entry(
            t, {name: reason for name, (_value, reason) in (facts or {}).items()}
        ),
        batches=batches,
    )


def _fingerprint(tables: dict[str, list[Record]]) -> str:
    """What two saves of one page share: their turns, offsets aside.

    The page's chrome (header, language line, tags) may differ between the Ministry's
    page and an embassy's repost of it; the same title, date and turns make them one page.
    The turns' field values (str, int, bool, None) are hashed as their ``repr``.
    """
    turns = [
        (table, [[(n, v) for n, v in r.__dict__.items() if n not in _OFFSETS] for r in rows])
        for table, rows in tables.items()
        if table in _TURN_TABLES
    ]
    return hashlib.sha256(repr(turns).encode()).hexdigest()


def _task(args: tuple[int, Path, str | None, dict[str, tuple[str, str]] | None]) -> PageResult:
    return parse_page(*args)


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
) -> Iterator[PageResult]:
    """Parse every page, in ``jobs`` processes; results come as they are done."""
    tasks: Iterable[tuple[int, Path, str | None, dict[str, tuple[str, str]] | None]] = (
        (i, p, addresses.get(p.name), corrections.get(p.name)) for i, p in enumerate(pages)
    )
    if jobs <= 1:
        yield from map(_task, tasks)
        return
    # spawn, not fork: the parent may hold Arrow's threads, which a fork would copy half-held.
    context = multiprocessing.get_context("spawn")
    with context.Pool(jobs) as pool:
        yield from pool.imap_unordered(_task, tasks, chunksize=_CHUNK)


class Spill:
    """Every page's rows, one Arrow IPC file a table, read back by page in any order."""

    def __init__(self, folder: Path) -> None:
        folder.mkdir(parents=True)
        self.folder = folder
        self._writers = {
            m.table: pa.ipc.new_file(folder / f"{m.table}.arrow", spill_schema(m)) for m in MODELS
        }
        self._where: dict[tuple[str, int], int] = {}  # (table, page) -> batch number
        self._counts = dict.fromkeys(self._writers, 0)
        self._readers: dict[str, pa.ipc.RecordBatchFileReader] = {}

    def add(self, result: PageResult) -> None:
        """Write a page's batches and drop them from the result."""
        for table, batch in result.batches.items():
            if batch.num_rows:
                self._writers[table].write_batch(batch)
                self._where[(table, result.index)] = self._counts[table]
                self._counts[table] += 1
        result.batches = {}

    def close(self) -> None:
        """Finish writing; from now on pages are read back."""
        for writer in self._writers.values():
            writer.close()
        # Read with plain file reads, not a memory map: a map's pages would count in the
        # build's memory until the end, the whole spill; read batches are freed once written.
        self._readers = {
            table: pa.ipc.open_file(pa.OSFile(str(self.folder / f"{table}.arrow")))
            for table in self._writers
        }

    def release(self) -> None:
        """Close the spill files (the package is written)."""
        self._readers = {}

    def abort(self) -> None:
        for writer in self._writers.values():
            with suppress(Exception):  # best effort: the staging folder is removed
                writer.close()

    def batch(self, table: str, index: int) -> pa.RecordBatch | None:
        """Page ``index``'s rows of ``table`` (None when it has none)."""
        number = self._where.get((table, index))
        return None if number is None else self._readers[table].get_batch(number)

    def rows(self, table: str, index: int) -> list[dict[str, Any]]:
        batch = self.batch(table, index)
        if batch is None:
            return []
        if CSV_COLUMN in batch.schema.names:
            batch = batch.drop_columns([CSV_COLUMN])
        rows: list[dict[str, Any]] = batch.to_pylist()
        return rows


Reader = Callable[[str, int], list[dict[str, Any]]]
