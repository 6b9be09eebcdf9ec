"""The course: its notebooks, their exercises, where they live, and plain text about a case.

Pure data and text (no widgets): the notebook generator, the widget layer, the
``fncoach progress``/``export`` commands and the facilitator notebook all read
the course's shape from here, so exercise names and titles are written once.

- :data:`NOTEBOOKS` — each notebook's file, title, learning goals and exercises;
- :func:`exercise_titles` — exercise id → friendly title (for progress and the portfolio);
- :func:`notebooks_dir` / :func:`notebook_path` — find the course from a checkout or an editable install;
- :func:`progress_rows` — a learner's progress laid out against the course;
  :func:`exercises_finished` — how many of the course's exercises are done;
- :func:`case_summary_lines` — the case as a learner sees it (no model answers);
- :func:`model_answer_sections` — model answers and trainer notes, section by section (facilitators only).

Examples
--------
>>> [nb.stem for nb in NOTEBOOKS][:2]
['00-start-here', '01-principles-and-meetings']
>>> exercise_titles()["fnm_agenda"]
'Put the meeting agenda in order'
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterable, Mapping, Optional
from urllib.parse import parse_qs

from .words import people_in_words

if TYPE_CHECKING:  # pragma: no cover
    from .model import Scenario
    from .record import Progress

__all__ = [
    "GENERAL_SCENARIO",
    "GENERAL_SCENARIO_TITLE",
    "DEFAULT_SCENARIO",
    "Exercise",
    "Notebook",
    "NOTEBOOKS",
    "FACILITATOR_NOTEBOOK",
    "ProgressRow",
    "REFLECTIONS",
    "course_outline",
    "exercise_titles",
    "meeting_lines",
    "notebook_for",
    "notebooks_dir",
    "notebook_path",
    "progress_rows",
    "exercises_finished",
    "case_summary_lines",
    "model_answer_sections",
    "session_outline",
    "StartingPoint",
    "in_app_mode",
    "query_value",
    "starting_point",
]

#: Record key for exercises that do not depend on the case (the meeting exercises of notebook 01).
GENERAL_SCENARIO = "general"
GENERAL_SCENARIO_TITLE = "Any case (general practice)"
#: The case the notebooks open with.
DEFAULT_SCENARIO = "long_term_foster_links"


@dataclass(frozen=True)
class Exercise:
    """One saved exercise: its record id and the title a learner sees."""

    id: str
    title: str


@dataclass(frozen=True)
class Notebook:
    """One notebook of the course."""

    stem: str
    title: str
    goals: tuple[str, ...]
    exercises: tuple[Exercise, ...] = ()

    @property
    def filename(self) -> str:
        """The notebook's file name, e.g. ``00-start-here.ipynb``."""
        return f"{self.stem}.ipynb"


