"""Card sorting for SOS mapping: place case information in the right column and learn why.

The scenario's information cards are sorted by the learner into *harm*,
*danger* (worry), *complicating factors*, *strengths*, *existing safety*,
where a scenario has one, *the bottom line* (what the council has said must
happen, or what it will do, such as going to court: neither harm nor danger)
and, where a scenario includes distractors, *not needed for the map*.
:func:`check_sort` scores the sort and gives, for every card, the scenario's
own coaching explanation. The three classic near misses get a note that
teaches the difference rather than just saying "wrong":

* strength ↔ existing safety (a good thing, or protection shown over time?),
* harm ↔ danger (already happened, or might happen?),
* complicating factor ↔ harm (makes life harder, or hurt the child?).

Examples
--------
>>> from types import SimpleNamespace as NS
>>> card = NS(id="c1", text="Gran has collected Zoë every Wednesday for a year.",
...           column="existing_safety", explanation="Protection shown over time.")
>>> result = check_sort(NS(sos=NS(cards=(card,))), {"c1": "strength"})
>>> result.score, result.total, result.cards[0].right
(0, 1, False)
>>> result.cards[0].near_miss_note.startswith("Close")
True
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Mapping, Optional

from .model import SOS_COLUMNS

__all__ = [
    "COLUMN_TITLES",
    "COLUMN_SHORT_TITLES",
    "COLUMN_QUESTION",
    "QUESTIONS",
    "CardFeedback",
    "SortResult",
    "columns_for",
    "check_sort",
    "fit_saved_sort",
    "near_miss_note",
]

#: Column id → the title a learner sees.
COLUMN_TITLES: dict[str, str] = {
    "harm": "Harm (what has already happened)",
    "danger": "Danger or worry (what might happen next)",
    "complicating": "Complicating factor (makes things harder)",
    "strength": "Strength (a good thing to build on)",
    "existing_safety": "Existing safety (protection already shown over time)",
    "bottom_line": "Bottom line (what the council has said must happen)",
    "not_needed": "Not needed for the map",
}

#: The SOS columns' short names, for table headings and answer keys.
COLUMN_SHORT_TITLES: dict[str, str] = {
    "harm": "Harm", "danger": "Worry (danger)", "complicating": "Complicating factor", "strength": "Strength",
    "existing_safety": "Existing safety", "bottom_line": "Bottom line", "not_needed": "Not needed",
}

#: The three SOS questions, in order.
QUESTIONS: tuple[str, ...] = ("What are we worried about?", "What's working well?", "What needs to happen?")

#: Column id → which of the three questions it helps answer ("" for not needed).
COLUMN_QUESTION: dict[str, str] = {
    "harm": QUESTIONS[0],
    "danger": QUESTIONS[0],
    "complicating": QUESTIONS[0],
    "strength": QUESTIONS[1],
    "existing_safety": QUESTIONS[1],
    "bottom_line": QUESTIONS[2],
    "not_needed": "",
}

# (chosen, model) → a note teaching the difference.
_NEAR_MISSES: dict[tuple[str, str], str] = {
    ("strength", "existing_safety"): (
        "Close: it is a good thing, and more than that. Existing safety is protection that has actually been shown, "
        "around the worry, more than once and over time. This card shows that, so it is existing safety."
    ),
    ("existing_safety", "strength"): (
        "Close: it is a real good thing to build on. But existing safety means protection that has already been shown "
        "over time when the worry happened. This has not been tested like that yet, so for now it is a strength."
    ),
    ("danger", "harm"): (
        "Close: both belong under 'what are we worried about'. This card describes something that has already "
        "happened and affected the child, which makes it harm. Danger is what might happen next if nothing changes."
    ),
    ("harm", "danger"): (
        "Close: both belong under 'what are we worried about'. But this card looks ahead to what could happen if "
        "nothing changes, so it is danger (a worry). Harm is what has already happened to the child."
    ),
    ("complicating", "harm"): (
        "Close: it does make life harder, but it goes further: it has already hurt or frightened the child. "
        "That makes it harm, not just a complicating factor."
    ),
    ("harm", "complicating"): (
        "Close: it makes things harder for the family, but it has not itself hurt the child. That makes it a "
        "complicating factor. Harm is something that happened to the child and affected them."
    ),
    ("complicating", "danger"): (
        "Close: a complicating factor makes things harder; danger is a way the child could actually be hurt or "
        "frightened if nothing changes. This card points to that, so it is danger."
    ),
    ("danger", "complicating"): (
        "Close: it makes things harder, but no one thinks it will hurt the child by itself, so it is a complicating "
        "factor rather than danger."
    ),
    ("danger", "bottom_line"): (
        "Close: it is about what could happen next, but it is what the council has said must happen, or what it "
        "will do (such as going to court), not something a person might do to the child. That is the bottom line: "
        "workers bring it to the meeting with the worries and the safety goals, and the family plans to meet it."
    ),
    ("harm", "bottom_line"): (
        "Close: it is serious, but it is not something that has happened to the child. It is what the council has "
        "said must happen, or what it will do: the bottom line the family's plan has to meet."
    ),
    ("complicating", "bottom_line"): (
        "Close: it does make things harder, but it is more than that: it is what the council has said must happen, "
        "or what it will do. That is the bottom line, which the family's plan has to meet."
    ),
}


@dataclass(frozen=True)
class CardFeedback:
    """Feedback on one card.

    Attributes
    ----------
    card_id : str
    chosen : str or None
        The column the learner chose (None when the card was not placed).
    model : str
        The scenario's model column.
    right : bool
    explanation : str
        The scenario's coaching explanation for the model column.
    near_miss_note : str
        For a near miss, a note teaching the difference; for an unplaced card a plain reminder; else "".
    """

    card_id: str
    chosen: Optional[str]
    model: str
    right: bool
    explanation: str
    near_miss_note: str = ""

    @property
    def placed(self) -> bool:
        """True when the learner placed the card."""
        return self.chosen is not None

    @property
    def near_miss(self) -> bool:
        """True for one of the near misses that get a teaching note."""
        return (self.chosen, self.model) in _NEAR_MISSES

    @property
    def verdict(self) -> str:
        """A short heading for the feedback: "Right", "Not placed yet", "Near miss" or "Not quite".

        Examples
        --------
        >>> CardFeedback("c1", "danger", "harm", False, "Why.").verdict
        'Near miss'
        >>> CardFeedback("c1", None, "harm", False, "Why.").verdict
        'Not placed yet'
        >>> CardFeedback("c1", "harm", "harm", True, "Why.").verdict
        'Right'
        """
        if self.right:
            return "Right"
        if not self.placed:
            return "Not placed yet"
        return "Near miss" if self.near_miss else "Not quite"

    @property
    def level(self) -> str:
        """How the feedback is shown: ``good`` when right, ``info`` when not placed yet, otherwise ``warn``.

        Examples
        --------
        >>> CardFeedback("c1", "strength", "harm", False, "Why.").level
        'warn'
        """
        return "good" if self.right else ("info" if not self.placed else "warn")

    def message(self) -> str:
        """Plain feedback for this card: right or not, then the explanation (nothing about a card not placed yet).

        Examples
        --------
        >>> CardFeedback("c1", None, "harm", False, "Because it happened.").message()
        'Place this card first: choose the column you think it belongs in, then check again.'
        """
        if not self.placed:  # never the answer before the learner has tried
            return "Place this card first: choose the column you think it belongs in, then check again."
        if self.right:
            return f"Right: {COLUMN_TITLES[self.model]}. {self.explanation}"
        lead = self.near_miss_note or (
            f"Not quite: you chose {COLUMN_TITLES[self.chosen]}, but it belongs under {COLUMN_TITLES[self.model]}."
        )
        return f"{lead} {self.explanation}"


@dataclass(frozen=True)
class SortResult:
    """The result of checking a card sort.

    Attributes
    ----------
    score : int
        Cards in the right column.
    total : int
        All cards (placed or not).
    cards : tuple of CardFeedback
        One per card, in the scenario's order.
    """

    score: int
    total: int
    cards: tuple[CardFeedback, ...]

    @property
    def unplaced(self) -> tuple[str, ...]:
        """Ids of the cards the learner has not placed yet."""
        return tuple(c.card_id for c in self.cards if not c.placed)

    @property
    def near_misses(self) -> tuple[CardFeedback, ...]:
        """Cards that were a near miss."""
        return tuple(c for c in self.cards if c.near_miss)

    @property
    def level(self) -> str:
        """How the summary is shown: ``good`` when every card is right, otherwise ``info``."""
        return "good" if self.score == self.total else "info"

    def summary(self) -> str:
        """A warm one-paragraph summary of the sort."""
        if len(self.unplaced) == self.total:
            return "No cards are placed yet. Choose a column for each card, then check your sort."
        text = f"You placed {self.score} of {self.total} cards in the same column as the model answer."
        if self.unplaced:
            count = len(self.unplaced)
            text += f" {count} card{'s are' if count != 1 else ' is'} not placed yet, so {'they count' if count != 1 else 'it counts'} as not right."
        if self.near_misses:
            count = len(self.near_misses)
            text += (f" {count} {'were near misses' if count != 1 else 'was a near miss'}: read the notes to see the "
                     "difference between the two columns.")
        if self.score == self.total:
            text += " Every card is in the right place. Well done."
        return text


def columns_for(scenario) -> tuple[str, ...]:
    """The columns a learner chooses from for this scenario.

    ``not_needed`` is offered only when the scenario includes distractor cards, and ``bottom_line`` only when
    one of its cards is the council's bottom line.

    Examples
    --------
    >>> from types import SimpleNamespace as NS
    >>> columns_for(NS(sos=NS(cards=(NS(column="harm"),))))
    ('harm', 'danger', 'complicating', 'strength', 'existing_safety')
    """
    used = {card.column for card in scenario.sos.cards}
    optional = ("bottom_line", "not_needed")
    return tuple(c for c in SOS_COLUMNS if c not in optional or c in used)


def near_miss_note(chosen: Optional[str], model: str) -> str:
    """The teaching note for a near miss, or "" when it is not one.

    Examples
    --------
    >>> near_miss_note("harm", "danger").startswith("Close")
    True
    >>> near_miss_note("strength", "harm")
    ''
    """
    return _NEAR_MISSES.get((chosen, model), "") if chosen else ""


def fit_saved_sort(scenario, placements: Mapping[str, Optional[str]] | None) -> tuple[dict[str, str], tuple[str, ...]]:
    """Fit a saved sort (card id → column) to this scenario's cards and columns.

    Returns
    -------
    (placements, skipped)
        A column (or ``""`` for not placed) for every card in the scenario, in order; and the ids of
        saved cards left out because their column is not offered here or the card is not in the scenario.

    Examples
    --------
    >>> from fncoach.examples import tiny_scenario
    >>> placed, skipped = fit_saved_sort(tiny_scenario(), {"c1": "harm", "c2": "nonsense", "c99": "harm"})
    >>> placed["c1"], placed["c2"], placed["c3"], skipped
    ('harm', '', '', ('c2', 'c99'))
    """
    placements = placements or {}
    columns = columns_for(scenario)
    fitted: dict[str, str] = {}
    skipped: list[str] = []
    for card in scenario.sos.cards:
        value = placements.get(card.id, "")
        if value and value not in columns:
            skipped.append(card.id)
            value = ""
        fitted[card.id] = value or ""
    known = {card.id for card in scenario.sos.cards}
    skipped += [card_id for card_id in placements if card_id not in known]
    return fitted, tuple(skipped)


def check_sort(scenario, placements: Mapping[str, Optional[str]]) -> SortResult:
    """Score a learner's card sort against the scenario's model columns.

    Parameters
    ----------
    scenario : Scenario
        The scenario (its ``sos.cards`` hold the model columns and explanations).
    placements : mapping of card id → column
        The learner's columns (one of ``model.SOS_COLUMNS``). Cards missing
        from the mapping, or mapped to None or "", count as not placed.

    Returns
    -------
    SortResult

    Raises
    ------
    ValueError
        For an unknown card id or column, with a plain message naming it.
    """
    cards = scenario.sos.cards
    known = {card.id for card in cards}
    unknown = sorted(set(placements) - known)
    if unknown:
        raise ValueError(f"there is no card called {', '.join(map(repr, unknown))} in this scenario")
    feedback = []
    for card in cards:
        chosen = placements.get(card.id) or None
        if chosen is not None and chosen not in SOS_COLUMNS:
            raise ValueError(f"card {card.id!r} was put in {chosen!r}, which is not a column; use one of: "
                             f"{', '.join(SOS_COLUMNS)}")
        right = chosen == card.column
        note = "" if right else near_miss_note(chosen, card.column)
        if chosen is None:
            note = "This card has not been placed yet."
        feedback.append(CardFeedback(card.id, chosen, card.column, right, card.explanation, note))
    return SortResult(sum(f.right for f in feedback), len(feedback), tuple(feedback))
