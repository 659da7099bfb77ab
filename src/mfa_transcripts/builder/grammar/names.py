"""A person's name inside a title, and where a title's occasion begins.

* **The occasion** begins at its first preposition (``at``, ``during``, ``on``, ``with``,
  ...) that is not a person's role's (``Ambassador to Australia``, ``Envoy for
  Syria``); a run of capitalised words and role connectors with a person's role word in
  it is a role (``Permanent Representative of the Russian Federation to the
  International Organizations in Vienna``).
* **A name** is two or three capitalised words that are not role words, acronyms or
  possessives, name particles and a middle initial allowed between; or initials glued
  to a surname (``A.K.Lukashevich``). :mod:`.title` reads a title's speaker with these.
* **A label naming a known person** by surname, initials, role words or a slip of the
  translator's (:func:`names_person`): :mod:`.labels` and the paragraph stage read the
  page's speaker's labels with it.
"""

from __future__ import annotations

import re

from .. import speakers
from .lexicon import PERSON_ROLES, ROLE_NAME_WORDS, ROLE_WORDS, is_place
from .spelling import one_edit_apart

__all__ = [
    "in_apposition",
    "initialled_name",
    "named_after_genre",
    "names_person",
    "occasion_start",
    "office_holder",
    "office_holder_at",
    "role_before",
    "trailing_name",
]


_POSSESSIVE_WORD = re.compile(r"[’']s?$")


_OCCASION_START = re.compile(
    r"\s(?:at|during|following|after|on|in|before|with|for|from|ahead of|given to|to)\s"
)


_ROLE_CONNECTORS = {"of", "the", "for", "to", "in", "on", "and", "d’", "d'"}  # 'Chargé d’ Affaires'
_IN_ROLE = _ROLE_CONNECTORS - {"on"}  # 'on' starts an occasion ('... Department on ...')
_ROLE_PREPOSITIONS = {"to", "for", "in"}
# a person's role word ('Minister', 'Ambassador'), not an institution's ('Ministry')
_PERSON_ROLE_WORD = (
    "(?:"
    + "|".join(w for w in ROLE_WORDS if w not in ("Ministry", "Department", "Embassy"))
    + ")s?"
)
_PERSON_ROLE = re.compile(_PERSON_ROLE_WORD)
_ROLE_BEFORE = re.compile(rf"\b{_PERSON_ROLE_WORD}$")  # the text before ends with one


def role_before(text: str) -> bool:
    """``text`` (between a leading genre and a registry name) is the person's role: a
    person's role word among capitalised words and the connectors of a role (``Permanent
    Representative of the Russian Federation to the International Organizations in
    Vienna``), none of an occasion's (``on``, ``at``, ``with``: ``... Department on
    Saudi Foreign Minister ...`` names the occasion's person)."""
    words = text.split()
    return any(_PERSON_ROLE.fullmatch(w) for w in words) and all(
        w[0].isupper() or w.lower() in _IN_ROLE for w in words
    )


def occasion_start(head: str, start: int) -> int | None:
    """Where the occasion begins after ``start``: its first preposition that is not a
    person's role's (``Ambassador to Australia``, ``Envoy for Syria``)."""
    for match in _OCCASION_START.finditer(head, start):
        role_preposition = match.group().strip() in _ROLE_PREPOSITIONS
        if not (role_preposition and _ROLE_BEFORE.search(head, 0, match.start())):
            return match.start()
    return None


def initialled_name(head: str, start: int) -> tuple[int, int, str] | None:
    """(start, end, name) of a name written as initials before a surname, glued or
    not, after a leading genre (``Interview of the Permanent Representative ...
    M.I.Ulyanov to ...``, ``... to Israel A.D. Viktorov, published in ...``)."""
    match = _INITIALS_SURNAME.search(head, start)
    if match is None:
        return None
    return match.start(), match.end(), match.group()


# initials and a surname, glued or (two initials or more: 'Ivan P. Petrovsky' has a middle
# one) one space apart: 'M.I.Ulyanov', 'V.Churkin', 'A.D. Viktorov'
_INITIALS_SURNAME = re.compile(  # ('H.E.' is His Excellency, no initials)
    r"(?<!\S)(?!H\.E\.)(?:(?:[A-Z]\.){1,3}|(?:[A-Z]\.){2,3} )[A-Z][a-z][\w\-]*(?=[\s,]|$)"
)