NOTEBOOKS: tuple[Notebook, ...] = (
    Notebook(
        "00-start-here", "Start here",
        ("Know what the course covers and how long it takes.",
         "Use a notebook: run a cell, press a button, type in a box.",
         "Choose a case to work on and know where your work is saved."),
        (Exercise("start_here_reflection", "What I hope to get from the course"),),
    ),
    Notebook(
        "01-principles-and-meetings", "Principles and Family Network Meetings",
        ("Explain the four principles of Family Networking in your own words.",
         "Say how the child, the family and network, and other agencies are prepared for a meeting.",
         "Put the parts of a Family Network Meeting in order, and say what Private Family Time is for.",
         "Keep a meeting by phone or video safe, and know what to do when a meeting gets difficult."),
        (Exercise("fnm_preparation", "Who is each preparation step for?"),
         Exercise("fnm_agenda", "Put the meeting agenda in order"),
         Exercise("fnm_virtual", "Keeping a phone or video meeting safe"),
         Exercise("fnm_dilemmas", "When a meeting gets difficult"),
         Exercise("meetings_reflection", "Reflection: meetings")),
    ),
    Notebook(
        "02-build-a-network", "Build a network",
        ("Draw a child's network as an eco-map and read one.",
         "Find people who have been missed by asking the right questions.",
         "Notice who is easily overlooked: fathers and their family, men, people far away."),
        (Exercise("finding_the_network", "Finding the network"),
         Exercise("network_builder", "Build the network"),
         Exercise("network_reflection", "Reflection: the network")),
    ),
    Notebook(
        "03-sos-mapping", "SOS mapping",
        ("Sort what is known into harm, danger, complicating factors, strengths and existing safety.",
         "Write worry statements, harm statements and safety goals in plain words.",
         "Use the safety scale and hear the child's voice through the Three Houses."),
        (Exercise("sos_card_sort", "Sort the information cards"),
         Exercise("sos_statements", "Write statements and goals"),
         Exercise("sos_scaling", "The safety scale"),
         Exercise("sos_three_houses", "The Three Houses: what the network must hear"),
         Exercise("sos_reflection", "Reflection: SOS mapping")),
    ),
    Notebook(
        "04-safety-plan-and-drills", "The safety plan and drills",
        ("Help a network give every job in its safety plan to a named person, with a backup.",
         "Test the plan with 'what if' drills over the four weeks to the first review.",
         "Find what breaks, and fix it.",
         "Chair Private Family Time: turn the network's own offers into its plan, with backups, red flags and "
         "who checks."),
        (Exercise("safety_plan", "Who does what in the safety plan"),
         Exercise("family_time", "Private Family Time: the network writes its plan"),
         Exercise("safety_plan_drill", "Drill the plan"),
         Exercise("plan_reflection", "Reflection: the safety plan")),
    ),
    Notebook(
        "05-network-strength-what-ifs", "Network strength and what-ifs",
        ("Read a network-strength summary as a teaching aid, not a verdict.",
         "Try changes to the network and see what they do, and why.",
         "Choose the next question to ask the family."),
        (Exercise("what_if", "What if the network changed?"),
         Exercise("strength_reflection", "Reflection: strength")),
    ),
    Notebook(
        "06-review-and-handover", "Review and handover",
        ("Explain the plan to the child in Words and Pictures they can read, in their own words.",
         "Prepare the review meeting within four weeks: what have you done, how has it been managed, "
         "how do you know it is working?",
         "Test the plan and hand facilitation over to a member of the network.",
         "Keep one plan per network, shared with everyone who took part."),
        (Exercise("words_and_pictures", "Words and Pictures for the child"),
         Exercise("safety_plan_review", "The four-week review"),
         Exercise("handover", "Handing the plan over to the network"),
         Exercise("handover_reflection", "Reflection: handing over")),
    ),
)

#: The trainer's notebook (in ``notebooks/facilitator/``); it saves nothing.
FACILITATOR_NOTEBOOK = Notebook(
    "facilitator/session", "Facilitator session",
    ("Show a case to a group, step by step.",
     "Reveal the model answers one section at a time, after the group has had a go.",
     "Run a live training room: see the group's numbers, card sorts, statements and plans as they share them."),
)


#: The reflection prompts closing each notebook: exercise id → ((prompt id, prompt), ...).
REFLECTIONS: Mapping[str, tuple[tuple[str, str], ...]] = {
    "start_here_reflection": (
        ("hope", "What do you hope to get from this course?"),
        ("network", "Think of a child you know (no names). Who is in their network that workers might not know about?"),
    ),
    "meetings_reflection": (
        ("principle", "Which of the four principles matters most in your own work, and why?"),
        ("prepare", "What would you say to a child to explain a Family Network Meeting?"),
    ),
    "network_reflection": (
        ("missed", "Who was easiest to miss in this network, and what question found them?"),
        ("ask_next", "What would you ask the family next?"),
    ),
    "sos_reflection": (
        ("hardest", "Which card or statement was hardest to place or write, and why?"),
        ("child_voice", "How did the child's own words change what you thought?"),
    ),
    "plan_reflection": (
        ("broke", "What broke in the drill, and how did you fix it?"),
        ("backup", "Which job in the plan most needs a second backup?"),
    ),
    "strength_reflection": (
        ("change", "Which change made the most difference to the network, and why?"),
        ("not_verdict", "Why is the strength score a teaching aid and not a decision?"),
    ),
    "handover_reflection": (
        ("evidence", "What evidence would show you the plan is working?"),
        ("handover", "Who in this network could facilitate the next meeting, and what would help them?"),
    ),
}


