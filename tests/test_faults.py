"""Faults while building: whatever fails, the published files stay byte-identical.

Each test publishes a package from one page, adds a second page, injects a failure into
one stage of the next build, and checks that ``dist/``, ``schema/``, ``datapackage.json``
and ``README.md`` are exactly as before and that no staging folder is left behind (or
that the next build rolls it back). Two tests kill a real build process with SIGKILL.
"""

from __future__ import annotations

import errno
import os
import shutil
import signal
import subprocess
import textwrap
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq
import pytest

from mfa_transcripts import validate as validate_module
from mfa_transcripts.builder import build as build_module
from mfa_transcripts.builder import export as export_module
from mfa_transcripts.builder import pool as pool_module
from mfa_transcripts.builder import records as records_module
from mfa_transcripts.builder.build import BuildError, build, check, recover
from mfa_transcripts.cli import main
from mfa_transcripts.errors import Problem, Report, TranscriptError
from mfa_transcripts.validate import validate_package

from .conftest import DATA, PYTHON, ROOT

BAD = DATA / "bad"
NEW_PAGE = "title-no-speaker.txt"


def snapshot(root: Path) -> dict[str, bytes]:
    """Every published file's bytes, by path."""
    files = {}
    for name in ("dist", "schema"):
        for path in sorted((root / name).rglob("*")):
            if path.is_file():
                files[path.relative_to(root).as_posix()] = path.read_bytes()
    for name in ("datapackage.json", "README.md"):
        files[name] = (root / name).read_bytes()
    return files


def leftovers(root: Path) -> list[str]:
    return sorted(p.name for p in root.glob(".build-staging-*"))


class Package:
    """A published package and the seeds of a next build that would change it."""

    def __init__(self, tmp_path: Path) -> None:
        self.seeds = tmp_path / "seeds"
        self.root = tmp_path / "package"
        self.seeds.mkdir()
        self.root.mkdir()
        shutil.copyfile(ROOT / "README.md", self.root / "README.md")
        shutil.copyfile(BAD / "good.txt", self.seeds / "good.txt")
        build(self.seeds, self.root)
        self.before = snapshot(self.root)
        shutil.copyfile(BAD / NEW_PAGE, self.seeds / NEW_PAGE)

    def assert_untouched(self) -> None:
        assert snapshot(self.root) == self.before
        assert leftovers(self.root) == []


@pytest.fixture
def package(tmp_path: Path) -> Package:
    return Package(tmp_path)


def test_without_a_fault_the_next_build_publishes(package: Package) -> None:
    """The control: the fault tests below would notice a publish."""
    build(package.seeds, package.root)
    after = snapshot(package.root)
    assert after != package.before
    assert after["README.md"] == package.before["README.md"]  # the field reference is unchanged
    assert leftovers(package.root) == []
    assert validate_package(package.root / "datapackage.json").ok


def _disk_full(path: object = None) -> OSError:
    return OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), path)


def _fail_reading(monkeypatch: pytest.MonkeyPatch) -> None:
    """The new page cannot be read (an I/O error from the disk)."""
    real_open = os.open

    def open_(path: Any, *args: Any, **kwargs: Any) -> Any:
        if Path(path).name == NEW_PAGE:
            raise OSError(errno.EIO, os.strerror(errno.EIO), str(path))
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr(os, "open", open_)  # pages are opened by safefs, with os.open


def _fail_parsing(monkeypatch: pytest.MonkeyPatch) -> None:
    real = pool_module.parse_source

    def parse(source: Any, url: Any = None, facts: Any = None) -> Any:
        if source.name == NEW_PAGE:
            raise TranscriptError(
                Problem("empty-turn", source.name, "expected text after 'Question:', found none", 9)
            )
        return real(source, url, facts)

    monkeypatch.setattr(pool_module, "parse_source", parse)


def _fail_record_validation(monkeypatch: pytest.MonkeyPatch) -> None:
    """The parser hands over a record its model refuses (no paragraphs)."""
    monkeypatch.setattr(records_module, "paragraph_count", lambda text: 0)


def _disk_full_in_csv(monkeypatch: pytest.MonkeyPatch) -> None:
    """The disk fills up while the questions table's first rows are written."""
    real = export_module.TableWriter._write_csv

    def write_csv(self: Any, text: str) -> None:
        if self.model.table == "questions":
            with export_module._naming(self._csv_path):
                raise _disk_full()
        real(self, text)

    monkeypatch.setattr(export_module.TableWriter, "_write_csv", write_csv)


