"""The title: what it says (which line it is: :mod:`.title_line`).

* **Its date** ends it (see :mod:`.dates`); a closing colon or full stop after it is not
  part of the title, nor is what introduces it (``..., published on July 3, 2017``). A
  month without a day (``..., October 2019``) also ends the title but gives no date.
* **Its place** is the run of short capitalised segments before the date, but a
  segment of two or more words after one ending in a role word naming one person
  (perhaps with ``of <Country>``) is a name in apposition (``the French Foreign
  Minister, Laurent Fabius``), not a place, and nor is a person's name
  (``..., M.V.Zakharova (May 15, 2024)``).
* **Its speaker** (names and roles are :mod:`.names`'s) is the owner of ``<Role>
  <Name>’s <genre>`` (up to two words may qualify the genre: ``’s live radio
  interview``), else the first name from the speaker registry, else the two or three
  capitalised words ending the role after a leading genre (``Speech by <Role> <Name> at
  ...``, also ``A speech ... by``, ``Excerpts from the briefing by``, ``Transcript of
  remarks by``; ``to`` may start the occasion: ``Interview of <Role> <Name> to
  Izvestia``); a name may be initials glued to a surname (``A.K.Lukashevich``), which
  after a leading genre is the speaker even past capitalised words of the role (``...
  to International Organizations in Vienna M.I.Ulyanov``). The role is what precedes
  the name, the occasion what follows the genre, which may also be a verb right after
  the name (``<Name> answers questions from the media``). ``Responses to questions`` is
  a wording of answers to questions.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date
from functools import lru_cache

from .. import speakers
from .dates import (
    ANY_DATE,
    DATE_LEAD_IN,
    TIME,
    match_date,
    title_date_inside,
    title_date_match,
    title_month_match,
)
from .lexicon import (
    COUNTERPART_SITE,
    CYRILLIC,
    FALLBACK_GENRES,
    GENRE_VOCABULARY,
    GENRE_WORD,
    PERSON_ROLES,
    is_place,
)
from .names import (
    in_apposition,
    initialled_name,
    named_after_genre,
    occasion_start,
    role_before,
    trailing_name,
)
from .registry import find_in_text

__all__ = [
    "LEADING_GENRE",
    "TitleInfo",
    "clean_title",
    "fold_spaces",
    "is_place",
    "parse_title",
    "strip_title_prefixes",
    "title_with_date",
]

_GENRE_TERMS = tuple((g, p) for g, p in GENRE_VOCABULARY if g is not None)
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


_FALLBACK_FIND = [(g, re.compile(rf"\b{p}", re.IGNORECASE)) for g, p in FALLBACK_GENRES]
_GENRE_FIND = [(g, re.compile(rf"\b{p}\b", re.IGNORECASE)) for g, p in _GENRE_TERMS]
# Each term's screen: its pattern without the leading word boundary, which matches
# wherever the pattern does (and more), and which the regex engine can look for by its
# first characters, where an assertion first makes it try every position. A title the
# screen finds nothing in holds no match of the term.
_GENRE_SCREENS = [re.compile(p.pattern.removeprefix("\\b"), p.flags) for _, p in _GENRE_FIND]


# 'Speech by ...', also after an article or a partitive: 'A speech and answers ... by',
# 'Excerpts from the briefing by', 'Transcript of remarks by'
LEADING_GENRE = re.compile(
    r"^(?:(?:excerpts?|extracts?|transcript|full text)\s+(?:from|of)\s+)?(?:(?:a|an|the)\s+)?"
    r"(?:(?:exclusive|joint|extended|special|live)\s+)?"  # 'Exclusive interview with'
    rf"(?P<genre>{_GENRE_TERM}(?:(?:,\s*|\s+and\s+){_GENRE_TERM})*)"
    # 'Remarks to the press by <Name>', 'Statement for the media by <Name>'
    r"(?:\s+(?:to|for)\s+(?:the\s+)?(?:press|media|journalists))?"
    # a passive: 'Excerpts from the interview given by <Name>'
    r"(?:\s+(?:given|granted|delivered|made|held|conducted))?"
    # 'Interview with <Name>', or a dash before the name: 'Exclusive Interview – H.E. ...'
    r"(?:\s+(?:by|of|from|with|to)\s+(?:the\s+)?|\s+[–—-]\s+(?=(?:H\.\s?E\.|His |Her )))",
    re.IGNORECASE,
)


_PREPOSITION = re.compile(
    r"^(?:at|during|following|after|on|in|before|with|to|for|from|given to|ahead of|"
    r"as part of)\s+",
    re.IGNORECASE,
)


_POSSESSIVE = re.compile(r"^[’']s\s+")


_POSSESSIVE_MARK = re.compile(r"(?<=\w)[’']s\s+|(?<=s)[’']\s+")  # also 'Dendias’ statements'


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


TITLE_PREFIXES: tuple[str, ...] = (
    r"\d{1,2}\.\d{1,2}\.\d{2}(?:\d{2})?\.?\s+(?=[A-Z])",  # a stamp: '17.03.04. Transcript ...'
    r"\[[^\]\n]{1,40}\]\s+(?=\S)",  # a mailing list's tag: '[wanabidii] ...'
    # a site's section before the title: 'Press Releases: Remarks With ...'
    r"(?i:press releases?|transcripts?|speeches and remarks|remarks and speeches)\s*:\s+(?=[A-Z])",
    rf"(?i:{COUNTERPART_SITE})\s+(?=[A-Z])",  # a counterpart's site name
    # a republisher presenting the title: 'We reproduce Russian Foreign Minister ...'
    r"(?i:we\s+(?:reproduce|publish|present|post|bring\s+you))\s+(?:(?i:below|here)\s+)?(?=[A-Z])",
    # an aggregator's source and stamp: 'MFA OF RUSSIA - 1 April 2022 18:13 - ...'
    rf"[A-Z][A-Z.&' ]{{1,40}}\s[-–—]\s+{ANY_DATE}(?:,?\s+{TIME})?\s+[-–—]\s+(?=[A-Z])",
)
"""What may stand before the title on its line and is not the title, in any order."""
_STAMP_PREFIX = re.compile(r"^(?:" + "|".join(TITLE_PREFIXES) + ")+")


# a monitoring service's wrapper: 'Text of "Commentary by ...," published on ... on 24 February'
_QUOTED_TITLE = re.compile(
    r'^(?:full )?(?:text|transcript) of [“"](?P<title>[^“”"]{15,}?)[,.]?[”"]', re.I
)


# invisible characters around a title: variation selectors and joiners left of an emoji
_EDGE_SYMBOLS = re.compile(
    r"^[\s\ufe00-\ufe0f\u200b-\u200d\u2060\ufeff]+|[\s\ufe00-\ufe0f\u200b-\u200d\u2060\ufeff]+$"
)
# the same characters for str.strip: the whitespace (``\s`` is ``str.isspace``, and no
# character above U+3000 is whitespace) and the symbols
_EDGE_CHARS = "".join(c for c in map(chr, range(0x3001)) if c.isspace()) + "".join(
    map(chr, [*range(0xFE00, 0xFE10), 0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF])
)


# words in Cyrillic closing a title in English: a Russian site's link ('Назад', back)
_CYRILLIC_TAIL = re.compile(r"(?<=[A-Za-z0-9.,!?\"”’)])(?:\s+[А-Яа-яЁё][А-Яа-яЁё\-]*){1,3}$")
# a republisher's link word after the title: '..., December 14, 2018 (source):'
_LINK_SUFFIX = re.compile(r"\s*\((?i:source|link|original|video)\)(?=\s*:?\s*$)")  # colon kept


def strip_title_prefixes(text: str) -> str:
    """``text`` without the :data:`TITLE_PREFIXES` before it (whitespace kept) and a
    republisher's link word after it (``(source):``)."""
    text = _STAMP_PREFIX.sub("", text.lstrip(), count=1)
    return _LINK_SUFFIX.sub("", text, count=1) if text.endswith((")", ":")) else text


