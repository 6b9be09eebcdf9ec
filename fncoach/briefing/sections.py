"""The sections of a briefing pack, each rendered from a template in ``fncoach/pages/templates/briefing/``.

A briefing pack is a **trainee handout** (the case, the child's voice, the
eco-map, exercises with space to write, discussion questions) or a
**facilitator pack** (all of that plus the model answers, drill results,
common mistakes, timings and notes). The briefing notebook template calls one
function per cell, so every section here can be tested without a kernel.

Each function gathers plain text from the scenario and hands it to its
template (autoescaped by :func:`fncoach.pages.render`); the result is
:class:`markupsafe.Markup`, so a section placed inside another is not escaped
twice. Trainee sections are always built from
:func:`fncoach.briefing.leaks.trainee_view` of the scenario. Figures are passed
in as :class:`fncoach.viz._common.FigureResult`-like objects (anything with
``.figure`` and ``.description``) and embedded as base64 PNG.

Examples
--------
>>> from fncoach.model import Card
>>> card = Card(id="c1", text="Gran collects Maya every Wednesday.", column="existing_safety",
...             explanation="Protection shown over time.")
>>> "Protection shown" in model_card_row(card)
True
>>> "Protection shown" in exercise_card_row(1, card)
False
"""

from __future__ import annotations

import re
from typing import Any, Iterable, Sequence

from markupsafe import Markup

from ..finding import known_network
from ..model import Assignment, Card, Scenario, Task
from ..pages import png_data_uri, render
from ..viz._common import png_bytes
from ..words import people_in_words

__all__ = [
    "three_houses_exercise",
    "words_pictures_exercise",
    "review_exercise",
    "model_words_pictures",
    "model_review_answers",
    "AUDIENCES",
    "SOS_COLUMN_LABELS",
    "fragment",
    "table_class",
    "figure_html",
    "short_caption",
    "title_block",
    "case_in_brief",
    "people_table",
    "child_voice_section",
    "ecomap_section",
    "card_sort_exercise",
    "exercise_card_row",
    "statements_exercise",
    "scale_exercise",
    "plan_exercise",
    "discussion_section",
    "model_card_sort",
    "model_card_row",
    "sos_map_section",
    "model_statements",
    "model_scaling",
    "model_plan_section",
    "drill_results_section",
    "people_to_find",
    "strength_section",
    "facilitator_notes_section",
    "JOB_CARD_LABELS",
    "family_time_exercise",
    "handover_exercise",
    "model_family_time",
    "when_text",
]

AUDIENCES: tuple[str, ...] = ("trainee", "facilitator")

#: SOS column → (heading, one-line plain explanation). General knowledge, not a model answer.
SOS_COLUMN_LABELS: dict[str, tuple[str, str]] = {
    "harm": ("Harm", "Something that has already happened and hurt the child."),
    "danger": ("Worry (danger)", "What might happen to the child in future if nothing changes."),
    "complicating": ("Complicating factor", "Makes things harder, but is not harm in itself."),
    "strength": ("Strength", "A good thing to build on, not yet shown as safety over time."),
    "existing_safety": ("Existing safety", "Protection people have actually shown, over time."),
    "bottom_line": ("Bottom line", "What the council has said must happen, or what it will do if it does not."),
    "not_needed": ("Not needed", "True, but it does not help answer the three questions."),
}

_WEEKDAY_NAMES = {"mon": "Mon", "tue": "Tue", "wed": "Wed", "thu": "Thu", "fri": "Fri", "sat": "Sat", "sun": "Sun"}
_WEEK_ORDER = tuple(_WEEKDAY_NAMES)


def fragment(template: str, **context: Any) -> Markup:
    """Render ``briefing/<template>.html.j2`` with ``context``; the result is trusted markup.

    Examples
    --------
    >>> fragment("figure", src="data:image/png;base64,AAAA", alt="A <house>", caption="")
    Markup('<figure class="fig"><img src="data:image/png;base64,AAAA" alt="A &lt;house&gt;"></figure>')
    """
    return Markup(render(f"briefing/{template}.html.j2", **context))


