"""Tests for the course widgets and commands: autosave and resume, saving problems, damaged records,
two kernels saving at once, the session (case and name), progress and the portfolio export."""

from __future__ import annotations

import base64
import json
import os
import multiprocessing
from pathlib import Path

import ipywidgets
import pytest

from fncoach import course as course_data
from fncoach.cli import main
from fncoach.record import Record, RecordError
from fncoach.ui import course as ui_course
from fncoach.ui.course import Course, autosave, build_model_answers_panel, build_reflection_panel, scenario_picker
from fncoach.plan import assignments_from_answers
from fncoach.ui.meetings import build_agenda_panel, build_dilemmas_panel, build_virtual_panel
from fncoach.ui.plan import build_drill_panel, build_plan_panel

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def record_path(tmp_path: Path, monkeypatch) -> Path:
    path = tmp_path / "rec" / "record.sqlite3"
    monkeypatch.setenv("FNCOACH_RECORD", str(path))
    monkeypatch.setenv("FNCOACH_LEARNER", "Sam")
    monkeypatch.setattr(ui_course, "_RECORDS", {})
    monkeypatch.delenv("FNCOACH_STRICT_UI", raising=False)  # the notebook tests' strict mode is not for these
    return path


def test_autosave_saves_every_change_and_resumes(record_path: Path):
    panel = build_virtual_panel()
    saver = autosave(panel, exercise="fnm_virtual", scenario_id="general", learner="Sam")
    assert not saver.restored and saver.status.value == ""
    panel.boxes["safe_word"].value = True
    panel.boxes["use_chat"].value = True
    assert Record(record_path).load_answers("Sam", "general", "fnm_virtual") == {"ticked": ["use_chat", "safe_word"]}
    assert "Saved at" in saver.status.value

    # a new kernel opening the same exercise gets the answers back
    ui_course._RECORDS.clear()
    again = build_virtual_panel()
    resumed = autosave(again, exercise="fnm_virtual", scenario_id="general", learner="Sam")
    assert resumed.restored
    assert again.boxes["safe_word"].value and again.boxes["use_chat"].value and not again.boxes["cameras_on"].value
    assert "Welcome back, Sam" in resumed.status.value
    # another learner starts fresh
    other = build_virtual_panel()
    assert not autosave(other, exercise="fnm_virtual", scenario_id="general", learner="Priya").restored
    assert not any(box.value for box in other.boxes.values())


def test_agenda_moves_are_saved_and_restored_in_order(record_path: Path):
    panel = build_agenda_panel(seed=3)
    autosave(panel, exercise="fnm_agenda", scenario_id="general")
    first = panel.order[0]
    panel.listing.value = first
    panel.down.click()
    saved = Record(record_path).load_answers("Sam", "general", "fnm_agenda")["order"]
    assert saved[1] == first and saved == panel.order
    again = build_agenda_panel(seed=3)
    autosave(again, exercise="fnm_agenda", scenario_id="general")
    assert again.order == saved
    assert [v for _, v in again.listing.options] == saved


def test_finished_box_marks_done_and_shows_in_progress(record_path: Path):
    panel = build_dilemmas_panel(("row",))
    saver = autosave(panel, exercise="fnm_dilemmas", scenario_id="general")
    panel.radios["row"].value = "refocus"
    saver.done_box.value = True
    progress = Record(record_path).progress("Sam")
    assert progress.is_done("general", "fnm_dilemmas")
    overview = ui_course.progress_overview("Sam")
    assert "When a meeting gets difficult" in overview.children[1].value and "✓ Done" in overview.children[1].value
    saver.done_box.value = False
    assert not Record(record_path).progress("Sam").is_done("general", "fnm_dilemmas")
    # reopening shows the box as it was left, and restores the choice with its feedback
    again = build_dilemmas_panel(("row",))
    resumed = autosave(again, exercise="fnm_dilemmas", scenario_id="general")
    assert resumed.done_box.value is False and again.radios["row"].value == "refocus"
    assert "A strong choice" in again.feedback["row"].value


