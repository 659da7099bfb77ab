"""Seeds to a published package: parse every page once, collate, write, check, publish.

``seeds → pool → collate → export → check → publish``:

1. every page is read and parsed once, by a pure function, in a process pool
   (:mod:`.pool`; ``jobs`` processes, the cores by default), and its rows spilled to
   the staging folder ``<root>/.build-staging-*/spill/`` as Arrow IPC;
2. :mod:`.collate` settles order, duplicates, cut-short copies and ID collisions from
   what the pages gave and the spilled rows, in file order;
3. the writers stream the spilled rows in ID order into ``staging/new/``: CSV, Parquet,
   Table Schemas, the dataset card, ``datapackage.json``;
4. the staged package is checked (:func:`mfa_transcripts.validate.validate_package`)
   and only then published by :mod:`.publish` (lock, journal, swap, roll back).

A build that fails before the swap (a bad page, a record that breaks its model, a full
disk, a failed package check) leaves the published files as they were and removes its
staging folder. Memory holds one page's rows per worker and a small summary of every
page, not the archive.
"""

from __future__ import annotations

import csv
import io
import os
import shutil
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

from ..errors import Problem, Report
from ..fields import table_schema
from ..package import PUBLISHED, README_BEGIN, README_END, listed_shards, published_files
from ..safefs import entry_kind, foreign_entries, read_bytes
from ..schema import MODELS, TABLES
from ..validate import published_bytes, unexpected_files
from .collate import collate
from .corrections import CORRECTIONS_FILE, Corrections, read_corrections
from .describe import card, datapackage, field_reference
from .export import TableWriter, json_text
from .metadata import write_generated
from .pool import PageResult, Spill, parse_pages, workers
from .publish import (
    JOURNAL,
    STAGING_PREFIX,
    BuildError,
    fsync_tree,
    interrupted_publish,
    locked,
    publish,
    recover,
    write_problem,
)
from .read import MAX_BYTES, is_folder, list_seeds

__all__ = [
    "PUBLISHED",
    "README_BEGIN",
    "README_END",
    "SOURCES_FILE",
    "BuildError",
    "build",
    "check",
    "discover",
    "interrupted_publish",
    "published_files",
    "recover",
]

SOURCES_FILE = "sources.csv"


def discover(seeds: Path) -> list[Path]:
    """Every page in the seeds folder (all files but the sources and corrections tables
    and hidden files)."""
    return list_seeds(seeds, frozenset({SOURCES_FILE, CORRECTIONS_FILE}))[0]


def read_sources(seeds: Path, report: Report) -> dict[str, str]:
    """``file -> address`` from ``seeds/sources.csv`` (columns ``file,source_url``)."""
    path = seeds / SOURCES_FILE
    if entry_kind(path)[0] is None:
        return {}
    where = f"{seeds.name}/{SOURCES_FILE}"
    try:
        text = read_bytes(path, limit=MAX_BYTES).decode("utf-8")
        rows = list(csv.reader(io.StringIO(text, newline="")))
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        report.add(
            Problem(
                "unreadable-file",
                where,
                f"expected a UTF-8 CSV file 'file,source_url', found an error: {exc}",
            )
        )
        return {}
    header = rows[0] if rows else None
    if header != ["file", "source_url"]:
        report.add(
            Problem(
                "not-a-transcript",
                where,
                f"expected the header 'file,source_url', found {','.join(header or [])!r}",
                1,
            )
        )
        return {}
    addresses: dict[str, str] = {}
    for number, row in enumerate(rows[1:], start=2):
        if len(row) != 2 or not row[0] or not row[1].startswith(("http://", "https://")):
            report.add(
                Problem(
                    "not-a-transcript",
                    where,
                    f"expected 'file,http(s) address', found {','.join(row)!r}",
                    number,
                )
            )
            continue
        addresses[row[0]] = row[1]
    return addresses


