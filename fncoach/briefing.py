"""Briefing packs: a trainee handout and a facilitator pack for each scenario, as HTML and PDF.

:func:`build_briefing` runs the briefing notebook template
(``fncoach/templates/briefing.ipynb``) with papermill in a fresh kernel of the
current Python environment, once per scenario, then exports it once per
audience with nbconvert, showing no code and no prompts:

* the **trainee handout** keeps only the cells not tagged ``facilitator-only``,
  each built from :func:`fncoach.briefing_sections.trainee_view` (every
  facilitator-only field blanked). Before anything is written, the page is
  searched for the text of every facilitator-only field
  (:func:`fncoach.briefing_sections.find_leaks`); a page with a leak is refused;
* the **facilitator pack** keeps everything except the ``trainee-only`` cells.

Each page is one self-contained HTML file (figures embedded as PNG with alt
text, no scripts, no web fonts, no links to the internet), and the PDF is made
from the same HTML with WeasyPrint: A4, the scenario title at the top of every
page, page numbers at the bottom, figures and tables never split across pages.
The output is deterministic: the same scenario gives the same HTML, byte for
byte (there is no timestamp in it).

:func:`build_many` makes packs for many scenarios, in parallel processes if
asked; a scenario that fails is reported with a plain reason and does not stop
the others.

Examples
--------
>>> pack_filename("tiny", "trainee", "pdf")
'tiny-trainee-handout.pdf'
>>> pack_filename("tiny", "facilitator", "html", large_print=True)
'tiny-facilitator-pack-large-print.html'
>>> audiences_for("both"), formats_for("pdf")
(('trainee', 'facilitator'), ('pdf',))
"""

from __future__ import annotations

import os
import re
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Sequence

from .errors import FncoachError
from . import briefing_sections as bs
from .htmlpage import esc, page
from .model import Scenario
from .scenario import ScenarioError, bundled_scenario_path, load_scenario

__all__ = [
    "AUDIENCE_CHOICES",
    "FORMAT_CHOICES",
    "TEMPLATE",
    "BriefingError",
    "BriefingResult",
    "BatchItem",
    "audiences_for",
    "formats_for",
    "pack_filename",
    "print_css",
    "run_template",
    "export_body",
    "pack_html",
    "html_to_pdf",
    "pdf_bytes",
    "build_briefing",
    "build_many",
    "plain_reason",
]

AUDIENCE_CHOICES: tuple[str, ...] = ("trainee", "facilitator", "both")
FORMAT_CHOICES: tuple[str, ...] = ("html", "pdf", "both")

#: The briefing notebook template run by papermill.
TEMPLATE = Path(__file__).resolve().parent / "templates" / "briefing.ipynb"
_TEMPLATE_DIR = TEMPLATE.parent
_NBCONVERT_TEMPLATE = "briefing_html"
#: Seconds to wait for the kernel to start, and for any one cell (generous: batches share the machine).
START_TIMEOUT = 180
CELL_TIMEOUT = 600

_PACK_NAMES = {"trainee": "trainee-handout", "facilitator": "facilitator-pack"}
_PACK_TITLES = {"trainee": "Trainee handout", "facilitator": "Facilitator pack"}
#: The facilitator sees each exercise as trainees do, without the empty space for writing.
_FACILITATOR_CSS = """
.write-box, .write-box.tall, body.large-print .write-box { min-height: 0; }
.write-lines { display: none; }
td.write-in, .write-in { height: auto; }
"""
#: Cells tagged with the *other* audience's tag are left out of a pack.
_REMOVE_TAGS = {"trainee": ("facilitator-only",), "facilitator": ("trainee-only",)}


class BriefingError(FncoachError):
    """A briefing pack could not be made; the message says why in plain words."""


@dataclass(frozen=True)
class BriefingResult:
    """What :func:`build_briefing` made for one scenario.

    Attributes
    ----------
    scenario_id, title : str
    files : tuple of Path
        Every file written, trainee first, HTML before PDF.
    seconds : float
        Wall time for the whole scenario.
    """

    scenario_id: str
    title: str
    files: tuple[Path, ...]
    seconds: float


@dataclass(frozen=True)
class BatchItem:
    """One scenario in a batch: its result, or the plain reason it failed."""

    source: str
    result: BriefingResult | None = None
    error: str = ""
    seconds: float = 0.0

    @property
    def ok(self) -> bool:
        """True when the packs were made."""
        return self.result is not None


