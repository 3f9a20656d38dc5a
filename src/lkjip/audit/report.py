"""The audit report for an auditor (notebook 04): words, places and formatted figures, no identifiers.

Every function takes an :class:`~lkjip.audit.result.AuditResult` and returns a
frame with Indonesian headers. Report tables (:func:`ringkasan`,
:func:`per_bab`, :func:`terbesar`, :func:`temuan_per_penyebab`,
:func:`daftar_diperiksa`, :func:`tidak_diperiksa`) hold text: each figure is
written with its printed decimals and unit through :mod:`lkjip.contract.fmt`, each
place as the LKjIP names it (table, row, column, page when known), each
recomputed value with the raw file and spreadsheet rows it comes from.
Workbench frames (:func:`audit_frame`, :func:`selisih_frame`,
:func:`cakupan_frame`) keep numbers as numbers so that an auditor can
filter and sort them in the notebook.

The printed audit (PDF) is the auditor's working document: every difference in full
(:func:`temuan_per_penyebab`), the coverage counts, and for the figures that are equal or cannot be
checked only their counts per place and per reason (:func:`cakupan_per_tempat`,
:func:`tidak_diperiksa_per_alasan`). The full list of checked figures is shown on screen only
(:func:`screen_only`); the HTML and ``audit.csv`` keep every row, and the PDF says where they are
(:func:`daftar_lengkap_keterangan`).
"""

from __future__ import annotations

import math
from collections.abc import Callable

import pandas as pd
from markupsafe import Markup, escape

from lkjip.audit.causes import CAUSE_LABELS, CAUSES
from lkjip.audit.coverage import figure_status
from lkjip.audit.folded import folded_places
from lkjip.audit.materiality import share_of_total
from lkjip.audit.two_documents import GENERATED_PLACE, PUBLISHED_PLACE, Places, with_generated_place
from lkjip.audit.labels import CHAPTERS, DATA_CHAPTER, FAMILY_LABELS, STATUS_LABELS, kind_of, unit_of
from lkjip.audit.result import (
    FAMILIES,
    FAMILY_CROSS,
    FAMILY_DOCUMENT,
    FAMILY_INTERNAL,
    FAMILY_PLACES,
    FAMILY_PUBLISHED,
    SELISIH,
    SESUAI,
    TIDAK_DIPERIKSA,
    AuditResult,
)
from lkjip.contract.fmt import fmt_int, fmt_number, fmt_rupiah, is_blank
from lkjip.contract.html_table import table_html
from lkjip.contract.markup import md_text
from lkjip.contract.pages import block

#: What each cause means, for the introduction of its group of findings.
CAUSE_INTROS = {
    "salah_ketik_digit": "Angka tercetak berbeda satu digit (atau dua digit bersebelahan tertukar) dari angka yang "
                         "seharusnya.",
    "pembulatan": "Angka tercetak sama dengan angka yang seharusnya bila dibulatkan lain: dipotong, dibulatkan ke "
                  "desimal yang lebih sedikit, memakai bobot yang dibulatkan, atau dihitung dari angka antara yang "
                  "sudah dibulatkan.",
    "penjumlahan": "Jumlah tercetak melewatkan atau menghitung dua kali satu rinciannya.",
    "beda_periode": "Angka tercetak berasal dari periode lain daripada tahun laporan.",
    "turunan": "Angka tercetak dihitung dari angka tercetak lain yang sudah berbeda (disebutkan); selisihnya terbawa "
               "dari angka itu, bukan terjadi di sini.",
    "beda_target": "Capaian tercetak dihitung terhadap target lain daripada target tahun laporan (keduanya "
                   "disebutkan).",
    "beda_sumber": "Angka tercetak sama dengan angka tahun lain atau dokumen lain (disebutkan).",
    "tidak_diketahui": "Penyebab selisih tidak dapat ditentukan dari data; setiap temuan menyebut apa yang sudah "
                       "dicoba. Mohon dijelaskan oleh penyusun.",
}

