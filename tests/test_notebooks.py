"""Every course notebook, executed with papermill for every bundled scenario.

The scenarios are globbed when the tests are collected, so a new scenario file is covered at once. Each
notebook's runs share one xdist group (one worker per notebook), each run gets its own throw-away learner
record, and ``FNCOACH_STRICT_UI=1`` makes an exercise or figure that would show a learner an error box raise
instead, so the run fails.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = sorted(p for p in (ROOT / "notebooks").rglob("*.ipynb") if ".ipynb_checkpoints" not in p.parts)
SCENARIOS = sorted((ROOT / "scenarios").glob("*.yaml"))

papermill = pytest.importorskip("papermill")


def _cases():
    for notebook in NOTEBOOKS:
        name = notebook.relative_to(ROOT / "notebooks").as_posix()
        for scenario in SCENARIOS:
            yield pytest.param(notebook, scenario.stem, id=f"{name}-{scenario.stem}",
                               marks=[pytest.mark.notebooks, pytest.mark.xdist_group(name=f"papermill-{name}")])


def _texts(output: dict) -> list[str]:
    if output.get("output_type") == "stream":
        return [output.get("text", "")]
    data = output.get("data", {})
    return [data.get("text/plain", ""), data.get("text/html", "")]


@pytest.mark.parametrize(("notebook", "scenario"), list(_cases()))
def test_notebook_runs_for_scenario(notebook: Path, scenario: str, tmp_path: Path, monkeypatch):
    monkeypatch.setenv("FNCOACH_RECORD", str(tmp_path / "record.sqlite3"))
    monkeypatch.setenv("FNCOACH_LEARNER", "Papermill")
    monkeypatch.setenv("MPLBACKEND", "Agg")
    monkeypatch.setenv("FNCOACH_STRICT_UI", "1")  # a broken exercise or figure raises instead of showing a message
    out = tmp_path / notebook.name
    papermill.execute_notebook(
        str(notebook), str(out), parameters={"scenario": scenario, "learner": "Papermill"},
        kernel_name="python3", cwd=str(notebook.parent), progress_bar=False, log_output=False,
        execution_timeout=300,
    )
    nb = json.loads(out.read_text(encoding="utf-8"))
    injected = [c for c in nb["cells"] if "injected-parameters" in c.get("metadata", {}).get("tags", [])]
    assert injected and f'scenario = "{scenario}"' in "".join(injected[0]["source"])
    problems = []
    for cell in nb["cells"]:
        for output in cell.get("outputs", []):
            if output.get("output_type") == "error":
                problems.append(f"{output.get('ename')}: {output.get('evalue')}")
            for text in _texts(output):
                text = "".join(text) if isinstance(text, list) else text
                if "Something needs fixing" in text or "Traceback" in text:
                    problems.append(text[:500])
    assert not problems, f"{notebook.name} with {scenario}:\n" + "\n".join(problems)
