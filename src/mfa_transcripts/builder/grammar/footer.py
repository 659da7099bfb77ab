"""The footer, from the bottom, and a closing signature at the body's end.

* **The footer** is the trailing block of chrome lines of the ``footer`` place
  (:data:`~.chrome.CHROME_LINES`: ``Advanced settings``, ``Web Content Display``,
  ``Additional materials``, ``Share``, ``Read more »``...) and the organisation tags
  between them. Only a site ``footer`` line (``Advanced settings``...) says the page was
  saved whole. A tag is an
  organisation's name and its abbreviation, one of them in parentheses (``Council of
  Europe (CoE)``, ``NATO (North Atlantic Treaty Organization)``): the abbreviation one
  word with two capitals or a digit (``OSCE``, ``CoE``, ``G20``), the name capitalised
  words with ``of``, ``and``... between them; a line in Cyrillic (the site's Russian
  tag: ``Генеральные Ассамблеи ООН``) is one too. A line naming a stage direction
  (``Thank you all (Applause)``) is never a tag. Tag lines count as tags only when the
  trailing block holds at least one site ``footer`` line. The page's last line may be a
  site footer line cut short (``Advance``: a copy that stops inside the footer), or a
  fragment under a footer line (``Top news`` ``What happe``).
* **A republisher's list of other articles** ending the page (``Related News``, then
  headlines and their dates) is footer too.
* **A listing's next item**: a body line after a labelled turn that is shaped like a
  title naming its genre and a registry person, with no label and no closing full stop
  (``Foreign Minister Sergey Lavrov’s message welcoming participants ...`` under a
  spokesman's reply), starts another page's text: it and what follows are footer.
* **A closing signature** at the body's end (up to :data:`SIGNATURE_LINES` lines, each
  the name of a registry person or of the title's speaker, or a date line such as
  ``Moscow, October 9, 2015``) is chrome (``byline``, ``date-line``); its place is the
  page's when no other line gives one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .. import speakers
from .chrome import SITE_FOOTER, chrome_kind
from .dates import date_line
from .labels import is_label_line, read_label
from .lexicon import GENRE_WORD, STAGE_WORDS, is_cyrillic
from .links import LINK_LABEL
from .registry import find_in_text
from .title_shape import looks_like_title

__all__ = [
    "SIGNATURE_LINES",
    "Signature",
    "byline_person",
    "next_item",
    "signature",
    "signer",
    "split_footer",
]

SIGNATURE_LINES = 3
"""Most lines a closing signature (name, place and date) takes at the body's end."""


# an organisation tag: '<Name> (<ABBR>)' or '<ABBR> (<Name>)'
_TAG = re.compile(r"^\s*(?P<outer>[A-Z][^.!?:;()\n]{1,150}?)\s*\((?P<inner>[^()\n]{2,80})\)\s*$")


# an abbreviation: one word of letters (digits, '&', '-') with two capitals or a digit:
# 'OSCE', 'CoE', 'EU', 'G20'
_ABBREVIATION = re.compile(r"^(?=[^\s]*(?:[A-Z][^\s]*[A-Z]|\d))[A-Z][A-Za-z0-9&\-]{1,11}$")


_ORG_CONNECTORS = {"of", "for", "and", "the", "in", "on", "to", "at", "&", "-", "–"}


def split_footer(rest: list[str]) -> tuple[int, list[str], list[str]]:
    """Where the footer starts in the lines ``rest``, its tags, and the kind of each of its
    lines (``tag`` or a chrome kind). Organisation tags count only in a block that holds a
    site ``footer`` line; without one, the footer is the run of chrome lines at the very
    end (``Share``, ``Read more »``), perhaps none (``len(rest)``)."""
    start = len(rest)
    kinds: list[str] = []
    if rest and _cut_footer_line(rest[-1]):
        kinds, start = ["footer"], start - 1
    elif len(rest) >= 2 and _fragment(rest[-1]) and chrome_kind(rest[-2].strip(), "footer"):
        kinds, start = ["fragment"], start - 1  # 'Top news' 'What happe': cut in its links
    while start > 0:
        text = rest[start - 1].strip()
        kind = chrome_kind(text, "footer")
        if kind is None and (_is_tag(text) or is_cyrillic(text)):
            kind = "tag"  # an organisation tag, or the site's Russian tag
        if kind is None:
            break
        kinds.insert(0, kind)
        start -= 1
    if "footer" not in kinds:
        # no site footer: tags are no tags; keep the chrome lines below the last of them
        last_tag = max((i for i, k in enumerate(kinds) if k == "tag"), default=-1)
        kinds = kinds[last_tag + 1 :]
        start = len(rest) - len(kinds)
    related = _related_list(rest)
    if related is not None and related < start:
        kinds, start = ["republisher"] * (start - related) + kinds, related
    tags = [" ".join(rest[start + i].split()) for i, k in enumerate(kinds) if k == "tag"]
    return start, tags, kinds


