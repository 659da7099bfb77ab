"""``load(..., verify=True)`` checks size and sha256 against the manifest; the default does not."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

import mfa_transcripts


@pytest.fixture
def installed(package: Path) -> Iterator[Path]:
    """A private copy of a package (its dist/ and datapackage.json), read with package=."""
    yield package


def test_verify_passes_on_the_published_files(installed: Path) -> None:
    verified = mfa_transcripts.load("answers", installed, verify=True)
    assert verified == mfa_transcripts.load("answers", installed)
    assert mfa_transcripts.load_table("questions", installed, verify=True).num_rows > 0


def test_verify_refuses_a_changed_file_and_the_default_does_not_check(installed: Path) -> None:
    other = installed / "dist" / "speeches.parquet"
    path = installed / "dist" / "transcripts.parquet"
    other_rows = len(mfa_transcripts.load("speeches", installed))
    shutil.copyfile(other, path)  # a valid Parquet file, but not the listed one
    with pytest.raises(mfa_transcripts.VerificationError, match=r"as datapackage\.json lists"):
        mfa_transcripts.load("transcripts", installed, verify=True)
    assert mfa_transcripts.load_table("transcripts", installed).num_rows == other_rows


def test_verify_refuses_a_symlinked_table(installed: Path, tmp_path: Path) -> None:
    path = installed / "dist" / "answers.parquet"
    shutil.copyfile(path, tmp_path / "copy.parquet")
    path.unlink()
    path.symlink_to(tmp_path / "copy.parquet")
    with pytest.raises(OSError, match="symbolic link"):
        mfa_transcripts.load("answers", installed, verify=True)


def test_load_says_whether_it_checks_hashes() -> None:
    doc = mfa_transcripts.load.__doc__ or ""
    assert "Does not check the file's hash by default" in doc and "verify=True" in doc
