"""When pytest runs the course notebooks (nbval), keep their learner record and Jupyter files in a temp folder."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest

_HOME = Path(tempfile.mkdtemp(prefix="fncoach-nbval-"))
for _name, _sub in {
    "FNCOACH_RECORD": "record/record.sqlite3",
    "JUPYTER_CONFIG_DIR": "jupyter-config",
    "JUPYTER_DATA_DIR": "jupyter-data",
    "IPYTHONDIR": "ipython",
    "MPLCONFIGDIR": "mpl",
}.items():
    os.environ.setdefault(_name, str(_HOME / _sub))
os.environ.setdefault("FNCOACH_LEARNER", "Notebook check")
os.environ.setdefault("MPLBACKEND", "Agg")
os.environ.setdefault("FNCOACH_STRICT_UI", "1")  # an exercise that would show an error box fails the cell instead


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(config, items):
    """Keep all cells of a notebook on one xdist worker (nbval runs them in order in one kernel).

    The root conftest marks each cell with ``xdist_group`` and pytest-xdist (``--dist loadgroup``) then
    appends ``@group`` to ``item._nodeid``; pytest 9 reads the node id from ``item._id`` instead, so the
    suffix was lost and cells of one notebook were spread over workers. Copy it across.
    """
    for item in items:
        wanted = getattr(item, "_nodeid", None)
        if not wanted or wanted == item.nodeid or not str(getattr(item, "path", "")).endswith(".ipynb"):
            continue
        try:
            from _pytest.nodeid import coerce_node_id
        except ImportError:  # older pytest reads _nodeid itself
            return
        item._id = coerce_node_id(wanted)
