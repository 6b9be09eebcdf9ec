"""Accessibility in a real browser (WCAG 2.2 AA, issue 16 §3): axe-core checks every course notebook and the
facilitator notebook exactly as ``fncoach app`` serves them (Voilà), after doing what draws each figure, and the
static pages a learner or trainer is given: the trainee handout and facilitator pack, the plan pages and the
SOS map. No serious or critical violation is allowed — rules are never switched off; what axe finds is fixed.

Also checked here: the keyboard focus mark is clearly visible, every figure has its text as alt text and its full
description in the page, and the high-contrast / larger-text option in the course header changes the page, is
remembered after a reload, and still passes axe.

The counts per page and impact are printed (``pytest -s`` shows them). One Voilà per notebook.
Needs Debian's Chromium at /usr/bin/chromium and ``axe-playwright-python``; without them the tests skip with a
reason — unless ``CI`` or ``FNCOACH_REQUIRE_BROWSER=1`` is set, when they fail.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest

from browser import SCENARIO, keep_screenshot, page, serve  # noqa: F401  (fixtures)
from needs import missing

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group(name="browser")]

BLOCKING = ("serious", "critical")
IMPACTS = ("critical", "serious", "moderate", "minor")


def _axe():
    try:
        from axe_playwright_python.sync_playwright import Axe
    except ImportError:
        missing("accessibility test: axe-playwright-python is not installed (pip install -e '.[test]')",
                "FNCOACH_REQUIRE_BROWSER")
    return Axe()


def check_page(page, name: str, tmp_path: Path) -> Counter:
    """Run axe on what the page shows now; print the counts by impact; fail on any serious or critical one."""
    results = _axe().run(page).response
    counts: Counter = Counter()
    blocking = []
    for violation in results["violations"]:
        counts[violation["impact"]] += len(violation["nodes"])
        if violation["impact"] in BLOCKING:
            nodes = "; ".join(n["html"][:160] for n in violation["nodes"][:3])
            blocking.append(f"{violation['id']} ({violation['impact']}, {len(violation['nodes'])}×): "
                            f"{violation['help']} — {nodes}")
    rules = ", ".join(f"{v['id']}×{len(v['nodes'])}" for v in results["violations"]) or "none"
    print(f"\naxe {name}: " + " ".join(f"{impact}={counts[impact]}" for impact in IMPACTS) + f" [{rules}]")
    if blocking:
        raise AssertionError(f"{name}: serious or critical accessibility problems:\n" + "\n".join(blocking)
                             + f"\n{keep_screenshot(page, tmp_path, 'a11y-' + re.sub(r'[^a-z0-9]+', '-', name))}")
    return counts


def _ready(page) -> None:
    """Wait until Voilà has run every cell and the widgets are drawn (their number stops changing)."""
    page.wait_for_function("() => !document.querySelector('#loading') && "
                           "document.querySelectorAll('.jupyter-widgets').length > 0", timeout=120000)
    page.locator(".fncoach-case select").first.wait_for(state="visible", timeout=120000)
    page.wait_for_function("""() => {
        const n = document.querySelectorAll('.jupyter-widgets, img').length;
        const seen = window.__fncoachSeen || [0, 0];
        window.__fncoachSeen = n === seen[0] ? seen : [n, Date.now()];
        return n === seen[0] && Date.now() - seen[1] > 1500;
    }""", polling=250, timeout=120000)


def _figures_after_actions(page, notebook: str) -> None:
    """Do what draws each notebook's figures, as a learner would (clicks and typing)."""
    if notebook.startswith("02"):
        from fncoach.finding import QUESTIONS

        # the list's options are spaced with no-break spaces
        bea = "() => Array.from(document.querySelectorAll('option')).some(o => /Aunt\\sBea/.test(o.textContent))"
        page.get_by_placeholder("e.g. Nana Pat").first.fill("Aunt Bea")
        page.get_by_placeholder("e.g. maternal grandmother").first.fill("aunt")
        page.locator("button", has_text="Add person").first.click()
        page.wait_for_function(bea, timeout=30000)
        # asking a question redraws the builder below it (from the saved answers): the eco-maps are drawn again
        page.locator("button", has_text=QUESTIONS[0].text).first.click()
        page.get_by_text("You found someone").or_(page.get_by_text("What you heard")).first.wait_for(timeout=30000)
        page.wait_for_timeout(1500)
        page.wait_for_function(bea, timeout=30000)
    elif notebook.startswith("03"):
        page.get_by_placeholder(re.compile(r"^At 10, ")).first.fill(
            "Kofi sees his mum every Saturday with Siobhán there, and Mum is sober at every visit for three months.")
        page.locator("button", has_text="Save what 10 looks like").click()
        page.get_by_placeholder("0 to 10").first.fill("5")
        page.get_by_placeholder("Why that number? What are you seeing?").first.fill("Visits are going better.")
        commit = page.locator("button", has_text="Commit my number")
        page.wait_for_function("() => Array.from(document.querySelectorAll('button')).some("
                               "b => b.textContent.includes('Commit my number') && !b.disabled)", timeout=30000)
        commit.click()
        page.get_by_text("Step 3. Everyone's own number").first.wait_for(timeout=30000)
    elif notebook.startswith("04"):
        page.locator("button", has_text="Check the plan").click()
        page.get_by_text(re.compile("Have another look|No problems found")).first.wait_for(timeout=30000)
        page.locator("button", has_text="Run the drill").first.click()
        page.get_by_text(re.compile(r"\d+% of the jobs were covered")).first.wait_for(timeout=60000)
    elif notebook.startswith("05"):
        page.locator("button", has_text="Show me").first.click()
        page.get_by_text("Text description of the picture").first.wait_for(timeout=30000)
    page.wait_for_timeout(700)  # the images arrive from the kernel


