"""The network builder's rules: the child alone, new ids, who is paid, the direction of help, saving."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from fncoach.builder import (
    blank_scenario,
    flip_help,
    help_for_support,
    is_paid,
    new_id,
    orient_help,
    person_changes,
    save_problem,
    tie_between,
    tie_changes,
)
from fncoach.model import Person, Scenario, Tie
from fncoach.scenario import load_scenario, save_scenario
from fncoach.whatif import AddPerson, AddTie, RemovePerson, RemoveTie, UpdatePerson, UpdateTie, apply_changes


# --------------------------------------------------------------------------- the child alone


def test_blank_scenario_is_the_child_alone_and_validated():
    s = blank_scenario("Ali", 12)
    assert isinstance(s, Scenario)
    assert (s.child.id, s.child.name, s.child.age, s.people, s.ties) == ("child", "Ali", 12, (), ())
    assert s.meta.title == "Ali's network" and s.sos.cards[0].text.startswith("Ali's network")
    # built through validation: a dumped copy validates back equal in the same draft context
    assert Scenario.model_validate(s.model_dump(), context={"draft": True}) == s


@pytest.mark.parametrize("name, age", [("", 9), ("Sam", 40), ("Sam", -1)])
def test_blank_scenario_checks_the_child(name, age):
    with pytest.raises(ValidationError):
        blank_scenario(name, age)


def test_an_empty_network_is_only_allowed_in_a_draft():
    data = blank_scenario().model_dump()
    with pytest.raises(ValidationError, match="at least 1 item"):
        Scenario.model_validate(data)


def test_blank_scenario_grows_into_a_scenario_that_saves_and_loads(tmp_path):
    start = blank_scenario()
    pid, changes = person_changes(start, None, {"name": "Gran", "relationship": "Grandmother", "domain": "family"})
    built = apply_changes(start, changes)
    assert save_problem(built, "net.yaml") is None
    assert load_scenario(save_scenario(built, tmp_path / "net.yaml")) == built


# --------------------------------------------------------------------------- ids


@pytest.mark.parametrize("name, taken, expected", [
    ("Nana Pat", [], "nana_pat"),
    ("  Nana   Pat! ", [], "nana_pat"),
    ("Nana Pat", ["nana_pat"], "nana_pat_2"),
    ("Nana Pat", ["nana_pat", "nana_pat_2"], "nana_pat_3"),
    ("Róisín", [], "r_is_n"),
    ("7 Dwarfs", [], "p_7_dwarfs"),
    ("???", [], "person"),
    ("Child", ["child"], "child_2"),
    ("a" * 70, [], "a" * 50),
])
def test_new_id(name, taken, expected):
    assert new_id(name, taken) == expected


# --------------------------------------------------------------------------- who is paid

_CARER = Person(id="kim", name="Kim", relationship="Foster carer", domain="household", paid=True)
_AUNT = Person(id="bea", name="Bea", relationship="Aunt", domain="family")
_WORKER = Person(id="sue", name="Sue", relationship="Social worker", domain="professional", paid=True)


@pytest.mark.parametrize("domain, before, paid", [
    ("family", None, False),           # someone new: paid only as a professional
    ("professional", None, True),
    ("household", _CARER, True),       # a paid foster carer stays paid while not a professional
    ("friends", _CARER, True),
    ("family", _AUNT, False),
    ("professional", _AUNT, True),     # moving into professionals: paid
    ("family", _WORKER, False),        # moving out of professionals: follows the new part of life
    ("professional", _WORKER, True),
])
def test_is_paid(domain, before, paid):
    assert is_paid(domain, before) is paid


# --------------------------------------------------------------------------- direction of help


@pytest.mark.parametrize("help, flipped", [("a_to_b", "b_to_a"), ("b_to_a", "a_to_b"), ("both", "both"),
                                           ("none", "none")])
def test_flip_help(help, flipped):
    assert flip_help(help) == flipped


def test_orient_help_reads_either_end():
    tie = Tie(a="gran", b="sam", help="b_to_a")  # Sam helps Gran
    assert orient_help(tie.help, tie, "gran") == "b_to_a"
    assert orient_help(tie.help, tie, "sam") == "a_to_b"  # from Sam's end: Sam helps Gran


def test_help_for_support():
    assert help_for_support(["emotional"]) == "b_to_a" and help_for_support(()) == "none"


def test_tie_between_either_order(tiny):
    assert tie_between(tiny, "uncle_dev", "ciara") == tie_between(tiny, "ciara", "uncle_dev")
    assert tie_between(tiny, "ciara", "uncle_dev").help == "both"
    assert tie_between(tiny, "uncle_dev", "sw_amara") is None


# --------------------------------------------------------------------------- a person from the form


def _form(**extra):
    return {"name": "Bee", "relationship": "Neighbour", "domain": "friends", "support": ("practical",), **extra}


def test_adding_someone_new_adds_them_and_their_tie_to_the_child(tiny):
    pid, changes = person_changes(tiny, None, _form(), closeness=3, contact="daily")
    assert pid == "bee"
    assert changes == [AddPerson({"id": "bee", **_form(), "paid": False}),
                       AddTie({"a": "zoe", "b": "bee", "closeness": 3, "contact": "daily", "help": "b_to_a"})]


def test_changing_someone_keeps_paid_and_updates_their_tie(tiny):
    carer = apply_changes(tiny, UpdatePerson("uncle_dev", {"paid": True}))
    pid, changes = person_changes(carer, "uncle_dev", _form(name="Dev", support=()), closeness=1, contact="monthly")
    assert pid == "uncle_dev"
    assert changes == [UpdatePerson("uncle_dev", {**_form(name="Dev", support=()), "paid": True}),
                       UpdateTie("zoe", "uncle_dev", {"closeness": 1, "contact": "monthly", "help": "none"})]


def test_changing_someone_without_a_tie_to_the_child_adds_one(tiny):
    untied = apply_changes(tiny, RemoveTie("zoe", "gran"))
    _, changes = person_changes(untied, "gran", _form(name="Gran"))
    assert changes[1] == AddTie({"a": "zoe", "b": "gran", "closeness": 2, "contact": "weekly", "help": "b_to_a"})


def test_support_is_stored_the_right_way_round_on_a_tie_written_person_first(tiny):
    # the tie is stored Gran → Zoë: "Gran helps Zoë" is a_to_b on it
    turned = tiny.model_copy(update={"ties": tuple(
        Tie(a="gran", b="zoe", help="none") if {t.a, t.b} == {"gran", "zoe"} else t for t in tiny.ties)})
    _, changes = person_changes(turned, "gran", _form(name="Gran"))
    assert changes[1].changes["help"] == "a_to_b"
    assert tie_between(apply_changes(turned, changes), "zoe", "gran").help == "a_to_b"


@pytest.mark.parametrize("name", ["", "   "])
def test_a_person_needs_a_name(tiny, name):
    with pytest.raises(ValueError, match="Please write the person's name."):
        person_changes(tiny, None, _form(name=name))


# --------------------------------------------------------------------------- a tie from the form


def test_tie_changes_add_then_change_keeping_help_as_seen(tiny):
    assert tie_changes(tiny, "uncle_dev", "sw_amara", {"help": "a_to_b"}) == [
        AddTie({"a": "uncle_dev", "b": "sw_amara", "help": "a_to_b"})]
    # stored ciara → uncle_dev; chosen uncle_dev first: "Dev helps Ciara" is b_to_a on the stored tie
    assert tie_changes(tiny, "uncle_dev", "ciara", {"quality": "strong", "help": "a_to_b"}) == [
        UpdateTie("uncle_dev", "ciara", {"quality": "strong", "help": "b_to_a"})]
    assert tie_changes(tiny, "ciara", "uncle_dev", {"help": "a_to_b"}) == [
        UpdateTie("ciara", "uncle_dev", {"help": "a_to_b"})]


def test_a_tie_needs_two_people(tiny):
    with pytest.raises(ValueError, match="Choose two different people for a tie."):
        tie_changes(tiny, "gran", "gran", {})


# --------------------------------------------------------------------------- saving


@pytest.mark.parametrize("name", ["my_network.yaml", "Case-2.yml", " spaced.yaml "])
def test_good_file_names(tiny, name):
    assert save_problem(tiny, name) is None


@pytest.mark.parametrize("name", ["", "../escape.yaml", "no_extension", "sp ace.yaml", "_hidden.yaml", "a.yaml.txt"])
def test_bad_file_names(tiny, name):
    assert "simple name ending in .yaml" in save_problem(tiny, name)


def test_nobody_in_the_network_cannot_be_saved():
    assert "at least one person" in save_problem(blank_scenario(), "my_network.yaml")
    assert "simple name" in save_problem(blank_scenario(), "bad name")  # the name is checked first


def test_removing_everyone_is_still_refused(tiny):
    one = apply_changes(tiny, [RemovePerson(p.id) for p in tiny.people[1:]])
    with pytest.raises(ValueError, match="at least one person"):
        apply_changes(one, RemovePerson(one.people[0].id))
