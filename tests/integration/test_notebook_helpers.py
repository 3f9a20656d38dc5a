"""lkjip.render.notebook: tables that stay frames, and hand runs that never publish."""

from __future__ import annotations

import re

import pandas as pd
import pytest

from lkjip.render import notebook as nb
from lkjip.errors import ConfigError


@pytest.fixture
def root(tmp_path, monkeypatch):
    """A project root of its own, so that default folders are the test's."""
    monkeypatch.setenv("LKJIP_ROOT", str(tmp_path))
    return tmp_path


def test_table_keeps_the_frame_and_renders_it_as_documents_do():
    frame = pd.DataFrame({"Uraian": ["<b>x</b>"], "Pagu": [2720088927.0], "Persen": [94.366]})
    table = nb.Table(frame, "Tabel 1 <Anggaran>", source="lra")
    assert table.frame is frame
    html = table._repr_html_()
    # one block (caption above, source below) that the print CSS keeps together at its head
    assert html.startswith('<div class="lkjip-blok lkjip-blok-tabel">') and html.endswith("</div>")
    html = html[len('<div class="lkjip-blok lkjip-blok-tabel">\n'):-len("\n</div>")]
    assert html.startswith('<p class="lkjip-caption"><strong>Tabel 1 &lt;Anggaran&gt;</strong></p>')
    assert "<td>&lt;b&gt;x&lt;/b&gt;</td>" in html
    assert '<td class="num">2.720.088.927</td>' in html and '<td class="num">94,37</td>' in html
    assert html.endswith('<p class="lkjip-source"><em>Sumber: lra</em></p>')
    assert repr(table).splitlines()[0] == "Tabel 1 <Anggaran>"  # no memory address: stable bytes


def test_an_empty_table_shows_its_sentence_or_nothing():
    assert nb.Table(None, "x", empty="Tidak ada <data>.")._repr_html_() == "<p>Tidak ada &lt;data&gt;.</p>"
    assert nb.Table(pd.DataFrame({"a": []}), "x")._repr_html_() == ""
    assert repr(nb.Table(None, "Judul")) == "Judul\n"


def test_show_displays_each_kind_as_the_report_prints_it_and_nothing_for_what_is_absent(monkeypatch):
    import IPython.display
    from markupsafe import Markup

    shown = []
    monkeypatch.setattr(IPython.display, "display", lambda *objs, **kw: shown.extend(objs))
    frame = pd.DataFrame({"Uraian": ["x"], "Pagu": [1.0]})
    nb.show(frame, "Tabel 1", source="lra")
    (table,) = shown
    assert isinstance(table, nb.Table) and table.frame is frame and table.source == "lra"
    assert table._repr_html_() == nb.Table(frame, "Tabel 1", source="lra")._repr_html_()
    shown.clear()
    nb.show("**teks**")
    nb.show(Markup("<div>blok</div>"))
    assert [type(o).__name__ for o in shown] == ["Markdown", "HTML"]
    assert (shown[0].data, shown[1].data) == ("**teks**", "<div>blok</div>")
    shown.clear()
    # an absent section: no output at all (not an empty block in the HTML and the PDF)
    for absent in (None, pd.DataFrame({"a": []}), "", " \n", Markup("")):
        nb.show(absent, "Judul")
    assert shown == []
    nb.show(None, "Judul", empty="Tidak ada <data>.")
    nb.show(pd.DataFrame({"a": []}), "Judul", empty="Tidak ada data.")
    assert [o._repr_html_() for o in shown] == ["<p>Tidak ada &lt;data&gt;.</p>", "<p>Tidak ada data.</p>"]


def test_folded_content_and_the_toc_placeholder_are_html_for_show():
    from markupsafe import Markup

    from lkjip.render.export import TOC_PLACEHOLDER

    folded = nb.folded(nb.Table(pd.DataFrame({"a": [1]}), "Aturan"), "1 aturan <klik>")
    assert isinstance(folded, Markup) and "<summary>1 aturan &lt;klik&gt;</summary>" in folded
    assert isinstance(nb.toc_placeholder(), Markup) and nb.toc_placeholder() == TOC_PLACEHOLDER


