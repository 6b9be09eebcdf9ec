"""Build the course notebooks in ``notebooks/`` from their Markdown sources in ``course/``.

Usage::

    python tools/make_notebooks.py                # rebuild every notebook from course/*.md
    python tools/make_notebooks.py 03 facilitator # only these (by number or stem)
    python tools/make_notebooks.py --check        # exit 1 if a notebook is out of step with its Markdown
    python tools/make_notebooks.py --no-execute   # do not run: keep the stored outputs of unchanged checked cells

The words and exercise cells of each notebook live in ``course/<stem>.md`` (jupytext MyST Markdown,
paired with ``notebooks/<stem>.ipynb`` by ``jupytext.toml``), so a course author edits them in any text editor
or in JupyterLab. This script adds what Markdown cannot hold, and writes both files:

- **the shared cells**, marked in the Markdown by their cell metadata ``fncoach: <role>`` and rewritten on every
  run from :data:`fncoach.course.NOTEBOOKS` (so the script can be rerun at any time):

  - ``title`` — the heading and the list of goals; the introduction above the goals and the line below them
    (``*About 40 minutes…*``) are the author's and are kept;
  - ``how-to`` — how to run a notebook (learner notebooks);
  - ``parameters`` — the papermill ``parameters`` cell;
  - ``your-case`` and ``case-picker`` — the case picker;
  - ``next`` — the "where next" links (learner notebooks); any text above the links is the author's and is kept.
  - ``glossary`` — "New words": a short box after each cell where a glossary term (:mod:`fncoach.glossary`)
    is met for the first time in the course (00 → 06, in order), each term with its one-line meaning. They
    are worked out afresh on every run, so a term moves with the text that first uses it.

  A notebook whose Markdown lacks one of them gets it: the header at the top, the case picker after the header
  (and after a hidden import cell just below it), the links at the end.
- **pictures**: a Markdown cell that shows ``![…](attachment:NAME.png)`` gets ``tools/pictures/NAME.png``
  embedded as a cell attachment (MyST Markdown has no place for attachments).
- **checked outputs**: cells tagged ``nbval-check-output`` keep the output nbval compares. The script runs the
  notebook once (with a throw-away learner record) and stores the outputs of those cells only; every other
  cell is saved without output. (The tag alone marks them, so learners never see a testing comment.)

``--check`` builds each notebook from its Markdown in memory (without running it) and reports a notebook whose
cells (type, source, metadata, pictures) differ from it, a Markdown file whose shared cells are out of date,
and outputs left by a run. Cell ids and notebook-level metadata are not compared.
"""

from __future__ import annotations

import argparse
import base64
import copy
import os
import re
import sys
import tempfile
from pathlib import Path

import jupytext
import nbformat
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from fncoach.course import DEFAULT_SCENARIO, FACILITATOR_NOTEBOOK, NOTEBOOKS, Notebook  # noqa: E402

#: Where the Markdown sources, the notebooks and the pictures live, relative to the checkout.
SOURCES, OUT, PICTURES = Path("course"), Path("notebooks"), Path("tools") / "pictures"
MARKDOWN_FORMAT = "md:myst"
CHECK_TAG = "nbval-check-output"
#: The cell-metadata key that marks a shared cell, and the roles it can take.
ROLE_KEY = "fncoach"
ROLES = ("title", "how-to", "parameters", "your-case", "case-picker", "next")
#: The role of the "New words" boxes: placed by the glossary, not by position, so not among :data:`ROLES`.
GLOSSARY_ROLE = "glossary"
LEAD_IN = {True: "**By the end of this notebook you will be able to:**", False: "**In this session you can:**"}
BY_STEM = {nb.stem: nb for nb in (*NOTEBOOKS, FACILITATOR_NOTEBOOK)}
KERNELSPEC = {"display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3"}


class CourseSourceError(Exception):
    """A course Markdown file this script cannot build from (the message names the file and what to do)."""


# ---------------------------------------------------------------------------- the shared cells


def _shared(cell, role: str):
    cell.metadata[ROLE_KEY] = role
    return cell


def _paragraphs(source: str) -> list[str]:
    return [p for p in source.strip("\n").split("\n\n") if p.strip()]


