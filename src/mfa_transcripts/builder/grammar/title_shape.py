"""What a title line looks like, one line at a time (:mod:`.title_line` decides which
line of a page is the title, and over how many lines it runs).

* **A title** names a genre (:data:`~.lexicon.GENRE_VOCABULARY`) and a speaker (the
  registry's, or anyone named by an honorific: ``His Excellency Mr. ...``), a role
  word or a date, or opens with a document word (``Gist of Japan-Russia joint press
  conference``), and, unless it ends with a date, does not open with a turn label
  (:func:`~.labels.is_label_line`); a breadcrumb trail (``Home » News of the Day »
  ...``) or a line the chrome table knows is none.
* **Never a title**: a line opening in lower case (a paragraph's broken-off end); a
  republisher presenting the text (``RT presents the full transcript of ...``); prose
  (two sentence breaks inside the line, or one in a line over 200 characters; a line
  ending in a full stop with a third-person pronoun or a reporting word: ``In his
  weekly address, Nesterenko also commented ...``); a line speaking in the first person
  twice (``Welcome to the briefing where we will present our position ...``); an
  outlet's turn (``RT: I’m very pleased to introduce ...``).
* **A title without a genre word**: an article's headline with its byline (``... (by
  Alexander Yakovenko, Russian Ambassador to UK)``), or a registry person named early
  in a line that ends with a date (``Alexander Lukashevich at the Closing Session ...,
  3 December 2021``).
"""

from __future__ import annotations

import re
from functools import lru_cache

from .. import speakers
from .chrome import chrome_kind
from .dates import title_date_match
from .labels import is_label_line, outlet_label
from .lexicon import DOCUMENT_WORDS, GENRE_WORD, OUTLETS, ROLE_WORDS
from .names import named_after_genre
from .registry import find_in_text
from .title import LEADING_GENRE, strip_title_prefixes
from .voice import (
    COPULA,
    FIRST_PERSON,
    PRESENTS_TEXT,
    QUOTED_PART,
    REPORTED_CLAUSE,
    REPORTING,
    THIRD_PERSON,
)

__all__ = [
    "BREADCRUMB",
    "DOCUMENT_OF",
    "LIST_ITEM",
    "SENTENCE_BREAK",
    "has_title_date",
    "looks_like_title",
    "names_the_ministry",
    "signed_by",
]

# a role word, capitalised, in lower case or in capitals ('Statement by the representative
# of the Russian Federation ...', 'BY AMBASSADOR YAKOVENKO'); an abbreviation ('FM') only
# as written
ROLE_WORD = re.compile(
    r"\b(?:"
    + "|".join(
        f"[{w[0]}{w[0].lower()}]{w[1:]}s?|{w.upper()}S?" if w[1:].islower() else w
        for w in ROLE_WORDS
    )
    + r")\b"
)
# (a trail's arrows may be images, saved as their word: 'Home arrow Current Affairs arrow ...')
BREADCRUMB = re.compile(
    r"^(?:Home|Main page)\s*(?:[»›>|/]|arrow\s)|\s[»›>|]\s.*\s[»›>|]\s|\sarrow\s.*\sarrow\s"
)
# a list item, or a dialogue line opened by a dash ('— Paris and London have ...'): no title
LIST_ITEM = re.compile(r"^\s*(?:\d{1,3}[.)]|[-–—•*])\s+\S")


# what may follow a sentence's full stop at a line's end: quotes, emoji, symbols
_CLOSING_MARKS = re.compile(r"[\s\"”’»'\u2600-\u27bf\ufe0f\U0001f000-\U0001faff]+$")
# a sentence ending inside a line, before another: '... easier. President Putin ...'
SENTENCE_BREAK = re.compile(r"[a-z]{2}[.!?][\"”’]?\s+[A-Z]")
# a sentence opening in the first person: 'I think ...', 'We have ...'
_OPENS_SPEAKING = re.compile(r"(?:I|We)(?:[’']\w+)?\s+[a-z]")
# a document word opening a title that names its genre: 'Transcript of the joint press
# conference', 'Gist of Japan-Russia joint press conference', 'Excerpts from the briefing'
DOCUMENT_OF = re.compile(rf"^(?:the\s+)?(?i:{DOCUMENT_WORDS})\s+(?:of|from)\s+\S")
# a person named by an honorific: 'His Excellency Mr. Alexey Dedov', 'H.E. Kirill Barsky'
_HONORIFIC_NAME = re.compile(
    r"\b(?:His|Her) Excellency\s+[A-Z]|\bH\.\s?E\.\s+(?:Mr\.?\s+)?[A-Z][a-z]"
)
# an article's byline in its headline: 'Syria: ... (by Alexander Yakovenko, Ambassador ...)'
_BYLINE = re.compile(r"\((?i:(?:an? )?(?:article )?by)\s+[^()]{4,120}\)\s*$")