_CUT = 110


def _short(text: str, n: int = _CUT) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= n else text[: n - 1].rstrip() + "…"


def decimals_of_row(row) -> int:
    """The printed decimals of a row, read back from its tolerance (0,005 -> 2)."""
    tol = row.get("toleransi")
    if is_blank(tol) or not tol or tol <= 0:
        return 0
    return max(0, int(round(-math.log10(2 * float(tol)))))


def figure(value, decimals: int, unit: str) -> str:
    """A figure as a reader sees it: ``Rp 2.567.147.148``, ``94,38``, ``11.119``; blank as a dash."""
    if is_blank(value):
        return "–"
    if unit == "Rp":
        return fmt_rupiah(value, decimals if decimals and float(value) != round(float(value)) else 0)
    return fmt_number(value, decimals) if decimals else fmt_int(value)


def place(row) -> str:
    """Where the figure is printed (LKjIP place, row and column label, page), or the data file and row."""
    lokasi = row.get("lokasi")
    if is_blank(lokasi):
        berkas = row.get("berkas")
        baris = row.get("baris")
        where = "" if is_blank(berkas) else str(berkas)
        if not is_blank(baris):
            where += f" baris {int(baris)}"
        return f"Data masukan: {where}".strip() if where else "Data masukan"
    parts = [str(lokasi)]
    for c in ("baris_label", "kolom_label"):
        v = row.get(c)
        if not is_blank(v):
            parts.append(_short(str(v), 70))
    text = ", ".join(parts) if len(parts) < 3 else f"{parts[0]}, {parts[1]} / {parts[2]}"
    if not is_blank(row.get("halaman")):
        text += f", hlm. {row.get('halaman')}"
    return text


def _values(row) -> tuple[str, str, str]:
    unit = unit_of(row.get("indikator"), row.get("dataset"))
    d = decimals_of_row(row)
    return (figure(row.get("dipublikasikan"), d, unit), figure(row.get("dihitung"), d, unit),
            figure(row.get("selisih"), d, unit))


def _recomputed_from(row) -> str:
    if row.get("pemeriksaan") == FAMILY_INTERNAL:
        return "jumlah baris lain di berkas yang sama"
    v = row.get("sumber_hitungan")
    return "" if is_blank(v) else str(v)


# ---------------------------------------------------------------- summary page

def ringkasan(result: AuditResult) -> pd.DataFrame:
    """The coverage of the printed figures in one column (the first table of the report)."""
    c = result.coverage().iloc[0]
    rows = [("Angka yang tercetak di LKjIP", c["dicetak"]),
            ("Diperiksa", c["diperiksa"]),
            ("– dihitung ulang dari data masukan", c["dihitung_ulang"]),
            ("– diperiksa terhadap rinciannya di tabel yang sama", c["diperiksa_dalam_tabel"]),
            ("Sesuai", c["sesuai"]),
            ("Selisih", c["selisih"]),
            ("Tidak dapat diperiksa (alasannya di bagian akhir)", c["tidak_dapat_diperiksa"])]
    return pd.DataFrame({"Cakupan": [r[0] for r in rows], "Jumlah angka": [fmt_int(r[1]) for r in rows]})


def per_bab(result: AuditResult) -> pd.DataFrame:
    """Per chapter of the LKjIP: printed, checked, equal, different, not checkable."""
    cov = result.coverage("bab").reset_index()
    cov["bab"] = cov["bab"].replace("", "Lainnya")
    order = {b: i for i, b in enumerate([*CHAPTERS, "Lainnya", "Jumlah"])}
    cov = cov.sort_values("bab", key=lambda s: s.map(lambda b: order.get(b, 50)), kind="stable")
    out = pd.DataFrame({"Bab": cov["bab"], "Angka tercetak": cov["dicetak"], "Diperiksa": cov["diperiksa"],
                        "Sesuai": cov["sesuai"], "Selisih": cov["selisih"],
                        "Tidak dapat diperiksa": cov["tidak_dapat_diperiksa"]})
    for c in out.columns[1:]:
        out[c] = out[c].map(fmt_int)
    return out.reset_index(drop=True)


