"""Bigger than one machine: past ``ROWS_PER_SHARD`` rows a table's Parquet is sharded.

The threshold is set to 4 rows here, so that three of the seeds' tables (5 transcripts,
22 questions, 22 answers) are written as several shards, a page's rows split across
shards, while the speeches (2 rows) stay one file.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from mfa_transcripts import load, load_table
from mfa_transcripts import package as package_module
from mfa_transcripts.builder.build import build, check
from mfa_transcripts.package import TABLE_NAMES, listed_shards, parquet_paths, shard_count
from mfa_transcripts.validate import validate_package

from .conftest import PYTHON, ROOT, SEEDS, copy_package

PER_SHARD = 4
REAL = package_module.ROWS_PER_SHARD
SHARD_NAME = re.compile(r"([a-z]+)-(\d{5})-of-(\d{5})\.parquet")


@pytest.fixture(scope="module")
def low_threshold() -> Iterator[None]:
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(package_module, "ROWS_PER_SHARD", PER_SHARD)
        yield


def _build(root: Path) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(ROOT / "README.md", root / "README.md")
    build(SEEDS, root)
    return root


@pytest.fixture(scope="module")
def sharded(low_threshold: None, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _build(tmp_path_factory.mktemp("sharded"))


def _files(root: Path) -> dict[str, bytes]:
    return {
        p.relative_to(root).as_posix(): p.read_bytes()
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


def test_shards_are_named_the_hugging_face_way_and_the_csv_stays_one_file(
    sharded: Path, built: Path
) -> None:
    names = sorted(p.name for p in (sharded / "dist").iterdir())
    for table in TABLE_NAMES:
        rows = pq.read_metadata(built / "dist" / f"{table}.parquet").num_rows
        count = shard_count(rows, PER_SHARD)
        assert count == (1 if rows <= PER_SHARD else -(-rows // PER_SHARD)), table
        shards = [n for n in names if n.startswith(f"{table}-") and n.endswith(".parquet")]
        assert f"{table}.csv" in names
        if count == 1:
            assert shards == [] and f"{table}.parquet" in names
            continue
        assert shards == [f"{table}-{i:05d}-of-{count:05d}.parquet" for i in range(count)]
        assert f"{table}.parquet" not in names
        sizes = [pq.read_metadata(sharded / "dist" / n).num_rows for n in shards]
        assert sizes == [PER_SHARD] * (count - 1) + [rows - PER_SHARD * (count - 1)]
    assert not [n for n in names if n.endswith(".partial")]
    assert {"answers-00005-of-00006.parquet", "speeches.parquet"} <= set(names)


def test_descriptor_lists_every_shard_with_bytes_and_sha256(sharded: Path) -> None:
    import hashlib

    descriptor = json.loads((sharded / "datapackage.json").read_text("utf-8"))
    listed = [r for r in descriptor["resources"] if SHARD_NAME.fullmatch(r["path"][5:])]
    on_disk = sorted(p.name for p in (sharded / "dist").glob("*-of-*.parquet"))
    assert sorted(r["path"].removeprefix("dist/") for r in listed) == on_disk
    for resource in listed:
        data = (sharded / resource["path"]).read_bytes()
        assert resource["bytes"] == len(data)
        assert resource["hash"] == "sha256:" + hashlib.sha256(data).hexdigest()
        assert resource["mediatype"] == "application/vnd.apache.parquet"
    counts = listed_shards(descriptor)
    assert counts == {"transcripts": 2, "questions": 6, "answers": 6}
    for table, count in counts.items():
        assert [r["path"] for r in listed if r["name"].startswith(f"{table}-")] == parquet_paths(
            table, count
        )


def test_card_configs_read_the_shards_by_glob(sharded: Path) -> None:
    card = (sharded / "dist" / "README.md").read_text("utf-8")
    for table in ("transcripts", "questions", "answers"):
        assert f"    path: {table}-*-of-*.parquet\n" in card
        assert f"    path: {table}.parquet\n" not in card
    assert "    path: speeches.parquet\n" in card


def test_validate_passes_and_names_a_tampered_shard(
    sharded: Path, tmp_path: Path, low_threshold: None
) -> None:
    assert validate_package(sharded / "datapackage.json").ok
    package = copy_package(sharded, tmp_path / "tampered")
    shard = package / "dist" / "answers-00002-of-00006.parquet"
    table = pq.read_table(shard)
    pq.write_table(table.slice(0, 3), shard)
    found = {(p.type, p.file) for p in validate_package(package / "datapackage.json").errors}
    assert ("hash-mismatch", "dist/answers-00002-of-00006.parquet") in found


def test_a_shard_the_descriptor_does_not_list_is_unexpected(sharded: Path, tmp_path: Path) -> None:
    package = copy_package(sharded, tmp_path / "stray")
    stray = package / "dist" / "answers-00006-of-00007.parquet"
    shutil.copyfile(package / "dist" / "answers-00000-of-00006.parquet", stray)
    found = {(p.type, p.file) for p in validate_package(package / "datapackage.json").errors}
    assert ("unexpected-file", "dist/answers-00006-of-00007.parquet") in found
    (package / "dist" / "answers-00003-of-00006.parquet").unlink()
    stray.unlink()
    found = {(p.type, p.file) for p in validate_package(package / "datapackage.json").errors}
    assert ("missing-file", "dist/answers-00003-of-00006.parquet") in found


def test_frictionless_validates_the_sharded_package(sharded: Path) -> None:
    out = subprocess.run(
        [PYTHON, "-m", "frictionless", "validate", "--json", str(sharded / "datapackage.json")],
        capture_output=True,
        text=True,
        check=False,
    )
    result = json.loads(out.stdout)
    assert result["valid"], result
    assert sum(t["name"].startswith("answers-parquet-") for t in result["tasks"]) == 6


def test_build_check_passes_on_the_sharded_package(sharded: Path, low_threshold: None) -> None:
    assert check(SEEDS, sharded) == []


def test_build_check_names_shards_an_unsharded_build_would_not_write(
    sharded: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(package_module, "ROWS_PER_SHARD", REAL)
    package = copy_package(sharded, tmp_path / "pkg")
    shutil.copyfile(sharded / "README.md", package / "README.md")
    stale = {p.file for p in check(SEEDS, package)}  # the real threshold: one file a table
    assert "dist/answers-00000-of-00006.parquet" in stale
    assert "dist/answers.parquet" in stale


def test_load_gives_the_unsharded_records(sharded: Path, built: Path) -> None:
    for table in TABLE_NAMES:
        assert load(table, package=sharded) == load(table, package=built), table
        assert load_table(table, package=sharded).equals(load_table(table, package=built))


def test_datasets_reads_the_shards(sharded: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    datasets = pytest.importorskip("datasets")
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    monkeypatch.setenv("HF_DATASETS_OFFLINE", "1")
    with tempfile.TemporaryDirectory() as cache:
        loaded = datasets.load_dataset(str(sharded / "dist"), "answers", cache_dir=cache)
    assert loaded["train"].num_rows == 22
    assert (
        loaded["train"]["answer_id"]
        == load_table("answers", package=sharded).column("answer_id").to_pylist()
    )


def test_sharded_builds_are_deterministic(
    sharded: Path, tmp_path: Path, low_threshold: None
) -> None:
    again = _build(tmp_path / "again")
    assert _files(again) == _files(sharded)


def test_below_the_threshold_a_table_is_one_file(built: Path) -> None:
    assert REAL >= 1_000_000
    assert sorted(p.name for p in (built / "dist").glob("*.parquet")) == sorted(
        f"{t}.parquet" for t in TABLE_NAMES
    )
    descriptor = json.loads((built / "datapackage.json").read_text("utf-8"))
    assert listed_shards(descriptor) == {}


def test_a_changed_row_is_named_by_its_shard(sharded: Path, tmp_path: Path) -> None:
    """A shard rewritten and re-listed (hash and size updated) is read row by row, and the
    row that differs from the CSV is named by the shard holding it."""
    import hashlib

    import pyarrow as pa

    package = copy_package(sharded, tmp_path / "edited")
    rel = "dist/answers-00002-of-00006.parquet"
    table = pq.read_table(package / rel)
    counts = table.column("word_count").to_pylist()
    counts[1] += 1
    edited = table.set_column(
        table.schema.get_field_index("word_count"),
        table.schema.field("word_count"),
        pa.array(counts, table.schema.field("word_count").type),
    )
    pq.write_table(edited, package / rel)
    data = (package / rel).read_bytes()
    descriptor = json.loads((package / "datapackage.json").read_text("utf-8"))
    for resource in descriptor["resources"]:
        if resource["path"] == rel:
            resource["bytes"] = len(data)
            resource["hash"] = "sha256:" + hashlib.sha256(data).hexdigest()
    (package / "datapackage.json").write_text(json.dumps(descriptor), "utf-8")
    found = {(p.type, p.file) for p in validate_package(package / "datapackage.json").errors}
    assert ("format-mismatch", rel) in found
