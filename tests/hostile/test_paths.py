"""Nothing outside the package or the seeds folder is opened, and nothing refused is quoted.

Every attack here puts a symbolic link, a FIFO, a device or a hidden file where a
published file or a page belongs. Each must end in a named problem: the file is never
opened (so FIFOs and devices cannot hang anything), and no message carries the content,
the size or the sha256 of what a link points to.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
from pathlib import Path

import pytest

from mfa_transcripts.builder.build import BuildError, build, check
from mfa_transcripts.builder.parse import parse_file
from mfa_transcripts.cli import main
from mfa_transcripts.errors import TranscriptError
from mfa_transcripts.validate import validate_package

from ..conftest import run_cli
from .conftest import SECRET, make_device, make_fifo, make_link

TABLE = "dist/questions.csv"


def _problems(root: Path) -> list[tuple[str, str]]:
    return [(p.type, p.file) for p in validate_package(root / "datapackage.json").problems]


def _assert_nothing_leaks(text: str, secret: Path) -> None:
    data = secret.read_bytes()
    assert SECRET not in text
    assert "SECRETHASH" not in text
    assert hashlib.sha256(data).hexdigest() not in text
    assert str(len(data)) + " " not in text.replace(",", "")  # its size is not said either


# --- validate: dist/ and schema/ ---------------------------------------------------------


def test_a_symlinked_table_to_a_secret_is_refused_unread(
    package: Path, secret: Path, capsys: pytest.CaptureFixture[str], no_hang: None
) -> None:
    make_link(package / TABLE, secret)
    assert ("unexpected-file", TABLE) in _problems(package)
    assert main(["validate", str(package / "datapackage.json")]) == 1
    out = capsys.readouterr()
    _assert_nothing_leaks(out.err + out.out, secret)


def test_a_symlinked_table_to_an_identical_copy_is_refused_as_build_refuses_it(
    package: Path, seeds: Path, tmp_path: Path, no_hang: None
) -> None:
    copy = tmp_path / "copy.csv"
    shutil.copyfile(package / TABLE, copy)
    make_link(package / TABLE, copy)
    assert _problems(package) == [("unexpected-file", TABLE)]
    with pytest.raises(BuildError) as caught:
        build(seeds, package)
    assert [(p.type, p.file) for p in caught.value.report.errors] == [("unexpected-file", TABLE)]
    assert ("unexpected-file", TABLE) in [(p.type, p.file) for p in check(seeds, package)]
    assert (package / TABLE).is_symlink()  # the refused build changed nothing


@pytest.mark.parametrize("rel", ["dist/.payload.exe", "schema/.git/config", "dist/notes.txt"])
def test_hidden_and_unlisted_files_are_refused_by_validate_build_and_check(
    package: Path, seeds: Path, rel: str
) -> None:
    (package / rel).parent.mkdir(parents=True, exist_ok=True)
    (package / rel).write_bytes(b"MZ\x90\x00payload")
    assert _problems(package) == [("unexpected-file", rel)]
    with pytest.raises(BuildError) as caught:
        build(seeds, package)
    assert [(p.type, p.file) for p in caught.value.report.errors] == [("unexpected-file", rel)]
    found = [(p.type, p.file) for p in check(seeds, package)]
    assert found == [("unexpected-file", rel)]


def test_a_symlinked_dist_folder_is_refused(package: Path, tmp_path: Path, no_hang: None) -> None:
    elsewhere = tmp_path / "elsewhere"
    shutil.move(package / "dist", elsewhere)
    make_link(package / "dist", elsewhere)
    found = _problems(package)
    assert ("unexpected-file", "dist") in found
    assert all(t != "hash-mismatch" for t, _ in found)  # nothing behind the link was read


@pytest.mark.parametrize("kind", ["fifo", "device", "dev-zero-link"])
@pytest.mark.parametrize("rel", [TABLE, "dist/answers.parquet", "schema/speeches.json"])
def test_fifos_and_devices_in_the_package_never_hang(
    package: Path, kind: str, rel: str, no_hang: None
) -> None:
    target = package / rel
    {
        "fifo": make_fifo,
        "device": make_device,
        "dev-zero-link": lambda p: make_link(p, "/dev/zero"),
    }[kind](target)
    assert ("unexpected-file", rel) in _problems(package)


def test_a_fifo_as_the_descriptor_never_hangs(package: Path, no_hang: None) -> None:
    make_fifo(package / "datapackage.json")
    report = validate_package(package / "datapackage.json")
    assert [p.type for p in report.problems] == ["missing-file"]
    assert "FIFO" in report.problems[0].message


def test_a_symlinked_descriptor_is_not_read(
    package: Path, secret: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    secret.write_text(json.dumps({"resources": [{"name": SECRET}]}), "utf-8")
    make_link(package / "datapackage.json", secret)
    assert main(["validate", str(package / "datapackage.json")]) == 1
    out = capsys.readouterr()
    assert "symbolic link" in out.err
    _assert_nothing_leaks(out.err + out.out, secret)


def test_a_resource_path_naming_a_link_outside_is_not_read(
    package: Path, secret: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The password-hash attack: a listed resource that is a link, beside datapackage.json."""
    make_link(package / "notes.csv", secret)
    descriptor = json.loads((package / "datapackage.json").read_text("utf-8"))
    descriptor["resources"].append(
        {"name": "notes", "path": "notes.csv", "format": "csv", "bytes": 1, "hash": "sha256:0"}
    )
    (package / "datapackage.json").write_text(json.dumps(descriptor), "utf-8")
    assert ("unreadable-file", "notes.csv") in _problems(package)
    assert main(["validate", str(package / "datapackage.json"), "--frictionless"]) == 1
    out = capsys.readouterr()
    _assert_nothing_leaks(out.err + out.out, secret)