# --------------------------------------------------------------------------- small helpers


_MAX_FIGURE_PIXELS = 1400


def short_caption(description: str, limit: int = 160) -> str:
    """The first sentence of a figure's description, for its printed caption (the whole text is the alt text).

    Examples
    --------
    >>> short_caption("Eco-map of Zoë's network (age 8). Very close to Zoë: Gran.")
    "Eco-map of Zoë's network (age 8)."
    """
    match = re.match(r"(.+?[.!?])(\s|$)", description.strip(), re.DOTALL)
    first = match.group(1) if match else description.strip()
    return first if len(first) <= limit else first[: limit - 1].rsplit(" ", 1)[0] + "…"


def figure_html(result: Any, caption: str = "", dpi: int = 130, own_size: bool = False) -> Markup:
    """Embed a figure result as a base64 PNG ``<figure>``; its description is the image's alt text.

    The resolution is ``dpi``, lowered for wide figures so they are at most about 1400 pixels across.
    With ``own_size`` the image is printed at the figure's own size in inches (never wider than the
    page), so its text is printed at the point size it was drawn.

    Examples
    --------
    >>> class _Fake:
    ...     description = "A drawing of a house."
    ...     class figure:
    ...         @staticmethod
    ...         def savefig(buffer, **kwargs):
    ...             buffer.write(b"PNG")
    >>> html = figure_html(_Fake(), caption="The house")
    >>> 'alt="A drawing of a house."' in html and "data:image/png;base64," in html
    True
    """
    width_inches = float(result.figure.get_size_inches()[0]) if hasattr(result.figure, "get_size_inches") else 0.0
    if width_inches > 0:  # about 1400 pixels across is sharp on A4 and keeps big figures quick to save
        dpi = max(60, min(dpi, int(_MAX_FIGURE_PIXELS / width_inches)))
    data = png_bytes(result.figure, dpi)
    width = ""
    if own_size and data[:8] == b"\x89PNG\r\n\x1a\n":
        width = f"{int.from_bytes(data[16:20], 'big') / dpi:.2f}in"
    return fragment("figure", src=png_data_uri(data), alt=result.description, caption=caption, width=width)


def _figure_with_caption(result: Any) -> Markup:
    return figure_html(result, caption=short_caption(result.description)) if result is not None else Markup("")


def _words(identifier: str) -> str:
    return identifier.replace("_", " ")


def _days_text(days: Sequence[str]) -> str:
    ordered = [d for d in _WEEK_ORDER if d in days]
    if ordered == list(_WEEK_ORDER):
        return "Every day"
    if ordered == list(_WEEK_ORDER[:5]):
        return "Mon–Fri"
    if ordered == list(_WEEK_ORDER[5:]):
        return "Sat–Sun"
    return ", ".join(_WEEKDAY_NAMES[d] for d in ordered)


def when_text(task: Task) -> str:
    """When a task happens, in a few words.

    Examples
    --------
    >>> from fncoach.model import Task, TaskTime
    >>> t = Task(id="t", title="Call", kind="phone_call", when=TaskTime(weekly=("mon", "tue", "wed", "thu", "fri"),
    ...          start="07:30", end="07:45"))
    >>> when_text(t)
    'Mon–Fri, 07:30–07:45'
    """
    parts = []
    if task.when.weekly:
        parts.append(_days_text(task.when.weekly))
    if task.when.dates:
        parts.append(", ".join(f"{d.day} {d.strftime('%b %Y')}" for d in task.when.dates))
    return f"{'; '.join(parts)}, {task.when.start}–{task.when.end}"


def _column_label(column: str) -> str:
    return SOS_COLUMN_LABELS.get(column, (column, ""))[0]




def table_class(kind: str, rows: int, limit: int) -> str:
    """A table's class: ``long`` too when it has more than ``limit`` rows, so print may split it across pages.

    Examples
    --------
    >>> table_class("tasks", 6, 5), table_class("people", 5, 5)
    ('tasks long', 'people')
    """
    return f"{kind} long" if rows > limit else kind


