"""Markup and script in a scenario's free text reach every page, pack section and widget only escaped.

Every free-text field of a bundled scenario (every string the schema accepts the hostile text in, except ids and
references to ids) gets a marker word and a string of markup and script appended: ``<script>``, an ``<img>`` with
``onerror=``, a ``javascript:`` link, closing tags and quotes that try to break out of an attribute. Then every
printable page, every pack section (``fncoach.briefing.sections`` and ``fncoach.briefing.content``, called
directly, without papermill), the figures' alt text, every HTML box a learner sees in the course (each panel built
from the case, with every one of its buttons pressed, and every ``course.html(...)`` of the course text) is made
twice: from the hostile case and from the same case with only the marker word added. The two must have exactly the
same tags and attribute names (nothing added, closed or broken out of), no script, no ``on…`` attribute and no
``javascript:`` address, and the hostile text must appear escaped wherever the marker did.
"""

from __future__ import annotations

import functools
import inspect
import json
import re
from html.parser import HTMLParser
from pathlib import Path
from typing import Any, Callable

import ipywidgets as widgets
import pytest
from markupsafe import escape

from fncoach.briefing import content as briefing_content
from fncoach.briefing import kit as briefing_kit
from fncoach.briefing import sections as briefing_sections
from fncoach.briefing.leaks import trainee_view
from fncoach.drills import simulate
from fncoach.model import Scenario
from fncoach.pages.plan import adult_plan_html, words_and_pictures_html
from fncoach.pages.sosmap import sos_map_html
from fncoach.plan import model_assignments
from fncoach.scenario import load_scenario
from fncoach.sosmap import map_content
from fncoach.strength import analyse_strength
from fncoach.ui import course as ui_course
from fncoach.ui import meetings, network, plan, sos
from fncoach.viz.ecomap import draw_ecomap

ROOT = Path(__file__).resolve().parent.parent
SCENARIO = ROOT / "scenarios" / "long_term_foster_links.yaml"
MARK = "Qzmark"
HOSTILE = ('<script>alert("x")</script><img src=x onerror=alert(1)><a href="javascript:alert(1)">link</a>'
           "</td></tr></table></div></li></ul>\"' onmouseover=alert(1) x='")
#: For fields with a short limit (names: 80 characters).
SHORT = "<script>a()</script></td>\"'<a href=javascript:a()>"


# ---------------------------------------------------------------------------- the hostile case


def _strings(value: Any, path: tuple = ()):
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _strings(item, (*path, key))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from _strings(item, (*path, i))
    elif isinstance(value, str):
        yield path, value


def _ids(value: Any) -> set[str]:
    found = set()
    if isinstance(value, dict):
        found |= {v for k, v in value.items() if k == "id" and isinstance(v, str)}
        for item in value.values():
            found |= _ids(item)
    elif isinstance(value, list):
        for item in value:
            found |= _ids(item)
    return found


def _with(data: dict, path: tuple, text: str) -> dict:
    def go(value, rest):
        if not rest:
            # a name keeps its first words, so the name the child uses for a person is still found
            return f"{value} ({text})" if path[-1] == "name" else f"{value} {text}"
        if isinstance(value, dict):
            return {k: go(v, rest[1:]) if k == rest[0] else v for k, v in value.items()}
        return [go(v, rest[1:]) if i == rest[0] else v for i, v in enumerate(value)]

    return go(data, path)


def _accepts(data: dict, path: tuple, text: str) -> bool:
    try:
        Scenario.model_validate(_with(data, path, f"{MARK} {text}"))
    except ValueError:
        return False  # an id, a time, a date, a choice from a list, or too long
    return True


def free_text_paths(scenario: Scenario) -> dict[tuple, str]:
    """Every string of the scenario that a writer may fill with any text (not an id or a reference), with the
    hostile text it takes (:data:`HOSTILE`, or :data:`SHORT` where the field has a short limit)."""
    data = scenario.model_dump(mode="json")
    ids = _ids(data)
    paths = {}
    for path, value in _strings(data):
        if value in ids:
            continue
        for text in (HOSTILE, SHORT):
            if _accepts(data, path, text):
                paths[path] = text
                break
    return paths


