"""Load, validate and save scenario files.

There is one way in: :func:`load_scenario`. It reads YAML with a safe loader
only, checks the file against :class:`fncoach.model.Scenario`, checks every
cross-reference (a person id in a tie, card, task or event) and every
duplicate id, and reports *all* problems at once in a :class:`ScenarioError`
whose message names the file, line, column and field, and says what to write
instead. The reading itself (safe, limited, YAML 1.2 words, positions) is
:mod:`fncoach.yamlfile`, shared with plan and weights files.

Examples
--------
>>> import tempfile, pathlib
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> bad = folder / "bad.yaml"
>>> _ = bad.write_text("meta:\\n  id: x\\n  titel: Oops\\n", encoding="utf-8")
>>> try:
...     load_scenario(bad)
... except ScenarioError as error:
...     typo = [p for p in error.problems if p.field == "meta.titel"][0]
...     print(typo.line, typo.column, typo.hint)
3 3 Did you mean 'title'?
"""

from __future__ import annotations

import json
import os
import tempfile
from dataclasses import replace
from pathlib import Path
from typing import Any, Iterable, Iterator, Sequence

import yaml
from pydantic import ValidationError

from .model import Scenario
from .yamlfile import (
    MAX_FILE_BYTES,
    SCENARIO_FILE,
    Problem,
    YamlDocument,
    YamlFileError,
    _close_match,
    did_you_mean,
    id_from_words,
    needs_quotes,
    parse_yaml_text,
    problems_from_validation,
    read_yaml_file,
)

__all__ = [
    "MAX_FILE_BYTES",
    "Problem",
    "ScenarioError",
    "load_scenario",
    "load_scenario_text",
    "validate_file",
    "find_scenario_files",
    "save_scenario",
    "scenario_to_yaml",
    "json_schema",
    "SCHEMA_FILENAME",
    "bundled_scenarios_dir",
    "bundled_scenario_path",
]

SCHEMA_FILENAME = "schema.json"
_SCHEMA_LINE = f"# yaml-language-server: $schema={SCHEMA_FILENAME}\n"


class ScenarioError(YamlFileError):
    """A scenario file could not be used. ``problems`` lists every problem found."""


#: How the reader speaks about scenario files.
_KIND = replace(SCENARIO_FILE, error=ScenarioError)


# --------------------------------------------------------------------------- references and duplicate ids

#: (where the reference is, what it must point to). ``*`` matches every item of a list.
_REFERENCES: tuple[tuple[str, str], ...] = (
    ("ties.*.a", "member"),
    ("ties.*.b", "member"),
    ("sos.cards.*.people.*", "member"),
    ("sos.harm_statements.*.agreed_by.*", "member"),
    ("sos.harm_statements.*.disagreed_by.*", "member"),
    ("sos.worry_statements.*.agreed_by.*", "member"),
    ("sos.worry_statements.*.disagreed_by.*", "member"),
    ("sos.safety_goals.*.worry", "worry"),
    ("sos.scaling.perspectives.*.who", "member"),
    ("plan.tasks.*.worry", "worry"),
    ("plan.tasks.*.checked_by", "member"),
    ("plan.tasks.*.about.*", "person"),
    ("plan.model_plan.*.task", "task"),
    ("plan.model_plan.*.primary", "person"),
    ("plan.model_plan.*.backups.*", "person"),
    ("family_time.offers.*.who", "person"),
    ("family_time.offers.*.worry", "worry"),
    ("family_time.what_ifs.*.who", "person"),
    ("handover.professional_jobs.*.held_by", "person"),
    ("handover.professional_jobs.*.taken_by.*", "person"),
    ("handover.keeper", "person"),
    ("drills.events.*.person", "person"),
    ("meetings.*.joins.*", "person"),
    ("meetings.*.steps_back.*", "person"),
    ("meetings.*.facilitated_by", "person"),
    ("meetings.*.scores.*.who", "member"),
    ("review_answers.*.who", "person"),
)

#: Lists whose items' ``id`` must be unique.
_ID_LISTS: tuple[str, ...] = (
    "sos.cards",
    "sos.harm_statements",
    "sos.worry_statements",
    "sos.safety_goals",
    "plan.tasks",
    "drills.events",
    "meetings",
    "family_time.offers",
    "family_time.what_ifs",
    "handover.professional_jobs",
)

