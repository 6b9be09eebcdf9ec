"""Building a network by hand: the rules behind the network builder's forms.

The network builder (:mod:`fncoach.ui.network`) turns what a learner types
into changes (:mod:`fncoach.whatif`); every rule about *what* those changes
are lives here, as small pure functions over plain data:

- :func:`blank_scenario` — the child alone, the starting point for a network
  built from scratch (checked like any scenario, as a draft with nobody in it yet);
- :func:`new_id` — a readable id for a new person, never one already taken;
- :func:`is_paid` — who counts as paid when someone moves into or out of the
  professional part of life;
- :func:`flip_help`, :func:`orient_help` and :func:`help_for_support` —
  the direction of help, read from either end of a tie;
- :func:`tie_between`, :func:`person_changes` and :func:`tie_changes` — the
  changes one click of *Add person*, *Save changes* or *Add or change tie* makes;
- :func:`save_problem` — why a network cannot be saved as a file yet.

Examples
--------
>>> from fncoach.whatif import apply_changes
>>> start = blank_scenario("Sam", 9)
>>> start.people
()
>>> person_id, changes = person_changes(start, None, {"name": "Nana Pat", "relationship": "Grandmother",
...                                                   "domain": "family", "support": ("practical",)})
>>> built = apply_changes(start, changes)
>>> [(p.id, p.name) for p in built.people], [(t.a, t.b, t.help) for t in built.ties]
([('nana_pat', 'Nana Pat')], [('child', 'nana_pat', 'b_to_a')])
"""

from __future__ import annotations

import re
from typing import Any, Iterable, Mapping, Optional

from .model import Person, Scenario, Tie
from .whatif import AddPerson, AddTie, Change, UpdatePerson, UpdateTie

__all__ = [
    "DRAFT",
    "blank_scenario",
    "new_id",
    "is_paid",
    "flip_help",
    "orient_help",
    "help_for_support",
    "tie_between",
    "person_changes",
    "tie_changes",
    "save_problem",
    "file_name_for",
]

#: The validation context for a scenario still being built: it may have nobody in it yet.
DRAFT: Mapping[str, bool] = {"draft": True}

_FILE_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9_\-]*\.ya?ml")
_FLIP = {"a_to_b": "b_to_a", "b_to_a": "a_to_b"}


def blank_scenario(child_name: str = "Sam", age: int = 9) -> Scenario:
    """The child alone: a scenario with nobody in the network yet.

    Every other section holds the least a scenario needs, written so a coach
    can see what to fill in. It is checked by :meth:`Scenario.model_validate`
    like any scenario, in the :data:`DRAFT` context that allows an empty
    network; a scenario *file* still needs at least one person (see
    :func:`save_problem`).

    Parameters
    ----------
    child_name : str
        The child's (fictional) first name.
    age : int
        The child's age in years (0 to 25).

    Returns
    -------
    Scenario

    Raises
    ------
    pydantic.ValidationError
        When the name or age is not one a scenario accepts (e.g. an empty name).

    Examples
    --------
    >>> s = blank_scenario("Ali", 12)
    >>> s.child.name, s.child.age, s.people, s.meta.title
    ('Ali', 12, (), "Ali's network")
    >>> blank_scenario("", 12)
    Traceback (most recent call last):
    ...
    pydantic_core._pydantic_core.ValidationError: 1 validation error for Scenario
    ...
    """
    data = {
        "meta": {"id": "my_network", "title": f"{child_name}'s network",
                 "summary": "A network built in the network builder.",
                 "learning_goals": ["Build a child's network and see what makes it strong."]},
        "child": {"id": "child", "name": child_name, "age": age, "pronouns": "they/them",
                  "lives_now": "Not written yet"},
        "people": [],
        "ties": [],
        "sos": {
            "cards": [{"id": "card_1", "text": f"{child_name}'s network was drawn in the network builder.",
                       "column": "not_needed",
                       "explanation": "Written by the network builder. Before this case is used for SOS mapping, a "
                                      "coach adds the case information as cards."}],
            "scaling": {"ten_means": "Write what 10 would look like for this child.",
                        "perspectives": [{"who": "child", "score": 5, "reason": "Not asked yet."}]},
        },
        "plan": {"tasks": [{"id": "task_1", "title": "Weekly check-in", "kind": "phone_call",
                            "when": {"weekly": ["mon"], "start": "18:00", "end": "18:15"}}]},
        "drills": {"start_date": "2026-01-05"},
        "meetings": [{"id": "m1", "kind": "initial", "week": 0, "title": "First Family Network Meeting"}],
    }
    return Scenario.model_validate(data, context=dict(DRAFT))