def audiences_for(audience: str) -> tuple[str, ...]:
    """The packs to make for an ``--audience`` choice (trainee, facilitator or both)."""
    if audience not in AUDIENCE_CHOICES:
        raise BriefingError(f"the audience must be one of {', '.join(AUDIENCE_CHOICES)}, not {audience!r}")
    return ("trainee", "facilitator") if audience == "both" else (audience,)


def formats_for(fmt: str) -> tuple[str, ...]:
    """The file formats to write for a ``--format`` choice (html, pdf or both)."""
    if fmt not in FORMAT_CHOICES:
        raise BriefingError(f"the format must be one of {', '.join(FORMAT_CHOICES)}, not {fmt!r}")
    return ("html", "pdf") if fmt == "both" else (fmt,)


def pack_filename(scenario_id: str, audience: str, fmt: str, large_print: bool = False) -> str:
    """The file name of one pack, e.g. ``maya-trainee-handout.pdf``."""
    return f"{scenario_id}-{_PACK_NAMES[audience]}{'-large-print' if large_print else ''}.{fmt}"


def _css_string(text: str) -> str:
    """Text as a quoted CSS string, safe inside a <style> element."""
    cleaned = " ".join(text.split())
    escaped = cleaned.replace("\\", "\\\\").replace('"', '\\"').replace("<", "\\3C ").replace(">", "\\3E ")
    return f'"{escaped}"'


def print_css(title: str, audience: str, large_print: bool = False) -> str:
    """``@page`` rules for print: A4, the title at the top of every page, page numbers at the bottom.

    Examples
    --------
    >>> css = print_css('Zoë "and" Gran', "trainee")
    >>> 'content: "Zoë \\\\"and\\\\" Gran"' in css and "counter(pages)" in css
    True
    """
    size = "10pt" if large_print else "8.5pt"
    font = '"DejaVu Sans", Verdana, Arial, sans-serif'

    margin = "20mm 16mm 20mm 16mm" if large_print else "18mm 14mm 18mm 14mm"
    return (
        f"@page {{ size: A4; margin: {margin};\n"
        f"  @top-center {{ content: {_css_string(title)}; font-size: {size}; font-family: {font}; color: #444; }}\n"
        f"  @bottom-left {{ content: {_css_string(_PACK_TITLES[audience])}; font-size: {size}; font-family: {font}; color: #444; }}\n"
        f'  @bottom-right {{ content: "Page " counter(page) " of " counter(pages); font-size: {size}; font-family: {font}; color: #444; }}\n'
        "}\n"
        "@media print { body { max-width: none; margin: 0; padding: 0; } }\n"
        "figure, table, .write-box, .warning-box, .note-box { break-inside: avoid; page-break-inside: avoid; }\n"
        "table.long { break-inside: auto; page-break-inside: auto; }\n"
        "tr, figure img { break-inside: avoid; page-break-inside: avoid; }\n"
        "thead { display: table-header-group; }\n"
    )


# --------------------------------------------------------------------------- running and exporting


def _resolve(scenario_path: str | os.PathLike[str]) -> Path:
    path = Path(scenario_path)
    if not path.exists() and not path.suffix:
        bundled = bundled_scenario_path(str(scenario_path))
        if bundled is not None:
            return bundled.resolve()
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
    config.TagRemovePreprocessor.remove_cell_tags = set(_REMOVE_TAGS[audience])
    exporter = HTMLExporter(config=config, template_name=_NBCONVERT_TEMPLATE,
                            extra_template_basedirs=[str(_TEMPLATE_DIR)])
    exporter.exclude_input = True
    exporter.exclude_input_prompt = True
    exporter.exclude_output_prompt = True
    body, _ = exporter.from_notebook_node(notebook)
    return body.strip()


def pack_html(scenario: Scenario, body: str, audience: str, *, large_print: bool = False) -> str:
    """Wrap a pack's body in one self-contained, printable page, after the leak and offline checks.

    Raises
    ------
    BriefingError
        If a trainee page holds the text of any facilitator-only field, or if the
        page would not open offline (scripts, links, images without alt text).
    """
    title = scenario.meta.title
    footer = (f'<p class="footer-note">{esc(_PACK_TITLES[audience])} for “{esc(title)}” '
              f"(scenario {esc(scenario.meta.id)}), made with fncoach. All people in it are fictional.</p>")
    css = bs.BRIEFING_CSS + print_css(title, audience, large_print)
    if audience == "facilitator":
        css += _FACILITATOR_CSS
    html_text = page(f"{title} — {_PACK_TITLES[audience]}", f"<main>{body}</main>\n{footer}", css=css,
                     large_print=large_print)
    html_text = re.sub(r"[ \t]+\n", "\n", html_text)
    if audience == "trainee":
        leaks = bs.find_leaks(scenario, html_text)
        if leaks:
            shown = "; ".join(repr(t[:60]) for t in leaks[:3])
            raise BriefingError(f"the trainee handout would show facilitator-only text ({shown}); it was not written")
    problems = bs.self_contained_problems(html_text)
    if problems:
        raise BriefingError("the page would not open offline: " + "; ".join(problems))
    return html_text


