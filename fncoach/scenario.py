"""Load, validate and save scenario files.

There is one way in: :func:`load_scenario`. It reads YAML with a safe loader
only, checks the file against :class:`fncoach.model.Scenario`, checks every
cross-reference (a person id in a tie, card, task or event) and every
duplicate id, and reports *all* problems at once in a :class:`ScenarioError`
whose message names the file, line, column and field, and says what to write
instead.

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

import difflib
import re
import json
import os
import tempfile
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any, Iterable, Iterator, Sequence

import yaml
from pydantic import BaseModel, ValidationError

from .errors import FncoachError
from .model import Scenario

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

MAX_FILE_BYTES = 1_000_000
SCHEMA_FILENAME = "schema.json"
_SCHEMA_LINE = f"# yaml-language-server: $schema={SCHEMA_FILENAME}\n"


@dataclass(frozen=True)
class Problem:
    """One problem found in a scenario file.

    Attributes
    ----------
    file : str
        The file's name as given.
    line, column : int
        1-based position of the problem (0 when there is no position).
    field : str
        Dotted path of the field, e.g. ``people[2].domain`` (empty for the whole file).
    message : str
        What is wrong, in plain words.
    hint : str
        What to write instead.
    """

    file: str
    line: int
    column: int
    field: str
    message: str
    hint: str = ""

    @property
    def location(self) -> str:
        """``file:line:column`` (or just the file when there is no position)."""
        if self.line:
            return f"{self.file}:{self.line}:{self.column}"
        return self.file

    def __str__(self) -> str:
        field = f" {self.field}:" if self.field else ""
        hint = f" {self.hint}" if self.hint else ""
        return f"{self.location}:{field} {self.message}.{hint}".replace("..", ".")

    def to_dict(self) -> dict[str, Any]:
        """Plain dictionary (for ``--json`` output)."""
        return asdict(self)


class ScenarioError(FncoachError):
    """A scenario file could not be used. ``problems`` lists every problem found."""

    def __init__(self, problems: Sequence[Problem]):
        self.problems = list(problems)
        count = len(self.problems)
        head = f"{count} problem{'s' if count != 1 else ''} found"
        super().__init__(head + ":\n" + "\n".join(f"  {p}" for p in self.problems))


# --------------------------------------------------------------------------- safe YAML with positions


class _SafeLoader(yaml.SafeLoader):
    """The safe loader, with duplicate keys reported instead of silently overwritten."""


def _compose(text: str) -> yaml.Node | None:
    return yaml.compose(text, Loader=_SafeLoader)  # noqa: S506 - safe loader subclass


def _positions(node: yaml.Node | None) -> tuple[dict[tuple, tuple[int, int]], list[tuple[tuple, tuple[int, int]]]]:
    """Map every path in the document to its (line, column), and list duplicate keys."""
    positions: dict[tuple, tuple[int, int]] = {}
    duplicates: list[tuple[tuple, tuple[int, int]]] = []

    def mark(n: yaml.Node) -> tuple[int, int]:
        return (n.start_mark.line + 1, n.start_mark.column + 1)

    def walk(n: yaml.Node, path: tuple) -> None:
        positions.setdefault(path, mark(n))
        if isinstance(n, yaml.MappingNode):
            seen: set = set()
            for key_node, value_node in n.value:
                key = key_node.value if isinstance(key_node, yaml.ScalarNode) else str(key_node.value)
                if key in seen:
                    duplicates.append((path + (key,), mark(key_node)))
                seen.add(key)
                positions[path + (key, "__key__")] = mark(key_node)
                walk(value_node, path + (key,))
        elif isinstance(n, yaml.SequenceNode):
            for index, item in enumerate(n.value):
                walk(item, path + (index,))

    if node is not None:
        walk(node, ())
    return positions, duplicates


def _path_text(path: Iterable) -> str:
    text = ""
    for part in path:
        if isinstance(part, int):
            text += f"[{part}]"
        else:
            text += ("." if text else "") + str(part)
    return text


def _position_for(positions: dict[tuple, tuple[int, int]], path: tuple, key: bool = False) -> tuple[int, int]:
    """The position of ``path``, or of the nearest parent that exists."""
    if key and path + ("__key__",) in positions:
        return positions[path + ("__key__",)]
    if not key and path and path[:-1] + (path[-1], "__key__") in positions and path not in positions:
        return positions[path[:-1] + (path[-1], "__key__")]
    probe = path
    while probe:
        if probe in positions:
            return positions[probe]
        probe = probe[:-1]
    return positions.get((), (1, 1))


# --------------------------------------------------------------------------- turning pydantic errors into advice


def _model_at(path: Sequence) -> type[BaseModel] | None:
    """The pydantic model class expected at ``path`` in a scenario (for suggestions)."""
    from .model import _submodels

    model: type[BaseModel] = Scenario
    for part in path:
        if isinstance(part, int):
            continue
        field = model.model_fields.get(str(part))
        if field is None:
            return None
        subs = _submodels(field.annotation)
        if not subs:
            return None
        model = subs[0]
    return model


def _field_description(path: Sequence) -> str:
    parent = _model_at(path[:-1])
    if parent is None or not path:
        return ""
    field = parent.model_fields.get(str(path[-1]))
    return (field.description or "") if field else ""


def _hint_for(error: dict[str, Any], path: tuple) -> str:
    kind = error["type"]
    if kind == "extra_forbidden":
        parent = _model_at(path[:-1])
        allowed = sorted(parent.model_fields) if parent else []
        close = difflib.get_close_matches(str(path[-1]), allowed, n=1, cutoff=0.6)
        if close:
            return f"Did you mean '{close[0]}'?"
        return "Remove it, or use one of: " + ", ".join(allowed) + "."
    description = _field_description(path)
    if kind == "missing":
        return f"Add it: {description}" if description else "Add it."
    if kind in ("literal_error", "enum"):
        expected = error.get("ctx", {}).get("expected", "")
        given = error.get("input")
        options = [o.strip().strip("'") for o in str(expected).replace(" or ", ",").split(",") if o.strip()]
        close = difflib.get_close_matches(str(given), options, n=1, cutoff=0.6) if isinstance(given, str) else []
        if close:
            return f"Did you mean '{close[0]}'? Choose one of: {expected}."
        return f"Choose one of: {expected}."
    if kind == "string_pattern_mismatch":
        if "HH:MM" in description:
            return "Write a time as HH:MM on the 24-hour clock, e.g. 16:30."
        return description or "Check the spelling."
    return description


def _clean_message(error: dict[str, Any]) -> str:
    kind = error["type"]
    given = error.get("input")
    if kind == "extra_forbidden":
        return "this key is not part of the scenario format"
    if kind == "missing":
        return "this field is required but missing"
    if kind in ("literal_error", "enum"):
        return f"{given!r} is not one of the allowed values"
    if kind == "string_pattern_mismatch":
        return f"{given!r} is not in the expected form"
    message = error["msg"]
    if message.startswith("Value error, "):
        message = message[len("Value error, "):]
    return message[0].lower() + message[1:] if message else message


def _problems_from_validation(error: ValidationError, file: str, positions: dict) -> list[Problem]:
    problems = []
    for item in error.errors(include_url=False):
        path = tuple(part for part in item["loc"] if not (isinstance(part, str) and part.startswith("function-")))
        is_key = item["type"] == "extra_forbidden"
        line, column = _position_for(positions, path, key=is_key)
        problems.append(
            Problem(file, line, column, _path_text(path), _clean_message(item), _hint_for(item, path))
        )
    return problems


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
    ("plan.model_plan.*.task", "task"),
    ("plan.model_plan.*.primary", "person"),
    ("plan.model_plan.*.backups.*", "person"),
    ("drills.events.*.person", "person"),
    ("meetings.*.joins.*", "person"),
    ("meetings.*.steps_back.*", "person"),
    ("meetings.*.facilitated_by", "person"),
    ("meetings.*.scores.*.who", "member"),
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


def _reference_problems(data: Any, file: str, positions: dict) -> list[Problem]:
    """Check every cross-reference and duplicate id on the raw data (works even when other fields are wrong)."""
    if not isinstance(data, dict):
        return []
    problems: list[Problem] = []
    people = _ids(data, "people")
    child = data.get("child", {})
    child_id = child.get("id") if isinstance(child, dict) else None

    def dup_check(items: list[tuple[tuple, str]], what: str, also: set[str] = frozenset()) -> None:
        seen: set[str] = set()
        for path, value in items:
            if value in seen or value in also:
                line, column = _position_for(positions, path)
                problems.append(Problem(file, line, column, _path_text(path), f"the {what} id {value!r} is used more than once",
                                        "Give each one its own id."))
            seen.add(value)

    dup_check(people, "person", {child_id} if child_id else set())
    for list_path in _ID_LISTS:
        dup_check(_ids(data, list_path), list_path.split(".")[-1].rstrip("s").replace("_", " "))

    targets = {
        "person": {value for _, value in people},
        "worry": {value for _, value in _ids(data, "sos.worry_statements")},
        "task": {value for _, value in _ids(data, "plan.tasks")},
    }
    targets["member"] = targets["person"] | ({child_id} if child_id else set())

    for pattern, target in _REFERENCES:
        for path, value in _walk_pattern(data, pattern.split(".")):
            if value is None or not isinstance(value, str) or value in targets[target]:
                continue
            line, column = _position_for(positions, path)
            close = difflib.get_close_matches(value, sorted(targets[target]), n=1, cutoff=0.6)
            options = sorted(targets[target])
            if close:
                hint = f"Did you mean '{close[0]}'?"
            elif options and len(options) <= 12:
                hint = "Use one of: " + ", ".join(options) + "."
            else:
                hint = f"Use {_TARGET_WORDS[target]} defined in the file."
            problems.append(Problem(file, line, column, _path_text(path),
                                    f"{value!r} is not {_TARGET_WORDS[target]} in this scenario", hint))
    return problems


# --------------------------------------------------------------------------- loading


def _whole_file(file: str, message: str, hint: str = "", line: int = 0, column: int = 0) -> ScenarioError:
    return ScenarioError([Problem(file, line, column, "", message, hint)])


def load_scenario_text(text: str, file: str = "<text>") -> Scenario:
    """Parse and validate scenario YAML given as text.

    Raises
    ------
    ScenarioError
        With every problem found, each naming file, line, column and field.
    """
    if not text.strip():
        raise _whole_file(file, "the file is empty", "Start from a bundled scenario in scenarios/ and change it.")
    try:
        node = _compose(text)
        data = yaml.load(text, Loader=_SafeLoader)  # noqa: S506 - safe loader subclass
    except yaml.constructor.ConstructorError as error:
        mark = error.problem_mark
        quoted = re.findall(r"'([^']*)'", error.problem or "")
        tag = quoted[-1].replace("tag:yaml.org,2002:", "!!") if quoted else "unknown tag"
        is_python = "python" in (error.problem or "")
        message = (f"the file contains a Python object tag ({tag}) and was refused; nothing in it was run"
                   if is_python else f"the file uses a YAML tag the toolkit does not accept ({tag})")
        raise _whole_file(file, message, "Scenario files hold plain text, numbers, lists and dates only: remove the '!!' tag.",
                          mark.line + 1 if mark else 0, mark.column + 1 if mark else 0) from None
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark
        raise _whole_file(file, f"this is not valid YAML ({error.problem})",
                          "Check the indentation (spaces, not tabs) and that every 'key: value' has a colon and a space.",
                          mark.line + 1 if mark else 0, mark.column + 1 if mark else 0) from None
    except yaml.YAMLError as error:
        raise _whole_file(file, f"this is not valid YAML ({error})", "Check the file is a YAML scenario.") from None

    if data is None:
        raise _whole_file(file, "the file has no content (only comments or blank lines)",
                          "Start from a bundled scenario in scenarios/ and change it.")
    if not isinstance(data, dict):
        raise _whole_file(file, "the file should be a set of 'key: value' sections (meta, child, people, …) but is not",
                          "Start from a bundled scenario in scenarios/ and change it.", 1, 1)

    positions, duplicates = _positions(node)
    problems = [
        Problem(file, line, column, _path_text(path), "this key appears twice in the same place",
                "Keep one of them: the second would silently replace the first.")
        for path, (line, column) in duplicates
    ]
    scenario: Scenario | None = None
    try:
        scenario = Scenario.model_validate(data)
    except ValidationError as error:
        problems.extend(_problems_from_validation(error, file, positions))
    problems.extend(_reference_problems(data, file, positions))
    if problems:
        problems.sort(key=lambda p: (p.line, p.column, p.field))
        raise ScenarioError(problems)
    assert scenario is not None
    return scenario


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
            raise _whole_file(name, "there is no case or file with this name", _unknown_case_hint(str(path)))
        raise _whole_file(name, "there is no file here", "Check the name and folder, e.g. scenarios/maya.yaml.")
    if file_path.is_dir():
        raise _whole_file(name, "this is a folder, not a scenario file", "Give the path of one .yaml file inside it.")
    size = file_path.stat().st_size
    if size > MAX_FILE_BYTES:
        raise _whole_file(name, f"the file is {size / 1_000_000:.1f} MB, more than the 1 MB a scenario may be",
                          "A scenario is text about one case; check this is the right file.")
    raw = file_path.read_bytes()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        raise _whole_file(name, "the file is not saved as UTF-8 text",
                          "Save it again as UTF-8 (in most editors: Save As, Encoding: UTF-8).", line, 1) from None
    if text.startswith("\ufeff"):
        text = text[1:]
    return load_scenario_text(text, name)


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
    style = '"' if any(ch in text for ch in "\x85\u2028\u2029") else None
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
