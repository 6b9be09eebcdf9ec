"""Issue 14, end to end in a real browser: one learner, one bundled case (``long_term_foster_links``), in app mode
(Voilà, exactly as ``fncoach app`` serves it), writes the network's own plan and takes it all the way through.

Notebook 04: in Private Family Time the learner reads the members' offers, asks "what if…?" and hears the scripted
answer, turns offers into jobs (what, when, who, backup, red flag, what we do then, who checks, the child's words),
checks a deliberately unfinished plan (no backups, a vague offer taken as it is) and sees what the core says, fixes
it and sees the problems gone; then the drill runs on *that* plan (the learner's own job names, the coverage the
core computes for it). Notebook 06: Words and Pictures drafted from that plan (a blaming, too-hard draft flagged,
then a good one praised), the review on that plan (re-scaling with reasons, spotting the gaps in what members
understand, a decision judged against the drill of their plan) and the handover (a job left with a professional
and a plan with no keeper flagged, then fixed).

Every expected message is computed here from the fncoach core (``check_family_plan``, ``simulate``,
``check_draft``, ``check_rescale``, ``check_understanding``, ``check_review``, ``check_handover``) on the answers
that reached the learner record, so the test follows the core rather than a copy of its words. Throughout: the
answers reach the learner record under the right exercise names, no error box or traceback is ever shown (even
for a moment), every label can be read in full, no request leaves this computer, and after a reload the work is
back.

Needs Debian's Chromium (see tests/browser.py); a full-page screenshot is kept in the test's temporary folder
when a step fails.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from browser import (SCENARIO, errors_shown, keep_screenshot, page, serve, wait_for_saved,  # noqa: F401  (fixtures)
                     watch_for_errors)

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group(name="browser")]

LOAD = 120000   # ms: a Voilà kernel starting on a busy two-core machine
STEP = 30000    # ms: one round trip to the kernel

#: The learner's own name for Nana Pat's offer: it must show up wherever their plan is used.
OWN_JOB = "Nana Pat sits in on every family time with Mum"

#: Jobs the learner writes, by offer: their own words for the parts the offer leaves open, and the backup added
#: only when the plan is fixed.
JOBS = {
    "o_pat_family_time": dict(what=OWN_JOB, backup="nana_brid", red_flag="Mum smells of drink or is slurring",
                              trigger="Nana Pat says not today, takes Kofi to the park and rings Priya",
                              checked_by="siobhan", child_words="Nana Pat stays with me and Mum"),
    "o_shannon_photos": dict(backup="aoife", red_flag="A photo shows Kofi's school badge",
                             trigger="Shannon gets it taken down and tells Siobhán the same night",
                             checked_by="siobhan", child_words="Shannon checks my photos"),
    "o_kwame_call": dict(backup="shannon", red_flag="Dad misses a Sunday call",
                         trigger="Shannon rings Kofi at half five and texts Kwame", checked_by="shannon",
                         child_words="Dad rings me on Sundays", own_promise=True),
}
VAGUE_OFFER = "o_brid_eye"   # "I'll keep an eye on things": taken as it is first, then removed

BAD_DRAFT = {"what_happened": "Your mum had a drinking problem and it happened because of you.",
             "worries": "The professionals are worried about the possibility of inappropriate intoxication during "
                        "supervised contact arrangements.",
             "plan": "Pat Walsh will supervise.", "when_worried": ""}
GOOD_DRAFT = {"what_happened": "Mum was poorly. It is not your fault.",
              "worries": "The grown-ups worry Mum might drink before family time. Nana Pat will stay with you so "
                         "that you are safe.",
              "plan": "Nana Pat comes to family time. Shannon checks your photos on Monday nights. Dad rings you "
                      "on Sundays at five.",
              "when_worried": "When I feel worried I can tell Siobhán or ring Nana Pat. I love Thursdays with "
                              "Shannon at Nana Pat's."}
RECALL = "Siobhán calls everyone together if Mum misses two family times or Dad stops calling for a month."


@pytest.fixture(scope="module")
def case():
    from fncoach.scenario import bundled_scenario_path, load_scenario

    return load_scenario(bundled_scenario_path(SCENARIO))


def label(case, person_id: str) -> str:
    """How a person is listed in the exercise's choices."""
    person = case.person(person_id)
    return f"{person.name} — {person.relationship}"


def body(page) -> str:
    return page.locator("body").inner_text()


def see(page, text: str, timeout: float = STEP) -> None:
    """Wait until ``text`` is on the page (and visible)."""
    page.get_by_text(text, exact=False).first.wait_for(state="visible", timeout=timeout)


