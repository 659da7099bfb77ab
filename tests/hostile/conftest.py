"""Hostile packages and seeds: fixtures that build a small package and bound every test's time.

Symbolic links, FIFOs and devices are made by the tests at run time (nothing of the kind
is committed). ``no_hang`` turns a hang into a failure: SIGALRM interrupts a blocking
``open`` or ``read`` of a FIFO or a device.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import stat
from collections.abc import Iterator
from pathlib import Path
from types import FrameType

import pytest

from mfa_transcripts.builder.build import build

from ..conftest import DATA, HANG_SECONDS, ROOT, copy_package

SECRET = "root:$6$hostile$SECRETHASHLINE:19000:0:99999:7:::"


class Hung(Exception):
    pass


@contextlib.contextmanager
def bounded(seconds: int = HANG_SECONDS) -> Iterator[None]:
    """Raise :class:`Hung` if the block runs longer than ``seconds``."""

    def alarm(signum: int, frame: FrameType | None) -> None:
        raise Hung(f"no answer within {seconds} s")

    previous = signal.signal(signal.SIGALRM, alarm)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


@pytest.fixture
def no_hang() -> Iterator[None]:
    with bounded():
        yield


@pytest.fixture(scope="package")
def small_package(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A package built from one page of tests/data/bad (fast to copy and to check)."""
    seeds = tmp_path_factory.mktemp("hostile-seeds")
    shutil.copyfile(DATA / "bad" / "good.txt", seeds / "good.txt")
    root = tmp_path_factory.mktemp("hostile-package")
    shutil.copyfile(ROOT / "README.md", root / "README.md")
    build(seeds, root)
    return root


@pytest.fixture
def package(small_package: Path, tmp_path: Path) -> Path:
    root = tmp_path / "package"
    root.mkdir()
    copy_package(small_package, root)
    shutil.copyfile(small_package / "README.md", root / "README.md")
    return root


@pytest.fixture
def secret(tmp_path: Path) -> Path:
    """A file outside every package and seeds folder, that must never be read or quoted."""
    path = tmp_path / "outside" / "shadow"
    path.parent.mkdir()
    path.write_text(SECRET + "\n", "utf-8")
    return path


@pytest.fixture
def seeds(tmp_path: Path) -> Path:
    folder = tmp_path / "seeds"
    folder.mkdir()
    shutil.copyfile(DATA / "bad" / "good.txt", folder / "good.txt")
    return folder


def make_fifo(path: Path) -> None:
    with contextlib.suppress(FileNotFoundError):
        path.unlink()
    os.mkfifo(path)


def make_device(path: Path) -> None:
    """A character device like /dev/zero (mknod), or skip when not permitted."""
    with contextlib.suppress(FileNotFoundError):
        path.unlink()
    try:
        os.mknod(path, 0o644 | stat.S_IFCHR, os.makedev(1, 5))
    except (PermissionError, OSError) as exc:
        pytest.skip(f"mknod not permitted here: {exc}")


def make_link(path: Path, target: Path | str) -> None:
    with contextlib.suppress(FileNotFoundError):
        path.unlink()
    path.symlink_to(target)
