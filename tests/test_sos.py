"""Card sorting: scores, near-miss notes, unplaced cards and bad input."""

from __future__ import annotations

import pytest

from fncoach.model import SOS_COLUMNS
from fncoach.sos import COLUMN_TITLES, check_sort, columns_for, fit_saved_sort, near_miss_note


def model_placements(scenario) -> dict[str, str]:
    return {card.id: card.column for card in scenario.sos.cards}


def test_model_answer_scores_full_marks(tiny):
    result = check_sort(tiny, model_placements(tiny))
    assert (result.score, result.total) == (6, 6)
    assert all(c.right and c.near_miss_note == "" for c in result.cards)
    assert "Every card is in the right place" in result.summary()


def test_every_bundled_model_sort_is_perfect(bundled_path):
    from fncoach.scenario import load_scenario

    s = load_scenario(bundled_path)
    result = check_sort(s, model_placements(s))
    assert result.score == result.total == len(s.sos.cards)


@pytest.mark.parametrize(
    "card, chosen, words",
    [
        ("c4", "strength", "protection that has actually been shown"),  # model: existing_safety
        ("c5", "existing_safety", "has not been tested"),  # model: strength
        ("c1", "danger", "already happened"),  # model: harm
        ("c2", "harm", "looks ahead"),  # model: danger
        ("c1", "complicating", "hurt or frightened the child"),  # model: harm
        ("c3", "harm", "has not itself hurt the child"),  # model: complicating
    ],
)
def test_near_misses_teach_the_difference(tiny, card, chosen, words):
    placements = model_placements(tiny) | {card: chosen}
    result = check_sort(tiny, placements)
    assert result.score == 5
    feedback = next(c for c in result.cards if c.card_id == card)
    assert not feedback.right and feedback.near_miss
    assert words in feedback.near_miss_note
    assert feedback.explanation in feedback.message()
    assert "near miss" in result.summary()


def test_plain_wrong_is_not_a_near_miss(tiny):
    result = check_sort(tiny, model_placements(tiny) | {"c1": "strength"})
    feedback = result.cards[0]
    assert not feedback.right and not feedback.near_miss and feedback.near_miss_note == ""
    assert feedback.message().startswith("Not quite: you chose Strength")


def test_unplaced_cards_reported_plainly(tiny):
    placements = model_placements(tiny)
    del placements["c2"]
    placements["c3"] = ""
    result = check_sort(tiny, placements)
    assert result.unplaced == ("c2", "c3")
    assert result.score == 4 and result.total == 6
    assert "2 cards are not placed yet" in result.summary()
    unplaced = result.cards[1]
    assert unplaced.chosen is None and not unplaced.placed
    assert unplaced.message().startswith("Place this card first")
    # the answer is never given before the learner has tried (issue 13)
    assert COLUMN_TITLES["danger"] not in unplaced.message() and unplaced.explanation not in unplaced.message()


def test_empty_sort(tiny):
    result = check_sort(tiny, {})
    assert result.score == 0 and len(result.unplaced) == 6


def test_bad_input_messages(tiny):
    with pytest.raises(ValueError, match="no card called 'c99'"):
        check_sort(tiny, {"c99": "harm"})
    with pytest.raises(ValueError, match="not a column"):
        check_sort(tiny, {"c1": "worries"})


def _with_court_card(scenario):
    court = scenario.sos.cards[0].model_copy(update={
        "id": "c_court", "column": "bottom_line",
        "text": "If the plan does not hold, the council will go to court.",
        "explanation": "What the council has said it will do: the bottom line, not danger to the child."})
    return scenario.model_copy(update={"sos": scenario.sos.model_copy(update={"cards": scenario.sos.cards + (court,)})})


def test_columns_offered(tiny):
    assert columns_for(tiny) == tuple(c for c in SOS_COLUMNS if c != "bottom_line")  # tiny has a distractor card
    assert columns_for(_with_court_card(tiny)) == SOS_COLUMNS
    no_distractor = tiny.model_copy(update={"sos": tiny.sos.model_copy(update={
        "cards": tuple(c for c in tiny.sos.cards if c.column != "not_needed")})})
    assert "not_needed" not in columns_for(no_distractor)


def test_bottom_line_is_its_own_column(tiny):
    scenario = _with_court_card(tiny)
    assert "bottom_line" in COLUMN_TITLES and "council" in COLUMN_TITLES["bottom_line"]
    result = check_sort(scenario, {**model_placements(scenario), "c_court": "danger"})
    court = next(f for f in result.cards if f.card_id == "c_court")
    assert not court.right and "bottom line" in court.near_miss_note and "council" in court.near_miss_note
    assert check_sort(scenario, model_placements(scenario)).score == len(scenario.sos.cards)


def test_near_miss_note_only_for_the_pairs():
    pairs = {(a, b) for a in SOS_COLUMNS for b in SOS_COLUMNS if near_miss_note(a, b)}
    assert {("strength", "existing_safety"), ("existing_safety", "strength"), ("harm", "danger"), ("danger", "harm"),
            ("complicating", "harm"), ("harm", "complicating")} <= pairs
    assert near_miss_note(None, "harm") == ""


def test_card_verdicts_and_levels(tiny):
    # c1 model harm: right; c2 model danger put under harm: near miss; c3 model complicating under strength: wrong;
    # c4 not placed
    placements = model_placements(tiny) | {"c2": "harm", "c3": "strength"}
    del placements["c4"]
    result = check_sort(tiny, placements)
    verdicts = {c.card_id: (c.verdict, c.level) for c in result.cards}
    assert verdicts["c1"] == ("Right", "good")
    assert verdicts["c2"] == ("Near miss", "warn")
    assert verdicts["c3"] == ("Not quite", "warn")
    assert verdicts["c4"] == ("Not placed yet", "info")
    assert result.level == "info"
    assert check_sort(tiny, model_placements(tiny)).level == "good"


def test_fit_saved_sort(tiny):
    # "hunch" is not a column; c3 was never placed; "old_card" is not in this scenario
    placed, skipped = fit_saved_sort(tiny, {"c1": "harm", "c2": "hunch", "c3": "", "old_card": "harm"})
    assert list(placed) == [card.id for card in tiny.sos.cards]
    assert (placed["c1"], placed["c2"], placed["c3"], placed["c4"]) == ("harm", "", "", "")
    assert skipped == ("c2", "old_card")
    assert fit_saved_sort(tiny, None) == ({card.id: "" for card in tiny.sos.cards}, ())


def test_fit_saved_sort_drops_a_column_this_scenario_does_not_offer():
    from fncoach.examples import example_scenario

    s = example_scenario()  # no distractor cards, so no "not needed" column
    assert "not_needed" not in columns_for(s)
    assert fit_saved_sort(s, {"c1": "not_needed"}) == ({"c1": ""}, ("c1",))
