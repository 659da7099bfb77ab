"""Text to page parts: what is chrome, header, title, body and footer, with offsets.

A page of the family (see the project's FORMAT notes) is read top-down to the title
and bottom-up to the body's end:

* **Before the title** everything is chrome: the old site's publication header
  (``23 August 202019:37``: date and Moscow time glued together; a space or comma
  before the time also occurs), an embassy header (``10 november / 2017``),
  republisher mastheads, crawl dates, clocks, breadcrumbs (a breadcrumb trail,
  ``Home » News of the Day » ...``, is never the title, even when it ends with it).
  Only the two header shapes give a publication date; any other date before the title
  is a crawl date.
* **The title** is the first line, among the first :data:`TITLE_WINDOW`, that names a
  genre (remarks, statement, answers, interview, briefing, ...) and a speaker, a role
  word or a date, and, unless it ends with a date, does not open with a turn label
  (``Question:``, a registry speaker, a name with a qualifier: ``President of France
  Emmanuel Macron (retranslated): ...``). When that line has no date and one of the next
  :data:`HEADLINE_GAP` lines is a title with a date, the first was a republisher's
  headline (chrome) and the dated line is the title. Its date ends it: ``Month D,
  YYYY`` or ``D Month YYYY`` (month names in any case, full or abbreviated; the comma
  after the day may be missing, ``April 6 2021``, and one may stray after the month,
  ``27 March , 2012``), or ``(City, Month D, YYYY)``; a closing colon or full stop
  after it is not part of the title, nor is what introduces it (``..., published on
  July 3, 2017``). A month without a day (``..., October 2019``) also ends the title
  but gives no date. The place is the run of short capitalised segments before the
  date, but a segment of two or more words after one ending in a role word naming one
  person (perhaps with ``of <Country>``) is a name in apposition (``the French Foreign
  Minister, Laurent Fabius``), not a place, and nor is a person's name (``...,
  M.V.Zakharova (May 15, 2024)``). Its speaker is the owner of
  ``<Role> <Name>’s <genre>`` (up to two words may qualify the genre: ``’s live radio
  interview``), else the first name from the speaker registry, else the two or three
  capitalised words ending the role after a leading genre (``Speech by <Role> <Name>
  at ...``, also ``A speech ... by``, ``Excerpts from the briefing by``; ``to`` may
  start the occasion: ``Interview of <Role> <Name> to Izvestia``); a name may be
  initials glued to a surname (``A.K.Lukashevich``); the role is
  what precedes the name, the occasion what follows the genre, which may also be a
  verb right after the name (``<Name> answers questions from the media``).
  ``Responses to questions`` is a wording of answers to questions.
* **Between title and body**: a repeated title (spacing aside; a republisher's stamp of
  up to 24 characters may be glued to its end: ``..., April 25, 2022,10:11``), the
  language switcher (``• de-DE1 en-GB1``; a bullet with no language is chrome too), a
  document number (``2432-20-10-2014``), one of the
  two header shapes (a publication header placed after the title), a date line
  (``September 9, 2016``, ``12 March 2019``; a weekday may precede it and a time
  follow it: ``Thursday, 02 July 2015 09:54``; a place may precede the date:
  ``Solnechnogorsk, July 28, 2025``, and is the page's place when the title has none)
  with an optional byline block above it, a numeric time stamp (``5-12-2014, 16:44``,
  ``Submitted on Tue, 04/21/2015 - 22:00``, ``10:07 06.04.2021 •``, ``21.04.1912:50``
  with the time glued to a two-digit year: chrome, never a date, as its day order and
  time zone are unknown), and a briefing's table of
  contents, perhaps under a ``Table of contents`` line: two or more numbered or
  bulleted items, with unnumbered dividers such as ``Answers to media questions:``
  between them (numbering may restart after one). A list there is a table of contents
  on a briefing page, under a ``Table of contents`` line, or when one of its items
  recurs further down as a line of its own; otherwise it is body. A divider closing
  the list (``From answers to media questions:``) may be followed by unnumbered
  items; they belong to the contents when the line repeating the list's first item
  (where the body begins; on a page cut short, the start of it as the last line)
  follows them. On a briefing page, :data:`TOPIC_LIST_MIN` or more short topic lines in
  a row without numbers or bullets (a republisher's list of the briefing's topics) are
  its table of contents too.
* **The footer**, from the bottom: the site's chrome lines (``Advanced settings``,
  ``Web Content Display``, ``Additional materials``, ...) and the organisation tags
  between them. A tag is an organisation's name and its abbreviation, one of them in
  parentheses (``Council of Europe (CoE)``, ``NATO (North Atlantic Treaty
  Organization)``): the abbreviation one word with two capitals or a digit (``OSCE``,
  ``CoE``, ``G20``), the name capitalised words with ``of``, ``and``... between them.
  A line naming a stage direction (``Thank you all (Applause)``) is never a tag.
  Tag lines count as tags only when the trailing block holds at least one chrome line.
* **The body** is what lies between; each non-blank line is a paragraph, whether
  paragraphs are separated by blank lines or by single newlines. A closing signature
  at its end (up to :data:`SIGNATURE_LINES` lines, each the name of a registry person or
  of the title's speaker, or a date line such as ``Moscow, October 9, 2015``) is chrome
  (``byline``, ``date-line``); its place is the page's when no other line gives one.
* **Dates**: the event date is the title's, else the date line's, else the closing
  signature's, else the header's.

Every non-blank line ends up in exactly one of these parts, so the build can account
for every character of the page.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import date, datetime, time, timedelta, timezone

from ..errors import Problem, TranscriptError
from ..schema import GENRES
from . import speakers

__all__ = [
    "Chrome",
    "Line",
    "Page",
    "TitleInfo",
    "heading_key",
    "parse_title",
    "split_lines",
    "split_page",
]

MOSCOW = timezone(timedelta(hours=3), "MSK")
TITLE_WINDOW = 60
TOPIC_LIST_MIN = 3
"""Fewest topic lines in a row that make a briefing's unnumbered table of contents."""
SIGNATURE_LINES = 3
"""Most lines a closing signature (name, place and date) takes at the body's end."""
HEADLINE_GAP = 3
"""How many lines after an undated title-shaped headline are searched for the dated title."""
MONTHS = {
    m[:3]: i + 1
    for i, m in enumerate(
        [
            "january",
            "february",
            "march",
            "april",
            "may",
            "june",
            "july",
            "august",
            "september",
            "october",
            "november",
            "december",
        ]
    )
}
# Month names in any case, full or abbreviated ('Sept.', 'Dec'); MONTHS maps the first
# three letters.
_MONTH = (
    r"(?i:(?P<month>(?:January|February|March|April|May|June|July|August|September|October"
    r"|November|December)|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?))"
)