# --- seeds -----------------------------------------------------------------------------


def test_odd_seed_entries_each_get_a_warning_by_name(
    seeds: Path, secret: Path, tmp_path: Path, no_hang: None
) -> None:
    make_fifo(seeds / "fifo.txt")
    make_link(seeds / "zero.txt", "/dev/zero")
    (seeds / "x.txt").mkdir()
    make_link(seeds / "dangling.txt", seeds / "nowhere.txt")
    make_link(seeds / "loop.txt", seeds / "loop.txt")
    make_link(seeds / "secret.txt", secret)
    root = tmp_path / "out"
    report = build(seeds, root)
    warned = {p.file for p in report.warnings if p.type == "unreadable-file"}
    assert warned == {"fifo.txt", "zero.txt", "x.txt", "dangling.txt", "loop.txt", "secret.txt"}
    assert report.figures["pages_published"] == 1
    assert all("left out" in p.message for p in report.warnings if p.file in warned)
    _assert_nothing_leaks("\n".join(str(p) for p in report.problems), secret)


def test_a_device_seed_is_warned_about(seeds: Path, tmp_path: Path, no_hang: None) -> None:
    make_device(seeds / "device.txt")
    report = build(seeds, tmp_path / "out")
    assert [(p.type, p.file) for p in report.warnings] == [("unreadable-file", "device.txt")]
    assert "character device" in report.warnings[0].message


