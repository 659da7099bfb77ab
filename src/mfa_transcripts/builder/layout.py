"""The page's parts, as earlier modules imported them: see :mod:`.page` and :mod:`.grammar`."""

from __future__ import annotations

from .grammar.contents import heading_key
from .grammar.title import TitleInfo, parse_title
from .page import NO_TITLE, Chrome, Line, Page, split_lines, split_page

__all__ = [
    "NO_TITLE",
    "Chrome",
    "Line",
    "Page",
    "TitleInfo",
    "heading_key",
    "parse_title",
    "split_lines",
    "split_page",
]
