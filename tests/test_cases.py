"""Finding a case by id: the bundled cases, the coach's own folder, and typos (fncoach.cases)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from fncoach.cases import UnknownCaseError, case_files, case_ids, find_case, looks_like_case_id
from fncoach.scenario import ScenarioError, load_scenario

ROOT = Path(__file__).resolve().parent.parent
BUNDLED = {p.stem for p in (ROOT / "scenarios").glob("*.yaml")}
TINY = ROOT / "fncoach" / "examples_data" / "tiny.yaml"


@pytest.fixture
def own_folder(tmp_path, monkeypatch):
    folder = tmp_path / "my_cases"
    folder.mkdir()
    shutil.copy(TINY, folder / "tiny.yaml")
    monkeypatch.setenv("FNCOACH_SCENARIOS", str(folder))
    return folder


def test_without_a_folder_of_ones_own_the_bundled_cases_are_there(monkeypatch):
    monkeypatch.delenv("FNCOACH_SCENARIOS", raising=False)
    assert set(case_ids()) == BUNDLED


def test_the_coachs_own_folder_adds_to_the_bundled_cases(own_folder):
    assert set(case_ids()) == BUNDLED | {"tiny"}
    assert find_case("tiny") == own_folder / "tiny.yaml"
    assert load_scenario("tiny").child.name == "Zoë"  # opened by id, like a bundled case
    assert load_scenario("long_term_foster_links").meta.id == "long_term_foster_links"


def test_several_folders_and_the_coachs_own_case_wins_a_clash(tmp_path, own_folder, monkeypatch):
    second = tmp_path / "more"
    second.mkdir()
    shutil.copy(ROOT / "scenarios" / "long_term_foster_links.yaml", second / "long_term_foster_links.yaml")
    monkeypatch.setenv("FNCOACH_SCENARIOS", os.pathsep.join([str(own_folder), str(second)]))
    files = case_files()
    assert files["long_term_foster_links"] == second / "long_term_foster_links.yaml"
    assert files["tiny"] == own_folder / "tiny.yaml"


def test_a_typo_lists_the_cases_with_did_you_mean(own_folder):
    with pytest.raises(UnknownCaseError) as error:
        find_case("no_one_fathers_sid")
    message = str(error.value)
    assert "There is no case called 'no_one_fathers_sid'" in message
    assert "Did you mean 'no_one_fathers_side'?" in message
    assert all(case in message for case in BUNDLED | {"tiny"})
    assert isinstance(error.value, LookupError)


def test_nothing_close_gives_no_suggestion_but_still_the_list(monkeypatch):
    monkeypatch.delenv("FNCOACH_SCENARIOS", raising=False)
    with pytest.raises(UnknownCaseError) as error:
        find_case("zzzz")
    assert error.value.suggestion is None and "Did you mean" not in str(error.value)
    assert "long_term_foster_links" in str(error.value)


def test_load_scenario_with_a_mistyped_id_lists_the_cases(monkeypatch):
    monkeypatch.delenv("FNCOACH_SCENARIOS", raising=False)
    with pytest.raises(ScenarioError) as error:
        load_scenario("long_term_foster_link")
    text = str(error.value)
    assert "Did you mean 'long_term_foster_links'?" in text and "kinship_care_tension" in text


def test_a_missing_path_is_not_treated_as_a_case_id(tmp_path):
    with pytest.raises(ScenarioError) as error:
        load_scenario(tmp_path / "nowhere.yaml")
    assert "there is no file here" in str(error.value) and "The cases are" not in str(error.value)


@pytest.mark.parametrize("text, is_id", [("young_carer_ms", True), ("young_carer_ms.yaml", False),
                                         ("cases/young_carer_ms", False), ("", False)])
def test_looks_like_case_id(text, is_id):
    assert looks_like_case_id(text) is is_id


def test_the_command_line_lists_the_cases_for_a_typo_and_sees_the_coachs_own(own_folder):
    env = {**os.environ, "PYTHONPATH": str(ROOT), "FNCOACH_SCENARIOS": str(own_folder)}
    typo = subprocess.run([sys.executable, "-m", "fncoach", "strength", "tiyn"], capture_output=True, text=True,
                          env=env, cwd=own_folder, timeout=120)
    assert typo.returncode == 1 and "Traceback" not in typo.stderr
    assert "Did you mean 'tiny'?" in typo.stdout + typo.stderr
    listing = subprocess.run([sys.executable, "-m", "fncoach", "list"], capture_output=True, text=True,
                             env=env, cwd=own_folder, timeout=120)
    ids = {line.split()[0] for line in listing.stdout.splitlines()[2:] if line and not line[0].isdigit()}
    assert ids == BUNDLED | {"tiny"}, listing.stdout
