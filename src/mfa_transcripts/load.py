"""The shipped dataset: read from the package's data folder, no network.

A wheel carries the Parquet files under ``mfa_transcripts/data/``, with the package's
``datapackage.json`` beside them as the manifest of their sizes and sha256; a source
checkout (editable install) reads them from the repository's ``dist/`` folder and its
``datapackage.json`` instead.

Hashes: by default a table is read as installed, without checking its sha256 (the
files are what pip installed). ``load(table, verify=True)`` (and ``load_table``) first
checks the file's size and sha256 against the manifest and raises
:class:`VerificationError` on a mismatch; the bytes checked are the very bytes decoded,
so a file replaced between the check and the read cannot slip through. A publish that
lands during the read is retried a few times (each table file is replaced whole, so a
read sees either the old file or the new one).
"""

from __future__ import annotations

import hashlib
import importlib
import json
import time
from functools import cache
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .schema import TABLES, Record

if TYPE_CHECKING:
    import pyarrow as pa

__all__ = [
    "VerificationError",
    "data_path",
    "load",
    "load_dataframe",
    "load_hf_dataset",
    "load_table",
]

_MANIFEST_BYTES = 16 * 1024 * 1024
_TRIES = 5


class VerificationError(ValueError):
    """A table file whose size or sha256 differs from the package's manifest."""


def data_path(table: str) -> Path:
    """Where the Parquet file of ``table`` lies."""
    if table not in TABLES:
        raise ValueError(f"unknown table {table!r}; expected one of {', '.join(TABLES)}")
    shipped = resources.files("mfa_transcripts").joinpath("data", f"{table}.parquet")
    if shipped.is_file():
        return Path(str(shipped))
    checkout = Path(__file__).resolve().parents[2] / "dist" / f"{table}.parquet"
    if checkout.is_file():
        return checkout
    raise FileNotFoundError(
        f"the {table} table is not in this installation (looked in the package's data "
        f"folder and in {checkout.parent.name}/); reinstall mfa-transcripts or run "
        "`mfa-transcripts build`"
    )


def manifest_path() -> Path:
    """Where the manifest (``datapackage.json``) of the shipped tables lies."""
    shipped = resources.files("mfa_transcripts").joinpath("data", "datapackage.json")
    if shipped.is_file():
        return Path(str(shipped))
    return Path(__file__).resolve().parents[2] / "datapackage.json"


def _verified_bytes(table: str) -> bytes:
    """The table file's bytes, once their size and sha256 match the manifest."""
    from .safefs import read_bytes

    path, manifest = data_path(table), manifest_path()
    problem = ""
    for attempt in range(_TRIES):
        if attempt:
            time.sleep(0.1 * attempt)  # a publish may be swapping the files in
        try:
            descriptor = json.loads(read_bytes(manifest, limit=_MANIFEST_BYTES))
            listed = [
                r
                for r in descriptor["resources"]
                if isinstance(r, dict) and r.get("path") == f"dist/{table}.parquet"
            ]
            size, digest = int(listed[0]["bytes"]), str(listed[0]["hash"])
        except (OSError, ValueError, KeyError, IndexError, TypeError) as exc:
            problem = f"expected a manifest listing dist/{table}.parquet, found {exc}"
            continue
        data = read_bytes(path, limit=size)
        found = f"sha256:{hashlib.sha256(data).hexdigest()}"
        if len(data) == size and found == digest:
            return data
        problem = (
            f"expected {size} bytes and {digest} as {manifest.name} lists, found "
            f"{len(data) if len(data) <= size else 'more'} bytes and {found}"
        )
    raise VerificationError(f"{path.name}: {problem}")


@cache
def _read(table: str, verify: bool = False) -> pa.Table:
    import pyarrow as pa
    import pyarrow.parquet as pq

    if verify:
        return pq.read_table(pa.BufferReader(_verified_bytes(table)))
    return pq.read_table(data_path(table))


def load_table(table: str, *, verify: bool = False) -> pa.Table:
    """``table`` as a :class:`pyarrow.Table` with the published types and field descriptions.

    ``verify=True`` checks the file's size and sha256 against the manifest first (see the
    module's docstring); the default does not check hashes.
    """
    return _read(table, verify)


def load(table: str, *, verify: bool = False) -> list[Any]:
    """``table`` as a list of validated, immutable models (e.g. :class:`Question`).

    Does not check the file's hash by default. ``verify=True`` checks its size and
    sha256 against the package's ``datapackage.json`` before decoding a byte, and raises
    :class:`VerificationError` if either differs.
    """
    rows = _read(table, verify).to_pylist()
    model: type[Record] = TABLES[table]
    return [model.model_validate(row) for row in rows]


def load_dataframe(table: str) -> Any:
    """``table`` as a pandas DataFrame (needs pandas: ``pip install mfa-transcripts[pandas]``)."""
    _require("pandas", "pandas", "load_dataframe")
    return _read(table).to_pandas()


def load_hf_dataset(table: str) -> Any:
    """``table`` as a Hugging Face ``datasets.Dataset`` (needs ``mfa-transcripts[hf]``)."""
    datasets = _require("datasets", "hf", "load_hf_dataset")
    from datasets.table import InMemoryTable

    arrow = _read(table)
    features = datasets.Features.from_arrow_schema(arrow.schema)
    return datasets.Dataset(InMemoryTable(arrow), info=datasets.DatasetInfo(features=features))


def _require(module: str, extra: str, caller: str) -> Any:
    """Import an optional dependency, or say which extra brings it."""
    try:
        return importlib.import_module(module)
    except ImportError as exc:
        raise ImportError(
            f"{caller} needs {module}: pip install 'mfa-transcripts[{extra}]'"
        ) from exc
