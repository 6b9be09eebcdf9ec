"""Tests for the network panels, driven through their widgets (.value = and .click())."""

from __future__ import annotations

import json

import pytest

from fncoach.scenario import load_scenario
from fncoach.ui.network import build_network_builder_panel, build_whatif_panel, strength_html


@pytest.fixture
def builder(tiny, tmp_path):
    return build_network_builder_panel(tiny, save_dir=tmp_path)


def _add(panel, name="Auntie Bee", relationship="Mum's best friend", **extra):
    panel.person_pick.value = "__new__"
    panel.person_name.value = name
    panel.person_relationship.value = relationship
    for key, value in extra.items():
        getattr(panel, key).value = value
    panel.person_save.click()


def test_add_person_with_tie_to_child(builder):
    image_before = builder.ecomap_image.value
    _add(builder, person_domain="friends", person_closeness=3, person_contact="daily")
    builder.person_support["practical"].value = True  # not saved until the next click
    new = builder.scenario.person("auntie_bee")
    assert (new.name, new.domain, new.support) == ("Auntie Bee", "friends", ())
    tie = next(t for t in builder.scenario.ties if {t.a, t.b} == {"zoe", "auntie_bee"})
    assert (tie.closeness, tie.contact, tie.help) == (3, "daily", "none")
    assert builder.ecomap_image.value != image_before
    assert "Auntie Bee" in builder.ecomap_alt.value
    assert builder.person_pick.value == "auntie_bee"
    assert builder.message.value == ""
    assert len(builder.history) == 1 and not builder.undo_button.disabled


def test_edit_person_and_support(builder):
    builder.person_pick.value = "uncle_dev"
    assert builder.person_name.value == "Dev Patel" and builder.person_closeness.value == 2
    builder.person_support["emotional"].value = True
    builder.person_closeness.value = 3
    builder.person_save.click()
    dev = builder.scenario.person("uncle_dev")
    assert set(dev.support) == {"emotional", "practical", "information"}
    tie = next(t for t in builder.scenario.ties if {t.a, t.b} == {"zoe", "uncle_dev"})
    assert tie.closeness == 3 and tie.help == "b_to_a"


def test_editing_keeps_paid_unless_they_become_a_professional(tiny, tmp_path):
    paid_carer = tiny.model_copy(update={"people": tuple(
        p.model_copy(update={"paid": True}) if p.id == "uncle_dev" else p for p in tiny.people)})
    panel = build_network_builder_panel(paid_carer, save_dir=tmp_path)
    panel.person_pick.value = "uncle_dev"
    panel.person_relationship.value = "Respite carer"
    panel.person_save.click()
    assert panel.scenario.person("uncle_dev").paid
    panel.person_pick.value = "gran"
    panel.person_domain.value = "professional"
    panel.person_save.click()
    assert panel.scenario.person("gran").paid


def test_remove_person_takes_their_ties(builder):
    builder.person_pick.value = "uncle_dev"
    builder.person_remove.click()
    ids = [p.id for p in builder.scenario.people]
    assert "uncle_dev" not in ids
    assert not any("uncle_dev" in (t.a, t.b) for t in builder.scenario.ties)
    assert builder.person_pick.value == "__new__"


@pytest.mark.parametrize("setup, words", [
    ({"name": ""}, "write the person's name"),
    ({"relationship": "x"}, "relationship"),
    ({"person_safety": "worry"}, "needs a reason"),
])
def test_invalid_input_changes_nothing_and_says_why(builder, tiny, setup, words):
    name = setup.pop("name", "Someone")
    relationship = setup.pop("relationship", "Neighbour")
    panel_answers = builder.answers()
    _add(builder, name=name, relationship=relationship, **setup)
    assert builder.scenario == tiny
    assert builder.answers() == panel_answers
    assert "That change was not made" in builder.message.value
    assert words in builder.message.value.replace("&#x27;", "'")


