"""``datapackage.json``, ``schema/``, the dataset card and the sources against what the
models and the files give (``descriptor-mismatch``), and the limits the descriptor is
read within."""

from __future__ import annotations

import json
import re
import stat
from pathlib import Path
from typing import Any

from .. import safefs
from ..builder.metadata import FIGURE, METADATA_FILES, figure_png, generated_texts
from ..errors import Problem, Report
from ..fields import table_schema
from ..schema import MODELS
from .common import _Checked, _short, _Table
from .files import _small_file, published_bytes
from .limits import MAX_CARD_BYTES, MAX_DESCRIPTOR_BYTES, MAX_DESCRIPTOR_DEPTH

# a JSON string (the loop unrolled: a run of plain bytes at a time, not one byte a turn)
_STRINGS = re.compile(rb'"[^"\\]*(?:\\.[^"\\]*)*"')


_BRACKETS = re.compile(rb"[\[\]{}]")


def _json_depth(data: bytes) -> int:
    """How deep arrays and objects nest in JSON text (strings skipped), without parsing it."""
    depth = deepest = 0
    for match in _BRACKETS.finditer(_STRINGS.sub(b"", data)):
        if match.group() in (b"[", b"{"):
            depth += 1
            deepest = max(deepest, depth)
        else:
            depth -= 1
    return deepest


def _read_descriptor(path: Path, report: Report) -> dict[str, Any] | None:
    """The descriptor, if it can be read, is JSON and has the shape the checks index."""
    try:
        data = safefs.read_bytes(path, limit=MAX_DESCRIPTOR_BYTES)
    except safefs.Refused as exc:
        kind = "limit-exceeded" if exc.too_long else "missing-file"
        report.add(Problem(kind, str(path), f"expected datapackage.json, found {exc.found}"))
        return None
    if len(data) > MAX_DESCRIPTOR_BYTES:
        report.add(
            Problem(
                "limit-exceeded",
                path.name,
                f"expected a descriptor of at most {MAX_DESCRIPTOR_BYTES:,} bytes, found more",
            )
        )
        return None
    depth = _json_depth(data)
    if depth > MAX_DESCRIPTOR_DEPTH:
        report.add(
            Problem(
                "limit-exceeded",
                path.name,
                f"expected arrays and objects nested at most {MAX_DESCRIPTOR_DEPTH} deep, "
                f"found {depth:,} levels",
            )
        )
        return None
    try:
        descriptor = json.loads(data.decode("utf-8"))
    except UnicodeDecodeError as exc:
        report.add(
            Problem(
                "descriptor-mismatch",
                path.name,
                f"expected UTF-8 JSON, found byte 0x{data[exc.start]:02X} at byte {exc.start}",
            )
        )
        return None
    except (ValueError, RecursionError) as exc:
        where = (
            f"line {exc.lineno} column {exc.colno}"
            if isinstance(exc, json.JSONDecodeError)
            else "JSON"
        )
        report.add(
            Problem(
                "descriptor-mismatch",
                path.name,
                f"expected a data package, found invalid JSON ({type(exc).__name__} at {where})",
            )
        )
        return None
    shape = _shape_error(descriptor)
    if shape is not None:
        report.add(Problem("descriptor-mismatch", path.name, f"expected a data package, {shape}"))
        return None
    return descriptor  # type: ignore[no-any-return]


def _shape_error(descriptor: object) -> str | None:
    """What is wrong with the descriptor's shape where the checks index it; None if nothing."""
    if not isinstance(descriptor, dict):
        return f"found a JSON {type(descriptor).__name__}, not an object"
    resources = descriptor.get("resources")
    if not isinstance(resources, list):
        return f"found resources as {_type_name(resources)}, not a list"
    names: set[str] = set()
    for number, resource in enumerate(resources, start=1):
        if not isinstance(resource, dict):
            return f"found resource {number} as {_type_name(resource)}, not an object"
        name = resource.get("name")
        if not isinstance(name, str):
            return f"found resource {number}'s name as {_type_name(name)}, not a string"
        if name in names:
            return f"found the resource name {_short(name)} twice"
        names.add(name)
    return None


def _type_name(value: object) -> str:
    return "nothing" if value is None else f"a JSON {type(value).__name__}"


