"""The vocabulary of the page family: genres, roles, places, months, stage directions.

Every word list the grammar uses lives here, with its attributes, so that a new word
is one row: a genre wording says which genre of the model it gives; a role word says
whether it marks a title line, may stand in a role before a name, names one person,
and what its turns do (``asks``: a question; ``chairs``: a statement that leaves an
open question open; ``hosts``: a broadcast host, who chairs where the questions are
labelled and asks them where they are not).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ...schema import GENRES
from .. import speakers

__all__ = [
    "ASKED_GENRES",
    "ASKING_ROLES",
    "CHAIRING_ROLES",
    "COUNTERPART_SITE",
    "DOCUMENT_WORDS",
    "FALLBACK_GENRES",
    "GENRE_OPENING",
    "GENRE_VOCABULARY",
    "GENRE_WORD",
    "HOSTING_ROLES",
    "MINISTRY_NAMED",
    "MONTHS",
    "NOT_PLACE_WORDS",
    "OFFICE_ROLES",
    "OUTLETS",
    "PERSON_ROLES",
    "PRESS_KINDS",
    "PRESS_TITLE_WORDS",
    "QUESTIONED_GENRES",
    "ROLES",
    "ROLE_NAME_WORDS",
    "ROLE_WORDS",
    "STAGE_WORDS",
    "TO_THE_PRESS",
    "TURN_ROLES",
    "Role",
    "is_cyrillic",
    "is_place",
    "letter_count",
    "lower_count",
    "month_number",
]

COUNTERPART_SITE = r"(?:the\s+)?u\.?s\.?\s+department\s+of\s+state"
"""A counterpart government's site name (lower case): a masthead and footer line of its
own, and a prefix before the title on its line (``US Department of State REMARKS ...``)."""

OUTLETS = frozenset(
    {
        *("euronews", "cnn", "bbc", "rt", "tass", "ria novosti", "ria", "interfax", "sputnik"),
        *("kommersant", "izvestia", "rossiya", "channel one", "russia today", "reuters", "afp"),
        *("bloomberg", "nbc", "cbs", "abc", "fox news", "al jazeera", "cgtn", "xinhua", "nhk"),
        *("newsweek", "le figaro", "le monde", "der spiegel", "spiegel", "die zeit"),
        *("the guardian", "the times", "financial times", "the telegraph", "france 24", "dw"),
        *("rbc", "vesti", "ntv", "lenta.ru", "rossiyskaya gazeta", "trud", "ogonyok"),
    }
)
"""News outlets (folded) whose name, as a turn label, is the outlet's interviewer
asking (``Euronews: When we see ...``), and, closing a line, makes it title-like (``...,
for RT``), naming no genre."""

PRESS_TITLE_WORDS = frozenset(
    {
        *("daily", "observer", "times", "post", "herald", "gazette", "tribune", "journal"),
        *("review", "chronicle", "express", "telegraph", "mail", "standard", "monitor"),
        *("news", "newspaper", "magazine", "weekly", "courier", "inquirer", "gazeta"),
    }
)
"""Words (folded) a newspaper's name ends with, or opens with (``Daily``): a label of up
to four capitalised words ending with one (``The Ethiopian Herald:``, ``Daily
Observer:``, ``Herald:`` for short) is the outlet's, as a name of :data:`OUTLETS` is."""

