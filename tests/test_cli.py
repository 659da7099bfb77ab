"""The command line: thin, one line per problem, never a traceback."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from mfa_transcripts.cli import main

from .conftest import FIXTURES, SEED, SYNTHETIC, run_cli

_run = run_cli  # the command in a child process (a hang fails the test)


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
    assert lines[0].startswith("notes.txt:1: error [not-a-transcript] expected a transcript")
    assert "milk" not in out.stderr and "Shopping" not in out.stderr  # refused: never quoted
    assert "Traceback" not in out.stderr


def test_missing_file_is_one_line(tmp_path: Path) -> None:
    out = _run("parse", str(tmp_path / "nope.txt"))
    assert out.returncode == 1
    assert "[unreadable-file]" in out.stderr and "Traceback" not in out.stderr


def test_validate_reports_one_line_per_problem(tmp_path: Path) -> None:
    out = _run("validate", str(tmp_path / "datapackage.json"))
    assert out.returncode == 1
    (problem, summary) = out.stderr.splitlines()
    assert "[missing-file] expected datapackage.json, found no file" in problem
    assert summary.endswith("1 problem(s)")
    folder = _run("validate", str(tmp_path))  # a folder, not a file: still one line
    assert folder.returncode == 1
    assert "[missing-file] expected datapackage.json, found a folder" in folder.stderr


FIXTURE_PAGES = sorted(FIXTURES.glob("*.txt")) + sorted(SYNTHETIC.glob("*.txt"))


@pytest.mark.parametrize("path", FIXTURE_PAGES, ids=lambda p: p.name.split("_")[0])
def test_parse_every_fixture_exits_0(path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Every fixture is a page of the family: read, never refused (warnings at most)."""
    code = main(["parse", str(path)])
    out, err = capsys.readouterr()
    assert code == 0, err
    page = json.loads(out)
    assert page["transcript"]["source_file"] == path.name
    assert all(f"{path.name}:" in line and "warning [" in line for line in err.splitlines())


@pytest.mark.skipif(sys.platform != "linux", reason="the jemalloc pool is asked for on Linux")
@pytest.mark.parametrize(("given", "expected"), [(None, "jemalloc"), ("system", "system")])
def test_validate_streams_with_the_jemalloc_pool_unless_told(
    built: Path, given: str | None, expected: str
) -> None:
    """Arrow chooses its pool once, from ARROW_DEFAULT_MEMORY_POOL: validate (and build)
    ask for jemalloc before pyarrow is imported; a pool the user named stands."""
    code = (
        "from mfa_transcripts.cli import main\n"
        f"assert main(['validate', {str(built / 'datapackage.json')!r}]) == 0\n"
        "import pyarrow as pa\n"
        "print(pa.default_memory_pool().backend_name)\n"
    )
    env = {k: v for k, v in os.environ.items() if k != "ARROW_DEFAULT_MEMORY_POOL"}
    if given is not None:
        env["ARROW_DEFAULT_MEMORY_POOL"] = given
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, check=False
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.split()[-1] == expected