def title_cell(nb: Notebook, old_source: str = "", *, learner: bool = True):
    """The title cell: heading and goals from ``nb``; the author's words around the goals kept from ``old_source``.

    >>> nb = Notebook("07-new", "New topic", ("Do one thing.",))
    >>> print(title_cell(nb, "# Old\\n\\nHello.\\n\\n**Lead:**\\n\\n- Old goal\\n\\n*About 5 minutes.*").source)
    # 07 · New topic
    <BLANKLINE>
    Hello.
    <BLANKLINE>
    **Lead:**
    <BLANKLINE>
    - Do one thing.
    <BLANKLINE>
    *About 5 minutes.*
    """
    number = nb.stem.split("/")[-1][:2]
    heading = "# " + (f"{number} · {nb.title}" if number.isdigit() else nb.title)
    goals = "\n".join(f"- {goal}" for goal in nb.goals)
    paragraphs = _paragraphs(old_source)
    if paragraphs and paragraphs[0].startswith("# "):
        paragraphs = paragraphs[1:]
    for i in range(len(paragraphs) - 1):
        if re.fullmatch(r"\*\*[^*\n]+:\*\*", paragraphs[i]) and paragraphs[i + 1].startswith("- "):
            paragraphs[i + 1] = goals
            break
    else:
        paragraphs += [LEAD_IN[learner], goals]
    return _shared(new_markdown_cell("\n\n".join([heading, *paragraphs])), "title")


def how_to_cell():
    return _shared(new_markdown_cell(
        "<small>**How to use this page:** if you see grey boxes of code, click in the first one and press "
        "<kbd>Shift</kbd> + <kbd>Enter</kbd> (or the ▶ button at the top) to run each in turn — you never need "
        "to read or change the code. In app mode everything is already running: just use the buttons and "
        "boxes.</small>"), "how-to")


def parameters_cell(*, learner: bool = True):
    if learner:  # the learner's name is typed in the course header only, never here
        text = (f'# Settings: your trainer may change these before the session.\n'
                f'scenario = "{DEFAULT_SCENARIO}"  # the case to start with')
    else:
        text = f'# Settings: the case to open with.\nscenario = "{DEFAULT_SCENARIO}"'
    cell = new_code_cell(text)
    cell.metadata["tags"] = ["parameters"]
    return _shared(cell, "parameters")


def case_cells(*, ask_name: bool = True) -> list:
    call = "Course(scenario)" if ask_name else "Course(scenario, ask_name=False)"
    what = ("Type your name (so your work is saved under it) and choose a case. "
            "Everything below follows the case you choose. Tick *Larger text and high contrast* if you would like "
            "bigger, clearer text: it is remembered under your name." if ask_name
            else "Choose the case for this session. Everything below follows it. *Larger text and high contrast* "
                 "makes the page easier to read on a projector.")
    return [_shared(new_markdown_cell(f"## Your case\n\n{what}"), "your-case"),
            _shared(new_code_cell(f"course = {call}\ncourse.header"), "case-picker")]


def next_cell(next_nb: Notebook | None, old_source: str = ""):
    """The "where next" links; the author's text above them (e.g. "Well done") is kept from ``old_source``.

    >>> print(next_cell(None, "**The end.**\\n\\n[Back to the start](00-start-here.ipynb)").source)
    **The end.**
    <BLANKLINE>
    [Back to the start](00-start-here.ipynb)
    """
    links = []
    if next_nb is not None:
        links.append(f"**Next:** [{next_nb.stem[:2]} · {next_nb.title}]({next_nb.filename})")
    links.append("[Back to the start](00-start-here.ipynb)")
    paragraphs = _paragraphs(old_source)
    if paragraphs and "[Back to the start](" in paragraphs[-1]:
        paragraphs = paragraphs[:-1]
    return _shared(new_markdown_cell("\n\n".join([*paragraphs, " · ".join(links)])), "next")