def _disk_full_in_parquet(monkeypatch: pytest.MonkeyPatch) -> None:
    def write_table(self: Any, *args: Any, **kwargs: Any) -> None:
        raise _disk_full()

    monkeypatch.setattr(pq.ParquetWriter, "write_table", write_table)


def _disk_full_in_descriptor(monkeypatch: pytest.MonkeyPatch) -> None:
    real = Path.write_text

    def write_text(self: Path, *args: Any, **kwargs: Any) -> int:
        if self.name == "datapackage.json":
            raise _disk_full(str(self))
        return real(self, *args, **kwargs)

    monkeypatch.setattr(Path, "write_text", write_text)


def _fail_fsync(monkeypatch: pytest.MonkeyPatch) -> None:
    def fsync(fd: int) -> None:
        raise OSError(errno.EIO, os.strerror(errno.EIO))

    monkeypatch.setattr(os, "fsync", fsync)


def _package_check_fails(monkeypatch: pytest.MonkeyPatch) -> None:
    """A real check failure: the staged descriptor lists a wrong hash."""
    real = build_module.datapackage

    def datapackage(root: Path, sources: Any, **options: Any) -> Any:
        descriptor = real(root, sources, **options)
        descriptor["resources"][1]["hash"] = "sha256:" + "0" * 64
        return descriptor

    monkeypatch.setattr(build_module, "datapackage", datapackage)


def _package_check_reports(monkeypatch: pytest.MonkeyPatch) -> None:
    report = Report([Problem("row-invalid", "dist/answers.csv", "expected x, found y", 2)])
    monkeypatch.setattr(validate_module, "validate_package", lambda *a, **k: report)


def _swap_fails_midway(monkeypatch: pytest.MonkeyPatch) -> None:
    """dist/ is swapped, schema/ is moved aside, then the rename of the new schema/ fails."""
    real = os.replace

    def replace(src: Any, dst: Any) -> None:
        if Path(dst).name == "schema" and Path(src).parent.name == "new":
            raise _disk_full(str(dst))
        real(src, dst)

    monkeypatch.setattr(os, "replace", replace)


STAGES: list[tuple[str, Callable[[pytest.MonkeyPatch], None], str, str | None]] = [
    ("reading", _fail_reading, "unreadable-file", NEW_PAGE),
    ("parsing", _fail_parsing, "empty-turn", NEW_PAGE),
    ("record-validation", _fail_record_validation, "row-invalid", "good.txt"),
    ("writing-csv", _disk_full_in_csv, "write-error", "dist/questions.csv"),
    ("writing-parquet", _disk_full_in_parquet, "write-error", "dist/transcripts.parquet"),
    ("writing-descriptor", _disk_full_in_descriptor, "write-error", "datapackage.json"),
    ("flushing", _fail_fsync, "write-error", None),
    ("package-check", _package_check_fails, "hash-mismatch", "dist/speeches.csv"),
    ("package-check-report", _package_check_reports, "row-invalid", "dist/answers.csv"),
    ("swap", _swap_fails_midway, "write-error", None),
]


@pytest.mark.parametrize(
    "inject, problem_type, problem_file", [s[1:] for s in STAGES], ids=[s[0] for s in STAGES]
)
def test_a_failure_in_any_stage_leaves_the_published_files(
    package: Package,
    monkeypatch: pytest.MonkeyPatch,
    inject: Callable[[pytest.MonkeyPatch], None],
    problem_type: str,
    problem_file: str | None,
) -> None:
    inject(monkeypatch)
    with pytest.raises(BuildError) as caught:
        build(package.seeds, package.root)
    monkeypatch.undo()
    types = [(p.type, p.file) for p in caught.value.report.errors]
    assert problem_type in [t for t, _ in types], types
    if problem_file is not None:
        assert (problem_type, problem_file) in types
    package.assert_untouched()
    # and the next build, without the fault, publishes
    build(package.seeds, package.root)
    assert snapshot(package.root) != package.before


def test_disk_full_message_names_the_cause(
    package: Package, monkeypatch: pytest.MonkeyPatch
) -> None:
    _disk_full_in_csv(monkeypatch)
    with pytest.raises(BuildError) as caught:
        build(package.seeds, package.root)
    (problem,) = caught.value.report.errors
    assert problem.message == (
        "expected to write the package to the staging folder, found an error: "
        "No space left on device; published files left unchanged"
    )


