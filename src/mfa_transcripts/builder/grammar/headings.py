"""Headings, separators and stage directions in the body.

* A **heading** closes the current turn and opens a section: a line equal to an item of
  the page's table of contents (or, as the page's last paragraph, the start of one, at
  least :data:`CUT_HEADING_CHARS` characters: a heading cut short), or, on a digest (a
  page with no question label), a topic ``On <topic>`` (at most 12 words, no comma,
  colon or closing punctuation) that is not the page's last paragraph and is followed
  by an unlabelled paragraph. On a briefing page (the title's first genre) without a
  table of contents, any paragraph shaped like a heading is one: at most
  :data:`MAX_HEADING_WORDS` words, starting with a capital letter, a digit or a quote,
  not a label, no closing punctuation (nor a closing comma or dash), and not the page's
  last paragraph (that is text cut short); so is a heading that ends in a full stop
  (``Situation in Syria.``: 2 to :data:`MAX_STOP_HEADING_WORDS` words, no other sentence
  punctuation, none of the pronouns, auxiliary verbs and greetings that make a
  sentence: ``Thank you.``), when no labelled turn is open and a longer unlabelled
  paragraph follows. Anywhere, a republisher's topic tag on a line of its own
  (``#BRICS``) and a digest's lead-in to its summary points (``Key theses:``, ``Key
  talking points``, ``The main theses``) are headings. A heading with no turn under it
  (the next line is another heading, or the page ends) is chrome (``heading``).
* ``* * *`` (:data:`SEPARATOR`) closes the current turn and is chrome (a separator
  between press approaches).
* **Stage directions** (:data:`STAGE_DIRECTION`: a paragraph that is wholly
  parenthesised: ``(Applause)``, ``(Laughter.)``, ``(Off-mike.)``) never open a turn or
  name a speaker: inside a turn they are text of that turn; where no turn is open they
  are chrome (``stage-direction``).
"""

from __future__ import annotations

import re

from ...schema import FORMAT_CHARACTERS
from .contents import heading_key
from .dialogue import quoted_subheading
from .labels import LABEL, Label

__all__ = [
    "CUT_HEADING_CHARS",
    "MAX_HEADING_WORDS",
    "MAX_STOP_HEADING_WORDS",
    "SEPARATOR",
    "STAGE_DIRECTION",
    "always_heading",
    "ends_mid_sentence",
    "heading_shaped",
    "heading_with_full_stop",
    "in_contents",
    "opens_section",
    "topic_heading",
]


MAX_STOP_HEADING_WORDS = 15
"""Longest paragraph, in words, taken for a heading that ends in a full stop."""


MAX_HEADING_WORDS = 30
"""Longest paragraph, in words, taken for a section heading by its shape on a briefing page."""


CUT_HEADING_CHARS = 10
"""Shortest start of a contents item that, as the page's last paragraph, is a heading cut short."""


# a republisher's topic tag on a line of its own: '#BRICS', '#RussiaChina cooperation'
_TOPIC_TAG = re.compile(r"^\s*#[^\W\d_][\w\-]*(?:\s+[\w’'\-]+){0,5}\s*$")


# a digest's lead-in to its summary points: 'Key theses:', 'The main theses', 'Key talking points'
_DIGEST_LEAD = re.compile(
    r"^\s*(?i:(?:the\s+)?(?:key|main)\s+(?:theses|talking\s+points|points|statements|takeaways"
    r"|quotes))\s*:?\s*$"
)


# words that make a short line a sentence, not a heading
_SENTENCE_WORDS = {
    *("i", "we", "you", "he", "she", "it", "they", "this", "that", "these", "those", "there"),
    *("here", "me", "us", "let", "is", "are", "was", "were", "be", "been", "am", "will"),
    *("would", "shall", "should", "can", "could", "may", "might", "must", "have", "has"),
    *("had", "do", "does", "did", "not", "thank", "thanks", "please", "good", "hello"),
    *("yes", "no", "ladies", "gentlemen", "colleagues", "friends", "dear"),
}


_HEADING_ON = re.compile(r"^\s*On\s+\S.*$")


_BLANK = rf"[\s{FORMAT_CHARACTERS}]*"
"""Whitespace and invisible format characters, which the text rule treats as whitespace
(``* * *`` and a left-to-right mark is a separator, as it reads)."""

STAGE_DIRECTION = re.compile(rf"^{_BLANK}\([^()]{{1,60}}\){_BLANK}$")


# a separator line: '* * *', '*****', '— — —', '---'
SEPARATOR = re.compile(rf"^{_BLANK}(?:[*—–\-_=~]{_BLANK}){{3,}}$")


_TERMINAL = re.compile(r"[.!?…:;][\"”»’')\]]*\s*$|^\s*\(.*\)\s*$")


def in_contents(text: str, contents: set[str], cut: bool) -> bool:
    """A line equal to a contents item; as the page's last line (``cut``), also the
    start of one, of at least :data:`CUT_HEADING_CHARS` characters."""
    if not contents:
        return False
    key = heading_key(text)
    if key in contents:
        return True
    return cut and len(key) >= CUT_HEADING_CHARS and any(c.startswith(key) for c in contents)


