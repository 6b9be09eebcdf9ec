"""The one YAML reader (fncoach.yamlfile): positions, YAML 1.2 words, limits, and the shared report."""

from __future__ import annotations

import re
import subprocess
import sys
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fncoach import yamlfile
from fncoach.examples import TINY_PATH
from fncoach.scenario import ScenarioError, load_scenario
from fncoach.yamlfile import (
    MAX_DEPTH,
    SCENARIO_FILE,
    FileKind,
    Problem,
    YamlFileError,
    did_you_mean,
    field_name,
    needs_quotes,
    parse_yaml_text,
    path_text,
    read_yaml_file,
)

ROOT = Path(__file__).resolve().parent.parent


class _NoteError(YamlFileError):
    @classmethod
    def heading(cls, count: int) -> str:
        return f"the note has {count} problem(s)"


NOTE = FileKind(noun="note file", error=_NoteError, missing_message="there is no note here")


def _refused(text: str, kind: FileKind = SCENARIO_FILE, file: str = "case.yaml") -> Problem:
    with pytest.raises(kind.error) as caught:
        parse_yaml_text(text, file, kind)
    (problem,) = caught.value.problems
    return problem


# --------------------------------------------------------------------------- positions


def test_every_value_and_key_has_its_line_and_column():
    doc = parse_yaml_text("meta:\n  id: x\npeople:\n  - {id: gran, age: 70}\n", "case.yaml", SCENARIO_FILE)
    assert doc.position(("meta", "id")) == (2, 7)
    assert doc.position(("meta", "id"), key=True) == (2, 3)
    assert doc.position(("people", 0, "age")) == (4, 21)
    # a path that does not exist points at its nearest parent
    assert doc.position(("people", 0, "name")) == (4, 5)
    assert str(doc.problem(("people", 0, "age"), "too old", "Check it")) == (
        "case.yaml:4:21: people: the person 'gran' (the 1st person), age: too old. Check it")


def test_duplicate_keys_are_reported_where_the_second_one_is():
    doc = parse_yaml_text("child:\n  age: 8\n  name: Zoë\n  age: 9\n", "case.yaml", SCENARIO_FILE)
    (problem,) = doc.duplicate_key_problems()
    assert (problem.line, problem.column, problem.field) == (4, 3, "child.age")
    assert "appears twice" in problem.message


def test_path_text_and_did_you_mean():
    assert path_text(("plan", "tasks", 3, "when")) == "plan.tasks[3].when"
    assert did_you_mean("frends", ["friends", "family"]) == "Did you mean 'friends'?"
    assert did_you_mean("zzz", ["b", "a"]) == "Use one of: a, b."
    assert did_you_mean("zzz", ["b", "a"], list_up_to=1, otherwise="Check it.") == "Check it."


# --------------------------------------------------------------------------- YAML 1.2 words (issue 15)


@pytest.mark.parametrize(("written", "meant"), [
    ("12:00", "12:00"),        # YAML 1.1 reads 720 (base 60)
    ("1:30", "1:30"),
    ("no", "no"), ("yes", "yes"), ("on", "on"), ("off", "off"), ("Y", "Y"), ("NO", "NO"),  # 1.1: booleans
    ("0755", 755),             # 1.1: octal 493
    ("0o17", 15), ("0x1F", 31),
    ("1_000", "1_000"),        # 1.1: 1000
    ("2027-02-30", "2027-02-30"),  # 1.1: a date (and this one a crash)
    ("=", "="),                # 1.1: a 'value' tag the safe loader cannot build
    ("true", True), ("False", False), ("~", None), ("null", None), ("", None),
    ("1.5", 1.5), ("-2", -2), ("1e3", 1000.0), (".inf", float("inf")),
])
def test_plain_words_have_their_yaml_1_2_meaning(written, meant):
    assert parse_yaml_text(f"value: {written}\n", "x.yaml", SCENARIO_FILE).data == {"value": meant}


