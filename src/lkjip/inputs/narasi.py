"""The analyst's narrative file: ``data/raw/<unit>/<year>/narasi.md``, read into named sections.

The program never writes this file while making a report, so a rerun keeps
the analyst's edits; ``lkjip narasi`` (:mod:`lkjip.document.narasi_skeleton`) writes a
starting skeleton once and refuses to overwrite it. Format (simple on purpose, documented in
docs/data-contract.md):

- UTF-8 Markdown; ``<!-- ... -->`` comments are ignored;
- each section opens with a line ``## <key>``, the key one of
  :data:`NARASI_KEYS`; an unknown or repeated key is an error naming the
  file and line, and so is text before the first heading;
- a body holds paragraphs, ``- `` and ``1. `` lists, ``*italic*`` and
  ``**bold**``; HTML, tables, images and other headings are errors;
- an empty section is absent; a section holding the comment
  ``<!-- draf -->`` is a draft (the report keeps its draft mark).

>>> n = parse_narasi("<!-- catatan -->\\n## saran\\n\\nTingkatkan koordinasi.\\n\\n## kesimpulan\\n<!-- draf -->\\nBaik.\\n")
>>> dict(n), n.is_draft("kesimpulan"), n.is_draft("saran"), n.line("saran")
({'saran': 'Tingkatkan koordinasi.', 'kesimpulan': 'Baik.'}, True, False, 2)
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from pathlib import Path

from lkjip.errors import DataError, DataErrors, display_path
from lkjip.inputs.catalog import unit_dir
from lkjip.contract.rules import INDICATOR_IDS

FILE_NAME = "narasi.md"
DRAFT_COMMENT = "draf"

#: Named sections: key -> (where the report prints it, what it holds). Figures are computed by the
#: report, never written here.
NARASI_KEYS: dict[str, tuple[str, str]] = {
    "kata_pengantar": ("Kata Pengantar", "isi kata pengantar (tanpa blok tanda tangan)"),
    "ikhtisar_eksekutif": ("Ikhtisar Eksekutif", "paragraf pembuka; angka ringkasan tetap dihitung laporan"),
    "isu_strategis": ("Bab I E", "pengantar daftar isu strategis"),
    "isu_strategis.internal": ("Bab I E.1", "pengantar faktor internal (kekuatan, kelemahan)"),
    "isu_strategis.eksternal": ("Bab I E.2", "pengantar faktor eksternal (peluang, ancaman)"),
    "peta_proses_bisnis": ("Bab I G", "pengantar peta proses bisnis"),
    "ringkasan_hasil_evaluasi": ("Bab I H", "ringkasan hasil evaluasi"),
    "perubahan_pk": ("Bab II B", "penjelasan perubahan Perjanjian Kinerja"),
    "kemajuan_renstra": ("Bab III A.3", "faktor kemajuan terhadap target akhir Renstra"),
    **{f"faktor_keberhasilan.{i}": ("Bab III A.5", f"faktor penyebab keberhasilan indikator {i} (tanpa angka)")
       for i in INDICATOR_IDS},
    **{f"hambatan.{i}": ("Bab III A.5", f"hambatan indikator {i} dan upaya mengatasinya (tanpa angka)")
       for i in INDICATOR_IDS},
    "efisiensi_sumber_daya": ("Bab III A.6", "efisiensi dan sebab anggaran tidak terserap"),
    "program_pendukung": ("Bab III A.7", "program/kegiatan yang menunjang keberhasilan"),
    "kesimpulan": ("Bab IV A", "kesimpulan"),
    "saran": ("Bab IV B", "saran"),
}

#: The per-IKU sections of a unit's own IKU (``indikator.csv``): ``faktor_keberhasilan.<kode>`` and
#: ``hambatan.<kode>`` for any IKU code (letters, digits, ``_``; matched without case, as codes are).
_IKU_KEY = re.compile(r"^(faktor_keberhasilan|hambatan)\.[a-z0-9_]+$")
_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")


def own_iku_key(key: str) -> str:
    """A per-IKU key with its code in lower case (``hambatan.AKI`` is ``hambatan.aki``); others unchanged.

    >>> own_iku_key("hambatan.Angka_Kematian_Ibu"), own_iku_key("Kesimpulan")
    ('hambatan.angka_kematian_ibu', 'Kesimpulan')
    """
    head, dot, code = key.partition(".")
    return f"{head}.{code.lower()}" if dot and head in ("faktor_keberhasilan", "hambatan") else key
_HTML = re.compile(r"<\s*/?\s*[A-Za-z!][^>]*>")
_IMAGE = re.compile(r"!\[")


class Narasi(Mapping[str, str]):
    """The non-empty sections of a narrative file: key -> text as written (Markdown subset)."""

    def __init__(self, sections: dict[str, str] | None = None, lines: dict[str, int] | None = None,
                 drafts: set[str] | None = None, source: str | None = None) -> None:
        self._sections = dict(sections or {})
        self._lines = dict(lines or {})
        self.drafts = frozenset(drafts or ())
        #: the file as users know it (None when there was no file)
        self.source = source

    def __getitem__(self, key: str) -> str:
        return self._sections[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._sections)

    def __len__(self) -> int:
        return len(self._sections)

    def is_draft(self, key: str) -> bool:
        """True when the section still carries ``<!-- draf -->`` (text the package drafted, not yet approved)."""
        return key in self.drafts

    def line(self, key: str) -> int | None:
        """The line of the section's heading."""
        return self._lines.get(key)

    def __repr__(self) -> str:
        return f"Narasi({sorted(self._sections)}, draf={sorted(self.drafts)})"


