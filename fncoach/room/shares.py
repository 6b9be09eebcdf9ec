"""What a learner may share with a training room, and what the facilitator sees of it.

Pure functions over plain data (no database, no web server), so every rule
about sharing is tested here:

- :func:`clean_share` checks one share before it is stored: its kind
  (``scale``, ``card``, ``statement`` or ``coverage``), the item it is about
  and its value, with a plain message when something is wrong;
- :func:`room_view` turns every learner's shares into what the facilitator's
  live view shows — the safety-scale numbers as a spread (never averaged),
  where the card sort split the room, the shared statements as an anonymous
  list, and the drill coverage of the room's plans. No learner's name is in
  it: learners are counted, never named.

Examples
--------
>>> clean_share("scale", "own", {"score": 6, "reason": "Gran is there most days."})
('scale', 'own', {'score': 6, 'reason': 'Gran is there most days.'})
>>> view = room_view([Share("a", "scale", "own", {"score": 4, "reason": ""}),
...                   Share("b", "scale", "own", {"score": 7, "reason": "The plan is tested."})])
>>> view.scale_numbers
(4, 7)
>>> valid_room_code("K7P-4QX")
'K7P4QX'
"""

from __future__ import annotations

import re
import secrets
from dataclasses import dataclass, field
from typing import Any, Mapping, Optional, Sequence

from ..errors import FncoachError
from ..model import SOS_COLUMNS

__all__ = [
    "RoomError",
    "SHARE_KINDS",
    "CARD_COLUMNS",
    "STATEMENT_KINDS",
    "Share",
    "CardSplit",
    "RoomView",
    "new_room_code",
    "valid_room_code",
    "clean_share",
    "room_view",
    "SHAREABLE_EXERCISES",
    "shares_from_answers",
]

#: What a learner can share.
SHARE_KINDS = ("scale", "card", "statement", "coverage")

#: Columns of the SOS card sort a learner can choose (the scenario format's own list).
CARD_COLUMNS = SOS_COLUMNS

#: Kinds of statement a learner can share.
STATEMENT_KINDS = ("harm", "worry", "goal")

#: Letters and digits that cannot be mistaken for each other when read aloud or from a screen.
_CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
CODE_LENGTH = 6
_MAX_TEXT = 2000
_ITEM = re.compile(r"^[A-Za-z0-9_.-]{1,80}$")


class RoomError(FncoachError):
    """A room request that cannot be done; the message says why in plain words.

    ``status`` is the HTTP status the room service answers with.
    """

    def __init__(self, message: str, status: int = 400):
        super().__init__(message)
        self.status = status


@dataclass(frozen=True)
class Share:
    """One thing one learner shared with a room.

    ``learner`` is an opaque key (never shown to anyone); ``value`` is the
    cleaned value from :func:`clean_share`.
    """

    learner: str
    kind: str
    item: str
    value: Any


@dataclass(frozen=True)
class CardSplit:
    """How the room sorted one card: how many chose each column."""

    card: str
    counts: Mapping[str, int]

    @property
    def columns_used(self) -> int:
        """How many different columns the room put the card in."""
        return sum(1 for n in self.counts.values() if n)

    @property
    def total(self) -> int:
        """How many learners sorted this card."""
        return sum(self.counts.values())


@dataclass(frozen=True)
class RoomView:
    """What the facilitator sees: everything shared, with nobody named."""

    learners: int
    scale_numbers: tuple[int, ...]
    scale_reasons: tuple[tuple[int, str], ...]
    card_splits: tuple[CardSplit, ...]
    statements: tuple[tuple[str, str], ...]
    coverage: tuple[float, ...]
    uncovered_jobs: Mapping[str, int] = field(default_factory=dict)


def new_room_code() -> str:
    """A fresh six-character room code (letters and digits that are easy to read aloud)."""
    return "".join(secrets.choice(_CODE_ALPHABET) for _ in range(CODE_LENGTH))


def valid_room_code(text: object) -> str:
    """The room code in ``text`` in its standard form, or a :class:`RoomError` saying what a code looks like.

    Spaces and dashes are ignored and lower case is accepted, so ``k7p 4qx``
    is the same room as ``K7P4QX``.

    Examples
    --------
    >>> valid_room_code(" k7p 4qx ")
    'K7P4QX'
    >>> valid_room_code("hello")
    Traceback (most recent call last):
    ...
    fncoach.room.shares.RoomError: 'hello' is not a room code. A room code has 6 letters and numbers, like K7P4QX: ask your facilitator for it.
    """
    code = re.sub(r"[\s-]", "", str(text or "")).upper()
    if len(code) != CODE_LENGTH or any(ch not in _CODE_ALPHABET for ch in code):
        raise RoomError(f"{str(text).strip()!r} is not a room code. A room code has {CODE_LENGTH} letters and "
                        "numbers, like K7P4QX: ask your facilitator for it.")
    return code


