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


def test_starting_point_carries_the_learner_and_their_case_on():
    from fncoach.course import DEFAULT_SCENARIO, starting_point

    places = {"Dana Carer": "kinship_case"}.get
    # JupyterLab: the person who last used this record, on the case they last had open
    lab = starting_point({}, last_learner="Dana Carer", last_place=places, login_name="root")
    assert (lab.learner, lab.scenario_id, lab.app_mode) == ("Dana Carer", "kinship_case", False)
    # JupyterLab, nobody yet: the login name, on the default case
    assert starting_point({}, login_name="root") == starting_point({}, login_name="root")
    assert starting_point({}, login_name="root").learner == "root"
    # app mode: the name travels in the address; with none, ask (never the server's login name)
    app = {"SERVER_SOFTWARE": "voila/0.5.13"}
    assert starting_point(app, last_learner="Dana Carer", login_name="root").learner is None
    named = starting_point({**app, "QUERY_STRING": "learner=Dana%20Carer"}, last_place=places)
    assert named.learner == "Dana Carer" and named.scenario_id == "kinship_case"
    # a trainer's chosen case (not the default) or one in the address wins over where the learner was
    assert starting_point({}, scenario="tiny", last_learner="Dana Carer", last_place=places).scenario_id == "tiny"
    assert starting_point({"QUERY_STRING": "case=other"}, last_learner="Dana Carer",
                          last_place=places).scenario_id == "other"
    assert starting_point({"FNCOACH_LEARNER": "Sam"}, last_learner="Dana Carer").learner == "Sam"
    assert starting_point(app).scenario_id == DEFAULT_SCENARIO


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
