"""Data are never markup (issue 11): md_text alone, the safe renderer alone, csv_cell, the PDF fetcher.

Each line of defence is tested on its own with hostile strings: ``md_text``
must be enough even for nbconvert's default (unsafe) Markdown renderer, and
the renderer used for exports must be enough even for a string nobody escaped.
"""

from __future__ import annotations

from html.parser import HTMLParser

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lkjip.contract.markup import FORMULA_START, csv_cell, md_text

HOSTILE = (
    "<img src=x onerror=alert(1)>",
    "<svg onload=alert(2)>",
    "<iframe src=javascript:alert(3)></iframe>",
    '<a rel="attachment" href="file:///etc/passwd">lampiran</a>',
    "[klik](javascript:alert(5))",
    "![gambar](file:///etc/passwd)",
    "=HYPERLINK(\"http://contoh.invalid\",\"x\")",
    "# Judul palsu",
    "- butir palsu",
    "1. daftar palsu",
    "| a | b |",
    "http://contoh.invalid/jebakan",
    "<script>alert(6)</script>",
    "`kode` **tebal** _miring_ ~~coret~~ $x^2$",
    "&lt;img src=x onerror=alert(7)&gt;",
)

#: Markdown-ish and HTML-ish building blocks, mixed with any text.
_PIECES = st.sampled_from(["<", ">", "&", "[", "](", ")", "!", "*", "_", "`", "#", "-", "+", "=", ":", "//",
                           "|", "~", "$", "\\", "\n", " ", "1.", "http://x", "javascript:", "<img src=x onerror=y>",
                           "<a href='file:///etc/passwd'>", "&lt;", "&#60;", "www.x.id", "<!--", "-->", "'", '"'])
HOSTILE_TEXT = st.lists(st.one_of(_PIECES, st.text(max_size=6)), max_size=25).map("".join)


class _Elements(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags, self.text = [], []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_startendtag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data):
        self.text.append(data)


def _parse(html: str) -> _Elements:
    parser = _Elements()
    parser.feed(html)
    parser.close()
    return parser


def _default_nbconvert_markdown(source: str) -> str:
    """nbconvert's own renderer as nbconvert configures it: raw HTML passes, every link scheme too."""
    from nbconvert.filters.markdown_mistune import IPythonRenderer, MarkdownWithMath

    return MarkdownWithMath(renderer=IPythonRenderer(escape=False, allow_harmful_protocols=True)).render(source)


def _safe_markdown(source: str) -> str:
    """The renderer the exports use (lkjip.render.export), through a real notebook conversion."""
    import nbformat

    from lkjip.render.export import notebook_to_html

    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell("x", outputs=[nbformat.v4.new_output(
        "display_data", data={"text/markdown": source, "text/plain": "x"})])]
    html = notebook_to_html(nb, include_code=False, title="uji")
    return html[html.index('data-mime-type="text/markdown"'):]


@pytest.mark.parametrize("text", HOSTILE)
def test_md_text_alone_keeps_hostile_text_literal_even_for_the_default_renderer(text):
    sentence = f"Inovasi {md_text(text)} (SK {md_text(text)})."
    found = _parse(_default_nbconvert_markdown(sentence))
    assert [t for t, _ in found.tags] == ["p"]  # one paragraph, no element from the data
    shown = " ".join("".join(found.text).split())
    collapsed = " ".join(text.split())
    assert shown == f"Inovasi {collapsed} (SK {collapsed})."