# `23 August 202019:37` (old site; a space or comma before the time also occurs) and
# `10 november / 2017` (embassy sites)
_HEADER_GLUED = re.compile(
    rf"^\s*(?P<day>\d{{1,2}}) {_MONTH} (?P<year>\d{{4}}),?[ \t]*"
    rf"(?P<hh>\d{{2}}):(?P<mm>\d{{2}})\s*$"
)
_HEADER_EMBASSY = re.compile(rf"^\s*(?P<day>\d{{1,2}}) {_MONTH} / (?P<year>\d{{4}})\s*$")
# the comma after the day may be missing ('April 6 2021'); one may stray after the month
# ('27 March , 2012')
_DATE_MDY = rf"{_MONTH} (?P<day>\d{{1,2}}),? (?P<year>\d{{4}})"
_DATE_DMY = rf"(?P<day>\d{{1,2}}) {_MONTH}(?: ?,)? (?P<year>\d{{4}})"
# 'Month D, YYYY' or 'D Month YYYY'. One pattern cannot name a group twice, so the
# day-first groups are renamed with an 'x' prefix; _match_date reads either.
_DATE = rf"(?:{_DATE_MDY}|{_DATE_DMY.replace('?P<', '?P<x')})"
_WEEKDAY = r"(?i:(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs)?|Fri|Sat(?:ur)?|Sun)(?:day)?\.?)"
_TIME = r"\d{1,2}:\d{2}(?::\d{2})?"
# 'September 9, 2016', '12 March 2019', 'Thursday, 02 July 2015 09:54', 'Sochi, May 5, 2019'
_DATE_LINE = re.compile(
    rf"^\s*(?:{_WEEKDAY},?\s+)?(?:(?P<place>[A-Z][^\d,:;]{{1,40}}),\s+)?"
    rf"{_DATE}(?:,?\s+{_TIME})?\s*$"
)
# a numeric time stamp: '5-12-2014, 16:44', 'Submitted on Tue, 04/21/2015 - 22:00', the time
# first ('10:07 06.04.2021 •'), a two-digit year with the time glued on ('21.04.1912:50')
_STAMP = re.compile(
    rf"^\s*(?i:(?:submitted|posted|published|updated)(?:\s+on)?:?\s+)?(?:{_WEEKDAY},?\s+)?"
    rf"(?:{_TIME}\s+)?"
    rf"(?:\d{{1,2}}[./-]\d{{1,2}}[./-](?:\d{{4}}|\d{{2}}(?=\s*[,-]?\s*{_TIME}))|\d{{4}}-\d{{2}}-\d{{2}})"
    rf"(?:\s*[,-]?\s*{_TIME})?\s*•?\s*$"
)
# the title's date may be followed by a stray period or colon ('..., July 26, 2018:')
_TITLE_DATE = re.compile(rf"(?:,\s*|\s+){_DATE}[.:]?\s*$")
_TITLE_PAREN = re.compile(rf"\s*\((?:(?P<place>[^()]*?),\s*)?{_DATE}\)[.:]?\s*$")
_CONTENTS_LABEL = re.compile(r"^\s*(?i:(?:table of )?contents):?\s*$")
# a turn label opening a line: 'President of France Emmanuel Macron (retranslated): I will...'
_LABEL_LINE = re.compile(
    r"^(?P<name>[^:()\n]{1,80}?)\s*(?P<qualifier>\([^()\n]{1,100}\))?\s*:\s+\S"
)
# a breadcrumb trail, which may end with the title: 'Home » News of the Day » <title>'
_BREADCRUMB = re.compile(r"^(?:Home|Main page)\s*[»›>|/]|\s[»›>]\s.*\s[»›>]\s")
_LANGUAGES = re.compile(r"^\s*•(?:\s+[a-z]{2,3}-[A-Z]{2}\d*)+\s*$")
_TERMINAL_MARK = re.compile(r"[.!?…:;,]\s*$")
_EMPTY_BULLET = re.compile(r"^\s*•\s*$")
_LANGUAGE_TAG = re.compile(r"([a-z]{2,3})-[A-Z]{2}\d*")
_DOCUMENT_NUMBER = re.compile(r"^\s*\d{1,6}-\d{1,2}-\d{1,2}-\d{4}\s*$")
_TOC_ITEM = re.compile(r"^\s*(?:\d{1,3}[.)]|[-–•*])\s+(?P<item>\S.*?)\s*$")
_FOOTER_CHROME = {
    "additional materials",
    "web content display",
    "advanced settings",
    "download file",
    "watch on youtube",
    "print version",
    "print",
    "share",
}
# an organisation tag: '<Name> (<ABBR>)' or '<ABBR> (<Name>)'
_TAG = re.compile(r"^\s*(?P<outer>[A-Z][^.!?:;()\n]{1,150}?)\s*\((?P<inner>[^()\n]{2,80})\)\s*$")
# an abbreviation: one word of letters (digits, '&', '-') with two capitals or a digit:
# 'OSCE', 'CoE', 'EU', 'G20'
_ABBREVIATION = re.compile(r"^(?=[^\s]*(?:[A-Z][^\s]*[A-Z]|\d))[A-Z][A-Za-z0-9&\-]{1,11}$")
_ORG_CONNECTORS = {"of", "for", "and", "the", "in", "on", "to", "at", "&", "-", "–"}
# stage directions are never organisations: 'Thank you all (Applause)'
_STAGE_WORDS = {
    "applause",
    "laughter",
    "laughs",
    "off-mike",
    "inaudible",
    "crosstalk",
    "pause",
    "interruption",
    "indistinct",
}
_ROLE_WORD = re.compile(
    r"\b(?:Minister|FM|Spokesperson|Spokesman|Spokeswoman|Secretary|President|Ambassador|"
    r"Ministry|Envoy|Representative|Department|Embassy)s?\b"
)
_HTML_PAGE = re.compile(r"<!doctype html|<html[\s>]|<head[\s>]|<body[\s>]", re.IGNORECASE)
_MARKUP = re.compile(
    r"</?(?:p|br|div|span|a|b|i|em|strong|ul|ol|li|h[1-6]|table|tr|td|img|script|style)\b[^<>]*>"
    r"|&(?:nbsp|amp|lt|gt|quot|#\d{2,5}|#x[0-9a-f]{2,4});",
    re.IGNORECASE,
)

