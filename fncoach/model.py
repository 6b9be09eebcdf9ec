"""The scenario format, version 1, as typed, validated models.

One :class:`Scenario` is one fictional case written by a practice coach.
Every exercise in the toolkit (network building, SOS mapping, safety plan
and drills, meetings over time, briefings) reads this one format.

The models are immutable (frozen) pydantic models holding tuples, so a
scenario can be shared safely between views; change one with
``scenario.model_copy(update={...})``.

Fields marked ``facilitator_only`` in their JSON Schema (``json_schema_extra``)
hold model answers or notes for trainers and must never appear in trainee
material; :func:`facilitator_only_paths` lists them.

Examples
--------
>>> child = Child(id="maya", name="Maya", age=9, lives_now="With her mum")
>>> gran = Person(id="gran", name="Gran Ada", relationship="Grandmother",
...               domain="family")
>>> gran.is_natural, gran.network_kind
(True, 'natural')
"""

from __future__ import annotations

import datetime as _dt
from typing import Literal, Optional, get_args

from pydantic import BaseModel, ConfigDict, Field, ValidationInfo, field_validator, model_validator
from pydantic_core import PydanticKnownError

__all__ = [
    "FORMAT_VERSION",
    "WEEKDAYS",
    "DOMAINS",
    "SUPPORT_KINDS",
    "CAPABILITIES",
    "TIE_QUALITIES",
    "CONTACT_FREQUENCIES",
    "SAFETY_STATUSES",
    "NETWORK_KINDS",
    "SOS_COLUMNS",
    "FINDING_SOURCES",
    "TASK_KINDS",
    "STRENGTH_COMPONENTS",
    "Weekday",
    "Domain",
    "SupportKind",
    "Capability",
    "TieQuality",
    "ContactFrequency",
    "SafetyStatusName",
    "SosColumn",
    "FindingSource",
    "TaskKind",
    "Meta",
    "ChildVoice",
    "Child",
    "TimeSlot",
    "Safety",
    "NotYetKnown",
    "Person",
    "Tie",
    "Card",
    "Statement",
    "SafetyGoal",
    "ScaleScore",
    "Scaling",
    "Sos",
    "TaskTime",
    "Task",
    "Assignment",
    "Plan",
    "OFFER_VERDICTS",
    "OfferVerdict",
    "Offer",
    "WhatIf",
    "FamilyTime",
    "HandoverJob",
    "Handover",
    "DrillEvent",
    "Drills",
    "Meeting",
    "ReviewAnswer",
    "ChildExplanation",
    "Timing",
    "Facilitator",
    "Settings",
    "Scenario",
    "facilitator_only_paths",
]

FORMAT_VERSION = 1

