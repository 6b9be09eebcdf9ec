"""The child's network as a graph, and its basic shape.

:func:`build_graph` turns a scenario (or part of it) into an undirected
:class:`networkx.Graph` whose nodes are person ids (and the child's id) and
whose edges are the scenario's ties. :func:`network_stats` gives the
standard descriptive measures among the network members, the child left
out: size, number of links, density (links ÷ the n(n−1)/2 possible pairs),
average degree (2 × links ÷ n), the most-connected people and the isolated
people (no link to any other member).

Examples
--------
>>> s = _tiny_network_for_doctest()
>>> stats = network_stats(s)
>>> stats.n, stats.links, round(stats.density, 3), stats.most_connected, stats.isolated
(3, 1, 0.333, ('gran', 'mum'), ('dev',))
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable

import networkx as nx

from .model import Person, Scenario, Tie

__all__ = ["NetworkStats", "build_graph", "member_ids", "network_stats", "DIFFICULT_QUALITIES"]

#: Tie qualities that make a relationship hard work (the Social Network Map's "critical" ties).
DIFFICULT_QUALITIES: frozenset[str] = frozenset({"stressful", "conflict", "cut_off"})


def member_ids(scenario: Scenario, people: Iterable[str] | None = None) -> tuple[str, ...]:
    """The ids of the network members to analyse, in the scenario's order.

    Parameters
    ----------
    scenario : Scenario
    people : iterable of str, optional
        Person ids to include. Default: the people the workers already know.
        The child's id is ignored if given.

    Raises
    ------
    ValueError
        When an id is not a person in the scenario (the message names it).

    Examples
    --------
    >>> member_ids(_tiny_network_for_doctest())
    ('gran', 'mum', 'dev')
    """
    if people is None:
        return tuple(p.id for p in scenario.known_people)
    wanted = set(people)
    wanted.discard(scenario.child.id)
    known = {p.id for p in scenario.people}
    unknown = sorted(wanted - known)
    if unknown:
        raise ValueError(f"{', '.join(repr(u) for u in unknown)} {'is' if len(unknown) == 1 else 'are'} not "
                         f"a person in the scenario {scenario.meta.id!r}")
    return tuple(p.id for p in scenario.people if p.id in wanted)


def _person_attributes(person: Person) -> dict:
    return {
        "kind": "professional" if person.is_professional else "person",
        "name": person.name,
        "relationship": person.relationship,
        "domain": person.domain,
        "gender": person.gender,
        "family_side": person.family_side,
        "natural": person.is_natural,
        "network_kind": person.network_kind,
        "safety": person.safety.status,
        "safety_reason": person.safety.reason,
        "support": person.support,
        "travel_minutes": person.travel_minutes,
        "known": person.is_known,
        "person": person,
    }


def _tie_attributes(tie: Tie) -> dict:
    return {
        "a": tie.a,
        "b": tie.b,
        "closeness": tie.closeness,
        "quality": tie.quality,
        "contact": tie.contact,
        "help": tie.help,
        "years_known": tie.years_known,
        "difficult": tie.quality in DIFFICULT_QUALITIES,
        "tie": tie,
    }


def build_graph(scenario: Scenario, *, people: Iterable[str] | None = None, include_child: bool = True) -> nx.Graph:
    """The network as an undirected graph.

    Parameters
    ----------
    scenario : Scenario
    people : iterable of str, optional
        Person ids to include (default: the people the workers already know).
    include_child : bool
        Add the child as a node (``kind="child"``) with their ties.

    Returns
    -------
    networkx.Graph
        Nodes are ids with attributes ``kind`` ("child", "person" or
        "professional"), ``name``, ``relationship``, ``domain``, ``gender``,
        ``family_side``, ``natural``, ``network_kind`` ("natural", "carer" or
        "professional", see :data:`fncoach.model.NETWORK_KINDS`), ``safety``, ``safety_reason``, ``support``,
        ``travel_minutes``, ``known`` and ``person`` (the model object). Edges
        carry ``a`` and ``b`` (the tie's ends as written, for the direction of
        help), ``closeness``, ``quality``, ``contact``, ``help``, ``years_known``,
        ``difficult`` and ``tie``. Only ties whose two ends are both nodes are
        included; if two ties join the same pair, the first one written wins.

    Examples
    --------
    >>> g = build_graph(_tiny_network_for_doctest())
    >>> sorted(g.nodes), g.nodes["kid"]["kind"], g.edges["kid", "gran"]["quality"]
    (['dev', 'gran', 'kid', 'mum'], 'child', 'strong')
    """
    graph = nx.Graph()
    members = member_ids(scenario, people)
    if include_child:
        child = scenario.child
        graph.add_node(child.id, kind="child", name=child.name, relationship="the child", domain=None,
                       natural=True, safety="safe", support=(), known=True)
    by_id = {p.id: p for p in scenario.people}
    for person_id in members:
        graph.add_node(person_id, **_person_attributes(by_id[person_id]))
    for tie in scenario.ties:
        if tie.a in graph and tie.b in graph and not graph.has_edge(tie.a, tie.b):
            graph.add_edge(tie.a, tie.b, **_tie_attributes(tie))
    return graph


@dataclass(frozen=True)
class NetworkStats:
    """Descriptive measures among network members (the child is left out).

    Attributes
    ----------
    n : int
        Number of members.
    links : int
        Number of ties between two members.
    density : float
        ``links / (n (n - 1) / 2)``: the share of possible pairs who are linked (0 when n < 2).
    average_degree : float
        ``2 links / n``: how many other members each member is linked to, on average (0 when n = 0).
    most_connected : tuple of str
        Ids of the member(s) with the most links (empty when nobody has any).
    isolated : tuple of str
        Ids of members with no link to any other member.
    """

    n: int
    links: int
    density: float
    average_degree: float
    most_connected: tuple[str, ...]
    isolated: tuple[str, ...]


def network_stats(scenario: Scenario, people: Iterable[str] | None = None) -> NetworkStats:
    """Size, links, density, average degree, most connected and isolated members.

    Computed among network members only: the child and the child's ties are
    left out, so the numbers describe how well the members know each other.

    Examples
    --------
    >>> network_stats(_tiny_network_for_doctest()).average_degree
    0.6666666666666666
    """
    graph = build_graph(scenario, people=people, include_child=False)
    n = graph.number_of_nodes()
    links = graph.number_of_edges()
    density = links / (n * (n - 1) / 2) if n >= 2 else 0.0
    average = 2 * links / n if n else 0.0
    degrees = dict(graph.degree())
    top = max(degrees.values(), default=0)
    order = list(graph.nodes)  # scenario order
    most = tuple(node for node in order if top > 0 and degrees[node] == top)
    isolated = tuple(node for node in order if degrees[node] == 0)
    return NetworkStats(n=n, links=links, density=density, average_degree=average, most_connected=most, isolated=isolated)


def _tiny_network_for_doctest() -> Scenario:
    """A three-person network used by the doctests in the network modules."""
    from .scenario import load_scenario_text

    return load_scenario_text(_DOCTEST_YAML, "<doctest>")


_DOCTEST_YAML = """
meta: {id: doctest, title: Doctest network, summary: A very small network for examples., learning_goals: [Read an example.]}
child: {id: kid, name: Kim, age: 7, lives_now: With mum}
people:
  - {id: gran, name: Gran Ada, relationship: Grandmother, domain: family, support: [emotional, practical]}
  - {id: mum, name: Mum Jo, relationship: Mum, domain: household, support: [emotional]}
  - {id: dev, name: Dev, relationship: Neighbour, domain: friends, support: [practical]}
ties:
  - {a: kid, b: gran, quality: strong, contact: weekly, closeness: 3, years_known: 7}
  - {a: kid, b: mum, closeness: 3, contact: daily, years_known: 7}
  - {a: gran, b: mum, contact: weekly}
sos:
  cards: [{id: c1, text: Gran visits every week., column: strength, explanation: A good thing to build on.}]
plan:
  tasks: [{id: t1, title: Visit, kind: visit, when: {weekly: [sat], start: "10:00", end: "12:00"}}]
  model_plan: [{task: t1, primary: gran, backups: [dev]}]
drills: {start_date: 2026-01-05}
meetings: [{id: m1, kind: initial, week: 0, title: First meeting}]
"""
