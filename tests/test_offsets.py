"""For every record of every page: its span sits where the page puts a turn.

(That the normalised slice is the record's text, and that no character is left
unaccounted, the parser enforces on itself; the golden snapshots pin both.)"""

from __future__ import annotations

from pathlib import Path

import pytest

from mfa_transcripts.builder.parse import parse_file
from mfa_transcripts.builder.read import read_source
from mfa_transcripts.schema import normalise_text

from .conftest import FIXTURES, SEEDS, SYNTHETIC

PAGES = (
    sorted(FIXTURES.glob("*.txt")) + sorted(SYNTHETIC.glob("*.txt")) + sorted(SEEDS.glob("*.txt"))
)


CHROME_LINES = {"Advanced settings", "Web Content Display", "Additional materials"}


@pytest.mark.parametrize("path", PAGES, ids=lambda p: p.name[:40])
def test_spans_sit_where_the_page_puts_turns(path: Path) -> None:
    """Checks from the page itself, not from how the parser computes text."""
    source = read_source(path).text
    parsed = parse_file(path)
    for record in (*parsed.speeches, *parsed.questions, *parsed.answers):
        start, end = record.char_start, record.char_end
        assert not source[start].isspace() and not source[end - 1].isspace()
        line_start = max(source.rfind("\n", 0, start), source.rfind("\r", 0, start)) + 1
        before = " ".join(source[line_start:start].split())
        label = getattr(record, "label", None)
        if label is None:  # an unlabelled paragraph starts its line
            assert before == "", (record, before)
        else:  # the label, its qualifier and the colon stand just before the text, or
            # alone on the line before it
            qualifier = f"({record.qualifier})" if record.qualifier else ""
            if before == "":
                lines = [ln for ln in source[:line_start].splitlines() if ln.strip()]
                before = " ".join(lines[-1].split())
            assert "".join(before.split()) == "".join(f"{label}{qualifier}:".split()), before
        line_end = min(
            i for i in (source.find("\n", end), source.find("\r", end), len(source)) if i >= 0
        )
        assert source[end:line_end].strip() == ""  # a turn ends at a line's end
        assert not CHROME_LINES & set(record.text.split("\n\n"))
        assert "en-GB1" not in record.text


@pytest.mark.parametrize(
    "raw, text",
    [
        ("a\u00a0 b", "a b"),
        ("  one\n\n\ntwo  \r\nthree\r", "one\n\ntwo\n\nthree"),
        ("\t\u2009x\u3000y ", "x y"),
        ("", ""),
    ],
)
def test_normalise_text_rule(raw: str, text: str) -> None:
    assert normalise_text(raw) == text
