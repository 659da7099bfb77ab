"""The head's rules that judge prose: a caption, a republisher's lead, a label alone, a
byline's name and roles, a headline shaped like a label.

They read a line's words, not its shape: whether it speaks in the first person
(:data:`~.voice.FIRST_PERSON`), reports on a speaker (:data:`~.voice.REPORTING`,
:data:`~.voice.THIRD_PERSON`, :data:`~.voice.ROLE_REFERENCE`), presents the text
that follows (:data:`~.voice.PRESENTING`) or greets (:data:`~.voice.SALUTATION`).
:data:`.head.HEAD_RULES` lists them among the other rules, as soft rules.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .. import speakers
from .footer import signer
from .headings import STAGE_DIRECTION
from .labels import CONNECTORS, is_label_line, outlet_label, read_label
from .lexicon import GENRE_WORD, MINISTRY_NAMED, ROLE_NAME_WORDS
from .registry import find_in_text
from .voice import (
    COPULA,
    FIRST_PERSON,
    FIRST_PERSON_SUBJECT,
    PRESENTING,
    PRESENTS_TEXT,
    REPORTING,
    ROLE_REFERENCE,
    SALUTATION,
    SENTENCE_END,
    THIRD_PERSON,
)

if TYPE_CHECKING:
    from .head import Head, HeadContext

__all__ = [
    "caption",
    "label_alone",
    "lead",
    "name_line",
    "quote_headline",
    "salutation_line",
    "title_case_headline",
    "words_of",
]


_WORD = re.compile(r"[^\W_]+")


def words_of(text: str) -> list[str]:
    """The words of ``text``, folded: what title fragments are compared by."""
    return _WORD.findall(speakers.fold(text))


def salutation_line(text: str) -> bool:
    """A salutation alone on its line: 'Mr Chairperson,', 'Ladies and gentlemen,'."""
    return (
        len(text) <= 80
        and text.endswith((",", "!"))
        and SALUTATION.search(text) is not None
        and not is_label_line(text)
    )


def label_alone(text: str) -> bool:
    """A speaker's label on a line of its own, its text on the next (``Foreign Minister
    Lavrov:``)."""
    return text.endswith(":") and read_label(text) is not None


def caption(ctx: HeadContext, head: Head, i: int) -> int | None:
    """A photo's caption or a site's short line: up to 20 words, no closing punctuation,
    no salutation, first person, label (one the page uses again: :func:`label_recurs`) or
    stage direction, not a sentence wrapped onto a next line in lower case; never on a
    briefing or after its contents (a heading follows there)."""
    text = ctx.texts[i].strip()
    if (
        len(text.split()) > 20
        or len(text) > 160
        or SENTENCE_END.search(text)
        or text[-1] in ",;:"
        or ctx.genres[:1] == ["briefing"]
        or head.contents  # the contents' headings follow
        or SALUTATION.search(text)
        or FIRST_PERSON.search(text)
        or is_label_line(text)
        or STAGE_DIRECTION.match(text)
        or label_alone(text)
        # a sentence wrapped onto the next line (not a tag: 'world' over 'sergey lavrov')
        or (len(text.split()) >= 6 and ctx.texts[i + 1].lstrip()[:1].islower())
        or label_recurs(ctx.texts, i)
    ):
        return None
    return i + 1


def label_recurs(texts: list[str], i: int) -> bool:
    """``texts[i]`` opens with a name and a colon that opens a later line too (``New
    Europe: How do you assess ...`` over ``New Europe: Aha. ...``): the page's first
    turn under its label (its sentence perhaps cut off), no caption or headline."""
    text = texts[i].lstrip()
    colon = text.find(":", 0, 60)
    if colon < 2:
        return False
    opener = text[: colon + 1]
    return any(t.lstrip().startswith(opener) for t in texts[i + 1 :])


LEAD_REACH = 5
"""How many lines a line presenting the text may stand under the first line of its lead."""


def _before_presenting(texts: list[str], i: int) -> bool:
    """A line presenting the text (``RT presents the full transcript ...``, ``Following is
    the translated text ...``) follows within :data:`LEAD_REACH` lines, and no line from
    ``i`` to it speaks in the first person or opens with a label."""
    for j in range(i, min(i + LEAD_REACH + 1, len(texts) - 1)):
        text = texts[j].strip()
        if PRESENTS_TEXT.match(text) and REPORTING.search(text):  # '... full transcript'
            return True
        if FIRST_PERSON.search(text) or read_label(text) is not None or outlet_label(text):
            return False
    return False


def _presents_below(text: str) -> bool:
    """A line presenting the text under it and ending in a colon (``Below is the full
    transcript:``, ``... and reproduced it below:``)."""
    text = text.strip()
    return text.endswith(":") and PRESENTING.search(text) is not None


def lead(ctx: HeadContext, head: Head, i: int) -> int | None:
    """A republisher's lead, any of:

    * it names the title's speaker in the third person, or in the first person of its
      writer beside a reporting word (``said``, ``transcript``);
    * on an untitled page, it names a registry person beside a reporting word or a
      third-person pronoun (``Kislyak's talk includes his thoughts``), or is a sentence
      in the third person about the ministry's event (``... were in focus in the first
      Russian Foreign Ministry briefing of 2010.``);
    * it reports, in the third person, what the speaker named by role said (``..., the
      diplomat told the media``);
    * it presents the text below and ends in a colon (``... and reproduced it
      below:``), perhaps wrapped onto this line from a caption or lead above it;
    * right after a lead, it has no first person and goes on in the third person
      (``he``, a registry person) or reports (``RT presents the full transcript``), and
      neither asks nor opens with a dialogue dash.

    * it comes before a line presenting the text (``Following is the translated text of
      Sergey Lavrov's speech.``) within :data:`LEAD_REACH` lines, and neither it nor
      those between speak in the first person or open with a label.

    No lead follows a heading (a caption) right under a lead, nor a lead presenting the text
    below with a colon: the body has begun; a label
    alone on its line, a paragraph ending with a question mark, or a dashed one that
    asks, is never one.
    """
    text = ctx.texts[i].strip()
    if head.kinds[-1:] == [(i - 1, "lead")] and _presents_below(ctx.texts[i - 1]):
        return None  # under 'Below is the full transcript:' the text itself begins
    if text.endswith(":") and head.kinds[-1:] in ([(i - 1, "caption")], [(i - 1, "lead")]):
        above = ctx.texts[i - 1].strip()
        # a presenting line wrapped: '... released by the Ministry of' 'Affairs ...:'
        wrapped = not SENTENCE_END.search(above) and not above.endswith(":")
        if wrapped and PRESENTING.search(f"{above} {text}"):
            return i + 1
    if len(text.split()) <= 8 and label_alone(text):
        return None  # 'Question:' alone, its text on the next line: the first turn
    if _before_presenting(ctx.texts, i):
        return i + 1
    words = len(text.split())
    if words < 3 or (words < 6 and not text.endswith(":")):
        return None
    label = read_label(text)
    # '... and reproduced it below:', '... Here’s Lavrov:' (no label: no text after the
    # colon), but not 'V.Churkin: ... adopted the following resolution:'
    presents = text.endswith(":") and PRESENTING.search(text) is not None
    if presents and (label is None or label.text_start >= len(text)):
        return i + 1
    if is_label_line(text) or label is not None or outlet_label(text) or words < 6:
        return None  # a label ('RT: Thank you for joining us, ...') opens a turn
    if head.kinds[-2:] == [(i - 2, "lead"), (i - 1, "caption")]:
        return None  # a heading right under the lead: the body has begun
    if text.endswith("?") or (text[0] in "-–—" and "?" in text):
        return None  # a question ('Mr Antonov, how hard is it ...?', '– Mr Vershinin, ...?')
    first_person, reporting = FIRST_PERSON.search(text), REPORTING.search(text)
    if ctx.speaker is not None:
        surname = speakers.surname(ctx.speaker)
        if surname in words_of(text) and (first_person is None or reporting):
            return i + 1
    elif (
        reporting or (THIRD_PERSON.search(text) and not FIRST_PERSON_SUBJECT.search(text))
    ) and find_in_text(text) is not None:
        # untitled: a registry person, and a reporting word, or 'his'/'he' where no first
        # person speaks ('He also gives us ...' is a writer's; 'I will not ...' a speaker's)
        return i + 1
    elif (
        first_person is None
        and (reporting or COPULA.search(text))
        and SENTENCE_END.search(text)
        and MINISTRY_NAMED.search(text)
        and GENRE_WORD.search(text)
    ):
        # untitled: a sentence about the ministry's event ('Visits by ... were in focus
        # in the first Russian Foreign Ministry briefing of 2010.')
        return i + 1

    if first_person is None and (
        (ROLE_REFERENCE.search(text) and reporting)
        or (
            head.kinds[-1:] == [(i - 1, "lead")]
            and text[0] not in "-–—"  # a dashed turn
            and "?" not in text
            and (reporting or THIRD_PERSON.search(text) or find_in_text(text))
        )
    ):
        return i + 1
    return None


def name_line(ctx: HeadContext, head: Head, i: int) -> int | None:
    """A caption or byline that is only a person's name, perhaps with a role (``Minister
    Sergey Lavrov``): a registry person or the title's speaker, two words or more; and
    the line of roles under it (``Minister of Foreign Affairs of the Russian Federation,
    Chairman of Board of Trustees of RIAC``): opening with a role word, up to 25 words,
    at most two lower-case words that are no connector (``since``), no closing
    punctuation but a full stop."""
    text = ctx.texts[i].strip()
    if len(text.split()) >= 2 and signer(text, ctx.speaker):
        return i + 1
    after_name = head.kinds[-1:] == [(i - 1, "byline")]
    roles = text.removesuffix(".")  # 'Minister of Foreign Affairs of Russia.'
    words = roles.split()
    return (
        i + 1
        if after_name
        and 0 < len(words) <= 25
        and words[0] in ROLE_NAME_WORDS
        and not SENTENCE_END.search(roles)
        and sum(w.islower() and w not in CONNECTORS for w in words) <= 2
        and not FIRST_PERSON.search(text)
        else None
    )


_QUOTE_AFTER_LABEL = re.compile(r"^[^:\n]{3,120}:\s+[\"“«„][^\"“”«»„]{3,200}[\"”»]\s*$")


_HEADLINE_AFTER_LABEL = re.compile(r"^[^:\n]{3,80}:\s+(?P<headline>[^\n]{10,200})$")
_CAPITALISED = re.compile(r"\b[A-Z]")


def label_headline(text: str) -> bool:
    """A press headline shaped like a label over an untitled page: a name, a colon and a
    phrase of two words or more that no sentence's punctuation closes and that greets
    nobody (``Alexander Efimov: Arabian start``, ``Ambassador: Russia could tell EU
    ‘nobody is perfect’``): a turn's paragraph ends its sentence."""
    match = _HEADLINE_AFTER_LABEL.match(text.strip())
    if match is None or SENTENCE_END.search(text.rstrip()) or text.rstrip()[-1] in ",;:-–—":
        return False
    return len(match["headline"].split()) >= 2 and not SALUTATION.search(text)


