"""Tests for fncoach.drills: hand-worked drills, exact vs Monte Carlo, determinism, what-would-you-do."""

from __future__ import annotations

import copy

import numpy as np
import pytest

from fncoach.drills import (
    add_backup,
    apply_plan_change,
    compare_runs,
    describe_plan_change,
    exact_coverage,
    monte_carlo,
    move_task,
    replay_plan_changes,
    simulate,
    starting_plan,
    swap_person,
)
from fncoach.model import Assignment, Scenario
from fncoach.plan import model_assignments, occurrences
from fncoach.scenario import load_scenario
from fresh import same_in_fresh_processes

EVERY_DAY = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]

BASE = {
    "meta": {"id": "drill", "title": "Drill test", "summary": "A small case for drill tests.", "learning_goals": ["Test."]},
    "child": {"id": "kid", "name": "Kid", "age": 8, "lives_now": "With Mum."},
    "people": [
        {"id": "gran", "name": "Gran", "relationship": "Grandmother", "domain": "family"},
        {"id": "aunt", "name": "Aunt Jo", "relationship": "Aunt", "domain": "family"},
        {"id": "pal", "name": "Pal", "relationship": "Family friend", "domain": "friends",
         "available": [{"days": ["sat", "sun"], "start": "09:00", "end": "18:00"}]},
    ],
    "sos": {"cards": [{"id": "c1", "text": "Mum loves Kid.", "column": "strength", "explanation": "A strength."}]},
    "plan": {"tasks": [
        {"id": "call", "title": "Evening call", "kind": "phone_call", "in_person": False,
         "when": {"weekly": EVERY_DAY, "start": "17:00", "end": "17:15"}},
    ]},
    "drills": {"start_date": "2026-01-05", "days": 7, "absence_chance": 0.0, "events": [
        {"id": "e1", "person": "gran", "from_day": 3, "to_day": 5, "reason": "Gran is on holiday"},
        {"id": "e2", "person": "aunt", "from_day": 4, "to_day": 4, "reason": "Aunt Jo is at a hospital appointment"},
    ]},
    "meetings": [{"id": "m1", "kind": "initial", "week": 0, "title": "First meeting"}],
}

PLAN = (Assignment(task="call", primary="gran", backups=("aunt",)),)


def make(**drills) -> Scenario:
    data = copy.deepcopy(BASE)
    data["drills"].update(drills)
    return Scenario.model_validate(data)


@pytest.fixture
def scenario() -> Scenario:
    return make()


# --------------------------------------------------------------------------- the hand-worked drill


def test_primary_away_3_to_5_backup_away_4_leaves_exactly_day_4(scenario):
    run = simulate(scenario, PLAN, seed=0)
    assert [(u.task, u.day) for u in run.uncovered] == [("call", 4)]
    assert [(o.day, o.covered_by, o.role) for o in run.log] == [
        (1, "gran", "primary"), (2, "gran", "primary"), (3, "aunt", "backup"), (4, None, None),
        (5, "aunt", "backup"), (6, "gran", "primary"), (7, "gran", "primary")]
    assert run.coverage == pytest.approx(6 / 7)
    reason = run.uncovered[0].reason
    assert "Gran is on holiday" in reason and "hospital appointment" in reason


def test_backups_used_and_single_points(scenario):
    run = simulate(scenario, PLAN, seed=0)
    assert [(b.person, b.times, b.tasks) for b in run.backups_used] == [("aunt", 2, ("call",))]
    # Days 3 and 5: only Aunt Jo could do it.
    assert [(p.person, p.occurrences) for p in run.single_points] == [("aunt", 2)]


def test_without_events_everything_is_covered(scenario):
    run = simulate(scenario, PLAN, seed=0, events=False)
    assert run.uncovered == () and run.coverage == 1.0 and run.backups_used == ()


def test_no_backup_is_named_in_the_reason(scenario):
    run = simulate(scenario, [Assignment(task="call", primary="gran")], seed=0)
    assert [u.day for u in run.uncovered] == [3, 4, 5]
    assert all("no backup" in u.reason for u in run.uncovered)


