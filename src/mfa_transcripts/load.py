"""The shipped dataset: read from the package's data folder, no network.

A wheel carries the Parquet files under ``mfa_transcripts/data/``; a source checkout
(editable install) reads them from the repository's ``dist/`` folder instead. With
``source="downloaded"``, every loader reads the release :func:`mfa_transcripts.download`
put in the cache (see :func:`mfa_transcripts.download.downloaded_package`).
"""

from __future__ import annotations

import importlib
from functools import cache
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .schema import TABLES, Record

if TYPE_CHECKING:
    import pyarrow as pa

__all__ = ["data_path", "load", "load_dataframe", "load_hf_dataset", "load_table"]


def data_path(table: str, source: str = "shipped") -> Path:
    """Where the Parquet file of ``table`` lies: ``source`` is "shipped" or "downloaded"."""
    if table not in TABLES:
        raise ValueError(f"unknown table {table!r}; expected one of {', '.join(TABLES)}")
    if source == "downloaded":
        from .download import downloaded_package

        return downloaded_package() / "dist" / f"{table}.parquet"
    if source != "shipped":
        raise ValueError(f"unknown source {source!r}; expected 'shipped' or 'downloaded'")
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


@cache
def _read(table: str, source: str = "shipped") -> pa.Table:
    import pyarrow.parquet as pq

    return pq.read_table(data_path(table, source))


def load_table(table: str, source: str = "shipped") -> pa.Table:
    """``table`` as a :class:`pyarrow.Table` with the published types and field descriptions."""
    return _read(table, source)


def load(table: str, source: str = "shipped") -> list[Any]:
    """``table`` as a list of validated, immutable models (e.g. :class:`Question`).

    ``source="downloaded"`` reads the release ``mfa-transcripts download`` cached.
    """
    rows = _read(table, source).to_pylist()
    model: type[Record] = TABLES[table]
    return [model.model_validate(row) for row in rows]


def load_dataframe(table: str, source: str = "shipped") -> Any:
    """``table`` as a pandas DataFrame (needs pandas: ``pip install mfa-transcripts[pandas]``)."""
    _require("pandas", "pandas", "load_dataframe")
    return _read(table, source).to_pandas()


def load_hf_dataset(table: str, source: str = "shipped") -> Any:
    """``table`` as a Hugging Face ``datasets.Dataset`` (needs ``mfa-transcripts[hf]``)."""
    datasets = _require("datasets", "hf", "load_hf_dataset")
    from datasets.table import InMemoryTable

    arrow = _read(table, source)
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
