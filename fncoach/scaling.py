"""The safety scale: what 10 looks like, independent numbers, the spread and one point up.

Practice on the scale, step by step:

1. the learner first says what **10** would look like for this child
   (:func:`check_ten_means` checks it is concrete);
2. the learner commits **their own number** and reason (:func:`validate_score`);
3. only then are the scenario's **perspectives** revealed (:func:`reveal`) —
   each person scored independently, with their reason;
4. the **spread** is described — lowest, highest, range, who is furthest
   apart — and different people's numbers are never averaged into one;
5. each person gets a **one-point-up** question;
6. a score of 0 or 1 brings a clear message to escalate at once.

:func:`scale_history` gives the numbers across the meetings timeline, and
:func:`has_scale_history` says whether there is more than one week of them to show.

Examples
--------
>>> validate_score("7")
7
>>> spread([("Gran", 4), ("Mum", 8), ("Zoë", 6)]).text
'Numbers run from 4 (Gran) to 8 (Mum): a spread of 4 points. Gran and Mum are furthest apart.'
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Sequence

from .errors import FncoachError
from .words import names_in_words

__all__ = [
    "ScaleError",
    "TenCheck",
    "Perspective",
    "Spread",
    "Reveal",
    "HistoryPoint",
    "ESCALATE_MESSAGE",
    "validate_score",
    "check_ten_means",
    "perspectives",
    "spread",
    "one_point_up_prompt",
    "escalation_message",
    "reveal",
    "scale_history",
    "review_history",
    "has_scale_history",
]

#: Shown whenever a number is 0 or 1.
ESCALATE_MESSAGE = (
    "A score of {score} means an immediate safety concern. Do not wait for the next meeting: tell your manager "
    "or the duty team today and follow your safeguarding procedure."
)


class ScaleError(FncoachError, ValueError):
    """A safety-scale number or answer that cannot be used, with a plain message."""


@dataclass(frozen=True)
class TenCheck:
    """Whether a 'what 10 looks like' answer is concrete enough."""

    ok: bool
    message: str


@dataclass(frozen=True)
class Perspective:
    """One person's number on the safety scale, with their reason."""

    who: str
    name: str
    role: str
    score: int
    reason: str
    one_point_up: str = ""
    is_child: bool = False
    domain: str = ""


@dataclass(frozen=True)
class Spread:
    """The spread of numbers: lowest, highest, range and who is furthest apart (never an average)."""

    low: int
    high: int
    range: int
    lowest: tuple[str, ...]
    highest: tuple[str, ...]
    furthest_apart: tuple[str, str]
    text: str


@dataclass(frozen=True)
class Reveal:
    """What the learner sees after committing their own number."""

    own_score: int
    own_reason: str
    perspectives: tuple[Perspective, ...]
    spread: Spread
    prompts: tuple[str, ...]
    escalations: tuple[str, ...]
    comparison: str


@dataclass(frozen=True)
class HistoryPoint:
    """One person's number at one meeting."""

    meeting: str
    week: int
    title: str
    who: str
    name: str
    score: int


_WORDS = re.compile(r"[A-Za-zÀ-ÿĀ-ž'’]+")
_CONCRETE = re.compile(
    r"\b(?:every|each|always|daily|weekly|week|weeks|month|months|year|years|morning|evening|night|school|home"
    r"|visits?|calls?|rings?|phones?|collects?|stays?|sees?|lives?|sleeps?|eats?|goes|plan|network|without|sober|"
    r"on time|back|together|herself|himself|themselves)\b",
    re.IGNORECASE,
)
_VAGUE_TEN = {"safe", "happy", "fine", "ok", "okay", "good", "better", "well", "settled", "everything", "all", "is",
              "be", "would", "the", "child", "and", "are", "things", "it", "everyone", "feels", "will", "a", "very"}


