"""The bulk checks' building blocks against the row-at-a-time rules they stand for.

``checks.under_text_rule`` (one RE2 expression over a column) must say yes exactly when
``schema.normalise_text`` leaves a text unchanged, and ``export.csv_bytes`` (whole
columns) must give the bytes ``csv_line`` gives row by row: the build writes with the
one and the package check reads with the other.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pyarrow as pa
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mfa_transcripts import arrowcsv, checks
from mfa_transcripts.builder.build import build
from mfa_transcripts.builder.export import csv_bytes, csv_line, record_batch
from mfa_transcripts.checks import OTHER_WHITESPACE, rows_hold, spaces, under_text_rule
from mfa_transcripts.fields import arrow_schema, csv_cell, field_specs
from mfa_transcripts.schema import (
    FORMAT_CHARACTERS,
    GENRES,
    MODELS,
    Answer,
    Transcript,
    normalise_text,
)

from .conftest import DATA, copy_package, examples

# Characters the text rule treats specially, and a few it does not.
_TRICKY = [" ", "\n", "\r", "\t", "\x0b", "\x85", "\xa0", "\u2028", "\u3000", "\u200b"]
_TRICKY += ["\u00ad", "\u200e", "\ufeff", "\U000e0001", "\u0600", "a", "b", ",", '"', "é"]


def test_the_other_whitespace_is_every_code_point_str_isspace_takes() -> None:
    scanned = "".join(c for c in map(chr, range(0x110000)) if c.isspace() and c not in " \n")
    assert scanned == OTHER_WHITESPACE


@settings(max_examples=examples(400), deadline=None)
@given(st.lists(st.text(alphabet=st.sampled_from(_TRICKY), max_size=12), max_size=50))
def test_the_bulk_text_rule_is_the_rule(texts: list[str]) -> None:
    candidates = texts + [normalise_text(t) for t in texts]
    got = under_text_rule(pa.array(candidates, type=pa.string())).to_pylist()
    assert got == [normalise_text(t) == t for t in candidates]


@pytest.mark.parametrize(
    "text",
    ["a\u200bb", "a\xa0b", "\u00adab", "ab\u200e", "a\n\n\u00adb", "a \n\nb", "a\nb", "a\n\n\nb"],
)
def test_texts_the_rule_would_change_are_refused(text: str) -> None:
    assert normalise_text(text) != text
    assert under_text_rule(pa.array([text])).to_pylist() == [False]


def test_texts_under_the_rule_pass() -> None:
    texts = ["a", "a b", "a\n\nb", "a\u00adb", '«Quoted», "this"', "x" * 10_000]
    assert under_text_rule(pa.array(texts)).to_pylist() == [True] * len(texts)
    assert FORMAT_CHARACTERS  # the class the ends are checked against is not empty


def test_bulk_csv_lines_are_the_row_lines(seed_page: object) -> None:
    from mfa_transcripts.builder.records import ParsedPage

    assert isinstance(seed_page, ParsedPage)
    tables = {
        "transcripts": [seed_page.transcript],
        "speeches": seed_page.speeches,
        "questions": seed_page.questions,
        "answers": seed_page.answers,
    }
    for model in MODELS:
        records = tables[model.table]
        names = list(model.model_fields)
        expected = "".join(
            csv_line([csv_cell(r.model_dump(mode="json")[n]) for n in names]) for r in records
        )
        assert csv_bytes(record_batch(model, list(records)), model) == expected.encode()


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    seeds = tmp_path_factory.mktemp("seeds")
    for name in ("good.txt", "title-no-speaker.txt"):
        shutil.copyfile(DATA / "bad" / name, seeds / name)
    root = tmp_path_factory.mktemp("package")
    build(seeds, root)
    return root


def test_the_bulk_check_finds_an_invisible_character_in_a_text(built: Path, tmp_path: Path) -> None:
    """A zero-width space inside a text breaks the rule (it is whitespace to it), though
    ``str.isspace`` does not take it: the bulk check must not pass it."""
    import pyarrow.parquet as pq

    assert rows_hold(built) is not None
    package = copy_package(built, tmp_path / "package")
    path = package / "dist" / "answers.parquet"
    table = pq.read_table(path)
    texts = table.column("text").to_pylist()
    texts[0] = texts[0].replace(" ", " \u200b", 1)  # words and paragraphs as they were
    index = table.schema.get_field_index("text")
    table = table.set_column(index, table.schema.field(index), pa.array(texts))
    pq.write_table(table, path)
    # the CSV copy made to agree, so that only the text rule can tell
    header = ",".join(table.column_names) + "\n"
    csv = header.encode() + csv_bytes(table, Answer)
    (package / "dist" / "answers.csv").write_bytes(csv)
    assert rows_hold(package) is None
    texts[0] = texts[0].replace(" \u200b", " ", 1)  # undone, the package passes again
    table = table.set_column(index, table.schema.field(index), pa.array(texts))
    pq.write_table(table, path)
    (package / "dist" / "answers.csv").write_bytes(header.encode() + csv_bytes(table, Answer))
    assert rows_hold(package) is not None


def test_a_card_over_a_mebibyte_is_compared_not_refused(built: Path, tmp_path: Path) -> None:
    """The card lists every source (about 150 bytes a page): a 10,000-page archive's card
    is over 1 MiB and must still be compared, as the descriptor is, up to its 16 MiB."""
    from mfa_transcripts.validate import MAX_CARD_BYTES, validate_package

    package = copy_package(built, tmp_path / "package")
    card = package / "dist" / "README.md"
    card.write_bytes(card.read_bytes() + b"x" * (2 << 20))
    kinds = {(p.type, p.file) for p in validate_package(package / "datapackage.json").errors}
    assert ("descriptor-mismatch", "dist/README.md") in kinds
    assert ("limit-exceeded", "dist/README.md") not in kinds
    card.write_bytes(b"x" * (MAX_CARD_BYTES + 1))
    kinds = {(p.type, p.file) for p in validate_package(package / "datapackage.json").errors}
    assert ("limit-exceeded", "dist/README.md") in kinds


def _python_lines(model: type, rows: list[dict[str, object]]) -> bytes:
    """The CSV lines the build writes row by row: each value's JSON-mode dump, as a cell."""
    records = [model.model_validate(row) for row in rows]  # type: ignore[attr-defined]
    names = list(model.model_fields)  # type: ignore[attr-defined]
    return "".join(
        csv_line([csv_cell(r.model_dump(mode="json")[n]) for n in names]) for r in records
    ).encode()