def new_id(name: str, taken: Iterable[str]) -> str:
    """A readable id for someone new: their name in lower case with underscores, made unique.

    Parameters
    ----------
    name : str
        The person's name as typed.
    taken : iterable of str
        Ids already in use (the people's and the child's).

    Returns
    -------
    str
        Lower-case letters, digits and underscores, starting with a letter, at most 50 characters
        before a number is added to tell it apart (``_2``, ``_3`` …).

    Examples
    --------
    >>> new_id("Nana Pat", [])
    'nana_pat'
    >>> new_id("Nana Pat", ["nana_pat", "nana_pat_2"])
    'nana_pat_3'
    >>> new_id("3 Bears", []), new_id("!!!", ["child"])
    ('p_3_bears', 'person')
    """
    base = re.sub(r"[^a-z0-9]+", "_", name.lower()).strip("_") or "person"
    if not base[0].isalpha():
        base = "p_" + base
    base = base[:50]
    taken = set(taken)
    candidate, number = base, 2
    while candidate in taken:
        candidate, number = f"{base}_{number}", number + 1
    return candidate


def is_paid(domain: str, before: Optional[Person] = None) -> bool:
    """Whether someone counts as paid to be there, given the part of life they are now in.

    Professionals are always paid. Someone new is paid only as a professional.
    Someone already in the network keeps what they were (a foster carer or a
    Staying Put host is paid but not a professional) unless they move into or
    out of the professional part of life: then it follows the new part.

    Parameters
    ----------
    domain : str
        The part of life they are in now (``"professional"``, ``"family"`` …).
    before : Person, optional
        The person as they were, or ``None`` for someone new.

    Returns
    -------
    bool

    Examples
    --------
    >>> from fncoach.model import Person
    >>> carer = Person(id="kim", name="Kim", relationship="Foster carer", domain="household", paid=True)
    >>> is_paid("household", carer), is_paid("family"), is_paid("professional")
    (True, False, True)
    >>> worker = Person(id="sue", name="Sue", relationship="Social worker", domain="professional", paid=True)
    >>> is_paid("friends", worker)
    False
    """
    if before is None or domain == "professional" or before.domain == "professional":
        return domain == "professional"
    return before.paid


def flip_help(help: str) -> str:
    """The direction of help read from the other end of a tie.

    Examples
    --------
    >>> flip_help("a_to_b"), flip_help("b_to_a"), flip_help("both"), flip_help("none")
    ('b_to_a', 'a_to_b', 'both', 'none')
    """
    return _FLIP.get(help, help)


def orient_help(help: str, tie: Tie, first: str) -> str:
    """A direction of help read with ``first`` as the first end, turned to match the way ``tie`` is stored.

    Turning is its own inverse, so the same call reads a stored tie's help
    from ``first``'s end (``orient_help(tie.help, tie, first)``) and turns a
    learner's choice round to store it.

    Examples
    --------
    >>> from fncoach.model import Tie
    >>> tie = Tie(a="gran", b="sam", help="a_to_b")
    >>> orient_help(tie.help, tie, "gran"), orient_help(tie.help, tie, "sam")
    ('a_to_b', 'b_to_a')
    >>> orient_help("b_to_a", tie, "sam")  # "Gran helps Sam", chosen with Sam first, stored Gran first
    'a_to_b'
    """
    return help if tie.a == first else flip_help(help)


def help_for_support(support: Iterable[str]) -> str:
    """The help on a person's tie with the child, written child first: a person who gives any support helps the child.

    Examples
    --------
    >>> help_for_support(("practical",)), help_for_support(())
    ('b_to_a', 'none')
    """
    return "b_to_a" if tuple(support) else "none"


def tie_between(scenario: Scenario, a: str, b: str) -> Optional[Tie]:
    """The tie between ``a`` and ``b`` (either way round), or ``None``.

    Examples
    --------
    >>> from fncoach.examples import tiny_scenario
    >>> s = tiny_scenario()
    >>> tie_between(s, "gran", "zoe").a, tie_between(s, "zoe", "gran").a, tie_between(s, "gran", "gran")
    ('zoe', 'zoe', None)
    """
    for tie in scenario.ties:
        if {tie.a, tie.b} == {a, b}:
            return tie
    return None


