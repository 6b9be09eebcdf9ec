"""SOS panels, driven through their widgets (.value = / .click()), as a learner would."""

from __future__ import annotations

import html

import json

import ipywidgets as widgets
import pytest

from fncoach.sosmap import map_content
from fncoach.ui._common import ExercisePanel
from fncoach.ui.sos import build_card_sort_panel, build_scaling_panel, build_statement_panel, build_three_houses_panel

GOOD_GOAL = ("Ciara and Gran will be making sure a sober adult is with Zoë every morning, so that Zoë feels safe; "
             "Amara will see this in Gran's diary for the next three months.")


def _fill_card_sort(panel):
    for card_id, choice in list(panel.choices.items())[:2]:
        choice.value = [value for _, value in choice.options if value][0]


def _fill_statement(panel):
    panel.harm[0].text.value = "Zoë has been late for school and hungry on mornings after Ciara drank."
    panel.goals[0].text.value = GOOD_GOAL


def _fill_scaling(panel):
    panel.own_score.value = "4"
    panel.own_reason.value = "Gran rings every morning now."


def _fill_three_houses(panel):
    panel.notes["dreams"].value = "Zoë wants Gran at her school play."


FILLS = {build_card_sort_panel: _fill_card_sort, build_statement_panel: _fill_statement,
         build_scaling_panel: _fill_scaling, build_three_houses_panel: _fill_three_houses}


@pytest.mark.parametrize("build", [build_card_sort_panel, build_statement_panel, build_scaling_panel,
                                   build_three_houses_panel])
def test_panels_are_exercise_panels_with_json_answers(tiny, build):
    """Answers a learner gave survive JSON and come back in a fresh panel (restore really puts them back)."""
    panel = build(tiny)
    assert isinstance(panel, ExercisePanel)
    empty = panel.answers()
    FILLS[build](panel)
    given = json.loads(json.dumps(panel.answers()))
    assert given != empty
    fresh = build(tiny)
    assert fresh.answers() == empty
    fresh.restore(given)
    assert fresh.answers() == given


# ------------------------------------------------------------------- card sort


def test_card_sort_check_and_feedback(tiny):
    panel = build_card_sort_panel(tiny)
    seen = []
    panel.on_answers_changed(seen.append)
    for card in tiny.sos.cards:
        panel.choices[card.id].value = card.column
    panel.choices["c4"].value = "strength"  # near miss: model is existing safety
    panel.check_button.click()
    assert panel.result.score == 5 and "5 of 6" in panel.message.value
    assert "Near miss" in panel.feedback["c4"].value and "Close" in panel.feedback["c4"].value
    assert "Right" in panel.feedback["c1"].value
    assert seen[-1] == panel.answers() and panel.answers()["cards"]["c4"] == "strength"
    panel.choices["c4"].value = "existing_safety"  # changing a card clears its old feedback
    assert panel.feedback["c4"].value == ""


def test_card_sort_unplaced_and_restore(tiny):
    panel = build_card_sort_panel(tiny)
    panel.check_button.click()  # an empty sort: no card's column or explanation is given away
    assert "No cards are placed yet" in panel.message.value and "Well done" not in panel.message.value
    assert "Place this card first" in panel.feedback["c1"].value
    for card in tiny.sos.cards:
        assert card.explanation not in panel.feedback[card.id].value
    panel.choices["c1"].value = "harm"
    panel.check_button.click()
    assert "5 cards are not placed yet" in panel.message.value
    panel.choices["c1"].value = ""
    panel.restore({"cards": {"c1": "harm", "c2": "nonsense", "zz": "harm"}})
    assert panel.answers() == {"cards": {"c1": "harm"}}
    assert "c2" in panel.message.value and "zz" in panel.message.value


def test_card_sort_answers_feed_the_map(tiny):
    panel = build_card_sort_panel(tiny)
    panel.choices["c5"].value = "strength"
    content = map_content(tiny, panel.answers())
    assert content.working_well[0].items == (tiny.sos.cards[4].text,)


# ------------------------------------------------------------------- statements


def test_statement_check_feedback_and_model(tiny):
    panel = build_statement_panel(tiny)
    goal = panel.goals[0]
    assert goal.compare.disabled
    goal.text.value = "Mum will attend a parenting course."
    goal.check.click()
    assert "Nearly there" in goal.feedback.value and "service" in goal.feedback.value
    assert not goal.compare.disabled
    goal.compare.click()
    assert tiny.sos.safety_goals[0].text.replace("'", "&#x27;") in goal.model.value
    goal.text.value = GOOD_GOAL
    goal.check.click()
    assert "This has all the parts" in goal.feedback.value


