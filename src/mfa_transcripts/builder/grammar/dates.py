"""Dates, publication headers, date lines and time stamps.

* A **publication header** (old site, until about 2021) is ``23 August 202019:37``:
  day, month name, year and HH:MM glued together (a space or comma before the time also
  occurs), Moscow time; an embassy header is ``10 november / 2017``. Only these two
  shapes give a publication date.
* A **date** is ``Month D, YYYY`` or ``D Month YYYY`` (month names in any case, full or
  abbreviated, Russian in the genitive: ``12 марта 2019 г.``, or in full in the site's
  other locales, French, German and Spanish: ``29 novembre 201118:11``; the comma after the day
  may be missing, ``April 6 2021``, and one may stray after the month, ``27 March ,
  2012``).
* A **date line** is a date on a line of its own (``September 9, 2016``); a weekday may
  precede it and a time follow it (``Thursday, 02 July 2015 09:54``), a place may
  precede or follow it (``Solnechnogorsk, July 28, 2025``, ``20 May 2010, Brussels``),
  parentheses may enclose it (``(January 18, 2007)``); the day may read ``14th of May``.
* A **time stamp** is chrome, never a date (it is no ministry header, and its day order
  and time zone are unknown): ``5-12-2014, 16:44``, ``Submitted on Tue, 04/21/2015 -
  22:00``, ``10:07 06.04.2021 •``, ``21.04.1912:50`` (the time glued to a two-digit
  year), or a time alone (``Moscow, 14:05``). Nor does a date line give a publication
  date: only the two header shapes do.
* An agency's **dateline** may open the first paragraph of a repost: ``OREANDA-NEWS.
  December 2, 2009. Mr. Chairman; ...``, ``MOSCOW, March 23, 2004 (RIA Novosti) - ...``,
  ``MOSCOW, July 28 – RIA Novosti. ...``, ``OTTAWA, January 19. /TASS/. ...``. It is the
  agency's, chrome, and gives no date.
* The **title's date** ends it: ``..., Month D, YYYY`` or ``(City, Month D, YYYY)``, or
  is followed only by its place (``..., 8 October 2013, Bali, Indonesia``); a month and
  year alone (``..., October 2019``) end it too but give no day. Failing that, a date
  the title gives inside it after the verb that dates it (``..., published on February
  6, 2004, under the heading ...``) is the title's date.
"""

from __future__ import annotations

import re
from datetime import date, datetime, time, timedelta, timezone

from ...errors import Problem
from .lexicon import MONTH_PATTERN, WEEKDAY_PATTERN, is_place, month_number

__all__ = [
    "ANY_DATE",
    "DATE_LINE",
    "GLUED_DATE",
    "MOSCOW",
    "PUBLICATION_LINE",
    "STAMP",
    "TIME",
    "date_line",
    "line_place",
    "make_date",
    "match_date",
    "parse_header",
    "title_date_inside",
    "title_date_match",
    "title_month_match",
]

MOSCOW = timezone(timedelta(hours=3), "MSK")
_MONTH = MONTH_PATTERN
_YEAR = r"(?P<year>\d{4})(?:\s*г(?:\.|(?!\w)))?"  # '2019 г.' (Russian 'year'), its stop may go
TIME = r"\d{1,2}:\d{2}(?::\d{2})?"