def person_changes(scenario: Scenario, person_id: Optional[str], values: Mapping[str, Any], *,
                   closeness: int = 2, contact: str = "weekly") -> tuple[str, list[Change]]:
    """The changes that add someone, or change them, with their tie to the child.

    Parameters
    ----------
    scenario : Scenario
        The network as it is now.
    person_id : str or None
        ``None`` to add someone new; otherwise the id of the person to change.
    values : mapping
        The person's fields from the form (``name``, ``relationship``, ``domain``, ``support``,
        ``safety`` …). Whether they are paid is worked out here (:func:`is_paid`).
    closeness, contact
        Their closeness to the child and how often they are in touch.

    Returns
    -------
    (person_id, changes)
        The id (a new one from :func:`new_id` for someone new) and the changes to apply.

    Raises
    ------
    ValueError
        When the name is empty ("Please write the person's name.").

    Examples
    --------
    >>> from fncoach.examples import tiny_scenario
    >>> s = tiny_scenario()
    >>> pid, changes = person_changes(s, None, {"name": "Gran", "relationship": "Neighbour", "domain": "friends"})
    >>> pid, [type(c).__name__ for c in changes]
    ('gran_2', ['AddPerson', 'AddTie'])
    >>> person_changes(s, "uncle_dev", {"name": "Dev", "relationship": "Uncle", "domain": "family"}, closeness=3)[1][1]
    UpdateTie(a='zoe', b='uncle_dev', changes={'closeness': 3, 'contact': 'weekly', 'help': 'none'})
    """
    values = dict(values)
    values["name"] = str(values.get("name", "")).strip()
    if not values["name"]:
        raise ValueError("Please write the person's name.")
    child_id = scenario.child.id
    before = scenario.person(person_id) if person_id is not None else None
    values["paid"] = is_paid(values.get("domain", ""), before)
    help = help_for_support(values.get("support", ()))
    if person_id is None:
        pid = new_id(values["name"], [p.id for p in scenario.people] + [child_id])
        tie = {"a": child_id, "b": pid, "closeness": closeness, "contact": contact, "help": help}
        return pid, [AddPerson({"id": pid, **values}), AddTie(tie)]
    existing = tie_between(scenario, child_id, person_id)
    if existing is None:
        tie = {"a": child_id, "b": person_id, "closeness": closeness, "contact": contact, "help": help}
        return person_id, [UpdatePerson(person_id, values), AddTie(tie)]
    # the help is written child first: turned round when the stored tie starts at the person
    tie_values = {"closeness": closeness, "contact": contact, "help": orient_help(help, existing, child_id)}
    return person_id, [UpdatePerson(person_id, values), UpdateTie(child_id, person_id, tie_values)]


def tie_changes(scenario: Scenario, a: str, b: str, values: Mapping[str, Any]) -> list[Change]:
    """The change that adds the tie between ``a`` and ``b``, or changes the one already there.

    ``values["help"]`` is read with ``a`` as the first end, as the learner
    chose the two people; it is turned round when the stored tie runs the
    other way, so the direction of help stays as the learner sees it.

    Raises
    ------
    ValueError
        When ``a`` and ``b`` are the same person ("Choose two different people for a tie.").

    Examples
    --------
    >>> from fncoach.examples import tiny_scenario
    >>> s = tiny_scenario()
    >>> tie_changes(s, "gran", "zoe", {"quality": "strong", "help": "a_to_b"})
    [UpdateTie(a='gran', b='zoe', changes={'quality': 'strong', 'help': 'b_to_a'})]
    >>> tie_changes(s, "uncle_dev", "sw_amara", {"help": "both"})
    [AddTie(tie={'a': 'uncle_dev', 'b': 'sw_amara', 'help': 'both'})]
    """
    if a == b:
        raise ValueError("Choose two different people for a tie.")
    values = dict(values)
    existing = tie_between(scenario, a, b)
    if existing is None:
        return [AddTie({"a": a, "b": b, **values})]
    if "help" in values:  # keep the direction of help as the learner sees it
        values["help"] = orient_help(values["help"], existing, a)
    return [UpdateTie(a, b, values)]


def file_name_for(title: str) -> str:
    """A safe scenario file name from the name a learner gives their network ("" if it has no letters or digits).

    Examples
    --------
    >>> file_name_for("Kofi's network (draft 2)")
    'kofis-network-draft-2.yaml'
    >>> file_name_for("Zoë"), file_name_for("my_case.yaml"), file_name_for("  ")
    ('zoe.yaml', 'my_case.yaml', '')
    """
    import unicodedata

    text = unicodedata.normalize("NFKD", title.strip()).encode("ascii", "ignore").decode("ascii").lower()
    text = re.sub(r"\.ya?ml$", "", text).replace("'", "")
    stem = re.sub(r"[^a-z0-9_]+", "-", text).strip("-_")[:60]
    return f"{stem}.yaml" if stem else ""


def save_problem(scenario: Scenario, file_name: str) -> Optional[str]:
    """Why the network cannot be saved as ``file_name`` yet, in plain words; ``None`` when it can.

    Examples
    --------
    >>> from fncoach.examples import example_scenario
    >>> save_problem(example_scenario(), "my_network.yaml") is None
    True
    >>> save_problem(example_scenario(), "../elsewhere.yaml")[:40]
    'Give the file a simple name ending in .y'
    >>> save_problem(blank_scenario(), "my_network.yaml")
    'Add at least one person before saving: a scenario needs someone in the network.'
    """
    if not _FILE_NAME.fullmatch(file_name.strip()):
        return ("Give the file a simple name ending in .yaml, using letters, numbers, - or _ "
                "(for example my_network.yaml).")
    if not scenario.people:
        return "Add at least one person before saving: a scenario needs someone in the network."
    return None