# Title grammar: '<Role> <Name>’s <genre> <prep> <occasion>, <Place>, <Date>' or
# '<Genre> by|of|with <Role> <Name> <prep> <occasion>, <Place>, <Date>'.
# The one genre vocabulary: (genre of the model, wording). A title names one of these
# words; an entry without a genre makes a line title-like but gives no genre.
_GENRE_VOCABULARY: tuple[tuple[str | None, str], ...] = (
    ("opening remarks", r"opening remarks"),
    (
        "answers to questions",
        r"(?:answers?|responses?) to (?:a |the )?"
        r"(?:media |journalists[’']? |reporters[’']? |press |students[’']? )?questions?"
        r"(?: (?:of|from) (?:the )?(?:media|journalists|press))?",
    ),
    ("news conference", r"(?:joint )?(?:news|press) conference"),
    ("remarks", r"remarks"),
    ("statement", r"(?:joint )?statements?"),
    ("speech", r"speech"),
    ("address", r"address"),
    ("lecture", r"lecture"),
    ("interview", r"interview"),
    ("briefing", r"briefing"),
    ("article", r"article"),
    ("comment", r"comments?"),
    # the verb: '<Name> answers questions from the media'
    (
        "answers to questions",
        r"answers? (?:media |journalists[’']? )?questions(?: (?:from|of) (?:the )?"
        r"(?:media|journalists|press))?",
    ),
    ("answers to questions", r"answers?"),
    (None, r"responses?"),
    (None, r"greetings"),
    (None, r"message"),
)
_GENRE_TERMS = tuple((g, p) for g, p in _GENRE_VOCABULARY if g is not None)
assert {g for g, _ in _GENRE_TERMS} <= set(GENRES)
# a line that names a genre (the title does)
_GENRE_WORD = re.compile(
    r"\b(?:" + "|".join(p for _, p in _GENRE_VOCABULARY) + r")\b", re.IGNORECASE
)
_GENRE_TERM = "(?:" + "|".join(p for _, p in _GENRE_TERMS) + ")"
# up to two words that qualify the genre: '’s live radio interview', '’s video address'
_GENRE_MODIFIER = (
    r"(?:(?!(?:and|or|with|to|at|of|on|in|for|by|from|during|following|after)\s)[a-z][\w\-]+\s+)"
)
_GENRE_PHRASE = re.compile(
    rf"^{_GENRE_MODIFIER}{{0,2}}?"
    rf"(?P<genre>{_GENRE_TERM}(?:(?:,\s*|\s+and\s+|\s+as well as\s+){_GENRE_TERM})*)\b",
    re.IGNORECASE,
)
_GENRE_FIND = [(g, re.compile(rf"\b{p}\b", re.IGNORECASE)) for g, p in _GENRE_TERMS]
# 'Speech by ...', also after an article or a partitive: 'A speech and answers ... by',
# 'Excerpts from the briefing by', 'Transcript of remarks by'
_LEADING_GENRE = re.compile(
    r"^(?:(?:excerpts?|extracts?|transcript|full text)\s+(?:from|of)\s+)?(?:(?:a|an|the)\s+)?"
    rf"(?P<genre>{_GENRE_TERM}(?:(?:,\s*|\s+and\s+){_GENRE_TERM})*)\s+(?:by|of|from|with|to)\s+(?:the\s+)?",
    re.IGNORECASE,
)
_PREPOSITION = re.compile(
    r"^(?:at|during|following|after|on|in|before|with|to|for|from|given to|ahead of|"
    r"as part of)\s+",
    re.IGNORECASE,
)
_PLACE_WORD = re.compile(r"^(?:[A-Z][\w’'.\-]*|of|on|upon|am)$")
_NOT_PLACE = re.compile(
    r"\b(?:Minister|Ministerial|Ministry|Council|Conference|Summit|Forum|Meeting|Session|"
    r"Committee|Assembly|Affairs|Development|Union|Organi[sz]ation|Commonwealth|Agency|"
    r"University|Club|Programme|Talks|Secretary|President|Readings|Congress|Institute)\b"
)
_POSSESSIVE = re.compile(r"^[’']s\s+")
_POSSESSIVE_MARK = re.compile(r"(?<=\w)[’']s\s+")
_POSSESSIVE_WORD = re.compile(r"[’']s?$")
_OCCASION_START = re.compile(
    r"\s(?:at|during|following|after|on|in|before|with|for|from|ahead of|given to|to)\s"
)
# what introduces the title's date: '..., published on July 3, 2017'
_DATE_LEAD_IN = re.compile(r"(?:,\s*|\s+)(?:(?:published|released|posted)\s+)?on$", re.IGNORECASE)
# a month without a day ends the title: '..., October 2019' (no event date)
_TITLE_MONTH = re.compile(rf"(?:,\s*|\s+){_MONTH}\s+\d{{4}}[.:]?\s*$")
_ROLE_CONNECTORS = {"of", "the", "for", "to", "in", "on", "and"}
_ROLE_NAME_WORDS = {
    "Minister",
    "Ministry",
    "Ministers",
    "Foreign",
    "Deputy",
    "First",
    "Vice",
    "Prime",
    "Ambassador",
    "Spokesperson",
    "Spokeswoman",
    "Spokesman",
    "Secretary",
    "President",
    "Permanent",
    "Representative",
    "Director",
    "Head",
    "State",
    "Special",
    "Presidential",
    "Envoy",
    "General",
    "Chairman",
    "Chair",
    "Chief",
    "Senior",
    "Acting",
    "Executive",
    "Press",
    "Department",
    "Affairs",
    "Russian",
    "Commissioner",
    "Consul",
    "Adviser",
    "Advisor",
    "Speaker",
    "Chancellor",
    "Mr",
    "Ms",
    "Mrs",
    "Dr",
}


