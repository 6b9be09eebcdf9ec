"""Tests for fncoach.model: the three kinds of people around a child."""

from __future__ import annotations

import pytest

from fncoach.model import NETWORK_KINDS, Person
from fncoach.scenario import load_scenario
from netbuild import bundled_scenario_files


@pytest.mark.parametrize("domain, paid, kind", [
    ("family", False, "natural"),
    ("friends", False, "natural"),
    ("household", False, "natural"),     # a kinship carer who is not paid is the natural network
    ("household", True, "carer"),        # a foster carer, Staying Put or supported-lodgings host
    ("school_work", True, "professional"),  # a teacher paid to be there
    ("school_work", False, "natural"),   # a volunteer at school
    ("professional", True, "professional"),
    ("professional", False, "professional"),
])
def test_network_kind_is_one_of_three(domain, paid, kind):
    person = Person(id="p", name="P", relationship="Someone", domain=domain, paid=paid)
    assert person.network_kind == kind
    flags = {"natural": person.is_natural, "carer": person.is_paid_carer, "professional": person.is_professional}
    assert [k for k in NETWORK_KINDS if flags[k]] == [kind]  # exactly one is true


def test_the_bundled_foster_carers_are_carers():
    carers = {}
    for path in bundled_scenario_files():
        s = load_scenario(path)
        carers[s.meta.id] = {p.id for p in s.people if p.is_paid_carer}
    assert carers["long_term_foster_links"] == {"siobhan", "dariusz"}
    assert carers["uasc_family_abroad"] == {"mehret", "colin"}
