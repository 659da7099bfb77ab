"""Transcripts of the Russian Foreign Ministry's events as a validated, citable dataset.

>>> import mfa_transcripts
>>> questions = mfa_transcripts.load("questions")      # list of Question models
>>> table = mfa_transcripts.load_table("answers")      # pyarrow.Table

Tables: ``transcripts``, ``speeches``, ``questions``, ``answers``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

__version__ = "0.1.0"

from .download import download
from .errors import Problem, Report, TranscriptError
from .load import load, load_dataframe, load_hf_dataset, load_table
from .pairs import Pair, load_pairs
from .schema import TABLES, Answer, Question, Speech, Transcript

if TYPE_CHECKING:
    from pathlib import Path

    from .builder.records import ParsedPage

__all__ = [
    "TABLES",
    "Answer",
    "Pair",
    "Problem",
    "Question",
    "Report",
    "Speech",
    "Transcript",
    "TranscriptError",
    "__version__",
    "download",
    "load",
    "load_dataframe",
    "load_hf_dataset",
    "load_pairs",
    "load_table",
    "parse",
]


def parse(path: str | Path, source_url: str | None = None) -> ParsedPage:
    """Parse one transcript page into records without writing anything.

    Raises :class:`TranscriptError` (with a typed :class:`Problem`) for bad input.
    """
    from .builder.parse import parse_file

    return parse_file(path, source_url)