def apply_shared_cells(cells: list, nb: Notebook, next_nb: Notebook | None, *, learner: bool = True,
                       where: str = "the notebook") -> list:
    """``cells`` with every shared cell rewritten (or added where missing); the author's cells are untouched."""
    cells = [cell for cell in cells if cell.metadata.get(ROLE_KEY) != GLOSSARY_ROLE]
    seen: dict[str, int] = {}
    for i, cell in enumerate(cells):
        role = cell.metadata.get(ROLE_KEY)
        if role is None:
            continue
        if role not in ROLES:
            raise CourseSourceError(f"{where}: cell {i + 1} is marked '{ROLE_KEY}: {role}', which is not a shared "
                                    f"cell; use one of {', '.join(ROLES)} or remove the mark")
        if role in seen:
            raise CourseSourceError(f"{where}: cells {seen[role] + 1} and {i + 1} are both marked "
                                    f"'{ROLE_KEY}: {role}'; keep one")
        seen[role] = i
    old = {cell.metadata[ROLE_KEY]: cell.source for cell in cells if ROLE_KEY in cell.metadata}
    header = [title_cell(nb, old.get("title", ""), learner=learner), *([how_to_cell()] if learner else []),
              parameters_cell(learner=learner)]
    blocks = [header, case_cells(ask_name=learner)] + ([[next_cell(next_nb, old.get("next", ""))]] if learner else [])
    wanted = {cell.metadata[ROLE_KEY] for block in blocks for cell in block}
    stray = [role for role in seen if role not in wanted]
    if stray:
        raise CourseSourceError(f"{where}: cell {seen[stray[0]] + 1} is marked '{ROLE_KEY}: {stray[0]}', which "
                                f"this notebook does not have; remove the mark")
    body = [cell for cell in cells if ROLE_KEY not in cell.metadata]

    def position(block: list) -> int | None:
        """Where the block stands among the author's cells (how many come before it), if it is there at all."""
        found = [seen[cell.metadata[ROLE_KEY]] for cell in block if cell.metadata[ROLE_KEY] in seen]
        return sum(ROLE_KEY not in cell.metadata for cell in cells[:min(found)]) if found else None

    # Where a missing block goes: the header at the top, the case picker after it (and after a hidden import
    # cell just below it), the links at the end.
    after_header = position(header) or 0
    hidden_import = (after_header < len(body) and body[after_header].cell_type == "code"
                     and body[after_header].metadata.get("jupyter", {}).get("source_hidden", False))
    defaults = [0, after_header + int(hidden_import), len(body)]
    at: dict[int, list] = {}
    for block, default in zip(blocks, defaults):
        pos = position(block)
        at.setdefault(default if pos is None else pos, []).extend(block)
    result = []
    for i in range(len(body) + 1):
        result += at.get(i, [])
        if i < len(body):
            result.append(body[i])
    return result


def attach_pictures(cell, pictures: Path, where: str = "the notebook") -> None:
    """Embed every ``attachment:NAME`` a Markdown cell shows, from the ``pictures`` folder."""
    names = re.findall(r"\(attachment:([^)\s]+)\)", cell.source) if cell.cell_type == "markdown" else []
    if not names:
        cell.pop("attachments", None)
        return
    missing = [name for name in names if not (pictures / name).is_file()]
    if missing:
        raise CourseSourceError(f"{where}: the picture {missing[0]} is not in {pictures}; put the file there or "
                                f"change the name after 'attachment:'")
    cell["attachments"] = {name: {"image/png": base64.b64encode((pictures / name).read_bytes()).decode("ascii")}
                           for name in names}


# ---------------------------------------------------------------------------- building


def markdown_path(stem: str, root: Path = ROOT) -> Path:
    return root / SOURCES / f"{stem}.md"


def notebook_path(stem: str, root: Path = ROOT) -> Path:
    return root / OUT / f"{stem}.ipynb"


