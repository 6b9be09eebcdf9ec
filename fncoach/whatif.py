"""What if…? Change a network and see how its strength changes, and why.

A change is one of six small frozen dataclasses: :class:`AddPerson`,
:class:`RemovePerson`, :class:`UpdatePerson`, :class:`AddTie`,
:class:`RemoveTie` and :class:`UpdateTie`. :func:`apply_changes` checks each
change and returns a *new* scenario (the old one is never altered); removing
a person also removes their ties and every other mention of them (plan
assignments, cards, statements, scores, meetings, drill events), so the
result is still a valid scenario that saves and loads. :func:`what_if`
analyses the network before and after, and explains the difference in plain
words.

:func:`preset_changes` gives the changes behind the ready-made what-ifs
(someone leaves, moves away, a tie becomes stressful). A learner's changes are
saved as plain data with :func:`change_to_data` and put back with
:func:`change_from_data` and :func:`replay_changes`.

Examples
--------
>>> from fncoach.network import _tiny_network_for_doctest
>>> result = what_if(_tiny_network_for_doctest(), [RemovePerson("dev")])
>>> result.headline
'If Dev leaves the network, the one job in the plan does not have a backup: score 78 → 68'
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields as dataclass_fields
from typing import Any, Iterable, Mapping, Union

from pydantic import ValidationError

from .model import Person, Scenario, Tie
from .strength import StrengthReport, analyse_strength, merge_weights
from .words import names_in_words

__all__ = [
    "AddPerson",
    "RemovePerson",
    "UpdatePerson",
    "AddTie",
    "RemoveTie",
    "UpdateTie",
    "Change",
    "WhatIf",
    "apply_changes",
    "describe_change",
    "what_if",
    "WHAT_IF_PRESETS",
    "MOVED_AWAY_MINUTES",
    "preset_changes",
    "usable_tries",
    "change_to_data",
    "change_from_data",
    "Replay",
    "replay_changes",
]


@dataclass(frozen=True)
class AddPerson:
    """Add someone to the network (a :class:`~fncoach.model.Person`, or its fields as a dict)."""

    person: Union[Person, Mapping[str, Any]]


@dataclass(frozen=True)
class RemovePerson:
    """Take someone out of the network, with their ties and every mention of them."""

    person_id: str


@dataclass(frozen=True)
class UpdatePerson:
    """Change some of a person's fields, e.g. ``{"travel_minutes": 240}``."""

    person_id: str
    changes: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class AddTie:
    """Add a relationship (a :class:`~fncoach.model.Tie`, or its fields as a dict)."""

    tie: Union[Tie, Mapping[str, Any]]


@dataclass(frozen=True)
class RemoveTie:
    """Remove the relationship between ``a`` and ``b`` (either order)."""

    a: str
    b: str


@dataclass(frozen=True)
class UpdateTie:
    """Change some fields of the relationship between ``a`` and ``b``, e.g. ``{"contact": "weekly"}``."""

    a: str
    b: str
    changes: Mapping[str, Any] = field(default_factory=dict)


Change = Union[AddPerson, RemovePerson, UpdatePerson, AddTie, RemoveTie, UpdateTie]


@dataclass(frozen=True)
class WhatIf:
    """The result of :func:`what_if`.

    Attributes
    ----------
    before, after : StrengthReport
        The analysis before and after the changes.
    scenario : Scenario
        The changed scenario.
    explanation : tuple of str
        What changed, then one sentence per component whose value changed (biggest effect first).
    headline : str
        One line, e.g. "If Gran leaves the network, nobody else gives practical help: score 72 → 51".
    """

    before: StrengthReport
    after: StrengthReport
    scenario: Scenario
    explanation: tuple[str, ...]
    headline: str


# --------------------------------------------------------------------------- validation helpers

_FIELD_WORDS = {
    "travel_minutes": "travel time",
    "can_do": "what they can do",
    "support": "support",
    "safety": "safety status",
    "available": "availability",
    "hours_per_week": "hours a week",
    "joins_virtually": "joining by video",
    "not_yet_known": "whether the workers know them",
    "years_known": "how long they have known each other",
    "contact": "how often they are in touch",
    "help": "direction of help",
}


