"""Every course notebook and the facilitator notebook in a real browser, in app mode (Voilà exactly as
``fncoach app`` serves it), worked through as a learner would: type, choose, press each button.

For each notebook the test checks that the feedback the core gives (``fncoach.meetings``, ``fncoach.finding``,
``fncoach.sos``, ``fncoach.statements``, ``fncoach.scaling``, ``fncoach.childwords``, ``fncoach.whatif``,
``fncoach.plan``, ``fncoach.review``) is what appears on the page; that no error box (``ui._common``: "Sorry, that
did not work", "Something needs fixing", "Your work is not saved yet") and no Python traceback is ever shown; and,
after a reload, that the work is back in the widgets and in the learner record.

Keyboard alone: in every notebook 00–06 and the facilitator notebook at least one whole exercise is done with Tab,
Shift+Tab, Enter, Space and the arrow keys only (no clicks, no ``fill``), starting from the top of the page.

Markup: a copy of a bundled case whose free text is full of markup and script is opened in 03 in the browser:
nothing runs (``window.__pwned`` stays undefined, no dialog) and the markup is shown as text.

One Voilà per notebook; the whole module takes about three minutes on a busy two-core machine. A full-page
screenshot and the page's text are kept in the test's temporary folder when a step fails.
"""

from __future__ import annotations

import html
import json
import re
from pathlib import Path
from typing import Callable

import pytest
import yaml

from browser import LEARNER, SCENARIO, keep_screenshot, page, serve, wait_for_saved  # noqa: F401  (fixtures)
from fncoach import course as core_course
from fncoach.record import Record
from fncoach.scenario import bundled_scenario_path, load_scenario

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group(name="browser")]

GENERAL = core_course.GENERAL_SCENARIO
LOAD = 120000
#: What a learner must never see: the error boxes of ``fncoach/ui/_common.py`` and ``ui/course.py``, and tracebacks.
ERROR_SIGNS = ("Sorry, that did not work", "Something needs fixing", "Your work is not saved yet",
               "could not all be put back", "Traceback (most recent call last)", "Error:", "Exception:")


# ---------------------------------------------------------------------------- helpers


def _norm(text: str) -> str:
    return " ".join(str(text).split())


def case():
    return load_scenario(bundled_scenario_path(SCENARIO))


#: Put in every page before it loads: remembers any error sign that is ever added to the page, even for a moment.
WATCH_ERRORS = """(() => {
  const signs = %s;
  window.__errorsSeen = [];
  const look = (node) => {
    const text = node && (node.nodeType === 3 ? node.data : node.textContent) || '';
    for (const sign of signs) if (text.includes(sign)) window.__errorsSeen.push(text.slice(0, 400));
  };
  new MutationObserver((records) => { for (const r of records) {
    if (r.type === 'characterData') look(r.target); else r.addedNodes.forEach(look); } })
    .observe(document, {subtree: true, childList: true, characterData: true});
})();""" % json.dumps(ERROR_SIGNS)


def watch_for_errors(page) -> None:
    page.add_init_script(WATCH_ERRORS)


def no_error_shown(page) -> None:
    """No error box, no traceback, no error output of a cell (Voilà shows stderr and errors as outputs), now or
    at any moment since the page was opened (see :data:`WATCH_ERRORS`)."""
    seen = page.evaluate("() => window.__errorsSeen")
    assert seen == [], f"an error was shown on the page: {seen}"
    text = page.locator("body").inner_text()
    for sign in ERROR_SIGNS:
        at = text.find(sign)
        assert at < 0, f"the page shows {sign!r}: …{text[max(0, at - 300):at + 300]}…"
    errors = page.locator("[data-mime-type='application/vnd.jupyter.stderr'], .jp-OutputArea-output.jp-mod-error,"
                          " .output_error, .voila-error")
    assert errors.count() == 0, errors.first.inner_text()


def wait_text(scope, text: str, timeout: float = 30000) -> None:
    """Wait until ``scope`` (a locator, or the page) shows ``text`` (whitespace-insensitive)."""
    want = _norm(text)
    element = scope.locator("body") if hasattr(scope, "goto") else scope
    element.first.wait_for(state="attached", timeout=timeout)
    handle = element.first.element_handle()
    try:
        element.page.wait_for_function(
            "([el, want]) => el.innerText.split(/\\s+/).filter(Boolean).join(' ').includes(want)",
            arg=[handle, want], timeout=timeout)
    except Exception as error:
        raise AssertionError(f"the page never showed {want!r}; it shows: {_norm(handle.inner_text())[-1500:]!r}") \
            from error


def panel_of(page, button_text: str | re.Pattern):
    """The innermost box holding the button: the exercise panel (its message box is inside it)."""
    return page.locator(".widget-vbox", has=page.locator("button", has_text=button_text)).last


def selected_labels(scope) -> list[str]:
    """The chosen option of every drop-down list in ``scope``, as shown."""
    return [_norm(t) for t in scope.evaluate(
        "el => Array.from(el.querySelectorAll('select'))"
        ".map(s => s.selectedIndex < 0 ? '' : s.options[s.selectedIndex].text)")]


def eventually(read: Callable[[], object], want: object, timeout: float = 30) -> None:
    """Wait until ``read()`` equals ``want`` (the page is redrawn from the kernel a moment after a change)."""
    import time

    deadline = time.monotonic() + timeout
    while True:
        got = read()
        if got == want:
            return
        if time.monotonic() > deadline:
            raise AssertionError(f"expected {want!r}, the page shows {got!r}")
        time.sleep(0.2)


