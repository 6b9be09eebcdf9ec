"""What-if changes: validation, cascades that keep a scenario loadable, and the explanation."""

from __future__ import annotations

import json

import pytest

from fncoach.model import Person, Tie
from fncoach.scenario import load_scenario, load_scenario_text, save_scenario, scenario_to_yaml
from fncoach.strength import analyse_strength
from fncoach.whatif import (AddPerson, AddTie, RemovePerson, RemoveTie, UpdatePerson, UpdateTie, apply_changes,
                            change_from_data, change_to_data, describe_change, preset_changes, replay_changes,
                            usable_tries, what_if)
from netbuild import person, scenario, star, tie, bundled_scenario_files


def test_removing_the_only_practical_helper_drops_support_breadth():
    s = star(3)
    result = what_if(s, RemovePerson("hub"))
    before = result.before.component("support_breadth").value
    after = result.after.component("support_breadth").value
    assert before == pytest.approx(0.5) and after == pytest.approx(1 / 3)  # practical: 1/2 -> 0
    assert "Nobody gives practical help" in result.after.component("support_breadth").reason
    assert result.headline.startswith("If Hana leaves the network, ")
    assert result.headline.endswith(f": score {result.before.score} → {result.after.score}")
    assert result.after.score < result.before.score
    assert any(line.startswith("Each kind of support from two or more people went down (0.50 → 0.33)")
               for line in result.explanation)
    assert result.explanation[0] == (f"If Hana leaves the network: the score goes from {result.before.score} "
                                     f"to {result.after.score}.")


def test_apply_returns_a_new_scenario_and_leaves_the_old_one():
    s = star(2)
    new = apply_changes(s, [AddPerson(person("gran", "Gran", support=("practical",))),
                            AddTie({"a": "sam", "b": "gran", "closeness": 3, "contact": "weekly"})])
    assert [p.id for p in new.people][-1] == "gran" and len(new.ties) == len(s.ties) + 1
    assert "gran" not in [p.id for p in s.people]
    assert new.person("gran").support == ("practical",)


def test_adding_a_second_practical_helper_removes_the_single_point_of_failure():
    s = star(3)
    r = what_if(s, UpdatePerson("leaf1", {"support": ["emotional", "practical"]}))
    assert r.before.component("single_points_of_failure").value == pytest.approx(0.5)
    assert r.after.component("single_points_of_failure").value == pytest.approx(0.75)
    assert r.after.score > r.before.score
    assert "fewer people hold the network up alone" in r.headline or "two or more" in r.headline


def test_remove_person_cascades_and_stays_loadable(tiny, tmp_path):
    new = apply_changes(tiny, RemovePerson("gran"))
    assert "gran" not in [p.id for p in new.people]
    assert all("gran" not in (t.a, t.b) for t in new.ties)
    # Gran was primary with Dev as backup: Dev steps up, with no backup left
    assert [(a.task, a.primary, a.backups) for a in new.plan.model_plan] == [
        ("t_morning_call", "uncle_dev", ()), ("t_school_run", "uncle_dev", ())]
    assert all(task.checked_by is None for task in new.plan.tasks)
    assert all(p.who != "gran" for p in new.sos.scaling.perspectives)
    assert "gran" not in new.sos.harm_statements[0].agreed_by
    assert new.drills.events == ()
    assert new.meetings[1].facilitated_by is None
    assert all(score.who != "gran" for m in new.meetings for score in m.scores)
    path = save_scenario(new, tmp_path / "changed.yaml")
    assert load_scenario(path) == new


def test_removing_primary_without_backup_drops_the_assignment(tiny):
    new = apply_changes(tiny, [RemovePerson("uncle_dev"), RemovePerson("gran")])
    assert new.plan.model_plan == ()
    assert load_scenario_text(scenario_to_yaml(new)) == new


def test_remove_tie_either_order_and_update_tie(tiny):
    new = apply_changes(tiny, RemoveTie("gran", "zoe"))
    assert len(new.ties) == len(tiny.ties) - 1
    changed = apply_changes(tiny, UpdateTie("uncle_dev", "zoe", {"contact": "weekly", "closeness": 3}))
    tie_ = [t for t in changed.ties if {t.a, t.b} == {"zoe", "uncle_dev"}][0]
    assert (tie_.contact, tie_.closeness, tie_.a) == ("weekly", 3, "zoe")


