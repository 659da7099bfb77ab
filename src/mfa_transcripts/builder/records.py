"""Turns to models: IDs, normalised text, offsets, counts, and the page's accounting.

IDs are derived from what the page says, never from file order:

* transcript: ``<event date>-<12 hex>``, the hex digits being the start of the SHA-256 of
  the event date and the title folded (case, look-alike letters, quotes, whitespace), so
  that two saves of one page get one ID and adding or removing other pages changes none;
  a page that gives no date is ``undated-<12 hex>``, and one without a title line is
  keyed by the text of its first turn (folded the same way), which two saves share too;
* speech ``<transcript>-s001``, question ``<transcript>-q001``, answer ``<question>-a01``,
  numbered in page order.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from .. import schema
from ..errors import Problem, TranscriptError
from ..package import title_key, transcript_id
from ..schema import Answer, Question, Speech, Transcript, paragraph_count
from .grammar.registry import ministry as _ministry
from .page import Chrome, Page
from .read import SourceText
from .turns import Turn, ends_mid_sentence

__all__ = [
    "Accounting",
    "ParsedPage",
    "first_turn_text",
    "has_format_character",
    "make_records",
    "normalise_text",
    "title_key",
    "transcript_id",
]


@dataclass(frozen=True)
class Accounting:
    """Where every character of a page went."""

    total_chars: int
    record_chars: int
    chrome_chars: dict[str, int]
    whitespace_chars: int
    unaccounted_chars: int


@dataclass
class ParsedPage:
    """One page's records, its accounting and the warnings met on the way."""

    transcript: Transcript
    speeches: list[Speech]
    questions: list[Question]
    answers: list[Answer]
    accounting: Accounting
    warnings: list[Problem] = field(default_factory=list)

    def as_json(self) -> dict[str, object]:
        return {
            "transcript": self.transcript.model_dump(mode="json"),
            "speeches": [r.model_dump(mode="json") for r in self.speeches],
            "questions": [r.model_dump(mode="json") for r in self.questions],
            "answers": [r.model_dump(mode="json") for r in self.answers],
        }


def normalise_text(raw: str) -> str:
    """:func:`mfa_transcripts.schema.normalise_text`, without a regex or a generator a line.

    Text holding an invisible or format character (which the rule also treats as
    whitespace or strips) goes the regular way; other text the plain way
    (:func:`_normalise_plain`). A test holds the two equal on every fixture and on
    generated text.
    """
    return schema.normalise_text(raw) if has_format_character(raw) else _normalise_plain(raw)


def _normalise_plain(raw: str) -> str:
    """The text rule for text without format characters.

    ``str.split()`` and ``str.strip()`` take the same whitespace as the regex ``\\s``
    (``str.isspace``), so collapsing runs and stripping is ``" ".join(line.split())``;
    line breaks are ``\\r\\n``, ``\\r`` and ``\\n`` there as here. Most lines are
    tidy already and kept as they are, without a list of their words: a printable line
    holds no whitespace but spaces (``str.isprintable`` is false for every other
    character ``str.isspace`` is true for), and with no two spaces together and none at
    either end, ``" ".join(line.split())`` gives the line back.
    """
    lines = raw.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    return "\n\n".join(
        filter(
            None,
            [
                line
                if line.isprintable()
                and "  " not in line
                and not line.startswith(" ")
                and not line.endswith(" ")
                else " ".join(line.split())
                for line in lines
            ],
        )
    )


def _word_count(text: str) -> int:
    """:func:`mfa_transcripts.schema.word_count` of a text under the rule, without a list
    of its words: a normalised text's words are parted by one space, or by the blank line
    between two paragraphs, and it neither starts nor ends with whitespace."""
    return text.count(" ") + text.count("\n\n") + 1 if text else 0


# Byte tables for the byte-level tricks below: the ASCII bytes, and the ASCII bytes that
# are whitespace to ``str.isspace`` (tab to carriage return, 0x1C to 0x1F, space).
_ASCII = bytes(range(0x80))
_ASCII_SPACE = bytes(b for b in _ASCII if chr(b).isspace())
_ASCII_SPACE_AND_NON_ASCII = _ASCII_SPACE + bytes(range(0x80, 0x100))


def _utf8(text: str) -> bytes:
    # "surrogatepass": a lone surrogate (which no strict decoder yields) is encoded as
    # bytes 0x80 and above, a non-ASCII character like any other, rather than raising.
    return text.encode("utf-8", "surrogatepass")


