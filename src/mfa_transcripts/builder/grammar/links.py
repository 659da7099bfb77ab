"""A republisher's list of links in the body: headlines under a line of their own that
links other articles (``See also``, ``Related articles:``), chrome wherever they stand
(the chrome table's rows are single lines; a list is known by what stands above it)."""

from __future__ import annotations

import re

__all__ = ["LINK_LABEL", "MAX_LINKS", "links_under"]

LINK_LABEL = re.compile(
    r"^\s*(?i:(?:see|read) also|related(?: (?:posts|articles|news|materials|stories))?"
    r"|more on (?:this|the) (?:topic|subject))\s*:?\s*$"
)
MAX_LINKS = 3
"""Most headlines a 'See also' line lists under it."""


def links_under(texts: list[str], index: int) -> bool:
    """Whether ``texts[index]`` is a headline listed under a line of its own that links
    other articles (``See also``, ``Related articles:``), itself or after up to
    :data:`MAX_LINKS` - 1 more: up to 15 words, no closing punctuation."""
    if not _link_title(texts[index]):
        return False
    for k in range(index - 1, max(index - 1 - MAX_LINKS, -1), -1):
        if LINK_LABEL.match(texts[k]):
            return True
        if not _link_title(texts[k]):
            return False
    return False


def _link_title(text: str) -> bool:
    """A linked article's headline: 3 to 160 characters, up to 15 words, no closing
    punctuation (plain string tests: every paragraph of a page asks)."""
    text = text.strip()
    return (
        3 <= len(text) <= 160
        and text[-1] not in '.?!…"”»’)'
        and "\n" not in text
        and len(text.split()) <= 15
    )
