"""``validate --frictionless`` makes no network request, whatever the descriptor names.

A server on 127.0.0.1 counts requests; descriptors name it as a resource path, a Table
Schema, a profile and a dialect. Frictionless must not be run on any of them (nothing
fetched), and the descriptor is reported.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from mfa_transcripts.validate import validate_package


class _Counting(BaseHTTPRequestHandler):
    hits: list[str] = []  # noqa: RUF012 - shared by the server's handlers on purpose

    def do_GET(self) -> None:
        self.hits.append(self.path)
        body = b"id\n1\n"
        self.send_response(200)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: Any) -> None:
        pass


@pytest.fixture
def server() -> Iterator[str]:
    _Counting.hits = []
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Counting)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()


EDITS = {
    "path": lambda d, url: d["resources"][0].update(path=f"{url}/x.csv"),
    "schema": lambda d, url: d["resources"][0].update(schema=f"{url}/schema.json"),
    "profile": lambda d, url: d.update({"$schema": f"{url}/profile.json"}),
    "dialect": lambda d, url: d["resources"][0].update(dialect=f"{url}/dialect.json"),
    "parquet-path": lambda d, url: d["resources"][5].update(path=f"{url}/x.parquet"),
}


@pytest.mark.parametrize("edit", list(EDITS))
def test_no_request_for_what_the_descriptor_names(package: Path, server: str, edit: str) -> None:
    descriptor = json.loads((package / "datapackage.json").read_text("utf-8"))
    EDITS[edit](descriptor, server)
    (package / "datapackage.json").write_text(json.dumps(descriptor), "utf-8")
    report = validate_package(package / "datapackage.json", frictionless=True)
    assert _Counting.hits == []
    assert not report.ok
    assert any("frictionless not run" in p.message for p in report.problems), report.problems


def test_frictionless_runs_on_the_untouched_package(package: Path, server: str) -> None:
    report = validate_package(package / "datapackage.json", frictionless=True)
    assert report.ok, [str(p) for p in report.problems]
    assert _Counting.hits == []