def test_saving_problem_is_plain_and_nothing_is_lost(record_path: Path, monkeypatch):
    panel = build_reflection_panel(["What went well?"], "r1")
    saver = autosave(panel, exercise="r1", scenario_id="tiny")

    def refuse(*_args, **_kwargs):
        raise RecordError("Your work could not be saved because the disk is full. Tell your trainer.")

    monkeypatch.setattr(saver.record, "save_answers", refuse)
    panel.boxes["q1"].value = "Asking about dad's side"
    assert "disk is full" in saver.status.value and "Nothing you have done has been lost" in saver.status.value
    assert "Traceback" not in saver.status.value
    assert saver.retry.layout.display != "none"
    assert panel.boxes["q1"].value == "Asking about dad's side"  # still on screen
    monkeypatch.undo()
    monkeypatch.setenv("FNCOACH_RECORD", str(record_path))
    saver.retry.click()
    assert Record(record_path).load_answers("Sam", "tiny", "r1") == {"answers": {"q1": "Asking about dad's side"}}
    assert saver.last_error == "" and saver.retry.layout.display == "none"


def test_answers_that_no_longer_fit_are_kept_not_overwritten(record_path: Path):
    Record(record_path).save_answers("Sam", "general", "fnm_agenda", {"order": ["welcome", "something_old"]})
    panel = build_agenda_panel()
    saver = autosave(panel, exercise="fnm_agenda", scenario_id="general")
    assert not saver.restored
    assert "could not all be put back" in saver.status.value and "still kept" in saver.status.value
    assert Record(record_path).load_answers("Sam", "general", "fnm_agenda") == {"order": ["welcome", "something_old"]}


def test_damaged_record_is_kept_aside_and_learner_told(record_path: Path):
    record_path.parent.mkdir(parents=True)
    record_path.write_bytes(b"this is not a database at all\x00\x01" * 50)
    session = Course("long_term_foster_links", "Sam")
    assert "kept safely" in session.note.value
    kept = list(record_path.parent.glob("record.sqlite3.damaged-*"))
    assert len(kept) == 1 and kept[0].read_bytes().startswith(b"this is not a database")
    area = session.reflection("meetings_reflection")
    saver = session.autosaved("meetings_reflection")
    saver.panel.boxes["principle"].value = "The first one"
    assert Record(record_path).load_answers("Sam", "long_term_foster_links", "meetings_reflection") == {
        "answers": {"principle": "The first one", "prepare": ""}}
    assert area.children[0] is saver.widget


def _kernel_like_writer(path: str, learner: str, exercise: str, count: int) -> None:
    import os

    os.environ["FNCOACH_RECORD"] = path
    from fncoach.ui.course import autosave as wire
    from fncoach.ui.course import build_reflection_panel as build

    panel = build(["Notes"], exercise)
    wire(panel, exercise=exercise, scenario_id="tiny", learner=learner)
    for i in range(count):
        panel.boxes["q1"].value = f"{learner} note {i}"


def test_two_kernels_saving_at_once_lose_nothing(record_path: Path):
    Record(record_path)  # start the record first, as the first notebook opened would
    ctx = multiprocessing.get_context("spawn")
    procs = [ctx.Process(target=_kernel_like_writer, args=(str(record_path), "Sam", name, 60))
             for name in ("card_sort", "scaling")]
    for proc in procs:
        proc.start()
    for proc in procs:
        proc.join(120)
        assert proc.exitcode == 0
    rec = Record(record_path)
    assert rec.load_answers("Sam", "tiny", "card_sort") == {"answers": {"q1": "Sam note 59"}}
    assert rec.load_answers("Sam", "tiny", "scaling") == {"answers": {"q1": "Sam note 59"}}
    assert rec.notice == ""


def test_session_follows_case_and_name(record_path: Path):
    session = Course("long_term_foster_links", "Sam")
    session.reflection("sos_reflection")
    session.autosaved("sos_reflection").panel.boxes["hardest"].value = "Card about the party"
    other = next(v for _, v in session.picker.options if v != "long_term_foster_links")
    session.picker.value = other
    assert session.scenario.meta.id == other
    assert session.autosaved("sos_reflection").panel.boxes["hardest"].value == ""  # another case starts empty
    session.picker.value = "long_term_foster_links"
    assert session.autosaved("sos_reflection").panel.boxes["hardest"].value == "Card about the party"
    assert "Kofi" in session.case.value
    session.name_box.value = "Priya Shah"
    assert session.learner == "Priya Shah"
    assert session.autosaved("sos_reflection").panel.boxes["hardest"].value == ""
    session.name_box.value = "   "
    assert session.learner == "Priya Shah" and "Please type your name" in session.note.value


