"""The file pass: every listed file a regular file inside the package, of the listed size
and sha256; what dist/ and schema/ may hold."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from .. import safefs
from ..errors import Problem, Report
from ..package import published_files
from .common import _Checked, _short
from .limits import MAX_SCHEMA_BYTES


def _ours(shards: dict[str, int] | None = None) -> set[str]:
    """Every file a build writes in dist/ and schema/ (what ``build`` keeps there), with
    exactly the Parquet shards the descriptor lists."""
    return {p for p in published_files(shards) if p.startswith(("dist/", "schema/"))}


def unexpected_files(foreign: list[str]) -> Problem:
    """The one ``unexpected-file`` problem for stray entries in dist/ or schema/ (build,
    ``build --check`` and ``validate`` alike): hidden files, unlisted files, symbolic
    links, FIFOs, devices. Names at most ten of them."""
    shown = ", ".join(_short(f, 80) for f in foreign[:10])
    more = f" and {len(foreign) - 10:,} more" if len(foreign) > 10 else ""
    return Problem(
        "unexpected-file",
        foreign[0],
        f"expected only files the build writes in dist/ and schema/ (regular files, not "
        f"links), found {shown}{more}; move them elsewhere (wheels: `python -m build "
        "--outdir wheelhouse`), since publishing replaces these folders whole",
    )


def published_bytes(path: Path) -> bytes | None:
    """A published file's bytes if it is a regular file, else None (never followed)."""
    try:
        return safefs.read_bytes(path, limit=1 << 31)
    except OSError:
        return None


def _check_files(
    root: Path,
    name: str,
    resources: dict[str, dict[str, Any]],
    report: Report,
    foreign: set[str],
) -> _Checked:
    """Every listed file: a regular file inside the package, of the listed size and hash."""
    checked = _Checked(set(), set(), foreign)
    digests = _digests(root, resources, foreign)
    for resource in resources.values():
        rel = resource.get("path")
        why = safefs.safe_relative(rel)
        if why is not None:
            too_long = isinstance(rel, str) and len(rel) > safefs.MAX_PATH_CHARS
            report.add(
                Problem(
                    "limit-exceeded" if too_long else "descriptor-mismatch",
                    name,
                    f"expected resource {_short(resource['name'])}'s path to be a relative "
                    f"path inside the package, found {why}"
                    + ("" if too_long else f": {_short(rel)}"),
                )
            )
            continue
        assert isinstance(rel, str)
        if _is_foreign(rel, foreign):
            continue  # reported as an unexpected file: never opened
        try:
            size, digest = digests[rel]()
        except safefs.Refused as exc:
            if exc.missing:
                report.add(Problem("missing-file", rel, f"expected the file {rel!r}, found none"))
            else:
                kind = "limit-exceeded" if exc.too_long else "unreadable-file"
                report.add(Problem(kind, rel, f"expected a regular file, found {exc.found}"))
            continue
        checked.regular.add(rel)
        matching = True
        checked.digests[rel] = (size, digest)
        if resource.get("bytes") != size:
            report.add(
                Problem(
                    "size-mismatch",
                    rel,
                    f"expected {_short(resource.get('bytes'))} bytes as {name} lists, found {size}",
                )
            )
            matching = False
        if resource.get("hash") != f"sha256:{digest}":
            report.add(
                Problem(
                    "hash-mismatch",
                    rel,
                    f"expected {_short(resource.get('hash'), 80)} as {name} lists, "
                    f"found sha256:{digest}",
                )
            )
            matching = False
        if matching:
            checked.matching.add(rel)
    return checked


def _is_foreign(rel: str, foreign: set[str]) -> bool:
    return rel in foreign or any(rel.startswith(f + "/") for f in foreign)


def _digests(root: Path, resources: dict[str, dict[str, Any]], foreign: set[str]) -> dict[str, Any]:
    """Each listed file's (bytes, sha256), hashed on a thread a core (hashlib lets go of
    the GIL while it hashes), as a function that gives it or raises what hashing raised."""
    from concurrent.futures import ThreadPoolExecutor

    paths = sorted(
        {
            rel
            for r in resources.values()
            if safefs.safe_relative(rel := r.get("path")) is None
            and isinstance(rel, str)
            and not _is_foreign(rel, foreign)
        }
    )
    with ThreadPoolExecutor(max_workers=max(1, min(4, os.cpu_count() or 1))) as pool:
        futures = {rel: pool.submit(safefs.digest, root / rel, root) for rel in paths}
        for future in futures.values():
            future.exception()  # wait for every file, whether or not it could be read
    return {rel: future.result for rel, future in futures.items()}


def _small_file(
    root: Path, rel: str, report: Report, limit: int = MAX_SCHEMA_BYTES
) -> bytes | None:
    """A schema file or the card, if it is a regular file within the size limit."""
    try:
        data = safefs.read_bytes(root / rel, root, limit=limit)
    except safefs.Refused as exc:
        if exc.missing:
            report.add(Problem("missing-file", rel, "expected the file, found none"))
        else:
            report.add(
                Problem("unreadable-file", rel, f"expected a regular file, found {exc.found}")
            )
        return None
    if len(data) > limit:
        report.add(
            Problem(
                "limit-exceeded",
                rel,
                f"expected a file of at most {limit:,} bytes, found more",
            )
        )
        return None
    return data
