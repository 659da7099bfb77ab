"""One page, read to records: read → layout → turns → records. Writes nothing."""

from __future__ import annotations

from pathlib import Path

from .layout import split_page
from .read import SourceText, read_source
from .records import ParsedPage, make_records
from .turns import split_turns

__all__ = ["parse_file", "parse_source"]


def parse_source(source: SourceText, source_url: str | None = None) -> ParsedPage:
    """Records of one decoded page; raises :class:`~mfa_transcripts.errors.TranscriptError`."""
    page = split_page(source.name, source.text)
    turns, separators, warnings = split_turns(page)
    parsed = make_records(source, page, turns, separators, source_url)
    parsed.warnings[:0] = warnings
    return parsed


def parse_file(path: Path | str, source_url: str | None = None) -> ParsedPage:
    """Read and parse one file."""
    path = Path(path)
    return parse_source(read_source(path), source_url)
