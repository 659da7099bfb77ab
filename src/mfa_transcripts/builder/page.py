"""Text to page parts: chrome, header, title, body and footer, with offsets.

A page of the family (see the project's FORMAT notes) is read top-down to the title
and bottom-up to the body's end, by the tables of :mod:`.grammar`:

* **Before the title** everything is chrome (``masthead``): republisher mastheads, crawl
  dates, clocks, breadcrumbs; a publication header there (:mod:`.grammar.dates`) is
  ``header`` and gives the publication date.
* **The title** is found (:mod:`.grammar.title_shape`: what a title line looks like;
  :mod:`.grammar.title_line`: which line, over how many lines)
  and read (:mod:`.grammar.title`). A title that ends the page's text, a paragraph of
  prose above it and at most a few short lines under it, is an attribution (a blog
  quoting an article): the text above it is read as the page below a title would be.
* **Between title and body**: the ordered rules of :mod:`.grammar.head`.
* **The footer**, from the bottom, and a closing signature: :mod:`.grammar.footer`.
* **The body** is what lies between; each non-blank line is a paragraph, whether
  paragraphs are separated by blank lines or by single newlines. A ``Question:`` or
  ``Answer:`` label glued to the text before it (``..., October 29, 2019Question:``)
  starts a line of its own (same line number).
* **Dates**: the event date is the title's, else the date line's, else the closing
  signature's, else a date line's among the two lines right above the title (an
  embassy's posting date; with a time, ``29 Aug, 2007 04:47``, a republisher's stamp,
  which dates nothing), else the header's.

Every non-blank line ends up in exactly one of these parts, so the build can account
for every character of the page.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import date, datetime

from ..errors import Problem, TranscriptError
from .grammar.chrome import GLUED_CAPTION, chrome_kind, glued_opener
from .grammar.dates import (
    GLUED_DATE,
    date_line,
    line_place,
    make_date,
    parse_header,
    title_date_match,
)
from .grammar.footer import byline_person, next_item, signature, split_footer
from .grammar.head import split_head
from .grammar.headings import ends_mid_sentence
from .grammar.title import TitleInfo, clean_title, parse_title
from .grammar.title_line import TITLE_WINDOW, find_title, is_attribution, title_span
from .refuse import other_file_kind, refuse_markup

__all__ = [
    "NO_TITLE",
    "Chrome",
    "Line",
    "Page",
    "TitleInfo",
    "parse_title",
    "split_lines",
    "split_page",
]

NO_TITLE = TitleInfo(None, [], None, None, None, None, None, True)
"""What a page without a title line says about itself: nothing."""

_LINE_BREAK = re.compile(r"\r\n|\r|\n")


@dataclass(frozen=True, init=False)
class Line:
    """One line of the page: 1-based number, offsets of its text (without the line break)."""

    number: int
    start: int
    end: int
    text: str

    def __init__(self, number: int, start: int, end: int, text: str) -> None:
        # what the frozen dataclass's own __init__ does, by one dict update rather than an
        # object.__setattr__ a field (a page makes a Line of every line, some twice)
        self.__dict__.update(number=number, start=start, end=end, text=text)

    @property
    def blank(self) -> bool:
        return not self.text.strip()

    def stripped_span(self) -> tuple[int, int]:
        """Offsets of the line's text without surrounding whitespace."""
        # Once a line: the turns, the paragraphs and the chrome all ask. Kept in the
        # instance's __dict__, outside the frozen fields (equality, hash and repr are the
        # fields'); functools.cached_property takes a lock on each first read.
        span: tuple[int, int] | None = self.__dict__.get("_stripped_span")
        if span is None:
            lead = len(self.text) - len(self.text.lstrip())
            trail = len(self.text) - len(self.text.rstrip())
            span = self.__dict__["_stripped_span"] = (self.start + lead, self.end - trail)
        return span


@dataclass(frozen=True)
class Chrome:
    """A named piece of page chrome, with its offsets."""

    kind: str
    line: int
    start: int
    end: int


