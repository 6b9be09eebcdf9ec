"""Plan, drill and review panels, driven through their widgets (.value = / .click()), as a learner would."""

from __future__ import annotations

import html
import json

import pytest

from fncoach.drills import simulate
from fncoach.model import Assignment
from fncoach.plan import check_plan, model_assignments
from fncoach.planchange import check_whole_plan
from fncoach.ui._common import ExercisePanel
from fncoach.ui.plan import build_drill_panel, build_plan_panel, build_review_panel


def _fill_plan(panel):
    panel.primary["t_morning_call"].value = "gran"
    panel.backups["t_morning_call"][0].value = "aunt_niamh"


def _fill_drill(panel):
    panel.seed.value = 7


def _fill_review(panel):
    from fncoach.review import VERDICTS

    panel.question_boxes[0].value = "Calls happened on all but two mornings."
    panel.working.value = list(VERDICTS)[-1]
    panel.reconvene.value = True
    panel.notes.value = "Ask Niamh how the Tuesdays went."


FILLS = {build_plan_panel: _fill_plan, build_drill_panel: _fill_drill, build_review_panel: _fill_review}


@pytest.mark.parametrize("build", [build_plan_panel, build_drill_panel, build_review_panel])
def test_panels_are_exercise_panels_with_json_answers(tiny, build):
    """Answers a learner gave survive JSON and come back in a fresh panel (restore really puts them back)."""
    panel = build(tiny)
    assert isinstance(panel, ExercisePanel)
    empty = panel.answers()
    FILLS[build](panel)
    given = json.loads(json.dumps(panel.answers()))
    assert given != empty
    fresh = build(tiny)
    assert fresh.answers() == empty
    fresh.restore(given)
    assert fresh.answers() == given


# ------------------------------------------------------------------- plan


def test_plan_panel_assign_check_and_inline_problems(tiny):
    panel = build_plan_panel(tiny)
    seen = []
    panel.on_answers_changed(seen.append)
    panel.primary["t_morning_call"].value = "gran"
    panel.backups["t_morning_call"][0].value = "uncle_dev"
    panel.primary["t_school_run"].value = "sw_amara"
    panel.check_button.click()
    # Dev is not free at 7.30am; the social worker holds a network role; the school run has no backup.
    assert "Not free at that time" in panel.feedback["t_morning_call"].value
    school = panel.feedback["t_school_run"].value
    assert "A role for the network" in school and "No backup" in school
    assert "Have another look" in panel.message.value
    assert seen[-1] == panel.answers()
    assert panel.assignments()[0] == Assignment(task="t_morning_call", primary="gran", backups=("uncle_dev",))
    panel.backups["t_morning_call"][0].value = ""  # changing a choice clears that job's feedback
    assert panel.feedback["t_morning_call"].value == ""


def test_plan_panel_says_a_person_not_found_yet_cannot_have_a_job(tiny):
    panel = build_plan_panel(tiny)
    panel.primary["t_morning_call"].value = "gran"
    panel.backups["t_morning_call"][0].value = "aunt_niamh"  # free at 7.30, but the workers have not found her
    panel.primary["t_school_run"].value = "gran"
    panel.backups["t_school_run"][0].value = "aunt_niamh"
    panel.check_button.click()
    problems = {(p.task_id, p.person_id, p.rule) for p in panel.problems}
    assert ("t_morning_call", "aunt_niamh", "not_available") not in problems
    assert ("t_morning_call", "aunt_niamh", "not_found") in problems
    assert "has not been found yet" in panel.feedback["t_morning_call"].value
    assert "Have another look" in panel.message.value and "(s)" not in panel.message.value


def test_plan_panel_restore_and_bad_saved_answers(tiny):
    panel = build_plan_panel(tiny)
    saved = {"assignments": [{"task": "t_morning_call", "primary": "gran", "backups": ["aunt_niamh", "ghost"]},
                             {"task": "t_gone", "primary": "gran", "backups": []}]}
    panel.restore(saved)
    assert panel.answers() == {"assignments": [{"task": "t_morning_call", "primary": "gran",
                                                "backups": ["aunt_niamh"]}]}
    assert "ghost" in panel.message.value and "t_gone" in panel.message.value


# ------------------------------------------------------------------- drill


