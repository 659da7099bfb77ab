"""A full disk at any point of writing gives ``write-error`` and nothing else on stderr.

The build runs in a child process (so that what the interpreter prints at exit, such as
``Exception ignored in: ParquetWriter.__del__``, is seen), with one of the writers'
operations failing with ENOSPC: opening the n-th Parquet or CSV file, writing a row
group, closing a file.
"""

from __future__ import annotations

import shutil
import subprocess
import textwrap
from pathlib import Path

import pytest

from ..conftest import DATA, PYTHON

FAULTS = {
    # name: (what is patched, on which call it fails)
    "open-third-parquet": ("pq.ParquetWriter.__init__", 3),
    "open-first-parquet": ("pq.ParquetWriter.__init__", 1),
    "write-row-group": ("pq.ParquetWriter.write_table", 2),
    "close-second-parquet": ("pq.ParquetWriter.close", 2),
    "open-fourth-csv": ("Path.open", 4),
}


@pytest.mark.parametrize("fault", list(FAULTS))
def test_a_full_disk_prints_write_error_only(tmp_path: Path, fault: str) -> None:
    target, nth = FAULTS[fault]
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    shutil.copyfile(DATA / "bad" / "good.txt", seeds / "good.txt")
    owner, _, name = target.rpartition(".")
    script = textwrap.dedent(
        f"""
        import errno, os, sys
        from pathlib import Path
        import pyarrow.parquet as pq
        from mfa_transcripts.cli import main
        calls, full = [0], [False]
        real = {owner}.{name}
        real_close = pq.ParquetWriter.close

        def failing(self, *args, **kwargs):
            if {target!r} == "Path.open" and not str(self).endswith(".csv"):
                return real(self, *args, **kwargs)
            calls[0] += 1
            if calls[0] >= {nth}:
                full[0] = True
            if full[0]:
                raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
            return real(self, *args, **kwargs)

        def close(self):  # once the disk is full, it stays full: no footer can be written
            if full[0]:
                raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
            return real_close(self)

        pq.ParquetWriter.close = close
        {owner}.{name} = failing
        if {target!r} == "pq.ParquetWriter.close":
            real = real_close
        sys.exit(main(["build", "--seeds", {str(seeds)!r}, "--out", {str(tmp_path / "out")!r}]))
        """
    )
    out = subprocess.run(
        [PYTHON, "-c", script], capture_output=True, text=True, check=False, timeout=120
    )
    assert out.returncode == 1, out.stderr
    lines = out.stderr.splitlines()
    assert lines, out.stdout
    assert all("[write-error]" in line for line in lines), out.stderr
    assert "No space left on device" in lines[0]
    assert not list((tmp_path / "out").glob(".build-staging-*"))
    assert not (tmp_path / "out" / "dist").exists()
