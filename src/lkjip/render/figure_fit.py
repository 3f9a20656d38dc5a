"""A figure that would leave more than a third of the page before it empty is scaled to fit there.

WeasyPrint keeps a figure block (``div.lkjip-blok-gambar``: caption, drawing, source) whole; when it does
not fit in what is left of a page it moves to the next one and the page before it stays partly empty
(2023: a page 40 % empty before the PATEN chart). WeasyPrint has no page floats that would let the text
after the figure flow up, so the drawing is scaled instead: to the height left on the page, when that is
at least :data:`MIN_SCALE` of its own height (a smaller drawing would not be read). A figure that starts a
chapter, or whose page before it is at least two thirds full, is left as it is.

The room left is what WeasyPrint gives the block, not only the space under the last line: the margins
between that line and the block (the source line's bottom margin, the caption's top margin) collapse into
one gap that WeasyPrint drops at a page top, so the block's boxes on its own page do not show it
(:func:`_gap`). Left out, a 2021 figure 12 px taller than the room was "fitted" at its own height and
still moved on, leaving its page before it 34 % empty.
"""

from __future__ import annotations

#: A drawing is never scaled below this share of its height.
MIN_SCALE = 0.70
#: A page before a figure is never emptier than this share of its height.
MAX_EMPTY = 1 / 3
#: Room (px) kept under a scaled figure, for rounding.
SLACK_PX = 4.0
#: A page this close (px) to a third empty counts as more than a third empty. The free height is measured
#: from the last line box, which ends with its leading under the glyphs; a reading of the PDF's words (the
#: shared print checks, pdftotext) ends at the glyphs, over a text block a few points taller, and sees such
#: a page a little emptier (a 2021 page: 66,5 % full here, 66,1 % there).
EMPTY_TOLERANCE_PX = 8.0


def too_empty(free: float, page_height: float) -> bool:
    """Whether a page with ``free`` height (px) left under its last line is emptier than a figure may leave
    it (:data:`MAX_EMPTY`, within :data:`EMPTY_TOLERANCE_PX`).

    >>> too_empty(free=340, page_height=1000), too_empty(free=320, page_height=1000)
    (True, False)
    """
    return free > MAX_EMPTY * page_height - EMPTY_TOLERANCE_PX


def scale_needed(free: float, page_height: float, block: float, drawing: float, gap: float = 0.0) -> float | None:
    """The drawing's new height (px) so that a figure block of height ``block``, ``gap`` below the page's
    last line (collapsed margins, :func:`_gap`), fits in the ``free`` height under that line on a page of
    ``page_height``, or ``None`` when the page is full enough or the drawing would shrink below
    :data:`MIN_SCALE`.

    >>> scale_needed(free=400, page_height=1000, block=450, drawing=380)
    326.0
    >>> scale_needed(free=400, page_height=1000, block=390, drawing=380, gap=12)  # fits only without its gap
    374.0
    >>> scale_needed(free=300, page_height=1000, block=450, drawing=380) is None  # under 70 %
    True
    >>> scale_needed(free=200, page_height=1000, block=450, drawing=380) is None  # a third or less empty
    True
    """
    if not too_empty(free, page_height) or drawing <= 0:
        return None
    height = min(drawing, drawing - (block + gap - free) - SLACK_PX)
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
        gap = _gap(before._page_box, used, page._page_box, first, boxes)
        height = scale_needed(bottom - used, bottom - top, first.margin_height(), drawing.height, gap)
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
    """The lowest edge (px) of the lines of text and drawings of a page's content (running heads left out)."""
    lows = []

    def walk(box) -> None:
        if isinstance(box, boxes.MarginBox):
            return
        if isinstance(box, boxes.LineBox) and any(
                isinstance(b, boxes.TextBox) and b.text.strip() for b in box.descendants()):
            lows.append(box.position_y + box.height)  # the line with its leading, as the next block sees it
        elif isinstance(box, boxes.InlineReplacedBox | boxes.BlockReplacedBox):
            lows.append(box.position_y + box.margin_height())
        elif isinstance(box, boxes.TableBox | boxes.TableRowBox):
            lows.append(box.position_y + box.margin_height())
        for child in getattr(box, "children", ()):
            walk(child)

    walk(page_box)
    return max(lows) if lows else None