def _text(value: object, what: str, *, required: bool = True) -> str:
    if value is None:
        value = ""
    if not isinstance(value, str):
        raise RoomError(f"The {what} must be text.")
    text = value.strip()
    if required and not text:
        raise RoomError(f"The {what} is empty: write something before sharing it.")
    if len(text) > _MAX_TEXT:
        raise RoomError(f"The {what} is {len(text)} characters long; share at most {_MAX_TEXT}.")
    return text


def clean_share(kind: object, item: object, value: object) -> tuple[str, str, Any]:
    """Check one share and return it cleaned, or raise :class:`RoomError` saying what is wrong.

    Parameters
    ----------
    kind : str
        ``scale`` (value: ``{"score": 0-10, "reason": text}``, item ``own``),
        ``card`` (item: the card id, value: a column name),
        ``statement`` (item: the learner's own label such as ``worry-1``,
        value: ``{"kind": harm/worry/goal, "text": text}``) or
        ``coverage`` (item ``drill``, value: ``{"covered": 0-1, "uncovered": [job titles]}``).

    Examples
    --------
    >>> clean_share("card", "c_march", "harm")
    ('card', 'c_march', 'harm')
    >>> clean_share("scale", "own", {"score": 12})
    Traceback (most recent call last):
    ...
    fncoach.room.shares.RoomError: A safety-scale number is a whole number from 0 to 10, not 12.
    """
    if kind not in SHARE_KINDS:
        raise RoomError(f"{kind!r} cannot be shared; a room takes {', '.join(SHARE_KINDS)}.")
    if not isinstance(item, str) or not _ITEM.match(item):
        raise RoomError("Each shared answer needs a short name (letters, numbers, - or _).")
    if kind == "scale":
        if not isinstance(value, Mapping):
            raise RoomError("Share a safety-scale number as a number with its reason.")
        score = value.get("score")
        if isinstance(score, bool) or not isinstance(score, int) or not 0 <= score <= 10:
            raise RoomError(f"A safety-scale number is a whole number from 0 to 10, not {score}.")
        return kind, item, {"score": score, "reason": _text(value.get("reason"), "reason", required=False)}
    if kind == "card":
        if value not in CARD_COLUMNS:
            raise RoomError(f"{value!r} is not a column of the SOS map; choose one of {', '.join(CARD_COLUMNS)}.")
        return kind, item, value
    if kind == "statement":
        if not isinstance(value, Mapping) or value.get("kind") not in STATEMENT_KINDS:
            raise RoomError("Say whether the statement is a harm statement, a worry statement or a safety goal.")
        return kind, item, {"kind": value["kind"], "text": _text(value.get("text"), "statement")}
    if not isinstance(value, Mapping):
        raise RoomError("Share the drill's coverage as the share of days covered and the jobs not covered.")
    covered = value.get("covered")
    if isinstance(covered, bool) or not isinstance(covered, (int, float)) or not 0 <= covered <= 1:
        raise RoomError(f"Coverage is a share of the drill's days between 0 and 1, not {covered}.")
    uncovered = value.get("uncovered", [])
    if not isinstance(uncovered, (list, tuple)) or len(uncovered) > 100:
        raise RoomError("The jobs not covered must be a list of job titles.")
    return kind, item, {"covered": float(covered),
                        "uncovered": [_text(job, "job title") for job in uncovered]}


