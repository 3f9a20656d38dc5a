"""Command line: ``lkjip ingest|validate|run|audit|kabupaten|synth|templates|narasi``.

The CLI only parses arguments and calls the package; it holds no logic.
Errors go to stderr with an exit code that means something (see
:mod:`lkjip.errors`); progress goes to stderr too, results to files.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from . import __version__
from .errors import LkjipError
from .layout import default_data_dir, default_processed_dir, default_reports_dir


def _years(text: str) -> list[int]:
    """``2023`` or ``2021-2023``."""
    try:
        if "-" in text:
            start, end = (int(t) for t in text.split("-", 1))
            return list(range(start, end + 1))
        return [int(text)]
    except ValueError:
        raise argparse.ArgumentTypeError(f"tahun tidak valid: {text!r} (contoh: 2023 atau 2021-2023)") from None


def _common(parser: argparse.ArgumentParser, *, unit_required: bool = True) -> None:
    parser.add_argument("--unit", required=unit_required, help="kode unit, mis. gedeg")
    parser.add_argument("--year", dest="years", action="append", type=_years, default=[],
                        help="tahun (boleh diulang, atau rentang 2021-2023); bawaan: semua tahun yang ada")
    parser.add_argument("--data-dir", type=Path, default=None, help="folder data mentah (bawaan: data/raw)")
    parser.add_argument("--processed-dir", type=Path, default=None, help="folder hasil olahan (bawaan: data/processed)")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="lkjip", description="LKjIP dari data mentah: ingest, validasi, indikator, laporan.")
    parser.add_argument("--version", action="version", version=f"lkjip {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("ingest", help="baca data mentah, tulis Parquet ke data/processed")
    _common(p)

    p = sub.add_parser("validate", help="periksa data dengan Great Expectations")
    _common(p)
    p.add_argument("--report", type=Path, default=None,
                   help="tulis juga laporan validasi HTML ke FOLDER/<unit>/<tahun>/validasi.html")

    p = sub.add_parser("audit", help="hitung ulang setiap total dan angka yang dipublikasikan")
    _common(p)

    p = sub.add_parser("run", help="jalankan seluruh notebook per tahun dan ekspor laporan")
    _common(p, unit_required=False)
    p.add_argument("--all", action="store_true", help="semua unit dan tahun di folder data")
    p.add_argument("--reports-dir", type=Path, default=None, help="folder laporan (bawaan: reports)")
    p.add_argument("--jobs", type=int, default=1, help="jumlah unit-tahun yang dijalankan bersamaan")
    p.add_argument("--force", action="store_true", help="jalankan ulang walau masukan tidak berubah")
    p.add_argument("--no-pdf", action="store_true", help="lewati ekspor PDF")
    p.add_argument("--scheduler", default=None, help="alamat klaster Dask (tcp://host:8786)")
    p.add_argument("--final", action="store_true", help="versi untuk ditandatangani (bawaan: draf)")
    p.add_argument("--tanggal-tanda-tangan", default=None,
                   help="tanggal tanda tangan, mis. 2024-01-15 atau 'Januari 2024' (bawaan: dari dokumen.csv)")
    p.add_argument("--tempat", default=None, help="tempat tanda tangan (bawaan: dari dokumen.csv atau unit.yaml)")

    p = sub.add_parser("narasi", help="tulis kerangka narasi.md (sekali; berkas yang ada tidak ditimpa)")
    p.add_argument("--unit", required=True, help="kode unit, mis. gedeg")
    p.add_argument("--year", type=int, required=True, help="tahun laporan")
    p.add_argument("--out", type=Path, default=None, help="bawaan: data/raw/<unit>/<tahun>/narasi.md")
    p.add_argument("--data-dir", type=Path, default=None, help="folder data mentah (bawaan: data/raw)")
    p.add_argument("--tanpa-draf", action="store_true", help="hanya judul bagian, tanpa draf dari paket")

    p = sub.add_parser("kabupaten", help="tinjauan semua unit satu kabupaten untuk satu tahun")
    p.add_argument("--year", dest="kabupaten_year", type=int, required=True, metavar="TAHUN",
                   help="tahun laporan; dibandingkan dengan tahun sebelumnya")
    p.add_argument("--units", default=None, help="kode unit dipisah koma (bawaan: semua unit yang punya "
                                                 "data olahan tahun ini dan tahun lalu)")
    p.add_argument("--data-dir", type=Path, default=None, help="folder data mentah, untuk unit.yaml (bawaan: data/raw)")
    p.add_argument("--processed-dir", type=Path, default=None, help="folder hasil olahan (bawaan: data/processed)")
    p.add_argument("--reports-dir", type=Path, default=None, help="folder laporan (bawaan: reports)")
    p.add_argument("--no-pdf", action="store_true", help="lewati ekspor PDF")

    p = sub.add_parser("templates", help="tulis templat .xlsx kosong untuk setiap dataset")
    p.add_argument("--out", type=Path, default=Path("templates"))

    p = sub.add_parser("synth", help="buat unit sintetis yang sah menurut kontrak data")
    p.add_argument("--units", type=int, default=1)
    p.add_argument("--years", type=str, default="2021-2023")
    p.add_argument("--respondents", type=int, default=500)
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--out", type=Path, required=True)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if hasattr(args, "years") and isinstance(args.years, list):
        args.years = sorted({y for chunk in args.years for y in chunk})
    for attr, default in (("data_dir", default_data_dir), ("processed_dir", default_processed_dir),
                          ("reports_dir", default_reports_dir)):
        if hasattr(args, attr) and getattr(args, attr) is None:
            setattr(args, attr, default())
    try:
        return int(COMMANDS[args.command](args) or 0)
    except LkjipError as exc:
        print(f"lkjip {args.command}: GAGAL\n{exc}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print("dibatalkan", file=sys.stderr)
        return 130


def _cmd_ingest(args) -> int:
    from .ingest import ingest_year
    from .layout import check_unit_year
    from .unit import load_unit

    years = check_unit_year(args.data_dir, args.unit, args.years)
    load_unit(args.data_dir, args.unit)
    for year in years:
        frames = ingest_year(args.data_dir, args.unit, year, args.processed_dir)
        rows = ", ".join(f"{name} {len(df)}" for name, df in sorted(frames.items()))
        print(f"[ingest] {args.unit} {year}: {rows}", file=sys.stderr)
    return 0


def _cmd_validate(args) -> int:
    from .layout import check_unit_year
    from .steps import load_inputs, validate_inputs

    years = check_unit_year(args.data_dir, args.unit, args.years)
    failed = 0
    for year in years:
        inputs = load_inputs(args.data_dir, args.unit, year)
        result = validate_inputs(inputs)
        counts = result.summary()
        line = (f"[validate] {args.unit} {year}: {counts['aturan']} aturan, {counts['gagal']} gagal "
                f"({counts['error']} error, {counts['peringatan']} peringatan)")
        print(line, file=sys.stderr)
        if args.report:
            from .validation import write_validation_report

            target = Path(args.report) / args.unit / str(year) / "validasi.html"
            target.parent.mkdir(parents=True, exist_ok=True)
            print(write_validation_report(result, target, inputs.unit.nama, year))
        for finding in result.warnings:
            print(f"  peringatan: {finding.file}: {finding.rule}"
                  + (f", baris {finding.rows_text()}" if finding.rows else ""), file=sys.stderr)
        for error in result.data_errors():
            print(f"  ERROR: {error}", file=sys.stderr)
        failed += not result.ok
    return 2 if failed else 0


def _cmd_narasi(args) -> int:
    from .layout import check_unit_year
    from .narasi_skeleton import write_skeleton

    check_unit_year(args.data_dir, args.unit, [args.year])
    print(write_skeleton(args.data_dir, args.unit, args.year, args.out, drafts=not args.tanpa_draf))
    return 0


def _cmd_templates(args) -> int:
    from .templates import write_templates

    for path in write_templates(args.out):
        print(path)
    return 0


def _cmd_run(args) -> int:
    from .pipeline import plan, run_many, stderr_progress

    from .signing import resolve_signing

    tasks = plan(args.data_dir, args.unit, args.years, args.all)
    signing = {"final": args.final, "tanggal_tanda_tangan": args.tanggal_tanda_tangan, "tempat": args.tempat}
    for unit, year in tasks:  # a bad signing parameter stops the run before anything runs (exit 64)
        resolve_signing(args.data_dir, unit, year, final=args.final, tanggal=args.tanggal_tanda_tangan,
                        tempat=args.tempat)
    results = run_many(tasks, data_dir=args.data_dir, processed_dir=args.processed_dir,
                       reports_dir=args.reports_dir, jobs=args.jobs, pdf=not args.no_pdf,
                       force=args.force, scheduler=args.scheduler, progress=stderr_progress, **signing)
    failed = [r for r in results if not r.ok]
    for result in results:
        if result.ok:
            print(result.report_dir)
    if failed:
        print(f"\n{len(failed)} dari {len(results)} unit-tahun GAGAL:", file=sys.stderr)
        for result in failed:
            print(result.message, file=sys.stderr)
        return 2
    skipped = sum(r.skipped for r in results)
    print(f"{len(results)} unit-tahun selesai" + (f" ({skipped} dilewati karena tidak berubah; --force untuk mengulang)." if skipped else "."), file=sys.stderr)
    return 0


def _cmd_audit(args) -> int:
    from .audit import audit_unit_year
    from .fmt import fmt_number
    from .layout import check_unit_year

    for year in check_unit_year(args.data_dir, args.unit, args.years):
        result = audit_unit_year(args.data_dir, args.unit, year, processed_dir=args.processed_dir)
        counts = result.counts()
        print(f"[audit] {args.unit} {year}: {int(counts['diperiksa'].sum())} diperiksa, "
              f"{int(counts['selisih'].sum())} selisih", file=sys.stderr)
        for _, row in result.differences().iterrows():
            print(f"  selisih: {row['dataset']}: {row['item']}: dipublikasikan {fmt_number(row['dipublikasikan'])}, "
                  f"dihitung {fmt_number(row['dihitung'])}, selisih {fmt_number(row['selisih'])}", file=sys.stderr)
        print(Path(args.processed_dir) / args.unit / str(year) / "audit.csv")
    return 0


def _cmd_kabupaten(args) -> int:
    from .kabupaten.run import run_kabupaten
    from .pipeline import stderr_progress

    units = None if args.units is None else [u.strip() for u in args.units.split(",") if u.strip()]
    result = run_kabupaten(args.kabupaten_year, units=units, data_dir=args.data_dir,
                           processed_dir=args.processed_dir, reports_dir=args.reports_dir,
                           pdf=not args.no_pdf, progress=stderr_progress)
    print(result.report_dir)
    print(result.ringkasan)
    print(f"kabupaten {result.year}: {len(result.units)} unit ({result.seconds:.1f} dtk)", file=sys.stderr)
    return 0


def _cmd_synth(args) -> int:
    from .synth import synth_main

    for path in synth_main(args.units, args.years, args.respondents, args.out, seed=args.seed):
        print(path)
    return 0


COMMANDS = {
    "ingest": _cmd_ingest,
    "templates": _cmd_templates,
    "narasi": _cmd_narasi,
    "validate": _cmd_validate,
    "audit": _cmd_audit,
    "run": _cmd_run,
    "synth": _cmd_synth,
    "kabupaten": _cmd_kabupaten,
}


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