_CLOSING_OUTLET = (
    r"for (?:the )?(?:"
    + "|".join(re.escape(o) for o in sorted(OUTLETS, key=len, reverse=True))
    + r")(?=\)?$)"  # '... (Ambassador Alexander Yakovenko for RT)'
)
PRESS_KINDS = (
    r"(?:news\s+|information\s+)?agency|newspaper|magazine|journal|(?:tv\s+|television\s+)?"
    r"channel|tv|television|radio|daily|weekly|news\s+portal"
)
"""The kinds of outlet a text names (a regex alternation, to be matched ignoring case):
before an outlet's name in its label (``News agency TASS:``), after it in a title
(:data:`TO_THE_PRESS`)."""
TO_THE_PRESS = re.compile(
    r"\b(?:to|for)\s+(?:the\s+)?(?:[\"“«]?[A-Z][\w.’'\-]*[\"”»,]?\s+){0,4}"
    rf"(?i:{PRESS_KINDS})\b"
)
"""A title's words naming the press its text was given to (``Comment ... to Izvestia
newspaper``, ``... for the RIA Novosti news agency``): a comment or answers given to a
journalist, who asks."""
MINISTRY_NAMED = re.compile(r"\b(?:Foreign Ministry|Ministry of Foreign Affairs|MFA)\b")
"""The ministry by name (``the Russian Foreign Ministry briefing``)."""
QUESTIONED_GENRES = frozenset({"answers to questions", "interview", "news conference"})
"""Genres whose text holds the press's questions: a paragraph that asks before the
speaker's label is one."""
ASKED_GENRES = frozenset({"comment", "answers to questions"})
"""Genres whose text, given to the press (:data:`TO_THE_PRESS`), is the press's questions
and the answers, as an interview's always is."""

# a headline's verb of an interview: 'Russian Ambassador talked to "Bangkok Post" journalists'
_TALKED_TO = r"(?:talk(?:s|ed)|spoke|speaks) to\b"
FALLBACK_GENRES: tuple[tuple[str, str], ...] = (
    ("interview", _CLOSING_OUTLET),
    ("interview", _TALKED_TO),
)
"""Wordings that give a title its genre only when it names no other: '..., for RT' is an
interview given to RT, but 'Sergey Lavrov's article for Rossiyskaya Gazeta' an article;
'<Role> talked to <outlet>' an interview, but '... speaks to students at MGIMO' a speech."""

# (genre of the model, wording). A title names one of these; an entry without a genre
# makes a line title-like but gives no genre. Earlier rows win where wordings overlap.
DOCUMENT_WORDS = r"gist|summary|transcript|excerpts?|extracts?|full text"
"""Words for a document of an event (lower case, a pattern's alternatives): what opens a
title naming its genre (``Gist of ...``) or the editor's line announcing the text
(``Excerpts of the Ambassador's remarks:``)."""

GENRE_VOCABULARY: tuple[tuple[str | None, str], ...] = (
    ("opening remarks", r"opening remarks"),
    (
        "answers to questions",
        r"(?:answers?|responses?) to (?:a |the )?"
        r"(?:media |journalists[’']? |reporters[’']? |press |students[’']? )?questions?"
        r"(?: (?:of|from) (?:the )?(?:media|journalists|press))?",
    ),
    ("news conference", r"(?:joint )?(?:news|press)[ -]conference|(?:joint )?press availability"),
    ("remarks", r"remarks"),
    ("remarks", r"press encounter|(?:media |press )?stakeout"),  # the UN's words for it
    ("statement", r"(?:joint )?statements?"),
    ("statement", r"explanations? of (?:the )?(?:vote|position)"),  # the UN's: after a vote
    ("speech", r"speech"),
    ("address", r"address"),
    ("lecture", r"lecture"),
    ("interview", r"interview(?:s|ed)?"),  # also verbs: '<Name> interviewed by <Outlet>'
    ("interview", r"conversation with"),  # 'A Conversation with Sergey Lavrov'
    ("briefing", r"briefing"),
    ("article", r"article"),
    # the Russian site's titles: 'Выступление Посла А.В.Яковенко на Приеме ...'
    ("speech", r"выступлени[ея]"),
    ("interview", r"интервью"),
    ("briefing", r"брифинг[аеу]?"),
    ("news conference", r"пресс-конференци[ияю]"),
    ("statement", r"заявлени[ея]"),
    ("article", r"стать[яи]"),
    ("comment", r"комментари[йя]"),
    ("answers to questions", r"ответы? на вопрос\w*"),
    ("comment", r"comments?|commentary"),
    # the verb: '<Name> answers questions from the media'
    (
        "answers to questions",
        r"answers? (?:media |journalists[’']? )?questions(?: (?:from|of) (?:the )?"
        r"(?:media|journalists|press))?",
    ),
    ("answers to questions", r"answers?"),
    ("answers to questions", r"q\s?&\s?a"),  # 'Q&A with the Deputy Minister ...'
    # an outlet's name closing the line makes it title-like: '... Alexander Yakovenko, for
    # RT' (its genre, if the line names no other: FALLBACK_GENRES)
    (None, _CLOSING_OUTLET),
    (None, _TALKED_TO),  # '<Role> talked to <outlet>': its genre, FALLBACK_GENRES's
    ("answers to questions", r"takes? questions"),  # '<Name> speaks and takes questions'
    ("speech", r"speaks"),
    ("answers to questions", r"responses?"),  # 'Response by <Name> to Questions from ...'
    ("answers to questions", r"repl(?:y|ies)"),  # 'Reply by <Name> to a media question'
    (None, r"greetings"),
    (None, r"message"),
    (None, r"talking points"),
    (None, r"(?<=\()excerpts?(?=\))"),  # '... During a Cabinet Meeting (Excerpts)'
)
assert {g for g, _ in GENRE_VOCABULARY if g is not None} <= set(GENRES)


