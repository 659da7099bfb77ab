"""The card's figure: built from the rows, the same bytes for the same seeds, shown."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

import mfa_transcripts
from mfa_transcripts.builder.figure import BAR, GAP, MARGIN, PALETTE, genre_of
from mfa_transcripts.builder.metadata import FIGURE, figure_png

from .conftest import ROOT

Image = pytest.importorskip("PIL.Image")


def test_figure_is_deterministic_and_committed(built: Path) -> None:
    made = (built / FIGURE).read_bytes()
    assert made.startswith(b"\x89PNG\r\n\x1a\n")
    assert made == figure_png(built) == (ROOT / FIGURE).read_bytes()


def test_figure_draws_the_rows(built: Path) -> None:
    image = Image.open(built / FIGURE).convert("RGB")
    transcripts = mfa_transcripts.load("transcripts")
    counts = Counter((t.event_date.year, genre_of(t.genres)) for t in transcripts)
    years = sorted({y for y, _ in counts})
    span = range(years[0], years[-1] + 1)
    assert image.width == MARGIN * 2 + len(span) * (BAR + GAP)
    base = image.height - 1 - MARGIN - 10 - 4 - 1  # just above the axis
    for i, year in enumerate(span):
        centre = MARGIN + i * (BAR + GAP) + GAP // 2 + BAR // 2
        colour = image.getpixel((centre, base))
        genres = [g for (y, g), _ in sorted(counts.items()) if y == year]
        if genres:  # the bottom segment has the first genre's colour (palette order)
            first = min(genres, key=list(PALETTE).index)
            assert colour == PALETTE[first], (year, colour)
        else:
            assert colour == (255, 255, 255), year


def test_card_and_descriptor_show_the_figure(built: Path) -> None:
    card = (built / "dist" / "README.md").read_text("utf-8")
    assert "](transcripts-per-year.png)" in card
    descriptor = json.loads((built / "datapackage.json").read_text("utf-8"))
    assert descriptor["image"] == FIGURE
    (entry,) = [r for r in descriptor["resources"] if r["path"] == FIGURE]
    assert entry["mediatype"] == "image/png" and entry["bytes"] == (built / FIGURE).stat().st_size


def test_validate_checks_the_figure_against_the_rows(package: Path) -> None:
    from mfa_transcripts.builder.describe import datapackage
    from mfa_transcripts.builder.export import json_text
    from mfa_transcripts.builder.figure import transcripts_per_year_png
    from mfa_transcripts.validate import validate_package

    (package / FIGURE).write_bytes(transcripts_per_year_png([(2001, ["briefing"])]))
    descriptor = json.loads((package / "datapackage.json").read_text("utf-8"))
    text = json_text(datapackage(package, descriptor["sources"]))  # hashes made to match
    (package / "datapackage.json").write_text(text, "utf-8")
    found = {(p.type, p.file) for p in validate_package(package / "datapackage.json").problems}
    assert found == {("descriptor-mismatch", FIGURE)}
