"""Coaching feedback on harm statements, worry (danger) statements and safety goals.

A deterministic rubric, written out as plain rules so a coach can read why a
statement met a criterion or not. It looks for the parts a good statement has:

* **worry statement** — *who* is worried; what an adult might *do* (behaviour,
  not a label), ideally with what has happened before; and the *impact on the
  child* if nothing changes. **Whose behaviour**: the danger is what the person
  who harms or exploits might do. A statement whose danger clause has a parent
  being harmed or a protective adult as its subject ("Mum might not protect…",
  "Nan might let him back in", "she fails to…") or the child ("Zara might go
  missing", "he might put himself at risk") is never marked as having all its
  parts, and the feedback suggests a rewrite around the person who harms;
* **harm statement** — *what has already happened* (a "could hit" is a worry,
  not a harm) and *how it affected the child*, however it is worded: what the
  child did, said, felt or stopped doing since;
* **safety goal** — *who will be doing what* (the family and network's own
  behaviour, in positive words, not "won't…" and not only "attend a course"),
  *so that* the child experiences something, *who will see it* (however it is
  worded: "Gran will check how each visit went"), and *for how long*; like the
  worries, it does not hand the job of keeping someone away to the adult being
  harmed.

The parts are read from the structure of each clause — its subject, modal,
negation and tense (:mod:`fncoach.clauses`) — rather than from a list of
sentences. Given the scenario, the coach recognises its people by name: the
child, the people whose safety status is a worry (named in the suggestions),
and the safe adults. :func:`check_agreement` gives feedback on the "who agrees /
who does not" part of a worry statement.

Every statement is also checked for labels and jargon ("neglectful",
"substance misuse", "chaotic", "DV"…), with a suggestion of what to describe
instead, and for very long sentences or hard words (a tip only).

The rubric is a coaching aid, not a marker: it reads wording, not meaning.
:func:`compare_with_model` gives the scenario's own model statements for the
learner to compare with.

Examples
--------
>>> check = check_statement(
...     "Gran is worried that Mum might drink in the day again, as she did last week, "
...     "and that Zoë could be left alone and frightened if nothing changes.", "worry")
>>> check.ok
True
>>> check_statement("Mum is neglectful.", "worry").ok
False
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal, Sequence

from .clauses import KIN_WORDS, People, VerbGroup, people_of, person_mentions, verb_groups

__all__ = [
    "KINDS",
    "StatementKind",
    "Finding",
    "StatementCheck",
    "LABELS",
    "check_statement",
    "check_agreement",
    "find_labels",
    "reading_grade",
    "compare_with_model",
    "check_statement_set",
    "SetVerdict",
    "judge_statement_set",
    "statement_boxes",
    "finding_mark",
]

StatementKind = Literal["worry", "harm", "goal"]
#: The kinds of statement the coach checks, with the words used for them.
KINDS: dict[str, str] = {"worry": "worry statement", "harm": "harm statement", "goal": "safety goal"}

#: Longest sentence (in words) before a tip to split it.
LONG_SENTENCE_WORDS = 45
#: Average syllables per word above which a tip suggests shorter, everyday words.
HARD_WORDS_SYLLABLES = 1.7


@dataclass(frozen=True)
class Finding:
    """One rubric criterion: whether it is met and what to say about it.

    Attributes
    ----------
    criterion : str
        Short name, e.g. ``"who_worried"``, ``"timescale"``.
    met : bool
        True when the statement meets it.
    message : str
        Warm, plain feedback: what is there, or one suggestion.
    required : bool
        False for tips (history, readability) that do not decide ``ok``.
    """

    criterion: str
    met: bool
    message: str
    required: bool = True

    def to_dict(self) -> dict:
        """The finding as JSON-ready data (``criterion``, ``met``, ``message``)."""
        return {"criterion": self.criterion, "met": self.met, "message": self.message}


@dataclass(frozen=True)
class StatementCheck:
    """The rubric's verdict on one statement.

    Attributes
    ----------
    ok : bool
        True when every required criterion is met.
    findings : tuple of Finding
        One per criterion, in the order a learner would read them.
    kind : str
        ``worry``, ``harm`` or ``goal``.
    """

    ok: bool
    findings: tuple[Finding, ...]
    kind: str = "worry"

    @property
    def missing(self) -> tuple[Finding, ...]:
        """The criteria not yet met (required ones first)."""
        unmet = [f for f in self.findings if not f.met]
        return tuple(sorted(unmet, key=lambda f: not f.required))

    def to_dict(self) -> dict:
        """JSON-ready data: ``{"ok": ..., "findings": [{criterion, met, message}, ...]}``."""
        return {"ok": self.ok, "findings": [f.to_dict() for f in self.findings]}

    def summary(self) -> str:
        """One or two plain sentences for the top of the feedback."""
        name = KINDS.get(self.kind, "statement")
        if self.ok:
            tips = [f for f in self.findings if not f.met]
            extra = " There is one small tip below." if len(tips) == 1 else (
                f" There are {len(tips)} small tips below." if tips else "")
            return f"This {name} has all the parts it needs.{extra}"
        needed = [f for f in self.findings if f.required and not f.met]
        return f"A good start. Your {name} needs {len(needed)} more thing{'s' if len(needed) != 1 else ''}, listed below."


# --------------------------------------------------------------------------- word lists

#: Labels and jargon → what to describe instead. Keys are regular expressions (matched case-insensitively).
LABELS: dict[str, str] = {
    r"neglect(?:ful|ed|s|ing)?": "say what was or was not done, e.g. 'there was no food in the house for two days'",
    r"alcoholics?|alcoholism": "describe the drinking you have seen, e.g. 'drinks until she falls asleep in the day'",
    r"(?:substance|drug|alcohol) (?:misuse|abuse)": "say what the person does and when, e.g. 'smokes cannabis while looking after Sam'",
    r"addicts?|addiction|junkie": "describe what the person does, e.g. 'spends the food money on drugs'",
    r"non[- ]engagement|not engaging|disengag\w*|engagement": "say what happened, e.g. 'missed the last three visits'",
    r"chaotic": "describe what actually happens, e.g. 'nobody knows who will be at home after school'",
    r"unstable|instability": "describe what happens, e.g. 'has moved house four times this year'",
    r"volatile|aggressive": "describe what the person does, e.g. 'shouts and throws things when he is angry'",
    r"dysfunctional|toxic(?: trio)?": "describe what people do to each other, in everyday words",
    r"\bDV\b|domestic (?:violence|abuse)": "say what was done, e.g. 'Dad pushed Mum against the wall while Leo watched'",
    r"\bLAC\b|\bCiC\b|looked[- ]after child": "use the child's name, or say 'in foster care'",
    r"\bCP\b|\bCIN\b|\bPLO\b|\bSGO\b|\bFGC\b|\bIRO\b": "write the words out in full, or say it in everyday words",
    r"mental health (?:issues|problems|difficulties|needs)": "describe what the person does when unwell, e.g. 'stays in bed for days and does not answer the door'",
    r"poor parenting|lack of (?:insight|boundaries|supervision)|failure to protect|poor home conditions":
        "describe what you have seen, in words the family would use",
    r"inappropriate(?:ly)?": "say what the person actually did",
    r"(?:significant )?harm(?:ful)? risk|at risk(?: of significant harm)?|risky": "say what could happen to the child",
    r"safeguarding (?:concerns?|issues?)": "say what you are worried might happen",
    r"relapses?|relapsing": "say what the person might do, e.g. 'start drinking again'",
    r"emotional abuse|physical abuse": "say what was done and how the child was affected",
}

_LABEL_PATTERNS = [(re.compile(rf"(?<![\w-])(?:{key})(?![\w-])", re.IGNORECASE), hint) for key, hint in LABELS.items()]

# Words that show an effect on a child (for harm effects and worry impacts).
_EFFECT = re.compile(
    r"\b(?:frighten\w*|scared|afraid|terrified|fear\w*|hurt\w*|harmed|injur\w*|bruis\w*|broken|broke (?:his|her|their)"
    r"|cuts?|burn(?:s|ed|t)?|pain\w*|sore|bleed\w*|hospital|A&E|unsafe|in danger|not safe|alone|lonely|hungry|cold"
    r"|upset\w*|confused|unsure|anxious|worr(?:ied|ies|ying)|nervous|distress\w*|sad|unhappy|angry|ashamed|blam\w*"
    r"|cr(?:y|ies|ied|ying)|tears|nightmares?|wet (?:the|his|her|their) bed|bed[- ]?wetting|wets the bed"
    r"|startl\w*|jumps? at|flinch\w*|shak\w*|hid|hide|hiding|withdrawn|quiet|stopped (?:eating|talking|sleeping)"
    r"|(?:couldn't|could not|cannot|can't) sleep|miss(?:es|ed|ing)? (?:school|out|meals|his|her|their)|late (?:for|to) school"
    r"|wak(?:es|ing|e) (?:up )?(?:shouting|screaming|crying|in the night)|without (?:breakfast|tea|dinner|a meal|meals)"
    r"|ever since|since then|for (?:days|weeks|months) after(?:wards)?"
    r"|fall(?:s|ing)? behind|grow(?:s|ing)? up|not knowing|lose|los(?:es|ing)|lost|feel\w*|felt|belong\w*"
    r"|without (?:food|anyone|an adult|a sober)|left (?:on (?:his|her|their) own|behind|without)|go(?:es)? without"
    r"|self[- ]harm\w*|run(?:s)? away|ran away|trust\w*|safe|tired|exhausted|falls? asleep in (?:class|school)"
    r"|taken advantage of|exploited|groomed|humiliat\w*|embarrass\w*|drunk|ill|poorly|sick|unwell|killed|dies?|died|end(?:s)? up|ended up"
    r"|(?:living |live |grow(?:ing)? up )?away from (?:his|her|their|the) (?:family|home|mum|dad|parents|school|friends|brothers?|sisters?)"
    r"|(?:taken|go|going|come|coming) into care|moved? (?:away|out)|split up from)\b",
    re.IGNORECASE,
)

_MODAL = r"(?:might|may|could|will|would|can|'ll)"
_NOT_ACTION = {
    "be", "become", "seem", "appear", "feel", "struggle", "fail", "cope", "suffer", "grow", "end", "have",
    "relapse", "continue", "not", "still", "also", "again", "never", "well", "need", "want",
}
_VAGUE_SUBJECT = {"there", "it", "this", "that", "we", "everyone", "everybody", "people", "they", "some", "someone",
                  "concerns", "worries", "the worry", "the concern", "a worry", "a concern"}

_WORRY_VERB = re.compile(
    r"(?:\b(?:is|are|am|was|were|feel|feels|remain|remains)|'re|'s|'m)\s+(?:\w+\s+)?"
    r"(?:worried|concerned|anxious|frightened|scared|afraid)\b"
    r"|\b(?:has|have)\s+(?:a\s+|some\s+|real\s+|big\s+)?(?:worry|worries|concern|concerns)\s+(?:that|about)\b"
    r"|\b(?:worry|worries|fear|fears)\s+(?:that|about)\b",
    re.IGNORECASE,
)
_CLAUSE_END = re.compile(r"[.;:!?]")


def _clause_before(text: str, position: int) -> str:
    """The text from the last sentence break before ``position`` up to it (linear time)."""
    start = max((m.end() for m in _CLAUSE_END.finditer(text, 0, position)), default=0)
    return text[start:position]


def _clause_after(text: str, position: int) -> str:
    """The text from ``position`` up to the next sentence break."""
    match = _CLAUSE_END.search(text, position)
    return text[position: match.start() if match else len(text)]


_HISTORY = re.compile(
    r"\b(?:as happened|as (?:he|she|they|it) did|like (?:he|she|they) did|as (?:on|in) |like (?:last|in|on|when)"
    r"|last (?:week|month|year|night|time|spring|summer|autumn|winter|january|february|march|april|may|june|july"
    r"|august|september|october|november|december|\w+day)|again|before|previously|in the past|already|twice"
    r"|three times|several times|many times|(?:has|have|had) (?:\w+ )?(?:been|done|happened|\w+ed)"
    r"|in (?:january|february|march|april|june|july|august|september|october|november|december)|\d{4}|ago|when)\b",
    re.IGNORECASE,
)

_PAST = re.compile(
    r"\b(?:last (?:week|month|year|night|time|\w+day|january|february|march|april|may|june|july|august|september"
    r"|october|november|december)|yesterday|ago|before|in (?:19|20)\d\d|in (?:january|february|march|april|may|june"
    r"|july|august|september|october|november|december)|on (?:mon|tues|wednes|thurs|fri|satur|sun)day"
    r"|was|were|had|has been|have been|did|saw|hit|left|took|came|went|found|said|told|threw|gave|got|fell|ran|kept"
    r"|broke|shook|slapped|punched|kicked|pushed|shouted|screamed|arrived|walked|missed|stayed|locked|grabbed"
    r"|happened|called|phoned|drank|used|smoked|forgot|ignored|stopped|turned|brought|\w+ed)\b",
    re.IGNORECASE,
)
_NOT_PAST_ED = {"worried", "concerned", "scared", "frightened", "needed", "tired", "interested", "supposed", "used to"}

_FUTURE = re.compile(rf"\b{_MODAL}\b|\bif nothing changes\b|\bgoing to\b", re.IGNORECASE)

_SERVICE = re.compile(
    r"\b(?:attend\w*|go(?:es|ing)? (?:to|on)|complet\w*|engag\w*(?: with| in)?|work\w* with|tak\w* part in"
    r"|sign\w* up(?: to| for)?|enrol\w*(?: on| in| onto)?|be(?:ing)? referred(?: to)?|access\w*|accept\w*|use|using"
    r"|do(?:ing)?|finish\w*|start\w*|keep\w* (?:going to|attending))\b[^,;.]{0,60}"
    r"\b(?:course|courses|programme|programmes|program|groups?|sessions?|appointments?|counsell\w*|therapy|therapist"
    r"|classes|class|services?|rehab\w*|AA|treatment|assessments?|meetings|clinic|workers?|professionals?"
    r"|freedom programme|parenting)\b",
    re.IGNORECASE,
)
# Words that do not describe a behaviour on their own (left over once services are taken out of a goal).
_FILLER = {
    "and", "or", "also", "be", "to", "the", "a", "an", "regularly", "every", "all", "their", "her", "his", "weekly", "week",
    "each", "in", "on", "with", "of", "both", "will", "drug", "drugs", "alcohol", "mental", "health", "local", "support",
    "parenting", "service", "services", "team", "worker", "workers", "social", "family", "offered", "recommended", "any",
    "fully", "properly", "time", "times", "sessions", "appointments", "course", "programme",
}
_PROFESSIONAL_DOER = re.compile(
    r"^(?:the |a |an |her |his |their )?(?:social workers?|services|children's services|social care|professionals"
    r"|the local authority|local authority|the council|council|CAMHS|police|health visitors?|the agency|agency"
    r"|the school|school|workers|the team|the department)$",
    re.IGNORECASE,
)
_NEGATIVE = re.compile(
    r"\b(?:will not|won't|wont|will never|will no longer|will stop|will avoid|will refrain from|will cease"
    r"|will not be|will keep away|will stay away|must not|mustn't|should not|shouldn't|cannot|can't|will quit"
    r"|will give up|are not to|is not to)\b",
    re.IGNORECASE,
)
_SO_THAT = re.compile(r"\b(?:so that|so|which means|meaning that|meaning|in order that|in order for)\b\s+\w+", re.IGNORECASE)
_EVIDENCE = re.compile(
    r"\b(?:(?:see|notice|know|hear|confirm|read|check)\s+(?:this|that this|it|these|them|the)"
    r"|will\s+(?:be able to\s+)?(?:see|notice|know|hear|find out)|evidence|diary|diaries|logs?|notes?|records?|reports?|receipts"
    r"|texts?|messages|register|photos|calendar|check-?lists?|sign(?:ed|s)? (?:in|off)|review meetings?|at (?:every|each|the) review)\b",
    re.IGNORECASE,
)
_NUMBER = (r"(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|eighteen|twenty|"
           r"a|an|a few|several|another)")
_UNIT = r"(?:days?|weeks?|months?|years?|school terms?|terms?|school holidays|holidays|weekends?)"
_TIMESCALE = re.compile(
    rf"\b(?:(?:for|over|during|within|throughout|across)\s+(?:at least\s+|the\s+|the next\s+|the first\s+|the coming\s+"
    rf"|the following\s+|a whole\s+|the whole\s+|next\s+)?(?:{_NUMBER}\s+)?(?:whole\s+|full\s+)?{_UNIT}"
    rf"|{_NUMBER}\s+{_UNIT}\s+(?:in a row|running|without)"
    rf"|for (?:the )?(?:whole|rest|remainder|end) of (?:the |this |next )?(?:term|school year|year|summer|holidays)"
    rf"|(?:all|the whole of|for) (?:next|this) (?:term|school year|year)"
    rf"|until\s+(?:the\s+)?(?:next\s+|first\s+|second\s+|final\s+)?(?:review|christmas|easter|summer|the end|end|\w+ \d{{4}}"
    rf"|january|february|march|april|may|june|july|august|september|october|november|december|\w+ is (?:\d+|{_NUMBER})"
    rf"|(?:she|he|they) (?:is|are|turns?|starts?|leaves?|goes|go)\b)"
    rf"|by (?:the )?(?:end of|next review|first review|summer|easter|christmas|january|february|march|april|june|july"
    rf"|august|september|october|november|december)|from now (?:until|to|till))",
    re.IGNORECASE,
)
_DOER_WILL = re.compile(
    r"\b(?:will|'ll|are going to|is going to|agree to|promise to|plan to|are to|is to)\s+",
    re.IGNORECASE,
)
_WORD = re.compile(r"[A-Za-zÀ-ÖØ-öø-ÿĀ-žḀ-ỿ'’]+")


# --------------------------------------------------------------------------- small helpers


def _sentences(text: str) -> list[str]:
    parts = re.split(r"(?<=[.!?;])\s+|;\s*", text)
    return [p for p in (part.strip() for part in parts) if p]


def _words(text: str) -> list[str]:
    return _WORD.findall(text)


def _syllables(word: str) -> int:
    word = word.lower().strip("'’")
    groups = re.findall(r"[aeiouyàáâäèéêëìíîïòóôöùúûü]+", word)
    count = len(groups)
    if word.endswith("e") and not word.endswith(("le", "ee")) and count > 1:
        count -= 1
    elif word.endswith("ed") and not word.endswith(("ted", "ded")) and count > 1:
        count -= 1  # 'suffered', 'walked': the -ed is not said as a syllable
    return max(1, count)


def reading_grade(text: str) -> float:
    """Flesch–Kincaid grade level of ``text`` (roughly: school years of reading needed).

    Examples
    --------
    >>> reading_grade("Gran picks Zoë up from school.") < 6
    True
    """
    words = _words(text)
    if not words:
        return 0.0
    sentences = max(1, len(_sentences(text)))
    syllables = sum(_syllables(w) for w in words)
    return round(0.39 * len(words) / sentences + 11.8 * syllables / len(words) - 15.59, 1)


def find_labels(text: str) -> tuple[tuple[str, str], ...]:
    """Labels and jargon in ``text``, as ``(the words used, what to describe instead)`` pairs.

    Examples
    --------
    >>> find_labels("Mum's chaotic lifestyle")[0][0]
    'chaotic'
    >>> find_labels("Mum shouts at Leo when he cries")
    ()
    """
    found: list[tuple[int, str, str]] = []
    for pattern, hint in _LABEL_PATTERNS:
        for match in pattern.finditer(text):
            found.append((match.start(), match.group(0), hint))
    found.sort()
    seen: set[str] = set()
    result = []
    for _, words, hint in found:
        if words.lower() not in seen:
            seen.add(words.lower())
            result.append((words, hint))
    return tuple(result)


def _plain_words(text: str) -> Finding:
    labels = find_labels(text)
    if not labels:
        return Finding("plain_words", True, "You used everyday words, without labels or jargon. Families can follow that.")
    first, hint = labels[0]
    others = [words for words, _ in labels[1:]]
    more = f" The same goes for {', '.join(repr(o) for o in others)}." if others else ""
    return Finding(
        "plain_words", False,
        f"'{first}' is a label or jargon, and people can hear it as a judgement. Instead, {hint}.{more}",
    )


def _readable(text: str) -> Finding:
    longest = max((len(_words(s)) for s in _sentences(text)), default=0)
    words = _words(text)
    syllables = sum(_syllables(w) for w in words) / max(1, len(words))
    if longest > LONG_SENTENCE_WORDS:
        return Finding("readable", False,
                       f"Tip: one sentence has {longest} words. Try splitting it in two so it is easy to follow when read out.",
                       required=False)
    if syllables > HARD_WORDS_SYLLABLES and len(words) >= 8:
        return Finding("readable", False,
                       "Tip: some words are quite long or formal. Try the shorter word a family member would use.",
                       required=False)
    return Finding("readable", True, "It reads clearly, in sentences of a sensible length.", required=False)


def _after(text: str, position: int) -> str:
    return text[position:]


_ACTION = re.compile(
    r"(?<!\bbe )(?<!\bbeen )(?<!\bbeing )(?<!\bis )(?<!\bare )(?<!\bwas )(?<!\bwere )(?<!\bget )(?<!\bgot )"
    r"\b(?P<verb>(?:drink|hit|shout|scream|swear|smok|push|slap|punch|kick|grab|throw|threw|lock|leav|left|forget|forgot"
    r"|drive|drove|post|shar|spend|spent|gambl|tak|took|bring|brought|let|refus|ignor|threaten|follow|control|argu|fight"
    r"|fought|lose (?:his|her|their) temper|lost (?:his|her|their) temper|turn(?:s|ed)? up|stay(?:s|ed)? in bed|sell|sold|steal"
    r"|stole|use|used|inject|sniff|break|broke|hurt)(?:s|es|ed|ing|e|en)?)\b",
    re.IGNORECASE,
)


def _behaviour(text: str, start: int) -> tuple[bool, int, str]:
    """Find an adult behaviour after ``start``: a modal with an action verb, or 'if <someone> <does>'."""
    body = text[start:]
    candidates = []
    for match in re.finditer(rf"\b{_MODAL}\s+(?:not\s+|still\s+|again\s+|also\s+|keep\s+|continue to\s+|start\s+|go back to\s+)?"
                             r"(?P<verb>[A-Za-z'’]+)(?:\s+(?P<next>[A-Za-z'’]+))?", body, re.IGNORECASE):
        verb = match.group("verb").lower()
        nxt = (match.group("next") or "").lower()
        if verb == "be" and nxt.endswith("ing") and nxt not in {"feeling", "struggling", "coping", "suffering"}:
            candidates.append((match.start(), match.end(), nxt))
        elif verb not in _NOT_ACTION:
            candidates.append((match.start(), match.end(), verb))
        elif verb in {"be", "become", "have", "struggle", "fail", "cope", "relapse"}:
            candidates.append((match.start(), -1, verb))  # a state or label, not a behaviour
    for match in re.finditer(r"\b(?:if|when|whenever)\s+(?:[\w'’]+\s+){1,3}?(?P<verb>(?!is\b|was\b|has\b|does\b)[a-z]+(?:s|ed))\b",
                             body):
        candidates.append((match.start(), match.end(), match.group("verb")))
    for match in _ACTION.finditer(body):
        candidates.append((match.start(), match.end(), match.group("verb")))
    actions = sorted(c for c in candidates if c[1] != -1)
    if actions:
        begin, end, verb = actions[0]
        return True, start + end, verb
    return False, start, ""


# --------------------------------------------------------------------------- whose behaviour (read from the clauses)


@lru_cache(maxsize=256)
def _mentions(text: str) -> tuple[tuple[int, str], ...]:
    """:func:`fncoach.clauses.person_mentions`, kept: a statement's pronouns each look back through them."""
    return tuple(person_mentions(text))


