"""The limits ``validate`` reads a package within: descriptor, schemas, card, CSV lines
and cells, Parquet, problems a file."""

from __future__ import annotations

MAX_ROW_PROBLEMS = 20


MAX_DESCRIPTOR_BYTES = 16 * 1024 * 1024
"""The largest ``datapackage.json`` read (16 MiB; the published one is under 100 KiB)."""


MAX_DESCRIPTOR_DEPTH = 32
"""The deepest nesting of arrays and objects read in ``datapackage.json``."""


MAX_SCHEMA_BYTES = 1024 * 1024
"""The largest ``schema/*.json`` compared (1 MiB)."""


MAX_CARD_BYTES = MAX_DESCRIPTOR_BYTES
"""The largest dataset card compared (16 MiB, as the descriptor: both list every source,
about 150 bytes a page, so a 10,000-page archive's card is over 1 MiB)."""


MAX_CSV_HEADER_BYTES = 64 * 1024
"""The longest CSV header line read (64 KiB)."""


MAX_CSV_LINE_BYTES = 8 * 1024 * 1024
"""The longest CSV line read (8 MiB, the page size limit)."""


MAX_CSV_FIELD_CHARS = 1024 * 1024
"""The longest CSV cell (1,048,576 characters; the longest published text is under 20,000)."""


MAX_PARQUET_BYTES = 256 * 1024 * 1024
"""The most a Parquet file may decompress to, as its metadata says (256 MiB)."""
