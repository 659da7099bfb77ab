"""The builder: deterministic files, staleness check, frictionless validity."""

from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
from pathlib import Path

import pytest

from mfa_transcripts.builder.build import BuildError, build, check, discover
from mfa_transcripts.cli import main

from .conftest import PYTHON, ROOT, SEEDS, copy_package

PUBLISHED = (
    ["datapackage.json", "README.md"]
    + [
        f"{d}/{t}.{e}"
        for t in ("transcripts", "speeches", "questions", "answers")
        for d, e in (("dist", "csv"), ("dist", "parquet"), ("schema", "json"))
    ]
    + ["dist/README.md"]
)


def _frictionless(descriptor: Path) -> dict:  # type: ignore[type-arg]
    out = subprocess.run(
        [PYTHON, "-m", "frictionless", "validate", "--json", str(descriptor)],
        capture_output=True,
        text=True,
        check=False,
    )
    return json.loads(out.stdout)  # type: ignore[no-any-return]


def test_same_seeds_give_byte_identical_files(built: Path, tmp_path: Path) -> None:
    shutil.copyfile(ROOT / "README.md", tmp_path / "README.md")
    build(SEEDS, tmp_path)
    for name in PUBLISHED:
        assert (tmp_path / name).read_bytes() == (built / name).read_bytes(), name


def test_committed_files_match_the_seeds() -> None:
    assert check(SEEDS, ROOT) == []