# Verbs of letting someone in or near: "might let Craig back in", "keeps allowing him to visit".
_PERMIT = frozenset({"let", "allow", "permit", "invite"})
# Verbs of protecting; with "not" or "fail to" they make the protective adult the subject of the worry.
_PROTECT = frozenset({"protect", "shield", "stop", "prevent", "safeguard", "believe", "keep", "supervise", "watch"})
# Verbs that, with "back", take a partner back: "might take him back", "go back to Dad".
_RETURN = frozenset({"take", "have", "go", "get", "move", "welcome"})
_REFLEXIVE = re.compile(r"\b(?:himself|herself|themselves|themself)\b", re.IGNORECASE)
# The few everyday ways of saying a child's own behaviour is the danger.
_CHILD_RISK = re.compile(r"^(?:missing|off with|out all night|out at night|away|off)\b|^\w+ (?:\w+ )?at risk\b",
                         re.IGNORECASE)
_CHILD_WORDS = frozenset({"baby", "children", "child", "boys", "girls", "twins", "kids", "son", "daughter", "toddler"})
_IMPACT_LEMMAS = frozenset({"be", "feel", "lose", "miss", "grow", "end", "get", "become", "learn", "think", "believe",
                            "struggle", "fall", "have", "go", "see", "hear", "keep", "stop", "start", "wake", "cry",
                            "hide", "need", "want", "live"})


