"""What the checks of a package share: what the file pass learnt, what the row pass
learnt of a table, and how values and columns are quoted in messages."""

from __future__ import annotations

from dataclasses import dataclass
from dataclasses import field as dataclass_field
from typing import Any

from ..errors import Problem, Report
from ..package import parquet_paths
from .limits import MAX_ROW_PROBLEMS


@dataclass
class _Status:
    """Whether a file could be read to its end."""

    ok: bool = True


@dataclass
class _Table:
    """What the row pass learnt of a table read to its end."""

    keys: set[str]  # (from the bulk checks, the transcripts' only: nothing else reads them)
    rows: int
    sources: dict[str, dict[str, Any]]  # transcript ID -> its datapackage source (transcripts)


@dataclass
class _Checked:
    """What the file pass learnt: which listed files are regular and match the descriptor."""

    regular: set[str]  # relative paths that are regular files inside the package
    matching: set[str]  # ... whose size and hash match the descriptor
    foreign: set[str]
    digests: dict[str, tuple[int, str]] = dataclass_field(
        default_factory=dict
    )  # each file hashed once
    shards: dict[str, int] = dataclass_field(default_factory=dict)  # as the descriptor lists

    def parquet(self, table: str) -> list[str]:
        """A table's Parquet files, relative: one, or the shards the descriptor lists."""
        return parquet_paths(table, self.shards.get(table, 1))

    @property
    def ok(self) -> bool:
        return self.regular == self.matching and not self.foreign


def _short(value: object, limit: int = 60) -> str:
    text = repr(value) if len(str(value)) <= 10 * limit else repr(str(value)[: 2 * limit])
    return text if len(text) <= limit else text[: limit - 3] + "..."


def _row_problem(report: Report, file: str, line: int, message: str) -> None:
    if sum(p.type == "row-invalid" and p.file == file for p in report.problems) >= MAX_ROW_PROBLEMS:
        return
    report.add(Problem("row-invalid", file, message, line))


def _column_diff(expected: list[str], found: list[str]) -> str:
    wanted = set(expected)
    present = set(found)
    added = [c for c in found if c not in wanted]
    removed = [c for c in expected if c not in present]
    if added or removed:
        parts = []
        if added:
            parts.append(f"added {_names(added)}")
        if removed:
            parts.append(f"removed {_names(removed)}")
        return f"expected the model's columns, found columns {'; '.join(parts)}"
    return f"expected columns in the order {', '.join(expected)}, found {_names(found)}"


def _names(columns: list[str], limit: int = 30) -> str:
    """Column names, at most ``limit`` of them, each at most 60 characters."""
    shown = ", ".join(c if len(c) <= 60 else c[:57] + "..." for c in columns[:limit])
    return shown + (f" and {len(columns) - limit:,} more" if len(columns) > limit else "")
