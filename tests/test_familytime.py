"""Private Family Time and the handover (fncoach.familytime): the learner's own plan, its feedback and drills."""

from __future__ import annotations

from pathlib import Path

import pytest

from fncoach import familytime as ft
from fncoach.drills import simulate
from fncoach.scenario import load_scenario

SCENARIOS = sorted((Path(__file__).parent.parent / "scenarios").glob("*.yaml"))


@pytest.fixture(scope="module")
def zara():
    return load_scenario(Path(__file__).parent.parent / "scenarios" / "edge_of_care_grandparents.yaml")


def full(scenario, offer_id, **changes):
    """A job from an offer with every part the learner writes filled in."""
    job = ft.job_from_offer(scenario, offer_id)
    job.update(backups=["adnan"], red_flag="Zara not there", trigger="Ring Adnan, then Dada",
               checked_by="samira", child_words="Dada takes me.")
    job.update(changes)
    return job


def rules(findings, job=None):
    return [f.rule for f in findings if job is None or f.job_id == job]


# --------------------------------------------------------------------------- the plan the learner writes


def test_a_complete_workable_job_has_nothing_to_fix(zara):
    findings = ft.check_family_plan(zara, {"jobs": [full(zara, "o_dada_lift")]})
    assert rules(findings, "job_1") == []


def test_the_one_plan_check_refuses_a_job_for_the_person_of_worry(zara):
    job = full(zara, "o_khalid_calls")  # Khalid offers the nine o'clock call
    findings = ft.check_family_plan(zara, {"jobs": [job]})
    assert "safety" in rules(findings, "job_1")
    assert any("Khalid" in f.message for f in findings if f.rule == "safety")
    # the offer's model note says why, after the learner has chosen it
    assert any(f.rule == "offer_note" and "rows" in f.message for f in findings)


def test_someone_still_to_be_explored_is_a_caution(zara):
    job = full(zara, "o_dada_lift", backups=["farah"])
    findings = ft.check_family_plan(zara, {"jobs": [job]})
    caution = [f for f in findings if f.rule == "to_explore"]
    assert caution and caution[0].level == "caution" and "Farah" in caution[0].message


def test_a_job_with_no_backup_is_named(zara):
    findings = ft.check_family_plan(zara, {"jobs": [full(zara, "o_dada_lift", backups=[])]})
    assert "no_backup" in rules(findings, "job_1")


@pytest.mark.parametrize("what", ["Keep an eye on things", "Help out whenever", "Support",
                                  "Keeping an eye at family time", "Being there for Zara after school"])
def test_a_vague_job_is_named(zara, what):
    findings = ft.check_family_plan(zara, {"jobs": [full(zara, "o_dada_lift", what=what)]})
    assert "vague" in rules(findings, "job_1")


def test_a_specific_job_is_not_vague(zara):
    findings = ft.check_family_plan(zara, {"jobs": [full(zara, "o_dada_lift", what="Drive Zara to school at 8.10")]})
    assert "vague" not in rules(findings)


def test_a_professionals_job_is_named_by_its_words_and_by_its_holder(zara):
    words = ft.check_family_plan(zara, {"jobs": [full(zara, "o_dada_lift", what="Go round and have a word with Kane")]})
    assert "professional_job" in rules(words, "job_1")
    holder = ft.check_family_plan(zara, {"jobs": [full(zara, "o_dada_lift", who="sw_ines")]})
    assert "professional_role" in rules(holder, "job_1")


def test_missing_red_flag_trigger_checker_and_child_words_are_each_named(zara):
    job = full(zara, "o_dada_lift", red_flag="", trigger="", checked_by="", child_words="")
    found = rules(ft.check_family_plan(zara, {"jobs": [job]}), "job_1")
    assert {"no_red_flag", "no_trigger", "no_checker", "no_child_words"} <= set(found)
    levels = {f.rule: f.level for f in ft.check_family_plan(zara, {"jobs": [job]})}
    assert levels["no_child_words"] == "caution" and levels["no_red_flag"] == "problem"


def test_gaps_against_each_worry_quote_its_safety_goal(zara):
    findings = ft.check_family_plan(zara, {"jobs": [full(zara, "o_dada_lift")]})  # answers w_exploitation only
    gaps = [f for f in findings if f.rule == "worry_gap"]
    assert len(gaps) == 2
    assert any("hit Zara again" in f.message and "stepping in before rows" in f.message for f in gaps)
    assert not any("older men" in f.message for f in gaps)


