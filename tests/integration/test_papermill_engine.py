"""lkjip's papermill engine is found through papermill's entry-point group, by name."""

from importlib.metadata import entry_points

from papermill.engines import papermill_engines

from lkjip.run.papermill_engine import ENGINE_NAME, WriteAtEndEngine


def test_the_engine_is_registered_through_the_papermill_entry_point():
    found = {ep.name: ep.value for ep in entry_points(group="papermill.engine")}
    assert found[ENGINE_NAME] == "lkjip.run.papermill_engine:WriteAtEndEngine"
    assert papermill_engines.get_engine(ENGINE_NAME) is WriteAtEndEngine
