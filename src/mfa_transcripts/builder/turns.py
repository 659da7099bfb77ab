"""Body to turns: the turn state machine.

The body's paragraphs and the labels they open with come from :mod:`.paragraphs`
(run-together turns split, labels the page implies, what the page as a whole is: a
digest, an interview, whom it is with); the grammar lives in :mod:`.grammar`: labels
in :mod:`.grammar.labels`, headings, separators and stage directions in
:mod:`.grammar.headings`, chrome lines in :mod:`.grammar.chrome`. A page whose body
holds no paragraph but stage directions and separators is refused as
``not-a-transcript``. Otherwise the rules apply paragraph by paragraph (a label alone on
its line takes the next line as its first paragraph):

* A label opens a turn. A name-shaped label that is not in the speaker registry is
  kept as written and reported once per page as an ``unknown-speaker`` warning, as is a
  title speaker the registry does not know, and a near-label (``Karl-Theodor zu
  Guttenberg: Thank you.``), which stays text; role labels (``Moderator``) are not
  people and are not reported. ``Answer:`` is the title's speaker (its label when the
  title names nobody). A misspelt ``Question`` (``Qestion:``) opens a question and is
  reported as a ``label-typo`` warning. An ``Answer:`` before any question (a repost
  that starts mid-conversation) is a labelled statement, with an
  ``answer-before-question`` warning; a briefing saved only as far as its contents has
  no turns and a ``no-body`` warning.
* Labels the page implies (a numbered question, a dashed dialogue, a surname alone
  after the full name) are :mod:`.grammar.dialogue`'s.
* An unknown name's label with no text under it before the next label is no label
  but a line of text (a sentence broken before its colon); a known one is refused
  (``empty-turn``), but at the body's end, where the copy was cut right after it: then
  it is chrome (``cut-label``) and the page is incomplete; so is a last paragraph that
  is the start of a label the page uses (``Tim`` of ``Times Now:``), the copy cut
  inside it.
* Unlabelled text before the first turn may be the editor's lead (chrome):
  :func:`.grammar.leads.editors_lead` (on an interview, unless it is the speaker's
  preface, ``We are pleased with ...``; before an untitled page's first question).
* A paragraph without a label continues the current turn; before any turn it opens an
  unlabelled statement by the title's speaker (a dialogue dash opening it, ``- We
  are ...``, is chrome of kind ``turn-mark``, unless the next paragraph opens with one:
  a list), unless a label of the title's speaker
  follows it and it ends with a question mark: then it was the first question.
* A question label (``Question``, a role that asks, and the labels :mod:`.paragraphs`
  finds asking: an interviewer's name, ``Olga Belova:``, reported as no unknown
  speaker; an outlet's ``TASS:``) opens a question. A speaker turn while a question is
  open answers the latest question (a question may get several answers, from several
  speakers in turn, or none when the next question follows at once); a speaker turn
  before any question, or after a heading or a separator and before the next question,
  is a statement (a row of ``speeches``), and so is the turn of the one who answered,
  labelled again with no question between (the question is closed: ``... answers
  before and after the meeting``); but a speaker labelled again right after their own
  turn whose last paragraph asks, after an elision mark (``. . .``), was answering
  someone the excerpt left out: that paragraph is an unlabelled question (``A question
  to Secretary Rice. ... ?``), which the new turn answers. A role that chairs or
  interprets always makes a statement and leaves an open question open; so does a
  broadcast's anchor, whose first turn asks nothing and hands over to another
  interviewer's.
* Every question and statement of a section (up to the next heading or separator)
  carries its heading as ``heading``; on a cut digest, the last of a run of topics is a
  heading too. The ToC's divider ``Answers to media questions:`` in the body is chrome.
* A chrome line of the ``body`` place (:data:`~.grammar.chrome.CHROME_LINES`) is
  chrome wherever it stands and closes no turn.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from ..errors import Problem, TranscriptError
from .grammar.chrome import chrome_kind
from .grammar.contents import heading_key
from .grammar.dashes import DASH_TURN
from .grammar.dialogue import cut_inside_label, interviewer, numbered_question, one_word_label
from .grammar.headings import SEPARATOR, STAGE_DIRECTION, ends_mid_sentence, opens_section
from .grammar.labels import Label, near_label
from .grammar.leads import anchor_hands_over, editors_lead, reported_paragraphs
from .grammar.links import links_under
from .page import Chrome, Page
from .paragraphs import label_paragraphs
from .refuse import empty_body
from .speakers import surname

__all__ = ["Turn", "ends_mid_sentence", "split_turns"]


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
    if (no_body := empty_body(page, texts)) is not None:
        return turns, chrome, [no_body]  # a briefing saved only as far as its contents

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

    def warn(kind: str, expected_found: str, line: int) -> None:
        warnings.append(
            Problem(kind, page.name, f"expected {expected_found}", line, severity="warning")
        )

    def close(cut: bool = False) -> None:  # cut: the body ends here (a label may be cut)
        nonlocal current
        if current is not None:
            if not current.spans and cut and current.label_span is not None:
                chrome.append(Chrome("cut-label", current.line, *current.label_span))
            elif not current.spans:
                raise TranscriptError(
                    Problem(
                        "empty-turn",
                        page.name,
                        f"expected text after the label {current.label!r}, found none",
                        current.line,
                    )
                )
            else:
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
    paragraphs = label_paragraphs(page)
    units, texts, labels = paragraphs.units, paragraphs.texts, paragraphs.labels
    digest, interview, subject = paragraphs.digest, paragraphs.interview, paragraphs.subject
    asked_for, implied = paragraphs.asked_for, paragraphs.implied
    last = len(units) - 1
    for index, (ln, start, end, _) in enumerate(units):
        text = texts[index]
        if implied and questions == 0 and labels[index] is None:
            chrome.append(Chrome("lead", ln.number, start, end))  # the editor's
            continue
        if SEPARATOR.match(text):
            close()
            drop_heading()
            answering = False
            section = None
            chrome.append(Chrome("separator", ln.number, start, end))
            continue
        if opens_section(
            index,
            texts,
            labels,
            contents,
            digest=digest,
            by_shape=by_shape,
            implied=implied,
            pending=pending_heading is not None,
            in_labelled_turn=current is not None and current.label is not None,
        ):
            close()
            drop_heading()
            answering = False
            section = " ".join(text.split())
            pending_heading = ((start, end), ln.number)
            continue
        if (kind := chrome_kind(text, "body")) is not None or links_under(texts, index):
            # ('See also' headlines too) chrome wherever it stands: between a turn's
            # paragraphs it is left out of the turn's text, which goes on after it
            chrome.append(Chrome(kind or "republisher", ln.number, start, end))
            continue
        if current is None and STAGE_DIRECTION.match(text):
            chrome.append(Chrome("stage-direction", ln.number, start, end))
            continue
        label = labels[index]
        if index == 0 and paragraphs.headline:  # the republisher's headline, label-shaped
            chrome.append(Chrome("masthead", ln.number, start, end))
            continue
        if index == last and label is None and cut_inside_label(text, labels):
            chrome.append(Chrome("cut-label", ln.number, start, end))  # 'Tim' of 'Times Now:'
            continue
        if label is None and (number := numbered_question(index, texts, labels)) is not None:
            label = Label(
                "question",
                number.group("n"),
                None,
                None,
                True,
                (start + number.start(), start + number.end("mark")),
                start + number.end(),
            )
        if label is None:
            near = near_label(text)
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
                dash = DASH_TURN.match(text)
                if dash and index < last and not DASH_TURN.match(texts[index + 1]):
                    # '- We are completing our work ...': the dialogue's dash opens the
                    # turn (dashes opening the next paragraphs too make a list)
                    chrome.append(Chrome("turn-mark", ln.number, start, start + dash.end()))
                    start += dash.end()
            if current.label_span is not None and not current.spans and text.startswith(":"):
                # the colon of a label alone on the line above: the label's mark
                colon = len(text) - len(text[1:].lstrip())
                chrome.append(Chrome("turn-mark", ln.number, start, start + colon))
                start += colon
            current.spans.append((start, end))
            continue
        if (
            questions == 0
            and current is not None
            and current.label is None
            and label.speaker is not None
            and label.speaker == info.speaker
            and page.text[current.end - 1] == "?"
        ):
            # the title's speaker labelled after unlabelled text that asks: that text
            # was the interviewer's first question, not the speaker's own words; the
            # paragraphs before it that report on the speaker were the editor's lead
            current.kind, current.speaker = "question", None
            reported = reported_paragraphs(
                [page.text[a:b] for a, b in current.spans[:-1]], info.speaker
            )
            chrome.extend(_lead(page, replace(current, spans=current.spans[:reported])))
            current.spans = current.spans[reported:]
            questions, answering = 1, True
            _label_question(page, current)
        elif (
            questions == 0
            and current is not None
            and current.label is None
            and editors_lead(
                [page.text[a:b] for a, b in current.spans],
                surname(subject),
                asked_for,
                page.title is None and label.kind == "question",
            )
        ):
            # an interview's unlabelled text before its first turn, or an untitled
            # page's before its first question: the editor's lead
            chrome.extend(_lead(page, current))
            current = None
        elif (
            current is not None
            and current.label is not None
            and current.kind != "question"
            and label.speaker is not None
            and label.speaker == current.speaker
            and len(current.spans) > 1
            and page.text[current.end - 1] == "?"
            and any(  # between its last two paragraphs
                c.kind == "elision" and current.spans[-2][1] <= c.start < current.spans[-1][0]
                for c in chrome
            )
        ):
            # the speaker labelled again, after an elision mark and a paragraph that
            # asks: the excerpt left out who spoke between, and asked (an unlabelled
            # question), and the new turn answers it
            asked = current.spans.pop()
            close()
            line = page.text.count("\n", 0, asked[0]) + 1
            current = Turn("question", None, None, None, section, line, spans=[asked])
            questions, answering = questions + 1, True
        close()
        if label.typo:
            meant, read = (
                ("Question", "a question") if label.kind == "question" else ("Answer", "an answer")
            )
            warn(
                "label-typo",
                f"the label '{meant}:', found {label.name + ':'!r}; read as {read}",
                ln.number,
            )
        asks = interview or (paragraphs.questioned and "?" in text)
        if asks and interviewer(label, subject):
            label = replace(label, kind="question", speaker=None, known=True)
        if not label.known:
            warn_unknown(
                label.name,
                ln.number,
                f"expected a speaker from the registry, found label {label.name!r}; "
                "kept under its label",
            )
        if label.kind == "question":
            questions += 1
            answering = True
            kind = "question"
        elif label.kind == "answer":
            if questions == 0:
                # a repost that starts mid-conversation: the answer's question was cut
                # off, so the turn is a labelled statement
                warn(
                    "answer-before-question",
                    f"a 'Question:' before the first {label.name!r} turn, found none; "
                    "published as a statement",
                    ln.number,
                )
                kind = "speech"
            else:
                kind = "answer"
        elif label.kind == "chair":
            kind = "speech"  # and the open question, if any, stays open
        elif (
            answering
            and label.speaker is not None
            and turns
            and turns[-1].kind == "answer"
            and turns[-1].speaker == label.speaker
        ):
            # the one who answered, labelled again with no question between: a new
            # statement ('... before and after the meeting'), and the question is closed
            kind, answering = "speech", False
        else:
            kind = "answer" if answering else "speech"
        current = Turn(
            kind,
            label.name or None,  # an implied label writes nothing
            label.qualifier,
            label.speaker,
            section if kind != "answer" else None,
            ln.number,
            label_span=label.span if label.span[1] > label.span[0] else None,
        )
        claim_heading(current)
        if label.text_start < end:
            current.spans.append((label.text_start, end))
    close(cut=True)
    drop_heading()
    if len(turns) > 1 and turns[0].kind == turns[1].kind == "question":
        first, second = turns[0], turns[1]
        said = " ".join(page.text[a:b] for a, b in first.spans)
        if anchor_hands_over(first.label, second.label, said):
            first.kind = "speech"  # a broadcast's anchor's introduction
    return turns, chrome, warnings


def _label_question(page: Page, turn: Turn) -> None:
    """Label an unlabelled first question by the one-word name opening it, if any."""
    start, end = turn.spans[0]
    if (label := one_word_label(page.text[start:end], start)) is not None:
        turn.label, turn.qualifier, turn.label_span = label.name, label.qualifier, label.span
        turn.spans[0] = (label.text_start, end)


def _lead(page: Page, turn: Turn) -> list[Chrome]:
    """A turn's paragraphs as chrome of kind ``lead``, and the heading it claimed (a line
    shaped like one above the editor's lead) as a ``heading``."""
    lines = [("heading", *turn.heading_span)] if turn.heading_span else []
    lines += [("lead", s, e) for s, e in turn.spans]
    return [Chrome(kind, page.text.count("\n", 0, s) + 1, s, e) for kind, s, e in lines]