def clean_title(text: str) -> str:
    """A title line as the title: whitespace collapsed, no closing colon or full stop, none
    of :data:`TITLE_PREFIXES` before it (``17.03.04. Transcript of ...`` on 2004 pages,
    ``[list] Press Releases: Remarks ...``, ``MFA OF RUSSIA - 1 April 2022 18:13 - ...``) and
    no republisher's link word after it (``(source):``), no invisible variation selector
    or joiner around it (an emoji's remnant), and a monitoring service's quoted title out
    of its wrapper (``Text of "..." published on ...``), and a web page's title without
    the site's name after its bar (``Interview with ... | ASHARQ AL-AWSAT English
    Archive``), and no word in Cyrillic after a title in English (a Russian site's link:
    ``Назад``)."""
    # the edges stripped as _EDGE_SYMBOLS strips them, in C (a regex over a long line of
    # non-ASCII text tests each of its spaces for a run to the end)
    text = strip_title_prefixes(" ".join(text.strip(_EDGE_CHARS).split()))
    if (quoted := _QUOTED_TITLE.match(text)) is not None:
        return quoted["title"]
    if (
        (cyrillic := _CYRILLIC_TAIL.search(text)) is not None
        and cyrillic.start() >= 15
        and CYRILLIC.search(text, 0, cyrillic.start()) is None  # the title is in English
    ):
        text = text[: cyrillic.start()]  # a Russian site's link after it: '... magazine Назад'
    if " | " in text:  # a web page's title: '<title> | <the site's name>'
        title, _, site = text.rpartition(" | ")
        if len(title) >= 15 and GENRE_WORD.search(title) and not GENRE_WORD.search(site):
            text = title
    # a closing ':' or '.' (not an ellipsis's) and the whitespace before it go: what
    # re.sub(r"\s*(?<!\.)[:.]$", "", text) does to a text without a line break, without
    # a regex that tries every position of the line
    if text[-1:] in (":", ".") and text[-2:-1] != ".":
        return text[:-1].rstrip()
    return text


