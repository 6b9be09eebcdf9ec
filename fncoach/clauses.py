"""A small grammar of clauses for the statement coach: who does what, with which modal, in which tense.

The statement coach (:mod:`fncoach.statements`) needs to know *whose*
behaviour a worry is about and whether a harm statement tells of something
that has already happened. Word lists cannot tell "Dad might hit Leo" from
"Mum might not protect Leo from Dad", or "Dad hit Leo" from "Dad could hit
Leo"; the shape of the clause can. This module finds the **verb groups** of a
statement — a main verb with its modal, negation, tense and voice — and the
**subject** each one has, read from the words before it up to a clause
boundary. Verb forms come from the English lexicon of ``lemminflect`` (a PyPI
package that ships its data; nothing is downloaded at run time), so "wept",
"flinched" or "covers" are known as verbs without being listed here.

It also reads a scenario's people into :class:`People`: the child, the people
whose safety status is a worry, and everyone else, each under the names a
statement would use ("Nan Mo", "Maureen", "Mum").

The grammar is deliberately small: it reads plain statements written by
learners, not any English.

Examples
--------
>>> [(g.subject, g.modal, g.negated, g.lemma) for g in verb_groups("Gran is worried that Mum might not protect Leo.")][1]
('Mum', 'might', True, 'protect')
>>> verb_groups("Last May Dad hit Leo.")[0].tense
'past'
>>> verb_groups("Dad could hit Leo.")[0].tense
'modal'
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache


__all__ = [
    "Token",
    "VerbGroup",
    "People",
    "KIN_WORDS",
    "tokens",
    "verb_groups",
    "person_mentions",
    "people_of",
    "everyday_name",
]

#: Everyday words for family members and partners: a subject made of one of these is an adult, not the child.
KIN_WORDS = frozenset({
    "mum", "mummy", "mam", "mom", "mother", "dad", "daddy", "father", "stepdad", "stepmum", "stepfather", "stepmother",
    "gran", "granny", "grandma", "grandmother", "nan", "nana", "nanna", "nanny", "grandad", "grandpa", "granddad",
    "grandfather", "uncle", "aunt", "auntie", "aunty", "partner", "boyfriend", "girlfriend", "husband", "wife",
    "carer", "carers", "parents", "parent",
})
_CHILD_NOUNS = frozenset({"baby", "babies", "child", "children", "kids", "boys", "girls", "twins", "son", "daughter",
                          "toddler", "brother", "sister", "siblings", "kid", "boy", "girl"})
_PRONOUNS = {"he": "he", "she": "she", "they": "they", "him": "he", "her": "she", "them": "they",
             "himself": "he", "herself": "she", "themselves": "they", "themself": "they", "i": "i", "we": "we",
             "you": "you", "it": "it"}
_SUBJECT_PRONOUNS = frozenset({"he", "she", "they", "i", "we", "you", "it", "who", "nobody", "no-one", "someone",
                               "everyone", "anyone"})
_REFLEXIVES = frozenset({"himself", "herself", "themselves", "themself"})

_MODALS = {"might": "might", "may": "may", "could": "could", "would": "would", "will": "will", "can": "can",
           "shall": "shall", "should": "should", "must": "must", "'ll": "will", "'d": "would",
           "won't": "will", "wont": "will", "can't": "can", "cannot": "can", "couldn't": "could",
           "wouldn't": "would", "mightn't": "might", "shouldn't": "should", "mustn't": "must"}
_DO = {"do": "present", "does": "present", "did": "past", "don't": "present", "doesn't": "present", "didn't": "past"}
_HAVE = {"has": "perfect", "have": "perfect", "had": "perfect", "'ve": "perfect", "hasn't": "perfect",
         "haven't": "perfect", "hadn't": "perfect"}
_BE = {"is": "present", "are": "present", "am": "present", "'m": "present", "'re": "present", "was": "past",
       "were": "past", "isn't": "present", "aren't": "present", "wasn't": "past", "weren't": "past"}
# Words that may sit inside a verb group without ending it.
_ADVERBS = frozenset({"not", "never", "still", "also", "again", "even", "just", "then", "really", "soon", "ever",
                      "always", "only", "once", "sometimes", "often", "now", "already", "suddenly", "quickly",
                      "usually", "easily", "simply", "actually", "probably", "no", "longer", "further", "finally",
                      "repeatedly", "regularly", "all"})
_NEGATIONS = frozenset({"not", "never", "n't", "no"})
# Verbs that take another verb after them: "keep shouting", "start drinking", "fail to protect", "try to take".
_CATENATIVE = frozenset({"keep", "start", "begin", "continue", "stop", "carry", "go", "fail", "try", "refuse",
                         "manage", "want", "decide", "seem", "appear", "need", "use", "be", "get", "have", "come"})
# Words that end a subject when reading backwards from a verb.
_BOUNDARY = frozenset({"that", "if", "when", "whenever", "because", "as", "while", "whilst", "but", "so", "since",
                       "until", "till", "after", "before", "where", "which", "who", "like", "then", "than", "unless",
                       "although", "though", "once", "whether", "about", "or", "nor", "leaving", "meaning",
                       "except", "and"})
_NOT_SUBJECT = frozenset({"the", "a", "an", "his", "her", "their", "my", "our", "your", "its", "to", "of", "in",
                          "on", "at", "for", "with", "by", "from", "into", "onto", "this", "these", "those", "some",
                          "any", "every", "each", "no", "very", "too", "more", "most", "would", "could", "might"})
_FUNCTION_CAPS = frozenset({"the", "a", "an", "in", "on", "at", "last", "this", "next", "when", "if", "since",
                            "before", "after", "during", "every", "each", "for", "over", "there", "it", "i", "we",
                            "they", "he", "she", "everyone", "both", "all", "and", "but", "so", "as", "by", "from",
                            "mr", "mrs", "ms", "miss", "dr", "little", "baby", "big", "young", "older", "old"})
_MONTHS_DAYS = frozenset({"january", "february", "march", "april", "may", "june", "july", "august", "september",
                          "october", "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday",
                          "saturday", "sunday", "christmas", "easter", "new", "year", "boxing", "day", "bonfire",
                          "night", "halloween", "eid", "diwali", "a&e", "pe"})

_TOKEN = re.compile(r"[A-Za-zÀ-ÖØ-öø-ÿĀ-žȘșȚțḀ-ỿ]+(?:[-'][A-Za-zÀ-ÖØ-öø-ÿĀ-žȘșȚțḀ-ỿ]+)*|\d+|[.;:!?,()&]")
_HARD_STOP = frozenset({".", ";", ":", "!", "?"})


@dataclass(frozen=True)
class Token:
    """One word (or punctuation mark) with its place in the text."""

    text: str
    start: int
    end: int

    @property
    def low(self) -> str:
        """The word in lower case."""
        return self.text.lower()


@dataclass(frozen=True)
class VerbGroup:
    """A finite verb with its helpers and its subject.

    Attributes
    ----------
    subject : str
        The words before the verb group back to a clause boundary ("Mum", "Rhiannon's boyfriend Lee"); ``""`` when
        the clause has none of its own (as in "…and could be hurt").
    head : str
        The last word of the subject that names someone ("Lee", "Mum", "he"); ``""`` when there is none.
    modal : str
        "might", "could", "will"… or ``""``.
    negated : bool
        True for "not", "never", "n't" and "fail(s) to".
    verb : str
        The main verb as written ("protect", "letting", "hit").
    lemma : str
        Its dictionary form ("protect", "let", "hit").
    tense : str
        ``"modal"`` (after a modal), ``"past"``, ``"perfect"`` (has/had + verb) or ``"present"``.
    passive : bool
        True for "be/get + past participle" ("could be hurt", "was taken").
    rest : str
        The words after the verb up to the next clause (its object and the like).
    start, end : int
        Where the group (from its subject) starts and where its main verb ends in the text.
    chain : tuple of str
        Helper verbs between the modal and the main verb ("keeps", "fail", "be").
    verb_start : int
        Where the verb group itself (its first helper) starts.
    """

    subject: str
    head: str
    modal: str
    negated: bool
    verb: str
    lemma: str
    tense: str
    passive: bool
    rest: str
    start: int
    end: int
    chain: tuple[str, ...] = field(default=())
    verb_start: int = -1

    @property
    def looks_ahead(self) -> bool:
        """True when the group speaks of what might or could happen (not a past 'would' or 'could not')."""
        return self.tense == "modal" and self.modal != "would" and not (self.modal == "could" and self.negated)

    @property
    def phrase(self) -> str:
        """The modal, negation and verb as a short phrase ("might not protect")."""
        parts = [self.modal] if self.modal else []
        if self.negated:
            parts.append("not")
        if self.passive and self.modal:
            parts.append("be")
        return " ".join(parts + [self.verb])


# lemminflect (and numpy under it) is imported on the first statement checked, not when a notebook opens: a class
# opening notebook 03 together does not pay for it (issue 17).
@lru_cache(maxsize=4096)
def _lemmas(word: str) -> dict:
    from lemminflect import getAllLemmas

    return getAllLemmas(word.lower())


@lru_cache(maxsize=4096)
def _verb_lemma(word: str) -> str:
    """The verb lemma of ``word`` ('' when it is not a verb form in the lexicon)."""
    found = _lemmas(word).get("VERB") or _lemmas(word).get("AUX")
    return found[0] if found else ""


@lru_cache(maxsize=4096)
def _forms(lemma: str) -> dict:
    from lemminflect import getAllInflections

    return getAllInflections(lemma, upos="VERB")


def _is_form(word: str, tags: tuple[str, ...]) -> bool:
    lemma = _verb_lemma(word)
    if not lemma:
        return False
    forms = _forms(lemma)
    return any(word.lower() in forms.get(tag, ()) for tag in tags)


def _only_verb(word: str) -> bool:
    """True when the lexicon knows ``word`` only as a verb (not also as a noun or adjective)."""
    found = _lemmas(word)
    return bool(found) and set(found) <= {"VERB", "AUX"}


def tokens(text: str) -> list[Token]:
    """Split ``text`` into words and punctuation, splitting off "'ll", "'ve", "'m", "'re", "'d" and "n't" forms.

    Examples
    --------
    >>> [t.text for t in tokens("He'll shout, won't he?")]
    ['He', "'ll", 'shout', ',', "won't", 'he', '?']
    """
    text = text.replace("\u2019", "'").replace("\u2018", "'")
    result: list[Token] = []
    for match in _TOKEN.finditer(text):
        word, start = match.group(0), match.start()
        low = word.lower()
        for clitic in ("'ll", "'ve", "'m", "'re", "'d"):
            if low.endswith(clitic) and len(word) > len(clitic):
                cut = len(word) - len(clitic)
                result += [Token(word[:cut], start, start + cut), Token(word[cut:], start + cut, match.end())]
                break
        else:
            result.append(Token(word, start, match.end()))
    return result


def _is_name(token: Token, first_in_sentence: bool) -> bool:
    """A capitalised word that is not a function word, a month or a day (names, 'Gran', 'Mum')."""
    if not token.text[:1].isupper() or token.low in _FUNCTION_CAPS or token.low in _MONTHS_DAYS:
        return False
    base = token.low[:-2] if token.low.endswith("'s") else token.low
    if first_in_sentence and base not in KIN_WORDS and _lemmas(base) and base not in _CHILD_NOUNS:
        return False  # an ordinary word that starts the sentence ("Professionals", "Everyone")
    return True


def _is_person_word(token: Token, first: bool) -> bool:
    base = token.low[:-2] if token.low.endswith("'s") else token.low
    return _is_name(token, first) or base in KIN_WORDS or base in _CHILD_NOUNS or token.low in _PRONOUNS


def person_mentions(text: str) -> list[tuple[int, str]]:
    """Where ``text`` names someone: names, family words and child words, as ``(position, words)``.

    A name followed by "'s" and another person word ("Kasia's dad") is read as one mention of that other person.

    Examples
    --------
    >>> [m for _, m in person_mentions("Gran is worried that Kasia's dad might hit Leo.")]
    ['Gran', "Kasia's dad", 'Leo']
    """
    toks = tokens(text)
    found: list[tuple[int, str]] = []
    i = 0
    while i < len(toks):
        tok = toks[i]
        first = i == 0 or toks[i - 1].text in _HARD_STOP
        base = tok.low[:-2] if tok.low.endswith("'s") else tok.low
        if tok.low in _PRONOUNS or not _is_person_word(tok, first):
            i += 1
            continue
        j = i
        # titles and multi-word names: "Uncle Dev", "Grandma Ngozi", "Nan Mo"
        while j + 1 < len(toks) and not toks[j].low.endswith("'s") and _is_name(toks[j + 1], False) \
                and toks[j + 1].low not in KIN_WORDS | _CHILD_NOUNS:
            j += 1
        if toks[j].low.endswith("'s") and j + 1 < len(toks):
            # possessive: "Kasia's dad", "Rhiannon's boyfriend Lee", "his mum's partner"
            k = j + 1
            while k < len(toks) and toks[k].low in {"new", "older", "younger", "little", "big", "baby", "step", "own"}:
                k += 1
            if k < len(toks) and (toks[k].low.rstrip("'s") in KIN_WORDS or toks[k].low in _CHILD_NOUNS
                                  or toks[k].low[:-2] in KIN_WORDS):
                j = k
                while j + 1 < len(toks) and _is_name(toks[j + 1], False):
                    j += 1
        del base
        found.append((tok.start, text[tok.start: toks[j].end]))
        i = j + 1
    return found


def _group_at(toks: list[Token], i: int) -> tuple[int, int, dict] | None:
    """Read a verb group starting at token ``i``: returns (first token, main verb token, details) or None."""
    low = toks[i].low
    info = {"modal": "", "negated": low.endswith("n't") or low == "cannot", "tense": "", "passive": False, "chain": []}
    j = i
    if low in _MODALS:
        info["modal"], info["tense"] = _MODALS[low], "modal"
    elif low in _DO:
        info["tense"] = _DO[low]
    elif low in _HAVE:
        info["tense"] = "perfect"
    elif low in _BE:
        info["tense"] = _BE[low]
    else:
        return None

    def skip(k: int) -> int:
        while k < len(toks) and toks[k].low in _ADVERBS:
            if toks[k].low in _NEGATIONS:
                info["negated"] = True
            k += 1
        return k

    j = skip(j + 1)
    if j >= len(toks):
        return None
    word = toks[j]
    if low in _DO and not _verb_lemma(word.low):
        return None
    if low in _BE or low in _HAVE:
        # "is worried", "was taken", "has hit", "had been drinking", "is going to hit"
        if word.low in {"been", "being"}:
            j = skip(j + 1)
            if j >= len(toks):
                return None
            word = toks[j]
            info["passive"] = _is_form(word.low, ("VBN", "VBD")) and not word.low.endswith("ing")
        elif low in _BE:
            info["passive"] = _is_form(word.low, ("VBN", "VBD"))
            if not (info["passive"] or word.low.endswith("ing")):
                return None  # "is an alcoholic", "was alone": a state, not a verb group
        elif not _is_form(word.low, ("VBN", "VBD")):
            return None
    if low in _MODALS and word.low in {"be", "get", "have", "been"}:
        k = skip(j + 1)
        if k < len(toks) and word.low == "have" and toks[k].low == "been":
            k = skip(k + 1)
        if k < len(toks) and (_is_form(toks[k].low, ("VBN", "VBD")) or toks[k].low.endswith("ing")) \
                and _verb_lemma(toks[k].low):
            info["passive"] = not toks[k].low.endswith("ing") and word.low != "have"
            info["chain"].append(word.low)
            j = k
            word = toks[j]
    if not _verb_lemma(word.low) and word.low not in {"be"}:
        return None
    return i, j, info


def _follow_chain(toks: list[Token], j: int, info: dict) -> int:
    """From a catenative verb ("keeps", "fail", "start") move on to the verb it carries ("letting", "protect")."""
    for _ in range(3):
        lemma = _verb_lemma(toks[j].low)
        if lemma not in _CATENATIVE or j + 1 >= len(toks):
            return j
        k = j + 1
        if toks[k].low == "to" and k + 1 < len(toks) and _verb_lemma(toks[k + 1].low) and lemma != "be":
            if lemma in {"fail", "refuse"}:
                info["negated"] = True
            info["chain"].append(toks[j].low)
            j = k + 1
        elif toks[k].low.endswith("ing") and _verb_lemma(toks[k].low) and lemma in {"keep", "start", "begin",
                                                                                       "continue", "stop"}:
            if lemma == "stop":
                info["negated"] = True
            info["chain"].append(toks[j].low)
            j = k
        elif lemma == "carry" and toks[k].low == "on" and k + 1 < len(toks) and toks[k + 1].low.endswith("ing"):
            info["chain"].append("carry on")
            j = k + 1
        else:
            return j
    return j


def _subject(toks: list[Token], i: int, floor: int = 0) -> tuple[int, list[int]]:
    """The subject words (their places) before token ``i``: read backwards to a clause boundary or ``floor``."""
    words: list[int] = []
    k = i - 1
    while k >= floor and len(words) < 8:
        tok = toks[k]
        if tok.text == "," and not words:
            # "Carla, who is thirteen, could be…": step back over the relative clause to its noun
            back = next((w for w in range(k - 1, max(floor, k - 10) - 1, -1)
                         if toks[w].low in {"who", "which"} and w > 0 and toks[w - 1].text == ","), None)
            if back is not None:
                k = back - 2
                continue
        if tok.text in _HARD_STOP or tok.text in {",", "(", ")"}:
            break
        if tok.low in _BOUNDARY:
            if tok.low in {"and", "or"} and words and k > 0:
                before = toks[k - 1]
                first = k - 1 == 0 or toks[k - 2].text in _HARD_STOP
                if _is_person_word(before, first) and not _only_verb(before.low) and before.low not in _PRONOUNS:
                    words.insert(0, k)
                    k -= 1
                    continue
            break
        if _only_verb(tok.low) and not words:
            break
        if tok.low in _ADVERBS:
            if words:
                break
            k -= 1
            continue
        words.insert(0, k)
        k -= 1
    return (words[0] if words else i), words


def _head(places: list[int], toks: list[Token]) -> str:
    """The word of the subject that names who does it: the last name, family word or pronoun, else the last noun."""
    words = [toks[n] for n in places]
    for index in reversed(places):
        tok = toks[index]
        first = index == 0 or toks[index - 1].text in _HARD_STOP
        if tok.low in _SUBJECT_PRONOUNS or (_is_person_word(tok, first) and not tok.low.endswith("'s")):
            return tok.text
    for tok in reversed(words):  # "the social worker", "the older lads from the estate"
        if "NOUN" in _lemmas(tok.low) and not _only_verb(tok.low) and tok.low not in _MONTHS_DAYS:
            return tok.text
    return ""


def verb_groups(text: str) -> tuple[VerbGroup, ...]:
    """Every verb group in ``text``, in order, each with its subject, modal, negation, tense and object words.

    Examples
    --------
    >>> [(g.head, g.phrase, g.tense) for g in verb_groups("Zara would not speak to anyone for two days.")]
    [('Zara', 'would not speak', 'modal')]
    >>> g = verb_groups("Nan is worried that Mum keeps letting Craig back in.")[1]
    >>> (g.head, g.lemma, g.rest)
    ('Mum', 'let', 'Craig back in')
    """
    toks = tokens(text)
    spans: list[tuple[int, int, int, dict]] = []  # (subject start token, aux token, main verb token, info)
    i = 0
    while i < len(toks):
        tok = toks[i]
        found = _group_at(toks, i)
        if found is None and tok.low not in _NOT_SUBJECT and tok.low not in _BOUNDARY and not tok.text[:1].isupper() \
                and _verb_lemma(tok.low) not in {"be", "have", "do"}:
            # a finite verb on its own: "Dad hit Leo", "she covers her ears", "Mum fails to…"
            prev = i - 1
            while prev >= 0 and toks[prev].low in _ADVERBS:
                prev -= 1
            if prev >= 0 and toks[prev].text not in _HARD_STOP and toks[prev].text != ",":
                before = toks[prev]
                first = prev == 0 or toks[prev - 1].text in _HARD_STOP
                subjectish = (before.low in _SUBJECT_PRONOUNS or _is_name(before, first)
                              or (before.low in KIN_WORDS | _CHILD_NOUNS) or before.low.endswith("s") and
                              "NOUN" in _lemmas(before.low) and not _only_verb(before.low))
                if subjectish and before.low not in {"it"} | _NOT_SUBJECT:
                    if _is_form(tok.low, ("VBD", "VBZ")) or (before.low in {"they", "i", "we", "you"}
                                                             and _is_form(tok.low, ("VBP",))):
                        found = (i, i, {"modal": "", "negated": False, "passive": False, "chain": [],
                                        "tense": "past" if _is_form(tok.low, ("VBD",)) else "present"})
        if found is None and spans and i > 0 and toks[i - 1].low in {"and", "but", "now", "still"} \
                and not tok.text[:1].isupper() and _is_form(tok.low, ("VBD", "VBZ")):
            # a second verb sharing the subject: "…has stopped going to football and now hides behind the sofa"
            back = i - 1
            while back >= 0 and toks[back].low in _ADVERBS:
                back -= 1
            if back >= 0 and toks[back].low in {"and", "but"} and spans[-1][2] < back - 1:
                found = (i, i, {"modal": "", "negated": False, "passive": False, "chain": [],
                                "tense": "past" if _is_form(tok.low, ("VBD",)) else "present"})
        if found is None:
            i += 1
            continue
        first, main, info = found
        main = _follow_chain(toks, main, info)
        start, words = _subject(toks, first, spans[-1][2] + 1 if spans else 0)
        info["subject"] = words
        spans.append((start, first, main, info))
        i = main + 1
    groups: list[VerbGroup] = []
    for n, (start, first, main, info) in enumerate(spans):
        places = info["subject"]
        words = [toks[p] for p in places]
        # the object: words after the verb up to the next clause (its subject) or a hard stop
        stop = spans[n + 1][0] if n + 1 < len(spans) else len(toks)
        end = main + 1
        while end < stop and toks[end].text not in _HARD_STOP:
            end += 1
        rest = text[toks[main + 1].start: toks[end - 1].end] if end > main + 1 else ""
        rest = re.sub(r"[\s,]*\b(?:and|or|but|that|and that)$", "", rest.strip(" ,")).strip(" ,")
        verb = toks[main].text
        groups.append(VerbGroup(
            subject=text[words[0].start: words[-1].end] if words else "",
            head=_head(places, toks),
            modal=info["modal"], negated=info["negated"], verb=verb,
            lemma=_verb_lemma(verb.lower()) or verb.lower(), tense=info["tense"], passive=info["passive"],
            rest=rest, start=toks[start].start if words else toks[first].start, end=toks[main].end,
            chain=tuple(info["chain"]), verb_start=toks[first].start,
        ))
    return tuple(groups)


# --------------------------------------------------------------------------- a scenario's people


@dataclass(frozen=True)
class People:
    """The people a statement may name, read from a scenario.

    Attributes
    ----------
    child : str
        The child's name.
    child_pronouns : frozenset of str
        The child's pronouns in lower case ("she", "her", "herself").
    of_worry : tuple of str
        Everyday names of the people whose safety status is a worry ("Ciara", "Nan Mo").
    aliases : dict
        Lower-case name or everyday name → ``("child" | "worry" | "to_explore" | "safe", display name)``.
    """

    child: str = ""
    child_pronouns: frozenset = frozenset()
    of_worry: tuple[str, ...] = ()
    aliases: dict = field(default_factory=dict)

    def who(self, words: str) -> tuple[str, str]:
        """``(status, display name)`` for a mention such as "Nan Mo" or "Zara's dad"; ``("", "")`` when unknown.

        Examples
        --------
        >>> p = People("Zara", frozenset({"she"}), ("Imran",), {"zara": ("child", "Zara"), "imran": ("worry", "Imran"),
        ...            "zara's dad": ("worry", "Imran")})
        >>> p.who("Zara's dad"), p.who("Zara"), p.who("Bob")
        (('worry', 'Imran'), ('child', 'Zara'), ('', ''))
        """
        low = " ".join(words.lower().replace("\u2019", "'").split())
        if low in self.aliases:
            return self.aliases[low]
        if low.endswith("'s") and low[:-2] in self.aliases:
            return self.aliases[low[:-2]]
        parts = low.split()
        for size in range(len(parts), 0, -1):  # the longest known name inside the words
            for begin in range(len(parts) - size, -1, -1):
                piece = " ".join(parts[begin: begin + size])
                if piece in self.aliases and not piece.endswith("'s"):
                    return self.aliases[piece]
        return "", ""


_TITLES = frozenset({"mr", "mrs", "ms", "miss", "dr", "uncle", "aunt", "auntie", "aunty", "cousin", "grandma", "gran",
                     "granny", "grandad", "grandpa", "nan", "nana", "nanna", "nani", "nana", "dada", "dadi", "yiayia",
                     "pappou", "abba", "imam", "pastor", "father", "sister", "brother", "phuphi", "chacha", "mum",
                     "dad", "baba", "mama"})


def _names_for(name: str) -> set[str]:
    """Everyday names a statement may use for a display name: "Maureen Ashworth (Nan Mo)" → Maureen, Nan Mo…"""
    low = " ".join(name.lower().split())
    found = {low}
    inside = re.findall(r"\(([^)]*)\)", low)
    outside = re.sub(r"\([^)]*\)", " ", low).split()
    for part in inside + [" ".join(outside)]:
        words = part.split()
        if not words:
            continue
        found.add(" ".join(words))
        plain = [w for w in words if w not in _TITLES]
        if plain:
            found.add(plain[0])
            if words[0] in _TITLES:
                found.add(f"{words[0]} {plain[0]}")
    return {n for n in found if n}


def everyday_name(name: str) -> str:
    """The name a family would use in a sentence: "Ciara O'Neill" → "Ciara", "Maureen Ashworth (Nan Mo)" → "Nan Mo".

    Examples
    --------
    >>> everyday_name("Ciara O'Neill"), everyday_name("Mum (Donna)"), everyday_name("Uncle Dev")
    ('Ciara', 'Donna', 'Uncle Dev')
    """
    inside = re.findall(r"\(([^)]*)\)", name)
    if inside and inside[0].strip():
        return " ".join(inside[0].split())
    words = name.split()
    if len(words) == 2 and words[0][:1].isupper() and words[1][:1].isupper() and words[0].lower() not in _TITLES:
        return words[0]
    return " ".join(words)


def people_of(scenario) -> People:
    """The child, the people of worry and everyone else in ``scenario``, under every name a statement may use.

    Family words ("Mum", "Dad", "Zara's dad") are added for a person whose name or relationship is that word,
    when only one person has it.

    Examples
    --------
    >>> from fncoach.examples import tiny_scenario
    >>> p = people_of(tiny_scenario())
    >>> p.child, p.who(p.child)[0]
    ('Zoë', 'child')
    """
    child = scenario.child
    aliases: dict[str, tuple[str, str]] = {}
    kin: dict[str, list[tuple[str, str]]] = {}
    for person in scenario.people:
        status = person.safety.status
        entry = (status, person.name)
        for alias in _names_for(person.name):
            aliases.setdefault(alias, entry)
        rel = person.relationship.lower().strip()
        for word in re.findall(r"[a-z]+", rel)[:1] + [w for w in re.findall(r"[a-z]+", person.name.lower())
                                                       if w in KIN_WORDS]:
            if word in KIN_WORDS and (rel == word or word in person.name.lower().split()
                                      or rel in {"mother", "father"} or rel.startswith(word + " (")):
                kin.setdefault(word, []).append(entry)
    for word, entries in kin.items():
        if len({e[1] for e in entries}) == 1:
            aliases.setdefault(word, entries[0])
            aliases.setdefault(f"{child.name.lower()}'s {word}", entries[0])
            aliases.setdefault(f"{'her' if 'she' in child.pronouns else 'his'} {word}", entries[0])
    for alias in _names_for(child.name):
        aliases[alias] = ("child", child.name)
    pronouns = frozenset(p.strip().lower() for p in child.pronouns.split("/"))
    reflexive = {"she": "herself", "he": "himself", "they": "themselves"}
    pronouns |= {reflexive[p] for p in pronouns if p in reflexive}
    of_worry = tuple(everyday_name(p.name) for p in scenario.people if p.safety.status == "worry")
    return People(child.name, pronouns, of_worry, aliases)
