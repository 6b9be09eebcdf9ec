"""The child's own words: a Words and Pictures draft and the Three Houses message, and feedback on both.

**Words and Pictures.** After the adult plan, someone explains it to the child:
what happened, what the grown-ups are worried about, and the plan, with a part
the child can use when they feel worried. The learner drafts it
(:class:`Draft`, four parts: :data:`DRAFT_PARTS`) from the plan they wrote
(:func:`plan_from_saved` — the one place that says which saved plan is used),
and :func:`check_draft` gives feedback:

- **reading level** — a Flesch–Kincaid grade (:func:`reading_level`) against
  the grade a child of that age can read (:func:`reading_target`; the
  thresholds are in :data:`READING_TARGETS`). People's names are left out of
  the measure: "Christodoulou" is a name the child knows, not a hard word;
- **names** — people named as the child knows them (``Nana Pat``, not
  ``Pat Walsh`` or "your maternal grandmother");
- **no blame** — nothing that makes it the child's fault, and worries about
  what grown-ups might do, not about what the child might do;
- **the child's own words** — at least one phrase from what matters to the
  child or their Three Houses, where the case has them;
- **when I feel worried I can…** — a part that names a safe person to go to
  (never the person the grown-ups are worried about);
- **a "so that" of safety** — every frightening sentence is followed (in the
  same or the next sentence) by what keeps the child safe.

**Three Houses.** The learner chooses what the network must hear from the
child and writes how they would say it at the meeting;
:func:`check_house_message` checks the child's own words from each house are
used and that the house of worries is not softened away.

Pure: no widgets, no pages.

Examples
--------
>>> from fncoach.examples import example_scenario
>>> s = example_scenario()
>>> draft = Draft(what_happened="Mum was poorly.", worries="The grown-ups worry Mum might get poorly again.",
...               plan="Gran rings us after tea.", when_worried="When I feel worried I can tell Gran.")
>>> check = check_draft(s, draft)
>>> check.level in ("good", "warn")
True
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import Iterable, Mapping, Optional, Sequence

from .model import Assignment, Scenario
from .plan import assignments_from_answers, everyday_name
from .words import names_in_words

__all__ = [
    "PLAN_EXERCISE",
    "plan_from_saved",
    "DRAFT_PARTS",
    "READING_TARGETS",
    "HOUSES",
    "Draft",
    "ReadingLevel",
    "WordsPoint",
    "WordsCheck",
    "syllables",
    "reading_level",
    "reading_target",
    "child_phrases",
    "uses_words",
    "check_draft",
    "check_house_message",
]

# --------------------------------------------------------------------------- where the plan comes from

#: The saved exercise whose plan the Words and Pictures draft explains (with :func:`plan_from_saved`).
PLAN_EXERCISE = "safety_plan"


def plan_from_saved(answers: Optional[Mapping]) -> tuple[Assignment, ...]:
    """The learner's plan from their saved :data:`PLAN_EXERCISE` answers; an empty plan when there is none.

    Switch the source of the plan here (and in :data:`PLAN_EXERCISE`) and every
    Words and Pictures exercise follows.

    Examples
    --------
    >>> plan_from_saved({"assignments": [{"task": "call", "primary": "gran", "backups": ["dev"]}]})[0].backups
    ('dev',)
    >>> plan_from_saved(None)
    ()
    """
    if not answers:
        return ()
    try:
        return tuple(assignments_from_answers(answers))
    except (TypeError, ValueError, KeyError, AttributeError):
        return ()


# --------------------------------------------------------------------------- the draft


#: The four parts of a Words and Pictures draft: (key, heading).
DRAFT_PARTS: tuple[tuple[str, str], ...] = (
    ("what_happened", "What happened"),
    ("worries", "What the grown-ups are worried about"),
    ("plan", "The plan"),
    ("when_worried", "When I feel worried I can…"),
)


@dataclass(frozen=True)
class Draft:
    """A Words and Pictures draft, one text per part of :data:`DRAFT_PARTS`."""

    what_happened: str = ""
    worries: str = ""
    plan: str = ""
    when_worried: str = ""

    @classmethod
    def from_answers(cls, answers: Optional[Mapping]) -> "Draft":
        """From plain data (a widget's answers or a scenario's model draft); missing parts are empty."""
        answers = answers or {}
        return cls(**{key: str(answers.get(key) or "").strip() for key, _ in DRAFT_PARTS})

    def to_dict(self) -> dict:
        return {key: getattr(self, key) for key, _ in DRAFT_PARTS}

    @property
    def text(self) -> str:
        """All four parts as one text."""
        return "\n".join(getattr(self, key) for key, _ in DRAFT_PARTS if getattr(self, key))


# --------------------------------------------------------------------------- reading level

#: (oldest age, highest Flesch–Kincaid grade) — the first row whose age is at least the child's applies.
#: Under 7 the page is read to the child, so it is written at the easiest level (grade 1: short sentences
#: of short words); from 7 a child reads about six years below their age in US grades (a UK Year 3 child of
#: 7–8 reads grade 1–2 text on their own); from 14 the target stays at grade 8, the level of plain English
#: for adults, because a young person under stress should not have to work at the words.
READING_TARGETS: tuple[tuple[int, int], ...] = ((7, 1), (8, 2), (9, 3), (10, 4), (11, 5), (12, 6), (13, 7))
_TOP_GRADE = 8

_WORD = re.compile(r"[A-Za-zÀ-ÿĀ-žȘșȚț]+(?:['’][A-Za-z]+)?")
_SENTENCE_END = re.compile(r"[.!?…]+|\n+")


def reading_target(age: int) -> int:
    """The highest reading grade for a child of ``age`` (see :data:`READING_TARGETS`).

    Examples
    --------
    >>> [reading_target(a) for a in (4, 7, 9, 10, 13, 17)]
    [1, 1, 3, 4, 7, 8]
    """
    for oldest, grade in READING_TARGETS:
        if age <= oldest:
            return grade
    return _TOP_GRADE


def syllables(word: str) -> int:
    """Syllables in an English word, counted from its vowel groups (at least 1).

    Examples
    --------
    >>> [syllables(w) for w in ("cat", "make", "family", "worried", "little", "grown-ups")]
    [1, 1, 3, 2, 2, 2]
    """
    w = re.sub(r"[^a-z]", "", word.lower())
    if not w:
        return 1
    if len(w) <= 3:
        return 1
    w = re.sub(r"(?:[^laeiouy]es|[^laeiouy]ed|[^laeiouy]e)$", lambda m: m.group(0)[0], w)
    w = re.sub(r"^y", "", w)
    return max(1, len(re.findall(r"[aeiouy]+", w)))


@dataclass(frozen=True)
class ReadingLevel:
    """A text's Flesch–Kincaid grade and what it was measured from."""

    grade: float
    words: int
    sentences: int
    long_words: tuple[str, ...]

    @property
    def words_per_sentence(self) -> float:
        return self.words / self.sentences if self.sentences else 0.0


