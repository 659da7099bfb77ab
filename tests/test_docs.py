"""One source of truth: every generated description agrees with the models."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from mfa_transcripts.builder.build import README_BEGIN, README_END
from mfa_transcripts.builder.describe import field_reference
from mfa_transcripts.fields import arrow_schema, field_specs, table_schema
from mfa_transcripts.schema import MODELS, Record

from .conftest import ROOT


@pytest.mark.parametrize("model", MODELS, ids=lambda m: m.table)
def test_every_field_is_described(model: type[Record]) -> None:
    for name, info in model.model_fields.items():
        assert info.description and len(info.description) > 10, name


@pytest.mark.parametrize("model", MODELS, ids=lambda m: m.table)
def test_table_schema_file_matches_model(built: Path, model: type[Record]) -> None:
    on_disk = json.loads((built / "schema" / f"{model.table}.json").read_text("utf-8"))
    assert on_disk == table_schema(model)
    assert [f["name"] for f in on_disk["fields"]] == list(model.model_fields)


@pytest.mark.parametrize("model", MODELS, ids=lambda m: m.table)
def test_parquet_schema_matches_model(built: Path, model: type[Record]) -> None:
    schema = pq.read_schema(built / "dist" / f"{model.table}.parquet")
    assert schema.equals(arrow_schema(model), check_metadata=True)
    for spec in field_specs(model):
        field = schema.field(spec.name)
        assert field.metadata[b"description"].decode() == spec.description


@pytest.mark.parametrize("model", MODELS, ids=lambda m: m.table)
def test_csv_header_matches_model(built: Path, model: type[Record]) -> None:
    header = (built / "dist" / f"{model.table}.csv").read_text("utf-8").split("\n", 1)[0]
    assert header.split(",") == list(model.model_fields)


def test_readme_field_reference_is_generated() -> None:
    readme = (ROOT / "README.md").read_text("utf-8")
    block = readme[readme.index(README_BEGIN) + len(README_BEGIN) : readme.index(README_END)]
    assert block.strip() == field_reference("###").strip()


def test_readme_starts_with_the_two_setup_commands() -> None:
    readme = (ROOT / "README.md").read_text("utf-8")
    first_block = readme.split("```sh\n", 1)[1].split("```", 1)[0].splitlines()
    assert first_block[0].startswith("python3 -m venv .venv && ")
    assert "mfa-transcripts build" in first_block[0]
    assert first_block[1].startswith(".venv/bin/python -m pytest")
    ci = (ROOT / ".ci" / "run").read_text("utf-8")
    assert ".venv/bin/python -m pytest" in ci


@pytest.mark.parametrize("model", MODELS, ids=lambda m: m.table)
def test_hugging_face_features_match_arrow(
    built: Path, model: type[Record], monkeypatch: pytest.MonkeyPatch
) -> None:
    datasets = pytest.importorskip("datasets")
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    monkeypatch.setenv("HF_DATASETS_OFFLINE", "1")
    with tempfile.TemporaryDirectory() as cache:
        loaded = datasets.load_dataset(str(built / "dist"), model.table, cache_dir=cache)
    train = loaded["train"]
    assert train.features == datasets.Features.from_arrow_schema(arrow_schema(model))
    assert train.num_rows == pq.read_metadata(built / "dist" / f"{model.table}.parquet").num_rows


def test_published_types_and_keys_stated_by_hand(built: Path) -> None:
    """What a user of each format sees, written out rather than regenerated."""
    import pyarrow as pa

    transcripts = json.loads((built / "schema" / "transcripts.json").read_text("utf-8"))
    kinds = {f["name"]: f["type"] for f in transcripts["fields"]}
    assert (kinds["event_date"], kinds["published_at"], kinds["languages"]) == (
        "date",
        "datetime",
        "array",
    )
    assert (kinds["complete"], kinds["word_count"], kinds["title"]) == (
        "boolean",
        "integer",
        "string",
    )
    assert transcripts["primaryKey"] == ["transcript_id"] and "foreignKeys" not in transcripts

    answers = json.loads((built / "schema" / "answers.json").read_text("utf-8"))
    assert answers["primaryKey"] == ["answer_id"]
    assert [(k["fields"], k["reference"]) for k in answers["foreignKeys"]] == [
        (["question_id"], {"resource": "questions", "fields": ["question_id"]}),
        (["transcript_id"], {"resource": "transcripts", "fields": ["transcript_id"]}),
    ]
    required = {f["name"] for f in answers["fields"] if f.get("constraints", {}).get("required")}
    assert {"qualifier", "speaker", "label"}.isdisjoint(required)
    assert {"answer_id", "text"} <= required

    schema = pq.read_schema(built / "dist" / "transcripts.parquet")
    assert schema.field("event_date").type == pa.date32()
    assert schema.field("published_at").type == pa.timestamp("us", tz="+03:00")
    assert schema.field("languages").type.value_type == pa.string()
    assert schema.field("speech_count").type == pa.int64()
    assert not schema.field("transcript_id").nullable and schema.field("place").nullable


def test_readme_loading_example_runs() -> None:
    """The README's first Python block is a doctest against the shipped data."""
    import doctest

    readme = (ROOT / "README.md").read_text("utf-8")
    block = readme.split("```python\n", 1)[1].split("```", 1)[0]
    test = doctest.DocTestParser().get_doctest(block, {}, "README", "README.md", 0)
    result = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS).run(test)
    assert result.attempted >= 5 and result.failed == 0