def no_trouble(page) -> None:
    assert errors_shown(page) == [], f"an error was shown to the learner: {errors_shown(page)}"
    cut = page.evaluate("() => Array.from(document.querySelectorAll('.widget-label, .widget-label-basic'))"
                        ".filter(e => e.offsetParent && e.scrollWidth > e.clientWidth + 1).map(e => e.textContent)")
    assert cut == [], f"labels a learner cannot read in full: {cut}"
    assert page.outside_requests == [], f"requests to outside addresses were tried: {page.outside_requests}"


def settle(page) -> None:
    """Let the kernel answer what was just typed or clicked before the next look."""
    page.wait_for_timeout(400)


# ------------------------------------------------------------------------------------------- notebook 04


def private_family_time(page, case, record: Path) -> dict:
    """Hear the offers, ask "what if…?", write an unfinished plan, check it, fix it, check again."""
    from fncoach.familytime import ask_what_if, check_family_plan, offer

    ft = case.family_time
    offers = [o.id for o in ft.offers]
    use = page.locator("button", has_text="Turn this into a job")
    use.first.wait_for(state="visible", timeout=LOAD)
    panel = page.locator(".widget-vbox").filter(has=page.locator("button", has_text="Check our plan")).last
    text = body(page)
    for item in ft.offers:  # every member's offer is read out, in their own words
        assert item.says in text, item.says

    question = ft.what_ifs[0]
    page.get_by_label("What if…?", exact=True).select_option(label=question.question)
    page.locator("button", has_text=re.compile(r"^\s*Ask\s*$")).click()
    see(page, ask_what_if(case, question.id))

    chosen = [*JOBS, VAGUE_OFFER]
    for n, offer_id in enumerate(chosen, start=1):
        use.nth(offers.index(offer_id)).click()
        panel.get_by_label("Backup 1", exact=True).nth(n - 1).wait_for(state="visible", timeout=STEP)
    # the learner's own words for the parts the offers leave open; no backups yet
    for n, (offer_id, job) in enumerate(JOBS.items()):
        if "what" in job:
            panel.get_by_label("What", exact=True).nth(n).fill(job["what"])
        panel.get_by_label("Red flag", exact=True).nth(n).fill(job["red_flag"])
        panel.get_by_label("What we do then", exact=True).nth(n).fill(job["trigger"])
        panel.get_by_label("Who checks", exact=True).nth(n).select_option(label=label(case, job["checked_by"]))
        panel.get_by_label("As the child says it", exact=True).nth(n).fill(job["child_words"])
        if job.get("own_promise"):
            panel.get_by_label("This is the person's own promise about their own behaviour").nth(n).check()
    settle(page)
    check = page.locator("button", has_text="Check our plan")
    check.click()
    see(page, "Have another look")
    saved = wait_for_saved(record, "family_time", lambda a: len(a.get("jobs") or []) == 4
                           and [j["child_words"] for j in a["jobs"][:3]] == [j["child_words"] for j in JOBS.values()]
                           and question.id in (a.get("asked") or []))
    assert saved["jobs"][0]["what"] == OWN_JOB and saved["jobs"][3]["offer"] == VAGUE_OFFER
    findings = check_family_plan(case, saved)
    rules = {(f.job_id, f.rule) for f in findings}
    # the unfinished plan is unfinished in the ways the test meant: no backup, and a vague offer taken as it is
    assert {("job_1", "no_backup"), ("job_2", "no_backup"), ("job_4", "vague"), ("job_4", "offer_note")} <= rules
    problems = [f for f in findings if f.level == "problem"]
    see(page, f"{len(problems)} thing(s) to fix")
    text = body(page)
    for f in findings:
        assert f.message in text, f"the core's feedback is not shown: {f.message}"
    assert offer(case, VAGUE_OFFER).why in text
    no_trouble(page)

    # fix it: the vague job goes, every job gets a backup
    panel.locator("button", has_text="Remove this job").nth(3).click()
    panel.get_by_label("Backup 1", exact=True).nth(3).wait_for(state="detached", timeout=STEP)
    for n, job in enumerate(JOBS.values()):
        panel.get_by_label("Backup 1", exact=True).nth(n).select_option(label=label(case, job["backup"]))
    settle(page)
    check.click()
    see(page, "Your plan is ready to drill")
    saved = wait_for_saved(record, "family_time", lambda a: len(a.get("jobs") or []) == 3
                           and all(j.get("backups") for j in a["jobs"]))
    assert check_family_plan(case, saved) == ()
    text = body(page)
    for f in findings:
        assert f.message not in text, f"feedback on the unfinished plan is still shown: {f.message}"
    assert text.count("Nothing to fix in this job.") == 3
    no_trouble(page)
    return saved


