"""Read the YAML files fncoach is given, and report their problems the same way.

One reader for every kind of file a coach writes — scenario files, plan files,
weights files. :func:`read_yaml_file` (or :func:`parse_yaml_text`) turns a
file into a :class:`YamlDocument`: the plain data, plus the line and column
of every value and key, so that any later check can point at the place a
coach has to change. Every problem is a :class:`Problem`, printed as
``file:line:column: field: message. hint``; each kind of file raises its own
error class, all deriving from :class:`YamlFileError` (and so from
:class:`fncoach.errors.FncoachError`).

What the reader guarantees, in this one place:

- **safe**: no Python tags, nothing in the file is ever run;
- **limited**: at most :data:`MAX_FILE_BYTES` bytes of UTF-8 text, nested at
  most :data:`MAX_DEPTH` levels, at most :data:`MAX_ALIASES` aliases
  (``*name``), and at most :data:`MAX_NODES` values once aliases are expanded.
  A file over a limit (a careless download, or a "billion laughs" file) gets
  one plain message instead of filling the memory of a shared server;
- **YAML 1.2 meanings** for plain words: ``12:00`` is text (not the base-60
  number 720), ``no``, ``yes``, ``on`` and ``off`` are words (the schema
  decides where a word means true or false), ``0755`` is the number 755, and
  a date is text until the schema reads it (so an impossible date gets a
  message, not a crash).

Examples
--------
>>> doc = parse_yaml_text("meta:\\n  id: x\\n  end: 12:00\\n", "case.yaml", SCENARIO_FILE)
>>> doc.data
{'meta': {'id': 'x', 'end': '12:00'}}
>>> doc.position(("meta", "end"))
(3, 8)
>>> print(doc.problem(("meta", "end"), "not a time here", "Write HH:MM."))
case.yaml:3:8: meta.end: not a time here. Write HH:MM.
>>> did_you_mean("frends", ["family", "friends"])
"Did you mean 'friends'?"
"""

from __future__ import annotations

import difflib
import re
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable, Mapping, Sequence

import yaml
from pydantic import BaseModel, ValidationError

try:
    from yaml._yaml import CParser as _CParser
except ImportError:  # pragma: no cover - PyYAML built without libyaml
    _CParser = None

from .errors import FncoachError

__all__ = [
    "MAX_FILE_BYTES",
    "MAX_DEPTH",
    "MAX_ALIASES",
    "MAX_NODES",
    "Problem",
    "YamlFileError",
    "FileKind",
    "SCENARIO_FILE",
    "YamlDocument",
    "read_yaml_file",
    "parse_yaml_text",
    "problems_from_validation",
    "did_you_mean",
    "path_text",
    "needs_quotes",
]

#: The largest file any reader accepts (bytes).
MAX_FILE_BYTES = 1_000_000
#: How deeply lists and mappings may nest (a scenario needs about 6 levels).
MAX_DEPTH = 50
#: How many aliases (``*name``) a file may use.
MAX_ALIASES = 500
#: After this many values, a YAML mistake found by libyaml is not read again in pure Python (see ``_load``).
_RETRY_NODES = 10_000
#: How many values (scalars, lists, mappings) a file may hold once aliases are expanded.
#: The largest bundled scenario holds about 4,000.
MAX_NODES = 50_000


# --------------------------------------------------------------------------- problems and errors


