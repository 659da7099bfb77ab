"""Body to turns: labels, qualifiers, continuation paragraphs, headings.

Rules, applied paragraph by paragraph (a paragraph is a non-blank body line):

* A **label** opens a paragraph: a name, an optional parenthesised qualifier, a colon,
  then whitespace (a no-break space counts) or the end of the line:
  ``Question:``, ``Sergey Lavrov (after J.Kerry):``, ``FOREIGN MINISTER LAVROV:``.
  The name must look like one: ``Question``/``Q``, ``Answer``/``A``, a registry speaker
  (a role may precede the name), a one-word role such as ``Moderator``, or two to ten
  capitalised words (``of``, ``the``, ``and``... allowed between). Anything else is
  text: ``There is only one obligation: ...`` stays in its turn.
* A paragraph without a label continues the current turn; before any turn it opens an
  unlabelled statement by the title's speaker.
* A ``Question`` turn opens a question. A speaker turn after a question answers the
  latest question (a question may get several answers, or none when the next
  question follows at once); a speaker turn before any question, or after a heading,
  is a statement (a row of ``speeches``).
* A **heading** closes the current turn and is kept with the next turn: a line equal to
  an item of the page's table of contents, or a digest topic ``On <topic>`` (at most
  12 words, no closing punctuation).
* ``* * *`` closes the current turn and is chrome (a separator between press approaches).
* Stage directions such as ``(Applause)`` are text of the turn they stand in.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..errors import Problem, TranscriptError
from . import speakers
from .layout import Chrome, Line, Page

__all__ = ["Turn", "split_turns"]

_LABEL = re.compile(
    r"^(?P<name>[^\W\d_][^:()\n]{0,100}?)\s*(?:\((?P<qualifier>[^()\n]{1,100})\))?\s*(?P<colon>:)(?=\s|$)\s*"
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
}
_HEADING_ON = re.compile(r"^\s*On\s+\S.*$")
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
    known: bool
    span: tuple[int, int]
    text_start: int


def split_turns(page: Page) -> tuple[list[Turn], list[Chrome], list[Problem]]:
    """Turns of a page's body, the separators found among them, and warnings."""
    turns: list[Turn] = []
    separators: list[Chrome] = []
    warnings: list[Problem] = []
    contents = {_key(item) for item in page.contents}
    pending_heading: tuple[str, tuple[int, int]] | None = None
    current: Turn | None = None
    questions = 0
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

    for ln in page.body:
        start, end = ln.stripped_span()
        text = page.text[start:end]
        if _SEPARATOR.match(text):
            close()
            separators.append(Chrome("separator", ln.number, start, end))
            continue
        if _is_heading(text, contents):
            close()
            if pending_heading is not None:  # two headings in a row: the first stands alone
                turns.append(_heading_turn(page, pending_heading, ln))
            pending_heading = (" ".join(text.split()), (start, end))
            continue
        label = _read_label(page, ln, start, text)
        if label is None:
            if current is None:
                current = Turn("speech", None, None, page.info.speaker, None, ln.number)
                current, pending_heading = _attach_heading(current, pending_heading)
            current.spans.append((start, end))
            continue
        close()
        if label.kind == "speaker" and not label.known and label.name not in unknown:
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
            kind = "answer" if questions and pending_heading is None else "speech"
        current = Turn(
            kind,
            label.name,
            label.qualifier,
            label.speaker,
            None,
            ln.number,
            label_span=label.span,
        )
        current, pending_heading = _attach_heading(current, pending_heading)
        if label.text_start < end:
            current.spans.append((label.text_start, end))
    close()
    if pending_heading is not None:
        turns.append(_heading_turn(page, pending_heading, page.body[-1]))
    return turns, separators, warnings


def _attach_heading(turn: Turn, pending: tuple[str, tuple[int, int]] | None) -> tuple[Turn, None]:
    if pending is not None:
        turn.heading, turn.heading_span = pending
    return turn, None


def _heading_turn(page: Page, heading: tuple[str, tuple[int, int]], ln: Line) -> Turn:
    """A heading with nothing under it: a statement whose text is the heading itself."""
    _, span = heading
    return Turn("speech", None, None, page.info.speaker, None, ln.number, spans=[span])


def _key(text: str) -> str:
    return " ".join(speakers.fold(text).split()).rstrip(":").strip()


def _is_heading(text: str, contents: set[str]) -> bool:
    if contents and _key(text) in contents:
        return True
    return bool(
        _HEADING_ON.match(text)
        and len(text.split()) <= 12
        and not _TERMINAL.search(text)
        and ":" not in text
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
    if folded in _QUESTION_WORDS:
        return _Label("question", name, qualifier, None, True, span, text_start)
    if folded in _ANSWER_WORDS:
        return _Label("answer", name, qualifier, page.info.speaker, True, span, text_start)
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
    if folded in _ROLE_LABELS or _name_shaped(name):
        return _Label("speaker", name, qualifier, name, False, span, text_start)
    return None


def _name_shaped(name: str) -> bool:
    words = name.split()
    if not 2 <= len(words) <= 10 or words[-1].lower() in _CONNECTORS:
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