# --------------------------------------------------------------------------- sections for everyone


def title_block(scenario: Scenario, audience: str, large_print: bool = False) -> Markup:
    """The first page heading: title, which pack it is, time needed, learning goals and content notes.

    Examples
    --------
    >>> from fncoach.examples import tiny_scenario
    >>> s = tiny_scenario()
    >>> "Facilitator pack" in title_block(s, "facilitator"), "Trainee handout" in title_block(s, "trainee")
    (True, True)
    """
    if audience not in AUDIENCES:
        raise ValueError(f"audience must be one of {', '.join(AUDIENCES)}, not {audience!r}")
    meta = scenario.meta
    facts = [("Time needed", f"about {meta.duration_minutes} minutes"), ("Written for", ", ".join(meta.audience))]
    if meta.tags:
        facts.append(("Themes", ", ".join(meta.tags)))
    return fragment("title_block", facilitator=audience == "facilitator", large_print=large_print, title=meta.title,
                    facts=facts, content_notes=list(meta.content_notes), goals=meta.learning_goals)


def case_in_brief(scenario: Scenario) -> Markup:
    """The case in brief: summary, the child, and who is in the network as the workers know it.

    Examples
    --------
    >>> from fncoach.examples import tiny_scenario
    >>> html = case_in_brief(tiny_scenario())
    >>> "Gran Róisín" in html and "Niamh" not in html
    True
    """
    child = scenario.child
    facts = [("Age", f"{child.age}"), ("Pronouns", child.pronouns), ("Lives now", child.lives_now)]
    if child.languages:
        facts.append(("Speaks", ", ".join(child.languages)))
    if child.communication:
        facts.append(("Talks best when", child.communication))
    return fragment("case_in_brief", summary=scenario.meta.summary, child=child.name, facts=facts,
                    people_table=people_table(known_network(scenario)))


_SAFETY_TEXT = {"safe": "Safe", "to_explore": "To explore", "worry": "A worry"}
_SAFETY_MARK = {"safe": "✓", "to_explore": "?", "worry": "!"}


def people_table(scenario: Scenario) -> Markup:
    """A table of the people in a scenario: who they are, where they live, what they can do, safety."""
    rows = []
    for person in scenario.people:
        lives = person.lives or "—"
        if person.travel_minutes:
            lives += f" ({person.travel_minutes} min away)"
        if person.joins_virtually:
            lives += "; joins by phone or video"
        helps = ", ".join(_words(c) for c in person.can_do) or "—"
        status = person.safety.status
        safety = f"{_SAFETY_MARK[status]} {_SAFETY_TEXT[status]}"
        if person.safety.reason:
            safety += f": {person.safety.reason}"
        rows.append((person.name, person.relationship, lives, helps, safety))
    return fragment("people_table", css_class=table_class("people", len(rows), 5), rows=rows)


def child_voice_section(scenario: Scenario, houses_figure: Any = None) -> Markup:
    """The child's own words: what matters to them and their Three Houses (worries, good things, dreams).

    The Three Houses are drawn when ``houses_figure`` is given (the picture holds the same words and its
    alt text reads them out), else set out as a table.
    """
    child, voice = scenario.child, scenario.child.voice
    houses = (voice.worries, voice.good_things, voice.dreams) if voice is not None else None
    figure = (figure_html(houses_figure, caption=f"{child.name}'s Three Houses, in {child.name}'s own words.")
              if houses_figure is not None and voice is not None else None)
    return fragment("child_voice", child=child.name, what_matters=child.what_matters, houses=houses, figure=figure)


def ecomap_section(ecomap: Any, scenario: Scenario, title: str = "The eco-map", note: str = "",
                   key: Any = None) -> Markup:
    """The eco-map figure with a short key to reading it (and the drawn key, printed at its own size)."""
    intro = note or (f"The eco-map puts {scenario.child.name} in the middle. The closer someone is drawn, the "
                     "closer they are to the child. The line style shows how the relationship is going, the shape "
                     "and colour show where the person comes from (family, friends, school, community, "
                     "professionals), and the badge shows safety (✓ safe, ? to explore, ! a worry).")
    drawn_key = figure_html(key, own_size=True) if key is not None else Markup("")
    return fragment("ecomap_section", title=title, intro=intro, figure=_figure_with_caption(ecomap) + drawn_key)


