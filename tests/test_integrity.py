"""`mfa-transcripts validate` catches every kind of tampering, each with a named problem.

Each test tampers with a private copy of a package built from two pages of
``tests/data/bad/`` (so that the rows do not move when the seeds do) in one way and
checks the problem type. "Careful" tampering also rewrites
``datapackage.json`` and the dataset card so that hashes and sizes match again: the
defect must then be caught by what it breaks, not by the hash.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import re
import shutil
from collections.abc import Callable
from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq
import pytest

from mfa_transcripts.builder.build import build
from mfa_transcripts.builder.describe import card, datapackage
from mfa_transcripts.builder.export import json_text
from mfa_transcripts.builder.metadata import write_generated
from mfa_transcripts.cli import main
from mfa_transcripts.errors import Report
from mfa_transcripts.schema import MODELS
from mfa_transcripts.validate import rows as validate_rows
from mfa_transcripts.validate import validate_package

from .conftest import DATA, copy_package

TABLES = [m.table for m in MODELS]


@pytest.fixture(autouse=True)
def bulk_never_passes_what_the_row_pass_refuses(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every validate in this file also runs the row-by-row pass, whatever the bulk says.

    The bulk checks (``checks.rows_hold``) decide whether the row pass runs at all, so a
    tampering they let through would go unreported: whenever they pass a package, the
    row pass must find no problem in it either.
    """
    real = validate_rows.rows_hold

    def rows_hold(
        root: Path, shards: dict[str, int] | None = None, max_bytes: int | None = None
    ) -> object:
        bulk = real(root, shards, max_bytes)
        row_pass = Report()
        # the bulk runs only when every file is regular and matches the descriptor
        every_file_fine = validate_rows._Checked(set(), set(), set(), shards=shards or {})
        files = {f"dist/{t}.csv" for t in TABLES}
        files |= {p for t in TABLES for p in every_file_fine.parquet(t)}
        every_file_fine.regular, every_file_fine.matching = files, set(files)
        validate_rows._check_rows_one_by_one(root, row_pass, every_file_fine)
        if bulk is not None:
            assert row_pass.errors == [], row_pass.errors
        return bulk

    monkeypatch.setattr(validate_rows, "rows_hold", rows_hold)


FILES = [f"dist/{t}.{ext}" for t in TABLES for ext in ("csv", "parquet")]
PAGES = ("good.txt", "title-no-speaker.txt")  # two pages: 2 transcripts, 2/4/4 turns


@pytest.fixture(scope="module")
def built_two(tmp_path_factory: pytest.TempPathFactory) -> Path:
    seeds = tmp_path_factory.mktemp("seeds")
    for name in PAGES:
        shutil.copyfile(DATA / "bad" / name, seeds / name)
    root = tmp_path_factory.mktemp("two-pages")
    build(seeds, root)
    return root


@pytest.fixture
def package(built_two: Path, tmp_path: Path) -> Path:
    """A private copy of the two-page package, free to tamper with."""
    return copy_package(built_two, tmp_path)


def problems(package: Path) -> list[tuple[str, str]]:
    report = validate_package(package / "datapackage.json")
    for problem in report.problems:  # every message says what was expected and what was found
        assert re.search(r"\bexpected\b.+\bfound\b", problem.message), str(problem)
    return [(p.type, p.file) for p in report.problems]


def types(package: Path) -> set[str]:
    return {t for t, _ in problems(package)}


def refresh(package: Path) -> None:
    """Cover the tracks: hashes, sizes and the card made to match the tampered files."""
    descriptor = json.loads((package / "datapackage.json").read_text("utf-8"))
    sources = descriptor["sources"]
    rows = {t: len(read_csv(package / "dist" / f"{t}.csv")) - 1 for t in TABLES}
    (package / "dist" / "README.md").write_text(card(rows, sources), "utf-8")  # card first:
    write_generated(package)  # and the Croissant file, which lists the CSVs' hashes
    (package / "datapackage.json").write_text(json_text(datapackage(package, sources)), "utf-8")


def read_csv(path: Path) -> list[list[str]]:
    return list(csv.reader(io.StringIO(path.read_text("utf-8"), newline="")))


def write_csv(path: Path, rows: list[list[str]]) -> None:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerows(rows)
    path.write_text(buffer.getvalue(), "utf-8", newline="")


def edit_rows(path: Path, edit: Callable[[list[list[str]]], list[list[str]]]) -> None:
    write_csv(path, edit(read_csv(path)))


def edit_table(path: Path, edit: Callable[[pa.Table], pa.Table]) -> None:
    pq.write_table(edit(pq.read_table(path)), path, compression="zstd")


