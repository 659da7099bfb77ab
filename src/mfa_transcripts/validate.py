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
import os
import re
import stat
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from dataclasses import field as dataclass_field
from itertools import zip_longest
from pathlib import Path
from types import SimpleNamespace
from typing import IO, Any, cast

from pydantic import ValidationError

from . import safefs
from .builder.export import source_entry
from .builder.metadata import FIGURE, METADATA_FILES, figure_png, generated_texts
from .checks import rows_hold
from .errors import Problem, Report
from .fields import arrow_schema, csv_value, field_specs, table_schema
from .package import listed_shards, parquet_paths, published_files
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
    """Check a package; the report lists one problem per defect found.

    The package is read as a snapshot: the published names (``datapackage.json``,
    ``dist/``, ``schema/``) are stamped (inode, size, times) before and after the checks.
    If a build published in between, the checks run again (up to
    :data:`SNAPSHOT_TRIES` times); if the package never holds still, the one problem is
    ``build-in-progress`` rather than what a half-swapped package seems to say.
    """
    path = Path(descriptor_path)
    root = path.parent
    report = Report()
    for attempt in range(SNAPSHOT_TRIES):
        before = _stamp(root, path)
        try:
            report = _guarded(path, frictionless)
        except Exception:
            # a file swapped out under a reader (a table cut mid-read) while a build
            # published: run again; with the package holding still it is a real fault
            if _stamp(root, path) == before and not _build_running(root):
                raise
            time.sleep(0.05 * (attempt + 1))
            continue
        after = _stamp(root, path)
        if after == before and not (after[-1] is True and _build_running(root)):
            return report  # held still; a journal without a live build is a killed one
        time.sleep(0.05 * (attempt + 1))
    return Report(
        [
            Problem(
                "build-in-progress",
                str(path),
                f"expected the package to hold still while it was checked, found it "
                f"republished during each of {SNAPSHOT_TRIES} runs; validate again when "
                "the build has finished",
            )
        ]
    )


SNAPSHOT_TRIES = 5


def _stamp(root: Path, path: Path) -> tuple[object, ...]:
    """What changes when a build publishes: the published names' inodes and times."""
    stamps: list[object] = []
    for item in (path, root / "dist", root / "schema"):
        try:
            info = os.lstat(item)
        except OSError as exc:
            stamps.append(exc.errno)
            continue
        stamps.append((info.st_dev, info.st_ino, info.st_size, info.st_mtime_ns, info.st_ctime_ns))
    try:
        from .builder.publish import interrupted_publish

        stamps.append(interrupted_publish(root) is not None)
    except OSError as exc:
        stamps.append(exc.errno)
    return tuple(stamps)


def _build_running(root: Path) -> bool:
    """Whether a build holds the package folder's lock (``flock``, as the build takes it)."""
    try:
        import fcntl
    except ImportError:  # pragma: no cover - not POSIX: no lock to see
        return False
    try:
        fd = os.open(root, os.O_RDONLY)
    except OSError:
        return False
    try:
        fcntl.flock(fd, fcntl.LOCK_SH | fcntl.LOCK_NB)
    except OSError:
        return True
    finally:
        os.close(fd)  # releases the shared lock at once: a build may take it
    return False


def _guarded(path: Path, frictionless: bool) -> Report:
    """One run of the checks; exhausting memory or the stack is a named limit."""
    try:
        return _validate_once(path, frictionless)
    except (MemoryError, RecursionError) as exc:
        report = Report()
        what = "memory" if isinstance(exc, MemoryError) else "nesting"
        report.add(
            Problem(
                "limit-exceeded",
                path.name,
                f"expected a package that can be checked within this machine's {what} "
                f"limits, found one that exhausts them ({type(exc).__name__})",
            )
        )
        return report


