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
from dataclasses import asdict, dataclass, field, replace
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
    "field_name",
    "ordinal",
    "id_from_words",
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
#: How many of a file's field problems are worked out and listed. A file with thousands of mistakes (usually one
#: mistake copied down a long list) gets the first ones and a count of the rest: nobody reads 30,000 lines, and
#: working out advice for each would take seconds.
MAX_LISTED = 200


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
    path : str
        The same place as a path for programs, e.g. ``people[2].domain`` (``field`` is for people).

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
    path: str = ""

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


def problem_lines(problems: Sequence[Problem]) -> list[str]:
    """One line per problem, at most :data:`MAX_LISTED` of them, then one line counting the rest.

    Examples
    --------
    >>> lines = problem_lines([Problem("w.yaml", n, 1, "", "a mistake") for n in range(1, MAX_LISTED + 3)])
    >>> len(lines), lines[-1]
    (201, '… and 2 more, not listed here. Fix the ones above first, then check the file again.')
    """
    lines = [str(problem) for problem in problems[:MAX_LISTED]]
    if len(problems) > MAX_LISTED:
        lines.append(f"… and {len(problems) - MAX_LISTED:,} more, not listed here. Fix the ones above first, "
                     "then check the file again.")
    return lines


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
        body = "\n".join(f"  {line}" for line in problem_lines(self.problems))
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


