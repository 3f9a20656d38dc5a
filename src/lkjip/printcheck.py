"""Print-layout measures of a rendered document: text past the text area, near-empty pages.

The rules are those of the shared PDF check (``pdf_layout.py``): the text area's right edge is
learned from the document itself, as the median over pages of the rightmost word, and a word
more than 3 pt past it overflows; a page after the first with fewer than 40 words is near-empty.
They are applied to WeasyPrint's layout, the boxes the PDF is drawn from, so no PDF text
extractor is needed (:func:`measure` renders the print HTML that :func:`lkjip.export.export_pdf`
renders).
"""

from __future__ import annotations

import statistics
from dataclasses import dataclass

#: CSS px to PDF points.
PT_PER_PX = 0.75
#: A word this far (pt) past the median right edge is outside the text area.
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
        words, last = [], [""]

        def walk(box, kind: str) -> None:
            element = getattr(box, "element", None)
            if isinstance(box, boxes.MarginBox):
                return  # running header and footer
            if element is not None and isinstance(box, boxes.BlockBox):
                tag = str(getattr(element, "tag", "")).rsplit("}", 1)[-1]
                classes = (element.get("class") or "").split() if hasattr(element, "get") else []
                if tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
                    kind = "heading"
                elif "lkjip-caption" in classes:
                    kind = "caption"
                elif tag in ("p", "li", "table", "img", "div") and kind == "" and box.children:
                    kind = ""
            if isinstance(box, boxes.TextBox) and box.text.strip():
                right = (box.position_x + box.width) * PT_PER_PX
                words.extend((w, right) for w in box.text.split())
                last[0] = kind
            elif isinstance(box, boxes.InlineReplacedBox | boxes.BlockReplacedBox):
                last[0] = kind
            for child in getattr(box, "children", ()):
                walk(child, kind)

        walk(page._page_box, "")
        out.append(Page(n, tuple(words), last[0]))
    return out


def overflowing(pages: list[Page], tolerance: float = TOLERANCE_PT) -> list[tuple[int, list[str]]]:
    """(page number, words) of the pages with words past the text area."""
    rights = [p.right for p in pages if p.right is not None]
    if not rights:
        return []
    edge = statistics.median(rights)
    return [(p.number, [w for w, r in p.words if r > edge + tolerance])
            for p in pages if any(r > edge + tolerance for _, r in p.words)]


def near_empty(pages: list[Page], minimum: int = MIN_WORDS) -> list[tuple[int, int]]:
    """(page number, word count) of the pages after the first with fewer than ``minimum`` words."""
    return [(p.number, len(p.words)) for p in pages[1:] if len(p.words) < minimum]


def orphans(pages: list[Page]) -> list[tuple[int, str]]:
    """(page number, ``heading``/``caption``) of the pages whose last text is a heading or a
    caption: a heading or caption alone at a page foot."""
    return [(p.number, p.ends_with) for p in pages if p.ends_with]


def measure(print_html: str, base_url: str | None = None) -> list[Page]:
    """Render ``print_html`` (from :func:`lkjip.export.build_print_html`) and measure its pages."""
    import warnings

    from lkjip.export import quiet_weasyprint

    with quiet_weasyprint(), warnings.catch_warnings():
        # as in lkjip.export.export_pdf: without HarfBuzz-subset fonts are subset by fontTools
        warnings.filterwarnings("ignore", message="HarfBuzz-Subset", category=DeprecationWarning)
        from weasyprint import HTML

        document = HTML(string=print_html, base_url=base_url).render()
    return pages_of(document)