@dataclass(frozen=True)
class _Reading:
    """Who a worry statement says might do what, and to whom."""

    danger: VerbGroup | None
    doer: str           # the danger clause's subject as written
    doer_role: str      # child / worry / to_explore / safe / adult / ""
    child: str          # the child (from the scenario, or the one the impact is about)
    problem: str        # "" / "failure_to_protect" / "child_as_subject"
    harmer: str         # the person who harms or exploits, when it can be named
    impacted: str = ""  # who a later "could be…" clause is about, when it is someone other than the doer


def _role(mention: str, people: People | None) -> str:
    """``child`` / ``worry`` / ``to_explore`` / ``safe`` for a scenario's person, ``adult`` for family words."""
    if not mention:
        return ""
    if people is not None:
        status, _name = people.who(mention)
        if status:
            return status
    last = mention.lower().replace("'s", "").split()[-1]
    if last in KIN_WORDS:
        return "adult"
    return ""


def _antecedent(text: str, position: int, people: People | None, pronoun: str, after: int = 0) -> str:
    """Whom a pronoun at ``position`` most likely means: the child when it is their pronoun, else the last name
    mentioned between ``after`` (the start of the worry, so not the people who are worried) and it."""
    earlier = [m for at, m in _mentions(text) if after <= at < position]
    if people is not None and pronoun.lower() in people.child_pronouns:
        if not earlier or people.who(earlier[-1])[0] in ("child", ""):
            return people.child
    return earlier[-1] if earlier else ""