def _positions(node: yaml.Node | None) -> tuple[dict[tuple, tuple[int, int]], list[tuple[tuple, tuple[int, int]]],
                                                dict[tuple, str]]:
    """Map every path in the document to its (line, column), list duplicate keys, and keep each plain value's text."""
    positions: dict[tuple, tuple[int, int]] = {}
    duplicates: list[tuple[tuple, tuple[int, int]]] = []
    texts: dict[tuple, str] = {}

    def walk(n: yaml.Node, path: tuple) -> None:
        positions.setdefault(path, _mark(n))
        if isinstance(n, yaml.ScalarNode) and not n.style:  # plain (libyaml says "", PyYAML None)
            texts.setdefault(path, n.value)
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
    return positions, duplicates, texts


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
    texts : mapping
        Path → the text of a plain (unquoted) value as written (``07700900101`` before it became a number).
    syntax_problems : tuple of Problem
        YAML mistakes the reader stepped over to read the rest (only with ``recover=True``).
    skipped : tuple
        What was left out to read the rest: ``(section, key)`` pairs, where ``key`` is the key of a line
        left out in that top-level section (``"-"`` for a list item, None for the whole section). A check
        leaves out the problems these cause (a "missing" field only missing because its line was unreadable).
    guessed_lines : tuple of int
        Lines read as guessed (the text put in quotes): the YAML mistake already says what to write there,
        so a check leaves out what it finds in the guess.
    """

    file: str
    data: Any
    positions: Mapping[tuple, tuple[int, int]] = field(default_factory=dict, repr=False)
    duplicates: tuple[tuple[tuple, tuple[int, int]], ...] = ()
    texts: Mapping[tuple, str] = field(default_factory=dict, repr=False)
    syntax_problems: tuple[Problem, ...] = ()
    skipped: tuple[tuple[str, str | None], ...] = ()
    guessed_lines: tuple[int, ...] = ()

    def source_text(self, path: Sequence) -> str | None:
        """The value at ``path`` as written in the file, when it was written without quotes."""
        return self.texts.get(tuple(path))

    def field_name(self, path: Sequence) -> str:
        """The field at ``path`` as a person finds it (see :func:`field_name`)."""
        return field_name(self.data, path)

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
        return Problem(self.file, line, column, self.field_name(path) if field is None else field, message, hint,
                       path_text(path))

    def duplicate_key_problems(self, name: Callable[[tuple], str] | None = None) -> list[Problem]:
        """One problem for each key written twice in the same place (its field named by ``name(path)``)."""
        return [Problem(self.file, line, column, (name or self.field_name)(path),
                        "this key appears twice in the same place",
                        "Keep one of them: the second would silently replace the first.", path_text(path))
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


#: How many YAML mistakes the reader steps over (each by a repair or a blanked line) before it stops.
_MAX_REPAIRS = 20

_KEY_LINE = re.compile(r"^(\s*(?:-\s+)?)([^\s:#'\"\[\]{},][^:#]*?):(?:\s+(.*?))?\s*$")
_NO_SPACE = re.compile(r"^(\s*(?:-\s+)?)([A-Za-z_][\w-]*):([^\s:/].*?)\s*$")
_QUOTED_START = re.compile(r"^(\s*(?:-\s+)?(?:[^\s:#'\"\[\]{},][^:#]*?:\s+)?)([\"'])(.*?)\s*$")
#: What YAML counts as the end of a line (its marks count lines by these).
_LINE_BREAK = re.compile("(\r\n|[\r\n\x85\u2028\u2029])")
_SECTION = re.compile(r"^([^\s#\-\[\]{}'\"][^:#]*?)\s*:(?:\s|$)")


def _quote_before(text: str, mark: Any) -> Any:
    """The quoted text (a scalar token) that ends just before ``mark``, or None."""
    last = None
    try:
        for token in yaml.scan(text, Loader=yaml.SafeLoader):
            if token.start_mark.index >= mark.index:
                break
            last = token
    except yaml.YAMLError:
        pass
    return last if isinstance(last, yaml.ScalarToken) and last.style in ("'", '"') else None


def _unclosed_quote(file: str, invalid: str, lines: list[str], start: Any,
                    until: int | None) -> tuple[Problem, int, str]:
    """A quote opened on one line and not closed there: the problem at the quote, and its line closed."""
    line = lines[start.line] if start.line < len(lines) else ""
    quote = line[start.column] if start.column < len(line) else '"'
    ends = (f", so everything up to the next {quote} (line {until + 1}) was read as one text"
            if until is not None else "")
    return (Problem(file, start.line + 1, start.column + 1, "", f"{invalid}: the quote opened here is not closed on "
                    f"this line{ends}", f"Put a closing {quote} at the end of the text on this line, or leave out "
                    "the quotes"), start.line, line.rstrip() + quote)


def _syntax_problem(error: yaml.MarkedYAMLError, lines: list[str], file: str,
                    kind: FileKind, text: str = "") -> tuple[Problem, int, str | None]:
    """The problem for one YAML mistake, the (0-based) line it is on, and that line as the coach meant it.

    The meant line (None when it cannot be guessed) is the repair: the same text in quotes, or with a
    space after a colon. The reader uses it to read on and find the file's other problems.
    """
    mark = error.problem_mark
    at = mark.line if mark else 0
    column = mark.column if mark else 0
    line = lines[at] if at < len(lines) else ""
    problem_words = error.problem or ""
    here = (at + 1, column + 1) if mark else (0, 0)
    invalid = f"this is not valid {kind.formats}"
    default = Problem(file, *here, "", f"{invalid} ({problem_words})", kind.syntax_hint)

    if problem_words == "mapping values are not allowed here":
        found = _KEY_LINE.match(line)
        key_end = len(found.group(1)) + len(found.group(2)) if found else -1
        if found and found.group(3) and key_end < column:
            prefix, key, value = found.groups()
            meant = f"{prefix}{key}: {_quoted(value)}"
            return (Problem(file, *here, "", f"{invalid}: the colon and space inside this text make it read as a new "
                            "'key: value'", f"Put the whole text in quotes: {meant.strip()}"), at, meant)
        return default, at, None

    if error.context == "while scanning a quoted scalar" and error.context_mark is not None:
        return _unclosed_quote(file, invalid, lines, error.context_mark, None)
    if "but found '<scalar>'" in problem_words or "but got '<scalar>'" in problem_words:
        before = line[:column].rstrip()
        token = _quote_before(text, mark) if text and mark is not None and before.endswith(("'", '"')) else None
        if token is not None and token.start_mark.line < token.end_mark.line:
            return _unclosed_quote(file, invalid, lines, token.start_mark, token.end_mark.line)
        found = _QUOTED_START.match(line)
        if before.endswith(("'", '"')) and found and "flow" not in (error.context or ""):
            prefix, quote, rest = found.groups()
            whole = quote + rest
            if quote == "'" and whole.endswith("'") and len(whole) > 1:  # an apostrophe ends 'it's' early
                inner = whole[1:-1]
                meant = prefix + _quoted(inner.replace("''", "'"))
                return (Problem(file, *here, "",
                                f"{invalid}: the apostrophe inside this text ends its single quotes early",
                                f"Put the text in double quotes instead: {meant.strip()}"), at, meant)
            plain = whole.replace(quote, "")
            meant = prefix + _quoted(whole)
            whole_text = (prefix + _quoted(plain)).strip()
            return (Problem(file, *here, "", f"{invalid}: the quotes end before the text does, so the words after them "
                            "cannot be read", f"Put the quotes round the whole text: {whole_text} "
                            f"(to keep the quote marks, write {meant.strip()})"), at, meant)
        if before.endswith(("'", '"')):
            return (replace(default, message=f"{invalid}: the quotes end before the text does, so the words after them "
                            "cannot be read", hint="Put the quotes round the whole text."), at, None)

    if problem_words.startswith("expected <block end>, but found") and "<scalar>" not in problem_words:
        return (replace(default, message=f"{invalid}: this line is not lined up with the lines above it",
                        hint="Indent it with the same number of spaces as the other entries at its level "
                        "(spaces, not tabs)."), at, None)
    if "found character '\\t'" in problem_words:
        untabbed = line.lstrip("\t ")
        before = [text for text in lines[:at] if text.strip() and not text.lstrip().startswith("#")]
        top_level = not before or (not before[-1][0].isspace() and not before[-1].rstrip().endswith(":"))
        return (replace(default, message=f"{invalid}: this line is indented with a tab, which YAML does not allow",
                        hint="Indent with spaces only (most editors can turn tabs into spaces)."), at,
                untabbed if top_level and _SECTION.match(untabbed) and line.startswith("\t") else None)

    opened = {"while parsing a flow sequence": ("list", "[", "]"), "while parsing a flow mapping": ("set", "{", "}")}
    if error.context in opened and problem_words.startswith("expected ',' or") and error.context_mark is not None:
        what, left, right = opened[error.context]
        start = error.context_mark
        first = lines[start.line] if start.line < len(lines) else ""
        unclosed = first.count(left) > first.count(right) and (mark is None or mark.line > start.line)
        return (Problem(file, *here, "", f"{invalid}: the {what} opened with '{left}' on line {start.line + 1} "
                        f"is not closed with '{right}'", f"Put '{right}' at the end of the {what}, and a comma between "
                        "its entries"), start.line, (first.rstrip() + right) if unclosed else None)

    if problem_words.startswith("could not find expected ':'") and error.context_mark is not None:
        start = error.context_mark
        first = lines[start.line] if start.line < len(lines) else ""
        found = _NO_SPACE.match(first)
        where = (start.line + 1, start.column + 1)
        if found:
            prefix, key, value = found.groups()
            meant = f"{prefix}{key}: {value}"
            return (Problem(file, *where, "", f"{invalid}: there is no space after the colon in '{key}:{value}', so it "
                            "does not read as 'key: value'", f"Put a space after the colon: {key}: {value}"),
                    start.line, meant)
        return (Problem(file, *where, "", f"{invalid}: this line has no 'key: value' colon where one is needed",
                        "Write it as 'key: value'; if it continues the text above, put that text in quotes "
                        "or indent it further."), start.line, None)
    return default, at, None


def _section_of(lines: list[str], at: int) -> tuple[int, int, str]:
    """The top-level section (``people:`` down to the next one) holding line ``at``: (first, end, name)."""
    first = at
    while first > 0 and not _SECTION.match(lines[first]):
        first -= 1
    found = _SECTION.match(lines[first])
    end = at + 1
    while end < len(lines) and not _SECTION.match(lines[end]):
        end += 1
    return first, end, (found.group(1).strip() if found else "")


def _whole_file_problem(error: Exception, file: str, kind: FileKind) -> Problem:
    """The one problem for a file that cannot be read at all (over a limit, a tag, no YAML)."""
    if isinstance(error, _Refused):
        mark = error.mark
        return Problem(file, mark.line + 1 if mark else 0, mark.column + 1 if mark else 0, "", error.message,
                       error.hint)
    if isinstance(error, yaml.constructor.ConstructorError):
        mark = error.problem_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (0, 0)
        if "constructor for the tag" not in (error.problem or ""):
            return Problem(file, line, column, "", f"this is not valid {kind.formats} ({error.problem})",
                           kind.syntax_hint)
        quoted = re.findall(r"'([^']*)'", error.problem or "")
        tag = quoted[-1].replace("tag:yaml.org,2002:", "!!") if quoted else "unknown tag"
        is_python = "python" in (error.problem or "")
        message = (f"the file contains a Python object tag ({tag}) and was refused; nothing in it was run"
                   if is_python else f"the file uses a YAML tag the toolkit does not accept ({tag})")
        tag_hint = kind.tag_hint or (f"{kind.noun[0].upper()}{kind.noun[1:]}s hold plain text, numbers and lists "
                                     "only: remove the '!!' tag.")
        return Problem(file, line, column, "", message, tag_hint)
    return Problem(file, 0, 0, "", f"this is not valid {kind.formats} ({error})", kind.unreadable_hint or kind.syntax_hint)


def parse_yaml_text(text: str, file: str, kind: FileKind, *, recover: bool = False) -> YamlDocument:
    """Parse YAML text safely (within the limits) into a :class:`YamlDocument`.

    A YAML mistake gets a message a person can act on (a colon inside text: put it in quotes; quotes
    round only part of the text; no space after a colon), at the line and column where it is.

    With ``recover``, a YAML mistake does not hide the rest of the file: the reader reads the line
    as the coach meant it (the text in quotes, a space after the colon) or, when it cannot guess,
    leaves the line out (and then, if that is not enough, its whole top-level section), and reads
    on, up to :data:`_MAX_REPAIRS` times. The document it returns holds every mistake in
    ``syntax_problems`` (and one problem for each section it could not check) and what it left out
    in ``skipped``, so that later checks still find the file's other problems, but not the ones the
    left-out lines cause.

    Raises
    ------
    YamlFileError
        ``kind.error``, with one plain problem when the text is empty, not YAML, holds a tag,
        or goes over a limit (without ``recover``: at the first YAML mistake; with it: when the
        file cannot be read on from its mistakes).

    Examples
    --------
    >>> doc = parse_yaml_text("a:\\n  b: Zoë: her gran\\n  c:1\\nd: 2\\n", "x.yaml", SCENARIO_FILE, recover=True)
    >>> doc.data
    {'a': {'b': 'Zoë: her gran', 'c': 1}, 'd': 2}
    >>> for problem in doc.syntax_problems:
    ...     print(problem)
    x.yaml:2:9: a.b: this is not valid YAML: the colon and space inside this text make it read as a new 'key: value'. Put the whole text in quotes: b: "Zoë: her gran"
    x.yaml:3:3: a.c: this is not valid YAML: there is no space after the colon in 'c:1', so it does not read as 'key: value'. Put a space after the colon: c: 1
    """
    if not text.strip():
        raise kind.whole_file(file, "the file is empty", kind.start_hint)
    parts = _LINE_BREAK.split(text)
    lines, breaks = parts[0::2], parts[1::2] + [""]
    found: list[Problem] = []
    skipped: list[tuple[str, str | None]] = []
    touched: set[int] = set()
    blanked_sections: set[int] = set()
    last_blank: int | None = None
    guessed: list[int] = []
    mistake_lines: dict[int, int] = {}  # id of a YAML mistake's problem → the line it is on
    node = data = None
    for attempt in range(_MAX_REPAIRS + 1):
        try:
            current = "".join(line + end for line, end in zip(lines, breaks)) if attempt else text
            node, data = _load(current)
            break
        except (_Refused, yaml.constructor.ConstructorError) as error:
            raise kind.error(found + [_whole_file_problem(error, file, kind)]) from None
        except yaml.MarkedYAMLError as error:
            problem, at, meant = _syntax_problem(error, lines, file, kind, current)
            at = min(at, len(lines) - 1)
            if not recover:
                raise kind.error([problem]) from None
            if attempt == _MAX_REPAIRS:
                raise kind.error(found + [problem] + _unchecked(lines, at, file)) from None
            first, end, section = _section_of(lines, at)
            if last_blank is not None and not (meant is not None and not first <= last_blank < end):
                # the line left out did not end the mistake: leave out its whole section, then look again
                first, end, section = _section_of(lines, last_blank)
                follows_a_blank, last_blank = True, None
            else:
                follows_a_blank = any(first <= line < end for line in touched if not lines[line].strip())
            if not follows_a_blank and all(p.line != problem.line for p in found):
                found.append(problem)
                mistake_lines[id(problem)] = at + 1
            if meant is not None and at not in touched and not follows_a_blank:
                if meant.replace(" ", "") != lines[at].replace(" ", ""):  # more than a space added: a guess
                    guessed.append(at + 1)
                lines[at] = meant
            elif at not in touched and not follows_a_blank and at != first:
                key = _KEY_LINE.match(lines[at])
                skipped.append((section, key.group(2).strip() if key else "-"))
                lines[at] = ""
                last_blank = at
            elif first not in blanked_sections and section:
                blanked_sections.add(first)
                skipped.append((section, None))
                found.append(Problem(file, first + 1, 1, section, "this section could not be checked because of "
                                     "the YAML mistake in it", "Fix that mistake and check the file again."))
                lines[first:end] = [""] * (end - first)
            else:
                shown = found if any(p.line == problem.line for p in found) else found + [problem]
                raise kind.error(shown + _unchecked(lines, at, file)) from None
            touched.add(at)
        except yaml.YAMLError as error:
            raise kind.error(found + [_whole_file_problem(error, file, kind)]) from None
    if data is None or (found and not isinstance(data, dict)):
        if found:
            raise kind.error(found)
        raise kind.whole_file(file, "the file has no content (only comments or blank lines)", kind.start_hint)
    positions, duplicates, texts = _positions(node)
    found = [_with_field(problem, data, positions, mistake_lines.get(id(problem))) for problem in found]
    return YamlDocument(file, data, positions, tuple(duplicates), texts, tuple(found), tuple(skipped), tuple(guessed))


def _with_field(problem: Problem, data: Any, positions: Mapping[tuple, tuple[int, int]],
                line: int | None) -> Problem:
    """A YAML mistake on a line the reader then read: named by the field on that line, as every other problem.

    ``line`` is the line the mistake is on (for a list left open, where it opens, not where YAML noticed).
    """
    if problem.field or not problem.line or line is None:
        return problem
    here = [(column, len(path), path) for path, (at, column) in positions.items()
            if at == line and path and (line != problem.line or column <= problem.column)]
    if not here:
        return problem
    path = (max(here) if line == problem.line else min(here))[2]
    path = path[:-1] if path[-1] == "__key__" else path
    return replace(problem, field=field_name(data, path), path=path_text(path))


def _unchecked(lines: list[str], at: int, file: str) -> list[Problem]:
    """When the reader stops at a YAML mistake: one problem saying how many sections after it were not checked."""
    names = [match.group(1).strip() for line in lines[at + 1:] if (match := _SECTION.match(line))]
    if not names:
        return []
    return [Problem(file, 0, 0, "", f"{len(names)} section{'s' if len(names) != 1 else ''} after this mistake "
                    f"could not be checked ({', '.join(names)})", "Fix the mistake and check the file again.")]


def read_yaml_file(path: str | Path, kind: FileKind, name: str | None = None, *, recover: bool = False) -> YamlDocument:
    """Read a file (UTF-8, at most :data:`MAX_FILE_BYTES`) and parse it with :func:`parse_yaml_text`.

    Parameters
    ----------
    path : str or Path
        The file.
    kind : FileKind
        Which kind of file, for the words of each message and the error class.
    name : str, optional
        The name to show in messages (default: ``path`` as given).
    recover : bool
        Read on past YAML mistakes (see :func:`parse_yaml_text`).

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
    return parse_yaml_text(text, name, kind, recover=recover)