_TARGET_WORDS = {
    "member": "a person id or the child's id",
    "person": "a person id",
    "worry": "a worry statement id",
    "task": "a task id",
}


def _walk_pattern(data: Any, pattern: Sequence[str], path: tuple = ()) -> Iterator[tuple[tuple, Any]]:
    if not pattern:
        yield path, data
        return
    head, rest = pattern[0], pattern[1:]
    if head == "*":
        if isinstance(data, list):
            for index, item in enumerate(data):
                yield from _walk_pattern(item, rest, path + (index,))
    elif isinstance(data, dict) and head in data:
        yield from _walk_pattern(data[head], rest, path + (head,))


def _ids(data: Any, list_path: str) -> list[tuple[tuple, str]]:
    found = []
    for path, item in _walk_pattern(data, list_path.split(".") + ["*"]):
        if isinstance(item, dict) and isinstance(item.get("id"), str):
            found.append((path + ("id",), item["id"]))
    return found


def _lines_words(lines: Sequence[int]) -> str:
    """``[100, 180, 181]`` → ``lines 100, 180 and 181``."""
    text = [str(line) for line in lines]
    if len(text) == 1:
        return f"line {text[0]}"
    return f"lines {', '.join(text[:-1])} and {text[-1]}"


#: Which section holds the ids a reference points to (when that section could not be read, its
#: references are not checked: they would all look wrong).
_TARGET_SECTIONS = {"member": ("people", "child"), "person": ("people",), "worry": ("sos",), "task": ("plan",)}


def _reference_problems(doc: YamlDocument, unread: frozenset[str] = frozenset()) -> list[Problem]:
    """Check every cross-reference and duplicate id on the raw data (works even when other fields are wrong).

    One root cause gives one message: a person given an id that is already taken (by another person or
    by the child) is one problem, and the references to the id they probably had before — which no
    person has now — are folded into it instead of being reported one by one. A reference to an id
    that does not exist is reported once, at its first place, naming the other lines it is on.
    ``unread`` names sections the reader could not read (their ids are not known, so references to
    them are not checked).
    """
    data = doc.data
    if not isinstance(data, dict):
        return []
    problems: list[Problem] = []
    people = _ids(data, "people")
    child = data.get("child", {})
    child_id = child.get("id") if isinstance(child, dict) else None

    def dup_check(items: list[tuple[tuple, str]], what: str) -> None:
        first: dict[str, tuple] = {}
        for path, value in items:
            if value in first:
                owner = doc.field_name(first[value][:-1]).split(": ", 1)[-1]
                problems.append(doc.problem(path, f"the {what} id {value!r} is already the id of {owner}",
                                            f"Give each {what} its own id."))
            first.setdefault(value, path)

    for list_path in _ID_LISTS:
        dup_check(_ids(data, list_path), list_path.split(".")[-1].rstrip("s").replace("_", " "))

    targets = {
        # a person whose id is not written as an id yet ('Uncle Dev') is told to write it as one (uncle_dev):
        # the places that already use that id are not wrong as well
        "person": {value for _, value in people} | {id_from_words(value) for _, value in people},
        "worry": {value for _, value in _ids(data, "sos.worry_statements")},
        "task": {value for _, value in _ids(data, "plan.tasks")},
    }
    targets["member"] = targets["person"] | ({child_id} if child_id else set())

    unknown: dict[tuple[str, str], list[tuple]] = {}
    for pattern, target in _REFERENCES:
        if any(section in unread for section in _TARGET_SECTIONS[target]):
            continue
        for path, value in _walk_pattern(data, pattern.split(".")):
            if value is None or not isinstance(value, str) or value in targets[target]:
                continue
            unknown.setdefault(("person" if target == "member" else target, value), []).append((path, target))

    # people whose id is taken already: by the child, or by someone earlier in the list
    clashes: list[tuple[tuple, str, str]] = []  # (path of the id, the id, what it clashes with)
    seen: dict[str, tuple] = {}
    for path, value in people:
        if child_id and value == child_id:
            clashes.append((path, value, "the child's id (child: id), so it cannot also be a person's id"))
        elif value in seen:
            owner = doc.field_name(seen[value][:-1]).split(": ", 1)[-1]
            clashes.append((path, value, f"already the id of {owner}"))
        seen.setdefault(value, path)
    # ids used but given to nobody, and not a typo of an id someone has: probably what the clashing person was
    lost = sorted(value for (kind, value) in unknown
                  if kind == "person" and _close_match(value, targets["member"]) is None)
    for path, value, clash in clashes:
        item = data["people"][path[1]] if isinstance(data.get("people"), list) else {}
        hint = "Give this person their own id"
        if len(clashes) == 1 and lost:
            places = [place for value_ in lost for place, _ in unknown.pop(("person", value_))]
            lines = sorted({doc.position(place)[0] for place in places})
            named = " or ".join(f"'{one}'" for one in lost)
            hint += (f": perhaps {named}, which the file uses on {_lines_words(lines)} but no person has "
                     f"(so those places are not reported again)")
        else:
            suggestion = _suggest_id(item, set(seen) | ({child_id} if child_id else set()))
            hint += f", e.g. {suggestion}" if suggestion else ""
        problems.append(doc.problem(path, f"the id {value!r} is {clash}", hint + "."))

    for (kind, value), places in unknown.items():
        (path, target), others = places[0], places[1:]
        hint = did_you_mean(value, targets[target], otherwise=f"Use {_TARGET_WORDS[target]} defined in the file.")
        message = f"{value!r} is not {_TARGET_WORDS[target]} in this scenario"
        if others:
            lines = sorted({doc.position(place)[0] for place, _ in others})
            message += f" (it is also used on {_lines_words(lines)})"
        problems.append(doc.problem(path, message, hint))
    return problems