def _same(a: str, b: str, people: People | None) -> bool:
    if not a or not b:
        return False
    if a.lower() == b.lower():
        return True
    if people is not None:
        return people.who(a) == people.who(b) and people.who(a)[0] != ""
    return False


def _mentions_in(words: str) -> list[str]:
    return [m for _, m in _mentions(words)] + [w for w in re.findall(r"\b(?:him|her|them)\b", words, re.IGNORECASE)]


def _read_worry(text: str, body_start: int, people: People | None) -> _Reading:
    """Find the danger clause of a worry statement and judge whose behaviour it is about."""
    groups = [g for g in verb_groups(text) if g.end > body_start and g.lemma not in {"worry", "concern"}]
    actions = [g for g in groups if not g.passive and g.lemma not in {"be", "feel", "seem", "appear", "become"}]
    if not actions:
        return _Reading(None, "", "", people.child if people else "", "", "")
    danger = actions[0]
    doer = danger.head or danger.subject
    if doer.lower() in {"he", "she", "they", "him", "her", "them"}:
        doer = _antecedent(text, danger.start, people, doer, body_start) or doer
    doer_role = _role(doer, people)
    later = [g for g in groups if g.start > danger.end]
    impact = [g for g in later if g.looks_ahead and (g.passive or g.lemma in _IMPACT_LEMMAS)]
    heads = []
    for g in impact:
        head = g.head
        if not g.subject and re.search(r"\b(?:and|or|but)\s*$", text[:g.verb_start]):
            head = doer  # "…and could be hurt": the same subject carries on
        elif head.lower() in {"he", "she", "they"}:
            head = _antecedent(text, g.start, people, head, body_start) or head
        if head:
            heads.append(head)
    # the child is whoever the impact is about; when every impact is about the doer, the doer is the child
    others = [h for h in heads if not _same(h, doer, people)]
    impacted = others[0] if others else (heads[0] if heads else "")
    child = people.child if people else impacted
    # the person who harms: a person of worry named in the statement, else one named in the danger clause
    harmer = ""
    if people is not None:
        named = [m for m in _mentions_in(text) if people.who(m)[0] == "worry"]
        harmer = named[0] if named else " or ".join(people.of_worry[:3])
    if not harmer and people is None:
        others = [m for m in _mentions_in(danger.rest) if m.lower() not in {"him", "her", "them"}
                  and not _same(m, child, people) and not _same(m, doer, people)]
        harmer = others[0] if others else ""
    # failure-to-protect framing: the danger is what a protective adult might let happen or not prevent
    rest = danger.rest
    objects = [m for m in _mentions_in(rest) if not _same(m, child, people) and not _same(m, doer, people)]
    permit = danger.lemma in _PERMIT and not danger.negated and bool(objects)
    protect = danger.negated and (danger.lemma in {"protect", "shield", "safeguard", "prevent", "believe"}
                                  or (danger.lemma in {"stop", "supervise", "watch"} and bool(objects))
                                  or (danger.lemma == "keep" and re.search(r"\b(?:safe|away|out|from)\b", rest, re.I)))
    taking_back = danger.lemma in _RETURN and re.search(r"\bback\b", rest, re.I) and bool(objects)
    # keeping company with the person who harms: "might keep seeing her ex", "might move in with Dean"
    together = not danger.negated and bool(objects) and _role(objects[0], people) != "child" and (
        (danger.lemma in {"see", "meet", "date", "marry"} and rest.lower().startswith(objects[0].lower()))
        or (danger.lemma in {"see", "meet", "date", "marry"} and re.match(r"(?:her|his|their) ", rest, re.I)
            and objects[0].lower() in rest.lower()[:40])
        or (danger.lemma in {"live", "move", "stay", "go", "get"} and bool(re.match(r"(?:back )?(?:in )?with\b", rest, re.I))))
    names_worry = people is not None and any(people.who(m)[0] == "worry" for m in objects)
    # "go (weeks) without …", "go through …": what someone goes through, not what they do
    experience = danger.lemma in {"go", "be"} and bool(re.match(r"(?:\w+ )?(?:without|through)\b", rest, re.I))
    if doer_role == "worry":
        problem = ""
    elif permit or protect or taking_back or together or (doer_role in {"safe", "to_explore"} and names_worry):
        problem = "failure_to_protect"
    elif experience and doer_role in {"child", ""}:
        problem = "impact_only"  # "might go weeks without word from his mum": what the child goes through
    elif doer_role == "child" or (doer_role != "adult" and (
            (impacted and _same(doer, impacted, people))
            or _REFLEXIVE.search(rest) or _CHILD_RISK.search(rest) and danger.lemma in {"go", "run", "put", "stay"})):
        problem = "child_as_subject"
    else:
        problem = ""
    if problem in {"child_as_subject", "impact_only"} and people is None:
        child = doer if re.match(r"[A-Z]", doer) and doer.lower() not in {"he", "she", "they"} else "the young person"
    other = impacted if impacted and not _same(impacted, doer, people) and _role(impacted, people) in {"child", ""} \
        and (people is not None or re.match(r"[A-Z]", impacted) or impacted.lower() in _CHILD_WORDS) else ""
    return _Reading(danger, danger.subject or doer, doer_role, child, problem, harmer, other)