def _plain_validation(error: ValidationError, what: str) -> ValueError:
    parts = []
    for item in error.errors():
        where = ".".join(str(p) for p in item["loc"]) or "this"
        message = item["msg"].replace("Value error, ", "")
        ctx = item.get("ctx") or {}
        if item["type"] == "literal_error":
            message = "must be one of " + str(ctx.get("expected", "the listed values")).replace("'", "")
        elif item["type"] in ("less_than_equal", "greater_than_equal"):
            limit = ctx.get("le", ctx.get("ge"))
            message = f"must be {'at most' if item['type'] == 'less_than_equal' else 'at least'} {limit}"
        elif item["type"] in ("int_parsing", "int_type", "int_from_float"):
            message = "must be a whole number"
        elif item["type"] in ("float_parsing", "float_type"):
            message = "must be a number"
        elif item["type"] == "string_pattern_mismatch" and where.endswith("id"):
            message = "must be lower-case letters, digits and underscores, starting with a letter"
        elif item["type"] == "extra_forbidden":
            message = "is not a field the toolkit knows"
        elif item["type"] == "missing":
            message = "is missing"
        given = item.get("input")
        shown = f" (you gave {given!r})" if item["type"] not in ("missing", "extra_forbidden") and not isinstance(given, dict) else ""
        parts.append(f"{where} {message}{shown}" if message.startswith(("is ", "must")) else f"{where}: {message}{shown}")
    return ValueError(f"{what}: " + "; ".join(parts))


def _as_person(value: Person | Mapping[str, Any]) -> Person:
    if isinstance(value, Person):
        return value
    try:
        return Person.model_validate(dict(value))
    except ValidationError as error:
        name = value.get("name") or value.get("id") or "the new person" if isinstance(value, Mapping) else "the new person"
        raise _plain_validation(error, f"Could not add {name}") from None


def _as_tie(value: Tie | Mapping[str, Any]) -> Tie:
    if isinstance(value, Tie):
        return value
    try:
        return Tie.model_validate(dict(value))
    except ValidationError as error:
        raise _plain_validation(error, "Could not add the tie") from None


def _pair(a: str, b: str) -> frozenset:
    return frozenset((a, b))


# --------------------------------------------------------------------------- applying changes