@dataclass(frozen=True)
class Problem:
    """One problem found in a file.

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

    Examples
    --------
    >>> print(Problem("case.yaml", 3, 5, "meta.titel", "this key is not part of the scenario format",
    ...               "Did you mean 'title'?"))
    case.yaml:3:5: meta.titel: this key is not part of the scenario format. Did you mean 'title'?
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


class YamlFileError(FncoachError):
    """A file could not be used. ``problems`` lists every problem found (file, line, column, field).

    Each kind of file has its own subclass, which only changes :meth:`heading`.

    Examples
    --------
    >>> error = YamlFileError([Problem("w.yaml", 1, 1, "", "the file is empty", "Write something")])
    >>> print(error)
    1 problem found:
      w.yaml:1:1: the file is empty. Write something
    """

    def __init__(self, problems: Sequence[Problem]):
        self.problems = list(problems)
        body = "\n".join(f"  {p}" for p in self.problems)
        super().__init__(self.heading(len(self.problems)) + ":\n" + body)

    @classmethod
    def heading(cls, count: int) -> str:
        """The first line of the message, e.g. ``2 problems found``."""
        return f"{count} problem{'s' if count != 1 else ''} found"


@dataclass(frozen=True)
class FileKind:
    """What the reader says about one kind of file (the words differ; the checks do not).

    Attributes
    ----------
    noun : str
        The file as a person would name it: ``"scenario"``, ``"plan file"``.
    error : type
        The :class:`YamlFileError` subclass raised for this kind of file.
    missing_hint, start_hint, size_hint, syntax_hint, tag_hint : str
        What to do when the file is missing, empty, too big, not valid YAML, or holds a ``!!`` tag.
    formats : str
        What the file may be written in, for "this is not valid …".
    missing_message, unreadable_hint : str
        The message for a missing file, and the hint for a YAML error without a position.
    """

    noun: str
    error: type[YamlFileError] = YamlFileError
    missing_hint: str = "Check the name and folder."
    start_hint: str = ""
    size_hint: str = "Check this is the right file."
    syntax_hint: str = "Check the indentation (spaces, not tabs) and that every 'key: value' has a colon and a space."
    tag_hint: str = ""
    formats: str = "YAML"
    missing_message: str = "there is no file here"
    unreadable_hint: str = ""

    def whole_file(self, file: str, message: str, hint: str = "", line: int = 0, column: int = 0) -> YamlFileError:
        """This kind's error with one problem about the whole file."""
        return self.error([Problem(file, line, column, "", message, hint)])


#: The scenario file's words (its error class is set by :mod:`fncoach.scenario`).
SCENARIO_FILE = FileKind(
    noun="scenario",
    missing_hint="Check the name and folder, e.g. scenarios/maya.yaml.",
    start_hint="Start from a bundled scenario in scenarios/ and change it.",
    size_hint="A scenario is text about one case; check this is the right file.",
    tag_hint="Scenario files hold plain text, numbers, lists and dates only: remove the '!!' tag.",
    unreadable_hint="Check the file is a YAML scenario.",
)


# --------------------------------------------------------------------------- the loader: safe, limited, YAML 1.2 words


class _Refused(yaml.YAMLError):
    """The document goes over a limit, or a value cannot be read; carries a plain message and hint."""

    def __init__(self, message: str, hint: str, mark: Any = None):
        super().__init__(message)
        self.message, self.hint, self.mark = message, hint, mark


def _construct_int(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> int:
    """YAML 1.2 integers: decimal (``0755`` is 755), ``0o`` octal, ``0x`` hexadecimal."""
    text = loader.construct_scalar(node).replace("_", "")
    sign = -1 if text.startswith("-") else 1
    digits = text.lstrip("+-")
    for prefix, base in (("0o", 8), ("0x", 16), ("0b", 2)):
        if digits.lower().startswith(prefix):
            return sign * int(digits[2:], base)
    return sign * int(digits)


class _Resolver12(yaml.resolver.BaseResolver):
    """YAML 1.2 core schema: only these plain words mean something other than text."""

    yaml_implicit_resolvers: dict = {}


_Resolver12.add_implicit_resolver("tag:yaml.org,2002:null", re.compile(r"^(?:~|null|Null|NULL|)$"), ["~", "n", "N", ""])
_Resolver12.add_implicit_resolver("tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"),
                                  list("tTfF"))
_Resolver12.add_implicit_resolver("tag:yaml.org,2002:int", re.compile(r"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$"),
                                  list("-+0123456789"))
