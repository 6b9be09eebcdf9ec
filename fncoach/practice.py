"""Practice rules a case must keep, for scenario authors (``fncoach validate --practice``).

A scenario can be valid YAML and still teach the practice wrong. This module
reads a loaded :class:`~fncoach.model.Scenario` and lists, as warnings, the
places where the case breaks the rules the course teaches:

- the first review meeting comes within four weeks (28 days) of the first
  Family Network Meeting, and the drill period is not longer than that;
- the case closes (its ``final`` meeting) with numbers at or near its own
  definition of 10 — 9 or 10 — or the meeting's ``closing_note`` says
  plainly why professionals step back at a lower number;
- the case does not close sooner than its own definition of 10 says the plan
  must have held ("for six months" means the final meeting is at least 26
  weeks after the first), unless the ``closing_note`` explains it;
- the model worry statements and safety goals pass the statement coach, and
  the model plan passes the plan check (both added by :func:`practice_warnings`
  from the modules that own those rules).

Every warning carries the dotted path of the field it is about, so the
command line can name the file and line.

Examples
--------
>>> from fncoach.examples import example_scenario
>>> [w.rule for w in timing_warnings(example_scenario())]
[]
>>> duration_weeks("and this has held for six months without a social worker")
26
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

from .model import Meeting, Scenario
from .yamlfile import Problem

__all__ = [
    "PracticeWarning",
    "FIRST_REVIEW_WEEKS",
    "NEAR_TEN",
    "duration_weeks",
    "timing_warnings",
    "closing_warnings",
    "statement_warnings",
    "plan_warnings",
    "review_answer_warnings",
    "practice_warnings",
    "practice_problems",
]

#: The first review meeting is held within this many weeks of the first meeting.
FIRST_REVIEW_WEEKS = 4

#: A case closes "at or near" its definition of 10 when every number is at least this.
NEAR_TEN = 9

_NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "eighteen": 18, "twenty": 20, "twenty-six": 26,
}
_WEEKS_PER = {"week": 1, "month": 52 / 12, "year": 52}
_DURATION = re.compile(r"\b(\d+|" + "|".join(sorted(_NUMBER_WORDS, key=len, reverse=True)) + r")\s+(week|month|year)s?\b",
                       re.IGNORECASE)


@dataclass(frozen=True)
class PracticeWarning:
    """One place where a case breaks a practice rule.

    Attributes
    ----------
    path : tuple
        Where in the scenario, e.g. ``("meetings", 1, "week")``.
    rule : str
        A short name for the rule, e.g. ``"first_review"``.
    message : str
        What is wrong, in plain words.
    hint : str
        What to write instead.
    """

    path: tuple
    rule: str
    message: str
    hint: str = ""


def duration_weeks(text: str) -> Optional[int]:
    """The longest length of time named in ``text``, in whole weeks (``None`` if it names none).

    Examples
    --------
    >>> duration_weeks("held for 12 weeks")
    12
    >>> duration_weeks("for a year after the professionals stepped back")
    52
    >>> duration_weeks("Zara lives at home") is None
    True
    """
    longest: Optional[int] = None
    for match in _DURATION.finditer(text):
        amount = match.group(1).lower()
        count = int(amount) if amount.isdigit() else _NUMBER_WORDS[amount]
        weeks = round(count * _WEEKS_PER[match.group(2).lower()])
        longest = weeks if longest is None else max(longest, weeks)
    return longest


def _weeks_text(weeks: int) -> str:
    return f"{weeks} week{'s' if weeks != 1 else ''}"


def timing_warnings(scenario: Scenario) -> list[PracticeWarning]:
    """The first review within four weeks, and a drill period no longer than the time to it.

    Examples
    --------
    >>> from fncoach.examples import example_scenario
    >>> s = example_scenario()
    >>> late = s.model_copy(update={"meetings": s.meetings + (s.meetings[0].model_copy(
    ...     update={"id": "r1", "kind": "review", "week": 6, "title": "Review"}),)})
    >>> print(timing_warnings(late)[0].message)
    the first review is in week 6, but a first review is held within four weeks (28 days) of the first meeting
    """
    warnings: list[PracticeWarning] = []
    reviews = [(index, m) for index, m in enumerate(scenario.meetings) if m.kind == "review"]
    limit_days = FIRST_REVIEW_WEEKS * 7
    if reviews:
        index, first = reviews[0]
        if first.week > FIRST_REVIEW_WEEKS:
            warnings.append(PracticeWarning(
                ("meetings", index, "week"), "first_review",
                f"the first review is in week {first.week}, but a first review is held within four weeks (28 days) "
                "of the first meeting",
                f"Write week: {FIRST_REVIEW_WEEKS} (or sooner) for '{first.title}'."))
        limit_days = min(limit_days, first.week * 7) if first.week else limit_days
    if scenario.drills.days > limit_days:
        warnings.append(PracticeWarning(
            ("drills", "days"), "drill_period",
            f"the drill runs for {scenario.drills.days} days, longer than the {limit_days} days to the first review",
            f"Write days: {limit_days}, so the drill tests the plan up to the first review."))
    return warnings


def _final_meeting(scenario: Scenario) -> tuple[int, Meeting] | None:
    for index, meeting in enumerate(scenario.meetings):
        if meeting.kind == "final":
            return index, meeting
    return None


def closing_warnings(scenario: Scenario) -> list[PracticeWarning]:
    """A case closes at or near its own definition of 10, after the time that definition asks for.

    Only a case with a ``final`` meeting is checked. A ``closing_note`` on that
    meeting (why professionals step back at a lower number, or sooner) answers
    both rules: it is what a practice lead would want written down.

    Examples
    --------
    >>> from fncoach.examples import example_scenario
    >>> from fncoach.model import ScaleScore
    >>> s = example_scenario()
    >>> final = s.meetings[0].model_copy(update={"id": "end", "kind": "final", "week": 30, "title": "Last meeting",
    ...     "scores": (ScaleScore(who="gran", score=7, reason="Going well."),)})
    >>> closing = s.model_copy(update={"meetings": s.meetings + (final,)})
    >>> [w.rule for w in closing_warnings(closing)]
    ['closing_number']
    >>> noted = closing.model_copy(update={"meetings": (s.meetings[0], final.model_copy(
    ...     update={"closing_note": "Gran's 7 is about her health, not Sam's safety."}))})
    >>> closing_warnings(noted)
    []
    """
    found = _final_meeting(scenario)
    if found is None:
        return []
    index, final = found
    if final.closing_note.strip():
        return []
    warnings: list[PracticeWarning] = []
    ten = scenario.sos.scaling.ten_means if scenario.sos.scaling else ""
    low = [s for s in final.scores if s.score < NEAR_TEN]
    if low:
        who = ", ".join(f"{scenario.name_of(s.who)} {s.score}" for s in low)
        warnings.append(PracticeWarning(
            ("meetings", index, "scores"), "closing_number",
            f"the case closes at '{final.title}' with numbers below {NEAR_TEN} ({who}), although 10 is when "
            "professionals can step back",
            "Close the case when the numbers are at or near this case's own 10 (9 or 10), or add a closing_note "
            "to this meeting saying plainly why the network is trusted at a lower number."))
    needed = duration_weeks(ten)
    if needed is not None and final.week < needed:
        warnings.append(PracticeWarning(
            ("meetings", index, "week"), "closing_too_soon",
            f"the case closes in week {final.week}, but its own definition of 10 asks for the plan to hold for "
            f"{_weeks_text(needed)}",
            f"Hold the final meeting in week {needed} or later, change what 10 means in sos.scaling.ten_means, or "
            "add a closing_note saying why professionals step back sooner."))
    return warnings


_STATEMENT_FIELDS = (("harm", "harm_statements", "harm statement"), ("worry", "worry_statements", "worry statement"),
                     ("goal", "safety_goals", "safety goal"))


def statement_warnings(scenario: Scenario) -> list[PracticeWarning]:
    """Every model harm statement, worry statement and safety goal passes the statement coach.

    The coach is the one learners get (:func:`fncoach.statements.check_statement`),
    given the case's people, so a model answer can never be one the course
    would mark down — for example a worry about what the child or a protective
    adult "might" do, instead of what the person who harms might do.

    Examples
    --------
    >>> from fncoach.examples import example_scenario
    >>> statement_warnings(example_scenario())
    []
    """
    from .statements import check_statement

    warnings: list[PracticeWarning] = []
    for kind, field, words in _STATEMENT_FIELDS:
        for index, item in enumerate(getattr(scenario.sos, field)):
            check = check_statement(item.text, kind, scenario)
            if check.ok:
                continue
            missing = "; ".join(f.message for f in check.missing if f.required) or "; ".join(
                f.message for f in check.missing)
            warnings.append(PracticeWarning(
                ("sos", field, index, "text"), "model_statement",
                f"the model {words} '{item.id}' does not pass the statement coach the learners use: {missing}",
                "Rewrite the model answer so it has every part the course teaches."))
    return warnings


def plan_warnings(scenario: Scenario) -> list[PracticeWarning]:
    """The model plan passes the plan check learners get (cautions are not warnings).

    Examples
    --------
    >>> from fncoach.examples import example_scenario
    >>> plan_warnings(example_scenario())
    []
    """
    from .plan import check_plan

    places = {a.task: index for index, a in enumerate(scenario.plan.model_plan)}
    if not places:
        return []
    warnings: list[PracticeWarning] = []
    for problem in check_plan(scenario, scenario.plan.model_plan):
        if getattr(problem, "level", "problem") != "problem":
            continue
        index = places.get(problem.task_id or "")
        path = ("plan", "model_plan", index) if index is not None else ("plan", "model_plan")
        warnings.append(PracticeWarning(path, "model_plan", f"the model plan fails the plan check: {problem.message}",
                                        "Change the model plan so the course never teaches a plan it would refuse."))
    return warnings


def review_answer_warnings(scenario: Scenario) -> list[PracticeWarning]:
    """The review asks the network what it understands: some answers show a gap, some show understanding.

    Examples
    --------
    >>> from fncoach.examples import example_scenario
    >>> review_answer_warnings(example_scenario())
    []
    """
    answers = scenario.review_answers
    gaps = sum(1 for a in answers if a.gap)
    if answers and 0 < gaps < len(answers):
        return []
    if not answers:
        message = "the case has no review_answers: the review cannot ask what the network understands"
    elif gaps == 0:
        message = "no review answer is marked with a gap, so there is nothing for the learner to spot"
    else:
        message = "every review answer is marked with a gap: give at least one that shows real understanding"
    return [PracticeWarning(("review_answers",) if answers else (), "review_answers", message,
                            "Write answers in each member's own voice to 'what are the worries, and what would we "
                            "do if…?', and say in gap what a weak one misses.")]


def practice_warnings(scenario: Scenario) -> list[PracticeWarning]:
    """Every practice rule at once, in the order of the file (meetings and drills, statements, plan).

    Examples
    --------
    >>> from fncoach.examples import example_scenario
    >>> practice_warnings(example_scenario())
    []
    """
    return (timing_warnings(scenario) + closing_warnings(scenario) + statement_warnings(scenario)
            + plan_warnings(scenario) + review_answer_warnings(scenario))


def practice_problems(path, scenario: Optional[Scenario] = None) -> list[Problem]:
    """:func:`practice_warnings` for a scenario file, each naming the file, line and field.

    ``scenario`` is the already-loaded case (loaded from ``path`` when not
    given); the file is read again only for the positions of its fields.

    Examples
    --------
    >>> from fncoach.examples import TINY_PATH
    >>> [str(p).split(": ", 1)[1][:40] for p in practice_problems(TINY_PATH)][:1]
    ['plan.model_plan[0]: the model plan fails']
    """
    from .scenario import _KIND, load_scenario
    from .yamlfile import path_text, read_yaml_file

    case = scenario if scenario is not None else load_scenario(path)
    doc = read_yaml_file(path, _KIND)
    problems = []
    for warning in practice_warnings(case):
        line, column = doc.position(warning.path)
        problems.append(Problem(doc.file, line, column, path_text(warning.path), warning.message.rstrip("."),
                                warning.hint))
    return problems
