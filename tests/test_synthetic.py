"""Synthetic pages, one variant of the family each, for variants with no real example.

Each page in ``tests/data/synthetic/`` is written in the style of the real ones; its
entry in ``expected.json`` says which variant it shows (``edge``) and what it must give:
transcript fields (as in the JSON export), every speech, question and answer in order
(a subset of fields each; ``starts``/``ends`` for the text, ``paragraphs`` for its
paragraph count, ``question`` for the position of the question an answer answers), the
warning types, and the characters of named chrome kinds the page must hold.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from mfa_transcripts.builder.parse import parse_file

from .conftest import FIXTURES, SEEDS, SYNTHETIC

EXPECTED: dict[str, dict[str, Any]] = json.loads((SYNTHETIC / "expected.json").read_text("utf-8"))
PAGES = sorted(SYNTHETIC.glob("*.txt"))


def _check_record(record: dict[str, Any], expected: dict[str, Any], where: str) -> None:
    for key, value in expected.items():
        if key == "starts":
            assert record["text"].startswith(value), (where, record["text"])
        elif key == "ends":
            assert record["text"].endswith(value), (where, record["text"])
        elif key == "paragraphs":
            assert record["paragraph_count"] == value, where
        elif key == "question":
            assert record["question_id"].endswith(f"-q{value:03d}"), where
        else:
            assert record[key] == value, (where, key)


def test_every_page_has_expectations() -> None:
    assert {p.name for p in PAGES} == set(EXPECTED)


@pytest.mark.parametrize("path", PAGES, ids=lambda p: p.name.split("_")[0])
def test_synthetic_page(path: Path) -> None:
    expected = EXPECTED[path.name]
    parsed = parse_file(path)
    data = parsed.as_json()
    transcript: dict[str, Any] = data["transcript"]  # type: ignore[assignment]
    for key, value in expected["transcript"].items():
        assert transcript[key] == value, key
    for table, count in (
        ("speeches", "speech_count"),
        ("questions", "question_count"),
        ("answers", "answer_count"),
    ):
        rows: list[dict[str, Any]] = data[table]  # type: ignore[assignment]
        assert len(rows) == len(expected[table]), table
        assert transcript[count] == len(rows), count
        for i, (row, want) in enumerate(zip(rows, expected[table], strict=True), start=1):
            _check_record(row, want, f"{table}[{i}]")
    assert sorted(w.type for w in parsed.warnings) == sorted(expected["warnings"])
    for kind, chars in expected.get("chrome", {}).items():
        assert parsed.accounting.chrome_chars.get(kind) == chars, kind


def test_single_newlines_and_blank_lines_give_the_same_records() -> None:
    blank = parse_file(SYNTHETIC / "s20a_paragraphs-blank-lines.txt")
    single = parse_file(SYNTHETIC / "s20b_paragraphs-single-newlines.txt")
    assert blank.transcript.transcript_id == single.transcript.transcript_id

    def content(page: Any) -> list[tuple[object, ...]]:
        return [
            (type(r).__name__, getattr(r, "label", None), r.text, r.paragraph_count)
            for r in (*page.speeches, *page.questions, *page.answers)
        ]

    assert content(blank) == content(single)
    assert blank.accounting.record_chars == single.accounting.record_chars


@pytest.mark.parametrize("path", PAGES, ids=lambda p: p.name.split("_")[0])
def test_stage_directions_and_qualifiers_never_name_a_speaker(path: Path) -> None:
    parsed = parse_file(path)
    for record in (*parsed.speeches, *parsed.questions, *parsed.answers):
        for name in (getattr(record, "speaker", None), record.label):
            if name is not None:
                assert "(" not in name and ")" not in name and ":" not in name, name
                assert name.split()[0].lower() not in {"applause", "laughter", "off-mike"}


SENTENCE = re.compile(r"[.?!…][\"”»’)]*$")
LABEL_PREFIX = re.compile(r"^[^:]{1,120}:\s+")


@pytest.mark.parametrize(
    "path",
    [*PAGES, *sorted(FIXTURES.glob("*.txt")), *sorted(SEEDS.glob("*.txt"))],
    ids=lambda p: p.name.split("_")[0],
)
def test_no_prose_line_is_dropped(path: Path) -> None:
    """Read from the file, not from the parser's spans: every line of eight or more words
    ending a sentence, but the title, is in the text or heading of some record (after its
    label, if it has one) — no paragraph is silently taken for chrome."""
    parsed = parse_file(path)
    records = (*parsed.speeches, *parsed.questions, *parsed.answers)
    texts = [" ".join(r.text.split()) for r in records]
    texts += [r.heading for r in (*parsed.speeches, *parsed.questions) if r.heading]
    blob = "\n".join(texts)
    title = " ".join((parsed.transcript.title or "\0").split())
    for line in path.read_text("utf-8").splitlines():
        text = " ".join(line.split())
        if len(text.split()) < 8 or not SENTENCE.search(text) or text.startswith(title):
            continue
        unlabelled = LABEL_PREFIX.sub("", text, count=1)
        assert text in blob or unlabelled in blob, text[:80]