@pytest.mark.parametrize("text", HOSTILE + ("Tetap semangat & tingkatkan kinerja", "a < b > c", "AT&T &amp;"))
def test_md_text_through_the_export_renderer_prints_the_text_itself(text):
    # both lines of defence together: an ampersand in the data prints as "&", never as "&amp;"
    html = _safe_markdown(f"Inovasi {md_text(text)}.")
    found = _parse(html[html.index(">") + 1:])  # from inside the output's <div>
    assert [t for t, _ in found.tags if t != "div"] == ["p"]
    assert " ".join("".join(found.text).split()) == f"Inovasi {' '.join(text.split())}."


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(HOSTILE_TEXT)
def test_md_text_makes_any_text_literal(text):
    found = _parse(_default_nbconvert_markdown("- " + md_text(text)))
    tags = [t for t, _ in found.tags]
    assert set(tags) <= {"ul", "li"}, (text, tags)
    assert all(not attrs for _, attrs in found.tags)
    assert " ".join("".join(found.text).split()) == " ".join(text.split())


@pytest.mark.parametrize("text", HOSTILE)
def test_the_export_renderer_alone_never_lets_markup_through(text):
    # no md_text here: the renderer is the second line of defence
    found = _parse(_safe_markdown(f"Nama: {text}\n\n{text}"))
    for tag, attrs in found.tags:
        assert tag not in ("img", "svg", "iframe", "script", "object", "embed"), (tag, attrs)
        assert not any(a.startswith("on") for a in attrs), attrs
        for key in ("href", "src"):
            value = (attrs.get(key) or "").strip().lower()
            assert not value.startswith(("javascript:", "file:", "vbscript:", "data:")), attrs
        assert attrs.get("rel") != "attachment"


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(HOSTILE_TEXT)
def test_the_export_renderer_escapes_raw_html_of_any_text(text):
    found = _parse(_safe_markdown(text))
    allowed = {"div", "p", "em", "strong", "code", "pre", "ul", "ol", "li", "a", "h1", "h2", "h3", "h4", "h5",
               "h6", "hr", "blockquote", "del", "table", "thead", "tbody", "tr", "th", "td", "br", "dl", "dt", "dd",
               "input", "span"}
    for tag, attrs in found.tags:
        assert tag in allowed, (text, tag)
        assert not any(a.startswith("on") for a in attrs), (text, attrs)
        href = (attrs.get("href") or "").lower()
        assert not href.startswith(("javascript:", "file:", "vbscript:")), (text, attrs)


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_csv_cell_never_starts_a_formula(text):
    out = csv_cell(text)
    assert not out.startswith(FORMULA_START)
    assert out in (text, "'" + text)


def test_csv_cell_leaves_numbers_and_plain_text():
    import pandas as pd

    frame = pd.DataFrame({"item": ["=HYPERLINK(\"http://x\")", "+62 81", "-2 layanan", "@SUM(A1)", "Pindah Datang"],
                          "selisih": ["-40", "-40", "3", "0", "1.5"]})
    assert [csv_cell(v) for v in frame["item"]] == ["'=HYPERLINK(\"http://x\")", "'+62 81", "'-2 layanan", "'@SUM(A1)",
                                                    "Pindah Datang"]
    assert [csv_cell(float(v)) for v in frame["selisih"]] == [-40.0, -40.0, 3.0, 0.0, 1.5]  # numbers untouched


# --------------------------------------------------------------------------- the PDF's fetcher


def test_the_fetcher_serves_assets_and_data_images_and_refuses_the_rest(tmp_path):
    from lkjip.render.export import ASSETS, package_fetcher

    fetcher = package_fetcher()
    css = fetcher.fetch((ASSETS / "lkjip.css").as_uri())
    assert b"LKjIP" in css.read()
    png = "data:image/png;base64,iVBORw0KGgo="
    assert fetcher.fetch(png).read().startswith(b"\x89PNG")
    for url in ("file:///etc/passwd", (tmp_path / "x").as_uri(), "http://127.0.0.1:9/", "https://contoh.invalid/",
                "ftp://contoh.invalid/x", "data:text/plain;base64,eA==", f"{ASSETS.as_uri()}/../../../pyproject.toml"):
        with pytest.raises(ValueError, match="ditolak"):
            fetcher.fetch(url)
    assert len(fetcher.refused) == 7
