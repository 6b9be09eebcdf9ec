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
    assert files, "the bundled scenarios are missing"
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
        ("  - who: uncle_dev\n    question:", "  - who: uncle_devv\n    question:", "review_answers: the review answer from 'uncle_devv' (the 2nd review answer), who", "uncle_devv",
         "Did you mean 'uncle_dev'?"),
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


def test_duplicate_key(tmp_path):
    text = _tiny_text().replace("  age: 8\n", "  age: 8\n  age: 9\n", 1)
    (problem,) = _problems(text, tmp_path)
    assert (problem.field, problem.line, problem.column) == ("child.age", 18, 3)
    assert "appears twice" in problem.message


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


def test_a_broken_reference_in_private_family_time_names_file_line_and_field(tmp_path):
    """An offer from someone who is not in the case is reported like any other reference, with file:line."""
    from fncoach.scenario import ScenarioError, load_scenario

    source = Path(__file__).parent.parent / "scenarios" / "edge_of_care_grandparents.yaml"
    text = source.read_text(encoding="utf-8").replace("- id: o_dada_lift\n      who: younis", "- id: o_dada_lift\n      who: youniss")
    broken = tmp_path / "broken.yaml"
    broken.write_text(text, encoding="utf-8")
    line = text.splitlines().index("      who: youniss") + 1
    with pytest.raises(ScenarioError) as caught:
        load_scenario(broken)
    message = str(caught.value)
    assert f"broken.yaml:{line}:" in message and "family_time.offers: the offer 'o_dada_lift' (the 1st offer), who" in message and "younis" in message


# --------------------------------------------------------------------------- the mistakes a coach makes (issue 15)


def _break(old: str, new: str, needle: str | None = None) -> tuple[str, int, int]:
    """The tiny case with ``old`` replaced by ``new``, and the (line, column) of ``needle`` (in ``new``)."""
    text = _tiny_text()
    assert old in text, old
    at = text.index(old) + new.index(needle if needle is not None else new.strip()[:1])
    broken = text.replace(old, new, 1)
    return broken, broken[:at].count("\n") + 1, at - broken.rfind("\n", 0, at)


@pytest.mark.parametrize(("old", "new", "needle", "words"), [
    # dates as people write them: read day first, as in the UK
    ("start_date: 2026-01-05", "start_date: 6/3/2027", "6/3", "Write dates as YYYY-MM-DD: for 6 March 2027, write 2027-03-06."),
    ("start_date: 2026-01-05", "start_date: 3/16/2027", "3/16", "for 16 March 2027, write 2027-03-16"),
    ('start: "15:15", end: "15:45"}', 'start: "15:15", end: "15:45", dates: [6.3.27]}', "6.3.27", "write 2027-03-06"),
    # a word where the format wants its own fields: the word, put where it belongs
    ("safety: {status: to_explore, reason: Not yet met by the social worker.}", "safety: to_explore", "to_explore",
     "Write it like this: safety: {status: to_explore, reason: …}"),
    ("    commitment: high\n  - id: uncle_dev", "    commitment: high\n    safety: safe\n  - id: uncle_dev", "safe\n",
     "safety: {status: safe, reason: …}"),
    ("safety: {status: to_explore, reason: Not yet met by the social worker.}", "safety: status:to_explore", "status",
     "Put a space after the colon: status: to_explore"),
    ('{days: [sat, sun], start: "09:00"', "{days: [sat, sun], start:09:00", "start", "Put a space after the colon: start: 09:00"),
    # numbers, yes/no, lists and text, each with an example in the coach's own terms
    ("  age: 8\n", "  age: eight\n", "eight", "Write a whole number in digits, e.g. age: 8."),
    ("    hours_per_week: 10", "    hours_per_week: ten hours", "ten", "Write a number in digits, e.g. hours_per_week: 10."),
    ("    paid: true", "    paid: maybe", "maybe", "Write true or false, e.g. paid: true."),
    ("    contact: 07700 900103", "    contact: 07700900103", "077", 'Put it in quotes: contact: "07700900103"'),
    ("    support: [practical, information]", "    support: practical", "practical",
     "Write a list in square brackets, e.g. support: [practical]"),
    ('start: "15:15", end: "15:45"', 'start: "3pm", end: "15:45"', '"3pm"', 'Here: start: "15:00".'),
    ("  - id: uncle_dev", "  - id: Uncle Dev", "Uncle", "e.g. uncle_dev"),
    ('  what_matters: ["My cat Biscuit", ', "  what_matters: [My cat: Biscuit, ", "My cat",
     'Put the whole text in quotes, e.g. "My cat: Biscuit"'),
    ("{who: ciara, score: 8", "{who: ciara, score: 11", "11", "0: harm is certain"),
])
def test_every_value_error_says_what_to_write_with_an_example(tmp_path, old, new, needle, words):
    broken, line, column = _break(old, new, needle)
    (problem,) = _problems(broken, tmp_path)
    assert (problem.line, problem.column) == (line, column), str(problem)
    assert words in problem.hint, str(problem)


