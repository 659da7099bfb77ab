"""The bulk checks' building blocks against the row-at-a-time rules they stand for.

``checks.under_text_rule`` (one RE2 expression over a column) must say yes exactly when
``schema.normalise_text`` leaves a text unchanged, and ``export.csv_bytes`` (whole
columns) must give the bytes ``csv_line`` gives row by row: the build writes with the
one and the package check reads with the other.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pyarrow as pa
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mfa_transcripts.builder.build import build
from mfa_transcripts.builder.export import csv_bytes, csv_line, record_batch
from mfa_transcripts.checks import OTHER_WHITESPACE, rows_hold, under_text_rule
from mfa_transcripts.fields import csv_cell
from mfa_transcripts.schema import FORMAT_CHARACTERS, MODELS, Answer, normalise_text

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
