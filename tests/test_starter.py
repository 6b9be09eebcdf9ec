"""``fncoach new``: a new case from the template is valid as it is (fncoach.starter)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from fncoach.plan import check_plan
from fncoach.practice import authoring_warnings, closing_warnings, timing_warnings
from fncoach.scenario import load_scenario, load_scenario_text
from fncoach.starter import StarterError, schema_reference, starter_text, write_starter
from fncoach.statements import check_statement

ROOT = Path(__file__).resolve().parent.parent


def test_the_template_is_a_valid_case_with_nothing_to_warn_about(tmp_path):
    made = write_starter("young_carer_ms", tmp_path / "young_carer_ms.yaml")
    s = load_scenario(made.path)
    assert s.meta.id == "young_carer_ms"
    assert authoring_warnings(s, str(made.path)) == []
    assert timing_warnings(s) == [] and closing_warnings(s) == []
    assert check_plan(s, s.plan.model_plan) == ()
    for kind, statements in (("harm", s.sos.harm_statements), ("worry", s.sos.worry_statements),
                             ("goal", s.sos.safety_goals)):
        assert all(check_statement(st.text, kind=kind).ok for st in statements), kind


def test_the_template_has_every_section_and_one_of_each_thing():
    s = load_scenario_text(starter_text("x"), "x.yaml")
    assert s.child.voice is not None and s.sos.scaling is not None
    assert s.sos.cards and s.sos.harm_statements and s.sos.worry_statements and s.sos.safety_goals
    assert s.sos.next_steps and s.plan.model_plan and s.drills.events and s.discussion_questions
    assert s.facilitator.notes and s.facilitator.common_mistakes and s.facilitator.timings
    assert any(not p.is_known for p in s.people), "one person still to be found"
    assert {m.kind for m in s.meetings} == {"initial", "review"}
    text = starter_text("x")
    assert len(text.splitlines()) < 250 and text.count("#") > 15  # short, and commented


@pytest.mark.parametrize("bad", ["Young-Carer", "1case", "young carer", ""])
def test_a_bad_id_is_refused_in_plain_words(bad):
    with pytest.raises(StarterError, match="cannot be a case id"):
        starter_text(bad)


def test_an_existing_file_is_not_replaced_without_force(tmp_path):
    path = tmp_path / "mine.yaml"
    path.write_text("my work", encoding="utf-8")
    with pytest.raises(StarterError, match="already there"):
        write_starter("mine", path)
    assert path.read_text(encoding="utf-8") == "my work"
    write_starter("mine", path, force=True)
    assert "id: mine" in path.read_text(encoding="utf-8")


def test_the_schema_line_points_at_a_schema_beside_the_file(tmp_path):
    (tmp_path / "schema.json").write_text("{}", encoding="utf-8")
    made = write_starter("beside", tmp_path / "beside.yaml")
    assert made.path.read_text(encoding="utf-8").splitlines()[0] == "# yaml-language-server: $schema=schema.json"
    assert made.schema_written is None


def test_elsewhere_the_schema_line_points_at_the_installed_copy(tmp_path):
    made = write_starter("away", tmp_path / "away.yaml")
    first = made.path.read_text(encoding="utf-8").splitlines()[0]
    target = first.split("$schema=", 1)[1]
    assert target.startswith("file://") and target.endswith("/schema.json")
    assert Path(target[len("file://"):]).is_file()  # the editor really finds it
    assert schema_reference(tmp_path) == (target, False)


def test_with_no_installed_copy_a_schema_is_written_beside_it(tmp_path, monkeypatch):
    import fncoach.starter as starter

    monkeypatch.setattr(starter, "bundled_folder", lambda: tmp_path / "nowhere")
    made = write_starter("alone", tmp_path / "alone.yaml")
    assert made.schema_written == tmp_path / "schema.json" and made.schema == "schema.json"
    assert '"title": "fncoach scenario' in made.schema_written.read_text(encoding="utf-8")


def test_fncoach_new_writes_id_yaml_in_the_current_folder(tmp_path):
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    result = subprocess.run([sys.executable, "-m", "fncoach", "new", "young_carer_ms"], cwd=tmp_path, env=env,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "young_carer_ms.yaml").is_file()
    check = subprocess.run([sys.executable, "-m", "fncoach", "validate", "young_carer_ms.yaml"], cwd=tmp_path,
                           env=env, capture_output=True, text=True, timeout=120)
    assert check.returncode == 0 and check.stdout.startswith("ok ")
    again = subprocess.run([sys.executable, "-m", "fncoach", "new", "young_carer_ms"], cwd=tmp_path, env=env,
                           capture_output=True, text=True, timeout=120)
    assert again.returncode == 1 and "already there" in again.stderr and "Traceback" not in again.stderr