# role words that name one person, as in 'the French Foreign Minister, Laurent Fabius'
_PERSON_ROLES = {
    "Minister",
    "Secretary",
    "President",
    "Ambassador",
    "Spokesperson",
    "Spokeswoman",
    "Spokesman",
    "Envoy",
    "Representative",
    "Director",
    "Chairman",
    "Chair",
    "Commissioner",
    "Chancellor",
    "Adviser",
    "Advisor",
    "Consul",
}


@dataclass(frozen=True)
class Line:
    """One line of the page: 1-based number, offsets of its text (without the line break)."""

    number: int
    start: int
    end: int
    text: str

    @property
    def blank(self) -> bool:
        return not self.text.strip()

    def stripped_span(self) -> tuple[int, int]:
        """Offsets of the line's text without surrounding whitespace."""
        lead = len(self.text) - len(self.text.lstrip())
        trail = len(self.text) - len(self.text.rstrip())
        return self.start + lead, self.end - trail


@dataclass(frozen=True)
class Chrome:
    """A named piece of page chrome, with its offsets."""

    kind: str
    line: int
    start: int
    end: int


@dataclass(frozen=True)
class TitleInfo:
    """What the title says."""

    genre: str | None
    genres: list[str]
    event_date: date | None
    place: str | None
    occasion: str | None
    speaker: str | None
    speaker_role: str | None
    speaker_known: bool


NO_TITLE = TitleInfo(None, [], None, None, None, None, None, True)
"""What a page without a title line says about itself: nothing."""


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
    for number, match in enumerate(re.finditer(r"\r\n|\r|\n", text), start=1):
        lines.append(Line(number, start, match.start(), text[start : match.start()]))
        start = match.end()
    if start < len(text):
        lines.append(Line(len(lines) + 1, start, len(text), text[start:]))
    return lines


def split_page(name: str, text: str) -> Page:
    """Split a decoded page into its parts, or raise :class:`TranscriptError`."""
    lines = split_lines(text)
    _refuse_markup(name, text, lines)
    nonblank = [ln for ln in lines if not ln.blank]
    chrome: list[Chrome] = []

    warnings: list[Problem] = []
    title_index = _find_title(name, nonblank)
    title_line = nonblank[title_index] if title_index is not None else None
    published_date: date | None = None
    published_at: datetime | None = None
    for ln in nonblank[: title_index or 0]:
        kind = "masthead"
        parsed = _parse_header(name, ln, warnings)
        if parsed is not None and published_date is None:
            kind = "header"
            published_date, published_at = parsed
        chrome.append(_chrome(kind, ln))
    title: str | None = None
    if title_index is not None and title_line is not None:
        chrome.append(_chrome("title", title_line))
        title = _clean_title(title_line.text)
        info = parse_title(title)
        if info.event_date is None and (match := _title_date_match(title_line.text)) is not None:
            # a title date that is there but impossible (31 February): no date, a warning
            _make_date(name, title_line, match, warnings)
        rest = nonblank[title_index + 1 :]
    else:
        # a repost that starts mid-conversation, or a title no rule knows: the page is
        # read from its first line, and published without a title
        info = NO_TITLE
        rest = nonblank
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
    footer_start, tags, footer_chrome = _split_footer(rest)
    has_footer = bool(footer_chrome)
    head = _split_head(name, rest[:footer_start], title or "", info.genres, warnings)
    chrome.extend(head.chrome)
    if published_date is None and head.header is not None:
        published_date, published_at = head.header
    date_line_date, languages, contents = head.date_line, head.languages, head.contents
    body = rest[head.end : footer_start]
    signature = _signature(name, body, info.speaker, warnings)
    if signature is not None:
        body = body[: signature.start]
        chrome.extend(signature.chrome)
    chrome.extend(footer_chrome)

    if info.place is None and head.place is not None:
        info = replace(info, place=head.place)
    if signature is not None and info.place is None and signature.place is not None:
        info = replace(info, place=signature.place)
    signed = signature.day if signature is not None else None
    event_date = info.event_date or date_line_date or signed or published_date
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
        languages=languages,
        contents=contents,
        tags=tags,
        body=body,
        chrome=chrome,
        has_footer=has_footer,
        warnings=warnings,
    )


def _chrome(kind: str, line: Line) -> Chrome:
    start, end = line.stripped_span()
    return Chrome(kind, line.number, start, end)


def _refuse_markup(name: str, text: str, lines: list[Line]) -> None:
    if _HTML_PAGE.search(text[:4096]):
        raise TranscriptError(
            Problem(
                "not-a-transcript",
                name,
                "expected a transcript saved as text, found an HTML document; save the "
                "page as plain text",
                1,
            )
        )
    for ln in lines:
        match = _MARKUP.search(ln.text)
        if match:
            raise TranscriptError(
                Problem(
                    "markup-in-text",
                    name,
                    f"expected plain text, found HTML markup {match.group()!r}; strip the "
                    "markup before adding the page",
                    ln.number,
                )
            )


