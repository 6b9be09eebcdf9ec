"""The whole SOS map as a self-contained, printable HTML page.

Three columns — *What are we worried about?*, *What's working well?*, *What
needs to happen?* — then the safety scale. The map is built either from the
scenario's model answers or from a learner's answers, given as a plain dict
(every key optional; this is also what the SOS widget panels return, so their
answers can simply be merged)::

    {
      "cards": {"c1": "harm", "c2": "danger", ...},   # card id -> column (card sort)
      "harm": ["Last month ..."],                     # harm statements
      "worries": ["Gran is worried that ..."],        # worry statements
      "agreement": [{"agreed": "Gran, Amara", "disagreed": "Ciara"}],  # one per worry
      "goals": ["Ciara and Gran will be ..."],        # goals[i] answers worries[i]
      "next_steps": ["Gran to ring Ciara ..."],
      "ten_means": "Zoë always has ...",              # what 10 looks like
      "own_score": 5, "own_reason": "...",            # the learner's own number
    }

:func:`map_content` turns either source into plain :class:`MapContent`, which
both :func:`sos_map_html` and the one-page figure (``fncoach.viz.sos``) draw.

Examples
--------
>>> from fncoach.scenario import load_scenario  # doctest: +SKIP
>>> html = sos_map_html(load_scenario("tests/fixtures/tiny.yaml"))  # doctest: +SKIP
>>> content = map_content_from_parts("Zoë", worries=["Gran is worried that ..."])
>>> content.worried[0].heading
'Worry statements'
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Mapping, Optional

from .htmlpage import esc, page
from .model import SOS_COLUMNS
from .scaling import ScaleError, spread, validate_score
from .sos import QUESTIONS

__all__ = [
    "Section",
    "MapContent",
    "ANSWER_KEYS",
    "map_content",
    "map_content_from_parts",
    "sos_map_html",
]

#: The keys a learner's answers dict may hold.
ANSWER_KEYS = ("cards", "harm", "worries", "agreement", "goals", "next_steps", "ten_means", "own_score", "own_reason")
# Keys the SOS panels also save that the map does not show (no note about them).
_PANEL_ONLY_KEYS = ("committed", "one_point_up", "house_notes")


@dataclass(frozen=True)
class Section:
    """A heading and its items inside one column of the map."""

    heading: str
    items: tuple[str, ...]
    notes: tuple[str, ...] = ()  # one per item ("" for none), e.g. who agrees


@dataclass(frozen=True)
class MapContent:
    """Everything on an SOS map, as plain text."""

    child: str
    source: str  # "model" or "learner"
    worried: tuple[Section, ...]
    working_well: tuple[Section, ...]
    needs_to_happen: tuple[Section, ...]
    ten_means: str = ""
    scores: tuple[tuple[str, str, int, str], ...] = ()  # (name, role, number, reason)
    spread_text: str = ""
    left_off: tuple[str, ...] = ()
    problems: tuple[str, ...] = field(default=())

    @property
    def columns(self) -> tuple[tuple[str, tuple[Section, ...]], ...]:
        """The three columns as (question, sections)."""
        return ((QUESTIONS[0], self.worried), (QUESTIONS[1], self.working_well), (QUESTIONS[2], self.needs_to_happen))


def _names(scenario, ids) -> str:
    return ", ".join(scenario.name_of(i) for i in ids)


def _section(heading: str, items, notes=None) -> Optional[Section]:
    items = tuple(str(i).strip() for i in items if str(i).strip())
    if not items:
        return None
    notes = tuple(notes) if notes else ("",) * len(items)
    return Section(heading, items, notes[: len(items)] + ("",) * (len(items) - len(notes)))


def _keep(*sections) -> tuple[Section, ...]:
    return tuple(s for s in sections if s is not None)


def _text_list(answers: Mapping[str, Any], key: str, problems: list[str]) -> list[str]:
    value = answers.get(key, [])
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    if not isinstance(value, (list, tuple)):
        problems.append(f"'{key}' should be a list of sentences; it was left off the map.")
        return []
    return [str(v) for v in value if v is not None]


def map_content_from_parts(child: str, *, cards: Mapping[str, list[str]] | None = None, harm=(), worries=(), agreement=(),
                           goals=(), goal_labels=(), next_steps=(), ten_means: str = "", scores=(), source="learner",
                           left_off=(), problems=()) -> MapContent:
    """Assemble map content from already-plain parts (card texts grouped by column)."""
    cards = cards or {}
    agree_notes = []
    for item in list(agreement) + [None] * (len(worries) - len(agreement)):
        agree_notes.append(item or "")
    goal_notes = list(goal_labels) + [""] * (len(goals) - len(goal_labels))
    worried = _keep(
        _section("Harm statements", harm),
        _section("Worry statements", worries, agree_notes),
        _section("Harm: what has happened", cards.get("harm", ())),
        _section("Danger: what might happen", cards.get("danger", ())),
        _section("Complicating factors", cards.get("complicating", ())),
    )
    working = _keep(
        _section("Existing safety", cards.get("existing_safety", ())),
        _section("Strengths", cards.get("strength", ())),
    )
    needs = _keep(_section("The council's bottom line", cards.get("bottom_line", ())),
                  _section("Safety goals", goals, goal_notes), _section("Next steps", next_steps))
    spread_text = spread([(name, number) for name, _, number, _ in scores]).text if scores else ""
    return MapContent(child, source, worried, working, needs, ten_means.strip(), tuple(scores), spread_text,
                      tuple(left_off), tuple(problems))


def map_content(scenario, answers: Mapping[str, Any] | str | None = None) -> MapContent:
    """The content of the SOS map from the model answers (``None`` or ``"model"``) or a learner's answers dict."""
    cards_by_column: dict[str, list[str]] = {column: [] for column in SOS_COLUMNS}
    if answers is None or answers == "model":
        sos = scenario.sos
        for card in sos.cards:
            cards_by_column[card.column].append(card.text)
        agreement = []
        for worry in sos.worry_statements:
            note = f"Agreed by {_names(scenario, worry.agreed_by)}" if worry.agreed_by else ""
            if worry.disagreed_by:
                note += ("; " if note else "") + f"not agreed by {_names(scenario, worry.disagreed_by)}"
            agreement.append(note)
        worry_number = {w.id: n for n, w in enumerate(sos.worry_statements, start=1)}
        goal_labels = [f"Answers worry {worry_number[g.worry]}" if g.worry in worry_number else "" for g in sos.safety_goals]
        scores = []
        if sos.scaling is not None:
            from .scaling import perspectives

            scores = [(p.name, p.role, p.score, p.reason) for p in perspectives(scenario)]
        return map_content_from_parts(
            scenario.child.name, cards=cards_by_column, harm=[s.text for s in sos.harm_statements],
            worries=[s.text for s in sos.worry_statements], agreement=agreement,
            goals=[g.text for g in sos.safety_goals], goal_labels=goal_labels, next_steps=sos.next_steps,
            ten_means=sos.scaling.ten_means if sos.scaling else "", scores=scores, source="model",
            left_off=cards_by_column["not_needed"],
        )
    if not isinstance(answers, Mapping):
        raise ValueError("the answers must be a dictionary (JSON object) such as {\"worries\": [...]}")
    problems: list[str] = []
    unknown = sorted(set(answers) - set(ANSWER_KEYS) - set(_PANEL_ONLY_KEYS))
    if unknown:
        problems.append(f"Not used on the map: {', '.join(unknown)}.")
    texts = {card.id: card.text for card in scenario.sos.cards}
    placed = answers.get("cards") or {}
    if not isinstance(placed, Mapping):
        problems.append("'cards' should map card ids to columns; the cards were left off the map.")
        placed = {}
    for card in scenario.sos.cards:  # scenario order, so the map reads the same every time
        column = placed.get(card.id)
        if not column:
            continue
        if column not in cards_by_column:
            problems.append(f"Card {card.id} was put in '{column}', which is not a column.")
            continue
        cards_by_column[column].append(texts[card.id])
    for card_id in sorted(set(placed) - set(texts)):
        problems.append(f"There is no card called '{card_id}' in this scenario.")
    worries = _text_list(answers, "worries", problems)
    goals = _text_list(answers, "goals", problems)
    agreement = []
    for item in answers.get("agreement") or []:
        if isinstance(item, Mapping):
            agreed, disagreed = str(item.get("agreed", "")).strip(), str(item.get("disagreed", "")).strip()
            note = f"Agreed by {agreed}" if agreed else ""
            if disagreed:
                note += ("; " if note else "") + f"not agreed by {disagreed}"
            agreement.append(note)
        else:
            agreement.append(str(item or ""))
    goal_labels = [f"Answers worry {n}" if n <= len(worries) else "" for n in range(1, len(goals) + 1)]
    scores = []
    own = answers.get("own_score")
    if own not in (None, ""):
        try:
            scores.append(("You", "your own number", validate_score(own), str(answers.get("own_reason") or "").strip()))
        except ScaleError as error:
            problems.append(f"Your safety-scale number was left off: {error}")
    return map_content_from_parts(
        scenario.child.name, cards=cards_by_column, harm=_text_list(answers, "harm", problems), worries=worries,
        agreement=agreement, goals=goals, goal_labels=goal_labels, next_steps=_text_list(answers, "next_steps", problems),
        ten_means=str(answers.get("ten_means") or ""), scores=scores, source="learner",
        left_off=cards_by_column["not_needed"], problems=problems,
    )


