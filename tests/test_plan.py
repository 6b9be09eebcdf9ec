"""Tests for fncoach.plan: every feasibility rule, on small hand-built scenarios."""

from __future__ import annotations

import copy

import pytest

from fncoach.model import Assignment, Scenario, TaskTime
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
    is_free,
    model_assignments,
    occurrences,
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
    assert [(p.rule, p.person_id) for p in problems] == [("safety", "aunt")]
    assert ("a worry" if status == "worry" else "still to be explored") in problems[0].message


def test_safety_status_does_not_block_a_phone_call():
    s = make({"safety": {"status": "to_explore", "reason": "Not met yet."}},
             {"kind": "phone_call", "in_person": False})
    assert rules(s) == []


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


def _with_worry(text: str, **task_updates) -> Scenario:
    data = copy.deepcopy(BASE)
    data["sos"]["worry_statements"] = [{"id": "w1", "text": text}]
    data["plan"]["tasks"][0].update(task_updates)
    return Scenario.model_validate(data)


def test_worry_about_the_person_assigned_is_flagged_for_main_person_and_backup():
    s = _with_worry("Gran is worried that Aunt Jo might drink in the afternoon and leave Kid alone.")
    assert ("about_themselves", "aunt") in rules(s, primary="aunt", backups=("gran",))
    assert ("about_themselves", "aunt") in rules(s, primary="gran", backups=("aunt",))
    assert not [r for r in rules(s, primary="gran", backups=()) if r[0] == "about_themselves"]
    (problem,) = [p for p in check_plan(s, [Assignment(task="task", primary="aunt", backups=("gran",))])
                  if p.rule == "about_themselves"]
    assert "worry about Aunt Jo themselves" in problem.message and "someone else in the network" in problem.message


def test_the_people_who_are_worried_are_not_what_the_worry_is_about():
    s = _with_worry("Aunt Jo is worried Kid will be left alone.")
    assert not [r for r in rules(s, primary="aunt") if r[0] == "about_themselves"]


def test_supervising_contact_with_themselves_is_flagged():
    s = _with_worry("Gran is worried Kid will be left alone.", kind="supervise_contact",
                    title="Saturday time with Aunt Jo")
    problems = [p for p in check_plan(s, [Assignment(task="task", primary="aunt", backups=("gran",))])
                if p.rule == "about_themselves"]
    assert [p.person_id for p in problems] == ["aunt"]
    assert "supervise contact with themselves" in problems[0].message
    assert not [r for r in rules(s, primary="gran", backups=()) if r[0] == "about_themselves"]


def test_own_time_with_the_child_is_not_flagged():
    # "Sunday call with Aunt Jo" is her own time with Kid: the worry is about her, but the task is hers to do.
    s = _with_worry("Gran is worried that Aunt Jo might stop calling Kid.", title="Sunday call with Aunt Jo")
    assert not [r for r in rules(s, primary="aunt") if r[0] == "about_themselves"]


def test_worry_subjects_in_the_tiny_scenario(tiny):
    from fncoach.plan import worry_subjects

    assert worry_subjects(tiny, "w1") == ("ciara",)
    assert worry_subjects(tiny, "nope") == ()
    problems = check_plan(tiny, [Assignment(task="t_morning_call", primary="ciara", backups=("gran",))])
    assert ("about_themselves", "ciara") in [(p.rule, p.person_id) for p in problems]


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
