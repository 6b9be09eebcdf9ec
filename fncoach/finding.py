"""Finding the network: "every child has a network and it can be found if we try".

The learner starts from the people the workers already know and asks
questions from a bank (:data:`QUESTIONS`, one per finding source in
:data:`fncoach.model.FINDING_SOURCES`: places the child has lived, schools,
birthdays and celebrations, each side of the family, faith and community, who
the child misses …). Each of the scenario's not-yet-known people has the
sources that would find them (``not_yet_known.found_by``); asking one of
those questions reveals them, with the clue the learner hears, and they join
the network.

:func:`ask` says who has been found and how the network grew (people and
strength, before and after). :func:`feedback` names the questions never
asked that would have found more people, and the common blind spots
(fathers and the paternal family, men, people ruled out too early as risky,
family abroad and new arrivals).

Examples
--------
>>> from fncoach.network import _tiny_network_for_doctest
>>> s = _tiny_network_for_doctest()
>>> question("fathers_side").text
"Who is in your dad's family, even the people you don't see now?"
>>> ask(s, ["schools"]).found
()
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, Mapping

from .model import FINDING_SOURCES, Person, Scenario
from .strength import StrengthReport, analyse_strength
from .words import names_in_words as _names

__all__ = [
    "why_strength_changed",
    "Question",
    "QUESTIONS",
    "SOURCE_LABELS",
    "Found",
    "FindingResult",
    "question",
    "ask",
    "feedback",
    "hidden_people",
    "known_network",
    "with_found_known",
]


@dataclass(frozen=True)
class Question:
    """One question in the bank.

    Attributes
    ----------
    id : str
        The finding source it explores (one of :data:`fncoach.model.FINDING_SOURCES`).
    text : str
        The question, as a worker might ask it.
    ask_who : str
        Who it is usually asked of.
    tip : str
        Why it is worth asking, in one line.
    """

    id: str
    text: str
    ask_who: str
    tip: str

    @property
    def source(self) -> str:
        """The finding source (the same as ``id``)."""
        return self.id


#: The question bank, in the order a worker might work through it.
QUESTIONS: tuple[Question, ...] = (
    Question("who_child_misses", "Who do you miss? Who would you like to see more of?", "the child",
             "Children often name people the adults have forgotten or written off."),
    Question("celebrations", "Who came to your last birthday, or to a big family party or festival?", "the child",
             "Celebrations bring the whole network into one room, once a year or more."),
    Question("mothers_side", "Who is in your mum's family: her parents, brothers, sisters and cousins?", "the child and mum",
             "Draw the family tree together; ask about people who live far away too."),
    Question("fathers_side", "Who is in your dad's family, even the people you don't see now?", "the child and dad",
             "Dad's side is the most often missed, even when dad himself is not around."),
    Question("places_lived", "Where have you lived before, and who was around you there?", "the child and parents",
             "Each move can leave people behind who still care."),
    Question("old_neighbours", "Who lived next door or on your street before? Who looked out for you?", "the child and parents",
             "Neighbours often saw a lot and helped quietly."),
    Question("schools", "Which schools or nurseries have you been to? Who there did you get on with?", "the child and school",
             "Teachers, dinner staff and friends' parents can become part of the network."),
    Question("clubs_hobbies", "What clubs or activities do you go to, or used to go to? Who runs them?", "the child",
             "Coaches and club leaders see the child every week, away from home."),
    Question("faith_community", "Do you or your family go to a place of worship or a community group?", "the child and parents",
             "Faith and cultural communities can offer both support and belonging."),
    Question("parents_friends", "Who are your mum's and dad's friends? Who do they ring when things are hard?", "the parents",
             "The parents' own network is often the child's network too."),
    Question("work", "Where do the adults in the family work? Is there anyone there they trust?", "the parents",
             "Colleagues and employers can help with practical things."),
    Question("health_professionals", "Which health workers know the family well, such as a GP, health visitor or school nurse?",
             "the parents and records", "They may know relatives and friends who came to appointments."),
    Question("social_media", "Who is in your phone or on social media that we haven't talked about?", "the child and parents",
             "Contact lists and photos can remind people of someone they had forgotten."),
    Question("records", "What do the old records say? Are relatives or friends named in earlier files?", "the records",
             "Earlier files, letters and contact notes often name family nobody followed up."),
)

_BY_ID: dict[str, Question] = {q.id: q for q in QUESTIONS}
assert set(_BY_ID) == set(FINDING_SOURCES), "the question bank must cover every finding source"

#: Short words for each source, used in feedback ("you didn't ask about ...").
SOURCE_LABELS: dict[str, str] = {
    "places_lived": "the places {child} has lived",
    "schools": "schools",
    "celebrations": "birthdays and celebrations",
    "mothers_side": "mum's side of the family",
    "fathers_side": "dad's side of the family",
    "faith_community": "faith and community",
    "who_child_misses": "who {child} misses",
    "old_neighbours": "old neighbours",
    "parents_friends": "the parents' friends",
    "clubs_hobbies": "clubs and hobbies",
    "work": "work",
    "health_professionals": "health workers",
    "social_media": "phones and social media",
    "records": "old records",
}


def question(question_id: str) -> Question:
    """The question with this id.

    Raises
    ------
    ValueError
        Naming the unknown id and listing the ones that exist.
    """
    try:
        return _BY_ID[question_id]
    except KeyError:
        raise ValueError(f"{question_id!r} is not a question in the bank; use one of: {', '.join(_BY_ID)}") from None


@dataclass(frozen=True)
class Found:
    """Someone found by a question.

    Attributes
    ----------
    person_id, name, relationship : str
    clue : str
        What the learner hears when they are found.
    question : str
        The id of the question that found them (the first one asked that could).
    """

    person_id: str
    name: str
    relationship: str
    clue: str
    question: str


@dataclass(frozen=True)
class FindingResult:
    """Where the exercise has got to.

    Attributes
    ----------
    asked : tuple of str
        Question ids asked, in order, without repeats.
    found : tuple of Found
        People found so far, in the order they were found.
    still_hidden : int
        How many people are still to be found (never named).
    people : tuple of str
        Ids of everyone in the network now: the people already known plus those found.
    known_before : int
        How many people the workers knew at the start.
    before, after : StrengthReport
        Strength of the network at the start and now.
    """

    asked: tuple[str, ...]
    found: tuple[Found, ...]
    still_hidden: int
    people: tuple[str, ...]
    known_before: int
    before: StrengthReport
    after: StrengthReport

    @property
    def known_after(self) -> int:
        """How many people are in the network now."""
        return len(self.people)

    def found_by(self, question_id: str) -> tuple[Found, ...]:
        """The people that one question found."""
        return tuple(f for f in self.found if f.question == question_id)

    @property
    def summary(self) -> str:
        """One plain sentence on how the network grew."""
        n = len(self.found)
        if not n:
            return (f"Nobody new found yet: the network is still {self.known_before} "
                    f"{'person' if self.known_before == 1 else 'people'}, strength {self.before.score}.")
        text = (f"You found {n} {'person' if n == 1 else 'people'}: the network grew from {self.known_before} to "
                f"{self.known_after} people and its strength from {self.before.score} to {self.after.score}.")
        why = why_strength_changed(self.before, self.after)
        return f"{text} {why}" if why else text


def known_network(scenario: Scenario) -> Scenario:
    """The network as the workers know it now: people not yet found (and their ties) left out.

    For showing the known network (eco-map, people table). Cards, plans and meetings may still name the
    people left out, so the result is not a scenario to save or load.

    Examples
    --------
    >>> from fncoach.examples import tiny_scenario
    >>> s = tiny_scenario()
    >>> len(s.people), len(known_network(s).people)
    (5, 4)
    """
    known = {p.id for p in scenario.people if p.is_known} | {scenario.child.id}
    people = tuple(p for p in scenario.people if p.id in known)
    ties = tuple(t for t in scenario.ties if t.a in known and t.b in known)
    return scenario.model_copy(update={"people": people, "ties": ties})


def with_found_known(scenario: Scenario, result: FindingResult) -> Scenario:
    """The scenario with everyone found so far known to the workers (so they are drawn like everyone else).

    Parameters
    ----------
    scenario : Scenario
        The scenario the questions were asked of (left unchanged).
    result : FindingResult
        What :func:`ask` found.

    Returns
    -------
    Scenario
        A new, valid scenario; ``scenario`` itself when nobody has been found.

    Examples
    --------
    >>> from fncoach.examples import tiny_scenario
    >>> s = tiny_scenario()
    >>> [p.id for p in with_found_known(s, ask(s, ["celebrations"])).known_people if not s.person(p.id).is_known]
    ['aunt_niamh']
    >>> with_found_known(s, ask(s, ["schools"])) is s
    True
    """
    from .whatif import UpdatePerson, apply_changes

    if not result.found:
        return scenario
    return apply_changes(scenario, [UpdatePerson(f.person_id, {"not_yet_known": None}) for f in result.found])


def why_strength_changed(before: StrengthReport, after: StrengthReport, limit: int = 2) -> str:
    """Why the strength score moved, in words: the parts that moved it most, with their reasons ("" if it did not).

    A score can dip when people are found (someone whose safety is still to be explored, or who lives far away,
    changes the shares), so the learner is always told which part moved and why.

    Examples
    --------
    >>> from fncoach.strength import Component, StrengthReport
    >>> a = StrengthReport(74, (Component("safe", "Safe people", 0.8, 1.0, "Four of five are safe.", ""),))
    >>> b = StrengthReport(73, (Component("safe", "Safe people", 0.7, 1.0, "Four of six are safe.", ""),))
    >>> why_strength_changed(a, b)
    'It went down mainly because of safe people (0.80 → 0.70): four of six are safe.'
    """
    if before.score == after.score:
        return ""
    down = after.score < before.score
    old = {c.name: c.value for c in before.components}
    moved = [(c, c.value - old[c.name]) for c in after.components
             if c.name in old and abs(c.value - old[c.name]) > 1e-9 and (c.value < old[c.name]) == down]
    if not moved:
        return ""
    moved.sort(key=lambda item: -abs(item[1]) * item[0].weight)
    parts = [f"{c.title[:1].lower()}{c.title[1:]} ({old[c.name]:.2f} → {c.value:.2f}): "
             f"{c.reason[:1].lower()}{c.reason[1:].rstrip('.')}" for c, _ in moved[:limit]]
    return f"It went {'down' if down else 'up'} mainly because of " + "; and ".join(parts) + "."


def hidden_people(scenario: Scenario) -> tuple[Person, ...]:
    """The people the workers do not know about yet (facilitator view)."""
    return tuple(p for p in scenario.people if not p.is_known)


def _clean_asked(asked: Iterable[str]) -> tuple[str, ...]:
    seen: list[str] = []
    for question_id in asked:
        question(question_id)  # raises for an unknown id
        if question_id not in seen:
            seen.append(question_id)
    return tuple(seen)


def ask(scenario: Scenario, asked_question_ids: Iterable[str],
        weights: Mapping[str, float] | None = None) -> FindingResult:
    """Who the questions asked so far have found, and how the network grew.

    Parameters
    ----------
    scenario : Scenario
    asked_question_ids : iterable of str
        Ids from :data:`QUESTIONS`, in the order asked (repeats are ignored).
    weights : mapping, optional
        Strength weight overrides.

    Raises
    ------
    ValueError
        For a question id that is not in the bank.

    Examples
    --------
    >>> from fncoach.network import _tiny_network_for_doctest
    >>> r = ask(_tiny_network_for_doctest(), ["celebrations", "who_child_misses"])
    >>> r.known_before, r.known_after, r.still_hidden
    (3, 3, 0)
    """
    asked = _clean_asked(asked_question_ids)
    position = {q: i for i, q in enumerate(asked)}
    found: list[tuple[int, int, Found]] = []
    still_hidden = 0
    for index, person in enumerate(scenario.people):
        if person.is_known:
            continue
        hits = [position[s] for s in person.not_yet_known.found_by if s in position]
        if not hits:
            still_hidden += 1
            continue
        first = min(hits)
        found.append((first, index, Found(person.id, person.name, person.relationship,
                                          person.not_yet_known.clue, asked[first])))
    found.sort(key=lambda item: item[:2])
    found_ids = {f.person_id for _, _, f in found}
    people = tuple(p.id for p in scenario.people if p.is_known or p.id in found_ids)
    before = analyse_strength(scenario, weights)
    after = analyse_strength(scenario, weights, people=people) if found_ids else before
    return FindingResult(asked=asked, found=tuple(f for _, _, f in found), still_hidden=still_hidden, people=people,
                         known_before=len(scenario.known_people), before=before, after=after)


_NUMBER_WORDS = {1: "one person was", 2: "two people were", 3: "three people were", 4: "four people were",
                 5: "five people were"}


def feedback(scenario: Scenario, asked_question_ids: Iterable[str]) -> tuple[str, ...]:
    """End-of-exercise feedback: questions not tried that would have found people, and blind spots.

    Returns
    -------
    tuple of str
        Plain sentences, most important first. People still hidden are counted, never named.

    Examples
    --------
    >>> from fncoach.network import _tiny_network_for_doctest
    >>> feedback(_tiny_network_for_doctest(), ["fathers_side"])[0]
    'There was nobody else to find in this scenario, and you asked 1 question.'
    """
    asked = set(_clean_asked(asked_question_ids))
    child = scenario.child.name
    result_people = ask(scenario, asked).people
    hidden = [p for p in scenario.people if not p.is_known and p.id not in result_people]
    messages: list[str] = []

    total_hidden = len(hidden_people(scenario))
    if not total_hidden:
        messages.append(f"There was nobody else to find in this scenario, and you asked "
                        f"{len(asked)} question{'s' if len(asked) != 1 else ''}.")
    elif not hidden:
        messages.append(f"You found everyone there was to find: {total_hidden} "
                        f"{'person' if total_hidden == 1 else 'people'} the workers did not know about.")
    else:
        messages.append(f"{len(hidden)} of the {total_hidden} people the workers did not know about "
                        f"{'is' if len(hidden) == 1 else 'are'} still to be found.")
        missed: dict[str, int] = {}
        for person in hidden:
            for source in person.not_yet_known.found_by:
                if source not in asked:
                    missed[source] = missed.get(source, 0) + 1
        for source, count in sorted(missed.items(), key=lambda item: (-item[1], FINDING_SOURCES.index(item[0]))):
            label = SOURCE_LABELS[source].format(child=child)
            were = _NUMBER_WORDS.get(count, f"{count} people were")
            messages.append(f"You didn't ask about {label}: {were} there. Try: \"{question(source).text}\"")

    network = [p for p in scenario.people if p.id in set(result_people)]
    natural = [p for p in network if p.is_natural]

    # Blind spot: fathers and the paternal family.
    fathers = [p for p in natural if p.family_side in ("fathers", "both")]
    if "fathers_side" not in asked:
        messages.append(f"Blind spot: fathers and dad's side of the family are the people most often missed. "
                        f"You never asked about dad's side{' and nobody from it is in the network yet' if not fathers else ''}.")
    elif not fathers:
        messages.append("Blind spot: nobody from dad's side is in the network yet. Keep asking, and check the records.")

    # Blind spot: men in the network.
    men = [p for p in natural if p.gender == "male"]
    if len(men) <= 1 or len(men) < 0.25 * max(1, len(natural)):
        count = f"only {len(men)} of the {len(natural)} people" if men else f"none of the {len(natural)} people"
        who = f" ({_names([m.name for m in men])})" if men else ""
        messages.append(f"Blind spot: {count} in the natural network {'is a man' if len(men) <= 1 else 'are men'}{who}. "
                        f"Who are the men in {child}'s life: grandads, uncles, older cousins, coaches, family friends?")

    # Blind spot: people ruled out too early as risky.
    exploring = [p for p in network if p.safety.status == "to_explore"]
    if exploring:
        messages.append(f"Blind spot: {_names([p.name for p in exploring])} "
                        f"{'is' if len(exploring) == 1 else 'are'} still 'to explore'. Find out more before ruling "
                        "anyone out: people are sometimes judged risky too early.")

    # Blind spot: family abroad and new arrivals.
    far = [p for p in natural if p.safety.status != "worry" and (p.joins_virtually or p.travel_minutes >= 600)]
    if far:
        messages.append(f"Distance is not a reason to leave people out: {_names([p.name for p in far])} "
                        f"could join meetings by phone or video.")
    tags = " ".join(scenario.meta.tags).lower()
    if any(word in tags for word in ("asylum", "unaccompanied", "refugee", "new-arrival", "new arrival")):
        messages.append(f"Children and families who have just arrived can seem to have no one. Ask about the journey, "
                        f"people {child} travelled with, faith and community groups, and family abroad.")
    return tuple(messages)
