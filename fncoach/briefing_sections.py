"""The sections of a briefing pack, as small pure functions returning HTML.

A briefing pack is a **trainee handout** (the case, the child's voice, the
eco-map, exercises with space to write, discussion questions) or a
**facilitator pack** (all of that plus the model answers, drill results,
common mistakes, timings and notes). The briefing notebook template calls one
function per cell, so every section here can be tested without a kernel.

Nothing that holds a model answer may reach a trainee. Two guards make sure:

* :func:`trainee_view` blanks every field listed by
  :func:`fncoach.model.facilitator_only_paths` *before* a trainee section is
  built, so a trainee section cannot show what it was never given;
* :func:`find_leaks` looks for the text of every facilitator-only field in a
  finished trainee page; the briefing refuses to write a page where it finds any.

Pure string building: no plotting, widget or notebook imports. Figures are
passed in as :class:`fncoach.viz._common.FigureResult`-like objects (anything
with ``.figure`` and ``.description``) and embedded as base64 PNG.

Examples
--------
>>> from fncoach.model import Card
>>> card = Card(id="c1", text="Gran collects Maya every Wednesday.", column="existing_safety",
...             explanation="Protection shown over time.")
>>> "Protection shown" in model_card_row(card)
True
>>> "Protection shown" in exercise_card_row(1, card)
False
"""

from __future__ import annotations

import io
from typing import Any, Iterable, Sequence

from pydantic import BaseModel

from .finding import known_network
from .htmlpage import esc, png_data_uri
from .model import (
    Assignment,
    Card,
    Scenario,
    Task,
    facilitator_only_paths,
)

__all__ = [
    "AUDIENCES",
    "SOS_COLUMN_LABELS",
    "BRIEFING_CSS",
    "trainee_view",
    "known_network",
    "facilitator_only_texts",
    "find_leaks",
    "self_contained_problems",
    "figure_html",
    "short_caption",
    "title_block",
    "case_in_brief",
    "people_table",
    "child_voice_section",
    "ecomap_section",
    "card_sort_exercise",
    "exercise_card_row",
    "statements_exercise",
    "scale_exercise",
    "plan_exercise",
    "discussion_section",
    "model_card_sort",
    "model_card_row",
    "sos_map_section",
    "model_statements",
    "model_scaling",
    "model_plan_section",
    "drill_results_section",
    "people_to_find",
    "strength_section",
    "facilitator_notes_section",
    "when_text",
]

AUDIENCES: tuple[str, ...] = ("trainee", "facilitator")

#: SOS column → (heading, one-line plain explanation). General knowledge, not a model answer.
SOS_COLUMN_LABELS: dict[str, tuple[str, str]] = {
    "harm": ("Harm", "Something that has already happened and hurt the child."),
    "danger": ("Worry (danger)", "What might happen to the child in future if nothing changes."),
    "complicating": ("Complicating factor", "Makes things harder, but is not harm in itself."),
    "strength": ("Strength", "A good thing to build on, not yet shown as safety over time."),
    "existing_safety": ("Existing safety", "Protection people have actually shown, over time."),
    "not_needed": ("Not needed", "True, but it does not help answer the three questions."),
}

_WEEKDAY_NAMES = {"mon": "Mon", "tue": "Tue", "wed": "Wed", "thu": "Thu", "fri": "Fri", "sat": "Sat", "sun": "Sun"}
_WEEK_ORDER = tuple(_WEEKDAY_NAMES)

