"""The real-page corpus: its annotations hold against the texts, and the parser keeps its score.

The annotation checks are independent of the parser: they read the text with plain
string operations, so a page whose annotation cannot be right shows here first.
"""

from __future__ import annotations

import csv
import json

import pytest

from . import corpus

SPLITS = [s for s in corpus.SPLITS if (corpus.CORPUS / s / "annotations.json").exists()]
KINDS = {"transcript", "statement", "not-a-transcript"}
KEYS = {
    "kind", "site", "source_family", "year", "genre", "title", "event_date", "published",
    "speaker", "complete", "questions", "answers", "speeches", "answer_speakers",
    "answer_paragraphs", "has_opening_remarks", "opening_starts", "first_question_starts",
    "last_answer_ends", "chrome_lines", "labels", "variants", "notes",
}  # fmt: skip


@pytest.mark.parametrize("split", SPLITS)
def test_every_page_has_one_annotation_and_one_address(split: str) -> None:
    folder = corpus.CORPUS / split
    notes = json.loads((folder / "annotations.json").read_text("utf-8"))
    with (folder / "sources.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    pages = sorted(p.name for p in (folder / "pages").iterdir())
    assert pages == sorted(notes) == sorted(r["file"] for r in rows)
    assert all(r["source_url"].startswith(("http://", "https://")) for r in rows)
    assert len({r["source_url"] for r in rows}) == len(rows)


def test_no_address_is_in_two_splits() -> None:
    """A held-out score means something only if its pages are in no other split."""
    where: dict[str, list[str]] = {}
    for split in SPLITS:
        with (corpus.CORPUS / split / "sources.csv").open(encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle):
                address = row["source_url"].split("://", 1)[1].removeprefix("www.").rstrip("/")
                where.setdefault(address.lower(), []).append(f"{split}/{row['file']}")
    assert [files for files in where.values() if len(files) > 1] == []


@pytest.mark.parametrize("split", SPLITS)
def test_annotations_hold_against_the_text(split: str) -> None:
    bad = []
    for path, note in corpus.load(split):
        text = path.read_text("utf-8")
        flat = " ".join(text.split())
        problems = [f"keys {sorted(KEYS ^ set(note))}"] if set(note) != KEYS else []
        if note["kind"] not in KINDS:
            problems.append(f"kind {note['kind']!r}")
        if note["title"] is not None and " ".join(note["title"].split()) not in flat:
            problems.append("title not in the text")
        for key in ("opening_starts", "first_question_starts", "last_answer_ends"):
            if note[key] is not None and " ".join(note[key].split()) not in flat:
                problems.append(f"{key} not in the text")
        lines = {" ".join(line.split()) for line in text.splitlines()}
        for chrome in note["chrome_lines"]:
            norm = " ".join(chrome.split())
            if norm not in lines and norm not in flat:
                problems.append(f"chrome {chrome[:30]!r} is not in the text")
        if note["kind"] == "transcript":
            if len(note["answer_speakers"]) != note["answers"]:
                problems.append("answer_speakers do not match answers")
            if len(note["answer_paragraphs"]) != note["answers"]:
                problems.append("answer_paragraphs do not match answers")
            if (note["questions"] == 0) != (note["first_question_starts"] is None):
                problems.append("first_question_starts and questions disagree")
        if problems:
            bad.append((path.name, problems))
    assert bad == []


def test_the_seen_pages_keep_their_score() -> None:
    """A regression guard on the pages rules have been written from (the development
    set and the held-out splits since read): no transcript refused, and at least as many
    pages exact as when these figures were last raised."""
    scores = corpus.score("seen")
    assert {s.file for s in scores if "refused" in s.wrong} <= STILL_REFUSED
    assert sum(s.exact for s in scores) >= SEEN_EXACT
    dev = {path.name for path, _ in corpus.load("dev")}
    assert sum(s.exact for s in scores if s.file in dev) >= DEV_EXACT


SEEN_EXACT = 1146
"""Exact pages of the seen splits the parser must keep; raise it when rules improve.
(1146 with heldout14: 46 of its 66 exact on arrival, 49 after its first rules.)
(Lowered once, from 1098: the rule that reads bare questions on a titled page of answers
to questions also reads the one forwarded answer of c13-016, a channel's listing whose
annotation is marked doubtful; the rule keeps 16 more perturbed exact pages exact.)"""
DEV_EXACT = 472
"""Exact pages of the development set the parser must keep; raise it when rules improve."""
STILL_REFUSED: set[str] = {
    # a blog's copy of a speech with no title line and nobody named: a place-and-date
    # line, salutations and the speech; refused as no transcript (heldout14, not yet read)
    "c43-009_trull-saker-mirror-lavrov-remarks-svop-30th-assembly-2022.txt",
    # a rush transcript whose copied headline keeps two inline HTML tags ('Rush
    # <em>News Hour</em> Transcript: ...'): refused as markup-in-text, not yet read
    "c28-008_washingtonnote-newshour-rush-transcript-churkin-georgia-2008.txt",
    # an embassy's letter to a newspaper, cut before any name: no title, no speaker, no
    # role; only its first person speaks for Russia ('our country'), which news stories
    # and listings do too, so it is refused rather than published with nobody's words
    "c32-011_nst-russian-embassy-letter-russia-has-right-to-be-russia-article-2023.txt",
    # a magazine's interview whose copy keeps a '<br>' closing its issue line: refused as
    # markup-in-text like c28-008 (markup is refused before any grammar reads the page)
    "c38-025_spotlightnepal-velichkin-interview-excerpts-2012.txt",
}
"""Transcripts of the seen splits still refused (open work): the set may only shrink."""


def test_the_perturbation_tool_scores_a_page_as_the_corpus_does() -> None:
    """``tests.perturb`` judges a perturbed page by the corpus's own facts; on the pages
    as saved its verdict is the corpus score's, exact or not."""
    from . import perturb

    pages = corpus.load("dev")[::25]
    verdicts = [perturb.exact(p.read_text("utf-8"), n, p.name) for p, n in pages]
    assert verdicts == [corpus.score_page(p, n).exact for p, n in pages]
    assert not all(verdicts) and any(verdicts)