@dataclass(frozen=True)
class Role:
    """A role word and what it does on a page."""

    word: str
    title: bool = False  # makes a line naming a genre a title candidate ('Minister')
    in_name: bool = False  # may stand in the role before a name ('Deputy Foreign Minister')
    person: bool = False  # names one person: a name may follow in apposition
    turn: str | None = None  # a turn label of this role: "asks" | "chairs" | "hosts"


ROLES: tuple[Role, ...] = (
    Role("Minister", title=True, in_name=True, person=True),
    Role("Ministers", in_name=True),
    Role("Ministry", title=True, in_name=True),
    Role("FM", title=True),
    Role("Spokesperson", title=True, in_name=True, person=True),
    Role("Spokesman", title=True, in_name=True, person=True),
    Role("Spokeswoman", title=True, in_name=True, person=True),
    Role("Secretary", title=True, in_name=True, person=True),
    Role("President", title=True, in_name=True, person=True),
    Role("Ambassador", title=True, in_name=True, person=True),
    Role("Envoy", title=True, in_name=True, person=True),
    Role("Representative", title=True, in_name=True, person=True),
    Role("Department", title=True, in_name=True),
    Role("Embassy", title=True),
    Role("Director", in_name=True, person=True),
    Role("Chairman", in_name=True, person=True, turn="chairs"),
    Role("Chair", in_name=True, person=True, turn="chairs"),
    Role("Commissioner", in_name=True, person=True),
    Role("Chancellor", in_name=True, person=True),
    Role("Adviser", in_name=True, person=True),
    Role("Advisor", in_name=True, person=True),
    Role("Consul", in_name=True, person=True),
    Role("Affaires", title=True, in_name=True, person=True),  # 'Chargé d’Affaires'
    *(
        Role(w, in_name=True)
        for w in (
            *("Foreign", "Deputy", "First", "Vice", "Prime", "Permanent", "Head", "State"),
            *("Special", "Presidential", "General", "Chief", "Senior", "Acting", "Executive"),
            *("Press", "Affairs", "Russian", "Speaker", "Mr", "Ms", "Mrs", "Dr"),
        )
    ),
    # roles that ask: their turns are questions
    *(
        Role(w, turn="asks")
        for w in (
            *("Interviewer", "Journalist", "Correspondent", "Reporter", "Participant"),
            *("Student", "Audience", "Voice", "Questioner"),
            *("Journal", "Magazine", "Newspaper", "Editor"),  # the publication asking
        )
    ),
    # roles that chair or interpret: statements that leave an open question open
    *(Role(w, turn="chairs") for w in ("Moderator", "Interpreter", "Translator")),
    # a broadcast's host: chairs where questions are labelled, else asks them
    *(Role(w, turn="hosts") for w in ("Host", "Presenter", "Anchor")),
)