def per_pemeriksaan(result: AuditResult) -> pd.DataFrame:
    """The comparisons per check family, in words."""
    counts = result.counts().reset_index()
    return pd.DataFrame({"Pemeriksaan": counts["pemeriksaan"].map(FAMILY_LABELS),
                         "Dibandingkan": counts["diperiksa"].map(fmt_int),
                         "Sesuai": counts["sesuai"].map(fmt_int), "Selisih": counts["selisih"].map(fmt_int)})


def terbesar(result: AuditResult, kind: str = "rupiah", n: int = 5, places: Places | None = None) -> pd.DataFrame:
    """The ``n`` most material differences in rupiah (``kind="rupiah"``) or in points (``"poin"``: indices
    and %): ranked by their share of the total they belong to (:mod:`lkjip.audit.materiality`), not by size.

    Figures of families 1-4; a value printed in several places counts once.
    """
    d = result.differences()
    d = d[d["pemeriksaan"] != FAMILY_PLACES]
    if not len(d):
        return pd.DataFrame(columns=[PUBLISHED_PLACE, "Angka", "Tercetak", "Dihitung", "Selisih",
                                     "Kemungkinan penyebab"])
    kinds = [kind_of(i, ds) for i, ds in zip(d["indikator"], d["dataset"])]
    d = d[[k == kind for k in kinds]].copy()
    # ranked by materiality: the share of the total each figure belongs to (lkjip.audit.materiality)
    d["_abs"] = share_of_total(d, result.frame)
    d = d.sort_values("_abs", ascending=False, kind="stable")
    d = d.drop_duplicates(["indikator", "dipublikasikan", "dihitung"]) if "indikator" in d else d
    d = d.head(n)
    return _finding_table(d, penjelasan=False, places=places)


# ---------------------------------------------------------------- findings

def _finding_table(d: pd.DataFrame, penjelasan: bool = True, places: Places | None = None) -> pd.DataFrame:
    rows = []
    for _, r in d.iterrows():
        pub, comp, diff = _values(r)
        row = {PUBLISHED_PLACE: place(r), "Angka": _short(r.get("uraian") or r.get("item") or "", 120),
               "Tercetak": pub, "Dihitung": comp, "Selisih": diff}
        if penjelasan:
            row["Penjelasan"] = r.get("penjelasan") or ""
        else:
            row["Kemungkinan penyebab"] = CAUSE_LABELS.get(r.get("kemungkinan_penyebab"), "")
        rows.append(row)
    out = pd.DataFrame(rows)
    # with the generated LKjIP's places (lkjip.audit.two_documents): its place beside the published one
    return with_generated_place(out, list(d["lokasi"]), places) if places is not None and len(out) else out


def _order(d: pd.DataFrame) -> pd.DataFrame:
    fam = {f: i for i, f in enumerate([FAMILY_PUBLISHED, FAMILY_DOCUMENT, FAMILY_PLACES, FAMILY_INTERNAL,
                                       FAMILY_CROSS])}
    bab = {b: i for i, b in enumerate(CHAPTERS)}
    return d.assign(_f=d["pemeriksaan"].map(fam), _b=d["bab"].map(lambda b: bab.get(b, 9))) \
        .sort_values(["_f", "_b"], kind="stable").drop(columns=["_f", "_b"])


