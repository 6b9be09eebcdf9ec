"""Write the course notebooks in ``notebooks/`` from one place (rerun after changing any of them).

Usage::

    python tools/make_notebooks.py            # write every notebook
    python tools/make_notebooks.py 00 01      # only these (by number or stem)
    python tools/make_notebooks.py --check    # exit 1 if a committed notebook differs from what this writes

Each notebook gets the same header (title, learning goals, how to use it, a
papermill ``parameters`` cell, the case picker) and footer (where next), from
:data:`fncoach.course.NOTEBOOKS`. Cells whose output nbval compares are marked
with the cell tag ``nbval-check-output``; the script runs the
notebook once (with a throw-away learner record) and stores the outputs of
those cells only. (The tag alone marks them, so learners never see a testing comment.) Every other cell is saved without output.
"""

from __future__ import annotations

import argparse
import copy
import os
import sys
import tempfile
from pathlib import Path

import nbformat
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from fncoach.course import DEFAULT_SCENARIO, FACILITATOR_NOTEBOOK, NOTEBOOKS, Notebook  # noqa: E402

OUT = ROOT / "notebooks"
#: Pictures for the notebooks (a JupyterLab screenshot taken with Chromium when the course was built).
PICTURES = Path(__file__).resolve().parent / "pictures"
CHECK_TAG = "nbval-check-output"
BY_STEM = {nb.stem: nb for nb in (*NOTEBOOKS, FACILITATOR_NOTEBOOK)}


# ---------------------------------------------------------------------------- cell helpers


def md(text: str, pictures: tuple[str, ...] = ()):
    """A markdown cell; ``pictures`` are files in ``tools/pictures`` embedded as cell attachments."""
    cell = new_markdown_cell(text.strip("\n"))
    if pictures:
        import base64

        cell["attachments"] = {name: {"image/png": base64.b64encode((PICTURES / name).read_bytes()).decode("ascii")}
                               for name in pictures}
    return cell


def code(text: str, *, tags: tuple[str, ...] = (), hide: bool = False):
    cell = new_code_cell(text.strip("\n"))
    if tags:
        cell.metadata["tags"] = list(tags)
    if hide:
        cell.metadata.setdefault("jupyter", {})["source_hidden"] = True
    return cell


def checked(text: str):
    """A cell whose printed output nbval compares with the stored one."""
    return code(text, tags=(CHECK_TAG,))


def header(nb: Notebook, minutes: int, intro: str, *, ask_name: bool = True) -> list:
    number = nb.stem.split("/")[-1][:2]
    title = nb.title if not number.isdigit() else f"{number} · {nb.title}"
    goals = "\n".join(f"- {goal}" for goal in nb.goals)
    cells = [
        md(f"# {title}\n\n{intro.strip()}\n\n**By the end of this notebook you will be able to:**\n\n{goals}\n\n"
           f"*About {minutes} minutes. Your answers are saved as you go, so you can stop and come back.*"),
        md("<small>**How to use this page:** if you see grey boxes of code, click in the first one and press "
           "<kbd>Shift</kbd> + <kbd>Enter</kbd> (or the ▶ button at the top) to run each in turn — you never need "
           "to read or change the code. In app mode everything is already running: just use the buttons and "
           "boxes.</small>"),
        code(f'# Settings: your trainer may change these before the session.\n'
             f'scenario = "{DEFAULT_SCENARIO}"  # the case to start with\n'
             f'learner = ""  # your name; leave empty to use your login name', tags=("parameters",)),
    ]
    return cells


def footer(next_stem: str | None, extra: str = "") -> list:
    links = []
    if next_stem:
        nxt = BY_STEM[next_stem]
        links.append(f"**Next:** [{next_stem[:2]} · {nxt.title}]({next_stem}.ipynb)")
    links.append("[Back to the start](00-start-here.ipynb)")
    return [md(("" if not extra else extra.strip() + "\n\n") + " · ".join(links))]


