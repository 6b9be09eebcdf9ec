"""The SOS map as a printable page (fncoach.pages.sosmap): model answers, learner answers and bad answers."""

from __future__ import annotations

import pytest
from markupsafe import escape

from fncoach.pages.sosmap import sos_map_html
from fresh import same_in_fresh_processes


def test_model_map_has_three_columns_and_scale(tiny):
    html = sos_map_html(tiny)
    assert "<script" not in html and "http" not in html.split("</head>")[1]
    for question in ("What are we worried about?", "What&#39;s working well?", "What needs to happen?"):
        assert question in html
    for text in [tiny.sos.worry_statements[0].text, tiny.sos.safety_goals[0].text, tiny.sos.scaling.ten_means]:
        assert str(escape(text)) in html
    assert "Model answers" in html
    assert "not agreed by" in html  # Ciara disagrees with the worry
    assert "Left off the map" in html and "purple" in html  # the distractor card
    # every model score appears, and nothing is averaged
    assert html.count("<tr>") == 1 + len(tiny.sos.scaling.perspectives)
    assert "not averaged" in html and "average:" not in html.lower()


def test_model_map_is_the_default(tiny):
    assert sos_map_html(tiny) == sos_map_html(tiny, "model")


def test_model_map_is_deterministic():
    same_in_fresh_processes("""
        from fncoach.examples import example_scenario, tiny_scenario
        from fncoach.pages.sosmap import sos_map_html
        print(digest(sos_map_html(tiny_scenario())), digest(sos_map_html(example_scenario())))
    """)


def test_large_print(tiny):
    assert "<body class='large-print'>" in sos_map_html(tiny, large_print=True)
    assert "<body>" in sos_map_html(tiny)


def test_every_bundled_model_map(bundled_path):
    from fncoach.scenario import load_scenario

    s = load_scenario(bundled_path)
    html = sos_map_html(s)
    assert all(str(escape(w.text)) in html for w in s.sos.worry_statements)


def test_learner_map_page(tiny):
    answers = {
        "cards": {"c1": "harm", "c4": "strength", "c6": "not_needed"},
        "worries": ["Gran is worried that Mum might sleep in again and that Zoë could be alone."],
        "agreement": [{"agreed": "Gran", "disagreed": "Mum"}],
        "own_score": "5",
        "own_reason": "Gran helps.",
    }
    html = sos_map_html(tiny, answers)
    assert "Your answers" in html and "Model answers" not in html
    assert tiny.sos.worry_statements[0].text not in html  # model statements are not shown on a learner's map
    assert "<span class=note>Agreed by Gran; not agreed by Mum</span>" in html
    assert "<td>You</td><td>your own number</td><td style='text-align:center'>5</td><td>Gran helps.</td>" in html


def test_empty_learner_map(tiny):
    html = sos_map_html(tiny, {})
    assert html.count("Nothing here yet.") == 3 and "No numbers yet." in html


@pytest.mark.parametrize("answers", [{"cards": {"c1": "worries"}}, {"own_score": "12"}, {"colour": "blue"}])
def test_bad_answers_are_shown_not_crashing(tiny, answers):
    html = sos_map_html(tiny, answers)
    assert "<div class='problems' role='status'><strong>Some answers could not be shown:</strong>" in html
