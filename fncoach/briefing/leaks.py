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
from typing import Any, Iterable, Sequence

from markupsafe import escape
from pydantic import BaseModel

from ..model import Scenario, facilitator_only_paths

__all__ = ["trainee_view", "facilitator_only_texts", "find_leaks", "self_contained_problems"]


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

    Short values (a column name such as ``harm``, a person id) are left out: they are
    everyday words that also appear, rightly, in trainee material.

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
        # a column's name (e.g. "complicating", "existing_safety") is a word of the card sort, not a model answer:
        # which card goes in it is the answer, and the card's text is not facilitator-only
        if len(text) >= min_length and text not in texts and text not in SOS_COLUMNS:
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
