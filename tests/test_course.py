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


def test_words_and_pictures_comes_before_the_review_and_reaches_the_portfolio(tmp_path):
    from fncoach.course import exercise_titles, notebook_for
    from fncoach.pages.portfolio import portfolio_html
    from fncoach.record import Record

    ids = [ex.id for ex in notebook_for("words_and_pictures").exercises]
    assert ids.index("words_and_pictures") < ids.index("safety_plan_review")
    record = Record(tmp_path / "record.sqlite3")
    record.save_answers("Sam", "tiny", "words_and_pictures", {"draft": {"when_worried": "I can tell Gran."}})
    page = portfolio_html(record, "Sam", exercise_titles=exercise_titles())
    assert "Words and Pictures for the child" in page and "I can tell Gran." in page


def test_model_answers_include_the_words_and_pictures_draft_and_the_review_answers(tiny):
    from fncoach.course import model_answer_sections

    sections = dict(model_answer_sections(tiny))
    assert any("When I feel worried I can tell Gran." in line for line in sections["A model Words and Pictures draft"])
    lines = sections["What the network understands at the review"]
    assert any("A gap: Dev does not know" in line for line in lines)
    assert any("real understanding" in line for line in lines)
