"""Network strength: an explainable score built from named components.

Strength is a teaching aid, not a risk assessment. It is built from ten
components, one per name in :data:`fncoach.model.STRENGTH_COMPONENTS`, each
with a value from 0 (weak) to 1 (strong), a plain-English reason that names
people, and a suggestion for the next conversation. The overall score is the
weighted mean of the values times 100, rounded half up.

What is measured follows the Social Network Map (Tracy & Whittaker, 1990):
size, the parts of life people come from (domains), the kinds of support
they give, closeness, how often they are in touch, how long they have known
the child, and which relationships are critical or stressful. Three more
come from Family Networking practice: whether the network relies on paid
workers, whether members know each other well enough to coordinate without a
worker (and who is a single point of failure), and whether the safety plan
has a backup for every job.

Who counts
----------
*Members* are the people the workers already know (``Person.is_known``), or
the ids passed as ``people``. The *safe natural network* is the members who
are not paid to be there (``Person.is_natural``) and not a worry
(``safety.status != "worry"``; people still "to explore" count, because
ruling people out too early is a known blind spot). A child with nobody in
their safe natural network gets 0 on every component.

The components (value 1 is strong)
-----------------------------------
``safe_natural_size``
    Safe natural members ÷ :data:`SIZE_TARGET` (8), at most 1.
``support_breadth``
    For each kind of support (emotional, practical, information): givers in the
    safe natural network, counted up to 2, ÷ 2; the mean over the three kinds.
``closeness_contact``
    For each safe natural member: the mean of closeness ÷ 3 and the contact
    score of their tie to the child (:data:`CONTACT_SCORES`); no tie counts 0.
    The mean over members.
``domain_spread``
    Different parts of life (household, family, friends, school/work,
    community/faith) in the safe natural network ÷ :data:`DOMAIN_TARGET` (4), at most 1.
``professional_reliance``
    Each member who is not a worry weighs one per kind of support they give
    (at least one); 1 minus the share of that weight held by professionals.
    Foster carers and other paid carers in the child's everyday life
    (``Person.is_paid_carer``) are carers, not professionals who step back:
    their support does not count as leaning on professionals.
``interconnection``
    Among safe natural members, child left out, counting ties that are not cut
    off and not "never" in touch: half is density ÷ :data:`DENSITY_TARGET`
    (0.5), at most 1; half is ``(n − clusters) ÷ (n − 1)`` (1 when everyone is
    in one cluster). Needs at least two members.
``single_points_of_failure``
    ``1 − 0.25 ×`` (kinds of support with exactly one giver + people who are the
    only link to part of the members' graph, i.e. its articulation points), at least 0.
``stressful_ties``
    ``1 −`` the share of ties among the child and members that are stressful,
    conflict or cut off (1 when there are no ties).
``relationship_length``
    For each safe natural member: years known (tie to the child) ÷ the smaller
    of 5 years and the child's age, at most 1; unknown years count 0.5, no tie 0.
``plan_backup``
    The share of plan tasks whose main person and at least one backup are
    members who are not a worry. Uses ``plan.model_plan`` unless ``plan`` is given.

Weights are :data:`DEFAULT_WEIGHTS`; a coach overrides them in the scenario
(``settings.strength_weights``), in a YAML file read by :func:`load_weights`,
or by passing ``weights``. Later overrides win, name by name.

Examples
--------
>>> from fncoach.network import _tiny_network_for_doctest
>>> report = analyse_strength(_tiny_network_for_doctest())
>>> report.score
78
>>> report.component("support_breadth").reason
'Nobody gives information and advice. Emotional support and practical help come from two or more people.'
"""

from __future__ import annotations

import math
import os
from dataclasses import dataclass
from typing import Iterable, Mapping, Sequence

import networkx as nx

from .model import STRENGTH_COMPONENTS, SUPPORT_KINDS, Assignment, Person, Scenario, Tie
from .words import names_in_words
from .network import DIFFICULT_QUALITIES
from .network import member_ids as _member_ids
from .plan import backup_cover
from .yamlfile import FileKind, YamlFileError, did_you_mean, read_yaml_file

__all__ = [
    "Component",
    "StrengthReport",
    "DEFAULT_WEIGHTS",
    "TITLES",
    "SIZE_TARGET",
    "DOMAIN_TARGET",
    "DENSITY_TARGET",
    "CONTACT_SCORES",
    "SPOF_PENALTY",
    "analyse_strength",
    "merge_weights",
    "load_weights",
    "WeightsFileError",
    "single_points_of_failure",
]