def _non_ascii(utf8: bytes) -> str:
    """The non-ASCII characters of the text whose UTF-8 bytes are ``utf8``, in order.

    Byte-level: in UTF-8 an ASCII character is one byte below 0x80 and every byte of any
    other character is 0x80 or above, so deleting the bytes below 0x80 deletes exactly the
    ASCII characters and leaves the others whole (one pass in C). An English page keeps
    a few hundred characters of fifty thousand.
    """
    return utf8.translate(None, _ASCII).decode("utf-8", "surrogatepass")


def has_format_character(text: str) -> bool:
    """``schema.HAS_FORMAT_CHARACTER.search(text)``, among the non-ASCII characters only.

    Every format character is non-ASCII, and a regex over a class that holds characters
    beyond U+FFFF tests each character of the text slowly (a page: ~1 ms).
    """
    return not text.isascii() and bool(schema.HAS_FORMAT_CHARACTER.search(_non_ascii(_utf8(text))))


def first_turn_text(source: str, turns: list[Turn]) -> str:
    """What keys the ID of a page without a title: its first turn's text."""
    return normalise_text(source[turns[0].start : turns[0].end]) if turns else ""


def make_records(
    source: SourceText,
    page: Page,
    turns: list[Turn],
    body_chrome: list[Chrome],
    source_url: str | None,
    warnings: list[Problem],
    corrections: tuple[str, ...] = (),
) -> ParsedPage:
    """The page's records. ``warnings``: what the layout and turns raised so far (more are
    added here); ``corrections``: the facts a maintainer stated for the page."""
    turns, contents, body_chrome = without_invisible_turns(page, turns, body_chrome)
    event_date = page.event_date.isoformat() if page.event_date else None
    tid = transcript_id(event_date, page.title, contents[0] if contents else "")
    speeches: list[Speech] = []
    questions: list[Question] = []
    answers: list[Answer] = []
    answered: Counter[str] = Counter()  # answers so far, per question
    warnings = list(warnings)
    for turn, content in zip(turns, contents, strict=True):
        common = {
            "transcript_id": tid,
            "qualifier": turn.qualifier,
            "text": content,
            "paragraph_count": paragraph_count(content),
            "word_count": _word_count(content),
            "char_start": turn.start,
            "char_end": turn.end,
        }
        if turn.kind == "speech":
            speeches.append(
                Speech(
                    speech_id=f"{tid}-s{len(speeches) + 1:03d}",
                    position=len(speeches) + 1,
                    speaker=turn.speaker,
                    ministry=_ministry(turn.speaker),
                    label=turn.label,
                    heading=turn.heading,
                    **common,
                )
            )
        elif turn.kind == "question":
            questions.append(
                Question(
                    question_id=f"{tid}-q{len(questions) + 1:03d}",
                    position=len(questions) + 1,
                    label=turn.label,
                    heading=turn.heading,
                    **common,
                )
            )
        else:
            question = questions[-1]
            answered[question.question_id] += 1
            position = answered[question.question_id]
            answers.append(
                Answer(
                    answer_id=f"{question.question_id}-a{position:02d}",
                    question_id=question.question_id,
                    position=position,
                    speaker=turn.speaker,
                    ministry=_ministry(turn.speaker),
                    label=turn.label,
                    **common,
                )
            )
    last = page.body[-1].text if page.body else ""
    cut_label = any(c.kind == "cut-label" for c in body_chrome)  # '... LAVROV:' at the end
    whole = (
        not page.cut_in_footer
        and not cut_label
        and bool(last.strip())
        and not ends_mid_sentence(last)
    )
    complete = page.has_footer or whole
    if not complete:
        line = page.body[-1].number if page.body else page.head_line
        found = (
            "the copy cut inside what follows the text (links, another item)"
            if page.cut_in_footer
            else "the copy cut right after a label"
            if cut_label
            else repr(last.strip()[-40:])
        )
        warnings.append(
            Problem(
                "incomplete-page",
                page.name,
                f"expected the page to end with a whole sentence, found {found}; published "
                "as incomplete",
                line,
                severity="warning",
            )
        )
    elif turns and turns[-1].kind == "question":
        warnings.append(
            Problem(
                "unanswered-question",
                page.name,
                "expected an answer after the last question, found the end of the page",
                turns[-1].line,
                severity="warning",
            )
        )

    info = page.info
    transcript = Transcript(
        transcript_id=tid,
        title=page.title,
        genre=info.genre,
        genres=info.genres,
        event_date=page.event_date,
        published_date=page.published_date,
        published_at=page.published_at,
        place=info.place,
        occasion=info.occasion,
        speaker=info.speaker,
        speaker_role=info.speaker_role,
        languages=page.languages,
        tags=page.tags,
        contents=page.contents,
        complete=complete,
        warnings=list(dict.fromkeys(w.type for w in warnings)),
        corrections=list(corrections),
        source_file=source.name,
        source_sha256=source.sha256,
        source_url=source_url,
        speech_count=len(speeches),
        question_count=len(questions),
        answer_count=len(answers),
        word_count=sum(r.word_count for r in speeches)
        + sum(r.word_count for r in questions)
        + sum(r.word_count for r in answers),
    )
    accounting = account(page, turns, body_chrome)
    if accounting.unaccounted_chars:
        raise TranscriptError(
            Problem(
                "unaccounted-text",
                page.name,
                f"expected every character in a record or in named chrome, found "
                f"{accounting.unaccounted_chars} unaccounted characters",
            )
        )
    return ParsedPage(transcript, speeches, questions, answers, accounting, warnings)