def _validate_once(path: Path, frictionless: bool) -> Report:
    report = Report()
    root = path.parent
    from .builder.publish import interrupted_publish

    try:
        interrupted = interrupted_publish(root)
    except OSError as exc:
        interrupted = None
        report.add(
            Problem(
                "unreadable-file",
                str(root),
                f"expected a readable package folder, found {safefs.reason(exc)}",
            )
        )
    if interrupted is not None:  # files may be half swapped: say so before what follows
        report.add(interrupted)
    descriptor = _read_descriptor(path, report)
    if descriptor is None:
        return report
    resources = {r["name"]: r for r in descriptor["resources"]}
    shards = listed_shards(descriptor)
    foreign = list(safefs.foreign_entries(root, ("dist", "schema"), _ours(shards)))
    for folder in (f for f in foreign if f.endswith("/")):  # a folder that cannot be listed
        report.add(
            Problem("unreadable-file", folder, "expected a readable folder, found it unlistable")
        )
    if any(not f.endswith("/") for f in foreign):
        report.add(unexpected_files([f for f in foreign if not f.endswith("/")]))
    checked = _check_files(root, path.name, resources, report, set(foreign))
    checked.shards = shards
    _check_descriptor(root, path.name, descriptor, report, checked)
    tables = _check_rows(root, report, checked)
    _check_sources(path.name, descriptor, tables, report)
    if len(tables) == len(MODELS):
        _check_card(root, descriptor, tables, report, checked)
    if frictionless:
        _frictionless(path, descriptor, report, checked)
    return report


MAX_DESCRIPTOR_BYTES = 16 * 1024 * 1024
"""The largest ``datapackage.json`` read (16 MiB; the published one is under 100 KiB)."""
MAX_DESCRIPTOR_DEPTH = 32
"""The deepest nesting of arrays and objects read in ``datapackage.json``."""
MAX_SCHEMA_BYTES = 1024 * 1024
"""The largest ``schema/*.json`` compared (1 MiB)."""
MAX_CARD_BYTES = MAX_DESCRIPTOR_BYTES
"""The largest dataset card compared (16 MiB, as the descriptor: both list every source,
about 150 bytes a page, so a 10,000-page archive's card is over 1 MiB)."""
MAX_CSV_HEADER_BYTES = 64 * 1024
"""The longest CSV header line read (64 KiB)."""
MAX_CSV_LINE_BYTES = 8 * 1024 * 1024
"""The longest CSV line read (8 MiB, the page size limit)."""
MAX_CSV_FIELD_CHARS = 1024 * 1024
"""The longest CSV cell (1,048,576 characters; the longest published text is under 20,000)."""
MAX_PARQUET_BYTES = 256 * 1024 * 1024
"""The most a Parquet file may decompress to, as its metadata says (256 MiB)."""

_STRINGS = re.compile(rb'"(?:[^"\\]|\\.)*"')
_BRACKETS = re.compile(rb"[\[\]{}]")


def _json_depth(data: bytes) -> int:
    """How deep arrays and objects nest in JSON text (strings skipped), without parsing it."""
    depth = deepest = 0
    for match in _BRACKETS.finditer(_STRINGS.sub(b"", data)):
        if match.group() in (b"[", b"{"):
            depth += 1
            deepest = max(deepest, depth)
        else:
            depth -= 1
    return deepest


def _read_descriptor(path: Path, report: Report) -> dict[str, Any] | None:
    """The descriptor, if it can be read, is JSON and has the shape the checks index."""
    try:
        data = safefs.read_bytes(path, limit=MAX_DESCRIPTOR_BYTES)
    except safefs.Refused as exc:
        kind = "limit-exceeded" if exc.too_long else "missing-file"
        report.add(Problem(kind, str(path), f"expected datapackage.json, found {exc.found}"))
        return None
    if len(data) > MAX_DESCRIPTOR_BYTES:
        report.add(
            Problem(
                "limit-exceeded",
                path.name,
                f"expected a descriptor of at most {MAX_DESCRIPTOR_BYTES:,} bytes, found more",
            )
        )
        return None
    depth = _json_depth(data)
    if depth > MAX_DESCRIPTOR_DEPTH:
        report.add(
            Problem(
                "limit-exceeded",
                path.name,
                f"expected arrays and objects nested at most {MAX_DESCRIPTOR_DEPTH} deep, "
                f"found {depth:,} levels",
            )
        )
        return None
    try:
        descriptor = json.loads(data.decode("utf-8"))
    except UnicodeDecodeError as exc:
        report.add(
            Problem(
                "descriptor-mismatch",
                path.name,
                f"expected UTF-8 JSON, found byte 0x{data[exc.start]:02X} at byte {exc.start}",
            )
        )
        return None
    except (ValueError, RecursionError) as exc:
        where = (
            f"line {exc.lineno} column {exc.colno}"
            if isinstance(exc, json.JSONDecodeError)
            else "JSON"
        )
        report.add(
            Problem(
                "descriptor-mismatch",
                path.name,
                f"expected a data package, found invalid JSON ({type(exc).__name__} at {where})",
            )
        )
        return None
    shape = _shape_error(descriptor)
    if shape is not None:
        report.add(Problem("descriptor-mismatch", path.name, f"expected a data package, {shape}"))
        return None
    return descriptor  # type: ignore[no-any-return]


