"""Checks of a published package beyond what ``frictionless validate`` does.

Frictionless checks the CSV files against their Table Schemas and every CSV file's
sha256. This module also checks, each with a named problem type:

* every listed file exists (``missing-file``), with the listed byte count and sha256
  (``size-mismatch``, ``hash-mismatch``) — Parquet included;
* ``datapackage.json``, ``schema/*.json`` and the dataset card ``dist/README.md`` say what
  the models and the files give; its ``sources`` name exactly the published transcripts;
  ``dist/`` and ``schema/`` hold no file the package does not list
  (``descriptor-mismatch``);
* CSV headers and Parquet schemas have the models' columns, in order, with their types
  (``header-mismatch``: added, removed, reordered or retyped columns);
* every CSV file is UTF-8 (``encoding-error``) and every row validates against its model
  and the rules the models' descriptions state: normalised text, counts that match the
  text, IDs built from the transcript ID and the position (``row-invalid``);
* primary keys are unique (``duplicate-key``), references resolve (``foreign-key``),
  transcripts' counts match their rows (``count-mismatch``);
* the CSV and Parquet copies hold the same records (``format-mismatch``), and rows are
  in the published order (``row-order``: the first row out of order in each table);
* no build was killed while swapping its files in (``build-in-progress``: a
  ``.build-staging-*/PUBLISHING`` journal beside ``datapackage.json``; reported first).

A table whose header or schema is wrong is not read row by row, so one defect gives one
problem rather than one per row.
"""

from __future__ import annotations

import csv
import json
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import zip_longest
from pathlib import Path
from typing import IO, Any

from pydantic import ValidationError

from .builder.export import source_entry
from .errors import Problem, Report
from .fields import arrow_schema, csv_value, field_specs, table_schema
from .schema import (
    MODELS,
    Answer,
    Question,
    Record,
    Speech,
    Transcript,
    normalise_text,
    paragraph_count,
    word_count,
)

__all__ = ["validate_package"]

MAX_ROW_PROBLEMS = 20
_TURN_TABLES = (
    ("speeches", "speech_count"),
    ("questions", "question_count"),
    ("answers", "answer_count"),
)


@dataclass
class _Status:
    """Whether a file could be read to its end."""

    ok: bool = True


@dataclass
class _Table:
    """What the row pass learnt of a table read to its end."""

    keys: set[str]
    rows: int
    sources: dict[str, dict[str, Any]]  # transcript ID -> its datapackage source (transcripts)


def validate_package(descriptor_path: Path | str, *, frictionless: bool = False) -> Report:
    """Check a package; the report lists one problem per defect found."""
    path = Path(descriptor_path)
    report = Report()
    root = path.parent
    from .builder.publish import interrupted_publish

    interrupted = interrupted_publish(root)
    if interrupted is not None:  # files may be half swapped: say so before what follows
        report.add(interrupted)
    if not path.is_file():
        found = "a folder" if path.is_dir() else "no file"
        report.add(Problem("missing-file", str(path), f"expected datapackage.json, found {found}"))
        return report
    try:
        descriptor = json.loads(path.read_text("utf-8"))
        resources = {r["name"]: r for r in descriptor["resources"]}
    except (ValueError, KeyError, TypeError, OSError) as exc:
        report.add(
            Problem("descriptor-mismatch", path.name, f"expected a data package, found {exc}")
        )
        return report

    files_ok = _check_files(root, path.name, resources, report)
    _check_descriptor(root, path.name, descriptor, report, files_ok)
    _check_extra_files(root, path.name, resources, report)
    tables = _check_rows(root, report)
    _check_sources(path.name, descriptor, tables, report)
    if len(tables) == len(MODELS):
        _check_card(root, descriptor, tables, report)
    if frictionless:
        _frictionless(path, report)
    return report


