"""Verified, cached downloads of a published release (with pooch).

A release is a folder on a web server holding ``datapackage.json`` and every file it
lists as a resource (CSV, Parquet, the card, the Table Schemas, the Croissant file, the
figure), each with its byte count and sha256. :func:`download` fetches the descriptor,
then each listed file into a temporary name beside its target, checks its sha256 (pooch)
and its byte count, and only then renames it into place: a file in the cache is whole
and verified, or absent. Files already present with the listed hash are not fetched
again; a transfer cut short is started again from the beginning on the next call, and
the temporary file a killed download left in the cache is removed.

The cache folder is ``$MFA_TRANSCRIPTS_CACHE`` when set, else the per-user cache folder
pooch gives (``~/.cache/mfa-transcripts`` on Linux), with one sub-folder per version.
Needs the ``download`` extra: ``pip install 'mfa-transcripts[download]'``.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import sys
import tempfile
from pathlib import Path, PurePosixPath
from typing import Any

from . import __version__
from .errors import Problem

__all__ = [
    "BASE_URL_ENV",
    "CACHE_ENV",
    "DEFAULT_BASE_URL",
    "DownloadError",
    "cache_folder",
    "download",
    "downloaded_package",
]

CACHE_ENV = "MFA_TRANSCRIPTS_CACHE"
BASE_URL_ENV = "MFA_TRANSCRIPTS_BASE_URL"
# Where releases are published: one folder per version holding datapackage.json and the
# files it lists (the assets of the GitHub release `v<version>`).
DEFAULT_BASE_URL = (
    "https://github.com/mfa-transcripts/mfa-transcripts/releases/download/v{version}/"
)
PROGRESS_BYTES = 1 << 20  # show a progress bar for files larger than this, on a terminal
TIMEOUT = 30


class DownloadError(Exception):
    """A release could not be downloaded and verified; carries the :class:`Problem`."""

    def __init__(self, problem: Problem) -> None:
        super().__init__(str(problem))
        self.problem = problem


def cache_folder() -> Path:
    """The cache root: ``$MFA_TRANSCRIPTS_CACHE``, else the per-user cache folder."""
    configured = os.environ.get(CACHE_ENV)
    if configured:
        return Path(configured).expanduser()
    pooch = _pooch()
    return Path(pooch.os_cache("mfa-transcripts"))


def downloaded_package(version: str | None = None) -> Path:
    """The folder of a downloaded release in the cache (default: this package's version).

    Raises :class:`FileNotFoundError` saying what to run when it is not there.
    """
    version = version or __version__
    folder = cache_folder() / version
    if not (folder / "datapackage.json").is_file():
        raise FileNotFoundError(
            f"release {version} is not in the download cache ({CACHE_ENV} or the per-user "
            f"cache folder); run `mfa-transcripts download --version {version}` first"
        )
    return folder


def download(
    dest: str | Path | None = None,
    *,
    base_url: str | None = None,
    version: str | None = None,
    progress: bool | None = None,
) -> Path:
    """Download a release and verify every file; return the folder holding it.

    ``dest`` defaults to ``<cache>/<version>``; ``base_url`` to ``$MFA_TRANSCRIPTS_BASE_URL``
    or the project's release for ``version`` (default: this package's version).
    ``progress`` shows pooch's progress bar on large files (default: when standard error
    is a terminal). Raises :class:`DownloadError` (one line, naming the file) when a file
    cannot be fetched or does not match the descriptor; nothing unverified is left.
    """
    pooch = _pooch()
    base = base_url or os.environ.get(BASE_URL_ENV) or DEFAULT_BASE_URL
    base = base.format(version=version or __version__)
    if base.endswith("datapackage.json"):
        base = base[: -len("datapackage.json")]
    if not base.endswith("/"):
        base += "/"
    if progress is None:
        progress = sys.stderr.isatty()
    cache = cache_folder()
    cache.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix=".descriptor-", dir=cache) as tmp:
        fetched = _fetch(
            pooch,
            "datapackage.json",
            base + "datapackage.json",
            None,
            Path(tmp) / "datapackage.json",
        )
        descriptor = _descriptor(fetched, base)
        found = str(descriptor.get("version", ""))
        if version is not None and found != version:
            raise DownloadError(
                Problem(
                    "download-error",
                    "datapackage.json",
                    f"expected version {version} at {base}, found version {found or 'none'}",
                )
            )
        target = Path(dest) if dest is not None else cache / (found or "unversioned")
        target.mkdir(parents=True, exist_ok=True)
        if dest is None:
            _remove_leftovers(target, descriptor)
        for resource in descriptor["resources"]:
            rel = resource["path"]
            size = resource["bytes"]
            big = progress and size > PROGRESS_BYTES
            _fetch(pooch, rel, base + rel, resource["hash"], target / rel, size, big)
        shutil.move(str(fetched), str(target / "datapackage.json"))  # last: marks it complete
    return target


_LEFTOVER = re.compile(r"tmp[a-z0-9_]{8}")  # pooch's temporary names (tempfile's)


def _remove_leftovers(target: Path, descriptor: dict[str, Any]) -> None:
    """Partial files a killed download left beside their targets, in the cache only."""
    folders = {(target / r["path"]).parent for r in descriptor["resources"]}
    for folder in folders:
        if folder.is_dir():
            for item in folder.iterdir():
                if _LEFTOVER.fullmatch(item.name) and item.is_file():
                    item.unlink()


def _pooch() -> Any:
    try:
        import pooch
    except ImportError as exc:
        raise ImportError(
            "downloading needs pooch: pip install 'mfa-transcripts[download]'"
        ) from exc
    pooch.get_logger().setLevel("WARNING")  # no "Downloading ..." line per file
    return pooch


def _descriptor(path: Path, base: str) -> dict[str, Any]:
    """The fetched descriptor, checked for what downloading relies on."""
    where = "datapackage.json"
    try:
        descriptor = json.loads(path.read_text("utf-8"))
        resources = descriptor["resources"]
        if not isinstance(resources, list):
            raise TypeError("resources is not a list")
    except (ValueError, KeyError, TypeError) as exc:
        raise DownloadError(
            Problem("download-error", where, f"expected a data package at {base}, found {exc}")
        ) from None
    for number, resource in enumerate(resources, start=1):
        rel = resource.get("path") if isinstance(resource, dict) else None
        digest = resource.get("hash") if isinstance(resource, dict) else None
        size = resource.get("bytes") if isinstance(resource, dict) else None
        safe = (
            isinstance(rel, str)
            and bool(rel)
            and not PurePosixPath(rel).is_absolute()
            and ".." not in PurePosixPath(rel).parts
            and "\\" not in rel
        )
        if not (
            safe
            and isinstance(digest, str)
            and digest.startswith("sha256:")
            and isinstance(size, int)
        ):
            raise DownloadError(
                Problem(
                    "download-error",
                    where,
                    f"expected resource {number} to have a relative path inside the package, "
                    f"a sha256 hash and a byte count, found path {rel!r}, hash {digest!r}, "
                    f"bytes {size!r}",
                )
            )
    return dict(descriptor)


def _fetch(
    pooch: Any,
    rel: str,
    url: str,
    known_hash: str | None,
    target: Path,
    size: int | None = None,
    progress: bool = False,
) -> Path:
    """``url`` into ``target``, verified; pooch skips it when already there and verified."""
    import requests

    try:
        pooch.retrieve(
            url,
            known_hash=known_hash,
            fname=target.name,
            path=target.parent,
            downloader=pooch.HTTPDownloader(progressbar=progress, timeout=TIMEOUT),
        )
    except ValueError as exc:  # pooch: the hash of what arrived differs
        if "hash" not in str(exc).lower():
            raise
        raise DownloadError(
            Problem(
                "hash-mismatch",
                rel,
                f"expected {known_hash} as datapackage.json lists, found another sha256 in "
                f"what {url} sent (a changed or cut-short copy); nothing of it was kept",
            )
        ) from None
    except requests.exceptions.HTTPError as exc:
        status = exc.response.status_code if exc.response is not None else "error"
        reason = exc.response.reason if exc.response is not None else str(exc)
        raise DownloadError(
            Problem(
                "download-error", rel, f"expected the file from {url}, found HTTP {status} {reason}"
            )
        ) from None
    except requests.exceptions.ConnectionError as exc:
        raise DownloadError(
            Problem("download-error", rel, f"expected the file from {url}, found {_reason(exc)}")
        ) from None
    except requests.exceptions.RequestException as exc:
        raise DownloadError(
            Problem("download-error", rel, f"expected the file from {url}, found {_reason(exc)}")
        ) from None
    if size is not None and target.stat().st_size != size:  # the hash matched: cannot happen
        found = target.stat().st_size
        target.unlink()
        raise DownloadError(
            Problem(
                "size-mismatch",
                rel,
                f"expected {size} bytes as datapackage.json lists, found {found} from {url}; "
                "not kept",
            )
        )
    return target


def _reason(exc: BaseException) -> str:
    """The innermost cause of a requests error, on one line, without object reprs."""
    text = str(exc)
    if "Connection refused" in text:
        return "no server answering (connection refused)"
    if "IncompleteRead" in text or "Connection broken" in text:
        return "a response cut short (fewer bytes than its Content-Length)"
    if "timed out" in text.lower():
        return f"no answer within {TIMEOUT} s"
    if "Name or service not known" in text or "NameResolution" in text:
        return "no such host"
    return f"{type(exc).__name__}: {text}"