def _shape_error(descriptor: object) -> str | None:
    """What is wrong with the descriptor's shape where the checks index it; None if nothing."""
    if not isinstance(descriptor, dict):
        return f"found a JSON {type(descriptor).__name__}, not an object"
    resources = descriptor.get("resources")
    if not isinstance(resources, list):
        return f"found resources as {_type_name(resources)}, not a list"
    names: set[str] = set()
    for number, resource in enumerate(resources, start=1):
        if not isinstance(resource, dict):
            return f"found resource {number} as {_type_name(resource)}, not an object"
        name = resource.get("name")
        if not isinstance(name, str):
            return f"found resource {number}'s name as {_type_name(name)}, not a string"
        if name in names:
            return f"found the resource name {_short(name)} twice"
        names.add(name)
    return None


def _type_name(value: object) -> str:
    return "nothing" if value is None else f"a JSON {type(value).__name__}"


def _ours(shards: dict[str, int] | None = None) -> set[str]:
    """Every file a build writes in dist/ and schema/ (what ``build`` keeps there), with
    exactly the Parquet shards the descriptor lists."""
    return {p for p in published_files(shards) if p.startswith(("dist/", "schema/"))}


def unexpected_files(foreign: list[str]) -> Problem:
    """The one ``unexpected-file`` problem for stray entries in dist/ or schema/ (build,
    ``build --check`` and ``validate`` alike): hidden files, unlisted files, symbolic
    links, FIFOs, devices. Names at most ten of them."""
    shown = ", ".join(_short(f, 80) for f in foreign[:10])
    more = f" and {len(foreign) - 10:,} more" if len(foreign) > 10 else ""
    return Problem(
        "unexpected-file",
        foreign[0],
        f"expected only files the build writes in dist/ and schema/ (regular files, not "
        f"links), found {shown}{more}; move them elsewhere (wheels: `python -m build "
        "--outdir wheelhouse`), since publishing replaces these folders whole",
    )


def published_bytes(path: Path) -> bytes | None:
    """A published file's bytes if it is a regular file, else None (never followed)."""
    try:
        return safefs.read_bytes(path, limit=1 << 31)
    except OSError:
        return None


@dataclass
class _Checked:
    """What the file pass learnt: which listed files are regular and match the descriptor."""

    regular: set[str]  # relative paths that are regular files inside the package
    matching: set[str]  # ... whose size and hash match the descriptor
    foreign: set[str]
    digests: dict[str, tuple[int, str]] = dataclass_field(
        default_factory=dict
    )  # each file hashed once
    shards: dict[str, int] = dataclass_field(default_factory=dict)  # as the descriptor lists

    def parquet(self, table: str) -> list[str]:
        """A table's Parquet files, relative: one, or the shards the descriptor lists."""
        return parquet_paths(table, self.shards.get(table, 1))

    @property
    def ok(self) -> bool:
        return self.regular == self.matching and not self.foreign


