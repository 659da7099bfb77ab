from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import settings

from mfa_transcripts.builder.build import build
from mfa_transcripts.builder.parse import parse_file, parse_source
from mfa_transcripts.builder.read import SourceText
from mfa_transcripts.builder.records import ParsedPage

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
SEED = SEEDS / "000_f4947906e86da8af.txt"
DATA = Path(__file__).resolve().parent / "data"
FIXTURES = DATA / "transcripts"
SYNTHETIC = DATA / "synthetic"
PYTHON = sys.executable
HANG_SECONDS = 20
"""How long a test waits on what should return at once before it counts as a hang."""


def run_cli(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """The command in a child process, killed after 3 x HANG_SECONDS (a hang fails the test)."""
    return subprocess.run(
        [PYTHON, "-m", "mfa_transcripts", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        check=False,
        timeout=HANG_SECONDS * 3,
    )


# Hypothesis: a quick profile by default, the full one in CI (CI=true) or when asked
# (HYPOTHESIS_PROFILE=ci). Property tests size their runs with examples().
PROFILE = os.environ.get("HYPOTHESIS_PROFILE") or ("ci" if os.environ.get("CI") else "quick")
settings.register_profile("ci", max_examples=200, deadline=None)
settings.register_profile("quick", max_examples=25, deadline=None)
if PROFILE in ("ci", "quick"):
    settings.load_profile(PROFILE)


def examples(full: int) -> int:
    """How many examples a property test runs: ``full`` in CI, a quarter of it otherwise."""
    return full if PROFILE != "quick" else max(10, full // 4)


@pytest.fixture(scope="session")
def seed_page() -> ParsedPage:
    return parse_file(SEED)


@pytest.fixture(scope="session")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A package built from the project's seeds into a fresh root (README included)."""
    root = tmp_path_factory.mktemp("built")
    shutil.copyfile(ROOT / "README.md", root / "README.md")
    build(SEEDS, root)
    return root


def copy_package(source: Path, target: Path) -> Path:
    """A private copy of a built package (dist/, schema/, datapackage.json) in ``target``."""
    for name in ("dist", "schema"):
        shutil.copytree(source / name, target / name)
    shutil.copyfile(source / "datapackage.json", target / "datapackage.json")
    return target


@pytest.fixture
def package(built: Path, tmp_path: Path) -> Path:
    """A private copy of the built package, free to tamper with."""
    return copy_package(built, tmp_path)


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden",
        action="store_true",
        default=False,
        help="rewrite tests/golden/ from the current parser (also MFA_UPDATE_GOLDEN=1)",
    )


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    """Show how many Hypothesis examples ran (issue 4 asks for the figure) in every run."""
    properties = sys.modules.get(f"{__package__}.test_properties")
    counts = getattr(properties, "RAN", None)
    if counts:
        main = ("(a) rendered pages", "(b) any bytes", "(c) tables", "(c) csv lines")
        total = sum(counts[k] for k in main)
        details = ", ".join(f"{k} {counts[k]}" for k in main)
        terminalreporter.write_line(
            f"Hypothesis examples run: {total} ({details}); profile {PROFILE}"
        )


def parse_text(text: str, name: str = "page.txt") -> ParsedPage:
    """A page written in a test, parsed in memory (as a UTF-8 file of that text is)."""
    return parse_source(SourceText(name, text, "utf-8", "0" * 64))