def html_to_pdf(html_text: str, target: str | os.PathLike[str]) -> Path:
    """Print a pack's HTML to an A4 PDF with WeasyPrint (offline: nothing is fetched)."""
    target = Path(target)
    _write_atomic(target, pdf_bytes(html_text))
    return target


def pdf_bytes(html_text: str) -> bytes:
    """A pack's HTML printed to A4 PDF with WeasyPrint, as bytes (offline: nothing is fetched)."""
    import logging

    from weasyprint import HTML

    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    logging.getLogger("fontTools").setLevel(logging.ERROR)
    return HTML(string=html_text, url_fetcher=_data_only_fetcher()).write_pdf()


def _data_only_fetcher():
    """A WeasyPrint URL fetcher that only reads ``data:`` URIs, so printing never touches the network."""
    try:
        from weasyprint.urls import URLFetcher
    except ImportError:  # WeasyPrint before the URLFetcher class: a plain function
        from weasyprint import default_url_fetcher

        def fetch(url: str, *args, **kwargs):
            if not url.startswith("data:"):
                raise ValueError(f"briefing packs never fetch {url}")
            return default_url_fetcher(url, *args, **kwargs)

        return fetch
    return URLFetcher(allowed_protocols=("data",))


def _write_atomic(target: Path, data: bytes) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".part")
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        os.replace(temp, target)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


def _import_exporters() -> None:
    try:
        import nbconvert  # noqa: F401
        import weasyprint  # noqa: F401
    except Exception:  # noqa: BLE001 - only a head start; the real import reports any problem
        pass


def build_briefing(scenario_path: str | os.PathLike[str], audience: str = "both", fmt: str = "both",
                   out_dir: str | os.PathLike[str] = ".", *, large_print: bool = False,
                   seed: int = 0, parallel: bool | None = None) -> BriefingResult:
    """Make the briefing packs for one scenario.

    Parameters
    ----------
    scenario_path : str or Path
        A scenario file, or the id of a bundled scenario.
    audience : {"trainee", "facilitator", "both"}
    fmt : {"html", "pdf", "both"}
    out_dir : str or Path
        Folder for the packs (made if needed). Files are named by
        :func:`pack_filename`, e.g. ``maya-trainee-handout.html``.
    large_print : bool
        Bigger text (16 pt) and writing boxes, for learners who need it.
    seed : int
        Seed for the eco-map layout and the contingency drill.
    parallel : bool, optional
        Print the two PDFs at the same time, the trainee one in a helper
        process started (and warmed up) while the notebook runs. By default
        this happens when both audiences are printed and the machine has two
        or more cores; :func:`build_many` turns it off when it already runs
        several scenarios at once.

    Raises
    ------
    ScenarioError
        The scenario file has problems (checked before any kernel starts).
    BriefingError
        The notebook failed, or a trainee page would have leaked a model answer.
    """
    started = time.perf_counter()
    audiences, formats = audiences_for(audience), formats_for(fmt)
    scenario = load_scenario(scenario_path)
    if parallel is None:
        parallel = len(audiences) > 1 and "pdf" in formats and (os.cpu_count() or 1) > 1
    warm = threading.Thread(target=_import_exporters, daemon=True)
    warm.start()  # import nbconvert and WeasyPrint on this process's core while the kernel works on the other
    helper = _PdfHelper() if parallel else None
    try:
        notebook = run_template(scenario_path, audience, large_print=large_print, seed=seed)
        pages = {who: pack_html(scenario, export_body(notebook, who), who, large_print=large_print)
                 for who in audiences}
        pdfs: dict[str, bytes] = {}
        if "pdf" in formats:
            first, *rest = audiences
            waiting = helper.submit(pages[first]) if helper is not None and rest else None
            for who in (rest if waiting else audiences):  # this process prints the rest meanwhile
                pdfs[who] = pdf_bytes(pages[who])
            if waiting:
                pdfs[first] = waiting()
        out = Path(out_dir)
        written: list[Path] = []
        for who in audiences:
            for kind in formats:
                target = out / pack_filename(scenario.meta.id, who, kind, large_print)
                _write_atomic(target, pages[who].encode("utf-8") if kind == "html" else pdfs[who])
                written.append(target)
    finally:
        if helper is not None:
            helper.close()
    return BriefingResult(scenario.meta.id, scenario.meta.title, tuple(written), time.perf_counter() - started)


