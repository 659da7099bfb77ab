"""The lines that may sit between the title and the body, as one ordered list of rules.

:data:`HEAD_RULES` is read top-down for each line after the title: the first rule that
matches takes the line (or a run of lines), names its chrome kind and captures what it
gives; the first line no rule takes starts the body. Before the rules, a **byline**
block (up to five short lines closed by a date line: an author, an outlet) is chrome.

=================  ===========================================  =======================
rule               matches                                      captures
=================  ===========================================  =======================
title-repeat       the title again (spacing aside; a stamp of   —
                   up to 24 characters with a digit may be
                   glued on: ``..., April 25, 2022,10:11``)
headline-repeat    a line without closing punctuation that the  —
                   next three lines, or the head's lines
                   before it, repeat (a headline set twice)
languages          the switcher ``• de-DE1 en-GB1`` (first one)  the page's languages
chrome             a head line of :data:`~.chrome.CHROME_LINES`  —
                   (document number ``2432-20-10-2014``,
                   ``Download file``, a translator's note,
                   share/rating lines, a cross-link, ...)
header             a publication header (first one)             publication date, time
date-line          ``September 9, 2016``, weekday and place     event date (fallback),
                   allowed (first one); with a time on an       place
                   untitled page, the repost's stamp; over a
                   clock line (``Moscow: 04:27``), the site's
                   clock, no date
publication-line   ``Published by <outlet> on <date>``, also    event date (fallback)
                   ``Posted``, ``Released``, ``Aired``... (a
                   line under 160 characters, no sentence
                   inside it, closed by its date)
stamp              a numeric time stamp, or a time alone        —
                   (``Moscow: 04:27``)
contents-label     ``Table of contents`` (first one)            —
contents           a table of contents (:mod:`.contents`)       its items
metadata           a republisher's field: ``Related Country:``  —
                   with one to three ``• Iran`` values under it
name-line          a caption that is only a person's name       —
                   (``Minister Sergey Lavrov``), and a line of
                   roles under it
quote-headline     a press headline shaped like a label, a      —
                   quote after it (``Alexander Grushko: "The
                   signals ..."``), words in title case, or a
                   sentence that does not end (no closing
                   punctuation, six words or more)
original           a line in Cyrillic (the Russian original's    —
                   title or masthead)
icon-font          an icon font's glyph names spelt out          —
                   (``icon bookmark-bicon cameraicon ...``)
title-lines        the title again over two to four lines, or   —
                   its first 60% or more (its date apart)
upper-case         an upper-case header block line (``STATEMENT —
                   BY MR. ...,``)
title-fragment     a line without closing punctuation whose     —
                   words are (80%) the title's
caption            up to 20 words without closing punctuation,  —
                   no salutation, no first person, no stage
                   direction, not wrapped onto a next line
                   that starts in lower case (not on a
                   briefing nor after a
                   table of contents: a heading follows)
lead               a republisher's lead: prose about the        —
                   speaker in the third person (names the
                   title's speaker, no first person, or first
                   person and a reporting word: ``said``,
                   ``transcript``; untitled: a registry person
                   and a reporting word or ``his``); the writer
                   presenting
                   the text, closed by a colon; a third-person
                   paragraph right after a lead
subtitle           a statement's subtitle: up to eight short    —
                   lines, no sentence, over a salutation alone
                   on its line (``Mr Chairperson,``)
before-title-      a short line, no sentence, with the title    —
repeat             set again within five lines under it (the
                   site's masthead, contacts, clock)
=================  ===========================================  =======================

The ``caption`` and ``lead`` rules judge a line's prose (:mod:`.prose`); the rules
that compare a line with the title (``title-repeat``, ``headline-repeat``,
``title-lines``, ``title-fragment``, ``before-title-repeat``) are :mod:`.repeats`'s. The rules
``quote-headline``, ``original`` and the last six are *soft*: they take a
line only while another line follows it, and each at most :data:`MAX_SOFT_LINES`
lines, so that a page's text is never all head (a republisher's lead over a header
block in capitals over a subtitle in two lines takes three soft rules' lines).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime

from ...errors import Problem
from .chrome import LANGUAGE_TAG, chrome_kind
from .contents import BARE_ITEM, CONTENTS_LABEL, TOC_ITEM, contents_end, is_contents, topic_list_end
from .dates import (
    PUBLICATION_LINE,
    STAMP,
    TIME,
    date_line,
    line_place,
    make_date,
    parse_header,
    title_date_match,
)
from .labels import is_label_line
from .lexicon import is_cyrillic, letter_count, lower_count
from .prose import caption, lead, name_line, quote_headline, salutation_line, words_of
from .repeats import (
    before_title_repeat,
    headline_repeat,
    title_fragment,
    title_lines,
    title_repeat,
)
from .title import fold_spaces
from .title_shape import SENTENCE_BREAK
from .voice import SALUTATION, SENTENCE_END

__all__ = ["HEAD_RULES", "MAX_SOFT_LINES", "Head", "HeadRule", "split_head"]

MAX_SOFT_LINES = 8
"""Most lines each soft rule (title lines, capitals, fragments, captions, leads...) takes."""

_TIME_ONLY = re.compile(rf"^\s*(?:[A-Z][^\d,:;]{{1,30}}[,:]?\s+)?{TIME}\s*(?:\(?MSK\)?)?\s*$")


@dataclass
class Head:
    """What lies between the title and the body: where the body starts, what was captured,
    and the chrome kind of each line taken (``(index, kind)``)."""

    end: int = 0
    header: tuple[date, datetime | None] | None = None
    date_line: date | None = None
    place: str | None = None  # a place before the date line's date
    languages: list[str] = field(default_factory=list)
    contents: list[str] = field(default_factory=list)
    kinds: list[tuple[int, str]] = field(default_factory=list)
    labelled: bool = False  # a 'Table of contents' line was met
    dated: bool = False  # a date line was met (its date may not exist)
    soft: dict[str, int] = field(default_factory=dict)  # lines each soft rule took


@dataclass(frozen=True)
class HeadContext:
    name: str  # the file, for errors
    texts: list[str]  # the non-blank lines after the title, up to the footer
    numbers: list[int]  # their line numbers
    folded_title: str
    genres: list[str]
    warnings: list[Problem]
    speaker: str | None  # the title's
    title_words: frozenset[str]  # the title's words, folded


@dataclass(frozen=True)
class HeadRule:
    """A rule: its name, the chrome kind of what it takes, and its matcher, which returns
    the index after the lines it takes (capturing into the head) or None."""

    name: str
    kind: str
    match: Callable[[HeadContext, Head, int], int | None]


def _languages(ctx: HeadContext, head: Head, i: int) -> int | None:
    if head.languages or chrome_kind(ctx.texts[i], "head") != "languages":
        return None
    head.languages = [m.group(1) for m in LANGUAGE_TAG.finditer(ctx.texts[i])]
    return i + 1


def _header(ctx: HeadContext, head: Head, i: int) -> int | None:
    if head.header is not None:
        return None
    head.header = parse_header(ctx.name, ctx.numbers[i], ctx.texts[i], ctx.warnings)
    return i + 1 if head.header is not None else None


def _date_line(ctx: HeadContext, head: Head, i: int) -> int | None:
    if head.dated or (match := date_line(ctx.texts[i])) is None:
        return None
    if match["time"] and ctx.folded_title == "\0":
        return i + 1  # on an untitled page (a repost), a time stamps the repost
    if i + 1 < len(ctx.texts) and _TIME_ONLY.match(ctx.texts[i + 1]):
        return i + 1  # the site's clock: 'Moscow: 04:27' under today's date
    head.dated = True
    head.date_line = make_date(ctx.name, ctx.numbers[i], match, ctx.warnings)
    head.place = line_place(match)
    return i + 1


def _publication_line(ctx: HeadContext, head: Head, i: int) -> int | None:
    """Where and when the text came out, closed by its date (``Published by ... The Herald
    on February 18th, 2021``): the event's date where no date line gave one."""
    text = ctx.texts[i].strip()
    if len(text) > 160 or not PUBLICATION_LINE.match(text):
        return None
    if (match := title_date_match(text)) is None or SENTENCE_BREAK.search(text):
        return None
    if not head.dated:
        head.dated = True
        head.date_line = make_date(ctx.name, ctx.numbers[i], match, ctx.warnings)
    return i + 1