def _whose_behaviour(text: str, who: str, reading: _Reading) -> Finding:
    """The finding on whose behaviour the worry is about, with a rewrite to try when it is the wrong person's."""
    danger = reading.danger
    child = reading.child or "the child"
    harmer = reading.harmer
    who = who or "(who is worried)"
    are = "are" if re.search(r"\band\b", who) else "is"
    if reading.problem == "failure_to_protect":
        named = harmer or "the person who harms"
        return Finding(
            "whose_behaviour", False,
            f"This puts the worry on {reading.doer} ('{danger.phrase}'), as the one who might not keep {child} safe. "
            f"In Signs of Safety a worry statement names what the person who harms might do, so the burden does not "
            f"fall on a parent who is being hurt or is trying to protect. Try building it around {named}: "
            f"'{who} {are} worried that {named} might … (what {named} did before), and that {child} could …'. "
            f"What {reading.doer} does to keep {child} safe belongs in the strengths and the safety goal.")
    if reading.problem == "child_as_subject":
        named = harmer or "the adults who harm or exploit them"
        what = " ".join(f"{danger.phrase} {re.split(r',|;| as | and | like ', danger.rest)[0]}".split()[:7])
        return Finding(
            "whose_behaviour", False,
            f"This makes {child}'s own behaviour the danger ('{what}'). Written like "
            f"that, it can hide the adults who harm or exploit {child} and can sound like blame. Say what {named} "
            f"might do (for example, who might take {child} somewhere, or give {child} drink, drugs or a place to "
            f"stay), and keep what {child} could go through as the impact.")
    if reading.problem == "impact_only":
        named = harmer or "an adult"
        return Finding(
            "whose_behaviour", False,
            f"This says what {child} might go through, which is the impact. A worry statement also says what "
            f"{named} might do that would cause it; if nobody's behaviour causes it, it may be a complicating "
            "factor rather than a worry.")
    doer = reading.doer
    return Finding("whose_behaviour", True,
                   f"The worry is about what {doer} might do, not about {child} or someone trying to protect "
                   f"{child}. That keeps it fair and clear.")


# --------------------------------------------------------------------------- the three rubrics


def _check_worry(text: str, people: People | None = None) -> list[Finding]:
    findings: list[Finding] = []
    match = _WORRY_VERB.search(text)
    subject = _clause_before(text, match.start()).strip(" ,") if match else ""
    subject_words = subject.lower()
    for lead in ("and ", "but "):
        if subject_words.startswith(lead):
            subject_words = subject_words[len(lead):]
    named = bool(subject_words) and subject_words not in _VAGUE_SUBJECT and not subject_words.startswith(("there ", "it "))
    if named:
        findings.append(Finding("who_worried", True, f"You say who is worried ({subject}). Good: it shows whose worry this is."))
    elif match and subject_words in {"we", "they", "everyone", "everybody", "people"}:
        findings.append(Finding("who_worried", False,
                                f"Say who '{subject}' is: name the people who are worried, e.g. 'Priya and Gran are worried that…'."))
    else:
        findings.append(Finding("who_worried", False,
                                "Start by naming who is worried, e.g. 'Priya and Gran are worried that…'. "
                                "It shows whose worry it is, and lets others say if they agree."))
    body_start = match.end() if match else 0
    acts, position, verb = _behaviour(text, body_start)
    reading = _read_worry(text, body_start, people)
    if reading.danger is not None and not acts and not reading.danger.passive and reading.problem:
        acts, position, verb = True, reading.danger.end, reading.danger.verb
    if acts:
        doer = reading.doer if reading.danger is not None else ""
        what = f"what {doer} might do" if doer else "something someone might do"
        findings.append(Finding("behaviour", True,
                                f"You describe {what} ('{verb}'), not just a label. That gives everyone something to watch for."))
    else:
        findings.append(Finding("behaviour", False,
                                "Describe what an adult might actually do, e.g. 'Dad might shout and throw things when he has been drinking', "
                                "rather than what they are or have ('Dad is aggressive')."))
    if reading.danger is not None and acts:
        findings.append(_whose_behaviour(text, subject if named else "", reading))
    if _HISTORY.search(text):
        findings.append(Finding("history", True, "You link the worry to something that has happened before, which makes it concrete.",
                                required=False))
    else:
        findings.append(Finding("history", False,
                                "Tip: add what has happened before, e.g. 'as happened last March when…'.", required=False))
    later = text[position:] if acts else text[body_start:]
    if _EFFECT.search(later) or (acts and reading.impacted):
        findings.append(Finding("impact", True, "You say what it would mean for the child if nothing changes. That keeps the child at the centre."))
    else:
        findings.append(Finding("impact", False,
                                "Say what it would mean for the child if nothing changes, e.g. '…and that Sam could be "
                                "frightened and left on his own if nothing changes'."))
    return findings