def test_statement_check_uses_the_scenario_people(tiny):
    panel = build_statement_panel(tiny)
    worry = panel.worries[0]
    worry.text.value = ("Niamh is worried that Gran might not keep Zoë safe at weekends, as happened last month, "
                        "and that Zoë could be frightened.")
    worry.check.click()
    assert "Nearly there" in worry.feedback.value
    assert "Ciara" in worry.feedback.value  # the scenario's person of worry, named in the suggestion
    assert "Who does not?" in worry.feedback.value or "who agrees" in worry.feedback.value
    worry.agreed.value, worry.disagreed.value = "Niamh", "Bob"
    worry.check.click()
    assert "could not find &#x27;Bob&#x27;" in worry.feedback.value


def test_statement_answers_restore_and_set_prompts(tiny):
    panel = build_statement_panel(tiny)
    panel.worries[0].text.value = "Gran is worried that Ciara might sleep in again and Zoë could be alone."
    panel.worries[0].agreed.value = "Gran"
    panel.worries[0].disagreed.value = "Ciara"
    panel.set_button.click()
    assert "no safety goal yet" in panel.message.value
    panel.goals[0].text.value = "Gran will help."  # a goal, but one the coach finds parts missing in
    panel.set_button.click()
    assert "Well done" not in panel.message.value and "Safety goal 1 needs more" in panel.message.value
    panel.goals[0].text.value = GOOD_GOAL
    panel.set_button.click()
    assert "Well done" in panel.message.value and "every worry has a safety goal" in panel.message.value
    saved = panel.answers()
    assert saved["agreement"] == [{"agreed": "Gran", "disagreed": "Ciara"}]
    again = build_statement_panel(tiny)
    again.restore(json.loads(json.dumps(saved)))
    assert again.answers() == saved
    again.restore({"worries": ["a", "b", "c", "d"]})
    assert "did not fit" in again.message.value


def test_empty_statement_check(tiny):
    panel = build_statement_panel(tiny)
    panel.harm[0].check.click()
    assert "Write your harm statement" in panel.harm[0].feedback.value


# ------------------------------------------------------------------- scaling

TEN = "Zoë always has a sober adult with her every morning, and Gran has seen this for three months."


def test_scaling_needs_ten_first_then_commit_reveals(tiny):
    panel = build_scaling_panel(tiny)
    assert panel.commit_button.disabled and panel.reveal_box.children == ()
    panel.ten_means.value = "Safe"
    panel.ten_button.click()
    assert "concrete" in panel.ten_feedback.value and panel.commit_button.disabled
    panel.ten_means.value = TEN
    panel.ten_button.click()
    assert not panel.commit_button.disabled
    panel.own_score.value = "eleven"
    panel.own_reason.value = "Gran helps a lot"
    panel.commit_button.click()
    assert "not a number" in panel.message.value and panel.reveal_box.children == ()
    panel.own_score.value = "5"
    panel.commit_button.click()
    assert panel.committed and panel.own_score.disabled
    shown = " ".join(getattr(w, "value", "") for w in panel.reveal_box.children if hasattr(w, "value")
                     and isinstance(w.value, str))
    assert "It has happened twice." in shown or "It has happened twice" in shown.replace("&#x27;", "'")
    assert "move from 5 to 6" in shown and "not averaged" in shown
    assert panel.answers()["own_score"] == 5 and panel.answers()["committed"] is True
    assert "How the numbers changed over the meetings" in shown  # tiny has scores at two meetings


def test_scaling_escalates_low_scores(tiny):
    panel = build_scaling_panel(tiny)
    panel.ten_means.value = TEN
    panel.ten_button.click()
    panel.own_score.value = "1"
    panel.own_reason.value = "Zoë was alone again today"
    panel.commit_button.click()
    assert "Immediate safety concern" in panel.message.value and "escalate" in panel.message.value.lower()


def test_scaling_restore_reveals_again(tiny):
    panel = build_scaling_panel(tiny)
    panel.restore({"ten_means": TEN, "own_score": 6, "own_reason": "Gran is there", "committed": True,
                   "one_point_up": "A month of calls"})
    assert panel.committed and panel.reveal_box.children
    assert panel.answers()["one_point_up"] == "A month of calls"
    content = map_content(tiny, panel.answers())
    assert content.scores == (("You", "your own number", 6, "Gran is there"),) and content.problems == ()