# --------------------------------------------------------------------------- advice

#: Words that turn a value into its opposite when put in front of it (``unsafe`` is not ``safe``).
_NEGATIONS = ("not_", "not", "non_", "non", "un", "no_", "in", "dis", "never_")


def _opposites(one: str, other: str) -> bool:
    """Whether ``one`` and ``other`` differ only by a word that reverses the meaning.

    Examples
    --------
    >>> _opposites("unsafe", "safe"), _opposites("needed", "not_needed"), _opposites("frends", "friends")
    (True, True, False)
    """
    a, b = one.lower().replace("-", "_").replace(" ", "_"), other.lower().replace("-", "_").replace(" ", "_")
    for longer, shorter in ((a, b), (b, a)):
        for word in _NEGATIONS:
            if longer.startswith(word) and longer[len(word):].lstrip("_") == shorter:
                return True
    return False


def _close_match(value: object, options: Iterable[str]) -> str | None:
    """The option closest to ``value`` (None when nothing is close, or when the closest means the opposite)."""
    if not isinstance(value, (str, int, float)) or isinstance(value, bool):
        return None
    close = difflib.get_close_matches(str(value), sorted(set(options)), n=1, cutoff=0.6)
    if not close or _opposites(str(value), close[0]):
        return None
    return close[0]


