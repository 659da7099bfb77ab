"""Metadata other tools read: the dataset card, CITATION.cff, Croissant, the wheel's
metadata; one version in all of them."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import jsonschema
import pytest
import yaml

import mfa_transcripts
from mfa_transcripts.schema import MODELS

from .conftest import DATA, ROOT


def test_card_parses_with_huggingface_hub(built: Path) -> None:
    from huggingface_hub import DatasetCard

    card = DatasetCard.load(built / "dist" / "README.md")
    data = card.data.to_dict()
    assert data["task_categories"] == ["question-answering", "text-classification"]
    assert data["license"] == "other" and data["license_link"].startswith("https://")
    assert data["version"] == mfa_transcripts.__version__
    splits = {c["config_name"]: c["splits"] for c in data["dataset_info"]}
    for table in mfa_transcripts.TABLES:
        rows = len(mfa_transcripts.load(table))
        assert splits[table] == [{"name": "train", "num_examples": rows}]
        assert f"| `{table}` | {rows} |" in card.text
    assert "```bibtex\n@misc{mfa_transcripts," in card.text


def test_citation_cff_is_valid_cff_1_2_0() -> None:
    schema = json.loads((DATA / "cff-schema-1.2.0.json").read_text("utf-8"))
    citation = yaml.safe_load((ROOT / "CITATION.cff").read_text("utf-8"))
    validator = jsonschema.Draft7Validator(schema)
    assert [e.message for e in validator.iter_errors(citation)] == []
    assert "license" not in citation  # no SPDX ID fits the texts' terms; license-url says
    broken = dict(citation, version=None, authors=[])
    assert len(list(validator.iter_errors(broken))) >= 2  # the schema bites


# cffconvert 2.0 pins jsonschema<4, which frictionless and mlcroissant rule out, so it
# lives in a venv of its own beside the test venv (.ci/run and the README's set-up make it).
CFFCONVERT_VENV = (
    "python3 -m venv .venv/cffconvert && .venv/cffconvert/bin/pip install cffconvert==2.0.0"
)


def _cffconvert() -> str:
    """The cffconvert command: $CFFCONVERT, else <test venv>/cffconvert, else on PATH.

    Missing, it fails the test in CI (CI=true installs it) and skips it elsewhere,
    saying how to install it.
    """
    for candidate in (
        os.environ.get("CFFCONVERT"),
        str(Path(sys.prefix) / "cffconvert" / "bin" / "cffconvert"),
        shutil.which("cffconvert"),
    ):
        if candidate and Path(candidate).is_file():
            return candidate
    reason = f"cffconvert is not installed; install it in a venv of its own: {CFFCONVERT_VENV}"
    if os.environ.get("CI"):
        pytest.fail(reason)
    pytest.skip(reason)


def test_cffconvert_validates_citation_cff(tmp_path: Path) -> None:
    cffconvert = _cffconvert()

    def validate(path: Path) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [cffconvert, "--validate", "-i", str(path)],
            capture_output=True,
            text=True,
            timeout=60,
        )

    done = validate(ROOT / "CITATION.cff")
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip() == "Citation metadata are valid according to schema version 1.2.0."
    # it bites: a version that is not a string, or no authors, is refused
    citation = yaml.safe_load((ROOT / "CITATION.cff").read_text("utf-8"))
    for broken, words in [
        (dict(citation, version=[1]), "[1] is not of type 'string'"),
        (dict(citation, authors=[]), "[] is too short"),
    ]:
        (tmp_path / "CITATION.cff").write_text(yaml.safe_dump(broken), "utf-8")
        refused = validate(tmp_path / "CITATION.cff")
        assert refused.returncode == 1 and words in refused.stderr, refused.stderr[-2000:]


@pytest.mark.filterwarnings("ignore:ConjunctiveGraph is deprecated:DeprecationWarning")  # rdflib
def test_croissant_validates_and_reads_records_offline(built: Path) -> None:
    mlc = pytest.importorskip("mlcroissant")
    jsonld = str(built / "dist" / "croissant.json")
    dataset = mlc.Dataset(jsonld=jsonld)
    assert not dataset.metadata.issues.errors
    assert not dataset.metadata.issues.warnings, dataset.metadata.issues.report()
    for model in MODELS:
        table, key = model.table, model.primary_key
        # one Dataset per record set: mlcroissant 1.1 keeps a read's results in the
        # Dataset, and a join after a read of its referenced record set then fails
        records = list(mlc.Dataset(jsonld=jsonld).records(record_set=table))
        rows = mfa_transcripts.load_table(table).to_pylist()
        assert [r[f"{table}/{key}"].decode() for r in records] == [row[key] for row in rows]
        assert len(records[0]) == len(rows[0])  # its own fields only, none from a join
    first = next(iter(mlc.Dataset(jsonld=jsonld).records(record_set="questions")))
    question = mfa_transcripts.load("questions")[0]
    assert first["questions/text"].decode() == question.text
    assert first["questions/position"] == question.position


def test_readme_croissant_commands_run_as_written(built: Path) -> None:
    readme = (ROOT / "README.md").read_text("utf-8")
    start = readme.index("```sh\nmlcroissant validate ") + len("```sh\n")
    commands = readme[start : readme.index("```", start)].splitlines()
    assert [c.split()[:2] for c in commands] == [
        ["mlcroissant", "validate"],
        ["mlcroissant", "load"],
    ]
    tool = str(Path(sys.executable).with_name("mlcroissant"))
    printed = []
    for command in commands:
        done = subprocess.run(
            [tool, *command.split()[1:]], cwd=built, capture_output=True, text=True, timeout=120
        )
        assert done.returncode == 0, done.stderr[-2000:]
        printed.append(done.stdout + done.stderr)
    assert "Done." in printed[0]
    first, second = (a.answer_id for a in mfa_transcripts.load("answers")[:2])
    assert f"'answers/answer_id': b'{first}'" in printed[1]
    assert f"'answers/answer_id': b'{second}'" in printed[1]


def test_croissant_keys_and_references_are_the_table_schemas(built: Path) -> None:
    croissant = json.loads((built / "dist" / "croissant.json").read_text("utf-8"))
    record_sets = {rs["@id"]: rs for rs in croissant["recordSet"]}
    assert list(record_sets) == list(mfa_transcripts.TABLES)
    for table, record_set in record_sets.items():
        schema = json.loads((built / "schema" / f"{table}.json").read_text("utf-8"))
        assert record_set["key"] == {"@id": f"{table}/{schema['primaryKey'][0]}"}
        references = {
            f["name"]: f["references"]["field"]["@id"]
            for f in record_set["field"]
            if "references" in f
        }
        assert references == {
            fk["fields"][0]: f"{fk['reference']['resource']}/{fk['reference']['fields'][0]}"
            for fk in schema.get("foreignKeys", [])
        }
    answers = {f["name"]: f.get("references") for f in record_sets["answers"]["field"]}
    assert answers["question_id"] == {"field": {"@id": "questions/question_id"}}
    assert answers["transcript_id"] == {"field": {"@id": "transcripts/transcript_id"}}
    assert answers["answer_id"] is None


def test_one_version_everywhere(built: Path) -> None:
    from huggingface_hub import DatasetCard

    version = mfa_transcripts.__version__
    descriptor = json.loads((built / "datapackage.json").read_text("utf-8"))
    croissant = json.loads((built / "dist" / "croissant.json").read_text("utf-8"))
    citation = yaml.safe_load((ROOT / "CITATION.cff").read_text("utf-8"))
    card = DatasetCard.load(built / "dist" / "README.md").data.to_dict()
    committed = json.loads((ROOT / "datapackage.json").read_text("utf-8"))
    assert {
        descriptor["version"],
        committed["version"],
        croissant["version"],
        str(citation["version"]),
        card["version"],
    } == {version}
    changelog = (ROOT / "CHANGELOG.md").read_text("utf-8")
    assert f"## {version} (package {version}, dataset {version})" in changelog


def test_wheel_metadata_names_urls_and_the_data_terms() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]
    assert project["license"] == "MIT AND LicenseRef-mid-ru-attribution-noncommercial"
    assert set(project["license-files"]) == {"LICENSE", "DATA-LICENCE.md"}
    assert {"Homepage", "Source", "Changelog", "Data terms"} <= set(project["urls"])
    terms = (ROOT / "DATA-LICENCE.md").read_text("utf-8")
    assert "non-commercial" in terms and "not under CC BY" in terms
