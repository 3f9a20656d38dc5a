"""A starting ``narasi.md``: every section heading, and the package's draft where it can write one.

Kept apart from :mod:`lkjip.inputs.narasi` (which the narrative reads) because the
drafts come from :mod:`lkjip.document.narrative`. :func:`write_skeleton` never
overwrites a file: the analyst's edits are the point of the file.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from lkjip.errors import ConfigError, display_path
from lkjip.inputs.narasi import DRAFT_COMMENT, NARASI_KEYS, narasi_path, parse_narasi

#: Sections the package can draft: key -> name of the :mod:`lkjip.document.narrative` function (takes a ReportData).
DRAFTERS = {"efisiensi_sumber_daya": "efisiensi", "kesimpulan": "kesimpulan", "saran": "saran"}


def skeleton(unit_name: str, year: int, drafts: Mapping[str, str] | None = None) -> str:
    """A starting narasi.md: every section heading, the drafted text where there is one (marked draft)."""
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
    for key, (place, what) in NARASI_KEYS.items():
        parts += [f"<!-- {place}: {what} -->", f"## {key}", ""]
        text = (drafts.get(key) or "").strip()
        if text:
            parts += [f"<!-- {DRAFT_COMMENT} -->", text, ""]
    return "\n".join(parts).rstrip() + "\n"


def drafted_sections(rep) -> dict[str, str]:
    """The sections the package can draft for a ReportData (:data:`DRAFTERS`), without their draft banner."""
    from lkjip.document import narrative

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
    from lkjip.inputs.files import write_text_atomic
    from lkjip.inputs.unit import load_unit

    target = Path(out) if out else narasi_path(data_dir, unit, year)
    if target.exists():
        raise ConfigError(f"{display_path(target)} sudah ada dan tidak ditimpa: suntingan analis di dalamnya "
                          "dipertahankan. Hapus atau pindahkan berkas itu bila ingin kerangka baru, atau pakai --out.")
    info = load_unit(data_dir, unit)
    texts = {}
    if drafts:
        from lkjip.document import build_report

        texts = drafted_sections(build_report(data_dir, unit, int(year)))
    text = skeleton(info.nama, int(year), texts)
    parse_narasi(text, display_path(target))  # what we write must read back
    target.parent.mkdir(parents=True, exist_ok=True)
    write_text_atomic(target, text)
    return target
