"""The glossary: every term learners meet has a plain one-line explanation, found where it is used."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from fncoach.errors import FncoachError
from fncoach.glossary import (ALIASES, GLOSSARY, Entry, GlossaryError, define, entries_for, first_appearances,
                              scenario_glossary, scenario_texts, terms_in)
from fncoach.scenario import load_scenario

ROOT = Path(__file__).resolve().parent.parent

NAMED_IN_THE_BRIEF = ["PLO", "DBS", "non-molestation order", "Makaton", "Staying Put", "Private Family Time",
                      "existing safety", "safety scale", "worry statement", "bottom line", "IRO",
                      "supervising social worker", "kinship care", "UASC", "Words and Pictures", "FGDM"]


@pytest.mark.parametrize("term", NAMED_IN_THE_BRIEF)
def test_the_terms_learners_asked_about_are_explained(term):
    assert len(define(term)) > 20


@pytest.mark.parametrize("term", sorted(GLOSSARY))
def test_each_entry_is_one_plain_line(term):
    text = GLOSSARY[term]
    assert "\n" not in text and text.endswith(".") and text[0].isupper()
    assert len(text) <= 150, f"{term}: keep it to one short line"
    assert not text.lower().startswith(term.lower() + " is"), f"{term}: explain it, do not repeat the term"


def test_every_alias_points_at_an_entry():
    assert set(ALIASES.values()) <= set(GLOSSARY)
    assert not set(ALIASES) & set(GLOSSARY)


def test_define_any_case_and_abbreviation():
    assert define("staying put") == define("Staying Put")
    assert define("FGDM") == GLOSSARY["family group decision making"]
    assert define("Independent Reviewing Officer") == GLOSSARY["IRO"]


def test_unknown_term_names_the_nearest():
    with pytest.raises(GlossaryError) as caught:
        define("Private Famly Time")
    assert isinstance(caught.value, FncoachError)
    assert "'Private Famly Time' is not in the glossary" in str(caught.value) and "Private Family Time" in str(caught.value)


def test_terms_in_reads_wording_plurals_and_capitals():
    text = ("Two kinship carers, a non molestation order and the eco map; the PLO and the Public Law Outline "
            "are one term; 'iro' and 'Nairobi' are not the IRO.")
    assert terms_in(text) == ["kinship care", "non-molestation order", "eco-map", "Public Law Outline", "IRO"]
    assert terms_in("a dbs check") == ["DBS check"]  # words with a space match in any case
    assert terms_in("dbs") == []  # a bare abbreviation only in capitals


def test_longest_wording_wins():
    assert terms_in("The family safety plan") == ["family safety plan"]
    assert terms_in("At the Family Network Meeting the family network met.") == ["Family Network Meeting",
                                                                                 "family network"]


def test_first_appearances_in_reading_order():
    texts = ["Welcome.", "Workers leave for Private Family Time.", "Then the safety scale and Private Family Time.",
             "A DBS check."]
    assert first_appearances(texts) == {"Private Family Time": 1, "safety scale": 2, "DBS check": 3}
    assert list(first_appearances(texts)) == ["Private Family Time", "safety scale", "DBS check"]
    assert entries_for(texts)[0] == Entry("Private Family Time", GLOSSARY["Private Family Time"])


@pytest.fixture(scope="module")
def daria():
    return load_scenario(ROOT / "scenarios" / "pre_proceedings_fgdm.yaml")


def test_scenario_glossary_in_the_order_a_learner_meets_it(daria):
    terms = [e.term for e in scenario_glossary(daria)]
    # title ("a family group meeting in pre-proceedings"), then the summary's letter before proceedings
    assert terms[:3] == ["family group decision making", "pre-proceedings", "letter before proceedings"]
    assert {"Public Law Outline", "non-molestation order", "IDVA"} <= set(terms)


def test_trainee_texts_leave_out_the_model_answers(daria):
    trainee = scenario_texts(daria)
    facilitator = scenario_texts(daria, "facilitator")
    assert not any(w.text in trainee for w in daria.sos.worry_statements)
    assert all(w.text in facilitator for w in daria.sos.worry_statements)
    assert not any(n in trainee for n in daria.facilitator.notes)
    with pytest.raises(ValueError, match="audience"):
        scenario_texts(daria, "learner")


def test_every_abbreviation_in_the_scenarios_is_explained():
    ordinary = {"OK", "UK", "PE", "IT"}
    found = set()
    for path in sorted((ROOT / "scenarios").glob("*.yaml")):
        for text in scenario_texts(load_scenario(path), "facilitator"):
            found |= set(re.findall(r"\b[A-Z]{2,6}\b", text))
    assert {"SOS", "GP", "DBS"} <= found, "the scan found none of the usual abbreviations, so it read no scenario text"
    unexplained = sorted(a for a in found - ordinary if not _known(a))
    assert not unexplained, f"add these to the glossary: {unexplained}"


def _known(abbreviation: str) -> bool:
    try:
        define(abbreviation)
    except GlossaryError:
        return False
    return True