def _gap(before_box, used: float, page_box, block, boxes) -> float:
    """The space WeasyPrint leaves between a page's last line (at ``used``) and a figure block that
    would follow it there: the bottom margins of the boxes that end with that line and the top margins
    of the block, of the boxes it opens and of its first descendants (the caption's) are adjoining and
    collapse into the largest. The top margins are read from the style: at the top of its own page the
    block's boxes have them truncated to 0."""
    below = []

    def ending(box) -> None:
        if isinstance(box, boxes.MarginBox):
            return
        if isinstance(box, boxes.BlockBox) and abs(box.border_box_y() + box.border_height() - used) < 0.5:
            below.append(_px(box.style["margin_bottom"]))
        for child in getattr(box, "children", ()):
            ending(child)

    ending(before_box)
    above = [_px(b.style["margin_top"]) for b in _path(page_box, block) if isinstance(b, boxes.BlockBox)
             and not isinstance(b, boxes.PageBox) and abs(b.position_y - block.position_y) < 0.5]
    box = block
    while box is not None:
        above.append(_px(box.style["margin_top"]))
        box = next((c for c in getattr(box, "children", ()) if isinstance(c, boxes.BlockBox)), None)
    return max([0.0, *below, *above])


def _px(value) -> float:
    """A computed margin in px (0 for ``auto`` or a percentage, which the print CSS does not use)."""
    return float(value.value) if getattr(value, "unit", None) == "px" else 0.0


def _path(root, target) -> list:
    """The boxes from ``root`` down to ``target`` (both included), or an empty list."""
    if root is target:
        return [root]
    for child in getattr(root, "children", ()):
        path = _path(child, target)
        if path:
            return [root, *path]
    return []


def figures_to_defer(document) -> list[tuple[str, str]]:
    """``(data-blok, cell id)`` of each figure block that opens a page while the page before it has more
    than a third of its height empty and the figure cannot be scaled into it (:func:`scale_needed`): the
    notebook cells after the figure's own cell that fill that room (whole cells that fit, else the
    first one when it is text or a table, which splits) are printed before it, as a float to the next
    page top would. The cell id is the one the figure is to stand before. A figure is never moved past
    a chapter's start, another figure, or the end of the document."""
    from weasyprint.formatting_structure import boxes

    cells = _cells(document, boxes)  # (cell id, element, total height, holds a figure, opens a chapter)
    order = [c[0] for c in cells]
    out = []
    for before, page in zip(document.pages, document.pages[1:]):
        first = _first_block(page._page_box, boxes)
        if first is None:
            continue
        element = first.element
        if "lkjip-blok-gambar" not in (element.get("class") or "").split() or not element.get("data-blok"):
            continue
        top = before._page_box.content_box_y()
        bottom = top + before._page_box.height
        used = _bottom(before._page_box, boxes)
        drawing = _drawing(first, boxes)
        if used is None or drawing is None:
            continue
        free = bottom - used
        if not too_empty(free, bottom - top):
            continue
        gap = _gap(before._page_box, used, page._page_box, first, boxes)
        if scale_needed(free, bottom - top, first.margin_height(), drawing.height, gap) is not None:
            continue  # scaled instead (figures_to_fit)
        own = _cell_of(page._page_box, first, boxes)
        if own is None or own not in order:
            continue
        following = cells[order.index(own) + 1:]
        taken, room = 0, free - SLACK_PX
        for _, _, height, figure, chapter in following:
            if figure or chapter or height > room:
                break
            taken, room = taken + 1, room - height
        if taken == 0 and following and not (following[0][3] or following[0][4]):
            taken = 1  # text or a table longer than the room: it starts there and goes on after the figure
        if 0 < taken < len(following):
            out.append((element.get("data-blok"), following[taken][0]))
    return out