@pytest.mark.parametrize(("text", "quote"), [("1e3", True), ("true", True), ("null", True), ("12", True),
                                             ("12:00", False), ("no", False), ("2026-01-05", False), ("Gran", False)])
def test_needs_quotes_follows_yaml_1_2(text, quote):
    assert needs_quotes(text) is quote


def test_an_impossible_date_with_an_explicit_tag_is_a_message_not_a_crash():
    problem = _refused("meta:\n  when: !!timestamp 2027-02-30\n")
    assert (problem.line, problem.column) == (2, 9)
    assert "cannot be read as !!timestamp" in problem.message and "day is out of range" in problem.message


@pytest.mark.parametrize(("text", "words"), [
    ("meta: !!timestamp 2027-13-01x\n", "the value '2027-13-01x' cannot be read as !!timestamp"),  # found by hypothesis
    ("meta: !!int twelve\n", "the value 'twelve' cannot be read as !!int"),
    ("meta: !!float lots\n", "the value 'lots' cannot be read as !!float"),
])
def test_a_value_its_tag_cannot_build_is_a_message_with_its_place(text, words):
    problem = _refused(text)
    assert (problem.line, problem.column) == (1, 7) and words in problem.message


# --------------------------------------------------------------------------- safety and limits (issue 16)


def test_python_tags_are_refused_and_never_run(tmp_path):
    marker = tmp_path / "ran"
    problem = _refused(f"a: !!python/object/apply:os.system ['touch {marker}']\n", NOTE, "n.yaml")
    assert "Python object tag" in problem.message and not marker.exists()
    assert problem.hint == "Note files hold plain text, numbers and lists only: remove the '!!' tag."


def test_the_expanded_size_counts_every_use_of_an_alias(monkeypatch):
    monkeypatch.setattr(yamlfile._Limits, "max_nodes", 1000)
    # 4 + 10 * 4 * ... : each b holds 10 copies of a (5 values each) = 51 values; c 10 copies of b = 511 …
    text = "a: &a [1, 2, 3, 4]\nb: &b [" + ", ".join(["*a"] * 10) + "]\nc: &c [" + ", ".join(["*b"] * 10) + "]\n"
    assert parse_yaml_text(text, "ok.yaml", SCENARIO_FILE).data["c"][9][0] == [1, 2, 3, 4]
    problem = _refused(text + "d: [*c, *c]\n")
    assert problem.line == 4 and "more than 1,000 values" in problem.message


@pytest.mark.parametrize("text", ["a: " + "[" * 5000 + "]" * 5000 + "\n",
                                  "a:\n" + "".join(" " * i + "b:\n" for i in range(1, 200))])
def test_deep_nesting_is_refused_without_a_recursion_error(text):
    problem = _refused(text)
    assert f"nested more than {MAX_DEPTH} levels" in problem.message
    assert problem.line >= 1 and problem.hint


def test_nesting_up_to_the_limit_is_read(monkeypatch):
    monkeypatch.setattr(yamlfile._Limits, "max_depth", 5)
    assert parse_yaml_text("a: [[[1]]]\n", "x.yaml", SCENARIO_FILE).data == {"a": [[[1]]]}
    assert "nested more than 5 levels" in _refused("a: [[[[1]]]]\n").message


def test_too_many_aliases(monkeypatch):
    monkeypatch.setattr(yamlfile._Limits, "max_aliases", 3)
    assert parse_yaml_text("a: &a x\nb: [*a, *a, *a]\n", "x.yaml", SCENARIO_FILE).data["b"] == ["x", "x", "x"]
    problem = _refused("a: &a x\nb: [*a, *a, *a, *a]\n")
    assert (problem.line, problem.column) == (2, 17) and "more than 3 aliases" in problem.message


def test_an_alias_inside_its_own_anchor_is_refused():
    problem = _refused("people: &p\n  - id: gran\n  - *p\n")
    assert (problem.line, problem.column) == (3, 5)
    assert "*p is used inside the value it names" in problem.message


