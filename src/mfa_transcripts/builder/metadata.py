"""What the package says about itself, beside the tables: descriptor entries for every
published file, the package-level fields the Data Package v2 profile asks for.

Every file a build publishes (except ``datapackage.json`` itself) is a resource of the
descriptor with its byte count and sha256, so that ``frictionless validate`` and
``mfa-transcripts download`` check each one. Files that are not tables are described
without a ``type`` (the v2 profile knows only ``table``).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from ..arrowcsv import literal
from ..fields import table_schema
from ..package import CROISSANT, FIGURE, standalone_schema_path
from ..schema import MODELS

__all__ = [
    "FIGURE",
    "HOMEPAGE",
    "METADATA_FILES",
    "file_resources",
    "generated_texts",
    "package_fields",
    "standalone_schema",
]

HOMEPAGE = "https://github.com/mfa-transcripts/mfa-transcripts"
SOURCE_SITE = "https://www.mid.ru/en/"
CONTRIBUTORS: list[dict[str, Any]] = [
    {"title": "The mfa-transcripts contributors", "path": HOMEPAGE, "roles": ["creator"]},
    {
        "title": "Ministry of Foreign Affairs of the Russian Federation",
        "path": SOURCE_SITE,
        "roles": ["rightsHolder"],
    },
]
# The texts' terms as an Open Definition ID: `other-nc` is "Other (Non-Commercial)",
# which the Open Definition does not count as open. The title says what the terms are.
DATA_LICENCE: dict[str, str] = {
    "name": "other-nc",
    "path": SOURCE_SITE,
    "title": (
        "Other (Non-Commercial): no named licence. The source site (the Ministry of Foreign "
        "Affairs of the Russian Federation, mid.ru) allows reuse of its materials with "
        "attribution to the site, for non-commercial purposes; the texts are not under CC BY "
        "or any other open licence."
    ),
}

# (path, name, title, format, mediatype), in descriptor order
METADATA_FILES: list[tuple[str, str, str, str, str]] = [
    (
        "dist/README.md",
        "card",
        "Dataset card (Hugging Face)",
        "md",
        "text/markdown",
    ),
    (
        FIGURE,
        "figure",
        "Transcripts per year, stacked by genre (the card's figure)",
        "png",
        "image/png",
    ),
    (
        CROISSANT,
        "croissant",
        "Croissant metadata (MLCommons) for the CSV tables",
        "json",
        "application/ld+json",
    ),
    *(
        (
            standalone_schema_path(m.table),
            f"{m.table}-standalone-schema",
            f"Table Schema of {m.table} without foreign keys, to validate its CSV alone",
            "json",
            "application/json",
        )
        for m in MODELS
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
                **({} if fmt == "png" else {"encoding": "utf-8"}),
                "bytes": size,
                "hash": f"sha256:{digest}",
            }
        )
    return resources


def standalone_schema(model: type[Any]) -> dict[str, Any]:
    """The model's Table Schema without foreign keys: its CSV validates alone with it."""
    schema = table_schema(model)
    schema.pop("foreignKeys", None)
    return schema


def generated_texts(files: dict[str, tuple[int, str]], created: str) -> dict[str, str]:
    """Files written from the models and the tables' (bytes, sha256) by path: the
    standalone Table Schemas and the Croissant file."""
    from .export import json_text

    texts = {standalone_schema_path(m.table): json_text(standalone_schema(m)) for m in MODELS}
    texts[CROISSANT] = json_text(croissant(files, created))
    return texts


def write_generated(root: Path) -> None:
    """Write :func:`generated_texts` under ``root`` (a build's staging folder)."""
    from .export import file_digest

    files = {f"dist/{m.table}.csv": file_digest(root / "dist" / f"{m.table}.csv") for m in MODELS}
    for rel, text in generated_texts(files, _created(root)).items():
        (root / rel).write_text(text, "utf-8")
    (root / FIGURE).write_bytes(figure_png(root))


def figure_png(root: Path) -> bytes:
    """The card's figure for the transcripts under ``root``."""

    from .figure import transcripts_per_year_png

    table = _transcripts(root, ["event_date", "genres"])
    return transcripts_per_year_png(
        (None if day is None else day.year, genres)
        for day, genres in zip(
            table.column("event_date").to_pylist(), table.column("genres").to_pylist(), strict=True
        )
    )