def move_figures(root, moves: list[tuple[str, str]]) -> None:
    """Move each figure block (``data-blok``) of the parsed print document ``root`` to just before the
    notebook cell (its id) :func:`figures_to_defer` named; a cell before the figure is left alone.

    >>> import tinyhtml5
    >>> root = tinyhtml5.parse('<div class="jp-Cell" id="cell-id=a"><div data-blok="1">G</div></div>'
    ...                        '<div class="jp-Cell" id="cell-id=b">T</div><div class="jp-Cell" id="cell-id=c">U</div>',
    ...                        namespace_html_elements=False)
    >>> move_figures(root, [("1", "c")])
    >>> [(e.get("id") or e.get("data-blok"), e.text) for e in root.find("body")]
    [('cell-id=a', None), ('cell-id=b', 'T'), ('1', 'G'), ('cell-id=c', 'U')]
    """
    for blok, cell in moves:
        order = {id(e): n for n, e in enumerate(root.iter())}
        parents = {id(child): parent for parent in root.iter() for child in parent}
        block = next((e for e in root.iter("div") if e.get("data-blok") == blok), None)
        target = next((e for e in root.iter("div") if e.get("id") == f"cell-id={cell}"
                       and "jp-Cell" in (e.get("class") or "").split()), None)
        if block is None or target is None or order[id(target)] < order[id(block)]:
            continue
        detach(block, parents[id(block)])
        home = parents[id(target)]
        home.insert(list(home).index(target), block)


def detach(element, parent) -> None:
    """Remove ``element`` from ``parent``, its tail text kept where it was."""
    siblings = list(parent)
    at = siblings.index(element)
    if element.tail:
        if at:
            siblings[at - 1].tail = (siblings[at - 1].tail or "") + element.tail
        else:
            parent.text = (parent.text or "") + element.tail
    element.tail = None
    parent.remove(element)


def _cells(document, boxes) -> list[tuple[str, object, float, bool, bool]]:
    """The notebook cells in print order: (id, element, height over all its pages, holds a figure block,
    opens a chapter)."""
    seen: dict[str, list] = {}

    def walk(box) -> None:
        if isinstance(box, boxes.MarginBox):
            return
        element = getattr(box, "element", None)
        if isinstance(box, boxes.BlockBox) and element is not None:
            cid = element.get("id") or ""
            if cid.startswith("cell-id=") and "jp-Cell" in (element.get("class") or "").split():
                entry = seen.setdefault(cid[len("cell-id="):], [element, 0.0, False, False])
                entry[1] += box.margin_height()
                inner = [(str(e.tag).rsplit("}", 1)[-1], (e.get("class") or "").split()) for e in element.iter()]
                entry[2] = entry[2] or any(t == "div" and "lkjip-blok-gambar" in c for t, c in inner)
                entry[3] = entry[3] or any(t == "h1" for t, _ in inner)
                return
        for child in getattr(box, "children", ()):
            walk(child)

    for page in document.pages:
        walk(page._page_box)
    return [(cid, e, h, fig, chapter) for cid, (e, h, fig, chapter) in seen.items()]


def _cell_of(page_box, target, boxes) -> str | None:
    """The id of the notebook cell whose box holds ``target`` on this page."""
    found = []

    def walk(box, cell) -> None:
        if found:
            return
        element = getattr(box, "element", None)
        if isinstance(box, boxes.BlockBox) and element is not None:
            cid = element.get("id") or ""
            if cid.startswith("cell-id=") and "jp-Cell" in (element.get("class") or "").split():
                cell = cid[len("cell-id="):]
        if box is target:
            found.append(cell)
            return
        for child in getattr(box, "children", ()):
            walk(child, cell)

    walk(page_box, None)
    return found[0] if found else None
