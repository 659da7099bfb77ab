"""Checks of a published package beyond what ``frictionless validate`` does.

Frictionless checks the CSV files against their Table Schemas and every file's sha256.
This module also checks, each with a named problem type:

* every listed file exists (``missing-file``), with the listed byte count and sha256
  (``size-mismatch``, ``hash-mismatch``) — Parquet included;
* ``datapackage.json`` and ``schema/*.json`` say what the models give
  (``descriptor-mismatch``);
* CSV headers and Parquet schemas have the models' columns, in order, with their types
  (``header-mismatch``: added, removed, reordered or retyped columns);
* every row validates against its model (``row-invalid``);
* primary keys are unique (``duplicate-key``), references resolve (``foreign-key``),
  transcripts' counts match their rows (``count-mismatch``);
* the CSV and Parquet copies hold the same records (``format-mismatch``).
"""

from __future__ import annotations

import csv
import json
from collections import Counter
from collections.abc import Iterator
from itertools import zip_longest
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from .errors import Problem, Report
from .fields import arrow_schema, csv_value, field_specs, table_schema
from .schema import MODELS, Answer, Question, Record, Speech, Transcript

__all__ = ["validate_package"]

MAX_ROW_PROBLEMS = 20


def validate_package(descriptor_path: Path | str, *, frictionless: bool = False) -> Report:
    """Check a package; the report lists one problem per defect found."""
    path = Path(descriptor_path)
    report = Report()
    root = path.parent
    if not path.exists():
        report.add(Problem("missing-file", str(path), "expected datapackage.json, found no file"))
        return report
    try:
        descriptor = json.loads(path.read_text("utf-8"))
        resources = {r["name"]: r for r in descriptor["resources"]}
    except (ValueError, KeyError, TypeError) as exc:
        report.add(
            Problem("descriptor-mismatch", path.name, f"expected a data package, found {exc}")
        )
        return report

    files_ok = _check_files(root, path.name, resources, report)
    _check_descriptor(root, path.name, descriptor, report, files_ok)
    keys: dict[str, set[str]] = {}
    references: list[tuple[str, str, str, str, int]] = []
    counts: Counter[tuple[str, str]] = Counter()
    transcripts: list[Transcript] = []
    for model in MODELS:
        csv_path = root / "dist" / f"{model.table}.csv"
        parquet_path = root / "dist" / f"{model.table}.parquet"
        if not (csv_path.exists() and parquet_path.exists()):
            continue
        seen: set[str] = set()
        mismatched = False  # one format-mismatch per table says enough
        pk = model.primary_key
        csv_rows = _csv_records(csv_path, model, report)
        parquet_rows = _parquet_records(parquet_path, model, report)
        for index, (from_csv, from_parquet) in enumerate(
            zip_longest(csv_rows, parquet_rows), start=1
        ):
            same = (from_csv and from_csv[0]) == (from_parquet and from_parquet[0])
            if not same and not mismatched:
                mismatched = True
                report.add(
                    Problem(
                        "format-mismatch",
                        f"dist/{model.table}.parquet",
                        f"expected row {index} to equal the CSV's row {index}, found "
                        + _difference(from_csv, from_parquet),
                    )
                )
            if from_csv is None:
                continue  # a row only the Parquet file has: reported above
            record, line = from_csv
            if record is None:
                continue
            key = getattr(record, pk)
            if key in seen:
                report.add(
                    Problem(
                        "duplicate-key",
                        f"dist/{model.table}.csv",
                        f"expected each {pk} once, found {key!r} again",
                        line,
                    )
                )
            seen.add(key)
            for field, table, _target_key in model.foreign_keys:  # always the target's key
                references.append((model.table, field, table, getattr(record, field), line))
            if isinstance(record, Transcript):
                transcripts.append(record)
            elif isinstance(record, Speech | Question | Answer):
                counts[(model.table, record.transcript_id)] += 1
        keys[model.table] = seen
    for table, field, target, value, line in references:
        if target in keys and value not in keys[target]:
            report.add(
                Problem(
                    "foreign-key",
                    f"dist/{table}.csv",
                    f"expected {field} {value!r} in {target}, found no such row",
                    line,
                )
            )
    for transcript in transcripts:
        for table, field in (
            ("speeches", "speech_count"),
            ("questions", "question_count"),
            ("answers", "answer_count"),
        ):
            if table in keys and counts[(table, transcript.transcript_id)] != getattr(
                transcript, field
            ):
                report.add(
                    Problem(
                        "count-mismatch",
                        "dist/transcripts.csv",
                        f"expected {field} of {transcript.transcript_id} to be the "
                        f"{counts[(table, transcript.transcript_id)]} rows in {table}, "
                        f"found {getattr(transcript, field)}",
                    )
                )
    if frictionless:
        _frictionless(path, report)
    return report


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
        rel = resource.get("path", "")
        target = root / rel
        if not target.is_file():
            report.add(
                Problem("missing-file", rel or name, f"expected the file {rel!r}, found none")
            )
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
        elif schema_path.read_text("utf-8") != expected:
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
    if missing:
        return
    expected_descriptor = datapackage(root, descriptor.get("sources", []))
    if not files_ok:  # hashes already reported; compare the rest
        for theirs, mine in zip(
            descriptor.get("resources", []), expected_descriptor["resources"], strict=False
        ):
            for key in ("bytes", "hash"):
                if key in theirs:
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


