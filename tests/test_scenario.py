"""Loading, validating and saving scenario files (fncoach.scenario)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from fncoach.examples import TINY_PATH
from fncoach.model import Scenario
from fncoach.scenario import (
    MAX_FILE_BYTES,
    ScenarioError,
    find_scenario_files,
    load_scenario,
    load_scenario_text,
    save_scenario,
    scenario_to_yaml,
    validate_file,
)

ROOT = Path(__file__).resolve().parent.parent


def _problems(text: str, tmp_path: Path, name: str = "case.yaml") -> list:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return validate_file(path)


def _tiny_text() -> str:
    return TINY_PATH.read_text(encoding="utf-8")


def test_fixture_loads(tiny):
    assert tiny.meta.id == "tiny"
    assert tiny.child.name == "Zoë"
    assert tiny.person("ciara").name == "Ciara O'Neill"
    assert [p.id for p in tiny.people if not p.is_known] == ["aunt_niamh"]


def test_loads_bundled_scenario_by_id():
    files = sorted((ROOT / "scenarios").glob("*.yaml"))
    if not files:
        pytest.skip("no bundled scenarios yet")
    assert load_scenario(files[0].stem).meta.id == load_scenario(files[0]).meta.id


@pytest.mark.parametrize(
    ("old", "new", "field", "needle", "words"),
    [
        ("  title: Tiny", "  titel: Tiny", "meta.titel", "titel", "Did you mean 'title'?"),
        ("domain: friends", "domain: frends", "people: the person 'uncle_dev' (the 3rd person), domain", "frends", "Did you mean 'friends'?"),
        ("{a: zoe, b: uncle_dev,", "{a: zoe, b: uncle_devv,", "ties: the tie between zoe and uncle_devv (the 3rd tie), b", "uncle_devv", "Did you mean 'uncle_dev'?"),
        ('start: "15:15"', 'start: "3pm"', "plan.tasks: the task 't_school_run' (the 2nd task), when.start", '"3pm"', "HH:MM"),
        ("- {who: ciara, score: 8", "- {who: ciara, score: 11", "sos.scaling.perspectives: the number from 'ciara' (the 2nd number), score", "11", "0: harm is certain"),
        ("  - id: c6", "  - id: c5", "sos.cards: the card 'c5' (the 6th card), id", "c5", "its own id"),
        ("      worry: w1\n      text: Ciara and", "      worry: w9\n      text: Ciara and", "sos.safety_goals: the safety goal 'g1' (the 1st safety goal), worry", "w9",
         "Use one of: w1."),
        ("person: gran, from_day: 10", "person: grann, from_day: 10", "drills.events: the event 'e_holiday' (the 1st event), person", "grann", "Did you mean 'gran'?"),
        ("{task: t_school_run, primary: gran", "{task: t_school_runn, primary: gran", "plan.model_plan: the entry for 't_school_runn' (the 2nd entry), task", "t_school_runn",
         "Did you mean 't_school_run'?"),
        ("    gender: male\n", "    gender: male\n    favourite_food: chips\n", "people: the person 'uncle_dev' (the 3rd person), favourite_food", "favourite_food",
         "Remove it"),
    ],
)
def test_each_problem_names_file_line_field_and_fix(tmp_path, old, new, field, needle, words):
    text = _tiny_text()
    assert old in text, old
    at = text.index(old) + new.index(needle)
    broken = text.replace(old, new, 1)
    line = broken[:at].count("\n") + 1
    column = at - broken.rfind("\n", 0, at)
    problems = _problems(broken, tmp_path)
    matching = [p for p in problems if p.field == field]
    assert matching, [str(p) for p in problems]
    problem = matching[0]
    assert problem.file.endswith("case.yaml")
    assert (problem.line, problem.column) == (line, column)
    assert words in problem.hint + problem.message
    assert f"case.yaml:{line}:{column}:" in str(problem)


def test_missing_field_says_what_to_add(tmp_path):
    problems = _problems(_tiny_text().replace("  summary: A small fictional case", "  # summary: gone", 1), tmp_path)
    (problem,) = [p for p in problems if p.field == "meta.summary"]
    assert "missing" in problem.message
    assert problem.hint.startswith("Add it")
    assert problem.line == 4  # the meta block


def test_all_problems_reported_in_one_run(tmp_path):
    text = (
        _tiny_text()
        .replace("  title: Tiny", "  titel: Tiny")
        .replace("domain: friends", "domain: frends")
        .replace("{a: zoe, b: uncle_dev,", "{a: zoe, b: nobody,")
    )
    paths = {p.path for p in _problems(text, tmp_path)}
    assert {"meta.titel", "people[2].domain", "ties[2].b"} <= paths


def test_duplicate_person_id_and_duplicate_key(tmp_path):
    text = _tiny_text().replace("  - id: uncle_dev", "  - id: gran", 1).replace(
        "  age: 8\n", "  age: 8\n  age: 9\n", 1
    )
    problems = _problems(text, tmp_path)
    messages = " | ".join(str(p) for p in problems)
    assert "'gran' is used more than once" in messages
    assert "appears twice" in messages


def test_person_id_may_not_reuse_child_id(tmp_path):
    problems = _problems(_tiny_text().replace("  - id: uncle_dev", "  - id: zoe", 1), tmp_path)
    assert any("'zoe' is used more than once" in p.message for p in problems)


def test_python_object_tag_is_refused_and_not_run(tmp_path):
    marker = tmp_path / "payload-ran"
    text = f'meta: !!python/object/apply:os.system ["touch {marker}"]\n'
    problems = _problems(text, tmp_path, "evil.yaml")
    assert not marker.exists()
    (problem,) = problems
    assert "Python object tag" in problem.message and "nothing in it was run" in problem.message
    assert (problem.line, problem.column) == (1, 7)


def test_other_python_tags_are_refused(tmp_path):
    marker = tmp_path / "ran"
    text = f"child: !!python/object/new:subprocess.Popen [[touch, {marker}]]\n"
    (problem,) = _problems(text, tmp_path)
    assert "refused" in problem.message
    assert not marker.exists()


@pytest.mark.parametrize(
    ("content", "words"),
    [
        (b"", "empty"),
        (b"   \n\n", "empty"),
        (b"# only a comment\n", "no content"),
        (b"meta: [1, 2\n", "not valid YAML"),
        (b"\tmeta: 1\n", "not valid YAML"),
        (b"- just\n- a list\n", "'key: value' sections"),
        (b"Just a sentence of prose.", "'key: value' sections"),
        ("name: Zo\u00eb".encode("latin-1"), "not saved as UTF-8"),
    ],
)
def test_whole_file_problems_get_their_own_message(tmp_path, content, words):
    path = tmp_path / "odd.yaml"
    path.write_bytes(content)
    (problem,) = validate_file(path)
    assert words in problem.message
    assert problem.file.endswith("odd.yaml")
    assert problem.hint


def test_too_big_file(tmp_path):
    path = tmp_path / "huge.yaml"
    path.write_bytes(b"# " + b"x" * MAX_FILE_BYTES + b"\n")
    (problem,) = validate_file(path)
    assert "more than the 1 MB" in problem.message


def test_missing_file_and_folder(tmp_path):
    (problem,) = validate_file(tmp_path / "nope.yaml")
    assert "no file" in problem.message
    (problem,) = validate_file(tmp_path)
    assert "folder" in problem.message


def test_utf8_bom_is_accepted(tmp_path):
    path = tmp_path / "bom.yaml"
    path.write_bytes(b"\xef\xbb\xbf" + _tiny_text().encode("utf-8"))
    assert validate_file(path) == []


def test_error_message_lists_every_problem(tmp_path):
    path = tmp_path / "two.yaml"
    path.write_text(_tiny_text().replace("  title: Tiny", "  titel: Tiny"), encoding="utf-8")
    with pytest.raises(ScenarioError) as caught:
        load_scenario(path)
    text = str(caught.value)
    assert text.startswith("2 problems found")
    assert "meta.titel" in text and "meta.title" in text


def test_find_scenario_files(tmp_path):
    (tmp_path / "a.yaml").write_text("x: 1")
    (tmp_path / "b.yml").write_text("x: 1")
    (tmp_path / "notes.txt").write_text("x")
    names = [p.name for p in find_scenario_files([tmp_path])]
    assert names == ["a.yaml", "b.yml"]


# --------------------------------------------------------------------------- saving


def test_save_round_trip_keeps_utf8(tmp_path, tiny):
    path = save_scenario(tiny, tmp_path / "out" / "copy.yaml")
    raw = path.read_bytes().decode("utf-8")
    assert "Zoë" in raw and "Róisín" in raw and "\\x" not in raw and "\\u" not in raw
    assert raw.startswith("# yaml-language-server: $schema=")
    assert load_scenario(path) == tiny


def test_save_is_atomic(tmp_path, tiny, monkeypatch):
    path = tmp_path / "mine.yaml"
    path.write_text("original work\n", encoding="utf-8")

    def crash(*args, **kwargs):
        raise OSError("disk unplugged")

    monkeypatch.setattr(os, "replace", crash)
    with pytest.raises(OSError):
        save_scenario(tiny, path)
    assert path.read_text(encoding="utf-8") == "original work\n"
    assert [p.name for p in tmp_path.iterdir()] == ["mine.yaml"]


def test_yaml_text_round_trip(tiny):
    assert load_scenario_text(scenario_to_yaml(tiny)) == tiny
    assert isinstance(tiny, Scenario)


# --------------------------------------------------------------------------- YAML 1.2 words and hostile files


def test_an_unquoted_time_is_a_time_not_a_base_60_number(tmp_path):
    text = _tiny_text().replace('start: "15:15", end: "15:45"', "start: 15:15, end: 12:00")
    assert "end: 12:00" in text
    path = tmp_path / "case.yaml"
    path.write_text(text, encoding="utf-8")
    when = load_scenario(path).plan.tasks[1].when
    assert (when.start, when.end) == ("15:15", "12:00")


def test_yes_and_no_are_words_where_the_schema_wants_words_and_true_or_false_where_it_wants_that(tmp_path):
    text = _tiny_text().replace("  tags: [test, small]", "  tags: [yes, no, on, off]", 1).replace("paid: true", "paid: yes", 1)
    path = tmp_path / "case.yaml"
    path.write_text(text, encoding="utf-8")
    scenario = load_scenario(path)
    assert scenario.meta.tags == ("yes", "no", "on", "off")
    assert [p.id for p in scenario.people if p.paid] == ["sw_amara"]


@pytest.mark.parametrize("written", ["2027-02-30", "2027-20-03"])
def test_an_impossible_date_is_a_message_with_its_line(tmp_path, written):
    text = _tiny_text().replace("start_date: 2026-01-05", f"start_date: {written}")
    line = text[: text.index(written)].count("\n") + 1
    (problem,) = _problems(text, tmp_path)
    assert (problem.field, problem.line, problem.column) == ("drills.start_date", line, 15)
    assert "valid date" in problem.message and "YYYY-MM-DD" in problem.hint


def test_a_file_that_expands_without_end_is_refused_naming_the_file(tmp_path):
    text = "a: &a [x, x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [" + ", ".join([f"*{chr(97 + i)}"] * 10) + "]\n" for i in range(8))
    (problem,) = _problems(text, tmp_path, "laughs.yaml")
    assert problem.file.endswith("laughs.yaml") and problem.line == 5
    assert "more than 50,000 values once its aliases (*name) are expanded" in problem.message
