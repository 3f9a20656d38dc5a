"""Issue 11, edge values: no "nan", "None", "NaN", "NaT" or "inf" in anything a reader sees.

The LKjIP notebook's source (``notebooks/05_lkjip.py``) is executed in-process with the notebook
helpers captured: every Markdown text is rendered to HTML by the exporter's renderer, every table
by :func:`lkjip.contract.html_table.table_html`, every chart's texts are read from the figure. This is what
the rendered HTML and PDF of that year show, without a kernel (seconds, not a pipeline run).
"""

from __future__ import annotations

import re
import shutil
from collections import Counter
from pathlib import Path

import pandas as pd
import pytest

ROOT = Path(__file__).resolve().parents[2]
RAW_WORDS = re.compile(r"\b(nan|NaN|None|NaT|inf|Infinity)\b")


def _render_markdown(text: str) -> str:
    from nbconvert.filters.markdown_mistune import IPythonRenderer, MarkdownWithMath

    return MarkdownWithMath(renderer=IPythonRenderer(escape=True, allow_harmful_protocols=None)).render(text)


def reader_texts(data_dir: Path, year: int, tmp_path: Path, monkeypatch) -> list[tuple[str, str]]:
    """(what, text) of every block the LKjIP of ``year`` shows.

    Each cell runs as IPython runs it: its statements, then its last expression, which is shown
    (a Markdown text, an HTML block, a :class:`lkjip.render.notebook.Table` or ``Figure``), like
    everything passed to ``display``.
    """
    import ast

    import IPython.display
    import matplotlib.pyplot as plt
    from matplotlib.text import Text

    import lkjip.render.notebook as nbmod
    from lkjip.contract.pages import text_of

    shown: list[tuple[str, str]] = []

    def show(obj):
        if obj is None:
            return
        if isinstance(obj, IPython.display.Markdown):
            shown.append(("teks", text_of(_render_markdown(str(obj.data or "")))))
        elif isinstance(obj, nbmod.Figure):
            texts = [t.get_text() for t in obj.figure.findobj(Text) if t.get_text()]
            shown.append((f"gambar {obj.caption}", " | ".join([str(obj.caption or ""), *texts])))
            plt.close(obj.figure)
        elif isinstance(obj, IPython.display.HTML):
            shown.append(("html", text_of(str(obj.data or ""))))
        elif hasattr(obj, "_repr_html_"):
            shown.append((f"tabel {getattr(obj, 'caption', '')}", text_of(obj._repr_html_() or "")))

    # nb.show and every other display go through IPython's display (imported where they are called)
    monkeypatch.setattr(IPython.display, "display", lambda *objs, **kw: [show(o) for o in objs])
    source = (ROOT / "notebooks" / "05_lkjip.py").read_text(encoding="utf-8")
    cells = re.split(r"(?m)^# %%.*$", source)
    namespace: dict = {}
    exec(compile(cells[1], "05_lkjip:parameters", "exec"), namespace)
    namespace.update(unit="gedeg", year=year, data_dir=str(data_dir), processed_dir=str(tmp_path / "olahan"),
                     report_dir=str(tmp_path / "laporan"), run_started="2024-01-01T00:00:00+07:00")
    for number, cell in enumerate(cells[2:], start=2):
        tree = ast.parse(cell)
        last = tree.body.pop() if tree.body and isinstance(tree.body[-1], ast.Expr) else None
        exec(compile(tree, f"05_lkjip:sel-{number}", "exec"), namespace)
        if last is not None:
            show(eval(compile(ast.Expression(last.value), f"05_lkjip:sel-{number}", "eval"), namespace))
    return shown


def raw_words(shown: list[tuple[str, str]]) -> list[str]:
    found = []
    for what, text in shown:
        for m in RAW_WORDS.finditer(text):
            found.append(f"{what}: ...{text[max(0, m.start() - 60):m.end() + 30]}...")
    return found


#: The blocks the LKjIP of each bundled year shows: texts, tables, figures, HTML blocks (2023 carries
#: the contract-v2 data: premises, population, the PK documents and their budgets). A section that does
#: not apply shows nothing (nb.show of None, "" or a frame without rows), not an empty block.
# no staff movement is recorded for 2023 (none invented); the draft has one analyst note on a NIP.
# 2021 and 2022 print no Usulan Perubahan Target Renstra (first proposed in 2023) and no signed PK
# documents (their signature blocks: HTML in 2023).
# Only 2023 has the officials' PK: Lampiran 3 draws one capaian chart per official (Gambar L.1-L.7).
BLOCKS = {2021: {"teks": 64, "tabel": 29, "gambar": 8, "html": 5},
          2022: {"teks": 64, "tabel": 29, "gambar": 8, "html": 5},
          2023: {"teks": 78, "tabel": 49, "gambar": 15, "html": 8}}
LAMPIRAN_FIGURES = {2021: 0, 2022: 0, 2023: 7}


@pytest.mark.parametrize("year", [2021, 2022, 2023])
def test_no_raw_missing_value_words_in_a_bundled_year(year, raw_dir, tmp_path, monkeypatch):
    shown = reader_texts(raw_dir, year, tmp_path, monkeypatch)
    # the whole document was rendered: every block of the year, its figures Gambar 3.1 to 3.8 and
    # Lampiran 3's Gambar L.1 onwards
    assert Counter(what.split(" ")[0] for what, _ in shown) == BLOCKS[year]
    # every block shows something; the one without text is the placeholder of the Daftar Isi
    assert [what for what, text in shown if not text.strip()] == ["html"]
    numbers = [what.split(" ")[2] for what, _ in shown if what.startswith("gambar ")]
    assert numbers == [f"3.{n}" for n in range(1, 9)] + [f"L.{n}" for n in range(1, LAMPIRAN_FIGURES[year] + 1)]
    assert raw_words(shown) == []


def test_no_raw_missing_value_words_at_the_edges(raw_dir, tmp_path, monkeypatch):
    """Target 0, a target that is not set, no innovation, no PATEN standard column, a staff file
    a survey where some respondents skipped an item."""
    data = tmp_path / "raw"
    shutil.copytree(raw_dir / "gedeg", data / "gedeg")
    targets = pd.read_csv(data / "gedeg" / "targets.csv", dtype=str, keep_default_na=False)
    ikm = (targets["indikator"] == "ikm") & (targets["tahun"] == "2023")
    targets.loc[ikm, "target"] = "0"
    targets = targets[~((targets["indikator"] == "jumlah_inovasi") & (targets["tahun"] == "2023"))]
    targets.to_csv(data / "gedeg" / "targets.csv", index=False)
    year = data / "gedeg" / "2023"
    (year / "inovasi.csv").write_text("nama,nomor_sk,tanggal_sk,status\n")
    paten = pd.read_csv(year / "paten_layanan.csv", dtype=str, keep_default_na=False)
    paten.drop(columns=["tidak_sesuai_standar"]).to_csv(year / "paten_layanan.csv", index=False)
    survey = pd.read_csv(year / "ikm_survei.csv", dtype=str, keep_default_na=False)
    survey.loc[:9, "u9"] = ""  # ten respondents skipped one item
    survey.to_csv(year / "ikm_survei.csv", index=False)
    shown = reader_texts(data, 2023, tmp_path, monkeypatch)
    text = " ".join(t for _, t in shown)
    assert "capaian tidak dapat dihitung (target 0)" in text and "target belum ditetapkan" in text
    assert raw_words(shown) == []