def box_of(control):
    """The nearest box around a control (one statement, one card…)."""
    return control.locator("xpath=ancestor::div[contains(concat(' ', @class, ' '), ' widget-vbox ')][1]")


def steady(read: Callable[[], object], want: object, timeout: float = 30, still: float = 0.6) -> None:
    """Wait until ``read()`` equals ``want`` and stays so for ``still`` seconds (no redraw from the kernel is
    still on its way), as a person's eyes would before the next key."""
    import time

    deadline = time.monotonic() + timeout
    while True:
        eventually(read, want, max(0.1, deadline - time.monotonic()))
        time.sleep(still)
        if read() == want:
            return
        if time.monotonic() > deadline:
            raise AssertionError(f"{want!r} did not stay on the page")


def option_texts(select) -> list[str]:
    return [_norm(t) for t in select.evaluate("el => Array.from(el.options).map(o => o.text)")]


def open_notebook(page, url: str, ready: str) -> None:
    """Open ``url`` and wait until the button ``ready`` (late in the page) is there: every cell has run."""
    page.goto(url, wait_until="domcontentloaded", timeout=LOAD)
    page.locator("button", has_text=ready).first.wait_for(state="visible", timeout=LOAD)


def expect_feedback(scope, title: str, text: str) -> None:
    """The feedback box (``message_html``): its title and every line of its text."""
    wait_text(scope, title)
    for line in text.split("\n"):
        if line.strip():
            wait_text(scope, line.strip(), timeout=5000)


def is_done(record: Path, exercise: str, scenario: str = SCENARIO) -> bool:
    entry = Record(record).entry(LEARNER, scenario, exercise)
    return bool(entry and entry.done)


def run_step(page, tmp_path: Path, name: str, steps: Callable[[], None]) -> None:
    watch_for_errors(page)
    try:
        steps()
        no_error_shown(page)
        assert page.outside_requests == [], f"requests to outside addresses were tried: {page.outside_requests}"
    except Exception as error:
        try:
            (tmp_path / f"{name}.txt").write_text(page.locator("body").inner_text(), encoding="utf-8")
        except Exception:  # the page itself may be gone
            pass
        raise AssertionError(f"{error}\n{keep_screenshot(page, tmp_path, name)}") from error


# ---------------------------------------------------------------------------- the keyboard alone


_ACTIVE = """() => {
  const a = document.activeElement; if (!a) return '';
  const label = a.closest(
    '.widget-inline-hbox, .widget-checkbox, .widget-toggle-buttons, .widget-radio, .widget-select');
  return [a.tagName, a.type || '', a.getAttribute('placeholder') || '', (a.innerText || '').trim(),
          label ? label.innerText.trim() : '', a.getAttribute('aria-label') || ''].join(' | ');
}"""


def active(page) -> str:
    return _norm(page.evaluate(_ACTIVE))


def tab_to(page, wanted: Callable[[str], bool], *, back: bool = False, limit: int = 400) -> str:
    """Press Tab (Shift+Tab with ``back``) until the focused control's description satisfies ``wanted``."""
    for _ in range(limit):
        page.keyboard.press("Shift+Tab" if back else "Tab")
        now = active(page)
        if wanted(now):
            return now
    raise AssertionError(f"the keyboard never reached the control (last focused: {active(page)!r})")


def from_the_top(page) -> None:
    """Put the keyboard at the start of the page, as a learner arriving on it (no click)."""
    page.evaluate("() => { document.activeElement && document.activeElement.blur(); window.scrollTo(0, 0); }")
    page.keyboard.press("Home")


def choose_with_arrows(page, label: str) -> None:
    """On a focused closed <select>: step with the arrow keys to the option ``label``."""
    read = "() => Array.from(document.activeElement.options).map(o => o.text)"
    options = [_norm(o) for o in page.evaluate(read)]
    label = _norm(label)
    assert label in options, (label, options)
    current = page.evaluate("() => document.activeElement.selectedIndex")
    target = options.index(label)
    key = "ArrowDown" if target > current else "ArrowUp"
    for _ in range(abs(target - current)):
        page.keyboard.press(key)
    eventually(lambda: page.evaluate("() => document.activeElement.selectedIndex"), target)


# ---------------------------------------------------------------------------- 00 · Start here


def test_start_here_by_keyboard(serve, page, tmp_path: Path):
    """00 by keyboard alone: write the reflection, tick it finished, see the progress table, get the portfolio."""
    url, record = serve("00-start-here.ipynb")
    note = "I hope to learn how to find the people who matter to a child"

    def steps():
        open_notebook(page, url, "Show my latest progress")
        from_the_top(page)
        tab_to(page, lambda a: a.startswith("TEXTAREA") and "Write as much or as little" in a)
        page.keyboard.type(note, delay=5)
        page.keyboard.press("Tab")  # leaving the box saves it
        wait_text(page, "Saved at")
        wait_for_saved(record, "start_here_reflection", lambda a: note in json.dumps(a))
        tab_to(page, lambda a: a.startswith("INPUT | checkbox") and "I have finished this exercise" in a)
        page.keyboard.press("Space")
        wait_text(page, "Marked as finished")
        assert is_done(record, "start_here_reflection")
        # the progress table follows: the rows the core gives for this record are on the page
        rows = core_course.progress_rows(Record(record).progress(LEARNER))
        assert rows, "the record has no progress rows"
        for row in rows:
            wait_text(page, row.exercise)
        wait_text(page, "✓ Done")
        # the portfolio by keyboard: Tab to the link, Enter, and it holds the reflection
        tab_to(page, lambda a: a.startswith("A ") and "portfolio" in a.lower())
        with page.expect_download(timeout=30000) as download:
            page.keyboard.press("Enter")
        text = Path(download.value.path()).read_text(encoding="utf-8")
        assert html.escape(note) in text or note in text
        no_error_shown(page)
        page.reload(wait_until="domcontentloaded", timeout=LOAD)
        page.locator("button", has_text="Show my latest progress").wait_for(state="visible", timeout=LOAD)
        page.wait_for_function("(note) => Array.from(document.querySelectorAll('textarea'))"
                               ".some(t => t.value === note)",
                               arg=note, timeout=30000)
        box = page.locator(".widget-checkbox", has_text="I have finished this exercise").locator("input")
        assert box.is_checked()
        wait_text(page, "Welcome back")

    run_step(page, tmp_path, "start-here", steps)


