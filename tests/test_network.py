"""Network graph and descriptive measures on hand-built networks."""

from __future__ import annotations

import pytest

from fncoach.network import build_graph, member_ids, network_stats
from netbuild import person, scenario, star, tie


def test_star_stats_leave_the_child_out():
    s = star(3)  # hub + 3 leaves, 3 member links, plus 4 ties to the child
    stats = network_stats(s)
    assert stats.n == 4
    assert stats.links == 3
    assert stats.density == pytest.approx(3 / 6)  # 3 of 4*3/2 pairs
    assert stats.average_degree == pytest.approx(2 * 3 / 4)
    assert stats.most_connected == ("hub",)
    assert stats.isolated == ()


def test_path_with_isolated_people_and_ties_between():
    s = scenario([person("a"), person("b"), person("c"), person("d"), person("e")],
                 [tie("a", "b"), tie("b", "c"), tie("sam", "d"), tie("sam", "a")])
    stats = network_stats(s)
    assert (stats.n, stats.links) == (5, 2)
    assert stats.density == pytest.approx(2 / 10)
    assert stats.average_degree == pytest.approx(0.8)
    assert stats.most_connected == ("b",)
    assert stats.isolated == ("d", "e")  # d is only linked to the child


def test_complete_network_has_density_one_and_ties_tie_for_most_connected():
    ids = ["a", "b", "c"]
    s = scenario([person(i) for i in ids], [tie("a", "b"), tie("b", "c"), tie("a", "c")])
    stats = network_stats(s)
    assert stats.density == 1.0
    assert stats.most_connected == ("a", "b", "c")


def test_nobody_linked_and_single_person():
    s = scenario([person("a")])
    stats = network_stats(s)
    assert (stats.n, stats.links, stats.density, stats.average_degree) == (1, 0, 0.0, 0.0)
    assert stats.most_connected == () and stats.isolated == ("a",)
    empty = network_stats(s, people=[])
    assert (empty.n, empty.density, empty.average_degree, empty.isolated) == (0, 0.0, 0.0, ())


def test_not_yet_known_people_are_left_out_unless_asked_for():
    hidden = person("aunt", not_yet_known={"found_by": ["fathers_side"], "clue": "Dad mentions his sister."})
    s = scenario([person("a"), hidden], [tie("a", "aunt")])
    assert member_ids(s) == ("a",)
    assert network_stats(s).links == 0
    assert network_stats(s, people=["a", "aunt"]).links == 1


def test_graph_attributes_and_child_node():
    s = star(2)
    g = build_graph(s)
    assert g.nodes["sam"]["kind"] == "child"
    assert g.nodes["hub"]["support"] == ("emotional", "practical")
    assert g.edges["sam", "hub"]["closeness"] == 3
    assert "sam" not in build_graph(s, include_child=False)


def test_duplicate_tie_first_one_wins():
    s = scenario([person("a"), person("b")], [tie("a", "b", quality="strong"), tie("b", "a", quality="conflict")])
    g = build_graph(s)
    assert g.number_of_edges() == 1 and g.edges["a", "b"]["quality"] == "strong"


def test_unknown_person_id_is_named():
    with pytest.raises(ValueError, match="'nobody' is not a person"):
        network_stats(star(2), people=["hub", "nobody"])
