"""Readers and the publisher agree: ``validate`` during publishes raises no false alarm.

A child process publishes 20 times in a row, alternating between two seed folders so
that every publish changes every table. Meanwhile ``validate`` runs in a loop against
the same folder. Every package it could see is valid, so any problem but
``build-in-progress`` is a false alarm; there must be none. The figures (publishes,
validations, build-in-progress answers) are printed with ``-s``.
"""

from __future__ import annotations

import shutil
import subprocess
import textwrap
import time
from pathlib import Path

from mfa_transcripts.builder.build import build
from mfa_transcripts.validate import validate_package

from ..conftest import DATA, PYTHON

PUBLISHES = 20


def test_validate_in_a_loop_against_repeated_publishes(tmp_path: Path) -> None:
    one, two = tmp_path / "one", tmp_path / "two"
    for folder, pages in ((one, ["good.txt"]), (two, ["good.txt", "title-no-speaker.txt"])):
        folder.mkdir()
        for page in pages:
            shutil.copyfile(DATA / "bad" / page, folder / page)
    root = tmp_path / "package"
    build(one, root)
    script = textwrap.dedent(
        f"""
        from pathlib import Path
        from mfa_transcripts.builder.build import build
        seeds = [Path({str(two)!r}), Path({str(one)!r})]
        for i in range({PUBLISHES}):
            build(seeds[i % 2], Path({str(root)!r}))
            print(i + 1, flush=True)
        """
    )
    publisher = subprocess.Popen(
        [PYTHON, "-c", script], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    runs = in_progress = 0
    false_alarms: list[str] = []
    deadline = time.monotonic() + 240
    try:
        while publisher.poll() is None and time.monotonic() < deadline:
            report = validate_package(root / "datapackage.json")
            runs += 1
            for problem in report.problems:
                if problem.type == "build-in-progress":
                    in_progress += 1
                else:
                    false_alarms.append(str(problem))
    finally:
        if publisher.poll() is None:
            publisher.kill()
        out, err = publisher.communicate()
    published = len(out.split())
    print(
        f"\n{published} publishes, {runs} validations during them, "
        f"{in_progress} build-in-progress, {len(false_alarms)} false alarms"
    )
    assert publisher.returncode == 0, err
    assert published == PUBLISHES
    assert runs >= 5  # validate really ran while the builds published
    assert false_alarms == []
    assert validate_package(root / "datapackage.json").ok