def _looks_like_title(text: str) -> bool:
    stripped = text.strip()
    if not 15 <= len(stripped) <= 500 or _TOC_ITEM.match(text):
        return False
    if stripped.endswith(":") and not _has_title_date(stripped):
        return False
    if "\\" in stripped or _BREADCRUMB.search(stripped) or not _GENRE_WORD.search(stripped):
        return False
    if _is_label_line(stripped) and not _has_title_date(stripped):
        return False
    return bool(
        _ROLE_WORD.search(stripped) or speakers.find_in_text(stripped) or _has_title_date(stripped)
    )


def _has_title_date(text: str) -> bool:
    return _title_date_match(text) is not None


def _is_label_line(text: str) -> bool:
    """A line opening with a turn label ('Question:', a registry speaker, or a name with
    a qualifier: 'President of France Emmanuel Macron (retranslated): I will ...')."""
    match = _LABEL_LINE.match(text)
    if match is None:
        return False
    label = match["name"].strip()
    return (
        speakers.fold(label) in {"question", "q"}
        or match["qualifier"] is not None
        or speakers.resolve(label) is not None
    )


def _find_title(name: str, nonblank: list[Line]) -> int | None:
    """Index of the title line, or None when no line is shaped like one; refuses files
    that are plainly no page (Markdown, delimited data)."""
    if not nonblank:
        raise TranscriptError(Problem("empty-file", name, "expected a page, found no text"))
    first = nonblank[0]
    other = _other_file_kind(nonblank)
    if other is None:
        for i, ln in enumerate(nonblank[:TITLE_WINDOW]):
            if _looks_like_title(ln.text):
                if not _has_title_date(ln.text.strip()):
                    # a republisher's undated headline over the dated title
                    for j in range(i + 1, min(i + 1 + HEADLINE_GAP, len(nonblank))):
                        text = nonblank[j].text
                        if _looks_like_title(text) and _has_title_date(text.strip()):
                            return j
                return i
        return None
    raise TranscriptError(
        Problem(
            "not-a-transcript",
            name,
            f"expected a transcript page, found {other}",
            first.number,
        )
    )


_MARKDOWN = re.compile(r"^(?:#{1,6}\s+\S|```|---\s*$|={3,}\s*$)")
_CSV_HEADER = re.compile(r"\s*[\w\-]+(?:\s*[,;\t]\s*[\w\-]+)+\s*")


def _other_file_kind(nonblank: list[Line]) -> str | None:
    """What the file is when it is plainly not a page: Markdown/YAML or delimited data."""
    head = [ln.text for ln in nonblank[:10]]
    if any(_MARKDOWN.match(t.lstrip()) for t in head[:2]):
        return "a Markdown or YAML document"
    if (
        len(head) >= 2
        and _CSV_HEADER.fullmatch(head[0])
        and all(any(d in t for d in ",;\t") for t in head[1:])
    ):
        return "delimited data (a header line of comma-, semicolon- or tab-separated names)"
    return None


def _parse_header(
    name: str, line: Line, warnings: list[Problem]
) -> tuple[date, datetime | None] | None:
    """(publication date, time) of a header line; None when the line is no header or
    its date does not exist (an ``invalid-date`` warning)."""
    for pattern in (_HEADER_GLUED, _HEADER_EMBASSY):
        match = pattern.match(line.text)
        if match:
            day = _make_date(name, line, match, warnings)
            if day is None:
                return None
            if "hh" not in match.groupdict():
                return day, None
            hh, mm = int(match["hh"]), int(match["mm"])
            if hh > 23 or mm > 59:
                warnings.append(_invalid_date(name, line, f"{hh:02d}:{mm:02d}", "a time of day"))
                return day, None
            return day, datetime.combine(day, time(hh, mm), MOSCOW)
    return None


def _make_date(name: str, line: Line, match: re.Match[str], warnings: list[Problem]) -> date | None:
    """The date a match gives, or None and an ``invalid-date`` warning naming the line."""
    try:
        return _match_date(match)
    except ValueError:
        warnings.append(_invalid_date(name, line, match.group().strip(), "a calendar date"))
        return None


def _match_date(match: re.Match[str]) -> date:
    """The date of a match of a date pattern (either day order, see :data:`_DATE`);
    raises ValueError for a date that does not exist."""
    groups = {k.lstrip("x"): v for k, v in match.groupdict().items() if v is not None}
    return date(int(groups["year"]), _month_number(groups["month"]), int(groups["day"]))


def _month_number(name: str) -> int:
    return MONTHS[name[:3].lower()]


def _invalid_date(name: str, line: Line, found: str, what: str) -> Problem:
    return Problem(
        "invalid-date",
        name,
        f"expected {what}, found {found!r}, which does not exist; left out",
        line.number,
        severity="warning",
    )


def _title_date_match(text: str) -> re.Match[str] | None:
    """The date ending a title: ``(City, Month D, YYYY)`` or ``..., Month D, YYYY``."""
    return _TITLE_PAREN.search(text) or _TITLE_DATE.search(text)


def _title_date(title: str) -> tuple[date | None, str | None, str]:
    """(date, place in parentheses, title without the date part); no date when the
    title's date does not exist (:func:`split_page` refuses that page)."""
    match = _title_date_match(title)
    if match is None:
        month = _TITLE_MONTH.search(title)
        return None, None, title[: month.start()].rstrip(" ,") if month else title
    try:
        day = _match_date(match)
    except ValueError:
        return None, None, title
    place = match.groupdict().get("place")
    rest = _DATE_LEAD_IN.sub("", title[: match.start()].rstrip(" ,"))
    return day, (place.strip() if place else None), rest.rstrip(" ,")