def _check_rows(root: Path, report: Report) -> dict[str, _Table]:
    """Rows of every table: models, keys, references, counts, CSV against Parquet."""
    tables: dict[str, _Table] = {}
    references: list[tuple[str, str, str, str, int]] = []
    counts: Counter[tuple[str, str]] = Counter()
    words: Counter[str] = Counter()
    transcripts: list[tuple[Transcript, int]] = []
    sources: dict[str, dict[str, Any]] = {}
    for model in MODELS:
        csv_path = root / "dist" / f"{model.table}.csv"
        parquet_path = root / "dist" / f"{model.table}.parquet"
        if not (csv_path.exists() and parquet_path.exists()):
            continue
        csv_file, parquet_file = f"dist/{csv_path.name}", f"dist/{parquet_path.name}"
        csv_status, parquet_status = _Status(), _Status()
        csv_rows = _csv_records(csv_path, model, report, csv_status)
        parquet_rows = _parquet_records(parquet_path, model, report, parquet_status)
        seen: set[str] = set()
        previous: tuple[tuple[str, int, int], str] | None = None  # order key, key value
        disordered = False
        rows = 0
        mismatched = False  # one format-mismatch per table says enough
        pk = model.primary_key
        for index, (from_csv, from_parquet) in enumerate(
            zip_longest(csv_rows, parquet_rows), start=1
        ):
            both_readable = csv_status.ok and parquet_status.ok
            same = (from_csv and from_csv[0]) == (from_parquet and from_parquet[0])
            if both_readable and not same and not mismatched:
                mismatched = True
                report.add(
                    Problem(
                        "format-mismatch",
                        parquet_file,
                        f"expected row {index} to equal the CSV's row {index}, found "
                        + _difference(from_csv, from_parquet),
                    )
                )
            # The CSV is the package's primary copy; Parquet stands in when it is unreadable.
            source, file = (from_csv, csv_file) if csv_status.ok else (from_parquet, parquet_file)
            if source is None:
                continue
            rows += 1
            record, line = source
            if record is None:
                continue
            key = getattr(record, pk)
            if key in seen:
                report.add(
                    Problem(
                        "duplicate-key",
                        file,
                        f"expected each {pk} once, found {key!r} again",
                        line,
                    )
                )
            seen.add(key)
            order = _order_key(record)
            if previous is not None and order < previous[0] and not disordered:
                disordered = True  # one row-order problem per table says enough
                report.add(
                    Problem(
                        "row-order",
                        file,
                        f"expected rows ordered {_ORDER[model.table]}, found {pk} {key!r} "
                        f"after {previous[1]!r}",
                        line,
                    )
                )
            previous = (order, key)
            for field, table, _target_key in model.foreign_keys:  # always the target's key
                references.append((file, field, table, getattr(record, field), line))
            if isinstance(record, Transcript):
                transcripts.append((record, line))
                sources[key] = source_entry(record)
            elif isinstance(record, Speech | Question | Answer):
                counts[(model.table, record.transcript_id)] += 1
                words[record.transcript_id] += record.word_count
        if csv_status.ok or parquet_status.ok:  # else its keys are partial: no FK checks
            tables[model.table] = _Table(seen, rows, sources if model is Transcript else {})
    for file, field, target, value, line in references:
        if target in tables and value not in tables[target].keys:
            report.add(
                Problem(
                    "foreign-key",
                    file,
                    f"expected {field} {value!r} in {target}, found no such row",
                    line,
                )
            )
    children_read = all(t in tables for t, _ in _TURN_TABLES)
    for transcript, line in transcripts:
        tid = transcript.transcript_id
        for table, field in _TURN_TABLES:
            if table in tables and counts[(table, tid)] != getattr(transcript, field):
                report.add(
                    Problem(
                        "count-mismatch",
                        "dist/transcripts.csv",
                        f"expected {field} of {tid} to be the {counts[(table, tid)]} rows "
                        f"in {table}, found {getattr(transcript, field)}",
                        line,
                    )
                )
        if children_read and words[tid] != transcript.word_count:
            report.add(
                Problem(
                    "count-mismatch",
                    "dist/transcripts.csv",
                    f"expected word_count of {tid} to be {words[tid]}, the words of its "
                    f"speeches, questions and answers, found {transcript.word_count}",
                    line,
                )
            )
    return tables