def validate_score(value: object) -> int:
    """A whole number from 0 to 10, or a :class:`ScaleError` with a plain message.

    Examples
    --------
    >>> validate_score(" 10 ")
    10
    >>> validate_score("11")
    Traceback (most recent call last):
    ...
    fncoach.scaling.ScaleError: 11 is not on the scale. Choose a whole number from 0 to 10.
    """
    if value is None or (isinstance(value, str) and not value.strip()):
        raise ScaleError("Write a number from 0 to 10 first.")
    if isinstance(value, bool):
        raise ScaleError("Choose a whole number from 0 to 10.")
    if isinstance(value, float):
        if not value.is_integer():
            raise ScaleError(f"{value:g} is between two numbers. Choose a whole number from 0 to 10.")
        value = int(value)
    if isinstance(value, str):
        text = value.strip()
        if re.fullmatch(r"-?\d+", text):
            value = int(text)
        elif re.fullmatch(r"-?\d+[.,]\d+", text):
            raise ScaleError(f"{text} is between two numbers. Choose a whole number from 0 to 10.")
        else:
            raise ScaleError(f"'{text}' is not a number. Write a whole number from 0 to 10, such as 4.")
    if not isinstance(value, int):
        raise ScaleError("Choose a whole number from 0 to 10.")
    if not 0 <= value <= 10:
        raise ScaleError(f"{value} is not on the scale. Choose a whole number from 0 to 10.")
    return value


def check_ten_means(text: str) -> TenCheck:
    """Check the learner's 'what would 10 look like' answer is concrete.

    A concrete answer has at least eight words and says something people
    could see: who does what, how often, for how long. "Safe and happy" on
    its own is not enough.

    Examples
    --------
    >>> check_ten_means("Safe and happy").ok
    False
    >>> check_ten_means("Zoë has a sober adult with her every morning and Gran rings Mum daily, for three months").ok
    True
    """
    words = _WORDS.findall(text or "")
    if not words:
        return TenCheck(False, "Start by writing what 10 would look like for this child, in a sentence or two.")
    specific = [w for w in words if w.lower() not in _VAGUE_TEN]
    if len(words) < 8 or len(specific) < 4:
        return TenCheck(False, "Make it concrete: what would people see happening at 10? For example, who is with the "
                               "child, what they do each day, and for how long it has been going on.")
    if not _CONCRETE.search(text):
        return TenCheck(False, "Nearly there. Add something you could actually see: who does what, how often, and for "
                               "how long (e.g. 'every morning for three months').")
    return TenCheck(True, "That is a clear picture of 10: everyone can tell what they are working towards.")


def _role(scenario, who: str) -> tuple[str, str, bool]:
    if who == scenario.child.id:
        return "the child", "", True
    try:
        person = scenario.person(who)
    except KeyError:
        return "", "", False
    return person.relationship, person.domain, False


def perspectives(scenario) -> tuple[Perspective, ...]:
    """The scenario's model safety-scale numbers, one per person (child first)."""
    scaling = scenario.sos.scaling
    if scaling is None:
        return ()
    result = []
    for score in scaling.perspectives:
        role, domain, is_child = _role(scenario, score.who)
        result.append(Perspective(score.who, scenario.name_of(score.who), role, score.score, score.reason,
                                  score.one_point_up, is_child, domain))
    result.sort(key=lambda p: not p.is_child)
    return tuple(result)


def spread(scores: Sequence[tuple[str, int]]) -> Spread:
    """Describe the spread of named numbers without averaging them.

    ``furthest_apart`` is the first lowest and the first highest person.

    Examples
    --------
    >>> s = spread([("Kofi", 6), ("Chloe", 8), ("Priya", 4), ("Pat", 4)])
    >>> (s.low, s.high, s.range, s.lowest)
    (4, 8, 4, ('Priya', 'Pat'))
    """
    if not scores:
        raise ScaleError("There are no numbers to compare yet.")
    low = min(score for _, score in scores)
    high = max(score for _, score in scores)
    lowest = tuple(name for name, score in scores if score == low)
    highest = tuple(name for name, score in scores if score == high)
    if len(scores) == 1:
        text = f"Only one number so far: {scores[0][0]} gave {low}."
        apart = (scores[0][0], scores[0][0])
    elif low == high:
        text = f"Everyone gave {low}. Even so, ask each person why: the same number can mean different things."
        apart = (scores[0][0], scores[0][0])
    else:
        apart = (lowest[0], highest[0])
        text = (f"Numbers run from {low} ({_names(lowest)}) to {high} ({_names(highest)}): a spread of {high - low} "
                f"point{'s' if high - low != 1 else ''}. {apart[0]} and {apart[1]} are furthest apart.")
    return Spread(low, high, high - low, lowest, highest, apart, text)


def _names(names: Sequence[str]) -> str:
    return names_in_words(names, limit=None)


