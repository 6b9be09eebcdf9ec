"""The trainer's kit in the facilitator pack, and the availability grid in both packs (fncoach.briefing.kit)."""

from __future__ import annotations

import json
from pathlib import Path

from fncoach.briefing import kit
from fncoach.briefing import leaks
from fncoach.briefing.run import TEMPLATE
from fncoach.scenario import load_scenario

from conftest import FIXTURES


def test_the_running_sheet_shows_running_totals_and_breaks(tiny):
    html = kit.running_sheet_section(tiny)
    assert "<td>10 (10)</td>" in html and "Card sort" in html
    assert 'class="briefing-section kit"' in html  # each kit part starts a printed page (briefing.css)


def test_the_answer_key_gives_card_column_and_reason(tiny):
    html = kit.answer_key_section(tiny)
    assert "<td>3</td><td>Ciara&#39;s partner left six months ago and money has been tight since.</td>" \
           "<td><strong>Complicating factor</strong></td>" in html
    assert "It makes things harder but is not itself harm to Zoë." in html


def test_cut_out_cards_and_clue_cards(tiny):
    cards = kit.cut_out_cards_section(tiny)
    assert cards.count('class="cut-card"') == len(tiny.sos.cards)
    assert not any(card.explanation in cards for card in tiny.sos.cards)
    clues = kit.clue_cards_section(tiny)
    assert "Zoë says Auntie Niamh always sends a card" in clues and "Niamh Byrne" in clues


def test_text_is_escaped_not_markup(tiny):
    card = tiny.sos.cards[0].model_copy(update={"text": "Mum said <b>never</b> & left."})
    s = tiny.model_copy(update={"sos": tiny.sos.model_copy(update={"cards": (card,) + tiny.sos.cards[1:]})})
    html = kit.cut_out_cards_section(s) + kit.answer_key_section(s)
    assert "<b>never</b>" not in html and "&lt;b&gt;never&lt;/b&gt; &amp; left." in html


def test_the_trainee_grid_has_no_model_answer_and_nobody_still_to_be_found():
    marked = load_scenario(FIXTURES / "leak_markers.yaml")
    html = str(kit.availability_section(leaks.trainee_view(marked)))
    assert leaks.find_leaks(marked, html) == [] and "LEAKMARK" not in html
    assert not any(p.name in html for p in marked.people if not p.is_known)
    assert "When people are free" in html


def test_the_kit_is_only_in_the_facilitator_pack_and_the_grid_in_both():
    cells = json.loads(Path(TEMPLATE).read_text(encoding="utf-8"))["cells"]
    tagged = {"".join(c["source"]): c["metadata"].get("tags", []) for c in cells if c["cell_type"] == "code"}
    kit_cell = next(src for src in tagged if "bk.trainer_kit(" in src)
    grid_cell = next(src for src in tagged if "bk.availability_section(trainee)" in src)
    assert tagged[kit_cell] == ["facilitator-only"] and "scenario" in kit_cell
    assert tagged[grid_cell] == []
    order = list(tagged)
    assert order.index(grid_cell) == order.index(next(s for s in order if "bs.plan_exercise(" in s)) + 1


def test_the_whole_kit_has_four_parts(tiny):
    html = kit.trainer_kit(tiny)
    assert html.count("Trainer&#39;s kit:") == 4
