"""Command line: ``lkjip init|ingest|validate|run|audit|kabupaten|synth|templates|narasi|export``.

The CLI only parses arguments and calls the package; it holds no logic.
Errors go to stderr with an exit code that means something (every code is
listed in :mod:`lkjip.errors`: 0 ok, 1 bug, 2 bad data, 64 bad parameter,
73 output not writable); progress goes to stderr too, result paths to stdout.
No traceback is shown unless ``--debug`` is given.

Only ``lkjip run`` publishes (``data/processed/<unit>/<year>`` and
``reports/<unit>/<year>``, together, after a validated run). ``ingest`` and
``audit`` write to a scratch folder or a folder the user names (``--out``),
``validate --report DIR`` outside the published reports; none of them ever
writes into a published folder.

Each command imports the modules it calls inside its function: importing this module stays cheap
(no Great Expectations, papermill, nbconvert, WeasyPrint or matplotlib), so ``lkjip --help``, a
mistyped argument and a run whose inputs did not change answer at once.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
import threading
from pathlib import Path

from lkjip.inputs.files import is_inside
from lkjip import __version__
from lkjip.errors import EXIT_BUG, EXIT_USAGE, ConfigError, DataError, LkjipError, OutputError, display_path, shown
from lkjip.inputs.catalog import AUDIT_CSV, RUN_RECORD, default_data_dir, default_processed_dir, default_reports_dir
from lkjip.run.step_failures import disk_full, disk_full_folder

#: Folder under ``--processed-dir`` where ``ingest`` and ``audit`` write by default (never a published folder).
SCRATCH = "_scratch"

_YEAR_TEXT = re.compile(r"^\s*(\d{4})\s*(?:-\s*(\d{4})\s*)?$")


class _Parser(argparse.ArgumentParser):
    """argparse, but a wrong parameter exits 64 (argparse's own 2 means bad data here)."""

    def error(self, message: str):  # noqa: D401 - argparse API
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, f"{self.prog}: parameter salah: {message}\n"
                              f"(lihat `{self.prog} --help`)\n")


def _years(text: str) -> list[int]:
    """``2023`` or ``2021-2023``.

    >>> _years("2021-2023"), _years("2023")
    ([2021, 2022, 2023], [2023])
    """
    m = _YEAR_TEXT.match(text)
    if not m:
        raise argparse.ArgumentTypeError(f"tahun tidak valid: {text!r} (contoh: 2023 atau 2021-2023)")
    start = int(m.group(1))
    end = int(m.group(2) or start)
    if end < start:
        raise argparse.ArgumentTypeError(
            f"rentang tahun kosong: {text!r} (tahun awal sesudah tahun akhir); tulis {end}-{start}")
    return list(range(start, end + 1))


def _positive_number(text: str) -> float:
    """A number above zero (``--batas-waktu``, ``--batas-memori``)."""
    try:
        value = float(text)
    except ValueError:
        value = 0.0
    if not value > 0 or value == float("inf"):
        raise argparse.ArgumentTypeError(f"harus bilangan lebih dari 0: {text!r}")
    return value


def _say(text: object) -> None:
    """A line for the user on stderr, control characters escaped (file names and cells are untrusted)."""
    print(shown(text, keep_newlines=True), file=sys.stderr)


def _debug_flag(parser: argparse.ArgumentParser, default=False) -> None:
    parser.add_argument("--debug", action="store_true", default=default,
                        help="tampilkan jejak lengkap (traceback) bila terjadi galat")


def _project_flag(parser: argparse.ArgumentParser, default=None) -> None:
    parser.add_argument("--project", type=Path, default=default, metavar="FOLDER",
                        help="folder proyek (berisi data/raw; bawaan: folder kerja atau folder di atasnya, "
                             "lihat `lkjip init`)")


