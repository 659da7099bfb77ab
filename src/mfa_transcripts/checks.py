"""The row checks of a published package, in bulk: Arrow tables and compute, no model a row.

:func:`rows_hold` answers one question — does every row check of
:mod:`mfa_transcripts.validate` pass? — with whole-column operations:

* the Parquet schemas are the models' Arrow schemas;
* every table is read a row group at a time (memory holds one row group and the key
  columns, not the table);
* every turn table's values meet the constraints its Table Schema states (required,
  pattern, minLength, minimum, enum), checked per column; the transcripts table, one
  row a page, is validated by its model (its genres are a closed list, its dates typed),
  once a row, the same dump giving its CSV line;
* the rules the field descriptions state: IDs built from the parent ID and position,
  the text rule (one regular expression over the column, for what the rule would change),
  paragraph and word counts, offsets;
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
from functools import cache
from pathlib import Path
from typing import IO, Any

from . import schema
from .builder.export import csv_bytes
from .fields import arrow_schema, csv_cell, field_specs, table_schema
from .package import csv_path, parquet_paths
from .schema import FORMAT_CHARACTERS, MODELS, Record, Transcript

__all__ = ["BREAKS_TEXT_RULE", "OTHER_WHITESPACE", "rows_hold", "under_text_rule"]

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


def _re2_class(members: str) -> str:
    """A Python character-class body (characters and ``a-b`` ranges) as RE2 escapes."""
    return "".join("-" if c == "-" else f"\\x{{{ord(c):x}}}" for c in members)


# What str.isspace (and so the regex \s of the text rule) takes, but the space and the
# line feed: a test holds this list to a scan of every code point.
OTHER_WHITESPACE = (
    "\t\x0b\x0c\r\x1c\x1d\x1e\x1f\x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005"
    "\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000"
)
_ENDS = " " + _re2_class(FORMAT_CHARACTERS)
BREAKS_TEXT_RULE = (
    # whitespace the rule makes a space, and the invisible separators it takes for one
    f"[{_re2_class(OTHER_WHITESPACE + schema._INVISIBLE)}]"
    + "|  "  # a run of spaces
    + f"|^[{_ENDS}]|[{_ENDS}]$|[{_ENDS}]\\n|\\n[{_ENDS}]"  # a paragraph's ends unstripped
    + "|^\\n|\\n$|\\n\\n\\n|(?:^|[^\\n])\\n(?:[^\\n]|$)"  # breaks but one blank line
)
"""An RE2 pattern that finds, in a text, what :func:`mfa_transcripts.schema.normalise_text`
would change: a text is under the rule exactly when it does not match.

Under the rule a text is paragraphs joined by ``"\\n\\n"``, each without line breaks,
without whitespace but single spaces, without invisible separators, and with no space or
format character at either end. (A test holds the two to each other on generated text.)
"""


def under_text_rule(texts: Any) -> Any:
    """Per text of a string array, whether it is under the text rule (null for null)."""
    import pyarrow.compute as pc

    return pc.invert(pc.match_substring_regex(texts, BREAKS_TEXT_RULE))


def rows_hold(root: Path, shards: dict[str, int] | None = None) -> dict[str, Any] | None:
    """The key columns of every table when every row check passes under ``root``; None
    otherwise.

    ``shards`` names the tables whose Parquet is sharded and their shard count.
    """
    tables: dict[str, Any] = {}
    try:
        holds = _rows_hold(root, tables, shards or {})
    except Exception:  # anything odd (a missing file, say): the row pass says what it is
        holds = False
    return tables if holds else None


def _rows_hold(root: Path, tables: dict[str, Any], shards: dict[str, int]) -> bool:
    from concurrent.futures import ThreadPoolExecutor

    # A thread a table: Arrow decodes and computes without the GIL.
    with ThreadPoolExecutor(max_workers=len(MODELS)) as threads:
        kept = [
            threads.submit(_table_holds, root, model, shards.get(model.table, 1))
            for model in MODELS
        ]
    for model, future in zip(MODELS, kept, strict=True):
        table = future.result()
        if table is None:
            return False
        tables[model.table] = table
    return _keys_hold(tables) and _counts_hold(tables) and _order_holds(tables)


def _table_holds(root: Path, model: type[Record], shards: int) -> Any:
    """A table's own checks, a row group at a time; its key columns, or None if one fails.

    The transcripts stay whole (a row a page: validate derives their sources from them);
    of the turn tables, what the checks across tables need.
    """
    import pyarrow as pa
    import pyarrow.parquet as pq

    files = [pq.ParquetFile(root / rel) for rel in parquet_paths(model.table, shards)]
    schema = arrow_schema(model)
    if not all(f.schema_arrow.equals(schema, check_metadata=False) for f in files):
        return None
    names = [c for c in schema.names if model is Transcript or c in _KEPT]
    kept = []
    with (root / csv_path(model.table)).open("rb") as csv_file:
        header = (",".join(s.name for s in field_specs(model)) + "\n").encode()
        if csv_file.read(len(header)) != header:
            return None
        for file in files:
            for group in range(file.num_row_groups):
                batch = file.read_row_group(group)
                if not _batch_holds(batch, model, csv_file):
                    return None
                kept.append(batch.select(names))
                del batch
        if csv_file.read(1) != b"":
            return None
    return pa.concat_tables(kept) if kept else schema.empty_table().select(names)


def _batch_holds(batch: Any, model: type[Record], csv_file: IO[bytes]) -> bool:
    """One row group's checks: its CSV lines are the next in the file, and its rows hold."""
    if model is Transcript:
        lines = _transcripts_hold(batch)
        if lines is None:
            return False
        expected = lines.encode()
    else:
        if not (_constraints_hold(batch, model) and _rules_hold(batch, model.table)):
            return False
        expected = csv_bytes(batch, model)
    return csv_file.read(len(expected)) == expected


def _all(mask: Any) -> bool:
    """Every value true, and none null."""
    import pyarrow.compute as pc

    return mask.null_count == 0 and pc.all(mask).as_py() is True


def _transcripts_hold(table: Any) -> str | None:
    """The page table: its model on every row, and its ID from event date and title; the
    rows' CSV lines (from the same validated dumps), or None if a row fails."""
    from .package import UNDATED, transcript_id

    specs = field_specs(Transcript)
    lines = []
    for record in _transcripts_adapter().validate_python(table.to_pylist()):
        day = record.event_date.isoformat() if record.event_date else None
        if record.title is None:  # keyed by its first turn's text: only the date part shows
            if not record.transcript_id.startswith(f"{day or UNDATED}-"):
                return None
        elif record.transcript_id != transcript_id(day, record.title):
            return None
        lines.append(_python_line(record.model_dump(mode="json"), specs))
    return "".join(lines)


@cache
def _transcripts_adapter() -> Any:
    from pydantic import TypeAdapter

    return TypeAdapter(list[Transcript])


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
    if not _all(under_text_rule(text)):
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


def _python_line(row: dict[str, Any], specs: Any) -> str:
    cells = [csv_cell(row[s.name]) for s in specs]
    quoted = ('"' + c.replace('"', '""') + '"' if re.search(_NEEDS_QUOTES, c) else c for c in cells)
    return ",".join(quoted) + "\n"
