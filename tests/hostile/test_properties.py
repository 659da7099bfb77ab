"""Property: ``validate`` never raises and never hangs, whatever the package holds.

Arbitrary JSON as the descriptor (and arbitrary JSON spliced into the real one), and
arbitrary bytes (or the real bytes, cut and flipped) in place of each published file.
Every outcome must be a report of named problems. The quick profile runs a few dozen
examples per property; ``HYPOTHESIS_PROFILE=hostile-long`` runs many more.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mfa_transcripts.errors import ERROR_TYPES, Report
from mfa_transcripts.validate import validate_package

from .conftest import bounded

settings.register_profile(
    "hostile-quick",
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
settings.register_profile(
    "hostile-long",
    max_examples=500,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
PROFILE = os.environ.get("HYPOTHESIS_PROFILE", "hostile-quick")
if not PROFILE.startswith("hostile-"):
    PROFILE = "hostile-quick"

FILES = [
    "datapackage.json",
    "dist/README.md",
    *(
        f"dist/{t}.{e}"
        for t in ("transcripts", "speeches", "questions", "answers")
        for e in ("csv", "parquet")
    ),
    *(f"schema/{t}.json" for t in ("transcripts", "speeches", "questions", "answers")),
]

json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=True)
    | st.text(max_size=30)
    | st.sampled_from(["dist/questions.csv", "../x", "/etc/passwd", "http://127.0.0.1:9/x"]),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=10), inner, max_size=4)
    ),
    max_leaves=15,
)


@pytest.fixture
def scratch(small_package: Path) -> Iterator[Path]:
    with tempfile.TemporaryDirectory(prefix="hostile-prop-") as tmp:
        yield Path(tmp)


def _fresh(small_package: Path, scratch: Path) -> Path:
    root = scratch / "p"
    if root.exists():
        shutil.rmtree(root)
    root.mkdir()
    for name in ("dist", "schema"):
        shutil.copytree(small_package / name, root / name)
    shutil.copyfile(small_package / "datapackage.json", root / "datapackage.json")
    return root


def _check(root: Path) -> Report:
    with bounded():  # each example on its own: a hang fails it
        report = validate_package(root / "datapackage.json")
    assert isinstance(report, Report)
    assert all(p.type in ERROR_TYPES for p in report.problems)
    return report


def _splice(document: Any, path: list[int], value: Any) -> Any:
    """``document`` with one nested value (chosen by ``path``) replaced by ``value``."""
    if not path or not isinstance(document, dict | list) or not document:
        return value
    keys = list(document) if isinstance(document, dict) else list(range(len(document)))
    key = keys[path[0] % len(keys)]
    document[key] = _splice(document[key], path[1:], value)
    return document


@settings(settings.get_profile(PROFILE))
@given(descriptor=json_values)
def test_any_json_descriptor(small_package: Path, scratch: Path, descriptor: Any) -> None:
    root = _fresh(small_package, scratch)
    (root / "datapackage.json").write_text(json.dumps(descriptor), "utf-8")
    assert not _check(root).ok


@settings(settings.get_profile(PROFILE))
@given(path=st.lists(st.integers(0, 50), max_size=5), value=json_values)
def test_any_json_spliced_into_the_real_descriptor(
    small_package: Path, scratch: Path, path: list[int], value: Any
) -> None:
    root = _fresh(small_package, scratch)
    descriptor = json.loads((root / "datapackage.json").read_text("utf-8"))
    (root / "datapackage.json").write_text(json.dumps(_splice(descriptor, path, value)), "utf-8")
    _check(root)


@settings(settings.get_profile(PROFILE))
@given(
    rel=st.sampled_from(FILES),
    data=st.binary(max_size=3000),
)
def test_any_bytes_in_place_of_a_published_file(
    small_package: Path, scratch: Path, rel: str, data: bytes
) -> None:
    root = _fresh(small_package, scratch)
    (root / rel).write_bytes(data)
    assert not _check(root).ok or data == (small_package / rel).read_bytes()


@settings(settings.get_profile(PROFILE))
@given(
    rel=st.sampled_from(FILES),
    cut=st.integers(0, 100_000),
    flips=st.lists(st.tuples(st.integers(0, 100_000), st.integers(0, 255)), max_size=4),
)
def test_real_bytes_cut_and_flipped(
    small_package: Path,
    scratch: Path,
    rel: str,
    cut: int,
    flips: list[tuple[int, int]],
) -> None:
    root = _fresh(small_package, scratch)
    data = bytearray((root / rel).read_bytes())
    del data[cut % (len(data) + 1) :]
    for at, value in flips:
        if data:
            data[at % len(data)] = value
    (root / rel).write_bytes(bytes(data))
    _check(root)
