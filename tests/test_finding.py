"""Finding the network: the question bank, who each question reveals, growth and feedback."""

from __future__ import annotations

import pytest

from fncoach.finding import QUESTIONS, SOURCE_LABELS, ask, feedback, hidden_people, question
from fncoach.model import FINDING_SOURCES
from fncoach.scenario import load_scenario
from netbuild import person, scenario, tie, bundled_scenario_files


def hidden(pid, name, sources, **extra):
    return person(pid, name, not_yet_known={"found_by": list(sources), "clue": f"Sam mentions {name}."}, **extra)


@pytest.fixture
def family():
    """Mum known; Nan (dad's side or celebrations), Grandad (dad's side) and Coach (clubs) to be found."""
    return scenario(
        [person("mum", "Mum", gender="female", family_side="mothers"),
         hidden("nan", "Nan Jo", ["fathers_side", "celebrations"], gender="female", family_side="fathers"),
         hidden("grandad", "Grandad Ray", ["fathers_side"], gender="male", family_side="fathers",
                support=("practical",)),
         hidden("coach", "Coach Ali", ["clubs_hobbies"], gender="male", domain="community_faith")],
        [tie("sam", "mum", closeness=3, contact="daily"), tie("sam", "nan", closeness=2, contact="monthly"),
         tie("sam", "grandad"), tie("nan", "grandad", contact="daily")],
    )


def test_bank_covers_every_source_once():
    assert sorted(q.id for q in QUESTIONS) == sorted(FINDING_SOURCES)
    assert set(SOURCE_LABELS) == set(FINDING_SOURCES)
    assert all(q.text.endswith("?") and q.tip and q.ask_who for q in QUESTIONS)
    assert question("schools").source == "schools"
    with pytest.raises(ValueError, match="'dads_side' is not a question"):
        question("dads_side")


def test_nothing_asked_nothing_found(family):
    r = ask(family, [])
    assert r.found == () and r.still_hidden == 3 and r.people == ("mum",)
    assert r.before == r.after and r.known_before == r.known_after == 1
    assert r.summary.startswith("Nobody new found yet")


def test_first_question_that_finds_someone_gets_the_credit(family):
    r = ask(family, ["celebrations", "fathers_side", "celebrations"])
    assert r.asked == ("celebrations", "fathers_side")
    assert [(f.person_id, f.question) for f in r.found] == [("nan", "celebrations"), ("grandad", "fathers_side")]
    assert r.found[0].clue == "Sam mentions Nan Jo."
    assert r.found_by("fathers_side")[0].name == "Grandad Ray"
    assert r.still_hidden == 1
    assert r.people == ("mum", "nan", "grandad")
    assert r.after.component("safe_natural_size").value == pytest.approx(3 / 8)
    assert r.after.score > r.before.score
    assert "grew from 1 to 3 people" in r.summary


def test_unknown_question_is_refused(family):
    with pytest.raises(ValueError, match="'uncles' is not a question in the bank"):
        ask(family, ["uncles"])


def test_feedback_names_missed_sources_with_counts_but_not_people(family):
    messages = feedback(family, ["celebrations"])
    assert messages[0] == "2 of the 3 people the workers did not know about are still to be found."
    assert messages[1].startswith("You didn't ask about dad's side of the family: one person was there.")
    assert any(m.startswith("You didn't ask about clubs and hobbies: one person was there.") for m in messages)
    assert not any("Grandad Ray" in m or "Coach Ali" in m for m in messages)
    assert any("Blind spot: fathers and dad's side" in m for m in messages)
    assert any("Blind spot: none of the 2 people in the natural network is a man" in m for m in messages)


def test_feedback_when_everyone_is_found(family):
    messages = feedback(family, ["fathers_side", "clubs_hobbies"])
    assert messages[0] == "You found everyone there was to find: 3 people the workers did not know about."
    assert not any("dad's side" in m for m in messages)
    assert not any("is a man" in m or "are men" in m for m in messages)  # 2 of 4 are men


def test_feedback_counts_two_people_on_dads_side(family):
    assert "two people were there" in feedback(family, [])[1]


def test_feedback_to_explore_and_family_abroad():
    s = scenario([person("dad", "Dad", gender="male", safety={"status": "to_explore", "reason": "Not met."}),
                  person("aunt", "Aunt Mo", joins_virtually=True, travel_minutes=900, gender="female")])
    messages = feedback(s, ["fathers_side"])
    assert any("Dad is still 'to explore'" in m for m in messages)
    assert any("Aunt Mo could join meetings by phone or video" in m for m in messages)


def test_tiny_fixture(tiny):
    assert [p.id for p in hidden_people(tiny)] == ["aunt_niamh"]
    r = ask(tiny, ["mothers_side"])
    assert [f.name for f in r.found] == ["Niamh Byrne"] and r.known_after == 5


@pytest.mark.parametrize("path", bundled_scenario_files(), ids=lambda p: p.stem)
def test_every_bundled_scenario_can_be_found_in_full(path):
    s = load_scenario(path)
    everything = ask(s, [q.id for q in QUESTIONS])
    assert everything.still_hidden == 0
    assert len(everything.found) == len(hidden_people(s))
    assert everything.known_after == len(s.people)
    assert all(m.strip() for m in feedback(s, []))
