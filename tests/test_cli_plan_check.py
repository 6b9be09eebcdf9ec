"""``fncoach check-plan`` as a coach or a script would run it."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from fncoach.cli import main
from fncoach.plan import plan_file_text
from fncoach.scenario import load_scenario
from netbuild import bundled_scenario_files

ROOT = Path(__file__).resolve().parent.parent
CARE_LEAVER = ROOT / "scenarios" / "care_leaver_adult_network.yaml"


def run(*args: str) -> subprocess.CompletedProcess:
    result = subprocess.run([sys.executable, "-m", "fncoach", "check-plan", *args], cwd=ROOT, capture_output=True,
                            text=True, timeout=120)
    assert "Traceback" not in result.stdout + result.stderr
    return result


def _jordan_plan(tmp_path: Path) -> Path:
    """The model plan, except that Jordan is the main person taking Shania to the GP."""
    scenario = load_scenario(CARE_LEAVER)
    plan = [a if a.task != "t_gp" else a.model_copy(update={"primary": "jordan", "backups": ("maggie",)})
            for a in scenario.plan.model_plan]
    path = tmp_path / "plan.yaml"
    path.write_text(plan_file_text(plan), encoding="utf-8")
    return path


def test_the_model_plan_has_nothing_to_fix():
    result = run(str(CARE_LEAVER), "--json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["ok"] is True and data["problems"] == []


def test_a_plan_file_is_really_checked(tmp_path):
    # The model plan is clean, so this fails if the model plan were checked instead of the file.
    result = run(str(CARE_LEAVER), "--plan", str(_jordan_plan(tmp_path)), "--json")
    assert result.returncode == 1
    data = json.loads(result.stdout)
    assert data["ok"] is False
    assert all(set(p) == {"task", "person", "kind", "message"} for p in data["problems"] + data["cautions"])
    assert [(p["task"], p["person"], p["kind"]) for p in data["problems"]] == [("t_gp", "jordan", "safety")]
    message = data["problems"][0]["message"]
    assert "Jordan (main person)" in message and "Going with Shania to register at the new GP" in message


def test_plain_text_names_the_job_and_says_what_to_fix(tmp_path):
    result = run(str(CARE_LEAVER), "--plan", str(_jordan_plan(tmp_path)))
    assert result.returncode == 1
    assert "1 thing to fix" in result.stdout
    assert "To fix:" in result.stdout and "Going with Shania to register at the new GP and dentist: Jordan" in result.stdout


def test_cautions_are_listed_but_do_not_fail_the_check():
    result = run("no_one_fathers_side")
    assert result.returncode == 0, result.stderr
    assert "nothing to fix" in result.stdout and "To talk about:" in result.stdout and "Leon" in result.stdout


def test_a_broken_plan_file_is_a_plain_error(tmp_path):
    bad = tmp_path / "plan.yaml"
    bad.write_text("- {task: t_gp, primary: jordan\n", encoding="utf-8")
    result = run(str(CARE_LEAVER), "--plan", str(bad))
    assert result.returncode == 2
    assert f"{bad}:" in result.stderr and "not valid YAML" in result.stderr
    unknown = tmp_path / "unknown.yaml"
    unknown.write_text("- {task: t_gp, primary: nobody_here}\n", encoding="utf-8")
    result = run(str(CARE_LEAVER), "--plan", str(unknown))
    assert result.returncode == 2 and f"{unknown}:1:" in result.stderr and "nobody_here" in result.stderr


def test_a_missing_plan_file_or_a_broken_scenario_is_a_plain_error(tmp_path):
    assert run(str(CARE_LEAVER), "--plan", str(tmp_path / "nope.yaml")).returncode == 2
    broken = tmp_path / "case.yaml"
    broken.write_text("meta: {id: x\n", encoding="utf-8")
    result = run(str(broken))
    assert result.returncode == 2 and "could not be used" in result.stderr and f"{broken}:" in result.stderr


@pytest.mark.parametrize("path", bundled_scenario_files(), ids=lambda p: p.stem)
def test_every_job_given_to_a_person_of_worry_is_flagged(path, tmp_path, capsys):
    scenario = load_scenario(path)
    worries = [p for p in scenario.people if p.safety.status == "worry"]
    assert worries, "every bundled case has someone the workers are worried about"
    safe = next(p.id for p in scenario.people if p.safety.status == "safe" and p.is_natural)
    for person in worries:
        plan = [a.model_copy(update={"primary": person.id, "backups": (safe,)}) for a in scenario.plan.model_plan]
        file = tmp_path / f"{person.id}.yaml"
        file.write_text(plan_file_text(plan), encoding="utf-8")
        assert main(["check-plan", str(path), "--plan", str(file), "--json"]) == 1
        data = json.loads(capsys.readouterr().out)
        flagged = {p["task"] for p in data["problems"] if p["person"] == person.id and p["kind"] == "safety"}
        expected = {t.id for t in scenario.plan.tasks if not (t.own_commitment and person.id in t.about)}
        assert flagged == expected
