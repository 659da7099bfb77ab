"""Order, duplicates, cut-short copies and ID collisions, settled over the spilled pages.

Pages are taken in file order (the order of the seeds folder), whatever order the pool
finished them in, so the report and the choice of which copy is kept never depend on
the number of workers. Two files with one ID are:

* the same page (same turns, chrome aside): a ``duplicate-page``, published once, from
  the first file;
* a copy cut short (one incomplete, its turns the start of the other's): a
  ``duplicate-page``, the whole page kept, compared from the spilled rows;
* anything else: an ``id-collision``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ..errors import Problem, Report
from .pool import PageResult

__all__ = ["collate"]

_NOT_COMPARED = {"char_start", "char_end", "paragraph_count", "word_count"}
_TURN_TABLES = ("speeches", "questions", "answers")

Rows = Callable[[str, int], list[dict[str, Any]]]


def collate(results: list[PageResult], rows: Rows, report: Report) -> list[PageResult]:
    """The pages to publish, in ID order; problems and warnings added to ``report``."""
    kept: dict[str, PageResult] = {}
    by_hash: dict[str, PageResult] = {}
    for seen in sorted(results, key=lambda r: r.index):
        if seen.problem is not None:
            report.add(seen.problem)
            continue
        twin = by_hash.get(seen.sha256) or kept.get(seen.transcript_id)
        if twin is not None and twin.fingerprint != seen.fingerprint:
            cut = _cut_copy(twin, seen, rows)
            if cut is not None:  # one page is a cut-short copy of the other: keep the whole one
                if cut is twin:
                    report.problems[:] = [p for p in report.problems if p.file != twin.name]
                    del by_hash[twin.sha256]
                    kept[seen.transcript_id] = by_hash[seen.sha256] = seen
                    report.problems.extend(seen.warnings)
                whole = seen if cut is twin else twin
                report.add(
                    Problem(
                        "duplicate-page",
                        cut.name,
                        f"expected each page once, found a cut-short copy of {whole.name} "
                        f"({seen.transcript_id}): its turns begin that page's; published "
                        f"once, from {whole.name}",
                        severity="warning",
                    )
                )
                continue
        if twin is not None and twin.fingerprint == seen.fingerprint:
            report.add(
                Problem(
                    "duplicate-page",
                    seen.name,
                    f"expected each page once, found the same page as {twin.name} "
                    f"({seen.transcript_id}); published once, from {twin.name}",
                    severity="warning",
                )
            )
            continue
        if twin is not None:
            report.add(
                Problem(
                    "id-collision",
                    seen.name,
                    f"expected a unique ID, found {seen.transcript_id} also given to "
                    f"{twin.name}, whose title and date are the same but whose text "
                    "differs; keep one of the two files",
                )
            )
            continue
        report.problems.extend(seen.warnings)
        kept[seen.transcript_id] = by_hash[seen.sha256] = seen
    return [kept[k] for k in sorted(kept)]


def _turns(page: PageResult, rows: Rows) -> list[dict[str, Any]]:
    """A page's turns in page order: their fields (kind, labels, text) but offsets and counts."""
    turns = [
        (row["char_start"], {"kind": table, **_compared(row)})
        for table in _TURN_TABLES
        for row in rows(table, page.index)
    ]
    return [row for _, row in sorted(turns, key=lambda pair: pair[0])]


def _compared(row: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in row.items() if k not in _NOT_COMPARED}


def _cut_copy(twin: PageResult, seen: PageResult, rows: Rows) -> PageResult | None:
    """Which of two pages with one ID is a cut-short copy of the other; None if neither.

    Exactly one of the two must be complete, and the incomplete page's turns must be the
    complete page's first turns, equal but for the last one's text, which must begin the
    other's.
    """
    if twin.complete == seen.complete:
        return None
    cut, whole = (seen, twin) if twin.complete else (twin, seen)
    short, full = _turns(cut, rows), _turns(whole, rows)
    if not short or len(short) > len(full) or short[:-1] != full[: len(short) - 1]:
        return None
    last, other = dict(short[-1]), dict(full[len(short) - 1])
    if not other.pop("text").startswith(last.pop("text")) or last != other:
        return None
    return cut
