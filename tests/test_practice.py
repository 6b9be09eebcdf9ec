"""Practice rules for scenario authors: review timing and closing numbers (fncoach.practice)."""

import pytest

from fncoach.examples import example_scenario
from fncoach.model import Meeting, ScaleScore
from fncoach.practice import closing_warnings, duration_weeks, review_answer_warnings, timing_warnings


def _with_meetings(*extra: Meeting, drill_days: int | None = None, ten_means: str | None = None):
    s = example_scenario()
    update = {"meetings": s.meetings + tuple(extra)}
    if drill_days is not None:
        update["drills"] = s.drills.model_copy(update={"days": drill_days})
    if ten_means is not None:
        from fncoach.model import Scaling

        scaling = Scaling(ten_means=ten_means, perspectives=(ScaleScore(who="gran", score=5, reason="Early days."),))
        update["sos"] = s.sos.model_copy(update={"scaling": scaling})
    return s.model_copy(update=update)


def _review(week: int) -> Meeting:
    return Meeting(id=f"r{week}", kind="review", week=week, title=f"Review in week {week}")


def _final(week: int, *scores: int, note: str = "") -> Meeting:
    people = ["gran", "dev", "sw"]
    return Meeting(id="end", kind="final", week=week, title="Closing meeting", closing_note=note,
                   scores=tuple(ScaleScore(who=people[i], score=n, reason="Because.") for i, n in enumerate(scores)))


@pytest.mark.parametrize("week, flagged", [(4, False), (5, True), (2, False)])
def test_first_review_within_four_weeks(week, flagged):
    rules = [w.rule for w in timing_warnings(_with_meetings(_review(week), _review(12)))]
    assert ("first_review" in rules) is flagged


def test_only_the_first_review_counts():
    # a later review in week 12 is fine once the first is in week 3
    assert timing_warnings(_with_meetings(_review(3), _review(12), drill_days=21)) == []


def test_first_review_warning_points_at_its_week():
    warning = timing_warnings(_with_meetings(_review(6)))[0]
    assert warning.path == ("meetings", 1, "week")
    assert "week 6" in warning.message and "28 days" in warning.message


@pytest.mark.parametrize("days, flagged", [(28, False), (29, True)])
def test_drill_is_not_longer_than_the_time_to_the_first_review(days, flagged):
    rules = [w.rule for w in timing_warnings(_with_meetings(_review(4), drill_days=days))]
    assert ("drill_period" in rules) is flagged


def test_drill_shorter_review_shortens_the_drill_limit():
    warnings = timing_warnings(_with_meetings(_review(2), drill_days=21))
    assert [w.rule for w in warnings] == ["drill_period"]
    assert "14 days" in warnings[0].message


@pytest.mark.parametrize("scores, flagged", [((9, 10, 9), False), ((9, 8, 10), True)])
def test_case_closes_at_or_near_ten(scores, flagged):
    rules = [w.rule for w in closing_warnings(_with_meetings(_final(30, *scores)))]
    assert ("closing_number" in rules) is flagged


def test_closing_warning_names_who_is_below_nine():
    warning = closing_warnings(_with_meetings(_final(30, 9, 7)))[0]
    assert "Dev 7" in warning.message and "Gran" not in warning.message


def test_a_closing_note_explains_a_lower_number():
    assert closing_warnings(_with_meetings(_final(10, 7, 7, note="Trusted at 7: the risk left is Dev's health."),
                                           ten_means="The plan has held for six months.")) == []


@pytest.mark.parametrize("week, flagged", [(25, True), (26, False)])
def test_case_does_not_close_before_its_own_ten_has_held(week, flagged):
    s = _with_meetings(_final(week, 9, 9, 9), ten_means="Sam is safe at night and this has held for six months.")
    assert ("closing_too_soon" in [w.rule for w in closing_warnings(s)]) is flagged


def test_no_final_meeting_means_no_closing_rule():
    assert closing_warnings(_with_meetings(_review(4))) == []


@pytest.mark.parametrize("text, weeks", [("for 8 weeks", 8), ("three months", 13), ("six months or a year", 52),
                                         ("an afternoon", None)])
def test_duration_weeks(text, weeks):
    assert duration_weeks(text) == weeks


# --------------------------------------------------------------------------- fncoach validate --practice

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _validate(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "fncoach", "validate", "--practice", *args], capture_output=True,
                          text=True, cwd=ROOT, timeout=300)