def course_outline() -> str:
    """The course in one numbered line per notebook.

    Examples
    --------
    >>> course_outline().splitlines()[0]
    '00  Start here'
    """
    return "\n".join(f"{nb.stem[:2]}  {nb.title}" for nb in NOTEBOOKS)


def exercise_titles() -> dict[str, str]:
    """Every exercise id in the course mapped to its title.

    Examples
    --------
    >>> exercise_titles()["sos_card_sort"]
    'Sort the information cards'
    """
    return {ex.id: ex.title for nb in NOTEBOOKS for ex in nb.exercises}


def notebook_for(exercise_id: str) -> Notebook | None:
    """The notebook an exercise belongs to, or ``None``.

    Examples
    --------
    >>> notebook_for("safety_plan_drill").stem
    '04-safety-plan-and-drills'
    """
    for nb in NOTEBOOKS:
        if any(ex.id == exercise_id for ex in nb.exercises):
            return nb
    return None


def notebooks_dir() -> Path:
    """The course's notebook folder.

    ``$FNCOACH_NOTEBOOKS`` if set; else ``notebooks/`` beside the package (a checkout, or
    ``pip install -e .``); else ``notebooks/`` in the current folder.

    Examples
    --------
    >>> notebooks_dir().name
    'notebooks'
    """
    override = os.environ.get("FNCOACH_NOTEBOOKS", "").strip()
    if override:
        return Path(override).expanduser()
    here = Path(__file__).resolve().parent
    for candidate in (here.parent / "notebooks", Path.cwd() / "notebooks"):
        if (candidate / f"{NOTEBOOKS[0].stem}.ipynb").is_file():
            return candidate
    return here.parent / "notebooks"


def notebook_path(name: str) -> Path | None:
    """Find a course notebook by file name, stem or number (``"03"``, ``"03-sos-mapping"``); ``None`` if unknown.

    An existing path (absolute, or relative to the current folder) is returned as it is.

    Examples
    --------
    >>> notebook_path("01").name
    '01-principles-and-meetings.ipynb'
    >>> notebook_path("nothing-like-this") is None
    True
    """
    given = Path(name).expanduser()
    if given.is_file():
        return given
    folder = notebooks_dir()
    stem = name[:-6] if name.endswith(".ipynb") else name
    for nb in (*NOTEBOOKS, FACILITATOR_NOTEBOOK):
        if stem in (nb.stem, nb.stem.split("-", 1)[0], nb.stem.split("/")[-1]) or stem == "facilitator" and nb is FACILITATOR_NOTEBOOK:
            path = folder / nb.filename
            return path if path.is_file() else None
    return None


@dataclass(frozen=True)
class ProgressRow:
    """One line of a progress table."""

    notebook: str
    exercise_id: str
    exercise: str
    scenario_id: str
    status: str
    done: bool
    saved_at: str


def progress_rows(progress: "Progress") -> tuple[ProgressRow, ...]:
    """A learner's saved work, in course order (notebook, then exercise, then case).

    Work saved under an exercise id the course does not know (an older course) is listed last.

    Examples
    --------
    >>> from fncoach.record import Entry, Progress
    >>> entry = Entry("Sam", "tiny", "sos_card_sort", {}, "2026-01-01T09:00:00+00:00", "2026-01-01T09:05:00+00:00", None)
    >>> row = progress_rows(Progress("Sam", (entry,)))[0]
    >>> row.notebook, row.exercise, row.status
    ('03 SOS mapping', 'Sort the information cards', 'Started')
    """
    order = {ex.id: (i, j) for i, nb in enumerate(NOTEBOOKS) for j, ex in enumerate(nb.exercises)}
    titles = exercise_titles()
    rows = []
    for entry in sorted(progress.entries,
                        key=lambda e: (order.get(e.exercise_id, (99, 99)), e.exercise_id, e.scenario_id)):
        nb = notebook_for(entry.exercise_id)
        label = f"{nb.stem[:2]} {nb.title}" if nb else "Other"
        rows.append(ProgressRow(label, entry.exercise_id, titles.get(entry.exercise_id, entry.exercise_id),
                                entry.scenario_id, "Done" if entry.done else "Started", entry.done, entry.saved_at))
    return tuple(rows)


