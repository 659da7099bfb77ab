"""Command line: a thin layer over the Python API. Parsing arguments and printing only."""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from pathlib import Path

from . import __version__
from .errors import Problem, TranscriptError, escape

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, EXIT_INTERNAL = 0, 1, 2, 3


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="mfa-transcripts",
        description="Build, validate and read the Russian Foreign Ministry transcripts dataset.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(dest="command", required=True)

    build = commands.add_parser(
        "build", help="parse seeds/ and publish dist/, schema/, datapackage.json"
    )
    build.add_argument(
        "--seeds", type=Path, default=Path("seeds"), help="folder of pages (default: seeds)"
    )
    build.add_argument("--out", type=Path, default=Path("."), help="package root (default: .)")
    build.add_argument(
        "--check",
        action="store_true",
        help="write nothing; exit 1 and name the files that differ from what the seeds build",
    )
    build.add_argument(
        "--on-error",
        choices=("raise", "skip"),
        default="raise",
        help="raise: one bad page stops the build (default); skip: publish the others",
    )
    build.add_argument(
        "--jobs",
        type=int,
        default=None,
        help="processes parsing pages (default: one a core; small builds use one)",
    )

    validate = commands.add_parser("validate", help="check a published package beyond frictionless")
    validate.add_argument(
        "datapackage",
        nargs="?",
        default="datapackage.json",
        help="path or http(s) address of datapackage.json (an address is downloaded, verified, "
        "into a temporary folder; needs the download extra)",
    )
    validate.add_argument(
        "--frictionless", action="store_true", help="also run frictionless's own checks"
    )

    download = commands.add_parser(
        "download", help="download a release, verify every file's sha256, cache it"
    )
    download.add_argument(
        "--dest", type=Path, default=None, help="folder to put it in (default: the cache)"
    )
    download.add_argument(
        "--base-url", default=None, help="address of the folder holding datapackage.json"
    )
    download.add_argument("--version", default=None, help="release version (default: this one)")

    parse = commands.add_parser("parse", help="print one page's records as JSON; writes nothing")
    parse.add_argument("file", type=Path)
    parse.add_argument("--source-url", default=None, help="address the page was saved from")
    return parser


def _say(text: object, *, err: bool = False) -> None:
    """Print one line, control characters escaped (names and messages come from input)."""
    print(escape(str(text)), file=sys.stderr if err else sys.stdout)


def _print_problems(problems: list[Problem]) -> None:
    for problem in problems:
        _say(problem, err=True)


MAX_PRINTED = 20
PROBLEMS_FILE = "build-problems.txt"


def _print_problems_or_summary(problems: list[Problem], out: Path) -> None:
    """Every problem, one a line; past ``MAX_PRINTED``, a count by type and the full list
    in ``<out>/build-problems.txt``."""
    if len(problems) <= MAX_PRINTED:
        _print_problems(problems)
        return
    path = out / PROBLEMS_FILE
    path.write_text("".join(f"{p}\n" for p in problems), "utf-8")
    counts: dict[tuple[str, str], int] = {}
    for problem in problems:
        key = (problem.severity, problem.type)
        counts[key] = counts.get(key, 0) + 1
    print(f"{len(problems)} problem(s), all listed in {path}:", file=sys.stderr)
    for (severity, kind), count in sorted(counts.items(), key=lambda item: -item[1]):
        print(f"  {count:>7} {severity} [{kind}]", file=sys.stderr)


def _build(args: argparse.Namespace) -> int:
    lean_arrow_pool()
    from .builder.build import BuildError, build, check

    try:
        if args.check:
            stale = check(args.seeds, args.out, args.on_error, jobs=args.jobs)
            _print_problems(stale)
            if stale:
                files = sum(p.type == "stale-file" for p in stale)
                parts = [f"{files} published file(s) differ from the seeds"] if files else []
                if any(p.type == "unexpected-file" for p in stale):
                    parts.append("files the package does not list are in it (remove them)")
                if any(p.type == "build-in-progress" for p in stale):
                    parts.append("a publish was interrupted")
                _say(" and ".join(parts) + "; run `mfa-transcripts build`")
                return EXIT_PROBLEMS
            _say("published files match the seeds")
            return EXIT_OK
        progress = sys.stderr.isatty() and not os.environ.get("CI")
        report = build(
            args.seeds, args.out, on_error=args.on_error, jobs=args.jobs, progress=progress
        )
    except BuildError as exc:
        for note in exc.report.figures.get("recovered") or []:  # type: ignore[attr-defined]
            _say(f"recovered: {note}")
        _print_problems_or_summary(exc.report.problems, args.out)
        _say(f"build failed: {len(exc.report.errors)} error(s); published files left unchanged")
        return EXIT_PROBLEMS
    _print_problems_or_summary(report.problems, args.out)
    figures = report.figures
    for note in figures.get("recovered") or []:  # type: ignore[attr-defined]
        _say(f"recovered: {note}")
    rows = ", ".join(f"{k} {v}" for k, v in figures["rows"].items())  # type: ignore[attr-defined]
    chars: dict[str, int] = figures["characters"]  # type: ignore[assignment]
    _say(
        f"published {figures['pages_published']} of {figures['pages_found']} page(s): {rows}; "
        f"non-whitespace characters: {chars['record']} in records, {chars['chrome']} in "
        f"named chrome, {chars['unaccounted']} unaccounted; {figures['seconds']} s"
    )
    warned: dict[str, int] = figures.get("warnings") or {}  # type: ignore[assignment]
    if warned:
        counts = ", ".join(f"{kind} {n}" for kind, n in warned.items())
        _say(f"published pages with warnings, by type: {counts}")
    skipped: list[str] = figures["skipped"]  # type: ignore[assignment]
    if skipped:  # published the others, but a refused page is still a problem
        names = ", ".join(skipped[:MAX_PRINTED])
        more = f" and {len(skipped) - MAX_PRINTED} more" if len(skipped) > MAX_PRINTED else ""
        _say(f"skipped {len(skipped)} page(s): {names}{more}")
        return EXIT_PROBLEMS
    return EXIT_OK