def reading_level(text: str, ignore: Iterable[str] = ()) -> ReadingLevel:
    """The Flesch–Kincaid grade of ``text``: 0.39 × words per sentence + 11.8 × syllables per word − 15.59.

    ``ignore`` lists words (people's names) that count as one-syllable words.
    ``long_words`` are the words of three or more syllables, most syllables first.

    Examples
    --------
    >>> reading_level("Gran rings us. We have tea.").grade < 1
    True
    >>> reading_level("Professionals anticipate considerable deterioration.").grade > 12
    True
    """
    skip = {w.lower() for w in ignore}
    words = _WORD.findall(text)
    if not words:
        return ReadingLevel(0.0, 0, 0, ())
    sentences = max(1, sum(1 for part in _SENTENCE_END.split(text) if _WORD.search(part)))
    counts = [1 if w.lower() in skip else syllables(w) for w in words]
    grade = 0.39 * len(words) / sentences + 11.8 * sum(counts) / len(words) - 15.59
    long = sorted({w.lower() for w, n in zip(words, counts) if n >= 3}, key=lambda w: (-syllables(w), w))
    return ReadingLevel(round(grade, 1), len(words), sentences, tuple(long))


# --------------------------------------------------------------------------- the child's own words

_STOP = set("""a an and are as at be been but by can did do does for from get got had has have he her him his i if in
into is it its me my no not of on or our she so than that the their them then there they this to too up us was we
were what when where who will with you your i'm it's he's she's don't can't""".split())


