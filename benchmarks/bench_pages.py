"""Per-page parse time over many pages: the median of each page's best-of-runs time.

Reads every page once (``read_source``), then times ``parse_source`` on each, in a warm
process; prints the median and the mean milliseconds a page and the total. Pages the
parser refuses are timed too (a refusal is work). With ``--against SRC`` (another
checkout's ``src`` folder) the same pages are timed under both trees, alternately in
child processes, so the two figures come from the same run:

    .venv/bin/python benchmarks/bench_pages.py [--runs N] [--against ../main/src] FILE|DIR...
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


def measure(files: list[Path], runs: int) -> dict[str, float]:
    from mfa_transcripts.builder.parse import parse_source
    from mfa_transcripts.builder.read import read_source
    from mfa_transcripts.errors import TranscriptError

    sources = []
    for f in files:
        with contextlib.suppress(TranscriptError):
            sources.append(read_source(f))
    per_page = []
    for source in sources:
        best = float("inf")
        for _ in range(runs):
            start = time.thread_time()
            with contextlib.suppress(TranscriptError):
                parse_source(source)
            best = min(best, time.thread_time() - start)
        per_page.append(best)
    return {
        "pages": len(per_page),
        "median_ms": statistics.median(per_page) * 1000,
        "mean_ms": statistics.fmean(per_page) * 1000,
        "total_s": sum(per_page),
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--against", type=Path)
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("paths", nargs="+", type=Path)
    args = parser.parse_args()
    files = _files(args.paths)
    if args.child:
        print(json.dumps(measure(files, args.runs)))
        return
    here = Path(__file__).resolve().parents[1] / "src"
    trees = [("this tree", here)] + ([("against", args.against.resolve())] if args.against else [])
    results: dict[str, list[dict[str, float]]] = {label: [] for label, _ in trees}
    for _ in range(args.rounds):
        for label, src in trees:
            env = dict(os.environ, PYTHONPATH=str(src))
            argv = [sys.executable, __file__, "--child", "--runs", str(args.runs)]
            out = subprocess.run(
                argv + [str(f) for f in args.paths], env=env, capture_output=True, text=True
            )
            if out.returncode:
                sys.exit(out.stderr)
            results[label].append(json.loads(out.stdout))
    print(f"{len(files)} files; best of {args.runs} a page; best of {args.rounds} rounds")
    for label, src in trees:
        best = min(results[label], key=lambda r: r["median_ms"])
        print(
            f"{label:<10} {best['median_ms']:6.3f} ms median  {best['mean_ms']:6.3f} ms mean  "
            f"{best['total_s']:6.2f} s total over {best['pages']:.0f} pages  ({src})"
        )


if __name__ == "__main__":
    main()
