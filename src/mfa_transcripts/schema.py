"""The dataset's records: one Pydantic model per published table.

This module is the single source of truth for field names, types, order,
descriptions and constraints. The CSV/Parquet writers, the Table Schemas in
``schema/``, the Hugging Face features and the dataset card's field tables are
all generated from it. It imports nothing but pydantic and the standard library,
and does no I/O.

Text rule (applies to every ``text`` field): a turn's content without its
label; each non-blank source line is one paragraph; inside a paragraph every run
of Unicode whitespace (no-break spaces and invisible separators and marks included)
becomes one space and the ends are stripped of whitespace and format characters;
paragraphs are joined by one blank line (``"\\n\\n"``).
:func:`normalise_text` implements it, and ``normalise_text(source[char_start:char_end])``
gives ``text`` for every record whose span holds no line of page chrome; a chrome line
between a record's paragraphs (an advertisement, a photo caption, a ``Read also:`` link)
is left out of its ``text`` and counted as chrome.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import Annotated, ClassVar, Literal, get_args

from pydantic import BaseModel, ConfigDict, Field

__all__ = [
    "CORRECTABLE",
    "GENRES",
    "MODELS",
    "PAGE_WARNINGS",
    "TABLES",
    "Answer",
    "Question",
    "Record",
    "Speech",
    "Transcript",
    "normalise_text",
    "paragraph_count",
    "word_count",
]

# Invisible characters that separate or carry no letter: zero-width space, the bidi marks,
# embeddings and isolates, word joiner and invisible operators, BOM, Mongolian vowel
# separator. The text rule takes them for whitespace.
_INVISIBLE = "\u061c\u180e\u200b\u200e\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff"
# Every format character (Unicode category Cf), for the ends of a paragraph: a paragraph
# of nothing but invisible characters is no paragraph.
FORMAT_CHARACTERS = (
    "\u00ad\u0600-\u0605\u061c\u06dd\u070f\u0890\u0891\u08e2\u180e\u200b-\u200f"
    "\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb\U000110bd\U000110cd"
    "\U00013430-\U0001343f\U0001bca0-\U0001bca3\U0001d173-\U0001d17a\U000e0001"
    "\U000e0020-\U000e007f"
)
_WHITESPACE = re.compile(rf"[\s{_INVISIBLE}]+")
_PARAGRAPH_ENDS = re.compile(rf"^[\s{FORMAT_CHARACTERS}]+|[\s{FORMAT_CHARACTERS}]+$")
_LINE_BREAK = re.compile(r"\r\n|\r|\n")
HAS_FORMAT_CHARACTER = re.compile(rf"[{FORMAT_CHARACTERS}]")
"""Whether a text holds an invisible or format character, which the text rule treats
specially (fast paths that know only ``str.isspace`` whitespace must defer to it)."""


def normalise_text(raw: str) -> str:
    """Apply the dataset's one text rule to a slice of a source page.

    Invisible separators and marks (zero-width space, left-to-right and right-to-left
    marks, bidi embeddings and isolates, word joiner, BOM) count as whitespace, and a
    paragraph's leading and trailing format characters (Unicode Cf) are stripped with
    its whitespace, so a line of nothing but invisible characters is no paragraph.
    """
    paragraphs = (
        _PARAGRAPH_ENDS.sub("", _WHITESPACE.sub(" ", line)) for line in _LINE_BREAK.split(raw)
    )
    return "\n\n".join(p for p in paragraphs if p)


def paragraph_count(text: str) -> int:
    """Paragraphs in a normalised ``text``."""
    return text.count("\n\n") + 1 if text else 0


def word_count(text: str) -> int:
    """Whitespace-separated words in a normalised ``text``."""
    return len(text.split())


Genre = Literal[
    "remarks",
    "opening remarks",
    "statement",
    "speech",
    "address",
    "lecture",
    "answers to questions",
    "interview",
    "news conference",
    "briefing",
    "article",
    "comment",
]
GENRES: tuple[str, ...] = get_args(Genre)
"""The controlled genre vocabulary that ``Transcript.genres`` draws from."""

PageWarning = Literal[
    "no-title",
    "no-date",
    "invalid-date",
    "date-mismatch",
    "label-typo",
    "answer-before-question",
    "no-body",
    "unknown-speaker",
    "unanswered-question",
    "incomplete-page",
]
PAGE_WARNINGS: tuple[str, ...] = get_args(PageWarning)
"""Warnings a page can raise and still be published; ``Transcript.warnings`` draws from them."""

Correctable = Literal["event_date", "title", "place", "speaker"]
CORRECTABLE: tuple[str, ...] = get_args(Correctable)
"""Facts a maintainer may state for a page in ``seeds/corrections.csv``."""

DATE_PREFIX = r"(?:[0-9]{4}-[0-9]{2}-[0-9]{2}|undated)"
TRANSCRIPT_ID = rf"^{DATE_PREFIX}-[0-9a-f]{{12}}$"
SPEECH_ID = rf"^{DATE_PREFIX}-[0-9a-f]{{12}}-s[0-9]{{3,}}$"
QUESTION_ID = rf"^{DATE_PREFIX}-[0-9a-f]{{12}}-q[0-9]{{3,}}$"
ANSWER_ID = rf"^{DATE_PREFIX}-[0-9a-f]{{12}}-q[0-9]{{3,}}-a[0-9]{{2,}}$"
SHA256 = r"^[0-9a-f]{64}$"

NonEmpty = Annotated[str, Field(min_length=1)]
Count = Annotated[int, Field(ge=0)]
Position = Annotated[int, Field(ge=1)]

# Fields that every turn table (speeches, questions, answers) carries, described once.
Qualifier = Annotated[
    str | None,
    Field(
        min_length=1,
        description="Parenthesised qualifier of the label as written (e.g. 'after J.Kerry', "
        "'to both ministers', 'speaking in English'); null when absent.",
    ),
]
Text = Annotated[
    str, Field(min_length=1, description="The turn's content under the dataset's text rule.")
]
Paragraphs = Annotated[int, Field(ge=1, description="Paragraphs in text.")]
Words = Annotated[int, Field(ge=1, description="Whitespace-separated words in text.")]
Ministry = Annotated[
    bool | None,
    Field(
        description="Whether the speaker speaks for the Russian Foreign Ministry, per the "
        "speaker registry shipped with the package; null when the speaker is not in it."
    ),
]
CharStart = Annotated[
    int,
    Field(
        ge=0,
        description="Code-point offset of the text's first character in the decoded source file.",
    ),
]
CharEnd = Annotated[
    int,
    Field(
        ge=1,
        description="Code-point offset just past the text's last character in the decoded "
        "source file.",
    ),
]


class Record(BaseModel):
    """Shared configuration: closed, immutable records."""

    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)

    table: ClassVar[str]
    primary_key: ClassVar[str]
    foreign_keys: ClassVar[tuple[tuple[str, str, str], ...]] = ()
    """(field, referenced table, referenced field) triples."""
    table_title: ClassVar[str]


class Transcript(Record):
    """One published page: an event's transcript and what its page says about it."""

    table: ClassVar[str] = "transcripts"
    primary_key: ClassVar[str] = "transcript_id"
    table_title: ClassVar[str] = "Transcripts"

    transcript_id: str = Field(
        pattern=TRANSCRIPT_ID,
        description="Stable ID: the event date ('undated' when the page gives none), then "
        "12 hex digits of the SHA-256 of that and the case-folded, punctuation-normalised "
        "title (the text of the page's first turns when it has no title).",
    )
    title: str | None = Field(
        min_length=1,
        description="The page's title, whitespace-normalised; null when the page has no "
        "title line (warning 'no-title').",
    )
    genre: str | None = Field(
        min_length=1,
        description="The genre phrase as the title words it, lower-cased "
        "(e.g. 'remarks and answers to questions'); null when the title names none.",
    )
    genres: list[Genre] = Field(
        description="Controlled genre terms found in the title, in title order "
        "(remarks, opening remarks, statement, speech, address, lecture, answers to "
        "questions, interview, news conference, briefing, article, comment)."
    )
    event_date: date | None = Field(
        description="Date of the event: from the title, else from a date line after the "
        "title, else from a closing signature, else from the page header; null when the "
        "page gives none (warning 'no-date')."
    )
    published_date: date | None = Field(
        description="Publication date from the page header (Moscow time); null when the "
        "page has no header."
    )
    published_at: datetime | None = Field(
        description="Publication time from the page header, timezone-aware (Moscow, "
        "UTC+03:00); null when the header gives no time."
    )
    place: str | None = Field(
        min_length=1,
        description="Place named at the end of the title (e.g. 'Moscow Region, "
        "Solnechnogorsk'); null when absent.",
    )
    occasion: str | None = Field(
        min_length=1,
        description="Occasion named in the title after the genre (e.g. 'the Territory of "
        "Meanings on the Klyazma National Education Youth Forum'); null when absent.",
    )
    speaker: str | None = Field(
        min_length=1,
        description="Canonical name of the speaker the title names (e.g. 'Sergey "
        "Lavrov'; one the speaker registry does not know without honorific, patronymic or "
        "middle initial); null when the title names none.",
    )
    speaker_role: str | None = Field(
        min_length=1,
        description="The title speaker's role as the title words it (e.g. 'Foreign "
        "Minister'); null when absent.",
    )
    languages: list[str] = Field(
        description="BCP 47 language tags of the versions the page's language switcher "
        "lists, in page order; empty when the page has no switcher."
    )
    tags: list[str] = Field(
        description="Topic tags (organisations) from the page footer, as written, in page order."
    )
    contents: list[str] = Field(
        description="Items of a briefing's table of contents, as written without their "
        "numbers or bullets; empty for pages without one."
    )
    complete: bool = Field(
        description="False when the page is cut short (its last paragraph stops "
        "mid-sentence); the records then hold what the page has."
    )
    warnings: list[PageWarning] = Field(
        description="Types of the warnings the page raised (facts it could not establish or "
        "that look odd, e.g. 'no-date', 'unknown-speaker'), each once, in the order "
        "first raised; empty for a clean page. Filter on it to keep clean pages only."
    )
    corrections: list[Correctable] = Field(
        description="Facts (event_date, title, place, speaker) whose published value a "
        "maintainer stated in seeds/corrections.csv instead of what the page gives, in "
        "that order; empty when none."
    )
    source_file: NonEmpty = Field(description="File name of the page in the seeds folder.")
    source_sha256: str = Field(
        pattern=SHA256, description="SHA-256 of the source file's bytes, lower-case hex."
    )
    source_url: str | None = Field(
        min_length=1, description="Address the page was saved from; null when not recorded."
    )
    speech_count: Count = Field(description="Number of rows in speeches for this transcript.")
    question_count: Count = Field(description="Number of rows in questions for this transcript.")
    answer_count: Count = Field(description="Number of rows in answers for this transcript.")
    word_count: Count = Field(
        description="Words in all of this transcript's speeches, questions and answers."
    )


