"""Print-layout measures of a rendered document: text past the text area, near-empty pages.

The rules are those of the shared PDF check (``pdf_layout.py``): a word more than 3 pt past the text
area's right edge overflows; a page after the first with fewer than 40 words is near-empty. The edge
is each page's own content box, which WeasyPrint knows (so a landscape page is measured against its
own width); a page without one falls back to the shared check's rule, the median over pages of the
rightmost word (which misjudges pages whose last column is ragged text).
They are applied to WeasyPrint's layout, the boxes the PDF is drawn from, so no PDF text
extractor is needed (:func:`measure` renders the print HTML that :func:`lkjip.render.export.print_pdf`
renders).
"""

from __future__ import annotations

import statistics
import sys
from dataclasses import dataclass
from pathlib import Path

from lkjip.render import chapters, figure_fit, layout_memory

from lkjip.render.chapters import page_chapters, selector_of, selector_pages
from lkjip.render.figure_fit import figures_to_defer, figures_to_fit, move_figures

#: CSS px to PDF points.
PT_PER_PX = 0.75
#: A word this far (pt) past the page's right edge (:func:`overflowing`) is outside the text area.
TOLERANCE_PT = 3.0
#: A page after the first with fewer words is near-empty.
MIN_WORDS = 40


@dataclass(frozen=True)
class Page:
    """One page: its words with their right edges (pt), and what its last text belongs to
    (``"heading"``, ``"caption"`` or ``""``) after the running headers and footers."""

    number: int
    words: tuple[tuple[str, float], ...]
    ends_with: str = ""
    #: the right edge (pt) of the page's text area, when known
    edge: float | None = None
    #: the block a page break before it would carry that last heading or caption to the next page
    #: (``[id="…"]`` of the heading, ``[data-blok="…"]`` of the caption's block), when it has one
    ending: str = ""

    @property
    def right(self) -> float | None:
        return max((r for _, r in self.words), default=None)


def pages_of(document) -> list[Page]:
    """The words of each page of a rendered WeasyPrint document, with their right edges in pt.

    A text box's words share its box; its right edge is the box's (a line fragment), which is
    what a PDF word box of its last word measures.
    """
    from weasyprint.formatting_structure import boxes

    out = []
    for n, page in enumerate(document.pages, start=1):
        words, last = [], [("", "")]

        def walk(box, kind: str, blok: str, ending: str) -> None:
            element = getattr(box, "element", None)
            if isinstance(box, boxes.MarginBox):
                return  # running header and footer
            if element is not None and isinstance(box, boxes.BlockBox):
                tag = str(getattr(element, "tag", "")).rsplit("}", 1)[-1]
                classes = (element.get("class") or "").split() if hasattr(element, "get") else []
                if element.get("data-blok"):
                    blok = f'[data-blok="{_css_id(element.get("data-blok"))}"]'
                if tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
                    kind = "heading"
                    ending = f'[id="{_css_id(element.get("id"))}"]' if element.get("id") and tag != "h1" else ""
                elif "lkjip-caption" in classes:
                    kind, ending = "caption", blok
            if isinstance(box, boxes.TextBox) and box.text.strip():
                right = (box.position_x + box.width) * PT_PER_PX
                words.extend((w, right) for w in box.text.split())
                last[0] = (kind, ending if kind else "")
            elif isinstance(box, boxes.InlineReplacedBox | boxes.BlockReplacedBox):
                last[0] = (kind, ending if kind else "")
            for child in getattr(box, "children", ()):
                walk(child, kind, blok, ending)

        box = page._page_box
        walk(box, "", "", "")
        edge = (box.content_box_x() + box.width) * PT_PER_PX
        out.append(Page(n, tuple(words), last[0][0], edge, last[0][1]))
    return out


