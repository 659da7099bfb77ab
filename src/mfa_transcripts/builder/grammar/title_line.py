"""Which line is the title, and over how many lines it runs.

* **Which line.** The title is the first line, among the first :data:`TITLE_WINDOW`
  non-blank lines, before the second turn label (a headline may look like one) and not
  the last line, that is shaped like a title (:mod:`.title_shape`). When that line has
  no date and one of the next :data:`HEADLINE_GAP` lines (a menu's bulleted items and
  the site's lines not counted, up to :data:`MENU_LINES` of them) is a title with a
  date, the first was a republisher's headline (chrome) and the dated line is the title (but not the
  line the first runs on over, when what stands above it is no title of its own:
  ``INTERVIEW`` / ``WITH IGOR IVANOV ..., January 27, 2003``); so it is when
  both are dated (the republisher's headline comes first), unless the later line
  repeats the first, and when the later line has a date line right under it (the
  document's title over its dateline) and the first has none.
* **An article's headline over its byline**, where no line is shaped like a title: a
  line that is only a registry person's name within :data:`BYLINE_REACH` lines under
  it (``The Great Victory`` / ``No. 2 2005 April/June`` / ``Sergey Lavrov``); that
  person is the speaker, and a title naming no genre an article's.
* **A title cut short, then in full**: a line shaped like a title, and one of the next
  lines starts with it and goes on: the longer is the title; but where only its date
  goes on (``... in Haikko`` / ``... in Haikko on 4 May 2017.``), the later line is the
  title again with its date, which dates the event (:mod:`.head`).
* **A title under the text**, a paragraph of prose above it and at most
  :data:`ATTRIBUTION_TAIL` short lines under it, is the text's attribution (a blog
  quoting an article): the page reads the text above it as its body.
* **Its lines.** A title may run on over up to three more lines right under it (no
  blank line between), unless it ends with its date, when its line ends with a colon
  (or, in capitals, a comma) or the next opens with a lower-case word or a preposition
  (capitalised or in capitals) and is not the title in full (the longer is the title),
  or, up to two blank lines apart, when the next ends with the title's date and the
  line has none (``At a Joint Press Availability ...``, ``on the theme ...``), is no
  label, no date line and no sentence. A title run on over lines may close with its
  date and place in parentheses on a line of their own (``(New York, 23 September
  2004)``).
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

from .. import speakers
from .chrome import chrome_kind
from .dates import PUBLICATION_LINE, date_line
from .footer import byline_person, signer
from .labels import is_label_line
from .registry import find_in_text
from .title import LEADING_GENRE, clean_title, fold_spaces, parse_title, title_with_date
from .title_shape import (
    BREADCRUMB,
    DOCUMENT_OF,
    LIST_ITEM,
    SENTENCE_BREAK,
    has_title_date,
    looks_like_title,
)
from .voice import FIRST_PERSON, SENTENCE_END

if TYPE_CHECKING:
    from ..page import Line

__all__ = [
    "HEADLINE_GAP",
    "MENU_LINES",
    "TITLE_WINDOW",
    "find_title",
    "is_attribution",
    "title_span",
]

TITLE_WINDOW = 60
"""How many non-blank lines from the top are searched for the title."""
HEADLINE_GAP = 3
"""How many lines after an undated title-shaped headline are searched for the dated title."""
MENU_LINES = 12
"""Most menu or site lines (``• Home``, ``• |``) passed over within a headline's gap:
a long bulleted list under a headline is no menu, and is not searched to its end."""
VAGUE_HEADLINE_GAP = 20
"""The same, after a headline that names no registry person either (``Russian Foreign
Ministry Spokeswoman Holds Weekly Briefing``): a site's header lines may come between."""


