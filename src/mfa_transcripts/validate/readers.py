"""Rows read one by one, each with its file and line: CSV (strict UTF-8, within the
limits) and Parquet (schema, decompressed size), each row through its model and rules."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from pydantic import ValidationError

from .. import safefs
from ..errors import Problem, Report
from ..fields import arrow_schema, csv_value, field_specs
from ..schema import (
    Answer,
    Question,
    Record,
    Speech,
    Transcript,
    normalise_text,
    paragraph_count,
    word_count,
)
from . import limits
from .common import _column_diff, _row_problem, _short, _Status


def _model_message(exc: ValidationError) -> str:
    first = exc.errors()[0]
    where = ".".join(str(x) for x in first["loc"])
    return f"expected {where} to be valid, found {_short(first.get('input'))}: {first['msg']}"


def _validated(
    model: type[Record], values: dict[str, Any], *, from_text: bool = False
) -> tuple[Record | None, str | None]:
    """The record (None if its model refuses it) and what it breaks, if anything.

    Values read from CSV text are validated strictly, as JSON: ``yes`` is no boolean and
    ``1.0`` no integer, as for frictionless. A record that passes its model but breaks a
    stated rule is still returned, so that its keys and references are checked too.
    """
    try:
        if from_text:
            record = model.model_validate_json(json.dumps(values), strict=True)
        else:
            record = model.model_validate(values)
    except ValidationError as exc:
        return None, _model_message(exc)
    return record, _rule_violation(record)


class _NotUtf8(Exception):
    def __init__(self, line: int, byte: int) -> None:
        super().__init__(f"line {line}")
        self.line, self.byte = line, byte


class _LineTooLong(Exception):
    def __init__(self, line: int, limit: int) -> None:
        super().__init__(f"line {line}")
        self.line, self.limit = line, limit


def _utf8_lines(handle: IO[bytes]) -> Iterator[str]:
    """The file's lines decoded one by one, so that a bad byte is found with its line.

    No line longer than :data:`MAX_CSV_LINE_BYTES` (the header: :data:`MAX_CSV_HEADER_BYTES`)
    is read into memory whole.
    """
    number = 0
    while True:
        number += 1
        limit = limits.MAX_CSV_HEADER_BYTES if number == 1 else limits.MAX_CSV_LINE_BYTES
        raw = handle.readline(limit + 1)
        if not raw:
            return
        if len(raw) > limit:
            raise _LineTooLong(number, limit)
        try:
            yield raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise _NotUtf8(number, raw[exc.start]) from exc


def _open(path: Path, root: Path | None, file: str, report: Report, status: _Status) -> Any | None:
    """The published file, opened as a regular file inside the package; None (and an
    ``unreadable-file`` problem) when it was replaced since the file pass, so that the
    snapshot check runs again."""
    try:
        return safefs.open_regular(path, root or path.parent.parent)
    except OSError as exc:
        status.ok = False
        report.add(Problem("unreadable-file", file, f"expected a regular file, found {exc}"))
        return None


def _csv_records(
    path: Path, model: type[Record], report: Report, status: _Status, root: Path | None = None
) -> Iterator[tuple[Record | None, int]]:
    specs = field_specs(model)
    names = [s.name for s in specs]
    file = f"dist/{path.name}"
    handle = _open(path, root, file, report, status)
    if handle is None:
        return
    previous_limit = csv.field_size_limit(limits.MAX_CSV_FIELD_CHARS)  # frictionless lifts it
    with handle:
        try:
            yield from _csv_rows(handle, file, model, specs, names, report, status)
        finally:
            csv.field_size_limit(previous_limit)


def _csv_rows(
    handle: IO[bytes],
    file: str,
    model: type[Record],
    specs: list[Any],
    names: list[str],
    report: Report,
    status: _Status,
) -> Iterator[tuple[Record | None, int]]:
    reader = csv.reader(_utf8_lines(handle))
    line = 1
    try:
        header = next(reader, [])
        if header != names:
            status.ok = False
            report.add(Problem("header-mismatch", file, _column_diff(names, header), 1))
            return
        line = 2
        for row in reader:
            if len(row) != len(names):
                _row_problem(report, file, line, f"expected {len(names)} cells, found {len(row)}")
                yield None, line
            else:
                try:
                    values = {s.name: csv_value(s, c) for s, c in zip(specs, row, strict=True)}
                except ValueError as exc:  # a list cell that is not JSON
                    _row_problem(report, file, line, f"expected a JSON list, found {exc}")
                    yield None, line
                else:
                    record, message = _validated(model, values, from_text=True)
                    if message:
                        _row_problem(report, file, line, message)
                    yield record, line
            line = reader.line_num + 1
    except _NotUtf8 as exc:
        status.ok = False
        report.add(
            Problem(
                "encoding-error",
                file,
                f"expected UTF-8, found byte 0x{exc.byte:02X}, which is not",
                exc.line,
            )
        )
    except _LineTooLong as exc:
        status.ok = False
        what = "header line" if exc.line == 1 else "line"
        report.add(
            Problem(
                "limit-exceeded",
                file,
                f"expected a CSV {what} of at most {exc.limit:,} bytes, found a longer one",
                exc.line,
            )
        )
    except csv.Error as exc:
        status.ok = False
        message = str(exc)
        if "field larger than field limit" in message:
            report.add(
                Problem(
                    "limit-exceeded",
                    file,
                    f"expected CSV cells of at most {limits.MAX_CSV_FIELD_CHARS:,} characters, "
                    "found a longer one",
                    line,
                )
            )
        else:
            report.add(
                Problem("row-invalid", file, f"expected CSV, found an error: {message}", line)
            )


def _shard_records(
    root: Path,
    files: list[str],
    current: list[str],
    model: type[Record],
    report: Report,
    status: _Status,
) -> Iterator[tuple[Record | None, int]]:
    """The rows of a table's Parquet files in order; ``current[0]`` names the file the
    last row came from. A shard that fails stops the table's Parquet rows there."""
    for rel in files:
        current[0] = rel
        yield from _parquet_records(root / rel, model, report, status, root)
        if not status.ok:
            return


