"""Tests for fncoach.review: the evidence log, the three questions and feedback drawn from the drill."""

from __future__ import annotations

import copy

import pytest

from fncoach.drills import simulate
from fncoach.model import Assignment, Scenario
from fncoach.plan import model_assignments
from fncoach.review import (
    REVIEW_QUESTIONS,
    ReviewDecision,
    check_rescale,
    check_review,
    check_understanding,
    review_meeting,
    evidence_log,
    expected_verdict,
    review_prompts,
)
from fncoach.scenario import load_scenario
from fresh import same_in_fresh_processes

DATA = {
    "meta": {"id": "drill", "title": "Drill test", "summary": "A small case for drill tests.", "learning_goals": ["Test."]},
    "child": {"id": "kid", "name": "Kid", "age": 8, "lives_now": "With Mum."},
    "people": [{"id": "gran", "name": "Gran", "relationship": "Grandmother", "domain": "family"},
               {"id": "aunt", "name": "Aunt Jo", "relationship": "Aunt", "domain": "family"}],
    "sos": {"cards": [{"id": "c1", "text": "Mum loves Kid.", "column": "strength", "explanation": "A strength."}]},
    "plan": {"tasks": [
        {"id": "call", "title": "Evening call", "kind": "phone_call", "in_person": False, "checked_by": "aunt",
         "when": {"weekly": ["mon", "tue", "wed", "thu", "fri", "sat", "sun"], "start": "17:00", "end": "17:15"}},
        {"id": "tea", "title": "Sunday tea", "kind": "meal", "when": {"weekly": ["sun"], "start": "16:00", "end": "18:00"}},
    ]},
    "drills": {"start_date": "2026-01-05", "days": 7, "absence_chance": 0.0, "events": [
        {"id": "e1", "person": "gran", "from_day": 3, "to_day": 5, "reason": "Gran is on holiday"},
        {"id": "e2", "person": "aunt", "from_day": 4, "to_day": 4, "reason": "Aunt Jo is at hospital"}]},
    "meetings": [{"id": "m1", "kind": "initial", "week": 0, "title": "First meeting"}],
}
PLAN = (Assignment(task="call", primary="gran", backups=("aunt",)), Assignment(task="tea", primary="aunt", backups=("gran",)))


@pytest.fixture
def scenario():
    return Scenario.model_validate(copy.deepcopy(DATA))


@pytest.fixture
def run(scenario):
    return simulate(scenario, PLAN, seed=0)


def test_evidence_log_has_records_backup_texts_and_the_gap(scenario, run):
    log = evidence_log(scenario, run)
    gaps = [e for e in log if e.kind == "gap" and not e.covered]
    assert [(e.day, e.task) for e in gaps] == [(4, "call")]
    # Gran, away, texts the group on day 4; and asks Aunt Jo on days 3 and 5.
    texts = [e for e in log if e.kind == "text"]
    assert {e.day for e in texts} >= {3, 4, 5}
    assert any(e.kind == "call_log" for e in log) and any(e.kind == "diary" and e.task == "tea" for e in log)
    assert [e.day for e in log] == sorted(e.day for e in log)


def test_evidence_log_is_deterministic_and_seeded(scenario, run):
    same_in_fresh_processes("""
        from fncoach.drills import simulate
        from fncoach.examples import tiny_scenario
        from fncoach.plan import model_assignments
        from fncoach.review import evidence_log
        s = tiny_scenario()
        run = simulate(s, model_assignments(s), seed=3)
        print(evidence_log(s, run))
        print(evidence_log(s, run, seed=5))
    """)
    variants = {tuple(e.kind for e in evidence_log(scenario, run, seed=k)) for k in range(30)}
    assert len(variants) > 1  # record-keeping gaps depend on the seed


def test_hiding_gaps_leaves_blank_days(scenario, run):
    log = evidence_log(scenario, run, show_gaps=False)
    assert all(e.kind != "gap" for e in log)
    assert 4 not in {e.day for e in log if e.task == "call" and e.kind == "call_log"}


def test_review_prompts_follow_the_three_questions(scenario, run):
    prompts = review_prompts(scenario, run)
    assert tuple(p.question for p in prompts) == REVIEW_QUESTIONS
    first, second, third = (" ".join(p.points) for p in prompts)
    assert "Aunt Jo stepped in 2 times" in first and "Day 4, 'Evening call': nobody stepped in" in first
    assert "88% of the 8 times" in second and "'Evening call' was covered 86% of the time" in second
    assert "Checking the plan: Aunt Jo." in third


