"""Every pack figure from one place, agreeing with ``fncoach drill`` and readable in print (fncoach.briefing.figures)."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from fncoach.briefing import content as bc
from fncoach.briefing import figures
from fncoach.scenario import load_scenario

ROOT = Path(__file__).resolve().parent.parent
CASES = sorted(p.stem for p in (ROOT / "scenarios").glob("*.yaml"))


def _drill_output(*args: str) -> str:
    import os

    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run([sys.executable, "-m", "fncoach", "drill", *args], capture_output=True, text=True,
                          env=env, cwd=ROOT, timeout=120, check=True).stdout


@pytest.mark.parametrize("case, seed", [("kinship_care_tension", 0), ("uasc_family_abroad", 3)])
def test_the_pack_coverage_is_the_figure_fncoach_drill_gives(case, seed):
    printed = _drill_output(case, "--seed", str(seed))
    mean = re.search(r"Mean coverage: ([\d.]+%)", printed).group(1)
    first = re.search(r"In the first run \(seed \d+\) ([\d.]+%) was covered", printed).group(1)
    html = str(bc.drill_results(load_scenario(case), seed=seed))
    assert f"<strong>Jobs covered: {mean}</strong>" in html
    assert f"In the first of those drills, shown below, {first} was covered." in html
    assert f"fncoach drill {case} --seed {seed}" in html


def test_the_heatmap_title_says_which_drill_it_shows(tiny):
    result = figures.heatmap_figure(tiny, seed=2)
    titles = [t.get_text() for ax in result.figure.axes for t in (ax.title, ax._left_title) if t.get_text()]
    assert any("the first drill (seed 2), " in t and re.search(r"\d+\.\d% covered", t) for t in titles)


@pytest.mark.parametrize("case", CASES)
def test_key_and_heatmap_text_is_at_least_8_points_on_paper(case):
    s = load_scenario(case)
    for name in figures.PRINTED_AT_OWN_SIZE:
        result = figures.pack_figures(s)[name] if name != "ecomap-key" else figures.ecomap_key_figure(s)
        assert min(figures.printed_font_sizes(result)) >= figures.MIN_PRINT_POINTS, name
    heatmap = figures.heatmap_figure(s)
    assert heatmap.figure.get_size_inches()[0] <= 7.0  # fits across an A4 page at its own size


def test_the_pack_prints_those_figures_at_their_own_size(tiny):
    html = str(bc.drill_results(tiny)) + str(bc.ecomap(tiny))
    widths = [float(w) for w in re.findall(r'style="width: ([\d.]+)in"', html)]
    assert len(widths) == 2 and all(2.5 < w <= 7.0 for w in widths)  # A4 less margins: 7.0 in (large print)


def test_the_legend_printed_in_the_old_way_would_be_too_small(tiny):
    from fncoach.viz.ecomap import draw_ecomap

    with_key = draw_ecomap(tiny)  # the key drawn beside a map 7 inches wide on paper
    assert min(figures.printed_font_sizes(with_key, printed_width_inches=7.0)) < figures.MIN_PRINT_POINTS


def test_write_figures_writes_png_svg_and_alt_text(tiny, tmp_path):
    written = figures.write_figures(tiny, tmp_path, dpi=40)
    names = {p.name for p in written}
    for name in ("ecomap", "ecomap-key", "whole-network", "drill-heatmap", "strength", "three-houses"):
        assert {f"tiny-{name}.png", f"tiny-{name}.svg", f"tiny-{name}.png.txt"} <= names
    assert all(p.is_file() and p.stat().st_size > 0 for p in written)
    assert (tmp_path / "tiny-ecomap.svg").read_text(encoding="utf-8").lstrip().startswith("<?xml")


def test_fncoach_drill_figure_saves_the_heatmap(tmp_path):
    _drill_output("long_term_foster_links", "--figure", str(tmp_path / "drill.png"))
    assert (tmp_path / "drill.png").read_bytes()[:4] == b"\x89PNG"
    assert "Coverage heatmap" in (tmp_path / "drill.png.txt").read_text(encoding="utf-8")


def test_strength_says_it_counts_only_people_already_found(tiny):
    html = str(bc.strength(tiny))
    assert "counts only the 4 people already found" in html and "Niamh Byrne" in html
    everyone = tiny.model_copy(update={"people": tiny.people[:4] + (
        tiny.people[4].model_copy(update={"not_yet_known": None}),)})
    assert "already found" not in str(bc.strength(everyone))
