"""Each step of the chain is fingerprinted by what it reads (issue "One home for each document part")."""

from __future__ import annotations

from lkjip.inputs.chain import NARASI, STEPS, step_fingerprints
from lkjip.inputs.snapshot import Snapshot

NOTEBOOKS = [s.notebook for s in STEPS]


def _snapshot(**changed: str) -> Snapshot:
    files = {"work/raw/gedeg/2023/ikm_survei.csv": "a", "work/raw/gedeg/2023/narasi.md": "b",
             "work/raw/gedeg/targets.csv": "c", "src/lkjip/fmt.py": "d",
             **{f"work/notebooks/{n}": "e" + n for n in NOTEBOOKS}}
    return Snapshot({k: changed.get(k, v) for k, v in files.items()})


def _changed(after: Snapshot) -> list[str]:
    before = step_fingerprints(_snapshot(), list(STEPS), "gedeg", 2023, pdf=True)
    now = step_fingerprints(after, list(STEPS), "gedeg", 2023, pdf=True)
    return [n for n in NOTEBOOKS if before[n] != now[n]]


def test_each_step_is_fingerprinted_by_what_it_reads():
    assert _changed(_snapshot()) == []
    # the narrative: only the steps that read it: the LKjIP prints and checks it (lkjip.run.narasi_check),
    # the SAKIP analysis quotes the unit's causes from hambatan.sakip
    assert _changed(_snapshot(**{"work/raw/gedeg/2023/narasi.md": "edited"})) == ["05_lkjip.ipynb",
                                                                                  "06_analisis_sakip.ipynb"]
    # a data file or the package's code: every step
    assert _changed(_snapshot(**{"work/raw/gedeg/2023/ikm_survei.csv": "x"})) == NOTEBOOKS
    assert _changed(_snapshot(**{"src/lkjip/fmt.py": "x"})) == NOTEBOOKS
    # one notebook: its own step only
    assert _changed(_snapshot(**{"work/notebooks/05_lkjip.ipynb": "x"})) == ["05_lkjip.ipynb"]
    assert {s.notebook for s in STEPS if NARASI not in s.ignores} == {"05_lkjip.ipynb", "06_analisis_sakip.ipynb"}


def test_the_pdf_flag_and_the_signing_parameters_change_every_step():
    base = step_fingerprints(_snapshot(), list(STEPS), "gedeg", 2023, pdf=True)
    assert set(base.values()) == set(step_fingerprints(_snapshot(), list(STEPS), "gedeg", 2023, pdf=True).values())
    no_pdf = step_fingerprints(_snapshot(), list(STEPS), "gedeg", 2023, pdf=False)
    final = step_fingerprints(_snapshot(), list(STEPS), "gedeg", 2023, pdf=True, params={"final": True})
    assert all(base[n] != no_pdf[n] and base[n] != final[n] for n in NOTEBOOKS)


def _narasi_fingerprints(tmp_path, text: str) -> dict[str, str]:
    from lkjip.inputs.snapshot import take

    path = tmp_path / "gedeg" / "2023" / NARASI
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return step_fingerprints(take([path]), list(STEPS), "gedeg", 2023, pdf=True)


NARASI_TEXT = ("## kesimpulan\n\nKinerja tahun ini baik.\n\n## hambatan.sakip\n\nPegawai perencana pindah.\n\n"
               "## saran\n\n- Perkuat evaluasi internal.\n")


def test_the_sakip_analysis_reruns_only_when_the_sections_it_reads_change(tmp_path):
    """06 reads narasi.md's hambatan.sakip and saran: editing the Kesimpulan reruns the LKjIP only."""
    base = _narasi_fingerprints(tmp_path, NARASI_TEXT)
    sakip, lkjip = "06_analisis_sakip.ipynb", "05_lkjip.ipynb"

    def changed(text: str) -> list[str]:
        now = _narasi_fingerprints(tmp_path, text)
        return [n for n in (lkjip, sakip) if now[n] != base[n]]

    assert changed(NARASI_TEXT) == []
    assert changed(NARASI_TEXT.replace("Kinerja tahun ini baik.", "Kinerja tahun ini cukup baik.")) == [lkjip]
    assert changed(NARASI_TEXT.replace("pindah.", "pindah ke kecamatan lain.")) == [lkjip, sakip]
    assert changed(NARASI_TEXT.replace("Perkuat", "Tingkatkan")) == [lkjip, sakip]
    # the draft mark is part of what 06 reads (a drafted cause is not the unit's own)
    assert changed(NARASI_TEXT.replace("pindah.", "pindah.\n<!-- draf -->")) == [lkjip, sakip]
    # a narrative that does not parse: 06 reruns on any edit, and meets the error itself
    assert changed(NARASI_TEXT + "\n## bukan_kunci\n\nx\n") == [lkjip, sakip]
