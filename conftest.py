"""Root pytest hooks: run each notebook's nbval cells on one xdist worker.

nbval runs a notebook's cells in order in one kernel, so all cells of a notebook
must stay together; ``--dist loadgroup`` spreads everything else by load.
"""

from __future__ import annotations

import pytest


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(items):
    for item in items:
        path = str(getattr(item, "path", getattr(item, "fspath", "")))
        if path.endswith(".ipynb"):
            item.add_marker(pytest.mark.xdist_group(name=path))
