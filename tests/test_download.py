"""Downloading a release over real HTTP from 127.0.0.1: verified, cached, never half there."""

from __future__ import annotations

import http.server
import re
import socket
import threading
from collections.abc import Iterator
from functools import partial
from pathlib import Path

import pytest

import mfa_transcripts
from mfa_transcripts.cli import main
from mfa_transcripts.release import DownloadError, download, downloaded_package
from mfa_transcripts.validate import validate_package

from .conftest import copy_package

LINE = re.compile(r"^(?P<file>[^\s:][^:]*?): error \[(?P<type>[a-z-]+)\] expected .+ found .+$")


class _Handler(http.server.SimpleHTTPRequestHandler):
    """Serves a folder; ``mode`` breaks one file's response on purpose."""

    mode: dict[str, str]  # path -> "truncate" | "short-length"
    requests: list[str]

    def log_message(self, format: str, *args: object) -> None:  # quiet
        pass

    def do_GET(self) -> None:
        self.requests.append(self.path)
        broken = self.mode.get(self.path.lstrip("/"))
        if broken is None:
            super().do_GET()
            return
        body = Path(self.translate_path(self.path)).read_bytes()
        self.send_response(200)
        self.send_header("Content-Type", "application/octet-stream")
        if broken == "truncate":  # promises every byte, sends half, hangs up
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body[: len(body) // 2])
            self.wfile.flush()
            self.close_connection = True
            self.connection.shutdown(socket.SHUT_RDWR)
        else:  # "short-length": a Content-Length smaller than the file
            self.send_header("Content-Length", str(len(body) - 7))
            self.end_headers()
            self.wfile.write(body)


class _Server:
    def __init__(self, folder: Path) -> None:
        self.mode: dict[str, str] = {}
        self.requests: list[str] = []
        handler = type("H", (_Handler,), {"mode": self.mode, "requests": self.requests})
        self.httpd = http.server.ThreadingHTTPServer(
            ("127.0.0.1", 0), partial(handler, directory=str(folder))
        )
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}/"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture
def release(built: Path, tmp_path: Path) -> Path:
    """A private copy of a built package, as a release folder on the server."""
    return copy_package(built, tmp_path / "release")


@pytest.fixture
def server(release: Path) -> Iterator[_Server]:
    server = _Server(release)
    yield server
    server.close()


@pytest.fixture(autouse=True)
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("MFA_TRANSCRIPTS_CACHE", str(folder))
    return folder


def _files(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()
    }


def test_clean_download_is_the_release_verified_and_cached(
    server: _Server, release: Path, cache: Path
) -> None:
    folder = download(base_url=server.url)
    assert folder == cache / mfa_transcripts.__version__ == downloaded_package()
    assert _files(folder) == _files(release)  # every listed file, and nothing else
    assert validate_package(folder / "datapackage.json").ok
    fetched = len(server.requests)
    assert fetched == len(_files(release))  # the descriptor, then each file it lists

    download(base_url=server.url)  # present and verified: only the descriptor again
    assert server.requests[fetched:] == ["/datapackage.json"]


def test_load_reads_the_downloaded_release(server: _Server, release: Path) -> None:
    download(base_url=server.url)
    downloaded = mfa_transcripts.load("questions", source="downloaded")
    assert downloaded == mfa_transcripts.load("questions")
    assert mfa_transcripts.load_table("answers", source="downloaded").num_rows == len(
        mfa_transcripts.load("answers")
    )


def test_loading_a_release_not_downloaded_says_what_to_run() -> None:
    with pytest.raises(FileNotFoundError, match="run `mfa-transcripts download"):
        mfa_transcripts.load("transcripts", source="downloaded")


