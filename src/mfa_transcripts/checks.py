"""The row checks of a published package, in bulk: Arrow tables and compute, no model a row.

:func:`rows_hold` answers one question — does every row check of
:mod:`mfa_transcripts.validate` pass? — with whole-column operations:

* the Parquet schemas are the models' Arrow schemas;
* every table is read a row group at a time, the row groups of all tables shared out
  among a thread a core (Arrow decodes and computes without the GIL); memory holds a few
  row groups and the key columns, not the tables;
* every value meets the constraints its model states (required, pattern, minLength,
  minimum, enum, list items from a closed list), a column at a time;
* the rules the field descriptions state: IDs built from the parent ID and position
  (transcripts: from event date and title), the text rule (one regular expression over
  the column, for what the rule would change), paragraph and word counts (line feeds and
  spaces counted a text at a time), offsets;
* keys unique, references resolving, transcripts' counts and word sums matching their
  rows (grouped counts), rows in the published order (each row against the next);
* each CSV file is byte for byte the CSV rendering of its Parquet copy
  (:func:`mfa_transcripts.arrowcsv.csv_bytes`, compared a row group at a time, in
  order), so the two copies hold the same rows and the CSV is valid UTF-8 with the
  models' header.

The rules on one slice of a table are in :mod:`mfa_transcripts.column_rules`; this module
reads the row groups, compares the CSV files and checks across tables.

It says yes or no, not where: when it says no (or meets anything unexpected), the
caller runs the row-by-row pass, which names every problem with its file and line. A
package that passes here passes there; the suite's tampering tests hold the two
verdicts together.
"""

from __future__ import annotations

import os
import threading
from pathlib import Path
from typing import Any, NamedTuple

from . import schema
from .arrowcsv import CSV_SLICE, csv_lines, data_buffer, literal
from .column_rules import (
    BREAKS_TEXT_RULE,
    OTHER_WHITESPACE,
    all_true,
    constraints_hold,
    rules_hold,
    spaces,
    transcript_ids_hold,
    under_text_rule,
)
from .fields import arrow_schema, field_specs
from .package import csv_path, parquet_paths
from .schema import MODELS, Record, Transcript

__all__ = ["BREAKS_TEXT_RULE", "OTHER_WHITESPACE", "rows_hold", "spaces", "under_text_rule"]

# Columns kept for the checks across tables (keys, references, counts, order) and, of
# the transcripts, for the descriptor's sources (file, address, hash, corrected facts).
_KEPT_TURNS = {"transcript_id", "speech_id", "question_id", "answer_id", "position", "word_count"}
_KEPT_TRANSCRIPTS = {
    "transcript_id",
    "speech_count",
    "question_count",
    "answer_count",
    "word_count",
    "source_file",
    "source_url",
    "source_sha256",
    "corrections",
    *schema.CORRECTABLE,
}


def rows_hold(
    root: Path, shards: dict[str, int] | None = None, max_bytes: int | None = None
) -> dict[str, Any] | None:
    """The key columns of every table when every row check passes under ``root``; None
    otherwise.

    ``shards`` names the tables whose Parquet is sharded and their shard count. A Parquet
    file whose metadata says it decompresses to more than ``max_bytes`` is not decoded
    (None: the row pass names the limit).
    """
    tables: dict[str, Any] = {}
    try:
        holds = _rows_hold(root, tables, shards or {}, max_bytes)
    except Exception:  # anything odd (a missing file, say): the row pass says what it is
        holds = False
    return tables if holds else None


def _rows_hold(
    root: Path, tables: dict[str, Any], shards: dict[str, int], max_bytes: int | None
) -> bool:
    import pyarrow as pa
    import pyarrow.parquet as pq

    groups = []  # (model, file, metadata, row group), every table's in file order
    for model in MODELS:
        expected = arrow_schema(model)
        for rel in parquet_paths(model.table, shards.get(model.table, 1)):
            parquet = pq.ParquetFile(root / rel)
            if not parquet.schema_arrow.equals(expected, check_metadata=False):
                return False
            metadata = parquet.metadata
            unpacked = sum(  # as the row pass counts it, so that the two agree
                metadata.row_group(g).column(c).total_uncompressed_size
                for g in range(metadata.num_row_groups)
                for c in range(metadata.num_columns)
            )
            if max_bytes is not None and unpacked > max_bytes:
                return False  # a decompression bomb, say: never decoded
            groups += [(model, root / rel, metadata, g) for g in range(metadata.num_row_groups)]
    descriptors: dict[str, int] = {}
    try:
        for model in MODELS:
            descriptors[model.table] = os.open(root / csv_path(model.table), os.O_RDONLY)
        kept = _groups_hold(groups, descriptors)
    finally:
        for fd in descriptors.values():
            os.close(fd)
    if kept is None:
        return False
    for model in MODELS:
        parts = kept[model.table]
        names = _kept(model)
        tables[model.table] = (
            pa.Table.from_batches(parts)
            if parts
            else arrow_schema(model).empty_table().select(names)
        )
    return _keys_hold(tables) and _counts_hold(tables) and _order_holds(tables)


