"""One page, read to records: read → layout → turns → records. Writes nothing."""

from __future__ import annotations

from pathlib import Path

from pydantic import ValidationError

from ..errors import Problem, TranscriptError
from .layout import split_page
from .read import SourceText, read_source
from .records import ParsedPage, make_records
from .turns import split_turns

__all__ = ["parse_file", "parse_source"]


def parse_source(source: SourceText, source_url: str | None = None) -> ParsedPage:
    """Records of one decoded page; raises :class:`~mfa_transcripts.errors.TranscriptError`.

    A record that breaks its model (the parser found something the models do not
    allow) is refused as ``row-invalid`` rather than escaping as a pydantic error.
    """
    try:
        page = split_page(source.name, source.text)
        turns, separators, warnings = split_turns(page)
        parsed = make_records(source, page, turns, separators, source_url)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(x) for x in first["loc"]) or exc.title
        raise TranscriptError(
            Problem(
                "row-invalid",
                source.name,
                f"expected a {exc.title} record that satisfies its model, found {where} "
                f"= {first.get('input')!r:.80}: {first['msg']}",
            )
        ) from exc
    parsed.warnings[:0] = warnings
    return parsed


def parse_file(path: Path | str, source_url: str | None = None) -> ParsedPage:
    """Read and parse one file."""
    path = Path(path)
    return parse_source(read_source(path), source_url)
