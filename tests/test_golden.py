"""Golden snapshots: the full parse of every fixture page, committed as JSON.

Each page in ``tests/data/transcripts``, ``tests/data/synthetic``, ``tests/data/bad``
and ``seeds/`` has a snapshot in ``tests/golden/<folder>/<page>.json``: every field of
every record, every warning, and the characters of chrome by kind — or, for a page
that is refused, the refusal (type, line, message). Any change to any of them shows
as a failing test and, once regenerated, as a diff to review.

Regenerate after an intended change with ``python -m pytest tests/test_golden.py
--update-golden`` (or ``MFA_UPDATE_GOLDEN=1``), then read ``git diff tests/golden``.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest

from mfa_transcripts.builder.parse import parse_file
from mfa_transcripts.errors import TranscriptError

from .conftest import DATA, SEEDS

GOLDEN = Path(__file__).resolve().parent / "golden"
FOLDERS = {
    "transcripts": DATA / "transcripts",
    "synthetic": DATA / "synthetic",
    "bad": DATA / "bad",
    "seeds": SEEDS,
}
PAGES = [
    (folder, path)
    for folder, root in FOLDERS.items()
    for path in sorted(root.iterdir())
    if path.is_file() and path.suffix in {".txt", ".csv", ".html"} and path.name != "sources.csv"
]


def snapshot(path: Path) -> dict[str, Any]:
    """Everything the parser says about one page, as JSON-ready data."""
    try:
        parsed = parse_file(path)
    except TranscriptError as exc:
        problem = exc.problem
        return {"refused": {"type": problem.type, "line": problem.line, "message": problem.message}}
    accounting = parsed.accounting
    return {
        **parsed.as_json(),
        "warnings": [
            {"type": w.type, "severity": w.severity, "line": w.line, "message": w.message}
            for w in parsed.warnings
        ],
        "accounting": {
            "total_chars": accounting.total_chars,
            "record_chars": accounting.record_chars,
            "whitespace_chars": accounting.whitespace_chars,
            "unaccounted_chars": accounting.unaccounted_chars,
            "chrome_chars": dict(sorted(accounting.chrome_chars.items())),
        },
    }


def _render(data: dict[str, Any]) -> str:
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"


def _updating(config: pytest.Config) -> bool:
    return bool(config.getoption("--update-golden")) or os.environ.get("MFA_UPDATE_GOLDEN") == "1"


@pytest.mark.parametrize(
    ("folder", "path"), PAGES, ids=[f"{folder}/{path.stem}" for folder, path in PAGES]
)
def test_parse_matches_golden(folder: str, path: Path, request: pytest.FixtureRequest) -> None:
    golden = GOLDEN / folder / f"{path.name}.json"
    got = _render(snapshot(path))
    if _updating(request.config):
        golden.parent.mkdir(parents=True, exist_ok=True)
        if not golden.exists() or golden.read_text("utf-8") != got:
            golden.write_text(got, "utf-8")
        return
    assert golden.exists(), f"no snapshot for {folder}/{path.name}: run with --update-golden"
    want = golden.read_text("utf-8")
    if got != want:
        # compare as data first, so that the failure names the first differing field
        assert json.loads(got) == json.loads(want)
        assert got == want


def test_no_stale_snapshots(request: pytest.FixtureRequest) -> None:
    """Every snapshot belongs to a fixture page (a renamed page leaves none behind)."""
    wanted = {GOLDEN / folder / f"{path.name}.json" for folder, path in PAGES}
    stale = sorted(p for p in GOLDEN.rglob("*.json") if p not in wanted)
    if _updating(request.config):
        for p in stale:
            p.unlink()
        return
    assert not stale, [str(p.relative_to(GOLDEN)) for p in stale]


def test_snapshots_cover_every_folder() -> None:
    """The snapshot set is not empty in any folder, refusals and parses alike."""
    for folder in FOLDERS:
        assert any((GOLDEN / folder).glob("*.json")), folder
    bad = [json.loads(p.read_text("utf-8")) for p in (GOLDEN / "bad").glob("*.json")]
    assert any("refused" in b for b in bad) and any("transcript" in b for b in bad)