def _without_looking_ahead(text: str, groups: Sequence[VerbGroup]) -> str:
    """``text`` with every 'might / could / will …' verb group blanked out ("could hit" is not something that happened)."""
    chars = list(text)
    for group in groups:
        if group.looks_ahead and group.verb_start >= 0:
            chars[group.verb_start: group.end] = " " * (group.end - group.verb_start)
    return "".join(chars)


def _effect_clause(text: str, groups: Sequence[VerbGroup], people: People | None) -> VerbGroup | None:
    """A clause about the child after what happened: what they did, said, felt or stopped doing since.

    The child is the scenario's child when it is known; otherwise someone other than the person who did the harm,
    named as a child would be (not 'Mum', 'Dad' or 'Gran'), or a pronoun that does not point back at that person.
    """
    events = [g for g in groups if not g.looks_ahead]
    if len(events) < 2:
        return None
    doer = events[0].head
    previous = doer
    for group in events[1:]:
        head = group.head if group.subject else previous
        if head.lower() in {"he", "she", "they"}:
            head = _antecedent(text, group.start, people, head) or head
        previous = head or previous
        if not head or _same(head, doer, people) or head.lower() in {"it", "i", "we", "you"}:
            continue
        role = _role(head, people)
        if role == "child":
            return group
        if people is not None and role:
            continue
        named = bool(re.match(r"[A-Z]", head)) or head.lower() in _CHILD_WORDS
        if role != "adult" and named:
            return group
    return None


def _check_harm(text: str, people: People | None = None) -> list[Finding]:
    findings: list[Finding] = []
    groups = verb_groups(text)
    settled = _without_looking_ahead(text, groups)
    past_hits = [m.group(0) for m in _PAST.finditer(settled) if m.group(0).lower() not in _NOT_PAST_ED]
    looks_ahead = bool(_FUTURE.search(text)) and not past_hits
    if past_hits:
        findings.append(Finding("what_happened", True, "You say what has already happened. That is the heart of a harm statement."))
    elif looks_ahead:
        findings.append(Finding("what_happened", False,
                                "This looks ahead to what might happen; that belongs in a worry statement. A harm statement "
                                "says what has already happened, e.g. 'Last month Zoë walked to school alone at 7am…'."))
    else:
        findings.append(Finding("what_happened", False,
                                "Say what actually happened and when, e.g. 'Last month Zoë walked to school alone at 7am…'."))
    effect = _effect_clause(text, groups, people)
    if _EFFECT.search(settled) or effect is not None:
        findings.append(Finding("effect_on_child", True, "You say how it affected the child, so everyone understands why it matters."))
    else:
        findings.append(Finding("effect_on_child", False,
                                "Add how it affected the child: what they did, said or felt afterwards, e.g. 'she was cold and frightened'."))
    return findings


def _doing_part(text: str) -> tuple[str, str, str]:
    """Split a goal into (who, what they will do, the rest after 'so that')."""
    match = _DOER_WILL.search(text)
    if not match:
        return "", "", text
    doer, rest = _clause_before(text, match.start()).strip(" ,"), _clause_after(text, match.end())
    so = _SO_THAT.search(rest)
    doing = rest[: so.start()] if so else rest
    return doer, doing, text[match.end() + (so.start() if so else len(rest)):]


def _watcher(text: str, people: People | None) -> VerbGroup | None:
    """Someone who will see the goal happening: a 'will …' clause after what the child will experience.

    It has a subject of its own that is not the child ("Nan and his form tutor will check in with Callum",
    "Bev will write down how every handover went"), however the seeing is worded.
    """
    so = _SO_THAT.search(text)
    after = so.end() if so else (text.find(";") if ";" in text else len(text))
    groups = [g for g in verb_groups(text) if g.start >= after]
    child = people.child if people is not None else ""
    if not child and so:
        mentions = [m for at, m in _mentions(text) if at >= so.start()]
        child = mentions[0] if mentions else ""
    for group in groups:
        if group.modal not in {"will", "can", "shall"} or not group.subject or group.passive:
            continue
        head = group.head
        if head.lower() in {"he", "she", "they"}:
            head = _antecedent(text, group.start, people, head)
        if not head or _same(head, child, people) or _role(head, people) == "child":
            continue
        if group.lemma in {"be", "feel", "have", "know"} and not re.search(r"\b(?:know|hear|see)\b", group.verb, re.I):
            continue
        return group
    return None


def _goal_whose_behaviour(text: str, people: People | None) -> Finding:
    """Safety goals follow the worry statements' rule: the burden is not put on the adult being harmed or the child."""
    groups = [g for g in verb_groups(text) if g.modal in {"will", "shall"} or g.chain]
    doing = groups[0] if groups else None
    if doing is None:
        return Finding("whose_behaviour", True, "The goal is about what the adults will be doing.")
    doer = doing.head or doing.subject
    role = _role(doer, people)
    objects = [m for m in _mentions_in(doing.rest) if not _same(m, doer, people)]
    child = people.child if people is not None else ""
    others = [m for m in objects if not _same(m, child, people) and _role(m, people) != "child"]
    keeps_away = (doing.lemma in {"keep", "protect", "shield", "stop", "prevent"}
                  and re.search(r"\b(?:away|out|from)\b", doing.rest, re.I) and others)
    shuts_out = doing.lemma in _PERMIT and doing.negated and others
    names_worry = people is not None and any(people.who(m)[0] == "worry" for m in others)
    if role != "worry" and (keeps_away or shuts_out) and (people is None or names_worry or role in {"safe", "to_explore"}):
        harmer = next((people.who(m)[1] for m in others if people is not None and people.who(m)[0] == "worry"), others[0])
        return Finding("whose_behaviour", False,
                       f"This goal puts the job of keeping {harmer} away on {doer}. Like the worry statements, a safety "
                       f"goal starts with what the person who harms will be doing (for example, '{harmer} will be …'), "
                       f"then what the network will do to back it up and check it.")
    if role == "child":
        return Finding("whose_behaviour", False,
                       f"This goal asks {doer} to change. A safety goal is about what the adults around {doer} will be "
                       "doing, so that the child can feel safe; say who will be doing what.")
    return Finding("whose_behaviour", True, "The goal is about what the adults will be doing, not the child or someone "
                                            "being harmed.")


