"""Every printable page escapes what a scenario or a learner wrote (fncoach.pages and its page modules).

A hostile string is added to every free-text field of a scenario (and to a
learner's answers); each page made from it must carry exactly the same markup
(tags and attributes) as the page made with a harmless word in its place, and
show the hostile string only in escaped form.
"""

from __future__ import annotations

import re

import pytest
from markupsafe import Markup, escape

from fncoach.drills import simulate
from fncoach.examples import tiny_scenario
from fncoach.model import Scenario
from fncoach.pages import macro
from fncoach.pages.plan import adult_plan_html, words_and_pictures_html
from fncoach.pages.portfolio import portfolio_html
from fncoach.pages.sosmap import sos_map_html
from fncoach.plan import model_assignments
from fncoach.record import Record

HOSTILE = '<script>alert(1)</script>" onerror="x</td>'
HARMLESS = "Harmless"

_FREE_TEXT = {"title", "name", "relationship", "contact", "description", "trigger", "red_flags", "child_words", "text",
              "ten_means", "reason", "next_steps"}


def _add_text(value, text: str, key: str | None = None):
    if isinstance(value, dict):
        return {k: _add_text(v, text, k) for k, v in value.items()}
    if isinstance(value, list):
        return [_add_text(v, text, key) for v in value]
    if isinstance(value, str) and key == "name":
        return f"{value} ({text})"  # in brackets, so it is also the name the child uses for them
    if isinstance(value, str) and key in _FREE_TEXT:
        return f"{value} {text}"
    return value


def scenario_with(text: str) -> Scenario:
    """The tiny scenario with ``text`` added to every free-text field of its story, people, plan and SOS material."""
    data = tiny_scenario().model_dump(mode="json")
    for section in ("meta", "child", "people", "plan", "sos"):
        data[section] = _add_text(data[section], text)
    return Scenario.model_validate(data)


def _adult(s: Scenario) -> str:
    plan = model_assignments(s)
    return adult_plan_html(s, plan, run=simulate(s, plan, seed=1))


def _learner_map(s: Scenario, text: str) -> str:
    return sos_map_html(s, {"harm": [text], "worries": [text], "agreement": [{"agreed": text, "disagreed": text}],
                            "goals": [text], "next_steps": [text], "ten_means": text, "own_score": 3, "own_reason": text,
                            "cards": {s.sos.cards[0].id: "harm"}})


def _portfolio(text: str, folder) -> str:
    record = Record(folder / f"{len(text)}.sqlite3", clock=lambda: "2026-03-04T10:05:00+00:00")
    learner = f"Sam {text}"
    record.save_answers(learner, "tiny", "worry_statements", {"worry": [text, {"why": text}], text: text})
    record.mark_complete(learner, "tiny", "worry_statements")
    return portfolio_html(record, learner, exercise_titles={"worry_statements": text}, scenario_titles={"tiny": text},
                          generated_at="2026-03-05T12:00:00+00:00")


PAGES = {
    "adult plan": lambda text, folder: _adult(scenario_with(text)),
    "words and pictures": lambda text, folder: (lambda s: words_and_pictures_html(s, model_assignments(s)))(
        scenario_with(text)),
    "SOS map (model)": lambda text, folder: sos_map_html(scenario_with(text)),
    "SOS map (learner)": lambda text, folder: _learner_map(scenario_with(text), text),
    "portfolio": _portfolio,
}


def _markup(html: str) -> list[str]:
    """Every tag of a page, with its attributes, in order."""
    return re.findall(r"<[^>]*>", html)


@pytest.mark.parametrize("name", list(PAGES))
def test_hostile_text_reaches_the_page_only_escaped(name, tmp_path):
    hostile, harmless = PAGES[name](HOSTILE, tmp_path), PAGES[name](HARMLESS, tmp_path)
    assert str(escape(HOSTILE)) in hostile  # it did reach the page
    assert "<script" not in hostile and 'onerror="' not in hostile
    assert _markup(hostile) == _markup(harmless)  # no tag, attribute or cell added, closed or broken


def test_a_macro_renders_escaped_markup():
    icon = macro("plan_icons.svg.j2", "task_icon")("visit", "a <house>", 32)
    assert isinstance(icon, Markup)
    assert "aria-label='a &lt;house&gt;'" in icon and "<title>a &lt;house&gt;</title>" in icon