def overflowing(pages: list[Page], tolerance: float = TOLERANCE_PT) -> list[tuple[int, list[str]]]:
    """(page number, words) of the pages with words past the text area: each page's own edge, else the
    median over pages of the rightmost word.

    >>> portrait = Page(2, (("kata", 470.0),), edge=524.0)
    >>> landscape = Page(3, (("kata", 700.0), ("lewat", 775.0)), edge=771.0)
    >>> overflowing([portrait, landscape])
    [(3, ['lewat'])]
    """
    rights = [p.right for p in pages if p.right is not None]
    if not rights:
        return []
    median = statistics.median(rights)
    out = []
    for p in pages:
        edge = p.edge if p.edge is not None else median
        past = [w for w, r in p.words if r > edge + tolerance]
        if past:
            out.append((p.number, past))
    return out


def near_empty(pages: list[Page], minimum: int = MIN_WORDS) -> list[tuple[int, int]]:
    """(page number, word count) of the pages after the first with fewer than ``minimum`` words."""
    return [(p.number, len(p.words)) for p in pages[1:] if len(p.words) < minimum]


def breaks_to_add(document, minimum: int = MIN_WORDS) -> list[str]:
    """CSS selectors of the blocks that should start a page so that no page ends up near-empty.

    A page after the first with fewer than ``minimum`` words is usually the tail of a chapter
    (or of the document) spilled over before the next chapter's forced page break. Starting a
    section (an ``h2``-``h4`` with an id), a table or figure block (``div.lkjip-blok``, tagged
    ``data-blok`` by :func:`render_balanced`) or a table's last rows (``data-tr``) of the page before
    it on a new page moves it onto
    the short page: the latest such block that moves enough words to fill it, not one at the top of
    its page (that would only move the problem).
    """
    from weasyprint.formatting_structure import boxes

    pages = pages_of(document)
    out = []
    for number, count in near_empty(pages, minimum):
        before = document.pages[number - 2]._page_box
        starts: list[tuple[str, float]] = []
        words_y: list[float] = []

        def walk(box) -> None:
            element = getattr(box, "element", None)
            if isinstance(box, boxes.MarginBox):
                return
            if isinstance(box, boxes.BlockBox) and element is not None and box.element_tag != "::marker":
                tag = str(getattr(element, "tag", "")).rsplit("}", 1)[-1]
                if tag in ("h2", "h3", "h4") and element.get("id"):
                    starts.append((f'[id="{_css_id(element.get("id"))}"]', box.position_y))
                elif element.get("data-blok"):
                    starts.append((f'[data-blok="{_css_id(element.get("data-blok"))}"]', box.position_y))
            if isinstance(box, boxes.TableRowBox) and element is not None and element.get("data-tr"):
                starts.append((f'[data-tr="{_css_id(element.get("data-tr"))}"]', box.position_y))
            if isinstance(box, boxes.TextBox) and box.text.strip():
                words_y.extend([box.position_y] * len(box.text.split()))
            for child in getattr(box, "children", ()):
                walk(child)

        walk(before)
        top = before.content_box_y() + 1
        seen: set[str] = set()
        for selector, y in sorted(starts, key=lambda s: -s[1]):
            if selector in seen or y <= top:
                continue
            seen.add(selector)
            if count + sum(1 for w in words_y if w >= y - 0.5) >= minimum:
                out.append(selector)
                break
    return out


def orphans(pages: list[Page]) -> list[tuple[int, str]]:
    """(page number, ``heading``/``caption``) of the pages whose last text is a heading or a
    caption: a heading or caption alone at a page foot."""
    return [(p.number, p.ends_with) for p in pages if p.ends_with]


def findings(pages: list[Page]) -> dict:
    """The layout record of a rendered document, as a run keeps it in ``run.json``: its page count and
    the pages that break a rule (:func:`overflowing`, :func:`near_empty`, :func:`orphans`), each an
    empty list when the print is clean.

    >>> findings([Page(1, (("Sampul", 400.0),)), Page(2, tuple(("kata", 400.0) for _ in range(50)))])
    {'halaman': 2, 'melewati_tepi': [], 'hampir_kosong': [], 'judul_di_kaki': []}
    """
    return {
        "halaman": len(pages),
        "melewati_tepi": [[n, words] for n, words in overflowing(pages)],
        "hampir_kosong": [[n, count] for n, count in near_empty(pages)],
        "judul_di_kaki": [[n, kind] for n, kind in orphans(pages)],
    }


