"""The meeting panels of notebook 01, driven through their buttons as a learner would (``.value`` and ``.click()``).

Each "Check" test presses the panel's own button and reads the message box, so a button whose callback is not
connected (or calls the wrong check) fails here.
"""

from __future__ import annotations

import html

import pytest

from fncoach import meetings
from fncoach.ui.meetings import build_agenda_panel, build_preparation_panel, build_virtual_panel


@pytest.fixture(autouse=True)
def _not_strict(monkeypatch):
    monkeypatch.delenv("FNCOACH_STRICT_UI", raising=False)


def _text(panel) -> str:
    return html.unescape(panel.message.value)


def test_preparation_check_button_marks_all_right():
    panel = build_preparation_panel()
    for step in meetings.PREPARATION_STEPS:
        panel.choices[step.id].value = step.audience
    assert panel.message.value == ""
    panel.check_button.click()
    total = len(meetings.PREPARATION_STEPS)
    assert f"{total} of {total} — well done" in _text(panel)
    assert f"All {total} right." in _text(panel)


def test_preparation_check_button_names_a_wrong_step():
    panel = build_preparation_panel()
    first, second = meetings.PREPARATION_STEPS[:2]
    wrong = next(key for key in meetings.AUDIENCES if key != first.audience)
    panel.choices[first.id].value = wrong
    panel.choices[second.id].value = second.audience
    panel.check_button.click()
    text = _text(panel)
    total = len(meetings.PREPARATION_STEPS)
    assert f"1 of {total}" in text and "well done" not in text
    assert f"'{first.text}' — this is for {meetings.AUDIENCES[first.audience]}." in text
    assert f"{total - 2} still to choose." in text


def _put_in_order(panel) -> None:
    """Use only the list and the Move up button, as a learner would, to reach the model order."""
    wanted = [item.id for item in meetings.AGENDA]
    for place, item in enumerate(wanted):
        panel.listing.value = item
        while panel.order.index(item) > place:
            panel.up.click()


def test_agenda_check_button_after_moving_into_order():
    panel = build_agenda_panel(seed=3)
    assert panel.order != [item.id for item in meetings.AGENDA]
    panel.check_button.click()
    assert "Have another look" in _text(panel) and "well done" not in _text(panel)
    _put_in_order(panel)
    assert panel.order == [item.id for item in meetings.AGENDA]
    panel.check_button.click()
    total = len(meetings.AGENDA)
    assert f"{total} of {total} — well done" in _text(panel)
    assert "That is the running order used in Family Network Meetings." in _text(panel)


def test_agenda_move_without_a_choice_asks_for_one():
    panel = build_agenda_panel(seed=1)
    panel.listing.value = None
    before = list(panel.order)
    panel.down.click()
    assert panel.order == before
    assert "First click a part of the meeting" in _text(panel)


def test_virtual_check_button_marks_safe_choices():
    panel = build_virtual_panel()
    for practice in meetings.VIRTUAL_PRACTICES:
        panel.boxes[practice.id].value = practice.safe
    panel.check_button.click()
    total = len(meetings.VIRTUAL_PRACTICES)
    assert f"{total} of {total} — well done" in _text(panel)


def test_virtual_check_button_says_what_is_not_safe():
    panel = build_virtual_panel()
    unsafe = next(p for p in meetings.VIRTUAL_PRACTICES if not p.safe)
    for practice in meetings.VIRTUAL_PRACTICES:
        panel.boxes[practice.id].value = practice.safe
    panel.boxes[unsafe.id].value = True
    panel.check_button.click()
    total = len(meetings.VIRTUAL_PRACTICES)
    text = _text(panel)
    assert f"{total - 1} of {total}" in text and "well done" not in text
    assert f"Not safe: '{unsafe.text}'" in text