@pytest.mark.parametrize("change, words", [
    (RemovePerson("nobody"), "Cannot remove 'nobody': there is no person with that id"),
    (UpdatePerson("nobody", {"age": 3}), "Cannot change 'nobody'"),
    (UpdatePerson("gran", {"travel_minuts": 3}), "'travel_minuts' is not a field of a person"),
    (UpdatePerson("gran", {"id": "nan"}), "remove them and add them again"),
    (UpdatePerson("gran", {"domain": "church"}), "Could not change Gran Róisín: domain"),
    (UpdatePerson("gran", {"safety": {"status": "worry"}}), "needs a reason"),
    (AddPerson(person("gran", "Another Gran")), "the id 'gran' is already used"),
    (AddPerson(person("zoe", "Zoe Two")), "the id 'zoe' is already used"),
    (AddPerson({"id": "nan", "name": "Nan"}), "Could not add Nan: relationship is missing"),
    (AddTie({"a": "zoe", "b": "ghost"}), "'ghost' is not a person in the network"),
    (AddTie({"a": "gran", "b": "zoe"}), "already have a tie"),
    (AddTie({"a": "gran", "b": "uncle_dev", "closeness": 7}), "closeness"),
    (RemoveTie("gran", "uncle_dev"), "there is no tie between them"),
    (UpdateTie("zoe", "gran", {"quality": "lovely"}), "quality"),
    (UpdateTie("zoe", "gran", {"colour": "red"}), "'colour' is not a field of a tie"),
    (UpdateTie("zoe", "gran", {"b": "ciara"}), "Cannot move a tie"),
    ("not a change", "is not a change the toolkit knows"),
])
def test_bad_changes_are_plain_value_errors(tiny, change, words):
    with pytest.raises(ValueError) as caught:
        apply_changes(tiny, [change])
    assert words in str(caught.value)


def test_a_failed_change_changes_nothing(tiny):
    before = tiny.model_dump()
    with pytest.raises(ValueError):
        apply_changes(tiny, [RemovePerson("gran"), RemovePerson("ghost")])
    assert tiny.model_dump() == before


def test_cannot_remove_the_last_person():
    with pytest.raises(ValueError, match="at least one person"):
        apply_changes(scenario([person("a")]), RemovePerson("a"))


def test_models_are_accepted_as_well_as_dicts():
    s = star(2)
    new = apply_changes(s, [AddPerson(Person(id="x", name="Xan", relationship="Cousin", domain="family")),
                            AddTie(Tie(a="x", b="sam"))])
    assert new.person("x").name == "Xan"


@pytest.mark.parametrize("change, text", [
    (AddPerson(person("x", "Xan")), "If Xan joins the network"),
    (RemovePerson("hub"), "If Hana leaves the network"),
    (UpdatePerson("hub", {"travel_minutes": 300}), "If Hana's travel time changes"),
    (UpdatePerson("hub", {"travel_minutes": 300, "support": []}), "If Hana's travel time and support change"),
    (AddTie({"a": "leaf1", "b": "leaf2"}), "If Leaf 1 and Leaf 2 get in touch"),
    (RemoveTie("hub", "leaf1"), "If Hana and Leaf 1 lose touch"),
    (UpdateTie("hub", "sam", {"contact": "rarely"}), "If things change between Hana and Sam (contact)"),
])
def test_describe_change(change, text):
    assert describe_change(star(2), change) == text


def test_several_changes_and_no_change():
    s = star(2)
    r = what_if(s, [RemoveTie("hub", "leaf1"), RemoveTie("hub", "leaf2")])
    assert r.explanation[0].startswith("If Hana and Leaf 1 lose touch and Hana and Leaf 2 lose touch")
    same = what_if(s, [])
    assert same.before == same.after
    assert same.explanation[1] == "None of the parts of the strength score changed."


def test_weights_pass_through():
    r = what_if(star(2), RemovePerson("hub"), weights={"plan_backup": 0})
    assert r.after.component("plan_backup").weight == 0
    with pytest.raises(ValueError, match="not a strength component"):
        what_if(star(2), RemovePerson("hub"), weights={"nope": 1})


@pytest.mark.parametrize("path", bundled_scenario_files(), ids=lambda p: p.stem)
def test_removing_someone_from_every_bundled_scenario_stays_loadable(path):
    s = load_scenario(path)
    target = next(p for p in s.people if p.is_known and p.is_natural)
    r = what_if(s, RemovePerson(target.id))
    assert target.name in r.headline
    assert load_scenario_text(scenario_to_yaml(r.scenario)) == r.scenario
    assert r.after == analyse_strength(r.scenario)


def test_parts_that_change_for_the_same_reason_are_told_once():
    # Only Ann is safe and unpaid: without her, every people-based part drops to 0 for one reason.
    s = scenario([person("ann", "Ann", support=["practical"]), person("w", safety={"status": "worry", "reason": "Test."})],
                 [tie("sam", "ann"), tie("sam", "w")])
    result = what_if(s, RemovePerson("ann"))
    reasons = [line for line in result.explanation[1:] if "for the same reason" in line]
    assert len(reasons) == 1 and "parts went down" in reasons[0]
    text = " ".join(result.explanation)
    assert text.count("There is nobody yet in Sam's network") == 1


