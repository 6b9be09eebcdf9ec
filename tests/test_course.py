"""Tests for fncoach.course: counting finished exercises and the case summary learners see first."""

from __future__ import annotations

from fncoach.course import NOTEBOOKS, ProgressRow, case_summary_lines, exercises_finished
from fncoach.scenario import load_scenario
from netbuild import bundled_scenario_files


def _row(exercise_id: str, scenario_id: str = "tiny", done: bool = True) -> ProgressRow:
    return ProgressRow("nb", exercise_id, exercise_id, scenario_id, "Done" if done else "Started", done, "")


def test_exercises_finished_counts_each_course_exercise_once():
    total = sum(len(nb.exercises) for nb in NOTEBOOKS)
    first, second = NOTEBOOKS[1].exercises[0].id, NOTEBOOKS[1].exercises[1].id
    rows = [_row(first), _row(first, "other_case"), _row(second, done=False), _row("retired_exercise")]
    # first is done in two cases (counted once); second only started; retired is not in the course
    assert exercises_finished(rows) == (1, total)
    assert exercises_finished([]) == (0, total)
    assert exercises_finished([_row(first), _row(second)]) == (2, total)



def _case(name):
    return load_scenario(next(p for p in bundled_scenario_files() if p.stem == name))


def test_the_summary_counts_carers_apart_from_professionals():
    line = next(x for x in case_summary_lines(_case("long_term_foster_links")) if x.startswith("Known so far"))
    assert line.startswith("Known so far: 10 people in the family and wider network, 2 carers in Kofi's everyday "
                           "life and 4 professionals")


def test_a_case_without_carers_does_not_mention_them(tiny):
    line = next(x for x in case_summary_lines(tiny) if x.startswith("Known so far"))
    assert "carer" not in line and "1 professional;" in line
