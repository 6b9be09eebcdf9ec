"""Tests for fncoach.ui.childwords: the Words and Pictures panel (through .value and .click())."""

from __future__ import annotations

from fncoach.model import Assignment
from fncoach.ui.childwords import build_words_pictures_panel

PLAN = (Assignment(task="t_morning_call", primary="gran", backups=("uncle_dev",)),)


def test_draft_checked_by_the_core_and_printed_as_a_page(tiny):
    panel = build_words_pictures_panel(tiny, assignments=PLAN)
    assert "Gran Róisín" in panel.children[0].value and "grade 2" in panel.children[0].value
    panel.check_button.click()
    assert "Write every part" in panel.message.value
    for key, text in tiny.words_and_pictures.model_dump().items():
        panel.parts[key].value = text
    panel.check_button.click()
    assert panel.check.level == "good" and "ready to share" in panel.message.value
    panel.page_button.click()
    assert "When I feel worried I can" in panel.page.value and "download=" in panel.page.value
    assert "When I feel worried I can tell Gran." in panel.page_html()


def test_without_a_saved_plan_the_learner_is_told(tiny):
    panel = build_words_pictures_panel(tiny)
    assert "no plan saved yet" in panel.children[0].value


def test_answers_round_trip_and_autosave_listener(tiny):
    panel = build_words_pictures_panel(tiny, assignments=PLAN)
    seen = []
    panel.on_answers_changed(seen.append)
    panel.parts["plan"].value = "Gran rings Mum."
    assert seen[-1]["draft"]["plan"] == "Gran rings Mum."
    other = build_words_pictures_panel(tiny)
    other.restore(panel.answers())
    assert other.answers() == panel.answers()
    other.restore({"draft": None})
    assert other.parts["plan"].value == ""


def test_words_and_pictures_explains_the_plan_written_in_private_family_time():
    from fncoach.examples import tiny_scenario
    from fncoach.familytime import job_from_offer
    from fncoach.ui.childwords import build_words_pictures_panel

    s = tiny_scenario()
    written = build_words_pictures_panel(s, family_time={"jobs": [job_from_offer(s, "o_gran_call")]})
    assert [t.id for t in written.scenario.plan.tasks] == ["job_1"]   # the network's own job, not the case's list
    assert written.plan and written.plan[0].primary == "gran"
    fallback = build_words_pictures_panel(s, family_time={"jobs": []})
    assert [t.id for t in fallback.scenario.plan.tasks] == [t.id for t in s.plan.tasks] and fallback.plan == ()
