"""The build hook that puts the project files in the wheel (everything else is in pyproject.toml).

The canonical copies stay at the top of the repository, where analysts and ``make notebooks`` edit
them: ``notebooks/`` (the chain's ``.ipynb`` and their jupytext ``.py``), ``expectations/`` (the GX
suites), ``templates/PETUNJUK.md`` (the guide of the Excel templates) and ``data/raw/gedeg`` (the
bundled example unit). ``build_py`` copies them into ``lkjip/_proyek/`` of the build, so that a wheel
installed anywhere runs (``lkjip.inputs.project``) and ``lkjip init`` can make a new project folder.
An editable install reads them from the repository instead.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

HERE = Path(__file__).resolve().parent
#: source in the repository -> folder under lkjip/_proyek/ (and the files taken; see lkjip.inputs.project)
BUNDLED = (
    ("notebooks", "notebooks", ("*.ipynb", "*.py", "jupytext.toml")),
    ("expectations", "expectations", ("*.json",)),
    ("templates", "panduan", ("PETUNJUK.md",)),
    ("data/raw/gedeg", "contoh/gedeg", ("**/*",)),
)


class BuildWithProjectFiles(build_py):
    def run(self):
        super().run()
        if self.editable_mode:  # an editable install reads the repository's own folders
            return
        target = Path(self.build_lib) / "lkjip" / "_proyek"
        for source, name, patterns in BUNDLED:
            for pattern in patterns:
                for path in sorted((HERE / source).glob(pattern)):
                    if path.is_file() and "__pycache__" not in path.parts and ".ipynb_checkpoints" not in path.parts:
                        out = target / name / path.relative_to(HERE / source)
                        out.parent.mkdir(parents=True, exist_ok=True)
                        shutil.copyfile(path, out)


setup(cmdclass={"build_py": BuildWithProjectFiles})
