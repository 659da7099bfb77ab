"""``validate --frictionless``: frictionless's own checks, run only on the package's own
regular files, their problems under this package's names."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from ..errors import Problem, Report
from ..schema import (
    MODELS,
)
from .common import _Checked, _short
from .files import _small_file

# frictionless error types → this package's problem types
_FRICTIONLESS_TYPES = {
    "hash-count": "hash-mismatch",
    "byte-count": "size-mismatch",
    "foreign-key": "foreign-key",
    "primary-key": "duplicate-key",
    "unique-error": "duplicate-key",
    "incorrect-label": "header-mismatch",
    "missing-label": "header-mismatch",
    "extra-label": "header-mismatch",
    "duplicate-label": "header-mismatch",
    "blank-label": "header-mismatch",
    "scheme-error": "missing-file",
    "encoding-error": "encoding-error",
}


_FRICTIONLESS_PROFILE = "https://datapackage.org/profiles/2.0/datapackage.json"


def _frictionless(
    path: Path, descriptor: dict[str, Any], report: Report, checked: _Checked
) -> None:
    """Frictionless's checks, run only on the package's own regular files.

    Frictionless fetches what a descriptor names (data, schemas, profiles) wherever it
    is. It is run on a copy of the descriptor whose every resource path was found to be
    a regular file inside the package, whose Table Schemas are the package's own
    ``schema/*.json`` and whose profile is the one bundled with frictionless: no network.
    """
    try:
        import frictionless
    except ImportError as exc:
        raise ImportError(
            "validate --frictionless needs frictionless: pip install 'mfa-transcripts[build]'"
        ) from exc

    unsafe = _remote_reference(descriptor, checked)
    if unsafe is not None:
        report.add(
            Problem(
                "descriptor-mismatch",
                path.name,
                f"expected only the package's own relative paths for frictionless, found "
                f"{unsafe}; frictionless not run",
            )
        )
        return
    root = path.parent
    trusted = dict(descriptor)
    trusted["resources"] = []
    for resource in descriptor["resources"]:
        copy = dict(resource)
        schema_ref = copy.get("schema")
        if isinstance(schema_ref, str):  # read here, safely, rather than by frictionless
            data = _small_file(root, schema_ref, Report())
            try:
                copy["schema"] = json.loads(data.decode("utf-8")) if data is not None else {}
            except (ValueError, RecursionError):
                copy["schema"] = {}
        trusted["resources"].append(copy)
    try:
        package = frictionless.Package(trusted, basepath=str(root))
        result = package.validate()
    except Exception as exc:  # frictionless raises its own errors for a bad descriptor
        report.add(
            Problem(
                "descriptor-mismatch",
                path.name,
                f"expected a descriptor frictionless reads, found: {_short(str(exc), 200)}",
            )
        )
        return
    for error in result.errors:  # the descriptor itself
        report.add(
            Problem("descriptor-mismatch", path.name, f"frictionless {error.type}: {error.message}")
        )
    for task in result.tasks:
        for error in task.errors:
            report.add(
                Problem(
                    _FRICTIONLESS_TYPES.get(error.type, "row-invalid"),
                    task.name,
                    f"frictionless {error.type}: {error.message}",
                    getattr(error, "row_number", None),
                )
            )


_RESOURCE_KEYS = frozenset(
    {
        "name",
        "title",
        "description",
        "type",
        "path",
        "scheme",
        "format",
        "mediatype",
        "encoding",
        "bytes",
        "hash",
        "schema",
    }
)


def _remote_reference(descriptor: dict[str, Any], checked: _Checked) -> str | None:
    """Anything frictionless would fetch from outside the package; None if nothing."""
    profile = descriptor.get("$schema", _FRICTIONLESS_PROFILE)
    if profile != _FRICTIONLESS_PROFILE or "profile" in descriptor:
        return "a profile other than the bundled Data Package v2 one"
    for resource in descriptor["resources"]:
        extra = sorted(set(resource) - _RESOURCE_KEYS)
        if extra:
            return f"resource key {_short(extra[0])}"
        rel = resource.get("path")
        if not (isinstance(rel, str) and rel in checked.regular):
            return f"the path {_short(rel)}, not a regular file inside it"
        schema_ref = resource.get("schema")
        if schema_ref is not None and not (
            isinstance(schema_ref, str) and schema_ref in _listed_schemas()
        ):
            return f"the schema {_short(schema_ref)}"
        if resource.get("scheme", "file") != "file":
            return f"the scheme {_short(resource.get('scheme'))}"
    return None


def _listed_schemas() -> set[str]:
    return {f"schema/{m.table}.json" for m in MODELS}