def _common(parser: argparse.ArgumentParser, *, unit_required: bool = True) -> None:
    _project_flag(parser, default=argparse.SUPPRESS)
    parser.add_argument("--unit", required=unit_required, help="kode unit, mis. gedeg")
    parser.add_argument("--year", dest="years", action="append", type=_years, default=[],
                        help="tahun (boleh diulang, atau rentang 2021-2023); bawaan: semua tahun yang ada")
    parser.add_argument("--data-dir", type=Path, default=None, help="folder data mentah (bawaan: data/raw)")
    parser.add_argument("--processed-dir", type=Path, default=None, help="folder hasil olahan (bawaan: data/processed)")
    _debug_flag(parser, default=argparse.SUPPRESS)


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="lkjip", description="LKjIP dari data mentah: ingest, validasi, indikator, laporan.")
    parser.add_argument("--version", action="version", version=f"lkjip {__version__}")
    _debug_flag(parser)
    _project_flag(parser)
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)

    p = sub.add_parser("init", help="buat folder proyek baru (data/raw dengan petunjuk dan templat, notebooks, "
                                    "expectations, README)")
    p.add_argument("folder", type=Path, metavar="FOLDER", help="folder baru (atau kosong)")
    p.add_argument("--contoh", action="store_true", help="salin juga unit contoh (Kecamatan Gedeg, 2021-2023)")
    _debug_flag(p, default=argparse.SUPPRESS)

    p = sub.add_parser("ingest", help="baca dan periksa data mentah, tulis Parquet ke folder kerja (bukan terbitan)")
    _common(p)
    p.add_argument("--out", type=Path, default=None,
                   help=f"folder tujuan: FOLDER/<unit>/<tahun>/*.parquet (bawaan: <processed-dir>/{SCRATCH}); "
                        "folder terbitan data/processed/<unit>/<tahun> ditolak, hanya `lkjip run` yang menerbitkan")

    p = sub.add_parser("validate", help="periksa data dengan Great Expectations")
    _common(p)
    p.add_argument("--report", type=Path, default=None,
                   help="tulis juga laporan validasi HTML ke FOLDER/<unit>/<tahun>/validasi.html "
                        "(bukan folder laporan terbitan reports/)")

    p = sub.add_parser("audit", help="hitung ulang setiap total dan angka yang dipublikasikan")
    _common(p)
    p.add_argument("--out", type=Path, default=None,
                   help=f"{AUDIT_CSV} ke FOLDER/<unit>/<tahun>/ (bawaan: <processed-dir>/{SCRATCH}; bukan folder terbitan)")

    p = sub.add_parser("run", help="jalankan seluruh notebook per tahun dan terbitkan laporan")
    _common(p, unit_required=False)
    p.add_argument("--all", action="store_true", help="semua unit dan tahun di folder data")
    p.add_argument("--reports-dir", type=Path, default=None, help="folder laporan (bawaan: reports)")
    p.add_argument("--jobs", type=int, default=1, help="jumlah unit-tahun yang dijalankan bersamaan")
    p.add_argument("--force", action="store_true", help="jalankan ulang walau masukan tidak berubah")
    p.add_argument("--no-pdf", action="store_true",
                   help="lewati ekspor PDF (PDF lama dibawa bila masukan tidak berubah, selain itu tidak diterbitkan)")
    p.add_argument("--scheduler", default=None, help="alamat klaster Dask (tcp://host:8786)")
    p.add_argument("--batas-waktu", type=_positive_number, default=None, metavar="DETIK",
                   help="batas waktu satu langkah (notebook); langkah yang lebih lama dihentikan "
                        "(bawaan: 3600)")
    p.add_argument("--batas-memori", type=_positive_number, default=None, metavar="MB",
                   help="batas memori kernel yang menjalankan notebook (bawaan: memori fisik mesin)")
    p.add_argument("--final", action="store_true", help="versi untuk ditandatangani (bawaan: draf)")
    p.add_argument("--tanggal-tanda-tangan", default=None,
                   help="tanggal tanda tangan, mis. 2024-01-15 atau 'Januari 2024' (bawaan: dari dokumen.csv)")
    p.add_argument("--tempat", default=None, help="tempat tanda tangan (bawaan: dari dokumen.csv atau unit.yaml)")

    p = sub.add_parser("narasi", help="tulis kerangka narasi.md (sekali; berkas yang ada tidak ditimpa)")
    _project_flag(p, default=argparse.SUPPRESS)
    p.add_argument("--unit", required=True, help="kode unit, mis. gedeg")
    p.add_argument("--year", type=int, required=True, help="tahun laporan")
    p.add_argument("--out", type=Path, default=None, help="bawaan: data/raw/<unit>/<tahun>/narasi.md")
    p.add_argument("--data-dir", type=Path, default=None, help="folder data mentah (bawaan: data/raw)")
    p.add_argument("--tanpa-draf", action="store_true", help="hanya judul bagian, tanpa draf dari paket")
    _debug_flag(p, default=argparse.SUPPRESS)

    p = sub.add_parser("kabupaten", help="tinjauan semua unit satu kabupaten untuk satu tahun")
    _project_flag(p, default=argparse.SUPPRESS)
    p.add_argument("--year", dest="kabupaten_year", type=int, required=True, metavar="TAHUN",
                   help="tahun laporan; dibandingkan dengan tahun sebelumnya")
    p.add_argument("--units", default=None, help="kode unit dipisah koma (bawaan: semua unit yang punya "
                                                 "data olahan tahun ini dan tahun lalu)")
    p.add_argument("--data-dir", type=Path, default=None, help="folder data mentah, untuk unit.yaml (bawaan: data/raw)")
    p.add_argument("--processed-dir", type=Path, default=None, help="folder hasil olahan (bawaan: data/processed)")
    p.add_argument("--reports-dir", type=Path, default=None, help="folder laporan (bawaan: reports)")
    p.add_argument("--no-pdf", action="store_true", help="lewati ekspor PDF")
    _debug_flag(p, default=argparse.SUPPRESS)

    p = sub.add_parser("export", help="ekspor notebook yang dijalankan sendiri (JupyterLab, papermill) seperti "
                                      "laporan: HTML luring tanpa dan dengan kode, PDF")
    p.add_argument("notebook", type=Path, metavar="NOTEBOOK.ipynb", help="notebook yang sudah dijalankan")
    p.add_argument("--pdf", action="store_true", help="buat juga PDF A4 (sampul, daftar isi, nomor halaman)")
    p.add_argument("--out", type=Path, default=None,
                   help="folder tujuan (bawaan: reports/_lab/<unit>/<tahun>, atau reports/_lab); bukan folder terbitan")
    p.add_argument("--judul", default=None, help="judul dokumen notebook lain (bawaan: judul # pertama, atau nama berkas)")
    p.add_argument("--data-dir", dest="export_data_dir", type=Path, default=None,
                   help="folder data mentah, untuk unit.yaml (bawaan: data_dir notebook, atau data/raw)")
    _debug_flag(p, default=argparse.SUPPRESS)

    p = sub.add_parser("templates", help="tulis templat .xlsx kosong untuk setiap dataset")
    p.add_argument("--out", type=Path, default=Path("templates"))
    _debug_flag(p, default=argparse.SUPPRESS)

    p = sub.add_parser("synth", help="buat unit sintetis yang sah menurut kontrak data")
    p.add_argument("--units", type=int, default=1)
    p.add_argument("--years", type=str, default="2021-2023")
    p.add_argument("--respondents", type=int, default=500)
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--iku-campuran", action="store_true",
                   help="unit bernomor genap menjadi dinas dengan IKU sendiri (indikator.csv: rumus gabungan, "
                        "rasio, rata-rata sub unit, 'dilaporkan' yang makin rendah makin baik)")
    p.add_argument("--out", type=Path, required=True)
    _debug_flag(p, default=argparse.SUPPRESS)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run one command; the project it chose (``$LKJIP_ROOT``, for its kernels) is undone after it."""
    saved = os.environ.get("LKJIP_ROOT")
    try:
        return _main(argv)
    finally:
        if saved is None:
            os.environ.pop("LKJIP_ROOT", None)
        else:
            os.environ["LKJIP_ROOT"] = saved


def _main(argv: list[str] | None) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # --help/--version exit 0; a wrong parameter exits 64 (see _Parser)
        return int(exc.code or 0)
    if hasattr(args, "years") and isinstance(args.years, list):
        args.years = sorted({y for chunk in args.years for y in chunk})
    try:
        _choose_project(args)
    except LkjipError as error:
        _say(f"lkjip {args.command}: GAGAL\n{error}")
        return error.exit_code
    for attr, default in (("data_dir", default_data_dir), ("processed_dir", default_processed_dir),
                          ("reports_dir", default_reports_dir)):
        if hasattr(args, attr) and getattr(args, attr) is None:
            setattr(args, attr, default())
    debug = bool(getattr(args, "debug", False))
    from lkjip.run import signals

    restore = (signals.install(f"lkjip {args.command}") if threading.current_thread() is threading.main_thread()
               else (lambda: None))
    try:
        if args.command == "run":
            from lkjip.run.limits import export

            export(args.batas_waktu, None if args.batas_memori is None else int(args.batas_memori))
        return int(COMMANDS[args.command](args) or 0)
    except KeyboardInterrupt as exc:  # Ctrl-C, or SIGTERM (signals.Terminated): the cleanup has run
        print(f"lkjip {args.command}: {signals.message(exc)}", file=sys.stderr, flush=True)
        return signals.exit_code(exc)
    except Exception as exc:  # every error ends here: a message, an exit code, a traceback only on --debug
        error = _as_lkjip_error(exc, args)
        if debug:
            import traceback

            traceback.print_exc()
        if error is None:
            _say(f"lkjip {args.command}: GALAT PROGRAM (bug): {type(exc).__name__}: {exc}\n"
                 "Jalankan ulang dengan --debug untuk jejak lengkapnya, dan laporkan sebagai bug.")
            return EXIT_BUG
        _say(f"lkjip {args.command}: GAGAL\n{error}")
        return error.exit_code
    finally:
        restore()


def _choose_project(args) -> None:
    """``--project``, else the project found from the current folder (:mod:`lkjip.inputs.project`);
    ``run`` and ``kabupaten`` say which one they use, and check the install before anything runs."""
    from lkjip.inputs import project

    if args.command == "init":
        return
    if getattr(args, "project", None) is not None:
        folder = Path(args.project)
        if not project.is_project(folder):
            raise ConfigError(f"--project {display_path(folder)}: bukan folder proyek lkjip (tidak ada data/raw di "
                              "dalamnya); buat dengan `lkjip init FOLDER`")
        project.use_project(folder)
    if args.command in ("run", "kabupaten"):
        root = project.project_root()
        data_dir = getattr(args, "data_dir", None)
        if not project.is_project(root) and data_dir is not None and project.is_project(Path(data_dir).parent.parent):
            root = Path(data_dir).resolve().parent.parent  # --data-dir PROYEK/data/raw from another folder
        given = [flag for flag in ("data_dir", "processed_dir", "reports_dir") if getattr(args, flag, None) is not None]
        if not project.is_project(root) and len(given) < 3:
            raise ConfigError(f"tidak ada proyek lkjip di {display_path(Path.cwd())} atau folder di atasnya (folder "
                              "berisi data/raw). Buat dengan `lkjip init FOLDER` (dengan --contoh: unit contoh), "
                              "jalankan dari folder itu atau pakai --project FOLDER")
        if project.is_project(root):  # the kernels (cwd: the notebooks' folder) work on the same project
            _say(f"lkjip {args.command}: proyek {project.use_project(root)}")
        from lkjip.inputs.chain import notebooks_dir
        from lkjip.validation.suites import default_expectations_dir

        notebooks_dir(), default_expectations_dir()  # an incomplete install stops here (exit 1)


def _as_lkjip_error(exc: BaseException, args) -> LkjipError | None:
    """The error as users should read it, or None for a bug.

    An ``OSError`` on a file under the data folder is a file that cannot be
    read (exit 2); anywhere else it is an output that cannot be written (exit 73).
    """
    if isinstance(exc, LkjipError):
        return exc
    if isinstance(exc, OSError) and disk_full(exc):  # also copytree's shutil.Error, which has no errno
        return OutputError(disk_full_folder(exc), "disk penuh; kosongkan ruang disk lalu jalankan ulang")
    if isinstance(exc, OSError):
        where = Path(exc.filename) if exc.filename else None
        data_dir = getattr(args, "data_dir", None)
        if where is not None and data_dir is not None and is_inside(where, Path(data_dir)):
            return DataError(display_path(where), None, None,
                             f"berkas tidak dapat dibaca: {exc.strerror or type(exc).__name__}")
        return OutputError.from_os_error(exc)
    return None


def _scratch_target(args, command: str) -> Path:
    """``--out`` of ingest/audit, refused when it would write into a published processed folder."""
    out = Path(args.out) if args.out else Path(args.processed_dir) / SCRATCH
    for year in args.years or []:
        if (out / args.unit / str(year)).resolve() == (Path(args.processed_dir) / args.unit / str(year)).resolve():
            raise ConfigError(
                f"--out {out} akan menulis ke folder terbitan {display_path(Path(args.processed_dir) / args.unit / str(year))}; "
                f"hanya `lkjip run` yang menerbitkan. Pakai folder lain (bawaan: {Path(args.processed_dir) / SCRATCH})")
    if out.resolve() == Path(args.processed_dir).resolve():
        raise ConfigError(f"--out {out} adalah folder terbitan data/processed; hanya `lkjip run` yang menerbitkan. "
                          f"Pakai folder lain (bawaan: {Path(args.processed_dir) / SCRATCH})")
    return out


def _cmd_ingest(args) -> int:
    from lkjip.inputs.ingest import write_processed
    from lkjip.inputs.catalog import check_unit_year, processed_year_dir
    from lkjip.inputs.unit import load_unit
    from lkjip.validation.raw import read_and_validate

    years = check_unit_year(args.data_dir, args.unit, args.years)
    args.years = years
    out = _scratch_target(args, "ingest")
    load_unit(args.data_dir, args.unit)
    failed = 0
    for year in years:
        result, frames, _ = read_and_validate(args.data_dir, args.unit, year, sources=_sources(args, year),
                                              required=(), check_targets=False, unit_tables=False)
        _print_validation(result, f"[ingest] {args.unit} {year}")
        if not result.ok:
            failed += 1
            _say(f"[ingest] {args.unit} {year}: tidak ditulis (data tidak lolos pemeriksaan)")
            continue
        folder = processed_year_dir(out, args.unit, year)
        write_processed(frames, folder)
        rows = ", ".join(f"{name} {len(df)}" for name, df in sorted(frames.items()))
        _say(f"[ingest] {args.unit} {year}: {rows}")
        _say(f"[ingest] {args.unit} {year}: Parquet ditulis ke {display_path(folder)} "
             "(folder kerja; laporan terbitan hanya diperbarui oleh `lkjip run`)")
        print(folder)
    return 2 if failed else 0


def _sources(args, year: int, *, targets: bool = False) -> dict[str, str]:
    """Dataset -> the file as users know it (``data/raw/gedeg/2023/ikm_survei.csv``)."""
    from lkjip.inputs.catalog import unit_file, year_files
    from lkjip.inputs.year import source_name

    files = dict(year_files(args.data_dir, args.unit, year))
    if targets and unit_file(args.data_dir, args.unit, "targets") is not None:
        files["targets"] = unit_file(args.data_dir, args.unit, "targets")
    return {name: source_name(path, args.data_dir) for name, path in files.items()}


def _print_validation(result, prefix: str) -> None:
    counts = result.summary()
    _say(f"{prefix}: {counts['aturan']} aturan, {counts['gagal']} gagal "
         f"({counts['error']} error, {counts['peringatan']} peringatan)")
    for finding in result.warnings:
        _say(f"  peringatan: {shown(finding.file)}: {shown(finding.rule)}"
             + (f", baris {shown(finding.rows_text())}" if finding.rows else ""))
    for error in result.data_errors():
        _say(f"  ERROR: {error}")


def _validation_report_target(args, year: int) -> Path:
    """``--report DIR``'s file, refused inside a published report folder."""
    folder = Path(args.report) / args.unit / str(year)
    published = default_reports_dir() / args.unit / str(year)
    if folder.resolve() == published.resolve() or is_inside(folder, published) or (folder / RUN_RECORD).exists():
        raise ConfigError(
            f"--report {args.report}: {display_path(folder)} adalah folder laporan terbitan (reports/<unit>/<tahun>); "
            "validasi tidak menulis ke sana. Pakai folder lain, mis. --report /tmp/validasi "
            "(laporan validasi terbitan ditulis oleh `lkjip run` di reports/<unit>/<tahun>/validation/)")
    return folder / "validasi.html"