def test_every_bundled_case_keeps_the_practice_rules():
    result = _validate("scenarios/", "--json")
    assert result.returncode == 0, result.stderr
    files = json.loads(result.stdout)["files"]
    assert len(files) >= 8 and all(f["valid"] for f in files)
    assert {f["file"]: f["warnings"] for f in files if f["warnings"]} == {}


def _copy_with(tmp_path, name: str, old: str, new: str) -> Path:
    text = (ROOT / "scenarios" / f"{name}.yaml").read_text(encoding="utf-8")
    assert old in text
    target = tmp_path / f"{name}.yaml"
    target.write_text(text.replace(old, new, 1), encoding="utf-8")
    return target


def test_a_blaming_model_worry_is_a_warning_with_its_line(tmp_path):
    from fncoach.scenario import load_scenario

    case = load_scenario(ROOT / "scenarios" / "pre_proceedings_fgdm.yaml")
    first = case.sos.worry_statements[0]
    blaming = ("Sinéad is worried that Ioana might not protect Daria from Andrei when he comes back, as happened "
               "in March, and Daria could be hurt and frightened.")
    path = _copy_with(tmp_path, "pre_proceedings_fgdm", first.text.split()[0] + " " + first.text.split()[1],
                      "PLACEHOLDER_START")
    text = path.read_text(encoding="utf-8")
    # replace the whole first worry statement's text with a blaming one (keep YAML valid by quoting)
    start = text.index("PLACEHOLDER_START")
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.index("\n", start)
    indent = text[line_start:start]
    following = line_end
    while True:  # a folded scalar may continue on more-indented lines
        nxt = text.find("\n", following + 1)
        line = text[following + 1: nxt if nxt != -1 else len(text)]
        if line.startswith(" " * (len(indent) + 1)) and ":" not in line.split()[0]:
            following = nxt
            continue
        break
    prefix = indent if indent.strip() else indent
    text = text[:line_start] + prefix + json.dumps(blaming, ensure_ascii=False) + text[following:]
    path.write_text(text, encoding="utf-8")
    result = _validate(str(path))
    warning = next(line for line in result.stdout.splitlines() if "warning:" in line)
    assert re.search(r"pre_proceedings_fgdm\.yaml:\d+:\d+: sos\.worry_statements: the worry statement '\w+' \(the 1st "
                     r"worry statement\), text: the model worry statement", warning), warning
    assert "1 practice warning." in result.stdout and result.returncode == 0


def test_a_model_plan_that_gives_a_job_to_a_person_of_worry_is_a_warning(tmp_path):
    from fncoach.scenario import load_scenario

    case = load_scenario(ROOT / "scenarios" / "care_leaver_adult_network.yaml")
    gp = next(a for a in case.plan.model_plan if a.task == "t_gp")
    path = _copy_with(tmp_path, "care_leaver_adult_network", f"primary: {gp.primary}", "primary: jordan")
    result = _validate(str(path), "--json")
    warnings = json.loads(result.stdout)["files"][0]["warnings"]
    assert any(w["path"].startswith("plan.model_plan[") and w["field"].startswith("plan.model_plan: the entry for")
               and "Jordan" in w["message"] for w in warnings), warnings
    assert all(w["line"] > 0 for w in warnings)


def test_without_practice_there_are_no_warnings(tmp_path):
    path = _copy_with(tmp_path, "no_one_fathers_side", "kind: review\n    week: 4", "kind: review\n    week: 6")
    plain = subprocess.run([sys.executable, "-m", "fncoach", "validate", str(path)], capture_output=True, text=True,
                           cwd=ROOT, timeout=300)
    assert "warning" not in plain.stdout
    practice = _validate(str(path))
    assert "first review is in week 6" in practice.stdout


# --------------------------------------------------------------------------- authoring checks (issue 15)

from fncoach.examples import tiny_scenario  # noqa: E402
from fncoach.model import Assignment, SafetyGoal, Statement, Task, TaskTime, Tie  # noqa: E402
from fncoach.practice import (  # noqa: E402
    authoring_warnings, date_warnings, duplicate_tie_warnings, file_name_warnings, is_drama_number,
    model_plan_warnings, phone_warnings, spoiler_warnings, worry_goal_warnings,
)