@pytest.mark.parametrize(("old", "new", "written"), [
    ("{status: worry, reason", "{status: unsafe, reason", "unsafe"),   # closest is 'safe': the opposite
    ("column: not_needed", "column: needed", "needed"),                  # closest is 'not_needed': the opposite
    ("    commitment: medium\n  - id: sw_amara", "    commitment: medium\n    family_side: not_mothers\n  - id: sw_amara",
     "not_mothers"),
])
def test_a_value_is_never_corrected_to_its_opposite(tmp_path, old, new, written):
    broken, line, column = _break(old, new, written)
    (problem,) = _problems(broken, tmp_path)
    assert (problem.line, problem.column) == (line, column)
    assert "Did you mean" not in problem.hint and problem.hint.startswith("Choose one of: ")


def test_a_colon_inside_text_says_put_it_in_quotes(tmp_path):
    broken, line, column = _break("  lives_now: At home with her mum, Ciara.", "  lives_now: At home: with her mum, Ciara.",
                                  ": with")
    (problem,) = _problems(broken, tmp_path)
    assert (problem.line, problem.column, problem.field) == (line, column, "child.lives_now") == (19, 21, "child.lives_now")
    assert "colon and space inside this text" in problem.message and "indent" not in str(problem).lower()
    assert problem.hint == 'Put the whole text in quotes: lives_now: "At home: with her mum, Ciara."'


def test_quotes_round_part_of_the_text_say_they_go_round_the_whole_text(tmp_path):
    broken, line, column = _break('  what_matters: ["My cat Biscuit", "Going to Gran\'s on Saturdays"]',
                                  '  what_matters:\n    - "Drama club" on Wednesdays', "on Wed")
    (problem,) = _problems(broken, tmp_path)
    assert (problem.line, problem.column) == (line, column)
    assert "the quotes end before the text does" in problem.message and "<scalar>" not in problem.message
    assert problem.field == "child.what_matters: the 1st line"
    assert problem.hint.startswith('Put the quotes round the whole text: - "Drama club on Wednesdays"')


def test_an_apostrophe_inside_single_quotes(tmp_path):
    broken, line, column = _break("  communication: Chatty; likes drawing while she talks.",
                                  "  communication: 'She's chatty'", "s chatty")
    (problem,) = _problems(broken, tmp_path)
    assert (problem.line, problem.column) == (line, column)
    assert problem.hint == 'Put the text in double quotes instead: communication: "She\'s chatty"'


def test_a_quote_left_open_is_found_where_it_opens_not_where_yaml_gives_up(tmp_path):
    broken, line, column = _break("    lives: Two streets away", "    lives: 'Two streets away", "'")
    problems = _problems(broken, tmp_path)
    assert (problems[0].line, problems[0].column) == (line, column) == (44, 12)
    assert "the quote opened here is not closed on this line" in problems[0].message
    assert "(line 115)" in problems[0].message and len(problems) == 1, [str(p) for p in problems]


def test_no_space_after_a_colon_is_reported_on_its_own_line(tmp_path):
    broken, line, column = _break("    relationship: Maternal grandmother\n",
                                  "    relationship: Maternal grandmother\n    age:63\n", "age")
    (problem,) = _problems(broken, tmp_path)
    assert (problem.line, problem.column) == (line, column) == (41, 5)  # not line 42, where YAML noticed
    assert problem.field == "people: the person 'gran' (the 2nd person), age"
    assert problem.hint == "Put a space after the colon: age: 63"


def test_the_value_after_a_missing_space_is_still_checked(tmp_path):
    broken, line, _ = _break("    relationship: Maternal grandmother\n",
                             "    relationship: Maternal grandmother\n    age:630\n", "age")
    first, second = _problems(broken, tmp_path)
    assert first.line == second.line == line
    assert "no space after the colon" in first.message and second.message == "630 is too big: the largest allowed is 110"


def test_a_yaml_mistake_no_longer_hides_the_other_problems(tmp_path):
    text = (_tiny_text().replace("  lives_now: At home with her mum, Ciara.", "  lives_now: At home: with her mum, Ciara.")
            .replace("domain: friends", "domain: frends").replace("start_date: 2026-01-05", "start_date: 6/3/2027")
            .replace("    relationship: Maternal grandmother\n", "    relationship: Maternal grandmother\n    age:63\n"))
    path = tmp_path / "case.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ScenarioError) as caught:
        load_scenario(path)
    where = [(p.line, p.column) for p in caught.value.problems]
    assert where == [(19, 21), (41, 5), (57, 13), (202, 15)]
    assert str(caught.value).startswith("4 problems found:")


def test_a_line_left_out_to_read_on_causes_no_missing_field(tmp_path):
    broken, line, column = _break("  lives_now: At home with her mum, Ciara.", "\tlives_now: At home with her mum, Ciara.",
                                  "\t")
    problems = _problems(broken.replace("domain: friends", "domain: frends"), tmp_path)
    assert [(p.line, p.column) for p in problems] == [(line, column), (56, 13)]
    assert "indented with a tab" in problems[0].message  # and no "child.lives_now: this field is required"


