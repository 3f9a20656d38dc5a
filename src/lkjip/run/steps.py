"""What each notebook does, as functions: load a unit-year, validate, compute.

Notebooks call these so that a document cell is one readable line and every
figure it shows comes from tested code. The same functions serve the CLI
(``lkjip validate``) so that the command and the report cannot disagree.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from lkjip.audit import audit_unit_year
from lkjip.contract.markup import md_text
from lkjip.errors import DataErrors
from lkjip.indicators.csv_output import indicators_csv_path, write_indicators_csv
from lkjip.indicators.declared import BUILTIN_CALCULATIONS, read_declaration
from lkjip.indicators.iku import compute_all
from lkjip.indicators.official import OFFICIAL_FILE, official_figures
from lkjip.indicators.targets import CAPAIAN_UNDEFINED
from lkjip.inputs.catalog import processed_year_dir, project_root
from lkjip.inputs.year import YearInputs, load_inputs, source_name  # noqa: F401  (the notebooks' steps)
from lkjip.validation import gx_project, validate_year, write_validation_report
from lkjip.validation.iku import checked_declaration
from lkjip.validation.optional_columns import narasi_findings

VALIDATION_DIR = "validation"


# ------------------------------------------------------------------ validation

def validate_inputs(inputs: YearInputs, *, narasi: bool = True):
    """Run every expectation suite on a unit-year (GX is imported only here); with ``narasi`` also the
    rules of ``narasi.md`` (the run's validation step leaves them to the LKjIP step:
    :mod:`lkjip.run.narasi_check`)."""
    declaration, bad = (checked_declaration(inputs.data_dir, inputs.code) if inputs.data_dir is not None
                        else (None, []))
    result = validate_year({**inputs.datasets, **inputs.unit_tables}, inputs.targets, inputs.year, inputs.sources,
                           declaration=declaration, unit=inputs.unit.as_dict(),
                           required=() if bad else None)
    result.findings += bad
    if narasi and inputs.data_dir is not None:
        result.findings += narasi_findings(inputs.data_dir, inputs.code, inputs.year)
    return result


def validation_step(ctx) -> tuple[object, YearInputs]:
    """The validation notebook: validate, write the auditors' report, stop on errors.

    The report (HTML and JSON) is written before stopping, so a failed run's
    kept folder shows every failing rule; the run itself never publishes it.
    ``narasi.md`` is not read here: the LKjIP step checks it and adds its finding to this report
    (:func:`lkjip.run.narasi_check.check_narasi`), so editing only the narrative reuses this step.
    """
    inputs = load_inputs(ctx.data_dir, ctx.unit, ctx.year, ctx.processed_dir)
    result = validate_inputs(inputs, narasi=False)
    out = Path(ctx.report_dir) / VALIDATION_DIR
    out.mkdir(parents=True, exist_ok=True)
    write_validation_report(result, out / "validasi.html", inputs.unit.nama, ctx.year)
    result.to_json(out / "validasi.json")
    gx_outputs(inputs, ctx, out)
    return result, inputs


def gx_outputs(inputs: YearInputs, ctx, out: Path) -> None:
    """For Great Expectations users: the frames as validated (with the helper columns) in
    ``<processed>/<unit>/<year>/gx/``, the project's ``gx/`` brought up to date (when it has one), and the Data Docs of
    the project's checkpoints in ``validation/data_docs/`` (:mod:`lkjip.validation.gx_project`)."""
    frames = gx_project.prepared_frames({**inputs.datasets, **inputs.unit_tables}, inputs.targets, ctx.year)
    gx_project.write_frames(frames, processed_year_dir(ctx.processed_dir, ctx.unit, ctx.year))
    gx_project.refresh_project(project_root())
    gx_project.build_data_docs(frames, ctx.year, out / gx_project.DOCS_DIR)


def raise_for_errors(result) -> None:
    """Stop the run with every failing cell named (file, row, column, rule)."""
    errors = result.data_errors()
    if errors:
        raise DataErrors(errors)


def validation_tables(result) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """The validation notebook's three tables: summary, failed rules, all rules."""
    counts = result.summary()
    summary = pd.DataFrame([
        {"Ukuran": "Aturan diperiksa", "Jumlah": counts["aturan"]},
        {"Ukuran": "Lulus", "Jumlah": counts["lulus"]},
        {"Ukuran": "Gagal tingkat error", "Jumlah": counts["error"]},
        {"Ukuran": "Gagal tingkat peringatan", "Jumlah": counts["peringatan"]},
        {"Ukuran": "Dilewati (kolom tidak ada)", "Jumlah": counts["dilewati"]},
    ])
    frame = result.to_frame()
    failed = frame[frame["status"] == "gagal"].reset_index(drop=True)
    rules = frame[["dataset", "aturan", "tingkat", "status"]]
    return summary, failed, rules