def build(
    seeds: Path,
    root: Path,
    *,
    on_error: str = "raise",
    publish: bool = True,
    jobs: int | None = None,
    progress: bool = False,
) -> Report:
    """Build the package from ``seeds`` into ``root``; raise :class:`BuildError` on failure.

    Every page is read first. With ``on_error="raise"`` one bad page stops the build: the
    report names every bad page and nothing is published. With ``on_error="skip"`` the
    other pages are published and ``report.figures["skipped"]`` names the skipped ones,
    whose problems are in the report. A broken ``sources.csv`` stops either way.
    ``jobs`` processes parse the pages (default: one a core; small builds use one);
    the files are the same whatever ``jobs`` is. ``progress`` shows a bar on stderr
    (tqdm, when installed) while the pages are parsed.
    """
    if on_error not in ("raise", "skip"):
        raise ValueError(f"on_error must be 'raise' or 'skip', not {on_error!r}")
    started = time.perf_counter()
    report = Report()
    try:
        root.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        report.add(write_problem(exc, root, "create the package folder"))
        raise BuildError(report) from exc
    with locked(root, report):
        try:
            report.figures["recovered"] = recover(root)
        except OSError as exc:
            report.add(
                write_problem(
                    exc,
                    root,
                    "roll back an interrupted publish",
                    "the next build tries again; the staging folder keeps the old files",
                )
            )
            raise BuildError(report) from exc
        _build_locked(seeds, root, on_error, publish, jobs, progress, report)
    report.figures["seconds"] = round(time.perf_counter() - started, 3)
    return report


def _build_locked(
    seeds: Path,
    root: Path,
    on_error: str,
    publishing: bool,
    jobs: int | None,
    progress: bool,
    report: Report,
) -> None:
    if not is_folder(seeds):
        report.add(Problem("unreadable-file", str(seeds), "expected a folder of pages, found none"))
        raise BuildError(report)
    addresses = read_sources(seeds, report)
    corrections = read_corrections(seeds, report)
    pages, listed = list_seeds(seeds, frozenset({SOURCES_FILE, CORRECTIONS_FILE}))
    report.problems.extend(listed)
    for file in sorted(set(corrections) - {p.name for p in pages}):
        report.add(
            Problem(
                "invalid-correction",
                f"{seeds.name}/{CORRECTIONS_FILE}",
                f"expected a correction for a page in the seeds folder, found one for {file}, "
                "which is not there",
            )
        )
    foreign = _foreign_files(root)
    try:
        staging = Path(tempfile.mkdtemp(prefix=STAGING_PREFIX, dir=root))
    except OSError as exc:
        report.add(write_problem(exc, root, "create a staging folder"))
        raise BuildError(report) from exc
    try:
        try:
            spill = Spill(staging / "spill")
        except OSError as exc:
            report.add(write_problem(exc, staging, "create the spill files"))
            raise BuildError(report) from exc
        try:
            results = _parse_all(pages, addresses, corrections, jobs, spill, progress)
            spill.close()
        except OSError as exc:
            spill.abort()
            report.add(write_problem(exc, staging, "spill parsed rows to the staging folder"))
            raise BuildError(report) from exc
        except BaseException:
            spill.abort()
            raise
        kept = collate(results, spill.rows, report)
        report.figures["skipped"] = sorted({p.file for p in report.errors})
        fatal = [
            p
            for p in report.errors
            if on_error == "raise" or p.file.endswith((SOURCES_FILE, CORRECTIONS_FILE))
        ]
        if fatal or not kept:
            if not kept and not report.errors:
                report.add(
                    Problem("empty-file", str(seeds), "expected at least one page, found none")
                )
            raise BuildError(report)
        if foreign:
            report.add(unexpected_files(foreign))
            raise BuildError(report)
        new = staging / "new"
        # a build big enough for a pool checks its package in a process of its own, started
        # now so that it imports while the package is written
        with PackageCheck(workers(jobs, len(pages)) > 1) as package_check:
            try:
                _write_package(new, kept, spill, report, root)
                spill.release()
                shutil.rmtree(spill.folder)  # before the flush: only the package is flushed
                fsync_tree(new)
            except OSError as exc:
                report.add(write_problem(exc, new, "write the package to the staging folder"))
                raise BuildError(report) from exc
            check_report = package_check.run(new / "datapackage.json")
        if not check_report.ok:
            report.problems.extend(check_report.errors)
            raise BuildError(report)
        if publishing:
            try:
                publish(staging, root)
            except OSError as exc:
                rolled_back = not (staging / JOURNAL).exists()
                report.add(
                    write_problem(
                        exc,
                        root,
                        "publish the new files",
                        "the previous files are restored"
                        if rolled_back
                        else f"the next build rolls back from {staging.name}",
                    )
                )
                raise BuildError(report) from exc
    finally:
        if not (staging / JOURNAL).exists():  # else the next build rolls back from it
            shutil.rmtree(staging, ignore_errors=True)
    report.figures.update(pages_found=len(pages), pages_published=len(kept))


