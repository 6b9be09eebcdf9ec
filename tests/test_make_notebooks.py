"""``tools/make_notebooks.py``: the course notebooks are built from their Markdown sources in ``course/``.

Most tests work on a copy of the course (``course/``, ``notebooks/``, ``tools/pictures``, ``jupytext.toml``) in
a temporary folder and build without running a kernel, so they are quick.
"""

from __future__ import annotations

import base64
import copy
import re
import importlib.util
import shutil
from pathlib import Path

import jupytext
import nbformat
import pytest

from fncoach.course import FACILITATOR_NOTEBOOK, NOTEBOOKS, Notebook

ROOT = Path(__file__).resolve().parent.parent
_spec = importlib.util.spec_from_file_location("make_notebooks", ROOT / "tools" / "make_notebooks.py")
make = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(make)


@pytest.fixture
def checkout(tmp_path: Path) -> Path:
    """A copy of the course's sources and notebooks, laid out as in the repository."""
    for name in ("course", "notebooks", "tools/pictures"):
        shutil.copytree(ROOT / name, tmp_path / name, ignore=shutil.ignore_patterns(".ipynb_checkpoints"))
    shutil.copy(ROOT / "jupytext.toml", tmp_path / "jupytext.toml")
    return tmp_path


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _cell(notebook, role: str):
    return next(cell for cell in notebook.cells if cell.metadata.get(make.ROLE_KEY) == role)


def test_every_committed_notebook_is_in_step_with_its_markdown():
    assert {stem: make.problems(stem) for stem in make.BY_STEM} == {stem: [] for stem in make.BY_STEM}
    assert make._unlisted() == []


def test_a_paragraph_changed_in_the_markdown_is_flagged_until_the_notebook_is_rebuilt(checkout: Path):
    stem = "03-sos-mapping"
    _edit(checkout / "course" / f"{stem}.md", "In a meeting, each person gives their own number",
          "In a meeting, everyone gives their own number")
    found = make.problems(stem, checkout)
    assert len(found) == 1
    assert found[0].startswith(f"notebooks/{stem}.ipynb differs from course/{stem}.md (cell ")
    assert "'## The safety scale': its text differs" in found[0]
    make.write(stem, execute=False, root=checkout)
    assert make.problems(stem, checkout) == []
    notebook = nbformat.read(str(checkout / "notebooks" / f"{stem}.ipynb"), as_version=4)
    assert any("everyone gives their own number" in cell.source for cell in notebook.cells)


def test_a_changed_tag_is_flagged(checkout: Path):
    _edit(checkout / "course" / "00-start-here.md", ":tags: [nbval-check-output]", ":tags: [other]")
    found = make.problems("00-start-here", checkout)
    assert found and "its tags or metadata differ" in found[0]


def test_shared_cells_follow_the_course_and_keep_the_authors_words():
    source = make.read_markdown("06-review-and-handover")
    renamed = Notebook("06-review-and-handover", "Reviewing", ("One new goal.",))
    cells = make.apply_shared_cells(list(source.cells), renamed, NOTEBOOKS[1])
    title = cells[0].source
    assert title.startswith("# 06 · Reviewing\n\nThe plan is only the start. Within **four weeks**")
    assert "**By the end of this notebook you will be able to:**\n\n- One new goal.\n\n*About 35 minutes." in title
    assert "Test the plan and hand facilitation" not in title
    footer = cells[-1].source
    assert footer.startswith("**You have reached the end of the course.** Well done.")
    assert footer.endswith("**Next:** [01 · Principles and Family Network Meetings](01-principles-and-meetings.ipynb)"
                           " · [Back to the start](00-start-here.ipynb)")
    again = make.apply_shared_cells(copy.deepcopy(cells), renamed, NOTEBOOKS[1])
    assert [(c.source, dict(c.metadata)) for c in again] == [(c.source, dict(c.metadata)) for c in cells]


def test_an_edited_or_missing_shared_cell_is_put_back_in_its_place(checkout: Path):
    stem, md = "02-build-a-network", checkout / "course" / "02-build-a-network.md"
    _edit(md, "<small>**How to use this page:**", "<small>**How to use me:**")
    assert make.problems(stem, checkout)[0].startswith(f"course/{stem}.md: the shared cells are out of date (cell 3, ")
    text = md.read_text(encoding="utf-8")  # drop the case picker (both cells) from the Markdown
    start = text.index('+++ {"fncoach": "your-case"}')
    end = text.index("```", text.index(":fncoach: case-picker")) + 4
    md.write_text(text[:start] + text[end:], encoding="utf-8")
    notebook = make.build(stem, checkout)
    roles = [cell.metadata.get(make.ROLE_KEY) for cell in notebook.cells]
    # (a "New words" box follows the title, where 02 first uses a glossary term)
    assert roles[:7] == ["title", "glossary", "how-to", "parameters", None, "your-case", "case-picker"]
    assert notebook.cells[4].metadata["jupyter"]["source_hidden"] is True
    assert make.problems(stem, checkout) != []
    make.write(stem, execute=False, root=checkout)
    assert make.problems(stem, checkout) == []
    assert md.read_text(encoding="utf-8") == (ROOT / "course" / f"{stem}.md").read_text(encoding="utf-8")