def title_case_headline(text: str) -> bool:
    """A press headline shaped like a label: a name, a colon and five words or more in
    title case, a question or exclamation mark allowed at its end (``Breaking! Lavrov: If
    Japan Wants Peace, Why Does it Join With West In Condemning Russia?``): no turn's
    paragraph capitalises its words."""
    match = _HEADLINE_AFTER_LABEL.match(text.strip())
    if match is None or text.rstrip().endswith("."):
        return False
    words = match["headline"].split()
    return len(words) >= 5 and len(_CAPITALISED.findall(match["headline"])) >= 0.7 * len(words)


def quote_headline(ctx: HeadContext, head: Head, i: int) -> int | None:
    """A press headline shaped like a label: a name, a colon and a quote, nothing else;
    or a name, a colon and words in title case without closing punctuation (``Sergei
    Lavrov: International Diplomat Extraordinaire Opens Up About ...``); or a speaker's
    label and a sentence of six words or more that neither closes nor runs on (no closing
    punctuation, no comma or dash at its end, the next line not in lower case) and greets
    nobody (``Deputy Foreign Minister Oleg Syromolotov: Moscow has no data indicating
    that coronavirus came from lab``), its label opening no later line: a turn's
    paragraph ends its sentence. A question's
    or an answer's label is never one (``Question: "Let us talk ..."``)."""
    text = ctx.texts[i].strip()
    if (asked := read_label(text)) is not None and asked.kind in ("question", "answer"):
        return None
    if _QUOTE_AFTER_LABEL.match(text):
        return i + 1
    match = _HEADLINE_AFTER_LABEL.match(text)
    if match is None or SENTENCE_END.search(text):
        return None
    if title_case_headline(text):
        return i + 1
    words = match["headline"].split()
    following = ctx.texts[i + 1].lstrip() if i + 1 < len(ctx.texts) else ""
    if (
        len(words) < 6
        or not text[-1].isalnum()
        or following[:1].islower()
        or SALUTATION.search(text)
        or (label := read_label(text)) is None
        or label.kind != "speaker"
    ):
        return None
    return None if label_recurs(ctx.texts, i) else i + 1