def case_header(ask_name: bool = True) -> list:
    call = "Course(scenario, learner)" if ask_name else "Course(scenario, learner, ask_name=False)"
    what = ("Type your name (so your work is saved under it) and choose a case. "
            "Everything below follows the case you choose." if ask_name
            else "Choose the case for this session. Everything below follows it.")
    return [md(f"## Your case\n\n{what}"), code(f"course = {call}\ncourse.header")]


# ---------------------------------------------------------------------------- the notebooks


def nb00() -> list:
    nb = BY_STEM["00-start-here"]
    cells = header(nb, 15, """
Welcome. This short course is about **Family Networking**: finding the people who matter to a child, bringing
them together in Family Network Meetings, and helping them make — and test — their own plan to keep the child
safe and connected. It is for foster carers and social workers. Every case in it is made up.""")
    cells += [
        code("from fncoach.course import course_outline\n"
             "from fncoach.ui.course import Course, where_work_is_saved", hide=True),
        md("## What is in the course\n\nSeven short notebooks. Do them in order the first time; each takes 20 to "
           "40 minutes. You can stop at any point: your answers are saved as you go."),
        checked("print(course_outline())"),
        md(pictures=("jupyterlab-notebook.png",), text="""
## How to use a notebook

A notebook is a page made of **cells**. Some cells are writing, like this one. Others hold a little code that
makes the exercises appear. You never need to read or change the code. This is what the top of this page
looks like in JupyterLab:

![The top of this notebook in JupyterLab: a row of small buttons along the top (save, add, cut, copy, paste, the
run button shaped like a triangle, stop, restart, and run-all shaped like a double triangle), then the title
cell '00 · Start here' with a blue bar on its left showing it is selected, and below it a grey code
cell.](attachment:jupyterlab-notebook.png)

*The selected cell has a blue bar on its left. The ▶ button in the row along the top runs it.*

<table>
<tr><td style="font-size:1.6em">▶</td><td><strong>To run a cell:</strong> click it, then press
<kbd>Shift</kbd> + <kbd>Enter</kbd>, or the ▶ button at the top of the page. The next cell is then selected, so
keep pressing <kbd>Shift</kbd> + <kbd>Enter</kbd> to work down the page.</td></tr>
<tr><td style="font-size:1.6em">▶▶</td><td><strong>To run everything at once:</strong> use the menu
<em>Run → Run All Cells</em>.</td></tr>
<tr><td style="font-size:1.6em">[*]</td><td>A star beside a cell means it is still working. Wait for it to turn
into a number.</td></tr>
<tr><td style="font-size:1.6em">☐</td><td><strong>Buttons, boxes and lists</strong> are how you answer. Click,
type or choose; your answer is saved straight away. A line under each exercise says <em>Saved at …</em>.</td></tr>
<tr><td style="font-size:1.6em">↻</td><td><strong>If something looks stuck</strong>, use <em>Kernel → Restart
Kernel and Run All Cells</em>. Your saved answers come back.</td></tr>
</table>

If your trainer gave you a link that opens a page with no code at all, you are in **app mode**: everything is
already running and you only use the buttons and boxes.
"""),
    ]
    cells += case_header()
    cells += [
        md("## Where your work is saved\n\nEvery answer is saved on this computer (or your course server) as soon as "
           "you make it, under your name and the case. Come back any time: your answers will be waiting."),
        code("print(where_work_is_saved())"),
        md("## Try it\n\nHere is a first box to type in. Write a sentence or two, then click outside the box: "
           "you will see *Saved at …* underneath. Tick *I have finished this exercise* when you are happy."),
        code('course.reflection("start_here_reflection")'),
        md("## Your progress\n\nThis table shows what you have started and finished. Press the button to bring it "
           "up to date."),
        code("course.progress()"),
        md("""
## Your portfolio

When you have finished, your trainer can print a **portfolio** of your answers, with dates, as evidence for
your training standards or continuing professional development (CPD) — or you can make it yourself with the
command `fncoach export -o my-portfolio.html`.
"""),
    ]
    return cells + footer("01-principles-and-meetings")