def test_a_new_notebook_gets_the_whole_header_and_footer():
    body = jupytext.reads("```{code-cell}\n---\njupyter:\n  source_hidden: true\n---\nimport fncoach\n```\n\n"
                          "## Words\n\nSome words.\n", fmt=make.MARKDOWN_FORMAT)
    nb = Notebook("07-new-topic", "New topic", ("Learn one thing.",))
    cells = make.apply_shared_cells(list(body.cells), nb, None)
    roles = [cell.metadata.get(make.ROLE_KEY) for cell in cells]
    assert roles == ["title", "how-to", "parameters", None, "your-case", "case-picker", None, "next"]
    assert cells[0].source == ("# 07 · New topic\n\n**By the end of this notebook you will be able to:**\n\n"
                               "- Learn one thing.")
    assert cells[-1].source == "[Back to the start](00-start-here.ipynb)"


def test_the_facilitator_notebook_has_its_own_header_and_no_footer():
    notebook = make.build(FACILITATOR_NOTEBOOK.stem)
    roles = [cell.metadata[make.ROLE_KEY] for cell in notebook.cells if make.ROLE_KEY in cell.metadata]
    assert roles == ["title", "parameters", "your-case", "case-picker"]
    assert "ask_name=False" in _cell(notebook, "case-picker").source
    assert _cell(notebook, "title").source.startswith("# Facilitator session\n\n**For trainers only")
    assert notebook.cells[-1].source == "[Back to the course](../00-start-here.ipynb)"


@pytest.mark.parametrize(("mark", "message"), [
    ('"fncoach": "footer"', "marked 'fncoach: footer', which is not a shared cell"),
    ('"fncoach": "title"', "are both marked 'fncoach: title'"),
])
def test_a_wrong_mark_is_named_with_its_file(checkout: Path, mark: str, message: str):
    _edit(checkout / "course" / "04-safety-plan-and-drills.md", "## Who does what", f"+++ {{{mark}}}\n\n## Who")
    found = make.problems("04-safety-plan-and-drills", checkout)
    assert len(found) == 1 and found[0].startswith("course/04-safety-plan-and-drills.md: cell") and message in found[0]


def test_tags_hidden_code_and_pictures_survive_from_markdown_to_notebook():
    notebook = make.build("00-start-here")
    assert _cell(notebook, "parameters").metadata["tags"] == ["parameters"]
    hidden = [cell for cell in notebook.cells if cell.metadata.get("jupyter", {}).get("source_hidden")]
    assert [cell.source.splitlines()[0] for cell in hidden] == ["from fncoach.course import course_outline"]
    checked = [cell for cell in notebook.cells if make.CHECK_TAG in cell.metadata.get("tags", [])]
    assert [cell.source for cell in checked] == ["print(course_outline())"]
    picture = (ROOT / "tools" / "pictures" / "jupyterlab-notebook.png").read_bytes()
    with_pictures = [cell for cell in notebook.cells if "attachments" in cell]
    assert len(with_pictures) == 1
    assert base64.b64decode(with_pictures[0].attachments["jupyterlab-notebook.png"]["image/png"]) == picture
    assert "](attachment:jupyterlab-notebook.png)" in with_pictures[0].source
    assert "iVBOR" not in (ROOT / "course" / "00-start-here.md").read_text(encoding="utf-8")  # no PNG in the text


def test_a_missing_picture_is_named(checkout: Path):
    _edit(checkout / "course" / "00-start-here.md", "(attachment:jupyterlab-notebook.png)", "(attachment:lab.png)")
    assert make.problems("00-start-here", checkout) == [
        "course/00-start-here.md: the picture lab.png is not in "
        f"{checkout / 'tools' / 'pictures'}; put the file there or change the name after 'attachment:'"]


def test_no_execute_keeps_the_output_of_an_unchanged_checked_cell_only(checkout: Path):
    stem = "00-start-here"
    make.write(stem, execute=False, root=checkout)
    assert make.problems(stem, checkout) == []
    _edit(checkout / "course" / f"{stem}.md", "print(course_outline())", "print(course_outline().upper())")
    make.write(stem, execute=False, root=checkout)
    found = make.problems(stem, checkout)
    assert len(found) == 1 and "checked cell 7 has no stored output" in found[0]


