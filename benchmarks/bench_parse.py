"""How fast one page is parsed, stage by stage, in a warm process.

Prints the median of several runs for each stage on the largest seed page (52 KB), with
ratios against decoding it (`read_source`, the floor for any parser) measured in the
same run. Two medians a stage: wall time, and the CPU time of this thread, which a
machine busy with other work inflates far less (the load average is printed too):

    .venv/bin/python benchmarks/bench_parse.py [--runs N] [page.txt]
"""

from __future__ import annotations

import argparse
import os
import time
from collections.abc import Callable
from pathlib import Path

from _timing import median_seconds

from mfa_transcripts.builder.page import split_page
from mfa_transcripts.builder.parse import parse_source
from mfa_transcripts.builder.read import read_source
from mfa_transcripts.builder.records import make_records
from mfa_transcripts.builder.turns import split_turns

SEED = Path(__file__).resolve().parents[1] / "seeds" / "000_f4947906e86da8af.txt"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=200)
    parser.add_argument("page", nargs="?", type=Path, default=SEED)
    args = parser.parse_args()
    source = read_source(args.page)
    page = split_page(source.name, source.text)
    turns, separators, warnings = split_turns(page)
    stages: list[tuple[str, Callable[[], object]]] = [
        ("read + decode (baseline)", lambda: read_source(args.page)),
        ("page parts (page.py, grammar/)", lambda: split_page(source.name, source.text)),
        ("turns (turns.py)", lambda: split_turns(page)),
        (
            "records (records.py)",
            lambda: make_records(source, page, turns, separators, None, warnings),
        ),
        ("parse of the text (all but read)", lambda: parse_source(source)),
        ("read + parse: the file to records", lambda: parse_source(read_source(args.page))),
    ]
    print(f"{args.page.name}: {len(source.text):,} characters; median of {args.runs} runs")
    print("load average before: {:.2f} {:.2f} {:.2f}".format(*os.getloadavg()))
    wall = {label: median_seconds(fn, args.runs) for label, fn in stages}
    cpu = {label: median_seconds(fn, args.runs, clock=time.thread_time) for label, fn in stages}
    print(f"{'stage':<48} {'wall':>10}    {'cpu':>10}   x read (wall)")
    baseline = wall[stages[0][0]]
    for label, _ in stages:
        print(
            f"{label:<48} {wall[label] * 1000:7.2f} ms {cpu[label] * 1000:7.2f} ms"
            f"   x{wall[label] / baseline:6.2f}"
        )
    print("load average after:  {:.2f} {:.2f} {:.2f}".format(*os.getloadavg()))


if __name__ == "__main__":
    main()