def _cmd_validate(args) -> int:
    from lkjip.inputs.ingest import read_unit_table
    from lkjip.inputs.catalog import check_unit_year
    from lkjip.inputs.unit import load_unit
    from lkjip.validation.raw import read_and_validate

    years = check_unit_year(args.data_dir, args.unit, args.years)
    targets_of = [_validation_report_target(args, year) for year in years] if args.report else []
    info = load_unit(args.data_dir, args.unit)
    targets = read_unit_table(args.data_dir, args.unit, "targets")
    failed = 0
    for index, year in enumerate(years):
        result, _, _ = read_and_validate(args.data_dir, args.unit, year, targets=targets,
                                         sources=_sources(args, year, targets=True))
        _print_validation(result, f"[validate] {args.unit} {year}")
        if args.report:
            from lkjip.validation import write_validation_report

            print(write_validation_report(result, targets_of[index], info.nama, year))
        failed += not result.ok
    return 2 if failed else 0


def _cmd_narasi(args) -> int:
    from lkjip.inputs.catalog import check_unit_year
    from lkjip.document.narasi_skeleton import write_skeleton

    check_unit_year(args.data_dir, args.unit, [args.year])
    print(write_skeleton(args.data_dir, args.unit, args.year, args.out, drafts=not args.tanpa_draf))
    return 0


