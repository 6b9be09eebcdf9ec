"""The leak guard (fncoach.briefing.leaks): trainee sections never show a facilitator-only field."""

from __future__ import annotations

import html
import re

import pytest
from markupsafe import escape

from fncoach.briefing import leaks
from fncoach.briefing import sections as bs
from fncoach.model import facilitator_only_paths
from fncoach.scenario import load_scenario

from conftest import FIXTURES

#: Facilitator-only fields that hold no free text (a column name, person ids), so cannot carry a marker.
_NO_TEXT = {"sos.cards[].column", "plan.model_plan", "family_time.offers[].verdict",
            "handover.professional_jobs[].taken_by", "handover.keeper"}
_ID = re.compile(r"^[a-z][a-z0-9_]*$")


@pytest.fixture(scope="module")
def marked():
    return load_scenario(FIXTURES / "leak_markers.yaml")


@pytest.fixture(scope="module")
def trainee(marked):
    return leaks.trainee_view(marked)


def _strings_at(scenario, path):
    found: list[str] = []
    for value in leaks._values_at(scenario, path.split(".")):
        leaks._collect_text(value, found)
    return found


@pytest.mark.parametrize("path", [p for p in facilitator_only_paths() if p not in _NO_TEXT])
def test_fixture_marks_every_facilitator_only_text_field(marked, path):
    texts = [t for t in _strings_at(marked, path) if not _ID.match(t)]
    assert texts, f"leak_markers.yaml has nothing in {path}"
    assert all("LEAKMARK" in t for t in texts), path


@pytest.mark.parametrize("path", facilitator_only_paths())
def test_trainee_view_blanks_every_facilitator_only_field(trainee, path):
    assert all(not value for value in leaks._values_at(trainee, path.split("."))), path


def test_trainee_view_keeps_everything_else(marked, trainee):
    assert trainee.sos.cards[0].text == marked.sos.cards[0].text
    assert trainee.plan.tasks == marked.plan.tasks
    assert trainee.child == marked.child
    assert leaks.facilitator_only_texts(trainee) == []


def trainee_sections(view) -> str:
    return "".join([
        bs.title_block(view, "trainee"), bs.case_in_brief(view), bs.child_voice_section(view),
        bs.card_sort_exercise(view), bs.statements_exercise(view), bs.scale_exercise(view),
        bs.plan_exercise(view), bs.family_time_exercise(view), bs.handover_exercise(view),
        bs.discussion_section(view), bs.three_houses_exercise(view), bs.words_pictures_exercise(view),
        bs.review_exercise(view),
    ])


def test_trainee_sections_show_no_marker(trainee):
    html_text = trainee_sections(trainee)
    assert "LEAKMARK" not in html_text
    assert "Exercise 4" in html_text and "Morning phone check-in" in html_text
    assert "I&#39;ll do the school run myself." in html_text and "Checks the morning calls happened" in html_text
    assert "Not sure, Gran sorts it." in html_text and "When I feel worried I can…" in html_text


def test_the_model_offers_and_handover_are_facilitator_only(marked):
    model = bs.model_family_time(marked)
    assert "LEAKMARK-OFFER-WHY-2" in model and "LEAKMARK-HANDOVER-RECALL" in model
    assert leaks.find_leaks(marked, model)


def test_model_words_and_review_answers_are_facilitator_material(marked):
    assert "LEAKMARK model when worried" in bs.model_words_pictures(marked)
    assert "LEAKMARK review gap" in bs.model_review_answers(marked)
    assert leaks.find_leaks(marked, str(bs.model_review_answers(marked)))


@pytest.mark.parametrize("escape_text", [str, lambda t: str(escape(t)), lambda t: html.escape(t, quote=True)],
                         ids=["raw", "templates (markupsafe)", "html.escape"])
def test_find_leaks_sees_text_however_it_was_escaped(marked, escape_text):
    mistake = marked.facilitator.common_mistakes[0]
    assert "'" in mistake  # written &#39; by the templates, &#x27; by html.escape
    assert leaks.find_leaks(marked, f"<li>{escape_text(mistake)}</li>") == [mistake]