def test_a_section_that_cannot_be_read_is_named_and_the_others_are_checked(tmp_path):
    broken, line, _ = _break("ties:\n", "ties: &\n", "ties")
    problems = _problems(broken.replace("domain: friends", "domain: frends"), tmp_path)
    assert [(p.line, p.field) for p in problems] == [(56, "people: the person 'uncle_dev' (the 3rd person), domain"),
                                                     (line, "ties"), (line, "")]
    assert problems[1].message == "this section could not be checked because of the YAML mistake in it"


def test_when_the_reader_cannot_read_on_it_says_how_many_sections_were_not_checked(tmp_path, monkeypatch):
    from fncoach import yamlfile

    monkeypatch.setattr(yamlfile, "_MAX_REPAIRS", 0)
    broken, _, _ = _break("  lives_now: At home with her mum, Ciara.", "  lives_now: At home: with her mum, Ciara.")
    mistake, unchecked = _problems(broken, tmp_path)
    assert mistake.line == 19
    assert unchecked.message == ("12 sections after this mistake could not be checked (people, ties, sos, plan, "
                                 "family_time, handover, drills, meetings, review_answers, words_and_pictures, "
                                 "discussion_questions, facilitator)")


def test_a_person_given_the_childs_id_is_told_so_once(tmp_path):
    broken, line, column = _break("  - id: uncle_dev", "  - id: zoe", "zoe")
    (problem,) = _problems(broken, tmp_path)  # not four "'uncle_dev' is not a person id" as well
    assert (problem.line, problem.column, problem.path) == (line, column, "people[2].id")
    assert problem.message == "the id 'zoe' is the child's id (child: id), so it cannot also be a person's id"
    assert "used more than once" not in problem.message
    assert "perhaps 'uncle_dev', which the file uses on lines 96, 100, 180, 181, 190, 193 and 229 but no person has" in problem.hint


def test_one_duplicate_person_id_is_one_message(tmp_path):
    broken, line, column = _break("  - id: uncle_dev", "  - id: gran", "gran")
    (problem,) = _problems(broken, tmp_path)
    assert (problem.line, problem.column) == (line, column)
    assert problem.message == "the id 'gran' is already the id of the person 'gran' (the 2nd person)"
    assert "perhaps 'uncle_dev'" in problem.hint


def test_two_duplicate_ids_each_get_their_own_message_and_an_id_to_use(tmp_path):
    broken, _, _ = _break("  - id: uncle_dev", "  - id: gran")
    broken = broken.replace("  - id: aunt_niamh", "  - id: ciara")
    problems = [p for p in _problems(broken, tmp_path) if p.path.startswith("people")]
    assert [p.hint for p in problems] == ["Give this person their own id, e.g. dev_patel.",
                                          "Give this person their own id, e.g. niamh_byrne."]


def test_an_unknown_id_used_in_several_places_is_one_message(tmp_path):
    text = _tiny_text().replace("uncle_dev", "dev").replace("  - id: dev", "  - id: uncle_dev", 1)
    (problem,) = _problems(text, tmp_path)
    assert problem.path == "ties[2].b" and problem.line == 96
    assert problem.message == "'dev' is not a person id or the child's id in this scenario (it is also used on lines 100, 180, 181, 190, 193 and 229)"


def test_text_read_in_quotes_to_read_on_is_not_checked_again(tmp_path):
    broken, line, column = _break("    hours_per_week: 10", "    hours_per_week: 10: at most", ": at")
    (problem,) = _problems(broken, tmp_path)  # not also "'10: at most' is not a number"
    assert (problem.line, problem.column) == (line, column)
    assert problem.hint == 'Put the whole text in quotes: hours_per_week: "10: at most"'


def test_a_tab_before_a_section_name_hides_nothing(tmp_path):
    broken, line, column = _break("meta:\n  id: tiny", "\tmeta:\n  id: tiny", "\t")
    problems = _problems(broken.replace("domain: friends", "domain: frends"), tmp_path)
    assert [(p.line, p.column) for p in problems] == [(line, column), (56, 13)]
    assert "indented with a tab" in problems[0].message


def test_a_typo_elsewhere_is_not_taken_for_the_id_a_duplicate_person_lost(tmp_path):
    broken, line, _ = _break("  - id: uncle_dev", "  - id: gran", "gran")
    broken = broken.replace("person: gran, from_day: 10", "person: grann, from_day: 10")
    problems = _problems(broken, tmp_path)
    assert [(p.line, p.path) for p in problems] == [(line, "people[2].id"), (205, "drills.events[0].person")]
    assert "perhaps 'uncle_dev'," in problems[0].hint and "grann" not in problems[0].hint
    assert problems[1].hint == "Did you mean 'gran'?"