#: Extra CSS for briefing packs (on top of :data:`fncoach.htmlpage.BASE_CSS`).
BRIEFING_CSS = """
body { max-width: 52em; }
h1 { color: #0b3d5c; border-bottom: 3px solid #0072B2; padding-bottom: 0.2em; }
h2 { color: #0b3d5c; border-bottom: 1px solid #bbb; padding-bottom: 0.15em; break-after: avoid; page-break-after: avoid; }
h3 { break-after: avoid; page-break-after: avoid; }
section.briefing-section { margin-bottom: 1.2em; }
.pack-kind { font-size: 1.05em; font-weight: bold; letter-spacing: 0.03em; text-transform: uppercase; color: #0072B2; margin: 0; }
.pack-kind.facilitator { color: #a33c00; }
.warning-box { border: 2px solid #D55E00; background: #fff4ec; padding: 0.5em 0.8em; margin: 0.8em 0; break-inside: avoid; }
.note-box { border-left: 5px solid #0072B2; background: #eef6fb; padding: 0.5em 0.8em; margin: 0.8em 0; break-inside: avoid; }
.model-answer { border-left: 5px solid #a33c00; padding-left: 0.7em; }
.facts { display: table; margin: 0.4em 0; } .facts div { display: table-row; }
.facts dt, .facts dd { display: table-cell; padding: 0.1em 0.8em 0.1em 0; margin: 0; }
.facts dt { font-weight: bold; white-space: nowrap; }
table.people td, table.people th, table.tasks td, table.tasks th { font-size: 0.9em; }
tr { break-inside: avoid; page-break-inside: avoid; }
table.long { break-inside: auto; page-break-inside: auto; }
.houses { width: 100%; border-collapse: separate; border-spacing: 0.5em 0; table-layout: fixed; }
.houses td { border: 2px solid #444; border-radius: 0.4em; padding: 0.5em 0.7em; }
.houses th { background: none; border: none; text-align: center; font-size: 1.05em; }
.houses td ul { margin: 0; padding-left: 1.1em; }
.sos-map .map-question { border: 2px solid #444; border-radius: 0.4em; padding: 0.2em 0.8em 0.4em; margin: 0.6em 0; }
.sos-map .map-question + .map-question { border-style: double; border-width: 4px; }
.sos-map .map-question:last-child { border-style: dashed; border-width: 2px; }
.sos-map h3 { margin: 0.3em 0; } .sos-map h4 { margin: 0.5em 0 0.1em; }
.sos-map ul { margin: 0.1em 0 0.3em; padding-left: 1.2em; } .sos-map li { margin-bottom: 0.25em; }
figure { margin: 0.8em 0; text-align: center; }
figure img { border: 1px solid #ddd; max-height: 20cm; }
figcaption { font-size: 0.9em; color: #444; text-align: left; margin-top: 0.3em; }
.write-in { height: 2.4em; background: #fff; }
.write-box { border: 1px solid #777; border-radius: 0.3em; min-height: 5.5em; margin: 0.3em 0 0.9em; padding: 0.3em 0.5em;
             break-inside: avoid; page-break-inside: avoid; }
.write-box .prompt { color: #555; font-size: 0.85em; }
.write-box.tall { min-height: 8em; }
.write-lines { border-bottom: 1px solid #999; height: 1.9em; }
.scale { width: 100%; table-layout: fixed; margin: 0.5em 0 0.2em; }
.scale td { text-align: center; height: 2.4em; font-weight: bold; }
.scale-ends { display: table; width: 100%; font-size: 0.85em; color: #444; }
.scale-ends span { display: table-cell; } .scale-ends span + span { text-align: right; }
.key td:first-child { white-space: nowrap; font-weight: bold; }
.column-tag { display: inline-block; border: 1px solid #555; border-radius: 0.3em; padding: 0 0.35em; font-size: 0.85em;
              white-space: nowrap; }
.ok { color: #006b4f; } .gap { color: #a33c00; font-weight: bold; }
ol.questions li { margin-bottom: 0.3em; }
ol.questions .write-lines { margin-bottom: 0.2em; }
.small { font-size: 0.85em; }
.footer-note { margin-top: 2em; font-size: 0.8em; color: #666; border-top: 1px solid #ccc; padding-top: 0.3em; }
body.large-print table.people td, body.large-print table.people th,
body.large-print table.tasks td, body.large-print table.tasks th { font-size: 0.95em; }
body.large-print .write-box { min-height: 7em; }
"""


# --------------------------------------------------------------------------- guards


def trainee_view(scenario: Scenario) -> Scenario:
    """A copy of the scenario with every facilitator-only field blanked.

    Text becomes ``""``, lists become ``()``, anything else ``None``. Every
    trainee section is built from this view, so it cannot show a model answer.

    Examples
    --------
    >>> from fncoach.scenario import load_scenario
    >>> from pathlib import Path
    >>> s = load_scenario(Path(__file__).parent.parent / "tests" / "fixtures" / "tiny.yaml")
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
    >>> from fncoach.scenario import load_scenario
    >>> from pathlib import Path
    >>> s = load_scenario(Path(__file__).parent.parent / "tests" / "fixtures" / "tiny.yaml")
    >>> "Point out that Gran holds most of the plan." in facilitator_only_texts(s)
    True
    """
    found: list[str] = []
    for path in facilitator_only_paths():
        for value in _values_at(scenario, path.split(".")):
            _collect_text(value, found)
    texts = []
    for text in found:
        text = text.strip()
        if len(text) >= min_length and text not in texts:
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


def find_leaks(scenario: Scenario, html_text: str) -> list[str]:
    """The facilitator-only texts of ``scenario`` that appear in ``html_text`` (raw or HTML-escaped).

    Examples
    --------
    >>> from fncoach.scenario import load_scenario
    >>> from pathlib import Path
    >>> s = load_scenario(Path(__file__).parent.parent / "tests" / "fixtures" / "tiny.yaml")
    >>> find_leaks(s, "<p>Nothing to see</p>")
    []
    >>> find_leaks(s, "<li>Point out that Gran holds most of the plan.</li>")
    ['Point out that Gran holds most of the plan.']
    """
    return [text for text in facilitator_only_texts(scenario) if text in html_text or esc(text) in html_text]