class Speech(Record):
    """A statement that answers no question: opening remarks before the first question,
    and any statement after a section heading (briefing sections, digest topics) or a
    ``* * *`` separator, before the next question."""

    table: ClassVar[str] = "speeches"
    primary_key: ClassVar[str] = "speech_id"
    foreign_keys: ClassVar[tuple[tuple[str, str, str], ...]] = (
        ("transcript_id", "transcripts", "transcript_id"),
    )
    table_title: ClassVar[str] = "Speeches"

    speech_id: str = Field(
        pattern=SPEECH_ID, description="Stable ID: the transcript ID, '-s' and the position."
    )
    transcript_id: str = Field(
        pattern=TRANSCRIPT_ID, description="The transcript this speech belongs to."
    )
    position: Position = Field(description="Order of the speech in its transcript, from 1.")
    speaker: str | None = Field(
        min_length=1,
        description="Canonical speaker name; for an unlabelled opening the title's "
        "speaker; a name the speaker registry does not know as the page writes it, but "
        "without honorific, patronymic or middle initial; null when nobody is named.",
    )
    ministry: Ministry
    label: str | None = Field(
        min_length=1,
        description="The speaker label as written, without qualifier and colon; null "
        "when the statement is unlabelled.",
    )
    qualifier: Qualifier
    heading: str | None = Field(
        min_length=1,
        description="Section heading the statement follows (briefing section, digest "
        "topic such as 'On situation in Niger'); null when none.",
    )
    text: Text
    paragraph_count: Paragraphs
    word_count: Words
    char_start: CharStart
    char_end: CharEnd


