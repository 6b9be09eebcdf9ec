"""The layers hold: the core never imports ipywidgets, matplotlib, IPython, papermill or jinja2.

The core is every top-level module of ``fncoach`` except the briefing modules;
it must not reach the presentation layers (``ui``, ``viz``, ``pages``,
``briefing``) either, not even through an import inside a function.
"""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "fncoach"
FORBIDDEN = ("jinja2", "ipywidgets", "matplotlib", "IPython", "papermill")
LAYERS = ("ui", "viz", "pages", "briefing", "cli")
NOT_CORE = {"__main__", "briefing", "briefing_content", "briefing_sections"}
CORE = sorted(p.stem for p in PACKAGE.glob("*.py") if p.stem not in NOT_CORE)


def _imported_names(path: Path) -> list[tuple[int, str]]:
    """Every module a file imports (relative imports as ``fncoach.<name>``), anywhere in it, with its line."""
    names = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = "fncoach" + ("." + node.module if node.module else "")
                names += [(node.lineno, f"{base}.{alias.name}" if not node.module else base) for alias in node.names]
            else:
                names.append((node.lineno, node.module or ""))
    return names


@pytest.mark.parametrize("module", CORE)
def test_core_module_source_imports_no_presentation_library_or_layer(module):
    path = PACKAGE / f"{module}.py"
    bad = []
    for line, name in _imported_names(path):
        top = name.split(".")[0]
        if top in FORBIDDEN or (top == "fncoach" and name.split(".")[1:2] and name.split(".")[1] in LAYERS):
            bad.append(f"{path.name}:{line} imports {name}")
    assert not bad, "; ".join(bad)


def _in_a_fresh_interpreter(script: str):
    """Run ``script`` in a new Python (the tests themselves load matplotlib) and read the JSON it prints."""
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=300,
                            cwd=PACKAGE.parent)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_importing_the_core_loads_no_presentation_library():
    """In a fresh interpreter (the tests themselves load matplotlib), import each core module in turn."""
    script = (
        "import importlib, json, sys\n"
        f"forbidden = {FORBIDDEN!r}\n"
        "culprits = {}\n"
        f"for module in {CORE!r}:\n"
        "    importlib.import_module('fncoach' if module == '__init__' else 'fncoach.' + module)\n"
        "    for name in forbidden:\n"
        "        if name in sys.modules:\n"
        "            culprits.setdefault(name, module)\n"
        "print(json.dumps(culprits))\n"
    )
    assert _in_a_fresh_interpreter(script) == {}


def test_the_forbidden_list_names_jinja2_and_the_core_has_the_record_and_the_map_data():
    assert "jinja2" in FORBIDDEN
    assert {"record", "sosmap", "plan", "model", "scenario"} <= set(CORE)


def test_opening_the_sos_notebook_loads_no_plotting_library_or_verb_lexicon():
    """Notebook 03's widgets open without matplotlib, lemminflect or numpy: a class opening it together on a hub
    pays only for what is on screen (issue 17). The lexicon loads with the first statement checked."""
    script = (
        "import json, sys\n"
        "from fncoach.scenario import bundled_scenario_path, load_scenario\n"
        "from fncoach.ui.course import Course\n"
        "from fncoach.ui import sos\n"
        "case = load_scenario(bundled_scenario_path('long_term_foster_links'))\n"
        "for build in (sos.build_card_sort_panel, sos.build_statement_panel, sos.build_scaling_panel,\n"
        "              sos.build_three_houses_panel):\n"
        "    build(case)\n"
        "opened = sorted(m for m in ('matplotlib', 'lemminflect', 'numpy') if m in sys.modules)\n"
        "from fncoach.statements import check_statement\n"
        "check_statement(case.sos.harm_statements[0].text, 'harm', case)\n"
        "print(json.dumps([opened, 'lemminflect' in sys.modules]))\n"
    )
    assert _in_a_fresh_interpreter(script) == [[], True]