def _stamp(ctx: HeadContext, head: Head, i: int) -> int | None:
    text = ctx.texts[i]
    return i + 1 if STAMP.match(text) or _TIME_ONLY.match(text) else None


def _contents_label(ctx: HeadContext, head: Head, i: int) -> int | None:
    if head.contents or not CONTENTS_LABEL.match(ctx.texts[i]):
        return None
    head.labelled = True
    return i + 1


def _contents(ctx: HeadContext, head: Head, i: int) -> int | None:
    texts = ctx.texts
    end = contents_end(texts, i)
    if not (end > i and (head.labelled or is_contents(texts, i, end, ctx.genres))):
        if head.contents or ctx.genres[:1] != ["briefing"]:
            return None
        end = topic_list_end(texts, i)
        if end == i:
            return None
    for text in texts[i:end]:
        item = TOC_ITEM.match(text) or BARE_ITEM.match(text)
        head.contents.append(item["item"] if item else text.strip())
    return end


_FIELD = re.compile(r"^\s*[A-Z][\w\-]*(?:\s+[\w\-]+){0,3}\s*:\s*$")
_BULLET = re.compile(r"^\s*[•·▪*-]\s+[\w\-’']+(?:\s+[\w\-’']+){0,3}\s*$")  # '• Iran'