class Question(Record):
    """A question put to the speakers, in transcript order."""

    table: ClassVar[str] = "questions"
    primary_key: ClassVar[str] = "question_id"
    foreign_keys: ClassVar[tuple[tuple[str, str, str], ...]] = (
        ("transcript_id", "transcripts", "transcript_id"),
    )
    table_title: ClassVar[str] = "Questions"

    question_id: str = Field(
        pattern=QUESTION_ID,
        description="Stable ID: the transcript ID, '-q' and the position.",
    )
    transcript_id: str = Field(
        pattern=TRANSCRIPT_ID, description="The transcript this question belongs to."
    )
    position: Position = Field(description="Order of the question in its transcript, from 1.")
    label: str | None = Field(
        min_length=1,
        description="The question label as written (e.g. 'Question'); null when the page "
        "does not label it (an interviewer's question before the speaker's labelled answer).",
    )
    qualifier: Qualifier
    heading: str | None = Field(
        min_length=1,
        description="Section heading the question follows (a briefing topic); null when none.",
    )
    text: Text
    paragraph_count: Paragraphs
    word_count: Words
    char_start: CharStart
    char_end: CharEnd


class Answer(Record):
    """One speaker's answer to a question; a question has zero or more answers."""

    table: ClassVar[str] = "answers"
    primary_key: ClassVar[str] = "answer_id"
    foreign_keys: ClassVar[tuple[tuple[str, str, str], ...]] = (
        ("question_id", "questions", "question_id"),
        ("transcript_id", "transcripts", "transcript_id"),
    )
    table_title: ClassVar[str] = "Answers"

    answer_id: str = Field(
        pattern=ANSWER_ID,
        description="Stable ID: the question ID, '-a' and the position within the question.",
    )
    question_id: str = Field(pattern=QUESTION_ID, description="The question answered.")
    transcript_id: str = Field(
        pattern=TRANSCRIPT_ID, description="The transcript this answer belongs to."
    )
    position: Position = Field(description="Order of the answer within its question, from 1.")
    speaker: str | None = Field(
        min_length=1,
        description="Canonical speaker name; a name the speaker registry does not know "
        "as the page writes it, but without honorific, patronymic or middle initial; null "
        "when the page names nobody (an 'Answer:' label under no title naming a speaker).",
    )
    ministry: Ministry
    label: str | None = Field(
        min_length=1,
        description="The speaker label as written, without qualifier; null when the page "
        "writes none (an interview whose turns are bare paragraphs).",
    )
    qualifier: Qualifier
    text: Text
    paragraph_count: Paragraphs
    word_count: Words
    char_start: CharStart
    char_end: CharEnd


MODELS: tuple[type[Record], ...] = (Transcript, Speech, Question, Answer)
TABLES: dict[str, type[Record]] = {m.table: m for m in MODELS}