# ---------------------------------------------------------------------------- 01 · Principles and meetings


def test_principles_and_meetings(serve, page, tmp_path: Path):
    """01: preparation, the running order (by keyboard alone), a meeting by video and the dilemmas."""
    from fncoach import meetings

    url, record = serve("01-principles-and-meetings.ipynb")
    steps_ = meetings.PREPARATION_STEPS
    audiences = list(meetings.AUDIENCES)
    label = {key: words[:1].upper() + words[1:] for key, words in meetings.AUDIENCES.items()}
    # every step right except the first, which gets the wrong audience
    prep = {s.id: s.audience for s in steps_}
    prep[steps_[0].id] = next(a for a in audiences if a != steps_[0].audience)
    ticked = [p.id for p in meetings.VIRTUAL_PRACTICES if p.safe] + \
        [next(p.id for p in meetings.VIRTUAL_PRACTICES if not p.safe)]
    dilemma_choice = {d.id: d.options[i % len(d.options)].id for i, d in enumerate(meetings.DILEMMAS)}
    right_order = [item.id for item in meetings.AGENDA]
    titles = {item.id: item.title for item in meetings.AGENDA}

    def steps():
        open_notebook(page, url, "Check my order")
        # -- getting ready: choose for each step, press "Check my answers"
        prep_panel = page.locator(".widget-vbox", has=page.get_by_text(steps_[0].text)).last
        selects = prep_panel.locator("select")
        assert selects.count() == len(steps_)
        for i, step in enumerate(steps_):
            selects.nth(i).select_option(label=label[prep[step.id]])
        prep_panel.locator("button", has_text="Check my answers").click()
        expected = meetings.check_preparation(prep)
        assert not expected.correct
        expect_feedback(prep_panel, f"{expected.score} of {expected.out_of}", expected.text)
        wait_for_saved(record, "fnm_preparation", lambda a: a.get("choices") == prep, scenario=GENERAL)

        # -- the running order, by keyboard alone
        agenda = panel_of(page, "Check my order")
        from_the_top(page)
        tab_to(page, lambda a: a.startswith("SELECT") and "Move" not in a and "1." in a)
        agenda.locator("button", has_text="Check my order").wait_for()
        first = option_texts(agenda.locator("select"))
        order = [next(k for k, t in titles.items() if o.split(". ", 1)[1] == t) for o in first]
        for target, item in enumerate(right_order):
            here = order.index(item)
            if here == target:
                continue
            # select the part with the arrow keys (the focus is on the list)
            current = page.evaluate("() => document.activeElement.selectedIndex")
            key = "ArrowDown" if here > current else "ArrowUp"
            if current < 0:
                page.keyboard.press("ArrowDown")
                current = 0
                key = "ArrowDown"
            for _ in range(abs(here - current)):
                page.keyboard.press(key)
            steady(lambda: page.evaluate("() => document.activeElement.selectedIndex"), here)
            tab_to(page, lambda a: a.startswith("BUTTON") and "Move up" in a)
            for at in range(here, target, -1):  # one press of "Move up" at a time, as the list is redrawn
                page.keyboard.press("Enter")
                order[at - 1], order[at] = order[at], order[at - 1]
                want = [f"{i}. {titles[x]}" for i, x in enumerate(order, start=1)]
                eventually(lambda: option_texts(agenda.locator("select")), want)
                # redrawn from the kernel with the moved part still chosen: wait for that before the next move
                eventually(lambda: agenda.locator("select").evaluate("el => el.selectedIndex"), at - 1)
            tab_to(page, lambda a: a.startswith("SELECT"), back=True)
        assert order == right_order
        tab_to(page, lambda a: a.startswith("BUTTON") and "Check my order" in a)
        page.keyboard.press("Enter")
        expected = meetings.check_agenda_order(order)
        assert expected.correct
        expect_feedback(agenda, f"{expected.score} of {expected.out_of} — well done", expected.text)
        wait_for_saved(record, "fnm_agenda", lambda a: a.get("order") == right_order, scenario=GENERAL)

        # -- a meeting by phone or video: tick, press its "Check my answers"
        virtual = page.locator(".widget-vbox", has=page.get_by_text(meetings.VIRTUAL_PRACTICES[0].text)).last
        for practice in meetings.VIRTUAL_PRACTICES:
            if practice.id in ticked:
                virtual.locator(".widget-checkbox", has_text=practice.text).locator("input").check()
        virtual.locator("button", has_text="Check my answers").click()
        expected = meetings.check_virtual_choices(ticked)
        expect_feedback(virtual, f"{expected.score} of {expected.out_of}", expected.text)
        wait_for_saved(record, "fnm_virtual", lambda a: sorted(a.get("ticked", [])) == sorted(ticked),
                       scenario=GENERAL)

        # -- when it gets difficult: feedback on every choice, then a summary
        for number, item in enumerate(meetings.DILEMMAS, start=1):
            block = page.locator(".widget-toggle-buttons").nth(number - 1)
            letter = chr(ord("A") + [o.id for o in item.options].index(dilemma_choice[item.id]))
            block.locator("button", has_text=re.compile(rf"^\s*{letter}\s*$")).click()
            answer = meetings.check_dilemma(item.id, dilemma_choice[item.id])
            wait_text(page, answer.text.split("\n")[0])
        summary = meetings.check_dilemmas(dilemma_choice, [d.id for d in meetings.DILEMMAS])
        expect_feedback(page, "All answered", summary.text)
        wait_for_saved(record, "fnm_dilemmas", lambda a: a.get("choices") == dilemma_choice, scenario=GENERAL)
        no_error_shown(page)

        # -- a reload: every answer is back on screen
        page.reload(wait_until="domcontentloaded", timeout=LOAD)
        page.locator("button", has_text="Check my order").wait_for(state="visible", timeout=LOAD)
        prep_panel = page.locator(".widget-vbox", has=page.get_by_text(steps_[0].text)).last
        eventually(lambda: selected_labels(prep_panel), [_norm(label[prep[s.id]]) for s in steps_])
        agenda = panel_of(page, "Check my order")
        assert option_texts(agenda.locator("select")) == \
            [f"{i}. {titles[x]}" for i, x in enumerate(right_order, start=1)]
        virtual = page.locator(".widget-vbox", has=page.get_by_text(meetings.VIRTUAL_PRACTICES[0].text)).last
        for practice in meetings.VIRTUAL_PRACTICES:
            box = virtual.locator(".widget-checkbox", has_text=practice.text).locator("input")
            assert box.is_checked() == (practice.id in ticked), practice.id
        for number, item in enumerate(meetings.DILEMMAS, start=1):
            letter = chr(ord("A") + [o.id for o in item.options].index(dilemma_choice[item.id]))
            pressed = page.locator(".widget-toggle-buttons").nth(number - 1).locator("button.mod-active")
            assert _norm(pressed.inner_text()) == letter
        wait_text(page, "Welcome back")

    run_step(page, tmp_path, "meetings", steps)