def problems(record: dict) -> list[str]:
    """What a layout record (:func:`findings`) says is wrong, in words; empty for a clean print.

    >>> problems({"halaman": 9, "melewati_tepi": [[4, ["Rp1.234.567"]]], "hampir_kosong": [[9, 12]],
    ...           "judul_di_kaki": []})
    ['kata melewati tepi kanan di halaman 4 (Rp1.234.567)', 'halaman 9 hampir kosong (12 kata)']
    """
    out = [f"kata melewati tepi kanan di halaman {n} ({' '.join(words[:5])})"
           for n, words in record.get("melewati_tepi", [])]
    out += [f"halaman {n} hampir kosong ({count} kata)" for n, count in record.get("hampir_kosong", [])]
    out += [f"{'judul' if kind == 'heading' else 'keterangan'} sendirian di kaki halaman {n}"
            for n, kind in record.get("judul_di_kaki", [])]
    return out


def render_balanced(printable: str, base_url: str | None, rounds: int = 2, url_fetcher=None):
    """The document :func:`balance` lays out (without a memory of an earlier print)."""
    return balance(printable, base_url, rounds=rounds, url_fetcher=url_fetcher).document


@dataclass
class Balanced:
    """A balanced document, what was decided for each chapter (the ``bab`` list of its layout record,
    :func:`lkjip.render.layout_memory.record`), how many chapters came from the memory, and the layouts."""

    document: object
    chapters: list[dict]
    remembered: int
    layouts: int
    #: layouts of the part holding only the chapters the memory lacked (:func:`lkjip.render.layout_memory.part`)
    part_layouts: int = 0


def balance(printable: str, base_url: str | None, *, memory: list[dict] | None = None, rounds: int = 2,
            url_fetcher=None, prepare=None) -> Balanced:
    """Render ``printable``; a figure that would leave more than a third of the page before it empty is
    scaled into that room or printed after the text that follows it (:mod:`lkjip.render.figure_fit`);
    then, where a page would hold only a few words (a chapter's tail before the next chapter's page
    break), a preceding section, table or figure starts a new page and the document is rendered again
    (:func:`breaks_to_add`), at most ``rounds`` times.

    The figures come first because fitting one shifts every page after it: page breaks chosen on the
    layout before it (2021: before a table's last rows) then fell elsewhere and left a page a fifth full.
    The breaks only shift a chapter's tail; a figure there that then opens a page after a page a third
    empty is fitted in a last layout. Each chapter goes through these stages on its own
    (:class:`_ChapterBalance`), all chapters on the same layouts (:mod:`lkjip.render.chapters`). The
    document is parsed once; a figure moved is moved on a copy of the parsed tree.

    ``memory`` is the ``bab`` list of the layout record of an earlier print: a chapter it holds
    unchanged starts with its decisions taken (:mod:`lkjip.render.layout_memory`), so that a document
    whose other chapters changed is laid out once more instead of two or three times. The result is
    the one without a memory: when a remembered chapter does not come out as it did, the document is
    balanced from scratch. ``prepare`` (a function of the parsed tree) readies it for paper first
    (:func:`lkjip.render.export.print_text`)."""
    from weasyprint import HTML

    fetch = {} if url_fetcher is None else {"url_fetcher": url_fetcher}
    html = HTML(string=printable, base_url=base_url, **fetch)
    # the marks go on the tree WeasyPrint lays out, before its first layout reads it
    if prepare is not None:
        prepare(html.etree_element)
    mark_blocks(html.etree_element)
    tree = html.etree_element
    versions = _versions()
    chapters = layout_memory.chapters_of(tree, versions)
    known = layout_memory.remembered(memory, chapters)
    if known:
        missing = set(range(len(chapters))) - set(known)
        learned, part_layouts = {}, 0
        if missing:
            # the new chapters are balanced on a document of their own (and the cover): a few pages
            part_tree = layout_memory.part(tree, {0} | missing)
            part = _balance(html, part_tree, layout_memory.chapters_of(part_tree, versions), {}, rounds, fetch)
            learned, part_layouts = layout_memory.remembered(part.chapters, chapters), part.layouts
            for record in learned.values():
                record["halaman"] = layout_memory.without_blank_tail(record["halaman"])
        done = _balance(html, tree, chapters, {**learned, **known}, rounds, fetch)
        if done is not None:
            return Balanced(done.document, done.chapters, len(known), done.layouts, part_layouts)
    done = _balance(html, tree, chapters, {}, rounds, fetch)
    assert done is not None  # nothing known, nothing to disown
    return done


