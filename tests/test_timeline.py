"""The network over time: who is present at each meeting, and the strength per meeting."""

from __future__ import annotations

import pytest

from fncoach.scenario import load_scenario
from fncoach.strength import analyse_strength
from fncoach.timeline import meetings_in_order, network_at_meeting, timeline_summary
from netbuild import person, scenario, tie, bundled_scenario_files


@pytest.fixture
def story():
    """Mum and the social worker known; Nan found by the first meeting; the worker steps back, Nan leaves and returns."""
    people = [person("mum", "Mum"), person("sw", "Sue", domain="professional"),
              person("nan", "Nan", not_yet_known={"found_by": ["celebrations"], "clue": "Nan bakes the cakes."})]
    meetings = [  # written out of order on purpose
        {"id": "final", "kind": "final", "week": 12, "title": "Final meeting", "joins": ["nan"]},
        {"id": "first", "kind": "initial", "week": 0, "title": "First meeting", "joins": ["nan", "mum"]},
        {"id": "review", "kind": "review", "week": 4, "title": "Review", "steps_back": ["sw", "nan"]},
    ]
    return scenario(people, [tie("sam", "mum"), tie("sam", "nan"), tie("mum", "nan")], meetings=meetings)


def test_meetings_are_taken_in_week_order(story):
    assert [m.id for m in meetings_in_order(story)] == ["first", "review", "final"]


def test_network_at_each_meeting(story):
    assert network_at_meeting(story, "first") == ("mum", "sw", "nan")
    assert network_at_meeting(story, "review") == ("mum",)
    assert network_at_meeting(story, "final") == ("mum", "nan")


def test_unknown_meeting_is_named(story):
    with pytest.raises(ValueError, match="no meeting 'later'.*first, review, final"):
        network_at_meeting(story, "later")


def test_summary_joined_stepped_back_and_scores(story):
    t = timeline_summary(story)
    assert t.start_people == ("mum", "sw")
    assert [(s.meeting_id, s.joined, s.stepped_back) for s in t.steps] == [
        ("first", ("nan",), ()),  # mum was already known, so she does not "join"
        ("review", (), ("sw", "nan")),
        ("final", ("nan",), ()),
    ]
    for step in t.steps:
        assert step.score == analyse_strength(story, people=step.people).score
    assert t.start.score == analyse_strength(story).score
    lines = t.description.splitlines()
    assert lines[0] == f"Before the first meeting the workers knew 2 people (strength {t.start.score})."
    assert lines[1].startswith("First meeting (week 0): Nan joined; 3 people, strength")
    assert lines[2].startswith("Review (week 4): Sue and Nan stepped back; 1 person, strength")
    assert lines[-1].startswith("From week 0 to week 12 the network went from 3 people to 2 people")


def test_weights_are_used(story):
    only_size = {name: 0 for name in analyse_strength(story).values} | {"safe_natural_size": 1}
    t = timeline_summary(story, only_size)
    assert [s.score for s in t.steps] == [25, 13, 25]  # 2/8, 1/8, 2/8 of 100, rounded half up


def test_tiny_fixture(tiny):
    t = timeline_summary(tiny)
    assert [(s.joined, s.stepped_back) for s in t.steps] == [(("aunt_niamh",), ()), ((), ("sw_amara",))]
    assert "Niamh Byrne joined" in t.description and "Amara Okafor stepped back" in t.description


@pytest.mark.parametrize("path", bundled_scenario_files(), ids=lambda p: p.stem)
def test_every_bundled_scenario_has_a_timeline(path):
    s = load_scenario(path)
    t = timeline_summary(s)
    assert len(t.steps) == len(s.meetings)
    assert all(0 <= step.score <= 100 for step in t.steps)
    assert len(t.description.splitlines()) >= len(s.meetings) + 1
    assert network_at_meeting(s, s.meetings[0].id) == t.steps[[m.id for m in meetings_in_order(s)].index(s.meetings[0].id)].people
