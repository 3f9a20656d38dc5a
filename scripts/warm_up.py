"""Pay the one-off costs of a fresh set-up once, in ``make setup``, not in the first report.

A first ``make report`` after set-up was about twice as slow as the next ones:
Python compiled every module of the environment to bytecode, matplotlib built
its font list, fontconfig scanned the system fonts, WeasyPrint loaded its
fonts, and Jupyter looked up its kernel. Each is cached on disk after the
first time; this script does each once:

- byte-compiles the virtual environment's site-packages and ``src/`` (the
  same ``__pycache__`` files the first import would write);
- imports what a run imports (pandas, pyarrow, matplotlib, papermill,
  nbconvert, Great Expectations, WeasyPrint and the package), which also
  writes matplotlib's font cache;
- draws a one-page PDF with WeasyPrint in the report's fonts (fontconfig's cache);
- resolves the Jupyter kernel spec.

Nothing here changes a report: it only fills caches that the first run would fill.
"""

from __future__ import annotations

import compileall
import sys
import sysconfig
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def main() -> int:
    t0 = time.perf_counter()
    purelib = Path(sysconfig.get_paths()["purelib"])
    for folder in (purelib, ROOT / "src"):
        compileall.compile_dir(str(folder), quiet=2, workers=0)
    t1 = time.perf_counter()
    import matplotlib
    matplotlib.use("Agg")
    from matplotlib import font_manager
    font_manager.findfont("DejaVu Sans")
    import pandas  # noqa: F401
    import pyarrow  # noqa: F401
    import papermill  # noqa: F401
    import nbconvert  # noqa: F401
    import great_expectations  # noqa: F401
    import lkjip.document  # noqa: F401
    import lkjip.validation  # noqa: F401
    import lkjip.render.export  # noqa: F401
    t2 = time.perf_counter()
    import weasyprint
    css = (ROOT / "src" / "lkjip" / "assets" / "lkjip-print.css")
    stylesheets = [weasyprint.CSS(filename=str(css))] if css.exists() else []
    weasyprint.HTML(string="<h1>Laporan</h1><p>Uji <b>huruf</b> <i>cetak</i>.</p>").write_pdf(
        stylesheets=stylesheets)
    t3 = time.perf_counter()
    from jupyter_client.kernelspec import KernelSpecManager
    KernelSpecManager().get_kernel_spec("python3")
    t4 = time.perf_counter()
    print(f"pemanasan: bytecode {t1 - t0:.1f} dtk, impor dan cache huruf matplotlib {t2 - t1:.1f} dtk, "
          f"WeasyPrint/fontconfig {t3 - t2:.1f} dtk, kernel Jupyter {t4 - t3:.1f} dtk", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