class PackageCheck:
    """The staged package's check (:func:`mfa_transcripts.validate.validate_package`),
    here or in a process of its own.

    In a process of its own (``apart``), the check's memory (the row groups it reads,
    the key columns it keeps) does not add to what the build holds, and its imports are
    done while the package is written: the process is started when this is entered.
    """

    def __init__(self, apart: bool) -> None:
        self._apart = apart
        self._pool: Any = None

    def __enter__(self) -> PackageCheck:
        if self._apart:
            import multiprocessing

            # spawn, as the parsing pool: the writers' Arrow threads are never forked
            context = multiprocessing.get_context("spawn")
            self._pool = context.Pool(1, initializer=_check_ready)
        return self

    def __exit__(self, *exc: object) -> None:
        if self._pool is not None:
            self._pool.terminate()
            self._pool.join()

    def run(self, descriptor: Path) -> Report:
        if self._pool is None:
            from ..validate import validate_package

            return validate_package(descriptor, frictionless=False)
        report: Report = self._pool.apply(_check_package, (descriptor,))
        return report


def _check_ready() -> None:
    """A checking process, started: Arrow's lean pool (as the command line sets it for
    the build, inherited) and the checks imported before a package is there."""
    import pyarrow as pa

    from .. import validate  # noqa: F401 - imported for its time, not a name

    if pa.default_memory_pool().backend_name == "jemalloc":
        pa.jemalloc_set_decay_ms(0)


def _check_package(descriptor: Path) -> Report:
    from ..validate import validate_package

    return validate_package(descriptor, frictionless=False)


def _parse_all(
    pages: list[Path],
    addresses: dict[str, str],
    corrections: Corrections,
    jobs: int | None,
    spill: Spill,
    progress: bool,
) -> list[PageResult]:
    """Parse every page once and spill its rows; what collate needs of each page, kept."""
    results = []
    bar = _bar(len(pages)) if progress else None
    try:
        processes = workers(jobs, len(pages))
        for result in parse_pages(pages, addresses, corrections, processes, spill.folder):
            spill.add(result)
            results.append(result)
            if bar is not None:
                bar.update(1)
    finally:
        if bar is not None:
            bar.close()
    return results


def _bar(total: int) -> Any:
    """A tqdm progress bar on stderr, or None without tqdm (an optional dependency)."""
    try:
        import importlib

        tqdm = importlib.import_module("tqdm")
    except ImportError:
        return None
    return tqdm.tqdm(total=total, unit="page", desc="parsing", leave=False, delay=1.0)


def _foreign_files(root: Path) -> list[str]:
    """Files in dist/ or schema/ that no build writes (they would be lost in the swap)."""
    return list(foreign_entries(root, ("dist", "schema"), set(published_files(_shards(root)))))


def _shards(root: Path) -> dict[str, int]:
    """The Parquet shards the descriptor under ``root`` lists (none if it is unreadable)."""
    import json

    data = published_bytes(root / "datapackage.json")
    try:
        return listed_shards(json.loads(data)) if data is not None else {}
    except (ValueError, RecursionError):
        return {}