def nb01() -> list:
    nb = BY_STEM["01-principles-and-meetings"]
    cells = header(nb, 40, """
Family Networking rests on four principles. This notebook turns them into practice: getting everyone ready for a
**Family Network Meeting**, running it in the right order, keeping it safe when people join by phone or video,
and what to do when it gets difficult.""")
    cells += [
        code("from fncoach.ui.course import Course\n"
             "from fncoach.ui.meetings import (build_agenda_panel, build_dilemmas_panel, build_preparation_panel,\n"
             "                                 build_virtual_panel, facilitation_tips_html, principles_text,\n"
             "                                 private_family_time_html)\n"
             "from fncoach.course import meeting_lines\n"
             "from IPython.display import HTML", hide=True),
    ]
    cells += case_header()
    cells += [
        md("## The four principles\n\nRead them slowly. Everything else in the course comes back to these."),
        checked("print(principles_text())"),
        md("## Getting ready for the meeting\n\nA good meeting is mostly preparation. The child is prepared first, so "
           "their views can be shared before anyone starts planning. Then the parents and network, then other "
           "agencies."),
        code('course.exercise(build_preparation_panel, "fnm_preparation", per_case=False)'),
        md("## The running order\n\nEvery Family Network Meeting follows the same order. Each part makes the next "
           "one possible."),
        code('course.exercise(build_agenda_panel, "fnm_agenda", per_case=False)'),
        md("## Private Family Time\n\nThe heart of the meeting. Workers step out so the family and network can make "
           "their own plan."),
        code("HTML(private_family_time_html())"),
        md("## Meetings by phone or video\n\nMany meetings now happen online, or with some people on the phone — "
           "for example family abroad. You cannot see who else is in someone's room, so some extra rules keep "
           "everyone safe."),
        code('course.exercise(build_virtual_panel, "fnm_virtual", per_case=False)'),
        md("## When it gets difficult\n\nMeetings can be emotional. A facilitator keeps an eye on how the group is "
           "getting on:"),
        code("HTML(facilitation_tips_html())"),
        md("Now choose what you would do in each of these moments. You get feedback as soon as you choose; you can "
           "change your mind."),
        code('course.exercise(build_dilemmas_panel, "fnm_dilemmas", per_case=False)'),
        md("## Meetings in your case\n\nIn the case you chose, these meetings happen over time. Notice who joins, who "
           "steps back, and who facilitates later on."),
        code('course.html(lambda case: "<br>".join(meeting_lines(case)))'),
        md("## Looking back"),
        code('course.reflection("meetings_reflection")'),
    ]
    return cells + footer("02-build-a-network")


def nb02() -> list:
    nb = BY_STEM["02-build-a-network"]
    cells = header(nb, 40, """
*Every child has a network, and it can be found if we try.* Here you find the people around the child — including
the ones nobody has asked about yet — and draw them as an **eco-map**: the child in the middle, people placed by
how close they are, and lines that show what each relationship is like.""")
    cells += [
        code("from fncoach.finding import known_network\n"
             "from fncoach.ui.course import Course\n"
             "from fncoach.ui.network import build_finding_panel, build_network_builder_panel\n"
             "from fncoach.viz.ecomap import draw_ecomap", hide=True),
    ]
    cells += case_header()
    cells += [
        md("## The network workers know about\n\nThis is the eco-map of the people the workers know about so far "
           "(the people still to be found are left out until you find them below). "
           "Shapes and colours show where each person belongs (household, family, friends, school, community, "
           "professionals); the style of each line shows the relationship. A description is written under the "
           "picture."),
        code("course.figure(draw_ecomap, via=known_network)"),
        md("## Finding the people who are missing\n\nChildren and parents often say *there is no one*, or forget "
           "people. Ask questions — about birthdays, places lived, dad's side of the family, school, faith and "
           "community — and see who you find."),
        code('course.exercise(build_finding_panel, "finding_the_network")'),
        md("## Build the network yourself\n\nAdd the people you found, say how close they are and what they can "
           "help with. The eco-map redraws as you go."),
        code('course.exercise(build_network_builder_panel, "network_builder")'),
        md("## Looking back"),
        code('course.reflection("network_reflection")'),
    ]
    return cells + footer("03-sos-mapping")