#: Default weight of each component. Support from two or more people and single points of failure
#: weigh most (they decide whether the plan survives someone being ill or away); the shape of the
#: network (domains, length of relationships) weighs least.
DEFAULT_WEIGHTS: dict[str, float] = {
    "safe_natural_size": 1.0,
    "support_breadth": 1.5,
    "closeness_contact": 1.0,
    "domain_spread": 0.5,
    "professional_reliance": 1.0,
    "interconnection": 1.0,
    "single_points_of_failure": 1.5,
    "stressful_ties": 1.0,
    "relationship_length": 0.5,
    "plan_backup": 1.0,
}

#: A short title for each component, as shown on the dashboard.
TITLES: dict[str, str] = {
    "safe_natural_size": "Safe people who are not paid to be there",
    "support_breadth": "Each kind of support from two or more people",
    "closeness_contact": "Closeness and contact",
    "domain_spread": "Spread across parts of life",
    "professional_reliance": "Not leaning on professionals",
    "interconnection": "Members know each other",
    "single_points_of_failure": "No single point of failure",
    "stressful_ties": "Few stressful or broken ties",
    "relationship_length": "Long-standing relationships",
    "plan_backup": "Backups in the safety plan",
}

#: A safe natural network of this many people or more scores 1 on size.
SIZE_TARGET = 8
#: This many different parts of life (domains) scores 1 on spread.
DOMAIN_TARGET = 4
#: Density (share of member pairs who are in touch) that scores full marks on that half of interconnection.
DENSITY_TARGET = 0.5
#: What each single point of failure takes off that component.
SPOF_PENALTY = 0.25
#: How much each contact frequency counts towards closeness and contact.
CONTACT_SCORES: dict[str, float] = {
    "daily": 1.0,
    "several_a_week": 0.9,
    "weekly": 0.8,
    "monthly": 0.5,
    "few_times_a_year": 0.25,
    "rarely": 0.1,
    "never": 0.0,
}

_NATURAL_DOMAINS = ("household", "family", "friends", "school_work", "community_faith")
_DOMAIN_WORDS = {
    "household": "home",
    "family": "family",
    "friends": "friends",
    "school_work": "school/work",
    "community_faith": "community/faith",
    "professional": "professionals",
}
_SUPPORT_WORDS = {
    "emotional": "emotional support",
    "practical": "practical help",
    "information": "information and advice",
}
_SUPPORT_SUGGESTIONS = {
    "emotional": "Who does {child} talk to when something is worrying them?",
    "practical": "Who else could help with things like school runs, meals or a bed for the night?",
    "information": "Who could the family ask for advice, perhaps someone who has been through something similar?",
}
_CONTACT_WORDS = {
    "daily": "every day",
    "several_a_week": "several times a week",
    "weekly": "every week",
    "monthly": "about once a month",
    "few_times_a_year": "a few times a year",
    "rarely": "rarely",
    "never": "never",
}
_QUALITY_WORDS = {"stressful": "stressful", "conflict": "in conflict", "cut_off": "cut off"}


@dataclass(frozen=True)
class Component:
    """One part of the strength score.

    Attributes
    ----------
    name : str
        One of :data:`fncoach.model.STRENGTH_COMPONENTS`.
    title : str
        A short title for people.
    value : float
        0 (weak) to 1 (strong).
    weight : float
        Its weight in the overall score.
    reason : str
        Why it has this value, naming people.
    suggestion : str
        A question or next step for the network.
    """

    name: str
    title: str
    value: float
    weight: float
    reason: str
    suggestion: str

    def to_dict(self) -> dict:
        """Plain data (for JSON)."""
        return {"name": self.name, "title": self.title, "value": self.value, "weight": self.weight,
                "reason": self.reason, "suggestion": self.suggestion}


@dataclass(frozen=True)
class StrengthReport:
    """The strength of a network: an overall score and its components.

    Attributes
    ----------
    score : int
        0 to 100: the weighted mean of the component values × 100, rounded half up.
    components : tuple of Component
        One per name in :data:`fncoach.model.STRENGTH_COMPONENTS`, in that order.
    """

    score: int
    components: tuple[Component, ...]

    def component(self, name: str) -> Component:
        """The component with this name (KeyError if there is none)."""
        for component in self.components:
            if component.name == name:
                return component
        raise KeyError(name)

    @property
    def values(self) -> dict[str, float]:
        """Component name → value."""
        return {c.name: c.value for c in self.components}

    def to_dict(self) -> dict:
        """Plain data (for JSON): ``score`` and ``components``."""
        return {"score": self.score, "components": [c.to_dict() for c in self.components]}


# --------------------------------------------------------------------------- weights