def test_swap_failure_message_says_the_files_are_restored(
    package: Package, monkeypatch: pytest.MonkeyPatch
) -> None:
    _swap_fails_midway(monkeypatch)
    with pytest.raises(BuildError) as caught:
        build(package.seeds, package.root)
    (problem,) = caught.value.report.errors
    assert problem.file == "schema"
    assert problem.message.endswith("the previous files are restored")


def test_a_parser_bug_stops_the_build_and_publishes_nothing(
    package: Package, monkeypatch: pytest.MonkeyPatch
) -> None:
    def bug(*args: Any) -> Any:
        raise IndexError("list index out of range")

    monkeypatch.setattr(pool_module, "parse_source", bug)
    with pytest.raises(IndexError):
        build(package.seeds, package.root)
    package.assert_untouched()


def test_an_interrupt_during_the_swap_is_rolled_back(
    package: Package, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = os.replace

    def replace(src: Any, dst: Any) -> None:
        real(src, dst)
        if Path(dst).name == "schema" and Path(src).parent.name == "new":
            raise KeyboardInterrupt

    monkeypatch.setattr(os, "replace", replace)
    with pytest.raises(KeyboardInterrupt):
        build(package.seeds, package.root)
    package.assert_untouched()


def test_a_failed_rollback_is_finished_by_the_next_build(
    package: Package, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The swap fails, and so does the rollback: the journal stays for the next build."""
    real = os.replace

    def replace(src: Any, dst: Any) -> None:
        if Path(dst).name == "schema" and Path(src).parent.name == "new":
            raise _disk_full(str(dst))
        if Path(src).parent.name == "old":  # the first rename of the rollback
            raise _disk_full(str(dst))
        real(src, dst)

    monkeypatch.setattr(os, "replace", replace)
    with pytest.raises(BuildError) as caught:
        build(package.seeds, package.root)
    monkeypatch.undo()
    (staging,) = package.root.glob(".build-staging-*")
    (problem,) = caught.value.report.errors
    assert problem.message.endswith(f"the next build rolls back from {staging.name}")
    assert (staging / "PUBLISHING").exists()
    assert snapshot_or_none(package.root) != package.before  # half swapped

    report = build(package.seeds, package.root)
    assert report.figures["recovered"] == [f"rolled back an interrupted publish ({staging.name})"]
    assert leftovers(package.root) == []
    assert validate_package(package.root / "datapackage.json").ok


def snapshot_or_none(root: Path) -> dict[str, bytes] | None:
    try:
        return snapshot(root)
    except FileNotFoundError:
        return None


def test_a_second_build_at_the_same_time_is_refused(package: Package) -> None:
    import fcntl

    fd = os.open(package.root, os.O_RDONLY)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        with pytest.raises(BuildError) as caught:
            build(package.seeds, package.root)
    finally:
        os.close(fd)
    assert [p.type for p in caught.value.report.errors] == ["build-in-progress"]
    package.assert_untouched()


def test_cli_reports_disk_full_in_lines_without_traceback(
    package: Package, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _disk_full_in_parquet(monkeypatch)
    code = main(["build", "--seeds", str(package.seeds), "--out", str(package.root)])
    out = capsys.readouterr()
    assert code == 1
    assert out.err == (
        "dist/transcripts.parquet: error [write-error] expected to write the package to the "
        "staging folder, found an error: No space left on device; published files left "
        "unchanged\n"
    )
    assert out.out == "build failed: 1 error(s); published files left unchanged\n"
    assert "Traceback" not in out.err
    package.assert_untouched()


# --- a real process, killed ----------------------------------------------------------

DRIVER = textwrap.dedent(
    """
    import os, sys, time
    from pathlib import Path

    from mfa_transcripts.builder import build as b

    seeds, root, stage, ready = Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3], Path(sys.argv[4])


    def hold():
        ready.write_text(str(os.getpid()))
        time.sleep(600)


    if stage == "write":  # slow writer: killed with half the tables written to staging
        original = b.TableWriter.write_spilled

        def write(self, *args):
            original(self, *args)
            if self.model.table == "questions":
                hold()

        b.TableWriter.write_spilled = write
    else:  # slow swap: killed with dist/ and schema/ new, datapackage.json old
        real = os.replace

        def replace(src, dst):
            real(src, dst)
            if Path(dst) == root / "schema":
                hold()

        os.replace = replace
    b.build(seeds, root)
    """
)


def _kill_build_at(package: Package, stage: str, tmp_path: Path) -> None:
    driver = tmp_path / "driver.py"
    driver.write_text(DRIVER, "utf-8")
    ready = tmp_path / f"ready-{stage}"
    process = subprocess.Popen(
        [PYTHON, str(driver), str(package.seeds), str(package.root), stage, str(ready)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    try:
        deadline = time.monotonic() + 120  # a bound on waiting, not a timing assertion
        while not ready.exists():
            if process.poll() is not None:
                pytest.fail(f"the build ended before the fault: {process.communicate()}")
            if time.monotonic() > deadline:
                pytest.fail("the build never reached the stage to kill it in")
            time.sleep(0.02)
        process.send_signal(signal.SIGKILL)
    finally:
        process.kill()
        process.communicate()
    assert process.returncode == -signal.SIGKILL


def test_killed_while_writing(package: Package, tmp_path: Path) -> None:
    _kill_build_at(package, "write", tmp_path)
    assert snapshot(package.root) == package.before  # untouched
    (staging,) = package.root.glob(".build-staging-*")  # what the dead build left
    assert not (staging / "PUBLISHING").exists()

    report = build(package.seeds, package.root)
    assert report.figures["recovered"] == [
        f"removed an unfinished build's staging folder ({staging.name})"
    ]
    assert leftovers(package.root) == []
    assert snapshot(package.root) != package.before
    assert validate_package(package.root / "datapackage.json").ok


def test_killed_while_swapping(package: Package, tmp_path: Path) -> None:
    _kill_build_at(package, "swap", tmp_path)
    (staging,) = package.root.glob(".build-staging-*")
    assert (staging / "PUBLISHING").exists()
    half = snapshot(package.root)
    assert half["datapackage.json"] == package.before["datapackage.json"]
    assert half["dist/transcripts.csv"] != package.before["dist/transcripts.csv"]
    interrupted = (
        f"{staging.name}/PUBLISHING: error [build-in-progress] expected a finished publish, "
        "found an interrupted one; run `mfa-transcripts build`, which rolls it back first"
    )
    assert str(validate_package(package.root / "datapackage.json").problems[0]) == interrupted
    assert str(check(package.seeds, package.root)[0]) == interrupted
    assert snapshot(package.root) == half and (staging / "PUBLISHING").exists()

    assert recover(package.root) == [f"rolled back an interrupted publish ({staging.name})"]
    package.assert_untouched()

    build(package.seeds, package.root)  # and the next build publishes
    assert validate_package(package.root / "datapackage.json").ok
    assert snapshot(package.root) != package.before


def test_check_reports_an_interrupted_publish_and_writes_nothing(package: Package) -> None:
    """``build --check`` names the half-done swap first, and leaves it for the next build."""
    staging = package.root / ".build-staging-killed"
    (staging / "old").mkdir(parents=True)
    (staging / "PUBLISHING").write_text("dist\t1\n", "utf-8")
    found = check(package.seeds, package.root)
    assert (found[0].type, found[0].file) == (
        "build-in-progress",
        ".build-staging-killed/PUBLISHING",
    )
    assert found[0].message == (
        "expected a finished publish, found an interrupted one; run `mfa-transcripts "
        "build`, which rolls it back first"
    )
    assert all(p.type == "stale-file" for p in found[1:])  # the seeds gained a page
    assert snapshot(package.root) == package.before
    assert leftovers(package.root) == [staging.name]
    assert (staging / "PUBLISHING").read_text("utf-8") == "dist\t1\n"

    (staging / "PUBLISHING").unlink()  # no journal: nothing half done to report
    assert "build-in-progress" not in {p.type for p in check(package.seeds, package.root)}


def test_a_damaged_journal_is_refused_not_guessed(package: Package) -> None:
    """A journal the build did not write stops the next build, naming what to do."""
    staging = package.root / ".build-staging-damaged"
    (staging / "old").mkdir(parents=True)
    (staging / "PUBLISHING").write_text("dist\t1\nsomething else\n", "utf-8")
    with pytest.raises(BuildError) as caught:
        build(package.seeds, package.root)
    (problem,) = caught.value.report.errors
    assert (problem.type, problem.file, problem.line) == (
        "write-error",
        ".build-staging-damaged/PUBLISHING",
        2,
    )
    assert "restore the files from .build-staging-damaged/old by hand" in problem.message
    assert snapshot(package.root) == package.before
