"""The statement coach: rubric criteria, tricky cases, the labelled corpus and every bundled scenario."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import pytest
import yaml

from fncoach.examples import TINY_PATH, tiny_scenario
from fncoach.scenario import load_scenario
from fncoach.statements import (
    Finding,
    StatementCheck,
    check_agreement,
    check_statement,
    check_statement_set,
    compare_with_model,
    find_labels,
    reading_grade,
)

ROOT = Path(__file__).resolve().parent.parent
CORPUS = Path(__file__).resolve().parent / "statements_corpus.yaml"
#: Written before the issue-12 rubric, never used for tuning: only measured (see benchmarks/statements.py).
HELDOUT = Path(__file__).resolve().parent / "statements_heldout.yaml"
#: Agreement measured on each set with this rubric (python benchmarks/statements.py prints both). A change that
#: lowers either is a regression: look at what it now gets wrong before lowering a number.
CORPUS_AGREEMENT = 1.00  # 124 of 124
HELDOUT_AGREEMENT = 0.90  # 79 of 87 (90.8%) after the issue-12 rubric; 61 of 87 (70.1%) before it


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


def _agreement(items: list[dict]) -> float:
    agreed = [check_statement(item["text"], item["kind"]).ok == (item["label"] == "good") for item in items]
    return sum(agreed) / len(items)


def test_corpus_agreement_is_the_measured_figure(corpus):
    assert _agreement(corpus) >= CORPUS_AGREEMENT


@pytest.fixture(scope="module")
def heldout() -> list[dict]:
    return yaml.safe_load(HELDOUT.read_text(encoding="utf-8"))["statements"]


def test_heldout_set_is_separate_and_mixed(heldout, corpus):
    assert len(heldout) >= 72
    assert {(i["kind"], i["label"]) for i in heldout} == {(k, l) for k in ("worry", "harm", "goal") for l in ("good", "weak")}
    assert not {i["text"] for i in heldout} & {i["text"] for i in corpus}
    notes = " ".join(i.get("note", "") for i in heldout)
    assert "failure to protect" in notes and "child as subject" in notes


def test_heldout_agreement_is_the_measured_figure(heldout):
    assert _agreement(heldout) >= HELDOUT_AGREEMENT


# ----------------------------------------------------------------- every bundled scenario's models


#: Model statements that blame the wrong person (issue 12); the scenario files are being rewritten on another
#: branch. strict: once a rewrite lands the test passes, and the entry must be taken out of this list.
_BEING_REWRITTEN: set[tuple[str, str]] = set()  # (case, statement id) pairs waiting for a rewrite


@lru_cache(maxsize=None)
def _load(path: Path):
    return load_scenario(path)


def _model_statements():
    params = []
    for path in sorted((ROOT / "scenarios").glob("*.yaml")) + [TINY_PATH]:
        s = _load(path)
        for kind, items in (("harm", s.sos.harm_statements), ("worry", s.sos.worry_statements),
                            ("goal", s.sos.safety_goals)):
            for item in items:
                marks = [pytest.mark.xfail(strict=True, reason="blames the wrong person; rewritten on another branch")] \
                    if (path.stem, item.id) in _BEING_REWRITTEN else []
                params.append(pytest.param(path, kind, item.id, id=f"{path.stem}-{item.id}", marks=marks))
    return params


@pytest.mark.parametrize("path, kind, item_id", _model_statements())
def test_every_model_statement_passes_with_its_scenario(path, kind, item_id):
    s = _load(path)
    items = {"harm": s.sos.harm_statements, "worry": s.sos.worry_statements, "goal": s.sos.safety_goals}[kind]
    item = next(i for i in items if i.id == item_id)
    check = check_statement(item.text, kind, s)
    assert check.ok, f"missing {sorted(unmet(check))}: {item.text}"


# ----------------------------------------------------------------- worry statements


GOOD_WORRY = ("Priya and Gran are worried that Dad might shout and throw things when he has been drinking, as happened "
              "in May, and that Leo could be too frightened to sleep if nothing changes.")


def test_good_worry_meets_everything():
    check = check_statement(GOOD_WORRY, "worry")
    assert check.ok and unmet(check, required_only=False) == set()
    assert [f.criterion for f in check.findings] == ["who_worried", "behaviour", "whose_behaviour", "history", "impact",
                                                     "plain_words", "readable"]


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


# ----------------------------------------------------------------- whose behaviour (issue 12)

DARIA = ("Gran is worried that Mum might not protect Daria from Dad when he comes back, as happened in March, "
         "and Daria could be hurt and frightened.")
ZARA = "Nan is worried that Zara might go missing again, as she did at Easter, and that she could be hurt."


def finding(check: StatementCheck, criterion: str) -> Finding:
    return next(f for f in check.findings if f.criterion == criterion)


def test_failure_to_protect_is_flagged_and_rewritten_around_the_person_who_harms():
    check = check_statement(DARIA, "worry")
    assert not check.ok and unmet(check) == {"whose_behaviour"}
    whose = finding(check, "whose_behaviour").message
    assert "Mum" in whose and "'Gran is worried that Dad might" in whose and "Daria could" in whose
    assert "an adult might do" not in finding(check, "behaviour").message


def test_child_as_subject_is_flagged():
    check = check_statement(ZARA, "worry")
    assert not check.ok and unmet(check) == {"whose_behaviour"}
    assert "Zara's own behaviour" in finding(check, "whose_behaviour").message


@pytest.mark.parametrize("text", [
    DARIA,
    ZARA,
    "Nan is worried that Mum might let Shane back into the flat, as she did in June, and that Kai could be hurt.",
    "Auntie Jo is worried that Mum keeps letting Shane come round, as happened on Friday, and that Kai could be scared.",
    "The school is worried that Mum fails to stop Shane shouting at Kai, as happened in June, and Kai could be scared.",
    "Gran is worried that Mum won't keep Shane away from the house, as happened in June, and Kai could be scared.",
    "Gran is worried that Mum might take Shane back, as she did in June, and that Kai could see him hurt her again.",
    "Grandad is worried that Priya might keep seeing her ex-boyfriend, as she did in March, and that baby Amir "
    "could be hurt.",
    "Gran is worried that Mum might move in with Dean again, as she did in May, and that Leo could be hurt.",
    "His carer is worried that Leon might put himself at risk at parties, as he did in May, and could be hurt.",
    "Dee is worried that Maya might run away again, as she did in May, and that Maya could be hurt.",
])
def test_a_blaming_or_child_as_subject_worry_never_has_all_its_parts(text):
    check = check_statement(text, "worry")
    assert not check.ok and "whose_behaviour" in unmet(check)
    assert "all the parts" not in check.summary()


@pytest.mark.parametrize("text", [
    "Gran is worried that Dad might hit Mum again when he comes back, as happened in March, and that Daria could be "
    "hurt trying to stop him.",
    "Nan is worried that older men might keep Zara at their flats overnight, as they did at Easter, and that Zara "
    "could be hurt.",
    "Gran is worried that Shane might not let Mum leave the flat, as happened in June, and that Kai could be scared.",
    "Dee is worried that Dad might stop Maya seeing her friends, as he did in May, and that Maya could be lonely.",
    "Gran is worried that Dad might see Leo without Gran there, as he did in May, and that Leo could be hurt.",
    "Gran is worried that Dad might stay at Nan's house and miss the school run, as he did in May, and Leo could "
    "be late.",
])
def test_the_person_who_harms_as_subject_is_fine(text):
    check = check_statement(text, "worry")
    assert check.ok, unmet(check)
    assert finding(check, "whose_behaviour").met


def test_with_a_scenario_the_suggestion_names_its_person_of_worry():
    tiny = tiny_scenario()
    text = ("Niamh is worried that Gran might not keep Zoë safe at weekends, as happened last month, and that Zoë "
            "could be frightened.")
    with_people = finding(check_statement(text, "worry", tiny), "whose_behaviour")
    assert not with_people.met and "Ciara" in with_people.message
    assert "Ciara" not in finding(check_statement(text, "worry"), "whose_behaviour").message


def test_with_a_scenario_the_child_is_recognised_by_name():
    tiny = tiny_scenario()
    text = "Amara is worried that Zoë might stay out all night, as happened last month, and that she could be hurt."
    check = check_statement(text, "worry", tiny)
    whose = finding(check, "whose_behaviour")
    assert not whose.met and "Zoë's own behaviour" in whose.message and "Ciara" in whose.message


def test_with_a_scenario_a_safe_adult_letting_the_person_of_worry_in_is_flagged():
    tiny = tiny_scenario()
    text = ("Amara is worried that Gran might leave Zoë with Ciara on Saturdays, as happened last month, and that "
            "Zoë could be left alone and frightened.")
    assert "whose_behaviour" in unmet(check_statement(text, "worry", tiny))
    mum = "Amara is worried that Mum might leave Zoë with strangers, as happened last month, and Zoë could be scared."
    assert check_statement(mum, "worry", tiny).ok  # Mum is Ciara, the person of worry: her own behaviour


def test_impact_only_about_the_child_asks_for_the_adult_behaviour():
    text = "Dr Owusu is worried that Sami might go weeks without hearing from his mum, as happened in May."
    check = check_statement(text, "worry")
    assert not check.ok and "go through" in finding(check, "whose_behaviour").message


# ----------------------------------------------------------------- harm: past events and effects worded freely


@pytest.mark.parametrize("text", [
    "In March Dad hit Leo across the face, and Leo would not speak to anyone for two days.",
    "When Dad smashed the kitchen window in May, Ellie sat on the stairs; she still covers her ears when a door bangs.",
    "After Dad kicked the door in at Easter, Ellie stopped going to football.",
    "Dad threw a plate at Mum at Christmas. Ellie now hides behind the sofa when he raises his voice.",
])
def test_effects_on_the_child_worded_freely(text):
    check = check_statement(text, "harm")
    assert check.ok, unmet(check)
    assert finding(check, "effect_on_child").met


@pytest.mark.parametrize("text", [
    "Dad could hit Leo when he is angry.",
    "Dad could hit Leo again, and Leo might stop going to school.",
    "Mum might leave the children alone at night and they could be frightened.",
])
def test_could_hit_is_not_a_harm_statement(text):
    check = check_statement(text, "harm")
    assert not check.ok and "what_happened" in unmet(check)
    assert "worry statement" in finding(check, "what_happened").message


def test_an_adult_doing_something_afterwards_is_not_an_effect_on_the_child():
    assert unmet(check_statement("In March Dad hit Mum in the kitchen, and Mum rang her sister.", "harm")) == {
        "effect_on_child"}


def test_with_a_scenario_an_effect_is_read_from_the_child_by_name():
    tiny = tiny_scenario()
    text = "Last month Ciara slept through the morning after drinking, and Zoë walked to school on her own."
    assert check_statement(text, "harm", tiny).ok
    other = "Last month Ciara slept through the morning after drinking, and Niamh took the dog out."
    assert "effect_on_child" in unmet(check_statement(other, "harm", tiny))


# ----------------------------------------------------------------- goals: who will see it, worded freely


@pytest.mark.parametrize("watching", [
    "Gran will check how each visit went",
    "Gran and his teacher will ask Leo every Friday how things are",
    "his football coach will keep an eye on how he is",
])
def test_who_will_see_it_worded_freely(watching):
    text = (f"Dad will only see Leo at Gran's house, with Gran in the room, so that Leo enjoys his visits and feels "
            f"safe; {watching} for the next six months.")
    check = check_statement(text, "goal")
    assert check.ok, unmet(check)
    assert finding(check, "who_will_see").met


def test_the_child_is_not_who_will_see_it():
    text = ("Dad will only see Leo at Gran's house, with Gran in the room, so that Leo will enjoy his visits for the "
            "next six months.")
    assert "who_will_see" in unmet(check_statement(text, "goal"))


def test_a_goal_that_hands_keeping_the_harmer_away_to_a_protective_adult():
    text = ("Mum will keep Shane away from the flat, so that Kai feels safe at home; Gran will see this every week "
            "for six months.")
    check = check_statement(text, "goal")
    assert unmet(check) == {"whose_behaviour"}
    assert "Shane will be" in finding(check, "whose_behaviour").message
    fine = ("Shane will see Kai only at the family centre, so that Kai feels safe at home; Gran will see this every "
            "week for six months.")
    assert check_statement(fine, "goal").ok


# ----------------------------------------------------------------- who agrees / who does not


def test_agreement_feedback():
    both = check_agreement("Gran, Amara", "Mum")
    assert both[0].met and "Gran, Amara" in both[0].message and "Mum" in both[0].message
    assert not check_agreement("", "")[0].met
    assert check_agreement("", "", "Gran is worried… Dad does not agree.")[0].met
    clash = check_agreement("Gran and Mum", "Mum")
    assert not clash[1].met and clash[1].required


def test_agreement_with_a_scenario():
    tiny = tiny_scenario()
    text = "Amara is worried that Ciara might drink in the day again and Zoë could be left alone."
    found = check_agreement("Amara, Gran, Bob", "", text, tiny)
    messages = " ".join(f.message for f in found)
    assert "'Bob'" in messages and "Gran" not in messages.split("could not find")[1]
    assert "What does Ciara think?" in messages
    assert "What does" not in " ".join(f.message for f in check_agreement("Amara", "Ciara", text, tiny))


# ----------------------------------------------------------------- the whole set


def test_a_set_is_never_praised_when_a_statement_in_it_is_missing_parts():
    from fncoach.statements import judge_statement_set

    verdict = judge_statement_set(["Zoë could be hit."], [GOOD_WORRY], ["Dad will be nicer."])
    assert verdict.level == "warn" and verdict.title == "Have another look"
    assert "Harm statement 1 needs more: press Check under it to see what." in verdict.lines
    assert "Safety goal 1 needs more: press Check under it to see what." in verdict.lines


def test_an_empty_set_asks_for_a_worry_first_and_a_missing_goal_is_named():
    from fncoach.statements import judge_statement_set

    assert judge_statement_set([], ["  "], [""]).level == "info"
    verdict = judge_statement_set([], [GOOD_WORRY], [""])
    assert verdict.level == "warn" and any("no safety goal yet" in line for line in verdict.lines)


def test_finding_marks():
    from fncoach.statements import Finding, finding_mark

    assert [finding_mark(Finding("c", True, "m")), finding_mark(Finding("c", False, "m")),
            finding_mark(Finding("c", False, "m", required=False))] == ["✓", "✗", "•"]
