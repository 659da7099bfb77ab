"""Facts a maintainer states for a page, without touching the saved page.

``seeds/corrections.csv`` sits beside ``seeds/sources.csv``; one row per fact, so that a
correction is one line in a diff::

    file,field,value,reason
    c3-017_blog-repost.txt,event_date,2015-03-12,the page names the day without the year

``field`` is one of :data:`~mfa_transcripts.schema.CORRECTABLE`:

* ``event_date`` (``YYYY-MM-DD``): the event's date, also the date part of the ID;
* ``title``: the page's title; genre, occasion, role and speaker are read from it
  again, by the title grammar, as if the page had carried it;
* ``place``: the event's place;
* ``speaker``: the title's speaker, who is also the speaker of unlabelled opening
  remarks.

``reason`` says why (free text, required: a correction nobody can explain cannot be
reviewed). The build applies the stated value, drops the warnings it settles
(``no-date``/``invalid-date`` for a date, ``no-title`` for a title) and lists the field
in the transcript's ``corrections`` column; ``validate`` checks that every published
correction matches a row here and every row names a published page. The saved page stays
byte for byte as saved.
"""

from __future__ import annotations

import csv
import io
from dataclasses import replace
from datetime import date
from pathlib import Path

from ..errors import Problem, Report
from ..safefs import entry_kind, read_bytes
from ..schema import CORRECTABLE
from .page import Page, parse_title
from .read import MAX_BYTES

__all__ = ["CORRECTIONS_FILE", "HEADER", "apply", "parse_corrections", "read_corrections"]

CORRECTIONS_FILE = "corrections.csv"
HEADER = ["file", "field", "value", "reason"]
_SETTLES = {"event_date": {"no-date", "invalid-date"}, "title": {"no-title"}}

Corrections = dict[str, dict[str, tuple[str, str]]]
"""``file -> {field: (value, reason)}``, fields in :data:`CORRECTABLE` order."""


def read_corrections(seeds: Path, report: Report) -> Corrections:
    """The corrections stated in ``seeds/corrections.csv``; none when it is absent."""
    path = seeds / CORRECTIONS_FILE
    if entry_kind(path)[0] is None:
        return {}
    where = f"{seeds.name}/{CORRECTIONS_FILE}"
    try:  # a regular file only, never followed: a link or a FIFO here is refused
        text = read_bytes(path, limit=MAX_BYTES).decode("utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        report.add(
            Problem(
                "unreadable-file",
                where,
                f"expected a UTF-8 CSV file '{','.join(HEADER)}', found an error: "
                f"{type(exc).__name__}",
            )
        )
        return {}
    corrections, problems = parse_corrections(where, text)
    for problem in problems:
        report.add(problem)
    return corrections


def parse_corrections(where: str, text: str) -> tuple[Corrections, list[Problem]]:
    """Rows of a corrections table, checked: known fields, ISO dates, no fact twice."""
    problems: list[Problem] = []
    try:
        rows = list(csv.reader(io.StringIO(text, newline="")))
    except csv.Error as exc:
        return {}, [Problem("invalid-correction", where, f"expected CSV, found an error: {exc}")]
    if not rows or rows[0] != HEADER:
        return {}, [
            Problem("invalid-correction", where, f"expected the header '{','.join(HEADER)}'", 1)
        ]
    found: Corrections = {}
    for number, row in enumerate(rows[1:], start=2):
        problem = _row_problem(row, found)
        if problem:
            problems.append(Problem("invalid-correction", where, problem, number))
            continue
        file, name, value, reason = row
        found.setdefault(file, {})[name] = (value, " ".join(reason.split()))
    ordered = {
        file: {k: facts[k] for k in CORRECTABLE if k in facts}
        for file, facts in sorted(found.items())
    }
    return ordered, problems


def _row_problem(row: list[str], found: Corrections) -> str | None:
    if len(row) != len(HEADER):
        return f"expected {len(HEADER)} fields ({', '.join(HEADER)}), found {len(row)}"
    file, name, value, reason = row
    if not file or "/" in file or file.startswith("."):
        return "expected the name of a file in the seeds folder in 'file'"
    if name not in CORRECTABLE:
        return f"expected a field among {', '.join(CORRECTABLE)}, found {name[:40]!r}"
    if value != " ".join(value.split()) or not value:
        return f"expected a non-empty {name} without surrounding or repeated whitespace"
    if name == "event_date":
        try:
            date.fromisoformat(value)
        except ValueError:
            return f"expected event_date as YYYY-MM-DD, found {value[:40]!r}"
    if not reason.strip():
        return "expected a reason saying why the page is corrected"
    if name in found.get(file, {}):
        return f"expected each fact of a file once, found {name} of {file} again"
    return None


def apply(page: Page, stated: dict[str, tuple[str, str]]) -> tuple[Page, tuple[str, ...]]:
    """The page with the stated facts in place, and the corrected fields in order."""
    if not stated:
        return page, ()
    facts = {name: value for name, (value, _reason) in stated.items()}
    info = page.info
    if "title" in facts:
        reread = parse_title(facts["title"])
        info = replace(reread, place=reread.place or info.place)
        page = replace(page, title=facts["title"])
    if "place" in facts:
        info = replace(info, place=facts["place"])
    if "speaker" in facts:
        info = replace(info, speaker=facts["speaker"], speaker_known=True)
    event_date = page.event_date
    if "event_date" in facts:
        event_date = date.fromisoformat(facts["event_date"])
    settled = set().union(*(_SETTLES.get(k, set()) for k in facts))
    warnings = [w for w in page.warnings if w.type not in settled]
    page = replace(page, info=info, event_date=event_date, warnings=warnings)
    return page, tuple(facts)