def _kept(model: type[Record]) -> list[str]:
    kept = _KEPT_TRANSCRIPTS if model is Transcript else _KEPT_TURNS
    return [s.name for s in field_specs(model) if s.name in kept]


def _groups_hold(
    groups: list[tuple[Any, ...]], descriptors: dict[str, int]
) -> dict[str, list[Any]] | None:
    """Every row group's checks on a thread a core; the key columns of every table, or
    None if a check fails.

    Each CSV file must be its header, then each row group's lines in file order, then
    nothing. A row group's lines start where the previous group's end, known once that
    group is compared: each group hands the next its end offset (a future), compares
    its lines as soon as its own start is known, and holds only the lines made before
    that. A group done before its predecessor leaves the comparison of what it holds to
    the moment its start is known (a callback), so no thread waits.
    """
    from concurrent.futures import Future, ThreadPoolExecutor

    ends: dict[str, Future[int | None]] = {}
    every_end = []
    for model in MODELS:
        header = (",".join(s.name for s in field_specs(model)) + "\n").encode()
        ends[model.table] = Future()
        same = os.pread(descriptors[model.table], len(header), 0) == header
        ends[model.table].set_result(len(header) if same else None)
    workers = max(1, min(4, os.cpu_count() or 1))
    tasks = []
    with ThreadPoolExecutor(max_workers=workers) as pool:
        for model, path, metadata, group in groups:
            start, end = ends[model.table], Future[int | None]()
            ends[model.table] = end
            every_end.append(end)
            todo = _Group(model, path, metadata, group, descriptors[model.table], start)
            tasks.append((model, pool.submit(_group_holds, todo, end)))
        kept: dict[str, list[Any]] = {m.table: [] for m in MODELS}
        failed = False
        for model, task in tasks:
            batches = task.result()
            if batches is None:
                failed = True
            else:
                kept[model.table] += batches
    if failed or any(end.result() is None for end in every_end):
        return None
    for model in MODELS:
        if ends[model.table].result() != os.fstat(descriptors[model.table]).st_size:
            return None  # the CSV goes on past the rows (or its header is wrong)
    return kept


class _Group(NamedTuple):
    """One row group to check: its table's model, its Parquet file (footer already read),
    the CSV file's descriptor, and where its lines start (the previous group's end, a
    future)."""

    model: type[Record]
    path: Path
    metadata: Any
    group: int
    fd: int
    start: Any


def _group_holds(task: _Group, end: Any) -> list[Any] | None:
    """One row group's own checks, :data:`arrowcsv.CSV_SLICE` rows at a time, and its
    CSV lines against the file from ``task.start``; sets ``end``, now or once the start
    is known. Its key columns, or None if a check fails."""
    import pyarrow as pa

    fd, start = task.fd, task.start
    held: list[Any] = []  # lines made before the group's start was known
    try:
        done = _slices_hold(task, held)
    except BaseException:
        end.set_result(None)
        raise
    finally:
        # mimalloc (Arrow's default allocator) keeps what a thread freed for a while; a
        # row group's decoded pages and lines would stay resident as the next is read
        pa.default_memory_pool().release_unused()
    if done is None:
        end.set_result(None)
        return None
    kept, offset = done
    if offset is not None:
        end.set_result(offset)
        return kept

    def finish(previous: Any) -> None:
        try:
            at = previous.result()
            end.set_result(None if at is None else _compare(fd, at, held))
        except BaseException:  # a callback's error would be logged, not raised
            if not end.done():
                end.set_result(None)

    start.add_done_callback(finish)
    return kept


def _slices_hold(task: _Group, held: list[Any]) -> tuple[list[Any], int | None] | None:
    """The checks of one row group, :data:`RULE_SLICE` rows at a time (their CSV lines
    :data:`arrowcsv.CSV_SLICE` at a time): its key columns and the offset its
    lines end at (None if its start is not known yet: they are in ``held``); None if a
    check fails."""
    import pyarrow.parquet as pq

    model, path, metadata, group, fd, start = task
    names = [s.name for s in field_specs(model)]
    key_names = _kept(model)
    # a reader of its own (the footer already read): groups are read side by side
    parquet = pq.ParquetFile(path, metadata=metadata)
    offset: int | None = None
    kept = []
    for rows in parquet.iter_batches(batch_size=RULE_SLICE, row_groups=[group], use_threads=False):
        # the rules a few slices at a time: each call compiles its regular expressions
        if not constraints_hold(rows, model):
            return None
        if model is Transcript:
            if not transcript_ids_hold(rows):
                return None
        elif not rules_hold(rows, model.table):
            return None
        kept.append(rows.select(key_names))
        for first in range(0, rows.num_rows, CSV_SLICE):
            lines = csv_lines(rows.slice(first, CSV_SLICE), names)
            if lines is None:  # a list item JSON escapes: the row pass compares it
                return None
            held.append(data_buffer(lines))
            del lines
            if offset is None and (start.done() or sum(h.size for h in held) > MAX_HELD_BYTES):
                offset = start.result()  # waits, when this group holds too much already
                if offset is None:
                    return None  # an earlier group failed
            if offset is not None:
                offset = _compare(fd, offset, held)
                if offset is None:
                    return None
        del rows
    if offset is None and start.done():
        offset = start.result()
        if offset is None:
            return None
        offset = _compare(fd, offset, held)
        if offset is None:
            return None
    return kept, offset