def named_after_genre(head: str, start: int) -> tuple[int, int, str] | None:
    """(start, end, name) of the name ending '<Role> <Name>' between a leading genre
    ('Speech by') and the occasion's preposition. A role may hold prepositions
    ('Special Envoy for Syria'); a lower-case word means the occasion has begun."""
    # a comma may close the name too: '<Role> <Name>, Permanent Representative ...'
    commas = [start + m.start() for m in re.finditer(",", head[start:])]
    stops = sorted([m.start() for m in _OCCASION_START.finditer(head, start)] + commas)
    stops.append(len(head))
    for end in stops:
        segment = head[start:end]
        found = trailing_name(segment)
        if found is not None:
            offset, name = found
            return start + offset, start + offset + len(name), name
        words = segment.split()
        if words[:1] == ["with"]:  # 'Interview with <role>, <name>': the interview's 'with'
            words = words[1:]
        if any(w[0].islower() and w not in _ROLE_CONNECTORS for w in words):
            return None
    return None


def trailing_name(segment: str) -> tuple[int, str] | None:
    """(offset, name) of the person's name that ends ``segment`` after its role words.

    A name is two or three capitalised words that are not role words (``Minister``,
    ``Ambassador``...), acronyms or possessives, name particles allowed between (``de``,
    ``bin``, ``von der``: :data:`~mfa_transcripts.builder.speakers.NAME_PARTICLES`) and
    a middle initial (``Alexander G. Khozin``), and the surname may be in capitals
    (``Vladimir IVANOVSKIY``); of three, the first is a country and dropped when
    ``of``, ``for``... precedes it or a word of the country's name after them
    (``Foreign Minister of China Wang Yi``, ``... to South Africa Ilya Rogachev``). Initials
    glued to a surname are one word and a whole name (``Spokesman A.K.Lukashevich``).
    """
    words = list(re.finditer(r"\S+", segment.rstrip(" ,")))
    if words and speakers.INITIALLED_NAME.match(words[-1].group()):
        return words[-1].start(), words[-1].group()  # 'S.A.Ryabkov': initials and surname
    i = len(words)
    taken = 0
    while i > 0 and taken < 3:
        word = words[i - 1].group()
        if _is_name_word(word) or (
            # a surname in capitals after its given name: 'Vladimir IVANOVSKIY'
            i == len(words)
            and i > 1
            and speakers.SURNAME_IN_CAPITALS.fullmatch(word)
            and _is_name_word(words[i - 2].group())
        ):
            taken += 1
        elif not (
            (word in speakers.NAME_PARTICLES or _MIDDLE_INITIAL.fullmatch(word))
            and taken
            and _name_before(words, i - 1)
        ):
            break
        i -= 1
    # the first of three ends a country after 'of', 'to'...: 'of China Wang Yi', 'to
    # South Africa Ilya Rogachev'
    before = [w.group() for w in words[max(0, i - 2) : i]]
    if taken == 3 and (
        (before[-1:] and before[-1].lower() in _ROLE_CONNECTORS)
        or (len(before) == 2 and before[0].lower() in _ROLE_CONNECTORS and before[1].istitle())
    ):
        i += 1
        taken -= 1
    if taken < 2:
        return None
    start = words[i].start()
    return start, segment[start : words[-1].end()]


_MIDDLE_INITIAL = re.compile(r"[A-Z]\.")  # 'Alexander G. Khozin'


def _name_before(words: list[re.Match[str]], index: int) -> bool:
    """Whether a name word precedes the particles (or a middle initial) ending at
    ``words[index]`` ('von der', 'G.')."""
    j = index - 1
    while j >= 0 and (
        words[j].group() in speakers.NAME_PARTICLES or _MIDDLE_INITIAL.fullmatch(words[j].group())
    ):
        j -= 1
    return j >= 0 and _is_name_word(words[j].group())


# words of a state's or a body's name, never of a person's: '... to the Hellenic Republic,
# Andrey M. Maslov' names Maslov, not 'Hellenic Republic'
_BODY_WORDS = frozenset(
    {"Republic", "Federation", "Kingdom", "States", "Union", "Emirates", "Nations", "Islands"}
    | {"Council", "Ministry", "Embassy", "Mission", "Organization", "Organisation"}
    | {"Organizations", "Organisations", "Agency", "Committee", "Commission", "Assembly"}
)