def _check_weights(weights: Mapping[str, float], where: str) -> None:
    for name, weight in weights.items():
        if name not in STRENGTH_COMPONENTS:
            raise ValueError(f"{where}: {name!r} is not a strength component; use one of: {', '.join(STRENGTH_COMPONENTS)}")
        if isinstance(weight, bool) or not isinstance(weight, (int, float)):
            raise ValueError(f"{where}: the weight for {name} must be a number, not {weight!r}")
        if weight < 0:
            raise ValueError(f"{where}: the weight for {name} must be 0 or more, not {weight}")


def merge_weights(scenario: Scenario | None = None, weights: Mapping[str, float] | None = None) -> dict[str, float]:
    """The weights in use: defaults, then the scenario's ``settings.strength_weights``, then ``weights``.

    Raises
    ------
    ValueError
        For an unknown component name, a negative weight, or when every weight is 0.

    Examples
    --------
    >>> merge_weights(None, {"plan_backup": 3})["plan_backup"]
    3.0
    """
    merged = dict(DEFAULT_WEIGHTS)
    if scenario is not None:
        merged.update({k: float(v) for k, v in scenario.settings.strength_weights.items()})
    if weights:
        _check_weights(weights, "strength weights")
        merged.update({k: float(v) for k, v in weights.items()})
    if not any(w > 0 for w in merged.values()):
        raise ValueError("strength weights: at least one weight must be more than 0")
    return merged


class WeightsFileError(YamlFileError):
    """A weights file could not be used. ``problems`` lists each problem (file, line, column, key)."""

    @classmethod
    def heading(cls, count: int) -> str:
        """``the weights file has 2 problems``."""
        return f"the weights file has {count} problem{'s' if count != 1 else ''}"


_WEIGHT_NAMES_HINT = "Use one of: " + ", ".join(STRENGTH_COMPONENTS) + "."

#: How the reader speaks about weights files.
WEIGHTS_FILE = FileKind(
    noun="weights file",
    error=WeightsFileError,
    missing_message="there is no weights file here",
    start_hint="Write one 'component: weight' per line, e.g. plan_backup: 2.",
    size_hint="A weights file is a few 'component: weight' lines; check this is the right file.",
    syntax_hint="Write one 'component: weight' per line, e.g. plan_backup: 2",
)


def load_weights(path: str | os.PathLike[str]) -> dict[str, float]:
    """Read a coach's weights from a YAML file of ``component: weight`` lines.

    Only the components named in the file are returned; the others keep their
    default (or scenario) weight when passed to :func:`analyse_strength`.

    Raises
    ------
    WeightsFileError
        With one problem per bad line (file, line, column, the key and what to write instead).

    Examples
    --------
    >>> import tempfile, pathlib
    >>> f = pathlib.Path(tempfile.mkdtemp()) / "weights.yaml"
    >>> _ = f.write_text("plan_backup: 2\\nsupport_breadth: 0.5\\n", encoding="utf-8")
    >>> load_weights(f)
    {'plan_backup': 2.0, 'support_breadth': 0.5}
    """
    doc = read_yaml_file(path, WEIGHTS_FILE)
    if not isinstance(doc.data, dict):
        raise WEIGHTS_FILE.whole_file(doc.file, "the file should hold 'component: weight' lines",
                                      "Write one per line, e.g. plan_backup: 2. " + _WEIGHT_NAMES_HINT, 1, 1)
    weights: dict[str, float] = {}
    problems = doc.duplicate_key_problems()
    for key, value in doc.data.items():
        name = str(key)
        if name not in STRENGTH_COMPONENTS:
            problems.append(doc.problem((name,), f"{name!r} is not a strength component",
                                        did_you_mean(name, STRENGTH_COMPONENTS, list_up_to=0,
                                                     otherwise=_WEIGHT_NAMES_HINT), key=True))
        elif isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
            problems.append(doc.problem((name,), f"the weight for {name} must be a number",
                                        "Write a number of 0 or more, e.g. 1.5."))
        elif value < 0:
            problems.append(doc.problem((name,), f"the weight for {name} must be 0 or more, not {value}",
                                        "Write 0 to leave it out of the score, or a positive number."))
        else:
            weights[name] = float(value)
    if problems:
        raise WeightsFileError(sorted(problems, key=lambda p: (p.line, p.column)))
    return weights


# --------------------------------------------------------------------------- helpers


_names = names_in_words


def _plural(count: int, word: str, plural: str | None = None) -> str:
    return f"{count} {word if count == 1 else (plural or word + 's')}"


def _gives(names: Sequence[str]) -> str:
    return "gives" if len(names) == 1 else "give"


def _is_safe(person: Person) -> bool:
    return person.safety.status != "worry"


@dataclass
class _Context:
    scenario: Scenario
    child: str
    members: list[Person]
    safe_natural: list[Person]
    child_ties: dict[str, Tie]
    graph: nx.Graph  # safe natural members, working links, child left out
    ties: list[Tie]  # ties among the child and members
    names: dict[str, str]  # id -> name for the child and every person