def _make_way() -> None:
    """Run the helper at a lower priority, so warming it up does not slow the notebook kernel."""
    if hasattr(os, "nice"):
        try:
            os.nice(5)
        except OSError:
            pass


class _PdfHelper:
    """One helper process for printing a PDF alongside this one, warmed up (WeasyPrint imported) at once."""

    def __init__(self) -> None:
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        self._pool = ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("spawn"),
                                         initializer=_make_way)
        self._pool.submit(_import_exporters)

    def submit(self, html_text: str) -> Callable[[], bytes]:
        """Start printing ``html_text``; the returned function waits for the PDF's bytes.

        If the helper could not start or dies, the PDF is printed in this process instead.
        """
        from concurrent.futures.process import BrokenProcessPool

        try:
            future = self._pool.submit(pdf_bytes, html_text)
        except (BrokenProcessPool, RuntimeError):
            return lambda: pdf_bytes(html_text)

        def result() -> bytes:
            try:
                return future.result()
            except BrokenProcessPool:
                return pdf_bytes(html_text)

        return result

    def close(self) -> None:
        self._pool.shutdown(wait=True, cancel_futures=True)


# --------------------------------------------------------------------------- batches


def plain_reason(error: BaseException) -> str:
    """A one-paragraph, plain reason for a failed scenario (no traceback).

    Examples
    --------
    >>> plain_reason(BriefingError("the notebook failed"))
    'the notebook failed'
    """
    if isinstance(error, ScenarioError):
        return "; ".join(str(problem) for problem in error.problems) or str(error)
    if isinstance(error, BriefingError):
        return str(error)
    if isinstance(error, OSError):
        return f"could not use {error.filename or 'a file'}: {error.strerror or error}"
    return f"unexpected {type(error).__name__}: {error}"


def _build_item(source: str, audience: str, fmt: str, out_dir: str, large_print: bool, seed: int,
                parallel: bool | None = None) -> BatchItem:
    started = time.perf_counter()
    try:
        result = build_briefing(source, audience, fmt, out_dir, large_print=large_print, seed=seed,
                                parallel=parallel)
    except Exception as error:  # noqa: BLE001 - every failure becomes a plain reason; the batch goes on
        return BatchItem(source, None, plain_reason(error), time.perf_counter() - started)
    return BatchItem(source, result, "", result.seconds)


def build_many(sources: Sequence[str | os.PathLike[str]], audience: str = "both", fmt: str = "both",
               out_dir: str | os.PathLike[str] = ".", *, jobs: int = 1, large_print: bool = False, seed: int = 0,
               on_done: Callable[[BatchItem], None] | None = None) -> list[BatchItem]:
    """Make packs for many scenarios; failures are collected, never raised.

    Parameters
    ----------
    sources : sequence of str or Path
        Scenario files or bundled ids.
    jobs : int
        How many scenarios to make at once, each in its own process.
    on_done : callable, optional
        Called with each :class:`BatchItem` as it finishes (for a progress bar).

    Returns
    -------
    list of BatchItem
        In the order of ``sources``.
    """
    audiences_for(audience), formats_for(fmt)  # bad choices fail at once, not once per scenario
    sources = [str(s) for s in sources]
    # several scenarios at once already keep the cores busy: then each prints its PDFs one after the other
    parallel = None if jobs <= 1 or len(sources) <= 1 else False
    arguments = [(s, audience, fmt, str(out_dir), large_print, seed, parallel) for s in sources]
    items: dict[int, BatchItem] = {}
    if jobs <= 1 or len(sources) <= 1:
        for index, args in enumerate(arguments):
            items[index] = _build_item(*args)
            if on_done:
                on_done(items[index])
    else:
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor, as_completed

        context = multiprocessing.get_context("spawn")
        with ProcessPoolExecutor(max_workers=min(jobs, len(sources)), mp_context=context) as pool:
            futures = {pool.submit(_build_item, *args): index for index, args in enumerate(arguments)}
            for future in as_completed(futures):
                index = futures[future]
                try:
                    items[index] = future.result()
                except Exception as error:  # noqa: BLE001 - a crashed worker is one failed scenario
                    items[index] = BatchItem(sources[index], None, plain_reason(error))
                if on_done:
                    on_done(items[index])
    return [items[i] for i in range(len(sources))]

