"""Read a package's tables: the shipped one by default, or any built or downloaded folder.

A wheel carries the Parquet files under ``mfa_transcripts/data/``, with the package's
``datapackage.json`` beside them as the manifest of their sizes and sha256; a source
checkout (editable install) reads them from the repository's ``dist/`` folder and its
``datapackage.json`` instead. Give ``package=`` the folder of any package (the one
holding ``datapackage.json`` and ``dist/``, or ``dist/`` itself) to read that one, or
``source="downloaded"`` for the release :func:`mfa_transcripts.download` put in the cache
(see :func:`mfa_transcripts.release.downloaded_package`). No network.

Hashes: by default a table is read as installed, without checking its sha256 (the
files are what pip installed, or what ``mfa-transcripts download`` verified).
``load(table, verify=True)`` (and ``load_table``) first checks each file's size and
sha256 against the manifest and raises :class:`VerificationError` on a mismatch; the
bytes checked are the very bytes decoded, so a file replaced between the check and the
read cannot slip through. A publish that lands during the read is retried a few times
(each table file is replaced whole, so a read sees either the old file or the new one).
"""

from __future__ import annotations

from .package import DATA_FOLDER, DESCRIPTOR, TABLE_NAMES

TYPE_CHECKING = False  # not from typing: importing typing costs more than this module
if TYPE_CHECKING:
    from pathlib import Path
    from typing import Any

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

    shipped = Path(str(resources.files("mfa_transcripts").joinpath("data")))
    if shipped.is_dir():  # an installed wheel: its tables, or their shards, under data/
        try:
            return _in_folder(table, shipped)
        except FileNotFoundError:
            pass
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


def manifest_path(package: Path | str | None = None) -> Path:
    """Where the manifest (``datapackage.json``) of a package's tables lies."""
    from importlib import resources
    from pathlib import Path

    if package is not None:
        folder = Path(package)
        for candidate in (folder / DESCRIPTOR, folder.parent / DESCRIPTOR):
            if candidate.is_file():
                return candidate
        return folder / DESCRIPTOR
    shipped = resources.files("mfa_transcripts").joinpath("data", DESCRIPTOR)
    if shipped.is_file():
        return Path(str(shipped))
    return Path(__file__).resolve().parents[2] / DESCRIPTOR


def _verified_bytes(path: Path, manifest: Path) -> bytes:
    """The bytes of one table file, once their size and sha256 match the manifest."""
    import hashlib
    import json
    import time

    from .safefs import read_bytes

    listed_path = f"{DATA_FOLDER}/{path.name}"
    problem = ""
    for attempt in range(_TRIES):
        if attempt:
            time.sleep(0.1 * attempt)  # a publish may be swapping the files in
        try:
            descriptor = json.loads(read_bytes(manifest, limit=_MANIFEST_BYTES))
            listed = [
                r
                for r in descriptor["resources"]
                if isinstance(r, dict) and r.get("path") == listed_path
            ]
            size, digest = int(listed[0]["bytes"]), str(listed[0]["hash"])
        except (OSError, ValueError, KeyError, IndexError, TypeError) as exc:
            problem = f"expected a manifest listing {listed_path}, found {exc}"
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


def _package(package: Path | str | None, source: str) -> Path | str | None:
    """The package folder a loader reads: ``package``, or the downloaded release."""
    if source == "downloaded":
        from .release import downloaded_package

        return downloaded_package()
    if source != "shipped":
        raise ValueError(f"unknown source {source!r}; expected 'shipped' or 'downloaded'")
    return package


def _read(
    table: str, package: Path | str | None, verify: bool = False, source: str = "shipped"
) -> pa.Table:
    import pyarrow as pa

    package = _package(package, source)
    path = data_path(table, package)
    files = [path] if path.is_file() else sorted(path.glob(f"{table}-*-of-*.parquet"))
    if verify:
        manifest = manifest_path(package)
        parts = [_read_file(pa.BufferReader(_verified_bytes(f, manifest))) for f in files]
    else:
        parts = [_read_file(f) for f in files]
    return parts[0] if len(parts) == 1 else pa.concat_tables(parts)


_SCANNED_BYTES = 16 * 1024 * 1024
"""A Parquet file larger than this (16 MiB) is read by ``pyarrow.parquet.read_table``."""


def _read_file(source: Any) -> pa.Table:
    """One Parquet file (a path or a buffer) as a table.

    A small one with ``ParquetFile(...).read()``: no dataset discovery, nor the imports
    of pyarrow's dataset module (which imports pandas); a large one with ``read_table``,
    whose scanner decodes its row groups side by side (about 15 % faster at 10,000
    pages, where the first call's imports no longer count).
    """
    import pyarrow.parquet as pq

    size = source.size() if hasattr(source, "size") else source.stat().st_size
    if size > _SCANNED_BYTES:
        return pq.read_table(source)
    return pq.ParquetFile(source).read()


def load_table(
    table: str,
    package: Path | str | None = None,
    *,
    verify: bool = False,
    source: str = "shipped",
) -> pa.Table:
    """``table`` as a :class:`pyarrow.Table` with the published types and field descriptions.

    ``verify=True`` checks each file's size and sha256 against the manifest first (see
    the module's docstring); the default does not check hashes.
    """
    return _read(table, package, verify, source)


def load(
    table: str,
    package: Path | str | None = None,
    *,
    validate: bool = False,
    verify: bool = False,
    source: str = "shipped",
) -> list[Any]:
    """``table`` as a list of immutable models (e.g. :class:`Question`).

    The rows were validated when the package was built, so they are not validated again:
    the models are built in bulk. ``validate=True`` validates every row against its
    model. Does not check the file's hash by default; ``verify=True`` checks each file's size and
    sha256 against the package's ``datapackage.json`` before decoding a byte, and raises
    :class:`VerificationError` if either differs.
    """
    import gc

    rows = _read(table, package, verify, source).to_pylist()
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
    # The records hold no cycles: a collection pass while they are made only walks the
    # rows made so far, again and again (half the time of a 100,000-row load).
    collecting = gc.isenabled()
    gc.disable()
    try:
        for row in rows:
            record = new(model)
            set_(record, "__dict__", row)
            set_(record, "__pydantic_fields_set__", fields_set.copy())
            set_(record, "__pydantic_extra__", None)
            set_(record, "__pydantic_private__", None)
            records.append(record)
    finally:
        if collecting:
            gc.enable()
    return records


def load_dataframe(
    table: str, package: Path | str | None = None, *, source: str = "shipped"
) -> Any:
    """``table`` as a pandas DataFrame (needs pandas: ``pip install mfa-transcripts[pandas]``)."""
    _require("pandas", "pandas", "load_dataframe")
    return _read(table, package, source=source).to_pandas()


def load_hf_dataset(
    table: str, package: Path | str | None = None, *, source: str = "shipped"
) -> Any:
    """``table`` as a Hugging Face ``datasets.Dataset`` (needs ``mfa-transcripts[hf]``)."""
    datasets = _require("datasets", "hf", "load_hf_dataset")
    from datasets.table import InMemoryTable

    arrow = _read(table, package, source=source)
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