_ITEM = st.text(alphabet=st.sampled_from(["a", "é", ",", " ", "«", "’", "\u2028", "x"]))


@settings(max_examples=examples(200), deadline=None)
@given(
    st.lists(
        st.tuples(
            st.datetimes(min_value=datetime(1000, 1, 1), max_value=datetime(9999, 1, 1)).map(
                lambda d: d.replace(tzinfo=timezone(timedelta(hours=3)))
            ),
            st.lists(_ITEM, max_size=3),
            st.lists(st.sampled_from(list(GENRES)), max_size=3),
            st.booleans(),
        ),
        min_size=1,
        max_size=8,
    )
)
def test_bulk_csv_of_transcripts_is_the_row_lines(
    seed_page: object, values: list[tuple[datetime, list[str], list[str], bool]]
) -> None:
    """Zoned datetimes (a fraction only when there is one), lists as compact JSON,
    booleans: the whole-column encoding the checks compare with is the model's dump."""
    from mfa_transcripts.builder.records import ParsedPage

    assert isinstance(seed_page, ParsedPage)
    base = seed_page.transcript.model_dump()
    rows = [
        {**base, "published_at": at, "tags": tags, "genres": genres, "complete": complete}
        for at, tags, genres, complete in values
    ]
    rows[0]["published_at"] = None
    table = pa.Table.from_pylist(rows, schema=arrow_schema(Transcript))
    names = [s.name for s in field_specs(Transcript)]
    assert arrowcsv.csv_bytes(table, names) == _python_lines(Transcript, rows)


@pytest.mark.parametrize("item", ['say "no"', "back\\slash", "tab\there", "bell\x07"])
def test_a_list_item_json_escapes_is_left_to_python(seed_page: object, item: str) -> None:
    from mfa_transcripts.builder.records import ParsedPage

    assert isinstance(seed_page, ParsedPage)
    row = {**seed_page.transcript.model_dump(), "tags": ["plain", item]}
    table = pa.Table.from_pylist([row], schema=arrow_schema(Transcript))
    assert arrowcsv.csv_bytes(table, [s.name for s in field_specs(Transcript)]) is None


