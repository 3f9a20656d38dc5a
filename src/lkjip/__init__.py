"""lkjip: turn a local government unit's raw data into its LKjIP.

The package is organised by stage (see docs/architecture.md):

- :mod:`lkjip.inputs.ingest` reads the analysts' spreadsheets into typed frames;
- :mod:`lkjip.validation` checks them with Great Expectations;
- the indicator modules (:mod:`lkjip.indicators.ikm`, :mod:`lkjip.indicators.sakip`, ...) compute figures;
- :mod:`lkjip.document.bab3a`, :mod:`lkjip.charts` and :mod:`lkjip.contract.fmt` shape them for readers;
- :mod:`lkjip.run.pipeline` runs the notebooks and :mod:`lkjip.render.export` renders them.
"""

from pathlib import Path

__version__ = "0.1.0"

#: The installed package's folder, and its own assets (templates, styles): the only files the
#: renderers may read besides the run's data.
PACKAGE_DIR = Path(__file__).resolve().parent
ASSETS_DIR = PACKAGE_DIR / "assets"