# ---------------------------------------------------------------------------- 02 · Build a network


def test_build_a_network(serve, page, tmp_path: Path):
    """02: finding the network by keyboard alone (each question, then "how did I do?"); the network builder."""
    from fncoach import finding

    scenario = case()
    url, record = serve("02-build-a-network.ipynb")
    # two questions that find someone and one that finds nobody, as the core says
    finds, empty, asked = [], [], []
    for question in finding.QUESTIONS:
        found = finding.ask(scenario, asked + [question.id]).found_by(question.id)
        if found and len(finds) < 2:
            finds.append(question)
            asked.append(question.id)
        elif not found and not empty:
            empty.append(question)
            asked.append(question.id)
    assert len(finds) == 2 and empty
    asking = [finds[0], empty[0], finds[1]]
    newcomer = "Auntie Grace Mensah"

    def steps():
        open_notebook(page, url, "Save as scenario")
        panel = panel_of(page, "I have asked enough")
        # -- finding, by keyboard alone: each question in turn from the top of the page, then "how did I do?"
        so_far: list[str] = []
        for question in asking:
            from_the_top(page)
            tab_to(page, lambda a: a.startswith("BUTTON") and question.text in a)
            page.keyboard.press("Enter")
            so_far.append(question.id)
            found = finding.ask(scenario, so_far).found_by(question.id)
            if found:
                expect_feedback(panel, "You found someone",
                                "\n".join(f"{f.name} ({f.relationship}): {f.clue}" for f in found))
            else:
                expect_feedback(panel, "What you heard", "Nobody new came up this time. That happens: keep asking.")
            wait_text(panel, finding.ask(scenario, so_far).summary)
        page.keyboard.press("Enter")  # the same question again
        wait_text(panel, "You have asked that already. Try a different question.")
        tab_to(page, lambda a: a.startswith("BUTTON") and "I have asked enough" in a)
        page.keyboard.press("Enter")
        expect_feedback(panel, "How did you do?", "\n".join(finding.feedback(scenario, so_far)))
        wait_for_saved(record, "finding_the_network", lambda a: a.get("asked") == so_far)

        # -- the builder follows the finding: the people found are in its list of people
        builder = panel_of(page, "Save as scenario")
        person = builder.locator(".widget-dropdown", has_text="Person").locator("select").first
        found_names = [f.name for q in finds for f in finding.ask(scenario, so_far).found_by(q.id)]
        eventually(lambda: all(any(n in o for o in option_texts(person)) for n in found_names), True)
        # add someone new, take it back, add them again
        builder.locator(".widget-text", has_text="Name").locator("input").first.fill(newcomer)
        builder.locator(".widget-text", has_text="Who they are to").locator("input").fill("family friend")
        builder.locator("button", has_text="Add person").click()
        eventually(lambda: any(newcomer in o for o in option_texts(person)), True)
        wait_for_saved(record, "network_builder", lambda a: newcomer in json.dumps(a))
        builder.locator("button", has_text="Undo").click()
        wait_text(builder, "The last change was taken back.")
        eventually(lambda: any(newcomer in o for o in option_texts(person)), False)
        wait_for_saved(record, "network_builder", lambda a: newcomer not in json.dumps(a))
        builder.locator(".widget-text", has_text="Name").locator("input").first.fill(newcomer)
        builder.locator(".widget-text", has_text="Who they are to").locator("input").fill("family friend")
        builder.locator("button", has_text="Add person").click()
        eventually(lambda: any(newcomer in o for o in option_texts(person)), True)
        wait_text(builder, newcomer)  # on the eco-map's description too
        # save it as a case of the learner's own: first with no name, then named
        builder.locator("button", has_text="Save as scenario").click()
        expect_feedback(builder, "Not saved yet", "Give your network a name first (in the box beside the button).")
        builder.get_by_placeholder(re.compile("for example")).fill("Kofi and Grace")
        builder.locator("button", has_text="Save as scenario").click()
        wait_text(builder, "Saved as “")
        wait_for_saved(record, "network_builder", lambda a: newcomer in json.dumps(a))
        no_error_shown(page)

        # -- a reload: the questions asked are marked, the builder has the new person
        page.reload(wait_until="domcontentloaded", timeout=LOAD)
        page.locator("button", has_text="Save as scenario").wait_for(state="visible", timeout=LOAD)
        panel = panel_of(page, "I have asked enough")
        wait_text(panel, finding.ask(scenario, so_far).summary)
        for question in finding.QUESTIONS:
            asked_mark = panel.locator("button.mod-success", has_text=question.text).count()
            assert asked_mark == (1 if question.id in so_far else 0), question.id
        builder = panel_of(page, "Save as scenario")
        person = builder.locator(".widget-dropdown", has_text="Person").locator("select").first
        eventually(lambda: any(newcomer in o for o in option_texts(person)), True)
        wait_text(page, "Welcome back")

    run_step(page, tmp_path, "network", steps)