def nb03() -> list:
    nb = BY_STEM["03-sos-mapping"]
    cells = header(nb, 40, """
**SOS mapping** (Signs of Safety) asks three questions: *What are we worried about? What is working well? What
needs to happen?* Here you sort what is known about the case, write worries and goals in plain words, use the
safety scale, and listen to the child through the **Three Houses**.""")
    cells += [
        code("from fncoach.ui.course import Course\n"
             "from fncoach.ui.sos import (build_card_sort_panel, build_scaling_panel, build_statement_panel,\n"
             "                            build_three_houses_panel)", hide=True),
    ]
    cells += case_header()
    cells += [
        md("## Sort the information\n\nPut each card in the column where it belongs: **harm** (what has already "
           "happened), **danger** (what we worry could happen), **complicating factors** (things that make it "
           "harder but are not harm), **strengths** and **existing safety** (protection that has actually been "
           "shown, over time)."),
        code('course.exercise(build_card_sort_panel, "sos_card_sort")'),
        md("## Write it in plain words\n\nA worry statement says *who* is worried, *what an adult might do*, and "
           "*what it would mean for the child* if nothing changes — no labels or jargon. A safety goal says what "
           "people *will be doing*."),
        code('course.exercise(build_statement_panel, "sos_statements")'),
        md("## The safety scale\n\nIn a meeting, each person gives their own number before hearing anyone "
           "else's. Here you do the same, then see how the family, the network and the workers scored it."),
        code('course.exercise(build_scaling_panel, "sos_scaling")'),
        md("## The child's voice: the Three Houses\n\nThe house of worries, the house of good things and the house "
           "of dreams, in the child's own words. Read them, then note what you would want the network to "
           "hear from the child."),
        code('course.exercise(build_three_houses_panel, "sos_three_houses")'),
        md("## Looking back"),
        code('course.reflection("sos_reflection")'),
    ]
    return cells + footer("04-safety-plan-and-drills")


def nb04() -> list:
    nb = BY_STEM["04-safety-plan-and-drills"]
    cells = header(nb, 40, """
The **family safety plan** is the network's own plan: who does what, when, if the worry happens — and who steps
in if that person cannot. Here you give each job to someone, then *drill* the plan over the four weeks to the
first review: what if Gran is on holiday, or someone is ill?""")
    cells += [
        code("from fncoach.ui.course import Course\n"
             "from fncoach.ui.plan import build_drill_panel, build_plan_panel\n"
             "from fncoach.plan import assignments_from_answers", hide=True),
    ]
    cells += case_header()
    cells += [
        md("## Who does what\n\nFor each job, choose a main person and at least one backup, then check the plan: "
           "are they free at that time, near enough, able to do it, and safe for it? Someone the workers are "
           "worried about is never given a job, as main person or as a backup. A foster carer is a carer, not a "
           "professional who steps back, and can be a lasting relationship for the child; a placement can end, "
           "though, so give their jobs a backup from the wider network too."),
        code('course.exercise(build_plan_panel, "safety_plan")'),
        md("## Drill the plan\n\nRun the four weeks to the first review. Some people will be away or ill, as in real "
           "life. The drill uses the plan you made above. See which jobs would be missed, then go back and "
           "strengthen the plan."),
        code('course.exercise(build_drill_panel, "safety_plan_drill", seed=0,\n'
             '                from_saved={"assignments": ("safety_plan", assignments_from_answers)})'),
        md("## Looking back"),
        code('course.reflection("plan_reflection")'),
    ]
    return cells + footer("05-network-strength-what-ifs")