def test_a_goal_nobody_checks_is_named(zara):
    job = full(zara, "o_dada_lift", checked_by="")
    findings = ft.check_family_plan(zara, {"jobs": [job]})
    assert any(f.rule == "goal_unseen" and "will be knowing where Zara is" in f.message for f in findings)
    checked = ft.check_family_plan(zara, {"jobs": [full(zara, "o_dada_lift")]})
    assert "goal_unseen" not in rules(checked)


def test_an_unfinished_job_says_what_it_still_needs(zara):
    findings = ft.check_family_plan(zara, {"jobs": [{"what": "Sunday lunch", "who": "shamim"}]})
    incomplete = [f for f in findings if f.rule == "incomplete"]
    assert incomplete and "which days" in incomplete[0].message and "which worry" in incomplete[0].message
    assert "who does it" not in incomplete[0].message


def test_a_promise_the_person_of_worry_makes_is_theirs_when_someone_else_checks_it(zara):
    promise = {"what": "Leave the room and ring Dada when a row builds", "kind": "phone_call", "worry": "w_rows",
               "days": ["mon", "tue", "wed", "thu", "fri", "sat", "sun"], "start": "07:00", "end": "10:00",
               "who": "khalid", "backups": ["younis"], "red_flag": "Voices raised", "trigger": "Zara goes to Dadi's",
               "checked_by": "younis", "child_words": "Dad goes out of the room.", "own_promise": True}
    plan = ft.plan_from_family_time({"jobs": [promise]}, zara)
    assert plan.tasks[0].own_commitment and plan.tasks[0].about == ("khalid",)
    assert "about_themselves" not in rules(ft.check_family_plan(zara, {"jobs": [promise]}))
    not_promised = dict(promise, own_promise=False)
    assert "about_themselves" in rules(ft.check_family_plan(zara, {"jobs": [not_promised]}))


# --------------------------------------------------------------------------- the drill runs on the learner's plan


def test_the_drill_runs_on_the_learners_own_jobs(zara):
    friday = full(zara, "o_dadi_nights", backups=[])  # Dadi on Fridays; she is on Umrah on days 12 to 21
    plan = ft.plan_from_family_time({"jobs": [friday]}, zara)
    own = ft.learner_scenario(zara, plan)
    assert [t.id for t in own.plan.tasks] == ["job_1"] and own.plan.model_plan == ()
    run = simulate(own, plan.assignments, seed=0)
    missed = {u.day for u in run.uncovered if u.task == "job_1"}
    assert {12, 19} <= missed  # days 12 and 19 are the Fridays of the Umrah fortnight
    with_ngozi = ft.plan_from_family_time({"jobs": [dict(friday, backups=["ngozi"])]}, zara)
    run = simulate(ft.learner_scenario(zara, with_ngozi), with_ngozi.assignments, seed=0)
    missed = {u.day for u in run.uncovered if u.task == "job_1"}
    assert 19 in missed and 12 not in missed  # Ngozi covers day 12 but is on her course on day 19


def test_an_empty_plan_leaves_the_case_as_it_is(zara):
    assert ft.learner_scenario(zara, ft.plan_from_family_time({}, zara)) is zara


def test_what_if_answers_are_in_the_members_voice(zara):
    answer = ft.ask_what_if(zara, "wi_umrah")
    assert answer.startswith("Younis Mahmood (Dada): “") and "Umrah" in answer
    with pytest.raises(KeyError):
        ft.ask_what_if(zara, "wi_nothing")


# --------------------------------------------------------------------------- every bundled case


@pytest.mark.parametrize("path", SCENARIOS, ids=lambda p: p.stem)
def test_every_case_has_offers_with_something_to_spot(path):
    scenario = load_scenario(path)
    offers = scenario.family_time.offers
    verdicts = {o.verdict for o in offers}
    assert {"workable", "unsafe", "vague"} <= verdicts
    assert scenario.family_time.what_ifs and scenario.handover.professional_jobs
    for o in offers:
        person = scenario.person(o.who)
        if person.safety.status == "worry":
            assert o.verdict == "unsafe", (o.id, "a person of worry's offer is never workable")
        if o.verdict == "workable":
            assert o.when is not None, o.id
    for job in scenario.handover.professional_jobs:
        assert scenario.person(job.held_by).is_professional, job.id
        assert all(not scenario.person(p).is_professional for p in job.taken_by), job.id


@pytest.mark.parametrize("path", SCENARIOS, ids=lambda p: p.stem)
def test_every_case_model_handover_passes_its_own_check(path):
    scenario = load_scenario(path)
    handover = scenario.handover
    answers = {"takeovers": {j.id: j.taken_by[0] for j in handover.professional_jobs},
               "keep": [scenario.plan.tasks[0].id], "keeper": handover.keeper, "recall": handover.recall}
    assert [f for f in ft.check_handover(scenario, answers) if f.level == "problem"] == []


