"""Tests for the eco-map figure: readable labels, determinism, description."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from fncoach.examples import TINY_PATH
from fncoach.model import DOMAINS, TIE_QUALITIES, Person, Safety, Tie
from fncoach.scenario import load_scenario
from fncoach.viz.ecomap import draw_ecomap, label_overlaps
from fresh import same_in_fresh_processes

ROOT = Path(__file__).resolve().parent.parent


def synthetic_network(tiny, size: int):
    """The tiny scenario grown to ``size`` people with every domain, tie quality and safety status."""
    first = ["Ada", "Bea", "Cal", "Dara", "Eli", "Fran", "Gus", "Hana", "Ivo", "Jo", "Kit", "Lou", "Mo", "Nell",
             "Oz", "Pip", "Quin", "Ros", "Sid", "Tam"]
    last = ["Okafor", "Smith", "Nowak", "Khan", "Byrne", "Patel", "Jones", "Li", "Evans", "Osei"]
    roles = ["Maternal grandmother", "Cousin", "Neighbour", "Football coach", "Godmother", "Family friend",
             "Teacher", "Uncle", "Health visitor", "Church youth leader"]
    people, ties = list(tiny.people), list(tiny.ties)
    for i in range(size - len(people)):
        domain = DOMAINS[i % len(DOMAINS)]
        status = ("safe", "safe", "to_explore", "worry")[i % 4]
        people.append(Person(id=f"p{i}", name=f"{first[i % 20]} {last[i % 10]}{'' if i < 20 else '-' + last[(i + 3) % 10]}",
                             relationship=roles[i % 10], domain=domain, paid=domain == "professional",
                             safety=Safety(status=status, reason="" if status == "safe" else "Not met yet.")))
        ties.append(Tie(a=tiny.child.id, b=f"p{i}", closeness=1 + i % 3, quality=TIE_QUALITIES[i % 7],
                        help=("b_to_a", "none", "both")[i % 3]))
        if i >= 3 and i % 3 == 0:
            ties.append(Tie(a=f"p{i}", b=f"p{i - 3}", quality=TIE_QUALITIES[(i // 3) % 7]))
    return tiny.model_copy(update={"people": tuple(people), "ties": tuple(ties)})


def _scenario_paths() -> list[Path]:
    return sorted((ROOT / "scenarios").glob("*.yaml")) + [TINY_PATH]


@pytest.mark.parametrize("path", _scenario_paths(), ids=lambda p: p.stem)
def test_no_label_overlaps_in_any_scenario(path):
    scenario = load_scenario(path)
    result = draw_ecomap(scenario)
    assert label_overlaps(result) == []
    known_only = draw_ecomap(scenario, people=[p.id for p in scenario.known_people])
    assert label_overlaps(known_only) == []


@pytest.mark.parametrize("size", [5, 12, 25, 40])
def test_no_label_overlaps_in_synthetic_networks(tiny, size):
    scenario = synthetic_network(tiny, size)
    result = draw_ecomap(scenario)
    assert len(scenario.people) == size
    assert label_overlaps(result) == []


def test_bigger_networks_get_a_bigger_figure(tiny):
    small = draw_ecomap(tiny).figure.get_size_inches()
    large = draw_ecomap(synthetic_network(tiny, 40)).figure.get_size_inches()
    assert large[0] > small[0] and large[1] > small[1]


def test_label_overlaps_finds_a_real_overlap(tiny):
    result = draw_ecomap(tiny)
    ax = result.figure.axes[0]
    labels = [t for t in ax.texts if (t.get_gid() or "").startswith("label:")]
    labels[1].set_position(labels[0].get_position())  # put one label on top of another
    problems = label_overlaps(result)
    assert any("overlaps label" in p for p in problems)


def test_label_on_a_marker_is_reported(tiny):
    result = draw_ecomap(tiny)
    ax = result.figure.axes[0]
    markers = next(c for c in ax.collections
                   if ("Gran Róisín", "marker") in [p[:2] for p in getattr(c, "fncoach_points", [])])
    where = [p[:2] for p in markers.fncoach_points].index(("Gran Róisín", "marker"))
    label = next(t for t in ax.texts if t.get_gid() == "label:Dev Patel")
    label.set_position(tuple(markers.get_offsets()[where]))
    assert "label 'Dev Patel' overlaps the marker of 'Gran Róisín'" in label_overlaps(result)


def _png(result) -> bytes:
    buffer = io.BytesIO()
    result.figure.savefig(buffer, format="png", dpi=80, metadata={"Software": None})
    return buffer.getvalue()


def test_same_input_same_png():
    same_in_fresh_processes("""
        from fncoach.examples import example_scenario, tiny_scenario
        from fncoach.viz.ecomap import draw_ecomap
        print(digest(draw_ecomap(tiny_scenario()).png()), digest(draw_ecomap(tiny_scenario(), seed=3).png()))
        print(digest(draw_ecomap(example_scenario()).png()))
    """)


def test_seed_turns_the_layout(tiny):
    assert _png(draw_ecomap(tiny, seed=0)) != _png(draw_ecomap(tiny, seed=1))


def test_description_names_people_rings_and_safety(tiny):
    text = draw_ecomap(tiny).description
    for name in ("Zoë", "Gran Róisín", "Ciara O'Neill", "Dev Patel", "Amara Okafor", "Niamh Byrne"):
        assert name in text
    assert "Very close to Zoë: Ciara O'Neill and Gran Róisín." in text
    assert "Zoë and Ciara O'Neill (stressful)" in text
    assert "Safety badge '!' (a worry): Ciara O'Neill" in text
    assert "Not found yet by the workers (hollow markers): Niamh Byrne." in text


def test_people_argument_leaves_the_others_out(tiny):
    assert label_overlaps(draw_ecomap(tiny, people=["gran", "ciara", "uncle_dev", "sw_amara"])) == []
    result = draw_ecomap(tiny, people=["gran", "ciara"], highlight=["gran"])
    gids = {t.get_gid() for t in result.figure.axes[0].texts}
    assert "label:Gran Róisín" in gids and "label:Dev Patel" not in gids
    assert "showing 2 people" in result.description
    assert "Highlighted: Gran Róisín." in result.description
    assert "Dev Patel" not in result.description


def test_child_alone(tiny):
    result = draw_ecomap(tiny, people=[])
    assert label_overlaps(result) == []
    assert "only Zoë is in the middle" in result.description


def test_unknown_person_is_a_plain_error(tiny):
    with pytest.raises(ValueError, match="nobody called 'nobody_here'"):
        draw_ecomap(tiny, people=["nobody_here"])


@pytest.mark.parametrize("suffix", [".png", ".svg", ".pdf"])
def test_saves_in_every_format(tiny, tmp_path, suffix):
    path = draw_ecomap(tiny).save(tmp_path / f"map{suffix}", alt_text=True)
    assert path.stat().st_size > 1000
    assert "Gran Róisín" in path.with_suffix(suffix + ".txt").read_text(encoding="utf-8")


def test_long_names_wrap_and_stay_clear(tiny):
    long = tiny.model_copy(update={"people": tuple(
        p.model_copy(update={"name": p.name + " Longsurname-Doublebarrelled the Third"}) for p in tiny.people)})
    result = draw_ecomap(long)
    assert label_overlaps(result) == []
    labels = [t.get_text() for t in result.figure.axes[0].texts if (t.get_gid() or "").startswith("label:")]
    assert all(max(len(line) for line in text.splitlines()) <= 26 for text in labels)
    assert result.figure.get_size_inches()[0] < 14


def test_label_on_the_key_is_reported(tiny):
    result = draw_ecomap(tiny)
    key = result.figure.legends[0].get_window_extent(result.figure.canvas.get_renderer())
    label = next(t for t in result.figure.axes[0].texts if t.get_gid() == "label:Dev Patel")
    x, y = result.figure.axes[0].transData.inverted().transform(((key.x0 + key.x1) / 2, (key.y0 + key.y1) / 2))
    label.set_position((x, y))
    assert "label 'Dev Patel' overlaps the key" in label_overlaps(result)


# --------------------------------------------------------------------------- issue 15: ties, titles, who the child helps


@pytest.mark.parametrize("path", _scenario_paths(), ids=lambda p: p.stem)
def test_no_tie_is_drawn_through_a_marker_it_does_not_join(path):
    from fncoach.viz.ecomap import tie_crossings

    result = draw_ecomap(load_scenario(path))
    assert tie_crossings(result) == []
    assert result.figure.fncoach_ties, "the ties drawn are recorded for the check"


def test_a_tie_curves_round_a_third_persons_marker():
    from fncoach.viz.ecomap import _crossed, route_tie

    gran = [("gran", 1.0, 0.02, 0.17)]
    path = route_tie((0.0, 0.0), (2.0, 0.0), gran)
    assert len(path) > 2 and _crossed(path, gran) == []
    assert path[0] == (0.0, 0.0) and path[-1] == (2.0, 0.0)  # still joins the two people it belongs to
    assert route_tie((0.0, 0.0), (2.0, 0.0), [("dev", 1.0, 0.5, 0.17)]) == [(0.0, 0.0), (2.0, 0.0)]


def test_a_synthetic_crowd_has_no_tie_through_a_marker(tiny):
    from fncoach.viz.ecomap import tie_crossings

    assert tie_crossings(draw_ecomap(synthetic_network(tiny, 30), seed=3)) == []


def test_full_job_titles_are_wrapped_not_cut(tiny):
    title = "Social worker (child in care team, north locality)"
    sw = tiny.people[3].model_copy(update={"relationship": title})
    result = draw_ecomap(tiny.model_copy(update={"people": tiny.people[:3] + (sw,) + tiny.people[4:]}))
    label = next(t.get_text() for t in result.figure.axes[0].texts if t.get_gid() == f"label:{sw.name}")
    assert "…" not in label
    assert " ".join(label.split("\n")[1:]) == title
    assert label_overlaps(result) == []


def test_the_description_says_who_the_child_helps(tiny):
    young_carer = tiny.ties[0].model_copy(update={"help": "a_to_b"})  # Zoë helps her mum
    gran = tiny.ties[1].model_copy(update={"help": "both"})
    s = tiny.model_copy(update={"ties": (young_carer, gran) + tiny.ties[2:]})
    lines = draw_ecomap(s).description.splitlines()
    assert "Zoë helps: Ciara O'Neill and Gran Róisín." in lines
    helping = next(line for line in lines if line.startswith("Helping Zoë"))
    assert "Gran Róisín" in helping and "Ciara" not in helping
    assert not any(line.startswith("Zoë helps") for line in draw_ecomap(tiny).description.splitlines())
