"""Tests for fncoach.plan: every feasibility rule, on small hand-built scenarios."""

from __future__ import annotations

import datetime as dt

import copy

import pytest

from fncoach.examples import example_scenario
from fncoach.model import Assignment, Scenario, TaskTime
from netbuild import bundled_scenario_files
from fncoach.plan import (
    DEFAULT_MAX_TRAVEL,
    EARLY_LATE_MAX_TRAVEL,
    RULES,
    answers_from_assignments,
    assignments_from_answers,
    backup_share,
    check_plan,
    clock,
    describe_when,
    fit_saved_plan,
    is_free,
    model_assignments,
    occurrences,
    PlanProblem,
    problems_by_task,
    travel_limit,
    weekly_hours,
)

BASE = {
    "meta": {"id": "t", "title": "Test case", "summary": "A small case for the tests.", "learning_goals": ["Test."]},
    "child": {"id": "kid", "name": "Kid", "age": 8, "lives_now": "With Mum."},
    "people": [
        {"id": "gran", "name": "Gran", "relationship": "Grandmother", "domain": "family", "travel_minutes": 10,
         "can_do": ["phone_calls", "drive", "host_overnight", "supervise_contact", "school_runs"]},
        {"id": "aunt", "name": "Aunt Jo", "relationship": "Aunt", "domain": "family", "travel_minutes": 15,
         "can_do": ["phone_calls", "drive", "host_overnight", "supervise_contact", "school_runs"]},
    ],
    "sos": {"cards": [{"id": "c1", "text": "Mum loves Kid.", "column": "strength", "explanation": "A strength."}],
            "worry_statements": [{"id": "w1", "text": "Gran is worried Kid will be left alone."}]},
    "plan": {"tasks": [
        {"id": "task", "title": "Afternoon visit", "kind": "visit", "worry": "w1",
         "when": {"weekly": ["mon"], "start": "15:00", "end": "16:00"}},
    ]},
    "drills": {"start_date": "2026-01-05", "days": 14},
    "meetings": [{"id": "m1", "kind": "initial", "week": 0, "title": "First meeting"}],
}


def make(person_updates: dict | None = None, task_updates: dict | None = None, extra_people=()) -> Scenario:
    """The base scenario with the second person ('aunt') and the task changed."""
    data = copy.deepcopy(BASE)
    data["people"][1].update(person_updates or {})
    data["people"].extend(extra_people)
    data["plan"]["tasks"][0].update(task_updates or {})
    return Scenario.model_validate(data)


def rules(scenario, primary="aunt", backups=("gran",)):
    return [(p.rule, p.person_id) for p in check_plan(scenario, [Assignment(task="task", primary=primary, backups=backups)])]


def test_clean_plan_has_no_problems():
    assert rules(make()) == []


def test_not_available_at_that_time():
    s = make({"available": [{"days": ["mon"], "start": "09:00", "end": "14:00"}]})
    problems = check_plan(s, [Assignment(task="task", primary="aunt", backups=("gran",))])
    assert [(p.rule, p.person_id) for p in problems] == [("not_available", "aunt")]
    assert "Mondays" in problems[0].message and "3pm" in problems[0].message


def test_available_on_the_right_day_and_time_passes():
    s = make({"available": [{"days": ["mon", "tue"], "start": "14:00", "end": "17:00"}]})
    assert rules(s) == []


def test_not_available_on_a_dated_day():
    # 2026-01-10 is a Saturday; the aunt only helps on weekdays.
    s = make({"available": [{"days": ["mon", "tue", "wed", "thu", "fri"], "start": "08:00", "end": "20:00"}]},
             {"when": {"weekly": ["mon"], "dates": ["2026-01-10"], "start": "15:00", "end": "16:00"}})
    problems = check_plan(s, [Assignment(task="task", primary="aunt", backups=("gran",))])
    assert [p.rule for p in problems] == ["not_available"]
    assert "Saturday" in problems[0].message