def find_title(texts: list[str]) -> int | None:
    """Index of the title among the non-blank lines ``texts``; None if none is shaped like one."""
    labelled = 0
    for i, text in enumerate(texts[:TITLE_WINDOW]):
        if i + 1 == len(texts):
            break  # a title has text under it
        # (two turns above any title-shaped line: the turns have begun, no title)
        if _turn_shaped(text.strip()):
            labelled += 1
            if labelled == 2:
                return None  # the turns have begun: the page has no title
        if looks_like_title(text):
            # a headline gives way to the title under it, which may itself be a
            # republisher's headline over the document's own title
            while (later := _gives_way(texts, i)) is not None:
                i = later
            return i
    # no line shaped like a title: an article's headline over its byline
    return next(
        (i for i in range(min(BYLINE_WINDOW, len(texts) - 1)) if _over_byline(texts, i)), None
    )


def _turn_shaped(text: str) -> bool:
    """A line shaped like a labelled turn: a label, and a sentence it closes (a
    headline quoting its speaker, ``Lavrov: Russia will respond to any threat``, or a
    site's contacts, ``Phone (consular questions): (202) ...``, close none), or a line
    too long for a headline; a title with its date is none."""
    if not is_label_line(text) or has_title_date(text):
        return False
    return SENTENCE_END.search(text) is not None or len(text) > 300


BYLINE_WINDOW = 12
"""How many non-blank lines from the top may hold an article's headline over its byline."""
BYLINE_REACH = 3
"""Most lines from a headline to its byline (the headline's own last line, a journal's
issue line: ``No. 4 2007 October/December``), a photo's caption between not counted."""


def _over_byline(texts: list[str], i: int) -> bool:
    """``texts[i]`` is an article's headline over its byline: a line of 10 to 200
    characters opening with a capital, no sentence inside it and no closing full stop,
    no label, date line, chrome line, name line or first person, with a line that is
    only a registry person's name (``Sergei V. Lavrov``, perhaps after ``By``) within
    :data:`BYLINE_REACH` lines under it, the lines between short and each the
    headline's last line or a line with a number (a journal's issue), not another
    headline."""
    text = texts[i].strip()
    if not 10 <= len(text) <= 200 or not text[0].isupper() or text.endswith((".", ",", ":")):
        return False
    if SENTENCE_BREAK.search(text) or FIRST_PERSON.search(text) or is_label_line(text):
        return False
    if date_line(text) is not None or BREADCRUMB.search(text) or LIST_ITEM.match(text):
        return False
    if signer(text, None) or chrome_kind(text, "head") is not None:
        return False  # a name line of its own ('H. E. Mr. ...'), a share link
    between = 0
    for j in range(i + 1, len(texts) - 1):
        line = texts[j].strip()
        if byline_person(line) is not None:
            return True
        if chrome_kind(line, "head") == "caption":
            continue  # a photo's caption between: not counted
        between += 1
        if between >= BYLINE_REACH or len(line) > 60 or SENTENCE_END.search(line):
            return False
        if not (_CONTINUES.match(line) or any(c.isdigit() for c in line)):
            return False  # another headline: the byline is its
    return False


def _names(text: str) -> bool:
    """A title-shaped line whose title names its speaker, in the registry or not
    (``Ambassador of Russia to South Africa Ilya Rogachev’s interview with ...``)."""
    return parse_title(clean_title(text)).speaker is not None


