"""lkjip's papermill engine is found through papermill's entry-point group, by name."""

from importlib.metadata import entry_points


def test_the_engine_is_registered_through_the_papermill_entry_point():
    # imported here, not at collection: papermill (with nbformat and jsonschema) costs every worker
    # seconds to import; import_lean as lkjip runs import it (lkjip.run.kernels)
    from lkjip.contract.lean_imports import import_lean

    papermill_engines = import_lean("papermill.engines").papermill_engines
    from lkjip.run.papermill_engine import ENGINE_NAME, WriteAtEndEngine

    found = {ep.name: ep.value for ep in entry_points(group="papermill.engine")}
    assert found[ENGINE_NAME] == "lkjip.run.papermill_engine:WriteAtEndEngine"
    assert papermill_engines.get_engine(ENGINE_NAME) is WriteAtEndEngine