@pytest.mark.parametrize("travel, limit, start, end, expected", [
    (40, 60, "15:00", "16:00", []),                      # within the task's own limit
    (70, 60, "15:00", "16:00", ["too_far"]),             # beyond it
    (40, 60, "07:00", "07:45", ["too_far"]),             # early morning: at most 30 minutes
    (40, 60, "19:00", "21:00", ["too_far"]),             # evening
    (25, 60, "07:00", "07:45", []),                      # early but close enough
    (DEFAULT_MAX_TRAVEL + 1, None, "15:00", "16:00", ["too_far"]),  # no limit given: the default applies
])
def test_too_far_for_that_time_of_day(travel, limit, start, end, expected):
    s = make({"travel_minutes": travel}, {"max_travel_minutes": limit, "when": {"weekly": ["mon"], "start": start, "end": end}})
    assert [r for r, _ in rules(s)] == expected


def test_too_far_message_explains_the_early_limit():
    s = make({"travel_minutes": 40}, {"when": {"weekly": ["mon"], "start": "07:00", "end": "07:45"}})
    (problem,) = check_plan(s, [Assignment(task="task", primary="aunt", backups=("gran",))])
    assert "40 minutes" in problem.message and f"at most {EARLY_LATE_MAX_TRAVEL}" in problem.message


def test_far_away_is_fine_for_a_phone_task():
    s = make({"travel_minutes": 600}, {"kind": "phone_call", "in_person": False, "requires": ["phone_calls"]})
    assert rules(s) == []


def test_virtual_only_person_cannot_do_in_person_task():
    s = make({"joins_virtually": True, "travel_minutes": 5, "lives": "Lagos"})
    problems = check_plan(s, [Assignment(task="task", primary="aunt", backups=("gran",))])
    assert [p.rule for p in problems] == ["too_far"]
    assert "in person" in problems[0].message


@pytest.mark.parametrize("requires, can_do, word", [
    (["drive"], ["phone_calls"], "drive"),
    (["host_overnight"], ["drive"], "stay overnight"),
    (["supervise_contact"], ["drive"], "supervise contact"),
])
def test_lacks_a_required_capability(requires, can_do, word):
    s = make({"can_do": can_do}, {"requires": requires})
    problems = check_plan(s, [Assignment(task="task", primary="aunt", backups=("gran",))])
    assert [(p.rule, p.person_id) for p in problems] == [("lacks_capability", "aunt")]
    assert word in problems[0].message


@pytest.mark.parametrize("status", ["worry", "to_explore"])
@pytest.mark.parametrize("kind", ["supervise_contact", "overnight", "respite"])
def test_unsafe_or_unexplored_person_cannot_supervise_or_host(status, kind):
    s = make({"safety": {"status": status, "reason": "Not assessed."}}, {"kind": kind})
    problems = check_plan(s, [Assignment(task="task", primary="aunt", backups=("gran",))])
    assert [(p.rule, p.person_id, p.level) for p in problems] == [("safety", "aunt", "problem")]
    assert ("workers are worried about Aunt" if status == "worry" else "still to be explored") in problems[0].message


def test_someone_still_to_be_explored_gets_a_caution_for_a_phone_call():
    s = make({"safety": {"status": "to_explore", "reason": "Not met yet."}},
             {"kind": "phone_call", "in_person": False})
    (problem,) = check_plan(s, [Assignment(task="task", primary="aunt", backups=("gran",))])
    assert (problem.rule, problem.level) == ("to_explore", "caution")
    assert "Aunt Jo (main person)" in problem.message and "Not met yet" in problem.message
    assert "'Afternoon visit' checks on Kid" in problem.message and "talk it through with Aunt Jo" in problem.message


def test_safety_applies_to_a_task_requiring_supervision():
    s = make({"safety": {"status": "worry", "reason": "Past violence."}},
             {"kind": "visit", "requires": ["supervise_contact"]})
    assert [r for r, _ in rules(s)] == ["safety"]


def test_overloaded_hours():
    # Visits Monday to Friday for 2 hours = 10 hours a week, but the aunt said 6.
    s = make({"hours_per_week": 6}, {"when": {"weekly": ["mon", "tue", "wed", "thu", "fri"], "start": "14:00", "end": "16:00"}})
    problems = check_plan(s, [Assignment(task="task", primary="aunt", backups=("gran",))])
    assert [(p.rule, p.person_id, p.task_id) for p in problems] == [("overloaded", "aunt", None)]
    assert "10 hours" in problems[0].message and "6 hours" in problems[0].message


