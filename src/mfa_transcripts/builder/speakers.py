"""The speaker registry: canonical names, roles, spellings, and who speaks for the Ministry.

The curated table is ``mfa_transcripts/data/speakers.json``. Matching folds case,
Cyrillic look-alike letters (``Jоhn`` with a Cyrillic ``о``) and curly apostrophes, and
:func:`resolve` ignores punctuation around a label (``Sergey Lavrov.``, ``Lavrov,``), so
that one person has one canonical name whatever the page's spelling; a label may
carry a role before the name (``Foreign Minister of Belarus Vladimir Makei``,
``FOREIGN MINISTER LAVROV``). Punctuation inside a name is kept (``S.Lavrov``).
Initials before a one-word alias, glued or spaced (``S.A.Ryabkov``, ``A.K. Lukashevich``,
``M.V.Zakharova``), name the person the alias names: see :data:`INITIALS`.

:data:`NAME_PARTICLES` are the lower-case words that may stand between the capitalised
words of a personal name (``Staffan de Mistura``, ``Ursula von der Leyen``); the title
grammar and the turn labels both use this one list.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from importlib import resources

__all__ = [
    "HONORIFIC",
    "HONORIFICS_BEFORE",
    "INITIALLED_NAME",
    "INITIALS",
    "MIDDLE_NAME",
    "NAME_PARTICLES",
    "PATRONYMIC",
    "SURNAME_IN_CAPITALS",
    "Speaker",
    "by_name",
    "find_in_text",
    "fold",
    "registry",
    "resolve",
    "written_name",
]

INITIALLED_NAME = re.compile(r"^(?:[A-Z]\.){1,3}[A-Z][a-z][\w\-]*$")
"""Initials glued to a surname: 'S.A.Ryabkov', 'A.K.Lukashevich'."""

NAME_PARTICLES = frozenset(
    {
        "al",
        "bin",
        "da",
        "das",
        "de",
        "del",
        "della",
        "der",
        "des",
        "di",
        "dos",
        "du",
        "el",
        "ibn",
        "la",
        "le",
        "van",
        "von",
    }
)
"""Lower-case words that may stand inside a personal name: 'de Mistura', 'von der Leyen'."""
_EDGE_PUNCTUATION = ".,;:!?"
INITIALS = r"(?:[A-Za-z]\.\s?){1,3}"
"""One to three initials, each a letter and a full stop, a space allowed after each
(``S.A.``, ``A. K.``); before a surname they are part of the person's name."""

# Cyrillic letters that look like Latin ones, as they slip into English pages.
_HOMOGLYPHS = str.maketrans(
    "АВЕКМНОРСТХаеорсухіјѕԁԛԝ’‘`´",
    "ABEKMHOPCTXaeopcyxijsdqw''''",
)


_INITIALLED_END = re.compile(rf"(?:^|\s){INITIALS}(?P<surname>[^\W\d_][\w\-]*)$")


HONORIFIC = (
    r"(?:H\.\s?E\.?|H E(?= [A-Z][a-z])|His Excellency|Her Excellency|Mrs?\.?|Ms\.?|Dr\.?|Madam)"
)
"""An honorific before a name or a role (``H.E.``, ``H E``, ``His Excellency``, ``Mr``), to
embed in other patterns (the title's role, an office's holder)."""
HONORIFICS_BEFORE = re.compile(rf"^(?:{HONORIFIC}(?:\s+|$))+")
"""The honorifics opening a name or a role: ``H.E. Mr. ...``."""
PATRONYMIC = r"[A-Z][a-z]+(?:vich|vna|ichna)"
"""A Russian patronymic (``Yurievich``, ``Georgievna``), to embed in other patterns."""
MIDDLE_NAME = re.compile(rf"[A-Z]\.?|{PATRONYMIC}")
"""A middle initial (``M.``, ``A``) or a Russian patronymic (``Yurievich``, ``Vikentyevich``)."""
SURNAME_IN_CAPITALS = re.compile(r"[A-Z]{3,}(?:-[A-Z]{3,})*")
"""A surname in capitals (``IVANOVSKIY``): three letters or more, so no acronym like ``UN``."""


def written_name(name: str) -> str:
    """A name the registry does not know, as the dataset publishes it: without an
    honorific before it (``H.E.``, ``His Excellency``, ``Mr``), without a middle initial
    or a patronymic between the given name and the surname (``Andrey M. Maslov``,
    ``Alexey Yurievich Dedov``), and a surname in capitals capitalised
    (``Alexander Vikentyevich MANTYTSKIY`` is ``Alexander Mantytskiy``), as the
    registry writes the people it knows."""
    words = name.split()
    bare = HONORIFICS_BEFORE.sub("", name.strip()).split()
    if len(bare) >= 2:  # 'Mr Smith' keeps its 'Mr': a surname alone is no name
        words = bare
    if len(words) >= 3 and words[0][:1].isupper() and words[-1][:1].isupper():
        middle = [w for w in words[1:-1] if not MIDDLE_NAME.fullmatch(w)]
        words = [words[0], *middle, words[-1]]
    if len(words) >= 2 and SURNAME_IN_CAPITALS.fullmatch(words[-1]) and not words[0].isupper():
        words[-1] = "-".join(part.capitalize() for part in words[-1].split("-"))
    return " ".join(words)


