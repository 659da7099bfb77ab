"""Body to turns: labels, qualifiers, continuation paragraphs, headings.

Rules, applied paragraph by paragraph (a paragraph is a non-blank body line):

* A **label** opens a paragraph: a name, an optional parenthesised qualifier, a colon,
  then whitespace (a no-break space counts) or the end of the line:
  ``Question:``, ``Sergey Lavrov (after J.Kerry):``, ``FOREIGN MINISTER LAVROV:``.
  The name must look like one: ``Question``/``Q``, ``Question`` followed by
  ``from``/``to``/``for``/``by`` and a few words (``Question from the audience``) or by
  a number, ``Answer``/``A``, a registry speaker (a role may precede the name), a
  one-word role such as ``Moderator`` (or a role with ``from``/``of`` and a few words:
  ``Voice from the audience``), or two to :data:`MAX_NAME_WORDS` capitalised words
  (``of``, ``the``, ``and``... allowed between, not at either end, though a particle
  such as ``van`` may start one: ``Secretary General of the League of Arab States
  Ahmed Aboul Gheit``). Anything else is text:
  ``There is only one obligation: ...`` stays in its turn. The qualifier is kept as
  data and never splits the name.
* A name-shaped label that is not in the speaker registry is kept as written and
  reported once per page as an ``unknown-speaker`` warning; role labels (``Moderator``)
  are not people and are not reported. ``Answer:`` is the title's speaker (its label
  when the title names nobody).
* A paragraph without a label continues the current turn; before any turn it opens an
  unlabelled statement by the title's speaker.
* A ``Question`` turn opens a question. A speaker turn while a question is open answers
  the latest question (a question may get several answers, from several speakers in
  turn, or none when the next question follows at once); a speaker turn before any
  question, or after a heading or a separator and before the next question, is a
  statement (a row of ``speeches``).
* A **heading** closes the current turn and opens a section: a line equal to an item
  of the page's table of contents, or a digest topic ``On <topic>`` (at most 12 words,
  no closing punctuation). On a briefing page (the title's first genre) without a table
  of contents, any paragraph shaped like a heading is one: at most
  :data:`MAX_HEADING_WORDS` words, starting with a capital letter, a digit or a quote,
  not a label, no closing punctuation (nor a closing comma or dash), and not the
  page's last paragraph (that is text cut short). Every question and statement of the
  section (up to the next heading or separator) carries it as ``heading``. A heading
  with no turn under it (the next line is another heading, or the page ends) is
  chrome (``heading``), as is the ToC's divider ``Answers to media questions:`` when
  it recurs in the body.
* ``* * *`` closes the current turn and is chrome (a separator between press approaches).
* **Stage directions** (a paragraph that is wholly parenthesised: ``(Applause)``,
  ``(Laughter.)``, ``(Off-mike.)``) never open a turn or name a speaker: inside a turn
  they are text of that turn; where no turn is open (start of the body, after a heading
  or a separator) they are chrome (``stage-direction``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..errors import Problem, TranscriptError
from . import speakers
from .layout import Chrome, Line, Page, heading_key

__all__ = ["MAX_NAME_WORDS", "Turn", "split_turns"]

MAX_NAME_WORDS = 16
"""Longest label name, in words, that is taken for a speaker without the registry."""
MAX_HEADING_WORDS = 30
"""Longest paragraph, in words, taken for a section heading by its shape on a briefing page."""

_LABEL = re.compile(
    r"^(?P<name>[^\W\d_][^:()\n]{0,150}?)\s*(?:\((?P<qualifier>[^()\n]{1,100})\))?\s*"
    r"(?P<colon>:)(?=\s|$)\s*"
)
_CONNECTORS = {
    "of",
    "the",
    "for",
    "and",
    "de",
    "da",
    "von",
    "van",
    "al",
    "bin",
    "on",
    "to",
    "in",
    "at",
}
_QUESTION_WORDS = {"question", "q", "questions"}
_ARTICLES = {"a", "an"}  # like 'the', 'of', 'and'..., never the first word of a name
_NAME_PARTICLES = {"de", "da", "von", "van", "al", "bin"}  # may start a name: 'Van Rompuy'
# 'Question from the audience', 'Question to both ministers', 'QUESTION FOR MR LAVROV', 'Question 2'
_QUESTION_PHRASE = re.compile(r"^(?:question|q)\s+(?:(?:from|to|for|by)\s+\S.*|\d{1,3})$")
# 'Voice from the audience', 'Participant from Germany', 'Moderator of the discussion'
_ROLE_PHRASE = re.compile(r"^(?P<role>\w+)\s+(?:from|of|for|at)\s+\S.*$")
_ANSWER_WORDS = {"answer", "a"}
_ROLE_LABELS = {
    "moderator",
    "interviewer",
    "host",
    "presenter",
    "journalist",
    "correspondent",
    "chairman",
    "chair",
    "anchor",
    "reporter",
    "participant",
    "student",
    "audience",
    "voice",
    "interpreter",
    "translator",
}
_HEADING_ON = re.compile(r"^\s*On\s+\S.*$")
_STAGE_DIRECTION = re.compile(r"^\s*\([^()]{1,60}\)\s*$")
_SEPARATOR = re.compile(r"^\s*(?:\*\s*){3}\s*$")
_TERMINAL = re.compile(r"[.!?…:;][\"”»’')\]]*\s*$|^\s*\(.*\)\s*$")


@dataclass
class Turn:
    """One turn: who speaks, which question it answers, and where its text lies."""

    kind: str  # "speech" | "question" | "answer"
    label: str | None
    qualifier: str | None
    speaker: str | None
    heading: str | None
    line: int
    label_span: tuple[int, int] | None = None
    heading_span: tuple[int, int] | None = None
    spans: list[tuple[int, int]] = field(default_factory=list)

    @property
    def start(self) -> int:
        return self.spans[0][0]

    @property
    def end(self) -> int:
        return self.spans[-1][1]


@dataclass
class _Label:
    kind: str  # "question" | "speaker" | "answer"
    name: str
    qualifier: str | None
    speaker: str | None
    known: bool  # a registry person, a role label or a question/answer label
    span: tuple[int, int]
    text_start: int


def split_turns(page: Page) -> tuple[list[Turn], list[Chrome], list[Problem]]:
    """Turns of a page's body, the chrome found among them, and warnings."""
    turns: list[Turn] = []
    chrome: list[Chrome] = []
    warnings: list[Problem] = []
    contents = {heading_key(item) for item in page.contents}
    section: str | None = None  # the latest heading's text
    pending_heading: tuple[tuple[int, int], int] | None = None  # its span, until a turn claims it
    current: Turn | None = None
    questions = 0
    answering = False  # a question is open: speaker turns answer it
    unknown: set[str] = set()

    def close() -> None:
        nonlocal current
        if current is not None:
            if not current.spans:
                raise TranscriptError(
                    Problem(
                        "empty-turn",
                        page.name,
                        f"expected text after the label {current.label!r}, found none",
                        current.line,
                    )
                )
            turns.append(current)
        current = None

    def drop_heading() -> None:
        """A heading with nothing under it is chrome."""
        nonlocal pending_heading
        if pending_heading is not None:
            (start, end), number = pending_heading
            chrome.append(Chrome("heading", number, start, end))
        pending_heading = None

    # a briefing without a table of contents: headings are known by their shape
    by_shape = not contents and page.info.genres[:1] == ["briefing"]
    for index, ln in enumerate(page.body):
        start, end = ln.stripped_span()
        text = page.text[start:end]
        if _SEPARATOR.match(text):
            close()
            drop_heading()
            answering = False
            section = None
            chrome.append(Chrome("separator", ln.number, start, end))
            continue
        if _is_heading(text, contents) or (
            by_shape and index < len(page.body) - 1 and _heading_shaped(text)
        ):
            close()
            drop_heading()
            answering = False
            section = " ".join(text.split())
            pending_heading = ((start, end), ln.number)
            continue
        if current is None and _STAGE_DIRECTION.match(text):
            chrome.append(Chrome("stage-direction", ln.number, start, end))
            continue
        label = _read_label(page, ln, start, text)
        if label is None:
            if current is None:
                current = Turn("speech", None, None, page.info.speaker, section, ln.number)
                current, pending_heading = _attach_heading(current, pending_heading)
            current.spans.append((start, end))
            continue
        close()
        if not label.known and label.name not in unknown:
            unknown.add(label.name)
            warnings.append(
                Problem(
                    "unknown-speaker",
                    page.name,
                    f"expected a speaker from the registry, found label {label.name!r}; "
                    "kept under its label",
                    ln.number,
                    severity="warning",
                )
            )
        if label.kind == "question":
            questions += 1
            answering = True
            kind = "question"
        elif label.kind == "answer":
            if questions == 0:
                raise TranscriptError(
                    Problem(
                        "answer-before-question",
                        page.name,
                        f"expected a 'Question:' before the first {label.name!r} turn, found none",
                        ln.number,
                    )
                )
            kind = "answer"
        else:
            kind = "answer" if answering else "speech"
        current = Turn(
            kind,
            label.name,
            label.qualifier,
            label.speaker,
            section if kind != "answer" else None,
            ln.number,
            label_span=label.span,
        )
        current, pending_heading = _attach_heading(current, pending_heading)
        if label.text_start < end:
            current.spans.append((label.text_start, end))
    close()
    drop_heading()
    return turns, chrome, warnings