# --------------------------------------------------------------------------- trainee exercises


def exercise_card_row(number: int, card: Card) -> Markup:
    """One card in the sorting exercise, with empty cells to write in (never the model column)."""
    return fragment("exercise_card_row", number=number, text=card.text)


def card_sort_exercise(scenario: Scenario) -> Markup:
    """Exercise 1: sort the case information into the SOS map columns (blank columns to write in)."""
    cards = scenario.sos.cards
    return fragment("card_sort_exercise", key=list(SOS_COLUMN_LABELS.values()),
                    rows=[exercise_card_row(i, card) for i, card in enumerate(cards, start=1)],
                    css_class=table_class("tasks", len(cards), 5))


def statements_exercise(scenario: Scenario, worries: int = 3) -> Markup:
    """Exercise 2: blank boxes for a harm statement, worry statements, safety goals and next steps.

    Examples
    --------
    >>> from fncoach.examples import tiny_scenario
    >>> "how it affected her" in statements_exercise(tiny_scenario())
    True
    """
    child = scenario.child
    them = child.pronouns.split("/")[-1] if "/" in child.pronouns else child.name
    return fragment("statements_exercise", child=child.name, them=them, worries=worries)


def scale_exercise(scenario: Scenario) -> Markup:
    """Exercise 3: the safety scale, blank, with rows for four points of view."""
    child = scenario.child.name
    question = scenario.sos.scaling.question if scenario.sos.scaling is not None else ""
    return fragment("scale_exercise", child=child, question=question,
                    views=(child, "A parent", "Someone in the network", "The social worker"))


def plan_exercise(scenario: Scenario) -> Markup:
    """Exercise 4: the safety-plan tasks with empty columns for the main person and the backups.

    Examples
    --------
    >>> from fncoach.examples import tiny_scenario
    >>> html = plan_exercise(tiny_scenario())
    >>> "Mon–Fri, 07:30–07:45" in html and "Main person" in html
    True
    """
    rows = []
    for task in scenario.plan.tasks:
        detail = task.description
        if task.trigger:
            detail += (" " if detail else "") + f"Act when: {task.trigger.rstrip('.')}."
        needs = ", ".join(_words(c) for c in task.requires)
        if not task.in_person:
            needs = (needs + "; " if needs else "") + "can be done from afar"
        rows.append({"title": task.title, "when": when_text(task), "needs": needs, "detail": detail})
    return fragment("plan_exercise", rows=rows, css_class=table_class("tasks", len(rows), 4))


def discussion_section(scenario: Scenario) -> Markup:
    """Discussion questions, with lines to jot notes."""
    questions = scenario.discussion_questions or (
        f"Who else might know {scenario.child.name} well that nobody has asked about yet?",
    )
    return fragment("discussion", questions=questions)


# --------------------------------------------------------------------------- facilitator sections


def model_card_row(card: Card, number: int | None = None) -> Markup:
    """One card with its model column and the coaching explanation (and its handout number, if given)."""
    return fragment("model_card_row", number=number, text=card.text, column=_column_label(card.column),
                    explanation=card.explanation)


def model_card_sort(scenario: Scenario) -> Markup:
    """Model answers for Exercise 1, grouped by column, with explanations.

    Examples
    --------
    >>> from fncoach.examples import tiny_scenario
    >>> import re
    >>> re.findall(r"<tr><td>(\\d+)</td>", model_card_sort(tiny_scenario()))
    ['1', '2', '3', '5', '4', '6']
    """
    order = {column: i for i, column in enumerate(SOS_COLUMN_LABELS)}
    numbered = {card.id: i for i, card in enumerate(scenario.sos.cards, start=1)}
    cards = sorted(scenario.sos.cards, key=lambda c: (order.get(c.column, 99), numbered[c.id]))
    return fragment("model_card_sort", rows=[model_card_row(c, numbered[c.id]) for c in cards],
                    css_class=table_class("tasks", len(cards), 5))