_CSS = """
body { max-width: 76em; }
.sos-grid { display: grid; grid-template-columns: 1fr 1fr 1fr; gap: 0.8em; align-items: start; }
.sos-col { border: 2px solid #333; border-radius: 6px; padding: 0.5em 0.7em; }
.sos-col h2 { margin: 0 0 0.3em; font-size: 1.15em; }
.sos-col h3 { margin: 0.7em 0 0.2em; font-size: 1em; }
.sos-col ul { margin: 0.2em 0 0.4em 1.1em; padding: 0; } .sos-col li { margin-bottom: 0.35em; }
.col-worried { border-style: solid; } .col-working { border-style: double; border-width: 4px; }
.col-needs { border-style: dashed; }
.note { display: block; font-size: 0.9em; color: #444; font-style: italic; }
.scale-line { font-size: 1.1em; }
.problems { border-left: 6px solid #D55E00; padding: 0.3em 0.8em; background: #fff6ef; }
@media print { .sos-grid { grid-template-columns: 1fr 1fr 1fr; font-size: 9.5pt; } }
"""


def _section_html(section: Section) -> str:
    items = "".join(
        f"<li>{esc(item)}{f'<span class=note>{esc(note)}</span>' if note else ''}</li>"
        for item, note in zip(section.items, section.notes)
    )
    return f"<h3>{esc(section.heading)}</h3><ul>{items}</ul>"


