"""The package's descriptions: ``datapackage.json`` (its resources, their schemas and
hashes, and the sources with what a maintainer corrected) and the dataset card
(``dist/README.md``, its YAML configs and features for the Hugging Face hub).

All of it is generated from :mod:`mfa_transcripts.schema` (through
:mod:`mfa_transcripts.fields`) and deterministic (no timestamps, fixed order, ``\\n``
line ends).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from .. import __version__, package
from ..fields import field_specs, hf_features_yaml
from ..schema import MODELS, Record, Transcript
from .export import file_digest
from .figure import PALETTE
from .metadata import DATA_LICENCE, FIGURE, citation_bibtex, file_resources, package_fields

__all__ = ["DATASET", "card", "corrected_value", "datapackage", "field_reference", "source_entry"]

DATASET: dict[str, Any] = {
    "name": "mfa-transcripts",
    "title": "Russian Foreign Ministry transcripts",
    "description": (
        "Transcripts of the Russian Foreign Ministry's events (speeches, news conferences, "
        "interviews, briefings) as published in English on the Ministry's site and its "
        "republishers, split into opening statements, questions and answers, with the "
        "page's metadata. Every record keeps code-point offsets into its source page."
    ),
    "keywords": ["Russia", "foreign policy", "diplomacy", "transcripts", "Sergey Lavrov"],
    "data_licence": DATA_LICENCE,
    "code_licence": "MIT",
}


def source_entry(transcript: Transcript, reasons: dict[str, str] | None = None) -> dict[str, Any]:
    """A transcript's entry in the descriptor's ``sources``: file, address, sha256, ID, and
    the facts a maintainer corrected (field, published value, reason), when any."""
    entry: dict[str, Any] = {"title": transcript.source_file}
    if transcript.source_url:
        entry["path"] = transcript.source_url
    entry["sha256"] = transcript.source_sha256
    entry["transcript_id"] = transcript.transcript_id
    if transcript.corrections:
        entry["corrections"] = [
            {
                "field": name,
                "value": corrected_value(transcript, name),
                "reason": (reasons or {}).get(name, ""),
            }
            for name in transcript.corrections
        ]
    return entry


def corrected_value(transcript: Transcript, name: str) -> str:
    """The published value of a corrected fact, as ``seeds/corrections.csv`` states it."""
    value = getattr(transcript, name)
    return value.isoformat() if hasattr(value, "isoformat") else str(value)


def datapackage(
    root: Path,
    sources: list[dict[str, Any]],
    digests: dict[str, tuple[int, str]] | None = None,
    shards: dict[str, int] | None = None,
) -> dict[str, Any]:
    """The descriptor for the files under ``root`` (hashes read from disk).

    ``digests`` (path → bytes, sha256) gives hashes already read, so no file is hashed twice.
    ``shards`` names the tables written as Parquet shards and their count: each shard is
    a resource of its own (``<table>-parquet-00000-of-00004``).
    """
    known = digests or {}
    counts = shards or {}

    def digest(rel: str) -> tuple[int, str]:
        return known[rel] if rel in known else file_digest(root / rel)

    resources: list[dict[str, Any]] = []
    for model in MODELS:
        size, sha = digest(f"dist/{model.table}.csv")
        resources.append(
            {
                "name": model.table,
                "title": f"{model.table_title} (CSV)",
                "description": _doc(model),
                "type": "table",
                "path": f"dist/{model.table}.csv",
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",
                "bytes": size,
                "hash": f"sha256:{sha}",
                "schema": f"schema/{model.table}.json",
            }
        )
    for model in MODELS:
        count = counts.get(model.table, 1)
        for index, rel in enumerate(package.parquet_paths(model.table, count)):
            size, sha = digest(rel)
            part = "" if count == 1 else f"-{index:05d}-of-{count:05d}"
            shard = "" if count == 1 else f", shard {index + 1} of {count}"
            resources.append(
                {
                    "name": f"{model.table}-parquet{part}",
                    "title": f"{model.table_title} (Parquet{shard})",
                    "description": (
                        f"The {model.table} table as Parquet (zstd), with real types; same rows "
                        "as the CSV"
                        + (
                            ""
                            if count == 1
                            else f" (shards in the CSV's row order; read all {count} with "
                            f"the glob `{model.table}-*-of-*.parquet`)"
                        )
                        + ". Checked by hash here, and row by row by `mfa-transcripts "
                        "validate`. Described as a file, not a table: `format` is the media "
                        "type's subtype, since frictionless 5 reads a `parquet` resource as a "
                        "table and fails on its list columns."
                    ),
                    "path": rel,
                    "format": "vnd.apache.parquet",
                    "mediatype": "application/vnd.apache.parquet",
                    "bytes": size,
                    "hash": f"sha256:{sha}",
                }
            )
    resources += file_resources(root)
    return {
        "$schema": "https://datapackage.org/profiles/2.0/datapackage.json",
        "name": DATASET["name"],
        **package_fields(root),
        "title": DATASET["title"],
        "description": DATASET["description"]
        + f" The package's code is licensed separately ({DATASET['code_licence']}).",
        "version": __version__,
        "keywords": DATASET["keywords"],
        "licenses": [DATA_LICENCE],
        "sources": sources,
        "resources": resources,
    }


def _doc(model: type[Record]) -> str:
    """A model's docstring on one line."""
    return " ".join((model.__doc__ or "").split())


