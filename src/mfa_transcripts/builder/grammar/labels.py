"""The turn-label grammar: the one place a label is recognised (title finding and turns).

A **label** opens a paragraph (after a channel's emoji, if any: ``💬 Maria Zakharova:``):
a name, an optional parenthesised qualifier, a colon,
then whitespace (a no-break space counts) or the end of the line: ``Question:``,
``Sergey Lavrov (after J.Kerry):``, ``FOREIGN MINISTER LAVROV:``; a label alone on its
line has its text on the next. The name must look like one (:data:`LABEL_KINDS` is the
ordered table; the first row that matches gives the kind):

* ``Question``/``Q`` (also ``Q.`` or a numbered ``Q1.`` with no colon, before a
  capital: ``Q. With the rise ...``; its answer ``A1.``), ``Question`` followed by
  ``from``/``to``/``for``/``by`` and a few words (``Question from the audience``) or
  by a number (``Question 2``) — a question;
* a one-word label within edit distance 2 of ``Question`` that does not contain the
  word (``Qestion:``) — a question, reported as a ``label-typo`` warning; one typo from
  ``Answer`` (``Anwser:``) — an answer, reported the same way;
* ``Answer``/``A``, an honorific (``H.E.:``) or the office alone (``The Ambassador:``,
  ``Minister:``) — the title's speaker answers (nobody named when the title names
  nobody);
* a monitoring service's bracketed word without a colon: ``[Question]`` asks,
  ``[Answer]``, ``[Commentary]``, ``[Reply]`` answer for the title's speaker;
* a registry speaker (a role may precede the name, or follow it after a comma; a
  surname alone or with initials names the person: ``Lavrov:``, ``S.Lavrov:``,
  ``M.V.Zakharova:``, ``SERGEI LAVROV, Russian Foreign Minister:``) — a speaker;
* a role that asks (:data:`~.lexicon.ASKING_ROLES`: ``Journalist``, ``Voice from the
  audience``, with up to two words before it: ``CNN Correspondent``) — a question; a
  role that chairs or interprets (:data:`~.lexicon.CHAIRING_ROLES`: ``Moderator``) — a
  statement that leaves an open question open; a broadcast's host
  (:data:`~.lexicon.HOSTING_ROLES`: ``Host``) — the same where the page labels its
  questions, else a question;
* two to :data:`MAX_NAME_WORDS` capitalised words (``of``, ``the``, ``and``... and the
  name particles allowed between, not at either end, though a particle such as ``van``
  may start one), or initials glued to a surname (``S.A.Ryabkov``) — a speaker the
  registry does not know, kept as written. An acronym (``START``, ``US``) may stand
  among the words but does not count as one of the two, unless the whole label is
  upper-case (``MR SMITH``).

A speaker label (anything but a question or answer) followed by text that starts with
a lower-case letter is prose, not a label: ``New START: we proposed ...``. The
qualifier is kept as data and never splits the name. A number may open a question,
answer or registry speaker's label (``1. Question:``); other numbered paragraphs are
text (``1. Strategic stability: ...``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .. import speakers
from .lexicon import (
    ASKING_ROLES,
    CHAIRING_ROLES,
    GENRE_OPENING,
    HOSTING_ROLES,
    OUTLETS,
    PRESS_KINDS,
    PRESS_TITLE_WORDS,
    TURN_ROLES,
)
from .names import names_person, office_holder
from .spelling import near_answer, near_question
from .voice import REPORTING

__all__ = [
    "INLINE_LABEL",
    "LABEL",
    "MAX_NAME_WORDS",
    "NUMBERED",
    "Label",
    "is_acronym",
    "is_label_line",
    "near_label",
    "outlet_label",
    "press_title",
    "read_label",
]

MAX_NAME_WORDS = 16
"""Longest label name, in words, that is taken for a speaker without the registry."""

# Possessive whitespace (``\s*+``): a long run of spaces must not make the lazy name and
# the optional qualifier try every way of sharing it (that was quadratic per paragraph).
LABEL = re.compile(
    # a channel's emoji or a bullet: '💬 Maria Zakharova:', '• SERGEI LAVROV:'
    r"^(?:[\U0001f000-\U0001faff\u2600-\u27bf\ufe0f\u200d•]++\s*+)?"
    r"(?P<number>\d{1,3}[.)]\s*+)?"  # '1. Question:'
    r"(?P<name>[^\W\d_][^:;()\n]{0,150}?)\s*+(?:\((?P<qualifier>[^()\n]{1,100})\))?\s*+"
    # (a full stop slipped in after the colon: 'Q:.Yesterday ...')
    r"(?P<colon>:(?:(?=\s|$)|\.(?=[A-Z“\"«])))\s*+"
)
# a label right after the end of a sentence, inside a paragraph: '...? Sergey Lavrov: It ...',
# '... welcomed it. CNN 18: That is ...' (a channel's number may end it)
INLINE_LABEL = re.compile(
    r"(?<=[.?!…\"”»’)])\s*+(?P<label>[A-Z][\w.’'\-]*+(?:\s++(?:[A-Z][\w.’'\-]*+|\d{1,3})){0,3}"
    r"\s*+(?:\([^()\n]{1,100}\))?:\s++[A-Z“\"«])"
)
# 'Q. With the rise of tensions ...': a question label written with a full stop alone
_Q_DOT = re.compile(r"^(?P<name>(?P<letter>[QA])(?P<n>\d{0,3}))\.\s++(?=[A-Z“\"«‘(])")
# 'QuestionMr. Morgulov, ...', 'Question:What ...', 'QUESTION:What', 'Q:What ...': the space
# (and colon) lost, the text glued to the label (a letter alone only with its colon)
# (misspelt too, with its colon: 'Qestion:What ...', 'Anwser:The ...')
_GLUED = re.compile(
    r"^(?P<name>(?i:Question|Answer)|[QA](?=:)|[QA][a-z]{3,9}(?=:)):?(?=[A-Z“\"«][a-z])"
)
# a monitoring service's bracketed label: '[Question] How would you ...', '[Commentary] The ...'
_BRACKETED = re.compile(
    r"^\[(?P<name>(?i:question|answer|commentary|comment|reply|q|a))\]\s++(?=\S)"
)
# a numbered paragraph: '1. Theresa May said ...'
NUMBERED = re.compile(
    r"^(?:[\U0001f000-\U0001faff\u2600-\u27bf\ufe0f\u200d]++\s*+)?"  # '❓1. How is ...'
    r"(?P<n>\d{1,3})(?P<mark>[.)])\s+(?=\S)"
)

# lower-case words allowed between the capitalised words of a name
CONNECTORS = frozenset(
    {"of", "the", "for", "and", "on", "to", "in", "at"} | speakers.NAME_PARTICLES
)
_ARTICLES = {"a", "an"}  # like 'the', 'of', 'and'..., never the first word of a name
_QUESTION_WORDS = {"question", "q", "questions"}
_ANSWER_WORDS = {"answer", "a"}
# the roles of a person who asks, as they stand before the asker's name
_ASKERS = frozenset({"correspondent", "journalist", "reporter", "interviewer"})
# an honorific standing for the person interviewed: 'H.E.: Special relationship has ...'
_HONORIFICS = {"h.e", "h. e", "his excellency", "her excellency", "excellency"}
# the interviewed person's office alone: 'The Ambassador:', 'Mr. Ambassador:', 'Minister:'
# (a headline's '<Russian Deputy Foreign Minister>: <quote>' is no label: no modifiers)
_OFFICE_ALONE = re.compile(
    r"^(?:the |mr\.? |madam |mrs\.? )?(?:ambassador|minister|envoy|spokes(?:man|woman|person))$"
)
# 'Question from the audience', 'Question to both ministers', 'Question 2', 'Question2'
_QUESTION_PHRASE = re.compile(
    r"^(?:question|q)\s+(?:from|to|for|by)\s+\S.*$|^(?:question|q)\s*\d{1,3}$"
)
# 'Voice from the audience', 'Participant from Germany', 'Moderator of the discussion'
_ROLE_PHRASE = re.compile(r"^(?P<role>\w+)\s+(?:from|of|for|at)\s+\S.*$")
# short English words: 'Putin met Xi Jinping: ...' is prose, not a near-label
_SHORT_WORDS = frozenset(
    {
        *("and", "or", "but", "nor", "yet", "so", "as", "by", "is", "was", "are", "has", "had"),
        *("met", "saw", "see", "say", "won", "led", "let", "put", "set", "got", "vs", "via"),
        *("per", "not", "now", "too", "his", "her", "its", "our", "who", "why", "how", "may"),
        "can",
    }
)


@dataclass(frozen=True)
class Label:
    """A label read: its kind, the name as written, the speaker it names, and offsets."""

    kind: str  # "question" | "speaker" | "chair" | "host" | "answer"
    name: str
    qualifier: str | None
    speaker: str | None
    known: bool  # a registry person, a role label or a question/answer label
    span: tuple[int, int]
    text_start: int
    typo: bool = False  # a misspelt 'Question' or 'Answer'


def read_label(text: str, start: int = 0, title_speaker: str | None = None) -> Label | None:
    """The label opening ``text`` (which starts at offset ``start`` of the page), or None."""
    dot = _Q_DOT.match(text) if text[:1] in "QA" else None
    if dot is not None and (dot["letter"] == "Q" or dot["n"]):  # 'Q.', 'Q1.', 'A1.', no 'A.'
        asks = dot["letter"] == "Q"
        kind, speaker = ("question", None) if asks else ("answer", title_speaker)
        span = (start, start + dot.end("name") + 1)
        return Label(kind, dot["name"], None, speaker, True, span, start + dot.end())
    if text.startswith("[") and (bracket := _BRACKETED.match(text)) is not None:
        name = bracket["name"]
        kind = "question" if name.lower() in _QUESTION_WORDS else "answer"
        span = (start, start + bracket.end("name") + 1)
        speaker = None if kind == "question" else title_speaker
        return Label(kind, name, None, speaker, True, span, start + bracket.end())
    if text[:1] in "QA" and (glued := _GLUED.match(text)) is not None:
        name = glued["name"]
        spelt = len(name) == 1 or name.lower() in ("question", "answer")
        typo = not spelt and (near_question(name.lower()) or near_answer(name.lower()))
        if spelt or typo:
            kind, speaker = ("question", None) if name[0] == "Q" else ("answer", title_speaker)
            span = (start, start + glued.end())
            return Label(kind, name, None, speaker, True, span, start + glued.end(), typo)
    if ":" not in text:
        return None  # a cheap test first: most paragraphs hold no colon
    match = LABEL.match(text)
    if match is None:
        return None
    prose = text[match.end() : match.end() + 1].islower()
    if match.end() >= len(text) and _presenting(match["name"]):
        return None  # 'Below are excerpts from the interview with Lavrov:' presents the text
    reading = _read_name(match["name"], bool(match["number"]), prose, title_speaker)
    if reading is None:
        return None
    kind, speaker, known, typo = reading
    name = " ".join(match["name"].split())
    qualifier = " ".join(match["qualifier"].split()) if match["qualifier"] else None
    span = (start + match.start(), start + match.end("colon"))
    return Label(kind, name, qualifier, speaker, known, span, start + match.end(), typo)


@lru_cache(maxsize=4096)
def _read_name(
    raw: str, numbered: bool, prose: bool, title_speaker: str | None
) -> tuple[str, str | None, bool, bool] | None:
    """What a label's name (as matched) makes the label: (kind, speaker, known, typo), or
    None for no label; ``prose``: the text after the colon opens in lower case. Cached:
    a page labels its few speakers again and again."""
    name = " ".join(raw.split())
    folded = speakers.fold(name)
    if numbered and not (
        folded in _QUESTION_WORDS | _ANSWER_WORDS or speakers.resolve(name) is not None
    ):
        return None  # numbered points: '1. Strategic stability: ...'
    bare = folded.rstrip(".")  # 'Q.:', 'A.:'
    if bare in _QUESTION_WORDS or (_QUESTION_PHRASE.match(folded) and len(name.split()) <= 8):
        return "question", None, True, False
    if bare in _ANSWER_WORDS or bare in _HONORIFICS or _OFFICE_ALONE.match(bare):
        return "answer", title_speaker, True, False
    if " " not in name and "question" not in folded and near_question(folded):
        return "question", None, True, True
    if " " not in name and "answer" not in folded and near_answer(bare):
        return "answer", title_speaker, True, True
    if prose or GENRE_OPENING.match(name):
        # prose: 'New START: we proposed ...'; a title: 'INTERVIEW WITH VLADIMIR CHIZHOV, ...:'
        return None
    person = speakers.resolve(name) or (
        speakers.resolve(name.split(",")[0]) if "," in name else None  # 'LAVROV, Minister'
    )
    if person is not None:
        return "speaker", person.name, True, False
    if title_speaker is not None and names_person(name, title_speaker):
        return "speaker", title_speaker, True, False  # 'V.Churkin', 'Ambassador Churkin'
    role = _ROLE_PHRASE.match(folded)
    word = folded if role is None or len(name.split()) > 6 else role["role"]
    last = folded.rsplit(" ", 1)[-1]
    if role is None and len(name.split()) <= 3 and last in TURN_ROLES:
        word = last  # a role with its modifiers: 'Female Host', 'CNN Correspondent'
    if word in ASKING_ROLES or (
        # the asker's role before their name: 'RIA Novosti's Qatar Correspondent Yulia ...'
        len(name.split()) <= 8 and not _ASKERS.isdisjoint(folded.split())
    ):
        return "question", None, True, False
    if word in CHAIRING_ROLES:
        return "chair", name, True, False
    if word in HOSTING_ROLES:
        return "host", name, True, False
    if (holder := office_holder(name, whole=True)) is not None:
        return "speaker", holder, False, False  # 'Russian Ambassador to Qatar Dmitry Dogadkin'
    if _name_shaped(name):
        return "speaker", speakers.written_name(name), False, False
    if (
        "," in name
        and _name_shaped(before := name.split(",")[0])
        and all(_role_shaped(part) for part in name.split(",")[1:])
    ):
        # 'Armen Oganesyan, Editor in Chief ...:'
        return "speaker", speakers.written_name(before), False, False
    return None


def _presenting(name: str) -> bool:
    """A line closed by a colon and nothing after it that is a sentence, not a label
    alone on its line: five words or more, two of them lower-case words that are no
    connector (``Below are excerpts from the interview with Lavrov``, not ``Permanent
    Representative of Russia to the UN Vasily Nebenzia``)."""
    words = name.split()
    return len(words) >= 5 and sum(w.islower() and w not in CONNECTORS for w in words) >= 2


def is_label_line(text: str) -> bool:
    """A line opening with a turn label and its text: a question, a registry speaker, or
    any name with a qualifier (``President of France Emmanuel Macron (retranslated): I
    will ...``). Such a line is no title unless it ends with a date."""
    match = LABEL.match(text) if ":" in text else None  # a label has its colon
    if match is None or match["number"] or match.end() >= len(text.rstrip()):
        return False
    if match["qualifier"] is not None:
        return True
    label = read_label(text)
    return label is not None and (
        (label.kind == "question" and not label.typo)
        or (label.kind == "speaker" and label.known)
        or label.kind == "answer"
    )


# an outlet's label with the text glued to its colon: 'RT:What were the main ideas ...',
# 'Russia Today:What was ...' (a name of two words must be an outlet's: OUTLETS)
_GLUED_OUTLET = re.compile(
    r"^(?P<name>[A-Z][A-Za-z]{0,14}(?: \d{1,3}| [A-Z][a-z]{1,14})?)(?P<colon>:)(?=[A-Z“\"«][a-z])"
)
_OUTLET_KIND = re.compile(rf"^(?i:{PRESS_KINDS})\s+")


def outlet_label(text: str, start: int = 0) -> Label | None:
    """An outlet's label: upper case (``TASS:``, ``RIA:``, a channel's number after it:
    ``CNN 18:``, the kind of outlet before it: ``News agency TASS:``, a full stop
    closing it: ``ANA.:``), or a name of
    :data:`~.lexicon.OUTLETS` (``Euronews:``) or a newspaper's (``The Ethiopian Herald:``):
    an outlet's
    interviewer, read as a question on an interview page with no question labels; None
    otherwise."""
    match = (LABEL.match(text) or _GLUED_OUTLET.match(text)) if ":" in text else None
    if match is None or match.groupdict().get("number"):
        return None
    name = " ".join(match["name"].split())
    words = _OUTLET_KIND.sub("", name).split()  # 'News agency TASS'
    named = speakers.fold(" ".join(words)) in OUTLETS or press_title(words)  # 'Euronews'
    if not text[match.end() : match.end() + 1].isupper() or (
        not named
        and (
            not words
            or len(words) > 2
            # 'ANA.:' (an acronym's closing full stop), but not initials: 'A.N.:'
            or not (is_acronym(words[0]) and words[0].removesuffix(".").isalpha())
            or (len(words) == 2 and not (words[1].isdigit() or is_acronym(words[1])))
        )
    ):
        return None  # 'A.N.:' is a person's initials, no outlet
    span = (start + match.start(), start + match.end("colon"))
    qualifier = match.groupdict().get("qualifier")
    qualifier = " ".join(qualifier.split()) if qualifier else None
    return Label("question", name, qualifier, None, True, span, start + match.end())


def press_title(words: list[str]) -> bool:
    """A newspaper's name: up to four capitalised words, the last (or the first:
    ``Daily ...``) one of :data:`~.lexicon.PRESS_TITLE_WORDS` (``The Ethiopian
    Herald``, ``Daily Observer``, ``Herald`` for short)."""
    return (
        1 <= len(words) <= 4
        and all(w[:1].isupper() for w in words)
        and not PRESS_TITLE_WORDS.isdisjoint({speakers.fold(words[0]), speakers.fold(words[-1])})
    )


def is_acronym(word: str) -> bool:
    """'START', 'US', 'U.S.': two or more letters, all capitals ('J.' is an initial)."""
    return word.isupper() and sum(c.isalpha() for c in word) >= 2


def _role_shaped(text: str) -> bool:
    """A role after a name and a comma (``Foreign Policy editor in chief``), not a report
    (``... told RT about the country's position``): up to ten words, no reporting word."""
    return len(text.split()) <= 10 and REPORTING.search(text) is None


def _name_shaped(name: str) -> bool:
    words = name.split()
    if len(words) == 1 and speakers.INITIALLED_NAME.match(name):
        return True  # 'S.A.Ryabkov': initials glued to a surname
    if not 2 <= len(words) <= MAX_NAME_WORDS or words[-1].lower() in CONNECTORS:
        return False
    if words[0].lower() in (CONNECTORS - speakers.NAME_PARTICLES) | _ARTICLES:
        return False
    if not all(w[0].isupper() or w.lower() in CONNECTORS for w in words):
        return False
    # an acronym is no name word unless the whole label is upper-case ('MR SMITH')
    upper = name.isupper()
    return sum(w[0].isupper() and (upper or not is_acronym(w)) for w in words) >= 2


def near_label(text: str) -> str | None:
    """The name of a paragraph shaped like a personal name's label but for one short
    lower-case word that is no known particle (``Karl-Theodor zu Guttenberg: Thank
    you.``), worth a warning, as a speaker's turn may have been merged into the one
    before; else None."""
    match = LABEL.match(text) if ":" in text else None  # a label has its colon
    if match is None or match["qualifier"] is not None or match["number"]:
        return None
    after = text[match.end() :]
    if after and not after[0].isupper():
        return None
    words = match["name"].split()
    odd = [w for w in words if not w[0].isupper() and w.lower() not in CONNECTORS]
    shaped = (
        3 <= len(words) <= 5
        and words[0][0].isupper()
        and words[-1][0].isupper()
        and words[0].lower() not in CONNECTORS | _ARTICLES
        and not any(is_acronym(w) for w in words)
        and len(odd) == 1
        and len(odd[0]) <= 3
        and odd[0].isalpha()
        and odd[0] not in _SHORT_WORDS
    )
    return " ".join(words) if shaped else None
