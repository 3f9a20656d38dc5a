"""``lkjip run --no-pdf`` carries the published PDFs its run.json vouches for, with their layout records
(lkjip.inputs.published_state.carry_pdfs); a record of another shape vouches for nothing and is no error."""

from __future__ import annotations

import hashlib
import json

import pytest

from lkjip.inputs.published_state import carry_pdfs

PDF = b"%PDF-1.7 laporan"
DIGEST = "masukan-1"


def _published(tmp_path, **record):
    final, stage = tmp_path / "terbit", tmp_path / "staging"
    final.mkdir()
    stage.mkdir()
    (final / "lkjip_gedeg_2023.pdf").write_bytes(PDF)
    (final / "run.json").write_text(json.dumps(record), encoding="utf-8")
    return final, stage


def _vouched(**more) -> dict:
    return {"fingerprint_masukan": DIGEST,
            "published": {"report/lkjip_gedeg_2023.pdf": hashlib.sha256(PDF).hexdigest()}, **more}


def test_a_vouched_pdf_is_carried_with_its_layout_record(tmp_path):
    layout = {"halaman": 57, "bab": [{"kunci": "k"}]}
    final, stage = _published(tmp_path, **_vouched(tata_letak_pdf={"lkjip_gedeg_2023.pdf": layout}))
    carry = carry_pdfs(final, stage, DIGEST)
    assert (carry.carried, carry.removed, carry.layouts) == (["lkjip_gedeg_2023.pdf"], [],
                                                             {"lkjip_gedeg_2023.pdf": layout})
    assert (stage / "lkjip_gedeg_2023.pdf").read_bytes() == PDF
    # other inputs since: the PDF no longer describes them
    assert carry_pdfs(final, tmp_path / "lain", "masukan-2").removed == ["lkjip_gedeg_2023.pdf"]


@pytest.mark.parametrize("layouts", [5, ["lkjip_gedeg_2023.pdf"], {"lkjip_gedeg_2023.pdf": "x"}, None])
def test_a_layout_record_of_another_shape_is_left_out(tmp_path, layouts):
    final, stage = _published(tmp_path, **_vouched(tata_letak_pdf=layouts))
    carry = carry_pdfs(final, stage, DIGEST)
    assert (carry.carried, carry.layouts) == (["lkjip_gedeg_2023.pdf"], {})


@pytest.mark.parametrize("published", [["report/lkjip_gedeg_2023.pdf"], "x", 3])
def test_a_published_list_of_another_shape_vouches_for_nothing(tmp_path, published):
    final, stage = _published(tmp_path, fingerprint_masukan=DIGEST, published=published)
    carry = carry_pdfs(final, stage, DIGEST)
    assert (carry.carried, carry.removed) == ([], ["lkjip_gedeg_2023.pdf"])
    assert not (stage / "lkjip_gedeg_2023.pdf").exists()
