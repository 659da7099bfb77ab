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

This module runs the checks on a snapshot of the package; each check lives in a module
of its own: :mod:`.files` (sizes, hashes, stray files), :mod:`.descriptor` (descriptor,
schemas, card, sources), :mod:`.rows` (in bulk, else row by row), :mod:`.readers` (CSV
and Parquet rows one by one), :mod:`.external` (``--frictionless``), with the limits in
:mod:`.limits` and what they share in :mod:`.common`.
"""

from __future__ import annotations

import os
import time
from pathlib import Path

from .. import safefs
from ..errors import Problem, Report
from ..package import listed_shards
from ..schema import MODELS
from .descriptor import _check_card, _check_descriptor, _check_sources, _read_descriptor
from .external import _frictionless
from .files import _check_files, _ours, published_bytes, unexpected_files
from .limits import (
    MAX_CARD_BYTES,
    MAX_CSV_FIELD_CHARS,
    MAX_CSV_HEADER_BYTES,
    MAX_CSV_LINE_BYTES,
    MAX_DESCRIPTOR_BYTES,
    MAX_DESCRIPTOR_DEPTH,
    MAX_PARQUET_BYTES,
    MAX_ROW_PROBLEMS,
    MAX_SCHEMA_BYTES,
)
from .rows import _check_rows

__all__ = [
    "MAX_CARD_BYTES",
    "MAX_CSV_FIELD_CHARS",
    "MAX_CSV_HEADER_BYTES",
    "MAX_CSV_LINE_BYTES",
    "MAX_DESCRIPTOR_BYTES",
    "MAX_DESCRIPTOR_DEPTH",
    "MAX_PARQUET_BYTES",
    "MAX_ROW_PROBLEMS",
    "MAX_SCHEMA_BYTES",
    "published_bytes",
    "unexpected_files",
    "validate_package",
]


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
        from ..builder.publish import interrupted_publish

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
    from ..builder.publish import interrupted_publish

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