def _content_words(text: str) -> list[str]:
    return [w for w in (m.lower().replace("’", "'") for m in _WORD.findall(text)) if len(w) >= 3 and w not in _STOP]


def uses_words(text: str, phrase: str) -> bool:
    """True when ``text`` uses a phrase of the child's: at least half its main words (and at least one).

    Examples
    --------
    >>> uses_words("You said: Nana Pat's chips are the best", "Nana Pat's chips and Shannon doing my hair")
    True
    >>> uses_words("You like food", "Nana Pat's chips and Shannon doing my hair")
    False
    """
    wanted = list(dict.fromkeys(_content_words(phrase)))
    if not wanted:
        return False
    have = set(_content_words(text))
    return sum(1 for w in wanted if w in have) >= max(1, math.ceil(len(wanted) / 2))


#: The Three Houses: (key in :class:`fncoach.model.ChildVoice`, name).
HOUSES: tuple[tuple[str, str], ...] = (("worries", "house of worries"), ("good_things", "house of good things"),
                                       ("dreams", "house of dreams"))


def child_phrases(scenario: Scenario) -> tuple[str, ...]:
    """Everything the case has in the child's own words: what matters to them and their Three Houses.

    Examples
    --------
    >>> from fncoach.examples import tiny_scenario
    >>> len(child_phrases(tiny_scenario())) > 0
    True
    """
    child = scenario.child
    found = list(child.what_matters)
    if child.voice is not None:
        for key, _ in HOUSES:
            found.extend(getattr(child.voice, key))
    return tuple(dict.fromkeys(found))


# --------------------------------------------------------------------------- feedback


@dataclass(frozen=True)
class WordsPoint:
    """One point of feedback: which check (``rule``), how it went (``good``/``warn``/``info``) and the words."""

    rule: str
    level: str
    message: str


@dataclass(frozen=True)
class WordsCheck:
    """Feedback on a draft or a Three Houses message."""

    level: str
    headline: str
    points: tuple[WordsPoint, ...]
    reading: Optional[ReadingLevel] = None

    @property
    def text(self) -> str:
        return "\n".join((self.headline, *(p.message for p in self.points)))

    def rules(self, level: str = "warn") -> tuple[str, ...]:
        """The rules with points at ``level``."""
        return tuple(dict.fromkeys(p.rule for p in self.points if p.level == level))


def _finish(points: list[WordsPoint], good: str, warn: str, reading: Optional[ReadingLevel] = None) -> WordsCheck:
    worst = "warn" if any(p.level == "warn" for p in points) else "good"
    return WordsCheck(worst, good if worst == "good" else warn, tuple(points), reading)


#: Words of a relationship a child would not use for someone they know ("your maternal grandmother").
_FORMAL_ROLE = re.compile(r"\b(?:maternal|paternal|by marriage|kinship|independent|supervising|reviewing|adviser|"
                          r"practitioner|officer|key worker|support worker|social worker|foster carer)\b", re.I)


def _formal_forms(scenario: Scenario) -> dict[str, str]:
    """Ways of naming someone the child would not use → the name the child knows."""
    forms: dict[str, str] = {}
    for person in scenario.people:
        known = everyday_name(person.name)
        base = re.sub(r"\s*\(.*?\)", "", person.name).strip()
        if base and base.lower() != known.lower() and len(base.split()) > 1:
            forms[base] = known
        relationship = person.relationship.split(";")[0].split(",")[0].strip()
        if _FORMAL_ROLE.search(relationship) and relationship.lower() not in known.lower():
            forms[relationship] = known
    return forms


def _name_words(scenario: Scenario) -> set[str]:
    words = {scenario.child.name}
    for person in scenario.people:
        words.update(_WORD.findall(person.name))
    return words