def parse_title(title: str) -> TitleInfo:
    """Genre, date, place, occasion, speaker and role from a title, by the title grammar."""
    event_date, place, rest = _title_date(title)
    segments = [s.strip() for s in rest.split(",")]
    if place is None:
        tail: list[str] = []
        # a name in apposition to a role ('the French Foreign Minister, Laurent Fabius')
        # is not a place
        while (
            len(segments) > 1
            and _is_place(segments[-1])
            and not _in_apposition(segments[-2], segments[-1])
        ):
            tail.insert(0, segments.pop())
        place = ", ".join(tail) or None
    head = ", ".join(segments)

    genres = _find_genres(title)
    speaker = role = genre = occasion = None
    known = False
    found = speakers.find_in_text(head)
    leading = _LEADING_GENRE.match(head)
    # Who the title is about: the owner of '<Name>’s <genre>', else a registry name, else
    # (after a leading genre: 'Speech by <Role> <Name> at ...') the name ending the role.
    named = _possessive_owner(head, leading.end() if leading else 0)
    if named is None and found is None and leading is not None:
        named = _named_after_genre(head, leading.end())
    if found is not None and (named is None or found[2] == named[1]):
        person, start, end = found
        speaker, known = person.name, True
        before, after = head[:start], head[end:]
    elif named is not None:
        start, end, name = named
        resolved = speakers.resolve(name)
        speaker, known = (resolved.name, True) if resolved else (name, False)
        before, after = head[:start], head[end:]
    else:
        before, after = "", head
    if leading is not None:
        genre = leading["genre"]
        before = before[leading.end() :] if speaker else before
        if speaker is None:
            after = head[leading.end() :]
    possessive = _POSSESSIVE.match(after)
    verb = speaker is not None and leading is None and not possessive
    if possessive or verb:
        # '<Name>’s <genre> ...', or the verb: '<Name> answers questions ...'
        after = after[possessive.end() :] if possessive else after.lstrip()
        phrase = _GENRE_PHRASE.match(after)
        if phrase and (possessive or phrase.start("genre") == 0):
            genre = phrase["genre"]
            after = after[phrase.end() :]
    if speaker is not None:
        role = before.strip(" ,") or None
        if role and role.lower().startswith("the "):
            role = role[4:]
        if role is not None and not re.search(r"[A-Z]", role):
            role = None
    after = after.strip(" ,")
    if after:
        occasion = _PREPOSITION.sub("", after, count=1).strip() or None
    return TitleInfo(
        genre=genre.lower() if genre else None,
        genres=genres,
        event_date=event_date,
        place=place,
        occasion=occasion,
        speaker=speaker,
        speaker_role=role,
        speaker_known=known,
    )


def _possessive_owner(head: str, start: int) -> tuple[int, int, str] | None:
    """(start, end, name) of the person in the first '<Role> <Name>’s <genre>' of ``head``."""
    for match in _POSSESSIVE_MARK.finditer(head, start):
        if _GENRE_PHRASE.match(head[match.end() :]):
            found = _trailing_name(head[start : match.start()])
            if found is not None:
                return start + found[0], match.start(), found[1]
    return None


def _named_after_genre(head: str, start: int) -> tuple[int, int, str] | None:
    """(start, end, name) of the name ending '<Role> <Name>' between a leading genre
    ('Speech by') and the occasion's preposition. A role may hold prepositions
    ('Special Envoy for Syria'); a lower-case word means the occasion has begun."""
    stops = [m.start() for m in _OCCASION_START.finditer(head, start)] + [len(head)]
    for end in stops:
        segment = head[start:end]
        found = _trailing_name(segment)
        if found is not None:
            offset, name = found
            return start + offset, start + offset + len(name), name
        if any(w[0].islower() and w not in _ROLE_CONNECTORS for w in segment.split()):
            return None
    return None


def _trailing_name(segment: str) -> tuple[int, str] | None:
    """(offset, name) of the person's name that ends ``segment`` after its role words.

    A name is two or three capitalised words that are not role words (``Minister``,
    ``Ambassador``...), acronyms or possessives, name particles allowed between (``de``,
    ``bin``, ``von der``: :data:`~mfa_transcripts.builder.speakers.NAME_PARTICLES`); of
    three, the first is a country and dropped when ``of``, ``for``... precedes it
    (``Foreign Minister of China Wang Yi``). Initials glued to a surname are one word
    and a whole name (``Spokesman A.K.Lukashevich``).
    """
    words = list(re.finditer(r"\S+", segment.rstrip(" ,")))
    if words and speakers.INITIALLED_NAME.match(words[-1].group()):
        return words[-1].start(), words[-1].group()  # 'S.A.Ryabkov': initials and surname
    i = len(words)
    taken = 0
    while i > 0 and taken < 3:
        word = words[i - 1].group()
        if _is_name_word(word):
            taken += 1
        elif not (word in speakers.NAME_PARTICLES and taken and _name_before(words, i - 1)):
            break
        i -= 1
    if taken == 3 and i > 0 and words[i - 1].group().lower() in _ROLE_CONNECTORS:
        i += 1
        taken -= 1
    if taken < 2:
        return None
    start = words[i].start()
    return start, segment[start : words[-1].end()]


def _name_before(words: list[re.Match[str]], index: int) -> bool:
    """Whether a name word precedes the particles ending at ``words[index]`` ('von der')."""
    j = index - 1
    while j >= 0 and words[j].group() in speakers.NAME_PARTICLES:
        j -= 1
    return j >= 0 and _is_name_word(words[j].group())


def _is_name_word(word: str) -> bool:
    return (
        word[0].isupper()
        and not (len(word) > 1 and word.isupper())
        and word.strip(".") not in _ROLE_NAME_WORDS
        and not _POSSESSIVE_WORD.search(word)
        and not any(c.isdigit() for c in word)
    )


def _in_apposition(before: str, segment: str) -> bool:
    """A name of two or more words after a segment ending in one person's role word,
    perhaps with its country ('the Foreign Minister of Austria, Karin Kneissl')."""
    words = before.split()
    ends_in_role = any(
        len(words) > n and words[-1 - n] in _PERSON_ROLES and (n == 0 or words[-n] == "of")
        for n in (0, 2, 3)
    )
    return ends_in_role and len(segment.split()) >= 2


def _find_genres(title: str) -> list[str]:
    hits: list[tuple[int, str]] = []
    taken: list[tuple[int, int]] = []
    for genre, pattern in _GENRE_FIND:
        for match in pattern.finditer(title):
            if any(s < match.end() and match.start() < e for s, e in taken):
                continue
            taken.append(match.span())
            hits.append((match.start(), genre))
    ordered: list[str] = []
    for _, genre in sorted(hits):
        if genre not in ordered:
            ordered.append(genre)
    return ordered