def temuan_per_penyebab(result: AuditResult, places: Places | None = None) -> list[tuple[str, str, pd.DataFrame]]:
    """Every difference, grouped by likely cause, most material first (:mod:`lkjip.audit.materiality`):
    (heading, what the cause means, table); with ``places``
    (:mod:`lkjip.audit.two_documents`) each finding also names its place in the generated LKjIP."""
    d = result.differences()
    out = []
    for cause in CAUSES:
        sel = d[d["kemungkinan_penyebab"] == cause]
        if not len(sel):
            continue
        heading = f"{CAUSE_LABELS[cause]} ({fmt_int(len(sel))} temuan)"
        # most material first (share of the total each figure belongs to), then in document order
        ranked = _order(sel)
        ranked = ranked.assign(_m=share_of_total(ranked, result.frame)).sort_values("_m", ascending=False,
                                                                                   kind="stable")
        out.append((heading, CAUSE_INTROS[cause], _finding_table(ranked.drop(columns="_m"), places=places)))
    return out


def daftar_diperiksa(result: AuditResult) -> pd.DataFrame:
    """Every printed figure that was compared: place, name, printed, recomputed, status, raw rows."""
    f = result.frame
    figs = figure_status(f)
    status = dict(zip(figs["baris"], figs["status"]))
    pub = f[(f["pemeriksaan"] == FAMILY_PUBLISHED) & f["baris"].notna()]
    others = {fam: f[(f["pemeriksaan"] == fam) & f["baris"].notna()].drop_duplicates("baris").set_index("baris")
              for fam in (FAMILY_DOCUMENT, FAMILY_PLACES)}
    rows = []
    for _, r in pub.iterrows():
        st = status.get(r["baris"])
        if st not in (SESUAI, SELISIH):
            continue
        use, src = r, _recomputed_from(r)
        if r["status"] not in (SESUAI, SELISIH):
            # compared with its printed parts, or only with the same figure printed elsewhere
            for fam, what in ((FAMILY_DOCUMENT, "angka rincian di tabel yang sama"),
                              (FAMILY_PLACES, "angka yang sama di tempat lain")):
                if r["baris"] in others[fam].index:
                    use, src = others[fam].loc[r["baris"]], what
                    break
        p, c, _ = _values(use)
        label = " / ".join(_short(str(r[k]), 60) for k in ("baris_label", "kolom_label") if not is_blank(r.get(k)))
        if not is_blank(r.get("halaman")):
            label += f", hlm. {r.get('halaman')}"
        rows.append({"Lokasi": r.get("lokasi") or "", "Baris / kolom": label,
                     "Angka": _short(r.get("uraian") or "", 80), "Tercetak": p, "Dihitung": c,
                     "Status": STATUS_LABELS[st], "Dihitung dari": src})
    return pd.DataFrame(rows, columns=["Lokasi", "Baris / kolom", "Angka", "Tercetak", "Dihitung", "Status",
                                       "Dihitung dari"])


def daftar_per_tempat(result: AuditResult) -> list[tuple[str, pd.DataFrame]]:
    """:func:`daftar_diperiksa` split by place of the LKjIP, in document order."""
    d = daftar_diperiksa(result)
    return [(lokasi or "Lainnya", group.drop(columns="Lokasi").reset_index(drop=True))
            for lokasi, group in d.groupby("Lokasi", sort=False)]


def _not_checkable(result: AuditResult) -> pd.DataFrame:
    """The family-3 rows of the printed figures that no check could compare."""
    f = result.frame
    figs = figure_status(f)
    left = set(figs.loc[figs["status"] == TIDAK_DIPERIKSA, "baris"])
    return f[(f["pemeriksaan"] == FAMILY_PUBLISHED) & f["baris"].isin(left)]


def tidak_diperiksa(result: AuditResult) -> pd.DataFrame:
    """The printed figures that could not be checked, by reason and place, with how many."""
    sel = _not_checkable(result)
    if not len(sel):
        return pd.DataFrame(columns=["Alasan", PUBLISHED_PLACE, "Jumlah angka"])
    g = sel.assign(_lok=sel["lokasi"].fillna("")).groupby(["keterangan", "_lok"], sort=False).size().reset_index()
    g.columns = ["Alasan", PUBLISHED_PLACE, "Jumlah angka"]
    g["Alasan"] = g["Alasan"].map(lambda s: s[:1].upper() + s[1:])
    g["Jumlah angka"] = g["Jumlah angka"].map(fmt_int)
    return g