def test_hours_within_limit_are_fine_and_backups_do_not_count():
    s = make({"hours_per_week": 1}, {"when": {"weekly": ["mon"], "start": "14:00", "end": "15:00"}})
    assert rules(s) == []
    assert rules(s, primary="gran", backups=("aunt",)) == []


def test_professional_given_a_network_role():
    s = make(extra_people=[{"id": "sw", "name": "Sam Worker", "relationship": "Social worker",
                            "domain": "professional", "paid": True}])
    problems = check_plan(s, [Assignment(task="task", primary="sw", backups=("gran",))])
    assert [(p.rule, p.person_id) for p in problems] == [("professional_role", "sw")]
    assert "role for the network" in problems[0].message


def test_a_teacher_is_there_as_part_of_their_paid_work():
    s = make(extra_people=[{"id": "ms_k", "name": "Ms K", "relationship": "Class teacher", "domain": "school_work",
                            "paid": True}])
    (problem,) = check_plan(s, [Assignment(task="task", primary="ms_k", backups=("gran",))])
    assert problem.rule == "professional_role" and "part of their paid work" in problem.message


FOSTER_CARER = {"id": "fc", "name": "Siobhan", "relationship": "Long-term foster carer", "domain": "household",
                "paid": True}


def test_a_foster_carer_is_a_carer_not_a_professional_who_moves_on():
    s = make(extra_people=[FOSTER_CARER])
    (problem,) = check_plan(s, [Assignment(task="task", primary="fc", backups=("gran",))])
    assert (problem.rule, problem.level) == ("paid_carer", "caution")
    assert "professional" not in problem.message.replace("not a professional who steps back", "")
    assert "move on" not in problem.message
    assert "lasting relationship" in problem.message and "placement can end" in problem.message
    assert "Gran can step in from the wider network" in problem.message


def test_a_foster_carer_with_no_backup_from_the_wider_network_is_asked_for_one():
    other = {**FOSTER_CARER, "id": "fc2", "name": "Dariusz"}
    s = make(extra_people=[FOSTER_CARER, other])
    problems = check_plan(s, [Assignment(task="task", primary="fc", backups=("fc2",))])
    assert [(p.rule, p.person_id) for p in problems] == [("paid_carer", "fc")]
    assert "backup from the wider network" in problems[0].message
    # As a backup, a carer brings no message at all.
    assert rules(s, primary="gran", backups=("fc",)) == []


def test_no_backup():
    assert rules(make(), backups=()) == [("no_backup", "aunt")]


def test_same_person_as_primary_and_backup():
    assert rules(make(), backups=("aunt",)) == [("repeated_person", "aunt")]


def test_worry_not_covered_when_its_task_is_unassigned():
    problems = check_plan(make(), [])
    assert [p.rule for p in problems] == ["unassigned", "worry_not_covered"]
    assert "Kid will be left alone" in problems[1].message


def test_unknown_person_and_task():
    s = make()
    problems = check_plan(s, [Assignment(task="task", primary="nobody", backups=("gran",)),
                              Assignment(task="ghost", primary="gran")])
    assert {p.rule for p in problems} == {"unknown_person", "unknown_task"}


def test_every_reported_rule_is_documented():
    s = make({"safety": {"status": "worry", "reason": "x y z"}, "hours_per_week": 0, "travel_minutes": 500,
              "available": [{"days": ["sun"], "start": "09:00", "end": "10:00"}], "can_do": []},
             {"kind": "overnight", "requires": ["host_overnight"]})
    found = {p.rule for p in check_plan(s, [Assignment(task="task", primary="aunt")])}
    assert found == {"safety", "overloaded", "too_far", "not_available", "lacks_capability", "no_backup"}
    assert found <= set(RULES)


# --------------------------------------------------------------------------- time and plain-data helpers


def test_occurrences_follow_the_calendar():
    s = make(task_updates={"when": {"weekly": ["mon", "thu"], "dates": ["2026-01-10", "2026-02-01"],
                                    "start": "15:00", "end": "16:00"}})
    # 5 Jan 2026 is a Monday; 10 Jan is day 6; 1 Feb is outside the 14 days.
    assert occurrences(s, s.plan.tasks[0]) == (1, 4, 6, 8, 11)


