"""The command line: thin, one line per problem, never a traceback."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

from .conftest import PYTHON, SEED


def _run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [PYTHON, "-m", "mfa_transcripts", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        check=False,
    )


def test_parse_prints_one_json_object(tmp_path: Path) -> None:
    before = set(tmp_path.iterdir())
    out = _run("parse", str(SEED), cwd=tmp_path)
    assert out.returncode == 0, out.stderr
    page = json.loads(out.stdout)
    assert set(page) == {"transcript", "speeches", "questions", "answers"}
    assert page["transcript"]["published_at"] == "2020-08-23T19:37:00+03:00"
    assert len(page["questions"]) == 15
    assert set(tmp_path.iterdir()) == before  # wrote nothing


def test_parse_refuses_bad_input_in_one_line(tmp_path: Path) -> None:
    bad = tmp_path / "notes.txt"
    bad.write_text("Shopping list\n\nmilk, eggs\n", "utf-8")
    out = _run("parse", str(bad))
    assert out.returncode == 1
    assert out.stdout == ""
    lines = out.stderr.strip().splitlines()
    assert len(lines) == 1
    assert lines[0].startswith("notes.txt:1: error [no-title] expected a title line")
    assert "Traceback" not in out.stderr


def test_missing_file_is_one_line(tmp_path: Path) -> None:
    out = _run("parse", str(tmp_path / "nope.txt"))
    assert out.returncode == 1
    assert "[unreadable-file]" in out.stderr and "Traceback" not in out.stderr


def test_validate_reports_one_line_per_problem(tmp_path: Path) -> None:
    out = _run("validate", str(tmp_path / "datapackage.json"))
    assert out.returncode == 1
    assert "[missing-file]" in out.stdout