def cakupan_per_tempat(result: AuditResult) -> pd.DataFrame:
    """Per place of the LKjIP (table, figure, text section), in document order: printed, checked,
    equal, different, not checkable, and the total. The printed audit's summary of the full list."""
    cov = result.coverage("lokasi").reset_index()
    cov["lokasi"] = cov["lokasi"].replace("", "Lainnya")
    out = pd.DataFrame({PUBLISHED_PLACE: cov["lokasi"], "Angka tercetak": cov["dicetak"],
                        "Diperiksa": cov["diperiksa"], "Sesuai": cov["sesuai"], "Selisih": cov["selisih"],
                        "Tidak dapat diperiksa": cov["tidak_dapat_diperiksa"]})
    for c in out.columns[1:]:
        out[c] = out[c].map(fmt_int)
    return out.reset_index(drop=True)


def tidak_diperiksa_per_alasan(result: AuditResult) -> pd.DataFrame:
    """The figures that could not be checked, one row per reason: how many, and in which places
    (with how many in each), in document order."""
    sel = _not_checkable(result)
    if not len(sel):
        return pd.DataFrame(columns=["Alasan", "Jumlah angka", PUBLISHED_PLACE + " (jumlah angka)"])
    rows = []
    for alasan, group in sel.assign(_lok=sel["lokasi"].fillna("Lainnya")).groupby("keterangan", sort=False):
        places = group.groupby("_lok", sort=False).size()
        rows.append({"Alasan": alasan[:1].upper() + alasan[1:], "Jumlah angka": fmt_int(len(group)),
                     PUBLISHED_PLACE + " (jumlah angka)": "; ".join(f"{p} ({fmt_int(n)})" for p, n in places.items())})
    return pd.DataFrame(rows)


def daftar_lengkap_keterangan(result: AuditResult) -> str:
    """Where the printed audit's reader finds the full list of the checked figures (no path: the
    HTML version published with the PDF and the audit table ``audit.csv``), with its counts."""
    c = result.coverage().iloc[0]
    temuan = ("Semua selisih sudah tercetak lengkap di bagian Temuan; " if c["selisih"]
              else "Tidak ada selisih; ")
    return (f"Daftar ini tidak dicetak: {fmt_int(c['diperiksa'])} angka yang diperiksa "
            f"({fmt_int(c['sesuai'])} sesuai, {fmt_int(c['selisih'])} selisih) masing-masing satu baris, dengan "
            "tempatnya di LKjIP, angka tercetak, angka hasil hitung, statusnya, serta berkas data dan nomor baris "
            "asal angka hasil hitung. Daftar lengkap itu ada di laporan audit ini versi layar (berkas HTML yang "
            "diterbitkan bersama PDF ini, dibuka dengan peramban web) dan di tabel audit audit.csv di data olahan "
            "tahun yang sama (dibuka dengan aplikasi lembar kerja), yang memuat setiap perbandingan. " + temuan
            + "tabel berikut meringkas angka yang diperiksa per tempat di LKjIP.")


# ---------------------------------------------------------------- workbench

_READABLE = {
    "pemeriksaan": "Pemeriksaan", "bab": "Bab", "lokasi": "Lokasi", "baris_label": "Label baris",
    "kolom_label": "Label kolom", "halaman": "Halaman", "uraian": "Angka", "tahun": "Tahun",
    "dipublikasikan": "Tercetak", "dihitung": "Dihitung", "selisih": "Selisih", "status": "Status",
    "kemungkinan_penyebab": "Kemungkinan penyebab", "penjelasan": "Penjelasan", "teks": "Teks tercetak",
    "sumber_hitungan": "Dihitung dari", "keterangan": "Keterangan", "berkas": "Berkas", "baris": "Baris berkas",
    "indikator": "Kode angka",
}