def test_drill_panel_run_change_rerun_compare(tiny):
    # Aunt Niamh has been found (as after the finding exercise), so she can be named in a change
    tiny = tiny.model_copy(update={"people": tuple(p.model_copy(update={"not_yet_known": None}) for p in tiny.people)})
    panel = build_drill_panel(tiny, seed=0, model_answers=True)
    panel.run_button.click()
    assert panel.first_run == simulate(tiny, model_assignments(tiny), seed=0) and panel.heatmap.children
    assert "covered in this drill" in panel.message.value
    assert panel.rerun_button.disabled
    panel.change_kind.value = "add_backup"
    panel.change_task.value = "t_morning_call"
    panel.change_person.value = "aunt_niamh"
    panel.change_button.click()
    assert "Plan changed" in panel.message.value and not panel.rerun_button.disabled
    panel.rerun_button.click()
    assert panel.last_run == simulate(panel.scenario, panel.plan, seed=0) and panel.last_run != panel.first_run
    assert (panel.comparison.before, panel.comparison.after) == (panel.first_run.coverage, panel.last_run.coverage)
    assert panel.comparison.after > panel.comparison.before  # Niamh covers the mornings Gran is away
    assert len(panel.before_after.children) == 2
    answers = panel.answers()
    assert answers["changes"] == [{"kind": "add_backup", "task": "t_morning_call", "person": "aunt_niamh"}]
    assert answers["coverage_after"] == panel.comparison.after
    json.dumps(answers)


def test_drill_panel_event_gap_is_explained(tiny):
    # Gran is away on days 10-14 and Dev cannot do 7.30am, so the morning call breaks those weekdays.
    panel = build_drill_panel(tiny, seed=0, model_answers=True)
    panel.run_button.click()
    assert "What broke" in panel.what_broke.value and "wedding in Cork" in panel.what_broke.value
    assert "meet again" in panel.what_broke.value


def test_drill_panel_swap_and_move(tiny):
    panel = build_drill_panel(tiny, seed=3, model_answers=True)
    panel.change_kind.value = "swap_person"
    panel.change_task.value = "t_school_run"
    assert [v for _, v in panel.change_old.options] == ["gran", "uncle_dev"]
    panel.change_old.value = "uncle_dev"
    panel.change_person.value = "uncle_dev"
    panel.change_button.click()
    assert next(a for a in panel.plan if a.task == "t_school_run").backups == ("uncle_dev",)
    panel.change_kind.value = "move_task"
    panel.change_task.value = "t_morning_call"
    assert panel.change_start.value == "07:30"
    panel.change_start.value, panel.change_end.value = "18:00", "18:15"
    panel.change_button.click()
    assert next(t for t in panel.scenario.plan.tasks if t.id == "t_morning_call").when.start == "18:00"
    saved = panel.answers()
    fresh = build_drill_panel(tiny, model_answers=True)
    fresh.restore(saved)
    assert fresh.plan == panel.plan and fresh.scenario == panel.scenario and fresh.seed.value == 3


def test_drill_panel_bad_change_is_a_plain_message(tiny):
    panel = build_drill_panel(tiny)
    panel.change_kind.value = "move_task"
    panel.change_start.value = "quarter past seven"
    panel.change_button.click()
    assert "could not be made" in panel.message.value and "Traceback" not in panel.message.value
    assert panel.changes == []


def test_drill_panel_with_a_learners_plan(tiny):
    panel = build_drill_panel(tiny, assignments=[Assignment(task="t_morning_call", primary="gran")])
    panel.run_button.click()
    assert {u.task for u in panel.last_run.uncovered} >= {"t_school_run"}


def test_drill_panel_restore_skips_changes_that_do_not_fit(tiny):
    panel = build_drill_panel(tiny)
    panel.restore({"seed": 5, "changes": [{"kind": "add_backup", "task": "nope", "person": "gran"}]})
    assert panel.changes == [] and "left out" in panel.message.value and panel.seed.value == 5


# ------------------------------------------------------------------- review


def test_review_panel_evidence_prompts_and_feedback(tiny):
    panel = build_review_panel(tiny, seed=0, model_answers=True)
    assert "evidence log" in panel.log_view.value and "Nobody stepped in" in panel.log_view.value
    panel.show_prompts.click()
    assert "stepped in" in panel.prompt_views[0].value
    panel.check_button.click()
    assert "First choose" in panel.message.value
    panel.working.value = "yes"
    panel.check_button.click()
    assert "Have another look" in panel.message.value
    from fncoach.review import expected_verdict

    for index, answer in enumerate(tiny.review_answers):
        panel.gap_boxes[index].value = bool(answer.gap)
    panel.understanding_button.click()
    assert "You spotted 1 gap" in panel.understanding_message.value
    panel.working.value = expected_verdict(panel.run, panel.understanding.gaps)
    for task_id in {u.task for u in panel.run.uncovered}:
        panel.change[task_id].value = True
    panel.reconvene.value = True
    panel.notes.value = "Keep the diary going."
    panel.check_button.click()
    assert panel.feedback.level == "good" and "normal part" in panel.message.value