def self_contained_problems(html_text: str) -> list[str]:
    """Reasons an HTML page would not open fully offline (scripts, fonts, styles or images from the web).

    Examples
    --------
    >>> self_contained_problems("<p>Fine</p><img src='data:image/png;base64,AAAA' alt='x'>")
    []
    >>> self_contained_problems("<script src='https://cdn.example/x.js'></script>")
    ['it has a <script> tag', 'it links to https://cdn.example/x.js']
    """
    import re

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


# --------------------------------------------------------------------------- small helpers


_MAX_FIGURE_PIXELS = 1400


def short_caption(description: str, limit: int = 160) -> str:
    """The first sentence of a figure's description, for its printed caption (the whole text is the alt text).

    Examples
    --------
    >>> short_caption("Eco-map of Zoë's network (age 8). Very close to Zoë: Gran.")
    "Eco-map of Zoë's network (age 8)."
    """
    import re

    match = re.match(r"(.+?[.!?])(\s|$)", description.strip(), re.DOTALL)
    first = match.group(1) if match else description.strip()
    return first if len(first) <= limit else first[: limit - 1].rsplit(" ", 1)[0] + "…"


def figure_html(result: Any, caption: str = "", dpi: int = 130) -> str:
    """Embed a figure result as a base64 PNG ``<figure>``; its description is the image's alt text.

    The resolution is ``dpi``, lowered for wide figures so they are at most about 1400 pixels across.

    Examples
    --------
    >>> class _Fake:
    ...     description = "A drawing of a house."
    ...     class figure:
    ...         @staticmethod
    ...         def savefig(buffer, **kwargs):
    ...             buffer.write(b"PNG")
    >>> html = figure_html(_Fake(), caption="The house")
    >>> 'alt="A drawing of a house."' in html and "data:image/png;base64," in html
    True
    """
    buffer = io.BytesIO()
    width_inches = float(result.figure.get_size_inches()[0]) if hasattr(result.figure, "get_size_inches") else 0.0
    if width_inches > 0:  # about 1400 pixels across is sharp on A4 and keeps big figures quick to save
        dpi = max(60, min(dpi, int(_MAX_FIGURE_PIXELS / width_inches)))
    result.figure.savefig(buffer, format="png", dpi=dpi, bbox_inches="tight", metadata={"Software": None})
    caption_html = f"<figcaption>{esc(caption)}</figcaption>" if caption else ""
    return (
        f'<figure class="fig"><img src="{png_data_uri(buffer.getvalue())}" alt="{esc(result.description)}">'
        f"{caption_html}</figure>"
    )


def _section(title: str, body: str, css_class: str = "", level: int = 2) -> str:
    classes = "briefing-section" + (f" {css_class}" if css_class else "")
    return f'<section class="{classes}"><h{level}>{esc(title)}</h{level}>\n{body}\n</section>'


def _list(items: Iterable[str], tag: str = "ul", css_class: str = "") -> str:
    items = list(items)
    if not items:
        return ""
    cls = f' class="{css_class}"' if css_class else ""
    return f"<{tag}{cls}>" + "".join(f"<li>{esc(item)}</li>" for item in items) + f"</{tag}>"


def _words(identifier: str) -> str:
    return identifier.replace("_", " ")


def _days_text(days: Sequence[str]) -> str:
    ordered = [d for d in _WEEK_ORDER if d in days]
    if ordered == list(_WEEK_ORDER):
        return "Every day"
    if ordered == list(_WEEK_ORDER[:5]):
        return "Mon–Fri"
    if ordered == list(_WEEK_ORDER[5:]):
        return "Sat–Sun"
    return ", ".join(_WEEKDAY_NAMES[d] for d in ordered)


def when_text(task: Task) -> str:
    """When a task happens, in a few words.

    Examples
    --------
    >>> from fncoach.model import Task, TaskTime
    >>> t = Task(id="t", title="Call", kind="phone_call", when=TaskTime(weekly=("mon", "tue", "wed", "thu", "fri"),
    ...          start="07:30", end="07:45"))
    >>> when_text(t)
    'Mon–Fri, 07:30–07:45'
    """
    parts = []
    if task.when.weekly:
        parts.append(_days_text(task.when.weekly))
    if task.when.dates:
        parts.append(", ".join(f"{d.day} {d.strftime('%b %Y')}" for d in task.when.dates))
    return f"{'; '.join(parts)}, {task.when.start}–{task.when.end}"