class _Draft:
    """Mutable plain-data copy of a scenario while changes are applied."""

    def __init__(self, scenario: Scenario):
        self.data = scenario.model_dump(mode="python")
        self.data["people"] = list(self.data["people"])
        self.data["ties"] = list(self.data["ties"])
        self.data["plan"]["tasks"] = [dict(t) for t in self.data["plan"]["tasks"]]
        self.child = scenario.child.id
        self.names = {p.id: p.name for p in scenario.people}
        self.names[self.child] = scenario.child.name

    @property
    def person_ids(self) -> list[str]:
        return [p["id"] for p in self.data["people"]]

    def _need_person(self, person_id: str, action: str) -> int:
        for index, person in enumerate(self.data["people"]):
            if person["id"] == person_id:
                return index
        raise ValueError(f"Cannot {action} {person_id!r}: there is no person with that id in the network")

    def _need_end(self, some_id: str) -> None:
        if some_id != self.child and some_id not in self.person_ids:
            raise ValueError(f"{some_id!r} is not a person in the network (or the child's id {self.child!r})")

    def _tie_index(self, a: str, b: str, action: str) -> int:
        for index, tie in enumerate(self.data["ties"]):
            if _pair(tie["a"], tie["b"]) == _pair(a, b):
                return index
        raise ValueError(f"Cannot {action} the tie between {self.names.get(a, a)} and {self.names.get(b, b)}: "
                         "there is no tie between them")

    def add_person(self, change: AddPerson) -> None:
        person = _as_person(change.person)
        if person.id == self.child or person.id in self.person_ids:
            raise ValueError(f"Could not add {person.name}: the id {person.id!r} is already used; give them their own id")
        self.data["people"].append(person.model_dump(mode="python"))
        self.names[person.id] = person.name

    def update_person(self, change: UpdatePerson) -> None:
        index = self._need_person(change.person_id, "change")
        old = self.data["people"][index]
        changes = dict(change.changes)
        if "id" in changes and changes["id"] != old["id"]:
            raise ValueError(f"Cannot change {old['name']}'s id: remove them and add them again with the new id")
        unknown = sorted(set(changes) - set(Person.model_fields))
        if unknown:
            raise ValueError(f"Cannot change {old['name']}: {', '.join(repr(u) for u in unknown)} "
                             f"{'is' if len(unknown) == 1 else 'are'} not a field of a person")
        try:
            person = Person.model_validate({**old, **changes})
        except ValidationError as error:
            raise _plain_validation(error, f"Could not change {old['name']}") from None
        self.data["people"][index] = person.model_dump(mode="python")
        self.names[person.id] = person.name

    def remove_person(self, change: RemovePerson) -> None:
        pid = change.person_id
        index = self._need_person(pid, "remove")
        if len(self.data["people"]) == 1:
            raise ValueError(f"Cannot remove {self.names[pid]}: a scenario needs at least one person")
        del self.data["people"][index]
        data = self.data
        data["ties"] = [t for t in data["ties"] if pid not in (t["a"], t["b"])]
        sos = data["sos"]
        for card in sos["cards"]:
            card["people"] = tuple(p for p in card["people"] if p != pid)
        for key in ("harm_statements", "worry_statements"):
            for statement in sos[key]:
                statement["agreed_by"] = tuple(p for p in statement["agreed_by"] if p != pid)
                statement["disagreed_by"] = tuple(p for p in statement["disagreed_by"] if p != pid)
        if sos.get("scaling"):
            kept = tuple(s for s in sos["scaling"]["perspectives"] if s["who"] != pid)
            sos["scaling"] = {**sos["scaling"], "perspectives": kept} if kept else None
        plan = data["plan"]
        for task in plan["tasks"]:
            if task.get("checked_by") == pid:
                task["checked_by"] = None
            task["about"] = tuple(p for p in task.get("about", ()) if p != pid)
            if task.get("own_commitment") and not (task["about"] and task["checked_by"]):
                task["own_commitment"] = False  # nobody left to keep the promise, or to check it
        assignments = []
        for assignment in plan["model_plan"]:
            backups = [b for b in assignment["backups"] if b != pid]
            primary = assignment["primary"]
            if primary == pid:
                if not backups:
                    continue
                primary = backups.pop(0)  # the first backup steps up
            assignments.append({**assignment, "primary": primary, "backups": tuple(backups)})
        plan["model_plan"] = tuple(assignments)
        data["drills"]["events"] = tuple(e for e in data["drills"]["events"] if e["person"] != pid)
        for meeting in data["meetings"]:
            meeting["joins"] = tuple(p for p in meeting["joins"] if p != pid)
            meeting["steps_back"] = tuple(p for p in meeting["steps_back"] if p != pid)
            if meeting.get("facilitated_by") == pid:
                meeting["facilitated_by"] = None
            meeting["scores"] = tuple(s for s in meeting["scores"] if s["who"] != pid)
        if data.get("family_time"):  # what someone who has left offered, or would answer, goes with them
            family = data["family_time"]
            offers = tuple(o for o in family["offers"] if o["who"] != pid)
            data["family_time"] = ({**family, "offers": offers,
                                    "what_ifs": tuple(w for w in family.get("what_ifs", ()) if w["who"] != pid)}
                                   if offers else None)
        if data.get("handover"):
            handover = data["handover"]
            jobs = tuple({**job, "taken_by": tuple(p for p in job.get("taken_by", ()) if p != pid)}
                         for job in handover["professional_jobs"] if job["held_by"] != pid)
            data["handover"] = ({**handover, "professional_jobs": jobs,
                                 "keeper": None if handover.get("keeper") == pid else handover.get("keeper")}
                                if jobs else None)
        if data.get("review_answers"):
            data["review_answers"] = tuple(a for a in data["review_answers"] if a["who"] != pid)

    def add_tie(self, change: AddTie) -> None:
        tie = _as_tie(change.tie)
        self._need_end(tie.a)
        self._need_end(tie.b)
        if any(_pair(t["a"], t["b"]) == _pair(tie.a, tie.b) for t in self.data["ties"]):
            raise ValueError(f"{self.names.get(tie.a, tie.a)} and {self.names.get(tie.b, tie.b)} already have a tie: "
                             "change it instead of adding another")
        self.data["ties"].append(tie.model_dump(mode="python"))

    def remove_tie(self, change: RemoveTie) -> None:
        del self.data["ties"][self._tie_index(change.a, change.b, "remove")]

    def update_tie(self, change: UpdateTie) -> None:
        index = self._tie_index(change.a, change.b, "change")
        old = self.data["ties"][index]
        changes = dict(change.changes)
        if ("a" in changes or "b" in changes) and _pair(changes.get("a", old["a"]), changes.get("b", old["b"])) != _pair(old["a"], old["b"]):
            raise ValueError("Cannot move a tie to other people: remove it and add a new one")
        unknown = sorted(set(changes) - set(Tie.model_fields))
        if unknown:
            raise ValueError(f"Cannot change the tie between {self.names.get(old['a'])} and {self.names.get(old['b'])}: "
                             f"{', '.join(repr(u) for u in unknown)} {'is' if len(unknown) == 1 else 'are'} not a field of a tie")
        try:
            tie = Tie.model_validate({**old, **changes})
        except ValidationError as error:
            raise _plain_validation(error, f"Could not change the tie between {self.names.get(old['a'])} and "
                                           f"{self.names.get(old['b'])}") from None
        self.data["ties"][index] = tie.model_dump(mode="python")