# --------------------------------------------------------------------------- ready-made what-ifs


def test_moves_away_sets_four_hours_video_and_monthly_contact(tiny):
    # Gran lives 5 minutes away and is in touch with Zoë weekly
    changes = preset_changes(tiny, "gran", "moves_away")
    assert changes == [UpdatePerson("gran", {"travel_minutes": 240, "joins_virtually": True}),
                       UpdateTie("zoe", "gran", {"contact": "monthly"})]
    moved = apply_changes(tiny, changes)
    assert (moved.person("gran").travel_minutes, moved.person("gran").joins_virtually) == (240, True)


def test_moves_away_never_brings_someone_closer_and_needs_no_tie(tiny):
    far = apply_changes(tiny, [UpdatePerson("gran", {"travel_minutes": 600}), RemoveTie("zoe", "gran")])
    assert preset_changes(far, "gran", "moves_away") == [
        UpdatePerson("gran", {"travel_minutes": 600, "joins_virtually": True})]


def test_stressful_changes_the_tie_or_adds_one(tiny):
    assert preset_changes(tiny, "uncle_dev", "stressful") == [UpdateTie("zoe", "uncle_dev", {"quality": "stressful"})]
    untied = apply_changes(tiny, RemoveTie("zoe", "uncle_dev"))
    assert preset_changes(untied, "uncle_dev", "stressful") == [
        AddTie({"a": "zoe", "b": "uncle_dev", "quality": "stressful"})]
    assert preset_changes(tiny, "gran", "leaves") == [RemovePerson("gran")]


def test_unknown_preset_is_refused(tiny):
    with pytest.raises(ValueError, match="not a ready-made what-if"):
        preset_changes(tiny, "gran", "wins_the_lottery")


def test_usable_tries_keep_known_people_and_presets_in_order(tiny):
    tries = [{"person": "uncle_dev", "kind": "stressful"}, {"person": "aunt_niamh", "kind": "leaves"},
             {"person": "gran", "kind": "vanishes"}, {"person": "gran", "kind": "leaves"}]
    # Niamh is not known to the workers yet; "vanishes" is not a preset
    assert usable_tries(tiny, tries) == [tries[0], tries[3]]


# --------------------------------------------------------------------------- saving and replaying changes


@pytest.mark.parametrize("change", [
    AddPerson({"id": "x", "name": "X", "relationship": "Friend", "domain": "friends", "support": ["emotional"]}),
    RemovePerson("gran"), UpdatePerson("gran", {"travel_minutes": 30}), AddTie({"a": "gran", "b": "uncle_dev"}),
    RemoveTie("gran", "zoe"), UpdateTie("gran", "zoe", {"quality": "weak"}),
])
def test_change_data_round_trip(change):
    data = change_to_data(change)
    assert json.loads(json.dumps(data)) == data
    assert change_to_data(change_from_data(data)) == data


def test_unknown_change_kind():
    with pytest.raises(ValueError, match="not a kind of change"):
        change_from_data({"kind": "Explode"})


def test_replay_puts_back_what_fits_and_counts_the_rest(tiny):
    saved = [[change_to_data(AddPerson({"id": "bee", "name": "Bee", "relationship": "Friend", "domain": "friends"}))],
             [{"kind": "RemovePerson", "person_id": "nobody"}],
             [change_to_data(AddTie({"a": "zoe", "b": "bee"})), {"kind": "Explode"}],
             [{"kind": "RemoveTie", "a": "zoe"}],  # a field missing: TypeError, skipped
             [change_to_data(RemovePerson("uncle_dev"))]]
    replay = replay_changes(tiny, saved)
    assert replay.skipped == 3 and len(replay.history) == 2 == len(replay.states)
    assert replay.states[0] == tiny and "bee" in [p.id for p in replay.states[1].people]
    assert [p.id for p in replay.scenario.people] == ["ciara", "gran", "sw_amara", "aunt_niamh", "bee"]
    assert not any("bee" in (t.a, t.b) for t in replay.scenario.ties)  # the action with a bad change is left out whole


@pytest.mark.parametrize("removed, about", [("kwame", ()), ("siobhan", ("kwame",))])
def test_removing_the_person_an_own_commitment_belongs_to_or_its_checker_ends_the_commitment(removed, about):
    from netbuild import bundled_scenario_files

    path = next(p for p in bundled_scenario_files() if p.stem == "long_term_foster_links")
    new = apply_changes(load_scenario(path), RemovePerson(removed))
    task = next(t for t in new.plan.tasks if t.id == "t_dad_call")
    assert task.about == about and task.own_commitment is False
