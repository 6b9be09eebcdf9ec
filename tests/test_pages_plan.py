"""Tests for fncoach.pages.plan: the adult plan and the Words and Pictures plan."""

from __future__ import annotations

import re
from html import unescape

import pytest
from markupsafe import escape

from fncoach.drills import simulate
from fncoach.model import TASK_KINDS, Assignment
from fncoach.examples import example_scenario
from fncoach.pages.plan import ICON_WORDS, adult_plan_html, reconvene_advice, task_icon_svg, words_and_pictures_html
from fncoach.plan import model_assignments
from fncoach.scenario import load_scenario
from fresh import same_in_fresh_processes


@pytest.fixture
def example():
    return example_scenario()


PLAN = (Assignment(task="call", primary="gran", backups=("dev",)),)


def test_adult_plan_table_has_every_column_and_person(example):
    html = adult_plan_html(example, PLAN)
    for heading in ("What", "When", "Who", "Backup (in order)", "What if", "Who checks"):
        assert f">{heading}" in html
    assert "Evening phone call" in html and "Mondays and Thursdays, 6pm to 6.15pm" in html
    assert "07700 900001" in html and "07700 900002" in html  # Gran and Dev, fictional numbers
    assert "Nobody yet" in html  # the sleepover has nobody
    assert "<script" not in html and "http" not in html.replace("http://www.w3.org/2000/svg", "")


def test_adult_plan_without_backup_says_so(example):
    html = adult_plan_html(example, [Assignment(task="call", primary="gran")])
    assert "No backup yet" in html


def test_adult_plan_shows_triggers_red_flags_and_checker(tiny):
    html = adult_plan_html(tiny, model_assignments(tiny))
    assert "If Ciara does not answer by 7.45am" in html
    assert "Ciara sounds drowsy or confused" in html
    assert "Red flags" in html and "Who checks" in html


def test_adult_plan_never_shows_facilitator_material(tiny):
    html = adult_plan_html(tiny, model_assignments(tiny))
    for note in tiny.facilitator.notes + tiny.facilitator.common_mistakes:
        assert note not in html
    for statement in tiny.sos.worry_statements:
        assert statement.text not in html


def test_drill_run_and_reconvene_framed_as_normal(example):
    run = simulate(example, [Assignment(task="call", primary="gran")], seed=0)
    assert run.uncovered
    html = adult_plan_html(example, [Assignment(task="call", primary="gran")], run=run)
    assert "What the practice drill showed" in html and "Nobody could step in for" in html
    advice = reconvene_advice(example, run)
    assert "meet again" in advice and "normal" in advice
    assert "fail" not in advice.lower()


def test_words_and_pictures_uses_child_words_names_and_pictures(example):
    html = unescape(words_and_pictures_html(example, [*PLAN, Assignment(task="sleepover", primary="gran")]))
    assert "Gran rings us after tea." in html and "I sleep over at Gran's." in html
    assert "Gran will do this. If Gran can't, Dev will." in html
    assert "On 10 January, 5pm until 10am the next morning" in html
    assert html.count("<svg") == 2
    assert "large-print" in html
    assert "07700" not in html  # no phone numbers for the child
    assert "<script" not in html


def test_words_and_pictures_uses_the_name_the_child_uses(tiny):
    s = tiny.model_copy(update={"people": tuple(
        p.model_copy(update={"name": "Róisín O'Neill (Gran)"}) if p.id == "gran" else p for p in tiny.people)})
    html = words_and_pictures_html(s, model_assignments(s))
    assert "Gran will do this" in html and "Róisín O'Neill (Gran) will" not in unescape(html)


@pytest.mark.parametrize("kind", TASK_KINDS)
def test_every_task_kind_has_a_picture_with_alt_text(kind):
    svg = task_icon_svg(kind)
    assert kind in ICON_WORDS
    assert f"aria-label='{ICON_WORDS[kind]}'" in svg and f"<title>{ICON_WORDS[kind]}</title>" in svg
    assert "{f}" not in svg and "{i}" not in svg
    assert re.search(r"<(path|rect|circle|line)", svg)


def test_pages_are_deterministic():
    same_in_fresh_processes("""
        from fncoach.examples import tiny_scenario
        from fncoach.pages.plan import adult_plan_html, words_and_pictures_html
        from fncoach.plan import model_assignments
        s = tiny_scenario()
        plan = model_assignments(s)
        print(digest(adult_plan_html(s, plan)), digest(words_and_pictures_html(s, plan)))
    """)


def test_every_bundled_scenario_makes_both_pages(bundled_path):
    s = load_scenario(bundled_path)
    plan = model_assignments(s)
    adult = adult_plan_html(s, plan)
    child = words_and_pictures_html(s, plan)
    for task in s.plan.tasks:
        assert str(escape(task.title)) in adult
    assert child.count("<section class='card'>") == len(s.plan.tasks)


def test_words_and_pictures_prints_the_learners_draft(tiny):
    from fncoach.pages.plan import words_and_pictures_html

    draft = {"what_happened": "Mum was <b>poorly</b>.", "worries": "", "plan": "Gran rings.",
             "when_worried": "When I feel worried I can tell Gran."}
    page = words_and_pictures_html(tiny, tiny.plan.model_plan, draft)
    assert "<h2>What happened</h2>" in page and "&lt;b&gt;poorly" in page
    assert "What the grown-ups are worried about" not in page  # an empty part is left out
    assert page.index("When I feel worried I can tell Gran.") < page.index("My helpers")
    assert "When I feel worried" not in words_and_pictures_html(tiny, tiny.plan.model_plan)
