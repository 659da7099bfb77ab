"""The row checks of a published package, in bulk: Arrow tables and compute, no model a row.

:func:`rows_hold` answers one question — does every row check of
:mod:`mfa_transcripts.validate` pass? — with whole-column operations:

* the Parquet schemas are the models' Arrow schemas;
* every turn table's values meet the constraints its Table Schema states (required,
  pattern, minLength, minimum, enum), checked per column; the transcripts table, one
  row a page, is validated by its model (its genres are a closed list, its dates typed);
* the rules the field descriptions state: IDs built from the parent ID and position,
  the text rule (one pass over the column), paragraph and word counts, offsets;
* keys unique, references resolving, transcripts' counts and word sums matching their
  rows (grouped counts), rows in the published order (each row against the next);
* each CSV file is byte for byte the CSV rendering of its Parquet copy (the cells
  encoded and quoted as whole columns, compared a row group at a time), so the two
  copies hold the same rows and the CSV is valid UTF-8 with the models' header.

It says yes or no, not where: when it says no (or meets anything unexpected), the
caller runs the row-by-row pass, which names every problem with its file and line. A
package that passes here passes there; the suite's tampering tests hold the two
verdicts together.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from .fields import arrow_schema, csv_cell, field_specs, table_schema
from .package import csv_path, parquet_paths
from .schema import MODELS, Record, Transcript

__all__ = ["normalised", "rows_hold"]

_TURN_PREFIX = {"speeches": "-s", "questions": "-q"}
# Columns kept for the checks across tables (keys, references, counts, order, sources).
_KEPT = {
    "transcript_id",
    "speech_id",
    "question_id",
    "answer_id",
    "position",
    "word_count",
    "speech_count",
    "question_count",
    "answer_count",
    "source_file",
    "source_url",
    "source_sha256",
    "title",
    "event_date",
}


def normalised(text: str) -> bool:
    """Whether ``text`` is under the text rule (:func:`mfa_transcripts.schema.normalise_text`).

    The same rule without a regex: ``str.split`` takes the whitespace ``\\s`` takes.
    """
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    return text == "\n\n".join(filter(None, [" ".join(line.split()) for line in lines]))


def rows_hold(root: Path, shards: dict[str, int] | None = None) -> dict[str, Any] | None:
    """Every table as Arrow when every row check passes under ``root``; None otherwise.

    ``shards`` names the tables whose Parquet is sharded and their shard count.
    """
    tables: dict[str, Any] = {}
    try:
        holds = _rows_hold(root, tables, shards or {})
    except Exception:  # anything odd (a missing file, say): the row pass says what it is
        holds = False
    return tables if holds else None


def _rows_hold(root: Path, tables: dict[str, Any], shards: dict[str, int]) -> bool:
    import pyarrow as pa
    import pyarrow.parquet as pq

    for model in MODELS:
        parts = []
        for rel in parquet_paths(model.table, shards.get(model.table, 1)):
            file = pq.ParquetFile(root / rel)
            if not file.schema_arrow.equals(arrow_schema(model), check_metadata=False):
                return False
            parts.append(file.read())
        table = parts[0] if len(parts) == 1 else pa.concat_tables(parts)
        del parts
        if not _csv_is_rendering(root / csv_path(model.table), table, model):
            return False
        if model is Transcript:
            if not _transcripts_hold(table):
                return False
        elif not (_constraints_hold(table, model) and _rules_hold(table, model.table)):
            return False
        # What the checks across tables need; the texts go (memory stays one table's). The
        # transcripts stay whole: a row a page, and validate derives their sources from them.
        if model is not Transcript:
            table = table.select([c for c in table.column_names if c in _KEPT])
        tables[model.table] = table
        del table
    return _keys_hold(tables) and _counts_hold(tables) and _order_holds(tables)


def _all(mask: Any) -> bool:
    """Every value true, and none null."""
    import pyarrow.compute as pc

    return mask.null_count == 0 and pc.all(mask).as_py() is True


def _transcripts_hold(table: Any) -> bool:
    """The page table: its model on every row, and its ID from event date and title."""
    from .package import UNDATED, transcript_id

    for row in table.to_pylist():
        record = Transcript.model_validate(row)
        day = record.event_date.isoformat() if record.event_date else None
        if record.title is None:  # keyed by its first turn's text: only the date part shows
            if not record.transcript_id.startswith(f"{day or UNDATED}-"):
                return False
        elif record.transcript_id != transcript_id(day, record.title):
            return False
    return True


def _constraints_hold(table: Any, model: type[Record]) -> bool:
    """The Table Schema's constraints, a column at a time."""
    import pyarrow as pa
    import pyarrow.compute as pc

    for spec in table_schema(model)["fields"]:
        column = table.column(spec["name"])
        constraints = spec.get("constraints", {})
        if constraints.get("required") and column.null_count:
            return False
        values = pc.drop_null(column)
        if not len(values):
            continue
        if "pattern" in constraints:
            pattern = f"^(?:{constraints['pattern']})$"
            if not _all(pc.match_substring_regex(values, pattern)):
                return False
        if (
            "minLength" in constraints
            and pa.types.is_string(column.type)
            and not _all(pc.greater_equal(pc.utf8_length(values), constraints["minLength"]))
        ):
            return False
        if "minimum" in constraints and not _all(pc.greater_equal(values, constraints["minimum"])):
            return False
        if "enum" in constraints and not _all(
            pc.is_in(values, value_set=pa.array(constraints["enum"]))
        ):
            return False
    return True


