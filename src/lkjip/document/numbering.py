"""Numbers of the LKjIP's tables and figures, as the published LKjIP numbers them.

Tables are ``Tabel x.y`` (``Tabel 3.1.1`` in Bab III, numbered per section: A is 3.1, B is
3.2, C is 3.3), figures ``Gambar x.y`` numbered per chapter (charts are figures too), the
appendix's tables ``Tabel L.y``. Numbers are given in the order the notebook shows the
captions, so a section left out (its data absent) leaves no gap in the sequence.

Every caption has an ``id`` (``tabel-3-1-1``, ``gambar-3-2``): the PDF's Daftar Tabel and
Daftar Gambar link to it and print its page (:mod:`lkjip.render.export`).

>>> n = Numbering()
>>> str(n.tabel("3.1", "Pencapaian Kinerja")), n.tabel("3.1", "Perbandingan").id
('Tabel 3.1.1 Pencapaian Kinerja', 'tabel-3-1-2')
>>> str(n.gambar("3", "Tren")), str(n.gambar("3", "IKM per unsur")), str(n.tabel("L", "Berita Acara"))
('Gambar 3.1 Tren', 'Gambar 3.2 IKM per unsur', 'Tabel L.1 Berita Acara')
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass


@dataclass(frozen=True)
class Caption:
    """A numbered caption: ``kind`` (``Tabel``/``Gambar``), ``number`` (``3.1.1``), ``title``."""

    kind: str
    number: str
    title: str

    @property
    def label(self) -> str:
        return f"{self.kind} {self.number}"

    @property
    def id(self) -> str:
        return f"{self.kind.lower()}-{self.number.replace('.', '-').lower()}"

    def __str__(self) -> str:
        return f"{self.label} {self.title}"


class Numbering:
    """Hands out the next number of a table or figure in a section or chapter."""

    def __init__(self) -> None:
        self._count: dict[tuple[str, str], int] = defaultdict(int)
        self.captions: list[Caption] = []

    def _next(self, kind: str, prefix: str, title: str) -> Caption:
        self._count[(kind, prefix)] += 1
        cap = Caption(kind, f"{prefix}.{self._count[(kind, prefix)]}", title)
        self.captions.append(cap)
        return cap

    def tabel(self, section: str, title: str) -> Caption:
        """The next table of ``section`` (``"1"``, ``"2"``, ``"3.1"``, ``"3.2"``, ``"L"``)."""
        return self._next("Tabel", section, title)

    def gambar(self, chapter: str, title: str) -> Caption:
        """The next figure of ``chapter`` (``"1"``, ``"3"``, ...)."""
        return self._next("Gambar", chapter, title)


class Sections:
    """Lettered section headings (``## A. Struktur Organisasi``) that skip a section left out.

    A section whose input is absent is printed in a draft (with the line naming the missing file)
    and left out of the final version; the letters of the sections that remain run on without a gap.

    >>> s = Sections()
    >>> s.bagian("Struktur Organisasi"), s.bagian("Sarana", shown=False), s.bagian("Tugas Pokok dan Fungsi")
    ('## A. Struktur Organisasi', '', '## B. Tugas Pokok dan Fungsi')
    >>> s.bab(), s.bagian("Rencana Strategis")
    (None, '## A. Rencana Strategis')
    >>> s.lampiran("Berita Acara"), s.lampiran("Prestasi", shown=False), s.lampiran("Pemeriksaan Data")
    ('## Lampiran 1. Berita Acara', '', '## Lampiran 2. Pemeriksaan Data')
    """

    def __init__(self) -> None:
        self._letter = 0
        self._lampiran = 0

    def bab(self) -> None:
        """A new chapter: letters start again at A."""
        self._letter = 0

    def bagian(self, title: str, shown: bool = True) -> str:
        if not shown:
            return ""
        self._letter += 1
        return f"## {chr(64 + self._letter)}. {title}"

    def lampiran(self, title: str, shown: bool = True) -> str:
        if not shown:
            return ""
        self._lampiran += 1
        return f"## Lampiran {self._lampiran}. {title}"