def drill_own_plan(page, case, record: Path, family_time: dict) -> None:
    """The drill shows and runs the plan the learner wrote, with the coverage the core computes for it."""
    from fncoach.drills import simulate
    from fncoach.familytime import learner_scenario, plan_from_family_time
    from fncoach.plan import model_assignments

    plan = plan_from_family_time(family_time, case)
    own = learner_scenario(case, plan)
    expected = simulate(own, plan.assignments, seed=0)
    model = simulate(case, model_assignments(case), seed=0)
    page.locator("table", has_text=OWN_JOB).first.wait_for(state="visible", timeout=STEP)
    table = page.locator("table", has_text="Main person").filter(has_text=OWN_JOB).first.inner_text()
    for task in own.plan.tasks:
        assert task.title in table
    for task in case.plan.tasks:  # the case's own job list (the model plan's jobs) is not what is drilled
        assert task.title not in table, task.title
    page.locator("button", has_text=re.compile(r"^\s*Run the drill\s*$")).click()
    verdict = f"{round(expected.coverage * 100)}% of the jobs were covered in this drill."
    see(page, verdict, timeout=60000)
    if round(model.coverage * 100) != round(expected.coverage * 100):
        assert f"{round(model.coverage * 100)}% of the jobs were covered" not in body(page)
    saved = wait_for_saved(record, "safety_plan_drill", lambda a: "coverage_before" in a)
    assert saved["coverage_before"] == pytest.approx(expected.coverage)
    assert {row["task"] for row in saved["plan"]} == {t.id for t in own.plan.tasks}
    no_trouble(page)


def test_a_learner_writes_drills_explains_reviews_and_hands_over_their_own_plan(serve, page, case, tmp_path: Path):
    url, record = serve("04-safety-plan-and-drills.ipynb")
    watch_for_errors(page)  # an error box soon replaced by other feedback still counts
    try:
        page.goto(url, wait_until="domcontentloaded", timeout=LOAD)
        family_time = private_family_time(page, case, record)
        drill_own_plan(page, case, record, family_time)

        page.reload(wait_until="domcontentloaded", timeout=LOAD)  # the plan is still there, and still drilled
        page.get_by_label("What", exact=True).first.wait_for(state="visible", timeout=LOAD)
        assert page.get_by_label("What", exact=True).count() == 3
        assert page.get_by_label("What", exact=True).first.input_value() == OWN_JOB
        assert page.get_by_label("Red flag", exact=True).nth(2).input_value() == JOBS["o_kwame_call"]["red_flag"]
        assert page.get_by_label("Who does it", exact=True).count() == 3
        page.locator("table", has_text=OWN_JOB).first.wait_for(state="visible", timeout=STEP)
        no_trouble(page)
    except Exception as error:
        raise AssertionError(f"{error}\n{keep_screenshot(page, tmp_path, 'journey-04-failure')}") from error

    url, record = serve("06-review-and-handover.ipynb")
    try:
        page.goto(url, wait_until="domcontentloaded", timeout=LOAD)
        words_and_pictures(page, case, record, family_time)
        review(page, case, record, family_time)
        handover(page, case, record, family_time)

        page.reload(wait_until="domcontentloaded", timeout=LOAD)  # the draft, review and handover come back
        keeper = page.get_by_label("Keeps the plan", exact=True)
        keeper.wait_for(state="visible", timeout=LOAD)
        assert keeper.input_value() == label(case, "siobhan")
        assert page.get_by_label("Calling us back together", exact=True).input_value() == RECALL
        from fncoach.ui.childwords import _PROMPTS

        for key, text in GOOD_DRAFT.items():
            assert page.get_by_placeholder(_PROMPTS[key]).input_value() == text
        assert page.get_by_label("This shows a gap").nth(1).is_checked()
        no_trouble(page)
    except Exception as error:
        raise AssertionError(f"{error}\n{keep_screenshot(page, tmp_path, 'journey-06-failure')}") from error


# ------------------------------------------------------------------------------------------- notebook 06


