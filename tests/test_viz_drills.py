"""Tests for fncoach.viz.drills: what each figure draws and says."""

from __future__ import annotations

import copy

import pytest

from fncoach.drills import monte_carlo, simulate
from fncoach.model import Assignment, Scenario
from fncoach.examples import example_scenario
from fncoach.plan import model_assignments
from fncoach.scenario import load_scenario
from fncoach.viz._common import FigureResult
from fncoach.viz.drills import CELL_STYLE, draw_before_after, draw_coverage_heatmap, draw_resilience
from fresh import same_in_fresh_processes

DATA = {
    "meta": {"id": "drill", "title": "Drill test", "summary": "A small case for drill tests.", "learning_goals": ["Test."]},
    "child": {"id": "kid", "name": "Kid", "age": 8, "lives_now": "With Mum."},
    "people": [{"id": "gran", "name": "Gran", "relationship": "Grandmother", "domain": "family"},
               {"id": "aunt", "name": "Aunt Jo", "relationship": "Aunt", "domain": "family"}],
    "sos": {"cards": [{"id": "c1", "text": "Mum loves Kid.", "column": "strength", "explanation": "A strength."}]},
    "plan": {"tasks": [{"id": "call", "title": "Evening call", "kind": "phone_call", "in_person": False,
                        "when": {"weekly": ["mon", "tue", "wed", "thu", "fri", "sat", "sun"], "start": "17:00", "end": "17:15"}}]},
    "drills": {"start_date": "2026-01-05", "days": 7, "absence_chance": 0.0, "events": [
        {"id": "e1", "person": "gran", "from_day": 3, "to_day": 5, "reason": "Gran is on holiday"},
        {"id": "e2", "person": "aunt", "from_day": 4, "to_day": 4, "reason": "Aunt Jo is at hospital"}]},
    "meetings": [{"id": "m1", "kind": "initial", "week": 0, "title": "First meeting"}],
}
PLAN = (Assignment(task="call", primary="gran", backups=("aunt",)),)


@pytest.fixture
def scenario():
    return Scenario.model_validate(copy.deepcopy(DATA))


def texts(figure) -> list[str]:
    return [t.get_text() for ax in figure.axes for t in ax.texts]


def test_heatmap_marks_backup_and_uncovered_without_colour(scenario):
    run = simulate(scenario, PLAN, seed=0)
    result = draw_coverage_heatmap(scenario, run)
    assert isinstance(result, FigureResult)
    marks = texts(result.figure)
    assert marks.count("✗") == 1 and marks.count("b") == 2  # day 4 uncovered; days 3 and 5 by Aunt Jo
    hatched = [p for ax in result.figure.axes for p in ax.patches if p.get_hatch() == CELL_STYLE["uncovered"][1]]
    assert len(hatched) == 1
    assert any("Gran away, days 3–5" in t for t in marks) and any("Aunt Jo away, day 4" in t for t in marks)
    assert "Evening call on day 4" in result.description and "Gran away days 3 to 5" in result.description


def test_heatmap_without_events_says_so(scenario):
    result = draw_coverage_heatmap(scenario, simulate(scenario, PLAN, seed=0, events=False))
    assert "No scripted events in this drill" in texts(result.figure)
    assert "✗" not in texts(result.figure)


def test_resilience_lines_and_description():
    s = example_scenario()
    summary = monte_carlo(s, [Assignment(task="call", primary="gran", backups=("dev",))], runs=300, seed=2)
    result = draw_resilience(summary, exact=0.5)
    labels = [line.get_label() for line in result.figure.axes[0].lines]
    assert any(label.startswith("Mean") for label in labels) and any("Exact" in label for label in labels)
    assert "300 drills" in result.description and "exact expected coverage is 50.0%" in result.description


def test_before_after_shows_the_change(scenario):
    before = simulate(scenario, PLAN, seed=0)
    after = simulate(scenario, [Assignment(task="call", primary="aunt", backups=("gran",))], seed=0)
    result = draw_before_after(before, after)
    assert "86% before, 86% after" in result.description
    worse = simulate(scenario, [Assignment(task="call", primary="gran")], seed=0)
    result = draw_before_after(worse, before)
    assert "Evening call 57% to 86%" in result.description
    assert any("▲" in t for t in texts(result.figure))


def test_figures_are_deterministic():
    same_in_fresh_processes("""
        from fncoach.drills import monte_carlo, simulate
        from fncoach.examples import tiny_scenario
        from fncoach.plan import model_assignments
        from fncoach.viz.drills import draw_coverage_heatmap, draw_resilience
        s = tiny_scenario()
        plan = model_assignments(s)
        print(digest(draw_coverage_heatmap(s, simulate(s, plan, seed=0)).png()))
        print(digest(draw_resilience(monte_carlo(s, plan, runs=20, seed=0)).png()))
    """)


def test_every_bundled_scenario_heatmap(bundled_path):
    s = load_scenario(bundled_path)
    run = simulate(s, model_assignments(s), seed=0)
    result = draw_coverage_heatmap(s, run)
    assert len(result.figure.axes) == 2 and result.description