def nb05() -> list:
    nb = BY_STEM["05-network-strength-what-ifs"]
    cells = header(nb, 30, """
How strong is this network? The summary below is a **teaching aid, not a verdict**: it is made of parts you can
see and question — who gives each kind of support, how many people know each other, where one person holds
everything up. Then try changes and see what they do.""")
    cells += [
        code("from fncoach.ui.course import Course\n"
             "from fncoach.ui.network import build_whatif_panel\n"
             "from fncoach.strength import analyse_strength\n"
             "from fncoach.viz.strength import draw_strength", hide=True),
    ]
    cells += case_header()
    cells += [
        md("## How strong is the network now?\n\nEach bar is one part of the summary, with the reason under the "
           "picture. Look for the shortest bars: they suggest the next question to ask."),
        code("course.figure(draw_strength, via=analyse_strength)"),
        md("## What if…?\n\nAdd someone, remove someone, or change a relationship, and see what happens to each "
           "part — and why."),
        code('course.exercise(build_whatif_panel, "what_if")'),
        md("## Looking back"),
        code('course.reflection("strength_reflection")'),
    ]
    return cells + footer("06-review-and-handover")


def nb06() -> list:
    nb = BY_STEM["06-review-and-handover"]
    cells = header(nb, 35, """
The plan is only the start. Within **four weeks** the network meets again to review it: *What have you done? How
has it been managed? How do you know it is working?* Over time the plan is tested, a member of the network takes
over facilitating, and professionals step back.""")
    cells += [
        code("from fncoach.ui.course import Course\n"
             "from fncoach.ui.plan import build_review_panel\n"
             "from fncoach.plan import assignments_from_answers\n"
             "from fncoach.course import meeting_lines\n"
             "from fncoach.viz.sos import draw_scale_history\n"
             "from fncoach.viz.timeline import draw_timeline", hide=True),
    ]
    cells += case_header()
    cells += [
        md("## The case over time\n\nThe meetings in this case: who joined the network, who stepped back, and who "
           "facilitated."),
        code('course.html(lambda case: "<br>".join(meeting_lines(case)))'),
        md("How the network changed from meeting to meeting: its size, who joined and who stepped back, and its "
           "strength."),
        code("course.figure(draw_timeline)"),
        md("Everyone gives their safety-scale number again at every meeting, so the numbers build up a history. "
           "Each line is one person; the description under the picture says what changed."),
        code("course.figure(draw_scale_history)"),
        md("## The four-week review\n\nLook at the evidence the network has kept — diaries, texts, call logs — and "
           "prepare the review questions."),
        code('course.exercise(build_review_panel, "safety_plan_review", seed=0,\n'
             '                from_saved={"assignments": ("safety_plan", assignments_from_answers)})'),
        md("""
## Testing the plan and handing over

- **Test the plan** step by step: contact supervised by the network, then overnight stays, then the network
  stepping in on its own when something goes wrong.
- **Hand over facilitation**: a member of the network who is trusted by everyone runs the next meeting, with the
  worker there to support at first.
- **One plan** per network: written down in the network's own words, with a *Words and Pictures* version for the
  child, and shared with everyone who took part.
- **Professionals step back** when everyone's safety-scale numbers — including the child's — say the network can
  keep the child safe without them. Foster carers are not among them: they are carers, and often a lasting, even
  lifelong, relationship for the child.
"""),
        md("## Looking back"),
        code('course.reflection("handover_reflection")'),
    ]
    return cells + footer(None, "**You have reached the end of the course.** Well done. Go back to the start to "
                                "see your progress, or try another case.")


def facilitator() -> list:
    nb = FACILITATOR_NOTEBOOK
    cells = [
        md("# Facilitator session\n\n**For trainers only: this notebook shows model answers.** Do not share it with "
           "learners before the session.\n\n**In this session you can:**\n\n"
           + "\n".join(f"- {g}" for g in nb.goals)
           + "\n\nUse it on a projector, in app mode (`fncoach app facilitator`) or in JupyterLab."),
        code(f'# Settings: the case to open with.\nscenario = "{DEFAULT_SCENARIO}"\nlearner = ""',
             tags=("parameters",)),
        code("from fncoach.course import session_outline\n"
             "from fncoach.ui.course import Course, build_model_answers_panel", hide=True),
    ]
    cells += case_header(ask_name=False)
    cells += [
        md("The case card above is what the group sees: read it aloud, or give everyone a few minutes with it.\n\n"
           "## Planning the session\n\nSuggested timings and questions to discuss, from the case file."),
        checked("print(session_outline(course.scenario))"),
        md("## Model answers, one section at a time\n\nLet the group have a go first. Then press *Show the next "
           "section* to reveal the next part. *Hide all* starts again."),
        code("course.show(build_model_answers_panel)"),
        md("[Back to the course](../00-start-here.ipynb)"),
    ]
    return cells


