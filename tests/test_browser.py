"""End to end in a real browser: ``fncoach app`` (Voilà) serves the course, Chromium (driven by Playwright) works
through it as a learner would — typing and clicking — and the test checks the feedback appears and the answer
reached the learner record. Every request to anything but this computer is blocked, and the test fails if any was
tried.

The learner's journey (issue 13) is walked too: a reload and the next notebook open with the learner's name, case
and answers; a name is asked for before anything is saved; the drill uses the plan just made; an empty card sort
gives no answers away.

Needs Debian's Chromium at /usr/bin/chromium (``.ci/run`` installs it; browsers are never downloaded). Without
it the tests are skipped with a reason — unless ``CI`` or ``FNCOACH_REQUIRE_BROWSER=1`` is set, when they fail.
A full-page screenshot is kept in the test's temporary folder when a step fails.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from browser import SCENARIO, keep_screenshot, page, serve, wait_for_saved  # noqa: F401  (fixtures)

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group(name="browser")]


def test_sos_statement_in_browser(serve, page, tmp_path: Path):
    url, record = serve("03-sos-mapping.ipynb")
    text = ("Siobhán and the social worker are worried that Chloe might drink before family time again, as she did "
            "in June, and Kofi would feel scared and let down and might not want to see her.")
    try:
        page.goto(url, wait_until="domcontentloaded", timeout=120000)
        # an empty sort is checked: no card's column or explanation is given away (issue 13)
        check_sort = page.locator("button", has_text="Check my sort")
        check_sort.wait_for(state="visible", timeout=120000)
        check_sort.click()
        page.get_by_text("No cards are placed yet").first.wait_for(state="visible", timeout=30000)
        assert page.get_by_text("Place this card first").count() >= 3
        assert page.get_by_text(re.compile("belongs under")).count() == 0
        box = page.get_by_placeholder("Write your harm statement here").first
        box.wait_for(state="visible", timeout=120000)
        box.click()
        box.type(text, delay=2)
        page.locator("button", has_text=re.compile(r"^\s*Check\s*$")).first.click()
        page.get_by_text(re.compile("Nearly there|This has all the parts")).first.wait_for(state="visible",
                                                                                         timeout=30000)
        page.get_by_text(re.compile(r"Saved at \d")).first.wait_for(state="visible", timeout=30000)
        saved = wait_for_saved(record, "sos_statements", lambda a: (a.get("harm") or [""])[0] == text)
        assert saved["harm"][0] == text
        assert page.outside_requests == [], f"requests to outside addresses were tried: {page.outside_requests}"
    except Exception as error:
        raise AssertionError(f"{error}\n{keep_screenshot(page, tmp_path, 'sos-failure')}") from error


def test_safety_plan_then_the_drill_uses_it_in_browser(serve, page, tmp_path: Path):
    from fncoach.scenario import bundled_scenario_path, load_scenario

    case = load_scenario(bundled_scenario_path(SCENARIO))
    model = {a.task: a.primary for a in case.plan.model_plan}
    url, record = serve("04-safety-plan-and-drills.ipynb")
    try:
        page.goto(url, wait_until="domcontentloaded", timeout=120000)
        mains = page.locator(".widget-dropdown", has_text="Main person").locator("select")
        mains.first.wait_for(state="visible", timeout=120000)
        # every job is given its person, one after the other, as a learner would
        for index, task in enumerate(case.plan.tasks):
            person = case.person(model[task.id])
            mains.nth(index).select_option(label=f"{person.name} — {person.relationship}")
        page.locator("button", has_text="Check the plan").click()
        page.get_by_text(re.compile("Have another look|No problems found")).first.wait_for(state="visible",
                                                                                          timeout=30000)
        saved = wait_for_saved(record, "safety_plan", lambda a: len(a.get("assignments") or []) == len(model))
        assert {a["task"]: a["primary"] for a in saved["assignments"]} == model
        # then, straight away, the drill: it drills that plan (no button to press first)
        page.get_by_text("This uses your latest answers").first.wait_for(state="visible", timeout=30000)
        assert page.locator("button", has_text="Use my latest answers").count() == 0
        page.locator("button", has_text="Run the drill").first.click()
        verdict = page.get_by_text(re.compile(r"\d+% of the jobs were covered")).first
        verdict.wait_for(state="visible", timeout=60000)
        assert not verdict.inner_text().startswith("0%"), verdict.inner_text()
        assert page.get_by_text("Seed").count() == 0  # no machinery
        assert page.outside_requests == [], f"requests to outside addresses were tried: {page.outside_requests}"
    except Exception as error:
        raise AssertionError(f"{error}\n{keep_screenshot(page, tmp_path, 'plan-failure')}") from error


def test_reload_and_next_notebook_keep_the_learners_work(serve, page, tmp_path: Path):
    url, record = serve("00-start-here.ipynb", learner=None)
    note = "I hope to learn how to find a child's father's family."
    try:
        page.goto(url, wait_until="domcontentloaded", timeout=120000)
        name = page.locator(".fncoach-name input")
        name.wait_for(state="visible", timeout=120000)
        assert name.input_value() == ""  # a shared server: nobody's work is shown until a name is given
        page.get_by_text("Who are you?").first.wait_for(state="visible", timeout=30000)
        name.fill("Dana Carer")
        name.press("Enter")
        page.get_by_text("Your work is saved under the name Dana Carer").first.wait_for(state="visible",
                                                                                       timeout=30000)
        box = page.get_by_placeholder("Write as much or as little as you like.").first
        box.fill(note)
        box.press("Tab")
        page.get_by_text(re.compile(r"Saved at \d")).first.wait_for(state="visible", timeout=30000)
        wait_for_saved(record, "start_here_reflection", lambda a: note in str(a), learner="Dana Carer")
        text = page.locator("body").inner_text()
        for machinery in ("FNCOACH", "record.sqlite3", str(tmp_path), "fncoach export", "Seed"):
            assert machinery not in text, machinery

        page.reload(wait_until="domcontentloaded", timeout=120000)  # the work is still there
        name = page.locator(".fncoach-name input")
        name.wait_for(state="visible", timeout=120000)
        page.wait_for_function("() => document.querySelector('.fncoach-name input').value === 'Dana Carer'",
                               timeout=30000)
        box = page.get_by_placeholder("Write as much or as little as you like.").first
        page.wait_for_function(f"() => Array.from(document.querySelectorAll('textarea')).some("
                               f"t => t.value === {note!r})", timeout=30000)
        assert box.is_visible()

        page.get_by_role("link", name=re.compile("01 · Principles")).click()  # Next, in app mode
        page.wait_for_url(re.compile(r"01-principles-and-meetings\.ipynb"), timeout=60000)
        page.locator(".fncoach-name input").wait_for(state="visible", timeout=120000)
        assert "Forbidden" not in page.locator("body").inner_text()
        page.wait_for_function("() => document.querySelector('.fncoach-name input').value === 'Dana Carer'",
                               timeout=30000)
        assert page.outside_requests == [], f"requests to outside addresses were tried: {page.outside_requests}"
    except Exception as error:
        raise AssertionError(f"{error}\n{keep_screenshot(page, tmp_path, 'journey-failure')}") from error