_APPLY = {
    AddPerson: _Draft.add_person,
    RemovePerson: _Draft.remove_person,
    UpdatePerson: _Draft.update_person,
    AddTie: _Draft.add_tie,
    RemoveTie: _Draft.remove_tie,
    UpdateTie: _Draft.update_tie,
}


def _as_list(changes: Change | Iterable[Change]) -> list[Change]:
    if isinstance(changes, tuple(_APPLY)):
        return [changes]  # type: ignore[list-item]
    return list(changes)  # type: ignore[arg-type]


def apply_changes(scenario: Scenario, changes: Change | Iterable[Change]) -> Scenario:
    """Apply changes in order and return a new, valid scenario.

    Parameters
    ----------
    scenario : Scenario
        Left unchanged.
    changes : a change or an iterable of changes

    Raises
    ------
    ValueError
        In plain words naming the person, tie or field, when a change cannot be made
        (unknown id, a value out of range, a duplicate). Nothing is changed.

    Examples
    --------
    >>> from fncoach.network import _tiny_network_for_doctest
    >>> s = _tiny_network_for_doctest()
    >>> new = apply_changes(s, [AddTie({"a": "dev", "b": "gran", "contact": "weekly"})])
    >>> len(new.ties) - len(s.ties)
    1
    >>> apply_changes(s, UpdateTie("kid", "gran", {"closeness": 5}))
    Traceback (most recent call last):
    ...
    ValueError: Could not change the tie between Kim and Gran Ada: closeness must be at most 3 (you gave 5)
    """
    draft = _Draft(scenario)
    for change in _as_list(changes):
        handler = _APPLY.get(type(change))
        if handler is None:
            raise ValueError(f"{change!r} is not a change the toolkit knows; use AddPerson, RemovePerson, UpdatePerson, "
                             "AddTie, RemoveTie or UpdateTie")
        handler(draft, change)
    try:
        return Scenario.model_validate(draft.data)
    except ValidationError as error:  # e.g. an added person makes a plan field invalid
        raise _plain_validation(error, "The changed scenario is not valid") from None


# --------------------------------------------------------------------------- explaining


def describe_change(scenario: Scenario, change: Change) -> str:
    """The condition a change describes, e.g. "If Gran Ada leaves the network".

    ``scenario`` is the scenario *before* the change (for names).

    Examples
    --------
    >>> from fncoach.network import _tiny_network_for_doctest
    >>> describe_change(_tiny_network_for_doctest(), UpdatePerson("gran", {"travel_minutes": 240}))
    "If Gran Ada's travel time changes"
    """
    name = scenario.name_of
    if isinstance(change, AddPerson):
        person = change.person
        return f"If {person.name if isinstance(person, Person) else person.get('name', 'someone new')} joins the network"
    if isinstance(change, RemovePerson):
        return f"If {name(change.person_id)} leaves the network"
    if isinstance(change, UpdatePerson):
        fields = [_FIELD_WORDS.get(f, f.replace("_", " ")) for f in change.changes]
        what = " and ".join(fields) if fields else "details"
        return f"If {name(change.person_id)}'s {what} {'changes' if len(fields) <= 1 else 'change'}"
    if isinstance(change, AddTie):
        tie = change.tie
        a, b = (tie.a, tie.b) if isinstance(tie, Tie) else (tie.get("a", "?"), tie.get("b", "?"))
        return f"If {name(a)} and {name(b)} get in touch"
    if isinstance(change, RemoveTie):
        return f"If {name(change.a)} and {name(change.b)} lose touch"
    if isinstance(change, UpdateTie):
        fields = [f.replace("_", " ") for f in change.changes]
        what = f" ({' and '.join(fields)})" if fields else ""
        return f"If things change between {name(change.a)} and {name(change.b)}{what}"
    return "If the network changes"


