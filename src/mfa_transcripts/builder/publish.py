"""The publish transaction: lock, journal, swap, roll back, recover.

Everything a build publishes is first written under ``<root>/.build-staging-*/new/``,
flushed to disk and checked; then it is swapped in, name by name, with the old files
kept under ``old/`` until the swap is over:

1. a ``PUBLISHING`` journal (``name<TAB>existed`` lines) is written atomically
   (temporary file, fsync, rename) before the first rename;
2. each published name is renamed to ``old/`` and its new version renamed in;
3. the journal is removed: from then on the new files are the published ones.

A failure during step 2 is rolled back at once from ``old/``. A build killed in the
middle (``SIGKILL``, power loss) leaves its staging folder; if it holds a journal, the
next build (or :func:`recover`) rolls the swap back before doing anything else, and
otherwise just removes it. One build at a time may write to a folder: the folder is
locked (``flock``) for the whole build.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from ..errors import Problem, Report
from ..package import PUBLISHED
from ..safefs import read_bytes
from .read import MAX_BYTES

__all__ = [
    "STAGING_PREFIX",
    "BuildError",
    "fsync_tree",
    "interrupted_publish",
    "locked",
    "publish",
    "recover",
    "write_problem",
]

STAGING_PREFIX = ".build-staging-"
JOURNAL = "PUBLISHING"


class BuildError(Exception):
    """The build stopped; its report says why."""

    def __init__(self, report: Report) -> None:
        super().__init__("; ".join(str(p) for p in report.errors))
        self.report = report


def write_problem(
    exc: OSError, base: Path, doing: str, outcome: str = "published files left unchanged"
) -> Problem:
    where = base.name
    if exc.filename:
        target = Path(os.fsdecode(exc.filename))
        where = target.relative_to(base).as_posix() if target.is_relative_to(base) else target.name
    reason = exc.strerror or str(exc) or type(exc).__name__
    message = f"expected to {doing}, found an error: {reason}; {outcome}"
    return Problem("write-error", where, message)


@contextmanager
def locked(root: Path, report: Report) -> Iterator[None]:
    """Hold an exclusive lock on ``root`` (the folder itself) for the whole build."""
    try:
        import fcntl
    except ImportError:  # pragma: no cover - not POSIX: no lock
        yield
        return
    fd = os.open(root, os.O_RDONLY)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as exc:
            report.add(
                Problem(
                    "build-in-progress",
                    str(root),
                    "expected to be the only build writing to this folder, found another "
                    "build running; wait for it to finish",
                )
            )
            raise BuildError(report) from exc
        yield
    finally:
        os.close(fd)  # closing the descriptor releases the lock


def publish(staging: Path, root: Path) -> None:
    """Swap the staged files in under a journal; roll back at once if a rename fails."""
    new, old = staging / "new", staging / "old"
    old.mkdir()
    names = [n for n in PUBLISHED if (new / n).exists()]
    _write_journal(staging, [(n, (root / n).exists()) for n in names])
    try:
        for name in names:
            if (root / name).exists():
                os.replace(root / name, old / name)
            os.replace(new / name, root / name)
        _fsync_dir(root)
    except BaseException:
        _roll_back(staging, root)
        raise
    (staging / JOURNAL).unlink()
    _fsync_dir(staging)


def _write_journal(staging: Path, entries: list[tuple[str, bool]]) -> None:
    """Write the journal atomically: a half-written journal never exists."""
    partial = staging / f"{JOURNAL}.partial"
    with partial.open("w", encoding="utf-8") as handle:
        handle.write("".join(f"{name}\t{int(existed)}\n" for name, existed in entries))
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(partial, staging / JOURNAL)
    _fsync_dir(staging)


def _roll_back(staging: Path, root: Path) -> None:
    """Put back what the journal says was there; idempotent, so it may be interrupted."""
    journal = staging / JOURNAL
    entries = []
    journal_text = read_bytes(journal, limit=MAX_BYTES).decode("utf-8", "replace")
    for number, entry in enumerate(journal_text.splitlines(), start=1):
        name, _, flag = entry.partition("\t")
        if name not in PUBLISHED or flag not in ("0", "1"):
            raise BuildError(
                Report(
                    [
                        Problem(
                            "write-error",
                            f"{staging.name}/{JOURNAL}",
                            f"expected lines 'name<TAB>0|1' naming published files, found "
                            f"{entry!r}; restore the files from {staging.name}/old by hand",
                            number,
                        )
                    ]
                )
            )
        entries.append((name, flag == "1"))
    for name, existed in reversed(entries):
        backup = staging / "old" / name
        if backup.exists():
            _remove(root / name)
            os.replace(backup, root / name)
        elif not existed:
            _remove(root / name)
    _fsync_dir(root)
    journal.unlink()


def recover(root: Path) -> list[str]:
    """Roll back a publish that was interrupted; remove stale staging folders. Names what it did."""
    done = []
    for staging in sorted(root.glob(STAGING_PREFIX + "*")):
        if (staging / JOURNAL).exists():
            _roll_back(staging, root)
            done.append(f"rolled back an interrupted publish ({staging.name})")
        else:
            done.append(f"removed an unfinished build's staging folder ({staging.name})")
        shutil.rmtree(staging, ignore_errors=True)
    return done


def interrupted_publish(root: Path) -> Problem | None:
    """A ``build-in-progress`` problem if a killed build left its swap half done in ``root``.

    Reads only: the next build (or :func:`recover`) is what rolls the swap back.
    """
    for staging in sorted(root.glob(STAGING_PREFIX + "*")):
        if (staging / JOURNAL).is_file():
            return Problem(
                "build-in-progress",
                f"{staging.name}/{JOURNAL}",
                "expected a finished publish, found an interrupted one; run "
                "`mfa-transcripts build`, which rolls it back first",
            )
    return None


def _remove(path: Path) -> None:
    if path.is_dir():
        shutil.rmtree(path)
    elif path.exists():
        path.unlink()


def fsync_tree(path: Path) -> None:
    """Flush every staged file and folder to disk before anything is swapped in."""
    for item in sorted(path.rglob("*")):
        if item.is_file():
            with item.open("rb") as handle:
                os.fsync(handle.fileno())
    for folder in [path, *sorted(p for p in path.rglob("*") if p.is_dir())]:
        _fsync_dir(folder)


def _fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