def test_unassigned_task_is_uncovered_every_time(scenario):
    run = simulate(scenario, [], seed=0)
    assert run.coverage == 0.0 and len(run.uncovered) == 7
    assert "Nobody is named" in run.uncovered[0].reason


def test_person_not_free_at_that_time_cannot_step_in(scenario):
    # Pal only helps at weekends 9am-6pm; 5 Jan 2026 is a Monday, so days 6 and 7 are the weekend.
    plan = [Assignment(task="call", primary="pal")]
    run = simulate(scenario, plan, seed=0)
    assert [o.day for o in run.log if o.covered] == [6, 7]
    assert "not free at 5pm on a Monday" in run.uncovered[0].reason


def test_everyday_absence_makes_the_backup_step_in():
    s = make(absence_chance=0.5, events=[])
    run = simulate(s, PLAN, seed=4)
    absent = {(d, p) for d, p in run.absences}
    for o in run.log:
        if o.covered_by == "aunt":
            assert (o.day, "gran") in absent and "ill or tied up" in o.reason
        if o.covered_by is None:
            assert {(o.day, "gran"), (o.day, "aunt")} <= absent


# --------------------------------------------------------------------------- determinism and Monte Carlo


def test_same_seed_same_drill_and_different_seeds_differ():
    same_in_fresh_processes("""
        from fncoach.drills import monte_carlo, simulate
        from fncoach.examples import tiny_scenario
        from fncoach.plan import model_assignments
        s = tiny_scenario()
        plan = model_assignments(s)
        print(simulate(s, plan, seed=7))
        print(monte_carlo(s, plan, runs=50, seed=7))
    """)
    s = make(absence_chance=0.3)
    logs = {tuple(o.covered_by for o in simulate(s, PLAN, seed=k).log) for k in range(10)}
    assert len(logs) > 1


def test_run_zero_of_monte_carlo_is_simulate():
    s = make(absence_chance=0.3)
    for seed in range(5):
        assert monte_carlo(s, PLAN, runs=1, seed=seed).coverage == pytest.approx(simulate(s, PLAN, seed=seed).coverage)


def test_monte_carlo_matches_a_plain_loop_over_the_same_draws():
    s = make(absence_chance=0.35)
    runs = 40
    summary = monte_carlo(s, PLAN, runs=runs, seed=11)
    absent = np.random.default_rng(11).random((runs, 7, 3), dtype=np.float32) < np.float32(0.35)
    away = {("gran", d) for d in (3, 4, 5)} | {("aunt", 4)}
    index = {"gran": 0, "aunt": 1}
    expected = []
    for r in range(runs):
        covered = 0
        for day in range(1, 8):
            covered += any((pid, day) not in away and not absent[r, day - 1, index[pid]] for pid in ("gran", "aunt"))
        expected.append(covered / 7)
    assert summary.distribution == pytest.approx(expected)


def test_monte_carlo_chunks_do_not_change_the_stream(monkeypatch):
    import fncoach.drills as drills

    s = make(absence_chance=0.3)
    whole = monte_carlo(s, PLAN, runs=30, seed=2)
    monkeypatch.setattr(drills, "_CHUNK_RUNS", 7)
    assert monte_carlo(s, PLAN, runs=30, seed=2).distribution == pytest.approx(whole.distribution)


def test_exact_coverage_hand_worked():
    s = make(absence_chance=0.2)
    exact = exact_coverage(s, PLAN)
    # Days 1, 2, 6, 7: two people, 1 - 0.2**2 = 0.96; days 3 and 5: only Aunt Jo, 0.8; day 4: nobody.
    assert [p for _, _, p in exact.per_occurrence] == pytest.approx([0.96, 0.96, 0.8, 0.0, 0.8, 0.96, 0.96])
    assert exact.coverage == pytest.approx((4 * 0.96 + 2 * 0.8) / 7)


