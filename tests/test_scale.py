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


def test_bulk_checks_pass_a_clean_package_and_refuse_a_tampered_one(
    built: Path, tmp_path: Path
) -> None:
    from mfa_transcripts.checks import rows_hold

    from .conftest import copy_package

    assert rows_hold(built) is not None  # else validate would always go row by row
    package = copy_package(built, tmp_path / "package")
    answers = package / "dist" / "answers.csv"
    data = answers.read_bytes()
    answers.write_bytes(data.replace(b"Lavrov", b"Lavrow", 1))
    assert rows_hold(package) is None


def test_thousands_of_problems_print_a_summary_and_go_to_a_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from mfa_transcripts.cli import main

    seeds = tmp_path / "seeds"
    seeds.mkdir()
    shutil.copyfile(DATA / "bad" / "good.txt", seeds / "good.txt")
    for n in range(25):
        shutil.copyfile(DATA / "bad" / "empty-label.txt", seeds / f"typo-{n:02d}.txt")
    out = tmp_path / "out"
    code = main(["build", "--seeds", str(seeds), "--out", str(out), "--on-error", "skip"])
    captured = capsys.readouterr()
    assert code == 1
    listed = (out / "build-problems.txt").read_text("utf-8").splitlines()
    assert len(listed) == 25 and all("[empty-turn]" in line for line in listed)
    assert "25 problem(s), all listed in" in captured.err
    assert "     25 error [empty-turn]" in captured.err
    assert "typo-05.txt" not in captured.err  # not one line a problem
    last = captured.out.strip().splitlines()
    assert last[-2].startswith("published 1 of 26 page(s):")
    assert last[-1] == (
        "skipped 25 page(s): " + ", ".join(f"typo-{n:02d}.txt" for n in range(20)) + " and 5 more"
    )


def test_a_table_writer_merges_what_it_buffers_and_writes_the_same_bytes(
    seed_page: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A row a page (the transcripts) stays a few batches in the writer's buffer, not one
    a page, and the files are the same whether batches are merged early or never."""
    from mfa_transcripts.builder import export
    from mfa_transcripts.schema import Transcript

    base = seed_page.transcript.model_dump()
    rows = [{**base, "transcript_id": f"2016-11-17-{i:012x}"} for i in range(700)]
    records = [Transcript.model_validate(r) for r in rows]
    written = {}
    for coalesce in (10**9, 100, 1):
        monkeypatch.setattr(export, "COALESCE", coalesce)
        folder = tmp_path / str(coalesce)
        folder.mkdir()
        writer = export.TableWriter(Transcript, folder)
        for record in records:
            writer.write([record])
        assert len(writer._buffer) <= max(1, len(records) // coalesce) + coalesce
        writer.close()
        written[coalesce] = {p.name: p.read_bytes() for p in folder.iterdir()}
    assert written[1] == written[100] == written[10**9]


def test_a_chunk_of_pages_gives_each_page_the_batches_parse_page_gives(mixed_seeds: Path) -> None:
    addresses = read_sources(mixed_seeds, Report())
    pages = discover(mixed_seeds)
    tasks = [(i, p, addresses.get(p.name), None) for i, p in enumerate(pages)]
    chunked = pool_module.parse_chunk(tasks)
    assert any(r.problem is not None for r in chunked)  # a bad page amid good ones
    for task, result in zip(tasks, chunked, strict=True):
        alone = parse_page(*task)
        assert (result.index, result.name, result.problem) == (
            alone.index,
            alone.name,
            alone.problem,
        )
        assert result.fingerprint == alone.fingerprint
        assert result.batches.keys() == alone.batches.keys()
        for table, batch in alone.batches.items():
            assert result.batches[table].equals(batch), (result.name, table)
            assert result.batches[table].schema.equals(batch.schema, check_metadata=True)


def test_the_largest_table_starts_first() -> None:
    from mfa_transcripts.builder.build import _largest_first

    sizes = {"transcripts": 5, "speeches": 10, "questions": 30, "answers": 100}
    assert _largest_first(sizes) == ["answers", "questions", "speeches", "transcripts"]
    even = dict.fromkeys(sizes, 10)
    assert _largest_first(even) == ["answers", "questions", "speeches", "transcripts"]
