"""What the last print of a document decided, chapter by chapter, so that an unchanged chapter is not
balanced again.

:func:`lkjip.render.printcheck.render_balanced` lays a document out two or three times: once to see
which figures to fit and where pages come out near-empty, then again with its decisions (a scaled
figure, a figure moved after its text, a page break before a block). Every chapter starts a page
(:mod:`lkjip.render.chapters`), so a chapter's decisions follow from that chapter alone. A run that
only edited the narrative of Bab II has the same Bab I and Bab III as the last run: their decisions are
taken from the last run's layout record (run.json ``tata_letak_pdf``, key ``bab``) and the document is
laid out once, with every remembered decision in place, unless the edited chapter itself needs a
decision.

A chapter is remembered under its **key**: a hash of its print HTML as parsed (tags, attributes,
text), of the document's head (the print stylesheet is inlined there) and of the versions of lkjip
and WeasyPrint. The numbers :func:`lkjip.render.printcheck.mark_blocks` gives blocks and rows count
from the document's start; they enter the key, and the decisions, relative to the chapter's first
one, so an earlier chapter that gained a table does not make a later one new.

A remembered chapter is trusted only when the layout confirms it: the words of each of its pages
(:func:`page_prints`; page numbers, which other chapters shift, counted as digits only) must be
those the last run recorded. When one is not, the document is balanced from scratch, as without a
memory. The PDF is therefore the one a run without memory makes (tests/integration/test_layout_memory.py).
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field

#: The attributes whose numbers count from the document's start (:func:`lkjip.render.printcheck.mark_blocks`).
NUMBERED = ("data-blok", "data-tr")
_NUMBER_IN = re.compile(r'(data-blok|data-tr)="(\d+)"')
_DIGITS = re.compile(r"\d+")


@dataclass
class Chapter:
    """One chapter of the parsed print document: its key and the first numbers of its blocks and rows
    (0 when it has none)."""

    key: str
    base: dict[str, int] = field(default_factory=lambda: dict.fromkeys(NUMBERED, 0))


def _tag(element) -> str:
    return str(getattr(element, "tag", "")).rsplit("}", 1)[-1]


def _spans(root) -> tuple[set[int], dict[int, int], dict[int, int]]:
    """The head's elements, and the first and last chapter of every other element of ``root`` (by
    ``id``): a chapter starts at each ``h1``, so the notebook cell wrapping a chapter's title starts in
    the chapter before it and ends in its own."""
    head = next((e for e in root.iter() if _tag(e) == "head"), None)
    inside_head = set() if head is None else {id(e) for e in head.iter()}
    first: dict[int, int] = {}
    last: dict[int, int] = {}
    chapter = 0

    def walk(element) -> None:
        nonlocal chapter
        if id(element) not in inside_head and isinstance(element.tag, str) and _tag(element) == "h1":
            chapter += 1
        first[id(element)] = chapter
        for child in element:
            walk(child)
        last[id(element)] = chapter

    walk(root)
    return inside_head, first, last


def chapters_of(root, versions: str = "") -> list[Chapter]:
    """The chapters of the parsed print document ``root`` (after
    :func:`lkjip.render.printcheck.mark_blocks`), in order: the part before the first ``h1`` (the cover),
    then one from each ``h1`` on, as :func:`lkjip.render.chapters.page_chapters` counts the pages.

    A chapter's key covers its elements and the elements around it (the cell, the ``main`` holding its
    title): a chapter is the same in the whole document and in a :func:`part` of it.

    >>> import tinyhtml5
    >>> doc = lambda bab2: tinyhtml5.parse(
    ...     '<head><style>p{}</style></head><p>Sampul</p><main><h1>Bab I</h1><div data-blok="1">T</div>'
    ...     f'<div><h1>Bab II</h1><p>{bab2}</p><div data-blok="2">G</div></div></main>',
    ...     namespace_html_elements=False)
    >>> one, two = chapters_of(doc("Lama")), chapters_of(doc("Baru"))
    >>> len(one), [c.base["data-blok"] for c in one]
    (3, [0, 0, 1])
    >>> [a.key == b.key for a, b in zip(one, two)]
    [True, True, False]
    >>> chapters_of(part(doc("Lama"), {0, 2}))[1].key == one[2].key
    True
    """
    inside_head, first, last = _spans(root)
    head = hashlib.sha256(versions.encode())
    for element in root.iter():
        if id(element) in inside_head and isinstance(element.tag, str):
            _feed(head, element, {}, text=True, tail=True)
    out = [Chapter("") for _ in range(max(last.values(), default=0) + 1)]
    hashers = [head.copy() for _ in out]
    based: set[tuple[int, str]] = set()
    for element in root.iter():
        if id(element) in inside_head or not isinstance(element.tag, str):
            continue
        start, end = first[id(element)], last[id(element)]
        for name in NUMBERED:
            value = element.get(name)
            if value and value.isdigit() and (start, name) not in based:
                based.add((start, name))
                out[start].base[name] = int(value) - 1
        # an element around chapters counts in each; a tail only when it is text, not the spacing
        # between blocks (a part cuts an element's last chapters off and so moves where its tail falls)
        tail = bool((element.tail or "").strip())
        for n in range(start, end + 1):
            _feed(hashers[n], element, out[start].base, text=n == start, tail=tail and n == end)
    for chapter, hasher in zip(out, hashers):
        chapter.key = hasher.hexdigest()[:32]
    return out


def _feed(hasher, element, base: dict[str, int], *, text: bool, tail: bool) -> None:
    attrs = sorted((k, str(int(v) - base[k]) if k in NUMBERED and v.isdigit() else v)
                   for k, v in element.attrib.items())
    hasher.update(repr((_tag(element), attrs, element.text if text else None,
                        element.tail if tail else None)).encode("utf-8", "surrogatepass"))


def shift(decision: str, base: dict[str, int], sign: int) -> str:
    """A decision's block and row numbers made relative to its chapter (``sign`` -1) or absolute again
    (``sign`` +1).

    >>> shift('[data-blok="12"] img{height:40px}', {"data-blok": 10, "data-tr": 0}, -1)
    '[data-blok="2"] img{height:40px}'
    >>> shift('[data-tr="3"]', {"data-blok": 10, "data-tr": 40}, +1)
    '[data-tr="43"]'
    >>> shift('[id="bab-2"]', {"data-blok": 10, "data-tr": 40}, +1)
    '[id="bab-2"]'
    """
    return _NUMBER_IN.sub(lambda m: f'{m[1]}="{int(m[2]) + sign * base[m[1]]}"', decision)


def page_prints(chapter_of_page: list[int], pages) -> dict[int, list[str]]:
    """``{chapter: [a print of each of its pages]}``: a short hash of the page's words, each run of
    digits counted as one digit (a page number in the Daftar Isi moves when another chapter grows).
    ``pages`` are :func:`lkjip.render.printcheck.pages_of` of the document."""
    out: dict[int, list[str]] = {}
    for page, chapter in zip(pages, chapter_of_page):
        words = " ".join(_DIGITS.sub("0", w) for w, _ in page.words)
        out.setdefault(chapter, []).append(hashlib.sha256(words.encode("utf-8", "surrogatepass")).hexdigest()[:16])
    return out


#: The print of a page without a word (:func:`page_prints`).
BLANK_PAGE = hashlib.sha256(b"").hexdigest()[:16]


def without_blank_tail(prints: list[str]) -> list[str]:
    """A chapter's page prints from a :func:`part`, without the blank pages it ends with: a part keeps
    the wrapper of a chapter it leaves out when the wrapper starts in a kept chapter (the Daftar Isi's
    ``nav``, which starts a page, after the Kata Pengantar), emptied, so the kept chapter ends on a blank
    page that the whole document does not have. Were that page a chapter's own, the whole document's
    layout would not confirm the record, and the print would start from scratch, as without a memory.

    >>> without_blank_tail(["a1", BLANK_PAGE, BLANK_PAGE]), without_blank_tail([BLANK_PAGE, "a1"])
    (['a1'], ['e3b0c44298fc1c14', 'a1'])
    """
    end = len(prints)
    while end and prints[end - 1] == BLANK_PAGE:
        end -= 1
    return prints[:end]


def chapters_recorded(layouts, pdf_name: str) -> list | None:
    """The ``bab`` list that a run record's ``tata_letak_pdf`` (``layouts``) holds for ``pdf_name``; None
    when it holds none, or one of another shape (an older run, a hand edit): no memory then, never an error.

    >>> chapters_recorded({"a.pdf": {"bab": [{"kunci": "k"}]}}, "a.pdf")
    [{'kunci': 'k'}]
    >>> [chapters_recorded(odd, "a.pdf") for odd in ({"a.pdf": "x"}, {"a.pdf": {"bab": 3}}, [1], None)]
    [None, None, None, None]
    """
    record = layouts.get(pdf_name) if isinstance(layouts, dict) else None
    chapters = record.get("bab") if isinstance(record, dict) else None
    return chapters if isinstance(chapters, list) else None


def remembered(memory: list[dict] | None, chapters: list[Chapter]) -> dict[int, dict]:
    """``{chapter: its remembered record, numbers made absolute}`` for the chapters whose key the
    memory (the ``bab`` list of the last layout record) holds."""
    by_key = {r.get("kunci"): r for r in (memory if isinstance(memory, list) else ()) if isinstance(r, dict)}
    out = {}
    for n, chapter in enumerate(chapters):
        record = by_key.get(chapter.key)
        if record is None:
            continue
        try:
            out[n] = {
                "pas": [shift(str(r), chapter.base, +1) for r in record["pas"]],
                "pindah": [(str(int(b) + chapter.base["data-blok"]), str(c)) for b, c in record["pindah"]],
                "putus": [shift(str(s), chapter.base, +1) for s in record["putus"]],
                "halaman": [str(h) for h in record["halaman"]],
            }
        except (KeyError, TypeError, ValueError):
            continue  # a record of another shape (an older run, a hand edit) is not a memory
    return out


def record(chapters: list[Chapter], decided: dict[int, tuple[list[str], list[tuple[str, str]], list[str]]],
           prints: dict[int, list[str]]) -> list[dict]:
    """The ``bab`` list of a layout record: each chapter's key, its decisions (figures fitted, figures
    moved, page breaks; numbers relative to the chapter) and the prints of its pages."""
    out = []
    for n, chapter in enumerate(chapters):
        fitted, moves, breaks = decided.get(n, ([], [], []))
        out.append({
            "kunci": chapter.key,
            "pas": [shift(r, chapter.base, -1) for r in fitted],
            "pindah": [[str(int(b) - chapter.base["data-blok"]), c] for b, c in moves],
            "putus": [shift(s, chapter.base, -1) for s in breaks],
            "halaman": prints.get(n, []),
        })
    return out


def part(root, keep: set[int]):
    """A copy of the parsed print document ``root`` with only the chapters ``keep`` (numbered as
    :func:`chapters_of` numbers them) and the head: the chapters a memory lacks are balanced on it, a
    few pages laid out instead of the whole document, each chapter starting a page as it does there.

    >>> import tinyhtml5
    >>> root = tinyhtml5.parse('<p>Sampul</p><main><div><h1>Bab I</h1><p>satu</p></div>'
    ...                        '<div><h1>Bab II</h1><p>dua</p></div></main>', namespace_html_elements=False)
    >>> [e.text for e in part(root, {0, 2}).iter() if e.tag in ("p", "h1")]
    ['Sampul', 'Bab II', 'dua']
    """
    import copy

    root = copy.deepcopy(root)
    inside_head, first, last = _spans(root)

    def prune(element) -> None:
        for child in list(element):
            if id(child) in inside_head:
                continue
            if keep.isdisjoint(range(first[id(child)], last[id(child)] + 1)):
                element.remove(child)
            else:
                prune(child)

    prune(root)
    return root