HEADER_GLUED = re.compile(
    rf"^\s*(?P<day>\d{{1,2}}) {_MONTH} (?P<year>\d{{4}}),?[ \t]*"
    rf"(?P<hh>\d{{2}}):(?P<mm>\d{{2}})\s*$"
)
HEADER_EMBASSY = re.compile(rf"^\s*(?P<day>\d{{1,2}}) {_MONTH} / (?P<year>\d{{4}})\s*$")
_ORDINAL = r"(?i:st|nd|rd|th)?"  # 'July 16th, 2011', 'JULY 20TH, 2012'
_DATE_MDY = (
    # 'July25, 2016', 'Nov 1,2018', 'July, 20th, 2012'
    rf"{_MONTH}(?:, | ?)(?P<day>\d{{1,2}}){_ORDINAL}(?:,\s*| ){_YEAR}"
)
_DATE_DMY = rf"(?P<day>\d{{1,2}}){_ORDINAL}(?i: of)? {_MONTH}(?: ?,)? {_YEAR}"  # '14th of May 2014'
# One pattern cannot name a group twice, so the day-first groups are renamed with an
# 'x' prefix; match_date reads either.
DATE = rf"(?:{_DATE_MDY}|{_DATE_DMY.replace('?P<', '?P<x')})"
_ZONE = r"(?:[ECMP][SD]?T|GMT|UTC|BST|CES?T|MSK)"  # a broadcast's time zone: 'ET', 'EDT'
DATE_LINE = re.compile(
    # a broadcast's air date: 'Aired March 26, 2003 - 11:33 ET', 'July 3, 2009 at 6:30 PM EDT'
    rf"^\s*\(?(?:(?i:aired|broadcast)(?:\s+on)?\s+)?"
    rf"(?:{WEEKDAY_PATTERN},?\s+)?"
    # a place before it, perhaps with its country: 'Moscow, Russia, 18 March 2010'
    rf"(?:(?P<place>[A-Z][^\d,:;()]{{1,40}}(?:,\s+[A-Z][^\d,:;()]{{1,40}})?),\s+)?"
    rf"{DATE}(?:(?:,?\s+|\s+at\s+|\s+[-–]\s+)(?P<time>{TIME})"
    rf"(?:\s?[ap]\.\s?m\.|\s?[AaPp][Mm]\b)?(?:\s+{_ZONE}\b)?)?"
    # a place after it, perhaps with its country: '..., 4:30 p.m. Moscow, Russia'
    rf"(?:,?\s+(?P<after>[A-Z][^\d,:;()]{{1,40}}(?:,\s+[A-Z][^\d,:;()]{{1,40}})?))?\)?\.?"
    # a republisher's note in brackets after it: 'June 21, 2010 [translation from JRL]'
    r"(?:\s+\[[^\[\]\n]{1,60}\])?\s*$"
)
STAMP = re.compile(
    rf"^\s*(?i:(?P<lead>submitted|posted|published|updated)(?:\s+on)?:?\s+)?"
    rf"(?:{WEEKDAY_PATTERN},?\s+)?"
    rf"(?:(?P<t1>{TIME})\s+)?"
    rf"(?:(?P<a>\d{{1,2}})(?P<sep>[./-])(?P<b>\d{{1,2}})[./-]"
    rf"(?P<y>\d{{4}}|\d{{2}}(?=\s*[,-]?\s*{TIME}))"
    rf"|(?P<iy>\d{{4}})-(?P<im>\d{{2}})-(?P<id>\d{{2}}))"
    rf"(?:\s*[,-]?\s*(?P<t2>{TIME}))?\s*•?\s*$"
)
_ANY_MONTH = _MONTH.replace("?P<month>", "?:")
_ANY_DAY = rf"(?:{_ANY_MONTH}\s\d{{1,2}}|\d{{1,2}}\s{_ANY_MONTH})"  # 'March 23', '23 March'
ANY_DATE = rf"{_ANY_DAY}{_ORDINAL},?\s\d{{4}}"
"""A date in either day order, without named groups, to embed in other patterns: ``1 April
2022``, ``April 1, 2022``."""
GLUED_DATE = re.compile(rf"(?<!\w){ANY_DATE}(?=[A-Z])")
"""A date with the next line's text glued to its year, the line break between them lost
(``09 November, 2015Edward Nalbandian: Good afternoon``): the text starts a line."""
_AGENCY = (  # '(RIA Novosti) -', '– RIA Novosti.', '. /TASS/.', '—'
    r"(?:\([^()\n]{2,40}\)\s*[-–—]|\s*[-–—]\s*[^.\n]{2,40}\.|\.\s*/[^/\n]{2,20}/\.|\s*[-–—])"
)
DATELINE = re.compile(
    # 'OREANDA-NEWS. December 2, 2009. '
    rf"^\s*(?:[A-Z][A-Z\-]{{2,}}(?:\s[A-Z\-]{{2,}}){{0,2}}\.\s+{_ANY_DAY}{_ORDINAL},?\s\d{{4}}\."
    # 'MOSCOW, March 23, 2004 (RIA Novosti) - '
    rf"|[A-Z][A-Z\-' ]{{2,30}},\s+{_ANY_DAY}(?:,?\s\d{{4}})?\s*{_AGENCY}"
    # '(Interfax – August 28, 2014) '
    rf"|\([A-Z][\w.\- ]{{1,30}}?\s*[-–—,]\s*{_ANY_DAY}(?:,?\s\d{{4}})?\))\s+(?=\S)"
)
TITLE_DATE = re.compile(rf"(?:,\s*|\s+){DATE}[.:]?\s*$")
# the title's date before its place: '..., on 8 October 2013, Bali, Indonesia'
TITLE_DATE_PLACE = re.compile(
    rf"(?:,\s*|\s+){DATE}(?P<place>(?:,\s*[A-Z][^\d,:;()]{{1,30}}){{1,2}})[.:]?\s*$"
)
# a date inside the title, after the verb that dates it: '..., PUBLISHED ON FEBRUARY 6,
# 2004, UNDER THE HEADING ...'
TITLE_DATED_INSIDE = re.compile(
    rf"\b(?i:published|given|granted|released|posted)\s+(?i:on)\s+{DATE}(?=[,.;:\s]|$)"
)
TITLE_PAREN = re.compile(rf"\s*\((?:(?P<place>[^()]*?),\s*)?{DATE}\)[.:]?\s*$")
# what introduces the title's date: '..., published on July 3, 2017'
DATE_LEAD_IN = re.compile(r"(?:,\s*|\s+)(?:(?:published|released|posted)\s+)?on$", re.IGNORECASE)
PUBLICATION_LINE = re.compile(
    r"^(?:first\s+)?(?:published|released|posted|printed|aired|broadcast|recorded)\s", re.I
)
"""A line saying where and when the text came out (``Published by Zimbabwean Newspaper
The Herald on February 18th, 2021``): no part of the title above it; closed by a date,
it dates the text as a date line does."""
TITLE_MONTH = re.compile(rf"(?:,\s*|\s+){_MONTH}\s+\d{{4}}[.:]?\s*$")