def test_review_panel_misses_a_gap_in_understanding(tiny):
    panel = build_review_panel(tiny, seed=0, model_answers=True)
    from fncoach.review import expected_verdict

    panel.working.value = expected_verdict(panel.run, 1)
    panel.check_button.click()  # checks the understanding too, with nothing marked
    assert panel.understanding.missed == (1,) and panel.feedback.level == "warn"
    assert "did not mark it" in panel.message.value


def test_review_panel_rescaling_and_history(tiny):
    panel = build_review_panel(tiny)
    number, reason = panel.scale_boxes["gran"]
    assert "I&#x27;d say 6" in panel.rescale_rows[2].value or "I'd say 6" in panel.rescale_rows[2].value
    number.value, reason.value = "6", "The calls are working."
    panel.own_score.value, panel.own_reason.value = "4", "Two mornings nobody rang"
    panel.rescale_button.click()
    assert panel.rescale.level == "good" and "recorded with their reason" in panel.rescale_message.value
    figure = panel.history.children[0]
    assert "You: 4 at First review (week 4)" in figure.children[1].value
    number.value = "8"
    panel.rescale_button.click()
    assert "Gran Róisín said 6, not 8" in panel.rescale_message.value.replace("&#x27;", "'")


def test_review_panel_answers_round_trip(tiny):
    panel = build_review_panel(tiny)
    panel.scale_boxes["gran"][0].value = "0"
    panel.own_score.value, panel.own_reason.value = "4", "Not yet"
    panel.gap_boxes[1].value, panel.gap_notes[1].value = True, "Does Dev know he is the backup?"
    panel.question_boxes[0].value = "Niamh rang when Gran was away."
    panel.working.value = "no"
    panel.change["t_school_run"].value = True
    saved = panel.answers()
    fresh = build_review_panel(tiny)
    fresh.restore(saved)
    assert fresh.answers() == saved
    fresh.restore({"decision": {"working": "perhaps", "change": ["zz"]}})
    assert fresh.working.value is None and "zz" in fresh.message.value


def test_every_bundled_scenario_panels(bundled_path):
    from fncoach.scenario import load_scenario

    s = load_scenario(bundled_path)
    model = model_assignments(s)
    drill = build_drill_panel(s, model_answers=True)
    drill.run_button.click()
    assert drill.plan == model and drill.last_run == simulate(s, model, seed=0)
    assert "covered in this drill" in drill.message.value and "Sorry" not in drill.message.value
    review = build_review_panel(s)
    review.working.value = "partly"
    review.check_button.click()
    assert review.feedback.headline and html.escape(review.feedback.headline, quote=True) in review.message.value
    assert "Sorry" not in review.message.value
    plan = build_plan_panel(s)
    plan.restore({"assignments": [dict(task=a.task, primary=a.primary, backups=list(a.backups)) for a in model]})
    assert plan.assignments() == model
    plan.check_button.click()
    assert plan.problems == check_whole_plan(s, model)  # the course's check: the core's, plus "not found yet"
    assert "Sorry" not in plan.message.value and plan.message.value  # the check said something


def test_drill_panel_follows_a_linked_plan_panel(tiny):
    plan = build_plan_panel(tiny)
    plan.primary["t_morning_call"].value = "gran"
    drill = build_drill_panel(tiny, plan_panel=plan)
    assert drill.plan == (Assignment(task="t_morning_call", primary="gran"),)
    drill.change_kind.value = "add_backup"
    drill.change_task.value = "t_morning_call"
    drill.change_person.value = "sw_amara"
    drill.change_button.click()
    plan.primary["t_school_run"].value = "gran"  # the learner goes back and adds a job
    drill.run_button.click()
    assert drill.plan == (Assignment(task="t_morning_call", primary="gran", backups=("sw_amara",)),
                          Assignment(task="t_school_run", primary="gran"))
    assert "Dev Patel" not in drill.plan_view.value  # the model plan (Dev as backup) is not shown


def test_drill_and_review_start_from_the_learners_empty_plan_not_the_model(tiny):
    # The model plan is facilitator material: without a plan of their own the learner starts empty.
    drill = build_drill_panel(tiny, seed=0)
    assert drill.plan == () and "no plan to drill yet" in drill.plan_view.value
    assert "Gran" not in drill.plan_view.value
    drill.run_button.click()
    assert drill.last_run.coverage == 0.0 and "Sorry" not in drill.message.value
    review = build_review_panel(tiny, seed=0)
    assert review.plan == () and "no plan yet" in review.log_view.value
    assert build_drill_panel(tiny, model_answers=True).plan == model_assignments(tiny)
    assert build_review_panel(tiny, model_answers=True).plan == model_assignments(tiny)
    own = [Assignment(task="t_school_run", primary="aunt_niamh")]
    assert build_review_panel(tiny, assignments=own).plan == tuple(own)


