"""seeds/corrections.csv: facts a maintainer states for a page, applied by the build,
recorded in the row and the descriptor, checked by validate; the page stays as saved."""

from __future__ import annotations

import csv
import hashlib
import json
import shutil
from pathlib import Path

import pytest

from mfa_transcripts.builder.build import BuildError, build
from mfa_transcripts.builder.corrections import parse_corrections
from mfa_transcripts.validate import validate_package

from .conftest import DATA

BAD = DATA / "bad"
HEADER = "file,field,value,reason\n"


def _seeds(tmp_path: Path, corrections: str, *pages: str) -> Path:
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    for name in pages:
        shutil.copyfile(BAD / name, seeds / name)
    (seeds / "corrections.csv").write_text(HEADER + corrections, "utf-8")
    return seeds


def _rows(root: Path) -> dict[str, dict[str, str]]:
    with (root / "dist" / "transcripts.csv").open(encoding="utf-8", newline="") as handle:
        return {row["source_file"]: row for row in csv.DictReader(handle)}


def test_a_stated_date_and_title_are_published_and_recorded(tmp_path: Path) -> None:
    seeds = _seeds(
        tmp_path,
        "no-date.txt,event_date,2017-05-14,the ministry's page of the same talk gives the day\n"
        'no-date.txt,title,"Foreign Minister Sergey Lavrov’s answers to media questions, '
        'Beijing, May 14, 2017",the saved title lost its date\n'
        "good.txt,place,Beijing,the title names no place\n",
        "no-date.txt",
        "good.txt",
    )
    saved = hashlib.sha256((seeds / "no-date.txt").read_bytes()).hexdigest()
    root = tmp_path / "out"
    report = build(seeds, root)
    rows = _rows(root)
    fixed = rows["no-date.txt"]
    assert fixed["event_date"] == "2017-05-14"
    assert fixed["transcript_id"].startswith("2017-05-14-")
    assert fixed["title"].endswith("Beijing, May 14, 2017")
    assert (fixed["speaker"], fixed["genre"]) == ("Sergey Lavrov", "answers to media questions")
    assert json.loads(fixed["corrections"]) == ["event_date", "title"]
    assert json.loads(fixed["warnings"]) == []  # the correction settles 'no-date'
    assert json.loads(rows["good.txt"]["corrections"]) == ["place"]
    assert rows["good.txt"]["place"] == "Beijing"
    assert fixed["source_sha256"] == saved  # the saved page is untouched
    assert hashlib.sha256((seeds / "no-date.txt").read_bytes()).hexdigest() == saved
    descriptor = json.loads((root / "datapackage.json").read_text("utf-8"))
    stated = {s["title"]: s.get("corrections") for s in descriptor["sources"]}
    assert stated["no-date.txt"][0] == {
        "field": "event_date",
        "value": "2017-05-14",
        "reason": "the ministry's page of the same talk gives the day",
    }
    assert not report.errors
    assert validate_package(root / "datapackage.json", frictionless=True).ok


def test_validate_names_a_correction_the_rows_do_not_bear_out(tmp_path: Path) -> None:
    seeds = _seeds(tmp_path, "good.txt,place,Beijing,the title names no place\n", "good.txt")
    root = tmp_path / "out"
    build(seeds, root)
    path = root / "datapackage.json"
    descriptor = json.loads(path.read_text("utf-8"))
    (source,) = descriptor["sources"]
    source["corrections"][0]["value"] = "Shanghai"  # says another value than the row
    path.write_text(json.dumps(descriptor), "utf-8")
    report = validate_package(path, frictionless=False)
    assert "descriptor-mismatch" in {p.type for p in report.errors}
    source["corrections"][0].update(value="Beijing", reason=" ")  # a correction with no reason
    path.write_text(json.dumps(descriptor), "utf-8")
    assert "descriptor-mismatch" in {p.type for p in validate_package(path).errors}


@pytest.mark.parametrize(
    ("row", "found"),
    [
        ("good.txt,speaker_role,Minister,why\n", "expected a field among"),
        ("good.txt,event_date,12 March 2015,why\n", "expected event_date as YYYY-MM-DD"),
        ("good.txt,place,Beijing,\n", "expected a reason"),
        ("good.txt,place, Beijing,why\n", "without surrounding or repeated whitespace"),
        ("../good.txt,place,Beijing,why\n", "expected the name of a file"),
        ("good.txt,place,Beijing\n", "expected 4 fields"),
        ("good.txt,place,A,why\ngood.txt,place,B,why\n", "found place of good.txt again"),
    ],
)
def test_a_row_that_cannot_be_applied_is_named_with_its_line(row: str, found: str) -> None:
    _, problems = parse_corrections("seeds/corrections.csv", HEADER + row)
    assert [(p.type, p.file) for p in problems] == [("invalid-correction", "seeds/corrections.csv")]
    assert found in problems[0].message and problems[0].line == HEADER.count("\n") + len(
        row.splitlines()
    )


def test_a_correction_for_a_page_that_is_not_there_stops_the_build(tmp_path: Path) -> None:
    seeds = _seeds(tmp_path, "gone.txt,place,Beijing,why\n", "good.txt")
    with pytest.raises(BuildError) as caught:
        build(seeds, tmp_path / "out", on_error="skip")
    (problem,) = caught.value.report.errors
    assert problem.type == "invalid-correction" and "gone.txt" in problem.message
    assert not (tmp_path / "out" / "dist").exists()