def words_and_pictures(page, case, record: Path, family_time: dict) -> None:
    """Draft from the plan they wrote: a blaming, too-hard draft is flagged, then a good one is praised."""
    from fncoach.childwords import Draft, check_draft
    from fncoach.familytime import learner_scenario, plan_from_family_time
    from fncoach.plan import everyday_name
    from fncoach.ui.childwords import _PROMPTS

    plan = plan_from_family_time(family_time, case)
    own = learner_scenario(case, plan)
    box = page.get_by_placeholder(_PROMPTS["what_happened"])
    box.wait_for(state="visible", timeout=LOAD)
    helpers = sorted({everyday_name(case.name_of(p)) for a in plan.assignments for p in (a.primary, *a.backups)})
    see(page, f"Your plan's helpers, as {case.child.name} might call them: {', '.join(helpers)}.")
    check = page.locator("button", has_text="Check my words")
    shown: dict[str, list[str]] = {}
    for name, draft in (("bad", BAD_DRAFT), ("good", GOOD_DRAFT)):
        for key, text in draft.items():
            page.get_by_placeholder(_PROMPTS[key]).fill(text)
        settle(page)
        check.click()
        expected = check_draft(own, Draft.from_answers(draft), plan.assignments)
        see(page, expected.headline)
        text = body(page)
        shown[name] = [p.message for p in expected.points]
        for message in shown[name]:
            assert message in text, f"the core's feedback on the {name} draft is not shown: {message}"
        wait_for_saved(record, "words_and_pictures", lambda a, d=draft: a.get("draft") == d)
        if name == "bad":
            assert expected.level == "warn" and {"blame", "reading", "names", "when_worried"} <= set(expected.rules())
        else:
            assert expected.level == "good"
    text = body(page)
    for message in set(shown["bad"]) - set(shown["good"]):
        assert message not in text, f"feedback on the first draft is still shown: {message}"
    page.locator("button", has_text="Show the picture-book page").click()
    page.locator("iframe[title='Words and Pictures page']").wait_for(state="visible", timeout=STEP)
    frame = page.frame_locator("iframe[title='Words and Pictures page']")
    frame.get_by_text(GOOD_DRAFT["what_happened"], exact=False).first.wait_for(timeout=STEP)
    no_trouble(page)


def review(page, case, record: Path, family_time: dict) -> None:
    """Re-scale with reasons, spot the gaps in what members understand, judge the plan they wrote."""
    from fncoach.drills import simulate
    from fncoach.familytime import learner_scenario, plan_from_family_time
    from fncoach.planchange import check_whole_plan, safety_findings
    from fncoach.review import (VERDICTS, check_rescale, check_review, check_understanding, evidence_log,
                                expected_verdict, review_meeting)

    plan = plan_from_family_time(family_time, case)
    own = learner_scenario(case, plan)
    run = simulate(own, plan.assignments, seed=0)

    # everyone re-scales; the learner first writes their own number in for the child's
    heard = review_meeting(case).scores
    numbers = page.get_by_label("Number", exact=True)
    numbers.first.wait_for(state="visible", timeout=LOAD)
    reasons = page.get_by_placeholder("Their reason, in their words")
    entries = {x.who: {"score": str(x.score), "reason": x.reason} for x in heard}
    own_scale = {"score": "6", "reason": "Family time went well, but a Sunday call and a family time were missed."}
    wrong = dict(entries, **{heard[0].who: {"score": own_scale["score"], "reason": heard[0].reason}})
    page.get_by_label("Yours", exact=True).fill(own_scale["score"])
    page.get_by_placeholder("Your reason: what are you seeing?").fill(own_scale["reason"])
    record_numbers = page.locator("button", has_text="Record the numbers")
    for attempt in (wrong, entries):
        for n, item in enumerate(heard):
            numbers.nth(n).fill(attempt[item.who]["score"])
            reasons.nth(n).fill(attempt[item.who]["reason"])
        settle(page)
        record_numbers.click()
        expected = check_rescale(case, attempt, own_scale)
        see(page, expected.points[0])
        text = body(page)
        for point in expected.points:
            assert point in text, point
        if attempt is wrong:
            assert expected.level == "warn"
            mistake = next(p for p in expected.points if p.startswith(f"{case.name_of(heard[0].who)} said"))
        else:
            assert expected.level == "good" and mistake not in text
    wait_for_saved(record, "safety_plan_review", lambda a: a.get("scales") == entries
                   and a.get("own_scale") == own_scale)

    # what the network understands: a false alarm and two gaps missed, then the gaps spotted
    gaps = page.get_by_label("This shows a gap")
    understood = page.locator("button", has_text="Check what I noticed")
    gap_ids = [i for i, a in enumerate(case.review_answers) if a.gap]
    sound = next(i for i, a in enumerate(case.review_answers) if not a.gap)
    first = check_understanding(case, {str(sound): {"gap": True}})
    gaps.nth(sound).check()
    settle(page)
    understood.click()
    see(page, first.points[0])
    assert first.level == "warn" and set(first.missed) == set(gap_ids)
    for point in first.points:
        assert point in body(page), point
    gaps.nth(sound).uncheck()
    for i in gap_ids:
        gaps.nth(i).check()
    settle(page)
    understood.click()
    spotted = check_understanding(case, {str(i): {"gap": True} for i in gap_ids})
    assert spotted.level == "good"
    see(page, spotted.points[0])
    for point in first.points:
        assert point not in body(page), point

    # the decision: "working" from coverage alone, then the verdict the drill and the gaps call for
    evidence = evidence_log(own, run)
    unsafe = safety_findings(check_whole_plan(own, plan.assignments))
    decision = page.locator("button", has_text="Check my decision")
    verdict = expected_verdict(run, len(gap_ids))
    to_change = [t.title for t in own.plan.tasks if t.id in {u.task for u in run.uncovered}]
    for choice in ("yes", verdict):
        page.get_by_label(VERDICTS[choice], exact=True).check()
        if choice == verdict:
            for title in to_change:
                page.get_by_label(title, exact=True).check()
            page.get_by_label("Get the network together again before the next planned review").check()
        settle(page)
        decision.click()
        chosen = {"working": choice, "change": [t.id for t in own.plan.tasks if t.title in to_change]
                  if choice == verdict else [], "reconvene": choice == verdict}
        feedback = check_review(chosen, run, evidence=evidence, unsafe=unsafe, understanding=spotted)
        see(page, feedback.headline)
        text = body(page)
        for point in feedback.points:
            assert point in text, point
        if choice == "yes":  # the review is of the learner's plan: its own job name is what went uncovered
            assert feedback.level == "warn" and any(t in " ".join(feedback.points) for t in to_change)
    wait_for_saved(record, "safety_plan_review", lambda a: (a.get("decision") or {}).get("working") == verdict
                   and set(a["decision"].get("change") or ()) == {t.id for t in own.plan.tasks if t.title in to_change}
                   and all((a.get("understanding") or {}).get(str(i), {}).get("gap") for i in gap_ids))
    no_trouble(page)