def _check_goal(text: str, people: People | None = None) -> list[Finding]:
    findings: list[Finding] = []
    doer, doing, rest = _doing_part(text)
    services = [m.group(0) for m in _SERVICE.finditer(doing)]
    without_services = _SERVICE.sub(" ", doing)
    leftover = [w for w in _words(without_services) if w.lower() not in _FILLER]
    doer_plain = doer.lower().strip()
    if not doer or doer_plain in _VAGUE_SUBJECT or doer_plain.startswith(("there ", "it ")):
        findings.append(Finding("who_does_what", False,
                                "Start with who will be doing what, by name, e.g. 'Gran and Mum will be…'. "
                                "A goal is about what the family and network will be doing."))
    elif _PROFESSIONAL_DOER.match(doer_plain):
        findings.append(Finding("who_does_what", False,
                                f"'{doer}' are paid workers who cannot stay for life. Say what the family and network will be doing, "
                                "e.g. 'Mum, Gran and Uncle Joe will be…'."))
    elif services and len(leftover) < 2:
        findings.append(Finding("who_does_what", False,
                                f"'{services[0].strip()}' is a service, not something the family will be seen doing at home. "
                                "Say what people will be doing differently day to day, e.g. 'Mum will be up and giving Zoë "
                                "breakfast every school morning'."))
    elif not doing.strip() or len(leftover) < 1:
        findings.append(Finding("who_does_what", False, "Say what people will be doing, e.g. 'will be collecting Leo from school every day'."))
    else:
        note = (" Courses and services can help, but the goal is what people will be seen doing; keep the focus there."
                if services else "")
        findings.append(Finding("who_does_what", True, f"You name who will be doing what ({doer}).{note}"))
    if _NEGATIVE.search(doing) or _NEGATIVE.search(text[: len(text) - len(rest)]):
        findings.append(Finding("positive", False,
                                "Put it in positive words: say what people WILL be doing instead of what they won't, "
                                "e.g. 'Dad will be sober whenever he looks after Leo' rather than 'Dad won't drink'."))
    else:
        findings.append(Finding("positive", True, "It is written in positive words: what people will be doing."))
    if _SO_THAT.search(text) or re.search(r"\band (?:\w+ )?(?:will|can) (?:feel|know|enjoy|sleep|be safe|be happy|grow)\b", text, re.IGNORECASE):
        findings.append(Finding("child_experience", True, "You say what the child will experience. That keeps the goal about them."))
    else:
        findings.append(Finding("child_experience", False,
                                "Add what the child will experience, e.g. '…so that Zoë feels safe and gets to school on time'."))
    watcher = None if (_EVIDENCE.search(rest) or _EVIDENCE.search(text.split(";", 1)[1] if ";" in text else "")) \
        else _watcher(text, people)
    if watcher is not None:
        who = watcher.subject
        findings.append(Finding("who_will_see", True, f"You say who will see it ({who} will {watcher.verb} …). "
                                                      "That makes the goal checkable."))
    elif _EVIDENCE.search(rest) or _EVIDENCE.search(text.split(";", 1)[1] if ";" in text else ""):
        findings.append(Finding("who_will_see", True, "You say how people will know it is happening. That makes the goal checkable."))
    else:
        findings.append(Finding("who_will_see", False,
                                "Say who will see it and how, e.g. '…; Priya and Gran will see this in the family diary'."))
    if _TIMESCALE.search(text):
        findings.append(Finding("timescale", True, "You say how long it needs to be seen for. Everyone knows what they are aiming at."))
    else:
        findings.append(Finding("timescale", False,
                                "Add for how long it needs to be seen before everyone feels confident, e.g. '…for the next six months'."))
    findings.append(_goal_whose_behaviour(text, people))
    return findings


def check_statement(text: str, kind: str, scenario=None) -> StatementCheck:
    """Check a harm statement, worry statement or safety goal against the rubric.

    Parameters
    ----------
    text : str
        The learner's statement.
    kind : {'worry', 'harm', 'goal'}
        Which rubric to use.
    scenario : Scenario, optional
        The case the statement is about. When given, its people are recognised by name: the child, the people
        whose safety status is a worry (named in the suggestions) and the safe adults.

    Returns
    -------
    StatementCheck
        ``ok`` is True when every required criterion is met; ``findings``
        has one entry per criterion, each with a warm message.

    Raises
    ------
    ValueError
        If ``kind`` is not one of the three kinds.

    Examples
    --------
    >>> goal = ("Mum and Gran will be making sure a sober adult is with Zoë every morning, so that Zoë "
    ...         "feels safe; Amara will see this in Gran's diary for the next three months.")
    >>> check_statement(goal, "goal").ok
    True
    >>> [f.criterion for f in check_statement("Mum will attend a parenting course.", "goal").findings if not f.met]
    ['who_does_what', 'child_experience', 'who_will_see', 'timescale']
    >>> blaming = check_statement("Gran is worried that Mum might not protect Leo from Dad, as happened in May, "
    ...                           "and that Leo could be hurt.", "worry")
    >>> blaming.ok, [f.criterion for f in blaming.missing if f.required]
    (False, ['whose_behaviour'])
    """
    if kind not in KINDS:
        raise ValueError(f"the kind of statement must be one of: {', '.join(KINDS)} (not {kind!r})")
    text = " ".join(str(text or "").replace("\u2019", "'").replace("\u2018", "'").split())  # curly apostrophes from phones
    if not text:
        finding = Finding("written", False, f"Write your {KINDS[kind]} in the box first, then check it.")
        return StatementCheck(False, (finding,), kind)
    rubric = {"worry": _check_worry, "harm": _check_harm, "goal": _check_goal}[kind]
    people = people_of(scenario) if scenario is not None else None
    findings = rubric(text, people) + [_plain_words(text), _readable(text)]
    ok = all(f.met for f in findings if f.required)
    return StatementCheck(ok, tuple(findings), kind)


_AGREEMENT_IN_TEXT = re.compile(
    r"\b(?:does not|doesn't|do not|don't|did not|didn't|does|do) (?:\w+ )?agree\b|\bdisagree\w*|\bagree(?:s|d)?\b"
    r"|\bexcept\b|\bsees? (?:it|this) differently\b",
    re.IGNORECASE,
)
_EVERYONE = re.compile(r"^(?:everyone|everybody|all of us|all|the whole network|the network|nobody|no one|no-one|none)$",
                       re.IGNORECASE)
_ROLES = re.compile(r"\b(?:social worker|worker|teacher|nurse|health visitor|doctor|gp|officer|school|police|carer"
                    r"|foster carer|iro|guardian|advocate|coach|head|tutor|key worker|me|i|myself)\b", re.IGNORECASE)


def _names_in(value: str) -> list[str]:
    parts = re.split(r"[,;/&+]|\band\b|\bor\b", str(value or ""))
    return [" ".join(p.split()) for p in parts if p.strip()]