def title_with_date(text: str) -> tuple[str, re.Match[str]] | None:
    """A title line that ends with its date, as (the title without the date and what
    introduces it, the date's match); None when it ends with none."""
    match = title_date_match(text)
    if match is None or ("place" in match.groupdict() and match["place"]):
        return None
    return DATE_LEAD_IN.sub("", text[: match.start()]).rstrip(" ,.:"), match


@lru_cache(maxsize=1024)
def fold_spaces(text: str) -> str:
    """A title-shaped line folded for comparison: cleaned, case-folded, no whitespace.
    Cached: the title search folds the same few lines again and again."""
    return "".join(speakers.fold(clean_title(text)).split())


def _title_date(title: str) -> tuple[date | None, str | None, str]:
    """(date, place in parentheses, title without the date part); no date when the
    title's date does not exist (:func:`split_page` refuses that page)."""
    match = title_date_match(title)
    if match is None:
        inside = title_date_inside(title)  # '..., published on February 6, 2004, under ...'
        if inside is not None:
            try:
                return match_date(inside), None, title
            except ValueError:
                return None, None, title
        month = title_month_match(title)
        return None, None, title[: month.start()].rstrip(" ,") if month else title
    try:
        day = match_date(match)
    except ValueError:
        return None, None, title
    place = match.groupdict().get("place")
    if place is not None:
        place = place.strip(" ,")  # '(Bali, ...)' or ', Bali, Indonesia' after the date
    rest = DATE_LEAD_IN.sub("", title[: match.start()].rstrip(" ,"))
    return day, (place.strip() if place else None), rest.rstrip(" ,")


# the words a title in title case keeps in lower case
_SMALL_WORDS = frozenset(
    {"a", "an", "and", "at", "by", "for", "from", "in", "into", "of", "on", "or", "the", "to"}
    | {"with", "upon", "via", "during", "after", "before"}
)


def _capitalised(part: str) -> str:
    """``part`` with its first letter a capital and the rest in lower case (``"RUSSIA``:
    ``"Russia``)."""
    for i, c in enumerate(part):
        if c.isalpha():
            return part[:i] + c.upper() + part[i + 1 :].lower()
    return part


def in_title_case(title: str) -> str:
    """A title in capitals as its grammar reads titles, in title case: each word's first
    letter (and each hyphenated part's) kept a capital, the rest in lower case, the small
    words in lower case but the first, and words of up to three letters kept as they are
    (``UN``, ``EU``, ``USA``): ``SECRETARY-GENERAL'S REMARKS AT THE UN`` is
    ``Secretary-General's Remarks at the UN``."""
    words = []
    for n, word in enumerate(title.split(" ")):
        bare = word.strip("\"'“”‘’«»()[],.:;!?")
        if n and bare.lower() in _SMALL_WORDS:
            words.append(word.lower())
        elif len(bare) <= 3 and not (n == 0 and bare.lower() in _SMALL_WORDS):
            words.append(word)
        else:
            words.append("-".join(_capitalised(part) for part in word.split("-")))
    return " ".join(words)


def _in_capitals(title: str) -> bool:
    """A title written in capitals: ten letters or more, none in lower case."""
    return title.isupper() and sum(c.isalpha() for c in title) >= 10


def parse_title(title: str) -> TitleInfo:
    """Genre, date, place, occasion, speaker and role from a title, by the title grammar.
    A title in capitals is read in title case (:func:`in_title_case`: the grammar knows
    roles, names and genres by their capitals), and its place, occasion and role are
    published as the page writes them; a speaker the registry does not know, in title
    case, as the dataset writes names."""
    if _in_capitals(title):
        cased = in_title_case(title)
        if len(cased) == len(title):  # (case mappings that change a length: none here)
            info = _parse_title(cased)

            def written(value: str | None) -> str | None:
                at = cased.find(value) if value else -1
                return title[at : at + len(value)] if value and at >= 0 else value

            return replace(
                info,
                place=written(info.place),
                occasion=written(info.occasion),
                speaker_role=written(info.speaker_role),
            )
    return _parse_title(title)