def one_point_up_prompt(perspective: Perspective) -> str:
    """The question that asks what would move someone one point up.

    Examples
    --------
    >>> one_point_up_prompt(Perspective("gran", "Gran", "grandmother", 4, "It happened twice."))
    'What would need to happen for Gran to move from 4 to 5?'
    """
    if perspective.score >= 10:
        return f"{perspective.name} is at 10. What would help keep it there?"
    return f"What would need to happen for {perspective.name} to move from {perspective.score} to {perspective.score + 1}?"


def escalation_message(score: int) -> str:
    """The escalation message for a score of 0 or 1, or "" for any other number."""
    return ESCALATE_MESSAGE.format(score=score) if validate_score(score) <= 1 else ""


def reveal(scenario, own_score: object, own_reason: str, *, own_name: str = "You") -> Reveal:
    """Everything the learner sees once they have committed their own number and reason.

    Raises :class:`ScaleError` when the number is not 0–10 or the reason is blank
    (so the perspectives are never shown before the learner has committed).
    """
    score = validate_score(own_score)
    reason = " ".join(str(own_reason or "").split())
    if len(_WORDS.findall(reason)) < 2:
        raise ScaleError("Add a short reason for your number before you see everyone else's.")
    people = perspectives(scenario)
    if not people:
        raise ScaleError("This scenario has no safety-scale perspectives to compare with.")
    named = [(p.name, p.score) for p in people] + [(own_name, score)]
    own_prompt = ("You are at 10. What would help keep it there?" if score >= 10
                  else f"What would need to happen for you to move from {score} to {score + 1}?")
    prompts = tuple(one_point_up_prompt(p) for p in people) + (own_prompt,)
    escalations = tuple(
        f"{name}: " + escalation_message(number) for name, number in named if number <= 1
    )
    closest = min(people, key=lambda p: (abs(p.score - score), p.name))
    if any(p.score == score for p in people):
        same = [p.name for p in people if p.score == score]
        comparison = f"Your {score} is the same number as {_names(same)}. Do you have the same reasons?"
    else:
        comparison = (f"Your {score} is closest to {closest.name}'s {closest.score}. Compare your reasons: "
                      "what are you seeing that leads to your number?")
    return Reveal(score, reason, people, spread(named), prompts, escalations, comparison)


def scale_history(scenario) -> tuple[HistoryPoint, ...]:
    """Numbers across the meetings timeline, oldest first.

    The initial meeting uses the scaling exercise's perspectives when the
    meeting itself records no numbers.
    """
    points: list[HistoryPoint] = []
    for index, meeting in enumerate(scenario.meetings):
        scores = meeting.scores
        if not scores and index == 0 and scenario.sos.scaling is not None:
            scores = scenario.sos.scaling.perspectives
        for item in scores:
            points.append(HistoryPoint(meeting.id, meeting.week, meeting.title, item.who, scenario.name_of(item.who),
                                       item.score))
    return tuple(points)


def review_history(scenario, meeting_id, own_score=None, own_name: str = "You") -> tuple[HistoryPoint, ...]:
    """Everyone's numbers at every meeting up to and including the review ``meeting_id``, and the learner's own.

    Each person keeps their own line: nothing is averaged. ``own_score`` (if
    given) is the learner's number at the review, under ``own_name``.

    Examples
    --------
    >>> from fncoach.examples import tiny_scenario
    >>> [(p.week, p.name, p.score) for p in review_history(tiny_scenario(), "m2", 5)][-2:]
    [(4, 'Gran Róisín', 6), (4, 'You', 5)]
    """
    weeks = {m.id: m.week for m in scenario.meetings}
    last = weeks.get(meeting_id, max(weeks.values(), default=0))
    points = [p for p in scale_history(scenario) if p.week <= last]
    if own_score is not None and meeting_id in weeks:
        meeting = next(m for m in scenario.meetings if m.id == meeting_id)
        points.append(HistoryPoint(meeting.id, meeting.week, meeting.title, "_you", own_name, int(own_score)))
    return tuple(points)


def has_scale_history(scenario) -> bool:
    """True when the case has numbers from more than one week of its timeline, so they can be followed over time.

    Examples
    --------
    >>> from fncoach.examples import tiny_scenario, example_scenario
    >>> has_scale_history(tiny_scenario()), has_scale_history(example_scenario())
    (True, False)
    """
    return len({point.week for point in scale_history(scenario)}) > 1
