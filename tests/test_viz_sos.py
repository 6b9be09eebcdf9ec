"""SOS figures: Three Houses, scale spread, scale history and the one-page map."""

from __future__ import annotations


import pytest

from fncoach.scenario import load_scenario
from fncoach.viz._common import FigureResult
from fncoach.viz.sos import draw_scale_history, draw_scale_spread, draw_sos_map, draw_three_houses, text_overlaps
from fresh import same_in_fresh_processes


def inside_figure(result: FigureResult, gid: str) -> list[str]:
    renderer = result.figure.canvas.get_renderer()
    box = result.figure.bbox
    out = []
    for ax in result.figure.axes:
        for text in ax.texts:
            if text.get_gid() == gid:
                extent = text.get_window_extent(renderer)
                if extent.x0 < box.x0 - 1 or extent.x1 > box.x1 + 1 or extent.y0 < box.y0 - 1 or extent.y1 > box.y1 + 1:
                    out.append(text.get_text())
    return out


def test_three_houses_words_and_description(tiny):
    result = draw_three_houses(tiny)
    texts = " ".join(t.get_text() for t in result.figure.axes[0].texts)
    for title in ("House of worries", "House of good things", "House of dreams"):
        assert title in texts and title in result.description
    for word in tiny.child.voice.worries + tiny.child.voice.dreams:
        assert word in result.description
    assert text_overlaps(result) == [] and inside_figure(result, "words") == []


def test_three_houses_without_voice(tiny):
    child = tiny.child.model_copy(update={"voice": None})
    result = draw_three_houses(tiny.model_copy(update={"child": child}))
    assert "Nothing written yet" in result.description


def test_three_houses_words_stay_inside_each_house(bundled_path):
    s = load_scenario(bundled_path)
    result = draw_three_houses(s)
    assert text_overlaps(result) == []
    assert inside_figure(result, "words") == []
    ax = result.figure.axes[0]
    houses = [p for p in ax.patches if p.__class__.__name__ == "FancyBboxPatch"]
    assert len(houses) == 3
    renderer = result.figure.canvas.get_renderer()
    boxes = [h.get_window_extent(renderer) for h in houses]
    for text in (t for t in ax.texts if t.get_gid() == "words"):
        extent = text.get_window_extent(renderer)
        assert any(b.x0 <= extent.x0 and extent.x1 <= b.x1 + 1 and b.y0 - 1 <= extent.y0 for b in boxes), text.get_text()


def test_scale_spread_labels_never_overlap(bundled_path):
    s = load_scenario(bundled_path)
    for own in (None, 5, 0, 10):
        result = draw_scale_spread(s, own=own)
        assert text_overlaps(result) == []
        assert inside_figure(result, "label") == []


def test_scale_spread_crowded_numbers_do_not_overlap(tiny):
    same = tuple(p.model_copy(update={"score": 5}) for p in tiny.sos.scaling.perspectives)
    crowded = tiny.model_copy(update={"sos": tiny.sos.model_copy(update={
        "scaling": tiny.sos.scaling.model_copy(update={"perspectives": same})})})
    result = draw_scale_spread(crowded, own=("Me, the trainee", 5))
    assert text_overlaps(result) == []
    assert "Everyone gave 5" in result.description


def test_scale_spread_description(tiny):
    result = draw_scale_spread(tiny, own={"label": "You", "score": 2})
    assert "You: 2" in result.description and "not averaged" in result.description
    assert "Zoë (the child): 6" in result.description
    with pytest.raises(ValueError, match="not on the scale"):
        draw_scale_spread(tiny, own=11)


def test_scale_history(tiny):
    result = draw_scale_history(tiny)
    assert "week 4" in result.description and text_overlaps(result) == []


def test_sos_map_one_page(tiny):
    result = draw_sos_map(tiny)
    width, height = result.figure.get_size_inches()
    assert (round(width, 2), round(height, 2)) == (8.27, 11.69)
    assert tiny.sos.worry_statements[0].text[:20] in " ".join(t.get_text() for t in result.figure.axes[0].texts)
    assert "What needs to happen?" in result.description
    assert text_overlaps(result) == [] and inside_figure(result, "words") == []


def test_sos_map_every_bundled_scenario_fits(bundled_path):
    s = load_scenario(bundled_path)
    result = draw_sos_map(s)
    assert text_overlaps(result) == [] and inside_figure(result, "words") == []


def test_sos_map_from_answers(tiny):
    result = draw_sos_map(tiny, {"worries": ["Gran is worried that Mum might sleep in."], "own_score": 4})
    assert "your answers" in result.description
    texts = " ".join(t.get_text() for t in result.figure.axes[0].texts)
    assert "Gran is worried" in texts and "You 4" in texts


def test_deterministic():
    same_in_fresh_processes("""
        from fncoach.examples import tiny_scenario
        from fncoach.viz.sos import draw_scale_history, draw_scale_spread, draw_sos_map, draw_three_houses
        for draw in (draw_three_houses, draw_scale_spread, draw_scale_history, draw_sos_map):
            print(draw.__name__, digest(draw(tiny_scenario()).png()))
    """)