def _gives_way(texts: list[str], i: int) -> int | None:
    """The index of the title a republisher's headline ``texts[i]`` gives way to: a
    dated title under it, or, under an undated one, a title opening with its genre or a
    document word (``Gist of ...``) or an article's headline over its byline; a
    headline naming no date and nobody may stand further above the title, and gives way
    to a title naming its speaker or opening with its genre; an undated headline
    with no date line under it gives way to a title with one. None: it is the title."""
    text = texts[i]
    dated = has_title_date(text.strip())
    own = not dated and not LEADING_GENRE.match(text.strip())
    vague = not dated and not find_in_text(text)
    gap = VAGUE_HEADLINE_GAP if vague else HEADLINE_GAP
    undated = not dated and date_line(texts[i + 1].strip()) is None
    bylined = vague and _over_byline(texts, i)  # itself an article's headline
    searched = 0
    for j in range(i + 1, min(i + 1 + gap + MENU_LINES, len(texts) - 1)):
        later = texts[j].strip()
        if LIST_ITEM.match(later) or chrome_kind(later, "head") is not None:
            continue  # a menu's or site's line ('• Home', '• |'): no line of the gap
        searched += 1
        if searched > gap:
            break
        if (
            fold_spaces(later) == fold_spaces(text)
            or _runs_on(text.strip(), later)
            or _repeats_with_date(text, later)
        ):
            continue  # the headline repeated (perhaps with its date), or the line it runs on over
        if _completes(text, later):
            return j  # the title cut short, then in full
        if vague and not bylined and _over_byline(texts, j):
            return j  # an article's headline over its byline, under a vague headline
        if looks_like_title(later) and (
            has_title_date(later)
            or (own and (LEADING_GENRE.match(later) or DOCUMENT_OF.match(later)))
            or (vague and (find_in_text(later) or LEADING_GENRE.match(later) or _names(later)))
            # the document's title over its dateline ('Vienna, August 31, 2017'), under
            # a headline with none
            or (undated and date_line(texts[j + 1].strip()) is not None)
        ):
            return j
    return None


def _repeats_with_date(text: str, later: str) -> bool:
    """``later`` is ``text`` again with its date (``... in Haikko on 4 May 2017.`` under
    ``... in Haikko``): the head's line, which dates the title."""
    dated = title_with_date(later) if not has_title_date(text.strip()) else None
    return dated is not None and fold_spaces(dated[0]) == fold_spaces(text)


def _runs_on(text: str, later: str) -> bool:
    """``later`` is the last line of the title ``text`` runs on over, and what precedes
    it is no title of its own (``INTERVIEW`` / ``WITH IGOR IVANOV ..., January 27, 2003``,
    not ``Speeches and Interviews of the Permanent Representative`` over the title)."""
    return (
        len(text) > len(later)
        and text.endswith(later)
        and not looks_like_title(text[: len(text) - len(later)])
    )


_WORD3 = re.compile(r"[^\W\d_]{3,}")


@lru_cache(maxsize=256)
def _folded_words(text: str) -> str:
    """``text`` folded, its words parted by one space. Cached: a headline is compared with
    each of the lines under it."""
    return " ".join(speakers.fold(text).split())


def _completes(text: str, later: str) -> bool:
    """``later`` is ``text`` in full: it starts with it (its closing full stop or colon
    aside) and goes on (``Amb. Mikhail Ulyanov Interview to Kommersant.``, then
    ``Amb. Mikhail Ulyanov Interview to Kommersant Newspaper "My impression ..."``)."""
    if has_title_date(text.strip()):
        return False  # a dated title is whole ('..., March 6, 2021,08:15' is a stamp)
    if _repeats_with_date(text, later):
        return False  # only its date goes on: the title repeated with its date (a head line)
    short = _folded_words(text).rstrip(".:… ")
    full = _folded_words(later)
    rest = full[len(short) :]
    return (
        full.startswith(short)
        and rest[:1] in (" ", ",", ":", "(")
        and _WORD3.search(rest) is not None
    )


# a line going on with the title above it: in lower case, or opening with a preposition
# or 'and', capitalised or in capitals ('INTERVIEW' / 'WITH IGOR IVANOV ..., January 27, 2003')
_CONTINUING = (
    *("at", "on", "with", "after", "during", "following", "in", "to", "for", "of"),
    *("and", "before", "ahead", "by"),
)
_CONTINUES = re.compile(
    r"^(?:[a-z]|(?:" + "|".join(w.title() + "|" + w.upper() for w in _CONTINUING) + r")\s)"
)
# over a blank line, only such a preposition in lower case goes on with it: 'Speech of
# the Ambassador ... at the reception' / '' / 'on the occasion of the 70th Anniversary ...'
_CONTINUES_OVER_BLANK = re.compile(r"^(?:" + "|".join(_CONTINUING) + r")\s")


