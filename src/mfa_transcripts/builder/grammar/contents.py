"""A briefing's table of contents, between the title and the body.

A table of contents, perhaps under a ``Table of contents`` line, is two or more numbered
or bulleted items (:data:`TOC_ITEM`; numbers without a full stop when they follow
one another, :data:`BARE_ITEM`), with unnumbered dividers such as ``Answers to
media questions:`` between them (numbering may restart after one). A list there is a
table of contents on a briefing page, under a ``Table of contents`` line, or when one of
its items recurs further down as a line of its own; otherwise it is body (a statement's
numbered points). A divider closing the list (``From answers to media questions:``) may
be followed by unnumbered items; they belong to the contents when the line repeating
the list's first item (where the body begins; on a page cut short, the start of it as
the last line) follows them. On a briefing page, :data:`TOPIC_LIST_MIN` or more short
topic lines in a row without numbers or bullets (a republisher's list of the briefing's
topics) are its table of contents too.

The functions take the non-blank lines' texts and an index, and return where the
contents end (the index itself when there are none).
"""

from __future__ import annotations

import re

from .. import speakers
from .chrome import chrome_kind
from .dates import DATE_LINE

__all__ = [
    "BARE_ITEM",
    "CONTENTS_LABEL",
    "TOC_ITEM",
    "TOPIC_LIST_MIN",
    "contents_end",
    "heading_key",
    "is_contents",
    "topic_list_end",
]


CONTENTS_LABEL = re.compile(r"^\s*(?i:(?:table of )?contents):?\s*$")


TOC_ITEM = re.compile(r"^\s*(?:\d{1,3}[.)]|[-–•*])\s+(?P<item>\S.*?)\s*$")
# an item numbered without a mark: '20 Deputy Prime Minister ...' (in a run numbered in order)
BARE_ITEM = re.compile(r"^\s*(?P<n>\d{1,3})\s+(?P<item>[A-Z“\"«‘].*?)\s*$")


_TERMINAL_MARK = re.compile(r"[.!?…:;,]\s*$")


TOPIC_LIST_MIN = 3
"""Fewest topic lines in a row that make a briefing's unnumbered table of contents."""


def heading_key(text: str) -> str:
    """A heading or contents item as compared with another: folded, no closing ':' or '.'."""
    return " ".join(speakers.fold(text).split()).rstrip(":.").strip()


def contents_end(rest: list[str], i: int) -> int:
    """End of a run of two or more list items (dividers allowed between) starting at i."""
    if not (
        i + 1 < len(rest)
        and TOC_ITEM.match(rest[i]) is not None
        and TOC_ITEM.match(rest[i + 1]) is not None
    ):
        return _bare_numbered_end(rest, i)
    end = i
    while end < len(rest) and (TOC_ITEM.match(rest[end]) or _is_divider(rest, end)):
        end += 1
    return _unnumbered_items_end(rest, i, end)


def _unnumbered_items_end(rest: list[str], start: int, end: int) -> int:
    """After a divider that closes the list ('From answers to media questions:', numbered
    or not), unnumbered items continue the contents up to the line that repeats the
    list's first item, where the body begins; without that line they are body."""
    j = end
    if j < len(rest) and _divider_shaped(rest[j]):
        j += 1
    elif not rest[end - 1].strip().endswith(":"):
        return end
    first = TOC_ITEM.match(rest[start])
    key = heading_key(first["item"]) if first else ""
    for k in range(j, len(rest)):
        text = rest[k].strip()
        found = heading_key(text)
        # on a page cut short, the last line may be the start of that first heading
        cut = k == len(rest) - 1 and len(found) >= 10 and key.startswith(found)
        if found == key or cut:
            return k if k > j else end
        if len(text) > 200 or TOC_ITEM.match(text) or re.search(r"[.!?:;,]$", text):
            break
    return end


def _bare_numbered_end(rest: list[str], i: int) -> int:
    """End of a list numbered without a mark (``20 Deputy Prime Minister ...``, ``21
    ...``) starting at i: two or more items, each numbered one after the one before, or
    1 after a divider (``38 Excerpts from answers to media questions:``); i if none."""
    expected: int | None = None
    end = i
    while end < len(rest):
        item = BARE_ITEM.match(rest[end])
        if item is not None and expected in (None, int(item["n"])):
            expected = 1 if _divider_shaped(rest[end]) else int(item["n"]) + 1
        elif expected is not None and _divider_shaped(rest[end]):
            expected = 1
        else:
            break
        end += 1
    return end if end - i >= 2 and expected is not None else i


_BULLET = re.compile(r"^[•·▪]\s+")
TOPIC_WORDS = 25
"""Longest topic of an unnumbered list, in words (``On the 25th anniversary of the
establishment of the UN Mission in Kosovo in accordance with ...``)."""


def topic_list_end(rest: list[str], i: int) -> int:
    """End of a briefing's unnumbered list of topics starting at i: :data:`TOPIC_LIST_MIN`
    or more lines in a row, each a short topic (at most :data:`TOPIC_WORDS` words, a
    bullet allowed before it, starting with a capital, a digit, a quote or a ``#``,
    with no closing punctuation and no colon, not a lone ``#Tag``, which heads a
    section), and more of the page after them; i if there is none."""
    end = i
    while end < len(rest) and _topic_line(rest[end]):
        end += 1
    return end if end - i >= TOPIC_LIST_MIN and end < len(rest) else i


def _topic_line(text: str) -> bool:
    stripped = _BULLET.sub("", text.strip())  # some topics bulleted: '• The situation in Syria'
    return (
        0 < len(stripped.split()) <= TOPIC_WORDS
        and (stripped[0].isupper() or stripped[0].isdigit() or stripped[0] in '“"«#')
        and _TERMINAL_MARK.search(stripped) is None
        and ":" not in stripped
        and DATE_LINE.match(stripped) is None
        and re.fullmatch(r"#\S+", stripped) is None  # a lone '#Tag' heads a section
        and chrome_kind(stripped, "head") is None  # 'Read in full', 'Watch'
    )


def _divider_shaped(text: str) -> bool:
    return text.strip().endswith(":") and len(text) < 80


def is_contents(rest: list[str], start: int, end: int, genres: list[str]) -> bool:
    """A list right after the title is a table of contents on a briefing page, or when one
    of its items recurs further down as a line of its own (a section heading); otherwise
    (a statement's numbered points) it is body text."""
    if "briefing" in genres:
        return True
    items = set()
    for ln in rest[start:end]:
        item = TOC_ITEM.match(ln)
        if item:
            items.add(heading_key(item["item"]))
    return any(heading_key(ln) in items for ln in rest[end:])


def _is_divider(rest: list[str], i: int) -> bool:
    """An unnumbered 'Answers to media questions:' line between two contents items."""
    return (
        _divider_shaped(rest[i]) and i + 1 < len(rest) and TOC_ITEM.match(rest[i + 1]) is not None
    )