def _write_box(prompt: str, tall: bool = False) -> str:
    cls = "write-box tall" if tall else "write-box"
    return f'<div class="{cls}"><span class="prompt">{esc(prompt)}</span></div>'


def _column_tag(column: str) -> str:
    label = SOS_COLUMN_LABELS.get(column, (column, ""))[0]
    return f'<span class="column-tag">{esc(label)}</span>'


def _names(scenario: Scenario, ids: Iterable[str]) -> str:
    return ", ".join(scenario.name_of(i) for i in ids)


# --------------------------------------------------------------------------- sections for everyone


def title_block(scenario: Scenario, audience: str, large_print: bool = False) -> str:
    """The first page heading: title, which pack it is, time needed, learning goals and content notes.

    Examples
    --------
    >>> from fncoach.scenario import load_scenario
    >>> from pathlib import Path
    >>> s = load_scenario(Path(__file__).parent.parent / "tests" / "fixtures" / "tiny.yaml")
    >>> "Facilitator pack" in title_block(s, "facilitator"), "Trainee handout" in title_block(s, "trainee")
    (True, True)
    """
    if audience not in AUDIENCES:
        raise ValueError(f"audience must be one of {', '.join(AUDIENCES)}, not {audience!r}")
    meta = scenario.meta
    if audience == "facilitator":
        kind = '<p class="pack-kind facilitator">Facilitator pack</p>'
        notice = ('<div class="warning-box"><strong>For the facilitator only.</strong> This pack holds the model '
                  "answers and your notes. Give trainees the trainee handout instead.</div>")
    else:
        kind = '<p class="pack-kind">Trainee handout</p>'
        notice = ('<div class="note-box">Write your answers in the boxes. There are no trick questions: '
                  "the point is to think and talk it through together.</div>")
    if large_print:
        kind = kind.replace("</p>", " · large print</p>")
    facts = [("Time needed", f"about {meta.duration_minutes} minutes"),
             ("Written for", ", ".join(meta.audience))]
    if meta.tags:
        facts.append(("Themes", ", ".join(meta.tags)))
    facts_html = '<dl class="facts">' + "".join(
        f"<div><dt>{esc(k)}</dt><dd>{esc(v)}</dd></div>" for k, v in facts) + "</dl>"
    content_notes = ""
    if meta.content_notes:
        content_notes = ('<div class="warning-box"><strong>Before you start:</strong> this case talks about '
                         + esc("; ".join(meta.content_notes))
                         + ". Take a break whenever you need one.</div>")
    goals = "<h3>By the end you will be able to</h3>" + _list(meta.learning_goals)
    return (f'<header class="briefing-title">{kind}<h1>{esc(meta.title)}</h1>{facts_html}</header>'
            f"{notice}{content_notes}{goals}")


def case_in_brief(scenario: Scenario) -> str:
    """The case in brief: summary, the child, and who is in the network as the workers know it."""
    child = scenario.child
    facts = [("Age", f"{child.age}"), ("Pronouns", child.pronouns), ("Lives now", child.lives_now)]
    if child.languages:
        facts.append(("Speaks", ", ".join(child.languages)))
    if child.communication:
        facts.append(("Talks best when", child.communication))
    facts_html = '<dl class="facts">' + "".join(
        f"<div><dt>{esc(k)}</dt><dd>{esc(v)}</dd></div>" for k, v in facts) + "</dl>"
    body = (f"<p>{esc(scenario.meta.summary)}</p><h3>{esc(child.name)}</h3>{facts_html}"
            + people_table(known_network(scenario)))
    return _section("The case in brief", body)


_SAFETY_TEXT = {"safe": "Safe", "to_explore": "To explore", "worry": "A worry"}
_SAFETY_MARK = {"safe": "✓", "to_explore": "?", "worry": "!"}


def people_table(scenario: Scenario) -> str:
    """A table of the people in a scenario: who they are, where they live, what they can do, safety."""
    rows = []
    for person in scenario.people:
        lives = person.lives or "—"
        if person.travel_minutes:
            lives += f" ({person.travel_minutes} min away)"
        if person.joins_virtually:
            lives += "; joins by phone or video"
        helps = ", ".join(_words(c) for c in person.can_do) or "—"
        status = person.safety.status
        safety = f"{_SAFETY_MARK[status]} {_SAFETY_TEXT[status]}"
        if person.safety.reason:
            safety += f": {person.safety.reason}"
        rows.append(f"<tr><td>{esc(person.name)}</td><td>{esc(person.relationship)}</td><td>{esc(lives)}</td>"
                    f"<td>{esc(helps)}</td><td>{esc(safety)}</td></tr>")
    cls = "people long" if len(rows) > 5 else "people"
    return (f'<h3>Who is in the network so far</h3><table class="{cls}"><thead><tr><th>Name</th><th>Who they are</th>'
            "<th>Lives</th><th>Can help with</th><th>Safety (✓ safe, ? to explore, ! a worry)</th></tr></thead>"
            f"<tbody>{''.join(rows)}</tbody></table>")


