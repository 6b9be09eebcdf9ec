"""The example scenarios shipped in the package (fncoach.examples), and doctests that work from anywhere."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

import pytest

import fncoach
from fncoach.examples import TINY_PATH, example_scenario, tiny_scenario

ROOT = Path(__file__).resolve().parent.parent

#: Modules whose doctests use an example scenario (they once read tests/fixtures/tiny.yaml by a relative path).
DOCTEST_MODULES = ("fncoach.examples", "fncoach.course", "fncoach.finding", "fncoach.plan", "fncoach.viz.sos",
                   "fncoach.ui.plan", "fncoach.yamlfile", "fncoach.strength")


def test_tiny_scenario_is_the_packaged_file():
    assert TINY_PATH.is_file()
    assert TINY_PATH.is_relative_to(Path(fncoach.__file__).resolve().parent)
    assert tiny_scenario().meta.id == "tiny"
    assert tiny_scenario().child.name == "Zoë"


def test_there_is_one_copy_of_the_tiny_scenario():
    assert not (ROOT / "tests" / "fixtures" / "tiny.yaml").exists()


def test_example_scenario_start_is_a_monday():
    assert example_scenario().drills.start_date == dt.date(2026, 1, 5)


def test_example_scenario_lives_only_in_examples():
    import fncoach.plan

    assert not hasattr(fncoach.plan, "example_scenario")


@pytest.mark.parametrize("module", DOCTEST_MODULES)
def test_doctests_do_not_depend_on_the_working_folder(tmp_path, module):
    """Run a module's doctests with the current folder somewhere else, as from an installed wheel."""
    code = (
        "import doctest, importlib, sys\n"
        f"module = importlib.import_module({module!r})\n"
        "result = doctest.testmod(module, optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)\n"
        "print(result.attempted, result.failed)\n"
        "sys.exit(1 if result.failed or not result.attempted else 0)\n"
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT), "MPLBACKEND": "Agg", "FNCOACH_SCENARIOS": str(tmp_path / "none")}
    result = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, env=env, capture_output=True, text=True,
                            timeout=300)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
