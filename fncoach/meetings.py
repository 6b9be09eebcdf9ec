"""Family Network Meetings: what the course teaches about them, and the checks behind its exercises.

The content of notebook 01 in one place, as plain data, with pure functions
that mark a learner's answers:

- :data:`PRINCIPLES` — the four principles of Family Networking;
- :data:`PREPARATION_STEPS` and :func:`check_preparation` — getting the child,
  the family and network, and other agencies ready (who is each step for?);
- :data:`AGENDA` and :func:`check_agenda_order` — the running order of a
  meeting, with the reason behind each step;
- :data:`PRIVATE_FAMILY_TIME` — what it is and how it works;
- :data:`VIRTUAL_PRACTICES` and :func:`check_virtual_choices` — keeping a
  meeting by phone or video safe;
- :data:`DILEMMAS` and :func:`check_dilemma` — what to do when a meeting gets
  difficult, with feedback on every option; :func:`check_dilemmas` sums up
  once every situation has an answer.

No widgets here: the course's panels show this content and call these checks.

Examples
--------
>>> check_agenda_order([item.id for item in AGENDA]).correct
True
>>> check_dilemma("unsafe_person", "explore").level
'good'
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, Mapping, Sequence

__all__ = [
    "Principle",
    "PrepStep",
    "AgendaItem",
    "Practice",
    "Option",
    "Dilemma",
    "Feedback",
    "PRINCIPLES",
    "AUDIENCES",
    "PREPARATION_STEPS",
    "AGENDA",
    "AGENDA_REASONS",
    "PRIVATE_FAMILY_TIME",
    "VIRTUAL_PRACTICES",
    "DILEMMAS",
    "FACILITATION_TIPS",
    "check_agenda_order",
    "check_preparation",
    "check_virtual_choices",
    "check_dilemma",
    "check_dilemmas",
    "dilemma",
    "shuffled_agenda",
]


@dataclass(frozen=True)
class Principle:
    """One of the four principles, with what it means in practice."""

    title: str
    meaning: str


@dataclass(frozen=True)
class PrepStep:
    """A preparation step and who it is for: ``child``, ``family`` (parents and network) or ``agencies``."""

    id: str
    text: str
    audience: str
    why: str


@dataclass(frozen=True)
class AgendaItem:
    """One part of a Family Network Meeting, in the order it happens."""

    id: str
    title: str
    what_happens: str


@dataclass(frozen=True)
class Practice:
    """Something a facilitator might do for a meeting held by phone or video, and whether it is safe."""

    id: str
    text: str
    safe: bool
    why: str


@dataclass(frozen=True)
class Option:
    """One possible response to a dilemma, how good it is (``best``, ``ok`` or ``poor``) and why."""

    id: str
    text: str
    quality: str
    feedback: str


@dataclass(frozen=True)
class Dilemma:
    """A hard moment in a meeting, the question to the learner and the options."""

    id: str
    title: str
    situation: str
    question: str
    options: tuple[Option, ...]
    key_point: str


@dataclass(frozen=True)
class Feedback:
    """The result of a check: how many were right, a level for the message box and what to say.

    ``level`` is one of ``good``, ``info`` or ``warn`` (the words carry the meaning; colour only repeats it).
    """

    correct: bool
    score: int
    out_of: int
    level: str
    messages: tuple[str, ...]

    @property
    def text(self) -> str:
        """All the messages as one block of text, one per line."""
        return "\n".join(self.messages)


# ---------------------------------------------------------------------------- the four principles

PRINCIPLES: tuple[Principle, ...] = (
    Principle(
        "Every child and every parent has a network, and we can find it if we try",
        "Nobody has no one. When someone says 'there is nobody', keep asking gentle questions about places, "
        "times and people, and ask the people you do find who else should be here.",
    ),
    Principle(
        "The network is part of the planning and the decisions",
        "Family and friends are not told a plan made by workers: they help to make it, and the plan is theirs.",
    ),
    Principle(
        "Real connection gives a child belonging and a sense of who they are",
        "Knowing where you come from, and having people who know you, helps a child feel they belong — "
        "wherever they live.",
    ),
    Principle(
        "Lasting connection to family and network matters more than anything else for how children get on",
        "Workers come and go; the people in a child's network can stay for life. Keeping those links alive is "
        "the most important thing we can do.",
    ),
)

# ---------------------------------------------------------------------------- preparing for the meeting

AUDIENCES: Mapping[str, str] = {
    "child": "the child or young person",
    "family": "parents, carers and the network",
    "agencies": "other agencies (school, health and so on)",
}

PREPARATION_STEPS: tuple[PrepStep, ...] = (
    PrepStep("consent_pr", "Check that whoever holds parental responsibility agrees before you talk to them about the meeting.",
             "child", "A parent or carer with parental responsibility must agree before a worker contacts their child "
             "about the meeting — and they can say no to the child being there."),
    PrepStep("child_understands", "Ask what they already know about the meeting, and explain it in a way that suits their age.",
             "child", "Children often hear part of the story. Start from what they know, then fill the gaps honestly."),
    PrepStep("who_is_coming", "Tell them who is coming and ask how they feel about each person being there.",
             "child", "The child's views about who comes are shared with everyone before planning starts."),
    PrepStep("want_to_attend", "Ask whether they want to come, for part or all of it, or have someone share their views.",
             "child", "Taking part can mean being there, sending a letter or drawing, or a trusted adult speaking for them."),
    PrepStep("explain_worry", "Phone to introduce yourself and explain the worry and the goal in plain words.",
             "family", "People can only help with a worry they understand; no surprises on the day."),
    PrepStep("explore_network", "Ask who else is important and who might have been missed.",
             "family", "Each person you find usually knows others: the network grows by asking."),
    PrepStep("needs", "Ask about interpreters, reading, hearing or other needs.",
             "family", "Everyone should be able to follow and take part, in their own language."),
    PrepStep("safe_word", "For a phone or video meeting, agree a safe word they can use if they are worried.",
             "family", "You cannot see who else is in someone's room; a safe word lets them tell you quietly."),
    PrepStep("day_before", "Ring the day before to check the meeting still suits them and nothing has changed.",
             "family", "A quick call catches changes and shows people they matter."),
    PrepStep("views_if_absent", "If they cannot come, ask for their views and whether you may share them at the meeting.",
             "agencies", "Their information still reaches the network, with their agreement."),
    PrepStep("dial_in", "Tell them they will be dialled in if they are not on the same video system.",
             "agencies", "Dialling people in keeps everyone's contact details private."),
    PrepStep("no_one_else_in_room", "Remind them that nobody who was not invited should be in the room with them.",
             "agencies", "Workers keep the meeting confidential too, not just families."),
)

# ---------------------------------------------------------------------------- the agenda

AGENDA: tuple[AgendaItem, ...] = (
    AgendaItem("welcome", "Welcome, introductions and apologies",
               "Everyone says who they are and how they know the child; apologies from anyone who could not come."),
    AgendaItem("ground_rules", "Agree how we will work together (ground rules)",
               "The network suggests its own ground rules, such as 'one person speaks at a time'."),
    AgendaItem("purpose", "Why we are here",
               "The purpose of the meeting: to make a plan, with the network, that keeps the child safe and connected."),
    AgendaItem("information", "Workers share information, including the child's views",
               "The worries, what is working well, and what the child has said — shared before anyone starts planning."),
    AgendaItem("questions", "Questions from the network",
               "The network asks anything it needs to understand before it plans."),
    AgendaItem("private_time", "Private Family Time",
               "Workers leave so the family and network can talk and make their plan on their own."),
    AgendaItem("plan", "The network's plan, with backups",
               "Workers come back; the network shares its plan, including what happens if someone cannot do their part."),
    AgendaItem("what_next", "What next",
               "Who will tell the child about the plan and how, who else gets a copy, and the date of the review meeting."),
)

#: Why each step of the agenda comes before the next one (keyed by the pair of ids).
AGENDA_REASONS: Mapping[tuple[str, str], str] = {
    ("welcome", "ground_rules"): "Start with welcome and introductions: people need to know who is in the meeting "
    "before they agree how to work together.",
    ("ground_rules", "purpose"): "Agree the ground rules early, before anything hard is said, so there is something "
    "to come back to if feelings run high.",
    ("purpose", "information"): "Say why everyone is here before workers share their worries.",
    ("information", "questions"): "The network can only ask about what it has heard, so the information comes first.",
    ("questions", "private_time"): "Questions are answered while the workers are still there; during Private Family "
    "Time they have left.",
    ("private_time", "plan"): "The network makes its plan in Private Family Time; after that the workers come back "
    "to hear it and check the backups.",
    ("plan", "what_next"): "Finish with what next — who tells the child, who gets a copy and when to review — "
    "once there is a plan to talk about.",
}


def shuffled_agenda(seed: int = 0) -> tuple[str, ...]:
    """The agenda ids in a mixed-up order for the ordering exercise (never already correct).

    Examples
    --------
    >>> sorted(shuffled_agenda(1)) == sorted(item.id for item in AGENDA)
    True
    >>> shuffled_agenda(1) != tuple(item.id for item in AGENDA)
    True
    """
    import random

    ids = [item.id for item in AGENDA]
    rng = random.Random(seed)
    order = ids[:]
    while order == ids:
        rng.shuffle(order)
    return tuple(order)


def check_agenda_order(order: Sequence[str]) -> Feedback:
    """Mark a learner's running order for a Family Network Meeting.

    Every neighbouring pair of the model agenda (welcome before ground rules,
    and so on) is a rule; each rule the learner's order breaks gives its reason.

    Parameters
    ----------
    order : sequence of str
        The agenda ids (see :data:`AGENDA`) in the learner's order. Each id once.

    Returns
    -------
    Feedback
        ``score`` is how many items sit in their right place (out of 8).

    Examples
    --------
    >>> feedback = check_agenda_order(["welcome", "ground_rules", "purpose", "information",
    ...                                "private_time", "questions", "plan", "what_next"])
    >>> feedback.correct, feedback.score
    (False, 6)
    >>> print(feedback.messages[1])
    Questions are answered while the workers are still there; during Private Family Time they have left.
    """
    ids = [item.id for item in AGENDA]
    titles = {item.id: item.title for item in AGENDA}
    order = [str(x) for x in order]
    unknown = [x for x in order if x not in titles]
    missing = [x for x in ids if x not in order]
    repeated = sorted({x for x in order if order.count(x) > 1})
    if unknown or missing or repeated:
        problems = []
        if missing:
            problems.append("These parts are missing: " + ", ".join(titles[x] for x in missing) + ".")
        if repeated:
            problems.append("These parts appear more than once: " + ", ".join(titles.get(x, x) for x in repeated) + ".")
        if unknown:
            problems.append("These are not parts of the agenda: " + ", ".join(unknown) + ".")
        return Feedback(False, 0, len(ids), "warn", tuple(problems) + ("Put each part in once, then check again.",))
    in_place = sum(1 for a, b in zip(order, ids) if a == b)
    if order == ids:
        return Feedback(True, in_place, len(ids), "good", (
            "That is the running order used in Family Network Meetings.",
            "Notice that the child's views are shared before the network plans, and that Private Family Time "
            "comes before the plan is confirmed.",
        ))
    position = {x: i for i, x in enumerate(order)}
    broken = [AGENDA_REASONS[(a, b)] for a, b in zip(ids, ids[1:]) if position[a] > position[b]]
    if position["welcome"] != 0 and AGENDA_REASONS[("welcome", "ground_rules")] not in broken:
        broken.insert(0, "The meeting opens with welcome and introductions.")
    if position["what_next"] != len(ids) - 1 and AGENDA_REASONS[("plan", "what_next")] not in broken:
        broken.append("The meeting closes with what next.")
    return Feedback(False, in_place, len(ids), "warn",
                    (f"{in_place} of {len(ids)} parts are in the right place. Have another look:",) + tuple(broken))


def check_preparation(answers: Mapping[str, str]) -> Feedback:
    """Mark who each preparation step is for (``child``, ``family`` or ``agencies``).

    Unanswered steps count as not yet right and are named.

    Examples
    --------
    >>> feedback = check_preparation({"consent_pr": "child", "dial_in": "family"})
    >>> feedback.score, feedback.out_of
    (1, 12)
    """
    right = 0
    messages: list[str] = []
    blank = 0
    for step in PREPARATION_STEPS:
        given = answers.get(step.id)
        if given == step.audience:
            right += 1
        elif not given:
            blank += 1
        else:
            messages.append(f"'{step.text}' — this is for {AUDIENCES[step.audience]}. {step.why}")
    total = len(PREPARATION_STEPS)
    if right == total:
        return Feedback(True, right, total, "good", (f"All {total} right.",
                        "Preparing the child comes first: their views go to the meeting before anyone plans."))
    head = f"{right} of {total} right."
    if blank:
        head += f" {blank} still to choose."
    return Feedback(False, right, total, "warn" if messages else "info", (head, *messages))


# ---------------------------------------------------------------------------- Private Family Time

PRIVATE_FAMILY_TIME: tuple[str, ...] = (
    "Part of the meeting when the workers leave, so the family and network can talk freely and make their own plan.",
    "It is offered and explained, not forced; it is most useful when several network members are there.",
    "In a video or phone meeting, the other workers hang up. The facilitator can look in now and then — agree a "
    "time first, for example after 15 minutes — and the family can ask for advice at any point.",
    "When the network is ready, the facilitator invites the workers back to hear the plan and check its backups.",
)

# ---------------------------------------------------------------------------- meetings by phone or video

VIRTUAL_PRACTICES: tuple[Practice, ...] = (
    Practice("workers_invite_only", "Send the video-call invitation only to the workers involved.", True,
             "Invitations show everyone's details; keep them to workers."),
    Practice("dial_in_network", "Dial family and network members in by phone from the meeting.", True,
             "Dialled-in people cannot see anyone else's phone number or email address."),
    Practice("invite_everyone", "Email the video-call link to the whole network so they can join easily.", False,
             "Everyone on the invitation could see each other's contact details — a risk if someone is not safe."),
    Practice("use_chat", "Use the chat box so quieter people can type their thoughts.", False,
             "Chat is not used at all: everyone can read it, it is kept, and it can be asked for later. "
             "Bring quieter people in by asking them directly."),
    Practice("safe_word", "Agree a safe word in advance that someone can say if they feel unsafe.", True,
             "You cannot see who else is in someone's room."),
    Practice("no_uninvited", "Ask everyone to make sure no one who was not invited is in the room with them.", True,
             "It keeps the meeting confidential and people free to speak."),
    Practice("charge_phones", "Remind people to charge their phones and have a pen and paper ready.", True,
             "Losing someone half-way through the plan is avoidable."),
    Practice("record_for_absent", "Record the call so people who missed it can watch it later.", False,
             "Recording a family's private conversation is not part of the model; the written plan is shared instead."),
    Practice("cameras_on", "Insist that everyone keeps their camera on the whole time.", False,
             "People may choose how they are seen; many find it easier to take part this way. Safety comes from the "
             "safe word and the ground rules, not from forcing cameras on."),
)


def check_virtual_choices(chosen: Iterable[str]) -> Feedback:
    """Mark which practices a learner ticked as safe for a meeting by phone or video.

    Each practice counts as right when it is ticked and safe, or left unticked and not safe.

    Examples
    --------
    >>> safe = [p.id for p in VIRTUAL_PRACTICES if p.safe]
    >>> check_virtual_choices(safe).correct
    True
    >>> check_virtual_choices(safe + ["use_chat"]).score
    8
    >>> check_virtual_choices([]).messages
    ('Tick the ways of working you would use first, then check.',)
    """
    chosen_set = set(chosen)
    total = len(VIRTUAL_PRACTICES)
    if not chosen_set:  # nothing tried yet: no answers given away
        return Feedback(False, 0, total, "info", ("Tick the ways of working you would use first, then check.",))
    known = {p.id for p in VIRTUAL_PRACTICES}
    unknown = sorted(chosen_set - known)
    right = 0
    messages: list[str] = []
    for practice in VIRTUAL_PRACTICES:
        ticked = practice.id in chosen_set
        if ticked == practice.safe:
            right += 1
        elif ticked:
            messages.append(f"Not safe: '{practice.text}' {practice.why}")
        else:
            messages.append(f"Missed: '{practice.text}' This is one of the safety rules. {practice.why}")
    if unknown:
        messages.append("Not recognised: " + ", ".join(unknown) + ".")
    total = len(VIRTUAL_PRACTICES)
    if right == total and not unknown:
        return Feedback(True, right, total, "good", (f"All {total} right.",
                        "Invitations for workers only, the network dialled in, no chat, a safe word, nobody uninvited "
                        "in the room, phones charged."))
    return Feedback(False, right, total, "warn", (f"{right} of {total} right.", *messages))


# ---------------------------------------------------------------------------- when it gets difficult

FACILITATION_TIPS: tuple[str, ...] = (
    "Notice how the group is getting on, not only what is being said.",
    "Bring quieter people in by name, gently.",
    "Respect every view, even ones you do not share.",
    "Check often that people have understood.",
    "Help the network end up with a plan it can really carry out.",
    "If it gets hard: remind people of the ground rules they set, bring the focus back to the child, or take a break.",
)

DILEMMAS: tuple[Dilemma, ...] = (
    Dilemma(
        "unsafe_person",
        "Someone the network sees as unsafe",
        "In the meeting, the child's aunt says firmly that the child's uncle is not safe and must not be involved. "
        "In preparation, the child told you they miss their uncle and want to see him.",
        "What do you do?",
        (
            Option("rule_out", "Agree with the aunt and remove the uncle from the plan straight away.", "poor",
                   "People can be ruled out too early. The network's worry matters, but so does the child's wish; "
                   "neither is explored if you simply close the door."),
            Option("child_decides", "Tell the network the child's wishes come first, so the uncle should be included.",
                   "poor", "The child's welfare comes first, which is not always the same as their wishes. Brushing "
                   "the aunt's worry aside could put the child at risk and lose the network's trust."),
            Option("explore", "Thank the aunt, share the child's wish, and explore together what the worry is, what "
                   "safety there is or could be, and what would need to happen.", "best",
                   "Yes. Use the three questions — what are we worried about, what is working well, what needs to "
                   "happen. Networks usually know more about risk than workers do. If some things cannot happen, "
                   "the child is helped to understand why (for example with words and pictures), and it is reviewed."),
            Option("later", "Say it is too sensitive for this meeting and move on.", "ok",
                   "Sometimes a separate conversation is wiser, but it must happen and be planned now — who, when and "
                   "how the child will hear about it — or the child's wish is quietly dropped."),
        ),
        "The child's welfare is paramount; explore the worry and the wish together, explain decisions to the child, "
        "and keep it under review.",
    ),
    Dilemma(
        "dominating",
        "One voice takes over",
        "The child's grandfather keeps talking over everyone. The child's mum and older cousin have stopped trying "
        "to speak.",
        "What is the most helpful thing to do?",
        (
            Option("let_run", "Let him finish: he clearly cares and will run out of steam.", "poor",
                   "Others are already shutting down; the plan will end up as one person's plan."),
            Option("ground_rules_bring_in", "Thank him, remind everyone of the ground rule about one voice at a time, "
                   "and ask the mum and cousin by name what they think.", "best",
                   "Yes. The ground rules belong to the group, so using them is fair, and bringing in quieter "
                   "people by name is a core part of facilitating."),
            Option("tell_off", "Tell him in front of everyone that he is being rude.", "poor",
                   "Shaming someone tends to make the meeting harder and may lose a committed member of the network."),
            Option("break", "Suggest a short break and have a quiet word with him.", "ok",
                   "A break can help if the rules are not enough; on its own it does not bring the quieter voices in."),
        ),
        "Use the ground rules the network set, and bring quieter voices in by name.",
    ),
    Dilemma(
        "row",
        "An argument starts",
        "Mum and her sister begin arguing about something that happened years ago. Voices are raised.",
        "What do you do first?",
        (
            Option("refocus", "Pause, remind them of the ground rules, and bring the focus back to the child: "
                   "'What does the child need from you both right now?'", "best",
                   "Yes. Ground rules and the child are the two anchors. If it does not settle, take a break; if "
                   "people are being abusive, stop the meeting and arrange it again."),
            Option("take_sides", "Work out who is right so you can settle it.", "poor",
                   "The meeting is not the place to judge old family disputes, and taking sides loses half the network."),
            Option("end_now", "End the meeting immediately.", "ok",
                   "Ending is sometimes needed if people are abusive, but try the ground rules, refocusing and a "
                   "break first — the network may settle and still make a plan."),
            Option("ignore", "Carry on with the agenda and hope they stop.", "poor",
                   "Others will feel unsafe and stop contributing."),
        ),
        "Remind of the ground rules, refocus on the child, take a break; stop and rearrange only if needed.",
    ),
    Dilemma(
        "no_one",
        "'There is no one'",
        "A 15-year-old tells you there is no point having a meeting because there is no one who cares about him.",
        "What is the best response?",
        (
            Option("accept", "Respect his view and plan without a network.", "poor",
                   "Every child has a network and it can be found if we try. Without one, safety cannot be built or kept."),
            Option("ask_questions", "Take time with questions about people and places — birthdays, old addresses, "
                   "schools, clubs, his dad's side, who he misses — and ask the people you find who else to invite.",
                   "best", "Yes. Children often forget people, or need time. Each person found usually knows others."),
            Option("invite_all", "Invite every relative on the file without asking him.", "poor",
                   "His views about who comes matter and are shared before planning; surprising him will not help."),
        ),
        "Keep asking, in many ways, and give the child time; ask each person found who else should be there.",
    ),
    Dilemma(
        "stay_for_pft",
        "'Can you stay?' in Private Family Time",
        "When you explain Private Family Time, the grandmother says: 'Can't you just stay and tell us what to write?'",
        "How do you respond?",
        (
            Option("stay_write", "Stay and write the plan for them so it is done properly.", "poor",
                   "Then it is the workers' plan, not the network's, and it is less likely to be carried out."),
            Option("explain_offer", "Explain that the plan works best when it is theirs; agree when you will look back "
                   "in (say 15 minutes) and that they can call you back for advice at any time.", "best",
                   "Yes. Private Family Time is offered, explained and supported — not imposed, and not taken over."),
            Option("skip", "Skip Private Family Time; they clearly do not want it.", "ok",
                   "It is offered, not forced; but first make sure they understand what it is for and that help is "
                   "close by. Many families who are unsure at first find it useful."),
        ),
        "The plan belongs to the network; support them to make it, do not make it for them.",
    ),
    Dilemma(
        "safe_word",
        "The safe word on a phone meeting",
        "During a meeting by phone, a network member uses the safe word you agreed, then goes quiet.",
        "What do you do?",
        (
            Option("carry_on", "Carry on; they will say more if it is serious.", "poor",
                   "The safe word exists because they may not be able to say more."),
            Option("check_privately", "Pause the meeting calmly and contact them separately, as agreed in "
                   "preparation, to check they are safe; act on what you hear.", "best",
                   "Yes. You cannot see who is in their room. Follow what was agreed, and follow your safeguarding "
                   "procedures if there is a risk."),
            Option("ask_openly", "Ask them in front of everyone what is wrong.", "poor",
                   "If someone in their room or on the call is the problem, asking openly could put them at risk."),
        ),
        "A safe word means act quietly and quickly, as agreed in preparation.",
    ),
)


def dilemma(dilemma_id: str) -> Dilemma:
    """The dilemma with this id (raises ``KeyError`` with the known ids if there is none)."""
    for item in DILEMMAS:
        if item.id == dilemma_id:
            return item
    raise KeyError(f"no dilemma {dilemma_id!r}; known: {', '.join(d.id for d in DILEMMAS)}")


def check_dilemma(dilemma_id: str, option_id: str) -> Feedback:
    """Feedback on one chosen option of a dilemma.

    ``best`` options give a ``good`` message, ``ok`` options an ``info`` one that says what is missing,
    ``poor`` options a ``warn`` one; every message ends with the key point.

    Examples
    --------
    >>> fb = check_dilemma("row", "take_sides")
    >>> fb.correct, fb.level
    (False, 'warn')
    """
    item = dilemma(dilemma_id)
    for option in item.options:
        if option.id == option_id:
            score = {"best": 2, "ok": 1, "poor": 0}[option.quality]
            level = {"best": "good", "ok": "info", "poor": "warn"}[option.quality]
            opener = {"best": "A strong choice.", "ok": "Partly.", "poor": "Think again."}[option.quality]
            return Feedback(option.quality == "best", score, 2, level,
                            (opener, option.feedback, f"Key point: {item.key_point}"))
    raise KeyError(f"dilemma {dilemma_id!r} has no option {option_id!r}")


def check_dilemmas(choices: Mapping[str, str | None], dilemma_ids: Sequence[str]) -> Feedback | None:
    """The summing-up once a response is chosen for every dilemma shown; ``None`` while some are unanswered.

    Parameters
    ----------
    choices : mapping
        Dilemma id → chosen option id (``None`` or ``""`` for no choice yet).
    dilemma_ids : sequence of str
        The dilemmas shown to the learner.

    Returns
    -------
    Feedback or None
        ``score`` counts the strongest responses chosen, out of the number of dilemmas; ``good`` when
        all are the strongest, otherwise ``info``.

    Examples
    --------
    >>> check_dilemmas({"row": "refocus"}, ["row", "no_one"]) is None
    True
    >>> fb = check_dilemmas({"row": "refocus", "no_one": "accept"}, ["row", "no_one"])
    >>> fb.score, fb.out_of, fb.level
    (1, 2, 'info')
    >>> print(fb.text)
    You have chosen a response for all 2 situations; 1 of them are the strongest response. Read the key point ...
    """
    ids = list(dict.fromkeys(dilemma_ids))
    answered = {d: choices[d] for d in ids if choices.get(d)}
    if len(answered) < len(ids):
        return None
    best = sum(check_dilemma(d, o).correct for d, o in answered.items())
    return Feedback(best == len(ids), best, len(ids), "good" if best == len(ids) else "info",
                    (f"You have chosen a response for all {len(ids)} situations; {best} of them are the "
                     "strongest response. Read the key point under each one.",))
