"""Running the briefing notebook template with papermill, and exporting it for one audience with nbconvert.

:func:`run_template` executes ``templates/briefing.ipynb`` once per scenario in
a fresh ``python3`` kernel of the current Python environment;
:func:`export_body` then keeps the cells meant for one audience and returns
only the HTML they display (no code, no prompts, no markdown), using the
nbconvert template ``templates/briefing_html``. papermill and nbconvert are
imported when first used, so importing this module stays quick.

Examples
--------
>>> TEMPLATE.name, TEMPLATE.exists()
('briefing.ipynb', True)
>>> REMOVE_TAGS["trainee"]
('facilitator-only',)
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from ..scenario import bundled_scenario_path
from .errors import BriefingError

__all__ = ["TEMPLATE", "REMOVE_TAGS", "START_TIMEOUT", "CELL_TIMEOUT", "run_template", "export_body"]

#: The briefing notebook template run by papermill.
TEMPLATE = Path(__file__).resolve().parent / "templates" / "briefing.ipynb"
_TEMPLATE_DIR = TEMPLATE.parent
_NBCONVERT_TEMPLATE = "briefing_html"
#: Seconds to wait for the kernel to start, and for any one cell (generous: batches share the machine).
START_TIMEOUT = 180
CELL_TIMEOUT = 600
#: Cells tagged with the *other* audience's tag are left out of a pack.
REMOVE_TAGS = {"trainee": ("facilitator-only",), "facilitator": ("trainee-only",)}


def _resolve(scenario_path: str | os.PathLike[str]) -> Path:
    path = Path(scenario_path)
    if not path.exists() and not path.suffix:
        bundled = bundled_scenario_path(str(scenario_path))
        if bundled is not None:
            return bundled.resolve()
        return path  # an unknown case id: loading it lists the cases there are
    return path.resolve()


def run_template(scenario_path: str | os.PathLike[str], audience: str = "both", *, large_print: bool = False,
                 seed: int = 0):
    """Execute the briefing template for one scenario with papermill; returns the executed notebook.

    Runs in a fresh ``python3`` kernel of the current environment. A failing
    cell becomes a :class:`BriefingError` naming the error, without a traceback.
    """
    import papermill
    from jupyter_client.kernelspec import NoSuchKernel
    from papermill.exceptions import PapermillExecutionError

    path = _resolve(scenario_path)
    with tempfile.TemporaryDirectory(prefix="fncoach-brief-") as work:
        try:
            return papermill.execute_notebook(
                str(TEMPLATE), None,
                parameters={"scenario_path": str(path), "audience": audience, "large_print": bool(large_print),
                            "seed": int(seed)},
                kernel_name="python3", progress_bar=False, log_output=False, cwd=work,
                start_timeout=START_TIMEOUT, execution_timeout=CELL_TIMEOUT,
                extra_arguments=["--IPKernelApp.log_level=CRITICAL", "--HistoryManager.hist_file=:memory:"],
            )
        except PapermillExecutionError as error:
            raise BriefingError(f"the briefing notebook failed on {path.name}: {error.ename}: {error.evalue}") from None
        except NoSuchKernel:
            raise BriefingError("there is no 'python3' Jupyter kernel in this Python environment; install one with: "
                                "python -m ipykernel install --sys-prefix") from None
        except (TimeoutError, RuntimeError) as error:
            raise BriefingError(f"the notebook kernel for {path.name} did not finish: {error}") from None


def export_body(notebook, audience: str) -> str:
    """The HTML that the notebook's cells display for one audience (no code, prompts or markdown).

    Uses nbconvert with the ``briefing_html`` template; cells tagged for the other
    audience are removed first.
    """
    from nbconvert import HTMLExporter
    from traitlets.config import Config

    config = Config()
    config.TagRemovePreprocessor.enabled = True
    config.TagRemovePreprocessor.remove_cell_tags = set(REMOVE_TAGS[audience])
    exporter = HTMLExporter(config=config, template_name=_NBCONVERT_TEMPLATE,
                            extra_template_basedirs=[str(_TEMPLATE_DIR)])
    exporter.exclude_input = True
    exporter.exclude_input_prompt = True
    exporter.exclude_output_prompt = True
    body, _ = exporter.from_notebook_node(notebook)
    return body.strip()