def test_weekly_hours_spread_dated_occurrences():
    s = make(task_updates={"when": {"dates": ["2026-01-10"], "start": "17:00", "end": "19:00"}})
    assert weekly_hours(s, s.plan.tasks[0]) == pytest.approx(1.0)  # 2 hours over two weeks


def test_overnight_time_and_travel():
    when = TaskTime(weekly=("fri",), start="18:00", end="09:00")
    assert when.minutes == 15 * 60
    assert describe_when(when) == "Fridays, 6pm to 9am (overnight)"
    s = make(task_updates={"kind": "overnight", "when": when.model_dump()})
    assert travel_limit(s.plan.tasks[0]) == EARLY_LATE_MAX_TRAVEL


def test_is_free_with_no_slots_means_any_time():
    s = make()
    assert is_free(s.person("gran"), "sun", TaskTime(weekly=("sun",), start="03:00", end="04:00"))


def test_clock_words():
    assert [clock(t) for t in ("09:00", "17:45", "00:00")] == ["9am", "5.45pm", "12am"]


def test_answers_round_trip_and_shapes():
    plan = (Assignment(task="a", primary="p", backups=("q", "r")), Assignment(task="b", primary="q"))
    assert assignments_from_answers(answers_from_assignments(plan)) == plan
    assert assignments_from_answers({"assignments": answers_from_assignments(plan)}) == plan
    assert assignments_from_answers({"a": {"primary": "p", "backups": ["q", "r"]}})[0] == plan[0]
    assert assignments_from_answers([{"task": "b", "primary": "q", "backups": "  "}]) == (plan[1],)


def test_backup_share_and_model_plan(tiny):
    assert backup_share(tiny, model_assignments(tiny)) == 1.0
    assert backup_share(tiny, [Assignment(task="t_morning_call", primary="gran")]) == 0.0
    assert model_assignments(tiny) == tiny.plan.model_plan


def test_tiny_model_plan_problems_are_explained(tiny):
    problems = check_plan(tiny, model_assignments(tiny))
    # Dev is only free after 5.30pm on weekdays, so he cannot back up the 7.30am call or the 3.15pm pick-up,
    # and he has not said he can do school runs.
    assert ("not_available", "uncle_dev") in [(p.rule, p.person_id) for p in problems]
    assert all(p.message and p.rule in RULES for p in problems)


def test_example_scenario_start_is_a_monday():
    assert example_scenario().drills.start_date == dt.date(2026, 1, 5)


WORRY = {"status": "worry", "reason": "Pushed Kid's mum in March"}


def _with_worry(text: str, **task_updates) -> Scenario:
    data = copy.deepcopy(BASE)
    data["sos"]["worry_statements"] = [{"id": "w1", "text": text}]
    data["plan"]["tasks"][0].update(task_updates)
    return Scenario.model_validate(data)


def _about(about=("aunt",), **task_updates) -> Scenario:
    return make(task_updates={"about": list(about), **task_updates})


@pytest.mark.parametrize("kind", ["phone_call", "visit", "monitoring", "supervise_contact", "transport", "school_run",
                                  "respite", "overnight", "meal", "activity", "appointment"])
@pytest.mark.parametrize("worry", [None, "w1"])
def test_a_person_of_worry_is_never_given_any_kind_of_job(kind, worry):
    s = make({"safety": WORRY}, {"kind": kind, "worry": worry})
    for primary, backups, role in (("aunt", ("gran",), "main person"), ("gran", ("aunt",), "backup")):
        (problem,) = [p for p in check_plan(s, [Assignment(task="task", primary=primary, backups=backups)])
                      if p.rule == "safety"]
        assert problem.person_id == "aunt" and problem.level == "problem"
        assert f"Aunt Jo ({role})" in problem.message and "'Afternoon visit'" in problem.message
        assert "Pushed Kid's mum in March" in problem.message and "never given a job like that" in problem.message