def _is_place(segment: str) -> bool:
    """Up to four capitalised words that name no genre, body or person (``M.V.Zakharova``
    after a comma is the speaker, not a place)."""
    words = segment.split()
    return (
        0 < len(words) <= 4
        and all(_PLACE_WORD.match(w) or w in speakers.NAME_PARTICLES for w in words)
        and not _NOT_PLACE.search(segment)
        and not _GENRE_WORD.search(segment)
        and speakers.resolve(segment) is None
        and speakers.INITIALLED_NAME.match(words[-1]) is None
    )


@dataclass
class _Head:
    """What lies between the title and the body."""

    end: int
    header: tuple[date, datetime | None] | None = None
    date_line: date | None = None
    place: str | None = None  # a place before the date line's date
    languages: list[str] = field(default_factory=list)
    contents: list[str] = field(default_factory=list)
    chrome: list[Chrome] = field(default_factory=list)


def _split_head(
    name: str, rest: list[Line], title: str, genres: list[str], warnings: list[Problem]
) -> _Head:
    """Lines between title and body: byline, repeated title, language switcher, document
    number, a publication header or a date line, and a table of contents."""
    head = _Head(end=0)
    # a repeated title may differ in spacing ('... Maria Zakharova(Moscow, May 15, 2024)')
    folded_title = re.sub(r"\s+", "", speakers.fold(_clean_title(title)))
    labelled = False  # a 'Table of contents' line was met
    i = _byline_end(rest)
    for ln in rest[:i]:
        head.chrome.append(_chrome("byline", ln))
    while i < len(rest):
        ln = rest[i]
        text = re.sub(r"\s+", "", speakers.fold(_clean_title(ln.text)))
        if text == folded_title or (
            text.startswith(folded_title)
            and re.fullmatch(r"(?=\S*\d)\S{1,24}", text[len(folded_title) :])
        ):
            head.chrome.append(_chrome("title-repeat", ln))
        elif _LANGUAGES.match(ln.text) and not head.languages:
            head.languages = [m.group(1) for m in _LANGUAGE_TAG.finditer(ln.text)]
            head.chrome.append(_chrome("languages", ln))
        elif _EMPTY_BULLET.match(ln.text):
            head.chrome.append(_chrome("languages", ln))  # a switcher item with no language
        elif _DOCUMENT_NUMBER.match(ln.text):
            head.chrome.append(_chrome("document-number", ln))
        elif head.header is None and (parsed := _parse_header(name, ln, warnings)) is not None:
            head.header = parsed
            head.chrome.append(_chrome("header", ln))
        elif (match := _date_line(ln.text)) and head.date_line is None:
            head.date_line = _make_date(name, ln, match, warnings)
            head.place = " ".join(match["place"].split()) if match["place"] else None
            head.chrome.append(_chrome("date-line", ln))
        elif _STAMP.match(ln.text):
            head.chrome.append(_chrome("date-line", ln))
        elif _CONTENTS_LABEL.match(ln.text) and not head.contents:
            labelled = True
            head.chrome.append(_chrome("contents", ln))
        elif (
            (end := _contents_end(rest, i)) > i and (labelled or _is_contents(rest, i, end, genres))
        ) or (
            not head.contents
            and genres[:1] == ["briefing"]
            and (end := _topic_list_end(rest, i)) > i
        ):
            for item_line in rest[i:end]:
                item = _TOC_ITEM.match(item_line.text)
                head.contents.append(item["item"] if item else item_line.text.strip())
                head.chrome.append(_chrome("contents", item_line))
            i = end
            continue
        else:
            break
        i += 1
    head.end = i
    return head


@dataclass
class _Signature:
    """A closing signature: the signer's name and/or a place and date line."""

    start: int  # index of its first line in the body
    day: date | None
    place: str | None
    chrome: list[Chrome]


def _signature(
    name: str, body: list[Line], speaker: str | None, warnings: list[Problem]
) -> _Signature | None:
    """The last lines of a message or statement that sign it (``Sergey Lavrov``, then
    ``Moscow, October 9, 2015``): up to :data:`SIGNATURE_LINES` lines at the body's end,
    each a date line or the name of a registry person or of the title's speaker (by
    surname); at least one paragraph stays before them."""
    found = _Signature(len(body), None, None, [])
    while found.start > 1 and len(body) - found.start < SIGNATURE_LINES:
        ln = body[found.start - 1]
        text = ln.text.strip()
        match = _date_line(text)
        if match is not None and found.day is None:
            found.day = _make_date(name, ln, match, warnings)
            found.place = " ".join(match["place"].split()) if match["place"] else None
            found.chrome.insert(0, _chrome("date-line", ln))
        elif _signer(text, speaker):
            found.chrome.insert(0, _chrome("byline", ln))
        else:
            break
        found.start -= 1
    return found if found.chrome else None


def _signer(text: str, speaker: str | None) -> bool:
    """A line that is only a person's name, capitalised words (name particles allowed)
    with no punctuation but initials' full stops: a registry person or the title's
    speaker (``Thank you, Mr Lavrov`` is no signature)."""
    words = text.split()
    if not 1 <= len(words) <= 5 or re.search(r"[^\w\s.’'\-]", text) or text.endswith("."):
        return False
    if not all(w[0].isupper() or w in speakers.NAME_PARTICLES for w in words):
        return False
    if speakers.resolve(text) is not None:
        return True
    return speaker is not None and speakers.fold(words[-1]) == speakers.fold(speaker.split()[-1])


def _clean_title(text: str) -> str:
    """A title line as the title: whitespace collapsed, no closing colon or full stop."""
    return re.sub(r"\s*(?<!\.)[:.]$", "", " ".join(text.split()))


def _date_line(text: str) -> re.Match[str] | None:
    """A date line ('September 9, 2016', 'Thursday, 02 July 2015 09:54'); a place may
    precede the date ('Solnechnogorsk, July 28, 2025')."""
    match = _DATE_LINE.match(text)
    if match is None or (match["place"] is not None and not _is_place(match["place"])):
        return None
    return match