def room_view(shares: Sequence[Share], learners: Optional[int] = None) -> RoomView:
    """Everything shared with a room, as the facilitator sees it: spreads and counts, nobody named.

    Shares are read in the order given (the store gives them in the order
    they were shared); statements are numbered in that order, so the list
    reads the same on every refresh.

    Examples
    --------
    >>> shares = [Share("a", "card", "c1", "harm"), Share("b", "card", "c1", "danger"),
    ...           Share("c", "card", "c1", "harm"), Share("a", "statement", "w1", {"kind": "worry", "text": "T"})]
    >>> view = room_view(shares)
    >>> view.learners, view.card_splits[0].counts["harm"], view.card_splits[0].columns_used
    (3, 2, 2)
    >>> view.statements
    (('worry', 'T'),)
    """
    scale = [s.value for s in shares if s.kind == "scale"]
    counts: dict[str, dict[str, int]] = {}
    for s in shares:
        if s.kind == "card":
            counts.setdefault(s.item, {column: 0 for column in CARD_COLUMNS})[s.value] += 1
    splits = sorted((CardSplit(card, counts[card]) for card in counts), key=lambda c: (-c.columns_used, c.card))
    coverage = [s.value for s in shares if s.kind == "coverage"]
    uncovered: dict[str, int] = {}
    for value in coverage:
        for job in value["uncovered"]:
            uncovered[job] = uncovered.get(job, 0) + 1
    return RoomView(
        learners=learners if learners is not None else len({s.learner for s in shares}),
        scale_numbers=tuple(sorted(v["score"] for v in scale)),
        scale_reasons=tuple(sorted((v["score"], v["reason"]) for v in scale if v["reason"])),
        card_splits=tuple(splits),
        statements=tuple((s.value["kind"], s.value["text"]) for s in shares if s.kind == "statement"),
        coverage=tuple(sorted(v["covered"] for v in coverage)),
        uncovered_jobs=dict(sorted(uncovered.items(), key=lambda kv: (-kv[1], kv[0]))),
    )


#: Exercises whose answers a learner can share with a room, and the kind of share each gives.
SHAREABLE_EXERCISES = {"sos_scaling": "scale", "sos_card_sort": "card", "sos_statements": "statement",
                       "safety_plan_drill": "coverage"}


def shares_from_answers(exercise: str, answers: Mapping[str, Any] | None, scenario: Any) -> list[tuple[str, str, Any]]:
    """What sharing an exercise sends to the room, from the learner's saved answers to it.

    Raises :class:`RoomError` saying what to do first when there is nothing
    to share yet — above all, a safety-scale number is shared only once it
    is committed, so the room sees each person's own number before any is
    revealed.

    Examples
    --------
    >>> from fncoach.examples import tiny_scenario
    >>> shares_from_answers("sos_card_sort", {"cards": {"c1": "harm"}}, tiny_scenario())
    [('card', 'c1', 'harm')]
    >>> shares_from_answers("sos_statements", {"harm": [""], "worries": ["Gran is worried that..."], "goals": [""]},
    ...                     tiny_scenario())
    [('statement', 'worry-1', {'kind': 'worry', 'text': 'Gran is worried that...'})]
    """
    answers = answers or {}
    if exercise == "sos_scaling":
        score = answers.get("own_score")
        if not answers.get("committed") or not isinstance(score, int):
            raise RoomError("Commit your own number first, then share it: the room sees everyone's own number "
                            "before any is revealed.")
        return [clean_share("scale", "own", {"score": score, "reason": answers.get("own_reason") or ""})]
    if exercise == "sos_card_sort":
        cards = answers.get("cards") or {}
        shares = [clean_share("card", card, column) for card, column in sorted(cards.items()) if column]
        if not shares:
            raise RoomError("Place at least one card first.")
        return shares
    if exercise == "sos_statements":
        shares = []
        for kind, key in (("harm", "harm"), ("worry", "worries"), ("goal", "goals")):
            for number, text in enumerate(answers.get(key) or (), start=1):
                if str(text or "").strip():
                    shares.append(clean_share("statement", f"{kind}-{number}", {"kind": kind, "text": str(text)}))
        if not shares:
            raise RoomError("Write a statement first.")
        return shares
    if exercise == "safety_plan_drill":
        return [clean_share("coverage", "drill", _drill_coverage(answers, scenario))]
    raise RoomError(f"Answers to '{exercise}' are not shared with a room.")


def _drill_coverage(answers: Mapping[str, Any], scenario: Any) -> dict[str, Any]:
    from ..drills import replay_plan_changes, simulate
    from ..plan import assignments_from_answers

    if "coverage_before" not in answers and "coverage_after" not in answers:
        raise RoomError("Run the drill first, then share what it showed.")
    plan = assignments_from_answers(answers.get("plan") or [])
    moved = [c for c in answers.get("changes") or () if isinstance(c, Mapping) and c.get("kind") == "move_task"]
    replay = replay_plan_changes(scenario, plan, moved)
    run = simulate(replay.scenario, plan, seed=int(answers.get("seed") or 0))
    uncovered = sorted({run.title(u.task) for u in run.uncovered})
    return {"covered": run.coverage, "uncovered": uncovered}
