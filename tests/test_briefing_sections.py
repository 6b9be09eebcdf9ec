"""Briefing sections without a kernel (fncoach.briefing.sections): each section's HTML, rendered from templates."""

from __future__ import annotations

import re

import pytest
from markupsafe import Markup

from fncoach.briefing import sections as bs
from fncoach.scenario import load_scenario

from conftest import FIXTURES


@pytest.fixture(scope="module")
def marked():
    return load_scenario(FIXTURES / "leak_markers.yaml")


def test_facilitator_sections_show_the_markers(marked):
    html = "".join([bs.model_card_sort(marked), bs.model_statements(marked), bs.model_scaling(marked),
                    bs.facilitator_notes_section(marked), bs.people_to_find(marked)])
    for marker in ("EXPLANATION-C1", "HARM-H1", "WORRY-W1", "GOAL-G1", "NEXTSTEP-1", "TENMEANS", "ONEUP-GRAN",
                   "NOTE-1", "MISTAKE-1", "TIMING-1", "HIDDEN-CLUE"):
        assert f"LEAKMARK-{marker}" in html


def test_title_block_says_which_pack(tiny):
    assert "For the facilitator only" in bs.title_block(tiny, "facilitator")
    assert "Trainee handout · large print</p>" in bs.title_block(tiny, "trainee", large_print=True)
    with pytest.raises(ValueError):
        bs.title_block(tiny, "parents")


def test_case_in_brief_leaves_out_people_not_yet_found(tiny):
    html = bs.case_in_brief(tiny)
    assert "Gran Róisín" in html and "Niamh" not in html


def test_model_card_sort_groups_by_column_and_keeps_handout_numbers(tiny):
    html = bs.model_card_sort(tiny)
    # c1 is harm and comes first; c6 (not needed) comes last and keeps its handout number 6
    rows = re.findall(r"<tr><td>(\d+)</td>", html)
    assert rows == ["1", "2", "3", "5", "4", "6"]  # harm, danger, complicating, strength, existing safety, not needed


def test_timings_add_up(tiny):
    html = bs.facilitator_notes_section(tiny)
    assert "Timings add up to 10 minutes; the scenario suggests 30." in html


def test_model_plan_marks_missing_backups(tiny):
    plan = (tiny.plan.model_plan[0].model_copy(update={"backups": ()}), tiny.plan.model_plan[1])
    html = bs.model_plan_section(tiny, plan)
    assert html.count("class='gap'") == 1


def test_statements_exercise_uses_pronoun(tiny):
    assert "how it affected her" in bs.statements_exercise(tiny)


def test_a_section_is_a_heading_a_newline_its_body_and_a_newline(tiny):
    html = bs.discussion_section(tiny)
    assert html.startswith('<section class="briefing-section"><h2>To talk about</h2>\n<ol class="questions"><li>')
    assert html.endswith("</li></ol>\n</section>")


# --------------------------------------------------------------------------- escaping by the templates


@pytest.fixture
def hostile(tiny):
    """Zoë's case with markup typed into the text a coach writes."""
    child = tiny.child.model_copy(update={"name": "Zoë <b>", "what_matters": ("Cats & <i>dogs</i>",)})
    cards = (tiny.sos.cards[0].model_copy(update={"text": "<script>x</script> happened"}), *tiny.sos.cards[1:])
    return tiny.model_copy(update={"child": child, "sos": tiny.sos.model_copy(update={"cards": cards}),
                                   "discussion_questions": ("Who is <u>missing</u>?",)})


@pytest.mark.parametrize("section", [bs.child_voice_section, bs.card_sort_exercise, bs.model_card_sort,
                                     bs.statements_exercise, bs.scale_exercise, bs.discussion_section])
