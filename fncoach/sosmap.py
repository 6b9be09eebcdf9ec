"""What goes on an SOS map, as plain data: the three columns and the safety scale.

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
both the printable page (:func:`fncoach.pages.sosmap.sos_map_html`) and the
one-page figure (``fncoach.viz.sos``) draw.

Examples
--------
>>> from fncoach.examples import tiny_scenario
>>> map_content(tiny_scenario()).source
'model'
>>> content = map_content_from_parts("Zoë", worries=["Gran is worried that ..."])
>>> content.worried[0].heading
'Worry statements'
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Mapping, Optional

from .words import people_in_words
from .model import SOS_COLUMNS
from .scaling import ScaleError, spread, validate_score
from .sos import QUESTIONS

__all__ = [
    "Section",
    "MapContent",
    "ANSWER_KEYS",
    "map_content",
    "map_content_from_parts",
]

#: The keys a learner's answers dict may hold.
ANSWER_KEYS = ("cards", "harm", "worries", "agreement", "goals", "next_steps", "ten_means", "own_score", "own_reason")
# Keys the SOS panels also save that the map does not show (no note about them).
_PANEL_ONLY_KEYS = ("committed", "one_point_up", "house_notes", "houses_chosen")


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
            note = f"Agreed by {people_in_words(scenario, worry.agreed_by)}" if worry.agreed_by else ""
            if worry.disagreed_by:
                note += ("; " if note else "") + f"not agreed by {people_in_words(scenario, worry.disagreed_by)}"
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