@dataclass
class Page:
    """A page split into parts; offsets index the decoded text."""

    name: str
    text: str
    lines: list[Line]
    title_line: Line | None  # None: no title line the grammar knows (warning ``no-title``)
    title: str | None
    info: TitleInfo
    event_date: date | None  # None: no date on the page (warning ``no-date``)
    published_date: date | None
    published_at: datetime | None
    languages: list[str]
    contents: list[str]
    tags: list[str]
    body: list[Line]
    chrome: list[Chrome] = field(default_factory=list)
    has_footer: bool = False
    # the copy stops inside a republisher's links ('What happe') or a listing's next item
    cut_in_footer: bool = False
    warnings: list[Problem] = field(default_factory=list)
    """Facts the page could not establish or that look odd; the page is still published."""

    @property
    def head_line(self) -> int:
        """The line problems about the page as a whole point at: the title's, else the first."""
        if self.title_line is not None:
            return self.title_line.number
        return next((ln.number for ln in self.lines if not ln.blank), 1)


def split_lines(text: str) -> list[Line]:
    """Lines of ``text``; LF, CRLF and lone CR all end a line."""
    lines = []
    start = 0
    if "\r" not in text:  # LF only, the common case: no regex
        for number, part in enumerate(text.split("\n"), start=1):
            lines.append(Line(number, start, start + len(part), part))
            start += len(part) + 1
        if lines and not lines[-1].text:
            lines.pop()  # the text ends with a line break, or is empty
        return lines
    for number, match in enumerate(_LINE_BREAK.finditer(text), start=1):
        lines.append(Line(number, start, match.start(), text[start : match.start()]))
        start = match.end()
    if start < len(text):
        lines.append(Line(len(lines) + 1, start, len(text), text[start:]))
    return lines


# a turn label glued to the end of what came before it, with no space or line break:
# '..., October 29, 2019Question: Mr Lukashevich ...', '... the world.Answer: ...'
_GLUED_AFTER = frozenset('abcdefghijklmnopqrstuvwxyz0123456789.?!…"”»’)')
# the cheap test before GLUED_DATE's search: a year in ASCII digits, as the family writes
# them (a class of ASCII digits first lets the regex engine skip ahead: 2.5x faster than
# ``\d{4}``, which is measurable on a 50 KB page)
_YEAR_GLUED = re.compile(r"[0-9][0-9]{3}[A-Z]")


def _glued_at(text: str) -> list[int]:
    """Where a ``Question:`` or ``Answer:`` label (a space after its colon) is glued to
    the text before it: literal searches (str.find, in C), then one look at the
    character before each hit; where a turn's label follows a photo caption's credit
    on its line (:data:`~.grammar.chrome.GLUED_CAPTION`); and where a line's text follows
    a date glued to it (:data:`~.grammar.dates.GLUED_DATE`)."""
    found = [m.end() for m in GLUED_CAPTION.finditer(text)] if "hoto" in text else []
    if _YEAR_GLUED.search(text):  # a date with the next line glued to it: '..., 2015Edward'
        found.extend(m.end() for m in GLUED_DATE.finditer(text))
    for label in ("Question:", "Answer:"):
        at = text.find(label)
        while at != -1:
            after = text[at + len(label) : at + len(label) + 1]
            if at > 0 and text[at - 1] in _GLUED_AFTER and after.isspace():
                found.append(at)
            at = text.find(label, at + 1)
    return sorted(set(found))


def _split_glued(lines: list[Line]) -> list[Line]:
    """Lines, each split where :func:`_glued_at` finds text glued to the text before it;
    the parts keep the line's number."""
    out: list[Line] = []
    for ln in lines:
        cuts = _glued_at(ln.text)
        if not cuts:
            out.append(ln)  # most lines of such a page: kept as they are
            continue
        cut = 0
        for at in cuts:
            out.append(Line(ln.number, ln.start + cut, ln.start + at, ln.text[cut:at]))
            cut = at
        out.append(Line(ln.number, ln.start + cut, ln.end, ln.text[cut:]))
    return out


