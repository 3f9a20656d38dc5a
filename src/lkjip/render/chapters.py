"""The chapters of a rendered document, so that its pages are balanced one chapter at a time.

Every chapter of a printed report starts a page (``main h1``, ``nav.toc``: ``break-before: page`` in
lkjip-print.css), so what a figure fitted or a page break added in one chapter does moves only that
chapter's pages. :func:`lkjip.render.printcheck.render_balanced` therefore takes the decisions of every
chapter on the same layout, each at its own stage, instead of one kind of decision for the whole document
per layout: the 2023 LKjIP, with a figure moved in Bab III and a break added in Bab I, is laid out twice,
not three times.
"""

from __future__ import annotations


def page_chapters(document) -> list[int]:
    """The chapter of each page of a rendered WeasyPrint document (0 for the pages before the first
    heading of level 1): a page holding the start of an ``h1`` opens the next chapter.

    Chapters are numbered by their order, which no fitting or break changes.
    """
    from weasyprint.formatting_structure import boxes

    def opens(box) -> bool:
        if isinstance(box, boxes.MarginBox):
            return False
        element = getattr(box, "element", None)
        if (isinstance(box, boxes.BlockBox) and element is not None
                and str(getattr(element, "tag", "")).rsplit("}", 1)[-1] == "h1"):
            return True
        return any(opens(child) for child in getattr(box, "children", ()))

    out, chapter = [], 0
    for n, page in enumerate(document.pages):
        if n and opens(page._page_box):
            chapter += 1
        out.append(chapter)
    return out


def selector_pages(document, css_id) -> dict[str, int]:
    """The page (0-based) on which each block a balancing decision names starts: ``[data-blok="…"]``,
    ``[data-tr="…"]`` and ``[id="…"]`` (the id quoted by ``css_id``), as
    :func:`lkjip.render.printcheck.breaks_to_add` and :mod:`lkjip.render.figure_fit` write them."""
    from weasyprint.formatting_structure import boxes

    found: dict[str, int] = {}

    def walk(box, n: int) -> None:
        if isinstance(box, boxes.MarginBox):
            return
        element = getattr(box, "element", None)
        if element is not None and hasattr(element, "get") and getattr(box, "element_tag", "") != "::marker":
            for key, value in (("data-blok", element.get("data-blok")), ("data-tr", element.get("data-tr")),
                               ("id", element.get("id"))):
                if value:
                    found.setdefault(f'[{key}="{value if key != "id" else css_id(value)}"]', n)
        for child in getattr(box, "children", ()):
            walk(child, n)

    for n, page in enumerate(document.pages):
        walk(page._page_box, n)
    return found


def selector_of(decision: str) -> str:
    """The block a decision names: the selector of a break, or that of a figure's scaling rule.

    >>> selector_of('[data-blok="9"] img{height:480.2px !important}')
    '[data-blok="9"]'
    >>> selector_of('[data-tr="30"]')
    '[data-tr="30"]'
    """
    return decision[:decision.index("]") + 1]
