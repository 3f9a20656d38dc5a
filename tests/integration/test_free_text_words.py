"""Every word of the bundled unit's free text is a word: Indonesian, a name or abbreviation found in the
data, or a slip printed so in the source (listed with its reading). Scan (OCR) garbage fails.

The word list is ``tests/fixtures/words/kata_gedeg.txt``. A new word of the data that is a real word,
name or abbreviation goes into it; a scan misreading is corrected in the data instead (the legible reading
where the seed gives one, else ``[tidak terbaca]``; data/raw/gedeg/README.md lists each).
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pandas as pd
import pytest
import yaml

WORDS = Path(__file__).resolve().parents[1] / "fixtures" / "words" / "kata_gedeg.txt"

#: Files that are not free text for a reader: the survey (answers, synthetic respondents' names, never
#: read) and the published figures (the audit's transcription of the seed's figures, keys included).
NOT_FREE_TEXT = {"ikm_survei.csv", "published.csv", "README.md"}

_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
_ADDRESS = re.compile(r"\S+@\S+|https?://\S+|www\.\S+")
_TOKEN = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")


def word_list(path: Path = WORDS) -> tuple[set[str], dict[str, str]]:
    """(accepted words, source slips -> their reading) from the word list."""
    words, slips = set(), {}
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        if "=" in line:
            slip, reading = (x.strip() for x in line.split("=", 1))
            slips[slip.lower()] = reading
        else:
            words.update(w.lower() for w in line.split())
    return words, slips


def _yaml_strings(node) -> list[str]:
    if isinstance(node, dict):
        return [s for v in node.values() for s in _yaml_strings(v)]
    if isinstance(node, list):
        return [s for v in node for s in _yaml_strings(v)]
    return [node] if isinstance(node, str) else []


def free_texts(unit_dir: Path) -> list[tuple[str, str]]:
    """(where, text) for every text cell, narasi.md section and unit.yaml string of a unit folder."""
    out = []
    for path in sorted(unit_dir.rglob("*")):
        if not path.is_file() or path.name in NOT_FREE_TEXT:
            continue
        where = str(path.relative_to(unit_dir))
        if path.suffix == ".csv":
            frame = pd.read_csv(path, dtype=str, keep_default_na=False)
            for col in frame.columns:
                for i, v in enumerate(frame[col], start=2):
                    if v.strip():
                        out.append((f"{where}, baris {i}, kolom {col}", v))
        elif path.suffix == ".md":
            out.append((where, _COMMENT.sub(" ", path.read_text(encoding="utf-8"))))
        elif path.name == "unit.yaml":
            out += [(where, s) for s in _yaml_strings(yaml.safe_load(path.read_text(encoding="utf-8")))]
    return out


def tokens(text: str) -> list[str]:
    """The words of a text, lower case, without e-mail and web addresses and Markdown marks.

    >>> tokens("Jepp Amugant, *bertalenta* (AKD) kecamatangedeg@yahoo.com 12 Dokumen")
    ['jepp', 'amugant', 'bertalenta', 'akd', 'dokumen']
    """
    return [t.lower() for t in _TOKEN.findall(_ADDRESS.sub(" ", text))]


def non_words(unit_dir: Path) -> list[tuple[str, str]]:
    """(where, word) for every word of the free text that the word list does not know."""
    words, slips = word_list()
    known = words | set(slips)
    out = []
    for where, text in free_texts(unit_dir):
        for t in tokens(text):
            parts = [t, *t.split("-")]
            if t not in known and not all(p in known for p in parts[1:]):
                out.append((where, t))
    return out


def test_bundled_free_text_has_no_non_word(raw_dir):
    found = non_words(raw_dir / "gedeg")
    assert found == [], "kata yang tidak dikenal (sampah pindaian?): " + "; ".join(f"{w} ({p})" for p, w in found[:20])


@pytest.mark.parametrize("garbage", ["Jepp Amugant", "tinggatkan", "reuiu"])
def test_scan_garbage_fails(raw_dir, tmp_path, garbage):
    unit = tmp_path / "gedeg"
    shutil.copytree(raw_dir / "gedeg", unit)
    path = unit / "2023" / "laporan_pejabat.csv"
    frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    frame.loc[0, "tanggapan_atasan"] = f"{garbage} yang sudah baik"
    frame.to_csv(path, index=False)
    found = non_words(unit)
    assert [w for p, w in found] == [w.lower() for w in garbage.split()]
    assert all(p == "2023/laporan_pejabat.csv, baris 2, kolom tanggapan_atasan" for p, _ in found)


def test_the_word_list_holds_no_scan_garbage():
    words, slips = word_list()
    for bad in ("jepp", "amugant", "bertalenta", "tinggatkan", "reuiu"):
        assert bad not in words and bad not in slips
    # a slip printed so in the source is listed with its reading, not as a word
    assert slips["administarsi"] == "administrasi" and "administarsi" not in words


@pytest.mark.parametrize("fixed", ["Jepp Amugant", "tinggalkan kinerjanya", "karyawan / karyawan",
                                   "tinggatkan", "reuiu"])
def test_the_seed_s_scan_garbage_is_gone(raw_dir, fixed):
    texts = " ".join(t for _, t in free_texts(raw_dir / "gedeg"))
    assert fixed not in texts


def test_sarana_reads_sandaran_and_the_audit_still_finds_it(raw_dir, gedeg_audit):
    # "Sofa Tanpa sandarac" is the scan's misreading; the seed prints "sofa tanpa sandaran" (l.626)
    sarana = pd.read_csv(raw_dir / "gedeg" / "2023" / "sarana.csv", dtype=str, keep_default_na=False)
    assert "Sofa Tanpa sandaran" in set(sarana["uraian"]) and "Sofa Tanpa sandarac" not in set(sarana["uraian"])
    f = gedeg_audit.frame
    row = f[f["item"].astype(str).str.startswith("sarana:sofa_tanpa_sandaran ")]
    assert row[["dipublikasikan", "dihitung", "status"]].values.tolist() == [[4.0, 4.0, "sesuai"]]