def _where(path: Path, root: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return str(path)


def read_markdown(stem: str, root: Path = ROOT):
    """The notebook as written in ``course/<stem>.md``."""
    path = markdown_path(stem, root)
    if not path.is_file():
        raise CourseSourceError(f"{_where(path, root)} is missing: every notebook in fncoach.course.NOTEBOOKS "
                                f"needs its Markdown source there")
    try:
        return jupytext.read(path, fmt=MARKDOWN_FORMAT)
    except Exception as error:  # jupytext raises several kinds (YAML in cell options, JSON after +++, …)
        raise CourseSourceError(f"{_where(path, root)}: cannot read it as MyST Markdown ({error}); compare it "
                                f"with another file in {SOURCES}/") from error


def glossary_cell(terms: list[str]):
    """A "New words" box explaining ``terms`` (met for the first time in the course just above it).

    >>> print(glossary_cell(["PLO"]).source)
    > **New words:** **PLO**: The steps and time limits a council follows before and during care proceedings.
    """
    from fncoach.glossary import define

    lines = [f"**{term}**: {define(term)}" for term in terms]
    text = "> **New words:** " + lines[0] if len(lines) == 1 else "> **New words:**\n>\n" + "\n".join(
        f"> - {line}" for line in lines)
    return _shared(new_markdown_cell(text), GLOSSARY_ROLE)


def _course_cells(root: Path) -> dict[str, list]:
    """Every learner notebook's cells, shared cells applied and "New words" boxes left out, in course order."""
    built = {}
    for index, nb in enumerate(NOTEBOOKS):
        following = NOTEBOOKS[index + 1] if index + 1 < len(NOTEBOOKS) else None
        built[nb.stem] = apply_shared_cells(list(read_markdown(nb.stem, root).cells), nb, following,
                                            where=_where(markdown_path(nb.stem, root), root))
    return built


def add_glossary_cells(stem: str, cells: list, root: Path = ROOT) -> list:
    """``cells`` with a "New words" box after each Markdown cell that meets a glossary term first in the course.

    Only learner notebooks get them (in course order 00 → 06); terms met in code cells' widgets are explained
    by the case card instead.
    """
    from fncoach.glossary import first_appearances

    if stem not in {nb.stem for nb in NOTEBOOKS}:
        return cells
    course = _course_cells(root)
    course[stem] = cells
    places = [(name, i) for name, built in course.items() for i, cell in enumerate(built)
              if cell.cell_type == "markdown"]
    texts = [course[name][i].source for name, i in places]
    first: dict[int, list[str]] = {}
    for term, where in first_appearances(texts).items():
        first.setdefault(where, []).append(term)
    result = []
    for i, cell in enumerate(cells):
        result.append(cell)
        where = places.index((stem, i)) if cell.cell_type == "markdown" else None
        if where is not None and where in first:
            result.append(glossary_cell(first[where]))
    return result


def build(stem: str, root: Path = ROOT, source=None):
    """The notebook for ``stem`` built from its Markdown (or ``source``), without outputs."""
    nb = BY_STEM[stem]
    where = _where(markdown_path(stem, root), root)
    source = read_markdown(stem, root) if source is None else source
    learner = nb in NOTEBOOKS
    following = NOTEBOOKS[NOTEBOOKS.index(nb) + 1] if learner and nb is not NOTEBOOKS[-1] else None
    cells = []
    shared = apply_shared_cells(list(source.cells), nb, following, learner=learner, where=where)
    for cell in add_glossary_cells(stem, shared, root):
        metadata = copy.deepcopy(dict(cell.metadata))
        fresh = (new_code_cell(cell.source, metadata=metadata) if cell.cell_type == "code"
                 else new_markdown_cell(cell.source, metadata=metadata))
        attach_pictures(fresh, root / PICTURES, where)
        cells.append(fresh)
    notebook = new_notebook(cells=cells)
    notebook.metadata["kernelspec"] = dict(KERNELSPEC)
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


def keep_checked_outputs(notebook, old) -> list[int]:
    """Copy the stored outputs of checked cells whose code is unchanged from ``old``; the cells left without."""
    stored = {cell.source: cell for cell in (old.cells if old is not None else ()) if _is_checked(cell)}
    missing = []
    for i, cell in enumerate(notebook.cells):
        if _is_checked(cell):
            if cell.source in stored and stored[cell.source].get("outputs"):
                cell.outputs = copy.deepcopy(stored[cell.source].outputs)
                cell.execution_count = stored[cell.source].execution_count
            else:
                missing.append(i + 1)
    return missing


def write(stem: str, execute: bool = True, root: Path = ROOT) -> Path:
    """Build ``notebooks/<stem>.ipynb`` from ``course/<stem>.md`` and rewrite the Markdown with the shared cells."""
    path, source_path = notebook_path(stem, root), markdown_path(stem, root)
    notebook = build(stem, root)
    if execute:
        fill_checked_outputs(notebook, path)
    else:
        old = nbformat.read(str(path), as_version=4) if path.is_file() else None
        missing = keep_checked_outputs(notebook, old)
        if missing:
            print(f"note: {_where(path, root)}: checked cell(s) {', '.join(map(str, missing))} have no stored "
                  f"output; run without --no-execute to store it", file=sys.stderr)
    nbformat.validate(notebook)
    path.parent.mkdir(parents=True, exist_ok=True)
    nbformat.write(notebook, str(path))
    # The Markdown is rewritten only when its cells change (new shared cells), so the author's layout stays;
    # it is written (or touched) last, so it is never older than its notebook, which jupytext in JupyterLab
    # takes as a sign that the Markdown is out of date.
    text = copy.deepcopy(notebook)
    for cell in text.cells:
        cell.pop("attachments", None)
        if cell.cell_type == "code":
            cell.outputs, cell.execution_count = [], None
    if [_content(c, attachments=False) for c in read_markdown(stem, root).cells] != [
            _content(c, attachments=False) for c in text.cells]:
        jupytext.write(text, source_path, fmt=MARKDOWN_FORMAT)
    else:
        source_path.touch()
    return path


# ---------------------------------------------------------------------------- checking


def _content(cell, *, attachments: bool = True) -> tuple:
    return (cell.cell_type, cell.source, dict(cell.metadata),
            cell.get("attachments", {}) if attachments else None)


def _first_difference(a: list, b: list, **kw) -> str:
    for i, (x, y) in enumerate(zip(a, b)):
        if _content(x, **kw) != _content(y, **kw):
            what = ("its type differs" if x.cell_type != y.cell_type else "its text differs" if x.source != y.source
                    else "its tags or metadata differ" if dict(x.metadata) != dict(y.metadata)
                    else "its pictures differ")
            first_line = (y.source.strip().splitlines() or [""])[0][:60]
            return f"cell {i + 1}, {first_line!r}: {what}"
    return f"{len(a)} cells where the Markdown makes {len(b)}"


def problems(stem: str, root: Path = ROOT) -> list[str]:
    """Why ``notebooks/<stem>.ipynb`` is out of step with ``course/<stem>.md`` (empty when it is in step)."""
    md_path, nb_path = markdown_path(stem, root), notebook_path(stem, root)
    md_name, nb_name = _where(md_path, root), _where(nb_path, root)
    try:
        source = read_markdown(stem, root)
        expected = build(stem, root, source)
    except CourseSourceError as error:
        return [str(error)]
    found = []
    if [_content(c, attachments=False) for c in source.cells] != [
            _content(c, attachments=False) for c in expected.cells]:
        found.append(f"{md_name}: the shared cells are out of date "
                     f"({_first_difference(source.cells, expected.cells, attachments=False)})")
    if not nb_path.is_file():
        return [*found, f"{nb_name} is missing"]
    actual = nbformat.read(str(nb_path), as_version=4)
    if actual.metadata.get("kernelspec") != KERNELSPEC:
        found.append(f"{nb_name}: the kernel is not {KERNELSPEC['display_name']}")
    if [_content(c) for c in actual.cells] != [_content(c) for c in expected.cells]:
        found.append(f"{nb_name} differs from {md_name} ({_first_difference(actual.cells, expected.cells)})")
    else:
        for i, cell in enumerate(actual.cells):
            if cell.cell_type != "code":
                continue
            if _is_checked(cell) and not cell.get("outputs"):
                found.append(f"{nb_name}: checked cell {i + 1} has no stored output")
            elif not _is_checked(cell) and (cell.get("outputs") or cell.get("execution_count") is not None):
                found.append(f"{nb_name}: cell {i + 1} holds the output of a run (only checked cells keep theirs)")
    return found


# ---------------------------------------------------------------------------- command line


def _pick(names: list[str]) -> list[str]:
    if not names:
        return list(BY_STEM)
    chosen = []
    for name in names:
        matches = [s for s in BY_STEM if name in (s, s[:2], s.split("/")[0])]
        if not matches:
            raise SystemExit(f"make_notebooks: no notebook called {name!r}; choose from {', '.join(BY_STEM)}")
        chosen.extend(matches)
    return chosen


def _unlisted(root: Path = ROOT) -> list[str]:
    """Markdown files in ``course/`` (other than its README) that no notebook in ``NOTEBOOKS`` reads."""
    known = {markdown_path(stem, root) for stem in BY_STEM} | {root / SOURCES / "README.md"}
    return sorted(_where(p, root) for p in (root / SOURCES).rglob("*.md")
                  if p not in known and ".ipynb_checkpoints" not in p.parts)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("names", nargs="*", help="notebooks to build (number or stem); default all")
    parser.add_argument("--no-execute", action="store_true",
                        help="do not run notebooks; keep the stored outputs of checked cells whose code is unchanged")
    parser.add_argument("--check", action="store_true",
                        help="exit 1 if a committed notebook is out of step with its Markdown source")
    args = parser.parse_args(argv)
    stems = _pick(args.names)
    if args.check:
        found = {stem: problems(stem) for stem in stems}
        for stem, reasons in found.items():
            for reason in reasons:
                print(f"out of date: {reason} (run python tools/make_notebooks.py {stem})")
        for name in _unlisted():
            print(f"not in the course: {name} (add its notebook to NOTEBOOKS in fncoach/course.py)")
        return 1 if any(found.values()) or _unlisted() else 0
    try:
        for stem in stems:
            print(f"wrote {_where(write(stem, execute=not args.no_execute), ROOT)} from "
                  f"{_where(markdown_path(stem), ROOT)}")
    except CourseSourceError as error:
        print(f"make_notebooks: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
