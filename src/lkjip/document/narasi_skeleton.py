"""A starting ``narasi.md``: every section heading, and the package's draft where it can write one.

Kept apart from :mod:`lkjip.inputs.narasi` (which the narrative reads) because the
drafts come from :mod:`lkjip.document.narrative`. :func:`write_skeleton` never
overwrites a file: the analyst's edits are the point of the file.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from lkjip.contract.rules import INDICATOR_IDS
from lkjip.indicators.declared import default_declaration, in_force, read_declaration
from lkjip.errors import ConfigError, display_path
from lkjip.inputs.narasi import DRAFT_COMMENT, NARASI_KEYS, narasi_path, parse_narasi
from lkjip.document import build_report, narrative
from lkjip.inputs.files import write_text_atomic
from lkjip.inputs.unit import load_unit

#: Sections the package can draft: key -> name of the :mod:`lkjip.document.narrative` function (takes a ReportData).
DRAFTERS = {"efisiensi_sumber_daya": "efisiensi", "kesimpulan": "kesimpulan", "saran": "saran"}


def section_keys(iku=None) -> dict[str, tuple[str, str]]:
    """The sections of a narasi.md: :data:`NARASI_KEYS`, with the per-IKU sections of ``iku`` (the unit's
    declared IKU of the year, :mod:`lkjip.indicators.declared`) in place of the seven kecamatan IKU's."""
    if iku is None:
        return dict(NARASI_KEYS)
    per_iku = ("faktor_keberhasilan.", "hambatan.")
    out: dict[str, tuple[str, str]] = {}
    for key, value in NARASI_KEYS.items():
        if key.startswith(per_iku):
            if key == f"{per_iku[0]}{INDICATOR_IDS[0]}":  # where the per-IKU sections stand
                out.update({f"faktor_keberhasilan.{i.kode}": (
                    "Bab III A.5", f"faktor penyebab keberhasilan indikator {i.nama} (tanpa angka)") for i in iku})
                out.update({f"hambatan.{i.kode}": (
                    "Bab III A.5", f"hambatan indikator {i.nama} dan upaya mengatasinya (tanpa angka)") for i in iku})
            continue
        out[key] = value
    return out


def skeleton(unit_name: str, year: int, drafts: Mapping[str, str] | None = None, iku=None) -> str:
    """A starting narasi.md: every section heading (the per-IKU ones for ``iku`` when given), the drafted
    text where there is one (marked draft)."""
    drafts = drafts or {}
    parts = [
        "<!--",
        f"narasi.md: teks LKjIP {unit_name} tahun {year} yang ditulis dan disunting analis.",
        "Program tidak menulis ulang berkas ini; menjalankan ulang laporan tidak mengubahnya.",
        "- Setiap bagian dibuka dengan baris '## <kunci>'. Jangan mengubah kuncinya.",
        "- Isi: paragraf (dipisah baris kosong), daftar '- ' atau '1. ', *miring*, **tebal**.",
        "  Tanpa HTML, tabel atau gambar.",
        "- Angka capaian, target, realisasi dan anggaran dihitung laporan; jangan menulisnya di sini.",
        "- Bagian kosong tidak dicetak (laporan memakai drafnya sendiri atau menyebut bagian ini).",
        f"- Bagian yang diawali komentar '{DRAFT_COMMENT}' adalah draf dari paket: periksa, sunting, lalu",
        "  hapus komentar itu. Selama komentar itu ada, laporan tetap menandai bagian itu sebagai draf.",
        "-->",
        "",
    ]
    for key, (place, what) in section_keys(iku).items():
        parts += [f"<!-- {place}: {what} -->", f"## {key}", ""]
        text = (drafts.get(key) or "").strip()
        if text:
            parts += [f"<!-- {DRAFT_COMMENT} -->", text, ""]
    return "\n".join(parts).rstrip() + "\n"


def drafted_sections(rep) -> dict[str, str]:
    """The sections the package can draft for a ReportData (:data:`DRAFTERS`), without their draft banner."""
    mark = getattr(narrative, "DRAFT_MARK", None) or getattr(getattr(narrative, "common", None), "DRAFT_MARK", "")
    out = {}
    for key, name in DRAFTERS.items():
        draft = getattr(narrative, name, None)
        if draft is None:
            continue
        lines = [ln for ln in str(draft(rep)).splitlines() if not (mark and mark in ln and ln.startswith(">"))]
        text = "\n".join(lines).strip()
        if text:
            out[key] = text
    return out


def write_skeleton(data_dir: Path, unit: str, year: int, out: Path | None = None, *, drafts: bool = True) -> Path:
    """Write the starting narasi.md (default: in the unit-year's folder); never overwrites a file."""
    target = Path(out) if out else narasi_path(data_dir, unit, year)
    if target.exists():
        raise ConfigError(f"{display_path(target)} sudah ada dan tidak ditimpa: suntingan analis di dalamnya "
                          "dipertahankan. Hapus atau pindahkan berkas itu bila ingin kerangka baru, atau pakai --out.")
    info = load_unit(data_dir, unit)
    texts = {}
    if drafts:
        texts = drafted_sections(build_report(data_dir, unit, int(year)))
    declared = in_force(read_declaration(data_dir, unit), int(year))
    text = skeleton(info.nama, int(year), texts, None if declared == default_declaration() else declared)
    parse_narasi(text, display_path(target))  # what we write must read back
    target.parent.mkdir(parents=True, exist_ok=True)
    write_text_atomic(target, text)
    return target
