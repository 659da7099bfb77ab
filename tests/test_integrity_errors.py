"""Error design: typed problems, one line each, a report, and the ``--on-error`` policy."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from mfa_transcripts.builder.build import BuildError, build
from mfa_transcripts.cli import main
from mfa_transcripts.errors import ERROR_TYPES, Problem, Report

from .conftest import DATA, PYTHON, ROOT

BAD = DATA / "bad"
LINE = re.compile(
    r"^(?P<file>[^\s:][^:]*?)(?::(?P<line>[0-9]+))?: (?P<severity>error|warning) "
    r"\[(?P<type>[a-z-]+)\] (?P<message>expected .+ found .+)$"
)
WARNINGS = {t for t, what in ERROR_TYPES.items() if "(warning" in what}
BAD_PAGES = ("empty-label.txt", "empty.txt", "not-a-transcript.csv")


def _errors_section() -> str:
    readme = (ROOT / "README.md").read_text("utf-8")
    return readme.split("\n## Errors\n", 1)[1].split("\n## ", 1)[0]


def _table(section: str) -> dict[str, tuple[str, str]]:
    """type → (meaning, example line) from the README's table."""
    rows = {}
    for line in section.splitlines():
        match = re.match(r"^\| `(?P<type>[a-z-]+)` \| (?P<what>.+?) \| (?P<example>.+) \|$", line)
        if match:
            example = match["example"]
            example = re.match(r"^(`+) ?(.*?) ?\1", example)[2]  # type: ignore[index]
            rows[match["type"]] = (match["what"], example)
    return rows


def test_readme_lists_exactly_the_error_types() -> None:
    table = _table(_errors_section())
    assert list(table) == list(ERROR_TYPES)  # same types, same order
    for kind, (what, _) in table.items():
        assert what == ERROR_TYPES[kind], kind


@pytest.mark.parametrize("kind", list(ERROR_TYPES))
def test_readme_example_is_a_line_the_cli_prints(kind: str) -> None:
    _, example = _table(_errors_section())[kind]
    match = LINE.match(example)
    assert match, example
    assert match["type"] == kind
    assert match["severity"] == ("warning" if kind in WARNINGS else "error")


def test_problem_types_are_closed_and_lines_are_single() -> None:
    with pytest.raises(ValueError, match="unknown problem type"):
        Problem("no-such-type", "page.txt", "expected x, found y")
    problem = Problem("row-invalid", "dist/a.csv", "expected 'a\nb', found 'a\r\nb'", 3)
    assert str(problem) == "dist/a.csv:3: error [row-invalid] expected 'a\\nb', found 'a\\r\\nb'"
    assert problem.as_dict() == {
        "type": "row-invalid",
        "severity": "error",
        "file": "dist/a.csv",
        "line": 3,
        "message": "expected 'a\nb', found 'a\r\nb'",
    }


def test_report_sorts_errors_from_warnings() -> None:
    report = Report()
    assert report.ok
    report.add(Problem("unanswered-question", "a.txt", "expected x, found y", 2, "warning"))
    assert report.ok and report.warnings and not report.errors
    report.add(Problem("no-date", "b.txt", "expected x, found y", 1))
    assert not report.ok and [p.file for p in report.errors] == ["b.txt"]


def _seeds(tmp_path: Path, *bad: str) -> Path:
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    for name in ("good.txt", *bad):
        shutil.copyfile(BAD / name, seeds / name)
    return seeds