def child_voice_section(scenario: Scenario, houses_figure: Any = None) -> str:
    """The child's own words: what matters to them and their Three Houses (worries, good things, dreams)."""
    child = scenario.child
    body = ""
    if child.what_matters:
        body += f"<h3>What matters to {esc(child.name)}</h3>" + _list(child.what_matters)
    if child.voice is not None:
        voice = child.voice
        body += f"<h3>{esc(child.name)}'s Three Houses</h3>"
        if houses_figure is not None:  # the picture holds the same words; its alt text reads them out
            body += figure_html(houses_figure, caption=f"{child.name}'s Three Houses, in {child.name}'s own words.")
        else:
            cells = "".join(f"<td>{_list(words)}</td>" for words in (voice.worries, voice.good_things, voice.dreams))
            body += ('<table class="houses"><thead><tr><th>House of worries</th><th>House of good things</th>'
                     f"<th>House of dreams</th></tr></thead><tbody><tr>{cells}</tr></tbody></table>")
    if not body:
        body = f"<p>We do not have {esc(child.name)}'s own words yet. How could you find them out?</p>"
    return _section(f"{child.name}'s voice", body)


def ecomap_section(ecomap: Any, scenario: Scenario, title: str = "The eco-map", note: str = "") -> str:
    """The eco-map figure with a short key to reading it."""
    intro = note or (f"The eco-map puts {scenario.child.name} in the middle. The closer someone is drawn, the "
                     "closer they are to the child. The line style shows how the relationship is going, the shape "
                     "and colour show where the person comes from (family, friends, school, community, "
                     "professionals), and the badge shows safety (✓ safe, ? to explore, ! a worry).")
    return _section(title, f"<p>{esc(intro)}</p>" + figure_html(ecomap, caption=short_caption(ecomap.description)))


# --------------------------------------------------------------------------- trainee exercises


def exercise_card_row(number: int, card: Card) -> str:
    """One card in the sorting exercise, with empty cells to write in (never the model column)."""
    return (f"<tr><td>{number}</td><td>{esc(card.text)}</td><td class='write-in'></td>"
            f"<td class='write-in'></td></tr>")


def card_sort_exercise(scenario: Scenario) -> str:
    """Exercise 1: sort the case information into the SOS map columns (blank columns to write in)."""
    key = "".join(f"<tr><td>{esc(label)}</td><td>{esc(meaning)}</td></tr>"
                  for label, meaning in SOS_COLUMN_LABELS.values())
    rows = "".join(exercise_card_row(i, card) for i, card in enumerate(scenario.sos.cards, start=1))
    cls = "tasks long" if len(scenario.sos.cards) > 5 else "tasks"
    body = (
        "<p>Read each piece of information and decide where it goes on the map. Write the column in the box, "
        "and a few words on why.</p>"
        f'<table class="key"><thead><tr><th>Column</th><th>What goes there</th></tr></thead><tbody>{key}</tbody></table>'
        f'<table class="{cls}"><colgroup><col style="width:2em"><col><col style="width:9em"><col style="width:12em">'
        "</colgroup><thead><tr><th>#</th><th>What we know</th><th>Your column</th><th>Why</th></tr></thead>"
        f"<tbody>{rows}</tbody></table>"
    )
    return _section("Exercise 1: Sort what we know", body)


def statements_exercise(scenario: Scenario, worries: int = 3) -> str:
    """Exercise 2: blank boxes for a harm statement, worry statements, safety goals and next steps."""
    child = scenario.child.name
    boxes = _write_box(f"Harm statement: what has already happened to {child}, and how it affected "
                       f"{scenario.child.pronouns.split('/')[-1] if '/' in scenario.child.pronouns else child}.")
    for i in range(1, worries + 1):
        boxes += _write_box(f"Worry statement {i}: who is worried, about what an adult might do (what they do, "
                            f"not a label), and what would happen to {child} if nothing changes.")
    for i in range(1, worries + 1):
        boxes += _write_box(f"Safety goal for worry {i}: what people will be doing instead, what {child} will "
                            "notice, who will see it, and for how long.")
    boxes += _write_box("Next steps: who does what, by when.", tall=True)
    body = ("<p>Use plain words a parent would use, without jargon or labels. Most cases need no more than three "
            "worry statements.</p>" + boxes)
    return _section("Exercise 2: Say what we are worried about and what needs to happen", body)