@pytest.mark.parametrize("chance", [0.05, 0.2, 0.5])
def test_monte_carlo_agrees_with_exact_within_three_standard_errors(chance):
    data = copy.deepcopy(BASE)
    data["plan"]["tasks"].append({"id": "visit", "title": "Weekend visit", "kind": "visit",
                                  "when": {"weekly": ["sat", "sun"], "start": "10:00", "end": "12:00"}})
    data["drills"].update(absence_chance=chance, days=28)
    s = Scenario.model_validate(data)
    plan = (*PLAN, Assignment(task="visit", primary="pal", backups=("aunt", "gran")))
    exact = exact_coverage(s, plan)
    summary = monte_carlo(s, plan, runs=4000, seed=5)
    assert abs(summary.coverage - exact.coverage) <= 3 * summary.standard_error + 1e-12
    # Per task: days are independent, so the variance of a task's mean coverage is sum p(1-p) / n^2 / runs.
    for task in exact.per_task:
        ps = np.array([p for t, _, p in exact.per_occurrence if t == task])
        se = np.sqrt((ps * (1 - ps)).sum() / len(ps) ** 2 / summary.runs)
        assert abs(summary.per_task[task] - exact.per_task[task]) <= 3 * se + 1e-9, task
    # Per occurrence there are dozens of comparisons, so allow a wider band (and a little for rare misses).
    for (task, day, p), (_, _, mean) in zip(exact.per_occurrence, summary.per_occurrence):
        se = np.sqrt(p * (1 - p) / summary.runs)
        assert abs(mean - p) <= 5 * se + 3 / summary.runs, (task, day)


def test_summary_contents():
    s = make(absence_chance=0.2)
    summary = monte_carlo(s, PLAN, runs=500, seed=1)
    assert len(summary.distribution) == 500 and all(0 <= c <= 1 for c in summary.distribution)
    assert summary.share_with_gaps == 1.0  # day 4 is always uncovered
    assert list(summary.backups_used) == ["aunt"]
    assert summary.per_task["call"] == pytest.approx(summary.coverage)


@pytest.mark.parametrize("bad", [-1, 1.5, "3", True])
def test_bad_seed_is_a_plain_error(scenario, bad):
    with pytest.raises(ValueError, match="seed"):
        simulate(scenario, PLAN, seed=bad)


def test_bad_runs_is_a_plain_error(scenario):
    with pytest.raises(ValueError, match="runs"):
        monte_carlo(scenario, PLAN, runs=0)


# --------------------------------------------------------------------------- what would you do?


def test_a_backup_who_is_not_free_then_does_not_help(scenario):
    before = simulate(scenario, PLAN, seed=0)
    s2, plan2 = apply_plan_change(scenario, PLAN, {"kind": "add_backup", "task": "call", "person": "pal"})
    # Pal is only free at weekends, so day 4 (a Thursday) stays uncovered.
    assert compare_runs(before, simulate(s2, plan2, seed=0)).newly_covered == ()
    # Swapping Pal for someone already named leaves the plan as it was.
    plan3 = swap_person(plan2, "call", "pal", "aunt")
    assert plan3 == PLAN


def test_compare_runs_reports_newly_covered_and_uncovered(scenario):
    data = copy.deepcopy(BASE)
    data["people"][2]["available"] = []
    s = Scenario.model_validate(data)
    before = simulate(s, PLAN, seed=0)
    after = simulate(s, add_backup(PLAN, "call", "pal"), seed=0)
    comparison = compare_runs(before, after)
    assert comparison.newly_covered == (("call", 4),)
    assert comparison.newly_uncovered == ()
    assert comparison.change == pytest.approx(1 / 7)
    assert comparison.headline == "Coverage went up from 86% to 100%."
    assert "'Evening call' on day 4" in comparison.lines[1]
    worse = compare_runs(after, before)
    assert worse.newly_uncovered == (("call", 4),) and "went down" in worse.headline