def test_job_roles_come_from_the_task_data_not_its_title():
    from fncoach.plan import job_roles

    s = make(task_updates={"kind": "transport", "requires": ["drive"], "title": "Phone call"})
    assert job_roles(s, s.plan.tasks[0]) == ("takes Kid somewhere", "is there to keep them safe")
    s = _about(kind="phone_call", worry=None)
    assert job_roles(s, s.plan.tasks[0]) == ("checks on Aunt Jo",)
    s = make(task_updates={"kind": "meal", "worry": None, "requires": ["host_overnight"]})
    assert job_roles(s, s.plan.tasks[0]) == ("has Kid in their care",)


def test_the_person_a_job_is_about_cannot_hold_it_as_main_person_or_backup():
    s = _about()
    assert ("about_themselves", "aunt") in rules(s, primary="aunt", backups=("gran",))
    assert ("about_themselves", "aunt") in rules(s, primary="gran", backups=("aunt",))
    assert rules(s, primary="gran", backups=()) == [("no_backup", "gran")]
    (problem,) = [p for p in check_plan(s, [Assignment(task="task", primary="aunt", backups=("gran",))])
                  if p.rule == "about_themselves"]
    assert "about Aunt Jo's own behaviour" in problem.message and "someone else in the network" in problem.message


def test_about_themselves_is_read_from_the_task_data_never_from_names_in_the_title():
    # The title names Aunt Jo and the worry statement is about her, but the task says it is about Gran.
    data = copy.deepcopy(BASE)
    data["sos"]["worry_statements"] = [{"id": "w1", "text": "Gran is worried that Aunt Jo might drink."}]
    data["plan"]["tasks"][0].update({"title": "Saturday time with Aunt Jo", "kind": "supervise_contact",
                                     "about": ["gran"]})
    s = Scenario.model_validate(data)
    assert [r for r in rules(s, primary="aunt", backups=("gran",)) if r[0] == "about_themselves"] == [
        ("about_themselves", "gran")]


def test_an_own_commitment_can_be_theirs_and_someone_else_checks_it():
    s = make({"safety": WORRY}, {"about": ["aunt"], "own_commitment": True, "checked_by": "gran",
                                 "title": "Leave the house and ring Gran when an argument builds"})
    assert rules(s, primary="aunt", backups=("gran",)) == []
    # Given to someone else as main person, it is not their promise to keep.
    (problem,) = [p for p in check_plan(s, [Assignment(task="task", primary="gran", backups=("aunt",))])
                  if p.rule == "own_commitment"]
    assert "Aunt Jo's own promise" in problem.message and "Gran checking it" in problem.message


def test_an_own_commitment_of_one_person_does_not_let_another_person_of_worry_in():
    uncle = {"id": "uncle", "name": "Uncle Ray", "relationship": "Uncle", "domain": "family", "safety": WORRY}
    s = make(task_updates={"about": ["aunt"], "own_commitment": True, "checked_by": "gran"}, extra_people=[uncle])
    assert ("safety", "uncle") in rules(s, primary="aunt", backups=("uncle",))


@pytest.mark.parametrize("task_updates, message", [
    ({"own_commitment": True, "checked_by": "gran"}, "needs 'about'"),
    ({"own_commitment": True, "about": ["aunt"]}, "needs checked_by"),
    ({"about": ["aunt"], "checked_by": "aunt"}, "nobody checks on themselves"),
])
def test_an_own_commitment_or_checker_that_cannot_work_is_a_scenario_error(task_updates, message):
    with pytest.raises(ValueError, match=message):
        make(task_updates=task_updates)


def test_a_person_of_worry_never_checks_a_job():
    s = make({"safety": WORRY}, {"checked_by": "aunt"})
    (problem,) = [p for p in check_plan(s, [Assignment(task="task", primary="gran", backups=())])
                  if p.rule == "checker"]
    assert problem.person_id == "aunt" and "'Afternoon visit'" in problem.message and "never checks" in problem.message


def test_the_about_field_is_checked_as_a_reference(tmp_path):
    import yaml

    from fncoach.scenario import ScenarioError, load_scenario

    data = copy.deepcopy(BASE)
    data["plan"]["tasks"][0]["about"] = ["nobody_here"]
    path = tmp_path / "t.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    with pytest.raises(ScenarioError) as error:
        load_scenario(path)
    assert "plan.tasks[0].about[0]" in str(error.value) or "about" in str(error.value)