@pytest.mark.parametrize("coverage, uncovered, verdict", [(1.0, 0, "yes"), (0.9, 1, "partly"), (0.5, 3, "no")])
def test_expected_verdict(coverage, uncovered, verdict):
    class Run:
        pass

    r = Run()
    r.coverage, r.uncovered = coverage, tuple(range(uncovered))
    assert expected_verdict(r) == verdict


def test_saying_it_works_when_it_broke_is_questioned(run):
    feedback = check_review({"working": "yes"}, run)
    assert feedback.level == "warn"
    assert "nobody stepped in 1 time," in feedback.text and "'Evening call' on day 4" in feedback.text
    assert "not a sign the network has failed" in feedback.text


def test_a_fitting_decision_is_affirmed_and_reconvening_framed_as_normal(run):
    feedback = check_review({"working": "partly", "change": ["call"], "reconvene": True}, run)
    assert feedback.level == "good"
    assert "The drill agrees" in feedback.text and "normal part of making a plan work" in feedback.text
    assert "Say what went well too" in feedback.text


def test_missing_a_broken_task_is_named(run):
    feedback = check_review({"working": "partly", "change": ["tea"], "reconvene": True}, run)
    assert feedback.level == "warn"
    assert "not on your list to change: 'Evening call'" in feedback.text
    assert "'Sunday tea' was covered every time" in feedback.text


def test_saying_no_to_a_plan_that_held(scenario):
    run = simulate(scenario, PLAN, seed=0, events=False)
    feedback = check_review(ReviewDecision("no"), run)
    assert feedback.level == "warn" and "Every job was covered" in feedback.text


def test_record_gaps_are_raised_unless_mentioned(scenario):
    run = simulate(scenario, PLAN, seed=0, events=False)
    evidence = evidence_log(scenario, run, seed=3)
    silent = [e for e in evidence if e.kind == "gap" and e.covered]
    if not silent:  # find a seed with a record gap
        seed = next(k for k in range(100) if any(e.kind == "gap" for e in evidence_log(scenario, run, seed=k)))
        evidence = evidence_log(scenario, run, seed=seed)
    heard = check_understanding(scenario, {})  # this case has no answers from the network: nothing to miss
    assert "nobody wrote them down" in check_review({"working": "yes"}, run, evidence=evidence, understanding=heard).text
    noted = check_review({"working": "yes", "notes": "Ask them to keep a diary"}, run, evidence=evidence,
                         understanding=heard)
    assert "nobody wrote them down" not in noted.text and noted.level == "good"


@pytest.mark.parametrize("answers", [{}, {"working": "maybe"}])
def test_bad_decision_is_a_plain_error(run, answers):
    with pytest.raises(ValueError, match="choose whether the plan is working"):
        check_review(answers, run)


def test_decision_round_trip():
    decision = ReviewDecision("partly", ("call",), True, "Diary please")
    assert ReviewDecision.from_answers(decision.to_dict()) == decision


def test_every_bundled_scenario_review(bundled_path):
    s = load_scenario(bundled_path)
    run = simulate(s, model_assignments(s), seed=0)
    evidence = evidence_log(s, run)
    assert evidence and len(review_prompts(s, run, evidence)) == 3
    heard = check_understanding(s, {i: True for i, a in enumerate(s.review_answers) if a.gap})
    assert heard.level == "good" and heard.gaps > 0
    decision = {"working": expected_verdict(run, heard.gaps), "change": [u.task for u in run.uncovered],
                "reconvene": bool(run.uncovered), "notes": "keep the diary"}
    assert decision["working"] != "yes"  # every bundled case has a gap to find: never 'working' from coverage alone
    assert check_review(decision, run, evidence=evidence, understanding=heard).level == "good"


def test_feedback_on_an_empty_plan_says_nothing_was_covered():
    from fncoach.examples import example_scenario

    s = example_scenario()
    run = simulate(s, [], seed=0)
    feedback = check_review({"working": "no", "change": ["call", "sleepover"], "reconvene": True}, run)
    assert "no job was covered at all" in feedback.text and "0%" not in feedback.text


def test_a_review_of_a_plan_with_a_person_of_worry_in_it_is_never_good(tiny):
    from fncoach.plan import SAFETY_RULES, check_plan

    plan = [Assignment(task="t_morning_call", primary="gran", backups=("aunt_niamh",)),
            Assignment(task="t_school_run", primary="ciara", backups=("gran",))]
    run = simulate(tiny, plan, seed=0)
    unsafe = [p for p in check_plan(tiny, plan) if p.rule in SAFETY_RULES]
    decision = {"working": expected_verdict(run), "change": [u.task for u in run.uncovered], "reconvene": True}
    feedback = check_review(decision, run, unsafe=unsafe)
    assert feedback.level == "warn"
    assert feedback.points[0].startswith("Whatever the drill shows") and "Ciara" in feedback.points[0]
    assert "Put these jobs on your list to change: 'Wednesday school pick-up'" in feedback.points[1]
    chosen = {**decision, "change": [*decision["change"], "t_school_run"]}
    assert not any("Put these jobs" in p for p in check_review(chosen, run, unsafe=unsafe).points)


