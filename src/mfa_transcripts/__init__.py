"""Transcripts of the Russian Foreign Ministry's events as a validated, citable dataset.

>>> import mfa_transcripts
>>> questions = mfa_transcripts.load("questions")      # list of Question models
>>> table = mfa_transcripts.load_table("answers")      # pyarrow.Table

Tables: ``transcripts``, ``speeches``, ``questions``, ``answers``.

Importing the package imports neither pydantic's models nor pyarrow: each name below
is imported when first used.
"""

# No ``typing`` and no ``__future__`` import here: on a cold start they cost more than the
# rest of the import. mypy reads TYPE_CHECKING by its name.
TYPE_CHECKING = False

__version__ = "0.1.0"

if TYPE_CHECKING:
    from pathlib import Path

    from .builder.records import ParsedPage
    from .errors import Problem, Report, TranscriptError
    from .pairs import Pair, load_pairs
    from .release import download
    from .schema import TABLES, Answer, Question, Speech, Transcript

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
    "VerificationError",
    "__version__",
    "download",
    "load",
    "load_dataframe",
    "load_hf_dataset",
    "load_pairs",
    "load_table",
    "parse",
]

# Imported now, not lazily: the submodule ``load`` would otherwise shadow the function
# ``load`` once anything imported ``mfa_transcripts.load``. It imports neither pydantic
# nor pyarrow. ``download`` lives in ``release`` (no name to shadow), imported when used.
from .load import (  # noqa: E402
    VerificationError,
    load,
    load_dataframe,
    load_hf_dataset,
    load_table,
)

_LAZY = {
    "download": "release",
    "Pair": "pairs",
    "load_pairs": "pairs",
    "Problem": "errors",
    "Report": "errors",
    "TranscriptError": "errors",
    "TABLES": "schema",
    "Answer": "schema",
    "Question": "schema",
    "Speech": "schema",
    "Transcript": "schema",
}


def __getattr__(name: str) -> object:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'mfa_transcripts' has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(f".{module}", __name__), name)
    globals()[name] = value  # once imported, a plain attribute
    return value


def __dir__() -> list[str]:
    return sorted(__all__)


def parse(path: "str | Path", source_url: "str | None" = None) -> "ParsedPage":
    """Parse one transcript page into records without writing anything.

    Raises :class:`TranscriptError` (with a typed :class:`Problem`) for bad input.
    """
    from .builder.parse import parse_file

    return parse_file(path, source_url)
