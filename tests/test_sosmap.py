"""The SOS map as HTML: model answers, learner answers and bad answers."""

from __future__ import annotations

import re

import pytest

from fncoach.sosmap import ANSWER_KEYS, map_content, sos_map_html


def test_model_map_has_three_columns_and_scale(tiny):
    html = sos_map_html(tiny)
    assert "<script" not in html and "http" not in html.split("</head>")[1]
    for question in ("What are we worried about?", "What&#x27;s working well?", "What needs to happen?"):
        assert question in html
    for text in [tiny.sos.worry_statements[0].text, tiny.sos.safety_goals[0].text, tiny.sos.scaling.ten_means]:
        assert text.replace("'", "&#x27;") in html
    assert "Model answers" in html
    assert "not agreed by" in html  # Ciara disagrees with the worry
    assert "Left off the map" in html and "purple" in html  # the distractor card
    # every model score appears, and nothing is averaged
    assert html.count("<tr>") == 1 + len(tiny.sos.scaling.perspectives)
    assert "not averaged" in html and "average:" not in html.lower()


def test_model_map_is_deterministic(tiny):
    assert sos_map_html(tiny) == sos_map_html(tiny, "model")


def test_every_bundled_model_map(bundled_path):
    from fncoach.scenario import load_scenario

    s = load_scenario(bundled_path)
    html = sos_map_html(s)
    assert all(w.text.replace("'", "&#x27;") in html for w in s.sos.worry_statements)


def test_learner_map(tiny):
    answers = {
        "cards": {"c1": "harm", "c4": "strength", "c6": "not_needed"},
        "worries": ["Gran is worried that Mum might sleep in again and that Zoë could be alone."],
        "agreement": [{"agreed": "Gran", "disagreed": "Mum"}],
        "goals": ["Gran will be ringing every morning, so that Zoë is up; Amara will see this for three months."],
        "ten_means": "Zoë is never alone in the mornings for three months.",
        "own_score": "5",
        "own_reason": "Gran helps.",
    }
    content = map_content(tiny, answers)
    assert content.source == "learner" and content.problems == ()
    headings = {s.heading: s for column in (content.worried, content.working_well, content.needs_to_happen) for s in column}
    assert headings["Strengths"].items == (tiny.sos.cards[3].text,)  # placed by the learner, even though it is wrong
    assert headings["Worry statements"].notes == ("Agreed by Gran; not agreed by Mum",)
    assert headings["Safety goals"].notes == ("Answers worry 1",)
    assert content.scores == (("You", "your own number", 5, "Gran helps."),)
    html = sos_map_html(tiny, answers)
    assert "Your answers" in html and "Model answers" not in html
    assert tiny.sos.worry_statements[0].text not in html  # model statements are not shown on a learner's map


def test_empty_learner_map(tiny):
    html = sos_map_html(tiny, {})
    assert html.count("Nothing here yet.") == 3 and "No numbers yet." in html


@pytest.mark.parametrize(
    "answers, problem",
    [
        ({"cards": {"c1": "worries"}}, "not a column"),
        ({"cards": {"zz": "harm"}}, "no card called 'zz'"),
        ({"own_score": "12"}, "not on the scale"),
        ({"worries": 3}, "should be a list"),
        ({"colour": "blue"}, "Not used on the map: colour"),
    ],
)
def test_bad_answers_are_reported_not_crashing(tiny, answers, problem):
    content = map_content(tiny, answers)
    assert any(problem in p for p in content.problems)
    assert "could not be shown" in sos_map_html(tiny, answers)


def test_answers_must_be_a_dict(tiny):
    with pytest.raises(ValueError, match="dictionary"):
        map_content(tiny, ["worries"])


def test_answer_keys_documented():
    import fncoach.sosmap as module

    for key in ANSWER_KEYS:
        assert re.search(rf'"{key}"', module.__doc__), key


def test_bottom_line_sits_under_what_needs_to_happen(tiny):
    answers = {"cards": {"c1": "bottom_line"}}
    content = map_content(tiny, answers)
    needs = {s.heading: s.items for s in content.needs_to_happen}
    worried = {s.heading for s in content.worried}
    assert needs["The council's bottom line"] == (tiny.sos.cards[0].text,)
    assert not any("bottom line" in heading for heading in worried)