def title_span(nonblank: list[Line], index: int) -> int:
    """How many lines a title at ``nonblank[index]`` spans: itself and up to three lines
    right under it that go on with it (over one blank line, one opening with a
    preposition in lower case), and, when it runs on over lines, a line of its
    date and place in parentheses right under them (see the module's notes)."""
    end = index + 1
    while end < len(nonblank) and end - index < 4:
        above, line = nonblank[end - 1], nonblank[end]
        text = line.text.strip()
        if len(text) > 200:
            break
        adjacent = line.number == above.number + 1
        over_blank = line.number == above.number + 2 and _CONTINUES_OVER_BLANK.match(text)
        if not (
            (adjacent and (_open_end(above.text) or _CONTINUES.match(text)))
            or (over_blank and not SENTENCE_END.search(above.text.strip()))
            or _cut_before_date(above.text, text, line.number - above.number)
        ):
            break
        if end == index + 1 and has_title_date(above.text.strip()):
            break  # a title that ends with its date is whole
        if is_label_line(text) or date_line(text):
            break
        if SENTENCE_END.search(text) and not has_title_date(text):
            break
        if _completes(above.text, text) or _repeats_with_date(above.text, text):
            break  # not its last part but the title in full, or again with its date
        end += 1
    if (
        index + 1 < end < len(nonblank)
        and nonblank[end].number == nonblank[end - 1].number + 1
        and _closing_date(nonblank[end].text.strip())
    ):
        end += 1  # '(New York, 23 September 2004)' under a title run on over lines
    return end - index


def _closing_date(text: str) -> bool:
    """A line that is only the title's date and place in parentheses (``(New York, 23
    September 2004)``)."""
    return text[:1] == "(" and text[-1:] == ")" and date_line(text) is not None


def _open_end(text: str) -> bool:
    """A title line that does not end where its line does: a closing colon, or a comma
    closing a line in capitals (``BY SERGEY V. LAVROV,`` over ``MINISTER OF ...``)."""
    text = text.rstrip()
    return text.endswith(":") or (text.endswith(",") and text.isupper())


def _cut_before_date(above: str, text: str, gap: int) -> bool:
    """A title cut, perhaps over up to two blank lines, before its last part, which ends
    with the title's date (``... on Themes`` / ``Related to Russia's G8 Presidency,
    Moscow, December 30, 2005``): the line above has no date and no closing
    punctuation and is shaped like a title, the line is no sentence and no date line."""
    if gap > 3 or not text[-1:].isdigit():
        return False  # the cheap tests first: this runs for each of the first lines of a page
    if PUBLICATION_LINE.match(text):
        return False  # 'Published by ... The Herald on February 18th, 2021': the outlet's line
    above = above.strip()
    return (
        not above.endswith((":", ","))
        and has_title_date(text)
        and not has_title_date(above)
        and not SENTENCE_END.search(above)
        and not SENTENCE_BREAK.search(text)
        and date_line(text) is None
        and not is_label_line(text)
        and looks_like_title(above)
    )


ATTRIBUTION_TAIL = 3
"""Most lines (each shorter than a sentence of text) a title standing as an attribution
may have under it."""


def is_attribution(texts: list[str], after: int) -> bool:
    """The title ends the page's text, as an attribution: at most
    :data:`ATTRIBUTION_TAIL` short lines under it, and a paragraph of prose (over 200
    characters) above it."""
    tail = texts[after:]
    return (
        len(tail) <= ATTRIBUTION_TAIL
        and all(len(t.strip()) < 60 for t in tail)
        and any(len(t) > 200 for t in texts[: after - 1])
    )
