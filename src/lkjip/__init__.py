"""lkjip: turn a local government unit's raw data into its LKjIP.

The package is organised by stage (see docs/architecture.md):

- :mod:`lkjip.ingest` reads the analysts' spreadsheets into typed frames;
- :mod:`lkjip.validation` checks them with Great Expectations;
- the indicator modules (:mod:`lkjip.ikm`, :mod:`lkjip.sakip`, ...) compute figures;
- :mod:`lkjip.tables`, :mod:`lkjip.charts` and :mod:`lkjip.fmt` shape them for readers;
- :mod:`lkjip.pipeline` runs the notebooks and :mod:`lkjip.export` renders them.
"""

__version__ = "0.1.0"