def _is_name_word(word: str) -> bool:
    return (
        word[0].isupper()
        and word.strip(".,") not in _BODY_WORDS
        and not (len(word) > 1 and word.isupper())
        and word.strip(".") not in ROLE_NAME_WORDS
        and not _POSSESSIVE_WORD.search(word)
        and not any(c.isdigit() for c in word)
    )


def in_apposition(before: str, segment: str) -> bool:
    """A name of two or more words after a segment ending in one person's role word,
    perhaps with its country ('the Foreign Minister of Austria, Karin Kneissl')."""
    words = before.split()
    ends_in_role = any(
        len(words) > n and words[-1 - n] in PERSON_ROLES and (n == 0 or words[-n] == "of")
        for n in (0, 2, 3)
    )
    return ends_in_role and len(segment.split()) >= 2


# a ministry office and the name of its holder after it, whom the registry need not
# know: 'The Russian Ambassador Alexander Vikentyevich MANTYTSKIY spoke to ...',
# 'Ambassador Mr Nikolai Krasilnikov', 'Ambassador of Russia to Zimbabwe Nikolai ...',
# 'the Russian Ambassador in Ulaanbaatar Alexey Evsikov'
_OFFICE_HOLDER = re.compile(
    # (the office in lower case too, as the press writes it: 'Russian ambassador to ...')
    r"\b(?:[Aa]mbassador|[Ee]nvoy|[Pp]ermanent [Rr]epresentative|[Cc]onsul[- ][Gg]eneral"
    r"|(?:[Dd]eputy )?[Ff]oreign [Mm]inister|[Ss]pokes(?:man|woman|person)"
    r"|[Cc]harg[ée] d[’']affaires)"
    # its places, a second country after 'and': '... to Zimbabwe and Malawi Nikolai ...'
    r"(?:\s+(?:of|to|in)\s+(?:the\s+)?[A-Z][\w’'\-]*(?:\s+[A-Z][\w’'\-]*){0,3}"
    r"(?:\s+and\s+(?:the\s+)?[A-Z][\w’'\-]*(?:\s+[A-Z][\w’'\-]*){0,2})?){0,2}"
    rf",?\s+(?:{speakers.HONORIFIC},?\s+)*"
    # the name opens with neither an honorific nor a patronymic ('... to Indonesia
    # Lyudmila Georgievna Vorobieva' is hers whole, 'His Excellency, Mr Alexey ...' his)
    rf"(?!{speakers.HONORIFIC}\b|{speakers.PATRONYMIC}\b)"
    rf"(?P<name>[A-Z][a-z][\w’'\-]*(?:\s+(?:{speakers.MIDDLE_NAME.pattern}))?"
    rf"\s+(?:[A-Z][a-z][\w’'\-]*|{speakers.SURNAME_IN_CAPITALS.pattern}))(?![\w’'\-])"
)
# the holder's name in apposition before a Russian office: 'H.E. Mr. Levan Dzhagaryan,
# Ambassador Extraordinary and Plenipotentiary of the Russian Federation to ...'
_HOLDER_BEFORE_OFFICE = re.compile(
    rf"(?<![\w’'\-])(?P<name>[A-Z][a-z][\w’'\-]*(?:\s+(?:{speakers.MIDDLE_NAME.pattern}))?"
    r"\s+[A-Z][a-z][\w’'\-]*),\s+(?:the\s+)?"
    r"(?:(?:Russian|Russia[’']s)\s+(?:[Aa]mbassador|Permanent Representative|Consul[- ]General"
    r"|[Cc]harg[ée] d[’']affaires)"
    r"|(?:Ambassador|Permanent Representative|Consul[- ]General)(?:\s+(?:[A-Z]\w+|and)){0,3}"
    r"\s+of\s+(?:the\s+)?Russia(?:n Federation)?\b"
    # a department's head at the ministry: '..., director of the Latin American
    # Department of the Russian Foreign Ministry'
    r"|(?:[Dd]eputy\s+)?(?:[Dd]irector|[Hh]ead)\s+of\s+the\s+(?:[A-Z][\w\-]*\s+){1,5}"
    r"Department\s+of\s+the\s+(?:Russian\s+Foreign\s+Ministry|Foreign\s+Ministry\s+of\s+"
    r"Russia|Russian\s+Ministry\s+of\s+Foreign\s+Affairs|Ministry\s+of\s+Foreign\s+Affairs"
    r"\s+of\s+(?:the\s+)?Russia(?:n\s+Federation)?)\b)"
)


_BEFORE_OFFICE = re.compile(r"(?:(?:The|the)\s+)?(?:Russian\s+|Russia[’']s\s+)?")