def test_skip_publishes_the_others_and_lists_what_was_skipped_and_why(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    seeds, out = _seeds(tmp_path, *BAD_PAGES), tmp_path / "out"
    # published the others, and exits 1: a refused page is still a problem
    assert main(["build", "--seeds", str(seeds), "--out", str(out), "--on-error", "skip"]) == 1
    captured = capsys.readouterr()
    lines = captured.err.splitlines()
    # pages are read in name order
    assert [LINE.match(line)["file"] for line in lines] == sorted(BAD_PAGES)  # type: ignore[index]
    assert [LINE.match(line)["type"] for line in lines] == [  # type: ignore[index]
        "empty-turn",
        "empty-file",
        "not-a-transcript",
    ]
    assert captured.out.splitlines()[-1] == (
        "skipped 3 page(s): empty-label.txt, empty.txt, not-a-transcript.csv"
    )
    assert captured.out.startswith("published 1 of 4 page(s)")
    rows = (out / "dist" / "transcripts.csv").read_text("utf-8").splitlines()
    assert len(rows) == 2 and ",good.txt," in rows[1]


def test_skip_in_python_gives_the_same_report(tmp_path: Path) -> None:
    report = build(_seeds(tmp_path, *BAD_PAGES), tmp_path / "out", on_error="skip")
    assert report.figures["skipped"] == sorted(BAD_PAGES)
    assert {(p.file, p.type) for p in report.errors} == {
        ("empty-label.txt", "empty-turn"),
        ("not-a-transcript.csv", "not-a-transcript"),
        ("empty.txt", "empty-file"),
    }
    assert report.figures["pages_published"] == 1


def test_raise_reports_every_bad_page_and_publishes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    seeds, out = _seeds(tmp_path, *BAD_PAGES), tmp_path / "out"
    assert main(["build", "--seeds", str(seeds), "--out", str(out)]) == 1
    captured = capsys.readouterr()
    assert len(captured.err.splitlines()) == 3
    assert all(LINE.match(line) for line in captured.err.splitlines())
    assert captured.out == "build failed: 3 error(s); published files left unchanged\n"
    assert list(out.iterdir()) == []  # nothing published, no staging left


def test_raise_keeps_what_was_published_before(tmp_path: Path) -> None:
    seeds, out = _seeds(tmp_path), tmp_path / "out"
    build(seeds, out)
    before = {p: p.read_bytes() for p in sorted(out.rglob("*")) if p.is_file()}
    shutil.copyfile(BAD / "empty-label.txt", seeds / "empty-label.txt")
    with pytest.raises(BuildError):
        build(seeds, out)
    assert {p: p.read_bytes() for p in sorted(out.rglob("*")) if p.is_file()} == before


def test_a_broken_sources_table_stops_even_a_skipping_build(tmp_path: Path) -> None:
    seeds = _seeds(tmp_path)
    (seeds / "sources.csv").write_text("file,address\ngood.txt,somewhere\n", "utf-8")
    with pytest.raises(BuildError) as caught:
        build(seeds, tmp_path / "out", on_error="skip")
    (problem,) = caught.value.report.errors
    assert (problem.file, problem.line) == ("seeds/sources.csv", 1)


def test_the_real_command_with_skip(tmp_path: Path) -> None:
    seeds, out = _seeds(tmp_path, *BAD_PAGES), tmp_path / "out"
    command = ["build", "--seeds", str(seeds), "--out", str(out), "--on-error", "skip"]
    result = subprocess.run(
        [PYTHON, "-m", "mfa_transcripts", *command],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 1, result.stderr
    assert (out / "datapackage.json").exists()  # the good page was published all the same
    assert "Traceback" not in result.stderr
    assert all(LINE.match(line) for line in result.stderr.splitlines())
    assert len(result.stderr.splitlines()) == len(BAD_PAGES)


def test_a_sources_table_that_is_not_utf8_stops_the_build(tmp_path: Path) -> None:
    seeds = _seeds(tmp_path)
    (seeds / "sources.csv").write_bytes("file,source_url\nstraße.txt,https://x\n".encode("cp1252"))
    with pytest.raises(BuildError) as caught:
        build(seeds, tmp_path / "out", on_error="skip")
    (problem,) = caught.value.report.errors
    assert (problem.type, problem.file) == ("unreadable-file", "seeds/sources.csv")
    assert problem.message.startswith("expected a UTF-8 CSV file 'file,source_url', found")