def _context(scenario: Scenario, people: Iterable[str] | None) -> _Context:
    wanted = set(_member_ids(scenario, people))
    members = [p for p in scenario.people if p.id in wanted]
    safe_natural = [p for p in members if p.is_natural and _is_safe(p)]
    child_id = scenario.child.id
    member_ids = {p.id for p in members}
    safe_ids = {p.id for p in safe_natural}
    child_ties: dict[str, Tie] = {}
    ties: list[Tie] = []
    seen: set[tuple[str, str]] = set()
    edges: list[tuple[str, str]] = []
    ends = member_ids | {child_id}
    for tie in scenario.ties:
        a, b = tie.a, tie.b
        if a not in ends or b not in ends:
            continue
        pair = (a, b) if a < b else (b, a)
        if pair in seen:
            continue
        seen.add(pair)
        ties.append(tie)
        if a == child_id:
            child_ties[b] = tie
        elif b == child_id:
            child_ties[a] = tie
        elif a in safe_ids and b in safe_ids and tie.quality != "cut_off" and tie.contact != "never":
            edges.append(pair)
    graph = nx.Graph()
    graph.add_nodes_from(p.id for p in safe_natural)
    graph.add_edges_from(edges)
    names = {p.id: p.name for p in scenario.people}
    names[child_id] = scenario.child.name
    return _Context(scenario, scenario.child.name, members, safe_natural, child_ties, graph, ties, names)


def _givers(ctx: _Context, kind: str) -> list[Person]:
    return [p for p in ctx.safe_natural if kind in p.support]


def _only_link_sentence(graph: nx.Graph, hub: str, names: Mapping[str, str], order: Mapping[str, int]) -> str:
    """Say who loses touch if ``hub`` goes: the smaller parts, or everyone when the parts are the same size."""
    adjacency = graph.adj
    seen = {hub}
    parts: list[list[str]] = []
    for start in adjacency[hub]:  # breadth-first search from each neighbour, never passing through the hub
        if start in seen:
            continue
        seen.add(start)
        part, frontier = [start], [start]
        while frontier:
            nxt = []
            for node in frontier:
                for other in adjacency[node]:
                    if other not in seen:
                        seen.add(other)
                        part.append(other)
                        nxt.append(other)
            frontier = nxt
        parts.append(sorted(part, key=order.__getitem__))
    parts.sort(key=lambda part: (len(part), order[part[0]]))
    if len(parts) >= 2 and len(parts[-1]) > len(parts[-2]):
        return f"{names[hub]} is the only link to {_names([names[n] for part in parts[:-1] for n in part])}."
    everyone = sorted((n for part in parts for n in part), key=order.__getitem__)
    return f"Without {names[hub]}, {_names([names[n] for n in everyone])} would lose touch with each other."


def single_points_of_failure(scenario: Scenario, people: Iterable[str] | None = None) -> dict[str, tuple]:
    """Who the network hangs on: sole givers of a kind of support, and only links.

    Returns
    -------
    dict
        ``"sole_givers"``: ``(kind, person_id)`` pairs for each kind of support
        that exactly one safe natural member gives; ``"only_links"``: ids of the
        people who are the only link to part of the members' graph (its
        articulation points, the child left out).

    Examples
    --------
    >>> from fncoach.network import _tiny_network_for_doctest
    >>> single_points_of_failure(_tiny_network_for_doctest(), people=["gran", "dev"])
    {'sole_givers': (('emotional', 'gran'),), 'only_links': ()}
    """
    ctx = _context(scenario, people)
    sole = tuple((kind, givers[0].id) for kind in SUPPORT_KINDS
                 if len(givers := _givers(ctx, kind)) == 1)
    order = {p.id: i for i, p in enumerate(ctx.safe_natural)}
    links = tuple(sorted(nx.articulation_points(ctx.graph), key=order.__getitem__))
    return {"sole_givers": sole, "only_links": links}


# --------------------------------------------------------------------------- the components
# Each returns (value, reason, suggestion). They are only called when the safe natural network is not empty.


def _safe_natural_size(ctx: _Context) -> tuple[float, str, str]:
    n = len(ctx.safe_natural)
    value = min(1.0, n / SIZE_TARGET)
    names = _names([p.name for p in ctx.safe_natural])
    reason = f"{_plural(n, 'safe person', 'safe people')} who {'is' if n == 1 else 'are'} not paid to be there: {names}."
    worries = [p.name for p in ctx.members if p.is_natural and not _is_safe(p)]
    if worries:
        reason += f" {_names(worries)} {'is' if len(worries) == 1 else 'are'} not counted while there is a worry about them."
    exploring = [p.name for p in ctx.safe_natural if p.safety.status == "to_explore"]
    if exploring:
        reason += f" {_names(exploring)} still {'needs' if len(exploring) == 1 else 'need'} to be explored."
    if n >= SIZE_TARGET:
        suggestion = f"A good-sized network: keep everyone involved and tell {ctx.child} who is in it."
    else:
        suggestion = (f"Who else is in {ctx.child}'s life? Ask about places they have lived, birthdays, "
                      "both sides of the family and who they miss.")
    return value, reason, suggestion