@settings(max_examples=examples(200), deadline=None)
@given(
    st.lists(st.text(alphabet=st.sampled_from([" ", "a", "é", "\n"]), max_size=20), max_size=30),
    st.integers(0, 5),
    st.integers(1, 4),
)
def test_spaces_counts_each_texts_spaces(texts: list[str], skip: int, chunks: int) -> None:
    """Counted from the array's bytes: sliced arrays and several chunks included."""
    array = pa.array(["x  y"] * skip + texts, type=pa.string()).slice(skip)
    size = max(1, len(texts) // chunks)
    chunked = pa.chunked_array(
        [array.slice(i, size) for i in range(0, len(texts), size)] or [array],
        type=pa.string(),
    )
    expected = [t.count(" ") for t in texts]
    assert spaces(array).to_pylist() == expected
    assert spaces(chunked).to_pylist() == expected


def test_row_groups_checked_side_by_side_keep_the_csv_in_order(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """With row groups of three rows, a table's CSV is checked a group at a time, each
    group from where the one before it ended (whichever finishes first): the clean
    package passes; two lines swapped across a group boundary, a line left out or one
    added do not."""
    from mfa_transcripts.builder import export

    seeds = tmp_path / "seeds"
    seeds.mkdir()
    for name in ("good.txt", "title-no-speaker.txt"):
        shutil.copyfile(DATA / "bad" / name, seeds / name)
    monkeypatch.setattr(export, "ROW_GROUP", 3)
    monkeypatch.setattr(arrowcsv, "CSV_SLICE", 2)
    monkeypatch.setattr(checks, "CSV_SLICE", 2)
    root = tmp_path / "package"
    build(seeds, root)
    import pyarrow.parquet as pq

    assert pq.ParquetFile(root / "dist" / "answers.parquet").metadata.num_row_groups > 1
    assert rows_hold(root) is not None
    path = root / "dist" / "answers.csv"
    clean = path.read_bytes()
    header, *lines = clean.splitlines(keepends=True)
    assert len(lines) >= 4 and all(line.count(b"\n") == 1 for line in lines)
    for tampered in (
        [*lines[:2], lines[3], lines[2], *lines[4:]],  # across the first boundary
        lines[:-1],
        [*lines, lines[-1]],
    ):
        path.write_bytes(header + b"".join(tampered))
        assert rows_hold(root) is None
    path.write_bytes(clean)
    assert rows_hold(root) is not None


def test_validate_imports_no_pandas(built: Path) -> None:
    """pyarrow imports pandas (0.2 s, 40 MB) the first time a Python value becomes an
    Arrow scalar or array, or a zoned timestamp a Python one: validate does neither."""
    code = (
        "import sys\n"
        "from mfa_transcripts.validate import validate_package\n"
        f"assert validate_package({str(built / 'datapackage.json')!r}).ok\n"
        "print('pandas' in sys.modules)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "False"


@pytest.mark.parametrize("field", [None, "speech_count", "answer_count", "word_count"])
def test_the_bulk_check_refuses_a_count_the_rows_do_not_give(
    built: Path, tmp_path: Path, field: str | None
) -> None:
    """A transcript's count or word count changed in both copies alike (so that only the
    rows can tell): the bulk check says no; rewritten unchanged, yes."""
    import pyarrow.parquet as pq

    package = copy_package(built, tmp_path / "package")
    path = package / "dist" / "transcripts.parquet"
    table = pq.read_table(path)
    if field is not None:
        values = table.column(field).to_pylist()
        values[-1] += 1
        index = table.schema.get_field_index(field)
        table = table.set_column(index, table.schema.field(index), pa.array(values, pa.int64()))
    pq.write_table(table, path)
    names = [s.name for s in field_specs(Transcript)]
    lines = arrowcsv.csv_bytes(table, names)
    assert lines is not None
    (package / "dist" / "transcripts.csv").write_bytes((",".join(names) + "\n").encode() + lines)
    assert (rows_hold(package) is None) == (field is not None)