def audit_frame(result: AuditResult) -> pd.DataFrame:
    """Every row of the audit with readable names (numbers stay numbers, for filtering)."""
    f = result.frame
    out = f[list(_READABLE)].rename(columns=_READABLE).copy()
    out["Pemeriksaan"] = f["pemeriksaan"].map(FAMILY_LABELS)
    out["Bab"] = f["bab"].fillna(DATA_CHAPTER)
    out["Status"] = f["status"].map(STATUS_LABELS)
    out["Kemungkinan penyebab"] = f["kemungkinan_penyebab"].map(CAUSE_LABELS)
    return out


def selisih_frame(result: AuditResult) -> pd.DataFrame:
    """Only the differences, readable names."""
    a = audit_frame(result)
    return a[result.frame["status"] == SELISIH].reset_index(drop=True)


def cakupan_frame(result: AuditResult) -> pd.DataFrame:
    """Coverage per place of the LKjIP (numbers), in document order."""
    cov = result.coverage("lokasi").reset_index()
    return cov.rename(columns={"lokasi": "Lokasi", "dicetak": "Angka tercetak", "diperiksa": "Diperiksa",
                               "sesuai": "Sesuai", "selisih": "Selisih",
                               "tidak_dapat_diperiksa": "Tidak dapat diperiksa",
                               "dihitung_ulang": "Dihitung ulang", "diperiksa_dalam_tabel": "Diperiksa dalam tabel"})


# ---------------------------------------------------------------- HTML for the notebook

#: Column widths (% of the text block) of the printed tables whose cells hold sentences. A table with
#: its widths set is laid out with ``table-layout: fixed`` in print (class ``lkjip-fixed``): WeasyPrint's
#: automatic layout measures the narrowest width of every cell, and with ``overflow-wrap: anywhere``
#: (long words) that costs time quadratic in the text's length (70 CPU-s for the 2023 findings). The
#: audit prints on landscape pages (:data:`lkjip.inputs.chain.STEPS`), where 11 % of the text block holds an
#: amount such as "Rp 4.359.435.392" unbroken.
WIDTHS = {
    "temuan": (17, 16, 12, 12, 12, 31),                   # Tempat, Angka, Tercetak, Dihitung, Selisih, Penjelasan
    "terbesar": (20, 22, 13, 13, 13, 19),             # ..., Kemungkinan penyebab
    "per_alasan": (47, 9, 44),                       # Alasan, Jumlah angka, Tempat di LKjIP (jumlah angka)
    # with the generated LKjIP's place beside the published one (lkjip.audit.two_documents)
    "temuan_dua": (14, 12, 14, 11, 11, 11, 27),
    "terbesar_dua": (16, 13, 18, 12, 12, 12, 17),
    "lkjip_dihasilkan": (20, 17, 12, 12, 12, 10, 17),  # the generated LKjIP's own findings (its section)
    "data_berbeda": (15, 20, 65),                     # Jenis, Tempat di LKjIP yang dihasilkan, Keterangan
}


def table_block(frame: pd.DataFrame, caption: str | None = None, source: str | None = None, *,
                small: bool = False, widths: tuple[float, ...] | None = None,
                links: Callable[[str, str], Markup | None] | None = None) -> Markup:
    """A report table as HTML (lkjip.contract.html_table.table_html: escaped cells, print classes) with caption and
    source; ``small`` prints it in the smaller font of wide tables (class ``lkjip-wide-xl``); ``widths``
    (% per column, see :data:`WIDTHS`) fixes the column widths in print (class ``lkjip-fixed``). A long list
    of places is folded in print (:func:`lkjip.audit.folded.folded_places`); ``links``
    (:func:`lkjip.audit.two_documents.place_links`) links the other cells' generated places."""
    if widths is not None and len(widths) != len(frame.columns):
        raise ValueError(f"{len(widths)} lebar kolom untuk {len(frame.columns)} kolom")

    def cell(column: str, text: str) -> Markup | None:
        return folded_places(column, text) or (links(column, text) if links is not None else None)

    table = table_html(frame, small=small, column_widths=widths, text_cell=cell)
    return block("tabel_audit.html.j2", caption=caption, table=Markup(table), source=source)