def _metadata(ctx: HeadContext, head: Head, i: int) -> int | None:
    """A republisher's metadata field: a short label closed by a colon (``Related
    Country:``) and one to three bulleted values of up to four words under it
    (``• Iran``)."""
    texts = ctx.texts
    if not _FIELD.match(texts[i]) or CONTENTS_LABEL.match(texts[i]):
        return None
    end = i + 1
    while end < len(texts) and end - i <= 3 and _BULLET.match(texts[end]):
        end += 1
    return end if end > i + 1 else None


def _soft(match: Callable[[HeadContext, Head, int], int | None]) -> Callable[..., int | None]:
    """A soft rule: it takes a line only while another follows, and MAX_SOFT_LINES lines
    at most, counted for each soft rule apart."""
    name = match.__name__

    def rule(ctx: HeadContext, head: Head, i: int) -> int | None:
        taken = head.soft.get(name, 0)
        if i + 1 >= len(ctx.texts) or taken >= MAX_SOFT_LINES:
            return None
        end = match(ctx, head, i)
        if end is None or end >= len(ctx.texts):
            return None
        head.soft[name] = taken + end - i
        return end

    return rule


def _original(ctx: HeadContext, head: Head, i: int) -> int | None:
    """A line in Cyrillic on an English page: the Russian original's title or masthead."""
    return i + 1 if is_cyrillic(ctx.texts[i]) else None


def _icon_font(ctx: HeadContext, head: Head, i: int) -> int | None:
    """A republisher's icon font spelt out: five or more words, a third of them icons."""
    if ctx.texts[i].count("icon") < 5:
        return None  # fewer than five words can hold it: no need to look at each word
    words = ctx.texts[i].split()
    icons = sum("icon" in w for w in words)
    return i + 1 if icons >= 5 and icons * 3 >= len(words) else None


def _upper_case(ctx: HeadContext, head: Head, i: int) -> int | None:
    """An upper-case header block line: at most one letter in ten in lower case (Latin or
    Cyrillic; counted in C, not by a loop over the characters)."""
    text = ctx.texts[i].strip()
    if len(text.split()) < 2:
        return None
    letters = letter_count(text)
    if letters < 6 or lower_count(text) > 0.1 * letters:
        return None
    return None if is_label_line(text) else i + 1


