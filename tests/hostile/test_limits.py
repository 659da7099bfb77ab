"""Every hostile input ends in a named problem and exit 1 (2 for usage), never exit 3.

Each limit the README's error table names is hit here once: descriptor size and nesting,
path length, CSV header, line and cell size, Parquet decompressed size; plus wrong JSON
types, unreadable files, exhausted memory, and a Parquet file whose hash failed (it is
not decoded at all).
"""

from __future__ import annotations

import errno
import json
import os
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from mfa_transcripts import validate as validate_module
from mfa_transcripts.builder.describe import datapackage
from mfa_transcripts.builder.export import json_text
from mfa_transcripts.cli import main
from mfa_transcripts.validate import descriptor, limits, rows, validate_package

from ..conftest import run_cli


def _problems(root: Path) -> list[tuple[str, str]]:
    return [(p.type, p.file) for p in validate_package(root / "datapackage.json").problems]


def _edit_descriptor(root: Path, edit: Any) -> None:
    descriptor = json.loads((root / "datapackage.json").read_text("utf-8"))
    edit(descriptor)
    (root / "datapackage.json").write_text(json.dumps(descriptor), "utf-8")


def _refresh(root: Path) -> None:
    """Hashes and sizes made to match the files again (a careful attacker)."""
    descriptor = json.loads((root / "datapackage.json").read_text("utf-8"))
    (root / "datapackage.json").write_text(
        json_text(datapackage(root, descriptor["sources"])), "utf-8"
    )


