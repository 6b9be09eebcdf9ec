"""The clause grammar behind the statement coach: verb groups, subjects, tense and a scenario's people."""

from __future__ import annotations

import pytest

from fncoach.clauses import everyday_name, people_of, person_mentions, tokens, verb_groups
from fncoach.examples import tiny_scenario


def groups(text: str) -> list[tuple[str, str, bool, str, str]]:
    return [(g.head, g.modal, g.negated, g.lemma, g.tense) for g in verb_groups(text)]


def test_a_modal_with_not_and_its_object():
    g = verb_groups("Gran is worried that Mum might not protect Daria from Dad when he comes back.")[1]
    assert (g.subject, g.modal, g.negated, g.lemma, g.tense) == ("Mum", "might", True, "protect", "modal")
    assert g.rest.startswith("Daria from Dad") and g.phrase == "might not protect"
    assert g.looks_ahead


@pytest.mark.parametrize("text, expected", [
    ("Mum fails to stop Shane.", ("Mum", "", True, "stop", "present")),
    ("Mum keeps letting Shane in.", ("Mum", "", False, "let", "present")),
    ("Mum won't keep him away.", ("Mum", "will", True, "keep", "modal")),
    ("Dad hit Leo last May.", ("Dad", "", False, "hit", "past")),
    ("Dad could hit Leo.", ("Dad", "could", False, "hit", "modal")),
    ("Dad has shouted at Leo.", ("Dad", "", False, "shout", "perfect")),
    ("She still covers her ears.", ("She", "", False, "cover", "present")),
    ("Kieran and Stacey might start shouting.", ("Stacey", "might", False, "shout", "modal")),
])
def test_one_verb_group(text, expected):
    assert groups(text)[0] == expected


def test_passive_and_would_are_not_looking_ahead_the_same_way():
    hurt = verb_groups("Leo could be hurt.")[0]
    assert hurt.passive and hurt.lemma == "hurt" and hurt.looks_ahead and hurt.phrase == "could be hurt"
    assert not verb_groups("Leo would not speak to anyone.")[0].looks_ahead
    assert not verb_groups("Leo could not sleep.")[0].looks_ahead


def test_clauses_share_a_subject_or_step_over_a_relative_clause():
    shared = verb_groups("Since then Jaxon has stopped going to football and now hides behind the sofa.")
    assert [(g.subject, g.lemma) for g in shared] == [("Jaxon", "go"), ("", "hide")]
    assert shared[0].negated  # "stopped going": no longer goes
    carla = verb_groups("Carla, who is thirteen, could be taken advantage of.")
    assert [(g.head, g.lemma, g.passive) for g in carla] == [("Carla", "take", True)]
    two = verb_groups("Dad hit Leo and now Leo hides.")
    assert [(g.head, g.lemma) for g in two] == [("Dad", "hit"), ("Leo", "hide")]


def test_a_state_is_not_a_verb_group():
    assert verb_groups("Mum is an alcoholic.") == ()


def test_tokens_split_clitics_and_keep_possessives():
    assert [t.text for t in tokens("She'll say Zoë's fine, won't she?")] == [
        "She", "'ll", "say", "Zoë's", "fine", ",", "won't", "she", "?"]


def test_person_mentions():
    text = "Professionals think Rhiannon's boyfriend Lee and Uncle Dev might meet the twins in May."
    assert [m for _, m in person_mentions(text)] == ["Rhiannon's boyfriend Lee", "Uncle Dev", "twins"]


def test_people_of_a_scenario():
    people = people_of(tiny_scenario())
    assert people.child == "Zoë" and "she" in people.child_pronouns and "herself" in people.child_pronouns
    assert people.of_worry == ("Ciara",)
    assert people.who("Mum") == ("worry", "Ciara O'Neill")
    assert people.who("Zoë's mum") == ("worry", "Ciara O'Neill")
    assert people.who("Gran")[0] == "safe" and people.who("Uncle Dev")[0] == "to_explore"
    assert people.who("Zoë")[0] == "child" and people.who("Bob") == ("", "")


@pytest.mark.parametrize("name, everyday", [
    ("Ciara O'Neill", "Ciara"), ("Maureen Ashworth (Nan Mo)", "Nan Mo"), ("Gran Róisín", "Gran Róisín"),
    ("Caller from Libya", "Caller from Libya"),
])
def test_everyday_name(name, everyday):
    assert everyday_name(name) == everyday
