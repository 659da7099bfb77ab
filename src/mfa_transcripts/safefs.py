"""Opening files that a package or a seeds folder names, without trusting them.

Every file the build, ``parse``, ``validate`` and ``load(verify=True)`` read goes
through :func:`open_regular`:

* the path must stay inside its root (no absolute path, no ``..``), each folder on the
  way must be a real folder (not a symbolic link), and the path must not be longer than
  :data:`MAX_PATH_CHARS` characters;
* the file's type is checked with ``lstat`` before it is opened: only a regular file is
  read. A symbolic link (even one that points inside), a FIFO, a device, a socket or a
  folder is refused, and nothing of it is read, so nothing of it can be quoted;
* the file is then opened with ``O_NOFOLLOW | O_NONBLOCK`` (a FIFO swapped in after the
  check neither hangs the open nor is read) and ``fstat`` must show the same regular
  file the ``lstat`` saw.

Failures are :class:`Refused` (an ``OSError``): its ``found`` says what was there
("a symbolic link", "a FIFO", "no file", or the system's reason) and never the content.
"""

from __future__ import annotations

import errno
import hashlib
import os
import stat
from collections.abc import Iterator
from pathlib import Path, PurePosixPath
from typing import BinaryIO

__all__ = [
    "MAX_PATH_CHARS",
    "Refused",
    "describe_mode",
    "digest",
    "entry_kind",
    "foreign_entries",
    "open_regular",
    "read_bytes",
    "reason",
    "safe_relative",
]

MAX_PATH_CHARS = 1024
"""The longest relative path a package may name (characters)."""

_NAME_MAX = 255


class Refused(OSError):
    """A file that was not opened: what was found instead, never its content."""

    def __init__(
        self, path: str, found: str, *, missing: bool = False, too_long: bool = False
    ) -> None:
        super().__init__(errno.ENOENT if missing else errno.EPERM, found, path)
        self.found = found
        self.missing = missing
        self.too_long = too_long

    def __str__(self) -> str:
        return self.found

    @classmethod
    def from_error(cls, path: str, exc: OSError) -> Refused:
        return cls(
            path,
            reason(exc),
            missing=exc.errno == errno.ENOENT,
            too_long=exc.errno == errno.ENAMETOOLONG,
        )


def describe_mode(mode: int) -> str:
    """What a file type is, in words."""
    if stat.S_ISREG(mode):
        return "a regular file"
    if stat.S_ISLNK(mode):
        return "a symbolic link"
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a FIFO (named pipe)"
    if stat.S_ISCHR(mode):
        return "a character device"
    if stat.S_ISBLK(mode):
        return "a block device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "a special file"


def reason(exc: OSError) -> str:
    """What an ``OSError`` found, in words (never a file's content)."""
    if exc.errno == errno.ENOENT:
        return "no file"
    if exc.errno == errno.ENAMETOOLONG:
        return "a name too long for the file system"
    if exc.errno == errno.ELOOP:
        return "a symbolic link"
    return f"an error: {exc.strerror or type(exc).__name__}"


def safe_relative(rel: object) -> str | None:
    """Why ``rel`` is not a safe relative path inside a package; None when it is."""
    if not isinstance(rel, str):
        return f"a {type(rel).__name__} where a path belongs"
    if not rel:
        return "an empty path"
    if len(rel) > MAX_PATH_CHARS:
        return f"a path of {len(rel):,} characters (the limit is {MAX_PATH_CHARS:,})"
    if "\x00" in rel or "\\" in rel:
        return "a path with a NUL byte or a backslash"
    pure = PurePosixPath(rel)
    if pure.is_absolute() or ".." in pure.parts or rel.startswith("~"):
        return "a path that leaves the package folder"
    if any(len(part.encode("utf-8", "surrogateescape")) > _NAME_MAX for part in pure.parts):
        return f"a path with a name longer than {_NAME_MAX} bytes"
    if "://" in rel:
        return "an address, not a path inside the package"
    return None