def _balance(html, tree, chapters: list, known: dict[int, dict], rounds: int, fetch: dict) -> Balanced | None:
    """:func:`balance` of the parsed document ``tree`` (its ``chapters``,
    :func:`lkjip.render.layout_memory.chapters_of`) with the ``known`` chapters' decisions taken; None when
    one of them did not come out as known."""
    from weasyprint import CSS

    balance: dict[int, _ChapterBalance] = {c: _ChapterBalance.remembered(rounds, r) for c, r in known.items()}
    moves: list[tuple[str, str]] = [m for c in sorted(balance) for m in balance[c].moves]
    laid = _laid_out(html, tree, moves)
    layouts = [0]

    def render(breaks_of=lambda ch: ch.moved):
        layouts[0] += 1
        chosen = [balance[c] for c in sorted(balance)]
        rule = "".join(f"{sel}" + "{break-before:page !important;page-break-before:always !important}"
                       for ch in chosen for sel in breaks_of(ch)) + "".join(r for ch in chosen for r in ch.fitted)
        return laid.render(stylesheets=[CSS(string=rule, **fetch)]) if rule else laid.render()

    document = render()
    if known:
        chapter_of_page = page_chapters(document)
        prints = layout_memory.page_prints(chapter_of_page, pages_of(document))
        if len(set(chapter_of_page)) != len(chapters) or any(prints.get(c) != r["halaman"] for c, r in known.items()):
            return None
    # every stage of every chapter takes a layout at most: rounds of breaks, and the two fittings
    for _ in range(rounds + 3):
        found = _decisions(document)
        changed = False
        for chapter in sorted(found):
            changed |= balance.setdefault(chapter, _ChapterBalance(rounds)).advance(*found[chapter])
        if not changed:
            break
        wanted = [m for c in sorted(balance) for m in balance[c].moves]
        if wanted != moves:
            moves = wanted
            laid = _laid_out(html, tree, moves)
        document = render()
        weighed = [c for c in sorted(balance) if balance[c].alternative is not None]
        if weighed:
            # a break chosen on the page the last round's breaks still left short (a table's row before the
            # row they moved) replaces them when that leaves fewer short pages: kept both, they would split
            # the table twice and leave a page holding one row (2023 audit of dinkes_contoh)
            other = render(lambda ch: ch.moved if ch.alternative is None else ch.alternative)
            kept, instead = _short_pages(document), _short_pages(other)
            better = {c for c in weighed if instead.get(c, 0) < kept.get(c, 0)}
            for c in weighed:
                if c in better:
                    balance[c].moved = balance[c].alternative
                balance[c].alternative = None
            if better:
                document = other if better == set(weighed) else render()
    chapter_of_page = page_chapters(document)
    record: list[dict] = []
    if len(set(chapter_of_page)) == len(chapters):  # else the chapters are not those the memory can name
        prints = layout_memory.page_prints(chapter_of_page, pages_of(document))
        record = layout_memory.record(chapters, {c: (b.fitted, b.moves, b.moved) for c, b in balance.items()}, prints)
    return Balanced(document, record, len(known), layouts[0])


def _laid_out(html, tree, moves: list[tuple[str, str]]):
    """``html`` (a parsed :class:`weasyprint.HTML`) laying out a copy of ``tree`` with ``moves``
    (:func:`lkjip.render.figure_fit.move_figures`); the copy, not the string parsed again (0,7 s for
    the LKjIP)."""
    import copy

    import cssselect2

    laid = copy.copy(html)
    root = copy.deepcopy(tree)
    move_figures(root, moves)
    laid.wrapper_element = cssselect2.ElementWrapper.from_html_root(root, content_language=None)
    laid.etree_element = laid.wrapper_element.etree_element
    return laid


