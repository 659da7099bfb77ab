"""Body to turns: labels, qualifiers, continuation paragraphs, headings.

A page whose body holds no paragraph but stage directions and separators (a title and
a footer, perhaps an ``(Applause)``) is refused as ``not-a-transcript``. Otherwise the
rules apply paragraph by paragraph (a paragraph is a non-blank body line; where turns
were run together in one line, ``Question: ...? Sergey Lavrov: ...``, a ``Question``,
``Answer`` or registry speaker's label right after the end of a sentence in a paragraph
that opens with a label starts a new paragraph):

* A **label** opens a paragraph: a name, an optional parenthesised qualifier, a colon,
  then whitespace (a no-break space counts) or the end of the line:
  ``Question:``, ``Sergey Lavrov (after J.Kerry):``, ``FOREIGN MINISTER LAVROV:``.
  The name must look like one: ``Question``/``Q``, ``Question`` followed by
  ``from``/``to``/``for``/``by`` and a few words (``Question from the audience``) or by
  a number (``Question 2``, ``Question2``), ``Answer``/``A``, a registry speaker (a role
  may precede the name), a one-word role such as ``Moderator`` (or a role with
  ``from``/``of`` and a few words: ``Voice from the audience``), or two to
  :data:`MAX_NAME_WORDS` capitalised words (``of``, ``the``, ``and``... and the name
  particles of :data:`~mfa_transcripts.builder.speakers.NAME_PARTICLES` allowed
  between, not at either end, though a particle such as ``van`` may start one:
  ``Secretary General of the League of Arab States Ahmed Aboul Gheit``, ``Ursula von
  der Leyen``), or initials glued to a surname (``S.A.Ryabkov``; initials before a
  registry surname name that person: ``M.V.Zakharova`` is Maria Zakharova). An
  acronym (``START``, ``US``) may stand among the words but does not count as one of
  the two, unless the whole label is upper-case (``MR SMITH``). A
  speaker label (anything but ``Question``/``Answer``) followed by text that starts
  with a lower-case letter is prose, not a label: ``New START: we proposed ...``.
  Anything else is text: ``There is only one obligation: ...`` stays in its turn. The
  qualifier is kept as data and never splits the name. A number may open a
  ``Question``, ``Answer`` or registry speaker's label (``1. Question:``), and an
  unlabelled numbered paragraph (``2. Does Russia expect ...?``) whose turn is followed
  by an ``Answer:`` label is a question labelled by its number (``2``); other numbered
  paragraphs are text. A one-word label within edit
  distance 2 of ``Question`` that does not contain the word (``Qestion:``) is refused
  as a typo; ``Questioner`` is a role.
* A name-shaped label that is not in the speaker registry is kept as written and
  reported once per page as an ``unknown-speaker`` warning, as is a title speaker the
  registry does not know, and a paragraph shaped like a personal name's label but for
  one short lower-case word that is no known particle (``Karl-Theodor zu Guttenberg:
  Thank you.``), which stays text; role labels (``Moderator``) are not people and are
  not reported. ``Answer:`` is the title's speaker (its label when the title names
  nobody).
* A paragraph without a label continues the current turn; before any turn it opens an
  unlabelled statement by the title's speaker.
* A ``Question`` turn opens a question, and so does a role that asks (interviewer,
  journalist, correspondent, reporter, participant, student, audience, voice,
  questioner), kept under its label; so does, on an interview page (a genre of the
  title) with no ``Question`` label, a name label naming neither a registry person nor
  the title's speaker (the interviewer: ``Olga Belova:``), reported as no unknown
  speaker. A speaker turn while a question is open answers the
  latest question (a question may get several answers, from several speakers in turn,
  or none when the next question follows at once); a speaker turn before any question,
  or after a heading or a separator and before the next question, is a statement (a
  row of ``speeches``). A role that chairs or interprets (moderator, host, presenter,
  chairman, chair, anchor, interpreter, translator) always makes a statement and leaves
  an open question open: the speaker turns after it still answer that question.
* A **heading** closes the current turn and opens a section: a line equal to an item
  of the page's table of contents (or, as the page's last paragraph, the start of one,
  at least 10 characters: a heading cut short), or, on a digest (a page with no question
  label), a topic ``On <topic>`` (at most 12 words, no comma, colon or closing
  punctuation) that is not the page's last paragraph and is followed by an unlabelled
  paragraph. On a briefing page (the title's first genre) without a table of contents,
  any paragraph shaped like a heading is one: at most :data:`MAX_HEADING_WORDS` words,
  starting with a capital letter, a digit or a quote, not a label, no closing
  punctuation (nor a closing comma or dash), and not the page's last paragraph (that is
  text cut short); so is a heading that ends in a full stop (``Situation in Syria.``: 2
  to :data:`MAX_STOP_HEADING_WORDS` words, no other sentence punctuation, none of the
  pronouns, auxiliary verbs and greetings that make a sentence: ``Thank you.``), when no
  labelled turn is open and a longer unlabelled paragraph follows. Anywhere, a
  republisher's topic tag on a line of its own (``#BRICS``) and a digest's lead-in to
  its summary points (``Key theses:``, ``Key talking points``, ``The main theses``) are
  headings. Every question and statement of the section (up to the next heading
  or separator) carries it as ``heading``. A heading with no turn under it (the next
  line is another heading, or the page ends) is chrome (``heading``), as is the ToC's
  divider ``Answers to media questions:`` when it recurs in the body.
* ``* * *`` closes the current turn and is chrome (a separator between press approaches).
* **Stage directions** (a paragraph that is wholly parenthesised: ``(Applause)``,
  ``(Laughter.)``, ``(Off-mike.)``) never open a turn or name a speaker: inside a turn
  they are text of that turn; where no turn is open (start of the body, after a heading
  or a separator) they are chrome (``stage-direction``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from ..errors import Problem, TranscriptError
from . import speakers
from .layout import Chrome, Line, Page, heading_key

__all__ = ["MAX_NAME_WORDS", "Turn", "split_turns"]

MAX_NAME_WORDS = 16
"""Longest label name, in words, that is taken for a speaker without the registry."""
MAX_STOP_HEADING_WORDS = 15
"""Longest paragraph, in words, taken for a heading that ends in a full stop."""
MAX_HEADING_WORDS = 30
"""Longest paragraph, in words, taken for a section heading by its shape on a briefing page."""

# Possessive whitespace (``\s*+``): a long run of spaces must not make the lazy name and
# the optional qualifier try every way of sharing it (that was quadratic per paragraph).
_LABEL = re.compile(
    r"^(?P<number>\d{1,3}[.)]\s*+)?"  # '1. Question:'
    r"(?P<name>[^\W\d_][^:()\n]{0,150}?)\s*+(?:\((?P<qualifier>[^()\n]{1,100})\))?\s*+"
    r"(?P<colon>:)(?=\s|$)\s*+"
)
# lower-case words allowed between the capitalised words of a name
_CONNECTORS = {"of", "the", "for", "and", "on", "to", "in", "at"} | speakers.NAME_PARTICLES
_QUESTION_WORDS = {"question", "q", "questions"}
_ARTICLES = {"a", "an"}  # like 'the', 'of', 'and'..., never the first word of a name
# 'Question from the audience', 'Question to both ministers', 'QUESTION FOR MR LAVROV',
# 'Question 2', 'Question2'
_QUESTION_PHRASE = re.compile(
    r"^(?:question|q)\s+(?:from|to|for|by)\s+\S.*$|^(?:question|q)\s*\d{1,3}$"
)
# 'Voice from the audience', 'Participant from Germany', 'Moderator of the discussion'
_ROLE_PHRASE = re.compile(r"^(?P<role>\w+)\s+(?:from|of|for|at)\s+\S.*$")
_ANSWER_WORDS = {"answer", "a"}
# roles that ask: their turns are questions
_ASKING_ROLES = {
    "interviewer",
    "journalist",
    "correspondent",
    "reporter",
    "participant",
    "student",
    "audience",
    "voice",
    "questioner",
}
# roles that chair or interpret: their turns are statements and leave a question open
_CHAIRING_ROLES = {
    "moderator",
    "host",
    "presenter",
    "chairman",
    "chair",
    "anchor",
    "interpreter",
    "translator",
}
# short English words: 'Putin met Xi Jinping: ...' is prose, not a near-label
_SHORT_WORDS = {
    "and",
    "or",
    "but",
    "nor",
    "yet",
    "so",
    "as",
    "by",
    "is",
    "was",
    "are",
    "has",
    "had",
    "met",
    "saw",
    "see",
    "say",
    "won",
    "led",
    "let",
    "put",
    "set",
    "got",
    "vs",
    "via",
    "per",
    "not",
    "now",
    "too",
    "his",
    "her",
    "its",
    "our",
    "who",
    "why",
    "how",
    "may",
    "can",
}
# a numbered paragraph: '1. Theresa May said ...'
_NUMBERED = re.compile(r"^(?P<n>\d{1,3})(?P<mark>[.)])\s+(?=\S)")
# a republisher's topic tag on a line of its own: '#BRICS', '#RussiaChina cooperation'
_TOPIC_TAG = re.compile(r"^\s*#[^\W\d_][\w\-]*(?:\s+[\w’'\-]+){0,5}\s*$")
# a digest's lead-in to its summary points: 'Key theses:', 'The main theses', 'Key talking points'
_DIGEST_LEAD = re.compile(
    r"^\s*(?i:(?:the\s+)?(?:key|main)\s+(?:theses|talking\s+points|points|statements|takeaways"
    r"|quotes))\s*:?\s*$"
)
# a label right after the end of a sentence, inside a paragraph: '...? Sergey Lavrov: It ...'
_INLINE_LABEL = re.compile(
    r"(?<=[.?!…\"”»’)])\s*+(?P<label>[A-Z][\w.’'\-]*+(?:\s++[A-Z][\w.’'\-]*+){0,3}"
    r"\s*+(?:\([^()\n]{1,100}\))?:\s++[A-Z“\"«])"
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
_STAGE_DIRECTION = re.compile(r"^\s*\([^()]{1,60}\)\s*$")
_SEPARATOR = re.compile(r"^\s*(?:\*\s*){3}\s*$")
_TERMINAL = re.compile(r"[.!?…:;][\"”»’')\]]*\s*$|^\s*\(.*\)\s*$")
CUT_HEADING_CHARS = 10
"""Shortest start of a contents item that, as the page's last paragraph, is a heading cut short."""


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
    kind: str  # "question" | "speaker" | "chair" | "answer"
    name: str
    qualifier: str | None
    speaker: str | None
    known: bool  # a registry person, a role label or a question/answer label
    span: tuple[int, int]
    text_start: int
    typo: bool = False  # a misspelt 'Question' label, read as one


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

    texts = [page.text[slice(*ln.stripped_span())] for ln in page.body]
    if not texts and page.contents:
        # a briefing saved only as far as its table of contents: the page is published
        # with its contents and no turns
        warnings.append(
            Problem(
                "no-body",
                page.name,
                "expected the briefing's text after its table of contents, found the end of "
                "the page; published with its contents only",
                page.lines[-1].number if page.lines else 1,
                severity="warning",
            )
        )
        return turns, chrome, warnings
    if all(_SEPARATOR.match(t) or _STAGE_DIRECTION.match(t) for t in texts):
        raise TranscriptError(
            Problem(
                "not-a-transcript",
                page.name,
                "expected at least one paragraph of content after the title, found none",
                page.head_line,
            )
        )

    def warn_unknown(name: str, line: int, message: str) -> None:
        """One ``unknown-speaker`` warning per name and page."""
        if name not in unknown:
            unknown.add(name)
            warnings.append(
                Problem("unknown-speaker", page.name, message, line, severity="warning")
            )

    info = page.info
    if info.speaker is not None and not info.speaker_known:
        warn_unknown(
            info.speaker,
            page.head_line,
            f"expected the title's speaker in the registry, found {info.speaker!r}; "
            "kept as written",
        )

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

    def claim_heading(turn: Turn) -> None:
        """The first turn of a section holds the heading line's span (for the accounting)."""
        nonlocal pending_heading
        if pending_heading is not None:
            turn.heading_span = pending_heading[0]
        pending_heading = None

    # a briefing without a table of contents: headings are known by their shape
    by_shape = not contents and info.genres[:1] == ["briefing"]
    # paragraphs: body lines, split where a label follows a sentence inside a labelled one
    units = [unit for ln in page.body for unit in _split_run_together(page, ln)]
    texts = [page.text[start:end] for _, start, end in units]
    labels = [
        _read_label(page, ln, start, t, strict=False)
        for (ln, start, _), t in zip(units, texts, strict=True)
    ]
    # a digest: no question labels; 'On <topic>' headings stand in for them
    digest = not any(label is not None and label.kind == "question" for label in labels)
    # an interview without 'Question' labels: the interviewer is labelled by name
    interview = digest and "interview" in info.genres and info.speaker is not None
    last = len(units) - 1
    for index, (ln, start, end) in enumerate(units):
        text = texts[index]
        if _SEPARATOR.match(text):
            close()
            drop_heading()
            answering = False
            section = None
            chrome.append(Chrome("separator", ln.number, start, end))
            continue
        if (
            _in_contents(text, contents, cut=index == last)
            or (
                digest
                and index < last
                and _topic_heading(text)
                and labels[index + 1] is None
                and not _SEPARATOR.match(texts[index + 1])
            )
            or (by_shape and index < last and _heading_shaped(text))
            or (
                by_shape
                and index < last
                and _heading_with_full_stop(text)
                and labels[index + 1] is None
                and len(texts[index + 1]) > len(text)
                and (current is None or current.label is None)
            )
            or _TOPIC_TAG.match(text)
            or _DIGEST_LEAD.match(text)
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
        if label is None and (number := _numbered_question(index, texts, labels)) is not None:
            label = _Label(
                "question",
                number.group("n"),
                None,
                None,
                True,
                (start + number.start(), start + number.end("mark")),
                start + number.end(),
            )
        if label is None:
            near = _near_label(text)
            if near is not None:
                warn_unknown(
                    near,
                    ln.number,
                    f"expected a speaker label, found {near + ':'!r}, shaped like a name "
                    "but for a lower-case word that is no name particle; kept as text",
                )
            if current is None:
                current = Turn("speech", None, None, info.speaker, section, ln.number)
                claim_heading(current)
            current.spans.append((start, end))
            continue
        close()
        if interview and _interviewer(label, info.speaker):
            label = replace(label, kind="question", speaker=None, known=True)
        if not label.known:
            warn_unknown(
                label.name,
                ln.number,
                f"expected a speaker from the registry, found label {label.name!r}; "
                "kept under its label",
            )
        if label.typo:
            warnings.append(
                Problem(
                    "label-typo",
                    page.name,
                    f"expected the label 'Question:', found {label.name + ':'!r}; read as a "
                    "question",
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
                # a repost that starts mid-conversation: the answer's question was cut
                # off, so the turn is a labelled statement
                warnings.append(
                    Problem(
                        "answer-before-question",
                        page.name,
                        f"expected a 'Question:' before the first {label.name!r} turn, found "
                        "none; published as a statement",
                        ln.number,
                        severity="warning",
                    )
                )
                kind = "speech"
            else:
                kind = "answer"
        elif label.kind == "chair":
            kind = "speech"  # and the open question, if any, stays open
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
        claim_heading(current)
        if label.text_start < end:
            current.spans.append((label.text_start, end))
    close()
    drop_heading()
    return turns, chrome, warnings


def _split_run_together(page: Page, ln: Line) -> list[tuple[Line, int, int]]:
    """A body line as paragraphs (line, start, end): one, unless the line opens with a
    label and a ``Question``/``Q`` or ``Answer``/``A`` label or a registry speaker's
    label follows the end of a sentence inside it (``Question: ...? Sergey Lavrov:
    ...``), where the turns were run together; each such label starts a paragraph."""
    start, end = ln.stripped_span()
    text = page.text[start:end]
    first = _read_label(page, ln, start, text, strict=False)
    if first is None:
        return [(ln, start, end)]
    for match in _INLINE_LABEL.finditer(text, first.text_start - start):
        at = start + match.start("label")
        label = _read_label(page, ln, at, page.text[at:end], strict=False)
        if label is None or label.kind not in ("question", "answer", "speaker"):
            continue
        if label.kind == "speaker" and speakers.resolve(label.name) is None:
            continue  # a role ('Moderator') or an unknown name, not a registry person
        # the rest may hold further run-together turns
        rest = Line(ln.number, at, end, page.text[at:end])
        return [(ln, start, start + match.start()), *_split_run_together(page, rest)]
    return [(ln, start, end)]


def _numbered_question(
    index: int, texts: list[str], labels: list[_Label | None]
) -> re.Match[str] | None:
    """The number opening an unlabelled question (``1. Theresa May said ...?``): a
    numbered paragraph whose turn, unlabelled paragraphs after it included, is followed
    by an ``Answer:`` label; else None."""
    number = _NUMBERED.match(texts[index])
    if number is None or labels[index] is not None:
        return None
    j = index + 1
    while j < len(texts) and labels[j] is None and not _NUMBERED.match(texts[j]):
        j += 1
    following = labels[j] if j < len(texts) else None
    return number if following is not None and following.kind == "answer" else None


def _in_contents(text: str, contents: set[str], cut: bool) -> bool:
    """A line equal to a contents item; as the page's last line (``cut``), also the
    start of one, of at least :data:`CUT_HEADING_CHARS` characters."""
    if not contents:
        return False
    key = heading_key(text)
    if key in contents:
        return True
    return cut and len(key) >= CUT_HEADING_CHARS and any(c.startswith(key) for c in contents)


def _topic_heading(text: str) -> bool:
    """A digest's topic: 'On situation in Niger' (no comma: 'On the one hand, ...' is prose)."""
    return bool(
        _HEADING_ON.match(text)
        and len(text.split()) <= 12
        and not _TERMINAL.search(text)
        and ":" not in text
        and "," not in text
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


def _heading_with_full_stop(text: str) -> bool:
    """A heading that ends in a full stop (``Situation in Syria.``): 2 to
    :data:`MAX_STOP_HEADING_WORDS` words starting like a title, one full stop at the end and
    no other sentence or clause punctuation, and none of the words that make a sentence
    (a subject pronoun, an auxiliary verb, a greeting: ``I will start with the schedule.``,
    ``Thank you.``, ``Ladies and gentlemen.``)."""
    stripped = text.strip()
    if not stripped.endswith(".") or stripped.endswith("..") or _LABEL.match(stripped):
        return False
    words = stripped[:-1].split()
    return (
        2 <= len(words) <= MAX_STOP_HEADING_WORDS
        and (stripped[0].isupper() or stripped[0].isdigit() or stripped[0] in '“"«')
        and re.search(r"[!?;:,…]|\.\s", stripped[:-1]) is None
        and not any(w.strip("“”\"’'()").lower() in _SENTENCE_WORDS for w in words)
    )


def _read_label(
    page: Page, ln: Line, start: int, text: str, *, strict: bool = True
) -> _Label | None:
    """The label opening a paragraph, or None. ``strict``: a 'Question' typo is an error
    (otherwise it is no label)."""
    match = _LABEL.match(text)
    if match is None:
        return None
    name = " ".join(match["name"].split())
    qualifier = " ".join(match["qualifier"].split()) if match["qualifier"] else None
    folded = speakers.fold(name)
    span = (start + match.start(), start + match.end("colon"))
    text_start = start + match.end()
    if match["number"] and not (
        folded in _QUESTION_WORDS | _ANSWER_WORDS or speakers.resolve(name) is not None
    ):
        return None  # numbered points: '1. Strategic stability: ...'
    if folded in _QUESTION_WORDS or (_QUESTION_PHRASE.match(folded) and len(name.split()) <= 8):
        return _Label("question", name, qualifier, None, True, span, text_start)
    if folded in _ANSWER_WORDS:
        speaker = page.info.speaker or name
        return _Label("answer", name, qualifier, speaker, True, span, text_start)
    if " " not in name and "question" not in folded and _edit_distance(folded, "question") <= 2:
        # a misspelt 'Question:' ('Qestion:') is read as one, with a warning (strict
        # callers); the look-ahead (not strict) does not count it as a label
        if not strict:
            return None
        return _Label("question", name, qualifier, None, True, span, text_start, typo=True)
    if text[match.end() : match.end() + 1].islower():
        return None  # prose: 'New START: we proposed ...'
    person = speakers.resolve(name)
    if person is not None:
        return _Label("speaker", name, qualifier, person.name, True, span, text_start)
    role = _ROLE_PHRASE.match(folded)
    word = folded if role is None or len(name.split()) > 6 else role["role"]
    if word in _ASKING_ROLES:
        return _Label("question", name, qualifier, None, True, span, text_start)
    if word in _CHAIRING_ROLES:
        return _Label("chair", name, qualifier, name, True, span, text_start)
    if _name_shaped(name):
        return _Label("speaker", name, qualifier, name, False, span, text_start)
    return None


def _interviewer(label: _Label, title_speaker: str | None) -> bool:
    """A name label on an interview page that names neither a registry person nor the
    title's speaker (by the same surname: ``Ambassador Antonov`` for Anatoly Antonov)."""
    if label.kind != "speaker" or label.known or title_speaker is None:
        return False
    return speakers.fold(label.name.split()[-1]) != speakers.fold(title_speaker.split()[-1])


def _is_acronym(word: str) -> bool:
    """'START', 'US', 'U.S.': two or more letters, all capitals ('J.' is an initial)."""
    return word.isupper() and sum(c.isalpha() for c in word) >= 2


def _name_shaped(name: str) -> bool:
    words = name.split()
    if len(words) == 1 and speakers.INITIALLED_NAME.match(name):
        return True  # 'S.A.Ryabkov': initials glued to a surname
    if not 2 <= len(words) <= MAX_NAME_WORDS or words[-1].lower() in _CONNECTORS:
        return False
    if words[0].lower() in (_CONNECTORS - speakers.NAME_PARTICLES) | _ARTICLES:
        return False
    if not all(w[0].isupper() or w.lower() in _CONNECTORS for w in words):
        return False
    # an acronym is no name word unless the whole label is upper-case ('MR SMITH')
    upper = name.isupper()
    return sum(w[0].isupper() and (upper or not _is_acronym(w)) for w in words) >= 2


def _near_label(text: str) -> str | None:
    """The name of a paragraph shaped like a personal name's label but for one short
    lower-case word that is no known particle (``Karl-Theodor zu Guttenberg: Thank
    you.``), worth a warning, as a speaker's turn may have been merged into the one
    before; else None."""
    match = _LABEL.match(text)
    if match is None or match["qualifier"] is not None or match["number"]:
        return None
    after = text[match.end() :]
    if after and not after[0].isupper():
        return None
    words = match["name"].split()
    odd = [w for w in words if not w[0].isupper() and w.lower() not in _CONNECTORS]
    shaped = (
        3 <= len(words) <= 5
        and words[0][0].isupper()
        and words[-1][0].isupper()
        and words[0].lower() not in _CONNECTORS | _ARTICLES
        and not any(_is_acronym(w) for w in words)
        and len(odd) == 1
        and len(odd[0]) <= 3
        and odd[0].isalpha()
        and odd[0] not in _SHORT_WORDS
    )
    return " ".join(words) if shaped else None


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