def looks_like_title(text: str) -> bool:
    stripped = strip_title_prefixes(text).strip()  # 'We reproduce <the title>'
    if not stripped:
        return False
    if not 15 <= len(stripped) <= 500 or LIST_ITEM.match(text) or stripped[0].islower():
        return False
    if stripped.endswith(":") and not has_title_date(stripped):
        return False
    if "\\" in stripped or BREADCRUMB.search(stripped) or PRESENTS_TEXT.match(stripped):
        return False
    sentence_breaks = list(SENTENCE_BREAK.finditer(stripped))
    breaks = len(sentence_breaks)
    dated = has_title_date(stripped) and not stripped.endswith(".")
    if (breaks >= 2 or (breaks and len(stripped) > 200)) and not (
        dated and GENRE_WORD.search(stripped) and names_the_ministry(stripped)
    ):
        # prose: sentences end inside a long line (not a title naming its genre, a
        # speaker and its date at the end: '... from the Moscow. Kremlin. Putin
        # programme Moscow, November 3, 2019')
        return False
    if breaks and _says_something(stripped[sentence_breaks[-1].end() - 1 :]):
        # a sentence after the line's first: '... interview with Diplomatic World. The
        # interview was recorded on 8 September 2015.' is a lead, dated or not
        return False
    # ('... of “the UN kitchen.”', '... foreign policy issues. 🌍')
    # (a full stop after the title's date closes no sentence: '... after his meeting with
    # ..., Moscow, January 21, 2008.')
    closed = _CLOSING_MARKS.sub("", stripped).endswith(".") and not has_title_date(stripped)
    unquoted = QUOTED_PART.sub("", stripped)  # a headline quoting its speaker: '‘We ...’ – ...'
    if closed and (
        THIRD_PERSON.search(stripped) or REPORTING.search(stripped) or COPULA.search(unquoted)
    ):
        return False  # a sentence reporting on the speaker (a lead), or saying something
    if REPORTED_CLAUSE.search(unquoted):
        return False  # '..., Vadim Bublikov, ..., affirmed that ...': a lead, closed or not
    if len(FIRST_PERSON.findall(unquoted)) >= 2 or _OPENS_SPEAKING.match(unquoted):
        # a speaker's sentence ('Welcome to the briefing where we present our ...', 'I
        # think you're already familiar with the statement ...')
        return False
    if is_label_line(stripped) and not has_title_date(stripped):
        return False
    if _outlets_turn(stripped):
        return False  # 'RT: I’m very pleased to introduce ...'
    if chrome_kind(stripped, "head") is not None:
        return False  # a line the chrome table knows ('Tag "..."', 'Source: ...')
    found = find_in_text(stripped)
    if not GENRE_WORD.search(stripped):
        # no genre named: an article's byline, or a registry person at an occasion on a
        # date ('Alexander Lukashevich at the Closing Session ..., 3 December 2021')
        return bool(
            (_BYLINE.search(stripped) and found)
            or (found and found[1] < 40 and has_title_date(stripped))
        )
    return bool(
        ROLE_WORD.search(stripped)
        or found
        or has_title_date(stripped)
        or DOCUMENT_OF.match(stripped)  # 'Gist of Japan-Russia joint press conference'
        or _HONORIFIC_NAME.search(stripped)  # 'Exclusive Interview – His Excellency Mr. ...'
        or _genre_by_name(stripped)  # 'Statement by Andrey Belousov, Deputy Head of ...'
    )


def _says_something(sentence: str) -> bool:
    """A sentence with a verb 'to be' or a third person outside quotes (``The interview
    was recorded on ...``): prose, where a title's second part is a place or a date."""
    unquoted = QUOTED_PART.sub("", sentence)
    return COPULA.search(unquoted) is not None or THIRD_PERSON.search(unquoted) is not None


def _genre_by_name(text: str) -> bool:
    """A line opening with its genre and naming the person after it, with or without a
    role the vocabulary knows (``Statement by Andrey Belousov, Deputy Head of the
    Delegation ...``); not an interview's, whose ``by`` may name the interviewer
    (``Interview by Guy Mettan, independent journalist``)."""
    leading = LEADING_GENRE.match(text)
    if leading is None or leading.group().lower().startswith("interview"):
        return False
    return named_after_genre(text, leading.end()) is not None


_BY_NAME = re.compile(r"\bby\s+(?P<name>[A-Z][\w.’'\-]*(?:\s+[A-Z][\w.’'\-]*){0,3})")


def signed_by(text: str) -> str | None:
    """The registry speaker a line names as its author (``"...", by Serguei Lavrov,
    Trud, June 24, 2005.``), or None."""
    match = _BY_NAME.search(text)
    person = speakers.resolve(match["name"]) if match is not None else None
    return person.name if person is not None else None


def _outlets_turn(text: str) -> bool:
    """A line opening with an outlet's label (a name of :data:`~.lexicon.OUTLETS` or an
    acronym of up to six letters: ``RT:``), its text a sentence, not a title (``Interfax:
    Interview with ...`` is one; ``UKRAINIAN CRISIS: ROOT CAUSES ...`` no outlet and
    ``SYRIA: RUSSIA OPTIMISTIC ...`` a headline in capitals)."""
    outlet = outlet_label(text)
    if outlet is None or not (
        speakers.fold(outlet.name) in OUTLETS or (" " not in outlet.name and len(outlet.name) <= 6)
    ):
        return False
    rest = text[outlet.text_start :]
    return not LEADING_GENRE.match(rest) and any(c.islower() for c in rest)


def names_the_ministry(text: str) -> bool:
    """The text names a registry speaker or a ministry role (``spokesman``, ``Foreign
    Minister``): what an untitled page without labels needs to be published."""
    return bool(ROLE_WORD.search(text) or find_in_text(text))


@lru_cache(maxsize=1024)  # some pages of lines (a line may be a long paragraph)
def has_title_date(text: str) -> bool:
    """Whether ``text`` ends with a title's date. Cached: the title search asks about the
    same few lines again and again."""
    return title_date_match(text) is not None
