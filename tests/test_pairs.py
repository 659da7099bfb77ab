"""load_pairs: the question/answer join in every form, with filters; the docstrings'
examples run as doctests."""

from __future__ import annotations

import datetime as dt
import doctest
import shutil
from pathlib import Path

import pytest

import mfa_transcripts
from mfa_transcripts import pairs as pairs_module
from mfa_transcripts.builder.build import build

from .conftest import FIXTURES


def _expected() -> list[tuple[str, str, str]]:
    """(answer_id, question text, transcript title), joined by hand."""
    questions = {q.question_id: q for q in mfa_transcripts.load("questions")}
    transcripts = {t.transcript_id: t for t in mfa_transcripts.load("transcripts")}
    return [
        (a.answer_id, questions[a.question_id].text, transcripts[a.transcript_id].title)
        for a in mfa_transcripts.load("answers")
    ]


def test_pairs_are_the_join_in_published_order() -> None:
    pairs = mfa_transcripts.load_pairs()
    assert [(p.answer_id, p.question_text, p.title) for p in pairs] == _expected()
    transcripts = {t.transcript_id: t for t in mfa_transcripts.load("transcripts")}
    for pair in pairs:
        assert pair.event_date == transcripts[pair.transcript_id].event_date
        assert pair.answer_speaker in pair.speakers
        assert pair.answer_id.startswith(pair.question_id + "-a")


def test_every_form_holds_the_same_rows() -> None:
    models = [p.model_dump() for p in mfa_transcripts.load_pairs()]
    table = mfa_transcripts.load_pairs(form="arrow")
    assert table.to_pylist() == models
    assert table.schema.field("event_date").metadata[b"description"]
    frame = mfa_transcripts.load_pairs(form="pandas")
    assert list(frame["answer_id"]) == [m["answer_id"] for m in models]
    dataset = mfa_transcripts.load_pairs(form="hf")
    assert dataset["answer_id"] == [m["answer_id"] for m in models]
    with pytest.raises(ValueError, match="unknown form 'csv'"):
        mfa_transcripts.load_pairs(form="csv")


@pytest.fixture(scope="module")
def family(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A package built from the development fixtures: many speakers and dates."""
    root = tmp_path_factory.mktemp("family")
    build(FIXTURES, root, on_error="skip")
    return root


def test_filters_by_speaker_and_date_range(family: Path) -> None:
    everyone = mfa_transcripts.load_pairs(package=family)
    speakers = {p.answer_speaker for p in everyone}
    assert len(speakers) >= 2  # the filter has something to drop
    for name in speakers:
        mine = mfa_transcripts.load_pairs(speaker=name, package=family)
        assert mine == [p for p in everyone if p.answer_speaker == name]
    dates = sorted({p.event_date for p in everyone if p.event_date})
    assert len(dates) >= 3
    start, end = dates[1], dates[-2]
    window = mfa_transcripts.load_pairs(start=start, end=end, package=family)
    assert window == [p for p in everyone if p.event_date and start <= p.event_date <= end]
    assert {p.event_date for p in window} >= {start, end}  # both ends included
    assert (
        mfa_transcripts.load_pairs(speaker="Nobody", start=dt.date(2000, 1, 1), package=family)
        == []
    )


@pytest.mark.parametrize("module", [pairs_module, mfa_transcripts])
def test_docstring_examples_run(module: object) -> None:
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS)  # type: ignore[arg-type]
    assert result.failed == 0 and result.attempted > 0


def test_a_publish_during_the_read_is_read_again(
    package: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The four tables come from one publish: a dist/ swapped in meanwhile is read anew."""
    real = pairs_module._read
    calls: list[str] = []

    def read(table: str, *args: object, **kwargs: object) -> object:
        calls.append(table)
        if len(calls) == 2:  # a build publishes between two tables' reads
            (package / "dist").rename(package / "dist-old")
            shutil.copytree(package / "dist-old", package / "dist")
        return real(table, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(pairs_module, "_read", read)
    pairs = mfa_transcripts.load_pairs(package=package)
    assert len(calls) == 8  # all four tables, twice
    assert len(pairs) == len(mfa_transcripts.load("answers", package))