def section(title: str, anchor: str, blocks: list[str], *, landscape: bool = False, level: int = 2) -> Markup:
    """A titled part of the report as one HTML block; ``landscape`` prints it on A4 landscape pages
    (class ``lkjip-landscape`` of the print CSS), title included, so that no page holds only a title."""
    return block("bagian_audit.html.j2", title=title, anchor=anchor, level=level, landscape=landscape,
                 blocks=[Markup(b) for b in blocks])


#: Markers around a block shown on screen only; :func:`lkjip.render.export.build_print_html` drops what they
#: enclose before layout (the CSS hides it in print anyway, see ``lkjip.css``).
SCREEN_ONLY_START, SCREEN_ONLY_END = "<!--lkjip:layar-saja-->", "<!--/lkjip:layar-saja-->"


#: Markers around a block for print only; :func:`lkjip.render.screen.for_screen` drops what they enclose
#: from the screen HTML (the same strings as lkjip.render.screen's, which this layer may not import).
PRINT_ONLY_START, PRINT_ONLY_END = "<!--lkjip:cetak-saja-->", "<!--/lkjip:cetak-saja-->"


def screen_only(html: str) -> Markup:
    """A block for the HTML only (e.g. a list of every checked figure): not printed in the PDF."""
    return block("satu_media.html.j2", start=Markup(SCREEN_ONLY_START), end=Markup(SCREEN_ONLY_END),
                 css_class="lkjip-layar-saja", html=Markup(html))


def print_only(html: str) -> Markup:
    """A block for the PDF only (e.g. where the unprinted full list is): the screen HTML leaves it out
    (:func:`lkjip.render.screen.for_screen`), so it never describes another version of itself."""
    return block("satu_media.html.j2", start=Markup(PRINT_ONLY_START), end=Markup(PRINT_ONLY_END),
                 css_class="lkjip-cetak-saja", html=Markup(html))


def paragraph(text: str, label: str | None = None) -> Markup:
    """A paragraph of the report, ``label`` in bold before it.

    >>> paragraph("tidak ada selisih.", label="Selisih <rupiah>")
    Markup('<p><strong>Selisih &lt;rupiah&gt;</strong>: tidak ada selisih.</p>')
    """
    return block("paragraf.html.j2", text=text, label=label)


def heading(text: str, level: int = 3) -> Markup:
    """A heading inside a part of the report (:func:`section` gives the part's own, with its anchor).

    >>> heading("Rumus & angka")
    Markup('<h3>Rumus &amp; angka</h3>')
    """
    return block("judul_bagian.html.j2", text=text, level=level)


__all__ = ["CAUSE_INTROS", "FAMILIES", "GENERATED_PLACE", "PUBLISHED_PLACE", "SCREEN_ONLY_END", "SCREEN_ONLY_START", "WIDTHS", "escape", "md_text", "audit_frame",
           "cakupan_frame", "cakupan_per_tempat", "daftar_diperiksa", "daftar_lengkap_keterangan", "decimals_of_row",
           "daftar_per_tempat", "figure", "heading", "paragraph", "per_bab", "per_pemeriksaan", "place", "print_only",
           "ringkasan", "screen_only", "section", "selisih_frame", "table_block", "temuan_per_penyebab",
           "terbesar", "tidak_diperiksa", "tidak_diperiksa_per_alasan"]
