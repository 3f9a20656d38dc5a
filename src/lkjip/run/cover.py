"""What a report's PDF cover carries.

Only the LKjIP is signed by the unit's head, so only its cover names him (name, position, rank,
NIP). Every other report (validation, audit, the SAKIP analysis) names the unit, the kabupaten,
the year and the document, and no signatory: it is the program's analysis, not a signed report.

>>> from types import SimpleNamespace
>>> u = SimpleNamespace(nama="Kecamatan Gedeg", kabupaten="Kabupaten Mojokerto",
...                     pimpinan={"nama": "M. T", "jabatan": "Camat", "nip": "197702211995111001"})
>>> sorted(cover_fields("analisis_sakip", "Analisis Perubahan Nilai SAKIP", u, 2023))
['document', 'kabupaten', 'unit', 'year']
>>> cover_fields("lkjip", "LKjIP", u, 2023)["head_nip"]
'19770221 199511 1 001'
"""

from __future__ import annotations

from typing import Any

from lkjip.contract.nip import grouped, nip_digits

SIGNED_REPORT = "lkjip"


def cover_fields(report: str, title: str, info: Any, year: int) -> dict[str, Any]:
    """The cover of report ``report`` (a step's report name) of unit ``info`` (unit.yaml) for ``year``."""
    cover: dict[str, Any] = {"unit": info.nama, "kabupaten": info.kabupaten, "year": year}
    if report == SIGNED_REPORT:
        cover.update({
            "head_name": info.pimpinan.get("nama", ""),
            "head_position": info.pimpinan.get("jabatan", ""),
            "head_rank": info.pimpinan.get("pangkat", ""),
            "head_nip": grouped(nip_digits(info.pimpinan.get("nip", ""))),  # the NIP's one printed form
        })
    else:
        cover["document"] = title
    return cover