NOTEBOOKS = ["00-start-here.ipynb", "01-principles-and-meetings.ipynb", "02-build-a-network.ipynb",
             "03-sos-mapping.ipynb", "04-safety-plan-and-drills.ipynb", "05-network-strength-what-ifs.ipynb",
             "06-review-and-handover.ipynb", "facilitator/session.ipynb"]


@pytest.mark.parametrize("notebook", NOTEBOOKS)
def test_notebook_has_no_serious_accessibility_problem(serve, page, tmp_path: Path, notebook: str):
    url, _record = serve(notebook)
    page.goto(url, wait_until="domcontentloaded", timeout=120000)
    _ready(page)
    try:
        _figures_after_actions(page, notebook)
    except Exception as error:
        raise AssertionError(f"{error}\n{keep_screenshot(page, tmp_path, 'a11y-actions')}") from error
    check_page(page, notebook, tmp_path)
    # the course is the page's main landmark (axe counts content outside landmarks only as "moderate")
    assert page.locator("main, [role=main]").count() == 1
    # every picture has a text alternative: its alt text is the figure's description, and the description is
    # in the page as well (not only in a file)
    images = page.evaluate("() => Array.from(document.querySelectorAll('img')).filter(i => i.offsetWidth > 0)"
                           ".map(i => [i.getAttribute('alt') || '', !!i.closest('.jupyter-widgets')])")
    assert all(alt.strip() for alt, _ in images), images
    figures = [alt for alt, drawn in images if drawn]  # the course's own figures (not the pictures in the text)
    text = page.evaluate("() => document.body.textContent")  # a closed <details> still counts: it opens
    for alt in figures:
        assert alt.split("\n")[0][:60] in text, f"the figure's description is not in the page: {alt!r}"
    assert page.outside_requests == [], page.outside_requests



FOCUS = ("() => { const s = getComputedStyle(document.activeElement);"
         " return [s.outlineStyle, s.outlineWidth, s.outlineColor]; }")
TEXT = ("() => { const p = document.querySelector('.jp-RenderedHTMLCommon p'); const s = getComputedStyle(p);"
        " return [parseFloat(s.fontSize), s.color]; }")