def sos_map_section(map_html: Markup) -> Markup:
    """The completed SOS map (markup from :func:`fncoach.briefing.content.sos_map_table`) as its own section."""
    return fragment("sos_map_section", map=map_html)


def _statement(scenario: Scenario, statement: Any) -> dict[str, str]:
    who = ""
    if statement.agreed_by:
        who += f"Agreed by {people_in_words(scenario, statement.agreed_by)}. "
    if statement.disagreed_by:
        who += f"Not agreed by {people_in_words(scenario, statement.disagreed_by)}."
    return {"text": statement.text, "who": who.strip()}


def model_statements(scenario: Scenario) -> Markup:
    """Model answers for Exercise 2: harm and worry statements, safety goals, next steps."""
    sos = scenario.sos
    worry_number = {w.id: i for i, w in enumerate(sos.worry_statements, start=1)}
    return fragment(
        "model_statements",
        harm=[_statement(scenario, s) for s in sos.harm_statements],
        worries=[_statement(scenario, s) for s in sos.worry_statements],
        goals=[{"worry": worry_number.get(g.worry, g.worry), "text": g.text} for g in sos.safety_goals],
        next_steps=sos.next_steps,
    )


def model_scaling(scenario: Scenario, spread_figure: Any = None) -> Markup:
    """Model answers for Exercise 3: what 10 means and each perspective's number and reason."""
    scaling = scenario.sos.scaling
    rows = [{"who": scenario.name_of(p.who), "score": p.score, "reason": p.reason, "one_point_up": p.one_point_up}
            for p in (scaling.perspectives if scaling is not None else ())]
    return fragment("model_scaling", scaling=scaling, rows=rows, figure=_figure_with_caption(spread_figure))


def model_plan_section(scenario: Scenario, assignments: Sequence[Assignment] | None = None) -> Markup:
    """Model answers for Exercise 4: the main person and backups for every task.

    Examples
    --------
    >>> from fncoach.examples import tiny_scenario
    >>> s = tiny_scenario()
    >>> plan = (s.plan.model_plan[0].model_copy(update={"backups": ()}), s.plan.model_plan[1])
    >>> model_plan_section(s, plan).count("class='gap'")
    1
    """
    assignments = tuple(scenario.plan.model_plan if assignments is None else assignments)
    by_task = {a.task: a for a in assignments}
    rows = []
    for task in scenario.plan.tasks:
        a = by_task.get(task.id)
        rows.append({"title": task.title, "when": when_text(task),
                     "primary": scenario.name_of(a.primary) if a else "—",
                     "backups": people_in_words(scenario, a.backups) if a and a.backups else "none",
                     "gap": not (a and a.backups)})
    return fragment("model_plan_section", has_plan=bool(assignments), rows=rows)


def drill_results_section(summary_html: Markup = Markup(""), heatmap: Any = None, uncovered: Sequence[str] = (),
                          days: int | None = None, first_drill: str = "") -> Markup:
    """What happened when the model plan was tested over the drill period: heatmap and uncovered tasks.

    ``first_drill`` names the drill the heatmap and the list of uncovered jobs show (e.g. "the first drill (seed 0)").
    """
    period = f"the {days} days to the first review" if days else "the drill period"
    figure = figure_html(heatmap, caption=short_caption(heatmap.description), own_size=True) if heatmap else Markup("")
    return fragment("drill_results_section", period=period, summary=summary_html, figure=figure,
                    uncovered=list(uncovered), first_drill=first_drill)


def people_to_find(scenario: Scenario) -> Markup:
    """People the workers have not found yet, and the questions that would find them."""
    rows = [(p.name, p.relationship, ", ".join(_words(s) for s in p.not_yet_known.found_by), p.not_yet_known.clue)
            for p in scenario.people if not p.is_known]
    return fragment("people_to_find", rows=rows)


