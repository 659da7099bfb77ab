"""Typed problems, collected into a report: errors are data first, prose second.

Every problem has a stable ``type`` (kebab-case, listed in :data:`ERROR_TYPES`), the
file it concerns, the 1-based line when it concerns one, and a message saying what
was expected and what was found. The CLI prints one problem per line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

__all__ = ["ERROR_TYPES", "Problem", "Report", "TranscriptError", "escape"]

ERROR_TYPES: dict[str, str] = {
    # reading bytes
    "empty-file": "the file has no text",
    "binary-file": "the file holds binary data, not text",
    "file-too-large": "the file is larger than the page size limit",
    "encoding-error": "the file's encoding cannot be established",
    "unreadable-file": (
        "the file cannot be opened, or is not a regular file (a symbolic link, a FIFO, a "
        "device, a folder): it is never read"
    ),
    "limit-exceeded": (
        "an input is larger or deeper than a stated limit (descriptor size or nesting, "
        "path length, CSV line, header or cell, Parquet decompressed size, memory)"
    ),
    # page layout
    "not-a-transcript": "the text is not a transcript page (CSV, HTML, README, ...)",
    "markup-in-text": "HTML markup left in the page text",
    "no-title": "no title line naming a genre was found (warning: published untitled)",
    "no-date": "no event date anywhere on the page (warning: published undated)",
    "invalid-date": "a date that does not exist, e.g. 31 February (warning: left out)",
    "date-mismatch": "the header's publication date is far from the title's event date (warning)",
    "no-body": "a briefing saved only as far as its table of contents (warning)",
    "invalid-correction": "a row of seeds/corrections.csv that cannot be applied",
    # turns
    "label-typo": "a label that looks like a misspelt 'Question' (warning: read as one)",
    "empty-turn": "a label with no text after it",
    "answer-before-question": (
        "a speaker turn where an answer was expected but no question came (warning: a statement)"
    ),
    "unknown-speaker": (
        "a label or title speaker the speaker registry does not know, or a near-label "
        "kept as text (warning)"
    ),
    "unanswered-question": "the last question has no answer (warning)",
    "incomplete-page": "the page stops mid-sentence (warning)",
    "unaccounted-text": "a part of the page landed in no record and no named chrome",
    # many pages
    "duplicate-page": "two files hold the same page (warning: published once)",
    "id-collision": "two different pages would get the same ID",
    # building
    "write-error": "the build could not write or publish its files (disk full, permissions)",
    "unexpected-file": "a file in dist/ or schema/ that no build writes (a wheel, a note)",
    "build-in-progress": (
        "another build is writing to the same package folder, or one was killed while publishing"
    ),
    # published package
    "missing-file": "a file the package lists is missing",
    "hash-mismatch": "a file's sha256 differs from the descriptor",
    "size-mismatch": "a file's byte count differs from the descriptor",
    "descriptor-mismatch": "datapackage.json or a schema file differs from what the models give",
    "header-mismatch": "a CSV header or Parquet schema differs from the model's fields",
    "row-invalid": "a row violates its model",
    "duplicate-key": "a primary key value occurs twice",
    "foreign-key": "a reference to a row that does not exist",
    "count-mismatch": "a transcript's counts disagree with its rows",
    "format-mismatch": "the CSV and Parquet copies of a table differ",
    "row-order": "rows are not in the published order",
    "stale-file": "a published file differs from what the seeds build",
}


@dataclass(frozen=True)
class Problem:
    """One problem: a stable type, where it is, and what was expected and found."""

    type: str
    file: str
    message: str
    line: int | None = None
    severity: str = "error"

    def __post_init__(self) -> None:
        if self.type not in ERROR_TYPES:
            raise ValueError(f"unknown problem type {self.type!r}")

    def __str__(self) -> str:
        """One line: ``file[:line]: severity [type] message`` (control characters escaped)."""
        where = self.file if self.line is None else f"{self.file}:{self.line}"
        return _one_line(f"{where}: {self.severity} [{self.type}] {self.message}")

    def as_dict(self) -> dict[str, object]:
        return {
            "type": self.type,
            "severity": self.severity,
            "file": self.file,
            "line": self.line,
            "message": self.message,
        }


_UNPRINTABLE = re.compile(
    "[\x00-\x1f\x7f-\x9f\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u206f"
    "\ufeff\ufff9-\ufffb\ud800-\udfff\U000e0000-\U000e007f]"
)
_NAMED = {"\r": "\\r", "\n": "\\n", "\t": "\\t"}


def escape(text: str) -> str:
    """``text`` safe for a terminal, on one line: control, format and bidirectional
    characters (terminal escape sequences, line breaks, right-to-left overrides) become
    ``\\n``, ``\\xNN`` or ``\\uNNNN``; backslashes stay as they are."""
    return _UNPRINTABLE.sub(lambda m: _escaped(m.group()), text)


def _escaped(char: str) -> str:
    if char in _NAMED:
        return _NAMED[char]
    code = ord(char)
    return (
        f"\\x{code:02x}"
        if code < 0x100
        else f"\\u{code:04x}"
        if code < 0x10000
        else f"\\U{code:08x}"
    )


def _one_line(text: str) -> str:
    return escape(text)


class TranscriptError(Exception):
    """Raised by a parsing stage; carries the :class:`Problem` that stopped it."""

    def __init__(self, problem: Problem) -> None:
        super().__init__(str(problem))
        self.problem = problem


@dataclass
class Report:
    """What a build or a validation found: problems plus figures."""

    problems: list[Problem] = field(default_factory=list)
    figures: dict[str, object] = field(default_factory=dict)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "warning"]

    def add(self, problem: Problem) -> None:
        self.problems.append(problem)

    @property
    def ok(self) -> bool:
        return not self.errors
