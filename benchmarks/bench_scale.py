"""Archive scale: build, validate, load and import on a synthetic archive of N pages.

For each N (1,000 and 10,000 by default; ``--full`` adds 26,000, the Ministry's English
archive) it generates the corpus (``corpus.py``, seeded, cached under ``--work``), then
prints, each the median of ``--runs`` runs with its baseline measured in the same run:

* build (a child process running ``mfa-transcripts build --on-error skip``): wall time,
  MB/s, pages/s, peak memory (largest resident set of the build process and of any of its
  workers), beside the bare floor of reading every page and splitting it into paragraphs;
* ``mfa-transcripts validate`` beside ``frictionless validate datapackage.json``: time
  and peak memory, both child processes;
* ``load("answers")`` beside ``pyarrow.parquet.read_table(...).to_pylist()``, and
  ``load_table("answers")`` beside ``read_table`` (fresh cache, same process);
* ``import mfa_transcripts`` beside a bare interpreter (child processes);
* the published files' sizes.

    .venv/bin/python benchmarks/bench_scale.py [--pages 1000 10000] [--full] [--runs 3]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import corpus
from _timing import median_seconds

HERE = Path(__file__).resolve().parent
BIN = Path(sys.executable).parent


# Children are started by a small launcher process, not by this one: Linux keeps a
# process's peak resident set across exec, and a child forked from this process (which
# holds the loaded tables by then) would report this process's peak as its own.
_LAUNCHER_CODE = """
import json, os, subprocess, sys, time
for line in sys.stdin:
    argv, cwd = json.loads(line)
    start = time.perf_counter()
    proc = subprocess.Popen(argv, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    err = proc.stderr.read()
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    code = os.waitstatus_to_exitcode(status)
    print(json.dumps([wall, usage.ru_maxrss, code, err.decode(errors="replace")[-2000:]]))
    sys.stdout.flush()
"""
_launcher: subprocess.Popen[str] | None = None


def start_launcher() -> None:
    """Start the launcher while this process is still small (before any table is read)."""
    global _launcher
    _launcher = subprocess.Popen(
        [sys.executable, "-c", _LAUNCHER_CODE],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )


def _launch(argv: list[str], cwd: Path | None = None) -> tuple[float, int, int, str]:
    """(wall seconds, peak resident KB, exit code, stderr's end) of ``argv``."""
    assert _launcher is not None and _launcher.stdin and _launcher.stdout
    _launcher.stdin.write(json.dumps([argv, None if cwd is None else str(cwd)]) + "\n")
    _launcher.stdin.flush()
    wall, peak, code, err = json.loads(_launcher.stdout.readline())
    return wall, peak, code, err


def _child(argv: list[str], cwd: Path | None = None) -> tuple[float, float]:
    """Run ``argv``; (wall seconds, peak resident MB of it or any of its children)."""
    wall, peak, code, err = _launch(argv, cwd)
    if code not in (0, 1):
        raise SystemExit(f"{' '.join(argv)} failed ({code}): {err}")
    return wall, peak / 1024  # KB on Linux


def _peak_with_workers(code: str, cwd: Path | None = None) -> tuple[float, float]:
    """Run python ``code`` in a child that reports its own and its children's peak RSS."""
    wrapper = (
        "import resource, sys\n"
        + code
        + "\nself_=resource.getrusage(resource.RUSAGE_SELF).ru_maxrss"
        + "\nkids=resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss"
        + "\nprint(max(self_, kids), file=sys.stderr)"
    )
    wall, _, status, err = _launch([sys.executable, "-c", wrapper], cwd)
    if status not in (0, 1):
        raise SystemExit(f"build failed ({status}): {err}")
    peak = int(err.strip().splitlines()[-1]) / 1024
    return wall, peak


def _median(samples: list[tuple[float, float]]) -> tuple[float, float]:
    return statistics.median(s[0] for s in samples), statistics.median(s[1] for s in samples)


def _timed(fn: Callable[[], object], runs: int) -> float:
    return median_seconds(fn, runs, warm_up=False)


def _interleaved(
    baseline: Callable[[], object], measured: Callable[[], object], runs: int
) -> tuple[float, float]:
    """Medians of ``baseline`` and ``measured`` timed alternately, ``runs`` times each,
    which goes first swapped every run (the second of two large reads in a row is the
    slower by 10-15 % here)."""
    samples: tuple[list[float], list[float]] = ([], [])
    for run in range(runs):
        pair = [(baseline, samples[0]), (measured, samples[1])]
        for fn, times in pair if run % 2 == 0 else pair[::-1]:
            start = time.perf_counter()
            fn()
            times.append(time.perf_counter() - start)
    return statistics.median(samples[0]), statistics.median(samples[1])


def _floor(seeds: Path) -> None:
    for path in sorted(seeds.iterdir()):
        path.read_bytes().decode("utf-8").split("\n\n")


def _line(label: str, value: str, baseline: str = "", ratio: float | None = None) -> None:
    tail = f"  x{ratio:.2f}" if ratio is not None else ""
    print(f"  {label:<34} {value:>22}   {baseline:<34}{tail}")


def bench(pages: int, work: Path, runs: int, jobs: int | None, only_load: bool = False) -> None:
    seeds = work / f"corpus-{pages}"
    if not seeds.is_dir():
        tmp = work / f".corpus-{pages}.partial"
        shutil.rmtree(tmp, ignore_errors=True)
        corpus.generate(tmp, pages)
        tmp.rename(seeds)
    size = sum(p.stat().st_size for p in seeds.iterdir())
    print(f"\n{pages:,} pages, {size / 1e6:.1f} MB (median of {runs} runs each)")

    out = work / f"package-{pages}"
    argv = ["build", "--seeds", str(seeds), "--out", str(out), "--on-error", "skip"]
    if jobs is not None:
        argv += ["--jobs", str(jobs)]
    code = (  # the command a maintainer runs (it chooses Arrow's memory pool, see cli.py)
        "import shutil\n"
        f"shutil.rmtree({str(out)!r}, ignore_errors=True)\n"
        "from mfa_transcripts.cli import main\n"
        f"assert main({argv!r}) in (0, 1)\n"
    )
    if not only_load:
        _bench_build(code, seeds, size, pages, out, runs)
    _bench_load(out, runs)


def _bench_build(code: str, seeds: Path, size: int, pages: int, out: Path, runs: int) -> None:
    builds = [_peak_with_workers(code) for _ in range(runs)]
    wall, peak = _median(builds)
    floor = _timed(lambda: _floor(seeds), runs)
    _line("build", f"{wall:.2f} s", f"read + split paragraphs {floor:.2f} s", wall / floor)
    _line("  throughput", f"{size / 1e6 / wall:.2f} MB/s", f"{pages / wall:,.0f} pages/s")
    _line("  per page", f"{wall / pages * 1000:.2f} ms")
    _line("  peak memory", f"{peak:.0f} MB")

    mine = _median([_child([str(BIN / "mfa-transcripts"), "validate"], out) for _ in range(runs)])
    theirs = _median(
        [
            _child([str(BIN / "frictionless"), "validate", "datapackage.json"], out)
            for _ in range(runs)
        ]
    )
    _line(
        "validate",
        f"{mine[0]:.2f} s, {mine[1]:.0f} MB",
        f"frictionless {theirs[0]:.2f} s, {theirs[1]:.0f} MB",
        mine[0] / theirs[0],
    )


def _bench_load(out: Path, runs: int) -> None:
    import pyarrow.parquet as pq

    import mfa_transcripts

    answers = out / "dist" / "answers.parquet"
    if not answers.exists():  # sharded
        answers = sorted((out / "dist").glob("answers-*.parquet"))[0].parent

    def load() -> object:
        return mfa_transcripts.load("answers", package=out)

    def load_table() -> object:
        return mfa_transcripts.load_table("answers", package=out)

    load()  # warm up imports and schema building
    pq.read_table(answers)
    # each figure and its baseline taken in turn, run after run, so that the machine's
    # load at one moment weighs on both alike
    t_pylist, t_load = _interleaved(lambda: pq.read_table(answers).to_pylist(), load, runs * 4)
    t_read, t_table = _interleaved(lambda: pq.read_table(answers), load_table, runs * 4)
    _line(
        'load("answers")',
        f"{t_load * 1000:.0f} ms",
        f"read_table().to_pylist() {t_pylist * 1000:.0f} ms",
        t_load / t_pylist,
    )
    _line(
        'load_table("answers")',
        f"{t_table * 1000:.1f} ms",
        f"read_table() {t_read * 1000:.1f} ms",
        t_table / t_read,
    )
    sizes = {
        p.relative_to(out).as_posix(): p.stat().st_size
        for p in sorted((out / "dist").iterdir())
        if p.suffix in (".csv", ".parquet")
    }
    csv_total = sum(v for k, v in sizes.items() if k.endswith(".csv"))
    parquet_total = sum(v for k, v in sizes.items() if k.endswith(".parquet"))
    _line("output", f"CSV {csv_total / 1e6:.1f} MB", f"Parquet {parquet_total / 1e6:.1f} MB")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--pages", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--full", action="store_true", help="add 26,000 pages")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--jobs", type=int, default=None, help="build --jobs (default: cores)")
    parser.add_argument(
        "--only-load", action="store_true", help="reuse the built packages: load figures only"
    )
    parser.add_argument("--work", type=Path, default=Path(tempfile.gettempdir()) / "mfa-bench")
    args = parser.parse_args()
    args.work.mkdir(parents=True, exist_ok=True)
    start_launcher()
    print(f"{os.cpu_count()} cores, Python {sys.version.split()[0]}, {sys.platform}")
    empty = Path(tempfile.mkdtemp())
    bare = _timed(lambda: subprocess.run([sys.executable, "-c", "pass"], cwd=empty), 9)
    imp = _timed(
        lambda: subprocess.run([sys.executable, "-c", "import mfa_transcripts"], cwd=empty), 9
    )
    _line(
        "import mfa_transcripts",
        f"{imp * 1000:.0f} ms (+{(imp - bare) * 1000:.0f})",
        f"bare interpreter {bare * 1000:.0f} ms",
        imp / bare,
    )
    for pages in [*args.pages, *([26_000] if args.full else [])]:
        bench(pages, args.work, args.runs, args.jobs, args.only_load)


if __name__ == "__main__":
    main()