# --------------------------------------------------------------------------- the handover


def good_handover(zara):
    return {"takeovers": {"hj_cooling_record": "younis", "hj_calls_check": "shamim"},
            "keep": ["t_friday_stay"], "keeper": "younis",
            "recall": "Dada calls everyone together if Zara goes missing again."}


def test_a_good_handover_has_nothing_to_fix(zara):
    assert ft.check_handover(zara, good_handover(zara)) == ()


def test_a_job_left_with_a_professional_is_named(zara):
    answers = good_handover(zara)
    answers["takeovers"] = {"hj_cooling_record": "declan", "hj_calls_check": ""}
    found = [f for f in ft.check_handover(zara, answers) if f.rule == "left_with_professional"]
    assert [f.job_id for f in found] == ["hj_cooling_record", "hj_calls_check"]
    assert "Inês Lopes" in found[1].message


def test_a_person_of_worry_never_takes_a_job_over(zara):
    answers = good_handover(zara)
    answers["takeovers"]["hj_calls_check"] = "khalid"
    assert rules(ft.check_handover(zara, answers)) == ["not_safe"]


def test_a_plan_with_no_keeper_or_a_professional_keeper_is_named(zara):
    answers = dict(good_handover(zara), keeper="")
    assert rules(ft.check_handover(zara, answers)) == ["no_keeper"]
    answers = dict(good_handover(zara), keeper="sw_ines")
    assert rules(ft.check_handover(zara, answers)) == ["keeper_not_network"]


def test_a_foster_carer_can_keep_the_plan():
    kofi = load_scenario(Path(__file__).parent.parent / "scenarios" / "long_term_foster_links.yaml")
    answers = {"takeovers": {"hj_family_time_review": "nana_pat", "hj_dad_links": "siobhan"},
               "keep": ["t_sister_tea"], "keeper": "siobhan",
               "recall": "Siobhán calls the network together if Chloe misses two family times."}
    assert ft.check_handover(kofi, answers) == ()


@pytest.mark.parametrize("recall", ["", "We'll sort it out between us.", "We meet if things go wrong."])
def test_a_recall_needs_who_calls_and_when(zara, recall):
    answers = dict(good_handover(zara), recall=recall)
    assert "no_recall" in rules(ft.check_handover(zara, answers))


def test_nothing_kept_in_the_one_shared_plan_is_named(zara):
    answers = dict(good_handover(zara), keep=[])
    assert rules(ft.check_handover(zara, answers)) == ["nothing_kept"]


def test_the_learners_jobs_checked_by_a_professional_join_the_handover(zara):
    job = full(zara, "o_dada_lift", checked_by="mr_rhys")
    rows = ft.handover_jobs(zara, {"jobs": [job]})
    assert rows[-1] == ft.HandoverJobRow("check_job_1", "Checks 'Morning lift to school' happened", "mr_rhys")
    answers = good_handover(zara)
    answers["keep"] = ["job_1"]
    assert [f.job_id for f in ft.check_handover(zara, answers, {"jobs": [job]})] == ["check_job_1"]
    assert ft.plan_choices(zara, {"jobs": [job]}) == (("Morning lift to school", "job_1"),)


def test_model_plan_rows_carry_triggers_and_red_flags(zara):
    row = ft.model_plan_rows(zara)[0]
    assert row["who"] == "Younis Mahmood (Dada)" and row["backups"] == "Adnan Mahmood"
    assert row["trigger"] == "Every school day." and "Zara smells of cannabis" in row["red_flags"]
    assert row["checked_by"] == "Gethin Rhys-Morgan"


def test_an_offer_on_particular_dates_becomes_a_job_on_those_dates():
    kofi = load_scenario(Path(__file__).parent.parent / "scenarios" / "long_term_foster_links.yaml")
    job = ft.job_from_offer(kofi, "o_pat_family_time")
    assert job["days"] == [] and job["dates"] == ["2027-03-06", "2027-03-20"]
    plan = ft.plan_from_family_time({"jobs": [job]}, kofi)
    assert plan.incomplete == () and [str(d) for d in plan.tasks[0].when.dates] == job["dates"]
    run = simulate(ft.learner_scenario(kofi, plan), plan.assignments, seed=0)
    assert sorted({o.day for o in run.log if o.task == "job_1"}) == [6, 20]
