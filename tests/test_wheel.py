"""Test what users install: the wheel, installed away from the source tree, loads offline."""

from __future__ import annotations

import os
import subprocess
import zipfile
from pathlib import Path

from .conftest import PYTHON, ROOT


def test_wheel_ships_the_data_and_loads_from_an_empty_directory(tmp_path: Path) -> None:
    wheels = tmp_path / "wheels"
    subprocess.run(
        [
            PYTHON,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-w",
            str(wheels),
            str(ROOT),
        ],
        check=True,
        capture_output=True,
    )
    (wheel,) = wheels.glob("mfa_transcripts-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    for table in ("transcripts", "speeches", "questions", "answers"):
        assert f"mfa_transcripts/data/{table}.parquet" in names
    assert not [n for n in names if n.startswith(("tests/", "seeds/"))]

    target = tmp_path / "site"
    subprocess.run(
        [PYTHON, "-m", "pip", "install", "--no-deps", "--target", str(target), str(wheel)],
        check=True,
        capture_output=True,
    )
    empty = tmp_path / "empty"
    empty.mkdir()
    script = (
        "import mfa_transcripts, sys;"
        "qs = [q for q in mfa_transcripts.load('questions')"
        " if q.transcript_id.startswith('2020-08-23-')];"
        "print(len(qs), type(qs[0]).__name__, mfa_transcripts.__file__)"
    )
    env = {**os.environ, "PYTHONPATH": str(target), "PYTHONNOUSERSITE": "1"}
    out = subprocess.run(
        [PYTHON, "-I", "-c", f"import sys; sys.path.insert(0, {str(target)!r}); {script}"],
        cwd=empty,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    count, kind, location = out.stdout.split()
    assert (count, kind) == ("15", "Question")
    assert Path(location).is_relative_to(target)
