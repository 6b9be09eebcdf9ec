"""The trainer's kit as plain data: running sheet, answer key, cards, clue cards, availability (fncoach.trainerkit)."""

from __future__ import annotations

import pytest

from fncoach.examples import example_scenario
from fncoach.model import Timing, TimeSlot
from fncoach.scenario import load_scenario
from fncoach.trainerkit import (
    BREAK_MINUTES, answer_key, availability_grid, clue_cards, cut_out_cards, running_sheet,
)


def _with_timings(scenario, *timings):
    fac = scenario.facilitator.model_copy(update={"timings": tuple(Timing(activity=a, minutes=m) for a, m in timings)})
    return scenario.model_copy(update={"facilitator": fac})


def test_running_totals_and_clock_times_add_up(tiny):
    s = _with_timings(tiny, ("Introduction and Zoë's Three Houses", 10), ("SOS card sort", 25),
                      ("Worry statements and safety goals", 30), ("Safety plan and backups", 20),
                      ("Discussion questions", 15))
    sheet = running_sheet(s, start="13:00")
    assert [(x.activity, x.start, x.end, x.total) for x in sheet] == [
        ("Introduction and Zoë's Three Houses", "1pm", "1.10pm", 10),
        ("SOS card sort", "1.10pm", "1.35pm", 35),
        ("Worry statements and safety goals", "1.35pm", "2.05pm", 65),
        ("Break", "2.05pm", "2.20pm", 80),
        ("Safety plan and backups", "2.20pm", "2.40pm", 100),
        ("Discussion questions", "2.40pm", "2.55pm", 115),
    ]
    assert sheet[3].is_break and sheet[3].minutes == BREAK_MINUTES
    assert sum(x.minutes for x in sheet) == sheet[-1].total


def test_no_break_just_before_the_end(tiny):
    s = _with_timings(tiny, ("Card sort", 60), ("Discussion questions", 20))
    assert [x.activity for x in running_sheet(s)] == ["Card sort", "Discussion questions"]


def test_each_step_says_what_to_have_ready_and_where_the_model_answers_come_in(tiny):
    s = _with_timings(tiny, ("Eco-map and finding the network", 20), ("SOS card sort", 20),
                      ("Safety plan and drill", 20), ("Discussion questions", 10))
    eco, sort, plan, talk = running_sheet(s)
    assert "Clue cards (cut out)" in eco.materials  # Niamh is still to be found
    assert sort.materials[0].startswith("Cut-out cards") and sort.model_answers.startswith("Answer key")
    assert "availability grid" in plan.materials[0] and "Drill heatmap (slide)" in plan.materials
    assert "Model plan" in plan.model_answers and "Drill results" in plan.model_answers
    assert talk.prompt == tiny.discussion_questions[0] and talk.model_answers == ""


def test_a_case_without_timings_gets_a_standard_session():
    sheet = running_sheet(example_scenario())
    assert sheet[0].activity.startswith("Introduction") and sheet[-1].activity == "Discussion questions"
    assert any(step.is_break for step in sheet)


def test_the_answer_key_follows_the_handout_numbers(tiny):
    key = answer_key(tiny)
    assert [row.number for row in key] == list(range(1, len(tiny.sos.cards) + 1))
    assert [row.column for row in key] == [c.column for c in tiny.sos.cards]
    assert key[2].column_title == "Complicating factor"
    assert all("\n" not in row.reason and row.reason.endswith(".") for row in key)


def test_cut_out_cards_hold_no_model_answer(tiny):
    cards = cut_out_cards(tiny)
    assert [c.text for c in cards] == [c.text for c in tiny.sos.cards]
    assert not any(hasattr(c, "column") or hasattr(c, "explanation") for c in cards)


def test_one_clue_card_for_each_person_still_to_be_found(tiny):
    cards = clue_cards(tiny)
    assert [c.name for c in cards] == [p.name for p in tiny.people if not p.is_known]
    assert cards[0].questions == ("Who came to Zoë's last birthday or a family celebration?",
                                  "Who is on Mum's side of the family?")


def test_the_availability_grid_shows_each_day_and_what_was_offered(tiny):
    rows = {r.name: r for r in availability_grid(tiny)}
    assert "Niamh Byrne" not in rows  # not found yet: not in the trainee's grid
    dev = rows["Dev Patel"]
    assert dev.days == {"mon": "5.30–9pm", "tue": "5.30–9pm", "wed": "5.30–9pm", "thu": "5.30–9pm",
                        "fri": "5.30–9pm", "sat": "9am–8pm", "sun": "9am–8pm"}
    assert (dev.hours_per_week, dev.travel, dev.safety) == ("4", "25 min", "to be explored")
    assert rows["Ciara O'Neill"].days["wed"] == "any time" and rows["Amara Okafor"].paid
    everyone = availability_grid(tiny, people=[p.id for p in tiny.people])
    assert everyone[-1].not_yet_found and everyone[-1].travel == "phone or video only"


def test_two_slots_on_one_day_are_both_shown(tiny):
    gran = tiny.people[1].model_copy(update={"available": (
        TimeSlot(days=("mon",), start="07:00", end="09:00"), TimeSlot(days=("mon",), start="15:00", end="18:30"))})
    row = availability_grid(tiny.model_copy(update={"people": (tiny.people[0], gran) + tiny.people[2:]}))[1]
    assert row.days["mon"] == "7–9am, 3–6.30pm" and row.days["tue"] == "—"


@pytest.mark.parametrize("case", ["long_term_foster_links", "no_one_fathers_side"])
def test_bundled_cases_make_a_whole_kit(case):
    s = load_scenario(case)
    sheet = running_sheet(s)
    work = sum(x.minutes for x in sheet if not x.is_break)
    assert work == sum(t.minutes for t in s.facilitator.timings)
    assert any("Answer key" in x.model_answers for x in sheet)
    assert len(clue_cards(s)) == sum(1 for p in s.people if not p.is_known) > 0