def test_drill_panel_can_build_a_plan_from_empty(tiny):
    # A learner with no saved plan can still give a job its main person from the drill panel.
    drill = build_drill_panel(tiny, seed=0)
    drill.change_kind.value = "add_backup"
    drill.change_task.value = "t_morning_call"
    drill.change_person.value = "gran"
    drill.change_button.click()
    assert drill.plan == (Assignment(task="t_morning_call", primary="gran"),)
    assert "is now the main person" in drill.message.value
    drill.change_person.value = "uncle_dev"
    drill.change_button.click()
    assert "is now a backup" in drill.message.value


# ------------------------------------------------------------------- every way of changing a plan uses the plan check


def _bundled(name):
    from fncoach.scenario import load_scenario
    from netbuild import bundled_scenario_files

    return load_scenario(next(p for p in bundled_scenario_files() if p.stem == name))


def test_plan_panel_says_at_once_when_a_choice_is_not_safe():
    case = _bundled("care_leaver_adult_network")
    panel = build_plan_panel(case)
    panel.primary["t_gp"].value = "jordan"
    assert "Not safe for this job" in panel.feedback["t_gp"].value and "Jordan (main person)" in panel.feedback["t_gp"].value
    panel.primary["t_gp"].value = "aunty_bev"
    assert panel.feedback["t_gp"].value == ""


def test_plan_panel_shows_cautions_as_things_to_talk_about_not_to_fix():
    case = _bundled("kinship_care_tension")
    # everyone found by now (as after the finding exercise), so the model plan's people can be named
    case = case.model_copy(update={"people": tuple(p.model_copy(update={"not_yet_known": None}) for p in case.people)})
    panel = build_plan_panel(case)
    panel.restore({"assignments": [{"task": a.task, "primary": a.primary, "backups": list(a.backups)}
                                   for a in case.plan.model_plan]})
    panel.backups["t_bathtime"][1].value = "despina"  # known to the workers, her safety still to be explored
    panel.check_button.click()
    assert "Talk it through first" in panel.feedback["t_bathtime"].value
    # (the model plan already asks for one talk: Despina, also still to be explored, has Saturday tea)
    assert "No problems found" in panel.message.value and "2 things to talk about" in panel.message.value


def test_drill_panel_refuses_an_unsafe_change_with_the_reason():
    case = _bundled("uasc_family_abroad")
    panel = build_drill_panel(case, seed=0, model_answers=True)
    before = panel.plan
    panel.change_kind.value = "swap_person"
    panel.change_task.value = "t_cousin_visit"
    panel.change_old.value = "filmon"
    panel.change_person.value = "gaz"
    panel.change_button.click()
    assert panel.plan == before and panel.changes == []
    assert "not safe for Dawit" in panel.message.value
    assert "Gaz (main person)" in panel.message.value and "Cousin Filmon&#x27;s visit" in panel.message.value
    # A safe change still goes through.
    panel.change_person.value = "senait"
    panel.change_button.click()
    assert next(a for a in panel.plan if a.task == "t_cousin_visit").primary == "senait"


def test_drill_panel_refuses_an_unsafe_added_backup_and_skips_it_when_restoring():
    case = _bundled("no_one_fathers_side")
    panel = build_drill_panel(case, model_answers=True)
    panel.change_kind.value = "add_backup"
    panel.change_task.value = "t_evening_call"
    panel.change_person.value = "gemma"
    panel.change_button.click()
    assert "not safe for Elijah" in panel.message.value and "Gemma" in panel.message.value
    assert "gemma" not in next(a for a in panel.plan if a.task == "t_evening_call").backups
    panel.restore({"changes": [{"kind": "add_backup", "task": "t_evening_call", "person": "gemma"}]})
    assert panel.changes == [] and "left out" in panel.message.value


