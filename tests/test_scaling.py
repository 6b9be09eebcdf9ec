"""The safety scale: validation, what 10 looks like, reveal after committing, spread, prompts, history."""

from __future__ import annotations

import pytest

from fncoach.scaling import (
    ScaleError,
    check_ten_means,
    escalation_message,
    has_scale_history,
    one_point_up_prompt,
    perspectives,
    reveal,
    scale_history,
    spread,
    validate_score,
)


@pytest.mark.parametrize("value, expected", [(0, 0), ("10", 10), (" 4 ", 4), (7.0, 7)])
def test_valid_scores(value, expected):
    assert validate_score(value) == expected


@pytest.mark.parametrize(
    "value, words",
    [
        ("", "Write a number"),
        (None, "Write a number"),
        ("11", "11 is not on the scale"),
        (-1, "-1 is not on the scale"),
        ("seven", "'seven' is not a number"),
        ("6.5", "between two numbers"),
        (6.5, "between two numbers"),
        (True, "whole number"),
    ],
)
def test_invalid_scores(value, words):
    with pytest.raises(ScaleError, match=words):
        validate_score(value)


@pytest.mark.parametrize(
    "text, ok",
    [
        ("", False),
        ("Safe and happy", False),
        ("Everyone feels that the child is safe and happy and well", False),
        ("Zoë always has a sober adult with her every morning, and Gran has seen this for three months", True),
    ],
)
def test_ten_means(text, ok):
    assert check_ten_means(text).ok is ok


def test_every_bundled_ten_means_is_concrete(bundled_path):
    from fncoach.scenario import load_scenario

    s = load_scenario(bundled_path)
    assert check_ten_means(s.sos.scaling.ten_means).ok


def test_perspectives_child_first(tiny):
    people = perspectives(tiny)
    assert people[0].is_child and people[0].name == "Zoë" and people[0].role == "the child"
    assert [p.score for p in people] == [6, 8, 4, 3]


def test_spread_hand_worked():
    s = spread([("Zoë", 6), ("Ciara", 8), ("Gran", 4), ("Amara", 3)])
    assert (s.low, s.high, s.range) == (3, 8, 5)
    assert s.furthest_apart == ("Amara", "Ciara")
    assert "average" not in s.text and "5 points" in s.text


def test_spread_all_equal():
    s = spread([("A", 5), ("B", 5)])
    assert s.range == 0 and "Everyone gave 5" in s.text
    with pytest.raises(ScaleError):
        spread([])
    assert spread([("You", 4)]).text == "Only one number so far: You gave 4."


def test_reveal_needs_a_committed_number_and_reason(tiny):
    with pytest.raises(ScaleError, match="not on the scale"):
        reveal(tiny, 12, "because")
    with pytest.raises(ScaleError, match="reason"):
        reveal(tiny, 5, "")


def test_reveal_after_commit(tiny):
    result = reveal(tiny, "5", "Gran helps but there is no plan yet")
    assert result.own_score == 5
    assert len(result.perspectives) == 4
    assert (result.spread.low, result.spread.high) == (3, 8)
    assert result.prompts[-1] == "What would need to happen for you to move from 5 to 6?"
    gran = tiny.name_of("gran")
    assert f"What would need to happen for {gran} to move from 4 to 5?" in result.prompts
    assert result.escalations == ()
    assert "closest to" in result.comparison


def test_low_score_escalates(tiny):
    result = reveal(tiny, 1, "Zoë was alone again today")
    assert len(result.escalations) == 1 and "immediate safety concern" in result.escalations[0]
    assert escalation_message(0) and escalation_message(2) == ""


def test_one_point_up_at_ten(tiny):
    top = perspectives(tiny)[0].__class__("x", "Sam", "", 10, "all good")
    assert "keep it there" in one_point_up_prompt(top)


def test_history_follows_the_meetings(tiny):
    points = scale_history(tiny)
    assert [(p.week, p.who, p.score) for p in points] == [(0, "gran", 4), (0, "sw_amara", 3), (4, "gran", 6)]


def test_history_falls_back_to_scaling_perspectives(tiny):
    first = tiny.meetings[0].model_copy(update={"scores": ()})
    changed = tiny.model_copy(update={"meetings": (first,) + tiny.meetings[1:]})
    assert {p.who for p in scale_history(changed) if p.week == 0} == {"zoe", "ciara", "gran", "sw_amara"}


def test_scale_history_needs_more_than_one_week(tiny):
    assert has_scale_history(tiny)  # week 0 and week 4
    first_only = tiny.model_copy(update={"meetings": tiny.meetings[:1]})
    assert not has_scale_history(first_only)
    # two meetings in the same week are still one point in time
    review_in_week_0 = tiny.meetings[1].model_copy(update={"week": 0})
    same_week = tiny.model_copy(update={"meetings": (tiny.meetings[0], review_in_week_0)})
    assert not has_scale_history(same_week)


def test_review_history_keeps_every_meeting_and_adds_the_learner(tiny):
    from fncoach.scaling import review_history, scale_history

    points = review_history(tiny, "m2", 5)
    assert points[:-1] == tuple(p for p in scale_history(tiny) if p.week <= 4)
    assert (points[-1].name, points[-1].score, points[-1].week) == ("You", 5, 4)
    assert review_history(tiny, "m1")[-1].meeting == "m1"
    assert all(p.score in (4, 3, 6, 5) for p in points)  # each person's own number: nothing averaged
