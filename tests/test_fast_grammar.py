"""The grammar's fast paths give what the plain versions give, on every fixture and beyond.

Each replaced a slow scan with an equivalent one: the registry search as a trie
(:mod:`mfa_transcripts.builder.grammar.registry` beside
:func:`mfa_transcripts.builder.speakers.find_in_text`, the plain version); the letter
counts of ASCII text on its bytes; a title cleaned without a regex where none can
match; end-anchored patterns read from the end; the title's genre terms screened. The
plain versions are kept here. The fixtures' lines are tested one by one, with the real
corpus's pages.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mfa_transcripts.builder import speakers
from mfa_transcripts.builder.grammar import dates, headings, lexicon, registry, title
from mfa_transcripts.builder.grammar.labels import LABEL

from .conftest import DATA, SEEDS, examples

PAGES = sorted(
    p
    for folder in (DATA / "synthetic", DATA / "transcripts", DATA / "bad", SEEDS)
    for p in folder.iterdir()
    if p.suffix == ".txt"
) + sorted((DATA / "corpus").glob("*/pages/*.txt"))
ALIASES = sorted({alias for alias, _ in speakers.registry().aliases})
# alias pieces, initials, and what may stand around a name
PIECES = st.one_of(
    st.sampled_from(ALIASES),
    st.sampled_from([a[: len(a) // 2] for a in ALIASES]),
    st.sampled_from(["S.", "A.K.", "a. ", "M.V.", ".", " ", "-", "’s", "s", "x", "\u0410", "1"]),
)
TEXTS = st.lists(PIECES, max_size=8).map("".join)


LINE_TEXTS = st.text(
    alphabet=st.one_of(
        st.sampled_from(" \t\u00a0\u200b\ufe0f\u2060\ufeffaZß:.Яё17’\n\r…!?;()\"”»')]_"),
        st.characters(),
    ),
    max_size=40,
)


def _plain_clean_title(text: str) -> str:
    text = title._STAMP_PREFIX.sub("", " ".join(title._EDGE_SYMBOLS.sub("", text).split()), count=1)
    text = re.sub(r"\s*\((?i:source|link|original|video)\)(?=\s*:?\s*$)", "", text, count=1)
    if (quoted := title._QUOTED_TITLE.match(text)) is not None:
        return quoted["title"]
    # an English title's trailing Russian link words ('... magazine Назад')
    english = re.fullmatch(
        r"(?P<title>[^А-Яа-яЁё]{15,}[A-Za-z0-9.,!?\"”’)])(?: [А-Яа-яЁё][А-Яа-яЁё\-]*){1,3}", text
    )
    if english:
        text = english["title"]
    web = re.fullmatch(r"(?P<title>.{15,}) \| (?P<site>.*)", text)  # '<title> | <site>'
    if (
        web
        and lexicon.GENRE_WORD.search(web["title"])
        and not lexicon.GENRE_WORD.search(web["site"])
    ):
        text = web["title"]
    return re.sub(r"\s*(?<!\.)[:.]$", "", text)


def _plain_find_genres(text: str) -> list[str]:
    hits: list[tuple[int, str]] = []
    taken: list[tuple[int, int]] = []
    for genre, pattern in title._GENRE_FIND:
        for match in pattern.finditer(text):
            if not any(s < match.end() and match.start() < e for s, e in taken):
                taken.append(match.span())
                hits.append((match.start(), genre))
    return list(dict.fromkeys(genre for _, genre in sorted(hits)))


def _same(text: str) -> None:
    assert registry.find_in_text(text) == speakers.find_in_text(text), text
    assert title.clean_title(text) == _plain_clean_title(text), text
    assert title._find_genres(text) == _plain_find_genres(text), text
    assert lexicon.letter_count(text) == len(lexicon._LETTER.findall(text)), text
    assert lexicon.lower_count(text) == len(lexicon._LOWER.findall(text)), text
    if ":" not in text:
        assert LABEL.match(text) is None
    assert headings._terminal(text) == bool(headings._TERMINAL.search(text)), text
    if not text.rstrip(dates._AFTER_YEAR)[-4:].isdigit():  # the title date's screen
        assert dates.TITLE_PAREN.search(text) is None and dates.TITLE_DATE.search(text) is None
    assert headings._cut_mark(text) == bool(headings._CUT_MARK.search(text)), text


def _lines() -> list[str]:
    return [line for p in PAGES for line in p.read_bytes().decode("utf-8", "replace").splitlines()]


def test_the_fast_paths_agree_on_every_line() -> None:
    for line in _lines():
        _same(line)


def test_the_registry_trie_finds_every_alias_in_every_setting() -> None:
    for alias in ALIASES:
        for text in (alias, f"Mr {alias}.", f"S.A.{alias}", f"{alias}s", f"x{alias}", f"{alias}-"):
            _same(text)
            _same(text.upper())


@settings(max_examples=examples(400), deadline=None)
@given(TEXTS)
def test_the_registry_trie_finds_what_the_list_finds_on_generated_text(text: str) -> None:
    _same(text)


@settings(max_examples=examples(400), deadline=None)
@given(LINE_TEXTS)
def test_the_fast_paths_agree_on_generated_lines(text: str) -> None:
    _same(text)
    _same(f"17.03.04. {text}.")
    _same(f'Text of "{text}{text}{text}", published on ...')
    _same(f"({text})")
    _same(f"x{text}...")
    _same(f"Remarks, Moscow, May 5, 2019{text}")
    _same(f"x{text}remarks and answers to media questions{text}statement{text}")
    _same(f"Remarks (Moscow, 5 May 2019{text}")


def test_the_title_edges_strip_what_the_regex_strips_over_every_code_point() -> None:
    every = [chr(c) for c in range(0x110000) if not 0xD800 <= c < 0xE000]
    assert {c for c in every if title._EDGE_SYMBOLS.fullmatch(c)} == set(title._EDGE_CHARS)
    assert {c for c in every if c.isspace()} | set("г.:)") == set(dates._AFTER_YEAR)


def test_the_ascii_letter_counts_agree_over_every_ascii_character() -> None:
    every = "".join(map(chr, range(128)))
    assert lexicon.letter_count(every) == len(lexicon._LETTER.findall(every)) == 52
    assert lexicon.lower_count(every) == len(lexicon._LOWER.findall(every)) == 26


@pytest.mark.parametrize(
    "words",
    [["ab", "abc", "a"], ["lavrov", "lavrova", "sergey lavrov"], ["a.b", "a+b", "(x)"], []],
)
def test_a_trie_pattern_matches_what_the_alternation_matches(words: list[str]) -> None:
    ordered = sorted(words, key=lambda w: (-len(w), w))
    listed = re.compile("|".join(map(re.escape, ordered)) or "(?!)")
    trie = re.compile(registry.trie_pattern(words) or "(?!)")
    for text in ["", "abcd", "ab", "a", "lavrova x", "sergey lavrov", "a.b a+b (x)", "zz"]:
        for at in range(len(text) + 1):
            a, b = listed.match(text, at), trie.match(text, at)
            assert (a and a.group()) == (b and b.group())