def exercises_finished(rows: Iterable[ProgressRow]) -> tuple[int, int]:
    """How many of the course's exercises are done for at least one case, and how many there are.

    Work saved under an exercise id the course no longer has is not counted.

    Examples
    --------
    >>> tiny = ProgressRow("03 SOS mapping", "sos_card_sort", "Sort the information cards", "tiny", "Done", True, "")
    >>> other = ProgressRow("03 SOS mapping", "sos_card_sort", "Sort the information cards", "other", "Done", True, "")
    >>> retired = ProgressRow("Other", "retired_exercise", "retired_exercise", "tiny", "Done", True, "")
    >>> done, total = exercises_finished([tiny, other, retired])
    >>> done, total == sum(len(nb.exercises) for nb in NOTEBOOKS)
    (1, True)
    """
    course_ids = {ex.id for nb in NOTEBOOKS for ex in nb.exercises}
    done = {r.exercise_id for r in rows if r.done and r.exercise_id in course_ids}
    return len(done), sum(len(nb.exercises) for nb in NOTEBOOKS)


# ---------------------------------------------------------------------------- the case as text


def case_summary_lines(scenario: "Scenario") -> tuple[str, ...]:
    """The case in a few plain lines, as a learner may see it (no model answers).

    Examples
    --------
    >>> from fncoach.examples import tiny_scenario
    >>> lines = case_summary_lines(tiny_scenario())
    >>> lines[1]
    'Zoë, aged 8 (she/her). At home with her mum, Ciara.'
    """
    child = scenario.child
    known = scenario.known_people
    natural = [p for p in known if p.network_kind == "natural"]
    carers = [p for p in known if p.network_kind == "carer"]
    professionals = [p for p in known if p.network_kind == "professional"]
    lines = [
        scenario.meta.title,
        f"{child.name}, aged {child.age} ({child.pronouns}). {child.lives_now}",
        scenario.meta.summary.strip(),
    ]
    if child.what_matters:
        lines.append(f"What matters to {child.name}: " + "; ".join(f"“{w}”" for w in child.what_matters) + ".")
    hidden = len(scenario.people) - len(known)
    lines.append(
        f"Known so far: {len(natural)} people in the family and wider network"
        + (f", {len(carers)} {'carer' if len(carers) == 1 else 'carers'} in {child.name}'s everyday life"
           if carers else "")
        + f" and {len(professionals)} {'professional' if len(professionals) == 1 else 'professionals'}"
        + (f"; {hidden} more {'person is' if hidden == 1 else 'people are'} still to be found." if hidden else ".")
    )
    if scenario.meta.content_notes:
        lines.append("Before you start, this case includes: " + "; ".join(scenario.meta.content_notes) + ".")
    return tuple(lines)


def meeting_lines(scenario: "Scenario") -> tuple[str, ...]:
    """The case's meetings over time, one line each (who joined, who stepped back, who facilitated).

    Examples
    --------
    >>> from fncoach.examples import tiny_scenario
    >>> meeting_lines(tiny_scenario())[0].startswith("Week 0")
    True
    """
    lines = []
    for m in sorted(scenario.meetings, key=lambda m: m.week):
        parts = [f"Week {m.week}: {m.title}."]
        if m.joins:
            parts.append(f"Joining: {people_in_words(scenario, m.joins)}.")
        if m.steps_back:
            parts.append(f"Stepping back: {people_in_words(scenario, m.steps_back)}.")
        if m.facilitated_by:
            parts.append(f"Facilitated by {scenario.name_of(m.facilitated_by)}.")
        lines.append(" ".join(parts))
    return tuple(lines)