def test_tie_add_change_remove(builder):
    builder.tie_a.value, builder.tie_b.value = "uncle_dev", "sw_amara"
    builder.tie_quality.value = "stressful"
    builder.tie_help.value = "a_to_b"
    builder.tie_save.click()
    tie = next(t for t in builder.scenario.ties if {t.a, t.b} == {"uncle_dev", "sw_amara"})
    assert (tie.a, tie.quality, tie.help) == ("uncle_dev", "stressful", "a_to_b")
    # seen from the other end, the help direction reads the same way round
    builder.tie_a.value, builder.tie_b.value = "sw_amara", "uncle_dev"
    assert builder.tie_help.value == "b_to_a" and builder.tie_save.description == "Change tie"
    builder.tie_quality.value = "strong"
    builder.tie_save.click()
    tie = next(t for t in builder.scenario.ties if {t.a, t.b} == {"uncle_dev", "sw_amara"})
    assert (tie.quality, tie.help) == ("strong", "a_to_b")
    builder.tie_remove.click()
    assert not any({t.a, t.b} == {"uncle_dev", "sw_amara"} for t in builder.scenario.ties)


def test_tie_to_self_is_refused(builder, tiny):
    builder.tie_a.value = builder.tie_b.value = "gran"
    builder.tie_save.click()
    assert builder.scenario == tiny and "two different people" in builder.message.value


def test_undo_steps_back_one_action_at_a_time(builder, tiny):
    _add(builder, name="One")
    after_one = builder.scenario
    _add(builder, name="Two")
    builder.undo_button.click()
    assert builder.scenario == after_one
    builder.undo_button.click()
    assert builder.scenario == tiny and builder.undo_button.disabled
    builder.undo()
    assert "nothing to undo" in builder.message.value


def test_save_loads_back_equal(builder, tmp_path):
    _add(builder, person_safety="to_explore", person_safety_reason="Not met yet.")
    builder.file_name.value = "my_network.yaml"
    builder.save_button.click()
    assert "Saved" in builder.message.value
    assert load_scenario(tmp_path / "my_network.yaml") == builder.scenario
    assert [p.name for p in tmp_path.iterdir()] == ["my_network.yaml"]  # no temporary files left


@pytest.mark.parametrize("name", ["", "   ", "!!!", "…"])
def test_a_name_without_letters_saves_nothing(builder, tmp_path, name):
    builder.file_name.value = name
    builder.save_button.click()
    assert "not saved" in builder.message.value.lower() or "Not saved" in builder.message.value
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("name, file", [("../escape", "escape.yaml"), ("Zoë's network", "zoes-network.yaml"),
                                        ("sp ace.yaml", "sp-ace.yaml")])
def test_the_learners_name_for_the_network_becomes_a_safe_file_in_their_folder(builder, tmp_path, name, file):
    builder.file_name.value = name
    builder.save_button.click()
    assert [p.name for p in tmp_path.iterdir()] == [file]
    assert str(tmp_path) not in builder.message.value  # where, in plain words, without the server's path


def test_save_waits_for_the_learners_name_when_their_folder_is_not_known(tiny, tmp_path):
    folder = {"now": None}
    panel = build_network_builder_panel(tiny, save_dir=lambda: folder["now"])
    panel.file_name.value = "My network"
    panel.save_button.click()
    assert "Type your name" in panel.message.value
    folder["now"] = tmp_path / "my-work" / "dana-carer"
    panel.save_button.click()
    assert (tmp_path / "my-work" / "dana-carer" / "my-network.yaml").is_file()
    assert "your own folder" in panel.message.value and "my-work › dana-carer" in panel.message.value


def test_people_not_found_yet_stay_off_the_builder_until_found(tiny, tmp_path):
    hidden = next(p for p in tiny.people if not p.is_known)
    panel = build_network_builder_panel(tiny, save_dir=tmp_path)
    assert hidden.name not in panel.ecomap_alt.value
    assert hidden.id not in {value for _label, value in panel.person_pick.options}
    question = hidden.not_yet_known.found_by[0]
    found = build_network_builder_panel(tiny, save_dir=tmp_path, asked=[question])
    assert hidden.name in found.ecomap_alt.value
    assert "people you found" in found.strength_view.value and hidden.name in found.strength_view.value