def check_agreement(agreed: str, disagreed: str, statement: str = "", scenario=None) -> tuple[Finding, ...]:
    """Feedback on the "who agrees / who does not" part of a worry statement.

    Where the family and the workers see a worry differently, the statement says who agrees and who does not:
    the different views stay in the open and can be talked about. When ``scenario`` is given, names are checked
    against its people, and the learner is asked what the person the worry is about thinks.

    Parameters
    ----------
    agreed, disagreed : str
        The names written under "Who agrees?" and "Who does not?" (commas or "and" between them).
    statement : str, optional
        The worry statement itself: a statement that already says who agrees ("Dad does not agree…") counts.
    scenario : Scenario, optional
        The case, to recognise its people by name.

    Returns
    -------
    tuple of Finding
        The first finding (criterion ``agreement``) says whether the part is there; further findings point
        out a name in both boxes, a name not in the case, or the person of worry's view. All are tips
        (``required=False``) except a name in both boxes.

    Examples
    --------
    >>> [f.met for f in check_agreement("Gran, Amara", "Mum")]
    [True]
    >>> check_agreement("", "")[0].met
    False
    >>> check_agreement("Gran", "Gran")[1].message
    "Gran is under both 'Who agrees?' and 'Who does not?'. Each person's view goes in one box."
    """
    yes, no = _names_in(agreed), _names_in(disagreed)
    in_text = bool(_AGREEMENT_IN_TEXT.search(statement or ""))
    findings: list[Finding] = []
    if yes and no:
        findings.append(Finding("agreement", True,
                                f"You say who agrees ({', '.join(yes)}) and who does not ({', '.join(no)}). Different "
                                "views stay in the open, where they can be talked about: a worry statement starts a "
                                "conversation, it is not a verdict.", required=False))
    elif yes:
        findings.append(Finding("agreement", True,
                                f"You say who agrees ({', '.join(yes)}). If anyone sees it differently, add them under "
                                "'Who does not?'; if everyone agrees, that is worth saying too.", required=False))
    elif no:
        findings.append(Finding("agreement", True,
                                f"You say who does not agree ({', '.join(no)}). Add who does agree, so the statement "
                                "shows whose worry it is.", required=False))
    elif in_text:
        findings.append(Finding("agreement", True, "Your statement says who agrees and who does not. Good: different "
                                                   "views stay in the open.", required=False))
    else:
        findings.append(Finding("agreement", False,
                                "Tip: say who agrees with this worry and who does not. Where the family and the workers "
                                "see it differently, the statement says so, and everyone can talk about it.",
                                required=False))
    both = [n for n in yes if n.lower() in {m.lower() for m in no}]
    if both:
        findings.append(Finding("agreement", False, f"{', '.join(both)} {'is' if len(both) == 1 else 'are'} under both "
                                                    "'Who agrees?' and 'Who does not?'. Each person's view goes in one box."))
    if scenario is not None:
        people = people_of(scenario)
        unknown = [n for n in yes + no if not people.who(n)[0] and not _EVERYONE.match(n) and not _ROLES.search(n)]
        if unknown:
            findings.append(Finding(
                "agreement_names", False,
                f"I could not find {', '.join(repr(n) for n in unknown)} among the people in {people.child}'s case. "
                "Check the spelling, or use the name the family uses.", required=False))
        said = {people.who(n)[1] for n in yes + no if people.who(n)[0]}
        about = [m for m in _mentions_in(statement or "") if people.who(m)[0] == "worry"]
        missing = [m for m in about if people.who(m)[1] not in said]
        if (yes or no) and missing and not in_text:
            findings.append(Finding(
                "agreement_names", False,
                f"What does {missing[0]} think? The person the worry is about often sees it differently, and "
                "saying so keeps the conversation honest.", required=False))
    return tuple(findings)


# --------------------------------------------------------------------------- comparing and sets


def _content_words(text: str) -> set[str]:
    small = {"the", "a", "an", "and", "or", "that", "to", "of", "in", "on", "at", "for", "with", "is", "are", "be", "will",
             "might", "could", "if", "as", "so", "this", "it", "he", "she", "they", "his", "her", "their", "by", "from"}
    return {w.lower() for w in _words(text) if w.lower() not in small}


def compare_with_model(scenario, kind: str, text: str = "") -> tuple[str, ...]:
    """The scenario's model statements of this kind, the closest to ``text`` first.

    Closeness is the share of words in common (ties keep the scenario's
    order), so the learner sees first the model that answers the same worry.

    Examples
    --------
    >>> from types import SimpleNamespace as NS
    >>> sos = NS(harm_statements=(), worry_statements=(NS(text="Gran is worried Mum might drink"),
    ...          NS(text="Gran is worried Dad might stop calling")), safety_goals=())
    >>> compare_with_model(NS(sos=sos), "worry", "Dad stop calling")[0]
    'Gran is worried Dad might stop calling'
    """
    if kind not in KINDS:
        raise ValueError(f"the kind of statement must be one of: {', '.join(KINDS)} (not {kind!r})")
    items = {"worry": scenario.sos.worry_statements, "harm": scenario.sos.harm_statements,
             "goal": scenario.sos.safety_goals}[kind]
    texts = [item.text for item in items]
    mine = _content_words(text)
    if not mine:
        return tuple(texts)

    def overlap(model: str) -> float:
        theirs = _content_words(model)
        return len(mine & theirs) / max(1, len(mine | theirs))

    order = sorted(range(len(texts)), key=lambda i: (-overlap(texts[i]), i))
    return tuple(texts[i] for i in order)


def check_statement_set(worries: Sequence[str], goals: Sequence[str]) -> tuple[str, ...]:
    """Gentle prompts about a whole set of worry statements and goals.

    ``goals[i]`` is the goal answering ``worries[i]`` (blank when not written).

    Examples
    --------
    >>> check_statement_set(["w1", "w2"], ["g1", ""])
    ('Worry statement 2 has no safety goal yet. Every worry needs a goal that answers it.',)
    """
    prompts: list[str] = []
    written = [w for w in worries if str(w).strip()]
    if len(written) > 3:
        prompts.append(f"You have {len(written)} worry statements. Most maps have no more than three: could some be joined, "
                       "or are some complicating factors rather than worries?")
    for number, worry in enumerate(worries, start=1):
        goal = goals[number - 1] if number - 1 < len(goals) else ""
        if str(worry).strip() and not str(goal).strip():
            prompts.append(f"Worry statement {number} has no safety goal yet. Every worry needs a goal that answers it.")
    return tuple(prompts)


@dataclass(frozen=True)
class SetVerdict:
    """The feedback on a whole set of statements: a level, a heading and the lines under it.

    ``level`` is ``good``, ``warn`` or ``info``; the heading always agrees with the lines.
    """

    level: str
    title: str
    lines: tuple[str, ...]


def judge_statement_set(harm: Sequence[str], worries: Sequence[str], goals: Sequence[str],
                        scenario=None) -> SetVerdict:
    """Feedback on the whole set: each written statement through the coach, then the set's own prompts.

    "Well done" only when every written statement has all its parts *and* every worry has its goal: a
    verdict never praises a set whose details say something is missing.

    Examples
    --------
    >>> good_worry = ("Gran is worried that Dad might hit Sam when he has been drinking, as happened in May, and "
    ...               "that Sam could be hurt and frightened.")
    >>> judge_statement_set([], [""], [""]).title
    'Write a worry statement first'
    >>> verdict = judge_statement_set([], [good_worry], ["Dad will"])
    >>> verdict.level, verdict.lines[0]
    ('warn', 'Safety goal 1 needs more: press Check under it to see what.')
    """
    if not any(str(w).strip() for w in worries):
        return SetVerdict("info", "Write a worry statement first",
                          ("The set is checked once there is at least one worry statement.",))
    lines: list[str] = []
    for kind, texts in (("harm", harm), ("worry", worries), ("goal", goals)):
        for number, text in enumerate(texts, start=1):
            if str(text).strip() and not check_statement(text, kind, scenario).ok:
                lines.append(f"{KINDS[kind].capitalize()} {number} needs more: press Check under it to see what.")
    lines += check_statement_set(worries, goals)
    if lines:
        return SetVerdict("warn", "Have another look", tuple(lines))
    return SetVerdict("good", "Well done", ("Every statement has all its parts, every worry has a safety goal, "
                                            "and there are no more than three worries.",))


def statement_boxes(scenario) -> dict[str, int]:
    """How many boxes of each kind the exercise offers: one to three, following the case's model answers.

    Examples
    --------
    >>> from fncoach.examples import tiny_scenario
    >>> statement_boxes(tiny_scenario())
    {'harm': 1, 'worry': 1, 'goal': 1}
    """
    sos = scenario.sos
    worries = min(3, max(1, len(sos.worry_statements)))
    return {"harm": min(3, max(1, len(sos.harm_statements))), "worry": worries, "goal": worries}


def finding_mark(finding: Finding) -> str:
    """The mark shown before a finding: ✓ met, ✗ a missing part, • a tip."""
    return "✓" if finding.met else ("✗" if finding.required else "•")