def surname(person: str | None) -> str | None:
    """A person's surname, folded (the last word of the name); None for nobody."""
    return fold(person.split()[-1]) if person else None


def fold(text: str) -> str:
    """Case- and look-alike-fold ``text`` without changing its length (offsets survive)."""
    folded = text.translate(_HOMOGLYPHS)
    if folded.isascii():  # ASCII lower-cases one letter to one letter: no loop needed
        return folded.lower()
    lowered = folded.lower()
    # no letter lower-cased to two ('İ') and no capital sigma (whose lower case depends
    # on its neighbours): the whole-string lower case is the letter-by-letter one
    if len(lowered) == len(folded) and "Σ" not in folded:
        return lowered
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in folded)


@dataclass(frozen=True)
class Speaker:
    name: str
    role: str
    ministry: bool
    aliases: tuple[str, ...]


@dataclass(frozen=True)
class _Registry:
    speakers: tuple[Speaker, ...]
    # (folded alias, speaker), longest alias first so 'sergey lavrov' wins over 'lavrov'
    aliases: tuple[tuple[str, Speaker], ...]
    by_alias: dict[str, Speaker]  # folded alias -> the first speaker of ``aliases`` with it


@cache
def registry() -> _Registry:
    """The shipped speaker table (read once per process)."""
    raw = json.loads(
        resources.files("mfa_transcripts").joinpath("data/speakers.json").read_text("utf-8")
    )
    speakers = tuple(
        Speaker(s["name"], s["role"], bool(s["ministry"]), tuple({s["name"], *s["aliases"]}))
        for s in raw["speakers"]
    )
    aliases = sorted(
        ((fold(a), s) for s in speakers for a in s.aliases),
        key=lambda pair: (-len(pair[0]), pair[0]),
    )
    by_alias: dict[str, Speaker] = {}
    for alias, speaker in aliases:
        by_alias.setdefault(alias, speaker)
    return _Registry(speakers, tuple(aliases), by_alias)


_INITIAL = re.compile(r"[^\W\d_]\.")


def _name_key(word: str) -> str:
    """A given name's spelling-blind key, the first three letters of its transliteration
    folded (``sergei``, ``sergey``, ``serguei``: ``ser``; ``mikhail``, ``michail``;
    ``yevgeny``, ``evgeny``; ``vyacheslav``, ``viacheslav``)."""
    word = word.replace("kh", "h").replace("ch", "h").replace("y", "i")
    return (word[1:] if word.startswith("ie") else word)[:3]


@cache
def _given_names() -> tuple[frozenset[str], dict[str, frozenset[str]]]:
    """The given names the registry's people go by, as written (folded: the first word
    of each canonical name and its other spellings among the aliases, ``aleksandr`` for
    ``alexander``; not a role's word, ``secretary`` of ``Secretary Kerry``), and for each
    person the keys and initials (``a.``) of the first words of their own aliases of two
    or more words."""
    people = registry().speakers
    given = frozenset(
        first
        for s in people
        if " " in s.name
        for a in s.aliases
        if " " in a and _name_key(first := fold(a.split()[0])) == _name_key(fold(s.name.split()[0]))
    )
    own = {
        s.name: frozenset(
            key
            for a in s.aliases
            if " " in a
            for key in (_name_key(fold(a.split()[0])), fold(a)[0] + ".")  # and the initial
        )
        for s in people
    }
    return given, own


def misnamed(before: str, speaker: Speaker) -> bool:
    """Whether the word right before a surname names someone else (``Vladimir Orlov`` is
    not Alexander Orlov, ``Igor Lavrov`` not Sergey Lavrov): it is a given name a
    registry person goes by, spelt as the registry spells it, and none of ``speaker``'s
    own (by :func:`_name_key`, so another spelling of their own name is theirs), or, with no
    given name before it, an initial none of their given names starts with (``V.
    Orlov``; ``Sergei V. Lavrov`` is Lavrov's). ``before``: the folded text before the
    surname."""
    words = before.split()
    initials: list[str] = []  # a middle initial belongs to the given name before it ('Sergei V.')
    while words and _INITIAL.fullmatch(words[-1]):
        initials.insert(0, words.pop())
    given, own = _given_names()
    mine = own.get(speaker.name, frozenset())
    word = words[-1].strip(_EDGE_PUNCTUATION + "\"“”'(") if words else ""
    if word in given:  # a given name as the registry writes one ('Aleppo' is none)
        return _name_key(word) not in mine
    return bool(initials) and bool(mine) and initials[0] not in mine