def test_a_hand_run_writes_to_the_scratch_folders_and_says_so(root):
    ctx = nb.setup("gedeg", 2022)
    assert ctx.lab
    assert ctx.processed_dir == root / "data" / "processed" / "_lab"
    assert ctx.report_dir == root / "reports" / "_lab" / "gedeg" / "2022" and ctx.report_dir.is_dir()
    assert ctx.data_dir == root / "data" / "raw"
    notice = ctx.lab_notice()
    assert notice.startswith("**Dijalankan manual, bukan oleh `lkjip run`.**")
    assert "reports/\\_lab/gedeg/2022" in notice and "reports/gedeg/2022" in notice
    assert not (root / "reports" / "gedeg").exists()


def test_the_pipelines_staging_folders_are_used_as_given(root):
    stage = root / "reports" / "gedeg" / ".2022-staging"
    ctx = nb.setup("gedeg", 2022, processed_dir=stage / "processed", report_dir=stage / "report")
    assert not ctx.lab and ctx.lab_notice() == ""
    assert ctx.processed_dir == stage / "processed" and ctx.report_dir == stage / "report"


def test_a_published_folder_is_never_a_hand_runs_target(root):
    with pytest.raises(ConfigError, match="processed_dir menunjuk ke folder terbitan data/processed/gedeg/2022"):
        nb.setup("gedeg", 2022, processed_dir=root / "data" / "processed", report_dir=root / "x")
    with pytest.raises(ConfigError, match="report_dir menunjuk ke folder terbitan reports/gedeg/2022"):
        nb.setup("gedeg", 2022, processed_dir=root / "x", report_dir=root / "reports" / "gedeg" / "2022")
    published = root / "elsewhere" / "gedeg" / "2022"  # published by `lkjip run --reports-dir elsewhere`
    published.mkdir(parents=True)
    (published / "run.json").write_text("{}")
    with pytest.raises(ConfigError, match="report_dir menunjuk ke folder terbitan"):
        nb.setup("gedeg", 2022, processed_dir=root / "x", report_dir=published)


def test_the_kabupaten_notebook_follows_the_same_rule(root):
    ctx = nb.setup_kabupaten(2023, "synth02, synth01,")
    assert ctx.lab and ctx.units == ["synth01", "synth02"]
    assert ctx.processed_dir == root / "data" / "processed"  # read, never written
    assert ctx.output_dir == root / "data" / "processed" / "_lab" / "_kabupaten" / "2023"
    assert ctx.report_dir == root / "reports" / "_lab" / "_kabupaten" / "2023"
    assert "lkjip kabupaten \\-\\-year 2023" in ctx.lab_notice()
    assert nb.setup_kabupaten(2023).units is None
    with pytest.raises(ConfigError, match="output_dir menunjuk ke folder terbitan"):
        nb.setup_kabupaten(2023, output_dir=root / "data" / "processed" / "_kabupaten" / "2023",
                           report_dir=root / "r")
    with pytest.raises(ConfigError, match="report_dir menunjuk ke folder terbitan"):
        nb.setup_kabupaten(2023, output_dir=root / "o", report_dir=root / "reports" / "_kabupaten" / "2023")


def test_a_figure_with_a_plain_caption_has_that_caption_as_alt_text_and_the_same_bytes_each_time():
    """A str caption once gave alt="<built-in method title of str object at 0x...>": a memory
    address in the published HTML, different on every run."""
    from matplotlib.figure import Figure as MplFigure

    from lkjip.document.numbering import Caption

    fig = MplFigure(figsize=(2, 1))
    fig.add_subplot().plot([0, 1], [0, 1])
    html = nb.Figure(fig, "Capaian <IKU> per tahun")._repr_html_()
    assert 'alt="Capaian &lt;IKU&gt; per tahun"' in html and "built-in method" not in html
    again = nb.Figure(fig, "Capaian <IKU> per tahun")._repr_html_()
    assert re.findall(r'alt="[^"]*"', again) == re.findall(r'alt="[^"]*"', html) == ['alt="Capaian &lt;IKU&gt; per tahun"']
    numbered = nb.Figure(fig, Caption("Gambar", "3.1", "Nilai IKM"))._repr_html_()
    assert 'alt="Nilai IKM"' in numbered
    assert 'alt="Gambar"' in nb.Figure(fig)._repr_html_()