def topic_heading(text: str) -> bool:
    """A digest's topic: 'On situation in Niger' (no comma: 'On the one hand, ...' is prose)."""
    return bool(
        _HEADING_ON.match(text)
        and len(text.split()) <= 30  # 'On the creation of the ... Fund and a ... called “...”'
        and not _terminal(text)
        and ":" not in text
        and "," not in text
    )


def heading_shaped(text: str) -> bool:
    """A short paragraph that starts like a title and ends without punctuation."""
    stripped = text.strip()
    return (
        0 < len(stripped.split()) <= MAX_HEADING_WORDS
        and (stripped[0].isupper() or stripped[0].isdigit() or stripped[0] in '“"«')
        and not _terminal(stripped)
        and stripped[-1] not in ",-–—"
        and LABEL.match(stripped) is None
    )


def heading_with_full_stop(text: str) -> bool:
    """A heading that ends in a full stop (``Situation in Syria.``): 2 to
    :data:`MAX_STOP_HEADING_WORDS` words starting like a title, one full stop at the end and
    no other sentence or clause punctuation, and none of the words that make a sentence
    (a subject pronoun, an auxiliary verb, a greeting: ``I will start with the schedule.``,
    ``Thank you.``, ``Ladies and gentlemen.``)."""
    stripped = text.strip()
    if not stripped.endswith(".") or stripped.endswith("..") or LABEL.match(stripped):
        return False
    words = stripped[:-1].split()
    return (
        2 <= len(words) <= MAX_STOP_HEADING_WORDS
        and (stripped[0].isupper() or stripped[0].isdigit() or stripped[0] in '“"«')
        and re.search(r"[!?;:,…]|\.\s", stripped[:-1]) is None
        and not any(w.strip("“”\"’'()").lower() in _SENTENCE_WORDS for w in words)
    )


_CUT_MARK = re.compile(r"\w[\"”»’')\]]*(?:…|\.\.\.)\s*$")


def ends_mid_sentence(text: str) -> bool:
    """True when a page's last paragraph stops without closing punctuation, or with an
    ellipsis glued to its last word, a closing quote between them allowed (``...
    diplomats and…``, ``... «peace»…``: a republisher's cut)."""
    return not _terminal(text) or _cut_mark(text)


_CLOSERS = "\"”»’')]"
_WORD_CHARACTER = re.compile(r"\w")


def _terminal(text: str) -> bool:
    """``_TERMINAL.search(text) is not None``, read from the end, not tried at every
    position: closing punctuation, closers after it, whitespace; or the whole text in
    parentheses, on one line."""
    end = text.rstrip()
    if end.rstrip(_CLOSERS)[-1:] in tuple(".!?…:;"):
        return True
    whole = end.lstrip()
    return len(whole) >= 2 and whole[0] == "(" and whole[-1] == ")" and "\n" not in whole


def _cut_mark(text: str) -> bool:
    """``_CUT_MARK.search(text) is not None``, read from the end: an ellipsis, closers
    before it, a word character before them."""
    end = text.rstrip()
    for mark in ("…", "..."):
        if end.endswith(mark):
            before = end[: -len(mark)].rstrip(_CLOSERS)[-1:]
            return bool(before) and _WORD_CHARACTER.match(before) is not None
    return False


def always_heading(text: str) -> bool:
    """A heading on any page: a topic tag (``#BRICS``) or a digest's lead-in (``Key theses:``)."""
    return bool(_TOPIC_TAG.match(text) or _DIGEST_LEAD.match(text))


def opens_section(
    index: int,
    texts: list[str],
    labels: list[Label | None],
    contents: set[str],
    *,
    digest: bool,
    by_shape: bool,
    implied: bool,
    pending: bool,
    in_labelled_turn: bool,
) -> bool:
    """Whether the body's paragraph ``texts[index]`` opens a section (its heading): an
    item of the briefing's contents; on a digest, a topic heading over an unlabelled
    paragraph, or the last paragraph of a cut digest under another heading
    (``pending``); on a briefing without contents (``by_shape``), a line shaped like a
    heading, or one closed by a full stop over a longer unlabelled paragraph, outside a
    labelled turn; a line that is always a heading; on a page of implied dialogue, a
    quoted subheading."""
    text = texts[index]
    last = len(texts) - 1
    over_unlabelled = index < last and labels[index + 1] is None
    return bool(
        in_contents(text, contents, cut=index == last)
        or (
            digest
            and topic_heading(text)
            and (
                (over_unlabelled and not SEPARATOR.match(texts[index + 1]))
                or (index == last and pending)
            )
        )
        or (by_shape and index < last and heading_shaped(text))
        or (
            by_shape
            and over_unlabelled
            and heading_with_full_stop(text)
            and len(texts[index + 1]) > len(text)
            and not in_labelled_turn
        )
        or always_heading(text)
        or (implied and quoted_subheading(index, texts, labels))
    )
