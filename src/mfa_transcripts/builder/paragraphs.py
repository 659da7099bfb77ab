"""Body to paragraphs, each with the label it opens with: the first stage of the turns.

A paragraph is a non-blank body line; where turns were run together in one line
(``Question: ...? Sergey Lavrov: ...``), a ``Question``, ``Answer`` or registry
speaker's label right after the end of a sentence in a paragraph that opens with a
label starts a new paragraph. Then the page as a whole decides what its labels mean:

* an unknown name's label with no text under it before the next label is no label but
  a line of text (a sentence broken before its colon);
* a surname alone after the full name names that person (:mod:`.grammar.dialogue`);
* a page with no ``Question`` label is a **digest** (``On <topic>`` headings stand in
  for questions), and a broadcast's host asks there; elsewhere the host chairs; a name
  label whose role after a comma asks (``..., Editor-in-Chief, International Affairs:``)
  is the press's question on any page;
* the page's **subject** is the title's speaker, else the registry person (or the
  holder of a ministry office) the page's lead names, else the one its headline quotes
  or a site line names alone (``H. E. Mr. Alexander Kadakin``), else (on an untitled
  page) the one its paragraphs before the first label name, else the first registry
  person labelled, else the one person an untitled page labels by name (twice or more,
  nobody else); on an untitled page the subject answers
  under ``Answer:`` and under a label naming them by role and surname
  (``Ambassador Chizov``, misspelt by a letter);
* on an **interview** (a digest whose title names the genre, or an untitled one whose
  subject answers under a label), the interviewer's name label asks (an
  office-holder's, ``Japanese Defense Minister Tomomi Inada:``, speaks), and there, or on
  an untitled digest, an outlet's label (``TASS:``) asks, but for a news story's
  dateline (``MANILA: ... says that ...``: the first label, once, reporting); on another
  digest whose subject answers under a label (``Comments ... to journalists``), a name
  label asks where its paragraph asks (a question mark);
* on a page without ``Question`` labels, dashed paragraphs are turns alternating with
  the labelled ones (``- Have you seen it?`` then ``Alexander Yakovenko, ...: ...``);
* a page with no label at all may imply them: bracketed names, a dashed dialogue, or
  bare paragraphs on an interview, or on an untitled page whose lead names its subject
  or reports the conversation, two bare questions answered (:mod:`.grammar.dialogue`).

:mod:`.turns` reads the result into turns.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from . import speakers
from .grammar.dashes import dash_labels
from .grammar.dialogue import (
    ASKS,
    addresses,
    answered_questions,
    asked_before,
    asking_role,
    bare_answers,
    bare_labels,
    bracketed_labels,
    first_question_unlabelled,
    glued_names,
    recurring_names,
    surname_labels,
)
from .grammar.labels import INLINE_LABEL, Label, outlet_label, press_title, read_label
from .grammar.lexicon import ASKED_GENRES, QUESTIONED_GENRES, TO_THE_PRESS
from .grammar.names import names_person, office_holder, office_holder_at
from .grammar.prose import label_headline, title_case_headline
from .grammar.registry import find_in_text
from .grammar.voice import PRESENTING, REPORTING, SECOND_PERSON
from .page import Line, Page

__all__ = ["Paragraphs", "label_paragraphs"]


@dataclass
class Paragraphs:
    """The body's paragraphs (line, start, end, label), their texts and labels, and what
    the page as a whole is."""

    units: list[tuple[Line, int, int, Label | None]]
    texts: list[str]
    labels: list[Label | None]
    digest: bool  # no question label: headings stand in for questions
    interview: bool  # the interviewer's name label asks
    questioned: bool  # a name label asks where its paragraph asks
    subject: str | None  # who the page is with
    asked_for: bool  # text before the first turn is the editor's lead
    implied: bool  # the labels are implied (dashes, bare paragraphs), none written
    headline: bool  # the first paragraph is an untitled page's headline shaped like a label


def label_paragraphs(page: Page) -> Paragraphs:
    """The body's paragraphs with their labels, read as the module's notes say."""
    info = page.info
    # paragraphs: body lines, split where a label follows a sentence inside a labelled one
    units = [unit for ln in page.body for unit in _split_run_together(page, ln)]
    texts = [page.text[start:end] for _, start, end, _ in units]
    labels = [label for *_, label in units]
    for i in range(1, len(texts)):
        # a registry speaker's name alone on its line, its colon opening the next one
        # ('Konstantin Dolgov' over ': Regarding these removals, ...'): a label alone
        if texts[i].startswith(":") and labels[i] is None and labels[i - 1] is None:
            _, start, end, _ = units[i - 1]
            name = read_label(texts[i - 1] + ":", start, info.speaker)
            if name is not None and name.known and name.kind == "speaker":
                labels[i - 1] = replace(name, span=(start, end), text_start=end)
    for i, (label, (_, _, end, _)) in enumerate(zip(labels, units, strict=True)):
        if label is not None and not label.known and label.text_start >= end:
            following = labels[i + 1] if i + 1 < len(labels) else None
            if following is not None or i + 1 == len(labels):
                labels[i] = None  # a sentence broken before its colon, no turn: 'Affairs of ...:'
    headline = page.title is None and bool(labels) and _label_headline(texts[0], labels[0])
    if headline:
        labels[0] = None
    labels = _without_datelines(
        labels, texts, unknown_only=True
    )  # 'KUALA LUMPUR: Following is ...'
    # who the page is with: the title's speaker, else the registry person the lead names
    first_turn = next((i for i, label in enumerate(labels) if label is not None), len(labels))
    subject = (
        info.speaker
        or _subject(page, [] if page.title else texts[:first_turn])
        or next((lb.speaker for lb in labels if lb and lb.kind == "speaker" and lb.known), None)
        or _office_holder(page, texts[:first_turn])
        or (_only_speaker(labels) if page.title is None else None)
    )
    if subject is not None and info.speaker is None:
        # an untitled page: a label the registry does not know may name the subject the
        # lead names, by role and surname ('Ambassador Chizov' for Vladimir Chizhov)
        labels = [
            replace(label, speaker=subject, known=True)
            if label is not None
            and label.kind == "speaker"
            and not label.known
            and names_person(label.name, subject)
            else label
            for label in labels
        ]
    starts = [start for _, start, _, _ in units]
    office = info.speaker_role if info.speaker is None else None  # 'Secretary-General's ...'
    surname_labels(texts, starts, labels, subject, tuple(_leads(page)), office)
    recurring_names(texts, starts, labels)  # 'Carlson: ...?' 'Lavrov: ...' 'Carlson: ...'
    # a digest: no question labels; 'On <topic>' headings stand in for them
    digest = not any(label is not None and label.kind == "question" for label in labels)
    # a broadcast's host chairs where questions are labelled, and asks where they are not
    host = "question" if digest else "chair"
    labels = [
        replace(label, kind=host)
        if label is not None and label.kind == "host"
        # a name whose role asks ('..., Editor-in-Chief, International Affairs:'): the
        # press's question on any page (decided after the digest is: such a page's
        # digest status is its written labels')
        else replace(label, kind="question", speaker=None, known=True)
        if label is not None and asking_role(label)
        else label
        for label in labels
    ]
    answered = any(label is not None and label.speaker == subject for label in labels)
    if subject is not None and info.speaker is None:  # untitled: 'Answer:' is the subject's
        labels = [
            replace(label, speaker=subject)
            if label is not None and label.kind == "answer" and label.speaker is None
            else label
            for label in labels
        ]
    # an interview without 'Question' labels: the interviewer is labelled by name
    # (an untitled page whose first named turn addresses the subject, 'Sophie
    # Shevardnadze: Vitaly Churkin, ..., welcome to the show', is one, cut before he speaks)
    addressed = subject is not None and _addressed(texts, labels, subject)
    interview = (
        digest
        and subject is not None
        and ("interview" in info.genres or (page.title is None and (answered or addressed)))
    )
    # no 'Question' label, and the subject answers under a label ('Comments ... to
    # journalists'): a name label that asks is a journalist's question
    questioned = digest and subject is not None and answered and not interview
    if interview or (digest and page.title is None):  # the outlet asks: 'TASS: ...'
        # (a name label the registry does not know may be a newspaper's: 'Herald:')
        labels = [
            outlet_label(text, start)
            if label is None
            or (label.kind == "speaker" and not label.known and press_title(label.name.split()))
            else label
            for label, text, (_, start, _, _) in zip(labels, texts, units, strict=True)
        ]
        labels = _without_datelines(labels, texts)  # 'MANILA: Moscow’s Ambassador says ...'
    glued_names(texts, starts, labels)  # 'Sophie Shavardnadze:Our guest ...' over 'SS: ...'
    if subject is not None and not any(lb is not None and lb.kind == "question" for lb in labels):
        # '... ?' then 'Vitaly Churkin: ...'; the page says it is an interview (its title's
        # genre, its lead, or the paragraphs before the first turn)
        reported = (
            "interview" in info.genres
            or _reported_interview(page)
            or any("interview" in t.lower() for t in texts[:first_turn])
        )
        questioned_genre = not QUESTIONED_GENRES.isdisjoint(info.genres)
        asked_before(texts, starts, labels, subject, reported, questioned_genre)
    # an interview: its subject speaks only when asked, so text before the first turn
    # is the editor's (a lead), never opening remarks
    # a comment or answers given to the press ('Comment ... to Izvestia newspaper') too
    asked_for = (
        interview
        or "interview" in info.genres
        or (
            not ASKED_GENRES.isdisjoint(info.genres)
            and TO_THE_PRESS.search(page.title or "") is not None
        )
    )
    answered_questions(texts, starts, labels)  # '... ?' (or '... .') then 'Answer: ...'
    if subject is not None and set(info.genres) == {"answers to questions"}:
        # 'Please comment on ...' then 'Foreign Minister Lavrov: ...', 'Question: ...' after
        first_question_unlabelled(texts, starts, labels, subject)
    bare_answers(texts, starts, labels, subject)  # 'Question: ...?' then a bare answer
    implied = not any(labels)  # no label at all: the dialogue may be set without any
    if digest and not implied:  # '- Have you seen ...?' then 'Alexander Yakovenko, ...:'
        labels = dash_labels(texts, starts, labels, subject, asked_for)
    if implied:
        labels = bracketed_labels(texts, starts, subject)  # '[Khuzam] ...' '[Lavrov] ...'
        if not any(labels):  # '– Do you ...?' '– We ...'
            labels = dash_labels(texts, starts, labels, subject, asked_for)
        if not any(labels) and (asked_for or _reported_interview(page)):
            labels = bare_labels(texts, starts, subject)
        elif not any(labels) and "answers to questions" in info.genres:
            # answers to questions, none labelled: two bare questions answered, or one
            # opening a text that is answers alone (remarks before answers may open by
            # asking; a live blog or a channel's post under a 'Q&A' headline may ask once,
            # after lines of its own)
            bare = bare_labels(texts, starts, subject)
            asked = [i for i, label in enumerate(bare) if label and label.kind == "question"]
            answers_alone = QUESTIONED_GENRES.issuperset(info.genres)
            if len(asked) >= 2 or (asked and asked[0] == 0 and answers_alone):
                labels = bare
        elif not any(labels) and page.title is None and subject is not None:
            # untitled, but a lead names who it is with, or a paragraph before the
            # questions reports ('spoke with', 'interview'): two questions answered in
            # turn make it an interview
            bare = bare_labels(texts, starts, subject)
            asked = [i for i, label in enumerate(bare) if label and label.kind == "question"]
            # (or one that addresses them, 'Mr. Ambassador, ...', or asks them, 'What is your
            # take on this?', under a paragraph that names the interview)
            one = bool(asked) and (
                addresses(texts[asked[0]], subject)
                or (
                    SECOND_PERSON.search(texts[asked[0]]) is not None
                    and any("interview" in t.lower() for t in texts[: asked[0]])
                )
            )
            if (len(asked) >= 2 or one) and (
                _lead_names(page, subject) or any(_reports(t) for t in texts[: asked[0]])
            ):
                labels = bare
        implied = any(labels)
    return Paragraphs(
        units, texts, labels, digest, interview, questioned, subject, asked_for, implied, headline
    )


def _addressed(texts: list[str], labels: list[Label | None], subject: str) -> bool:
    """The first label's turn, someone else's name label, opens by addressing ``subject``
    (``Mr. Ambassador, ...``), or by their full name and a comma (``Vitaly Churkin,
    Russia’s Ambassador to the UN, welcome to the show``)."""
    i = next((i for i, lb in enumerate(labels) if lb is not None), None)
    label = labels[i] if i is not None else None
    if i is None or label is None or label.kind != "speaker" or label.speaker == subject:
        return False
    text = texts[i][label.text_start - label.span[0] :].lstrip()
    named = speakers.fold(text[: len(subject) + 1]) == speakers.fold(subject + ",")
    return named or addresses(text, subject)


def _label_headline(text: str, label: Label | None) -> bool:
    """An untitled page's first paragraph that is a headline shaped like a label
    (``Lavrov: If Japan Wants Peace, Why ...?``, ``Ambassador: Russia could tell EU ‘nobody
    is perfect’``), not a question nor an answer's turn: the republisher's."""
    if label is None or label.kind == "question":
        return False
    return (label.kind != "answer" and title_case_headline(text)) or label_headline(text)


def _split_run_together(page: Page, ln: Line) -> list[tuple[Line, int, int, Label | None]]:
    """A body line as paragraphs (line, start, end, label): one, unless the line opens
    with a label (an outlet's too) and a ``Question``/``Q``, ``Answer``/``A``, outlet's
    or registry speaker's label follows the end of a sentence inside it (``Question:
    ...? Sergey Lavrov: ...``), where the turns were run together; each such label
    starts a paragraph."""
    start, end = ln.stripped_span()
    text = page.text[start:end]
    first = read_label(text, start, page.info.speaker)
    if first is None:
        outlet = outlet_label(text, start)  # 'CNN 18: ...? A.M.Kadakin: ...'
        if outlet is None:
            return [(ln, start, end, None)]
        return _split_labelled(page, ln, start, end, outlet, None)
    return _split_labelled(page, ln, start, end, first, first)


def _split_labelled(
    page: Page, ln: Line, start: int, end: int, first: Label, kept: Label | None
) -> list[tuple[Line, int, int, Label | None]]:
    """Split at labels following a sentence; ``kept`` is the first paragraph's label
    (None for an outlet's: whether it asks is the page's to decide)."""
    text = page.text[start:end]
    if ":" not in text[first.text_start - start :]:
        return [(ln, start, end, kept)]  # no other label can follow: skip the scan
    for match in INLINE_LABEL.finditer(text, first.text_start - start):
        at = start + match.start("label")
        label = read_label(page.text[at:end], at, page.info.speaker)
        next_kept: Label | None = label
        if label is None and (label := outlet_label(page.text[at:end], at)) is not None:
            next_kept = None  # '...? RT: ...': an outlet's turn, run together too
        if label is None or label.kind not in ("question", "answer", "speaker"):
            continue
        if label.kind == "speaker" and speakers.resolve(label.name) is None:
            continue  # a role ('Moderator') or an unknown name, not a registry person
        # the rest may hold further run-together turns
        return [
            (ln, start, start + match.start(), kept),
            *_split_labelled(page, ln, at, end, label, next_kept),
        ]
    return [(ln, start, end, kept)]


def _subject(page: Page, texts: list[str]) -> str | None:
    """Who a page whose title names nobody is with: the registry person a headline
    quotes (``Vasily Nebenzia: The West is blinded ...``, over a lead naming the minister
    who heads the delegation first) or names alone (``H. E. Mr. Alexander Kadakin``: not
    the president an answer names), else the first registry person or office-holder a
    lead line of its head names, whichever it names first (``This was stated by the
    Russian Ambassador in Ulaanbaatar Alexey Evsikov``: not the president a question
    names; ``... Consul General Andrey V Demidov talks to Blue Chip about ... President
    Vladimir Putin's upcoming visit``: not the president the lead names after), else the
    first registry person of its first paragraphs before any labelled turn (on an
    untitled page); the caller falls back on the first registry person labelled."""
    for c in page.chrome:  # a headline quoting a registry person: 'Ryabkov: the U.S. ...'
        head, _, _ = page.text[c.start : c.end].partition(":")  # or naming one alone
        shaped = c.kind == "masthead" and len(head) <= 60
        if shaped and (person := speakers.resolve(head.strip())) is not None:
            return person.name
    for text in _leads(page):  # the lead's registry person or office-holder, the first named
        found, holder = find_in_text(text), office_holder_at(text)
        if found is not None and (holder is None or found[1] <= holder[1]):
            return found[0].name
        if holder is not None:
            return holder[0]
    for text in texts[:5]:
        found = find_in_text(text)
        if found is not None:
            return found[0].name
    for c in page.chrome:  # a photo's caption: 'Russian Ambassador to the US Anatoly Antonov'
        if c.kind == "caption" and (found := find_in_text(page.text[c.start : c.end])):
            return found[0].name
    return None


def _only_speaker(labels: list[Label | None]) -> str | None:
    """The one person an untitled page labels, twice or more and nobody else by name
    (``Ambassador Bezdetko: ...`` under each bare question): whom it is with, the
    registry knowing them or not."""
    named = [lb.speaker for lb in labels if lb is not None and lb.kind == "speaker"]
    return named[0] if len(named) >= 2 and len(set(named)) == 1 else None


def _office_holder(page: Page, texts: list[str]) -> str | None:
    """The holder of a ministry office that the page's title (where its grammar found no
    speaker), head or paragraphs before the first turn name, the registry knowing them or
    not (``Russian Ambassador Alexander A Karchava``): whom a page that names nobody the
    registry knows is with."""
    title = [page.title] if page.title else []
    for text in [*title, *_head_lines(page, "lead", "masthead"), *texts[:5]]:
        if (name := office_holder(text)) is not None:
            return name
    return None


def _head_lines(page: Page, *kinds: str) -> list[str]:
    """The texts of the head's chrome lines of these kinds (``lead``: a republisher's
    words about the page; ``masthead``: its headline)."""
    return [page.text[c.start : c.end] for c in page.chrome if c.kind in kinds]


def _leads(page: Page) -> list[str]:
    """The texts of the head's lead lines (a republisher's words about the page)."""
    return _head_lines(page, "lead")


def _lead_names(page: Page, person: str) -> bool:
    """Whether a lead line of the page's head, or its headline, names ``person`` (by
    folded surname)."""
    surname = speakers.surname(person) or "\0"
    return any(surname in speakers.fold(text) for text in _head_lines(page, "lead", "masthead"))


def _reported_interview(page: Page) -> bool:
    """An untitled page whose lead reports an interview ('..., said in an interview')."""
    return page.title is None and any("interview" in text.lower() for text in _leads(page))


def _reports(text: str) -> bool:
    """A paragraph that reports on a conversation: a reporting verb (``spoke with``,
    ``said in an interview``) or the word interview (``sat down ... with IRAS for an
    interview``)."""
    return REPORTING.search(text) is not None or "interview" in text.lower()


# a name in capitals of up to three words, no role after a comma: a dateline's place
# ('KUALA LUMPUR'), or an anchor's name ('JUDY WOODRUFF'), told apart by what follows
_CAPITALS_NAME = re.compile(r"^[A-Z][A-Z.\-']+(?: [A-Z][A-Z.\-']+){0,2}$")


def _without_datelines(
    labels: list[Label | None], texts: list[str], unknown_only: bool = False
) -> list[Label | None]:
    """The labels but a news story's dateline read as an outlet's or an unknown name's:
    the page's first label, a name in capitals without a role after it that opens no
    other paragraph, whose words report or present the text rather than ask (``MANILA:
    Moscow’s Ambassador to Manila Igor Khovaev says that ...``, ``KUALA LUMPUR: Following
    is the transcript of the interview with ...``); ``unknown_only``: only an unknown
    name's, on any page, before the page's subject is sought."""
    names = [label.name for label in labels if label is not None]
    first = next((i for i, label in enumerate(labels) if label is not None), None)
    if first is None:
        return labels
    label, text = labels[first], texts[first]
    if label is None or label.qualifier is not None or not label.name.isupper():
        return labels
    # (an unknown name's in capitals, not 'BILL HEMMER, CNN ANCHOR: ...', whose text
    # presents the transcript: an anchor's own words may report)
    unknown = label.kind == "speaker" and not label.known and _CAPITALS_NAME.match(label.name)
    if (
        ((label.kind == "question" and not unknown_only) or unknown)
        and names.count(label.name) == 1
        and (
            PRESENTING.search(text, label.text_start - label.span[0])
            if unknown
            else REPORTING.search(text)
        )
        is not None
        and ASKS.search(text) is None
    ):
        return [None if i == first else lb for i, lb in enumerate(labels)]
    return labels