def scale_exercise(scenario: Scenario) -> str:
    """Exercise 3: the safety scale, blank, with rows for four points of view."""
    child = scenario.child.name
    question = (scenario.sos.scaling.question if scenario.sos.scaling is not None
                else "On a scale of 0 to 10, where 10 means everyone is confident the child is safe enough for "
                     "professionals to step back, and 0 means harm is certain, where are things now?")
    scale = '<table class="scale"><tr>' + "".join(f"<td>{n}</td>" for n in range(11)) + "</tr></table>"
    ends = ('<div class="scale-ends"><span>0: harm is certain</span>'
            "<span>10: safe enough for professionals to step back</span></div>")
    views = (child, "A parent", "Someone in the network", "The social worker")
    rows = "".join(f"<tr><td>{esc(v)}</td><td class='write-in'></td><td class='write-in'></td>"
                   f"<td class='write-in'></td></tr>" for v in views)
    body = (f"<p><strong>{esc(question)}</strong></p>"
            + _write_box(f"First, agree what 10 would look like for {child}.")
            + "<p>Circle your own number, then guess how each person would answer.</p>" + scale + ends
            + '<table class="tasks"><colgroup><col style="width:11em"><col style="width:5em"><col><col></colgroup>'
              "<thead><tr><th>Whose view</th><th>Number</th><th>Why that number</th>"
              f"<th>What would move it one point up</th></tr></thead><tbody>{rows}</tbody></table>"
            + "<p class='small'>Different numbers start a conversation: they are never averaged.</p>")
    return _section("Exercise 3: The safety scale", body)


def plan_exercise(scenario: Scenario) -> str:
    """Exercise 4: the safety-plan tasks with empty columns for the main person and the backups.

    Examples
    --------
    >>> from fncoach.scenario import load_scenario
    >>> from pathlib import Path
    >>> s = load_scenario(Path(__file__).parent.parent / "tests" / "fixtures" / "tiny.yaml")
    >>> html = plan_exercise(s)
    >>> "Mon–Fri, 07:30–07:45" in html and "Main person" in html
    True
    """
    rows = []
    for task in scenario.plan.tasks:
        detail = task.description
        if task.trigger:
            detail += (" " if detail else "") + f"Act when: {task.trigger.rstrip('.')}."
        needs = ", ".join(_words(c) for c in task.requires)
        if not task.in_person:
            needs = (needs + "; " if needs else "") + "can be done from afar"
        facts = f"<span class='small'><strong>When:</strong> {esc(when_text(task))}"
        if needs:
            facts += f"<br><strong>Needs:</strong> {esc(needs)}"
        facts += "</span>"
        rows.append(f"<tr><td><strong>{esc(task.title)}</strong><br>{facts}"
                    + (f"<br><span class='small'>{esc(detail)}</span>" if detail else "")
                    + "</td><td class='write-in'></td><td class='write-in'></td></tr>")
    cls = "tasks long" if len(rows) > 4 else "tasks"
    body = (
        "<p>Who in the network could do each job, and who steps in if they cannot? Check when people are free, "
        "how far away they live and whether they are safe to do it. Every job needs a backup.</p>"
        f'<table class="{cls}"><colgroup><col><col style="width:25%"><col style="width:25%"></colgroup>'
        "<thead><tr><th>Job</th><th>Main person</th><th>Backups</th></tr></thead>"
        f"<tbody>{''.join(rows)}</tbody></table>"
    )
    return _section("Exercise 4: Who does what in the safety plan", body)


def discussion_section(scenario: Scenario) -> str:
    """Discussion questions, with lines to jot notes."""
    questions = scenario.discussion_questions or (
        f"Who else might know {scenario.child.name} well that nobody has asked about yet?",
    )
    items = "".join(f"<li>{esc(q)}<div class='write-lines'></div><div class='write-lines'></div></li>"
                    for q in questions)
    return _section("To talk about", f'<ol class="questions">{items}</ol>')


# --------------------------------------------------------------------------- facilitator sections


def model_card_row(card: Card) -> str:
    """One card with its model column and the coaching explanation."""
    return (f"<tr><td>{esc(card.text)}</td><td>{_column_tag(card.column)}</td>"
            f"<td>{esc(card.explanation)}</td></tr>")


