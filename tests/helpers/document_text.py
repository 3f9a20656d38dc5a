"""Reading the officials' LKjIP as its readers do: the text they read, one block a line, and the
checks of that text (self-contradictions, the words of software). Shared by the e2e checks of
the bundled run's documents and the unit tests of the checks themselves."""

from __future__ import annotations

import re
from collections import defaultdict

from lkjip.contract.pages import text_of
from lkjip.contract.rules import INDICATOR_IDS, get_indicator
from lkjip.document.narrative import ANALYST_NOTE

_NOT_TEXT = re.compile(r"<(style|script)\b.*?</\1>|<head>.*?</head>", re.S | re.I)


_BLOCK_END = re.compile(r"</(p|li|h[1-6]|tr|td|th|div|caption)>", re.I)


def _lines(html: str) -> list[str]:
    marked = _BLOCK_END.sub(lambda m: m.group(0) + "⟦⟧", _NOT_TEXT.sub("", html))
    return [line for line in (line.strip() for line in text_of(marked).split("⟦⟧")) if line]


def analyst_notes(html: str) -> list[str]:
    """The draft's lines for the analyst (a section left out, naming the file that would fill it)."""
    return [line for line in _lines(html) if line.startswith(ANALYST_NOTE)]


def officials_text(html: str) -> str:
    """The text an official reads, one block (paragraph, list item, table cell) per line; the
    draft's lines for the analyst are left out (they are not printed in the final version)."""
    return "\n".join(line for line in _lines(html) if not line.startswith(ANALYST_NOTE))


def _number(text: str) -> float:
    """``94,37%`` / ``2.720.088.927`` / ``2 inovasi`` -> float."""
    t = text.strip().rstrip("%").replace(" inovasi", "").replace(".", "").replace(",", ".")
    return float(t)


def _sentences(text: str) -> list[str]:
    # a list item or a sentence; "Rp 2.720.088.927" and "94,37%" keep their marks
    parts = re.split(r"(?<=[.;:])\s+(?=[A-Z0-9(])|\n", text)
    return [p.strip() for p in parts if p.strip()]


# --------------------------------------------------------------------------- self-contradiction

CONTRADICTIONS = [
    (re.compile(r"\b0,00\b[^.]{0,40}\b(di bawah|di atas) target"), "a gap of 0,00 called a miss"),
    (re.compile(r"masih 0,00\b"), "a gap of 0,00 called a miss"),
    (re.compile(r"\b(naik|turun) 0,00\b"), "a change of 0,00"),
    (re.compile(r"\(([\d.]+(?:,\d+)?%?) menjadi \1\)"), "a change between equal printed values"),
    (re.compile(r"\bkategori (nan|None|–|-)\b"), "a missing category"),
    (re.compile(r"\bkategori (Sangat Tinggi|Tinggi|Sedang|Rendah|Sangat Rendah)\b"),
     "a category without its name (kategori capaian / kategori IP ASN)"),
    (re.compile(r"\bGrafik\b"), "a chart called Grafik (figures are Gambar)"),
]


def contradictions(text: str) -> list[str]:
    """Every self-contradiction pattern found in ``text`` (empty = consistent)."""
    found = [f"{why}: {m.group(0)!r}" for rx, why in CONTRADICTIONS for m in rx.finditer(text)]
    for s in text.splitlines():
        # met or missed must follow from the printed realisasi and target (per paragraph)
        m = re.search(r"terealisasi (\d[\d.]*(?:,\d+)?%?(?: inovasi)?) dari target "
                      r"(\d[\d.]*(?:,\d+)?%?(?: inovasi)?)", s)
        if m:
            r, t = _number(m.group(1)), _number(m.group(2))
            if "belum tercapai" in s and r >= t:
                found.append(f"missed with realisasi >= target: {s!r}")
            if "Target tercapai" in s and r != t:
                found.append(f"'tercapai' with realisasi != target: {s!r}")
            if "terlampaui" in s and r <= t:
                found.append(f"'terlampaui' with realisasi <= target: {s!r}")
        for m in re.finditer(r"\(realisasi (\d[\d.]*(?:,\d+)?%?) dari target (\d[\d.]*(?:,\d+)?%?)", s):
            if "belum mencapai target" in s and _number(m.group(1)) >= _number(m.group(2)):
                found.append(f"missed with realisasi >= target: {s!r}")
    for s in _sentences(text):
        # one indicator, one category of each kind per sentence
        for kind in ("capaian", "IP ASN"):
            values = set(re.findall(rf"kategori {kind} (Sangat Tinggi|Tinggi|Sedang|Rendah|Sangat Rendah)", s))
            if len(values) > 1:
                found.append(f"two kategori {kind} in one sentence: {s!r}")
    found += _figures_with_two_values(text)
    return found