def test_the_untouched_package_is_valid(package: Path) -> None:
    assert problems(package) == []


# --- a changed byte ------------------------------------------------------------------


@pytest.mark.parametrize("rel", FILES)
def test_a_changed_byte_in_any_file(package: Path, rel: str) -> None:
    path = package / rel
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0x01
    path.write_bytes(bytes(data))
    found = problems(package)
    assert ("hash-mismatch", rel) in found
    assert ("size-mismatch", rel) not in found  # same size: only the hash tells


@pytest.mark.parametrize("rel", FILES)
def test_any_changed_byte_is_reported_never_raised(package: Path, rel: str) -> None:
    """Bytes that break UTF-8, CSV quoting or Parquet pages are problems, not crashes."""
    path = package / rel
    original = path.read_bytes()
    for position in (0, 5, len(original) // 3, len(original) // 2, len(original) - 9):
        for value in (0xFF, ord('"'), 0x0A, 0x00):
            data = bytearray(original)
            if data[position] == value:
                continue
            data[position] = value
            path.write_bytes(bytes(data))
            assert "hash-mismatch" in types(package), (position, value)
    path.write_bytes(original)
    assert problems(package) == []


def test_invalid_utf8_in_a_csv_is_an_encoding_error(package: Path) -> None:
    path = package / "dist" / "questions.csv"
    lines = path.read_bytes().split(b"\n")
    lines[3] = lines[3].replace(b"a", b"\xff", 1)
    path.write_bytes(b"\n".join(lines))
    # a CSV whose hash failed is not decoded: only its hash is named
    assert ("hash-mismatch", "dist/questions.csv") in problems(package)
    assert ("encoding-error", "dist/questions.csv") not in problems(package)
    descriptor = json.loads((package / "datapackage.json").read_text("utf-8"))
    for resource in descriptor["resources"]:  # the hash made to match the broken bytes
        if resource["path"] == "dist/questions.csv":
            resource["bytes"] = len(path.read_bytes())
            resource["hash"] = "sha256:" + hashlib.sha256(path.read_bytes()).hexdigest()
    (package / "datapackage.json").write_text(json_text(descriptor), "utf-8")
    assert ("encoding-error", "dist/questions.csv") in problems(package)
    lines_with_problems = [
        p.line
        for p in validate_package(package / "datapackage.json").problems
        if p.type == "encoding-error"
    ]
    assert lines_with_problems == [4]


# --- rows deleted or duplicated ------------------------------------------------------


def test_a_deleted_answer_row(package: Path) -> None:
    edit_rows(package / "dist" / "answers.csv", lambda rows: rows[:2] + rows[3:])
    found = types(package)
    # the CSV's hash failed: it is not decoded, and the intact Parquet copy stands in
    assert {"size-mismatch", "hash-mismatch"} <= found
    assert not found & {"count-mismatch", "format-mismatch"}
    refresh(package)
    assert types(package) == {"count-mismatch", "format-mismatch"}


def test_a_deleted_row_in_both_formats(package: Path) -> None:
    edit_rows(package / "dist" / "questions.csv", lambda rows: rows[:-1])
    edit_table(package / "dist" / "questions.parquet", lambda t: t.slice(0, t.num_rows - 1))
    refresh(package)
    found = problems(package)
    # the transcript counts one question more, and its answer now answers nothing
    assert {t for t, _ in found} == {"count-mismatch", "foreign-key"}
    assert ("foreign-key", "dist/answers.csv") in found


def test_a_deleted_parquet_row(package: Path) -> None:
    edit_table(package / "dist" / "speeches.parquet", lambda t: t.slice(0, 0))
    refresh(package)
    assert problems(package) == [("format-mismatch", "dist/speeches.parquet")]


def test_a_whole_transcript_deleted_everywhere(package: Path) -> None:
    """Every row of one page removed from every table and format: the sources tell."""
    victim = read_csv(package / "dist" / "transcripts.csv")[1][0]
    for table in TABLES:
        column = read_csv(package / "dist" / f"{table}.csv")[0].index("transcript_id")
        edit_rows(
            package / "dist" / f"{table}.csv",
            lambda rows, c=column: [r for r in rows if r[c] != victim],  # type: ignore[misc]
        )
        edit_table(
            package / "dist" / f"{table}.parquet",
            lambda t: t.filter(pc.not_equal(t["transcript_id"], victim)),
        )
    refresh(package)
    (problem,) = validate_package(package / "datapackage.json").problems
    assert (problem.type, problem.file) == ("descriptor-mismatch", "datapackage.json")
    assert victim in problem.message


@pytest.mark.parametrize("table", TABLES)
def test_a_duplicated_row(package: Path, table: str) -> None:
    edit_rows(package / "dist" / f"{table}.csv", lambda rows: [*rows, rows[1]])
    refresh(package)
    found = problems(package)
    assert ("duplicate-key", f"dist/{table}.csv") in found
    assert ("format-mismatch", f"dist/{table}.parquet") in found


def test_a_duplicated_parquet_row(package: Path) -> None:
    edit_table(package / "dist" / "answers.parquet", lambda t: pa.concat_tables([t, t.slice(0, 1)]))
    refresh(package)
    assert problems(package) == [("format-mismatch", "dist/answers.parquet")]


# --- rows out of order ----------------------------------------------------------------


def csv_line(path: Path, row: int) -> int:
    """The line a CSV file's ``row``-th data row (from 1) starts on."""
    reader = csv.reader(io.StringIO(path.read_text("utf-8"), newline=""))
    next(reader)
    start = reader.line_num + 1
    for number, _ in enumerate(reader, start=1):
        if number == row:
            return start
        start = reader.line_num + 1
    raise AssertionError(f"no row {row} in {path}")


@pytest.mark.parametrize("table", TABLES)
def test_two_rows_swapped_in_both_formats(package: Path, table: str) -> None:
    """The same records, every key and count intact, only the order changed: row-order."""
    first, second = read_csv(package / "dist" / f"{table}.csv")[1:3]
    edit_rows(
        package / "dist" / f"{table}.csv", lambda rows: [rows[0], rows[2], rows[1], *rows[3:]]
    )
    edit_table(
        package / "dist" / f"{table}.parquet",
        lambda t: t.take([1, 0, *range(2, t.num_rows)]),
    )
    refresh(package)
    (problem,) = validate_package(package / "datapackage.json").problems
    assert (problem.type, problem.file) == ("row-order", f"dist/{table}.csv")
    assert problem.line == csv_line(package / "dist" / f"{table}.csv", 2)  # the first row
    assert problem.message.endswith(
        f"found {MODELS[TABLES.index(table)].primary_key} {first[0]!r} after {second[0]!r}"
    )


# --- a publish a killed build left half done -------------------------------------------


def test_an_interrupted_publish_is_reported_first(package: Path) -> None:
    staging = package / ".build-staging-abc123"
    (staging / "old").mkdir(parents=True)
    (staging / "PUBLISHING").write_text("dist\t1\nschema\t1\n", "utf-8")
    edit_rows(package / "dist" / "answers.csv", lambda rows: rows[:-1])  # half swapped
    report = validate_package(package / "datapackage.json")
    first, *others = report.problems
    assert str(first) == (
        ".build-staging-abc123/PUBLISHING: error [build-in-progress] expected a finished "
        "publish, found an interrupted one; run `mfa-transcripts build`, which rolls it "
        "back first"
    )
    assert others and "build-in-progress" not in {p.type for p in others}
    shutil.move(package / "datapackage.json", staging / "old" / "datapackage.json")
    assert [p.type for p in validate_package(package / "datapackage.json").problems] == [
        "build-in-progress",
        "missing-file",
    ]
    assert (staging / "PUBLISHING").exists()  # validating reads only


def test_a_staging_folder_without_a_journal_is_no_problem(package: Path) -> None:
    (package / ".build-staging-abc123" / "new").mkdir(parents=True)  # killed while writing
    assert problems(package) == []


# --- keys ----------------------------------------------------------------------------


def test_a_broken_foreign_key(package: Path) -> None:
    def retarget(rows: list[list[str]]) -> list[list[str]]:
        question = rows[-1][1]
        rows[-1] = [cell.replace(question, question[:-3] + "099") for cell in rows[-1]]
        return rows

    edit_rows(package / "dist" / "answers.csv", retarget)
    found = problems(package)
    assert ("hash-mismatch", "dist/answers.csv") in found
    refresh(package)
    assert {t for t, _ in problems(package)} == {"foreign-key", "format-mismatch"}


def test_a_broken_foreign_key_to_transcripts(package: Path) -> None:
    def retarget(rows: list[list[str]]) -> list[list[str]]:
        tid = rows[1][1]
        other = tid[:-12] + "0" * 12
        rows[1] = [cell.replace(tid, other) for cell in rows[1]]
        return rows

    edit_rows(package / "dist" / "speeches.csv", retarget)
    refresh(package)
    assert ("foreign-key", "dist/speeches.csv") in problems(package)


def test_a_duplicate_primary_key(package: Path) -> None:
    def same_key(rows: list[list[str]]) -> list[list[str]]:
        rows[2][0], rows[2][2] = rows[1][0], rows[1][2]  # question_id and position
        return rows

    edit_rows(package / "dist" / "questions.csv", same_key)
    refresh(package)
    found = problems(package)
    assert ("duplicate-key", "dist/questions.csv") in found
    # the answer to the question whose key was overwritten now answers nothing
    assert {t for t, _ in found} == {"duplicate-key", "format-mismatch", "foreign-key"}


# --- values that break the model -----------------------------------------------------


@pytest.mark.parametrize(
    "table, column, value",
    [
        ("answers", "word_count", "-1"),  # minimum
        ("answers", "position", "\u0663"),  # an Arabic-Indic digit is not a Table Schema integer
        ("answers", "word_count", "7"),  # the words in text are more
        ("questions", "text", ""),  # required
        ("questions", "text", "  What  about  it?"),  # not under the text rule
        ("questions", "question_id", "2020-08-23-xyz"),  # pattern
        ("transcripts", "event_date", "2020-02-30"),  # not a date
        ("transcripts", "complete", "yes"),  # not a boolean
        ("transcripts", "genres", '["remarks", "poetry"]'),  # not in the vocabulary
        ("transcripts", "languages", "[en]"),  # not JSON
        ("transcripts", "title", "A different title"),  # the ID no longer derives from it
        ("speeches", "paragraph_count", "1"),  # the paragraphs in text are more
        ("speeches", "char_end", "0"),  # before char_start
    ],
)
def test_a_value_that_breaks_the_model(package: Path, table: str, column: str, value: str) -> None:
    def change(rows: list[list[str]]) -> list[list[str]]:
        rows[1][rows[0].index(column)] = value
        return rows

    edit_rows(package / "dist" / f"{table}.csv", change)
    refresh(package)
    found = problems(package)
    assert ("row-invalid", f"dist/{table}.csv") in found
    (problem,) = [
        p
        for p in validate_package(package / "datapackage.json").problems
        if p.type == "row-invalid"
    ]
    assert problem.line == 2 and problem.message.startswith("expected ")


def test_a_value_that_breaks_the_model_in_parquet(package: Path) -> None:
    def negative(table: pa.Table) -> pa.Table:
        index = table.schema.get_field_index("word_count")
        counts = table.column(index).to_pylist()
        counts[0] = -5
        return table.set_column(index, table.schema.field(index), pa.array(counts, pa.int64()))

    edit_table(package / "dist" / "answers.parquet", negative)
    refresh(package)
    found = problems(package)
    assert ("row-invalid", "dist/answers.parquet") in found


# --- columns -------------------------------------------------------------------------


def _add(rows: list[list[str]]) -> list[list[str]]:
    return [[*row, "extra" if i == 0 else "x"] for i, row in enumerate(rows)]


def _remove(rows: list[list[str]]) -> list[list[str]]:
    return [row[:-1] for row in rows]


def _reorder(rows: list[list[str]]) -> list[list[str]]:
    return [[row[1], row[0], *row[2:]] for row in rows]


@pytest.mark.parametrize("edit", [_add, _remove, _reorder], ids=["added", "removed", "reordered"])
@pytest.mark.parametrize("table", TABLES)
def test_a_csv_column_added_removed_or_reordered(
    package: Path, table: str, edit: Callable[[list[list[str]]], list[list[str]]]
) -> None:
    edit_rows(package / "dist" / f"{table}.csv", edit)
    refresh(package)
    found = problems(package)
    assert found == [("header-mismatch", f"dist/{table}.csv")]  # one problem, no flood


@pytest.mark.parametrize(
    "edit",
    [
        lambda t: t.append_column("extra", pa.array(["x"] * t.num_rows)),
        lambda t: t.drop_columns([t.column_names[-1]]),
        lambda t: t.select([1, 0, *range(2, t.num_columns)]),
        lambda t: t.cast(
            pa.schema([f.with_type(pa.string()) if f.name == "position" else f for f in t.schema])
        ),
    ],
    ids=["added", "removed", "reordered", "retyped"],
)
def test_a_parquet_column_added_removed_reordered_or_retyped(
    package: Path, edit: Callable[[pa.Table], pa.Table]
) -> None:
    edit_table(package / "dist" / "answers.parquet", edit)
    refresh(package)
    assert problems(package) == [("header-mismatch", "dist/answers.parquet")]


# --- files missing -------------------------------------------------------------------


@pytest.mark.parametrize(
    "rel", [*FILES, "schema/questions.json", "dist/README.md", "datapackage.json"]
)
def test_a_missing_file(package: Path, rel: str) -> None:
    (package / rel).unlink()
    found = problems(package)
    name = str(package / rel) if rel == "datapackage.json" else rel
    assert ("missing-file", name) in found


# --- the descriptor no longer matches the files --------------------------------------


def _descriptor_edit(package: Path, edit: Callable[[dict], None]) -> None:  # type: ignore[type-arg]
    path = package / "datapackage.json"
    descriptor = json.loads(path.read_text("utf-8"))
    edit(descriptor)
    path.write_text(json_text(descriptor), "utf-8")


@pytest.mark.parametrize(
    "edit",
    [
        lambda d: d["resources"][0].update(description="Something else"),
        lambda d: d["resources"].pop(3),
        lambda d: (
            d["resources"][0]["schema"].__class__
            and d["resources"][0].update(schema="schema/answers.json")
        ),
        lambda d: d.update(version="9.9.9"),
        lambda d: d["sources"][0].update(sha256="0" * 64),
        lambda d: d["sources"][0].update(transcript_id="2020-08-23-000000000000"),
        lambda d: d["resources"][2].update(path="../questions.csv"),
    ],
    ids=[
        "description",
        "resource-removed",
        "schema-swapped",
        "version",
        "source-hash",
        "source-transcript",
        "path-outside",
    ],
)
def test_a_descriptor_that_no_longer_matches(
    package: Path,
    edit: Callable[[dict], None],  # type: ignore[type-arg]
) -> None:
    _descriptor_edit(package, edit)
    assert "descriptor-mismatch" in types(package)


@pytest.mark.parametrize(
    "edit",
    [
        lambda s: s[0].update(sha256="0" * 64),
        lambda s: s[0].update(path="https://example.org/elsewhere"),
        lambda s: (s[0].update(title=s[1]["title"]), s[1].update(title="swapped.txt")),
    ],
    ids=["sha256", "address", "titles-swapped"],
)
def test_sources_that_disagree_with_the_transcripts(
    package: Path,
    edit: Callable[[list[dict]], None],  # type: ignore[type-arg]
) -> None:
    """Even with the card and descriptor made to match, the rows say where pages came from."""
    _descriptor_edit(package, lambda d: edit(d["sources"]))
    refresh(package)
    assert types(package) == {"descriptor-mismatch"}


def test_a_descriptor_with_stale_hashes(package: Path) -> None:
    """Files replaced by other valid files (a rebuild) without a new descriptor."""
    edit_table(package / "dist" / "answers.parquet", lambda t: t)  # same rows, other bytes
    found = problems(package)
    assert ("hash-mismatch", "dist/answers.parquet") in found


@pytest.mark.parametrize("rel", ["schema/answers.json", "dist/README.md"])
def test_an_edited_schema_or_card(package: Path, rel: str) -> None:
    path = package / rel
    path.write_text(path.read_text("utf-8").replace("transcript", "Transcript", 1), "utf-8")
    assert ("descriptor-mismatch", rel) in problems(package)


def test_an_unlisted_file(package: Path) -> None:
    (package / "dist" / "extra.csv").write_text("a,b\n1,2\n", "utf-8")
    assert problems(package) == [("unexpected-file", "dist/extra.csv")]


def test_a_descriptor_that_is_not_json(package: Path) -> None:
    (package / "datapackage.json").write_text('{"resources": [', "utf-8")
    assert problems(package) == [("descriptor-mismatch", "datapackage.json")]


# --- the command ---------------------------------------------------------------------


def test_cli_prints_one_line_per_problem_and_exits_1(
    package: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    edit_rows(package / "dist" / "answers.csv", lambda rows: [*rows, rows[1]])
    report = validate_package(package / "datapackage.json")
    assert main(["validate", str(package / "datapackage.json")]) == 1
    out = capsys.readouterr()
    *problems, summary = out.err.splitlines()
    assert problems == [str(p) for p in report.problems]
    assert summary.endswith(f"{len(report.errors)} problem(s)")
    assert out.out == ""


def test_frictionless_errors_get_the_same_names(package: Path) -> None:
    edit_rows(
        package / "dist" / "answers.csv",
        lambda rows: [rows[0], [c.replace(rows[1][1], rows[1][1][:-3] + "099") for c in rows[1]]],
    )
    report = validate_package(package / "datapackage.json", frictionless=True)
    named = {(p.type, p.file) for p in report.problems if p.message.startswith("frictionless")}
    assert ("foreign-key", "answers") in named
    assert ("hash-mismatch", "answers") in named
