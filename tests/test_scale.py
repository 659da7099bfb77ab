"""One pass, any number of cores: the pool, the spill and the collate step."""

from __future__ import annotations

import random
import shutil
from pathlib import Path
from typing import Any

import pytest

from mfa_transcripts.builder import pool as pool_module
from mfa_transcripts.builder.build import build, discover, read_sources
from mfa_transcripts.builder.collate import collate
from mfa_transcripts.builder.pool import PageResult, Spill, parse_page
from mfa_transcripts.errors import Report

from .conftest import DATA, SYNTHETIC


def _files(root: Path) -> dict[str, bytes]:
    return {
        p.relative_to(root).as_posix(): p.read_bytes()
        for p in sorted(root.rglob("*"))
        if p.is_file() and ".build-staging-" not in p.as_posix()
    }


@pytest.fixture(scope="module")
def mixed_seeds(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Synthetic pages plus a same-page copy, a cut-short copy, a collision and a bad page."""
    seeds = tmp_path_factory.mktemp("mixed")
    for page in SYNTHETIC.glob("*.txt"):
        shutil.copyfile(page, seeds / page.name)
    for name in ("good.txt", "collision.txt", "cut-mid-word.txt", "empty-label.txt"):
        shutil.copyfile(DATA / "bad" / name, seeds / name)
    shutil.copyfile(DATA / "bad" / "good.txt", seeds / "good-copy.txt")
    return seeds


def test_one_job_and_two_jobs_give_the_same_bytes_and_report(
    mixed_seeds: Path, tmp_path: Path
) -> None:
    reports, files = [], []
    for jobs in (1, 2):
        root = tmp_path / f"jobs-{jobs}"
        reports.append(build(mixed_seeds, root, on_error="skip", jobs=jobs))
        files.append(_files(root))
    assert files[0] == files[1]
    assert [str(p) for p in reports[0].problems] == [str(p) for p in reports[1].problems]
    types = {p.type for p in reports[0].problems}
    assert {"duplicate-page", "id-collision", "empty-turn"} <= types, types
    assert reports[0].figures["rows"] == reports[1].figures["rows"]


def test_every_page_is_read_once(
    mixed_seeds: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    reads: list[str] = []
    real = pool_module.read_source

    def read_source(path: Path) -> Any:
        reads.append(path.name)
        return real(path)

    monkeypatch.setattr(pool_module, "read_source", read_source)
    build(mixed_seeds, tmp_path / "out", on_error="skip", jobs=1)
    assert sorted(reads) == sorted(p.name for p in discover(mixed_seeds))


def test_collate_does_not_depend_on_the_order_results_arrive(
    mixed_seeds: Path, tmp_path: Path
) -> None:
    pages = discover(mixed_seeds)
    addresses = read_sources(mixed_seeds, Report())
    spill = Spill(tmp_path / "spill")
    results = [parse_page(i, p, addresses.get(p.name)) for i, p in enumerate(pages)]
    for result in results:
        spill.add(result)
    spill.close()

    def settle(order: list[PageResult]) -> tuple[list[str], list[str]]:
        report = Report()
        kept = collate(order, spill.rows, report)
        return [k.name for k in kept], [str(p) for p in report.problems]

    expected = settle(results)
    shuffled = results[:]
    random.Random(7).shuffle(shuffled)
    assert settle(shuffled) == expected
    one_id = {"collision.txt", "cut-mid-word.txt", "good.txt", "good-copy.txt"}
    assert one_id & set(expected[0]) == {"collision.txt"}  # the first in file order