# ---------------------------------------------------------------------------- 03 · SOS mapping


def test_sos_mapping(serve, page, tmp_path: Path):
    """03: the card sort by keyboard alone; statements, the safety scale and the Three Houses by a learner."""
    from fncoach.childwords import check_house_message
    from fncoach.scaling import check_ten_means, reveal
    from fncoach.sos import COLUMN_TITLES, check_sort, columns_for
    from fncoach.statements import check_statement, compare_with_model, judge_statement_set

    scenario = case()
    url, record = serve("03-sos-mapping.ipynb")
    cards = scenario.sos.cards
    columns = columns_for(scenario)
    sort = {c.id: c.column for c in cards}
    sort[cards[0].id] = next(col for col in columns if col != cards[0].column)  # one card in the wrong column
    harm = scenario.sos.harm_statements[0].text
    worry = "Mum is chaotic and neglectful."
    ten = (f"At 10, {scenario.child.name} goes to every family time and comes home happy, because the network "
           "checks Chloe is sober before each visit, and the carers and social worker have seen this for six months.")
    voice = scenario.child.voice
    chosen = {"worries": [voice.worries[0]], "good_things": [voice.good_things[0]], "dreams": [voice.dreams[0]]}
    say = {"worries": f"{scenario.child.name} said: {voice.worries[0]}", "good_things": "", "dreams": ""}

    def steps():
        open_notebook(page, url, "Check what the network will hear")
        # -- the card sort by keyboard alone
        sort_panel = panel_of(page, "Check my sort")
        from_the_top(page)
        for number, card in enumerate(cards, start=1):
            tab_to(page, lambda a, n=number: a.startswith("SELECT") and f"Card {n}" in a)
            choose_with_arrows(page, COLUMN_TITLES[sort[card.id]])
        tab_to(page, lambda a: a.startswith("BUTTON") and "Check my sort" in a)
        wait_for_saved(record, "sos_card_sort", lambda a: a.get("cards") == sort)  # the last choice has arrived
        page.keyboard.press("Enter")
        result = check_sort(scenario, sort)
        expect_feedback(sort_panel, f"{result.score} of {result.total}", result.summary())
        for card in result.cards:
            wait_text(sort_panel, card.message(), timeout=5000)
        wait_for_saved(record, "sos_card_sort", lambda a: a.get("cards") == sort)

        # -- statements: a good harm statement, a labelling worry, compare, the whole set
        statements = panel_of(page, "Check the whole set")
        harm_box = box_of(page.get_by_placeholder("Write your harm statement here").first)
        harm_box.get_by_placeholder("Write your harm statement here").fill(harm)
        harm_box.locator("button", has_text=re.compile(r"^\s*Check\s*$")).click()
        verdict = check_statement(harm, "harm", scenario)
        wait_text(harm_box, "This has all the parts" if verdict.ok else "Nearly there")
        wait_text(harm_box, verdict.summary())
        harm_box.locator("button", has_text="Compare with the model").click()
        wait_text(harm_box, compare_with_model(scenario, "harm", harm)[0])
        worry_box = box_of(page.get_by_placeholder("Write your worry statement here").first)
        worry_box.get_by_placeholder("Write your worry statement here").fill(worry)
        worry_box.get_by_placeholder("e.g. Gran, Amara").fill("Siobhán")
        worry_box.locator("button", has_text=re.compile(r"^\s*Check\s*$")).click()
        verdict = check_statement(worry, "worry", scenario)
        assert not verdict.ok
        wait_text(worry_box, "Nearly there")
        for finding in verdict.findings[:3]:
            wait_text(worry_box, finding.message, timeout=5000)
        statements.locator("button", has_text="Check the whole set").click()
        n_harm = len(page.get_by_placeholder("Write your harm statement here").all())
        n_worry = len(page.get_by_placeholder("Write your worry statement here").all())
        whole = judge_statement_set([harm] + [""] * (n_harm - 1), [worry] + [""] * (n_worry - 1),
                                    [""] * n_worry, scenario)
        expect_feedback(statements, whole.title, "\n".join(whole.lines))
        wait_for_saved(record, "sos_statements", lambda a: a.get("harm", [""])[0] == harm
                       and a.get("worries", [""])[0] == worry and a["agreement"][0]["agreed"] == "Siobhán")

        # -- the safety scale: what 10 looks like, my number, commit, everyone's numbers
        scaling = panel_of(page, "Commit my number")
        scaling.get_by_placeholder(f"At 10, {scenario.child.name}…").fill(ten)
        scaling.locator("button", has_text="Save what 10 looks like").click()
        wait_text(scaling, check_ten_means(ten).message)
        assert check_ten_means(ten).ok
        scaling.get_by_placeholder("0 to 10").fill("4")
        scaling.get_by_placeholder("Why that number? What are you seeing?").fill("Family time still goes wrong.")
        commit = scaling.locator("button", has_text="Commit my number")
        eventually(lambda: commit.is_enabled(), True)
        commit.click()
        shown = reveal(scenario, "4", "Family time still goes wrong.")
        if shown.escalations:
            expect_feedback(scaling, "Immediate safety concern: escalate", "\n".join(shown.escalations))
        else:
            wait_text(scaling, "Your number is committed. Compare your reasons with everyone else's.")
        for person in shown.perspectives:
            wait_text(scaling, person.name, timeout=5000)
        wait_text(scaling, shown.spread.text)
        wait_for_saved(record, "sos_scaling", lambda a: a.get("committed") is True and a.get("own_score") == 4)

        # -- the Three Houses: choose what the network must hear, say it, check
        houses = panel_of(page, "Check what the network will hear")
        for key, phrases in chosen.items():
            for phrase in phrases:
                houses.locator(".widget-checkbox", has_text=phrase).first.locator("input").check()
        houses.get_by_placeholder(re.compile("what worries")).fill(say["worries"])
        houses.locator("button", has_text="Check what the network will hear").click()
        heard = check_house_message(scenario, chosen, say)
        expect_feedback(houses, heard.headline, "\n".join(p.message for p in heard.points))
        wait_for_saved(record, "sos_three_houses", lambda a: a.get("houses_chosen") == chosen)
        no_error_shown(page)

        # -- a reload: the sort, the statements, the committed number and the houses are back
        page.reload(wait_until="domcontentloaded", timeout=LOAD)
        page.locator("button", has_text="Check what the network will hear").wait_for(state="visible", timeout=LOAD)
        eventually(lambda: selected_labels(panel_of(page, "Check my sort")),
                   [_norm(COLUMN_TITLES[sort[c.id]]) for c in cards])
        eventually(lambda: page.get_by_placeholder("Write your harm statement here").first.input_value(), harm)
        eventually(lambda: page.get_by_placeholder("Write your worry statement here").first.input_value(), worry)
        scaling = panel_of(page, "Commit my number")
        eventually(lambda: scaling.get_by_placeholder("0 to 10").input_value(), "4")
        wait_text(scaling, shown.spread.text)  # committed: everyone's numbers are shown again
        assert scaling.get_by_placeholder("0 to 10").is_disabled()
        houses = panel_of(page, "Check what the network will hear")
        for key, phrases in chosen.items():
            box = houses.locator(".widget-checkbox", has_text=phrases[0]).first.locator("input")
            assert box.is_checked(), phrases[0]
        eventually(lambda: houses.get_by_placeholder(re.compile("what worries")).input_value(), say["worries"])
        wait_text(page, "Welcome back")

    run_step(page, tmp_path, "sos", steps)


