"""Tests for the strength dashboard figure."""

from __future__ import annotations

import pytest

from fncoach.strength import Component, StrengthReport, analyse_strength
from fncoach.viz.strength import draw_strength
from fresh import same_in_fresh_processes


def _report(score: int, values: dict[str, float]) -> StrengthReport:
    return StrengthReport(score, tuple(
        Component(name, name.replace("_", " ").title(), value, 1.0, f"Because of {name}.", f"Ask about {name}.")
        for name, value in values.items()))


def _texts(result) -> list[str]:
    return [t.get_text() for t in result.figure.axes[0].texts]


def test_one_bar_per_component_with_value_and_reason(tiny):
    report = analyse_strength(tiny)
    result = draw_strength(report)
    ax = result.figure.axes[0]
    assert len(ax.patches) == len(report.components)
    assert sorted(round(p.get_width(), 6) for p in ax.patches) == sorted(round(c.value, 6) for c in report.components)
    texts = " ".join(_texts(result)).replace("\n", " ")
    for component in report.components:
        assert f"{component.value:.2f}" in texts
        assert component.reason.split()[0] in texts
    assert f"{report.score} out of 100" in result.description
    for component in report.components:
        assert component.title in result.description


def test_before_after_pairs_hatched_before_bars():
    before = _report(60, {"plan_backup": 0.5, "support_breadth": 1.0})
    after = _report(45, {"plan_backup": 0.25, "support_breadth": 1.0})
    result = draw_strength(after, before=before)
    patches = result.figure.axes[0].patches
    assert len(patches) == 4
    hatched = [p for p in patches if p.get_hatch()]
    assert sorted(p.get_width() for p in hatched) == [0.5, 1.0]
    texts = _texts(result)
    assert "before 0.50" in texts and "after 0.25 (down 0.25)" in texts and "after 1.00 (no change)" in texts
    assert result.description.splitlines()[0] == "Network strength: 60 before, 45 after the change (out of 100)."
    assert "Plan Backup: 0.50 before, 0.25 after (down 0.25). Because of plan_backup." in result.description
    assert "Unchanged: Support Breadth (1.00)." in result.description


@pytest.mark.parametrize("size", [1, 10])
def test_long_reasons_are_wrapped(size):
    report = StrengthReport(50, tuple(
        Component(f"c{i}", "A title", 0.5, 1.0, "word " * 60, "Ask.") for i in range(size)))
    result = draw_strength(report)
    reason_texts = [t for t in _texts(result) if t.startswith("word")]
    assert len(reason_texts) == size
    assert all(max(len(line) for line in t.splitlines()) <= 70 for t in reason_texts)
    assert result.figure.get_size_inches()[1] >= 2.5


def test_same_report_same_png():
    same_in_fresh_processes("""
        from fncoach.examples import example_scenario, tiny_scenario
        from fncoach.strength import analyse_strength
        from fncoach.viz.strength import draw_strength
        for case in (tiny_scenario(), example_scenario()):
            print(digest(draw_strength(analyse_strength(case)).png()))
    """)