def _related_list(rest: list[str]) -> int | None:
    """Where a republisher's list of other articles that ends the page starts: a line of
    its own that links them (``Related News``, ``See also``), then two lines or more to
    the end, each a headline (up to 15 words and 160 characters, no turn's label, no
    closing full stop) or its date line."""
    for i, text in enumerate(rest[:-2]):
        if (
            LINK_LABEL.match(text)
            and all(
                date_line(line.strip()) is not None
                or (
                    len(line.strip()) <= 160
                    and len(line.split()) <= 15
                    and read_label(line.strip()) is None  # a turn goes on under 'See also'
                    and not line.rstrip().endswith(".")  # and a sentence: a headline closes none
                )
                for line in rest[i + 1 :]
            )
        ):
            return i
    return None


def _cut_footer_line(text: str) -> bool:
    """A site footer line cut short at the end of a copy (``Advance``, ``Additional
    mat``): four letters or more that begin one, and not the whole of it."""
    cut = " ".join(text.split()).lower()
    return len(cut) >= 4 and any(line.startswith(cut) and line != cut for line in SITE_FOOTER)


def _fragment(text: str) -> bool:
    """A line cut short: up to three words, no closing punctuation, no chrome line of its
    own (``What happe``), no turn under its label (``Question: Durin``, the page cut
    inside its next question)."""
    stripped = text.strip()
    return (
        0 < len(stripped.split()) <= 3
        and stripped[-1].isalnum()
        and chrome_kind(stripped, "footer") is None
        and read_label(stripped) is None
    )


def _is_tag(text: str) -> bool:
    """An organisation tag: a name and its abbreviation, one of them in parentheses
    (``Council of Europe (CoE)``, ``NATO (North Atlantic Treaty Organization)``); a
    body line with a stage direction (``Thank you all (Applause)``) is not one."""
    match = _TAG.match(text)
    if match is None:
        return False
    outer, inner = match["outer"].strip(), match["inner"].strip()
    if any(w.strip(".,!?").lower() in STAGE_WORDS for w in (outer + " " + inner).split()):
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


@dataclass
class Signature:
    """A closing signature: where it starts in the body, and the kind of each line."""

    start: int  # index of its first line in the body
    kinds: list[str]  # "byline" | "date-line", one a line from ``start``
    date_line: int | None  # index of its date line, if any


def signature(body: list[str], speaker: str | None) -> Signature | None:
    """The last lines of a message or statement that sign it (``Sergey Lavrov``, then
    ``Moscow, October 9, 2015``): up to :data:`SIGNATURE_LINES` lines at the body's end,
    each a date line or the name of a registry person or of the title's speaker (by
    surname); at least one paragraph stays before them."""
    found = Signature(len(body), [], None)
    while found.start > 1 and len(body) - found.start < SIGNATURE_LINES:
        text = body[found.start - 1].strip()
        if found.date_line is None and date_line(text) is not None:
            found.date_line = found.start - 1
            found.kinds.insert(0, "date-line")
        elif signer(text, speaker):
            found.kinds.insert(0, "byline")
        else:
            break
        found.start -= 1
    return found if found.kinds else None


def byline_person(text: str) -> speakers.Speaker | None:
    """The registry person a byline names: a line that is only their name, perhaps after
    ``By`` (``Sergei V. Lavrov``, ``By Alexander Yakovenko``); None for any other line."""
    text = text.strip()
    name = text[3:] if text[:3] in ("By ", "BY ") else text
    return speakers.resolve(name) if signer(name, None) else None


def signer(text: str, speaker: str | None) -> bool:
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


def next_item(texts: list[str]) -> int | None:
    """Where a listing's next item starts among the body's lines ``texts`` (see the
    module's notes), or None."""
    labelled = False  # (a label is looked for only until the first: a line or two)
    for i, text in enumerate(texts):
        line = text.strip()
        if not labelled:
            labelled = is_label_line(line) or read_label(line) is not None
        elif (
            not line.endswith((".", "?", "!", ":", "…"))
            and GENRE_WORD.search(line) is not None
            and find_in_text(line) is not None
            and looks_like_title(line)
        ):
            return i
    return None