def _cmd_init(args) -> int:
    from lkjip.inputs.new_project import init_project

    init_project(args.folder, example=args.contoh)
    from lkjip.validation.gx_project import ensure_project

    ensure_project(args.folder, Path(args.folder) / "expectations")  # the GX project (gx/) over the copied suites
    _say(f"proyek lkjip dibuat di {display_path(args.folder)}" + (" dengan unit contoh gedeg" if args.contoh else "")
         + f"; lanjutkan dengan `cd {args.folder}` lalu `lkjip run --unit "
         + ("gedeg --year 2023`" if args.contoh else "<unit> --year <tahun>` (lihat README.md)"))
    print(Path(args.folder).resolve())
    return 0


def _cmd_templates(args) -> int:
    from lkjip.inputs.blank_workbooks import write_templates

    for path in write_templates(args.out):
        print(path)
    return 0


def _cmd_run(args) -> int:
    from lkjip.run.pipeline import check_before_running, plan, run_many
    from lkjip.run.progress import Display

    from lkjip.inputs.signing import resolve_signing

    tasks = plan(args.data_dir, args.unit, args.years, args.all)
    signing = {"final": args.final, "tanggal_tanda_tangan": args.tanggal_tanda_tangan, "tempat": args.tempat}
    # missing notebooks or a bad signing parameter stop the run before anything runs (exit 64);
    # a unit whose unit.yaml is wrong is refused alone
    def check(unit: str, year: int) -> None:
        resolve_signing(args.data_dir, unit, year, final=args.final, tanggal=args.tanggal_tanda_tangan,
                        tempat=args.tempat)
        if args.final:  # a version for signature prints every section the LKjIP prints, or is refused (exit 2)
            from lkjip.document.completeness import check_final

            check_final(args.data_dir, unit, year)

    runnable, refused = check_before_running(tasks, args.data_dir, check)
    results = []
    if runnable:  # progress on stderr: live lines on a terminal, plain lines elsewhere (lkjip.run.progress)
        with Display(len(runnable)) as progress:
            results = run_many(runnable, data_dir=args.data_dir, processed_dir=args.processed_dir,
                               reports_dir=args.reports_dir, jobs=args.jobs, pdf=not args.no_pdf,
                               force=args.force, scheduler=args.scheduler, progress=progress,
                               export_processes=True, **signing)
    order = {task: i for i, task in enumerate(tasks)}
    results = sorted(results + refused, key=lambda r: order[(r.unit, r.year)])
    for result in results:
        for note in result.notes:
            _say(note)
    failed = [r for r in results if not r.ok]
    if any(r.ok and not r.skipped for r in results):  # the way into every published year
        from lkjip.run.report_index import write_reports_index

        write_reports_index(args.reports_dir, args.data_dir)
    for result in results:
        if result.ok:
            print(result.report_dir)
    if failed:
        _say(f"\n{len(failed)} dari {len(results)} unit-tahun GAGAL:")
        for result in failed:
            _say(result.message)
        # the most specific reason wins: an unwritable output (73), a lock (64), bad data (2)
        return max(r.exit_code or 2 for r in failed)
    skipped = sum(r.skipped for r in results)
    _say(f"{len(results)} unit-tahun selesai" + (f" ({skipped} dilewati karena tidak berubah; --force untuk mengulang)." if skipped else "."))
    return 0


