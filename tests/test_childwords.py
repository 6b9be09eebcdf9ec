"""Tests for fncoach.childwords: the Words and Pictures draft and the Three Houses message."""

from __future__ import annotations

import pytest

from fncoach.childwords import (
    READING_TARGETS,
    Draft,
    check_draft,
    check_house_message,
    child_phrases,
    plan_from_saved,
    reading_level,
    reading_target,
    syllables,
    uses_words,
)
from fncoach.model import Assignment
from fncoach.scenario import load_scenario

GOOD = {
    "what_happened": "Mum was sleeping a lot in the day. That was not your fault.",
    "worries": "The grown-ups worry Mum might drink and sleep again. So they made a plan to keep you safe.",
    "plan": "Gran rings Mum every school morning. Gran picks you up on Wednesdays.",
    "when_worried": "When I feel worried I can tell Gran.",
}
PLAN = (Assignment(task="t_morning_call", primary="gran", backups=("uncle_dev",)),)


def _with(**parts):
    return {**GOOD, **parts}


def test_a_good_draft_passes_every_check(tiny):
    check = check_draft(tiny, GOOD, PLAN)
    assert check.level == "good", check.text
    assert set(check.rules("good")) >= {"reading", "names", "blame", "own_words", "when_worried", "so_that"}


def test_reading_target_follows_the_documented_thresholds():
    assert [reading_target(a) for a in range(0, 8)] == [1] * 8
    assert [reading_target(a) for a in (8, 9, 10, 11, 12, 13)] == [2, 3, 4, 5, 6, 7]
    assert reading_target(14) == reading_target(25) == 8
    assert READING_TARGETS[0] == (7, 1)


def test_flesch_kincaid_by_hand():
    # 2 sentences, 6 words, 6 syllables: 0.39 * 3 + 11.8 * 1 - 15.59 = -2.62
    level = reading_level("Gran rings us. We eat tea.")
    assert (level.words, level.sentences, level.grade) == (6, 2, -2.6)
    # 1 sentence, 4 words, 18 syllables (4 + 4 + 5 + 5): 0.39 * 4 + 11.8 * 4.5 - 15.59 = 39.07
    hard = reading_level("Professionals anticipate considerable deterioration.")
    assert hard.grade == 39.1 and hard.long_words[:2] == ("considerable", "deterioration")
    assert [syllables(w) for w in ("tea", "ambulance", "worried", "safe")] == [1, 3, 2, 1]


def test_names_do_not_count_as_hard_words(tiny):
    text = "Christodoulou rings."
    assert reading_level(text, ignore={"Christodoulou"}).grade < reading_level(text).grade


def test_hard_words_for_the_age_are_named(tiny):
    hard = _with(what_happened="Your mother experienced considerable difficulties with alcohol consumption, which "
                               "necessitated professional intervention. That was not your fault.")
    check = check_draft(tiny, hard, PLAN)
    assert "reading" in check.rules() and "aged 8, aim for grade 2" in check.text
    assert "Long words to swap: " + ", ".join(check.reading.long_words[:5]) in check.text
    assert "considerable" in check.reading.long_words
    older = tiny.model_copy(update={"child": tiny.child.model_copy(update={"age": 16})})
    assert check_draft(older, GOOD, PLAN).reading.grade <= reading_target(16)


def test_people_are_named_as_the_child_knows_them(tiny):
    formal = check_draft(tiny, _with(plan="Your maternal grandmother rings every morning. Dev Patel helps."), PLAN)
    assert "names" in formal.rules()
    assert "'Gran Róisín', not 'Maternal grandmother'" in formal.text and "'Dev', not 'Dev Patel'" in formal.text
    friend = check_draft(tiny, _with(plan="Gran rings Mum. Dev, a family friend, helps too."), PLAN)
    assert "names" not in friend.rules()  # an everyday word for someone is fine; only formal roles are flagged
    nobody = check_draft(tiny, _with(plan="Someone rings every school morning."), PLAN)
    assert "names none of the helpers" in nobody.text


@pytest.mark.parametrize("words", ["It was your fault.", "This happened because you were naughty.",
                                   "You made Mum sad.", "The grown-ups are worried you might run away."])
def test_blame_on_the_child_is_caught(tiny, words):
    assert "blame" in check_draft(tiny, _with(what_happened=words), PLAN).rules()


@pytest.mark.parametrize("words", ["It was not your fault.", "None of this was your fault.", "It is never your fault."])
def test_saying_it_is_not_their_fault_is_not_blame(tiny, words):
    check = check_draft(tiny, _with(what_happened=words), PLAN)
    assert "blame" not in check.rules() and "blame" in check.rules("good")


def test_the_childs_own_words(tiny):
    assert "Mum sleeps a lot in the day" in child_phrases(tiny)
    assert uses_words("You told us Mum sleeps a lot.", "Mum sleeps a lot in the day")
    assert not uses_words("Mum was tired.", "Mum sleeps a lot in the day")
    without = _with(what_happened="Mum was poorly. That was not your fault.")
    check = check_draft(tiny, without, PLAN)
    assert "own_words" in check.rules() and "My cat Biscuit" in check.text
    no_voice = tiny.model_copy(update={"child": tiny.child.model_copy(update={"voice": None, "what_matters": ()})})
    assert "own_words" not in check_draft(no_voice, without, PLAN).rules()