def _parse_title(title: str) -> TitleInfo:
    event_date, place, rest = _title_date(title)
    segments = [s.strip() for s in rest.split(",")]
    if place is None:
        tail: list[str] = []
        # a name in apposition to a role ('the French Foreign Minister, Laurent Fabius')
        # is not a place
        while (
            len(segments) > 1
            and is_place(segments[-1])
            and not in_apposition(segments[-2], segments[-1])
        ):
            tail.insert(0, segments.pop())
        place = ", ".join(tail) or None
    head = ", ".join(segments)

    # '... Alexander Yakovenko, for RT': an interview, where the title names no other genre
    genres = _find_genres(title) or [g for g, p in _FALLBACK_FIND if p.search(title)][:1]
    speaker = role = genre = occasion = None
    known = False
    found = find_in_text(head)
    leading = LEADING_GENRE.match(head)
    if (
        found is not None
        and leading is not None
        and not role_before(head[leading.end() : found[1]])
    ):
        stop = occasion_start(head, leading.end())
        if stop is not None and found[1] > stop:
            found = None  # the occasion's person: 'Comment by ... on Minister X's visit'

    # Who the title is about: the owner of '<Name>’s <genre>', else a registry name, else
    # (after a leading genre: 'Speech by <Role> <Name> at ...') the name ending the role;
    # an office alone owning the genre ('Secretary-General's remarks ... with Russian
    # Foreign Minister Sergey Lavrov') is its holder's, whom the title does not name.
    office = _possessive_office(head) if leading is None else None
    if office is not None:
        role, genre, rest = office
        occasion = _PREPOSITION.sub("", rest.strip(" ,"), count=1).strip()
        return TitleInfo(
            genre=genre.lower(),
            genres=genres,
            event_date=event_date,
            place=place,
            occasion=occasion or None,
            speaker=None,
            speaker_role=role,
            speaker_known=False,
        )
    named = _possessive_owner(head, leading.end() if leading else 0)
    if named is None and found is None and leading is not None:
        named = initialled_name(head, leading.end()) or named_after_genre(head, leading.end())
    if found is not None and (named is None or found[2] == named[1]):
        person, start, end = found
        speaker, known = person.name, True
        before, after = head[:start], head[end:]
    elif named is not None:
        start, end, name = named
        resolved = speakers.resolve(name)
        speaker, known = (resolved.name, True) if resolved else (speakers.written_name(name), False)
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
        # honorifics are no role: 'H.E. the Ambassador ...', 'His Excellency Mr.'
        role = speakers.HONORIFICS_BEFORE.sub("", before.strip(" ,")) or None
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


def _possessive_office(head: str) -> tuple[str, str, str] | None:
    """(the office, the genre, what follows it) of a title opening with an
    office alone owning its genre (``Secretary-General's remarks at ...``,
    ``The Spokesperson’s statement on ...``): up to four capitalised words, the last one
    (or a part of it before a hyphen) a role word naming one person."""
    mark = _POSSESSIVE_MARK.search(head)
    if mark is None or mark.start() > 60:
        return None
    owner = head[: mark.start()].strip()
    owner = owner[4:] if owner.lower().startswith("the ") else owner
    words = owner.split()
    if not 1 <= len(words) <= 4 or not all(w[:1].isupper() for w in words):
        return None
    if not any(part in PERSON_ROLES for part in words[-1].split("-")):
        return None
    after = head[mark.end() :]
    phrase = _GENRE_PHRASE.match(after)
    return (owner, phrase["genre"], after[phrase.end() :]) if phrase is not None else None


def _possessive_owner(head: str, start: int) -> tuple[int, int, str] | None:
    """(start, end, name) of the person in the first '<Role> <Name>’s <genre>' of ``head``."""
    for match in _POSSESSIVE_MARK.finditer(head, start):
        if _GENRE_PHRASE.match(head[match.end() :]):
            found = trailing_name(head[start : match.start()])
            if found is not None:
                return start + found[0], match.start(), found[1]
    return None


def _find_genres(title: str) -> list[str]:
    hits: list[tuple[int, str]] = []
    taken: list[tuple[int, int]] = []
    for (genre, pattern), screen in zip(_GENRE_FIND, _GENRE_SCREENS, strict=True):
        if screen.search(title) is None:
            continue
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
