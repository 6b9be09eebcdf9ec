"""A learner's portfolio page (fncoach.pages.portfolio): dates, status and readable answers."""

from __future__ import annotations

from pathlib import Path

import pytest

from fncoach.pages.portfolio import portfolio_html, readable_answers_html
from fncoach.record import Record


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "rec" / "record.sqlite3"


def fixed_clock(*times: str):
    values = iter(times)
    last = [times[-1]]

    def clock() -> str:
        try:
            last[0] = next(values)
        except StopIteration:
            pass
        return last[0]

    return clock


def test_portfolio_lists_dates_status_and_readable_answers(db: Path):
    rec = Record(db, clock=fixed_clock("2026-03-04T10:05:00+00:00"))
    rec.save_answers("Sam <b>", "tiny", "worry_statements", {"worry_statement": "Gran is worried that <Mum>…"})
    rec.mark_complete("Sam <b>", "tiny", "worry_statements")
    rec.save_answers("Sam <b>", "tiny", "safety_plan", {"tasks": {"school_run": ["gran", "aunt"]}})
    html_text = portfolio_html(rec, "Sam <b>", exercise_titles={"worry_statements": "Write worry statements"},
                               scenario_titles={"tiny": "Zoë and her gran"}, generated_at="2026-03-05T12:00:00+00:00")
    assert "<script" not in html_text
    assert "portfolio of Sam &lt;b&gt;" in html_text  # escaped
    assert "Write worry statements" in html_text and "Zoë and her gran" in html_text
    assert "4 March 2026, 10:05 UTC" in html_text and "5 March 2026" in html_text
    assert "Gran is worried that &lt;Mum&gt;…" in html_text
    assert "Worry statement" in html_text and "Safety plan" in html_text  # ids made readable
    assert "Not finished yet" in html_text and "✓ Done" in html_text
    assert "Sam &lt;b&gt; has finished 1 of 2 exercises started." in html_text
    only_done = portfolio_html(rec, "Sam <b>", include_unfinished=False, scenario_titles={"tiny": "T"})
    assert "Safety plan" not in only_done


def test_portfolio_for_unknown_learner_says_so(db: Path):
    text = portfolio_html(Record(db), "Nobody")
    assert "No exercises have been saved under this name yet" in text


def test_portfolio_names_a_bundled_scenario_by_its_title(db: Path):
    rec = Record(db)
    rec.save_answers("Sam", "edge_of_care_grandparents", "card_sort", {"c1": "harm"})
    assert "<td>Zara on the edge of care — Dadi, Dada and Nan Mo</td>" in portfolio_html(rec, "Sam")


def test_readable_answers_nested():
    out = readable_answers_html({"a_list": ["one", "two"], "flag": True, "empty": ""})
    assert "<li>one</li>" in out and "Yes" in out and "(blank)" in out and "A list" in out


def test_readable_answers_keep_line_breaks_and_escape_each_line():
    assert readable_answers_html("one <b>\ntwo") == "one &lt;b&gt;<br>two"


@pytest.mark.parametrize(
    "value, expected",
    [
        ({}, "<span class='muted'>(nothing written)</span>"),
        ([], "<span class='muted'>(none)</span>"),
        (None, "<span class='muted'>(blank)</span>"),
        (False, "No"),
        (0, "0"),
        ({"sos_fnm_id": 1}, '<table class="answers"><tr><th scope="row">SOS Family Network Meeting ID</th>'
                            "<td>1</td></tr></table>"),
    ],
)
def test_readable_answers_cases(value, expected):
    assert readable_answers_html(value) == expected


def test_very_deep_answers_are_shown_as_text():
    deep = {"a": {"b": {"c": {"d": {"e": {"f": {"g": {"h": "<x>"}}}}}}}}
    out = readable_answers_html(deep)
    assert out.count("<table") == 7 and "<td>{&#34;h&#34;: &#34;&lt;x&gt;&#34;}</td>" in out