def sos_map_html(scenario, answers: Mapping[str, Any] | str | None = None, *, large_print: bool = False) -> str:
    """The SOS map as a complete, self-contained HTML page.

    Parameters
    ----------
    scenario : Scenario
    answers : dict, "model" or None
        A learner's answers (see the module docstring) or None/"model" for the scenario's model answers.
    large_print : bool
        Bigger text for people who need it.
    """
    content = map_content(scenario, answers)
    who = "Model answers" if content.source == "model" else "Your answers"
    parts = [f"<h1>SOS map for {esc(content.child)}</h1>",
             f"<p class='muted'>{esc(scenario.meta.title)} · {who} · a practice scenario (all people are fictional)</p>"]
    if content.problems:
        parts.append("<div class='problems' role='status'><strong>Some answers could not be shown:</strong><ul>"
                     + "".join(f"<li>{esc(p)}</li>" for p in content.problems) + "</ul></div>")
    parts.append("<div class='sos-grid'>")
    for css, (question, sections) in zip(("col-worried", "col-working", "col-needs"), content.columns):
        body = "".join(_section_html(s) for s in sections) or "<p class='muted'>Nothing here yet.</p>"
        parts.append(f"<section class='sos-col {css}'><h2>{esc(question)}</h2>{body}</section>")
    parts.append("</div>")
    parts.append("<section class='keep-together'><h2>Safety scale</h2>")
    parts.append("<p class='scale-line'>0 means harm is certain; 10 means everyone is confident "
                 f"{esc(content.child)} is safe enough for professionals to step back.</p>")
    if content.ten_means:
        parts.append(f"<p><strong>What 10 looks like:</strong> {esc(content.ten_means)}</p>")
    if content.scores:
        rows = "".join(f"<tr><td>{esc(name)}</td><td>{esc(role)}</td><td style='text-align:center'>{number}</td>"
                       f"<td>{esc(reason)}</td></tr>" for name, role, number, reason in content.scores)
        parts.append("<table><thead><tr><th>Who</th><th>Role</th><th>Number (0–10)</th><th>Why</th></tr></thead>"
                     f"<tbody>{rows}</tbody></table>")
        parts.append(f"<p>{esc(content.spread_text)} Each number stands on its own: they are not averaged.</p>")
    else:
        parts.append("<p class='muted'>No numbers yet.</p>")
    parts.append("</section>")
    if content.left_off:
        parts.append("<p class='muted'><strong>Left off the map (not needed):</strong> "
                     + " · ".join(esc(t) for t in content.left_off) + "</p>")
    return page(f"SOS map for {content.child}", "\n".join(parts), css=_CSS, large_print=large_print)
