"""The public face: load, load_table, the pandas and Hugging Face forms."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

import mfa_transcripts
from mfa_transcripts import Answer, Question, Transcript


def test_load_questions_gives_typed_models() -> None:
    questions = mfa_transcripts.load("questions")
    seed = [q for q in questions if q.transcript_id.startswith("2020-08-23-")]
    assert len(seed) == 15
    assert all(isinstance(q, Question) for q in questions)
    assert seed[0].text == "What does serving your Fatherland mean to you?"


def test_loaded_records_are_immutable() -> None:
    answer = mfa_transcripts.load("answers")[0]
    assert isinstance(answer, Answer)
    with pytest.raises(Exception, match="frozen"):
        answer.text = "changed"  # type: ignore[misc]


def test_load_table_keeps_types_and_descriptions() -> None:
    table = mfa_transcripts.load_table("transcripts")
    assert table.schema.field("event_date").type == pa.date32()
    assert table.schema.field("published_at").type == pa.timestamp("us", tz="+03:00")
    assert table.schema.field("languages").type.value_type == pa.string()
    assert b"description" in table.schema.field("title").metadata
    transcripts = mfa_transcripts.load("transcripts")
    assert all(isinstance(t, Transcript) for t in transcripts)
    assert len(transcripts) == table.num_rows


def test_pandas_form() -> None:
    pytest.importorskip("pandas")
    frame = mfa_transcripts.load_dataframe("questions")
    assert list(frame.columns) == list(Question.model_fields)
    assert len(frame) == len(mfa_transcripts.load("questions"))


def test_hugging_face_form() -> None:
    pytest.importorskip("datasets")
    dataset = mfa_transcripts.load_hf_dataset("answers")
    assert dataset.num_rows == len(mfa_transcripts.load("answers"))
    assert dataset.features["char_start"].dtype == "int64"


def test_unknown_table_names_the_tables() -> None:
    with pytest.raises(
        ValueError, match="expected one of transcripts, speeches, questions, answers"
    ):
        mfa_transcripts.load("question")


def test_load_reads_any_package_folder_and_bulk_models_equal_validated_ones(
    built: Path,
) -> None:
    from mfa_transcripts.package import TABLE_NAMES
    from mfa_transcripts.schema import MODELS

    assert tuple(m.table for m in MODELS) == TABLE_NAMES
    for table in TABLE_NAMES:
        fast = mfa_transcripts.load(table, package=built)
        checked = mfa_transcripts.load(table, package=built, validate=True)
        assert fast == checked and len(fast) > 0
        assert [r.model_dump() for r in fast] == [r.model_dump() for r in checked]
        assert mfa_transcripts.load_table(table, package=built / "dist").equals(
            pq.read_table(built / "dist" / f"{table}.parquet")
        )
    with pytest.raises(FileNotFoundError, match=r"expected dist/answers\.parquet"):
        mfa_transcripts.load("answers", package=built / "schema")


def test_load_leaves_the_garbage_collector_as_it_found_it(built: Path) -> None:
    """load() pauses collection while it makes the records, and only then."""
    import gc

    assert gc.isenabled()
    assert mfa_transcripts.load("answers", package=built)
    assert gc.isenabled()
    gc.disable()
    try:
        assert mfa_transcripts.load("answers", package=built)
        assert not gc.isenabled()  # not switched on behind the caller's back
    finally:
        gc.enable()


def test_import_loads_no_models_and_no_pyarrow() -> None:
    code = (
        "import sys, mfa_transcripts\n"
        "heavy = ('pyarrow', 'pydantic', 'mfa_transcripts.schema')\n"
        "print([m for m in heavy if m in sys.modules])\n"
        "mfa_transcripts.Question  # the models come when asked for\n"
        "print('mfa_transcripts.schema' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split("\n")[:2] == ["[]", "True"]


@pytest.mark.parametrize("scanned_above", [0, 1 << 40])
def test_large_and_small_files_load_the_same_table(
    built: Path, monkeypatch: pytest.MonkeyPatch, scanned_above: int
) -> None:
    """A large file goes through read_table's scanner, a small one through ParquetFile:
    the same table either way, verified or not."""
    import importlib

    load_module = importlib.import_module("mfa_transcripts.load")  # the module, not load()
    monkeypatch.setattr(load_module, "_SCANNED_BYTES", scanned_above)
    expected = pq.read_table(built / "dist" / "answers.parquet")
    assert mfa_transcripts.load_table("answers", package=built).equals(expected)
    assert mfa_transcripts.load_table("answers", package=built, verify=True).equals(expected)
    assert len(mfa_transcripts.load("answers", package=built)) == expected.num_rows
