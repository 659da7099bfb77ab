"""Hatch build hook: ship the published Parquet files (dist/*.parquet) inside the wheel,
with datapackage.json as their manifest.

An editable install reads them from dist/ directly, so it needs nothing here.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface


class CustomBuildHook(BuildHookInterface):  # type: ignore[misc]
    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        if self.target_name != "wheel" or version == "editable":
            return
        tables = sorted((Path(self.root) / "dist").glob("*.parquet"))
        if not tables:
            raise RuntimeError("dist/*.parquet not found: run `mfa-transcripts build` first")
        for path in tables:
            build_data["force_include"][str(path)] = f"mfa_transcripts/data/{path.name}"
        # the manifest load(verify=True) checks sizes and sha256 against
        manifest = Path(self.root) / "datapackage.json"
        build_data["force_include"][str(manifest)] = "mfa_transcripts/data/datapackage.json"