def _versions() -> str:
    """What a remembered decision was taken with besides the document: the WeasyPrint that laid it out
    and the code that decided (these modules' source), so that a change to either forgets every chapter."""
    import hashlib

    import weasyprint

    digest = hashlib.sha256(weasyprint.__version__.encode())
    for module in (chapters, figure_fit, layout_memory, sys.modules[__name__]):
        digest.update(Path(module.__file__).read_bytes())
    return digest.hexdigest()


class _ChapterBalance:
    """The balancing of one chapter: its figures fitted (CSS rules) and moved (``(data-blok, cell id)``,
    :func:`lkjip.render.figure_fit.move_figures`), the blocks that start a page (:func:`breaks_to_add`), and
    the stage it has reached: 0 fits figures, 1 to ``rounds`` add breaks, then one last fitting."""

    def __init__(self, rounds: int):
        self.rounds, self.stage = rounds, 0
        self.fitted: list[str] = []
        self.moves: list[tuple[str, str]] = []
        self.moved: list[str] = []
        self.last: list[str] = []
        #: breaks to weigh against ``moved`` on the next layout: the last round's replaced by this round's
        self.alternative: list[str] | None = None

    @classmethod
    def remembered(cls, rounds: int, record: dict) -> _ChapterBalance:
        """A chapter balanced by an earlier print (:func:`lkjip.render.layout_memory.remembered`): its
        decisions taken, every stage passed."""
        chapter = cls(rounds)
        chapter.stage = rounds + 2
        chapter.fitted, chapter.moves, chapter.moved = list(record["pas"]), list(record["pindah"]), list(record["putus"])
        return chapter

    def advance(self, fits: list[str], defers: list[tuple[str, str]], breaks: list[str]) -> bool:
        """Take this layout's decisions for the chapter's stage; stages with nothing to do pass on the same
        layout. True when a decision was taken (the document is to be laid out again)."""
        if self.stage == 0:
            self.stage = 1
            if fits or defers:
                self.fitted, self.moves = self.fitted + fits, self.moves + defers
                return True
        while 1 <= self.stage <= self.rounds:
            self.stage += 1
            selectors = [s for s in breaks if s not in self.moved]
            if not selectors:
                self.stage = self.rounds + 1
                break
            if self.last:
                self.alternative = [s for s in self.moved if s not in self.last] + selectors
            self.moved, self.last = self.moved + selectors, selectors
            return True
        if self.stage == self.rounds + 1:
            self.stage += 1
            more = [rule for rule in fits if rule not in self.fitted] if self.moved else []
            if more:
                self.fitted += more
                return True
        return False


def _decisions(document) -> dict[int, tuple[list[str], list[tuple[str, str]], list[str]]]:
    """``{chapter: (figures to fit, figures to defer, breaks to add)}`` on one layout; every chapter has
    an entry. The breaks are those of near-empty pages (:func:`breaks_to_add`) and those before a heading or
    caption alone at a page foot (:func:`orphans`)."""
    chapter_of_page = page_chapters(document)
    where = selector_pages(document, _css_id)
    out = {c: ([], [], []) for c in chapter_of_page}

    def chapter(selector: str) -> int:
        return chapter_of_page[where.get(selector, 0)]

    for rule in figures_to_fit(document):
        out[chapter(selector_of(rule))][0].append(rule)
    for blok, cell in figures_to_defer(document):
        out[chapter(f'[data-blok="{blok}"]')][1].append((blok, cell))
    for selector in breaks_to_add(document):
        out[chapter(selector)][2].append(selector)
    # a heading or caption left alone at a page foot goes to the next page with what it announces
    for page in pages_of(document):
        if page.ends_with and page.ending and page.ending not in out[chapter_of_page[page.number - 1]][2]:
            out[chapter_of_page[page.number - 1]][2].append(page.ending)
    return out