def _parquet_records(
    path: Path, model: type[Record], report: Report, status: _Status, root: Path | None = None
) -> Iterator[tuple[Record | None, int]]:
    import pyarrow.parquet as pq

    file = f"dist/{path.name}"
    expected = arrow_schema(model)
    handle = _open(path, root, file, report, status)
    if handle is None:
        return
    with handle:
        yield from _parquet_rows(handle, file, model, expected, report, status, pq)


def _parquet_rows(
    handle: IO[bytes],
    file: str,
    model: type[Record],
    expected: Any,
    report: Report,
    status: _Status,
    pq: Any,
) -> Iterator[tuple[Record | None, int]]:
    try:
        parquet = pq.ParquetFile(handle)
        found = parquet.schema_arrow
        metadata = parquet.metadata
        unpacked = sum(
            metadata.row_group(g).column(c).total_uncompressed_size
            for g in range(metadata.num_row_groups)
            for c in range(metadata.num_columns)
        )
    except Exception as exc:  # pyarrow raises several types for a corrupt file
        status.ok = False
        report.add(
            Problem("row-invalid", file, f"expected a Parquet file, found: {_short(str(exc), 200)}")
        )
        return
    if unpacked > limits.MAX_PARQUET_BYTES:
        status.ok = False
        report.add(
            Problem(
                "limit-exceeded",
                file,
                f"expected at most {limits.MAX_PARQUET_BYTES:,} bytes once decompressed, found "
                f"{unpacked:,} in its metadata; not decoded",
            )
        )
        return
    if not found.equals(expected, check_metadata=False):
        status.ok = False
        report.add(
            Problem(
                "header-mismatch",
                file,
                _column_diff(
                    [f"{f.name}:{f.type}" for f in expected], [f"{f.name}:{f.type}" for f in found]
                ),
            )
        )
        return
    row = 0
    try:
        for batch in parquet.iter_batches(batch_size=10_000):
            for values in batch.to_pylist():
                row += 1
                record, message = _validated(model, values)
                if message:
                    _row_problem(report, file, row, message)
                yield record, row
    except Exception as exc:  # corrupt pages: OSError, ArrowInvalid, ...
        status.ok = False
        report.add(
            Problem(
                "row-invalid",
                file,
                f"expected readable row groups, found: {_short(str(exc), 200)}",
                row + 1,
            )
        )


def _rule_violation(record: Record) -> str | None:
    """What a record breaks of the rules its fields' descriptions state; None if nothing."""
    if isinstance(record, Transcript):
        from ..package import UNDATED, transcript_id

        day = record.event_date.isoformat() if record.event_date else UNDATED
        if record.title is None:  # keyed by its first turn's text: only the date part shows
            if not record.transcript_id.startswith(f"{day}-"):
                return f"expected transcript_id to start with {day}-, found {record.transcript_id}"
            return None
        expected = transcript_id(day if record.event_date else None, record.title)
        if record.transcript_id != expected:
            return (
                f"expected transcript_id {expected} (from event_date and title), "
                f"found {record.transcript_id}"
            )
        return None
    assert isinstance(record, Speech | Question | Answer)
    if isinstance(record, Speech):
        expected_id, found_id = f"{record.transcript_id}-s{record.position:03d}", record.speech_id
    elif isinstance(record, Question):
        expected_id = f"{record.transcript_id}-q{record.position:03d}"
        found_id = record.question_id
    else:
        if not record.question_id.startswith(record.transcript_id + "-q"):
            return (
                f"expected question_id to start with its transcript_id "
                f"{record.transcript_id}, found {record.question_id}"
            )
        expected_id, found_id = f"{record.question_id}-a{record.position:02d}", record.answer_id
    if found_id != expected_id:
        return f"expected ID {expected_id} (from the parent ID and position), found {found_id}"
    if normalise_text(record.text) != record.text:
        return f"expected text under the text rule, found {_short(record.text)}"
    if record.paragraph_count != paragraph_count(record.text):
        return (
            f"expected paragraph_count {paragraph_count(record.text)} (the paragraphs in "
            f"text), found {record.paragraph_count}"
        )
    if record.word_count != word_count(record.text):
        return (
            f"expected word_count {word_count(record.text)} (the words in text), "
            f"found {record.word_count}"
        )
    if record.char_end <= record.char_start:
        return f"expected char_end after char_start {record.char_start}, found {record.char_end}"
    return None