def test_a_long_flat_list_stops_at_the_node_limit_quickly():
    problem = _refused("a:\n" + "".join("- 1\n" for _ in range(60_000)))
    assert "more than 50,000 values" in problem.message


def test_hostile_files_get_a_plain_message_within_a_memory_cap(tmp_path):
    """The worst inputs, each in a fresh process with its memory capped: a plain message, never a blow-up.

    (How fast and how small is measured by ``benchmarks/hostile.py``, not asserted here.)"""
    script = (
        "import resource, sys, time\n"
        "resource.setrlimit(resource.RLIMIT_AS, (1_500_000_000, 1_500_000_000))\n"
        "from fncoach.scenario import load_scenario, ScenarioError\n"
        "started = time.perf_counter()\n"
        "try:\n"
        "    load_scenario(sys.argv[1])\n"
        "except ScenarioError as error:\n"
        "    print(error.problems[0])\n"
        "print(round(time.perf_counter() - started, 2))\n"
        "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024)\n"
    )
    laughs = "a: &a [x, x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [" + ", ".join([f"*{chr(97 + i)}"] * 10) + "]\n" for i in range(8))
    files = {  # name: (text, where and what the message says)
        "laughs.yaml": (laughs, ":5:4: the file holds more than 50,000 values once its aliases (*name) are expanded"),
        "deep.yaml": ("a: " + "[" * 900_000 + "\n", ":1:53: lists and mappings are nested more than 50 levels deep"),
        "flat.yaml": ("a: [" + ",".join(["1"] * 400_000) + "]\n", ":1:99999: the file holds more than 50,000 values"),
    }
    for name, (text, words) in files.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
        result = subprocess.run([sys.executable, "-c", script, str(tmp_path / name)], capture_output=True, text=True,
                                timeout=60, env={"PYTHONPATH": str(ROOT), "PATH": ""})
        assert result.returncode == 0 and "Traceback" not in result.stderr, result.stderr[-2000:]
        message, seconds, megabytes = result.stdout.strip().splitlines()
        assert message.startswith(str(tmp_path / name) + words), message


# --------------------------------------------------------------------------- the words of a YAML mistake


def test_a_yaml_mistake_is_worded_the_same_with_or_without_libyaml():
    problem = _refused("meta:\n  title: Zoë: her gran\n")
    assert problem.message == "this is not valid YAML: the colon and space inside this text make it read as a new 'key: value'"
    assert (problem.line, problem.column) == (2, 13)


def test_a_yaml_mistake_after_a_huge_file_keeps_libyaml_words():
    problem = _refused("a: [" + ",".join(["1"] * 12_000) + "\n]: :\n")
    # pure Python would take seconds to read 12,000 values again, so libyaml's own words are kept
    assert problem.message == "this is not valid YAML (mapping values are not allowed in this context)"
    assert problem.line == 2


# --------------------------------------------------------------------------- files


def test_each_kind_words_its_own_whole_file_problems(tmp_path):
    with pytest.raises(_NoteError) as caught:
        read_yaml_file(tmp_path / "nope.yaml", NOTE)
    assert str(caught.value) == f"the note has 1 problem(s):\n  {tmp_path / 'nope.yaml'}: there is no note here. Check the name and folder."
    with pytest.raises(_NoteError, match="this is a folder, not a note file"):
        read_yaml_file(tmp_path, NOTE)


@pytest.mark.parametrize(("content", "words", "line"), [
    (b"", "the file is empty", 0),
    (b"# nothing\n", "no content", 0),
    (b"a: 1\nb: Zo\xeb\n", "not saved as UTF-8", 2),
    (b"a: [1\n", "not valid YAML", 2),
    (b"a: 1\n---\nb: 2\n", "not valid YAML", 2),
])
def test_whole_file_problems(tmp_path, content, words, line):
    path = tmp_path / "odd.yaml"
    path.write_bytes(content)
    with pytest.raises(YamlFileError) as caught:
        read_yaml_file(path, SCENARIO_FILE)
    (problem,) = caught.value.problems
    assert words in problem.message and problem.line == line and problem.file == str(path)