def strength_section(rows: Sequence[tuple[str, float, str]], overall: int | None = None,
                     figure: Any = None, scope: str = "") -> Markup:
    """Network strength, component by component: (name, value 0–1, plain reason); ``overall`` out of 100.

    Examples
    --------
    >>> "Overall: 62 out of 100" in strength_section([("Backups", 0.5, "Half the jobs have one.")], overall=62)
    True
    """
    return fragment("strength_section", overall=overall, figure=_figure_with_caption(figure), scope=scope,
                    rows=[(name, f"{value:.0%}", reason) for name, value, reason in rows])


def facilitator_notes_section(scenario: Scenario) -> Markup:
    """Suggested timings, common mistakes and the facilitator's notes.

    Examples
    --------
    >>> from fncoach.examples import tiny_scenario
    >>> "Timings add up to 10 minutes; the scenario suggests 30." in facilitator_notes_section(tiny_scenario())
    True
    """
    fac = scenario.facilitator
    total, timings = 0, []
    for timing in fac.timings:
        total += timing.minutes
        timings.append((timing.activity, timing.minutes, total))
    return fragment("facilitator_notes", timings=timings, total=total, duration=scenario.meta.duration_minutes,
                    mistakes=fac.common_mistakes, notes=fac.notes)


# --------------------------------------------------------------------------- Private Family Time and the handover

#: The parts of every job the network writes in Private Family Time (the rows of a blank job card).
JOB_CARD_LABELS: tuple[str, ...] = (
    "The worry it answers", "What, exactly", "When", "Who does it", "Who backs them up",
    "Red flag: what would tell us it is going wrong", "What we do then", "Who checks", "How the child would say it",
)


def family_time_exercise(scenario: Scenario, cards: int = 4) -> Markup:
    """Private Family Time on paper: what each member offers, the "what if…?" answers, and blank job cards.

    Build it from :func:`fncoach.briefing.leaks.trainee_view`: it shows no verdict and no model note.
    Empty when the case has no Private Family Time.

    Examples
    --------
    >>> from fncoach.examples import tiny_scenario
    >>> html = family_time_exercise(tiny_scenario(), cards=2)
    >>> "I&#39;ll keep an eye on things." in html, html.count("job-card"), "Red flag" in html
    (True, 2, True)
    """
    family_time = scenario.family_time
    if family_time is None:
        return Markup("")
    offers = [{"name": scenario.name_of(o.who), "relationship": scenario.person(o.who).relationship,
               "says": o.says, "cannot": o.cannot} for o in family_time.offers]
    what_ifs = [{"question": w.question, "name": scenario.name_of(w.who), "answer": w.answer}
                for w in family_time.what_ifs]
    return fragment("family_time_exercise", offers=offers, what_ifs=what_ifs, cards=cards, labels=JOB_CARD_LABELS)


def handover_exercise(scenario: Scenario) -> Markup:
    """The handover on paper: each job professionals still do, with room to write who takes it over.

    Examples
    --------
    >>> from fncoach.examples import tiny_scenario
    >>> html = handover_exercise(tiny_scenario())
    >>> "Checks each week that the morning calls happened" in html and "Who keeps the plan" in html
    True
    """
    if scenario.handover is None:
        return Markup("")
    jobs = [{"title": j.title, "held_by": scenario.name_of(j.held_by)} for j in scenario.handover.professional_jobs]
    return fragment("handover_exercise", jobs=jobs)