def test_deeply_nested_json_is_a_named_limit(
    package: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (package / "datapackage.json").write_text("[" * 200_000 + "]" * 200_000, "utf-8")
    assert _problems(package) == [("limit-exceeded", "datapackage.json")]
    assert main(["validate", str(package / "datapackage.json")]) == 1
    assert "nested at most 32 deep" in capsys.readouterr().err


def test_nesting_inside_strings_does_not_count(package: Path) -> None:
    _edit_descriptor(package, lambda d: d.update(description="[" * 1000))
    assert _problems(package) == [("descriptor-mismatch", "datapackage.json")]


def test_a_huge_descriptor_is_not_read_whole(package: Path) -> None:
    with (package / "datapackage.json").open("w") as handle:
        handle.write("{" + " " * (validate_module.MAX_DESCRIPTOR_BYTES + 10) + "}")
    assert _problems(package) == [("limit-exceeded", "datapackage.json")]


def test_a_descriptor_exhausting_memory_is_a_limit(
    package: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_memory(*args: Any, **kwargs: Any) -> Any:
        raise MemoryError

    monkeypatch.setattr(descriptor.json, "loads", no_memory)
    assert _problems(package) == [("limit-exceeded", "datapackage.json")]


def test_memory_exhausted_anywhere_exits_1(
    package: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def no_memory(*args: Any, **kwargs: Any) -> Any:
        raise MemoryError

    monkeypatch.setattr(validate_module, "validate_package", no_memory)
    assert main(["validate", str(package / "datapackage.json")]) == 1
    assert "[limit-exceeded]" in capsys.readouterr().err


def test_a_5000_character_path_argument_exits_1(tmp_path: Path) -> None:
    long = str(tmp_path / ("x" * 5000) / "datapackage.json")
    out = run_cli("validate", long)
    assert out.returncode == 1, out.stderr
    assert "[limit-exceeded]" in out.stderr and "Traceback" not in out.stderr
    out = run_cli("parse", str(tmp_path / ("y" * 5000)))
    assert out.returncode == 1, out.stderr
    out = run_cli("build", "--seeds", str(tmp_path / ("z" * 5000)), "--out", str(tmp_path / "o"))
    assert out.returncode == 1, out.stderr


def test_a_5000_character_resource_path_is_a_limit(package: Path) -> None:
    _edit_descriptor(package, lambda d: d["resources"][0].update(path="dist/" + "a" * 5000))
    found = _problems(package)
    assert ("limit-exceeded", "datapackage.json") in found
    message = next(p.message for p in validate_package(package / "datapackage.json").problems)
    assert len(message) < 300


@pytest.mark.parametrize(
    "edit",
    [
        lambda d: d["resources"][0].update(path=["dist", "questions.csv"]),
        lambda d: d["resources"][0].update(name=["questions"]),
        lambda d: d["resources"][0].update(bytes={"a": 1}, hash=[1]),
        lambda d: d["resources"][0].update(schema=["schema/transcripts.json"]),
        lambda d: d.update(resources={"a": 1}),
        lambda d: d.update(resources=[1, 2]),
        lambda d: d.update(sources=[["x"], 1]),
        lambda d: d.update(sources="x"),
        lambda d: d.clear(),
    ],
    ids=[
        "list-path",
        "list-name",
        "dict-bytes",
        "list-schema",
        "resources-object",
        "resources-numbers",
        "sources-lists",
        "sources-string",
        "empty",
    ],
)
def test_wrong_json_types_are_named_problems(
    package: Path, edit: Any, capsys: pytest.CaptureFixture[str]
) -> None:
    _edit_descriptor(package, edit)
    assert _problems(package)
    assert main(["validate", str(package / "datapackage.json"), "--frictionless"]) == 1
    assert "internal error" not in capsys.readouterr().err


def test_an_unreadable_table_is_named(package: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real = os.open

    def open_(path: Any, *args: Any, **kwargs: Any) -> int:
        if Path(path).name == "answers.csv":
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(path))
        return real(path, *args, **kwargs)

    monkeypatch.setattr(os, "open", open_)
    assert ("unreadable-file", "dist/answers.csv") in _problems(package)


def test_a_csv_header_of_many_columns_is_one_short_line(package: Path) -> None:
    path = package / "dist" / "questions.csv"
    lines = path.read_text("utf-8").split("\n", 1)
    path.write_text(",".join(f"c{i}" for i in range(200_000)) + "\n" + lines[1], "utf-8")
    _refresh(package)  # hashes that match: a CSV whose hash failed is never decoded
    report = validate_package(package / "datapackage.json")
    assert ("limit-exceeded", "dist/questions.csv") in [(p.type, p.file) for p in report.problems]
    assert max(len(str(p)) for p in report.problems) < 1000


def test_a_header_mismatch_names_few_columns(package: Path) -> None:
    path = package / "dist" / "questions.csv"
    lines = path.read_text("utf-8").split("\n", 1)
    path.write_text(",".join(f"c{i}" for i in range(5000)) + "\n" + lines[1], "utf-8")
    _refresh(package)  # hashes that match: a CSV whose hash failed is never decoded
    report = validate_package(package / "datapackage.json")
    mismatch = [p for p in report.problems if p.type == "header-mismatch"]
    assert mismatch and len(mismatch[0].message) < 3000
    assert "more" in mismatch[0].message


def test_a_csv_line_over_the_limit_is_not_read_whole(
    package: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(limits, "MAX_CSV_LINE_BYTES", 10_000)
    path = package / "dist" / "answers.csv"
    with path.open("a", encoding="utf-8") as handle:
        handle.write("x" * 50_000 + "\n")
    _refresh(package)  # hashes that match: a CSV whose hash failed is never decoded
    assert ("limit-exceeded", "dist/answers.csv") in _problems(package)


def test_a_csv_cell_over_the_limit_is_a_limit(package: Path) -> None:
    path = package / "dist" / "answers.csv"
    with path.open("a", encoding="utf-8") as handle:
        handle.write('"' + "x\n" * 600_000 + '"\n')
    _refresh(package)  # hashes that match: a CSV whose hash failed is never decoded
    assert ("limit-exceeded", "dist/answers.csv") in _problems(package)


def _bomb(path: Path) -> None:
    """A Parquet file of the table's schema that decompresses to ~50 MB from a few KB."""
    table = pq.read_table(path)
    column = table.schema.get_field_index("text")
    big = pa.array(["x" * 50_000_000], pa.string())
    row = table.slice(0, 1).set_column(column, table.schema.field(column), big)
    pq.write_table(row, path, compression="zstd")


def test_a_parquet_bomb_is_refused_from_its_metadata(
    package: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = package / "dist" / "answers.parquet"
    _bomb(path)
    assert path.stat().st_size < 100_000
    _refresh(package)  # its hash matches: only the metadata check stands in the way
    monkeypatch.setattr(limits, "MAX_PARQUET_BYTES", 10_000_000)
    decoded: list[int] = []
    real = pq.ParquetFile.iter_batches

    def iter_batches(self: Any, *args: Any, **kwargs: Any) -> Any:
        decoded.append(1)
        return real(self, *args, **kwargs)

    monkeypatch.setattr(pq.ParquetFile, "iter_batches", iter_batches)
    found = _problems(package)
    assert ("limit-exceeded", "dist/answers.parquet") in found
    assert len(decoded) == 3  # the other three tables only


def test_a_parquet_file_whose_hash_failed_is_not_decoded(
    package: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _bomb(package / "dist" / "answers.parquet")
    decoded: list[Any] = []
    real = pq.ParquetFile.iter_batches

    def iter_batches(self: Any, *args: Any, **kwargs: Any) -> Any:
        decoded.append(self.metadata.num_rows)
        return real(self, *args, **kwargs)

    monkeypatch.setattr(pq.ParquetFile, "iter_batches", iter_batches)
    found = _problems(package)
    assert ("hash-mismatch", "dist/answers.parquet") in found
    assert len(decoded) == 3


def test_a_csv_file_whose_hash_failed_is_not_decoded(
    package: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = package / "dist" / "answers.csv"
    with path.open("a", encoding="utf-8") as handle:
        handle.write('"' + "x" * 100_000 + '"\n')  # within the limits, but not the listed bytes
    decoded: list[str] = []
    real = rows._csv_records

    def csv_records(csv_path: Path, *args: Any, **kwargs: Any) -> Any:
        decoded.append(csv_path.name)
        return real(csv_path, *args, **kwargs)

    monkeypatch.setattr(rows, "_csv_records", csv_records)
    found = _problems(package)
    assert ("hash-mismatch", "dist/answers.csv") in found
    assert "answers.csv" not in decoded and len(decoded) == 3  # the three other tables


@pytest.mark.parametrize(
    ("text", "depth"),
    [
        (rb'{"a": "[[[{{"}', 1),  # brackets in a string do not nest
        (rb'[["\"]]]\\", [1]]]', 3),  # an escaped quote does not end the string
        (rb'[["\\"], [["\\\\"]]]', 3),  # an escaped backslash does not escape the quote
        (rb'[["a\nb[", "\u005b"]]', 2),
        (rb"[[[]]]", 3),
        (rb'"[[["', 0),
    ],
)
def test_json_depth_skips_strings_with_escapes(text: bytes, depth: int) -> None:
    assert descriptor._json_depth(text) == depth