RULE_SLICE = 4 * CSV_SLICE
"""Rows checked against the rules at a time (a row group's at most): each compute call
compiles its regular expressions anew, the text rule's in about 2 ms."""

MAX_HELD_BYTES = 8 << 20
"""The most CSV lines a row group holds (8 MiB) before it waits for the group before it
(which is already running, or done): a thread that got ahead does not run away."""

_ROOMS = threading.local()
_ROOM_BYTES = 1 << 20
"""The file's bytes are compared with the lines this much at a time (1 MiB)."""


def _room() -> memoryview:
    """This thread's buffer for the file's bytes (one a thread, rather than a new bytes
    object a slice; of a fixed size, so that it never grows to a row group's lines)."""
    buffer = getattr(_ROOMS, "buffer", None)
    if buffer is None:
        buffer = _ROOMS.buffer = bytearray(_ROOM_BYTES)
    return memoryview(buffer)


def _compare(fd: int, offset: int, held: list[Any]) -> int | None:
    """Whether the file's bytes from ``offset`` are the ``held`` buffers, one after the
    other; the offset past them (``held`` emptied), or None."""
    import pyarrow as pa

    room = _room()
    for data in held:
        for start in range(0, data.size, _ROOM_BYTES):
            piece = data.slice(start, min(_ROOM_BYTES, data.size - start))
            part = room[: piece.size]
            if os.preadv(fd, [part], offset) != piece.size or not pa.py_buffer(part).equals(piece):
                return None
            offset += piece.size
    held.clear()
    return offset


def _keys_hold(tables: dict[str, Any]) -> bool:
    import pyarrow.compute as pc

    for model in MODELS:
        table = tables[model.table]
        keys = table.column(model.primary_key)
        if pc.count_distinct(keys).as_py() != table.num_rows:
            return False
        for field, target, target_key in model.foreign_keys:
            known = tables[target].column(target_key).combine_chunks()
            if not all_true(pc.is_in(table.column(field), value_set=known)):
                return False
    return True


def _counts_hold(tables: dict[str, Any]) -> bool:
    """Each transcript's counts and word count are those of its rows.

    A table in the published order holds each transcript's rows in one run: the runs'
    lengths and word sums (from run ends and a running sum of the words; not
    ``Table.group_by``, which loads pyarrow's query engine, and so pandas) are looked up
    by transcript ID. A transcript in two runs breaks the order: no.
    """
    import pyarrow as pa
    import pyarrow.compute as pc

    transcripts = tables["transcripts"]
    ids = transcripts.column("transcript_id").combine_chunks()
    zero = literal(0)
    nothing = pc.multiply(pc.cast(pc.binary_length(ids), pa.int64()), zero)  # a 0 each
    words = nothing
    for name, field in (
        ("speeches", "speech_count"),
        ("questions", "question_count"),
        ("answers", "answer_count"),
    ):
        table = tables[name]
        counts = run_words = nothing
        if table.num_rows:
            encoded = pc.run_end_encode(table.column("transcript_id").combine_chunks())
            owners = encoded.values
            if pc.count_distinct(owners).as_py() != len(owners):
                return False
            ends = pc.cast(encoded.run_ends, pa.int64())
            word_counts = table.column("word_count").combine_chunks()
            totals = pc.cumulative_sum(pc.cast(word_counts, pa.int64()))
            at_ends = pc.take(totals, pc.subtract(ends, literal(1)))
            lengths = pc.fill_null(pc.pairwise_diff(ends), ends[0])  # the first run: its end
            sums = pc.fill_null(pc.pairwise_diff(at_ends), at_ends[0])
            where = pc.index_in(ids, value_set=owners)
            counts = pc.fill_null(pc.take(lengths, where), zero)
            run_words = pc.fill_null(pc.take(sums, where), zero)
        if not all_true(pc.equal(transcripts.column(field), counts)):
            return False
        words = pc.add(words, run_words)
    return all_true(pc.equal(transcripts.column("word_count"), words))


def _order_holds(tables: dict[str, Any]) -> bool:
    """Every row's order key at or after the row before's (see package.order_key)."""
    import pyarrow as pa
    import pyarrow.compute as pc

    for name, table in tables.items():
        if table.num_rows < 2:
            continue
        columns = [table.column("transcript_id").combine_chunks()]
        if name == "answers":
            number = pc.extract_regex(table.column("question_id"), r"-q(?P<n>[0-9]+)$")
            columns.append(pc.cast(pc.struct_field(number, [0]), pa.int64()).combine_chunks())
        if name != "transcripts":
            columns.append(table.column("position").combine_chunks())
        before = literal(False)
        equal = literal(True)
        for column in columns:
            previous, current = column[:-1], column[1:]
            before = pc.or_(before, pc.and_(equal, pc.less(current, previous)))
            equal = pc.and_(equal, pc.equal(current, previous))
        if pc.any(before).as_py():
            return False
    return True
