"""A learner's portfolio: their saved work from the learner record as a printable page.

:func:`portfolio_html` lists the exercises a learner started and finished, with
dates, and their own answers, as evidence of learning (for example towards a
foster carer's training, support and development standards or a social
worker's CPD record). :func:`readable_answers_html` shows any saved answers
(plain JSON data) readably: tables for dictionaries, bullets for lists.

The record itself is :mod:`fncoach.record`; this module only lays it out, from
the templates ``portfolio.html.j2`` and ``portfolio_answers.html.j2`` and the
stylesheet ``portfolio.css``.

Examples
--------
>>> import tempfile, pathlib
>>> from fncoach.record import Record
>>> record = Record(pathlib.Path(tempfile.mkdtemp()) / "record.sqlite3")
>>> record.save_answers("Sam", "tiny", "worry_statements", {"worry": "Gran is worried <that>"})
>>> html = portfolio_html(record, "Sam")
>>> "Gran is worried &lt;that&gt;" in html and "Worry statements" in html
True
"""

from __future__ import annotations

import datetime as _dt
import json
import re
from dataclasses import dataclass
from typing import Any, Mapping

from ..record import Entry, Record
from . import macro, page, render, stylesheet

__all__ = ["portfolio_html", "readable_answers_html"]

_WORDS = {"id": "ID", "sos": "SOS", "fnm": "Family Network Meeting"}

#: Dictionaries nested deeper than this are shown as their JSON text.
_MAX_DEPTH = 6


def _humanise(key: object) -> str:
    """``'card_columns'`` → ``'Card columns'``."""
    words = re.sub(r"[_\-]+", " ", str(key)).strip().split()
    if not words:
        return str(key)
    words = [_WORDS.get(w.lower(), w) for w in words]
    text = " ".join(words)
    return text[:1].upper() + text[1:]


@dataclass(frozen=True)
class _Node:
    """One piece of a learner's answers, ready to draw.

    ``kind`` is ``"table"`` (``rows`` of label and node), ``"list"``
    (``children``), ``"muted"`` (a grey ``text`` such as "(blank)") or
    ``"text"`` (``text``, line breaks kept).
    """

    kind: str
    text: str = ""
    rows: tuple[tuple[str, "_Node"], ...] = ()
    children: tuple["_Node", ...] = ()


def _answer_node(value: Any, depth: int = 0) -> _Node:
    if isinstance(value, Mapping):
        if not value:
            return _Node("muted", "(nothing written)")
        if depth > _MAX_DEPTH:
            return _Node("text", json.dumps(value, ensure_ascii=False))
        return _Node("table", rows=tuple((_humanise(k), _answer_node(v, depth + 1))
                                         for k, v in sorted(value.items(), key=lambda kv: str(kv[0]))))
    if isinstance(value, (list, tuple)):
        if not value:
            return _Node("muted", "(none)")
        return _Node("list", children=tuple(_answer_node(v, depth + 1) for v in value))
    if value is None or value == "":
        return _Node("muted", "(blank)")
    if isinstance(value, bool):
        return _Node("text", "Yes" if value else "No")
    return _Node("text", str(value))


def readable_answers_html(value: Any) -> str:
    """Answers (plain JSON data) as readable HTML: tables for dictionaries, lists as bullets.

    Examples
    --------
    >>> readable_answers_html({"worry_statement": "Gran is worried", "score": 4})
    '<table class="answers"><tr><th scope="row">Score</th><td>4</td></tr><tr><th scope="row">Worry statement</th><td>Gran is worried</td></tr></table>'
    """
    return str(macro("portfolio_answers.html.j2", "answers")(_answer_node(value)))


def _date(iso: str | None) -> str:
    if not iso:
        return ""
    try:
        when = _dt.datetime.fromisoformat(iso)
    except ValueError:
        return iso
    return f"{when.day} {when.strftime('%B %Y')}, {when.strftime('%H:%M')} UTC"


def _scenario_title(scenario_id: str) -> str:
    try:
        from ..scenario import bundled_scenario_path, load_scenario

        path = bundled_scenario_path(scenario_id)
        return load_scenario(path).meta.title if path is not None else scenario_id
    except Exception:  # a missing or broken scenario must not stop the export
        return scenario_id


@dataclass(frozen=True)
class _EntryView:
    """One exercise as the portfolio shows it (dates as words)."""

    title: str
    case: str
    started: str
    saved: str
    completed: str
    done: bool
    answers: _Node


def _entry_view(entry: Entry, title: str, case: str) -> _EntryView:
    return _EntryView(title, case, _date(entry.started_at), _date(entry.saved_at), _date(entry.completed_at),
                      entry.done, _answer_node(entry.answers))


def portfolio_html(
    record: Record,
    learner: str,
    *,
    exercise_titles: Mapping[str, str] | None = None,
    scenario_titles: Mapping[str, str] | None = None,
    include_unfinished: bool = True,
    generated_at: str | None = None,
) -> str:
    """A printable HTML portfolio of one learner's work, as evidence of learning.

    Parameters
    ----------
    record : Record
    learner : str
    exercise_titles, scenario_titles : mapping, optional
        Friendly names for exercise and scenario ids (defaults: tidied ids and bundled scenario titles).
    include_unfinished : bool
        Also list work started but not marked as done (clearly labelled).
    generated_at : str, optional
        ISO time to print as the date made (default: now).

    Returns
    -------
    str
        A self-contained HTML page (no scripts, prints on A4).

    Raises
    ------
    RecordError
        If the learner's name is not usable or the record cannot be read.
    """
    progress = record.progress(learner)
    exercise_titles = dict(exercise_titles or {})
    scenario_titles = dict(scenario_titles or {})
    entries = []
    for e in progress.entries:
        if include_unfinished or e.done:
            case = scenario_titles.setdefault(e.scenario_id, _scenario_title(e.scenario_id))
            entries.append(_entry_view(e, exercise_titles.get(e.exercise_id, _humanise(e.exercise_id)), case))
    body = render("portfolio.html.j2", learner=progress.learner, summary=progress.summary(), entries=entries,
                  generated=_date(generated_at or _dt.datetime.now(_dt.timezone.utc).isoformat()))
    return page(f"Portfolio: {progress.learner}", body, css=stylesheet("portfolio.css"))