def test_exercise_build_error_is_a_plain_message(record_path: Path, monkeypatch):
    session = Course("long_term_foster_links", "Sam")

    def broken(_scenario):
        raise ValueError("no cards in this case")

    area = session.exercise(broken, "card_sort")
    text = area.children[0].value
    assert "could not be opened for this case" in text and "no cards in this case" in text
    monkeypatch.setenv("FNCOACH_STRICT_UI", "1")  # what the notebook tests use
    with pytest.raises(ValueError):
        session.exercise(broken, "card_sort")


def test_picker_lists_bundled_cases_and_refuses_a_typo(record_path: Path):
    from fncoach.cases import UnknownCaseError

    stems = {p.stem for p in (ROOT / "scenarios").glob("*.yaml")}
    picker = scenario_picker("")
    assert {v for _, v in picker.options} == stems
    assert picker.value in stems
    assert scenario_picker("long_term_foster_links").value == "long_term_foster_links"
    with pytest.raises(UnknownCaseError, match="Did you mean 'long_term_foster_links'") as error:
        scenario_picker("long_term_foster_link")  # a typo never opens another case without a word
    assert "no_one_fathers_side" in str(error.value)


def test_model_answers_revealed_one_section_at_a_time(tiny):
    panel = build_model_answers_panel(tiny)
    blocks = panel.children[2:]
    assert all(b.layout.display == "none" for b in blocks)
    panel.next_button.click()
    panel.next_button.click()
    assert [b.layout.display for b in blocks[:3]] == ["", "", "none"]
    assert "Sorting the information cards" in blocks[0].value


def test_figure_shows_description_and_alt_text(record_path: Path):
    from fncoach.viz._common import FigureResult, new_figure

    def draw(scenario):
        fig, ax = new_figure(3, 2)
        ax.plot([0, 1], [0, 1])
        return FigureResult(fig, f"A line for {scenario.child.name}.")

    session = Course("long_term_foster_links", "Sam")
    area = session.figure(draw)
    assert "alt='A line for Kofi.'" in area.value and "What the picture shows:</strong> A line for Kofi." in area.value



def test_larger_text_is_remembered_and_draws_figures_larger(record_path: Path):
    from PIL import Image
    import base64
    import io
    import re

    from fncoach.viz._common import FigureResult, new_figure

    def draw(scenario):
        fig, ax = new_figure(3, 2)
        ax.set_title(scenario.child.name)
        return FigureResult(fig, f"A line for {scenario.child.name}.")

    def width(area) -> int:
        data = re.search(r"base64,([^']+)'", area.value).group(1)
        return Image.open(io.BytesIO(base64.b64decode(data))).size[0]

    session = Course("long_term_foster_links", "Sam")
    assert "fncoach-contrast" in session.display.box._dom_classes and not session.display.box.value
    assert "body:has(.fncoach-contrast input:checked)" in session.display.children[1].value
    area = session.figure(draw)
    before = width(area)
    session.display.box.value = True
    assert width(area) >= before * 1.4
    assert Record(record_path).setting("Sam", "display") == "large"
    again = Course("long_term_foster_links", "Sam")  # the next notebook, or a reload
    assert again.display.box.value
    assert width(again.figure(draw)) == width(area)
    someone = Course("long_term_foster_links", "Dana")
    assert not someone.display.box.value  # it is Sam's choice, not everyone's


# ---------------------------------------------------------------------------- commands


def _fill(record_path: Path) -> None:
    rec = Record(record_path)
    rec.save_answers("Sam", "general", "fnm_agenda", {"order": ["welcome", "ground_rules"]})
    rec.mark_complete("Sam", "general", "fnm_agenda")
    rec.save_answers("Sam", "long_term_foster_links", "sos_reflection", {"answers": {"hardest": "The party <card>"}})