def model_answer_sections(scenario: "Scenario") -> tuple[tuple[str, tuple[str, ...]], ...]:
    """The model answers and trainer notes, as ``(section title, lines)`` in teaching order.

    For facilitators only: this includes every facilitator-only field. Empty sections are left out.

    Examples
    --------
    >>> from fncoach.examples import tiny_scenario
    >>> sections = dict(model_answer_sections(tiny_scenario()))
    >>> "Sorting the information cards" in sections
    True
    >>> sections["The handover"][-1][:44]
    'Calling the network back together: Gran call'
    """
    s = scenario
    column_words = {
        "harm": "Harm (what has happened)", "danger": "Danger (worry for the future)",
        "complicating": "Complicating factor", "strength": "Strength", "existing_safety": "Existing safety",
        "bottom_line": "The council's bottom line", "not_needed": "Not needed on the map",
    }
    sections: list[tuple[str, tuple[str, ...]]] = []

    def add(title: str, lines: Iterable[str]) -> None:
        lines = tuple(line for line in lines if line)
        if lines:
            sections.append((title, lines))

    add("Sorting the information cards",
        (f"{c.text} → {column_words.get(c.column, c.column)}. {c.explanation}" for c in s.sos.cards))

    def agreement(st) -> str:
        parts = []
        if st.agreed_by:
            parts.append("agreed by " + people_in_words(s, st.agreed_by))
        if st.disagreed_by:
            parts.append("not agreed by " + people_in_words(s, st.disagreed_by))
        return f" ({'; '.join(parts)})" if parts else ""

    add("Harm statements", (st.text + agreement(st) for st in s.sos.harm_statements))
    add("Worry statements", (st.text + agreement(st) for st in s.sos.worry_statements))
    add("Safety goals", (g.text for g in s.sos.safety_goals))
    add("Next steps", s.sos.next_steps)
    if s.sos.scaling is not None:
        sc = s.sos.scaling
        add("The safety scale", (f"What 10 means here: {sc.ten_means}",
                                 *(f"{s.name_of(p.who)}: {p.score} — {p.reason}" for p in sc.perspectives)))
    tasks = {t.id: t.title for t in s.plan.tasks}
    add("The model safety plan",
        (f"{tasks.get(a.task, a.task)}: {s.name_of(a.primary)}"
         + (f"; backup {people_in_words(s, a.backups)}" if a.backups else "; no backup") for a in s.plan.model_plan))
    from .familytime import VERDICT_WORDS

    if s.family_time is not None:
        add("Private Family Time: the offers, and why",
            (f"{s.name_of(o.who)}: “{o.says}” — {VERDICT_WORDS.get(o.verdict, o.verdict)}. {o.why}".rstrip()
             for o in s.family_time.offers))
    if s.handover is not None:
        h = s.handover
        add("The handover",
            (*(f"{j.title} ({s.name_of(j.held_by)}) → " + (people_in_words(s, j.taken_by) if j.taken_by else "—")
               + (f". {j.why}" if j.why else "") for j in h.professional_jobs),
             f"Keeps the plan: {s.name_of(h.keeper)}" if h.keeper else "",
             f"Calling the network back together: {h.recall}" if h.recall else ""))
    if s.words_and_pictures is not None:
        from .childwords import DRAFT_PARTS

        add("A model Words and Pictures draft",
            (f"{heading}: {getattr(s.words_and_pictures, key)}" for key, heading in DRAFT_PARTS))
    add("What the network understands at the review",
        (f"{s.name_of(a.who)}, asked '{a.question}': “{a.answer}” "
         + (f"A gap: {a.gap}" if a.gap else "This shows real understanding.") for a in s.review_answers))
    add("The meetings over time", (f"Week {m.week}, {m.title}: {m.summary}".rstrip(": ") for m in s.meetings))
    add("Facilitator notes", s.facilitator.notes)
    add("Mistakes to look out for", s.facilitator.common_mistakes)
    add("Suggested timings", (f"{t.activity}: {t.minutes} minutes" for t in s.facilitator.timings))
    add("Questions to discuss", s.discussion_questions)
    return tuple(sections)