def did_you_mean(value: object, options: Iterable[str], *, list_up_to: int = 12, otherwise: str = "") -> str:
    """A hint for a value that is not one of ``options``: the close match, else the list, else ``otherwise``.

    A match that would reverse the meaning (``unsafe`` → ``safe``) is never suggested: the choices
    are listed instead.

    Examples
    --------
    >>> did_you_mean("gran", ["dev", "aunt_jo"])
    'Use one of: aunt_jo, dev.'
    >>> did_you_mean("unsafe", ["safe", "to_explore", "worry"])
    'Use one of: safe, to_explore, worry.'
    """
    choices = sorted(set(options))
    close = _close_match(value, choices)
    if close:
        return f"Did you mean '{close}'?"
    if choices and len(choices) <= list_up_to:
        return "Use one of: " + ", ".join(choices) + "."
    return otherwise


# --------------------------------------------------------------------------- naming a place as a person finds it

#: How one item of each list is called ("the 3rd person").
_ITEM_NOUNS = {
    "people": "person", "ties": "tie", "cards": "card", "harm_statements": "harm statement",
    "worry_statements": "worry statement", "safety_goals": "safety goal", "perspectives": "number",
    "tasks": "task", "model_plan": "entry", "events": "event", "meetings": "meeting", "scores": "number",
    "timings": "timing", "available": "time", "dates": "date", "weekly": "day", "days": "day",
    "backups": "backup", "learning_goals": "learning goal", "what_matters": "line", "worries": "line",
    "good_things": "line", "dreams": "line", "red_flags": "red flag", "next_steps": "next step",
    "found_by": "entry", "joins": "person", "steps_back": "person", "agreed_by": "person",
    "disagreed_by": "person", "about": "person", "discussion_questions": "question", "notes": "note",
    "common_mistakes": "mistake",
}