def test_progress_command(record_path: Path, capsys):
    _fill(record_path)
    assert main(["progress", "--learner", "Sam", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert (data["started"], data["done"]) == (2, 1)
    assert [e["exercise"] for e in data["exercises"]] == ["fnm_agenda", "sos_reflection"]
    assert main(["progress"]) == 0  # FNCOACH_LEARNER=Sam
    out = capsys.readouterr().out
    assert "Sam has finished 1 of 2 exercises started." in out and "Put the meeting agenda in order" in out


def test_export_command_writes_printable_portfolio(record_path: Path, tmp_path: Path, capsys):
    _fill(record_path)
    out = tmp_path / "portfolio.html"
    assert main(["export", "--learner", "Sam", "-o", str(out)]) == 0
    text = out.read_text(encoding="utf-8")
    assert "Put the meeting agenda in order" in text and course_data.GENERAL_SCENARIO_TITLE in text
    assert "The party &lt;card&gt;" in text and "<script" not in text
    done_only = tmp_path / "done.html"
    assert main(["export", "--learner", "Sam", "--done-only", "-o", str(done_only)]) == 0
    assert "The party" not in done_only.read_text(encoding="utf-8")
    assert main(["export", "-o", str(tmp_path / "x.pdf")]) == 2
    assert main(["export", "--record", str(tmp_path / "missing.sqlite3"), "-o", str(out)]) == 1
    assert "no learner record" in capsys.readouterr().err


@pytest.mark.parametrize("command", ["lab", "app"])
def test_serving_is_local_by_default_and_public_warns(command: str, capsys):
    name = "00" if command == "lab" else "01"
    assert main([command, name, "--print-command", "--no-browser"]) == 0
    cmd = capsys.readouterr().out
    assert "ip=127.0.0.1" in cmd and "0.0.0.0" not in cmd and "token" not in cmd.lower()
    assert main([command, name, "--print-command", "--public"]) == 0
    captured = capsys.readouterr()
    assert "ip=0.0.0.0" in captured.out and "WARNING" in captured.err


def test_lab_opens_start_here_and_app_finds_facilitator(capsys):
    assert main(["lab", "--print-command"]) == 0
    assert "default_url=/lab/tree/00-start-here.ipynb" in capsys.readouterr().out
    assert main(["app", "facilitator", "--print-command"]) == 0
    assert "notebooks/facilitator/session.ipynb" in capsys.readouterr().out
    assert main(["app", "99-nothing", "--print-command"]) == 2


def test_course_notebooks_are_found_and_match_the_generator():
    for nb in (*course_data.NOTEBOOKS, course_data.FACILITATOR_NOTEBOOK):
        path = course_data.notebooks_dir() / nb.filename
        if path.exists():
            assert course_data.notebook_path(nb.stem) == path
    import subprocess
    import sys

    existing = [nb.stem for nb in (*course_data.NOTEBOOKS, course_data.FACILITATOR_NOTEBOOK)
                if (course_data.notebooks_dir() / nb.filename).exists()]
    result = subprocess.run([sys.executable, str(ROOT / "tools" / "make_notebooks.py"), "--check", *existing],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_exercise_follows_the_answers_it_reads_without_a_button(record_path: Path):
    session = Course("long_term_foster_links", "Sam")
    seen = []

    def build(_scenario, assignments=None):
        seen.append(assignments)
        return build_reflection_panel(["Notes"], "drill_notes")

    area = session.exercise(build, "drill_notes",
                            from_saved={"assignments": ("safety_plan", lambda answers: answers["assignments"])})
    assert seen == [None] and "Nothing is saved yet" in area.children[0].value
    session.exercise(lambda scenario: build_plan_panel(scenario), "safety_plan")
    plan_panel = session.autosaved("safety_plan").panel
    first_task = next(iter(plan_panel.primary))
    plan_panel.primary[first_task].value = "nana_pat"  # saved, and the other exercise catches up at once
    assert seen[-1] == [{"task": first_task, "primary": "nana_pat", "backups": []}]
    assert "your latest answers" in area.children[0].value
    assert not any(isinstance(w, ipywidgets.Button) for w in area.children)


def test_drill_uses_the_plan_just_made(record_path: Path):
    """Issue 13: every job given a person, then "Run the drill" straight away drills that plan."""
    session = Course("long_term_foster_links", "Sam")
    session.exercise(build_plan_panel, "safety_plan")
    session.exercise(build_drill_panel, "safety_plan_drill", seed=0,
                     from_saved={"assignments": ("safety_plan", assignments_from_answers)})
    plan_panel = session.autosaved("safety_plan").panel
    people = [value for _label, value in plan_panel.primary[next(iter(plan_panel.primary))].options if value]
    for task_id, box in plan_panel.primary.items():
        box.value = people[0]
    drill = session.autosaved("safety_plan_drill").panel
    assert {a.task for a in drill.plan} == set(plan_panel.primary)
    drill.run_button.click()
    assert drill.last_run.coverage > 0
    assert "Nobody" not in drill.plan_view.value


def _environ(**values: str) -> dict:
    return {key: value for key, value in values.items()}


def test_reload_opens_with_the_learner_their_case_and_answers(record_path: Path):
    lab = _environ()  # JupyterLab: one person's own account; no FNCOACH_LEARNER
    first = Course(environ=lab)
    first.name_box.value = "Dana Carer"
    other_case = next(v for _l, v in first.picker.options if v != first.scenario_id)
    first.picker.value = other_case
    area = first.reflection("start_here_reflection")
    panel = first.autosaved("start_here_reflection").panel
    next(iter(panel.boxes.values())).value = "Learning to find fathers' families"
    first.autosaved("start_here_reflection").done_box.value = True

    ui_course._RECORDS.clear()  # the page is reloaded: a new kernel
    again = Course(environ=lab)
    assert again.name_box.value == "Dana Carer" and again.scenario_id == other_case
    again.reflection("start_here_reflection")
    saver = again.autosaved("start_here_reflection")
    assert next(iter(saver.panel.boxes.values())).value == "Learning to find fathers' families"
    assert saver.done_box.value and "Welcome back, Dana Carer" in saver.status.value
    assert area is not None


def test_app_mode_asks_for_a_name_before_saving_and_names_match_in_any_case(record_path: Path):
    app = _environ(SERVER_SOFTWARE="voila/0.5.13")
    someone = Course(environ=app)
    assert someone.learner is None and someone.name_box.value == "" and "Type your name" in someone.note.value
    someone.reflection("start_here_reflection")
    saver = someone.autosaved("start_here_reflection")
    box = next(iter(saver.panel.boxes.values()))
    box.value = "My first note"
    assert Record(record_path).learners() == () and "Not saved yet" in saver.status.value
    someone.name_box.value = "Dana Carer"
    assert Record(record_path).load_answers("Dana Carer", someone.scenario_id, "start_here_reflection")
    assert box.value == "My first note" and "Saved at" in saver.status.value

    stranger = Course(environ=app)  # another person on the same server gives no name: sees nothing of Dana's
    stranger.reflection("start_here_reflection")
    assert next(iter(stranger.autosaved("start_here_reflection").panel.boxes.values())).value == ""

    back = Course(environ=_environ(SERVER_SOFTWARE="voila/0.5.13", QUERY_STRING="learner=dana++CARER"))
    back.reflection("start_here_reflection")
    assert next(iter(back.autosaved("start_here_reflection").panel.boxes.values())).value == "My first note"


def test_where_work_is_saved_shows_no_machinery():
    text = ui_course.where_work_is_saved()
    assert "/" not in text and "FNCOACH" not in text and "fncoach " not in text


def test_portfolio_is_a_download_button(record_path: Path):
    session = Course(environ=_environ(SERVER_SOFTWARE="voila/0.5.13", QUERY_STRING="learner=Sam"))
    box = session.portfolio()
    session.reflection("start_here_reflection")
    next(iter(session.autosaved("start_here_reflection").panel.boxes.values())).value = "Hope"
    link = box.children[0].value
    assert "download=" in link and "data:text/html;base64," in link
    page = base64.b64decode(link.split("base64,")[1].split("'")[0]).decode()
    assert "Hope" in page


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="only meaningful when run as root")
def test_lab_refuses_root_without_allow_root(capsys):
    assert main(["lab", "--no-browser"]) == 2
    assert "root user" in capsys.readouterr().err
    assert main(["lab", "--print-command", "--allow-root"]) == 0
    assert "--allow-root" in capsys.readouterr().out


def test_app_serves_the_whole_course_and_keeps_the_trainers_notebook_out_of_the_list():
    from fncoach.cli.course_cmds import app_command, app_url

    folder = str(course_data.notebooks_dir().resolve())
    cmd = app_command(course_data.notebook_path("03"), port=8866, open_browser=False)
    assert cmd[3] == folder and "--ContentsManager.hide_globs=facilitator" in cmd
    assert app_url(course_data.notebook_path("03"), 8866).endswith("/voila/render/03-sos-mapping.ipynb")
    trainer = app_command(course_data.notebook_path("facilitator"), port=8866, open_browser=False)
    assert trainer[3].endswith("facilitator/session.ipynb") and not any("hide_globs" in a for a in trainer)


def test_jupyterlab_asks_no_news_question():
    from fncoach.cli.course_cmds import _LAB_SETTINGS, lab_command

    cmd = lab_command(course_data.notebook_path("00"), open_browser=False)
    assert f"--LabApp.app_settings_dir={_LAB_SETTINGS}" in cmd
    overrides = json.loads((_LAB_SETTINGS / "overrides.json").read_text(encoding="utf-8"))
    assert overrides["@jupyterlab/apputils-extension:notification"]["fetchNews"] == "false"


def test_the_case_list_reads_only_meta_and_child_and_gets_them_right_for_every_bundled_case():
    import yaml

    from fncoach.cases import case_files
    from fncoach.ui.course import scenario_choices, top_sections

    for path in case_files().values():
        text = path.read_text(encoding="utf-8")
        whole = yaml.safe_load(text)
        quick = yaml.safe_load(top_sections(text, ("meta", "child")))
        assert set(quick) == {"meta", "child"}, path.name
        assert (quick["meta"], quick["child"]) == (whole["meta"], whole["child"]), path.name
    labels = dict((value, label) for label, value in scenario_choices())
    assert labels["long_term_foster_links"].startswith("Kofi, 10: ")


def test_a_case_the_quick_look_cannot_follow_is_still_listed_by_its_title(tmp_path):
    from fncoach.ui.course import scenario_choices

    (tmp_path / "flow.yaml").write_text('{"meta": {"title": "All on one line"}, "child": {"name": "Ana", "age": 6}}\n',
                                        encoding="utf-8")
    (tmp_path / "broken.yaml").write_text("meta: [\n", encoding="utf-8")
    assert sorted(scenario_choices(tmp_path)) == [("Ana, 6: All on one line", "flow"),
                                                  ("broken (has a problem — see fncoach validate)", "broken")]


def test_progress_table_shows_an_exercise_finished_as_soon_as_it_is_ticked(record_path: Path):
    session = Course(environ=_environ(FNCOACH_LEARNER="Sam"))
    table = session.progress()
    session.reflection("start_here_reflection")
    saver = session.autosaved("start_here_reflection")
    next(iter(saver.panel.boxes.values())).value = "Asking about dad's side"
    assert "Started" in table.children[1].value and "✓ Done" not in table.children[1].value
    saver.done_box.value = True  # no other save follows: the table must catch up with the tick itself
    assert "✓ Done" in table.children[1].value and "finished 1 of" in table.children[1].value
    saver.done_box.value = False
    assert "✓ Done" not in table.children[1].value


def test_hub_config_points_learners_servers_at_the_course_template_and_the_plain_contents_manager():
    import subprocess
    import sys
    from types import SimpleNamespace

    from fncoach.cli.course_cmds import VOILA_TEMPLATE

    result = subprocess.run([sys.executable, "-m", "fncoach", "hub-config", "--json"], capture_output=True, text=True,
                            timeout=120)
    assert result.returncode == 0, result.stderr
    env = json.loads(result.stdout)
    assert (Path(env["JUPYTER_PATH"]) / "voila" / "templates" / VOILA_TEMPLATE / "index.html.j2").is_file()
    settings = json.loads((Path(env["JUPYTER_CONFIG_PATH"]) / "jupyter_server_config.json").read_text())
    manager = settings["ServerApp"]["contents_manager_class"]
    assert manager.rsplit(".", 1)[1] == "LargeFileManager"  # not the Async one Voilà 0.5 cannot draw 00 with
    assert settings["VoilaConfiguration"]["template"] == VOILA_TEMPLATE
    # the text form is Python a hub's configuration can run as it is
    text = subprocess.run([sys.executable, "-m", "fncoach", "hub-config"], capture_output=True, text=True,
                          timeout=120).stdout
    c = SimpleNamespace(Spawner=SimpleNamespace(environment={"KEEP": "1"}))
    exec(compile(text, "fncoach.py", "exec"), {"c": c})
    assert c.Spawner.environment == {"KEEP": "1", **env}