def test_review_of_an_unsafe_plan_says_it_must_change_whatever_the_drill_shows():
    case = _bundled("care_leaver_adult_network")
    plan = [a if a.task != "t_gp" else Assignment(task="t_gp", primary="jordan", backups=("maggie",))
            for a in case.plan.model_plan]
    panel = build_review_panel(case, assignments=plan)
    assert "Jordan (main person)" in panel.log_view.value
    from fncoach.review import expected_verdict

    panel.working.value = expected_verdict(panel.run)
    for task_id in {u.task for u in panel.run.uncovered}:
        panel.change[task_id].value = True
    panel.reconvene.value = True
    panel.check_button.click()
    assert panel.feedback.level == "warn"
    assert "cannot stay as it is" in panel.message.value and "Going with Shania to register" in panel.message.value
    panel.change["t_gp"].value = True
    panel.check_button.click()
    assert "Put these jobs on your list" not in panel.message.value


def test_drill_changes_go_through_the_plan_check(tiny):
    """Issue 13: a change the plan check would flag for safety is not made, and the learner is told why."""
    drill = build_drill_panel(tiny, assignments=[Assignment(task="t_morning_call", primary="gran")])
    drill.change_kind.value = "add_backup"
    drill.change_task.value = "t_morning_call"
    drill.change_person.value = "aunt_niamh"  # not found yet
    drill.change_button.click()
    assert drill.plan == (Assignment(task="t_morning_call", primary="gran"),) and drill.changes == []
    assert "That change was not made" in drill.message.value and "has not been found yet" in drill.message.value
    drill.change_kind.value = "swap_person"
    drill.change_old.value = "gran"
    drill.change_person.value = "ciara"  # the person the worry is about
    drill.change_button.click()
    assert drill.plan[0].primary == "gran" and "not made" in drill.message.value
    drill.change_kind.value = "add_backup"
    drill.change_person.value = "uncle_dev"  # allowed, with what the check says about it
    drill.change_button.click()
    assert drill.plan[0].backups == ("uncle_dev",) and "Change made" in drill.message.value
    assert "plan check says" in drill.message.value.lower()


def test_drill_shows_safety_findings_of_the_plan_it_drills(tiny):
    drill = build_drill_panel(tiny, assignments=[Assignment(task="t_school_run", primary="ciara")])
    assert "Safety first" in drill.plan_view.value and "Ciara" in drill.plan_view.value


def test_rerun_says_why_it_is_greyed_out(tiny):
    drill = build_drill_panel(tiny, assignments=[Assignment(task="t_morning_call", primary="gran")])
    assert drill.rerun_button.disabled and "Run the drill first" in drill.rerun_row.note.value
    assert drill.rerun_row.note.layout.display == ""
    drill.run_button.click()
    assert drill.rerun_button.disabled and "Make a change" in drill.rerun_row.note.value
    drill.change_kind.value = "add_backup"
    drill.change_task.value = "t_morning_call"
    drill.change_person.value = "uncle_dev"
    drill.change_button.click()
    assert not drill.rerun_button.disabled and drill.rerun_row.note.layout.display == "none"


def test_review_goes_through_the_plan_check(tiny):
    review = build_review_panel(tiny, assignments=[Assignment(task="t_school_run", primary="ciara")])
    assert "plan check" in review.log_view.value
    review.working.value = "partly"
    review.check_button.click()
    assert "cannot stay as it is" in review.message.value and "Have another look" in review.message.value
    assert "Put these jobs on your list to change: &#x27;Wednesday school pick-up&#x27;" in review.message.value
    review.change["t_school_run"].value = True
    review.check_button.click()
    assert "Put these jobs on your list" not in review.message.value


def test_review_looks_at_the_plan_written_in_private_family_time(tiny):
    # Issue 14: the review judges the network's own plan (as the drill and Words and Pictures do), not the case's list.
    from fncoach.familytime import job_from_offer

    job = job_from_offer(tiny, "o_gran_call") | {"what": "Gran rings Ciara at half seven", "backups": ["uncle_dev"]}
    review = build_review_panel(tiny, seed=0, family_time={"jobs": [job]},
                                assignments=[Assignment(task="t_school_run", primary="aunt_niamh")])
    assert [t.id for t in review.scenario.plan.tasks] == ["job_1"]
    assert review.plan == (Assignment(task="job_1", primary="gran", backups=("uncle_dev",)),)
    assert "Gran rings Ciara at half seven" in review.log_view.value
    assert list(review.change) == ["job_1"]
    # with no complete job the warm-up plan is reviewed, and facilitators still get the model plan
    fallback = build_review_panel(tiny, family_time={"jobs": [{"what": "Tea"}]},
                                  assignments=[Assignment(task="t_school_run", primary="aunt_niamh")])
    assert [t.id for t in fallback.scenario.plan.tasks] == [t.id for t in tiny.plan.tasks]
    assert build_review_panel(tiny, model_answers=True, family_time={"jobs": [job]}).plan == model_assignments(tiny)
