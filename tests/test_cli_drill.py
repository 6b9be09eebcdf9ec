"""``fncoach drill`` and ``fncoach plan`` as a coach would run them (real processes)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from fncoach.examples import TINY_PATH as TINY

ROOT = Path(__file__).resolve().parent.parent


def run(*args: str) -> subprocess.CompletedProcess:
    result = subprocess.run([sys.executable, "-m", "fncoach", *args], cwd=ROOT, capture_output=True, text=True,
                            timeout=120)
    assert "Traceback" not in result.stdout + result.stderr
    return result


def test_drill_json_shape_and_values():
    result = run("drill", str(TINY), "--runs", "300", "--seed", "4", "--json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["runs"] == 300 and data["seed"] == 4
    assert 0 <= data["coverage"] <= 1
    assert abs(data["coverage"] - data["exact_coverage"]) < 0.05
    for item in data["uncovered"]:
        assert set(item) == {"task", "day", "reason"} and item["reason"]


def test_drill_is_deterministic():
    one = run("drill", str(TINY), "--runs", "50", "--json").stdout
    assert one == run("drill", str(TINY), "--runs", "50", "--json").stdout


def test_drill_text_output():
    result = run("drill", str(TINY), "--runs", "100")
    assert result.returncode == 0
    assert "Mean coverage:" in result.stdout and "Morning phone check-in" in result.stdout


def test_drill_every_bundled_scenario(bundled_path):
    result = run("drill", str(bundled_path), "--runs", "50", "--json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    # The scripted events make a difference to the expected coverage of the model plan.
    assert data["exact_coverage"] < data["exact_coverage_without_events"]


NIAMH_PLAN = ("- task: t_morning_call\n  primary: gran\n  backups: [aunt_niamh]\n"
              "- {task: t_school_run, primary: gran}\n")


def test_the_model_plan_leans_on_dev():
    """The other half of the plan-file tests: the model plan's backup is Dev, never Niamh."""
    data = json.loads(run("drill", str(TINY), "--runs", "20", "--json").stdout)
    assert {b["person"] for b in data["backups_used"]} <= {"uncle_dev"}
    assert "Dev Patel" in data["uncovered"][0]["reason"]


def test_drill_with_a_plan_file(tmp_path):
    # The file's plan differs from the model plan (Niamh, not Dev, backs Gran up; nobody backs the school run),
    # so the output proves which plan was drilled.
    plan = tmp_path / "plan.yaml"
    plan.write_text(NIAMH_PLAN, encoding="utf-8")
    result = run("drill", str(TINY), "--plan", str(plan), "--runs", "20", "--json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["runs"] == 20
    assert [b["person"] for b in data["backups_used"]] == ["aunt_niamh"]
    reasons = " ".join(u["reason"] for u in data["uncovered"])
    assert "There was no backup." in reasons and "Dev Patel" not in reasons
    text = run("drill", str(TINY), "--plan", str(plan), "--runs", "20").stdout
    assert "Backups who stepped in: Niamh Byrne" in text and "Dev Patel" not in text


def test_drill_with_a_json_plan_file(tmp_path):
    plan = tmp_path / "plan.json"
    plan.write_text(json.dumps([{"task": "t_morning_call", "primary": "gran", "backups": ["aunt_niamh"]}]),
                    encoding="utf-8")
    result = run("drill", str(TINY), "--plan", str(plan), "--runs", "5", "--json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["per_task"]["t_school_run"] == 0  # the file gives nobody the school run
    assert data["per_task"]["t_morning_call"] > 0.9
    assert [b["person"] for b in data["backups_used"]] == ["aunt_niamh"]


def test_plan_page_from_a_plan_file(tmp_path):
    plan, page = tmp_path / "plan.yaml", tmp_path / "plan.html"
    plan.write_text(NIAMH_PLAN, encoding="utf-8")
    result = run("plan", str(TINY), "--plan", str(plan), "-o", str(page))
    assert result.returncode == 0, result.stderr
    text = page.read_text(encoding="utf-8")
    assert "Niamh Byrne" in text and "Dev Patel" not in text
    # the plan check's findings are about the file's plan too
    assert "'Wednesday school pick-up' has no backup" in result.stderr and "Dev Patel" not in result.stderr
    model = tmp_path / "model.html"
    assert run("plan", str(TINY), "-o", str(model)).returncode == 0
    assert "Dev Patel" in model.read_text(encoding="utf-8") and "Niamh Byrne" not in model.read_text(encoding="utf-8")


@pytest.mark.parametrize("content, words", [
    ("- task: t_morning_call\n  primary: granny\n", ["plan.yaml:2:", "primary", "'granny' is not one of the people"]),
    ("- task: t_nope\n  primary: gran\n", ["plan.yaml:1:", "entry 1, task", "no task 't_nope'"]),
    ("- task: t_morning_call\n  primary: gran\n  backup: [uncle_dev]\n", ["plan.yaml:3:", "unknown key 'backup'"]),
    ("- task: t_morning_call\n  backups: [gran]\n", ["primary", "missing"]),
    ("- task: t_morning_call\n  primary: gran\n  backups: [gran, zed]\n", ["entry 1, backup 2", "'zed'"]),
    ("task: [unclosed\n", ["not valid YAML"]),
    ("just words\n", ["should be a list"]),
])
def test_bad_plan_file_is_a_plain_error(tmp_path, content, words):
    plan = tmp_path / "plan.yaml"
    plan.write_text(content, encoding="utf-8")
    result = run("drill", str(TINY), "--plan", str(plan))
    assert result.returncode == 1
    for word in words:
        assert word in result.stderr, result.stderr


@pytest.mark.parametrize("args, code", [
    (["drill", str(TINY), "--runs", "0"], 2),
    (["drill", str(TINY), "--seed", "-3"], 2),
    (["drill", str(TINY), "--plan", "missing.yaml"], 2),
    (["drill", "no_such_scenario.yaml"], 1),
    (["plan", str(TINY)], 2),  # -o is required
])
def test_bad_arguments(args, code):
    assert run(*args).returncode == code


def test_plan_writes_adult_and_words_and_pictures(tmp_path):
    adult, child = tmp_path / "plan.html", tmp_path / "wp.html"
    result = run("plan", str(TINY), "-o", str(adult))
    assert result.returncode == 0 and adult.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert "Family safety plan for Zoë" in adult.read_text(encoding="utf-8")
    assert "Dev Patel" in result.stderr  # the plan check's findings are listed
    result = run("plan", str(TINY), "--words-and-pictures", "-o", str(child))
    assert result.returncode == 0
    assert "Gran rings Mum every school morning." in child.read_text(encoding="utf-8")


def test_plan_into_missing_folder_is_plain(tmp_path):
    result = run("plan", str(TINY), "-o", str(tmp_path / "nope" / "plan.html"))
    assert result.returncode == 2 and "does not exist" in result.stderr


def test_plan_with_drill(tmp_path):
    target = tmp_path / "plan.html"
    result = run("plan", str(TINY), "--with-drill", "--seed", "2", "-o", str(target))
    assert result.returncode == 0
    text = target.read_text(encoding="utf-8")
    assert "What the practice drill showed" in text and "meet again" in text
    assert run("plan", str(TINY), "--with-drill", "--words-and-pictures", "-o", str(target)).returncode == 2
