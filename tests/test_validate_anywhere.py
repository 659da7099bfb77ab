"""The package validates with other tools than ours: the Data Package v2 profile,
frictionless on one CSV alone and over HTTP; missing extras are usage errors."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import frictionless
import jsonschema
import pyarrow.parquet as pq
import pytest

from mfa_transcripts.cli import main
from mfa_transcripts.validate import validate_package

from .conftest import DATA, ROOT
from .test_download import _Server

PROFILE = DATA / "profiles" / "datapackage.json"  # Data Package v2, as published with the spec
FRICTIONLESS = str(Path(sys.executable).with_name("frictionless"))
TABLES = ("transcripts", "speeches", "questions", "answers")


def _descriptor(root: Path) -> dict[str, object]:
    return dict(json.loads((root / "datapackage.json").read_text("utf-8")))


def test_descriptor_passes_the_official_v2_profile_offline(built: Path) -> None:
    profile = json.loads(PROFILE.read_text("utf-8"))
    validator = jsonschema.Draft7Validator(
        profile, format_checker=jsonschema.Draft7Validator.FORMAT_CHECKER
    )
    descriptor = _descriptor(built)
    assert [e.message for e in validator.iter_errors(descriptor)] == []
    # the profile bites: what the package used to publish fails it
    old = json.loads(json.dumps(descriptor))
    old["resources"][4]["type"] = "file"
    old["contributors"] = []
    assert len(list(validator.iter_errors(old))) == 2
    # formats this jsonschema cannot check without extra packages, checked here
    assert datetime.fromisoformat(str(descriptor["created"])).tzinfo is not None
    # and so does the committed descriptor, not just a fresh build
    assert [e.message for e in validator.iter_errors(_descriptor(ROOT))] == []


def test_package_fields_are_honest_and_deterministic(built: Path) -> None:
    descriptor = _descriptor(built)
    (licence,) = descriptor["licenses"]  # type: ignore[misc]
    assert licence["name"] == "other-nc"  # Open Definition: "Other (Non-Commercial)", not open
    assert "non-commercial" in licence["title"] and "not under CC BY" in licence["title"]
    assert {c["roles"][0] for c in descriptor["contributors"]} == {"creator", "rightsHolder"}  # type: ignore[attr-defined]
    assert str(descriptor["homepage"]).startswith("https://") and descriptor["id"]
    published = pq.read_table(built / "dist" / "transcripts.parquet").column("published_at")
    assert descriptor["created"] == max(t for t in published.to_pylist() if t).isoformat()
    for resource in descriptor["resources"]:  # type: ignore[attr-defined]
        assert resource.get("type", "table") == "table"  # v2 knows no other type
        assert {"bytes", "hash"} <= set(resource) and resource["hash"].startswith("sha256:")


def test_each_csv_validates_alone_as_the_readme_shows(
    built: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    command = "frictionless validate dist/questions.csv --schema schema/questions.standalone.json"
    assert command in (ROOT / "README.md").read_text("utf-8")
    done = subprocess.run(
        [FRICTIONLESS, *command.split()[1:]], cwd=built, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stdout
    assert re.search(r"│ questions\s+│ table\s+│ dist/questions.csv\s+│ VALID", done.stdout)
    monkeypatch.chdir(built)  # frictionless refuses absolute paths
    for table in TABLES:
        alone = frictionless.validate(f"dist/{table}.csv", schema=f"schema/{table}.standalone.json")
        assert alone.valid, alone.flatten(["type", "note"])
    with_keys = frictionless.validate(  # why the variant exists
        "dist/questions.csv", schema="schema/questions.json"
    )
    assert not with_keys.valid


def test_a_standalone_schema_is_checked_against_the_models(package: Path) -> None:
    path = package / "schema" / "answers.standalone.json"
    schema = json.loads(path.read_text("utf-8"))
    schema["primaryKey"] = ["question_id"]
    path.write_text(json.dumps(schema), "utf-8")
    found = {(p.type, p.file) for p in validate_package(package / "datapackage.json").problems}
    assert ("descriptor-mismatch", "schema/answers.standalone.json") in found


@pytest.fixture
def served(package: Path) -> Iterator[_Server]:
    server = _Server(package)
    yield server
    server.close()


def _frictionless_json(target: str) -> dict[str, object]:
    done = subprocess.run(
        [FRICTIONLESS, "validate", "--json", target], capture_output=True, text=True
    )
    return dict(json.loads(done.stdout))


def test_frictionless_validates_over_http(served: _Server, package: Path) -> None:
    report = _frictionless_json(served.url + "datapackage.json")
    assert report["valid"], report
    assert len(report["tasks"]) == len(_descriptor(package)["resources"])  # type: ignore[arg-type]
    target = package / "dist" / "questions.parquet"  # one flipped Parquet byte
    data = bytearray(target.read_bytes())
    data[len(data) // 2] ^= 0x01
    target.write_bytes(bytes(data))
    report = _frictionless_json(served.url + "datapackage.json")
    assert not report["valid"]
    failing = {t["name"]: [e["type"] for e in t["errors"]] for t in report["tasks"] if t["errors"]}  # type: ignore[attr-defined,index]
    assert failing == {"questions-parquet": ["hash-count"]}


def test_validate_frictionless_without_frictionless_is_a_usage_error(
    built: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setitem(sys.modules, "frictionless", None)
    assert main(["validate", str(built / "datapackage.json"), "--frictionless"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert err == [
        "usage error: validate --frictionless needs frictionless: "
        "pip install 'mfa-transcripts[build]'"
    ]


@pytest.mark.parametrize(
    ("module", "loader", "extra"),
    [("pandas", "load_dataframe", "pandas"), ("datasets", "load_hf_dataset", "hf")],
)
def test_missing_loader_extra_names_it(
    monkeypatch: pytest.MonkeyPatch, module: str, loader: str, extra: str
) -> None:
    import mfa_transcripts

    monkeypatch.setitem(sys.modules, module, None)
    with pytest.raises(ImportError, match=re.escape(f"pip install 'mfa-transcripts[{extra}]'")):
        getattr(mfa_transcripts, loader)("questions")