def test_the_headline_agrees_with_the_points(run):
    """Issue 13: right jobs picked but no meeting planned → the headline says both, not just 'Have another look'."""
    feedback = check_review({"working": "partly", "change": ["call"], "reconvene": False}, run)
    assert feedback.level == "warn"
    assert feedback.headline.startswith("Good: ") and "you picked every job that went uncovered" in feedback.headline
    assert feedback.headline.endswith("Have another look at getting the network together again.")
    assert "(s)" not in feedback.text


def test_no_bracketed_plurals_in_review_feedback(scenario, run):
    evidence = evidence_log(scenario, run, seed=3)
    for decision in ({"working": "yes"}, {"working": "no"}, {"working": "partly", "change": ["call", "tea"]}):
        assert "(s)" not in check_review(decision, run, evidence=evidence).text


# ------------------------------------------------------------------- what the network understands


def test_working_is_never_decided_from_coverage_alone(scenario):
    run = simulate(scenario, PLAN, seed=0, events=False)
    assert not run.uncovered
    blind = check_review({"working": "yes"}, run)
    assert blind.level == "warn" and "Coverage is not the whole story" in blind.text
    heard = check_understanding(scenario, {})
    assert check_review({"working": "yes"}, run, understanding=heard).level == "good"


def test_every_job_covered_but_a_gap_in_understanding_is_only_partly_working():
    from fncoach.examples import example_scenario

    s = example_scenario()
    run = simulate(s, [Assignment(task="call", primary="gran", backups=("dev",)),
                       Assignment(task="sleepover", primary="gran", backups=("dev",))], seed=0, events=False)
    assert not run.uncovered
    spotted = check_understanding(s, {"1": {"gap": True, "note": "Who is Gran's backup?"}})
    assert spotted.spotted == (1,) and spotted.level == "good"
    assert expected_verdict(run, spotted.gaps) == "partly"
    said_yes = check_review({"working": "yes"}, run, understanding=spotted)
    assert said_yes.level == "warn" and "not 'working' yet" in said_yes.text
    assert check_review({"working": "partly"}, run, understanding=spotted).level == "good"
    missed = check_understanding(s, {})
    assert missed.missed == (1,) and "Dev does not know" in missed.text
    assert check_review({"working": "partly"}, run, understanding=missed).level == "warn"


def test_marking_a_sound_answer_as_a_gap_is_a_false_alarm():
    from fncoach.examples import example_scenario

    s = example_scenario()
    check = check_understanding(s, {0: True, 1: True})
    assert check.false_alarms == (0,) and check.level == "warn" and "doing well" in check.text
    assert check_understanding(s, {"0": {"gap": False}, "1": {"gap": True}}).level == "good"


# ------------------------------------------------------------------- re-scaling at the review


def test_rescale_records_what_each_person_said_with_reasons(tiny):
    meeting = review_meeting(tiny)
    assert meeting.id == "m2"
    heard = {x.who: {"score": str(x.score), "reason": x.reason} for x in meeting.scores}
    good = check_rescale(tiny, heard, {"score": "5", "reason": "Gran rang every morning"})
    assert good.level == "good" and good.own == 5
    wrong = check_rescale(tiny, {"gran": {"score": 7, "reason": "calls"}}, {"score": 5, "reason": "x"})
    assert wrong.level == "warn" and "said 6, not 7" in wrong.text
    no_reason = check_rescale(tiny, {"gran": {"score": 6, "reason": " "}}, {"score": 5, "reason": "x"})
    assert "reason too" in no_reason.text
    missing = check_rescale(tiny, {}, {"score": "", "reason": ""})
    assert "Record Gran" in missing.text and "your own number" in missing.text
    bad = check_rescale(tiny, heard, {"score": "eleven", "reason": "x"})
    assert bad.level == "warn" and "not a number" in bad.text


def test_rescale_never_averages_and_raises_a_very_low_number(tiny):
    heard = {"gran": {"score": 6, "reason": "The calls are working."}}
    spread = check_rescale(tiny, heard, {"score": 1, "reason": "Mum was asleep at noon"})
    assert "Don't average" in spread.text and "raise it with your manager" in spread.text
    assert "average" not in check_rescale(tiny, heard, {"score": 5, "reason": "ok"}).text