def test_when_worried_needs_a_safe_person_never_the_person_of_worry(tiny):
    assert "when_worried" in check_draft(tiny, _with(when_worried=""), PLAN).rules()
    assert "when_worried" in check_draft(tiny, _with(when_worried="When I feel worried I can be brave."), PLAN).rules()
    unsafe = check_draft(tiny, _with(when_worried="When I feel worried I can tell Ciara."), PLAN)
    assert "when_worried" in unsafe.rules() and "someone else" in unsafe.text
    mum = check_draft(tiny, _with(when_worried="When I feel worried I can tell Mum."), PLAN)
    assert "someone else" in mum.text


def test_frightening_words_need_a_so_that_of_safety(tiny):
    bare = check_draft(tiny, _with(worries="The grown-ups worry Mum might drink and fall over and get hurt."), PLAN)
    assert "so_that" in bare.rules()
    later = _with(worries="The grown-ups worry Mum might drink and get hurt. They made a plan so that you are safe.")
    assert "so_that" not in check_draft(tiny, later, PLAN).rules()
    named = tiny.model_copy(update={"people": tuple(p.model_copy(update={"name": "Hitesh Mama"}) if p.id == "gran"
                                                    else p for p in tiny.people)})
    assert "so_that" not in check_draft(named, _with(plan="Hitesh Mama rings Mum."), PLAN).rules()


def test_missing_parts_are_named(tiny):
    check = check_draft(tiny, {"plan": "Gran rings."}, PLAN)
    assert "What happened" in check.text and check.level == "warn"
    assert check_draft(tiny, {}).level == "warn"


def test_plan_comes_from_the_saved_plan_exercise():
    saved = {"assignments": [{"task": "call", "primary": "gran", "backups": ["dev"]}]}
    assert plan_from_saved(saved) == (Assignment(task="call", primary="gran", backups=("dev",)),)
    assert plan_from_saved({}) == () and plan_from_saved({"assignments": 3}) == ()


def test_draft_round_trip():
    draft = Draft.from_answers(GOOD)
    assert Draft.from_answers(draft.to_dict()) == draft and "tell Gran" in draft.text


def test_every_bundled_model_draft_passes_its_own_case(bundled_path):
    s = load_scenario(bundled_path)
    assert s.words_and_pictures is not None
    check = check_draft(s, s.words_and_pictures.model_dump(), s.plan.model_plan)
    assert check.level == "good", check.text


# ------------------------------------------------------------------- Three Houses


def _said(s):
    v = s.child.voice
    return {"worries": f"{s.child.name} told us: '{v.worries[0]}'", "good_things": v.good_things[0],
            "dreams": v.dreams[0]}


def test_three_houses_in_the_childs_words(tiny):
    v = tiny.child.voice
    assert check_house_message(tiny, {"worries": [v.worries[0]]}, _said(tiny)).level == "good"


def test_three_houses_in_the_learners_words_only(tiny):
    said = {**_said(tiny), "dreams": "She has hopes for the future."}
    check = check_house_message(tiny, {"worries": [tiny.child.voice.worries[0]]}, said)
    assert "dreams" in check.rules() and "swimming gala" in check.text


@pytest.mark.parametrize("worries", ["Zoë has a few little worries.", "She is only a bit worried about Mum sleeping.",
                                     "Nothing much to worry about really."])
def test_the_house_of_worries_is_not_softened_away(tiny, worries):
    check = check_house_message(tiny, {"worries": [tiny.child.voice.worries[0]]}, {**_said(tiny), "worries": worries})
    assert "softened" in check.rules()


def test_softening_the_childs_words_is_caught_even_when_quoted(tiny):
    said = {**_said(tiny), "worries": "Just a bit worried: Mum sleeps a lot in the day."}
    assert "softened" in check_house_message(tiny, {"worries": [tiny.child.voice.worries[0]]}, said).rules()


def test_choosing_nothing_from_the_house_of_worries(tiny):
    check = check_house_message(tiny, {}, {**_said(tiny), "worries": "Zoë likes her cat."})
    assert check.level == "warn" and "chose nothing from the house of worries" in check.text


def test_every_bundled_case_can_be_heard(bundled_path):
    s = load_scenario(bundled_path)
    v = s.child.voice
    assert check_house_message(s, {"worries": [v.worries[0]]}, _said(s)).level == "good"


def test_the_reading_target_is_a_hard_line_at_the_childs_age(tiny):
    grade = check_draft(tiny, GOOD, PLAN).reading.grade
    assert reading_target(7) < grade <= reading_target(8)  # the good draft sits between the two ages
    at = {age: check_draft(tiny.model_copy(update={"child": tiny.child.model_copy(update={"age": age})}), GOOD, PLAN)
          for age in (7, 8)}
    assert "reading" in at[7].rules() and "reading" in at[8].rules("good")


def test_a_name_that_is_also_a_frightening_word_is_not_frightening(tiny):
    court = tiny.model_copy(update={"people": tuple(p.model_copy(update={"name": "Bill Court"}) if p.id == "uncle_dev"
                                                    else p for p in tiny.people)})
    assert "so_that" not in check_draft(court, _with(plan="Gran rings Mum. Bill Court helps."), PLAN).rules()
    assert "so_that" in check_draft(court, _with(plan="Gran rings Mum. Then we go to court."), PLAN).rules()