def test_find_leaks_finds_nothing_in_the_trainee_sections(marked):
    assert leaks.find_leaks(marked, trainee_sections(leaks.trainee_view(marked))) == []


@pytest.mark.parametrize("html_text, problem", [
    ("<script>alert(1)</script>", "it has a <script> tag"),
    ('<img src="x.png">', "an image has no alt text"),
    ('<link rel="stylesheet" href="style.css">', "it has a <link> tag"),
    ("<style>@import url(https://fonts.example/a.css);</style>", "its style sheet fetches https://fonts.example/a.css"),
    ('<a href="https://example.org">x</a>', "it links to https://example.org"),
])
def test_self_contained_problems(html_text, problem):
    assert problem in leaks.self_contained_problems(html_text)


def test_a_column_name_is_not_a_leak_but_a_model_answer_is(tiny):
    from fncoach.briefing.leaks import facilitator_only_texts, find_leaks

    assert "complicating" not in facilitator_only_texts(tiny) and "existing_safety" not in facilitator_only_texts(tiny)
    assert find_leaks(tiny, "<p>A complicating factor makes things harder. See existing_safety.</p>") == []
    note = tiny.facilitator.notes[0]
    assert find_leaks(tiny, f"<p>{note}</p>")


# --------------------------------------------------------------------------- issue 15: no false alarms, and say where


def _with_goal(tmp_path, goal: str):
    from fncoach.examples import TINY_PATH

    text = TINY_PATH.read_text(encoding="utf-8").replace(
        "    - Practise every exercise on a network small enough to check by hand.\n",
        "    - Practise every exercise on a network small enough to check by hand.\n"
        f"    - {goal}\n")
    path = tmp_path / "tiny.yaml"
    path.write_text(text, encoding="utf-8")
    return load_scenario(path), path


def test_column_names_and_ordinary_words_do_not_trip_the_guard(tmp_path):
    from fncoach.briefing.page import pack_html

    s, path = _with_goal(tmp_path, "Tell a strength from a complicating factor, and harm from danger.")
    view = leaks.trainee_view(s)
    body = bs.title_block(view, "trainee") + bs.case_in_brief(view) + bs.card_sort_exercise(view)
    assert "complicating factor" in body
    assert "complicating" in [c.column for c in s.sos.cards]
    assert leaks.find_leaks(s, body) == []
    pack_html(s, body, "trainee", source=path)  # written, not refused


def test_a_real_leak_names_both_fields_and_their_lines(tmp_path):
    from fncoach.briefing import BriefingError
    from fncoach.briefing.page import pack_html

    explanation = "Protection shown over time is existing safety, not just a strength."
    s, path = _with_goal(tmp_path, explanation)
    view = leaks.trainee_view(s)
    report = leaks.leak_report(s, str(bs.title_block(view, "trainee")), path)
    assert [(r.field, r.shown_in) for r in report] == [("sos.cards[3].explanation", "meta.learning_goals[1]")]
    lines = path.read_text(encoding="utf-8").splitlines()
    assert explanation in lines[report[0].line - 1] and explanation in lines[report[0].shown_line - 1]
    assert report[0].line != report[0].shown_line
    with pytest.raises(BriefingError) as error:
        pack_html(s, bs.title_block(view, "trainee"), "trainee", source=path)
    message = str(error.value)
    assert f"tiny.yaml line {report[0].line}, sos.cards[3].explanation" in message
    assert f"meta.learning_goals[1] (line {report[0].shown_line})" in message


def test_the_childs_words_and_review_exercises_leak_nothing_in_any_bundled_case(bundled_path):
    case = load_scenario(bundled_path)
    view = leaks.trainee_view(case)
    page = "".join([bs.three_houses_exercise(view), bs.words_pictures_exercise(view), bs.review_exercise(view)])
    assert leaks.find_leaks(case, page) == []
    assert all(a.answer in html.unescape(page) for a in case.review_answers)
    model = str(bs.model_review_answers(case)) + str(bs.model_words_pictures(case))
    assert leaks.find_leaks(case, model)  # the model answers are facilitator material