def _attach_heading(turn: Turn, pending: tuple[tuple[int, int], int] | None) -> tuple[Turn, None]:
    """The first turn of a section holds the heading line's span (for the accounting)."""
    if pending is not None:
        turn.heading_span, _ = pending
    return turn, None


def _is_heading(text: str, contents: set[str]) -> bool:
    if contents and heading_key(text) in contents:
        return True
    return bool(
        _HEADING_ON.match(text)
        and len(text.split()) <= 12
        and not _TERMINAL.search(text)
        and ":" not in text
    )


def _heading_shaped(text: str) -> bool:
    """A short paragraph that starts like a title and ends without punctuation."""
    stripped = text.strip()
    return (
        0 < len(stripped.split()) <= MAX_HEADING_WORDS
        and (stripped[0].isupper() or stripped[0].isdigit() or stripped[0] in '“"«')
        and not _TERMINAL.search(stripped)
        and stripped[-1] not in ",-–—"
        and _LABEL.match(stripped) is None
    )


def _read_label(page: Page, ln: Line, start: int, text: str) -> _Label | None:
    match = _LABEL.match(text)
    if match is None:
        return None
    name = " ".join(match["name"].split())
    qualifier = " ".join(match["qualifier"].split()) if match["qualifier"] else None
    folded = speakers.fold(name)
    span = (start + match.start("name"), start + match.end("colon"))
    text_start = start + match.end()
    if folded in _QUESTION_WORDS or (_QUESTION_PHRASE.match(folded) and len(name.split()) <= 8):
        return _Label("question", name, qualifier, None, True, span, text_start)
    if folded in _ANSWER_WORDS:
        speaker = page.info.speaker or name
        return _Label("answer", name, qualifier, speaker, True, span, text_start)
    if " " not in name and _edit_distance(folded, "question") <= 2:
        raise TranscriptError(
            Problem(
                "label-typo",
                page.name,
                f"expected the label 'Question:', found {name + ':'!r}; correct the label",
                ln.number,
            )
        )
    person = speakers.resolve(name)
    if person is not None:
        return _Label("speaker", name, qualifier, person.name, True, span, text_start)
    role = _ROLE_PHRASE.match(folded)
    if folded in _ROLE_LABELS or (
        role is not None and role["role"] in _ROLE_LABELS and len(name.split()) <= 6
    ):
        return _Label("speaker", name, qualifier, name, True, span, text_start)
    if _name_shaped(name):
        return _Label("speaker", name, qualifier, name, False, span, text_start)
    return None


def _name_shaped(name: str) -> bool:
    words = name.split()
    if not 2 <= len(words) <= MAX_NAME_WORDS or words[-1].lower() in _CONNECTORS:
        return False
    if words[0].lower() in (_CONNECTORS - _NAME_PARTICLES) | _ARTICLES:
        return False
    return all(w[0].isupper() or w.lower() in _CONNECTORS for w in words)


def _edit_distance(a: str, b: str) -> int:
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, start=1):
        current = [i]
        for j, cb in enumerate(b, start=1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        previous = current
    return previous[-1]


def ends_mid_sentence(text: str) -> bool:
    """True when a page's last paragraph stops without closing punctuation."""
    return _TERMINAL.search(text) is None