ROLE_WORDS = tuple(r.word for r in ROLES if r.title)
"""Role words that make a line naming a genre a title candidate (plural allowed)."""
ROLE_NAME_WORDS = frozenset(r.word for r in ROLES if r.in_name)
"""Words of a role before a name: never a word of the name itself."""
PERSON_ROLES = frozenset(r.word for r in ROLES if r.person)
"""Role words naming one person: 'the French Foreign Minister, Laurent Fabius'."""
OFFICE_ROLES = frozenset(r.word for r in ROLES if r.person and r.turn is None)
"""Role words of an office one person holds ('Minister', 'Ambassador'): who holds it
speaks, never asks."""
ASKING_ROLES = frozenset(r.word.lower() for r in ROLES if r.turn == "asks")
CHAIRING_ROLES = frozenset(r.word.lower() for r in ROLES if r.turn == "chairs")
HOSTING_ROLES = frozenset(r.word.lower() for r in ROLES if r.turn == "hosts")
TURN_ROLES = ASKING_ROLES | CHAIRING_ROLES | HOSTING_ROLES
"""Role words (lower case) whose turns are questions or statements of their own."""

NOT_PLACE_WORDS = (
    *("Minister", "Ministerial", "Ministry", "Council", "Conference", "Summit", "Forum"),
    *("Meeting", "Session", "Committee", "Assembly", "Affairs", "Development", "Union"),
    *("Organisation", "Organization", "Commonwealth", "Agency", "University", "Club"),
    *("Programme", "Talks", "Secretary", "President", "Readings", "Congress", "Institute"),
)
"""Words that make a title segment a body or an event, not a place."""
# a line that names a genre (the title does)
GENRE_WORD = re.compile(r"\b(?:" + "|".join(p for _, p in GENRE_VOCABULARY) + r")\b", re.IGNORECASE)
GENRE_OPENING = re.compile(
    r"^(?:" + "|".join(p for g, p in GENRE_VOCABULARY if g and "$" not in p) + r")"
    r"\s+(?:with|by|of|to|at|from|for|on)\b",
    re.IGNORECASE,
)
"""A line opening with its genre and a preposition (``INTERVIEW WITH VLADIMIR CHIZHOV,
...``, ``Remarks by ...``): a title's words, never a speaker's label."""
NOT_PLACE = re.compile(r"\b(?:" + "|".join(NOT_PLACE_WORDS) + r")\b")
PLACE_WORD = re.compile(r"^(?:[A-Z][\w’'.\-]*|of|on|upon|am)$")

# Month names: English (any case, full or abbreviated: 'Sept.', 'Dec'), Russian in the
# genitive, as dates are written ('12 марта 2019 г.'), and the site's other locales' in
# full; all map to the month's number.
_ENGLISH_MONTHS = (
    *("january", "february", "march", "april", "may", "june", "july", "august"),
    *("september", "october", "november", "december"),
)
_RUSSIAN_MONTHS = (
    *("января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа"),
    *("сентября", "октября", "ноября", "декабря"),
)
# the month names of the ministry site's other locales (French, German, Spanish), in full
# and as written: a page saved from the site in one of them has its header in it
# ('29 novembre 201118:11')
_LOCALE_MONTHS = (
    "janvier février mars avril mai juin juillet août septembre octobre novembre décembre",
    "januar februar märz april mai juni juli august september oktober november dezember",
    "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre",
)
_LOCALE_NUMBERS = {m: i for names in _LOCALE_MONTHS for i, m in enumerate(names.split(), start=1)}
# the Russian abbreviations of a site's date stamps: 'Июл 16th, 2011', 'Май 5, 2012'
_RUSSIAN_ABBREVIATIONS = (
    *("янв", "фев", "мар", "апр", "май", "июн", "июл", "авг", "сен", "окт", "ноя", "дек"),
)
MONTHS = {
    **{m[:3]: i for i, m in enumerate(_ENGLISH_MONTHS, start=1)},
    **{m[:3]: i for i, m in enumerate(_RUSSIAN_MONTHS, start=1)},
    **{m: i for i, m in enumerate(_RUSSIAN_ABBREVIATIONS, start=1)},
}
"""The first three letters of a month name, folded, to the month's number (a locale's
names: in full, :data:`_LOCALE_NUMBERS`)."""
MONTH_PATTERN = (
    r"(?i:(?P<month>(?:January|February|March|April|May|June|July|August|September|October"
    r"|November|December)|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?"
    r"|(?:" + "|".join(_RUSSIAN_MONTHS) + r")"
    r"|(?:" + "|".join(_RUSSIAN_ABBREVIATIONS) + r")\.?(?!\w)"
    r"|(?:" + "|".join(sorted(_LOCALE_NUMBERS, key=len, reverse=True)) + r")(?!\w)))"
)
WEEKDAY_PATTERN = r"(?i:(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs)?|Fri|Sat(?:ur)?|Sun)(?:day)?\.?)"