def test_the_tiny_scenario_morning_call_is_about_ciara(tiny):
    problems = check_plan(tiny, [Assignment(task="t_morning_call", primary="ciara", backups=("gran",))])
    assert {("about_themselves", "ciara"), ("safety", "ciara")} <= {(p.rule, p.person_id) for p in problems}


def test_unsafe_changes_are_the_new_safety_problems_only():
    from fncoach.plan import unsafe_changes

    s = make({"safety": WORRY})
    before = [Assignment(task="task", primary="aunt")]
    # Already unsafe before: adding a safe backup brings nothing new.
    assert unsafe_changes(s, before, [Assignment(task="task", primary="aunt", backups=("gran",))]) == ()
    (new,) = unsafe_changes(s, [Assignment(task="task", primary="gran")],
                            [Assignment(task="task", primary="gran", backups=("aunt",))])
    assert (new.rule, new.person_id) == ("safety", "aunt")


# --------------------------------------------------------------------------- the bundled cases


def _bundled(name):
    from fncoach.scenario import load_scenario

    return load_scenario(next(p for p in bundled_scenario_files() if p.stem == name))


@pytest.mark.parametrize("scenario, task, person, words", [
    ("care_leaver_adult_network", "t_gp", "jordan", ["Jordan (main person)", "takes Shania somewhere"]),
    ("uasc_family_abroad", "t_cousin_visit", "gaz", ["Gaz (main person)", "'Cousin Filmon's visit'"]),
    ("no_one_fathers_side", "t_evening_call", "gemma", ["Gemma Thornton (main person)", "checks on Gemma"]),
])
def test_the_cases_from_the_issue_are_refused_with_the_reason(scenario, task, person, words):
    s = _bundled(scenario)
    model = next(a for a in s.plan.model_plan if a.task == task)
    plan = [a for a in s.plan.model_plan if a.task != task] + [Assignment(task=task, primary=person,
                                                                          backups=(model.primary,))]
    problems = [p for p in check_plan(s, plan) if p.person_id == person and p.level == "problem"]
    assert "safety" in {p.rule for p in problems}
    message = next(p.message for p in problems if p.rule == "safety")
    for word in words:
        assert word in message
    title = next(t.title for t in s.plan.tasks if t.id == task)
    assert f"'{title}'" in message


def test_gemma_making_her_own_evening_check_call_is_about_herself():
    s = _bundled("no_one_fathers_side")
    problems = check_plan(s, [Assignment(task="t_evening_call", primary="gemma", backups=("marcia",))])
    assert ("about_themselves", "gemma") in {(p.rule, p.person_id) for p in problems}


def _every_job_for_every_person_of_worry():
    from fncoach.scenario import load_scenario

    for path in bundled_scenario_files():
        s = load_scenario(path)
        for person in s.people:
            if person.safety.status == "worry":
                for task in s.plan.tasks:
                    yield pytest.param(s, task, person, id=f"{s.meta.id}-{task.id}-{person.id}")


@pytest.mark.parametrize("scenario, task, person", list(_every_job_for_every_person_of_worry()))
def test_every_job_given_to_a_person_of_worry_in_a_bundled_case_is_flagged(scenario, task, person):
    other = next(p.id for p in scenario.people if p.safety.status == "safe" and p.id != person.id)
    for plan in ([Assignment(task=task.id, primary=person.id, backups=(other,))],
                 [Assignment(task=task.id, primary=other, backups=(person.id,))]):
        found = {(p.rule, p.person_id) for p in check_plan(scenario, plan)}
        if task.own_commitment and person.id in task.about:
            assert ("safety", person.id) not in found  # their own promise, checked by someone else
        else:
            assert ("safety", person.id) in found


def test_bundled_model_plans_hold_no_safety_problem(bundled_path):
    from fncoach.scenario import load_scenario

    s = load_scenario(bundled_path)
    assert [p.message for p in check_plan(s, s.plan.model_plan) if p.rule in {"safety", "about_themselves",
                                                                             "own_commitment", "checker"}] == []


