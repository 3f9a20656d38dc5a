"""The NIPs of a unit-year's document, shown one way (:mod:`lkjip.contract.nip`): every NIP of the
staff list, the signers and the officials' reports is masked against all the others, so two people
never share a masked form, and the same person has the same form in every table."""

from __future__ import annotations

from collections.abc import Callable

from lkjip.contract.nip import nip_digits, nip_masks, nip_shown
from lkjip.document.narrative.disagreements import nip_disagreements
from lkjip.document.sections import inputs_of

#: Datasets with a ``nip`` column that the LKjIP prints.
NIP_DATASETS = ("pegawai", "penandatangan", "laporan_pejabat")


def document_nips(inputs) -> list[object]:
    """Every NIP of the unit-year that a table of the LKjIP may print."""
    out: list[object] = []
    for name in NIP_DATASETS:
        frame = inputs.table(name)
        if frame is not None and "nip" in frame.columns:
            out.extend(frame["nip"].tolist())
    head = getattr(inputs.unit, "pimpinan", None) or {}
    if head.get("nip"):
        out.append(head["nip"])
    return out


def nip_formatter(inputs) -> Callable[[object], str]:
    """How this document prints a NIP: grouped in full when ``unit.yaml`` says ``tampilkan_nip: true``,
    else masked so that no two people look the same. The head of the unit (``pimpinan``), whose NIP the
    LKjIP prints in full on its cover and under its signature, is printed in full everywhere: one person,
    one form."""
    show = bool(inputs.unit.tampilkan_nip)
    masks = None if show else nip_masks(document_nips(inputs))
    head = nip_digits((getattr(inputs.unit, "pimpinan", None) or {}).get("nip"))
    return lambda nip: nip_shown(nip, show=show or (bool(head) and nip_digits(nip) == head), masks=masks)


def nip_notes(source) -> list[str]:
    """The draft's analyst notes on NIPs that disagree inside the data: an official whose NIP in the
    officials' reports or among the signers differs from the staff list (never corrected)."""
    inputs = inputs_of(source)
    return nip_disagreements(inputs.table("pegawai"), {name: inputs.table(name)
                                                       for name in ("laporan_pejabat", "penandatangan")})