def test_focus_is_clear_and_larger_text_with_high_contrast_is_remembered(serve, page, tmp_path: Path):
    from browser import LEARNER
    from fncoach.record import Record

    url, record = serve("03-sos-mapping.ipynb")
    page.goto(url, wait_until="domcontentloaded", timeout=120000)
    _ready(page)
    try:
        # the keyboard focus mark: a 3 px solid dark outline, on a text box and on the next control reached by Tab
        page.locator(".fncoach-name input").focus()
        assert page.evaluate(FOCUS) == ["solid", "3px", "rgb(11, 61, 145)"], page.evaluate(FOCUS)
        page.keyboard.press("Tab")
        assert page.evaluate("() => document.activeElement.closest('.fncoach-contrast') !== null")
        assert page.evaluate(FOCUS)[:2] == ["solid", "3px"], page.evaluate(FOCUS)

        size, colour = page.evaluate(TEXT)
        page.keyboard.press("Space")  # the keyboard alone switches it on
        page.wait_for_function(f"() => ({TEXT})()[0] >= {size * 1.3}", timeout=30000)
        big, dark = page.evaluate(TEXT)
        print(f"\nlarger text: {size}px {colour} -> {big}px {dark}")
        assert dark == "rgb(0, 0, 0)" and big >= 18
        assert page.evaluate(FOCUS)[:2] == ["solid", "4px"]  # a still stronger mark
        _figures_after_actions(page, "03-sos-mapping.ipynb")
        check_page(page, "03 with larger text and high contrast", tmp_path)
        # remembered for the learner: in their record, and after a reload
        assert Record(record).setting(LEARNER, "display") == "large"
        page.reload(wait_until="domcontentloaded", timeout=120000)
        _ready(page)
        page.wait_for_function(f"() => ({TEXT})()[0] >= {size * 1.3}", timeout=30000)
        assert page.locator(".fncoach-contrast input").is_checked()
        page.locator(".fncoach-contrast input").uncheck()
        page.wait_for_function(f"() => ({TEXT})()[0] === {size}", timeout=30000)
        assert Record(record).setting(LEARNER, "display") == "standard"
    except Exception as error:
        raise AssertionError(f"{error}\n{keep_screenshot(page, tmp_path, 'a11y-contrast')}") from error


def _static_pages(tmp_path: Path) -> dict[str, str]:
    from fncoach.briefing.build import build_briefing
    from fncoach.pages.plan import adult_plan_html, words_and_pictures_html
    from fncoach.pages.sosmap import sos_map_html
    from fncoach.plan import model_assignments
    from fncoach.drills import simulate
    from fncoach.scenario import bundled_scenario_path, load_scenario

    case = load_scenario(bundled_scenario_path(SCENARIO))
    plan = model_assignments(case)
    answers = {"cards": {}, "worries": ["Siobhán is worried that Chloe might drink before family time again."],
               "own_score": "5", "own_reason": "Visits are going better."}
    pages = {
        "adult plan": adult_plan_html(case, plan, run=simulate(case, plan, seed=1)),
        "words and pictures plan": words_and_pictures_html(case, plan),
        "SOS map (model)": sos_map_html(case),
        "SOS map (learner's)": sos_map_html(case, answers),
        "SOS map (large print)": sos_map_html(case, large_print=True),
    }
    result = build_briefing(SCENARIO, "both", "html", tmp_path / "packs")
    for path in result.files:
        pages[path.name] = path.read_text(encoding="utf-8")
    return pages


def test_handouts_plan_pages_and_sos_maps_have_no_serious_accessibility_problem(page, tmp_path: Path):
    pages = _static_pages(tmp_path)
    assert len(pages) == 7, sorted(pages)
    for name, text in pages.items():
        page.set_content(text, wait_until="load")  # each page is one self-contained file
        check_page(page, name, tmp_path)
        assert page.locator("main, [role=main]").count() == 1, name
        # every picture has its own description as alt text: none is empty or nbconvert's stand-in words
        alts = page.evaluate("() => Array.from(document.querySelectorAll('img')).map(i => i.getAttribute('alt') || '')")
        poor = [alt for alt in alts if not alt.strip() or alt.startswith("No description has been provided")]
        assert poor == [], (name, poor)
    assert page.outside_requests == [], page.outside_requests