def _names(ind: str) -> list[str]:
    info = get_indicator(ind)
    return [n for n in (info.nama, info.nama_pendek) if n]


def _figures_with_two_values(text: str) -> list[str]:
    """A named figure (an indicator's realisasi, the budget absorption) printed with two values.

    Sentences that give a reason for a second value (a printed figure of another document, the
    sub-activity total, another year) are left out.
    """
    reasons = ("tercetak", "sub kegiatan pada tabel ini", "Dibandingkan tahun", "tahun sebelum")
    values: dict[str, set[float]] = defaultdict(set)
    where: dict[str, list[str]] = defaultdict(list)
    for s in _sentences(text):
        if any(r in s for r in reasons):
            continue
        named = [i for i in INDICATOR_IDS if any(n in s for n in _names(i))]
        if len(named) == 1:
            m = re.search(r"\b(?:ter)?realisasi (\d[\d.]*(?:,\d+)?%?)", s)
            if m:
                values[named[0]].add(_number(m.group(1)))
                where[named[0]].append(s)
        # the unit's budget absorption (an official's budget in Lampiran 4 is "anggaran yang tersedia")
        if re.search(r"(?i)penyerapan anggaran|pagu anggaran|anggaran belanja", s) and \
                not re.search(r"(?i)program|kegiatan|\bseksi\b|tersedia", s):
            for m in re.finditer(r"(?:(?i:penyerapan anggaran)[^.%]*?|\batau )(\d{1,3},\d{2})%", s):
                values["penyerapan"].add(_number(m.group(1)))
                where["penyerapan"].append(s)
    return [f"{k} printed as {sorted(v)}: {where[k]}" for k, v in values.items() if len(v) > 1]


# --------------------------------------------------------------------------- words of software

FORBIDDEN = [
    (re.compile(r"(?i)tingkat error|\berror\b"), "English error levels"),
    (re.compile(r"`"), "backticked names"),
    (re.compile(r"data/(raw|processed)|reports/"), "paths"),
    (re.compile(r"(?i)\b[\w-]+\.(csv|xlsx|json|parquet|yaml|yml|ipynb|py)\b"), "file names"),
    (re.compile(r"(?i)\bnotebook\b"), "notebook"),
    (re.compile(r"(?i)sha-?256|\b[0-9a-f]{40}\b|\b[0-9a-f]{64}\b"), "hashes"),
    (re.compile(r"(?i)\bcommit\b|\bgit\b"), "git"),
    (re.compile(r"(?i)\b(pandas|numpy|papermill|nbconvert|weasyprint|matplotlib|pyarrow|openpyxl|jupyter|"
                r"ipykernel|great.expectations|python)\b"), "package names"),
    (re.compile(r"(?i)versi paket"), "package versions"),
    (re.compile(r"\b[a-z][a-z0-9]*_[a-z0-9_]+\b"), "Python names"),
    (re.compile(r"\b(None|NaN|nan|True|False|Traceback|DataFrame)\b|lkjip\."), "Python values"),
]


def forbidden(text: str) -> list[str]:
    return [f"{why}: {m.group(0)!r}" for rx, why in FORBIDDEN for m in rx.finditer(text)]