def _cmd_audit(args) -> int:
    from lkjip.audit import audit_unit_year
    from lkjip.contract.fmt import fmt_number
    from lkjip.inputs.catalog import check_unit_year

    years = check_unit_year(args.data_dir, args.unit, args.years)
    args.years = years
    out = _scratch_target(args, "audit")
    for year in years:
        result = audit_unit_year(args.data_dir, args.unit, year, processed_dir=out)
        counts = result.counts()
        _say(f"[audit] {args.unit} {year}: {int(counts['diperiksa'].sum())} diperiksa, "
             f"{int(counts['selisih'].sum())} selisih")
        for _, row in result.differences().iterrows():
            _say(f"  selisih: {shown(row['dataset'])}: {shown(row['item'])}: dipublikasikan {fmt_number(row['dipublikasikan'])}, "
                 f"dihitung {fmt_number(row['dihitung'])}, selisih {fmt_number(row['selisih'])}")
        print(Path(out) / args.unit / str(year) / AUDIT_CSV)
    return 0


def _cmd_kabupaten(args) -> int:
    from lkjip.run.kabupaten import run_kabupaten
    from lkjip.run.progress import Display

    units = None if args.units is None else [u.strip() for u in args.units.split(",") if u.strip()]
    with Display(1) as progress:
        result = run_kabupaten(args.kabupaten_year, units=units, data_dir=args.data_dir,
                               processed_dir=args.processed_dir, reports_dir=args.reports_dir,
                               pdf=not args.no_pdf, progress=progress)
        progress.finish(f"kabupaten {result.year}")
    print(result.report_dir)
    print(result.ringkasan)
    _say(f"kabupaten {result.year}: {len(result.units)} unit ({result.seconds:.1f} dtk)")
    return 0


def _cmd_export(args) -> int:
    from lkjip.run.hand_export import export_notebook

    written = export_notebook(args.notebook, out_dir=args.out, pdf=args.pdf, data_dir=args.export_data_dir,
                              title=args.judul)
    for path in written:
        print(path)
    print(f"{display_path(args.notebook)}: {len(written)} berkas diekspor (luring, gaya laporan)", file=sys.stderr)
    return 0


def _cmd_synth(args) -> int:
    from lkjip.synth import synth_main

    for path in synth_main(args.units, args.years, args.respondents, args.out, seed=args.seed,
                           iku_campuran=args.iku_campuran):
        print(path)
    return 0


COMMANDS = {
    "init": _cmd_init,
    "ingest": _cmd_ingest,
    "templates": _cmd_templates,
    "narasi": _cmd_narasi,
    "validate": _cmd_validate,
    "audit": _cmd_audit,
    "run": _cmd_run,
    "synth": _cmd_synth,
    "kabupaten": _cmd_kabupaten,
    "export": _cmd_export,
}


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