def _tiny(**sections):
    s = tiny_scenario()
    update = {}
    for dotted, value in sections.items():
        section, _, field = dotted.partition("__")
        if field:
            update[section] = getattr(update.get(section) or s, section).model_copy(update={field: value}) \
                if section not in update else update[section].model_copy(update={field: value})
        else:
            update[section] = value
    return s.model_copy(update=update)


def test_the_tiny_case_has_only_its_known_model_plan_slips():
    rules = {w.rule for w in authoring_warnings(tiny_scenario(), "tiny.yaml")}
    assert rules == {"model_plan_not_free", "model_plan_cannot_do"}


def test_a_duplicate_tie_is_found_in_either_order():
    s = tiny_scenario()
    again = Tie(a="gran", b="zoe", quality="strong")
    warnings = duplicate_tie_warnings(_tiny(ties=s.ties + (again,)))
    assert [(w.path, w.rule) for w in warnings] == [(("ties", len(s.ties)), "duplicate_tie")]
    assert "ties 2 and 9" in warnings[0].message
    # a tie between two *other* people is not a duplicate
    assert duplicate_tie_warnings(_tiny(ties=s.ties + (Tie(a="gran", b="uncle_dev"),))) == []


def test_a_fourth_worry_without_a_goal_is_named():
    s = tiny_scenario()
    worries = s.sos.worry_statements + tuple(
        Statement(id=f"w{n}", text=f"Amara is worried that Ciara might leave Zoë alone at night number {n}.")
        for n in (2, 3, 4))
    goals = s.sos.safety_goals + tuple(SafetyGoal(id=f"g{n}", worry=f"w{n}", text="A sober adult is with Zoë every "
                                                  "evening, seen by Gran for three months.") for n in (2, 3))
    warnings = worry_goal_warnings(_tiny(sos__worry_statements=worries, sos__safety_goals=goals))
    assert [w.path for w in warnings] == [("sos", "worry_statements", 3)]
    assert "'w4'" in warnings[0].message and "worry: w4" in warnings[0].hint


@pytest.mark.parametrize("date, flagged", [("2026-01-05", False), ("2026-02-01", False), ("2026-02-02", True),
                                           ("2026-01-04", True), ("2027-03-06", True)])
def test_task_dates_inside_the_drill_period(date, flagged):
    import datetime

    s = tiny_scenario()  # drill: 28 days from Monday 5 January 2026, so the last day is 1 February
    task = s.plan.tasks[0]
    dated = task.model_copy(update={"when": task.when.model_copy(update={"dates": (datetime.date.fromisoformat(date),)})})
    warnings = date_warnings(_tiny(plan__tasks=(dated,) + s.plan.tasks[1:]))
    assert bool(warnings) is flagged
    if flagged:
        assert warnings[0].path == ("plan", "tasks", 0, "when", "dates", 0)
        assert "2026-01-05 to 2026-02-01" in warnings[0].hint


def test_a_drill_event_after_the_last_day():
    s = tiny_scenario()
    late = s.drills.events[0].model_copy(update={"from_day": 27, "to_day": 35})
    warnings = date_warnings(_tiny(drills__events=(late,)))
    assert [(w.path, w.rule) for w in warnings] == [(("drills", "events", 0, "to_day"), "event_outside_drill")]


@pytest.mark.parametrize("file_name, flagged", [("scenarios/tiny.yaml", False), ("tiny.yml", False),
                                                ("young_carer_ms.yaml", True), ("Tiny.yaml", True)])
def test_meta_id_matches_the_file_name(file_name, flagged):
    warnings = file_name_warnings(tiny_scenario(), file_name)
    assert bool(warnings) is flagged
    if flagged:
        assert warnings[0].path == ("meta", "id")


@pytest.mark.parametrize("number, drama", [("07700 900000", True), ("07700 900999", True), ("07700900123", True),
                                           ("+44 7700 900456", True), ("07700 901000", False),
                                           ("07912 345678", False), ("020 7946 0000", False)])
def test_drama_numbers(number, drama):
    assert is_drama_number(number) is drama


def test_a_real_looking_phone_number_is_found_wherever_it_is_written():
    s = tiny_scenario()
    gran = s.people[1].model_copy(update={"contact": "07912 345678", "notes": "Landline 0113 496 0000 or 07700 900102."})
    warnings = phone_warnings(_tiny(people=(s.people[0], gran) + s.people[2:]))
    assert [(w.path, w.rule) for w in warnings] == [(("people", 1, "contact"), "real_phone_number"),
                                                    (("people", 1, "notes"), "real_phone_number")]
    assert "'07912 345678'" in warnings[0].message and "07700 900000 to 07700 900999" in warnings[0].hint