def _check_rows(root: Path, report: Report, checked: _Checked) -> dict[str, _Table]:
    """Rows of every table: in bulk (:mod:`.checks`) and, if that finds anything (or a file
    failed its hash), row by row."""
    bulk = rows_hold(root, checked.shards, MAX_PARQUET_BYTES) if checked.ok else None
    if bulk is not None:  # every row check holds: no row needs reading one by one
        return {
            model.table: _Table(
                set(bulk[model.table].column(model.primary_key).to_pylist()),
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


def _short(value: object, limit: int = 60) -> str:
    text = repr(value) if len(str(value)) <= 10 * limit else repr(str(value)[: 2 * limit])
    return text if len(text) <= limit else text[: limit - 3] + "..."


def _check_files(
    root: Path,
    name: str,
    resources: dict[str, dict[str, Any]],
    report: Report,
    foreign: set[str],
) -> _Checked:
    """Every listed file: a regular file inside the package, of the listed size and hash."""
    checked = _Checked(set(), set(), foreign)
    for resource in resources.values():
        rel = resource.get("path")
        why = safefs.safe_relative(rel)
        if why is not None:
            too_long = isinstance(rel, str) and len(rel) > safefs.MAX_PATH_CHARS
            report.add(
                Problem(
                    "limit-exceeded" if too_long else "descriptor-mismatch",
                    name,
                    f"expected resource {_short(resource['name'])}'s path to be a relative "
                    f"path inside the package, found {why}"
                    + ("" if too_long else f": {_short(rel)}"),
                )
            )
            continue
        assert isinstance(rel, str)
        if rel in foreign or any(rel.startswith(f + "/") for f in foreign):
            continue  # reported as an unexpected file: never opened
        try:
            size, digest = safefs.digest(root / rel, root)
        except safefs.Refused as exc:
            if exc.missing:
                report.add(Problem("missing-file", rel, f"expected the file {rel!r}, found none"))
            else:
                kind = "limit-exceeded" if exc.too_long else "unreadable-file"
                report.add(Problem(kind, rel, f"expected a regular file, found {exc.found}"))
            continue
        checked.regular.add(rel)
        matching = True
        checked.digests[rel] = (size, digest)
        if resource.get("bytes") != size:
            report.add(
                Problem(
                    "size-mismatch",
                    rel,
                    f"expected {_short(resource.get('bytes'))} bytes as {name} lists, found {size}",
                )
            )
            matching = False
        if resource.get("hash") != f"sha256:{digest}":
            report.add(
                Problem(
                    "hash-mismatch",
                    rel,
                    f"expected {_short(resource.get('hash'), 80)} as {name} lists, "
                    f"found sha256:{digest}",
                )
            )
            matching = False
        if matching:
            checked.matching.add(rel)
    return checked


def _check_descriptor(
    root: Path, name: str, descriptor: dict[str, Any], report: Report, checked: _Checked
) -> None:
    from .builder.export import datapackage, json_text

    for model in MODELS:
        rel = f"schema/{model.table}.json"
        expected = json_text(table_schema(model))
        if rel in checked.foreign or "schema" in checked.foreign:
            continue
        found = _small_file(root, rel, report)
        if found is None:
            continue
        if found != expected.encode("utf-8"):
            report.add(
                Problem(
                    "descriptor-mismatch",
                    f"schema/{model.table}.json",
                    "expected the Table Schema the models give, found a different one",
                )
            )
    claimed = {
        r["path"]: (r.get("bytes"), str(r.get("hash", "")).removeprefix("sha256:"))
        for r in descriptor.get("resources", [])
        if isinstance(r, dict) and isinstance(r.get("path"), str)
    }
    files = {f"dist/{m.table}.csv": claimed.get(f"dist/{m.table}.csv", (0, "")) for m in MODELS}
    for rel, text in generated_texts(files, str(descriptor.get("created"))).items():  # type: ignore[arg-type]
        found = published_bytes(root / rel)
        if found is not None and found != text.encode("utf-8"):
            report.add(
                Problem(
                    "descriptor-mismatch", rel, "expected the file the models give, found another"
                )
            )
    kinds = {
        rel: safefs.entry_kind(root / rel)[0]
        for rel in (
            *(f"dist/{m.table}.csv" for m in MODELS),
            *(rel for m in MODELS for rel in checked.parquet(m.table)),
            *(rel for rel, *_ in METADATA_FILES),
        )
    }
    missing = [rel for rel, mode in kinds.items() if mode is None or not stat.S_ISREG(mode)]
    for rel in missing:
        if kinds[rel] is not None or rel in checked.foreign:
            continue  # there, but refused: reported already
        if not any(p.type == "missing-file" and p.file == rel for p in report.problems):
            report.add(
                Problem(
                    "missing-file",
                    rel,
                    f"expected the file {rel!r} the models call for, found none",
                )
            )
    if missing or "dist" in checked.foreign:
        return
    try:  # only regular files inside the package are read (safefs)
        expected_descriptor = datapackage(
            root, descriptor.get("sources", []), checked.digests, checked.shards
        )
    except OSError:
        return  # a table replaced since the file pass: the snapshot check runs again
    if not checked.ok:  # hashes already reported; compare the rest
        for theirs, mine in zip(
            descriptor.get("resources", []), expected_descriptor["resources"], strict=False
        ):
            for key in ("bytes", "hash"):
                if isinstance(theirs, dict) and key in theirs:
                    mine[key] = theirs[key]
        if "created" in descriptor:  # derived from a file already reported
            expected_descriptor["created"] = descriptor["created"]
    figure = published_bytes(root / FIGURE)
    if checked.ok and figure is not None and figure != figure_png(root):
        report.add(
            Problem(
                "descriptor-mismatch", FIGURE, "expected the figure the rows give, found another"
            )
        )
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


def _small_file(
    root: Path, rel: str, report: Report, limit: int = MAX_SCHEMA_BYTES
) -> bytes | None:
    """A schema file or the card, if it is a regular file within the size limit."""
    try:
        data = safefs.read_bytes(root / rel, root, limit=limit)
    except safefs.Refused as exc:
        if exc.missing:
            report.add(Problem("missing-file", rel, "expected the file, found none"))
        else:
            report.add(
                Problem("unreadable-file", rel, f"expected a regular file, found {exc.found}")
            )
        return None
    if len(data) > limit:
        report.add(
            Problem(
                "limit-exceeded",
                rel,
                f"expected a file of at most {limit:,} bytes, found more",
            )
        )
        return None
    return data


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
    root: Path,
    descriptor: dict[str, Any],
    tables: dict[str, _Table],
    report: Report,
    checked: _Checked,
) -> None:
    """The dataset card says what the files hold (configs, features, row counts, sources)."""
    from .builder.export import card

    if "dist/README.md" in checked.foreign or "dist" in checked.foreign:
        return
    found = _small_file(root, "dist/README.md", report, MAX_CARD_BYTES)
    if found is None:
        return
    sources = descriptor.get("sources")
    if not isinstance(sources, list) or not all(
        isinstance(s, dict) and {"title", "sha256"} <= set(s) for s in sources
    ):
        return  # reported as a descriptor mismatch
    expected = card({t: tables[t].rows for t in tables}, sources, checked.shards)
    if found != expected.encode("utf-8"):
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
        limit = MAX_CSV_HEADER_BYTES if number == 1 else MAX_CSV_LINE_BYTES
        raw = handle.readline(limit + 1)
        if not raw:
            return
        if len(raw) > limit:
            raise _LineTooLong(number, limit)
        try:
            yield raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise _NotUtf8(number, raw[exc.start]) from exc


def _csv_records(
    path: Path, model: type[Record], report: Report, status: _Status, root: Path | None = None
) -> Iterator[tuple[Record | None, int]]:
    specs = field_specs(model)
    names = [s.name for s in specs]
    file = f"dist/{path.name}"
    try:
        handle = safefs.open_regular(path, root or path.parent.parent)
    except OSError as exc:  # replaced since the file pass: the snapshot check runs again
        status.ok = False
        report.add(Problem("unreadable-file", file, f"expected a regular file, found {exc}"))
        return
    previous_limit = csv.field_size_limit(MAX_CSV_FIELD_CHARS)  # frictionless lifts it
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
                    f"expected CSV cells of at most {MAX_CSV_FIELD_CHARS:,} characters, "
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
    try:
        handle = safefs.open_regular(path, root or path.parent.parent)
    except OSError as exc:  # replaced since the file pass: the snapshot check runs again
        status.ok = False
        report.add(Problem("unreadable-file", file, f"expected a regular file, found {exc}"))
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
    if unpacked > MAX_PARQUET_BYTES:
        status.ok = False
        report.add(
            Problem(
                "limit-exceeded",
                file,
                f"expected at most {MAX_PARQUET_BYTES:,} bytes once decompressed, found "
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


def _column_diff(expected: list[str], found: list[str]) -> str:
    wanted = set(expected)
    present = set(found)
    added = [c for c in found if c not in wanted]
    removed = [c for c in expected if c not in present]
    if added or removed:
        parts = []
        if added:
            parts.append(f"added {_names(added)}")
        if removed:
            parts.append(f"removed {_names(removed)}")
        return f"expected the model's columns, found columns {'; '.join(parts)}"
    return f"expected columns in the order {', '.join(expected)}, found {_names(found)}"


def _names(columns: list[str], limit: int = 30) -> str:
    """Column names, at most ``limit`` of them, each at most 60 characters."""
    shown = ", ".join(c if len(c) <= 60 else c[:57] + "..." for c in columns[:limit])
    return shown + (f" and {len(columns) - limit:,} more" if len(columns) > limit else "")


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


_FRICTIONLESS_PROFILE = "https://datapackage.org/profiles/2.0/datapackage.json"


def _frictionless(
    path: Path, descriptor: dict[str, Any], report: Report, checked: _Checked
) -> None:
    """Frictionless's checks, run only on the package's own regular files.

    Frictionless fetches what a descriptor names (data, schemas, profiles) wherever it
    is. It is run on a copy of the descriptor whose every resource path was found to be
    a regular file inside the package, whose Table Schemas are the package's own
    ``schema/*.json`` and whose profile is the one bundled with frictionless: no network.
    """
    try:
        import frictionless
    except ImportError as exc:
        raise ImportError(
            "validate --frictionless needs frictionless: pip install 'mfa-transcripts[build]'"
        ) from exc

    unsafe = _remote_reference(descriptor, checked)
    if unsafe is not None:
        report.add(
            Problem(
                "descriptor-mismatch",
                path.name,
                f"expected only the package's own relative paths for frictionless, found "
                f"{unsafe}; frictionless not run",
            )
        )
        return
    root = path.parent
    trusted = dict(descriptor)
    trusted["resources"] = []
    for resource in descriptor["resources"]:
        copy = dict(resource)
        schema_ref = copy.get("schema")
        if isinstance(schema_ref, str):  # read here, safely, rather than by frictionless
            data = _small_file(root, schema_ref, Report())
            try:
                copy["schema"] = json.loads(data.decode("utf-8")) if data is not None else {}
            except (ValueError, RecursionError):
                copy["schema"] = {}
        trusted["resources"].append(copy)
    try:
        package = frictionless.Package(trusted, basepath=str(root))
        result = package.validate()
    except Exception as exc:  # frictionless raises its own errors for a bad descriptor
        report.add(
            Problem(
                "descriptor-mismatch",
                path.name,
                f"expected a descriptor frictionless reads, found: {_short(str(exc), 200)}",
            )
        )
        return
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


_RESOURCE_KEYS = frozenset(
    {
        "name",
        "title",
        "description",
        "type",
        "path",
        "scheme",
        "format",
        "mediatype",
        "encoding",
        "bytes",
        "hash",
        "schema",
    }
)


def _remote_reference(descriptor: dict[str, Any], checked: _Checked) -> str | None:
    """Anything frictionless would fetch from outside the package; None if nothing."""
    profile = descriptor.get("$schema", _FRICTIONLESS_PROFILE)
    if profile != _FRICTIONLESS_PROFILE or "profile" in descriptor:
        return "a profile other than the bundled Data Package v2 one"
    for resource in descriptor["resources"]:
        extra = sorted(set(resource) - _RESOURCE_KEYS)
        if extra:
            return f"resource key {_short(extra[0])}"
        rel = resource.get("path")
        if not (isinstance(rel, str) and rel in checked.regular):
            return f"the path {_short(rel)}, not a regular file inside it"
        schema_ref = resource.get("schema")
        if schema_ref is not None and not (
            isinstance(schema_ref, str) and schema_ref in _listed_schemas()
        ):
            return f"the schema {_short(schema_ref)}"
        if resource.get("scheme", "file") != "file":
            return f"the scheme {_short(resource.get('scheme'))}"
    return None


def _listed_schemas() -> set[str]:
    return {f"schema/{m.table}.json" for m in MODELS}