# ------------------------------------------------------------------ indicators

def indicator_step(ctx, ikm_weight: str = "exact"):
    """The indicator notebook: compute every indicator and write indicators.csv."""
    inputs = load_inputs(ctx.data_dir, ctx.unit, ctx.year, ctx.processed_dir)
    results = compute_all(inputs.datasets, inputs.targets, inputs.unit.as_dict(), ctx.year, ikm_weight=ikm_weight,
                          declaration=read_declaration(ctx.data_dir, ctx.unit))

    write_indicators_csv(results, indicators_csv_path(ctx.processed_dir, ctx.unit, ctx.year),
                         official_figures(inputs.table(OFFICIAL_FILE)))
    return inputs, results


def calculations_used(results) -> frozenset[str]:
    """The built-in calculations (``ikm``, ``sakip`` ...) the unit's IKU of the year use: the indicator
    notebook shows a calculation's details only for these (a dinas has no PATEN section)."""
    return frozenset(n for i in results.iku for n in i.formula.names if n in BUILTIN_CALCULATIONS)


def not_used_note(calculation: str) -> str:
    """The one line an indicator notebook shows instead of a calculation no IKU of the unit uses."""
    return (f"Tidak ada IKU unit ini yang memakai perhitungan `{calculation}` (data "
            f"`{BUILTIN_CALCULATIONS[calculation]}`); bagian ini tidak berlaku.")


def indicator_overview(results) -> pd.DataFrame:
    """The unit's IKU with target document, capaian category and own class, Indonesian headers."""
    table = results.tabel.reset_index(drop=True)
    doc_of = dict(zip(results.target["indikator"], results.target["dokumen_label"]))
    return pd.DataFrame({
        "Indikator": table["nama"],
        "Satuan": table["satuan"],
        "Target": table["target"],
        "Dokumen target": [doc_of.get(i) or "" for i in table["indikator"]],
        "Realisasi": table["realisasi"],
        "Capaian (%)": table["capaian_pct"],
        # the unit's categories (unit.yaml kategori_capaian), as computed with the indicator
        "Kategori capaian": [k if isinstance(k, str) and k else CAPAIAN_UNDEFINED for k in table["kategori"]],
        "Kelas indikator": [results.kelas.get(i) or "" for i in table["indikator"]],
    })


def indicator_count_words(results) -> str:
    """How many IKU the unit has, in words for a heading: "tujuh" for the seven kecamatan IKU."""
    words = {1: "satu", 2: "dua", 3: "tiga", 4: "empat", 5: "lima", 6: "enam", 7: "tujuh", 8: "delapan",
             9: "sembilan", 10: "sepuluh"}
    return words.get(len(results.iku), str(len(results.iku)))


def indicator_notes(results) -> str:
    """The notes of every indicator as a Markdown list (empty string when none)."""
    lines = results.notes_text()
    return "\n".join(f"- {md_text(line)}" for line in lines)


def sample_table(results) -> pd.DataFrame:
    """Krejcie-Morgan minimum against the actual respondents, in words."""
    check = results.ikm_sampel
    if check is None:
        return pd.DataFrame({"Keterangan": ["Data layanan atau survei tidak tersedia."]})
    return pd.DataFrame([{
        "Pengguna layanan setahun (N)": check.populasi,
        "Sampel minimum": check.minimum,
        "Responden": check.responden,
        "Kesimpulan": "cukup" if check.cukup else "KURANG dari sampel minimum",
    }])


def innovation_table(results) -> pd.DataFrame:
    """The year's counted innovations, without internal columns."""
    frame = results.inovasi.aktif if results.inovasi is not None else pd.DataFrame()
    columns = {"nama": "Nama inovasi", "nomor_sk": "Nomor SK", "tanggal_sk": "Tanggal SK", "status": "Status"}
    shown = frame[[c for c in columns if c in frame.columns]].rename(columns=columns).copy()
    if "Tanggal SK" in shown:
        shown["Tanggal SK"] = shown["Tanggal SK"].dt.strftime("%d-%m-%Y")
    return shown.reset_index(drop=True)


# ------------------------------------------------------------------ audit

def audit_step(ctx):
    """The audit notebook: recompute every published total and figure, write audit.csv."""
    return audit_unit_year(ctx.data_dir, ctx.unit, ctx.year, processed_dir=ctx.processed_dir,
                           published_dirs=getattr(ctx, "published", None))