_Resolver12.add_implicit_resolver(
    "tag:yaml.org,2002:float",
    re.compile(r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$"),
    list("-+0123456789."),
)
_Resolver12.add_implicit_resolver("tag:yaml.org,2002:merge", re.compile(r"^(?:<<)$"), ["<"])


class _Limits:
    """Composition with limits, and construction that turns a bad value into a plain message.

    The limits are checked while the document is composed, before anything walks it: depth when a
    list or mapping opens, aliases when one is used, and the expanded size of every node as it closes
    (an alias counts the whole value it stands for), so a small file cannot expand into a huge one.
    Mixed into both loaders below, in front of PyYAML's composer.
    """

    max_depth = MAX_DEPTH
    max_aliases = MAX_ALIASES
    max_nodes = MAX_NODES

    def _start_limits(self) -> None:
        self._depth = 0
        self._aliases = 0
        self._nodes = 0
        self._open: set[str] = set()
        self._sizes: dict[int, int] = {}

    def compose_node(self, parent: Any, index: Any) -> yaml.Node:  # noqa: D102 - see the class docstring
        event = self.peek_event()
        if isinstance(event, yaml.AliasEvent):
            self._aliases += 1
            if self._aliases > self.max_aliases:
                raise _Refused(f"the file uses more than {self.max_aliases} aliases (*name)",
                               "Write the values out in full; a file about one case needs few aliases, if any.",
                               event.start_mark)
            if event.anchor in self._open:
                raise _Refused(f"the alias *{event.anchor} is used inside the value it names, so it would never end",
                               f"Remove the alias *{event.anchor} or the anchor &{event.anchor}.", event.start_mark)
            return super().compose_node(parent, index)
        self._depth += 1
        self._nodes += 1
        if self._depth > self.max_depth:
            raise _Refused(f"lists and mappings are nested more than {self.max_depth} levels deep here",
                           "A file fncoach reads needs only a few levels of indentation: check this is the right file.",
                           event.start_mark)
        anchor = getattr(event, "anchor", None)
        if anchor:
            self._open.add(anchor)
        node = super().compose_node(parent, index)
        if anchor:
            self._open.discard(anchor)
        self._depth -= 1
        size = 1
        if isinstance(node, yaml.SequenceNode):
            size += sum(self._sizes.get(id(child), 1) for child in node.value)
        elif isinstance(node, yaml.MappingNode):
            size += sum(self._sizes.get(id(k), 1) + self._sizes.get(id(v), 1) for k, v in node.value)
        self._sizes[id(node)] = size
        if size > self.max_nodes or self._nodes > self.max_nodes:
            raise _Refused(f"the file holds more than {self.max_nodes:,} values once its aliases (*name) are expanded",
                           "Write the values out plainly and check this is the right file.", node.start_mark)
        return node

    def construct_object(self, node: yaml.Node, deep: bool = False) -> Any:  # noqa: D102
        try:
            return super().construct_object(node, deep)
        except yaml.YAMLError:
            raise
        except Exception as error:  # any other failure of a !!tag's constructor is the file's value, not a bug
            tag = str(node.tag).replace("tag:yaml.org,2002:", "!!")
            detail = f" ({error})" if isinstance(error, (ValueError, OverflowError)) else ""
            value = repr(node.value) if isinstance(node, yaml.ScalarNode) else "here"
            raise _Refused(f"the value {value} cannot be read as {tag}{detail}",
                           "Write the value without the '!!' tag, or fix it.", node.start_mark) from None


class _Loader(_Limits, yaml.reader.Reader, yaml.scanner.Scanner, yaml.parser.Parser, yaml.composer.Composer,
              yaml.constructor.SafeConstructor, _Resolver12):
    """PyYAML's safe loader, in pure Python, with YAML 1.2 meanings for plain words and the limits."""

    def __init__(self, stream: str):
        yaml.reader.Reader.__init__(self, stream)
        yaml.scanner.Scanner.__init__(self)
        yaml.parser.Parser.__init__(self)
        yaml.composer.Composer.__init__(self)
        yaml.constructor.SafeConstructor.__init__(self)
        _Resolver12.__init__(self)
        self._start_limits()


if _CParser is not None:

    class _FastLoader(_Limits, yaml.composer.Composer, _CParser, yaml.constructor.SafeConstructor, _Resolver12):
        """The same loader with libyaml's parser underneath (about ten times faster on a large file).

        Only the events come from libyaml: composition (with the limits), the YAML 1.2 words and
        construction are the same Python code as :class:`_Loader`.
        """

        def __init__(self, stream: str):
            _CParser.__init__(self, stream)
            yaml.composer.Composer.__init__(self)
            yaml.constructor.SafeConstructor.__init__(self)
            _Resolver12.__init__(self)
            self._start_limits()

    _LOADERS: tuple[type, ...] = (_FastLoader, _Loader)
else:  # pragma: no cover - PyYAML built without libyaml
    _LOADERS = (_Loader,)

for _loader_class in _LOADERS:
    _loader_class.add_constructor("tag:yaml.org,2002:int", _construct_int)


_RESOLVER = _Resolver12()


def needs_quotes(text: str) -> bool:
    """Whether plain ``text`` would be read back as something other than text (under YAML 1.2).

    A writer quotes such text so that it loads back as the same words.

    Examples
    --------
    >>> needs_quotes("1e3"), needs_quotes("12:00"), needs_quotes("true")
    (True, False, True)
    """
    return _RESOLVER.resolve(yaml.ScalarNode, text, (True, False)) != "tag:yaml.org,2002:str"


# --------------------------------------------------------------------------- documents with positions


def path_text(path: Iterable) -> str:
    """A path as a person reads it: ``("people", 2, "domain")`` → ``people[2].domain``.

    Examples
    --------
    >>> path_text(("people", 2, "domain"))
    'people[2].domain'
    """
    text = ""
    for part in path:
        if isinstance(part, int):
            text += f"[{part}]"
        else:
            text += ("." if text else "") + str(part)
    return text


def _mark(node: yaml.Node) -> tuple[int, int]:
    return (node.start_mark.line + 1, node.start_mark.column + 1)


def _positions(node: yaml.Node | None) -> tuple[dict[tuple, tuple[int, int]], list[tuple[tuple, tuple[int, int]]]]:
    """Map every path in the document to its (line, column), and list duplicate keys."""
    positions: dict[tuple, tuple[int, int]] = {}
    duplicates: list[tuple[tuple, tuple[int, int]]] = []

    def walk(n: yaml.Node, path: tuple) -> None:
        positions.setdefault(path, _mark(n))
        if isinstance(n, yaml.MappingNode):
            seen: set = set()
            for key_node, value_node in n.value:
                key = key_node.value if isinstance(key_node, yaml.ScalarNode) else str(key_node.value)
                if key in seen:
                    duplicates.append((path + (key,), _mark(key_node)))
                seen.add(key)
                positions[path + (key, "__key__")] = _mark(key_node)
                walk(value_node, path + (key,))
        elif isinstance(n, yaml.SequenceNode):
            for index, item in enumerate(n.value):
                walk(item, path + (index,))

    if node is not None:
        walk(node, ())
    return positions, duplicates


@dataclass(frozen=True)
class YamlDocument:
    """A file's plain data, with the line and column of every value and key.

    Attributes
    ----------
    file : str
        The file's name as given (used in every :class:`Problem`).
    data : object
        The plain data: dicts, lists, text, numbers, booleans and ``None``.
    positions : mapping
        Path → (line, column); a key's own position is at ``path + ("__key__",)``.
    duplicates : tuple
        ``(path, (line, column))`` of each key written twice in the same mapping.
    """

    file: str
    data: Any
    positions: Mapping[tuple, tuple[int, int]] = field(default_factory=dict, repr=False)
    duplicates: tuple[tuple[tuple, tuple[int, int]], ...] = ()

    def position(self, path: Sequence, key: bool = False) -> tuple[int, int]:
        """The (line, column) of ``path`` (of its key when ``key``), or of the nearest parent that exists."""
        path = tuple(path)
        positions = self.positions
        if key and path + ("__key__",) in positions:
            return positions[path + ("__key__",)]
        if not key and path and path not in positions and path + ("__key__",) in positions:
            return positions[path + ("__key__",)]
        probe = path
        while probe:
            if probe in positions:
                return positions[probe]
            probe = probe[:-1]
        return positions.get((), (1, 1))

    def problem(self, path: Sequence, message: str, hint: str = "", *, key: bool = False,
                field: str | None = None) -> Problem:
        """A :class:`Problem` at ``path`` (named ``field``, or the path as text)."""
        line, column = self.position(path, key=key)
        return Problem(self.file, line, column, path_text(path) if field is None else field, message, hint)

    def duplicate_key_problems(self, name: Callable[[tuple], str] = path_text) -> list[Problem]:
        """One problem for each key written twice in the same place (its field named by ``name(path)``)."""
        return [Problem(self.file, line, column, name(path), "this key appears twice in the same place",
                        "Keep one of them: the second would silently replace the first.")
                for path, (line, column) in self.duplicates]


def _load(text: str) -> tuple[yaml.Node | None, Any]:
    """Compose and construct one document: with libyaml's parser, and again in pure Python on an error.

    The second reading gives the same words for a YAML mistake on every machine (libyaml words
    some errors differently), and accepts the few things only PyYAML's own parser accepts. It is
    skipped when the mistake comes after more than ``_RETRY_NODES`` values (far more than any real
    case holds), which pure Python would take seconds to read again: libyaml's words are kept then.
    """
    for loader_class in _LOADERS:
        loader = loader_class(text)
        try:
            node = loader.get_single_node()
            return node, (loader.construct_document(node) if node is not None else None)
        except _Refused:
            raise
        except yaml.YAMLError:
            if loader_class is _LOADERS[-1] or loader._nodes > _RETRY_NODES:
                raise
        finally:
            loader.dispose()
    raise AssertionError("unreachable")  # pragma: no cover


def parse_yaml_text(text: str, file: str, kind: FileKind) -> YamlDocument:
    """Parse YAML text safely (within the limits) into a :class:`YamlDocument`.

    Raises
    ------
    YamlFileError
        ``kind.error``, with one plain problem when the text is empty, not YAML, holds a tag,
        or goes over a limit.
    """
    if not text.strip():
        raise kind.whole_file(file, "the file is empty", kind.start_hint)
    try:
        node, data = _load(text)
    except _Refused as error:
        mark = error.mark
        raise kind.whole_file(file, error.message, error.hint, mark.line + 1 if mark else 0,
                              mark.column + 1 if mark else 0) from None
    except yaml.constructor.ConstructorError as error:
        mark = error.problem_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (0, 0)
        if "constructor for the tag" not in (error.problem or ""):
            raise kind.whole_file(file, f"this is not valid {kind.formats} ({error.problem})", kind.syntax_hint,
                                  line, column) from None
        quoted = re.findall(r"'([^']*)'", error.problem or "")
        tag = quoted[-1].replace("tag:yaml.org,2002:", "!!") if quoted else "unknown tag"
        is_python = "python" in (error.problem or "")
        message = (f"the file contains a Python object tag ({tag}) and was refused; nothing in it was run"
                   if is_python else f"the file uses a YAML tag the toolkit does not accept ({tag})")
        tag_hint = kind.tag_hint or (f"{kind.noun[0].upper()}{kind.noun[1:]}s hold plain text, numbers and lists "
                                     "only: remove the '!!' tag.")
        raise kind.whole_file(file, message, tag_hint, line, column) from None
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark
        raise kind.whole_file(file, f"this is not valid {kind.formats} ({error.problem})", kind.syntax_hint,
                              mark.line + 1 if mark else 0, mark.column + 1 if mark else 0) from None
    except yaml.YAMLError as error:
        raise kind.whole_file(file, f"this is not valid {kind.formats} ({error})",
                              kind.unreadable_hint or kind.syntax_hint) from None
    if data is None:
        raise kind.whole_file(file, "the file has no content (only comments or blank lines)", kind.start_hint)
    positions, duplicates = _positions(node)
    return YamlDocument(file, data, positions, tuple(duplicates))


def read_yaml_file(path: str | Path, kind: FileKind, name: str | None = None) -> YamlDocument:
    """Read a file (UTF-8, at most :data:`MAX_FILE_BYTES`) and parse it with :func:`parse_yaml_text`.

    Parameters
    ----------
    path : str or Path
        The file.
    kind : FileKind
        Which kind of file, for the words of each message and the error class.
    name : str, optional
        The name to show in messages (default: ``path`` as given).

    Raises
    ------
    YamlFileError
        ``kind.error``: no file, a folder, too big, not UTF-8, or any problem of :func:`parse_yaml_text`.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> f = pathlib.Path(tempfile.mkdtemp()) / "w.yaml"
    >>> _ = f.write_bytes(b"a: [1, 2]\\n")
    >>> read_yaml_file(f, SCENARIO_FILE).data
    {'a': [1, 2]}
    """
    file_path = Path(path)
    name = str(path) if name is None else name
    if not file_path.exists():
        raise kind.whole_file(name, kind.missing_message, kind.missing_hint)
    if file_path.is_dir():
        raise kind.whole_file(name, f"this is a folder, not a {kind.noun if 'file' in kind.noun else kind.noun + ' file'}",
                              "Give the path of one .yaml file inside it.")
    size = file_path.stat().st_size
    if size > MAX_FILE_BYTES:
        raise kind.whole_file(name, f"the file is {size / 1_000_000:.1f} MB, more than the 1 MB a {kind.noun} may be",
                              kind.size_hint)
    try:
        raw = file_path.read_bytes()
    except OSError as error:
        raise kind.whole_file(name, f"the file could not be read ({error.strerror or error})",
                              "Check the file is there and you may open it.") from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        raise kind.whole_file(name, "the file is not saved as UTF-8 text",
                              "Save it again as UTF-8 (in most editors: Save As, Encoding: UTF-8).", line, 1) from None
    if text.startswith("\ufeff"):
        text = text[1:]
    return parse_yaml_text(text, name, kind)


# --------------------------------------------------------------------------- advice


def did_you_mean(value: object, options: Iterable[str], *, list_up_to: int = 12, otherwise: str = "") -> str:
    """A hint for a value that is not one of ``options``: the close match, else the list, else ``otherwise``.

    Examples
    --------
    >>> did_you_mean("gran", ["dev", "aunt_jo"])
    'Use one of: aunt_jo, dev.'
    """
    choices = sorted(set(options))
    close = difflib.get_close_matches(str(value), choices, n=1, cutoff=0.6)
    if close:
        return f"Did you mean '{close[0]}'?"
    if choices and len(choices) <= list_up_to:
        return "Use one of: " + ", ".join(choices) + "."
    return otherwise


def _model_at(root: type[BaseModel], path: Sequence) -> type[BaseModel] | None:
    """The pydantic model class expected at ``path`` below ``root`` (for suggestions)."""
    from .model import _submodels

    model = root
    for part in path:
        if isinstance(part, int):
            continue
        field_info = model.model_fields.get(str(part))
        if field_info is None:
            return None
        subs = _submodels(field_info.annotation)
        if not subs:
            return None
        model = subs[0]
    return model


def _field_description(root: type[BaseModel], path: Sequence) -> str:
    parent = _model_at(root, path[:-1])
    if parent is None or not path:
        return ""
    field_info = parent.model_fields.get(str(path[-1]))
    return (field_info.description or "") if field_info else ""


def _hint_for(root: type[BaseModel], error: Mapping[str, Any], path: tuple) -> str:
    kind = error["type"]
    if kind == "extra_forbidden":
        parent = _model_at(root, path[:-1])
        allowed = sorted(parent.model_fields) if parent else []
        close = difflib.get_close_matches(str(path[-1]), allowed, n=1, cutoff=0.6)
        if close:
            return f"Did you mean '{close[0]}'?"
        return "Remove it, or use one of: " + ", ".join(allowed) + "."
    description = _field_description(root, path)
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


def _clean_message(error: Mapping[str, Any], noun: str) -> str:
    kind = error["type"]
    given = error.get("input")
    if kind == "extra_forbidden":
        return f"this key is not part of the {noun} format"
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


def problems_from_validation(error: ValidationError, doc: YamlDocument, root: type[BaseModel],
                             noun: str = "scenario", prefix: tuple = ()) -> list[Problem]:
    """Turn pydantic's errors (for data validated as ``root``) into :class:`Problem` objects.

    Each names the file, line, column and field, in plain words, with what to write instead: the
    field's own description, the allowed values, or "Did you mean …" for a mistyped key or value.
    ``prefix`` is the path of the validated data inside the document.

    Examples
    --------
    >>> from pydantic import BaseModel, ConfigDict
    >>> class Entry(BaseModel):
    ...     model_config = ConfigDict(extra="forbid")
    ...     task: str
    >>> doc = parse_yaml_text("tsak: call\\n", "plan.yaml", SCENARIO_FILE)
    >>> try:
    ...     Entry.model_validate(doc.data)
    ... except ValidationError as error:
    ...     for p in problems_from_validation(error, doc, Entry, "plan"):
    ...         print(p)
    plan.yaml:1:1: task: this field is required but missing. Add it.
    plan.yaml:1:1: tsak: this key is not part of the plan format. Did you mean 'task'?
    """
    problems = []
    for item in error.errors(include_url=False):
        path = tuple(part for part in item["loc"] if not (isinstance(part, str) and part.startswith("function-")))
        is_key = item["type"] == "extra_forbidden"
        line, column = doc.position(prefix + path, key=is_key)
        problems.append(Problem(doc.file, line, column, path_text(prefix + path), _clean_message(item, noun),
                                _hint_for(root, item, path)))
    return problems
