"""Briefing sections without a kernel: the trainee guard, the leak and offline checks, and each section's HTML."""

from __future__ import annotations

import re

import pytest

from fncoach import briefing_content as bc
from fncoach import briefing_sections as bs
from fncoach.model import facilitator_only_paths
from fncoach.scenario import load_scenario

from conftest import FIXTURES

#: Facilitator-only fields that hold no free text (a column name, person ids), so cannot carry a marker.
_NO_TEXT = {"sos.cards[].column", "plan.model_plan"}
_ID = re.compile(r"^[a-z][a-z0-9_]*$")


@pytest.fixture(scope="module")
def marked():
    return load_scenario(FIXTURES / "leak_markers.yaml")


@pytest.fixture(scope="module")
def trainee(marked):
    return bs.trainee_view(marked)


def _strings_at(scenario, path):
    found: list[str] = []
    for value in bs._values_at(scenario, path.split(".")):
        bs._collect_text(value, found)
    return found


@pytest.mark.parametrize("path", [p for p in facilitator_only_paths() if p not in _NO_TEXT])
def test_fixture_marks_every_facilitator_only_text_field(marked, path):
    texts = [t for t in _strings_at(marked, path) if not _ID.match(t)]
    assert texts, f"leak_markers.yaml has nothing in {path}"
    assert all("LEAKMARK" in t for t in texts), path


@pytest.mark.parametrize("path", facilitator_only_paths())
def test_trainee_view_blanks_every_facilitator_only_field(trainee, path):
    assert all(not value for value in bs._values_at(trainee, path.split("."))), path


def test_trainee_view_keeps_everything_else(marked, trainee):
    assert trainee.sos.cards[0].text == marked.sos.cards[0].text
    assert trainee.plan.tasks == marked.plan.tasks
    assert trainee.child == marked.child
    assert bs.facilitator_only_texts(trainee) == []


def _trainee_sections(view) -> str:
    return "".join([
        bs.title_block(view, "trainee"), bs.case_in_brief(view), bs.child_voice_section(view),
        bs.card_sort_exercise(view), bs.statements_exercise(view), bs.scale_exercise(view),
        bs.plan_exercise(view), bs.discussion_section(view),
    ])


def test_trainee_sections_show_no_marker(trainee):
    html = _trainee_sections(trainee)
    assert "LEAKMARK" not in html
    assert "Exercise 4" in html and "Morning phone check-in" in html


def test_facilitator_sections_show_the_markers(marked):
    html = "".join([bs.model_card_sort(marked), bs.model_statements(marked), bs.model_scaling(marked),
                    bs.facilitator_notes_section(marked), bs.people_to_find(marked)])
    for marker in ("EXPLANATION-C1", "HARM-H1", "WORRY-W1", "GOAL-G1", "NEXTSTEP-1", "TENMEANS", "ONEUP-GRAN",
                   "NOTE-1", "MISTAKE-1", "TIMING-1", "HIDDEN-CLUE"):
        assert f"LEAKMARK-{marker}" in html


def test_find_leaks_sees_raw_and_escaped_text(marked):
    note = marked.facilitator.notes[0]
    assert bs.find_leaks(marked, f"<p>{note}</p>") == [note]
    mistake = marked.facilitator.common_mistakes[0]  # holds an apostrophe, escaped as &#x27;
    assert bs.find_leaks(marked, bs.esc(mistake)) == [mistake]
    assert bs.find_leaks(marked, _trainee_sections(bs.trainee_view(marked))) == []


@pytest.mark.parametrize("html, problem", [
    ("<script>alert(1)</script>", "it has a <script> tag"),
    ('<img src="x.png">', "an image has no alt text"),
    ('<link rel="stylesheet" href="style.css">', "it has a <link> tag"),
    ("<style>@import url(https://fonts.example/a.css);</style>", "its style sheet fetches https://fonts.example/a.css"),
    ('<a href="https://example.org">x</a>', "it links to https://example.org"),
])
def test_self_contained_problems(html, problem):
    assert problem in bs.self_contained_problems(html)


def test_title_block_says_which_pack(tiny):
    assert "For the facilitator only" in bs.title_block(tiny, "facilitator")
    assert "large print" in bs.title_block(tiny, "trainee", large_print=True)
    with pytest.raises(ValueError):
        bs.title_block(tiny, "parents")


def test_case_in_brief_leaves_out_people_not_yet_found(tiny):
    html = bs.case_in_brief(tiny)
    assert "Gran Róisín" in html and "Niamh" not in html


def test_model_card_sort_groups_by_column_and_keeps_handout_numbers(tiny):
    html = bs.model_card_sort(tiny)
    # c1 is harm and comes first; c6 (not needed) comes last and keeps its handout number 6
    rows = re.findall(r"<tr><td>(\d+)</td>", html)
    assert rows == ["1", "2", "3", "5", "4", "6"]  # harm, danger, complicating, strength, existing safety, not needed


def test_timings_add_up(tiny):
    html = bs.facilitator_notes_section(tiny)
    assert "Timings add up to 10 minutes; the scenario suggests 30." in html


def test_model_plan_marks_missing_backups(tiny):
    plan = (tiny.plan.model_plan[0].model_copy(update={"backups": ()}), tiny.plan.model_plan[1])
    html = bs.model_plan_section(tiny, plan)
    assert html.count("class='gap'") == 1


def test_statements_exercise_uses_pronoun(tiny):
    assert "how it affected her" in bs.statements_exercise(tiny)


# --------------------------------------------------------------------------- figure sections and their fallbacks


@pytest.fixture
def nothing_optional(monkeypatch):
    """Pretend none of the other areas' figure or analysis modules is installed."""
    monkeypatch.setattr(bc, "_optional", lambda key: None)


def test_ecomap_without_the_drawing_gives_the_relationships_table(tiny, nothing_optional):
    html = bc.ecomap(bs.trainee_view(tiny))
    assert "<img" not in html
    assert "Gran Róisín</td><td>very close</td><td>strong</td>" in html
    assert "Niamh" not in html


def test_sos_map_without_sosmap_is_laid_out_from_the_model(tiny, nothing_optional):
    html = bc.sos_map(tiny)
    assert "What&#x27;s working well?" in html and tiny.sos.safety_goals[0].text[:30] in html


def test_drill_results_without_drills_lists_the_scripted_events(tiny, nothing_optional):
    html = bc.drill_results(tiny)
    assert "Gran is away at a wedding in Cork." in html
    assert "Morning phone check-in goes to Dev Patel" in html


def test_strength_without_the_analysis_gives_plain_counts(tiny, nothing_optional):
    assert "1 people not found yet" in bc.strength(tiny)


def test_full_ecomap_only_when_someone_is_still_to_find(tiny, nothing_optional):
    assert "Niamh" in bc.full_ecomap(tiny)
    everyone_known = tiny.model_copy(update={"people": tiny.known_people})
    assert bc.full_ecomap(everyone_known) == ""


def test_ecomap_figure_is_embedded_with_alt_text(tiny):
    pytest.importorskip("fncoach.viz.ecomap")
    html = bc.ecomap(bs.trainee_view(tiny))
    assert re.search(r'<img src="data:image/png;base64,[^"]+" alt="[^"]{20,}"', html)
    assert bs.self_contained_problems(html) == []


def test_drill_results_name_uncovered_days(tiny):
    pytest.importorskip("fncoach.drills")
    html = bc.drill_results(tiny)
    assert "Jobs covered:" in html
