"""What is plainly no page of the family, refused before any grammar reads it: an HTML
document or text with HTML markup in it, a Markdown or YAML document, delimited data,
a listing of several items (a line of page numbers near the top); and, once the page
is read, a body without content (:func:`empty_body`). The messages name the line, never
quote a refused file's text beyond the markup found.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from typing import TYPE_CHECKING

from ..errors import Problem, TranscriptError
from .grammar.headings import SEPARATOR, STAGE_DIRECTION

if TYPE_CHECKING:
    from .page import Line, Page

__all__ = ["empty_body", "other_file_kind", "refuse_markup"]

_HTML_PAGE = re.compile(r"<!doctype html|<html[\s>]|<head[\s>]|<body[\s>]", re.IGNORECASE)
_MARKUP = re.compile(
    r"</?(?:p|br|div|span|a|b|i|em|strong|ul|ol|li|h[1-6]|table|tr|td|img|script|style)\b[^<>\r\n]*>"
    r"|&(?:nbsp|amp|lt|gt|quot|#\d{2,5}|#x[0-9a-f]{2,4});",
    re.IGNORECASE,
)


def refuse_markup(name: str, text: str, lines: list[Line]) -> None:
    # both patterns open with '<' or '&': a literal search (in C) rules most pages out
    if "<" in text[:4096] and _HTML_PAGE.search(text[:4096]):
        raise TranscriptError(
            Problem(
                "not-a-transcript",
                name,
                "expected a transcript saved as text, found an HTML document; save the "
                "page as plain text",
                1,
            )
        )
    match = _first_markup(text)
    if match:
        line = bisect_right([ln.start for ln in lines], match.start())
        raise TranscriptError(
            Problem(
                "markup-in-text",
                name,
                f"expected plain text, found HTML markup {match.group()!r}; strip the "
                "markup before adding the page",
                max(line, 1),
            )
        )


def _first_markup(text: str) -> re.Match[str] | None:
    """The leftmost :data:`_MARKUP` in ``text``, as its ``search`` finds it: each of its
    alternatives opens with ``<`` or ``&``, so it is tried only where one stands (found
    by literal searches, in C), not at every position of the page."""
    found: list[re.Match[str]] = []
    for opener in "<&":
        at = text.find(opener)
        while at != -1:
            if (match := _MARKUP.match(text, at)) is not None:
                found.append(match)
                break  # the leftmost for this opener
            at = text.find(opener, at + 1)
    return min(found, key=lambda m: m.start(), default=None)


_MARKDOWN = re.compile(r"^(?:#{1,6}\s+\S|```|---\s*$|={3,}\s*$)")


_CSV_HEADER = re.compile(r"\s*[\w\-]+(?:\s*[,;\t]\s*[\w\-]+)+\s*")


# a listing's page numbers: 'Pages: ««« :: 1 | 2 | 3 | ... :: »»»'
_PAGINATION = re.compile(r"^\s*pages?\s*:\s*[«‹<]*\s*(?:::\s*)?(?:\d{1,3}\s*\|?\s*){3,}", re.I)


def other_file_kind(texts: list[str]) -> str | None:
    """What the file is when it is plainly not a page: Markdown/YAML, delimited data, or
    a listing of several items (a line of page numbers near the top)."""
    head = texts[:10]
    if any(_PAGINATION.match(t) for t in texts[:20]):
        return "a listing of several items (a line of page numbers near the top)"
    if any(_MARKDOWN.match(t.lstrip()) for t in head[:2]):
        return "a Markdown or YAML document"
    if (
        len(head) >= 2
        and _CSV_HEADER.fullmatch(head[0])
        and all(any(d in t for d in ",;\t") for t in head[1:])
    ):
        return "delimited data (a header line of comma-, semicolon- or tab-separated names)"
    return None


def empty_body(page: Page, texts: list[str]) -> Problem | None:
    """What a body without content is: a briefing saved only as far as its contents is
    published with them and no turns (the ``no-body`` warning returned); a body of
    nothing but separators and stage directions is no transcript (refused)."""
    if not texts and page.contents:
        return Problem(
            "no-body",
            page.name,
            "expected the briefing's text after its table of contents, found the end of "
            "the page; published with its contents only",
            page.lines[-1].number if page.lines else 1,
            severity="warning",
        )
    if all(SEPARATOR.match(t) or STAGE_DIRECTION.match(t) for t in texts):
        raise TranscriptError(
            Problem(
                "not-a-transcript",
                page.name,
                "expected at least one paragraph of content after the title, found none",
                page.head_line,
            )
        )
    return None