def test_kwames_sunday_call_is_his_own_commitment_checked_by_siobhan():
    s = _bundled("long_term_foster_links")
    task = next(t for t in s.plan.tasks if t.id == "t_dad_call")
    assert task.own_commitment and task.about == ("kwame",) and task.checked_by == "siobhan"
    found = check_plan(s, [Assignment(task="t_dad_call", primary="kwame", backups=("shannon",))])
    assert [p for p in found if p.person_id == "kwame"] == []
    chloe = check_plan(s, [Assignment(task="t_dad_call", primary="chloe", backups=("shannon",))])
    assert ("safety", "chloe") in {(p.rule, p.person_id) for p in chloe}


def test_backup_cover_by_hand():
    from fncoach.plan import backup_cover

    worry = {"id": "w", "name": "Wes", "relationship": "Friend", "domain": "friends",
             "safety": {"status": "worry", "reason": "Test."}}
    s = make(extra_people=[worry])
    plan = [Assignment(task="task", primary="aunt", backups=("aunt", "w"))]  # herself and a worry: no backup
    cover = backup_cover(s, plan)
    assert cover.backed == () and cover.no_backup == (("task", "aunt"),) and cover.share == 0.0
    assert backup_cover(s, [Assignment(task="task", primary="aunt", backups=("w", "gran"))]).backed == ("task",)
    assert backup_cover(s, [Assignment(task="task", primary="w", backups=("gran",))]).no_one == ("task",)
    assert backup_cover(s, plan, people=["aunt", "w"]).backed == ("task",)
    assert backup_share(s, []) == 0.0


@pytest.mark.parametrize("name, short", [
    ("Pat Walsh (Nana Pat)", "Nana Pat"),
    ("Mum (Donna)", "Mum"),
    ("Shona McBride", "Shona"),
    ("Ms Lowe", "Ms Lowe"),      # a title stays with its name (not "Ms")
    ("Aunty Bev", "Aunty Bev"),
    ("Gran", "Gran"),
])
def test_everyday_name(name, short):
    from fncoach.plan import everyday_name

    assert everyday_name(name) == short


# --------------------------------------------------------------------------- saved plans and grouped problems


def test_fit_saved_plan_keeps_what_fits_and_lists_the_rest():
    s = make()
    saved = fit_saved_plan(s, {"assignments": [
        {"task": "task", "primary": "ghost", "backups": ["gran", "", "aunt", "pal"]},
        {"task": "retired_task", "primary": "gran"},
        "not a row",
    ]}, backup_places=2)
    # "ghost" is nobody here; empty backups are dropped before the places are filled; "pal" has no place left
    assert saved.choices == {"task": ("", ("gran", "aunt"))}
    assert saved.skipped == ("ghost", "pal", "retired_task")


def test_fit_saved_plan_with_nothing_saved():
    s = make()
    assert fit_saved_plan(s, None, backup_places=3).choices == {"task": ("", ("", "", ""))}
    assert fit_saved_plan(s, {"assignments": []}).skipped == ()


def test_fit_saved_plan_marks_unknown_backups_in_their_place():
    saved = fit_saved_plan(make(), {"assignments": [
        {"task": "task", "primary": "aunt", "backups": ["nobody", "gran"]}]})
    assert saved.choices == {"task": ("aunt", ("", "gran"))} and saved.skipped == ("nobody",)


def test_problems_by_task_keeps_order_and_separates_whole_load_problems():
    one = PlanProblem("a", "gran", "no_backup", "One.")
    two = PlanProblem(None, "gran", "overloaded", "Two.")
    three = PlanProblem("b", None, "no_backup", "Three.")
    four = PlanProblem("a", "aunt", "too_far", "Four.")
    by_task, general = problems_by_task([one, two, three, four])
    assert by_task == {"a": (one, four), "b": (three,)} and list(by_task) == ["a", "b"]
    assert general == (two,)
    assert problems_by_task([]) == ({}, ())


# --------------------------------------------------------------------------- plan files (read by fncoach.yamlfile)


def _plan_problems(tmp_path, text: str, scenario=None) -> list:
    from fncoach.examples import example_scenario
    from fncoach.plan import PlanFileError, load_plan_file

    path = tmp_path / "plan.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(PlanFileError) as caught:
        load_plan_file(path, scenario or example_scenario())
    assert str(caught.value).startswith("the plan file has ")
    return caught.value.problems