def _row_problem(report: Report, file: str, line: int, exc: ValidationError) -> None:
    if sum(p.type == "row-invalid" and p.file == file for p in report.problems) >= MAX_ROW_PROBLEMS:
        return
    first = exc.errors()[0]
    where = ".".join(str(x) for x in first["loc"])
    report.add(
        Problem(
            "row-invalid",
            file,
            f"expected {where} to be valid, found {first['input']!r}: {first['msg']}",
            line,
        )
    )


def _csv_records(
    path: Path, model: type[Record], report: Report
) -> Iterator[tuple[Record | None, int]]:
    specs = field_specs(model)
    names = [s.name for s in specs]
    file = f"dist/{path.name}"
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.reader(handle)
        header = next(reader, [])
        if header != names:
            report.add(Problem("header-mismatch", file, _column_diff(names, header), 1))
            return
        line = 2
        for row in reader:
            if len(row) != len(names):
                report.add(
                    Problem(
                        "row-invalid",
                        file,
                        f"expected {len(names)} cells, found {len(row)}",
                        line,
                    )
                )
                yield None, line
            else:
                try:
                    cells = zip(specs, row, strict=True)
                    values = {s.name: csv_value(s, cell) for s, cell in cells}
                    yield model.model_validate(values), line
                except (ValidationError, ValueError) as exc:
                    if isinstance(exc, ValidationError):
                        _row_problem(report, file, line, exc)
                    else:
                        report.add(
                            Problem("row-invalid", file, f"expected JSON, found {exc}", line)
                        )
                    yield None, line
            line = reader.line_num + 1


def _parquet_records(
    path: Path, model: type[Record], report: Report
) -> Iterator[tuple[Record | None, int]]:
    import pyarrow.parquet as pq

    file = f"dist/{path.name}"
    expected = arrow_schema(model)
    try:
        parquet = pq.ParquetFile(path)
        found = parquet.schema_arrow
    except Exception as exc:  # pyarrow raises several types for a corrupt file
        report.add(Problem("row-invalid", file, f"expected a Parquet file, found: {exc}"))
        return
    if not found.equals(expected, check_metadata=False):
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
                try:
                    yield model.model_validate(values), row
                except ValidationError as exc:
                    _row_problem(report, file, row, exc)
                    yield None, row
    except OSError as exc:
        report.add(Problem("row-invalid", file, f"expected readable row groups, found: {exc}"))


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


def _frictionless(path: Path, report: Report) -> None:
    import frictionless

    result = frictionless.validate(str(path))
    for task in result.tasks:
        for error in task.errors:
            report.add(
                Problem(
                    "row-invalid",
                    task.name,
                    f"frictionless {error.type}: {error.message}",
                    getattr(error, "row_number", None),
                )
            )