def test_start_from_the_child_alone(tmp_path):
    panel = build_network_builder_panel(save_dir=tmp_path)
    assert panel.scenario.people == () and panel.report.score == 0
    panel.file_name.value = "Sam's network"
    panel.save_button.click()
    assert "at least one person" in panel.message.value
    _add(panel, name="Gran", relationship="Grandmother")
    assert [p.name for p in panel.scenario.people] == ["Gran"]
    panel.save_button.click()
    saved = load_scenario(tmp_path / "sams-network.yaml")
    assert saved == panel.scenario and saved.child.name == "Sam"


def test_answers_are_plain_data_and_restore(builder, tiny, tmp_path):
    _add(builder, name="One")
    builder.person_pick.value = "gran"
    builder.person_remove.click()
    seen = []
    answers = builder.answers()
    assert json.loads(json.dumps(answers)) == answers
    fresh = build_network_builder_panel(tiny, save_dir=tmp_path)
    fresh.on_answers_changed(seen.append)
    fresh.restore(answers)
    assert fresh.scenario == builder.scenario and fresh.answers() == answers
    _add(fresh, name="Two")
    assert seen and len(seen[-1]["changes"]) == 3


def test_restore_skips_changes_that_no_longer_fit(builder):
    builder.restore({"changes": [[{"kind": "RemovePerson", "person_id": "nobody"}],
                                 [{"kind": "RemovePerson", "person_id": "uncle_dev"}]]})
    assert "uncle_dev" not in [p.id for p in builder.scenario.people]
    assert "1 saved change could not be put back" in builder.message.value


def test_strength_html_names_every_part(tiny):
    from fncoach.strength import analyse_strength

    report = analyse_strength(tiny)
    page = strength_html(report)
    assert f"{report.score} out of 100" in page
    for component in report.components:
        assert component.title.replace("'", "&#x27;") in page


def test_whatif_panel_shows_before_and_after(tiny):
    panel = build_whatif_panel(tiny)
    seen = []
    panel.on_answers_changed(seen.append)
    panel.who.value = "gran"
    panel.kind.value = "leaves"
    panel.try_button.click()
    assert "If Gran Róisín leaves the network" in panel.headline.value
    assert "→" in panel.headline.value and bytes(panel.image.value).startswith(b"\x89PNG")
    assert "before" in panel.alt.value
    assert seen[-1] == {"tries": [{"person": "gran", "kind": "leaves"}]}
    panel.kind.value = "moves_away"
    panel.try_button.click()
    assert panel.result.scenario.person("gran").travel_minutes == 240
    panel.who.value = "uncle_dev"
    panel.kind.value = "stressful"
    panel.try_button.click()
    tie = next(t for t in panel.result.scenario.ties if {t.a, t.b} == {"zoe", "uncle_dev"})
    assert tie.quality == "stressful"
    again = build_whatif_panel(tiny)
    again.restore(panel.answers())
    assert again.answers() == panel.answers() and again.who.value == "uncle_dev"


def test_finding_panel_reveals_people_and_gives_feedback(tiny):
    from fncoach.ui.network import build_finding_panel

    panel = build_finding_panel(tiny)
    assert "Niamh" not in panel.alt.value  # not found yet, so not on the map
    panel.buttons["schools"].click()
    assert "Nobody new" in panel.message.value and panel.buttons["schools"].button_style == "success"
    panel.buttons["celebrations"].click()
    assert "You found someone" in panel.message.value and "Niamh Byrne" in panel.message.value
    assert "Niamh Byrne" in panel.alt.value and "Highlighted: Niamh Byrne." in panel.alt.value
    assert "Not found yet" not in panel.alt.value  # found now, so drawn like everyone else
    panel.buttons["celebrations"].click()
    assert "asked that already" in panel.message.value
    assert panel.answers() == {"asked": ["schools", "celebrations"]}
    panel.finish_button.click()
    assert "How did you do?" in panel.message.value
    again = build_finding_panel(tiny)
    again.restore({"asked": ["celebrations", "not_a_question"]})
    assert again.answers() == {"asked": ["celebrations"]} and "Niamh Byrne" in again.alt.value
