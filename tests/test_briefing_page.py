"""The printable page around a pack (fncoach.briefing.page): leak and offline checks, print rules, large print."""

from __future__ import annotations

import pytest

from fncoach.briefing import BriefingError
from fncoach.briefing.page import css_string, pack_html, print_css


def test_a_leaking_page_is_refused(tiny):
    with pytest.raises(BriefingError, match="facilitator-only text"):
        pack_html(tiny, f"<p>{tiny.facilitator.notes[0]}</p>", "trainee")
    assert "Point out" in pack_html(tiny, f"<p>{tiny.facilitator.notes[0]}</p>", "facilitator")


def test_a_page_that_would_not_open_offline_is_refused(tiny):
    with pytest.raises(BriefingError, match="would not open offline: it has a <script> tag"):
        pack_html(tiny, "<p>Hi</p><script>alert(1)</script>", "facilitator")


def test_large_print_page(tiny):
    html = pack_html(tiny, "<p>Hello</p>", "trainee", large_print=True)
    assert "<body class='large-print'>" in html and "font-size: 16pt" in html
    assert "margin: 20mm 16mm 20mm 16mm" in html and "font-size: 10pt" in html


def test_the_footer_and_title_are_escaped_once(tiny):
    odd = tiny.model_copy(update={"meta": tiny.meta.model_copy(update={"title": "Zoë & <Gran>"})})
    html = pack_html(odd, "<p>Hello</p>", "trainee")
    assert "<title>Zoë &amp; &lt;Gran&gt; — Trainee handout</title>" in html
    assert "Trainee handout for “Zoë &amp; &lt;Gran&gt;” (scenario tiny)" in html
    assert 'content: "Zoë & \\3C Gran\\3E "' in html  # in the print rules: a CSS string, not HTML
    assert "<main><p>Hello</p></main>" in html  # the body the notebook displayed is kept as it is


@pytest.mark.parametrize("audience, hidden", [("facilitator", True), ("trainee", False)])
def test_only_the_facilitator_pack_hides_the_writing_space(tiny, audience, hidden):
    html = pack_html(tiny, "<p>Hello</p>", audience)
    assert (".write-lines { display: none; }" in html) is hidden
    assert html.count("@page {") == 2  # the shared page.css and the pack's print rules


def test_css_string_cannot_close_the_string_or_the_style_element():
    text = css_string('a "b" \\ </style>\n<script>')
    assert '"' not in text.replace('\\"', "") and "<" not in text and "\n" not in text
    assert print_css('Zoë "and" Gran', "facilitator").count('content: "Facilitator pack"') == 1


def test_the_pack_ends_with_the_words_it_uses():
    from fncoach.briefing.page import glossary_html, pack_html
    from fncoach.examples import tiny_scenario

    body = "<section><p>At the FNM the family has Private Family Time.</p><p>&lt;b&gt;PLO&lt;/b&gt;</p></section>"
    page_text = pack_html(tiny_scenario(), body, "facilitator")
    back = page_text[page_text.index("Words used in this pack"):]
    assert "<dt>Family Network Meeting</dt>" in back and "<dt>Private Family Time</dt>" in back
    assert back.index("Family Network Meeting") < back.index("Private Family Time")  # the order they are met
    assert "<dt>Public Law Outline</dt>" in back        # escaped text is read as the reader sees it
    assert "Staying Put" not in back                   # only terms the pack uses
    assert glossary_html("<img src='data:image/png;base64,PLO'>") == ""  # not from picture data
