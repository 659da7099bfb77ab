"""The models' fields, described once for every format: Table Schema, Arrow, Hugging Face, CSV.

Everything here is derived from :mod:`mfa_transcripts.schema`; nothing is written twice.
Light on purpose: pydantic and pyarrow only.
"""

from __future__ import annotations

import json
import re
import types
import typing
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, Literal

import pyarrow as pa
from annotated_types import Ge, MinLen

from .schema import Record

__all__ = [
    "FieldSpec",
    "arrow_schema",
    "csv_cell",
    "csv_value",
    "field_specs",
    "hf_features_yaml",
    "table_schema",
]

MOSCOW_TZ = "+03:00"
_INTEGER = re.compile(r"-?[0-9]+")  # ASCII digits only, as Table Schema's integer


@dataclass(frozen=True)
class FieldSpec:
    """One column: name, kind, nullability, description, constraints."""

    name: str
    kind: str  # string | integer | boolean | date | datetime | array
    nullable: bool
    description: str
    pattern: str | None = None
    min_length: int | None = None
    minimum: int | None = None
    enum: tuple[str, ...] | None = None
    item_enum: tuple[str, ...] | None = None


def _unwrap(annotation: Any) -> tuple[Any, bool]:
    origin = typing.get_origin(annotation)
    if origin in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(annotation) if a is not type(None)]
        return args[0], len(args) < len(typing.get_args(annotation))
    return annotation, False


def field_specs(model: type[Record]) -> list[FieldSpec]:
    """The model's columns in published order."""
    specs = []
    for name, info in model.model_fields.items():
        annotation, nullable = _unwrap(info.annotation)
        item_enum = enum = None
        if annotation is bool:
            kind = "boolean"
        elif annotation is int:
            kind = "integer"
        elif annotation is datetime:
            kind = "datetime"
        elif annotation is date:
            kind = "date"
        elif annotation is str:
            kind = "string"
        elif typing.get_origin(annotation) is list:
            kind = "array"
            (item,) = typing.get_args(annotation)
            if typing.get_origin(item) is Literal:
                item_enum = tuple(typing.get_args(item))
        elif typing.get_origin(annotation) is Literal:
            kind, enum = "string", tuple(typing.get_args(annotation))
        else:  # pragma: no cover - a model change the mapping does not know yet
            raise TypeError(f"{model.__name__}.{name}: unsupported type {annotation!r}")
        pattern = min_length = minimum = None
        for meta in info.metadata:
            if isinstance(meta, MinLen):
                min_length = meta.min_length
            elif isinstance(meta, Ge):
                minimum = int(meta.ge)  # type: ignore[call-overload]
            elif getattr(meta, "pattern", None):
                pattern = meta.pattern
        if not info.description:
            raise ValueError(f"{model.__name__}.{name} has no description")
        specs.append(
            FieldSpec(
                name,
                kind,
                nullable,
                info.description,
                pattern,
                min_length,
                minimum,
                enum,
                item_enum,
            )
        )
    return specs


def table_schema(model: type[Record]) -> dict[str, Any]:
    """The Frictionless Table Schema of a model's table."""
    fields = []
    for spec in field_specs(model):
        field: dict[str, Any] = {"name": spec.name, "type": spec.kind}
        if spec.kind == "datetime":
            field["format"] = "default"
        field["description"] = spec.description
        constraints: dict[str, Any] = {}
        if not spec.nullable:
            constraints["required"] = True
        if spec.name == model.primary_key:
            constraints["unique"] = True
        if spec.pattern:
            constraints["pattern"] = spec.pattern.removeprefix("^").removesuffix("$")
        if spec.min_length is not None:
            constraints["minLength"] = spec.min_length
        if spec.minimum is not None:
            constraints["minimum"] = spec.minimum
        if spec.enum:
            constraints["enum"] = list(spec.enum)
        if constraints:
            field["constraints"] = constraints
        fields.append(field)
    schema: dict[str, Any] = {
        "$schema": "https://datapackage.org/profiles/2.0/tableschema.json",
        "fields": fields,
        "missingValues": [""],
        "primaryKey": [model.primary_key],
    }
    if model.foreign_keys:
        schema["foreignKeys"] = [
            {"fields": [f], "reference": {"resource": table, "fields": [ref]}}
            for f, table, ref in model.foreign_keys
        ]
    return schema


_ARROW = {
    "string": pa.string(),
    "integer": pa.int64(),
    "boolean": pa.bool_(),
    "date": pa.date32(),
    "datetime": pa.timestamp("us", tz=MOSCOW_TZ),
    "array": pa.list_(pa.field("element", pa.string())),  # Parquet's name for list items
}


def arrow_schema(model: type[Record]) -> pa.Schema:
    """The Arrow schema of a model's table, descriptions in field metadata."""
    return pa.schema(
        [
            pa.field(
                s.name,
                _ARROW[s.kind],
                nullable=s.nullable,
                metadata={"description": s.description},
            )
            for s in field_specs(model)
        ],
        metadata={"table": model.table, "description": (model.__doc__ or "").strip()},
    )


_HF_DTYPE = {
    "string": "string",
    "integer": "int64",
    "boolean": "bool",
    "date": "date32",
    "datetime": f"timestamp[us, tz={MOSCOW_TZ}]",
}


def hf_features_yaml(model: type[Record], indent: str = "  ") -> list[str]:
    """The model's Hugging Face features as dataset-card YAML lines."""
    lines = []
    for spec in field_specs(model):
        lines.append(f"{indent}- name: {spec.name}")
        if spec.kind == "array":
            lines.append(f"{indent}  list: string")
        else:
            lines.append(f"{indent}  dtype: {_HF_DTYPE[spec.kind]}")
    return lines


def csv_cell(value: Any) -> str:
    """A JSON-mode model value as a CSV cell: null empty, booleans lower-case, lists as JSON."""
    if value is None:
        return ""
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, list):
        return json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return str(value)


def csv_value(spec: FieldSpec, cell: str) -> Any:
    """A CSV cell back to a value the model validates (inverse of :func:`csv_cell`)."""
    if cell == "" and spec.kind != "array":
        return None if spec.nullable else cell
    if spec.kind == "array":
        return json.loads(cell) if cell else None
    if spec.kind == "integer":
        return int(cell) if _INTEGER.fullmatch(cell) else cell
    if spec.kind == "boolean":
        return {"true": True, "false": False}.get(cell, cell)
    return cell