def entry_kind(path: Path) -> tuple[int | None, str]:
    """``(st_mode, description)`` from ``lstat``; mode None when there is nothing to see."""
    try:
        info = os.lstat(path)
    except OSError as exc:
        return None, reason(exc)
    return info.st_mode, describe_mode(info.st_mode)


def open_regular(path: Path, root: Path | None = None) -> BinaryIO:
    """Open ``path`` for reading if it is a regular file (inside ``root``, when given).

    With ``root``, ``path`` must be ``root / <relative path>`` and every folder between
    them is checked not to be a symbolic link. Raises :class:`Refused`.
    """
    shown = str(path)
    if root is not None:
        try:
            rel = path.relative_to(root)
        except ValueError:
            raise Refused(shown, "a path outside the package folder") from None
        why = safe_relative(rel.as_posix())
        if why is not None:
            raise Refused(shown, why, too_long=len(rel.as_posix()) > MAX_PATH_CHARS)
        folder = root
        for part in rel.parts[:-1]:
            folder = folder / part
            mode, found = entry_kind(folder)
            if mode is None or not stat.S_ISDIR(mode):
                raise Refused(shown, f"{found} where a folder belongs", missing=mode is None)
    try:
        before = os.lstat(path)
    except OSError as exc:
        raise Refused.from_error(shown, exc) from exc
    if not stat.S_ISREG(before.st_mode):
        raise Refused(shown, describe_mode(before.st_mode))
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
    flags |= getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(path, flags)
    except OSError as exc:
        raise Refused.from_error(shown, exc) from exc
    try:
        after = os.fstat(fd)
        if not stat.S_ISREG(after.st_mode) or (after.st_dev, after.st_ino) != (
            before.st_dev,
            before.st_ino,
        ):
            raise Refused(shown, "a file that was replaced while it was being opened")
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


def read_bytes(path: Path, root: Path | None = None, *, limit: int) -> bytes:
    """At most ``limit`` + 1 bytes of a regular file (so that a caller can tell "too large")."""
    with open_regular(path, root) as handle:
        try:
            return handle.read(limit + 1)
        except OSError as exc:
            raise Refused.from_error(str(path), exc) from exc


def digest(path: Path, root: Path | None = None) -> tuple[int, str]:
    """``(bytes, sha256 hex)`` of a regular file, read in chunks."""
    sha = hashlib.sha256()
    size = 0
    with open_regular(path, root) as handle:
        try:
            for chunk in iter(lambda: handle.read(1 << 20), b""):
                sha.update(chunk)
                size += len(chunk)
        except OSError as exc:
            raise Refused.from_error(str(path), exc) from exc
    return size, sha.hexdigest()


def foreign_entries(root: Path, folders: tuple[str, ...], ours: set[str]) -> Iterator[str]:
    """Entries under ``root/<folder>`` that are not regular files named in ``ours``.

    Hidden files, nested folders' files, symbolic links (even to one of our files' copies),
    FIFOs and devices all count; folders are walked without following links. Relative
    POSIX paths, sorted.
    """
    found: list[str] = []
    for folder in folders:
        top = root / folder
        mode, _ = entry_kind(top)
        if mode is None:
            continue
        if not stat.S_ISDIR(mode):
            found.append(folder)
            continue
        stack = [top]
        while stack:
            current = stack.pop()
            try:
                entries = sorted(os.scandir(current), key=lambda e: e.name)
            except OSError:
                found.append(current.relative_to(root).as_posix() + "/")
                continue
            for entry in entries:
                rel = (current / entry.name).relative_to(root).as_posix()
                if entry.is_dir(follow_symlinks=False):
                    stack.append(current / entry.name)
                elif not (entry.is_file(follow_symlinks=False) and rel in ours):
                    found.append(rel)
    yield from sorted(found)
