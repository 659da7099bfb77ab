"""``load(..., verify=True)`` checks size and sha256 against the manifest; the default does not."""

from __future__ import annotations

import importlib
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

import mfa_transcripts

load_module = importlib.import_module("mfa_transcripts.load")  # the name `load` is the function


@pytest.fixture
def installed(package: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """``load`` pointed at a private copy of a package (its dist/ and datapackage.json)."""
    monkeypatch.setattr(load_module, "data_path", lambda t: package / "dist" / f"{t}.parquet")
    monkeypatch.setattr(load_module, "manifest_path", lambda: package / "datapackage.json")
    load_module._read.cache_clear()
    yield package
    load_module._read.cache_clear()


def test_verify_passes_on_the_published_files(installed: Path) -> None:
    assert mfa_transcripts.load("answers", verify=True) == mfa_transcripts.load("answers")
    assert mfa_transcripts.load_table("questions", verify=True).num_rows > 0


def test_verify_refuses_a_changed_file_and_the_default_does_not_check(installed: Path) -> None:
    other = installed / "dist" / "speeches.parquet"
    path = installed / "dist" / "transcripts.parquet"
    other_rows = len(mfa_transcripts.load("speeches"))
    shutil.copyfile(other, path)  # a valid Parquet file, but not the listed one
    load_module._read.cache_clear()
    with pytest.raises(mfa_transcripts.VerificationError, match=r"as datapackage\.json lists"):
        mfa_transcripts.load("transcripts", verify=True)
    assert mfa_transcripts.load_table("transcripts").num_rows == other_rows  # unchecked


def test_verify_refuses_a_symlinked_table(installed: Path, tmp_path: Path) -> None:
    path = installed / "dist" / "answers.parquet"
    shutil.copyfile(path, tmp_path / "copy.parquet")
    path.unlink()
    path.symlink_to(tmp_path / "copy.parquet")
    with pytest.raises(OSError, match="symbolic link"):
        mfa_transcripts.load("answers", verify=True)


def test_load_says_whether_it_checks_hashes() -> None:
    doc = mfa_transcripts.load.__doc__ or ""
    assert "Does not check the file's hash by default" in doc and "verify=True" in doc