def _write_package(
    new: Path, kept: list[PageResult], spill: Spill, report: Report, root: Path
) -> None:
    (new / "dist").mkdir(parents=True)
    (new / "schema").mkdir()
    writers: dict[str, TableWriter] = {}
    sources: list[dict[str, Any]] = []
    accounting: dict[str, int] = {}
    warned: dict[str, int] = {}  # published pages by the warnings they raised
    for page in kept:
        for kind in dict.fromkeys(w.type for w in page.warnings):
            warned[kind] = warned.get(kind, 0) + 1
        for key, value in page.accounting.items():
            accounting[key] = accounting.get(key, 0) + value
        sources.append(page.source)
    try:  # writers are opened and closed inside: a failure at any point aborts them all
        writers.update((m.table, TableWriter(m, new / "dist")) for m in MODELS)
        # Arrow encodes, compresses and writes without the GIL, so tables are written
        # side by side, a thread a core, the largest first (see _largest_first); each
        # writer encodes Parquet on a thread of its own.
        with ThreadPoolExecutor(max_workers=min(os.cpu_count() or 1, len(writers))) as threads:
            done = {
                table: threads.submit(_write_table, writers[table], spill, table, kept)
                for table in _largest_first(spill.table_bytes())
            }
        for table in writers:  # in table order: the first table's failure is the one told
            done[table].result()
    except BaseException:
        for writer in writers.values():
            writer.abort()
        raise
    sources.sort(key=lambda s: s["title"])
    rows = {table: w.rows for table, w in writers.items()}
    shards = {table: w.shards for table, w in writers.items() if w.shards > 1}
    for table, model in TABLES.items():
        (new / "schema" / f"{table}.json").write_text(json_text(table_schema(model)), "utf-8")
    write_generated(new)  # builder/metadata.py: standalone schemas, Croissant, figure
    (new / "dist" / "README.md").write_text(card(rows, sources, shards), "utf-8")
    digests = {rel: d for w in writers.values() for rel, d in w.digests.items()}
    descriptor = datapackage(new, sources, digests=digests, shards=shards)  # hashed once
    (new / "datapackage.json").write_text(json_text(descriptor), "utf-8")
    readme = published_bytes(root / "README.md")  # a regular file only: a FIFO never hangs
    if readme is not None:
        text = readme.decode("utf-8", "replace")
        updated = replace_block(text, field_reference("###"))
        if updated is not None:
            (new / "README.md").write_text(updated, "utf-8")
    report.figures.update(
        rows=rows,
        characters=dict(sorted(accounting.items())),
        warnings=dict(sorted(warned.items())),
    )


def _largest_first(sizes: dict[str, int]) -> list[str]:
    """The tables in the order their writing starts: the largest first.

    Compressing Parquet (zstd) is most of the write, and one table's row
    groups are compressed one after another: the largest table (answers) is the longest
    chain. Started first, it has a thread to itself while the others take turns on the
    other threads (which matters on a machine with fewer cores than tables).
    """
    return sorted(sizes, key=lambda t: (-sizes[t], t))


def _write_table(writer: TableWriter, spill: Spill, table: str, kept: list[PageResult]) -> None:
    """One table's rows, page by page in ID order, from the spill into its files."""
    for page in kept:
        batch = spill.batch(table, page.index)
        if batch is not None:
            writer.write_spilled(batch)
    writer.close()


def replace_block(text: str, block: str) -> str | None:
    """``text`` with the generated field reference between the README markers; None without them."""
    begin, end = text.find(README_BEGIN), text.find(README_END)
    if begin < 0 or end < begin:
        return None
    return text[: begin + len(README_BEGIN)] + "\n\n" + block + "\n" + text[end:]


def check(
    seeds: Path, root: Path, on_error: str = "raise", *, jobs: int | None = None
) -> list[Problem]:
    """Published files under ``root`` that differ from what ``seeds`` build (``stale-file``).

    Builds into a scratch folder; writes nothing under ``root``. Empty when up to date.
    A publish a killed build left half done comes first (``build-in-progress``).
    """
    interrupted = interrupted_publish(root)
    with tempfile.TemporaryDirectory(prefix="mfa-transcripts-check-") as tmp:
        scratch = Path(tmp)
        readme = published_bytes(root / "README.md")
        if readme is not None:
            (scratch / "README.md").write_bytes(readme)
        build(seeds, scratch, on_error=on_error, jobs=jobs)
        stale = [] if interrupted is None else [interrupted]
        expected = {p.relative_to(scratch).as_posix() for p in scratch.rglob("*") if p.is_file()}
        present = {
            p.relative_to(root).as_posix()
            for name in ("dist", "schema")
            for p in (root / name).rglob("*")
            if p.is_file()
        } | {n for n in ("datapackage.json", "README.md") if (root / n).exists()}
        foreign = _foreign_files(root)
        if foreign:
            stale.append(unexpected_files(foreign))
        for name in sorted((expected | present) - set(foreign)):
            mine, theirs = root / name, scratch / name
            if not theirs.exists():
                found = "a file the seeds do not produce; remove it"
            elif not mine.exists():
                found = "no file; run `mfa-transcripts build`"
            elif published_bytes(mine) != theirs.read_bytes():
                found = "different bytes; run `mfa-transcripts build`"
            else:
                continue
            stale.append(
                Problem("stale-file", name, f"expected the file the seeds build, found {found}")
            )
        return stale