# ---------------------------------------------------------------------------- 05 · Network strength and what-ifs


def test_network_strength_what_ifs(serve, page, tmp_path: Path):
    """05: one what-if by mouse, one by keyboard alone; each shows the core's headline and reasons; a reload
    shows the last one again."""
    from fncoach.whatif import WHAT_IF_PRESETS, preset_changes, what_if

    scenario = case()
    url, record = serve("05-network-strength-what-ifs.ipynb")
    people = list(scenario.known_people)
    tries = [(people[1], "moves_away"), (people[2], "stressful")]

    def expected(person, kind):
        return what_if(scenario, preset_changes(scenario, person.id, kind))

    def steps():
        open_notebook(page, url, "Show me")
        panel = panel_of(page, "Show me")
        selects = panel.locator("select")
        # -- by mouse
        person, kind = tries[0]
        selects.nth(0).select_option(label=person.name)
        selects.nth(1).select_option(label=WHAT_IF_PRESETS[kind])
        panel.locator("button", has_text="Show me").click()
        result = expected(person, kind)
        wait_text(panel, result.headline)
        for line in result.explanation:
            wait_text(panel, line, timeout=5000)
        wait_for_saved(record, "what_if", lambda a: a.get("tries") == [{"person": person.id, "kind": kind}])
        # -- by keyboard alone
        person, kind = tries[1]
        from_the_top(page)
        tab_to(page, lambda a: a.startswith("SELECT") and "What if" in a)
        choose_with_arrows(page, person.name)
        page.keyboard.press("Tab")
        choose_with_arrows(page, WHAT_IF_PRESETS[kind])
        tab_to(page, lambda a: a.startswith("BUTTON") and "Show me" in a)
        page.keyboard.press("Enter")
        result = expected(person, kind)
        wait_text(panel, result.headline)
        for line in result.explanation:
            wait_text(panel, line, timeout=5000)
        wait_for_saved(record, "what_if", lambda a: [t["person"] for t in a.get("tries", [])] ==
                       [p.id for p, _ in tries])
        no_error_shown(page)

        # -- a reload: the last what-if is shown again
        page.reload(wait_until="domcontentloaded", timeout=LOAD)
        page.locator("button", has_text="Show me").wait_for(state="visible", timeout=LOAD)
        panel = panel_of(page, "Show me")
        wait_text(panel, result.headline)
        eventually(lambda: selected_labels(panel), [_norm(person.name), _norm(WHAT_IF_PRESETS[kind])])
        wait_text(page, "Welcome back")

    run_step(page, tmp_path, "what-ifs", steps)