def field_reference(heading: str = "###") -> str:
    """Markdown field tables for every table, generated from the models."""
    parts = []
    for model in MODELS:
        parts.append(f"{heading} `{model.table}`\n\n{_doc(model)}\n")
        parts.append("| field | type | null | description |\n|---|---|---|---|")
        for spec in field_specs(model):
            kind = "list of strings" if spec.kind == "array" else spec.kind
            key = " (key)" if spec.name == model.primary_key else ""
            null = "yes" if spec.nullable else "no"
            description = spec.description.replace("|", "\\|")
            parts.append(f"| `{spec.name}`{key} | {kind} | {null} | {description} |")
        parts.append("")
    return "\n".join(parts)


def _size_category(rows: int) -> str:
    for limit, label in ((1_000, "n<1K"), (10_000, "1K<n<10K"), (100_000, "10K<n<100K")):
        if rows < limit:
            return label
    return "100K<n<1M"


def card(
    row_counts: dict[str, int],
    sources: list[dict[str, Any]],
    shards: dict[str, int] | None = None,
) -> str:
    """The Hugging Face dataset card (``dist/README.md``); a sharded table's config reads
    its shards by glob (``questions-*-of-*.parquet``)."""
    licence = DATASET["data_licence"]
    yaml = [
        "---",
        f"pretty_name: {DATASET['title']}",
        "license: other",
        "license_name: mid-ru-attribution-noncommercial",
        f"license_link: {licence['path']}",
        f"license_details: {json.dumps(licence['title'], ensure_ascii=False)}",
        f"version: {__version__}",
        "task_categories:",
        "- question-answering",
        "- text-classification",
        "language:",
        "- en",
        "size_categories:",
        f"- {_size_category(max(row_counts.values(), default=0))}",
        "tags:",
        "- politics",
        "- diplomacy",
        "- transcripts",
        "configs:",
    ]
    for model in MODELS:
        yaml.append(f"- config_name: {model.table}")
        if model.table == "questions":
            yaml.append("  default: true")
        sharded = (shards or {}).get(model.table, 1) > 1
        files = f"{model.table}-*-of-*.parquet" if sharded else f"{model.table}.parquet"
        yaml += ["  data_files:", "  - split: train", f"    path: {files}"]
    yaml.append("dataset_info:")
    for model in MODELS:
        yaml += [f"- config_name: {model.table}", "  features:"]
        yaml += hf_features_yaml(model, indent="  ")
        rows = row_counts.get(model.table, 0)
        yaml += ["  splits:", "  - name: train", f"    num_examples: {rows}"]
    yaml.append("---")
    counts = "\n".join(
        f"| `{m.table}` | {row_counts.get(m.table, 0)} | {_doc(m)} |" for m in MODELS
    )
    source_lines = "\n".join(
        f"- `{s['title']}` — {s.get('path', 'address not recorded')} (sha256 `{s['sha256']}`)"
        for s in sources
    )
    legend = ", ".join(f"{genre} `#{r:02x}{g:02x}{b:02x}`" for genre, (r, g, b) in PALETTE.items())
    body = f"""
# {DATASET["title"]}

{DATASET["description"]}

Version {__version__}. Load a table with `datasets.load_dataset("<this folder>", "questions")`,
or install the Python package (not on the package index yet: from a checkout,
`pip install .`, or from a wheel) and call `mfa_transcripts.load("questions")`.
Each table is one split, `train`:

The CSV files keep the texts' bytes as published: a cell may begin with `=`, `+`, `-` or
`@`, and an answer may be the word `NA` or `null`. Import them as text: in a spreadsheet,
use its text import and set every column to Text (never open them with a double click);
in pandas, `pd.read_csv(path, dtype=str, keep_default_na=False)` (an empty cell is null).
The Parquet files carry real types and need none of this.

| table | rows (train) | what a row is |
|---|---|---|
{counts}

![Transcripts per year (two-digit years), stacked by genre]({FIGURE.removeprefix("dist/")})

Transcripts per year by event date, stacked by the title's first genre term, with each
year's total above its bar. Colours: {legend}.

## Licence

{licence["title"]} Cite the source page (`source_url`) when you quote a transcript.
The code that builds this dataset is licensed separately ({DATASET["code_licence"]}).

## Citation

```bibtex
{citation_bibtex()}
```

Machine-readable: `CITATION.cff` in the repository; Croissant metadata in
`croissant.json` beside this card.

## Sources

{source_lines}

## Fields

{field_reference("###")}"""
    return "\n".join(yaml) + "\n" + body