def _contents_manager(root: Path):
    from jupyter_server.services.contents.filemanager import FileContentsManager
    from jupytext.sync_contentsmanager import build_sync_jupytext_contents_manager_class

    return build_sync_jupytext_contents_manager_class(FileContentsManager)(root_dir=str(root))


def test_an_edit_saved_in_jupyterlab_updates_the_markdown_and_is_in_step(checkout: Path):
    stem = "05-network-strength-what-ifs"
    lab = _contents_manager(checkout)  # JupyterLab opened at the top of the checkout
    model = lab.get(f"notebooks/{stem}.ipynb")
    cell = next(c for c in model["content"]["cells"] if c["source"].startswith("## What if"))
    cell["source"] = cell["source"].replace("Add someone, remove someone", "Add a person, remove a person")
    lab.save(model, f"notebooks/{stem}.ipynb")
    assert "Add a person, remove a person" in (checkout / "course" / f"{stem}.md").read_text(encoding="utf-8")
    assert make.problems(stem, checkout) == []

    model = lab.get(f"notebooks/{stem}.ipynb")  # the author runs a cell before saving
    model["content"]["cells"][3]["outputs"] = [nbformat.v4.new_output("stream", text="hello\n")]
    model["content"]["cells"][3]["execution_count"] = 1
    lab.save(model, f"notebooks/{stem}.ipynb")
    assert make.problems(stem, checkout) == [
        f"notebooks/{stem}.ipynb: cell 4 holds the output of a run (only checked cells keep theirs)"]
    make.write(stem, execute=False, root=checkout)
    assert make.problems(stem, checkout) == []


def test_learners_jupyterlab_does_not_touch_the_markdown(checkout: Path):
    stem = "02-build-a-network"
    before = (checkout / "course" / f"{stem}.md").read_text(encoding="utf-8")
    learners = _contents_manager(checkout / "notebooks")  # fncoach lab serves notebooks/ only
    model = learners.get(f"{stem}.ipynb")
    model["content"]["cells"][6]["source"] = "A learner's note"
    learners.save(model, f"{stem}.ipynb")
    assert (checkout / "course" / f"{stem}.md").read_text(encoding="utf-8") == before


def test_a_markdown_file_with_no_notebook_in_the_course_is_reported(checkout: Path):
    shutil.copy(checkout / "course" / "02-build-a-network.md", checkout / "course" / "07-extra.md")
    assert make._unlisted(checkout) == ["course/07-extra.md"]


def test_the_tools_doctests_pass():
    import doctest

    assert doctest.testmod(make).failed == 0


def test_markdown_jupytext_cannot_read_is_named(checkout: Path):
    _edit(checkout / "course" / "03-sos-mapping.md", ':fncoach: case-picker', ':tags: [unclosed')
    found = make.problems("03-sos-mapping", checkout)
    assert len(found) == 1 and found[0].startswith("course/03-sos-mapping.md: cannot read it as MyST Markdown (")


def test_rebuilding_leaves_the_authors_markdown_layout_alone(checkout: Path):
    md = checkout / "course" / "04-safety-plan-and-drills.md"
    _edit(md, "## Looking back", "## Looking back\n\n\n")  # extra blank lines: the same cells
    text = md.read_text(encoding="utf-8")
    make.write("04-safety-plan-and-drills", execute=False, root=checkout)
    assert md.read_text(encoding="utf-8") == text
    assert md.stat().st_mtime >= (checkout / "notebooks" / "04-safety-plan-and-drills.ipynb").stat().st_mtime


def test_new_words_are_explained_once_where_the_course_first_uses_them(checkout: Path):
    from fncoach.glossary import terms_in

    seen: dict[str, str] = {}
    for nb in NOTEBOOKS:
        cells = make.build(nb.stem, checkout).cells
        for i, cell in enumerate(cells):
            if cell.metadata.get(make.ROLE_KEY) != make.GLOSSARY_ROLE:
                continue
            before = cells[i - 1]
            explained = re.findall(r"\*\*([^*]+)\*\*:", cell.source)
            assert explained and set(explained) <= set(terms_in(before.source)), (nb.stem, i)
            for term in explained:
                assert term not in seen, f"{term} explained twice: {seen.get(term)} and {nb.stem}"
                seen[term] = nb.stem
    assert {"Private Family Time", "safety scale", "worry statement"} <= set(seen)
    # a term first used in an earlier notebook is not explained again later
    _edit(checkout / "course" / "00-start-here.md", "Welcome", "Welcome to the Three Houses and")
    first = make.build("00-start-here", checkout)
    assert any("**Three Houses**:" in c.source for c in first.cells if c.metadata.get(make.ROLE_KEY) == "glossary")
    later = make.build("03-sos-mapping", checkout)
    assert not any("**Three Houses**:" in c.source for c in later.cells)
