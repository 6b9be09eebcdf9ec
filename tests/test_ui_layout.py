"""What a learner sees in a browser: no cut-off button labels, no broken-image icons."""

from __future__ import annotations

import ipywidgets as widgets
import pytest

from fncoach.scenario import load_scenario
from fncoach.ui import childwords, meetings, network, plan, sos

SCENARIO = "scenarios/long_term_foster_links.yaml"

PANELS = {
    "card sort": lambda s: sos.build_card_sort_panel(s),
    "statements": lambda s: sos.build_statement_panel(s),
    "scaling": lambda s: sos.build_scaling_panel(s),
    "three houses": lambda s: sos.build_three_houses_panel(s),
    "plan": lambda s: plan.build_plan_panel(s),
    "drill": lambda s: plan.build_drill_panel(s),
    "review": lambda s: plan.build_review_panel(s),
    "words and pictures": lambda s: childwords.build_words_pictures_panel(s),
    "builder": lambda s: network.build_network_builder_panel(s),
    "what-if": lambda s: network.build_whatif_panel(s),
    "finding": lambda s: network.build_finding_panel(s),
    "preparation": lambda s: meetings.build_preparation_panel(),
    "agenda": lambda s: meetings.build_agenda_panel(),
    "virtual": lambda s: meetings.build_virtual_panel(),
    "dilemmas": lambda s: meetings.build_dilemmas_panel(),
}


def _walk(widget):
    yield widget
    for child in getattr(widget, "children", ()):
        yield from _walk(child)


@pytest.fixture(scope="module")
def scenario():
    return load_scenario(SCENARIO)


@pytest.mark.parametrize("name", PANELS)
def test_buttons_are_as_wide_as_their_labels(scenario, name):
    # ipywidgets' default button width (148px) cuts off labels such as "Make this change".
    panel = PANELS[name](scenario)
    buttons = [w for w in _walk(panel) if isinstance(w, widgets.Button)]
    assert buttons or name == "dilemmas", "the walk found no buttons, so it checked nothing"  # dilemmas: toggles only
    cut = [b.description for b in buttons if not b.layout.width and len(b.description) > 12]
    assert not cut, f"these buttons would show a cut-off label: {cut}"


@pytest.mark.parametrize("name", PANELS)
def test_no_empty_image_is_shown(scenario, name):
    # An image widget with no picture shows as a broken-image icon.
    panel = PANELS[name](scenario)
    empty = [w for w in _walk(panel) if isinstance(w, widgets.Image) and not w.value and w.layout.display != "none"]
    assert not empty


def test_what_if_picture_is_shown_whole_at_its_own_size(scenario):
    # Labels drawn beyond the axes must be inside the picture, and the picture is shown at its real width.
    import io

    from PIL import Image

    panel = network.build_whatif_panel(scenario)
    panel.try_button.click()
    assert panel.image.value and panel.image.layout.display != "none"
    width = Image.open(io.BytesIO(panel.image.value)).size[0]
    assert panel.image.layout.width == f"{width}px"
