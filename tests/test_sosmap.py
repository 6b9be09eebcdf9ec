"""What goes on the SOS map (fncoach.sosmap): model answers, learner answers and bad answers, as plain data."""

from __future__ import annotations

import re

import pytest

from fncoach.sosmap import ANSWER_KEYS, map_content, map_content_from_parts


def _headings(content):
    return {s.heading: s for column in (content.worried, content.working_well, content.needs_to_happen) for s in column}


def test_model_content_has_every_part_of_the_map(tiny):
    content = map_content(tiny)
    assert content.source == "model" and content.problems == ()
    headings = _headings(content)
    assert headings["Worry statements"].items == tuple(w.text for w in tiny.sos.worry_statements)
    assert any("not agreed by" in note for note in headings["Worry statements"].notes)  # Ciara disagrees
    assert headings["Safety goals"].items[0] == tiny.sos.safety_goals[0].text
    assert content.ten_means == tiny.sos.scaling.ten_means
    assert len(content.scores) == len(tiny.sos.scaling.perspectives)
    assert any("purple" in text for text in content.left_off)  # the distractor card
    assert [question for question, _ in content.columns] == [
        "What are we worried about?", "What's working well?", "What needs to happen?"]


def test_model_content_is_the_same_for_none_and_model(tiny):
    assert map_content(tiny) == map_content(tiny, "model")


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
    headings = _headings(content)
    assert headings["Strengths"].items == (tiny.sos.cards[3].text,)  # placed by the learner, even though it is wrong
    assert headings["Worry statements"].notes == ("Agreed by Gran; not agreed by Mum",)
    assert headings["Safety goals"].notes == ("Answers worry 1",)
    assert content.scores == (("You", "your own number", 5, "Gran helps."),)
    all_items = [item for s in headings.values() for item in s.items]
    assert tiny.sos.worry_statements[0].text not in all_items  # model statements are not on a learner's map


def test_empty_learner_map_has_nothing(tiny):
    content = map_content(tiny, {})
    assert content.worried == content.working_well == content.needs_to_happen == ()
    assert content.scores == () and content.problems == ()


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


def test_answers_must_be_a_dict(tiny):
    with pytest.raises(ValueError, match="dictionary"):
        map_content(tiny, ["worries"])


def test_answer_keys_documented():
    import fncoach.sosmap as module

    for key in ANSWER_KEYS:
        assert re.search(rf'"{key}"', module.__doc__), key


def test_parts_give_one_note_per_item():
    content = map_content_from_parts("Zoë", worries=["one", "two"], agreement=["Agreed by Gran", "x", "spare"],
                                     goals=["g"])
    assert _headings(content)["Worry statements"].notes == ("Agreed by Gran", "x")
    assert _headings(content)["Safety goals"].notes == ("",)


def test_bottom_line_sits_under_what_needs_to_happen(tiny):
    answers = {"cards": {"c1": "bottom_line"}}
    content = map_content(tiny, answers)
    needs = {s.heading: s.items for s in content.needs_to_happen}
    worried = {s.heading for s in content.worried}
    assert needs["The council's bottom line"] == (tiny.sos.cards[0].text,)
    assert not any("bottom line" in heading for heading in worried)