_ORDER = {  # the order the build writes: transcripts by ID, each one's turns in page order
    "transcripts": "by transcript_id",
    "speeches": "by transcript_id, then position",
    "questions": "by transcript_id, then position",
    "answers": "by transcript_id, then their question's position, then position",
}


def _order_key(record: Record) -> tuple[str, int, int]:
    """Where a record belongs in its table's published order (see ``_ORDER``)."""
    if isinstance(record, Transcript):
        return (record.transcript_id, 0, 0)
    if isinstance(record, Answer):
        _, _, number = record.question_id.rpartition("-q")
        question = int(number) if number.isdigit() else 0  # a malformed ID is row-invalid
        return (record.transcript_id, question, record.position)
    assert isinstance(record, Speech | Question)
    return (record.transcript_id, record.position, 0)


def _rule_violation(record: Record) -> str | None:
    """What a record breaks of the rules its fields' descriptions state; None if nothing."""
    if isinstance(record, Transcript):
        from .package import UNDATED, transcript_id

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


def _difference(
    from_csv: tuple[Record | None, int] | None, from_parquet: tuple[Record | None, int] | None
) -> str:
    csv_record = from_csv[0] if from_csv else None
    parquet_record = from_parquet[0] if from_parquet else None
    if csv_record is None or parquet_record is None:
        present = "no valid row" if parquet_record is None else "a row"
        other = "no valid row" if csv_record is None else "a row"
        return f"{present} in Parquet and {other} in CSV"
    for name in type(csv_record).model_fields:
        mine, theirs = getattr(parquet_record, name), getattr(csv_record, name)
        if mine != theirs:
            return f"{name} {_short(mine)} in Parquet and {_short(theirs)} in CSV"
    return "different rows"  # pragma: no cover - equal fields mean equal records


def _short(value: object) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def _check_files(
    root: Path, name: str, resources: dict[str, dict[str, Any]], report: Report
) -> bool:
    from .builder.export import file_digest

    ok = True
    for resource in resources.values():
        rel = resource.get("path", "") if isinstance(resource, dict) else None
        if not _inside(rel):
            report.add(
                Problem(
                    "descriptor-mismatch",
                    name,
                    f"expected a relative path inside the package, found {rel!r}",
                )
            )
            ok = False
            continue
        target = root / rel
        if not target.is_file():
            report.add(Problem("missing-file", str(rel), f"expected the file {rel!r}, found none"))
            ok = False
            continue
        size, digest = file_digest(target)
        if resource.get("bytes") != size:
            report.add(
                Problem(
                    "size-mismatch",
                    rel,
                    f"expected {resource.get('bytes')} bytes as {name} lists, found {size}",
                )
            )
            ok = False
        if resource.get("hash") != f"sha256:{digest}":
            report.add(
                Problem(
                    "hash-mismatch",
                    rel,
                    f"expected {resource.get('hash')} as {name} lists, found sha256:{digest}",
                )
            )
            ok = False
    return ok


def _inside(rel: object) -> bool:
    """A relative path that stays inside the package folder."""
    return (
        isinstance(rel, str)
        and bool(rel)
        and not (Path(rel).is_absolute() or ".." in Path(rel).parts)
    )