def test_years_and_ages_are_not_phone_numbers():
    s = tiny_scenario()
    gran = s.people[1].model_copy(update={"notes": "Born 1961, moved in 2019; ring 07700 900102 after 6pm."})
    assert phone_warnings(_tiny(people=(s.people[0], gran) + s.people[2:])) == []


def test_a_discussion_question_naming_someone_not_yet_found_is_a_spoiler():
    s = _tiny(discussion_questions=("Who else might Zoë want at the meeting?",
                                    "How could the workers have found Niamh sooner?"))
    warnings = spoiler_warnings(s)
    assert [(w.path, w.rule) for w in warnings] == [(("discussion_questions", 1), "spoiler")]
    assert "discussion question 2" in warnings[0].message and "Niamh Byrne" in warnings[0].message


def test_spoilers_in_the_summary_and_known_peoples_notes_but_not_in_facilitator_notes():
    s = tiny_scenario()
    gran = s.people[1].model_copy(update={"notes": "Talks to her daughter Niamh in Dublin every week."})
    spoiled = _tiny(meta__summary="Zoë's aunt Niamh Byrne in Dublin has not been asked yet.",
                    people=(s.people[0], gran) + s.people[2:],
                    facilitator__notes=("Niamh is the person to find.",))
    assert [w.path for w in spoiler_warnings(spoiled)] == [("meta", "summary"), ("people", 1, "notes")]
    # once Niamh is known, naming her is fine
    niamh = s.people[4].model_copy(update={"not_yet_known": None})
    assert spoiler_warnings(spoiled.model_copy(update={"people": spoiled.people[:4] + (niamh,)})) == []


def _with_task(task: Task, primary: str = "gran", backups=("uncle_dev",)):
    s = tiny_scenario()
    return _tiny(plan__tasks=s.plan.tasks + (task,),
                 plan__model_plan=s.plan.model_plan + (Assignment(task=task.id, primary=primary, backups=backups),))


def _evenings(on_call: bool) -> Task:
    every_day = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
    return Task(id="t_evenings", title="Evening cover", kind="visit", on_call=on_call, requires=("home_visits",),
                when=TaskTime(weekly=every_day, start="16:00", end="21:00"))


def test_a_model_plan_booking_35_hours_a_week_is_flagged():
    s = _with_task(_evenings(on_call=False))
    hours = [w for w in model_plan_warnings(s) if w.rule == "model_plan_hours"]
    assert len(hours) == 1 and "'Evening cover' (35 h)" in hours[0].message
    assert hours[0].path == ("plan", "model_plan", 0, "primary")
    assert "on_call" in hours[0].hint


def test_an_on_call_window_is_not_counted_as_hours_worked():
    s = _with_task(_evenings(on_call=True))
    assert "model_plan_hours" not in {w.rule for w in model_plan_warnings(s)}


def test_a_model_plan_person_who_cannot_do_the_job_or_is_not_free():
    task = Task(id="t_drive", title="Drive to swimming", kind="transport", requires=("drive",),
                when=TaskTime(weekly=("sat",), start="08:00", end="09:00"))
    warnings = [(w.path, w.rule) for w in model_plan_warnings(_with_task(task, "gran", ("uncle_dev",)))]
    assert (("plan", "model_plan", 2, "primary"), "model_plan_cannot_do") in warnings  # Gran does not drive
    assert (("plan", "model_plan", 2, "backups", 0), "model_plan_not_free") in warnings  # Dev is free from 09:00


def test_review_answers_need_a_gap_to_spot_and_an_answer_that_understands():
    s = example_scenario()
    assert review_answer_warnings(s) == []
    answers = s.review_answers
    assert "no review_answers" in review_answer_warnings(s.model_copy(update={"review_answers": ()}))[0].message
    sound = tuple(a.model_copy(update={"gap": ""}) for a in answers)
    assert "no review answer is marked" in review_answer_warnings(s.model_copy(update={"review_answers": sound}))[0].message
    gaps = tuple(a.model_copy(update={"gap": "Misses the point."}) for a in answers)
    assert "every review answer" in review_answer_warnings(s.model_copy(update={"review_answers": gaps}))[0].message
