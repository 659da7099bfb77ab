"""How fast one page is parsed, stage by stage, in a warm process.

Prints the median of several runs for each stage on the largest seed page (52 KB), with
ratios against decoding it (`read_source`, the floor for any parser) measured in the
same run:

    .venv/bin/python benchmarks/bench_parse.py [--runs N] [page.txt]
"""

from __future__ import annotations

import argparse
from pathlib import Path

from _timing import median_seconds, row

from mfa_transcripts.builder.page import split_page
from mfa_transcripts.builder.parse import parse_source
from mfa_transcripts.builder.read import read_source
from mfa_transcripts.builder.turns import split_turns

SEED = Path(__file__).resolve().parents[1] / "seeds" / "000_f4947906e86da8af.txt"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=200)
    parser.add_argument("page", nargs="?", type=Path, default=SEED)
    args = parser.parse_args()
    source = read_source(args.page)
    page = split_page(source.name, source.text)
    print(f"{args.page.name}: {len(source.text):,} characters; median of {args.runs} runs")
    read = median_seconds(lambda: read_source(args.page), args.runs)
    layout = median_seconds(lambda: split_page(source.name, source.text), args.runs)
    turns = median_seconds(lambda: split_turns(page), args.runs)
    whole = median_seconds(lambda: parse_source(source), args.runs)
    print(row("read + decode (baseline)", read, read))
    print(row("page parts (page.py, grammar/)", layout, read))
    print(row("turns (turns.py)", turns, read))
    print(row("parse to records (all of the above + records)", whole, read))


if __name__ == "__main__":
    main()