#: How each component's change is said in a headline when its reason has no new sentence: (up, down).
_CHANGE_PHRASES: dict[str, tuple[str, str]] = {
    "safe_natural_size": ("the safe natural network grows", "the safe natural network shrinks"),
    "support_breadth": ("more kinds of support come from two or more people",
                        "fewer kinds of support come from two or more people"),
    "closeness_contact": ("people are closer to {child} or in touch more often",
                          "people are less close to {child} or in touch less often"),
    "domain_spread": ("the network reaches more parts of {child}'s life", "the network reaches fewer parts of {child}'s life"),
    "professional_reliance": ("the network leans less on professionals", "the network leans more on professionals"),
    "interconnection": ("members know each other better", "members know each other less well"),
    "single_points_of_failure": ("fewer people hold the network up alone", "more people hold the network up alone"),
    "stressful_ties": ("fewer ties are stressful or broken", "more ties are stressful or broken"),
    "relationship_length": ("relationships are longer-standing on average", "relationships are newer on average"),
    "plan_backup": ("more of the plan has a backup", "less of the plan has a backup"),
}

_LOWER_STARTS = {"Only", "Nobody", "No", "None", "Every", "Everyone", "All", "Some", "There", "The", "We", "People",
                 "Emotional", "Practical", "Information", "Without", "If", "Long", "A", "Keep"}


def _sentences(text: str) -> list[str]:
    import re

    return [s.strip() for s in re.split(r"(?<=[.!?])\s+(?=[A-Z0-9'‘\"])", text) if s.strip()]


def _clause(sentence: str) -> str:
    """A sentence as a clause to follow a comma: first word lower-cased unless it is a name."""
    sentence = sentence.rstrip(".")
    first = sentence.split(" ", 1)[0]
    if first in _LOWER_STARTS:
        return sentence[0].lower() + sentence[1:]
    return sentence


def what_if(scenario: Scenario, changes: Change | Iterable[Change],
            weights: Mapping[str, float] | None = None) -> WhatIf:
    """Apply changes and explain how the network's strength changes.

    Parameters
    ----------
    scenario : Scenario
    changes : a change or an iterable of changes
    weights : mapping, optional
        Weight overrides, as for :func:`fncoach.strength.analyse_strength`.

    Returns
    -------
    WhatIf

    Raises
    ------
    ValueError
        When a change cannot be made (see :func:`apply_changes`).

    Examples
    --------
    >>> from fncoach.network import _tiny_network_for_doctest
    >>> r = what_if(_tiny_network_for_doctest(), AddTie({"a": "dev", "b": "gran", "contact": "weekly"}))
    >>> r.headline
    'If Dev and Gran Ada get in touch, members know each other better: score 78 → 78'
    >>> r.explanation[2]
    'No single point of failure went down (1.00 → 0.75): Without Gran Ada, Mum Jo and Dev would lose touch with each other.'
    """
    change_list = _as_list(changes)
    merge_weights(scenario, weights)  # check the weights before doing any work
    after_scenario = apply_changes(scenario, change_list)
    before = analyse_strength(scenario, weights)
    after = analyse_strength(after_scenario, weights)

    conditions = [describe_change(scenario, c) for c in change_list]
    if not conditions:
        condition = "With no change"
    elif len(conditions) == 1:
        condition = conditions[0]
    else:
        rest = [c[3:] if c.startswith("If ") else c for c in conditions[1:]]
        condition = conditions[0] + " and " + (rest[0] if len(rest) == 1 else f"{len(rest)} more things change")

    moved = []
    for old, new in zip(before.components, after.components):
        delta = new.value - old.value
        if abs(delta) > 1e-9:
            moved.append((abs(delta) * new.weight, delta, old, new))
    moved.sort(key=lambda item: -item[0])

    explanation = [condition + ": the score " + (f"goes from {before.score} to {after.score}." if before.score != after.score
                                                 else f"stays at {before.score}.")]
    grouped: dict[tuple[str, bool], list[str]] = {}  # parts that changed for the same reason are told once
    for _, delta, old, new in moved:
        grouped.setdefault((new.reason, delta > 0), []).append(f"{new.title} ({old.value:.2f} → {new.value:.2f})")
    for (reason, up), parts in grouped.items():
        direction = "went up" if up else "went down"
        if len(parts) == 1:
            explanation.append(f"{parts[0].replace(' (', f' {direction} (', 1)}: {reason}")
        else:
            explanation.append(f"{len(parts)} parts {direction} for the same reason — "
                               f"{names_in_words(parts, limit=None)}: {reason}")
    if not moved:
        explanation.append("None of the parts of the strength score changed.")

    if moved:
        _, delta, old, new = moved[0]
        old_sentences = set(_sentences(old.reason))
        fresh = [s for s in _sentences(new.reason) if s not in old_sentences]
        up, down = _CHANGE_PHRASES[new.name]
        if delta < 0 and fresh:
            effect = _clause(fresh[0])
        else:
            effect = (up if delta > 0 else down).format(child=scenario.child.name)
        headline = f"{condition}, {effect}: score {before.score} → {after.score}"
    else:
        headline = f"{condition}, nothing in the strength score changes: score {before.score} → {after.score}"
    return WhatIf(before=before, after=after, scenario=after_scenario, explanation=tuple(explanation), headline=headline)


