"""The audit report an auditor reads: words and places instead of identifiers, tables that fit A4."""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
import pytest

from lkjip.audit import report as ar

ROOT = Path(__file__).resolve().parents[2]
BUNDLED = ROOT / "data" / "raw"
LAYOUT_TOOL = Path("/work/shared/tools/pdf_layout.py")

#: A snake_case identifier (``realisasi_anggaran_pct``) that is not a file name (``paten_layanan.csv``).
SNAKE = re.compile(r"\b[a-z][a-z0-9]*(?:_[a-z0-9]+)+\b(?!\.(?:csv|xlsx|parquet))")
#: A figure id with its argument (``pagu:7.01.01``, ``tc27_pagu:<kode>``).
COLON_ID = re.compile(r"\b[a-z][a-z0-9_]*:[<a-z0-9]")

pytestmark = pytest.mark.skipif(not (BUNDLED / "gedeg" / "2023").is_dir(), reason="bundled data not present")


def raw_identifiers(text: str) -> list[str]:
    return sorted(set(SNAKE.findall(text)) | set(m.group(0) for m in COLON_ID.finditer(text)))


def test_the_identifier_scanner_finds_what_it_should():
    assert raw_identifiers("realisasi_anggaran_pct (capaian)") == ["realisasi_anggaran_pct"]
    assert raw_identifiers("lihat pagu:7.01.01") == ["pagu:7"]
    assert "tc27_pagu:<" in raw_identifiers("dan tc27_pagu:<kode>")
    assert raw_identifiers("2023/paten_layanan.csv baris 5; Sumber: published.csv; 10:30") == []


@pytest.fixture(scope="module")
def result(gedeg_audit):
    return gedeg_audit  # audit_unit_year(BUNDLED, "gedeg", 2023), once per session (conftest)


def _texts(frame: pd.DataFrame) -> str:
    return " ".join(str(v) for v in frame.astype(str).to_numpy().ravel()) + " " + " ".join(map(str, frame.columns))


def test_report_tables_hold_no_identifier(result):
    tables = [ar.ringkasan(result), ar.per_bab(result), ar.per_pemeriksaan(result), ar.terbesar(result, "rupiah"),
              ar.terbesar(result, "poin"), ar.daftar_diperiksa(result), ar.tidak_diperiksa(result)]
    tables += [t for _, _, t in ar.temuan_per_penyebab(result)]
    headings = " ".join(h + " " + intro for h, intro, _ in ar.temuan_per_penyebab(result))
    found = raw_identifiers(" ".join(_texts(t) for t in tables) + headings)
    assert found == []


def test_summary_first_by_chapter_and_the_largest_differences(result):
    bab = ar.per_bab(result)
    assert list(bab.columns) == ["Bab", "Angka tercetak", "Diperiksa", "Sesuai", "Selisih", "Tidak dapat diperiksa"]
    assert bab["Bab"].tolist() == ["Ikhtisar Eksekutif", "Bab I", "Bab II", "Bab III", "Lampiran", "Jumlah"]
    assert bab.iloc[-1].tolist() == ["Jumlah", "2.858", "1.577", "1.406", "171", "1.281"]
    rupiah = ar.terbesar(result, "rupiah")
    assert len(rupiah) == 5 and rupiah["Tercetak"].str.startswith("Rp").all()
    assert rupiah.iloc[0]["Selisih"] == "Rp 1.870.000.000"
    poin = ar.terbesar(result, "poin")
    assert len(poin) == 5 and not poin["Tercetak"].str.startswith("Rp").any()
    assert "Gambar 3.7, IP ASN TAHUN 2022" in poin["Tempat di LKjIP"].tolist()


