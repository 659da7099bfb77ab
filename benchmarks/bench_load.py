"""How fast users get records: `load()` in a fresh process and in a warm one.

Prints medians of several runs and ratios against baselines measured in the same run:
a bare interpreter, `import pyarrow.parquet` + `read_table` of the same file (the floor
for any Parquet-backed loader).

    .venv/bin/python benchmarks/bench_load.py [--runs N]
"""

from __future__ import annotations

import argparse
import tempfile

from _timing import median_process_seconds, median_seconds, row

import mfa_transcripts
from mfa_transcripts.load import _read, data_path


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=9)
    runs = parser.parse_args().runs
    path = str(data_path("questions"))
    empty = tempfile.mkdtemp()

    print(f"fresh process, median of {runs} runs (ratio: against a bare interpreter)")
    bare = median_process_seconds("pass", runs, empty)
    floor = median_process_seconds(
        f"import pyarrow.parquet as pq; pq.read_table({path!r})", runs, empty
    )
    importing = median_process_seconds("import mfa_transcripts", runs, empty)
    loading = median_process_seconds(
        "import mfa_transcripts; mfa_transcripts.load('questions')", runs, empty
    )
    print(row("python -c pass", bare, bare))
    print(row("pyarrow.parquet.read_table (baseline floor)", floor, bare))
    print(row("import mfa_transcripts", importing, bare))
    print(row("import + load('questions')", loading, bare))
    print(f"load('questions') against the read_table floor: x{loading / floor:.2f}")

    print(f"\nwarm process, median of {runs * 5} runs (ratio: against read_table)")
    import pyarrow.parquet as pq

    read = median_seconds(lambda: pq.read_table(path), runs * 5)

    def cold_load() -> object:
        _read.cache_clear()
        return mfa_transcripts.load("questions")

    print(row("pyarrow.parquet.read_table", read, read))
    print(row("load('questions'), cache cleared", median_seconds(cold_load, runs * 5), read))
    print(
        row(
            "load('questions'), cached table",
            median_seconds(lambda: mfa_transcripts.load("questions"), runs * 5),
            read,
        )
    )
    count = len(mfa_transcripts.load("questions"))
    print(f"\n{count} questions in the shipped data")


if __name__ == "__main__":
    main()