def month_number(name: str) -> int:
    folded = name.lower()
    return _LOCALE_NUMBERS.get(folded) or MONTHS[folded[:3]]


STAGE_WORDS = frozenset(
    {
        *("applause", "laughter", "laughs", "off-mike", "inaudible", "crosstalk", "pause"),
        *("interruption", "indistinct"),
    }
)
"""Words of a stage direction: 'Thank you all (Applause)' is never an organisation tag."""


def is_place(segment: str) -> bool:
    """Up to four capitalised words that name no genre, body or person (``M.V.Zakharova``
    or ``Andrey M. Maslov`` after a comma is the speaker, not a place: a place has no
    initial)."""
    words = segment.split()
    return (
        0 < len(words) <= 4
        and all(PLACE_WORD.match(w) or w in speakers.NAME_PARTICLES for w in words)
        and not any(len(w) == 2 and w[1] == "." for w in words)
        and not NOT_PLACE.search(segment)
        and not GENRE_WORD.search(segment)
        and speakers.resolve(segment) is None
        and speakers.INITIALLED_NAME.match(words[-1]) is None
    )


_LETTER = re.compile(r"[^\W\d_]")
CYRILLIC = re.compile(r"[\u0400-\u04ff]")
"""A Cyrillic letter."""


_ASCII_LETTERS = bytes(range(ord("A"), ord("Z") + 1)) + bytes(range(ord("a"), ord("z") + 1))
_ASCII_LOWER = bytes(range(ord("a"), ord("z") + 1))


def letter_count(text: str) -> int:
    """How many letters ``text`` holds (counted in C, no loop over characters): in ASCII
    text the letters are ``A-Z`` and ``a-z``, counted as the bytes a translate drops."""
    if text.isascii():
        raw = text.encode("ascii")
        return len(raw) - len(raw.translate(None, _ASCII_LETTERS))
    return len(_LETTER.findall(text))


_LOWER = re.compile(r"[a-zß-ÿа-яё]")  # lower-case Latin and Cyrillic letters


def lower_count(text: str) -> int:
    """How many lower-case Latin and Cyrillic letters ``text`` holds (counted in C); in
    ASCII text they are ``a-z``, counted as the bytes a translate drops."""
    if text.isascii():
        raw = text.encode("ascii")
        return len(raw) - len(raw.translate(None, _ASCII_LOWER))
    return len(_LOWER.findall(text))


def is_cyrillic(text: str) -> bool:
    """A line in Cyrillic (60% of six or more letters) on an English page: the Russian
    original's title, a masthead, or a site's Russian tag."""
    if text.isascii():
        return False
    letters = letter_count(text)
    return letters >= 6 and len(CYRILLIC.findall(text)) >= 0.6 * letters
