"""The head's rules that compare a line with the title (:mod:`.head` lists them among
the others): the title again, perhaps with a stamp or its date after it
(``title-repeat``), or over up to four lines, or its first 60% (``title-lines``); a
line whose words are the title's (``title-fragment``); a headline set twice
(``headline-repeat``); a short line above the title set again (``before-title-repeat``).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .dates import make_date
from .lexicon import PERSON_ROLES
from .prose import label_alone, words_of
from .title import fold_spaces, title_with_date
from .voice import SALUTATION, SENTENCE_END

if TYPE_CHECKING:
    from .head import Head, HeadContext

__all__ = [
    "AHEAD",
    "before_title_repeat",
    "headline_repeat",
    "title_fragment",
    "title_lines",
    "title_repeat",
]


def title_repeat(ctx: HeadContext, head: Head, i: int) -> int | None:
    """The title again, perhaps with a stamp after it, or with its date (``... in Haikko
    on 4 May 2017.`` under ``... in Haikko``): the date is the event's."""
    text = fold_spaces(ctx.texts[i])
    title = ctx.folded_title
    if text.startswith(title) and text != title and not head.dated:
        dated = title_with_date(ctx.texts[i])
        if dated is not None and fold_spaces(dated[0]) == title:
            head.dated = True
            head.date_line = make_date(ctx.name, ctx.numbers[i], dated[1], ctx.warnings)
            return i + 1
    if text == title or (
        text.startswith(title) and re.fullmatch(r"(?=\S*\d)\S{1,24}", text[len(title) :])
    ):
        return i + 1
    return None


def headline_repeat(ctx: HeadContext, head: Head, i: int) -> int | None:
    """A headline set twice or more (``So much in common, nothing to divide us:
    Ambassador Kadakin`` three times over an untitled interview)."""
    text = ctx.texts[i].strip()
    if len(text) < 15 or SENTENCE_END.search(text):
        return None
    taken = [ctx.texts[k].strip() for k, _ in head.kinds[-4:]]
    return i + 1 if text in taken or text in (t.strip() for t in ctx.texts[i + 1 : i + 4]) else None


def title_lines(ctx: HeadContext, head: Head, i: int) -> int | None:
    """The title again over up to four lines, or its first 60% or more."""
    title = ctx.folded_title
    text = ""
    taken = None
    for j in range(i, min(i + 4, len(ctx.texts))):
        text += fold_spaces(ctx.texts[j])
        bare = text.rstrip(",.;:")
        if not bare or not title.startswith(bare):
            break
        if len(bare) >= 0.6 * len(title):
            taken = j + 1
    return taken


def title_fragment(ctx: HeadContext, head: Head, i: int) -> int | None:
    """A line without closing punctuation, no label alone and no address, of two words
    or more, four in five of them the title's."""
    text = ctx.texts[i].strip()
    if not ctx.title_words or SENTENCE_END.search(text) or label_alone(text):
        return None
    if text.endswith(",") and (SALUTATION.search(text) or _addresses_office(text)):
        # an address opening the speech: 'Mr. Minister,', 'Minister Lajcak, Miroslav,'
        return None
    words = words_of(text)
    inside = sum(w in ctx.title_words for w in words)
    return i + 1 if len(words) >= 2 and inside >= 0.8 * len(words) else None


def _addresses_office(text: str) -> bool:
    """A line opening with the vocabulary's role of one person (its first or second word:
    ``Minister Lajcak, Miroslav,``, ``Prime Minister Modi,``): whom a speech addresses,
    where the line ends with a comma."""
    return any(word.strip(",") in PERSON_ROLES for word in text.split()[:2])


AHEAD = 5
"""Most lines of a site's chrome between the page's title and the title set again."""


def before_title_repeat(ctx: HeadContext, head: Head, i: int) -> int | None:
    """A short line that no other rule takes, with the title set again within the
    next :data:`AHEAD` lines: the site's masthead, contacts or clock between the page's
    title and its heading (``Phone (consular questions): ...`` under the embassy's name)."""
    if len(ctx.texts[i]) > 150 or SENTENCE_END.search(ctx.texts[i].strip()):
        return None
    ahead = ctx.texts[i + 1 : i + 1 + AHEAD]
    return i + 1 if any(fold_spaces(t) == ctx.folded_title for t in ahead) else None