def test_findings_grouped_by_cause_with_their_place(result):
    groups = ar.temuan_per_penyebab(result)
    heads = [h.split(" (")[0] for h, _, _ in groups]
    assert heads == ["Salah ketik digit", "Pembulatan", "Penjumlahan", "Beda sumber", "Tidak diketahui"]
    assert sum(len(t) for _, _, t in groups) == len(result.differences())
    typo = dict((h.split(" (")[0], t) for h, _, t in groups)["Salah ketik digit"]
    keluar = typo[typo["Tempat di LKjIP"] == "Gambar 3.2, Pindah Keluar / JUMLAH"].iloc[0]
    assert (keluar["Tercetak"], keluar["Dihitung"], keluar["Selisih"]) == ("641", "941", "-300")
    data_row = typo[typo["Tempat di LKjIP"] == "Data masukan: paten_layanan.csv baris 3"]
    assert len(data_row) == 1
    assert list(typo.columns) == ["Tempat di LKjIP", "Angka", "Tercetak", "Dihitung", "Selisih", "Penjelasan"]


def test_full_list_names_place_and_raw_rows(result):
    d = ar.daftar_diperiksa(result)
    assert len(d) == 1577
    row = d[(d["Lokasi"] == "Gambar 3.2") & (d["Baris / kolom"] == "Pindah Keluar / JUMLAH")].iloc[0]
    assert (row["Tercetak"], row["Dihitung"], row["Status"], row["Dihitung dari"]) == \
        ("641", "941", "Selisih", "2023/paten_layanan.csv baris 3")
    pop = d[(d["Lokasi"] == "Tabel 1.1") & (d["Baris / kolom"] == "JUMLAH / JUMLAH")].iloc[0]
    assert pop["Dihitung dari"] == "2023/penduduk.csv baris 2-15" and pop["Tercetak"] == "60.073"
    tc27 = d[(d["Lokasi"] == "Gambar 2.1") & (d["Dihitung dari"] == "angka rincian di tabel yang sama")]
    # TC-27 of the Renstra (Gambar 2.1): its totals against the parts printed beside them
    assert len(tc27) == 69 and tc27["Status"].value_counts().to_dict() == {"Sesuai": 59, "Selisih": 10}
    swapped = tc27[tc27["Angka"] == "Pagu indikatif tahun 2023 (Rp) TC-27 Renstra 2021-2026 (tujuan)"].iloc[0]
    assert (swapped["Tercetak"], swapped["Dihitung"], swapped["Status"]) == \
        ("Rp 4.094.238.684", "Rp 4.094.238.648", "Selisih")  # the last two digits swapped in print
    places = [p for p, _ in ar.daftar_per_tempat(result)]
    assert places[:5] == ["Ikhtisar Eksekutif", "Bab I B (teks)", "Bab I C", "Bab I D (teks)", "Tabel 1.1"]


def test_figures_written_with_their_printed_decimals():
    assert ar.figure(2567147148.0, 2, "Rp") == "Rp 2.567.147.148"
    assert ar.figure(94.3773, 2, "%") == "94,38" and ar.figure(11119.0, 0, "") == "11.119"
    assert ar.figure(float("nan"), 2, "") == "–"
    assert ar.decimals_of_row({"toleransi": 0.005}) == 2 and ar.decimals_of_row({"toleransi": 0.5}) == 0
    assert ar.place({"lokasi": "Tabel 3.2.4", "baris_label": "IKM Kecamatan", "kolom_label": "Tingkat Efisiensi",
                     "halaman": "34"}) == "Tabel 3.2.4, IKM Kecamatan / Tingkat Efisiensi, hlm. 34"
    assert ar.place({"lokasi": None, "berkas": "lra.csv", "baris": 3}) == "Data masukan: lra.csv baris 3"


