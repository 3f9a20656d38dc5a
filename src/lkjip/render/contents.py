"""The reader's way through a printed document: its Daftar Isi, Daftar Tabel and Daftar Gambar.

The entries are read back from the rendered HTML (headings with ids, numbered captions), so the lists
show exactly what the document holds; the PDF renderer fills in their page numbers.

>>> headings('<h1 id="bab-i">BAB I</h1><h3 id="x">kecil</h3>', (1, 2))
[(1, 'bab-i', 'BAB I')]
>>> caption_entries('<p class="lkjip-caption" id="t1" data-kind="tabel" data-label="Tabel 1.1" data-title="Pegawai"></p>')
[('tabel', 't1', 'Tabel 1.1 Pegawai')]
"""

from __future__ import annotations

from html.parser import HTMLParser

from lkjip.contract.pages import render


class _Headings(HTMLParser):
    """Collects (level, id, text) of the headings of the levels asked for.

    nbconvert gives every Markdown heading an id; a heading without one
    cannot be linked and stays out of the table of contents.
    """

    def __init__(self, levels: tuple[int, ...]):
        super().__init__(convert_charrefs=True)
        self.levels, self.entries = levels, []
        self._open: tuple[int, str | None] | None = None
        self._text: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if len(tag) == 2 and tag[0] == "h" and tag[1] in "123456" and self._open is None:
            self._open, self._text = (int(tag[1]), attrs.get("id")), []
        elif self._open is not None and tag == "a" and "anchor-link" in (attrs.get("class") or "").split():
            self._skip += 1

    def handle_endtag(self, tag):
        if self._skip and tag == "a":
            self._skip -= 1
        elif self._open is not None and tag == f"h{self._open[0]}":
            level, hid = self._open
            text = "".join(self._text).strip()
            if level in self.levels and hid and text:
                self.entries.append((level, hid, text))
            self._open = None

    def handle_data(self, data):
        if self._open is not None and not self._skip:
            self._text.append(data)


def headings(body: str, levels: tuple[int, ...]) -> list[tuple[int, str, str]]:
    parser = _Headings(levels)
    parser.feed(body)
    parser.close()
    return parser.entries


def toc_html(entries: list[tuple[int, str, str]]) -> str:
    return render("cetak_daftar_isi.html.j2", entries=entries).rstrip("\n")


class _Captions(HTMLParser):
    """Collects the numbered captions (``p.lkjip-caption`` with ``data-kind``) as (kind, id, text).

    :func:`lkjip.render.notebook.caption_html` writes them; the text is ``label`` and ``title``.
    """

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.entries: list[tuple[str, str, str]] = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "p" and "lkjip-caption" in (a.get("class") or "").split() and a.get("data-kind") and a.get("id"):
            self.entries.append((a["data-kind"], a["id"], f"{a.get('data-label', '')} {a.get('data-title', '')}".strip()))


def caption_entries(body: str) -> list[tuple[str, str, str]]:
    """(kind, id, text) of every numbered caption of ``body``, in order (``kind``: tabel/gambar)."""
    parser = _Captions()
    parser.feed(body)
    parser.close()
    return parser.entries


def lists_html(entries: list[tuple[str, str, str]]) -> str:
    """Daftar Tabel and Daftar Gambar (only those that have entries), each a ``nav`` with page numbers."""
    out = []
    for kind, title in (("tabel", "Daftar Tabel"), ("gambar", "Daftar Gambar")):
        items = [(hid, text) for k, hid, text in entries if k == kind]
        if items:
            out.append(render("cetak_daftar.html.j2", kind=kind, title=title, entries=items).rstrip("\n"))
    return "\n".join(out)
