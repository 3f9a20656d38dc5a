"""Size limits on what the analysts hand in, checked before any work starts.

Each limit is one named constant here, named in the message a user meets
and in ``docs/data-contract.md`` ("Batas ukuran"). Tests set them small
(``monkeypatch.setattr(limits, ...)``): every check reads them from this
module at call time.
"""

from __future__ import annotations

#: Largest ``unit.yaml`` in bytes (checked on the file's size before it is read).
UNIT_YAML_MAX_BYTES = 1 << 20
#: Most YAML nodes ``unit.yaml`` may stand for once every alias is expanded (billion laughs).
UNIT_YAML_MAX_NODES = 100_000
#: Deepest nesting of lists and mappings in ``unit.yaml``.
UNIT_YAML_MAX_DEPTH = 50

#: Longest CSV cell in characters: Python's ``csv`` module refuses longer fields
#: (``csv.field_size_limit()``), and later steps read the raw CSV with it.
CSV_FIELD_MAX_CHARS = 131_072

#: Largest uncompressed content of an .xlsx (sum over its zip members), checked before it is opened.
XLSX_MAX_UNCOMPRESSED_BYTES = 512 << 20
#: Most cells an .xlsx may hold over all its sheets, counted before it is loaded.
XLSX_MAX_CELLS = 20_000_000
