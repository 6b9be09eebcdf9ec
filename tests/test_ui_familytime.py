"""Private Family Time, own-plan drill and handover panels, driven through their widgets as a learner would."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from fncoach.familytime import job_from_offer
from fncoach.scenario import load_scenario
from fncoach.ui._common import ExercisePanel
from fncoach.ui.familytime import build_family_time_panel, build_handover_panel, build_own_plan_drill_panel


@pytest.fixture(scope="module")
def zara():
    return load_scenario(Path(__file__).parent.parent / "scenarios" / "edge_of_care_grandparents.yaml")


@pytest.mark.parametrize("build", [build_family_time_panel, build_handover_panel, build_own_plan_drill_panel])
def test_panels_are_exercise_panels_with_json_answers(tiny, build):
    panel = build(tiny)
    assert isinstance(panel, ExercisePanel)
    json.dumps(panel.answers())
    panel.restore(panel.answers())


def test_an_offer_becomes_a_job_the_learner_finishes_and_checks(zara):
    panel = build_family_time_panel(zara)
    seen = []
    panel.on_answers_changed(seen.append)
    panel.offer_buttons["o_khalid_calls"].click()  # the person of worry's offer
    panel.offer_buttons["o_dada_lift"].click()
    lift = panel.jobs[1]
    lift.backups[0].value = "adnan"
    lift.red_flag.value = "Zara not home when collected"
    lift.trigger.value = "Dada messages Adnan and Mr Rhys-Morgan"
    lift.checked_by.value = "samira"
    lift.child_words.value = "Dada drives me to school."
    panel.check_button.click()
    assert "Not safe for this job" in panel.jobs[0].feedback.value
    assert "Looks workable" in lift.feedback.value
    assert "Have another look" in panel.message.value and "No job in your plan answers the worry" in panel.message.value
    assert seen[-1] == panel.answers() and seen[-1]["jobs"][1]["backups"] == ["adnan"]


def test_what_if_answers_and_questions_asked_are_saved(zara):
    panel = build_family_time_panel(zara)
    panel.question.value = "wi_umrah"
    panel.ask_button.click()
    assert "Umrah" in panel.answer.value and panel.answers()["asked"] == ["wi_umrah"]


def test_saved_jobs_come_back(zara):
    panel = build_family_time_panel(zara)
    panel.offer_buttons["o_ngozi_friday"].click()
    panel.jobs[0].backups[0].value = "shamim"
    saved = json.loads(json.dumps(panel.answers()))
    again = build_family_time_panel(zara)
    again.restore(saved)
    assert again.answers() == saved and len(again.jobs) == 1
    again.jobs[0].remove.click()
    assert again.answers()["jobs"] == []


def test_the_drill_runs_on_the_learners_plan(zara):
    job = job_from_offer(zara, "o_dadi_nights")
    panel = build_own_plan_drill_panel(zara, seed=0, family_time={"jobs": [job]})
    assert "Friday cooling-off night at Dadi" in panel.plan_view.value
    assert "Morning lift to school" not in panel.plan_view.value  # the model plan's jobs are not drilled
    panel.run_button.click()
    assert "covered in this drill" in panel.message.value
    assert "Friday cooling-off night at Dadi" in panel.what_broke.value


def test_without_a_family_time_plan_the_drill_uses_the_cases_jobs(zara):
    panel = build_own_plan_drill_panel(zara, seed=0)
    assert [t.id for t in panel.scenario.plan.tasks] == [t.id for t in zara.plan.tasks]


def test_handover_names_jobs_left_with_professionals_and_a_missing_keeper(zara):
    panel = build_handover_panel(zara)
    panel.check_button.click()
    assert "Still with a professional" in panel.feedback["hj_cooling_record"].value
    assert "Nobody keeps the plan" in panel.message.value
    panel.takeover["hj_cooling_record"].value = "younis"
    panel.takeover["hj_calls_check"].value = "adnan"
    panel.keep.value = ("t_friday_stay",)
    panel.keeper.value = "younis"
    panel.recall.value = "Dada calls us together if Zara goes missing again."
    panel.check_button.click()
    assert "Ready to hand over" in panel.message.value
    saved = panel.answers()
    again = build_handover_panel(zara)
    again.restore(saved)
    assert again.answers() == saved


def test_handover_uses_the_learners_own_jobs(zara):
    job = job_from_offer(zara, "o_dada_lift") | {"checked_by": "mr_rhys"}
    panel = build_handover_panel(zara, family_time={"jobs": [job]})
    assert "check_job_1" in panel.takeover
    assert [v for _, v in panel.keep.options] == ["job_1"]


def test_the_portfolio_shows_the_learners_family_time_plan_and_handover(tmp_path, zara):
    from fncoach.course import exercise_titles
    from fncoach.pages.portfolio import portfolio_html
    from fncoach.record import Record

    panel = build_family_time_panel(zara)
    panel.offer_buttons["o_dada_lift"].click()
    panel.jobs[0].red_flag.value = "Zara not home when collected"
    handover = build_handover_panel(zara)
    handover.recall.value = "Dada calls everyone together if Zara goes missing."
    record = Record(tmp_path / "record.sqlite")
    record.save_answers("Sam", zara.meta.id, "family_time", panel.answers())
    record.save_answers("Sam", zara.meta.id, "handover", handover.answers())
    page = portfolio_html(record, "Sam", exercise_titles=exercise_titles())
    assert "Private Family Time: the network writes its plan" in page and "Zara not home when collected" in page
    assert "Handing the plan over to the network" in page and "Dada calls everyone together" in page


def test_choosing_the_person_of_worry_is_refused_at_once(zara):
    panel = build_family_time_panel(zara)
    panel.offer_buttons["o_dada_lift"].click()
    assert "Not safe for this job" not in panel.jobs[0].feedback.value
    panel.jobs[0].backups[0].value = "kane"
    assert "Not safe for this job" in panel.jobs[0].feedback.value and "Kane" in panel.jobs[0].feedback.value
    panel.jobs[0].backups[0].value = "adnan"
    assert "Not safe for this job" not in panel.jobs[0].feedback.value


def test_the_course_saves_the_plan_then_drills_and_hands_over_the_learners_own_jobs(tmp_path, monkeypatch):
    """The notebook path: Private Family Time is saved as the learner types; the drill and handover read it."""
    from fncoach.ui import course as ui_course
    from fncoach.plan import assignments_from_answers

    monkeypatch.setenv("FNCOACH_RECORD", str(tmp_path / "record.sqlite3"))
    monkeypatch.setattr(ui_course, "_RECORDS", {})
    session = ui_course.Course("edge_of_care_grandparents", "Sam")
    session.exercise(build_family_time_panel, "family_time")
    family_time = session.autosaved("family_time").panel
    family_time.offer_buttons["o_dadi_nights"].click()
    family_time.jobs[0].checked_by.value = "mr_rhys"
    assert session.saved_answers("family_time")["jobs"][0]["who"] == "shamim"

    session.exercise(build_own_plan_drill_panel, "safety_plan_drill", seed=0,
                     from_saved={"family_time": ("family_time", dict),
                                 "assignments": ("safety_plan", assignments_from_answers)})
    drill = session.autosaved("safety_plan_drill").panel
    assert [t.id for t in drill.scenario.plan.tasks] == ["job_1"]
    drill.run_button.click()
    assert "Friday cooling-off night at Dadi" in drill.what_broke.value

    session.exercise(build_handover_panel, "handover", from_saved={"family_time": ("family_time", dict)})
    handover = session.autosaved("handover").panel
    assert "check_job_1" in handover.takeover
    handover.takeover["check_job_1"].value = "younis"
    assert session.saved_answers("handover")["takeovers"]["check_job_1"] == "younis"


def test_people_found_at_the_first_meeting_can_hold_jobs(zara):
    panel = build_family_time_panel(zara)
    panel.offer_buttons["o_ngozi_friday"].click()  # Ngozi is found in notebook 02, not known at the start
    assert panel.jobs[0].who.value == "ngozi"


def test_a_what_would_you_do_change_moves_the_learners_own_job(zara):
    job = job_from_offer(zara, "o_dadi_nights") | {"backups": ["ngozi"]}
    panel = build_own_plan_drill_panel(zara, seed=0, family_time={"jobs": [job]})
    panel.run_button.click()
    panel.change_kind.value = "move_task"
    panel.change_task.value = "job_1"
    panel.change_days.value = ("sat",)
    panel.change_start.value, panel.change_end.value = "19:00", "10:00"
    panel.change_button.click()
    assert "Plan changed" in panel.message.value and "Saturday" in panel.plan_view.value
    panel.rerun_button.click()
    assert "Before and after" in panel.before_after.children[0].value
    assert panel.answers()["changes"][0]["task"] == "job_1"