_BLAME = (
    (re.compile(r"(?<!not )(?<!never )(?<!n't )(?<!n’t )\b(?:all |partly )?your fault\b", re.I), "says it is the child's fault"),
    (re.compile(r"\bbecause (?:of )?you\b(?! are loved| matter)", re.I), "says it happened because of the child"),
    (re.compile(r"\byou (?:were|are|have been) (?:naughty|bad|trouble|difficult|the problem)\b", re.I),
     "calls the child naughty or the problem"),
    (re.compile(r"\byou (?:made|caused|started)\b", re.I), "says the child made it happen"),
    (re.compile(r"\byou should(?:n't| not)? have\b|\bif (?:only )?you had\b", re.I), "tells the child what they should have done"),
    (re.compile(r"\bworried (?:that )?you (?:will|might|would|could|may)\b", re.I),
     "makes the worry about what the child might do: the worries are about what grown-ups might do"),
)
_NOT_FAULT = re.compile(r"\b(?:not|never|isn't|is not|wasn't|was not|none of (?:this|that|it) (?:is|was))\s+"
                        r"(?:\w+\s+)?your fault\b", re.I)

_FRIGHTENING = re.compile(
    r"\b(?:hurt|hurts|hurting|hit|hits|hitting|harm\w*|danger\w*|drunk|drink\w*|drugs?|police|court|judge|taken away|take you away|"
    r"unsafe|shout\w*|fight\w*|violen\w*|angry|scar(?:y|ed)|frighten\w*|hospital|ambulance|die|died|dead|kill\w*|"
    r"overdose|tablets|missing|exploit\w*|threat\w*|debt|owe|bang|banged|grab\w*|rough\w*|suffer\w*)\b", re.I)
_SO_THAT = re.compile(r"\bso that\b|\bso you\b|\bkeeps? you safe\b|\bto keep you\b|\bmake sure\b|\bsafe\b", re.I)

_GO_TO = re.compile(r"\b(?:tell|talk|ring|call|phone|text|message|go to|find|ask|sign|show|hug|come to)\b", re.I)


def _sentences(text: str) -> list[str]:
    return [s.strip() for s in re.split(r"(?<=[.!?…])\s+|\n+", text) if s.strip()]


def _person_forms(person) -> set[str]:
    """The ways a child may name someone: "Nana Pat", "Pat Walsh", "Pat", "Gran" (from "Gran Róisín")."""
    base = re.sub(r"\s*\(.*?\)", "", person.name).strip()
    forms = {everyday_name(person.name), base, *re.findall(r"\((.*?)\)", person.name)}
    forms.update(w for w in base.split() if len(w) > 2)
    if len(person.relationship.split()) == 1:  # "Mum", "Dad"
        forms.add(person.relationship)
    return {f.strip() for f in forms if f.strip()}


def _goes_to(text: str, name: str) -> bool:
    """True when ``text`` has the child going to ``name`` for help ("I can tell Mum", "ring Dad or Nan")."""
    return re.search(r"\b(?:tell|talk to|ring|call|phone|text|message|go to|ask|show|hug|stay with)\s+(?:\w+\s+(?:or|and)\s+)?"
                     + re.escape(name) + r"(?![\w])", text, re.I) is not None


def _mentions(text: str, name: str) -> bool:
    return re.search(r"(?<![\w])" + re.escape(name) + r"(?![\w])", text, re.I) is not None


