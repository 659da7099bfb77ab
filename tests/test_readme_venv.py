"""The README's "Try it" commands, verbatim, in a fresh virtual environment from a built
wheel in a temporary folder, with what they print.

Slow (a wheel build and a pip install, about a minute): marked ``readme`` so that CI runs
it and a local run can leave it out with ``-m 'not readme'``.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

import mfa_transcripts

from .conftest import ROOT


def _transcript() -> list[tuple[str, list[str]]]:
    """(command, expected output lines) from the README's ```console block."""
    readme = (ROOT / "README.md").read_text("utf-8")
    block = readme.split("\n## Try it\n", 1)[1].split("```console\n", 1)[1].split("```", 1)[0]
    steps: list[tuple[str, list[str]]] = []
    for line in block.splitlines():
        if line.startswith("$ "):
            steps.append((line[2:], []))
        elif line:
            steps[-1][1].append(line)
    return steps


@pytest.mark.readme
def test_readme_try_it_runs_verbatim_from_a_wheel(tmp_path: Path) -> None:
    steps = _transcript()
    assert len(steps) >= 4
    version = mfa_transcripts.__version__
    wheel = f"wheelhouse/mfa_transcripts-{version}-py3-none-any.whl"
    assert any(wheel in command for command, _ in steps)  # the README names this version
    built = subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--outdir", str(tmp_path / "wheelhouse"), "."],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert built.returncode == 0, built.stderr[-2000:]
    assert (tmp_path / wheel).is_file()
    env = {k: v for k, v in os.environ.items() if k not in {"VIRTUAL_ENV", "PYTHONPATH"}}
    env["PATH"] = os.pathsep.join(
        p for p in env.get("PATH", "").split(os.pathsep) if ".venv" not in p
    )
    for command, expected in steps:
        done = subprocess.run(
            ["bash", "-c", command], cwd=tmp_path, env=env, capture_output=True, text=True
        )
        assert done.returncode == 0, (command, done.stderr[-2000:])
        printed = [line for line in done.stdout.splitlines() if line]
        assert printed == expected, command
    site = subprocess.run(
        ["venv/bin/python", "-c", "import mfa_transcripts; print(mfa_transcripts.__file__)"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
    ).stdout
    assert re.search(r"venv/lib/python3\.\d+/site-packages/mfa_transcripts", site), site
