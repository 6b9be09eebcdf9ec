"""Tests for the meeting content and its checks (hand-worked cases)."""

from __future__ import annotations

import pytest

from fncoach.meetings import (
    AGENDA,
    AGENDA_REASONS,
    AUDIENCES,
    DILEMMAS,
    PREPARATION_STEPS,
    PRINCIPLES,
    VIRTUAL_PRACTICES,
    check_agenda_order,
    check_dilemma,
    check_dilemmas,
    check_preparation,
    check_virtual_choices,
    dilemma,
    shuffled_agenda,
)

MODEL = [item.id for item in AGENDA]


def test_four_principles_and_eight_agenda_steps():
    assert len(PRINCIPLES) == 4
    assert MODEL == ["welcome", "ground_rules", "purpose", "information", "questions", "private_time", "plan",
                     "what_next"]
    assert set(AGENDA_REASONS) == set(zip(MODEL, MODEL[1:]))


def test_model_order_is_correct():
    fb = check_agenda_order(MODEL)
    assert fb.correct and fb.score == 8 and fb.level == "good"


def test_swapping_private_time_and_plan_names_that_rule_only():
    order = MODEL[:]
    order[5], order[6] = order[6], order[5]
    fb = check_agenda_order(order)
    assert not fb.correct and fb.score == 6
    assert fb.messages[1:] == (AGENDA_REASONS[("private_time", "plan")],)


def test_reversed_order_breaks_every_rule():
    fb = check_agenda_order(list(reversed(MODEL)))
    assert fb.score == 0
    assert len(fb.messages) == 1 + 7  # the heading plus every neighbouring rule


def test_welcome_moved_to_the_end():
    fb = check_agenda_order(MODEL[1:] + ["welcome"])
    # only welcome→ground_rules is broken; closing rule for what_next also applies
    assert AGENDA_REASONS[("welcome", "ground_rules")] in fb.messages
    assert "The meeting closes with what next." in fb.messages
    assert fb.score == 0


@pytest.mark.parametrize("order, words", [
    (MODEL[:-1], "missing"),
    (MODEL + ["welcome"], "more than once"),
    (MODEL[:-1] + ["lunch"], "not parts of the agenda"),
])
def test_incomplete_orders_are_explained(order, words):
    fb = check_agenda_order(order)
    assert not fb.correct and fb.score == 0
    assert any(words in m for m in fb.messages)


@pytest.mark.parametrize("seed", range(5))
def test_shuffled_agenda_is_a_real_puzzle(seed):
    order = shuffled_agenda(seed)
    assert sorted(order) == sorted(MODEL) and list(order) != MODEL
    assert shuffled_agenda(seed) == order  # deterministic


def test_preparation_all_right_and_partly_right():
    model = {step.id: step.audience for step in PREPARATION_STEPS}
    assert check_preparation(model).correct
    assert set(model.values()) == set(AUDIENCES)
    wrong = dict(model, consent_pr="agencies")
    fb = check_preparation(wrong)
    assert fb.score == len(PREPARATION_STEPS) - 1
    assert any("parental responsibility" in m for m in fb.messages)
    blank = check_preparation({})
    assert blank.score == 0 and blank.level == "info" and "12 still to choose" in blank.messages[0]


def test_virtual_choices():
    safe = {p.id for p in VIRTUAL_PRACTICES if p.safe}
    assert check_virtual_choices(safe).correct
    fb = check_virtual_choices(safe - {"safe_word"} | {"use_chat"})
    assert fb.score == len(VIRTUAL_PRACTICES) - 2
    assert any(m.startswith("Not safe") and "chat" in m for m in fb.messages)
    assert any(m.startswith("Missed") and "safe word" in m for m in fb.messages)
    assert {"use_chat", "invite_everyone"} <= {p.id for p in VIRTUAL_PRACTICES if not p.safe}


@pytest.mark.parametrize("item", DILEMMAS, ids=lambda d: d.id)
def test_every_dilemma_has_one_best_option_and_feedback_for_all(item):
    assert sum(o.quality == "best" for o in item.options) == 1
    assert {o.quality for o in item.options} <= {"best", "ok", "poor"}
    for option in item.options:
        fb = check_dilemma(item.id, option.id)
        assert fb.correct == (option.quality == "best")
        assert option.feedback in fb.messages and fb.messages[-1].startswith("Key point")


def test_required_dilemmas_present():
    ids = {d.id for d in DILEMMAS}
    assert {"unsafe_person", "dominating", "row"} <= ids
    assert "explore" in {o.id for o in dilemma("unsafe_person").options}


def test_unknown_dilemma_and_option():
    with pytest.raises(KeyError):
        dilemma("nope")
    with pytest.raises(KeyError):
        check_dilemma("row", "nope")


def test_dilemmas_summed_up_only_when_all_are_answered():
    ids = ["unsafe_person", "row", "no_one"]
    assert check_dilemmas({"unsafe_person": "explore", "row": "refocus"}, ids) is None
    assert check_dilemmas({"unsafe_person": "explore", "row": "refocus", "no_one": None}, ids) is None
    # two strongest (explore, ask_questions), one "ok" (end_now): 2 of 3, info
    fb = check_dilemmas({"unsafe_person": "explore", "row": "end_now", "no_one": "ask_questions", "dominating": "x"},
                        ids)
    assert (fb.correct, fb.score, fb.out_of, fb.level) == (False, 2, 3, "info")
    assert fb.text.startswith("You have chosen a response for all 3 situations; 2 of them are the strongest")
    fb = check_dilemmas({"unsafe_person": "explore", "row": "refocus", "no_one": "ask_questions"}, ids)
    assert (fb.correct, fb.score, fb.level) == (True, 3, "good")


def test_an_empty_virtual_check_gives_no_answers_away():
    from fncoach.meetings import VIRTUAL_PRACTICES, check_virtual_choices

    feedback = check_virtual_choices([])
    assert feedback.level == "info" and not feedback.correct
    text = " ".join(feedback.messages)
    assert not any(p.text in text or p.why in text for p in VIRTUAL_PRACTICES)