def test_moving_a_time_changes_who_is_free(scenario):
    plan = [Assignment(task="call", primary="pal")]
    moved = move_task(scenario, "call", weekly=["sat", "sun"], start="10:00", end="10:15")
    assert occurrences(moved, moved.plan.tasks[0]) == (6, 7)
    run = simulate(moved, plan, seed=0)
    assert run.coverage == 1.0
    comparison = compare_runs(simulate(scenario, plan, seed=0), run)
    assert "went up" in comparison.headline


@pytest.mark.parametrize("change, message", [
    ({"kind": "add_backup", "task": "nope", "person": "pal"}, "no task 'nope'"),
    ({"kind": "add_backup", "task": "call", "person": "ghost"}, "not one of the people"),
    ({"kind": "swap_person", "task": "call", "old": "pal", "new": "aunt"}, "not in the plan"),
    ({"kind": "move_task", "task": "call", "start": "25:00"}, "start"),
    ({"kind": "dance"}, "unknown change"),
])
def test_bad_changes_are_plain_errors(scenario, change, message):
    with pytest.raises(ValueError, match=message):
        apply_plan_change(scenario, PLAN, change)


def test_adding_a_person_to_an_empty_job_makes_them_the_main_person(scenario):
    _, plan = apply_plan_change(scenario, (), {"kind": "add_backup", "task": "call", "person": "gran"})
    assert plan == (Assignment(task="call", primary="gran"),)
    _, plan = apply_plan_change(scenario, plan, {"kind": "add_backup", "task": "call", "person": "pal"})
    assert plan == (Assignment(task="call", primary="gran", backups=("pal",)),)


def test_add_backup_ignores_someone_already_named():
    assert add_backup(PLAN, "call", "aunt") == PLAN
    assert add_backup(PLAN, "call", "gran") == PLAN


# --------------------------------------------------------------------------- bundled scenarios


def test_tiny_fixture_drills(tiny):
    run = simulate(tiny, model_assignments(tiny), seed=0)
    assert 0 <= run.coverage <= 1 and len(run.log) > 0
    assert run.to_dict()["uncovered"] == [u.to_dict() for u in run.uncovered]


def test_every_bundled_scenario_drills_and_its_events_matter(bundled_path):
    path = bundled_path
    s = load_scenario(path)
    plan = model_assignments(s)
    assert plan, f"{path.name} has no model plan"
    with_events = simulate(s, plan, seed=0)
    without = simulate(s, plan, seed=0, events=False)
    assert len(with_events.log) > 0
    assert s.drills.events, f"{path.name} has no scripted events"
    changed = [(a.task, a.day, a.covered_by, b.covered_by) for a, b in zip(with_events.log, without.log)
               if a.covered_by != b.covered_by]
    assert changed, f"the scripted events in {path.name} change nothing in the model plan's drill"
    assert exact_coverage(s, plan).coverage <= exact_coverage(s, plan, events=False).coverage
    assert monte_carlo(s, plan, runs=20, seed=0).runs == 20


def test_packed_cover_matches_the_plain_array_version():
    from fncoach.drills import _cover, _cover_packed

    rng = np.random.default_rng(9)
    for size in (1, 7, 8, 13, 64):
        absent = rng.random((size, 5, 6)) < 0.4
        day_idx = rng.integers(0, 5, 20)
        chain = rng.integers(0, 6, (20, 3))
        able = rng.random((20, 3)) < 0.8
        covered, first = _cover(absent, day_idx, chain, able)
        per_run, occ_counts, gap_runs, rescued = _cover_packed(absent, day_idx, chain, able)
        assert per_run.tolist() == covered.sum(axis=1).tolist()
        assert occ_counts.tolist() == covered.sum(axis=0).tolist()
        assert gap_runs == int((~covered).any(axis=1).sum())
        who = chain[np.arange(20)[None, :], first]
        expected = np.bincount(who[covered & (first > 0)], minlength=6)
        assert rescued.tolist() == expected.tolist()