def _support_breadth(ctx: _Context) -> tuple[float, str, str]:
    parts, missing, single, strong = [], [], [], []
    for kind in SUPPORT_KINDS:
        givers = _givers(ctx, kind)
        parts.append(min(len(givers), 2) / 2)
        if not givers:
            missing.append(kind)
        elif len(givers) == 1:
            single.append((kind, givers[0]))
        else:
            strong.append(kind)
    sentences = [f"Only {person.name} gives {_SUPPORT_WORDS[kind]}." for kind, person in single]
    if missing:
        sentences.append(f"Nobody gives {_names([_SUPPORT_WORDS[k] for k in missing])}.")
    if not sentences:
        sentences.append("Every kind of support (emotional, practical, information and advice) comes from two or more people.")
    elif strong:
        sentences.append(f"{_names([_SUPPORT_WORDS[k] for k in strong]).capitalize()} "
                         f"{'comes' if len(strong) == 1 else 'come'} from two or more people.")
    weakest = [k for k in SUPPORT_KINDS if k in missing] + [k for k, _ in single]
    if weakest:
        suggestion = _SUPPORT_SUGGESTIONS[weakest[0]].format(child=ctx.child)
    else:
        suggestion = "Check that each helper knows who else gives the same kind of support."
    return sum(parts) / len(parts), " ".join(sentences), suggestion


def _closeness_contact(ctx: _Context) -> tuple[float, str, str]:
    scores: list[float] = []
    close, distant, no_tie = [], [], []
    for person in ctx.safe_natural:
        tie = ctx.child_ties.get(person.id)
        if tie is None:
            scores.append(0.0)
            no_tie.append(person.name)
            continue
        score = (tie.closeness / 3 + CONTACT_SCORES[tie.contact]) / 2
        scores.append(score)
        if score >= 0.75:
            close.append(person.name)
        elif score < 0.5:
            distant.append(f"{person.name} ({_CONTACT_WORDS[tie.contact]})")
    sentences = []
    if close:
        sentences.append(f"{_names(close)} {'is' if len(close) == 1 else 'are'} close to {ctx.child} and in touch often.")
    if distant:
        sentences.append(f"{_names(distant)} {'is' if len(distant) == 1 else 'are'} not in touch much.")
    if no_tie:
        sentences.append(f"We do not know how {_names(no_tie)} {'is' if len(no_tie) == 1 else 'are'} linked to {ctx.child}.")
    if not sentences:
        sentences.append(f"Everyone is fairly close to {ctx.child} and in touch at least monthly.")
    if distant or no_tie:
        who = [d.split(" (")[0] for d in distant] + no_tie
        suggestion = f"Could {_names(who)} see or call {ctx.child} more often, for example a regular call or visit?"
    else:
        suggestion = "Keep the regular contact going and ask the network how it will carry on after professionals step back."
    return sum(scores) / len(scores), " ".join(sentences), suggestion


def _domain_spread(ctx: _Context) -> tuple[float, str, str]:
    present = [d for d in _NATURAL_DOMAINS if any(p.domain == d for p in ctx.safe_natural)]
    value = min(1.0, len(present) / DOMAIN_TARGET)
    absent = [d for d in _NATURAL_DOMAINS if d not in present]
    reason = f"People come from {_plural(len(present), 'part')} of {ctx.child}'s life: {_names([_DOMAIN_WORDS[d] for d in present])}."
    if absent:
        words = [_DOMAIN_WORDS[d] for d in absent]
        reason += " Nobody yet from " + (", ".join(words[:-1]) + " or " + words[-1] if len(words) > 1 else words[0]) + "."
        first = [d for d in absent if d != "household"] or absent
        suggestion = {
            "household": f"Who lives with {ctx.child}, or used to, who could be part of the network?",
            "family": f"Who is in {ctx.child}'s family on each side, including family who live far away?",
            "friends": f"Who are {ctx.child}'s friends, and the family friends who have known them a long time?",
            "school_work": f"Is there anyone at school (or work) whom {ctx.child} trusts?",
            "community_faith": f"Is there anyone from a club, place of worship or community group who knows {ctx.child}?",
        }[first[0]]
    else:
        suggestion = "A wide spread: think about who from each part of life could take a role in the plan."
    return value, reason, suggestion


