"""Root pytest hooks: run each notebook's nbval cells on one xdist worker, in an isolated home.

nbval runs a notebook's cells in order in one kernel, so all cells of a notebook
must stay together; ``--dist loadgroup`` spreads everything else by load.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest

# Notebook kernels (nbval) inherit this environment: keep their learner record and Jupyter files out of the real
# home folder, and make a course exercise that would show a learner an error box fail the cell instead.
_HOME = Path(tempfile.mkdtemp(prefix="fncoach-pytest-"))
for _name, _value in {
    "FNCOACH_RECORD": str(_HOME / "record" / "record.sqlite3"),
    "FNCOACH_LEARNER": "Notebook check",
    "FNCOACH_STRICT_UI": "1",
    "MPLBACKEND": "Agg",
}.items():
    os.environ.setdefault(_name, _value)


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(items):
    for item in items:
        path = str(getattr(item, "path", getattr(item, "fspath", "")))
        if path.endswith(".ipynb"):
            item.add_marker(pytest.mark.xdist_group(name=path))


@pytest.hookimpl(tryfirst=True)
def pytest_collection_finish(session):
    """pytest-xdist (``--dist loadgroup``) appends ``@group`` to ``item._nodeid``; pytest 9 reads the node id from
    ``item._id``, so the suffix was lost and one notebook's cells were spread over workers. Copy it across."""
    try:
        from _pytest.nodeid import coerce_node_id
    except ImportError:  # older pytest reads _nodeid itself
        return
    for item in session.items:
        wanted = getattr(item, "_nodeid", None)
        if wanted and wanted != item.nodeid and "@" in wanted:
            item._id = coerce_node_id(wanted)