# ---------------------------------------------------------------------------- the facilitator's notebook


def test_facilitator_session(serve, page, tmp_path: Path):
    """The trainer's notebook: model answers revealed one section at a time (by keyboard alone), hidden again; the
    live room says plainly that it is not available without a hub."""
    from fncoach.room.client import NOT_AVAILABLE

    sections = core_course.model_answer_sections(case())
    url, _record = serve("facilitator/session.ipynb")

    def steps():
        open_notebook(page, url, "Show the next section")
        panel = panel_of(page, "Show the next section")
        wait_text(panel, f"0 of {len(sections)} sections shown")
        first_line = sections[0][1][0]
        assert not page.get_by_text(first_line, exact=False).first.is_visible()  # nothing given away yet
        show = panel.locator("button", has_text="Show the next section")
        # by keyboard alone: Tab to the button from the top of the page, then Enter for each section
        from_the_top(page)
        tab_to(page, lambda now: now.startswith("BUTTON") and "Show the next section" in now)
        for number, (title, lines) in enumerate(sections, start=1):
            page.keyboard.press("Enter")
            wait_text(panel, f"{number} of {len(sections)} sections shown")
            heading = panel.locator("h3", has_text=title).first
            heading.wait_for(state="visible", timeout=10000)
            if number < len(sections):
                assert not panel.locator("h3", has_text=sections[number][0]).first.is_visible()
            wait_text(panel, lines[0], timeout=5000)
        eventually(lambda: show.is_disabled(), True)
        panel.locator("button", has_text="Hide all").click()
        wait_text(panel, f"0 of {len(sections)} sections shown")
        eventually(lambda: panel.locator("h3", has_text=sections[0][0]).first.is_visible(), False)
        assert show.is_enabled()
        wait_text(page, NOT_AVAILABLE)

    run_step(page, tmp_path, "facilitator", steps)


# ---------------------------------------------------------------------------- 04 and 06 by keyboard alone


def test_safety_plan_by_keyboard(serve, page, tmp_path: Path):
    """04 by keyboard alone: a main person and a backup for every job, then "Check the plan"."""
    from fncoach.plan import assignments_from_answers
    from fncoach.planchange import check_whole_plan
    from fncoach.words import count_words

    scenario = case()
    url, record = serve("04-safety-plan-and-drills.ipynb")
    model = {a.task: a for a in scenario.plan.model_plan}
    rows = [{"task": t.id, "primary": model[t.id].primary, "backups": list(model[t.id].backups[:1])}
            for t in scenario.plan.tasks]

    def label(person_id: str) -> str:
        person = scenario.person(person_id)
        return f"{person.name} — {person.relationship}" + ("" if person.is_known else " (not found yet)")

    def steps():
        open_notebook(page, url, "Run the drill")
        from_the_top(page)
        for row in rows:
            tab_to(page, lambda a: a.startswith("SELECT") and "Main person" in a)
            choose_with_arrows(page, label(row["primary"]))
            for backup in row["backups"]:
                tab_to(page, lambda a: a.startswith("SELECT") and "Backup 1" in a)
                choose_with_arrows(page, label(backup))
        tab_to(page, lambda a: a.startswith("BUTTON") and "Check the plan" in a)
        wait_for_saved(record, "safety_plan", lambda a: a.get("assignments") == rows)
        page.keyboard.press("Enter")
        problems = check_whole_plan(scenario, assignments_from_answers({"assignments": rows}))
        to_fix = [p for p in problems if p.level == "problem"]
        panel = panel_of(page, "Check the plan")
        if to_fix:
            expect_feedback(panel, "Have another look", f"{count_words(len(to_fix), 'thing')} to fix")
        else:
            expect_feedback(panel, "No problems found", "Every job has a main person and a backup who can do it.")
        for problem in problems:
            wait_text(panel, problem.message, timeout=5000)

    run_step(page, tmp_path, "plan-keyboard", steps)


def test_review_by_keyboard(serve, page, tmp_path: Path):
    """06 by keyboard alone: the four-week review's decision (is it working: a radio choice with the arrow keys;
    which jobs need changing: a tick with Space) and its check."""
    from fncoach.review import VERDICTS
    from fncoach.ui.plan import ReviewPanel

    scenario = case()
    url, record = serve("06-review-and-handover.ipynb")
    # the same review the notebook builds for a learner with no plan of their own yet, judged by the core
    reference = ReviewPanel(scenario, seed=0)
    reference.working.value = "partly"
    job = scenario.plan.tasks[0]
    reference.change[job.id].value = True
    reference._on_check()
    verdict = reference.feedback

    def steps():
        open_notebook(page, url, "Check my decision")
        from_the_top(page)
        tab_to(page, lambda a: a.startswith("INPUT | radio") and "Is it working?" in a)
        page.keyboard.press("Space")  # the first answer…
        page.keyboard.press("ArrowDown")  # …then the next one down: "Partly"
        eventually(lambda: page.evaluate("() => document.activeElement.checked && "
                                         "document.activeElement.closest('label').innerText.trim()"),
                   VERDICTS["partly"])
        tab_to(page, lambda a: a.startswith("INPUT | checkbox") and job.title in a)  # which jobs need changing
        page.keyboard.press("Space")
        tab_to(page, lambda a: a.startswith("BUTTON") and "Check my decision" in a)
        wait_for_saved(record, "safety_plan_review", lambda a: a["decision"]["working"] == "partly"
                       and a["decision"]["change"] == [job.id])
        page.keyboard.press("Enter")
        panel = panel_of(page, "Check my decision")
        expect_feedback(panel, verdict.headline, "\n".join(verdict.points))

    run_step(page, tmp_path, "review-keyboard", steps)