def test_workbench_frames_keep_numbers_and_readable_names(result):
    audit = ar.audit_frame(result)
    assert len(audit) == len(result.frame)
    assert list(audit.columns) == [
        "Pemeriksaan", "Bab", "Lokasi", "Label baris", "Label kolom", "Halaman", "Angka", "Tahun", "Tercetak",
        "Dihitung", "Selisih", "Status", "Kemungkinan penyebab", "Penjelasan", "Teks tercetak", "Dihitung dari",
        "Keterangan", "Berkas", "Baris berkas", "Kode angka"]
    assert audit["Tercetak"].dtype == "float64"
    selisih = ar.selisih_frame(result)
    assert len(selisih) == len(result.differences()) and set(selisih["Status"]) == {"Selisih"}
    cakupan = ar.cakupan_frame(result)
    assert cakupan.iloc[-1]["Lokasi"] == "Jumlah" and cakupan.iloc[-1]["Angka tercetak"] == 2858


def test_the_printed_summary_counts_every_figure_per_place_and_reason(result):
    per_place = ar.cakupan_per_tempat(result)
    assert list(per_place.columns) == ["Tempat di LKjIP", "Angka tercetak", "Diperiksa", "Sesuai", "Selisih",
                                       "Tidak dapat diperiksa"]
    assert per_place.iloc[-1].tolist() == ["Jumlah", "2.858", "1.577", "1.406", "171", "1.281"]
    assert per_place[per_place["Tempat di LKjIP"] == "Gambar 3.2"].iloc[0].tolist() == \
        ["Gambar 3.2", "277", "277", "255", "22", "0"]
    # the places are those of the full list (screen only), each with as many checked figures as it lists
    full = ar.daftar_diperiksa(result)
    listed = full.groupby("Lokasi").size()
    checked = dict(zip(per_place["Tempat di LKjIP"], per_place["Diperiksa"]))
    assert all(checked[place] == f"{n:,}".replace(",", ".") for place, n in listed.items())
    reasons = ar.tidak_diperiksa_per_alasan(result)
    assert list(reasons.columns) == ["Alasan", "Jumlah angka", "Tempat di LKjIP (jumlah angka)"]
    assert sum(int(n.replace(".", "")) for n in reasons["Jumlah angka"]) == 1281
    assert reasons["Alasan"].is_unique
    tc27 = reasons[reasons["Alasan"].str.startswith("Rencana pendanaan indikatif Renstra")].iloc[0]
    assert tc27["Jumlah angka"] == "348"
    assert tc27["Tempat di LKjIP (jumlah angka)"] == "Gambar 2.1 (113); Lampiran 1 TC-27 (113); Lampiran 1 T-C.27 (122)"
    where = ar.daftar_lengkap_keterangan(result)
    assert "1.577 angka yang diperiksa (1.406 sesuai, 171 selisih)" in where
    assert "versi layar" in where and "audit.csv" in where and "/" not in where  # no path


def test_screen_only_blocks_stay_out_of_the_print_html(result):
    from lkjip.render.export import build_print_html

    body = (ar.print_only(ar.paragraph("hanya di kertas")) + ar.screen_only(ar.paragraph("hanya di layar"))
            + ar.table_block(ar.temuan_per_penyebab(result)[0][2], widths=ar.WIDTHS["temuan"]))
    html = f"<html><head><title>t</title></head><body><main>{body}</main></body></html>"
    printable = build_print_html(html, title="t", cover={"unit": "Gedeg", "year": 2023})
    assert "hanya di kertas" in printable and "hanya di layar" not in printable and "hanya di layar" in html
    assert '<table class="lkjip-fixed ' in printable and '<col style="width: 31%">' in printable
    with pytest.raises(ValueError, match="lebar kolom"):
        ar.table_block(ar.ringkasan(result), widths=(50, 50, 0))


def test_a_landscape_section_carries_its_title(result):
    html = ar.section("Temuan", "temuan", [ar.paragraph("a < b"), ar.table_block(ar.ringkasan(result), small=True)],
                      landscape=True)
    assert html.startswith('<div class="lkjip-landscape">\n<h2 id="temuan">Temuan</h2>')
    assert "a &lt; b" in html and 'class="lkjip-wide-xl' in html