def parse_header(
    name: str, line: int, text: str, warnings: list[Problem]
) -> tuple[date, datetime | None] | None:
    """(publication date, Moscow time) of a header line; None when the line is no header
    or its date does not exist (an ``invalid-date`` warning; an impossible time is left
    out with one)."""
    for pattern in (HEADER_GLUED, HEADER_EMBASSY):
        match = pattern.match(text)
        if match:
            day = make_date(name, line, match, warnings)
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


def make_date(name: str, line: int, match: re.Match[str], warnings: list[Problem]) -> date | None:
    """The date a match gives, or None and an ``invalid-date`` warning naming the line."""
    try:
        return match_date(match)
    except ValueError:
        warnings.append(_invalid_date(name, line, match.group().strip(), "a calendar date"))
        return None


def match_date(match: re.Match[str]) -> date:
    """The date of a match of a date pattern (either day order, see :data:`DATE`);
    raises ValueError for a date that does not exist."""
    groups = {k.lstrip("x"): v for k, v in match.groupdict().items() if v is not None}
    return date(int(groups["year"]), month_number(groups["month"]), int(groups["day"]))


def _invalid_date(name: str, line: int, found: str, what: str) -> Problem:
    return Problem(
        "invalid-date",
        name,
        f"expected {what}, found {found!r}, which does not exist; left out",
        line,
        severity="warning",
    )


_YEAR_NEAR_END = re.compile(r"\d{4}[^\d]{1,64}$")
# what may follow a title date's year: whitespace (``\s`` is ``str.isspace``; none above
# U+3000), 'г.', a closing parenthesis, a full stop or colon
_AFTER_YEAR = "".join(c for c in map(chr, range(0x3001)) if c.isspace()) + "г.:)"


def title_date_match(text: str) -> re.Match[str] | None:
    """The date ending a title: ``(City, Month D, YYYY)`` or ``..., Month D, YYYY``, or
    followed by its place (``..., 8 October 2013, Bali, Indonesia``)."""
    tail = text.rstrip()[-1:]
    if not (tail.isdigit() or tail in {")", ".", ":", "г"}):
        # a cheap test first: a title date ends in a digit, ')', '.', ':' or 'г' (the
        # Russian 'year' after it), or a place or two follow it
        late = TITLE_DATE_PLACE.search(text) if _YEAR_NEAR_END.search(text) else None
        if late is None or not all(is_place(p) for p in late["place"].split(",")[1:]):
            return None
        return late
    if not text.rstrip(_AFTER_YEAR)[-4:].isdigit():
        # both patterns end with the year, and after it only 'г.', ')', '.', ':' and
        # whitespace: a line that does not is no dated title (most lines ending with a
        # full stop), without two searches that try every position of it
        return None
    return TITLE_PAREN.search(text) or TITLE_DATE.search(text)


def title_month_match(text: str) -> re.Match[str] | None:
    """A month and year ending a title (``..., October 2019``): no day, so no date."""
    return TITLE_MONTH.search(text)


def date_line(text: str) -> re.Match[str] | None:
    """A date line ('September 9, 2016', 'Thursday, 02 July 2015 09:54', '..., 4:30
    p.m.', 'Feb 6, 2024.'); a place may precede the date ('Solnechnogorsk, July 28,
    2025') or follow it ('20 May 2010, Brussels', '... 4:30 p.m. Moscow, Russia'), and
    parentheses may enclose it ('(January 18, 2007)'), and a note in brackets follow it
    ('June 21, 2010 [translation from JRL]')."""
    match = DATE_LINE.match(text)
    if match is None or (text.lstrip()[:1] == "(") != (text.rstrip()[-1:] == ")"):
        return None
    if match["after"] and not match["time"] and text[: match.start("after")].rstrip()[-1:] != ",":
        return None  # a place after the date has its comma, unless a time stands between
    before = match["place"].split(", ") if match["place"] else []
    after = match["after"].split(", ") if match["after"] else []
    if not all(is_place(p) for p in (*before, *after)):
        return None
    return match


def line_place(match: re.Match[str]) -> str | None:
    """The place a date line names, before or after its date."""
    place = match["place"] or match["after"]
    if not place:
        return None
    place = " ".join(place.split())
    # the line's closing full stop ('20 May 2010, Brussels.'), not an abbreviation's ('D.C.')
    return place[:-1] if place.endswith(".") and len(place.split()[-1]) > 4 else place


def title_date_inside(text: str) -> re.Match[str] | None:
    """A date inside a title after the verb that dates it (``published on ...``)."""
    return TITLE_DATED_INSIDE.search(text)
