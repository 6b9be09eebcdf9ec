"""Briefing sections with figures and analyses (fncoach.briefing.content); a broken import is an error."""

from __future__ import annotations

import re
import sys

import pytest

from fncoach.briefing import content as bc
from fncoach.briefing.leaks import self_contained_problems, trainee_view


def test_ecomap_is_embedded_with_alt_text_and_followed_by_the_relationships_table(tiny):
    html = bc.ecomap(trainee_view(tiny))
    assert re.search(r'<img src="data:image/png;base64,[^"]+" alt="[^"]{20,}"', html)
    assert self_contained_problems(html) == []
    assert "Gran Róisín</td><td>very close</td><td>strong</td>" in html
    assert html.index("<img") < html.index("Zoë's relationships")
    assert "Niamh" not in html


def test_full_ecomap_only_when_someone_is_still_to_find(tiny):
    assert "Niamh" in bc.full_ecomap(tiny)
    everyone_known = tiny.model_copy(update={"people": tiny.known_people})
    assert bc.full_ecomap(everyone_known) == ""


def test_sos_map_has_the_three_questions_in_order(tiny):
    html = bc.sos_map(tiny)
    questions = re.findall(r"<h3>(.*?)</h3>", html)
    assert questions == ["What are we worried about?", "What&#39;s working well?", "What needs to happen?"]
    assert tiny.sos.safety_goals[0].text[:30] in html


def test_drill_results_name_the_scripted_events_and_the_cover(tiny):
    html = bc.drill_results(tiny)
    assert "Jobs covered:" in html and "practice drills with seed 0" in html
    assert "Gran is away at a wedding in Cork." in html
    assert "Morning phone check-in goes to Dev Patel" in html


def test_drill_results_without_a_model_plan(tiny):
    no_plan = tiny.model_copy(update={"plan": tiny.plan.model_copy(update={"model_plan": ()})})
    html = bc.drill_results(no_plan)
    assert "This scenario has no model plan to test" in html and "<img" not in html


def test_strength_has_the_overall_score_and_a_figure(tiny):
    html = bc.strength(tiny)
    assert re.search(r"Overall: \d+ out of 100", html) and "<img" in html


def test_model_plan_says_what_the_checker_finds(tiny):
    html = bc.model_plan(tiny)
    assert "The plan checker finds no problem" in html or "What the plan checker says" in html


@pytest.mark.parametrize("module, section", [
    ("fncoach.viz.ecomap", bc.ecomap),
    ("fncoach.viz.sos", bc.child_voice),
    ("fncoach.viz.drills", bc.drill_results),
    ("fncoach.viz.strength", bc.strength),
])
def test_a_broken_import_stops_the_section(tiny, monkeypatch, module, section):
    # None in sys.modules makes the import fail, as a module with a broken import of its own would
    monkeypatch.setitem(sys.modules, module, None)
    with pytest.raises(ImportError, match=module.replace(".", r"\.")):
        section(tiny)

