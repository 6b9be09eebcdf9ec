"""Exporting the executed briefing notebook for one audience (fncoach.briefing.run), without a kernel."""

from __future__ import annotations

import pytest

from fncoach.briefing.run import TEMPLATE, export_body


def _cell(html: str, tags=()):
    from nbformat.v4 import new_code_cell, new_output

    cell = new_code_cell("display(HTML('...'))  # CODE-NEVER-SHOWN")
    cell.outputs = [new_output("display_data", data={"text/html": html}),
                    new_output("stream", name="stdout", text="STREAM-NEVER-SHOWN")]
    if tags:
        cell.metadata["tags"] = list(tags)
    return cell


@pytest.mark.parametrize("who, shown, hidden", [
    ("trainee", ["<p>both</p>", "<p>trainee</p>"], ["<p>facilitator</p>"]),
    ("facilitator", ["<p>both</p>", "<p>facilitator</p>"], ["<p>trainee</p>"]),
])
def test_export_keeps_each_audience_cells_and_only_displayed_html(who, shown, hidden):
    from nbformat.v4 import new_markdown_cell, new_notebook

    notebook = new_notebook(cells=[new_markdown_cell("MARKDOWN-NEVER-SHOWN"), _cell("<p>both</p>"),
                                   _cell("<p>trainee</p>", ["trainee-only"]),
                                   _cell("<p>facilitator</p>", ["facilitator-only"])])
    body = export_body(notebook, who)
    assert all(html in body for html in shown)
    assert not any(html in body for html in hidden)
    assert "NEVER-SHOWN" not in body


def test_template_notebook_uses_the_briefing_package():
    import nbformat

    notebook = nbformat.read(TEMPLATE, as_version=4)
    code = "\n".join(cell.source for cell in notebook.cells if cell.cell_type == "code")
    assert "from fncoach.briefing import content as bc" in code and "briefing_sections" not in code
    assert [c for c in notebook.cells if "parameters" in c.metadata.get("tags", [])]
