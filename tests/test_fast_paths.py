"""The parser's fast paths give what the plain versions gave, on every fixture and beyond.

Each fast path replaced a per-character or per-line Python loop or a slow whole-text
scan: the counts in ``records.account``, ``records.normalise_text`` (the schema's text
rule), the speaker name folding, the read stage's byte-level screens (control bytes,
and the runs of non-ASCII characters that the C1 and mojibake checks scan instead of the
whole text) and the markup screen, tried only where ``<`` or ``&`` stands. The plain
versions are kept here, or in the module, as the reference.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mfa_transcripts.builder import read as read_module
from mfa_transcripts.builder import speakers
from mfa_transcripts.builder.parse import parse_file
from mfa_transcripts.builder.records import (
    _normalise_plain,
    _solid,
    _word_count,
    has_format_character,
    normalise_text,
)
from mfa_transcripts.builder.refuse import _MARKUP, _first_markup
from mfa_transcripts.errors import TranscriptError
from mfa_transcripts.schema import HAS_FORMAT_CHARACTER, word_count
from mfa_transcripts.schema import normalise_text as schema_normalise_text

from .conftest import DATA, SEEDS, examples

FIXTURES = sorted(
    p
    for folder in (DATA / "synthetic", DATA / "transcripts", DATA / "bad", SEEDS)
    for p in folder.iterdir()
    if p.suffix == ".txt"
)
# Every character Python takes for whitespace, the line breaks, and some letters.
WHITESPACE = "".join(chr(c) for c in range(0x3001) if chr(c).isspace())
TEXTS = st.text(alphabet=st.sampled_from(WHITESPACE + "\r\nab’İΣσς€Ã©Рё"), max_size=200)
# The same with format characters (BMP and beyond) and any other character mixed in.
FORMAT_TEXTS = st.text(
    alphabet=st.one_of(
        st.sampled_from(WHITESPACE + "\r\nab’é\u00ad\u200b\u200e\u2066\ufeff\U000110bd\U000e0041"),
        st.characters(),
    ),
    max_size=80,
)
# What the read stage's checks look for, with their neighbours: controls, C1 controls,
# the lead and continuation characters of both code pages' mojibake, astral letters.
_MOJIBAKE_ALPHABET = "".join(
    bytes(range(0x80, 0x100)).decode(cp, "ignore") for cp in read_module._MOJIBAKE
)
READ_TEXTS = st.text(
    alphabet=st.one_of(
        st.sampled_from("\x00\x07\t\n\x0b\x0c\r\x1f \x7f\x85\x9d\xa0a.’é\U0001d400"),
        st.sampled_from(_MOJIBAKE_ALPHABET),
        st.characters(),
    ),
    max_size=60,
)


def _text(path: Path) -> str:
    return path.read_bytes().decode("utf-8", "replace")


def _plain_fold(text: str) -> str:
    folded = text.translate(speakers._HOMOGLYPHS)
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in folded)


def test_solid_counts_what_isspace_counts_over_every_code_point() -> None:
    every = "".join(chr(c) for c in range(0x110000) if not 0xD800 <= c < 0xE000)
    assert _solid(every) == sum(1 for ch in every if not ch.isspace())


def test_no_whitespace_but_the_space_is_printable_over_every_code_point() -> None:
    """What ``_normalise_plain`` keeps a tidy line by: printable means no other whitespace."""
    every = (chr(c) for c in range(0x110000))
    assert [hex(ord(c)) for c in every if c.isspace() and c.isprintable()] == ["0x20"]


@pytest.mark.parametrize("path", FIXTURES, ids=lambda p: p.name)
def test_fast_paths_agree_on_every_fixture(path: Path) -> None:
    text = _text(path)
    assert _solid(text) == sum(1 for ch in text if not ch.isspace())
    assert normalise_text(text) == schema_normalise_text(text)
    assert has_format_character(text) == bool(HAS_FORMAT_CHARACTER.search(text))
    for line in text.splitlines():
        assert normalise_text(line) == schema_normalise_text(line)
        assert has_format_character(line) == bool(HAS_FORMAT_CHARACTER.search(line))
        assert speakers.fold(line) == _plain_fold(line)
    _assert_read_screens_agree(text)
    _assert_markup_search_agrees(text)


@pytest.mark.parametrize(
    "path", [p for p in FIXTURES if p.parent.name != "bad"], ids=lambda p: p.name
)
def test_records_text_is_the_schema_rule_on_every_fixture(path: Path) -> None:
    parsed = parse_file(path)
    source = read_module.read_source(path).text
    for record in [*parsed.speeches, *parsed.questions, *parsed.answers]:
        assert schema_normalise_text(record.text) == record.text
        raw = source[record.char_start : record.char_end]
        if not HAS_FORMAT_CHARACTER.search(source):  # the page took the plain rule
            assert _normalise_plain(raw) == record.text
        assert record.word_count == word_count(record.text)
    # the accounting counts the page's whitespace piecewise: the whole is the plain count
    assert parsed.accounting.whitespace_chars == sum(1 for ch in source if ch.isspace())


@settings(max_examples=examples(300), deadline=None)
@given(TEXTS)
def test_fast_paths_agree_on_generated_text(text: str) -> None:
    assert _solid(text) == sum(1 for ch in text if not ch.isspace())
    assert normalise_text(text) == schema_normalise_text(text)
    assert speakers.fold(text) == _plain_fold(text)
    _assert_read_screens_agree(text)


@settings(max_examples=examples(400), deadline=None)
@given(FORMAT_TEXTS)
def test_the_format_search_and_word_count_agree_on_generated_text(text: str) -> None:
    assert has_format_character(text) == bool(HAS_FORMAT_CHARACTER.search(text))
    assert _solid(text) == sum(1 for ch in text if not ch.isspace())
    assert normalise_text(text) == schema_normalise_text(text)
    normalised = schema_normalise_text(text)
    assert _word_count(normalised) == word_count(normalised)
    if not HAS_FORMAT_CHARACTER.search(text):
        assert _normalise_plain(text) == normalised


@settings(max_examples=examples(400), deadline=None)
@given(READ_TEXTS)
def test_read_screens_agree_on_generated_text(text: str) -> None:
    _assert_read_screens_agree(text)


MARKUP_TEXTS = st.lists(
    st.sampled_from(["<p>", "</DIV>", "<b class=x>", "<img\n>", "&amp;", "&nbsp;", "&#123;"])
    | st.sampled_from(["&#x1f;", "&lt", "& ", "<", ">", "&", "a", " ", "\n", "text"]),
    max_size=12,
).map("".join)


@settings(max_examples=examples(400), deadline=None)
@given(MARKUP_TEXTS)
def test_the_markup_search_agrees_on_generated_text(text: str) -> None:
    _assert_markup_search_agrees(text)


def _assert_markup_search_agrees(text: str) -> None:
    """The markup screen tried only where '<' or '&' stands finds what one search does."""
    fast, plain = _first_markup(text), _MARKUP.search(text)
    assert (fast and (fast.span(), fast.group())) == (plain and (plain.span(), plain.group()))


def _assert_read_screens_agree(text: str) -> None:
    """What each byte-level screen of the read stage says is what the whole-text scan says."""
    utf8 = text.encode("utf-8", "surrogatepass")
    assert read_module._holds_control_byte(utf8) == bool(read_module._CONTROL.search(text))
    rare = read_module._non_ascii_runs(utf8)
    assert bool(read_module._C1_CONTROL.search(rare)) == bool(read_module._C1_CONTROL.search(text))
    for pattern in read_module._MOJIBAKE.values():  # the same runs, in the same order
        assert [m.group() for m in pattern.finditer(rare)] == [
            m.group() for m in pattern.finditer(text)
        ]
    on_runs, on_text = read_module._find_mojibake(rare), read_module._find_mojibake(text)
    assert (on_runs is None) == (on_text is None)
    if on_runs and on_text:
        assert (on_runs[0], on_runs[1].group(), on_runs[2]) == (
            on_text[0],
            on_text[1].group(),
            on_text[2],
        )


@pytest.mark.parametrize("path", FIXTURES, ids=lambda p: p.name)
@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "cp1251", "cp1252"])
def test_the_decoded_texts_utf8_is_the_texts_own(path: Path, encoding: str) -> None:
    """The bytes the screens read are the text's UTF-8, however the page was encoded."""
    try:
        data = _text(path).encode(encoding)
        text, _, utf8 = read_module._decode_text(data, path.name)
    except (UnicodeEncodeError, TranscriptError):
        return  # not encodable so, or refused before the screens run
    assert utf8 == text.encode("utf-8")


def test_the_reference_rule_is_the_regex_one() -> None:
    """Guard the reference itself: the schema's rule still splits on the three breaks."""
    assert schema_normalise_text(" a\u00a0 b \r\n\r\n\x0cc\rd\u2028e ") == "a b\n\nc\n\nd e"
    assert re.compile(r"\s").fullmatch("\u2028")


@pytest.mark.parametrize(
    "text", ["* * *\n\u200e\n", "a\u200eb\u200b c\n\u00ad\n\ufeffd", "\u2066x\u2069 y\r\n\u200f"]
)
def test_the_fast_rule_defers_to_the_schema_on_invisible_characters(text: str) -> None:
    assert normalise_text(text) == schema_normalise_text(text)