def lean_arrow_pool() -> None:
    """Arrow's jemalloc pool for this process and its workers (Linux, where pyarrow's
    wheels have it), unless ``ARROW_DEFAULT_MEMORY_POOL`` names one already, and freed
    memory given back at once.

    For the commands that stream tables a row group at a time, in a process of their
    own: mimalloc, pyarrow's default, keeps what each row group freed (reading the
    10,000-page package's answers held 100 MB more with it than with jemalloc; its build
    peaked at 735 MB rather than 588 MB), and jemalloc by default keeps freed pages for
    10 s (with them given back at once, ``validate`` of that package peaked at 228 MB
    rather than 286 MB, about 7 % slower, and its build at 321 MB rather than 362 MB).
    Arrow picks its pool once, when it is first asked, from this variable: so it is set
    before pyarrow is imported. The library's functions leave the caller's pool alone.
    """
    if sys.platform != "linux" or "pyarrow" in sys.modules:
        return
    os.environ.setdefault("ARROW_DEFAULT_MEMORY_POOL", "jemalloc")
    import pyarrow as pa

    if pa.default_memory_pool().backend_name == "jemalloc":
        pa.jemalloc_set_decay_ms(0)


def _validate(args: argparse.Namespace) -> int:
    lean_arrow_pool()
    from .validate import validate_package

    target: str = args.datapackage
    if target.startswith(("http://", "https://")):
        from .release import download

        with tempfile.TemporaryDirectory(prefix="mfa-transcripts-validate-") as tmp:
            folder = download(tmp, base_url=target, progress=False)
            report = validate_package(folder / "datapackage.json", frictionless=args.frictionless)
    else:
        report = validate_package(target, frictionless=args.frictionless)
    _print_problems(report.problems)
    if report.ok:
        _say(f"{args.datapackage}: valid")
        return EXIT_OK
    _say(f"{args.datapackage}: {len(report.errors)} problem(s)", err=True)
    return EXIT_PROBLEMS


def _download(args: argparse.Namespace) -> int:
    from .release import download

    folder = download(args.dest, base_url=args.base_url, version=args.version)
    print(f"{folder}: downloaded and verified")
    return EXIT_OK


def _parse(args: argparse.Namespace) -> int:
    from .builder.parse import parse_file

    try:
        parsed = parse_file(args.file, args.source_url)
    except TranscriptError as exc:
        _say(exc.problem, err=True)
        return EXIT_PROBLEMS
    _print_problems(parsed.warnings)
    json.dump(parsed.as_json(), sys.stdout, ensure_ascii=False, indent=2)
    print()
    return EXIT_OK


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    handler = {"build": _build, "validate": _validate, "download": _download, "parse": _parse}[
        args.command
    ]
    from .release import DownloadError

    try:
        return handler(args)
    except DownloadError as exc:
        print(exc.problem, file=sys.stderr)
        return EXIT_PROBLEMS
    except ImportError as exc:
        if "pip install" in str(exc):  # an optional dependency is missing: name the extra
            print(f"usage error: {exc}", file=sys.stderr)
            return EXIT_USAGE
        return _internal(exc)
    except KeyboardInterrupt:
        _say("interrupted; published files left unchanged", err=True)
        return EXIT_PROBLEMS
    except BrokenPipeError:  # `mfa-transcripts parse page.txt | head`: the reader left
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK
    except MemoryError:  # an input too large for this machine: a limit, not a bug
        _say(
            "error [limit-exceeded] expected input that fits in memory, found more; "
            "nothing was published",
            err=True,
        )
        return EXIT_PROBLEMS
    except Exception as exc:  # a bug, not bad input: one line, and where to report it
        return _internal(exc)


def _internal(exc: BaseException) -> int:
    _say(
        f"internal error: {type(exc).__name__}: {exc} (please report this with the input file)",
        err=True,
    )
    return EXIT_INTERNAL
