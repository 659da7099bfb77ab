"""What the package says about itself, beside the tables: descriptor entries for every
published file, the package-level fields the Data Package v2 profile asks for.

Every file a build publishes (except ``datapackage.json`` itself) is a resource of the
descriptor with its byte count and sha256, so that ``frictionless validate`` and
``mfa-transcripts download`` check each one. Files that are not tables are described
without a ``type`` (the v2 profile knows only ``table``).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..schema import MODELS

__all__ = ["METADATA_FILES", "file_resources"]

# (path, name, title, format, mediatype), in descriptor order
METADATA_FILES: list[tuple[str, str, str, str, str]] = [
    (
        "dist/README.md",
        "card",
        "Dataset card (Hugging Face)",
        "md",
        "text/markdown",
    ),
    *(
        (
            f"schema/{m.table}.json",
            f"{m.table}-schema",
            f"Table Schema of {m.table}",
            "json",
            "application/json",
        )
        for m in MODELS
    ),
]


def file_resources(root: Path) -> list[dict[str, Any]]:
    """Descriptor resources for the published files that are not tables."""
    from .export import file_digest

    resources = []
    for rel, name, title, fmt, mediatype in METADATA_FILES:
        size, digest = file_digest(root / rel)
        resources.append(
            {
                "name": name,
                "title": title,
                "path": rel,
                "format": fmt,
                "mediatype": mediatype,
                "encoding": "utf-8",
                "bytes": size,
                "hash": f"sha256:{digest}",
            }
        )
    return resources