_POSSESSIVE_BEFORE = re.compile(r"(?P<owner>[A-Z][\w\-]*)[’']s\s+(?:\w+\s+){0,2}$")


def _foreign(text: str, match: re.Match[str]) -> bool:
    """The office ``match`` found is a place's other than Russia's, by the possessive
    within two words before it (``Brazil's new ambassador``, not ``Russia's``)."""
    owner = _POSSESSIVE_BEFORE.search(text, max(0, match.start() - 60), match.start())
    return owner is not None and owner["owner"] != "Russia" and is_place(owner["owner"])


def office_holder(text: str, whole: bool = False) -> str | None:
    """The name of the person a ministry office names in ``text`` (``Russian Ambassador
    Alexander A Karchava``, or the name in apposition before a Russian office: ``H.E. Mr.
    Levan Dzhagaryan, Ambassador ... of the Russian Federation``), as the dataset writes it
    (:func:`~mfa_transcripts.builder.speakers.written_name`), or None. ``whole``: the
    text is that office and name and nothing else (a label), ``Russian`` or ``The``
    aside."""
    found = office_holder_at(text, whole)
    return None if found is None else found[0]


def office_holder_at(text: str, whole: bool = False) -> tuple[str, int] | None:
    """:func:`office_holder`'s name and where in ``text`` the name starts; an office of
    another country (``Brazil's new ambassador Sergio Rodriguez``) names no one."""
    match = next((m for m in _OFFICE_HOLDER.finditer(text) if not _foreign(text, m)), None)
    if match is None:
        before = None if whole else _HOLDER_BEFORE_OFFICE.search(text)
        if before is None:
            return None
        return speakers.written_name(before["name"]), before.start("name")
    if whole and (
        match.end() != len(text.rstrip()) or not _BEFORE_OFFICE.fullmatch(text[: match.start()])
    ):
        return None
    if any(w in _BODY_WORDS or w in ROLE_NAME_WORDS for w in match["name"].split()):
        return None  # 'Ambassador to the Islamic Republic', 'Ambassador Deputy ...'
    return speakers.written_name(match["name"]), match.start("name")


def names_person(name: str, title_speaker: str) -> bool:
    """A label naming the title's speaker (or the page's subject) by surname, perhaps
    with initials or role words before it (``V.Churkin``, ``S. KISLYAK``, ``Ambassador
    Churkin``), a surname of six letters or more perhaps misspelt by one letter
    (``Ambassador Chizov``), or by full name after role words (``Ambassador Vladimir
    Chizhov``) or, for a registry person, after another given name (``Anatoly Churkin``
    on Vitaly Churkin's page: a translator's slip), by the name as the dataset writes
    it (``Alexey Yurievich Dedov`` for Alexey Dedov:
    :func:`~mfa_transcripts.builder.speakers.written_name`), or by initials: two or three
    capitals, the first the given name's, the last the surname's (``NK:`` for
    Nikolai Krasilnikov, ``AMM:`` for Andrey M. Maslov)."""
    folded, full = speakers.fold(" ".join(name.split())), speakers.fold(title_speaker)
    if folded.endswith(" " + full) and all(
        w.strip(".") in ROLE_NAME_WORDS for w in name.split()[: -len(title_speaker.split())]
    ):
        return True  # 'Ambassador Vladimir Chizhov'
    if speakers.fold(speakers.written_name(name)) == full:
        return True  # 'Alexey Yurievich Dedov'
    parts = full.split()
    letters = name.replace(".", "").replace(" ", "")
    if 2 <= len(letters) <= 3 and letters.isupper() and letters.isalpha() and len(parts) >= 2:
        return letters[0].lower() == parts[0][0] and letters[-1].lower() == parts[-1][0]
    words = name.replace(".", ". ").split()
    if not words or len(words) > 5:
        return False
    surname = speakers.fold(title_speaker.split()[-1])
    if len(surname) < 3 or not (
        speakers.fold(words[-1]) == surname
        or (len(surname) >= 6 and one_edit_apart(speakers.fold(words[-1]), surname))
    ):
        return False
    if len(words) == 2 and words[0].istitle() and speakers.by_name(title_speaker) is not None:
        return True  # a registry person's surname after a mistranslated given name
    return all(
        (len(w) == 2 and w.endswith(".")) or w.strip(".") in ROLE_NAME_WORDS for w in words[:-1]
    )
