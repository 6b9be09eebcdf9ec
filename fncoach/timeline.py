"""The network over time: who is in it at each Family Network Meeting.

The scenario's meetings timeline says who joins the network and who steps
back by each meeting. Before the first meeting the network is the people the
workers already know. Meetings are taken in order of their week (meetings in
the same week keep the order they are written in); at each one the people
who join are added and the people who step back are taken out.

:func:`network_at_meeting` gives the network at one meeting;
:func:`timeline_summary` gives every meeting with who joined, who stepped
back and the strength score, and describes it in plain words.

Examples
--------
>>> from fncoach.network import _tiny_network_for_doctest
>>> network_at_meeting(_tiny_network_for_doctest(), "m1")
('gran', 'mum', 'dev')
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Mapping

from .model import Meeting, Scenario
from .strength import StrengthReport, analyse_strength
from .words import people_in_words

__all__ = ["MeetingStep", "Timeline", "meetings_in_order", "network_at_meeting", "timeline_summary"]


@dataclass(frozen=True)
class MeetingStep:
    """The network at one meeting.

    Attributes
    ----------
    meeting_id, title, kind : str
    week : int
        Weeks after the initial meeting.
    joined, stepped_back : tuple of str
        Person ids who joined / stepped back since the step before.
    people : tuple of str
        Ids of everyone in the network at this meeting (scenario order).
    report : StrengthReport
        The strength of the network at this meeting.
    """

    meeting_id: str
    title: str
    kind: str
    week: int
    joined: tuple[str, ...]
    stepped_back: tuple[str, ...]
    people: tuple[str, ...]
    report: StrengthReport

    @property
    def score(self) -> int:
        """The strength score at this meeting."""
        return self.report.score


@dataclass(frozen=True)
class Timeline:
    """The network from before the first meeting to the last.

    Attributes
    ----------
    start_people : tuple of str
        The people the workers knew before the first meeting.
    start : StrengthReport
        Their strength.
    steps : tuple of MeetingStep
        One per meeting, in order.
    description : str
        The change in plain words (also a text description for the timeline figure).
    """

    start_people: tuple[str, ...]
    start: StrengthReport
    steps: tuple[MeetingStep, ...]
    description: str


def meetings_in_order(scenario: Scenario) -> tuple[Meeting, ...]:
    """The meetings sorted by week (stable, so same-week meetings keep their written order)."""
    return tuple(sorted(scenario.meetings, key=lambda m: m.week))


def _walk(scenario: Scenario):
    """Yield (meeting, joined, stepped_back, people) for each meeting in order."""
    order = {p.id: i for i, p in enumerate(scenario.people)}
    present = {p.id for p in scenario.people if p.is_known}
    for meeting in meetings_in_order(scenario):
        joined = tuple(p for p in dict.fromkeys(meeting.joins) if p not in present and p in order)
        present.update(joined)
        stepped = tuple(p for p in dict.fromkeys(meeting.steps_back) if p in present)
        present.difference_update(stepped)
        yield meeting, joined, stepped, tuple(sorted(present, key=order.__getitem__))


def network_at_meeting(scenario: Scenario, meeting_id: str) -> tuple[str, ...]:
    """The ids of the people in the network at a meeting, in scenario order.

    Raises
    ------
    ValueError
        When there is no meeting with that id (the message lists the ids).

    Examples
    --------
    >>> from fncoach.network import _tiny_network_for_doctest
    >>> network_at_meeting(_tiny_network_for_doctest(), "m9")
    Traceback (most recent call last):
    ...
    ValueError: There is no meeting 'm9' in this scenario; the meetings are: m1
    """
    for meeting, _, _, people in _walk(scenario):
        if meeting.id == meeting_id:
            return people
    raise ValueError(f"There is no meeting {meeting_id!r} in this scenario; the meetings are: "
                     + ", ".join(m.id for m in meetings_in_order(scenario)))


def _names(scenario: Scenario, ids) -> str:
    return people_in_words(scenario, ids)


def _people(n: int) -> str:
    return f"{n} {'person' if n == 1 else 'people'}"


def timeline_summary(scenario: Scenario, weights: Mapping[str, float] | None = None) -> Timeline:
    """Every meeting with who joined, who stepped back and the strength score.

    Examples
    --------
    >>> from fncoach.network import _tiny_network_for_doctest
    >>> t = timeline_summary(_tiny_network_for_doctest())
    >>> [(step.meeting_id, step.score) for step in t.steps]
    [('m1', 78)]
    >>> print(t.description)
    Before the first meeting the workers knew 3 people (strength 78).
    First meeting (week 0): nobody joined or stepped back; 3 people, strength 78 (no change).
    """
    start_people = tuple(p.id for p in scenario.people if p.is_known)
    start = analyse_strength(scenario, weights, people=start_people)
    lines = [f"Before the first meeting the workers knew {_people(len(start_people))} (strength {start.score})."]
    steps: list[MeetingStep] = []
    previous_people, previous_report = start_people, start
    for meeting, joined, stepped, people in _walk(scenario):
        report = previous_report if people == previous_people else analyse_strength(scenario, weights, people=people)
        steps.append(MeetingStep(meeting.id, meeting.title, meeting.kind, meeting.week, joined, stepped, people, report))
        changes = []
        if joined:
            changes.append(f"{_names(scenario, joined)} joined")
        if stepped:
            changes.append(f"{_names(scenario, stepped)} stepped back")
        what = " and ".join(changes) if changes else "nobody joined or stepped back"
        delta = report.score - previous_report.score
        trend = "no change" if not delta else f"up {delta}" if delta > 0 else f"down {-delta}"
        lines.append(f"{meeting.title} (week {meeting.week}): {what}; {_people(len(people))}, "
                     f"strength {report.score} ({trend}).")
        previous_people, previous_report = people, report
    if len(steps) > 1:
        first, last = steps[0], steps[-1]
        lines.append(f"From week {first.week} to week {last.week} the network went from {_people(len(first.people))} "
                     f"to {_people(len(last.people))}, and its strength from {first.score} to {last.score}.")
    return Timeline(start_people=start_people, start=start, steps=tuple(steps), description="\n".join(lines))