def _rules_hold(table: Any, name: str) -> bool:
    """IDs from parent and position, the text rule, the counts, the offsets."""
    import pyarrow as pa
    import pyarrow.compute as pc

    position = pc.cast(table.column("position"), pa.string())
    if name == "answers":
        parent = table.column("question_id")
        owner = pc.struct_field(pc.extract_regex(parent, r"^(?P<t>.*)-q[0-9]+$"), [0])
        if not _all(pc.equal(owner, table.column("transcript_id"))):
            return False
        expected = pc.binary_join_element_wise(parent, "-a", pc.utf8_lpad(position, 2, "0"), "")
        key = "answer_id"
    else:
        parent = table.column("transcript_id")
        width = 3
        expected = pc.binary_join_element_wise(
            parent, _TURN_PREFIX[name], pc.utf8_lpad(position, width, "0"), ""
        )
        key = "speech_id" if name == "speeches" else "question_id"
    if not _all(pc.equal(table.column(key), expected)):
        return False
    text = table.column("text")
    for start in range(0, len(text), 20_000):  # a slice at a time as Python strings
        if not all(normalised(t) for t in text.slice(start, 20_000).to_pylist()):
            return False
    breaks = pc.count_substring(text, "\n\n")
    paragraphs = pc.add(breaks, 1)
    words = pc.add(pc.add(pc.count_substring(text, " "), breaks), 1)
    return (
        _all(pc.equal(pc.cast(table.column("paragraph_count"), pa.int64()), paragraphs))
        and _all(pc.equal(pc.cast(table.column("word_count"), pa.int64()), words))
        and _all(pc.greater(table.column("char_end"), table.column("char_start")))
    )


def _keys_hold(tables: dict[str, Any]) -> bool:
    import pyarrow.compute as pc

    for model in MODELS:
        table = tables[model.table]
        keys = table.column(model.primary_key)
        if pc.count_distinct(keys).as_py() != table.num_rows:
            return False
        for field, target, target_key in model.foreign_keys:
            known = tables[target].column(target_key).combine_chunks()
            if not _all(pc.is_in(table.column(field), value_set=known)):
                return False
    return True


def _counts_hold(tables: dict[str, Any]) -> bool:
    """Each transcript's counts and word count are those of its rows."""
    transcripts = tables["transcripts"]
    ids = transcripts.column("transcript_id").to_pylist()
    words = dict.fromkeys(ids, 0)
    for name, field in (
        ("speeches", "speech_count"),
        ("questions", "question_count"),
        ("answers", "answer_count"),
    ):
        grouped = (
            tables[name]
            .group_by("transcript_id")
            .aggregate([("transcript_id", "count"), ("word_count", "sum")])
        )
        counts = dict.fromkeys(ids, 0)
        for tid, count, total in zip(
            grouped.column("transcript_id").to_pylist(),
            grouped.column("transcript_id_count").to_pylist(),
            grouped.column("word_count_sum").to_pylist(),
            strict=True,
        ):
            counts[tid] = count
            words[tid] += total
        if counts != dict(zip(ids, transcripts.column(field).to_pylist(), strict=True)):
            return False
    return words == dict(zip(ids, transcripts.column("word_count").to_pylist(), strict=True))