# ---------------------------------------------------------------------------- markup in a case's free text


PWN = "window.__pwned=1"
#: Appended to every free-text field of the case (``SHORT_MARKUP`` where the field is short, such as names).
MARKUP = (f'<script>{PWN}</script><img src=x onerror="{PWN}"><a href="javascript:{PWN}">link</a>'
          "</td></tr></table></div></li></ul>")
SHORT_MARKUP = f"<img src=x onerror={PWN}></td>"


def hostile_case_file(folder: Path) -> Path:
    """A copy of the bundled case with markup and script added to every free-text field, under the same id."""
    from test_hostile_markup import HOSTILE, _bundled_free_text, _with

    from fncoach.model import Scenario

    data = case().model_dump(mode="json")
    for path, text in _bundled_free_text().items():  # every free-text field, and whether it takes the long text
        data = _with(data, path, MARKUP if text == HOSTILE else SHORT_MARKUP)
    Scenario.model_validate(data)
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / f"{SCENARIO}.yaml"
    target.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    assert MARKUP in target.read_text(encoding="utf-8") and load_scenario(target).child.name.endswith(")")
    return target


def test_markup_in_a_case_is_shown_as_text_and_never_runs(serve, page, tmp_path: Path):
    """03 opened on a case whose free text is full of markup and script (a coach's own case that takes the bundled
    case's place): after every button, nothing ran, no dialog opened, and the markup is on the page as text."""
    hostile = hostile_case_file(tmp_path / "own-cases")
    scenario = load_scenario(hostile)
    url, record = serve("03-sos-mapping.ipynb", extra_env={"FNCOACH_SCENARIOS": str(hostile.parent)})
    dialogs: list[str] = []

    def on_dialog(dialog):
        dialogs.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", on_dialog)

    def nothing_ran() -> None:
        assert page.evaluate("() => typeof window.__pwned") == "undefined", "script from the case ran"
        assert dialogs == [], f"a dialog opened: {dialogs}"
        made = page.evaluate("""() => ({
            handlers: document.querySelectorAll('[onerror], [onload], [onmouseover]').length,
            links: document.querySelectorAll('a[href^="javascript:" i]').length,
            scripts: Array.from(document.scripts).filter(s => s.textContent.includes('__pwned')).length})""")
        assert made == {"handlers": 0, "links": 0, "scripts": 0}, made

    def steps():
        open_notebook(page, url, "Check what the network will hear")
        wait_text(page, scenario.meta.title)  # the case card shows the hostile case…
        wait_text(page, MARKUP)  # …and its markup as text
        nothing_ran()
        sort_panel = panel_of(page, "Check my sort")
        sort_panel.locator("select").first.select_option(index=1)
        sort_panel.locator("button", has_text="Check my sort").click()
        wait_text(sort_panel, f"1 of {len(scenario.sos.cards)}")  # the one card placed is checked
        page.wait_for_timeout(500)
        nothing_ran()
        wait_text(sort_panel, scenario.sos.cards[0].explanation)  # the card's explanation, markup and all
        harm = page.get_by_placeholder("Write your harm statement here").first
        harm.fill(scenario.sos.harm_statements[0].text)
        box_of(harm).locator("button", has_text=re.compile(r"^\s*Check\s*$")).click()
        box_of(harm).locator("button", has_text="Compare with the model").click()
        wait_text(box_of(harm), scenario.sos.harm_statements[0].text)
        scaling = panel_of(page, "Commit my number")
        scaling.get_by_placeholder(re.compile("^At 10, ")).fill(
            "At 10, Kofi goes to every family time and comes home happy, because his carers and social worker "
            "have seen the network check Chloe is sober before each visit for six months.")
        scaling.locator("button", has_text="Save what 10 looks like").click()
        scaling.get_by_placeholder("0 to 10").fill("5")
        scaling.get_by_placeholder("Why that number? What are you seeing?").fill("Family time still goes wrong.")
        commit = scaling.locator("button", has_text="Commit my number")
        eventually(lambda: commit.is_enabled(), True)
        commit.click()
        first = scenario.sos.scaling.perspectives[0] if scenario.sos.scaling else None
        if first is not None:
            wait_text(scaling, first.reason)
        houses = panel_of(page, "Check what the network will hear")
        houses.locator(".widget-checkbox input").first.check()
        houses.locator("button", has_text="Check what the network will hear").click()
        wait_text(houses, scenario.child.voice.worries[0])
        page.wait_for_timeout(1000)  # give anything that would run a moment to do so
        nothing_ran()
        assert page.locator("body").inner_text().count(SHORT_MARKUP) >= 3
        wait_for_saved(record, "sos_scaling", lambda a: a.get("committed") is True)

    run_step(page, tmp_path, "markup", steps)
