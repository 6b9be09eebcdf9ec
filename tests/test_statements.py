"""The statement coach: rubric criteria, tricky cases, the labelled corpus and every bundled scenario."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from fncoach.examples import TINY_PATH
from fncoach.scenario import load_scenario
from fncoach.statements import (
    Finding,
    StatementCheck,
    check_statement,
    check_statement_set,
    compare_with_model,
    find_labels,
    reading_grade,
)

ROOT = Path(__file__).resolve().parent.parent
CORPUS = Path(__file__).resolve().parent / "statements_corpus.yaml"


def unmet(check: StatementCheck, required_only: bool = True) -> set[str]:
    return {f.criterion for f in check.findings if not f.met and (f.required or not required_only)}


# ----------------------------------------------------------------- the corpus


@pytest.fixture(scope="module")
def corpus() -> list[dict]:
    return yaml.safe_load(CORPUS.read_text(encoding="utf-8"))["statements"]


def test_corpus_size_and_mix(corpus):
    labels = [item["label"] for item in corpus]
    assert labels.count("good") >= 40 and labels.count("weak") >= 40
    kinds = {(item["kind"], item["label"]) for item in corpus}
    assert kinds == {(k, l) for k in ("worry", "harm", "goal") for l in ("good", "weak")}
    assert all(item.get("note") for item in corpus if item["label"] == "weak"), "each weak statement says why"
    assert len({item["text"] for item in corpus}) == len(corpus), "no duplicates"


def test_corpus_is_not_one_template(corpus):
    goods = [item["text"] for item in corpus if item["label"] == "good" and item["kind"] == "worry"]
    shapes = {text.split(" are worried")[0] == text for text in goods}  # some without 'are worried'
    assert shapes == {True, False}
    assert sum("might" not in text for text in goods) >= 3


def test_corpus_agreement_at_least_90_percent(corpus):
    agreed = [check_statement(item["text"], item["kind"]).ok == (item["label"] == "good") for item in corpus]
    agree = sum(agreed)
    figure = agree / len(corpus)
    print(f"\nstatement rubric agrees with the labelled corpus on {agree} of {len(corpus)} statements ({figure:.1%})")
    for kind in ("worry", "harm", "goal"):
        mine = [ok for ok, item in zip(agreed, corpus) if item["kind"] == kind]
        print(f"  {kind}: {sum(mine)} of {len(mine)}")
    assert figure >= 0.90


# ----------------------------------------------------------------- every bundled scenario's models


def _model_statements():
    items = []
    for path in sorted((ROOT / "scenarios").glob("*.yaml")) + [TINY_PATH]:
        items.append(path)
    return items


@pytest.mark.parametrize("path", _model_statements(), ids=lambda p: p.stem)
def test_every_model_statement_passes(path):
    s = load_scenario(path)
    failures = []
    for kind, items in (("harm", s.sos.harm_statements), ("worry", s.sos.worry_statements), ("goal", s.sos.safety_goals)):
        for item in items:
            check = check_statement(item.text, kind)
            if not check.ok:
                failures.append(f"{item.id} ({kind}): missing {sorted(unmet(check))}: {item.text}")
    assert not failures, "\n".join(failures)


# ----------------------------------------------------------------- worry statements


GOOD_WORRY = ("Priya and Gran are worried that Dad might shout and throw things when he has been drinking, as happened "
              "in May, and that Leo could be too frightened to sleep if nothing changes.")


def test_good_worry_meets_everything():
    check = check_statement(GOOD_WORRY, "worry")
    assert check.ok and unmet(check, required_only=False) == set()
    assert [f.criterion for f in check.findings] == ["who_worried", "behaviour", "history", "impact", "plain_words", "readable"]


@pytest.mark.parametrize(
    "text, missing",
    [
        ("Mum is neglectful.", {"who_worried", "behaviour", "impact", "plain_words"}),
        ("There are worries that Dad might hit Leo again and that Leo could be hurt.", {"who_worried"}),
        ("We are worried that Dad might hit Leo again and that Leo could be hurt.", {"who_worried"}),
        ("Gran is worried that Dad might hit Mum again, as he did in March.", {"impact"}),
        ("Gran is worried that Dad might be depressed and that Leo could be frightened.", {"behaviour"}),
    ],
)
def test_worry_missing_parts(text, missing):
    assert unmet(check_statement(text, "worry")) == missing


def test_label_and_behaviour_together_is_not_ok_but_credits_the_behaviour():
    text = ("Gran is worried that Mum is an alcoholic and might drink all day again, as she did last week, "
            "leaving Zoë alone and frightened if nothing changes.")
    check = check_statement(text, "worry")
    assert not check.ok
    assert unmet(check) == {"plain_words"}
    behaviour = next(f for f in check.findings if f.criterion == "behaviour")
    assert behaviour.met
    plain = next(f for f in check.findings if f.criterion == "plain_words")
    assert "alcoholic" in plain.message and "Instead" in plain.message


def test_history_is_a_tip_not_a_requirement():
    text = "Gran is worried that Dad might hit Leo and that Leo could be hurt."
    check = check_statement(text, "worry")
    assert check.ok
    history = next(f for f in check.findings if f.criterion == "history")
    assert not history.met and not history.required and history.message.startswith("Tip")


# ----------------------------------------------------------------- harm statements


def test_harm_good_and_future_looking():
    good = check_statement("Last month Zoë walked to school alone at 7am; she was cold and frightened.", "harm")
    assert good.ok
    future = check_statement("Leo could be hurt if Dad loses his temper.", "harm")
    assert "what_happened" in unmet(future)
    message = next(f.message for f in future.findings if f.criterion == "what_happened")
    assert "worry statement" in message


def test_harm_without_effect_on_child():
    assert unmet(check_statement("In March Dad hit Mum in the kitchen.", "harm")) == {"effect_on_child"}


# ----------------------------------------------------------------- safety goals


GOOD_GOAL = ("Mum, Gran and Uncle Joe will be taking turns to be at home with Leo every evening, so that Leo sleeps "
             "knowing a calm adult is there; Jade will see this in the family diary for the next six months.")


def test_good_goal():
    check = check_statement(GOOD_GOAL, "goal")
    assert check.ok
    assert [f.criterion for f in check.findings][:5] == ["who_does_what", "positive", "child_experience", "who_will_see",
                                                         "timescale"]


def test_goal_with_no_timescale():
    text = GOOD_GOAL.replace(" for the next six months", "")
    assert unmet(check_statement(text, "goal")) == {"timescale"}


def test_goal_that_only_lists_services():
    text = ("Dad will attend a parenting course and complete the Freedom Programme, so that Leo is safe; Jade will "
            "see the attendance records for the next six months.")
    check = check_statement(text, "goal")
    assert unmet(check) == {"who_does_what"}
    assert "service" in next(f.message for f in check.findings if f.criterion == "who_does_what")


def test_goal_with_services_and_real_behaviour_passes_with_a_note():
    text = ("Dad will attend a parenting course and will be reading Leo a story every bedtime, so that Leo feels close "
            "to his dad; Gran will see this in the diary for the next three months.")
    check = check_statement(text, "goal")
    assert check.ok
    assert "Courses and services can help" in check.findings[0].message


def test_attend_a_course_alone_fails():
    check = check_statement("Mum will attend a course.", "goal")
    assert not check.ok and "who_does_what" in unmet(check)


@pytest.mark.parametrize("text", [
    "Dad won't drink when Leo is with him, so that Leo is safe; Gran will see this for the next three months.",
    "Dad will not drink when Leo is with him, so that Leo is safe; Gran will see this for the next three months.",
    "Mum will stop seeing Craig, so that Leo is safe; Gran will see this for the next three months.",
])
def test_goal_negative_wording(text):
    assert unmet(check_statement(text, "goal")) == {"positive"}


def test_goal_done_by_workers_not_network():
    check = check_statement("The social worker will visit every week so that Leo is safe, and will record this for six months.", "goal")
    assert "who_does_what" in unmet(check)


# ----------------------------------------------------------------- shared pieces


def test_empty_and_unknown_kind():
    empty = check_statement("   ", "goal")
    assert not empty.ok and empty.findings[0].criterion == "written"
    with pytest.raises(ValueError, match="worry, harm, goal"):
        check_statement("text", "danger")


def test_json_shape():
    data = check_statement(GOOD_WORRY, "worry").to_dict()
    assert set(data) == {"ok", "findings"}
    assert all(set(f) == {"criterion", "met", "message"} for f in data["findings"])


@pytest.mark.parametrize("text, label", [
    ("Mum's chaotic lifestyle", "chaotic"),
    ("more DV", "DV"),
    ("the LAC review", "LAC"),
    ("his substance misuse", "substance misuse"),
    ("not engaging with us", "not engaging"),
])
def test_find_labels(text, label):
    assert find_labels(text)[0][0] == label


def test_no_false_label_in_plain_words():
    assert find_labels("Dad drinks until he falls asleep and Leo is left alone") == ()


def test_long_sentence_is_a_tip():
    text = ("Gran is worried that Dad might shout " + "and shout " * 25 + "and that Leo could be frightened.")
    check = check_statement(text, "worry")
    readable = next(f for f in check.findings if f.criterion == "readable")
    assert not readable.met and not readable.required and check.ok


def test_reading_grade_orders_easy_and_hard():
    assert reading_grade("Gran picks Leo up.") < reading_grade(
        "Consideration of the intergenerational transmission of vulnerability is fundamental.")


def test_statement_set_prompts():
    prompts = check_statement_set(["a", "b", "c", "d"], ["g", "g", "g", ""])
    assert len(prompts) == 2 and "four" not in prompts[0] and "4 worry statements" in prompts[0]
    assert "Worry statement 4" in prompts[1]
    assert check_statement_set(["a"], ["g"]) == ()


def test_compare_with_model_puts_closest_first(tiny):
    assert compare_with_model(tiny, "worry", "") == tuple(w.text for w in tiny.sos.worry_statements)
    assert compare_with_model(tiny, "goal", "sober adult awake")[0] == tiny.sos.safety_goals[0].text


def test_summary_sentences():
    assert "all the parts" in check_statement(GOOD_GOAL, "goal").summary()
    assert "needs" in check_statement("Mum will attend a course.", "goal").summary()
    assert isinstance(check_statement(GOOD_GOAL, "goal").findings[0], Finding)


@pytest.mark.parametrize("text", [
    "I\u2019m worried that Dad might hit Leo again and that Leo could be hurt.",
    "Gran\u2019s worried that Dad might hit Leo again and that Leo could be hurt.",
    "Gran's really worried that Dad might hit Leo again and that Leo could be hurt.",
    "Gran has real concerns that Dad might hit Leo again and that Leo could be hurt.",
])
def test_contractions_and_curly_apostrophes(text):
    check = check_statement(text, "worry")
    assert check.ok, unmet(check)


def test_curly_wont_is_negative():
    text = "Dad won\u2019t drink when Leo is with him, so that Leo is safe; Gran will see this for the next three months."
    assert unmet(check_statement(text, "goal")) == {"positive"}