# --------------------------------------------------------------------------- starting plan, replaying changes


def test_starting_plan_keeps_the_model_plan_for_facilitators(scenario):
    with_model = Scenario.model_validate({**copy.deepcopy(BASE), "plan": {**BASE["plan"], "model_plan": [
        {"task": "call", "primary": "aunt"}]}})
    assert starting_plan(with_model) == ()
    assert starting_plan(with_model, model_answers=True) == (Assignment(task="call", primary="aunt"),)
    assert starting_plan(with_model, PLAN, model_answers=True) == PLAN  # the learner's plan comes first
    assert starting_plan(with_model, []) == ()


def test_replay_keeps_what_fits_in_order(scenario):
    changes = [{"kind": "add_backup", "task": "call", "person": "pal"},
               {"kind": "add_backup", "task": "call", "person": "ghost"},
               {"kind": "swap_person", "task": "call", "old": "aunt"},  # "new" missing: KeyError, skipped
               {"kind": "move_task", "task": "call", "weekly": ["sat"], "start": "10:00", "end": "10:15"},
               {"kind": "dance"}]
    replay = replay_plan_changes(scenario, PLAN, changes)
    assert replay.plan == (Assignment(task="call", primary="gran", backups=("aunt", "pal")),)
    assert replay.scenario.plan.tasks[0].when.weekly == ("sat",) and scenario.plan.tasks[0].when.weekly != ("sat",)
    assert replay.kept == (changes[0], changes[3])
    assert [c.get("kind") for c in replay.skipped] == ["add_backup", "swap_person", "dance"]


@pytest.mark.parametrize("change, plan, words", [
    ({"kind": "add_backup", "task": "call", "person": "pal"}, PLAN, "Pal is now a backup for 'Evening call'"),
    ({"kind": "add_backup", "task": "call", "person": "pal"}, (Assignment(task="call", primary="pal"),),
     "Pal is now the main person for 'Evening call'"),
    ({"kind": "swap_person", "task": "call", "old": "gran", "new": "pal"}, PLAN,
     "Pal instead of Gran for 'Evening call'"),
])
def test_describe_plan_change(scenario, change, plan, words):
    assert describe_plan_change(scenario, change, plan) == words


def test_describe_a_moved_time_reads_the_new_time(scenario):
    moved = move_task(scenario, "call", weekly=["sat"], start="10:00", end="10:15")
    assert describe_plan_change(moved, {"kind": "move_task", "task": "call"}) == (
        "'Evening call' now happens Saturdays, 10am to 10.15am")


def test_a_plan_change_that_gives_a_job_to_a_person_of_worry_is_refused(tiny):
    from fncoach.drills import apply_plan_change
    from fncoach.plan import UnsafePlanChange

    plan = model_assignments(tiny)
    with pytest.raises(UnsafePlanChange) as refused:
        apply_plan_change(tiny, plan, {"kind": "swap_person", "task": "t_school_run", "old": "gran", "new": "ciara"})
    rules = {(p.rule, p.person_id) for p in refused.value.problems}
    assert rules == {("safety", "ciara"), ("about_themselves", "ciara")}
    assert "Wednesday school pick-up" in str(refused.value) and "Ciara" in str(refused.value)
    # Swapping in someone safe is fine, and moving a time is never a safety change.
    _, safe = apply_plan_change(tiny, plan, {"kind": "swap_person", "task": "t_school_run", "old": "uncle_dev",
                                             "new": "aunt_niamh"})
    assert next(a for a in safe if a.task == "t_school_run").backups == ("aunt_niamh",)


def test_a_change_to_a_plan_that_was_already_unsafe_is_judged_on_what_it_adds(tiny):
    from fncoach.drills import apply_plan_change

    unsafe = (Assignment(task="t_school_run", primary="ciara"),)
    _, plan = apply_plan_change(tiny, unsafe, {"kind": "add_backup", "task": "t_school_run", "person": "gran"})
    assert plan[0].backups == ("gran",)