def _suggest_id(item: Any, taken: set[str]) -> str:
    """An id made from a person's name (``Dev Patel`` → ``dev_patel``) that nobody has yet, or ``""``."""
    name = item.get("name") if isinstance(item, dict) else None
    suggestion = id_from_words(name) if isinstance(name, str) else ""
    return suggestion if suggestion and suggestion not in taken else ""


def _left_out(problem: Problem, skipped: Sequence[tuple[str, str | None]]) -> bool:
    """Whether ``problem`` is only there because the reader left out part of the file to read the rest."""
    for section, key in skipped:
        inside = problem.path == section or problem.path.startswith((section + ".", section + "["))
        if not inside:
            continue
        if key is None:
            return True
        if key == "-" and "needs at least" in problem.message:
            return True
        if problem.message == "this field is required but missing" and problem.path.rsplit(".", 1)[-1] == key:
            return True
    return False


# --------------------------------------------------------------------------- loading


def _check_document(doc: YamlDocument) -> Scenario:
    """Validate a parsed scenario document, raising every problem found at once."""
    if not isinstance(doc.data, dict):
        raise _KIND.whole_file(doc.file, "the file should be a set of 'key: value' sections (meta, child, people, …) "
                               "but is not", _KIND.start_hint, 1, 1)
    problems = doc.duplicate_key_problems()
    scenario: Scenario | None = None
    try:
        scenario = Scenario.model_validate(doc.data)
    except ValidationError as error:
        problems.extend(problems_from_validation(error, doc, Scenario, "scenario"))
    unread = frozenset(section for section, key in doc.skipped if key is None)
    problems.extend(_reference_problems(doc, unread))
    problems = list(doc.syntax_problems) + [p for p in problems if not _left_out(p, doc.skipped) and not (
        p.line in doc.guessed_lines and p.message != "this field is required but missing")]
    if problems:
        problems.sort(key=lambda p: (p.line, p.column, p.field))
        raise ScenarioError(problems)
    assert scenario is not None
    return scenario


def load_scenario_text(text: str, file: str = "<text>") -> Scenario:
    """Parse and validate scenario YAML given as text.

    Raises
    ------
    ScenarioError
        With every problem found, each naming file, line, column and field.
    """
    return _check_document(parse_yaml_text(text, file, _KIND, recover=True))


def load_scenario(path: str | os.PathLike[str]) -> Scenario:
    """Load and validate a scenario file.

    Parameters
    ----------
    path : str or Path
        The YAML file, or the id/name of a bundled scenario (e.g. ``"maya"``).

    Returns
    -------
    Scenario

    Raises
    ------
    ScenarioError
        With every problem found, each naming file, line, column and field.
    """
    file_path = Path(path)
    if not file_path.exists() and not file_path.suffix:
        bundled = bundled_scenario_path(str(path))
        if bundled is not None:
            file_path = bundled
    name = str(path) if file_path == Path(path) else str(file_path)
    if not file_path.exists():
        from .cases import looks_like_case_id

        if looks_like_case_id(str(path)):
            raise ScenarioError([Problem(name, 0, 0, "", "there is no case or file with this name",
                                         _unknown_case_hint(str(path)))])
    return _check_document(read_yaml_file(file_path, _KIND, name, recover=True))


