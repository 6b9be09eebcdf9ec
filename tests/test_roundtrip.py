"""A scenario saved by the toolkit loads back equal (property-based, with hypothesis)."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fncoach.examples import TINY_PATH
from fncoach.model import CONTACT_FREQUENCIES, DOMAINS, SUPPORT_KINDS, TIE_QUALITIES, Scenario
from fncoach.scenario import load_scenario, load_scenario_text, save_scenario, scenario_to_yaml

_BASE = load_scenario(TINY_PATH).model_dump(mode="json")

# Any printable text, including accents, apostrophes, quotes, emoji, YAML-looking words and numbers.
_text = st.text(
    alphabet=st.characters(blacklist_categories=("Cs", "Cc")),
    min_size=1,
    max_size=40,
).filter(lambda s: s.strip() != "") | st.sampled_from(
    ["yes", "No", "null", "~", "1.5", "007", "2026-01-01", "Zoë O'Neill", 'Say "hi"', "#hash", "- dash", "a: b", "Łukasz Wójcik"]
)

_person_edit = st.fixed_dictionaries(
    {
        "name": _text,
        "relationship": _text.filter(lambda s: len(s.strip()) >= 2),
        "domain": st.sampled_from(DOMAINS),
        "travel_minutes": st.integers(0, 10000),
        "support": st.lists(st.sampled_from(SUPPORT_KINDS), unique=True).map(tuple),
        "notes": st.text(max_size=200),
        "hours_per_week": st.none() | st.floats(0, 168, allow_nan=False).map(lambda x: round(x, 3)),
    }
)
_tie_edit = st.fixed_dictionaries(
    {
        "quality": st.sampled_from(TIE_QUALITIES),
        "contact": st.sampled_from(CONTACT_FREQUENCIES),
        "closeness": st.integers(1, 3),
        "years_known": st.none() | st.floats(0, 110, allow_nan=False),
        "note": st.text(max_size=100),
    }
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    person_index=st.integers(0, len(_BASE["people"]) - 1),
    person=_person_edit,
    tie_index=st.integers(0, len(_BASE["ties"]) - 1),
    tie=_tie_edit,
    child_name=_text,
    questions=st.lists(_text, max_size=4),
)
def test_saved_scenario_loads_back_equal(person_index, person, tie_index, tie, child_name, questions):
    data = {**_BASE}
    people = [dict(p) for p in data["people"]]
    people[person_index].update(person)
    ties = [dict(t) for t in data["ties"]]
    ties[tie_index].update(tie)
    data.update(people=people, ties=ties, child={**data["child"], "name": child_name},
                discussion_questions=questions)
    scenario = Scenario.model_validate(data)
    with tempfile.TemporaryDirectory() as folder:
        path = save_scenario(scenario, Path(folder) / "roundtrip.yaml")
        assert load_scenario(path) == scenario


@pytest.mark.parametrize("text", ["a\x85b", "line\u2028separator", "para\u2029graph", "tab\there", "quotes 'and' \"double\""])
def test_line_break_characters_survive_saving(tiny, text):
    person = tiny.people[0].model_copy(update={"notes": text})
    changed = tiny.model_copy(update={"people": (person,) + tiny.people[1:]})
    assert load_scenario_text(scenario_to_yaml(changed)) == changed


@pytest.mark.parametrize("text", ["1e3", "0o17", "0x1F", "12:00", "no", "on", "2027-02-30", "007", "true", "~", "=", "<<"])
def test_words_that_look_like_numbers_survive_saving(tiny, text):
    """Saved text is quoted wherever YAML 1.2 (how files are read) would take it for a number, true/false or nothing."""
    person = tiny.people[0].model_copy(update={"notes": text, "name": text})
    changed = tiny.model_copy(update={"people": (person,) + tiny.people[1:]})
    assert load_scenario_text(scenario_to_yaml(changed)) == changed
