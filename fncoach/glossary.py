"""A plain-English glossary of the terms learners meet in the course and the bundled scenarios.

Each entry is one line in everyday words. The functions find which terms a text uses, where in a
sequence of texts each term first appears, and the ordered entries for one scenario, so a course page
can explain a term where it is first met and a pack can print the terms it used at the back.

Acronyms (PLO, DBS, IRO …) are matched with their capitals only, so "iro" inside another word never
counts; other terms match in any case, with a plural ending allowed.

Examples
--------
>>> define("PLO")
'The steps and time limits a council follows before and during care proceedings.'
>>> terms_in("Gran has a DBS check and joins Private Family Time.")
['DBS check', 'Private Family Time']
>>> first_appearances(["We meet at the FNM.", "Then Private Family Time, then the FNM again."])
{'Family Network Meeting': 0, 'Private Family Time': 1}
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from typing import Iterable, Mapping, Optional, Sequence

from .errors import FncoachError

__all__ = [
    "GLOSSARY",
    "ALIASES",
    "Entry",
    "GlossaryError",
    "define",
    "terms_in",
    "first_appearances",
    "entries_for",
    "scenario_texts",
    "scenario_glossary",
]

#: Term → a one-line explanation in plain English.
GLOSSARY: dict[str, str] = {
    # --- the practice
    "family network": "The people around a child and family: relatives, friends, neighbours and community, as well as the workers who support them.",
    "natural network": "Everyone in a child's life who is not paid to be there, so can stay for life.",
    "Family Network Meeting": "A meeting, prepared with the child and family, where the network hears the worries and makes its own plan.",
    "Private Family Time": "The part of a meeting when the workers leave the room and the family and network make their plan on their own.",
    "family group decision making": "A way of working where the wider family is brought together, by someone independent, to make the plan for a child.",
    "family group conference": "A meeting run by an independent coordinator where the family network makes a plan for a child.",
    "family safety plan": "The network's own written plan: who does what, when, how to reach them, and who steps in if they cannot.",
    "contingency": "What happens if the plan's main person cannot do their part, or if the main worry happens.",
    "backup": "The named person who steps in when the main person for a job in the plan cannot.",
    "trigger": "The event or sign that sets a part of the safety plan going.",
    "red flag": "A warning sign that means someone should act now.",
    "drill": "A practice run of the safety plan, with people away or ill, to see where it breaks before it matters.",
    "Words and Pictures": "A short story in simple words and drawings that explains to a child what happened and what the plan is.",
    "Three Houses": "A way of hearing a child's views by drawing a house of worries, a house of good things and a house of dreams.",
    "eco-map": "A drawing of a child's network with the child in the middle, showing how close and how strong each link is.",
    "genogram": "A family tree drawn with standard symbols, showing who is related to whom.",
    "ground rules": "The rules a meeting's members agree for how they will talk and listen to each other.",
    "safe word": "A word agreed in advance that someone can say or text to get help without explaining.",
    "code word": "A word agreed in advance that someone can say or text to get help without explaining.",
    "Family Finding": "Searching carefully, by asking and checking records, for relatives and friends a child has lost touch with.",
    "lifelong links": "Relationships that carry on into adult life, whatever happens to where a child lives.",
    "review meeting": "A later meeting where the network checks how the plan has gone and changes it; the first is within four weeks.",
    # --- Signs of Safety mapping
    "Signs of Safety": "A way of working with families that maps what people are worried about, what is working well and what needs to happen.",
    "SOS map": "A page in three columns: what we are worried about, what is working well, and what needs to happen.",
    "harm": "Something that has already happened to the child and hurt or affected them.",
    "danger": "What could happen to the child next if nothing changes.",
    "complicating factor": "Something that makes things harder for the family, but is not itself harm to the child.",
    "strength": "A good thing in the family's life to build on, not yet shown to keep the child safe over time.",
    "existing safety": "Protection that people in the child's own network have actually shown, when it was needed, over time.",
    "bottom line": "What the council has said must happen, or what it will do if it does not, such as going to court.",
    "harm statement": "A short plain account of what has already happened and how it affected the child.",
    "worry statement": "A plain sentence saying who is worried, what the person who harms might do, and what the child could go through.",
    "danger statement": "Another name for a worry statement: what the person who harms might do, and what the child could go through.",
    "safety goal": "What the family and network will be doing, which the child will notice, who will see it, and for how long.",
    "next steps": "The very next things to be done, each with a name against it.",
    "safety scale": "A 0 to 10 scale each person answers on their own: 0 means the child cannot stay, 10 means safe enough for workers to step back.",
    # --- the law and the council
    "Public Law Outline": "The steps and time limits a council follows before and during care proceedings.",
    "pre-proceedings": "The stage when a council has said it may go to court, and the family has a set time to make changes.",
    "letter before proceedings": "A letter from the council telling parents it is thinking of going to court, and inviting them to a meeting with a solicitor.",
    "care proceedings": "A court case in which a council asks a judge to decide where a child lives and who makes decisions for them.",
    "non-molestation order": "A court order that forbids someone to threaten, harass or hurt the person who applied for it.",
    "special guardianship order": "A court order that makes a relative or friend a child's guardian until eighteen, without ending the parents' legal tie.",
    "parental responsibility": "The legal rights and duties of the adults who make the big decisions about a child.",
    "child in need": "A child who needs extra help from the council to be safe and well; a child in need plan sets out that help.",
    "edge of care": "When a child might soon have to leave home to be looked after by the council, and work is done to keep them at home.",
    "DBS check": "A check of a person's criminal record, made by the Disclosure and Barring Service, before they work or volunteer with children.",
    "UASC": "Unaccompanied asylum-seeking child: a child who has come to the UK alone and asked for protection.",
    "asylum": "Protection a country gives to someone who cannot safely go home.",
    # --- care and carers
    "foster carer": "Someone approved to look after children in their own home; often a lasting part of the child's life.",
    "long-term foster care": "A foster home meant to last until the child is grown up, and often beyond.",
    "kinship care": "When a relative or family friend looks after a child who cannot live with their parents.",
    "connected person": "A relative or friend who is approved as a foster carer for one particular child they already know.",
    "Staying Put": "An arrangement that lets a young person stay with their foster carers after eighteen, up to twenty-one.",
    "supported lodgings": "A room in a host's home, with support, for a young person leaving care.",
    "care leaver": "A young person who has been looked after by the council and is moving on to adult life.",
    "personal adviser": "A worker who helps a care leaver plan their adult life, up to twenty-five if they want.",
    "independent visitor": "A volunteer who visits and befriends a child in care, outside the council's own work.",
    "supervising social worker": "The social worker who supports and supervises foster carers, not the child.",
    "IRO": "Independent Reviewing Officer: chairs a child in care's reviews and checks the council is doing what it said.",
    "placement": "The home where a child in care lives.",
    "respite": "A planned break for carers or parents while someone else looks after the child.",
    "short breaks": "Regular planned time away for a disabled child, giving the family a rest.",
    "young carer": "A child who helps to look after someone in the family, often more than a child should.",
    "family time": "Planned time a child in care spends with parents or relatives, sometimes called contact.",
    "supervised contact": "Family time where another trusted adult stays throughout to keep it safe.",
    # --- workers and services
    "IDVA": "Independent domestic violence adviser: a worker who helps a person being abused to stay safe and get help.",
    "perpetrator programme": "A course for people who have been abusive to a partner, to help them understand and change their behaviour.",
    "trafficking guardian": "An independent worker who supports a child who may have been trafficked and speaks up for them.",
    "health visitor": "A nurse who visits families with babies and young children at home.",
    "key worker": "The member of staff who knows a child best in a nursery, school or home and looks out for them.",
    "crisis team": "An NHS mental health team that gives urgent help at home when someone is very unwell.",
    "GP": "A family doctor at the local surgery.",
    "ESOL": "English for Speakers of Other Languages: English classes for people whose first language is not English.",
    "Red Cross tracing": "A free service that helps people find family members they have been separated from.",
    "rescue medicine": "Medicine given straight away to stop a long epileptic seizure; only trained people may give it.",
    "Makaton": "A way of communicating that uses signs and symbols alongside speech.",
    "CSE": "Child sexual exploitation: when adults use a child for sex, often with gifts, drugs or attention.",
    "CCE": "Child criminal exploitation: when adults make a child commit crimes for them, such as carrying drugs or working for nothing.",
    "MOT": "The yearly safety test for cars over three years old.",
    "CPD": "Continuing professional development: the learning workers and carers record to keep their skills up to date.",
}

#: Other ways a term is written → the glossary term.
ALIASES: dict[str, str] = {
    "FNM": "Family Network Meeting",
    "family network meeting": "Family Network Meeting",
    "FGDM": "family group decision making",
    "family group decision-making": "family group decision making",
    "family group meeting": "family group decision making",
    "PLO": "Public Law Outline",
    "DBS": "DBS check",
    "Independent Reviewing Officer": "IRO",
    "reviewing officer": "IRO",
    "unaccompanied asylum-seeking child": "UASC",
    "independent domestic violence adviser": "IDVA",
    "domestic abuse perpetrator programme": "perpetrator programme",
    "kinship carer": "kinship care",
    "connected-person": "connected person",
    "special guardianship": "special guardianship order",
    "SGO": "special guardianship order",
    "safety plan": "family safety plan",
    "contingency drill": "drill",
    "eco map": "eco-map",
    "ecomap": "eco-map",
    "SOS mapping": "SOS map",
    "SOS": "Signs of Safety",
    "complicating factors": "complicating factor",
    "child in need plan": "child in need",
    "edge-of-care": "edge of care",
    "long-term foster carer": "long-term foster care",
    "Words and Pictures plan": "Words and Pictures",
    "worry (danger) statement": "worry statement",
    "the council's bottom line": "bottom line",
    "child sexual exploitation": "CSE",
    "child criminal exploitation": "CCE",
    "short break": "short breaks",
    "first review": "review meeting",
    "contingencies": "contingency",
    "family review": "review meeting",
}

# Single words that are also ordinary English: they count as glossary terms only when the text is about the SOS
# map itself, so they are not matched in running text (define() still knows them).
_NOT_MATCHED = {"harm", "danger", "strength", "backup", "trigger", "asylum", "placement"}


class GlossaryError(FncoachError, KeyError):
    """A term that is not in the glossary (the message suggests the nearest ones)."""

    def __str__(self) -> str:  # KeyError would otherwise quote the message
        return str(self.args[0]) if self.args else ""


@dataclass(frozen=True)
class Entry:
    """One glossary entry: the term as it is listed, and its one-line explanation."""

    term: str
    definition: str


def _canonical(term: str) -> Optional[str]:
    if term in GLOSSARY:
        return term
    if term in ALIASES:
        return ALIASES[term]
    folded = term.casefold().strip()
    for key in GLOSSARY:
        if key.casefold() == folded:
            return key
    for key, target in ALIASES.items():
        if key.casefold() == folded:
            return target
    return None


def define(term: str) -> str:
    """The one-line plain-English explanation of ``term`` (any case; an abbreviation or other wording works too).

    Raises
    ------
    GlossaryError
        When the term is not in the glossary, naming the nearest terms that are.

    Examples
    --------
    >>> define("staying put").startswith("An arrangement that lets a young person stay")
    True
    >>> define("FNM") == define("Family Network Meeting")
    True
    """
    key = _canonical(term)
    if key is None:
        known = list(GLOSSARY) + list(ALIASES)
        close = difflib.get_close_matches(term, known, n=3, cutoff=0.6)
        hint = f" Did you mean {', '.join(repr(c) for c in close)}?" if close else ""
        raise GlossaryError(f"'{term}' is not in the glossary.{hint}")
    return GLOSSARY[key]


def _is_acronym(text: str) -> bool:
    return text.isupper() and " " not in text


def _pattern() -> tuple[re.Pattern[str], list[str]]:
    forms = [t for t in GLOSSARY if t not in _NOT_MATCHED] + list(ALIASES)
    forms.sort(key=len, reverse=True)  # the longest wording wins where two start at the same place
    parts = []
    for form in forms:
        body = re.escape(form).replace(r"\ ", r"[\s-]+").replace(r"\-", r"[\s-]?")
        if _is_acronym(form):
            parts.append(rf"(?<![\w-]){body}s?(?![\w-])")
        else:
            parts.append(rf"(?i:(?<![\w-]){body}(?:s|es)?(?![\w-]))")
    return re.compile("|".join(f"(?P<t{i}>{p})" for i, p in enumerate(parts))), forms


_PATTERN, _FORMS = _pattern()


def _matches(text: str) -> Iterable[str]:
    for match in _PATTERN.finditer(text or ""):
        form = _FORMS[int(match.lastgroup[1:])]
        yield ALIASES.get(form, form)


def terms_in(text: str) -> list[str]:
    """The glossary terms ``text`` uses, each once, in the order they first appear.

    Examples
    --------
    >>> terms_in("The IRO chairs the review; Staying Put and kinship carers come up later.")
    ['IRO', 'Staying Put', 'kinship care']
    >>> terms_in("Nairobi is not an iro.")
    []
    """
    seen: list[str] = []
    for term in _matches(text):
        if term not in seen:
            seen.append(term)
    return seen


def first_appearances(texts: Sequence[str]) -> dict[str, int]:
    """For each term used anywhere in ``texts``, the index of the first text that uses it.

    The mapping is ordered by where each term is first met (text by text, then within the text), so a
    course can explain each term once, at its first appearance.

    Examples
    --------
    >>> first_appearances(["No terms here.", "A safety scale and a worry statement.", "The safety scale again."])
    {'safety scale': 1, 'worry statement': 1}
    """
    found: dict[str, int] = {}
    for index, text in enumerate(texts):
        for term in terms_in(text):
            found.setdefault(term, index)
    return found


def entries_for(texts: Sequence[str] | str) -> list[Entry]:
    """The glossary entries for the terms ``texts`` use, in the order they are first met.

    Examples
    --------
    >>> [e.term for e in entries_for("Under the PLO, a letter before proceedings comes first.")]
    ['Public Law Outline', 'letter before proceedings']
    """
    if isinstance(texts, str):
        texts = [texts]
    return [Entry(term, GLOSSARY[term]) for term in first_appearances(texts)]


def _strings(value) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    if isinstance(value, Mapping):
        return [s for v in value.values() for s in _strings(v)]
    if isinstance(value, (list, tuple)):
        return [s for v in value for s in _strings(v)]
    return []


def scenario_texts(scenario, audience: str = "trainee") -> list[str]:
    """The scenario's words in the order a learner meets them (facilitator-only text only for ``"facilitator"``).

    Trainee order: title and summary, learning goals, content notes, the child, the people, the cards, the plan's
    tasks, the meetings, the discussion questions. The facilitator also gets the model statements, goals, scale,
    next steps, card explanations and facilitator notes, after the trainee texts.

    Examples
    --------
    >>> from fncoach.examples import tiny_scenario
    >>> scenario_texts(tiny_scenario())[0] == tiny_scenario().meta.title
    True
    """
    if audience not in ("trainee", "facilitator"):
        raise ValueError(f"audience must be 'trainee' or 'facilitator', not {audience!r}")
    s = scenario
    texts = [s.meta.title, s.meta.summary, *s.meta.learning_goals, *s.meta.content_notes,
             s.child.lives_now, *s.child.what_matters, s.child.communication]
    if s.child.voice is not None:
        texts += _strings(s.child.voice.model_dump())
    for person in s.people:
        texts += [person.relationship, person.notes or ""]
        if person.safety is not None:
            texts.append(person.safety.reason or "")
    texts += [card.text for card in s.sos.cards]
    for task in s.plan.tasks:
        texts += [task.title, task.description, task.trigger, *task.red_flags, task.child_words]
    for meeting in s.meetings:
        texts += [meeting.title, meeting.summary]
    texts += list(s.discussion_questions)
    if audience == "facilitator":
        sos = s.sos
        texts += [card.explanation for card in sos.cards]
        texts += [st.text for st in (*sos.harm_statements, *sos.worry_statements, *sos.safety_goals)]
        texts += list(sos.next_steps)
        if sos.scaling is not None:
            texts += [sos.scaling.ten_means, *(f"{p.reason} {p.one_point_up}" for p in sos.scaling.perspectives)]
        if s.facilitator is not None:
            texts += [*s.facilitator.notes, *s.facilitator.common_mistakes]
    return [t for t in texts if t]


def scenario_glossary(scenario, audience: str = "trainee") -> list[Entry]:
    """The glossary entries for the terms a scenario uses, in the order a learner first meets them.

    Examples
    --------
    >>> from fncoach.examples import tiny_scenario
    >>> all(isinstance(e, Entry) for e in scenario_glossary(tiny_scenario()))
    True
    """
    return entries_for(scenario_texts(scenario, audience))