# ------------------------------------------------------------------- three houses


def test_three_houses_asks_for_the_childs_words_and_saves_them(tiny):
    panel = build_three_houses_panel(tiny)
    voice = tiny.child.voice
    for title, words in (("House of worries", voice.worries), ("House of good things", voice.good_things),
                         ("House of dreams", voice.dreams)):  # each house, in the child's own words, as text
        assert f"aria-label='{title}'" in panel.houses.value
        for phrase in words:
            assert f"<li>{html.escape(phrase)}</li>" in panel.houses.value
    panel.save_button.click()
    assert "house of worries" in panel.message.value and "Have another look" in panel.message.value
    panel.chosen["worries"][voice.worries[0]].value = True
    panel.notes["worries"].value = f"Zoë told us: '{voice.worries[0]}'."
    panel.notes["good_things"].value = voice.good_things[0]
    panel.notes["dreams"].value = voice.dreams[0]
    panel.save_button.click()
    assert "own words from every house" in panel.message.value
    panel.notes["worries"].value = "Zoë has a few little worries, nothing much."
    panel.save_button.click()
    assert "soften" in panel.message.value
    saved = panel.answers()
    assert saved["houses_chosen"]["worries"] == [voice.worries[0]]
    other = build_three_houses_panel(tiny)
    other.restore(saved)
    assert other.answers() == saved


def test_errors_become_plain_messages(tiny, monkeypatch):
    panel = build_card_sort_panel(tiny)
    import fncoach.ui.sos as module

    def broken(*_args, **_kwargs):
        raise RuntimeError("the card box is stuck")

    monkeypatch.setattr(module, "check_sort", broken)
    panel.check_button.click()
    assert "Sorry, that did not work" in panel.message.value and "Traceback" not in panel.message.value


def test_all_panel_answers_merge_into_a_learner_map(tiny):
    from fncoach.pages.sosmap import sos_map_html

    sort, statements = build_card_sort_panel(tiny), build_statement_panel(tiny)
    scaling, houses = build_scaling_panel(tiny), build_three_houses_panel(tiny)
    sort.choices["c1"].value = "harm"
    statements.worries[0].text.value = "Gran is worried that Ciara might sleep in again and Zoë could be alone."
    scaling.restore({"ten_means": TEN, "own_score": 4, "own_reason": "No plan yet", "committed": True})
    answers = {**sort.answers(), **statements.answers(), **scaling.answers(), **houses.answers()}
    assert map_content(tiny, answers).problems == ()
    html = sos_map_html(tiny, json.loads(json.dumps(answers)))
    assert "Gran is worried that Ciara might sleep in again" in html and "No plan yet" in html


def test_scaling_says_why_commit_is_greyed_out_and_checks_the_number_at_once(tiny):
    panel = build_scaling_panel(tiny)
    assert panel.commit_button.disabled and panel.commit_row.note.layout.display == ""
    assert "Step 1" in panel.commit_row.note.value
    panel.own_score.value = "12"  # told straight away, before Step 1 is saved
    assert "not on the scale" in panel.score_note.value
    panel.own_score.value = "4"
    assert panel.score_note.value == ""


def test_compare_with_the_model_says_why_it_is_greyed_out(tiny):
    panel = build_statement_panel(tiny)
    box = panel.worries[0]
    row = next(child for child in box.children if isinstance(child, widgets.HBox))
    reason = row.children[1]
    assert box.compare.disabled and "Write and check your statement first." in reason.note.value
    assert reason.note.layout.display == ""
    box.text.value = "Gran is worried that Ciara might hit Zoë."
    box.check.click()
    assert not box.compare.disabled and reason.note.layout.display == "none"


def test_three_houses_escape_the_scenarios_words_and_say_when_a_house_is_empty(tiny):
    from fncoach.ui.sos import three_houses_html

    voice = tiny.child.voice.model_copy(update={"dreams": ("<script>alert(1)</script> & a pony",), "worries": ()})
    page = three_houses_html(tiny.model_copy(update={"child": tiny.child.model_copy(update={"voice": voice})}))
    assert "<script>" not in page and "&lt;script&gt;alert(1)&lt;/script&gt; &amp; a pony" in page
    assert f"Nothing written yet. Ask {tiny.child.name} what goes in this house." in page
