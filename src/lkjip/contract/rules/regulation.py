"""Constants the regulations fix: IKM unsur, Krejcie-Morgan, SAKIP weights, IP ASN dimensions, targets.

- IKM: PermenPAN-RB Nomor 14 Tahun 2017 (nine unsur, Krejcie-Morgan sample);
- SAKIP: PermenPAN-RB Nomor 88 Tahun 2021 (four components and their weights,
  three sub-components and their shares of a component's weight);
- IP ASN: PermenPAN-RB Nomor 38 Tahun 2018 (four dimensions and their maxima);
- targets: the documents that set a year's target, by precedence.

>>> sum(SAKIP_COMPONENT_WEIGHTS.values()), sum(IPASN_DIMENSIONS.values())
(100.0, 100.0)
>>> SAKIP_COMPONENT_WEIGHTS["pelaporan"] * SAKIP_SUBCOMPONENT_SHARES["kualitas"]  # a sub-component's weight
4.5
"""

from __future__ import annotations

# --- IKM -------------------------------------------------------------------
IKM_UNSUR_NAMES = {
    "u1": "Persyaratan",
    "u2": "Sistem, Mekanisme, dan Prosedur",
    "u3": "Waktu Penyelesaian",
    "u4": "Biaya/Tarif",
    "u5": "Produk Spesifikasi Jenis Pelayanan",
    "u6": "Kompetensi Pelaksana",
    "u7": "Perilaku Pelaksana",
    "u8": "Penanganan Pengaduan, Saran dan Masukan",
    "u9": "Sarana dan Prasarana",
}
#: One-word names of the unsur (chart labels).
IKM_UNSUR_SHORT = {
    "u1": "Persyaratan",
    "u2": "Prosedur",
    "u3": "Waktu",
    "u4": "Biaya",
    "u5": "Produk",
    "u6": "Kompetensi",
    "u7": "Perilaku",
    "u8": "Pengaduan",
    "u9": "Sarana",
}
#: Nilai IKM unit = IKM (the sum of weighted NRR, 1..4) x this factor: the 25-100 scale of
#: PermenPAN-RB 14/2017 (also NRR per unsur x 25).
IKM_SCALE = 25.0
#: Krejcie-Morgan constants used by PermenPAN-RB 14/2017.
KREJCIE_MORGAN = {"chi2": 3.841, "p": 0.5, "d": 0.05}

# --- SAKIP -----------------------------------------------------------------
SAKIP_COMPONENT_NAMES = {
    "perencanaan": "Perencanaan Kinerja",
    "pengukuran": "Pengukuran Kinerja",
    "pelaporan": "Pelaporan Kinerja",
    "evaluasi_internal": "Evaluasi Akuntabilitas Kinerja Internal",
}
SAKIP_COMPONENT_WEIGHTS = {"perencanaan": 30.0, "pengukuran": 30.0, "pelaporan": 15.0,
                           "evaluasi_internal": 25.0}
SAKIP_SUBCOMPONENT_NAMES = {"keberadaan": "Keberadaan", "kualitas": "Kualitas",
                            "pemanfaatan": "Pemanfaatan"}
#: Share of a component's weight that each sub-component carries.
SAKIP_SUBCOMPONENT_SHARES = {"keberadaan": 0.2, "kualitas": 0.3, "pemanfaatan": 0.5}
SAKIP_COMPONENTS = tuple(SAKIP_COMPONENT_WEIGHTS)
#: Scores and weights are typed with two decimals (their printed decimals for
#: the tolerance rule of lkjip.contract.rules.printed).
SAKIP_SCORE_DECIMALS = 2
SAKIP_SUBCOMPONENTS = tuple(SAKIP_SUBCOMPONENT_SHARES)


# --- IP ASN ----------------------------------------------------------------
#: The four dimensions and their maxima (they add up to 100).
IPASN_DIMENSIONS = {"kualifikasi": 25.0, "kompetensi": 40.0, "kinerja": 30.0, "disiplin": 5.0}
IPASN_DIMENSION_NAMES = {"kualifikasi": "Kualifikasi", "kompetensi": "Kompetensi",
                         "kinerja": "Kinerja", "disiplin": "Disiplin"}
#: Staff statuses that are ASN (measured by IP ASN); ``honorer`` is not.
ASN_STATUSES = ("PNS", "PPPK")
STAFF_STATUSES = (*ASN_STATUSES, "honorer")

# --- targets ---------------------------------------------------------------
#: Documents in the order the data contract lists them, with their names.
DOCUMENT_LABELS = {
    "renstra": "Renstra",
    "renstra_perubahan": "Renstra Perubahan",
    "pk": "Perjanjian Kinerja",
    "pk_perubahan": "Perjanjian Kinerja Perubahan",
}
TARGET_DOCUMENTS = tuple(DOCUMENT_LABELS)
#: Documents in order of precedence for a year's effective target.
TARGET_PRECEDENCE = ("pk_perubahan", "pk", "renstra_perubahan", "renstra")

# --- reporting ---------------------------------------------------------------
#: The regulation the LKjIP is written under (its Kata Pengantar and Ikhtisar name it).
REPORTING_REGULATION = ("Peraturan Menteri Pendayagunaan Aparatur Negara dan Reformasi Birokrasi Nomor 53 "
                        "Tahun 2014 tentang Petunjuk Teknis Perjanjian Kinerja, Pelaporan Kinerja dan Tata "
                        "Cara Reviu atas Laporan Kinerja Instansi Pemerintah")
#: Its short name, for a sentence that has already named it once.
REPORTING_REGULATION_SHORT = "Peraturan Menteri PAN-RB Nomor 53 Tahun 2014"