def alias_pattern(alternation: Callable[[list[str]], str]) -> re.Pattern[str]:
    """The pattern that finds a registry person named in folded running text: initials
    glued or spaced before a one-word alias (``s.a.ryabkov``), else any alias, the
    longest first. ``alternation`` writes a list of aliases as a regex: a plain list
    (:func:`find_in_text`) or a trie (:func:`.grammar.registry.find_in_text`)."""
    aliases = [alias for alias, _ in registry().aliases]
    surnames = [a for a in aliases if re.fullmatch(r"[^\W\d_][\w\-]*", a)]
    return re.compile(
        rf"(?<![\w.])(?:{INITIALS}(?P<surname>{alternation(surnames)})"
        rf"|(?P<alias>{alternation(aliases)}))(?!\w)"
    )


@cache
def _listed_pattern() -> re.Pattern[str]:
    return alias_pattern(lambda words: "|".join(map(re.escape, words)))


def by_name(name: str | None) -> Speaker | None:
    """The registry speaker whose canonical name is ``name``; else None."""
    return _by_name().get(name) if name is not None else None


@cache
def _by_name() -> dict[str, Speaker]:
    """The registry by canonical name: one look-up a label, not a walk of the table."""
    return {s.name: s for s in registry().speakers}


ROLE_ABBREVIATIONS = {
    "fm": "foreign minister",
    "dfm": "deputy foreign minister",
    "pm": "prime minister",
    "amb.": "ambassador",
    "amb": "ambassador",
}
"""Role abbreviations a label may open with (folded), as the role they stand for."""


def resolve(label: str) -> Speaker | None:
    """The registry speaker a label names, allowing a role before the name; else None.

    Punctuation around the label does not matter: ``Sergey Lavrov.`` is Sergey Lavrov.
    A role may be abbreviated (:data:`ROLE_ABBREVIATIONS`: ``FM Ivanov``), and a surname
    in capitals may come first (``MOTEGI Toshimitsu``).
    """
    folded = " ".join(fold(label).strip().strip(_EDGE_PUNCTUATION).split())
    head, _, rest = folded.partition(" ")
    if rest and head in ROLE_ABBREVIATIONS:  # 'FM Ivanov' is 'Foreign Minister Ivanov'
        folded = f"{ROLE_ABBREVIATIONS[head]} {rest}"
    by_alias = registry().by_alias
    # the longest alias the label ends with, at a word boundary: one look-up a word
    words = folded.split(" ")
    for i in range(len(words)):
        speaker = by_alias.get(" ".join(words[i:]))
        if speaker is not None:
            # a surname after another's given name names someone else ('Vladimir Orlov')
            alone = i + 1 == len(words)  # the surname alone
            return None if alone and misnamed(" ".join(words[:i]), speaker) else speaker
    # initials before a surname: 's.a.ryabkov', 'spokesman a.k. lukashevich'
    initialled = _INITIALLED_END.search(folded)
    if initialled is not None:
        found = by_alias.get(initialled["surname"])
        before = folded[: initialled.start("surname")]
        return None if found is None or misnamed(before, found) else found
    # the surname first in capitals, as Japan's ministry writes names: 'MOTEGI Toshimitsu'
    written = label.strip().strip(_EDGE_PUNCTUATION).split()
    if len(written) >= 2 and written[-2].isupper() and written[-1].istitle():
        return by_alias.get(fold(f"{written[-1]} {written[-2]}"))
    return None


def find_in_text(text: str) -> tuple[Speaker, int, int] | None:
    """The first registry speaker named in ``text``, with the span of the name: the plain
    form of :func:`.grammar.registry.find_in_text`, which the parser calls (its tests hold
    the two equal)."""
    return found_in(_listed_pattern(), fold(text))


def found_in(pattern: re.Pattern[str], folded: str) -> tuple[Speaker, int, int] | None:
    """The first registry person ``pattern`` (:func:`alias_pattern`) finds in the folded
    text, with the span of the name; a surname alone after another's given name is no
    one's (``Vladimir Orlov``: :func:`misnamed`)."""
    for match in pattern.finditer(folded):
        alias = match["surname"] or match["alias"]
        speaker = registry().by_alias[alias]
        # (initials are part of the match: what stands before the surname is checked)
        at = match.start("surname") if match["surname"] else match.start()
        if " " in alias or not misnamed(folded[max(0, at - 40) : at], speaker):
            return speaker, match.start(), match.end()
    return None
