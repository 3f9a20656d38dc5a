"""The validation report: one self-contained HTML page in Bahasa Indonesia for auditors.

Inline CSS only: no script, no external stylesheet, font or image, so the
page opens offline and can be archived with the run. (GX Data Docs are not
used: they fetch assets from a CDN.)
"""

from __future__ import annotations

from html import escape
from pathlib import Path
from typing import TYPE_CHECKING

from lkjip.schema import DATASETS

if TYPE_CHECKING:  # pragma: no cover
    from lkjip.validation.results import Finding, ValidationResult

CSS = """
body{font-family:"DejaVu Sans",Arial,Helvetica,sans-serif;font-size:14px;color:#1b1b1b;margin:2em auto;max-width:1200px;padding:0 1em;line-height:1.4}
h1{font-size:1.5em;margin-bottom:.2em}h2{font-size:1.2em;margin-top:2em;border-bottom:2px solid #2c5f8a;padding-bottom:.2em}
p.sub{color:#555;margin-top:0}
table{border-collapse:collapse;width:100%;margin:.6em 0}
th,td{border:1px solid #c8c8c8;padding:4px 6px;vertical-align:top;text-align:left}
th{background:#eef3f7}
td.n{text-align:right;white-space:nowrap}
table.ringkas{width:auto}
.lulus{color:#1f6f2e;font-weight:bold}.gagal{color:#a31515;font-weight:bold}.dilewati{color:#777}
tr.gagal-error td{background:#fdecec}tr.gagal-peringatan td{background:#fff6dc}
.verdict{padding:.6em 1em;border-radius:4px;font-weight:bold;display:inline-block}
.verdict.ok{background:#e6f4ea;color:#1f6f2e}.verdict.bad{background:#fdecec;color:#a31515}
small{color:#555}code{font-size:.95em}
@media print{body{margin:0;max-width:none}tr{page-break-inside:avoid}}
"""

SEVERITY_LABEL = {"error": "error", "peringatan": "peringatan"}


def _e(value: object) -> str:
    return escape("" if value is None else str(value))


def _row(f: "Finding", number: int) -> str:
    cls = f"gagal-{f.severity}" if f.failed else ""
    detail = f"<br><small>{_e(f.detail)}</small>" if f.detail else ""
    return (
        f'<tr class="{cls}"><td class="n">{number}</td><td>{_e(f.rule)}{detail}</td>'
        f"<td><code>{_e(f.column or '')}</code></td><td>{_e(SEVERITY_LABEL.get(f.severity, f.severity))}</td>"
        f'<td class="{f.status}">{_e(f.status)}</td><td>{_e(f.rows_text(limit=50))}</td>'
        f"<td>{_e(', '.join(f.values))}</td></tr>"
    )


def render_validation_report(result: "ValidationResult", unit_name: str, year: int) -> str:
    """The HTML text of the report."""
    s = result.summary()
    if result.ok:
        verdict = '<span class="verdict ok">Tidak ada error: data tahun ini dapat diproses.</span>'
    else:
        verdict = ('<span class="verdict bad">Ada error: laporan tahun ini tidak dibuat sampai data '
                   "diperbaiki.</span>")
    counts = [
        ("Aturan diperiksa", s["aturan"]),
        ("Lulus", s["lulus"]),
        ("Gagal (error)", s["error"]),
        ("Gagal (peringatan)", s["peringatan"]),
        ("Dilewati (kolom tidak ada)", s["dilewati"]),
        ("Baris dengan error", s["baris_error"]),
    ]
    parts = [
        "<!DOCTYPE html>",
        '<html lang="id"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>Hasil Validasi Data {_e(unit_name)} Tahun {int(year)}</title>",
        f"<style>{CSS}</style></head><body>",
        f"<h1>Hasil Validasi Data {_e(unit_name)} Tahun {int(year)}</h1>",
        '<p class="sub">Setiap berkas data diperiksa dengan aturan tertulis (Great Expectations). '
        "Nomor baris mengikuti penomoran lembar kerja (baris 1 = judul kolom).</p>",
        f"<p>{verdict}</p>",
        '<table class="ringkas"><tbody>',
        *(f'<tr><th>{_e(k)}</th><td class="n">{v}</td></tr>' for k, v in counts),
        "</tbody></table>",
        "<p><small><b>error</b>: data harus diperbaiki sebelum laporan dibuat. "
        "<b>peringatan</b>: dicatat dalam laporan, misalnya angka JUMLAH yang tercetak berbeda dari jumlah "
        "baris-barisnya; data mentah tidak diubah.</small></p>",
    ]
    for name in result.datasets():
        findings = [f for f in result.findings if f.dataset == name]
        title = DATASETS[name].title if name in DATASETS else name
        files = sorted({f.file for f in findings})
        n_err = sum(f.failed and f.severity == "error" for f in findings)
        n_warn = sum(f.failed and f.severity == "peringatan" for f in findings)
        parts += [
            f"<h2>{_e(title)}</h2>",
            f"<p class=\"sub\">Berkas: <code>{_e(', '.join(files))}</code> · {len(findings)} aturan · "
            f"{n_err} error · {n_warn} peringatan</p>",
            "<table><thead><tr><th>No</th><th>Aturan</th><th>Kolom</th><th>Tingkat</th><th>Status</th>"
            "<th>Baris</th><th>Contoh nilai</th></tr></thead><tbody>",
            *(_row(f, k) for k, f in enumerate(findings, 1)),
            "</tbody></table>",
        ]
    parts.append("</body></html>")
    return "\n".join(parts) + "\n"


def write_validation_report(result: "ValidationResult", path: Path, unit_name: str, year: int) -> Path:
    """Write :func:`render_validation_report` to ``path`` (parents created) and return it."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(render_validation_report(result, unit_name, year), encoding="utf-8")
    return path
