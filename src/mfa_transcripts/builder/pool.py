"""Parse pages in worker processes and spill their rows to the staging folder.

:func:`parse_page` is the whole per-page work, a pure function of one file (and its
address): read, parse, turn the records into Arrow record batches (each row's CSV line
beside it) and say what the collate step needs to know of the page. It runs in a
process pool (:func:`parse_pages`), or in this process with ``jobs=1``; either way the
rows end in one Arrow IPC file a table (:class:`Spill`), and nothing downstream reads a
page again. A Dask or Ray map over ``parse_page`` would do the same work on a cluster.
"""

from __future__ import annotations

import hashlib
import json
import multiprocessing
import os
from collections.abc import Callable, Iterable, Iterator
from contextlib import suppress
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import pyarrow as pa

from ..errors import Problem, TranscriptError
from ..fields import arrow_schema, csv_cell, field_specs
from ..schema import MODELS, TABLES, Record
from . import export
from .parse import parse_source
from .read import read_source

__all__ = ["CSV_COLUMN", "PageResult", "Spill", "parse_page", "parse_pages", "spill_schema"]

CSV_COLUMN = "__csv_line"
_TURN_TABLES = ("speeches", "questions", "answers")
# Pages a worker takes at a time, and pages below which an automatic pool is not worth
# starting (each worker imports the parser first).
_CHUNK = 4
_SMALL = 200


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


@cache
def spill_schema(table: str) -> pa.Schema:
    """The table's Arrow schema plus each row's CSV line."""
    return arrow_schema(TABLES[table]).append(pa.field(CSV_COLUMN, pa.string(), nullable=False))


@cache
def _names(table: str) -> list[str]:
    return [s.name for s in field_specs(TABLES[table])]


def _batch(table: str, records: list[Record]) -> tuple[pa.RecordBatch, list[dict[str, Any]]]:
    """Rows as a record batch with their CSV lines; and their JSON-mode dumps."""
    names = _names(table)
    json_rows = [r.model_dump(mode="json") for r in records]
    lines = [export.csv_line([csv_cell(row[n]) for n in names]) for row in json_rows]
    rows = [r.model_dump() for r in records]
    for row, line in zip(rows, lines, strict=True):
        row[CSV_COLUMN] = line
    return pa.RecordBatch.from_pylist(rows, schema=spill_schema(table)), json_rows


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
    batches: dict[str, pa.RecordBatch] = {}
    turns: dict[str, list[dict[str, Any]]] = {}
    for table, records in tables.items():
        batches[table], json_rows = _batch(table, records)
        if table in _TURN_TABLES:
            turns[table] = json_rows
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
        fingerprint=_fingerprint(turns),
        complete=t.complete,
        warnings=list(parsed.warnings),
        accounting=accounting,
        source=export.source_entry(
            t, {name: reason for name, (_value, reason) in (facts or {}).items()}
        ),
        batches=batches,
    )


def _fingerprint(turns: dict[str, list[dict[str, Any]]]) -> str:
    """What two saves of one page share: their turns, offsets aside.

    The page's chrome (header, language line, tags) may differ between the Ministry's
    page and an embassy's repost of it; the same title, date and turns make them one page.
    """
    for rows in turns.values():
        for row in rows:
            row.pop("char_start", None)
            row.pop("char_end", None)
    return hashlib.sha256(json.dumps(turns, sort_keys=True).encode()).hexdigest()


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
            m.table: pa.ipc.new_file(folder / f"{m.table}.arrow", spill_schema(m.table))
            for m in MODELS
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
        self._readers = {
            table: pa.ipc.open_file(pa.memory_map(str(self.folder / f"{table}.arrow")))
            for table in self._writers
        }

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
        rows: list[dict[str, Any]] = batch.drop_columns([CSV_COLUMN]).to_pylist()
        return rows


Reader = Callable[[str, int], list[dict[str, Any]]]
