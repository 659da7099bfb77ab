"""Data attacks: invisible text is no record; CSV keeps the bytes and says how to open it."""

from __future__ import annotations

import csv
import io
import re
import sys
import unicodedata
from pathlib import Path

import pytest

from mfa_transcripts.builder.build import build
from mfa_transcripts.builder.parse import parse_source
from mfa_transcripts.builder.read import decode
from mfa_transcripts.errors import TranscriptError
from mfa_transcripts.schema import FORMAT_CHARACTERS, normalise_text

from ..conftest import DATA, ROOT

GOOD = (DATA / "bad" / "good.txt").read_text("utf-8")
AFTER = "We agreed to continue our consultations.\n\n"


def _page(insert: str) -> str:
    assert AFTER in GOOD
    return GOOD.replace(AFTER, AFTER + insert, 1)


@pytest.mark.parametrize(
    "invisible", ["\u200e", "\u200f\u200b", "\u2060\ufeff", "\u202e\u2066\u2069", "\u00ad"]
)
def test_a_line_of_invisible_characters_after_a_separator_is_no_record(invisible: str) -> None:
    parsed = parse_source(decode(_page(f"* * *\n\n{invisible}\n\n").encode(), "x.txt"))
    assert [s.text for s in parsed.speeches] == [
        s.text for s in parse_source(decode(GOOD.encode(), "x.txt")).speeches
    ]
    assert parsed.accounting.unaccounted_chars == 0
    assert parsed.accounting.chrome_chars["invisible"] == len(invisible)


def test_invisible_characters_are_no_paragraph_of_an_answer() -> None:
    parsed = parse_source(decode(_page("\u200e\u200b\n\n").encode(), "x.txt"))
    assert all(not a.text.endswith(("\u200e", "\u200b")) for a in parsed.answers)
    assert [a.paragraph_count for a in parsed.answers] == [2, 1]


def test_a_label_with_only_invisible_text_is_an_empty_turn() -> None:
    with pytest.raises(TranscriptError) as caught:
        parse_source(decode(_page("Sergey Lavrov: \u200e\u200b\n\n").encode(), "x.txt"))
    assert caught.value.problem.type == "empty-turn"
    assert "invisible" in caught.value.problem.message


def test_every_format_character_is_stripped_at_a_paragraph_end() -> None:
    pattern = re.compile(f"[{FORMAT_CHARACTERS}]")
    categories = (unicodedata.category(chr(c)) for c in range(sys.maxunicode + 1))
    cf = [chr(c) for c, cat in enumerate(categories) if cat == "Cf"]
    assert len(cf) > 150
    assert [hex(ord(c)) for c in cf if not pattern.fullmatch(c)] == []
    assert normalise_text("".join(cf)) == ""
    assert normalise_text("co\u00adoperation\u200e") == "co\u00adoperation"  # kept inside a word
    assert normalise_text("a\u200bb\u200ec") == "a b c"  # invisible separators are spaces


def test_csv_keeps_formula_like_and_na_texts_byte_for_byte(tmp_path: Path) -> None:
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    page = GOOD.replace(
        "Question:\u00a0What did you discuss",
        'Question:\u00a0=HYPERLINK("http://x") What did you discuss',
    ).replace("They are very good. The forum was well organised.", "NA")
    assert page != GOOD
    (seeds / "good.txt").write_text(page, "utf-8")
    root = tmp_path / "out"
    build(seeds, root)
    rows = list(csv.reader(io.StringIO((root / "dist" / "questions.csv").read_text("utf-8"))))
    assert any(row[6].startswith('=HYPERLINK("http://x")') for row in rows[1:])
    pandas = pytest.importorskip("pandas")
    frame = pandas.read_csv(root / "dist" / "answers.csv", dtype=str, keep_default_na=False)
    assert "NA" in list(frame["text"])
    assert not frame.isna().any().any()
    assert pandas.read_csv(root / "dist" / "answers.csv")["text"].isna().any()  # the default


def test_readme_and_card_say_how_to_open_the_csvs() -> None:
    for path in (ROOT / "README.md", ROOT / "dist" / "README.md"):
        text = " ".join(path.read_text("utf-8").split())
        assert "keep_default_na=False" in text and "dtype=str" in text, path
        assert "Text" in text and "`=`" in text, path
