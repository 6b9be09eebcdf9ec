"""One check for every way a plan can change (fncoach.planchange): what it stops, tells and lets through."""

from __future__ import annotations

from fncoach.examples import tiny_scenario
from fncoach.model import Assignment
from fncoach.plan import check_plan
from fncoach.planchange import check_plan_change, check_whole_plan, review_plan_points


def test_whole_plan_adds_only_people_not_found_yet_to_check_plan():
    s = tiny_scenario()
    plan = [Assignment(task="t_morning_call", primary="gran", backups=("aunt_niamh",))]
    extra = set(check_whole_plan(s, plan)) - set(check_plan(s, plan))
    assert [(p.person_id, p.rule) for p in extra] == [("aunt_niamh", "not_found")]
    assert set(check_plan(s, plan)) <= set(check_whole_plan(s, plan))


def test_a_change_bringing_in_a_safety_finding_is_not_made_and_says_why():
    s = tiny_scenario()
    plan = (Assignment(task="t_school_run", primary="gran"),)
    result = check_plan_change(s, plan, {"kind": "swap_person", "task": "t_school_run", "old": "gran", "new": "ciara"})
    assert not result.made and result.plan == plan and result.scenario is s
    assert "the same check as in the plan exercise" in result.text
    assert any(p.rule == "about_themselves" for p in result.brought_in)


def test_a_change_with_other_findings_is_made_and_they_are_told():
    s = tiny_scenario()
    plan = (Assignment(task="t_morning_call", primary="gran"),)
    result = check_plan_change(s, plan, {"kind": "add_backup", "task": "t_morning_call", "person": "uncle_dev"})
    assert result.made and result.plan[0].backups == ("uncle_dev",)
    assert result.level == "warn" and "not free" in result.text  # Dev is not free at 7.30 on weekdays
    # an earlier finding the change did not bring in is not repeated as new
    assert all(p.rule != "no_backup" for p in result.brought_in)


def test_review_points_name_unsafe_jobs_not_marked_for_change():
    s = tiny_scenario()
    plan = [Assignment(task="t_school_run", primary="ciara"), Assignment(task="t_morning_call", primary="gran")]
    points = review_plan_points(s, plan, ["t_morning_call"])
    assert len(points) >= 1 and all("school pick-up" in p for p in points)
    assert review_plan_points(s, plan, ["t_school_run"]) == ()