def _transcripts(root: Path, columns: list[str]) -> Any:
    """Columns of the transcripts table under ``root``, from its one file or its shards."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    from ..package import parquet_files

    # ParquetFile, not read_table: no dataset discovery (nor its imports) for one file
    parts = [pq.ParquetFile(f).read(columns=columns) for f in parquet_files(root, "transcripts")]
    return parts[0] if len(parts) == 1 else pa.concat_tables(parts)


def package_fields(root: Path) -> dict[str, Any]:
    """Package-level fields of the v2 profile: id, homepage, created, contributors.

    ``created`` is derived from the data (the newest publication time of a transcript),
    never the clock, so that the same seeds give the same descriptor.
    """
    return {
        "id": HOMEPAGE,
        "homepage": HOMEPAGE,
        "created": _created(root),
        "contributors": CONTRIBUTORS,
        "image": FIGURE,
    }


def _created(root: Path) -> str:
    """The newest publication time among the transcripts: its header time, else the
    midnight (UTC) of its publication date, else of its event date; the first of equal
    instants, as written (``...+03:00``, or ``...Z`` for a midnight)."""
    import pyarrow as pa
    import pyarrow.compute as pc

    columns = ["published_at", "published_date", "event_date"]
    try:
        table = _transcripts(root, columns)
    except (OSError, ValueError):  # validate reads a damaged file: reported as such there
        return "unknown"
    # as microseconds since the epoch, in Arrow: a zoned timestamp read into Python
    # would import pandas (pyarrow's shim), and 10,000 of them cost more than this
    stamped = pc.cast(table.column("published_at"), pa.int64())
    day = pc.coalesce(table.column("published_date"), table.column("event_date"))
    midnight = pc.multiply(pc.cast(pc.cast(day, pa.int32()), pa.int64()), literal(86_400_000_000))
    instants = pc.coalesce(stamped, midnight)
    if instants.null_count == len(instants):
        return "1970-01-01T00:00:00Z"
    newest = pc.max(instants)
    first = pc.index(instants, newest).as_py()  # max() keeps the first of equal ones
    moment = dt.datetime(1970, 1, 1, tzinfo=dt.UTC) + dt.timedelta(microseconds=newest.as_py())
    if stamped[first].is_valid:
        zone = table.schema.field("published_at").type.tz
        hours, minutes = zone[1:].split(":")
        offset = dt.timedelta(hours=int(hours), minutes=int(minutes))
        moment = moment.astimezone(dt.timezone(-offset if zone[0] == "-" else offset))
    return moment.isoformat().replace("+00:00", "Z")


# --- Croissant (MLCommons) ----------------------------------------------------------

CROISSANT_CONTEXT: dict[str, Any] = {
    "@language": "en",
    "@vocab": "https://schema.org/",
    "citeAs": "cr:citeAs",
    "column": "cr:column",
    "conformsTo": "dct:conformsTo",
    "cr": "http://mlcommons.org/croissant/",
    "rai": "http://mlcommons.org/croissant/RAI/",
    "data": {"@id": "cr:data", "@type": "@json"},
    "dataType": {"@id": "cr:dataType", "@type": "@vocab"},
    "dct": "http://purl.org/dc/terms/",
    "equivalentProperty": "cr:equivalentProperty",
    "examples": {"@id": "cr:examples", "@type": "@json"},
    "extract": "cr:extract",
    "field": "cr:field",
    "fileProperty": "cr:fileProperty",
    "fileObject": "cr:fileObject",
    "fileSet": "cr:fileSet",
    "format": "cr:format",
    "includes": "cr:includes",
    "isLiveDataset": "cr:isLiveDataset",
    "jsonPath": "cr:jsonPath",
    "key": "cr:key",
    "md5": "cr:md5",
    "parentField": "cr:parentField",
    "path": "cr:path",
    "recordSet": "cr:recordSet",
    "references": "cr:references",
    "regex": "cr:regex",
    "repeated": "cr:repeated",
    "replace": "cr:replace",
    "samplingRate": "cr:samplingRate",
    "sc": "https://schema.org/",
    "separator": "cr:separator",
    "source": "cr:source",
    "subField": "cr:subField",
    "transform": "cr:transform",
}
_CROISSANT_TYPES = {
    "string": "sc:Text",
    "integer": "sc:Integer",
    "boolean": "sc:Boolean",
    "date": "sc:Date",
    "datetime": "sc:DateTime",
    "array": "sc:Text",  # a JSON array in the CSV
}


def croissant(files: dict[str, tuple[int, str]], created: str) -> dict[str, Any]:
    """Croissant metadata for the CSV tables, from the models; ``files`` maps each
    ``dist/<table>.csv`` to its (bytes, sha256 hex). Paths are relative to ``dist/``.

    Each record set has its primary key as ``key``, and each foreign-key field of the
    Table Schema ``references`` the field it points to (Croissant's foreign key).

    mlcroissant 1.1 reads a record set with references through a join, and keeps the
    operations' results in the ``Dataset``: reading the referenced record set first,
    from the same ``Dataset`` object, leaves a spent generator where the join expects
    a table ("'generator' object has no attribute 'columns'"), and a second read of one
    record set gives no records. One ``mlcroissant.Dataset`` per record set read works.
    """
    from .. import __version__
    from ..fields import field_specs
    from .describe import DATASET

    distribution = []
    record_sets = []
    for model in MODELS:
        rel = f"dist/{model.table}.csv"
        size, digest = files[rel]
        distribution.append(
            {
                "@type": "cr:FileObject",
                "@id": f"{model.table}.csv",
                "name": f"{model.table}.csv",
                "description": f"The {model.table} table as CSV (UTF-8, header row).",
                "contentUrl": f"{model.table}.csv",
                "contentSize": f"{size} B",
                "encodingFormat": "text/csv",
                "sha256": digest,
            }
        )
        references = {name: f"{table}/{ref}" for name, table, ref in model.foreign_keys}
        fields = []
        for spec in field_specs(model):
            field: dict[str, Any] = {
                "@type": "cr:Field",
                "@id": f"{model.table}/{spec.name}",
                "name": spec.name,
                "description": spec.description,
                "dataType": _CROISSANT_TYPES[spec.kind],
                "source": {
                    "fileObject": {"@id": f"{model.table}.csv"},
                    "extract": {"column": spec.name},
                },
            }
            if spec.name in references:
                field["references"] = {"field": {"@id": references[spec.name]}}
            fields.append(field)
        record_sets.append(
            {
                "@type": "cr:RecordSet",
                "@id": model.table,
                "name": model.table,
                "description": " ".join((model.__doc__ or "").split()),
                "key": {"@id": f"{model.table}/{model.primary_key}"},
                "field": fields,
            }
        )
    return {
        "@context": CROISSANT_CONTEXT,
        "@type": "sc:Dataset",
        "name": DATASET["name"],
        "description": DATASET["description"],
        "conformsTo": "http://mlcommons.org/croissant/1.0",
        "citeAs": citation_bibtex(),
        "creator": {"@type": "sc:Organization", "name": CONTRIBUTORS[0]["title"], "url": HOMEPAGE},
        "datePublished": created,
        "keywords": DATASET["keywords"],
        "license": DATA_LICENCE["path"],
        "url": HOMEPAGE,
        "version": __version__,
        "distribution": distribution,
        "recordSet": record_sets,
    }


def citation_bibtex() -> str:
    """The dataset's BibTeX entry (the card and Croissant's ``citeAs``)."""
    from .. import __version__

    return (
        "@misc{mfa_transcripts,\n"
        "  title = {Russian Foreign Ministry transcripts},\n"
        f"  author = {{{{{CONTRIBUTORS[0]['title']}}}}},\n"
        f"  version = {{{__version__}}},\n"
        f"  howpublished = {{\\url{{{HOMEPAGE}}}}},\n"
        "  note = {Texts: Ministry of Foreign Affairs of the Russian Federation, mid.ru; "
        "reuse with attribution, non-commercial}\n"
        "}"
    )
