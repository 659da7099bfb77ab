"""One page, read to records: read → page → corrections → turns → records. Writes nothing."""

from __future__ import annotations

from pathlib import Path

from pydantic import ValidationError

from ..errors import Problem, TranscriptError
from . import corrections
from .grammar.prose import salutation_line
from .grammar.title_shape import names_the_ministry, signed_by
from .page import Page, split_page
from .read import SourceText, read_source
from .records import ParsedPage, make_records
from .turns import split_turns

BYLINE_LINES = 20
"""Lines of an untitled page without labels searched for a registry speaker or a
ministry role (a byline, a news lead): with one the page is published untitled."""

__all__ = ["parse_file", "parse_source"]


def parse_source(
    source: SourceText,
    source_url: str | None = None,
    facts: dict[str, tuple[str, str]] | None = None,
) -> ParsedPage:
    """Records of one decoded page; raises :class:`~mfa_transcripts.errors.TranscriptError`.

    ``facts``: what a maintainer stated for the page, ``field -> (value, reason)`` (see
    :mod:`.corrections`). A page
    is refused only when it is no transcript at all: no title line, no speaker turn and
    no registry speaker or ministry role in its head (a republisher's lead names them)
    or its first :data:`BYLINE_LINES` body lines, and no source note under the text
    naming a registry speaker as its author (``"...", by Serguei Lavrov, Trud, June 24,
    2005.``), nor a salutation opening its body (``Mr. Chairperson,``: a speech).
    A fact it cannot establish is null, with a warning. A record that breaks its model
    (the parser found something the models do not allow) is refused as ``row-invalid``
    rather than escaping as a pydantic error.
    """
    try:
        page = split_page(source.name, source.text)
        page, corrected = corrections.apply(page, facts or {})
        turns, separators, turn_warnings = split_turns(page)
        if (
            page.title is None
            and not any(t.label for t in turns)
            and not any(names_the_ministry(text) for text in _opening_lines(page))
            and not any(signed_by(text) for text in _closing_lines(page))
            and not _addressed(page)
        ):
            raise TranscriptError(
                Problem(
                    "not-a-transcript",
                    source.name,
                    "expected a transcript: a title line naming a genre, or speaker turns "
                    "('Question:', 'Sergey Lavrov:'), found neither",
                    page.head_line,
                )
            )
        parsed = make_records(
            source, page, turns, separators, source_url, page.warnings + turn_warnings, corrected
        )
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
    return parsed


def _addressed(page: Page) -> bool:
    """The body opens with a salutation alone on its line (``Mr. Chairperson,``): a
    speech to an audience, published as remarks though the page names no genre."""
    return bool(page.body) and salutation_line(page.body[0].text.strip())


def _opening_lines(page: Page) -> list[str]:
    """The page's lines up to its first BYLINE_LINES body lines, head included."""
    if not page.body:
        return []
    last = page.body[min(len(page.body), BYLINE_LINES) - 1].number
    return [ln.text for ln in page.lines if ln.number <= last and not ln.blank]


def _closing_lines(page: Page) -> list[str]:
    """The page's lines under its last body line (its footer, a source note)."""
    last = page.body[-1].number if page.body else page.head_line
    return [ln.text for ln in page.lines if ln.number > last and not ln.blank]


def parse_file(path: Path | str, source_url: str | None = None) -> ParsedPage:
    """Read and parse one file."""
    path = Path(path)
    return parse_source(read_source(path), source_url)
