"""Shared test setup: headless matplotlib, an isolated home, and scenario fixtures."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import matplotlib

matplotlib.use("Agg")

import pytest  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
SCENARIOS = ROOT / "scenarios"

# Keep tests out of the real home folder: learner records, Jupyter and matplotlib config all go to a temp dir.
_HOME = Path(tempfile.mkdtemp(prefix="fncoach-test-home-"))
for _name, _sub in {
    "FNCOACH_RECORD": "record/record.sqlite3",
    "JUPYTER_CONFIG_DIR": "jupyter-config",
    "JUPYTER_DATA_DIR": "jupyter-data",
    "IPYTHONDIR": "ipython",
    "MPLCONFIGDIR": "mpl",
}.items():
    os.environ.setdefault(_name, str(_HOME / _sub))
os.environ.setdefault("JUPYTER_PLATFORM_DIRS", "1")


def bundled_scenario_files() -> list[Path]:
    """Every bundled scenario file (looked up when the tests are collected)."""
    return sorted(SCENARIOS.glob("*.yaml"))


@pytest.fixture
def tiny_path() -> Path:
    """Zoë's small case, the copy shipped in the package (:data:`fncoach.examples.TINY_PATH`)."""
    from fncoach.examples import TINY_PATH

    return TINY_PATH


@pytest.fixture
def tiny():
    from fncoach.examples import tiny_scenario

    return tiny_scenario()


@pytest.fixture(params=bundled_scenario_files(), ids=lambda p: p.stem)
def bundled_path(request) -> Path:
    """Parametrised over every bundled scenario file."""
    return request.param