def check_draft(scenario: Scenario, draft, assignments: Sequence[Assignment] = ()) -> WordsCheck:
    """Feedback on a Words and Pictures draft for this case's child (see the module docstring for the checks).

    Parameters
    ----------
    scenario : Scenario
    draft : Draft or mapping
        The four parts (:data:`DRAFT_PARTS`).
    assignments : sequence of Assignment
        The learner's plan: the plan part should name its helpers as the child knows them.

    Returns
    -------
    WordsCheck
        ``level`` is ``good`` when every check passes, else ``warn``; ``reading`` is the measured level.

    Examples
    --------
    >>> from fncoach.examples import example_scenario
    >>> s = example_scenario()
    >>> check = check_draft(s, {"what_happened": "It was your fault."})
    >>> "blame" in check.rules()
    True
    """
    if not isinstance(draft, Draft):
        draft = Draft.from_answers(draft)
    child = scenario.child
    points: list[WordsPoint] = []
    missing = [heading for key, heading in DRAFT_PARTS if not getattr(draft, key)]
    if missing:
        points.append(WordsPoint("parts", "warn", "Write every part: " + names_in_words(missing, limit=None) + "."))
    text = draft.text
    if not text:
        return _finish(points, "", "Start with what happened, in words the child would use.")

    # reading level
    level = reading_level(text, ignore=_name_words(scenario))
    target = reading_target(child.age)
    if level.grade > target:
        long = f" Long words to swap: {', '.join(level.long_words[:5])}." if level.long_words else ""
        points.append(WordsPoint("reading", "warn",
                                 f"This reads at about grade {level.grade:g}; for {child.name}, aged {child.age}, aim "
                                 f"for grade {target} or below: about {level.words_per_sentence:.0f} words a sentence "
                                 f"now, so use shorter sentences and shorter words.{long}"))
    else:
        points.append(WordsPoint("reading", "good", f"The words suit {child.name}'s age: about grade {level.grade:g} "
                                                    f"(grade {target} or below for {child.age})."))
    if child.communication:
        points.append(WordsPoint("communication", "info", f"How {child.name} communicates best: {child.communication}"))

    # names
    formal = [(form, known) for form, known in _formal_forms(scenario).items() if _mentions(text, form)]
    if formal:
        points.append(WordsPoint("names", "warn", "Name people as " + child.name + " knows them: "
                                 + "; ".join(f"'{known}', not '{form}'" for form, known in formal) + "."))
    helpers = list(dict.fromkeys(pid for a in assignments for pid in (a.primary, *a.backups) if pid))
    people = {p.id: p for p in scenario.people}
    known_names = {pid: everyday_name(scenario.name_of(pid)) for pid in helpers}
    named = [pid for pid in helpers if pid in people and any(_mentions(draft.plan, f) for f in _person_forms(people[pid]))]
    if helpers and not named:
        points.append(WordsPoint("names", "warn", "The plan part names none of the helpers in your plan. Say who "
                                 f"will help, as {child.name} calls them: {names_in_words(list(known_names.values()))}."))
    if not formal and not (helpers and not named):
        points.append(WordsPoint("names", "good", f"People are named as {child.name} knows them."))

    # blame
    unblamed = _NOT_FAULT.sub("", text)
    blamed = [why for pattern, why in _BLAME if pattern.search(unblamed)]
    if blamed:
        points.append(WordsPoint("blame", "warn", "Nothing here should put the blame on " + child.name + ": this "
                                 + "; ".join(dict.fromkeys(blamed)) + "."))
    elif _NOT_FAULT.search(text):
        points.append(WordsPoint("blame", "good", f"You tell {child.name} plainly that it is not {child.name}'s fault."))
    else:
        points.append(WordsPoint("blame", "info", f"Children often think it is their fault. Consider saying plainly "
                                                  f"that it is not {child.name}'s fault."))

    # the child's own words
    phrases = child_phrases(scenario)
    used = [p for p in phrases if uses_words(text, p)]
    if not phrases:
        points.append(WordsPoint("own_words", "info", f"This case has no words from {child.name} yet: ask them "
                                                      "what they call things, and use their words."))
    elif used:
        points.append(WordsPoint("own_words", "good", f"You use {child.name}'s own words: '{used[0]}'."))
    else:
        points.append(WordsPoint("own_words", "warn", f"Use {child.name}'s own words somewhere, for example "
                                 f"'{phrases[0]}'. It shows they were heard."))

    # when I feel worried I can…
    worry_people = [p for p in scenario.people if p.safety.status == "worry"]
    safe_people = [p for p in scenario.people if p.safety.status == "safe"]
    named_unsafe = [everyday_name(p.name) for p in worry_people
                    if any(_goes_to(draft.when_worried, form) for form in _person_forms(p))]
    example = next((everyday_name(p.name) for p in safe_people if p.is_natural), "a grown-up they trust")
    if not draft.when_worried:
        points.append(WordsPoint("when_worried", "warn", f"Add the part that starts 'When I feel worried I can…': "
                                                         f"what {child.name} can do, and who they can go to."))
    elif named_unsafe:
        points.append(WordsPoint("when_worried", "warn", f"{names_in_words(named_unsafe)}: the grown-ups are worried "
                                 "about what they might do, so the child's safe person must be someone else."))
    elif (not any(_mentions(draft.when_worried, form) for p in safe_people for form in _person_forms(p))
          or not _GO_TO.search(draft.when_worried)):
        points.append(WordsPoint("when_worried", "warn", f"Say what {child.name} can do when worried and name a safe "
                                 f"person to go to, e.g. 'I can tell {example}'."))
    else:
        points.append(WordsPoint("when_worried", "good", f"{child.name} knows what to do and who to go to when worried."))

    # nothing frightening without a "so that" of safety: in the same sentence, later in the same part,
    # or the first sentence of the next part. People's names are left out ("Hitesh" is not "hit").
    names_out = re.compile(r"\b(?:" + "|".join(re.escape(n) for n in sorted(_name_words(scenario), key=len, reverse=True))
                           + r")\b")
    parts = [_sentences(getattr(draft, key)) for key, _ in DRAFT_PARTS]
    bare, frightening = [], 0
    for index, sentences in enumerate(parts):
        following = next((p[0] for p in parts[index + 1:] if p), "")
        for position, sentence in enumerate(sentences):
            plain = names_out.sub(" ", sentence)
            if not _FRIGHTENING.search(plain):
                continue
            frightening += 1
            after = sentences[position:] + [following]
            if not any(_SO_THAT.search(s) for s in after):
                bare.append(sentence)
    if bare:
        points.append(WordsPoint("so_that", "warn", "Follow each frightening part with what keeps the child safe "
                                 "('… so that you are safe'): " + " / ".join(f"'{s}'" for s in bare[:3])))
    elif frightening:
        points.append(WordsPoint("so_that", "good", "Every frightening part comes with what keeps the child safe."))

    return _finish(points, f"This draft is ready to share with {child.name}'s network.",
                   "Have another look before it goes to " + child.name + ".", level)


