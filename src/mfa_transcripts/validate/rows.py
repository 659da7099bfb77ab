"""The rows of every table: in bulk (:mod:`mfa_transcripts.checks`), and row by row when
the bulk finds anything (models, keys, references, counts, order, CSV against Parquet)."""

from __future__ import annotations

from collections import Counter
from itertools import zip_longest
from pathlib import Path
from types import SimpleNamespace
from typing import Any, cast

from ..builder.describe import source_entry
from ..checks import rows_hold
from ..errors import Problem, Report
from ..schema import MODELS, Answer, Question, Record, Speech, Transcript
from . import limits
from .common import _Checked, _short, _Status, _Table
from .readers import _csv_records, _shard_records

_TURN_TABLES = (
    ("speeches", "speech_count"),
    ("questions", "question_count"),
    ("answers", "answer_count"),
)


def _check_rows(root: Path, report: Report, checked: _Checked) -> dict[str, _Table]:
    """Rows of every table: in bulk (:mod:`.checks`) and, if that finds anything (or a file
    failed its hash), row by row."""
    bulk = rows_hold(root, checked.shards, limits.MAX_PARQUET_BYTES) if checked.ok else None
    if bulk is not None:  # every row check holds: no row needs reading one by one
        # keys, references and counts were checked in bulk: of the keys, only the
        # transcripts' are needed (against the descriptor's sources)
        return {
            model.table: _Table(
                set(bulk[model.table].column(model.primary_key).to_pylist())
                if model is Transcript
                else set(),
                bulk[model.table].num_rows,
                {
                    # source_entry reads attributes only: the kept columns will do
                    row["transcript_id"]: source_entry(cast(Transcript, SimpleNamespace(**row)))
                    for row in bulk[model.table].to_pylist()
                }
                if model is Transcript
                else {},
            )
            for model in MODELS
        }
    return _check_rows_one_by_one(root, report, checked)


def _check_rows_one_by_one(root: Path, report: Report, checked: _Checked) -> dict[str, _Table]:
    """Rows of every table: models, keys, references, counts, CSV against Parquet."""
    tables: dict[str, _Table] = {}
    references: list[tuple[str, str, str, str, int]] = []
    counts: Counter[tuple[str, str]] = Counter()
    words: Counter[str] = Counter()
    transcripts: list[tuple[Transcript, int]] = []
    sources: dict[str, dict[str, Any]] = {}
    for model in MODELS:
        csv_path = root / "dist" / f"{model.table}.csv"
        csv_file = f"dist/{csv_path.name}"
        parquet_files = checked.parquet(model.table)
        current = [parquet_files[0]]  # the Parquet file (shard) the rows come from
        parquet_file = parquet_files[0]
        if not {csv_file, *parquet_files} <= checked.regular:
            continue  # missing, or not a regular file: reported by the file pass
        csv_status, parquet_status = _Status(), _Status()
        if csv_file in checked.matching:
            csv_rows = _csv_records(csv_path, model, report, csv_status, root)
        else:  # its hash already failed: not decoded, the Parquet copy stands in
            csv_status.ok = False
            csv_rows = iter(())
        if set(parquet_files) <= checked.matching:
            parquet_rows = _shard_records(
                root, parquet_files, current, model, report, parquet_status
            )
        else:  # its hash already failed: not decoded (a small file may decompress to GBs)
            parquet_status.ok = False
            parquet_rows = iter(())
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
            parquet_file = current[0]
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