def _professional_reliance(ctx: _Context) -> tuple[float, str, str]:
    counted = [p for p in ctx.members if _is_safe(p)]
    total = sum(max(1, len(p.support)) for p in counted)
    professionals = [p for p in counted if p.is_professional]
    carers = [p for p in counted if p.is_paid_carer]
    leaning = sum(max(1, len(p.support)) for p in professionals)
    value = 1 - leaning / total if total else 0.0
    carer_names = _names([p.name for p in carers])
    one = len(carers) == 1
    carers_sentence = (f" {carer_names} {'is a carer' if one else 'are carers'} in {ctx.child}'s everyday life, "
                       f"not {'a professional who steps' if one else 'professionals who step'} back, so their "
                       "support is not counted as leaning on professionals: they can be a lasting relationship for "
                       f"{ctx.child}, though a placement can end." if carers else "")
    if not professionals:
        reason = ("No professional gives support here: it all comes from the natural network"
                  + (" and from carers." if carers else ".") + carers_sentence)
        suggestion = "Keep it that way: professionals can help find people but cannot stay for life."
    else:
        share = round(100 * (1 - value))
        reason = (f"{_names([p.name for p in professionals])} {'is a professional and gives' if len(professionals) == 1 else 'are professionals and give'} "
                  f"about {share}% of the support.") + carers_sentence
        others = [*ctx.safe_natural, *carers]
        kinds_only_paid = [k for k in SUPPORT_KINDS
                           if any(k in p.support for p in professionals) and not any(k in p.support for p in others)]
        if kinds_only_paid:
            reason += f" {_names([_SUPPORT_WORDS[k] for k in kinds_only_paid]).capitalize()} comes only from professionals."
            suggestion = (f"Who in the family or community could take over {_SUPPORT_WORDS[kinds_only_paid[0]]} "
                          "when professionals step back?")
        else:
            suggestion = "Plan how the network will manage when professionals step back."
    return value, reason, suggestion


def _interconnection(ctx: _Context) -> tuple[float, str, str]:
    graph = ctx.graph
    n = graph.number_of_nodes()
    if n < 2:
        only = ctx.safe_natural[0].name
        return (0.0, f"{only} is the only safe person not paid to be there, so there is nobody to share the load with.",
                f"Who could {only} call on if they needed help with {ctx.child}?")
    links = graph.number_of_edges()
    density = links / (n * (n - 1) / 2)
    clusters = list(nx.connected_components(graph))
    value = 0.5 * min(1.0, density / DENSITY_TARGET) + 0.5 * (n - len(clusters)) / (n - 1)
    names = {p.id: p.name for p in ctx.safe_natural}
    pct = round(100 * density)
    pairs = n * (n - 1) // 2
    order = {p.id: i for i, p in enumerate(ctx.safe_natural)}
    alone = sorted((next(iter(c)) for c in clusters if len(c) == 1), key=order.__getitem__)
    if links == 0:
        everyone = _names([p.name for p in ctx.safe_natural])
        reason = (f"{everyone} do not know each other (or are not in touch), so they can only "
                  f"work together through {ctx.child} or a worker.")
        return 0.0, reason, f"Who could bring {everyone} together, for example at a Family Network Meeting?"
    if n == 2:
        reason = f"{_names([p.name for p in ctx.safe_natural])} know each other and are in touch."
    else:
        reason = (f"{links} of the {pairs} possible pairs of people ({pct}%) {'knows' if links == 1 else 'know'} "
                  f"each other and {'is' if links == 1 else 'are'} in touch, not counting {ctx.child}.")
    if len(clusters) == 1:
        reason += " Everyone is linked, so the network could organise itself without a worker."
        suggestion = "Ask the network who will keep everyone in touch between meetings."
    else:
        reason += f" They fall into {len(clusters)} separate groups that only meet through {ctx.child} or a worker."
        if alone:
            reason += f" {_names([names[a] for a in alone])} {'knows' if len(alone) == 1 else 'know'} nobody else in the network."
            suggestion = f"Who could introduce {_names([names[a] for a in alone])} to the others before the meeting?"
        else:
            suggestion = "How could the separate groups get to know each other, for example at the Family Network Meeting?"
    return value, reason, suggestion


