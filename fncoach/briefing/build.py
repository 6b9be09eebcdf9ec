"""Making briefing packs: a trainee handout and a facilitator pack for each scenario, as HTML and PDF.

:func:`build_briefing` runs the briefing notebook template once per scenario
(:func:`fncoach.briefing.run.run_template`), exports it once per audience
(:func:`fncoach.briefing.run.export_body`), wraps each export in a printable
page (:func:`fncoach.briefing.page.pack_html`, which refuses a trainee page
holding any facilitator-only text) and prints the PDFs
(:mod:`fncoach.briefing.pdf`):

* the **trainee handout** keeps only the cells not tagged ``facilitator-only``,
  each built from :func:`fncoach.briefing.leaks.trainee_view`;
* the **facilitator pack** keeps everything except the ``trainee-only`` cells.

Each page is one self-contained HTML file (figures embedded as PNG with alt
text, no scripts, no web fonts, no links to the internet), and the PDF is made
from the same HTML: A4, the scenario title at the top of every page, page
numbers at the bottom, figures and tables never split across pages. The output
is deterministic: the same scenario gives the same HTML, byte for byte.

:func:`build_many` makes packs for many scenarios, in parallel processes if
asked; a scenario that fails is reported with a plain reason and does not stop
the others.

Examples
--------
>>> audiences_for("both"), formats_for("pdf")
(('trainee', 'facilitator'), ('pdf',))
"""

from __future__ import annotations

import os
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Sequence

from ..scenario import ScenarioError, load_scenario
from ..yamlfile import problem_lines
from .errors import BriefingError
from .files import pack_filename, write_atomic
from .pdf import PdfHelper, pdf_bytes, warm_up
from .run import export_body, run_template

__all__ = [
    "AUDIENCE_CHOICES",
    "FORMAT_CHOICES",
    "BriefingResult",
    "BatchItem",
    "audiences_for",
    "formats_for",
    "build_briefing",
    "build_many",
    "plain_reason",
]

AUDIENCE_CHOICES: tuple[str, ...] = ("trainee", "facilitator", "both")
FORMAT_CHOICES: tuple[str, ...] = ("html", "pdf", "both")


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
        :func:`fncoach.briefing.files.pack_filename`, e.g. ``maya-trainee-handout.html``.
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
        The notebook failed, a trainee page would have leaked a model answer, or
        PDF printing lacks a system library (the message names it).
    """
    from .page import pack_html  # the page templates (Jinja2) load only when a pack is made

    started = time.perf_counter()
    audiences, formats = audiences_for(audience), formats_for(fmt)
    scenario = load_scenario(scenario_path)
    if parallel is None:
        parallel = len(audiences) > 1 and "pdf" in formats and (os.cpu_count() or 1) > 1
    warm = threading.Thread(target=warm_up, daemon=True)
    warm.start()  # import nbconvert and WeasyPrint on this process's core while the kernel works on the other
    helper = PdfHelper() if parallel else None
    try:
        notebook = run_template(scenario_path, audience, large_print=large_print, seed=seed)
        source = _source_file(scenario_path)
        pages = {who: pack_html(scenario, export_body(notebook, who), who, large_print=large_print, source=source)
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
                write_atomic(target, pages[who].encode("utf-8") if kind == "html" else pdfs[who])
                written.append(target)
    finally:
        if helper is not None:
            helper.close()
    return BriefingResult(scenario.meta.id, scenario.meta.title, tuple(written), time.perf_counter() - started)


def _source_file(scenario_path: str | os.PathLike[str]) -> Path | None:
    """The scenario's file (for line numbers in messages), also when it was given by id."""
    from ..scenario import bundled_scenario_path

    path = Path(scenario_path)
    return path if path.is_file() else bundled_scenario_path(str(scenario_path))


# --------------------------------------------------------------------------- batches


def plain_reason(error: BaseException) -> str:
    """A one-paragraph, plain reason for a failed scenario (no traceback).

    Examples
    --------
    >>> plain_reason(BriefingError("the notebook failed"))
    'the notebook failed'
    """
    if isinstance(error, ScenarioError):
        return "; ".join(problem_lines(error.problems)) or str(error)
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