BUILDERS = {
    "00-start-here": nb00,
    "01-principles-and-meetings": nb01,
    "02-build-a-network": nb02,
    "03-sos-mapping": nb03,
    "04-safety-plan-and-drills": nb04,
    "05-network-strength-what-ifs": nb05,
    "06-review-and-handover": nb06,
    "facilitator/session": facilitator,
}


# ---------------------------------------------------------------------------- writing


def make(stem: str):
    """The notebook object for ``stem`` (outputs not yet filled)."""
    notebook = new_notebook(cells=BUILDERS[stem]())
    notebook.metadata["kernelspec"] = {"display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3"}
    notebook.metadata["language_info"] = {"name": "python"}
    for i, cell in enumerate(notebook.cells):
        cell["id"] = f"{stem.replace('/', '-')}-{i:02d}"
    return notebook


def _is_checked(cell) -> bool:
    return cell.cell_type == "code" and CHECK_TAG in cell.metadata.get("tags", ())


def fill_checked_outputs(notebook, path: Path) -> None:
    """Run the notebook and keep the outputs of the checked cells only."""
    if not any(_is_checked(cell) for cell in notebook.cells):
        return
    from nbclient import NotebookClient

    run = copy.deepcopy(notebook)
    with tempfile.TemporaryDirectory(prefix="fncoach-make-notebooks-") as tmp:
        env_before = dict(os.environ)
        os.environ["FNCOACH_RECORD"] = str(Path(tmp) / "record.sqlite3")
        os.environ["FNCOACH_LEARNER"] = "Notebook check"
        os.environ["MPLBACKEND"] = "Agg"
        try:
            NotebookClient(run, timeout=300, kernel_name="python3", resources={"metadata": {"path": str(path.parent)}}
                           ).execute()
        finally:
            os.environ.clear()
            os.environ.update(env_before)
    for cell, ran in zip(notebook.cells, run.cells):
        if _is_checked(cell):
            cell.outputs = ran.outputs
            cell.execution_count = ran.execution_count


def write(stem: str, execute: bool = True) -> Path:
    path = OUT / f"{stem}.ipynb"
    path.parent.mkdir(parents=True, exist_ok=True)
    notebook = make(stem)
    if execute:
        fill_checked_outputs(notebook, path)
    nbformat.validate(notebook)
    nbformat.write(notebook, str(path))
    return path


def _pick(names: list[str]) -> list[str]:
    if not names:
        return list(BUILDERS)
    chosen = []
    for name in names:
        matches = [s for s in BUILDERS if name in (s, s[:2], s.split("/")[0])]
        if not matches:
            raise SystemExit(f"make_notebooks: no notebook called {name!r}; choose from {', '.join(BUILDERS)}")
        chosen.extend(matches)
    return chosen


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("names", nargs="*", help="notebooks to write (number or stem); default all")
    parser.add_argument("--no-execute", action="store_true", help="do not run notebooks to fill checked outputs")
    parser.add_argument("--check", action="store_true",
                        help="compare the cell sources of the committed notebooks with what this script writes")
    args = parser.parse_args(argv)
    stems = _pick(args.names)
    if args.check:
        stale = []
        for stem in stems:
            path = OUT / f"{stem}.ipynb"
            fresh = [c.source for c in make(stem).cells]
            old = [c.source for c in nbformat.read(str(path), as_version=4).cells] if path.is_file() else None
            if old != fresh:
                stale.append(stem)
        for stem in stale:
            print(f"out of date: notebooks/{stem}.ipynb (run python tools/make_notebooks.py {stem})")
        return 1 if stale else 0
    for stem in stems:
        print(f"wrote {write(stem, execute=not args.no_execute).relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