def split_page(name: str, text: str) -> Page:
    """Split a decoded page into its parts, or raise :class:`TranscriptError` when it is
    plainly no page (empty, or what :mod:`.refuse` refuses: HTML, markup, Markdown,
    delimited data, a listing). A fact the page does not give (title, event date) is
    None, with a warning in ``Page.warnings``."""
    lines = split_lines(text)
    if _glued_at(text):  # one search of the page first: most pages have none
        lines = _split_glued(lines)
    refuse_markup(name, text, lines)
    nonblank = [ln for ln in lines if ln.text.strip()]  # not ln.blank
    if not nonblank:
        raise TranscriptError(Problem("empty-file", name, "expected a page, found no text"))
    texts = [ln.text for ln in nonblank]
    other = other_file_kind(texts)
    if other is not None:
        raise TranscriptError(
            Problem(
                "not-a-transcript",
                name,
                f"expected a transcript page, found {other}",
                nonblank[0].number,
            )
        )
    warnings: list[Problem] = []
    chrome: list[Chrome] = []
    spans = [title_span(nonblank, i) for i in range(min(len(nonblank), TITLE_WINDOW))]
    joined = [" ".join(texts[i : i + n]) for i, n in enumerate(spans)]
    title_index = find_title(joined + texts[len(joined) :])
    published_date: date | None = None
    published_at: datetime | None = None
    posted: date | None = None  # a date line right above the title: the posting's
    # a title under the text, as its attribution (a blog quoting the first paragraphs of
    # an article): the text above the title is the page's body
    attribution = title_index is not None and is_attribution(
        texts, title_index + spans[title_index]
    )
    for i, ln in enumerate(nonblank[: 0 if attribution else title_index or 0]):
        kind = "masthead"
        parsed = parse_header(name, ln.number, ln.text, warnings)
        if parsed is not None and published_date is None:
            kind = "header"
            published_date, published_at = parsed
        elif (
            (title_index or 0) - i <= 2
            and (match := date_line(ln.text.strip())) is not None
            and match["time"] is None  # with a time: a republisher's stamp ('29 Aug, 2007 04:47')
        ):
            posted = make_date(name, ln.number, match, warnings)
        chrome.append(_chrome(kind, ln))
    title_line: Line | None = None
    title: str | None = None
    title_end = title_index
    if title_index is not None:
        title_line = nonblank[title_index]
        title_end = title_index + spans[title_index] - 1
        chrome.extend(_chrome("title", ln) for ln in nonblank[title_index : title_end + 1])
        title = clean_title(joined[title_index])
        info = parse_title(title)
        if info.event_date is None and (match := title_date_match(joined[title_index])) is not None:
            # a title date that is there but impossible (31 February): no date, a warning
            make_date(name, title_line.number, match, warnings)
    else:
        # a repost that starts mid-conversation, or a title no rule knows: the page is
        # read from its first line, and published without a title
        info = NO_TITLE
        warnings.append(
            Problem(
                "no-title",
                name,
                "expected a title line naming a genre (remarks, statement, answers, "
                "interview, briefing, ...) and a speaker, role or date near the top, found "
                "none; published without a title",
                nonblank[0].number,
                severity="warning",
            )
        )
    first = 0 if title_end is None else title_end + 1
    rest, rest_texts = nonblank[first:], texts[first:]
    if attribution:
        assert title_index is not None
        chrome.extend(_chrome("republisher", ln) for ln in rest)  # under the attribution
        above = title_index  # the site lines right above it ('The Ministry of ...') too
        while above > 0 and (site := chrome_kind(texts[above - 1], "head")) is not None:
            above -= 1
            chrome.append(_chrome(site, nonblank[above]))
        rest, rest_texts = nonblank[:above], texts[:above]
    footer_start, tags, footer_kinds = split_footer(rest_texts)
    head = split_head(
        name,
        rest_texts[:footer_start],
        [ln.number for ln in rest[:footer_start]],
        title,
        info.genres,
        warnings,
        info.speaker or info.speaker_role,  # whom the title names: a person, or an office
    )
    chrome.extend(_chrome(kind, rest[i]) for i, kind in head.kinds)
    if title is not None and info.speaker is None:
        info = _by_byline(info, [rest_texts[i] for i, kind in head.kinds if kind == "byline"])
    if published_date is None and head.header is not None:
        published_date, published_at = head.header
    body = rest[head.end : footer_start]
    cut_in_next = False  # the copy stops inside a listing's next item
    if (after := next_item([ln.text for ln in body])) is not None:  # a listing's next item
        chrome.extend(_chrome("footer", ln) for ln in body[after:])
        cut_in_next = not footer_kinds and ends_mid_sentence(body[-1].text)
        body = body[:after]
    if body and title_line is not None and (glued := _title_glued(title_line, body[0])):
        # the title again, glued to the first paragraph ('... 6 November 2019)“I am ...'):
        # the paragraph starts after it
        first_line = body[0]
        chrome.append(Chrome("title-repeat", first_line.number, first_line.start, glued))
        body[0] = Line(
            first_line.number, glued, first_line.end, first_line.text[glued - first_line.start :]
        )
    if body and (opener := glued_opener(body[0].text)):
        # chrome glued to the first paragraph (a dateline, a byline): the paragraph
        # starts after it
        first_line, (kind, cut) = body[0], opener
        chrome.append(Chrome(kind, first_line.number, first_line.start, first_line.start + cut))
        body[0] = Line(
            first_line.number, first_line.start + cut, first_line.end, first_line.text[cut:]
        )
    signed = signature([ln.text for ln in body], info.speaker)
    signed_date: date | None = None
    if signed is not None:
        chrome.extend(_chrome(k, body[signed.start + i]) for i, k in enumerate(signed.kinds))
        if signed.date_line is not None:
            ln = body[signed.date_line]
            match = date_line(ln.text.strip())
            assert match is not None
            signed_date = make_date(name, ln.number, match, warnings)
            if info.place is None and head.place is None and line_place(match):
                info = replace(info, place=line_place(match))
        body = body[: signed.start]
    chrome.extend(_chrome(kind, rest[footer_start + i]) for i, kind in enumerate(footer_kinds))

    if info.place is None and head.place is not None:
        info = replace(info, place=head.place)
    event_date = info.event_date or head.date_line or signed_date or posted or published_date
    if event_date is None:
        warnings.append(
            Problem(
                "no-date",
                name,
                "expected an event date in the title, a date line after it or a page "
                "header, found none; published with event_date null",
                (title_line or nonblank[0]).number,
                severity="warning",
            )
        )
    elif published_date is not None and not (-1 <= (published_date - event_date).days <= 31):
        header = next(c for c in chrome if c.kind == "header")
        warnings.append(
            Problem(
                "date-mismatch",
                name,
                f"expected the header's publication date within 1 day before and 31 days "
                f"after the event date {event_date.isoformat()}, found "
                f"{published_date.isoformat()}; both published as found",
                header.line,
                severity="warning",
            )
        )
    return Page(
        name=name,
        text=text,
        lines=lines,
        title_line=title_line,
        title=title,
        info=info,
        event_date=event_date,
        published_date=published_date,
        published_at=published_at,
        languages=head.languages,
        contents=head.contents,
        tags=tags,
        body=body,
        chrome=chrome,
        has_footer="footer" in footer_kinds,
        cut_in_footer=footer_kinds[-1:] == ["fragment"] or cut_in_next,
        warnings=warnings,
    )


def _by_byline(info: TitleInfo, bylines: list[str]) -> TitleInfo:
    """A title naming nobody, over a byline naming a registry person (``Sergei V.
    Lavrov`` under ``The Great Victory``): that person is the speaker, and a title
    naming no genre either is an article's headline (its genres ``["article"]``; its
    ``genre``, the title's wording of one, stays null)."""
    for text in bylines:
        if (person := byline_person(text)) is not None:
            genres = info.genres or ["article"]
            return replace(info, speaker=person.name, speaker_known=True, genres=genres)
    return info


def _chrome(kind: str, line: Line) -> Chrome:
    start, end = line.stripped_span()
    return Chrome(kind, line.number, start, end)


def _title_glued(title_line: Line, first: Line) -> int | None:
    """Where the first body line goes on after the title line's text glued to its start,
    with no space between them (two text nodes saved as one); None if it does not open
    with it. (With a space between, the title runs on into a teaser: a listing's.)"""
    title = title_line.text.strip()
    text = first.text.lstrip()
    rest = text[len(title) :]
    if len(title) < 20 or not text.startswith(title) or not rest or rest[0].isspace():
        return None
    return first.start + (len(first.text) - len(text)) + len(title)