def session_outline(scenario: "Scenario", width: int = 88) -> str:
    """A trainer's running order for a session on this case: suggested timings, then questions to discuss.

    Examples
    --------
    >>> from fncoach.examples import tiny_scenario
    >>> print(session_outline(tiny_scenario()).splitlines()[0])
    Session on: Tiny test case — Zoë and her gran (about 30 minutes)
    """
    import textwrap

    lines = [f"Session on: {scenario.meta.title} (about {scenario.meta.duration_minutes} minutes)"]
    timings = scenario.facilitator.timings
    if timings:
        lines.append("")
        lines.append("Suggested timings:")
        lines += [textwrap.fill(f"{t.minutes:>3} min  {t.activity}", width, subsequent_indent=" " * 10)
                  for t in timings]
    if scenario.discussion_questions:
        lines.append("")
        lines.append("Questions to discuss:")
        lines += [textwrap.fill(f"{i}. {q}", width, subsequent_indent="   ")
                  for i, q in enumerate(scenario.discussion_questions, start=1)]
    return "\n".join(lines)


# ---------------------------------------------------------------------------- who the learner is, and where they were


def in_app_mode(environ: Mapping[str, str]) -> bool:
    """True when the notebook runs in app mode (Voilà tells the kernel through ``SERVER_SOFTWARE``).

    Examples
    --------
    >>> in_app_mode({"SERVER_SOFTWARE": "voila/0.5.13"}), in_app_mode({})
    (True, False)
    """
    return str(environ.get("SERVER_SOFTWARE", "")).startswith("voila/")


def query_value(query: str, key: str) -> str:
    """One value from a page address's query (``learner=Dana%20Carer&case=x``), tidied; ``""`` if absent.

    Examples
    --------
    >>> query_value("learner=Dana+Carer&case=tiny", "learner")
    'Dana Carer'
    >>> query_value("", "case")
    ''
    """
    values = parse_qs(query or "", keep_blank_values=False).get(key) or [""]
    return " ".join(values[0].split())


@dataclass(frozen=True)
class StartingPoint:
    """Whom a notebook opens for, and on which case.

    Attributes
    ----------
    learner : str or None
        The learner's name; ``None`` means "ask for a name before anything is saved" (app mode, no name given).
    scenario_id : str
        The case to open.
    app_mode : bool
        True in app mode (Voilà).
    """

    learner: Optional[str]
    scenario_id: str
    app_mode: bool


def starting_point(environ: Mapping[str, str], *, scenario: str = DEFAULT_SCENARIO, learner: str = "",
                   last_learner: Optional[str] = None, last_place: Callable[[str], Optional[str]] = lambda _n: None,
                   login_name: str = "") -> StartingPoint:
    """Decide whom the notebook opens for and on which case, so a reload or the next notebook carries on.

    The learner, first found wins: ``learner`` given by the notebook; ``learner=`` in the page address (app mode:
    the browser keeps the name and adds it to every course link); ``$FNCOACH_LEARNER``. Then, in JupyterLab only
    (one person's own account and record): the learner who last used this record, else the login name. In app
    mode a server may be shared by many people, so with no name the answer is ``None``: ask first.

    The case: ``case=`` in the address; else ``scenario`` when it is not the course's default (a trainer chose
    it); else the case this learner last had open; else ``scenario``.

    Examples
    --------
    >>> app = {"SERVER_SOFTWARE": "voila/0.5", "QUERY_STRING": "learner=dana%20carer"}
    >>> starting_point(app, last_place={"dana carer": "tiny"}.get)  # the case Dana had open last time
    StartingPoint(learner='dana carer', scenario_id='tiny', app_mode=True)
    >>> starting_point({"SERVER_SOFTWARE": "voila/0.5"}, last_learner="Root").learner is None
    True
    >>> starting_point({}, last_learner="Dana Carer", login_name="root").learner
    'Dana Carer'
    """
    app = in_app_mode(environ)
    query = str(environ.get("QUERY_STRING", ""))
    name = (" ".join((learner or "").split()) or query_value(query, "learner")
            or " ".join(str(environ.get("FNCOACH_LEARNER", "")).split()))
    if not name and not app:
        name = last_learner or login_name
    case = query_value(query, "case")
    if not case and scenario and scenario != DEFAULT_SCENARIO:
        case = scenario
    if not case and name:
        case = last_place(name) or ""
    return StartingPoint(learner=name or None, scenario_id=case or scenario or DEFAULT_SCENARIO, app_mode=app)