def _short_pages(document) -> dict[int, int]:
    """The number of near-empty pages (:func:`near_empty`) of each chapter."""
    chapter_of_page = page_chapters(document)
    out: dict[int, int] = {}
    for number, _ in near_empty(pages_of(document)):
        out[chapter_of_page[number - 1]] = out.get(chapter_of_page[number - 1], 0) + 1
    return out


#: A table's first rows stay with its header and its last rows (a total) with the rows before them
#: (lkjip-print.css): a page break is never added before one of them.
KEEP_FIRST_ROWS, KEEP_LAST_ROWS = 2, 2
#: A table this short (rows, and characters of text) is kept whole on one page: moving it leaves
#: less than a third of a page empty, splitting it would leave a row or two alone.
SHORT_TABLE_ROWS, SHORT_TABLE_CHARS = 8, 500


def mark_blocks(root) -> None:
    """Number what :func:`render_balanced` may move, on the parsed print document ``root`` (an
    ``ElementTree`` element, as WeasyPrint parses it): each table or figure block (``div.lkjip-blok``,
    ``data-blok``) and each body row a page may start with (``data-tr``), both in document order.

    A table's tail may move with what follows it (:func:`breaks_to_add`), but never its first
    :data:`KEEP_FIRST_ROWS` rows nor its last :data:`KEEP_LAST_ROWS`, so a total row never starts a page
    alone and a table never leaves its header alone at a page foot. A short table
    (:data:`SHORT_TABLE_ROWS`, :data:`SHORT_TABLE_CHARS`) is kept whole instead.

    >>> import tinyhtml5
    >>> root = tinyhtml5.parse('<div class="lkjip-blok lkjip-blok-tabel"><table><tbody>'
    ...                        + "<tr><td>1</td></tr>" * 9 + "</tbody></table></div>", namespace_html_elements=False)
    >>> mark_blocks(root)
    >>> [e.get("data-blok") for e in root.iter("div")], [tr.get("data-tr") for tr in root.iter("tr")]
    (['1'], [None, None, '1', '2', '3', '4', '5', None, None])
    """
    import itertools

    blocks = (e for e in root.iter("div") if "lkjip-blok" in (e.get("class") or "").split())
    for n, block in enumerate(blocks, start=1):
        block.set("data-blok", str(n))
    number = itertools.count(1)
    for body in root.iter("tbody"):
        rows = [row for row in body if row.tag == "tr"]
        n = len(rows)
        if n <= SHORT_TABLE_ROWS and len("".join(body.itertext())) <= SHORT_TABLE_CHARS:
            for row in rows[1:]:  # a short table: every row stays with the one before it
                row.set("style", "; ".join(filter(None, (row.get("style"), "break-before: avoid"))))
            continue
        for i, row in enumerate(rows):
            if KEEP_FIRST_ROWS <= i < n - KEEP_LAST_ROWS:
                row.set("data-tr", str(next(number)))


def _css_id(value: str) -> str:
    """An id inside a quoted CSS attribute selector; ``<`` escaped so it cannot close the style block."""
    return value.replace("\\", "\\\\").replace('"', '\\"').replace("<", "\\3c ")


def measure(print_html: str, base_url: str | None = None) -> list[Page]:
    """Render ``print_html`` (from :func:`lkjip.render.export.build_print_html`) as :func:`lkjip.render.export.print_pdf`
    renders it and measure its pages."""
    import warnings

    import logging

    saved = {n: logging.getLogger(n).level for n in ("weasyprint", "fontTools")}
    try:
        for name in saved:
            logging.getLogger(name).setLevel(logging.ERROR)
        with warnings.catch_warnings():
            # as in lkjip.render.export.print_pdf: without HarfBuzz-subset fonts are subset by fontTools
            warnings.filterwarnings("ignore", message="HarfBuzz-Subset", category=DeprecationWarning)
            document = render_balanced(print_html, base_url)
    finally:
        for name, level in saved.items():
            logging.getLogger(name).setLevel(level)
    return pages_of(document)
