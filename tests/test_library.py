"""The bundled scenario library meets the content rules coaches rely on."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from fncoach.scenario import load_scenario

ROOT = Path(__file__).resolve().parent.parent
SCENARIO_FILES = sorted((ROOT / "scenarios").glob("*.yaml"))
MAP_COLUMNS = {"harm", "danger", "complicating", "strength", "existing_safety"}
DRAMA_NUMBER = re.compile(r"^07700 ?900\d{3}$")


@pytest.fixture(scope="module")
def library():
    return {path.stem: load_scenario(path) for path in SCENARIO_FILES}


def test_at_least_eight_scenarios_with_distinct_ids(library):
    assert len(library) >= 8, sorted(library)
    for stem, scenario in library.items():
        assert scenario.meta.id == stem, "the file name must be the scenario id"


def test_network_sizes_span_4_to_40(library):
    sizes = {name: len(s.people) for name, s in library.items()}
    assert all(4 <= n <= 40 for n in sizes.values()), sizes
    assert min(sizes.values()) <= 10 and max(sizes.values()) >= 38, sizes


def test_every_section_is_filled(bundled_path):
    s = load_scenario(bundled_path)
    assert s.meta.learning_goals and s.meta.tags and s.meta.content_notes and s.meta.audience
    assert s.child.what_matters and s.child.communication and s.child.voice is not None
    assert s.ties and s.sos.harm_statements and s.sos.worry_statements and s.sos.next_steps
    assert s.sos.scaling is not None and len(s.sos.scaling.perspectives) >= 4
    assert len(s.discussion_questions) >= 4
    assert s.facilitator.notes and s.facilitator.common_mistakes and s.facilitator.timings
    goals_for = [g.worry for g in s.sos.safety_goals]
    assert sorted(goals_for) == sorted(w.id for w in s.sos.worry_statements), "one safety goal per worry statement"
    assert len(s.sos.worry_statements) <= 3


def test_people_not_yet_known(bundled_path):
    s = load_scenario(bundled_path)
    hidden = [p for p in s.people if not p.is_known]
    assert len(hidden) >= 3
    assert len(s.known_people) >= 1


def test_every_person_has_a_tie_to_the_child(bundled_path):
    s = load_scenario(bundled_path)
    linked = {t.b if t.a == s.child.id else t.a for t in s.ties if s.child.id in (t.a, t.b)}
    assert {p.id for p in s.people} <= linked


def test_cards_cover_every_column(bundled_path):
    s = load_scenario(bundled_path)
    assert len(s.sos.cards) >= 12
    assert MAP_COLUMNS <= {c.column for c in s.sos.cards}


def test_plan_tasks_model_plan_and_events(bundled_path):
    s = load_scenario(bundled_path)
    assert len(s.plan.tasks) >= 6
    assigned = {a.task: a for a in s.plan.model_plan}
    assert set(assigned) == {t.id for t in s.plan.tasks}, "the model plan covers every task"
    for assignment in assigned.values():
        assert assignment.backups and assignment.primary not in assignment.backups
    assert len(s.drills.events) >= 3


def test_meetings_timeline(bundled_path):
    s = load_scenario(bundled_path)
    assert s.meetings[0].kind == "initial" and s.meetings[0].week == 0
    assert any(m.kind == "review" for m in s.meetings[1:])
    weeks = [m.week for m in s.meetings]
    assert weeks == sorted(weeks)
    assert all(m.scores for m in s.meetings)


def test_contacts_are_fictional_and_unique(bundled_path):
    s = load_scenario(bundled_path)
    contacts = [p.contact for p in s.people if p.contact]
    assert contacts, "people need a (fictional) way to be reached for the adult plan"
    bad = [c for c in contacts if not DRAMA_NUMBER.match(c)]
    assert not bad, f"use Ofcom drama numbers (07700 900000-999): {bad}"
    assert len(contacts) == len(set(contacts))


def test_names_are_varied(library):
    names = [p.name for s in library.values() for p in s.people] + [s.child.name for s in library.values()]
    assert any(any(ord(ch) > 127 for ch in name) for name in names), "some names with accents"
    assert any("'" in name or "\u2019" in name for name in names), "some names with apostrophes"


# --------------------------------------------------------------------------- own words

_DOMAIN = ROOT.parent / "shared" / "domain"
_N = 10


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9']+", text.lower().replace("\u2019", "'"))


def _grams(words: list[str]) -> set[tuple[str, ...]]:
    return {tuple(words[i : i + _N]) for i in range(len(words) - _N + 1)}


def test_no_sentence_copied_from_the_domain_documents():
    if not _DOMAIN.is_dir():
        if os.environ.get("CI"):
            pytest.fail(f"the shared domain documents are not beside this checkout ({_DOMAIN})")
        pytest.skip("the shared domain documents are not beside this checkout")
    source = set()
    for doc in _DOMAIN.glob("*.txt"):
        source |= _grams(_words(doc.read_text(encoding="utf-8", errors="replace")))
    copied = []
    for path in list(ROOT.glob("scenarios/*.yaml")) + list(ROOT.glob("notebooks/**/*.ipynb")) + list(
        ROOT.glob("docs/*.md")
    ) + list(ROOT.glob("fncoach/**/*.py")) + list(ROOT.glob("fncoach/**/*.ipynb")) + list(
        ROOT.glob("tests/**/*.yaml")
    ) + list(ROOT.glob("course/**/*.md")) + list(ROOT.glob("fncoach/**/*.j2")) + list(
        ROOT.glob("fncoach/**/*.yaml")
    ) + [ROOT / "README.md"]:
        if not path.is_file():
            continue
        overlap = _grams(_words(path.read_text(encoding="utf-8"))) & source
        if overlap:
            copied.append((path.relative_to(ROOT).as_posix(), " ".join(sorted(overlap)[0])))
    assert not copied, f"write in your own words; copied runs of {_N} words: {copied}"
