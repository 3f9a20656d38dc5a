"""The papermill engine of lkjip runs: the executed notebook written once, also when the kernel dies.

papermill's own engine writes the whole executed notebook after every cell (each write
re-serialises and re-validates it: seconds per report) unless told not to, and then writes
nothing at all when the kernel dies mid-notebook. This one writes once: papermill's final
write on success or on a failing cell, and its own when the execution itself breaks off
(a dead kernel, an interrupt), with the outputs of the cells that ran.

Registered through papermill's ``papermill.engine`` entry-point group (pyproject.toml), so
``papermill --engine lkjip in.ipynb out.ipynb`` uses it too. papermill loads its entry points while
``papermill.engines`` itself is being imported, so the classes are built on first access
(:func:`__getattr__`), not at import: importing this module never imports papermill, and whichever
of the two is imported first, the engine is built once, from papermill's classes.
"""

from __future__ import annotations

#: The engine's name in papermill's registry.
ENGINE_NAME = "lkjip"
_CLASSES = ("WriteAtEndEngine", "WriteAtEndManager")


def __getattr__(name: str):
    if name in _CLASSES:
        _build()
        return globals()[name]
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def _build() -> None:
    if "WriteAtEndEngine" in globals():
        return
    # importing papermill.engines may load this entry point (and so build the classes) first
    from papermill.engines import NBClientEngine, NotebookExecutionManager

    if "WriteAtEndEngine" in globals():
        return

    class WriteAtEndManager(NotebookExecutionManager):
        """papermill's execution manager that saves only at the end, or when the execution broke off."""

        broken_off = False

        def save(self, **kwargs):
            if self.broken_off:
                super().save(**kwargs)

    class WriteAtEndEngine(NBClientEngine):
        """papermill's nbclient engine with :class:`WriteAtEndManager`."""

        @classmethod
        def execute_notebook(cls, nb, kernel_name, output_path=None, progress_bar=True, log_output=False,
                             autosave_cell_every=30, **kwargs):
            # papermill's Engine.execute_notebook with the manager above
            nb_man = WriteAtEndManager(nb, output_path=output_path, progress_bar=progress_bar,
                                       log_output=log_output, autosave_cell_every=autosave_cell_every)
            nb_man.notebook_start()
            try:
                cls.execute_managed_notebook(nb_man, kernel_name, log_output=log_output, **kwargs)
            except BaseException:
                nb_man.broken_off = True  # papermill writes nothing after this: notebook_complete does
                raise
            finally:
                nb_man.cleanup_pbar()
                nb_man.notebook_complete()
            return nb_man.nb

    for cls in (WriteAtEndManager, WriteAtEndEngine):
        cls.__module__ = __name__
    globals().update(WriteAtEndManager=WriteAtEndManager, WriteAtEndEngine=WriteAtEndEngine)