def _check_descriptor(
    root: Path, name: str, descriptor: dict[str, Any], report: Report, checked: _Checked
) -> None:
    from ..builder.describe import datapackage
    from ..builder.export import json_text

    for model in MODELS:
        rel = f"schema/{model.table}.json"
        expected = json_text(table_schema(model))
        if rel in checked.foreign or "schema" in checked.foreign:
            continue
        found = _small_file(root, rel, report)
        if found is None:
            continue
        if found != expected.encode("utf-8"):
            report.add(
                Problem(
                    "descriptor-mismatch",
                    f"schema/{model.table}.json",
                    "expected the Table Schema the models give, found a different one",
                )
            )
    claimed = {
        r["path"]: (r.get("bytes"), str(r.get("hash", "")).removeprefix("sha256:"))
        for r in descriptor.get("resources", [])
        if isinstance(r, dict) and isinstance(r.get("path"), str)
    }
    files = {f"dist/{m.table}.csv": claimed.get(f"dist/{m.table}.csv", (0, "")) for m in MODELS}
    for rel, text in generated_texts(files, str(descriptor.get("created"))).items():  # type: ignore[arg-type]
        found = published_bytes(root / rel)
        if found is not None and found != text.encode("utf-8"):
            report.add(
                Problem(
                    "descriptor-mismatch", rel, "expected the file the models give, found another"
                )
            )
    kinds = {
        rel: safefs.entry_kind(root / rel)[0]
        for rel in (
            *(f"dist/{m.table}.csv" for m in MODELS),
            *(rel for m in MODELS for rel in checked.parquet(m.table)),
            *(rel for rel, *_ in METADATA_FILES),
        )
    }
    missing = [rel for rel, mode in kinds.items() if mode is None or not stat.S_ISREG(mode)]
    for rel in missing:
        if kinds[rel] is not None or rel in checked.foreign:
            continue  # there, but refused: reported already
        if not any(p.type == "missing-file" and p.file == rel for p in report.problems):
            report.add(
                Problem(
                    "missing-file",
                    rel,
                    f"expected the file {rel!r} the models call for, found none",
                )
            )
    if missing or "dist" in checked.foreign:
        return
    try:  # only regular files inside the package are read (safefs)
        expected_descriptor = datapackage(
            root, descriptor.get("sources", []), checked.digests, checked.shards
        )
    except OSError:
        return  # a table replaced since the file pass: the snapshot check runs again
    if not checked.ok:  # hashes already reported; compare the rest
        for theirs, mine in zip(
            descriptor.get("resources", []), expected_descriptor["resources"], strict=False
        ):
            for key in ("bytes", "hash"):
                if isinstance(theirs, dict) and key in theirs:
                    mine[key] = theirs[key]
        if "created" in descriptor:  # derived from a file already reported
            expected_descriptor["created"] = descriptor["created"]
    figure = published_bytes(root / FIGURE)
    if checked.ok and figure is not None and figure != figure_png(root):
        report.add(
            Problem(
                "descriptor-mismatch", FIGURE, "expected the figure the rows give, found another"
            )
        )
    if descriptor != expected_descriptor:
        differing = sorted(
            k
            for k in set(descriptor) | set(expected_descriptor)
            if descriptor.get(k) != expected_descriptor.get(k)
        )
        report.add(
            Problem(
                "descriptor-mismatch",
                name,
                f"expected the descriptor the models and files give, found differences in "
                f"{', '.join(differing)}",
            )
        )


def _check_sources(
    name: str, descriptor: dict[str, Any], tables: dict[str, _Table], report: Report
) -> None:
    """The descriptor's sources name exactly the published transcripts."""
    table = tables.get("transcripts")
    if table is None:
        return
    sources = descriptor.get("sources")
    listed: dict[str, int] = {}
    for number, source in enumerate(sources if isinstance(sources, list) else [], start=1):
        tid = source.get("transcript_id") if isinstance(source, dict) else None
        if isinstance(tid, str):
            listed[tid] = number
    for tid in sorted(set(listed) - table.keys):
        report.add(
            Problem(
                "descriptor-mismatch",
                name,
                f"expected source {listed[tid]}'s transcript {tid} in dist/transcripts.csv, "
                "found no such row",
            )
        )
    for tid in sorted(table.keys - set(listed)):
        report.add(
            Problem(
                "descriptor-mismatch",
                name,
                f"expected a source for transcript {tid}, found none in {name}",
            )
        )
    for tid, number in sorted(listed.items()):
        expected = table.sources.get(tid)
        given = sources[number - 1] if isinstance(sources, list) else None
        if expected is not None and isinstance(given, dict) and "corrections" in expected:
            # the reasons come from seeds/corrections.csv, not from the rows: any non-empty
            # reason will do; field and value must be the row's
            stated = given.get("corrections")
            if isinstance(stated, list) and len(stated) == len(expected["corrections"]):
                expected = {
                    **expected,
                    "corrections": [
                        {**want, "reason": got.get("reason")}
                        if isinstance(got, dict)
                        and isinstance(got.get("reason"), str)
                        and got["reason"].strip()
                        else want
                        for want, got in zip(expected["corrections"], stated, strict=True)
                    ],
                }
        if expected is not None and given != expected:
            report.add(
                Problem(
                    "descriptor-mismatch",
                    name,
                    f"expected source {number} to be {expected} as dist/transcripts.csv "
                    f"says, found {given}",
                )
            )


def _check_card(
    root: Path,
    descriptor: dict[str, Any],
    tables: dict[str, _Table],
    report: Report,
    checked: _Checked,
) -> None:
    """The dataset card says what the files hold (configs, features, row counts, sources)."""
    from ..builder.describe import card

    if "dist/README.md" in checked.foreign or "dist" in checked.foreign:
        return
    found = _small_file(root, "dist/README.md", report, MAX_CARD_BYTES)
    if found is None:
        return
    sources = descriptor.get("sources")
    if not isinstance(sources, list) or not all(
        isinstance(s, dict) and {"title", "sha256"} <= set(s) for s in sources
    ):
        return  # reported as a descriptor mismatch
    expected = card({t: tables[t].rows for t in tables}, sources, checked.shards)
    if found != expected.encode("utf-8"):
        report.add(
            Problem(
                "descriptor-mismatch",
                "dist/README.md",
                "expected the dataset card the models, rows and sources give, found a "
                "different one",
            )
        )