# --------------------------------------------------------------------------- ready-made what-ifs

#: The ready-made what-ifs a learner can pick for someone, with the words shown for each.
WHAT_IF_PRESETS: dict[str, str] = {
    "leaves": "leaves the network",
    "moves_away": "moves four hours away (in touch monthly, joins by video)",
    "stressful": "has a stressful relationship with the child from now on",
}

#: Travel time in minutes for someone who "moves away" (four hours); nobody already further away comes closer.
MOVED_AWAY_MINUTES = 240


def preset_changes(scenario: Scenario, person_id: str, kind: str) -> list[Change]:
    """The changes that stand for a ready-made what-if (see :data:`WHAT_IF_PRESETS`).

    - ``"leaves"``: they leave the network (with their ties and every mention of them);
    - ``"moves_away"``: they live at least four hours away and join by video; if they have a
      tie with the child, the two are in touch monthly from now on;
    - ``"stressful"``: their tie with the child becomes stressful (a tie is added if there is none).

    Parameters
    ----------
    scenario : Scenario
    person_id : str
        Someone in the network.
    kind : str
        One of the keys of :data:`WHAT_IF_PRESETS`.

    Returns
    -------
    list of change

    Raises
    ------
    ValueError
        For a kind that is not one of the presets.
    KeyError
        For a ``"moves_away"`` person who is not in the network.

    Examples
    --------
    >>> from fncoach.examples import tiny_scenario
    >>> s = tiny_scenario()
    >>> for change in preset_changes(s, "gran", "moves_away"):
    ...     print(change)
    UpdatePerson(person_id='gran', changes={'travel_minutes': 240, 'joins_virtually': True})
    UpdateTie(a='zoe', b='gran', changes={'contact': 'monthly'})
    >>> preset_changes(s, "gran", "leaves")
    [RemovePerson(person_id='gran')]
    """
    if kind not in WHAT_IF_PRESETS:
        raise ValueError(f"{kind!r} is not a ready-made what-if; use one of: {', '.join(WHAT_IF_PRESETS)}")
    child_id = scenario.child.id
    tie = next((t for t in scenario.ties if _pair(t.a, t.b) == _pair(child_id, person_id)), None)
    if kind == "leaves":
        return [RemovePerson(person_id)]
    if kind == "moves_away":
        person = scenario.person(person_id)
        changes: list[Change] = [UpdatePerson(person_id, {
            "travel_minutes": max(person.travel_minutes, MOVED_AWAY_MINUTES), "joins_virtually": True})]
        if tie is not None:
            changes.append(UpdateTie(child_id, person_id, {"contact": "monthly"}))
        return changes
    if tie is None:
        return [AddTie({"a": child_id, "b": person_id, "quality": "stressful"})]
    return [UpdateTie(child_id, person_id, {"quality": "stressful"})]