def test_a_symlinked_seed_is_never_quoted(
    seeds: Path, secret: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`no-title` used to quote the first line of the file a seed linked to."""
    (seeds / "good.txt").unlink()
    make_link(seeds / "page.txt", secret)
    assert main(["build", "--seeds", str(seeds), "--out", str(tmp_path / "out")]) == 1
    out = capsys.readouterr()
    assert "page.txt" in out.err
    _assert_nothing_leaks(out.err + out.out, secret)


def test_a_symlinked_or_fifo_sources_table_is_refused(
    seeds: Path, secret: Path, tmp_path: Path, no_hang: None
) -> None:
    make_fifo(seeds / "sources.csv")
    with pytest.raises(BuildError) as caught:
        build(seeds, tmp_path / "a")
    assert [(p.type, p.file) for p in caught.value.report.errors] == [
        ("unreadable-file", "seeds/sources.csv")
    ]
    make_link(seeds / "sources.csv", secret)
    with pytest.raises(BuildError) as caught:
        build(seeds, tmp_path / "b")
    _assert_nothing_leaks(str(caught.value), secret)


@pytest.mark.parametrize("kind", ["fifo", "dev-zero-link", "folder", "link"])
def test_parse_refuses_what_is_not_a_regular_file(
    tmp_path: Path, secret: Path, kind: str, no_hang: None
) -> None:
    path = tmp_path / "page.txt"
    if kind == "fifo":
        make_fifo(path)
    elif kind == "dev-zero-link":
        make_link(path, "/dev/zero")
    elif kind == "folder":
        path.mkdir()
    else:
        make_link(path, secret)
    with pytest.raises(TranscriptError) as caught:
        parse_file(path)
    assert caught.value.problem.type == "unreadable-file"
    _assert_nothing_leaks(str(caught.value.problem), secret)


def test_parse_of_a_fifo_exits_1_in_a_child_process(tmp_path: Path) -> None:
    make_fifo(tmp_path / "page.txt")
    out = run_cli("parse", str(tmp_path / "page.txt"))
    assert out.returncode == 1
    assert "[unreadable-file] expected a regular file, found a FIFO" in out.stderr


# --- what is printed -------------------------------------------------------------------


def test_terminal_escapes_in_names_are_escaped(
    package: Path, seeds: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    evil = "\x1b]0;owned\x07\x1b[2J\u202eevil"
    descriptor = json.loads((package / "datapackage.json").read_text("utf-8"))
    descriptor["resources"][0]["path"] = f"dist/{evil}.csv"
    (package / "datapackage.json").write_text(json.dumps(descriptor), "utf-8")
    (seeds / f"{evil}.txt").write_text("Shopping list\n", "utf-8")
    assert main(["validate", str(package / "datapackage.json")]) == 1
    assert main(["build", "--seeds", str(seeds), "--out", str(tmp_path / "o")]) == 1
    out = capsys.readouterr()
    printed = out.err + out.out
    assert "\\x1b]0;owned\\x07" in printed and "\\u202e" in printed
    assert not any(c in printed for c in "\x1b\x07\u202e")


def test_a_seed_folder_that_cannot_be_listed(
    seeds: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = os.scandir

    def scandir(path: object = ".") -> object:
        if Path(str(path)) == seeds:
            raise PermissionError(13, "Permission denied", str(path))
        return real(path)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "scandir", scandir)
    with pytest.raises(BuildError) as caught:
        build(seeds, tmp_path / "out")
    assert [p.type for p in caught.value.report.errors] == ["unreadable-file"]
    assert "Permission denied" in caught.value.report.errors[0].message


def test_a_fifo_readme_or_journal_at_the_root_never_hangs(
    package: Path, seeds: Path, no_hang: None
) -> None:
    make_fifo(package / "README.md")
    assert build(seeds, package).ok  # published without the README's field tables
    assert [(p.type, p.file) for p in check(seeds, package)] == [("stale-file", "README.md")]
    staging = package / ".build-staging-x"
    staging.mkdir()
    make_fifo(staging / "PUBLISHING")
    with pytest.raises(BuildError) as caught:
        build(seeds, package)
    assert [p.type for p in caught.value.report.errors] == ["write-error"]


def test_an_unlistable_folder_is_named_unreadable(
    package: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = os.scandir
    schema = package / "schema"

    def scandir(path: object = ".") -> object:
        if Path(str(path)) == schema:
            raise PermissionError(13, "Permission denied", str(path))
        return real(path)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "scandir", scandir)
    assert ("unreadable-file", "schema/") in _problems(package)