@functools.cache
def _bundled_free_text() -> dict[tuple, str]:
    return free_text_paths(load_scenario(SCENARIO))


def scenario_with(hostile: bool) -> Scenario:
    data = load_scenario(SCENARIO).model_dump(mode="json")
    for path, text in _bundled_free_text().items():
        data = _with(data, path, f"{MARK} {text}" if hostile else MARK)
    return Scenario.model_validate(data)


@pytest.fixture(scope="module")
def cases() -> tuple[Scenario, Scenario]:
    """(hostile, harmless): the same case with ``MARK`` and hostile text, or only ``MARK``, added to every free text."""
    return scenario_with(True), scenario_with(False)


def test_the_hostile_case_fills_the_free_text():
    paths = _bundled_free_text()
    keys = {p[-1] if isinstance(p[-1], str) else p[-2] for p in paths}
    assert {"title", "summary", "name", "relationship", "text", "explanation", "description", "child_words",
            "trigger", "reason", "notes", "what_matters", "ten_means"} <= keys
    assert len(paths) > 200


# ---------------------------------------------------------------------------- what the HTML must look like


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple] = []
        self.bad: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(("<", tag, tuple(sorted(name for name, _ in attrs))))
        if tag == "script":
            self.bad.append("a <script> tag")
        for name, value in attrs:
            if name.startswith("on"):
                self.bad.append(f"an {name}= attribute on <{tag}>")
            if value and re.match(r"\s*javascript:", value, re.I):
                self.bad.append(f"a javascript: address in <{tag} {name}>")

    def handle_endtag(self, tag):
        self.tags.append(("/", tag))


def _parse(html: str) -> _Tags:
    parser = _Tags()
    parser.feed(html)
    parser.close()
    return parser


def assert_only_escaped(hostile: str, harmless: str, where: str) -> None:
    hostile, harmless = str(hostile), str(harmless)
    parsed = _parse(hostile)
    assert not parsed.bad, f"{where}: {parsed.bad}"
    assert parsed.tags == _parse(harmless).tags, f"{where}: the hostile text changed the markup"
    if MARK in harmless:
        assert any(form in hostile for text in (HOSTILE, SHORT) for form in _escaped_forms(text)), \
            f"{where}: the text reached the page, but not as the escaped hostile text"


def _escaped_forms(text: str) -> tuple[str, ...]:
    """The text as markupsafe / Jinja2 and as ``html.escape`` write it."""
    import html

    return str(escape(text)), html.escape(text, quote=True)


# ---------------------------------------------------------------------------- pages and pack sections


def _call_with_case(function: Callable, case: Scenario) -> Any:
    """Call a section function that takes the case first (and nothing else it needs); ``None`` if it cannot."""
    parameters = list(inspect.signature(function).parameters.values())
    if not parameters or parameters[0].name != "scenario":
        return None
    required = [p for p in parameters[1:] if p.default is inspect.Parameter.empty and p.kind != p.VAR_KEYWORD]
    if [p.name for p in required] == ["audience"]:
        return "".join(str(function(case, audience)) for audience in briefing_sections.AUDIENCES)
    if required:
        return None
    return function(case)


def _other_sections(case: Scenario) -> dict[str, Any]:
    """The sections that take something other than the case, fed from the case."""
    plan_ = model_assignments(case)
    run = simulate(case, plan_, seed=1)
    titles = {t.id: t.title for t in case.plan.tasks}
    report = analyse_strength(case)
    bs = briefing_sections
    return {
        "exercise_card_row": "".join(str(bs.exercise_card_row(i, c)) for i, c in enumerate(case.sos.cards, 1)),
        "model_card_row": "".join(str(bs.model_card_row(c, i)) for i, c in enumerate(case.sos.cards, 1)),
        "ecomap_section": bs.ecomap_section(draw_ecomap(case), case, title=case.meta.title, note=case.meta.summary),
        "figure_html": bs.figure_html(draw_ecomap(case), caption=case.child.name),
        "sos_map_section": bs.sos_map_section(briefing_content.sos_map(case)),
        "drill_results_section": bs.drill_results_section(
            uncovered=[f"{titles[u.task]}: {u.reason}" for u in run.uncovered], days=case.drills.days),
        "strength_section": bs.strength_section([(c.title, c.value, c.reason) for c in report.components],
                                                overall=report.score),
        "sos_map_table": briefing_content.sos_map_table(map_content(case).columns),
        "when_text": "".join(escape(bs.when_text(t)) for t in case.plan.tasks),
    }


