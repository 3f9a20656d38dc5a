"""A figure that would leave more than a third of the page before it empty is scaled to fit there.

WeasyPrint keeps a figure block (``div.lkjip-blok-gambar``: caption, drawing, source) whole; when it does
not fit in what is left of a page it moves to the next one and the page before it stays partly empty
(2023: a page 40 % empty before the PATEN chart). WeasyPrint has no page floats that would let the text
after the figure flow up, so the drawing is scaled instead: to the height left on the page, when that is
at least :data:`MIN_SCALE` of its own height (a smaller drawing would not be read). A figure that starts a
chapter, or whose page before it is at least two thirds full, is left as it is.
"""

from __future__ import annotations

#: A drawing is never scaled below this share of its height.
MIN_SCALE = 0.70
#: A page before a figure is never emptier than this share of its height.
MAX_EMPTY = 1 / 3
#: Room (px) kept under a scaled figure, for rounding.
SLACK_PX = 4.0


def scale_needed(free: float, page_height: float, block: float, drawing: float) -> float | None:
    """The drawing's new height (px) so that a figure block of height ``block`` fits in the ``free``
    height left on a page of ``page_height``, or ``None`` when the page is full enough or the drawing
    would shrink below :data:`MIN_SCALE`.

    >>> scale_needed(free=400, page_height=1000, block=450, drawing=380)
    326.0
    >>> scale_needed(free=300, page_height=1000, block=450, drawing=380) is None  # under 70 %
    True
    >>> scale_needed(free=200, page_height=1000, block=450, drawing=380) is None  # a third or less empty
    True
    """
    if free <= MAX_EMPTY * page_height or drawing <= 0:
        return None
    height = drawing - (block - free) - SLACK_PX
    return float(height) if height >= MIN_SCALE * drawing else None


def figures_to_fit(document) -> list[str]:
    """CSS rules that scale the drawing of each figure block (``data-blok``, tagged by
    :func:`lkjip.render.printcheck.render_balanced`) that opens a page while the page before it has more
    than a third of its height empty (:func:`scale_needed`)."""
    from weasyprint.formatting_structure import boxes

    rules = []
    for before, page in zip(document.pages, document.pages[1:]):
        box = page._page_box
        first = _first_block(box, boxes)
        if first is None:
            continue
        element = first.element
        if "lkjip-blok-gambar" not in (element.get("class") or "").split() or not element.get("data-blok"):
            continue
        drawing = _drawing(first, boxes)
        if drawing is None:
            continue
        top = before._page_box.content_box_y()
        bottom = top + before._page_box.height
        used = _bottom(before._page_box, boxes)
        if used is None:
            continue
        height = scale_needed(bottom - used, bottom - top, first.margin_height(), drawing.height)
        if height is not None:
            selector = f'[data-blok="{element.get("data-blok")}"] img'
            rules.append(selector + "{height:%.1fpx !important;width:auto !important;max-width:100%% !important}"
                         % height)
    return rules


def _first_block(page_box, boxes):
    """The outermost block of the page's content that carries ``data-blok`` and starts the page
    (no text above it), or ``None``."""
    found = []

    def walk(box) -> bool:
        """True once text or a drawing was met (the page does not open with a figure block)."""
        if isinstance(box, boxes.MarginBox):
            return False
        element = getattr(box, "element", None)
        if isinstance(box, boxes.BlockBox) and element is not None and element.get("data-blok"):
            found.append(box)
            return True
        if isinstance(box, boxes.TextBox) and box.text.strip():
            return True
        if isinstance(box, boxes.InlineReplacedBox | boxes.BlockReplacedBox):
            return True
        return any(walk(child) for child in getattr(box, "children", ()))

    walk(page_box)
    return found[0] if found else None


def _drawing(block, boxes):
    """The block's image (the chart), or ``None``."""
    if isinstance(block, boxes.InlineReplacedBox | boxes.BlockReplacedBox):
        return block
    for child in getattr(block, "children", ()):
        found = _drawing(child, boxes)
        if found is not None:
            return found
    return None


def _bottom(page_box, boxes) -> float | None:
    """The lowest edge (px) of the text and drawings of a page's content (running heads left out)."""
    lows = []

    def walk(box) -> None:
        if isinstance(box, boxes.MarginBox):
            return
        if isinstance(box, boxes.TextBox) and box.text.strip():
            lows.append(box.position_y + box.height)
        elif isinstance(box, boxes.InlineReplacedBox | boxes.BlockReplacedBox):
            lows.append(box.position_y + box.margin_height())
        elif isinstance(box, boxes.TableBox | boxes.TableRowBox):
            lows.append(box.position_y + box.margin_height())
        for child in getattr(box, "children", ()):
            walk(child)

    walk(page_box)
    return max(lows) if lows else None