def model_card_sort(scenario: Scenario) -> str:
    """Model answers for Exercise 1, grouped by column, with explanations."""
    order = {column: i for i, column in enumerate(SOS_COLUMN_LABELS)}
    numbered = {card.id: i for i, card in enumerate(scenario.sos.cards, start=1)}
    cards = sorted(scenario.sos.cards, key=lambda c: (order.get(c.column, 99), numbered[c.id]))
    rows = "".join(
        f"<tr><td>{numbered[c.id]}</td><td>{esc(c.text)}</td><td>{_column_tag(c.column)}</td>"
        f"<td>{esc(c.explanation)}</td></tr>" for c in cards)
    cls = "tasks long" if len(cards) > 5 else "tasks"
    body = ('<p>Numbers match the trainee handout. Accept a different column where the reasoning is sound: the '
            "conversation matters more than the answer.</p>"
            f'<table class="{cls} model-answer"><colgroup><col style="width:2em"><col><col style="width:8.5em">'
            '<col style="width:40%"></colgroup><thead><tr><th>#</th><th>What we know</th><th>Model column</th>'
            f"<th>Why</th></tr></thead><tbody>{rows}</tbody></table>")
    return _section("Model answers, Exercise 1: the sorted cards", body)


def sos_map_section(map_html: str) -> str:
    """The completed SOS map (HTML from :mod:`fncoach.sosmap`) as its own section."""
    return _section("The completed SOS map", f'<div class="model-answer">{map_html}</div>')


def _statement_html(scenario: Scenario, statement: Any) -> str:
    who = ""
    if statement.agreed_by:
        who += f"Agreed by {_names(scenario, statement.agreed_by)}. "
    if statement.disagreed_by:
        who += f"Not agreed by {_names(scenario, statement.disagreed_by)}."
    return f"<li>{esc(statement.text)}" + (f"<br><span class='small'>{esc(who.strip())}</span>" if who else "") + "</li>"


def model_statements(scenario: Scenario) -> str:
    """Model answers for Exercise 2: harm and worry statements, safety goals, next steps."""
    sos = scenario.sos
    body = ""
    if sos.harm_statements:
        body += "<h3>Harm</h3><ul>" + "".join(_statement_html(scenario, s) for s in sos.harm_statements) + "</ul>"
    if sos.worry_statements:
        body += ("<h3>Worry statements</h3><ol>"
                 + "".join(_statement_html(scenario, s) for s in sos.worry_statements) + "</ol>")
    if sos.safety_goals:
        worry_number = {w.id: i for i, w in enumerate(sos.worry_statements, start=1)}
        items = "".join(
            f"<li><strong>For worry {worry_number.get(g.worry, g.worry)}:</strong> {esc(g.text)}</li>"
            for g in sos.safety_goals)
        body += f"<h3>Safety goals</h3><ul>{items}</ul>"
    if sos.next_steps:
        body += "<h3>Next steps</h3>" + _list(sos.next_steps)
    if not body:
        body = "<p>This scenario has no model statements.</p>"
    return _section("Model answers, Exercise 2: statements and goals", f'<div class="model-answer">{body}</div>')


def model_scaling(scenario: Scenario, spread_figure: Any = None) -> str:
    """Model answers for Exercise 3: what 10 means and each perspective's number and reason."""
    scaling = scenario.sos.scaling
    if scaling is None:
        return _section("Model answers, Exercise 3: the safety scale", "<p>This scenario has no scaling exercise.</p>")
    rows = "".join(
        f"<tr><td>{esc(scenario.name_of(p.who))}</td><td><strong>{p.score}</strong></td><td>{esc(p.reason)}</td>"
        f"<td>{esc(p.one_point_up or '—')}</td></tr>" for p in scaling.perspectives)
    body = (f"<p><strong>What 10 means:</strong> {esc(scaling.ten_means)}</p>"
            '<table class="tasks"><thead><tr><th>Whose view</th><th>Number</th><th>Why</th>'
            f"<th>One point up</th></tr></thead><tbody>{rows}</tbody></table>")
    if spread_figure is not None:
        body += figure_html(spread_figure, caption=short_caption(spread_figure.description))
    body += ("<p class='small'>Ask each person for their number separately before sharing. Talk about the gaps "
             "between the numbers; never average them. A 0 or 1 means immediate worries to act on.</p>")
    return _section("Model answers, Exercise 3: the safety scale", f'<div class="model-answer">{body}</div>')


def model_plan_section(scenario: Scenario, assignments: Sequence[Assignment] | None = None) -> str:
    """Model answers for Exercise 4: the main person and backups for every task."""
    assignments = tuple(scenario.plan.model_plan if assignments is None else assignments)
    by_task = {a.task: a for a in assignments}
    rows = []
    for task in scenario.plan.tasks:
        a = by_task.get(task.id)
        primary = scenario.name_of(a.primary) if a else "—"
        backups = _names(scenario, a.backups) if a and a.backups else "none"
        cls = "" if a and a.backups else " class='gap'"
        rows.append(f"<tr><td>{esc(task.title)}</td><td>{esc(when_text(task))}</td><td>{esc(primary)}</td>"
                    f"<td{cls}>{esc(backups)}</td></tr>")
    if not assignments:
        body = "<p>This scenario has no model plan: let the group's own plans lead the discussion.</p>"
    else:
        body = ('<table class="tasks model-answer"><thead><tr><th>Job</th><th>When</th><th>Main person</th>'
                f"<th>Backups</th></tr></thead><tbody>{''.join(rows)}</tbody></table>")
    return _section("Model answers, Exercise 4: the safety plan", body)


