"""Read a package's tables: the shipped one by default, or any built or downloaded folder.

A wheel carries the Parquet files under ``mfa_transcripts/data/``; a source checkout
(editable install) reads them from the repository's ``dist/`` folder instead. Give
``package=`` the folder of any package (the one holding ``datapackage.json`` and
``dist/``, or ``dist/`` itself) to read that one. No network.
"""

from __future__ import annotations

from .package import DATA_FOLDER, TABLE_NAMES

TYPE_CHECKING = False  # not from typing: importing typing costs more than this module
if TYPE_CHECKING:
    from pathlib import Path
    from typing import Any

    import pyarrow as pa

__all__ = ["data_path", "load", "load_dataframe", "load_hf_dataset", "load_table"]


def _known(table: str) -> None:
    if table not in TABLE_NAMES:
        raise ValueError(f"unknown table {table!r}; expected one of {', '.join(TABLE_NAMES)}")


def data_path(table: str, package: Path | str | None = None) -> Path:
    """Where the Parquet data of ``table`` lies: one file, or the folder of its shards."""
    from pathlib import Path

    _known(table)
    if package is not None:
        return _in_folder(table, Path(package))
    from importlib import resources

    shipped = resources.files("mfa_transcripts").joinpath("data", f"{table}.parquet")
    if shipped.is_file():
        return Path(str(shipped))
    checkout = Path(__file__).resolve().parents[2] / DATA_FOLDER
    try:
        return _in_folder(table, checkout)
    except FileNotFoundError:
        raise FileNotFoundError(
            f"the {table} table is not in this installation (looked in the package's data "
            f"folder and in {checkout.name}/); reinstall mfa-transcripts or run "
            "`mfa-transcripts build`"
        ) from None


def _in_folder(table: str, folder: Path) -> Path:
    for data in (folder / DATA_FOLDER, folder):
        if (data / f"{table}.parquet").is_file():
            return data / f"{table}.parquet"
        if any(data.glob(f"{table}-*-of-*.parquet")):
            return data
    raise FileNotFoundError(
        f"expected {DATA_FOLDER}/{table}.parquet (or its shards) in {folder.name}/, found none"
    )


def _read(table: str, package: Path | str | None) -> pa.Table:
    import pyarrow as pa
    import pyarrow.parquet as pq

    path = data_path(table, package)
    if path.is_file():
        return pq.read_table(path)
    shards = sorted(path.glob(f"{table}-*-of-*.parquet"))
    return pa.concat_tables(pq.read_table(s) for s in shards)


def load_table(table: str, package: Path | str | None = None) -> pa.Table:
    """``table`` as a :class:`pyarrow.Table` with the published types and field descriptions."""
    return _read(table, package)


def load(table: str, package: Path | str | None = None, *, validate: bool = False) -> list[Any]:
    """``table`` as a list of immutable models (e.g. :class:`Question`).

    The rows were validated when the package was built and are checked by hash by
    ``mfa-transcripts validate``, so they are not validated again: the models are built
    in bulk. ``validate=True`` validates every row against its model.
    """
    rows = _read(table, package).to_pylist()
    from .schema import TABLES

    model = TABLES[table]
    if validate:
        return [model.model_validate(row) for row in rows]
    names = list(model.model_fields)
    if not rows or list(rows[0]) != names:  # not the published columns: the general way
        return [model.model_construct(**row) for row in rows]
    # What model_construct does for a row that sets every field, without its per-row
    # bookkeeping: the row becomes the instance's __dict__.
    new, set_ = object.__new__, object.__setattr__
    fields_set = set(names)
    records = []
    for row in rows:
        record = new(model)
        set_(record, "__dict__", row)
        set_(record, "__pydantic_fields_set__", fields_set.copy())
        set_(record, "__pydantic_extra__", None)
        set_(record, "__pydantic_private__", None)
        records.append(record)
    return records


def load_dataframe(table: str, package: Path | str | None = None) -> Any:
    """``table`` as a pandas DataFrame (needs pandas: ``pip install mfa-transcripts[pandas]``)."""
    _require("pandas", "pandas", "load_dataframe")
    return _read(table, package).to_pandas()


def load_hf_dataset(table: str, package: Path | str | None = None) -> Any:
    """``table`` as a Hugging Face ``datasets.Dataset`` (needs ``mfa-transcripts[hf]``)."""
    datasets = _require("datasets", "hf", "load_hf_dataset")
    from datasets.table import InMemoryTable

    arrow = _read(table, package)
    features = datasets.Features.from_arrow_schema(arrow.schema)
    return datasets.Dataset(InMemoryTable(arrow), info=datasets.DatasetInfo(features=features))


def _require(module: str, extra: str, caller: str) -> Any:
    """Import an optional dependency, or say which extra brings it."""
    import importlib

    try:
        return importlib.import_module(module)
    except ImportError as exc:
        raise ImportError(
            f"{caller} needs {module}: pip install 'mfa-transcripts[{extra}]'"
        ) from exc