def ordinal(number: int) -> str:
    """``1`` → ``1st``, ``2`` → ``2nd``, ``11`` → ``11th``.

    Examples
    --------
    >>> [ordinal(n) for n in (1, 2, 3, 4, 11, 12, 13, 21, 22)]
    ['1st', '2nd', '3rd', '4th', '11th', '12th', '13th', '21st', '22nd']
    """
    if 10 <= number % 100 <= 20:
        return f"{number}th"
    return f"{number}{ {1: 'st', 2: 'nd', 3: 'rd'}.get(number % 10, 'th')}"


def _item_words(key: str, index: int, item: Any) -> str:
    noun = _ITEM_NOUNS.get(key) or (key[:-1].replace("_", " ") if key.endswith("s") else "entry")
    place = f"the {ordinal(index + 1)} {noun}"
    if not isinstance(item, dict):
        return place
    a, b = item.get("a"), item.get("b")
    if key == "ties" and isinstance(a, str) and isinstance(b, str):
        return f"the tie between {a} and {b} ({place})"
    for name, words in (("id", "'{}'"), ("who", "from '{}'"), ("task", "for '{}'"), ("name", "'{}'"),
                        ("activity", "'{}'")):
        value = item.get(name)
        if isinstance(value, str) and value.strip():
            return f"the {noun} {words.format(value.strip())} ({place})"
    return place