def drill_results_section(summary_html: str = "", heatmap: Any = None, uncovered: Sequence[str] = (),
                          days: int | None = None) -> str:
    """What happened when the model plan was tested over the drill period: heatmap and uncovered tasks."""
    period = f"the {days} days to the first review" if days else "the drill period"
    body = (f"<p>The model plan was run through {period}, with people away on scripted dates and the odd day "
            "off sick. The heatmap shows, day by day, whether each job was covered.</p>")
    if summary_html:
        body += summary_html
    if heatmap is not None:
        body += figure_html(heatmap, caption=short_caption(heatmap.description))
    if uncovered:
        body += "<h3 class='gap'>Jobs left uncovered at least once</h3>" + _list(uncovered)
    else:
        body += "<p class='ok'><strong>Every job was covered on every day.</strong></p>"
    return _section("Testing the model plan: contingency drill", body)


def people_to_find(scenario: Scenario) -> str:
    """People the workers have not found yet, and the questions that would find them."""
    hidden = [p for p in scenario.people if not p.is_known]
    if not hidden:
        return _section("People still to be found", "<p>Everyone in this network is already known to the workers.</p>")
    rows = "".join(
        f"<tr><td>{esc(p.name)}</td><td>{esc(p.relationship)}</td>"
        f"<td>{esc(', '.join(_words(s) for s in p.not_yet_known.found_by))}</td>"
        f"<td>{esc(p.not_yet_known.clue)}</td></tr>" for p in hidden)
    body = ("<p>These people are left out of the trainee handout and its eco-map. Trainees find them by asking "
            "the right questions; if no one does, ask the group who might be missing.</p>"
            '<table class="tasks"><thead><tr><th>Name</th><th>Who they are</th><th>Found by asking about</th>'
            f"<th>What trainees hear</th></tr></thead><tbody>{rows}</tbody></table>")
    return _section("People still to be found", body)


def strength_section(rows: Sequence[tuple[str, float, str]], overall: int | None = None,
                     figure: Any = None) -> str:
    """Network strength, component by component: (name, value 0–1, plain reason); ``overall`` out of 100.

    Examples
    --------
    >>> "Overall: 62 out of 100" in strength_section([("Backups", 0.5, "Half the jobs have one.")], overall=62)
    True
    """
    items = "".join(f"<tr><td>{esc(name)}</td><td>{value:.0%}</td><td>{esc(reason)}</td></tr>"
                    for name, value, reason in rows)
    head = (f"<p><strong>Overall: {overall} out of 100.</strong> A teaching aid to start a conversation, not a "
            "risk assessment.</p>" if overall is not None else "<p>A teaching aid, not a risk assessment.</p>")
    body = head + (figure_html(figure, caption=short_caption(figure.description)) if figure is not None else "")
    body += ('<table class="tasks"><thead><tr><th>Part</th><th>Score</th><th>Why</th></tr></thead>'
             f"<tbody>{items}</tbody></table>")
    return _section("How strong is the network?", body)


def facilitator_notes_section(scenario: Scenario) -> str:
    """Suggested timings, common mistakes and the facilitator's notes."""
    fac = scenario.facilitator
    body = ""
    if fac.timings:
        total, rows = 0, []
        for timing in fac.timings:
            total += timing.minutes
            rows.append(f"<tr><td>{esc(timing.activity)}</td><td>{timing.minutes}</td><td>{total}</td></tr>")
        body += ('<h3>Suggested timings</h3><table class="tasks"><thead><tr><th>Activity</th><th>Minutes</th>'
                 f"<th>Running total</th></tr></thead><tbody>{''.join(rows)}</tbody></table>"
                 f"<p class='small'>Timings add up to {total} minutes; the scenario suggests "
                 f"{scenario.meta.duration_minutes}.</p>")
    if fac.common_mistakes:
        body += "<h3>Common mistakes to look out for</h3>" + _list(fac.common_mistakes)
    if fac.notes:
        body += "<h3>Notes for the facilitator</h3>" + _list(fac.notes)
    if not body:
        body = "<p>This scenario has no facilitator notes.</p>"
    return _section("Running the session", body)
