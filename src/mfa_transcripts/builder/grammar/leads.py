"""Unlabelled text before a page's first turn: the speaker's own preface, or the
editor's lead (chrome), and how many paragraphs of a first question report on the
speaker rather than ask.
"""

from __future__ import annotations

import re

from .. import speakers
from .voice import (
    FIRST_PERSON,
    QUOTED_PART,
    REPORTING,
    ROLE_REFERENCE,
    SALUTATION,
    THIRD_PERSON,
)

__all__ = ["anchor_hands_over", "editors_lead", "in_own_words", "reported_paragraphs"]

# a paragraph wholly in quotes, of any length a paragraph has (no quote mark inside but
# single quotes): a pull quote
_PULL_QUOTE = re.compile(r"^[\"“«„][^\"“”«»„]{3,2000}[\"”»]$")


def in_own_words(texts: list[str], surname: str | None) -> bool:
    """Unlabelled paragraphs before an interview's first turn that speak in the first
    person outside quotation marks (``..., stating, "... our systems ..."`` quotes the
    speaker), neither quoted whole (a pull quote), reporting (``said``), greeting (``Hello
    and welcome to ...``), nor naming the speaker by (folded) surname or role (``...,
    Lavrov has undertaken``, ``The minister received us``), and none of them asking: the
    speaker's preface (``We are pleased with ...``), not the editor's or the host's lead."""
    if any("?" in text for text in texts):
        return False  # a host's introduction asks ('What's pushing London to ...?')
    return any(
        FIRST_PERSON.search(QUOTED_PART.sub("", text))  # (quoted: the speaker's, reported)
        and not _PULL_QUOTE.match(text.strip())  # the editor quoting the speaker
        and not REPORTING.search(text)
        and not SALUTATION.search(text)
        and not ROLE_REFERENCE.search(text)
        and (surname is None or surname not in speakers.fold(text))
        for text in texts
    )


def editors_lead(
    texts: list[str], surname: str | None, interview: bool, untitled_question: bool
) -> bool:
    """Whether unlabelled paragraphs before a page's first turn are its editor's lead:
    on an interview, when they are not the speaker's own words (:func:`in_own_words`);
    before an untitled page's first question, when the first of them reports on the
    speaker (``On the 18th, Lavrov sat down for an hour interview ...``: a speaker's
    opening never names its speaker, and the editor's asides that follow it are the
    editor's too), or when none is the speaker's own words or greets anybody (a
    speaker's opening does) and one names the speaker or reports (``That is why we
    have asked Maria Zakharova to answer our questions``)."""
    if interview:
        return not in_own_words(texts, surname)
    if not untitled_question or not texts:
        return False

    def reports(text: str) -> bool:
        return bool(
            REPORTING.search(text) or (surname is not None and surname in speakers.fold(text))
        )

    first = texts[0]
    if reports(first) and "?" not in first and not SALUTATION.search(first):
        return True
    return (
        not in_own_words(texts, surname)
        and not any(SALUTATION.search(text) for text in texts)
        and any(reports(text) for text in texts)
    )


def reported_paragraphs(texts: list[str], speaker: str | None) -> int:
    """How many of ``texts``, from the first, report on ``speaker`` in the third person
    (an editor's lead before a first question): they name the speaker by surname or role
    (``the deputy minister``), say ``he`` or ``she`` or report, and ask nothing; a first
    person is the writer's only beside the surname or a reporting word (``We met
    Saltanov in Rhodes``)."""
    surname = speakers.surname(speaker)
    count = 0
    for text in texts:
        named = surname is not None and surname in speakers.fold(text)
        reporting = REPORTING.search(text) is not None
        if "?" in text or (FIRST_PERSON.search(text) and not (named or reporting)):
            break  # a question, or the speaker's own words ('We met Saltanov' is a writer's)
        if not (named or reporting or ROLE_REFERENCE.search(text) or THIRD_PERSON.search(text)):
            break
        count += 1
    return count


def anchor_hands_over(first: str | None, second: str | None, asked: str) -> bool:
    """Whether a broadcast's first asking turn, labelled ``first`` with the text ``asked``,
    is the anchor's introduction (a statement): it asks nothing and hands over to the
    turn of another interviewer, ``second`` (``BILL HEMMER, CNN ANCHOR: ... Jill,
    hello.`` then ``JILL DOUGHERTY: Good morning, Bill. ... ?``); both are named, not
    ``Question`` or ``Q``."""
    return _named(first) and _named(second) and second != first and "?" not in asked


def _named(label: str | None) -> bool:
    """A label naming who asks (``BILL HEMMER, CNN ANCHOR``), not ``Question`` or ``Q``."""
    return label is not None and _QUESTION_LABEL.match(label) is None


_QUESTION_LABEL = re.compile(r"(?i)(?:q|questions?)\b")