def _template_cells() -> list[str]:
    """What each cell of the briefing template notebook displays (the expression inside ``display(HTML(...))``)."""
    notebook = json.loads((ROOT / "fncoach" / "briefing" / "templates" / "briefing.ipynb").read_text(encoding="utf-8"))
    shown = []
    for cell in notebook["cells"]:
        if cell["cell_type"] == "code":
            shown += re.findall(r"display\(HTML\((.*)\)\)\s*$", "".join(cell["source"]), flags=re.M)
    return shown


def _all_sections(case: Scenario) -> dict[str, Any]:
    made: dict[str, Any] = {}
    # every section as the pack template shows it (trainee sections from the trainee view of the case)
    names = {"bs": briefing_sections, "bc": briefing_content, "bk": briefing_kit, "scenario": case,
             "trainee": trainee_view(case),
             "seed": 0, "large_print": False}
    for expression in _template_cells():
        made[f"template: {expression}"] = eval(expression, names)  # noqa: S307 - the package's own template
    # and every section function the template does not call, from the whole case
    for module in (briefing_sections, briefing_content, briefing_kit):
        for name in module.__all__:
            if name in SKIPPED_SECTIONS:
                continue
            function = getattr(module, name)
            if inspect.isfunction(function):
                result = _call_with_case(function, case)
                if result is not None:
                    made[f"{module.__name__.rsplit('.', 1)[-1]}.{name}"] = result
    for name, result in _other_sections(case).items():
        made[f"sections.{name}"] = result
    return made


SKIPPED_SECTIONS = {"fragment", "table_class", "short_caption",  # take no scenario text: plain helpers
                    "strength_scope"}  # plain text, not markup: the strength section's template escapes it


def test_every_pack_section_shows_scenario_text_only_escaped(cases):
    hostile, harmless = (_all_sections(c) for c in cases)
    assert hostile.keys() == harmless.keys()
    assert len([key for key in hostile if key.startswith("template: ")]) >= 15
    covered = {key.split(".", 1)[1] for key in hostile if not key.startswith("template: ")}
    listed = {n for m in (briefing_sections, briefing_content) for n in m.__all__
              if inspect.isfunction(getattr(m, n))}
    assert listed - SKIPPED_SECTIONS <= covered, f"sections not tried: {sorted(listed - SKIPPED_SECTIONS - covered)}"
    reached = [key for key in hostile if MARK in str(harmless[key])]
    assert len(reached) >= 25, reached
    for key in hostile:
        assert_only_escaped(hostile[key], harmless[key], key)


def test_every_page_shows_scenario_text_only_escaped(cases):
    def pages(case: Scenario) -> dict[str, str]:
        plan_ = model_assignments(case)
        return {
            "adult plan": adult_plan_html(case, plan_, run=simulate(case, plan_, seed=1)),
            "words and pictures": words_and_pictures_html(case, plan_),
            "SOS map": sos_map_html(case),
            "SOS map, large print": sos_map_html(case, large_print=True),
        }

    hostile, harmless = (pages(c) for c in cases)
    for key in hostile:
        assert MARK in harmless[key], key
        assert_only_escaped(hostile[key], harmless[key], key)


# ---------------------------------------------------------------------------- widgets


