"""The stages one chapter goes through while its pages are balanced (lkjip.render.printcheck._ChapterBalance):
figures first, then at most ``rounds`` rounds of page breaks, then one last fitting; a stage with nothing to
do passes on the same layout."""

from __future__ import annotations

from lkjip.render.printcheck import _ChapterBalance

FIT = '[data-blok="3"] img{height:300px !important}'


def test_a_chapter_with_nothing_to_do_is_done_on_its_first_layout():
    chapter = _ChapterBalance(rounds=2)
    assert chapter.advance([], [], []) is False
    assert chapter.advance([FIT], [], ['[data-tr="1"]']) is False  # done: later layouts change nothing
    assert (chapter.fitted, chapter.moved) == ([], [])


def test_figures_are_decided_before_breaks_and_breaks_on_the_next_layout():
    chapter = _ChapterBalance(rounds=2)
    assert chapter.advance([FIT], [("4", "c9")], ['[data-tr="1"]']) is True
    assert (chapter.fitted, chapter.moves, chapter.moved) == ([FIT], [("4", "c9")], [])
    assert chapter.advance([], [], ['[data-tr="1"]']) is True
    assert chapter.moved == ['[data-tr="1"]'] and chapter.alternative is None
    assert chapter.advance([], [], []) is False  # no second round needed, no figure to refit


def test_breaks_without_figures_are_taken_on_the_first_layout():
    chapter = _ChapterBalance(rounds=2)
    assert chapter.advance([], [], ['[id="akhir"]']) is True
    assert chapter.moved == ['[id="akhir"]']


def test_a_second_round_weighs_replacing_the_first_rounds_breaks():
    chapter = _ChapterBalance(rounds=2)
    chapter.advance([], [], ['[data-tr="10"]'])
    assert chapter.advance([], [], ['[data-tr="9"]']) is True
    assert chapter.moved == ['[data-tr="10"]', '[data-tr="9"]'] and chapter.alternative == ['[data-tr="9"]']


def test_after_the_last_round_a_figure_moved_by_a_break_is_fitted_once_more():
    chapter = _ChapterBalance(rounds=1)
    chapter.advance([], [], ['[data-tr="1"]'])
    assert chapter.advance([FIT], [], ['[data-tr="2"]']) is True  # rounds spent: the figure, not a break
    assert chapter.fitted == [FIT] and chapter.moved == ['[data-tr="1"]']
    assert chapter.advance([], [], ['[data-tr="2"]']) is False