def model_family_time(scenario: Scenario) -> Markup:
    """Model answers (facilitators only): each offer's verdict and why, the model plan with its triggers, red
    flags and who checks, and the model handover.

    Examples
    --------
    >>> from fncoach.examples import tiny_scenario
    >>> html = model_family_time(tiny_scenario())
    >>> "If Ciara does not answer by 7.45am" in html and "Not safe" in html and "Gran calls everyone" in html
    True
    """
    from ..familytime import VERDICT_WORDS, model_plan_rows

    offers = [{"name": scenario.name_of(o.who), "says": o.says, "verdict": VERDICT_WORDS.get(o.verdict, o.verdict),
               "why": o.why}
              for o in (scenario.family_time.offers if scenario.family_time else ())]
    handover = None
    if scenario.handover is not None:
        handover = {"jobs": [{"title": j.title, "held_by": scenario.name_of(j.held_by),
                              "taken_by": people_in_words(scenario, j.taken_by) if j.taken_by else "—",
                              "why": j.why} for j in scenario.handover.professional_jobs],
                    "keeper": scenario.name_of(scenario.handover.keeper) if scenario.handover.keeper else "—",
                    "recall": scenario.handover.recall or "—"}
    return fragment("model_family_time", offers=offers, plan=model_plan_rows(scenario), handover=handover)


# --------------------------------------------------------------------------- the child's words and the review


def three_houses_exercise(scenario: Scenario) -> Markup:
    """Exercise: what the network must hear from the child, house by house (room to write).

    Examples
    --------
    >>> from fncoach.examples import tiny_scenario
    >>> "House of worries" in three_houses_exercise(tiny_scenario())
    True
    """
    return fragment("three_houses_exercise", child=scenario.child.name,
                    houses=("House of worries", "House of good things", "House of dreams"))


def words_pictures_exercise(scenario: Scenario) -> Markup:
    """Exercise: a Words and Pictures draft for the child, with a box for each part (room to write).

    Examples
    --------
    >>> from fncoach.examples import tiny_scenario
    >>> "When I feel worried I can…" in words_pictures_exercise(tiny_scenario())
    True
    """
    from ..childwords import DRAFT_PARTS, reading_target

    child = scenario.child
    return fragment("words_pictures_exercise", child=child.name, age=child.age, grade=reading_target(child.age),
                    communication=child.communication, parts=[heading for _, heading in DRAFT_PARTS])


def review_exercise(scenario: Scenario) -> Markup:
    """Exercise: the review — a table to record everyone's number, and the network's answers to judge.

    Built from the trainee view: the answers are shown, never which ones show a gap.

    Examples
    --------
    >>> from fncoach.examples import tiny_scenario
    >>> html = review_exercise(tiny_scenario())
    >>> "Gran Róisín" in html and "A gap?" in html
    True
    """
    from ..review import UNDERSTANDING_QUESTION, review_meeting

    meeting = review_meeting(scenario)
    scorers = [scenario.name_of(x.who) for x in meeting.scores] if meeting is not None else []
    answers = [{"who": scenario.name_of(a.who), "question": a.question, "answer": a.answer}
               for a in scenario.review_answers]
    return fragment("review_exercise", meeting=meeting.title if meeting is not None else "the review",
                    scorers=scorers, answers=answers, question=UNDERSTANDING_QUESTION)


def model_words_pictures(scenario: Scenario) -> Markup:
    """Model answer: the case's Words and Pictures draft, with its measured reading level (facilitator only).

    Examples
    --------
    >>> from fncoach.examples import tiny_scenario
    >>> "When I feel worried I can tell Gran." in model_words_pictures(tiny_scenario())
    True
    """
    from ..childwords import DRAFT_PARTS, Draft, reading_level, reading_target

    child = scenario.child
    model = scenario.words_and_pictures
    parts = [(heading, getattr(model, key)) for key, heading in DRAFT_PARTS] if model is not None else []
    grade = reading_level(Draft.from_answers(model.model_dump()).text).grade if model is not None else 0
    return fragment("model_words_pictures", child=child.name, parts=parts, grade=f"{grade:g}",
                    target=reading_target(child.age), age=child.age)


def model_review_answers(scenario: Scenario) -> Markup:
    """Model answers for the review: which of the network's answers show a gap, and what (facilitator only).

    Examples
    --------
    >>> from fncoach.examples import tiny_scenario
    >>> "Dev does not know he is Gran" in model_review_answers(tiny_scenario())
    True
    """
    rows = [{"who": scenario.name_of(a.who), "answer": a.answer, "gap": a.gap} for a in scenario.review_answers]
    return fragment("model_review_answers", rows=rows)