def _order_holds(tables: dict[str, Any]) -> bool:
    """Every row's order key at or after the row before's (see package.order_key)."""
    import pyarrow as pa
    import pyarrow.compute as pc

    for name, table in tables.items():
        if table.num_rows < 2:
            continue
        columns = [table.column("transcript_id").combine_chunks()]
        if name == "answers":
            number = pc.extract_regex(table.column("question_id"), r"-q(?P<n>[0-9]+)$")
            columns.append(pc.cast(pc.struct_field(number, [0]), pa.int64()).combine_chunks())
        if name != "transcripts":
            columns.append(table.column("position").combine_chunks())
        before = pa.scalar(False)
        equal = pa.scalar(True)
        for column in columns:
            previous, current = column[:-1], column[1:]
            before = pc.or_(before, pc.and_(equal, pc.less(current, previous)))
            equal = pc.and_(equal, pc.equal(current, previous))
        if pc.any(before).as_py():
            return False
    return True


_NEEDS_QUOTES = '[,"\r\n]'


def _cells(column: Any) -> Any:
    """A column as CSV cells (before quoting): what :func:`fields.csv_cell` gives."""
    import pyarrow as pa
    import pyarrow.compute as pc

    if pa.types.is_boolean(column.type):
        cells = pc.if_else(column, "true", "false")
    elif pa.types.is_string(column.type):
        cells = column
    elif pa.types.is_integer(column.type) or pa.types.is_date(column.type):
        cells = pc.cast(column, pa.string())
    else:
        raise TypeError(f"no bulk CSV encoding for {column.type}")
    return pc.fill_null(cells, "")


def _quote(cells: Any) -> Any:
    import pyarrow.compute as pc

    quoted = pc.binary_join_element_wise('"', pc.replace_substring(cells, '"', '""'), '"', "")
    return pc.if_else(pc.match_substring_regex(cells, _NEEDS_QUOTES), quoted, cells)


def _csv_is_rendering(path: Path, table: Any, model: type[Record]) -> bool:
    """Whether the CSV file is, byte for byte, what the writer makes of the Parquet rows."""
    import pyarrow.compute as pc

    specs = field_specs(model)
    header = ",".join(s.name for s in specs) + "\n"
    with path.open("rb") as handle:
        if handle.read(len(header.encode())) != header.encode():
            return False
        for batch in table.to_batches(max_chunksize=20_000):
            if model is Transcript:  # lists and zoned times: as the writer encodes them
                lines = [_python_line(row, specs) for row in _json_rows(model, batch.to_pylist())]
                expected = "".join(lines).encode()
            else:
                cells = [_quote(_cells(batch.column(s.name))) for s in specs]
                # each row's cells joined, then its "\n"; the batch is then one buffer
                rows = pc.binary_join_element_wise(*cells, ",")
                rows = pc.binary_join_element_wise(rows, "\n", "")
                expected = _data(rows)
            if handle.read(len(expected)) != expected:
                return False
        return handle.read(1) == b""


def _data(strings: Any) -> bytes:
    """The bytes of a string array's values, one after the other."""
    offsets = memoryview(strings.buffers()[1]).cast("i")  # int32, as string arrays have
    first = strings.offset
    start, end = int(offsets[first]), int(offsets[first + len(strings)])
    return memoryview(strings.buffers()[2])[start:end].tobytes()


def _json_rows(model: type[Record], rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [model.model_validate(row).model_dump(mode="json") for row in rows]


def _python_line(row: dict[str, Any], specs: Any) -> str:
    cells = [csv_cell(row[s.name]) for s in specs]
    quoted = ('"' + c.replace('"', '""') + '"' if re.search(_NEEDS_QUOTES, c) else c for c in cells)
    return ",".join(quoted) + "\n"