def _check_descriptor(
    root: Path, name: str, descriptor: dict[str, Any], report: Report, files_ok: bool
) -> None:
    from .builder.export import datapackage, json_text

    for model in MODELS:
        schema_path = root / "schema" / f"{model.table}.json"
        expected = json_text(table_schema(model))
        if not schema_path.exists():
            report.add(
                Problem(
                    "missing-file", f"schema/{model.table}.json", "expected the file, found none"
                )
            )
        elif schema_path.read_bytes() != expected.encode("utf-8"):
            report.add(
                Problem(
                    "descriptor-mismatch",
                    f"schema/{model.table}.json",
                    "expected the Table Schema the models give, found a different one",
                )
            )
    missing = [
        f"dist/{m.table}.{ext}"
        for m in MODELS
        for ext in ("csv", "parquet")
        if not (root / "dist" / f"{m.table}.{ext}").exists()
    ]
    for rel in missing:
        if not any(p.type == "missing-file" and p.file == rel for p in report.problems):
            report.add(
                Problem(
                    "missing-file",
                    rel,
                    f"expected the file {rel!r} the models call for, found none",
                )
            )
    if missing:
        return
    expected_descriptor = datapackage(root, descriptor.get("sources", []))
    if not files_ok:  # hashes already reported; compare the rest
        for theirs, mine in zip(
            descriptor.get("resources", []), expected_descriptor["resources"], strict=False
        ):
            for key in ("bytes", "hash"):
                if isinstance(theirs, dict) and key in theirs:
                    mine[key] = theirs[key]
    if descriptor != expected_descriptor:
        differing = sorted(
            k
            for k in set(descriptor) | set(expected_descriptor)
            if descriptor.get(k) != expected_descriptor.get(k)
        )
        report.add(
            Problem(
                "descriptor-mismatch",
                name,
                f"expected the descriptor the models and files give, found differences in "
                f"{', '.join(differing)}",
            )
        )


def _check_extra_files(
    root: Path, name: str, resources: dict[str, dict[str, Any]], report: Report
) -> None:
    """Files in ``dist/`` or ``schema/`` that the package does not describe."""
    listed = {r.get("path") for r in resources.values() if isinstance(r, dict)}
    listed |= {f"schema/{m.table}.json" for m in MODELS} | {"dist/README.md"}
    for folder in ("dist", "schema"):
        if not (root / folder).is_dir():
            continue
        for item in sorted((root / folder).iterdir()):
            rel = f"{folder}/{item.name}"
            if item.name.startswith(".") or rel in listed:
                continue
            report.add(
                Problem(
                    "descriptor-mismatch",
                    rel,
                    f"expected only the files {name} lists in {folder}/, found {item.name}",
                )
            )


def _check_sources(
    name: str, descriptor: dict[str, Any], tables: dict[str, _Table], report: Report
) -> None:
    """The descriptor's sources name exactly the published transcripts."""
    table = tables.get("transcripts")
    if table is None:
        return
    sources = descriptor.get("sources")
    listed: dict[str, int] = {}
    for number, source in enumerate(sources if isinstance(sources, list) else [], start=1):
        tid = source.get("transcript_id") if isinstance(source, dict) else None
        if isinstance(tid, str):
            listed[tid] = number
    for tid in sorted(set(listed) - table.keys):
        report.add(
            Problem(
                "descriptor-mismatch",
                name,
                f"expected source {listed[tid]}'s transcript {tid} in dist/transcripts.csv, "
                "found no such row",
            )
        )
    for tid in sorted(table.keys - set(listed)):
        report.add(
            Problem(
                "descriptor-mismatch",
                name,
                f"expected a source for transcript {tid}, found none in {name}",
            )
        )
    for tid, number in sorted(listed.items()):
        expected = table.sources.get(tid)
        given = sources[number - 1] if isinstance(sources, list) else None
        if expected is not None and isinstance(given, dict) and "corrections" in expected:
            # the reasons come from seeds/corrections.csv, not from the rows: any non-empty
            # reason will do; field and value must be the row's
            stated = given.get("corrections")
            if isinstance(stated, list) and len(stated) == len(expected["corrections"]):
                expected = {
                    **expected,
                    "corrections": [
                        {**want, "reason": got.get("reason")}
                        if isinstance(got, dict)
                        and isinstance(got.get("reason"), str)
                        and got["reason"].strip()
                        else want
                        for want, got in zip(expected["corrections"], stated, strict=True)
                    ],
                }
        if expected is not None and given != expected:
            report.add(
                Problem(
                    "descriptor-mismatch",
                    name,
                    f"expected source {number} to be {expected} as dist/transcripts.csv "
                    f"says, found {given}",
                )
            )