def field_name(data: Any, path: Iterable) -> str:
    """A field as a coach finds it in the file: list items by their id or name, counted from one.

    Examples
    --------
    >>> data = {"people": [{"id": "ciara"}, {"id": "gran", "name": "Gran"}]}
    >>> field_name(data, ("people", 1, "domain"))
    "people: the person 'gran' (the 2nd person), domain"
    >>> field_name({"plan": {"model_plan": [{"task": "t_call"}]}}, ("plan", "model_plan", 0, "backups", 0))
    "plan.model_plan: the entry for 't_call' (the 1st entry), backups: the 1st backup"
    >>> field_name({}, ("meta", "title"))
    'meta.title'
    """
    groups: list[str] = []
    keys: list[str] = []
    current, last_key = data, ""
    for part in path:
        if isinstance(part, int):
            item = current[part] if isinstance(current, list) and 0 <= part < len(current) else None
            words = _item_words(last_key, part, item)
            groups.append((".".join(keys) + ": " if keys else "") + words)
            keys, current = [], item
        else:
            keys.append(str(part))
            last_key = str(part)
            current = current.get(part) if isinstance(current, dict) else None
    if keys:
        groups.append(".".join(keys))
    return ", ".join(groups)


# --------------------------------------------------------------------------- what to write instead of a wrong value


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


def _field_info(root: type[BaseModel], path: Sequence) -> Any:
    """The pydantic ``FieldInfo`` of the last named part of ``path`` (list positions skipped)."""
    named = [part for part in path if not isinstance(part, int)]
    if not named:
        return None
    parent = _model_at(root, named[:-1])
    return parent.model_fields.get(str(named[-1])) if parent is not None else None


def _field_description(root: type[BaseModel], path: Sequence) -> str:
    field_info = _field_info(root, path)
    return (field_info.description or "") if field_info else ""


def _last_key(path: Sequence) -> str:
    named = [str(part) for part in path if not isinstance(part, int)]
    return named[-1] if named else "value"


def _bounds(field_info: Any) -> tuple[Any, Any]:
    low = high = None
    for rule in getattr(field_info, "metadata", ()):
        low = getattr(rule, "ge", low) if getattr(rule, "ge", None) is not None else low
        high = getattr(rule, "le", high) if getattr(rule, "le", None) is not None else high
    return low, high


_NUMBER_WORDS = {word: number for number, word in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
    "seventeen eighteen nineteen twenty".split())}
_MONTHS = ("January February March April May June July August September October November December").split()


