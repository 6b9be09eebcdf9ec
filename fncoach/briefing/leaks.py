"""The leak guard: nothing that holds a model answer may reach a trainee.

Two guards make sure:

* :func:`trainee_view` blanks every field listed by
  :func:`fncoach.model.facilitator_only_paths` *before* a trainee section is
  built, so a trainee section cannot show what it was never given;
* :func:`find_leaks` looks for the text of every facilitator-only field in a
  finished trainee page (as written, or HTML-escaped in any of the usual
  ways); the briefing refuses to write a page where it finds any.

:func:`self_contained_problems` checks that a page opens offline (no scripts,
links or images from the web, every image with alt text).

Examples
--------
>>> from fncoach.examples import tiny_scenario
>>> s = tiny_scenario()
>>> find_leaks(s, "<p>Nothing to see</p>")
[]
>>> find_leaks(trainee_view(s), "<p>Nothing to see</p>") == [] and facilitator_only_texts(trainee_view(s)) == []
True
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable, Optional, Sequence

from markupsafe import escape
from pydantic import BaseModel

from ..model import Scenario, facilitator_only_paths

__all__ = ["trainee_view", "facilitator_only_texts", "find_leaks", "Leak", "leak_report", "leak_message",
           "self_contained_problems"]


def trainee_view(scenario: Scenario) -> Scenario:
    """A copy of the scenario with every facilitator-only field blanked.

    Text becomes ``""``, lists become ``()``, anything else ``None``. Every
    trainee section is built from this view, so it cannot show a model answer.

    Examples
    --------
    >>> from fncoach.examples import tiny_scenario
    >>> s = tiny_scenario()
    >>> view = trainee_view(s)
    >>> view.sos.cards[0].explanation, view.plan.model_plan, view.facilitator.notes
    ('', (), ())
    >>> view.sos.cards[0].text == s.sos.cards[0].text
    True
    """
    result = scenario
    for path in facilitator_only_paths():
        result = _blank_path(result, path.split("."))
    return result


def _blank_path(obj: Any, parts: Sequence[str]) -> Any:
    if obj is None:
        return None
    head, rest = parts[0], parts[1:]
    is_seq = head.endswith("[]")
    name = head[:-2] if is_seq else head
    value = getattr(obj, name)
    if not rest:
        return obj.model_copy(update={name: _blank_like(value)})
    if value is None:
        return obj
    new = tuple(_blank_path(item, rest) for item in value) if is_seq else _blank_path(value, rest)
    return obj.model_copy(update={name: new})


def _blank_like(value: Any) -> Any:
    if isinstance(value, str):
        return ""
    if isinstance(value, tuple):
        return ()
    return None


def facilitator_only_texts(scenario: Scenario, min_length: int = 12) -> list[str]:
    """Every piece of free text held in a facilitator-only field (at least ``min_length`` characters).

    Short values and single words (a column name such as ``complicating``, a person id)
    are left out: they are everyday words that also appear, rightly, in trainee
    material — "complicating factor" in a learning goal is not a model answer.

    Examples
    --------
    >>> from fncoach.examples import tiny_scenario
    >>> "Point out that Gran holds most of the plan." in facilitator_only_texts(tiny_scenario())
    True
    """
    found: list[str] = []
    for path in facilitator_only_paths():
        for value in _values_at(scenario, path.split(".")):
            _collect_text(value, found)
    from ..model import SOS_COLUMNS

    texts = []
    for text in found:
        text = text.strip()
        # a column's name (e.g. "complicating", "existing_safety") or any single word is a word of the exercise,
        # not a model answer: which card goes in a column is the answer, and the card's text is not facilitator-only
        if len(text) >= min_length and len(text.split()) > 1 and text not in texts and text not in SOS_COLUMNS:
            texts.append(text)
    return texts


def _values_at(obj: Any, parts: Sequence[str]) -> Iterable[Any]:
    if obj is None:
        return
    head, rest = parts[0], parts[1:]
    is_seq = head.endswith("[]")
    value = getattr(obj, head[:-2] if is_seq else head)
    items = value if is_seq else (value,)
    for item in items:
        if rest:
            yield from _values_at(item, rest)
        else:
            yield item


def _collect_text(value: Any, found: list[str]) -> None:
    if isinstance(value, str):
        found.append(value)
    elif isinstance(value, (tuple, list)):
        for item in value:
            _collect_text(item, found)
    elif isinstance(value, BaseModel):
        for name in type(value).model_fields:
            _collect_text(getattr(value, name), found)


def _written_forms(text: str) -> set[str]:
    """``text`` as it may appear in a page: raw, escaped by the templates (markupsafe) or by :func:`html.escape`."""
    return {text, str(escape(text)), html.escape(text, quote=True)}


def find_leaks(scenario: Scenario, html_text: str) -> list[str]:
    """The facilitator-only texts of ``scenario`` that appear in ``html_text`` (raw or HTML-escaped).

    Examples
    --------
    >>> from fncoach.examples import tiny_scenario
    >>> s = tiny_scenario()
    >>> find_leaks(s, "<p>Nothing to see</p>")
    []
    >>> find_leaks(s, "<li>Point out that Gran holds most of the plan.</li>")
    ['Point out that Gran holds most of the plan.']
    """
    return [text for text in facilitator_only_texts(scenario)
            if any(form in html_text for form in _written_forms(text))]


@dataclass(frozen=True)
class Leak:
    """A facilitator-only text found in a trainee page, and where it comes from.

    Attributes
    ----------
    text : str
        The facilitator-only text.
    field : str
        The facilitator-only field that holds it, e.g. ``sos.cards[2].explanation`` (positions from 0).
    line : int or None
        That field's line in the scenario file (when the file is known).
    shown_in : str
        A trainee-visible field with the same text (e.g. ``meta.learning_goals[0]``), or "".
    shown_line : int or None
        That field's line in the file.
    """

    text: str
    field: str
    line: Optional[int] = None
    shown_in: str = ""
    shown_line: Optional[int] = None


def _facilitator_fields(scenario: Scenario) -> list[tuple[tuple, str]]:
    """(path, text) for every piece of text in a facilitator-only field, with list positions."""
    found: list[tuple[tuple, str]] = []

    def walk(obj: Any, parts: Sequence[str], path: tuple) -> None:
        if obj is None:
            return
        head, rest = parts[0], parts[1:]
        is_seq = head.endswith("[]")
        name = head[:-2] if is_seq else head
        value = getattr(obj, name)
        items = list(enumerate(value)) if is_seq else [(None, value)]
        for index, item in items:
            here = path + (name,) + ((index,) if index is not None else ())
            if rest:
                walk(item, rest, here)
            else:
                _texts_with_paths(item, here, found)

    for dotted in facilitator_only_paths():
        walk(scenario, dotted.split("."), ())
    return found


def _texts_with_paths(value: Any, path: tuple, found: list[tuple[tuple, str]]) -> None:
    if isinstance(value, str):
        found.append((path, value.strip()))
    elif isinstance(value, (tuple, list)):
        for index, item in enumerate(value):
            _texts_with_paths(item, path + (index,), found)
    elif isinstance(value, BaseModel):
        for name in type(value).model_fields:
            _texts_with_paths(getattr(value, name), path + (name,), found)


def _dotted(path: tuple) -> str:
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


def _yaml_lines(source: Optional[str | Path]) -> dict[tuple, int]:
    """Line (1-based) of each value in a YAML file, by path; empty when the file cannot be read."""
    if source is None:
        return {}
    try:
        import yaml

        root = yaml.compose(Path(source).read_text(encoding="utf-8"), Loader=yaml.SafeLoader)
    except Exception:  # the guard still works without line numbers
        return {}
    lines: dict[tuple, int] = {}

    def walk(node: Any, path: tuple) -> None:
        lines[path] = node.start_mark.line + 1
        if isinstance(node, yaml.MappingNode):
            for key, child in node.value:
                walk(child, path + (key.value,))
        elif isinstance(node, yaml.SequenceNode):
            for index, child in enumerate(node.value):
                walk(child, path + (index,))

    if root is not None:
        walk(root, ())
    return lines


def leak_report(scenario: Scenario, html_text: str, source: Optional[str | Path] = None) -> list[Leak]:
    """Every facilitator-only text of ``scenario`` in ``html_text``, naming its field (and line in ``source``).

    When the same words are also written in a field trainees do see (a
    learning goal repeating a card's explanation, say), that field is named
    too: that is usually the one to reword.

    Examples
    --------
    >>> from fncoach.examples import tiny_scenario
    >>> s = tiny_scenario()
    >>> [(leak.field, leak.line) for leak in leak_report(s, "<li>Point out that Gran holds most of the plan.</li>")]
    [('facilitator.notes[0]', None)]
    """
    view = trainee_view(scenario)
    visible: dict[str, tuple] = {}
    _visible = []
    _texts_with_paths(view, (), _visible)
    for path, text in _visible:
        visible.setdefault(text, path)
    lines = _yaml_lines(source)
    leaks: list[Leak] = []
    seen: set[str] = set()
    for path, text in _facilitator_fields(scenario):
        if len(text) < 12 or len(text.split()) < 2 or text in seen:
            continue
        if any(form in html_text for form in _written_forms(text)):
            seen.add(text)
            shown = next((p for t, p in visible.items() if text in t), None)
            leaks.append(Leak(text, _dotted(path), lines.get(path), _dotted(shown) if shown else "",
                              lines.get(shown) if shown else None))
    return leaks


def leak_message(leaks: Sequence[Leak], file_name: str = "") -> str:
    """One plain paragraph about the leaks: which text, from which field and line, shown where.

    Examples
    --------
    >>> print(leak_message([Leak("Gran holds the plan", "facilitator.notes[0]", 201, "meta.summary", 7)], "zoe.yaml"))
    the trainee handout would show facilitator-only text, so it was not written: 'Gran holds the plan' (zoe.yaml line 201, facilitator.notes[0]) is also written in meta.summary (line 7). Reword the trainee-visible field so it does not repeat the model answer.
    """
    parts = []
    for leak in leaks[:3]:
        where = f"{file_name + ' ' if file_name else ''}line {leak.line}, {leak.field}" if leak.line else leak.field
        part = f"'{leak.text[:60]}{'…' if len(leak.text) > 60 else ''}' ({where})"
        if leak.shown_in:
            part += f" is also written in {leak.shown_in}" + (f" (line {leak.shown_line})" if leak.shown_line else "")
        parts.append(part)
    more = f"; and {len(leaks) - 3} more" if len(leaks) > 3 else ""
    return ("the trainee handout would show facilitator-only text, so it was not written: " + "; ".join(parts)
            + more + ". Reword the trainee-visible field so it does not repeat the model answer.")


def self_contained_problems(html_text: str) -> list[str]:
    """Reasons an HTML page would not open fully offline (scripts, fonts, styles or images from the web).

    Examples
    --------
    >>> self_contained_problems("<p>Fine</p><img src='data:image/png;base64,AAAA' alt='x'>")
    []
    >>> self_contained_problems("<script src='https://cdn.example/x.js'></script>")
    ['it has a <script> tag', 'it links to https://cdn.example/x.js']
    """
    problems = []
    if re.search(r"<script\b", html_text, re.IGNORECASE):
        problems.append("it has a <script> tag")
    for match in re.finditer(r"""(?:src|href)\s*=\s*["']?((?:https?:)?//[^"'\s>]+)""", html_text, re.IGNORECASE):
        problems.append(f"it links to {match.group(1)}")
    for match in re.finditer(r"""(?:@import|url\()\s*["']?((?:https?:)?//[^"')\s]+)""", html_text, re.IGNORECASE):
        problems.append(f"its style sheet fetches {match.group(1)}")
    for match in re.finditer(r"<img\b[^>]*>", html_text, re.IGNORECASE):
        if not re.search(r"""\balt\s*=\s*["'][^"']+["']""", match.group(0)):
            problems.append("an image has no alt text")
    if re.search(r"<link\b", html_text, re.IGNORECASE):
        problems.append("it has a <link> tag")
    return problems