def _byline_end(rest: list[Line]) -> int:
    """Where a byline block (short lines closed by a date line) after the title ends; 0 if none."""
    for i, ln in enumerate(rest[:6]):
        if _date_line(ln.text):
            return i
        text = ln.text.strip()
        if len(text) > 60 or ":" in text or text[-1] in ".!?" or _LANGUAGES.match(ln.text):
            return 0
    return 0


def heading_key(text: str) -> str:
    """A heading or contents item as compared with another: folded, no closing ':' or '.'."""
    return " ".join(speakers.fold(text).split()).rstrip(":.").strip()


def _contents_end(rest: list[Line], i: int) -> int:
    """End of a run of two or more list items (dividers allowed between) starting at i."""
    if not (
        i + 1 < len(rest)
        and _TOC_ITEM.match(rest[i].text) is not None
        and _TOC_ITEM.match(rest[i + 1].text) is not None
    ):
        return i
    end = i
    while end < len(rest) and (_TOC_ITEM.match(rest[end].text) or _is_divider(rest, end)):
        end += 1
    return _unnumbered_items_end(rest, i, end)


def _unnumbered_items_end(rest: list[Line], start: int, end: int) -> int:
    """After a divider that closes the list ('From answers to media questions:', numbered
    or not), unnumbered items continue the contents up to the line that repeats the
    list's first item, where the body begins; without that line they are body."""
    j = end
    if j < len(rest) and _divider_shaped(rest[j].text):
        j += 1
    elif not rest[end - 1].text.strip().endswith(":"):
        return end
    first = _TOC_ITEM.match(rest[start].text)
    key = heading_key(first["item"]) if first else ""
    for k in range(j, len(rest)):
        text = rest[k].text.strip()
        found = heading_key(text)
        # on a page cut short, the last line may be the start of that first heading
        cut = k == len(rest) - 1 and len(found) >= 10 and key.startswith(found)
        if found == key or cut:
            return k if k > j else end
        if len(text) > 200 or _TOC_ITEM.match(text) or re.search(r"[.!?:;,]$", text):
            break
    return end


def _topic_list_end(rest: list[Line], i: int) -> int:
    """End of a briefing's unnumbered list of topics starting at i: :data:`TOPIC_LIST_MIN`
    or more lines in a row, each a short topic (at most 12 words, starting with a capital,
    a digit, a quote or a ``#``, with no closing punctuation and no colon, not a lone
    ``#Tag``, which heads a section), and more of the page after them; i if there is none."""
    end = i
    while end < len(rest) and _topic_line(rest[end].text):
        end += 1
    return end if end - i >= TOPIC_LIST_MIN and end < len(rest) else i


def _topic_line(text: str) -> bool:
    stripped = text.strip()
    return (
        0 < len(stripped.split()) <= 12
        and (stripped[0].isupper() or stripped[0].isdigit() or stripped[0] in '“"«#')
        and _TERMINAL_MARK.search(stripped) is None
        and ":" not in stripped
        and _DATE_LINE.match(stripped) is None
        and re.fullmatch(r"#\S+", stripped) is None  # a lone '#Tag' heads a section
    )


def _divider_shaped(text: str) -> bool:
    return text.strip().endswith(":") and len(text) < 80


def _is_contents(rest: list[Line], start: int, end: int, genres: list[str]) -> bool:
    """A list right after the title is a table of contents on a briefing page, or when one
    of its items recurs further down as a line of its own (a section heading); otherwise
    (a statement's numbered points) it is body text."""
    if "briefing" in genres:
        return True
    items = set()
    for ln in rest[start:end]:
        item = _TOC_ITEM.match(ln.text)
        if item:
            items.add(heading_key(item["item"]))
    return any(heading_key(ln.text) in items for ln in rest[end:])


def _is_divider(rest: list[Line], i: int) -> bool:
    """An unnumbered 'Answers to media questions:' line between two contents items."""
    return (
        _divider_shaped(rest[i].text)
        and i + 1 < len(rest)
        and _TOC_ITEM.match(rest[i + 1].text) is not None
    )


def _split_footer(rest: list[Line]) -> tuple[int, list[str], list[Chrome]]:
    """Index where the footer starts in ``rest``, the tags, and the footer's chrome."""
    start = len(rest)
    while start > 0:
        text = rest[start - 1].text.strip()
        if text.lower() in _FOOTER_CHROME or _is_tag(text):
            start -= 1
        else:
            break
    block = rest[start:]
    if not any(ln.text.strip().lower() in _FOOTER_CHROME for ln in block):
        return len(rest), [], []
    tags: list[str] = []
    chrome: list[Chrome] = []
    for ln in block:
        text = ln.text.strip()
        if text.lower() in _FOOTER_CHROME:
            chrome.append(_chrome("footer", ln))
        else:
            tags.append(" ".join(text.split()))
            chrome.append(_chrome("tag", ln))
    return start, tags, chrome


def _is_tag(text: str) -> bool:
    """An organisation tag: a name and its abbreviation, one of them in parentheses
    (``Council of Europe (CoE)``, ``NATO (North Atlantic Treaty Organization)``); a
    body line with a stage direction (``Thank you all (Applause)``) is not one."""
    match = _TAG.match(text)
    if match is None:
        return False
    outer, inner = match["outer"].strip(), match["inner"].strip()
    if any(w.strip(".,!?").lower() in _STAGE_WORDS for w in (outer + " " + inner).split()):
        return False
    return (_ABBREVIATION.match(inner) is not None and _organisation_name(outer)) or (
        _ABBREVIATION.match(outer) is not None and _organisation_name(inner)
    )


def _organisation_name(text: str) -> bool:
    """Capitalised words, with 'of', 'for', 'and'... between them."""
    words = text.replace(",", " ").split()
    return (
        bool(words)
        and words[0][0].isupper()
        and all(w[0].isupper() or w[0].isdigit() or w in _ORG_CONNECTORS for w in words)
    )