def _single_points_of_failure(ctx: _Context) -> tuple[float, str, str]:
    sole = [(kind, givers[0]) for kind in SUPPORT_KINDS if len(givers := _givers(ctx, kind)) == 1]
    order = {p.id: i for i, p in enumerate(ctx.safe_natural)}
    names = {p.id: p.name for p in ctx.safe_natural}
    links = sorted(nx.articulation_points(ctx.graph), key=order.__getitem__)
    issues = len(sole) + len(links)
    value = max(0.0, 1.0 - SPOF_PENALTY * issues)
    sentences = []
    by_person: dict[str, list[str]] = {}
    for kind, person in sole:
        by_person.setdefault(person.name, []).append(_SUPPORT_WORDS[kind])
    for name, kinds in by_person.items():
        sentences.append(f"If {name} could not help, nobody else gives {_names(kinds)}.")
    for hub in links[:3]:
        sentences.append(_only_link_sentence(ctx.graph, hub, names, order))
    if len(links) > 3:
        sentences.append(f"{_plural(len(links) - 3, 'more person', 'more people')} {'is' if len(links) - 3 == 1 else 'are'} the only link to part of the network.")
    if not sentences:
        sentences.append("Nobody is the only person giving a kind of support, and nobody is the only link between people.")
        suggestion = "Check the plan too: does every job have a backup?"
    else:
        first = (sole[0][1].name if sole else names[links[0]])
        suggestion = f"What would happen if {first} were ill or away? Who could step in?"
    return value, " ".join(sentences), suggestion


def _stressful_ties(ctx: _Context) -> tuple[float, str, str]:
    if not ctx.ties:
        return (1.0, "No ties are recorded yet, so none is stressful.",
                "As you add ties, ask which relationships are hard work and why.")
    difficult = [t for t in ctx.ties if t.quality in DIFFICULT_QUALITIES]
    value = 1.0 - len(difficult) / len(ctx.ties)
    if not difficult:
        return (value, f"None of the {len(ctx.ties)} ties is stressful, in conflict or cut off.",
                "Ask whether any relationship is harder than it looks, and what helps it work.")
    name = ctx.names.__getitem__
    described = [f"{name(t.a)} and {name(t.b)} ({_QUALITY_WORDS[t.quality]})" for t in difficult[:3]]
    described += [""] * (len(difficult) - len(described))  # counted as "and N others" by _names
    reason = (f"{len(difficult)} of the {len(ctx.ties)} ties {'is' if len(difficult) == 1 else 'are'} stressful, "
              f"in conflict or cut off: {_names(described, limit=3)}.")
    first = difficult[0]
    suggestion = (f"What would make things easier between {name(first.a)} and {name(first.b)}, "
                  "and who could help with that?")
    return value, reason, suggestion


def _relationship_length(ctx: _Context) -> tuple[float, str, str]:
    target = min(5.0, max(1.0, float(ctx.scenario.child.age)))
    scores, long_known, new, unknown = [], [], [], []
    for person in ctx.safe_natural:
        tie = ctx.child_ties.get(person.id)
        if tie is None:
            scores.append(0.0)
            unknown.append(person.name)
        elif tie.years_known is None:
            scores.append(0.5)
            unknown.append(person.name)
        else:
            scores.append(min(1.0, tie.years_known / target))
            (long_known if tie.years_known >= target else new if tie.years_known < 1 else []).append(person.name)
    sentences = []
    if long_known:
        sentences.append(f"{_names(long_known)} {'has' if len(long_known) == 1 else 'have'} known {ctx.child} "
                         f"for {target:g} years or more.")
    if new:
        sentences.append(f"{_names(new)} {'is' if len(new) == 1 else 'are'} new to {ctx.child} (less than a year).")
    if unknown:
        sentences.append(f"We do not know how long {_names(unknown)} {'has' if len(unknown) == 1 else 'have'} known {ctx.child}.")
    if not sentences:
        sentences.append(f"Everyone has known {ctx.child} for at least a year.")
    if unknown:
        suggestion = f"Ask {ctx.child} and the family how long they have known {_names(unknown)}."
    elif new:
        suggestion = f"Who has known {ctx.child} the longest, and are they part of the network yet?"
    else:
        suggestion = f"Long relationships are a strength: ask these people to share what they know of {ctx.child}'s story."
    return sum(scores) / len(scores), " ".join(sentences), suggestion