def test_text_from_the_scenario_is_escaped(hostile, section):
    html = section(hostile)
    assert isinstance(html, Markup)
    assert not any(tag in html for tag in ("<b>", "<script>", "<i>", "<u>"))
    assert any(tag in html for tag in ("&lt;b&gt;", "&lt;script&gt;", "&lt;u&gt;"))


def test_a_section_inside_another_is_not_escaped_twice(tiny):
    html = bs.case_in_brief(tiny)  # holds the people table, rendered by its own template
    assert '<h3>Who is in the network so far</h3><table class="people">' in html and "&lt;table" not in html


def test_figure_alt_text_is_escaped_and_the_caption_shown():
    class _Fake:
        description = 'A "house" & <garden>.'

        class figure:
            @staticmethod
            def savefig(buffer, **kwargs):
                buffer.write(b"PNG")

    html = bs.figure_html(_Fake(), caption="The <house>")
    assert 'alt="A &#34;house&#34; &amp; &lt;garden&gt;."' in html
    assert "<figcaption>The &lt;house&gt;</figcaption>" in html
    assert "<figcaption>" not in bs.figure_html(_Fake())


def test_private_family_time_on_paper_has_the_offers_what_ifs_and_room_to_write():
    from fncoach.briefing.leaks import trainee_view
    from fncoach.scenario import load_scenario

    zara = trainee_view(load_scenario(FIXTURES.parent.parent / "scenarios" / "edge_of_care_grandparents.yaml"))
    html_text = bs.family_time_exercise(zara, cards=3)
    assert "Khalid Mahmood</strong> (Dad)" in html_text and "What if Dadi and Dada are both away at once?" in html_text
    assert html_text.count("job-card") == 3 and html_text.count("write-in") == 3 * len(bs.JOB_CARD_LABELS)
    assert "unsafe" not in html_text and "Confronting Kane" not in html_text  # no verdicts or model notes
    handover = bs.handover_exercise(zara)
    assert "Younis" not in handover and "Declan Fitzgerald" in handover and "write-box" in handover


def test_the_model_family_time_shows_verdicts_triggers_red_flags_and_the_handover():
    from fncoach.scenario import load_scenario

    zara = load_scenario(FIXTURES.parent.parent / "scenarios" / "edge_of_care_grandparents.yaml")
    html_text = bs.model_family_time(zara)
    assert "Confronting Kane could put Adnan" in html_text and "A professional&#39;s job" in html_text
    assert "Zara smells of cannabis" in html_text and "Every school day." in html_text
    assert "Younis Mahmood (Dada) and Adnan Mahmood" in html_text and "every school holiday" in html_text


@pytest.mark.parametrize("path", sorted((FIXTURES.parent.parent / "scenarios").glob("*.yaml")), ids=lambda p: p.stem)
def test_private_family_time_and_handover_handouts_never_show_a_model_answer(path):
    from fncoach.briefing.leaks import find_leaks, trainee_view

    scenario = load_scenario(path)
    view = trainee_view(scenario)
    assert find_leaks(scenario, bs.family_time_exercise(view) + bs.handover_exercise(view)) == []
    assert find_leaks(scenario, bs.model_family_time(scenario))  # the facilitator's version holds them


def test_content_notes_are_a_list_not_a_sentence_with_capitals_inside():
    from fncoach.briefing.sections import title_block
    from fncoach.scenario import load_scenario, bundled_scenario_path

    html = title_block(load_scenario(bundled_scenario_path("long_term_foster_links")), "trainee")
    assert "<li>A parent drinking before family time with her child</li>" in html
    assert "talks about A parent" not in html


def test_every_card_column_has_a_label_in_the_packs():
    from fncoach.briefing.sections import SOS_COLUMN_LABELS
    from fncoach.model import SOS_COLUMNS
    from fncoach.sos import COLUMN_SHORT_TITLES, COLUMN_TITLES

    assert set(SOS_COLUMN_LABELS) == set(SOS_COLUMNS) == set(COLUMN_TITLES) == set(COLUMN_SHORT_TITLES)