def _number_example(given: Any, field_info: Any, whole: bool) -> str:
    """A number for an example: the coach's own (``63 years`` → 63, ``eight`` → 8) if it fits, else one in range."""
    low, high = _bounds(field_info)
    text = str(given).strip().lower()
    found = re.search(r"-?\d+(?:\.\d+)?", text)
    candidates = []
    if found:
        candidates.append(float(found.group()))
    candidates.extend(float(_NUMBER_WORDS[word]) for word in re.findall(r"[a-z]+", text) if word in _NUMBER_WORDS)
    default = getattr(field_info, "default", None)
    if isinstance(default, (int, float)) and not isinstance(default, bool):
        candidates.append(float(default))
    if low is not None and high is not None:
        candidates.append(float(low + (high - low) // 4 if whole else (low + high) / 4))
    candidates.append(2.0)
    for number in candidates:
        if (low is None or number >= low) and (high is None or number <= high) and (not whole or number == int(number)):
            return str(int(number)) if number == int(number) else str(number)
    return "2"


def _date_example(given: Any) -> str:
    """``6/3/2027`` → ``for 6 March 2027, write 2027-03-06`` (dates are read day first, as in the UK)."""
    found = re.fullmatch(r"\s*(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{2}|\d{4})\s*", str(given))
    if found:
        day, month, year = (int(found.group(i)) for i in (1, 2, 3))
        if month > 12 >= day:  # written month first
            day, month = month, day
        year += 2000 if year < 100 else 0
        if 1 <= month <= 12 and 1 <= day <= 31:
            return f"for {day} {_MONTHS[month - 1]} {year}, write {year}-{month:02d}-{day:02d}"
    return "e.g. 2027-03-06 for 6 March 2027"


def _time_example(given: Any) -> str:
    """``3pm`` → ``15:00``, ``9:00`` → ``09:00``, ``1530`` → ``15:30``; empty when it cannot be read."""
    text = str(given).strip().lower().replace(" ", "")
    found = re.fullmatch(r"(\d{1,2})(?:[:.h]?(\d{2}))?(am|pm)?", text)
    if not found:
        return ""
    hours, minutes = int(found.group(1)), int(found.group(2) or 0)
    if found.group(3) == "pm" and hours < 12:
        hours += 12
    elif found.group(3) == "am" and hours == 12:
        hours = 0
    if hours > 23 or minutes > 59 or (found.group(2) is None and found.group(3) is None):
        return ""
    return f"{hours:02d}:{minutes:02d}"


def id_from_words(given: Any) -> str:
    """An id made from a coach's own words: lower case, underscores between the words.

    Examples
    --------
    >>> id_from_words("Gran Ada"), id_from_words("Uncle Dev (friend)"), id_from_words("2nd carer")
    ('gran_ada', 'uncle_dev_friend', 'p_2nd_carer')
    """
    words = re.findall(r"[a-z0-9]+", str(given).lower())
    text = "_".join(words)[:60].strip("_")
    if text and not text[0].isalpha():
        text = "p_" + text
    return text


def _quoted(text: str) -> str:
    """``text`` in the quotes that keep it as it is: double quotes, or single ones when it holds a double quote."""
    if '"' in text and "\\" not in text:
        return "'" + text.replace("'", "''") + "'"
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _model_example(model: type[BaseModel], given: Any) -> str:
    """``safety: safe`` → ``{status: safe, reason: …}``: the coach's word put in the field it belongs to."""
    parts, used = [], False
    for name, info in model.model_fields.items():
        choices = [str(choice) for choice in _literal_choices(info.annotation)]
        if not used and isinstance(given, str) and given in choices:
            parts.append(f"{name}: {given}")
            used = True
        elif info.is_required() or (used and len(parts) < 2):
            parts.append(f"{name}: …")
    if not parts:
        parts = [f"{name}: …" for name in list(model.model_fields)[:2]]
    return "{" + ", ".join(parts) + "}"


def _literal_choices(annotation: Any) -> tuple:
    """Every literal choice inside ``annotation`` (``Literal['a', 'b']`` → ``('a', 'b')``)."""
    import typing

    if typing.get_origin(annotation) is typing.Literal:
        return typing.get_args(annotation)
    found: tuple = ()
    for arg in typing.get_args(annotation):
        found += _literal_choices(arg)
    return found


def _join(*sentences: str) -> str:
    """Sentences joined with single spaces, each ending in a full stop (empty ones dropped)."""
    done = []
    for sentence in sentences:
        sentence = sentence.strip()
        if sentence:
            done.append(sentence if sentence[-1] in ".?!)" else sentence + ".")
    return " ".join(done)


def _advice(root: type[BaseModel], error: Mapping[str, Any], path: tuple, doc: YamlDocument | None,
            prefix: tuple, noun: str) -> tuple[str, str]:
    """The message and hint for one pydantic error: what is wrong, and what to write, with an example."""
    kind = error["type"]
    given = error.get("input")
    ctx = error.get("ctx") or {}
    key = _last_key(path)
    info = _field_info(root, path)
    description = (info.description or "") if info is not None else ""
    raw = doc.source_text(prefix + path) if doc is not None else None
    shown = raw if raw is not None else given

    if kind == "extra_forbidden":
        parent = _model_at(root, path[:-1])
        allowed = sorted(parent.model_fields) if parent else []
        name = str(path[-1])
        if ":" in name:
            left, right = (part.strip() for part in name.split(":", 1))
            return (f"this key is not part of the {noun} format",
                    f"Put a space after the colon: {left}: {right}")
        close = _close_match(name, allowed)
        if close:
            return f"this key is not part of the {noun} format", f"Did you mean '{close}'?"
        return f"this key is not part of the {noun} format", "Remove it, or use one of: " + ", ".join(allowed) + "."
    if kind == "missing":
        model = _model_at(root, path)
        what = description or ((model.__doc__ or "").strip().split("\n")[0] if model is not None else "")
        return "this field is required but missing", f"Add it: {what}" if what else "Add it."
    if kind in ("literal_error", "enum"):
        expected = ctx.get("expected", "")
        options = [o.strip().strip("'") for o in str(expected).replace(" or ", ",").split(",") if o.strip()]
        close = _close_match(given, options) if isinstance(given, str) else None
        message = f"{given!r} is not one of the allowed values"
        if close:
            return message, f"Did you mean '{close}'? Choose one of: {expected}."
        return message, f"Choose one of: {expected}."
    if kind == "string_pattern_mismatch":
        message = f"{given!r} is not in the expected form"
        if "HH:MM" in description:
            better = _time_example(given)
            return message, _join("Write a time as HH:MM on the 24-hour clock, e.g. 16:30",
                                  f"Here: {key}: \"{better}\"" if better else "")
        if "lower-case letters" in description or "Short id" in description:
            better = id_from_words(given)
            return message, _join("Write an id in lower-case letters, digits and underscores, starting with a letter",
                                  f"e.g. {better}" if better and better != given else "e.g. gran_ada")
        return message, description or "Check the spelling."
    if kind.startswith("date") or kind.startswith("datetime"):
        detail = ctx.get("error", "")
        impossible = isinstance(given, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", given.strip())
        message = (f"{given!r} is not a valid date ({detail})" if impossible and detail
                   else f"{given!r} is not a valid date in the form fncoach reads")
        how = ("Write a real date as YYYY-MM-DD, e.g. 2027-03-06 for 6 March 2027" if impossible
               else f"Write dates as YYYY-MM-DD: {_date_example(given)}")
        return message, _join(how, re.sub(r",?\s*\(?YYYY-MM-DD\)?", "", description))
    if kind in ("int_parsing", "int_type", "int_from_float"):
        example = _number_example(given, info, whole=True)
        return (f"{shown!r} is not a whole number",
                _join(f"Write a whole number in digits, e.g. {key}: {example}", description))
    if kind in ("float_parsing", "float_type"):
        example = _number_example(given, info, whole=False)
        return f"{shown!r} is not a number", _join(f"Write a number in digits, e.g. {key}: {example}", description)
    if kind in ("bool_parsing", "bool_type"):
        return f"{shown!r} is not true or false", _join(f"Write true or false, e.g. {key}: true", description)
    if kind == "string_type":
        if isinstance(given, dict) and len(given) == 1:
            (left, right), = given.items()
            text = f"{left}: {right}" if right is not None else f"{left}:"
            return ("this text was read as 'key: value' because of the colon and space in it",
                    f"Put the whole text in quotes, e.g. {_quoted(text)}")
        if isinstance(given, (int, float, bool)) or given is None:
            text = raw if raw is not None else ("" if given is None else str(given))
            if not text:
                return "this needs text, but it is empty", _join(f"Write the text after '{key}:'", description)
            reads_as = "true/false" if isinstance(given, bool) else "number"
            return (f"this needs text, but {text} reads as a {reads_as}",
                    f"Put it in quotes: {key}: {_quoted(text)}")
        if isinstance(given, (list, dict)):
            return (f"this needs one piece of text, not a {'list' if isinstance(given, list) else 'set of key: value'}",
                    _join("Write it on one line after the colon, in quotes if it holds a colon", description))
    if kind in ("model_type", "dict_type", "model_attributes_type"):
        model = _model_at(root, path)
        squashed = re.fullmatch(r"([A-Za-z_][\w-]*):(\S.*)", given) if isinstance(given, str) else None
        if model is not None and squashed:
            return (f"there is no space after the colon in {given!r}, so it does not read as 'key: value'",
                    f"Put a space after the colon: {squashed.group(1)}: {squashed.group(2)}")
        if model is not None:
            example = _model_example(model, given)
            fields = ", ".join(model.model_fields)
            words = f"{key} needs its own fields ({fields})"
            if isinstance(given, (str, int, float)):
                words += f", not just {given!r}"
            return words, _join(f"Write it like this: {key}: {example}", description)
    if kind in ("tuple_type", "list_type", "iterable_type", "set_type", "frozen_set_type"):
        shown_item = str(shown) if isinstance(given, (str, int, float)) else "…"
        return (f"{key} should be a list",
                _join(f"Write a list in square brackets, e.g. {key}: [{shown_item}]", description))
    if kind == "too_short":
        least = ctx.get("min_length", 1)
        return (f"{key} needs at least {least} {'entry' if least == 1 else 'entries'}",
                _join(f"Add {'one' if least == 1 else least}", description))
    if kind == "string_too_short":
        least = ctx.get("min_length", 1)
        return (f"this text is too short (at least {least} character{'s' if least != 1 else ''})",
                _join("Write a little more", description))
    if kind in ("string_too_long", "too_long"):
        most = ctx.get("max_length")
        return (f"this is too long (at most {most})" if most is not None else "this is too long",
                _join("Make it shorter", description))
    limits = {"greater_than_equal": ("too small: the smallest allowed is", "ge"),
              "greater_than": ("too small: it must be more than", "gt"),
              "less_than_equal": ("too big: the largest allowed is", "le"),
              "less_than": ("too big: it must be less than", "lt")}
    if kind in limits:
        words, name = limits[kind]
        return f"{shown} is {words} {ctx.get(name)}", description
    message = error["msg"]
    if message.startswith("Value error, "):
        message = message[len("Value error, "):]
    message = message[0].lower() + message[1:] if message else message
    return message, description


def problems_from_validation(error: ValidationError, doc: YamlDocument, root: type[BaseModel],
                             noun: str = "scenario", prefix: tuple = ()) -> list[Problem]:
    """Turn pydantic's errors (for data validated as ``root``) into :class:`Problem` objects.

    Each names the file, line, column and field (list items by their id or name, counted from one),
    in plain words, with what to write instead, in the coach's own terms: the date they wrote as
    YYYY-MM-DD, their word in the field it belongs to, the allowed values, or "Did you mean …" for
    a mistyped key or value (never a value that means the opposite). ``prefix`` is the path of the
    validated data inside the document.

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
    errors = error.errors(include_url=False)
    for number, item in enumerate(errors):
        path = tuple(part for part in item["loc"] if not (isinstance(part, str) and part.startswith("function-")))
        is_key = item["type"] == "extra_forbidden"
        line, column = doc.position(prefix + path, key=is_key)
        if number == MAX_LISTED:  # the rest are counted, not listed (see MAX_LISTED)
            problems.append(Problem(doc.file, line, column, "",
                                    f"from here on, {len(errors) - MAX_LISTED:,} more problems were found and are not "
                                    "listed", "Fix the ones listed first, then check the file again"))
            break
        message, hint = _advice(root, item, path, doc, prefix, noun)
        problems.append(Problem(doc.file, line, column, doc.field_name(prefix + path), message, hint,
                                path_text(prefix + path)))
    return problems