# --------------------------------------------------------------------------- the Three Houses message

_SOFTENERS = re.compile(
    r"\b(?:a (?:little|bit|tiny bit)|bit of|slightly|a touch|just (?:a|some)|minor|small worr\w*|not (?:really|very) "
    r"worried|nothing (?:much )?to worry|fine really|mostly (?:happy|fine)|little worr\w*|only worried)\b", re.I)


def check_house_message(scenario: Scenario, chosen: Mapping[str, Sequence[str]], say: Mapping[str, str]) -> WordsCheck:
    """Feedback on what the learner says the network must hear from the child, house by house.

    Parameters
    ----------
    scenario : Scenario
    chosen : mapping
        House key (:data:`HOUSES`) → the child's phrases the learner chose.
    say : mapping
        House key → how the learner would say it at the meeting.

    Examples
    --------
    >>> from fncoach.examples import tiny_scenario
    >>> s = tiny_scenario()
    >>> v = s.child.voice
    >>> said = {"worries": f"Zoë told us: '{v.worries[0]}'", "good_things": v.good_things[0], "dreams": v.dreams[0]}
    >>> check_house_message(s, {"worries": [v.worries[0]]}, said).level
    'good'
    >>> check_house_message(s, {}, {**said, "worries": "She has a few little worries."}).level
    'warn'
    """
    child = scenario.child
    voice = child.voice
    if voice is None:
        return WordsCheck("info", f"This case has no Three Houses from {child.name} yet.", ())
    points: list[WordsPoint] = []
    for key, house in HOUSES:
        phrases = getattr(voice, key)
        words = str(say.get(key) or "")
        picked = [p for p in (chosen.get(key) or ()) if p in phrases]
        used = [p for p in phrases if uses_words(words, p)]
        if not words.strip():
            points.append(WordsPoint(key, "warn", f"The {house}: write how you would say it at the meeting."))
        elif not used:
            example = (picked or phrases)[0]
            points.append(WordsPoint(key, "warn", f"The {house}: use {child.name}'s own words, not yours — "
                                     f"for example '{example}'."))
        else:
            points.append(WordsPoint(key, "good", f"The {house}: you use {child.name}'s own words."))
        if key == "worries":
            softened = sorted({m.group(0).lower() for m in _SOFTENERS.finditer(words)})
            if softened:
                points.append(WordsPoint("softened", "warn", f"Don't soften the {house} away ({', '.join(softened)}): "
                                         f"the network needs to hear {child.name}'s worries as {child.name} said them."))
            if not picked and not used:
                points.append(WordsPoint("softened", "warn", f"You chose nothing from the {house}. The network must "
                                         f"hear what worries {child.name}, even when it is hard to hear."))
    return _finish(points, f"The network will hear {child.name}'s own words from every house.",
                   f"Have another look: the network should hear {child.name}, in {child.name}'s words.")
