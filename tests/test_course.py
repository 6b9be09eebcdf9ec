"""The course's shape as data: counting finished exercises (hand-worked)."""

from __future__ import annotations

from fncoach.course import NOTEBOOKS, ProgressRow, exercises_finished


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