def _check_card(
    root: Path, descriptor: dict[str, Any], tables: dict[str, _Table], report: Report
) -> None:
    """The dataset card says what the files hold (configs, features, row counts, sources)."""
    from .builder.export import card

    path = root / "dist" / "README.md"
    if not path.is_file():
        report.add(
            Problem("missing-file", "dist/README.md", "expected the dataset card, found none")
        )
        return
    sources = descriptor.get("sources")
    if not isinstance(sources, list) or not all(
        isinstance(s, dict) and {"title", "sha256"} <= set(s) for s in sources
    ):
        return  # reported as a descriptor mismatch
    expected = card({t: tables[t].rows for t in tables}, sources)
    if path.read_bytes() != expected.encode("utf-8"):
        report.add(
            Problem(
                "descriptor-mismatch",
                "dist/README.md",
                "expected the dataset card the models, rows and sources give, found a "
                "different one",
            )
        )


def _row_problem(report: Report, file: str, line: int, message: str) -> None:
    if sum(p.type == "row-invalid" and p.file == file for p in report.problems) >= MAX_ROW_PROBLEMS:
        return
    report.add(Problem("row-invalid", file, message, line))


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


def _utf8_lines(handle: IO[bytes]) -> Iterator[str]:
    """The file's lines decoded one by one, so that a bad byte is found with its line."""
    for number, raw in enumerate(handle, start=1):
        try:
            yield raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise _NotUtf8(number, raw[exc.start]) from exc


def _csv_records(
    path: Path, model: type[Record], report: Report, status: _Status
) -> Iterator[tuple[Record | None, int]]:
    specs = field_specs(model)
    names = [s.name for s in specs]
    file = f"dist/{path.name}"
    with path.open("rb") as handle:
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
                    _row_problem(
                        report, file, line, f"expected {len(names)} cells, found {len(row)}"
                    )
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
        except csv.Error as exc:
            status.ok = False
            report.add(Problem("row-invalid", file, f"expected CSV, found an error: {exc}", line))


def _parquet_records(
    path: Path, model: type[Record], report: Report, status: _Status
) -> Iterator[tuple[Record | None, int]]:
    import pyarrow.parquet as pq

    file = f"dist/{path.name}"
    expected = arrow_schema(model)
    try:
        parquet = pq.ParquetFile(path)
        found = parquet.schema_arrow
    except Exception as exc:  # pyarrow raises several types for a corrupt file
        status.ok = False
        report.add(Problem("row-invalid", file, f"expected a Parquet file, found: {exc}"))
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
            Problem("row-invalid", file, f"expected readable row groups, found: {exc}", row + 1)
        )


def _column_diff(expected: list[str], found: list[str]) -> str:
    added = [c for c in found if c not in expected]
    removed = [c for c in expected if c not in found]
    if added or removed:
        parts = []
        if added:
            parts.append(f"added {', '.join(added)}")
        if removed:
            parts.append(f"removed {', '.join(removed)}")
        return f"expected the model's columns, found columns {'; '.join(parts)}"
    return f"expected columns in the order {', '.join(expected)}, found {', '.join(found)}"


# frictionless error types → this package's problem types
_FRICTIONLESS_TYPES = {
    "hash-count": "hash-mismatch",
    "byte-count": "size-mismatch",
    "foreign-key": "foreign-key",
    "primary-key": "duplicate-key",
    "unique-error": "duplicate-key",
    "incorrect-label": "header-mismatch",
    "missing-label": "header-mismatch",
    "extra-label": "header-mismatch",
    "duplicate-label": "header-mismatch",
    "blank-label": "header-mismatch",
    "scheme-error": "missing-file",
    "encoding-error": "encoding-error",
}


def _frictionless(path: Path, report: Report) -> None:
    import frictionless

    result = frictionless.validate(str(path))
    for error in result.errors:  # the descriptor itself
        report.add(
            Problem("descriptor-mismatch", path.name, f"frictionless {error.type}: {error.message}")
        )
    for task in result.tasks:
        for error in task.errors:
            report.add(
                Problem(
                    _FRICTIONLESS_TYPES.get(error.type, "row-invalid"),
                    task.name,
                    f"frictionless {error.type}: {error.message}",
                    getattr(error, "row_number", None),
                )
            )