def test_too_big_and_bom(tmp_path):
    big = tmp_path / "big.yaml"
    big.write_bytes(b"# " + b"x" * yamlfile.MAX_FILE_BYTES)
    with pytest.raises(YamlFileError, match="more than the 1 MB a note file may be"):
        read_yaml_file(big, NOTE)
    bom = tmp_path / "bom.yaml"
    bom.write_bytes(b"\xef\xbb\xbfa: 1\n")
    assert read_yaml_file(bom, NOTE).data == {"a": 1}


# --------------------------------------------------------------------------- anything at all: a message, never a traceback

_TINY_LINES = TINY_PATH.read_text(encoding="utf-8").splitlines(keepends=True)
_YAML_BITS = ["- ", ": ", "[", "]", "{", "}", "&a ", "*a", "!!", "!!python/none", "\t", "'", '"', "#", "<<: *a", "---",
              "%YAML 1.1\n", "? ", "|", ">", "\n", "  ", "12:00", "2027-02-30", "!!timestamp 2027-13-01", "0o9", "\\x00",
              "\ufeff", "é", "\x85", "!!binary zz", "!!int x", "!!float y", "!!set {a}", "!!omap [a]"]


@st.composite
def _mutated_tiny(draw) -> bytes:
    lines = list(_TINY_LINES)
    for _ in range(draw(st.integers(1, 4))):
        at = draw(st.integers(0, len(lines) - 1))
        line = lines[at]
        cut = draw(st.integers(0, len(line)))
        lines[at] = line[:cut] + draw(st.sampled_from(_YAML_BITS)) + line[cut + draw(st.integers(0, 3)):]
    return "".join(lines).encode("utf-8", "surrogatepass")


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(content=st.binary(max_size=300) | st.lists(st.sampled_from(_YAML_BITS + list("abc01:")), max_size=40).map(
    lambda bits: "".join(bits).encode("utf-8")) | _mutated_tiny())
def test_any_file_gives_a_scenario_or_a_message_naming_it(tmp_path, content):
    path = tmp_path / "any.yaml"
    path.write_bytes(content)
    try:
        load_scenario(path)
    except ScenarioError as error:
        assert error.problems and all(p.file == str(path) and p.message for p in error.problems)


# --------------------------------------------------------------------------- advice and names (issue 15)


def test_did_you_mean_never_suggests_the_opposite():
    assert did_you_mean("unsafe", ["safe", "to_explore", "worry"]) == "Use one of: safe, to_explore, worry."
    assert did_you_mean("needed", ["not_needed", "harm"], list_up_to=0, otherwise="Check it.") == "Check it."
    assert did_you_mean("not_safe", ["safe"]) == "Use one of: safe."
    assert did_you_mean("sfe", ["safe", "worry"]) == "Did you mean 'safe'?"  # a typo is still corrected


def test_field_names_say_where_a_coach_finds_the_item():
    data = {"people": [{"id": "ciara"}, {"name": "Nan Jo"}, "odd"],
            "ties": [{"a": "zoe", "b": "ciara"}],
            "sos": {"scaling": {"perspectives": [{"who": "zoe"}]}},
            "plan": {"tasks": [{"id": "t1", "when": {"dates": ["x", "y"]}}]}}
    assert field_name(data, ("people", 0)) == "people: the person 'ciara' (the 1st person)"
    assert field_name(data, ("people", 1, "id")) == "people: the person 'Nan Jo' (the 2nd person), id"
    assert field_name(data, ("people", 2)) == "people: the 3rd person"
    assert field_name(data, ("people", 7, "id")) == "people: the 8th person, id"  # no such item: still counted from one
    assert field_name(data, ("ties", 0, "a")) == "ties: the tie between zoe and ciara (the 1st tie), a"
    assert field_name(data, ("sos", "scaling", "perspectives", 0, "score")) == (
        "sos.scaling.perspectives: the number from 'zoe' (the 1st number), score")
    assert field_name(data, ("plan", "tasks", 0, "when", "dates", 1)) == (
        "plan.tasks: the task 't1' (the 1st task), when.dates: the 2nd date")
    assert field_name([{"task": "t1"}], (0, "primary")) == "the entry for 't1' (the 1st entry), primary"


