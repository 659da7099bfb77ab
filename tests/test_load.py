"""The public face: load, load_table, the pandas and Hugging Face forms."""

from __future__ import annotations

import pyarrow as pa
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
