"""Tests for the network-over-time figure."""

from __future__ import annotations

from pathlib import Path

import pytest

from fncoach.scenario import load_scenario
from fncoach.timeline import timeline_summary
from fncoach.viz.timeline import draw_timeline
from fresh import same_in_fresh_processes

ROOT = Path(__file__).resolve().parent.parent


def _all_text(result) -> str:
    parts = []
    for ax in result.figure.axes:
        parts += [t.get_text() for t in ax.texts]
        parts += [t.get_text() for t in ax.get_xticklabels()]
    return "\n".join(parts)


def test_tiny_timeline_by_hand(tiny):
    result = draw_timeline(tiny)
    score_line = result.figure.axes[0].lines[0]
    summary = timeline_summary(tiny)
    assert list(score_line.get_ydata()) == [summary.start.score] + [s.score for s in summary.steps]
    sizes = [round(p.get_height()) for p in result.figure.axes[1].patches]
    assert sizes == [4, 5, 4]  # 4 known; Niamh joins; Amara steps back
    text = _all_text(result)
    assert "Joined:\nNiamh Byrne" in text and "Stepped back:\nAmara Okafor" in text
    assert "▲ 1 joined" in text and "▼ 1 stepped back" in text and "Week 4\nFirst review" in text
    assert result.description == summary.description


@pytest.mark.parametrize("path", sorted((ROOT / "scenarios").glob("*.yaml")), ids=lambda p: p.stem)
def test_every_bundled_scenario_draws(path, tmp_path):
    scenario = load_scenario(path)
    result = draw_timeline(scenario)
    assert len(result.figure.axes[1].patches) == len(scenario.meetings) + 1
    assert result.save(tmp_path / "t.png").stat().st_size > 1000


def test_same_scenario_same_png():
    same_in_fresh_processes("""
        from fncoach.examples import tiny_scenario
        from fncoach.viz.timeline import draw_timeline
        print(digest(draw_timeline(tiny_scenario()).png()))
    """)