def parse_narasi(text: str, source: str = FILE_NAME) -> Narasi:
    """Parse a narrative file's text; every broken rule is reported at once (file and line)."""
    errors: list[DataError] = []
    sections: dict[str, list[str]] = {}
    lines_of: dict[str, int] = {}
    drafts: set[str] = set()
    current: str | None = None
    started = False
    in_comment = False
    for number, raw in enumerate(text.splitlines(), start=1):
        line, comments, in_comment = _strip_comments(raw, in_comment)
        if current is not None and any(c.strip().lower() == DRAFT_COMMENT for c in comments):
            drafts.add(current)
        heading = _HEADING.match(line)
        if heading and len(heading.group(1)) == 2:
            started = True
            key = own_iku_key(heading.group(2))
            if key not in NARASI_KEYS and not _IKU_KEY.match(key):
                errors.append(DataError(source, number, None, f"kunci bagian tidak dikenal: '{key}'; kunci yang "
                                        "sah tercantum di kerangka (lkjip narasi) dan di docs/data-contract.md"))
                current = None
            elif key in sections:
                errors.append(DataError(source, number, None, f"bagian '{key}' sudah ada di baris {lines_of[key]}"))
                current = None
            else:
                current, sections[key], lines_of[key] = key, [], number
            continue
        problem = _body_problem(line, heading)
        if problem:
            errors.append(DataError(source, number, None, problem, line.strip()))
            continue
        if current is None:  # text under an unknown or repeated key is part of that error
            if line.strip() and not started:
                errors.append(DataError(source, number, None, "teks sebelum judul bagian pertama ('## <kunci>')",
                                        line.strip()))
                started = True  # one error for the whole preamble
            continue
        sections[current].append(line.rstrip())
    if in_comment:
        errors.append(DataError(source, None, None, "komentar '<!--' tidak ditutup dengan '-->'"))
    if errors:
        raise errors[0] if len(errors) == 1 else DataErrors(errors)
    texts = {k: "\n".join(v).strip() for k, v in sections.items()}
    kept = {k: t for k, t in texts.items() if t}
    return Narasi(kept, {k: lines_of[k] for k in kept}, {d for d in drafts if d in kept}, source)


def _strip_comments(line: str, in_comment: bool) -> tuple[str, list[str], bool]:
    """The line without ``<!-- -->`` parts, the comments' texts, and whether a comment stays open."""
    out, comments, rest = [], [], line
    while rest:
        if in_comment:
            end = rest.find("-->")
            if end < 0:
                comments.append(rest)
                return "".join(out), comments, True
            comments.append(rest[:end])
            rest, in_comment = rest[end + 3:], False
        else:
            start = rest.find("<!--")
            if start < 0:
                out.append(rest)
                break
            out.append(rest[:start])
            rest, in_comment = rest[start + 4:], True
    return "".join(out), comments, in_comment


def _body_problem(line: str, heading) -> str | None:
    text = line.strip()
    if heading:
        return "judul selain '## <kunci>' tidak diperbolehkan di narasi.md"
    if _HTML.search(text):
        return "HTML tidak diperbolehkan di narasi.md"
    if _IMAGE.search(text):
        return "gambar tidak diperbolehkan di narasi.md"
    if text.startswith("|"):
        return "tabel tidak diperbolehkan di narasi.md"
    return None


def narasi_path(data_dir: Path, unit: str, year: int) -> Path:
    return unit_dir(data_dir, unit) / str(int(year)) / FILE_NAME


def read_narasi(data_dir: Path, unit: str, year: int) -> Narasi:
    """The unit-year's narrative sections; an absent file is an empty :class:`Narasi`."""
    path = narasi_path(data_dir, unit, year)
    if not path.exists():
        return Narasi()
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise DataError(display_path(path), None, None, "narasi.md harus berenkode UTF-8") from None
    return parse_narasi(text, display_path(path))