PANELS: dict[str, Callable[[Scenario, Path], widgets.Widget]] = {
    "case card": lambda s, d: widgets.HTML(ui_course.case_card(s)),
    "model answers": lambda s, d: ui_course.build_model_answers_panel(s),
    "figure": lambda s, d: widgets.HTML(ui_course.figure_html(draw_ecomap(s))),
    "strength": lambda s, d: widgets.HTML(network.strength_html(analyse_strength(s))),
    "card sort": lambda s, d: sos.build_card_sort_panel(s),
    "statements": lambda s, d: sos.build_statement_panel(s),
    "scaling": lambda s, d: sos.build_scaling_panel(s),
    "three houses": lambda s, d: sos.build_three_houses_panel(s),
    "plan": lambda s, d: _plan_with_model_answers(s),
    "drill": lambda s, d: plan.build_drill_panel(s, model_answers=True),
    "review": lambda s, d: plan.build_review_panel(s, model_answers=True),
    "builder": lambda s, d: network.build_network_builder_panel(s, save_dir=d),
    "what-if": lambda s, d: network.build_whatif_panel(s),
    "finding": lambda s, d: network.build_finding_panel(s),
}


def _plan_with_model_answers(case: Scenario) -> widgets.Widget:
    panel = plan.build_plan_panel(case)
    panel.restore({"assignments": [{"task": a.task, "primary": a.primary, "backups": list(a.backups)}
                                   for a in model_assignments(case)]})
    return panel


def _walk(widget):
    yield widget
    for child in getattr(widget, "children", ()):
        yield from _walk(child)


def _press_everything(panel: widgets.Widget) -> None:
    """Choose the first real option of each list and press every button once, in order (the same for both cases)."""
    for w in list(_walk(panel)):
        if isinstance(w, (widgets.Dropdown, widgets.RadioButtons, widgets.ToggleButtons)) and w.value in (None, ""):
            values = [v for _, v in w.options] if w.options and isinstance(w.options[0], tuple) else list(w.options)
            real = [v for v in values if v not in (None, "")]
            if real:
                w.value = real[0]
    for w in list(_walk(panel)):
        if isinstance(w, widgets.Button) and not w.disabled:
            w.click()


def _html_boxes(panel: widgets.Widget) -> list[str]:
    return [w.value for w in _walk(panel) if isinstance(w, (widgets.HTML, widgets.HTMLMath))]


def _course_html_calls() -> list[str]:
    """What each ``course.html(...)`` in the course text shows (the expression inside the brackets)."""
    calls = []
    for path in sorted((ROOT / "course").glob("*.md")):
        calls += re.findall(r"^course\.html\((.*)\)\s*$", path.read_text(encoding="utf-8"), flags=re.M)
    return calls


@pytest.mark.parametrize("name", list(PANELS))
def test_every_widget_panel_shows_scenario_text_only_escaped(cases, name, tmp_path, monkeypatch):
    monkeypatch.delenv("FNCOACH_STRICT_UI", raising=False)
    boxes = []
    for case, folder in zip(cases, (tmp_path / "hostile", tmp_path / "harmless")):
        folder.mkdir()
        panel = PANELS[name](case, folder)
        _press_everything(panel)
        boxes.append(_html_boxes(panel))
    hostile, harmless = boxes
    assert len(hostile) == len(harmless) and harmless
    assert any(MARK in box for box in harmless), f"{name}: no scenario text reached any HTML box"
    for i, (bad, good) in enumerate(zip(hostile, harmless)):
        assert "Sorry, that did not work" not in good, f"{name}: a button failed: {good}"
        assert_only_escaped(bad, good, f"{name}, HTML box {i}")


def test_every_course_html_area_shows_scenario_text_only_escaped(cases):
    """``course.html(make)`` puts ``make(case)`` into the page as HTML: each one in the course text is tried."""
    import fncoach.course

    namespace = {**vars(fncoach.course), **vars(ui_course)}  # what the notebooks import from
    calls = _course_html_calls()
    assert calls, "no course.html(...) found in course/*.md"
    for call in calls:
        make = eval(call, dict(namespace))  # noqa: S307 - the course's own text, as the notebook runs it
        hostile, harmless = (make(case) for case in cases)
        assert MARK in harmless, call
        assert_only_escaped(hostile, harmless, f"course.html({call})")