def _solid(text: str) -> int:
    """Characters that are not whitespace (``str.isspace``), counted without a word list.

    Byte-level: ASCII characters are the UTF-8 bytes below 0x80 (see :func:`_non_ascii`),
    so the solid ASCII characters are the bytes left after deleting the ASCII whitespace
    bytes and every byte from 0x80 up; the few non-ASCII characters are counted with
    ``str.split()``, which splits on exactly the characters ``str.isspace`` is true for.
    """
    if text.isascii():
        return len(text.encode("ascii").translate(None, _ASCII_SPACE))
    utf8 = _utf8(text)
    solid_ascii = len(utf8.translate(None, _ASCII_SPACE_AND_NON_ASCII))
    return solid_ascii + sum(map(len, _non_ascii(utf8).split()))


def without_invisible_turns(
    page: Page, turns: list[Turn], body_chrome: list[Chrome]
) -> tuple[list[Turn], list[str], list[Chrome]]:
    """Turns whose text the text rule empties (only invisible or format characters, such as
    a left-to-right mark on a line of its own) are no records; the kept turns come with
    their texts under the text rule, normalised here once for the records.

    An unlabelled statement of that kind becomes chrome (``invisible``); a labelled turn
    is an ``empty-turn``, as a label with nothing after it is.
    """
    kept: list[Turn] = []
    contents: list[str] = []
    chrome = list(body_chrome)
    # One search for the page: no slice of a page without format characters holds one.
    normalise = normalise_text if has_format_character(page.text) else _normalise_plain
    for turn in turns:
        # a turn's text is its paragraphs, without any chrome between them (an
        # advertisement): what lies between its spans is line breaks or chrome
        if content := normalise("\n".join(page.text[a:b] for a, b in turn.spans)):
            kept.append(turn)
            contents.append(content)
        elif turn.label_span is None and turn.heading_span is None and turn.kind == "speech":
            chrome.append(Chrome("invisible", turn.line, turn.start, turn.end))
        else:
            raise TranscriptError(
                Problem(
                    "empty-turn",
                    page.name,
                    f"expected text after the label {turn.label or turn.kind!r}, found only "
                    "invisible characters",
                    turn.line,
                )
            )
    return kept, contents, sorted(chrome, key=lambda c: c.start)


def account(page: Page, turns: list[Turn], body_chrome: list[Chrome]) -> Accounting:
    """Check that spans do not overlap and count what covers the page's characters."""
    spans: list[tuple[int, int, str]] = [(c.start, c.end, c.kind) for c in page.chrome]
    spans += [(c.start, c.end, c.kind) for c in body_chrome]
    for turn in turns:
        if turn.label_span:
            spans.append((*turn.label_span, "record"))
        if turn.heading_span:
            spans.append((*turn.heading_span, "record"))
        spans.extend((a, b, "record") for a, b in turn.spans)
    spans.sort()
    text = page.text
    covered = 0
    chrome: Counter[str] = Counter()
    record = 0
    previous_end = 0
    # The page's solid characters are counted piecewise too, as the parts and the gaps
    # between them (``at``: where the next gap starts), rather than in one more pass.
    at = 0
    in_gaps = 0
    for start, end, kind in spans:
        if start < previous_end:
            raise TranscriptError(
                Problem(
                    "unaccounted-text",
                    page.name,
                    f"expected each character in one part, found {kind!r} overlapping "
                    f"another part at offset {start}",
                    text.count("\n", 0, start) + 1,
                )
            )
        previous_end = end
        if start > at:
            in_gaps += _solid(text[at:start])
        at = max(at, start, end)
        solid = _solid(text[start:end])
        covered += solid
        if kind == "record":
            record += solid
        else:
            chrome[kind] += solid
    solid_total = covered + in_gaps + _solid(text[at:])
    return Accounting(
        total_chars=len(text),
        record_chars=record,
        chrome_chars=dict(chrome),
        whitespace_chars=len(text) - solid_total,
        unaccounted_chars=solid_total - covered,
    )