@pytest.mark.parametrize(("text", "line", "column", "field", "words"), [
    ("- task: call\n  primary: grann\n", 2, 12, "entry 1, primary", "'grann' is not one of the people in example. Did you mean 'gran'?"),
    ("- task: cal\n  primary: gran\n", 1, 9, "entry 1, task", "there is no task 'cal' in example. Did you mean 'call'?"),
    ("- task: phone\n  primary: gran\n", 1, 9, "entry 1, task", "Use one of: call, sleepover."),
    ("- task: call\n  primary: gran\n  backup: [dev]\n", 3, 3, "entry 1, backup", "unknown key 'backup'. Did you mean 'backups'?"),
    ("- task: call\n  primary: gran\n  colour: red\n", 3, 3, "entry 1, colour", "Use only task, primary and backups."),
    ("- task: call\n  primary: gran\n  backups: [dev, devv]\n", 3, 18, "entry 1, backup 2", "'devv' is not one of the people in example. Did you mean 'dev'?"),
    ("- task: call\n  primary: gran\n  backups: {dev: yes}\n", 3, 12, "entry 1, backups", "should be a list of person ids"),
    ("- task: call\n  primary: gran\n  primary: dev\n", 3, 3, "entry 1, primary", "appears twice"),
    ("- task: call\n  primary: gran\n- task: call\n  primary: dev\n", 3, 9, "entry 2, task", "is in the plan twice"),
    ("- task: call\n- just words\n", 1, 3, "entry 1, primary", "the main person (primary) is missing"),
    ("- task: call\n  primary: gran\n- just words\n", 3, 3, "entry 2", "each entry should have task, primary and backups"),
    ("assignments:\n  - task: call\n    primary: nobody\n", 3, 14, "entry 1, primary", "'nobody' is not one of the people"),
    ("task: call\nprimary: gran\n", 1, 1, "", "the plan should be a list of tasks"),
    ("- task: [call\n", 2, 1, "", "this is not valid YAML or JSON"),
])
def test_plan_file_problems_name_line_column_and_field(tmp_path, text, line, column, field, words):
    problem = _plan_problems(tmp_path, text)[0]
    assert (problem.line, problem.column, problem.field) == (line, column, field), str(problem)
    assert words in str(problem)
    assert str(problem).startswith(f"{tmp_path / 'plan.yaml'}:{line}:{column}:")


def test_plan_file_reports_every_problem_in_file_order(tmp_path):
    problems = _plan_problems(tmp_path, "- {task: call, primary: grann}\n- {task: sleepover, primary: gran, backups: [x]}\n"
                                        "- task: call\n  task: call\n")
    assert [(p.line, p.field) for p in problems] == [(1, "entry 1, primary"), (2, "entry 2, backup 1"),
                                                     (3, "entry 3, primary"), (3, "entry 3, task"), (4, "entry 3, task")]


def test_plan_file_unquoted_words_stay_ids(tmp_path):
    """YAML 1.2: a person whose id is ``no`` or ``on`` is not read as false or true."""
    from fncoach.examples import example_scenario
    from fncoach.plan import load_plan_file

    data = example_scenario().model_dump(mode="json")
    data["people"][1]["id"] = "no"
    scenario = Scenario.model_validate(data)
    path = tmp_path / "plan.yaml"
    path.write_text("- {task: call, primary: gran, backups: [no]}\n", encoding="utf-8")
    assert load_plan_file(path, scenario) == (Assignment(task="call", primary="gran", backups=("no",)),)


@pytest.mark.parametrize(("content", "words"), [
    (None, "there is no plan file here"),
    (b"", "the file is empty"),
    (b"- task: call\n  primary: Zo\xeb\n", "not saved as UTF-8"),
    (b"- !!python/object/apply:os.system [echo]\n", "Python object tag"),
])
def test_plan_file_whole_file_problems(tmp_path, content, words):
    from fncoach.examples import example_scenario
    from fncoach.plan import PlanFileError, load_plan_file

    path = tmp_path / "plan.yaml"
    if content is not None:
        path.write_bytes(content)
    with pytest.raises(PlanFileError, match="the plan file has 1 problem:") as caught:
        load_plan_file(path, example_scenario())
    assert words in caught.value.problems[0].message