def _plan_backup(ctx: _Context, plan: Sequence[Assignment] | None) -> tuple[float, str, str]:
    tasks = ctx.scenario.plan.tasks
    assignments = ctx.scenario.plan.model_plan if plan is None else tuple(plan)
    if not tasks:
        return 0.0, "The safety plan has no tasks yet.", "Ask the network what needs doing to keep the child safe."
    cover = backup_cover(ctx.scenario, assignments, people=[p.id for p in ctx.members if _is_safe(p)])
    titles = {t.id: t.title for t in tasks}
    covered = len(cover.backed)
    no_one = [titles[t] for t in cover.no_one]
    no_backup = [(titles[t], ctx.names[who]) for t, who in cover.no_backup]
    value = cover.share
    if len(tasks) == 1:
        sentences = [f"The one job in the plan {'has' if covered else 'does not have'} a backup."]
    else:
        if covered == len(tasks):
            sentences = [f"{'Both' if covered == 2 else f'All {covered}'} jobs in the plan have a backup."]
        else:
            sentences = [f"{covered or 'None'} of the {len(tasks)} jobs in the plan {'has' if covered <= 1 else 'have'} a backup."]
    if no_backup:
        title, who = no_backup[0]
        sentences.append(f"Nobody backs up {who} for '{title}'"
                         + (f" (and {_plural(len(no_backup) - 1, 'more job')})." if len(no_backup) > 1 else "."))
    if no_one:
        sentences.append(f"Nobody in the network is named for {_names([repr(t) for t in no_one], limit=3)}.")
    if no_backup:
        suggestion = f"What if {no_backup[0][1]} is ill or on holiday? Who would do '{no_backup[0][0]}' then?"
    elif no_one:
        suggestion = f"Who in the network could take on '{no_one[0]}'?"
    else:
        suggestion = "Practise the backups: ask each backup to step in once before the review."
    return value, " ".join(sentences), suggestion


_EMPTY_SUGGESTIONS = {
    "safe_natural_size": "Every child has a network and it can be found if we try: ask who {child} misses, "
                         "who came to their last birthday and who is on each side of the family.",
    "support_breadth": "Ask who has helped before, even once: a lift, a meal, a listening ear.",
    "closeness_contact": "Ask {child} who they would like to see more of.",
    "domain_spread": "Think about family, friends, school and community: who knows {child} in each?",
    "professional_reliance": "Professionals can help find people, but cannot stay for life.",
    "interconnection": "Once people are found, bring them together at a Family Network Meeting.",
    "single_points_of_failure": "Look for at least two people for every kind of support.",
    "stressful_ties": "When people are found, ask which relationships are easy and which are hard work.",
    "relationship_length": "Ask who has known {child} the longest, from when they were little.",
    "plan_backup": "A plan needs people: find the network first, then name a main person and a backup for each job.",
}


def analyse_strength(scenario: Scenario, weights: Mapping[str, float] | None = None, *,
                     people: Iterable[str] | None = None,
                     plan: Sequence[Assignment] | None = None) -> StrengthReport:
    """Analyse how strong a child's network is, component by component.

    Parameters
    ----------
    scenario : Scenario
    weights : mapping of str to float, optional
        Weights to override (on top of :data:`DEFAULT_WEIGHTS` and the scenario's
        ``settings.strength_weights``).
    people : iterable of str, optional
        Person ids to analyse (default: the people the workers already know).
    plan : sequence of Assignment, optional
        The plan to check for backups (default: the scenario's model plan).

    Returns
    -------
    StrengthReport

    Raises
    ------
    ValueError
        For an unknown component or person id, a negative weight, or all weights 0.

    Examples
    --------
    >>> from fncoach.network import _tiny_network_for_doctest
    >>> s = _tiny_network_for_doctest()
    >>> analyse_strength(s, people=[]).score
    0
    >>> analyse_strength(s, {"plan_backup": 0}).component("plan_backup").weight
    0.0
    """
    merged = merge_weights(scenario, weights)
    ctx = _context(scenario, people)
    results: dict[str, tuple[float, str, str]] = {}
    if not ctx.safe_natural:
        paid = [p.name for p in ctx.members]
        reason = f"There is nobody yet in {ctx.child}'s network who is safe and not paid to be there."
        if paid:
            reason += f" {_names(paid)} {'is' if len(paid) == 1 else 'are'} known, but paid to be there or a worry."
        for name in STRENGTH_COMPONENTS:
            results[name] = (0.0, reason, _EMPTY_SUGGESTIONS[name].format(child=ctx.child))
    else:
        results = {
            "safe_natural_size": _safe_natural_size(ctx),
            "support_breadth": _support_breadth(ctx),
            "closeness_contact": _closeness_contact(ctx),
            "domain_spread": _domain_spread(ctx),
            "professional_reliance": _professional_reliance(ctx),
            "interconnection": _interconnection(ctx),
            "single_points_of_failure": _single_points_of_failure(ctx),
            "stressful_ties": _stressful_ties(ctx),
            "relationship_length": _relationship_length(ctx),
            "plan_backup": _plan_backup(ctx, plan),
        }
    components = tuple(
        Component(name=name, title=TITLES[name], value=float(results[name][0]), weight=merged[name],
                  reason=results[name][1], suggestion=results[name][2])
        for name in STRENGTH_COMPONENTS
    )
    total = sum(c.weight for c in components)
    mean = sum(c.weight * c.value for c in components) / total
    return StrengthReport(score=int(mean * 100 + 0.5), components=components)
