"""Practice rules for scenario authors: review timing and closing numbers (fncoach.practice)."""

import pytest

from fncoach.examples import example_scenario
from fncoach.model import Meeting, ScaleScore
from fncoach.practice import closing_warnings, duration_weeks, timing_warnings


def _with_meetings(*extra: Meeting, drill_days: int | None = None, ten_means: str | None = None):
    s = example_scenario()
    update = {"meetings": s.meetings + tuple(extra)}
    if drill_days is not None:
        update["drills"] = s.drills.model_copy(update={"days": drill_days})
    if ten_means is not None:
        from fncoach.model import Scaling

        scaling = Scaling(ten_means=ten_means, perspectives=(ScaleScore(who="gran", score=5, reason="Early days."),))
        update["sos"] = s.sos.model_copy(update={"scaling": scaling})
    return s.model_copy(update=update)


def _review(week: int) -> Meeting:
    return Meeting(id=f"r{week}", kind="review", week=week, title=f"Review in week {week}")


def _final(week: int, *scores: int, note: str = "") -> Meeting:
    people = ["gran", "dev", "sw"]
    return Meeting(id="end", kind="final", week=week, title="Closing meeting", closing_note=note,
                   scores=tuple(ScaleScore(who=people[i], score=n, reason="Because.") for i, n in enumerate(scores)))


@pytest.mark.parametrize("week, flagged", [(4, False), (5, True), (2, False)])
def test_first_review_within_four_weeks(week, flagged):
    rules = [w.rule for w in timing_warnings(_with_meetings(_review(week), _review(12)))]
    assert ("first_review" in rules) is flagged


def test_only_the_first_review_counts():
    # a later review in week 12 is fine once the first is in week 3
    assert timing_warnings(_with_meetings(_review(3), _review(12), drill_days=21)) == []


def test_first_review_warning_points_at_its_week():
    warning = timing_warnings(_with_meetings(_review(6)))[0]
    assert warning.path == ("meetings", 1, "week")
    assert "week 6" in warning.message and "28 days" in warning.message


@pytest.mark.parametrize("days, flagged", [(28, False), (29, True)])
def test_drill_is_not_longer_than_the_time_to_the_first_review(days, flagged):
    rules = [w.rule for w in timing_warnings(_with_meetings(_review(4), drill_days=days))]
    assert ("drill_period" in rules) is flagged


def test_drill_shorter_review_shortens_the_drill_limit():
    warnings = timing_warnings(_with_meetings(_review(2), drill_days=21))
    assert [w.rule for w in warnings] == ["drill_period"]
    assert "14 days" in warnings[0].message


@pytest.mark.parametrize("scores, flagged", [((9, 10, 9), False), ((9, 8, 10), True)])
def test_case_closes_at_or_near_ten(scores, flagged):
    rules = [w.rule for w in closing_warnings(_with_meetings(_final(30, *scores)))]
    assert ("closing_number" in rules) is flagged


def test_closing_warning_names_who_is_below_nine():
    warning = closing_warnings(_with_meetings(_final(30, 9, 7)))[0]
    assert "Dev 7" in warning.message and "Gran" not in warning.message


def test_a_closing_note_explains_a_lower_number():
    assert closing_warnings(_with_meetings(_final(10, 7, 7, note="Trusted at 7: the risk left is Dev's health."),
                                           ten_means="The plan has held for six months.")) == []


@pytest.mark.parametrize("week, flagged", [(25, True), (26, False)])
def test_case_does_not_close_before_its_own_ten_has_held(week, flagged):
    s = _with_meetings(_final(week, 9, 9, 9), ten_means="Sam is safe at night and this has held for six months.")
    assert ("closing_too_soon" in [w.rule for w in closing_warnings(s)]) is flagged


def test_no_final_meeting_means_no_closing_rule():
    assert closing_warnings(_with_meetings(_review(4))) == []


@pytest.mark.parametrize("text, weeks", [("for 8 weeks", 8), ("three months", 13), ("six months or a year", 52),
                                         ("an afternoon", None)])
def test_duration_weeks(text, weeks):
    assert duration_weeks(text) == weeks