def test_check_names_stale_files_and_exits_1(
    built: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    csv = built / "dist" / "questions.csv"
    original = csv.read_bytes()
    try:
        csv.write_bytes(original.replace(b"Fatherland", b"Motherland", 1))
        assert main(["build", "--check", "--seeds", str(SEEDS), "--out", str(built)]) == 1
        assert "dist/questions.csv" in capsys.readouterr().err
    finally:
        csv.write_bytes(original)
    assert main(["build", "--check", "--seeds", str(SEEDS), "--out", str(built)]) == 0


def test_check_with_a_stray_file_says_so_and_no_interrupted_publish(
    built: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    stray = built / "dist" / "notes.txt"
    stray.write_text("mine", "utf-8")
    try:
        assert main(["build", "--check", "--seeds", str(SEEDS), "--out", str(built)]) == 1
        said = capsys.readouterr()
        assert "dist/notes.txt" in said.err and "does not list" in said.out + said.err
        assert "interrupted" not in said.out + said.err
    finally:
        stray.unlink()


def test_csv_format(built: Path) -> None:
    raw = (built / "dist" / "transcripts.csv").read_bytes()
    assert b"\r" not in raw
    text = raw.decode("utf-8")
    header, *rows = text.splitlines()
    assert header.startswith("transcript_id,title,genre,genres,event_date,")
    assert rows == sorted(rows)  # rows in transcript ID order
    (row,) = [r for r in rows if r.startswith("2020-08-23-")]  # the seed's row
    assert '"[""remarks"",""answers to questions""]"' in row
    assert "2020-08-23T19:37:00+03:00" in row


def test_frictionless_valid(built: Path) -> None:
    result = _frictionless(built / "datapackage.json")
    assert result["valid"], result
    assert {t["name"] for t in result["tasks"]} == {
        "transcripts",
        "speeches",
        "questions",
        "answers",
        "transcripts-parquet",
        "speeches-parquet",
        "questions-parquet",
        "answers-parquet",
        "card",
        "croissant",
        "figure",
        *(f"{t}-schema" for t in ("transcripts", "speeches", "questions", "answers")),
        *(f"{t}-standalone-schema" for t in ("transcripts", "speeches", "questions", "answers")),
    }


@pytest.mark.parametrize(
    "name",
    [
        "dist/transcripts.csv",
        "dist/speeches.csv",
        "dist/questions.csv",
        "dist/answers.csv",
        "dist/answers.parquet",
        "dist/README.md",
        "schema/questions.json",
    ],
)
def test_frictionless_invalid_after_one_byte_changed(package: Path, name: str) -> None:
    path = package / name
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0x01
    path.write_bytes(bytes(data))
    result = _frictionless(package / "datapackage.json")
    assert not result["valid"]
    failing = {t["name"]: [e["type"] for e in t["errors"]] for t in result["tasks"] if t["errors"]}
    descriptor = json.loads((package / "datapackage.json").read_text("utf-8"))
    (resource,) = [r["name"] for r in descriptor["resources"] if r["path"] == name]
    assert "hash-count" in failing[resource]


def test_frictionless_checks_foreign_keys(package: Path) -> None:
    path = package / "dist" / "answers.csv"
    text = path.read_text("utf-8")
    path.write_text(text.replace("-q015,", "-q099,", 1), "utf-8")
    result = _frictionless(package / "datapackage.json")
    errors = [e["type"] for t in result["tasks"] for e in t["errors"]]
    assert "foreign-key" in errors


def test_validate_command(built: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", str(built / "datapackage.json")]) == 0
    assert "valid" in capsys.readouterr().out


def test_build_report_accounts_for_characters(tmp_path: Path) -> None:
    from mfa_transcripts.builder.build import discover
    from mfa_transcripts.builder.parse import parse_file

    report = build(SEEDS, tmp_path)
    pages = [parse_file(p) for p in discover(SEEDS)]
    chars = report.figures["characters"]
    assert chars["unaccounted"] == 0  # type: ignore[index]
    assert chars["record"] == sum(p.accounting.record_chars for p in pages)  # type: ignore[index]
    assert report.figures["rows"] == {
        "transcripts": len(pages),
        "speeches": sum(len(p.speeches) for p in pages),
        "questions": sum(len(p.questions) for p in pages),
        "answers": sum(len(p.answers) for p in pages),
    }


def test_files_the_build_does_not_own_stop_it(built: Path, tmp_path: Path) -> None:
    """A wheel left in dist/ would be lost when dist/ is swapped: the build refuses instead."""
    root = copy_package(built, tmp_path)
    before = {p: p.read_bytes() for p in root.rglob("*") if p.is_file()}
    wheel = root / "dist" / "mfa_transcripts-0.1.0-py3-none-any.whl"
    wheel.write_bytes(b"PK")
    with pytest.raises(BuildError) as caught:
        build(SEEDS, root)
    (problem,) = caught.value.report.errors
    assert (problem.type, problem.file) == ("unexpected-file", "dist/" + wheel.name)
    assert wheel.exists()
    assert {p: p.read_bytes() for p in root.rglob("*") if p.is_file() and p != wheel} == before


def test_ids_stay_the_same_when_pages_are_added_or_removed(built: Path, tmp_path: Path) -> None:
    pages = discover(SEEDS)
    assert len(pages) >= 3
    fewer = tmp_path / "seeds"
    fewer.mkdir()
    for page in pages[::2]:  # every other page
        shutil.copyfile(page, fewer / page.name)
    shutil.copyfile(SEEDS / "sources.csv", fewer / "sources.csv")
    build(fewer, tmp_path / "out")
    for table in ("transcripts", "questions", "answers"):
        all_rows = set((built / "dist" / f"{table}.csv").read_text("utf-8").splitlines()[1:])
        some_rows = (tmp_path / "out" / "dist" / f"{table}.csv").read_text("utf-8").splitlines()
        assert set(some_rows[1:]) <= all_rows, table  # same IDs, same rows


def test_sources_list_every_seed_with_its_address_and_sha256(built: Path) -> None:
    descriptor = json.loads((built / "datapackage.json").read_text("utf-8"))
    addresses = dict(
        line.split(",", 1) for line in (SEEDS / "sources.csv").read_text("utf-8").splitlines()[1:]
    )
    listed = {s["title"]: s for s in descriptor["sources"]}
    assert set(listed) == {p.name for p in discover(SEEDS)}
    for page in discover(SEEDS):
        assert listed[page.name]["sha256"] == hashlib.sha256(page.read_bytes()).hexdigest()
        assert listed[page.name].get("path") == addresses.get(page.name)
    card = (built / "dist" / "README.md").read_text("utf-8")
    assert all(name in card for name in listed)


def test_licence_says_what_the_source_allows_and_is_not_cc_by(built: Path) -> None:
    descriptor = json.loads((built / "datapackage.json").read_text("utf-8"))
    (licence,) = descriptor["licenses"]
    text = licence["title"]
    assert "no named licence" in text and "non-commercial" in text and "attribution" in text
    assert "not under CC BY" in text
    assert not any("cc-by" in str(v).lower() for v in licence.values() if v != text)
    card = (built / "dist" / "README.md").read_text("utf-8")
    assert "license: other" in card and "license: cc-by" not in card
    assert "licensed separately (MIT)" in descriptor["description"]
