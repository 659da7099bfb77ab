"""Per-page parse time over many pages: the median of each page's time, one parse a page.

A child process reads every page (``read_source``), warms up on the seed's largest page,
then parses each page once, as a build does (the parser's caches see each page once),
timing it in CPU time of the thread. Pages the parser refuses are timed too (a refusal is
work). Each round is a fresh child; a page's figure is its best over the rounds. Prints
the median and the mean milliseconds a page and the total. With ``--against SRC``
(another checkout's ``src`` folder) the same pages are timed under both trees, rounds
alternating, so the two figures come from the same run:

    .venv/bin/python benchmarks/bench_pages.py [--rounds N] [--against ../main/src] FILE|DIR...
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path


def _files(paths: list[Path]) -> list[Path]:
    out: list[Path] = []
    for p in paths:
        out.extend(sorted(p.rglob("*.txt")) if p.is_dir() else [p])
    return [f for f in out if f.name not in {"README.md", "REVIEW.md"}]


SEED = Path(__file__).resolve().parents[1] / "seeds" / "000_f4947906e86da8af.txt"


def measure(files: list[Path]) -> list[float]:
    from mfa_transcripts.builder.parse import parse_source
    from mfa_transcripts.builder.read import read_source
    from mfa_transcripts.errors import TranscriptError

    sources = []
    for f in files:
        with contextlib.suppress(TranscriptError):
            sources.append(read_source(f))
    seed = read_source(SEED)
    for _ in range(3):
        parse_source(seed)
    per_page = []
    for source in sources:
        start = time.thread_time()
        with contextlib.suppress(TranscriptError):
            parse_source(source)
        per_page.append(time.thread_time() - start)
    return per_page


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--against", type=Path)
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("paths", nargs="+", type=Path)
    args = parser.parse_args()
    files = _files(args.paths)
    if args.child:
        print(json.dumps(measure(files)))
        return
    here = Path(__file__).resolve().parents[1] / "src"
    trees = [("this tree", here)] + ([("against", args.against.resolve())] if args.against else [])
    results: dict[str, list[list[float]]] = {label: [] for label, _ in trees}
    for _ in range(args.rounds):
        for label, src in trees:
            env = dict(os.environ, PYTHONPATH=str(src))
            argv = [sys.executable, __file__, "--child"]
            out = subprocess.run(
                argv + [str(f) for f in args.paths], env=env, capture_output=True, text=True
            )
            if out.returncode:
                sys.exit(out.stderr)
            results[label].append(json.loads(out.stdout))
    print(f"{len(files)} files; one parse a page; a page's best of {args.rounds} rounds")
    for label, src in trees:
        best = [min(times) for times in zip(*results[label], strict=True)]
        print(
            f"{label:<10} {statistics.median(best) * 1000:6.3f} ms median  "
            f"{statistics.fmean(best) * 1000:6.3f} ms mean  "
            f"{sum(best):6.2f} s total over {len(best)} pages  ({src})"
        )


if __name__ == "__main__":
    main()