def test_without_recover_the_first_yaml_mistake_is_the_only_problem_and_with_it_the_rest_is_read():
    text = "a:\n  b: Zoë: her gran\n  c: [1, 2\nd: 3\n"
    problem = _refused(text)
    assert (problem.line, problem.column) == (2, 9) and "colon and space" in problem.message
    doc = parse_yaml_text(text, "case.yaml", SCENARIO_FILE, recover=True)
    assert doc.data == {"a": {"b": "Zoë: her gran", "c": [1, 2]}, "d": 3}
    assert [(p.line, p.column) for p in doc.syntax_problems] == [(2, 9), (4, 2)]
    assert "the list opened with '[' on line 3 is not closed with ']'" in doc.syntax_problems[1].message
    assert [p.field for p in doc.syntax_problems] == ["a.b", "a.c"]  # where the list opens, not where YAML noticed


def test_a_line_that_cannot_be_guessed_is_left_out_and_remembered():
    doc = parse_yaml_text("a:\n  b: 1\n\tc: 2\n  d: 3\n", "case.yaml", SCENARIO_FILE, recover=True)
    assert doc.data == {"a": {"b": 1, "d": 3}} and doc.skipped == (("a", "c"),)
    (problem,) = doc.syntax_problems
    assert (problem.line, problem.column) == (3, 1) and "tab" in problem.message


def test_plain_text_is_kept_as_written_with_either_parser():
    for loader in yamlfile._LOADERS:
        node = loader("contact: 07700900101\nname: '0123'\n").get_single_node()
        assert yamlfile._positions(node)[2] == {("contact",): "07700900101"}


def test_reading_on_counts_lines_as_yaml_does():
    # a LINE SEPARATOR (U+2028, pasted from a word processor) ends a line for YAML, so it does for the repair too
    doc = parse_yaml_text("a:\u2028  b: Zoë: her gran\n  c: 1\n", "case.yaml", SCENARIO_FILE, recover=True)
    assert doc.data == {"a": {"b": "Zoë: her gran", "c": 1}}
    assert [(p.line, p.column) for p in doc.syntax_problems] == [(2, 9)]


def test_a_mistake_copied_down_a_long_list_lists_the_first_ones_and_counts_the_rest():
    from fncoach.scenario import ScenarioError, load_scenario_text
    from fncoach.yamlfile import MAX_LISTED

    text = "people:\n" + "".join(f"  - {{id: p{i}, domain: frends}}\n" for i in range(MAX_LISTED + 300))
    with pytest.raises(ScenarioError) as caught:
        load_scenario_text(text, "long.yaml")
    lines = str(caught.value).splitlines()
    assert len(lines) == 1 + MAX_LISTED + 1  # heading, the listed ones, the count of the rest
    assert all(line.startswith("  long.yaml:") for line in lines[1:-1])
    assert re.fullmatch(r"  … and [\d,]+ more, not listed here\. Fix the ones above first, then check the file "
                        r"again\.", lines[-1])
    # working out advice stops at the limit too: one problem says how many more there are from its line on
    counted = [p for p in caught.value.problems if "more problems were found" in p.message]
    assert len(counted) == 1 and counted[0].file == "long.yaml" and counted[0].line > 1
    assert len(caught.value.problems) < MAX_LISTED + 10