def usable_tries(scenario: Scenario, tries: Iterable[Mapping[str, Any]]) -> list[dict]:
    """The saved what-ifs (``{"person": id, "kind": preset}``) that still fit this scenario, in order.

    A try is left out when its person is not someone the workers know in this
    scenario, or its kind is not a ready-made what-if.

    Examples
    --------
    >>> from fncoach.examples import example_scenario
    >>> usable_tries(example_scenario(), [{"person": "gran", "kind": "leaves"}, {"person": "ghost", "kind": "leaves"},
    ...                                   {"person": "dev", "kind": "explodes"}])
    [{'person': 'gran', 'kind': 'leaves'}]
    """
    known = {p.id for p in scenario.known_people}
    return [dict(t) for t in tries if t.get("person") in known and t.get("kind") in WHAT_IF_PRESETS]


# --------------------------------------------------------------------------- saving and replaying changes

_CHANGE_TYPES = {cls.__name__: cls for cls in (AddPerson, RemovePerson, UpdatePerson, AddTie, RemoveTie, UpdateTie)}


def _plain(value: Any) -> Any:
    if hasattr(value, "model_dump"):
        value = value.model_dump(mode="json", exclude_defaults=True)
    if isinstance(value, dict) or hasattr(value, "items"):
        return {str(k): _plain(v) for k, v in dict(value).items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    return value


def change_to_data(change: Change) -> dict:
    """A change as plain JSON-ready data (``{"kind": "AddPerson", ...}``), for saving a learner's work.

    Examples
    --------
    >>> change_to_data(RemoveTie("gran", "zoe"))
    {'kind': 'RemoveTie', 'a': 'gran', 'b': 'zoe'}
    >>> change_to_data(UpdatePerson("gran", {"support": ("practical",)}))
    {'kind': 'UpdatePerson', 'person_id': 'gran', 'changes': {'support': ['practical']}}
    """
    data: dict[str, Any] = {"kind": type(change).__name__}
    for item in dataclass_fields(change):
        data[item.name] = _plain(getattr(change, item.name))
    return data


def change_from_data(data: Mapping[str, Any]) -> Change:
    """Turn :func:`change_to_data`'s output back into a change.

    Raises
    ------
    ValueError
        For a kind of change the toolkit does not know.
    TypeError
        When the fields do not fit that kind of change.

    Examples
    --------
    >>> change_from_data({"kind": "RemovePerson", "person_id": "gran"})
    RemovePerson(person_id='gran')
    >>> change_from_data({"kind": "Explode"})
    Traceback (most recent call last):
    ...
    ValueError: 'Explode' is not a kind of change the builder knows
    """
    kind = data.get("kind")
    if kind not in _CHANGE_TYPES:
        raise ValueError(f"{kind!r} is not a kind of change the builder knows")
    fields = {k: v for k, v in data.items() if k != "kind"}
    return _CHANGE_TYPES[kind](**fields)


@dataclass(frozen=True)
class Replay:
    """The result of :func:`replay_changes`.

    Attributes
    ----------
    scenario : Scenario
        The scenario after every action that could be put back.
    history : tuple of tuple of change
        The actions put back, oldest first (each one click's changes).
    states : tuple of Scenario
        The scenario before each action in ``history`` (for undo).
    skipped : int
        How many saved actions no longer fit and were left out.
    """

    scenario: Scenario
    history: tuple[tuple[Change, ...], ...]
    states: tuple[Scenario, ...]
    skipped: int


def replay_changes(base: Scenario, saved: Iterable[Iterable[Mapping[str, Any]]]) -> Replay:
    """Put saved actions back on ``base``, in order; an action that no longer fits is skipped whole.

    Parameters
    ----------
    base : Scenario
        The scenario the learner started from.
    saved : iterable of iterables of dict
        Each action as its changes in :func:`change_to_data` form.

    Returns
    -------
    Replay

    Examples
    --------
    >>> from fncoach.examples import example_scenario
    >>> r = replay_changes(example_scenario(), [[{"kind": "RemovePerson", "person_id": "ghost"}],
    ...                                         [{"kind": "RemovePerson", "person_id": "dev"}]])
    >>> [p.id for p in r.scenario.people], len(r.history), r.skipped
    (['gran', 'sw'], 1, 1)
    """
    scenario, history, states, skipped = base, [], [], 0
    for group in saved:
        try:
            changes = tuple(change_from_data(item) for item in group)
            new = apply_changes(scenario, changes)
        except (ValueError, TypeError):
            skipped += 1
            continue
        states.append(scenario)
        history.append(changes)
        scenario = new
    return Replay(scenario=scenario, history=tuple(history), states=tuple(states), skipped=skipped)
