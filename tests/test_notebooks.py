"""Every course notebook, executed with papermill for every bundled scenario.

The notebooks are the course's own list (:data:`fncoach.course.NOTEBOOKS` and the facilitator notebook), so a
deleted or renamed notebook fails its runs instead of dropping out of the suite; the scenarios are globbed when
the tests are collected, so a new scenario file is covered at once. Each notebook's runs share one xdist group
(one worker per notebook), each run gets its own throw-away learner record, and ``FNCOACH_STRICT_UI=1`` makes an
exercise or figure that would show a learner an error box raise instead, so the run fails.

Each run must prove it used its parameters: the executed notebook's saved widget state holds the case card of
*that* scenario (so a notebook whose ``parameters`` tag is lost, and whose own default overwrites papermill's
injected cell, fails for every other case) and, where the notebook asks for a name, the learner's name.
"""

from __future__ import annotations

import json
from pathlib import Path

import papermill
import pytest

from fncoach.course import FACILITATOR_NOTEBOOK, NOTEBOOKS
from fncoach.scenario import load_scenario
from fncoach.ui.course import case_card

ROOT = Path(__file__).resolve().parent.parent
COURSE = (*NOTEBOOKS, FACILITATOR_NOTEBOOK)
SCENARIOS = sorted((ROOT / "scenarios").glob("*.yaml"))
LEARNER = "Papermill Learner"
PROBLEMS = ("Something needs fixing", "Traceback")


def _cases():
    for notebook in COURSE:
        for scenario in SCENARIOS:
            yield pytest.param(notebook.filename, scenario, id=f"{notebook.filename}-{scenario.stem}",
                               marks=[pytest.mark.notebooks,
                                      pytest.mark.xdist_group(name=f"papermill-{notebook.filename}")])


def _texts(output: dict) -> list[str]:
    if output.get("output_type") == "stream":
        return [output.get("text", "")]
    data = output.get("data", {})
    return [data.get("text/plain", ""), data.get("text/html", "")]


def widget_texts(nb: dict) -> list[str]:
    """Every text value held in the executed notebook's saved widget state, whole.

    A widget's ``text/plain`` output is its repr cut to 110 characters, so messages inside a panel are only
    visible here: the state of every widget model (an ``HTML`` box's ``value``, a label, a button's description).
    """
    state = nb.get("metadata", {}).get("widgets", {}).get("application/vnd.jupyter.widget-state+json", {})
    texts = []
    for model in state.get("state", {}).values():
        for key, value in model.get("state", {}).items():
            if isinstance(value, str) and key not in ("_model_module", "_view_module", "_model_name", "_view_name"):
                texts.append(value)
    return texts


def problems_in(nb: dict) -> list[str]:
    """Error outputs, and every output or widget text a learner would read as an error."""
    problems = []
    for cell in nb["cells"]:
        for output in cell.get("outputs", []):
            if output.get("output_type") == "error":
                problems.append(f"{output.get('ename')}: {output.get('evalue')}")
            for text in _texts(output):
                text = "".join(text) if isinstance(text, list) else text
                if any(word in text for word in PROBLEMS):
                    problems.append(text)
    problems.extend(text for text in widget_texts(nb) if any(word in text for word in PROBLEMS))
    return problems


def test_the_course_list_names_every_notebook_file():
    """A notebook added to ``notebooks/`` but not to the course would never be run here."""
    on_disk = {p.relative_to(ROOT / "notebooks").as_posix()
               for p in (ROOT / "notebooks").rglob("*.ipynb") if ".ipynb_checkpoints" not in p.parts}
    assert on_disk == {nb.filename for nb in COURSE}


def test_the_widget_scan_reads_whole_messages():
    """The scan finds an error message deep inside a long HTML value (past the 110 characters of a repr)."""
    message = "x" * 500 + "<strong>✗ Something needs fixing</strong>"
    nb = {"cells": [], "metadata": {"widgets": {"application/vnd.jupyter.widget-state+json": {"state": {
        "a": {"model_name": "HTMLModel", "state": {"value": message}}}}}}}
    assert problems_in(nb) == [message]


@pytest.mark.parametrize(("filename", "scenario"), list(_cases()))
def test_notebook_runs_for_scenario(filename: str, scenario: Path, tmp_path: Path, monkeypatch):
    notebook = ROOT / "notebooks" / filename
    monkeypatch.setenv("FNCOACH_RECORD", str(tmp_path / "record.sqlite3"))
    monkeypatch.setenv("FNCOACH_LEARNER", LEARNER)  # the course header has the only name box; a run names it here
    monkeypatch.setenv("MPLBACKEND", "Agg")
    monkeypatch.setenv("FNCOACH_STRICT_UI", "1")  # a broken exercise or figure raises instead of showing a message
    out = tmp_path / notebook.name
    papermill.execute_notebook(
        str(notebook), str(out), parameters={"scenario": scenario.stem},
        kernel_name="python3", cwd=str(notebook.parent), progress_bar=False, log_output=False,
        execution_timeout=300,
    )
    nb = json.loads(out.read_text(encoding="utf-8"))
    problems = problems_in(nb)
    assert not problems, f"{notebook.name} with {scenario.stem}:\n" + "\n".join(p[:2000] for p in problems)
    # the run used its parameters, not the notebook's own defaults
    texts = widget_texts(nb)
    assert case_card(load_scenario(scenario)) in texts, f"{notebook.name} did not show the case {scenario.stem}"
    if "ask_name=False" not in out.read_text(encoding="utf-8"):
        assert LEARNER in texts, f"{notebook.name} did not use the learner's name {LEARNER!r}"