def handover(page, case, record: Path, family_time: dict) -> None:
    """A job left with a professional and nobody keeping the plan, flagged; then every job handed over."""
    from fncoach.familytime import check_handover, handover_jobs, plan_choices

    rows = handover_jobs(case, family_time)
    takers = {"hj_family_time_review": "nana_pat", "hj_dad_links": "shannon"}
    assert [r.id for r in rows] == list(takers)
    boxes = page.get_by_label("Taken over by", exact=True)
    boxes.first.wait_for(state="visible", timeout=LOAD)
    keep = page.get_by_label("Stays in the plan", exact=True)
    choices = plan_choices(case, family_time)
    assert OWN_JOB in [t for t, _ in choices]
    options = keep.locator("option").evaluate_all("options => options.map(o => o.value)")
    assert options == [t for t, _ in choices]   # the one shared plan is the one they wrote
    keep.select_option(label=[t for t, _ in choices])
    boxes.nth(0).select_option(label=label(case, takers[rows[0].id]))
    page.get_by_label("Calling us back together", exact=True).fill(RECALL)
    settle(page)
    check = page.locator("button", has_text="Check the handover")
    check.click()
    first = {"takeovers": {rows[0].id: takers[rows[0].id], rows[1].id: ""}, "keep": [i for _, i in choices],
             "keeper": "", "recall": RECALL}
    findings = check_handover(case, first, family_time)
    assert {(f.job_id, f.rule) for f in findings} == {(rows[1].id, "left_with_professional"), (None, "no_keeper")}
    see(page, "Not ready to hand over yet")
    text = body(page)
    for f in findings:
        assert f.message in text, f.message
    wait_for_saved(record, "handover", lambda a: a == first)

    boxes.nth(1).select_option(label=label(case, takers[rows[1].id]))
    page.get_by_label("Keeps the plan", exact=True).select_option(label=label(case, "siobhan"))
    settle(page)
    check.click()
    fixed = dict(first, takeovers=takers, keeper="siobhan")
    assert check_handover(case, fixed, family_time) == ()
    see(page, "Ready to hand over")
    text = body(page)
    for f in findings:
        assert f.message not in text, f.message
    assert text.count("Handed over.") == len(rows)
    wait_for_saved(record, "handover", lambda a: a == fixed)
    no_trouble(page)