SUBTITLE_REACH = 8
"""Most lines of a statement's subtitle block over its salutation."""


def _subtitle(ctx: HeadContext, head: Head, i: int) -> int | None:
    """A statement's subtitle over its salutation: up to :data:`SUBTITLE_REACH` short
    lines that end no sentence, greet or address nobody (no closing comma) and are no
    label or date line, right above
    a salutation alone on its line (``Response to reports by Chief Monitor ...`` / ``and
    OSCE Chairperson-in-Office ...`` / ``Mr Chairperson,``)."""
    for j in range(i, min(i + SUBTITLE_REACH + 1, len(ctx.texts))):
        text = ctx.texts[j].strip()
        if j > i and salutation_line(text):
            return j
        if (
            len(text) > 150
            or text.endswith(",")  # an address: 'Mr Shoigu,'
            or text.startswith(("(", "["))  # a stage direction: '(Applause)'
            or SENTENCE_END.search(text)
            or SALUTATION.search(text)
            or is_label_line(text)
            or date_line(text) is not None
        ):
            return None
    return None


HEAD_RULES: tuple[HeadRule, ...] = (
    HeadRule("title-repeat", "title-repeat", title_repeat),
    HeadRule("headline-repeat", "masthead", headline_repeat),
    HeadRule("languages", "languages", _languages),
    HeadRule(
        "chrome",
        "",  # the kind the chrome table gives
        lambda ctx, head, i: i + 1 if chrome_kind(ctx.texts[i], "head") is not None else None,
    ),
    HeadRule("header", "header", _header),
    HeadRule("date-line", "date-line", _date_line),
    HeadRule("publication-line", "date-line", _publication_line),
    HeadRule("stamp", "date-line", _stamp),
    HeadRule("contents-label", "contents", _contents_label),
    HeadRule("contents", "contents", _contents),
    HeadRule("metadata", "republisher", _metadata),
    HeadRule("name-line", "byline", name_line),
    HeadRule("quote-headline", "masthead", _soft(quote_headline)),
    HeadRule("original", "masthead", _soft(_original)),
    HeadRule("icon-font", "republisher", _icon_font),
    HeadRule("title-lines", "title-repeat", _soft(title_lines)),
    HeadRule("upper-case", "masthead", _soft(_upper_case)),
    HeadRule("title-fragment", "title-repeat", _soft(title_fragment)),
    HeadRule("caption", "caption", _soft(caption)),
    HeadRule("lead", "lead", _soft(lead)),
    HeadRule("subtitle", "heading", _soft(_subtitle)),
    HeadRule("before-title-repeat", "masthead", before_title_repeat),
)


def _byline_end(texts: list[str]) -> int:
    """Where a byline block (short lines closed by a date line) after the title ends; 0 if none."""
    for i, text in enumerate(texts[:6]):
        if date_line(text):
            return i
        text = text.strip()
        if len(text) > 60 or ":" in text or text[-1] in ".!?" or text.startswith("•"):
            return 0
    return 0


def split_head(
    name: str,
    texts: list[str],
    numbers: list[int],
    title: str | None,
    genres: list[str],
    warnings: list[Problem],
    speaker: str | None = None,
) -> Head:
    """Read the lines after the title by :data:`HEAD_RULES` up to the body's first line;
    problems met (an impossible date) go to ``warnings``."""
    folded = fold_spaces(title) if title else "\0"
    title_words = frozenset(words_of(title)) if title else frozenset()
    ctx = HeadContext(name, texts, numbers, folded, genres, warnings, speaker, title_words)
    head = Head()
    i = _byline_end(texts)
    head.kinds.extend((k, "byline") for k in range(i))
    while i < len(texts):
        for rule in HEAD_RULES:
            end = rule.match(ctx, head, i)
            if end is not None:
                kind = rule.kind or chrome_kind(texts[i], "head") or "chrome"
                head.kinds.extend((k, kind) for k in range(i, end))
                i = end
                break
        else:
            break
    head.end = i
    return head
