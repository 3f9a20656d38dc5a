"""The run fingerprint: what a unit-year's reports depend on, package versions included."""

from __future__ import annotations

from lkjip.inputs import provenance
from lkjip.run.pipeline import fingerprint, steps_for


def test_fingerprint_follows_inputs_parameters_and_package_versions(raw_dir, monkeypatch):
    steps = steps_for("gedeg", 2023, raw_dir)
    first = fingerprint(raw_dir, "gedeg", 2023, steps, pdf=True)
    assert fingerprint(raw_dir, "gedeg", 2023, steps, pdf=True) == first
    assert fingerprint(raw_dir, "gedeg", 2023, steps, pdf=False) != first
    real = provenance.package_versions()
    assert real["pandas"] and real["python"]
    monkeypatch.setattr(provenance, "package_versions", lambda: {**real, "pandas": "0.0.1"})
    assert fingerprint(raw_dir, "gedeg", 2023, steps, pdf=True) != first
    monkeypatch.setattr(provenance, "package_versions", lambda: dict(real))
    assert fingerprint(raw_dir, "gedeg", 2023, steps, pdf=True) == first


def test_the_inputs_digest_leaves_the_pdf_flag_out(raw_dir):
    from lkjip.run.pipeline import fingerprints

    steps = steps_for("gedeg", 2023, raw_dir)
    with_pdf, inputs = fingerprints(raw_dir, "gedeg", 2023, steps, pdf=True)
    without_pdf, same_inputs = fingerprints(raw_dir, "gedeg", 2023, steps, pdf=False)
    assert with_pdf != without_pdf and inputs == same_inputs  # --no-pdf can tell whether old PDFs still fit
    assert inputs == fingerprint(raw_dir, "gedeg", 2023, steps, pdf=None)