Weekday = Literal["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
WEEKDAYS: tuple[str, ...] = get_args(Weekday)

Domain = Literal["household", "family", "friends", "school_work", "community_faith", "professional"]
DOMAINS: tuple[str, ...] = get_args(Domain)

SupportKind = Literal["emotional", "practical", "information"]
SUPPORT_KINDS: tuple[str, ...] = get_args(SupportKind)

Capability = Literal[
    "drive",
    "host_overnight",
    "supervise_contact",
    "phone_calls",
    "video_calls",
    "home_visits",
    "childcare",
    "school_runs",
    "cooking",
    "translate",
    "personal_care",
]
CAPABILITIES: tuple[str, ...] = get_args(Capability)

TieQuality = Literal["strong", "moderate", "normal", "weak", "stressful", "conflict", "cut_off"]
TIE_QUALITIES: tuple[str, ...] = get_args(TieQuality)

ContactFrequency = Literal["daily", "several_a_week", "weekly", "monthly", "few_times_a_year", "rarely", "never"]
CONTACT_FREQUENCIES: tuple[str, ...] = get_args(ContactFrequency)

SafetyStatusName = Literal["safe", "to_explore", "worry"]
SAFETY_STATUSES: tuple[str, ...] = get_args(SafetyStatusName)

#: The three kinds of people around a child (:attr:`Person.network_kind`): the natural network (not paid
#: to be there), paid carers who are part of the child's everyday life (foster carers, Staying Put and
#: supported-lodgings hosts) and professionals, who support the network but step back.
NETWORK_KINDS: tuple[str, ...] = ("natural", "carer", "professional")

SosColumn = Literal["harm", "danger", "complicating", "strength", "existing_safety", "bottom_line", "not_needed"]
SOS_COLUMNS: tuple[str, ...] = get_args(SosColumn)

FindingSource = Literal[
    "places_lived",
    "schools",
    "celebrations",
    "mothers_side",
    "fathers_side",
    "faith_community",
    "who_child_misses",
    "old_neighbours",
    "parents_friends",
    "clubs_hobbies",
    "work",
    "health_professionals",
    "social_media",
    "records",
]
FINDING_SOURCES: tuple[str, ...] = get_args(FindingSource)

TaskKind = Literal[
    "phone_call",
    "visit",
    "monitoring",
    "supervise_contact",
    "transport",
    "school_run",
    "respite",
    "overnight",
    "meal",
    "activity",
    "appointment",
]
TASK_KINDS: tuple[str, ...] = get_args(TaskKind)

STRENGTH_COMPONENTS: tuple[str, ...] = (
    "safe_natural_size",
    "support_breadth",
    "closeness_contact",
    "domain_spread",
    "professional_reliance",
    "interconnection",
    "single_points_of_failure",
    "stressful_ties",
    "relationship_length",
    "plan_backup",
)

_ID_PATTERN = r"^[a-z][a-z0-9_]*$"
_TIME_PATTERN = r"^([01][0-9]|2[0-3]):[0-5][0-9]$"

Id = Field(pattern=_ID_PATTERN, min_length=1, max_length=60,
           description="A short id: lower-case letters, digits and underscores, starting with a letter, e.g. gran_ada.")


def _fo(description: str) -> dict:
    """Field keyword arguments marking a facilitator-only field."""
    return {"description": description, "json_schema_extra": {"facilitator_only": True}}


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


def _time_minutes(text: str) -> int:
    hours, minutes = text.split(":")
    return int(hours) * 60 + int(minutes)


# --------------------------------------------------------------------------- meta and child


class Meta(_Model):
    """What the scenario is, who it is for and how long it takes."""

    id: str = Field(pattern=_ID_PATTERN, max_length=60, description="Short id, also the file name, e.g. maya_long_term_foster.")
    title: str = Field(min_length=3, max_length=120, description="The title shown to learners.")
    format_version: Literal[1] = Field(1, description="The scenario format version. Write 1.")
    summary: str = Field(min_length=10, description="Two or three sentences about the case.")
    learning_goals: tuple[str, ...] = Field(min_length=1, description="What a learner will be able to do afterwards.")
    tags: tuple[str, ...] = Field((), description="Short labels such as kinship, edge-of-care, virtual.")
    duration_minutes: int = Field(90, ge=10, le=600, description="Suggested time for the whole scenario in a session.")
    content_notes: tuple[str, ...] = Field((), description="Sensitive themes a learner should know about before starting.")
    audience: tuple[str, ...] = Field(("foster carers", "social workers"), description="Who the scenario is written for.")


class ChildVoice(_Model):
    """The child's own words for the Three Houses: worries, good things, dreams."""

    worries: tuple[str, ...] = Field(min_length=1, description="The child's words for the house of worries.")
    good_things: tuple[str, ...] = Field(min_length=1, description="The child's words for the house of good things.")
    dreams: tuple[str, ...] = Field(min_length=1, description="The child's words for the house of dreams.")


class Child(_Model):
    """The child or young person at the centre of the network."""

    id: str = Id
    name: str = Field(min_length=1, max_length=80, description="The child's (fictional) first name.")
    age: int = Field(ge=0, le=25, description="Age in years.")
    pronouns: str = Field("they/them", description="How to refer to the child, e.g. she/her.")
    lives_now: str = Field(min_length=3, description="Where and with whom the child lives now.")
    what_matters: tuple[str, ...] = Field((), description="What matters to the child, in their own words.")
    communication: str = Field("", description="How the child communicates best, and any needs (language, disability, age).")
    languages: tuple[str, ...] = Field(("English",), description="Languages the child speaks.")
    voice: Optional[ChildVoice] = Field(None, description="The child's Three Houses words.")


# --------------------------------------------------------------------------- people and ties


class TimeSlot(_Model):
    """A weekly window when someone is available."""

    days: tuple[Weekday, ...] = Field(min_length=1, description="Days of the week: mon, tue, wed, thu, fri, sat, sun.")
    start: str = Field("00:00", pattern=_TIME_PATTERN, description="From, as HH:MM (24-hour clock).")
    end: str = Field("23:59", pattern=_TIME_PATTERN, description="Until, as HH:MM (24-hour clock).")

    @model_validator(mode="after")
    def _start_before_end(self) -> "TimeSlot":
        if _time_minutes(self.start) >= _time_minutes(self.end):
            raise ValueError(f"start {self.start} must be earlier than end {self.end}")
        return self


class Safety(_Model):
    """Whether a person is safe to be part of the plan, and why."""

    status: SafetyStatusName = Field("safe", description="safe, to_explore (not yet assessed) or worry.")
    reason: str = Field("", description="Why: what is known, in plain words.")

    @model_validator(mode="after")
    def _reason_needed(self) -> "Safety":
        if self.status != "safe" and not self.reason:
            raise ValueError(f"a safety status of {self.status} needs a reason saying why")
        return self


class NotYetKnown(_Model):
    """Marks a person the workers do not know about yet, and how they can be found."""

    found_by: tuple[FindingSource, ...] = Field(min_length=1, description="The questions or sources that would find this person.")
    clue: str = Field(min_length=5, description="What the learner hears when the person is found, e.g. who mentioned them.")


class Person(_Model):
    """Someone in the child's network: family, friend, community member or professional."""

    id: str = Id
    name: str = Field(min_length=1, max_length=80, description="Fictional name as the family says it, e.g. Nana Pat.")
    relationship: str = Field(min_length=2, description="Relationship to the child, e.g. maternal grandmother, PE teacher.")
    domain: Domain = Field(description="household, family, friends, school_work, community_faith or professional.")
    gender: Literal["female", "male", "other", "unknown"] = Field("unknown", description="female, male, other or unknown.")
    age: Optional[int] = Field(None, ge=0, le=110, description="Age in years, if known.")
    family_side: Literal["mothers", "fathers", "both", "none"] = Field(
        "none", description="For relatives: mothers or fathers side (or both); none for everyone else."
    )
    paid: bool = Field(False, description="True when paid to be there (professionals are always paid).")
    lives: str = Field("", description="Where they live, e.g. 'Same street', 'Leeds', 'Lagos, Nigeria'.")
    travel_minutes: int = Field(0, ge=0, le=10000, description="Travel time to the child's home, in minutes.")
    joins_virtually: bool = Field(False, description="True when they can only join meetings by phone or video.")
    contact: str = Field("", description="How to reach them (fictional): e.g. 07700 900123. Use Ofcom's drama numbers.")
    languages: tuple[str, ...] = Field(("English",), description="Languages they speak.")
    available: tuple[TimeSlot, ...] = Field(
        (), description="When they can help. Leave out if they can help at any time."
    )
    hours_per_week: Optional[float] = Field(None, ge=0, le=168, description="Most hours a week they have said they can give.")
    support: tuple[SupportKind, ...] = Field((), description="Support they give: emotional, practical, information.")
    can_do: tuple[Capability, ...] = Field((), description="What they can do, e.g. drive, host_overnight, supervise_contact.")
    safety: Safety = Field(default_factory=Safety, description="Safe, to be explored, or a worry, with the reason.")
    commitment: Literal["high", "medium", "low", "unknown"] = Field("unknown", description="How committed they are to the plan.")
    notes: str = Field("", description="Anything else about this person.")
    not_yet_known: Optional[NotYetKnown] = Field(
        None, description="Only for people the workers have not found yet: the questions that would find them."
    )

    @property
    def is_paid_carer(self) -> bool:
        """True for a paid carer who is part of the child's everyday life: paid, and in the child's household.

        Foster carers, Staying Put hosts and supported-lodgings hosts (written with ``paid: true`` and
        ``domain: household``). They are paid, yet can be a lasting, even lifelong, relationship: they are
        neither professionals who step back nor simply the natural network.

        Examples
        --------
        >>> carer = Person(id="siobhan", name="Siobhan", relationship="Long-term foster carer",
        ...                domain="household", paid=True)
        >>> carer.is_paid_carer, carer.is_professional, carer.is_natural
        (True, False, False)
        """
        return self.paid and self.domain == "household"

    @property
    def is_professional(self) -> bool:
        """True for professionals: the professional domain, or anyone else paid to be there who is not a carer
        (a teacher, a teaching assistant). They support the network but cannot stay for life."""
        return self.domain == "professional" or (self.paid and not self.is_paid_carer)

    @property
    def is_natural(self) -> bool:
        """True for the natural network: everyone not paid to be there."""
        return not (self.paid or self.domain == "professional")

    @property
    def network_kind(self) -> str:
        """One of :data:`NETWORK_KINDS`: ``natural``, ``carer`` or ``professional`` (exactly one is true)."""
        if self.is_natural:
            return "natural"
        return "carer" if self.is_paid_carer else "professional"

    @property
    def is_known(self) -> bool:
        """True when the workers already know about this person."""
        return self.not_yet_known is None


class Tie(_Model):
    """A relationship between two people (or a person and the child)."""

    a: str = Field(description="Person id (or the child's id).")
    b: str = Field(description="Person id (or the child's id).")
    closeness: int = Field(2, ge=1, le=3, description="1 not very close, 2 quite close, 3 very close.")
    quality: TieQuality = Field("normal", description="strong, moderate, normal, weak, stressful, conflict or cut_off.")
    contact: ContactFrequency = Field("monthly", description="How often they are in touch: daily, several_a_week, weekly, monthly, few_times_a_year, rarely, never.")
    help: Literal["a_to_b", "b_to_a", "both", "none"] = Field("none", description="Direction of help: a_to_b, b_to_a, both or none.")
    years_known: Optional[float] = Field(None, ge=0, le=110, description="How many years they have known each other.")
    note: str = Field("", description="A few words about the relationship.")

    @model_validator(mode="after")
    def _two_ends(self) -> "Tie":
        if self.a == self.b:
            raise ValueError(f"a tie needs two different people, but both ends are {self.a!r}")
        return self


# --------------------------------------------------------------------------- SOS material


class Card(_Model):
    """A piece of case information the learner sorts into the SOS map."""

    id: str = Id
    text: str = Field(min_length=5, description="The case fact, as the learner sees it.")
    people: tuple[str, ...] = Field((), description="Ids of people the card is about.")
    column: SosColumn = Field(**_fo("Model answer: harm, danger, complicating, strength, existing_safety, bottom_line (what the council has said must happen, or will do; neither harm nor danger) or not_needed."))
    explanation: str = Field(min_length=5, **_fo("Coaching explanation of why the card belongs in that column."))


class Statement(_Model):
    """A model harm or worry statement, with who agrees and who does not."""

    id: str = Id
    text: str = Field(min_length=10, description="The statement in plain words.")
    agreed_by: tuple[str, ...] = Field((), description="Ids of people who agree with it.")
    disagreed_by: tuple[str, ...] = Field((), description="Ids of people who do not agree.")


class SafetyGoal(_Model):
    """A model safety goal answering one worry statement."""

    id: str = Id
    worry: str = Field(description="Id of the worry statement this goal answers.")
    text: str = Field(min_length=10, description="The goal: what people will be doing, what the child will experience, who will see it, for how long.")


class ScaleScore(_Model):
    """One person's safety-scale number (0 to 10) with their reason."""

    who: str = Field(description="Id of the person (or the child) giving the number.")
    score: int = Field(ge=0, le=10, description="0: harm is certain; 10: safe enough for professionals to step back.")
    reason: str = Field(min_length=3, description="Why they chose that number, in their words.")
    one_point_up: str = Field("", description="What they say would move their number one point up.")


class Scaling(_Model):
    """The safety scale exercise."""

    question: str = Field(
        "On a scale of 0 to 10, where 10 means everyone is confident the child is safe enough for professionals to "
        "step back, and 0 means harm is certain, where are things now?",
        description="The scaling question as it is asked.",
    )
    ten_means: str = Field(min_length=10, **_fo("Model answer: what 10 would look like for this child."))
    perspectives: tuple[ScaleScore, ...] = Field(min_length=1, **_fo("Model numbers from each perspective (child, parents, network, workers)."))


class Sos(_Model):
    """SOS mapping material: cards, model statements and goals, scaling."""

    cards: tuple[Card, ...] = Field(min_length=1, description="Information cards to sort.")
    harm_statements: tuple[Statement, ...] = Field((), **_fo("Model harm statements."))
    worry_statements: tuple[Statement, ...] = Field((), **_fo("Model worry (danger) statements, usually no more than three."))
    safety_goals: tuple[SafetyGoal, ...] = Field((), **_fo("Model safety goals, one per worry statement."))
    next_steps: tuple[str, ...] = Field((), **_fo("Model next steps."))
    scaling: Optional[Scaling] = Field(None, description="The safety scale exercise.")


# --------------------------------------------------------------------------- safety plan


class TaskTime(_Model):
    """When a task happens: a weekly pattern and/or particular dates, at a time of day."""

    weekly: tuple[Weekday, ...] = Field((), description="Days of the week it happens every week.")
    dates: tuple[_dt.date, ...] = Field((), description="Particular dates (YYYY-MM-DD).")
    start: str = Field(pattern=_TIME_PATTERN, description="Start time, HH:MM.")
    end: str = Field(pattern=_TIME_PATTERN, description="End time, HH:MM. For overnight tasks, the time next morning.")

    @model_validator(mode="after")
    def _has_days(self) -> "TaskTime":
        if not self.weekly and not self.dates:
            raise ValueError("say when the task happens: give weekly days, dates, or both")
        return self

    @property
    def minutes(self) -> int:
        """Length of one occurrence in minutes (overnight tasks wrap past midnight)."""
        length = _time_minutes(self.end) - _time_minutes(self.start)
        return length if length > 0 else length + 24 * 60


class Task(_Model):
    """One job in the family safety plan."""

    id: str = Id
    title: str = Field(min_length=3, description="What, in a few words, e.g. 'After-school phone check-in'.")
    kind: TaskKind = Field(description="The kind of task (also picks the Words and Pictures icon).")
    description: str = Field("", description="What exactly the person does.")
    when: TaskTime = Field(description="When it happens.")
    worry: Optional[str] = Field(None, description="Id of the worry statement this task answers.")
    requires: tuple[Capability, ...] = Field((), description="What the person needs to be able to do, e.g. drive.")
    in_person: bool = Field(True, description="True if the person must be there in person (travel time counts).")
    on_call: bool = Field(False, description="True when the person is on call in this window (ready to ring or come "
                          "if needed) rather than working all of it: the window is not counted as hours a week.")
    max_travel_minutes: Optional[int] = Field(None, ge=0, description="Furthest someone can live away and still do it, in minutes.")
    trigger: str = Field("", description="What sets the rule off, e.g. 'If Mum has not answered by 8am'.")
    red_flags: tuple[str, ...] = Field((), description="Signs that mean act now.")
    checked_by: Optional[str] = Field(None, description="Id of the person who checks it has happened.")
    about: tuple[str, ...] = Field(
        (), description="Ids of the people whose behaviour this job is about: the person it checks on, supervises "
        "or keeps the child safe from. They can never hold the job themselves, unless it is their own commitment.")
    own_commitment: bool = Field(
        False, description="True when the job is a promise the people in 'about' make themselves (e.g. Dad leaves "
        "the house and rings his brother when an argument builds). It can then be theirs, and checked_by must "
        "name someone else who checks it.")
    child_words: str = Field("", description="The task as the child would say it, for the Words and Pictures plan.")

    @model_validator(mode="after")
    def _own_commitment_is_checked(self) -> "Task":
        if self.checked_by is not None and self.checked_by in self.about:
            raise ValueError(f"checked_by is {self.checked_by!r}, but the job is about {self.checked_by!r}: nobody "
                             "checks on themselves. Name someone else in the network in checked_by")
        if self.own_commitment and not self.about:
            raise ValueError("an own commitment needs 'about': the ids of the people who make the promise")
        if self.own_commitment and not self.checked_by:
            raise ValueError("an own commitment needs checked_by: someone else in the network who checks it is kept")
        return self


class Assignment(_Model):
    """Who does a task: a primary person and their backups in order."""

    task: str = Field(description="Task id.")
    primary: str = Field(description="Person id of the main person.")
    backups: tuple[str, ...] = Field((), description="Person ids of the backups, first choice first.")


class Plan(_Model):
    """The family safety plan exercise."""

    tasks: tuple[Task, ...] = Field(min_length=1, description="The jobs the plan needs doing.")
    model_plan: tuple[Assignment, ...] = Field((), **_fo("Model answer: primary and backups for each task."))


# --------------------------------------------------------------------------- Private Family Time and handover


OfferVerdict = Literal["workable", "unrealistic", "unsafe", "vague", "professional_job"]
#: How a practice coach marks a network member's offer (facilitator-only): ``workable``; ``unrealistic`` (they
#: cannot keep it up: too far, too late, too many hours); ``unsafe`` (a person of worry, or someone still to be
#: explored offering care they cannot yet give); ``vague`` (no what, when or how: "I'll keep an eye on things");
#: ``professional_job`` (a job that belongs to a professional, not the network).
OFFER_VERDICTS: tuple[str, ...] = get_args(OfferVerdict)


class Offer(_Model):
    """What a network member offers in Private Family Time, in their own voice."""

    id: str = Id
    who: str = Field(description="Id of the person making the offer.")
    says: str = Field(min_length=5, description="The offer in the person's own words, as they say it in the room.")
    title: str = Field(min_length=3, description="The job the offer would become, in a few words, e.g. 'Morning lift to school'.")
    kind: TaskKind = Field(description="The kind of job it would be.")
    worry: Optional[str] = Field(None, description="Id of the worry statement the offer would answer, if any.")
    when: Optional[TaskTime] = Field(None, description="When they say they could do it (leave out if they did not say).")
    cannot: str = Field("", description="What they say they cannot do, in their own words.")
    verdict: OfferVerdict = Field(**_fo("Model answer: workable, unrealistic, unsafe, vague or professional_job."))
    why: str = Field("", **_fo("Model answer: why the offer is workable, or why it is unrealistic, unsafe, vague "
                                "or a professional's job."))

    @model_validator(mode="after")
    def _why_needed(self) -> "Offer":
        if self.verdict != "workable" and not self.why:
            raise ValueError(f"an offer marked {self.verdict} needs 'why': say in plain words why")
        return self


class WhatIf(_Model):
    """A "what if…?" question the learner can ask a member in Private Family Time, and their scripted answer."""

    id: str = Id
    question: str = Field(min_length=5, description="The question, e.g. 'What if Gran is on holiday?'.")
    who: str = Field(description="Id of the person who answers.")
    answer: str = Field(min_length=3, description="Their answer, in their own words.")


class FamilyTime(_Model):
    """Private Family Time: the network's offers and its answers to "what if…?" questions."""

    offers: tuple[Offer, ...] = Field(min_length=1, description="What network members offer, in their own voices.")
    what_ifs: tuple[WhatIf, ...] = Field((), description="Questions the learner can ask, with the scripted answers.")


class HandoverJob(_Model):
    """A job professionals still do at the final meeting, which the network must take over."""

    id: str = Id
    title: str = Field(min_length=3, description="The job, e.g. 'Checks the Friday night stays happened'.")
    held_by: str = Field(description="Id of the professional who does it now.")
    taken_by: tuple[str, ...] = Field((), **_fo("Model answer: ids of who in the network takes it over, first "
                                                 "choice first."))
    why: str = Field("", **_fo("Model answer: why them."))


class Handover(_Model):
    """The final meeting: handing the plan over to the network."""

    professional_jobs: tuple[HandoverJob, ...] = Field(min_length=1, description="Jobs professionals still do.")
    keeper: Optional[str] = Field(None, **_fo("Model answer: id of who keeps the one shared plan."))
    recall: str = Field("", **_fo("Model answer: how the network will call itself back together, and who calls it."))


# --------------------------------------------------------------------------- drills and meetings


class DrillEvent(_Model):
    """A scripted event in a contingency drill: someone is unavailable for a while."""

    id: str = Id
    person: str = Field(description="Id of the person who is unavailable.")
    from_day: int = Field(ge=1, description="First drill day they are unavailable (day 1 is the plan's first day).")
    to_day: int = Field(ge=1, description="Last drill day they are unavailable.")
    reason: str = Field(min_length=3, description="Why, e.g. 'Gran is on holiday in Tenerife'.")

    @model_validator(mode="after")
    def _order(self) -> "DrillEvent":
        if self.to_day < self.from_day:
            raise ValueError(f"to_day {self.to_day} is before from_day {self.from_day}")
        return self


class Drills(_Model):
    """Contingency drill settings."""

    start_date: _dt.date = Field(description="The date of drill day 1 (the day after the meeting), YYYY-MM-DD.")
    days: int = Field(28, ge=1, le=366, description="Length of the drill: normally 28 days, to the first review.")
    absence_chance: float = Field(0.05, ge=0, le=0.9, description="Chance on any day that any one person cannot help (illness, work).")
    events: tuple[DrillEvent, ...] = Field((), description="Scripted events.")

    @model_validator(mode="after")
    def _events_inside(self) -> "Drills":
        for event in self.events:
            if event.to_day > self.days:
                raise ValueError(f"event {event.id!r} ends on day {event.to_day}, after the drill's last day {self.days}")
        return self


class Meeting(_Model):
    """A Family Network Meeting in the timeline, and how the network changed before it."""

    id: str = Id
    kind: Literal["initial", "review", "final"] = Field(description="initial, review or final.")
    week: int = Field(ge=0, le=520, description="Weeks after the initial meeting (the initial meeting is week 0).")
    title: str = Field(min_length=3, description="E.g. 'First review'.")
    joins: tuple[str, ...] = Field((), description="Ids of people who join the network by this meeting.")
    steps_back: tuple[str, ...] = Field((), description="Ids of people who step back by this meeting.")
    summary: str = Field("", description="What happened, in a few sentences.")
    facilitated_by: Optional[str] = Field(None, description="Id of who facilitated (a network member, once handed over).")
    scores: tuple[ScaleScore, ...] = Field((), description="Safety-scale numbers given at this meeting.")
    closing_note: str = Field("", description="At the final meeting: why professionals step back although some "
                                              "numbers are below 9 (say it plainly), if they are.")


class ReviewAnswer(_Model):
    """A network member's answer at the review to "what are the worries, and what would we do if…?"."""

    who: str = Field(description="Id of the network member answering.")
    question: str = Field(min_length=5, description="What they were asked, e.g. 'What would we do if Mum rang "
                                                    "after drinking?'.")
    answer: str = Field(min_length=5, description="Their answer, in their own voice.")
    gap: str = Field("", **_fo("Model answer: what this answer shows the network has not understood yet, in plain "
                               "words. Leave empty when the answer shows real understanding."))


class ChildExplanation(_Model):
    """A Words and Pictures draft: the child's explanation of what happened, the worries and the plan."""

    what_happened: str = Field(min_length=5, description="What happened, told for the child.")
    worries: str = Field(min_length=5, description="What the grown-ups are worried about, told for the child.")
    plan: str = Field(min_length=5, description="The plan, told for the child, naming people as the child knows them.")
    when_worried: str = Field(min_length=5, description="The 'when I feel worried I can…' part.")


class Timing(_Model):
    """A suggested timing for part of a session."""

    activity: str = Field(min_length=3)
    minutes: int = Field(ge=1, le=600)


class Facilitator(_Model):
    """Material for the trainer only."""

    notes: tuple[str, ...] = Field((), **_fo("Facilitator notes."))
    common_mistakes: tuple[str, ...] = Field((), **_fo("Mistakes to look out for."))
    timings: tuple[Timing, ...] = Field((), **_fo("Suggested timings."))


class Settings(_Model):
    """Coach-adjustable settings."""

    strength_weights: dict[str, float] = Field(
        default_factory=dict,
        description="Override the network-strength weights, e.g. {plan_backup: 2}. Names: " + ", ".join(STRENGTH_COMPONENTS) + ".",
    )

    @field_validator("strength_weights")
    @classmethod
    def _known_components(cls, weights: dict[str, float]) -> dict[str, float]:
        for name, weight in weights.items():
            if name not in STRENGTH_COMPONENTS:
                raise ValueError(f"unknown strength component {name!r}; use one of: {', '.join(STRENGTH_COMPONENTS)}")
            if weight < 0:
                raise ValueError(f"the weight for {name} must be 0 or more, not {weight}")
        return weights


# --------------------------------------------------------------------------- the scenario


class Scenario(_Model):
    """One fictional case: everything every exercise needs."""

    meta: Meta
    child: Child
    people: tuple[Person, ...] = Field(description="Everyone in the network, including people not yet known.",
                                       json_schema_extra={"minItems": 1})
    ties: tuple[Tie, ...] = Field((), description="Relationships: child to person and person to person.")
    sos: Sos
    plan: Plan
    family_time: Optional[FamilyTime] = Field(None, description="Private Family Time: the members' offers and "
                                              "their answers to what-if questions.")
    handover: Optional[Handover] = Field(None, description="The final meeting: jobs professionals still do, for "
                                         "the network to take over.")
    drills: Drills
    meetings: tuple[Meeting, ...] = Field(min_length=1, description="The meetings timeline, initial meeting first.")
    review_answers: tuple[ReviewAnswer, ...] = Field(
        (), description="At the review meeting, network members answer 'what are the worries, and what would we do "
        "if…?' in their own voices; some answers show a gap in what the network understands (marked in gap).")
    words_and_pictures: Optional[ChildExplanation] = Field(
        None, **_fo("Model answer: a Words and Pictures draft explaining what happened, the worries and the plan "
                    "to the child."))
    discussion_questions: tuple[str, ...] = Field((), description="Questions for trainees to talk about.")
    facilitator: Facilitator = Field(default_factory=Facilitator, description="Trainer-only material.")
    settings: Settings = Field(default_factory=Settings, description="Coach-adjustable settings.")

    @field_validator("people")
    @classmethod
    def _someone_in_the_network(cls, people: tuple[Person, ...], info: ValidationInfo) -> tuple[Person, ...]:
        """A scenario needs at least one person, except a draft still being built (``context={"draft": True}``).

        The network builder starts from the child alone; that draft is checked like any scenario, but it is
        only saved as a file once someone has been added (a file is always read without the draft context).
        """
        if not people and not (info.context or {}).get("draft"):
            raise PydanticKnownError("too_short", {"field_type": "Tuple", "min_length": 1, "actual_length": 0})
        return people

    def person(self, person_id: str) -> Person:
        """Return the person with this id (raises KeyError if there is none)."""
        for person in self.people:
            if person.id == person_id:
                return person
        raise KeyError(person_id)

    def name_of(self, some_id: str) -> str:
        """The display name for a person id or the child's id."""
        if some_id == self.child.id:
            return self.child.name
        try:
            return self.person(some_id).name
        except KeyError:
            return some_id

    @property
    def known_people(self) -> tuple[Person, ...]:
        """People the workers already know about."""
        return tuple(p for p in self.people if p.is_known)


def facilitator_only_paths() -> list[str]:
    """Dotted paths of every facilitator-only field in the format.

    Examples
    --------
    >>> "sos.cards[].column" in facilitator_only_paths()
    True
    """
    paths: list[str] = []

    def walk(model: type[BaseModel], prefix: str) -> None:
        for name, field in model.model_fields.items():
            path = f"{prefix}{name}"
            extra = field.json_schema_extra if isinstance(field.json_schema_extra, dict) else {}
            if extra.get("facilitator_only"):
                paths.append(path)
                continue
            for sub in _submodels(field.annotation):
                is_seq = "tuple" in str(field.annotation)
                walk(sub, f"{path}[]." if is_seq else f"{path}.")

    walk(Scenario, "")
    return paths


def _submodels(annotation: object) -> list[type[BaseModel]]:
    import typing

    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    found: list[type[BaseModel]] = []
    for arg in typing.get_args(annotation):
        found.extend(_submodels(arg))
    return found
