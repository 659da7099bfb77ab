"""How fast pages are parsed and the package is built.

Prints medians of several runs and ratios against a baseline measured in the same run:
decoding the same file (`read_source`), the floor for any parser.

    .venv/bin/python benchmarks/bench_build.py [--runs N]
"""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

from _timing import median_seconds, row

from mfa_transcripts.builder.build import build, discover
from mfa_transcripts.builder.parse import parse_source
from mfa_transcripts.builder.read import read_source

SEEDS = Path(__file__).resolve().parents[1] / "seeds"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=7)
    runs = parser.parse_args().runs
    pages = discover(SEEDS)
    chars = sum(len(read_source(p).text) for p in pages)

    def read_all() -> None:
        for page in pages:
            read_source(page)

    def parse_all() -> None:
        for page in pages:
            parse_source(read_source(page))

    def build_all() -> None:
        with tempfile.TemporaryDirectory() as root:
            build(SEEDS, Path(root))

    print(
        f"{len(pages)} page(s), {chars:,} characters; median of {runs} runs, ratio against reading"
    )
    read = median_seconds(read_all, runs * 5)
    parse = median_seconds(parse_all, runs * 5)
    whole = median_seconds(build_all, runs)
    print(row("read + decode (baseline)", read, read))
    print(row("read + parse to records", parse, read))
    print(row("build: parse twice, write, validate, publish", whole, read))
    print(f"parse throughput: {chars / parse / 1e6:.2f} M characters/s")


if __name__ == "__main__":
    main()