def _unknown_case_hint(name: str) -> str:
    from .cases import UnknownCaseError, find_case

    try:
        find_case(name)
    except UnknownCaseError as error:
        mean = f"Did you mean '{error.suggestion}'? " if error.suggestion else ""
        return f"{mean}The cases are: {', '.join(error.known) or 'none'}."
    return "Check the name and folder, e.g. scenarios/maya.yaml."


def validate_file(path: str | os.PathLike[str]) -> list[Problem]:
    """Return every problem in a scenario file (an empty list when it is valid)."""
    try:
        load_scenario(path)
    except ScenarioError as error:
        return error.problems
    return []


def find_scenario_files(paths: Iterable[str | os.PathLike[str]]) -> list[Path]:
    """Expand files and folders into a sorted list of scenario files (``*.yaml``, ``*.yml``)."""
    found: list[Path] = []
    for item in paths:
        path = Path(item)
        if path.is_dir():
            found.extend(sorted(p for p in path.iterdir() if p.suffix in (".yaml", ".yml") and p.is_file()))
        else:
            found.append(path)
    return found


# --------------------------------------------------------------------------- saving


def _to_plain(scenario: Scenario) -> dict[str, Any]:
    return scenario.model_dump(mode="json", exclude_defaults=True)


class _ScenarioDumper(yaml.SafeDumper):
    """Safe dumper that double-quotes text holding Unicode line-break characters.

    YAML folds NEL (U+0085), LINE SEPARATOR and PARAGRAPH SEPARATOR inside plain or
    single-quoted scalars, so such text would not load back the same; in double quotes
    they are written as escapes and survive the round trip.
    """


def _represent_text(dumper: yaml.SafeDumper, text: str) -> yaml.ScalarNode:
    style = '"' if any(ch in text for ch in "\x85\u2028\u2029") else ("'" if needs_quotes(text) else None)
    return dumper.represent_scalar("tag:yaml.org,2002:str", text, style=style)


_ScenarioDumper.add_representer(str, _represent_text)


def scenario_to_yaml(scenario: Scenario, schema_line: bool = True) -> str:
    """The scenario as YAML text (UTF-8 names kept as they are)."""
    body = yaml.dump(
        _to_plain(scenario),
        Dumper=_ScenarioDumper,
        allow_unicode=True,
        sort_keys=False,
        width=100,
        default_flow_style=False,
    )
    return (_SCHEMA_LINE if schema_line else "") + body


def save_scenario(scenario: Scenario, path: str | os.PathLike[str]) -> Path:
    """Write a scenario to ``path`` atomically (a temporary file, then replace).

    A crash part-way never leaves half a file: either the old file or the new
    one is there. Returns the path written.
    """
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    text = scenario_to_yaml(scenario)
    handle, temp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as stream:
            stream.write(text)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temp_name, target)
    except BaseException:
        try:
            os.unlink(temp_name)
        except FileNotFoundError:
            pass
        raise
    return target


# --------------------------------------------------------------------------- schema and bundled scenarios


def json_schema() -> dict[str, Any]:
    """The JSON Schema of the scenario format (for editors' autocomplete)."""
    schema = Scenario.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "fncoach scenario (format version 1)"
    return schema


def json_schema_text() -> str:
    """The JSON Schema as the text committed in ``scenarios/schema.json``."""
    return json.dumps(json_schema(), indent=2, ensure_ascii=False) + "\n"


def bundled_scenarios_dir() -> Path:
    """The folder of the bundled scenarios (see :func:`fncoach.cases.bundled_folder`).

    A coach's own folders, named in ``FNCOACH_SCENARIOS``, add to these cases
    (:func:`fncoach.cases.case_files`); they do not replace them.
    """
    from .cases import bundled_folder

    return bundled_folder()


def bundled_scenario_path(name: str) -> Path | None:
    """The file of the case with this id (bundled, or in the coach's own folders), or ``None``."""
    from .cases import case_files

    return case_files().get(name)