def test_tampered_file_is_refused_named_and_not_kept(
    server: _Server, release: Path, tmp_path: Path
) -> None:
    target = release / "dist" / "questions.csv"
    data = bytearray(target.read_bytes())
    data[len(data) // 2] ^= 0x01  # same size, one bit flipped
    target.write_bytes(bytes(data))
    dest = tmp_path / "dest"
    with pytest.raises(DownloadError) as caught:
        download(dest, base_url=server.url)
    problem = caught.value.problem
    assert (problem.type, problem.file) == ("hash-mismatch", "dist/questions.csv")
    assert "nothing of it was kept" in problem.message
    assert not (dest / "dist" / "questions.csv").exists()
    assert not (dest / "datapackage.json").exists()  # the release is not marked complete
    leftovers = [p.name for p in (dest / "dist").iterdir() if p.name.startswith("tmp")]
    assert leftovers == []


def test_interrupted_transfer_restarts_cleanly(server: _Server, release: Path) -> None:
    """A partial file at the target (a transfer killed half way) is fetched again whole."""
    folder = download(base_url=server.url)
    whole = (release / "dist" / "answers.parquet").read_bytes()
    (folder / "dist" / "answers.parquet").write_bytes(whole[:100])
    download(base_url=server.url)
    assert (folder / "dist" / "answers.parquet").read_bytes() == whole


def test_a_killed_download_leaves_nothing_the_next_one_keeps(server: _Server) -> None:
    """pooch writes into a temporary name beside the target; a kill -9 leaves it there.
    The next download into the cache removes it; the release is whole again."""
    folder = download(base_url=server.url)
    (folder / "dist" / "tmpab12cd_9").write_bytes(b"PAR1 half a file")
    (folder / "dist" / "answers.parquet").unlink()
    download(base_url=server.url)
    assert not (folder / "dist" / "tmpab12cd_9").exists()
    assert validate_package(folder / "datapackage.json").ok


def _cli_error(capsys: pytest.CaptureFixture[str], *argv: str) -> re.Match[str]:
    assert main(list(argv)) == 1
    err = capsys.readouterr().err.splitlines()
    assert len(err) == 1, err  # one line, never a traceback
    match = LINE.match(err[0])
    assert match, err[0]
    return match


def test_server_down_is_one_line(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    with socket.socket() as probe:  # a port nothing listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    match = _cli_error(capsys, "download", "--base-url", f"http://127.0.0.1:{port}/")
    assert match["type"] == "download-error" and match["file"] == "datapackage.json"
    assert "connection refused" in match.group(0)


def test_404_is_one_line(server: _Server, capsys: pytest.CaptureFixture[str]) -> None:
    match = _cli_error(capsys, "download", "--base-url", server.url + "no-such-release/")
    assert match["type"] == "download-error" and "HTTP 404" in match.group(0)


def test_missing_listed_file_is_one_line(
    server: _Server, release: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    (release / "dist" / "speeches.parquet").unlink()
    match = _cli_error(capsys, "download", "--base-url", server.url, "--dest", str(tmp_path / "d"))
    assert (match["type"], match["file"]) == ("download-error", "dist/speeches.parquet")
    assert "HTTP 404" in match.group(0)


def test_truncated_response_is_one_line(
    server: _Server, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    server.mode["dist/answers.parquet"] = "truncate"
    dest = tmp_path / "d"
    match = _cli_error(capsys, "download", "--base-url", server.url, "--dest", str(dest))
    assert match["file"] == "dist/answers.parquet"
    assert match["type"] in {"download-error", "hash-mismatch"}
    assert not (dest / "dist" / "answers.parquet").exists()


def test_wrong_content_length_is_one_line(
    server: _Server, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    server.mode["dist/transcripts.csv"] = "short-length"
    dest = tmp_path / "d"
    match = _cli_error(capsys, "download", "--base-url", server.url, "--dest", str(dest))
    assert (match["type"], match["file"]) == ("hash-mismatch", "dist/transcripts.csv")
    assert not (dest / "dist" / "transcripts.csv").exists()


def test_version_other_than_asked_is_refused(server: _Server) -> None:
    with pytest.raises(DownloadError, match=r"expected version 9\.9\.9"):
        download(base_url=server.url, version="9.9.9")


def test_validate_accepts_an_address(server: _Server, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", server.url + "datapackage.json"]) == 0
    assert capsys.readouterr().out.strip().endswith(": valid")


def test_validate_an_address_of_a_tampered_release_is_one_line(
    server: _Server, release: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (release / "schema" / "answers.json").write_text("{}\n", "utf-8")
    match = _cli_error(capsys, "validate", server.url + "datapackage.json")
    assert (match["type"], match["file"]) == ("hash-mismatch", "schema/answers.json")


def test_download_without_pooch_is_a_usage_error(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import sys

    monkeypatch.setitem(sys.modules, "pooch", None)  # import pooch now raises ImportError
    assert main(["download", "--base-url", "http://127.0.0.1:9/"]) == 2
    err = capsys.readouterr().err.strip()
    assert err == "usage error: downloading needs pooch: pip install 'mfa-transcripts[download]'"


def test_large_files_show_a_progress_bar(
    server: _Server, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import sys

    module = sys.modules["mfa_transcripts.release"]
    monkeypatch.setattr(module, "PROGRESS_BYTES", 10_000)  # the Parquet files are larger
    download(base_url=server.url, progress=True)
    bars = capsys.readouterr().err
    assert "100%" in bars and bars.count("100%") < len(_files(downloaded_package()))
